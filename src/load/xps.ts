/**
 * Reads an XPS or OpenXPS document (`.xps`, `.oxps`: what Windows' XPS Document Writer prints) as
 * the PDF reader reads a PDF: each page's `Glyphs` (a run of text at `OriginX`/`OriginY`, its
 * baseline, in 1/96 inch from the page's top left, `FontRenderingEmSize` its size, `Indices` its
 * advances in hundredths of an em) become positioned runs, the transforms of the canvases around
 * them applied, and `buildLines` (`pdf-lines.ts`) does the rest: lines from runs in the order of the
 * page (never the order of the file, which may put the page number first), page numbers and
 * running headers removed and logged. The pages are those the document's sequence lists
 * (`FixedDocumentSequence.fdseq` → `FixedDocument.fdoc` → `*.fpage`), else every page by its
 * number. The text is Unicode in the file, so no font is read. Pure.
 */
import { GuidelineError } from '../types.js';
import { reason } from '../messages/reasons.js';
import { pagesText, type PageItems, type PagesText, type TextItem } from './pdf-lines.js';
import { kids, partPath, type XmlElement, xmlPart } from './xml.js';
import { naturalOrder } from './archive.js';

type Files = Readonly<Record<string, Uint8Array>>;

/** Points in an XPS unit (1/96 inch). */
const PT = 72 / 96;

const xmlOf = (files: Files, name: string): XmlElement | undefined => xmlPart(files, name, (part, detail) => new GuidelineError('unsupported-format', reason('xps-bad-xml', part), detail));

/** The pages of the document, in the order its sequence lists them. */
function pageParts(files: Files): string[] {
  const names = Object.keys(files);
  const seqPath = names.find((n) => /\.fdseq$/i.test(n));
  const out: string[] = [];
  const seq = seqPath ? xmlOf(files, seqPath) : undefined;
  for (const ref of seq ? kids(seq, 'DocumentReference') : []) {
    const docPath = partPath(seqPath!, ref.attrs['Source'] ?? '');
    const doc = xmlOf(files, docPath);
    for (const pc of doc ? kids(doc, 'PageContent') : []) out.push(partPath(docPath, pc.attrs['Source'] ?? ''));
  }
  if (out.length > 0) return out.filter((p) => files[p] !== undefined);
  // No sequence: the pages by their numbers.
  return names.filter((n) => /\.fpage$/i.test(n)).sort(naturalOrder);
}

type Matrix = readonly [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** `m11,m12,m21,m22,dx,dy`. */
function matrixOf(s: string | undefined): Matrix {
  const n = (s ?? '').split(/[\s,]+/).filter((x) => x !== '').map(Number);
  return n.length === 6 && n.every(Number.isFinite) ? (n as unknown as Matrix) : IDENTITY;
}

/** `inner` then `outer`. */
const times = (inner: Matrix, outer: Matrix): Matrix => [
  inner[0] * outer[0] + inner[1] * outer[2],
  inner[0] * outer[1] + inner[1] * outer[3],
  inner[2] * outer[0] + inner[3] * outer[2],
  inner[2] * outer[1] + inner[3] * outer[3],
  inner[4] * outer[0] + inner[5] * outer[2] + outer[4],
  inner[4] * outer[1] + inner[5] * outer[3] + outer[5],
];

interface Run {
  readonly str: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly size: number;
}

/** A `Glyphs` element's text (`{}` escapes a string that starts with `{`) and its advance. */
function glyphsRun(g: XmlElement, m: Matrix): Run | null {
  const raw = g.attrs['UnicodeString'] ?? '';
  const str = raw.startsWith('{}') ? raw.slice(2) : raw;
  if (str.trim() === '') return null;
  const size = Number(g.attrs['FontRenderingEmSize']) || 12;
  const x0 = Number(g.attrs['OriginX']) || 0;
  const y0 = Number(g.attrs['OriginY']) || 0;
  const advances = (g.attrs['Indices'] ?? '').split(';').map((e) => {
    const a = e.split(',')[1];
    return a !== undefined && a.trim() !== '' ? Number(a) : null;
  });
  const chars = Array.from(str);
  let width = 0;
  for (let i = 0; i < chars.length; i++) width += ((advances[i] ?? ((chars[i]!.codePointAt(0) ?? 0) > 0x2e7f ? 100 : 50)) / 100) * size;
  const scale = Math.hypot(m[0], m[1]);
  return { str, x: x0 * m[0] + y0 * m[2] + m[4], y: x0 * m[1] + y0 * m[3] + m[5], width: width * scale, size: size * Math.hypot(m[2], m[3]) };
}

function drawn(e: XmlElement, m: Matrix, out: Run[]): void {
  for (const c of kids(e)) {
    const own = c.attrs['RenderTransform'] !== undefined ? times(matrixOf(c.attrs['RenderTransform']), m) : m;
    if (c.name === 'Glyphs') {
      const run = glyphsRun(c, own);
      if (run) out.push(run);
    } else if (c.name === 'Canvas') drawn(c, own, out);
  }
}

export function readXps(files: Files): PagesText {
  const parts = pageParts(files);
  if (parts.length === 0) throw new GuidelineError('unsupported-format', reason('xps-no-pages'));
  const pages: PageItems[] = parts.map((path) => {
    const page = xmlOf(files, path);
    const width = Number(page?.attrs['Width']) || 816;
    const height = Number(page?.attrs['Height']) || 1056;
    const runs: Run[] = [];
    if (page) drawn(page, IDENTITY, runs);
    const items: TextItem[] = runs
      .map((r) => ({ str: r.str, x: r.x * PT, y: (height - r.y) * PT, width: r.width * PT, size: r.size * PT, hasEOL: false }))
      // In reading order (top to bottom, then left to right), never the file's.
      .sort((p, q) => q.y - p.y || p.x - q.x);
    return { box: [0, 0, width * PT, height * PT], items };
  });
  return pagesText(pages, () => new GuidelineError('pdf-no-text', reason('xps-no-text', pages.length)));
}
