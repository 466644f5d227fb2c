/**
 * `fieldFinder` (the field a check's offset stands in, for every check of a document at once) gives
 * what a walk of the sections for each offset gives.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SectionOut } from '../../src/schema/guideline.js';
import { fieldFinder } from '../../src/validate/index.js';
import { ingestText, ROOT } from '../helpers/seed.js';

/** The walk `fieldAt` was: the sections in document order up to the first that starts after `offset`. */
function walked(sections: readonly SectionOut[], offset: number): string | null {
  let field: string | null = null;
  const walk = (nodes: readonly SectionOut[]): boolean => {
    for (const n of nodes) {
      if (n.span.start > offset) return true;
      if (n.kind === 'direction' || n.kind === 'part' || n.kind === 'group') field = n.kind === 'direction' && offset < n.span.end ? '标题' : null;
      else if (n.kind === 'field') field = (n.marker ?? n.text.split(/[：:]/)[0] ?? '').replace(/[：:]\s*$/, '').trim() || null;
      if (walk(n.children)) return true;
    }
    return false;
  };
  walk(sections);
  return field;
}

const folders = ['corpus', 'test/fixtures/variants', 'test/fixtures/unseen', 'test/fixtures/key-programme'];
const files = folders.flatMap((f) => readdirSync(`${ROOT}${f}`).filter((n) => n.endsWith('.txt')).map((n) => `${f}/${n}`));

describe('fieldFinder', () => {
  it.each(files)('agrees with a walk of the sections at every offset of %s', async (file) => {
    const text = readFileSync(`${ROOT}${file}`);
    const doc = await ingestText(text, file);
    const find = fieldFinder(doc.sections);
    for (let offset = -1; offset <= text.length + 1; offset++) expect(find(offset)).toBe(walked(doc.sections, offset));
  });

  it('finds nothing in no sections', () => {
    expect(fieldFinder([])(0)).toBeNull();
  });
});
