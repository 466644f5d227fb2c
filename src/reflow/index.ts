/**
 * The `reflow` stage: rejoins hard-wrapped lines into paragraphs.
 *
 * Extracted guideline text has a line break wherever the printed line ended, in the middle of words
 * (`区` / `块链`), titles (`会议议定` / `书》`) and headings. A line break is a paragraph break only
 * when the line before it is complete and the next line starts something new:
 * - the next line starts with a structural marker (`一、`, `1.1`, `（1）`, `（一）`, `1.`, `合作协议：`)
 *   and the line before ends a sentence or clause (`。；：！？`) or is itself a marker line (a heading
 *   that fills its line); a known field label (`关键词：`) at a line start needs only that the line
 *   before does not end inside a clause (`，`, `、`, an open bracket). `（芬方要求…）` starts with `（` but is no marker, so it continues the line
 *   before; nor is `022、` after a line ending in `2` (a number cut in two);
 * - or the line before is short (under 80% of the column width): in hard-wrapped text only the last
 *   line of a paragraph or heading is short (`（征求意见稿）`, `一、气候变化和可持续发展`);
 * - or the line before is a list item ending with a colon that left room for two more characters
 *   (`（五）绿色和可持续产业园，包括：` followed by its text);
 * - or a blank line that means a paragraph break stands between them, or the next line is indented
 *   where indentation marks paragraph starts (see `clean`);
 * - or the text is not hard-wrapped at all (its lines are longer than any printed line, 60 CJK
 *   characters, or 8% of them are far wider than the column the others fill): then every line is
 *   a paragraph.
 * CJK lines join without a space; a space is put back only between two Latin letters.
 */
import type { CleanLine, Cleaned } from '../clean/index.js';
import type { Mapped } from '../mapped.js';
import { MappedBuilder } from '../mapped.js';
import { displayWidth, isDigit, isLatin } from '../lexicon/chars.js';
import { matchMarker } from '../lexicon/markers.js';
import { fieldLabelAt } from '../lexicon/fields.js';

export interface Paragraph {
  readonly text: Mapped;
  /** 1-based source lines of the first and last line joined into this paragraph. */
  readonly firstLine: number;
  readonly lastLine: number;
}

/** Display width (2 per CJK character) above which lines cannot be printed lines. */
const UNWRAPPED_WIDTH = 120;

const CLOSING = /[。；;！？!?：:]$|[。；！？][”’」』）)]$/;

export function reflow(cleaned: Cleaned): Paragraph[] {
  const lines = cleaned.lines;
  // Widths and markers once per line: each line is looked at as `a` and as `b`.
  const widths = lines.map((l) => displayWidth(l.text.text));
  const markerTypes = lines.map((l) => matchMarker(l.text.text)?.type ?? null);
  const hasMarker = markerTypes.map((t) => t !== null);
  const sorted = [...widths].sort((x, y) => x - y);
  // The column width: the width most full lines have.
  const width = sorted.length === 0 ? 0 : sorted[Math.floor((sorted.length - 1) * 0.75)]!;
  // Text that is not hard-wrapped: lines longer than any printed line, or many lines far wider than
  // the column most lines fill (one paragraph per line, with short label and item lines
  // pulling the column down). Hard-wrapped text has almost none: a URL line, a table row.
  let wide = 0;
  for (const w of widths) if (w > width * 1.3) wide++;
  const unwrapped = width > UNWRAPPED_WIDTH || wide >= Math.max(2, widths.length * 0.08);
  const isBreak = (k: number): boolean => {
    const a = lines[k - 1]!;
    if (lines[k]!.blankBefore || lines[k]!.indented) return true;
    // A short line ends its paragraph: only the last line of a paragraph or heading is short.
    if (unwrapped || widths[k - 1]! < width * 0.8) return true;
    const at = a.text.text;
    // A list item that introduces what follows (`（五）绿色和可持续产业园，包括：`) and left room
    // for two more characters ends there, even when it is not short.
    if (hasMarker[k - 1] && /[：:]$/.test(at) && widths[k - 1]! <= width - 4) return true;
    // Otherwise a new paragraph needs a marker after a closed line; a number cut in two (`2` /
    // `022、2023和…`) is one number, whatever the next line looks like.
    // A heading that fills its line (`1.2中国和马来西亚政府间联合研究项目`) ends before a marker too.
    if (!hasMarker[k] || isDigit(at[at.length - 1])) return false;
    // A known field label (`关键词：`) at a line start starts its field, even after a line that
    // ends without punctuation (the last item of 考核指标 often does).
    if (markerTypes[k] === 'field' && labelStartsLine(at, lines[k]!.text.text)) return true;
    return CLOSING.test(at) || (hasMarker[k - 1]! && !/[，、]$/.test(at));
  };
  const paragraphs: Paragraph[] = [];
  let first = 0;
  for (let k = 1; k <= lines.length; k++) {
    if (k < lines.length && !isBreak(k)) continue;
    paragraphs.push(joinLines(lines.slice(first, k)));
    first = k;
  }
  return paragraphs;
}

/**
 * A line that starts with a label and its colon (`关键词：…`) starts a field, unless the line before
 * ends inside a clause (`，`, `、`, an open bracket) or ends with the first characters of a longer
 * label (`拟` / `支持经费：…` is `拟支持经费：` cut in two). A label without a colon is only a word.
 */
function labelStartsLine(before: string, line: string): boolean {
  const label = fieldLabelAt(line);
  if (!label || !/[：:]/.test(line.slice(0, label.length))) return false;
  if (/[，、（(《“]$/.test(before)) return false;
  for (let n = 1; n <= 3 && n <= before.length; n++) {
    const longer = fieldLabelAt(before.slice(-n) + line);
    if (longer && longer.label.length > label.label.length) return false;
  }
  return true;
}

function joinLines(lines: readonly CleanLine[]): Paragraph {
  if (lines.length === 1) return { text: lines[0]!.text, firstLine: lines[0]!.line, lastLine: lines[0]!.line };
  let total = 0;
  for (const l of lines) total += l.text.text.length;
  const b = new MappedBuilder(total);
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
