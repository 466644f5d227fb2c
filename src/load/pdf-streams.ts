/**
 * A bound on how far a PDF's compressed streams inflate, checked before pdf.js reads the file.
 *
 * A Flate stream can inflate about a thousand times (more when filters are chained: `[/FlateDecode
 * /FlateDecode]`), and pdf.js inflates a stream whole, into memory, when it reads it: a 1.2 MB PDF
 * took 3.6 GB. pdf.js offers no hook to stop it, so every stream whose first filter is FlateDecode
 * is inflated here first, one at a time, by zlib with a ceiling on its output (each buffer dropped
 * at once): a stream that inflates beyond `perStream`, or streams that together inflate beyond
 * `perDocument`, fail the document with one line. Chained Flate filters are inflated layer by
 * layer, each layer under the same ceiling. Streams behind another first filter (ASCII85, LZW) and
 * encrypted streams are not measured (their bytes are no Flate data until pdf.js decodes them).
 * A stream zlib cannot inflate is left to pdf.js, which says whether the file is damaged.
 */
import { createRequire } from 'node:module';
import { GuidelineError } from '../types.js';
import { reason } from '../messages/reasons.js';

export interface InflateLimits {
  /** Most bytes one stream may inflate to. */
  readonly perStream: number;
  /** Most bytes all streams of a document may inflate to, together. */
  readonly perDocument: number;
}

const MiB = 1024 * 1024;

/**
 * 256 MiB a stream (an uncompressed A4 page image at 600 dpi in colour is about 100 MB), 1 GiB a
 * document.
 */
export const DEFAULT_INFLATE_LIMITS: InflateLimits = { perStream: 256 * MiB, perDocument: 1024 * MiB };

const STREAM = Buffer.from('stream');
const END_STREAM = Buffer.from('endstream');
/** How far before `stream` its object's dictionary is looked for. */
const DICT_WINDOW = 4096;

const mib = (n: number): string => (n >= MiB ? `${Math.round((n / MiB) * 10) / 10} MiB` : `${n} bytes`);

/** Throws `GuidelineError('too-large')` when the PDF's Flate streams inflate beyond `limits`. */
export function checkInflatedSize(bytes: Uint8Array, limits: InflateLimits = DEFAULT_INFLATE_LIMITS): void {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let total = 0;
  for (let at = buf.indexOf(STREAM); at >= 0; at = buf.indexOf(STREAM, at + STREAM.length)) {
    // `stream` right after a dictionary's `>>` (white space between): not `endstream`, not a word.
    let k = at - 1;
    while (k >= 0 && isWhite(buf[k]!)) k--;
    if (k < 1 || buf[k] !== 0x3e || buf[k - 1] !== 0x3e) continue;
    let start = at + STREAM.length;
    if (buf[start] === 0x0d) start++;
    if (buf[start] === 0x0a) start++;
    const end = buf.indexOf(END_STREAM, start);
    if (end < 0) break;
    const layers = flateLayers(buf.toString('latin1', Math.max(0, at - DICT_WINDOW), at));
    let data: Buffer = buf.subarray(start, end);
    for (let layer = 0; layer < layers; layer++) {
      const room = limits.perDocument - total;
      const out = inflateCapped(data, Math.min(limits.perStream, room), layer < layers - 1);
      if (out === 'too-large') {
        throw new GuidelineError(
          'too-large',
          room < limits.perStream ? reason('pdf-too-large-inflated', mib(limits.perDocument), true) : reason('pdf-too-large-inflated', mib(limits.perStream), false),
        );
      }
      if (out === null) break;
      if (layer === layers - 1) total += out.length;
      else if (out.bytes) data = out.bytes;
    }
    at = end;
  }
}

function isWhite(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x0c || c === 0x00;
}

/**
 * How many Flate layers lead the filter chain of the last dictionary in `before` (the text before a
 * `stream` keyword): `/Filter /FlateDecode` is 1, `/Filter [/FlateDecode /FlateDecode]` 2, a chain
 * that starts with another filter 0.
 */
function flateLayers(before: string): number {
  const obj = before.lastIndexOf(' obj');
  const dict = obj >= 0 ? before.slice(obj) : before;
  const m = /\/Filter\s*(\[[^\]]*\]|\/[A-Za-z0-9]+)/.exec(dict);
  if (!m) return 0;
  const names = m[1]!.match(/\/[A-Za-z0-9]+/g) ?? [];
  let n = 0;
  while (n < names.length && (names[n] === '/FlateDecode' || names[n] === '/Fl')) n++;
  return n;
}

/** `data` inflated, if it inflates to at most `cap` bytes; 'too-large' if more; null if it is no Flate data. */
/** fflate, loaded once (text runs never need it). */
let loaded: typeof import('fflate') | undefined;
const fflate = (): typeof import('fflate') => (loaded ??= createRequire(import.meta.url)('fflate') as typeof import('fflate'));

/** Compressed bytes given to fflate at a time (at most ~1,000 times as many come out). */
const SLICE = 4096;

/** Thrown from fflate's callback to stop inflating at the ceiling. */
const OVER = new Error('over the ceiling');

/**
 * A stream inflated up to `cap` bytes: how many it gives, and the bytes where `keep` asks (the next
 * layer of a chain); `too-large` past the ceiling; null where it is no Flate data at all.
 * (fflate, in JavaScript, rather than `node:zlib`: a worker thread ended while a zlib handle is being
 * set up aborts the whole process as Node tears the thread down — `close before init`, seen when the
 * pool stops a worker at its time limit. A stream cut short inflates as far as it goes, as pdf.js
 * reads it.)
 */
function inflateCapped(data: Buffer, cap: number, keep: boolean): { length: number; bytes: Buffer | null } | 'too-large' | null {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const stream = new (fflate().Unzlib)((chunk) => {
    size += chunk.length;
    if (size > Math.max(1, cap)) throw OVER;
    if (keep) chunks.push(chunk);
  });
  try {
    // In slices: fflate sizes its output buffer by what one push gives, so a bomb fed whole would
    // be held whole before the ceiling is seen.
    for (let at = 0; at < data.length; at += SLICE) stream.push(data.subarray(at, at + SLICE), at + SLICE >= data.length);
  } catch (error) {
    if (error === OVER) return 'too-large';
    if (size === 0) return null;
  }
  return { length: size, bytes: keep ? Buffer.concat(chunks) : null };
}
