/**
 * CSV as RFC 4180 defines it and Excel reads it: UTF-8 with a byte-order mark (without it Excel
 * takes the file for the ANSI code page and shows mojibake for Chinese), records ended by CRLF, a
 * field quoted when it holds a comma, a double quote, CR or LF, its quotes doubled.
 */
import { header, shownValue, type CellValue, type HeaderLanguage, type Table } from './model.js';

export interface CsvOptions {
  /** Header row: Chinese headers or the column keys. @default 'zh' */
  readonly headers?: HeaderLanguage;
}

const BOM = '\uFEFF';
const NEEDS_QUOTES = /[",\r\n]/;
/**
 * A text that Excel would run as a formula when it opens the file (`=`, `+`, `-`, `@`, and the tab
 * and CR it also strips): prefixed with `'`, as OWASP advises against CSV injection. Numbers are
 * numbers here, never text, so a negative amount is not touched.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

function field(value: CellValue): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The table as CSV text (BOM included): a header row, then one record per row. */
export function toCsv(table: Table, options: CsvOptions = {}): string {
  const language = options.headers ?? 'zh';
  const records = [table.columns.map((c) => field(header(c, language))), ...table.rows.map((row) => row.map((v, i) => field(shownValue(v, table.columns[i]!, language))))];
  return `${BOM}${records.map((r) => r.join(',')).join('\r\n')}\r\n`;
}
