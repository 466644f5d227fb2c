/**
 * XLSX by write-excel-file (loaded when first needed, so that other commands do not pay for it):
 * one sheet per table, the header row bold and frozen, an autofilter over the table, column widths
 * from the content, numbers as numbers (amounts in yuan with thousands separators), flags as
 * booleans. What the library does not do itself is added through its `features` hook: the
 * autofilter (with the hidden `_xlnm._FilterDatabase` name Excel writes beside it) and a frozen pane
 * in the form Excel itself writes. Then every ZIP entry gets one fixed date (`zip.ts`): the same
 * tables give the same bytes.
 */
import type { Cell, Row, SheetData } from 'write-excel-file/node';
import { displayWidth } from '../lexicon/chars.js';
import { header, shownValue, type CellValue, type Column, type ExportTables, type HeaderLanguage, type Table } from './model.js';
import { fixZipTimestamps } from './zip.js';

export interface XlsxOptions {
  /** Header row and sheet names: Chinese or the column keys. @default 'zh' */
  readonly headers?: HeaderLanguage;
}

/** Excel's limit for the text of one cell; a longer text makes Excel "repair" the file. */
export const MAX_CELL_TEXT = 32_767;
/** Column widths, in characters of the default font (a CJK character counts 2). */
const MIN_WIDTH = 6;
const MAX_WIDTH = 60;
/** Room for the autofilter's drop-down button beside a header. */
const FILTER_BUTTON = 3;
const YUAN_FORMAT = '#,##0';

/** `A`, …, `Z`, `AA`, … for a 0-based column index. */
export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** The range a table covers, header included: `A1:BD16`. */
export function tableRange(table: Table): string {
  return `A1:${columnName(table.columns.length - 1)}${table.rows.length + 1}`;
}

const clip = (text: string): string => (text.length > MAX_CELL_TEXT ? `${text.slice(0, MAX_CELL_TEXT - 1)}…` : text);

function cell(value: CellValue, column: Column): Cell {
  if (value === null) return null;
  if (typeof value === 'number') return column.yuan ? { value, type: Number, format: YUAN_FORMAT } : { value, type: Number };
  if (typeof value === 'boolean') return { value, type: Boolean };
  return { value: clip(value), type: String };
}

/** How wide a value shows: the longest line of a text, a number as formatted. */
function shownWidth(value: CellValue, column: Column): number {
  if (value === null) return 0;
  if (typeof value === 'boolean') return 5;
  if (typeof value === 'number') return (column.yuan ? value.toLocaleString('en-US', { maximumFractionDigits: 0 }) : String(value)).length;
  return value.split('\n').reduce((w, line) => Math.max(w, displayWidth(line)), 0);
}

function widths(table: Table, language: HeaderLanguage): { width: number }[] {
  return table.columns.map((c, i) => {
    let w = displayWidth(header(c, language)) + FILTER_BUTTON;
    for (const row of table.rows) w = Math.max(w, shownWidth(shownValue(row[i] ?? null, c, language), c) + 1);
    return { width: Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, w)) };
  });
}

function sheetData(table: Table, language: HeaderLanguage): SheetData {
  const head: Row = table.columns.map((c): Cell => ({ value: header(c, language), type: String, fontWeight: 'bold', backgroundColor: '#E7ECF5' }));
  return [head, ...table.rows.map((row): Row => table.columns.map((c, i) => cell(shownValue(row[i] ?? null, c, language), c)))];
}

type Utility = typeof import('write-excel-file/utility');
/** A feature of the Node build (the type of its `features` option for several sheets, the last overload). */
type NodeFeature = NonNullable<NonNullable<Parameters<typeof import('write-excel-file/node').default>[1]>['features']>[number];

/** `'方向'!$A$1:$BD$16`: a sheet-qualified absolute reference, as defined names hold them. */
function absoluteRange(sheet: string, range: string): string {
  const [from, to] = range.split(':').map((ref) => ref.replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2'));
  return `'${sheet.replaceAll("'", "''")}'!${from}:${to}`;
}

/**
 * The autofilter and the frozen header row, on every sheet. `sheets[i]` is the i-th sheet's name
 * and range.
 */
function viewsAndFilters(xml: Utility, sheets: readonly { readonly name: string; readonly range: string }[]): NodeFeature {
  return {
    files: {
      transform: {
        'xl/worksheets/sheet{id}.xml': {
          transform: (content, _options, { sheetIndex }) => {
            const sheet = sheets[sheetIndex];
            if (!sheet) return content;
            let out = content;
            // The library freezes with `activePane="bottomRight"` and `xSplit="0"`; Excel writes a
            // frozen top row as a bottom-left pane with its selection, and so do we.
            const pane = xml.findElement(out, 'pane');
            if (pane) {
              out = xml.replaceElement(
                out,
                pane,
                `${xml.getSelfClosingTagMarkup('pane', { ySplit: 1, topLeftCell: 'A2', activePane: 'bottomLeft', state: 'frozen' })}${xml.getSelfClosingTagMarkup('selection', { pane: 'bottomLeft', activeCell: 'A2', sqref: 'A2' })}`,
              );
            }
            const order = xml.getOrderOfSiblings('xl/worksheets/sheet{id}.xml', 'worksheet') ?? [];
            return xml.insertElementMarkupAccordingToOrderOfSiblings(out, xml.getSelfClosingTagMarkup('autoFilter', { ref: sheet.range }), order, 'worksheet');
          },
        },
        'xl/workbook.xml': {
          transform: (content) => {
            const names = sheets
              .map((s, i) => `${xml.getOpeningTagMarkup('definedName', { name: '_xlnm._FilterDatabase', localSheetId: i, hidden: 1 })}${xml.sanitizeTextContent(absoluteRange(s.name, s.range))}${xml.getClosingTagMarkup('definedName')}`)
              .join('');
            const existing = xml.findElement(content, 'definedNames');
            if (!existing) {
              return xml.insertElementMarkupAccordingToOrderOfSiblings(content, `<definedNames>${names}</definedNames>`, xml.getOrderOfSiblings('xl/workbook.xml', 'workbook') ?? [], 'workbook');
            }
            if (existing.selfClosingTag) return xml.replaceElement(content, existing, `<definedNames>${names}</definedNames>`);
            return xml.appendMarkupInsideElement(content, existing, names);
          },
        },
      },
    },
  };
}

/**
 * The tables as an XLSX workbook, a sheet each: the export's directions then checks, or any list of
 * tables in its order (`history` writes its lines and totals so).
 */
export async function toXlsx(tables: ExportTables | readonly Table[], options: XlsxOptions = {}): Promise<Uint8Array> {
  const [{ default: writeXlsxFile }, xml] = await Promise.all([import('write-excel-file/node'), import('write-excel-file/utility')]);
  const language = options.headers ?? 'zh';
  const list: readonly Table[] = 'directions' in tables ? [tables.directions, tables.checks] : tables;
  const sheets = list.map((t) => ({ data: sheetData(t, language), sheet: t.sheet[language], columns: widths(t, language), stickyRowsCount: 1 }));
  const feature = viewsAndFilters(
    xml,
    list.map((t) => ({ name: t.sheet[language], range: tableRange(t) })),
  );
  const buffer = await writeXlsxFile(sheets, { features: [feature] }).toBuffer();
  return fixZipTimestamps(new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength));
}
