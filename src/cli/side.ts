import { resolve } from 'node:path';
import { DEFAULT_MAX_BYTES, isPdf, loadBytes, readSource, type LoadOptions } from '../load/index.js';
import { DocumentPool } from '../pool.js';
import { processSource } from '../pipeline.js';
import { Guideline } from '../schema/guideline.js';
import { GuidelineError } from '../types.js';
import { asGuidelineError } from '../pipeline.js';
import { withHint } from './hints.js';
import { expandInputs, EXPORT_EXTENSIONS, toPosix } from './fs.js';

/** Largest extracted JSON read: ten times the largest source (a JSON is bigger than its source). */
const MAX_JSON_BYTES = 10 * DEFAULT_MAX_BYTES;

/**
 * Ingests a source or reads an extracted JSON, for `diff` and `export`. Throws `GuidelineError`.
 * `pool`: the worker threads to read a PDF on (kept open for the next one); without it, a PDF gets
 * a worker of its own.
 */
export async function loadSide(path: string, cwd: string, options: Pick<LoadOptions, 'timeoutMs'> & { readonly pool?: DocumentPool } = {}): Promise<Guideline> {
  const abs = resolve(cwd, path);
  if (/\.json$/i.test(path)) {
    // The same checks as for a source (a regular file, not too large) before reading a byte: a
    // named pipe called `x.json` would block the read for ever.
    const bytes = await readSource(abs, { maxBytes: MAX_JSON_BYTES });
    let raw: unknown;
    try {
      raw = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'));
    } catch {
      throw new GuidelineError('unreadable', 'not a readable JSON file');
    }
    const parsed = Guideline.safeParse(raw);
    if (!parsed.success) throw new GuidelineError('invalid-output', 'not an extracted guideline (does not match schemas/guideline.schema.json)');
    return parsed.data;
  }
  const bytes = await readSource(abs);
  const { pool: shared, ...loadOptions } = options;
  // A PDF is read on a worker thread where there is one, as `ingest` does: then its time limit
  // holds even when pdf.js blocks its thread (src/pool.ts).
  if (isPdf(bytes) && (shared || DocumentPool.usable())) {
    const pool = shared ?? new DocumentPool(1);
    try {
      const { doc } = await pool.process(bytes, toPosix(path), loadOptions);
      return Guideline.parse(doc);
    } finally {
      if (!shared) await pool.close();
    }
  }
  return processSource({ ...(await loadBytes(bytes, abs, loadOptions)), path: toPosix(path) });
}

/**
 * Every guideline of `inputs`, for the commands over many documents (`history`): a file as it is
 * given, a folder as the `.txt`, `.pdf` and `.json` files in it and below (hidden ones skipped,
 * sorted). Read one after another: text takes milliseconds, PDFs share one worker thread (started
 * at the first) on which the time limit holds. An input that cannot be read is passed to `fail`
 * with the reason, in the reader's words, and left out; reading stops when `signal` aborts.
 */
export async function loadInputs(
  inputs: readonly string[],
  cwd: string,
  options: { readonly timeoutMs?: number | null; readonly signal?: AbortSignal; readonly fail: (path: string, reason: string) => void },
): Promise<Guideline[]> {
  const files = await expandInputs(inputs, cwd, EXPORT_EXTENSIONS, options.fail);
  const pool = DocumentPool.usable() ? new DocumentPool(1) : undefined;
  const loadOptions = { ...(options.timeoutMs == null ? {} : { timeoutMs: options.timeoutMs }), ...(pool ? { pool } : {}) };
  const docs: Guideline[] = [];
  try {
    for (const path of files) {
      if (options.signal?.aborted) break;
      try {
        docs.push(await loadSide(path, cwd, loadOptions));
      } catch (error) {
        options.fail(path, withHint(asGuidelineError(error)));
      }
    }
  } finally {
    await pool?.close();
  }
  return docs;
}
