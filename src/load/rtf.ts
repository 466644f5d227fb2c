/**
 * Rich Text Format (`.rtf`, as Word, WPS and LibreOffice save it) read into the blocks every
 * structured reader gives (`blocks.ts`): each paragraph a text block (`\line` a line break in it),
 * each run of table rows (`\intbl` paragraphs, `\cell`, `\row`) a table, a cell merged down
 * (`\clvmrg`) repeated from the cell above it as the other readers do. Pure.
 *
 * - **Characters.** `\uN` (with its `\ucN` fallback characters skipped) and `\'hh` bytes decoded in
 *   the code page of the current font's charset (`\fcharset134` GBK, 136 Big5, 128 Shift-JIS,
 *   129 Korean) or of the document (`\ansicpgN`); `\~` a no-break space, `\_` a hyphen, `\-` an
 *   optional hyphen (nothing), `\emdash` and its kin as the characters they name.
 * - **List numbers** as the document shows them: the text of `\listtext` (and of Word 6's
 *   `\pntext`), which the writer renders from the list definition, before the paragraph's text; the
 *   definitions themselves (`\listtable`, `\pn`) are not text.
 * - **Not text:** the font, colour, style and list tables, document info, pictures and objects,
 *   field instructions (a field's result is read), bookmarks, and every `\*` destination not named
 *   here. Hidden text (`\v`), headers and footers and footnotes are left out and logged, as the
 *   Word reader logs them (`hidden-text`, `running-header`/`running-footer`, `footnote`).
 */
import { GuidelineError, type Removal } from '../types.js';
import { reason } from '../messages/reasons.js';
import { buildText, cellText, squareRows, type Block, type BuiltText } from './blocks.js';
import { ownEntry } from '../own.js';

/** Destinations whose text is no part of the document's text. */
const SKIP = new Set([
  'fonttbl', 'colortbl', 'stylesheet', 'info', 'listtable', 'listoverridetable', 'revtbl', 'rsidtbl', 'generator', 'pict', 'object', 'objdata',
  'fldinst', 'bkmkstart', 'bkmkend', 'pn', 'themedata', 'colorschememapping', 'latentstyles', 'datastore', 'xmlnstbl', 'mmathPr', 'pgdsctbl',
  'userprops', 'docvar', 'template', 'filetbl', 'xmlopen', 'xmlclose', 'wgrffmtfilter', 'listpicture', 'fchars', 'lchars', 'protusertbl',
  'shppict', 'nonshppict', 'blipuid', 'sp', 'sn', 'sv', 'atnid', 'atnauthor', 'annotation', 'atrfstart', 'atrfend', 'ftnsep', 'ftnsepc', 'aftnsep', 'aftnsepc',
]);
/** Destinations left out and logged: the kind of removal each is. */
const LOGGED: Readonly<Record<string, Removal['kind']>> = {
  header: 'running-header', headerl: 'running-header', headerr: 'running-header', headerf: 'running-header',
  footer: 'running-footer', footerl: 'running-footer', footerr: 'running-footer', footerf: 'running-footer',
  footnote: 'footnote',
};
/** Destinations that are text: a list number as shown, a field's result. */
const TEXT_DESTINATIONS = new Set(['listtext', 'pntext', 'fldrslt', 'field']);

/** Control words that stand for a character. */
const CHAR_WORDS: Readonly<Record<string, string>> = {
  emdash: '—', endash: '–', bullet: '•', lquote: '‘', rquote: '’', ldblquote: '“', rdblquote: '”', emspace: '\u2003', enspace: '\u2002', qmspace: '\u2005', tab: '\t',
};

/** Code pages of the `\fcharset` values that matter here. */
const CHARSET_CODEPAGE: Readonly<Record<number, string>> = { 0: 'windows-1252', 128: 'shift_jis', 129: 'euc-kr', 134: 'gbk', 136: 'big5', 162: 'windows-1254', 204: 'windows-1251', 238: 'windows-1250' };
const CJK_PAGES: ReadonlySet<string> = new Set(['gbk', 'big5', 'shift_jis', 'euc-kr']);
const CODEPAGE: Readonly<Record<number, string>> = { 936: 'gbk', 950: 'big5', 932: 'shift_jis', 949: 'euc-kr', 1250: 'windows-1250', 1251: 'windows-1251', 1252: 'windows-1252', 10000: 'macintosh' };

interface State {
  skip: boolean;
  log: Removal['kind'] | null;
  hidden: boolean;
  uc: number;
  font: number;
  /** In `\listtext` or `\pntext`: a tab there parts the number from the text. */
  number: boolean;
  /** In a font table entry: its number, to read its `\fcharset`. */
  fontEntry: number | null;
}

interface Cell {
  /** `\cellx`: the cell's right edge, in twips from the row's left. */
  readonly right: number;
  /** `\clvmrg`: merged with the cell above (its text is that cell's). */
  readonly mergedDown: boolean;
  /** `\clmrg`: merged with the cell to its left. */
  readonly mergedRight: boolean;
}

/** After a list number, the tab a writer puts there: nothing after punctuation, a space before a digit or after a digit. */
const NUMBER_TAB = '\u0001';
function numberSeparators(line: string): string {
  return line.replace(/\u0001[ \t]*/g, (m, at: number) => (/[、.．，。）)\]】：:]$/u.test(line.slice(0, at)) && !/^\d/.test(line.slice(at + m.length)) ? '' : ' '));
}

/**
 * The rows of a table on one grid: the edges of all its rows' cells; a cell wider than a column of
 * the grid (merged across) is repeated in each column it covers, as the other readers write it.
 */
function gridRows(rows: readonly { readonly cells: readonly string[]; readonly rights: readonly number[] }[]): string[][] {
  const edges = [...new Set(rows.flatMap((r) => r.rights))].sort((a, b) => a - b);
  if (edges.length === 0 || rows.some((r) => r.rights.length !== r.cells.length)) return rows.map((r) => [...r.cells]);
  return rows.map((r) => {
    const out: string[] = [];
    let left = -Infinity;
    r.cells.forEach((text, k) => {
      const right = r.rights[k]!;
      const covered = edges.filter((e) => e > left && e <= right).length;
      for (let j = 0; j < Math.max(1, covered); j++) out.push(text);
      left = right;
    });
    return out;
  });
}

type Token =
  | { readonly kind: 'open' }
  | { readonly kind: 'close' }
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'hex'; readonly byte: number }
  | { readonly kind: 'symbol'; readonly char: string }
  | { readonly kind: 'word'; readonly word: string; readonly param: number | null };

/** The tokens of an RTF text (read as Latin-1: every byte one character). Line breaks are no text. */
function* tokens(src: string): Generator<Token> {
  const n = src.length;
  let i = 0;
  while (i < n) {
    const c = src[i]!;
    if (c === '{' || c === '}') {
      yield c === '{' ? { kind: 'open' } : { kind: 'close' };
      i++;
    } else if (c === '\r' || c === '\n') i++;
    else if (c !== '\\') {
      let j = i;
      while (j < n && src[j] !== '\\' && src[j] !== '{' && src[j] !== '}' && src[j] !== '\r' && src[j] !== '\n') j++;
      yield { kind: 'text', text: src.slice(i, j) };
      i = j;
    } else if (src[i + 1] === "'") {
      yield { kind: 'hex', byte: parseInt(src.slice(i + 2, i + 4), 16) };
      i += 4;
    } else if (src[i + 1] === '\r' || src[i + 1] === '\n') {
      // A backslash that ends a line is a `\par` (the spec's own equivalent; macOS TextEdit's Cocoa
      // RTF ends every paragraph so).
      yield { kind: 'word', word: 'par', param: null };
      i += src[i + 1] === '\r' && src[i + 2] === '\n' ? 3 : 2;
    } else if (!/[A-Za-z]/.test(src[i + 1] ?? '')) {
      yield { kind: 'symbol', char: src[i + 1] ?? '' };
      i += 2;
    } else {
      const m = /^\\([A-Za-z]{1,32})(-?\d{1,10})? ?/.exec(src.slice(i, i + 48))!;
      yield { kind: 'word', word: m[1]!, param: m[2] === undefined ? null : Number(m[2]) };
      i += m[0].length;
    }
  }
}

/** The blocks of the document as its paragraphs, cells and rows end. */
class BlockBuilder {
  readonly blocks: Block[] = [];
  /** The paragraph being read: its lines. */
  private lines: string[] = [''];
  /** Whether the paragraph being read is in a table (`\intbl`). */
  inTable = false;
  /** The table being read: its rows, each cell's text and right edge. */
  private rows: { cells: string[]; rights: number[] }[] = [];
  private cellTexts: string[] = [];
  private cellLines: string[] = [];
  /** The cells `\trowd` … `\cellx` define, for the row being read. */
  private definition: Cell[] = [];
  private mergedDown = false;
  private mergedRight = false;

  text(s: string): void {
    this.lines[this.lines.length - 1] += s;
  }

  lineBreak(): void {
    this.lines.push('');
  }

  endParagraph(): void {
    const lines = this.lines.map(numberSeparators);
    this.lines = [''];
    // A paragraph inside a cell: its lines go on in the cell.
    if (this.inTable) this.cellLines.push(...lines);
    else {
      this.endTable();
      if (lines.some((l) => l.trim() !== '')) this.blocks.push({ kind: 'text', lines });
    }
  }

  rowDefinition(): void {
    this.definition = [];
    this.mergedDown = this.mergedRight = false;
  }

  mergeDown(): void {
    this.mergedDown = true;
  }

  mergeRight(): void {
    this.mergedRight = true;
  }

  cellEdge(right: number): void {
    this.definition.push({ right, mergedDown: this.mergedDown, mergedRight: this.mergedRight });
    this.mergedDown = this.mergedRight = false;
  }

  endCell(): void {
    this.inTable = true;
    this.cellLines.push(...this.lines.map(numberSeparators));
    this.lines = [''];
    this.cellTexts.push(cellText(this.cellLines.filter((l) => l.trim() !== '')));
    this.cellLines = [];
  }

  endRow(): void {
    if (this.lines.some((l) => l.trim() !== '') || this.cellLines.length > 0) this.endCell();
    const def = this.definition;
    const above = this.rows[this.rows.length - 1];
    const row: string[] = [];
    this.cellTexts.forEach((t, k) => {
      const d = def[k];
      if (d?.mergedDown && above && t === '') row.push(above.cells[k] ?? '');
      else if (d?.mergedRight && k > 0 && t === '') row.push(row[k - 1]!);
      else row.push(t);
    });
    if (row.some((t) => t !== '')) this.rows.push({ cells: row, rights: def.length === row.length ? def.map((d) => d.right) : [] });
    this.cellTexts = [];
    this.lines = [''];
    this.inTable = false;
  }

  private endTable(): void {
    if (this.rows.length > 0) this.blocks.push({ kind: 'table', rows: squareRows(gridRows(this.rows)) });
    this.rows = [];
  }

  finish(): Block[] {
    if (this.lines.some((l) => l.trim() !== '')) this.endParagraph();
    this.endTable();
    return this.blocks;
  }
}

/** What a control word does outside a group's start: its parameter read into the reader's state, or a paragraph, cell or row ended. */
type WordRule = (r: RtfReader, param: number | null) => void;

/** The control words that change state or end a block, by name (any other is a character, `CHAR_WORDS`, or nothing). */
const CONTROL_WORDS: ReadonlyMap<string, WordRule> = new Map<string, WordRule>([
  ['ansicpg', (r, param) => {
    if (param !== null && CODEPAGE[param]) r.docCodepage = CODEPAGE[param]!;
  }],
  ['f', (r, param) => {
    if (param === null) return;
    if (r.st.fontEntry !== null) r.st.fontEntry = param;
    else r.st.font = param;
  }],
  ['fcharset', (r, param) => {
    if (r.st.fontEntry !== null && r.st.fontEntry >= 0 && param !== null) r.fontCharset.set(r.st.fontEntry, param);
  }],
  ['uc', (r, param) => {
    if (param !== null) r.st.uc = param;
  }],
  ['u', (r, param) => r.unicode(param)],
  ['v', (r, param) => {
    r.st.hidden = param !== 0;
  }],
  ['par', (r) => {
    if (r.inBody()) r.out.endParagraph();
  }],
  ['line', (r) => {
    if (!r.st.skip && !r.st.log) r.out.lineBreak();
  }],
  ['pard', (r) => {
    // (Inside a list number, `\pard\plain` only resets its own formatting.)
    if (!r.st.number) r.out.inTable = false;
  }],
  ['intbl', (r) => {
    r.out.inTable = true;
  }],
  ['trowd', (r) => r.out.rowDefinition()],
  ['clvmrg', (r) => r.out.mergeDown()],
  ['clmrg', (r) => r.out.mergeRight()],
  ['cellx', (r, param) => r.out.cellEdge(param ?? 0)],
  ['cell', endCell],
  ['nestcell', endCell],
  ['row', endRow],
  ['nestrow', endRow],
]);

/** `\cell`, `\nestcell`: the cell ends, unless in a skipped group. */
function endCell(r: RtfReader): void {
  if (!r.st.skip) r.out.endCell();
}

/** `\row`, `\nestrow`: the row ends, unless in a skipped group. */
function endRow(r: RtfReader): void {
  if (!r.st.skip) r.out.endRow();
}

export function readRtf(bytes: Uint8Array): BuiltText {
  const src = Buffer.from(bytes).toString('latin1');
  if (!src.replace(/^\ufeff|^\xef\xbb\xbf/, '').startsWith('{\\rtf')) throw new GuidelineError('unsupported-format', reason('not-an-rtf'));
  const reader = new RtfReader();
  for (const t of tokens(src)) reader.token(t);
  return reader.finish();
}

/**
 * Reads an RTF text token by token: the state of each group (a stack), the bytes of `\'hh` runs
 * decoded in their code page, `\uN` and its fallback, and text left out and logged; the blocks
 * themselves are `out`'s.
 */
class RtfReader {
  readonly out = new BlockBuilder();
  /** Each font's `\fcharset`, by its number. */
  readonly fontCharset = new Map<number, number>();
  docCodepage = 'windows-1252';
  /** The state of the group being read. */
  st: State = { skip: false, log: null, hidden: false, uc: 1, font: -1, number: false, fontEntry: null };
  private readonly stack: State[] = [];
  private readonly removed: Removal[] = [];
  // Text left out and logged (a header, hidden text), gathered until its group ends.
  private removedText = '';
  private removedKind: Removal['kind'] | null = null;
  private bytesRun: number[] = [];
  /** Fallback characters of a `\uN` still to skip. */
  private toSkip = 0;
  private highSurrogate: number | null = null;
  // Whether the next control word opens its group (a destination), and whether `\*` marked it.
  private groupStart = false;
  private starred = false;

  /** Reads one token. */
  token(t: Token): void {
    if (t.kind !== 'hex' && !(t.kind === 'word' && t.word === 'u')) this.flushBytes();
    if (t.kind === 'open') this.openGroup();
    else if (t.kind === 'close') this.closeGroup();
    else {
      const opening = this.groupStart;
      if (!(t.kind === 'symbol' && t.char === '*')) this.groupStart = false;
      if (t.kind === 'word') {
        this.word(t.word, t.param, opening);
        this.starred = false;
      } else if (this.toSkip > 0) {
        // A `\uN`'s fallback: one character, one `\'hh`, one symbol (a run of text gives up its first).
        this.toSkip--;
        if (t.kind === 'text' && t.text.length > 1) this.emit(t.text.slice(1));
      } else this.character(t);
    }
  }

  /** The blocks read, and the text left out. */
  finish(): BuiltText {
    this.flushBytes();
    this.flushRemoved();
    const built = buildText(this.out.finish());
    return { ...built, removed: [...this.removed, ...built.removed] };
  }

  /** `{`: a group whose state starts as its parent's. */
  private openGroup(): void {
    this.stack.push(this.st);
    // An entry of the font table is read for its number and charset, never as text.
    this.st = { ...this.st, fontEntry: this.st.fontEntry !== null ? -1 : null };
    this.groupStart = true;
    this.starred = false;
  }

  /** `}`: the parent's state again; the text a logged group left out is logged. */
  private closeGroup(): void {
    if (this.st.log && !this.stack[this.stack.length - 1]?.log) this.flushRemoved();
    this.st = this.stack.pop() ?? this.st;
    this.groupStart = false;
  }

  /** A control word; `opening` where it starts its group. */
  private word(w: string, param: number | null, opening: boolean): void {
    if (opening && this.destination(w)) return;
    if (this.toSkip > 0 && w !== 'u') {
      this.toSkip--;
      return;
    }
    const rule = CONTROL_WORDS.get(w);
    const char = rule ? undefined : ownEntry(CHAR_WORDS, w);
    if (rule) rule(this, param);
    else if (char !== undefined) this.emit(char);
  }

  /** A group's first control word: whether it names a destination left out (skipped, or logged); a list number's marks the group. */
  private destination(w: string): boolean {
    if (SKIP.has(w) || (this.starred && !TEXT_DESTINATIONS.has(w) && ownEntry(LOGGED, w) === undefined)) {
      // The font table is read for its charsets; its names, and the rest, are not text.
      if (w === 'fonttbl') this.st.fontEntry = -1;
      else this.st.skip = true;
      return true;
    }
    const logged = ownEntry(LOGGED, w);
    if (logged !== undefined) {
      this.st.log = logged;
      return true;
    }
    if (w === 'listtext' || w === 'pntext') this.st.number = true;
    return false;
  }

  /** `\uN`: the character (a surrogate pair from two), then its fallback characters skipped. */
  unicode(param: number | null): void {
    this.flushBytes();
    if (param === null) return;
    const code = param < 0 ? param + 65536 : param;
    if (code >= 0xd800 && code <= 0xdbff) this.highSurrogate = code;
    else if (code >= 0xdc00 && code <= 0xdfff && this.highSurrogate !== null) {
      this.emit(String.fromCharCode(this.highSurrogate, code));
      this.highSurrogate = null;
    } else this.emit(String.fromCharCode(code));
    this.toSkip = this.st.uc;
  }

  /** A token of text: a run of it, a `\'hh` byte, or a control symbol. */
  private character(t: Extract<Token, { kind: 'text' | 'hex' | 'symbol' }>): void {
    if (t.kind === 'hex') {
      if (!Number.isNaN(t.byte) && this.st.fontEntry === null) this.bytesRun.push(t.byte);
    } else if (t.kind === 'text') this.emit(t.text);
    else if (t.char === '*') this.starred = true;
    else if (t.char === '\\' || t.char === '{' || t.char === '}') this.emit(t.char);
    else if (t.char === '~') this.emit('\u00a0');
    else if (t.char === '_') this.emit('-');
  }

  // A byte's code page: the current font's charset, else the document's; a Western font's bytes in
  // a Chinese document (Word writes `\loch\f0 \'b9\'fa` with `\ansicpg936`) are the document's.
  private codepage(): string {
    const cs = this.fontCharset.get(this.st.font);
    const page = (cs !== undefined ? CHARSET_CODEPAGE[cs] : undefined) ?? this.docCodepage;
    return page === 'windows-1252' && CJK_PAGES.has(this.docCodepage) ? this.docCodepage : page;
  }

  /** Text read: the paragraph's, or the text left out of the group being read, or nothing in a skipped group. */
  private emit(text: string): void {
    if (this.st.skip || this.st.fontEntry !== null) return;
    if (this.st.log || this.st.hidden) {
      const kind = this.st.log ?? 'hidden-text';
      if (this.removedKind && this.removedKind !== kind) this.flushRemoved();
      this.removedKind = kind;
      this.removedText += text;
      return;
    }
    this.out.text(this.st.number && text === '\t' ? NUMBER_TAB : text);
  }

  /** The run of `\'hh` bytes read, decoded in its code page (Latin-1 where the page is unknown). */
  private flushBytes(): void {
    if (this.bytesRun.length === 0) return;
    let text: string;
    try {
      text = new TextDecoder(this.codepage()).decode(Uint8Array.from(this.bytesRun));
    } catch {
      text = Buffer.from(this.bytesRun).toString('latin1');
    }
    this.bytesRun = [];
    this.emit(text);
  }

  /** The text left out so far logged as one removal. */
  private flushRemoved(): void {
    if (this.removedKind && this.removedText.trim()) this.removed.push({ kind: this.removedKind, text: this.removedText.trim(), line: null, start: null, end: null, page: null });
    this.removedText = '';
    this.removedKind = null;
  }

  /** A paragraph, cell or row end counts where the text does: not in a skipped or logged group. */
  inBody(): boolean {
    return !this.st.skip && !this.st.log && this.st.fontEntry === null;
  }
}
