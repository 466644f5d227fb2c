import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { GuidelineDiff } from '../../src/schema/diff.js';
import { fakeIo } from '../helpers/io.js';
import { ROOT, seedText } from '../helpers/seed.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'guideline-diff-'));
  writeFileSync(join(dir, 'old.txt'), seedText());
  writeFileSync(join(dir, 'new.txt'), seedText().replace('共拟支持经费：800万元人民币。', '共拟支持经费：900万元人民币。'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('guideline diff', () => {
  it('prints a short summary on a terminal when no --format is given (JSON when piped)', async () => {
    let out = '';
    const io = { ...fakeIo(dir, { env: {} }), stdout: { write: (s: string) => (out += s), isTTY: true } };
    expect(await run(['diff', 'old.txt', 'new.txt'], io)).toBe(1);
    expect(out.split('\n')).toEqual([
      'old.txt → new.txt',
      '新增 0，删除 0，修改 1，未变 14，重新编号 0',
      '  1.1 中国和越南政府间联合研究项目：拟支持经费 800万元 → 900万元',
      '  各方向经费合计：3.895亿元 → 3.905亿元',
      '完整报告：--format json|md|html',
      '',
    ]);
    // The summary follows --lang (the guideline's own title stays as written).
    let en = '';
    const english = { ...fakeIo(dir, { env: {} }), stdout: { write: (s: string) => (en += s), isTTY: true } };
    expect(await run(['diff', 'old.txt', 'new.txt', '--lang', 'en'], english)).toBe(1);
    expect(en.split('\n')).toEqual([
      'old.txt → new.txt',
      '0 added, 0 removed, 1 modified, 14 unchanged, 0 renumbered',
      '  1.1 中国和越南政府间联合研究项目: funding CNY 8,000,000 → CNY 9,000,000',
      '  funding of all directions: CNY 389,500,000 → CNY 390,500,000',
      '--format json|md|html for the full report',
      '',
    ]);
    const piped = fakeIo(dir);
    await run(['diff', 'old.txt', 'new.txt'], piped);
    expect(GuidelineDiff.parse(JSON.parse(piped.out())).summary.counts.modified).toBe(1);
  });

  it('exits 0 when nothing changed: the text seed and its PDF rendition', async () => {
    const io = fakeIo(ROOT);
    expect(await run(['diff', 'corpus/2025-batch1-draft.txt', 'corpus/2025-batch1-draft.libreoffice.pdf'], io)).toBe(0);
    const d = GuidelineDiff.parse(JSON.parse(io.out()));
    expect(d.summary.counts).toEqual({ added: 0, removed: 0, modified: 0, unchanged: 15, renumbered: 0, moved: 0 });
    expect(io.err()).toBe('');
  });

  it('exits 1 when something changed, and compares extracted JSON as well as sources', async () => {
    expect(await run(['ingest', 'old.txt', '--out', 'x'], fakeIo(dir))).toBe(0);
    const io = fakeIo(dir);
    expect(await run(['diff', 'x/old.json', 'new.txt', '--format', 'md', '--out', 'report.md'], io)).toBe(1);
    expect(io.out()).toBe('');
    expect(readFileSync(join(dir, 'report.md'), 'utf8')).toContain('| 拟支持经费 | 修改 | 800万元 | 900万元 |');
    const html = fakeIo(dir);
    expect(await run(['diff', 'old.txt', 'new.txt', '--format', 'html'], html)).toBe(1);
    expect(html.out()).toContain('<td>900万元</td>');
  });

  it('exits 2 with one line for a file it cannot read', async () => {
    const io = fakeIo(dir);
    expect(await run(['diff', 'old.txt', 'missing.txt'], io)).toBe(2);
    expect(io.err()).toBe('guideline: missing.txt: no such file\n');
    writeFileSync(join(dir, 'bad.json'), '{"schemaVersion": "0"}');
    const bad = fakeIo(dir);
    expect(await run(['diff', 'bad.json', 'old.txt'], bad)).toBe(2);
    expect(bad.err()).toBe('guideline: bad.json: not an extracted guideline (does not match schemas/guideline.schema.json)\n');
  });
});
