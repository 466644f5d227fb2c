/**
 * Values as printed. `clean` reads a text in traditional script as simplified, one character for
 * one, so that labels, units and partner names match the lexicon; the values a person reads
 * (titles, domains, agreements, requirement texts, …) are given back in the script they were
 * printed in, by aligning each value with the loaded text its span covers.
 */
import { SIMPLIFIED_OF, writtenInTraditional } from '../lexicon/script.js';

/** The keys whose strings are printed text, and the key of the span they are read from. */
const TEXT_KEYS: readonly (readonly [text: string, span: string])[] = [
  ['title', 'titleSpan'],
  ['category', 'titleSpan'],
  ['kind', 'titleSpan'],
  ['title', 'span'],
  ['label', 'span'],
  ['detail', 'span'],
  ['text', 'span'],
  ['stated', 'span'],
];

/** How far ahead in the loaded text a value's next character is looked for (removed page numbers, line ends). */
const LOOKAHEAD = 240;


/** `value` with each character that the loaded text `printed` has in traditional script given as printed. */
export function asPrintedText(value: string, printed: string): string {
  let j = 0;
  let out = '';
  for (const c of value) {
    let hit = -1;
    for (let k = j; k < printed.length && k < j + LOOKAHEAD; k++) {
      const p = printed[k]!;
      if (p === c || SIMPLIFIED_OF.get(p) === c) {
        hit = k;
        break;
      }
    }
    if (hit < 0) out += c;
    else {
      out += printed[hit]!;
      j = hit + 1;
    }
  }
  return out;
}

interface SpanLike {
  readonly start: number;
  readonly end: number;
}
const isSpan = (x: unknown): x is SpanLike => typeof x === 'object' && x !== null && typeof (x as SpanLike).start === 'number' && typeof (x as SpanLike).end === 'number';

/**
 * `value` (any extracted structure) with its printed strings in the script of the loaded text.
 * Returns `value` itself when the text is not written in traditional script (as `clean` decides). Pure.
 */
export function asPrinted<T>(value: T, source: string): T {
  if (!writtenInTraditional(source)) return value;
  const walk = (x: unknown): unknown => {
    if (Array.isArray(x)) return x.map(walk);
    if (typeof x !== 'object' || x === null || ArrayBuffer.isView(x)) return x;
    const o = x as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(o)) out[k] = walk(v);
    for (const [key, spanKey] of TEXT_KEYS) {
      const s = o[spanKey];
      if (typeof o[key] === 'string' && isSpan(s)) out[key] = asPrintedText(o[key], source.slice(s.start, s.end));
    }
    return out;
  };
  return walk(value) as T;
}
