/**
 * The CLI over every input format: standard input (`ingest -`), folders with HTML and Word files,
 * renditions of one document in one folder, and `diff`/`export`/`history` across formats.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { Guideline } from '../../src/schema/guideline.js';
import { fakeIo } from '../helpers/io.js';
import { ROOT } from '../helpers/seed.js';

const FORMATS = join(ROOT, 'test/fixtures/formats');
const TEXT = join(ROOT, 'test/fixtures/variants/2024-intergov-final.txt');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'guideline-formats-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const stdin = (bytes: Uint8Array): Readable => Readable.from([Buffer.from(bytes)]);
const read = (path: string): Guideline => Guideline.parse(JSON.parse(readFileSync(join(dir, path), 'utf8')));

describe('ingest - (standard input)', () => {
  it('reads one document from standard input, its format sniffed from its bytes, as stdin.json', async () => {
    const io = fakeIo(dir, { stdin: stdin(readFileSync(join(FORMATS, '2024-intergov-final.html'))) });
    expect(await run(['ingest', '-', '-o', 'out'], io)).toBe(0);
    expect(io.err()).toBe('');
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['stdin.html', 'stdin.json', 'stdin.md']);
    const doc = read('out/stdin.json');
    expect(doc.document.source).toMatchObject({ path: 'stdin', format: 'html', encoding: 'utf-8' });
    expect(doc.document.id).toBe('stdin');
    expect(doc.directions.map((d) => d.id)).toEqual(['1.1', '1.2', '1.3', '1.4', '1.5', '1.6']);
  });

  it('takes --id and --format', async () => {
    const io = fakeIo(dir, { stdin: stdin(readFileSync(join(FORMATS, '2024-intergov-final.docx'))) });
    expect(await run(['ingest', '-', '--id', '2024 第二批', '--format', 'docx', '-o', 'out'], io)).toBe(0);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['2024-第二批.html', '2024-第二批.json', '2024-第二批.md']);
    expect(read('out/2024-第二批.json').document.source.format).toBe('docx');
    // --format txt reads the page's markup as text: it is no guideline then.
    const asText = fakeIo(dir, { stdin: stdin(readFileSync(join(FORMATS, '2024-intergov-final.html'))) });
    expect(await run(['ingest', '-', '--format', 'pdf', '-o', 'out'], asText)).toBe(1);
    expect(asText.err()).toBe('guideline: -: not a PDF (no %PDF- header), despite the format given\n');
  });

  it('fails in one line for a workbook that holds no guideline, and for a terminal', async () => {
    const xls = fakeIo(dir, { stdin: stdin(readFileSync(join(FORMATS, 'not-a-guideline.xls'))) });
    expect(await run(['ingest', '-', '-o', 'out'], xls)).toBe(1);
    expect(xls.err()).toBe('guideline: -: not a guideline: the text is not Chinese (a 申报指南 is)\n');
    const tty = fakeIo(dir, { stdin: Object.assign(Readable.from([]), { isTTY: true }) });
    expect(await run(['ingest', '-', '-o', 'out'], tty)).toBe(1);
    expect(tty.err()).toBe('guideline: -: standard input is a terminal: pipe a document into it (cat notice.html | guideline ingest -)\n');
  });
});

describe('folders of every format', () => {
  it('picks up .html, .docx, .doc and .wps; renditions of one name get ids of their own, with a line saying so', async () => {
    mkdirSync(join(dir, 'in'));
    copyFileSync(TEXT, join(dir, 'in', 'g.txt'));
    copyFileSync(join(FORMATS, '2024-intergov-final.html'), join(dir, 'in', 'g.html'));
    copyFileSync(join(FORMATS, '2024-intergov-final.docx'), join(dir, 'in', 'w.docx'));
    copyFileSync(join(FORMATS, '2024-intergov-final.typed.doc'), join(dir, 'in', 'w.wps'));
    const io = fakeIo(dir);
    expect(await run(['ingest', 'in', '-o', 'out', '--quiet'], io)).toBe(0);
    expect(io.err()).toBe('');
    expect(readdirSync(join(dir, 'out')).filter((n) => n.endsWith('.json')).sort()).toEqual(['g-txt.json', 'g.json', 'w-wps.json', 'w.json']);
    expect(read('out/g.json').document.source.format).toBe('html');
    expect(read('out/g-txt.json').document.source.format).toBe('text');
    expect(read('out/w-wps.json').document.source.format).toBe('doc');

    const again = fakeIo(dir);
    expect(await run(['ingest', 'in', '-o', 'out'], again)).toBe(0);
    expect(again.err()).toBe(
      [
        'guideline: in/g.txt: another rendition of in/g.html (same name, same folder): its output is g-txt.json',
        'guideline: in/w.wps: another rendition of in/w.docx (same name, same folder): its output is w-wps.json',
        '4 documents: 0 written, 4 skipped, 0 failed; 0 warnings',
        '',
      ].join('\n'),
    );
    const id = fakeIo(dir);
    expect(await run(['ingest', 'in', '--id', 'x', '-o', 'out'], id)).toBe(2);
    expect(id.err()).toBe('guideline: in: --id names one document, and this folder holds 4\n');
    const json = fakeIo(dir);
    expect(await run(['ingest', 'in', '-o', 'out', '--json'], json)).toBe(0);
    expect(JSON.parse(json.out()).results.map((r: { id: string; renditionOf?: string }) => [r.id, r.renditionOf ?? null])).toEqual([
      ['g', null],
      ['g-txt', 'in/g.html'],
      ['w', null],
      ['w-wps', 'in/w.docx'],
    ]);
  });
});

describe('diff, export and history take every format', () => {
  it('diff: the HTML page and the text of one guideline do not differ', async () => {
    const io = fakeIo(dir);
    expect(await run(['diff', TEXT, join(FORMATS, '2024-intergov-final.gbk.html'), '--format', 'json'], io)).toBe(0);
    expect(JSON.parse(io.out()).summary.counts).toMatchObject({ added: 0, removed: 0, modified: 0, unchanged: 6 });
  });

  it('export and history: HTML, DOCX and DOC sources beside text', async () => {
    const inputs = [TEXT, join(FORMATS, '2024-intergov-final.html'), join(FORMATS, '2024-intergov-final.docx'), join(FORMATS, '2024-intergov-final.typed.doc')];
    const io = fakeIo(dir);
    expect(await run(['export', ...inputs, '--out', 'all.csv'], io)).toBe(0);
    const rows = readFileSync(join(dir, 'all.csv'), 'utf8').trim().split('\r\n');
    expect(rows).toHaveLength(1 + 4 * 6);
    const hist = fakeIo(dir);
    expect(await run(['history', ...inputs, '--as-given', '--out', 'h.json'], hist)).toBe(0);
    expect(existsSync(join(dir, 'h.json'))).toBe(true);
  });
});
