/**
 * A spreadsheet printed cell by cell, as a script or a tool dumps a workbook to text: a line per
 * non-empty cell (`B7: 内地与香港联合研究项目`), a cell's further lines without an address, each
 * sheet under a header of its own (`=== 工作表 1/2: 指南 …`) with its merged ranges listed
 * (`合并区域: A1:H1, G7:G9`). Each sheet is put back as its grid: a row of one cell merged across the
 * sheet as a line of text, other rows as the pipe rows the text-table reader reads (a cell's lines
 * joined by `<br>`, a value merged down a column given to each row it covers, a caption merged
 * across the table in every column). The dump's own lines are logged. Pure.
 */
import type { Removal } from '../types.js';
import { unplaced } from './blocks.js';

const RE_CELL = /^([A-Z]{1,3})(\d{1,5})[:：]\s?(.*)$/;
const RE_SHEET = /^\s*(?:={2,}|#{1,3}|-{2,})?\s*(?:工作表|[Ss]heet\b).*$/;
const RE_MERGED = /^\s*(?:合并区域|合并单元格|Merged(?: cells| ranges)?)\s*[:：]\s*(.*)$/i;

const column = (letters: string): number => [...letters].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) - 1;

interface Sheet {
  readonly cells: Map<string, string>;
  readonly merged: { r0: number; c0: number; r1: number; c1: number }[];
}

const key = (r: number, c: number): string => `${r},${c}`;

/** The text with each dumped sheet written as its lines and pipe rows; null where the text is no such dump. */
export function rebuildCellDump(text: string): { text: string; removed: Removal[] } | null {
  const lines = text.split('\n');
  if (lines.filter((l) => RE_CELL.test(l)).length < 20) return null;
  const sheets: Sheet[] = [];
  const removed: Removal[] = [];
  let sheet: Sheet | null = null;
  let last: string | null = null;
  for (const line of lines) {
    const cell = RE_CELL.exec(line);
    if (cell) {
      if (!sheet) sheets.push((sheet = { cells: new Map(), merged: [] }));
      last = key(Number(cell[2]) - 1, column(cell[1]!));
      sheet.cells.set(last, cell[3]!);
      continue;
    }
    const merged = RE_MERGED.exec(line);
    if (RE_SHEET.test(line) || merged) {
      if (RE_SHEET.test(line)) sheets.push((sheet = { cells: new Map(), merged: [] }));
      for (const m of (merged?.[1] ?? '').matchAll(/([A-Z]{1,3})(\d{1,5}):([A-Z]{1,3})(\d{1,5})/g)) {
        sheet?.merged.push({ r0: Number(m[2]) - 1, c0: column(m[1]!), r1: Number(m[4]) - 1, c1: column(m[3]!) });
      }
      removed.push(unplaced('record-header', line.trim()));
      last = null;
      continue;
    }
    // A cell's further line (its text held a line break), or the dump's own line.
    if (last !== null && sheet && line.trim() !== '') sheet.cells.set(last, `${sheet.cells.get(last)!}\n${line}`);
    else {
      if (line.trim() !== '') removed.push(unplaced('record-header', line.trim()));
      last = null;
    }
  }
  const out: string[] = [];
  for (const s of sheets) {
    if (s.cells.size === 0) continue;
    const positions = [...s.cells.keys()].map((k) => k.split(',').map(Number) as [number, number]);
    const rows = Math.max(...positions.map((p) => p[0])) + 1;
    const cols = Math.max(...positions.map((p) => p[1])) + 1;
    const at = (r: number, c: number): string => s.cells.get(key(r, c)) ?? '';
    // Merged down a column: each row it covers holds its value; across the sheet: a caption or a line.
    for (const m of s.merged) {
      const v = at(m.r0, m.c0);
      for (let r = m.r0; r <= m.r1; r++) for (let c = m.c0; c <= m.c1; c++) if (at(r, c) === '' && (m.c0 === m.c1 || r === m.r0)) s.cells.set(key(r, c), v);
    }
    const across = (r: number): boolean => s.merged.some((m) => m.r0 === r && m.c0 === 0 && m.c1 >= cols - 1);
    for (let r = 0; r < rows; r++) {
      const row = Array.from({ length: cols }, (_, c) => at(r, c));
      const filled = row.filter((x) => x !== '').length;
      if (filled === 0) {
        out.push('');
        continue;
      }
      if (across(r) || (filled === 1 && row[0] !== '' && !rowsAround(s, r, cols))) {
        // A line of text across the sheet: inside a table a caption (every column), else its lines.
        if (rowsAround(s, r, cols)) out.push(`| ${Array.from({ length: cols }, () => row.find((x) => x !== '')!.replace(/\n/g, '<br>')).join(' | ')} |`);
        else out.push('', ...row.find((x) => x !== '')!.split('\n'), '');
        continue;
      }
      out.push(`| ${row.map((x) => x.replace(/\|/g, '｜').replace(/\n/g, '<br>')).join(' | ')} |`);
    }
    out.push('');
  }
  return { text: out.join('\n'), removed };
}

/** Whether the rows above and below `r` hold several cells each (a table goes on around it). */
function rowsAround(s: Sheet, r: number, cols: number): boolean {
  const many = (row: number): boolean => Array.from({ length: cols }, (_, c) => s.cells.get(key(row, c)) ?? '').filter((x) => x !== '').length >= 2;
  return r > 0 && many(r - 1) && many(r + 1);
}
