/**
 * A scan that arrives as image files, not a PDF: a phone's 长截图 (one tall PNG of a whole
 * article), a scanner's JPEG, or an archive of page images. The images are decoded to grey, a tall
 * one cut into pages at blank rows, and the pages wrapped as a PDF of one image each, so that the
 * PDF reader's OCR, page layout and running heads read them as they read any scanned PDF. Pure.
 */
import { createRequire } from 'node:module';
import { GuidelineError } from '../types.js';
import { reason } from '../messages/reasons.js';
import type { GreyImage } from './page-image.js';
import type { PdfPage } from './pdf-writer.js';
import { isTiff } from './tiff.js';

export function isPng(bytes: Uint8Array): boolean {
  return bytes.length > 8 && bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47 && bytes[4] === 0x0d && bytes[5] === 0x0a;
}

/** Whether the bytes are an image this tool reads (PNG, JPEG). */
export function isImage(bytes: Uint8Array): boolean {
  return isPng(bytes) || isJpeg(bytes) || isTiff(bytes);
}

export function isJpeg(bytes: Uint8Array): boolean {
  return bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
}

/** Most pixels decoded from one image (a 1080 × 40 000 screenshot is 43 million). */
const MAX_PIXELS = 120_000_000;

const fflate = (): typeof import('fflate') => createRequire(import.meta.url)('fflate') as typeof import('fflate');

/** An image file (PNG or JPEG) as grey pixels; transparent pixels are paper. */
export async function decodeImage(bytes: Uint8Array): Promise<GreyImage> {
  if (isPng(bytes)) return decodePng(bytes);
  if (isJpeg(bytes)) return decodeJpeg(bytes);
  throw new GuidelineError('unsupported-format', reason('image-unknown'));
}

interface PngHeader {
  readonly width: number;
  readonly height: number;
  readonly depth: number;
  readonly type: number;
  readonly interlace: number;
  readonly palette: Uint8Array | null;
  readonly alphaOfIndex: Uint8Array | null;
  /** The image data, its IDAT chunks joined. */
  readonly data: Uint8Array;
}

/** A PNG's chunks: its header's fields, its palette and transparency, its data. */
function pngChunks(bytes: Uint8Array): PngHeader {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let header = { width: 0, height: 0, depth: 8, type: 0, interlace: 0 };
  let palette: Uint8Array | null = null;
  let alphaOfIndex: Uint8Array | null = null;
  const data: Uint8Array[] = [];
  for (let at = 8; at + 8 <= bytes.length; ) {
    const length = view.getUint32(at);
    const kind = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    const body = bytes.subarray(at + 8, at + 8 + length);
    if (body.length < length || kind === 'IEND') break;
    if (kind === 'IHDR') header = { width: view.getUint32(at + 8), height: view.getUint32(at + 12), depth: body[8]!, type: body[9]!, interlace: body[12]! };
    else if (kind === 'PLTE') palette = body;
    else if (kind === 'tRNS') alphaOfIndex = body;
    else if (kind === 'IDAT') data.push(body);
    at += 12 + length;
  }
  const joined = new Uint8Array(data.reduce((n, d) => n + d.length, 0));
  let o = 0;
  for (const d of data) {
    joined.set(d, o);
    o += d.length;
  }
  return { ...header, palette, alphaOfIndex, data: joined };
}

/** Undoes a row's PNG filter (0 none, 1 sub, 2 up, 3 average, 4 Paeth) into `row`, given the row above. */
function unfilter(filter: number, raw: Uint8Array, row: Uint8Array, previous: Uint8Array, step: number): void {
  for (let i = 0; i < row.length; i++) {
    const x = raw[i]!;
    const a = i >= step ? row[i - step]! : 0;
    const b = previous[i]!;
    const c = i >= step ? previous[i - step]! : 0;
    let v = x;
    if (filter === 1) v = x + a;
    else if (filter === 2) v = x + b;
    else if (filter === 3) v = x + ((a + b) >> 1);
    else if (filter === 4) {
      const p = a + b - c;
      const pa = Math.abs(p - a);
      const pb = Math.abs(p - b);
      const pc = Math.abs(p - c);
      v = x + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c);
    }
    row[i] = v & 0xff;
  }
}

function decodePng(bytes: Uint8Array): GreyImage {
  const png = pngChunks(bytes);
  const { width, height, depth, type, palette, alphaOfIndex } = png;
  if (width === 0 || height === 0 || png.data.length === 0) throw new GuidelineError('unsupported-format', reason('image-damaged', 'PNG'));
  if (width * height > MAX_PIXELS) throw new GuidelineError('too-large', reason('image-too-large', width, height));
  if (png.interlace !== 0) throw new GuidelineError('unsupported-format', reason('image-interlaced'));
  const channels = ({ 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 } as Record<number, number>)[type];
  if (channels === undefined || (type === 3 && palette === null)) throw new GuidelineError('unsupported-format', reason('image-damaged', 'PNG'));
  let raw: Uint8Array;
  try {
    raw = fflate().unzlibSync(png.data);
  } catch {
    throw new GuidelineError('unsupported-format', reason('image-damaged', 'PNG'));
  }
  const bitsPerPixel = channels * depth;
  const stride = Math.ceil((width * bitsPerPixel) / 8);
  if (raw.length < (stride + 1) * height) throw new GuidelineError('unsupported-format', reason('image-damaged', 'PNG'));
  const sample = (line: Uint8Array, x: number, c: number): number => {
    if (depth === 8) return line[x * channels + c]!;
    if (depth === 16) return line[(x * channels + c) * 2]!;
    const bit = (x * channels + c) * depth;
    const v = (line[bit >> 3]! >> (8 - depth - (bit & 7))) & ((1 << depth) - 1);
    return type === 3 ? v : Math.round((v * 255) / ((1 << depth) - 1));
  };
  // Each pixel's grey (BT.601 weights) and alpha, composited on white paper.
  const greyAt = (row: Uint8Array, x: number): number => {
    let rgb: [number, number, number];
    let alpha = 255;
    if (type === 3) {
      const index = sample(row, x, 0);
      rgb = [palette![index * 3] ?? 255, palette![index * 3 + 1] ?? 255, palette![index * 3 + 2] ?? 255];
      alpha = alphaOfIndex?.[index] ?? 255;
    } else if (channels <= 2) {
      const g = sample(row, x, 0);
      rgb = [g, g, g];
      if (channels === 2) alpha = sample(row, x, 1);
    } else {
      rgb = [sample(row, x, 0), sample(row, x, 1), sample(row, x, 2)];
      if (channels === 4) alpha = sample(row, x, 3);
    }
    const grey = (rgb[0] * 77 + rgb[1] * 150 + rgb[2] * 29) >> 8;
    return alpha === 255 ? grey : 255 - (((255 - grey) * alpha) >> 8);
  };
  const pixels = new Uint8Array(width * height);
  let previous = new Uint8Array(stride);
  let row = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    const base = y * (stride + 1);
    unfilter(raw[base]!, raw.subarray(base + 1, base + 1 + stride), row, previous, Math.max(1, bitsPerPixel >> 3));
    for (let x = 0; x < width; x++) pixels[y * width + x] = greyAt(row, x);
    [previous, row] = [row, previous];
  }
  return { width, height, pixels };
}

async function decodeJpeg(bytes: Uint8Array): Promise<GreyImage> {
  const { JpegImage } = await import('pdfjs-dist/image_decoders/pdf.image_decoders.mjs');
  const jpeg = new JpegImage();
  try {
    jpeg.parse(bytes);
  } catch {
    throw new GuidelineError('unsupported-format', reason('image-damaged', 'JPEG'));
  }
  const { width, height } = jpeg;
  if (width * height > MAX_PIXELS) throw new GuidelineError('too-large', reason('image-too-large', width, height));
  const rgb = jpeg.getData({ width, height, forceRGB: true });
  const pixels = new Uint8Array(width * height);
  for (let i = 0, j = 0; j < pixels.length; i += 3, j++) pixels[j] = (rgb[i]! * 77 + rgb[i + 1]! * 150 + rgb[i + 2]! * 29) >> 8;
  return { width, height, pixels };
}

/** Page proportions the cut aims at (A4's height over its width). */
const PAGE_RATIO = 297 / 210;

/**
 * A tall image cut into pages at rows without ink, each about an A4 page's proportion: a 长截图's
 * whole article as pages, never a cut through a line of text (where no blank row is near, at the
 * row with least ink). An image of a page's proportion or less is one page.
 */
export function cutPages(image: GreyImage): GreyImage[] {
  const { width, height, pixels } = image;
  const target = Math.round(width * PAGE_RATIO);
  if (height <= target * 1.25) return [image];
  // Ink per row: pixels clearly darker than the row's paper.
  const ink = new Uint32Array(height);
  for (let y = 0; y < height; y++) {
    let n = 0;
    for (let x = 0, o = y * width; x < width; x++, o++) if (pixels[o]! < 160) n++;
    ink[y] = n;
  }
  const pages: GreyImage[] = [];
  let top = 0;
  while (height - top > target * 1.25) {
    const from = top + Math.round(target * 0.75);
    const to = Math.min(height - 1, top + target);
    // The middle of the longest run of quiet rows, searched from the target back.
    let best = to;
    let bestRun = -1;
    let bestInk = Infinity;
    let run = 0;
    for (let y = from; y <= to; y++) {
      const quiet = ink[y]! <= Math.max(1, width >> 9);
      run = quiet ? run + 1 : 0;
      if (quiet && run >= bestRun) {
        bestRun = run;
        best = y - (run >> 1);
      } else if (bestRun < 0 && ink[y]! < bestInk) {
        bestInk = ink[y]!;
        best = y;
      }
    }
    pages.push(crop(image, top, best));
    top = best;
  }
  pages.push(crop(image, top, height));
  return pages;
}

function crop(image: GreyImage, top: number, bottom: number): GreyImage {
  return { width: image.width, height: bottom - top, pixels: image.pixels.slice(top * image.width, bottom * image.width) };
}

/**
 * A grey page as a PDF page of one full-page image, at the resolution that makes the page A4 wide
 * (a phone's 1080-pixel screenshot: 131 dpi).
 */
export function greyPdfPage(page: GreyImage): PdfPage {
  const width = 595.28;
  const height = Math.round(page.height * (width / page.width) * 100) / 100;
  const data = fflate().zlibSync(page.pixels, { level: 6 });
  return { width, height, images: [{ x: 0, y: 0, width, height, dict: `/Width ${page.width} /Height ${page.height} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode`, data }] };
}
