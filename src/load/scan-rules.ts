/**
 * The ruling lines of a scanned page (a table's borders), found in its pixels, so that a table on
 * a scan is read by the same rules-and-cells pass as a table drawn in a text-layer PDF
 * (`pdf-layout.ts`). Pure, so that it is tested with synthetic images.
 *
 * The page is looked at straightened (turned back by its skew, the frame `ocr-lines.ts` puts the
 * words in): a rule is a run of dark pixels along a row (horizontal) or a column (vertical) much
 * longer than a glyph is tall, with gaps of at most `GAP` pixels (JPEG and thresholding break thin
 * lines), and thin: the runs of neighbouring rows (columns) that overlap are one rule, kept only
 * while it is at most `THICK` of a glyph thick. A glyph's strokes are at most a glyph long; specks
 * are a pixel or two; a rule of dashes or a row of underscores (`______`) is a horizontal run
 * alone, which forms no grid with the vertical ones (a table needs both, see `grids`).
 */
import { otsuThreshold, type GreyImage } from './page-image.js';

/** A rule in the straightened page, in pixels: x0 ≤ x1, y0 ≤ y1 (y down), inclusive. */
export interface PixelRule {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

/** Largest break, in pixels, inside one rule. */
const GAP = 3;
/** A horizontal rule is at least this many glyph heights long; a vertical one at least `MIN_V`. */
const MIN_H = 3;
const MIN_V = 1.8;
/** A rule is at most this share of a glyph's height thick. */
const THICK = 0.3;
/** A cell holds a character where its ink is at least 1/`INK_SHARE` of a glyph's square (`glyph` is a word's height). */
const INK_SHARE = 50;
/** A pixel a found rule may grow through: grey up to this (0 black, 255 paper). */
const FAINT = 210;
/** Pixels painted out either side of a rule. */
const MARGIN = 2;

interface Run {
  readonly at: number;
  readonly from: number;
  readonly to: number;
}

/** Runs of set cells along each line of a bitmap read by `get(line, k)`. */
function runs(lines: number, length: number, get: (line: number, k: number) => boolean, min: number): Run[] {
  const out: Run[] = [];
  for (let line = 0; line < lines; line++) {
    let start = -1;
    let last = -1;
    for (let k = 0; k <= length; k++) {
      const on = k < length && get(line, k);
      if (on) {
        if (start < 0 || k - last - 1 > GAP) {
          if (start >= 0 && last - start + 1 >= min) out.push({ at: line, from: start, to: last });
          start = k;
        }
        last = k;
      }
    }
    if (start >= 0 && last - start + 1 >= min) out.push({ at: line, from: start, to: last });
  }
  return out;
}

/** Runs on neighbouring lines that overlap, as one rule: [first line, last line, from, to]. */
function merge(found: readonly Run[], thick: number): [number, number, number, number][] {
  const open: { a: number; b: number; from: number; to: number }[] = [];
  const done: [number, number, number, number][] = [];
  const sorted = [...found].sort((p, q) => p.at - q.at || p.from - q.from);
  for (const r of sorted) {
    const g = open.find((o) => o.b >= r.at - 1 && o.from <= r.to && r.from <= o.to);
    if (g) {
      g.b = r.at;
      g.from = Math.min(g.from, r.from);
      g.to = Math.max(g.to, r.to);
    } else open.push({ a: r.at, b: r.at, from: r.from, to: r.to });
  }
  for (const o of open) if (o.b - o.a + 1 <= thick) done.push([o.a, o.b, o.from, o.to]);
  return done;
}

/**
 * The rules of `image`, straightened by `skew` (radians, as `skewOf` gives it: positive when lines
 * fall to the right), for glyphs `glyph` pixels tall.
 */
export function scanRules(image: GreyImage, skew: number, glyph: number): PixelRule[] {
  const { width: W, height: H, pixels } = image;
  if (W === 0 || H === 0 || !(glyph > 0)) return [];
  const threshold = Math.min(160, otsuThreshold(pixels));
  // The straightened page as a bitmap: each pixel taken from where it stands in the scan; 1 where
  // it is dark, 2 where it is only grey (`FAINT`: a thin rule turned by the scan, its ink spread
  // over two rows by the scanner's smoothing and the JPEG's).
  const cos = Math.cos(skew);
  const sin = Math.sin(skew);
  const cx = W / 2;
  const cy = H / 2;
  const bits = new Uint8Array(W * H);
  for (let Y = 0; Y < H; Y++) {
    let x = cx - cx * cos - (Y - cy) * sin;
    let y = cy - cx * sin + (Y - cy) * cos;
    for (let X = 0; X < W; X++, x += cos, y += sin) {
      const xi = Math.round(x);
      const yi = Math.round(y);
      if (xi < 0 || yi < 0 || xi >= W || yi >= H) continue;
      const v = pixels[yi * W + xi]!;
      if (v <= threshold) bits[Y * W + X] = 1;
      else if (v <= FAINT) bits[Y * W + X] = 2;
    }
  }
  const thick = Math.max(2, Math.round(glyph * THICK));
  const dark = (i: number): boolean => bits[i] === 1;
  const seen = (i: number): boolean => bits[i] !== 0;
  const horizontal = rejoin(
    merge(runs(H, W, (Y, X) => dark(Y * W + X), Math.round(glyph * MIN_H)), thick).map((r) => grown(r, W, H, (Y, X) => seen(Y * W + X))),
    thick,
  ).map(([a, b, from, to]) => ({ x0: from, y0: a, x1: to, y1: b }));
  const vertical = rejoin(
    merge(runs(W, H, (X, Y) => dark(Y * W + X), Math.round(glyph * MIN_V)), thick).map((r) => grown(r, H, W, (X, Y) => seen(Y * W + X))),
    thick,
  ).map(([a, b, from, to]) => ({ x0: a, y0: from, x1: b, y1: to }));
  return [...horizontal, ...vertical];
}

/**
 * A rule found in the dark pixels, grown along its own line(s) and the one either side through
 * dark or grey pixels (gaps of at most `GAP`): a thin rule on a turned scan is dark only in
 * stretches, grey where its ink falls between two rows; what it is, its dark stretch has shown.
 */
function grown([a, b, from, to]: [number, number, number, number], length: number, lines: number, get: (line: number, k: number) => boolean): [number, number, number, number] {
  const on = (k: number): boolean => {
    for (let line = Math.max(0, a - 1); line <= Math.min(lines - 1, b + 1); line++) if (get(line, k)) return true;
    return false;
  };
  const walk = (start: number, step: number): number => {
    let end = start;
    for (let k = start + step, gap = 0; k >= 0 && k < length && gap <= GAP; k += step) {
      if (on(k)) {
        end = k;
        gap = 0;
      } else gap++;
    }
    return end;
  };
  return [a, b, walk(from, -1), walk(to, 1)];
}

/** Rules on neighbouring lines that overlap along them (one rule's pieces, each grown), as one, while thin. */
function rejoin(found: readonly [number, number, number, number][], thick: number): [number, number, number, number][] {
  const out: [number, number, number, number][] = [];
  for (const r of [...found].sort((p, q) => p[0] - q[0] || p[2] - q[2])) {
    const g = out.find((o) => r[0] <= o[1] + 1 && o[0] <= r[1] + 1 && o[2] <= r[3] && r[2] <= o[3] && Math.max(o[1], r[1]) - Math.min(o[0], r[0]) + 1 <= thick);
    if (!g) {
      out.push([...r]);
      continue;
    }
    g[0] = Math.min(g[0], r[0]);
    g[1] = Math.max(g[1], r[1]);
    g[2] = Math.min(g[2], r[2]);
    g[3] = Math.max(g[3], r[3]);
  }
  return out;
}

/** Whether the rules draw a table: two horizontal ones or more and two vertical. */
export function drawsTable(rules: readonly PixelRule[]): boolean {
  const h = rules.filter((r) => r.x1 - r.x0 > r.y1 - r.y0).length;
  return h >= 2 && rules.length - h >= 2;
}

/**
 * The rules painted out of `image` (in place) as paper, with `MARGIN` pixels either side: OCR then
 * reads each cell's text alone, without a border taken for a character (`「`, `<`, `X` for the `4`
 * of a narrow cell) or two cells read as one region.
 */
export function eraseRules(image: GreyImage, rules: readonly PixelRule[], skew: number): void {
  const { width: W, height: H, pixels } = image;
  const cos = Math.cos(skew);
  const sin = Math.sin(skew);
  const cx = W / 2;
  const cy = H / 2;
  for (const r of rules) {
    for (let Y = r.y0 - MARGIN; Y <= r.y1 + MARGIN; Y += 0.5) {
      for (let X = r.x0 - MARGIN; X <= r.x1 + MARGIN; X += 0.5) {
        const x = Math.round(cx + (X - cx) * cos - (Y - cy) * sin);
        const y = Math.round(cy + (X - cx) * sin + (Y - cy) * cos);
        if (x >= 0 && y >= 0 && x < W && y < H) pixels[y * W + x] = 255;
      }
    }
  }
}

/**
 * The cells of a ruled table that hold ink but none of the words read (`centres`: the words'
 * centres, straightened), as regions to read: the ink's box, a little grown, in page pixels along
 * the skew. A cell is the space between neighbouring rules across and down; ink is dark pixels
 * more than `MARGIN` + 2 pixels inside it, at least a fiftieth of a glyph's square (a lone `4` in
 * a narrow cell is ~96 pixels where the words are 48 tall: a tenth missed it) and a third of a
 * glyph tall (the page is despeckled before: dust left is a blob or two, seldom that tall).
 */
export function inkedEmptyCells(image: GreyImage, rules: readonly PixelRule[], skew: number, glyph: number, centres: readonly (readonly [number, number])[]): { cx: number; cy: number; w: number; h: number; angle: number }[] {
  const { width: W, height: H, pixels } = image;
  const threshold = Math.min(160, otsuThreshold(pixels));
  const cos = Math.cos(skew);
  const sin = Math.sin(skew);
  const cx = W / 2;
  const cy = H / 2;
  const at = (X: number, Y: number): number => {
    const x = Math.round(cx + (X - cx) * cos - (Y - cy) * sin);
    const y = Math.round(cy + (X - cx) * sin + (Y - cy) * cos);
    return x >= 0 && y >= 0 && x < W && y < H ? pixels[y * W + x]! : 255;
  };
  const hs = rules.filter((r) => r.x1 - r.x0 > r.y1 - r.y0);
  const vs = rules.filter((r) => r.x1 - r.x0 <= r.y1 - r.y0);
  const ys = [...new Set(hs.map((r) => Math.round((r.y0 + r.y1) / 2)))].sort((a, b) => a - b);
  const xs = [...new Set(vs.map((r) => Math.round((r.x0 + r.x1) / 2)))].sort((a, b) => a - b);
  const inset = MARGIN + 2;
  const out: { cx: number; cy: number; w: number; h: number; angle: number }[] = [];
  for (let i = 0; i + 1 < ys.length; i++) {
    const top = ys[i]!;
    const bottom = ys[i + 1]!;
    if (bottom - top < glyph) continue;
    for (let j = 0; j + 1 < xs.length; j++) {
      const left = xs[j]!;
      const right = xs[j + 1]!;
      if (right - left < glyph / 2) continue;
      // Both sides drawn at this height: a cell, not the space beside a merged one.
      const mid = (top + bottom) / 2;
      const drawn = (x: number): boolean => vs.some((r) => Math.abs((r.x0 + r.x1) / 2 - x) <= 2 && r.y0 <= mid && r.y1 >= mid);
      if (!drawn(left) || !drawn(right)) continue;
      if (centres.some(([x, y]) => x > left && x < right && y > top && y < bottom)) continue;
      let x0 = Infinity;
      let y0 = Infinity;
      let x1 = -Infinity;
      let y1 = -Infinity;
      let ink = 0;
      for (let Y = top + inset; Y <= bottom - inset; Y++) {
        for (let X = left + inset; X <= right - inset; X++) {
          if (at(X, Y) > threshold) continue;
          ink++;
          x0 = Math.min(x0, X);
          y0 = Math.min(y0, Y);
          x1 = Math.max(x1, X);
          y1 = Math.max(y1, Y);
        }
      }
      if (ink < (glyph * glyph) / INK_SHARE || y1 - y0 < glyph / 3) continue;
      // The ink's box grown by a fifth of a glyph (as the detector's regions are), back in the page's pixels.
      const grow = glyph / 5;
      const w = Math.min(right - left - 2, x1 - x0 + 1 + 2 * grow);
      const h = Math.min(bottom - top - 2, Math.max(y1 - y0 + 1, glyph) + 2 * grow);
      const X = (x0 + x1) / 2;
      const Y = (y0 + y1) / 2;
      out.push({ cx: cx + (X - cx) * cos - (Y - cy) * sin, cy: cy + (X - cx) * sin + (Y - cy) * cos, w, h, angle: skew });
    }
  }
  return out;
}

/** A text region of the page as the detector gives it: centre, length along `angle`, height across it (page pixels). */
interface Box {
  readonly cx: number;
  readonly cy: number;
  readonly w: number;
  readonly h: number;
  readonly angle: number;
}

/**
 * The detector's regions cut where a vertical rule of the table crosses them (`rules` straightened
 * by `skew`, the page `width` × `height` pixels): after the borders are painted out, the detector
 * still joins the words of neighbouring cells that stand on one baseline (`3年` and the `中法双方…`
 * of the cell beside it) into one region, and the characters of such a region are put into cells by
 * where the recogniser places them, which misses by a character near the border. Read apart, each
 * cell's words are its own. A piece narrower than half its height beyond a rule (the detector's
 * margin grown over the border) goes. (An end was once also stretched to a rule just beyond it, for
 * a narrow first glyph the region beside had taken, the `1` of `1500万`: what is left of the painted
 * out border was then read as `）` or `：`.)
 */
export function splitAtRules<R extends Box>(regions: readonly R[], rules: readonly PixelRule[], skew: number, width: number, height: number): Box[] {
  const vs = rules.filter((r) => r.x1 - r.x0 <= r.y1 - r.y0);
  if (vs.length === 0) return [...regions];
  const cos = Math.cos(skew);
  const sin = Math.sin(skew);
  const cx = width / 2;
  const cy = height / 2;
  const out: Box[] = [];
  for (const r of regions) {
    const ca = Math.cos(r.angle);
    const sa = Math.sin(r.angle);
    // The region's centre, straightened; a rule at straightened x crosses its axis where the
    // straightened point (x, Y) lies, back on the page, projected on the axis.
    const Y = cy - (r.cx - cx) * sin + (r.cy - cy) * cos;
    const crossing = vs
      .filter((v) => v.y0 <= Y && v.y1 >= Y)
      .map((v) => {
        const X = (v.x0 + v.x1) / 2;
        const px = cx + (X - cx) * cos - (Y - cy) * sin;
        const py = cy + (X - cx) * sin + (Y - cy) * cos;
        return { u: (px - r.cx) * ca + (py - r.cy) * sa, half: (v.x1 - v.x0) / 2 + 2 };
      })
      .sort((a, b) => a.u - b.u);
    const a = -r.w / 2;
    const b = r.w / 2;
    const inside = crossing.filter((c) => c.u > a && c.u < b);
    if (inside.length === 0) {
      out.push(r);
      continue;
    }
    const ends: [number, number][] = [];
    let from = a;
    for (const c of inside) {
      ends.push([from, c.u - c.half]);
      from = c.u + c.half;
    }
    ends.push([from, b]);
    for (const [p, q] of ends) {
      if (q - p < r.h / 2) continue;
      const m = (p + q) / 2;
      out.push({ cx: r.cx + m * ca, cy: r.cy + m * sa, w: q - p, h: r.h, angle: r.angle });
    }
  }
  return out;
}
