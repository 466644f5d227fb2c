/**
 * An Excel "XML Spreadsheet 2003" workbook (`<?mso-application progid="Excel.Sheet"?>`), as Java
 * systems export a table and save it as `.xls`: one XML file, a `Worksheet` per sheet, its `Table`
 * of `Row`s of `Cell`s. A cell may skip columns (`ss:Index`, 1-based), span them (`ss:MergeAcross`)
 * or rows below (`ss:MergeDown`); its `Data` may hold rich text (HTML tags); a cell's line breaks
 * are `&#10;`. Hidden columns and rows (`ss:Hidden`), hidden sheets (`<Visible>SheetHidden`) and
 * comments are logged, never read. Read into the same sheets as the other workbooks
 * (`workbookText`).
 */
import type { Removal } from '../types.js';
import { unplaced, type BuiltText } from './blocks.js';
import { kid, kids, parseXml, type XmlElement } from './xml.js';
import { shownGrid, workbookText } from './xlsx.js';

/** All the text of an element, its elements' texts in order (rich text's tags read through). */
function textOf(e: XmlElement): string {
  let out = '';
  for (const c of e.children) out += typeof c === 'string' ? c : textOf(c);
  return out;
}

/** Reads the workbook's shown sheets. */
export function readXmlSpreadsheet(bytes: Uint8Array): BuiltText {
  const root = parseXml(new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, ''));
  const book = root.name === 'Workbook' ? root : (kid(root, 'Workbook') ?? root);
  const removed: Removal[] = [];
  const sheets = kids(book, 'Worksheet').map((ws) => {
    const name = ws.attrs['Name'] ?? '';
    const visible = kid(kid(ws, 'WorksheetOptions'), 'Visible');
    const hidden = visible !== undefined && /Hidden/.test(textOf(visible));
    return { name, hidden, rows: gridOf(kid(ws, 'Table'), removed) };
  });
  return workbookText(sheets, removed, 'xls-empty');
}

/** A sheet's table as the grid of shown cells. */
function gridOf(table: XmlElement | undefined, removed: Removal[]): string[][] {
  const grid: string[][] = [];
  const hiddenCols = new Set<number>();
  const hiddenRows = new Set<number>();
  const merges: { from: { row: number; col: number }; to: { row: number; col: number } }[] = [];
  let col = 0;
  for (const c of kids(table, 'Column')) {
    col = c.attrs['Index'] ? Number(c.attrs['Index']) - 1 : col;
    const span = Number(c.attrs['Span'] ?? 0) || 0;
    if (c.attrs['Hidden'] === '1') for (let i = col; i <= col + span && i < 16384; i++) hiddenCols.add(i);
    col += span + 1;
  }
  let r = 0;
  for (const row of kids(table, 'Row')) {
    r = row.attrs['Index'] ? Number(row.attrs['Index']) - 1 : r;
    if (r > 1_000_000) break;
    if (row.attrs['Hidden'] === '1') hiddenRows.add(r);
    let c = 0;
    for (const cell of kids(row, 'Cell')) {
      c = cell.attrs['Index'] ? Number(cell.attrs['Index']) - 1 : c;
      if (c > 16384) break;
      const data = kid(cell, 'Data');
      const text = data ? textOf(data).replace(/\r\n?/g, '\n').trim() : '';
      const comment = kid(cell, 'Comment');
      if (comment) {
        const note = textOf(comment).trim();
        if (note !== '') removed.push(unplaced('hidden-text', note));
      }
      if (text !== '') (grid[r] ??= [])[c] = text;
      const across = Number(cell.attrs['MergeAcross'] ?? 0) || 0;
      const down = Number(cell.attrs['MergeDown'] ?? 0) || 0;
      if (across > 0 || down > 0) merges.push({ from: { row: r, col: c }, to: { row: r + Math.min(down, 10000), col: c + Math.min(across, 1000) } });
      c += across + 1;
    }
    r++;
  }
  return shownGrid(grid, { merges, hiddenRows, hiddenCols }, removed);
}
