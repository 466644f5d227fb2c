/**
 * The layout of a PDF page from its glyph positions: tables read as rows × cells, and pages set in
 * two columns read column by column. Pure (no pdf.js), so that it is tested with synthetic items;
 * `pdf-lines.ts` calls it on each page's lines once page numbers and running lines are gone.
 *
 * - **Tables.** A table is a block of lines whose text stands in three columns or more, parted by
 *   vertical bands that no glyph of the block enters (a line holding three cells or more seeds it;
 *   lines above, between and below whose pieces each fall in one column belong to it). Where the
 *   page draws ruling lines (`Rule`, read from the operator list by `pdf-rules.ts`), a grid of them
 *   gives the table, its columns and its rows exactly, and cells merged across rows or columns
 *   (no rule between them) are repeated in each cell they cover, as the HTML and Word readers do.
 *   Without rules, rows are parted where the gap between two lines is wider than the lines' pitch
 *   in a cell (a row's padding), or, failing that, at each number of the first column. A cell's
 *   lines are joined as one (`cellText`). The caller writes each row as `| cell | cell |`, the form
 *   `clean` reads tables in (a header repeated after a page break is dropped and logged there).
 * - **Two columns.** A page whose body lines mostly have an empty vertical band (the gutter) with
 *   text on both sides, each side at least a quarter of the text's width and half the other's, the
 *   left one filling its width (prose, not a column of labels), is read column by column: lines that cross the
 *   gutter (a title spanning both columns, a footer) stay where they stand and part the page into
 *   bands; in each band the left column is read, then the right. A page whose right column is short
 *   is read at the gutter the document's other pages have.
 *
 * Coordinates are PDF units, origin bottom-left; lines come top to bottom.
 */
import type { TextItem } from './pdf-lines.js';
import { labelOnly } from '../lexicon/fields.js';

/** A ruling line the page draws: a thin horizontal or vertical rectangle or stroke. */
export interface Rule {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

/** A line of a page: its runs, on one baseline, in x order. */
export interface LayoutLine {
  readonly y: number;
  readonly size: number;
  readonly items: readonly TextItem[];
}

/** A table row: each cell's lines (top to bottom), each line's runs in x order. */
export interface LayoutRow {
  readonly y: number;
  readonly size: number;
  /** 1-based table on the page, and row in the table. */
  readonly table: number;
  readonly row: number;
  readonly cells: readonly (readonly (readonly TextItem[])[])[];
}

export type LayoutBlock =
  | {
      readonly kind: 'line';
      readonly line: LayoutLine;
      readonly column: 'left' | 'right' | null;
      /** On a page of three columns or more: the left edge of the line's column (its paragraphs indent from it). */
      readonly columnX?: number;
      /** A head or foot line the layout tells by its place (set apart above or below the columns, in pieces over several of them). */
      readonly furniture?: 'running-header' | 'running-footer' | 'table-of-contents' | 'margin-note';
    }
  | { readonly kind: 'row'; readonly row: LayoutRow };

/** The empty band between two columns: the left column ends at `left`, the right one starts at `right`. */
export interface Gutter {
  readonly left: number;
  readonly right: number;
}

/** The least gap between two cells of a row, in ems: two paddings (LibreOffice's are 0.1 cm). */
const GAP = 0.5;

const visible = (it: TextItem): boolean => it.str.trim() !== '';
const end = (it: TextItem): number => it.x + it.width;
const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? 0 : s[s.length >> 1]!;
};

interface Span {
  x0: number;
  x1: number;
}

/** The pieces of a line: its visible runs, joined where less than `gap` apart. */
function fragments(items: readonly TextItem[], gap: number): Span[] {
  const out: Span[] = [];
  for (const it of [...items].filter(visible).sort((a, b) => a.x - b.x)) {
    const last = out[out.length - 1];
    if (last && it.x - last.x1 < gap) last.x1 = Math.max(last.x1, end(it));
    else out.push({ x0: it.x, x1: end(it) });
  }
  return out;
}

/** Intervals merged where they overlap, in x order. */
function union(spans: readonly Span[]): Span[] {
  const out: Span[] = [];
  for (const s of [...spans].sort((a, b) => a.x0 - b.x0)) {
    const last = out[out.length - 1];
    if (last && s.x0 <= last.x1) last.x1 = Math.max(last.x1, s.x1);
    else out.push({ ...s });
  }
  return out;
}

/** Where the glyphs of a run stand vertically: a little above the baseline. */
const middleY = (it: TextItem): number => it.y + it.size * 0.3;
const middleX = (it: TextItem): number => it.x + it.width / 2;

/** Runs grouped into lines by baseline (within a third of the size), top to bottom, each in x order. */
function linesOf(items: readonly TextItem[]): TextItem[][] {
  const lines: { y: number; size: number; items: TextItem[] }[] = [];
  for (const it of [...items].sort((a, b) => b.y - a.y || a.x - b.x)) {
    // Runs come top to bottom: only the last lines can be near enough.
    let line: (typeof lines)[number] | undefined;
    for (let k = lines.length - 1; k >= 0 && lines[k]!.y - it.y < Math.max(1, lines[k]!.size); k--) {
      if (Math.abs(lines[k]!.y - it.y) < Math.max(1, Math.min(lines[k]!.size, it.size) * 0.35)) line = lines[k];
    }
    if (line) line.items.push(it);
    else lines.push({ y: it.y, size: it.size, items: [it] });
  }
  return lines.sort((a, b) => b.y - a.y).map((l) => l.items.sort((a, b) => a.x - b.x));
}

// ---------------------------------------------------------------------------------------------
// Tables

interface TableFound {
  /** Indexes of the page's lines the table takes (whole or in part). */
  readonly lines: ReadonlySet<number>;
  /** Runs of those lines left outside the table (beside a ruled table). */
  readonly rest: ReadonlyMap<number, TextItem[]>;
  readonly top: number;
  readonly rows: Omit<LayoutRow, 'table'>[];
}

/** Clusters of values no more than `tol` apart, as their means, ascending. */
function clusters(values: readonly number[], tol: number): number[] {
  const out: { sum: number; n: number; last: number }[] = [];
  for (const v of [...values].sort((a, b) => a - b)) {
    const c = out[out.length - 1];
    if (c && v - c.last <= tol) {
      c.sum += v;
      c.n++;
      c.last = v;
    } else out.push({ sum: v, n: 1, last: v });
  }
  return out.map((c) => c.sum / c.n);
}

interface Grid {
  readonly x0: number;
  readonly x1: number;
  readonly y0: number;
  readonly y1: number;
  readonly h: readonly Rule[];
  readonly v: readonly Rule[];
}

const TOUCH = 2;
const isHorizontal = (r: Rule): boolean => r.y1 - r.y0 <= 3 && r.x1 - r.x0 > r.y1 - r.y0;
const isVertical = (r: Rule): boolean => r.x1 - r.x0 <= 3 && r.y1 - r.y0 > r.x1 - r.x0;
const touches = (a: Rule, b: Rule): boolean => a.x0 <= b.x1 + TOUCH && b.x0 <= a.x1 + TOUCH && a.y0 <= b.y1 + TOUCH && b.y0 <= a.y1 + TOUCH;

/** The grids the rules of a page draw: connected rules with three vertical ones or more and two horizontal. */
function grids(rules: readonly Rule[]): Grid[] {
  const lines = rules.filter((r) => isHorizontal(r) || isVertical(r));
  const parent = lines.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (let i = 0; i < lines.length; i++) {
    for (let j = i + 1; j < lines.length; j++) if (touches(lines[i]!, lines[j]!)) parent[find(i)] = find(j);
  }
  const groups = new Map<number, Rule[]>();
  lines.forEach((r, i) => {
    const k = find(i);
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k)!.push(r);
  });
  const out: Grid[] = [];
  for (const g of groups.values()) {
    const h = g.filter(isHorizontal);
    const v = g.filter(isVertical);
    if (clusters(v.map((r) => (r.x0 + r.x1) / 2), TOUCH).length < 3 || clusters(h.map((r) => (r.y0 + r.y1) / 2), TOUCH).length < 2) continue;
    out.push({
      x0: Math.min(...g.map((r) => r.x0)),
      x1: Math.max(...g.map((r) => r.x1)),
      y0: Math.min(...g.map((r) => r.y0)),
      y1: Math.max(...g.map((r) => r.y1)),
      h,
      v,
    });
  }
  return out;
}

/** The text of cells merged by a missing rule, repeated in each cell the merge covers. */
function cellsOf(
  items: readonly TextItem[],
  rows: readonly { top: number; bottom: number }[],
  cols: readonly { left: number; right: number }[],
  joinedDown: (r: number, c: number) => boolean,
  joinedRight: (r: number, c: number) => boolean,
): TextItem[][][][] {
  const nr = rows.length;
  const nc = cols.length;
  const at = (r: number, c: number): number => r * nc + c;
  const parent = Array.from({ length: nr * nc }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (let r = 0; r < nr; r++) {
    for (let c = 0; c < nc; c++) {
      if (r + 1 < nr && joinedDown(r, c)) parent[find(at(r, c))] = find(at(r + 1, c));
      if (c + 1 < nc && joinedRight(r, c)) parent[find(at(r, c))] = find(at(r, c + 1));
    }
  }
  const content = new Map<number, TextItem[]>();
  for (const it of items) {
    const y = middleY(it);
    // (A glyph's start, a little inside it: a closing bracket or stop hung past the cell's right
    // rule, `（新能源与环境` / `）`, as Word hangs punctuation, is its cell's, not the next one's. A
    // longer run by its middle.)
    const x = it.width <= it.size * 1.5 ? it.x + Math.min(it.width / 2, it.size * 0.3) : middleX(it);
    const r = rows.findIndex((row) => y <= row.top && y > row.bottom);
    const c = cols.findIndex((col) => x >= col.left && x < col.right);
    if (r < 0 || c < 0) continue;
    const k = find(at(r, c));
    if (!content.has(k)) content.set(k, []);
    content.get(k)!.push(it);
  }
  return rows.map((_, r) => cols.map((_, c) => linesOf(content.get(find(at(r, c))) ?? [])));
}

/**
 * A run that crosses a vertical rule, cut where the rule stands, its glyphs taken as of equal
 * advance (CJK text): OCR reads a cell's last words and the next cell's first as one region where
 * the border between them is faint. Runs of a text layer are the producer's own and pass whole
 * (a cell's text may overhang its border).
 */
function cutAtRules(it: TextItem, v: readonly Rule[]): TextItem[] {
  const chars = [...it.str];
  if (!it.confidence || chars.length < 2 || it.width <= 0) return [it];
  const y = middleY(it);
  const cuts = v
    .map((r) => (r.x0 + r.x1) / 2)
    .filter((x, k) => x > it.x + it.width / chars.length / 2 && x < it.x + it.width - it.width / chars.length / 2 && v[k]!.y0 - TOUCH <= y && v[k]!.y1 + TOUCH >= y)
    .sort((a, b) => a - b);
  if (cuts.length === 0) return [it];
  const pitch = it.width / chars.length;
  const out: TextItem[] = [];
  let from = 0;
  let units = 0;
  for (const x of [...cuts, it.x + it.width + pitch]) {
    const to = Math.min(chars.length, Math.max(from, Math.round((x - it.x) / pitch)));
    if (to <= from) continue;
    const str = chars.slice(from, to).join('');
    out.push({ ...it, str, x: it.x + from * pitch, width: (to - from) * pitch, ...(it.confidence ? { confidence: it.confidence.slice(units, units + str.length) } : {}) });
    units += str.length;
    from = to;
  }
  return out;
}

/** A table drawn with ruling lines: its rules give the rows, the columns and the merged cells. */
function ruledTable(lines: readonly LayoutLine[], grid: Grid): TableFound | null {
  const near = (a: number, b: number): boolean => Math.abs(a - b) <= TOUCH;
  const xs = clusters(grid.v.map((r) => (r.x0 + r.x1) / 2), TOUCH);
  // A row the page's edge cuts (a long row going on over the page break): the column rules run on
  // past the last horizontal one, and where they end, the row does.
  const hs = clusters(grid.h.map((r) => (r.y0 + r.y1) / 2), TOUCH);
  const bottom = Math.min(...grid.v.map((r) => r.y0));
  const top = Math.max(...grid.v.map((r) => r.y1));
  const open = [...(bottom < hs[0]! - 2 * TOUCH ? [bottom] : []), ...hs, ...(top > hs[hs.length - 1]! + 2 * TOUCH ? [top] : [])];
  const ys = open.reverse();
  const cols = xs.slice(1).map((x, k) => ({ left: xs[k]!, right: x }));
  const rows = ys.slice(1).map((y, k) => ({ top: ys[k]!, bottom: y }));
  const inside = (it: TextItem): boolean => {
    const x = middleX(it);
    const y = middleY(it);
    return x > grid.x0 && x < grid.x1 && y > grid.y0 && y < grid.y1;
  };
  const taken = new Set<number>();
  const rest = new Map<number, TextItem[]>();
  const items: TextItem[] = [];
  lines.forEach((l, i) => {
    const mine = l.items.filter(inside);
    if (mine.length === 0) return;
    taken.add(i);
    items.push(...mine.filter(visible).flatMap((it) => cutAtRules(it, grid.v)));
    const others = l.items.filter((it) => !inside(it));
    if (others.some(visible)) rest.set(i, others);
  });
  if (items.length === 0) return null;
  // A rule parts two cells where it crosses the middle of their common edge.
  const hRuleAt = (y: number, x: number): boolean => grid.h.some((r) => near((r.y0 + r.y1) / 2, y) && r.x0 - TOUCH <= x && r.x1 + TOUCH >= x);
  const vRuleAt = (x: number, y: number): boolean => grid.v.some((r) => near((r.x0 + r.x1) / 2, x) && r.y0 - TOUCH <= y && r.y1 + TOUCH >= y);
  const cells = cellsOf(
    items,
    rows,
    cols,
    (r, c) => !hRuleAt(rows[r]!.bottom, (cols[c]!.left + cols[c]!.right) / 2),
    (r, c) => !vRuleAt(cols[c]!.right, (rows[r]!.top + rows[r]!.bottom) / 2),
  );
  const size = median(items.map((it) => it.size));
  const out = rows
    .map((row, k) => ({ y: row.top, size, row: 0, cells: cells[k]! }))
    .filter((r) => r.cells.some((c) => c.length > 0))
    .map((r, k) => ({ ...r, row: k + 1 }));
  // A grid of one column of cells, or of one row, is a box around text, not a table; but one row
  // that a page break cuts is a table's row going on (its header, repeated on each page, is gone as
  // a running header; a table of two columns, a title beside its fields, may not repeat it at all).
  const cut = open.length > hs.length;
  // (Nor is the last row of a table alone on its page, its first cell numbered as a row is: `1.8`.)
  const numbered = out.length === 1 && /^\s*\d{1,2}(?:[.．]\d{1,2}){0,2}(?![\d.．])/.test((out[0]!.cells[0] ?? []).flat().map((it) => it.str).join(''));
  if (cols.length < 2 || (out.length < 2 && !(cut && out.length === 1) && !numbered)) return null;
  return { lines: taken, rest, top: grid.y1, rows: out };
}

/**
 * A table without rules: a block of lines whose pieces fall in three columns or more. Seeds are
 * lines of three pieces or more; the block grows over lines whose pieces each fall in one column
 * of the seeds, and ends at a line that crosses a column's edge or a gap wider than its rows'.
 */
function spacedTables(lines: readonly LayoutLine[], skip: ReadonlySet<number>): TableFound[] {
  const frags = lines.map((l) => fragments(l.items, Math.max(l.size * GAP, 1)));
  const seed = (i: number): boolean => !skip.has(i) && frags[i]!.length >= 3;
  const out: TableFound[] = [];
  let i = 0;
  while (i < lines.length) {
    if (!seed(i)) {
      i++;
      continue;
    }
    // The seeds of one table: seeds with only fitting lines between them.
    let bands = union(frags[i]!);
    const fits = (k: number): boolean =>
      !skip.has(k) && frags[k]!.length > 0 && frags[k]!.every((f) => bands.filter((b) => f.x0 < b.x1 && b.x0 < f.x1).length <= 1);
    // A row merged across the first columns (`一、与港澳台科技创新合作` between the header and the
    // rows, or between two parts' rows): one piece from the first column over the next, short of
    // the last, with the table going on after it.
    const spanning = new Set<number>();
    const spans = (k: number): boolean => {
      const f = frags[k]!;
      if (skip.has(k) || f.length !== 1 || bands.length < 3) return false;
      const over = bands.filter((b) => f[0]!.x0 < b.x1 && b.x0 < f[0]!.x1).length;
      return f[0]!.x0 < bands[1]!.x0 && over >= 2 && f[0]!.x1 < bands[bands.length - 1]!.x0;
    };
    let last = i;
    for (let k = i + 1; k < lines.length; k++) {
      if (seed(k)) {
        const next = union([...bands, ...frags[k]!]);
        // A seed whose pieces join two of the columns found so far starts something else.
        if (next.length < bands.length) break;
        bands = next;
        last = k;
      } else if (!fits(k)) {
        if (!spans(k)) break;
        spanning.add(k);
      }
    }
    for (const k of spanning) if (k > last) spanning.delete(k);
    const inColumns = (k: number): boolean => !spanning.has(k);
    let first = i;
    const block = (): number[] => Array.from({ length: last - first + 1 }, (_, k) => first + k);
    // The pitch of the lines inside a cell: the smaller gaps between lines with text in one column.
    const gaps: number[] = [];
    for (const b of bands) {
      const ys = block()
        .filter((k) => inColumns(k) && frags[k]!.some((f) => f.x0 < b.x1 && b.x0 < f.x1))
        .map((k) => lines[k]!.y);
      for (let k = 1; k < ys.length; k++) gaps.push(ys[k - 1]! - ys[k]!);
    }
    gaps.sort((a, b) => a - b);
    // (A cell's lines may stand either side of a line with nothing in their column: a number set in
    // the middle of a row whose title wraps. The gaps between the block's lines then show the pitch.)
    const between = block()
      .slice(1)
      .filter((k) => inColumns(k) && inColumns(k - 1))
      .map((k) => lines[k - 1]!.y - lines[k]!.y)
      .sort((a, b) => a - b);
    const pitch = Math.min(gaps[Math.floor(gaps.length / 4)] ?? lines[i]!.size * 1.5, between[Math.floor(between.length / 4)] ?? Number.POSITIVE_INFINITY);
    const reach = Math.max(pitch * 1.6, lines[i]!.size * 2);
    while (first > 0 && fits(first - 1) && lines[first - 1]!.y - lines[first]!.y <= reach) {
      bands = union([...bands, ...frags[first - 1]!]);
      first--;
    }
    while (last + 1 < lines.length && fits(last + 1) && lines[last]!.y - lines[last + 1]!.y <= reach) {
      bands = union([...bands, ...frags[last + 1]!]);
      last++;
    }
    const taken = block();
    const seeds = taken.filter(seed).length;
    bands = union(taken.filter(inColumns).flatMap((k) => frags[k]!));
    if (bands.length >= 3 && seeds >= 2) {
      const table = spacedTable(lines, taken, bands, pitch, spanning);
      if (table) out.push(table);
    }
    i = last + 1;
  }
  return out;
}

function spacedTable(lines: readonly LayoutLine[], taken: readonly number[], bands: readonly Span[], pitch: number, spanning: ReadonlySet<number>): TableFound | null {
  const cols = bands.map((b, k) => ({
    left: k === 0 ? Number.NEGATIVE_INFINITY : (bands[k - 1]!.x1 + b.x0) / 2,
    right: k === bands.length - 1 ? Number.POSITIVE_INFINITY : (b.x1 + bands[k + 1]!.x0) / 2,
  }));
  // Rows: parted where two lines are further apart than the pitch in a cell (the cells' padding).
  const groups: number[][] = [];
  taken.forEach((k, n) => {
    const prev = taken[n - 1];
    if (prev !== undefined && !spanning.has(k) && !spanning.has(prev) && lines[prev]!.y - lines[k]!.y <= pitch * 1.3) groups[groups.length - 1]!.push(k);
    else groups.push([k]);
  });
  // No padding: a row starts at each number of the first column (cells set at the top).
  const firstColumn = (k: number): string =>
    lines[k]!.items
      .filter((it) => visible(it) && middleX(it) < cols[0]!.right)
      .map((it) => it.str)
      .join('')
      .trim();
  const numbered = taken.filter((k) => /^\d{1,3}(?:[.．]\d{1,3})?[.、．]?$/.test(firstColumn(k)));
  let rowsOf = groups;
  // (Where the gaps part every number into a row of its own, they part the rows: a number set in
  // the middle of its row has the row's first lines above it.)
  if (groups.some((g) => g.filter((k) => numbered.includes(k)).length > 1)) {
    rowsOf = [];
    for (const k of taken) {
      const open = rowsOf[rowsOf.length - 1];
      if (!open || spanning.has(k) || open.some((j) => spanning.has(j)) || (numbered.includes(k) && open.some((j) => firstColumn(j) !== ''))) rowsOf.push([k]);
      else open.push(k);
    }
  }
  // Lines that each fill every column the group uses (`培育项目  约16项  不超过80万元/项  3年` over
  // `重点支持项目  约5项 …`: a table with rules above and below its body only, none between rows):
  // a row each. A wrapped row leaves some column's cell short of its lines.
  const columnOf = (it: TextItem): number => {
    const x = middleX(it);
    return cols.findIndex((col) => x >= col.left && x < col.right);
  };
  const filled = (k: number): Set<number> => new Set(lines[k]!.items.filter(visible).map(columnOf));
  rowsOf = rowsOf.flatMap((g) => {
    if (g.length < 2 || g.some((k) => spanning.has(k))) return [g];
    const each = g.map(filled);
    const all = new Set(each.flatMap((x) => [...x]));
    return all.size >= 3 && each.every((x) => x.size === all.size) ? g.map((k) => [k]) : [g];
  });
  const rows = rowsOf.map((g) => ({ top: Math.max(...g.map((k) => lines[k]!.y)) + pitch, bottom: Math.min(...g.map((k) => lines[k]!.y)) - 0.01 }));
  const items = taken.flatMap((k) => lines[k]!.items.filter(visible));
  // Rows parted by a line: a run belongs to the row of its own line.
  const rowOfItem = new Map<TextItem, number>();
  rowsOf.forEach((g, r) => g.forEach((k) => lines[k]!.items.forEach((it) => rowOfItem.set(it, r))));
  const cells = rowsOf.map(() => cols.map((): TextItem[] => []));
  // A merged row's text stands in every cell it covers, as the ruled tables and the HTML and Word readers give it.
  const merged = new Set(taken.filter((k) => spanning.has(k)).flatMap((k) => lines[k]!.items));
  for (const it of items) {
    const c = columnOf(it);
    if (merged.has(it)) for (const cell of cells[rowOfItem.get(it)!]!) cell.push(it);
    else cells[rowOfItem.get(it)!]![c]!.push(it);
  }
  const size = median(items.map((it) => it.size));
  if (rows.length < 2) return null;
  return {
    lines: new Set(taken),
    rest: new Map(),
    top: Math.max(...taken.map((k) => lines[k]!.y)) + 0.01,
    rows: rows.map((row, r) => ({ y: row.top, size, row: r + 1, cells: cells[r]!.map(linesOf) })),
  };
}

function findTables(lines: readonly LayoutLine[], rules: readonly Rule[], boxes: number | null = null): TableFound[] {
  const found: TableFound[] = [];
  // (Boxes side by side, `boxes` the x between them, cards two to a row: a line across both, `合作地区
  // 香港 | 合作地区 澳门`, is two cards' lines, no row of a table without rules.)
  const taken = new Set<number>();
  for (const g of grids(rules)) {
    const t = ruledTable(
      lines.map((l, i) => (taken.has(i) ? { ...l, items: [] } : l)),
      g,
    );
    if (!t) continue;
    found.push(t);
    for (const i of t.lines) taken.add(i);
  }
  for (const t of spacedTables(lines, taken)) {
    if (boxes !== null && t.rows.some((r) => r.cells.some((c) => c.some((l) => l.some((it) => it.x < boxes))) && r.cells.some((c) => c.some((l) => l.some((it) => it.x > boxes))))) continue;
    found.push(t);
  }
  return found.sort((a, b) => b.top - a.top);
}

// ---------------------------------------------------------------------------------------------
// Two columns

/** A line's glyphs as x intervals. */
interface Parts {
  readonly spans: Span[];
}

/** The gutter of a page of lines (not in tables), or null; `known`: the document's, for a page whose own does not show. */
function findGutter(lines: readonly LayoutLine[], known: Gutter | null): Gutter | null {
  const parts: Parts[] = lines.map((l) => ({ spans: union(l.items.filter(visible).map((it) => ({ x0: it.x, x1: end(it) }))) }));
  const body = parts.filter((p) => p.spans.length > 0);
  if (body.length === 0) return null;
  const crosses = (p: Parts, x: number): boolean => p.spans.some((s) => s.x0 < x && s.x1 > x);
  const parted = (p: Parts, x: number): boolean => !crosses(p, x) && p.spans[0]!.x0 < x && p.spans[p.spans.length - 1]!.x1 > x;
  const size = median(lines.map((l) => l.size));
  const xmin = Math.min(...body.map((p) => p.spans[0]!.x0));
  const xmax = Math.max(...body.map((p) => p.spans[p.spans.length - 1]!.x1));
  const width = xmax - xmin;
  if (known) {
    const mid = (known.left + known.right) / 2;
    const crossing = body.filter((p) => crosses(p, mid)).length;
    const right = body.filter((p) => !crosses(p, mid) && p.spans[p.spans.length - 1]!.x1 > mid).length;
    if (right > 0 && crossing * 5 <= body.length) return known;
    // (A band of two columns between full-width text, its last lines at a page's top, `其他要求：` /
    // `（3）…` side by side over `三、申报要求`: lines parted at the document's gutter, each side
    // within its column, read as columns; the full-width lines cross it.)
    const inColumns = body.filter((p) => parted(p, mid) && Math.max(...p.spans.filter((s) => s.x1 <= mid).map((s) => s.x1)) <= known.left + size * 0.5 && Math.min(...p.spans.filter((s) => s.x0 >= mid).map((s) => s.x0)) >= known.right - size * 0.5);
    return inColumns.length >= 2 ? known : null;
  }
  if (body.length < 6 || width <= 0) return null;
  let best = 0;
  let at = 0;
  for (let x = Math.ceil(xmin + width * 0.25); x <= xmax - width * 0.25; x++) {
    const n = body.filter((p) => parted(p, x)).length;
    if (n > best) {
      best = n;
      at = x;
    }
  }
  // (Columns set apart so that their lines' baselines differ, each line on one side only: the
  // gutter is the band no line crosses, with lines on both sides of it.)
  if (best < 5 || best * 3 < body.length) return gutterBySides(body, xmin, width, size);
  const split = body.filter((p) => parted(p, at));
  const left = Math.max(...split.map((p) => Math.max(...p.spans.filter((s) => s.x1 <= at).map((s) => s.x1))));
  const right = Math.min(...split.map((p) => Math.min(...p.spans.filter((s) => s.x0 >= at).map((s) => s.x0))));
  const mid = (left + right) / 2;
  const crossing = body.filter((p) => crosses(p, mid)).length;
  // A gutter of an em or so; two columns of a quarter of the width or more, the narrower at least
  // half the wider (a column of labels beside their values is narrower); most lines parted.
  const leftWidth = left - Math.min(...split.map((p) => p.spans[0]!.x0));
  const rightWidth = Math.max(...split.map((p) => p.spans[p.spans.length - 1]!.x1)) - right;
  if (right - left < size * 0.8 || leftWidth < width * 0.25 || rightWidth < width * 0.25 || Math.min(leftWidth, rightWidth) * 2 < Math.max(leftWidth, rightWidth) || crossing > best) return null;
  // Prose fills its column: the left part of many parted lines reaches the gutter (a column of
  // labels or of short cells does not).
  const full = split.filter((p) => Math.max(...p.spans.filter((s) => s.x1 <= at).map((s) => s.x1)) >= left - size * 1.5).length;
  if (full * 4 < split.length) return null;
  return { left, right };
}

/**
 * The gutter of a page whose columns' lines stand at their own heights (LibreOffice's columns of
 * unequal paragraph spacing): an x that no more than a tenth of the lines cross, with a quarter of
 * them or more wholly on each side; the band between the left lines' furthest end and the right
 * lines' nearest start, an em wide or so; the left column prose that fills its width.
 */
function gutterBySides(body: readonly Parts[], xmin: number, width: number, size: number): Gutter | null {
  if (body.length < 12) return null;
  const first = (p: Parts): number => p.spans[0]!.x0;
  const last = (p: Parts): number => p.spans[p.spans.length - 1]!.x1;
  let best: { x: number; n: number } | null = null;
  for (let x = Math.ceil(xmin + width * 0.3); x <= xmin + width * 0.7; x++) {
    let crossing = 0;
    let left = 0;
    let right = 0;
    for (const p of body) {
      if (last(p) <= x) left++;
      else if (first(p) >= x) right++;
      else crossing++;
    }
    const n = Math.min(left, right);
    if (crossing * 10 <= body.length && n * 4 >= body.length && (!best || n > best.n)) best = { x, n };
  }
  if (!best) return null;
  const lefts = body.filter((p) => last(p) <= best.x);
  const rights = body.filter((p) => first(p) >= best.x);
  const left = Math.max(...lefts.map(last));
  const right = Math.min(...rights.map(first));
  const leftWidth = left - Math.min(...lefts.map(first));
  const rightWidth = Math.max(...rights.map(last)) - right;
  if (right - left < size * 0.8 || Math.min(leftWidth, rightWidth) * 2 < Math.max(leftWidth, rightWidth)) return null;
  const full = lefts.filter((p) => last(p) >= left - size * 1.5).length;
  return full * 4 < lefts.length ? null : { left, right };
}

// ---------------------------------------------------------------------------------------------
// A narrow column beside the text

/** The glyphs of a page's lines with text as x intervals, the lines' usual size, and where the text starts and ends. */
function textSpans(lines: readonly LayoutLine[]): { body: Span[][]; size: number; xmin: number; xmax: number; width: number } {
  const body = lines.map((l) => union(l.items.filter(visible).map((it) => ({ x0: it.x, x1: end(it) })))).filter((s) => s.length > 0);
  const xmin = Math.min(...body.map((s) => s[0]!.x0));
  const xmax = Math.max(...body.map((s) => s[s.length - 1]!.x1));
  return { body, size: median(lines.map((l) => l.size)), xmin, xmax, width: xmax - xmin };
}

/**
 * A sidebar or a column of margin notes: an empty band an em wide or more, within the outer third
 * of the text's width on one side, that a twelfth of the lines or fewer cross, with five lines or
 * more on each side; the wide side prose (a third of its lines reach its right edge), the narrow
 * side no column of field labels (`领域方向` beside its value is the text's own). The test for a
 * run on the narrow side, or null.
 */
function sideColumn(lines: readonly LayoutLine[]): ((it: TextItem) => boolean) | null {
  const { body, size, xmin, xmax, width } = textSpans(lines);
  if (body.length < 12) return null;
  const free = (x: number): boolean => body.filter((spans) => spans.some((s) => s.x0 < x && s.x1 > x)).length * 12 <= body.length;
  for (const left of [true, false]) {
    // The band nearest the narrow side's edge, scanning inwards.
    let from: number | null = null;
    for (let k = 0; k <= width * 0.35; k++) {
      const x = left ? xmin + width * 0.08 + k : xmax - width * 0.08 - k;
      if (free(x)) from ??= x;
      else if (from !== null) {
        if (Math.abs(x - from) >= size * 0.8) {
          const cut = (x + from) / 2;
          const narrow = (it: TextItem): boolean => (left ? end(it) <= cut : it.x >= cut);
          if (sideLooksApart(lines, narrow, size)) return narrow;
        }
        from = null;
      }
    }
  }
  return null;
}

/** The narrow side holds five lines or more and few field labels; the wide side five or more, a third of them reaching its edge. */
function sideLooksApart(lines: readonly LayoutLine[], narrow: (it: TextItem) => boolean, size: number): boolean {
  const side = lines.map((l) => l.items.filter((it) => visible(it) && narrow(it))).filter((x) => x.length > 0);
  const main = lines.map((l) => l.items.filter((it) => visible(it) && !narrow(it))).filter((x) => x.length > 0);
  if (side.length < 5 || main.length < 5) return false;
  const labels = side.filter((items) => labelOnly(items.map((it) => it.str).join('').trim()) !== null).length;
  if (labels * 10 > side.length * 3) return false;
  // (A table's narrow first column, its numbers or names, stands level with its rows; a sidebar's
  // lines stand at heights of their own.)
  const level = lines.filter((l) => l.items.some((it) => visible(it) && narrow(it)) && l.items.some((it) => visible(it) && !narrow(it))).length;
  if (level * 2 >= side.length) return false;
  const edge = Math.max(...main.map((items) => Math.max(...items.map(end))));
  return main.filter((items) => Math.max(...items.map(end)) >= edge - size * 1.5).length * 3 >= main.length;
}

// ---------------------------------------------------------------------------------------------
// Notes in the margin

/**
 * Notes printed in a page's margin beside the text (a 批注版's 旁注, a reader's remarks): runs
 * smaller than the text's (five sixths of its size or less) that stand wholly outside the band its
 * lines fill, an em or more apart from it, where no run of their size stands in that band at their
 * height (a table's small cells wider than the text are its rows, not notes). The text's band: from
 * where a tenth of its lines start to where a tenth of them end, over ten lines or more of the
 * text's size. The test for a note's run, or null where the page has none.
 */
function marginNotes(lines: readonly LayoutLine[]): ((it: TextItem) => boolean) | null {
  const runs = lines.flatMap((l) => l.items.filter(visible));
  if (runs.length === 0) return null;
  const sizes = runs.flatMap((it) => Array.from({ length: Math.min(50, [...it.str].length) }, () => it.size)).sort((a, b) => a - b);
  const size = sizes[Math.floor(sizes.length / 2)]!;
  const full = (it: TextItem): boolean => it.size >= size * 0.9;
  const textLines = lines.map((l) => l.items.filter((it) => visible(it) && full(it))).filter((x) => x.length > 0);
  if (textLines.length < 10) return null;
  const starts = textLines.map((items) => Math.min(...items.map((it) => it.x))).sort((a, b) => a - b);
  const ends = textLines.map((items) => Math.max(...items.map(end))).sort((a, b) => a - b);
  const left = starts[Math.floor(starts.length / 10)]!;
  const right = ends[Math.ceil((ends.length * 9) / 10) - 1]!;
  const outside = (it: TextItem): boolean => end(it) <= left - size || it.x >= right + size;
  const small = (it: TextItem): boolean => visible(it) && it.size <= (size * 5) / 6;
  const notes = new Set<TextItem>();
  for (const l of lines) {
    const own = l.items.filter((it) => small(it) && outside(it));
    // (A draft's line numbers in its margin are no notes: `clean` reads them as line numbers.)
    if (own.length === 0 || !own.some((it) => /[\u4e00-\u9fff]/.test(it.str))) continue;
    // (A small run inside the text's band level with them: a table's row, or a footnote's line.)
    if (l.items.some((it) => small(it) && !outside(it))) continue;
    for (const it of own) notes.add(it);
  }
  // (Two lines of notes or more on the page, and nothing of the text's size out there but a page number.)
  const noteLines = lines.filter((l) => l.items.some((it) => notes.has(it))).length;
  const stray = runs.some((it) => full(it) && outside(it) && !/^\s*[-—–－]?\s*\d{1,4}\s*[-—–－]?\s*$/.test(it.str));
  return noteLines >= 2 && !stray ? (it) => notes.has(it) : null;
}

/** A page read without its margin notes, each note's lines logged (`margin-note`), never read into the text. */
function withoutNotes(lines: readonly LayoutLine[], note: (it: TextItem) => boolean, layout: (own: LayoutLine[]) => ReturnType<typeof layoutPage>): ReturnType<typeof layoutPage> {
  const own = lines.map((l) => ({ ...l, items: l.items.filter((it) => !note(it)) })).filter((l) => l.items.some(visible));
  const notes: LayoutBlock[] = lines.flatMap((l) => {
    const items = l.items.filter(note);
    return items.length > 0 ? [{ kind: 'line' as const, line: { ...l, items, size: items[0]!.size }, column: null, furniture: 'margin-note' as const }] : [];
  });
  const read = layout(own);
  return { ...read, blocks: [...read.blocks, ...notes] };
}

// ---------------------------------------------------------------------------------------------
// Three columns or more

/**
 * The gutters of a page set in three columns or more of prose (a bulletin's, a gazette's): vertical
 * bands an em wide or so that no more than an eighth of the lines cross (a headline across the
 * page does), two or more, parting columns of about one width, each filled by prose (most of its
 * lines reach its right edge: a table's columns of figures and short cells do not), and no row
 * breaks shared by all the columns (a table's rows end together, prose columns flow on). The x of
 * each gutter's middle, or null.
 */
function findColumns(lines: readonly LayoutLine[]): number[] | null {
  const { body, size, xmin, xmax, width } = textSpans(lines);
  if (body.length < 8) return null;
  const gutters: number[] = [];
  let open: number | null = null;
  for (let x = Math.ceil(xmin + width * 0.1); x <= xmax - width * 0.1 + 1; x++) {
    const free = x <= xmax - width * 0.1 && body.filter((spans) => spans.some((s) => s.x0 < x && s.x1 > x)).length * 8 <= body.length;
    if (free && open === null) open = x;
    if (!free && open !== null) {
      if (x - open >= size * 0.8) gutters.push((open + x - 1) / 2);
      open = null;
    }
  }
  if (gutters.length < 2) return null;
  const edges = [xmin, ...gutters, xmax];
  const widths = gutters.map((g, k) => g - edges[k]!).concat(xmax - gutters[gutters.length - 1]!);
  if (Math.min(...widths) < Math.max(...widths) * 0.6) return null;
  for (let k = 0; k + 1 < edges.length; k++) {
    // (Each line's piece in the column: columns set on one baseline grid share their lines.)
    const ends = body.flatMap((spans) => {
      const own = spans.filter((s) => s.x0 >= edges[k]! - size && s.x1 <= edges[k + 1]! + size);
      return own.length > 0 ? [own[own.length - 1]!.x1] : [];
    });
    if (ends.length < 5) return null;
    const right = Math.max(...ends);
    if (ends.filter((x) => x >= right - size * 1.5).length * 2 < ends.length) return null;
  }
  return sharedRowBreaks(lines, gutters) >= 2 ? null : gutters;
}

/** How many gaps of more than one and a half lines' pitch every column of the page has at one height (a table's row breaks). */
function sharedRowBreaks(lines: readonly LayoutLine[], gutters: readonly number[]): number {
  const column = (it: TextItem): number => gutters.filter((g) => middleX(it) > g).length;
  const ys: number[][] = gutters.map(() => []).concat([[]]);
  for (const l of lines) {
    const shown = l.items.filter(visible);
    if (shown.some((it) => gutters.some((g) => it.x < g && end(it) > g))) continue;
    for (const k of new Set(shown.map(column))) ys[k]!.push(l.y);
  }
  const pitch = median(ys.flatMap((c) => c.slice(1).map((y, i) => Math.abs(c[i]! - y)))) || 1;
  const gaps = ys.map((c) =>
    c.slice(1).flatMap((y, i) => (Math.abs(c[i]! - y) > pitch * 1.6 ? [[Math.min(y, c[i]!), Math.max(y, c[i]!)] as const] : [])),
  );
  return gaps[0]!.filter(([a, b]) => gaps.slice(1).every((g) => g.some(([c, d]) => c < b && d > a))).length;
}

/** Whether a page's lines fit the document's columns: no more than a fifth of them cross a gutter, and some stand right of the first. */
function fitsColumns(lines: readonly LayoutLine[], gutters: readonly number[]): boolean {
  const shown = lines.map((l) => l.items.filter(visible)).filter((items) => items.length > 0);
  const crossing = shown.filter((items) => items.some((it) => gutters.some((g) => it.x < g && end(it) > g))).length;
  return shown.length > 0 && crossing * 5 <= shown.length && shown.some((items) => items.some((it) => it.x > gutters[0]!));
}

/** A page of three columns or more read column by column, in bands parted by the lines that cross a gutter. */
function columnBlocks(lines: readonly LayoutLine[], gutters: readonly number[]): LayoutBlock[] {
  const blocks: LayoutBlock[] = [];
  const columnOf = (it: TextItem): number => gutters.filter((g) => middleX(it) > g).length;
  let band: LayoutLine[][] = gutters.map(() => []).concat([[]]);
  const flush = (): void => {
    for (const [k, col] of band.entries()) {
      // (The column's left edge: where its lines start, the leftmost where a tenth of them do.)
      const starts = col.map((l) => Math.min(...l.items.filter(visible).map((it) => it.x))).sort((a, b) => a - b);
      const x = starts.find((s) => starts.filter((t) => Math.abs(t - s) <= 1).length * 10 >= starts.length) ?? starts[0] ?? 0;
      for (const line of col) blocks.push({ kind: 'line', line, column: k === 0 ? 'left' : 'right', columnX: x });
    }
    band = gutters.map(() => []).concat([[]]);
  };
  // (The page's first and last lines, set apart from the columns by more than a line's pitch and
  // standing in several of them, are its head and foot: `科研动态2026年第4期 … 渤海农业大学科学技术研究院`
  // belongs to no column.)
  const ys = [...new Set(lines.filter((l) => l.items.some(visible)).map((l) => l.y))].sort((a, b) => b - a);
  // (The pitch of the first column's lines: the columns' lines stand at heights a little apart.)
  const first = [...new Set(lines.filter((l) => l.items.some((it) => visible(it) && columnOf(it) === 0)).map((l) => l.y))].sort((a, b) => b - a);
  const pitch = median(first.slice(1).map((y, i) => first[i]! - y));
  const apart = (k: number, j: number): boolean => ys[j] !== undefined && Math.abs(ys[k]! - ys[j]!) > pitch * 1.5;
  const edges = new Set([...(apart(0, 1) ? [ys[0]!] : []), ...(apart(ys.length - 1, ys.length - 2) ? [ys[ys.length - 1]!] : [])]);
  for (const line of lines) {
    const shown = line.items.filter(visible);
    if (shown.length === 0) continue;
    const crossing = shown.some((it) => gutters.some((g) => it.x < g && end(it) > g));
    if (!crossing && edges.has(line.y) && new Set(shown.map(columnOf)).size > 1) {
      flush();
      blocks.push({ kind: 'line', line, column: null, furniture: line.y === ys[0] ? 'running-header' : 'running-footer' });
      continue;
    }
    if (crossing) {
      flush();
      blocks.push({ kind: 'line', line, column: null });
      continue;
    }
    for (const [k, items] of band.entries()) {
      const own = line.items.filter((it) => columnOf(it) === k);
      if (own.some(visible)) items.push({ ...line, y: Math.max(...own.map((it) => it.y)), items: own });
    }
  }
  flush();
  return blocks;
}

/** A page read without its narrow side column (`sideColumn`), that column's lines logged as contents or read after the text. */
function besideText(lines: readonly LayoutLine[], side: (it: TextItem) => boolean, layout: (own: LayoutLine[]) => ReturnType<typeof layoutPage>): ReturnType<typeof layoutPage> {
  const own = lines.map((l) => ({ ...l, items: l.items.filter((it) => !side(it)) })).filter((l) => l.items.some(visible));
  const aside: LayoutBlock[] = lines.flatMap((l) => {
    const items = l.items.filter(side);
    return items.some(visible) ? [{ kind: 'line' as const, line: { ...l, items }, column: null }] : [];
  });
  const read = layout(own);
  const contents = aside.filter((b) => b.kind === 'line' && /\d\s*$/.test(b.line.items.filter(visible).map((it) => it.str).join(''))).length * 2 >= aside.length;
  return contents ? { ...read, blocks: [...aside.map((b) => ({ ...b, furniture: 'table-of-contents' as const })), ...read.blocks] } : { ...read, blocks: [...read.blocks, ...aside] };
}

/**
 * A page's lines in reading order, with its tables as rows. `known`: the gutter of the document's
 * two-column pages, tried on a page whose own gutter does not show (a short right column).
 */
export function layoutPage(
  lines: readonly LayoutLine[],
  rules: readonly Rule[],
  known: Gutter | null = null,
  knownColumns: readonly number[] | null = null,
): { blocks: LayoutBlock[]; gutter: Gutter | null; columns: readonly number[] | null } {
  // (Three columns of prose or more: read column by column; what looked like a table across them is
  // none. A page whose own columns do not show, the last one half filled, is read at the document's
  // where few of its lines cross them.)
  const columns = findColumns(lines) ?? (knownColumns && fitsColumns(lines, knownColumns) ? knownColumns : null);
  if (columns) return { blocks: columnBlocks(lines, columns), gutter: null, columns };
  // (Notes in the margin, smaller than the text and wholly outside its band: logged, never read.)
  const notes = marginNotes(lines);
  if (notes) return withoutNotes(lines, notes, (own) => layoutPage(own, rules, known, knownColumns));
  // (A narrow column beside the text: a sidebar's contents (its entries' page numbers), logged; a
  // panel of figures, read after the page's text; never into its lines.)
  const side = sideColumn(lines);
  if (side) return besideText(lines, side, (own) => layoutPage(own, rules, known, knownColumns));
  const boxes = boxesSideBySide(rules);
  const tables = findTables(lines, rules, boxes);
  const inTable = new Set(tables.flatMap((t) => [...t.lines]));
  const rest = new Map(tables.flatMap((t) => [...t.rest]));
  // The lines outside tables (and the runs of table lines that lie outside a ruled table).
  const text: LayoutLine[] = [];
  lines.forEach((l, i) => {
    if (!inTable.has(i)) text.push(l);
    else if (rest.has(i)) text.push({ ...l, items: rest.get(i)! });
  });
  // (Cards two to a row whose lines the gutter test does not part, a row's wrapped titles level: the
  // space between the boxes is the gutter.)
  const gutter = findGutter(text, known) ?? (boxes !== null ? { left: boxes - 1, right: boxes + 1 } : null);
  const blocks: LayoutBlock[] = [];
  let left: LayoutBlock[] = [];
  let right: LayoutBlock[] = [];
  const flush = (beforeFullWidth = false): void => {
    blocks.push(...columnsInOrder(left, right, beforeFullWidth));
    left = [];
    right = [];
  };
  const mid = gutter ? (gutter.left + gutter.right) / 2 : 0;
  // Boxes side by side (cards two to a row, a form's frames): where a rule closes a box left of the
  // gutter and another right of it at one height, the row of boxes ends: the left box is read,
  // then the right one, then the next row (never a whole column of boxes before the other).
  const rowEnds = gutter ? boxRowEnds(rules, mid, text) : [];
  let t = 0;
  const tableRows = (k: number): LayoutBlock[] => tables[k]!.rows.map((r) => ({ kind: 'row', row: { ...r, table: k + 1 } }));
  for (const line of text) {
    // A line stands above a table where its middle does (as a run is in a table's cell by its
    // middle): a heading set close over a table's top rule, its feet read from a scan at the rule.
    const lineMiddle = line.y + 0.3 * Math.max(0, ...line.items.filter(visible).map((it) => it.size));
    while (t < tables.length && tables[t]!.top > lineMiddle) {
      flush();
      blocks.push(...tableRows(t++));
    }
    while (rowEnds.length > 0 && rowEnds[0]! > line.y) {
      flush();
      rowEnds.shift();
    }
    if (!gutter) {
      blocks.push({ kind: 'line', line, column: null });
      continue;
    }
    const shown = line.items.filter(visible);
    if (shown.some((it) => it.x < mid && end(it) > mid)) {
      flush(true);
      blocks.push({ kind: 'line', line, column: null });
      continue;
    }
    const l = line.items.filter((it) => middleX(it) < mid);
    const r = line.items.filter((it) => middleX(it) >= mid);
    if (l.some(visible)) left.push({ kind: 'line', line: { ...line, items: l }, column: 'left' });
    if (r.some(visible)) right.push({ kind: 'line', line: { ...line, y: Math.max(...r.map((it) => it.y)), items: r }, column: 'right' });
  }
  flush();
  while (t < tables.length) blocks.push(...tableRows(t++));
  return { blocks, gutter, columns: null };
}

/**
 * Two columns' blocks in reading order: the left column's, then the right's. (A short line of
 * full-width text between a band of two columns and the full-width text below it, `三、申报要求`,
 * crosses no gutter: read after both columns, where it stands. Only a line or a few, further below
 * the right column's last line than the left column's one line more; `beforeFullWidth`: a line
 * across the gutter follows.)
 */
function columnsInOrder(left: readonly LayoutBlock[], right: readonly LayoutBlock[], beforeFullWidth: boolean): LayoutBlock[] {
  const ys = left.flatMap((b) => (b.kind === 'line' ? [b.line.y] : []));
  const pitch = median(ys.slice(1).map((y, i) => ys[i]! - y).filter((d) => d > 0));
  const lowest = Math.min(...right.map((b) => (b.kind === 'line' ? b.line.y - Math.max(b.line.size * 1.2, pitch * 1.5) : Number.POSITIVE_INFINITY)));
  const below = beforeFullWidth && right.length > 0 ? left.filter((b) => b.kind === 'line' && b.line.y < lowest) : [];
  const moved = below.length <= 3 ? below : [];
  return [...left.filter((b) => !moved.includes(b)), ...right, ...moved];
}

/** A page's horizontal rules long enough to close a box (more than 40 pt). */
function boxEdges(rules: readonly Rule[]): Rule[] {
  return rules.filter((r) => Math.abs(r.y1 - r.y0) < 2 && Math.abs(r.x1 - r.x0) > 40);
}

/**
 * The x between two columns of boxes (cards two to a row): two rows of boxes at least, each a
 * horizontal rule left of it and one right of it level (within 2 pt) and apart; else null.
 */
function boxesSideBySide(rules: readonly Rule[]): number | null {
  const flat = boxEdges(rules);
  const mids: number[] = [];
  for (const l of flat) {
    for (const r of flat) {
      const gap = Math.min(r.x0, r.x1) - Math.max(l.x0, l.x1);
      if (Math.abs(r.y0 - l.y0) <= 2 && gap > 2 && gap < 60) mids.push(Math.max(l.x0, l.x1) + gap / 2);
    }
  }
  const mid = median(mids);
  return mids.filter((m) => Math.abs(m - mid) <= 5).length >= 4 ? mid : null;
}

/**
 * Where rows of boxes side by side end, top down: heights where a horizontal rule left of `mid` and
 * one right of it stand level (within 2 pt), the next such pair below with no text right of the
 * gutter between them (the space between two rows of cards, a heading of the next group in it at
 * most, read between the rows; a card's own rules, under its header, have both cards' text below).
 */
function boxRowEnds(rules: readonly Rule[], mid: number, lines: readonly LayoutLine[]): number[] {
  const flat = boxEdges(rules);
  const left = flat.filter((r) => Math.max(r.x0, r.x1) <= mid);
  const onRight = flat.filter((r) => Math.min(r.x0, r.x1) >= mid);
  const level = [...new Set(left.filter((l) => onRight.some((r) => Math.abs(r.y0 - l.y0) <= 2)).map((l) => Math.round(l.y0)))].sort((a, b) => b - a);
  const right = lines.filter((l) => l.items.some((it) => visible(it) && end(it) > mid)).map((l) => l.y);
  const ends = level.flatMap((y, k) => {
    // (Below the last row of two boxes: a box alone, or the text after them, read after the row.)
    const below = level[k + 1] ?? Number.NEGATIVE_INFINITY;
    return !right.some((s) => s < y && s > below) ? [y, ...(Number.isFinite(below) ? [below] : [])] : [];
  });
  return [...new Set(ends)].sort((a, b) => b - a);
}

/** Whether a page's runs may hold a table (two lines of three pieces or more): its rules are worth reading. */
export function mayHoldTable(items: readonly TextItem[]): boolean {
  let seeds = 0;
  let pairs = 0;
  for (const line of linesOf(items.filter(visible))) {
    const size = Math.max(1, ...line.map((it) => it.size));
    const n = fragments(line, size * GAP).length;
    if (n >= 3 && ++seeds >= 2) return true;
    // A table of two columns (a direction's title beside its fields): lines in two pieces.
    if (n === 2 && ++pairs >= 4) return true;
  }
  return false;
}
