/**
 * The checks on text read by OCR, on the seed draft as if a scan had given it (every character at
 * 99, a few lowered or garbled here): a doubtful figure or text value is a check naming the value,
 * the page, the character and the words; a number-shaped token with letters (`GD）` for `（1）`) or
 * an item mark that lost its bracket is a check, never silent text; Markdown marks what OCR doubted.
 */
import { describe, expect, it } from 'vitest';
import { processSource } from '../../src/pipeline.js';
import { toMarkdown } from '../../src/report/index.js';
import type { Guideline } from '../../src/schema/guideline.js';
import type { Source } from '../../src/types.js';
import { loadText, seedText } from '../helpers/seed.js';

/** The seed as a one-page OCR reading: `edit` changes its text, `low` gives characters their confidence. */
async function asScan(edit: (t: string) => string, low: readonly (readonly [string, number, number])[] = []): Promise<{ source: Source; doc: Guideline }> {
  const text = edit(seedText());
  const loaded = await loadText(text, 'scan.txt');
  const confidence = new Uint8Array(loaded.text.length).fill(99);
  for (let i = 0; i < loaded.text.length; i++) if (loaded.text[i] === '\n') confidence[i] = 255;
  // [words, offset of the character in them, confidence]
  for (const [words, k, c] of low) confidence[loaded.text.indexOf(words) + k] = c;
  const source: Source = { ...loaded, ocr: { engine: 'test', mode: 'auto', pages: [{ page: 1, dpi: 200, meanConfidence: 99 }], meanConfidence: 99, doubtBelow: { figure: 90, text: 80 } }, ocrConfidence: confidence };
  return { source, doc: processSource(source) };
}

describe('checks on values read by OCR', () => {
  it('give every value its lowest character confidence, and doubt no value read at 99', async () => {
    const { doc } = await asScan((t) => t);
    expect(doc.directions[0]!.funding!.span).toMatchObject({ ocrConfidence: 99, ocrMinConfidence: 99 });
    expect(doc.checks.filter((c) => c.code.startsWith('ocr-'))).toEqual([]);
  });

  it('doubt a figure with a character below 90 and a text value with one below 80, naming the page, the character and the words', async () => {
    const { doc } = await asScan((t) => t, [
      ['共拟支持经费：800万元', 7, 85],
      ['中国和越南政府间联合研究项目', 3, 85],
      ['中国和马来西亚政府间联合研究项目', 3, 70],
    ]);
    const doubts = doc.checks.filter((c) => c.code === 'ocr-low-confidence');
    expect(doubts.map((c) => [c.directionId, c.stated, c.computed])).toEqual([
      ['1.1', '800万元人民币', 85],
      ['1.2', '中国和马来西亚政府间联合研究项目', 70],
    ]);
    expect(doubts[0]!.messageZh).toMatch(/^方向1\.1：“800万元人民币”（第\d+页）由OCR从扫描页识别，其中“8”（“[^”]*经费：800万元[^”]*”中）置信度仅为85，请对照原件核实$/);
    expect(doubts[0]!.message).toMatch(/^direction 1\.1: the funding “800万元人民币” \(page \d+\) was read by OCR with a doubtful character: “8” at confidence 85 in “.*”: check it against the page$/);
    const md = toMarkdown(doc);
    expect(md).toContain('OCR存疑：最低置信度85');
    expect(md).toContain('由OCR识别');
  });

  it('doubt a word read once where the document writes its look-alike throughout (项自 among the 项目), a character OCR reads with high confidence', async () => {
    const seed = seedText();
    // The first 项目 inside a direction's requirements, as a scan misread it.
    const at = seed.indexOf('项目', seed.indexOf('其他要求'));
    const { doc } = await asScan((t) => t.slice(0, at) + '项自' + t.slice(at + 2));
    const doubts = doc.checks.filter((c) => c.code === 'ocr-confusable');
    expect(doubts.map((c) => [c.directionId, c.stated, c.computed])).toEqual([['1.1', '项自', '项目']]);
    expect(doubts[0]!.messageZh).toMatch(/^方向1\.1：“项自”（第\d+页）由OCR识别，仅此一处；本文其他处写作“项目”，可能是形近字误识，请对照原件核实$/);
    // The same text not read by OCR: no doubt (a file's words are as written).
    const plain = processSource(await loadText(seed.slice(0, at) + '项自' + seed.slice(at + 2), 'plain.txt'));
    expect(plain.checks.filter((c) => c.code === 'ocr-confusable')).toEqual([]);
  });

  it('make a number-shaped token with letters, or an item mark without its bracket, a check', async () => {
    const { doc } = await asScan((t) => t.replace('（1）医药卫生', 'GD）医药卫生').replace('（2）自动化技术', '2)自动化技术').replace('拟支持项目数：4个', '拟支持项目数：4S个'));
    const garbled = doc.checks.filter((c) => c.code === 'ocr-garbled-number');
    expect(garbled.map((c) => [c.directionId, c.stated])).toEqual([
      ['1.1', 'GD）'],
      ['1.1', '2)'],
      ['1.1', '4S'],
    ]);
    expect(garbled[0]!.messageZh).toMatch(/^方向1\.1：“GD）”（第\d+页）形似编号或数字，但OCR识别结果含字母或缺括号，请对照原件核实$/);
  });

  it('make a 一 between CJK characters that form no word with it a check: it may be a dash read as 一', async () => {
    const { doc } = await asScan((t) => t.replace('单方申报无效', '单方一申报无效').replace('中马政府间科技创新合作', '中马政府间科技一\n创新合作'));
    const dashes = doc.checks.filter((c) => c.code === 'ocr-ambiguous-dash');
    expect(dashes.map((c) => [c.directionId, c.computed])).toEqual([
      ['1.1', expect.stringContaining('单方一申报')],
      ['1.2', expect.stringContaining('科技一')],
    ]);
    expect(dashes[0]!.messageZh).toMatch(/^方向1\.1：“.*”（第\d+页）中“.*单方一申报.*”的“一”可能是破折号“—”（OCR常将“—”识别为“一”），请对照原件核实$/);
  });

  it('leave text that was not read by OCR alone', async () => {
    const doc = processSource(await loadText(seedText().replace('（1）医药卫生', 'GD）医药卫生'), 'x.txt'));
    expect(doc.checks.filter((c) => c.code.startsWith('ocr-'))).toEqual([]);
  });
});
