import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import readXlsxFile from 'read-excel-file/node';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { USAGE } from '../../src/cli/args.js';
import { run } from '../../src/cli/main.js';
import { fakeIo } from '../helpers/io.js';
import { ROOT, seedText } from '../helpers/seed.js';
import { parseCsv, xlsxParts } from '../helpers/xlsx.js';

const KP = `${ROOT}test/fixtures/key-programme/2026-advanced-computing.txt`;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'guideline-export-'));
  mkdirSync(join(dir, 'in'));
  writeFileSync(join(dir, 'in', 'seed.txt'), seedText());
  copyFileSync(KP, join(dir, 'in', 'computing.txt'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('guideline export', () => {
  it('writes an XLSX of every direction of a folder, sources and extracted JSON alike', async () => {
    // One of them as extracted JSON: it reads the same as its source.
    expect(await run(['ingest', 'in/computing.txt', '--out', 'x'], fakeIo(dir))).toBe(0);
    rmSync(join(dir, 'in', 'computing.txt'));
    copyFileSync(join(dir, 'x', 'computing.json'), join(dir, 'in', 'computing.json'));
    writeFileSync(join(dir, 'in', 'notes.md'), '# not exported');
    const io = fakeIo(dir);
    expect(await run(['export', 'in', '--out', 'out/all.xlsx'], io)).toBe(0);
    expect(io.err()).toBe('exported 21 directions and 9 checks of 2 documents to out/all.xlsx\n');
    expect(io.out()).toBe('');
    const bytes = readFileSync(join(dir, 'out', 'all.xlsx'));
    const [directions, checks] = await readXlsxFile(bytes);
    expect(directions!.sheet).toBe('方向');
    expect(checks!.sheet).toBe('检查');
    const [head, ...rows] = directions!.data;
    const col = (name: string): number => head!.indexOf(name);
    // Sorted: computing.json before seed.txt.
    expect(rows.map((r) => r[col('文档编号')])).toEqual([...Array(6).fill('computing'), ...Array(15).fill('seed')]);
    const seed = (id: string) => rows.find((r) => r[col('文档编号')] === 'seed' && r[col('方向编号')] === id)!;
    expect([seed('1.1')[col('合作方')], seed('1.1')[col('拟支持项目数')], seed('1.1')[col('拟支持经费（万元）')], seed('1.1')[col('拟支持经费（元）')]]).toEqual(['越南', 4, 800, 8_000_000]);
    expect([seed('1.4')[col('合作方')], seed('1.4')[col('拟支持项目数')], seed('1.4')[col('拟支持经费（万元）')]]).toEqual(['日本', 20, 6000]);
    const computing = rows.find((r) => r[col('文档编号')] === 'computing' && r[col('方向编号')] === '2.1')!;
    expect([computing[col('类别')], computing[col('单项经费上限（万元）')], computing[col('单项上限说明')], computing[col('其他经费与中央财政经费比例')], computing[col('须企业牵头')]]).toEqual([
      '应用示范类',
      2000,
      '不超过2000万元',
      '1:1',
      true,
    ]);
    expect(checks!.data[0]).toEqual(['文档编号', '方向编号', '级别', '代码', '检查项', '说明', '说明（英文）', '文中所述', '计算值', '页码', '行号']);
    expect(checks!.data.slice(1).some((r) => r[0] === 'seed' && r[3] === 'funding-total-mismatch' && r[7] === 402_000_000 && r[8] === 389_500_000)).toBe(true);
    const sheet = xlsxParts(bytes).get('xl/worksheets/sheet1.xml')!;
    expect(sheet).toContain('state="frozen"');
    expect(sheet).toContain('<autoFilter ref="A1:');
    // Written atomically: no temporary file left beside it.
    expect(readdirSync(join(dir, 'out'))).toEqual(['all.xlsx']);
  });

  it('writes the same bytes twice', async () => {
    expect(await run(['export', 'in', '--out', 'a.xlsx'], fakeIo(dir))).toBe(0);
    expect(await run(['export', 'in', '--out', 'b.xlsx'], fakeIo(dir))).toBe(0);
    expect(readFileSync(join(dir, 'a.xlsx')).equals(readFileSync(join(dir, 'b.xlsx')))).toBe(true);
  });

  it('writes a CSV that Excel reads: BOM, RFC 4180, Chinese headers or the keys', async () => {
    const io = fakeIo(dir);
    expect(await run(['export', 'in/seed.txt', '--out', 'seed.csv'], io)).toBe(0);
    expect(io.err()).toBe('exported 15 directions of 1 document to seed.csv\n');
    const text = readFileSync(join(dir, 'seed.csv'), 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const [head, ...rows] = parseCsv(text.slice(1));
    expect(head!.slice(0, 3)).toEqual(['文档编号', '指南名称', '指南类型']);
    expect(rows).toHaveLength(15);
    const at = (r: number, name: string): string => rows[r]![head!.indexOf(name)]!;
    expect([at(0, '方向编号'), at(0, '合作方'), at(0, '拟支持项目数'), at(0, '拟支持经费（万元）'), at(0, '经费说明')]).toEqual(['1.1', '越南', '4', '800', '800万元']);
    expect([at(3, '合作方'), at(3, '拟支持项目数'), at(3, '拟支持经费（万元）'), at(3, '周期说明'), at(3, '周期沿用默认')]).toEqual(['日本', '20', '6000', '一般2–3年', 'TRUE']);
    expect(at(3, '领域方向')).toBe('环境；节能；碳中和；医疗（含应对老龄化）；农业；减灾防灾');
    const en = fakeIo(dir);
    expect(await run(['export', 'in/seed.txt', '--format', 'csv', '--out', 'en.txt', '--columns', 'en'], en)).toBe(0);
    const [keys] = parseCsv(readFileSync(join(dir, 'en.txt'), 'utf8').slice(1));
    expect(keys!.slice(7, 11)).toEqual(['directionId', 'ordinal', 'title', 'partners']);
  });

  it('reads a PDF source as diff does', async () => {
    const io = fakeIo(ROOT);
    const out = join(dir, 'pdf.csv');
    expect(await run(['export', 'corpus/2025-batch1-draft.libreoffice.pdf', '--out', out, '--timeout-ms', '60000'], io)).toBe(0);
    const [, ...rows] = parseCsv(readFileSync(out, 'utf8').slice(1));
    expect(rows).toHaveLength(15);
    expect(rows[0]![6]).toBe('corpus/2025-batch1-draft.libreoffice.pdf');
  });

  it('exits 1 with one line per bad input, and writes the export of the others', async () => {
    writeFileSync(join(dir, 'in', 'bad.json'), '{"schemaVersion": "0"}');
    writeFileSync(join(dir, 'in', 'empty.txt'), '');
    mkdirSync(join(dir, 'none'));
    const io = fakeIo(dir);
    expect(await run(['export', 'in', 'missing.txt', 'none', '--out', 'part.xlsx'], io)).toBe(1);
    expect(io.err().split('\n')).toEqual([
      'guideline: none: no guideline file (.pdf, .ofd, .docx, .doc, .wps, .odt, .rtf, .html, .mht, .eml, .xls, .et, .ods, .pptx, .ppt, .msg, .odp, .xps, .uot, .epub, .xmind, .zip, .sql, .jsonl, .txt, .png, .jpg, .tif or .json) in this folder',
      'guideline: in/bad.json: not an extracted guideline (does not match schemas/guideline.schema.json)',
      expect.stringMatching(/^guideline: in\/empty\.txt: .+/),
      'guideline: missing.txt: no such file',
      'exported 21 directions and 9 checks of 2 documents to part.xlsx; 4 inputs failed (see above) and are not in it',
      '',
    ]);
    const [directions] = await readXlsxFile(readFileSync(join(dir, 'part.xlsx')));
    expect(directions!.data).toHaveLength(22);
  });

  it('exits 1 and writes nothing when no input can be read', async () => {
    const io = fakeIo(dir);
    expect(await run(['export', 'missing.txt', '--out', 'x.xlsx'], io)).toBe(1);
    expect(io.err()).toBe('guideline: missing.txt: no such file\nguideline: nothing to export: no input could be read (x.xlsx not written)\n');
    expect(existsSync(join(dir, 'x.xlsx'))).toBe(false);
  });

  it('writes nothing when interrupted', async () => {
    const controller = new AbortController();
    controller.abort();
    const io = fakeIo(dir, { signal: controller.signal });
    expect(await run(['export', 'in', '--out', 'x.xlsx'], io)).toBe(1);
    expect(io.err()).toBe('interrupted: x.xlsx not written\n');
    expect(existsSync(join(dir, 'x.xlsx'))).toBe(false);
  });

  it('exits 2 when the file cannot be written', async () => {
    writeFileSync(join(dir, 'file'), '');
    const io = fakeIo(dir);
    expect(await run(['export', 'in/seed.txt', '--out', 'file/x.csv'], io)).toBe(2);
    expect(io.err()).toBe('guideline: file/x.csv: cannot write: a part of the path is a file, not a folder\n');
  });

  it('exits 2 on a usage error, and has its help', async () => {
    const io = fakeIo(dir);
    expect(await run(['export', 'in', '--out', 'x.ods'], io)).toBe(2);
    expect(io.err()).toBe("guideline: --format expects csv or xlsx (none given, and 'x.ods' names neither)\nRun 'guideline export --help' for usage.\n");
    const help = fakeIo(dir);
    expect(await run(['export', '--help'], help)).toBe(0);
    expect(help.out()).toBe(`${USAGE.export}\n`);
  });
});
