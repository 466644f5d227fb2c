/**
 * PDF pages laid out in two columns and tables drawn on PDF pages, read from glyph positions
 * (`src/load/pdf-layout.ts`): on synthetic runs through `buildLines`, and on small PDFs made here
 * (Type 3 fonts, `test/helpers/pdf-writer.ts`) through the whole pipeline.
 */
import { describe, expect, it } from 'vitest';
import { loadBytes, processSource } from '../../src/index.js';
import { buildLines, type PageItems, type TextItem } from '../../src/load/pdf-lines.js';
import type { Rule } from '../../src/load/pdf-layout.js';
import { mayHoldTable } from '../../src/load/pdf-layout.js';
import { pageRules } from '../../src/load/pdf-rules.js';
import { widthOf, writePdf, type PdfPage, type PdfRun } from '../helpers/pdf-writer.js';

const A4: PageItems['box'] = [0, 0, 595, 842];
const run = (str: string, x: number, y: number, size = 10): TextItem => ({ str, x, y, size, width: widthOf(str, size), hasEOL: false });
const texts = (pages: PageItems[]): string[] => buildLines(pages).lines.map((l) => l.text);

/** Lines of `chars` characters each from `text`; the first `indent` characters shorter. */
function wrap(text: string, chars: number, indent = 0): string[] {
  const out: string[] = [];
  let line = '';
  let room = chars - indent;
  for (const ch of text) {
    if ([...line].length >= room) {
      out.push(line);
      line = '';
      room = chars;
    }
    line += ch;
  }
  if (line) out.push(line);
  return out;
}

describe('two-column pages', () => {
  // Left column x 60–260, right column x 320–520; 20 characters of 10 pt to a line.
  /** `str` filled out with 文 to the width of the column (20 ems; 18 after an indent): justified prose. */
  const fill = (str: string, indent: boolean): string => str + '文'.repeat(Math.max(0, Math.round((200 - (indent ? 20 : 0) - widthOf(str, 10)) / 10)));
  const left = (k: number, str: string, indent = false): TextItem => run(fill(str, indent), indent ? 80 : 60, 700 - k * 16);
  const right = (k: number, str: string, indent = false): TextItem => run(fill(str, indent), indent ? 340 : 320, 700 - k * 16);
  const title = run('国家重点研发计划某重点专项申报指南标题跨两栏居中', 180, 760, 16);

  it('reads the left column, then the right one, the title spanning both in place', () => {
    const items = [title];
    for (let k = 0; k < 8; k++) {
      items.push(left(k, `左栏第${k + 1}行文字内容左栏第${k + 1}行文字`, k === 0));
      items.push(right(k, `右栏第${k + 1}行文字内容右栏第${k + 1}行文字`, k === 3));
    }
    items.push(run('— 1 —', 280, 40));
    const built = buildLines([{ box: A4, items }]);
    expect(built.lines.map((l) => [l.text, l.pageLine])).toEqual([
      ['\u3000\u3000国家重点研发计划某重点专项申报指南标题跨两栏居中', 1],
      ['\u3000\u3000左栏第1行文字内容左栏第1行文字文文文', 2],
      ...[2, 3, 4, 5, 6, 7, 8].map((n, k) => [`左栏第${n}行文字内容左栏第${n}行文字文文文文文`, k + 3]),
      // The right column's indent is measured from its own margin.
      ...[1, 2, 3].map((n, k) => [`右栏第${n}行文字内容右栏第${n}行文字文文文文文`, k + 10]),
      ['\u3000\u3000右栏第4行文字内容右栏第4行文字文文文', 13],
      ...[5, 6, 7, 8].map((n, k) => [`右栏第${n}行文字内容右栏第${n}行文字文文文文文`, k + 14]),
    ]);
    expect(built.removed.map((r) => [r.kind, r.text])).toEqual([['page-number', '— 1 —']]);
  });

  it('reads each band between lines that span the page on its own', () => {
    const items: TextItem[] = [];
    for (let k = 0; k < 6; k++) items.push(left(k, `甲段左栏第${k + 1}行的文字内容填满`), right(k, `甲段右栏第${k + 1}行的文字内容填满`));
    items.push(run('这一行横跨两栏，把页面分成上下两段，每一段各自先读左栏后读右栏', 60, 700 - 6 * 16));
    for (let k = 7; k < 13; k++) items.push(left(k, `乙段左栏第${k - 6}行的文字内容填满`), right(k, `乙段右栏第${k - 6}行的文字内容填满`));
    const lines = texts([{ box: A4, items }]);
    expect(lines.map((l) => l.slice(0, 4))).toEqual([
      ...Array<string>(6).fill('甲段左栏'),
      ...Array<string>(6).fill('甲段右栏'),
      '这一行横',
      ...Array<string>(6).fill('乙段左栏'),
      ...Array<string>(6).fill('乙段右栏'),
    ]);
  });

  it('reads a page whose right column is short at the gutter of the other pages', () => {
    const full = (p: number): PageItems => ({
      box: A4,
      items: Array.from({ length: 8 }, (_, k) => [left(k, `第${p}页左栏第${k + 1}行文字内容`), right(k, `第${p}页右栏第${k + 1}行文字内容`)]).flat(),
    });
    const short: PageItems = {
      box: A4,
      items: [...Array.from({ length: 8 }, (_, k) => left(k, `第3页左栏第${k + 1}行文字内容`)), right(0, '第3页右栏唯一一行')],
    };
    const lines = texts([full(1), full(2), short]);
    expect(lines.slice(32)).toEqual([...Array.from({ length: 8 }, (_, k) => fill(`第3页左栏第${k + 1}行文字内容`, false)), fill('第3页右栏唯一一行', false)]);
  });

  it('leaves a page of labels and values (a narrow first column) line by line, the wide gap between them as a label column\'s two spaces', () => {
    const items: TextItem[] = [];
    for (let k = 0; k < 8; k++) items.push(run('合作协议：', 60, 700 - k * 16), run(`第${k + 1}项的内容写在标签右边很长很长的一行文字里面`, 200, 700 - k * 16));
    expect(texts([{ box: A4, items }])[0]).toBe('合作协议：　　第1项的内容写在标签右边很长很长的一行文字里面');
    // (A gap of less than a glyph and a half is no column's: nothing put in it.)
    const near: TextItem[] = [run('合作协议：', 60, 700), run('第1项的内容', 60 + widthOf('合作协议：', 10) + 10, 700)];
    expect(texts([{ box: A4, items: near }])[0]).toBe('合作协议：第1项的内容');
    // Labels as long as a quarter of the line, all of one length: the column is still too narrow beside its values.
    const long: TextItem[] = [];
    for (let k = 0; k < 8; k++) long.push(run('国拨经费总概算（万元）：', 60, 700 - k * 16), run(`第${k + 1}项的内容写在标签右边很长很长的一行文字里面写满`, 190, 700 - k * 16));
    expect(texts([{ box: A4, items: long }])[0]).toBe('国拨经费总概算（万元）：第1项的内容写在标签右边很长很长的一行文字里面写满');
  });

  it('leaves a page of prose as it was', () => {
    const items = Array.from({ length: 10 }, (_, k) => run('这是一段普通的正文，一行写满整个版心，没有分栏，也没有表格。', 60, 700 - k * 16));
    expect(texts([{ box: A4, items }])).toEqual(Array<string>(10).fill('这是一段普通的正文，一行写满整个版心，没有分栏，也没有表格。'));
  });
});

describe('tables on a PDF page', () => {
  // Columns: 序号 60–90, 国家 100–160, 领域 170–270, 项目数 280–320, 备注 330–480.
  const X = [60, 100, 170, 280, 330];

  it('reads a table without rules as rows × cells: wrapped cells, a centred row number, rows parted by their padding', () => {
    const items: TextItem[] = [run('表1 指南方向一览表', 200, 720)];
    // The header: 拟支持/项目数 wraps over two lines; the other cells centred between them.
    items.push(run('序号', X[0]!, 693), run('合作国家', X[1]!, 693), run('合作领域', X[2]!, 693), run('拟支持', X[3]!, 700), run('项目数', X[3]!, 686), run('备注', X[4]!, 693));
    // Row 1: three lines at a pitch of 14, the number and the short cells on the middle one.
    items.push(run('智能制造与工业互', X[2]!, 660), run('（1）须双方同时申报，单方', X[4]!, 660));
    items.push(run('1', X[0]!, 646), run('德国', X[1]!, 646), run('联网；数字化与人', X[2]!, 646), run('6', X[3]!, 646), run('申报无效。（2）鼓励企业参', X[4]!, 646));
    items.push(run('工智能', X[2]!, 632), run('与。', X[4]!, 632));
    // Row 2, after a gap of a pitch and the cells' padding.
    items.push(run('2', X[0]!, 610), run('法国', X[1]!, 610), run('农业与食品', X[2]!, 610), run('约5', X[3]!, 610), run('须与法方共同申报。', X[4]!, 610));
    items.push(run('三、申报要求', 80, 570), run('申报单位应为中国大陆境内注册的科研院所、高等学校和企业等。', 60, 550));
    expect(texts([{ box: A4, items }])).toEqual([
      '\u3000\u3000表1 指南方向一览表',
      '| 序号 | 合作国家 | 合作领域 | 拟支持项目数 | 备注 |',
      '| 1 | 德国 | 智能制造与工业互联网；数字化与人工智能 | 6 | （1）须双方同时申报，单方申报无效。（2）鼓励企业参与。 |',
      '| 2 | 法国 | 农业与食品 | 约5 | 须与法方共同申报。 |',
      '\u3000\u3000三、申报要求',
      '申报单位应为中国大陆境内注册的科研院所、高等学校和企业等。',
    ]);
  });

  it('reads a ruled table by its rules: rows without padding, a cell merged over two rows repeated in each', () => {
    // Rows 14 apart, no padding; cells set at the top; 国家 merged over rows 2 and 3 (no rule
    // between them in that column).
    const ys = [705, 691, 663, 649, 635]; // rule heights: header 705–691, row 1 691–663, row 2 663–649, row 3 649–635
    const colEdges = [55, 95, 165, 275, 325, 485];
    const rules: Rule[] = [];
    for (const x of colEdges) rules.push({ x0: x - 0.3, y0: 635, x1: x + 0.3, y1: 705 });
    ys.forEach((y, k) => {
      if (k === 3) {
        // Between rows 2 and 3: every column but 国家.
        rules.push({ x0: 55, y0: y - 0.3, x1: 95, y1: y + 0.3 }, { x0: 165, y0: y - 0.3, x1: 485, y1: y + 0.3 });
      } else rules.push({ x0: 55, y0: y - 0.3, x1: 485, y1: y + 0.3 });
    });
    const items = [
      run('序号', X[0]!, 695), run('合作国家', X[1]!, 695), run('合作领域', X[2]!, 695), run('项目数', X[3]!, 695), run('备注', X[4]!, 695),
      run('1', X[0]!, 681), run('德国', X[1]!, 681), run('智能制造与工业互', X[2]!, 681), run('6', X[3]!, 681), run('须双方同时申报。', X[4]!, 681),
      run('联网', X[2]!, 667),
      run('2', X[0]!, 653), run('俄罗斯、白俄罗斯', X[1]!, 646), run('航空航天', X[2]!, 653), run('8', X[3]!, 653), run('仅限两国。', X[4]!, 653),
      run('3', X[0]!, 639), run('现代农业', X[2]!, 639), run('4', X[3]!, 639), run('—', X[4]!, 639),
    ];
    expect(texts([{ box: A4, items, rules }])).toEqual([
      '| 序号 | 合作国家 | 合作领域 | 项目数 | 备注 |',
      '| 1 | 德国 | 智能制造与工业互联网 | 6 | 须双方同时申报。 |',
      '| 2 | 俄罗斯、白俄罗斯 | 航空航天 | 8 | 仅限两国。 |',
      '| 3 | 俄罗斯、白俄罗斯 | 现代农业 | 4 | — |',
    ]);
  });

  it('reads a heading set close over a ruled table before it, its feet (as a scan reads them) at the top rule', () => {
    const rules: Rule[] = [];
    for (const x of [55, 165, 485]) rules.push({ x0: x - 0.3, y0: 650, x1: x + 0.3, y1: 700 });
    for (const y of [700, 675, 650]) rules.push({ x0: 55, y0: y - 0.3, x1: 485, y1: y + 0.3 });
    const items = [
      run('1.1中国和智利政府间联合研究项目', 55, 699.6, 18),
      run('合作国家', 60, 684), run('领域方向', 170, 684),
      run('智利', 60, 659), run('天文与空间科学', 170, 659),
      run('其他要求：合作项目必须双方同时申报。', 55, 630),
    ];
    expect(texts([{ box: A4, items, rules }])).toEqual(['1.1中国和智利政府间联合研究项目', '| 合作国家 | 领域方向 |', '| 智利 | 天文与空间科学 |', '其他要求：合作项目必须双方同时申报。']);
  });

  it('reads a row a page break cuts: the column rules run on past the last horizontal one, and the rest of the row on the next page (its header gone as a running one) goes on in the row', async () => {
    const colEdges = [55, 95, 165, 275, 325, 485];
    // Page 1: header 705–691, row 1 691–663, row 2 from 663 to the page's foot (no rule under it).
    const rules1: Rule[] = [];
    for (const x of colEdges) rules1.push({ x0: x - 0.3, y0: 100, x1: x + 0.3, y1: 705 });
    for (const y of [705, 691, 663]) rules1.push({ x0: 55, y0: y - 0.3, x1: 485, y1: y + 0.3 });
    const page1 = [
      run('序号', X[0]!, 695), run('合作国家', X[1]!, 695), run('合作领域', X[2]!, 695), run('项目数', X[3]!, 695), run('备注', X[4]!, 695),
      run('1', X[0]!, 681), run('德国', X[1]!, 681), run('智能制造', X[2]!, 681), run('6', X[3]!, 681), run('须双方同时申报。', X[4]!, 681),
      run('2', X[0]!, 653), run('法国', X[1]!, 653), run('航空航天', X[2]!, 653), run('8', X[3]!, 653), run('（1）须签署协议；', X[4]!, 653),
    ];
    // Page 2: the rest of row 2's remark under the repeated header, its rules down to 600.
    const rules2: Rule[] = [];
    for (const x of colEdges) rules2.push({ x0: x - 0.3, y0: 600, x1: x + 0.3, y1: 705 });
    for (const y of [705, 691]) rules2.push({ x0: 55, y0: y - 0.3, x1: 485, y1: y + 0.3 });
    const page2 = [run('（2）项目实施周期3年。', X[4]!, 681)];
    const lines = texts([
      { box: A4, items: page1, rules: rules1 },
      { box: A4, items: page2, rules: rules2 },
    ]);
    expect(lines).toEqual([
      '| 序号 | 合作国家 | 合作领域 | 项目数 | 备注 |',
      '| 1 | 德国 | 智能制造 | 6 | 须双方同时申报。 |',
      '| 2 | 法国 | 航空航天 | 8 | （1）须签署协议； |',
      '|  |  |  |  | （2）项目实施周期3年。 |',
    ]);
    // … and `clean` reads the last row on in the one above it: two directions.
    const doc = processSource(await loadBytes(Buffer.from(['国家重点研发计划“政府间国际科技创新合作”重点专项2026年度项目申报指南', '', '本批次设立2个指南方向。', '', ...lines].join('\n')), 'x.txt'));
    expect(doc.directions.map((d) => [d.id, d.requirements.map((r) => r.text)])).toEqual([
      ['1', ['须双方同时申报。']],
      ['2', ['须签署协议；', '项目实施周期3年。']],
    ]);
  });

  it('without rules or padding, starts a row at each number of the first column', () => {
    const items = [
      run('序号', X[0]!, 700), run('合作国家', X[1]!, 700), run('合作领域', X[2]!, 700), run('项目数', X[3]!, 700), run('备注', X[4]!, 700),
      run('1', X[0]!, 686), run('德国', X[1]!, 686), run('智能制造与工业互', X[2]!, 686), run('6', X[3]!, 686), run('须双方同时申报。', X[4]!, 686),
      run('联网', X[2]!, 672),
      run('2', X[0]!, 658), run('法国', X[1]!, 658), run('航空航天', X[2]!, 658), run('8', X[3]!, 658), run('无。', X[4]!, 658),
    ];
    expect(texts([{ box: A4, items }]).slice(1)).toEqual(['| 1 | 德国 | 智能制造与工业互联网 | 6 | 须双方同时申报。 |', '| 2 | 法国 | 航空航天 | 8 | 无。 |']);
  });

  it('without rules or padding between rows, a row each line where every line fills every column (a booktabs table: rules above and below its body only)', () => {
    // Columns wide enough for `重点支持项目`: 60, 140, 200, 320, 370.
    const B = [60, 140, 200, 320, 370];
    const items = [
      run('项目类型', B[0]!, 700), run('项目数', B[1]!, 700), run('资助强度', B[2]!, 700), run('期限', B[3]!, 700), run('研究期限', B[4]!, 700),
      run('培育项目', B[0]!, 684), run('约16项', B[1]!, 684), run('不超过80万元/项', B[2]!, 684), run('3年', B[3]!, 684), run('2028.1.1–2030.12.31', B[4]!, 684),
      run('重点支持项目', B[0]!, 670), run('约5项', B[1]!, 670), run('平均约300万元/项', B[2]!, 670), run('4年', B[3]!, 670), run('2028.1.1–2031.12.31', B[4]!, 670),
      run('集成项目', B[0]!, 656), run('1项', B[1]!, 656), run('不超过1500万元/项', B[2]!, 656), run('3年', B[3]!, 656), run('2028.1.1–2030.12.31', B[4]!, 656),
    ];
    expect(texts([{ box: A4, items }]).slice(1)).toEqual([
      '| 培育项目 | 约16项 | 不超过80万元/项 | 3年 | 2028.1.1–2030.12.31 |',
      '| 重点支持项目 | 约5项 | 平均约300万元/项 | 4年 | 2028.1.1–2031.12.31 |',
      '| 集成项目 | 1项 | 不超过1500万元/项 | 3年 | 2028.1.1–2030.12.31 |',
    ]);
  });

  it('asks for the rules of a page only where its text may hold a table', () => {
    expect(mayHoldTable([run('正文一行', 60, 700), run('正文二行', 60, 684)])).toBe(false);
    expect(mayHoldTable([run('1', 60, 700), run('德国', 100, 700), run('6', 280, 700), run('2', 60, 684), run('法国', 100, 684), run('5', 280, 684)])).toBe(true);
  });
});

describe('pageRules', () => {
  const OPS = { save: 10, restore: 11, transform: 12, constructPath: 91, fill: 22, stroke: 20, endPath: 28, paintFormXObjectBegin: 74, paintFormXObjectEnd: 75 };
  const rect = (x: number, y: number, w: number, h: number): number[] => [0, x, y, 1, x + w, y, 1, x + w, y + h, 1, x, y + h, 4];

  it('reads thin filled rectangles and stroked segments through the transformation in force, not clip paths or shaded cells', () => {
    const fn = [OPS.transform, OPS.save, OPS.transform, OPS.constructPath, OPS.constructPath, OPS.restore, OPS.constructPath, OPS.constructPath];
    const args = [
      [0.75, 0, 0, -0.75, 0, 842],
      null,
      [1, 0, 0, 1, 100, 100],
      [OPS.fill, [new Float32Array([...rect(0, 0, 200, 1), ...rect(0, 0, 1, 40), ...rect(10, 10, 50, 20)])], null],
      [OPS.endPath, [new Float32Array(rect(0, 0, 300, 1))], null],
      null,
      [OPS.stroke, [new Float32Array([0, 0, 0, 1, 0, 100])], null],
      [OPS.stroke, [new Float32Array([0, 10, 10, 1, 12, 11])], null],
    ];
    const rules = pageRules(fn, args, OPS).map((r) => [r.x0, r.y0, r.x1, r.y1].map((v) => Math.round(v * 100) / 100));
    // (0, 0) of the path is (100, 100) of the flipped page scaled by 0.75: (75, 767).
    expect(rules).toEqual([
      [75, 766.25, 225, 767],
      [75, 737, 75.75, 767],
      [0, 767, 0, 842],
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
// Whole PDFs

/** A paragraph set in a column: its runs and the baseline after it. */
function typeset(text: string, x: number, y: number, chars: number, indent: boolean, size = 10, pitch = 16): { runs: PdfRun[]; lines: number } {
  const lines = wrap(text, chars, indent ? 2 : 0);
  return { runs: lines.map((l, k) => ({ text: l, x: x + (k === 0 && indent ? 2 * size : 0), y: y - k * pitch, size })), lines: lines.length };
}

describe('a two-column guideline PDF', () => {
  const paragraphs: [string, boolean][] = [
    ['一、领域和方向', true],
    ['本批项目拟支持项目数约14个，国拨经费总概算2800万元。项目实施周期一般为3年。', true],
    ['1.1 中国和新西兰政府间联合研究项目', false],
    ['合作协议：《中新科技合作联委会第七次会议纪要》。', true],
    ['领域方向：食品科学与农业；健康与生物医学；数据科学。', true],
    ['拟支持项目数：6个。', true],
    ['共拟支持经费：1200万元人民币。', true],
    ['其他要求：合作项目必须双方同时申报，单方申报无效。项目实施周期3年。', true],
    ['1.2 中国和泰国政府间联合研究项目', false],
    ['合作协议：《中泰科技合作联委会第二十四次会议议定书》。', true],
    ['领域方向：农业与食品；生物技术；数字经济；新能源与储能。', true],
    ['拟支持项目数：8个。', true],
    ['共拟支持经费：1600万元人民币。', true],
    ['其他要求：合作项目必须双方同时申报，单方申报无效。项目实施周期2年。', true],
    ['二、申报要求', true],
    ['申报单位应为在中国大陆境内登记注册的科研院所、高等学校和企业等。', true],
  ];
  /** The paragraphs flowed down the left column of 10 lines, then the right one, page after page: 1.1 runs from the left column into the right one, 1.2 onto the next page. */
  function pdf(): Uint8Array {
    const pages: PdfPage[] = [];
    let runs: PdfRun[] = [{ text: '国家重点研发计划某重点专项2026年度项目申报指南', x: 130, y: 770, size: 14 }];
    let column = 0;
    let k = 0;
    const finish = (): void => {
      pages.push({ runs: [...runs, { text: `— ${pages.length + 1} —`, x: 282, y: 40, size: 10 }] });
      runs = [];
    };
    for (const [text, indent] of paragraphs) {
      for (const line of typeset(text, 0, 0, 20, indent).runs) {
        if (k === 10) {
          k = 0;
          if (++column === 2) {
            finish();
            column = 0;
          }
        }
        runs.push({ ...line, x: line.x + (column === 0 ? 60 : 320), y: 720 - k * 16 });
        k++;
      }
    }
    finish();
    return writePdf(pages);
  }

  it('reads each direction whole, across the columns and the page', async () => {
    const source = await loadBytes(pdf(), 'two-column.pdf');
    const doc = processSource(source);
    expect(doc.directions.map((d) => [d.id, d.title, d.projectCount?.value, d.funding?.amountCNY, d.duration?.maxYears, d.domains.map((x) => x.label)])).toEqual([
      ['1.1', '中国和新西兰政府间联合研究项目', 6, 12_000_000, 3, ['食品科学与农业', '健康与生物医学', '数据科学']],
      ['1.2', '中国和泰国政府间联合研究项目', 8, 16_000_000, 2, ['农业与食品', '生物技术', '数字经济', '新能源与储能']],
    ]);
    // Every line keeps its page and its line on the page, in reading order.
    const at = (needle: string): [number | undefined, number | undefined] => {
      const i = source.text.split('\n').findIndex((l) => l.includes(needle));
      return [source.pageOfLine?.[i], source.pageLineOfLine?.[i]];
    };
    expect(at('1.1 中国和新西兰')).toEqual([1, 6]);
    expect(at('1.2 中国和泰国')).toEqual([1, 15]);
    expect(at('二、申报要求')).toEqual([2, 3]);
    expect(doc.removed.filter((r) => r.kind === 'page-number').map((r) => [r.text, r.page])).toEqual([
      ['— 1 —', 1],
      ['— 2 —', 2],
    ]);
  });
});

describe('a guideline reprinted in three narrow columns (a bulletin’s page)', () => {
  const text = [
    '国家重点研发计划“海洋生态保护”重点专项2026年度项目申报指南',
    '　　本专项2026年度拟启动3个指南方向，拟支持项目数不超过6项，项目实施周期不超过4年。',
    '1.1 近海生态系统健康评估技术（基础研究类）',
    '　　研究内容：研究近海生态系统健康的多尺度评估指标与方法，建立生态系统健康诊断模型。',
    '　　考核指标：（1）建立评估指标体系1套；（2）在3个以上典型海湾开展验证。',
    '　　关键词：生态系统健康，评估指标，海湾',
    '　　有关说明：拟支持1项。',
    '1.2 海洋牧场生态修复关键技术（共性关键技术类）',
    '　　研究内容：研发海洋牧场生境营造与生物资源养护技术，构建海洋牧场生态效益评估方法。',
    '　　考核指标：（1）研发生境营造技术3项以上；（2）建成示范区2个。',
    '　　关键词：海洋牧场，生境营造',
    '　　有关说明：拟支持不超过2项，实施周期3年。',
    '1.3 滨海湿地碳汇监测与提升示范（示范应用类）',
    '　　研究内容：集成滨海湿地碳汇监测与增汇技术，在典型区域开展示范。',
    '　　考核指标：（1）建立碳汇监测网络1套；（2）示范区碳汇能力提升10%以上。',
    '　　关键词：滨海湿地，碳汇',
    '　　有关说明：要求由企业牵头申报。',
  ];
  /** The paragraphs as runs: one column of `chars` characters at `xs[0]`, or flowed down columns of `rows` lines at each of `xs`, pages after pages; a bulletin's head line in two pieces above the columns of each page after the first. */
  function pdf(xs: readonly number[], chars: number, rows: number): Uint8Array {
    const pages: PdfPage[] = [];
    let runs: PdfRun[] = [];
    let column = 0;
    let k = 0;
    for (const paragraph of text) {
      const indent = paragraph.startsWith('　　');
      for (const line of typeset(paragraph.replace(/^　　/, ''), 0, 0, chars, indent).runs) {
        if (k === rows) {
          k = 0;
          if (++column === xs.length) {
            pages.push({ runs });
            runs = [{ text: '海洋科技简报第4期', x: xs[0]!, y: 770, size: 10 }, { text: '某大学科学技术研究院', x: xs[xs.length - 1]!, y: 770, size: 10 }];
            column = 0;
          }
        }
        runs.push({ ...line, x: line.x + xs[column]!, y: 720 - k * 16 });
        k++;
      }
    }
    pages.push({ runs });
    return writePdf(pages);
  }
  const values = async (bytes: Uint8Array) => {
    const doc = processSource(await loadBytes(bytes, 'bulletin.pdf'));
    return doc.directions.map((d) => [d.id, d.title, d.category, d.researchContent.map((x) => x.text), d.indicators.map((x) => x.text), d.keywords.map((x) => x.text), d.projectCount?.value, d.duration?.maxYears]);
  };

  it('reads the columns in turn, as the same text in one column reads, and logs the head line of a page', async () => {
    const one = await values(pdf([60], 30, 40));
    expect(one.map((d) => d[0])).toEqual(['1.1', '1.2', '1.3']);
    // Three columns of 13 characters, 12 lines each: paragraphs and directions run from column to column and page to page.
    const three = pdf([60, 230, 400], 13, 12);
    expect(await values(three)).toEqual(one);
    const source = await loadBytes(three, 'bulletin.pdf');
    expect(source.removed.filter((r) => r.kind === 'running-header').map((r) => [r.text, r.page])).toEqual([['海洋科技简报第4期　　某大学科学技术研究院', 2]]);
  });
});

describe('a guideline PDF whose directions are rows of a ruled table across a page break', () => {
  // Columns: 序号, 合作国家, 合作领域, 拟支持项目数, 国拨经费（万元）, 实施周期; rows 14 high, no padding.
  const edges = [60, 90, 150, 290, 360, 440, 520];
  const header = ['序号', '合作国家', '合作领域', '拟支持项目数', '国拨经费（万元）', '实施周期'];
  const rows = [
    ['1', '德国', '智能制造与工业互联网；电动交通与动力电池', '6', '1800', '3年'],
    ['2', '法国', '碳中和与能源转型；农业与食品', '5', '1500', '不超过3年'],
    ['3', '英国', '气候变化与净零排放；人工智能', '约6', '1800', '3年'],
    ['4', '巴西', '生物能源；热带农业技术', '4', '1200', '2～3年'],
  ];
  /** A table of `cells` rows from the baseline `top` down: its runs and rules, cells wrapped to their column. */
  function table(cells: string[][], top: number): { runs: PdfRun[]; fills: [number, number, number, number][]; bottom: number } {
    const runs: PdfRun[] = [];
    const fills: [number, number, number, number][] = [];
    let y = top;
    for (const row of cells) {
      const wrapped = row.map((c, k) => wrap(c, Math.floor((edges[k + 1]! - edges[k]! - 6) / 10)));
      const height = Math.max(...wrapped.map((w) => w.length)) * 14;
      wrapped.forEach((w, k) => w.forEach((line, n) => runs.push({ text: line, x: edges[k]! + 3, y: y - 10 - n * 14, size: 10 })));
      fills.push([edges[0]!, y, edges[edges.length - 1]! - edges[0]!, 0.6]);
      for (const x of edges) fills.push([x, y - height, 0.6, height]);
      y -= height;
    }
    fills.push([edges[0]!, y, edges[edges.length - 1]! - edges[0]!, 0.6]);
    return { runs, fills, bottom: y };
  }

  function pdf(): Uint8Array {
    const intro: PdfRun[] = [
      { text: '国家重点研发计划某重点专项2025年度项目申报指南', x: 130, y: 770, size: 14 },
      { text: '本专项拟支持项目数21个，国拨经费总概算6300万元。各方向见下表。', x: 80, y: 730, size: 10 },
    ];
    const first = table([header, ...rows.slice(0, 2)], 710);
    const second = table([header, ...rows.slice(2)], 780);
    return writePdf([
      { runs: [...intro, ...first.runs, { text: '- 1 -', x: 285, y: 40, size: 10 }], fills: first.fills },
      { runs: [...second.runs, { text: '二、申报要求', x: 80, y: second.bottom - 30, size: 10 }, { text: '- 2 -', x: 285, y: 40, size: 10 }], fills: second.fills },
    ]);
  }

  it('gives a direction per row, with the header repeated on the second page dropped and logged', async () => {
    const source = await loadBytes(pdf(), 'table.pdf');
    expect(source.text.split('\n').filter((l) => l.startsWith('|'))).toEqual([
      `| ${header.join(' | ')} |`,
      ...rows.slice(0, 2).map((r) => `| ${r.join(' | ')} |`),
      `| ${header.join(' | ')} |`,
      ...rows.slice(2).map((r) => `| ${r.join(' | ')} |`),
    ]);
    const doc = processSource(source);
    expect(doc.directions.map((d) => [d.id, d.partners.map((p) => p.name), d.domains.map((x) => x.label), d.projectCount?.value, d.funding?.amountCNY, d.duration?.maxYears])).toEqual([
      ['1', ['德国'], ['智能制造与工业互联网', '电动交通与动力电池'], 6, 18_000_000, 3],
      ['2', ['法国'], ['碳中和与能源转型', '农业与食品'], 5, 15_000_000, 3],
      ['3', ['英国'], ['气候变化与净零排放', '人工智能'], 6, 18_000_000, 3],
      ['4', ['巴西'], ['生物能源', '热带农业技术'], 4, 12_000_000, 3],
    ]);
    const repeated = doc.removed.filter((r) => r.kind === 'table-header');
    expect(repeated.map((r) => [r.text, r.page])).toEqual([[`| ${header.join(' | ')} |`, 2]]);
    // A value in a row on the second page points at that page and that row's line on it.
    expect([doc.directions[3]!.funding!.span.page, doc.directions[3]!.funding!.span.pageLine]).toEqual([2, 3]);
  });
});
