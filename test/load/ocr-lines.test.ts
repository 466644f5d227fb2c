/**
 * What OCR read, as positioned runs: a skewed scan's lines stay lines, positions in PDF units,
 * confidences kept to the character; then `buildLines` removes the page numbers OCR misreads and
 * judges indents against each scanned page's own margin.
 */
import { describe, expect, it } from 'vitest';
import type { OcrLine, OcrResult } from '../../src/load/ocr.js';
import { ocrPageItems, skewOf } from '../../src/load/ocr-lines.js';
import { buildLines, NOT_OCR, ocrPageNumberOf } from '../../src/load/pdf-lines.js';

const SCALE = 200 / 72;
const IMAGE = { width: 1654, height: 2339 };
const BOX = [0, 0, IMAGE.width / SCALE, IMAGE.height / SCALE] as const;

/** A line of words at (x, y) in image pixels, 30 px a CJK glyph, falling `slope` px per px. */
function line(x: number, y: number, words: readonly string[], slope = 0, confidence = 95): OcrLine {
  let at = x;
  const out = words.map((text) => {
    const w = text.length * 30;
    const dy = (at - x) * slope;
    const word = { text, bbox: { x0: at, y0: y - 30 + dy, x1: at + w, y1: y + dy }, confidence, charConfidence: [...text].map(() => confidence) };
    at += w + 4;
    return word;
  });
  return { bbox: { x0: x, y0: y - 30, x1: at, y1: y + (at - x) * slope }, baseline: { x0: x, y0: y, x1: at, y1: y + (at - x) * slope }, words: out };
}
const page = (...lines: OcrLine[]): OcrResult => ({ lines, confidence: 90 });

describe('OCR results as runs', () => {
  it('measures the skew from the long baselines', () => {
    const slope = Math.tan((0.8 * Math.PI) / 180);
    expect(skewOf(page(line(200, 400, ['拟支持项目数：', '4个。', '共拟支持经费：800万元人民币。'], slope)), IMAGE.width)).toBeCloseTo((0.8 * Math.PI) / 180, 4);
  });

  it('keeps a skewed line one line, in reading order, and its confidences', () => {
    const slope = Math.tan((0.9 * Math.PI) / 180);
    const items = ocrPageItems(page(line(250, 400, ['共拟支持经费：', '800', '万元人民币。'], slope, 97), line(250, 470, ['其他要求：', '合作项目必须双方同时申报'], slope)), IMAGE, SCALE, BOX);
    const built = buildLines([items]);
    expect(built.lines.map((l) => l.text)).toEqual(['共拟支持经费：800万元人民币。', '其他要求：合作项目必须双方同时申报']);
    expect([...built.lines[0]!.confidence!]).toEqual(Array.from({ length: 16 }, () => 97));
    // Positions in PDF units, y up: the first line is 400 px from the top (straightened about the
    // page's centre, which moves it a few points).
    expect(Math.abs(items.items[0]!.x - 250 / SCALE)).toBeLessThan(6);
    expect(items.items[0]!.y).toBeGreaterThan(BOX[3] - 420 / SCALE);
    expect(items.items[0]!.size).toBeCloseTo(30 / SCALE, 1);
  });

  it('reads page numbers as OCR misreads them', () => {
    expect(['一 3 一', '- 3 -', 'l/8', '第 1 页 共 8 贞', '— 1O —'].map(ocrPageNumberOf)).toEqual([3, 3, 1, 1, 10]);
    expect(['4-', '—8', '-1—', '8 一'].map(ocrPageNumberOf)).toEqual([4, 8, 1, 8]);
    expect(ocrPageNumberOf('一、总体目标')).toBeNull();
    const items = ocrPageItems(page(line(250, 400, ['正文第一行']), line(800, 2250, ['一', '3', '一'])), IMAGE, SCALE, BOX);
    const built = buildLines([items]);
    expect(built.lines.map((l) => l.text)).toEqual(['正文第一行']);
    expect(built.removed.map((r) => [r.kind, r.page])).toEqual([['page-number', 1]]);
  });

  it('judges indents against each scanned page’s own margin (a sheet shifted on the glass)', () => {
    const sheet = (dx: number): OcrResult => page(line(250 + dx, 400, ['一、总体目标']), line(310 + dx, 470, ['本专项继续支持']), line(250 + dx, 540, ['有关政府间协议框架']), line(250 + dx, 610, ['项目任务涉及']));
    const built = buildLines([ocrPageItems(sheet(0), IMAGE, SCALE, BOX), ocrPageItems(sheet(90), IMAGE, SCALE, BOX)]);
    const texts = built.lines.map((l) => l.text);
    expect(texts).toEqual(['一、总体目标', '\u3000\u3000本专项继续支持', '有关政府间协议框架', '项目任务涉及', '一、总体目标', '\u3000\u3000本专项继续支持', '有关政府间协议框架', '项目任务涉及']);
    // The indent the loader put in was not read by OCR.
    expect(built.lines[1]!.confidence![0]).toBe(NOT_OCR);
  });
});
