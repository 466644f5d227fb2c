/**
 * The `reflow` stage: rejoins hard-wrapped lines into paragraphs.
 *
 * Extracted guideline text has a line break wherever the printed line ended, in the middle of words
 * (`区` / `块链`), titles (`会议议定` / `书》`) and headings. A line break is a paragraph break only
 * when the line before it is complete and the next line starts something new:
 * - the next line starts with a structural marker (`一、`, `1.1`, `（1）`, `（一）`, `1.`, `合作协议：`)
 *   and the line before ends a sentence or clause (`。；：！？`), or is short, or is itself a short
 *   heading. `（芬方要求…）` starts with `（` but is no marker, so it continues the line before;
 * - or the line before is short (under 80% of the column width): in hard-wrapped text only the last
 *   line of a paragraph or heading is short (`（征求意见稿）`, `一、气候变化和可持续发展`);
 * - or a blank line that means a paragraph break (see `clean`) stands between them;
 * - or the text is not hard-wrapped at all (its lines are longer than any printed line, 60 CJK
 *   characters): then every line is a paragraph.
 * CJK lines join without a space; a space is put back only between two Latin letters.
 */
import type { CleanLine, Cleaned } from '../clean/index.js';
import type { Mapped } from '../mapped.js';
import { MappedBuilder } from '../mapped.js';
import { displayWidth, isLatin } from '../lexicon/chars.js';
import { matchMarker } from '../lexicon/markers.js';

export interface Paragraph {
  readonly text: Mapped;
  /** 1-based source lines of the first and last line joined into this paragraph. */
  readonly firstLine: number;
  readonly lastLine: number;
}

/** Display width (2 per CJK character) above which lines cannot be printed lines. */
const UNWRAPPED_WIDTH = 120;

const CLOSING = /[。；;！？!?：:]$|[。；！？][”’」』）)]$/;

/** The column width of the document: the width most full lines have. */
export function columnWidth(lines: readonly CleanLine[]): number {
  const widths = lines.map((l) => displayWidth(l.text.text)).sort((a, b) => a - b);
  if (widths.length === 0) return 0;
  return widths[Math.floor((widths.length - 1) * 0.75)]!;
}

export function reflow(cleaned: Cleaned): Paragraph[] {
  const lines = cleaned.lines;
  const width = columnWidth(lines);
  const unwrapped = width > UNWRAPPED_WIDTH;
  const short = (l: CleanLine): boolean => unwrapped || displayWidth(l.text.text) < width * 0.8;
  const paragraphs: Paragraph[] = [];
  let current: CleanLine[] = [];
  const flush = (): void => {
    if (current.length === 0) return;
    paragraphs.push(joinLines(current));
    current = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const prev = current[current.length - 1];
    if (prev && isBreak(prev, line, short)) flush();
    current.push(line);
  }
  flush();
  return paragraphs;
}

function isBreak(a: CleanLine, b: CleanLine, short: (l: CleanLine) => boolean): boolean {
  if (b.blankBefore) return true;
  const at = a.text.text;
  const closed = CLOSING.test(at);
  const aIsHeading = matchMarker(at) !== null && !/[，、]$/.test(at);
  if (short(a)) return true;
  return matchMarker(b.text.text) !== null && (closed || aIsHeading);
}

function joinLines(lines: readonly CleanLine[]): Paragraph {
  const b = new MappedBuilder();
  lines.forEach((l, k) => {
    if (k > 0) {
      const prev = lines[k - 1]!.text;
      const before = prev.text[prev.text.length - 1];
      if (isLatin(before) && isLatin(l.text.text[0])) {
        const at = prev.to[prev.text.length - 1]!;
        b.pushRange(' ', at, at);
      }
    }
    b.pushMapped(l.text);
  });
  return { text: b.build(), firstLine: lines[0]!.line, lastLine: lines[lines.length - 1]!.line };
}
