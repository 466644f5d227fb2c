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

export function readRtf(bytes: Uint8Array): BuiltText {
  const src = Buffer.from(bytes).toString('latin1');
  if (!src.replace(/^\ufeff|^\xef\xbb\xbf/, '').startsWith('{\\rtf')) throw new GuidelineError('unsupported-format', reason('not-an-rtf'));
  const fontCharset = new Map<number, number>();
  let docCodepage = 'windows-1252';
  const removed: Removal[] = [];
  const blocks: Block[] = [];

  // What the paragraph being read holds: its lines, and whether it is a table's.
  let lines: string[] = [''];
  let inTable = false;
  // The table being read: its rows (each cell's lines), the cells of the row definition.
  let rows: { cells: string[]; rights: number[] }[] = [];
  let cellTexts: string[] = [];
  let cellLines: string[] = [];
  let rowDef: Cell[] = [];
  let pendingDef: Cell[] = [];
  let cellMerged = false;
  let cellMergedRight = false;
  let removedText = '';
  let removedKind: Removal['kind'] | null = null;

  const flushRemoved = (): void => {
    if (removedKind && removedText.trim()) removed.push({ kind: removedKind, text: removedText.trim(), line: null, start: null, end: null, page: null });
    removedText = '';
    removedKind = null;
  };
  const endTable = (): void => {
    if (rows.length > 0) blocks.push({ kind: 'table', rows: squareRows(gridRows(rows)) });
    rows = [];
  };
  const endParagraph = (): void => {
    lines = lines.map(numberSeparators);
    if (inTable) {
      // A paragraph inside a cell: its lines go on in the cell.
      cellLines.push(...lines);
    } else {
      endTable();
      if (lines.some((l) => l.trim() !== '')) blocks.push({ kind: 'text', lines });
    }
    lines = [''];
  };
  const endCell = (): void => {
    cellLines.push(...lines.map(numberSeparators));
    lines = [''];
    cellTexts.push(cellText(cellLines.filter((l) => l.trim() !== '')));
    cellLines = [];
  };
  const endRow = (): void => {
    if (lines.some((l) => l.trim() !== '') || cellLines.length > 0) endCell();
    const def = rowDef.length > 0 ? rowDef : pendingDef;
    const above = rows[rows.length - 1];
    const row: string[] = [];
    cellTexts.forEach((t, k) => {
      const d = def[k];
      if (d?.mergedDown && above && t === '') row.push(above.cells[k] ?? '');
      else if (d?.mergedRight && k > 0 && t === '') row.push(row[k - 1]!);
      else row.push(t);
    });
    if (row.some((t) => t !== '')) rows.push({ cells: row, rights: def.length === row.length ? def.map((d) => d.right) : [] });
    cellTexts = [];
    lines = [''];
    inTable = false;
  };

  const stack: State[] = [];
  let st: State = { skip: false, log: null, hidden: false, uc: 1, font: -1, number: false, fontEntry: null };
  let bytesRun: number[] = [];
  let toSkip = 0;
  let highSurrogate: number | null = null;
  // Whether the next control word opens a destination (`{\*\dest` or a known one).
  let groupStart = false;
  let starred = false;

  // A byte's code page: the current font's charset, else the document's; a Western font's bytes in
  // a Chinese document (Word writes `\loch\f0 \'b9\'fa` with `\ansicpg936`) are the document's.
  const decoder = (): string => {
    const cs = fontCharset.get(st.font);
    const page = (cs !== undefined ? CHARSET_CODEPAGE[cs] : undefined) ?? docCodepage;
    return page === 'windows-1252' && CJK_PAGES.has(docCodepage) ? docCodepage : page;
  };
  const emit = (text: string): void => {
    let s = text;
    if (st.skip) return;
    if (st.log || st.hidden) {
      const kind = st.log ?? 'hidden-text';
      if (removedKind && removedKind !== kind) flushRemoved();
      removedKind = kind;
      removedText += s;
      return;
    }
    if (st.number && s === '\t') s = NUMBER_TAB;
    lines[lines.length - 1] += s;
  };
  const flushBytes = (): void => {
    if (bytesRun.length === 0) return;
    let text: string;
    try {
      text = new TextDecoder(decoder()).decode(Uint8Array.from(bytesRun));
    } catch {
      text = Buffer.from(bytesRun).toString('latin1');
    }
    bytesRun = [];
    emit(text);
  };

  let i = 0;
  const n = src.length;
  while (i < n) {
    const c = src[i]!;
    if (c === '{') {
      flushBytes();
      stack.push(st);
      // An entry of the font table is read for its number and charset, never as text.
      st = { ...st, fontEntry: st.fontEntry !== null ? -1 : null };
      groupStart = true;
      starred = false;
      i++;
      continue;
    }
    if (c === '}') {
      flushBytes();
      if (st.log && !stack[stack.length - 1]?.log) flushRemoved();
      st = stack.pop() ?? st;
      groupStart = false;
      i++;
      continue;
    }
    if (c === '\r' || c === '\n') {
      i++;
      continue;
    }
    if (c !== '\\') {
      flushBytes();
      groupStart = false;
      if (toSkip > 0) {
        toSkip--;
        i++;
        continue;
      }
      // Plain text: up to the next control character.
      let j = i;
      while (j < n && src[j] !== '\\' && src[j] !== '{' && src[j] !== '}' && src[j] !== '\r' && src[j] !== '\n') j++;
      if (st.fontEntry === null) emit(src.slice(i, j));
      i = j;
      continue;
    }
    // A control symbol or word.
    const next = src[i + 1] ?? '';
    if (next === "'") {
      const byte = parseInt(src.slice(i + 2, i + 4), 16);
      i += 4;
      if (toSkip > 0) {
        toSkip--;
        continue;
      }
      if (!Number.isNaN(byte) && st.fontEntry === null) bytesRun.push(byte);
      continue;
    }
    if (!/[A-Za-z]/.test(next)) {
      flushBytes();
      i += 2;
      if (toSkip > 0) {
        toSkip--;
        continue;
      }
      if (next === '*') {
        starred = true;
        continue;
      }
      groupStart = false;
      if (next === '\\' || next === '{' || next === '}') emit(next);
      else if (next === '~') emit('\u00a0');
      else if (next === '_') emit('-');
      continue;
    }
    const m = /^\\([A-Za-z]{1,32})(-?\d{1,10})? ?/.exec(src.slice(i, i + 48))!;
    i += m[0].length;
    const word = m[1]!;
    const param = m[2] === undefined ? null : Number(m[2]);
    if (word !== 'u') flushBytes();
    const opening = groupStart;
    groupStart = false;
    if (opening && (SKIP.has(word) || (starred && !TEXT_DESTINATIONS.has(word) && !(word in LOGGED)))) {
      if (word === 'fonttbl') {
        // The font table is read for its charsets, its names are not text.
        st.fontEntry = -1;
      } else st.skip = true;
      starred = false;
      continue;
    }
    starred = false;
    if (opening && word in LOGGED) {
      st.log = LOGGED[word]!;
      continue;
    }
    if (opening && (word === 'listtext' || word === 'pntext')) st.number = true;
    if (toSkip > 0 && word !== 'u') {
      toSkip--;
      continue;
    }
    switch (word) {
      case 'ansicpg':
        if (param !== null && CODEPAGE[param]) docCodepage = CODEPAGE[param]!;
        break;
      case 'f':
        if (st.fontEntry !== null && param !== null) st.fontEntry = param;
        else if (param !== null) st.font = param;
        break;
      case 'fcharset':
        if (st.fontEntry !== null && st.fontEntry >= 0 && param !== null) fontCharset.set(st.fontEntry, param);
        break;
      case 'uc':
        if (param !== null) st.uc = param;
        break;
      case 'u': {
        flushBytes();
        if (param === null) break;
        const code = param < 0 ? param + 65536 : param;
        if (code >= 0xd800 && code <= 0xdbff) highSurrogate = code;
        else if (code >= 0xdc00 && code <= 0xdfff && highSurrogate !== null) {
          emit(String.fromCharCode(highSurrogate, code));
          highSurrogate = null;
        } else emit(String.fromCharCode(code));
        toSkip = st.uc;
        break;
      }
      case 'v':
        st.hidden = param !== 0;
        break;
      case 'par':
        if (!st.skip && !st.log && st.fontEntry === null) endParagraph();
        break;
      case 'line':
        if (!st.skip && !st.log) lines.push('');
        break;
      case 'pard':
        // (Inside a list number, `\pard\plain` only resets its own formatting.)
        if (!st.number) inTable = false;
        break;
      case 'intbl':
        inTable = true;
        break;
      case 'trowd':
        pendingDef = [];
        rowDef = [];
        cellMerged = false;
        break;
      case 'clvmrg':
        cellMerged = true;
        break;
      case 'clmrg':
        cellMergedRight = true;
        break;
      case 'cellx':
        pendingDef.push({ right: param ?? 0, mergedDown: cellMerged, mergedRight: cellMergedRight });
        cellMerged = false;
        cellMergedRight = false;
        break;
      case 'cell':
      case 'nestcell':
        if (!st.skip) {
          inTable = true;
          endCell();
        }
        break;
      case 'row':
      case 'nestrow':
        if (!st.skip) {
          rowDef = pendingDef;
          endRow();
        }
        break;
      case 'sect':
      case 'page':
        break;
      default:
        if (word in CHAR_WORDS) emit(CHAR_WORDS[word]!);
    }
  }
  flushBytes();
  flushRemoved();
  if (lines.some((l) => l.trim() !== '')) endParagraph();
  endTable();
  const built = buildText(blocks);
  return { ...built, removed: [...removed, ...built.removed] };
}
