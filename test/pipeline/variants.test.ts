/**
 * Guidelines of the same family written the way other years and neighbouring special projects
 * write them (label spellings, numbering, number forms, layouts), each with values read by hand.
 * One test per `test/fixtures/variants/<name>.txt` with its `<name>.expected.json`.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ingestText, ROOT } from '../helpers/seed.js';
import { expectedCaseTests, expectedCases, project } from '../helpers/expected.js';

const DIR = `${ROOT}test/fixtures/variants/`;
const cases = expectedCases(DIR);

describe('variant guidelines', () => {
  it('has the cases the README promises', () => {
    expect(cases.length).toBeGreaterThanOrEqual(8);
  });

  describe.each(cases)('%s', (name) => expectedCaseTests(DIR, name));
});

describe('the seed as a browser-printed PDF gives its text', () => {
  it('reads the same values with look-alike dashes and tildes (― for —, 〜 for ～ and ~)', async () => {
    const { diff, hasChanges } = await import('../../src/diff/index.js');
    const { seed, seedText } = await import('../helpers/seed.js');
    const { doc } = await seed();
    const lookalike = seedText().replace(/—/g, '―').replace(/[～~]/g, '〜');
    const other = await ingestText(lookalike, 'lookalike.txt');
    expect(other.directions.find((d) => d.id === '1.6')!.duration).toMatchObject({ minYears: 2, maxYears: 3, inherited: false });
    expect(hasChanges(diff(doc, other))).toBe(false);
    expect(other.removed.filter((r) => r.kind === 'lookalike-glyph').map((r) => r.text).sort()).toEqual(['〜', '〜', '―', '―', '―'].sort());
  });
});

describe('a variant typeset as PDF (running header from page 2, N/M footers)', () => {
  it('gives the values of its text', async () => {
    const { loadBytes } = await import('../../src/load/index.js');
    const { processSource } = await import('../../src/pipeline.js');
    const { diff, hasChanges } = await import('../../src/diff/index.js');
    const pdf = processSource(await loadBytes(readFileSync(`${DIR}2023-hmt.pdf`), '2023-hmt.pdf'));
    const text = await ingestText(readFileSync(`${DIR}2023-hmt.txt`), '2023-hmt.txt');
    const expected = JSON.parse(readFileSync(`${DIR}2023-hmt.expected.json`, 'utf8')) as Record<string, never>;
    const { forms: _f, checks: _c, noChecks: _n, ...values } = expected;
    expect(project(pdf, values)).toEqual(values);
    expect(pdf.removed.filter((r) => r.kind === 'running-header').map((r) => r.page)).toEqual([2, 3, 4]);
    expect(pdf.removed.filter((r) => r.kind === 'page-number').map((r) => r.text)).toEqual(['1/4', '2/4', '3/4', '4/4']);
    expect(hasChanges(diff(text, pdf))).toBe(false);
  });
});
