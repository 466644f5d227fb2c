/**
 * An invalid piece never sinks a document (issue 20): every fixture, with each of its paragraphs
 * deleted in turn, is either read (every value valid, or left out with a check) or refused as no
 * guideline, in one line. An internal error (`invalid-output`, "a bug in this tool") never comes.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GuidelineError } from '../../src/types.js';
import { ingestText, ROOT } from '../helpers/seed.js';

const FIXTURES = [
  'corpus/2025-batch1-draft.txt',
  'test/fixtures/layouts/table-spaced.txt',
  'test/fixtures/layouts/table-pipe.txt',
  'test/fixtures/layouts/key-young-cells.txt',
  'test/fixtures/layouts/two-column.txt',
  'test/fixtures/layouts/oneline-fields.txt',
  'test/fixtures/layouts/toplevel-yi.txt',
  'test/fixtures/real-forms/key-robot-database-copy.txt',
  'test/fixtures/unseen/r1-batch2-numbered-fields.txt',
  'test/fixtures/key-programme/2026-synthetic-biology.txt',
];

/** Blocks are parted by blank lines; in a text without them (a database copy), by line breaks. */
const parting = (text: string): RegExp => (text.split(/\r?\n[ \t\u3000\r]*\n/).length >= 10 ? /(\r?\n[ \t\u3000\r]*\n)/ : /(\r?\n)/);

/** The text with its k-th block deleted. */
function withoutBlock(text: string, k: number): string | null {
  const blocks = text.split(parting(text));
  const index = 2 * k;
  if (index >= blocks.length) return null;
  blocks[index] = '';
  return blocks.join('');
}

describe('every fixture with each block deleted', () => {
  it.each(FIXTURES)('%s', async (path) => {
    const text = readFileSync(`${ROOT}${path}`, 'utf8');
    let read = 0;
    let refused = 0;
    // At most ~120 deletions a document (the seed, double-spaced, has a block per line): every
    // block of a document of that size, every n-th of a longer one.
    const blocks = (text.split(parting(text)).length + 1) / 2;
    const step = Math.max(1, Math.ceil(blocks / 120));
    for (let k = 0; ; k += step) {
      const cut = withoutBlock(text, k);
      if (cut === null) break;
      try {
        await ingestText(cut, `cut-${k}.txt`);
        read++;
      } catch (error) {
        expect(error).toBeInstanceOf(GuidelineError);
        // Only "no guideline" may come of a deleted block; never an internal error.
        expect((error as GuidelineError).code).toBe('not-a-guideline');
        expect((error as GuidelineError).message).not.toMatch(/a bug in this tool|\n/);
        refused++;
      }
    }
    // Deleting one block leaves a guideline a guideline, nearly always.
    expect(read).toBeGreaterThan(refused);
  });
});
