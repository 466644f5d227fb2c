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
import { bareValueOf } from '../lexicon/values.js';
import type { CleanLine, Cleaned } from '../clean/index.js';
import { MapPool, PooledMapped, type Mapped } from '../mapped.js';
import { displayWidth, isDigit, isLatin, openBrackets } from '../lexicon/chars.js';
import { RE_UNIT_START } from '../lexicon/numbers.js';
import { BULLET, digitTitleMarkers, itemNumberType, matchMarker, printed, RE_ATTACHMENT_LINE, type MarkerType } from '../lexicon/markers.js';
import { fieldLabelAt, labelOnly } from '../lexicon/fields.js';

export interface Paragraph {
  readonly text: Mapped;
  /** 1-based source lines of the first and last line joined into this paragraph. */
  readonly firstLine: number;
  readonly lastLine: number;
  /**
   * Written out from a table (see `clean/tables.ts`): `row` heads a direction read from a row,
   * `cell` is one of its fields; `field` is a row of a table of labels and values (a field of the
   * direction the text around gives).
   */
  readonly table?: 'row' | 'cell' | 'field';
  /** A heading of the document (an HTML `<h2>`): its level, where the loader knew it. */
  readonly heading?: number;
}

/** Display width (2 per CJK character) above which lines cannot be printed lines. */
const UNWRAPPED_WIDTH = 120;

/**
 * The column a hard-wrapped text fills: the widest width that many lines share (within 8%): full
 * lines all end near the column, whatever share of lines is short (labels, list items, last
 * lines of paragraphs). `sorted` ascending.
 */
function columnWidth(sorted: readonly number[]): number {
  if (sorted.length === 0) return 0;
  const need = Math.max(3, Math.ceil(sorted.length * 0.1));
  let hi = sorted.length - 1;
  let lo = hi;
  for (; hi >= 0; hi--) {
    const w = sorted[hi]!;
    while (lo > 0 && sorted[lo - 1]! >= w * 0.92) lo--;
    if (lo > hi) lo = hi;
    if (hi - lo + 1 >= need) return w;
  }
  return sorted[Math.floor((sorted.length - 1) * 0.75)]!;
}

/** The last line of a title: `…申报指南`, `…指南（征求意见稿）`. Looked for in the first lines only. */
const RE_TITLE_END = /指南$|指南[（(]?征求意见稿[）)]?$|^[（(]征求意见稿[）)]$|的通知$/;
const TITLE_LINES = 4;

/** Words a line break can cut that never end a line of their own: qualifiers and units of figures. */
const UNCUT_WORDS = ['左右', '以上', '以下', '以内', '不超过', '不少于', '人民币', '万元', '亿元'];

/** Whether the break between `a` and `b` falls inside one of `UNCUT_WORDS`. */
function splitsWord(a: string, b: string): boolean {
  for (const w of UNCUT_WORDS) {
    for (let k = 1; k < w.length; k++) if (a.endsWith(w.slice(0, k)) && b.startsWith(w.slice(k))) return true;
  }
  return false;
}


/** Whether the lines from `first` to `k - 1` leave a bracket open (more `（` than `）`). */
function openBracket(lines: readonly CleanLine[], first: number, k: number): boolean {
  // (A heading wraps over a few lines at most: a long paragraph is no heading's.)
  if (k - first > 3) return false;
  let depth = 0;
  for (let i = first; i < k; i++) for (const c of lines[i]!.text.text) depth += c === '（' || c === '(' ? 1 : c === '）' || c === ')' ? -1 : 0;
  return depth > 0;
}

/** The end of a heading on a short line of its own: a few characters, no punctuation (`项目`, `合作项目`, `研究（青年科学家项目）`). */
// (Or the category's bracket alone: `4.1 蓝碳生态系统前沿探索` / `（青年科学家项目）`.)
const RE_TITLE_TAIL = /^(?=\S)[^\s。；;，,：:、（(]{0,6}(?:[（(][^（）()]{1,10}[）)])?$/;

/** The rest of a number and its unit at a line's start (`00万元/项。`, `5个`): never a line of its own. */
const RE_NUMBER_REST = /^(?!(?:19|20)\d{2}\s*年)\d{1,4}(?:\.\d+)?\s*(?:万元|亿元|元|万|亿|个月|个|项|年(?![度底初末])|%|％)/;

/** A line that holds only punctuation that closes what comes before it. */
const RE_CLOSING_ONLY = /^[。，、；：！？）)」』”’》〉】…．.,;:!?]+$/;

const CLOSING = /[。；;！？!?：:]$|[。；！？][”’」』）)]$/;

/** What `isBreak` asks of each line, measured once: widths, markers, labels, the column. */
interface LineFacts {
  readonly lines: readonly CleanLine[];
  readonly widths: readonly number[];
  readonly markerTypes: readonly (MarkerType | null)[];
  readonly hasMarker: readonly boolean[];
  readonly labelLine: readonly boolean[];
  /** A designed list's number alone on its line (`01`, `02` … `11`), its title below it. */
  readonly listNumber: readonly boolean[];
  /** Each line read as a value without its label, filled as asked (`valueAt`). */
  readonly values: (ReturnType<typeof bareValueOf> | undefined)[];
  /** The upper quartile of the printed lines' widths. */
  readonly width: number;
  /** Under this width a line ends its paragraph. */
  readonly short: number;
  /** PDF input: each source line reaches its column's right edge (`Source.wrappedLine`). */
  readonly wrapped?: readonly boolean[];
  /** The text is a paragraph a line, not hard-wrapped. */
  readonly unwrapped: boolean;
  /** HTML and Word input: the block of each line (index = line - 1). */
  readonly blocks?: readonly number[];
}

/**
 * The letter spacing `clean` took out of a line, one column each, where the line was letter-spaced
 * (`考 核 指 标 ： （ 1 ） 机 组 …`, a justified line of a Word PDF: one character removed between
 * seven in ten pairs of those kept, or more); else 0. Counted in its width, such a line is full, no
 * line a paragraph ends with.
 */
function letterSpacing(m: Mapped): number {
  const n = m.text.length;
  if (n < 8) return 0;
  // (One character skipped between two kept: a letter's spacing; a wider gap, a table's column, is none.)
  let spacing = 0;
  for (let k = 1; k < n; k++) if (m.from[k]! - m.from[k - 1]! === 2) spacing++;
  return spacing >= (n - 1) * 0.7 ? spacing : 0;
}

/**
 * Each line's printed width (`letterSpacing`), where letter-spaced lines are a few (under a quarter):
 * a text spaced throughout (an OCR's, `氢 能 …`) is measured as it reads, every line alike.
 */
function measuredWidths(lines: readonly CleanLine[]): number[] {
  // (Never the gaps of glyphs printed twice, fake bold, cleaned away: a line of them reads as it is printed.)
  const spacing = lines.map((l) => (l.doubled ? 0 : letterSpacing(l.text)));
  const few = spacing.filter((x) => x > 0).length < lines.length * 0.25;
  return lines.map((l, k) => displayWidth(l.text.text) + (few ? spacing[k]! : 0));
}

function lineFacts(cleaned: Cleaned): LineFacts {
  const lines = cleaned.lines;
  // Widths and markers once per line: each line is looked at as `a` and as `b`.
  const widths = measuredWidths(lines);
  // Lines written out from a table are no printed lines: they take no part in the column width.
  const printedWidths = lines.some((l) => l.table) ? widths.filter((_, k) => !lines[k]!.table) : widths;
  // A figure's label without a colon (`国拨经费不超过…`) is a word at a line start, no marker:
  // only `segment` gives it a meaning, in a paragraph of its own.
  // (Its list number, where the label is an item's, `（2）拟支持项目数不超过3项…`, is a marker all the same.)
  const markerTypes = lines.map((l) => {
    const m = matchMarker(l.text.text);
    if (m?.type === 'field' && !/[：:]$/.test(m.text)) return itemNumberType(l.text.text);
    return m ? m.type : null;
  });
  // (An item whose title starts with a figure, `1．0～3岁…`, where the list around it says so.)
  const items = markerTypes.map((t, k) => (t === null ? null : t === 'arabic-dot' || t === 'decimal' ? matchMarker(lines[k]!.text.text) : ({ type: t, text: '', length: 0, value: 0, key: '' } as const)));
  digitTitleMarkers(lines.map((l) => l.text.text), items);
  items.forEach((m, k) => {
    if (m !== null) markerTypes[k] = m.type;
  });
  // A bullet (`• 其中，…`) starts a list item as a number does.
  // So does a group's title numbered `N` (`2 先进金属结构材料`, its space gone) over its `N.1` heading.
  const hasMarker = markerTypes.map((t, k) => t !== null || RE_BULLET_START.test(lines[k]!.text.text) || numbersGroupBelow(lines[k]!.text.text, lines[k + 1]?.text.text));
  // A line that is a known label and nothing else (`合作领域`, `拟支持项目数：`) stands apart from the
  // lines around it: web pages and flattened tables print the value on the next line.
  const labelLine = lines.map((l) => !l.table && labelOnly(l.text.text) !== null);
  // Widths are whole numbers: a typed array sorts them numerically without a comparator.
  const sorted = Array.from(Int32Array.from(printedWidths).sort());
  const column = columnWidth(sorted);
  // The column width: the width most full lines have.
  // Short lines are judged against the width most full lines have (the upper quartile): lenient
  // where lines end early (a Latin word, a number carried over). Lines that are not hard-wrapped
  // at all stand out against the column.
  const width = sorted.length === 0 ? 0 : sorted[Math.floor((sorted.length - 1) * 0.75)]!;
  // Text that is not hard-wrapped: lines longer than any printed line, or many lines far wider than
  // the column most lines fill (one paragraph per line, with short label and item lines
  // pulling the column down). Hard-wrapped text has almost none: a URL line, a table row.
  let wide = 0;
  for (const w of printedWidths) if (w > column * 1.15) wide++;
  const unwrapped = width > UNWRAPPED_WIDTH || wide >= Math.max(2, printedWidths.length * 0.08);
  // A short line: under 80% of the upper quartile's width, or of the column where many full lines
  // fill it (a text of many short field lines pulls the quartile down: `…申报指南。有关事项通知如下。`
  // ends its paragraph at three quarters of an 80-column page).
  const full = sorted.filter((w) => w >= column * 0.92).length;
  const short = (full >= Math.max(3, sorted.length * 0.15) ? Math.max(width, column * 0.9) : width) * 0.8;
  return { lines, widths, markerTypes, hasMarker, labelLine, listNumber: listNumbers(lines), values: new Array(lines.length), width, short, unwrapped, ...(cleaned.layout.blockOfLine ? { blocks: cleaned.layout.blockOfLine } : {}), ...(cleaned.layout.wrappedLine ? { wrapped: cleaned.layout.wrappedLine } : {}) };
}

/**
 * A short title after a bare number (`2先进金属结构材料`, Word's heading number and its space) whose
 * next line is a heading numbered under it (`2.1…`, `2.1.1…`): a group's heading.
 */
function numbersGroupBelow(line: string, next: string | undefined): boolean {
  const m = /^(\d{1,2})[\u4e00-\u9fff][^，。；;：:、,]{1,29}$/.exec(line);
  return m !== null && next !== undefined && next.startsWith(`${m[1]}.1`) && !/^\d{1,2}\.1\d/.test(next);
}

/** A bullet glyph and a space at a line's start (`• `, `▪ `, `● `): a list item's mark. */
const RE_BULLET_START = new RegExp(`^${BULLET}[ \\u3000]?(?=\\S)`);

/**
 * A rule of `isBreak`: where `when` holds for line `k` (the paragraph started at line `first`), a
 * paragraph ends before the line (`breaks`) or goes on through it; the first rule that holds decides.
 */
interface BreakRule {
  readonly breaks: boolean;
  readonly when: (f: LineFacts, k: number, first: number) => boolean;
}

/** Line `k` stands in another block of the source (HTML and Word input) than line `k - 1`. */
const otherBlock = (f: LineFacts, k: number): boolean => f.blocks !== undefined && f.blocks[f.lines[k]!.line - 1] !== f.blocks[f.lines[k - 1]!.line - 1];

/** The text of line `k` of `f`. */
const textAt = (f: LineFacts, k: number): string => f.lines[k]!.text.text;

/** The rules of `isBreak`, in the order they are asked. */
const BREAK_RULES: readonly BreakRule[] = [
  /** A table cell wrapped onto the next line (in the value column, below its row) goes on. */
  { breaks: false, when: (f, k) => f.lines[k]!.continuesCell },
  /** A label cut by the wrap, its head alone on a line (`拟支持项` / `目数：6个。`, `共拟支` / `持经费：…`) or after a clause (`…能源。拟支` / `持项目数：…`): one label, one line. */
  { breaks: false, when: (f, k) => labelCutByWrap(f, k) },
  /** A line written out from a table stands as a paragraph of its own. */
  { breaks: true, when: (f, k) => f.lines[k]!.table !== undefined || f.lines[k - 1]!.table !== undefined },
  /** A heading of the document (an HTML `<h2>`) stands apart from the text around it. */
  { breaks: true, when: (f, k) => (f.lines[k]!.heading ?? 0) !== (f.lines[k - 1]!.heading ?? 0) },
  /**
   * A heading in 【】 on a line of its own (`【中国—东盟科技伙伴计划联合研究项目】`, directions named
   * with no number) stands apart from the lines around it.
   */
  { breaks: true, when: (f, k) => RE_BRACKET_HEADING.test(textAt(f, k)) || RE_BRACKET_HEADING.test(textAt(f, k - 1)) },
  /**
   * A line that ends with an item's number, its text on the next line (`…优于0.1nm；2）` / `研制原位…`):
   * the item goes on.
   */
  { breaks: false, when: (f, k) => !f.lines[k]!.blankBefore && RE_TRAILING_ITEM.test(textAt(f, k - 1)) && !f.hasMarker[k] },
  /**
   * A heading's number on a line of its own (`1.8`, then the title after a blank line: a web page's
   * number and heading in blocks apart) goes on with the title below it.
   */
  { breaks: false, when: (f, k) => (RE_NUMBER_ONLY.test(textAt(f, k - 1).trim()) || f.listNumber[k - 1]!) && !f.hasMarker[k] && !f.labelLine[k] && isTitleText(textAt(f, k)) },
  /** `附件` (`附件1`) stands alone: an attachment starts below it. */
  { breaks: true, when: (f, k) => RE_ATTACHMENT_LINE.test(textAt(f, k).trim()) || RE_ATTACHMENT_LINE.test(textAt(f, k - 1).trim()) },
  /**
   * A line of closing punctuation only (`。`, `）。`) ends the sentence before it, wherever the
   * wrap (or a page break) left it.
   */
  { breaks: false, when: (f, k) => RE_CLOSING_ONLY.test(textAt(f, k)) },
  /**
   * A line that ends with a joining word (`…联合研究项目与` / `联合实验室建设`, `…生物大分子的` /
   * `结构稳定…`) or inside a word
   * (`…人民币左` / `右。`) goes on, whatever its length: neither ends a title or a paragraph.
   */
  { breaks: false, when: (f, k) => !f.hasMarker[k] && (/[与和及或之的]$/.test(textAt(f, k - 1)) || splitsWord(textAt(f, k - 1), textAt(f, k))) },
  /**
   * A line that starts with one character and a clause's end (`报，单方申报无效。`) ends a word the line
   * before began (`…创新署申`): no paragraph starts so.
   */
  { breaks: false, when: (f, k) => !f.hasMarker[k] && /[\u4e00-\u9fff]$/.test(textAt(f, k - 1)) && /^[\u4e00-\u9fff][，。；、]/.test(textAt(f, k)) },
  /** A heading whose bracket is still open at the line's end (`…合作项目（绿色氢能领` / `域联合研发）`). */
  { breaks: false, when: (f, k, first) => !f.hasMarker[k] && f.hasMarker[first]! && f.markerTypes[first] !== 'field' && openBracket(f.lines, first, k) },
  /**
   * A figure cut from its unit (`国拨经费：1800` / `万元。`, a page break between them), or cut
   * inside (`不超过30` / `00万元/项。`): one figure.
   */
  { breaks: false, when: (f, k) => /\d$/.test(textAt(f, k - 1)) && (RE_UNIT_START.test(textAt(f, k)) || (RE_NUMBER_REST.test(textAt(f, k)) && !RE_ATTACHMENT_LINE.test(textAt(f, k - 1).trim()))) },
  /**
   * Values printed without their labels, a value to a line (`《…协定》` / `水资源` / `1项`): a line that
   * is wholly a value known by its shape ends before a line that is wholly a value too, full or not.
   */
  { breaks: true, when: (f, k) => valuesApart(f, k) },
  /**
   * A blank line an extractor guessed (Apache Tika / PDFBox: `…实施方案的部署，现提出 2026` / blank /
   * `年度项目申报指南`): after a line that fills the measure inside a sentence, before a line that
   * starts nothing of its own, the sentence goes on.
   */
  { breaks: false, when: (f, k) => f.lines[k]!.blankBefore && !f.unwrapped && !f.hasMarker[k] && !f.labelLine[k] && !f.lines[k]!.indented && f.widths[k - 1]! >= f.width * 0.9 && /[\u4e00-\u9fff\d，、]$/.test(textAt(f, k - 1)) && /^[\u4e00-\u9fff\d，。、；）]/.test(textAt(f, k)) && proseGoesOn(textAt(f, k - 1), textAt(f, k)) },
  /** A blank line that means a paragraph break, or an indent where indents start paragraphs (see `clean`). */
  { breaks: true, when: (f, k) => f.lines[k]!.blankBefore || f.lines[k]!.indented },
  /**
   * A line that ends inside a clause (`支持额度：每项不超过100万元，` / `共计600万元`) goes on, even
   * in text of a paragraph a line: nothing ends a paragraph there.
   */
  { breaks: false, when: (f, k) => f.unwrapped && !f.hasMarker[k] && !f.labelLine[k] && /[，、,（(《“‘「]$/.test(textAt(f, k - 1)) },
  /** A line that is a known label and nothing else stands apart from the lines around it. */
  { breaks: true, when: (f, k) => f.labelLine[k]! || f.labelLine[k - 1]! },
  /**
   * A heading's last word wrapped onto a short line of its own (`1.2 中国和乌兹别克斯坦政府间联合研究`
   * / `项目`), its fields right below: the heading goes on.
   */
  {
    breaks: false,
    when: (f, k, first) =>
      // (Its number alone on the line above the title too: `2.2` / `滨海湿地…计量监` / `测体系（共性关键技术类）`.)
      ((f.hasMarker[first]! && f.markerTypes[first] !== 'field') || RE_NUMBER_ONLY.test(textAt(f, first).trim())) && !f.hasMarker[k] && RE_TITLE_TAIL.test(textAt(f, k)) && !headingHasClause(f.lines, first, k) && (k + 1 >= f.lines.length || f.markerTypes[k + 1] === 'field'),
  },
  /**
   * A card's title in two lines under its number (`01` / `中国和越南` / `政府间联合研究项目`), a
   * label alone or a field below it: the title goes on where its second line ends as titles do.
   */
  {
    breaks: false,
    when: (f, k, first) =>
      k === first + 2 && f.listNumber[first]! && isTitleText(textAt(f, first + 1)) && !f.hasMarker[k] && !f.labelLine[k] && RE_TITLE_LINE_END.test(textAt(f, k)) && textAt(f, k).length <= 16 && isTitleText(textAt(f, k)) && k + 1 < f.lines.length && (f.labelLine[k + 1]! || f.markerTypes[k + 1] === 'field'),
  },
  /** The title ends its paragraph even when nothing separates it from the text below it. */
  { breaks: true, when: (f, k) => k <= TITLE_LINES && RE_TITLE_END.test(textAt(f, k - 1)) && !RE_TITLE_END.test(textAt(f, k)) },
  /**
   * A sentence broken by a line break inside it (a Word or ODF paragraph of soft line breaks pasted
   * from a PDF: `…参与企业应提供至少与其获得的政府资助` / `等额的配套出资。`) goes on: the line is a
   * clause under way (a comma in it, a character at its end), not a heading.
   */
  // (Never across the blocks of a web page or Word file: `<p>关键词：…，极端环境材料</p><p>有关<br>说明：…`.)
  { breaks: false, when: (f, k) => f.unwrapped && !f.hasMarker[k] && !f.labelLine[k] && !otherBlock(f, k) && /，/.test(textAt(f, k - 1)) && /[\u4e00-\u9fff]$/.test(textAt(f, k - 1)) && /^[\u4e00-\u9fff]/.test(textAt(f, k)) },
  /**
   * In text that is not hard-wrapped, a line the rules above leave is a paragraph of its own. (Not a
   * PDF's line that reaches its column's edge: a page of full-width text and two-column bands reads
   * as unwrapped by its widths alone, its column lines half the full ones.)
   */
  { breaks: true, when: (f, k) => f.unwrapped && f.wrapped?.[f.lines[k - 1]!.line - 1] !== true },
  /**
   * A line that ends inside a clause (`，`, `、`, an open bracket) goes on, short or not: a Latin word or a number
   * too long for the rest of the line leaves it short.
   */
  { breaks: false, when: (f, k) => /[，、,（(《“‘「]$/.test(textAt(f, k - 1)) },
  /**
   * A short line ends its paragraph: only the last line of a paragraph or heading is short. Not
   * when the next line starts with a Latin word or number too wide for the room left: a
   * typesetter carried it over whole (`…不少于` / `10EFLOPS（FP16），…`).
   */
  // (A line of a narrow column, cards side by side, that reaches its column's edge is wrapped: `wrapped`.)
  { breaks: true, when: (f, k) => f.widths[k - 1]! < f.short && !carriedOver(textAt(f, k), f.width - f.widths[k - 1]!) && f.wrapped?.[f.lines[k - 1]!.line - 1] !== true },
  /**
   * A list item that introduces what follows (`（五）绿色和可持续产业园，包括：`) and left room
   * for two more characters ends there, even when it is not short.
   */
  { breaks: true, when: (f, k) => f.hasMarker[k - 1]! && /[：:]$/.test(textAt(f, k - 1)) && f.widths[k - 1]! <= f.width - 4 },
  /**
   * Otherwise a new paragraph needs a marker after a closed line; a number cut in two (`2` /
   * `022、2023和…`) is one number, whatever the next line looks like, but a field's label
   * (`拟支持经费（万元）：1200.00` / `项目实施周期（月）：36`).
   * A heading that fills its line (`1.2中国和马来西亚政府间联合研究项目`) ends before a marker too.
   */
  { breaks: false, when: (f, k) => !f.hasMarker[k] || (isDigit(textAt(f, k - 1)[textAt(f, k - 1).length - 1]) && f.markerTypes[k] !== 'field') },
  /**
   * A heading wrapped over several lines (`1.1 中国-欧盟…` / `…研究创新合作项目`) ends before a
   * field label, full last line or not: a heading has no clause punctuation.
   */
  { breaks: true, when: (f, k, first) => f.markerTypes[k] === 'field' && f.hasMarker[first]! && f.markerTypes[first] !== 'field' && !headingHasClause(f.lines, first, k) },
  /**
   * So does an indented title with no number (a heading whose automatic number a copy from Word
   * dropped, its tab left), one line long, before a field label.
   */
  { breaks: true, when: (f, k, first) => f.markerTypes[k] === 'field' && !f.hasMarker[first] && first === k - 1 && f.lines[first]!.indented && isTitleText(textAt(f, k - 1)) },
  /** `②能效` after `…①新材料；` in the same paragraph continues a list numbered inline. */
  { breaks: false, when: (f, k, first) => continuesInlineList(f.lines, first, k) },
  /**
   * A field label inside a bracket the line before opened (`…单方申报无效（拟支持项目数：8个；` /
   * `经费：1600万元；周期：2年）。`) goes on in that paragraph: the bracket closes there.
   */
  { breaks: false, when: (f, k) => f.markerTypes[k] === 'field' && openBrackets(textAt(f, k - 1)) > 0 },
  /**
   * A known field label (`关键词：`) at a line start starts its field, even after a line that
   * ends without punctuation (the last item of 考核指标 often does).
   */
  { breaks: true, when: (f, k) => f.markerTypes[k] === 'field' && labelStartsLine(textAt(f, k - 1), textAt(f, k)) },
];

/**
 * Line `k - 1` is wholly a value known by its shape (`《…》`, a figure and its unit) and line `k` is
 * wholly a value too (one topic alone, `水资源`, only where a value known by its shape follows it),
 * or starts with a marker (`（1）合作项目必须…`); a line that is wholly a list of topics, before a
 * value known by its shape.
 */
function valuesApart(f: LineFacts, k: number): boolean {
  const before = valueAt(f, k - 1);
  if (before === null || before.weak) return false;
  const here = f.hasMarker[k] ? null : valueAt(f, k);
  // (A list of topics may wrap: it ends only before a value known by its shape.)
  if (before.role === 'domains') return here !== null && !here.weak && here.role !== 'domains';
  if (f.hasMarker[k]) return true;
  if (here === null) return false;
  if (!here.weak) return true;
  const next = k + 1 < f.lines.length ? valueAt(f, k + 1) : null;
  return next !== null && !next.weak && next.role !== 'domains';
}

/**
 * Line `before` is prose under way (a clause's comma in it, or a field's text after its label:
 * `考核指标：建立…长期服役性`), never a title, a menu or a heading, and `line` opens no label of its own.
 */
function proseGoesOn(before: string, line: string): boolean {
  return (/[，、；]/.test(before) || /^[\u4e00-\u9fff]{2,8}[：:]/.test(before)) && !/^[\u4e00-\u9fff]{2,8}[：:]/.test(line) && !RE_TITLE_END.test(before);
}

/** Line `k` read as a value without its label (`bareValueOf`), once per line. */
function valueAt(f: LineFacts, k: number): ReturnType<typeof bareValueOf> {
  let v = f.values[k];
  if (v === undefined) f.values[k] = v = bareValueOf(textAt(f, k));
  return v;
}

/** Whether a paragraph ends before line `k` (the paragraph started at line `first`). */
function isBreak(f: LineFacts, k: number, first: number): boolean {
  for (const rule of BREAK_RULES) if (rule.when(f, k, first)) return rule.breaks;
  // Where no rule decides: a closed line, or a marker line not ending inside a clause, ends before a marker.
  const at = textAt(f, k - 1);
  return CLOSING.test(at) || (f.hasMarker[k - 1]! && !/[，、]$/.test(at));
}

/** Whether line `k - 1` is the head of a field label cut by the wrap, its rest starting line `k`. */
function labelCutByWrap(f: LineFacts, k: number): boolean {
  const before = textAt(f, k - 1).trim();
  // (Or after a clause's end, where fields run on: `…领域方向：能源。拟支` / `持项目数：1个。`.)
  const end = Math.max(before.lastIndexOf('。'), before.lastIndexOf('；'), before.lastIndexOf(';'));
  const head = end >= 0 ? before.slice(end + 1) : before;
  if (head.length < (end >= 0 ? 1 : 2) || head.length > 8 || !/^[\u4e00-\u9fff]+$/.test(head)) return false;
  const label = fieldLabelAt(head + textAt(f, k));
  return label !== null && label.length > head.length + 1;
}

/** A heading wholly in 【】 (no colon, no clause inside). */
const RE_BRACKET_HEADING = /^【[^【】：:。；，]{4,60}】$/;

/** An inline list's next item number at a line's end, after the clause before it (`；2）`, `；（3）`, `。③`). */
const RE_TRAILING_ITEM = /[；;。，,]\s*(?:\d{1,2}[)）]|[（(]\d{1,2}[)）]|[\u2460-\u2473])$/;

/**
 * A heading's number alone: `1.8`, `2.1.3`, `1.`, `三、`, `（二）` (never a bare `1`: a cell or a
 * page's; a designed list's `01` … `11`, see `listNumbers`), or a direction named by a word and its number (`方向 1`, `任务二：`, `专题三`, a web
 * page's card whose title is on the next line).
 */
const RE_NUMBER_ONLY = /^(?:\d{1,2}(?:[.．]\d{1,2}){1,2}|\d{1,2}[.．、]|[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}、|(?:(?:研究|指南|项目)?方向|(?:揭榜|攻关|指南)?任务|专题)\s*(?:[一二三四五六七八九十]{1,3}|\d{1,3})\s*[：:、.．]?)$/;

/** How a direction's title ends (`…联合研究项目`, `…合作研究`). */
const RE_TITLE_LINE_END = /(?:项目|研究|合作|专项|计划|方向)$/;

/**
 * The lines that number a designed list, each alone on its line: `01` and the numbers that count on
 * from it one by one (`02` … `09`, `10`, `11`), never a table's bare cell.
 */
function listNumbers(lines: readonly CleanLine[]): boolean[] {
  const out = lines.map(() => false);
  let next = 1;
  lines.forEach((l, k) => {
    const t = l.text.text.trim();
    if (!/^\d{2}$/.test(t)) return;
    const n = Number(t);
    if (n === 1 && t === '01') next = 1;
    if (n !== next || (n < 10 && !t.startsWith('0'))) return;
    out[k] = true;
    next++;
  });
  return out;
}

/** A title's text: short, with no clause punctuation. */
const isTitleText = (t: string): boolean => t.trim().length >= 2 && t.trim().length <= 60 && !/[。；;，,：:]/.test(t);

export function reflow(cleaned: Cleaned): Paragraph[] {
  const lines = cleaned.lines;
  const facts = lineFacts(cleaned);
  const paragraphs: Paragraph[] = [];
  // The joined paragraphs' maps, as runs (`MapRuns`); each paragraph is joined in scratch arrays.
  const pool = new MapPool();
  let first = 0;
  for (let k = 1; k <= lines.length; k++) {
    if (k < lines.length && !isBreak(facts, k, first)) continue;
    paragraphs.push(joinLines(lines.slice(first, k), pool));
    first = k;
  }
  return paragraphs;
}



function carriedOver(next: string, room: number): boolean {
  // The unit a typesetter keeps whole: a Latin or digit run with what is attached to it, up to the
  // next ideograph or space (`10EFLOPS（FP16），`).
  const word = /^[A-Za-z0-9][^\u3400-\u9fff\s]*/.exec(next)?.[0];
  return word !== undefined && word.length >= 3 && displayWidth(word) > room;
}

function headingHasClause(lines: readonly CleanLine[], first: number, k: number): boolean {
  for (let i = first; i < k; i++) if (/[。；;：:]/.test(lines[i]!.text.text)) return true;
  return false;
}

/**
 * Labels that start their field at a line start even after a line without closing punctuation:
 * 关键词 follows the last 考核指标 item, which often has none. Other labels also occur inside
 * sentences (`…以下基本考核指标：申请专利…`), so they need a closed line before them.
 */
const LINE_START_LABELS: ReadonlySet<string> = new Set(['关键词', '关键字']);

/**
 * The line at `k` starts with marker n > 1 of a kind (`②`, `（2）`, `2.`) whose n - 1 stands inside
 * the paragraph being built (after its start): a list numbered inline, carried over a line break.
 */
function continuesInlineList(lines: readonly CleanLine[], first: number, k: number): boolean {
  const m = matchMarker(lines[k]!.text.text);
  if (!m || m.value < 2 || (m.type !== 'circled' && m.type !== 'paren-arabic' && m.type !== 'arabic-dot' && m.type !== 'arabic-paren')) return false;
  const prev = printed(m.type, m.value - 1);
  const own = lines[k]!.text.text;
  const third = printed(m.type, m.value + 1);
  const runsOn = own.indexOf(third, 1) > 0 && /[。；;，,]/.test(own[own.indexOf(third, 1) - 1] ?? '');
  const atLabel = (t: string, at: number): boolean => /^[^：:，。；]{1,12}[：:]\s*$/.test(t.slice(0, at));
  let text = '';
  for (let i = first; i < k; i++) text += lines[i]!.text.text;
  const inline = (marker: string): boolean => {
    for (let at = text.indexOf(marker, 1); at > 0; at = text.indexOf(marker, at + 1)) {
      // (Not the first item right after the field's label, `考核指标：（1）…`, its next on a line of its
      // own that runs into no third, `（2）…；` / `（3）…`: a list at the lines' starts.)
      if (/[。；;：:，,\s]/.test(text[at - 1]!) && !isDigit(text[at + marker.length]) && !(atLabel(text, at) && !runsOn)) return true;
    }
    return false;
  };
  // (Not where the paragraph has that number already: `…（1）…（2）…待定。` then `（2）内地与香港…` is
  // the next heading, not the list's second item again.)
  return inline(prev) && !inline(printed(m.type, m.value));
}

/**
 * A line that starts with a label and its colon (`关键词：…`) starts a field, unless the line before
 * ends inside a clause (`，`, `、`, an open bracket) or ends with the first characters of a longer
 * label (`拟` / `支持经费：…` is `拟支持经费：` cut in two). A label without a colon is only a word.
 */
function labelStartsLine(before: string, line: string): boolean {
  const label = fieldLabelAt(line);
  if (!label || !LINE_START_LABELS.has(label.label) || !/[：:]/.test(line.slice(0, label.length))) return false;
  if (/[，、（(《“]$/.test(before)) return false;
  for (let n = 1; n <= 3 && n <= before.length; n++) {
    const longer = fieldLabelAt(before.slice(-n) + line);
    if (longer && longer.label.length > label.label.length) return false;
  }
  return true;
}

/**
 * The paragraph of `lines`. Its map is kept in the pool's runs even for a single line, so that no
 * paragraph holds the cleaned lines' maps: those (and the lines) can go once the paragraphs are made.
 */
function joinLines(lines: readonly CleanLine[], pool: MapPool): Paragraph {
  if (lines.length === 1) {
    const l = lines[0]!;
    const n = l.text.text.length;
    const text = new PooledMapped(l.text.text, pool.runs, pool.runs.add(l.text.from, l.text.to, n));
    return l.table ? { text, firstLine: l.line, lastLine: l.line, table: l.table } : { text, firstLine: l.line, lastLine: l.line, ...(l.heading ? { heading: l.heading } : {}) };
  }
  let need = lines.length - 1;
  for (const l of lines) need += l.text.text.length;
  const { from, to } = pool.scratch(need);
  let n = 0;
  const parts: string[] = [];
  lines.forEach((l, k) => {
    const t = l.text;
    if (k > 0) {
      const prev = lines[k - 1]!.text;
      const before = prev.text[prev.text.length - 1];
      if (isLatin(before) && isLatin(t.text[0])) {
        // The space that rejoins two Latin words: an empty range where the line ended.
        const at = prev.to[prev.text.length - 1]!;
        from[n] = at;
        to[n] = at;
        n++;
        parts.push(' ');
      }
    }
    from.set(t.from, n);
    to.set(t.to, n);
    n += t.text.length;
    parts.push(t.text);
  });
  // The paragraph keeps its map as runs; its views are made when asked for (`PooledMapped`).
  const text = new PooledMapped(parts.join(''), pool.runs, pool.runs.add(from, to, n));
  return { text, firstLine: lines[0]!.line, lastLine: lines[lines.length - 1]!.line, ...(lines[0]!.heading ? { heading: lines[0]!.heading } : {}) };
}
