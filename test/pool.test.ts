/**
 * The worker-thread pool runs the compiled pipeline (`dist/`, built by `npm test` before vitest):
 * same bytes out as in-thread processing, failures as one-line errors, hard time limit.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { DocumentPool as PoolType } from '../src/pool.js';
import { loadBytes } from '../src/load/index.js';
import { processSource, render } from '../src/pipeline.js';
import { ROOT, SEED_PATH, seedBytes } from './helpers/seed.js';

const { DocumentPool } = (await import(`${ROOT}dist/pool.js`)) as { DocumentPool: typeof PoolType };
const fixture = (name: string): Buffer => readFileSync(`${ROOT}test/fixtures/pdf/${name}`);

describe('DocumentPool', () => {
  it('is usable from the build, and gives the bytes in-thread processing gives', async () => {
    expect(DocumentPool.usable()).toBe(true);
    const pool = new DocumentPool(2);
    try {
      const jobs: [Uint8Array, string][] = [
        [fixture('2025-batch1-draft.pdfkit.pdf'), 'a.pdf'],
        [seedBytes(), SEED_PATH],
        [fixture('2025-batch1-draft.libreoffice.pdf'), 'b.pdf'],
      ];
      const results = await Promise.all(jobs.map(([bytes, path]) => pool.process(bytes, path)));
      for (const [k, [bytes, path]] of jobs.entries()) {
        const local = render(processSource(await loadBytes(bytes, path)));
        expect(results[k]!.json).toBe(local.json);
        expect(results[k]!.markdown).toBe(local.markdown);
      }
      expect(results[1]!.warnings).toBe(6);
    } finally {
      await pool.close();
    }
  });

  it('passes failures back as one-line errors, and keeps working after them', async () => {
    const pool = new DocumentPool(1);
    try {
      await expect(pool.process(fixture('encrypted.pdf'), 'x.pdf')).rejects.toMatchObject({ code: 'pdf-encrypted', message: 'encrypted PDF: it needs a password to open' });
      await expect(pool.process(Buffer.from('不是指南'), 'x.txt')).rejects.toMatchObject({ code: 'not-a-guideline' });
      await expect(pool.process(fixture('2025-batch1-draft.libreoffice.pdf'), 'x.pdf', { timeoutMs: 1 })).rejects.toMatchObject({ code: 'timeout' });
      expect((await pool.process(seedBytes(), 'seed.txt')).warnings).toBe(6);
    } finally {
      await pool.close();
    }
  });
});
