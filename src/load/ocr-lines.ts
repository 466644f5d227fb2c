/**
 * What OCR read on a page, as the positioned runs a text layer gives (`pdf-lines.ts` takes both):
 * one run per word, in PDF units (origin bottom-left), each with its characters' confidences. Pure,
 * so that it is tested with synthetic OCR results.
 *
 * A scan is seldom straight: the words of one printed line then sit on a sloped baseline, and line
 * starts drift left or right down the page, which would read as indents. The page's skew (the
 * median slope of its long baselines) is taken out of every position, and each word is put on its
 * line's baseline, so that the line stays one line. The page's ruling lines (a table's borders,
 * found in its pixels by `scan-rules.ts`) come with the runs, in the same frame.
 */
import type { OcrResult } from './ocr.js';
import type { PageItems, TextItem } from './pdf-lines.js';
import type { Rule } from './pdf-layout.js';
import type { PixelRule } from './scan-rules.js';

/** Baselines shorter than this share of the page width say little about the skew. */
const LONG_LINE = 0.2;

const median = (xs: readonly number[]): number | null => {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** The page's skew in radians (positive: lines fall to the right in the image), 0 without long lines. */
export function skewOf(result: OcrResult, imageWidth: number): number {
  const slopes: number[] = [];
  for (const l of result.lines) {
    const { x0, y0, x1, y1 } = l.baseline;
    if (x1 - x0 > imageWidth * LONG_LINE) slopes.push(Math.atan2(y1 - y0, x1 - x0));
  }
  return median(slopes) ?? 0;
}

/**
 * The page's runs. `scale`: image pixels per PDF unit; `box`: the page box the image shows
 * (`[x0, y0, x1, y1]`, PDF units); the image is `width` × `height` pixels.
 */
export function ocrPageItems(result: OcrResult, image: { readonly width: number; readonly height: number }, scale: number, box: PageItems['box'], pixelRules: readonly PixelRule[] = []): PageItems {
  const skew = skewOf(result, image.width);
  const cos = Math.cos(-skew);
  const sin = Math.sin(-skew);
  const cx = image.width / 2;
  const cy = image.height / 2;
  // Image pixels (y down) → straightened → PDF units (y up).
  const straight = (x: number, y: number): [number, number] => [cx + (x - cx) * cos - (y - cy) * sin, cy + (x - cx) * sin + (y - cy) * cos];
  const toPdf = (x: number, y: number): [number, number] => [box[0] + x / scale, box[3] - y / scale];
  const items: TextItem[] = [];
  for (const line of result.lines) {
    const { x0, y0, x1, y1 } = line.baseline;
    const slope = x1 > x0 ? (y1 - y0) / (x1 - x0) : 0;
    const baselineAt = (x: number): number => y0 + (x - x0) * slope;
    // Glyph size: the median word height (CJK glyphs fill the em; Latin words have ascenders).
    const glyphPx = median(line.words.map((w) => w.bbox.y1 - w.bbox.y0)) ?? 0;
    const size = glyphPx / scale;
    // Words the engine put on one line whose own feet stand apart by more than a third of a glyph
    // are on lines of their own (the cells of a table row, vertically centred, each a line or
    // more tall): each group its own baseline.
    const mid = (w: (typeof line.words)[number]): number => (w.bbox.x0 + w.bbox.x1) / 2;
    const foot = line.words.map((w) => straight(mid(w), w.bbox.y1)[1]);
    const order = line.words.map((_, k) => k).sort((a, b) => foot[a]! - foot[b]!);
    const group = new Array<number>(line.words.length).fill(0);
    for (let k = 1; k < order.length; k++) group[order[k]!] = group[order[k - 1]!]! + (foot[order[k]!]! - foot[order[k - 1]!]! > glyphPx / 3 ? 1 : 0);
    // The baseline, straightened: the mean over the line's words; where the line parts, the mean
    // of each group's feet.
    const ys = line.words.map((w) => straight(mid(w), baselineAt(mid(w)))[1]);
    const whole = ys.reduce((a, b) => a + b, 0) / ys.length;
    const feet = new Map<number, number[]>();
    group.forEach((g, k) => feet.set(g, [...(feet.get(g) ?? []), foot[k]!]));
    for (const [k, w] of line.words.entries()) {
      const mine = feet.get(group[k]!)!;
      const y = feet.size === 1 ? whole : mine.reduce((a, b) => a + b, 0) / mine.length;
      const [sx] = straight(w.bbox.x0, baselineAt(w.bbox.x0));
      const [px, py] = toPdf(sx, y);
      items.push({
        str: w.text,
        x: px,
        y: py,
        width: (w.bbox.x1 - w.bbox.x0) / scale,
        size: Math.max(size, 1),
        hasEOL: false,
        confidence: w.charConfidence,
      });
    }
  }
  const rules: Rule[] = pixelRules.map((r) => {
    const [x0, y1] = toPdf(r.x0, r.y0);
    const [x1, y0] = toPdf(r.x1 + 1, r.y1 + 1);
    return { x0, y0, x1, y1 };
  });
  return { box, items, ocr: true, ...(rules.length > 0 ? { rules } : {}) };
}

/** The median height of the words read, in image pixels: the glyph size rules are measured against. */
export function glyphHeight(result: OcrResult): number {
  return median(result.lines.flatMap((l) => l.words.map((w) => w.bbox.y1 - w.bbox.y0))) ?? 0;
}
