/**
 * The page of one ingested guideline (`extracted/<id>.html`): the seed's 15 directions with their
 * figures, each value a link to the line it was read from, that line present in the text below,
 * removed noise greyed, the checks beside the direction they concern; no script, A4 print rules.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { toHtmlPage } from '../../src/report/html.js';
import type { Guideline } from '../../src/schema/guideline.js';
import { seed } from '../helpers/seed.js';

/** The text of each `<td>` of the directions table's rows, tags removed. */
function rows(html: string): string[][] {
  const table = /<table class="directions">([\s\S]*?)<\/table>/.exec(html)![1]!;
  const body = /<tbody>([\s\S]*)<\/tbody>/.exec(table)![1]!;
  return [...body.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((r) => [...r[1]!.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((c) => c[1]!.replace(/<[^>]+>/g, '')));
}

describe('the HTML page of an ingested guideline', () => {
  let doc: Guideline;
  let text: string;
  let html: string;
  beforeAll(async () => {
    const s = await seed();
    doc = s.doc;
    text = s.source.text;
    html = toHtmlPage(doc, { text });
  });

  it('lists the 15 directions with their partners, counts, funding and durations', () => {
    const r = rows(html);
    expect(r).toHaveLength(15);
    expect(r.map((x) => x[0]!.replace(/！$/, ''))).toEqual(['1.1', '1.2', '1.3', '1.4', '1.5', '1.6', '1.7', '1.8', '1.9', '2.0', '2.1', '2.2', '2.3', '2.4', '2.5']);
    expect(r[0]!.slice(1, 6)).toEqual(['中国和越南政府间联合研究项目', '越南', '4个', '800万元', '3年']);
    expect(r.map((x) => x[4])).toEqual(['800万元', '250万元', '1500万元', '6000万元', '约3000万元', '6000万元', '6000万元', '3000万元', '1000万元', '1500万元', '400万元', '3000万元', '500万元', '1500万元', '4500万元']);
    // 1.4 states no duration: the document's default, said so.
    expect(r[3]![5]).toBe('一般2–3年（默认）');
  });

  it('links every value to its line, and every linked line is in the text', () => {
    const targets = new Set([...html.matchAll(/href="#(L\d+)"/g)].map((m) => m[1]!));
    const ids = new Set([...html.matchAll(/id="(L\d+)"/g)].map((m) => m[1]!));
    expect(ids.size).toBe(text.split('\n').length - (text.endsWith('\n') ? 1 : 0));
    for (const t of targets) expect(ids.has(t), t).toBe(true);
    // 1.1's funding (800万元) links to the line that states it, and that line says so.
    const d = doc.directions[0]!;
    expect(html).toContain(`href="#L${d.funding!.span.line}"`);
    const line = new RegExp(`id="L${d.funding!.span.line}"[^>]*>(.*?)</div>`).exec(html)![1]!.replace(/<[^>]+>/g, '');
    expect(line).toContain('800万元');
  });

  it('shows removed noise greyed, with what it was', () => {
    const greyed = [...html.matchAll(/<span class="rm" title="已清除：([^"]+)">/g)].map((m) => m[1]);
    expect(greyed.length).toBeGreaterThan(0);
    expect(new Set(greyed)).toContain('页码');
    expect(html).toContain('— 18 —');
  });

  it('puts a direction’s checks beside it, and the document’s own below the table', () => {
    const r = rows(html);
    expect(r[6]![7]).toContain('含待定内容');
    expect(r[0]![7]).toBe('无');
    expect(html).toContain('文件层面的检查');
    expect(html).toMatch(/经费合计与文中所述不符<\/strong>：文中所述国拨经费合计4\.02亿元，各方向合计3\.895亿元/);
  });

  it('is Chinese, self-contained and prints on A4', () => {
    expect(html).toMatch(/^<!doctype html><html lang="zh-CN">/);
    expect(html).not.toMatch(/<script|<link|src="http/);
    expect(html).toContain('@page{size:A4');
    expect(html).toContain('征求意见稿');
    expect(html).not.toMatch(/>(draft|final|warning|info|exact)</);
  });

  it('marks values read by OCR, and in red those a check doubts', () => {
    // The seed as if its page had been scanned: 1.1's funding and project count read by OCR, the
    // funding with a doubtful character (as validate's ocr-low-confidence check says).
    const d = doc.directions[0]!;
    const funding = { ...d.funding!, span: { ...d.funding!.span, ocrConfidence: 71.5, ocrMinConfidence: 62 } };
    const count = { ...d.projectCount!, span: { ...d.projectCount!.span, ocrConfidence: 96, ocrMinConfidence: 93 } };
    const doubt = { code: 'ocr-low-confidence', severity: 'warning' as const, message: 'doubtful', messageZh: '方向1.1：数值“800万元”由OCR从扫描页识别，其中有字符置信度仅为62，请对照原件核实', directionId: '1.1', stated: '800万元', computed: 62, span: funding.span };
    const scanned = { ...doc, directions: [{ ...d, funding, projectCount: count }, ...doc.directions.slice(1)], checks: [...doc.checks, doubt] };
    const page = toHtmlPage(scanned, { text });
    const cell = (html: string, k: number) => /<tr[^>]*>([\s\S]*?)<\/tr>/.exec(/<table class="directions">[\s\S]*?<tbody>([\s\S]*?)<\/tbody>/.exec(html)![1]!)![1]!.split('<td')[k]!;
    expect(cell(page, 5)).toMatch(/<a href="#L\d+" title="[^"]*由OCR从扫描页识别，平均置信度71\.5，最低字符置信度62（数值低于90、文字低于80即存疑），请对照原件核实[^"]*" class="ocr doubt flagged">800万元<span class="mark">？<\/span><span class="mark">！<\/span><\/a>/);
    expect(cell(page, 4)).toMatch(/class="ocr">4个<\/a>/);
    expect(cell(html, 5)).not.toContain('class="ocr');
  });

  it('without the loaded text, shows the values unlinked and no text', () => {
    const bare = toHtmlPage(doc);
    expect(bare).not.toContain('href="#L');
    expect(bare).not.toContain('<h2>原文</h2>');
    expect(html).toContain('<h2>原文</h2>');
    expect(rows(bare)).toHaveLength(15);
  });
});
