/**
 * What the readers of tables in text share (`tables.ts`, `transposed.ts`): the lines a table goes on
 * across, a cell's text from its pieces, a line's text without the white space around it.
 * Offsets are 0-based UTF-16 offsets into the loaded text; line indexes are 0-based.
 */

/** A piece of source text `[start, end)` on line `line`. */
export interface Range {
  readonly start: number;
  readonly end: number;
  /** 0-based index of the line it stands on. */
  readonly line: number;
}

/** Lines a table goes on across: blank, and page furniture already classified. */
export const TRANSPARENT: ReadonlySet<string> = new Set(['blank', 'page-number', 'running-header', 'running-footer', 'url-artefact', 'revision']);

/** The text of a cell: its pieces joined. */
export function cellTextOf(text: string, r: readonly Range[]): string {
  return r.map((p) => text.slice(p.start, p.end)).join('');
}

/** `[start, end)` of line `line` without the white space (and a form feed) around it. */
export function trimRange(text: string, start: number, end: number, line: number): Range {
  let a = start;
  let b = end;
  while (a < b && /[\s\u3000\f]/.test(text[a]!)) a++;
  while (b > a && /[\s\u3000]/.test(text[b - 1]!)) b--;
  return { start: a, end: b, line };
}
