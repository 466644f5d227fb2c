/**
 * Metamorphic properties over the variant corpus: transforms that real documents of the family
 * show — half-width punctuation, digit grouping, full-width digits, a space before units, CRLF,
 * hard wrap at any width from 18 to 40 with page numbers and a running header, and any
 * combination — leave every extracted value as it was (positions aside).
 */
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { runs } from '../helpers/runs.js';
import { describe, expect, it } from 'vitest';
import type { Guideline, SectionOut } from '../../src/schema/guideline.js';
import { ingestText, ROOT } from '../helpers/seed.js';

const DIR = `${ROOT}test/fixtures/variants/`;
const NAMES = readdirSync(DIR)
  .filter((f) => f.endsWith('.txt'))
  .sort();
const TEXTS = new Map(NAMES.map((n) => [n, readFileSync(`${DIR}${n}`, 'utf8')]));
TEXTS.set('seed.txt', readFileSync(`${ROOT}corpus/2025-batch1-draft.txt`, 'utf8'));
TEXTS.set('key-programme.txt', readFileSync(`${ROOT}test/fixtures/key-programme/2026-advanced-computing.txt`, 'utf8'));

/** Every value the tool extracts, without positions. */
function values(doc: Guideline): unknown {
  const { title, year, batch, status, family, specialProject } = doc.document;
  const s = doc.summary;
  return {
    document: { title, year, batch, status, family, specialProject },
    summary: {
      directions: s.directionCount?.value ?? null,
      projects: s.projectCount && [s.projectCount.value, s.projectCount.qualifier],
      funding: s.fundingTotal && [s.fundingTotal.amountCNY, s.fundingTotal.qualifier],
      duration: s.defaultDuration && [s.defaultDuration.minYears, s.defaultDuration.maxYears, s.defaultDuration.hedge],
    },
    directions: doc.directions.map((d) => ({
      id: d.id,
      title: d.title,
      partners: d.partners.map((p) => p.name),
      agreements: d.agreements.map((a) => a.title),
      domains: d.domains.map((x) => x.label),
      count: d.projectCount && [d.projectCount.value, d.projectCount.min, d.projectCount.qualifier, d.projectCount.inherited],
      funding: d.funding && [d.funding.amountCNY, d.funding.qualifier],
      cap: d.perProjectCap?.amountCNY ?? null,
      duration: d.duration && [d.duration.minYears, d.duration.maxYears, d.duration.qualifier, d.duration.hedge, d.duration.inherited],
      requirements: d.requirements.length,
      keywords: d.keywords.map((k) => k.text),
      indicators: d.indicators.length,
      content: d.researchContent.length,
      other: d.otherText.map((o) => o.label),
    })),
    checks: doc.checks.map((c) => `${c.code} ${c.directionId ?? ''}`).sort(),
  };
}

const FULL_TO_HALF: Record<string, string> = { '，': ',', '；': ';', '：': ':', '（': '(', '）': ')', '！': '!', '？': '?' };

const transforms = {
  halfWidth: (t: string) => t.replace(/[，；：（）！？]/g, (c) => FULL_TO_HALF[c]!),
  grouping: (t: string, sep: string) => t.replace(/(?<![\d.,，])(\d{4,})(?=\s*(?:万元|亿元|元))/g, (n) => n.replace(/\B(?=(\d{3})+$)/g, sep)),
  fullWidthDigits: (t: string) => t.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)),
  spaceBeforeUnits: (t: string) => t.replace(/(\d)(万元|亿元|个|项|年)/g, '$1 $2'),
  crlf: (t: string) => t.replace(/\r?\n/g, '\r\n'),
};

/** The document's paragraphs (as the tool reflowed them), hard-wrapped and paginated anew. */
function rewrap(doc: Guideline, width: number, pageLines: number, header: string): string {
  const paras: string[] = [];
  const walk = (n: SectionOut): void => {
    paras.push(n.text);
    n.children.forEach(walk);
  };
  doc.sections.forEach(walk);
  const w = (c: string): number => (c.charCodeAt(0) < 0x1100 ? 1 : 2);
  const lines: string[] = [];
  for (const p of paras) {
    // Official documents indent each paragraph by two characters (GB/T 9704).
    const chars = [...'\u3000\u3000', ...p];
    let i = 0;
    while (i < chars.length) {
      let j = i;
      let used = 0;
      while (j < chars.length && used + w(chars[j]!) <= width * 2) used += w(chars[j++]!);
      // Typesetting never cuts a number or a Latin word.
      while (j < chars.length && j > i + 1 && /[\dA-Za-z.]/.test(chars[j - 1]!) && /[\dA-Za-z.]/.test(chars[j]!)) j--;
      lines.push(chars.slice(i, j).join(''));
      i = j;
    }
  }
  // At least two pages: a running header is only one when it repeats.
  pageLines = Math.min(pageLines, Math.ceil(lines.length / 2));
  const pages = Math.ceil(lines.length / pageLines);
  const out: string[] = [];
  for (let p = 0; p < pages; p++) {
    out.push(header, ...lines.slice(p * pageLines, (p + 1) * pageLines), `第 ${p + 1} 页 共 ${pages} 页`, '\f');
  }
  return out.join('\n');
}

/** A running header as the PDFs of these guidelines print them (not the title: page 1 has that). */
const HEADER = '国家科技管理信息系统公共服务平台';

const cases = fc.record({
  name: fc.constantFrom(...TEXTS.keys()),
  halfWidth: fc.boolean(),
  grouping: fc.option(fc.constantFrom(',', '，', ' '), { nil: null }),
  fullWidthDigits: fc.boolean(),
  spaceBeforeUnits: fc.boolean(),
  crlf: fc.boolean(),
  wrap: fc.option(fc.record({ width: fc.integer({ min: 18, max: 40 }), pageLines: fc.integer({ min: 20, max: 45 }) }), { nil: null }),
});

const originals = new Map<string, Promise<Guideline>>();
const original = (name: string): Promise<Guideline> => {
  let doc = originals.get(name);
  if (!doc) originals.set(name, (doc = ingestText(TEXTS.get(name)!, name)));
  return doc;
};

/** A case's document: the original (or its paragraphs re-wrapped), with the case's transforms. */
async function transformed(c: typeof cases extends fc.Arbitrary<infer T> ? T : never): Promise<{ base: Guideline; text: string }> {
  const base = await original(c.name);
  let text = c.wrap ? rewrap(base, c.wrap.width, c.wrap.pageLines, HEADER) : TEXTS.get(c.name)!;
  if (c.halfWidth) text = transforms.halfWidth(text);
  if (c.grouping) text = transforms.grouping(text, c.grouping);
  if (c.spaceBeforeUnits) text = transforms.spaceBeforeUnits(text);
  if (c.fullWidthDigits) text = transforms.fullWidthDigits(text);
  if (c.crlf) text = transforms.crlf(text);
  return { base, text };
}

describe('metamorphic properties of the variant corpus', () => {
  it('extracts the same values whatever the typing, grouping, digits, line ends and layout', async () => {
    await fc.assert(
      fc.asyncProperty(cases, async (c) => {
        const { base, text } = await transformed(c);
        const doc = await ingestText(text, c.name);
        expect(values(doc)).toEqual(values(base));
      }),
      { numRuns: runs(Number(process.env.FC_RUNS ?? 60)) },
    );
  });
});

/**
 * Source offsets of a direction's text that no output of that direction accounts for: not in the
 * span of any value, list item, text block, `otherText` entry or check of the direction, and
 * not a label, a marker, punctuation, white space or a logged removal.
 */
function unaccounted(doc: Guideline, source: string): { direction: string; text: string }[] {
  const covered: [number, number][] = [];
  for (const r of doc.removed) if (r.start !== null && r.end !== null && r.replacement === undefined) covered.push([r.start, r.end]);
  const removedAt = (at: number): boolean => covered.some(([a, b]) => at >= a && at < b);
  const misses: { direction: string; text: string }[] = [];
  doc.directions.forEach((d, i) => {
    const own: [number, number][] = [...covered];
    const add = (s: { start: number; end: number } | null | undefined): void => {
      if (s) own.push([s.start, s.end]);
    };
    add(d.titleSpan);
    d.agreements.forEach((a) => add(a.span));
    const domains = (xs: typeof d.domains): void => xs.forEach((x) => (add(x.span), domains(x.children)));
    domains(d.domains);
    add(d.projectCount?.span);
    add(d.funding?.span);
    add(d.perProjectCap?.span);
    add(d.duration?.span);
    [...d.requirements, ...d.researchContent, ...d.indicators, ...d.keywords, ...d.otherText].forEach((x) => add(x.span));
    // An item's marker (`（1）`, `①`) stands just before its span: structure, not text.
    for (const x of [...d.requirements.map((r) => ({ marker: r.label, span: r.span })), ...d.indicators]) {
      if (!x.marker) continue;
      // A line break, even a page break with its header and footer, may stand inside the marker
      // (`（` / `2）`): what is left of the text before the span, noise and white space aside.
      const from = Math.max(0, x.span.start - x.marker.length - 160);
      let before = '';
      for (let at = from; at < x.span.start; at++) if (!removedAt(at)) before += source[at];
      if (normal(before.replace(/\s/g, '')).endsWith(normal(x.marker))) own.push([from, x.span.start]);
    }
    doc.checks.filter((c) => c.directionId === d.id).forEach((c) => add(c.span));
    // The direction's nodes in the section tree, with their markers (labels, list markers).
    const node = findDirection(doc.sections, i);
    if (!node) return;
    const walk = (n: SectionOut): void => {
      const text = source.slice(n.span.start, n.span.end);
      const skip = n.marker ? normal(text).indexOf(n.marker) : -1;
      for (let k = 0; k < text.length; k++) {
        if (skip >= 0 && k >= skip && k < skip + n.marker!.length) continue;
        const ch = text[k]!;
        if (/[\s\p{P}\p{S}\u2460-\u2473]/u.test(ch)) continue;
        const at = n.span.start + k;
        if (!own.some(([a, b]) => at >= a && at < b)) {
          misses.push({ direction: d.id, text: text.slice(Math.max(0, k - 8), k + 8) });
          return;
        }
      }
      n.children.forEach(walk);
    };
    node.children.forEach(walk);
  });
  return misses;
}

/** Half-width punctuation as the tool normalises it (one code unit for one). */
function normal(t: string): string {
  return t.replace(/[:;,()]/g, (c) => ({ ':': '：', ';': '；', ',': '，', '(': '（', ')': '）' })[c]!);
}

function findDirection(sections: readonly SectionOut[], ordinal: number): SectionOut | undefined {
  let seen = -1;
  let found: SectionOut | undefined;
  const walk = (n: SectionOut): void => {
    if (found) return;
    if (n.kind === 'direction') {
      seen++;
      if (seen === ordinal) found = n;
      return;
    }
    n.children.forEach(walk);
  };
  sections.forEach(walk);
  return found;
}

describe('no silent loss', () => {
  it('every character of every direction is in a value, an item, otherText or a check', async () => {
    await fc.assert(
      // Digit forms and unit spaces aside: the offsets of the text checked are those of `text`.
      fc.asyncProperty(cases, async (c) => {
        const { text } = await transformed({ ...c, grouping: null, fullWidthDigits: false, spaceBeforeUnits: false });
        const doc = await ingestText(text, c.name);
        expect(unaccounted(doc, text)).toEqual([]);
      }),
      { numRuns: runs(Number(process.env.FC_RUNS ?? 40)) },
    );
  });
});
