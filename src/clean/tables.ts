/**
 * Tables in text: found by their shape, read as rows × cells, so that a table of directions gives
 * one direction per row and a table of labels and values gives one field per row.
 *
 * Three shapes, as text extraction and copying deliver them:
 * - **spaced** (`pdftotext -layout`): columns separated by runs of spaces; the header row names the
 *   columns (its cells may wrap over two lines); a cell wraps within its column over several lines;
 *   the header repeats after a page break (a running header there). Cells are placed in columns by
 *   their display column (CJK characters two wide), rows start at the row number (序号) or, where
 *   the table has blank lines between rows, at each block.
 * - **pipe** (`| 序号 | 合作国家 | … |`, a database copy or a Markdown / web / Word rendition):
 *   cells are known exactly; a `| --- |` rule is layout; a row of one text in every cell (a cell
 *   merged across the table) is a caption: a group's heading between rows, or a title above the
 *   header.
 * - **cell per line** (a table copied from a web page or Word): the header cells one per line, then
 *   each row's cells one per line, as many as the header has.
 * A table is one of directions when its header maps to field roles (`lexicon/columns.ts`); a pipe
 * table of two columns whose first cells are field labels is one of fields. Other tables are left
 * as text.
 *
 * Offsets are 0-based UTF-16 offsets into the loaded text; line indexes are 0-based.
 */
import { columnOf, isContinuationHeader, isDirectionHeader, kindColumn, RE_TOTAL_TEXT, type Column } from '../lexicon/columns.js';
import { displayWidth, plainIdeographs, RE_RULE_LINE } from '../lexicon/chars.js';
import { fieldLabelAt, runOnLabelStarts } from '../lexicon/fields.js';
import { matchMarker, type MarkerType } from '../lexicon/markers.js';
import { lineFragments, type CjkWidth, type Fragment } from './fragments.js';
import { transposedSpacedTable } from './transposed.js';
import { cellTextOf, TRANSPARENT, trimRange, type Range } from './table-parts.js';

export type { Range };

/** One line as `clean` classified it. */
export interface TableLine {
  readonly start: number;
  readonly end: number;
  readonly raw: string;
  readonly cls: string;
}

export interface TableRow {
  /** 0-based index of the row's first line. */
  readonly line: number;
  /** Each column's pieces, in reading order (a cell wrapped over lines has several). */
  readonly cells: readonly (readonly Range[])[];
  /**
   * A caption: one cell merged across the whole row (`（一）与港澳地区资助机构联合资助项目` above the
   * rows of its group, a table's title above its header), its text in `cells[0]`. A heading of the
   * text, no direction.
   */
  readonly caption?: boolean;
}

export interface Table {
  /**
   * `cards`: a direction per row, its number and title in the first column and its fields, written
   * out with their labels, in the second (`指南方向 | 具体内容及要求`). `data`: a small table of
   * figures inside a direction's text (`序号⇥指标名称⇥指标值`), a row to a line.
   */
  readonly kind: 'directions' | 'fields' | 'cards' | 'data';
  /** 0-based indexes of the lines the table takes (its header, rows, repeated headers, rules). */
  readonly lines: ReadonlySet<number>;
  /** The first line of the table: where its rows are written out. */
  readonly first: number;
  readonly columns: readonly (Column | null)[];
  /** The header cells, for the labels' positions (empty for a table of fields). */
  readonly header: readonly (readonly Range[])[];
  readonly rows: readonly TableRow[];
  /** Layout that was text: pipes, `| --- |` rules, a header repeated after a page break. */
  /** (`footnote`: a note's mark in a cell, `7②`, its note read into the row: see `transposed.ts`.) */
  readonly layout: readonly (Range & { readonly kind: 'table-layout' | 'table-header' | 'footnote' })[];
  /** Further columns of the table before, by row number, no title (see `joinedColumns`); none is left in `findTables`' result. */
  readonly continuation?: boolean;
  /**
   * Columns of a tick grid (`重点合作国别` merged over `哈萨克斯坦 | 乌兹别克斯坦 | … | 其他`, a `√` in the
   * cell of each partner of the row): each column's partner as its lower header cell names it. A
   * column whose lower cell says `其他` holds the names themselves.
   */
  readonly ticks?: ReadonlyMap<number, readonly Range[]>;
  /** Columns of money split by year (`国拨经费（万元）` merged over `2027年 | 2028年 | 合计`): each column's year, as its lower header cell names it. */
  readonly years?: ReadonlyMap<number, readonly Range[]>;
}



export function findTables(text: string, lines: readonly TableLine[]): Table[] {
  const tables: Table[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.cls !== 'content' && l.cls !== 'running-header') continue;
    const t = pipeTable(text, lines, i) ?? tabTable(text, lines, i) ?? transposedSpacedTable(text, lines, i) ?? spacedTable(text, lines, i) ?? cellPerLineTable(text, lines, i);
    if (t) {
      tables.push(dittoResolved(text, t, blanksRepeat(text, lines, t)));
      i = Math.max(...t.lines);
    }
  }
  return joinedColumns(text, tables);
}

/** A row's number as its id cell says it (`1`, `1.`, `合计`), or null. */
function rowIdOf(text: string, t: Table, row: TableRow): string | null {
  const k = t.columns.findIndex((c) => c?.role === 'id');
  const own = k >= 0 ? cellTextOf(text, row.cells[k] ?? []).replace(/[\s.．、]+$/u, '').replace(/\s+/g, '') : '';
  if (own !== '') return own;
  // (A total row has its word in the title column, or no number at all.)
  const words = row.cells.map((c) => cellTextOf(text, c).replace(/\s+/g, '')).filter((c) => c !== '');
  return words.length > 0 && RE_TOTAL_TEXT.test(words[0]!) ? '合计' : null;
}

/**
 * A table of directions too wide for its paper, printed over then down (`序号 指南方向 … 拟支持项目数`
 * on one page, `序号 国拨经费 实施周期 其他要求` of the same rows on the next): each continuation's
 * cells join the rows of the nearest table before whose row numbers hold all of its own, as
 * further columns; its repeated numbers and header are layout. A continuation that goes on no table
 * is no table (its lines stay text), unless its columns make a table of directions of their own.
 */
function joinedColumns(text: string, tables: readonly Table[]): Table[] {
  const out: Table[] = [];
  for (const t of tables) {
    if (!t.continuation) {
      out.push(t);
      continue;
    }
    const idAt = t.columns.findIndex((c) => c?.role === 'id');
    const ids = t.rows.map((r) => rowIdOf(text, t, r));
    const target = [...out.keys()].reverse().find((k) => {
      const o = out[k]!;
      if (o.kind !== 'directions' || !o.columns.some((c) => c?.role === 'title')) return false;
      const own = new Set(o.rows.map((r) => rowIdOf(text, o, r)));
      return ids.every((id) => id !== null && own.has(id));
    });
    if (target === undefined) {
      // (Without a table to go on, one that is a table of directions in its own right stays one.)
      const { continuation: _, ...own } = t;
      if (isDirectionHeader(t.columns)) out.push(own);
      continue;
    }
    const base = out[target]!;
    const keep = (xs: readonly (readonly Range[])[]): (readonly Range[])[] => xs.filter((_, k) => k !== idAt);
    const byId = new Map(t.rows.map((r, k) => [ids[k]!, r]));
    const layout = [
      ...base.layout,
      ...t.layout,
      ...(t.header[idAt] ?? []).map((r) => ({ ...r, kind: 'table-header' as const })),
      ...t.rows.flatMap((r) => (r.cells[idAt] ?? []).map((x) => ({ ...x, kind: 'table-layout' as const }))),
    ];
    out[target] = {
      ...base,
      lines: new Set([...base.lines, ...t.lines]),
      columns: [...base.columns, ...t.columns.filter((_, k) => k !== idAt)],
      header: [...base.header, ...keep(t.header)],
      rows: base.rows.map((r) => {
        const more = byId.get(rowIdOf(text, base, r) ?? '');
        return { ...r, cells: [...r.cells, ...(more ? keep(more.cells) : keep(t.columns.map(() => [])))] };
      }),
      layout: sortRanges(layout),
    };
  }
  return out;
}

/** The header of a table of labels and values: `项目 | 内容`, `事项 | 要求`, `字段 | 说明`. */
const RE_FIELD_TABLE_HEADER = /^(?:项目|事项|类别|名称|字段|要素|栏目)\|(?:内容|要求|说明|具体内容|具体要求|详情)(?:\|(?:备注|说明|注|附注))?$/;

/** A card's first cell: a direction's number, then its title (`1.1 中国和英国…项目`, `方向一 …`). */
const RE_ROW_HEAD = /^(?:\d{1,2}(?:[.．]\d{1,2}){0,2}[.．、]?|[（(]?[一二三四五六七八九十]{1,3}[）)、]|方向[一二三四五六七八九十\d]{1,3}[：:、]?)\s*\S/;

/** A heading of a part of the document: `二、…`, `（二）…`, `第二部分…`. */
const RE_PART_HEADING = /^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]|第[一二三四五六七八九十\d]{1,3}(?:部分|章))\S/;

/** A cell that repeats the one above it: `同上`, `〃`, `同前`, a closing quote mark alone (`”`). */
const RE_DITTO = /^(?:同上|〃|同前|″|”|")[。.]?$/;
/** A cell that repeats the one above it and adds to it: `同上；《中白…纪要》`. */
const RE_DITTO_LEAD = /^\s*(?:同上|同前)\s*[；;，,、]\s*/;
/** A note under a table that says its blank cells repeat the row above (`空白单元格，表示与上一行相同`). */
const RE_BLANK_DITTO_NOTE = /空白(?:单元格|处|栏|格)?[^。\n]{0,16}(?:与上一?行相同|同上一?行|同上)/;

/** Whether a note in the few lines under table `t` says its blank cells repeat the row above. */
function blanksRepeat(text: string, lines: readonly TableLine[], t: Table): boolean {
  const last = Math.max(...t.lines);
  for (let i = last + 1; i < Math.min(lines.length, last + 7); i++) {
    const l = lines[i]!;
    if (RE_BLANK_DITTO_NOTE.test(text.slice(l.start, l.end))) return true;
  }
  return false;
}

/**
 * Cells that say "as above" (`同上`, `〃`) take the pieces of the cell above them in their column,
 * so the value read is the one a person reads and its source is the cell it was written in; the
 * ditto mark itself is logged as table layout. `同上；《…》` takes them and adds its own. Where a note
 * under the table says so (`blanks`), a blank cell takes the cell above it as well.
 */
function dittoResolved(text: string, t: Table, blanks = false): Table {
  const cellText = (c: readonly Range[]): string => cellTextOf(text, c).trim();
  if (!blanks && !t.rows.some((r) => r.cells.some((c) => RE_DITTO.test(cellText(c)) || RE_DITTO_LEAD.test(cellText(c))))) return t;
  const layout = [...t.layout];
  const rows: TableRow[] = [];
  for (const row of t.rows) {
    // A caption between the rows: a ditto below it repeats the row above it.
    if (row.caption) {
      rows.push(row);
      continue;
    }
    const above = rows.findLast((r) => !r.caption);
    const cells = row.cells.map((c, k) => {
      const own = cellText(c);
      const up = above?.cells[k];
      if (!up || up.length === 0) return c;
      if (RE_DITTO.test(own)) {
        for (const r of c) layout.push({ ...r, kind: 'table-layout' });
        return up;
      }
      if (blanks && own === '' && k > 0) return up;
      // (The mark and its separator start the cell's first piece.)
      const first = c[0];
      const lead = first ? RE_DITTO_LEAD.exec(text.slice(first.start, first.end)) : null;
      if (!first || !lead) return c;
      const cut = first.start + lead[0].length;
      if (cut >= first.end) return c;
      layout.push({ start: first.start, end: cut, line: first.line, kind: 'table-layout' });
      return [...up, { ...first, start: cut }, ...c.slice(1)];
    });
    rows.push({ ...row, cells });
  }
  return { ...t, rows, layout: sortRanges(layout) };
}

// ---------------------------------------------------------------------------------------------
// Pipe tables

/**
 * A row whose cells all hold one text, in two columns or more (most of the row's): one cell merged across the row
 * (Word's `gridSpan`, HTML's `colspan`, a `.doc` row of one cell), which the readers write into
 * every column it covers.
 */
function isCaptionRow(cells: readonly string[]): boolean {
  // (Its last columns may be left out of the merge: a notes column at the table's right edge.)
  let n = cells.length;
  while (n > 0 && cells[n - 1]!.trim() === '') n--;
  const first = cells[0]?.trim() ?? '';
  return n >= 2 && n * 2 > cells.length && first !== '' && cells.slice(0, n).every((c) => c.trim() === first);
}

// (Box-drawing tables, as a text export of a Word table draws them, part cells with `│`.)
const RE_PIPE_ROW = /^[ \t\u3000]*[|｜│┃].*[|｜│┃][ \t\u3000]*$/;
const RE_PIPE_RULE = /^[\s|｜:：\-—–=+]+$/;
/**
 * The bars of a row of a table drawn without outer bars (`序号｜方向名称｜重点合作国别｜…`): how many
 * full-width or ASCII bars part its cells (two or more), 0 where the line is no such row (it
 * starts or ends with a bar, or has fewer).
 */
function bareBars(raw: string): number {
  const t = raw.trim();
  if (t === '' || /^[|｜│┃]|[|｜│┃]$/.test(t)) return 0;
  const n = (t.match(/[|｜]/g) ?? []).length;
  return n >= 2 ? n : 0;
}

/** A grid table's border (`+------+-----+`, `+======+` under the header), as pandoc and Emacs draw one, or a box-drawing rule (`├──┼──┤`). */
const RE_GRID_BORDER = /^[ \t\u3000]*(?:\+(?:[-=:]+\+)+|[┌├└┏┣┗╔╠╚╒╞╘][─━═┬┼┴┳╋┻╦╬╩╤╪╧ \u3000]*[┐┤┘┓┫┛╗╣╝╕╡╛])[ \t\u3000]*$/;

const RE_BR = /<br\s*\/?>/gi;

/** The cells of a pipe row, each as its pieces (a `<br>` in a cell parts two lines of it). */
function pipeCells(text: string, l: TableLine, index: number, bare = false): { cells: Range[][]; pipes: Range[] } {
  const cells: Range[][] = [];
  const pipes: Range[] = [];
  // (Without outer bars the line's start and end part its first and last cells.)
  let cellStart = bare ? l.start : -1;
  for (let i = l.start; i <= l.end; i++) {
    const c = i < l.end ? text[i]! : bare ? '|' : '';
    if (c === '|' || c === '｜' || c === '│' || c === '┃') {
      if (i < l.end) pipes.push({ start: i, end: i + 1, line: index });
      if (cellStart >= 0) {
        const pieces: Range[] = [];
        let from = cellStart;
        for (const m of text.slice(cellStart, i).matchAll(RE_BR)) {
          pieces.push(trimRange(text, from, cellStart + m.index, index));
          pipes.push({ start: cellStart + m.index, end: cellStart + m.index + m[0].length, line: index });
          from = cellStart + m.index + m[0].length;
        }
        pieces.push(trimRange(text, from, i, index));
        cells.push(pieces.filter((r) => r.end > r.start));
      }
      cellStart = i + 1;
    }
  }
  return { cells, pipes };
}

/**
 * Whether a row below a header is the header's second row: as many cells, some repeating the cell
 * above (merged down), some not (the sub-headers under a cell merged across), none a number or a
 * figure, and the sub-headers naming columns.
 */
function isLowerHeader(upper: readonly string[], lower: readonly string[]): boolean {
  if (lower.length !== upper.length || lower.some((c, k) => /\d/.test(c) && !(RE_YEAR_HEAD.test(c) && isSplitMoney(upper, k)))) return false;
  // (A cell merged over both rows repeats its text below, or, as a spreadsheet saves it, leaves the
  // lower cell blank.)
  const same = lower.filter((c, k) => c === upper[k] || (c === '' && upper[k] !== '')).length;
  const differ = lower.flatMap((c, k) => (c !== upper[k] && c !== '' ? [k] : []));
  // (Or, under a partners' header merged over them, `重点合作国别`, a partner's name each: a tick grid.)
  const underPartners = (k: number): boolean => columnOf(upper[k]!)?.role === 'partners' && mergedOver(upper, k);
  return same >= 1 && differ.length >= 1 && differ.every((k) => columnOf(lower[k]!) !== null || underPartners(k) || ((RE_YEAR_HEAD.test(lower[k]!) || RE_TOTAL_TEXT.test(lower[k]!)) && isSplitMoney(upper, k)));
}

/** A year over a column of money (`2027年`, `2028年度`). */
const RE_YEAR_HEAD = /^(?:19|20)\d{2}\s*年度?$/;

/** Cell `k` of an upper header row is merged over several columns: the same text beside it. */
function mergedOver(upper: readonly string[], k: number): boolean {
  return upper[k - 1] === upper[k] || upper[k + 1] === upper[k];
}

/** Column `k` of an upper header row is money merged over several columns (`国拨经费（万元）` over the years and 合计). */
function isSplitMoney(upper: readonly string[], k: number): boolean {
  return columnOf(upper[k]!)?.role === 'funding' && mergedOver(upper, k);
}

/**
 * Whether a table's rows (their cells' text) are a table of directions turned on its side: the first
 * column names fields (three rows or more whose first cell is a direction field's header, 合作协议 /
 * 领域方向 / 拟支持项目数 …), and the first row's other cells are two directions or more, each a
 * number and a title (`1.1 中国和德国政府间科技合作项目`).
 */
function isTransposed(rows: readonly (readonly string[])[]): boolean {
  if (rows.length < 4 || rows[0]!.length < 3) return false;
  const named = rows.slice(1).filter((r) => {
    const c = columnOf(r[0]?.trim() ?? '');
    return c !== null && c.role !== 'id' && c.role !== 'title';
  }).length;
  const heads = rows[0]!.slice(1).filter((c) => RE_ROW_HEAD.test(c.trim())).length;
  return named >= 3 && named * 3 >= (rows.length - 1) * 2 && heads >= 2 && heads * 3 >= (rows[0]!.length - 1) * 2;
}

/** A pipe table's row: its line, its cells (each as its pieces) and its pipes. */
interface PipeRow {
  index: number;
  cells: Range[][];
  pipes: Range[];
}

type Layout = (Range & { kind: 'table-layout' | 'table-header' | 'footnote' })[];

function pipeTable(text: string, lines: readonly TableLine[], first: number): Table | null {
  const bare = bareBars(lines[first]!.raw);
  if (!RE_PIPE_ROW.test(lines[first]!.raw) && !RE_GRID_BORDER.test(lines[first]!.raw) && bare < 2) return null;
  const layout: Layout = [];
  const read = pipeRows(text, lines, first, layout, RE_PIPE_ROW.test(lines[first]!.raw) ? 0 : bare);
  if (!read) return null;
  const { taken } = read;
  let rows = read.rows;
  const cellText = (r: readonly Range[]): string => cellTextOf(text, r);
  // A table of directions turned on its side (a comparison table: `| 指南方向 | 1.1 中国和德国… | 1.2 … |`,
  // then a row per field): a direction per column, read as if each column were a row.
  if (isTransposed(rows.map((r) => r.cells.map(cellText)))) {
    for (const r of rows) layout.push(...r.pipes.map((p) => ({ ...p, kind: 'table-layout' as const })));
    const width = Math.max(...rows.map((r) => r.cells.length));
    rows = Array.from({ length: width }, (_, j) => ({ index: rows[0]!.index, cells: rows.map((r) => r.cells[j] ?? []), pipes: [] }));
  }
  const { h, header, twoRows, upper } = pipeHeader(text, rows, layout);
  const width = header.cells.length;
  const ticks = twoRows ? tickColumns(text, upper, header) : new Map<number, readonly Range[]>();
  const years = twoRows ? yearColumns(text, upper, header) : new Map<number, readonly Range[]>();
  const units = captionUnits(rows.slice(0, h).map((r) => cellText(r.cells[0] ?? [])).join(' '));
  const columns = header.cells.map((c, k) => {
    if (ticks.has(k)) return TICK_COLUMN;
    // (Money split by year over its total: the years one field kept as text, the total the funding.)
    const money = years.size > 0 && isSplitMoney(upper.cells.map(cellText), k) ? columnOf(cellText(upper.cells[k]!)) : null;
    if (money) return years.has(k) ? { role: 'other' as const, unit: money.unit, label: '分年度国拨经费' } : money;
    return withCaptionUnit(columnOf(cellText(c)), units);
  });
  const fields = fieldsTable(text, { rows, h, header, width, taken, first, layout });
  if (fields) return fields;
  if (isDirectionHeader(columns)) {
    const body = directionRows(text, lines, { rows, h, header, twoRows, width, columns, layout });
    for (const p of header.pipes) layout.push({ ...p, kind: 'table-layout' });
    return { kind: 'directions', lines: taken, first, columns, header: header.cells, rows: body, layout: sortRanges(layout), ...(ticks.size > 0 ? { ticks } : {}), ...(years.size > 0 ? { years } : {}) };
  }
  // A direction per row: its number and title, then its fields with their labels in one cell.
  return cardsTable(text, { rows, h, header, width, columns, taken, first, layout });
}

/**
 * A table of cards, a direction per row with its fields and their labels in one cell: `number title |
 * fields` (two columns), or `序号 | 指南方向 | 方向要求` (three, each row's `合作协议：…<br>领域方向：…`
 * in its third cell; number and title one head, a row across the table a caption read once). Null
 * where too few rows are such cards.
 */
function cardsTable(
  text: string,
  t: { rows: readonly PipeRow[]; h: number; header: PipeRow; width: number; columns: readonly (Column | null)[]; taken: Set<number>; first: number; layout: Layout },
): Table | null {
  const { rows, h, header, width, layout } = t;
  const cellText = (r: readonly Range[]): string => cellTextOf(text, r);
  const three = width === 3 && t.columns[0]?.role === 'id' && t.columns[1]?.role === 'title';
  if (width !== 2 && !three) return null;
  const body = rows.slice(h + 1).filter((r) => r.cells.length === width);
  const captions = three ? body.filter((r) => isCaptionRow(r.cells.map(cellText))) : [];
  const cards = body.filter((r) => !captions.includes(r) && (three || RE_ROW_HEAD.test(cellText(r.cells[0]!).trim())) && runOnLabelStarts(`。${cellText(r.cells[width - 1]!)}`).length >= 2);
  const enough = three ? (cards.length + captions.length) * 4 >= body.length * 3 : cards.length * 2 >= body.length;
  if (cards.length === 0 || !enough) return null;
  layout.push(...header.cells.flat().map((r) => ({ ...r, kind: 'table-header' as const })));
  for (const r of rows) layout.push(...r.pipes.map((p) => ({ ...p, kind: 'table-layout' as const })));
  for (const r of captions) for (const c of r.cells.slice(1)) for (const p of c) layout.push({ ...p, kind: 'table-layout' });
  const cells = (r: PipeRow): Range[][] => (captions.includes(r) ? [r.cells[0]!] : three ? [[...r.cells[0]!, ...r.cells[1]!], r.cells[2]!] : r.cells);
  const out = three ? body : rows.slice(h + 1);
  return { kind: 'cards', lines: t.taken, first: t.first, columns: [], header: [], rows: out.map((r) => ({ line: r.index, cells: cells(r) })), layout: sortRanges(layout) };
}

/**
 * The rows of a pipe table from line `first` (or a grid table's: its borders part the rows, a
 * row's cells wrapped over the lines between two), its rules logged as layout; null for fewer than
 * two rows.
 */
function pipeRows(text: string, lines: readonly TableLine[], first: number, layout: Layout, bare = 0): { rows: PipeRow[]; taken: Set<number> } | null {
  let rows: PipeRow[] = [];
  const taken = new Set<number>();
  let borders = 0;
  const rowOf: number[] = [];
  for (let i = first; i < lines.length; i++) {
    const l = lines[i]!;
    if (TRANSPARENT.has(l.cls)) continue;
    const border = RE_GRID_BORDER.test(l.raw);
    // (A table without outer bars: each row as many bars as its header, blank lines ending it.)
    if (bare > 0 ? bareBars(l.raw) !== bare || l.cls === 'blank' : !RE_PIPE_ROW.test(l.raw) && !border) break;
    taken.add(i);
    if (border || RE_PIPE_RULE.test(l.raw)) {
      if (border) borders++;
      layout.push({ ...trimRange(text, l.start, l.end, i), kind: 'table-layout' });
      continue;
    }
    rows.push({ index: i, ...pipeCells(text, l, i, bare > 0) });
    rowOf.push(borders);
  }
  if (borders >= 2) {
    const merged: PipeRow[] = [];
    rows.forEach((r, k) => {
      const last = merged[merged.length - 1];
      if (last && k > 0 && rowOf[k] === rowOf[k - 1] && last.cells.length === r.cells.length) {
        r.cells.forEach((c, j) => last.cells[j]!.push(...c));
        last.pipes.push(...r.pipes);
      } else merged.push({ index: r.index, cells: r.cells.map((c) => [...c]), pipes: [...r.pipes] });
    });
    rows = merged;
  }
  return rows.length < 2 ? null : { rows, taken };
}

/**
 * The header row: after the rows above it that are one cell merged across the table (its title:
 * captions), and, where it has two rows (`支持规模` merged over `拟支持项目数（个）` and `国拨经费（万元）`,
 * the cells merged down repeated in both), one header, each column named by its lower cell where
 * that differs.
 */
function pipeHeader(text: string, rows: readonly PipeRow[], layout: Layout): { h: number; header: PipeRow; twoRows: boolean; upper: PipeRow } {
  const cellText = (r: readonly Range[]): string => cellTextOf(text, r);
  let h = 0;
  while (h < rows.length - 2 && isCaptionRow(rows[h]!.cells.map(cellText))) h++;
  if (h > 0 && !isDirectionHeader(rows[h]!.cells.map((c) => columnOf(cellText(c))))) h = 0;
  const upper = rows[h]!;
  const lower = rows[h + 1];
  const twoRows = lower !== undefined && rows.length > h + 2 && isLowerHeader(upper.cells.map(cellText), lower.cells.map(cellText));
  if (!twoRows) return { h, header: upper, twoRows, upper };
  const header: PipeRow = {
    index: upper.index,
    cells: upper.cells.map((c, k) => {
      const l = lower.cells[k] ?? [];
      return cellText(l) === '' || cellText(l) === cellText(c) ? c : l;
    }),
    pipes: [...upper.pipes, ...lower.pipes],
  };
  layout.push(...lower.cells.flatMap((c, k) => (cellText(c) === cellText(header.cells[k] ?? []) && c !== header.cells[k] ? c : [])).map((r) => ({ ...r, kind: 'table-header' as const })));
  return { h, header, twoRows, upper };
}

const TICK_COLUMN: Column = { role: 'partners', unit: null, label: '合作国家' };

/**
 * The columns of a tick grid: an upper header cell naming partners (`重点合作国别`, `合作国家`) merged over
 * two columns or more, each named below by a partner (`哈萨克斯坦`, …, `其他`): each such column's lower cell.
 */
function tickColumns(text: string, upper: PipeRow, header: PipeRow): Map<number, readonly Range[]> {
  const cellText = (r: readonly Range[]): string => cellTextOf(text, r);
  const top = upper.cells.map(cellText);
  const out = new Map<number, readonly Range[]>();
  for (let k = 0; k < top.length; ) {
    let end = k + 1;
    while (end < top.length && top[end] === top[k]) end++;
    const lowerDiffers = (j: number): boolean => header.cells[j] !== upper.cells[j] && cellText(header.cells[j] ?? []) !== '';
    if (end - k >= 2 && columnOf(top[k]!)?.role === 'partners' && Array.from({ length: end - k }, (_, i) => k + i).every(lowerDiffers)) {
      for (let j = k; j < end; j++) out.set(j, header.cells[j]!);
    }
    k = end;
  }
  return out;
}

/** The columns of money split by year under a header merged over them (`国拨经费（万元）` over `2027年 | 2028年 | 合计`): each year's lower cell. */
function yearColumns(text: string, upper: PipeRow, header: PipeRow): Map<number, readonly Range[]> {
  const cellText = (r: readonly Range[]): string => cellTextOf(text, r);
  const top = upper.cells.map(cellText);
  const out = new Map<number, readonly Range[]>();
  header.cells.forEach((c, k) => {
    if (RE_YEAR_HEAD.test(cellText(c)) && isSplitMoney(top, k)) out.set(k, c);
  });
  return out;
}

/** The units a caption above a table states for its bare figures (`单位：项、万元`): the money's. */
function captionUnits(caption: string): { money: string | null } {
  const m = /单位[：:]\s*([^|｜\n]{1,20})/.exec(caption);
  const money = m ? (/亿元/.exec(m[1]!) ?? /万元/.exec(m[1]!) ?? /(?<![万亿])元/.exec(m[1]!)) : null;
  return { money: money ? money[0] : null };
}

/** A money column without a unit of its own takes the caption's. */
function withCaptionUnit(c: Column | null, units: { money: string | null }): Column | null {
  if (!c || c.unit !== null || units.money === null) return c;
  return c.role === 'funding' || c.label === '单项资助上限' ? { ...c, unit: units.money } : c;
}

/**
 * Columns of labels and values (whatever the header calls them: `地区` over a group's names is no
 * partner column where the next column's cells are field labels): two of them (`| 合作协议 | 《…》 |`),
 * or beside a column that groups them (`| 区域 | 项目 | 指南方向及要求 |`: the region merged down its
 * directions, then a direction's title across the row, then a row per field), the group's name the
 * table's layout (the directions' titles say who they are with); read as a table of two columns.
 * Null where the table is none such.
 */
function fieldsTable(text: string, t: { rows: readonly PipeRow[]; h: number; header: PipeRow; width: number; taken: Set<number>; first: number; layout: Layout }): Table | null {
  const { rows, h, header, width, layout } = t;
  const cellText = (r: readonly Range[]): string => cellTextOf(text, r);
  const isLabel = (c: readonly Range[] | undefined): boolean => c !== undefined && fieldLabelAt(`${plainIdeographs(cellText(c)).replace(/[\s：:]+$/, '')}：`) !== null;
  const labelledIn = (j: number): number => rows.filter((r) => r.cells.length === width && isLabel(r.cells[j])).length;
  // (Beside a group column, labels on two rows of the body at least: a header that names fields,
  // `| 编号 | 指南方向 | 拟支持项目数 | 国拨经费（万元） |`, over one row is a summary table.)
  const bodyLabelled = (j: number): number => rows.filter((r, k) => k !== h && r.cells.length === width && isLabel(r.cells[j])).length;
  // (Or three, the last a column of notes under a header that names it: `| 字段 | 内容 | 备注 |`; each
  // row's note a line of its own after its field, `注：…`, never the field's value.)
  const noted = width === 3 && labelledIn(0) * 2 >= rows.length && RE_FIELD_TABLE_HEADER.test(header.cells.map(cellText).join('|').replace(/\s+/g, ''));
  const paired = pairedFields(text, t, isLabel);
  if (paired) return paired;
  const j = width === 2 || noted ? (labelledIn(0) * 2 >= rows.length ? 0 : undefined) : width <= 4 ? [1, 2].find((c) => c + 1 < width && bodyLabelled(c) >= 2 && bodyLabelled(c) * 2 >= rows.length - 1) : undefined;
  if (j === undefined) return null;
  // A header row naming the columns (`| 项目 | 内容 |`, `| 区域 | 项目 | 指南方向及要求 |`): no field.
  const named = j === 0 ? RE_FIELD_TABLE_HEADER.test(header.cells.map(cellText).join('|').replace(/\s+/g, '')) : !isLabel(header.cells[j]) && !RE_ROW_HEAD.test(cellText(header.cells[j] ?? []).trim());
  const head = named ? 1 : 0;
  if (head) layout.push(...header.cells.flat().map((r) => ({ ...r, kind: 'table-header' as const })));
  for (const r of rows.slice(head)) {
    layout.push(...r.pipes.map((p) => ({ ...p, kind: 'table-layout' as const })));
    for (const c of r.cells.slice(0, j)) for (const p of c) layout.push({ ...p, kind: 'table-layout' });
  }
  if (head) layout.push(...header.pipes.map((p) => ({ ...p, kind: 'table-layout' as const })));
  return {
    kind: 'fields',
    lines: t.taken,
    first: t.first,
    columns: [],
    header: [],
    rows: rows.slice(head).map((r) => ({ line: r.index, cells: j === 0 ? r.cells : [r.cells[j] ?? [], r.cells.slice(j + 1).flat()] })),
    layout: sortRanges(layout),
  };
}

/**
 * A table of fields two to a row (`| 拟支持项目数 | 6个 | 实施周期 | 3年 |`), a field alone on its row
 * taking the row's other three cells (a value merged across them, which a Word reader gives in
 * each: `| 合作协议 | 《…》 | 《…》 | 《…》 |`): four columns, a label in the first of every row and
 * in the third where a row holds two. Each pair is a row of two cells; the copies of a merged value
 * are layout. Null where the table is none such.
 */
function pairedFields(text: string, t: { rows: readonly PipeRow[]; taken: Set<number>; first: number; layout: Layout }, isLabel: (c: readonly Range[] | undefined) => boolean): Table | null {
  const { rows, layout } = t;
  const cellText = (r: readonly Range[]): string => cellTextOf(text, r).trim();
  if (rows.length < 2 || rows.some((r) => r.cells.length !== 4 || !isLabel(r.cells[0]))) return null;
  const merged = (r: PipeRow): boolean => cellText(r.cells[1]!) === cellText(r.cells[2]!) && cellText(r.cells[2]!) === cellText(r.cells[3]!);
  // (Every row a field alone, its value merged across: a table of two columns drawn on a grid of four.)
  if (rows.some((r) => !merged(r) && !isLabel(r.cells[2]))) return null;
  const out: { line: number; cells: Range[][] }[] = [];
  for (const r of rows) {
    layout.push(...r.pipes.map((p) => ({ ...p, kind: 'table-layout' as const })));
    if (merged(r)) {
      for (const c of r.cells.slice(2)) for (const p of c) layout.push({ ...p, kind: 'table-layout' });
      out.push({ line: r.index, cells: [r.cells[0]!, r.cells[1]!] });
    } else out.push({ line: r.index, cells: [r.cells[0]!, r.cells[1]!] }, { line: r.index, cells: [r.cells[2]!, r.cells[3]!] });
  }
  return { kind: 'fields', lines: t.taken, first: t.first, columns: [], header: [], rows: out, layout: sortRanges(layout) };
}

/**
 * The rows of a table of directions below its header: a header repeated after a page break is
 * layout; a caption (a cell merged across the row) is read once; a row without its number under
 * one that has one goes on in it (a PDF prints the rest of a long row at the top of the next page);
 * so does a row that repeats the one above in its number and name (cells merged down a row group).
 */
function directionRows(
  text: string,
  lines: readonly TableLine[],
  t: { rows: readonly PipeRow[]; h: number; header: PipeRow; twoRows: boolean; width: number; columns: readonly (Column | null)[]; layout: Layout },
): TableRow[] {
  const { rows, h, header, width, columns, layout } = t;
  const cellText = (r: readonly Range[]): string => cellTextOf(text, r);
  const idCol = columns.findIndex((c) => c?.role === 'id');
  const titleCol = columns.findIndex((c) => c?.role === 'title');
  // (Without a title column, the rows are named by their category, `项目类别` / `外国青年人才`, a
  // talent programme's table of kinds; else by their partners.)
  const kindCol = kindColumn(columns);
  const nameCol = titleCol >= 0 ? titleCol : kindCol >= 0 ? kindCol : columns.findIndex((c) => c?.role === 'partners');
  const headerText = header.cells.map(cellText).join('|');
  const body: TableRow[] = [];
  for (const [k, r] of rows.entries()) {
    if (k === h || (t.twoRows && k === h + 1)) continue;
    // The header repeated after a page break.
    if (k > h && r.cells.map(cellText).join('|') === headerText) {
      layout.push({ ...trimRange(text, lines[r.index]!.start, lines[r.index]!.end, r.index), kind: 'table-header' });
      continue;
    }
    layout.push(...r.pipes.map((p) => ({ ...p, kind: 'table-layout' as const })));
    // A cell merged across the whole row, its text in every column (as the readers write it): a
    // caption, read once; its copies are layout.
    if (isCaptionRow(r.cells.map(cellText)) && (k < h || width >= 2)) {
      for (const c of r.cells.slice(1)) for (const p of c) layout.push({ ...p, kind: 'table-layout' });
      body.push({ line: r.index, cells: [r.cells[0]!], caption: true });
      continue;
    }
    const prev = body[body.length - 1];
    const total = r.cells.some((c) => RE_TOTAL_TEXT.test(cellText(c)));
    if (idCol >= 0 && !total && (r.cells[idCol] ?? []).length === 0 && prev && !prev.caption && (prev.cells[idCol] ?? []).length > 0 && r.cells.some((c) => c.length > 0)) {
      body[body.length - 1] = { ...prev, cells: prev.cells.map((c, j) => [...c, ...(r.cells[j] ?? [])]) };
      continue;
    }
    const same = (j: number): boolean => j >= 0 && prev !== undefined && !prev.caption && cellText(r.cells[j] ?? []).trim() !== '' && cellText(r.cells[j] ?? []).trim() === cellText(prev.cells[j] ?? []).trim();
    if (prev && !total && same(idCol) && same(nameCol)) {
      body[body.length - 1] = { ...prev, cells: prev.cells.map((c, j) => mergedDown(text, c, r.cells[j] ?? [], layout)) };
      continue;
    }
    body.push({ line: r.index, cells: Array.from({ length: width }, (_, j) => r.cells[j] ?? []) });
  }
  return body;
}

/** A cell of a row merged down into the row above: a copy of the one above is layout, another text goes on in it. */
function mergedDown(text: string, above: readonly Range[], next: readonly Range[], layout: Layout): Range[] {
  if (cellTextOf(text, next).trim() === cellTextOf(text, above).trim()) {
    for (const p of next) layout.push({ ...p, kind: 'table-layout' });
    return [...above];
  }
  return [...above, ...next];
}

// ---------------------------------------------------------------------------------------------
// Tab-separated tables (a spreadsheet copy): cells parted by tabs; a cell in quotes may hold line
// breaks and doubled quotes, as Excel writes it.

/** An item marker at the start of a text: `（2）`, `2.`, `2、`, `2）`, `②`; its number. */
function itemNumber(t: string): number | null {
  const m = matchMarker(t);
  return m && ITEM_MARKERS.has(m.type) ? m.value : null;
}
const ITEM_MARKERS: ReadonlySet<MarkerType> = new Set(['paren-arabic', 'arabic-dot', 'arabic-comma', 'arabic-paren', 'circled']);

/** Whether `line` goes on with a cell whose text so far is `cell`: its list's next item, or text after an open end. */
function continuesCell(cell: string, line: string): boolean {
  if (/[，、（(《“—]$/.test(cell.trim())) return true;
  const next = itemNumber(line.trim());
  if (next === null || next < 2) return false;
  // The item before it is in the cell: `（1）…` when `line` is `（2）…`.
  const numbers = [...cell.matchAll(/[（(](\d{1,2})[）)]|(?:^|[；;。])\s*(\d{1,2})[.．、）)]|([\u2460-\u2473])/g)].map((m) => (m[3] ? m[3].codePointAt(0)! - 0x2460 + 1 : Number(m[1] ?? m[2])));
  return numbers.includes(next - 1);
}

function tabTable(text: string, lines: readonly TableLine[], first: number): Table | null {
  const head = lines[first]!;
  // Tab-separated (Word, Excel's copy), or comma-separated: a CSV export of a 科研管理系统's table,
  // its header line with no other commas than the separators (`方向编号,方向名称,合作协议,…`).
  // (Or cells parted by one full-width space each, as a table pasted into a text box keeps them:
  // `序号　合作方　指南方向　…`; only where the header names a table of directions.)
  const sep = (head.raw.match(/\t/g) ?? []).length >= 2 ? '\t' : (head.raw.match(/,/g) ?? []).length >= 2 && !/[，。；"]/.test(head.raw) ? ',' : head.raw.trim().split('\u3000').filter((c) => c.trim() !== '').length >= 4 ? '\u3000' : null;
  if (sep === null) return null;
  const records = new SeparatedRecords(text, lines, first, sep).read(head.start);
  if (records.length < 2) return null;
  return separatedTable(text, records, first, sep);
}

/** A record of a separated table: each cell's pieces, its quotes (layout), and the lines it takes (0-based). */
interface SeparatedRecord {
  readonly cells: Range[][];
  readonly quotes: Range[];
  readonly lines: number[];
  /** A group's caption between the rows (`（一）内地与香港科技合作`, a line of one cell). */
  readonly caption?: boolean;
}

/** Reads the records of a tab- or comma-separated table, a line each (a quoted cell may hold line breaks, a cell's own line may follow its row). */
class SeparatedRecords {
  private readonly end: number;

  constructor(
    private readonly text: string,
    private readonly lines: readonly TableLine[],
    private readonly first: number,
    private readonly sep: '\t' | ',' | '\u3000',
  ) {
    this.end = text.length;
  }

  /** The records from offset `at` on, up to the line that ends the table. */
  read(at: number): SeparatedRecord[] {
    const records: SeparatedRecord[] = [];
    while (at < this.end) {
      const startLine = this.lineAt(at);
      const { cells, quotes, i } = this.cellsAt(at);
      if (cells.length < 3) {
        if (this.continuesRow(records, cells, at)) {
          at = this.nextLine(i);
          continue;
        }
        // A group's caption between the rows (`（一）内地与香港科技合作`), under the header.
        const only = cells.flat();
        if (records.length >= 1 && only.length === 1 && RE_ROW_CAPTION.test(cellTextOf(this.text, only).trim())) {
          records.push({ cells: [only], quotes: [], lines: [startLine], caption: true });
          at = this.nextLine(i);
          continue;
        }
        break;
      }
      // A row whose cells past the first are all empty, under rows read already (Excel's copy of a
      // sheet pads every line with tabs: a line of text after the table, `四、申报要求⇥⇥⇥…`, or an
      // empty one): the table has ended.
      if (records.length >= 2 && cells.slice(1).every((c) => c.length === 0)) break;
      const last = this.lineAt(Math.min(i, this.end - 1));
      records.push({ cells, quotes, lines: Array.from({ length: last - startLine + 1 }, (_, k) => startLine + k) });
      at = this.nextLine(i);
    }
    return records;
  }

  /** The line of the table (0-based) that holds offset `offset`. */
  private lineAt(offset: number): number {
    let k = this.first;
    while (k + 1 < this.lines.length && this.lines[k + 1]!.start <= offset) k++;
    return k;
  }

  /** Where the line after the one that ends at `i` starts. */
  private nextLine(i: number): number {
    return i + (this.text[i] === '\r' && this.text[i + 1] === '\n' ? 2 : 1);
  }

  /** The cells of the record that starts at `at` (`""` in a quoted cell is one `"`), its quotes, and where it ends. */
  private cellsAt(at: number): { cells: Range[][]; quotes: Range[]; i: number } {
    const { text, end } = this;
    const cells: Range[][] = [];
    const quotes: Range[] = [];
    let pieces: Range[] = [];
    let i = at;
    let quoted = false;
    let from = i;
    const closePiece = (to: number): void => {
      const r = trimRange(text, from, to, this.lineAt(from));
      if (r.end > r.start) pieces.push(r);
    };
    for (; i <= end; i++) {
      const c = i < end ? text[i]! : '\n';
      if (quoted) {
        if (c === '"' && text[i + 1] === '"') {
          // `""` inside a quoted cell is one `"`: the first goes, the second is text.
          closePiece(i);
          quotes.push({ start: i, end: i + 1, line: this.lineAt(i) });
          i++;
          from = i;
        } else if (c === '"') {
          closePiece(i);
          quotes.push({ start: i, end: i + 1, line: this.lineAt(i) });
          quoted = false;
          from = i + 1;
        } else if (c === '\n' || c === '\r') {
          closePiece(i);
          from = i + 1;
        }
        continue;
      }
      if (c === '"' && i === from && pieces.length === 0) {
        quotes.push({ start: i, end: i + 1, line: this.lineAt(i) });
        quoted = true;
        from = i + 1;
      } else if (c === this.sep) {
        closePiece(i);
        cells.push(pieces);
        pieces = [];
        from = i + 1;
      } else if (c === '\n' || c === '\r') {
        closePiece(i);
        cells.push(pieces);
        break;
      }
    }
    return { cells, quotes, i };
  }

  /**
   * A line without tabs below a row: a cell's own line break (Word writes a paragraph in a
   * cell as a line of its own), where it goes on with the list the row's last cell numbers
   * (`（1）…；` then `（2）…`) or the cell ends open: read into that cell. Anything else ends the table (`注：…`).
   */
  private continuesRow(records: readonly SeparatedRecord[], cells: readonly Range[][], at: number): boolean {
    const prev = records[records.length - 1];
    const lastCell = prev?.cells[prev.cells.length - 1];
    const line = cells.flat();
    if (!prev || !lastCell || line.length === 0 || !continuesCell(cellTextOf(this.text, lastCell), cellTextOf(this.text, line))) return false;
    lastCell.push(...line);
    const lineIndex = this.lineAt(at);
    if (!prev.lines.includes(lineIndex)) prev.lines.push(lineIndex);
    return true;
  }
}

/** The table of directions a separated table's records make (the first its header), or null where its header names no directions. */
function separatedTable(text: string, records: readonly SeparatedRecord[], first: number, sep: '\t' | ',' | '\u3000'): Table | null {
  const cellText = (r: readonly Range[]): string => cellTextOf(text, r);
  const header = records[0]!;
  const columns = header.cells.map((c) => columnOf(cellText(c)));
  if (!isDirectionHeader(columns)) return sep === '\t' ? dataTable(text, records, first) : null;
  const taken = new Set(records.flatMap((r) => r.lines));
  const layout = records.flatMap((r) => r.quotes.map((q) => ({ ...q, kind: 'table-layout' as const })));
  const rows = records.slice(1).map((r) => (r.caption ? { line: r.lines[0]!, cells: [r.cells[0]!], caption: true } : { line: r.lines[0]!, cells: columns.map((_, k) => r.cells[k] ?? []) }));
  return { kind: 'directions', lines: taken, first, columns, header: header.cells, rows, layout: sortRanges(layout) };
}

/**
 * A small table of figures inside a direction's text, tab-separated (`序号⇥指标名称⇥指标值` over
 * `1⇥峰值扭矩密度⇥≥200 N·m/kg`): a header of short cells naming no direction's columns, and rows of
 * as many cells. Its header is layout; each row is written as a line of its own, so that a row's
 * number is never a heading's.
 */
function dataTable(text: string, records: readonly SeparatedRecord[], first: number): Table | null {
  const header = records[0]!;
  const width = header.cells.length;
  if (width < 3 || !header.cells.every((c) => RE_DATA_HEADER_CELL.test(cellTextOf(text, c)))) return null;
  const body = records.slice(1).filter((r) => !r.caption);
  if (body.length === 0 || body.length !== records.length - 1 || !body.every((r) => r.cells.length === width)) return null;
  const layout: Layout = [...header.cells.flat().map((r) => ({ ...r, kind: 'table-header' as const })), ...records.flatMap((r) => r.quotes.map((q) => ({ ...q, kind: 'table-layout' as const })))];
  return { kind: 'data', lines: new Set(records.flatMap((r) => r.lines)), first, columns: [], header: header.cells, rows: body.map((r) => ({ line: r.lines[0]!, cells: r.cells })), layout: sortRanges(layout) };
}

/** A header cell of a table of figures: a short name, no clause in it. */
const RE_DATA_HEADER_CELL = /^[^。；;，,：:]{1,12}$/;

// ---------------------------------------------------------------------------------------------
// Spaced tables (`pdftotext -layout`)

/** The fragments of line `index` with CJK characters `width` columns wide. */
const fragments = (text: string, l: TableLine, index: number, width: CjkWidth): Fragment[] => lineFragments(text, l.start, l.end, index, width);

interface Grid {
  /** Left edge of each column (display columns); the first is -Infinity. */
  readonly left: readonly number[];
  readonly columns: readonly (Column | null)[];
  readonly header: readonly Fragment[][];
  readonly lines: readonly number[];
  /** A title column and a content column (`指南方向 | 内容及要求`): a table of cards. */
  readonly cards?: boolean;
  /** The row number and further fields, no title: the further columns of a table before (`isContinuationHeader`). */
  readonly continuation?: boolean;
}

/** The column a fragment stands in: the last whose left edge is at or before its start. */
function columnAt(grid: Grid, f: Fragment): number {
  let k = 0;
  while (k + 1 < grid.left.length && grid.left[k + 1]! <= f.from) k++;
  return k;
}

/** Whether the fragment fits in its column (a line of running text does not: it crosses columns). */
function fits(grid: Grid, f: Fragment): boolean {
  const k = columnAt(grid, f);
  const right = grid.left[k + 1] ?? Infinity;
  return f.to <= right + 1;
}

const RE_HEADER_PIECE = /^[\u4e00-\u9fff（）()/／\s]{1,12}$/;

/** Whether two display spans overlap (with `slack` columns). */
const overlaps = (a: { from: number; to: number }, b: { from: number; to: number }, slack = 1): boolean => a.from < b.to + slack && b.from < a.to + slack;

/** Header pieces of a content line, or null when the line holds anything else. */
function headerPieces(text: string, lines: readonly TableLine[], k: number, width: CjkWidth): Fragment[] | null {
  if (k < 0 || k >= lines.length || lines[k]!.cls !== 'content') return null;
  const f = fragments(text, lines[k]!, k, width);
  return f.length > 0 && f.every((x) => RE_HEADER_PIECE.test(text.slice(x.start, x.end))) ? f : null;
}

/**
 * The header at line `first`, or null. Its cells may wrap onto the line below (`拟支持` / `项目数`,
 * `拟支持经费` / `（万元）`) or above, and a cell above may span sub-columns named below it
 * (`经费（万元）` over `国拨` and `自筹`): each sub-column is named by both (`国拨经费（万元）`).
 */
function headerAt(text: string, lines: readonly TableLine[], first: number, width: CjkWidth): Grid | null {
  const top = headerPieces(text, lines, first, width);
  // (Two columns only where both name a direction's figures: `拟支持项目数    共拟支持经费` over
  // `约6个           900万元人民币`, a direction's fields in a small table.)
  // (Or a direction's title over what it asks, `指南方向      内容及要求`: a card per row, its fields in
  // the second column, `cards`.)
  const cards = top !== null && top.length === 2 && RE_TITLE_HEADER.test(text.slice(top[0]!.start, top[0]!.end).trim()) && RE_CONTENT_HEADER.test(text.slice(top[1]!.start, top[1]!.end).trim());
  if (!top || top.length < 2 || (top.length === 2 && !cards && !top.every((f) => FIGURE_COLUMN_ROLES.has(columnOf(text.slice(f.start, f.end))?.role ?? '')))) return null;
  const cols: { span: { from: number; to: number }; pieces: Fragment[] }[] = top.map((f) => ({ span: { from: f.from, to: f.to }, pieces: [f] }));
  const used = [first];
  const nextContent = (k: number, step: number): number => {
    let j = k + step;
    while (j >= 0 && j < lines.length && lines[j]!.cls === 'blank') j += step;
    return j;
  };
  // The line below: wrapped ends of cells, or sub-columns under a cell of the line above.
  const belowAt = nextContent(first, 1);
  const below = headerPieces(text, lines, belowAt, width);
  // (A line of more names below is the header's own line, this one the first of its names wrapped
  // over three lines: the header is read from there.)
  if (below && below.length > top.length && !cards) return null;
  const subColumns: number[] = [];
  if (below && below.length < top.length) {
    for (const f of below) {
      const k = cols.findIndex((c) => overlaps(c.span, f));
      if (k >= 0) cols[k]!.pieces.push(f);
      else {
        cols.push({ span: { from: f.from, to: f.to }, pieces: [f] });
        subColumns.push(cols.length - 1);
      }
    }
    cols.sort((x, y) => x.span.from - y.span.from);
    used.push(belowAt);
  }
  // The line above: a cell over sub-columns names them; over one cell it begins that cell.
  const aboveAt = nextContent(first, -1);
  const above = headerPieces(text, lines, aboveAt, width);
  if (above && above.length < top.length && above.every((f) => cols.some((c) => overlaps(c.span, f, 4)))) {
    for (const f of above) {
      const under = cols.filter((c) => overlaps(c.span, { from: f.from - 4, to: f.to + 4 }, 0));
      const subs = under.filter((c) => !top.some((t) => t.start === c.pieces[0]!.start));
      // Over several sub-columns it names each (after its own name); over one column alone it is
      // the first line of that column's name (`合作国家（组` / `织）` around a middle line of
      // vertically centred one-line names).
      if (subs.length > 1) for (const c of subs) c.pieces.push(f);
      else if (subs.length === 1) subs[0]!.pieces.unshift(f);
      else if (under.length === 1) under[0]!.pieces.unshift(f);
    }
    used.unshift(aboveAt);
  }
  if (subColumns.length > 0 && !above) return null;
  const cells = cols.map((c) => c.pieces);
  const columns = cells.map((c) => columnOf(c.map((r) => text.slice(r.start, r.end)).join('')));
  const continuation = !cards && isContinuationHeader(columns);
  if (!cards && !continuation && !isDirectionHeader(columns)) return null;
  return { left: leftEdges(cols.map((c) => c.span)), columns, header: cells, lines: used.sort((x, y) => x - y), ...(cards ? { cards: true } : {}), ...(continuation ? { continuation: true } : {}) };
}

/**
 * Column edges: `pdftotext -layout` starts a column's cells where its header starts (two columns of
 * slack); a cell may run on to the next header's start.
 */
function leftEdges(spans: readonly { from: number; to: number }[]): number[] {
  return spans.map((s, k) => (k === 0 ? -Infinity : Math.max(spans[k - 1]!.to, s.from - 2)));
}

const RE_ROW_ID = /^(?:\d{1,3}(?:[.．]\d{1,2}){0,2}[.．、]?|[一二三四五六七八九十]{1,3}、?|[（(][一二三四五六七八九十\d]{1,3}[）)])$/;

/**
 * A spaced table at `first`, read with CJK characters two columns wide and one: the reading whose
 * body cells start where their header cells do (text aligned by counting characters fits the second).
 */
function spacedTable(text: string, lines: readonly TableLine[], first: number): Table | null {
  const readings = ([2, 1] as const).flatMap((width) => spacedTableAt(text, lines, first, width) ?? []);
  // The better aligned, weighed by the lines each reads: a reading that stops after two rows where
  // the other reads the whole table is no better for its two rows' alignment (cells centred in
  // their columns align with their header in neither).
  const weight = (r: { table: Table; fit: number }): number => r.table.lines.size * (1 + r.fit);
  readings.sort((a, b) => weight(b) - weight(a) || b.fit - a.fit);
  return readings[0]?.table ?? driftTable(text, lines, first);
}

// ---------------------------------------------------------------------------------------------
// Spaced tables whose columns drift (`pdftotext -layout` of a proportional CJK font: a column's
// lines start several columns apart, and a cell may be parted from the next by one space only)

/** A single space that parts two cells: between CJK text, or before an item marker (`工 1.研制`). */
const RE_CELL_SPACE = /(?<=[\u4e00-\u9fff，。；：、）》”%])[ \u3000](?=[\u4e00-\u9fff（《“]|\d{1,2}[.．、][^\d])/g;
/** A row number alone at the start of a line, parted from its title by one space (`2 工业视觉…`). */
const RE_ROW_LEAD = /^\d{1,3}(?=[ \u3000](?=\S))/;
/** Money (`1500万元`, `万元`, `每家不超过`): a cell of a funding column. */
const RE_MONEY_PIECE = /(?:万元|亿元|元|每家|每项|每个)/;

/** The fragments of a line of a drifting table: parted by gaps, and by the single spaces that part cells. */
function driftPieces(text: string, l: TableLine, index: number): Fragment[] {
  const out: Fragment[] = [];
  for (const f of fragments(text, l, index, 2)) {
    const piece = text.slice(f.start, f.end);
    const cuts: number[] = [];
    const lead = f.start === fragments(text, l, index, 2)[0]?.start ? RE_ROW_LEAD.exec(piece) : null;
    if (lead) cuts.push(lead[0].length);
    for (const m of piece.matchAll(RE_CELL_SPACE)) cuts.push(m.index);
    let from = 0;
    let col = f.from;
    for (const cut of [...cuts, piece.length]) {
      const part = piece.slice(from, cut);
      if (part.trim() !== '') out.push({ start: f.start + from, end: f.start + cut, line: index, from: col, to: col + displayWidth(part) });
      col += displayWidth(piece.slice(from, cut + 1));
      from = cut + 1;
    }
  }
  return out;
}

/**
 * Assigns a line's pieces to columns, left to right (two pieces may share a column), nearest to
 * the columns' anchors; money goes to the funding column. Returns each piece's column.
 */
function assignColumns(text: string, pieces: readonly Fragment[], anchors: readonly number[], columns: readonly (Column | null)[]): number[] {
  const m = anchors.length;
  const cost = (p: Fragment, k: number): number => {
    const money = RE_MONEY_PIECE.test(text.slice(p.start, p.end));
    const funding = columns[k]?.role === 'funding';
    return Math.abs(p.from - anchors[k]!) + (money && !funding && columns.some((c) => c?.role === 'funding') ? 1000 : 0);
  };
  // best[i][k]: the least cost of pieces 0..i with piece i in column k.
  const best: number[][] = [];
  const from: number[][] = [];
  pieces.forEach((p, i) => {
    best.push([]);
    from.push([]);
    for (let k = 0; k < m; k++) {
      let prev = i === 0 ? 0 : Infinity;
      let arg = -1;
      if (i > 0) for (let j = 0; j <= k; j++) if (best[i - 1]![j]! < prev) [prev, arg] = [best[i - 1]![j]!, j];
      best[i]![k] = prev + cost(p, k);
      from[i]![k] = arg;
    }
  });
  const out = new Array<number>(pieces.length);
  let k = best[pieces.length - 1]!.indexOf(Math.min(...best[pieces.length - 1]!));
  for (let i = pieces.length - 1; i >= 0; i--) {
    out[i] = k;
    k = from[i]![k]!;
  }
  return out;
}

/**
 * A spaced table read row by row where its columns drift: each row starts at its number at the
 * left margin, and its first line, which starts every cell, gives the row's column anchors (else the
 * header's); the lines below go to the nearest columns. The table ends at a line at the left margin
 * that starts no row.
 */
function driftTable(text: string, lines: readonly TableLine[], first: number): Table | null {
  // The header's wrapped cells (`拟支持揭榜` / `单位数`) may be placed by counting characters while
  // the body drifts: the reading that names more columns.
  const named = (g: Grid | null): number => (g ? g.columns.filter((c) => c !== null).length : -1);
  const byWidth = ([2, 1] as const).map((w) => headerAt(text, lines, first, w));
  const grid = named(byWidth[1]!) > named(byWidth[0]!) ? byWidth[1]! : byWidth[0]!;
  if (!grid) return null;
  const idColumn = grid.columns.findIndex((c) => c?.role === 'id');
  if (idColumn !== 0) return null;
  const headerText = grid.header.map((c) => c.map((r) => text.slice(r.start, r.end)).join('')).join('|');
  // The header cells' display columns (CJK two wide), as the body's pieces are measured.
  const displayColumn = (r: Range): number => displayWidth(text.slice(lines[r.line]!.start, r.start).replace(/^\f+/, ''));
  const headerAnchors = grid.header.map((c) => Math.min(...c.filter((r) => r.line === c[0]!.line).map(displayColumn)));
  const taken = new Set<number>(grid.lines);
  const layout: (Range & { kind: 'table-layout' | 'table-header' })[] = [];
  const rows: { line: number; cells: Fragment[][]; anchors: number[] }[] = [];
  const m = grid.columns.length;
  for (let i = Math.max(...grid.lines) + 1; i < lines.length; i++) {
    const l = lines[i]!;
    if (TRANSPARENT.has(l.cls)) continue;
    if (l.cls !== 'content') break;
    const header = ([2, 1] as const).map((w) => headerAt(text, lines, i, w)).find((h) => h && h.header.map((c) => c.map((r) => text.slice(r.start, r.end)).join('')).join('|') === headerText);
    if (header) {
      for (const h of header.lines) {
        taken.add(h);
        layout.push({ ...trimRange(text, lines[h]!.start, lines[h]!.end, h), kind: 'table-header' });
      }
      i = Math.max(...header.lines);
      continue;
    }
    const pieces = driftPieces(text, l, i);
    if (pieces.length === 0) continue;
    const head = pieces[0]!;
    const startsRow = head.from <= headerAnchors[1]! - 2 && RE_ROW_ID.test(text.slice(head.start, head.end)) && pieces.length >= 3;
    if (!startsRow && (rows.length === 0 || head.from <= headerAnchors[0]! + 1)) break;
    if (startsRow) {
      const anchors = pieces.length === m ? pieces.map((p) => p.from) : headerAnchors;
      rows.push({ line: i, cells: grid.columns.map(() => []), anchors });
    }
    const row = rows[rows.length - 1]!;
    assignColumns(text, pieces, row.anchors, grid.columns).forEach((k, j) => row.cells[k]!.push(pieces[j]!));
    taken.add(i);
  }
  if (rows.length < 2) return null;
  return { kind: 'directions', lines: taken, first, columns: grid.columns, header: grid.header, rows: rows.map(({ line, cells }) => ({ line, cells })), layout: sortRanges(layout) };
}

/** The share of body cells that start within two columns of their header cell. */
function alignment(grid: Grid, rows: readonly { cells: readonly (readonly Fragment[])[] }[]): number {
  const starts = grid.header.map((c) => Math.min(...c.filter((r) => r.line === c[0]!.line).map((r) => r.from)));
  let fit = 0;
  let all = 0;
  for (const row of rows) {
    row.cells.forEach((cell, k) => {
      if (!cell[0]) return;
      all++;
      if (Math.abs(cell[0].from - starts[k]!) <= 2) fit++;
    });
  }
  return all === 0 ? 0 : fit / all;
}

function spacedTableAt(text: string, lines: readonly TableLine[], first: number, width: CjkWidth): { table: Table; fit: number } | null {
  const grid = headerAt(text, lines, first, width);
  if (!grid) return null;
  const headerText = grid.header.map((c) => c.map((r) => text.slice(r.start, r.end)).join('')).join('|');
  const idColumn = grid.columns.findIndex((c) => c?.role === 'id');
  const taken = new Set<number>(grid.lines);
  const layout: (Range & { kind: 'table-layout' | 'table-header' })[] = [];
  /** Content lines of the table body, each with its fragments, and whether a blank line came before. */
  const body: { index: number; frags: Fragment[]; blankBefore: boolean }[] = [];
  let blank = false;
  let i = Math.max(...grid.lines) + 1;
  for (; i < lines.length; i++) {
    const l = lines[i]!;
    if (TRANSPARENT.has(l.cls)) {
      if (l.cls === 'blank' || l.cls === 'page-number') blank = true;
      continue;
    }
    if (l.cls !== 'content') break;
    const frags = fragments(text, l, i, width);
    if (frags.length === 0) continue;
    // A rule under the header or between rows (`──────`): the table's layout.
    if (RE_RULE_LINE.test(l.raw)) {
      layout.push({ ...trimRange(text, l.start, l.end, i), kind: 'table-layout' });
      taken.add(i);
      continue;
    }
    /** A header's lines taken as the table's layout (the header again after a page break); the loop goes on after them. */
    const takeHeader = (h: Grid): void => {
      for (const k of h.lines) {
        taken.add(k);
        layout.push({ ...trimRange(text, lines[k]!.start, lines[k]!.end, k), kind: 'table-header' });
      }
      i = Math.max(...h.lines);
      blank = true;
    };
    const named = (h: Grid): string => h.header.map((c) => c.map((r) => text.slice(r.start, r.end)).join('')).join('|');
    // The first line of a header (its names wrapped over three lines) ends the rows: another
    // table's (the further columns of this one, printed on the next page), or this header again.
    const wrapped = headerFromItsFirstLine(text, lines, i, width);
    if (wrapped) {
      if (named(wrapped) !== headerText) break;
      takeHeader(wrapped);
      continue;
    }
    // The header again, after a page break.
    const header = headerAt(text, lines, i, width);
    if (header && named(header) === headerText) {
      takeHeader(header);
      continue;
    }
    if (!frags.every((f) => fits(grid, f))) break;
    // A part heading after a blank line (`二、青年科学家项目`) ends the table, wherever it stands.
    if (blank && frags.length === 1 && RE_PART_HEADING.test(text.slice(frags[0]!.start, frags[0]!.end).trim())) break;
    // So does a field's label with its colon in the first column (`其他要求：` below a row of a
    // direction's figures): the direction's text goes on.
    if (frags.length === 1 && columnAt(grid, frags[0]!) === 0 && labelWithColon(text.slice(frags[0]!.start, frags[0]!.end).trim())) break;
    // The row number's column holds row numbers only: other text there is no longer the table.
    if (idColumn >= 0) {
      const inId = frags.filter((f) => columnAt(grid, f) === idColumn);
      if (inId.some((f) => !RE_ROW_ID.test(text.slice(f.start, f.end)))) break;
    }
    body.push({ index: i, frags, blankBefore: blank });
    taken.add(i);
    blank = false;
  }
  if (body.length === 0) return null;
  const merged = rowsOfBody(grid, body, idColumn);
  if (merged.length === 0) return null;
  // (A table of cards, `指南方向 | 内容及要求`: each row its heading, then its fields as they run.)
  if (grid.cards) {
    for (const h of grid.lines) layout.push({ ...trimRange(text, lines[h]!.start, lines[h]!.end, h), kind: 'table-header' });
    return { table: { kind: 'cards', lines: taken, first, columns: [], header: [], rows: merged, layout: sortRanges(layout) }, fit: alignment(grid, merged) };
  }
  const table: Table = { kind: 'directions', lines: taken, first, columns: grid.columns, header: grid.header, rows: merged, layout: sortRanges(layout), ...(grid.continuation ? { continuation: true } : {}) };
  return { table, fit: alignment(grid, merged) };
}

/** The header whose names start on line `i`, wrapped over it and the lines below (its own line next), or null. */
function headerFromItsFirstLine(text: string, lines: readonly TableLine[], i: number, width: CjkWidth): Grid | null {
  if (!headerPieces(text, lines, i, width)) return null;
  let j = i + 1;
  while (j < lines.length && lines[j]!.cls === 'blank') j++;
  const next = headerAt(text, lines, j, width);
  return next && next.lines.includes(i) ? next : null;
}

/**
 * The rows of a spaced table's body: at each row number; where the table has none, at each block
 * after a blank line (or at each line with text in the first column). Rows with nothing but a
 * continuation (a page break in a cell) belong to the row before.
 */
function rowsOfBody(grid: Grid, body: readonly { index: number; frags: Fragment[]; blankBefore: boolean }[], idColumn: number): { line: number; cells: Fragment[][] }[] {
  const blocks = body.some((b, k) => k > 0 && b.blankBefore);
  const rows: { line: number; cells: Fragment[][] }[] = [];
  for (const b of body) {
    const hasId = idColumn >= 0 && b.frags.some((f) => columnAt(grid, f) === idColumn);
    const current = rows[rows.length - 1];
    // With blank lines between rows (the row number centred in its row), each block is a row, and
    // a second number in one block starts another; otherwise each row number (or text in the first
    // column, where there are none) starts a row.
    const startsRow =
      current === undefined ||
      (blocks ? b.blankBefore || (hasId && current.cells[idColumn]!.length > 0) : idColumn >= 0 ? hasId : b.frags.some((f) => columnAt(grid, f) === 0));
    if (startsRow) rows.push({ line: b.index, cells: grid.columns.map(() => []) });
    const row = rows[rows.length - 1]!;
    for (const f of b.frags) row.cells[columnAt(grid, f)]!.push(f);
  }
  // Rows with nothing but a continuation (a page break in a cell) belong to the row before.
  const merged: { line: number; cells: Fragment[][] }[] = [];
  for (const r of rows) {
    const prev = merged[merged.length - 1];
    if (prev && idColumn >= 0 && r.cells[idColumn]!.length === 0) {
      r.cells.forEach((c, k) => {
        for (const f of c) prev.cells[k]!.push(f);
      });
      continue;
    }
    merged.push(r);
  }
  return merged;
}

/** A header cell that names the column of directions' titles (`指南方向`, `方向名称`, `序号及名称`). */
const RE_TITLE_HEADER = /^(?:指南方向|研究方向|方向名称|指南方向名称|项目名称|序号及(?:方向)?名称|方向)$/;
/** A header cell that names what each direction asks (`内容及要求`, `具体内容`, `有关要求`). */
const RE_CONTENT_HEADER = /^(?:主要|具体|有关)?(?:内容及要求|内容与要求|内容和要求|内容|要求|说明|要求及说明)$/;

/** The roles of a direction's figures, whose two columns alone may make a table. */
const FIGURE_COLUMN_ROLES: ReadonlySet<string> = new Set(['projectCount', 'funding', 'duration', 'perProjectCap']);

/** Text that starts with a field's label and its colon (`其他要求：`, `关键词：…`). */
function labelWithColon(t: string): boolean {
  const label = fieldLabelAt(t);
  return label !== null && /[：:]\s*$/.test(t.slice(0, label.length));
}

// ---------------------------------------------------------------------------------------------
// One cell per line

function cellPerLineTable(text: string, lines: readonly TableLine[], first: number): Table | null {
  // The first header cell is the row number's (序号): most lines start no such table, at once.
  const head = trimRange(text, lines[first]!.start, lines[first]!.end, first);
  if (columnOf(text.slice(head.start, head.end))?.role !== 'id') return null;
  // Cells a line each, or (copied out of WPS or Word with a blank line after each cell) a run of
  // lines each, parted by blank lines: a cell of several items (`1.…` / `2.…`) is one cell.
  const byBlank = lines[first + 1]?.cls === 'blank';
  // A cell that holds a bare number (`1` in the count column) looks like a page number: here it is
  // a cell, as long as every row still starts with its row number.
  const units: number[][] = [];
  let open: number[] | null = null;
  for (let i = first; i < lines.length && units.length < 600; i++) {
    const l = lines[i]!;
    const bareNumber = l.cls === 'page-number' && /^\s*\d{1,3}\s*$/.test(l.raw);
    if (!bareNumber && l.cls === 'blank') {
      open = null;
      continue;
    }
    if (!bareNumber && TRANSPARENT.has(l.cls)) continue;
    if (!bareNumber && l.cls !== 'content') break;
    if (byBlank && open) open.push(i);
    else units.push((open = [i]));
    if (!byBlank) open = null;
  }
  const cell = (i: number): Range => trimRange(text, lines[i]!.start, lines[i]!.end, i);
  const unitText = (u: readonly number[]): string => u.map((i) => text.slice(cell(i).start, cell(i).end)).join('');
  // The header: consecutive short cells that each name a column.
  const columns: Column[] = [];
  let n = 0;
  while (n < units.length && n < 12) {
    const t = unitText(units[n]!);
    const c = RE_HEADER_PIECE.test(t) ? columnOf(t) : null;
    if (!c) break;
    columns.push(c);
    n++;
  }
  if (n < 3 || !isDirectionHeader(columns) || columns[0]!.role !== 'id') return null;
  const rows: TableRow[] = [];
  const taken = new Set<number>(units.slice(0, n).flat());
  let k = n;
  // Each row starts with its number (`1`, `3.1`, `（一）`); a category across the table between rows
  // (`（一）高档数控系统及功能部件`, a cell merged across a row) is a caption; anything else ends it.
  while (k + n <= units.length) {
    const t = unitText(units[k]!);
    if (!RE_ROW_ID.test(t)) {
      const next = units[k + 1];
      if (units[k]!.length === 1 && RE_ROW_CAPTION.test(t) && next && RE_ROW_ID.test(unitText(next))) {
        rows.push({ line: units[k]![0]!, cells: [[cell(units[k]![0]!)]], caption: true });
        taken.add(units[k]![0]!);
        k++;
        continue;
      }
      break;
    }
    const cells = units.slice(k, k + n);
    rows.push({ line: cells[0]![0]!, cells: cells.map((u) => u.map(cell)) });
    for (const u of cells) for (const i of u) taken.add(i);
    k += n;
  }
  if (rows.filter((r) => !r.caption).length === 0) return null;
  return { kind: 'directions', lines: taken, first, columns, header: units.slice(0, n).map((u) => u.map(cell)), rows, layout: [] };
}

/** A category's caption across a table (`（一）高档数控系统及功能部件`): a numbered short title, no clause in it. */
const RE_ROW_CAPTION = /^(?:[（(][一二三四五六七八九十]{1,3}[）)]|[一二三四五六七八九十]{1,3}、)[^。；，：]{2,30}$/;

// ---------------------------------------------------------------------------------------------


function sortRanges<T extends Range>(r: T[]): T[] {
  return r.sort((a, b) => a.start - b.start);
}
