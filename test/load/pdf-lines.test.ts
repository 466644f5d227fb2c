import { describe, expect, it } from 'vitest';
import { buildLines, type PageItems, type TextItem } from '../../src/load/pdf-lines.js';

const A4: PageItems['box'] = [0, 0, 595, 842];
/** A run of `str` at (x, y), 12 pt, each character 12 wide (CJK) or 6 (ASCII). */
const run = (str: string, x: number, y: number, size = 12): TextItem => ({
  str,
  x,
  y,
  size,
  width: [...str].reduce((w, c) => w + (c.charCodeAt(0) > 0x2e80 ? size : size / 2), 0),
  hasEOL: false,
});
const page = (...items: TextItem[]): PageItems => ({ box: A4, items });
const texts = (pages: PageItems[]): string[] => buildLines(pages).lines.map((l) => l.text);

describe('buildLines', () => {
  it('groups runs by baseline and orders them by x, with no space between CJK runs', () => {
    expect(texts([page(run('合作协议', 72, 700), run('《甲》。', 120.5, 700.4), run('领域方向：', 72, 680))])).toEqual(['合作协议《甲》。', '领域方向：']);
  });

  it('puts a space where Latin runs have a gap, never between CJK glyphs with one', () => {
    expect(texts([page(run('Associated', 72, 700), run('Partner', 136, 700), run('中', 72, 680), run('国', 100, 680))])).toEqual(['Associated Partner', '中国']);
  });

  it('drops a run drawn twice a fraction of a glyph apart (simulated bold), and logs it', () => {
    const built = buildLines([page(run('1.1 中国和越南', 72, 700), run('1.1 中国和越南', 72.3, 700), run('正文', 72, 680))]);
    expect(built.lines.map((l) => l.text)).toEqual(['1.1 中国和越南', '正文']);
    expect(built.removed).toEqual([{ kind: 'doubled-glyph', text: '1.1 中国和越南', line: null, start: null, end: null, page: 1 }]);
  });

  it('takes the lines at a page’s foot in a smaller type, opening with a note’s number, for footnotes (logged), never a last line of body type', () => {
    const body = ['其他要求：', '（1）合作项目须双方同时申报。', '（2）项目须依托联合实验室申报。', '（3）港澳合作单位应派员赴内地。', '（4）项目实施周期2～3年。', '拟支持项目数：3个。'].map((t, i) => run(t, 72, 700 - i * 20));
    const notes = [run('1内地与澳门科技合作委员会第十四次会议纪要所列领域，', 72, 120, 9), run('以双方最终签署文本为准。', 72, 108, 9)];
    const built = buildLines([page(...body, ...notes, run('— 3 —', 280, 60))]);
    expect(built.lines.map((l) => l.text)).toEqual(['其他要求：', '（1）合作项目须双方同时申报。', '（2）项目须依托联合实验室申报。', '（3）港澳合作单位应派员赴内地。', '（4）项目实施周期2～3年。', '拟支持项目数：3个。']);
    expect(built.removed.filter((r) => r.kind === 'footnote').map((r) => r.text)).toEqual(['1内地与澳门科技合作委员会第十四次会议纪要所列领域，', '以双方最终签署文本为准。']);
    // The same lines in the body's type are text.
    const plain = buildLines([page(...body, run('1内地与澳门科技合作委员会第十四次会议纪要所列领域，', 72, 120), run('— 3 —', 280, 60))]);
    expect(plain.lines.map((l) => l.text)).toContain('1内地与澳门科技合作委员会第十四次会议纪要所列领域，');
  });

  it('drops text outside the page box', () => {
    const built = buildLines([page(run('正文', 72, 700), run('水印', 700, 400), run('底', 72, -50))]);
    expect(built.lines.map((l) => l.text)).toEqual(['正文']);
    expect(built.removed.map((r) => [r.kind, r.text])).toEqual([
      ['outside-page', '水印'],
      ['outside-page', '底'],
    ]);
  });

  it.each(['— 3 —', '- 3 -', '—3—', '第3页', '第 3 页 共 9 页', '3/9', '3'])('removes the page number %s in the footer zone', (footer) => {
    const built = buildLines([page(run('正文', 72, 700), run(footer, 280, 40))]);
    expect(built.lines.map((l) => l.text)).toEqual(['正文']);
    expect(built.removed.map((r) => [r.kind, r.page])).toEqual([['page-number', 1]]);
  });

  it('keeps a number in the body of the page', () => {
    expect(texts([page(run('正文', 72, 700), run('3', 72, 400))])).toEqual(['正文', '3']);
  });

  it('removes running headers and footers seen on most pages at the same height', () => {
    const pages = [1, 2, 3, 4].map((n) => page(run('重点专项申报指南', 200, 800), run(`第${n}章正文`, 72, 700), run('内部资料', 250, 30)));
    const built = buildLines(pages);
    expect(built.lines.map((l) => [l.text, l.page, l.pageLine])).toEqual([
      ['第1章正文', 1, 1],
      ['第2章正文', 2, 1],
      ['第3章正文', 3, 1],
      ['第4章正文', 4, 1],
    ]);
    expect(built.removed.map((r) => [r.kind, r.text, r.page])).toEqual([
      ['running-header', '重点专项申报指南', 1],
      ['running-footer', '内部资料', 1],
      ['running-header', '重点专项申报指南', 2],
      ['running-footer', '内部资料', 2],
      ['running-header', '重点专项申报指南', 3],
      ['running-footer', '内部资料', 3],
      ['running-header', '重点专项申报指南', 4],
      ['running-footer', '内部资料', 4],
    ]);
  });

  it('keeps body text that ends pages at other heights, however often it recurs', () => {
    const pages = [1, 2, 3, 4].map((n) => page(run(`第${n}页正文`, 72, 700), run('共拟支持经费：800万元人民币。', 72, 40 + n * 3)));
    expect(buildLines(pages).lines).toHaveLength(8);
  });

  it('keeps a line at the top of only some pages', () => {
    const pages = [1, 2, 3, 4].map((n) => page(run(n === 1 ? '标题' : `正文${n}`, 200, 800), run('内容', 72, 700)));
    expect(buildLines(pages).lines.map((l) => l.text.trim())).toContain('标题');
  });

  it('marks a line that starts right of the margin (a paragraph indent) with two ideographic spaces', () => {
    const lines = buildLines([page(run('第一段开头', 96, 700), run('续行', 72, 680), run('第二段', 96, 660), run('续行', 72, 640), run('续行', 72, 620))]).lines;
    expect(lines.map((l) => l.text)).toEqual(['\u3000\u3000第一段开头', '续行', '\u3000\u3000第二段', '续行', '续行']);
  });

  it('counts the glyphs of the text layer (0: scanned)', () => {
    expect(buildLines([page()]).glyphs).toBe(0);
    expect(buildLines([page(run('中 国', 72, 700))]).glyphs).toBe(2);
  });
});
