import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { isPdf, loadBytes, readSource, type LoadOptions } from '../load/index.js';
import { DocumentPool } from '../pool.js';
import { processSource } from '../pipeline.js';
import { Guideline } from '../schema/guideline.js';
import { GuidelineError } from '../types.js';
import { toPosix } from './fs.js';

/** Ingests a source or reads an extracted JSON, for `diff`. Throws `GuidelineError`. */
export async function loadSide(path: string, cwd: string, options: Pick<LoadOptions, 'timeoutMs'> = {}): Promise<Guideline> {
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
  // A PDF is read on a worker thread where there is one, as `ingest` does: then its time limit
  // holds even when pdf.js blocks its thread (src/pool.ts).
  if (isPdf(bytes) && DocumentPool.usable()) {
    const pool = new DocumentPool(1);
    try {
      const { json } = await pool.process(bytes, toPosix(path), options);
      return Guideline.parse(JSON.parse(json));
    } finally {
      await pool.close();
    }
  }
  return processSource({ ...(await loadBytes(bytes, abs, options)), path: toPosix(path) });
}

