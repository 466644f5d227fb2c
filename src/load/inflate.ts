/**
 * Makes pdf.js inflate Flate streams with its own synchronous decoder, for the rest of the process;
 * returns a function that undoes it.
 *
 * pdf.js 5 inflates every compressed stream it reads (content streams, CMaps, embedded fonts)
 * through the web `DecompressionStream` when the runtime has one. In Node each stream then goes
 * through Web Streams and a thread-pool round trip while the main thread waits: measured on the
 * four PDF fixtures, 47% of a Type 3 document's time was idle, and reading them all took 290 ms with
 * `DecompressionStream` and 195 ms without (CPU time 345 ms and 255 ms). Without the global, pdf.js
 * falls back to its own decoder (the one it uses wherever `DecompressionStream` fails), which gives
 * the same bytes. A global is the only handle pdf.js offers, so this is left to the process's owner:
 * the CLI and the pool's worker threads call it at start; a library user may or may not.
 */
export function useSynchronousInflate(): () => void {
  const descriptor = Object.getOwnPropertyDescriptor(globalThis, 'DecompressionStream');
  if (descriptor === undefined || !descriptor.configurable) return () => undefined;
  Reflect.deleteProperty(globalThis, 'DecompressionStream');
  return () => {
    Object.defineProperty(globalThis, 'DecompressionStream', descriptor);
  };
}
