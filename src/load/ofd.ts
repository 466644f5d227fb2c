/**
 * Reads an OFD document (GB/T 33190, the fixed-layout format government systems export, `.ofd`)
 * as the PDF reader reads a PDF: each page's text objects become positioned runs (`TextItem`), its
 * straight path segments become ruling lines (`Rule`), and `buildLines` (`pdf-lines.ts`) does the
 * rest — lines from runs, page numbers and running headers removed and logged, tables read cell by
 * cell, two columns read one after the other. The text is Unicode in the file (`ct:TextCode`), so
 * no font is read.
 *
 * The package: `OFD.xml` names each document's root (`DocRoot`, e.g. `Doc_0/Document.xml`); the
 * document lists its pages (`Pages/Page@BaseLoc`, relative to the document's folder), the default
 * page box (`CommonData/PageArea/PhysicalBox`) and its templates (`CommonData/TemplatePage`: what a
 * page draws behind its content, often the running header). A page's content is layers of
 * `TextObject` (`Boundary="x y w h"` in mm from the page's top-left corner, `Size` in mm, an
 * optional `CTM`) holding `TextCode` runs (`X`, `Y`: the baseline, relative to the boundary;
 * `DeltaX`: each next glyph's advance, `g N d` for N advances of d), and `PathObject`s
 * (`AbbreviatedData`: `M x y`, `L x y`, … relative to the boundary), possibly inside `PageBlock`s.
 * Coordinates are turned into PDF points with the origin at the bottom-left, as `buildLines` wants.
 * Pure.
 */
import { GuidelineError } from '../types.js';
import { reason } from '../messages/reasons.js';
import { pagesText, type PageItems, type PagesText, type TextItem } from './pdf-lines.js';
import type { Rule } from './pdf-layout.js';
import { kid, kids, partPath, type XmlElement, xmlPart } from './xml.js';

type Files = Readonly<Record<string, Uint8Array>>;

/** Points in a millimetre. */
const PT = 72 / 25.4;

const xmlOf = (files: Files, name: string): XmlElement | undefined => xmlPart(files, name, (part, detail) => new GuidelineError('ofd-corrupt', reason('ofd-bad-xml', part), detail));

const textIn = (e: XmlElement | undefined): string => (e ? e.children.filter((c): c is string => typeof c === 'string').join('') : '');
const numbers = (s: string | undefined): number[] => (s ?? '').trim().split(/[\s,]+/).filter((x) => x !== '').map(Number);

/** A box `x y w h` in mm. */
interface Box {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}
const boxOf = (s: string | undefined): Box | null => {
  const [x, y, w, h] = numbers(s);
  return x !== undefined && y !== undefined && w !== undefined && h !== undefined && [x, y, w, h].every(Number.isFinite) ? { x, y, w, h } : null;
};

/** The advances of a `DeltaX` (or `DeltaY`): `g N d` stands for N advances of d. */
function deltas(s: string | undefined): number[] {
  const tokens = (s ?? '').trim().split(/\s+/).filter((t) => t !== '');
  const out: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i] === 'g') {
      const n = Number(tokens[i + 1]);
      const d = Number(tokens[i + 2]);
      for (let k = 0; k < n && k < 100000 && Number.isFinite(d); k++) out.push(d);
      i += 2;
    } else if (Number.isFinite(Number(tokens[i]))) out.push(Number(tokens[i]));
  }
  return out;
}

/** What one page draws: its runs and its straight lines, in page mm (origin top-left). */
interface Drawn {
  readonly items: { str: string; x: number; y: number; width: number; size: number }[];
  readonly segments: { x0: number; y0: number; x1: number; y1: number }[];
}

/** Reads the objects of a layer, a page block or a template's content into `out`. */
function drawObjects(e: XmlElement, out: Drawn): void {
  for (const c of kids(e)) {
    if (c.name === 'Layer' || c.name === 'PageBlock' || c.name === 'Content') drawObjects(c, out);
    else if (c.name === 'TextObject') drawText(c, out);
    else if (c.name === 'PathObject') drawPath(c, out);
  }
}

/** An object's `CTM="a b c d e f"` as the scale and shift it applies (a, d, e, f); identity where it has none. */
function ctmOf(o: XmlElement): [number, number, number, number] {
  const m = numbers(o.attrs['CTM']);
  return m.length === 6 && m.every(Number.isFinite) ? [m[0]!, m[3]!, m[4]!, m[5]!] : [1, 1, 0, 0];
}

function drawText(t: XmlElement, out: Drawn): void {
  const box = boxOf(t.attrs['Boundary']);
  if (!box) return;
  const [a, d, e, f] = ctmOf(t);
  const size = (Number(t.attrs['Size']) || 3.5) * Math.abs(d);
  let x = 0;
  let y = 0;
  for (const code of kids(t, 'TextCode')) {
    const str = textIn(code);
    if (code.attrs['X'] !== undefined) x = Number(code.attrs['X']) || 0;
    if (code.attrs['Y'] !== undefined) y = Number(code.attrs['Y']) || 0;
    if (str === '') continue;
    const advances = deltas(code.attrs['DeltaX']);
    // Glyphs without a stated advance: a CJK glyph is as wide as the size, a Latin one half.
    const glyph = (ch: string): number => ((ch.codePointAt(0) ?? 0) > 0x2e7f ? 1 : 0.5) * (Number(t.attrs['Size']) || 3.5);
    const chars = Array.from(str);
    let width = 0;
    for (let i = 0; i < chars.length; i++) width += i < chars.length - 1 ? (advances[i] ?? glyph(chars[i]!)) : glyph(chars[i]!);
    out.items.push({ str, x: box.x + e + a * x, y: box.y + f + d * y, width: width * Math.abs(a), size });
    x += width;
  }
}

function drawPath(p: XmlElement, out: Drawn): void {
  const box = boxOf(p.attrs['Boundary']);
  if (!box) return;
  const [a, d, e, f] = ctmOf(p);
  const tokens = textIn(kid(p, 'AbbreviatedData')).trim().split(/\s+/);
  let start: [number, number] | null = null;
  let at: [number, number] | null = null;
  const point = (i: number): [number, number] => [box.x + e + a * Number(tokens[i]), box.y + f + d * Number(tokens[i + 1])];
  for (let i = 0; i < tokens.length; i++) {
    const op = tokens[i];
    if (op === 'S' || op === 'M') {
      at = point(i + 1);
      start = at;
      i += 2;
    } else if (op === 'L') {
      const to = point(i + 1);
      if (at) out.segments.push({ x0: at[0], y0: at[1], x1: to[0], y1: to[1] });
      at = to;
      i += 2;
    } else if (op === 'C') {
      if (at && start) out.segments.push({ x0: at[0], y0: at[1], x1: start[0], y1: start[1] });
      at = start;
    } else if (op === 'Q') i += 4;
    else if (op === 'B') i += 6;
    else if (op === 'A') i += 7;
  }
}

/** Straight segments that run level or upright (a table's borders), as PDF rules. */
function rulesOf(segments: Drawn['segments'], height: number): Rule[] {
  const rules: Rule[] = [];
  for (const s of segments) {
    const level = Math.abs(s.y1 - s.y0) < 0.3;
    const upright = Math.abs(s.x1 - s.x0) < 0.3;
    if (!level && !upright) continue;
    rules.push({ x0: Math.min(s.x0, s.x1) * PT, x1: Math.max(s.x0, s.x1) * PT, y0: (height - Math.max(s.y0, s.y1)) * PT, y1: (height - Math.min(s.y0, s.y1)) * PT });
  }
  return rules;
}

/** Reads an `.ofd` (the files of its ZIP): the text of its first document, page by page. */
export function readOfd(files: Files): PagesText {
  const ofd = xmlOf(files, 'OFD.xml') ?? xmlOf(files, Object.keys(files).find((n) => /^ofd\.xml$/i.test(n)) ?? '');
  const rootLoc = textIn(kid(kid(ofd, 'DocBody'), 'DocRoot')).trim() || Object.keys(files).find((n) => /^Doc_\d+\/Document\.xml$/i.test(n)) || '';
  const rootPath = partPath('', rootLoc);
  const doc = xmlOf(files, rootPath);
  if (!doc) throw new GuidelineError('ofd-corrupt', reason('ofd-no-pages'));
  const common = kid(doc, 'CommonData');
  const defaultBox = boxOf(textIn(kid(kid(common, 'PageArea'), 'PhysicalBox'))) ?? { x: 0, y: 0, w: 210, h: 297 };
  const templates = new Map<string, string>();
  for (const t of kids(common, 'TemplatePage')) templates.set(t.attrs['ID'] ?? '', partPath(rootPath, t.attrs['BaseLoc'] ?? ''));
  const pageList = kids(kid(doc, 'Pages'), 'Page');
  if (pageList.length === 0) throw new GuidelineError('ofd-corrupt', reason('ofd-no-pages'));

  const pages: PageItems[] = pageList.map((entry) => {
    const path = partPath(rootPath, entry.attrs['BaseLoc'] ?? '');
    const page = xmlOf(files, path);
    const box = boxOf(textIn(kid(kid(page, 'Area'), 'PhysicalBox'))) ?? defaultBox;
    const drawn: Drawn = { items: [], segments: [] };
    if (page) {
      // The templates behind the content first, then those before it, as the page stacks them.
      const used = kids(page, 'Template');
      for (const t of used.filter((u) => u.attrs['ZOrder'] !== 'Foreground')) {
        const tpl = xmlOf(files, templates.get(t.attrs['TemplateID'] ?? '') ?? '');
        if (tpl) drawObjects(kid(tpl, 'Content') ?? tpl, drawn);
      }
      drawObjects(kid(page, 'Content') ?? page, drawn);
      for (const t of used.filter((u) => u.attrs['ZOrder'] === 'Foreground')) {
        const tpl = xmlOf(files, templates.get(t.attrs['TemplateID'] ?? '') ?? '');
        if (tpl) drawObjects(kid(tpl, 'Content') ?? tpl, drawn);
      }
    }
    const height = box.h;
    const items: TextItem[] = drawn.items
      .map((it) => ({ str: it.str, x: it.x * PT, y: (height - it.y) * PT, width: it.width * PT, size: it.size * PT, hasEOL: false }))
      // In reading order (top to bottom, then left to right), as a PDF's content usually is.
      .sort((p, q) => q.y - p.y || p.x - q.x);
    const rules = rulesOf(drawn.segments, height);
    return { box: [0, 0, box.w * PT, height * PT], items, ...(rules.length > 0 ? { rules } : {}) };
  });

  return pagesText(pages, () => new GuidelineError('pdf-no-text', reason('ofd-no-text', pages.length)));
}
