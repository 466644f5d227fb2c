/**
 * Damaged PDFs: whatever is done to the bytes of a real PDF (bytes overwritten, the file cut short,
 * a stretch cut out), the result is a document or a one-line `GuidelineError` from the known set,
 * never another exception (1,500 runs with FC_RUNS=1500 passed). The CFF rendition is left out: a
 * damaged CFF font can keep pdf.js busy for seconds in one stretch, which only the worker pool can
 * stop (test/pool.test.ts).
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { runs } from '../helpers/runs.js';
import { describe, expect, it } from 'vitest';
import { loadBytes } from '../../src/load/index.js';
import { processSource } from '../../src/pipeline.js';
import { Guideline } from '../../src/schema/guideline.js';
import { GuidelineError } from '../../src/types.js';
import { ROOT } from '../helpers/seed.js';

const FIXTURES = ['2025-batch1-draft.pdfkit.pdf', '2025-batch1-draft.type3.pdf', '2025-batch1-draft.pdfkit-type1.pdf'].map((name) =>
  readFileSync(`${ROOT}test/fixtures/pdf/${name}`),
);
const EXPECTED_CODES = new Set(['pdf-corrupt', 'pdf-no-text', 'not-a-guideline', 'not-a-pdf', 'timeout', 'empty']);

type Damage = { kind: 'overwrite'; at: number[]; byte: number } | { kind: 'truncate'; at: number } | { kind: 'cut'; at: number; length: number };

const damage: fc.Arbitrary<Damage> = fc.oneof(
  fc.record({
    kind: fc.constant('overwrite' as const),
    at: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 20 }),
    byte: fc.integer({ min: 0, max: 255 }),
  }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.integer({ min: 1, max: 5000 }) }),
);

function apply(bytes: Buffer, d: Damage): Uint8Array {
  const at = (x: number): number => Math.min(bytes.length - 1, Math.floor(x * bytes.length));
  if (d.kind === 'truncate') return bytes.subarray(0, at(d.at));
  if (d.kind === 'cut') return Buffer.concat([bytes.subarray(0, at(d.at)), bytes.subarray(at(d.at) + d.length)]);
  const out = new Uint8Array(bytes);
  for (const x of d.at) out[at(x)] = d.byte;
  return out;
}

describe('damaged PDFs', () => {
  it('give a document or a one-line error from the known set, never another exception', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(FIXTURES.length - 1), damage, async (which, d) => {
        const bytes = apply(FIXTURES[which]!, d);
        try {
          const doc = processSource(await loadBytes(bytes, 'damaged.pdf', { timeoutMs: 5_000 }));
          Guideline.parse(JSON.parse(JSON.stringify(doc)));
        } catch (error) {
          expect(error).toBeInstanceOf(GuidelineError);
          expect(EXPECTED_CODES).toContain((error as GuidelineError).code);
          expect((error as Error).message).not.toContain('\n');
        }
      }),
      { numRuns: runs(Number(process.env.FC_RUNS ?? 40)) },
    );
  });
});
