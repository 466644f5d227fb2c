/**
 * Invariants of the text pipeline, over generated input.
 */
import fc from 'fast-check';
import { runs } from '../helpers/runs.js';
import { describe, expect, it } from 'vitest';
import { clean, renderCleaned } from '../../src/clean/index.js';
import { loadBytes } from '../../src/load/index.js';
import { processSource } from '../../src/pipeline.js';
import { reflow } from '../../src/reflow/index.js';
import { toJson } from '../../src/report/index.js';
import { Guideline } from '../../src/schema/guideline.js';
import { paragraphsOf, segment } from '../../src/segment/index.js';
import { GuidelineError } from '../../src/types.js';
import { loadText, seedText } from '../helpers/seed.js';

const SEED_LINES = seedText().split('\n');

/** Pieces real guidelines are made of, artefacts included. */
const TOKENS = [
  '中', '国', '和', '项', '目', '。', '；', '：', '，', '（', '）', '《', '》', '、', '“', '”',
  '1', '2', '0', '.', ' ', '  ', '\u3000', '\n', '\n\n', '\r\n', '\f', '\t',
  '⼀', '⾯', '１', 'Ａ', 'https://example.org/a）。', '— 3 —', '第 2 页', '3/20',
  '1.1 中国和越南政府间联合研究项目', '（1）', '（一）', '一、', '1.', '拟支持项目数：', '共拟支持经费：', '800万元', '待定',
  'JICA', 'Associated Partner',
];

const tokenText = fc.array(fc.constantFrom(...TOKENS), { maxLength: 120 }).map((t) => t.join(''));

/** The seed with some lines dropped, duplicated or swapped. */
const seedVariant = fc
  .array(fc.tuple(fc.nat(SEED_LINES.length - 1), fc.constantFrom('drop', 'dup', 'swap')), { maxLength: 12 })
  .map((edits) => {
    const lines = [...SEED_LINES];
    for (const [i, op] of edits) {
      if (i >= lines.length) continue;
      if (op === 'drop') lines.splice(i, 1);
      else if (op === 'dup') lines.splice(i, 0, lines[i]!);
      else if (i + 1 < lines.length) [lines[i], lines[i + 1]] = [lines[i + 1]!, lines[i]!];
    }
    return lines.join('\n');
  });

const anyText = fc.oneof(tokenText, seedVariant, fc.string({ unit: 'grapheme', maxLength: 200 }));

const lineTexts = (c: ReturnType<typeof clean>) => c.lines.map((l) => [l.text.text, l.blankBefore]);

/** Cleaning the cleaned text changes nothing: the same lines, the same paragraph starts. */
const idempotent = fc.asyncProperty(anyText, async (text) => {
  let source;
  try {
    source = await loadText(text);
  } catch (error) {
    expect(error).toBeInstanceOf(GuidelineError);
    return;
  }
  const once = clean(source);
  const rendered = renderCleaned(once);
  if (rendered.trim() === '') return;
  const twice = clean(await loadText(rendered));
  expect(lineTexts(twice)).toEqual(lineTexts(once));
});

describe('properties', () => {
  it('cleaning is idempotent', async () => {
    await fc.assert(idempotent, { numRuns: runs(150) });
  });

  it('cleaning is idempotent where furniture stands between a line and its copy (the case a CI run found)', async () => {
    // A line copied twice at a page's edge, with URL artefacts above it: the copy was kept on the
    // first cleaning (the artefacts parted it from the sentence it continues) and removed on the
    // second. Replayed from the run's seed and path.
    await fc.assert(idempotent, { seed: 1045827158, path: '29:3:16', endOnFailure: true });
  });

  it('cleaning is idempotent where a page number is glued before an English gloss of a label (the case a run found)', async () => {
    // `第 2 页Associated Partner　共拟支持经费：`: the gloss was left on the first cleaning (the page number
    // stood at the line's start) and taken on the second. Replayed from the run's seed and path.
    await fc.assert(idempotent, { seed: 47913383, path: '48:14', endOnFailure: true });
  });

  it('cleaning is idempotent where a bullet stands before a compatibility ideograph (the case a CI run found)', async () => {
    // `■勇𐀀!` with 勇 written U+FA76: the bullet was kept on the first cleaning (no ideograph of the
    // main block after it) and taken on the second (the character normalised). Replayed from the run's seed and path.
    await fc.assert(idempotent, { seed: -1075798702, path: '127:20:27:25:20:20:22:21:23:22:23:23:22:24:24:23:23:23:23:23:23:23:23:23:23:23', endOnFailure: true });
  });

  it('cleaning is idempotent where a page number is glued before the text after a half-width full stop (the case a deep run found)', async () => {
    // `中.` / `` / `— 3 —中`: the stop was kept on the first cleaning (the page number stood where the
    // next line starts) and made `。` on the second. Replayed from the run's seed and path.
    await fc.assert(idempotent, { seed: -1402172344, path: '3557:2:3:13', endOnFailure: true });
  });

  it('reflow and segment lose no text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(tokenText, seedVariant), async (text) => {
        let source;
        try {
          source = await loadText(text);
        } catch {
          return;
        }
        const cleaned = clean(source);
        const paragraphs = reflow(cleaned);
        const squash = (s: string): string => s.replace(/\s+/g, '');
        expect(squash(paragraphs.map((p) => p.text.text).join(''))).toBe(squash(cleaned.lines.map((l) => l.text.text).join('')));
        const { root } = segment(paragraphs);
        // Segment may cut a paragraph where a field label runs on; it never drops or reorders text.
        const pieces = paragraphsOf(root).map((p) => p.text);
        expect(squash(pieces.map((p) => p.text).join(''))).toBe(squash(paragraphs.map((p) => p.text.text).join('')));
        const offsets = pieces.flatMap((p) => [...p.from]);
        expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
      }),
      { numRuns: runs(100) },
    );
  });

  it('any input gives a document or a one-line GuidelineError, never another exception', async () => {
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 300 }),
      anyText.map((t) => Buffer.from(t, 'utf8')),
      seedVariant.map((t) => Buffer.from(t, 'utf16le')),
    );
    await fc.assert(
      fc.asyncProperty(bytes, fc.constantFrom('x.txt', 'x.pdf', 'x'), async (b, name) => {
        try {
          const doc = processSource(await loadBytes(b, name));
          expect(doc.directions.length).toBeGreaterThan(0);
        } catch (error) {
          expect(error).toBeInstanceOf(GuidelineError);
          expect((error as GuidelineError).message).not.toMatch(/\n|internal error/);
        }
      }),
      { numRuns: runs(150) },
    );
  });

  it('every output parses back through the schema, unchanged', async () => {
    await fc.assert(
      fc.asyncProperty(seedVariant, async (text) => {
        let doc;
        try {
          doc = processSource(await loadText(text));
        } catch (error) {
          expect(error).toBeInstanceOf(GuidelineError);
          return;
        }
        expect(Guideline.parse(JSON.parse(toJson(doc)))).toEqual(doc);
      }),
      { numRuns: runs(40) },
    );
  });
});
