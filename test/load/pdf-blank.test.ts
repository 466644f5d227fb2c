/**
 * With OCR on, pages that show nothing to read — blank, or a few drawn lines — are left as they
 * are: they are not "a scanned document" that needs OCR first, and they do not count towards the
 * OCR page limit. The PDFs are made here (pdfkit).
 */
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { loadBytes } from '../../src/load/index.js';
import type { OcrProgress } from '../../src/load/pdfjs.js';
import { GuidelineError } from '../../src/types.js';

/** The few pdfkit methods used here (pdfkit ships no types: test/types/pdfkit.d.ts). */
interface Doc {
  fontSize(size: number): Doc;
  text(text: string, x: number, y: number): Doc;
  rect(x: number, y: number, w: number, h: number): Doc;
  moveTo(x: number, y: number): Doc;
  lineTo(x: number, y: number): Doc;
  stroke(): Doc;
}

/** A PDF of `pages` pages; `draw` fills page k (0-based). */
function pdf(pages: number, draw: (doc: Doc, k: number) => void): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', autoFirstPage: false });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    for (let k = 0; k < pages; k++) {
      doc.addPage();
      draw(doc, k);
    }
    doc.end();
  });
}

const failure = async (p: Promise<unknown>): Promise<GuidelineError> => {
  const e = await p.then(
    () => null,
    (error: unknown) => error,
  );
  expect(e).toBeInstanceOf(GuidelineError);
  return e as GuidelineError;
};

const blank = (): void => undefined;
/** A frame and a rule: drawings, no text, no scan. */
const vector = (doc: Doc): void => void doc.rect(50, 50, 495, 742).stroke().moveTo(50, 100).lineTo(545, 100).stroke();

describe('OCR on, pages with nothing to read', () => {
  it.each([
    ['blank', blank],
    ['vector-only', vector],
  ] as const)('60 %s pages: no text, said as it is, not "OCR is needed first" nor the OCR page limit', async (_, draw) => {
    const bytes = await pdf(60, draw);
    for (const ocr of ['auto', 'force'] as const) {
      const e = await failure(loadBytes(bytes, 'empty.pdf', { ocr }));
      if (draw === vector && ocr === 'force') {
        // Force reads whatever a page shows: drawings are something, and 60 pages are over the limit.
        expect(e.code).toBe('ocr-too-many-pages');
        continue;
      }
      expect([e.code, e.message]).toEqual(['pdf-no-text', 'no text on its 60 pages: they are blank or hold drawings only, with nothing for OCR to read']);
    }
  });

  it('a text page among 60 blank ones: read, the blank pages not counted towards the limit', async () => {
    const bytes = await pdf(61, (doc, k) => {
      if (k === 0) doc.fontSize(14).text('Guideline text on the first page', 72, 72);
    });
    const source = await loadBytes(bytes, 'one-page.pdf', { ocr: 'auto' });
    expect(source.pages).toBe(61);
    expect(source.text).toContain('Guideline text on the first page');
    expect(source.ocr).toBeUndefined();
  });

  it('fewer pages than the limit: each looked at when its turn comes, and a page with nothing to read taken off the count and the time limit', async () => {
    const bytes = await pdf(3, (doc, k) => {
      if (k === 0) doc.fontSize(14).text('Guideline text on the first page', 72, 72);
      if (k === 2) vector(doc);
    });
    const progress: OcrProgress[] = [];
    const source = await loadBytes(bytes, 'three-pages.pdf', { ocr: 'auto', timeoutMs: 30_000, onProgress: (p) => progress.push(p) });
    expect(source.text).toContain('Guideline text on the first page');
    expect(source.ocr).toBeUndefined();
    // Two pages without a text layer to look at (40 s of limit each way), neither read.
    expect(progress).toEqual([
      { done: 0, pages: 2, limitMs: 50_000 },
      { done: 0, pages: 1, limitMs: 40_000 },
      { done: 0, pages: 0, limitMs: 30_000 },
    ]);
    // Force reads what a page shows, but a page without a text layer that shows nothing is left.
    for (const ocr of ['auto', 'force'] as const) {
      const e = await failure(loadBytes(await pdf(2, blank), 'blank.pdf', { ocr }));
      expect([e.code, e.message]).toEqual(['pdf-no-text', 'no text on its 2 pages: they are blank or hold drawings only, with nothing for OCR to read']);
    }
  });

  it('OCR off: a blank PDF keeps its words', async () => {
    const e = await failure(loadBytes(await pdf(2, blank), 'blank.pdf', { ocr: 'off' }));
    expect([e.code, e.message]).toEqual(['pdf-no-text', 'no text layer in 2 pages (a scanned document?): OCR is needed first']);
  });
});
