// The Excel workbook, OFD, CSV, PowerPoint and web-archive readers, and a converter’s Markdown: the guideline of test/fixtures/variants/2024-intergov-final.txt
// in both (scripts/make-sheet-fixtures.mjs) extracts as the text does, and small packages written
// here show each construct (merged cells, number formats, hidden rows and sheets, inline strings;
// OFD templates, DeltaX runs, CTM, ruled tables).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { diff } from '../../src/diff/index.js';
import { loadBytes, loadFile, sniffFormat } from '../../src/load/index.js';
import { processSource } from '../../src/pipeline.js';
import { ROOT } from '../helpers/seed.js';

const FORMATS = join(ROOT, 'test/fixtures/formats');
const textDoc = processSource(await loadFile(join(ROOT, 'test/fixtures/variants/2024-intergov-final.txt')));
const when = { mtime: new Date('1980-01-01T00:00:00') };
const zip = (files: Record<string, string>): Uint8Array => zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, [strToU8(v), when]])));

describe('XLSX (a 指南方向汇总表 workbook)', () => {
  it('reads the title and preamble sheet as paragraphs and the directions sheet as a table; the directions extract as from the text', async () => {
    const source = await loadFile(join(FORMATS, '2024-intergov-final.xlsx'));
    expect([source.format, source.tables]).toEqual(['xlsx', 1]);
    const lines = source.text.split('\n');
    // The title's two lines, in one merged cell, stay two lines.
    expect(lines.slice(0, 2)).toEqual(['国家重点研发计划“政府间国际科技创新合作”重点专项', '2024年度第二批项目申报指南']);
    expect(lines).toContain('| 序号 | 指南方向 | 合作协议 | 合作领域 | 拟支持项目数 | 拟支持经费（万元） | 项目实施期限 | 其他要求 |');
    expect(lines.find((l) => l.startsWith('| 1.4 '))).toContain('| 不超过6个 | 3000 | 一般为2年 |');
    // The hidden sheet is no part of the guideline: logged, not read.
    expect(source.removed.filter((r) => r.kind === 'hidden-text').map((r) => r.text)).toEqual(['备注：内部备注：1.4 方向经费待司务会确认后再调整']);
    const doc = processSource(source);
    expect(doc.directions.map((d) => d.id)).toEqual(['1.1', '1.2', '1.3', '1.4', '1.5', '1.6']);
    expect(doc.directions.map((d) => d.funding?.amountCNY)).toEqual([15000000, 9000000, 12000000, 30000000, 12000000, 6000000]);
    expect(doc.directions[2]!.funding?.qualifier).toBe('about');
    expect(doc.directions[1]!.domains.map((x) => x.label)).toEqual(['碳中和与清洁能源', '人工智能与数字技术', '生物健康']);
    expect(doc.directions[3]!.requirements).toHaveLength(3);
    // Only 1.3 differs: in the text its duration sentence ends its 其他要求 line; here it has its own cell.
    const d = diff(textDoc, doc);
    expect(d.directions.filter((x) => x.status !== 'unchanged').map((x) => x.oldId)).toEqual(['1.3']);
    expect(doc.directions[2]!.duration).toMatchObject({ minYears: null, maxYears: 3, qualifier: 'atMost', hedge: 'inPrinciple' });
    expect(d.document.changes).toEqual([]);
  });

  it('shows cells as Excel shows them: merged cells repeated, numbers in general form, percentages, dates, inline strings, escapes; hidden rows and columns logged', async () => {
    const sheet = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cols><col min="5" max="5" hidden="1"/></cols><sheetData>
      <row r="1"><c r="A1" t="s"><v>0</v></c></row>
      <row r="3"><c r="A3" t="s"><v>1</v></c><c r="B3" t="s"><v>2</v></c><c r="C3" t="s"><v>3</v></c><c r="D3" t="s"><v>4</v></c><c r="E3" t="s"><v>5</v></c></row>
      <row r="4"><c r="A4" t="s"><v>6</v></c><c r="B4" t="inlineStr"><is><r><t>中国和</t></r><r><rPr><b/></rPr><t>德国</t></r><rPh><t>ドイツ</t></rPh></is></c><c r="C4"><v>0.30000000000000004</v></c><c r="D4" s="1"><v>46023</v></c><c r="E4"><v>1</v></c></row>
      <row r="5"><c r="B5" t="s"><v>7</v></c><c r="C5" s="2"><v>0.25</v></c><c r="D5" t="str"><f>TEXT(D4,"yyyy")</f><v>2026</v></c></row>
      <row r="6" hidden="1"><c r="A6" t="s"><v>8</v></c><c r="B6" t="s"><v>8</v></c></row>
      <row r="7"><c r="A7" t="s"><v>9</v></c><c r="B7" t="b"><v>1</v></c></row>
    </sheetData><mergeCells count="2"><mergeCell ref="A1:D1"/><mergeCell ref="A4:A5"/></mergeCells></worksheet>`;
    const strings = ['指南方向汇总表', '地区', '方向', '比例', '开始', '备注', '欧洲', '中国和法国_x000D_项目', '作废的行', '合计'];
    const files = zip({
      '[Content_Types].xml': '<Types><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
      'xl/workbook.xml': '<workbook xmlns:r="r"><sheets><sheet name="表1" sheetId="1" r:id="rId1"/></sheets></workbook>',
      'xl/_rels/workbook.xml.rels': '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>',
      'xl/styles.xml': '<styleSheet><numFmts><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="176"/><xf numFmtId="9"/></cellXfs></styleSheet>',
      'xl/sharedStrings.xml': `<sst>${strings.map((s) => `<si><t>${s}</t></si>`).join('')}</sst>`,
      'xl/worksheets/sheet1.xml': sheet,
    });
    expect(sniffFormat(files, 'x.bin')).toBe('xlsx');
    const source = await loadBytes(files, 'x.xlsx');
    expect(source.text.split('\n')).toEqual([
      '指南方向汇总表',
      '| 地区 | 方向 | 比例 | 开始 |',
      '| 欧洲 | 中国和德国 | 0.3 | 2026年1月1日 |',
      '| 欧洲 | 中国和法国项目 | 25% | 2026 |',
      '| 合计 | TRUE |  |  |',
      '',
    ]);
    expect(source.removed.filter((r) => r.kind === 'hidden-text').map((r) => r.text)).toEqual(['备注', '1', '作废的行 作废的行']);
  });
});

describe('XLS (an Excel 97–2003 workbook, as provinces still attach one)', () => {
  it('a workbook saved as .xls by LibreOffice extracts as the .xlsx it was made from', async () => {
    const xls = await loadFile(join(FORMATS, '2025b2-summary.xls'));
    const xlsx = await loadFile(join(ROOT, 'test/fixtures/blind46/intl-2025b2-summary.xlsx'));
    expect([xls.format, xls.tables]).toEqual(['xls', xlsx.tables]);
    const [a, b] = [processSource(xlsx), processSource(xls)];
    expect(b.directions.map((d) => d.id)).toEqual(['1.1', '1.2', '1.3', '1.4', '1.5', '1.6', '1.7', '1.8', '1.9', '1.10', '1.11', '1.12']);
    expect(b.directions.map((d) => d.funding?.amountCNY)).toEqual(a.directions.map((d) => d.funding?.amountCNY));
    expect(diff(a, b).directions.filter((x) => x.status !== 'unchanged')).toEqual([]);
    // By the bytes: an .xls called .doc is still read as the workbook it is.
    expect((await loadBytes(readFileSync(join(FORMATS, '2025b2-summary.xls')), 'x.doc')).format).toBe('xls');
  });

  // A workbook stream built record by record ([MS-XLS] 2.4): what the records say, shown as Excel shows it.
  const u16 = (n: number): number[] => [n & 0xff, (n >> 8) & 0xff];
  const u32 = (n: number): number[] => [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, (n >>> 24) & 0xff];
  const f64 = (x: number): number[] => [...new Uint8Array(new Float64Array([x]).buffer)];
  const wide = (t: string): number[] => [...t].flatMap((c) => u16(c.charCodeAt(0)));
  const rec = (type: number, body: number[]): number[] => [...u16(type), ...u16(body.length), ...body];
  const cell = (row: number, col: number, xf = 0): number[] => [...u16(row), ...u16(col), ...u16(xf)];
  const workbook = (sheetBody: number[], extra: number[] = []): Uint8Array => {
    const sheetName = (name: string, offset: number, hidden: boolean): number[] => rec(0x0085, [...u32(offset), hidden ? 1 : 0, 0, name.length, 1, ...wide(name)]);
    // The shared strings: the fifth goes on in a CONTINUE record after three of its characters, its
    // rest one byte a character (flag 0); the sixth starts one byte a character and goes on two bytes
    // a character (flag 1).
    const strings = ['指南方向汇总表', '地区', '方向', '欧洲'];
    const sst = [...u32(6), ...u32(6), ...strings.flatMap((t) => [...u16(t.length), 1, ...wide(t)]), ...u16(9), 1, ...wide('中国和')];
    const cont1 = [0, ...[...'Italia'].map((c) => c.charCodeAt(0)), ...u16(4), 0, ...[...'ab'].map((c) => c.charCodeAt(0))];
    const cont2 = [1, ...wide('合作')];
    const globals = (offsets: number[]): number[] => [
      ...rec(0x0809, [...u16(0x0600), ...u16(0x0005), ...u16(0), ...u16(0), ...u32(0), ...u32(0)]),
      ...extra,
      ...rec(0x00e0, [...u16(0), ...u16(0), ...new Array<number>(16).fill(0)]),
      ...rec(0x00e0, [...u16(0), ...u16(14), ...new Array<number>(16).fill(0)]),
      ...rec(0x00e0, [...u16(0), ...u16(9), ...new Array<number>(16).fill(0)]),
      ...sheetName('指南方向', offsets[0]!, false),
      ...sheetName('备注', offsets[1]!, true),
      ...rec(0x00fc, sst),
      ...rec(0x003c, cont1),
      ...rec(0x003c, cont2),
      ...rec(0x000a, []),
    ];
    const bof = rec(0x0809, [...u16(0x0600), ...u16(0x0010), ...u16(0), ...u16(0), ...u32(0), ...u32(0)]);
    const sheet1 = [...bof, ...sheetBody, ...rec(0x000a, [])];
    const sheet2 = [...bof, ...rec(0x00fd, [...cell(0, 0), ...u32(3)]), ...rec(0x000a, [])];
    const size = globals([0, 0]).length;
    return new Uint8Array([...globals([size, size + sheet1.length]), ...sheet1, ...sheet2]);
  };

  it('reads shared strings across CONTINUE records, merged and hidden cells, numbers as their format shows them, cached formula results', async () => {
    const { readXlsStream } = await import('../../src/load/xls.js');
    const body = [
      ...rec(0x007d, [...u16(4), ...u16(4), ...u16(2000), ...u16(0), ...u16(1), ...u16(0)]),
      ...rec(0x0208, [...u16(4), ...u16(0), ...u16(4), ...u16(255), ...u16(0), ...u16(0), ...u16(0x20), ...u16(0)]),
      ...rec(0x00fd, [...cell(0, 0), ...u32(0)]),
      ...rec(0x00fd, [...cell(1, 0), ...u32(1)]),
      ...rec(0x00fd, [...cell(1, 1), ...u32(2)]),
      ...rec(0x0204, [...cell(1, 2), ...u16(2), 1, ...wide('开始')]),
      ...rec(0x0204, [...cell(1, 3), ...u16(2), 1, ...wide('比例')]),
      ...rec(0x0204, [...cell(1, 4), ...u16(2), 1, ...wide('备注')]),
      ...rec(0x00fd, [...cell(2, 0), ...u32(3)]),
      ...rec(0x00fd, [...cell(2, 1), ...u32(4)]),
      ...rec(0x0203, [...cell(2, 2, 1), ...f64(46023)]),
      ...rec(0x027e, [...cell(2, 3, 2), ...u32((25 << 2) | 0x03)]),
      ...rec(0x027e, [...cell(2, 4), ...u32((1 << 2) | 0x02)]),
      ...rec(0x00fd, [...cell(3, 1), ...u32(5)]),
      ...rec(0x0006, [...cell(3, 2), 0, 0, 0, 0, 0, 0, 0xff, 0xff, ...u16(0), ...u32(0), ...u16(0)]),
      ...rec(0x0207, [...u16(4), 0, ...[...'2026'].map((c) => c.charCodeAt(0))]),
      ...rec(0x00bd, [...u16(3), ...u16(3), ...u16(0), ...u32((15 << 2) | 0x02), ...u16(3)]),
      ...rec(0x0204, [...cell(4, 0), ...u16(4), 1, ...wide('作废的行')]),
      ...rec(0x0204, [...cell(4, 1), ...u16(2), 1, ...wide('作废')]),
      ...rec(0x00e5, [...u16(2), ...u16(0), ...u16(0), ...u16(0), ...u16(3), ...u16(2), ...u16(3), ...u16(0), ...u16(0)]),
    ];
    const built = readXlsStream(workbook(body));
    expect(built.text.split('\n')).toEqual(['指南方向汇总表', '| 地区 | 方向 | 开始 | 比例 |', '| 欧洲 | 中国和Italia | 2026年1月1日 | 25% |', '| 欧洲 | ab合作 | 2026 | 15 |', '']);
    expect(built.removed.filter((r) => r.kind === 'hidden-text').map((r) => r.text)).toEqual(['备注', '1', '作废的行 作废', '备注：欧洲']);
  });

  it('an encrypted workbook, or a stream that is no workbook, fails in one line', async () => {
    const { readXlsStream } = await import('../../src/load/xls.js');
    const locked = (() => {
      try {
        readXlsStream(workbook([], rec(0x002f, [...u16(1), ...new Array<number>(52).fill(0)])));
      } catch (error) {
        return (error as Error).message;
      }
      return null;
    })();
    expect(locked).toBe('the Excel 97–2003 workbook is password-protected (encrypted): remove the password and save it again');
    expect(() => readXlsStream(new Uint8Array([1, 2, 3, 4, 5, 6]))).toThrow('damaged Excel 97–2003 workbook (its records cannot be read): open it in Excel or WPS and save it as .xlsx');
  });
});

describe('OFD (a fixed-layout document as government systems export it)', () => {
  it('reads page by page as a PDF is read: the running header of the template and the page numbers logged, the directions as from the text', async () => {
    const source = await loadFile(join(FORMATS, '2024-intergov-final.ofd'));
    expect([source.format, source.pages]).toEqual(['ofd', 5]);
    expect(source.removed.filter((r) => r.kind === 'page-number').map((r) => r.text)).toEqual(['— 1 —', '— 2 —', '— 3 —', '— 4 —', '— 5 —']);
    expect(source.removed.filter((r) => r.kind === 'running-header')).toHaveLength(5);
    expect(source.pageOfLine?.at(-1)).toBe(5);
    const doc = processSource(source);
    const d = diff(textDoc, doc);
    expect(d.directions.filter((x) => x.status !== 'unchanged').map((x) => x.oldId)).toEqual([]);
    expect(d.document.changes).toEqual([]);
    // Traceable to its page: 1.6's funding is on the fourth.
    expect(doc.directions[5]!.funding).toMatchObject({ amountCNY: 6000000, span: { page: 4 } });
  });

  it('places runs by Boundary, X/Y, DeltaX (`g N d`) and CTM, and reads a table its path objects rule as rows × cells', async () => {
    const ns = 'xmlns:ofd="http://www.ofdspec.org/2016"';
    const text = (x: number, y: number, s: string, extra = ''): string => `<ofd:TextObject ID="1" Boundary="${x} ${y} 150 8" Font="1" Size="4"${extra}><ofd:TextCode X="0" Y="4" DeltaX="g ${Array.from(s).length - 1} 4">${s}</ofd:TextCode></ofd:TextObject>`;
    const rule = (x0: number, y0: number, x1: number, y1: number): string => `<ofd:PathObject ID="2" Boundary="0 0 210 297"><ofd:AbbreviatedData>M ${x0} ${y0} L ${x1} ${y1}</ofd:AbbreviatedData></ofd:PathObject>`;
    const grid = [40, 60, 80].map((y) => rule(20, y, 190, y)).join('') + [20, 60, 120, 190].map((x) => rule(x, 40, x, 80)).join('');
    const page = `<ofd:Page ${ns}><ofd:Content><ofd:Layer>
      ${text(20, 20, '指南方向一览表')}
      <ofd:TextObject ID="3" Boundary="20 28 150 8" Font="1" Size="4"><ofd:TextCode X="0" Y="4" DeltaX="4 4">中国和</ofd:TextCode><ofd:TextCode X="16" Y="4">德国</ofd:TextCode></ofd:TextObject>
      <ofd:PageBlock>${text(22, 44, '序号')}${text(62, 44, '方向')}${text(122, 44, '拟支持项目数')}
      ${text(22, 64, '1')}${text(62, 64, '中德合作')}<ofd:TextObject ID="4" Boundary="0 0 210 297" CTM="1 0 0 1 122 64" Font="1" Size="4"><ofd:TextCode X="0" Y="4">3个</ofd:TextCode></ofd:TextObject></ofd:PageBlock>
      ${grid}
    </ofd:Layer></ofd:Content></ofd:Page>`;
    const files = zip({
      'OFD.xml': `<ofd:OFD ${ns}><ofd:DocBody><ofd:DocRoot>/Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>`,
      'Doc_0/Document.xml': `<ofd:Document ${ns}><ofd:CommonData><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea></ofd:CommonData><ofd:Pages><ofd:Page ID="1" BaseLoc="Pages/Page_0/Content.xml"/></ofd:Pages></ofd:Document>`,
      'Doc_0/Pages/Page_0/Content.xml': page,
    });
    expect(sniffFormat(files, 'x.bin')).toBe('ofd');
    const source = await loadBytes(files, 'x.ofd');
    expect(source.text.split('\n')).toEqual(['指南方向一览表', '中国和德国', '| 序号 | 方向 | 拟支持项目数 |', '| 1 | 中德合作 | 3个 |']);
  });
});

describe('CSV (a funding database’s export, as Excel saves it)', () => {
  const csv = [
    '\ufeff指南名称,年度,状态,方向编号,方向名称,合作国家/地区,拟支持项目数,拟支持经费(万元),单项资助上限(万元),实施周期,申报要求,更新时间',
    '2026年度国际合作研究项目指南,2026,征求意见稿,1,与德国科学基金会合作研究项目,德国,15,3000,200,3年,"1．双方须分别提交申请，单方申请无效。',
    '2．申请书中须注明""NSFC-DFG""字样。",2025/12/3 10:21',
    '2026年度国际合作研究项目指南,2026,征求意见稿,2,与日本学术振兴会合作研究项目,日本,8～10,2000,200,36个月,中日双方申请人须分别提交申请。,2025/12/3 10:22',
    '',
  ].join('\r\n');

  it('parses quoted fields with line breaks and doubled quotes; lifts the columns every row repeats; leaves the record’s own columns out, logged', async () => {
    const source = await loadBytes(new TextEncoder().encode(csv), 'x.csv');
    expect([source.format, source.tables]).toEqual(['csv', 1]);
    expect(source.text.split('\n')).toEqual([
      '2026年度国际合作研究项目指南',
      '征求意见稿',
      '年度：2026',
      '| 方向编号 | 方向名称 | 合作国家/地区 | 拟支持项目数 | 拟支持经费(万元) | 单项资助上限(万元) | 实施周期 | 申报要求 |',
      '| 1 | 与德国科学基金会合作研究项目 | 德国 | 15 | 3000 | 200 | 3年 | 1．双方须分别提交申请，单方申请无效。 2．申请书中须注明"NSFC-DFG"字样。 |',
      '| 2 | 与日本学术振兴会合作研究项目 | 日本 | 8～10 | 2000 | 200 | 36个月 | 中日双方申请人须分别提交申请。 |',
      '',
    ]);
    expect(source.removed.filter((r) => r.kind === 'record-header').map((r) => r.text)).toEqual(['更新时间', '2025/12/3 10:21', '2025/12/3 10:22']);
    const doc = processSource(source);
    expect([doc.document.title, doc.document.status]).toEqual(['2026年度国际合作研究项目指南', 'draft']);
    expect(doc.directions.map((d) => [d.id, d.funding?.amountCNY, d.perProjectCap?.amountCNY, d.duration?.maxYears, d.requirements.length])).toEqual([
      ['1', 30000000, 2000000, 3, 2],
      ['2', 20000000, 2000000, 3, 1],
    ]);
    expect(doc.directions[1]!.projectCount).toMatchObject({ value: 10, min: 8, qualifier: 'atMost' });
  });

  it('reads a whole guideline saved as one sheet: a header of two rows whose merged cells are blank below, and the text under the table as lines', async () => {
    const sheet = [
      '2027年度重点流域水资源综合治理项目申报指南,,,,',
      '除另有说明外，每个指南方向拟支持项目数为1～2项。,,,,',
      '序号,指南方向,支持规模,,有关说明',
      ',,拟支持项目数,实施周期,',
      '1.1,流域水循环演变机理,1～2项,不超过4年,—',
      '1.2,梯级水库群协同调度,1项,不超过3年,须企业牵头。',
      '二、申报要求,,,,',
      '1. 申报单位应为中国大陆境内注册的法人单位。,,,,',
      '三、联系方式,,,,',
      '国家科技管理信息系统技术支持：010-58882999,,,,',
    ].join('\r\n');
    const source = await loadBytes(new TextEncoder().encode(sheet), 'x.csv');
    const lines = source.text.split('\n');
    expect(lines.slice(-5)).toEqual(['二、申报要求', '1. 申报单位应为中国大陆境内注册的法人单位。', '三、联系方式', '国家科技管理信息系统技术支持：010-58882999', '']);
    const doc = processSource(source);
    expect(doc.directions.map((d) => [d.id, d.projectCount?.value, d.duration?.maxYears])).toEqual([
      ['1.1', 2, 4],
      ['1.2', 1, 3],
    ]);
  });

  it('is told by its extension; a tab or semicolon parts the fields where the header says so', async () => {
    expect(sniffFormat(new TextEncoder().encode('a,b\n1,2\n'), 'x.csv')).toBe('csv');
    expect(sniffFormat(new TextEncoder().encode('a\tb\n1\t2\n'), 'x.tsv')).toBe('csv');
    const tsv = await loadBytes(new TextEncoder().encode('序号\t方向名称\t拟支持项目数\n1\t中德合作\t3个\n'), 'x.tsv');
    expect(tsv.text).toBe('| 序号 | 方向名称 | 拟支持项目数 |\n| 1 | 中德合作 | 3个 |\n');
  });
});

describe('Markdown a PDF converter wrote (MinerU, Marker)', () => {
  const md = [
    '![](images/0b7d3c2e.jpg)',
    '# 国家重点研发计划“深海关键技术与装备”',
    '# 重点专项2025年度项目申报指南',
    '（征求意见稿）',
    '本专项拟启动2个项目方向，实施周期不超过5年。',
    '# 1.1 全海深潜水器能源系统研制（共性关键技术类）',
    '研究内容：研究耐超高压固态锂电池电芯设计与成组技术。',
    '拟支持项目数：1～2项',
    '## 1.2 万米级深海着陆器集群协同观测技术（基础前沿技术类）',
    '研究内容：研究多着陆器集群水下声学组网方法。',
    '![](images/5e2f8a1c.jpg)',
    '图1 着陆器集群布放示意图',
    '2025年度项目申报指南（征求意见稿）',
    '拟支持项目数：1项',
    '附表 方向一览',
    '<table><tr><td rowspan="2">序号</td><td rowspan="2">项目方向</td><td colspan="2">拟支持情况</td></tr><tr><td>项目数</td><td>实施周期</td></tr><tr><td>1.1</td><td>全海深潜水器能源系统研制</td><td>1～2</td><td>不超过5年</td></tr><tr><td>1.2</td><td>万米级深海着陆器集群协同观测技术</td><td>1</td><td>4年</td></tr></table>',
    '',
  ].join('\n');

  it('reads a heading number before a title that starts with 万 as a number; tables kept as HTML as rows × cells; images, their captions and the title repeated as a running head logged', async () => {
    const source = await loadBytes(new TextEncoder().encode(md), 'x.md');
    expect(source.text.split('\n').filter((l) => l.startsWith('|'))).toEqual([
      '| 序号 | 项目方向 | 拟支持情况 | 拟支持情况 |',
      '| 序号 | 项目方向 | 项目数 | 实施周期 |',
      '| 1.1 | 全海深潜水器能源系统研制 | 1～2 | 不超过5年 |',
      '| 1.2 | 万米级深海着陆器集群协同观测技术 | 1 | 4年 |',
    ]);
    expect(source.removed.map((r) => r.kind)).toEqual(['markup']);
    const doc = processSource(source);
    expect(doc.directions.map((d) => [d.id, d.title])).toEqual([
      ['1.1', '全海深潜水器能源系统研制（共性关键技术类）'],
      ['1.2', '万米级深海着陆器集群协同观测技术（基础前沿技术类）'],
    ]);
    const removed = (kind: string): string[] => doc.removed.filter((r) => r.kind === kind).map((r) => r.text);
    expect(removed('figure-caption')).toEqual(['图1 着陆器集群布放示意图']);
    expect(removed('running-header')).toEqual(['2025年度项目申报指南（征求意见稿）']);
    expect(removed('markup').filter((t) => t.startsWith('!['))).toEqual(['![](images/0b7d3c2e.jpg)', '![](images/5e2f8a1c.jpg)']);
    // Nothing of them is left in the direction's text; the table's figures are read into its rows' directions.
    expect(doc.directions[1]!.researchContent).toHaveLength(1);
    expect(doc.directions.map((d) => [d.projectCount?.value, d.duration?.maxYears])).toEqual([[2, 5], [1, 4]]);
  });
});

describe('MHTML (a page saved as a web archive)', () => {
  it('reads the page inside its MIME part in the part’s charset (its `<meta charset=gb2312>` says otherwise), not as markup of its own', async () => {
    const mht = (body: string): Uint8Array => new TextEncoder().encode(['From: <Saved by Blink>', 'Subject: page', 'MIME-Version: 1.0', 'Content-Type: multipart/related; type="text/html"; boundary="B"', '', '--B', 'Content-Type: text/html; charset="utf-8"', 'Content-Transfer-Encoding: quoted-printable', '', body, '--B--', ''].join('\r\n'));
    const html = '<html><head><meta charset=3D"gb2312"></head><body><p>=E5=9B=BD=E5=AE=B6=E9=87=8D=E7=82=B9=E7=A0=94=E5=8F=91=E8=AE=A1=E5=88=92</p><p>x</p><p>y</p><p>z</p><p>w</p><p>v</p><p>u</p><p>t</p><p>s</p><p>r</p></body></html>';
    const bytesOut = mht(html);
    expect(sniffFormat(bytesOut, 'page.mht')).toBe('txt');
    const source = await loadBytes(bytesOut, 'page.mht');
    expect(source.format).toBe('html');
    expect(source.text.split('\n')[0]).toBe('国家重点研发计划');
  });
});

describe('PPTX (a 指南解读 deck)', () => {
  it('reads the slides in the deck’s order, shapes by position, numbers as PowerPoint draws them; slide numbers and speaker notes logged; the directions as from the text', async () => {
    const source = await loadFile(join(FORMATS, '2024-intergov-final.pptx'));
    expect(source.format).toBe('pptx');
    const lines = source.text.split('\n');
    // The title shape stands above the body shape, though written after it.
    expect(lines.slice(0, 2)).toEqual(['国家重点研发计划“政府间国际科技创新合作”重点专项', '2024年度第二批项目申报指南']);
    // `buAutoNum type="arabicParenBoth"`: the numbers are drawn, not typed.
    const start = lines.indexOf('1.4 中国和以色列政府间创新合作项目');
    expect(lines.slice(start + 7, start + 10)).toEqual([
      '（1）中以双方申报单位中须各至少有一家企业，中方企业应提供至少与其获得的政府资助等额的配套出资。',
      '（2）项目合作双方须分别向本国的项目征集部门提交申报材料，单方申报无效。',
      '（3）中以双方合作单位须在申报前签署明确的知识产权协议。',
    ]);
    expect(source.removed.filter((r) => r.kind === 'running-footer').map((r) => r.text)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(source.removed.filter((r) => r.kind === 'hidden-text').map((r) => r.text)).toEqual(['讲解时强调：日方由JST同步征集。']);
    const d = diff(textDoc, processSource(source));
    expect(d.directions.filter((x) => x.status !== 'unchanged').map((x) => x.oldId)).toEqual([]);
    expect(d.document.changes).toEqual([]);
  });
});

describe('PPT (the same deck saved as PowerPoint 97–2003 by LibreOffice)', () => {
  it('reads the slides in the deck’s order, shapes by position; slide numbers and speaker notes logged; the directions as from the text', async () => {
    const source = await loadFile(join(FORMATS, '2024-intergov-final.ppt'));
    expect([source.format, source.encoding]).toEqual(['ppt', 'ppt']);
    const lines = source.text.split('\n');
    expect(lines.slice(0, 2)).toEqual(['国家重点研发计划“政府间国际科技创新合作”重点专项', '2024年度第二批项目申报指南']);
    // (The converter writes each slide's number as a text box of its own: logged as the .pptx's placeholders are.)
    expect(source.removed.filter((r) => r.kind === 'running-footer').map((r) => r.text)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(source.removed.filter((r) => r.kind === 'hidden-text').map((r) => r.text)).toEqual(['讲解时强调：日方由JST同步征集。']);
    const d = diff(textDoc, processSource(source));
    expect(d.directions.filter((x) => x.status !== 'unchanged').map((x) => x.oldId)).toEqual([]);
    expect(d.document.changes).toEqual([]);
  });

  it('refuses an OLE file that says it is a deck but holds no slides, in one line', async () => {
    const { readPpt } = await import('../../src/load/ppt.js');
    expect(() => readPpt(new Uint8Array(16))).toThrow(/no slides|幻灯片/);
  });
});

describe('an e-mail whose guideline is an attachment', () => {
  const docx = readFileSync(join(FORMATS, '2024-intergov-final.docx'));
  const b64 = (b: Uint8Array): string => Buffer.from(b).toString('base64').replace(/.{76}/g, '$&\r\n');
  const mail = (guideName: string): Uint8Array =>
    new TextEncoder().encode(
      [
        'From: =?utf-8?B?56eR56CU5aSE?= <kyc@example.edu.cn>',
        'To: teachers@example.edu.cn',
        'Subject: =?utf-8?B?6L2s5Y+R77ya5oyH5Y2X?=',
        'Date: Mon, 1 Dec 2025 09:00:00 +0800',
        'MIME-Version: 1.0',
        'Content-Type: multipart/mixed; boundary="M"',
        '',
        '--M',
        'Content-Type: text/plain; charset="utf-8"',
        'Content-Transfer-Encoding: base64',
        '',
        b64(new TextEncoder().encode('各位老师：\n转发科技部通知，请于12月20日前报送申报材料。\n科研处')),
        '--M',
        'Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet; name="template.xlsx"',
        'Content-Disposition: attachment; filename*=utf-8\'\'%E7%94%B3%E6%8A%A5%E4%B9%A6%E6%A8%A1%E6%9D%BF.xlsx',
        'Content-Transfer-Encoding: base64',
        '',
        b64(readFileSync(join(FORMATS, '2024-intergov-final.xlsx'))),
        '--M',
        'Content-Type: application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        `Content-Disposition: attachment; ${guideName}`,
        'Content-Transfer-Encoding: base64',
        '',
        b64(docx),
        '--M--',
        '',
      ].join('\r\n'),
    );

  it.each([
    ['an encoded word', 'filename="=?utf-8?B?5oyH5Y2XLmRvY3g=?="'],
    ['RFC 2231', "filename*=utf-8''%E6%8C%87%E5%8D%97.docx"],
    ['RFC 2231 continued', "filename*0*=utf-8''%E6%8C%87; filename*1*=%E5%8D%97.docx"],
  ])('reads the attached guideline (its name as %s), not the note nor the form attached beside it; the note logged', async (_, name) => {
    const source = await loadBytes(mail(name), 'forward.eml');
    expect([source.format, source.path]).toEqual(['docx', 'forward.eml']);
    expect(source.removed.filter((r) => r.kind === 'email').map((r) => r.text)).toContain('各位老师：\n转发科技部通知，请于12月20日前报送申报材料。\n科研处');
    const d = diff(textDoc, processSource(source));
    expect(d.directions.filter((x) => x.status !== 'unchanged').map((x) => x.oldId)).toEqual([]);
  });
});

describe('a spreadsheet’s numbers as their cells show them', () => {
  it('writes the words a custom format puts around a number (`"约"0"个"`, `#,##0"万元"`, `0"年"`)', async () => {
    const { shapeOfFormat, shownNumber } = await import('../../src/load/xlsx.js');
    expect(shownNumber(6, shapeOfFormat(164, '"约"0"个"'))).toBe('约6个');
    expect(shownNumber(6, shapeOfFormat(165, '"不超过"0"个";;'))).toBe('不超过6个');
    expect(shownNumber(1200, shapeOfFormat(166, '#,##0"万元"'))).toBe('1,200万元');
    expect(shownNumber(1.5, shapeOfFormat(167, '0.0"亿元"'))).toBe('1.5亿元');
    expect(shownNumber(3, shapeOfFormat(168, '0"年"'))).toBe('3年');
    // (General, dates and percentages as before.)
    expect(shownNumber(3, shapeOfFormat(0, ''))).toBe('3');
    expect(shownNumber(0.25, shapeOfFormat(9, ''))).toBe('25%');
  });

  it('keeps the lines of a cell typed with Alt+Enter apart where they are a list’s short items', async () => {
    const { cellText } = await import('../../src/load/blocks.js');
    expect(cellText(['农业', '生物经济', '数字技术'], true)).toBe('农业 生物经济 数字技术');
    expect(cellText(['合作项目必须双方同时申报，', '单方申报无效。'], true)).toBe('合作项目必须双方同时申报，单方申报无效。');
    expect(cellText(['中国和法国', '项目'], true)).toBe('中国和法国项目');
    expect(cellText(['农业', '生物经济'])).toBe('农业生物经济');
  });
});
