/**
 * Lines from positioned text: the geometry half of the PDF loader, pure (no pdf.js) so that it is
 * tested with synthetic items.
 *
 * Per page: drop text outside the page box and glyph runs drawn twice at a tiny offset (simulated
 * bold); group items into lines by baseline; order each line by x; join runs without inventing
 * spaces between CJK glyphs. Across pages: remove page numbers in the header or footer zone and
 * running headers and footers (the same text at the same height in the header or footer zone on
 * most pages). Every removal is logged with its page.
 *
 * Pages read by OCR come as items too (`ocr-lines.ts`: one per word, on its line's baseline, with
 * each character's confidence) and go through the same passes, with three allowances for a scan:
 * page numbers as OCR misreads them (`一 3 一`, `l/8`), running lines matched by their text and zone
 * alone (a scan sits a little higher or lower on each page), and each scanned page's own left margin
 * (each sheet lies a little differently on the scanner).
 */
import { displayWidth, isCjkOrPunct } from '../lexicon/chars.js';
import { pageNumberOf, RE_PAGE_COUNTER, runningLineQuorum } from '../lexicon/pagination.js';
import type { Removal, RemovalKind } from '../types.js';
import { cellTextWithConfidence } from './blocks.js';
import { layoutPage, type Gutter, type LayoutBlock, type Rule } from './pdf-layout.js';

/** One text run as a PDF gives it. Coordinates in PDF units, origin bottom-left. */
export interface TextItem {
  readonly str: string;
  /** x of the run's start and y of its baseline. */
  readonly x: number;
  readonly y: number;
  /** Advance width of the run. */
  readonly width: number;
  /** Font size (height of the text matrix). */
  readonly size: number;
  /** The PDF ends a line after this run. */
  readonly hasEOL: boolean;
  /** Read by OCR: the confidence (0–100) of each UTF-16 code unit of `str`. */
  readonly confidence?: readonly number[];
  /** The run's slope in degrees, where it is drawn at an angle (0 for level text, or absent). */
  readonly angle?: number;
}

export interface PageItems {
  /** Page box: [x0, y0, x1, y1]. */
  readonly box: readonly [number, number, number, number];
  readonly items: readonly TextItem[];
  /** The page was read by OCR (its items carry confidences). */
  readonly ocr?: boolean;
  /** Ruling lines the page draws (table borders), where its text may hold a table. */
  readonly rules?: readonly Rule[];
}

export interface PdfLine {
  readonly text: string;
  readonly page: number;
  /** 1-based line on the page, after noise removal. */
  readonly pageLine: number;
  /**
   * For a line read by OCR: the confidence (0–100) of each code unit of `text`; `NOT_OCR` for what
   * the loader put in (a paragraph indent, a space between words).
   */
  readonly confidence?: Uint8Array;
  /** A line of a column (of a page of two or more, or of cards side by side) that reaches the column's right edge: its paragraph goes on below it. */
  readonly wrapped?: boolean;
}

/** In a confidence array: a code unit that OCR did not read. */
export const NOT_OCR = 255;

export interface PdfText {
  readonly lines: readonly PdfLine[];
  readonly removed: readonly Removal[];
  /** Non-white-space characters seen in the text layer, noise included (0: a scanned document). */
  readonly glyphs: number;
}

interface Line {
  y: number;
  size: number;
  items: TextItem[];
  text: string;
  confidence: number[] | null;
}

/** Share of the page height at the top and at the bottom where headers, footers and page numbers live. */
const EDGE = 0.12;


function removal(kind: RemovalKind, text: string, page: number): Removal {
  return { kind, text, line: null, start: null, end: null, page };
}

/** A gap wider than this many glyphs of a line's size parts a label's column from its value (`joinRuns`, `valueStart`). */
const COLUMN_GAP = 1.5;

/** Joins the runs of one line in x order; with OCR runs, the confidence of each code unit too. */
function joinRuns(items: readonly TextItem[]): { text: string; confidence: number[] | null } {
  let out = '';
  const ocr = items.some((it) => it.confidence !== undefined);
  const confidence: number[] = [];
  let prevEnd = Number.NEGATIVE_INFINITY;
  for (const [i, it] of items.entries()) {
    // (The space a PDF draws, or pdf.js puts in, across such a gap: the same two spaces.)
    if (out.length > 0 && it.str.length > 0 && it.str.trim() === '' && isCjkOrPunct(out[out.length - 1]!)) {
      const next = items.slice(i + 1).find((x) => x.str.trim() !== '');
      if (next && isCjkOrPunct(next.str.trim()[0]!) && next.x - prevEnd > next.size * COLUMN_GAP) {
        out += '\u3000\u3000';
        confidence.push(NOT_OCR, NOT_OCR);
        prevEnd = Math.max(prevEnd, it.x + it.width);
        continue;
      }
    }
    if (out.length > 0 && it.str.length > 0) {
      const gap = it.x - prevEnd;
      const before = out[out.length - 1];
      const after = it.str[0];
      // A visible gap between two non-CJK runs is a word space the PDF did not draw as a glyph.
      if (gap > it.size * 0.25 && before !== ' ' && after !== ' ' && !isCjkOrPunct(before) && !isCjkOrPunct(after)) {
        out += ' ';
        confidence.push(NOT_OCR);
      } else if (gap > it.size * COLUMN_GAP && before !== ' ' && before !== '\u3000' && after !== ' ' && after !== '\u3000') {
        // A gap of more than a glyph and a half beside Chinese text: two cells of a table not found as
        // one, or two text boxes side by side (a label beside its value, `领域方向      智慧农业；…`), parted as the text copies part them
        // (two spaces: a label's column, `RE_TABLE_LABEL`).
        out += '\u3000\u3000';
        confidence.push(NOT_OCR, NOT_OCR);
      }
    }
    out += it.str;
    for (let k = 0; k < it.str.length; k++) confidence.push(it.confidence?.[k] ?? NOT_OCR);
    prevEnd = Math.max(prevEnd, it.x + it.width);
  }
  const text = out.replace(/\s+$/, '');
  return { text, confidence: ocr ? confidence.slice(0, text.length) : null };
}

/**
 * A page number as OCR may read it in a footer: dashes as `一` or `_`, `1` as `l` or `I`, `0` as
 * `O`, one of the dashes around it lost (`4-`, `—8`, `-1—`); only for a short line that holds a
 * digit (the caller asks only of lines in the header or footer zone).
 */
export function ocrPageNumberOf(trimmed: string): number | null {
  const plain = pageNumberOf(trimmed);
  if (plain !== null || trimmed.length > 14 || !/\d/.test(trimmed)) return plain;
  const read = trimmed
    .replace(/\s+/g, ' ')
    .replace(/[一_~～=]+/g, '—')
    .replace(/[lI|]/g, '1')
    .replace(/[Oo]/g, '0')
    .replace(/贞|頁/g, '页');
  const found = pageNumberOf(read) ?? pageNumberOf(read.replace(/\s+/g, ''));
  if (found !== null) return found;
  // A number with a dash on one side only: `- 4 -` whose first dash the detector missed.
  const lone = /^[-—–－.·]*\s*(\d{1,3})\s*[-—–－.·]*$/.exec(read);
  return lone && /[-—–－]/.test(read) ? Number(lone[1]) : null;
}

/** A margin's line number as OCR reads it: one to three digits, or the letters read for them. */
const RE_MARGIN_NUMBER = /^[\dIlOoSsgzZ|x]{1,3}[.,]?$/;
/** A margin's line number read into the start of its line's first word (`17”周期不超过`). */
const RE_MARGIN_LEAD = /^\d{1,3}[”"'’.,]?(?=[\u4e00-\u9fff（(“])/;

/**
 * A draft's margin line numbers on a scanned page (`1` … `28` down the left edge, one a line): the
 * short numbers that stand left of where most of the text's words start (the commonest start, to
 * a point), their middle clear of it by half a glyph, on half the page's lines or more and outside a ruled table
 * (whose 序号 column is no margin); and such a number read into the start of a word that begins in
 * the margin (`17”周期不超过`: the word from its text on). On a scan they stand on the lines'
 * baselines and would be read into them (`10障能力。`); a text layer's come as lines of their own,
 * which `clean` removes. Returns the items to drop and the words to cut.
 */
function marginNumbers(items: readonly TextItem[], rules: readonly Rule[]): { drop: TextItem[]; cut: Map<TextItem, number> } {
  const none = { drop: [], cut: new Map<TextItem, number>() };
  const text = items.filter((it) => /[\u4e00-\u9fff]{2}/.test(it.str));
  if (text.length < 8) return none;
  const counts = new Map<number, number>();
  for (const it of text) counts.set(Math.round(it.x), (counts.get(Math.round(it.x)) ?? 0) + 1);
  // The commonest start, counting its neighbours a point either side.
  let left = 0;
  let best = 0;
  for (const x of counts.keys()) {
    const n = (counts.get(x - 1) ?? 0) + counts.get(x)! + (counts.get(x + 1) ?? 0);
    if (n > best || (n === best && x < left)) (best = n), (left = x);
  }
  // The ruled area (a table's), where a number at the left is its 序号 column.
  const box = rules.length === 0 ? null : [Math.min(...rules.map((r) => Math.min(r.x0, r.x1))), Math.min(...rules.map((r) => Math.min(r.y0, r.y1))), Math.max(...rules.map((r) => Math.max(r.x0, r.x1))), Math.max(...rules.map((r) => Math.max(r.y0, r.y1)))];
  const ruled = (it: TextItem): boolean => box !== null && it.x >= box[0]! - it.size && it.x <= box[2]! + it.size && it.y >= box[1]! - it.size && it.y <= box[3]! + it.size;
  const margin = (it: TextItem): boolean => it.x < left - it.size * 0.5 && !ruled(it);
  // (By its middle: a speck beside a digit widens its box.)
  const drop = items.filter((it) => RE_MARGIN_NUMBER.test(it.str.trim()) && it.x + it.width / 2 < left - it.size * 0.5 && !ruled(it));
  const cut = new Map<TextItem, number>();
  for (const it of items) {
    const m = margin(it) && !drop.includes(it) ? RE_MARGIN_LEAD.exec(it.str) : null;
    if (m) cut.set(it, m[0].length);
  }
  const lines = new Set(text.map((it) => Math.round(it.y / Math.max(1, it.size * 0.8)))).size;
  return drop.length + cut.size >= 5 && (drop.length + cut.size) * 2 >= lines ? { drop, cut } : none;
}

/**
 * Runs turned a quarter on an upright page (a table's header cells set vertically to fit narrow
 * columns: `拟支持项目数（个）` reading upwards): each vertical line of them, its runs in reading
 * order (upwards for a quarter turn to the left, downwards to the right), as one upright run where
 * that line stands, as wide as its glyphs are high. A page whose text is mostly turned is read as
 * it is (a landscape page drawn turned).
 */
function uprightRuns(items: readonly TextItem[]): TextItem[] {
  const turned = items.filter((it) => it.angle !== undefined && Math.abs(Math.abs(it.angle) - 90) <= 5);
  if (turned.length === 0) return [...items];
  const chars = (xs: readonly TextItem[]): number => xs.reduce((n, it) => n + it.str.length, 0);
  if (chars(turned) * 5 > chars(items)) return [...items];
  const stacks: TextItem[][] = [];
  for (const it of [...turned].sort((a, b) => a.x - b.x || a.y - b.y)) {
    const up = it.angle! > 0;
    const from = up ? it.y : it.y - it.width;
    const stack = stacks.find((s) => {
      const last = s[s.length - 1]!;
      const lastTo = up ? last.y + last.width : last.y;
      return Math.abs(last.x - it.x) < 1 && (last.angle! > 0) === up && Math.abs(from - lastTo) < it.size;
    });
    if (stack) stack.push(it);
    else stacks.push([it]);
  }
  const upright = stacks.map((s): TextItem => {
    const up = s[0]!.angle! > 0;
    const ordered = [...s].sort((a, b) => (up ? a.y - b.y : b.y - a.y));
    const size = Math.max(...s.map((it) => it.size));
    const low = Math.min(...s.map((it) => (up ? it.y : it.y - it.width)));
    const high = Math.max(...s.map((it) => (up ? it.y + it.width : it.y)));
    return { str: ordered.map((it) => it.str).join(''), x: up ? s[0]!.x - size : s[0]!.x, y: (low + high) / 2 - size / 2, width: size, size, hasEOL: true };
  });
  return [...items.filter((it) => !turned.includes(it)), ...upright];
}

/** How far `text` advances at `size`, counted as a monospaced CJK font sets it: a wide character an em, any other half. */
export function estimatedAdvance(text: string, size: number): number {
  return (displayWidth(text) * size) / 2;
}

/**
 * A run of a text layer whose spaces stand wider than a space, each half an em or more, a third
 * between words of ideographs (a tab stop between a table's cells the PDF writer drew in one run:
 * `技术与装 共性关键技术 1` over three columns): its pieces, each where its glyphs put it
 * (`estimatedAdvance`), the spaces runs of their own, each its share of the rest. Any other run whole.
 */
function apartAtGaps(it: TextItem, overlapped = false): TextItem[] {
  // (Never a run with Latin letters: their widths are no fraction of an em to count by.)
  if (!/\S +\S/.test(it.str) || it.width <= 0 || it.angle !== undefined || /[A-Za-z]/.test(it.str)) return [it];
  const chars = [...it.str];
  const glyphs = estimatedAdvance(it.str.replace(/ /g, ''), it.size);
  const spaces = chars.filter((ch) => ch === ' ').length;
  const space = (it.width - glyphs) / Math.max(1, spaces);
  // (A third of an em between words of ideographs, `项目数 经费`, a header's two cells, is a gap too.)
  // (Any space of a run another run is set inside, a glyph of another font in its gap: `3 1` with the
  // `∶` over its space, `3∶1` as printed.)
  const words = it.str.split(/ +/).filter((w) => w !== '');
  if (!overlapped && space < it.size * (words.every((w) => /^[\u4e00-\u9fff（）()]{2,}$/.test(w)) ? 0.3 : 0.5)) return [it];
  const out: TextItem[] = [];
  let x = it.x;
  let piece = '';
  let from = it.x;
  for (const ch of chars) {
    if (ch === ' ') {
      // (The space a run of its own, as pdf.js gives a gap's: the line reads as the run did.)
      if (piece !== '') out.push({ ...it, str: piece, x: from, width: x - from, hasEOL: false });
      out.push({ ...it, str: ' ', x, width: space, hasEOL: false });
      piece = '';
      x += space;
      from = x;
      continue;
    }
    piece += ch;
    x += estimatedAdvance(ch, it.size);
  }
  if (piece !== '') out.push({ ...it, str: piece, x: from, width: x - from });
  return out;
}

/**
 * For a page's runs, whether another run of the same baseline starts inside a run's gap: a glyph the
 * writer set in another font between two of its characters (a run `3 1` from x 146.7 wide 21.5, and
 * `∶` at 154.7). The runs sorted by baseline once; each run with a gap looks only at those near its own.
 */
function overlapTest(items: readonly TextItem[]): (it: TextItem) => boolean {
  const byY = items.filter((o) => o.str.trim() !== '').sort((a, b) => a.y - b.y);
  /** The first of `byY` whose baseline is `y` or above. */
  const from = (y: number): number => {
    let lo = 0;
    let hi = byY.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (byY[mid]!.y < y) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return (it) => {
    if (!/\S +\S/.test(it.str)) return false;
    const tol = it.size * 0.2;
    for (let k = from(it.y - tol); k < byY.length && byY[k]!.y < it.y + tol; k++) {
      const o = byY[k]!;
      if (o !== it && Math.abs(o.y - it.y) < tol && o.x > it.x + it.size * 0.25 && o.x < it.x + it.width - it.size * 0.25) return true;
    }
    return false;
  };
}

/** A footnote's mark set small and raised: a number of one or two digits, a star, a circled or superscript number. */
const RE_NOTE_MARK = /^\s*(?:\d{1,2}|[*＊†‡]|[\u2460-\u2473]|[¹²³⁴⁵⁶⁷⁸⁹⁰]{1,2})\s*$/;

/**
 * Marks set small and raised above a line's baseline (at most three quarters of its size, three to
 * seven tenths of it above; a draft's margin line numbers stand lower, and apart): a footnote's call
 * after a word or a figure (`不超过20项¹`, `…理性设计⁶`), no text (`drop`, logged); a note's own number
 * before its text at the page's foot (`¹ 含青年…`), and an exponent after a letter (`cm²`), the line's
 * own, set on its baseline.
 */
function raisedMarks(items: readonly TextItem[], drop: (it: TextItem) => void): TextItem[] {
  const out: TextItem[] = [];
  for (const it of items) {
    if (!RE_NOTE_MARK.test(it.str)) {
      out.push(it);
      continue;
    }
    const hosts = items.filter((h) => h !== it && h.str.trim() !== '' && it.size <= h.size * 0.75 && it.y > h.y + h.size * 0.3 && it.y < h.y + h.size * 0.7);
    const line = hosts.length > 0 ? hosts.reduce((a, b) => (it.y - b.y < it.y - a.y ? b : a)) : null;
    const own = line ? hosts.filter((h) => Math.abs(h.y - line.y) < line.size * 0.35) : [];
    const before = own.filter((h) => h.x + h.width <= it.x + 1).sort((a, b) => b.x + b.width - (a.x + a.width))[0];
    const after = own.some((h) => h.x >= it.x + it.width - 1 && h.x <= it.x + it.width + line!.size * 0.8);
    if (!line || (!before && !after) || (before && it.x - (before.x + before.width) > line.size)) {
      out.push(it);
      continue;
    }
    if (before && !/[A-Za-z]$/.test(before.str.trimEnd())) drop(it);
    else out.push({ ...it, y: line.y });
  }
  return out;
}

/** Lines of one page, with text outside the box and doubled runs removed (logged). */
function pageLines(page: PageItems, pageNo: number, removed: Removal[]): Line[] {
  const [x0, y0, x1, y1] = page.box;
  const kept: TextItem[] = [];
  for (const it of page.items) {
    if (it.str.length === 0) continue;
    const inside = it.x + it.width > x0 && it.x < x1 && it.y > y0 - it.size && it.y < y1;
    if (!inside) {
      if (it.str.trim()) removed.push(removal('outside-page', it.str, pageNo));
      continue;
    }
    // Text drawn aslant (a diagonal watermark, `征求意见稿 请勿外传`, whose glyphs would fall between
    // the lines of the text): no text of the page. Text turned a quarter (a landscape table) is.
    if (it.angle !== undefined && Math.abs(it.angle - 90 * Math.round(it.angle / 90)) > 5) {
      if (it.str.trim()) removed.push(removal('watermark', it.str, pageNo));
      continue;
    }
    // Simulated bold: the same run drawn again a fraction of a glyph away.
    const tol = Math.max(0.5, it.size * 0.15);
    const twin = it.str.trim() !== '' && kept.some((k) => k.str === it.str && Math.abs(k.x - it.x) < tol && Math.abs(k.y - it.y) < tol);
    if (twin) {
      removed.push(removal('doubled-glyph', it.str, pageNo));
      continue;
    }
    kept.push(it);
  }
  if (page.ocr) {
    const { drop, cut } = marginNumbers(kept, page.rules ?? []);
    for (const it of drop) {
      kept.splice(kept.indexOf(it), 1);
      removed.push(removal('line-number', it.str, pageNo));
    }
    for (const [it, n] of cut) {
      // The word from its text on, where its characters stand (each its share of the width).
      const share = it.width / Math.max(1, it.str.length);
      kept[kept.indexOf(it)] = { ...it, str: it.str.slice(n), x: it.x + share * n, width: it.width - share * n, ...(it.confidence ? { confidence: it.confidence.slice(n) } : {}) };
      removed.push(removal('line-number', it.str.slice(0, n), pageNo));
    }
  }
  // Baseline grouping: items whose baselines are within a third of the font size share a line.
  const overlapped = overlapTest(kept);
  const sorted = raisedMarks(uprightRuns(page.ocr ? kept : kept.flatMap((it) => apartAtGaps(it, overlapped(it)))), (it) => removed.push(removal('footnote', it.str.trim(), pageNo))).sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Line[] = [];
  for (const it of sorted) {
    const line = lines.find((l) => Math.abs(l.y - it.y) < Math.max(1, Math.min(l.size, it.size) * 0.35));
    if (line) {
      line.items.push(it);
      line.size = Math.max(line.size, it.size);
    } else lines.push({ y: it.y, size: it.size, items: [it], text: '', confidence: null });
  }
  lines.sort((a, b) => b.y - a.y);
  for (const l of lines) {
    l.items.sort((a, b) => a.x - b.x);
    const joined = joinRuns(l.items);
    l.text = joined.text;
    l.confidence = joined.confidence;
  }
  return lines.filter((l) => l.text.trim() !== '');
}

/**
 * A page's footnotes: the lines at its foot (above its page number and running footer) set in a
 * type clearly smaller than the page's text (at most four fifths of its commonest size), the first
 * of them opening with a note's number (`1`, `①`, `*`). Read on, they would be text of the last
 * field on the page. Scanned pages are left alone (their sizes are estimates).
 */
function pageFootnotes(lines: readonly Line[], furniture: (l: Line) => boolean): Set<Line> {
  const out = new Set<Line>();
  const body = lines.filter((l) => !furniture(l));
  if (body.length < 6 || body.some((l) => l.confidence !== null)) return out;
  const sizes = body.map((l) => Math.round(l.size * 10) / 10);
  const counts = new Map<number, number>();
  for (const s of sizes) counts.set(s, (counts.get(s) ?? 0) + 1);
  const common = [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]![0];
  let k = body.length;
  while (k > 0 && body[k - 1]!.size <= common * 0.8) k--;
  if (k === body.length || k < body.length - 6 || k === 0) return out;
  if (!/^\s*(?:\d{1,2}|[①-⑳]|[*＊])\s*\S/u.test(body[k]!.text)) return out;
  for (const l of body.slice(k)) out.add(l);
  return out;
}

/** Rebuilds the text of a document from its pages' items. */
export function buildLines(pages: readonly PageItems[]): PdfText {
  const removed: Removal[] = [];
  let glyphs = 0;
  for (const p of pages) for (const it of p.items) glyphs += it.str.replace(/\s+/g, '').length;

  const perPage = pages.map((p, i) => pageLines(p, i + 1, removed));
  const noise = new PageNoise(pages, perPage);
  const layouts = layoutPages(pages, perPage, noise);
  const units: Unit[][] = perPage.map((lines, i) => pageUnits(lines, layouts[i], (l) => noise.of(i, l)));

  // Typeset pages share one margin; each scanned page has its own.
  const typeset = units.filter((_, i) => !pages[i]!.ocr);
  const margins: Margins = { left: marginOf(typeset.map((u) => linesIn(u, 'left'))), right: marginOf(typeset.map((u) => linesIn(u, 'right'))) };
  const out: PdfLine[] = [];
  units.forEach((page, i) => writePage(page, i + 1, pages[i]!.ocr ? scanMargins(page) : margins, out, removed));
  return { lines: out, removed, glyphs };
}

type Zone = 'top' | 'bottom';
type Column = 'left' | 'right';
/** The left margin of a page's left column (or its only one) and of its right column. */
type Margins = Record<Column, number>;
/** A page as the layout gives it. */
type PageLayout = ReturnType<typeof layoutPage>;
/**
 * What each page reads as, in order: its noise lines where they stood (removed when the page is
 * written), then its blocks.
 */
type Unit = { kind: 'noise'; line: Line; removal: RemovalKind } | { kind: 'line'; line: Line; column: Column | null; columnX?: number } | { kind: 'row'; block: Extract<LayoutBlock, { kind: 'row' }> };

/** Zones: lines in the top or bottom EDGE of the page. */
function zoneOf(p: PageItems, l: Line): Zone | null {
  const [, y0, , y1] = p.box;
  const h = y1 - y0;
  if (l.y > y1 - h * EDGE) return 'top';
  if (l.y < y0 + h * EDGE) return 'bottom';
  return null;
}

/** A document's page noise: its page numbers, running headers and footers, and each page's footnotes. */
class PageNoise {
  /** Some page was scanned. */
  private readonly scanned: boolean;
  /** Each running line's zone and key. */
  private readonly running: Set<string>;
  /** Each page's footnote lines. */
  private readonly footnotes: Set<Line>[];

  constructor(
    private readonly pages: readonly PageItems[],
    perPage: readonly Line[][],
  ) {
    this.scanned = pages.some((p) => p.ocr === true);
    this.running = this.runningLines(perPage);
    this.footnotes = perPage.map((lines, i) => pageFootnotes(lines, (l) => this.furniture(i, l)));
  }

  /** What line `l` of page `i` (0-based) is removed as, or null for a line of the page's text. */
  of(i: number, l: Line): RemovalKind | null {
    const z = zoneOf(this.pages[i]!, l);
    if (z && this.pageNumber(this.pages[i]!, l.text.trim()) !== null) return 'page-number';
    if (z && this.running.has(`${z}:${this.key(l)}`)) return z === 'top' ? 'running-header' : 'running-footer';
    if (this.footnotes[i]!.has(l)) return 'footnote';
    return null;
  }

  /**
   * Running headers and footers: the same text at the same height (to a point) in the same zone on
   * at least half the pages (and 3), or on half the pages of one parity and no other (two or more).
   * Body lines can fall in the zones too, but not at one height with one text page after page. Where pages were scanned, the text and the zone alone: a scan
   * sits a little higher or lower on each sheet.
   */
  private runningLines(perPage: readonly Line[][]): Set<string> {
    const counts = new Map<string, Set<number>>();
    perPage.forEach((lines, i) => {
      for (const l of lines) {
        const z = zoneOf(this.pages[i]!, l);
        if (!z || this.pageNumber(this.pages[i]!, l.text.trim()) !== null) continue;
        const k = `${z}:${this.key(l)}`;
        if (!counts.has(k)) counts.set(k, new Set());
        counts.get(k)!.add(i);
      }
    });
    const need = runningLineQuorum(this.pages.length);
    // (A booklet's heads alternate, its title on even pages, its publisher on odd ones: a line on
    // half the pages of one parity, two or more, all of that parity, is one too.)
    const alternate = (set: ReadonlySet<number>): boolean => {
      const parity = [...set].map((i) => i % 2);
      const of = Math.ceil((this.pages.length - parity[0]!) / 2);
      return set.size >= 2 && parity.every((p) => p === parity[0]) && set.size * 2 >= of;
    };
    return new Set([...counts].filter(([, set]) => set.size >= need || alternate(set)).map(([k]) => k));
  }

  /** A page number or a running line in the header or footer zone of page `i` (what stands below a page's footnotes). */
  private furniture(i: number, l: Line): boolean {
    return zoneOf(this.pages[i]!, l) !== null && (this.pageNumber(this.pages[i]!, l.text.trim()) !== null || this.running.has(`${zoneOf(this.pages[i]!, l)}:${this.key(l)}`));
  }

  /** A line's height (unless pages were scanned) and text without spaces, for matching running lines. */
  private key(l: Line): string {
    // (A head that counts its pages, `指南方向要素表（第2页，共4页）`, is one line on each of them.)
    return `${this.scanned ? '' : Math.round(l.y)}:${l.text.replace(/\s+/g, '').replace(RE_PAGE_COUNTER, '#')}`;
  }

  /** The page number a line of the header or footer zone states (as OCR may misread it on a scanned page). */
  private pageNumber(p: PageItems, text: string): number | null {
    return p.ocr ? ocrPageNumberOf(text) : pageNumberOf(text);
  }
}

/**
 * Each page's lines, noise out, laid out (tables as rows, two columns read column by column); a
 * page whose right column is short is read at the gutter of the document's other two-column pages.
 */
function layoutPages(pages: readonly PageItems[], perPage: readonly Line[][], noise: PageNoise): PageLayout[] {
  const layout = (i: number, gutter: Gutter | null = null, columns: readonly number[] | null = null): PageLayout =>
    layoutPage(
      perPage[i]!.filter((l) => noise.of(i, l) === null),
      pages[i]!.rules ?? [],
      gutter,
      columns,
    );
  const layouts = perPage.map((_, i) => layout(i));
  /** Each page that `has` not what the document's other pages show, laid out again with it where it fits. */
  const again = (has: (l: PageLayout) => boolean, gutter: Gutter | null, columns: readonly number[] | null): void =>
    layouts.forEach((l, i) => {
      if (has(l)) return;
      const next = layout(i, gutter, columns);
      if (has(next)) layouts[i] = next;
    });
  // (Pages of three columns or more first, then two.)
  const columns = layouts.find((l) => l.columns)?.columns ?? null;
  if (columns) again((l) => l.columns !== null, null, columns);
  const gutters = layouts.flatMap((l) => (l?.gutter ? [l.gutter] : []));
  if (gutters.length > 0) again((l) => l.gutter !== null, [...gutters].sort((a, b) => a.left - b.left)[gutters.length >> 1]!, null);
  return layouts;
}

/** What a page reads as: its noise lines where they stood, then its layout's blocks (or, without one, its other lines). */
function pageUnits(lines: readonly Line[], layout: PageLayout | undefined, noise: (l: Line) => RemovalKind | null): Unit[] {
  const out: Unit[] = [];
  for (const l of lines) {
    const removal = noise(l);
    if (removal) out.push({ kind: 'noise', line: l, removal });
  }
  if (!layout) {
    for (const l of lines) if (noise(l) === null) out.push({ kind: 'line', line: l, column: null });
    return out;
  }
  for (const b of layout.blocks) {
    if (b.kind === 'line' && b.furniture) out.push({ kind: 'noise', line: asLine(b), removal: b.furniture });
    else out.push(b.kind === 'row' ? { kind: 'row', block: b } : { kind: 'line', line: asLine(b), column: b.column, ...(b.columnX !== undefined ? { columnX: b.columnX } : {}) });
  }
  return out;
}

/** A layout's line as a Line, its runs joined again. */
function asLine(b: Extract<LayoutBlock, { kind: 'line' }>): Line {
  const joined = joinRuns(b.line.items);
  return { y: b.line.y, size: b.line.size, items: [...b.line.items], text: joined.text, confidence: joined.confidence };
}

/** Where a line starts: its first run with text (else its first run). */
function startX(l: Line): number {
  return (l.items.find((it) => it.str.trim() !== '') ?? l.items[0]!).x;
}

/**
 * The left margin: the leftmost x where at least a tenth of the lines start (in a guideline most
 * paragraphs are one-line list items, so the indented x can be the commonest). A line that starts
 * well right of it (a first-line indent, a centred heading) begins a paragraph: it gets the two
 * ideographic spaces of a Chinese paragraph indent, which `clean` reads as such. The right column
 * of a two-column page has its own margin.
 * On a scan, where a line starts wavers by a few points (the page straightened, each word's box
 * estimated): starts within `tol` of a start count as starting there.
 */
function marginOf(pageLines: readonly Line[][], tol = 0): number {
  const starts = new Map<number, number>();
  let total = 0;
  for (const lines of pageLines) {
    for (const l of lines) {
      const x = Math.round(startX(l));
      starts.set(x, (starts.get(x) ?? 0) + 1);
      total++;
    }
  }
  const xs = [...starts].sort((a, b) => a[0] - b[0]);
  for (const [x] of xs) {
    let n = 0;
    for (const [y, k] of xs) if (y >= x && y <= x + tol) n += k;
    if (n >= total / 10) return x;
  }
  return 0;
}

/** A page's lines in one column (its noise lines count in the left one). */
function linesIn(page: readonly Unit[], column: Column): Line[] {
  // (A column of a page of three or more has its own edge: no line of the page's margins.)
  return page.flatMap((u) => ((u.kind === 'noise' && column === 'left') || (u.kind === 'line' && u.columnX === undefined && (u.column === 'right') === (column === 'right')) ? [u.line] : []));
}

/** A scanned page has margins of its own (a sheet sits a little further left or right), to half its middle line's size. */
function scanMargins(page: readonly Unit[]): Margins {
  const scanTol = (column: Column): number => {
    const sizes = linesIn(page, column).map((l) => l.size).sort((a, b) => a - b);
    return 0.5 * (sizes[sizes.length >> 1] ?? 0);
  };
  return { left: marginOf([linesIn(page, 'left')], scanTol('left')), right: marginOf([linesIn(page, 'right')], scanTol('right')) };
}

/** A page written out: its noise logged as removed, its rows as table rows, its lines indented where they begin a paragraph. */
function writePage(page: readonly Unit[], pageNo: number, margins: Margins, out: PdfLine[], removed: Removal[]): void {
  let pageLine = 0;
  for (const u of page) {
    if (u.kind === 'noise') removed.push(removal(u.removal, u.line.text.trim(), pageNo));
  }
  // Where the value of a label set in a column of its own starts (`领域方向    （1）…`): a line that
  // starts there goes on with that value, however far right of the margin it stands.
  let hang: number | null = null;
  // A column's right edge (its lines' furthest end): a line of a narrow column that reaches it is
  // wrapped there, however short against the page's other lines.
  const edge = new Map<string, number>();
  const columnKey = (u: Extract<Unit, { kind: 'line' }>): string => (u.columnX !== undefined ? `x${Math.round(u.columnX)}` : u.column ?? '');
  for (const u of page) if (u.kind === 'line' && u.column !== null) edge.set(columnKey(u), Math.max(edge.get(columnKey(u)) ?? Number.NEGATIVE_INFINITY, lineEnd(u.line)));
  for (const u of page) {
    if (u.kind === 'noise') continue;
    if (u.kind === 'row') {
      const row = rowText(u.block.row.cells);
      out.push({ text: row.text, page: pageNo, pageLine: ++pageLine, ...(row.confidence ? { confidence: row.confidence } : {}) });
      hang = null;
      continue;
    }
    const x = startX(u.line);
    const hanging = hang !== null && Math.abs(x - hang) <= u.line.size * 0.5;
    const margin = u.columnX ?? (u.column === 'right' ? margins.right : margins.left);
    const line = indentedLine(u.line, !hanging && x > margin + u.line.size * 1.2, pageNo, ++pageLine);
    const right = u.column !== null ? edge.get(columnKey(u)) : undefined;
    out.push(right !== undefined && lineEnd(u.line) >= right - u.line.size * 1.5 ? { ...line, wrapped: true } : line);
    if (!hanging) hang = valueStart(u.line);
  }
}

/** Where a line's last glyph ends. */
function lineEnd(l: Line): number {
  let end = Number.NEGATIVE_INFINITY;
  for (const it of l.items) if (it.str.trim() !== '') end = Math.max(end, it.x + it.width);
  return end;
}

/** Where a line's second piece starts after a gap of more than a glyph and a half (a label's value beside it), or null. */
function valueStart(l: Line): number | null {
  let end = Number.NEGATIVE_INFINITY;
  for (const it of l.items) {
    if (it.str.trim() === '') continue;
    if (end > Number.NEGATIVE_INFINITY && it.x - end > it.size * COLUMN_GAP) return it.x;
    end = Math.max(end, it.x + it.width);
  }
  return null;
}

/** A line as the loader gives it: with a paragraph's two ideographic spaces where it is indented (NOT_OCR in its confidence). */
function indentedLine(l: Line, indented: boolean, page: number, pageLine: number): PdfLine {
  const lead = l.text.length - l.text.trimStart().length;
  const lineText = indented ? `\u3000\u3000${l.text.trimStart()}` : l.text;
  if (!l.confidence) return { text: lineText, page, pageLine };
  const confidence = new Uint8Array(lineText.length).fill(NOT_OCR);
  confidence.set(indented ? l.confidence.slice(lead) : l.confidence, indented ? 2 : 0);
  return { text: lineText, page, pageLine, confidence };
}

/**
 * A table row as the HTML and Word readers write one: `| cell | cell |`, each cell's lines joined;
 * for a row read by OCR, the confidence of each code unit too (`NOT_OCR` for the pipes and spaces).
 */
function rowText(cells: readonly (readonly (readonly TextItem[])[])[]): { text: string; confidence: Uint8Array | null } {
  let line = '|';
  const confidence: number[] = [NOT_OCR];
  let ocr = false;
  for (const cell of cells) {
    const runs = cell.map((items) => joinRuns(items));
    if (runs.some((r) => r.confidence !== null)) ocr = true;
    const c = cellTextWithConfidence(runs, NOT_OCR);
    line += ` ${c.text} |`;
    confidence.push(NOT_OCR, ...c.confidence, NOT_OCR, NOT_OCR);
  }
  return { text: line, confidence: ocr ? Uint8Array.from(confidence.slice(0, line.length)) : null };
}

/**
 * Each code unit's OCR confidence in the text the lines make (joined by line breaks): the lines'
 * own, `NOT_OCR` elsewhere; and the mean and median of those read, to one decimal.
 */
export function confidenceOfLines(lines: readonly PdfLine[], length: number): { confidence: Uint8Array; mean: number; median: number } {
  const confidence = new Uint8Array(length).fill(NOT_OCR);
  const histogram = new Array<number>(101).fill(0);
  let at = 0;
  let sum = 0;
  let count = 0;
  for (const l of lines) {
    if (l.confidence) {
      confidence.set(l.confidence, at);
      for (const c of l.confidence) {
        if (c === NOT_OCR) continue;
        sum += c;
        count++;
        histogram[Math.min(100, c)]!++;
      }
    }
    at += l.text.length + 1;
  }
  let median = 0;
  for (let c = 0, seen = 0; c <= 100; c++) {
    seen += histogram[c]!;
    if (seen * 2 >= count) {
      median = c;
      break;
    }
  }
  return { confidence, mean: count > 0 ? Math.round((sum / count) * 10) / 10 : 0, median: count > 0 ? median : 0 };
}

/** The page and page line of each loaded line, and, where any line stands in a column, whether it reaches the column's edge. */
export function lineArrays(lines: readonly PdfLine[]): { pageOfLine: number[]; pageLineOfLine: number[]; wrappedLine?: boolean[] } {
  return {
    pageOfLine: lines.map((l) => l.page),
    pageLineOfLine: lines.map((l) => l.pageLine),
    ...(lines.some((l) => l.wrapped) ? { wrappedLine: lines.map((l) => l.wrapped === true) } : {}),
  };
}

/** A fixed-layout document's text (OFD, XPS, word boxes), as loaded. */
export interface PagesText {
  readonly text: string;
  readonly pageOfLine: number[];
  readonly pageLineOfLine: number[];
  readonly wrappedLine?: boolean[];
  readonly pages: number;
  readonly removed: Removal[];
  /** Where runs carry OCR confidences (word boxes read by an engine): each code unit's, and their mean and median. */
  readonly confidence?: ReturnType<typeof confidenceOfLines>;
}

/**
 * The loaded text of a fixed-layout document's pages (OFD, XPS: runs placed as a PDF's are): its
 * lines, the page and page line of each, and what was removed. `none`: the error where no page
 * holds a glyph.
 */
export function pagesText(pages: readonly PageItems[], none: () => Error): PagesText {
  const built = buildLines(pages);
  if (built.glyphs === 0) throw none();
  const text = built.lines.map((l) => l.text).join('\n');
  return {
    text,
    ...(built.lines.some((l) => l.confidence) ? { confidence: confidenceOfLines(built.lines, text.length) } : {}),
    ...lineArrays(built.lines),
    pages: pages.length,
    removed: [...built.removed],
  };
}
