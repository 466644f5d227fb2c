import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { isPdf, loadBytes, readSource, type LoadOptions } from '../load/index.js';
import { DocumentPool } from '../pool.js';
import { processSource } from '../pipeline.js';
import { Guideline } from '../schema/guideline.js';
import { GuidelineError } from '../types.js';
import { toPosix } from './fs.js';

/**
 * Ingests a source or reads an extracted JSON, for `diff` and `export`. Throws `GuidelineError`.
 * `pool`: the worker threads to read a PDF on (kept open for the next one); without it, a PDF gets
 * a worker of its own.
 */
export async function loadSide(path: string, cwd: string, options: Pick<LoadOptions, 'timeoutMs'> & { readonly pool?: DocumentPool } = {}): Promise<Guideline> {
  const abs = resolve(cwd, path);
  if (/\.json$/i.test(path)) {
    let raw: unknown;
    try {
      raw = JSON.parse(await readFile(abs, 'utf8'));
    } catch (error) {
      throw new GuidelineError('unreadable', (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : 'not a readable JSON file');
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
      const { json } = await pool.process(bytes, toPosix(path), loadOptions);
      return Guideline.parse(JSON.parse(json));
    } finally {
      if (!shared) await pool.close();
    }
  }
  return processSource({ ...(await loadBytes(bytes, abs, loadOptions)), path: toPosix(path) });
}

