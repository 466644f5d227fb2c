/**
 * Compares an extracted guideline with a hand-written `*.expected.json` (see
 * `test/fixtures/variants/README.md`): the output is projected onto the keys the expected file
 * names, so a failure shows exactly the values that differ.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import type { Direction, Guideline } from '../../src/schema/guideline.js';
import { GuidelineError } from '../../src/types.js';
import { diff } from '../../src/diff/index.js';
import { judgeDiff } from '../../scripts/diff-expectations.mjs';
import { ingestText, loadText } from './seed.js';
import { processSources } from '../../src/pipeline.js';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Obj = { [k: string]: Json };

const pick = (value: Obj, keys: readonly string[]): Obj => Object.fromEntries(keys.filter((k) => k in value).map((k) => [k, value[k]!]));

function directionValues(d: Direction): Obj {
  const pc = d.projectCount;
  return {
    id: d.id,
    title: d.title,
    partners: d.partners.map((p) => p.name),
    agreements: d.agreements.map((a) => a.title),
    domains: d.domains.map((x) => x.label),
    projectCount: pc ? { value: pc.value, qualifier: pc.qualifier, ...(pc.min === undefined ? {} : { min: pc.min }), inherited: pc.inherited } : null,
    fundingCNY: d.funding?.amountCNY ?? null,
    fundingQualifier: d.funding?.qualifier ?? null,
    perProjectCapCNY: d.perProjectCap?.amountCNY ?? null,
    duration: d.duration
      ? { minYears: d.duration.minYears, maxYears: d.duration.maxYears, qualifier: d.duration.qualifier, hedge: d.duration.hedge, inherited: d.duration.inherited }
      : null,
    durationInherited: d.duration?.inherited ?? false,
    requirementCount: d.requirements.length,
    category: d.category,
    keywords: d.keywords.map((k) => k.text),
    indicators: d.indicators.length,
    researchContentParagraphs: d.researchContent.length,
    researchContentStartsWith: d.researchContent[0]?.text.slice(0, 10) ?? null,
    perProjectCapInherited: d.perProjectCap?.inherited ?? false,
    matchingRatio: d.conditions.matchingRatio && { other: d.conditions.matchingRatio.other, central: d.conditions.matchingRatio.central, qualifier: d.conditions.matchingRatio.qualifier },
    leadingEnterprise: d.conditions.leadingEnterprise !== null,
    youngScientist: d.conditions.youngScientist && {
      maleBornOnOrAfter: d.conditions.youngScientist.maleBornOnOrAfter,
      femaleBornOnOrAfter: d.conditions.youngScientist.femaleBornOnOrAfter,
      noSubtopics: d.conditions.youngScientist.noSubtopics,
    },
  };
}

/** The output, in the shape and with the keys of `expected`. */
export function project(doc: Guideline, expected: Obj): Obj {
  const out: Obj = {};
  if (expected.document) {
    out.document = pick(doc.document as unknown as Obj, Object.keys(expected.document as Obj));
  }
  if (expected.summary) {
    const s = doc.summary;
    const all: Obj = {
      directionCount: s.directionCount?.value ?? null,
      projectCount: s.projectCount?.value ?? null,
      partnerCount: s.partnerCount?.value ?? null,
      fundingTotalCNY: s.fundingTotal?.amountCNY ?? null,
      youngScientist: s.youngScientist && { count: s.youngScientist.count?.value ?? null, fundingCNY: s.youngScientist.fundingCNY },
    };
    out.summary = pick(all, Object.keys(expected.summary as Obj));
  }
  if (expected.defaults !== undefined) {
    const s = doc.summary;
    const pc = s.defaultProjectCount;
    const all: Obj = {
      projectCount: pc ? { value: pc.value, qualifier: pc.qualifier, ...(pc.min === undefined ? {} : { min: pc.min }) } : null,
      duration:
        s.defaultDuration &&
        pick(
          { minYears: s.defaultDuration.minYears, maxYears: s.defaultDuration.maxYears, qualifier: s.defaultDuration.qualifier, hedge: s.defaultDuration.hedge },
          Object.keys(((expected.defaults as Obj | null)?.duration as Obj | null) ?? { minYears: 0, maxYears: 0, qualifier: 0 }),
        ),
      perProjectCapCNY: s.defaultPerProjectCap?.amountCNY ?? null,
    };
    out.defaults = pick(all, Object.keys((expected.defaults as Obj | null) ?? {}));
  }
  if (expected.directions) {
    const want = expected.directions as Obj[];
    out.directions = doc.directions.map((d, i) => {
      const values = directionValues(d);
      const keys = Object.keys(want[i] ?? want[0] ?? {});
      const projected = pick(values, keys);
      // Nested objects: only the keys the expected value names.
      for (const k of keys) {
        const w = want[i]?.[k];
        const v = projected[k];
        if (w && v && typeof w === 'object' && !Array.isArray(w) && typeof v === 'object' && !Array.isArray(v)) projected[k] = pick(v as Obj, Object.keys(w));
      }
      return projected;
    });
  }
  return out;
}

/** The document of case `name`: `<name>.txt`, or `<name>.<ext>` in another format (`.html`, `.md`, …). */
export function caseFile(dir: string, name: string): string {
  const files = readdirSync(dir).filter((f) => f.startsWith(`${name}.`) && f !== `${name}.expected.json` && !f.slice(name.length + 1).includes('.'));
  return files.includes(`${name}.txt`) ? `${name}.txt` : files.sort()[0] ?? `${name}.txt`;
}

/** The `<name>` of every `<name>.expected.json` in `dir`, sorted. */
export function expectedCases(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.expected.json'))
    .map((f) => f.replace(/\.expected\.json$/, ''))
    .sort();
}

/**
 * The two tests of a hand-checked case: the values a person reads, and the doubts planted in the
 * text (`checks`) reported, those that are absent (`noChecks`) not.
 */
/** How many of the expected leaf values (a string, number, boolean or null, an array's items one value) the projection holds alike. */
export function valuesRight(expected: unknown, actual: unknown): number {
  if (Array.isArray(expected) && expected.every((x) => x === null || typeof x !== 'object')) return JSON.stringify(expected) === JSON.stringify(actual) ? 1 : 0;
  if (expected !== null && typeof expected === 'object') {
    const a = (actual ?? {}) as Record<string, unknown>;
    return Object.entries(expected as Record<string, unknown>).reduce((n, [k, v]) => n + valuesRight(v, Array.isArray(expected) ? (actual as unknown[] | undefined)?.[Number(k)] : a[k]), 0);
  }
  return JSON.stringify(expected) === JSON.stringify(actual) ? 1 : 0;
}

export function expectedCaseTests(dir: string, name: string, known?: { readonly gap?: string; readonly checksGap?: string; readonly right?: number }): void {
  const expected = JSON.parse(readFileSync(`${dir}${name}.expected.json`, 'utf8')) as Obj;
  const file = caseFile(dir, name);
  // Read once for both tests (a scanned case is read by OCR).
  let read: ReturnType<typeof ingestText> | undefined;
  // (Read as the CLI reads a file: `processSources`, which reads a text whole where its second title
  // heads no guideline of its own; a case of one guideline must come out as one.)
  const load = (): ReturnType<typeof ingestText> =>
    (read ??= loadText(readFileSync(`${dir}${file}`), file).then((source) => {
      const docs = processSources(source);
      if (docs.length !== 1) throw new Error(`${file}: ${docs.length} documents where one is expected`);
      return docs[0]!;
    }));

  // A text that holds several guidelines (`documents`: one entry each, in order): as many documents,
  // each with its values; the doubts over all of them.
  if (Array.isArray(expected.documents)) {
    const all = loadText(readFileSync(`${dir}${file}`), file).then(processSources);
    const wanted = expected.documents as Obj[];
    (known?.gap ? it.fails : it)(`reads each of its ${wanted.length} guidelines with the values a person reads${known?.gap ? ` (known gap: ${known.gap})` : ''}`, async () => {
      const docs = await all;
      expect(docs).toHaveLength(wanted.length);
      docs.forEach((doc, k) => expect(project(doc, wanted[k]!)).toEqual(wanted[k]));
    });
    if (known?.gap) return;
    it('reports the planted doubts in one of them, and the absent ones in none', async () => {
      const checks = (await all).flatMap((d) => d.checks);
      const codes = new Set(checks.map((c) => c.code));
      for (const code of (expected.checks as string[] | undefined) ?? []) expect(codes, code).toContain(code);
      for (const code of (expected.noChecks as string[] | undefined) ?? []) expect(checks.filter((c) => c.code === code).map((c) => c.message), code).toEqual([]);
    });
    return;
  }

  // A source that is no guideline (`{ "refused": true }`): refused in one line, never read as one.
  if (expected.refused === true) {
    it('is refused as no guideline', async () => {
      const error = await load().then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(GuidelineError);
      expect((error as GuidelineError).code).toBe('not-a-guideline');
    });
    return;
  }

  // A known gap (`known.gap` says which): the case is kept, and its test fails loudly once the tool
  // reads it, so that the gap is closed here too.
  (known?.gap ? it.fails : it)(`reads the values a person reads${known?.gap ? ` (known gap: ${known.gap})` : ''}`, async () => {
    const { forms: _forms, notes: _notes, checks: _checks, noChecks: _noChecks, ...values } = expected;
    expect(project(await load(), values)).toEqual(values);
  });

  // A known gap holds the values it reads right: no fewer than when the gap was recorded (`right`),
  // so that a change elsewhere that loses one fails here, gap or not.
  if (known?.gap && known.right !== undefined) {
    it(`reads at least ${known.right} of its values right (the rest its known gap)`, async () => {
      const { forms: _forms, notes: _notes, checks: _checks, noChecks: _noChecks, ...values } = expected;
      expect(valuesRight(values, project(await load(), values))).toBeGreaterThanOrEqual(known.right!);
    });
  }

  // With a known gap in the values the doubts are not judged (the values they stand on are not
  // those the writer read); a known gap in the doubts alone is kept as its own failing test.
  if (known?.gap) return;
  (known?.checksGap ? it.fails : it)(`reports the planted doubts, and not the absent ones${known?.checksGap ? ` (known gap: ${known.checksGap})` : ''}`, async () => {
    const doc = await load();
    const codes = new Set(doc.checks.map((c) => c.code));
    for (const code of (expected.checks as string[] | undefined) ?? []) expect(codes, code).toContain(code);
    for (const code of (expected.noChecks as string[] | undefined) ?? []) {
      expect(doc.checks.filter((c) => c.code === code).map((c) => c.message), code).toEqual([]);
    }
  });
}

/** The `<name>` of every `<name>.expected-diff.json` in `dir` (a pair `<name>.old.*` / `<name>.new.*`), sorted. */
export function expectedDiffCases(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.expected-diff.json'))
    .map((f) => f.replace(/\.expected-diff\.json$/, ''))
    .sort();
}

/** The test of a hand-checked pair: every difference an analyst reads, as the diff reports it. */
export function expectedDiffTests(dir: string, name: string): void {
  it('reports the differences an analyst reads (added, removed, renumbered, split, merged, the fields changed)', async () => {
    const expected = JSON.parse(readFileSync(`${dir}${name}.expected-diff.json`, 'utf8')) as { directions: unknown[] };
    const load = async (side: string) => {
      const file = caseFile(dir, `${name}.${side}`);
      return ingestText(readFileSync(`${dir}${file}`), file);
    };
    const d = diff(await load('old'), await load('new'));
    const wrong = judgeDiff(d, expected).filter((j) => !j.ok);
    expect(wrong.map((j) => `${JSON.stringify(j.want)} got ${j.got}`)).toEqual([]);
    expect(expected.directions.length).toBeGreaterThan(0);
  });
}
