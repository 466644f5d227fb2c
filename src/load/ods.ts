/**
 * An OpenDocument spreadsheet (`.ods`, as LibreOffice Calc, WPS 表格 and 永中 save one): the ZIP's
 * `content.xml`, a `table:table` per sheet, read into the same sheets as the other workbooks
 * (`workbookText`: rows of one value as paragraphs, runs of rows as tables). A cell's text is what
 * the suite shows (its `text:p` paragraphs, a number as its format writes it, `不超过8`), a line
 * break a line; runs of cells or rows (`number-columns-repeated`, `number-rows-repeated`) are
 * repeated where they hold text and skipped where they are empty; merged cells
 * (`number-columns-spanned`, `number-rows-spanned`, the `covered-table-cell`s under them) repeat
 * their text. Hidden columns and rows (`table:visibility="collapse"`) and hidden sheets (a table
 * style with `table:display="false"`) are logged, never read; so are comments (`office:annotation`).
 * Pure.
 */
import { GuidelineError, type Removal } from '../types.js';
import { reason } from '../messages/reasons.js';
import { unplaced, type BuiltText } from './blocks.js';
import { descendants, kid, kids, xmlPart, type XmlElement } from './xml.js';
import { shownGrid, workbookText } from './xlsx.js';

/** The most columns and rows a sheet is read to (a spreadsheet's empty runs reach 16,384 × 1,048,576). */
const MAX_COLS = 1000;
const MAX_ROWS = 100_000;

/** The text of an ODF paragraph: its text, `text:s` spaces, tabs and line breaks; notes and comments left out. */
export function odfText(e: XmlElement): string {
  let out = '';
  for (const c of e.children) {
    if (typeof c === 'string') out += c;
    else if (c.name === 's') out += ' '.repeat(Math.min(100, Math.max(1, Number(c.attrs['c'] ?? 1) || 1)));
    else if (c.name === 'tab') out += '\t';
    else if (c.name === 'line-break') out += '\n';
    else if (c.name !== 'annotation' && c.name !== 'note' && c.name !== 'annotation-end') out += odfText(c);
  }
  return out;
}

const repeated = (e: XmlElement, attr: string): number => Math.max(1, Number(e.attrs[attr] ?? 1) || 1);

/** A sheet's rows (`what` `row`) or columns (`column`) in order, through their header, plain and grouped runs. */
function partsOf(table: XmlElement, what: 'row' | 'column'): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of kids(table)) {
    if (c.name === `table-${what}`) out.push(c);
    else if (c.name === `table-header-${what}s` || c.name === `table-${what}s` || c.name === `table-${what}-group`) out.push(...partsOf(c, what));
  }
  return out;
}

/** One sheet as the grid of shown cells. */
function gridOf(table: XmlElement, removed: Removal[]): string[][] {
  const hiddenCols = new Set<number>();
  let col = 0;
  for (const c of partsOf(table, 'column')) {
    const n = repeated(c, 'number-columns-repeated');
    if (c.attrs['visibility'] === 'collapse' || c.attrs['visibility'] === 'filter') for (let i = col; i < col + n && i < MAX_COLS; i++) hiddenCols.add(i);
    col += n;
  }
  const grid: string[][] = [];
  const hiddenRows = new Set<number>();
  const merges: { from: { row: number; col: number }; to: { row: number; col: number } }[] = [];
  let r = 0;
  for (const row of partsOf(table, 'row')) {
    if (r >= MAX_ROWS) break;
    const cells: string[] = [];
    let c = 0;
    for (const cell of kids(row)) {
      if (cell.name !== 'table-cell' && cell.name !== 'covered-table-cell') continue;
      const n = repeated(cell, 'number-columns-repeated');
      for (const note of kids(cell, 'annotation')) {
        const text = descendants(note, 'p').map(odfText).join('\n').trim();
        if (text !== '') removed.push(unplaced('hidden-text', text));
      }
      const text = cell.name === 'covered-table-cell' ? '' : (kids(cell, 'p').length > 0 ? kids(cell, 'p').map(odfText).join('\n') : (cell.attrs['value'] ?? '')).replace(/\r\n?/g, '\n').trim();
      if (text !== '') {
        for (let k = 0; k < n && c + k < MAX_COLS; k++) cells[c + k] = text;
        const across = repeated(cell, 'number-columns-spanned') - 1;
        const down = repeated(cell, 'number-rows-spanned') - 1;
        if (across > 0 || down > 0) merges.push({ from: { row: r, col: c }, to: { row: r + Math.min(down, 10000), col: c + Math.min(across, MAX_COLS) } });
      }
      c += n;
    }
    const times = repeated(row, 'number-rows-repeated');
    const hidden = row.attrs['visibility'] === 'collapse' || row.attrs['visibility'] === 'filter';
    // (An empty run of rows, as a sheet's tail is written, is skipped, not repeated.)
    const shown = cells.some((t) => t !== undefined && t !== '') ? Math.min(times, MAX_ROWS - r) : 0;
    for (let k = 0; k < shown; k++) {
      grid[r + k] = [...cells];
      if (hidden) hiddenRows.add(r + k);
    }
    r += shown > 0 ? shown : Math.min(times, 1);
  }
  return shownGrid(grid, { merges, hiddenRows, hiddenCols }, removed);
}

/** Reads a `.ods` (the files of its ZIP) into the blocks of its shown sheets. */
export function readOds(files: Readonly<Record<string, Uint8Array>>): BuiltText {
  const content = xmlPart(files, 'content.xml', (part, detail) => new GuidelineError('odt-corrupt', reason('odf-bad-xml', part, 'ODS'), detail));
  const book = content ? descendants(content, 'spreadsheet')[0] : undefined;
  if (!content || !book) throw new GuidelineError('odt-corrupt', reason('odf-no-body', 'ODS'));
  // Table styles that hide their sheet (`style:table-properties table:display="false"`).
  const hiddenStyles = new Set(
    descendants(content, 'style')
      .filter((s) => s.attrs['family'] === 'table' && kid(s, 'table-properties')?.attrs['display'] === 'false')
      .map((s) => s.attrs['name'] ?? ''),
  );
  const removed: Removal[] = [];
  const sheets = kids(book, 'table').map((t) => ({ name: t.attrs['name'] ?? '', hidden: hiddenStyles.has(t.attrs['style-name'] ?? ''), rows: gridOf(t, removed) }));
  return workbookText(sheets, removed, 'xlsx-empty');
}
