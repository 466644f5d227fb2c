/**
 * Reads an Excel workbook (`.xlsx`, as ministries attach a 指南方向汇总表, and as WPS 表格 saves it)
 * into the same blocks as the Word and HTML readers: each visible sheet in workbook order, its cells
 * laid on their grid (merged cells repeated in every cell they cover, as the other readers repeat
 * `rowspan`/`colspan`), then cut into blocks by what the rows hold:
 * - a run of rows with two filled columns or more is a **table** (rows × cells); a row inside it with
 *   one filled cell (a group caption such as `一、亚洲`) stays a row of it;
 * - a row with one value (a title merged across the sheet, a paragraph of the 说明 sheet) is a
 *   **paragraph**, its line breaks (Alt+Enter in a cell) kept as lines.
 *
 * Values are what Excel shows: shared and inline strings (rich-text runs joined, phonetic guides
 * left out), numbers in general form (`300`, `0.5`; percentages and dates as their format shows
 * them), cached formula results, TRUE/FALSE. Hidden sheets, rows and columns are not shown and are
 * logged (`hidden-text`); comments are no part of the cells and are not read. Pure.
 */
import { GuidelineError, type Removal } from '../types.js';
import { reason } from '../messages/reasons.js';
import { buildText, cellText, liftDocumentColumns, unplaced, type Block, type BuiltText } from './blocks.js';
import { kid, kids, partPath, type XmlElement, xmlPart } from './xml.js';

type Files = Readonly<Record<string, Uint8Array>>;

const xmlOf = (files: Files, name: string): XmlElement | undefined => xmlPart(files, name, (part, detail) => new GuidelineError('xlsx-corrupt', reason('xlsx-bad-xml', part), detail));

/** The text of an element's `t` descendants, leaving phonetic runs (`rPh`) out. */
function textOf(e: XmlElement): string {
  let out = '';
  for (const c of e.children) {
    if (typeof c === 'string') continue;
    if (c.name === 'rPh' || c.name === 'phoneticPr') continue;
    if (c.name === 't') out += c.children.filter((x): x is string => typeof x === 'string').join('');
    else out += textOf(c);
  }
  // Excel's escapes for control characters: `_x000D_` and the like.
  return out.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** Column letters and row number of an `A1` reference, 0-based. */
function cellRef(ref: string): { col: number; row: number } | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/i.exec(ref);
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]!.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { col: col - 1, row: Number(m[2]) - 1 };
}

/** Built-in number formats that show a date (ECMA-376 §18.8.30), and those that show a percentage. */
const DATE_FORMATS = new Set([14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58]);
const PERCENT_FORMATS = new Set([9, 10]);

/**
 * How a number is shown: General, a date, a percentage, or between the words a custom format puts
 * around it (`"约"0"个"` → `约6个`, `#,##0"万元"` → `1,200万元`, `0"年"` → `3年`).
 */
export type Shown = 'general' | 'date' | 'percent' | { readonly before: string; readonly after: string; readonly grouped: boolean; readonly decimals: number };

/** How each cell style (`s` index) shows a number. */
function numberShapes(styles: XmlElement | undefined): Shown[] {
  if (!styles) return [];
  const custom = new Map<number, string>();
  for (const f of kids(kid(styles, 'numFmts'), 'numFmt')) custom.set(Number(f.attrs['numFmtId']), f.attrs['formatCode'] ?? '');
  return kids(kid(styles, 'cellXfs'), 'xf').map((xf) => {
    const id = Number(xf.attrs['numFmtId'] ?? 0);
    return shapeOfFormat(id, custom.get(id) ?? '');
  });
}

/** How a number format (its built-in id, or its code) shows a number. */
export function shapeOfFormat(id: number, formatCode: string): Shown {
  const code = formatCode.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
  if (PERCENT_FORMATS.has(id) || /%/.test(code)) return 'percent';
  if (DATE_FORMATS.has(id) || (/[yd]/i.test(code) && !/[#0]/.test(code))) return 'date';
  return literalShape(formatCode) ?? 'general';
}

/**
 * A custom format of one number between quoted words (its first section: positive numbers):
 * `"约"0"个"`, `"不超过"0"个"`, `#,##0"万元"`, `0.0"亿元"`, `0"年"`. Null for any other.
 */
function literalShape(formatCode: string): Shown | null {
  const first = formatCode.split(';')[0] ?? '';
  const m = /^((?:"[^"]*"|\\.)*)([#,0]*0(?:\.(0+))?)((?:"[^"]*"|\\.)*)$/.exec(first.replace(/\[[^\]]*\]/g, ''));
  if (!m || (m[1] === '' && m[4] === '')) return null;
  const words = (t: string): string => [...t.matchAll(/"([^"]*)"|\\(.)/g)].map((x) => x[1] ?? x[2] ?? '').join('');
  return { before: words(m[1]!), after: words(m[4]!), grouped: m[2]!.includes(','), decimals: m[3]?.length ?? 0 };
}

/** A number as Excel's General format shows it: no binary residue (`0.30000000000000004` → `0.3`). */
function general(n: number): string {
  if (Number.isInteger(n)) return String(n);
  return String(Number(n.toPrecision(15)));
}

/** A date serial (1900 system) as `2026年1月1日`. */
function dateOf(serial: number): string {
  const d = new Date(Date.UTC(1899, 11, 30) + Math.round(serial * 86400000));
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
}

interface Sheet {
  readonly name: string;
  readonly path: string;
  readonly hidden: boolean;
}

/** The sheets in workbook order, each with the part that holds it. */
function sheetsOf(files: Files): Sheet[] {
  const book = xmlOf(files, 'xl/workbook.xml');
  if (!book) throw new GuidelineError('xlsx-corrupt', reason('xlsx-no-workbook'));
  const rels = new Map<string, string>();
  for (const r of kids(xmlOf(files, 'xl/_rels/workbook.xml.rels'), 'Relationship')) {
    rels.set(r.attrs['Id'] ?? '', partPath('xl/workbook.xml', r.attrs['Target'] ?? ''));
  }
  return kids(kid(book, 'sheets'), 'sheet').map((s, i) => ({
    name: s.attrs['name'] ?? `Sheet${i + 1}`,
    path: rels.get(s.attrs['id'] ?? '') ?? `xl/worksheets/sheet${i + 1}.xml`,
    hidden: s.attrs['state'] === 'hidden' || s.attrs['state'] === 'veryHidden',
  }));
}

/** Where merged cells and hidden rows and columns are, 0-based, as both workbook formats state them. */
export interface SheetLayout {
  readonly merges: readonly { readonly from: { readonly row: number; readonly col: number }; readonly to: { readonly row: number; readonly col: number } }[];
  readonly hiddenRows: ReadonlySet<number>;
  readonly hiddenCols: ReadonlySet<number>;
}

/** The grid of one sheet: each shown cell's text, merged cells repeated; hidden rows and columns logged and left out. */
function gridOf(sheet: XmlElement, strings: readonly string[], shapes: readonly Shown[], removed: Removal[]): string[][] {
  const hiddenCols = new Set<number>();
  for (const c of kids(kid(sheet, 'cols'), 'col')) {
    if (c.attrs['hidden'] !== '1' && c.attrs['hidden'] !== 'true') continue;
    for (let i = Number(c.attrs['min']) - 1; i <= Number(c.attrs['max']) - 1 && i < 16384; i++) hiddenCols.add(i);
  }
  const grid: string[][] = [];
  const hiddenRows = new Set<number>();
  let nextRow = 0;
  for (const row of kids(kid(sheet, 'sheetData'), 'row')) {
    const r = row.attrs['r'] ? Number(row.attrs['r']) - 1 : nextRow;
    nextRow = r + 1;
    if (row.attrs['hidden'] === '1' || row.attrs['hidden'] === 'true') hiddenRows.add(r);
    let nextCol = 0;
    for (const c of kids(row, 'c')) {
      const at = cellRef(c.attrs['r'] ?? '') ?? { col: nextCol, row: r };
      nextCol = at.col + 1;
      const text = valueOf(c, strings, shapes);
      if (text === '') continue;
      (grid[r] ??= [])[at.col] = text;
    }
  }
  const merges: { from: { row: number; col: number }; to: { row: number; col: number } }[] = [];
  for (const m of kids(kid(sheet, 'mergeCells'), 'mergeCell')) {
    const [a, b] = (m.attrs['ref'] ?? '').split(':');
    const from = cellRef(a ?? '');
    const to = cellRef(b ?? a ?? '');
    if (from && to) merges.push({ from, to });
  }
  return shownGrid(grid, { merges, hiddenRows, hiddenCols }, removed);
}

/**
 * A sheet's cells as they are shown: merged cells repeated in every cell they cover, hidden rows
 * and columns left out and their text logged (`hidden-text`). `grid` is filled in place.
 */
export function shownGrid(grid: string[][], layout: SheetLayout, removed: Removal[]): string[][] {
  for (const { from, to } of layout.merges) {
    const text = grid[from.row]?.[from.col] ?? '';
    if (text === '') continue;
    for (let rr = from.row; rr <= to.row && rr - from.row < 10000; rr++) {
      // (A row the merged cell alone fills, as a preamble merged over several rows above a table: its
      // text once, in the first, not a paragraph repeated on every row it covers.)
      if (rr > from.row && !(grid[rr] ?? []).some((t, c) => t !== undefined && t !== '' && (c < from.col || c > to.col))) continue;
      for (let cc = from.col; cc <= to.col && cc - from.col < 1000; cc++) (grid[rr] ??= [])[cc] = text;
    }
  }
  const out: string[][] = [];
  for (let r = 0; r < grid.length; r++) {
    const cells = grid[r] ?? [];
    const shown: string[] = [];
    for (let c = 0; c < cells.length; c++) {
      const text = cells[c] ?? '';
      if (layout.hiddenCols.has(c)) {
        if (text !== '') removed.push(unplaced('hidden-text', text));
        continue;
      }
      shown.push(text);
    }
    // A hidden row is left out, not kept as a blank one: it does not part a table.
    if (layout.hiddenRows.has(r)) {
      const text = shown.filter((t) => t !== '').join(' ');
      if (text !== '') removed.push(unplaced('hidden-text', text));
      continue;
    }
    out.push(shown);
  }
  return out;
}

/** What a cell shows. */
function valueOf(c: XmlElement, strings: readonly string[], shapes: readonly Shown[]): string {
  const type = c.attrs['t'] ?? 'n';
  const v = kid(c, 'v');
  const raw = v ? v.children.filter((x): x is string => typeof x === 'string').join('') : '';
  switch (type) {
    case 's':
      return strings[Number(raw)] ?? '';
    case 'inlineStr': {
      const is = kid(c, 'is');
      return is ? textOf(is) : raw;
    }
    case 'str':
    case 'e':
      return raw;
    case 'b':
      return raw === '1' ? 'TRUE' : raw === '0' ? 'FALSE' : raw;
    default: {
      if (raw.trim() === '') return '';
      const n = Number(raw);
      if (!Number.isFinite(n)) return raw;
      return shownNumber(n, shapes[Number(c.attrs['s'] ?? 0)] ?? 'general');
    }
  }
}

/** A number as its cell's format shows it (a percentage, a date, or General). */
export function shownNumber(n: number, shape: Shown): string {
  if (typeof shape === 'object') {
    const fixed = n.toFixed(shape.decimals);
    const [int, frac] = fixed.split('.');
    const digits = shape.grouped ? int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : int!;
    return `${shape.before}${digits}${frac === undefined ? '' : `.${frac}`}${shape.after}`;
  }
  if (shape === 'percent') return `${general(n * 100)}%`;
  if (shape === 'date' && n > 0 && n < 2958466) return dateOf(n);
  return general(n);
}

/** Cuts a sheet's rows into paragraphs and tables (see the file's comment). */
export function blocksOf(rows: readonly (readonly string[])[], removed: Removal[]): Block[] {
  const filled = (r: readonly string[]): string[] => r.filter((t) => t !== '');
  const distinct = (r: readonly string[]): number => new Set(filled(r)).size;
  const blocks: Block[] = [];
  let r = 0;
  while (r < rows.length) {
    const row = rows[r] ?? [];
    if (distinct(row) === 0) {
      r++;
      continue;
    }
    if (distinct(row) === 1) {
      blocks.push({ kind: 'text', lines: filled(row)[0]!.split(/\r?\n|\r/) });
      r++;
      continue;
    }
    // A table: rows of two values or more, and rows of one value between two such rows.
    let end = r;
    let last = r;
    while (end < rows.length && distinct(rows[end] ?? []) > 0) {
      if (distinct(rows[end] ?? []) > 1) last = end;
      end++;
    }
    const body = rows.slice(r, last + 1);
    const width = Math.max(...body.map((x) => x.length));
    const lifted = liftDocumentColumns(body.map((x) => Array.from({ length: width }, (_, i) => cellText((x[i] ?? '').split(/\r?\n|\r/), true))));
    blocks.push(...lifted.blocks);
    removed.push(...lifted.removed);
    r = last + 1;
  }
  return blocks;
}

/**
 * The rows a workbook embedded in a Word file shows there (an OLE object, `Excel.Sheet.12`): its
 * active sheet, cropped to the range Word draws (`oleSize`, `A1:H17`); the cells outside it (a
 * drafter's notes in the next column) are no text of the document, logged (`hidden-text`).
 */
export function embeddedRows(files: Files, removed: Removal[]): string[][] {
  const book = xmlOf(files, 'xl/workbook.xml');
  const sheets = sheetsOf(files);
  const active = Number(kid(kid(book, 'bookViews'), 'workbookView')?.attrs['activeTab'] ?? 0);
  const sheet = sheets[active] ?? sheets.find((s) => !s.hidden);
  const xml = sheet ? xmlOf(files, sheet.path) : undefined;
  if (!sheet || !xml) return [];
  const grid = gridOf(xml, kids(xmlOf(files, 'xl/sharedStrings.xml'), 'si').map(textOf), numberShapes(xmlOf(files, 'xl/styles.xml')), removed);
  const [a, b] = (kid(book, 'oleSize')?.attrs['ref'] ?? '').split(':');
  const from = cellRef(a ?? '');
  const to = cellRef(b ?? a ?? '');
  if (!from || !to) return grid;
  const outside = grid.flatMap((row, r) => (row ?? []).flatMap((t, c) => (t && (r < from.row || r > to.row || c < from.col || c > to.col) ? [t] : [])));
  if (outside.length > 0) removed.push(unplaced('hidden-text', `${sheet.name}：${outside.join(' ')}`));
  return grid.slice(from.row, to.row + 1).map((row) => Array.from({ length: to.col - from.col + 1 }, (_, c) => row?.[from.col + c] ?? ''));
}

/** Reads an `.xlsx` (the files of its ZIP): every shown sheet's paragraphs and tables. */
export function readXlsx(files: Files): BuiltText {
  const strings = kids(xmlOf(files, 'xl/sharedStrings.xml'), 'si').map(textOf);
  const shapes = numberShapes(xmlOf(files, 'xl/styles.xml'));
  const removed: Removal[] = [];
  const sheets = sheetsOf(files).flatMap((sheet) => {
    const xml = xmlOf(files, sheet.path);
    return xml ? [{ name: sheet.name, hidden: sheet.hidden, rows: gridOf(xml, strings, shapes, removed) }] : [];
  });
  return workbookText(sheets, removed, 'xlsx-empty');
}

/**
 * The text of a workbook's sheets (their shown rows, in workbook order): a hidden sheet logged
 * whole (`hidden-text`), the others cut into paragraphs and tables.
 */
export function workbookText(sheets: readonly { readonly name: string; readonly hidden: boolean; readonly rows: readonly (readonly string[])[] }[], removed: Removal[], emptyReason: 'xlsx-empty' | 'xls-empty'): BuiltText {
  const blocks: Block[] = [];
  for (const sheet of sheets) {
    if (sheet.hidden) {
      const text = sheet.rows.flat().filter((t) => t !== '').join(' ');
      if (text !== '') removed.push(unplaced('hidden-text', `${sheet.name}：${text}`));
      continue;
    }
    blocks.push(...blocksOf(sheet.rows, removed));
  }
  const built = buildText(blocks);
  if (built.text.trim() === '') throw new GuidelineError('empty', reason(emptyReason));
  return { ...built, removed: [...removed, ...built.removed] };
}
