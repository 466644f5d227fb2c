/**
 * Key R&D programme guidelines (国家重点研发计划 special projects other than international
 * cooperation): research content, indicators, keywords, categories, figures stated once in the
 * preamble and inherited, conditions read from 有关说明. Two complete guidelines with values read
 * by hand: one with per-direction counts and years, one with preamble defaults and
 * young-scientist directions, hard-wrapped.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ingestText, ROOT } from '../helpers/seed.js';
import { expectedCaseTests, expectedCases, project } from '../helpers/expected.js';

const DIR = `${ROOT}test/fixtures/key-programme/`;
const cases = expectedCases(DIR);

describe.each(cases)('key-programme guideline %s', (name) => expectedCaseTests(DIR, name));

describe('diff of key-programme fields', () => {
  it('reports keywords added and removed, indicators added and reworded, research content reworded', async () => {
    const { diff } = await import('../../src/diff/index.js');
    const text = readFileSync(`${DIR}2026-advanced-computing.txt`, 'utf8');
    const edited = text
      .replace('关键词：异构计算，统一编程模型，运行时系统，性能可移植', '关键词：异构计算，统一编程模型，运行时系统，编译优化')
      .replace('研究面向异构融合计算系统的统一编程模型与抽象机器模型', '研究面向异构融合计算系统的统一编程模型')
      .replace('（3）在不少于3类典型科学计算与智能计算应用中开展验证', '（3）在不少于5类典型科学计算与智能计算应用中开展验证');
    expect(edited).not.toBe(text);
    const before = await ingestText(text, 'a.txt');
    const after = await ingestText(edited, 'a.txt');
    const d11 = diff(before, after).directions.find((d) => d.oldId === '1.1')!;
    expect(d11.status).toBe('modified');
    expect(d11.changes.map((c) => [c.field, c.kind])).toEqual([
      ['keywords[性能可移植]', 'removed'],
      ['keywords[编译优化]', 'added'],
      ['researchContent[1]', 'reworded'],
      ['indicators[3]', 'reworded'],
    ]);
    expect(diff(before, after).directions.filter((d) => d.status !== 'unchanged').map((d) => d.oldId)).toEqual(['1.1']);
  });
});

describe('a key-programme guideline typeset as PDF (header from page 2, - N - footers)', () => {
  it('gives the values of its text, and no doubt the text does not have', async () => {
    const { loadBytes } = await import('../../src/load/index.js');
    const { processSource } = await import('../../src/pipeline.js');
    const { diff, hasChanges } = await import('../../src/diff/index.js');
    const name = '2026-advanced-computing';
    const pdf = processSource(await loadBytes(readFileSync(`${DIR}${name}.pdf`), `${name}.pdf`));
    const text = await ingestText(readFileSync(`${DIR}${name}.txt`), `${name}.txt`);
    const expected = JSON.parse(readFileSync(`${DIR}${name}.expected.json`, 'utf8')) as Record<string, never>;
    const { forms: _f, checks: _c, noChecks: _n, ...values } = expected;
    expect(project(pdf, values)).toEqual(values);
    expect(pdf.checks.map((c) => c.code)).toEqual(text.checks.map((c) => c.code));
    expect(pdf.removed.filter((r) => r.kind === 'running-header').map((r) => r.page)).toEqual([2, 3, 4, 5]);
    // Every indicator reads as in the text (a Latin word carried over to the next line included).
    expect(pdf.directions.map((d) => d.indicators.map((i) => i.text))).toEqual(text.directions.map((d) => d.indicators.map((i) => i.text)));
    expect(hasChanges(diff(text, pdf))).toBe(false);
  });
});

describe('young-scientist figures stated before the directions', () => {
  it('reads their count, funding and the amount per project', async () => {
    const doc = await ingestText(readFileSync(`${DIR}2026-synthetic-biology.txt`), 'sb.txt');
    expect(doc.summary.youngScientist).toMatchObject({ count: { value: 6 }, fundingCNY: 18_000_000, perProjectCNY: 3_000_000 });
    // `每个项目300万元` there is the young scientists' figure, not the default cap of every direction.
    expect(doc.summary.defaultPerProjectCap?.amountCNY).toBe(15_000_000);
  });
});
