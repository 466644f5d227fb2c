/**
 * `guideline history`: arguments, outputs, the order printed, failures; run in-process with a fake
 * terminal. The JSON it writes validates against the published schema under Ajv's strict mode.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import readXlsxFile from 'read-excel-file/node';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseArgs, USAGE } from '../../src/cli/args.js';
import { run } from '../../src/cli/main.js';
import { GuidelineHistory } from '../../src/schema/history.js';
import { fakeIo } from '../helpers/io.js';
import { ROOT } from '../helpers/seed.js';
import { parseCsv } from '../helpers/xlsx.js';
import { SERIES_DIR, SERIES_FILES } from './series.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'guideline-history-'));
  mkdirSync(join(dir, 'in'));
  for (const f of SERIES_FILES) copyFileSync(`${ROOT}${SERIES_DIR}/${f}`, join(dir, 'in', f));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const ORDER = `order (year, batch, draft before final, file name; --as-given keeps the order given):
  1. in/2024-batch1-draft.txt  2024 batch 1 (draft)
  2. in/2024-batch1-final.txt  2024 batch 1
  3. in/2025-batch1-draft.txt  2025 batch 1 (draft)
  4. in/2025-batch1-final.txt  2025 batch 1
  5. in/2025-batch2-final.txt  2025 batch 2
`;

describe('guideline history', () => {
  it('turns a folder of guidelines into the dataset and the page in one command', async () => {
    const io = fakeIo(dir);
    expect(await run(['history', 'in', '--out', 'out/history.json', '--out', 'out/history.html'], io)).toBe(0);
    expect(io.out()).toBe('');
    expect(io.err()).toBe(`${ORDER}history of 5 documents, 19 lines of directions → out/history.json, out/history.html\n`);
    const json = JSON.parse(readFileSync(join(dir, 'out', 'history.json'), 'utf8')) as unknown;
    const h = GuidelineHistory.parse(json);
    expect(h.documents.map((d) => d.source)).toEqual(SERIES_FILES.map((f) => `in/${f}`));
    expect(h.lines).toHaveLength(19);
    const validate = new Ajv2020({ strict: true, allErrors: true }).compile(JSON.parse(readFileSync(`${ROOT}schemas/history.schema.json`, 'utf8')) as object);
    expect(validate(json) ? [] : validate.errors).toEqual([]);
    const html = readFileSync(join(dir, 'out', 'history.html'), 'utf8');
    expect(html).toContain('<figure class="chart"><svg');
    expect(html).toContain('<table class="wide lines">');
    // Written atomically: nothing else beside them.
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['history.html', 'history.json']);
  });

  it('prints JSON on stdout by default, Markdown with --format md; keeps the order given with --as-given', async () => {
    const io = fakeIo(dir);
    expect(await run(['history', 'in/2025-batch1-final.txt', 'in/2024-batch1-draft.txt'], io)).toBe(0);
    const h = GuidelineHistory.parse(JSON.parse(io.out()));
    expect(h.documents.map((d) => d.id)).toEqual(['2024-batch1-draft', '2025-batch1-final']);
    expect(io.err()).toContain('  1. in/2024-batch1-draft.txt  2024 batch 1 (draft)\n  2. in/2025-batch1-final.txt  2025 batch 1\n');
    // In Chinese by default, as the reports name the versions.
    const zh = fakeIo(dir, { env: {} });
    expect(await run(['history', 'in/2025-batch1-final.txt', 'in/2024-batch1-draft.txt'], zh)).toBe(0);
    expect(zh.err()).toContain('  1. in/2024-batch1-draft.txt  2024年第一批（征求意见稿）\n  2. in/2025-batch1-final.txt  2025年第一批\n');

    const given = fakeIo(dir);
    expect(await run(['history', 'in/2025-batch1-final.txt', 'in/2024-batch1-draft.txt', '--as-given', '--format', 'md'], given)).toBe(0);
    expect(given.err()).toBe(
      'order (as given):\n  1. in/2025-batch1-final.txt  2025 batch 1\n  2. in/2024-batch1-draft.txt  2024 batch 1 (draft)\nhistory of 2 documents, 16 lines of directions\n',
    );
    expect(given.out()).toContain('# 指南历次版本');
    expect(given.out()).toContain('按给定的顺序排列（--as-given）。');
  });

  it('writes CSV and XLSX: one row per line per document', async () => {
    const io = fakeIo(dir);
    expect(await run(['history', 'in', '--out', 'h.csv', '--out', 'h.xlsx'], io)).toBe(0);
    const csv = parseCsv(readFileSync(join(dir, 'h.csv'), 'utf8').replace(/^\uFEFF/, ''));
    expect(csv).toHaveLength(1 + 19 * 5);
    const [lines, totals] = await readXlsxFile(readFileSync(join(dir, 'h.xlsx')));
    expect([lines!.sheet, lines!.data.length, totals!.sheet, totals!.data.length]).toEqual(['方向线', 96, '合计', 6]);
  });

  it('reads extracted JSON as well as sources', async () => {
    expect(await run(['ingest', 'in/2024-batch1-final.txt', '--out', 'x'], fakeIo(dir))).toBe(0);
    const io = fakeIo(dir);
    expect(await run(['history', 'in/2024-batch1-draft.txt', 'x/2024-batch1-final.json'], io)).toBe(0);
    const h = GuidelineHistory.parse(JSON.parse(io.out()));
    expect(h.documents.map((d) => [d.id, d.source])).toEqual([
      ['2024-batch1-draft', 'in/2024-batch1-draft.txt'],
      ['2024-batch1-final', 'in/2024-batch1-final.txt'],
    ]);
    expect(h.lines.filter((l) => l.versions[0] && !l.versions[1]).map((l) => l.title)).toEqual(['中国和芬兰政府间科技合作项目']);
  });

  it('an input that fails is one line; the history has the others, exit 1', async () => {
    writeFileSync(join(dir, 'in', 'notes.json'), '{"not": "a guideline"}');
    const io = fakeIo(dir);
    expect(await run(['history', 'in', 'missing.txt', '--out', 'h.json'], io)).toBe(1);
    expect(io.err()).toContain('guideline: in/notes.json: not an extracted guideline (does not match schemas/guideline.schema.json)\n');
    expect(io.err()).toContain('guideline: missing.txt: no such file\n');
    expect(io.err()).toContain('history of 5 documents, 19 lines of directions → h.json; 2 inputs failed (see above) and are not in it\n');
    expect(GuidelineHistory.parse(JSON.parse(readFileSync(join(dir, 'h.json'), 'utf8'))).documents).toHaveLength(5);
  });

  it('nothing readable: exit 1, nothing written; an empty folder says so', async () => {
    mkdirSync(join(dir, 'empty'));
    const io = fakeIo(dir);
    expect(await run(['history', 'empty', 'missing.txt', '--out', 'h.html'], io)).toBe(1);
    expect(io.err()).toBe('guideline: empty: no guideline file (.pdf, .ofd, .docx, .doc, .wps, .odt, .rtf, .html, .mht, .eml, .xls, .et, .ods, .pptx, .ppt, .msg, .odp, .xps, .uot, .epub, .xmind, .zip, .sql, .jsonl, .txt, .png, .jpg, .tif or .json) in this folder\nguideline: missing.txt: no such file\nguideline: no history: no input could be read (h.html not written)\n');
    expect(existsSync(join(dir, 'h.html'))).toBe(false);
  });

  it('a file that cannot be written: exit 2', async () => {
    writeFileSync(join(dir, 'blocker'), '');
    const io = fakeIo(dir);
    expect(await run(['history', 'in/2024-batch1-draft.txt', '--out', 'blocker/h.json'], io)).toBe(2);
    expect(io.err()).toMatch(/guideline: blocker\/h\.json: cannot write: a part of the path is a file, not a folder\n$/);
  });

  it('usage errors: exit 2 with one line', async () => {
    const io = fakeIo(dir);
    expect(await run(['history'], io)).toBe(2);
    expect(io.err()).toBe("guideline: 'history' expects at least one file or folder\nRun 'guideline history --help' for usage.\n");
    const help = fakeIo(dir);
    expect(await run(['history', '--help'], help)).toBe(0);
    expect(help.out()).toBe(`${USAGE.history}\n`);
    expect(USAGE.main).toContain('history <file|dir…>');
  });
});

describe('parseArgs: history', () => {
  const outputs = (...argv: string[]) => {
    const cmd = parseArgs(['history', 'in', ...argv]);
    if (cmd.command !== 'history') throw new Error('not history');
    return cmd.outputs;
  };

  it('takes the format of each --out from its extension, or --format with one --out', () => {
    expect(outputs()).toEqual([{ format: 'json', path: null }]);
    expect(outputs('--format', 'html')).toEqual([{ format: 'html', path: null }]);
    expect(outputs('--out', 'a.JSON', '-o', 'b.htm', '--out=c.md', '--out', 'd.csv', '--out', 'e.xlsx')).toEqual([
      { format: 'json', path: 'a.JSON' },
      { format: 'html', path: 'b.htm' },
      { format: 'md', path: 'c.md' },
      { format: 'csv', path: 'd.csv' },
      { format: 'xlsx', path: 'e.xlsx' },
    ]);
    expect(outputs('--out', 'report', '--format', 'md')).toEqual([{ format: 'md', path: 'report' }]);
    expect(parseArgs(['history', 'a', 'b', '--as-given', '--timeout-ms', '500'])).toEqual({
      command: 'history',
      inputs: ['a', 'b'],
      outputs: [{ format: 'json', path: null }],
      asGiven: true,
      concurrency: null,
      maxBytes: null,
      timeoutMs: 500,
      ocr: 'auto',
      ocrMaxPages: null,
    });
  });

  it('refuses what it cannot honour', () => {
    expect(() => outputs('--format', 'pdf')).toThrow("--format expects json, md, html, csv or xlsx, got 'pdf'");
    expect(() => outputs('--format', 'xlsx')).toThrow('--format xlsx needs --out FILE (a workbook is not written to the terminal)');
    expect(() => outputs('--out', 'a.json', '--out', 'b.html', '--format', 'json')).toThrow('--format goes with one --out; with several, each takes the format of its extension');
    expect(() => outputs('--out', 'a.json', '--out', 'a.json')).toThrow('the same --out is given twice');
    expect(() => outputs('--out', 'report')).toThrow("--out 'report' names no format (.json, .md, .html, .csv or .xlsx): add --format");
    expect(() => outputs('--out', 'report.constructor')).toThrow("--out 'report.constructor' names no format");
    expect(() => outputs('--out', 'a.html', '--format', 'json')).toThrow("--out 'a.html' is not a json file name (--format json)");
    expect(() => outputs('--columns', 'en')).toThrow("unknown option '--columns' for 'history'");
    expect(() => parseArgs(['diff', 'a', 'b', '--as-given'])).toThrow("unknown option '--as-given' for 'diff'");
  });
});
