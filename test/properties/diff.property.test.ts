/**
 * Layout invariance: the seed's content re-wrapped at another width, re-paginated, with artefact
 * lines inserted, double- or single-spaced, diffs as unchanged against the seed.
 */
import fc from 'fast-check';
import { runs } from '../helpers/runs.js';
import { describe, expect, it } from 'vitest';
import { diff, hasChanges } from '../../src/diff/index.js';
import { ingestText, seed, seedParagraphs } from '../helpers/seed.js';


/** A sentence that is in the seed, as the URL artefact lines repeat one. */
const REPEATED = '）。外方合作单位自行签章出具的文件不符合上述要求。此文件仅为项目申报材料，最终能否立项须待评审后确定。';

const layout = fc.record({
  width: fc.integer({ min: 20, max: 40 }),
  pageLines: fc.integer({ min: 25, max: 60 }),
  doubleSpaced: fc.boolean(),
  urlRuns: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 4 })), { maxLength: 4 }),
  firstPage: fc.integer({ min: 1, max: 3 }),
});

type Layout = typeof layout extends fc.Arbitrary<infer T> ? T : never;

function render(paras: readonly string[], l: Layout): string {
  // Every `width` CJK characters' worth (a Latin letter or digit takes half), as typesetting
  // fills a column; a Latin word is never cut (the line ends before it), as word processors keep
  // Latin words whole.
  const lines: string[] = [];
  const latin = (c: string | undefined): boolean => c !== undefined && /[A-Za-z]/.test(c);
  const w = (c: string): number => (c.charCodeAt(0) < 0x1100 ? 1 : 2);
  for (const p of paras) {
    const chars = [...p];
    let i = 0;
    while (i < chars.length) {
      let j = i;
      let used = 0;
      while (j < chars.length && used + w(chars[j]!) <= l.width * 2) used += w(chars[j++]!);
      while (j < chars.length && j > i + 1 && latin(chars[j - 1]) && latin(chars[j])) j--;
      // A space at the break stays at the end of the line, as typesetting leaves it.
      while (j < chars.length && chars[j] === ' ') j++;
      lines.push(chars.slice(i, j).join(''));
      i = j;
    }
  }
  // URL artefact runs, in the middle of paragraphs.
  for (const [at, n] of l.urlRuns) {
    const i = 1 + (at % (lines.length - 1));
    lines.splice(i, 0, ...Array.from({ length: n }, () => `https://example.org/zn/x.html${REPEATED}`));
  }
  // Pages: a `— N —` footer after every `pageLines` lines, a single leading space on the next line.
  const out: string[] = [];
  let page = l.firstPage;
  lines.forEach((line, i) => {
    const pageStart = i > 0 && i % l.pageLines === 0;
    if (pageStart) out.push(`— ${page++} —`);
    out.push(pageStart || i === 0 ? ` ${line}` : line);
  });
  return out.join(l.doubleSpaced ? '\n\n' : '\n');
}

describe('layout invariance', () => {
  it('re-wrapped, re-paginated, with artefacts: the diff against the seed is empty', async () => {
    const paras = await seedParagraphs();
    const { doc } = await seed();
    await fc.assert(
      fc.asyncProperty(layout, async (l) => {
        const other = await ingestText(render(paras, l), 'relayout.txt');
        const d = diff(doc, other);
        expect(d.directions.filter((x) => x.status !== 'unchanged')).toEqual([]);
        expect([d.document.changes, d.summary.changes, d.checks]).toEqual([[], [], { added: [], resolved: [], changed: [] }]);
        expect(hasChanges(d)).toBe(false);
      }),
      { numRuns: runs(Number(process.env.FC_RUNS ?? 25)) },
    );
  });
});
