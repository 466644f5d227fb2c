/**
 * Scanned pages read by OCR (PP-OCRv4 on onnxruntime-node, offline), on the fixtures that
 * `scripts/make-scan-fixtures.mjs` makes from the pdfkit rendition of the seed draft:
 * - `2025-batch1-draft.scan.pdf`: its pages 1–2 printed and scanned (200 dpi grey JPEG, turned,
 *   shifted, blurred, grained, specked): no text layer;
 * - `2025-batch1-draft.mixed.pdf`: page 1 with a text layer, page 2 scanned with the figure of
 *   1.1's funding (`800万元`) smudged.
 * The reference is the text layer of the same pages of the pdfkit rendition. About 20 s of OCR
 * (5 pages); `ocr-rendition.test.ts` makes its scan in the test instead.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { sameOcr } from '../../src/cli/fs.js';
import { run } from '../../src/cli/main.js';
import { diff } from '../../src/diff/index.js';
import { loadBytes } from '../../src/load/index.js';
import type { OcrProgress } from '../../src/load/pdfjs.js';
import { processSource } from '../../src/pipeline.js';
import type { Guideline } from '../../src/schema/guideline.js';
import { GuidelineError, type Source } from '../../src/types.js';
import { fakeIo } from '../helpers/io.js';
import { accuracy, flagged } from '../helpers/ocr.js';
import { ROOT } from '../helpers/seed.js';

const PDF = `${ROOT}test/fixtures/pdf/`;
const bytes = (name: string): Buffer => readFileSync(`${PDF}${name}`);

/** The document of the first `n` pages of a loaded PDF (its lines on those pages). */
function firstPages(source: Source, n: number): Source {
  const lines = source.text.split('\n');
  const k = source.pageOfLine!.findIndex((p) => p > n);
  const keep = k < 0 ? lines.length : k;
  return {
    ...source,
    text: lines.slice(0, keep).join('\n'),
    pageOfLine: source.pageOfLine!.slice(0, keep),
    pageLineOfLine: source.pageLineOfLine!.slice(0, keep),
    pages: n,
    removed: source.removed.filter((r) => (r.page ?? 0) <= n),
  };
}

/** What a reader compares: the value without its positions. */
const plain = (v: unknown): unknown => JSON.parse(JSON.stringify(v ?? null, (k, x: unknown) => (k === 'span' || k.endsWith('Span') ? undefined : x)));

let reference: { source: Source; doc: Guideline };
let scan: { source: Source; doc: Guideline; progress: OcrProgress[] };
let mixed: { source: Source; doc: Guideline };

beforeAll(async () => {
  const full = await loadBytes(bytes('2025-batch1-draft.pdfkit.pdf'), 'test/fixtures/pdf/2025-batch1-draft.pdfkit.pdf');
  const source = firstPages(full, 2);
  reference = { source, doc: processSource(source) };
  const progress: OcrProgress[] = [];
  const scanned = await loadBytes(bytes('2025-batch1-draft.scan.pdf'), 'test/fixtures/pdf/2025-batch1-draft.scan.pdf', { onProgress: (p) => progress.push(p) });
  scan = { source: scanned, doc: processSource(scanned), progress };
  const m = await loadBytes(bytes('2025-batch1-draft.mixed.pdf'), 'test/fixtures/pdf/2025-batch1-draft.mixed.pdf');
  mixed = { source: m, doc: processSource(m) };
}, 240_000);

/** The directions both hold in full: the last one of the two pages goes on on page 3. */
const complete = (doc: Guideline): Guideline['directions'] => doc.directions.slice(0, -1);

describe('a scanned guideline (no text layer)', () => {
  it('is read by OCR, page by page, and says so', () => {
    expect(scan.doc.document.source).toMatchObject({ format: 'pdf', pages: 2, pageNumbering: 'pdf' });
    const ocr = scan.doc.document.source.ocr!;
    expect(ocr.engine).toMatch(/^PP-OCRv4 \(det ch_PP-OCRv4_det, rec ch_PP-OCRv4_rec; @gutenye\/ocr-models \d+\.\d+\.\d+\) on onnxruntime-node 1\.\d+\.\d+, CPU, 1 thread$/);
    expect(ocr.pages.map((p) => [p.page, p.dpi])).toEqual([
      [1, 200],
      [2, 200],
    ]);
    expect(ocr.meanConfidence).toBeGreaterThan(90);
    expect(scan.progress.map((p) => p.done)).toEqual([0, 1, 2]);
    // The limit grew by a third of the 30 s default for each page to read.
    expect(scan.progress[0]).toEqual({ done: 0, pages: 2, limitMs: 50_000 });
  });

  it('reads at least 99% of the characters right', () => {
    expect(accuracy(reference.source.text, scan.source.text)).toBeGreaterThanOrEqual(0.99);
  });

  it('extracts the same document facts and stated figures as the text layer', () => {
    for (const k of ['title', 'year', 'batch', 'status', 'family'] as const) expect(scan.doc.document[k]).toEqual(reference.doc.document[k]);
    expect(plain(scan.doc.summary)).toEqual(plain(reference.doc.summary));
  });

  it('extracts the same directions, partners, counts, funding and durations', () => {
    expect(scan.doc.directions.map((d) => d.id)).toEqual(reference.doc.directions.map((d) => d.id));
    const fields = (d: Guideline['directions'][number]): unknown => plain({ id: d.id, title: d.title, partners: d.partners, kind: d.kind, projectCount: d.projectCount, funding: d.funding, perProjectCap: d.perProjectCap, duration: d.duration });
    expect(complete(scan.doc).map(fields)).toEqual(complete(reference.doc).map(fields));
  });

  it('diffs against the text layer with no change that a check does not flag', () => {
    const result = diff(reference.doc, scan.doc);
    const changes = [...result.document.changes.map((c) => ({ id: null, c })), ...result.directions.slice(0, -1).flatMap((d) => d.changes.map((c) => ({ id: d.newId, c })))];
    const unflagged = changes.filter(({ id, c }) => !flagged(scan.doc, id, c.newSpan as never, c.oldSpan as never));
    expect(unflagged.map(({ id, c }) => `${id ?? '-'} ${c.field} ${c.kind}`)).toEqual([]);
  });

  it('marks every value read from OCR text with its mean and lowest confidence, and doubts few figures read right', () => {
    for (const d of scan.doc.directions) {
      for (const v of [d.projectCount, d.funding, d.duration, ...d.partners]) {
        if (!v || ('inherited' in v && v.inherited)) continue;
        expect(v.span.ocrConfidence).toBeGreaterThan(0);
        expect(v.span.ocrMinConfidence).toBeLessThanOrEqual(v.span.ocrConfidence!);
      }
    }
    // Every figure was read right; a doubt on one is a prompt to look, and they are few.
    const figures = scan.doc.checks.filter((c) => c.code === 'ocr-low-confidence' && /\d/.test(String(c.stated)) && String(c.stated).length < 12);
    expect(figures.length).toBeLessThanOrEqual(2);
    expect(reference.doc.directions[0]!.funding!.span).not.toHaveProperty('ocrConfidence');
  });
});

describe('a mixed document (a text page, a scanned page)', () => {
  it('reads the scanned page by OCR and the text page from its text layer', () => {
    expect(mixed.doc.document.source.ocr!.pages.map((p) => p.page)).toEqual([2]);
    expect(mixed.doc.summary.fundingTotal!.span).not.toHaveProperty('ocrConfidence');
    expect(mixed.doc.directions[0]!.titleSpan.ocrConfidence).toBeGreaterThan(80);
    expect(plain(mixed.doc.summary)).toEqual(plain(reference.doc.summary));
  });

  it('marks the smudged figure as doubtful, where it is: never a silent guess', () => {
    // The smudge hides the digits of `800万元`: no figure is guessed, and a check says so.
    const d = mixed.doc.directions[0]!;
    expect(d.funding).toBeNull();
    const doubts = mixed.doc.checks.filter((c) => c.directionId === '1.1' && c.span?.page === 2 && (c.code === 'value-unreadable' || c.code === 'ocr-low-confidence'));
    expect(doubts.map((c) => c.code)).toContain('value-unreadable');
    expect(doubts.find((c) => c.code === 'value-unreadable')!.messageZh).toMatch(/^方向1\.1：共拟支持经费中“万元人民币”读不出数值$/);
  });

  it('reads the other directions of the scanned page as the text layer has them', () => {
    const fields = (d: Guideline['directions'][number]): unknown => plain({ id: d.id, partners: d.partners, projectCount: d.projectCount, funding: d.funding, duration: d.duration });
    expect(complete(mixed.doc).slice(1).map(fields)).toEqual(complete(reference.doc).slice(1).map(fields));
  });
});

describe('OCR options and limits', () => {
  const failure = async (name: string, options: Parameters<typeof loadBytes>[2]): Promise<GuidelineError> => {
    try {
      await loadBytes(bytes(name), name, options);
    } catch (error) {
      expect(error).toBeInstanceOf(GuidelineError);
      return error as GuidelineError;
    }
    throw new Error(`${name} loaded`);
  };

  it('--ocr off keeps the error of a PDF without a text layer', async () => {
    const e = await failure('2025-batch1-draft.scan.pdf', { ocr: 'off' });
    expect([e.code, e.message]).toEqual(['pdf-no-text', 'no text layer in 2 pages (a scanned document?): OCR is needed first']);
  });

  it('--ocr off reads a mixed document’s text pages and names the scanned page it did not read', async () => {
    const source = await loadBytes(bytes('2025-batch1-draft.mixed.pdf'), 'mixed.pdf', { ocr: 'off' });
    expect(source.ocr).toBeUndefined();
    expect(source.pagesNotRead).toEqual([2]);
    // Its first page alone is no guideline; the message says where the rest is.
    expect(() => processSource(source)).toThrow(/^not a guideline: .* \(page 2 is a scan not read: OCR was off\)$/);
    // A document whose text pages hold a guideline is written, with the page it lacks as a warning.
    const withText = { ...reference.source, pagesNotRead: [3] };
    const doc = processSource(withText);
    expect(doc.document.source.pagesNotRead).toEqual([3]);
    expect(doc.checks.filter((c) => c.code === 'page-not-read').map((c) => [c.severity, c.messageZh])).toEqual([['warning', '第3页没有文字层（扫描页），因关闭了OCR而未读取']]);
  });

  it('an output is reused only when this --ocr would read its PDF the same way', () => {
    const table = (['auto', 'force', 'off', 'none'] as const).map((record) => (['auto', 'force', 'off'] as const).map((mode) => sameOcr(record, mode)));
    expect(table).toEqual([
      [true, false, false],
      [false, true, false],
      [false, false, true],
      [true, false, true],
    ]);
  });

  it('a page cap: more pages to read than --ocr-max-pages fails the document before any is read', async () => {
    const e = await failure('2025-batch1-draft.pdfkit.pdf', { ocr: 'force', ocrMaxPages: 3 });
    expect([e.code, e.message]).toEqual(['ocr-too-many-pages', '8 pages to read by OCR, more than the limit of 3']);
    const auto = await failure('2025-batch1-draft.scan.pdf', { ocrMaxPages: 1 });
    expect(auto.message).toBe('2 pages have no text layer and would be read by OCR, more than the limit of 1');
  });

  it('the time limit holds during OCR (raised by a third for each page to read), with no partial output', async () => {
    const t0 = performance.now();
    const e = await failure('2025-batch1-draft.scan.pdf', { timeoutMs: 600 });
    expect([e.code, e.message]).toEqual(['timeout', 'took longer than 1000 ms: gave up']);
    expect(performance.now() - t0).toBeLessThan(5_000);
  });
});

describe('guideline ingest on a terminal', () => {
  it('shows OCR progress per page, writes the document with its doubts, and re-reads an output made with another --ocr', async () => {
    const { mkdtempSync, rmSync, readFileSync: read } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const out = mkdtempSync(join(tmpdir(), 'guideline-ocr-'));
    try {
      const file = 'test/fixtures/pdf/2025-batch1-draft.mixed.pdf';
      let err = '';
      const io = fakeIo(ROOT, { stderr: { write: (s: string) => void (err += s), isTTY: true } });
      expect(await run(['ingest', file, '--out', out, '--verbose'], io)).toBe(0);
      expect(err).toContain('test/fixtures/pdf/2025-batch1-draft.mixed.pdf (OCR page 1/1)');
      expect(err).toMatch(/warning line \d+: direction 1\.1: .* \(ocr-low-confidence\)/);
      const json = JSON.parse(read(join(out, '2025-batch1-draft.mixed.json'), 'utf8')) as Guideline;
      expect(json.document.source.ocr!.pages).toHaveLength(1);
      const again = fakeIo(ROOT);
      expect(await run(['ingest', file, '--out', out, '--verbose'], again)).toBe(0);
      expect(again.err()).toContain('1 document: 0 written, 1 skipped');
      // Read otherwise (--ocr off): not skipped, read again (and its first page alone is no guideline).
      const off = fakeIo(ROOT);
      expect(await run(['ingest', file, '--out', out, '--ocr', 'off'], off)).toBe(1);
      expect(off.err()).toMatch(/^guideline: test\/fixtures\/pdf\/2025-batch1-draft\.mixed\.pdf: not a guideline: .* \(page 2 is a scan not read: OCR was off\)\n/);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
