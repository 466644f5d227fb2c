import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { loadFile } from '../load/index.js';
import { processSource } from '../pipeline.js';
import { Guideline } from '../schema/guideline.js';
import { GuidelineError } from '../types.js';
import { toPosix } from './fs.js';

/** Ingests a source or reads an extracted JSON, for `diff`. */
export async function loadSide(path: string, cwd: string): Promise<Guideline> {
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
  const source = await loadFile(abs).then((s) => ({ ...s, path: toPosix(path) }));
  return processSource(source);
}

