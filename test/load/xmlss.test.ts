/**
 * An Excel "XML Spreadsheet 2003" saved as `.xls` (a Java system's export): read as a workbook,
 * cells skipping columns (`ss:Index`), merged down (`ss:MergeDown`), line breaks `&#10;`, a hidden
 * column and a hidden sheet logged, a comment logged.
 */
import { describe, expect, it } from 'vitest';
import { ingestText } from '../helpers/seed.js';

const cell = (text: string, attrs = ''): string => `<Cell${attrs}><Data ss:Type="String">${text}</Data></Cell>`;
const row = (cells: string[]): string => `<Row>${cells.join('')}</Row>`;

const workbook = [
  '<?xml version="1.0"?>',
  '<?mso-application progid="Excel.Sheet"?>',
  '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">',
  '<Worksheet ss:Name="指南方向"><Table>',
  '<Column ss:Index="6" ss:Hidden="1"/>',
  row([cell('国家重点研发计划“政府间国际科技创新合作”重点专项2026年度项目申报指南', ' ss:MergeAcross="4"')]),
  row([cell('序号'), cell('指南方向'), cell('合作协议'), cell('拟支持项目数'), cell('国拨经费（万元）'), cell('内部备注')]),
  row([cell('1.1'), cell('中国和越南政府间联合研究项目'), cell('《中越科技合作联委会第十二次会议议定书》', ' ss:MergeDown="1"'), cell('4个'), cell('800'), cell('内部：已联系')]),
  row([cell('1.2'), cell('中国和老挝政府间联合研究项目'), `<Cell ss:Index="4"><Data ss:Type="String">3个</Data><Comment><Data>校内限报1项</Data></Comment></Cell>`, cell('600')]),
  row([cell('1.3'), cell('中国和泰国政府间&#10;联合研究项目'), cell('《中泰科技合作联委会第二十五次会议纪要》'), cell('5个'), cell('1000')]),
  '</Table></Worksheet>',
  '<Worksheet ss:Name="字典"><Table>' + row([cell('下拉选项')]) + '</Table><WorksheetOptions xmlns="urn:schemas-microsoft-com:office:excel"><Visible>SheetHidden</Visible></WorksheetOptions></Worksheet>',
  '</Workbook>',
].join('\n');

describe('an XML Spreadsheet 2003 saved as .xls', () => {
  it('reads its directions; a merged cell stands in each row it covers; hidden parts and comments are logged', async () => {
    const doc = await ingestText(workbook, 'export.xls');
    expect(doc.document.source.format).toBe('xls');
    expect(doc.directions.map((d) => [d.id, d.title, d.agreements.map((a) => a.title), d.projectCount?.value, d.funding?.amountCNY])).toEqual([
      ['1.1', '中国和越南政府间联合研究项目', ['中越科技合作联委会第十二次会议议定书'], 4, 8_000_000],
      ['1.2', '中国和老挝政府间联合研究项目', ['中越科技合作联委会第十二次会议议定书'], 3, 6_000_000],
      ['1.3', '中国和泰国政府间联合研究项目', ['中泰科技合作联委会第二十五次会议纪要'], 5, 10_000_000],
    ]);
    const hidden = doc.removed.filter((r) => r.kind === 'hidden-text').map((r) => r.text);
    expect(hidden).toEqual(expect.arrayContaining(['内部：已联系', '校内限报1项', '字典：下拉选项']));
  });
});
