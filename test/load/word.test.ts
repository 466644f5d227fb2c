import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { loadBytes } from '../../src/load/index.js';
import { assignIds, documentId } from '../../src/load/id.js';
import { chineseCounting, formatNumber, Numbering } from '../../src/load/numbering.js';
import { parseXml } from '../../src/load/xml.js';
import { processSource } from '../../src/pipeline.js';

describe('Word number formats', () => {
  it('counts in Chinese as Word does', () => {
    expect([1, 9, 10, 11, 19, 20, 21, 99, 100, 101, 110, 999].map((n) => chineseCounting(n))).toEqual([
      '一', '九', '十', '十一', '十九', '二十', '二十一', '九十九', '一百', '一百零一', '一百一十', '九百九十九',
    ]);
    expect(formatNumber(12, 'chineseLegalSimplified')).toBe('拾贰');
    expect(formatNumber(3, 'ideographTraditional')).toBe('丙');
    expect(formatNumber(105, 'ideographDigital')).toBe('一〇五');
  });

  it('writes letters, roman numerals, enclosed and full-width digits', () => {
    expect([1, 26, 27, 53].map((n) => formatNumber(n, 'lowerLetter'))).toEqual(['a', 'z', 'aa', 'aaa']);
    expect(formatNumber(2, 'upperLetter')).toBe('B');
    expect(formatNumber(14, 'lowerRoman')).toBe('xiv');
    expect([1, 20, 21, 36, 51].map((n) => formatNumber(n, 'decimalEnclosedCircle'))).toEqual(['①', '⑳', '㉑', '㊱', '51']);
    expect(formatNumber(3, 'decimalEnclosedParen')).toBe('⑶');
    expect(formatNumber(3, 'decimalEnclosedFullstop')).toBe('⒊');
    expect(formatNumber(12, 'decimalFullWidth')).toBe('１２');
    expect(formatNumber(7, 'decimalZero')).toBe('07');
    expect(formatNumber(7, 'none')).toBe('');
  });
});

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const lvl = (ilvl: number, fmt: string, text: string, extra = ''): string =>
  `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${fmt}"/><w:lvlText w:val="${text}"/>${extra}</w:lvl>`;

describe('Numbering: the counters of numbering.xml', () => {
  it('computes multilevel numbers (%1.%2), restarts deeper levels, and restarts an instance with startOverride', () => {
    const xml = parseXml(`<w:numbering ${W}>
      <w:abstractNum w:abstractNumId="0">${lvl(0, 'chineseCounting', '%1、')}${lvl(1, 'chineseCounting', '（%2）')}${lvl(2, 'decimal', '%3.')}</w:abstractNum>
      <w:abstractNum w:abstractNumId="1">${lvl(0, 'decimal', '%1.')}${lvl(1, 'decimal', '%1.%2')}</w:abstractNum>
      <w:abstractNum w:abstractNumId="2">${lvl(0, 'decimal', '（%1）')}</w:abstractNum>
      <w:abstractNum w:abstractNumId="3">${lvl(0, 'decimal', '%1')}${lvl(1, 'decimal', '%1.%2', '<w:isLgl/>')}${lvl(2, 'lowerLetter', '%3)', '<w:lvlRestart w:val="0"/>')}</w:abstractNum>
      <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
      <w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
      <w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>
      <w:num w:numId="4"><w:abstractNumId w:val="2"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
      <w:num w:numId="5"><w:abstractNumId w:val="3"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="4"/></w:lvlOverride></w:num>
    </w:numbering>`);
    const n = new Numbering(xml);
    const seq = (steps: [string, number][]): string[] => steps.map(([id, l]) => n.next(id, l)?.text ?? 'null');
    expect(seq([['1', 0], ['1', 1], ['1', 1], ['1', 2], ['1', 0], ['1', 1], ['1', 2]])).toEqual(['一、', '（一）', '（二）', '1.', '二、', '（一）', '1.']);
    // Level 0 never used: %1 is its start value.
    expect(seq([['2', 1], ['2', 1], ['2', 1]])).toEqual(['1.1', '1.2', '1.3']);
    // Instances of one list continue each other unless an override restarts them.
    expect(seq([['3', 0], ['3', 0], ['4', 0], ['4', 0], ['3', 0]])).toEqual(['（1）', '（2）', '（1）', '（2）', '（3）']);
    // Legal numbering (isLgl) writes every level in digits; lvlRestart 0 never restarts.
    expect(seq([['5', 0], ['5', 1], ['5', 2], ['5', 0], ['5', 1], ['5', 2]])).toEqual(['4', '4.1', 'a)', '5', '5.1', 'b)']);
    expect(n.next('0', 0)).toBeNull();
    expect(n.next('9', 0)).toBeNull();
  });
});

describe('ids of renditions', () => {
  it('strips the extensions of every source format', () => {
    expect(['a/x.html', 'x.HTM', 'x.docx', 'x.doc', 'x.wps', 'x.pdf', 'x.txt', 'x.odt', 'x.rtf', 'x.md'].map(documentId)).toEqual(['x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x']);
  });

  it('gives the PDF the plain id and each other rendition in the folder its extension; one name in two folders is left to collide', () => {
    const ids = assignIds(['c/x.docx', 'c/x.pdf', 'c/x.txt', 'c/y.html', 'c/y.txt', 'd/x.txt', 'c/z.txt']);
    expect(Object.fromEntries([...ids].map(([p, a]) => [p, [a.id, a.renditionOf]]))).toEqual({
      'c/x.docx': ['x-docx', 'c/x.pdf'],
      'c/x.pdf': ['x', null],
      'c/x.txt': ['x-txt', 'c/x.pdf'],
      'c/y.html': ['y', null],
      'c/y.txt': ['y-txt', 'c/y.html'],
      'd/x.txt': ['x', null],
      'c/z.txt': ['z', null],
    });
  });
});

describe('DOCX details, on a document written by hand', () => {
  const p = (inner: string, pPr = ''): string => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${inner}</w:p>`;
  const r = (text: string, rPr = ''): string => `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}<w:t xml:space="preserve">${text}</w:t></w:r>`;
  const tc = (inner: string, tcPr = ''): string => `<w:tc>${tcPr ? `<w:tcPr>${tcPr}</w:tcPr>` : ''}${inner}</w:tc>`;
  const docx = (body: string, extra: Record<string, string> = {}): Uint8Array =>
    zipSync({
      '[Content_Types].xml': strToU8('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
      'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}<w:sectPr/></w:body></w:document>`),
      ...Object.fromEntries(Object.entries(extra).map(([k, v]) => [k, strToU8(v)])),
    });

  it('keeps field results, not codes; drops deletions; logs hidden text; numbers through a heading style', async () => {
    const styles = `<w:styles ${W}><w:style w:type="paragraph" w:styleId="Heading1"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style></w:styles>`;
    const numbering = `<w:numbering ${W}><w:abstractNum w:abstractNumId="0">${lvl(0, 'chineseCounting', '%1、')}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`;
    const body = [
      p(r('总体要求'), '<w:pStyle w:val="Heading1"/>'),
      p(`${r('见第')}<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGEREF _Toc1 </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>${r('3')}<w:r><w:fldChar w:fldCharType="end"/></w:r>${r('页')}<w:del><w:r><w:delText>删去的字</w:delText></w:r></w:del><w:ins>${r('，新增')}</w:ins>${r('隐藏', '<w:vanish/>')}`),
      p(`${r('第一行')}<w:r><w:br/></w:r>${r('第二行')}`),
      p(r('申报要求'), '<w:pStyle w:val="Heading1"/>'),
    ].join('');
    const s = await loadBytes(docx(body, { 'word/styles.xml': styles, 'word/numbering.xml': numbering }), 'x.docx');
    expect(s.text).toBe('一、总体要求\n见第3页，新增\n第一行\n第二行\n二、申报要求\n');
    expect(s.blockOfLine).toEqual([1, 2, 3, 3, 4]);
    expect(s.removed.filter((x) => x.kind === 'hidden-text').map((x) => x.text)).toEqual(['隐藏']);
  });

  it('keeps a number apart from a title that starts with a digit (3. 8英寸…, not 3.8英寸…)', async () => {
    const numbering = `<w:numbering ${W}><w:abstractNum w:abstractNumId="0">${lvl(0, 'decimal', '%1.')}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`;
    const num = '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>';
    const body = [p(r('高精度压力传感器'), num), p(r('8英寸MEMS晶圆级封装'), num)].join('');
    const s = await loadBytes(docx(body, { 'word/numbering.xml': numbering }), 'x.docx');
    expect(s.text).toBe('1.高精度压力传感器\n2. 8英寸MEMS晶圆级封装\n');
  });

  it('writes the number Word shows in an empty numbered cell (a 序号 column numbered by a list), never in an empty body paragraph', async () => {
    const numbering = `<w:numbering ${W}><w:abstractNum w:abstractNumId="0">${lvl(0, 'decimal', '%1')}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`;
    const num = '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>';
    const row = (title: string): string => `<w:tr>${tc(p('', num))}${tc(p(r(title)))}</w:tr>`;
    const body = [p('', num), '<w:tbl>', `<w:tr>${tc(p(r('序号')))}${tc(p(r('任务名称')))}</w:tr>`, row('国产服务器操作系统内核实时性增强技术'), row('分布式数据库高可用与异构迁移工具'), '</w:tbl>'].join('');
    const s = await loadBytes(docx(body, { 'word/numbering.xml': numbering }), 'x.docx');
    // (The empty body paragraph takes number 1, as Word counts it, but shows no text.)
    expect(s.text).toBe(['| 序号 | 任务名称 |', '| 2 | 国产服务器操作系统内核实时性增强技术 |', '| 3 | 分布式数据库高可用与异构迁移工具 |', ''].join('\n'));
  });

  it('renders tables with gridSpan and vMerge repeated, gridBefore padded, and a one-column table as paragraphs', async () => {
    const body = [
      '<w:tbl>',
      `<w:tr>${tc(p(r('方向')), '<w:vMerge w:val="restart"/>')}${tc(p(r('经费')), '<w:gridSpan w:val="2"/>')}</w:tr>`,
      `<w:tr>${tc(p(''), '<w:vMerge/>')}${tc(p(r('总额')))}${tc(p(r('单项')))}</w:tr>`,
      `<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>${tc(p(r('1500万元')) + p(r('（约）')))}${tc(p(r('a|b')))}</w:tr>`,
      '</w:tbl>',
      `<w:tbl><w:tr>${tc(p(r('一、正文')) + p(r('第二段')))}</w:tr></w:tbl>`,
    ].join('');
    const s = await loadBytes(docx(body), 'x.docx');
    expect(s.text).toBe(['| 方向 | 经费 | 经费 |', '| 方向 | 总额 | 单项 |', '|  | 1500万元（约） | a｜b |', '一、正文', '第二段', ''].join('\n'));
    expect(s.tables).toBe(1);
    expect(s.tableOfLine?.map((t) => t && [t.table, t.row])).toEqual([[1, 1], [1, 2], [1, 3], null, null]);
  });

  it('reads one table of directions with group captions across it (gridSpan) and a region merged down rows (vMerge)', async () => {
    const row = (...cells: string[]): string => `<w:tr>${cells.join('')}</w:tr>`;
    const cell = (text: string, tcPr = ''): string => tc(p(text === '' ? '' : r(text)), tcPr);
    const caption = (text: string): string => row(cell(text, '<w:gridSpan w:val="5"/>'));
    const restart = '<w:vMerge w:val="restart"/>';
    const body = [
      p(r('国家重点研发计划“港澳台科技创新合作”重点专项2027年度项目申报指南')),
      p(r('一、指南方向')),
      p(r('本专项共设立4个指南方向，拟支持项目数11个。')),
      '<w:tbl>',
      row(cell('序号'), cell('合作地区'), cell('指南方向'), cell('拟支持项目数'), cell('国拨经费（万元）')),
      caption('（一）联合资助项目'),
      row(cell('1'), cell('香港', restart), cell('内地与香港联合资助项目'), cell('3'), cell('900')),
      row(cell('2'), cell('', '<w:vMerge/>'), cell('内地与香港研究资助局项目'), cell('2'), cell('600')),
      caption('（二）自由申报合作项目'),
      // A continued merge right below a caption: the cell above is the caption, no merge of its column.
      row(cell('3'), cell('澳门', '<w:vMerge/>'), cell('内地与澳门联合研究项目'), cell('4'), cell('1200')),
      row(cell('4'), cell('', '<w:vMerge/>'), cell('横琴合作区科技创新项目'), cell('2'), cell('500')),
      '</w:tbl>',
      p(r('二、申报要求')),
      p(r('（一）申报单位应为在中国大陆境内登记注册的单位。')),
    ].join('');
    const s = await loadBytes(docx(body), 'x.docx');
    const rows = s.text.split('\n').filter((l) => l.startsWith('|'));
    expect(rows.slice(1)).toEqual([
      `| ${new Array(5).fill('（一）联合资助项目').join(' | ')} |`,
      '| 1 | 香港 | 内地与香港联合资助项目 | 3 | 900 |',
      '| 2 | 香港 | 内地与香港研究资助局项目 | 2 | 600 |',
      `| ${new Array(5).fill('（二）自由申报合作项目').join(' | ')} |`,
      '| 3 | 澳门 | 内地与澳门联合研究项目 | 4 | 1200 |',
      '| 4 | 澳门 | 横琴合作区科技创新项目 | 2 | 500 |',
    ]);
    // The captions are headings of the text, not directions; the rows keep their printed numbers.
    const doc = processSource(s);
    expect(doc.directions.map((d) => [d.id, d.title, d.partners.map((x) => x.name), d.projectCount?.value])).toEqual([
      ['1', '内地与香港联合资助项目', ['香港'], 3],
      ['2', '内地与香港研究资助局项目', ['香港'], 2],
      ['3', '内地与澳门联合研究项目', ['澳门'], 4],
      ['4', '横琴合作区科技创新项目', ['澳门'], 2],
    ]);
  });

  it('reads a table of directions whose 考核指标 cells hold tables: rows × cells, each inner row an indicator, the inner header logged', async () => {
    const row = (...cells: string[]): string => `<w:tr>${cells.join('')}</w:tr>`;
    const cell = (text: string): string => tc(p(r(text)));
    const inner = (...rows: string[][]): string => tc(`<w:tbl>${rows.map((x) => row(...x.map(cell))).join('')}</w:tbl>${p('')}`);
    const body = [
      p(r('国家重点研发计划“增材制造与激光制造”重点专项2026年度项目申报指南')),
      p(r('本专项2026年度拟启动2个指南方向。每个指南方向拟支持项目数为1～2项，实施周期不超过4年。')),
      p(r('一、指南方向')),
      '<w:tbl>',
      row(cell('序号'), cell('指南方向'), cell('研究内容'), cell('考核指标')),
      row(cell('1.1'), cell('金属增材制造缺陷在线调控（基础前沿技术类）'), cell('研究熔池动力学与缺陷演化机理。'), inner(['指标', '目标值', '考核年度'], ['缺陷判据', '3类', '2028'], ['监测频率', '≥20kHz', '2029'])),
      row(cell('1.2'), cell('超快激光加工新原理（基础前沿技术类）'), cell('研究超快激光与材料的相互作用。'), inner(['指标', '目标值', '考核年度'], ['观测分辨率', '≤500fs', '2028'], ['预测误差', '≤10%', '2029'], ['发明专利', '≥5项', '2029'])),
      '</w:tbl>',
      p(r('二、申报要求')),
      p(r('（一）申报单位应为在中国大陆境内登记注册的单位。')),
    ].join('');
    const s = await loadBytes(docx(body), 'x.docx');
    expect(s.removed.filter((x) => x.kind === 'table-header').map((x) => x.text)).toEqual(['指标 目标值 考核年度', '指标 目标值 考核年度']);
    const doc = processSource(s);
    expect(doc.directions.map((d) => [d.id, d.researchContent.map((x) => x.text), d.indicators.map((x) => x.text)])).toEqual([
      ['1.1', ['研究熔池动力学与缺陷演化机理。'], ['缺陷判据3类2028', '监测频率≥20kHz 2029']],
      ['1.2', ['研究超快激光与材料的相互作用。'], ['观测分辨率≤500fs 2028', '预测误差≤10% 2029', '发明专利≥5项2029']],
    ]);
  });

  it('refuses a damaged part in one line', async () => {
    const bad = zipSync({ 'word/document.xml': strToU8('<w:document><w:body><w:p></w:body>') });
    await expect(loadBytes(bad, 'x.docx')).rejects.toThrow('damaged Word file: word/document.xml is not well-formed XML');
  });
});
