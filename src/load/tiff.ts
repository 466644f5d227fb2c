/**
 * A scan kept as a TIFF (`.tif`), as a fax server or an office scanner writes one: a page per image
 * directory, each page's rows in strips, bilevel pages coded as a fax codes them (CCITT Group 4 or
 * Group 3), grey or colour pages raw, PackBits, LZW or Deflate. Each strip is handed to a PDF as it is
 * stored, under the PDF filter that decodes the same coding (`/CCITTFaxDecode`, `/RunLengthDecode`,
 * `/LZWDecode`, `/FlateDecode`), the page sized by its resolution (a fax's 204 × 196 dpi pixels are
 * not square), so that the PDF reader's OCR reads it as any scanned PDF. Pure.
 */
import { GuidelineError } from '../types.js';
import { reason } from '../messages/reasons.js';
import type { PdfImage, PdfPage } from './pdf-writer.js';

export function isTiff(bytes: Uint8Array): boolean {
  return bytes.length > 8 && ((bytes[0] === 0x49 && bytes[1] === 0x49 && bytes[2] === 42 && bytes[3] === 0) || (bytes[0] === 0x4d && bytes[1] === 0x4d && bytes[2] === 0 && bytes[3] === 42));
}

/** Most pages read from one TIFF. */
const MAX_PAGES = 200;

type Tags = Map<number, number[]>;

/** The image directories of a TIFF, each as its tags' values. */
function directories(bytes: Uint8Array): Tags[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const le = bytes[0] === 0x49;
  const u16 = (o: number): number => view.getUint16(o, le);
  const u32 = (o: number): number => view.getUint32(o, le);
  const SIZE: Record<number, number> = { 1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8 };
  const out: Tags[] = [];
  const seen = new Set<number>();
  for (let at = u32(4); at !== 0 && out.length < MAX_PAGES; ) {
    if (seen.has(at) || at + 2 > bytes.length) break;
    seen.add(at);
    const count = u16(at);
    const tags: Tags = new Map();
    for (let k = 0; k < count; k++) {
      const e = at + 2 + k * 12;
      if (e + 12 > bytes.length) break;
      const tag = u16(e);
      const type = u16(e + 2);
      const n = u32(e + 4);
      const size = (SIZE[type] ?? 1) * n;
      const base = size <= 4 ? e + 8 : u32(e + 8);
      const values: number[] = [];
      for (let i = 0; i < Math.min(n, 100_000) && base + (SIZE[type] ?? 1) * (i + 1) <= bytes.length; i++) {
        const o = base + (SIZE[type] ?? 1) * i;
        values.push(type === 3 ? u16(o) : type === 4 ? u32(o) : type === 5 ? u32(o) / Math.max(1, u32(o + 4)) : bytes[o]!);
      }
      tags.set(tag, values);
    }
    out.push(tags);
    const nextAt = at + 2 + count * 12;
    at = nextAt + 4 <= bytes.length ? u32(nextAt) : 0;
  }
  return out;
}

/** Each byte's bits in the other order (FillOrder 2: the first pixel in the lowest bit). */
function reversed(data: Uint8Array): Uint8Array {
  const out = new Uint8Array(data.length);
  for (let i = 0; i < data.length; i++) {
    let b = data[i]!;
    b = ((b & 0xf0) >> 4) | ((b & 0x0f) << 4);
    b = ((b & 0xcc) >> 2) | ((b & 0x33) << 2);
    out[i] = ((b & 0xaa) >> 1) | ((b & 0x55) << 1);
  }
  return out;
}

/** A page of a TIFF: its strips as PDF images, the page sized by its resolution. */
function pageOf(bytes: Uint8Array, tags: Tags): PdfPage | null {
  const one = (tag: number, fallback: number): number => tags.get(tag)?.[0] ?? fallback;
  const width = one(256, 0);
  const height = one(257, 0);
  const bits = one(258, 1);
  const samples = one(277, 1);
  const compression = one(259, 1);
  const photometric = one(262, 0);
  const rowsPerStrip = Math.min(height, one(278, height) || height);
  const offsets = tags.get(273) ?? [];
  const counts = tags.get(279) ?? [];
  if (width === 0 || height === 0 || offsets.length === 0 || offsets.length !== counts.length) return null;
  if (samples !== 1 && samples !== 3) throw new GuidelineError('unsupported-format', reason('tiff-unsupported', 'samples', samples));
  const unit = one(296, 2);
  const perInch = (r: number): number => (r > 0 ? (unit === 3 ? r * 2.54 : r) : 200);
  const xdpi = perInch(one(282, 200));
  const ydpi = perInch(one(283, xdpi));
  const fillReversed = one(266, 1) === 2;
  const colours = samples === 3 ? '/DeviceRGB' : '/DeviceGray';
  // Bilevel or grey whose 0 is white (WhiteIsZero) draws inverted: PDF's grey 0 is black.
  const invert = photometric === 0 && compression !== 2 && compression !== 3 && compression !== 4 ? ' /Decode [1 0]' : '';
  const filter = ((): string | null => {
    switch (compression) {
      case 1:
        return '';
      case 2:
        return `/Filter /CCITTFaxDecode /DecodeParms << /K 0 /Columns ${width} /EncodedByteAlign true >>`;
      case 3:
        return `/Filter /CCITTFaxDecode /DecodeParms << /K ${(one(292, 0) & 1) === 1 ? 1 : 0} /Columns ${width}${(one(292, 0) & 4) === 4 ? ' /EncodedByteAlign true' : ''} >>`;
      case 4:
        return `/Filter /CCITTFaxDecode /DecodeParms << /K -1 /Columns ${width} >>`;
      case 5:
      case 8:
      case 32946: {
        const predictor = one(317, 1) === 2 ? ` /DecodeParms << /Predictor 2 /Colors ${samples} /BitsPerComponent ${bits} /Columns ${width} >>` : '';
        return `/Filter /${compression === 5 ? 'LZWDecode' : 'FlateDecode'}${predictor}`;
      }
      case 32773:
        return '/Filter /RunLengthDecode';
      default:
        return null;
    }
  })();
  if (filter === null) throw new GuidelineError('unsupported-format', reason('tiff-unsupported', 'compression', compression));
  const pageWidth = (width / xdpi) * 72;
  const pageHeight = (height / ydpi) * 72;
  const images: PdfImage[] = [];
  offsets.forEach((offset, k) => {
    const rows = Math.min(rowsPerStrip, height - k * rowsPerStrip);
    if (rows <= 0) return;
    let data = bytes.subarray(offset, Math.min(bytes.length, offset + counts[k]!));
    if (fillReversed && compression >= 2 && compression <= 4) data = reversed(data);
    const rowsParam = compression >= 2 && compression <= 4 ? filter.replace(/ >>$/, ` /Rows ${rows} >>`) : filter;
    const h = (rows / ydpi) * 72;
    images.push({ x: 0, y: pageHeight - ((k * rowsPerStrip) / ydpi) * 72 - h, width: pageWidth, height: h, dict: `/Width ${width} /Height ${rows} /ColorSpace ${colours} /BitsPerComponent ${bits}${invert} ${rowsParam}`, data });
  });
  return { width: pageWidth, height: pageHeight, images };
}

/** A TIFF's pages as PDF pages of its strips. */
export function tiffPages(bytes: Uint8Array): PdfPage[] {
  const pages = directories(bytes).flatMap((tags) => {
    const page = pageOf(bytes, tags);
    return page ? [page] : [];
  });
  if (pages.length === 0) throw new GuidelineError('unsupported-format', reason('image-damaged', 'TIFF'));
  return pages;
}
