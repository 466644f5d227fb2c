/**
 * OCR's misreadings undone in lines read by OCR, each logged as `ocr-misread` with its offsets;
 * the same text from a file or a text layer is left as it is.
 */
import { describe, expect, it } from 'vitest';
import { clean } from '../../src/clean/index.js';
import { sourceRange } from '../../src/mapped.js';
import { ocrConfidenceOf, spanOfRange } from '../../src/position.js';
import type { Source } from '../../src/types.js';

function source(text: string, ocr: boolean): Source {
  const base = { path: 'x.pdf', id: 'x', format: 'pdf' as const, encoding: 'pdf', sha256: '0'.repeat(64), bytes: text.length, text, pages: 1, removed: [] };
  const pageOfLine = text.split('\n').map(() => 1);
  const pageLineOfLine = pageOfLine.map((_, i) => i + 1);
  if (!ocr) return { ...base, pageOfLine, pageLineOfLine };
  const confidence = new Uint8Array(text.length).fill(96);
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') confidence[i] = 255;
  return { ...base, pageOfLine, pageLineOfLine, ocr: { engine: 'test', mode: 'auto', pages: [{ page: 1, dpi: 200, meanConfidence: 96 }], meanConfidence: 96, doubtBelow: { figure: 90, text: 80 } }, ocrConfidence: confidence };
}
const lines = (text: string, ocr: boolean): string[] => clean(source(text, ocr)).lines.map((l) => l.text.text);

describe('OCR misreadings', () => {
  it('take a bullet read as a closing bracket at a line’s start (`➢` read as `》` or `>`) for markup, but never the end of a title wrapped onto the line', () => {
    const text = ['领域方向：', '》现代农业；', '> 水技术；', '合作协议：《中华人民共和国科学技术部与阿根廷共和国', '》科技合作谅解备忘录', '科学、技术和创新部科技合作谅解备忘录》。'].join('\n');
    expect(lines(text, true)).toEqual(['领域方向：', '现代农业；', '水技术；', '合作协议：《中华人民共和国科学技术部与阿根廷共和国', '》科技合作谅解备忘录', '科学、技术和创新部科技合作谅解备忘录》。']);
    expect(clean(source(text, true)).removed.filter((r) => r.kind === 'ocr-misread').map((r) => [r.text, r.line])).toEqual([
      ['》', 2],
      ['> ', 3],
    ]);
    // From a text layer the same lines are as written.
    expect(lines(text, false)[1]).toBe('》现代农业；');
  });

  it('drop specks read as a full stop opening a line or a middle dot ending one, and keep the dot of a name', () => {
    const text = ['　　5.全身协调运动控制', '。6.多模态融合环境感知系统', '　　3.高分辨率柔性电子皮肤·', '联合揭榜。·', '合作方为让·雅克·卢梭研究所'].join('\n');
    expect(lines(text, true)).toEqual(['5.全身协调运动控制', '6.多模态融合环境感知系统', '3.高分辨率柔性电子皮肤', '联合揭榜。', '合作方为让·雅克·卢梭研究所']);
    expect(clean(source(text, true)).removed.filter((r) => r.kind === 'ocr-misread').map((r) => [r.text, r.line])).toEqual([
      ['。', 2],
      ['·', 3],
      ['·', 4],
    ]);
    // From a text layer, as written.
    expect(lines(text, false)[1]).toBe('。6.多模态融合环境感知系统');
  });

  const read = ['拟支持项目数，4个。', '共拟支持经费;800万元人民币。', '合作协议:，《中马政府间科技创新合作联委会第3次会议纪要》。', '大科学工程〈计划)、〈(含应对老龄化)', '《2)日方合作单位', '2O24年度，1l个', '2023一2025年共同研究', '日本JICA申报'].join('\n');

  it('are undone in lines read by OCR', () => {
    expect(lines(read, true)).toEqual([
      '拟支持项目数：4个。',
      '共拟支持经费：800万元人民币。',
      '合作协议：《中马政府间科技创新合作联委会第3次会议纪要》。',
      '大科学工程（计划）、（含应对老龄化）',
      '（2）日方合作单位',
      '2024年度，11个',
      '2023—2025年共同研究',
      '日本JICA申报',
    ]);
  });

  it('are logged with what was read, what it became and where', () => {
    const { removed } = clean(source(read, true));
    const misread = removed.filter((r) => r.kind === 'ocr-misread');
    expect(misread.map((r) => [r.text, r.replacement ?? null, r.line])).toEqual([
      ['，', '：', 1],
      [';', '：', 2],
      ['，', null, 3],
      ['〈', '（', 4],
      ['〈', null, 4],
      ['《', '（', 5],
      ['O', '0', 6],
      ['l', '1', 6],
      ['一', '—', 7],
    ]);
    for (const r of misread) expect(read.slice(r.start!, r.end!)).toBe(r.text);
  });

  it('keep every cleaned character mapped to the loaded text', () => {
    const cleaned = clean(source(read, true));
    const third = cleaned.lines[2]!.text;
    const at = third.text.indexOf('《');
    const r = sourceRange(third, at, at + 1);
    expect(read.slice(r.start, r.end)).toBe('《');
  });

  it('take a comma between short items of an inline list of domains for a misread semicolon', () => {
    expect(lines('领域方向，农业;气候变化，人工智能；计量，农业机械。\n领域方向：生产技术，包括智能制造、机器人和增材制造等先进技术；农业', true)).toEqual([
      '领域方向：农业；气候变化；人工智能；计量；农业机械。',
      '领域方向：生产技术，包括智能制造、机器人和增材制造等先进技术；农业',
    ]);
  });

  it('are left alone in text that was not read by OCR, but for digits typed as look-alikes inside figures', () => {
    // (A converter's or a typist's `O` and `l` in a figure, `一` between two years, are read as the
    // digits and the dash they stand for, and logged as look-alikes: see `digitLookalikes`.)
    expect(lines(read, false)).toEqual([
      '拟支持项目数，4个。',
      '共拟支持经费；800万元人民币。',
      '合作协议：，《中马政府间科技创新合作联委会第3次会议纪要》。',
      '大科学工程〈计划）、〈（含应对老龄化）',
      '《2）日方合作单位',
      '2024年度，11个',
      '2023—2025年共同研究',
      '日本JICA申报',
    ]);
    const { removed } = clean(source(read, false));
    expect(removed.filter((r) => r.kind === 'lookalike-glyph').map((r) => [r.text, r.replacement])).toEqual([['O', '0'], ['l', '1'], ['一', '—']]);
    expect(removed.filter((r) => r.kind === 'ocr-misread')).toEqual([]);
  });

  it('read `一` before a digit, after a number or a number and its unit, as a dash: every date and range form', () => {
    const forms = ['2023一2025年', '2023年一2025年', '2024年1月一3月', '1月1日一3月31日', '2024.1一2025.12', '2一3年', '3个一5个', '100万一200万元', '10%一20%', '5月20日一6月3日17时'];
    expect(lines(forms.join('\n'), true)).toEqual(forms.map((f) => f.replace('一', '—')));
    // Not a dash: 一 as the numeral, and before a Chinese word.
    // Across a line break: the dash ends one line, the second year starts the next.
    expect(lines('中日关于2023一\n2025年共同研究的', true)).toEqual(['中日关于2023—', '2025年共同研究的']);
    const words = ['统一2025年度安排', '第一批', '2025年一批项目', '进一步'];
    expect(lines(words.join('\n'), true)).toEqual(words);
  });

  it('read a straight quote beside CJK text as the curly one, closing an open one', () => {
    expect(lines('国家重点研发计划“政府间国际科技创新合作"重点专项\n"一带一路"倡议\nsay "hi"', true)).toEqual(['国家重点研发计划“政府间国际科技创新合作”重点专项', '“一带一路”倡议', 'say "hi"']);
  });

  it('give spans their mean OCR confidence, and nothing where OCR read nothing', () => {
    const src = source('拟支持项目数：4个。', true);
    const conf = new Uint8Array(src.ocrConfidence!);
    conf[7] = 40;
    const layout = clean({ ...src, ocrConfidence: conf }).layout;
    expect(spanOfRange(layout, 7, 9).ocrConfidence).toBe(68);
    expect(ocrConfidenceOf(layout, 7, 9)).toEqual({ mean: 68, min: 40 });
    expect(spanOfRange(clean(source('拟支持项目数：4个。', false)).layout, 7, 9)).not.toHaveProperty('ocrConfidence');
  });
});

describe('a full stop read as a period', () => {
  it('is the ideographic one where it ends a CJK sentence, never in a number or an item’s number', () => {
    expect(lines('原则上团队其他参与人员年龄要求同上.\n其他经费与中央财政经费比例不低于1:1.\n1.1 研究内容\n见附件1.pdf', true)).toEqual([
      '原则上团队其他参与人员年龄要求同上。',
      '其他经费与中央财政经费比例不低于1:1。',
      '1.1研究内容',
      '见附件1.pdf',
    ]);
  });
});
