/**
 * The same directions written as headings with labels, as a spaced table, as a pipe table, as one
 * line of fields per direction, or on two-column pages, extract to the same values (issue 20).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Guideline } from '../../src/schema/guideline.js';
import { asHeadings, asOneLine, asPipeTable, asSpacedTable, asTwoColumns, DOMAINS, PARTNERS, titleOf, type DirectionSpec } from '../helpers/layouts.js';
import { ingestText } from '../helpers/seed.js';
import { runs } from '../helpers/runs.js';

const directions = fc
  .uniqueArray(fc.constantFrom(...PARTNERS), { minLength: 2, maxLength: 6 })
  .chain((partners) =>
    fc.tuple(
      ...partners.map((partner) =>
        fc.record({
          partner: fc.constant(partner),
          agreement: fc.constant(`中华人民共和国政府和${partner}政府科学技术合作协定`),
          domains: fc.subarray([...DOMAINS], { minLength: 1, maxLength: 4 }),
          count: fc.integer({ min: 1, max: 12 }),
          fundingWan: fc.integer({ min: 1, max: 50 }).map((n) => n * 100),
          years: fc.integer({ min: 1, max: 5 }),
        }),
      ),
    ),
  );

const values = (doc: Guideline) =>
  doc.directions.map((d) => ({
    title: d.title,
    partners: d.partners.map((p) => p.name),
    agreements: d.agreements.map((a) => a.title),
    domains: d.domains.map((x) => x.label),
    count: d.projectCount?.value ?? null,
    fundingCNY: d.funding?.amountCNY ?? null,
    years: d.duration?.maxYears ?? null,
  }));

const expected = (ds: readonly DirectionSpec[]) =>
  ds.map((d) => ({
    title: titleOf(d),
    partners: [d.partner],
    agreements: [d.agreement],
    domains: [...d.domains],
    count: d.count,
    fundingCNY: d.fundingWan * 10_000,
    years: d.years,
  }));

describe('layouts', () => {
  it.each([
    ['headings and labels', asHeadings],
    ['one line of fields per direction', asOneLine],
    ['a pipe table', asPipeTable],
    ['a pdftotext -layout table', (ds: readonly DirectionSpec[]) => asSpacedTable(ds)],
    ['two-column pages', (ds: readonly DirectionSpec[]) => asTwoColumns(ds)],
  ])('%s: the values written', async (_name, render) => {
    await fc.assert(
      fc.asyncProperty(directions, async (ds) => {
        const doc = await ingestText(render(ds), 'layout.txt');
        expect(values(doc)).toEqual(expected(ds));
      }),
      { numRuns: runs(25) },
    );
  });
});
