/**
 * Two fields of a direction printed side by side under their labels, as `pdftotext -layout` copies
 * a key programme that sets 研究内容 and 考核指标 in a table of two columns, each cell wrapped inside
 * its column over many lines (a page's foot may fall between them):
 *
 *               研究内容                              考核指标
 *
 *       针对深海高压、低温、强腐蚀环          （1）揭示不少于4种关键化学参
 *   境下化学参数原位测量精度低、漂移      数在60MPa、2℃条件下的敏感响应机
 *   …                                     理，建立相应的温压补偿模型；
 *
 * Such a block is read column by column: the left label, then the left column's lines in order (a
 * line goes on the one before it unless it starts an item, `（2）`, or the one before ended its
 * sentence), then the right label and its column. The header is a line of exactly two pieces, each
 * a known label alone; the block ends at a line that starts a field with its colon (`关键词：`) or a
 * heading's number, or at a line that crosses the gutter. Lines are 0-based; offsets 0-based UTF-16
 * offsets into the loaded text.
 */
import { labelOnly } from '../lexicon/fields.js';
import { HEADING_TYPES, ITEM_TYPES, RE_GAP, startsField, startsWith } from './field-pairs.js';
import type { ColumnLine, ColumnPage, ColumnPiece } from './columns.js';
import { lineFragments, type Fragment } from './fragments.js';

/** The fewest body lines of a block. */
const MIN_BODY = 2;

/** The blocks of fields side by side under their labels, keyed by their header's line (as `findColumnPages`). */
export function findLabelColumns(text: string, lines: readonly ColumnLine[]): Map<number, ColumnPage> {
  const out = new Map<number, ColumnPage>();
  const frags = (i: number): Fragment[] | null => (lines[i]!.cls === 'content' ? lineFragments(text, lines[i]!.start, lines[i]!.end, i) : null);
  for (let i = 0; i < lines.length; i++) {
    // (The cheap test first: a short line with a gap in it, as a header of two labels is.)
    const raw = lines[i]!.raw.trim();
    if (lines[i]!.cls !== 'content' || raw.length > 60 || !RE_GAP.test(raw)) continue;
    const head = frags(i);
    if (!head || head.length !== 2) continue;
    const labels = head.map((f) => labelOnly(text.slice(f.start, f.end)));
    if (!labels[0] || !labels[1] || labels[0].role === labels[1].role || labels[0].role === 'unknown' || labels[1].role === 'unknown') continue;
    const block = blockAfter(text, lines, frags, i, head);
    if (!block) continue;
    out.set(i, block.page);
    i = block.last;
  }
  return out;
}

/** The block whose header (two labels) is line `i`, or null where no column body follows it. */
function blockAfter(text: string, lines: readonly ColumnLine[], frags: (i: number) => Fragment[] | null, i: number, head: readonly Fragment[]): { page: ColumnPage; last: number } | null {
  const body: { line: number; f: Fragment[] }[] = [];
  const blankBefore = new Set<number>();
  let blank = false;
  let turned = false;
  for (let j = i + 1; j < lines.length; j++) {
    const f = frags(j);
    // (A blank line parts paragraphs; a page's foot or head between the lines, with the blank lines
    // around it, parts nothing: the page turns inside the cells.)
    if (f === null || f.length === 0) {
      if (lines[j]!.cls === 'blank' || (f !== null && f.length === 0)) blank = true;
      else turned = true;
      continue;
    }
    const first = text.slice(f[0]!.start, f[f.length - 1]!.end);
    if (f.length === 1 && (startsField(first) || startsWith(first, HEADING_TYPES))) break;
    if (labelOnly(first) !== null) break;
    if (blank && !turned) blankBefore.add(j);
    blank = turned = false;
    body.push({ line: j, f });
  }
  if (body.length < MIN_BODY) return null;
  // The gutter: where the right column's text starts on the lines that have text on both sides.
  // (Where no line has text on the right, a cell left empty (`考核指标` over nothing): the header's.)
  const split = body.filter((b) => b.f.length >= 2);
  const leftOnly = body.every((b) => b.f[b.f.length - 1]!.to < head[1]!.from);
  if (split.length < MIN_BODY && !leftOnly) return null;
  const gutter = split.length >= MIN_BODY ? Math.min(...split.map((b) => b.f[1]!.from)) : head[1]!.from;
  if (gutter > head[1]!.from + 2 || gutter <= head[0]!.to) return null;
  const left: ColumnPiece[] = [];
  const right: ColumnPiece[] = [];
  const add = (side: ColumnPiece[], line: number, pieces: readonly Fragment[]): void => {
    const start = pieces[0]!.start;
    const end = pieces[pieces.length - 1]!.end;
    const t = text.slice(start, end);
    const before = side.length > 0 ? text.slice(side[side.length - 1]!.start, side[side.length - 1]!.end) : '';
    const opens = side.length === 0 || blankBefore.has(line) || startsWith(t, ITEM_TYPES) || /[。；;：:]$/.test(before);
    side.push(opens ? { line, start, end, indent: 0 } : { line, start, end, indent: 0, continues: true });
  };
  for (const { line, f } of body) {
    const l = f.filter((x) => x.from < gutter - 1);
    const r = f.filter((x) => x.from >= gutter - 1);
    if (l.length > 0 && l[l.length - 1]!.to > gutter) return null;
    if (l.length > 0) add(left, line, l);
    if (r.length > 0) add(right, line, r);
  }
  const label = (f: Fragment): ColumnPiece => ({ line: i, start: f.start, end: f.end, indent: 0 });
  const last = body[body.length - 1]!.line;
  return { page: { lines: [i, ...body.map((b) => b.line)], pieces: [label(head[0]!), ...left, label(head[1]!), ...right] }, last };
}
