/**
 * The history as people read it (Markdown, one self-contained HTML page) and as spreadsheets read it
 * (the lines and totals tables, through the export's CSV and XLSX writers).
 */
import readXlsxFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { toCsv, toXlsx } from '../../src/export/index.js';
import { history } from '../../src/history/index.js';
import { historyToHtml, historyToMarkdown } from '../../src/history/report.js';
import { historyTables } from '../../src/history/table.js';
import { parseCsv } from '../helpers/xlsx.js';
import { series } from './series.js';

const h = history(await series());

/** The rows of the Markdown table under `## heading`, cells trimmed, header first. */
function mdTable(md: string, heading: string): string[][] {
  const lines = md.split('\n');
  let i = lines.indexOf(`## ${heading}`);
  if (i < 0) throw new Error(`no heading ${heading}`);
  while (!lines[i]!.startsWith('|')) i++;
  const rows: string[][] = [];
  for (; i < lines.length && lines[i]!.startsWith('|'); i++) {
    rows.push(lines[i]!.slice(1, -1).split('|').map((c) => c.trim()));
  }
  return rows.filter((r) => !r.every((c) => /^-+$/.test(c)));
}

const row = (rows: string[][], first: string): string[] => rows.find((r) => r[0] === first) ?? [];

describe('history report (Markdown)', () => {
  const md = historyToMarkdown(h);

  it('lists the documents in order, and their totals, stated against added up', () => {
    expect(mdTable(md, '文件').map((r) => r.slice(0, 2))).toEqual([
      ['序号', '版本'],
      ['1', '2024年第一批（征求意见稿）'],
      ['2', '2024年第一批'],
      ['3', '2025年第一批（征求意见稿）'],
      ['4', '2025年第一批'],
      ['5', '2025年第二批'],
    ]);
    const totals = mdTable(md, '合计');
    expect(totals[0]).toEqual(['版本', '方向数', '项目数（文中所述）', '项目数（各方向合计）', '经费（文中所述）', '经费（各方向合计）', '经费差额']);
    expect(row(totals, '2024年第一批')).toEqual(['2024年第一批', '12', '约129', '129', '3.655亿元', '3.065亿元', '+5900万元']);
    expect(row(totals, '2025年第二批')).toEqual(['2025年第二批', '5', '约23', '23', '4600万元', '4600万元', '相符']);
  });

  it('shows a row per line and a column per document, a footnote on each changed cell', () => {
    const lines = mdTable(md, '指南方向');
    expect(lines[0]).toEqual(['方向（最新标题）', '合作方', '出现', '2024年第一批（征求意见稿）', '2024年第一批', '2025年第一批（征求意见稿）', '2025年第一批', '2025年第二批']);
    expect(lines).toHaveLength(1 + 19);
    expect(row(lines, '中国和越南政府间联合研究项目')).toEqual([
      '中国和越南政府间联合研究项目',
      '越南',
      '4/5',
      '1.1 · 3个 · 600万元',
      '1.1 · 3个 · 700万元[^2-1]',
      '1.1 · 4个 · 800万元[^3-1]',
      '1.1 · 4个 · 800万元',
      '—',
    ]);
    expect(row(lines, '中国和芬兰政府间科技合作项目').slice(3)).toEqual(['1.7 · 不超过15个 · 6000万元', '删除', '1.7 · 不超过15个 · 6000万元 · 重新出现[^3-7]', '1.6 · 不超过15个 · 6000万元', '—']);
    expect(row(lines, '中国和南非政府间联合研究项目').slice(3)).toEqual(['—', '—', '—', '—', '1.1 · 5个 · 1000万元 · 新增']);
    expect(md).toContain('[^2-1]: **1.1 中国和越南政府间联合研究项目**：2024年第一批（征求意见稿） → 2024年第一批\n\n    - 拟支持经费：600万元 → 700万元\n');
    expect(md).toContain('[^3-7]: **1.7 中国和芬兰政府间科技合作项目**：2024年第一批（征求意见稿） → 2025年第一批（征求意见稿）（其间的版本没有这个方向），内容未变。\n');
    expect(md).toContain('    - 合作方「白俄罗斯」（删除）\n');
    // Reworded text as the diff shows it: deletions struck through, insertions in bold.
    expect(md).toContain('该项目面向~~2023~~**2024**年1月1日前');
  });

  it('says what each version added, dropped and brought back', () => {
    const versions = mdTable(md, '各版本的变化');
    expect(versions[0]).toEqual(['版本', '对比', '新增', '删除', '重新出现', '修改', '重新编号']);
    expect(row(versions, '2024年第一批')).toEqual(['2024年第一批', '2024年第一批（征求意见稿）', '—', '1.7 中国和芬兰政府间科技合作项目', '—', '2', '6']);
    expect(row(versions, '2025年第一批（征求意见稿）').slice(2, 5)).toEqual([
      '1.9 中国和奥地利政府间产学研合作项目；2.3 中国和斯洛文尼亚政府间联合研发项目；2.4 中国和白俄罗斯政府间联合研究旗舰项目',
      '—',
      '1.7 中国和芬兰政府间科技合作项目',
    ]);
    expect(row(versions, '2025年第一批').slice(3, 4)).toEqual(['1.3 中国和缅甸政府间联合研究项目']);
    // A second batch drops nothing of the first: another call.
    expect(row(versions, '2025年第二批').slice(2, 5)).toEqual([
      '1.1 中国和南非政府间联合研究项目；1.2 中国和埃及政府间联合研发项目；1.4 中国和巴西政府间科技创新合作项目',
      '—',
      '1.5 中国和新西兰政府间科学合作项目',
    ]);
  });

  it('tabulates partners × documents funding', () => {
    const partners = mdTable(md, '合作方经费');
    expect(row(partners, '奥地利')).toEqual(['奥地利', '4/5', '3000万元', '3000万元', '4000万元（2个方向）', '4000万元（2个方向）', '—']);
    expect(row(partners, '白俄罗斯')).toEqual(['白俄罗斯', '4/5', '3000万元', '3000万元', '1500万元', '4500万元（2个方向）', '—']);
    expect(row(partners, '新西兰')).toEqual(['新西兰', '3/5', '800万元', '800万元', '—', '—', '1000万元']);
  });
});

describe('history page (HTML)', () => {
  const html = historyToHtml(h);

  it('is one self-contained page: no script, nothing loaded from elsewhere', () => {
    expect(html.startsWith('<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">')).toBe(true);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(/i);
    // The only absolute URL is the SVG namespace; every link is to an anchor on the page.
    expect(html.match(/https?:\/\/[^"\s<]+/g)).toEqual(['http://www.w3.org/2000/svg', 'http://www.w3.org/2000/svg']);
    expect([...html.matchAll(/href="([^"]*)"/g)].every((m) => m[1]!.startsWith('#'))).toBe(true);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
  });

  it('marks cells by state, with what changed on hover and in a footnote', () => {
    expect(html).toContain('<td class="s-dropped" title="2024年第一批没有这个方向（2024年第一批（征求意见稿）有）">删除</td>');
    expect(html).toContain(
      '<td class="s-modified" title="2024年第一批 1.1 中国和越南政府间联合研究项目\n修改（对比2024年第一批（征求意见稿））\n拟支持经费：600万元 → 700万元"><span class="id">1.1</span><span class="fig">3个</span> · <span class="fig">700万元</span><sup>',
    );
    expect(html).toMatch(/<td class="s-returned" title="[^"]*"><span class="id">1\.7<\/span>/);
    expect(html).toMatch(/<td class="s-new" title="[^"]*"><span class="id">1\.1<\/span><span class="fig">5个<\/span>/);
    expect(html).toContain('<h2 id="footnote-label">变化说明</h2>');
    expect(html).toContain('该项目面向<del>2023</del><ins>2024</ins>年1月1日前');
  });

  it('draws the totals per document as inline SVG: a bar per document, a tick where the stated total is', () => {
    const svgs = [...html.matchAll(/<svg[^>]*>[\s\S]*?<\/svg>/g)].map((m) => m[0]);
    expect(svgs).toHaveLength(2);
    for (const svg of svgs) {
      expect(svg.match(/<rect /g)).toHaveLength(5);
      expect(svg.match(/stroke="#d1242f"/g)).toHaveLength(5);
    }
    expect(svgs[0]).toContain('<title>2024年第一批：各方向合计3.065亿元；文中所述3.655亿元</title>');
    expect(svgs[0]).toContain('<tspan x="197.2" dy="0">2024年第一批</tspan><tspan x="197.2" dy="14">正式稿</tspan>');
    expect(svgs[1]).toContain('<title>2025年第一批（征求意见稿）：各方向合计155个；文中所述约155个</title>');
  });

  it('links every section from the top, the directions’ changes first; the Markdown has no such links', () => {
    const nav = /<p>跳到：([\s\S]*?)<\/p>/.exec(html)![1]!;
    const targets = [...nav.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]!);
    expect(targets).toEqual(['lines', 'versions', 'totals', 'partners', 'documents']);
    for (const id of targets) expect(html).toContain(`<h2 id="${id}">`);
    expect(html.indexOf('跳到：')).toBeLessThan(html.indexOf('<h2 id="documents">'));
    expect(historyToMarkdown(h)).not.toContain('跳到');
  });

  it('slants the documents’ names under the bars where they do not fit level, and never overlaps them', async () => {
    // Ten documents: each label carries its id (two versions share a name), too wide for its band.
    const docs = await series();
    const copies = docs.map((d) => ({ ...d, document: { ...d.document, id: `${d.document.id}-copy`, source: { ...d.document.source, path: `copy/${d.document.source.path}` } } }));
    const page = historyToHtml(history([...docs, ...copies]));
    const svg = /<svg[^>]*>[\s\S]*?<\/svg>/.exec(page)![0];
    const labels = [...svg.matchAll(/<text x="([\d.]+)" y="[\d.]+" font-size="11" text-anchor="end" fill="#1f2328" transform="rotate\(-40 [^"]+\)">([^<]+)<\/text>/g)];
    expect(labels).toHaveLength(10);
    const xs = labels.map((m) => Number(m[1]));
    // Slanted 40°, neighbours are (Δx · sin 40°) apart across their lines: more than a line of 11 px text.
    for (let i = 1; i < xs.length; i++) expect((xs[i]! - xs[i - 1]!) * Math.sin((40 * Math.PI) / 180)).toBeGreaterThan(12);
    // The first label's left end is inside the drawing: the view box starts left of 0 to make room.
    expect(svg).toMatch(/viewBox="-\d+ 0 /);
    // A bar's value only where it fits its band: none here (a band of 44 px, 3.655亿元 is wider).
    expect(svg).not.toContain('>3.655亿元<');
  });

  it('escapes what the documents say', async () => {
    const [a, b] = await series();
    const evil = { ...a!, document: { ...a!.document, title: '<script>alert(1)</script>' }, directions: a!.directions.map((d) => ({ ...d, title: `${d.title}<b onmouseover="x">` })) };
    const page = historyToHtml(history([evil, b!]));
    // Text and attribute values both: no element can come of them.
    expect(page).not.toContain('<script>');
    expect(page).not.toContain('<b onmouseover="x">');
    expect(page).toContain('<b onmouseover=&#x22;x&#x22;>');
    expect(page).toContain('&#x3C;script>alert(1)&#x3C;/script>');
  });
});

describe('history tables (CSV, XLSX)', () => {
  const tables = historyTables(h);

  it('one row per line per document, absent cells included', () => {
    expect(tables.lines.rows).toHaveLength(19 * 5);
    const keys = tables.lines.columns.map((c) => c.key);
    const get = (r: readonly unknown[], key: string) => r[keys.indexOf(key)];
    const finland = tables.lines.rows.filter((r) => get(r, 'lineKey') === '芬兰|中国和芬兰政府间科技合作项目');
    expect(finland.map((r) => [get(r, 'documentId'), get(r, 'state'), get(r, 'directionId'), get(r, 'fundingWan'), get(r, 'previousDocumentId')])).toEqual([
      ['2024-batch1-draft', 'new', '1.7', 6000, null],
      ['2024-batch1-final', 'dropped', null, null, null],
      ['2025-batch1-draft', 'returned', '1.7', 6000, '2024-batch1-draft'],
      ['2025-batch1-final', 'unchanged', '1.6', 6000, '2025-batch1-draft'],
      ['2025-batch2-final', 'absent', null, null, null],
    ]);
    const vietnam = tables.lines.rows.find((r) => get(r, 'lineKey') === '越南|中国和越南政府间联合研究项目' && get(r, 'documentIndex') === 3)!;
    expect([get(vietnam, 'projectCount'), get(vietnam, 'fundingCNY'), get(vietnam, 'changeCount'), get(vietnam, 'changes')]).toEqual([
      4,
      8_000_000,
      2,
      '拟支持项目数：3 → 4\n拟支持经费：700万元 → 800万元',
    ]);
  });

  it('write through the export’s CSV and XLSX writers', async () => {
    const csv = parseCsv(toCsv(tables.lines).replace(/^\uFEFF/, ''));
    expect(csv).toHaveLength(1 + 95);
    // States and document statuses in Chinese under Chinese headers; the machine values with `en`.
    const at = (rows: string[][], key: string) => rows.slice(1).map((r) => r[tables.lines.columns.findIndex((c) => c.key === key)]);
    expect(new Set(at(csv, 'state'))).toEqual(new Set(['新增', '删除', '重新出现', '未变', '修改', '缺席']));
    expect(new Set(at(csv, 'status'))).toEqual(new Set(['征求意见稿', '正式稿']));
    const en = parseCsv(toCsv(tables.lines, { headers: 'en' }).replace(/^\uFEFF/, ''));
    expect(new Set(at(en, 'state'))).toEqual(new Set(['new', 'dropped', 'returned', 'unchanged', 'modified', 'absent']));
    expect(csv[0]!.slice(0, 4)).toEqual(['方向线', '方向名称（最新）', '合作方（最新）', '版本序号']);
    expect(csv[0]!.length).toBe(tables.lines.columns.length);
    const [lines, totals] = await readXlsxFile(Buffer.from(await toXlsx([tables.lines, tables.totals])));
    expect([lines!.sheet, totals!.sheet]).toEqual(['方向线', '合计']);
    expect(lines!.data).toHaveLength(1 + 95);
    const head = totals!.data[0]!;
    expect(totals!.data.slice(1).map((r) => [r[head.indexOf('文档编号')], r[head.indexOf('经费（文中所述，元）')], r[head.indexOf('经费（各方向合计，元）')], r[head.indexOf('经费差额（所述减合计，元）')]])).toEqual([
      ['2024-batch1-draft', 365_500_000, 365_500_000, 0],
      ['2024-batch1-final', 365_500_000, 306_500_000, 59_000_000],
      ['2025-batch1-draft', 402_000_000, 389_500_000, 12_500_000],
      ['2025-batch1-final', 369_500_000, 369_500_000, 0],
      ['2025-batch2-final', 46_000_000, 46_000_000, 0],
    ]);
  });
});
