/** The table model shared by the export and its serialisers. */
export type CellValue = string | number | boolean | null;

export interface Column {
  /** Stable English key: the header with `--columns en`, and the name scripts rely on. Add, never rename. */
  readonly key: string;
  /** Chinese header (the default). */
  readonly zh: string;
  /** What the column holds (null cells aside); `mixed`: a number or a text, as the value is. */
  readonly type: 'text' | 'number' | 'boolean' | 'mixed';
  /** Whole yuan: shown with thousands separators in XLSX. */
  readonly yuan?: boolean;
}

export interface Table {
  readonly sheet: { readonly zh: string; readonly en: string };
  readonly columns: readonly Column[];
  /** One array per row, one value per column, in column order. */
  readonly rows: readonly (readonly CellValue[])[];
}

export interface ExportTables {
  readonly directions: Table;
  readonly checks: Table;
}

export type HeaderLanguage = 'zh' | 'en';

export function header(column: Column, language: HeaderLanguage): string {
  return language === 'en' ? column.key : column.zh;
}
