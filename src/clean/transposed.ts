/**
 * A table of directions turned on its side, as `pdftotext -layout` prints it: a direction per
 * column, a field per row, the fields' names down the first column (`序号 1 2 3` / `方向名称 …` /
 * `合作地区 …` / `拟支持经费（万元） …`). A row's cells wrap within their columns and its name may
 * wrap too (`拟支持项目` / `数（个）`) or stand in the middle of the row's lines; rows are parted by
 * blank lines. The table may go on after a page break with more directions under a `续表` line
 * and its own `序号` row (a second group of columns). Read as a table of directions, one row per
 * column.
 *
 * Offsets are 0-based UTF-16 offsets into the loaded text; line indexes are 0-based.
 */
import { columnOf, type Column } from '../lexicon/columns.js';
import { lineFragments, type Fragment } from './fragments.js';
import type { Table, TableLine, TableRow } from './tables.js';
import { cellTextOf, TRANSPARENT, trimRange, type Range } from './table-parts.js';


/** A direction's number in the 序号 row (`1`, `1.1`, `（一）`). */
const RE_COLUMN_ID = /^(?:\d{1,3}(?:[.．]\d{1,2}){0,2}|[（(]?[一二三四五六七八九十]{1,3}[）)]?)$/;
/** The line that says the table goes on (`续表`, `续表1`, `（续）`). */
const RE_CONTINUED = /^(?:续表\s*\d{0,2}|[（(]续(?:表)?[）)])$/;

/** A field row of the table: its name, and each direction column's pieces. */
interface FieldRow {
  readonly name: Fragment[];
  readonly cells: Fragment[][];
}

/** The column groups' rows: each group is some directions (columns) with the same field rows. */
interface Group {
  readonly edges: readonly number[];
  readonly rows: FieldRow[];
}


/** The 序号 row at line `k`: its name and the left edges of its direction columns, or null. */
function idRow(text: string, lines: readonly TableLine[], k: number, columns = 2): { edges: number[]; frags: Fragment[] } | null {
  const l = lines[k];
  if (!l || l.cls !== 'content') return null;
  const frags = lineFragments(text, l.start, l.end, k);
  if (frags.length < columns + 1 || columnOf(text.slice(frags[0]!.start, frags[0]!.end))?.role !== 'id') return null;
  if (!frags.slice(1).every((f) => RE_COLUMN_ID.test(text.slice(f.start, f.end)))) return null;
  return { edges: frags.slice(1).map((f) => f.from - 2), frags };
}

/** The column of a piece: 0 for the names, 1… for the directions. */
function columnAt(edges: readonly number[], f: Fragment): number {
  let k = 0;
  while (k < edges.length && edges[k]! <= f.from) k++;
  return k;
}

/** The blocks of lines from `from`: runs of content lines parted by blank lines, up to a line `stop` accepts. */
function blocksFrom(text: string, lines: readonly TableLine[], from: number, stop: (k: number) => boolean): { blocks: number[][]; end: number } {
  const blocks: number[][] = [];
  let current: number[] = [];
  let k = from;
  for (; k < lines.length; k++) {
    const l = lines[k]!;
    if (TRANSPARENT.has(l.cls)) {
      if (current.length > 0) blocks.push(current);
      current = [];
      continue;
    }
    if (l.cls !== 'content' || stop(k)) break;
    current.push(k);
  }
  if (current.length > 0) blocks.push(current);
  return { blocks, end: k };
}

/** A block read as one field row, or null where its name is none a table of directions has. */
function fieldRow(text: string, lines: readonly TableLine[], block: readonly number[], edges: readonly number[]): FieldRow | null {
  const name: Fragment[] = [];
  const cells: Fragment[][] = edges.map(() => []);
  for (const k of block) {
    for (const f of lineFragments(text, lines[k]!.start, lines[k]!.end, k)) {
      const c = columnAt(edges, f);
      if (c === 0) name.push(f);
      else cells[c - 1]!.push(f);
    }
  }
  return name.length > 0 && columnOf(cellTextOf(text, name)) !== null ? { name, cells } : null;
}

/**
 * A transposed spaced table whose 序号 row is at line `first`, or null. At least three field rows
 * besides the 序号 row, and a title or partner row among them.
 */
export function transposedSpacedTable(text: string, lines: readonly TableLine[], first: number): Table | null {
  const head = idRow(text, lines, first);
  if (!head) return null;
  const taken = new Set<number>([first]);
  const layout: (Range & { kind: 'table-layout' | 'table-header' | 'footnote' })[] = [];
  const groups: Group[] = [];
  let edges = head.edges;
  let start = first;
  for (;;) {
    const group: Group = { edges, rows: [] };
    const ids: Fragment[][] = edges.map(() => []);
    for (const f of lineFragments(text, lines[start]!.start, lines[start]!.end, start).slice(1)) ids[columnAt(edges, f) - 1]?.push(f);
    group.rows.push({ name: [lineFragments(text, lines[start]!.start, lines[start]!.end, start)[0]!], cells: ids });
    const isEnd = (k: number): boolean => RE_CONTINUED.test(lines[k]!.raw.trim()) || idRow(text, lines, k, 1) !== null;
    const { blocks, end } = blocksFrom(text, lines, start + 1, isEnd);
    let last = start;
    for (const block of blocks) {
      const row = fieldRow(text, lines, block, edges);
      if (!row) break;
      group.rows.push(row);
      for (const k of block) taken.add(k);
      last = block[block.length - 1]!;
    }
    groups.push(group);
    // `续表` and the next group's 序号 row, right after the last row read.
    let next = last + 1;
    while (next < lines.length && TRANSPARENT.has(lines[next]!.cls)) next++;
    if (next !== end || end >= lines.length) break;
    let at = end;
    if (RE_CONTINUED.test(lines[at]!.raw.trim())) {
      layout.push({ ...trimRange(text, lines[at]!.start, lines[at]!.end, at), kind: 'table-layout' });
      taken.add(at);
      at++;
      while (at < lines.length && TRANSPARENT.has(lines[at]!.cls)) at++;
    }
    // (The last group may hold one direction only.)
    const again = idRow(text, lines, at, 1);
    if (!again) break;
    taken.add(at);
    edges = again.edges;
    start = at;
  }
  const table = asDirections(text, groups, taken, layout, first);
  return table && withNotes(text, lines, table);
}

/** The groups' columns as rows of a table of directions, its columns named by the first group's field rows. */
function asDirections(text: string, groups: readonly Group[], taken: Set<number>, layout: (Range & { kind: 'table-layout' | 'table-header' | 'footnote' })[], first: number): Table | null {
  const names = groups[0]!.rows.map((r) => cellTextOf(text, r.name).replace(/\s+/g, ''));
  const columns: (Column | null)[] = names.map((n) => columnOf(n));
  if (names.length < 4 || !columns.some((c) => c?.role === 'title' || c?.role === 'partners')) return null;
  const rows: TableRow[] = [];
  for (const g of groups) {
    for (const r of g.rows) for (const p of r.name) layout.push({ start: p.start, end: p.end, line: p.line, kind: 'table-header' });
    for (let j = 0; j < g.edges.length; j++) {
      // Each field of this direction, in the order of the first group's rows (by name).
      const cells = names.map((n) => g.rows.find((r) => cellTextOf(text, r.name).replace(/\s+/g, '') === n)?.cells[j] ?? []);
      const line = cells[0]?.[0]?.line ?? g.rows[0]!.name[0]!.line;
      if (cells.every((c) => c.length === 0)) continue;
      rows.push({ line, cells: cells.map((c) => c.map((f) => ({ start: f.start, end: f.end, line: f.line }))) });
    }
  }
  if (rows.length < 2) return null;
  const header = groups[0]!.rows.map((r) => r.name.map((f) => ({ start: f.start, end: f.end, line: f.line })));
  return { kind: 'directions', lines: taken, first, columns, header, rows, layout: layout.sort((a, b) => a.start - b.start) };
}

/** A note's mark: a circled number (`①`…`⑳`). */
const RE_NOTE_MARK = /[\u2460-\u2473]/;
/** A note under a table (`注：① 港澳青年…`, `② 每个项目…`): `注：` and its mark, then its text. */
const RE_NOTE_LINE = /^[\f \t\u3000]*(注[：:][ \t\u3000]*)?([\u2460-\u2473])[ \t\u3000]*(\S.*?)[ \t\u3000]*$/;

/**
 * Notes under a table whose cells mark them (`7②` over `注：… ② 每个项目国拨经费不超过300万元。`):
 * each note read into the rows that mark it, as a field `注` of its own; the mark in the cell and
 * the note's `注：` and mark are logged (`footnote`, `table-layout`). The note lines become the
 * table's. In place; returns the table with a `注` column where any row marks a note.
 */
export function withNotes(text: string, lines: readonly TableLine[], table: Table): Table {
  const notes = new Map<string, Range>();
  const layout = [...table.layout];
  const noteLines: number[] = [];
  let k = Math.max(...table.lines) + 1;
  for (let seen = 0; k < lines.length && seen < 8; k++) {
    const l = lines[k]!;
    if (TRANSPARENT.has(l.cls)) continue;
    const m = l.cls === 'content' || l.cls === 'footnote' ? RE_NOTE_LINE.exec(l.raw) : null;
    if (!m) break;
    seen++;
    const lead = l.start + (m[1] ? l.raw.indexOf(m[1]) : l.raw.indexOf(m[2]!));
    const at = l.start + l.raw.indexOf(m[3]!, l.raw.indexOf(m[2]!));
    layout.push({ start: lead, end: at, line: k, kind: 'table-layout' });
    notes.set(m[2]!, { start: at, end: at + m[3]!.length, line: k });
    noteLines.push(k);
  }
  if (notes.size === 0) return table;
  let marked = false;
  const rows = table.rows.map((row) => {
    const own: Range[] = [];
    const cells = row.cells.map((cell) =>
      cell.map((p) => {
        const last = text.slice(p.start, p.end).trimEnd();
        const mark = last.slice(-1);
        const note = RE_NOTE_MARK.test(mark) ? notes.get(mark) : undefined;
        if (!note) return p;
        const end = p.start + last.length - 1;
        layout.push({ start: end, end: end + 1, line: p.line, kind: 'footnote' });
        if (!own.includes(note)) own.push(note);
        marked = true;
        return { ...p, end };
      }),
    );
    return { ...row, cells: [...cells, own] };
  });
  if (!marked) return table;
  const taken = new Set(table.lines);
  for (const n of noteLines) taken.add(n);
  return { ...table, lines: taken, columns: [...table.columns, columnOf('注')], header: [...table.header, []], rows, layout: layout.sort((a, b) => a.start - b.start) };
}
