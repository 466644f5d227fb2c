/**
 * How far V8 lets the heap grow while a large document is read and written.
 *
 * After each full collection V8 lets the old generation grow to a multiple of what was alive (up
 * to 4×, by its own measure of how fast it collects) before it collects it again. For a large text
 * that multiple is most of the peak: a 10 MB text is never more than ~220 MB alive, yet the process
 * peaked at 500 MB; a 45 MB text at 1.9 GB. While a document of `LARGE_DOCUMENT` bytes or more is
 * under way, the heap may grow by `GROWTH_PERCENT` % past what was alive (V8's
 * `--heap-growing-percent`, set for the process and set back to V8's own rule after), at no
 * measurable cost in time on those texts (README, Performance). Smaller documents keep V8's rule:
 * their heaps are small, and collecting them more often would cost a batch time.
 */
import { setFlagsFromString } from 'node:v8';

/** Documents of this many bytes or more are read with the heap paced. */
export const LARGE_DOCUMENT = 4 * 2 ** 20;
/** How far the heap may grow past what was alive at the last full collection, while they are. */
export const GROWTH_PERCENT = 20;

let under = 0;

/**
 * Paces the heap while a document of `bytes` bytes is under way, if it is large; returns what ends
 * that (call it once the document's files are written, or it failed). Documents under way at once
 * are counted: V8's own rule comes back when the last large one is done.
 */
export function paceHeap(bytes: number): () => void {
  if (bytes < LARGE_DOCUMENT) return () => undefined;
  if (under++ === 0) setFlagsFromString(`--heap-growing-percent=${GROWTH_PERCENT}`);
  let done = false;
  return () => {
    if (done) return;
    done = true;
    // 0 is V8's default: its own growing factor.
    if (--under === 0) setFlagsFromString('--heap-growing-percent=0');
  };
}
