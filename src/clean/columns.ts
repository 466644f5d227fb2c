/**
 * Two-column pages in extracted text: each printed line holds a line of the left column, a gap,
 * and a line of the right column. Such a page is read column by column: the lines above the
 * columns (a title), the left column, the right column, then the lines below them (footnotes).
 *
 * A page has two columns when most of its lines have a gap of two columns or more at the same
 * display column (the gutter), with text on both sides. Each line is cut at its gap nearest the
 * gutter; a line that crosses the gutter without a gap spans the page (a title, a footnote).
 * Offsets are 0-based UTF-16 offsets into the loaded text; line indexes 0-based.
 */
import { lineFragments } from './fragments.js';

export interface ColumnLine {
  readonly start: number;
  readonly end: number;
  readonly raw: string;
  readonly cls: string;
}

/** A piece of a line, in reading order, with its indent within its column (display columns). */
export interface ColumnPiece {
  readonly line: number;
  readonly start: number;
  readonly end: number;
  readonly indent: number;
  /** The piece goes on with the text of the piece before it (a value wrapped inside its cell). */
  readonly continues?: boolean;
}

export interface ColumnPage {
  /** Every content line of the page (0-based), all written out through `pieces`. */
  readonly lines: readonly number[];
  readonly pieces: readonly ColumnPiece[];
}

interface Gap {
  /** Display columns of the gap `[from, to)` and source offsets of the text around it. */
  readonly from: number;
  readonly to: number;
  readonly leftEnd: number;
  readonly rightStart: number;
}

/** Gaps of two display columns or more between text on one line (not the leading indent). */
function gapsOf(text: string, l: ColumnLine, index: number): { gaps: Gap[]; indent: number; end: number } {
  const f = lineFragments(text, l.start, l.end, index);
  const gaps = f.slice(1).map((g, k) => ({ from: f[k]!.to, to: g.from, leftEnd: f[k]!.end, rightStart: g.start }));
  return { gaps, indent: f[0]?.from ?? 0, end: f[f.length - 1]?.to ?? 0 };
}

/** The two-column pages of a document, keyed by their first content line. */
export function findColumnPages(text: string, lines: readonly ColumnLine[], pageOfLine: readonly (number | null)[]): Map<number, ColumnPage> {
  const pages = new Map<number | null, number[]>();
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.cls !== 'content') continue;
    const p = pageOfLine[i] ?? null;
    let list = pages.get(p);
    if (!list) pages.set(p, (list = []));
    list.push(i);
  }
  const out = new Map<number, ColumnPage>();
  const gutters: number[] = [];
  for (const page of pages.values()) {
    const plan = columnPage(text, lines, page, null);
    if (plan) {
      out.set(page[0]!, plan.page);
      gutters.push(plan.gutter);
    }
  }
  // A page with few lines in its right column (the last one, often) is read at the gutter the
  // document's other two-column pages have.
  if (gutters.length > 0) {
    const gutter = gutters.sort((a, b) => a - b)[Math.floor(gutters.length / 2)]!;
    for (const page of pages.values()) {
      if (out.has(page[0]!)) continue;
      const plan = columnPage(text, lines, page, gutter);
      if (plan) out.set(page[0]!, plan.page);
    }
  }
  return out;
}

/** The fewest display columns a column of running text is wide (ten CJK characters). */
const MIN_COLUMN_WIDTH = 20;

function columnPage(text: string, lines: readonly ColumnLine[], page: readonly number[], known: number | null): { page: ColumnPage; gutter: number } | null {
  if (page.length < (known === null ? 6 : 2)) return null;
  const info = page.map((i) => ({ i, ...gapsOf(text, lines[i]!, i) }));
  // The gutter: the display column inside a gap on the most lines.
  const votes = new Map<number, number>();
  for (const l of info) {
    const seen = new Set<number>();
    for (const g of l.gaps) for (let c = g.from; c < g.to; c++) seen.add(c);
    for (const c of seen) votes.set(c, (votes.get(c) ?? 0) + 1);
  }
  let gutter = -1;
  let best = 0;
  for (const [c, n] of [...votes].sort((a, b) => a[0] - b[0])) {
    if (known !== null && Math.abs(c - known) > 2) continue;
    if (n > best) {
      best = n;
      gutter = c;
    }
  }
  // At least five lines and a third of the page parted there (one, at the gutter of the other
  // pages), and nearly every line fits the two columns (parted at the gutter, or text on one side
  // of it only: a column can end early).
  if (gutter < 8 || (known === null ? best < 5 || best * 3 < page.length : best < 1)) return null;
  const fitting = info.filter((l) => l.gaps.some((x) => x.from <= gutter + 2 && x.to >= gutter - 2) || l.end <= gutter + 1 || l.indent >= gutter - 2).length;
  if (fitting < page.length * 0.8) return null;
  // A column of text fills its width: the text left of the gap reaches near the gutter on a good
  // share of lines (a label/value table or a table of figures has only short cells there).
  // (And a column is wider than a label: `拟支持项` at the margin, its value beyond the gap, is a
  // label/value table's row however near the gap it ends.)
  const reach = info
    .flatMap((l) => {
      const g = l.gaps.find((x) => x.from <= gutter + 2 && x.to >= gutter - 2);
      return g ? [{ from: g.from, width: g.from - l.indent }] : [];
    })
    .sort((a, b) => a.from - b.from);
  const full = reach.filter((r) => r.from >= gutter * 0.75 && r.width >= MIN_COLUMN_WIDTH).length;
  if (known === null && full < Math.max(2, reach.length / 4)) return null;
  const before: ColumnPiece[] = [];
  const left: ColumnPiece[] = [];
  const right: ColumnPiece[] = [];
  const after: ColumnPiece[] = [];
  let rightEdge = Infinity;
  const cut = info.map((l) => {
    const g = l.gaps.find((x) => x.from <= gutter + 2 && x.to >= gutter - 2);
    if (g) rightEdge = Math.min(rightEdge, g.to);
    return g ?? null;
  });
  let seenColumns = false;
  info.forEach((l, k) => {
    const raw = lines[l.i]!;
    const g = cut[k];
    let a = raw.start;
    while (a < raw.end && /[\f \t\u3000\u00a0]/.test(text[a]!)) a++;
    let b = raw.end;
    while (b > a && /[ \t\u3000\u00a0]/.test(text[b - 1]!)) b--;
    if (g) {
      seenColumns = true;
      left.push({ line: l.i, start: a, end: g.leftEnd, indent: l.indent });
      right.push({ line: l.i, start: g.rightStart, end: b, indent: g.to - rightEdge });
    } else if (l.indent >= gutter - 2) {
      // Only the right column has text on this line.
      seenColumns = true;
      right.push({ line: l.i, start: a, end: b, indent: l.indent - rightEdge });
    } else if (l.end <= gutter + 1 && l.end > l.indent) {
      seenColumns = true;
      left.push({ line: l.i, start: a, end: b, indent: l.indent });
    } else {
      (seenColumns ? after : before).push({ line: l.i, start: a, end: b, indent: l.indent });
    }
  });
  // Lines spanning the page between column lines are part of neither column's flow: keep them
  // where they stand, after the columns (footnotes are the usual case).
  return { page: { lines: page, pieces: [...before, ...left, ...right, ...after] }, gutter };
}
