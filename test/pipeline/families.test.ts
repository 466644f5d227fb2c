/**
 * Another family of the same shape: a key R&D programme (国家重点研发计划) special-project guideline,
 * with groups of directions (`1. 基础软件`), categories in the titles, calendar-year durations,
 * ranges of project numbers, and no partners or agreements.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ingestText, ROOT } from '../helpers/seed.js';

const TEXT = readFileSync(`${ROOT}test/fixtures/families/key-rd-programme.txt`);

describe('a key R&D programme guideline', () => {
  it('reads its directions, groups and figures', async () => {
    const doc = await ingestText(TEXT, 'key-rd.txt');
    expect(doc.document).toMatchObject({
      title: '国家重点研发计划“先进计算与新兴软件”重点专项2026年度项目申报指南',
      titleSource: 'heading',
      programme: '国家重点研发计划',
      specialProject: '先进计算与新兴软件',
      year: 2026,
      batch: null,
      status: 'draft',
    });
    expect(doc.directions.map((d) => [d.id, d.title, d.kind, d.partners.length])).toEqual([
      ['1.1', '高性能计算编程模型（基础研究类）', '基础研究类', 0],
      ['1.2', '国产操作系统内核安全技术（共性关键技术类）', '共性关键技术类', 0],
      ['2.1', '工业设计仿真软件（应用示范类）', '应用示范类', 0],
    ]);
    const [d11, d12, d21] = doc.directions;
    expect(d11!.projectCount).toMatchObject({ value: 2, min: 1, qualifier: 'atMost', text: '1～2项' });
    expect(d11!.duration).toMatchObject({ minYears: 3, maxYears: 3, inherited: false, text: '支持年限：2026—2028年' });
    expect(d21!.duration).toMatchObject({ minYears: 4, maxYears: 4 });
    expect(d12!.duration).toMatchObject({ minYears: 3, maxYears: 3, inherited: true, hedge: 'usually' });
    expect(d11!.requirements.map((r) => r.text)).toEqual(['每个项目国拨经费不超过1500万元。']);
    expect(d12!.flags.companyRequired.value).toBe(true);
    expect(d12!.flags.matchingFunds.value).toBe(true);
    expect(doc.summary.fundingTotal).toMatchObject({ amountCNY: 70_000_000 });
    // Title (its two lines rejoined), draft mark, introduction, then the two groups of directions.
    expect(doc.sections.map((s) => [s.kind, s.marker])).toEqual([
      ['paragraph', null],
      ['paragraph', null],
      ['paragraph', null],
      ['group', '1.'],
      ['group', '2.'],
    ]);
    expect(doc.sections[3]!.children.map((s) => [s.kind, s.marker])).toEqual([
      ['direction', '1.1'],
      ['direction', '1.2'],
    ]);
  });

  it('does not report the missing partners and agreements that no direction has', async () => {
    const doc = await ingestText(TEXT, 'key-rd.txt');
    expect(doc.checks.map((c) => [c.code, c.directionId, c.computed])).toEqual([
      ['duration-inherited', '1.2', '实施周期一般为3年'],
    ]);
  });
});
