/**
 * One PDF page read by OCR: is there a scan to read, at what resolution; render it with pdf.js onto
 * an `@napi-rs/canvas` canvas (pdfjs-dist's optional dependency: rendering, unlike text extraction,
 * needs it); clean the image (`page-image.ts`); read it (`ocr.ts`); give back positioned runs
 * (`ocr-lines.ts`). Loaded by `pdfjs.ts` only when a page has no text layer (or `--ocr force`).
 */
import { createRequire } from 'node:module';
import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { GuidelineError } from '../types.js';
import { reason } from '../messages/reasons.js';
import { readRegions, recognise } from './ocr.js';
import { glyphHeight, ocrPageItems, skewOf } from './ocr-lines.js';
import { drawsTable, eraseRules, inkedEmptyCells, scanRules, splitAtRules } from './scan-rules.js';
import { despeckle, greyFromRgba, type GreyImage } from './page-image.js';
import type { PageItems } from './pdf-lines.js';
import { IDENTITY, multiply, type Matrix } from './pdf-rules.js';

/** Rendering resolution bounds: scans are made at 200–300 dpi, and the recogniser reads a line at 48 px high whatever its size. */
export const MIN_DPI = 200;
export const MAX_DPI = 300;
/** Below this a scan is too coarse for OCR: body glyphs are a handful of pixels tall. */
export const MIN_SCAN_DPI = 100;
/** Glyph height, in pixels, a text-layer page is rendered to (`--ocr force`): that of a 200-dpi scan of 12 pt print. */
const GLYPH_PX = 32;
/** Share of the page an image must cover to be a scan (not a logo or a stamp). */
const SCAN_COVERAGE = 0.2;
/**
 * Paths a page without a text layer must draw to be text drawn as outlines (a PDF whose fonts were
 * converted to curves): read by OCR like a scan. A table's rules or a logo draw far fewer.
 */
const OUTLINED_TEXT_PATHS = 200;
/**
 * Specks of at most this many pixels at 200 dpi are removed (scaled by area at other resolutions).
 * Measured on the test scan (`2025-batch1-draft.scan.pdf`): 98.4% of characters right with 3,
 * 98.7% with 6, 97.7% with 10; the decimal point of `4.02亿元` is kept by all three.
 */
const SPECK_AT_200 = 6;

export interface PdfJsParts {
  readonly OPS: Readonly<Record<string, number>>;
  /** Runs `fn` with the globals pdf.js's canvas code needs while it draws (see `pdfjs.ts`). */
  readonly withCanvasGlobals: <T>(fn: () => Promise<T>) => Promise<T>;
  /** The folder of pdfjs-dist, from where its optional `@napi-rs/canvas` resolves. */
  readonly pdfjsDir: string;
}

export interface PageOcr {
  readonly items: PageItems;
  readonly dpi: number;
  readonly meanConfidence: number;
}


export interface PageImages {
  /** Share of the page area the images cover (overlaps counted twice; capped at 1). */
  readonly coverage: number;
  /** Resolution of the largest image, in pixels per inch along its width; null without images. */
  readonly dpi: number | null;
  /** Paths drawn (`constructPath` operations). */
  readonly paths: number;
  /**
   * The page's one image when the page draws that image and nothing else (a plain scan): its
   * object id in pdf.js, its size in pixels and the transformation of its unit square. Null
   * otherwise: more images, text, paths, a graphics state, a clip, an annotation.
   */
  readonly sole: SoleImage | null;
}

export interface SoleImage {
  readonly objId: string;
  readonly width: number;
  readonly height: number;
  readonly ctm: Matrix;
}

/**
 * Operations that draw nothing and change nothing but the transformation a scan is drawn with. A
 * form is not among them: its bounding box clips what it draws.
 */
const NEUTRAL = ['save', 'restore', 'transform', 'dependency', 'beginMarkedContent', 'beginMarkedContentProps', 'endMarkedContent', 'markPoint', 'markPointProps'];

/**
 * The images a page paints, from its operator list: each image fills the unit square of the
 * transformation in force (`cm` and form matrices, with `q`/`Q` nesting).
 */
export function pageImages(fnArray: readonly number[], argsArray: readonly unknown[], OPS: Readonly<Record<string, number>>, pageArea: number): PageImages {
  let ctm: Matrix = IDENTITY;
  const stack: Matrix[] = [];
  let covered = 0;
  let largest = 0;
  let dpi: number | null = null;
  let paths = 0;
  let paints = 0;
  let others = 0;
  let sole: SoleImage | null = null;
  const neutral = new Set(NEUTRAL.map((name) => OPS[name]));
  const paint = (w: number, h: number): void => {
    paints++;
    const area = Math.abs(ctm[0] * ctm[3] - ctm[1] * ctm[2]);
    covered += area;
    const widthPt = Math.hypot(ctm[0], ctm[1]);
    const heightPt = Math.hypot(ctm[2], ctm[3]);
    if (area > largest && widthPt > 0 && heightPt > 0) {
      largest = area;
      dpi = Math.min(w / (widthPt / 72), h / (heightPt / 72));
    }
  };
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as unknown[] | null;
    if (fn === OPS.constructPath) paths++;
    else if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform && args) ctm = multiply(ctm, args as number[]);
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push(ctm);
      const m = args?.[0] as ArrayLike<number> | null | undefined;
      if (m && m.length === 6) ctm = multiply(ctm, Array.from(m));
    } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.paintImageXObject && args) {
      paint(Number(args[1]), Number(args[2]));
      if (typeof args[0] === 'string') sole = { objId: args[0], width: Number(args[1]), height: Number(args[2]), ctm };
    } else if ((fn === OPS.paintInlineImageXObject || fn === OPS.paintImageMaskXObject) && args) {
      const img = args[0] as { width?: number; height?: number } | undefined;
      if (img?.width && img.height) paint(img.width, img.height);
    }
    if (!neutral.has(fn!) && fn !== OPS.paintImageXObject) others++;
  }
  return { coverage: pageArea > 0 ? Math.min(1, covered / pageArea) : 0, dpi, paths, sole: paints === 1 && others === 0 ? sole : null };
}

interface Canvas {
  getContext(kind: '2d'): { fillStyle: string; fillRect(x: number, y: number, w: number, h: number): void; getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } };
}
let canvasModule: { createCanvas(w: number, h: number): Canvas } | null | undefined;

function loadCanvas(pdfjsDir: string, page: number): { createCanvas(w: number, h: number): Canvas } {
  if (canvasModule === undefined) {
    try {
      canvasModule = createRequire(`${pdfjsDir}/package.json`)('@napi-rs/canvas') as typeof canvasModule;
    } catch {
      canvasModule = null;
    }
  }
  if (!canvasModule) {
    throw new GuidelineError(
      'ocr-unavailable',
      reason('ocr-no-canvas', page),
    );
  }
  return canvasModule;
}

/** Whether `--ocr auto` would read this page (without a text layer): it shows a scan or outlined text. */
export async function wouldRead(page: PDFPageProxy, OPS: Readonly<Record<string, number>>): Promise<boolean> {
  return (await pageShows(page, OPS)).read;
}

/**
 * What a page without a text layer shows, for OCR: a scan or outlined text, which `--ocr auto`
 * reads (`read`); or nothing at all, no image and no path (`blank`), which even `--ocr force` has
 * no use reading. Neither counts towards the OCR page limit unless OCR would read it.
 */
export async function pageShows(page: PDFPageProxy, OPS: Readonly<Record<string, number>>): Promise<{ read: boolean; blank: boolean }> {
  const [x0, y0, x1, y1] = page.view as [number, number, number, number];
  const ops = await page.getOperatorList();
  const images = pageImages(ops.fnArray, ops.argsArray, OPS, (x1 - x0) * (y1 - y0));
  return {
    read: (images.coverage >= SCAN_COVERAGE && images.dpi !== null) || images.paths >= OUTLINED_TEXT_PATHS,
    blank: images.coverage === 0 && images.paths === 0,
  };
}

/** Page `n` rendered by pdf.js at `dpi`, in grey on white paper (its /Rotate applied). */
export async function renderGrey(page: PDFPageProxy, n: number, dpi: number, pdf: Pick<PdfJsParts, 'withCanvasGlobals' | 'pdfjsDir'>, signal?: AbortSignal): Promise<GreyImage> {
  const { createCanvas } = loadCanvas(pdf.pdfjsDir, n);
  signal?.throwIfAborted();
  const scale = dpi / 72;
  const viewport = page.getViewport({ scale });
  const width = Math.ceil(viewport.width);
  const height = Math.ceil(viewport.height);
  const canvas = createCanvas(width, height);
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, width, height);
  await pdf.withCanvasGlobals(async () => {
    const task = page.render({ canvasContext: context as never, canvas: canvas as never, viewport });
    const cancel = (): void => task.cancel();
    signal?.addEventListener('abort', cancel, { once: true });
    try {
      await task.promise;
    } finally {
      signal?.removeEventListener('abort', cancel);
    }
  });
  signal?.throwIfAborted();
  return greyFromRgba(context.getImageData(0, 0, width, height).data, width, height);
}

/** pdf.js's decoded image (`ImageKind`: 1 one bit a pixel, rows padded to bytes, 1 white; 2 RGB; 3 RGBA). */
interface DecodedImage {
  readonly width: number;
  readonly height: number;
  readonly kind: number;
  readonly data?: Uint8Array | Uint8ClampedArray;
}

/** Grey from pdf.js's decoded image, as pdf.js would draw it on white paper; null for a kind it has not. */
export function greyFromDecoded(img: DecodedImage): GreyImage | null {
  const { width, height, kind, data } = img;
  if (!data) return null;
  if (kind === 3 && data.length >= width * height * 4) return greyFromRgba(data, width, height);
  const pixels = new Uint8Array(width * height);
  if (kind === 2 && data.length >= width * height * 3) {
    for (let i = 0, j = 0; j < pixels.length; i += 3, j++) pixels[j] = (data[i]! * 77 + data[i + 1]! * 150 + data[i + 2]! * 29) >> 8;
    return { width, height, pixels };
  }
  const row = (width + 7) >> 3;
  if (kind === 1 && data.length >= row * height) {
    for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) pixels[y * width + x] = data[y * row + (x >> 3)]! & (128 >> (x & 7)) ? 255 : 0;
    return { width, height, pixels };
  }
  return null;
}

/**
 * A plain scan's own pixels, where pdf.js would draw them one for one: the page is its one image
 * (`PageImages.sole`), upright, over the whole page box, at `dpi` to within a pixel, the page not
 * turned (/Rotate) or scaled (/UserUnit). Null otherwise, and the page is drawn by pdf.js. Its
 * decoding, which the operator list started, is awaited; no canvas is drawn, and nothing decoded
 * twice.
 */
export async function scanPixels(page: PDFPageProxy, sole: SoleImage, dpi: number, signal?: AbortSignal): Promise<GreyImage | null> {
  const [x0, y0, x1, y1] = page.view as [number, number, number, number];
  const [a, b, c, d, e, f] = sole.ctm;
  const px = 72 / dpi;
  const near = (u: number, v: number): boolean => Math.abs(u - v) <= px;
  if (page.rotate % 360 !== 0 || (page.userUnit ?? 1) !== 1 || b !== 0 || c !== 0 || a <= 0 || d <= 0) return null;
  if (!near(e, x0) || !near(f, y0) || !near(e + a, x1) || !near(f + d, y1)) return null;
  if (Math.abs(sole.width - Math.ceil((x1 - x0) / px)) > 1 || Math.abs(sole.height - Math.ceil((y1 - y0) / px)) > 1) return null;
  signal?.throwIfAborted();
  const objs = sole.objId.startsWith('g_') ? page.commonObjs : page.objs;
  const decoded = await new Promise<DecodedImage | null>((resolve, reject) => {
    const abort = (): void => reject(signal!.reason as Error);
    signal?.addEventListener('abort', abort, { once: true });
    objs.get(sole.objId, (data: unknown) => {
      signal?.removeEventListener('abort', abort);
      resolve(data as DecodedImage | null);
    });
  });
  return decoded ? greyFromDecoded(decoded) : null;
}

/**
 * Reads one page by OCR. Null when there is nothing to read: no scan and no outlined text (a blank
 * page, a logo, a few rules) — unless `force`, which renders whatever the page shows, but for a
 * page without a text layer (`textSizes` empty) that shows nothing at all: the same judgement as
 * `pageShows`, on the operator list that then draws the page. Throws `GuidelineError` for a scan
 * too coarse to read and when rendering is impossible; `signal` aborts (the time limit).
 */
export async function ocrPage(page: PDFPageProxy, n: number, textSizes: readonly number[], force: boolean, pdf: PdfJsParts, signal: AbortSignal): Promise<PageOcr | null> {
  const [x0, y0, x1, y1] = page.view as [number, number, number, number];
  const ops = await page.getOperatorList();
  const images = pageImages(ops.fnArray, ops.argsArray, pdf.OPS, (x1 - x0) * (y1 - y0));
  const scan = images.coverage >= SCAN_COVERAGE && images.dpi !== null;
  if (!scan && !force && images.paths < OUTLINED_TEXT_PATHS) return null;
  if (textSizes.length === 0 && images.coverage === 0 && images.paths === 0) return null;
  let dpi: number;
  if (scan && textSizes.length === 0) {
    if (images.dpi! < MIN_SCAN_DPI) {
      throw new GuidelineError(
        'ocr-unreadable',
        reason('ocr-coarse-scan', n, Math.round(images.dpi!), MIN_SCAN_DPI),
      );
    }
    // The scan's own resolution, within the usual range.
    dpi = Math.min(MAX_DPI, Math.max(MIN_DPI, Math.round(images.dpi!)));
  } else {
    // The text layer's glyph size, rendered GLYPH_PX tall.
    const sorted = [...textSizes].sort((a, b) => a - b);
    const size = sorted[sorted.length >> 1] ?? 12;
    dpi = Math.min(MAX_DPI, Math.max(MIN_DPI, Math.round((GLYPH_PX / size) * 72)));
  }
  // The canvas is needed whichever way the page is read: a page that is more than its scan is
  // drawn, and the message for a missing canvas does not depend on what the page holds.
  loadCanvas(pdf.pdfjsDir, n);
  const image = (images.sole && (await scanPixels(page, images.sole, dpi, signal))) || (await renderGrey(page, n, dpi, pdf, signal));
  // Its decoded image goes: only the grey page is kept while it is read.
  page.cleanup();
  despeckle(image, Math.round(SPECK_AT_200 * (dpi / 200) ** 2));
  let result = await recognise(image, signal);
  // A table's borders, found in the pixels: painted out and the page read again, so that each
  // cell is read alone (a border beside a cell's text is read as a character); they go with the
  // words to the layout, which reads the table by them.
  const skew = skewOf(result, image.width);
  const rules = scanRules(image, skew, glyphHeight(result));
  if (drawsTable(rules)) {
    eraseRules(image, rules, skew);
    result = await recognise(image, signal, (regions) => splitAtRules(regions, rules, skew, image.width, image.height));
    // A cell with ink in it and no word read (a lone digit the detector passed over): read alone.
    const cos = Math.cos(-skew);
    const sin = Math.sin(-skew);
    const [mx, my] = [image.width / 2, image.height / 2];
    const centres = result.lines.flatMap((l) =>
      l.words.map((w): [number, number] => {
        const x = (w.bbox.x0 + w.bbox.x1) / 2 - mx;
        const y = (w.bbox.y0 + w.bbox.y1) / 2 - my;
        return [mx + x * cos - y * sin, my + x * sin + y * cos];
      }),
    );
    const more = await readRegions(image, inkedEmptyCells(image, rules, skew, glyphHeight(result), centres), signal);
    if (more.length > 0) result = { ...result, lines: [...result.lines, ...more] };
  }
  // In the frame of the page as shown (its /Rotate applied), in PDF units.
  const scale = dpi / 72;
  const items = ocrPageItems(result, image, scale, [0, 0, image.width / scale, image.height / scale], drawsTable(rules) ? rules : []);
  let sum = 0;
  let count = 0;
  for (const it of items.items) {
    for (const c of it.confidence ?? []) {
      sum += c;
      count++;
    }
  }
  return { items, dpi, meanConfidence: count > 0 ? Math.round((sum / count) * 10) / 10 : 0 };
}
