/**
 * Another family of the same shape: a key R&D programme (国家重点研发计划) special-project guideline,
 * with groups of directions (`1. 基础软件`), categories in the titles, calendar-year durations,
 * ranges of project numbers, and no partners or agreements.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diff, hasChanges } from '../../src/diff/index.js';
import { Guideline } from '../../src/schema/guideline.js';
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
    // The per-project cap is this family's funding figure: kept even though no total is stated.
    expect(d11!.funding).toBeNull();
    expect(d11!.perProjectCap).toMatchObject({ amountCNY: 15_000_000, text: '每个项目国拨经费不超过1500万元' });
    const raw = TEXT.toString('utf8');
    expect(raw.slice(d11!.perProjectCap!.span.start, d11!.perProjectCap!.span.end)).toBe('每个项目国拨经费不超过1500万元');
    expect([d12!.perProjectCap, d21!.perProjectCap]).toEqual([null, null]);
    expect(d12!.flags.companyRequired.value).toBe(true);
    expect(d12!.flags.matchingFunds.value).toBe(true);
    expect(doc.summary.fundingTotal).toMatchObject({ amountCNY: 70_000_000 });
    // The title's two lines (one paragraph per line: the text is not hard-wrapped; the title is
    // rejoined in `document.title`), draft mark, introduction, then the two groups of directions.
    expect(doc.sections.map((s) => [s.kind, s.marker])).toEqual([
      ['paragraph', null],
      ['paragraph', null],
      ['paragraph', null],
      ['paragraph', null],
      ['group', '1.'],
      ['group', '2.'],
    ]);
    expect(doc.sections[4]!.children.map((s) => [s.kind, s.marker])).toEqual([
      ['direction', '1.1'],
      ['direction', '1.2'],
    ]);
    // Its fields, 支持年限 among them (double-spaced text: only the label tells where one starts).
    expect(doc.sections[4]!.children[0]!.children.map((s) => [s.kind, s.marker, s.text.length > 0])).toEqual([
      ['field', '研究内容：', true],
      ['field', '考核指标：', true],
      ['field', '支持年限：', true],
      ['field', '拟支持项目数：', true],
      ['field', '有关说明：', true],
    ]);
  });

  it('takes a long category (up to 20 characters) as the kind, as it takes the category', async () => {
    const long = '面向重点行业的共性关键技术研发类';
    const doc = await ingestText(TEXT.toString('utf8').replace('工业设计仿真软件（应用示范类）', `工业设计仿真软件（${long}）`), 'key-rd.txt');
    expect(doc.directions.map((d) => [d.id, d.kind, d.category])).toEqual([
      ['1.1', '基础研究类', '基础研究类'],
      ['1.2', '共性关键技术类', '共性关键技术类'],
      ['2.1', long, long],
    ]);
  });

  it('does not report the missing partners and agreements that no direction has', async () => {
    const doc = await ingestText(TEXT, 'key-rd.txt');
    expect(doc.checks.map((c) => [c.code, c.directionId, c.computed])).toEqual([
      ['duration-inherited', '1.2', '实施周期一般为3年'],
    ]);
  });

  it('diffs a changed per-project cap', async () => {
    const before = await ingestText(TEXT, 'key-rd.txt');
    const after = await ingestText(TEXT.toString('utf8').replace('不超过1500万元', '不超过1200万元'), 'key-rd.txt');
    const changed = diff(before, after).directions.filter((d) => d.status !== 'unchanged');
    expect(changed.map((d) => [d.oldId, d.changes.map((c) => [c.field, c.before, c.after])])).toEqual([
      [
        '1.1',
        [
          ['funding.perProjectCapCNY', 15_000_000, 12_000_000],
          // The sentence that states it is a requirement (有关说明), reworded by the same edit.
          ['requirements[1]', '每个项目国拨经费不超过1500万元。', '每个项目国拨经费不超过1200万元。'],
        ],
      ],
    ]);
  });

  it('reads an extracted file of schema 1.0.0 (no `perProjectCap`) and diffs it by the cap it did record', async () => {
    // 1.0.0 kept a cap only inside `funding`, so only where the direction also states its total.
    const withTotal = TEXT.toString('utf8').replace('拟支持项目数：1～2项', '拟支持项目数：1～2项\n\n拟支持经费：3000万元');
    const now = await ingestText(withTotal, 'key-rd.txt');
    expect(now.directions[0]!.funding).toMatchObject({ amountCNY: 30_000_000, perProjectCapCNY: 15_000_000 });
    const asOld = (doc: Guideline): Guideline => {
      const raw = JSON.parse(JSON.stringify(doc)) as { directions: Record<string, unknown>[] };
      for (const d of raw.directions) delete d.perProjectCap;
      return Guideline.parse(raw);
    };
    const old = asOld(now);
    expect(old.directions.map((d) => d.perProjectCap)).toEqual([null, null, null]);
    // The cap recorded in `funding` is the cap: the same document diffs as unchanged.
    expect(hasChanges(diff(old, now))).toBe(false);
    // Where 1.0.0 recorded none (no total), the cap shows as new information.
    expect(diff(asOld(await ingestText(TEXT, 'key-rd.txt')), now).directions[0]!.changes.map((c) => c.field)).toContain('funding.perProjectCapCNY');
  });
});
