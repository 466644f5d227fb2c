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
  /**
   * For an enumeration: the Chinese word of each machine value (`draft` → `征求意见稿`), shown in
   * the Chinese columns; `--columns en` keeps the machine values, for scripts.
   */
  readonly labels?: Readonly<Record<string, string>>;
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

/** A cell as shown under `language`'s headers: an enumeration's Chinese word under Chinese headers, else the value. */
export function shownValue(value: CellValue, column: Column, language: HeaderLanguage): CellValue {
  return language === 'zh' && typeof value === 'string' && column.labels ? (column.labels[value] ?? value) : value;
}

/** A column and how to read its value from a row of `T`. */
export interface ColumnDef<T> extends Column {
  readonly get: (row: T) => CellValue;
}

export const textColumn = <T>(key: string, zh: string, get: (r: T) => string | null | undefined): ColumnDef<T> => ({ key, zh, type: 'text', get: (r) => get(r) ?? null });
/** A text column holding a machine value of an enumeration, shown as its Chinese word under Chinese headers. */
export const enumColumn = <T>(key: string, zh: string, labels: Readonly<Record<string, string>>, get: (r: T) => string | null | undefined): ColumnDef<T> => ({
  key,
  zh,
  type: 'text',
  labels,
  get: (r) => get(r) ?? null,
});
export const numberColumn = <T>(key: string, zh: string, get: (r: T) => number | null | undefined, yuan = false): ColumnDef<T> => ({
  key,
  zh,
  type: 'number',
  ...(yuan ? { yuan } : {}),
  get: (r) => get(r) ?? null,
});
export const booleanColumn = <T>(key: string, zh: string, get: (r: T) => boolean | null | undefined): ColumnDef<T> => ({ key, zh, type: 'boolean', get: (r) => get(r) ?? null });

/** Whole yuan as 万元 (`8000000` → `800`); null stays null. */
export const wan = (cny: number | undefined | null): number | null => (cny === undefined || cny === null ? null : cny / 10_000);

/** A table of `rows`, one value per column read by its definition. */
export function tableOf<T>(sheet: Table['sheet'], defs: readonly ColumnDef<T>[], rows: readonly T[]): Table {
  return { sheet, columns: defs.map(({ get: _get, ...column }) => column), rows: rows.map((r) => defs.map((c) => c.get(r))) };
}
