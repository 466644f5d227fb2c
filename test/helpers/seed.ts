import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadBytes } from '../../src/load/index.js';
import { processSource } from '../../src/pipeline.js';
import type { Guideline, SectionOut } from '../../src/schema/guideline.js';
import type { Source } from '../../src/types.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SEED_PATH = 'corpus/2025-batch1-draft.txt';
export const seedBytes = (): Buffer => readFileSync(`${ROOT}${SEED_PATH}`);
export const seedText = (): string => seedBytes().toString('utf8');

export async function loadText(text: string | Uint8Array, path = 'test.txt'): Promise<Source> {
  return loadBytes(typeof text === 'string' ? Buffer.from(text, 'utf8') : text, path);
}

export async function ingestText(text: string | Uint8Array, path = 'test.txt'): Promise<Guideline> {
  return processSource(await loadText(text, path));
}

let cached: Promise<{ source: Source; doc: Guideline }> | undefined;
/** The seed, loaded and processed once per test file. */
export function seed(): Promise<{ source: Source; doc: Guideline }> {
  cached ??= (async () => {
    const source = await loadBytes(seedBytes(), SEED_PATH);
    return { source, doc: processSource(source) };
  })();
  return cached;
}

/** The seed's paragraphs, cleaned and reflowed, in order (from its output's section tree). */
export async function seedParagraphs(): Promise<string[]> {
  const { doc } = await seed();
  const out: string[] = [];
  const walk = (n: SectionOut): void => {
    out.push(n.text);
    n.children.forEach(walk);
  };
  doc.sections.forEach(walk);
  return out;
}
