/**
 * The export tables and their serialisers, on the seed (15 directions, values as in
 * test/pipeline/seed.test.ts) and on two key-programme guidelines: the CSV parsed by an RFC 4180
 * parser written for the test, the XLSX read back by read-excel-file and its XML parts inspected.
 */
import { readFileSync } from 'node:fs';
import readXlsxFile from 'read-excel-file/node';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { exportTables, header, toCsv, toXlsx, type CellValue, type Column, type ExportTables, type Table } from '../../src/export/index.js';
import { columnName, MAX_CELL_TEXT, tableRange } from '../../src/export/xlsx.js';
import { shownValue } from '../../src/export/model.js';
import { FIXED_DOS_DATE, FIXED_DOS_TIME, zipEntries } from '../../src/export/zip.js';
import type { Guideline } from '../../src/schema/guideline.js';
import { ingestText, ROOT, seed } from '../helpers/seed.js';
import { parseCsv, xlsxParts } from '../helpers/xlsx.js';

const KP = `${ROOT}test/fixtures/key-programme/`;
let docs: Guideline[];
let tables: ExportTables;
beforeAll(async () => {
  const computing = await ingestText(readFileSync(`${KP}2026-advanced-computing.txt`), 'test/fixtures/key-programme/2026-advanced-computing.txt');
  const biology = await ingestText(readFileSync(`${KP}2026-synthetic-biology.txt`), 'test/fixtures/key-programme/2026-synthetic-biology.txt');
  docs = [(await seed()).doc, computing, biology];
  tables = exportTables(docs);
});
afterEach(() => {
  vi.useRealTimers();
});

/** The row of direction `id` of document `docId`, as an object keyed by column key. */
function row(table: Table, docId: string, id: string): Record<string, CellValue> {
  const k = table.columns.map((c) => c.key);
  const r = table.rows.find((x) => x[k.indexOf('documentId')] === docId && x[k.indexOf('directionId')] === id);
  if (!r) throw new Error(`no row ${docId} ${id}`);
  return Object.fromEntries(k.map((key, i) => [key, r[i] ?? null]));
}

const SEED = '2025-batch1-draft';

describe('exportTables', () => {
  it('has one row per direction per document, in input and document order', () => {
    expect(tables.directions.rows).toHaveLength(15 + 6 + 8);
    const ids = tables.directions.rows.map((r) => r[tables.directions.columns.findIndex((c) => c.key === 'directionId')]);
    expect(ids.slice(0, 15)).toEqual(['1.1', '1.2', '1.3', '1.4', '1.5', '1.6', '1.7', '1.8', '1.9', '2.0', '2.1', '2.2', '2.3', '2.4', '2.5']);
    expect(ids.slice(15, 21)).toEqual(['1.1', '1.2', '1.3', '2.1', '2.2', '2.3']);
    for (const r of tables.directions.rows) expect(r).toHaveLength(tables.directions.columns.length);
    // Keys are unique: they are the headers of `--columns en`.
    expect(new Set(tables.directions.columns.map((c) => c.key)).size).toBe(tables.directions.columns.length);
  });

  it('gives the seed’s real values, numbers as numbers and bounds kept', () => {
    const t = tables.directions;
    expect(row(t, SEED, '1.1')).toMatchObject({
      documentTitle: '国家重点研发计划“政府间国际科技创新合作”重点专项2025年度第一批项目申报指南',
      family: 'international-cooperation',
      year: 2025,
      batch: 1,
      status: 'draft',
      source: 'corpus/2025-batch1-draft.txt',
      ordinal: 1,
      title: '中国和越南政府间联合研究项目',
      partners: '越南',
      kind: '联合研究项目',
      agreements: '《中越政府间科技合作联委会第十一次会议议定书》',
      domainCount: 4,
      domains: '医药卫生：传统药物和草药；自动化技术：服务式机器人；水资源：适应气候变化的流域水资源管理；防灾减灾：多灾害预警系统',
      projectCount: 4,
      projectCountMin: null,
      projectCountQualifier: 'exact',
      projectCountNote: '4个',
      fundingCNY: 8_000_000,
      fundingWan: 800,
      fundingQualifier: 'exact',
      fundingNote: '800万元',
      perProjectCapCNY: null,
      durationMinYears: 3,
      durationMaxYears: 3,
      durationInherited: false,
      requirementCount: 1,
      page: 3,
      line: 72,
      category: null,
      keywords: null,
      researchContentCount: 0,
      leadingEnterprise: false,
    });
    expect(row(t, SEED, '1.4')).toMatchObject({
      partners: '日本',
      projectCount: 20,
      fundingCNY: 60_000_000,
      fundingWan: 6000,
      durationMinYears: 2,
      durationMaxYears: 3,
      durationHedge: 'usually',
      durationInherited: true,
      durationNote: '一般2–3年',
      requirementCount: 2,
    });
    expect(row(t, SEED, '1.5')).toMatchObject({ projectCount: 10, projectCountQualifier: 'about', projectCountNote: '约10个', fundingWan: 3000, fundingQualifier: 'about', fundingNote: '约3000万元' });
    expect(row(t, SEED, '1.5')).toMatchObject({ durationMinYears: null, durationMaxYears: 4, durationQualifier: 'atMost', durationHedge: 'inPrinciple', durationNote: '原则上不超过4年' });
    expect(row(t, SEED, '1.7')).toMatchObject({ projectCount: 15, projectCountQualifier: 'atMost', projectCountNote: '不超过15个' });
    expect(row(t, SEED, '2.0')).toMatchObject({ ordinal: 10, partners: '匈牙利' });
    expect(row(t, SEED, '2.2')).toMatchObject({ partners: '俄罗斯、白俄罗斯', domainCount: 9 });
    // The total the directions add up to (3.895亿元) is what the seed’s funding-total-mismatch says.
    const funding = t.rows.slice(0, 15).reduce((a, r) => a + ((r[t.columns.findIndex((c) => c.key === 'fundingCNY')] as number | null) ?? 0), 0);
    expect(funding).toBe(389_500_000);
  });

  it('gives the key-programme fields', () => {
    const t = tables.directions;
    expect(row(t, '2026-advanced-computing', '1.1')).toMatchObject({
      family: 'key-programme',
      category: '基础研究类',
      projectCount: 2,
      projectCountMin: 1,
      projectCountQualifier: 'atMost',
      projectCountNote: '1～2个',
      projectCountInherited: false,
      fundingCNY: null,
      perProjectCapCNY: 10_000_000,
      perProjectCapWan: 1000,
      perProjectCapNote: '不超过1000万元',
      perProjectCapInherited: false,
      keywords: '异构计算；统一编程模型；运行时系统；性能可移植',
      researchContentCount: 2,
      indicatorCount: 3,
      matchingRatio: null,
      leadingEnterprise: false,
    });
    expect(row(t, '2026-advanced-computing', '1.1').researchContentFirst).toMatch(/^针对CPU、GPU、/);
    expect(row(t, '2026-advanced-computing', '2.3')).toMatchObject({ matchingRatio: '2:1', matchingRatioQualifier: 'atLeast', leadingEnterprise: true, perProjectCapWan: 2000 });
    expect(row(t, '2026-synthetic-biology', '1.1')).toMatchObject({
      projectCountInherited: true,
      perProjectCapCNY: 15_000_000,
      perProjectCapInherited: true,
      durationMaxYears: 5,
      durationInherited: true,
      youngScientistMaleBornOnOrAfter: null,
    });
    expect(row(t, '2026-synthetic-biology', '3.1')).toMatchObject({
      category: '青年科学家项目',
      perProjectCapWan: 300,
      youngScientistMaleBornOnOrAfter: '1988-01-01',
      youngScientistFemaleBornOnOrAfter: '1986-01-01',
      youngScientistNoSubtopics: true,
    });
  });

  it('has every check, with its document, direction and position', () => {
    const t = tables.checks;
    expect(t.rows).toHaveLength(docs.reduce((a, d) => a + d.checks.length, 0));
    const k = t.columns.map((c) => c.key);
    expect(k).toEqual(['documentId', 'directionId', 'severity', 'code', 'title', 'messageZh', 'message', 'stated', 'computed', 'page', 'line']);
    const mismatch = t.rows.find((r) => r[0] === SEED && r[3] === 'funding-total-mismatch');
    expect(mismatch).toEqual([
      SEED,
      null,
      'warning',
      'funding-total-mismatch',
      '经费合计与文中所述不符',
      expect.stringMatching(/4\.02亿元.*3\.895亿元/),
      expect.stringContaining('the text states a funding total of 4.02亿元'),
      402_000_000,
      389_500_000,
      3,
      66,
    ]);
  });
});

describe('toCsv', () => {
  it('is UTF-8 with a BOM, CRLF records, Chinese headers, and parses back to the table', () => {
    const csv = toCsv(tables.directions);
    expect(csv.startsWith('\uFEFF文档编号,指南名称,指南类型,年度,批次,稿件状态,来源文件,方向编号,序号,方向名称,')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replaceAll('\r\n', '')).not.toMatch(/(?<!")\r|\r(?!\n)/);
    const records = parseCsv(csv.slice(1));
    expect(records).toHaveLength(1 + tables.directions.rows.length);
    expect(records[0]).toEqual(tables.directions.columns.map((c) => c.zh));
    const asText = (v: CellValue): string => (v === null ? '' : typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : String(v));
    const cols: readonly Column[] = tables.directions.columns;
    expect(records.slice(1)).toEqual(tables.directions.rows.map((r) => r.map((v, i) => asText(shownValue(v, cols[i]!, 'zh')))));
    const k = tables.directions.columns.map((c) => c.key);
    const first = records[1]!;
    // Enumerations read in Chinese under Chinese headers: the seed is a draft (征求意见稿) of the
    // international-cooperation family; 1.1 states 4 projects and 800万元 as they are (确数).
    expect([first[k.indexOf('status')], first[k.indexOf('family')], first[k.indexOf('fundingQualifier')], first[k.indexOf('projectCountQualifier')]]).toEqual(['征求意见稿', '政府间国际科技创新合作', '确数', '确数']);
    expect(records.slice(1).flatMap((r) => [r[k.indexOf('status')], r[k.indexOf('fundingQualifier')], r[k.indexOf('durationQualifier')]])).not.toContain('draft');
    expect([first[k.indexOf('projectCount')], first[k.indexOf('fundingCNY')], first[k.indexOf('fundingWan')], first[k.indexOf('jointApplication')], first[k.indexOf('matchingFunds')]]).toEqual(['4', '8000000', '800', 'TRUE', 'FALSE']);
  });

  it('has the column keys as headers with `en`', () => {
    const records = parseCsv(toCsv(tables.directions, { headers: 'en' }).slice(1));
    expect(records[0]!.slice(0, 10)).toEqual(['documentId', 'documentTitle', 'family', 'year', 'batch', 'status', 'source', 'directionId', 'ordinal', 'title']);
    // …and the machine values, so that scripts keep working.
    const k = records[0]!;
    expect([records[1]![k.indexOf('status')], records[1]![k.indexOf('family')], records[1]![k.indexOf('fundingQualifier')]]).toEqual(['draft', 'international-cooperation', 'exact']);
  });

  it('quotes commas, quotes and line breaks (RFC 4180) and defuses formulas', () => {
    const table: Table = {
      sheet: { zh: '表', en: 'table' },
      columns: [
        { key: 'a', zh: '甲,乙', type: 'text' },
        { key: 'b', zh: '“丙”', type: 'mixed' },
        { key: 'c', zh: '丁', type: 'text' },
      ],
      rows: [
        ['a, b', 'say "hi"', 'line 1\nline 2'],
        ['=SUM(A1)', -5, 'cr\r\nlf'],
        [null, true, '+1'],
      ],
    };
    const csv = toCsv(table);
    expect(csv).toBe('\uFEFF"甲,乙",“丙”,丁\r\n"a, b","say ""hi""","line 1\nline 2"\r\n\'=SUM(A1),-5,"cr\r\nlf"\r\n,TRUE,\'+1\r\n');
    expect(parseCsv(csv.slice(1))).toEqual([
      ['甲,乙', '“丙”', '丁'],
      ['a, b', 'say "hi"', 'line 1\nline 2'],
      ["'=SUM(A1)", '-5', 'cr\r\nlf'],
      ['', 'TRUE', "'+1"],
    ]);
  });
});

describe('toXlsx', () => {
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = await toXlsx(tables);
  });

  it('reads back with the directions and the checks, numbers as numbers', async () => {
    const sheets = await readXlsxFile(Buffer.from(bytes));
    expect(sheets.map((s) => s.sheet)).toEqual(['方向', '检查']);
    const [directions, checks] = sheets.map((s) => s.data);
    expect(directions![0]).toEqual(tables.directions.columns.map((c) => c.zh));
    expect(directions).toHaveLength(1 + tables.directions.rows.length);
    const k = tables.directions.columns.map((c) => c.key);
    const at = (r: number, key: string): unknown => directions![r]![k.indexOf(key)];
    // Direction 1.1: 中国和越南, 4 projects, 800万元.
    expect([at(1, 'directionId'), at(1, 'partners'), at(1, 'projectCount'), at(1, 'fundingCNY'), at(1, 'fundingWan'), at(1, 'fundingQualifier')]).toEqual(['1.1', '越南', 4, 8_000_000, 800, '确数']);
    // 1.4 日本: 20 projects, 6000万元; its duration is the document default.
    expect([at(4, 'directionId'), at(4, 'partners'), at(4, 'projectCount'), at(4, 'fundingWan'), at(4, 'durationInherited')]).toEqual(['1.4', '日本', 20, 6000, true]);
    // 2.0 stays text; flags are booleans (1.1: 双方同时申报; 1.5: none; 1.7: 待定).
    expect([at(10, 'directionId'), at(10, 'ordinal')]).toEqual(['2.0', 10]);
    expect([at(1, 'jointApplication'), at(5, 'jointApplication'), at(7, 'placeholders'), at(7, 'warningCount')]).toEqual([true, false, true, 1]);
    // Every value as the table has it (a missing value is an empty cell).
    expect(directions!.slice(1)).toEqual(tables.directions.rows.map((r) => r.map((v, i) => shownValue(v, tables.directions.columns[i]!, 'zh'))));
    expect(checks!.slice(1)).toEqual(tables.checks.rows.map((r) => r.map((v, i) => shownValue(v, tables.checks.columns[i]!, 'zh'))));
    // A check's level in Chinese (警告), never the machine value.
    const level = tables.checks.columns.findIndex((c) => c.key === 'severity');
    expect(new Set(checks!.slice(1).map((r) => r[level]))).toEqual(new Set(['警告', '提示']));
    expect(checks![0]).toEqual(tables.checks.columns.map((c) => c.zh));
  });

  it('freezes the header row, filters every column, sets widths and formats yuan', () => {
    const parts = xlsxParts(bytes);
    const sheet1 = parts.get('xl/worksheets/sheet1.xml')!;
    const sheet2 = parts.get('xl/worksheets/sheet2.xml')!;
    const range1 = `A1:${columnName(tables.directions.columns.length - 1)}${tables.directions.rows.length + 1}`;
    expect(tableRange(tables.directions)).toBe(range1);
    for (const [xml, range] of [
      [sheet1, range1],
      [sheet2, tableRange(tables.checks)],
    ] as const) {
      expect(xml).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/>');
      expect(xml).toContain(`</sheetData><autoFilter ref="${range}"/>`);
    }
    const workbook = parts.get('xl/workbook.xml')!;
    expect(workbook).toContain(`<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'方向'!$A$1:$${range1.split(':')[1]!.replace(/(\d+)$/, '$$$1')}</definedName>`);
    expect(workbook).toContain(`localSheetId="1" hidden="1">'检查'!$A$1:$K$${tables.checks.rows.length + 1}</definedName>`);
    // One width per column, CJK counted double: 方向名称 (titles up to 30 CJK characters) is wide.
    const widths = [...sheet1.matchAll(/<col min="(\d+)" max="\d+" width="(\d+)"/g)].map((m) => Number(m[2]));
    expect(widths).toHaveLength(tables.directions.columns.length);
    const title = tables.directions.columns.findIndex((c) => c.key === 'title');
    expect(widths[title]).toBeGreaterThanOrEqual(50);
    expect(Math.min(...widths)).toBeGreaterThanOrEqual(6);
    expect(Math.max(...widths)).toBeLessThanOrEqual(60);
    expect(parts.get('xl/styles.xml')).toContain('formatCode="#,##0"');
    // The header row is bold.
    expect(parts.get('xl/styles.xml')).toMatch(/<b\/>/);
  });

  it('has the column keys and English sheet names with `en`', async () => {
    const sheets = await readXlsxFile(Buffer.from(await toXlsx(tables, { headers: 'en' })));
    expect(sheets.map((s) => s.sheet)).toEqual(['directions', 'checks']);
    expect(sheets[0]!.data[0]).toEqual(tables.directions.columns.map((c) => header(c, 'en')));
    const k = tables.directions.columns.map((c) => c.key);
    expect(sheets[0]!.data[1]![k.indexOf('fundingQualifier')]).toBe('exact');
    expect(sheets[1]!.data.slice(1).map((r) => r[2])).toContain('warning');
  });

  it('is byte-identical for the same input, whatever the clock says', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2031-07-04T13:37:42Z'));
    const later = await toXlsx(tables);
    vi.setSystemTime(new Date('2019-02-03T01:02:03Z'));
    const earlier = await toXlsx(tables);
    vi.useRealTimers();
    expect(Buffer.from(later).equals(Buffer.from(earlier))).toBe(true);
    expect(Buffer.from(later).equals(Buffer.from(bytes))).toBe(true);
    // Every entry carries the one fixed date, in its local and its central header.
    const view = new DataView(later.buffer, later.byteOffset, later.byteLength);
    const entries = zipEntries(later);
    expect(entries.map((e) => e.name)).toContain('xl/worksheets/sheet2.xml');
    for (const e of entries) {
      expect([view.getUint16(e.localOffset + 10, true), view.getUint16(e.localOffset + 12, true)]).toEqual([FIXED_DOS_TIME, FIXED_DOS_DATE]);
      expect([view.getUint16(e.centralOffset + 12, true), view.getUint16(e.centralOffset + 14, true)]).toEqual([FIXED_DOS_TIME, FIXED_DOS_DATE]);
    }
  });

  it('clips a text longer than Excel allows in a cell, and writes an empty table', async () => {
    const table: Table = { sheet: { zh: '表', en: 'table' }, columns: [{ key: 'a', zh: '甲', type: 'text' }], rows: [['字'.repeat(MAX_CELL_TEXT + 10)]] };
    const empty: Table = { ...table, rows: [] };
    const sheets = await readXlsxFile(Buffer.from(await toXlsx({ directions: table, checks: empty })));
    const text = sheets[0]!.data[1]![0] as string;
    expect(text).toHaveLength(MAX_CELL_TEXT);
    expect(text.endsWith('…')).toBe(true);
    expect(sheets[1]!.data).toEqual([['甲']]);
  });
});

describe('columnName', () => {
  it.each([
    [0, 'A'],
    [25, 'Z'],
    [26, 'AA'],
    [51, 'AZ'],
    [52, 'BA'],
    [701, 'ZZ'],
    [702, 'AAA'],
  ])('%i → %s', (i, name) => {
    expect(columnName(i)).toBe(name);
  });
});
