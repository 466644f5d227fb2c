import type { Mapped } from './mapped.js';
import { sourceRange } from './mapped.js';
import type { OcrDoubt, Span, TableLine } from './types.js';

/**
 * Where the lines and pages of `Source.text` are. Built by `clean` (the stage that knows pages for
 * text input) and passed as data to the stages after it.
 */
export interface Layout {
  /** 0-based offset in `Source.text` of the start of each line (index = line - 1). */
  readonly lineStarts: readonly number[];
  /** 1-based page of each line (index = line - 1), or null when pages are unknown. */
  readonly pageOfLine: readonly (number | null)[];
  /** 1-based line on its page (index = line - 1), or null. */
  readonly pageLineOfLine: readonly (number | null)[];
  /** Number of pages, or null when unknown. */
  readonly pages: number | null;
  /**
   * How page numbers were obtained: `pdf` (physical pages of the PDF), `printed` (text input, page
   * count anchored to the page numbers the document prints), `counted` (text input, pages counted
   * from the first line), `none` (no page breaks seen).
   */
  readonly pageNumbering: 'pdf' | 'printed' | 'counted' | 'none';
  /** When pages were read by OCR: each code unit's confidence (see `Source.ocrConfidence`). */
  readonly ocrConfidence?: Uint8Array;
  /** With `ocrConfidence`: below what a value's weakest character is doubted (see `SourceOcr.doubtBelow`). */
  readonly ocrDoubt?: OcrDoubt;
  /** PDF input: each source line reaches its column's right edge (see `Source.wrappedLine`). */
  readonly wrappedLine?: readonly boolean[];
  /** HTML and Word input: the block of each line (see `Source.blockOfLine`). */
  readonly blockOfLine?: readonly number[];
  /** HTML and Word input: the table row each line renders, or null (see `Source.tableOfLine`). */
  readonly tableOfLine?: readonly (TableLine | null)[];
}

/**
 * Mean OCR confidence (0–100, one decimal) of the code units of `[start, end)` that OCR read, and
 * the lowest of them; null where none was.
 */
export function ocrConfidenceOf(layout: Layout, start: number, end: number, only?: ReadonlySet<number>): { mean: number; min: number } | null {
  const conf = layout.ocrConfidence;
  if (!conf) return null;
  let sum = 0;
  let count = 0;
  let min = 100;
  for (let i = start; i < end; i++) {
    const c = conf[i]!;
    if (c === 255 || c === undefined || (only && !only.has(i))) continue;
    sum += c;
    count++;
    if (c < min) min = c;
  }
  return count === 0 ? null : { mean: Math.round((sum / count) * 10) / 10, min };
}

/**
 * The source offsets the code units `[i, j)` of `m` were read from, where they are not the whole
 * of the range they span: a value put together from pieces apart (a table's header label and its
 * row's cell, `实施周期：3年`), whose range holds the rows between. Null for one piece.
 */
function piecesOf(m: Mapped, i: number, j: number, start: number, end: number): ReadonlySet<number> | null {
  const at = new Set<number>();
  for (let k = i; k < j; k++) for (let o = m.from[k]!; o < m.to[k]!; o++) at.add(o);
  return at.size >= end - start ? null : at;
}

/** 1-based line containing offset `offset` (binary search). */
export function lineAt(layout: Layout, offset: number): number {
  const starts = layout.lineStarts;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/**
 * The span of source offsets `[start, end)`; its OCR confidence over the offsets `only` where a
 * value is made of pieces apart (see `piecesOf`).
 */
export function spanOfRange(layout: Layout, start: number, end: number, only?: ReadonlySet<number>): Span {
  const line = lineAt(layout, start);
  const endLine = end > start ? lineAt(layout, end - 1) : line;
  const span = {
    start,
    end,
    line,
    endLine,
    page: layout.pageOfLine[line - 1] ?? null,
    pageLine: layout.pageLineOfLine[line - 1] ?? null,
  };
  const ocr = ocrConfidenceOf(layout, start, end, only);
  const read = ocr ? { ...span, ocrConfidence: ocr.mean, ocrMinConfidence: ocr.min } : span;
  return layout.blockOfLine ? { ...read, ...blockOf(layout, line, start) } : read;
}

/** HTML and Word input: the block of `line`, and where `offset` is in a table row. */
function blockOf(layout: Layout, line: number, offset: number): Pick<Span, 'block' | 'table'> {
  const block = layout.blockOfLine![line - 1];
  if (block === undefined) return {};
  const row = layout.tableOfLine?.[line - 1];
  if (!row) return { block };
  const at = offset - layout.lineStarts[line - 1]!;
  let column = 1;
  for (let c = 1; c < row.cellStarts.length; c++) if (row.cellStarts[c]! <= at) column = c + 1;
  return { block, table: { table: row.table, row: row.row, column } };
}

/** The span of code units `[i, j)` of `m` (the whole of `m` by default). */
export function spanOf(layout: Layout, m: Mapped, i = 0, j = m.text.length): Span {
  if (j <= i) {
    const at = m.text.length > 0 ? (m.from[Math.min(i, m.text.length - 1)] ?? 0) : 0;
    return spanOfRange(layout, at, at);
  }
  const r = sourceRange(m, i, j);
  return spanOfRange(layout, r.start, r.end, layout.ocrConfidence ? (piecesOf(m, i, j, r.start, r.end) ?? undefined) : undefined);
}
