/**
 * The CLI's message catalogue: every id in both languages (Chinese sentences in Chinese, English ones
 * without Chinese), and the language chosen by `--lang`, then the locale; Chinese by default.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { languageOf, MESSAGES, t, type MessageId, type MessageParams } from '../../src/messages/index.js';
import { fakeIo } from '../helpers/io.js';
import { extensionsShown, INPUT_FORMATS } from '../../src/load/extensions.js';
import { seedBytes } from '../helpers/seed.js';

const counts = { interrupted: false, documents: 3, written: 2, skipped: 0, failed: 1, warnings: 6, stale: 1, pruned: false };
/** Parameters for every id: the type requires one entry per message, so a new id needs one here. */
const SAMPLES: { readonly [K in MessageId]: MessageParams<K> } = {
  'help.main': [],
  'help.ingest': [],
  'help.schema': [],
  'help.diff': [],
  'help.export': [],
  'help.history': [],
  'usage.see-help': ['ingest'],
  'usage.no-command': [],
  'usage.unknown-command': ['ingets'],
  'usage.needs-value': ['--out'],
  'usage.unknown-option': ['--fast', 'ingest'],
  'usage.positive-int': ['--concurrency', 'x'],
  'usage.whole-number': ['--workers', null],
  'usage.verbose-quiet': [],
  'usage.choice': ['--ocr', 'auto、force、off', 'maybe'],
  'usage.schema-no-files': ['a.txt'],
  'usage.diff-two-files': [1],
  'usage.needs-input': ['export'],
  'usage.export-needs-out': [],
  'usage.export-format-none': ['out.txt'],
  'usage.out-not-format': ['a.csv', 'xlsx'],
  'usage.xlsx-needs-out': [],
  'usage.format-one-out': [],
  'usage.same-out-twice': [],
  'usage.out-no-format': ['a.txt'],
  'schema.wrote': [3, 'schemas'],
  'ingest.summary': [counts],
  'ingest.stale': ['extracted/old.json', 'corpus', false],
  'ingest.warnings': ['corpus/a.txt', 6],
  'ingest.parts': ['corpus/three.txt', ['three-1', 'three-2']],
  'ingest.rendition': ['in/g.txt', 'in/g.html', 'g-txt'],
  'ingest.removed-outputs': ['extracted/seed', 'corpus/seed.txt'],
  'ingest.more-warnings': [3],
  'ingest.progress-ocr': [2, 5],
  'export.done': [{ directions: 15, checks: 9, documents: 1, out: 'a.xlsx', failed: 1 }],
  'report.interrupted': ['a.xlsx'],
  'export.nothing': ['a.xlsx'],
  'history.nothing': ['h.html'],
  'history.order': [true],
  'history.done': [{ documents: 5, lines: 19, target: 'h.html', failed: 0 }],
  'diff.full-report': [],
  'fail.line': ['corpus/a.txt', 'x'],
  'fail.internal': ['x is undefined'],
  'ingest.corpus-unreadable': ['corpus'],
  'ingest.id-folder': ['corpus/2025', 3],
  'ingest.out-unmakeable': ['extracted', 'ENOSPC'],
  'ingest.strict': [7, ['corpus/a.txt', 'corpus/b.txt', 'corpus/c.txt', 'corpus/d.txt'], false],
  'interrupt.notice': [],
  'schema.unwritable': ['schemas', 'ENOSPC'],
  'usage.stdin-once': [],
  'usage.id-one-file': [],
};

const CJK = /[\u4e00-\u9fff]/;

describe('message catalogue', () => {
  it('has every id in Chinese and in English', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual(Object.keys(MESSAGES).sort());
    for (const id of Object.keys(MESSAGES) as MessageId[]) {
      const params = SAMPLES[id] as never[];
      const zh = (t as (l: 'zh' | 'en', id: MessageId, ...p: never[]) => string)('zh', id, ...params);
      const en = (t as (l: 'zh' | 'en', id: MessageId, ...p: never[]) => string)('en', id, ...params);
      // `fail.line` is a frame (the file, then the reason): its words are its parameters'.
      if (id !== 'fail.line') expect(zh, id).toMatch(CJK);
      expect(en, id).not.toMatch(CJK);
      expect(zh, id).not.toBe(en);
      // A Chinese sentence is written whole: no English words of its own (flags, names, formats aside).
      expect(zh.replace(/--?[a-z-]+|'[^']*'|guideline|ingest|diff|export|history|schema|json|md|html|csv|xlsx|txt|pdf|zod|JSON|Markdown|HTML|CSV|XLSX|Schema|OCR|PDF|BOM|UTF-8|RFC|MiB|auto|force|off|zh|en|LC_ALL|LC_MESSAGES|LANG|pdf\.js|corpus|extracted|schemas|stdout|[a-z]+\.(json|html|xlsx|txt|csv)|[A-Za-z0-9_./…|<>-]+\/?/g, ''), id).not.toMatch(/[A-Za-z]{3,}/);
    }
  });

  it('lists in `ingest --help` every extension a folder is searched for and every --format, in both languages', () => {
    for (const lang of ['zh', 'en'] as const) {
      const help = t(lang, 'help.ingest');
      for (const ext of extensionsShown(false)) expect(help, `${lang} ${ext}`).toMatch(new RegExp(`${ext.replace('.', '\\.')}(?![a-z])`));
      const formats = /--format (?:格式|F) +(?:按|read the inputs as) (.+?) (?:读入|\(default)/.exec(help)?.[1];
      expect(formats?.split(/、| 或 |, | or /)).toEqual([...INPUT_FORMATS]);
    }
  });

  it('speaks Chinese by default, English with --lang en or an English locale', () => {
    expect(languageOf(null, {})).toBe('zh');
    expect(languageOf(null, { LANG: 'C.UTF-8' })).toBe('zh');
    expect(languageOf(null, { LANG: 'zh_CN.UTF-8' })).toBe('zh');
    expect(languageOf(null, { LANG: 'en_US.UTF-8' })).toBe('en');
    expect(languageOf(null, { LC_ALL: 'zh_CN.UTF-8', LANG: 'en_US.UTF-8' })).toBe('zh');
    expect(languageOf('zh', { LANG: 'en_GB' })).toBe('zh');
    expect(languageOf('en', {})).toBe('en');
  });
});

describe('the CLI in Chinese', () => {
  const dir = mkdtempSync(join(tmpdir(), 'guideline-zh-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('helps, refuses and summarises in Chinese; --lang en in English', async () => {
    const help = fakeIo(dir, { env: {} });
    expect(await run(['--help'], help)).toBe(0);
    expect(help.out()).toContain('用法：guideline <命令> [选项]');
    const en = fakeIo(dir, { env: {} });
    expect(await run(['--help', '--lang', 'en'], en)).toBe(0);
    expect(en.out()).toContain('Usage: guideline <command> [options]');

    const bad = fakeIo(dir, { env: {} });
    expect(await run(['ingest', '--ocr', 'maybe'], bad)).toBe(2);
    expect(bad.err()).toBe("guideline: --ocr 应为 auto、force、off 之一，收到'maybe'\n用法见 'guideline ingest --help'。\n");
    const badLang = fakeIo(dir, { env: {} });
    expect(await run(['ingest', '--lang', 'fr'], badLang)).toBe(2);
    expect(badLang.err()).toContain("--lang 应为 zh、en 之一，收到'fr'");

    mkdirSync(join(dir, 'corpus'));
    writeFileSync(join(dir, 'corpus', 'seed.txt'), seedBytes());
    const ingest = fakeIo(dir, { env: {} });
    expect(await run(['ingest', '--verbose'], ingest)).toBe(0);
    const lines = ingest.err().split('\n');
    expect(lines[0]).toBe('corpus/seed.txt：6项警告');
    expect(lines.at(-2)).toBe('1个文件：写出1个，跳过0个，失败0个；警告6条');

    const exported = fakeIo(dir, { env: {} });
    expect(await run(['export', 'extracted', '--out', 'all.csv'], exported)).toBe(0);
    expect(exported.err()).toBe('已导出1份文件的15个方向到 all.csv\n');
  });
});
