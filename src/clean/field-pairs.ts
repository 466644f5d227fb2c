/**
 * Fields printed two to a line, as `pdftotext -layout` copies a form that sets a direction's
 * label/value fields side by side, each value wrapped under its own column:
 *
 *     合作协议：《中华人民共和国政府和德意志联邦共和国    拟支持项目数：不超过6个
 *     政府科学技术合作协定》。
 *     领域方向：智能制造；氢能与燃料电池；生物经济；量    共拟支持经费：1800万元人民币
 *     子技术。                                            左右
 *
 * Such a block is read cell by cell: the left column's lines in order (a wrapped value's lines
 * follow each other, as a paragraph's do), then each right-hand field with the lines wrapped under
 * it. The right column starts at one display column (the gutter) on at least three lines of the
 * document, each time with a field's label and its colon; and the text shows that values wrap
 * inside their column (a line holding only the rest of a left value, or only the rest of a right
 * one) — without that, `拟支持项目数：10项    共拟支持经费：3000万元` is one line of two fields, which
 * later stages split. A block ends at a line that crosses the gutter, or starts left of the
 * block's fields (a heading at the margin) or with a heading's number. Lines are 0-based; offsets
 * 0-based UTF-16 offsets into the loaded text.
 */
import { fieldLabelAt } from '../lexicon/fields.js';
import { matchMarker, type MarkerType } from '../lexicon/markers.js';
import type { ColumnLine, ColumnPage, ColumnPiece } from './columns.js';
import { lineFragments, type Fragment } from './fragments.js';

/** The fewest lines whose right-hand field starts at the gutter. */
const MIN_PAIRS = 3;
/** The fewest lines that show a value wrapped inside its column. */
const MIN_WRAPS = 2;

/** Numbers that head a direction or a part (`1.1`, `一、`, `（一）`, `第一部分`): a block of fields never holds one. */
export const HEADING_TYPES: ReadonlySet<MarkerType> = new Set(['decimal', 'decimal3', 'cjk-comma', 'paren-cjk', 'part-word']);
/** Numbers of a list's items (`（2）`, `2.`, `2、`, `2）`, `②`): an item of its own, never the rest of a value. */
export const ITEM_TYPES: ReadonlySet<MarkerType> = new Set(['paren-arabic', 'arabic-dot', 'arabic-comma', 'arabic-paren', 'circled']);

/** Whether `text` starts with a number of one of `types`. */
export const startsWith = (text: string, types: ReadonlySet<MarkerType>): boolean => {
  const m = matchMarker(text);
  return m !== null && types.has(m.type);
};

/** White space of two columns or more between text, and a line's leading white space. */
export const RE_GAP = /\S(?: {2}|[\t\u3000])/;
const RE_LEAD = /^[\f \t\u3000\u00a0]+/;

/** Text that starts with a field's label and its colon (`拟支持项目数：`). */
export function startsField(text: string): boolean {
  const f = fieldLabelAt(text);
  return f !== null && /[：:]/.test(text.slice(0, f.length));
}

/** How a line stands against the gutter; `at`: the fragment where the right column starts (its first fragment when only the right has text, past its end when only the left has). */
interface Shape {
  readonly kind: 'split' | 'left' | 'right' | 'across';
  readonly at: number;
}

function shapeOf(f: readonly Fragment[], gutter: number): Shape {
  const at = f.findIndex((x, k) => k > 0 && Math.abs(x.from - gutter) <= 1);
  if (at > 0) return { kind: 'split', at };
  if (f[0]!.from >= gutter - 1) return { kind: 'right', at: 0 };
  if (f[f.length - 1]!.to <= gutter - 1) return { kind: 'left', at: f.length };
  return { kind: 'across', at: -1 };
}

/** A line's fragments, computed once (null for a line that is no content). */
type Fragments = (i: number) => Fragment[] | null;

/** The blocks of side-by-side fields of a document, keyed by their first line (as `findColumnPages`). */
export function findFieldPairs(text: string, lines: readonly ColumnLine[]): Map<number, ColumnPage> {
  const out = new Map<number, ColumnPage>();
  const cache = new Map<number, Fragment[] | null>();
  const frags: Fragments = (i) => {
    let f = cache.get(i);
    if (f === undefined) {
      const l = lines[i]!;
      cache.set(i, (f = l.cls === 'content' ? lineFragments(text, l.start, l.end, i) : null));
    }
    return f;
  };
  const gutter = gutterOf(text, lines, frags);
  if (gutter === null) return out;
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    // (A block starts at a line the gutter's vote read: one that starts with a field and has a gap.)
    if (!cache.has(i)) continue;
    const block = blockAt(text, lines.length, frags, gutter, i);
    if (!block) continue;
    if (block.lines.length > 0 && shortCells(text, block.right)) blocks.push(block);
    i = block.last;
  }
  if (blocks.reduce((n, b) => n + b.wraps, 0) < MIN_WRAPS) return out;
  for (const b of blocks) out.set(b.lines[0]!, { lines: b.lines, pieces: b.pieces });
  return out;
}

/**
 * The gutter: the display column where a field's label starts after a gap on the most lines (a
 * line that starts with a field and has a gap of white space in it), a column either side counted
 * with it; null where fewer than `MIN_PAIRS` lines have one.
 */
function gutterOf(text: string, lines: readonly ColumnLine[], frags: Fragments): number | null {
  const votes = new Map<number, number>();
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.cls !== 'content' || !RE_GAP.test(l.raw) || !startsField(l.raw.replace(RE_LEAD, ''))) continue;
    const f = frags(i)!;
    for (let k = 1; k < f.length; k++) {
      if (startsField(text.slice(f[k]!.start, f[f.length - 1]!.end))) {
        votes.set(f[k]!.from, (votes.get(f[k]!.from) ?? 0) + 1);
        break;
      }
    }
  }
  let gutter = -1;
  let best = 0;
  for (const [c, n] of [...votes].sort((a, b) => a[0] - b[0])) {
    const near = n + (votes.get(c - 1) ?? 0) + (votes.get(c + 1) ?? 0);
    if (near > best) {
      best = near;
      gutter = c;
    }
  }
  return best < MIN_PAIRS ? null : gutter;
}

interface Block {
  readonly lines: number[];
  /** Its pieces in reading order: the left column's, then each right-hand cell's. */
  readonly pieces: ColumnPiece[];
  readonly right: readonly ColumnPiece[];
  /** Lines that show a value wrapped inside its column. */
  readonly wraps: number;
  /** Its last line. */
  readonly last: number;
}

/** The block of side-by-side fields whose first line is line `i`, or null where `i` starts none. */
function blockAt(text: string, count: number, frags: Fragments, gutter: number, i: number): Block | null {
  const f = frags(i);
  if (!f || f.length < 2) return null;
  const first = shapeOf(f, gutter);
  if (first.kind !== 'split' || !startsField(text.slice(f[first.at]!.start, f[f.length - 1]!.end))) return null;
  const indent = f[0]!.from;
  const lines: number[] = [];
  const right: ColumnPiece[] = [];
  // The left column's pieces, each with where it ends and whether it may go on the one before.
  const left: { piece: ColumnPiece; to: number; rest: boolean }[] = [];
  let wraps = 0;
  let last = i;
  for (let j = i; j < count; j++) {
    const g = frags(j);
    if (!g || g.length === 0) continue;
    const s = shapeOf(g, gutter);
    if (s.kind === 'across') break;
    if (s.kind !== 'right') {
      const leftText = text.slice(g[0]!.start, g[s.at - 1]!.end);
      if (g[0]!.from < indent - 1 || startsWith(leftText, HEADING_TYPES)) break;
      // (Not a field or an item of its own: the rest of a value, where the line before is full.)
      const rest = left.length > 0 && !startsField(leftText) && !startsWith(leftText, ITEM_TYPES);
      left.push({ piece: { line: j, start: g[0]!.start, end: g[s.at - 1]!.end, indent: 0 }, to: g[s.at - 1]!.to, rest });
    }
    if (s.kind !== 'left') {
      const from = g[s.at]!;
      const wrapped = right.length > 0 && !startsField(text.slice(from.start, g[g.length - 1]!.end));
      if (wrapped) wraps++;
      right.push({ line: j, start: from.start, end: g[g.length - 1]!.end, indent: 0, continues: wrapped });
    }
    lines.push(j);
    last = j;
  }
  // The left column's width: where its fullest lines end.
  const full = Math.max(...left.map((l) => l.to)) - 3;
  const pieces = left.map((l, k) => {
    const wrapped = l.rest && left[k - 1]!.to >= full;
    if (wrapped) wraps++;
    return wrapped ? { ...l.piece, continues: true } : l.piece;
  });
  return { lines, pieces: [...pieces, ...right], right, wraps, last };
}

/** Whether each cell of a right column is a field of one line or two, and none is a heading. */
// (A right column of short fields, each of a line or two, and no heading in it: a page of two
// columns of running text has a paragraph's lines there, and the next part's heading.)
function shortCells(text: string, right: readonly ColumnPiece[]): boolean {
  let run = 0;
  for (const p of right) {
    if (startsWith(text.slice(p.start, p.end), HEADING_TYPES)) return false;
    run = p.continues === true ? run + 1 : 1;
    if (run > 2) return false;
  }
  return true;
}
