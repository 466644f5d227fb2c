/**
 * A scan the OCR has never seen, made here: pages of the corpus's text PDF
 * (`corpus/2025-batch1-draft.libreoffice.pdf`) rendered at 200 dpi by the tool's own renderer, each
 * turned by under a degree, specked with dust, saved as a JPEG and wrapped in a PDF without a text
 * layer (`scripts/scan-rendition.mjs`). Its values must be those of the text layer of the same
 * pages, or differ only where a check says so. Two pages, to keep the suite fast.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { scanRendition } from '../../scripts/scan-rendition.mjs';
import { diff } from '../../src/diff/index.js';
import { loadBytes } from '../../src/load/index.js';
import { renderPdfPages } from '../../src/load/pdfjs.js';
import { processSource } from '../../src/pipeline.js';
import type { Guideline } from '../../src/schema/guideline.js';
import type { Source } from '../../src/types.js';
import { accuracy, flagged } from '../helpers/ocr.js';
import { ROOT } from '../helpers/seed.js';

const FILE = 'corpus/2025-batch1-draft.libreoffice.pdf';
const PAGES = [1, 2];

/** The document of pages `first`–`last` of a loaded PDF (its lines on those pages), renumbered from 1. */
function pagesOf(source: Source, first: number, last: number): Source {
  const lines = source.text.split('\n');
  const keep = lines.map((_, i) => source.pageOfLine![i]! >= first && source.pageOfLine![i]! <= last);
  return {
    ...source,
    text: lines.filter((_, i) => keep[i]).join('\n'),
    pageOfLine: source.pageOfLine!.filter((_, i) => keep[i]).map((p) => p - first + 1),
    pageLineOfLine: source.pageLineOfLine!.filter((_, i) => keep[i]),
    pages: last - first + 1,
    removed: source.removed.filter((r) => (r.page ?? 0) >= first && (r.page ?? 0) <= last).map((r) => ({ ...r, page: r.page! - first + 1 })),
  };
}

let reference: { source: Source; doc: Guideline };
let scan: { source: Source; doc: Guideline };

beforeAll(async () => {
  const bytes = readFileSync(`${ROOT}${FILE}`);
  const text = pagesOf(await loadBytes(bytes, FILE), PAGES[0]!, PAGES[PAGES.length - 1]!);
  reference = { source: text, doc: processSource(text) };
  const pdf = await scanRendition(await renderPdfPages(bytes, PAGES, 200), { angles: [0.7, -0.9], specks: 1500, quality: 60 });
  const scanned = await loadBytes(pdf, 'scan.pdf');
  scan = { source: scanned, doc: processSource(scanned) };
}, 240_000);

describe('a scan made from a text PDF (200 dpi, turned under 1°, specked, JPEG)', () => {
  it('is read by OCR on every page, at 99.5% of the characters or more', () => {
    expect(scan.doc.document.source.ocr!.pages.map((p) => p.page)).toEqual([1, 2]);
    expect(accuracy(reference.source.text, scan.source.text)).toBeGreaterThanOrEqual(0.995);
  });

  it('has the directions of its text layer', () => {
    expect(scan.doc.directions.map((d) => d.id)).toEqual(reference.doc.directions.map((d) => d.id));
  });

  it('diffs against its text layer with no change that a check does not flag', () => {
    const result = diff(reference.doc, scan.doc);
    const unflagged = [...result.document.changes.map((c) => ({ id: null, c })), ...result.directions.flatMap((d) => d.changes.map((c) => ({ id: d.newId, c })))].filter(
      ({ id, c }) => !flagged(scan.doc, id, c.newSpan as never, c.oldSpan as never),
    );
    expect(unflagged.map(({ id, c }) => `${id ?? '-'} ${c.field} ${c.kind}: ${JSON.stringify(c.before)} → ${JSON.stringify(c.after)}`)).toEqual([]);
  });

  it('reads every figure as its text layer has it, or flags it', () => {
    const figures = (d: Guideline['directions'][number]) => ({ projectCount: d.projectCount?.text ?? null, funding: d.funding?.text ?? null, perProjectCap: d.perProjectCap?.text ?? null, duration: d.duration?.text ?? null });
    reference.doc.directions.forEach((want, i) => {
      const got = scan.doc.directions[i]!;
      for (const [k, v] of Object.entries(figures(got))) {
        if (v === figures(want)[k as keyof ReturnType<typeof figures>]) continue;
        const value = got[k as 'funding'];
        expect(flagged(scan.doc, got.id, value?.span, (want[k as 'funding'] ?? null)?.span), `${got.id} ${k}: ${String(v)}`).toBe(true);
      }
    });
  });

  it('reads a page the same on every run (one thread: the models give the same numbers)', async () => {
    const bytes = readFileSync(`${ROOT}${FILE}`);
    const again = await loadBytes(await scanRendition(await renderPdfPages(bytes, [PAGES[0]!], 200), { angles: [0.7], specks: 1500, quality: 60 }), 'again.pdf');
    expect(again.ocr!.pages[0]).toEqual(scan.source.ocr!.pages[0]);
    // Its lines are those of page 1 of the two-page scan (a running header alone on one page may stay).
    const lines = scan.source.text.split('\n').filter((_, i) => scan.source.pageOfLine![i] === 1);
    expect(lines.filter((l) => !again.text.split('\n').includes(l))).toEqual([]);
  }, 120_000);

  it('gives every value read from the scan its lowest character confidence', () => {
    for (const d of scan.doc.directions) {
      for (const v of [d.projectCount, d.funding, d.duration, ...d.partners]) {
        if (!v || ('inherited' in v && v.inherited)) continue;
        expect(v.span.ocrMinConfidence).toBeGreaterThanOrEqual(0);
        expect(v.span.ocrMinConfidence).toBeLessThanOrEqual(v.span.ocrConfidence!);
      }
    }
  });
});
