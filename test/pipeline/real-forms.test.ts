/**
 * Real texts as they arrive (issue 21): copies from policy databases (page numbers inside lines, no
 * title line, CRLF, full-width indents), the programme's period against the project's, a field label
 * stuck to a title, a lone direction without a number, and the neighbouring call families (NSFC,
 * MIIT). Values read by hand (`test/fixtures/real-forms/README.md`).
 *
 * The cases the tool does not read yet stay here as known gaps: their test passes while the gap is
 * open and fails once it is closed (then move the case to `read`).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GuidelineError } from '../../src/types.js';
import { processSources } from '../../src/pipeline.js';
import { project } from '../helpers/expected.js';
import { loadText } from '../helpers/seed.js';
import { expectedCaseTests, expectedCases } from '../helpers/expected.js';
import { ingestText, ROOT } from '../helpers/seed.js';

const DIR = `${ROOT}test/fixtures/real-forms/`;
const read = ['hmt-traditional-repost', 'intergov-annex-correction', 'intergov-single-unnumbered', 'nsfc-joint-call-snsf', 'key-robot-database-copy', 'miit-jiebang-guashuai', 'nsfc-major-research-plan', 'nsfc-original-exploration'];
const refused = ['negative-notice-attachment', 'negative-work-report'];
const gaps: Record<string, string> = {
  'three-key-drafts-pasted': 'several guidelines in one text: processSource refuses them (processSources and the CLI read each: tested below)',
};

describe('real texts and neighbouring families', () => {
  it('every case is read, refused or a named gap', () => {
    expect(expectedCases(DIR)).toEqual([...read, ...refused, ...Object.keys(gaps)].sort());
  });

  describe.each(read)('%s', (name) => expectedCaseTests(DIR, name));
  describe.each(Object.keys(gaps))('%s', (name) => expectedCaseTests(DIR, name, { gap: gaps[name]! }));

  it.each(refused)('%s is refused, in one line that says why', async (name) => {
    const error = await ingestText(readFileSync(`${DIR}${name}.txt`), `${name}.txt`).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(GuidelineError);
    expect((error as GuidelineError).code).toBe('not-a-guideline');
    expect((error as GuidelineError).message).not.toMatch(/\n/);
  });

  it('a database copy: every page number inside a line is removed and logged, none is left in a value', async () => {
    const text = readFileSync(`${DIR}key-robot-database-copy.txt`, 'utf8');
    const doc = await ingestText(text, 'key-robot-database-copy.txt');
    expect(doc.removed.filter((r) => r.kind === 'inline-page-number').map((r) => r.text)).toEqual(['- 2 -', '— 3 —', '第 4 页', '－ 5 －', '—7—', '—10—']);
    const values = doc.directions.flatMap((d) => [d.title, ...d.researchContent.map((x) => x.text), ...d.indicators.map((x) => x.text)]).join('\n');
    expect(values).not.toMatch(/[-－—]\s*\d{1,2}\s*[-－—]|第\s+\d+\s+页/);
    // The special project's own period (本专项实施周期为5年) is no project's duration.
    expect(new Set(doc.directions.map((d) => d.duration?.maxYears))).toEqual(new Set([3]));
  });

  it('several guidelines in one text: never one merged document; each read on its own', async () => {
    const text = readFileSync(`${DIR}three-key-drafts-pasted.txt`);
    const error = await ingestText(text, 'three.txt').then(
      () => null,
      (e: unknown) => e,
    );
    expect((error as GuidelineError).code).toBe('several-guidelines');
    expect((error as GuidelineError).message).toBe('holds 3 guidelines one after another (titles at lines 1, 57, 103): put each in a file of its own');
    const docs = processSources(await loadText(text, 'three.txt'));
    const expected = JSON.parse(readFileSync(`${DIR}three-key-drafts-pasted.expected.json`, 'utf8')) as { documents: Record<string, never>[] };
    expect(docs.map((d) => d.document.id)).toEqual(['three-1', 'three-2', 'three-3']);
    docs.forEach((doc, k) => {
      const { forms: _f, notes: _n, checks: _c, noChecks: _x, ...values } = expected.documents[k]!;
      expect(project(doc, values)).toEqual(values);
    });
  });

  it('a notice carrying two guidelines as 附件1 and 附件2: the notice and the first one document, the second its own; one attachment alone no split', async () => {
    const { guidelineStarts } = await import('../../src/load/split.js');
    const text = readFileSync(`${ROOT}test/fixtures/blind127/gjhz-gat-2026-two-guides-wkinfo.txt`, 'utf8');
    const lines = text.split('\n');
    expect(guidelineStarts(text)).toEqual([0, lines.indexOf('附件2') + 1]);
    const docs = processSources(await loadText(text, 'two.txt'));
    expect(docs.map((d) => [d.document.title, d.directions.length])).toEqual([
      ['国家重点研发计划“政府间国际科技创新合作”重点专项2026年度第二批项目申报指南', 8],
      ['国家重点研发计划“港澳台科技创新合作”重点专项2026年度第一批项目申报指南', 6],
    ]);
    // The notice with its first attachment only: one guideline, the notice its cover.
    expect(guidelineStarts(lines.slice(0, lines.indexOf('附件2')).join('\n'))).toEqual([]);
  });

  it('a title printed once as a running header, at the top of a page, is no second guideline', async () => {
    const { guidelineStarts } = await import('../../src/load/split.js');
    const text = readFileSync(`${ROOT}test/fixtures/layouts/two-column.txt`, 'utf8');
    // The fixture prints the title at the top of both pages; keep only the second page's.
    const once = text.replace(/^ +“政府间国际科技创新合作”重点专项2025年度第二批项目申报指南\n/, '');
    expect(once).not.toBe(text);
    expect(guidelineStarts(once)).toEqual([0]);
    expect((await ingestText(once, 'once.txt')).directions).toHaveLength(6);
  });
});
