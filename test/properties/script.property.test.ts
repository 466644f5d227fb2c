/**
 * A guideline reposted in traditional script (a Hong Kong or Macao office's copy) reads as the
 * original: the same directions, figures, partners and checks; its texts are given as printed, in
 * traditional script, and equal the original's once read back as simplified.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SIMPLIFIED_OF, SIMPLIFIED_ONLY, simplifiedChar } from '../../src/lexicon/script.js';
import type { Guideline } from '../../src/schema/guideline.js';
import { runs } from '../helpers/runs.js';
import { ingestText, ROOT } from '../helpers/seed.js';

const TEXTS: Record<string, string> = {
  seed: readFileSync(`${ROOT}corpus/2025-batch1-draft.txt`, 'utf8'),
  hmt: readFileSync(`${ROOT}test/fixtures/variants/2023-hmt.txt`, 'utf8'),
  strategic: readFileSync(`${ROOT}test/fixtures/variants/2025-strategic.txt`, 'utf8'),
  keyProgramme: readFileSync(`${ROOT}test/fixtures/key-programme/2026-advanced-computing.txt`, 'utf8'),
};

/**
 * Simplified → one traditional form (the first in the table), as a converter would write it: only
 * characters simplified script alone writes (家 stays 家; 国 becomes 國).
 */
const TRADITIONAL_OF = new Map<string, string>();
for (const [t, s] of SIMPLIFIED_OF) if (SIMPLIFIED_ONLY.has(s) && !TRADITIONAL_OF.has(s)) TRADITIONAL_OF.set(s, t);
const toTraditional = (text: string): string => [...text].map((c) => TRADITIONAL_OF.get(c) ?? c).join('');
/** `“…”` as a Hong Kong copy prints quotes. */
const cornerQuotes = (text: string): string => text.replace(/“/g, '「').replace(/”/g, '」');

/** Read back as simplified, with “…” quotes. */
const fold = (x: unknown): unknown =>
  typeof x === 'string'
    ? [...x].map((c) => (c === '「' ? '“' : c === '」' ? '”' : simplifiedChar(c))).join('')
    : Array.isArray(x)
      ? x.map(fold)
      : x && typeof x === 'object'
        ? Object.fromEntries(Object.entries(x).map(([k, v]) => [k, fold(v)]))
        : x;

function values(doc: Guideline): unknown {
  const { title, year, batch, status, family, specialProject } = doc.document;
  return {
    document: { title, year, batch, status, family, specialProject },
    summary: [doc.summary.directionCount?.value, doc.summary.projectCount?.value, doc.summary.fundingTotal?.amountCNY],
    directions: doc.directions.map((d) => ({
      id: d.id,
      title: d.title,
      partners: d.partners.map((p) => p.name),
      agreements: d.agreements.map((a) => a.title),
      domains: d.domains.map((x) => [x.label, x.detail]),
      count: d.projectCount && [d.projectCount.value, d.projectCount.qualifier],
      funding: d.funding?.amountCNY ?? null,
      cap: d.perProjectCap?.amountCNY ?? null,
      duration: d.duration && [d.duration.minYears, d.duration.maxYears, d.duration.qualifier, d.duration.inherited],
      requirements: d.requirements.map((r) => r.text),
      keywords: d.keywords.map((k) => k.text),
      indicators: d.indicators.map((i) => i.text),
      content: d.researchContent.map((c) => c.text),
    })),
    checks: doc.checks.map((c) => `${c.code} ${c.directionId ?? ''}`).sort(),
  };
}

describe('a guideline in traditional script', () => {
  it('the seed in traditional script: 15 directions, its figures, its titles as printed', async () => {
    const doc = await ingestText(toTraditional(TEXTS.seed!), 'seed-traditional.txt');
    expect(doc.directions).toHaveLength(15);
    // As printed: traditional script, and the same words once read as simplified.
    expect(doc.directions[0]!.title).toMatch(/[國與項]/);
    expect(doc.document.title).toMatch(/國家重點研發計劃/);
    expect(doc.removed.some((r) => r.kind === 'traditional-script')).toBe(true);
  });

  it('reads the same values as the original, once read back as simplified', async () => {
    const originals = new Map<string, unknown>();
    for (const [name, text] of Object.entries(TEXTS)) originals.set(name, values(await ingestText(text, `${name}.txt`)));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...Object.keys(TEXTS)), fc.boolean(), async (name, corners) => {
        const text = toTraditional(TEXTS[name]!);
        const doc = await ingestText(corners ? cornerQuotes(text) : text, `${name}-traditional.txt`);
        expect(fold(values(doc))).toEqual(originals.get(name));
      }),
      { numRuns: runs(8) },
    );
  });

  it('a simplified text quoting a name in traditional script is left as it is', async () => {
    const text = TEXTS.seed!.replace('政府间国际科技创新合作', '政府間國際科技創新合作');
    const doc = await ingestText(text, 'quote.txt');
    expect(doc.removed.some((r) => r.kind === 'traditional-script')).toBe(false);
  });
});
