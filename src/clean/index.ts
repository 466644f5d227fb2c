/**
 * The `clean` stage: strips pagination noise and extraction artefacts from the loaded text, line by
 * line, and logs every removal. Produces the cleaned lines (each a `Mapped` back into the loaded
 * text) and the `Layout` (lines and pages) that later stages use for positions.
 *
 * Removed, each logged with its kind, text, line and page:
 * - page numbers on a line of their own (`— 18 —`, `- 3 -`, `—3—`, `第 3 页`, `第3页 共20页`, `3/20`, `18`);
 * - the single leading space that marks the start of a page in text extracted from these PDFs;
 * - URL artefact lines: a line that starts with a URL and whose rest repeats text found elsewhere;
 * - running headers and footers: the same line, with the same words (a line of punctuation only is
 *   no evidence), at the top (bottom) of most pages;
 * - look-alike glyphs (Kangxi radicals, CJK compatibility ideographs, the radicals of the CJK
 *   Radicals Supplement that stand for a whole character: `⻅` → 见; → the unified ideograph),
 *   full-width letters and digits (→ ASCII), spaces next to a CJK character (`15 个` is `15个`,
 *   `日本 JICA` is `日本JICA`; spaces between Latin words and digits stay), control characters.
 * Blank lines and white space at line ends are layout, not text: they are dropped without a log
 * entry (a double-spaced extraction, as in the seed, has a blank line after every line).
 * Lines read by OCR also have OCR's misreadings undone (`ocr.ts`), logged as `ocr-misread`.
 */
import { ownEntry } from '../own.js';
import { SIMPLIFIED_OF, writtenInTraditional } from '../lexicon/script.js';
import type { Mapped } from '../mapped.js';
import type { Layout } from '../position.js';
import { asciiAlnum, asciiOfFullWidth, DIGIT_LOOKALIKE, displayWidth, HALF_TO_FULL, ideographOf, isCjkContext, isCjkOrPunct, plainIdeographs, PUNCT_LOOKALIKE, RE_RULE_LINE } from '../lexicon/chars.js';
import type { Removal, RemovalKind, Source } from '../types.js';
import { PAGE_TOKEN, pageNumberOf, RE_PAGE_COUNTER, runningLineQuorum } from '../lexicon/pagination.js';
import { RE_UNIT_START } from '../lexicon/numbers.js';
import { DIRECTION_ROLES, fieldLabelAt, LABEL_COLON, labelOnly, labelsOf, type FieldRole } from '../lexicon/fields.js';
import { BULLET, DIRECTION_WORDS, itemNumberType, matchMarker, RE_DIRECTIONS_PART, RE_YAML_LINE } from '../lexicon/markers.js';
import { columnOf, kindColumn, RE_TOTAL_TEXT } from '../lexicon/columns.js';
import { isRecordField, RE_RECORD_NOTE } from '../lexicon/records.js';
import { repairOcrLine } from './ocr.js';
import { findTables, type Range, type Table } from './tables.js';
import { findColumnPages } from './columns.js';
import { findFieldPairs } from './field-pairs.js';
import { findLabelColumns } from './label-columns.js';
import { MapPool, MappedBuilder, PooledMapped, sourceRange } from '../mapped.js';
import { append } from '../append.js';
import { escapeRegExp } from '../regexp.js';

export { pageNumberOf };

export interface CleanLine {
  /** 1-based line in `Source.text`. */
  readonly line: number;
  /** The cleaned line; never empty, no white space at either end. */
  readonly text: Mapped;
  /** A blank line that means a paragraph break comes before this line. */
  readonly blankBefore: boolean;
  /**
   * The line is indented (two spaces or more, or an ideographic space, as Chinese paragraphs start)
   * where not nearly every line is: it starts a paragraph.
   */
  readonly indented: boolean;
  /**
   * The line continues the value of a label/value table row (`pdftotext -layout`): it stands in
   * the value column of the row above, with no label of its own, and no blank line between.
   */
  readonly continuesCell: boolean;
  /**
   * A line written out from a table (`tables.ts`): `row` heads a direction read from a table row
   * (its number and title), `cell` is one of its fields (`label：value`), or a label/value row.
   * Each stands as a paragraph of its own.
   */
  readonly table?: 'row' | 'cell' | 'field';
  /** The line is a heading of the document (`Source.headingOfLine`): its level. */
  readonly heading?: number;
  /**
   * Glyphs printed twice (fake bold, `合合作作协协议议：：`) were cleaned out of the line: the gaps they
   * leave between its characters are no letter spacing (`reflow` measures its width as it reads).
   */
  readonly doubled?: true;
}

export interface Cleaned {
  readonly lines: readonly CleanLine[];
  readonly removed: readonly Removal[];
  readonly layout: Layout;
}

const RE_URL_LINE = /^\s*(https?:\/\/[^\s\u3000-\u303f\u4e00-\u9fff\uff01-\uff5e]+)(.*)$/;
const RE_WS = /[\s\u3000\u00a0\ufeff]/g;
/** A letter or a digit of any script: what a line needs to count as a running header or footer. */
const RE_WORD = /[\p{L}\p{N}]/u;
/** Shortest rest of a URL line that counts as "repeating text found elsewhere". */
const MIN_REPEAT = 6;

type LineClass = 'blank' | 'content' | 'page-number' | 'url-artefact' | 'running-header' | 'running-footer' | 'footnote' | 'web-chrome' | 'table-of-contents' | 'translation' | 'email' | 'record-header' | 'duplicate-line' | 'chat' | 'revision' | 'hidden-text';

interface RawLine {
  start: number;
  /** End of the content, before the line break. */
  readonly end: number;
  raw: string;
  cls: LineClass;
  pageStart: boolean;
  formFeed: boolean;
  printed: number | null;
  /** The line goes on with the line before it, whatever its shape (a quoted line a mail client rewrapped: `unquote`). */
  continues?: boolean;
  /** A line set into the text by someone else (a remark between the quoted lines of a reply): removed, and the text goes on across it. */
  aside?: boolean;
  /** Pieces of the line found furniture before it is cleaned (a running header glued to a page number inside it). */
  furniture?: { start: number; end: number; kind: RemovalKind }[];
  /** Cleaning removed glyphs of the line as doubled (fake bold): the gaps they leave are no letter spacing (`cleanLine`). */
  doubled?: boolean;
  /** The rest of a label wrapped inside its column (`拟支持项` here, `目数` on a line below): read right after the label's start (`markWrappedLabels`). */
  labelTail?: { readonly start: number; readonly end: number };
  /** Where the line goes on after the rest of a label read on the line above (`labelTail`). */
  afterLabelTail?: number;
}

/**
 * The text as simplified script when it is written in traditional script (see
 * `writtenInTraditional`). Each run of converted characters on a line is logged as one
 * `traditional-script` replacement.
 */
function readAsSimplified(text: string, removed: Removal[]): string {
  if (!writtenInTraditional(text)) return text;
  const out: string[] = [];
  let line = 1;
  let run = -1;
  const close = (end: number): void => {
    if (run < 0) return;
    removed.push({ kind: 'traditional-script', text: text.slice(run, end), replacement: out.slice(run, end).join(''), line, start: run, end, page: null });
    run = -1;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const to = SIMPLIFIED_OF.get(ch);
    if (to === undefined) {
      close(i);
      if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) line++;
      out.push(ch);
    } else {
      if (run < 0) run = i;
      out.push(to);
    }
  }
  close(text.length);
  return out.join('');
}

function splitLines(text: string): RawLine[] {
  const lines: RawLine[] = [];
  let start = 0;
  const n = text.length;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? text.charCodeAt(i) : -1;
    if (c === 10 || c === 13 || c === -1) {
      lines.push({ start, end: i, raw: text.slice(start, i), cls: 'blank', pageStart: false, formFeed: false, printed: null });
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  return lines;
}

/** Lookalike and full-width normalisation of one code point; null when unchanged. */
function normaliseChar(ch: string): { to: string; kind: RemovalKind } | null {
  const c = ch.codePointAt(0)!;
  if ((c >= 0x2e80 && c <= 0x2fdf) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0x2f800 && c <= 0x2fa1f)) {
    const to = ideographOf(ch);
    return to !== null ? { to, kind: 'lookalike-glyph' } : null;
  }
  const ascii = asciiOfFullWidth(ch);
  if (ascii !== null) return { to: ascii, kind: 'fullwidth-alnum' };
  const punct = PUNCT_LOOKALIKE.get(c);
  if (punct !== undefined) return { to: punct, kind: 'lookalike-glyph' };
  return null;
}

/**
 * A control character, or an invisible format character (Unicode Cf: zero-width space, joiners,
 * word joiner, direction marks and embeddings, a soft hyphen, a BOM inside the text), such as a
 * portal's copy handler hides in what is copied (`202\u200b\u200c6`): no text, logged.
 */
function isControl(c: number): boolean {
  return (
    (c < 0x20 && c !== 9) ||
    c === 0x7f ||
    (c >= 0x80 && c < 0xa0) ||
    c === 0xad ||
    c === 0x180e ||
    (c >= 0x200b && c <= 0x200f) ||
    (c >= 0x202a && c <= 0x202e) ||
    (c >= 0x2060 && c <= 0x2064) ||
    (c >= 0x2066 && c <= 0x2069) ||
    c === 0xfeff
  );
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 9 || c === 0x3000 || c === 0xa0 || c === 12;
}

/** A line that only says the text goes on over the page: `（接下页）`, `（转下页）`, `（未完待续）`. */
const RE_CONTINUES_MARK = /^[（(](?:接下页|转下页|下页续|续下页|未完待续|未完，?(?:接|转)下页)[)）]$/;
/**
 * A printer's slug outside the trim, as a layout program prints it on each sheet of a print-ready
 * file: the file's name, the page and the time (`港澳台指南_印刷版.indd 3 2026/4/3 9:12:00`).
 */
const RE_PRINTER_SLUG = /\.(?:indd|idml|qxp|qxd|ai|cdr|fm|p65|pmd)\s+\d{1,4}\s+\d{4}[/.-]\d{1,2}[/.-]\d{1,2}(?:\s+(?:上午|下午|AM|PM)?\s*\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:AM|PM))?)?$/i;

/** A raw text as it will read once cleaned, where a decision on it must not change on cleaning again: radicals and compatibility forms as ideographs, full-width letters and digits as ASCII. */
const asCleaned = (t: string): string => plainIdeographs(asciiAlnum(t));

export function clean(source: Source): Cleaned {
  const removed: Removal[] = [];
  // A text in traditional script is read as simplified, one character for one (offsets unchanged;
  // every run of converted characters logged); values are given as printed again by `extract`.
  const text = readAsSimplified(source.text, removed);
  const lines = splitScraped(splitLines(text));
  unquote(lines, removed);
  undiff(lines, removed);
  unnumber(lines, removed);
  // 1. Classify whole lines.
  classifyLines(lines, source.format);
  for (const mark of LINE_MARKS) mark(lines, text);
  // (A PDF's pages are the loader's, a line each, as `pagesOf` reads them: a heading a page's head
  // repeats is found at them.)
  if (source.pageOfLine) markRepeatedHeadings(lines, source.pageOfLine);
  // 2. Pages: from the loader (PDF), or inferred from page starts, page numbers and form feeds.
  const paging = pagesOf(source, lines);
  markPageFurniture(text, lines, paging);
  markWrappedLabels(lines);
  // (After the page furniture: a pair the wrap left at a page's foot goes on after the page's head.)
  markFakeBold(lines, text);
  // 3. Tables and two-column pages; then the cleaned lines.
  const writer = new LineWriter(source, text, lines, paging.pageOfLine, removed);
  for (let i = 0; i < lines.length; i++) writer.line(i);

  const lineStarts = lines.map((l) => l.start);
  removed.sort((a, b) => a.start! - b.start! || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0));
  return {
    lines: writer.out,
    removed: [...source.removed, ...removed],
    layout: {
      lineStarts,
      pageOfLine: paging.pageOfLine,
      pageLineOfLine: paging.pageLineOfLine,
      pages: paging.pages,
      pageNumbering: paging.pageNumbering,
      ...(source.ocrConfidence ? { ocrConfidence: source.ocrConfidence } : {}),
      ...(source.ocr ? { ocrDoubt: source.ocr.doubtBelow } : {}),
      ...(source.wrappedLine ? { wrappedLine: source.wrappedLine } : {}),
      ...(source.blockOfLine ? { blockOfLine: source.blockOfLine } : {}),
      ...(source.tableOfLine ? { tableOfLine: source.tableOfLine } : {}),
    },
  };
}

/** The whole-line marks, in order: each finds one kind of furniture or artefact before pages are known. */
const LINE_MARKS: readonly ((lines: RawLine[], text: string) => void)[] = [
  markInlineRunningHeads,
  markStruckRows,
  markUrlArtefacts,
  markLineNumbers,
  markDuplicateLines,
  markRecordHeader,
  (lines, text) => markNoteAppMatter(text, lines),
  markNumberedHeaders,
  (lines) => markRepeatedHeadings(lines),
  markBlogPost,
  markScreenReader,
  markBreadcrumbs,
  markPrintFooters,
  markMailHeaders,
  markForumThread,
  markChatCopy,
  markTaskNotes,
  markArticleFrame,
  markContents,
  markTranslations,
  markTextBoxes,
  markCardBadges,
];

/**
 * Classifies each line as content, blank (left as is), a page number, web chrome or a `（接下页）`
 * footer, and notes form feeds and page-start indents. Classified as it will read once cleaned
 * (full-width digits as ASCII), so cleaning is idempotent.
 */
function classifyLines(lines: RawLine[], format: Source['format']): void {
  let indentCount = 0;
  let nonBlank = 0;
  for (const l of lines) {
    let raw = l.raw;
    if (raw.startsWith('\f')) {
      l.formFeed = true;
      raw = raw.replace(/^\f+/, '');
    }
    // `trim()` removes exactly what `\s` matches (U+3000 included).
    // (Radicals a PDF's font maps ideographs to, `⻚`, read as the ideographs: `【打印本页】`.)
    const trimmed = asCleaned(raw.trim());
    if (trimmed === '') continue;
    nonBlank++;
    // (A remark set into a quoted reply stays what `unquote` found it to be.)
    if (l.aside) continue;
    l.cls = 'content';
    l.printed = pageNumberOf(trimmed);
    // (A file of blocks prints its page numbers in footers, never in its body: a bare number there
    // is a table's cell, `1` in a 序号 column. A decorated one, `— 3 —`, a converter may have kept.)
    if (l.printed !== null && BLOCK_FORMATS.has(format) && /^\d{1,3}$/.test(trimmed)) l.printed = null;
    if (l.printed !== null) l.cls = 'page-number';
    else if (RE_WEB_CHROME.test(trimmed) || RE_FORM_CHROME.test(trimmed)) l.cls = 'web-chrome';
    // `（接下页）`, `（未完待续）` alone on a line: the page's foot says the text goes on.
    else if (RE_CONTINUES_MARK.test(trimmed) || RE_PRINTER_SLUG.test(trimmed)) l.cls = 'running-footer';
    else if (/^ (?=[^\s\u3000])/.test(raw)) {
      l.pageStart = true;
      indentCount++;
    }
    if (l.cls === 'content') requiredMark(l, raw);
  }
  numbersNotPages(lines);
  siteMenus(lines);
  // A single leading space marks a page start only where it is rare; where most lines have one it
  // is plain indentation.
  const indentIsPageStart = indentCount <= Math.max(5, nonBlank / 5);
  if (!indentIsPageStart) for (const l of lines) l.pageStart = false;
}

/** A site menu's item as a browser copies it, one to a line: a few words, no clause. */
const RE_MENU_ITEM = /^[\u4e00-\u9fffA-Za-z（）()&·\s]{2,10}$/;

/** A site's own links over its menu, a line each or a few to a line: account, access, language. */
const RE_SITE_TOOL = /^(?:(?:登录|注册|退出|个人中心|用户中心|无障碍(?:浏览|阅读)?|长者模式|关怀版|适老化|English|ENGLISH|EN|繁体|繁體|简体|简|繁|手机版|移动版|微信|微博|网站地图|设为首页|加入收藏)(?:[\s\u3000]*[|｜/丨·][\s\u3000]*|[\s\u3000]+|$))+$/;

/**
 * A site's menu copied an item a line (`首页` / `机构概况` / `政策法规` / … / `党建工作`): a run of
 * four short lines or more that opens with the home page's, logged as web chrome. (Its last item
 * would otherwise run on into the title below it.)
 */
function siteMenus(lines: RawLine[]): void {
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.cls !== 'content' || !/^(?:首页|网站首页|主页|返回首页)$/.test(asCleaned(lines[i]!.raw.trim()))) continue;
    let end = i + 1;
    while (end < lines.length && lines[end]!.cls === 'content' && RE_MENU_ITEM.test(asCleaned(lines[end]!.raw.trim())) && !KNOWN_LABELS.has(asCleaned(lines[end]!.raw.trim()))) end++;
    if (end - i < 4) continue;
    // (The site's own links just above it, `登录` / `注册`, `无障碍`, `English`: its chrome too.)
    let start = i;
    while (start > 0 && lines[start - 1]!.cls === 'content' && RE_SITE_TOOL.test(asCleaned(lines[start - 1]!.raw.trim()))) start--;
    for (let k = start; k < end; k++) lines[k]!.cls = 'web-chrome';
    i = end - 1;
  }
}

/**
 * A form's mark of a required field before its label (`*合作协议`, `＊拟支持经费（万元）`): the form's,
 * logged as web chrome; the label stays. `raw`: the line without its form feed.
 */
function requiredMark(l: RawLine, raw: string): void {
  const mark = RE_REQUIRED_MARK.exec(raw);
  if (!mark || labelOnly(raw.slice(mark[0].length)) === null) return;
  const skipped = l.raw.length - raw.length;
  (l.furniture ??= []).push({ start: l.start + skipped + mark[0].indexOf(mark[1]!), end: l.start + skipped + mark[0].length, kind: 'web-chrome' });
}

/**
 * Bare numbers (`36`, `01`, no dashes round them) that the first reading took for page numbers and
 * that are none: a figure whose unit is on the next line, a designed list's numbers, a column of
 * numbers, and numbers that count no pages. Changes the lines' classes in place.
 */
function numbersNotPages(lines: RawLine[]): void {
  // A bare number with text right below it is no page number where that text shows what it is: a
  // figure whose unit is on the next line (`指南方向` / `12` / `个`), or the number of a list item
  // written as a designed page writes it, with a leading zero (`01` / `中国和越南…`).
  // (And the numbers that go on counting such a list past 09: `10`, `11`.)
  let listNext: number | null = null;
  lines.forEach((l, i) => {
    if (l.cls !== 'page-number' || !/^\d{1,4}$/.test(l.raw.trim())) return;
    const next = lines[i + 1];
    if (!next || next.formFeed || next.cls === 'blank') return;
    const below = next.raw.trim();
    const listed = below !== '' && pageNumberOf(below) === null && (/^0\d{1,2}$/.test(l.raw.trim()) || l.printed === listNext);
    // (A figure's: the line above is its caption, a word, not a figure cut by the number, `…900万` /
    // `15` / `元`, where a margin's line number stands between a figure and its unit.)
    const above = i > 0 ? lines[i - 1]!.raw.trim() : '';
    const figure = RE_UNIT_START.test(below) && /[\u4e00-\u9fff]$/.test(above) && !/[万亿千百]$/.test(above);
    if (figure || listed) {
      if (listed) listNext = l.printed! + 1;
      l.cls = 'content';
      l.printed = null;
    }
  });
  // Bare numbers (`36`, no dashes round it) are page numbers only where they count pages: each next
  // to one a page before or after it (`3` … `4`), whatever restarts; a number alone on its line among
  // others that count nothing (`*项目实施周期（月）` / `36`, then `24`, `36`) is a value. (One bare
  // number in the whole text is taken as before: nothing says otherwise.)
  // (Nor numbers on lines one after another, a column of a table copied column by column, `1` / `2` /
  // `3`: a page holds text between its number and the next.)
  const isBare = (l: RawLine | undefined): boolean => l !== undefined && l.cls === 'page-number' && /^\d{1,4}$/.test(l.raw.trim());
  const filled = (i: number, step: 1 | -1): RawLine | undefined => {
    for (let j = i + step; j >= 0 && j < lines.length; j += step) if (lines[j]!.cls !== 'blank') return lines[j];
    return undefined;
  };
  const column = lines.flatMap((l, i) => (isBare(l) && (isBare(filled(i, -1)) || isBare(filled(i, 1))) ? [l] : []));
  for (const l of column) {
    l.cls = 'content';
    l.printed = null;
  }
  const bare = lines.filter(isBare);
  if (bare.length >= 2) {
    const counts = (a: RawLine | undefined, b: RawLine | undefined): boolean => a !== undefined && b !== undefined && b.printed! - a.printed! >= 1 && b.printed! - a.printed! <= 2;
    const stray = bare.filter((l, k) => !counts(bare[k - 1], l) && !counts(l, bare[k + 1]));
    for (const l of stray) {
      l.cls = 'content';
      l.printed = null;
    }
  }
}

/** The page of each line (1-based pages, null where unknown), and how the pages were told. */
interface Paging {
  readonly pageOfLine: (number | null)[];
  readonly pageLineOfLine: (number | null)[];
  readonly pages: number | null;
  readonly pageNumbering: Layout['pageNumbering'];
}

/** Pages from the loader (PDF), or inferred from page starts, page numbers and form feeds. */
function pagesOf(source: Source, lines: RawLine[]): Paging {
  const pageOfLine: (number | null)[] = new Array<number | null>(lines.length).fill(null);
  const pageLineOfLine: (number | null)[] = new Array<number | null>(lines.length).fill(null);
  if (source.pageOfLine) {
    for (let i = 0; i < lines.length; i++) {
      pageOfLine[i] = source.pageOfLine[i] ?? null;
      pageLineOfLine[i] = source.pageLineOfLine?.[i] ?? null;
    }
    return { pageOfLine, pageLineOfLine, pages: source.pages, pageNumbering: 'pdf' };
  }
  const inferred = inferPages(lines);
  for (let i = 0; i < lines.length; i++) pageOfLine[i] = inferred.pageOfLine[i]!;
  const pageNumbering = inferred.numbering;
  if (pageNumbering === 'none') pageOfLine.fill(null);
  return { pageOfLine, pageLineOfLine, pages: pageNumbering === 'none' ? null : inferred.pages, pageNumbering };
}

/** Marks what repeats from page to page (titles, running heads and feet, stamps) and footnotes. */
function markPageFurniture(text: string, lines: RawLine[], paging: Paging): void {
  markTitleRepeats(lines);
  // A table's own lines are never running lines: a cell's wrapped end (`定》`) can stand at the foot
  // of every page of a table. (Its header repeated after a page break is the table's to log.)
  if (paging.pages !== null && paging.pages >= 2) {
    const inTables = new Set<number>();
    for (const t of findTables(text, lines)) for (const i of t.lines) if (!t.header.some((c) => c.some((r) => r.line === i))) inTables.add(i);
    markRunningLines(lines, paging.pageOfLine, inTables);
    markStamps(lines, paging.pageOfLine, inTables);
  }
  markFootnotes(text, lines, paging.pageOfLine);
}

/** What the writer keeps of the last content line it wrote. */
interface LastLine {
  readonly indent: number | null;
  readonly width: number;
  readonly end: string;
  readonly clause: boolean;
  readonly at: number;
}

/**
 * Writes the cleaned lines, one raw line at a time: tables read as rows × cells (one paragraph per
 * direction and field), two-column pages column by column, furniture logged, and each content
 * line cleaned with what says whether it starts a paragraph or goes on with the one before.
 */
class LineWriter {
  readonly out: CleanLine[] = [];
  private readonly pool = new MapPool();
  private readonly tableAt = new Map<number, Table>();
  private readonly inTable = new Set<number>();
  private readonly columnPages: ReturnType<typeof findColumnPages>;
  private readonly inColumns = new Set<number>();
  /** Blank lines are paragraph breaks, unless the extraction double-spaced every line. */
  private readonly doubleSpaced: boolean;
  /** Whether indentation starts a paragraph (see `isIndented`). */
  private readonly indentMeans: boolean;
  /** The measure of each line's block (see `blockMeasures`). */
  private readonly measures: ReturnType<typeof blockMeasures>;
  private blankSeen = false;
  private pageBreakSeen = false;
  private lastPage: number | null = null;
  /** The display column where the value of the last table row starts, while its cell may go on. */
  private cellColumn: number | null = null;
  /** The content line written last (0-based), for the loader's hints on it. */
  private lastWritten = -1;
  /** The display column where the text of the last bulleted line starts, while its lines hang there. */
  private hangColumn: number | null = null;
  private lastLine: LastLine | null = null;
  /** The last line was a row of a form copied as `label<TAB>value`, or a tab-led line of its value. */
  private tabForm = false;
  /** The last line was a field list's item (`:研究内容: …`) or a line of its indented body. */
  private fieldHang = false;
  /** Whether a title in 《》 opened on the lines before is still open (its `》` to come). */
  private titleOpen = false;

  constructor(
    private readonly source: Source,
    private readonly text: string,
    private readonly lines: RawLine[],
    private readonly pageOfLine: readonly (number | null)[],
    private readonly removed: Removal[],
  ) {
    // Fields two to a line, each value wrapped under its own column: read as two-column pages are
    // (before tables: its right column would read as a table's).
    const pairs = findFieldPairs(text, lines);
    const inPairs = new Set([...pairs.values()].flatMap((b) => b.lines));
    for (const t of findTables(text, inPairs.size === 0 ? lines : lines.map((l, i) => (inPairs.has(i) ? { ...l, cls: 'table' } : l)))) {
      this.tableAt.set(t.first, t);
      for (const i of t.lines) this.inTable.add(i);
    }
    this.columnPages = new Map();
    // Two fields side by side under their labels (`研究内容    考核指标`), each wrapped in its column:
    // read field by field (before pages of two columns: their lines would read as such a page's).
    for (const [first, block] of findLabelColumns(text, lines)) {
      if (block.lines.some((i) => this.inTable.has(i) || inPairs.has(i))) continue;
      this.columnPages.set(first, block);
      for (const i of block.lines) this.inColumns.add(i);
    }
    for (const [first, page] of findColumnPages(text, lines.map((l, i) => (this.inTable.has(i) || this.inColumns.has(i) ? { ...l, cls: 'table' } : l)), pageOfLine)) {
      // A page of two columns of text keeps them; one whose only lines with text on both sides are
      // fields two to a line is read field by field.
      const sides = new Map<number, number>();
      for (const piece of page.pieces) sides.set(piece.line, (sides.get(piece.line) ?? 0) + 1);
      if ([...sides].some(([i, n]) => n > 1 && !inPairs.has(i)) || !page.lines.some((i) => inPairs.has(i))) {
        this.columnPages.set(first, page);
        for (const i of page.lines) this.inColumns.add(i);
      }
    }
    for (const [first, block] of pairs) {
      if (block.lines.some((i) => this.inColumns.has(i))) continue;
      this.columnPages.set(first, block);
      for (const i of block.lines) this.inColumns.add(i);
    }

    this.doubleSpaced = isDoubleSpaced(lines);
    const content = lines.filter((l) => l.cls === 'content');
    const indentedCount = content.filter((l) => this.isIndented(l)).length;
    this.indentMeans = indentedCount > 0 && indentedCount < content.length * 0.8;
    this.measures = blockMeasures(lines);
  }

  /**
   * Indentation starts a paragraph unless (nearly) every line is indented: two spaces or more, an
   * ideographic space, or a tab (Word's text export leads a paragraph with one, and an automatic
   * number it dropped leaves one).
   */
  private isIndented(l: RawLine): boolean {
    return !l.pageStart && /^(?:\u3000|\t|[ \t]{2,})/.test(l.raw.replace(/^\f+/, ''));
  }

  /** Logs what was removed from line `k` (0-based). */
  private logAt(k: number): (kind: RemovalKind, start: number, end: number, replacement?: string) => void {
    return (kind, start, end, replacement) => {
      this.removed.push({ kind, text: this.source.text.slice(start, end), ...(replacement === undefined ? {} : { replacement }), line: k + 1, start, end, page: this.pageOfLine[k] ?? null });
    };
  }

  private byOcr(start: number, end: number): boolean {
    return this.source.ocrConfidence !== undefined && readByOcr(this.source.ocrConfidence, start, end);
  }

  /** Cleans a piece of line `line` on its own: a table cell, a column of a two-column page. */
  private cleanPiece(r: { start: number; end: number; line: number }): Mapped {
    const raw: RawLine = { start: r.start, end: r.end, raw: this.text.slice(r.start, r.end), cls: 'content', pageStart: false, formFeed: false, printed: null };
    return cleanLine(this.text, raw, this.pool, this.logAt(r.line), undefined, this.byOcr(r.start, r.end), this.source.ocrConfidence);
  }

  /** A block written whole (a table, a column page) stands apart from the lines around it. */
  private blockWritten(page: number | null): void {
    this.blankSeen = false;
    this.pageBreakSeen = false;
    this.lastPage = page;
    this.cellColumn = null;
  }

  /** Writes raw line `i` (0-based). */
  line(i: number): void {
    const l = this.lines[i]!;
    const page = this.pageOfLine[i] ?? null;
    const table = this.tableAt.get(i);
    if (table) {
      const log = (r: Range & { kind: RemovalKind; replacement?: string }): void => this.logAt(r.line)(r.kind, r.start, r.end, r.replacement);
      for (const t of tableLines(this.text, table, (r) => this.cleanPiece(r), log, (r) => this.byOcr(r.start, r.end))) this.out.push(t);
      this.blockWritten(page);
    }
    if (this.inTable.has(i)) return;
    const columnPage = this.columnPages.get(i);
    if (columnPage) {
      for (const piece of columnPage.pieces) {
        const built = this.cleanPiece(piece);
        if (built.text.length === 0) continue;
        this.out.push({ line: piece.line + 1, text: built, blankBefore: false, indented: this.indentMeans && piece.indent >= 2, continuesCell: piece.continues === true });
      }
      this.blockWritten(page);
    }
    if (this.inColumns.has(i)) return;
    if (l.cls === 'blank') {
      this.blankSeen = true;
      this.cellColumn = null;
      return;
    }
    if (l.cls !== 'content') {
      this.furniture(i, l, l.cls);
      return;
    }
    if (this.lastPage !== null && page !== this.lastPage) this.pageBreakSeen = true;
    const built = this.build(i, l);
    if (built) this.write(i, l, built);
  }

  /** A line of furniture: logged whole, and it stands where a paragraph or a page breaks. */
  private furniture(i: number, l: RawLine, cls: Exclude<LineClass, 'content' | 'blank'>): void {
    // An e-mail's header, a table of contents or a paragraph's translation stands between paragraphs, as a blank line does.
    if ((l.cls === 'email' && !l.aside) || l.cls === 'table-of-contents' || l.cls === 'record-header' || l.cls === 'translation') {
      this.blankSeen = true;
      this.cellColumn = null;
    }
    // A running head or foot stands where a page breaks (the blank lines around it are the break's,
    // as around a page number): `…单` / `· 4 ·  标题` / `方申请将不予受理。` is one sentence.
    if (l.cls === 'running-header' || l.cls === 'running-footer' || l.cls === 'chat') this.pageBreakSeen = true;
    const lead = /^[\s\u3000\f]*/.exec(l.raw)![0].length;
    const trail = /[\s\u3000]*$/.exec(l.raw)![0].length;
    this.logAt(i)(cls, l.start + lead, l.end - trail);
  }

  /** Content line `i` cleaned, or null where nothing of it is left (a rule, a page number). */
  private build(i: number, l: RawLine): Mapped | null {
    const log = this.logAt(i);
    // The characters around the line, for half-width brackets that a line break parted from their
    // pair: the end of the line before, the start of the next content line.
    let after: string | undefined;
    for (let j = i + 1; j < this.lines.length; j++) {
      if (this.lines[j]!.cls !== 'content') continue;
      // (As it reads once cleaned, radicals as ideographs, full-width letters as ASCII: cleaning the
      // cleaned text sees the same neighbour.)
      // (Nor a page number glued before its text, `— 3 —中`: removed, the text after it is the neighbour.)
      after = asCleaned(this.lines[j]!.raw.replace(/^[\s\u3000\f]+/, '').replace(RE_LEADING_PAGE_TOKEN, '').slice(0, 8));
      break;
    }
    const before = this.out.length > 0 ? this.out[this.out.length - 1]!.text.text.slice(-1) : undefined;
    const ocr = this.byOcr(l.start, l.end);
    // A bullet OCR read as a closing bracket (`➢` as `》` or `>`) at the start of a line, where no
    // title in 《》 is open: the bullet's markup, not the end of a title.
    const misreadBullet = ocr && !this.titleOpen ? RE_OCR_BULLET.exec(l.raw) : null;
    if (misreadBullet) (l.furniture ??= []).push({ start: l.start + misreadBullet[1]!.length, end: l.start + misreadBullet[0].length, kind: 'ocr-misread' });
    let inlinePage = false;
    l.doubled = false;
    const logged = (kind: RemovalKind, start: number, end: number, replacement?: string): void => {
      if (kind === 'inline-page-number') inlinePage = true;
      if (kind === 'doubled-glyph') l.doubled = true;
      log(kind, start, end, replacement);
    };
    const built = cleanLine(this.text, l, this.pool, logged, { before, after }, ocr, this.source.ocrConfidence);
    if (built.text.length === 0) {
      // A rule across the page (`────────`, `════`): it parts what is above it from what is below.
      if (RE_RULE_LINE.test(l.raw)) this.blankSeen = true;
      return null;
    }
    // What is left of a line once a page number inside it is gone may be a page number itself
    // (`第 2 页１` leaves `1`): then the whole line is one, as cleaning the cleaned text would find.
    if (inlinePage && pageNumberOf(built.text) !== null) {
      const r = sourceRange(built, 0, built.text.length);
      log('page-number', r.start, r.end);
      return null;
    }
    // So is it a line of markup as a whole (`..第 2 页` leaves `..`, a reStructuredText comment's mark).
    const whole = inlinePage ? WHOLE_LINE_MARKUP.find((w) => w.test(built.text, built.text, 0)) : undefined;
    if (whole) {
      const r = sourceRange(built, 0, built.text.length);
      log(whole.kind, r.start, r.end);
      return null;
    }
    return built;
  }

  /** Writes content line `i`, cleaned as `built`, with whether it starts a paragraph. */
  private write(i: number, l: RawLine, built: Mapped): void {
    const row = tableRowColumns(l.raw);
    // Within a few columns of the value column (pdftotext places wrapped lines a little off).
    const indent = indentColumn(l.raw);
    // (Or, in a PDF's narrow column, under a label's line that reaches the column's edge: `领域方向　　…；中医药`
    // / `现代化与国际化。`, the value's wrapped line flush with the column.)
    const wrappedAbove = this.lastWritten >= 0 && this.source.wrappedLine?.[this.lastWritten] === true && matchMarker(l.raw.trim()) === null;
    const continuesCell = row === null && this.cellColumn !== null && ((indent !== null && Math.abs(indent - this.cellColumn) <= 4) || wrappedAbove) && !fieldLabelAt(l.raw.trim());
    this.lastWritten = i;
    if (row !== null) this.cellColumn = row;
    else if (!continuesCell) this.cellColumn = null;
    // A hanging indent: the wrapped lines of a bulleted line start where its text did (`▪ 研究内容：…`
    // / `  究基于金刚石…`, a slide's or a web page's list through pdftotext): no paragraph start.
    // So do the lines of a field list's body (reStructuredText's `:研究内容: …` / `    等多物理量…`): indented
    // under the field's line, up to a blank line or a line that is not.
    const inFieldBody = this.fieldHang && !this.blankSeen && indent !== null && indent > 0;
    const hanging = inFieldBody || (this.hangColumn !== null && indent !== null && indent > 0 && Math.abs(indent - this.hangColumn) <= 1 && !RE_HANG_MARK.test(l.raw));
    this.fieldHang = RE_FIELD_LIST_LINE.test(l.raw) || inFieldBody;
    const mark = RE_HANG_MARK.exec(l.raw);
    if (mark) this.hangColumn = displayWidth(mark[0]);
    else if (!hanging) this.hangColumn = null;
    const blankBefore = !this.doubleSpaced && this.blankSeen && !this.pageBreakSeen && this.out.length > 0;
    // A tab-led line that goes on with a form's value whose sentence is not over (`其他要求<TAB>…提交对应`
    // / `<TAB>申请。`): the value's wrapped line, no paragraph of its own.
    const tabWrap = this.tabForm && !this.blankSeen && /^\t/.test(l.raw) && this.lastLine !== null && !/[。；！？：:;!?]$/.test(this.lastLine.end);
    const block = this.goesOnInBlock(l, built, indent);
    const heading = this.source.headingOfLine?.[i] ?? null;
    this.out.push({
      ...(heading !== null ? { heading } : {}),
      line: i + 1,
      text: built,
      blankBefore,
      // (A Markdown or outline bullet, `- ` `+ ` `* `, starts its item whatever the indentation.)
      // (A list's bullet starts its item: a Markdown one, or a symbol font's glyph, `\uf0d8`, which is cleaned away.)
      indented: (this.indentMeans && this.isIndented(l) && !hanging && !block && !tabWrap) || RE_LIST_BULLET.test(l.raw) || /^[\f \t\u3000]*[\ue000-\uf8ff][ \t\u3000]/.test(l.raw),
      // (A value column's wrapped line goes on as a table cell's does.)
      continuesCell: continuesCell || block || l.continues === true,
      ...(l.doubled ? { doubled: true } : {}),
    });
    // A form copied as `label<TAB>value`: its value's lines after the first are led by a tab.
    this.tabForm = !this.blankSeen && ((tableLabelGap(l.raw.trimStart(), 0, l.raw.length) >= 0 && /\t/.test(l.raw)) || (this.tabForm && /^\t/.test(l.raw)));
    // After this line a title is open where its last `《` has no `》` after it; closed where it has
    // a `》`; as before otherwise (a paragraph break closes it).
    const opens = built.text.lastIndexOf('《');
    const closes = built.text.lastIndexOf('》');
    this.titleOpen = opens > closes ? true : closes >= 0 ? false : !blankBefore && this.titleOpen;
    this.lastLine = { indent, width: this.measures.width(i), end: built.text[built.text.length - 1] ?? '', clause: runsOn(built.text), at: i };
    this.blankSeen = false;
    this.pageBreakSeen = false;
    this.lastPage = this.pageOfLine[i] ?? null;
  }

  /**
   * A paragraph set as a block, all its lines indented alike (a value column beside its labels, a
   * PDF of a form's grid): a line indented as the one before, which ran to the full measure and
   * stopped mid-clause (a clause mark in it, none at its end: no heading), goes on with it
   * (`…项目实施周期原则上` / `　　为2年。`).
   */
  private goesOnInBlock(l: RawLine, built: Mapped, indent: number | null): boolean {
    const last = this.lastLine;
    return (
      !this.blankSeen &&
      last !== null &&
      indent !== null &&
      indent > 0 &&
      last.indent === indent &&
      last.width >= this.measures.measure(last.at) - 2 &&
      !/[。；！？：:;!?]$/.test(last.end) &&
      last.clause &&
      matchMarker(built.text) === null &&
      fieldLabelAt(built.text) === null &&
      !RE_LIST_BULLET.test(l.raw) &&
      !/^[^，。；：:]{1,8}[：:]/.test(built.text)
    );
  }
}

/** A qualifier written in a cell of its own: before a figure, or (`左右`, `以内`) after it. */
const RE_QUALIFIER_CELL = /^(?:原则上)?(?:不超过|不少于|不低于|不高于|约|大约|最多|至少|最高)$|^(?:左右|以内|以上|以下)$/;
const RE_AFTER_QUALIFIER = /^(?:左右|以内|以上|以下)$/;

/**
 * Columns that hold only the qualifier of the figure in the column before them (`拟支持项目数 |
 * 数量限定`: `6 | 不超过`, `5 | 约`, as a database export keeps them apart): read with that figure.
 */
function qualifierColumns(text: string, table: Table): Set<number> {
  const out = new Set<number>();
  table.columns.forEach((_, k) => {
    const before = table.columns[k - 1];
    if (!before || (before.role !== 'projectCount' && before.role !== 'funding' && before.role !== 'duration')) return;
    const texts = table.rows.filter((r) => !r.caption).map((r) => (r.cells[k] ?? []).map((p) => text.slice(p.start, p.end)).join('').trim()).filter((t) => t !== '');
    if (texts.length > 0 && texts.every((t) => RE_QUALIFIER_CELL.test(t))) out.add(k);
  });
  return out;
}

/** Whether any code unit of `[start, end)` was read by OCR. */
function readByOcr(confidence: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (confidence[i] !== 255) return true;
  return false;
}

/**
 * Cleans the characters of one content line. Its map is built in `pool`'s scratch arrays and kept as
 * runs; a cleaned line is never longer than its source line (every rule removes or replaces
 * one-for-one), so the scratch arrays need its length.
 */
function cleanLine(
  text: string,
  l: RawLine,
  pool: MapPool,
  log: (kind: RemovalKind, start: number, end: number, replacement?: string) => void,
  around: { readonly before: string | undefined; readonly after: string | undefined } = { before: undefined, after: undefined },
  ocr = false,
  confidence?: ArrayLike<number>,
): Mapped {
  let a = l.start;
  let b = l.end;
  while (a < b && text.charCodeAt(a) === 12) a++;
  if (l.pageStart && text.charCodeAt(a) === 0x20) {
    log('page-start-indent', a, a + 1);
    a++;
  }
  // (The rest of the label on the line above, read there.)
  if (l.afterLabelTail !== undefined) a = Math.max(a, l.afterLabelTail);
  while (a < b && isSpace(text.charCodeAt(a))) a++;
  while (b > a && isSpace(text.charCodeAt(b - 1))) b--;
  const line = new LineCleaner(text, a, b, pool, log, l.furniture ?? [], l.labelTail, ocr);
  line.run();
  let built = line.built();
  const { from, to } = line;
  const n = line.length;
  if (ocr) {
    const lineFrom = from.subarray(0, n);
    built = repairOcrLine(built, lineFrom, to.subarray(0, n), log, around.after, confidence ? (k) => confidence[lineFrom[k]!] ?? 255 : undefined);
  }
  const fromView = from.subarray(0, built.length);
  const toView = to.subarray(0, built.length);
  const cleaned = fullWidthPunctuation(built, fromView, toView, log, around);
  // The line keeps its map as runs; its views are made when asked for (`PooledMapped`).
  return new PooledMapped(cleaned, pool.runs, pool.runs.add(fromView, toView, cleaned.length));
}

/**
 * Characters a converter or a typist put for digits inside figures (`2〇26年`, `15OO万元`, `l988年l月l日`,
 * `不低于l:1`, `3一5年`): each written as the digit (or the range's dash) it stands for, logged as
 * `lookalike-glyph`. Only next to a digit or before a date's or a ratio's mark, never beside a Latin
 * letter (`CO2`, `Ol`), and `一` only between two digits before a unit (`3一5年`).
 */
function digitLookalikes(text: string, a: number, b: number): LinePiece[] {
  const line = text.slice(a, b);
  if (!RE_LOOKALIKE_CHAR.test(line)) return [];
  const out: LinePiece[] = [];
  for (const m of line.matchAll(RE_LOOKALIKE_DIGITS)) {
    const run = m[0];
    for (let k = 0; k < run.length; k++) {
      const c = run[k]!;
      const to = c === '〇' ? '0' : (DIGIT_LOOKALIKE.get(c) ?? null);
      if (to) out.push({ start: a + m.index + k, end: a + m.index + k + 1, kind: 'lookalike-glyph', replacement: to });
    }
  }
  for (const m of line.matchAll(RE_LOOKALIKE_DASH)) out.push({ start: a + m.index + 1, end: a + m.index + 2, kind: 'lookalike-glyph', replacement: '—' });
  // (`1月1曰`: the day's mark.)
  for (const m of line.matchAll(RE_LOOKALIKE_DAY)) out.push({ start: a + m.index, end: a + m.index + 1, kind: 'lookalike-glyph', replacement: '日' });
  return out.sort((x, y) => x.start - y.start);
}

const RE_LOOKALIKE_CHAR = /[〇OolI曰]|\d[一⼀]\d/;
/** `曰` for `日` after a date's month and day (`1月1曰`, `3月2〇曰`). */
const RE_LOOKALIKE_DAY = /(?<=月\s*[\d〇OolI]{1,2}\s*)曰/g;
/**
 * A run of digits and look-alikes with at least one real digit in it, before a unit, a date's mark,
 * a ratio's colon or a decimal point (`15OO万元`, `l988年`); a decimal with look-alikes after its point,
 * before a unit or at the line's end where a wrap cut the figure (`2.〇` / `6亿元`); or a look-alike alone before a date's
 * mark or a ratio's colon (`l月l日`, `l:1`); never beside a Latin letter (`CO2`, `O3`, `H2O`).
 */
const RE_LOOKALIKE_DIGITS = /(?<![A-Za-z\d.．])(?:(?=[\d〇OolI]*\d)[\d〇OolI]*[〇OolI][\d〇OolI]*(?=[年月日曰万亿元个项号:：%]|[.．]\d)|\d{1,4}[.．][\d〇OolI]*[〇OolI][\d〇OolI]*(?=[年月日万亿元个项号:：%]|[\s\u3000]*$)|[lI〇](?=[月日:：]\s*\d?))(?![A-Za-z])/g;
/** A look-alike of a dash between two digits before a unit (`3一5年`, `2023一2025年`, `2⼀3个`): the dash OCR's repair writes too. */
const RE_LOOKALIKE_DASH = /\d[一⼀](?=\d{1,4}\s*(?:年|个月|个|项|万|亿))/g;

/**
 * HTML character references left in a text copied from a page's source (`&ldquo;政府间&rdquo;`,
 * `&nbsp;`, `&#8220;`): each written as the character it stands for, logged as markup. Only names a
 * Chinese page uses, and numbers; a bare `&` stays.
 */
function htmlEntities(text: string, a: number, b: number): LinePiece[] {
  const line = text.slice(a, b);
  if (!line.includes('&')) return [];
  const out: LinePiece[] = [];
  for (const m of line.matchAll(/&(?:#(\d{2,6})|#x([0-9a-fA-F]{2,5})|([a-zA-Z]{2,8}));/g)) {
    const code = m[1] ? Number(m[1]) : m[2] ? Number.parseInt(m[2], 16) : null;
    const char = code !== null ? (code > 0 && code < 0x110000 ? String.fromCodePoint(code) : null) : ownEntry(HTML_ENTITIES, m[3]!) ?? null;
    // (Never `&amp;` before a reference of its own, `&amp;ldquo;`: written once, it would make one, and
    // cleaning the text again would read it.)
    if (char === null || (char === '&' && /^(?:#\d{2,6}|#x[0-9a-fA-F]{2,5}|[a-zA-Z]{2,8});/.test(line.slice(m.index + m[0].length)))) continue;
    // (A space written so stands as a space does: none next to CJK text, as `clean` writes spaces.)
    const space = /^[\u00a0 \u3000]$/.test(char);
    const beside = `${line[m.index - 1] ?? ''}${line[m.index + m[0].length] ?? ''}`;
    out.push({ start: a + m.index, end: a + m.index + m[0].length, kind: 'markup', replacement: space ? (beside.length === 2 && !isCjkOrPunct(beside[0]!) && !isCjkOrPunct(beside[1]!) ? ' ' : '') : char });
  }
  return out;
}
const HTML_ENTITIES: Readonly<Record<string, string>> = {
  ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’', nbsp: '\u00a0', ensp: ' ', emsp: '\u3000', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'",
  mdash: '—', ndash: '–', hellip: '…', middot: '·', bull: '•', times: '×', divide: '÷', plusmn: '±', deg: '°', le: '≤', ge: '≥', yen: '¥', permil: '‰',
};

/** A piece of the line to skip (logged), or to write as `replacement`, whatever its characters are. */
type LinePiece = { start: number; end: number; kind: RemovalKind; replacement?: string };

/**
 * Cleans one line `[a, b)` of `text` character by character: pieces found before (page numbers,
 * markup, doubled glyphs, emoji, …) skipped and logged, inline math written as the text it prints,
 * white space kept, dropped or turned into a field's gap, control characters dropped and lookalike
 * characters normalised; `from`/`to` map each character written to its source.
 */
class LineCleaner {
  readonly from: Int32Array;
  readonly to: Int32Array;
  /** The number of characters written. */
  length = 0;
  private readonly parts: string[] = [];
  /** The last character written, for the space rule. */
  private last = '';
  private i: number;
  /** Where the current run of characters kept as they are started. */
  private runStart: number;
  private readonly inline: LinePiece[];
  private nextInline = 0;
  private readonly math: ReturnType<typeof inlineMath>;
  private nextMath = 0;
  /** `(l)` / `（I）` where `（2）` follows on the line: OCR's reading of `（1）`. */
  private readonly digitAt: number;
  private readonly labelGap: number;
  private readonly spaced: boolean;

  constructor(
    private readonly text: string,
    private readonly a: number,
    private readonly b: number,
    pool: MapPool,
    private readonly log: (kind: RemovalKind, start: number, end: number, replacement?: string) => void,
    furniture: readonly { start: number; end: number; kind: RemovalKind }[],
    private readonly labelTail?: { readonly start: number; readonly end: number },
    ocr = false,
  ) {
    const { from, to } = pool.scratch(b - a + (labelTail ? labelTail.end - labelTail.start : 0));
    this.from = from;
    this.to = to;
    this.i = this.runStart = a;
    const head = labelTail ? RE_TABLE_LABEL.exec(text.slice(a, Math.min(b, a + 40))) : null;
    this.labelGap = head ? a + head[1]!.length : tableLabelGap(text, a, b);
    this.spaced = isLetterSpaced(text.slice(a, b));
    // Page numbers inside the line (`交通基础- 3 -设施运维`): each skipped whole, and logged.
    this.inline = [
      ...furniture,
      ...emojiMarks(text, a, b),
      ...inlinePageNumbers(text, a, b).filter((r) => !furniture.some((f) => f.start < r.end && r.start < f.end)).map((r) => ({ ...r, kind: 'inline-page-number' as const })),
      ...markupOf(text, a, b),
      ...revisionMarks(text, a, b),
      ...(furniture.some((f) => f.kind === 'doubled-glyph') ? [] : doubledGlyphs(text, a, b)),
      ...bilingualLabel(text, a, b),
      ...leaderGap(text, a, b),
      ...htmlEntities(text, a, b),
      // (A line read by OCR has its own repairs of the same glyphs, logged as OCR's: `repairOcrLine`.)
      ...(ocr ? [] : digitLookalikes(text, a, b)),
    ].sort((x, y) => x.start - y.start);
    // Inline math a PDF-to-Markdown converter wrote (`$\geqslant 3 0 0 0 \mathrm { N m } ^ { 3 }$`).
    this.math = inlineMath(text, a, b).filter((r) => !this.inline.some((f) => f.start < r.end && r.start < f.end));
    this.digitAt = lookalikeOne(text, a, b);
  }

  /** Writes `piece` for the source `[f, t)`. */
  private emit(piece: string, f: number, t: number): void {
    for (let k = 0; k < piece.length; k++) {
      this.from[this.length] = f;
      this.to[this.length] = t;
      this.length++;
    }
    this.parts.push(piece);
    if (piece !== '') this.last = piece[piece.length - 1]!;
  }

  /** Writes the run of characters kept as they are, up to the current one. */
  private flush(): void {
    const { i, runStart } = this;
    if (i > runStart) {
      for (let k = runStart; k < i; k++) {
        this.from[this.length] = k;
        this.to[this.length] = k + 1;
        this.length++;
      }
      this.parts.push(this.text.slice(runStart, i));
      this.last = this.text[i - 1]!;
    }
    this.runStart = i;
  }

  /** Goes on after the source `[…, end)` was dealt with. */
  private skipTo(end: number): void {
    this.i = this.runStart = end;
  }

  run(): void {
    while (this.i < this.b) {
      if (this.piece() || this.mathPiece() || this.lookalikeOne()) continue;
      const c = this.text.charCodeAt(this.i);
      // Fast path: printable ASCII and CJK ideographs are kept as they are.
      if ((c > 0x20 && c < 0x7f) || (c >= 0x4e00 && c < 0xa000)) this.i++;
      else if (isSpace(c)) this.space();
      else if (isControl(c)) this.control();
      else this.other(c);
    }
    this.flush();
    // A space before a page number that ended the line (`abc - 3 -`): the line ends before it.
    while (this.parts.length > 0 && this.parts[this.parts.length - 1] === ' ') {
      this.parts.pop();
      this.length--;
    }
  }

  built(): string {
    return this.parts.length === 1 ? this.parts[0]! : this.parts.join('');
  }

  /** A piece found before, starting here: skipped (or written as its replacement) and logged. */
  private piece(): boolean {
    const inline = this.inline;
    while (this.nextInline < inline.length && inline[this.nextInline]!.start < this.i) this.nextInline++;
    if (this.nextInline >= inline.length || this.i !== inline[this.nextInline]!.start) return false;
    this.flush();
    const { start, end, kind, replacement } = inline[this.nextInline++]!;
    this.log(kind, start, end, replacement);
    if (replacement) this.emit(replacement, start, end);
    this.skipTo(end);
    return true;
  }

  /** Inline math of a PDF converted to Markdown (`$1 \sim 2$`): the text it prints, mapped to the whole span. */
  private mathPiece(): boolean {
    const math = this.math;
    while (this.nextMath < math.length && math[this.nextMath]!.start < this.i) this.nextMath++;
    if (this.nextMath >= math.length || this.i !== math[this.nextMath]!.start) return false;
    this.flush();
    const { start, end, to } = math[this.nextMath++]!;
    this.log('markup', start, end, to);
    if (to !== '') this.emit(to, start, end);
    this.skipTo(end);
    return true;
  }

  private lookalikeOne(): boolean {
    if (this.digitAt < 0 || this.i !== this.digitAt) return false;
    this.flush();
    this.log('ocr-misread', this.i, this.i + 1, '1');
    this.emit('1', this.i, this.i + 1);
    this.skipTo(this.i + 1);
    return true;
  }

  /** A run of white space: the line's indent, letter spacing, a label's gap, a gap between fields, or a space kept. */
  private space(): void {
    const { text, b, i } = this;
    this.flush();
    let j = i;
    while (j < b && isSpace(text.charCodeAt(j))) j++;
    // White space before anything is kept (after a page number removed at the line's start) is
    // the line's indent.
    if (this.length === 0) this.log('indent', i, j);
    // A letter-spaced line (`合 作 协 议 ： 1 8 0 0 万 元`, as some PDF fonts extract): every
    // single space is spacing, digits and Latin letters included; not between two words of Latin
    // letters and digits kept whole (`2.1 70MPa`, as OCR spaces only the ideographs).
    else if (this.spaced && j - i === 1 && text.charCodeAt(i) === 0x20 && !wordsApart(text, i, j)) this.log('cjk-space', i, j);
    else if (i === this.labelGap) {
      // A table row (`合作协议          《…》`): the gap is the label's colon. (After the rest of a
      // label its column wrapped, read from the line below: `拟支持项` + `目数`.)
      if (this.labelTail) {
        for (let k = this.labelTail.start; k < this.labelTail.end; k++) {
          this.from[this.length] = k;
          this.to[this.length] = k + 1;
          this.length++;
        }
        this.parts.push(text.slice(this.labelTail.start, this.labelTail.end));
      }
      this.log('layout-gap', i, j, '：');
      this.emit('：', i, j);
    } else this.gap(i, j);
    this.skipTo(j);
  }

  /** White space `[i, j)` between two characters kept. */
  private gap(i: number, j: number): void {
    const { text, a, b, last } = this;
    // (What a piece written in its place begins with, where one starts there: `&ldquo;` is `“`.)
    const replaced = this.inline.find((p) => p.start === j && p.replacement)?.replacement;
    const nextRaw = replaced ? replaced[0]! : String.fromCodePoint(text.codePointAt(j)!);
    const next = normaliseChar(nextRaw)?.to ?? nextRaw;
    // A space next to a CJK character is typesetting (or extraction), not text: `15 个`, `日本 JICA`.
    // The space after a URL stays: it ends the URL.
    // (A URL's own characters only: `…/a）。` ends it, and what a page number glued after it left is no part of it.)
    const cjkGap = last !== '' && (isCjkOrPunct(last) || isCjkOrPunct(next)) && !/https?:\/\/[\x21-\x7e]*$/.test(text.slice(a, i));
    // Fields on one line parted by spaces (`…农业与食品  拟支持项目数：10项`): the gap parts them,
    // and stays as one ideographic space (two columns wide, so that cleaning again keeps it) for
    // `segment` to split at.
    if (cjkGap && gapBeforeLabel(text, i, j, b)) this.emit('\u3000', i, j);
    // (Before an inline list's next item, one space: the items stay apart, in one paragraph.)
    else if (cjkGap && gapBeforeItem(text, a, i, j)) this.emit(' ', i, j);
    // The space a title in 《》 prints between its phrases (`《深化粤港澳合作 推进大湾区建设框架协议》`)
    // is the title's own.
    else if (cjkGap && j - i === 1 && spacedBookTitle(text, a, b, i, j)) this.emit(' ', i, j);
    // The space between a heading's number and a title that starts with 万 or 亿 (`1.2 万米级深海
    // 着陆器…`): without it the number reads as an amount (`1.2万米`).
    else if (cjkGap && (next === '万' || next === '亿') && text[j + 1] !== '元' && RE_NUMBER_BEFORE_GAP.test(text.slice(a, i))) this.emit(' ', i, j);
    // The space after a heading's word and number (`方向三　经济林与竹藤…`): without it the number may
    // read as a word with the title (`三经`, as `一致`, `一般`, is no number).
    else if (cjkGap && RE_WORD_NUMBER_BEFORE_GAP.test(text.slice(a, i))) this.emit(' ', i, j);
    else if (cjkGap) this.log('cjk-space', i, j);
    else this.emit(' ', i, j);
  }

  private control(): void {
    const { text, b, i } = this;
    this.flush();
    let j = i;
    while (j < b && isControl(text.charCodeAt(j))) j++;
    this.log('control-character', i, j);
    this.skipTo(j);
  }

  /** Any other character: normalised where it is a lookalike or full-width, else kept. */
  private other(c: number): void {
    const width = c >= 0xd800 && c < 0xdc00 ? 2 : 1;
    const ch = this.text.slice(this.i, this.i + width);
    const norm = normaliseChar(ch);
    if (!norm) {
      this.i += width;
      return;
    }
    this.flush();
    this.log(norm.kind, this.i, this.i + width, norm.to);
    this.emit(norm.to, this.i, this.i + width);
    this.skipTo(this.i + width);
  }
}

const KNOWN_LABELS: ReadonlySet<string> = new Set(labelsOf());

/** Formats whose readers give the body's blocks (page numbers stay in the footers they were drawn in). */
const BLOCK_FORMATS: ReadonlySet<Source['format']> = new Set(['docx', 'doc', 'odt', 'ods', 'odp', 'rtf', 'xlsx', 'xls', 'pptx', 'ppt', 'csv', 'epub', 'uof']);

/**
 * The frame of a web page copied as text with the guideline (a breadcrumb, the font-size and
 * print/close buttons, a share bar), and what a WeChat repost adds around it (`点击蓝字 关注我们`,
 * `[图片]`, `阅读原文`, `往期推荐`, `END`, the editor's notes it opens with an emoji: `📢 编者按：…`,
 * `💡 小贴士：…`, a divider pointing down to the text, `▼指南全文▼`), a site's menu (`首页 | 机构概况 | …`) and its path (`查策网 > 政策库 > 广东省 > …`), and a news site's boxes (`【延伸阅读】…（点击查看）`): a line of these only, logged as
 * `web-chrome` as the HTML reader logs them.
 */
/**
 * The buttons, chips and prompts of an application system's page copied as text, each alone on its
 * line: `必填`, `查看详情`, `下载附件`, `暂无附件`, `申报中`, `收起 ︿`, `全部展开`, `搜索`, `重置`; a carousel's page
 * dots (`○●○○○`).
 */
const RE_FORM_CHROME = /^(?:[○●◦•◯⚪⚫]{3,12}|必填|选填|查看详情|查看全文|下载附件|暂无附件|相关附件|申报中|已截止|未开始|即将开始|收起|展开|全部展开|全部收起|收起全文|展开全文|搜索|重置|返回列表|立即申报|在线申报|我要申报|申报)\s*[︿﹀∧∨▲▼△▽^⌃⌄＾]?$/;
/** A required field's mark before its label, and the spaces after it. */
const RE_REQUIRED_MARK = /^[\s\u3000]*([*＊])[\s\u3000]*(?=[\u4e00-\u9fff])/;

const RE_WEB_CHROME =
  /^(?:(?:当前位置|您的位置|您现在的位置|所在位置)[：:].*(?:首页|>|＞|»|›).*|(?:首页|网站首页)\s*(?:[>＞»›]\s*[^>＞»›。；]{1,20}\s*){1,5}|(?:首页|网站首页|主页)(?:\s*[|｜丨]\s*[^|｜丨。；，：:]{1,12}){2,}\s*|(?:首页|网站首页|主页)(?:[ \u3000]{2,}[^\s。；，：:]{2,10}){3,}|(?:请输入(?:关键字|关键词|搜索内容|检索词)(?:[ \u3000]*(?:搜索|检索|查询))?)|(?:[^>＞»›。；，：:\s]{1,12}[ \u3000]*[>＞»›][ \u3000]*){3,}[^>＞»›。；，：:\s]{1,12}|扫一扫在手机(?:上)?打开(?:当前页|本页)?|.{0,60}(?:ICP备\d|公网安备|网站标识码).{0,80}|(?:[【\[]\s*(?:字体[：:]?\s*大\s*中\s*小|打印(?:本页)?|关闭(?:窗口|本页)?|收藏|分享|返回顶部)\s*[】\]]\s*)+|分享到[：:].{0,40}|(?:打印(?:本页)?|关闭(?:窗口|本页)?|收藏|返回顶部)(?:[\s\u3000]*[|｜]?[\s\u3000]*(?:打印(?:本页)?|关闭(?:窗口|本页)?|收藏|返回顶部|分享到[：:]?))+.{0,40}|点击(?:上方)?蓝字\s*关注我们|(?:\[(?:图片|视频|动图|表情|音频)\]\s*)+|阅读原文|往期推荐|[-—]*\s*END\s*[-—]*|长按(?:识别)?(?:下方|图中)?二维码.{0,30}|(?:点赞|在看|分享|转发|收藏)(?:\s*[|｜、/]\s*(?:点赞|在看|分享|转发|收藏))+|[【\[](?:延伸阅读|相关阅读|推荐阅读|相关新闻|相关链接|相关文章|相关报道)[】\]].*|(?:延伸阅读|相关阅读|推荐阅读|相关新闻|相关链接|相关报道)[：:].*|.{0,80}[（(]点击(?:查看|进入|阅读|这里)[）)]|\p{Extended_Pictographic}\uFE0F?\s*(?:编者按|小贴士|温馨提示|划重点|小编提示|小编说)[：:].*|[▼▽↓⬇]\uFE0F?\s*[^。；，,：:]{0,10}?\s*[▼▽↓⬇]\uFE0F?)$/u;

/**
 * A page number inside a line, as copying a PDF into a database leaves it: `- 3 -`, `— 3 —`,
 * `－ 5 －`, `—12—`, `第 4 页` (with the spaces around it). Not a date or a range (`2026-3-15`,
 * `2021—2025`): between digits only with spaces around the number.
 */
const RE_INLINE_PAGE = /\s*(?:([-－—–―])(\s*)(\d{1,3})(\s*)([-－—–―])|第(\s+)\d{1,3}(\s+)页(?:\s*共\s*\d{1,3}\s*页)?)\s*/g;

/**
 * Markdown marks, as a Markdown export of a guideline has them: a heading's `###`, a list item's
 * `- ` / `* ` bullet, a quote's `> ` at the start of the line, and `**` around bold text. Removed
 * and logged as `markup`; the text they mark stays.
 */
/**
 * A line whose characters stand one space apart (`2 0 2 5 年 度 第 一 批`): at least six pieces,
 * four in five of them a single character, and hardly a wider gap.
 */
function isLetterSpaced(line: string): boolean {
  const t = line.trim();
  if (t.length < 11 || !t.includes(' ')) return false;
  const pieces = t.split(' ');
  if (pieces.length < 6) return false;
  let single = 0;
  let empty = 0;
  for (const p of pieces) {
    if (p === '') empty++;
    else if (p.length === 1 || (p.length === 2 && p.codePointAt(0)! > 0xffff)) single++;
  }
  return empty * 10 <= pieces.length && single * 5 >= (pieces.length - empty) * 4;
}

/**
 * Text printed in fake bold (each glyph drawn twice), as a text extraction gives it: a whole line
 * (`一一、、指指南南方方向向`), a bold label before its value (`合合作作协协议议：：《…》`), a bold label
 * inside a line (`…6个。共共拟拟支支持持经经费费：：1200万元`). A run of at least three identical pairs
 * with two different CJK characters among them, anywhere; or, at a line's start, three pairs of three
 * glyphs with a CJK one, the whole line or up to a doubled colon. Where a text has such runs on three
 * lines or more (`lenient`), two pairs with a CJK one at a line's start or end or before a doubled
 * colon too (a label the wrap cut: `拟拟支支` / `持持项项目目数数：：`). A heading's doubled number
 * before a run, from the line's start (`11..11 中中国国…`), goes with it. The second glyph of each
 * pair is removed and logged.
 */
function doubledGlyphs(text: string, a: number, b: number, lenient = false): { start: number; end: number; kind: RemovalKind }[] {
  const out: { start: number; end: number; kind: RemovalKind }[] = [];
  const paired = (k: number): boolean => {
    const c = text.charCodeAt(k);
    return c === text.charCodeAt(k + 1) && !isSpace(c) && !(c >= 0xd800 && c < 0xe000);
  };
  const isCjk = (c: number): boolean => c >= 0x4e00 && c < 0xa000;
  const pairsOf = (from: number, to: number): void => {
    for (let k = from; k < to; k += 2) out.push({ start: k + 1, end: k + 2, kind: 'doubled-glyph' });
  };
  let i = a;
  while (i + 1 < b) {
    if (!paired(i)) {
      i++;
      continue;
    }
    let j = i;
    const cjk = new Set<number>();
    const distinct = new Set<number>();
    for (; j + 1 < b && paired(j); j += 2) {
      const c = text.charCodeAt(j);
      distinct.add(c);
      if (isCjk(c)) cjk.add(c);
      // (A label's doubled colon ends its run: the value after it is printed once, `：：1100万元`.)
      if (c === 0xff1a || c === 0x3a) {
        j += 2;
        break;
      }
    }
    const pairs = (j - i) / 2;
    const colon = text[j - 1] === '：' || text[j - 1] === ':';
    // Words, not a run of one glyph (`甲甲甲甲`) nor a number (`1100`).
    const anywhere = pairs >= 3 && cjk.size >= 2;
    const atStart = i === a && pairs >= 3 && distinct.size >= 3 && cjk.size >= 1 && (j >= b || colon);
    const cut = lenient && pairs >= 2 && cjk.size >= 1 && (i === a || j >= b || colon);
    if (!anywhere && !atStart && !cut) {
      i++;
      continue;
    }
    // (Its number before it, doubled from the line's start: `11..11 中中国国`.)
    if (i - 1 > a && text[i - 1] === ' ') {
      let s = i - 1;
      while (s - 2 >= a && paired(s - 2)) s -= 2;
      if (s === a) pairsOf(a, i - 1);
    }
    pairsOf(i, j);
    i = j;
  }
  return out;
}

/**
 * A text printed in fake bold throughout (strict runs of doubled glyphs on three lines or more): its
 * doubled glyphs found with the lenient rule, the lines around in view, as the lines' furniture.
 */
function markFakeBold(lines: RawLine[], text: string): void {
  let n = 0;
  for (const l of lines) if (l.cls === 'content' && doubledGlyphs(text, l.start, l.end).length > 0) n++;
  if (n < 3) return;
  const content = lines.filter((l) => l.cls === 'content');
  const runs = content.map((l) => doubledGlyphs(text, l.start, l.end, true));
  // (One pair the wrap left at a line's end or start, `…数字经济。拟拟` / `支支持持…`, `…项项` / `目目`:
  // doubled as the run it goes on with on the next line or the line before.)
  const endsLine = (l: RawLine): number => {
    let e = l.end;
    while (e > l.start && isSpace(text.charCodeAt(e - 1))) e--;
    return e;
  };
  const pairAt = (k: number): boolean => text.charCodeAt(k) === text.charCodeAt(k + 1) && text.charCodeAt(k) >= 0x4e00 && text.charCodeAt(k) < 0xa000;
  for (let k = 0; k + 1 < content.length; k++) {
    const [l, next] = [content[k]!, content[k + 1]!];
    const e = endsLine(l);
    const startsRun = runs[k + 1]!.some((r) => r.start === next.start + 1);
    const endsRun = runs[k]!.some((r) => r.end === e);
    if (startsRun && !endsRun && e - 2 >= l.start && pairAt(e - 2)) runs[k]!.push({ start: e - 1, end: e, kind: 'doubled-glyph' });
    if (endsRun && !startsRun && next.start + 1 < next.end && pairAt(next.start)) runs[k + 1]!.unshift({ start: next.start + 1, end: next.start + 2, kind: 'doubled-glyph' });
  }
  content.forEach((l, k) => (l.furniture ??= []).push(...runs[k]!));
}

/** A choice of a form: a box, ticked or not, and a figure's qualifier (`□约`, `☑原则上不超过`), with the space after it. */
/** A choice of a form's list: its box and its words (no space or box inside). */
const RE_CHOICE = /([□☐☑☒■✓✔])([^□☐☑☒■✓✔\s]{1,16})[ \t\u3000]*/g;
/** A line that is a list of two choices or more, after a label maybe (group 1: what stands before the first box). */
const RE_CHOICE_LIST = /^([^□☐☑☒■✓✔]{0,16}?[：:]?[ \t\u3000]*)(?:[□☐☑☒■✓✔][^□☐☑☒■✓✔\s]{1,16}[ \t\u3000]*){2,}$/;
const RE_FORM_CHOICE = /([□☐☑☒✓✔])(约|左右|不超过|不少于|不低于|不高于|以上|以内|一般为|原则上为|原则上不超过|为)[ \t\u3000]*/g;


/** A field list's item at a line's start (reStructuredText, Org: `:研究内容: …`, `:考核指标:`). */
const RE_FIELD_LIST_LINE = /^[ \t]*:[^:\s][^:]{0,20}:(?:[ \t]|$)/;

/**
 * A Markdown or outline list bullet and its space, before text (never `- 3 -`, a page number); a
 * task list's box after it (`- [x] **1.1 …**`, `- [ ] …`) with it. Also the bullets a mail client or
 * a text browser draws for an HTML list's deeper levels (`*`, then `o`, then `+` or `§`): `o` and `§`
 * only before Chinese or a number (`    o 1.1 高精度…`), never a word.
 */
const LIST_BULLET = '(?:[-*+]|[o§](?=[ \\t]+(?:[\\u3000-\\u9fff\\uff00-\\uffef]|\\d)))[ \\t]+(?:\\[[ xX]\\][ \\t]+)?(?=[^\\s\\d-]|\\d(?![\\d\\s]*[-－—–]\\s*$))';
const RE_LIST_BULLET = new RegExp(`^[ \\t\\u3000]*${LIST_BULLET}`);
/** Markdown's heading, bullet and quote marks, a symbol font's bullet, `／` at a line's start (see `markupOf`). */
const RE_MARKUP_LEAD = new RegExp(`^(?:#{1,6}[ \\t]+|${LIST_BULLET}|>[ \\t]*(?:\\[![A-Za-z-]+\\][-+]?[ \\t]*)?|[\\ue000-\\uf8ff][ \\t\\u3000]*|／(?=\\S))`);
const RE_LABEL_BULLET = /^(?:——|—|－|◆|◇|●|○|■|□|▪|•|·|★|☆|▲|►|➢|❖|√|☑|☐|☒|✓|✔)[ \t\u3000]*/;
const RE_HEADING_BULLET = /^[◆◇●○■□▪•★☆▲►➢❖]/;

/**
 * Inline math as PDF-to-Markdown converters (MinerU, Marker) write figures: `$1 \sim 2$`,
 * `$\geqslant 3 0 0 0 \mathrm { N m } ^ { 3 } / \mathrm { h }$`, `$6 0 0 ^ { \circ } \mathrm { C }$`.
 * Each span is the text it prints (`1～2`, `≥3000Nm3/h`, `600°C`): its commands as their
 * characters, `\mathrm`-style wrappers, braces, `^` and `_` dropped, the spaces between its tokens
 * gone. Only a span that holds a command, a brace or digits parted by spaces is math; anything else
 * between two `$` (a price) stays as it is. Logged as `markup`, with the text it became.
 */
function inlineMath(text: string, a: number, b: number): { start: number; end: number; to: string }[] {
  const line = text.slice(a, b);
  if (!line.includes('$')) return [];
  const out: { start: number; end: number; to: string }[] = [];
  for (const m of line.matchAll(/\$([^$\n]{1,300})\$/g)) {
    const body = m[1]!;
    if (!/\\[a-zA-Z]+|[{}]|\d \d/.test(body)) continue;
    const to = body
      .replace(/\\(?:mathrm|mathbf|mathit|text|textrm|operatorname|rm)\s*/g, '')
      .replace(/\\([a-zA-Z]+)\s*/g, (all: string, name: string) => LATEX_SYMBOLS.get(name) ?? '')
      .replace(/\\([%$&#_{}])/g, '$1')
      .replace(/[{}^_~]/g, '')
      .replace(/\s+/g, '');
    out.push({ start: a + m.index, end: a + m.index + m[0].length, to });
  }
  return out;
}

const LATEX_SYMBOLS = new Map<string, string>([
  ['sim', '～'],
  ['approx', '≈'],
  ['geqslant', '≥'],
  ['geq', '≥'],
  ['ge', '≥'],
  ['leqslant', '≤'],
  ['leq', '≤'],
  ['le', '≤'],
  ['times', '×'],
  ['cdot', '·'],
  ['pm', '±'],
  ['circ', '°'],
  ['mu', 'μ'],
  ['Omega', 'Ω'],
  ['alpha', 'α'],
  ['beta', 'β'],
  ['gamma', 'γ'],
  ['lambda', 'λ'],
  ['sigma', 'σ'],
  ['eta', 'η'],
  ['Delta', 'Δ'],
  ['infty', '∞'],
  ['rightarrow', '→'],
  ['to', '→'],
  ['prime', '′'],
  ['quad', ' '],
]);

/**
 * Tracked changes shown inline (a draft pasted from Word's "all markup" view, a review copy):
 * `[删除：…]` goes whole, `[插入：…]` keeps its text without its marks; the text reads with the
 * changes accepted. Each piece taken out is logged (`revision`).
 */
function revisionMarks(text: string, a: number, b: number): { start: number; end: number; kind: RemovalKind }[] {
  const line = text.slice(a, b);
  const out: { start: number; end: number; kind: RemovalKind }[] = [];
  // A copy that shows the changes by their formatting (a draft's Markdown or HTML: `~~10~~<u>9</u>`,
  // `<del>…</del><ins>…</ins>`): struck text deleted, the marks of inserted or underlined text gone.
  if (line.includes('~~') || line.includes('<')) {
    for (const m of line.matchAll(RE_STRUCK)) out.push({ start: a + m.index, end: a + m.index + m[0].length, kind: 'revision' });
    for (const m of line.matchAll(RE_INSERT_TAG)) if (!out.some((o) => o.start <= a + m.index && a + m.index < o.end)) out.push({ start: a + m.index, end: a + m.index + m[0].length, kind: 'revision' });
    out.sort((x, y) => x.start - y.start);
  }
  if (!RE_REVISION_QUICK.test(line)) return out;
  for (const m of line.matchAll(RE_REVISION)) {
    const at = a + m.index;
    if (m[2] !== undefined) out.push({ start: at, end: at + m[0].length, kind: 'revision' });
    else {
      out.push({ start: at, end: at + m[0].length - m[4]!.length - 1, kind: 'revision' });
      out.push({ start: at + m[0].length - 1, end: at + m[0].length, kind: 'revision' });
    }
  }
  return out;
}

/** Struck text, deleted: `~~10~~` (Markdown), `<del>…</del>`, `<s>…</s>`, `<strike>…</strike>` (never across a cell's `|`). */
const RE_STRUCK = /~~(?!~)[^~|\n]{1,400}?~~|<(del|s|strike)\b[^>]*>[^|\n]{0,400}?<\/\1>/gi;
/** A table cell struck through whole: `~~4~~`, `~~智能网联汽车…~~`. */
const RE_STRUCK_CELL = /^~~(?!~)[^~]+~~$/;
/** The marks around inserted or underlined text, the text kept: `<u>`, `</u>`, `<ins>`, `</ins>`. */
const RE_INSERT_TAG = /<\/?(?:u|ins)\b[^>]*>/gi;
/** `[删除：…]` (group 2: the deleted text) or `[插入：…]` (group 4: the inserted text), in `[]`, `【】` or `〔〕`. */
// (A comparison report's comments and format notes too, `[批注1 张华: …]`, `[设置格式: 字体: 黑体]`,
// and a draft's notes to its readers, `〔征求意见：原稿为8个…〕`: removed whole, as a deletion is.)
const RE_REVISION = /[[【〔](?:(删除|删去|已删除|批注\d{0,3}[^：:\]】〕]{0,12}|设置格式|格式设置|已设置格式|征求意见|编制组注|编者注)[：:]([^\]】〕]*)|(插入|新增|增加|添加|已插入)[：:]([^\]】〕]*))[\]】〕]/g;
/** `图1 北极东北航道示范航段示意图`, `图 2-1　系统组成`: a figure's number and a short title without a clause. */
const RE_FIGURE_CAPTION = /^图\s*\d{1,2}(?:[-－.．]\d{1,2})?[\s\u3000]*[^\s。；;，,：:][^。；;，,：:]{1,40}$/;
/** A line's start up to a `1.2`-style number (after an indent or a Markdown heading mark), and nothing else. */
const RE_NUMBER_BEFORE_GAP = /^[#\s\u3000]*\d{1,2}[.．]\d{1,2}(?:[.．]\d{1,2})?$/;
/** A heading's word and its number at a line's start: `方向三`, `专题二`, `任务12`. */
const RE_WORD_NUMBER_BEFORE_GAP = new RegExp(`^[#\\s\\u3000]*(?:${DIRECTION_WORDS}|领域)[一二三四五六七八九十\\d]{1,3}$`);
const RE_REVISION_QUICK = /[[【〔](?:删除|删去|已删除|插入|新增|增加|添加|已插入|设置格式|格式设置|已设置格式|征求意见|编制组注|编者注)[：:]|[[【〔]批注/;

/**
 * Emoji, as a WeChat article or a chat decorates its text (`🔹1.1 中国和新西兰…`, `▫️合作协议：…`,
 * `…征求意见稿🎉`): no text, removed with the space after them and logged as `markup`. A keycap
 * number at a line's start (`1️⃣ 总体目标`, `🔟`) numbers the article's top-level sections, as
 * `一、` does: read as that marker.
 */
function emojiMarks(text: string, a: number, b: number): { start: number; end: number; kind: RemovalKind; replacement?: string }[] {
  const out: { start: number; end: number; kind: RemovalKind; replacement?: string }[] = [];
  let quick = false;
  for (let i = a; i < b; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0xd83c && c <= 0xd83e) || (c >= 0x2190 && c <= 0x2bff) || c === 0x20e3 || c === 0xfe0f || c === 0x3030 || c === 0x303d || c === 0x3297 || c === 0x3299 || c === 0xa9 || c === 0xae) {
      quick = true;
      break;
    }
  }
  if (!quick) return out;
  RE_EMOJI.lastIndex = 0;
  for (const m of text.slice(a, b).matchAll(RE_EMOJI)) {
    const start = a + m.index;
    const keycap = m[1] !== undefined ? (m[1] === '🔟' ? 10 : Number(m[1][0])) : 0;
    const lead = text.slice(a, start).trim() === '';
    if (keycap > 0 && lead) out.push({ start, end: start + m[0].length, kind: 'markup', replacement: `${cjkNumeral(keycap)}、` });
    else if (m[1] === undefined || lead) out.push({ start, end: start + m[0].length, kind: 'markup' });
  }
  return out;
}

/**
 * An emoji (a pictograph, with its presentation selector, skin tone and joined parts) and the white
 * space after it; group 1 a keycap number (`1️⃣`, `🔟`). Symbols that are text in a guideline
 * (`●`, `■`, `★`, `→`, `√`, `©`) are no emoji here unless drawn as emoji (with U+FE0F).
 */
const RE_EMOJI = /(?:([0-9]\uFE0F?\u20E3|🔟)|(?:[\u{1F000}-\u{1FAFF}\u2B50\u2B55\u23F0\u23F3\u231B\u2705\u274C\u274E\u2728\u2753-\u2755\u2757\u26A1]|\p{Extended_Pictographic}\uFE0F)(?:[\u{1F3FB}-\u{1F3FF}]|\uFE0F)?(?:\u200D\p{Extended_Pictographic}\uFE0F?)*)[ \t\u3000]*/gu;

function cjkNumeral(n: number): string {
  return '〇一二三四五六七八九十'[n] ?? String(n);
}

/** Markup found in a line: a range of the text and what it is removed as. */
type Markup = { start: number; end: number; kind: RemovalKind };

/** A line read for markup: the whole text, the line's range in it, its text, and the Markdown mark that opens it (if one does). */
interface MarkupLine {
  readonly text: string;
  readonly a: number;
  readonly b: number;
  readonly line: string;
  readonly lead: RegExpExecArray | null;
}

/** The markup in line `[a, b)` of `text`: the whole line where it is markup as a whole, else the marks of each kind in it, kind by kind. */
function markupOf(text: string, a: number, b: number): Markup[] {
  const line = text.slice(a, b);
  for (const whole of WHOLE_LINE_MARKUP) if (whole.test(line, text, a)) return [{ start: a, end: b, kind: whole.kind }];
  const l: MarkupLine = { text, a, b, line, lead: RE_MARKUP_LEAD.exec(line) };
  return MARKUP_RULES.flatMap((rule) => rule(l));
}

/** Lines that are markup as a whole, in the order they are asked: the first that holds decides. */
const WHOLE_LINE_MARKUP: readonly { kind: RemovalKind; test: (line: string, text: string, a: number) => boolean }[] = [
  // A rule across the page (`────────`, `═══`, `-----`): no text.
  { kind: 'markup', test: (line) => RE_RULE_LINE.test(line) },
  // A figure's caption standing alone (`图1 北极东北航道示范航段示意图`, `图 2-1 …`): the figure is no
  // text (a PDF's drawing, a converter's image), so its caption is no paragraph of a field.
  { kind: 'figure-caption', test: (line) => RE_FIGURE_CAPTION.test(line) },
  // A note app's block id standing alone (Obsidian's `^t01` under a block it names): no text.
  { kind: 'markup', test: (line) => /^\^[A-Za-z][A-Za-z0-9-]{0,39}$|^\^[0-9]+[A-Za-z][A-Za-z0-9-]{0,38}$/.test(line.trim()) },
  // reStructuredText (a Sphinx knowledge base's page, pandoc's `-t rst`): an explicit markup line
  // (`.. note::`, `.. _target:`, `.. 注释`, `.. [#] 脚注`) and a directive's option (`   :depth: 2`)
  // are no text (a field list's item, see `rstMarks`).
  { kind: 'markup', test: (line, text, a) => /^\.\.(?:[ \t]|$)/.test(line) || (/^:[A-Za-z][\w-]*:(?:[ \t].*)?$/.test(line) && /[ \t]/.test(text[a - 1] ?? '')) },
];

/** Each kind of mark a line may hold, in the order its marks are listed. */
const MARKUP_RULES: readonly ((l: MarkupLine) => Markup[])[] = [markdownImages, leadMark, formBlanks, formChoices, markdownEscapes, labelBullet, editorNotes, rstMarks, definitionMarks, rstFootnoteCalls, highlightMarks, wikiLinkMarks, footnoteCalls, foldedBlockTags, inlineHtmlTags, boldMarks, emphasisMarks];

/** Each match of `re` in the line as a mark of `kind`. */
function matchesIn({ a, line }: MarkupLine, re: RegExp, kind: RemovalKind): Markup[] {
  return [...line.matchAll(re)].map((m) => ({ start: a + m.index, end: a + m.index + m[0].length, kind }));
}

/** Two-character marks that go in pairs (a lone one is text), at the offsets in the line where they stand: each pair's two. */
function pairedMarks(a: number, marks: readonly number[]): Markup[] {
  const out: Markup[] = [];
  for (let k = 0; k + 1 < marks.length; k += 2) out.push({ start: a + marks[k]!, end: a + marks[k]! + 2, kind: 'markup' }, { start: a + marks[k + 1]!, end: a + marks[k + 1]! + 2, kind: 'markup' });
  return out;
}

/**
 * A Markdown image (`![](images/0b7d….jpg)`, as a PDF converter leaves each figure): no text; its
 * caption, a line of its own, stays.
 */
function markdownImages(l: MarkupLine): Markup[] {
  return l.line.includes('![') ? matchesIn(l, /!\[[^\]\n]{0,200}\]\([^)\s]{0,500}(?:\s+"[^"]*")?\)/g, 'markup') : [];
}

/**
 * Markdown's heading, bullet and quote marks; a symbol font's bullet (Wingdings, Symbol: a character
 * of the private use area, U+F06C, U+F0D8), as a PDF's text layer keeps it, never text whatever
 * follows it; `／` at a line's start, a line break a platform wrote as `／` (see `splitScraped`).
 * A note app's callout (`> [!abstract]- 考核指标`, Obsidian, 语雀): its type mark goes with the
 * quote mark, its title stays as a line of text.
 */
function leadMark({ a, lead }: MarkupLine): Markup[] {
  return lead ? [{ start: a, end: a + lead[0].length, kind: 'markup' }] : [];
}

/**
 * A form's blanks (`__8__个`): the figure written in the blank is the text; the underscores go
 * (and the boxes and the choices not ticked: see `formChoices`).
 */
function formBlanks(l: MarkupLine): Markup[] {
  return l.line.includes('__') ? matchesIn(l, /_{2,}/g, 'markup') : [];
}

/** A form's choices (`□约　□不超过　☑不少于`): the choice ticked is the text; the boxes and the choices not ticked go. */
function formChoices({ a, line }: MarkupLine): Markup[] {
  // A list of choices as a form's value (`☑共性关键技术类  □示范应用类`, `☑是  □否`): the ticked
  // ones' words stay, the boxes and the choices not ticked go.
  const list = RE_CHOICE_LIST.exec(line);
  if (list) {
    return [...line.slice(list[1]!.length).matchAll(RE_CHOICE)].map((m) => {
      const at = a + list[1]!.length + m.index;
      const ticked = m[1] !== '□' && m[1] !== '☐';
      return { start: at, end: at + (ticked ? m[1]!.length : m[0].length), kind: 'markup' };
    });
  }
  const choices = [...line.matchAll(RE_FORM_CHOICE)];
  if (choices.length < 2) return [];
  return choices.map((m) => {
    const ticked = m[1] !== '□' && m[1] !== '☐';
    return { start: a + m.index, end: a + m.index + (ticked ? m[1]!.length : m[0].length), kind: 'markup' };
  });
}

/** Markdown's escapes (`1\~2`, `\*`, `\#`): the backslash is no text, the mark after it is. */
function markdownEscapes(l: MarkupLine): Markup[] {
  return l.line.includes('\\') ? matchesIn(l, /\\(?=[~*_#`|[\]()>+\-.!{}])/g, 'markup') : [];
}

/**
 * A bullet before a field label (`——合作协议：…`, `◆拟支持项目数：…`): the label starts the line.
 * Also a bullet before a heading (`● 中国和新加坡政府间联合研究项目` over its `○ 合作协议：…`): a
 * short line without a clause in it, which then reads as an unnumbered title.
 * (Glyphs that are only bullets: a dash or a middle dot at a line's start may be text wrapped
 * there, `—东盟科技合作…` after `中国`.)
 */
function labelBullet({ text, a, b, line, lead }: MarkupLine): Markup[] {
  const bullet = lead ? null : RE_LABEL_BULLET.exec(line);
  // (Read as the line will read once cleaned: a compatibility ideograph, `勇` U+FA76, as the ideograph
  // it stands for, so that cleaning the cleaned line decides alike.)
  const rest = bullet ? asCleaned(line.slice(bullet[0].length)) : '';
  const heading = bullet !== null && RE_HEADING_BULLET.test(bullet[0]) && rest.length >= 4 && rest.length <= 50 && !/[。；;，,：:！？!?]/.test(rest) && /[\u4e00-\u9fff]/.test(rest) && !itemOfLabel(text, a, bullet[0][0]!);
  // (A label in two languages after it, `▲Funding 经费：`, is a label too: see `bilingualLabel`.)
  if (bullet && (fieldLabelAt(rest) || heading || bilingualLabel(text, a + bullet[0].length, b).length > 0)) return [{ start: a, end: a + bullet[0].length, kind: 'markup' }];
  return [];
}

/**
 * Whether the line at `a`, bulleted with `glyph`, is an item of the list a label with no value opens
 * (`领域方向：` over `○ 农业` / `○ 水资源` / `○ 可再生能源`): the lines above it, past blank ones and
 * those with the same bullet, end with the label's colon (the label's line bulleted or not).
 */
function itemOfLabel(text: string, a: number, glyph: string): boolean {
  let end = a - 1;
  for (let k = 0; k < 64 && end > 0; k++) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const above = text.slice(start, end).trim();
    if (/[：:]$/.test(above)) return true;
    if (above !== '' && !above.startsWith(glyph)) return false;
    end = start - 1;
  }
  return false;
}

/**
 * An editor's note inside a draft's text (`【修改说明：删去原“海洋科学”】`, `【编者注：…】`): no
 * part of the value it stands in; logged as markup.
 */
function editorNotes({ a, b, line }: MarkupLine): Markup[] {
  if (!line.includes('【')) return [];
  return [...line.matchAll(/【(?:修改说明|修订说明|修订|修改|修订标记|编者注|编辑说明|说明)[：:][^【】]{0,200}】/g)].map((m) => {
    // A revision mark that opens its line (`【修订：经费调整】共拟支持经费由…调整为…`): the line is its note.
    const whole = m.index === 0 && /^【(?:修订|修改)/.test(m[0]);
    return { start: a + m.index, end: whole ? b : a + m.index + m[0].length, kind: 'markup' };
  });
}

/**
 * reStructuredText: a field list's item (`:资助领域: 数学；化学`) is a label and its value, its
 * opening colon no text; an auto-numbered item's `#.` is a list mark.
 */
function rstMarks({ a, line, lead }: MarkupLine): Markup[] {
  if (lead) return [];
  const rst = /^(?::(?=[^:\s][^:]{0,20}:(?:[ \t]|$))|#\.[ \t]+)/.exec(line);
  return rst ? [{ start: a, end: a + rst[0].length, kind: 'markup' }] : [];
}

/**
 * A definition list's definition mark (pandoc, PHP Markdown Extra: `研究内容` over `:   针对…`): the
 * colon and the spaces after it are no text, so the term reads as a label above its value.
 */
function definitionMarks({ a, line, lead }: MarkupLine): Markup[] {
  if (lead) return [];
  const mark = /^:[ \t]{1,4}(?=\S)/.exec(line);
  return mark ? [{ start: a, end: a + mark[0].length, kind: 'markup' }] : [];
}

/** reStructuredText: a footnote's call `[#]_` goes. */
function rstFootnoteCalls(l: MarkupLine): Markup[] {
  return l.line.includes(']_') ? matchesIn(l, /\[(?:#|\*|\d{1,2})\]_/g, 'footnote') : [];
}

// A note app's marks (Obsidian, 语雀, Notion exports): `==highlight==` in pairs, a wiki link
// `[[page|shown]]` (what it shows stays), a footnote's call `[^1]`, the tags of a folded block
// (`<details>`, `<summary>考核指标（点击展开）</summary>`) and its `（点击展开）`.

/** A note app's `==highlight==`, in pairs. */
function highlightMarks({ a, line }: MarkupLine): Markup[] {
  return line.includes('==') ? pairedMarks(a, [...line.matchAll(/==(?!=)/g)].map((m) => m.index)) : [];
}

/**
 * An inline HTML tag an editor's Markdown export leaves in the text (`<font style="color:#DF2A3F;">`,
 * `</font>`, `<span …>`, `<br/>` between fields, an empty anchor `<a name="…"></a>`): its text stays,
 * the tag goes (a `<br/>` parts what the labels after it part again).
 */
function inlineHtmlTags({ a, line }: MarkupLine): Markup[] {
  // (Never one quoted as code: `` `<br>` ``.)
  if (!line.includes('<')) return [];
  return [...line.matchAll(RE_INLINE_TAG)].filter((m) => line[m.index - 1] !== '`').map((m) => ({ start: a + m.index, end: a + m.index + m[0].length, kind: 'markup' as const }));
}
// (And an empty anchor before a heading, `<a name="Vd6jX"></a>`, as 语雀 exports them.)
const RE_INLINE_TAG = /<\/?(?:font|span|b|strong|em|i|mark|sup|sub)(?:\s[^<>]{0,200})?>|<br\s*\/?>|<a\s+(?:name|id)=["'][^"'<>]{0,40}["']\s*>\s*<\/a>/gi;

/** A note app's wiki link `[[page|shown]]`: its brackets and the page it links go, what it shows stays. */
function wikiLinkMarks({ a, line }: MarkupLine): Markup[] {
  if (!line.includes('[[')) return [];
  return [...line.matchAll(/\[\[(?:([^\]|\n]*)\|)?[^\]|\n]+\]\]/g)].flatMap((m): Markup[] => [
    { start: a + m.index, end: a + m.index + 2 + (m[1] !== undefined ? m[1].length + 1 : 0), kind: 'markup' },
    { start: a + m.index + m[0].length - 2, end: a + m.index + m[0].length, kind: 'markup' },
  ]);
}

/** A note app's footnote call `[^1]` (not its note, `[^1]:`). */
function footnoteCalls(l: MarkupLine): Markup[] {
  return l.line.includes('[^') ? matchesIn(l, /\[\^[\w-]{1,12}\](?!:)/g, 'footnote') : [];
}

/** The tags of a folded block (`<details>`, `<summary>…</summary>`) and its `（点击展开）`. */
function foldedBlockTags(l: MarkupLine): Markup[] {
  return l.line.includes('<') ? matchesIn(l, /<\/?(?:details|summary)(?:\s[^>]*)?>|[（(]点击(?:展开|收起|查看)[）)]/gi, 'markup') : [];
}

/** Markdown's bold `**`: in pairs only, a lone `**` is text. */
function boldMarks({ a, line }: MarkupLine): Markup[] {
  return line.includes('**') ? pairedMarks(a, [...line.matchAll(/\*\*/g)].map((m) => m.index)) : [];
}

/**
 * Emphasis by single stars around Chinese (`*研究内容：*针对…`, `*一、总体要求*`): Markdown's `*…*`, and
 * how a mail client writes an HTML body's bold as plain text. In pairs on one line, never `**`, and
 * never around Latin words or figures alone (`5*3`, `a*b*c`); the closing star may touch a word (`*关键词：*MEMS…`).
 */
function emphasisMarks({ a, line }: MarkupLine): Markup[] {
  if (!line.includes('*')) return [];
  return [...line.matchAll(RE_EMPHASIS)].filter((m) => /[\u3400-\u9fff]/u.test(m[1]!)).flatMap((m): Markup[] => [
    { start: a + m.index, end: a + m.index + 1, kind: 'markup' },
    { start: a + m.index + m[0].length - 1, end: a + m.index + m[0].length, kind: 'markup' },
  ]);
}
const RE_EMPHASIS = /(?<![*\w])\*(?=[^\s*])([^*\n]{0,80}?[^\s*])\*(?!\*)/g;

/** A running head after a page number inside a line: the words up to a call's title word (`…项目申报指南`), no clause. */
const RE_HEAD_AFTER_PAGE = /^\s*([^。；;，,：:\s|]{4,60}?(?:指南|通知|榜单|公告|通告)(?:[（(]征求意见稿[）)])?)/;

/**
 * A running head glued after a page number inside a line, as a text pasted from a PDF with its
 * line breaks removed keeps them (`智能制造；－ 2 －战略性…项目申报指南生命科学`, `1— 3 —…指南500万元`):
 * where the same head follows two page numbers or more, each is removed with its page number and
 * logged as a running header.
 */
function markInlineRunningHeads(lines: RawLine[], text: string): void {
  const found: { l: RawLine; start: number; head: string }[] = [];
  for (const l of lines) {
    if (l.cls !== 'content') continue;
    for (const r of inlinePageNumbers(text, l.start, l.end)) {
      const m = RE_HEAD_AFTER_PAGE.exec(text.slice(r.end, Math.min(l.end, r.end + 70)));
      if (m) found.push({ l, start: r.end + m[0].length - m[1]!.length, head: m[1]! });
    }
  }
  const count = new Map<string, number>();
  for (const f of found) count.set(f.head, (count.get(f.head) ?? 0) + 1);
  for (const f of found) if ((count.get(f.head) ?? 0) >= 2) (f.l.furniture ??= []).push({ start: f.start, end: f.start + f.head.length, kind: 'running-header' });
}

function inlinePageNumbers(text: string, a: number, b: number): { start: number; end: number }[] {
  const line = text.slice(a, b);
  if (!/[-－—–―]\s*\d{1,3}\s*[-－—–―]|第\s+\d/.test(line)) return [];
  const out: { start: number; end: number }[] = [];
  for (const m of line.matchAll(RE_INLINE_PAGE)) {
    const before = line[m.index - 1];
    const after = line[m.index + m[0].length];
    const inner = m[0].trim();
    if (m[1] !== undefined) {
      const spaced = m[2]!.length > 0 && m[4]!.length > 0;
      // `2026-3-15`, `1—3—5`: a digit before an unspaced number makes a date or a range (after a
      // word, `不低于—10—20%` is page 10 in front of `20%`).
      if (!spaced && before !== undefined && /\d/.test(before)) continue;
      // An ASCII hyphen pair without spaces next to a Latin letter or a digit (`A-3-B`) is a code,
      // not a page number; between Chinese characters or punctuation it is one.
      if (!spaced && m[1] === '-' && m[5] === '-' && /[A-Za-z0-9]/.test(`${before ?? ''}${after ?? ''}`)) continue;
    }
    // The page number stands inside text: something on at least one side.
    if (m.index === 0 && m.index + m[0].length === line.length) continue;
    const lead = m[0].indexOf(inner);
    out.push({ start: a + m.index + lead, end: a + m.index + lead + inner.length });
  }
  return out;
}

/** A gap of two columns or more, after text, before a known field label and its colon. */
/** A label's end: its colon (or what stands for one, `LABEL_COLON`) or its closing bracket. */
const RE_LABEL_ENDS = new RegExp(`(?:${LABEL_COLON}|[】\\]])\\s*$`);
function gapBeforeLabel(text: string, i: number, j: number, b: number): boolean {
  // (One space is enough before a label with its colon where fields run on in one line — after a
  // closing mark or a field's value: `…会议纪要》 领域方向：农业`, `…气候变化 拟支持项目数：4个` — never
  // inside a label someone spaced, `拟支持 项目数：`.)
  const width = displayWidth(text.slice(i, j));
  if (width < 1) return false;
  if (width < 2) {
    const lineStart = text.lastIndexOf('\n', i - 1) + 1;
    const before = text.slice(lineStart, i);
    // (A colon, a bar or a pair of dashes before it: a field's line. A single dash may be a page number's.)
    if (!/[。；;，,》」”）)]$/.test(before) && !/[：:｜丨]|[—－]{2}/.test(before)) return false;
  }
  // (Its colon may be a bar or a dash: `合作协议｜《…》　领域方向｜…`.)
  const label = fieldLabelAt(text.slice(j, Math.min(b, j + 24)));
  return label !== null && RE_LABEL_ENDS.test(text.slice(j, j + label.length));
}
/**
 * The gap before the next item of a list numbered inline that the line has begun (`1.氢能与燃料电池
 * 2.电池与储能`, a table cell's lines joined): the items stay apart. Never before a decimal (`2.5亿元`).
 */
function gapBeforeItem(text: string, a: number, i: number, j: number): boolean {
  const next = /^(?:(\d{1,2})[.．、](?![\d.．])|[（(](\d{1,2})[）)])/.exec(text.slice(j, j + 6));
  if (!next) return false;
  const n = Number(next[1] ?? next[2]);
  if (n < 2) return false;
  const before = text.slice(a, i);
  return new RegExp(`(?:^|[：:\\s])(?:${n - 1}[.．、]|[（(]${n - 1}[）)])`).test(before);
}

/**
 * Labels wrapped inside a narrow label column, as `pdftotext -layout` prints a Word table of labels
 * and values (`拟支持项        不超过5个。` / `目数`, a page's foot maybe between them): where the
 * start of a row's label is no label but, with the first word of the next line standing in the same
 * column, is one (`拟支持项` + `目数`), that word is read as the rest of the label, and its line goes
 * on after it. Only known labels: `合作协议` alone on its row, or a value's own wrapped line, is left.
 */
function markWrappedLabels(lines: RawLine[]): void {
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.cls !== 'content' || l.afterLabelTail !== undefined) continue;
    const m = RE_TABLE_LABEL.exec(l.raw.trimStart());
    const head = m?.[1];
    // (Never where furniture stands on the line: its label's start is then not where the row's is.)
    if (!m || !head || m[0].includes('\t') || KNOWN_LABELS.has(head) || !LABEL_PREFIXES.has(head) || (l.furniture?.length ?? 0) > 0) continue;
    const indent = indentColumn(l.raw);
    if (indent === null) continue;
    // The next content line, past blank lines and a page's furniture (at most a few). (A page's
    // first line that completes the label is its rest, though it repeats at the top of pages as a
    // running head does: `费` under `拟支持经` on every page where that row breaks.)
    const tailOf = (next: RawLine): RegExpExecArray | null => {
      const at = indentColumn(next.raw);
      const word = /^([\u4e00-\u9fff]{1,6})(?:[ \u3000]{2,}(?=\S)|[ \u3000]*$)/.exec(next.raw.trimStart());
      return at !== null && Math.abs(at - indent) <= 1 && word && KNOWN_LABELS.has(head + word[1]!) ? word : null;
    };
    let next: RawLine | undefined;
    let word: RegExpExecArray | null = null;
    for (let j = i + 1; j < lines.length && j - i <= 8; j++) {
      const c = lines[j]!;
      if (c.cls === 'content' || c.cls === 'running-header' || c.cls === 'running-footer') word = tailOf(c);
      if (word || c.cls === 'content') {
        next = c;
        break;
      }
      if (c.cls !== 'blank' && c.cls !== 'page-number' && c.cls !== 'running-header' && c.cls !== 'running-footer') break;
    }
    if (!next || !word) continue;
    next.cls = 'content';
    const start = next.start + (next.raw.length - next.raw.trimStart().length);
    l.labelTail = { start, end: start + word[1]!.length };
    next.afterLabelTail = start + word[1]!.length;
  }
}

/** Every proper start of a known label, two characters or more (`拟支持项` of `拟支持项目数`): where a label column may wrap it. */
const LABEL_PREFIXES: ReadonlySet<string> = new Set(labelsOf().flatMap((label) => Array.from({ length: Math.max(0, label.length - 2) }, (_, k) => label.slice(0, k + 2))));

/** A row label and the gap after it: two spaces or more (`pdftotext -layout`), or a tab (a table or a form copied as text: `合作国别<TAB>德国`). */
const RE_TABLE_LABEL = /^([\u4e00-\u9fff]{2,8})(?:[ \u3000]{2,}|[ \u3000]*\t[ \t\u3000]*)(?=\S)/;

/**
 * Where the gap after a row label starts, when the line is a table row as `pdftotext -layout`
 * prints one: a known field label, two spaces or more, the value. -1 otherwise.
 */
/** The display width of a line's indentation (U+3000 is two columns); null when it holds a tab. */
function indentColumn(raw: string): number | null {
  const lead = /^[\f \u3000\t]*/.exec(raw)![0].replace(/\f/g, '');
  return lead.includes('\t') ? null : displayWidth(lead);
}

/**
 * Whether the space `[i, j)` stands inside a title in 《》 on the line `[a, b)`, between two phrases
 * of four CJK characters or more (`《深化粤港澳合作 推进大湾区建设框架协议》`): a title's own space,
 * not typesetting (`《中 越 …》` letter-spaced, `《2023— 2025年…》` beside a figure, are not).
 */
function spacedBookTitle(text: string, a: number, b: number, i: number, j: number): boolean {
  const open = text.lastIndexOf('《', i);
  if (open < a || text.lastIndexOf('》', i) > open) return false;
  const close = text.indexOf('》', j);
  if (close < 0 || close >= b || (text.indexOf('《', j) >= 0 && text.indexOf('《', j) < close)) return false;
  const before = text.slice(open + 1, i).split(/[\s\u3000]/).pop() ?? '';
  const after = text.slice(j, close).split(/[\s\u3000]/)[0] ?? '';
  return /^[\u4e00-\u9fff]{4,}$/.test(before) && /^[\u4e00-\u9fff]{4,}/.test(after);
}

/** A bullet at a line's start and the space after it (`▪ `, `• `, `● `): its text hangs after them. */
const RE_HANG_MARK = new RegExp(`^[\\f \\u3000]*${BULLET}[ \\u3000]+(?=\\S)`);

/** For a label/value table row (`其他要求          合作项目须…`), the display column its value starts at. */
function tableRowColumns(raw: string): number | null {
  const rest = raw.trimStart();
  const m = RE_TABLE_LABEL.exec(rest);
  if (!m || !KNOWN_LABELS.has(m[1]!) || m[0].includes('\t')) return null;
  const indent = indentColumn(raw);
  return indent === null ? null : indent + displayWidth(m[0]);
}

function tableLabelGap(text: string, a: number, b: number): number {
  const m = RE_TABLE_LABEL.exec(text.slice(a, Math.min(b, a + 40)));
  return m && KNOWN_LABELS.has(m[1]!) ? a + m[1]!.length : -1;
}

/** Leader dots, as a contents entry or a form's key point runs them to what it names: `……`, `......`, `····`, `. . .`. */
const LEADERS = '(?:[…⋯]{2,}|[.·・．]{4,}|(?:\\. ){3,})';
/** A known label and the leader dots that run to its value (`关键词……………多模态大模型`), the line's indent before it. */
const RE_LEADER_LABEL = new RegExp(`^[ \\t\\u3000]*([\\u4e00-\\u9fff]{2,8})(${LEADERS}[ \\t\\u3000]*)(?=\\S)`);

/**
 * A field's label and value set apart by leader dots (a form's key points, `项目类别………………基础研究类`,
 * the value flush right): the dots (and the space after them) are the label's colon, logged as
 * layout. Only after a known label, and never before a bare page number (a contents entry's).
 */
function leaderGap(text: string, a: number, b: number): { start: number; end: number; kind: RemovalKind; replacement: string }[] {
  const m = RE_LEADER_LABEL.exec(text.slice(a, Math.min(b, a + 400)));
  if (!m || !KNOWN_LABELS.has(m[1]!)) return [];
  const start = a + m[0].length - m[2]!.length;
  if (/^\d{1,3}\s*$/.test(text.slice(a + m[0].length, b))) return [];
  return [{ start, end: a + m[0].length, kind: 'layout-gap', replacement: '：' }];
}

/**
 * A label in two languages at a line's start (`Funding 经费：`, `合作协议 Agreement：`, as a bilingual
 * call prints them): the English word goes (logged as `translation`), the Chinese label reads on.
 */
function bilingualLabel(text: string, a: number, b: number): { start: number; end: number; kind: RemovalKind }[] {
  // (After a bullet, `▲Funding 经费：`, as after nothing; after a page number glued to the line's
  // start, `第 2 页Funding 经费：`, as at the start its removal leaves it: cleaning twice changes nothing.)
  const from = text.slice(a, Math.min(b, a + 12)).match(/^第\s*\d/) ? (inlinePageNumbers(text, a, b).find((r) => r.start === a)?.end ?? a) : a;
  const lead = RE_LABEL_BULLET.exec(text.slice(from, Math.min(b, from + 4)))?.[0].length ?? 0;
  const at = from + lead;
  // (A page number between the gloss and its label, `Associated Partner第 2 页  共拟支持经费：`, read as
  // the space it leaves: cleaning the cleaned line finds the gloss right before the label.)
  const pages = inlinePageNumbers(text, at, Math.min(b, at + 60));
  let line = text.slice(at, Math.min(b, at + 60));
  for (const r of pages) line = line.slice(0, r.start - at) + ' '.repeat(r.end - r.start) + line.slice(r.end - at);
  // (Latin letters full-width too, `Ａ　共拟支持经费：`: cleaning makes them half-width, and cleaning
  // again must read them alike.)
  const before = /^([A-ZＡ-Ｚ][A-Za-zＡ-Ｚａ-ｚ]*(?:[ \-/][A-Za-zＡ-Ｚａ-ｚ]+){0,3}\s+)([\u4e00-\u9fff]{2,10})[：:]/.exec(line);
  if (before && KNOWN_LABELS.has(before[2]!)) {
    // (Up to the page number, logged as such.)
    const page = pages.find((r) => r.start >= at && r.start < at + before[1]!.length);
    return [{ start: at, end: page ? page.start : at + before[1]!.length, kind: 'translation' }];
  }
  const after = /^([\u4e00-\u9fff]{2,10})(\s*[A-ZＡ-Ｚ][A-Za-zＡ-Ｚａ-ｚ]*(?:[ \-/][A-Za-zＡ-Ｚａ-ｚ]+){0,3}\s*)[：:]/.exec(line);
  if (after && KNOWN_LABELS.has(after[1]!)) return [{ start: at + after[1]!.length, end: at + after[1]!.length + after[2]!.length, kind: 'translation' }];
  return [];
}

/** Half-width punctuation a line may hold: the fast test before the per-character pass. */
const RE_HALF_PUNCT = /[,;:!?()"]|(?<=[\u3400-\u9fff）》”」])\.(?!\.)/;

/**
 * Half-width punctuation in Chinese text (`其他要求:`, `3个,共`, `(1)农业`, `"…"重点专项`) becomes
 * the full-width form, so that a document typed with either extracts the same values. Only where
 * the text around it is Chinese: `1,500万元`, `1:1`, `10:00`, `https://` and Latin text keep
 * theirs. Brackets and quotes go by pairs: both ends change, or neither. One code unit for one, so
 * the source map is unchanged; each replacement is logged (`halfwidth-punct`).
 */
function fullWidthPunctuation(
  text: string,
  from: Int32Array,
  to: Int32Array,
  log: (kind: RemovalKind, start: number, end: number, replacement?: string) => void,
  around: { readonly before: string | undefined; readonly after: string | undefined },
): string {
  if (!RE_HALF_PUNCT.test(text)) return text;
  const chars = [...text];
  if (chars.length !== text.length) return text; // astral characters: positions would not line up; leave as is
  const prevNonSpace = (k: number): string | undefined => {
    for (let i = k - 1; i >= 0; i--) if (chars[i] !== ' ') return chars[i];
    return around.before;
  };
  const nextNonSpace = (k: number): string | undefined => {
    for (let i = k + 1; i < chars.length; i++) if (chars[i] !== ' ') return chars[i];
    return around.after?.[0];
  };
  const change = new Map<number, string>();
  // Brackets by pairs.
  const open: number[] = [];
  const pairs: [number, number][] = [];
  const lone: number[] = [];
  chars.forEach((c, k) => {
    if (c === '(') open.push(k);
    else if (c === ')') {
      const o = open.pop();
      if (o === undefined) lone.push(k);
      else pairs.push([o, k]);
    }
  });
  append(lone, open);
  for (const [o, c] of pairs) {
    if (isCjkContext(prevNonSpace(o)) || isCjkContext(chars[o + 1]) || isCjkContext(chars[c - 1]) || isCjkContext(nextNonSpace(c))) {
      change.set(o, '（');
      change.set(c, '）');
    }
  }
  for (const k of lone) {
    // `…参与;(` / `2)中方…`: a list marker parted by the line break, Chinese after it.
    const parted = chars[k] === '(' && /^\d{0,3}$/.test(chars.slice(k + 1).join('')) && /^\d{1,3}[)）]\s*[\u3400-\u9fff]/.test(chars.slice(k + 1).join('') + (around.after ?? ''));
    if (parted || isCjkContext(prevNonSpace(k)) || isCjkContext(nextNonSpace(k))) change.set(k, HALF_TO_FULL[chars[k]!]!);
  }
  // Quotes by pairs, in order: “…”.
  const quotes = chars.flatMap((c, k) => (c === '"' ? [k] : []));
  for (let q = 0; q + 1 < quotes.length; q += 2) {
    const [a, b] = [quotes[q]!, quotes[q + 1]!];
    if (chars.slice(a + 1, b).some((c) => isCjkContext(c))) {
      change.set(a, '“');
      change.set(b, '”');
    }
  }
  // Clause punctuation: where a neighbour is Chinese and the two sides are not both digits.
  chars.forEach((c, k) => {
    if (c !== ',' && c !== ';' && c !== ':' && c !== '!' && c !== '?') return;
    const before = prevNonSpace(k);
    const after = nextNonSpace(k);
    if (c === ':' && chars[k + 1] === '/' && chars[k + 2] === '/') return;
    if (isCjkContext(before) || isCjkContext(after)) change.set(k, HALF_TO_FULL[c]!);
  });
  // A full stop after Chinese (`…单方申报无效.项目实施周期2年.`, a copy typed with half-width
  // punctuation): where Chinese, a bracket or the line's end follows; never in `1.1`, a URL or `...`.
  chars.forEach((c, k) => {
    if (c !== '.' || chars[k - 1] === '.' || chars[k + 1] === '.' || !/[\u3400-\u9fff）》”」]/.test(chars[k - 1] ?? '')) return;
    const after = k + 1 < chars.length ? chars[k + 1] : around.after?.[0];
    if (after === undefined || /[\u3400-\u9fff（《“「]/.test(after)) change.set(k, '。');
  });
  if (change.size === 0) return text;
  for (const [k, full] of [...change].sort((x, y) => x[0] - y[0])) {
    log('halfwidth-punct', from[k]!, to[k]!, full);
    chars[k] = full;
  }
  return chars.join('');
}

/**
 * A table row a draft strikes through whole (`| ~~4~~ | ~~智能网联汽车…~~ | … |`, a note in one cell
 * at most saying why): the row is deleted, logged as `revision`, as its struck text would be.
 */
function markStruckRows(lines: RawLine[]): void {
  for (const l of lines) {
    if (l.cls !== 'content' || !l.raw.includes('~~')) continue;
    const cells = l.raw.trim().replace(/^\||\|$/g, '').split('|').map((c) => c.trim());
    if (cells.length < 3) continue;
    const struck = cells.filter((c) => RE_STRUCK_CELL.test(c)).length;
    if (RE_STRUCK_CELL.test(cells[0]!) && struck >= cells.length - 1) l.cls = 'revision';
  }
}

/**
 * Line numbers a draft prints in its margin (`  12    其他要求：…`, Word's line numbering kept by
 * `pdftotext -layout`): a number at the start of most lines, each the one before plus one, starting
 * again at 1 on each page. Where four lines in five carry them, in order, they are removed and logged
 * as `line-number`. (The numbers a viewer prints before each line of a copy: `unnumber`.)
 */
function markLineNumbers(lines: RawLine[]): void {
  const found: { line: RawLine; start: number; end: number }[] = [];
  let content = 0;
  let previous = 0;
  let inOrder = 0;
  for (const l of lines) {
    if (l.formFeed) previous = 0;
    if (l.cls !== 'content') continue;
    content++;
    // (After a form feed too: the first line of a page.)
    const m = /^\f*[ \t]{0,4}(\d{1,3})(?:[ \t\u3000]{2,}|$)/.exec(l.raw);
    if (!m) continue;
    const n = Number(m[1]);
    if (n === previous + 1 || (n === 1 && previous > 0)) inOrder++;
    previous = n;
    const at = l.start + m[0].indexOf(m[1]!);
    found.push({ line: l, start: at, end: at + m[1]!.length });
  }
  if (content < 10 || inOrder * 5 < content * 4) return;
  for (const { line, start, end } of found) (line.furniture ??= []).push({ start, end, kind: 'line-number' });
}

/** A number a viewer prints before each line or paragraph of a copied text, and the viewer's frame around them. */
interface ViewerNumbers {
  readonly re: RegExp;
  readonly frame?: RegExp;
  /** Lines of the page around the text that carry no number and are not counted (left for the lines' own classes). */
  readonly around?: RegExp;
}
/** A unified diff's hunk header (`@@ -1,123 +1,116 @@`): a code review's diff view and a diff's own text show it. */
const HUNK_HEADER = String.raw`@@ -\d+(?:,\d+)? \+\d+(?:,\d+)? @@`;

const VIEWER_NUMBERS: readonly ViewerNumbers[] = [
  // A portal's or a knowledge base's paragraph numbers: `[12] 本方向拟支持项目不超过6个。`
  // (Not counted: the portal's own lines, a breadcrumb, the record's fields above the text, the
  // print and share bar repeated between screens, the site's footer.)
  { re: /^\f*[ \t]{0,3}[[［【](\d{1,4})[\]］】][ \t\u3000]?/, around: /^[\s\u3000]*(?:首页\s*[>＞»]|【?字体[：:]|打印|【打印】|关闭|分享到|索\s*引\s*号|主题分类|发文机关|成文日期|标\s*题[：:]|发文字号|发布日期|主办单位|承办单位|网站标识码|[京沪粤]ICP备|扫一扫|版权所有)/ },
  // A code review's diff view: `  12 +本方向…`, the mark of an added line after the number (a
  // draft's margin numbers, `  12  本方向…`, are `markLineNumbers`');
  // its file header (`docs/x.md  0 → 100644`, `diff --git …`) and hunk lines (`@@ -0,0 +1,45 @@`).
  {
    re: /^\f*[ \t]{0,8}(\d{1,5})[ \t]{1,2}\+/,
    frame: new RegExp(String.raw`^(?:${HUNK_HEADER}.*|diff --git .*|index [0-9a-f]{6,}\.\.\S*|--- (?:a\/|\/dev\/null).*|\+\+\+ b\/.*|\S+\.[A-Za-z]{1,8}\s+(?:0|\d{6})\s*(?:→|->)\s*\d{6})\s*$`),
  },
];

/**
 * The numbers a viewer prints before each line or paragraph of a copied text, of one shape
 * throughout (`VIEWER_NUMBERS`), one more on each line: where four lines in five carry them in
 * order, each is removed before the lines are read (as Markdown, a table, a heading), logged as
 * `line-number`; the viewer's frame is logged as `web-chrome`.
 */
function unnumber(lines: RawLine[], removed: Removal[]): void {
  for (const shape of VIEWER_NUMBERS) {
    let nonBlank = 0;
    let inOrder = 0;
    let previous = 0;
    for (const l of lines) {
      if (l.raw.trim() === '' || shape.frame?.test(l.raw) || shape.around?.test(l.raw)) continue;
      nonBlank++;
      const m = shape.re.exec(l.raw);
      if (!m) continue;
      if (Number(m[1]) === previous + 1) inOrder++;
      previous = Number(m[1]);
    }
    if (nonBlank < 10 || inOrder * 5 < nonBlank * 4) continue;
    lines.forEach((l, k) => {
      if (shape.frame?.test(l.raw)) {
        removed.push({ kind: 'web-chrome', text: l.raw, line: k + 1, start: l.start, end: l.start + l.raw.length, page: null });
        l.start += l.raw.length;
        l.raw = '';
        return;
      }
      const m = shape.re.exec(l.raw);
      if (!m) return;
      const at = m[0].search(/\S/);
      removed.push({ kind: 'line-number', text: m[0].slice(at), line: k + 1, start: l.start + at, end: l.start + m[0].length, page: null });
      l.start += m[0].length;
      l.raw = l.raw.slice(m[0].length);
    });
    return;
  }
}

/** A colleague named in a note (`@王磊`), never an e-mail address (`sbgl@jyghb.org.cn`). */
const RE_MENTION = /(?:^|[\s（(：:*_])@[\u4e00-\u9fff]{2,4}(?=$|[\s@📅💬⏫🔼🔽）)：:，,*_])/u;
/** A note's own marks: a comment, a due date. */
const RE_NOTE_MARK = /^[\s\u3000]*(?:[-*+][ \t]+)?(?:\[[ xX]\][ \t]+)?💬|📅\s*\d{4}-\d{2}-\d{2}/u;

/**
 * The notes a research office adds to a guideline it keeps as a shared task page (a
 * project-management tool's Markdown export): lines that name a colleague (`@赵可`), carry a due
 * date (`📅 2026-03-20`) or a comment (`💬 @李娜：…`). Where three lines or more are such notes, each
 * is the office's, not the guideline's: removed and logged as `chat`.
 */
function markTaskNotes(lines: RawLine[]): void {
  const notes = lines.filter((l) => l.cls === 'content' && (RE_MENTION.test(l.raw) || RE_NOTE_MARK.test(l.raw)));
  if (notes.length < 3) return;
  for (const l of notes) l.cls = 'chat';
}

/** A unified diff's frame: its command, file headers, hunk headers, and the no-newline note. */
const RE_DIFF_FRAME = new RegExp(String.raw`^(?:diff (?:-\S+\s+)*\S.*|--- \S.*|\+\+\+ \S.*|${HUNK_HEADER}.*|\\ No newline at end of file|Only in .*|index [0-9a-f]{6,}\.\.\S*)$`);
const RE_HUNK = new RegExp(`^${HUNK_HEADER}`);

/**
 * A unified diff of two versions of a guideline (`diff -u 征求意见稿 正式发布`, a draft against its
 * final text), as a research office may pass it on: read as the new version. After the first hunk
 * header, where nearly every line starts with ` `, `+` or `-`: a `-` line (the old version's) is
 * removed whole, the mark of a ` ` or `+` line is removed, and the frame is removed; all logged as
 * `revision` (the frame as `web-chrome`).
 */
function undiff(lines: RawLine[], removed: Removal[]): void {
  const first = lines.findIndex((l) => RE_HUNK.test(l.raw));
  if (first < 0 || !lines.slice(0, first).some((l) => l.raw.startsWith('+++ '))) return;
  const body = lines.slice(first + 1).filter((l) => l.raw !== '' && !RE_DIFF_FRAME.test(l.raw));
  if (body.length < 10 || body.filter((l) => /^[ +-]/.test(l.raw)).length < body.length * 0.95) return;
  lines.forEach((l, k) => {
    if (l.raw === '') return;
    const log = (kind: 'revision' | 'web-chrome', length: number): void => {
      removed.push({ kind, text: l.raw.slice(0, length), line: k + 1, start: l.start, end: l.start + length, page: null });
      l.start += length;
      l.raw = l.raw.slice(length);
    };
    if (k <= first || RE_DIFF_FRAME.test(l.raw)) log('web-chrome', l.raw.length);
    else if (l.raw.startsWith('-')) log('revision', l.raw.length);
    else if (/^[ +]/.test(l.raw)) log('revision', 1);
  });
}

/**
 * A line that repeats the line right before it, word for word (`年须承担过国际科技合作项目。` twice,
 * as a copy across a page's edge can leave it): the second is an artefact of the copy, removed and
 * logged as `duplicate-line`. Only the copy of a line that went on from the line before it, with a
 * clause in it: a value or a paragraph may stand twice in a text by right.
 */
function markDuplicateLines(lines: RawLine[]): void {
  let before: RawLine | null = null;
  let previous: RawLine | null = null;
  for (const l of lines) {
    // Blank lines and lines already found furniture are no text: the lines around them are next to
    // each other, as cleaning the cleaned text finds them (idempotence).
    if (l.cls !== 'content') continue;
    const t = l.raw.replace(RE_WS, '');
    // The copy of the end of a sentence that a line before began (`…（2）近三` / `年须承担…。` twice):
    // text with a clause in it, never a value standing alone (a table's cells, one per line, may
    // repeat `2000万元人民币`), nor a paragraph repeated whole.
    if (isCopiedLine(l, t, previous, before)) {
      l.cls = 'duplicate-line';
      continue;
    }
    before = previous;
    previous = l;
  }
  markRepeatedBlocks(lines);
}

/**
 * Two to four lines that open with a heading and come again right after themselves (photos of a
 * page that overlap, read by a phone's OCR one after the other: `2.1 内地与澳门…` / `领域方向：…` twice):
 * the second copy is no text.
 */
function markRepeatedBlocks(lines: RawLine[]): void {
  const content = lines.filter((l) => l.cls === 'content');
  const key = content.map((l) => l.raw.replace(RE_WS, ''));
  for (let i = 0; i < content.length; i++) {
    const head = matchMarker(key[i]!);
    if (!head || head.type === 'field') continue;
    for (let k = 4; k >= 2; k--) {
      if (i + 2 * k > content.length) continue;
      let same = true;
      for (let j = 0; j < k && same; j++) same = key[i + j] === key[i + k + j] && key[i + j]!.length > 0;
      if (!same) continue;
      for (let j = 0; j < k; j++) content[i + k + j]!.cls = 'duplicate-line';
      i += 2 * k - 1;
      break;
    }
  }
}

/** Whether line `l` (its text `t`, white space aside) is the copy `markDuplicateLines` removes of `previous`, the line after `before`. */
function isCopiedLine(l: RawLine, t: string, previous: RawLine | null, before: RawLine | null): boolean {
  const continued = before !== null && !/[。；;！？!?：:]$/.test(before.raw.trimEnd());
  return previous !== null && previous !== l && continued && t.length >= 6 && /[，,。；;]/.test(t) && previous.raw.replace(RE_WS, '') === t && !matchMarker(t);
}

/**
 * A line that starts with a URL and whose rest (white space aside) repeats text found in the
 * document's other lines is an extraction artefact (a text layer drawn twice). Runs of them sit in
 * the middle of sentences; the URL alone on a line, or with new text after it, is content.
 */
function markUrlArtefacts(lines: RawLine[]): void {
  const candidates: { line: RawLine; rest: string }[] = [];
  for (const l of lines) {
    if (l.cls !== 'content') continue;
    const m = RE_URL_LINE.exec(asciiAlnum(l.raw));
    if (!m) continue;
    const rest = m[2]!.replace(RE_WS, '');
    if (rest.length >= MIN_REPEAT) candidates.push({ line: l, rest });
  }
  if (candidates.length === 0) return;
  const isCandidate = new Set(candidates.map((c) => c.line));
  // (Without the copies of lines that `markDuplicateLines` removes after this: the text they part
  // is whole once they are gone, as cleaning the cleaned text finds it.)
  const kept: string[] = [];
  let before: RawLine | null = null;
  let previous: RawLine | null = null;
  for (const l of lines) {
    if (l.cls !== 'content' || isCandidate.has(l)) continue;
    const t = l.raw.replace(RE_WS, '');
    if (isCopiedLine(l, t, previous, before)) continue;
    kept.push(t);
    before = previous;
    previous = l;
  }
  const body = kept.join('');
  const found = new Map<string, boolean>();
  for (const { line, rest } of candidates) {
    let hit = found.get(rest);
    if (hit === undefined) {
      hit = body.includes(rest);
      found.set(rest, hit);
    }
    if (hit) line.cls = 'url-artefact';
  }
}

/**
 * Pages of a text file. A page ends at a page-number line or a form feed, and a new one starts at a
 * page-start indent; a page number and the indent after it are one break, not two. Pages are
 * counted from 1, then anchored to the printed page numbers when they all agree (the seed's first
 * line is on printed page 2: its title page was not extracted).
 */
function inferPages(lines: RawLine[]): { pageOfLine: number[]; pages: number; numbering: Layout['pageNumbering'] } {
  const counted: number[] = new Array<number>(lines.length).fill(1);
  let page = 1;
  let seenContent = false;
  let brokeSinceContent = false;
  let pending = false;
  /** Content lines since the last page break. */
  let sinceBreak = Number.POSITIVE_INFINITY;
  /** The last page break came after a page number; after a form feed. */
  let byNumber = false;
  let byFeed = false;
  let feedPending = false;
  /** A page number was the last line with text: the next page has not begun. */
  let numberPending = false;
  const breakPage = (): void => {
    if (seenContent && !brokeSinceContent) {
      page++;
      brokeSinceContent = true;
    }
  };
  const printed: { counted: number; printed: number }[] = [];
  const numbered = lines.filter((l) => l.cls === 'page-number' || (l.cls === 'running-header' && l.printed !== null)).length >= 2;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.formFeed) pending = feedPending = true;
    if (l.cls === 'blank') {
      counted[i] = page;
      continue;
    }
    if (l.cls === 'page-number' || (l.cls === 'running-header' && l.printed !== null)) {
      // (A number at the top of a page a form feed began, below its head, `\f联合基金项目` / `· 413 ·`:
      // the page's own, no break of its own. A number at a page's foot breaks the page.)
      const top = byFeed && sinceBreak <= 2 && !l.formFeed;
      // (Nor one right after the foot's number of the page before, `· 1 ·` / `· 2 ·  …指南`: the next
      // page's head, on that page.)
      if (numberPending && !l.formFeed) {
        breakPage();
        pending = numberPending = false;
        sinceBreak = 0;
        counted[i] = page;
        printed.push({ counted: page, printed: l.printed! });
        continue;
      }
      counted[i] = page;
      printed.push({ counted: page, printed: l.printed! });
      if (!top) pending = numberPending = true;
      continue;
    }
    // (A page's start indent on the line after its running header, the page number above them
    // both, starts no page of its own: the header's page goes on. Where the pages print their
    // numbers, those tell the breaks: a stray leading space in a page's text starts none.)
    if (pending || (l.pageStart && !numbered && (!byNumber || sinceBreak > 2))) breakPage();
    if (pending || l.pageStart) {
      byNumber = pending;
      byFeed = l.formFeed === true || feedPending;
      sinceBreak = 0;
    }
    feedPending = numberPending = false;
    pending = false;
    counted[i] = page;
    if (l.cls === 'content') {
      seenContent = true;
      brokeSinceContent = false;
      sinceBreak++;
    }
  }
  const offsets = new Set(printed.map((p) => p.printed - p.counted));
  const [offset] = [...offsets];
  if (printed.length > 0 && offsets.size === 1 && offset !== undefined && offset >= 0) {
    return { pageOfLine: counted.map((p) => p + offset), pages: page + offset, numbering: 'printed' };
  }
  return { pageOfLine: counted, pages: page, numbering: page > 1 ? 'counted' : 'none' };
}

/**
 * Running headers and footers: the same line first (last) on most pages. Only pages
 * with at least three content lines count, so that a short page's only line is never taken.
 */
/** A line that may begin with a heading's number (`1.`, `一、`, `（一）`, `第一部分`, `１．`): the cheap test before `matchMarker`. */
const RE_NUMBER_START = /^[\s\u3000]*[\d０-９（(一二三四五六七八九十第方任专【\u2460-\u2473\u2160-\u216b]/;

/** How a line of running text ends: a sentence's or a clause's punctuation. */
const RE_SENTENCE_END = /[。，、；;,]$/;

/** A line that starts with a known field label and, after a space, its value (`实施周期 3年`, `领域方向　　…`). */
function spacedLabel(raw: string): boolean {
  const m = /^[\s\u3000]*([\u4e00-\u9fff]{2,10})[ \t\u3000]+\S/.exec(raw);
  return m !== null && labelOnly(m[1]!) !== null;
}

function markRunningLines(lines: RawLine[], pageOfLine: readonly (number | null)[], skip: ReadonlySet<number> = new Set()): void {
  const onPage = new Map<number, RawLine[]>();
  lines.forEach((l, i) => {
    if (l.cls !== 'content' || skip.has(i)) return;
    const p = pageOfLine[i];
    if (p === null || p === undefined) return;
    const ls = onPage.get(p);
    if (ls) ls.push(l);
    else onPage.set(p, [l]);
  });
  // Only pages of three lines or more establish a running line (a short page's only line is its
  // text); a short page (the last one) that carries it too counts, and loses it too.
  const first = new Map<number, RawLine>();
  const last = new Map<number, RawLine>();
  const shortFirst = new Map<number, RawLine>();
  const shortLast = new Map<number, RawLine>();
  const edges = (): void => {
    for (const m of [first, last, shortFirst, shortLast]) m.clear();
    for (const [p, all] of onPage) {
      const ls = all.filter((l) => l.cls === 'content');
      // (A page of one line, the foot after the last page's number, counts too where the others establish it.)
      if (ls.length === 0) continue;
      (ls.length < 3 ? shortFirst : first).set(p, ls[0]!);
      (ls.length < 3 ? shortLast : last).set(p, ls[ls.length - 1]!);
    }
  };
  edges();
  // The same words exactly (white space aside), and never a field or list item: with digits
  // ignored, `共拟支持经费：6000万元人民币。` ends many pages of a guideline. A line without a word
  // (`。`, `……`) is no evidence at all: it is the end of a sentence wrapped onto a line of its own,
  // and re-wrapping can leave one at the foot of many pages.
  // Nor a line that ends as a sentence or a clause does (`无效，项目实施周期不超过3年。`): the same
  // requirement closing a direction can end page after page; a header or footer is no sentence.
  // Nor a label beside its value with no colon (`实施周期 3年`, a card's label column).
  // (The page's own number in a head is no word of it: `附件1：…指南.pdf　第 2 页 / 共 6 页`.)
  // Nor a numbered heading's wrapped end (`1.2 中国和智利政府间联` / `合研究项目`), the same under every
  // heading of a narrow column, that a page may end with page after page.
  const at = new Map(lines.map((l, i) => [l, i]));
  const key = (l: RawLine): string => (matchMarker(l.raw.trim()) || !RE_WORD.test(l.raw) || RE_SENTENCE_END.test(l.raw.trimEnd()) || labelsOnly(l.raw) || spacedLabel(l.raw) || headingTail(lines, at.get(l)!) ? '' : l.raw.replace(RE_WS, '').replace(RE_PAGE_COUNTER, '#'));
  // Counted over the pages the text holds, not the last page number printed (a guideline cut from
  // a longer file starts on page 5: three pages, not seven).
  const need = runningLineQuorum(onPage.size);
  const mark = (edge: Map<number, RawLine>, short: Map<number, RawLine>, cls: LineClass, counted = false): void => {
    const groups = new Map<string, RawLine[]>();
    for (const l of edge.values()) {
      const k = key(l);
      if (k.length === 0 || k.length > 100 || (counted && !k.includes('#'))) continue;
      const group = groups.get(k);
      if (group) group.push(l);
      else groups.set(k, [l]);
    }
    for (const l of short.values()) groups.get(key(l))?.push(l);
    for (const group of groups.values()) if (group.length >= need) for (const l of group) l.cls = cls;
  };
  mark(first, shortFirst, 'running-header');
  mark(last, shortLast, 'running-footer');
  // A second running line inside the first (a viewer's foot after the page's number, then the
  // file's head, `预览人：…` / `附件1：…pdf　第 2 页 / 共 6 页`): the edges again, once, for a line
  // that counts the pages (the line before a footer may repeat by chance; a page counter does not).
  const marked = [...first.values(), ...last.values()].some((l) => l.cls !== 'content');
  if (marked) {
    edges();
    mark(first, shortFirst, 'running-header', true);
    mark(last, shortLast, 'running-footer', true);
  }
  markPartHeads(lines, [...first.values(), ...shortFirst.values()], key);
  // The cover's first line that the running head repeats: the title's own first line.
  const cover = lines.findIndex((l) => l.cls === 'content' || l.cls === 'running-header');
  if (cover >= 0 && lines[cover]!.cls === 'running-header' && beginsTitle(lines, cover)) lines[cover]!.cls = 'content';
}

/**
 * A head that names the part the page is in (`深远海养殖环境感知与预报` over the pages of `1. 深远海养殖
 * 环境感知与预报`, then the next part's name): the title of a numbered heading of the text, first on
 * three pages or more (`firsts`: the pages' first lines; `key`: a line's words as compared).
 */
function markPartHeads(lines: RawLine[], firsts: readonly RawLine[], key: (l: RawLine) => string): void {
  // (The headings looked for only where three pages or more begin with a line that may name one,
  // and only among lines that begin as a number does: this runs over every line of a long text.)
  const maybe = firsts.filter((l) => l.cls === 'content' && key(l).length >= 2);
  if (maybe.length >= 3) {
    const keys = new Set(maybe.map(key));
    const titles = new Set<string>();
    for (const l of lines) {
      if (l.cls !== 'content' || !RE_NUMBER_START.test(l.raw)) continue;
      const t = l.raw.trim();
      const m = matchMarker(t);
      const title = m && m.type !== 'field' ? t.slice(m.length).replace(RE_WS, '') : '';
      if (keys.has(title)) titles.add(title);
    }
    const heads = maybe.filter((l) => titles.has(key(l)));
    if (heads.length >= 3) for (const l of heads) l.cls = 'running-header';
  }
}

/**
 * Whether line `at` begins the text's title block (`国家重点研发计划` over `“…”重点专项` /
 * `2026年度项目申报指南`): short lines without a clause below it, up to one that ends as a title does.
 * A cover's first line that the running head or a stamp repeats on later pages is the title's.
 */
function beginsTitle(lines: readonly RawLine[], at: number): boolean {
  // Only a programme's name, as a title's first line prints it (`国家重点研发计划`): a site's or a
  // platform's name over the page (`国家科技管理信息系统公共服务平台`), a title of its own
  // (`港澳台专项2023年度项目申报指南`), is the page's head.
  if (!new RegExp(`^(?:${RE_PROGRAMME_NAME.source})$`).test(lines[at]!.raw.replace(RE_WS, ''))) return false;
  let seen = 0;
  for (let j = at + 1; j < lines.length && seen < 4; j++) {
    if (lines[j]!.cls === 'blank') continue;
    const t = lines[j]!.raw.trim();
    if (t.length > 30 || /[。；，：]/.test(t)) return false;
    seen++;
    if (/指南(?:[（(]征求意见稿[）)])?$|^[（(]征求意见稿[）)]$/.test(t)) return true;
  }
  return false;
}

/**
 * The document's title, or a part of it, printed again as a line of its own inside the text
 * (`2025年度项目申报指南（征求意见稿）`: a page's running header that a converter or a copy kept once,
 * where no page count can show it repeats): removed and logged as a running header. The title is
 * the lines before the first one with clause punctuation (six at most); the line must be eight
 * characters or more of it (a draft mark aside), name a guideline (指南, 专项, 通知, 计划), and have
 * no number, label or clause of its own.
 */
/** A line that ends with a page's number (`第 1 页 共 5 页`, `— 3 —`, `- 3 -`). */
const RE_ENDS_WITH_PAGE = /(?:第\s*\d{1,3}\s*页(?:\s*[，,]?\s*共\s*\d{1,3}\s*页)?|[—–\-]\s*\d{1,3}\s*[—–\-])[\s\u3000]*$/;

function markTitleRepeats(lines: RawLine[]): void {
  const head: RawLine[] = [];
  for (const l of lines) {
    if (l.cls !== 'content' || l.raw.trim() === '') continue;
    if (/[。；;，,：:]/.test(l.raw) || head.length >= 6) break;
    head.push(l);
    // (The draft mark closes the title: the text's first line may follow with no blank line.)
    if (/^[（(]?征求意见稿[）)]?$/.test(l.raw.replace(RE_WS, ''))) break;
  }
  if (head.length === 0) return;
  const title = head.map((l) => l.raw.replace(RE_WS, '')).join('');
  // A notice's title (`科技部关于发布…申报指南的通知`) names the guideline whose own title follows it.
  if (/通知|的函|公告|通告|意见的/.test(title)) return;
  const last = lines.indexOf(head[head.length - 1]!);
  // The title glued inside a line after a page number (`…海洋科学； — 6 — 国家重点研发计划“…”…申报指南
  // 地热与清洁能源；…`, a copy that lost the page's breaks): the page's running head, removed.
  const bare = title.replace(/[（(]?征求意见稿[）)]?$/, '');
  if (bare.length >= 12 && /指南|专项|通知/.test(bare)) {
    const glued = new RegExp(`(?:[—–\\-]\\s*\\d{1,3}\\s*[—–\\-]|第\\s*\\d{1,3}\\s*页)\\s*((?:${RE_PROGRAMME_NAME.source})?\\s*${[...bare].map(escapeRegExp).join('\\s*')})`, 'g');
    // (Or at the start of a page's first line, the page number at the end of the line before, a PDF
    // viewer's copy: `…项目实施周期3年。第 1 页 共 5 页` / `国家重点研发计划“…”…申报指南（征求意见稿）1.2 中国和智利…`.)
    const head = new RegExp(`^[\\s\u3000]*((?:${RE_PROGRAMME_NAME.source})?\\s*${[...bare].map(escapeRegExp).join('\\s*')}(?:\\s*[（(]征求意见稿[）)])?)\\s*(?=\\S)`);
    let previous: RawLine | null = null;
    for (let i = last + 1; i < lines.length; i++) {
      const l = lines[i]!;
      if (l.cls !== 'content') continue;
      const after = previous !== null && RE_ENDS_WITH_PAGE.test(previous.raw);
      previous = l;
      if (!l.raw.includes(bare.slice(0, 4))) continue;
      for (const m of l.raw.matchAll(glued)) {
        const at = m.index + m[0].length - m[1]!.length;
        (l.furniture ??= []).push({ start: l.start + at, end: l.start + at + m[1]!.length, kind: 'running-header' });
      }
      const h = after ? head.exec(l.raw) : null;
      if (h && !(l.furniture ?? []).some((f) => f.start === l.start + h.index + h[0].indexOf(h[1]!))) {
        const at = h[0].indexOf(h[1]!);
        (l.furniture ??= []).push({ start: l.start + at, end: l.start + at + h[1]!.length, kind: 'running-header' });
      }
    }
  }
  const candidates: { l: RawLine; i: number; t: string }[] = [];
  for (let i = last + 1; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.cls !== 'content') continue;
    const t = l.raw.replace(RE_WS, '').replace(/[（(]?征求意见稿[）)]?$/, '');
    if (t.length < 8 || !/指南|专项|通知|计划/.test(t) || /[。；;，,：:]/.test(t) || matchMarker(l.raw.trim()) || !title.includes(t)) continue;
    candidates.push({ l, i, t });
  }
  const times = new Map<string, number>();
  for (const c of candidates) times.set(c.t, (times.get(c.t) ?? 0) + 1);
  for (const { l, i, t } of candidates) {
    // (Next to a page number, the page's own lines decide: `markRunningLines`, by its pages.)
    // A whole title of its own (`2025年度山东省重点研发计划（国际科技合作）项目申报指南` under a post's
    // headline that holds it) is the guideline's title, unless it repeats the first lines exactly,
    // or stands more than once (a page's running head a converter put after the page's first line).
    const whole = /计划|专项|基金/.test(t) && t !== title.replace(/[（(]?征求意见稿[）)]?$/, '') && times.get(t)! < 2;
    if (!whole && !besidePageNumber(lines, i)) l.cls = 'running-header';
  }
}

/**
 * A line of field labels side by side (`研究内容    考核指标` over two columns of a table): a table's
 * header, repeated with each direction, never a page's furniture.
 */
function labelsOnly(raw: string): boolean {
  const parts = raw.trim().split(/[ \t\u3000]{2,}/);
  return parts.length >= 2 && parts.every((p) => labelOnly(p) !== null);
}

/** A programme's name a running head may print before the title the text's first lines give. */
const RE_PROGRAMME_NAME = /国家重点研发计划|国家自然科学基金|国家科技重大专项/;

/** Whether the nearest lines with text before and after line `i` include a page number. */
function besidePageNumber(lines: readonly RawLine[], i: number): boolean {
  for (const step of [-1, 1]) {
    for (let j = i + step; j >= 0 && j < lines.length; j += step) {
      if (lines[j]!.cls === 'blank' || lines[j]!.raw.trim() === '') continue;
      if (lines[j]!.cls === 'page-number') return true;
      break;
    }
  }
  return false;
}

/**
 * A stamp printed on every page wherever it falls in the reading order (`内部征求意见 2024-10` set
 * at a page's corner, read between two lines of the text): the same short line, word for word, on
 * half the pages or more (three at least), no clause punctuation in it, no marker, no label. Removed
 * and logged as a running header.
 */
function markStamps(lines: RawLine[], pageOfLine: readonly (number | null)[], skip: ReadonlySet<number>): void {
  const pagesOf = new Map<string, Set<number>>();
  const all = new Set<number>();
  lines.forEach((l, i) => {
    const p = pageOfLine[i];
    if (p === null || p === undefined) return;
    all.add(p);
    if (l.cls !== 'content' || skip.has(i)) return;
    const t = l.raw.replace(RE_WS, '');
    // (A viewer's watermark row, its pieces apart by wide spaces, a time in it: `内部资料　注意保密　　张*伟
    // gdkj_zw2381　2027-03-18 14:22`, printed a few times on each page: as long as its pieces are.)
    const pieces = l.raw.trim().split(/[ \t]{2,}|\u3000+/).length;
    if (t.length < 4 || t.length > (pieces >= 3 ? 90 : 30) || /[。；;，,：:、“”《》]/.test(t.replace(/\d{1,2}:\d{2}(?::\d{2})?/g, '0')) || !RE_WORD.test(t) || matchMarker(l.raw.trim()) || labelOnly(l.raw.trim()) || labelsOnly(l.raw) || spacedLabel(l.raw)) return;
    // (Nor the rest of a bracket a line before opened, `属代码）` after `…（申请代码1选择D01的下`: a
    // wrapped line of a phrase the text repeats. A stamp is whole.)
    if ((t.match(/[（(]/g)?.length ?? 0) !== (t.match(/[）)]/g)?.length ?? 0)) return;
    // (Nor a numbered heading's wrapped end, `1.1 中国和越南政府间联` / `合研究项目`, the same under every
    // heading of a narrow column.)
    if (headingTail(lines, i)) return;
    const pages = pagesOf.get(t) ?? new Set<number>();
    pages.add(p);
    pagesOf.set(t, pages);
  });
  const need = Math.max(3, Math.ceil(all.size / 2));
  const stamps = new Set([...pagesOf].filter(([, pages]) => pages.size >= need).map(([t]) => t));
  if (stamps.size === 0) return;
  const cover = lines.findIndex((l) => l.cls === 'content');
  lines.forEach((l, i) => {
    if (l.cls === 'content' && stamps.has(l.raw.replace(RE_WS, '')) && !(i === cover && beginsTitle(lines, i)) && !headingTail(lines, i)) l.cls = 'running-header';
  });
}

/** The end of a title wrapped onto a line of its own: a few CJK words, no clause (fake bold's doubled glyphs too). */
const RE_TITLE_TAIL_LINE = /^[\u4e00-\u9fff][^。；;，,：:\s]{0,23}$/;

/**
 * Whether line `i` goes on with the numbered heading on the line above it, which ends no clause
 * (`1.1 中国和越南政府间联` / `合研究项目`), a page's foot between them or not (its number, and the
 * running head printed after it).
 */
function headingTail(lines: readonly RawLine[], i: number): boolean {
  // (A few words of a title: never a URL, a date, a page's head of its own.)
  if (!RE_TITLE_TAIL_LINE.test(lines[i]!.raw.trim())) return false;
  const furniture = (c: LineClass): boolean => c === 'blank' || c === 'page-number' || c === 'running-header' || c === 'running-footer';
  let k = i - 1;
  while (k >= 0 && lines[k]!.cls === 'blank') k--;
  // (A page's number right above: the line is the page's running head, if anything, no heading's end.)
  if (k >= 0 && lines[k]!.cls === 'page-number') return false;
  while (k >= 0 && furniture(lines[k]!.cls)) k--;
  // (The running head after a page's number, not yet known as one.)
  if (k > 0 && lines[k]!.cls === 'content' && lines[k - 1]!.cls === 'page-number') for (k--; k >= 0 && furniture(lines[k]!.cls); ) k--;
  if (k < 0 || lines[k]!.cls !== 'content') return false;
  const above = lines[k]!.raw.trim();
  // (Its number may be printed in fake bold, each glyph twice: `11..11 中中国国…`.)
  const pairs = /^(?:(\S)\1)+(?=\s)/.exec(above)?.[0];
  const m = matchMarker(pairs ? [...pairs].filter((_, j) => j % 2 === 0).join('') + above.slice(pairs.length) : above);
  return m !== null && m.type !== 'field' && !/[。；;：:]$/.test(above);
}

function isDoubleSpaced(lines: readonly RawLine[]): boolean {
  let transitions = 0;
  let single = 0;
  let gap = -1;
  for (const l of lines) {
    if (l.cls === 'blank') {
      if (gap >= 0) gap++;
      continue;
    }
    if (gap >= 0) {
      transitions++;
      if (gap === 1) single++;
    }
    gap = 0;
  }
  return transitions >= 4 && single >= transitions * 0.6;
}

/** The cleaned lines as text: blank lines and indents where they mean paragraph breaks. */
export function renderCleaned(cleaned: Cleaned): string {
  return cleaned.lines.map((l) => (l.blankBefore ? '\n' : '') + (l.indented ? '\u3000\u3000' : '') + l.text.text).join('\n');
}

/** A title cell that starts with its direction's number: `1.4 中国和巴西政府间科技合作项目`. */
const RE_NUMBERED_TITLE = /^\d{1,2}[.．]\d{1,2}(?:[.．]\d{1,2})?\s*[\u4e00-\u9fff“《（(]/;

/** A cell that says "none" (`—`, `/`, `无`): no value. */
const RE_EMPTY_CELL = /^[—–\-/／无]+$/;
/** A cell that is only a number or a range of numbers: the header's unit goes after it. */
const RE_BARE_NUMBER = /^(?!\d{4}[.．/]\d{1,2}(?!\d))(?:约|不超过|不少于|原则上不超过|一般为|一般不超过)?\d[\d.,，]*(?:[-～~至—]\d[\d.,，]*)?(?:左右|以内|以上|以下)?$/;
/** A bare number with a note in brackets that holds numbers too (`不超过3000（每个揭榜单位不超过1500）`). */
const RE_NUMBER_WITH_NOTE = /^(?:约|不超过|不少于|原则上不超过|一般为|一般不超过)?\d[\d.,，]*(?:[-～~至—]\d[\d.,，]*)?(?:左右|以内)?[（(][^（）()\d]{0,16}\d[\d.,，]*(?:左右|以内)?[）)]$/;
/** A number no unit follows. */
const RE_UNITLESS_NUMBER = /\d[\d.,，]*(?:[-～~至—]\d[\d.,，]*)?(?![\d.,，]|\s*(?:万|亿|元|个|项|年|月|家|%))/g;
/** The unit a count or a duration has when its column's header gives none (`拟支持项目数` `4`). */
const DEFAULT_UNIT: Partial<Record<string, string>> = { projectCount: '个', duration: '年' };

/**
 * The lines a table is written out as: for a table of directions, a heading per row (its number
 * and title: `3. 罗马尼亚`) and a field per cell (`合作协议：《…》`, the label mapped to the header
 * cell, a bare number given the header's unit); for a table of fields, a `label：value` line per
 * row. Inserted characters (the number's dot, the colon, the unit) map to an empty range.
 */
function tableLines(text: string, table: Table, clean: (r: Range) => Mapped, log: (r: Range & { kind: RemovalKind; replacement?: string }) => void, byOcr: (r: Range) => boolean = () => false): CleanLine[] {
  const out: CleanLine[] = [];
  for (const r of table.layout) log(r);
  const w: TableOut = {
    cellOf: (pieces) => tableCell(pieces, clean, log, text),
    at: (m, end = false) => (end ? m.to[m.text.length - 1]! : m.from[0]!),
    push: (line, m, kind) => {
      out.push({ line: line + 1, text: m, blankBefore: true, indented: false, continuesCell: false, ...(kind === null ? {} : { table: kind }) });
    },
    log,
  };
  if (table.kind === 'cards') writeCardRows(table, w);
  else if (table.kind === 'data') writeDataRows(table, w);
  else if (table.kind === 'fields') writeFieldRows(table, w.cellOf, w.at, w.push, log);
  else writeDirectionRows(text, table, w, byOcr);
  return out;
}

/** What a table's rows are written out with: a cell's text, where a text starts (or ends) in the source, a line written, a removal logged. */
interface TableOut {
  readonly cellOf: (pieces: readonly Range[]) => Mapped | null;
  readonly at: (m: Mapped, end?: boolean) => number;
  readonly push: (line: number, m: Mapped, kind: 'row' | 'cell' | 'field' | null) => void;
  readonly log: (r: Range & { kind: RemovalKind; replacement?: string }) => void;
}

/** A cell's pieces cleaned and joined (a space where two would run letters or digits together); null for an empty cell or one that says "none" (logged as the table's layout). */
function tableCell(pieces: readonly Range[], clean: (r: Range) => Mapped, log: TableOut['log'], text: string): Mapped | null {
  // (Which pieces a `<br>` parts from the one before, in the line.)
  const broken = new Set(pieces.flatMap((p, k) => (k > 0 && pieces[k - 1]!.line === p.line && /<br\s*\/?>/i.test(text.slice(pieces[k - 1]!.end, p.start)) ? [k] : [])));
  const parts = pieces.map((p, k) => ({ m: clean(p), br: broken.has(k) })).filter((x) => x.m.text.length > 0);
  if (parts.length === 0) return null;
  const b = new MappedBuilder();
  parts.forEach(({ m, br }, k) => {
    const prev = parts[k - 1]?.m;
    if (prev && /[A-Za-z0-9]$/.test(prev.text) && /^[A-Za-z0-9]/.test(m.text)) b.pushRange(' ', m.from[0]!, m.from[0]!);
    // (A list in a cell, an item a line: `1. 农业与食品科学<br>2. 海洋可再生能源`; its items parted as a
    // list written on one line parts them.)
    else if (prev && br && itemNumberType(m.text) !== null && !/[。；;，,、：:]$/.test(prev.text)) b.pushRange('；', m.from[0]!, m.from[0]!);
    b.pushMapped(m);
  });
  const m = b.build();
  if (RE_EMPTY_CELL.test(m.text)) {
    for (const p of pieces) log({ ...p, kind: 'table-layout' });
    return null;
  }
  return m;
}

/** A table of figures: each row a line of its cells, a space between them (where the tab stood). */
function writeDataRows(table: Table, w: TableOut): void {
  for (const row of table.rows) {
    const b = new MappedBuilder();
    for (const cell of row.cells) {
      const m = w.cellOf(cell);
      if (!m) continue;
      if (b.size > 0) b.pushRange(' ', m.from[0]!, m.from[0]!);
      b.pushMapped(m);
    }
    if (b.size > 0) w.push(row.line, b.build(), 'cell');
  }
}

/** A table of cards: a direction per row, its heading, then its fields as a line of text (their labels part them). */
function writeCardRows(table: Table, w: TableOut): void {
  for (const row of table.rows) {
    for (const cell of row.cells) {
      const m = w.cellOf(cell);
      if (m) w.push(cell[0]?.line ?? row.line, m, null);
    }
  }
}

/** The columns of a table of directions that name its rows, and whether none does. */
interface DirectionColumns {
  readonly idCol: number;
  readonly titleCol: number;
  readonly partnersCol: number;
  /** No column names the row: every column a field. */
  readonly fieldsOnly: boolean;
  /** Columns that qualify the column before them. */
  readonly qualifierCols: ReadonlySet<number>;
}

/** Which columns of a table of directions hold each row's number, title and partner (-1 for none). */
function directionColumns(text: string, table: Table): DirectionColumns {
  const roleAt = (role: string): number => table.columns.findIndex((c) => c?.role === role);
  const idCol = roleAt('id');
  // Of two columns that name a direction (`方向` over a task's group, merged down its rows, and
  // `揭榜任务`), the title is the one whose cells differ from row to row; the other is its group.
  const titleCols = table.columns.flatMap((c, k) => (c?.role === 'title' ? [k] : []));
  const distinct = (k: number): number => new Set(table.rows.filter((row) => !row.caption).map((row) => (row.cells[k] ?? []).map((p) => text.slice(p.start, p.end)).join(''))).size;
  // (Without one, the rows are named by their kind: `kindColumn`.)
  // (Nor a title column, but a column of directions by name, `支持方向`, one name to a cell: the title.)
  const named = titleCols.length === 0 ? namingColumn(text, table) : -1;
  const titleCol = titleCols.length > 1 ? titleCols.reduce((best, k) => (distinct(k) > distinct(best) ? k : best)) : titleCols.length === 1 ? titleCols[0]! : named >= 0 ? named : kindColumn(table.columns);
  const partnersCol = roleAt('partners');
  // No column names the row (no number, title or partner): every column a field (`合作协议 | 领域方向 |
  // 拟支持项目数 | …` over one row of values, under a direction's heading). The row is that heading's
  // fields, not a direction of its own: a `label：value` line per cell.
  // (A partner column too, over one row: `合作国家 | 合作协议 | … ` / `智利 | 《…》 | …` under `1.1 中国和智利…`
  // names the heading's partner; a table of directions has more rows than one.)
  const oneRow = table.rows.filter((row) => !row.caption).length === 1;
  const fieldsOnly = idCol < 0 && titleCol < 0 && (partnersCol < 0 || oneRow) && table.columns.length >= 2 && table.columns.every((c) => c !== null && c !== undefined);
  return { idCol, titleCol, partnersCol: fieldsOnly ? -1 : partnersCol, fieldsOnly, qualifierCols: qualifierColumns(text, table) };
}

/**
 * A column headed as a direction's field that names each row's direction (`支持方向`, `指南方向`,
 * read as domains where a direction lists them): one name to each cell, no list, every row a
 * different one; or -1.
 */
function namingColumn(text: string, table: Table): number {
  return table.columns.findIndex((c, k) => {
    if (c?.role !== 'domains' || !/方向$/.test(c.label)) return false;
    // (Not the rows that add up the others, `小计`, `合计`, `其中：…`.)
    const values = table.rows
      .filter((row) => !row.caption)
      .map((row) => (row.cells[k] ?? []).map((p) => text.slice(p.start, p.end)).join('').trim())
      .filter((v) => !RE_TOTAL_TEXT.test(v) && !/^其中/.test(v));
    return values.length >= 2 && new Set(values).size === values.length && values.every((v) => v.length >= 4 && v.length <= 40 && !/[、；;，,]/.test(v.replace(/[（(][^）)]*[）)]/g, '')));
  });
}

/**
 * A table of the kinds of project a call funds (`项目类别 | 市级财政资助强度 | 拟支持数量` over `重点项目 |
 * 不超过100万元/项 | 8项`), before numbered directions that offer them: no directions, the call's
 * figures per kind. Told by rows named only by their kind (`…项目`, `…类`), no number or title column,
 * and directions numbered `1.1` after it.
 */
function isKindsTable(text: string, table: Table, cols: DirectionColumns): boolean {
  if (cols.idCol >= 0 || cols.titleCol < 0 || table.columns[cols.titleCol]?.role === 'title') return false;
  const names = table.rows.filter((row) => !row.caption).map((row) => (row.cells[cols.titleCol] ?? []).map((p) => text.slice(p.start, p.end)).join('').trim());
  if (names.length === 0 || !names.every((n) => /^[\u4e00-\u9fff]{2,10}(?:项目|类)$/.test(n) || RE_TOTAL_TEXT.test(n))) return false;
  // (Searched from the table's last cell on, in place: no copy of the rest of the text.)
  const re = /^\s*\d{1,2}[.．]\d{1,2}[\s\u3000]*[\u4e00-\u9fff“《]/gm;
  re.lastIndex = Math.max(...table.rows.flatMap((row) => row.cells.flat().map((p) => p.end)));
  if (re.exec(text) !== null && re.exec(text) !== null) return true;
  // (Or a part of directions above it, `三、2027年度资助研究方向` over `（一）培育项目` / `1.高风速…`, the
  // table the call's plan after them, `表1 2027年度资助计划`, as NSFC's 重大研究计划 sets it.)
  const start = Math.min(...table.rows.flatMap((row) => row.cells.flat().map((p) => p.start)));
  const before = text.slice(Math.max(0, start - 200_000), start);
  let at = -1;
  for (const m of before.matchAll(RE_PART_LINE)) if (RE_DIRECTIONS_PART.test(m[1]!)) at = m.index;
  return at >= 0 && (before.slice(at).match(/^[\s\u3000]*\d{1,2}[.．、][\s\u3000]*[\u4e00-\u9fff]/gm)?.length ?? 0) >= 2;
}
/** A part's heading on its line, `三、2027年度资助研究方向`: group 1 its title. */
const RE_PART_LINE = /^[\s\u3000]*[一二三四五六七八九十]{1,3}[、.．][\s\u3000]*([^\n。；：:]{2,24}?)[\s\u3000]*$/gm;

/** A table of kinds written as pipe rows, its header first: read as the call's figures per kind of project (`tableCategoryCaps`). */
function writeKindRows(table: Table, w: TableOut): void {
  const rowLine = (line: number, cells: readonly (readonly Range[])[]): void => {
    const built = cells.map((c) => w.cellOf(c));
    const first = built.find((c): c is Mapped => c !== null);
    if (!first) return;
    const at = w.at(first);
    const b = new MappedBuilder().pushRange('| ', at, at);
    built.forEach((c, k) => {
      if (k > 0) b.pushRange(' | ', c ? w.at(c) : at, c ? w.at(c) : at);
      if (c) b.pushMapped(c);
    });
    b.pushRange(' |', at, at);
    w.push(line, b.build(), null);
  };
  rowLine(table.first, table.header);
  for (const row of table.rows) if (!row.caption) rowLine(row.line, row.cells);
}

/** A table of directions: a heading per row and a field per cell; a caption across the table a line of the text. */
function writeDirectionRows(text: string, table: Table, w: TableOut, byOcr: (r: Range) => boolean): void {
  const cols = directionColumns(text, table);
  const { idCol, titleCol, partnersCol, fieldsOnly } = cols;
  if (isKindsTable(text, table, cols)) {
    writeKindRows(table, w);
    return;
  }
  let n = 0;
  const idDigits = idCol >= 0 ? ocrRowNumbers(text, table, idCol, byOcr) : new Map<number, string>();
  // Whether the row above was a direction's (`row`), or a detail row of one (`detail`, below).
  let above: 'row' | 'detail' | null = null;
  // A detail row, written when the next row shows whether it goes on past a page.
  let held: { line: number; text: Mapped } | null = null;
  const flush = (): void => {
    if (held) w.push(held.line, held.text, 'cell');
    held = null;
  };
  for (const [r, row] of table.rows.entries()) {
    if (row.caption) {
      // A caption across the table (a group's heading, the table's title): a line of the text,
      // read as any heading is. Under a direction's row, a row merged across the table that
      // states its fields (`研究内容：…考核指标：…`, an A3 table's detail row), or goes on with
      // one past a page, is that direction's; cut mid-sentence, one paragraph with it.
      const caption = w.cellOf(row.cells[0] ?? []);
      const detail: boolean = caption !== null && above !== null && isDetailRow(caption.text, above === 'detail');
      if (detail && held !== null && !fieldLabelAt(caption!.text.trim()) && !/[。！？；]$/.test(held.text.text.trimEnd())) {
        held = { line: held.line, text: new MappedBuilder().pushMapped(held.text).pushMapped(caption!).build() };
      } else {
        flush();
        if (detail) held = { line: row.line, text: caption! };
        else if (caption) w.push(row.line, caption, null);
      }
      above = detail ? 'detail' : null;
      continue;
    }
    flush();
    above = 'row';
    const cells = row.cells.map(w.cellOf);
    // A row number OCR read as a letter (`A` for `4`), where the rows around it say which it is.
    const digit = idDigits.get(r);
    const piece = digit !== undefined ? row.cells[idCol]![0]! : null;
    if (digit !== undefined && piece) {
      w.log({ ...piece, kind: 'ocr-misread', replacement: digit });
      cells[idCol] = new MappedBuilder().pushRange(digit, piece.start, piece.end).build();
    }
    const id = idCol >= 0 ? cells[idCol] : null;
    const titleCell = (titleCol >= 0 ? cells[titleCol] : null) ?? (partnersCol >= 0 ? cells[partnersCol] : null) ?? cells.find((c, k) => c && k !== idCol) ?? null;
    // (A title taken from a column of no title role, `合作方向` naming each row's direction: its cell
    // is the row's title, no field of it as well.)
    const titleK = titleCell !== null && titleCol < 0 && partnersCol < 0 && !fieldsOnly ? cells.indexOf(titleCell) : -1;
    // (A title cell that carries the direction's own number, `1.1内地与香港…` beside a row counter `1`:
    // the title's number is the direction's, the counter the table's layout.)
    const ownNumber = id !== null && id !== undefined && titleCell !== null && /^\d{1,3}$/.test(id.text.trim()) && RE_NUMBERED_TITLE.test(titleCell.text);
    if (ownNumber) for (const p of row.cells[idCol] ?? []) w.log({ ...p, kind: 'table-layout' });
    const head = rowHeading(ownNumber ? null : (id ?? null), titleCell, n, w.at);
    // A group's row among the directions' (`| **（一）** | **与欧洲国家的合作** |  |  |`): numbered in
    // Chinese where the rows are in Arabic, a title and no field: a heading of the text, as a caption is.
    if (id && titleCell && /^[（(]?[一二三四五六七八九十]{1,3}[）)、]?$/.test(id.text.trim()) && cells.every((c, k) => c === null || k === idCol || c === titleCell)) {
      w.push(row.line, head, null);
      above = null;
      continue;
    }
    n++;
    if (!fieldsOnly) w.push(row.line, head, 'row');
    writeRowCells(text, table, row, cells, cols, titleK, w);
  }
  flush();
}

/**
 * A row merged across a table of directions that holds a direction's fields: it opens with a
 * label of a direction's field (`研究内容：`), or, after such a row, with no number of a heading
 * (the detail row going on past a page: `林生态系统定位观测…`).
 */
function isDetailRow(text: string, afterDetail: boolean): boolean {
  const label = fieldLabelAt(text.trim());
  if (label) return DETAIL_ROLES.has(label.role);
  return afterDetail && matchMarker(text.trim()) === null && /[。；]/.test(text);
}
const DETAIL_ROLES: ReadonlySet<FieldRole> = new Set([...DIRECTION_ROLES, 'requirements']);

/** A row's heading: its number (`3. `, `三、`, the number the row is where it has none) and its title. */
function rowHeading(id: Mapped | null, titleCell: Mapped | null, n: number, at: TableOut['at']): Mapped {
  const head = new MappedBuilder();
  const rowAt = titleCell ? at(titleCell) : id ? at(id) : 0;
  if (id) {
    head.pushMapped(id);
    if (/^\d{1,3}$/.test(id.text)) head.pushRange('. ', at(id, true), at(id, true));
    else if (/^[一二三四五六七八九十]+$/.test(id.text)) head.pushRange('、', at(id, true), at(id, true));
    else head.pushRange(' ', at(id, true), at(id, true));
  } else if (!(titleCell && RE_NUMBERED_TITLE.test(titleCell.text))) {
    // (A title cell that carries its own number, `1.4 中国和巴西…`, keeps it.)
    head.pushRange(`${n + 1}. `, rowAt, rowAt);
  }
  if (titleCell) head.pushMapped(titleCell);
  return head.build();
}

/** A row's cells other than its number and title, each a field line (`label：value`). */
function writeRowCells(text: string, table: Table, row: Table['rows'][number], cells: readonly (Mapped | null)[], cols: DirectionColumns, titleK: number, w: TableOut): void {
  const { idCol, titleCol, fieldsOnly, qualifierCols } = cols;
  const ticks = table.ticks;
  cells.forEach((cell, k) => {
    const column = table.columns[k];
    if (ticks?.has(k)) {
      // A tick grid's columns: one line of the partners the row ticks, at its first column.
      if (k === Math.min(...ticks.keys())) {
        const line = tickedPartners(table, row, w);
        if (line) w.push(row.line, line, fieldsOnly ? 'field' : 'cell');
      }
      return;
    }
    if (table.years?.has(k)) {
      // Money split by year: one line of the years and their amounts, at the first year's column.
      if (k === Math.min(...table.years.keys())) {
        const line = yearAmounts(table, row, w);
        if (line) w.push(row.line, line, fieldsOnly ? 'field' : 'cell');
      }
      return;
    }
    if (!cell || k === idCol || k === titleK || (k === titleCol && column?.role === 'title') || qualifierCols.has(k)) return;
    if (column?.role === 'id' || column?.role === 'title') {
      // The group's name beside the title (its `方向` merged down): the table's layout, logged.
      for (const p of row.cells[k] ?? []) w.log({ ...p, kind: 'table-layout' });
      return;
    }
    const built = cellLine(text, table, k, cell, qualifierCols.has(k + 1) ? cells[k + 1] ?? null : null, w.at);
    if (!built) return;
    w.push(cell === null ? row.line : (row.cells[k]?.[0]?.line ?? row.line), built, fieldsOnly ? 'field' : 'cell');
  });
}

/**
 * A row's money by year (`分年度国拨经费：2027年700万元；2028年600万元`): each year from its header cell,
 * its amount with the column's unit; a year the row leaves empty (`—`) left out.
 */
function yearAmounts(table: Table, row: Table['rows'][number], w: TableOut): Mapped | null {
  const parts: Mapped[] = [];
  for (const [k, head] of [...table.years!.entries()].sort((a, b) => a[0] - b[0])) {
    const cell = w.cellOf(row.cells[k] ?? []);
    const year = w.cellOf(head);
    if (!cell || !year || cell.text.trim() === '' || RE_EMPTY_CELL.test(cell.text.trim())) continue;
    const unit = table.columns[k]?.unit ?? '';
    const b = new MappedBuilder().pushMapped(year).pushMapped(cell);
    if (unit && RE_BARE_NUMBER.test(cell.text.trim())) b.pushRange(unit, w.at(cell, true), w.at(cell, true));
    parts.push(b.build());
  }
  return joinedField('分年度国拨经费', parts, '；', w);
}

/** A field line written from pieces of several cells (`label：a、b、c`), the label and separators mapped to empty ranges; null for none. */
function joinedField(label: string, parts: readonly Mapped[], sep: string, w: TableOut): Mapped | null {
  if (parts.length === 0) return null;
  const at = w.at(parts[0]!);
  const b = new MappedBuilder().pushRange(`${label}：`, at, at);
  parts.forEach((p, i) => {
    if (i > 0) b.pushRange(sep, w.at(p), w.at(p));
    b.pushMapped(p);
  });
  return b.build();
}

/** A tick mark in a grid's cell: the column's partner is the row's. */
const RE_TICK = /^[√✓✔☑●■◆★]$/;
/** A grid column for the partners no column names (`其他`): its cells hold the names. */
const RE_OTHER_COLUMN = /^(?:其他|其它|其他国家|其他国家（地区）|其他国家和地区)$/;

/**
 * The partners a row of a tick grid names (`合作国家：哈萨克斯坦、乌兹别克斯坦、蒙古`): each ticked
 * column's name from its header (the marks logged as layout), and the names written in its `其他` cell.
 */
function tickedPartners(table: Table, row: Table['rows'][number], w: TableOut): Mapped | null {
  const names: Mapped[] = [];
  for (const [k, head] of [...table.ticks!.entries()].sort((a, b) => a[0] - b[0])) {
    const pieces = row.cells[k] ?? [];
    const cell = w.cellOf(pieces);
    const value = cell?.text.trim() ?? '';
    if (value === '' || RE_EMPTY_CELL.test(value)) continue;
    const name = w.cellOf(head);
    if (RE_TICK.test(value) && name && !RE_OTHER_COLUMN.test(name.text.trim())) {
      names.push(name);
      for (const p of pieces) w.log({ ...p, kind: 'table-layout' });
    } else if (cell && !RE_TICK.test(value)) names.push(cell);
  }
  return joinedField('合作国家', names, '、', w);
}

/** A table of labels and values (`合作协议 | 《…》`): a `label：value` line per row. */
function writeFieldRows(
  table: Table,
  cellOf: (pieces: readonly Range[]) => Mapped | null,
  at: (m: Mapped, end?: boolean) => number,
  push: (line: number, m: Mapped, kind: 'row' | 'cell' | 'field' | null) => void,
  log: (r: Range & { kind: RemovalKind; replacement?: string }) => void,
): void {
  const skip = new Set<number>();
  for (const [r, row] of table.rows.entries()) {
    const label = cellOf(row.cells[0] ?? []);
    const value = cellOf(row.cells[1] ?? []);
    if (!label) {
      // A row without its label (`|  | （2）高端医疗器械 |`: the label merged down over rows from the
      // page before): its value goes on under the field above, never lost.
      if (value && value.text.trim() !== '') push(row.line, value, 'field');
      continue;
    }
    // A direction's number and then its title, each a row of a form (`方向编号 | 1.1` / `指南方向 | 中国和冰岛…`):
    // its heading, `1.1 中国和冰岛…`, the labels layout.
    const next = table.rows[r + 1];
    const titleLabel = next ? cellOf(next.cells[0] ?? []) : null;
    const title = next ? cellOf(next.cells[1] ?? []) : null;
    const roleOfLabel = (m: Mapped): string | undefined => columnOf(m.text.replace(/[：:]$/, ''))?.role;
    if (value && title && titleLabel && roleOfLabel(label) === 'id' && roleOfLabel(titleLabel) === 'title' && /^[\dA-Za-z][\dA-Za-z.\-]{0,9}$/.test(value.text.trim())) {
      for (const p of [...(row.cells[0] ?? []), ...(next!.cells[0] ?? [])]) log({ ...p, kind: 'table-layout' });
      push(row.line, new MappedBuilder().pushMapped(value).pushRange(' ', at(value, true), at(value, true)).pushMapped(title).build(), null);
      skip.add(r + 1);
      continue;
    }
    if (skip.has(r)) continue;
    // One cell merged across the row (a caption): its text, once.
    if (value && value.text === label.text) {
      for (const p of row.cells[1] ?? []) log({ ...p, kind: 'table-layout' });
      push(row.line, label, 'field');
      continue;
    }
    // A value cell that names its label again (`研究内容 | 研究内容：针对…`): the value alone.
    const bareLabel = label.text.replace(/[：:]$/, '').trim();
    if (value && bareLabel !== '' && (value.text.startsWith(`${bareLabel}：`) || value.text.startsWith(`${bareLabel}:`))) {
      for (const p of row.cells[0] ?? []) log({ ...p, kind: 'table-layout' });
      push(row.line, value, 'field');
      continue;
    }
    const b = new MappedBuilder().pushMapped(label);
    if (!/[：:]$/.test(label.text)) b.pushRange('：', at(label, true), at(label, true));
    // A bare number under a label that gives its unit (`拟支持经费（万元）` | `800`), as a table's
    // header gives its column's: the unit goes after the number.
    const unit = value && RE_BARE_NUMBER.test(value.text) ? columnOf(label.text.replace(/[：:]$/, ''))?.unit : undefined;
    if (value && unit) {
      const cut = value.text.search(/\d(?!.*\d)/) + 1;
      b.pushMapped(value, 0, cut).pushRange(unit, at(value, true), at(value, true)).pushMapped(value, cut);
    } else if (value) b.pushMapped(value);
    push(row.line, b.build(), 'field');
    // A column of notes beside the values (`| 资助强度 | 直接费用不超过300万元/项 | 较2025年度提高20万元 |`):
    // each note a line of its own, `注：…`, kept as the direction's text and never its field's value.
    const note = row.cells.length > 2 ? cellOf(row.cells[2] ?? []) : null;
    if (note && note.text.trim() !== '') push(row.line, new MappedBuilder().pushRange('注：', at(note), at(note)).pushMapped(note).build(), 'field');
  }
}

/** Cell `k` of a row of a table of directions as a line `label：value` (its header's label, its unit, the qualifier beside it); null where its column names nothing. */
function cellLine(text: string, table: Table, k: number, cell: Mapped, qualifier: Mapped | null, at: (m: Mapped, end?: boolean) => number): Mapped | null {
  const column = table.columns[k];
  const header = table.header[k]?.[0];
  const b = new MappedBuilder();
  // A column whose header names no field (`备用`, a header the lexicon lacks): its cell stays,
  // under its header's words, as the text of a label `extract` does not know (and checks).
  const label = column?.label ?? (table.header[k] ?? []).map((r) => text.slice(r.start, r.end).replace(/\s+/g, '')).join('');
  if (label === '') return null;
  if (header) b.pushRange(label, header.start, header.end);
  else b.pushRange(label, at(cell), at(cell));
  b.pushRange('：', at(cell), at(cell));
  // A figure's qualifier in a column of its own after it (`拟支持项目数 | 数量限定` → `6 | 不超过`):
  // before the figure, or after it (`左右`, `以内`).
  const after = qualifier !== null && RE_AFTER_QUALIFIER.test(qualifier.text);
  if (qualifier && !after) b.pushMapped(qualifier);
  const unit = column ? (column.unit ?? DEFAULT_UNIT[column.role] ?? null) : null;
  if (unit && RE_BARE_NUMBER.test(cell.text)) {
    // The unit goes after the number, before a trailing 左右 / 以内.
    const cut = cell.text.search(/\d(?!.*\d)/) + 1;
    b.pushMapped(cell, 0, cut).pushRange(unit, at(cell, true), at(cell, true)).pushMapped(cell, cut);
  } else if (unit && RE_NUMBER_WITH_NOTE.test(cell.text)) {
    // A number with a note in brackets (`不超过3000（每个揭榜单位不超过1500）`): the unit after each.
    let from = 0;
    for (const m of cell.text.matchAll(RE_UNITLESS_NUMBER)) {
      const cut = m.index + m[0].length;
      b.pushMapped(cell, from, cut).pushRange(unit, at(cell, true), at(cell, true));
      from = cut;
    }
    b.pushMapped(cell, from);
  } else {
    b.pushMapped(cell);
  }
  if (qualifier && after) b.pushMapped(qualifier);
  return b.build();
}

/**
 * Row numbers of a table read by OCR that came out as a letter or a sign (`A` for `4`, `>` for `7`
 * in a narrow 序号 cell), by row index: where the numbered rows around a run of such cells leave
 * exactly as many numbers between them as the run has cells (`6`, `>`, `o`, `9`: 7 and 8), those
 * numbers; otherwise a cell whose letter is one OCR reads for a digit (`DIGIT_LOOKALIKE`), where the
 * numbering puts that digit there: between the numbers of the rows around it (a gap of the text's
 * own beside it, `3`, `A`, `6`, still says `4`), or next to its one neighbour (the first or last
 * row). Rows without a number (a cell's lines going on) are passed over. Nothing else is guessed.
 */
function ocrRowNumbers(text: string, table: Table, idCol: number, byOcr: (r: Range) => boolean): Map<number, string> {
  const out = new Map<number, string>();
  const ids = table.rows.map((row) => (row.caption ? '' : (row.cells[idCol] ?? []).map((p) => text.slice(p.start, p.end)).join('').trim()));
  const numbered = ids.flatMap((t, k) => (t !== '' ? [k] : []));
  const number = (k: number | undefined): number | null => (k !== undefined && /^\d{1,3}$/.test(ids[k]!) ? Number(ids[k]) : null);
  const misread = (k: number): boolean => {
    const pieces = table.rows[k]!.cells[idCol] ?? [];
    return /^[^\d\s]$/u.test(ids[k]!) && pieces.length === 1 && byOcr(pieces[0]!);
  };
  for (let n = 0; n < numbered.length; n++) {
    if (!misread(numbered[n]!)) continue;
    let end = n;
    while (end + 1 < numbered.length && misread(numbered[end + 1]!)) end++;
    const before = n > 0 ? number(numbered[n - 1]) : null;
    const after = end + 1 < numbered.length ? number(numbered[end + 1]) : null;
    const run = numbered.slice(n, end + 1);
    if (before !== null && after !== null && after - before === run.length + 1) {
      run.forEach((k, r) => out.set(k, String(before + 1 + r)));
    } else if (run.length === 1 && DIGIT_LOOKALIKE.has(ids[run[0]!]!)) {
      const want = Number(DIGIT_LOOKALIKE.get(ids[run[0]!]!));
      const outer = (n === 0 || before !== null) && (end + 1 >= numbered.length || after !== null);
      const fits = before !== null && after !== null ? before < want && want < after : before !== null ? want === before + 1 : after !== null && want === after - 1;
      if (outer && fits) out.set(run[0]!, String(want));
    }
    n = end;
  }
  return out;
}

/** An item marker `(l)` / `（I）` read by OCR for `（1）`, before CJK text. */
const RE_LOOKALIKE_ONE = /[（(][lI|][）)](?=\s*[\u4e00-\u9fff])/;

/**
 * The offset of the `l` of an item marker `(l)` that OCR read for `（1）`, where the same line goes
 * on with `（2）`: -1 where there is none. The `l` is read as `1` and logged (`ocr-misread`).
 */
function lookalikeOne(text: string, a: number, b: number): number {
  const line = text.slice(a, b);
  // (Or a direction's decimal number at the line's start, `l.2 东北黑土地…`, `2.l 农田…`: no letter
  // stands there in a guideline's text.)
  const d = RE_LOOKALIKE_DECIMAL.exec(line);
  if (d) return a + d.index + d[0].search(/[lI|]/);
  const m = RE_LOOKALIKE_ONE.exec(line);
  if (!m || !/[（(]2[）)]/.test(line.slice(m.index + m[0].length))) return -1;
  return a + m.index + 1;
}

/** A decimal number with an `l` (or `I`) for one of its ones at a line's start, before a Chinese title. */
const RE_LOOKALIKE_DECIMAL = /^[\f \t\u3000]*(?:[lI][.．]\d{1,2}|\d{1,2}[.．][lI])(?![\dA-Za-z])(?=[ \t\u3000]*[\u4e00-\u9fff])/;

// (Or a superscript number or an asterisk, as a typesetter marks notes: `¹ 含人员交流类项目。`, `* 每个…`.)
const RE_FOOTNOTE = /^[\f \t\u3000]*([\u2460-\u2473]|[¹²³⁴⁵⁶⁷⁸⁹⁰]{1,2}|\*{1,3}(?!\*)|※)[ \u3000]*\S/;
/** The rule a page draws over its footnotes (`——————————`). */
const RE_FOOTNOTE_RULE = /^[\f \t\u3000]*[—_\-─━－]{6,}[ \t\u3000]*$/;

/** Where a scraped page's paragraphs meet on its one line: two spaces or more, or two ideographic spaces. */
const RE_SCRAPE_GAP = /[ \t\u00a0]{2,}|\u3000{2,}/g;

/**
 * A page scraped into one line (a crawler's copy, its paragraphs parted only by runs of spaces or the
 * `　　` of a paragraph's indent): a line of more than `SCRAPED_LINE` characters with ten such gaps
 * or more is read as the lines its gaps part, each from its own place in the text (nothing is
 * removed: the gaps are the white space around the lines).
 */
const SCRAPED_LINE = 1000;
/** A line this long, or longer, whose line breaks may have been written as `／`. */
const SLASHED_LINE = 200;
const RE_SCRAPE_PAGE = /^(?:[-－—–]\s*\d{1,3}\s*[-－—–]|第\s*\d{1,3}\s*页)(?=[ \t\u00a0\u3000]{2,})/;
function splitScraped(lines: RawLine[]): RawLine[] {
  if (!lines.some((l) => l.raw.length > SCRAPED_LINE || (l.raw.length > SLASHED_LINE && l.raw.includes('／')))) return lines;
  const out: RawLine[] = [];
  /** Lines that hold a `／`: where several do, a message cut in parts, five in one are enough. */
  const slashed = lines.filter((x) => x.raw.length > SLASHED_LINE && x.raw.includes('／')).length;
  for (const l of lines) {
    const all = l.raw.length > SCRAPED_LINE ? [...l.raw.matchAll(RE_SCRAPE_GAP)] : [];
    // A page number between two gaps in the middle of a sentence (`单方申报  - 4 -  无效`) stands
    // inside a paragraph: no line break there (it is removed as a page number inside a line).
    const midSentence = (g: RegExpMatchArray): boolean => RE_SCRAPE_PAGE.test(l.raw.slice(g.index! + g[0].length, g.index! + g[0].length + 12)) && !/[。；：！？:;!?]$/.test(l.raw.slice(0, g.index));
    let gaps = all.filter((g, k) => !midSentence(g) && !(k > 0 && midSentence(all[k - 1]!)));
    // A text whose line breaks a platform turned into `／` (an SMS or IM forward): each `／` is one.
    if (gaps.length < 10 && l.raw.length > SLASHED_LINE) {
      const slashes = [...l.raw.matchAll(/／(?=\S)/g)];
      if (slashes.length >= 10 || (slashes.length >= 5 && slashed >= 2)) gaps = slashes;
    }
    // A text whose line breaks were all lost, single spaces left where they stood (a copy through a
    // form field or a chat that joins lines): the spaces before a heading's number, a field's label,
    // an item's number or a page's number are its breaks, and the space after a part's short title.
    if (gaps.length < 5 && l.raw.length > SCRAPED_LINE) {
      // (A heading's number only where it goes on from the one before: `1.1`, `1.2`, …, `2.1`; never a
      // figure such as `2.5倍` that a wrap left after a space.)
      let last = [0, 0];
      const breaks = [...l.raw.matchAll(oneLineBreaks())].filter((b) => {
        const d = /^ (\d{1,2})[.．](\d{1,2})(?![\d.．万亿%])/.exec(l.raw.slice(b.index!, b.index! + 8));
        if (!d) return !/^ \d/.test(l.raw.slice(b.index!, b.index! + 2)) || /^ \d{1,2}[.．、](?![\d.．])/.test(l.raw.slice(b.index!, b.index! + 5));
        const [major, minor] = [Number(d[1]), Number(d[2])];
        if (minor !== 1 && !(major === last[0] && minor === last[1]! + 1)) return false;
        last = [major, minor];
        return true;
      });
      if (breaks.filter((b) => /^ \d{1,2}[.．]\d/.test(l.raw.slice(b.index!, b.index! + 5))).length >= 3) {
        const at = new Set(breaks.map((b) => b.index!));
        // The title: up to its `…指南` (and draft mark), the text's first words.
        const title = /^[\s\u3000]*[^。；，]{8,90}?(?:申报指南|项目指南)(?:[（(]征求意见稿[）)])? /.exec(l.raw);
        if (title) at.add(title[0].length - 1);
        for (const m of l.raw.matchAll(/ (?=[一二三四五六七八九十]{1,3}、[^\s，。；：:]{2,16} )/g)) at.add(m.index + l.raw.slice(m.index + 1).indexOf(' ') + 1);
        gaps = [...at].sort((x, y) => x - y).map((i) => Object.assign([' '], { index: i }) as unknown as RegExpExecArray);
      }
    }
    if (gaps.length < 5 || (gaps.length < 10 && gaps[0]?.[0] !== '／' && gaps[0]?.[0] !== ' ')) {
      out.push(l);
      continue;
    }
    let from = 0;
    for (const g of [...gaps, null]) {
      const to = g ? g.index : l.raw.length;
      // The gap goes with the line after it, as the indent of its paragraph.
      if (to > from) out.push({ ...l, start: l.start + from, end: l.start + to, raw: l.raw.slice(from, to) });
      from = g ? g.index : to;
    }
  }
  return out;
}

let oneLineRe: RegExp | null = null;
/** The single spaces that stood for line breaks in a text whose breaks were lost (see `splitScraped`). */
function oneLineBreaks(): RegExp {
  if (oneLineRe) return new RegExp(oneLineRe.source, 'g');
  const labels = [...KNOWN_LABELS].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
  oneLineRe = new RegExp(` (?=[一二三四五六七八九十]{1,3}、|\\d{1,2}[.．]\\d{1,2}(?:[.．]\\d{1,2})?(?![\\d万亿%])|[（(][一二三四五六七八九十\\d]{1,3}[）)]|\\d{1,2}[.．、](?![\\d.．])|附件|[—–-]\\s?\\d{1,3}\\s?[—–-]|(?:${labels})[：:])`, 'g');
  return new RegExp(oneLineRe.source, 'g');
}

/**
 * The quote marks of a forwarded or replied e-mail at a line's start: `> `, `> > `, `>>`; with a
 * note app's callout mark after them (`> [!abstract]- 考核指标`, Obsidian), that too.
 */
const RE_QUOTE = /^(?:[ \t]*>)+[ \t]?(?:\[![A-Za-z-]+\][-+]?[ \t]*)?/;
/** A note app's callout: quoted lines under a `> [!type] title` line are its body, not an e-mail. */
const RE_CALLOUT = /^[ \t]*>[ \t]?\[![A-Za-z-]+\]/;

/**
 * A guideline forwarded by e-mail and saved as text: where ten lines or more, and three in ten of
 * the text's lines, start with quote marks, the marks go (each line is read from after them), logged
 * as `email` (as `markup` in a note app's text of callouts). In place, before lines are classified.
 */
function unquote(lines: RawLine[], removed: Removal[]): void {
  let quoted = 0;
  let nonBlank = 0;
  for (const l of lines) {
    if (l.raw.trim() === '') continue;
    nonBlank++;
    if (RE_QUOTE.test(l.raw)) quoted++;
  }
  if (quoted < 10 || quoted < nonBlank * 0.3) return;
  const kind = lines.some((l) => RE_CALLOUT.test(l.raw)) ? 'markup' : 'email';
  if (kind === 'email') markReplyRemarks(lines, nonBlank);
  const wasQuoted = lines.map((l) => RE_QUOTE.test(l.raw));
  lines.forEach((l, k) => {
    const m = RE_QUOTE.exec(l.raw);
    if (!m) return;
    removed.push({ kind, text: m[0], line: k + 1, start: l.start, end: l.start + m[0].length, page: null });
    l.start += m[0].length;
    l.raw = l.raw.slice(m[0].length);
  });
  // A mail client's rewrap: a quoted line too long for it goes on at the start of a line of its own,
  // without the quote mark (`> …突破晶体键合、镀膜及热管理等关键工` / `艺，研` / `> 制高功率激光模块…`):
  // the short line ends the line above it, and the quoted line below goes on with them.
  for (let k = 1; k + 1 < lines.length; k++) {
    const t = lines[k]!.raw.trim();
    if (wasQuoted[k] || !wasQuoted[k - 1] || !wasQuoted[k + 1] || t === '' || t.length > 12) continue;
    const above = lines[k - 1]!.raw.trim();
    if (above === '' || /[。；：！？:;!?]$/.test(above) || lines[k + 1]!.raw.trim() === '' || matchMarker(t) !== null) continue;
    lines[k + 1]!.continues = true;
  }
}

/**
 * A reply that answers inside the quoted guideline (`> > 1.1 中国和葡萄牙…` / `> [李明] 这里说11个…` /
 * `我也数了是10个。`): where the deepest quoted level (two `>` or more) holds the bulk of the text, the
 * shallower lines between its first and last line are the correspondents' remarks, no part of it:
 * removed as `email`, the guideline's text going on across them.
 */
function markReplyRemarks(lines: RawLine[], nonBlank: number): void {
  const depth = lines.map((l) => (RE_QUOTE.exec(l.raw)?.[0].match(/>/g)?.length ?? 0));
  const max = Math.max(0, ...depth);
  if (max < 2) return;
  const deep = depth.flatMap((d, k) => (d === max && lines[k]!.raw.replace(RE_QUOTE, '').trim() !== '' ? [k] : []));
  if (deep.length < 10 || deep.length < nonBlank * 0.4) return;
  for (let k = deep[0]! + 1; k < deep[deep.length - 1]!; k++) {
    if (depth[k]! >= max || lines[k]!.raw.replace(RE_QUOTE, '').trim() === '') continue;
    lines[k]!.cls = 'email';
    lines[k]!.aside = true;
  }
}

/** A line of an e-mail's header, or the line that opens a forwarded one. */
const RE_MAIL_HEADER = /^[\s\u3000]*(?:(?:发件人|发送时间|发件时间|收件人|抄送|密送|主题|日期|From|Sent|Date|To|Cc|Subject)\s*[：:].*|-{3,}\s*(?:原始邮件|转发邮件|邮件原件|Original Message|Forwarded message)\s*-{3,}|_{10,}|免责声明[：:].*|Disclaimer:.*)$/i;
const RE_MAIL_FROM = /^[\s\u3000]*(?:(?:发件人|From)\s*[：:]|-{3,}\s*(?:原始邮件|转发邮件|邮件原件|Original Message|Forwarded message))/i;

/**
 * The headers of e-mails around a forwarded guideline (`发件人：` `发送时间：` `收件人：` `主题：`,
 * `-----原始邮件-----`), and the rule and disclaimer under them: a block of consecutive lines of
 * which two or more are such lines and one names the sender. Logged as `email`.
 */
function markMailHeaders(lines: RawLine[]): void {
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.cls !== 'content' || !RE_MAIL_HEADER.test(lines[i]!.raw)) continue;
    let j = i;
    while (j < lines.length && lines[j]!.cls === 'content' && RE_MAIL_HEADER.test(lines[j]!.raw)) j++;
    const block = lines.slice(i, j);
    const fromLine = block.some((l) => RE_MAIL_FROM.test(l.raw));
    if ((block.length >= 2 && fromLine) || block.some((l) => /^[\s\u3000]*(?:-{3,}|_{10,}|免责声明|Disclaimer)/i.test(l.raw))) for (const l of block) l.cls = 'email';
    i = j - 1;
  }
}

/** A chat message's header: its sender (a department in brackets) and the date and time it was sent. */
const RE_CHAT_HEADER = /^[\s\u3000]*([^\s\u3000：:。，,；;]{1,24}?(?:[（(][^（）()]{1,20}[）)])?)[\s\u3000]+\d{4}[-/.]\d{1,2}[-/.]\d{1,2}[\s\u3000]+\d{1,2}:\d{2}(?::\d{2})?[\s\u3000]*$/;
/** What a chat app prints of a message that is no text: a file, a picture, a sticker, a recall; and the exported record's title. */
const RE_CHAT_EVENT = /^[\s\u3000]*(?:\[(?:文件|图片|表情|语音|视频|链接|强|OK|握手|抱拳|玫瑰|微笑)\].*|.{1,30}撤回了一条消息|“[^”]{1,40}”的聊天记录|群聊的聊天记录)[\s\u3000]*$/;

/**
 * A guideline pasted into a group chat (企业微信, 钉钉, 微信 as they export or copy a conversation):
 * three message headers or more (`王静（科研院国际合作处） 2025-03-14 09:41`), from two senders or more. The headers, the
 * app's notes (`[文件] …`, `…撤回了一条消息`), and the messages of everyone but the one who posted
 * the most lines (colleagues' `收到`, a question, a sticker) are logged as `chat`; the poster's
 * messages are the text, read on across the headers that cut them.
 */
function markChatCopy(lines: RawLine[]): void {
  const headers = lines.flatMap((l, i) => {
    // (A forum's floor, `2楼 2026-04-08 09:15:02`, is no sender: see `markForumThread`.)
    const m = l.cls === 'content' && !RE_FLOOR.test(l.raw) ? RE_CHAT_HEADER.exec(l.raw) : null;
    return m ? [{ i, sender: m[1]! }] : [];
  });
  // (A conversation: two senders at least. One sender's messages, an SMS platform's forwards, are
  // read as their own kind of copy.)
  if (headers.length < 3 || new Set(headers.map((h) => h.sender)).size < 2) return;
  // Who posted the guideline: the sender of the most lines.
  const linesOf = new Map<string, number>();
  headers.forEach((h, k) => {
    const end = headers[k + 1]?.i ?? lines.length;
    linesOf.set(h.sender, (linesOf.get(h.sender) ?? 0) + (end - h.i - 1));
  });
  const poster = [...linesOf.entries()].sort((a, b) => b[1] - a[1])[0]![0];
  headers.forEach((h, k) => {
    lines[h.i]!.cls = 'chat';
    if (h.sender === poster) return;
    const end = headers[k + 1]?.i ?? lines.length;
    // Another's message: up to the next header (or, after the last, up to a blank line).
    for (let j = h.i + 1; j < end && (headers[k + 1] || lines[j]!.cls !== 'blank'); j++) if (lines[j]!.cls === 'content') lines[j]!.cls = 'chat';
  });
  for (const l of lines) if (l.cls === 'content' && RE_CHAT_EVENT.test(l.raw)) l.cls = 'chat';
}

/** A forum post's floor: its number and the time it was posted (`2楼 2026-04-08 09:15:02`, `#3 …`). */
const RE_FLOOR = /^[\s\u3000]*(?:\d{1,4}\s*(?:楼|#)|#\s*\d{1,4}|沙发|板凳|地板)[\s\u3000]+\d{4}[-/.]\d{1,2}[-/.]\d{1,2}[\s\u3000]+\d{1,2}:\d{2}(?::\d{2})?[\s\u3000]*$/;
/** A forum's own words around posts: a post's tools, an edit's note, a quote's head, the thread's links. */
const RE_FORUM_CHROME = /^[\s\u3000]*(?:只看该作者|回复此楼.*|(?:引用|评分|举报|送红花|收藏|分享)(?:[\s\u3000|]+(?:引用|评分|举报|送红花|收藏|分享|回复))+|本帖最后由.{1,40}编辑|引用回帖[:：]?|\d{1,4}楼[:：]?\s*Originally posted by .*|».*|返回列表.*|发新帖.*|快速回复|您需要登录后才可以回帖.*|共\s*\d+\s*页.*|查看[:：]\s*\d+.*|\[复制链接\]|楼主)[\s\u3000]*$/;
/** Where a poster marks the guideline's own text: its start and its end. */
const RE_QUOTE_START = /以下(?:为|是)(?:指南)?(?:原文|全文)|(?:指南)?原文如下/;
const RE_QUOTE_END = /^[\s\u3000=＝\-—*]*(?:原文完|全文完|以上(?:为|是)(?:指南)?(?:原文|全文))[\s\u3000=＝\-—*]*$/;
/** A poster's aside between the parts of a guideline cut over posts: `（接1楼，1.4续）`, `（未完，接下楼）`. */
const RE_FLOOR_ASIDE = /^[\s\u3000]*[（(][^（）()]{0,30}(?:楼|未完|待续|续|贴完)[^（）()]{0,30}[）)][\s\u3000]*$/;

/**
 * A guideline posted to a forum thread over several floors (小木虫, 百度贴吧, a research office's BBS:
 * `1楼 2026-04-08 09:12:37` under each poster's name and profile): the poster of the first floor
 * gives the guideline; other posters' floors (questions, quotes, thanks) are logged as `chat`, and
 * so are the poster's own words around it (before `以下为指南原文`, after `原文完`, asides such as
 * `（接1楼）`); the thread's header, each post's profile and tools are `web-chrome`. Three floors at
 * least.
 */
function markForumThread(lines: RawLine[]): void {
  const floors = lines.flatMap((l, i) => (l.cls === 'content' && RE_FLOOR.test(l.raw) ? [i] : []));
  if (floors.length < 3) return;
  // Each floor's poster: the block of lines above its floor line (name, rank, counts), after a blank line.
  const posts = floors.map((f) => {
    let top = f;
    while (top > 0 && lines[top - 1]!.cls !== 'blank' && f - top < 16) top--;
    return { top, floor: f, poster: lines[top]!.raw.trim() };
  });
  const op = posts[0]!.poster;
  const chrome = (i: number): void => {
    if (lines[i]!.cls === 'content') lines[i]!.cls = 'web-chrome';
  };
  // The thread's head before the first post.
  for (let i = 0; i < posts[0]!.top; i++) chrome(i);
  let started = !lines.some((l) => RE_QUOTE_START.test(l.raw));
  let ended = false;
  posts.forEach((p, k) => {
    for (let i = p.top; i <= p.floor; i++) chrome(i);
    const end = posts[k + 1]?.top ?? lines.length;
    let tools = false;
    for (let i = p.floor + 1; i < end; i++) {
      const l = lines[i]!;
      if (l.cls !== 'content') continue;
      // (A post ends at its tools, `回复此楼 送红花 举报`: what follows is the thread's.)
      if (tools || RE_FORUM_CHROME.test(l.raw)) {
        if (/^[\s\u3000]*回复此楼/.test(l.raw)) tools = true;
        l.cls = 'web-chrome';
        continue;
      }
      if (p.poster !== op || !started || ended || RE_FLOOR_ASIDE.test(l.raw)) {
        if (p.poster === op && !started && RE_QUOTE_START.test(l.raw)) started = true;
        l.cls = 'chat';
        continue;
      }
      if (RE_QUOTE_END.test(l.raw)) {
        ended = true;
        l.cls = 'chat';
      }
    }
  });
}

/**
 * The frame an article (a WeChat repost, a news site's) puts around a guideline it carries whole:
 * everything before a divider that says the full text follows (`— — 以下为指南全文 — —`, `全文如下：`:
 * the headline, byline, editor's note and its summary), and everything after the article's `END`
 * divider or its list of other articles (`推荐阅读`, `往期推荐`). Marked `web-chrome` where such a
 * divider stands alone on its line: the guideline is what the article says it carries.
 */
function markArticleFrame(lines: RawLine[]): void {
  const content = lines.flatMap((l, i) => (l.cls === 'content' || l.cls === 'web-chrome' ? [i] : []));
  if (content.length === 0) return;
  // (Never where the part cut holds a line of the guideline's structure, a numbered heading or a
  // field's label: the divider was a line among the guideline's, not the article's edge.)
  const structured = (from: number, to: number): boolean => {
    for (let i = from; i < to; i++) {
      const t = lines[i]!.cls === 'content' ? lines[i]!.raw.trim() : '';
      if (t !== '' && (matchMarker(t) !== null || fieldLabelAt(t) !== null)) return true;
    }
    return false;
  };
  const follows = content.find((i) => RE_FULL_TEXT_FOLLOWS.test(lines[i]!.raw.trim()));
  // (In the first half: a divider near the end introduces an annex, not the guideline.)
  if (follows !== undefined && content.indexOf(follows) * 2 < content.length && !structured(0, follows)) {
    for (let i = 0; i <= follows; i++) if (lines[i]!.cls === 'content') lines[i]!.cls = 'web-chrome';
  }
  const end = content.find((i, k) => k * 2 > content.length && RE_ARTICLE_END.test(lines[i]!.raw.trim()));
  if (end !== undefined && !structured(end + 1, lines.length)) {
    for (let i = end; i < lines.length; i++) if (lines[i]!.cls === 'content') lines[i]!.cls = 'web-chrome';
  }
}

/** A line that says the full text of the guideline follows (with the rules or dashes around it). */
const RE_FULL_TEXT_FOLLOWS = /^[-—–―=·*\s\u3000]*(?:(?:以下|下面)(?:为|是)(?:指南|通知|文件|申报指南)?(?:全文|原文)|(?:指南|通知|文件)?(?:全文|原文)如下)[-—–―=·*\s\u3000：:]*$/;

/** The end of an article (`— — END — —`), or the head of its list of other articles. */
const RE_ARTICLE_END = /^(?:[-—–―=·*\s\u3000]*END[-—–―=·*\s\u3000]*|(?:\p{Extended_Pictographic}\uFE0F?\s*)?(?:推荐阅读|往期推荐|往期回顾|精彩推荐|相关阅读|猜你喜欢|热文推荐)[：:]?)$/u;

/** A bare page number after a call's title glued into a line (`…申报指南　1建立…`). */
const RE_BARE_PAGE = /^[\s\u3000]*\d{1,3}(?!\d)/;

/** A page number that starts a line, before its text. */
const RE_LEADING_PAGE_TOKEN = new RegExp(`^${PAGE_TOKEN}[\\s\\u3000]*`);
/** A page number after a running header inside a line (`PAGE_TOKEN`). */
const RE_PAGE_TOKEN = new RegExp(PAGE_TOKEN, 'g');
/** A line that is a running header and its page number: `标题  · 3 ·`, or on the facing page `· 4 ·  标题`. */
const RE_HEAD_THEN_PAGE = new RegExp(`^(.{6,60}?)\\s*${PAGE_TOKEN}$`);
const RE_PAGE_THEN_HEAD = new RegExp(`^${PAGE_TOKEN}\\s*(.{6,60})$`);

/**
 * The line a browser prints at each page's foot (or head) when a web page is printed to PDF: the
 * page's address, or any words, then the page's number of the pages' count (`http://…/art.html
 * 2/4`). The same words on two pages or more, with the same count and other numbers: running
 * lines.
 */
function markPrintFooters(lines: RawLine[]): void {
  const groups = new Map<string, { line: RawLine; n: number }[]>();
  for (const l of lines) {
    if (l.cls !== 'content') continue;
    const m = RE_PAGE_OF_PAGES.exec(l.raw.trim());
    if (!m) continue;
    const key = `${m[1]!.replace(/\s+/g, '')}|${m[3]}`;
    const group = groups.get(key) ?? [];
    group.push({ line: l, n: Number(m[2]) });
    groups.set(key, group);
  }
  for (const group of groups.values()) {
    if (group.length < 2 || new Set(group.map((g) => g.n)).size < group.length) continue;
    for (const g of group) g.line.cls = 'running-footer';
  }
}

/** Words, then `n/m` (a page of a count of pages) at the line's end. */
const RE_PAGE_OF_PAGES = /^(\S.{3,200}?)\s+(\d{1,3})\s*\/\s*(\d{1,3})$/;

/**
 * A slide's or a web page's breadcrumb printed at the head of each page (`二、指南方向解读 ▸ 1. 敏感
 * 机理与新原理传感器`): the first line of a page (after a form feed) that parts a trail with `▸`,
 * `›`, `»` or `>`, where three pages or more start so with two trails or more sharing their first
 * step. A running header: its words are where the reader is, not text.
 */
function markBreadcrumbs(lines: RawLine[]): void {
  const firsts: { line: RawLine; step: string }[] = [];
  for (let k = 0; k < lines.length; k++) {
    const l = lines[k]!;
    if (!l.formFeed || l.cls !== 'content') continue;
    const m = RE_BREADCRUMB.exec(l.raw.replace(/^\f+/, '').trim());
    if (m) firsts.push({ line: l, step: m[1]!.replace(/\s+/g, '') });
  }
  const count = new Map<string, number>();
  for (const f of firsts) count.set(f.step, (count.get(f.step) ?? 0) + 1);
  if (firsts.length < 3 || ![...count.values()].some((n) => n >= 2)) return;
  for (const f of firsts) f.line.cls = 'running-header';
}

/** A blog engine's tag on a line of its own (Hexo/Jekyll `{% tabs … %}`, `{% endnote %}`, Hugo `{{< … >}}`), an HTML comment (`<!-- more -->`, `<!-- endtab -->`), a code fence. */
const RE_BLOG_TAG_LINE = /^\s*(?:\{%-?\s*[\w-]+[^%]*-?%\}|\{\{[<%][^}]*[>%]\}\}|<!--(?:(?!-->).)*-->)\s*$/;
/** A blog engine's tag inside a line (`{% label danger@暂停 %}`, `{% post_link … %}`). */
const RE_BLOG_TAG = /\{%-?\s*[\w-]+[^%]*-?%\}|\{\{[<%][^}]*[>%]\}\}/g;
/** An aside box's opening and closing tags (Hexo NexT/Butterfly `{% note %}`, Hugo `{{< admonition >}}`). */
const RE_ASIDE_OPEN = /^\s*(?:\{%-?\s*(?:note|callout|hideToggle|folding|tip|alert)\b[^%]*%\}|\{\{[<%]\s*(?:admonition|notice|alert|callout|hint)\b[^}]*[>%]\}\})\s*$/i;
const RE_ASIDE_CLOSE = /^\s*(?:\{%-?\s*end(?:note|callout|hideToggle|folding|tip|alert)\s*-?%\}|\{\{[<%]\s*\/\s*(?:admonition|notice|alert|callout|hint)\s*[>%]\}\})\s*$/i;
/** A tab's caption in a comment (`<!-- tab （一）派出项目@paper-plane -->`): the caption is a heading of the text. */
const RE_TAB_CAPTION = /^(\s*<!--\s*tab\s+)([^@>]*?)(\s*(?:@[\w-]+)?\s*-->)\s*$/;
/** A repost's note that the original follows (`以下为原文`, `全文如下`). */
const RE_ORIGINAL_FOLLOWS = /以下(?:为|是)(?:指南)?(?:原文|全文)|(?:原文|全文)(?:转载)?如下/;

/**
 * A blog post that reposts a guideline (a Hexo or Hugo post's Markdown source): the engine's tags
 * and comments are markup, a tab's caption is the heading it names, the blogger's aside boxes
 * (`{% note %}` … `{% endnote %}`) and code blocks are the blogger's (logged as `chat`), and where the
 * post says the original follows (`以下为原文`), the post's own text before it is the blogger's too,
 * and so is its own section after the guideline (a heading above the level of the guideline's title,
 * `## 2. 个人备注` after `### …申报指南`). Only where the text has engine tags.
 */
function markBlogPost(lines: RawLine[]): void {
  if (!lines.some((l) => l.cls === 'content' && (RE_BLOG_TAG_LINE.test(l.raw) && /\{[%{]/.test(l.raw)))) return;
  let aside = false;
  let fence = false;
  for (const l of lines) {
    if (l.cls !== 'content') continue;
    if (/^\s*(?:```|~~~)/.test(l.raw)) {
      fence = !fence;
      l.cls = 'chat';
      continue;
    }
    if (fence) {
      l.cls = 'chat';
      continue;
    }
    if (RE_ASIDE_OPEN.test(l.raw)) aside = true;
    if (aside) {
      if (RE_ASIDE_CLOSE.test(l.raw)) aside = false;
      l.cls = 'chat';
      continue;
    }
    const caption = RE_TAB_CAPTION.exec(l.raw);
    if (caption) {
      const open = l.start + caption[1]!.length;
      (l.furniture ??= []).push({ start: l.start, end: open, kind: 'markup' }, { start: open + caption[2]!.length, end: l.start + caption[0].length, kind: 'markup' });
      continue;
    }
    if (RE_BLOG_TAG_LINE.test(l.raw)) {
      l.cls = 'web-chrome';
      continue;
    }
    for (const m of l.raw.matchAll(RE_BLOG_TAG)) (l.furniture ??= []).push({ start: l.start + m.index, end: l.start + m.index + m[0].length, kind: 'markup' });
  }
  // The post's own text around the original it reposts.
  const content = lines.filter((l) => l.cls === 'content');
  const at = content.findIndex((l) => RE_ORIGINAL_FOLLOWS.test(l.raw));
  if (at < 0 || at > content.length * 0.4) return;
  for (const l of content.slice(0, at + 1)) l.cls = 'chat';
  const level = (l: RawLine): number => /^(#{1,6})\s/.exec(l.raw)?.[1]!.length ?? 0;
  const title = content.slice(at + 1).find((l) => level(l) > 0);
  if (!title) return;
  const end = content.findIndex((l, k) => k > at && l !== title && level(l) > 0 && level(l) < level(title));
  if (end >= 0) for (const l of content.slice(end)) l.cls = 'chat';
}

/** What a screen reader says before a line's text (NVDA, JAWS, 争渡, 读屏 in Chinese): its role, level and place. */
/** A site's 读屏 version's cues in brackets before a line's text: `【标题 级别3】`, `【第2项】`, `【链接】`, `【正文区域开始】`. */
const READER_CUES_BEFORE = '标题\\s*级别\\s*\\d|第\\s*\\d{1,3}\\s*项|链接|按钮|[^】]{0,8}区域(?:开始|结束)';
/** Its cues on a line of their own: `【列表开始，共3项】`, `【列表结束】`, `【图片：…】`. */
const READER_CUES_ALONE = '列表开始[^】]{0,10}|列表结束|表格开始[^】]{0,12}|表格结束|区域[^】]{0,10}|图片[^】]{0,20}';
const RE_READER_CUE = new RegExp(`^【(?:${READER_CUES_BEFORE}|${READER_CUES_ALONE})】`);
const RE_SPOKEN_ROLE = new RegExp(`^(?:(?:【(?:${READER_CUES_BEFORE})】|标题\\s*\\d\\s*[，,]|列表\\s*\\d+\\s*项\\s*[，,]|嵌套级别\\s*\\d+\\s*[，,]|(?:已访问)?链接\\s*[，,]|图片\\s*[，,]|按钮\\s*[，,]|表格\\s*\\d+\\s*行\\s*\\d+\\s*列\\s*[，,]|第\\s*\\d+\\s*行\\s*[，,]|第\\s*\\d+\\s*列\\s*[，,]|可点击\\s*[，,])\\s*)+`);
/** What a screen reader says on a line of its own: a region entered, a list or table left. */
const RE_SPOKEN_LINE = new RegExp(`^(?:【(?:${READER_CUES_ALONE})】|退出列表|退出表格|退出区域|文档|导航区域|主要区域|横幅区域|内容信息区域|补充区域|表单区域|搜索区域|页脚区域|框架|空白|图片(?:[，,].*)?|按钮[，,].*|编辑框.*)$`);

/** A card's number badge alone on its line (`05`, `NO.5`, `PART 05`): zero-padded, or with its word. */
const RE_BADGE = /^(?:(?:NO|No|PART|Part)\s*[.．]?\s*0?(\d{1,2})|0([1-9])|([1-9]\d))$/;
/** The number a heading's marker ends with (`1.5 中国和…` → 5, `方向5：…`, `榜单5`). */
const RE_HEADING_NUMBER = /^(?:方向|专题|任务|榜单|课题)?\s*(?:\d{1,2}[.．])*(\d{1,2})(?![\d.．])/;

/**
 * The number badges a web editor's template draws before each card (135编辑器, 秀米: a circle with
 * `05` beside `1.5 中国和瑞士…`), each alone on its line right above the heading it numbers: the
 * badge is no text of the direction (nor of the one before it), logged as web chrome. Only a badge the
 * heading below repeats (its last number).
 */
function markCardBadges(lines: RawLine[]): void {
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.cls !== 'content') continue;
    const badge = RE_BADGE.exec(l.raw.trim());
    if (!badge) continue;
    let j = i + 1;
    while (j < lines.length && lines[j]!.cls === 'blank') j++;
    const heading = j < lines.length && lines[j]!.cls === 'content' ? RE_HEADING_NUMBER.exec(lines[j]!.raw.trim()) : null;
    if (heading && Number(heading[1]) === Number(badge[1] ?? badge[2] ?? badge[3]) && lines[j]!.raw.trim().length > heading[0].length + 2) l.cls = 'web-chrome';
  }
}

/**
 * A screen reader's speech log of a page (a blind user's or an accessibility tester's copy): each
 * line as it was announced (`标题 4，1.1中国和比利时…`, `列表 5 项，合作协议：…`, `链接，首页`,
 * `退出列表`). The announcements are logged (`web-chrome`: what a page's structure says, not its
 * text), the words read stay. Only where the text has five announcements or more.
 */
function markScreenReader(lines: RawLine[]): void {
  if (lines.filter((l) => l.cls === 'content' && (/^(?:标题\s*\d|列表\s*\d+\s*项)[，,]/.test(l.raw.trim()) || l.raw.trim() === '退出列表' || RE_READER_CUE.test(l.raw.trim()))).length < 5) return;
  for (const l of lines) {
    if (l.cls !== 'content') continue;
    const t = l.raw.trim();
    if (RE_SPOKEN_LINE.test(t)) {
      l.cls = 'web-chrome';
      continue;
    }
    const lead = RE_SPOKEN_ROLE.exec(t);
    if (!lead) continue;
    const at = l.start + (l.raw.length - l.raw.trimStart().length);
    if (lead[0].length === t.length) l.cls = 'web-chrome';
    else (l.furniture ??= []).push({ start: at, end: at + lead[0].length, kind: 'web-chrome' });
    // (A heading the version spells a character at a time, `1 . 高 端 医 学`: its spaces no text.)
    const rest = t.slice(lead[0].length);
    if (/^\S(?: {1,3}\S){3,}$/.test(rest)) {
      const from = at + lead[0].length;
      for (const m of rest.matchAll(/ +/g)) (l.furniture ??= []).push({ start: from + m.index, end: from + m.index + m[0].length, kind: 'cjk-space' });
    }
  }
}

/** Whether the space `[i, j)` parts two runs of Latin letters and digits, one of them two characters or more (`2.1 70MPa`). */
function wordsApart(text: string, i: number, j: number): boolean {
  const left = /[A-Za-z0-9.%]+$/.exec(text.slice(Math.max(0, i - 12), i))?.[0] ?? '';
  const right = /^[A-Za-z0-9.%]+/.exec(text.slice(j, j + 12))?.[0] ?? '';
  return left !== '' && right !== '' && Math.max(left.length, right.length) >= 2;
}

/** A converter's page comment: `<!-- page 5 -->`, `<!-- 第5页 -->`. */
const RE_PAGE_COMMENT = /^\s*<!--\s*(?:page|第)\s*(\d{1,3})\s*(?:页)?\s*-->\s*$/i;

/**
 * A numbered heading printed again at the head of the next page, its text going on below it (a
 * converter's page that repeats the heading it continues: `### 2.3 …` / `---` / `<!-- page 5 -->` /
 * `## 2.3 …`): the first line after the page break that reads as the last numbered heading before it
 * (Markdown's marks and bold aside), with no other heading between, is a running header. So is an
 * outer heading printed before, found again at a page's head inside a sentence under way (a
 * chapter's title a running head repeats: `cutsSentence`); `pageOfLine`: a PDF's pages, a line each.
 */
function markRepeatedHeadings(lines: RawLine[], pageOfLine?: readonly (number | null)[]): void {
  const norm = (raw: string): string => raw.replace(/^[\f\s]*#{1,6}\s*/, '').replace(/\*\*|__/g, '').replace(/[\s\u3000]+/g, '');
  // A converter's page comment (`<!-- page 5 -->`) is the page's number, and the rule beside it (`---`) goes with it.
  lines.forEach((l, i) => {
    const m = l.cls === 'content' ? RE_PAGE_COMMENT.exec(l.raw) : null;
    if (!m) return;
    l.cls = 'page-number';
    l.printed = Number(m[1]);
    for (const k of [i - 1, i - 2, i + 1, i + 2]) if (lines[k]?.cls === 'content' && /^\s*(?:-{3,}|\*{3,}|_{3,})\s*$/.test(lines[k]!.raw)) lines[k]!.cls = 'page-number';
  });
  let last: string | null = null;
  const seen = new Set<string>();
  let before: string | null = null;
  let previous = -1;
  let broke = false;
  for (const [i, l] of lines.entries()) {
    if (l.cls === 'blank') continue;
    if (l.cls === 'page-number') {
      broke = true;
      continue;
    }
    if (l.cls !== 'content') continue;
    const t = norm(l.raw);
    // (Or any heading printed before, where the page's head cuts a sentence under way: a chapter's
    // title a running head repeats, `2. 绿色高效开采与选冶` inside `…伴生稀` / `散金属回收率低…`.)
    const page = broke || l.raw.startsWith('\f') || (pageOfLine !== undefined && previous >= 0 && pageOfLine[i] !== pageOfLine[previous]);
    previous = i;
    if (page && last !== null && (t === last || (seen.has(t) && cutsSentence(before, t, last)))) {
      l.cls = 'running-header';
      broke = false;
      continue;
    }
    broke = false;
    before = t;
    const m = t.length <= 80 ? matchMarker(t) : null;
    if (m && m.type !== 'field' && t.length > m.length + 2) {
      last = t;
      seen.add(t);
    }
  }
}
/** How a sentence or a heading's label ends a line: `。`, `；`, `：`, a closing bracket. */
const RE_CLOSED_LINE = /[。；;！？!?：:）)」』”]$/;

/**
 * Whether a heading printed before, found again at a page's head, stands inside a sentence under way:
 * the line before it is running text that ends no clause (no heading of its own), and the heading is
 * of an outer level than the last one (`2. 绿色高效开采与选冶` over `2.2 …`): a chapter's running head.
 */
function cutsSentence(before: string | null, t: string, last: string): boolean {
  if (before === null || RE_CLOSED_LINE.test(before)) return false;
  const b = matchMarker(before);
  if (b && b.type !== 'field') return false;
  const here = matchMarker(t);
  const inner = matchMarker(last);
  return here !== null && inner !== null && here.type !== inner.type && here.type !== 'field';
}

/** A trail of steps: the first, a separator, the rest. */
const RE_BREADCRUMB = /^([^▸›»>＞]{2,30}?)\s*[▸›»>＞]\s*\S.{0,60}$/u;

/**
 * A running header printed with the page number on its line (`国家重点研发计划“…”重点专项 ·4·`), as a
 * database copy of a PDF keeps it: the same words before a page number on two lines or more, with
 * other numbers. Those lines are running headers; the same words and a page number inside a line of
 * text (`…开发国家重点研发计划“…”重点专项 ·5·对靶施药…`, where the copy glued the page's head to the
 * text) are removed from it too, logged as `running-header` and `inline-page-number`.
 */
function markNumberedHeaders(lines: RawLine[]): void {
  const byHead = new Map<string, { line: RawLine; page: string; marked: boolean; bare: boolean; titled: boolean }[]>();
  /** The document's other lines, white space aside: a head that repeats one of them (the part's own heading) is a running head. */
  const texts = new Set<string>();
  for (const l of lines) {
    if (l.cls !== 'content') continue;
    const t = l.raw.trim();
    // `标题  · 3 ·` or, on the facing page, `· 4 ·  标题` (a booklet's heads).
    const m = RE_HEAD_THEN_PAGE.exec(t);
    const first = m ? null : RE_PAGE_THEN_HEAD.exec(t);
    // A call's title and a bare page number after a space (`…项目申报指南　2`).
    const bare = m || first ? null : /^(.{8,60}?)[\s\u3000]+(\d{1,3})$/.exec(t);
    const titled = bare !== null && /(?:指南|通知|专项|计划)$/.test(bare[1]!);
    const head = m ? m[1]! : first ? first[4]! : bare ? bare[1]! : null;
    if (head === null || /[。；，：:]/.test(head)) {
      texts.add(t.replace(/\s+/g, ''));
      continue;
    }
    const key = head.replace(/\s+/g, '');
    const group = byHead.get(key) ?? [];
    group.push({ line: l, page: (m ? (m[2] ?? m[3] ?? m[4]) : first ? (first[1] ?? first[2] ?? first[3]) : bare![2])!, marked: matchMarker(head) !== null, bare: bare !== null, titled });
    byHead.set(key, group);
  }
  const heads: string[] = [];
  const bareHeads = new Set<string>();
  for (const [head, group] of byHead) {
    // A head and a bare number (`…指南宣讲    专项管理办公室    5`) are a running line where the head
    // is a call's title (twice is enough), or on three pages or more with numbers that go up.
    const rising = group.every((g, i) => i === 0 || Number(g.page) > Number(group[i - 1]!.page));
    // (Words, not a 目录's leader dots: `……………… 4` on each wrapped entry.)
    const worded = /[\u4e00-\u9fff]{4}/.test(head) && !/[.…·．]{3,}/.test(head);
    const repeated = group.length >= 2 && new Set(group.map((g) => g.page)).size >= 2 && !group[0]!.marked && (!group[0]!.bare || group[0]!.titled || (group.length >= 3 && rising && worded));
    // A call's title with a bare number is a running line where it comes again glued inside a line
    // of text with another number (`…申报指南　1建立与合作国家…`).
    const gluedAt = group[0]!.titled ? new RegExp(`${escapeRegExp(head)}[\\s\\u3000]*\\d{1,3}(?!\\d)`) : null;
    const glued = gluedAt !== null && lines.some((l) => l.cls === 'content' && !group.some((g) => g.line === l) && gluedAt.test(l.raw));
    // A part's heading printed again at the head of its pages, with the page number.
    if (!repeated && !texts.has(head) && !glued) continue;
    heads.push(head);
    if (group[0]!.bare) bareHeads.add(head);
    // (Its page number tells where the page breaks, as a page number's line does: `inferPages`.)
    for (const g of group) {
      g.line.cls = 'running-header';
      g.line.printed = Number(g.page);
    }
  }
  if (heads.length === 0) return;
  for (const l of lines) {
    if (l.cls !== 'content') continue;
    for (const head of heads) {
      for (let at = l.raw.indexOf(head); at >= 0; at = l.raw.indexOf(head, at + 1)) {
        RE_PAGE_TOKEN.lastIndex = at + head.length;
        const token = bareHeads.has(head) ? RE_BARE_PAGE.exec(l.raw.slice(at + head.length)) : RE_PAGE_TOKEN.exec(l.raw);
        if (token && bareHeads.has(head)) token.index += at + head.length;
        if (!token || l.raw.slice(at + head.length, token.index).trim() !== '') continue;
        (l.furniture ??= []).push(
          { start: l.start + at, end: l.start + at + head.length, kind: 'running-header' },
          { start: l.start + token.index, end: l.start + token.index + token[0].length, kind: 'inline-page-number' },
        );
      }
    }
  }
}

/**
 * The fields a policy database prints above the document (`索 引 号：…`, `发文字号：…`, `【发布部门】…`):
 * three such lines or more near the start of the text (blank lines between them allowed), with the
 * `正文：` line or the database's disclaimer that follows them. Removed and logged as `record-header`;
 * the title the database repeats among them (`标　　题：…`) is no title line of the text.
 */
function markRecordHeader(lines: RawLine[]): void {
  let seen = 0;
  for (let i = 0; i < lines.length && seen < 40; i++) {
    if (lines[i]!.cls !== 'content') continue;
    seen++;
    if (!isRecordField(lines[i]!.raw)) continue;
    const block: number[] = [];
    let j = i;
    for (; j < lines.length; j++) {
      const l = lines[j]!;
      if (l.cls === 'blank') continue;
      if (l.cls !== 'content' || !(isRecordField(l.raw) || (block.length > 0 && RE_RECORD_NOTE.test(l.raw.trim())))) break;
      block.push(j);
    }
    if (block.filter((k) => isRecordField(lines[k]!.raw)).length >= 3) {
      for (const k of block) lines[k]!.cls = 'record-header';
      // The database's note before its fields (`（本文由…整理…）` on the line above): its too.
      for (let k = i - 1; k >= 0 && (lines[k]!.cls === 'blank' || RE_RECORD_NOTE.test(lines[k]!.raw.trim())); k--) if (lines[k]!.cls === 'content') lines[k]!.cls = 'record-header';
      return;
    }
    i = j - 1;
  }
}

/** A Markdown footnote's text (`[^1]: 其中，…`), as a note app writes them at the end. */
const RE_MD_FOOTNOTE = /^[ \t]*\[\^([\w-]{1,12})\]:/;

/**
 * What a note app (Obsidian, 语雀, Notion, a static site) writes around a Markdown document: the
 * front matter (`---` / `title: …` / `tags:` / `---` as its first lines), removed as a record's
 * header is; the footnotes' text (`[^1]: …`, with its indented lines), each called in the text by
 * its `[^1]`, removed and logged as notes.
 */
function markNoteAppMatter(text: string, lines: RawLine[]): void {
  const first = lines.findIndex((l) => l.cls !== 'blank');
  if (first >= 0 && first <= 2 && lines[first]!.raw.trim() === '---') {
    let end = -1;
    for (let j = first + 1; j < Math.min(lines.length, first + 80); j++) {
      const t = lines[j]!.raw.trim();
      if (t === '---' || t === '...') {
        end = j;
        break;
      }
      if (lines[j]!.cls !== 'blank' && !RE_YAML_LINE.test(lines[j]!.raw)) break;
    }
    if (end > first) for (let k = first; k <= end; k++) if (lines[k]!.cls !== 'blank') lines[k]!.cls = 'record-header';
  }
  for (let i = 0; i < lines.length; i++) {
    const m = RE_MD_FOOTNOTE.exec(lines[i]!.raw);
    if (!m || lines[i]!.cls !== 'content' || !text.slice(0, lines[i]!.start).includes(`[^${m[1]}]`)) continue;
    lines[i]!.cls = 'footnote';
    for (let j = i + 1; j < lines.length && lines[j]!.cls === 'content' && /^(?: {4}|\t)\S/.test(lines[j]!.raw); j++) lines[j]!.cls = 'footnote';
  }
  noteComments(text, lines);
}

/**
 * A note app's comments (Obsidian's `%%…%%`, shown in no reading view): hidden text, logged. Within
 * a line, the comment; from a line that opens one (`%%` with no closing mark after it) to the line
 * that closes it, those whole lines. Only where the text has such marks in pairs.
 */
function noteComments(text: string, lines: RawLine[]): void {
  if (!text.includes('%%') || (text.match(/%%/g)!.length & 1) === 1) return;
  let open = -1;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.cls !== 'content' && l.cls !== 'blank') continue;
    const marks = [...l.raw.matchAll(/%%/g)].map((m) => m.index);
    if (open >= 0) {
      if (marks.length % 2 === 1) {
        for (let k = open; k <= i; k++) if (lines[k]!.cls === 'content' && !(k === open && lines[k]!.furniture?.some((f) => f.kind === 'hidden-text' && f.end === lines[k]!.end))) lines[k]!.cls = 'hidden-text';
        open = -1;
      }
      continue;
    }
    for (let k = 0; k + 1 < marks.length; k += 2) (l.furniture ??= []).push({ start: l.start + marks[k]!, end: l.start + marks[k + 1]! + 2, kind: 'hidden-text' });
    if (marks.length % 2 === 1) {
      open = i;
      // (Text before the mark that opens it stays: only the rest of the line is the comment's.)
      const at = marks[marks.length - 1]!;
      if (l.raw.slice(0, at).trim() !== '') (l.furniture ??= []).push({ start: l.start + at, end: l.end, kind: 'hidden-text' });
    }
  }
}

/**
 * The measure of the block each line stands in (display columns of text, its indent aside): the
 * widest of the other content lines next to it indented as it is, without a blank line or a line
 * otherwise indented between (a value column's lines beside a form's labels run to that column's
 * width); none (infinite) for a line alone at its indent, as every line of a double-spaced text is.
 * A line as wide, within two columns, ran to its measure; never one of less than `MIN_MEASURE` (a
 * heading over a shorter line is no wrapped text).
 */
function blockMeasures(lines: readonly RawLine[]): { measure: (i: number) => number; width: (i: number) => number } {
  const indent = lines.map((l) => (l.cls === 'content' ? indentColumn(l.raw) : null));
  const width = lines.map((l) => (l.cls === 'content' ? displayWidth(l.raw.replace(/^[\f \t\u3000]+/, '').replace(/[\s\u3000]+$/, '')) : 0));
  const same = (j: number, i: number): boolean => lines[j]!.cls === 'content' && indent[j] === indent[i];
  return {
    measure: (i) => {
      let max = -1;
      for (let j = i - 1; j >= 0 && same(j, i); j--) max = Math.max(max, width[j]!);
      for (let j = i + 1; j < lines.length && same(j, i); j++) max = Math.max(max, width[j]!);
      return max < 0 ? Infinity : Math.max(max, MIN_MEASURE);
    },
    width: (i) => width[i]!,
  };
}
const MIN_MEASURE = 16;

/**
 * Whether a line reads as running text, which a full line may break inside: a known field's value
 * (`其他要求：合作项目必须双方同时申`), or a clause mark after its marker or its label (`一、总体目标`'s
 * `、` is the marker's; `来源：国家科技管理信息系统公共服务平台`, `欧洲处：010-62327017` are a label
 * and a name, no text that wraps).
 */
function runsOn(line: string): boolean {
  if (fieldLabelAt(line) !== null) return true;
  const marker = matchMarker(line);
  const rest = line.slice(marker ? marker.length : 0).replace(/^[^，。；：:]{1,12}[：:]/, '');
  return /[，、；,;]/.test(rest);
}

/** A bullet OCR read as a closing bracket at a line's start (`》现代农业；`): its indent, then the mark. */
const RE_OCR_BULLET = /^([\f \t\u3000]*)[》>»][ \u3000]?(?=[\u4e00-\u9fff])/;

/** A line of English words (three or more, no CJK character): a translation in a bilingual text. */
const RE_ENGLISH_LINE = /^[\s\u3000]*(?=(?:.*?\b[A-Za-z]{2,}\b){3})[^\u3400-\u9fff\uf900-\ufaff]*$/u;

const RE_BOX_TOP = /^[ \t\u3000]*[┌╔┏╭][─━═ ]+[┐╗┓╮][ \t\u3000]*$/;
const RE_BOX_BOTTOM = /^[ \t\u3000]*[└╚┗╰][─━═ ]+[┘╝┛╯][ \t\u3000]*$/;
/** A line inside a box of one cell: a bar, its text (no bar in it), a bar. */
const RE_BOX_SIDE = /^([ \t\u3000]*[│┃║][ \t\u3000]?)[^│┃║]*?([ \t\u3000]*[│┃║][ \t\u3000]*)$/;

/**
 * A note framed by box-drawing characters (w3m's dump of a bordered table of one cell, a plain-text
 * mail's frame: `┌──┐` / `│ 有关说明：… │` / `└──┘`): the frame is layout, logged; the text in it is
 * the text's, its lines as they stand. Only a box of one cell: cells side by side are a table's.
 */
function markTextBoxes(lines: RawLine[]): void {
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.cls !== 'content' || !RE_BOX_TOP.test(lines[i]!.raw)) continue;
    let j = i + 1;
    while (j < lines.length && RE_BOX_SIDE.test(lines[j]!.raw)) j++;
    if (j === i + 1 || j >= lines.length || !RE_BOX_BOTTOM.test(lines[j]!.raw)) continue;
    for (const k of [i, j]) (lines[k]!.furniture ??= []).push({ start: lines[k]!.start, end: lines[k]!.start + lines[k]!.raw.length, kind: 'table-layout' });
    for (let k = i + 1; k < j; k++) {
      const l = lines[k]!;
      const m = RE_BOX_SIDE.exec(l.raw)!;
      (l.furniture ??= []).push({ start: l.start, end: l.start + m[1]!.length, kind: 'table-layout' }, { start: l.start + l.raw.length - m[2]!.length, end: l.start + l.raw.length, kind: 'table-layout' });
    }
    i = j;
  }
}

/**
 * A bilingual text (a joint call printed in Chinese and English): each line of English that
 * follows a line of Chinese is its translation (`合作领域（Research Areas）：农业；食品安全。` /
 * `Agriculture; Food Safety.`), not text of the field above it. Only where the text has five such
 * lines or more (a Chinese guideline quotes an English name now and then, on a line of its own
 * less often still); removed and logged as `translation`.
 */
function markTranslations(lines: RawLine[]): void {
  const found: number[] = [];
  let previous: RawLine | null = null;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.cls === 'blank') continue;
    if (l.cls === 'content' && RE_TRANSLATION_HEAD.test(l.raw)) {
      found.push(i);
      l.cls = 'translation';
    } else if (l.cls === 'content' && RE_ENGLISH_LINE.test(l.raw) && !/^[\s\u3000]*(?:https?:\/\/|www\.)/.test(l.raw) && previous && (previous.cls === 'translation' || /[\u3400-\u9fff]/u.test(previous.raw))) {
      found.push(i);
      l.cls = 'translation';
    }
    previous = l;
  }
  if (found.length < 5) {
    for (const i of found) lines[i]!.cls = 'content';
    return;
  }
  // In a bilingual text, shorter lines of English too (`1. Background`, `3. Call Topics`, `Guidelines`,
  // `(Poland).`): a word of three letters or more and no Chinese, after Chinese or its translation
  // (page furniture between them aside).
  previous = null;
  for (const l of lines) {
    if (l.cls !== 'content' && l.cls !== 'translation') continue;
    if (l.cls === 'content' && RE_SHORT_ENGLISH_LINE.test(l.raw) && !/^[\s\u3000]*(?:https?:\/\/|www\.)|@/.test(l.raw) && previous && (previous.cls === 'translation' || /[\u3400-\u9fff]/u.test(previous.raw))) {
      l.cls = 'translation';
    }
    previous = l;
  }
}

/**
 * The heading of a guideline's translation printed after it whole (`English Version`, `英文版`,
 * `Unofficial Translation`): the English that follows is its translation, as a line's is.
 */
const RE_TRANSLATION_HEAD = /^[\s\u3000]*(?:(?:\(|（)?(?:English[ \t]+(?:Version|Translation|Text)|(?:Unofficial[ \t]+)?(?:English[ \t]+)?Translation|英文版|英文译本|英译本)(?:\)|）)?)[ \t\u3000]*[:：]?[ \t\u3000]*$/i;

/** A line with an English word (three letters or more) and no Chinese character. */
const RE_SHORT_ENGLISH_LINE = /^(?=.*[A-Za-z]{3})[^\u3400-\u9fff\uf900-\ufaff]*$/u;

/** A contents entry's end: leader dots (`……`, `......`, `····`) and a page number. */
const RE_LEADERS = new RegExp(`${LEADERS}[\\s\\u3000]*\\d{1,3}[\\s\\u3000]*$`, 'u');
const RE_CONTENTS_HEAD = /^[\s\u3000]*目[\s\u3000]*录[\s\u3000]*$/u;

/**
 * A table of contents (`目  录`, then `1.1 新原理…（基础前沿技术类）……… 2`): each entry names a
 * heading of the body, so read as text it would give every direction twice. Its lines are the
 * heading `目录`, entries ending in leader dots and a page number, and an entry's first line where
 * it wraps (the next line is the rest of the entry); three entries or more make one. Removed and
 * logged as `table-of-contents`.
 */
function markContents(lines: RawLine[]): void {
  const entry = (i: number): boolean => lines[i]?.cls === 'content' && RE_LEADERS.test(lines[i]!.raw);
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.cls !== 'content') continue;
    const head = RE_CONTENTS_HEAD.test(lines[i]!.raw);
    if (!head && !entry(i)) continue;
    // The run of entries (and their wrapped first lines, and blank lines) from here.
    let j = head ? i + 1 : i;
    let entries = 0;
    const taken: number[] = head ? [i] : [];
    for (; j < lines.length; j++) {
      const l = lines[j]!;
      if (l.cls === 'blank' || l.cls === 'page-number') continue;
      if (entry(j)) {
        entries++;
        taken.push(j);
      } else if (l.cls === 'content' && entry(j + 1) && !RE_CONTENTS_HEAD.test(l.raw)) taken.push(j);
      else if (l.cls === 'content' && lines[j + 1]?.cls === 'content' && entry(j + 2) && taken.length > 0) taken.push(j);
      else break;
    }
    if (entries >= 3) for (const k of taken) lines[k]!.cls = 'table-of-contents';
    i = j - 1;
  }
}

/**
 * Footnotes at the foot of a page (`① 联委会为…的简称。`): after a blank line, in the last lines of
 * the page, starting with a circled number that the text above calls (`…议定书》①。`). They are
 * notes on the page, not the text of the field they would fall into: removed and logged.
 */
function markFootnotes(text: string, lines: RawLine[], pageOfLine: readonly (number | null)[]): void {
  for (let i = 0; i < lines.length; i++) {
    const m = RE_FOOTNOTE.exec(lines[i]!.raw);
    // (After a blank line, or after the rule drawn over the notes, which goes with them.)
    const rule = i > 0 && lines[i - 1]!.cls === 'content' && RE_FOOTNOTE_RULE.test(lines[i - 1]!.raw);
    if (!m || lines[i]!.cls !== 'content' || i === 0 || (lines[i - 1]!.cls === 'content' && !rule)) continue;
    // (A superscript or an asterisk only under the rule: `**有关说明：**` at a Markdown text's end is no note.)
    if (!rule && !/^[\u2460-\u2473]$/.test(m[1]!)) continue;
    // The block of note lines and what follows it up to the page's end: no body text after it.
    let j = i;
    while (j < lines.length && (lines[j]!.cls === 'content' ? RE_FOOTNOTE.test(lines[j]!.raw) : lines[j]!.cls === 'blank')) j++;
    const pageEnds = j >= lines.length || lines[j]!.cls === 'page-number' || lines[j]!.cls === 'running-footer' || lines[j]!.formFeed || (pageOfLine[j] !== null && pageOfLine[j] !== pageOfLine[i]);
    if (!pageEnds) continue;
    for (let k = i; k < j; k++) {
      const n = RE_FOOTNOTE.exec(lines[k]!.raw);
      // Called by the text: the same circled number stands before the note.
      if (n && text.lastIndexOf(n[1]!, lines[k]!.start - 1) >= 0) lines[k]!.cls = 'footnote';
    }
    if (rule && lines[i]!.cls === 'footnote') lines[i - 1]!.cls = 'footnote';
    i = j;
  }
}
