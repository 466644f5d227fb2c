/**
 * Scans of layouts the OCR path once read wrong, made here from text PDFs written blind
 * (`test/fixtures/blind13`): a page set in two columns (each OCR line took both columns' words
 * side by side: 22.5% of the characters in order) and a ruled directions table (each cell's lines
 * interleaved with its neighbours', the document refused as "not a guideline"). Rendered at
 * 200 dpi, turned under a degree, specked and saved as JPEG (`scripts/scan-rendition.mjs`); the
 * values must be those of the text layer.
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

interface Read {
  readonly source: Source;
  readonly doc: Guideline;
}

async function both(file: string, pages: number[], angles: number[]): Promise<{ text: Read; scan: Read }> {
  const bytes = readFileSync(`${ROOT}${file}`);
  const text = await loadBytes(bytes, file);
  const scanned = await loadBytes(await scanRendition(await renderPdfPages(bytes, pages, 200), { angles, specks: 1500, quality: 60, seed: 5 }), 'scan.pdf', { id: text.id });
  return { text: { source: text, doc: processSource(text) }, scan: { source: scanned, doc: processSource(scanned) } };
}

const figures = (d: Guideline['directions'][number]) => [d.id, d.partners.map((p) => p.name), d.projectCount?.value ?? null, d.funding?.amountCNY ?? null, d.duration?.maxYears ?? null, d.domains.map((x) => x.label)];

describe('a scanned page in two columns', () => {
  let r: { text: Read; scan: Read };
  beforeAll(async () => {
    r = await both('test/fixtures/blind13/2026-chromium-two-column.pdf', [1, 2, 3], [0.7, -0.9, 0.4]);
  }, 240_000);

  it('is read column by column: 99.5% of the characters in order or more', () => {
    expect(accuracy(r.text.source.text, r.scan.source.text)).toBeGreaterThanOrEqual(0.995);
  });

  it('has the directions and figures of its text layer, and no change a check does not flag', () => {
    expect(r.scan.doc.directions.map(figures)).toEqual(r.text.doc.directions.map(figures));
    const result = diff(r.text.doc, r.scan.doc);
    const unflagged = result.directions
      .flatMap((d) => d.changes.map((c) => ({ id: d.newId, c })))
      .filter(({ id, c }) => !flagged(r.scan.doc, id, c.newSpan as never, c.oldSpan as never));
    expect(unflagged.map(({ id, c }) => `${id} ${c.field}: ${JSON.stringify(c.before)} → ${JSON.stringify(c.after)}`)).toEqual([]);
  });
});

describe('a scanned ruled table of directions', () => {
  let r: { text: Read; scan: Read };
  beforeAll(async () => {
    r = await both('test/fixtures/blind13/2025-chromium-directions-table.pdf', [1, 2], [-0.6, 0.8]);
  }, 240_000);

  it('is read by the rules the scan shows: one row a direction, each cell whole', () => {
    expect(accuracy(r.text.source.text, r.scan.source.text)).toBeGreaterThanOrEqual(0.99);
    expect(r.scan.source.text).toContain('| 德国 | 智能制造与工业互联网；电动交通与动力电池；数字化与人工智能 | 6 | 1800 | 3年 |');
  });

  // A lone digit in the narrow 序号 column is the recogniser's weak point (read alone, `1` comes
  // out as `I` and `4` as `A`): the numbering around it says which digit stands there, even beside
  // the gap the text itself has (3, `A`, 6). A cell's `4` the detector passed over (specks beside
  // it) is read alone, and the words of two cells on one baseline are read apart (`不超过3年` kept
  // its own, not `不超过中3年` with the `中` of `中法双方` beside it).
  it('has the directions and figures of its text layer', () => {
    expect(r.scan.doc.directions.map(figures)).toEqual(r.text.doc.directions.map(figures));
  });

  it('names the doubtful character of a table value in its own cell, not in a row between the header and it', () => {
    // Before, each duration's span ran from the header's `实施周期` to its row's cell, and the
    // row numbers read as letters between them (`I`, `A`) were named for every duration below.
    const low = r.scan.doc.checks.filter((c) => c.code === 'ocr-low-confidence');
    expect(low.length).toBeGreaterThan(0);
    expect(low.filter((c) => /“\| [IA] \|/.test(c.message)).map((c) => c.message)).toEqual([]);
  });

  it('flags a direction lost to a misread row number', () => {
    expect(r.scan.doc.directions.length).toBeGreaterThanOrEqual(6);
    if (r.scan.doc.directions.length < r.text.doc.directions.length) expect(r.scan.doc.checks.map((c) => c.code)).toContain('direction-count-mismatch');
  });
});
