/**
 * The pure parts of the OCR engine (`src/load/ocr.ts`), on synthetic model outputs: regions from a
 * detection map, greedy CTC decoding with per-character probabilities, lines from regions.
 */
import { describe, expect, it } from 'vitest';
import { bestOf, ctcDecode, linesOf, regionsOf } from '../../src/load/ocr.js';

describe('regions from the detection map', () => {
  it('finds each connected region above the threshold, grown by the unclip ratio, and drops faint ones', () => {
    const w = 60;
    const h = 20;
    const map = new Float32Array(w * h);
    // A text line 40 × 4 at (5, 3); a faint one (mean 0.4) at (5, 12).
    for (let y = 3; y < 7; y++) for (let x = 5; x < 45; x++) map[y * w + x] = 0.9;
    for (let y = 12; y < 16; y++) for (let x = 5; x < 45; x++) map[y * w + x] = 0.4;
    const regions = regionsOf(map, w, h);
    expect(regions).toHaveLength(1);
    const r = regions[0]!;
    expect(r.angle).toBeCloseTo(0, 5);
    expect([r.cx, r.cy]).toEqual([24.5, 4.5]);
    // 40 × 4 grown by 40·4·1.5 / (2·44) ≈ 2.73 on each side.
    expect(r.w).toBeCloseTo(40 + 2 * ((40 * 4 * 1.5) / 88), 5);
    expect(r.h).toBeCloseTo(4 + 2 * ((40 * 4 * 1.5) / 88), 5);
  });

  it('follows a sloped line', () => {
    const w = 120;
    const h = 40;
    const map = new Float32Array(w * h);
    for (let x = 10; x < 110; x++) for (let dy = 0; dy < 5; dy++) map[(10 + Math.round(x * 0.0175) + dy) * w + x] = 0.95;
    const [r] = regionsOf(map, w, h);
    expect(r!.angle).toBeGreaterThan(0.005);
    expect(r!.angle).toBeLessThan(0.03);
  });
});

describe('greedy CTC decoding', () => {
  const chars = ['', '8', '0', '万', ' '];
  const steps = (rows: readonly (readonly number[])[]): Float32Array => Float32Array.from(rows.flat());
  it('emits a character per run of one class, with the highest probability of its run', () => {
    const p = steps([
      [0.05, 0.9, 0.05, 0, 0],
      [0.05, 0.95, 0, 0, 0],
      [0.99, 0, 0.01, 0, 0],
      [0.1, 0, 0.9, 0, 0],
      [0.99, 0, 0.01, 0, 0],
      [0.2, 0, 0.8, 0, 0],
      [0.05, 0, 0, 0.95, 0],
    ]);
    const { best, prob } = bestOf(p, 0, 7, 5);
    const read = ctcDecode(best, prob, chars);
    expect(read.text.join('')).toBe('800万');
    expect(read.prob.map((x) => Math.round(x * 100))).toEqual([95, 90, 80, 95]);
    expect(read.at[0]).toBeCloseTo(1 / 7, 5);
  });

  it('lowers the characters beside a doubtful blank: a character the model may have dropped is a doubt', () => {
    const p = steps([
      [0.01, 0.99, 0, 0, 0],
      [0.55, 0.4, 0.05, 0, 0],
      [0.01, 0, 0, 0.99, 0],
    ]);
    const { best, prob } = bestOf(p, 0, 3, 5);
    const read = ctcDecode(best, prob, chars);
    expect(read.text.join('')).toBe('8万');
    expect(read.prob.map((x) => Math.round(x * 100))).toEqual([55, 55]);
  });
});

describe('lines from regions', () => {
  it('puts regions of one height on one line in x order, splits words at spaces, and keeps each character’s confidence', () => {
    const regions = [
      { cx: 300, cy: 101, w: 100, h: 30, angle: 0 },
      { cx: 100, cy: 100, w: 200, h: 30, angle: 0 },
      { cx: 100, cy: 200, w: 200, h: 30, angle: 0 },
    ];
    const reads = [
      { text: ['4', '个'], prob: [0.99, 0.6], at: [0.25, 0.75] },
      { text: ['项', '目', ' ', '数'], prob: [0.99, 0.98, 0.9, 0.97], at: [0.1, 0.3, 0.5, 0.7] },
      { text: ['经', '费'], prob: [0.99, 0.99], at: [0.25, 0.75] },
    ];
    const lines = linesOf(regions, reads);
    expect(lines.map((l) => l.words.map((w) => w.text))).toEqual([['项目', '数', '4个'], ['经费']]);
    expect(lines[0]!.words[2]!.charConfidence).toEqual([99, 60]);
    expect(lines[0]!.words[2]!.confidence).toBe(60);
    expect(lines[0]!.baseline.y0).toBeCloseTo(115, 5);
  });
});
