import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { Guideline } from '../../src/schema/guideline.js';
import { fakeIo } from '../helpers/io.js';
import { ROOT, seedBytes } from '../helpers/seed.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'guideline-cli-'));
  mkdirSync(join(dir, 'corpus'));
  writeFileSync(join(dir, 'corpus', 'seed.txt'), seedBytes());
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const outputs = (): string[] => readdirSync(join(dir, 'extracted')).sort();

describe('guideline ingest', () => {
  it('ingests the corpus, then skips it when nothing changed', async () => {
    const io = fakeIo(dir);
    expect(await run(['ingest'], io)).toBe(0);
    expect(outputs()).toEqual(['seed.html', 'seed.json', 'seed.md']);
    expect(io.err()).toBe('1 document: 1 written, 0 skipped, 0 failed; 6 warnings\n');
    const doc = Guideline.parse(JSON.parse(readFileSync(join(dir, 'extracted', 'seed.json'), 'utf8')));
    expect(doc.directions).toHaveLength(15);
    expect(doc.document.source.path).toBe('corpus/seed.txt');

    const again = fakeIo(dir);
    expect(await run(['ingest'], again)).toBe(0);
    // A skipped document still counts its warnings.
    expect(again.err()).toBe('1 document: 0 written, 1 skipped, 0 failed; 6 warnings\n');
    expect(await run(['ingest', '--strict'], fakeIo(dir))).toBe(1);
    // An output from before the page existed (no seed.html) is written again, page included.
    rmSync(join(dir, 'extracted', 'seed.html'));
    const page = fakeIo(dir);
    expect(await run(['ingest'], page)).toBe(0);
    expect(page.err()).toBe('1 document: 1 written, 0 skipped, 0 failed; 6 warnings\n');
    expect(readFileSync(join(dir, 'extracted', 'seed.html'), 'utf8')).toContain('<td class="num">');

    const forced = fakeIo(dir);
    expect(await run(['ingest', '--force', '--json'], forced)).toBe(0);
    expect(JSON.parse(forced.out())).toMatchObject({ documents: 1, written: 1, skipped: 0, failed: 0, warnings: 6 });
    expect(forced.err()).toBe('');
  });

  it('finds every format it reads in a folder: Markdown and OpenDocument files too, each named by its stem', async () => {
    const seed = seedBytes();
    writeFileSync(join(dir, 'corpus', 'export.md'), seed);
    writeFileSync(join(dir, 'corpus', 'broken.odt'), 'not a zip');
    const io = fakeIo(dir);
    expect(await run(['ingest'], io)).toBe(1);
    expect(outputs()).toEqual(['export.html', 'export.json', 'export.md', 'seed.html', 'seed.json', 'seed.md']);
    // The .odt was found (and failed, in one line naming it), not passed over.
    expect(io.err()).toMatch(/corpus\/broken\.odt/);
  });

  it('writes to an --out folder given as an absolute path, and only there', async () => {
    const out = mkdtempSync(join(tmpdir(), 'guideline-out-'));
    try {
      expect(await run(['ingest', 'corpus/seed.txt', '--out', out], fakeIo(dir))).toBe(0);
      expect(readdirSync(out).sort()).toEqual(['seed.html', 'seed.json', 'seed.md']);
      expect(readdirSync(dir).sort()).toEqual(['corpus']);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('goes on past bad files, names each with its reason, and exits 1', async () => {
    writeFileSync(join(dir, 'corpus', 'empty.txt'), '');
    writeFileSync(join(dir, 'corpus', 'notes.txt'), '这是一份说明，不是申报指南。\n没有编号的方向。\n');
    writeFileSync(join(dir, 'corpus', 'fake.pdf'), '这不是PDF');
    writeFileSync(join(dir, 'corpus', 'garbage.txt'), Buffer.from([0x41, 0xff, 0xfe, 0x00, 0x01, 0x02, 0x03]));
    mkdirSync(join(dir, 'corpus', 'sub.txt'));
    const pdf = (name: string): Buffer => readFileSync(`${ROOT}test/fixtures/pdf/${name}`);
    writeFileSync(join(dir, 'corpus', 'locked.pdf'), pdf('encrypted.pdf'));
    writeFileSync(join(dir, 'corpus', 'scan.pdf'), pdf('scanned.pdf'));
    writeFileSync(join(dir, 'corpus', 'half.pdf'), pdf('2025-batch1-draft.pdfkit.pdf').subarray(0, 5000));
    writeFileSync(join(dir, 'corpus', 'draft.pdf'), pdf('2025-batch1-draft.pdfkit.pdf'));
    const io = fakeIo(dir);
    expect(await run(['ingest', '--concurrency', '2'], io)).toBe(1);
    const lines = io.err().split('\n');
    expect(lines.filter((l) => !l.includes('half.pdf'))).toEqual([
      'guideline: corpus/empty.txt: empty file',
      'guideline: corpus/fake.pdf: not a PDF (no %PDF- header), despite the .pdf extension',
      'guideline: corpus/garbage.txt: binary file (contains NUL bytes), not text',
      'guideline: corpus/locked.pdf: encrypted PDF: it needs a password to open',
      'guideline: corpus/notes.txt: not a guideline: no numbered guideline directions found (headings, each followed by fields such as 拟支持项目数, 经费, 实施周期 or 研究内容)',
      // The 40-dpi page: too coarse for OCR (--ocr auto, the default), said so rather than read badly.
      'guideline: corpus/scan.pdf: page 1 is a scan of 40 dpi, too coarse to read (OCR needs 100 dpi or more; 200–300 dpi is best)',
      '9 documents: 2 written, 0 skipped, 7 failed; 12 warnings',
      '',
    ]);
    expect(lines.find((l) => l.includes('half.pdf'))).toMatch(/^guideline: corpus\/half\.pdf: (damaged PDF: .*|no text layer .*)$/);
    expect(outputs()).toEqual(['draft.html', 'draft.json', 'draft.md', 'seed.html', 'seed.json', 'seed.md']);

    const again = fakeIo(dir);
    expect(await run(['ingest'], again)).toBe(1);
    expect(again.err()).toContain('9 documents: 0 written, 2 skipped, 7 failed; 12 warnings\n');
  });

  it('reads a folder given by name, and reports a missing file', async () => {
    const io = fakeIo(dir);
    expect(await run(['ingest', 'corpus', 'nope.txt'], io)).toBe(1);
    expect(io.err()).toContain('guideline: nope.txt: no such file\n');
    expect(outputs()).toEqual(['seed.html', 'seed.json', 'seed.md']);
  });

  it('refuses a file over the size limit', async () => {
    const io = fakeIo(dir);
    expect(await run(['ingest', 'corpus/seed.txt', '--max-bytes', '1000'], io)).toBe(1);
    expect(io.err()).toContain('guideline: corpus/seed.txt: too large (28066 bytes; the limit is 1000)\n');
  });

  it('reports outputs whose source is gone, and prunes them on request', async () => {
    expect(await run(['ingest'], fakeIo(dir))).toBe(0);
    writeFileSync(join(dir, 'extracted', 'old.json'), '{}');
    writeFileSync(join(dir, 'extracted', 'old.md'), '');
    writeFileSync(join(dir, 'extracted', 'old.html'), '');
    const io = fakeIo(dir);
    expect(await run(['ingest'], io)).toBe(0);
    expect(io.err()).toContain('guideline: extracted/old.json: its source is gone from corpus/ (kept; --prune removes it)\n');
    expect(existsSync(join(dir, 'extracted', 'old.json'))).toBe(true);
    const pruned = fakeIo(dir);
    expect(await run(['ingest', '--prune'], pruned)).toBe(0);
    expect(outputs()).toEqual(['seed.html', 'seed.json', 'seed.md']);
  });

  it('two sources with one output name: the second fails, nothing is overwritten', async () => {
    mkdirSync(join(dir, 'corpus', 'b'));
    writeFileSync(join(dir, 'corpus', 'b', 'seed.txt'), seedBytes());
    const io = fakeIo(dir);
    expect(await run(['ingest'], io)).toBe(1);
    expect(io.err()).toContain("guideline: corpus/seed.txt: its output name 'seed' is already taken by corpus/b/seed.txt: rename one of them\n");
  });

  it('shows progress on a terminal only: count, elapsed time, current file', async () => {
    let clock = 0;
    const err: string[] = [];
    const io = { ...fakeIo(dir), stderr: { write: (s: string) => err.push(s), isTTY: true }, now: () => (clock += 500) };
    expect(await run(['ingest'], io)).toBe(0);
    expect(err[0]).toBe('\r\x1b[K[0/1] 0.5s corpus/seed.txt');
    expect(err[1]).toBe('\r\x1b[K[1/1] 1.0s corpus/seed.txt');
    expect(err.at(-1)).toBe('1 document: 1 written, 0 skipped, 0 failed; 6 warnings\n');
    const quiet = fakeIo(dir);
    await run(['ingest', '--force'], quiet);
    expect(quiet.err()).not.toContain('\r');
  });

  it('exits 1 on warnings with --strict', async () => {
    expect(await run(['ingest', '--strict'], fakeIo(dir))).toBe(1);
  });

  it('prints usage errors in one line and exits 2', async () => {
    const io = fakeIo(dir);
    expect(await run(['ingest', '--nope'], io)).toBe(2);
    expect(io.err()).toBe("guideline: unknown option '--nope' for 'ingest'\nRun 'guideline ingest --help' for usage.\n");
  });

  it('writes the same bytes on every run', async () => {
    await run(['ingest'], fakeIo(dir));
    const first = readFileSync(join(dir, 'extracted', 'seed.json'));
    const firstMd = readFileSync(join(dir, 'extracted', 'seed.md'));
    await run(['ingest', '--force', '--concurrency', '1'], fakeIo(dir));
    expect(readFileSync(join(dir, 'extracted', 'seed.json')).equals(first)).toBe(true);
    expect(readFileSync(join(dir, 'extracted', 'seed.md')).equals(firstMd)).toBe(true);
  });
});

describe('ingest DIR', () => {
  it('reads every source in a folder given by name, and below it', async () => {
    const io = fakeIo(dir);
    expect(await run(['ingest', 'corpus', '--out', 'from-folder'], io)).toBe(0);
    expect(readdirSync(join(dir, 'from-folder')).sort()).toEqual(['seed.html', 'seed.json', 'seed.md']);
  });

  it('a folder with no source in it is one failure line and exit 1, the rest is ingested', async () => {
    mkdirSync(join(dir, 'empty'));
    const io = fakeIo(dir);
    expect(await run(['ingest', 'empty', 'corpus/seed.txt', '--out', 'o'], io)).toBe(1);
    expect(io.err().split('\n')[0]).toBe('guideline: empty: no guideline file (.pdf, .ofd, .docx, .doc, .wps, .odt, .rtf, .html, .mht, .eml, .xlsx, .xls, .et, .ods, .pptx, .ppt, .msg, .odp, .xps, .uot, .epub, .xmind, .zip, .csv, .sql, .jsonl, .md, .txt, .png, .jpg or .tif) in this folder');
    expect(readdirSync(join(dir, 'o')).sort()).toEqual(['seed.html', 'seed.json', 'seed.md']);
  });
});

describe('a text holding several guidelines', () => {
  it('writes each as a document of its own, says so, and keeps them on a run of the whole corpus', async () => {
    writeFileSync(join(dir, 'corpus', 'three.txt'), readFileSync(join(ROOT, 'test/fixtures/real-forms/three-key-drafts-pasted.txt')));
    const io = fakeIo(dir);
    expect(await run(['ingest'], io)).toBe(0);
    expect(outputs().filter((n) => n.endsWith('.json'))).toEqual(['seed.json', 'three-1.json', 'three-2.json', 'three-3.json']);
    expect(io.err()).toContain('guideline: corpus/three.txt: holds 3 guidelines one after another: written as three-1.json, three-2.json, three-3.json\n');
    const titles = ['three-1', 'three-2', 'three-3'].map((id) => Guideline.parse(JSON.parse(readFileSync(join(dir, 'extracted', `${id}.json`), 'utf8'))).document.title);
    expect(titles).toEqual([
      '国家重点研发计划“稀土新材料”重点专项2026年度项目申报指南',
      '国家重点研发计划“数学和应用研究”重点专项2026年度项目申报指南',
      '国家重点研发计划“海洋环境安全保障与岛礁可持续发展”重点专项2026年度项目申报指南',
    ]);
    // Not stale: their source is there.
    const again = fakeIo(dir);
    expect(await run(['ingest', '--prune'], again)).toBe(0);
    expect(again.err()).not.toContain('source is gone');
    expect(outputs().filter((n) => n.endsWith('.json'))).toHaveLength(4);
  });
});

describe('what ingest prints', () => {
  const corruptPdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2000, 0x5a)]);

  it('a single file that fails: one line, no summary; --verbose adds pdf.js’s words', async () => {
    writeFileSync(join(dir, 'bad.pdf'), corruptPdf);
    const io = fakeIo(dir);
    expect(await run(['ingest', 'bad.pdf'], io)).toBe(1);
    expect(io.err()).toBe('guideline: bad.pdf: damaged PDF: its internal structure cannot be read\n');
    const verbose = fakeIo(dir);
    await run(['ingest', 'bad.pdf', '--verbose'], verbose);
    expect(verbose.err().split('\n')[0]).toMatch(/^guideline: bad\.pdf: damaged PDF: its internal structure cannot be read \(pdf\.js: .+\)$/);
    const json = fakeIo(dir);
    await run(['ingest', 'bad.pdf', '--json'], json);
    const summary = JSON.parse(json.out()) as { results: { detail?: string; error?: string }[] };
    expect(summary.results[0]!.detail).toMatch(/^pdf\.js: /);
  });

  it('lists warnings: all with --verbose, the first few on a terminal, none with --quiet', async () => {
    // In Chinese, the default language (no English locale).
    const verbose = fakeIo(dir, { env: {} });
    expect(await run(['ingest', '--verbose'], verbose)).toBe(0);
    const lines = verbose.err().split('\n');
    expect(lines[0]).toBe('corpus/seed.txt：6项警告');
    expect(lines.slice(1, 7).every((l) => /^ {2}警告 第\d+行 .+（[a-z-]+）$/.test(l))).toBe(true);
    expect(lines).toContain('  警告 第66行 文中所述国拨经费合计4.02亿元，各方向合计3.895亿元（1250万元未分到方向）（funding-total-mismatch）');
    // Two placeholders of one direction read apart: the field, the words around them, the line.
    expect(lines).toContain('  警告 第576行 方向2.1：其他要求中含待定内容“待定”：“…，文件模板下载链接：待定）。…”（placeholder）');
    expect(lines).toContain('  警告 第599行 方向2.1：其他要求中含待定内容“待定”：“…合作方案（下载链接：待定）。…”（placeholder）');
    expect(new Set(lines).size).toBe(lines.length);
    expect(lines.at(-2)).toBe('1个文件：写出1个，跳过0个，失败0个；警告6条');

    const err: string[] = [];
    const tty = { ...fakeIo(dir, { env: {} }), stderr: { write: (s: string) => err.push(s), isTTY: true } };
    await run(['ingest'], tty);
    // Progress lines are writes of their own that start with `\r`.
    const shown = err.filter((w) => !w.startsWith('\r')).join('');
    expect(shown).toContain('corpus/seed.txt：6项警告\n');
    expect(shown).toContain('  …另有3项（--verbose 列出全部）\n');

    const quiet = fakeIo(dir);
    expect(await run(['ingest', '--quiet'], quiet)).toBe(0);
    expect(quiet.err()).toBe('');

    // With --lang en, the English messages.
    const en = fakeIo(dir, { env: {} });
    expect(await run(['ingest', '--verbose', '--force', '--lang', 'en'], en)).toBe(0);
    expect(en.err().split('\n')[0]).toBe('corpus/seed.txt: 6 warnings');
    expect(en.err()).toContain('  warning line 66: the text states a funding total of 4.02亿元, the directions add up to 3.895亿元 (1250万元 unassigned) (funding-total-mismatch)\n');
  });
});
