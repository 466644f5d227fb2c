/**
 * The ruling lines of a scanned page, found in its pixels (`src/load/scan-rules.ts`), on synthetic
 * pages: a table's borders (turned by a small skew, as a scan is), glyph-sized blots and specks
 * that are no rules, a row of dashes that is a rule alone and draws no table.
 */
import { describe, expect, it } from 'vitest';
import { drawsTable, eraseRules, inkedEmptyCells, scanRules, splitAtRules } from '../../src/load/scan-rules.js';
import type { GreyImage } from '../../src/load/page-image.js';

const W = 900;
const H = 700;
const GLYPH = 30;

function page(skew = 0): { image: GreyImage; dark: (x: number, y: number) => void } {
  const pixels = new Uint8Array(W * H).fill(245);
  const cos = Math.cos(skew);
  const sin = Math.sin(skew);
  // Draw in the straight frame; the pixel lands where the turned page puts it.
  const dark = (x: number, y: number): void => {
    const X = Math.round(W / 2 + (x - W / 2) * cos - (y - H / 2) * sin);
    const Y = Math.round(H / 2 + (x - W / 2) * sin + (y - H / 2) * cos);
    if (X >= 0 && Y >= 0 && X < W && Y < H) pixels[Y * W + X] = 20;
  };
  return { image: { width: W, height: H, pixels }, dark };
}

/** A table: columns at 100, 300, 700; rows at 100, 200, 300 (2 px borders); a blot in two cells. */
function table(skew = 0): GreyImage {
  const { image, dark } = page(skew);
  for (const x of [100, 300, 700]) for (let y = 100; y <= 300; y++) for (let t = 0; t < 2; t++) dark(x + t, y);
  for (const y of [100, 200, 300]) for (let x = 100; x <= 701; x++) for (let t = 0; t < 2; t++) dark(x, y + t);
  // Glyph-like blots: one in the first cell, one in the cell below it.
  for (const [x0, y0] of [[150, 135], [150, 235]] as const) for (let y = y0; y < y0 + GLYPH; y++) for (let x = x0; x < x0 + GLYPH; x += 3) dark(x, y);
  // Specks, and a row of dashes under the table (a rule alone).
  for (let k = 0; k < 200; k++) dark((k * 97) % W, (k * 61) % H);
  for (let x = 100; x < 600; x++) if (x % 12 < 10) dark(x, 500);
  return image;
}

describe('ruling lines of a scanned page', () => {
  it('finds the borders of a table, straight, and nothing of glyphs or specks', () => {
    const rules = scanRules(table(), 0, GLYPH);
    const v = rules.filter((r) => r.x1 - r.x0 < r.y1 - r.y0).map((r) => Math.round((r.x0 + r.x1) / 2));
    const h = rules.filter((r) => r.x1 - r.x0 >= r.y1 - r.y0).map((r) => Math.round((r.y0 + r.y1) / 2));
    expect(v.sort((a, b) => a - b)).toEqual([101, 301, 701]);
    expect(h.sort((a, b) => a - b)).toEqual([101, 201, 301, 500]);
    expect(drawsTable(rules)).toBe(true);
  });

  it('finds them on a page turned by under a degree, straightened by its skew', () => {
    const skew = (0.8 * Math.PI) / 180;
    const rules = scanRules(table(skew), skew, GLYPH);
    const v = rules.filter((r) => r.x1 - r.x0 < r.y1 - r.y0);
    expect(v.map((r) => Math.round((r.x0 + r.x1) / 2)).sort((a, b) => a - b)).toEqual([101, 301, 701]);
    for (const r of v) expect(r.y1 - r.y0).toBeGreaterThan(180);
  });

  it('finds a thin rule whole where the scan left it dark only in stretches, grey between', () => {
    const { image, dark } = page();
    for (const x of [100, 700]) for (let y = 100; y <= 300; y++) dark(x, y);
    // A one-pixel rule dark for 100 pixels, then grey (175–200, past the dark threshold) for 100.
    for (let x = 100; x <= 700; x++) {
      if ((x - 100) % 200 < 100) dark(x, 200);
      else image.pixels[200 * W + x] = 175 + (x % 26);
    }
    // Grey text-like stripes nowhere near a dark stretch stay no rule.
    for (let x = 120; x < 680; x++) image.pixels[400 * W + x] = 190;
    const h = scanRules(image, 0, GLYPH).filter((r) => r.x1 - r.x0 > r.y1 - r.y0);
    expect(h.map((r) => [r.x0, r.x1, r.y0])).toEqual([[100, 700, 200]]);
  });

  it('draws no table with rules of one direction only', () => {
    const { image, dark } = page();
    for (const y of [100, 200]) for (let x = 50; x < 800; x++) dark(x, y);
    expect(drawsTable(scanRules(image, 0, GLYPH))).toBe(false);
  });

  it('paints the rules out, and finds the inked cell no word was read in', () => {
    const image = table();
    const rules = scanRules(image, 0, GLYPH).filter((r) => !(r.y0 >= 495 && r.y1 <= 505));
    // The word read in the first cell; the second cell's blot was passed over.
    const cells = inkedEmptyCells(image, rules, 0, GLYPH, [[165, 150]]);
    expect(cells).toHaveLength(1);
    // In the second row's first cell (its box may take in a speck beside the blot).
    expect(cells[0]!.cx).toBeGreaterThan(100);
    expect(cells[0]!.cx).toBeLessThan(300);
    expect(cells[0]!.cy).toBeGreaterThan(200);
    expect(cells[0]!.cy).toBeLessThan(300);
    eraseRules(image, rules, 0);
    expect(image.pixels[150 * W + 100]).toBe(255);
    expect(image.pixels[200 * W + 500]).toBe(255);
    expect(image.pixels[140 * W + 150]).toBe(20);
  });
});

describe('splitAtRules', () => {
  // A vertical rule at x = 400 (399–401) from y = 100 to 300 (straight frame), on a page turned by `skew`.
  const rule = { x0: 399, y0: 100, x1: 401, y1: 300 };
  const cases: [string, number][] = [
    ['upright', 0],
    ['turned by 0.8°', (0.8 * Math.PI) / 180],
  ];
  for (const [name, skew] of cases) {
    it(`cuts a region that crosses a column's rule into the words either side, the border and its margin left out (${name})`, () => {
      // A region centred at (400, 200) straight, 300 long: it crosses the rule at its middle.
      const cx = W / 2 + (400 - W / 2) * Math.cos(skew) - (200 - H / 2) * Math.sin(skew);
      const cy = H / 2 + (400 - W / 2) * Math.sin(skew) + (200 - H / 2) * Math.cos(skew);
      const pieces = splitAtRules([{ cx, cy, w: 300, h: 30, angle: skew }], [rule], skew, W, H);
      expect(pieces.map((p) => Math.round(p.w))).toEqual([147, 147]);
      // Each piece's centre half its length and the border's half width (3) from the rule, along the line.
      expect(Math.round(Math.hypot(pieces[0]!.cx - pieces[1]!.cx, pieces[0]!.cy - pieces[1]!.cy))).toBe(153);
    });
  }

  it('leaves a region the rule does not reach (above it), and trims one that crosses it by less than half its height (the detector’s margin over the border, or the first glyph of the next cell)', () => {
    const above = { cx: 400, cy: 60, w: 300, h: 30, angle: 0 };
    // 395 … 695: 5 pixels left of the rule's middle go.
    const crossing = { cx: 545, cy: 200, w: 300, h: 30, angle: 0 };
    const [kept, trimmed, ...rest] = splitAtRules([above, crossing], [rule], 0, W, H);
    expect(kept).toEqual(above);
    expect(rest).toEqual([]);
    expect([Math.round(trimmed!.cx - trimmed!.w / 2), Math.round(trimmed!.cx + trimmed!.w / 2)]).toEqual([403, 695]);
  });

  it('drops the sliver between two rules closer than half a glyph (a doubled border)', () => {
    const second = { x0: 409, y0: 100, x1: 411, y1: 300 };
    const pieces = splitAtRules([{ cx: 400, cy: 200, w: 300, h: 30, angle: 0 }], [rule, second], 0, W, H);
    expect(pieces.map((p) => [Math.round(p.cx - p.w / 2), Math.round(p.cx + p.w / 2)])).toEqual([
      [250, 397],
      [413, 550],
    ]);
  });
});
