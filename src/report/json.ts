/**
 * The validated document as JSON text, in pieces: exactly the bytes of `JSON.stringify(doc, null,
 * 2)` and a line end, handed to `write` a piece at a time, so that a large document's JSON (about
 * ten times its text: 450 MB for a 45 MB text) is never one string in memory.
 *
 * An array whose elements are objects or arrays is written element by element, an object that holds
 * such an array property by property; anything else (a direction's span, a domain without
 * children) is one `JSON.stringify` call, indented to its depth. JSON text has no line end inside
 * a string (they are escaped), so indenting is putting the indent after each line end.
 */

/** A sink for text: called with each piece, in order. */
export type Write = (piece: string) => void;

/** An array or plain object: the values written piece by piece when they hold such values. */
const isContainer = (v: unknown): v is object => typeof v === 'object' && v !== null && typeof (v as { toJSON?: unknown }).toJSON !== 'function';

/** Whether `v` holds containers: then it is written piece by piece. */
function splits(v: object): boolean {
  if (Array.isArray(v)) {
    for (const x of v) if (isContainer(x)) return true;
    return false;
  }
  for (const k in v) {
    if (!Object.prototype.hasOwnProperty.call(v, k)) continue;
    const x = (v as Record<string, unknown>)[k];
    if (Array.isArray(x) && splits(x)) return true;
  }
  return false;
}

/** `value` as `JSON.stringify(value, null, 2)` gives it at `indent` (the spaces of its depth). */
function whole(value: unknown, indent: string): string | undefined {
  const s = JSON.stringify(value, null, 2) as string | undefined;
  if (s === undefined || indent === '' || !s.includes('\n')) return s;
  return s.replaceAll('\n', `\n${indent}`);
}

/** Writes `value` at `indent`; false when JSON has no text for it (`undefined`, a function). */
function emit(value: unknown, indent: string, write: Write): boolean {
  if (!isContainer(value) || !splits(value)) {
    const s = whole(value, indent);
    if (s === undefined) return false;
    write(s);
    return true;
  }
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    write('[');
    for (let i = 0; i < value.length; i++) {
      write(i === 0 ? `\n${inner}` : `,\n${inner}`);
      // As JSON.stringify: an element with no JSON text is `null`.
      if (!emit(value[i], inner, write)) write('null');
    }
    write(`\n${indent}]`);
    return true;
  }
  let first = true;
  write('{');
  for (const k in value) {
    if (!Object.prototype.hasOwnProperty.call(value, k)) continue;
    const v = (value as Record<string, unknown>)[k];
    if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue;
    write(`${first ? '\n' : ',\n'}${inner}${JSON.stringify(k)}: `);
    first = false;
    emit(v, inner, write);
  }
  write(first ? '}' : `\n${indent}}`);
  return true;
}

/** Writes `doc` as `JSON.stringify(doc, null, 2)` and a line end, piece by piece. */
export function writeJson(doc: unknown, write: Write): void {
  if (!emit(doc, '', write)) throw new TypeError('Expected a value with a JSON text');
  write('\n');
}
