/**
 * The pieces of text a printed line holds between gaps of white space, with their display columns:
 * what tables (`tables.ts`) and two-column pages (`columns.ts`) are read from. A gap is two display
 * columns of white space or more; a tab runs to the next multiple of eight; a form feed at the
 * start takes no column. Offsets are 0-based into the loaded text.
 */
import { displayWidth } from '../lexicon/chars.js';

export interface Fragment {
  /** Source offsets `[start, end)` of the piece's text. */
  readonly start: number;
  readonly end: number;
  /** 0-based index of its line. */
  readonly line: number;
  /** Display columns `[from, to)` on the printed line. */
  readonly from: number;
  readonly to: number;
}

/**
 * How wide a CJK character is on the printed line: two columns (`pdftotext -layout`, a terminal)
 * or one (text aligned by counting characters).
 */
export type CjkWidth = 1 | 2;

/** The fragments of line `[start, end)`. */
export function lineFragments(text: string, start: number, end: number, line: number, cjkWidth: CjkWidth = 2): Fragment[] {
  const out: Fragment[] = [];
  let col = 0;
  let i = start;
  while (i < end && text.charCodeAt(i) === 12) i++;
  let from = -1;
  let fromCol = 0;
  let gap = 0;
  let lastEnd = -1;
  let lastCol = 0;
  for (; i <= end; i++) {
    const c = i < end ? text[i]! : ' ';
    const space = i === end || c === ' ' || c === '\t' || c === '\u3000' || c === '\u00a0';
    const w = i === end ? 2 : c === '\t' ? 8 - (col % 8) : c === '\u3000' ? cjkWidth : cjkWidth === 2 ? displayWidth(c) : 1;
    if (space) {
      if (from >= 0 && gap === 0) {
        lastEnd = i;
        lastCol = col;
      }
      gap += w;
      if (from >= 0 && gap >= 2) {
        out.push({ start: from, end: lastEnd, line, from: fromCol, to: lastCol });
        from = -1;
      }
    } else {
      if (from < 0) {
        from = i;
        fromCol = col;
      }
      gap = 0;
    }
    col += w;
  }
  return out;
}
