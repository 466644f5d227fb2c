/**
 * The guideline series of test/fixtures/history/ (scripts/make-history-fixtures.mjs): five versions
 * over two years, read once per test file, in file-name order.
 */
import { readdirSync } from 'node:fs';
import { loadFile } from '../../src/load/index.js';
import { processSource } from '../../src/pipeline.js';
import type { Guideline } from '../../src/schema/guideline.js';
import { ROOT } from '../helpers/seed.js';

export const SERIES_DIR = 'test/fixtures/history';
export const SERIES_FILES = readdirSync(`${ROOT}${SERIES_DIR}`)
  .filter((f) => f.endsWith('.txt'))
  .sort();

let cached: Promise<Guideline[]> | undefined;
/** The five documents, ingested (paths relative to the project, as the CLI records them). */
export function series(): Promise<Guideline[]> {
  cached ??= Promise.all(SERIES_FILES.map(async (f) => processSource({ ...(await loadFile(`${ROOT}${SERIES_DIR}/${f}`)), path: `${SERIES_DIR}/${f}` })));
  return cached;
}
