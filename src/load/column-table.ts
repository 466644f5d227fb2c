/**
 * A table of directions copied from a PDF column by column, as some viewers give a table whose
 * cells the PDF draws a column at a time: `序号` on a line of its own, the rows' numbers under it
 * (`1.1`, `1.2`, …), then each column's header (`指南方向`, `拟支持项目` / `数（个）` wrapped over two
 * lines) and its cells, one after another, a cell wrapped over several lines where its column is
 * narrow. Rebuilt here as the pipe rows the text-table reader reads (`| 序号 | 指南方向 | … |`), so a
 * later stage never knows where the table came from. Pure.
 *
 * A column's lines are parted into as many cells as there are numbers: a line that starts a list
 * (`（1）`), a title in 《》, or follows a line that left room in the column starts a cell, one that
 * starts with a clause's punctuation never does; where that gives too few, the longest of the rest
 * start one (a wrapped cell ends short), where too many, the shortest go with the cell before them.
 */
import { columnOf } from '../lexicon/columns.js';
import type { Removal } from '../types.js';
import { unplaced } from './blocks.js';

/** A row's number in the `序号` column. */
const RE_ID = /^(?:\d{1,2}(?:[.．]\d{1,2}){0,2}|[一二三四五六七八九十]{1,3})$/;
/** The unit tail of a header wrapped onto its own line: `数（个）`, `（万元）`, `（年）`. */
const RE_HEADER_TAIL = /^[\u4e00-\u9fff]{0,4}[（(][^（）()]{1,6}[）)]$/;
/** What ends a table's block of columns: a page number, a continuation caption, a blank line. */
const RE_STOP = /^(?:[—–-]\s*\d{1,3}\s*[—–-]|表\s*\d+\s*[（(]续[）)]|第\s*\d+\s*页)$/;

interface Column {
  readonly header: string;
  readonly lines: string[];
}

/** Whether `text` (a line, trimmed) is a column's header. */
function isHeader(text: string): boolean {
  return text.length <= 12 && !/[。；，,、：:]/.test(text) && columnOf(text) !== null;
}

/** The text with each column-major table rebuilt as pipe rows, and what was logged. */
export function rebuildColumnTables(text: string): { text: string; removed: Removal[] } | null {
  const lines = text.split('\n');
  const out: string[] = [];
  const removed: Removal[] = [];
  let changed = false;
  for (let i = 0; i < lines.length; i++) {
    const table = readTable(lines, i);
    if (!table) {
      out.push(lines[i]!);
      continue;
    }
    const { columns, next } = table;
    const n = columns[0]!.lines.length;
    const cells = columns.map((c) => (c.lines.length === n ? [...c.lines] : cellsOf(c.lines, n)));
    out.push(`| ${columns.map((c) => c.header).join(' | ')} |`);
    out.push(`| ${columns.map(() => '---').join(' | ')} |`);
    for (let r = 0; r < n; r++) out.push(`| ${cells.map((c) => (c[r] ?? '').replace(/\|/g, '｜')).join(' | ')} |`);
    removed.push(unplaced('table-layout', `${columns.length}列×${n}行的表格按列复制，已按行重排`));
    changed = true;
    i = next - 1;
  }
  return changed ? { text: out.join('\n'), removed } : null;
}

/** The table whose `序号` line is line `i`: its columns (the first the numbers) and the line after it; or null. */
function readTable(lines: readonly string[], i: number): { columns: Column[]; next: number } | null {
  const head = lines[i]!.trim();
  if (columnOf(head)?.role !== 'id') return null;
  if (i + 1 < lines.length && lines[i + 1]!.trim() === '') return readBlockTable(lines, i);
  let j = i + 1;
  const ids: string[] = [];
  while (j < lines.length && RE_ID.test(lines[j]!.trim())) ids.push(lines[j++]!.trim());
  if (ids.length < 2) return null;
  const columns: Column[] = [{ header: head, lines: ids }];
  while (j < lines.length) {
    let header = lines[j]!.trim();
    if (!isHeader(header)) break;
    j++;
    // A header wrapped over two lines (`拟支持项目` / `数（个）`).
    if (j < lines.length && RE_HEADER_TAIL.test(lines[j]!.trim())) header += lines[j++]!.trim();
    const cells: string[] = [];
    while (j < lines.length) {
      const t = lines[j]!.trim();
      if (t === '' || RE_STOP.test(t) || (isHeader(t) && cells.length >= ids.length)) break;
      cells.push(t);
      j++;
    }
    if (cells.length < ids.length) return null;
    columns.push({ header, lines: cells });
  }
  return columns.length >= 3 ? { columns, next: j } : null;
}

/** A total row's name in the `序号` column. */
const RE_TOTAL_ID = /^(?:合计|小计|总计)$/;

/**
 * The table whose `序号` line is line `i`, as a copy that keeps the PDF's text blocks gives it
 * (`pdftotext` without `-layout`): every cell a block of its own, a blank line after it, its lines
 * the cell's wrapped lines; a header wrapped over two lines (`拟支持项` / `目数（个）`). A column
 * with fewer blocks than rows had merged cells, printed once where they start: one block is every
 * row's (a region over the whole page's rows), as many as the rows but the total row's are theirs,
 * any other count is left empty (which rows a block spans is not in the text).
 */
function readBlockTable(lines: readonly string[], i: number): { columns: Column[]; next: number } | null {
  const blocks: { text: string; end: number }[] = [];
  let j = i + 1;
  // The blocks after the `序号` line, up to a page's number or a caption that ends the table.
  while (j < lines.length) {
    while (j < lines.length && lines[j]!.trim() === '') j++;
    if (j >= lines.length || RE_STOP.test(lines[j]!.trim())) break;
    let text = '';
    while (j < lines.length && lines[j]!.trim() !== '') text += lines[j++]!.trim();
    blocks.push({ text, end: j });
  }
  let k = 0;
  const ids: string[] = [];
  // (One row may stand on a page of its own: the columns' headers after it say it is a table.)
  while (k < blocks.length && (RE_ID.test(blocks[k]!.text) || (ids.length >= 2 && RE_TOTAL_ID.test(blocks[k]!.text)))) ids.push(blocks[k++]!.text);
  if (ids.length === 0) return null;
  const n = ids.length;
  const total = RE_TOTAL_ID.test(ids[n - 1]!);
  const columns: Column[] = [{ header: lines[i]!.trim(), lines: ids }];
  let next = blocks[k - 1]!.end;
  while (k < blocks.length && isHeader(blocks[k]!.text)) {
    const header = blocks[k++]!.text;
    const cells: string[] = [];
    while (k < blocks.length && cells.length < n && !isHeader(blocks[k]!.text)) cells.push(blocks[k++]!.text);
    next = blocks[k - 1]!.end;
    const rows = cells.length === n ? cells : cells.length === 1 ? Array<string>(total ? n - 1 : n).fill(cells[0]!) : total && cells.length === n - 1 ? cells : [];
    columns.push({ header, lines: Array.from({ length: n }, (_, r) => rows[r] ?? '') });
  }
  return columns.length >= 3 ? { columns, next } : null;
}

/** A column's lines parted into `n` cells (see the file's comment). */
function cellsOf(lines: readonly string[], n: number): string[] {
  if (lines.length === n) return [...lines];
  const longest = Math.max(...lines.map((l) => l.length));
  const full = (k: number): boolean => lines[k]!.length >= longest - 1;
  const opens = (l: string): boolean => /^(?:[（(]1[）)]|1[.．、]|《|[（(]一[）)])/.test(l);
  // Sure: the first line, a list's first item, a title in 《》, a line after one that left room.
  // Surely not: a line that starts with a clause's punctuation. The rest (after a full line) may be either.
  const sure = lines.map((l, k) => k === 0 || opens(l) || !full(k - 1));
  const never = lines.map((l, k) => k > 0 && /^[；;，,、。）)》”]/.test(l));
  const starts = sure.map((x, k) => x && !never[k]);
  let count = starts.filter(Boolean).length;
  // Too few: the longest of the others start a cell (a wrapped cell's last line is the short one).
  const maybe = lines.map((l, k) => ({ l, k })).filter(({ k }) => !starts[k] && !never[k]).sort((a, b) => b.l.length - a.l.length || a.k - b.k);
  for (const { k } of maybe) {
    if (count >= n) break;
    starts[k] = true;
    count++;
  }
  // Too many: the shortest that no sign opens go with the cell before them.
  const extra = lines.map((l, k) => ({ l, k })).filter(({ l, k }) => k > 0 && starts[k] && !opens(l)).sort((a, b) => a.l.length - b.l.length || a.k - b.k);
  for (const { k } of extra) {
    if (count <= n) break;
    starts[k] = false;
    count--;
  }
  const cells: string[] = [];
  lines.forEach((l, k) => {
    if (starts[k] || cells.length === 0) cells.push(l);
    else cells[cells.length - 1] += l;
  });
  return cells;
}
