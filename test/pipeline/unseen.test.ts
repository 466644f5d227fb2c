/**
 * Guidelines written by a tester who had not seen the fixtures, in forms none of them use: fields
 * numbered as a list (`1. 合作协议：…`), labels in brackets (`【拟支持项目数】4个`), per-project
 * amounts (`300万元/项`, `每项250万元，共计500万元`), Chinese numerals, 第二批次, keywords
 * separated by spaces, 揭榜挂帅 and 部省联动 categories, a `pdftotext -layout` table of labels and
 * values, English acronyms of partners, and a field given twice. Each was wrong once; these tests
 * keep the values a person reads.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Guideline } from '../../src/schema/guideline.js';
import { ingestText, ROOT } from '../helpers/seed.js';

const load = (name: string): Promise<Guideline> => ingestText(readFileSync(`${ROOT}test/fixtures/unseen/${name}.txt`), `${name}.txt`);
const row = (doc: Guideline) =>
  doc.directions.map((d) => ({
    id: d.id,
    partners: d.partners.map((p) => p.name),
    count: d.projectCount && [d.projectCount.value, d.projectCount.qualifier, d.projectCount.inherited],
    funding: d.funding?.amountCNY ?? null,
    cap: d.perProjectCap?.amountCNY ?? null,
    years: d.duration && [d.duration.minYears, d.duration.maxYears, d.duration.inherited],
    domains: d.domains.length,
    requirements: d.requirements.length,
    other: d.otherText.length,
  }));

describe('guidelines in forms the fixtures do not use', () => {
  it('fields numbered as a list, （一） directions, Chinese numerals, per-project amounts', async () => {
    const doc = await load('r1-batch2-numbered-fields');
    expect(doc.document).toMatchObject({ year: 2026, batch: 2, status: 'draft' });
    expect(doc.summary.directionCount?.value).toBe(5);
    expect(doc.summary.projectCount?.value).toBe(20);
    expect(row(doc)).toEqual([
      { id: '1', partners: ['印度尼西亚'], count: [3, 'exact', false], funding: 9_000_000, cap: 3_000_000, years: [3, 3, true], domains: 4, requirements: 1, other: 0 },
      { id: '2', partners: ['巴基斯坦'], count: [4, 'exact', false], funding: 12_000_000, cap: null, years: [2, 2, false], domains: 3, requirements: 2, other: 0 },
      { id: '3', partners: ['哈萨克斯坦'], count: [5, 'exact', false], funding: null, cap: 3_000_000, years: [2, 2, false], domains: 3, requirements: 1, other: 0 },
      { id: '4', partners: ['塞尔维亚'], count: [2, 'exact', false], funding: 5_000_000, cap: 2_500_000, years: [3, 3, true], domains: 3, requirements: 1, other: 0 },
      { id: '5', partners: ['智利'], count: [6, 'about', false], funding: 18_000_000, cap: null, years: [2, 2, false], domains: 4, requirements: 1, other: 0 },
    ]);
    // `300万元/项` is never a direction's total: no value, and a note that only the per-project figure is given.
    expect(doc.checks.filter((c) => c.code === 'funding-per-project').map((c) => c.directionId)).toEqual(['3']);
  });

  it('labels in brackets, 特别行政区 and 海峡两岸 partners, a rule by birth date without a sex', async () => {
    const doc = await load('r2-hmt-macao-brackets');
    expect(row(doc).map((r) => [r.id, r.partners, r.count?.[0], r.funding, r.cap, r.domains])).toEqual([
      ['1.1', ['澳门'], 4, 12_000_000, 3_000_000, 4],
      ['1.2', ['香港'], 5, 15_000_000, null, 3],
      ['1.3', ['澳门'], 3, null, 4_000_000, 3],
      ['1.4', ['台湾'], 5, 5_000_000, null, 4],
      ['1.5', ['香港', '澳门'], 3, null, 3_000_000, 3],
    ]);
    expect(doc.directions[1]!.duration).toMatchObject({ minYears: 2, maxYears: 2, inherited: false });
    expect(doc.directions[3]!.conditions.youngScientist).toMatchObject({ maleBornOnOrAfter: '1986-01-01', femaleBornOnOrAfter: '1986-01-01' });
  });

  it('keywords separated by spaces, 揭榜挂帅, a count written in 有关说明', async () => {
    const doc = await load('r4-key-bushengliandong');
    expect(doc.document.family).toBe('key-programme');
    expect(doc.directions[0]!.keywords.map((k) => k.text)).toEqual(['MEMS陀螺', '加速度计', '圆片级封装', '温度补偿']);
    // (Of `应用示范类，部省联动`, the category; how a project is organised alone, `揭榜挂帅`, as printed.)
    expect(doc.directions.map((d) => d.category)).toEqual(['共性关键技术类', '应用示范类', '揭榜挂帅', '共性关键技术类', '青年科学家项目']);
    // `有关说明：拟支持项目数3项，…` is the direction's own count, not the preamble's 1～2项.
    expect(doc.directions[4]!.projectCount).toMatchObject({ value: 3, qualifier: 'exact', inherited: false });
    expect(doc.directions[1]!.projectCount).toMatchObject({ value: 1, inherited: false });
    expect(doc.directions[1]!.conditions.matchingRatio).toMatchObject({ other: 2, central: 1, qualifier: 'atLeast' });
  });

  it('a pdftotext -layout table of labels and values, partners as English acronyms', async () => {
    const doc = await load('r5-layout-table-asean');
    expect(doc.document.title).toBe('国家重点研发计划“政府间国际科技创新合作”重点专项2026年度多边合作项目申报指南');
    expect(doc.summary.projectCount?.value).toBe(26);
    expect(row(doc).map((r) => [r.id, r.partners, r.count?.[0], r.funding, r.years?.[1], r.domains])).toEqual([
      ['1.1', ['东盟'], 8, 24_000_000, 3, 4],
      ['1.2', ['拉共体'], 6, 12_000_000, 2, 3],
      ['1.3', ['金砖国家'], 8, 24_000_000, 3, 3],
      ['1.4', ['上合组织'], 4, 12_000_000, 3, 3],
    ]);
    // A value wrapped onto the next line, in the value column under its row, goes on in the same
    // field: one requirement, not two halves of one.
    expect(doc.directions.map((d) => d.requirements.map((r) => r.text))).toEqual([
      ['合作项目须由中方单位与至少一个东盟成员国的单位共同申报，外方合作单位须提供合作意向书。'],
      ['须与至少两个拉共体成员国的单位开展合作。'],
      ['项目须由至少三个金砖国家的科研机构共同申报。'],
      ['合作项目须与至少一个上海合作组织成员国的单位共同申报。'],
    ]);
    expect(doc.directions[1]!.agreements.map((a) => a.title)).toEqual(['中国—拉共体成员国重点领域合作共同行动计划（2025—2027）']);
    // Six rows for each of the four directions: each gap between a label and its value is read
    // as the label's colon, and logged.
    expect(doc.removed.filter((r) => r.kind === 'layout-gap').map((r) => r.replacement)).toEqual(Array.from({ length: 24 }, () => '：'));
  });

  it('a field given twice: the first read, the second kept and reported', async () => {
    const doc = await load('r6-repeated-fields');
    const d = doc.directions[0]!;
    expect([d.projectCount?.value, d.duration?.maxYears]).toEqual([3, 3]);
    expect(d.otherText.map((o) => o.label)).toEqual(['拟支持项目数', '项目实施周期']);
    expect(doc.checks.filter((c) => c.code === 'field-repeated').map((c) => c.directionId)).toEqual(['1.1', '1.1']);
  });

  it('three-level numbering (1.1.1 under 1.1 groups) mixed with two-level directions, a neighbouring programme (NSFC)', async () => {
    const doc = await load('r3-nsfc-three-level');
    expect(doc.summary.projectCount?.value).toBe(60);
    expect(doc.summary.fundingTotal?.amountCNY).toBe(150_000_000);
    expect(row(doc).map((r) => [r.id, r.partners, r.count?.[0], r.funding, r.cap, r.years?.[1], r.domains, r.other])).toEqual([
      ['1.1.1', ['德国'], 15, null, 2_000_000, 3, 3, 0],
      // `资助领域：不限` names no domain (1.28: no longer the domain `不限`).
      ['1.1.2', ['德国'], 2, null, 15_000_000, 4, 0, 0],
      ['1.2.1', ['英国'], 8, null, 3_000_000, 3, 2, 0],
      ['2.1', ['以色列'], 20, null, 2_000_000, 3, 3, 0],
      ['2.2', ['东盟'], 15, null, 1_500_000, 3, 3, 0],
    ]);
    // The group headings are groups, not directions; the closing 3.1/3.2 items no directions.
    expect(doc.sections.some((s) => s.kind === 'group' && s.text.includes('与欧洲地区资助机构合作'))).toBe(true);
  });
});
