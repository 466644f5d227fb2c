/**
 * The worker-thread pool runs the compiled loader (`dist/`, built by `npm test` before vitest).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { PdfPool as PoolType } from '../../src/load/pdf-pool.js';
import { loadBytes } from '../../src/load/index.js';
import { GuidelineError } from '../../src/types.js';
import { ROOT } from '../helpers/seed.js';

const { PdfPool } = (await import(`${ROOT}dist/load/pdf-pool.js`)) as { PdfPool: typeof PoolType };
const { GuidelineError: DistError } = (await import(`${ROOT}dist/types.js`)) as { GuidelineError: typeof GuidelineError };
const fixture = (name: string): Buffer => readFileSync(`${ROOT}test/fixtures/pdf/${name}`);
const meta = { path: 'x.pdf', id: 'x', sha256: '0'.repeat(64) };

describe('PdfPool', () => {
  it('is usable from the build, and gives the same Source as loading in-thread', async () => {
    expect(PdfPool.usable()).toBe(true);
    const pool = new PdfPool(2);
    try {
      const names = ['2025-batch1-draft.pdfkit.pdf', '2025-batch1-draft.libreoffice.pdf', '2025-batch1-draft.pdfkit.pdf'];
      const sources = await Promise.all(names.map((n) => pool.load(fixture(n), meta)));
      const inThread = await loadBytes(fixture(names[0]!), 'x.pdf');
      expect(sources[0]!.text).toBe(inThread.text);
      expect(sources[0]!.pageOfLine).toEqual(inThread.pageOfLine);
      expect(sources[2]).toEqual(sources[0]);
      expect(sources[1]!.pages).toBe(18);
    } finally {
      await pool.close();
    }
  });

  it('passes failures back as GuidelineErrors, and keeps working after them', async () => {
    const pool = new PdfPool(1);
    try {
      await expect(pool.load(fixture('encrypted.pdf'), meta)).rejects.toMatchObject({ code: 'pdf-encrypted' });
      await expect(pool.load(fixture('2025-batch1-draft.libreoffice.pdf'), meta, { timeoutMs: 1 })).rejects.toBeInstanceOf(DistError);
      expect((await pool.load(fixture('2025-batch1-draft.pdfkit.pdf'), meta)).pages).toBe(8);
    } finally {
      await pool.close();
    }
  });
});
