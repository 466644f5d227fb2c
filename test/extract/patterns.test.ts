import { describe, expect, it } from 'vitest';
import { findCurrentSummary, summaryCount, fundingAmounts, parseCount, parseDuration, parseDurationValue, parseMoney, parsePerProjectCap, toYuan } from '../../src/extract/patterns.js';
import { isPlausible } from '../../src/lexicon/numbers.js';

describe('patterns', () => {
  it.each([
    ['4个', 4, 'exact', undefined],
    ['10个项目左右', 10, 'about', undefined],
    ['不超过15个', 15, 'atMost', undefined],
    ['约155个', 155, 'about', undefined],
    ['至少3个', 3, 'atLeast', undefined],
    ['1～2项', 2, 'atMost', 1],
    ['5个以上', 5, 'atLeast', undefined],
  ])('count %s', (text, value, qualifier, min) => {
    const hit = parseCount(text)!;
    expect(hit.value).toEqual(min === undefined ? { value, qualifier } : { value, qualifier, min });
    expect(hit.length).toBe(text.length);
  });

  it.each([
    ['800万元人民币', 8_000_000, 'exact'],
    ['3000万元人民币左右', 30_000_000, 'about'],
    ['4.02亿元人民币', 402_000_000, 'exact'],
    ['约1.5亿元', 150_000_000, 'about'],
    ['不超过750万元', 7_500_000, 'atMost'],
    ['0.35万元', 3_500, 'exact'],
  ])('money %s', (text, amountCNY, qualifier) => {
    expect(parseMoney(text)!.value).toEqual({ amountCNY, qualifier });
  });

  it('converts decimal amounts exactly', () => {
    expect(toYuan('4.02', 8)).toBe(402_000_000);
    expect(toYuan('3.895', 8)).toBe(389_500_000);
    expect(toYuan('0.1', 4)).toBe(1_000);
    expect(toYuan('1.23456', 4)).toBe(12_346);
  });

  it('reads a per-project cap', () => {
    expect(parsePerProjectCap('每个项目不超过750万元。')?.value).toBe(7_500_000);
    expect(parsePerProjectCap('单个项目国拨经费原则上不超过1000万元')?.value).toBe(10_000_000);
    expect(parsePerProjectCap('共拟支持经费：800万元')).toBeNull();
  });

  it.each([
    ['项目实施周期3年', 3, 3, 'exact', null],
    ['项目实施周期原则上不超过4年', null, 4, 'atMost', 'inPrinciple'],
    ['项目实施周期原则上为2～3年', 2, 3, 'exact', 'inPrinciple'],
    ['每个项目实施周期一般为2~3年', 2, 3, 'exact', 'usually'],
    ['执行期为3年', 3, 3, 'exact', null],
    ['实施周期为36个月', 3, 3, 'exact', null],
    ['支持年限不少于2年', 2, null, 'atLeast', null],
  ])('duration %s', (text, minYears, maxYears, qualifier, hedge) => {
    expect(parseDuration(text)!.value).toMatchObject({ minYears, maxYears, qualifier, hedge });
  });

  it('does not read a duration from other years', () => {
    expect(parseDuration('外方合作单位应为在相关国家注册3年以上的科研院所')).toBeNull();
    expect(parseDuration('提交中外联合实验室未来3年合作方案')).toBeNull();
  });

  it.each([
    ['1,500万元', 15_000_000, 'exact'],
    ['1，500万元', 15_000_000, 'exact'],
    ['1 500万元', 15_000_000, 'exact'],
    ['3,000万元', 30_000_000, 'exact'],
    ['人民币3,000万元', 30_000_000, 'exact'],
    ['人民币500万元左右', 5_000_000, 'about'],
    ['0.15亿元', 15_000_000, 'exact'],
    ['5000000元', 5_000_000, 'exact'],
    ['12,000,000元', 12_000_000, 'exact'],
    ['不高于800万元', 8_000_000, 'atMost'],
    ['800万元以内', 8_000_000, 'atMost'],
  ])('money with grouping and units: %s', (text, amountCNY, qualifier) => {
    const hit = parseMoney(text)!;
    expect(hit.value).toEqual({ amountCNY, qualifier });
    expect(hit.length).toBe(text.length);
  });

  it('reads a range of money as its upper end with the lower one kept', () => {
    expect(parseMoney('1000-1500万元')!.value).toEqual({ amountCNY: 15_000_000, qualifier: 'atMost', minCNY: 10_000_000 });
  });

  it.each([
    ['1-2项', 2, 'atMost', 1],
    ['1至2个', 2, 'atMost', 1],
    ['两项', 2, 'exact', undefined],
    ['约5项', 5, 'about', undefined],
    ['5项左右', 5, 'about', undefined],
    ['不超过3项', 3, 'atMost', undefined],
    ['不少于2个', 2, 'atLeast', undefined],
    ['3', 3, 'exact', undefined],
  ])('count %s', (text, value, qualifier, min) => {
    expect(parseCount(text)!.value).toEqual(min === undefined ? { value, qualifier } : { value, qualifier, min });
  });

  it('reads no number from 若干', () => {
    expect(parseCount('若干')).toBeNull();
  });

  it.each([
    ['2024年7月至2027年6月', 3, 3, 36],
    ['2025年1月—2026年12月', 2, 2, 24],
    ['2026—2028年', 3, 3, undefined],
    ['2019年至2021年', 3, 3, undefined],
    ['36个月', 3, 3, 36],
    ['不超过36个月', null, 3, 36],
    ['一般为2-3年', 2, 3, undefined],
    ['原则上不超过3年', null, 3, undefined],
    ['三年', 3, 3, undefined],
  ])('duration value %s', (text, minYears, maxYears, months) => {
    const hit = parseDurationValue(text)!;
    expect(hit.value).toMatchObject({ minYears, maxYears });
    expect(hit.value.months).toBe(months);
  });

  it('reads a bare year as a year, never as a duration the pipeline would keep', () => {
    const hit = parseDurationValue('2022年');
    // Parsed as 2022 years, the number is then refused as implausible (a check, no value).
    expect(hit?.value.maxYears).toBe(2022);
    expect(isPlausible('years', 2022)).toBe(false);
  });

  it.each([
    ['fundingCNY', 0, false],
    ['fundingCNY', 5_000, false],
    ['fundingCNY', 8_000_000, true],
    ['projects', 0, false],
    ['projects', 1_310, true],
    ['projects', 20_001, false],
    ['projects', 155, true],
    ['years', 12, false],
    ['years', 3, true],
  ] as const)('plausible %s %d: %s', (kind, value, ok) => {
    expect(isPlausible(kind, value)).toBe(ok);
  });
});

describe('funding per project', () => {
  it.each([
    ['900万元，每项300万元', 9_000_000, 3_000_000],
    ['每项250万元，共计500万元', 5_000_000, 2_500_000],
    ['300万元/项', null, 3_000_000],
    ['1200万元（300万元/项）', 12_000_000, 3_000_000],
    ['每个项目经费为300万元', null, 3_000_000],
    ['1500万元', 15_000_000, null],
  ])('%s: total %s, per project %s', (text, total, perProject) => {
    const { total: t, perProject: p } = fundingAmounts(text);
    expect([t?.value.amountCNY ?? null, p?.value.amountCNY ?? null]).toEqual([total, perProject]);
  });

  it('reads a stated per-project amount where no bound is given', () => {
    expect(parsePerProjectCap('拟支持项目数为3个，每项400万元。')?.value).toBe(4_000_000);
    expect(parsePerProjectCap('共拟支持经费：300万元/项。')?.value).toBe(3_000_000);
  });
});

describe('amounts in Chinese numerals', () => {
  it('reads 一千万元, 三百万元 and 两亿元, with their bounds, where no amount in digits is given', () => {
    expect(parseMoney('一千万元')?.value).toEqual({ amountCNY: 10_000_000, qualifier: 'exact' });
    expect(parseMoney('不超过三百万元')?.value).toEqual({ amountCNY: 3_000_000, qualifier: 'atMost' });
    expect(parseMoney('约两亿元')?.value).toEqual({ amountCNY: 200_000_000, qualifier: 'about' });
    expect(fundingAmounts('一千万元。').total?.value.amountCNY).toBe(10_000_000);
    // Digits win where both are given.
    expect(fundingAmounts('1200万元（一千二百万元）').total?.value.amountCNY).toBe(12_000_000);
  });
});

describe('the number of directions a preamble states', () => {
  it.each([
    ['本批次设立7个指南方向。', '7'],
    ['2025年度本专项拟围绕8个指南方向部署项目，拟支持项目数42个。', '8'],
    ['在以下8个研究方向部署培育项目。', '8'],
  ])('%s → %s', (text, count) => {
    expect(findCurrentSummary('directionCount', text)?.[2]).toBe(count);
  });
});

describe('a call’s figures of a part', () => {
  it('a sentence that opens with 其中 states no total of the call, up to its full stop', async () => {
    const { findCurrentSummary } = await import('../../src/extract/patterns.js');
    expect(findCurrentSummary('fundingTotal', '拟启动12个指南方向，拟安排国拨经费概算X.XX亿元。其中，拟部署3个青年科学家项目，拟安排国拨经费1200万元，每个项目不超过400万元。')).toBeNull();
    expect(findCurrentSummary('fundingTotal', '按类别部署。其中，基础研究类拟安排国拨经费0.9亿元；共性关键技术类拟安排国拨经费1.6亿元。')).toBeNull();
    expect(findCurrentSummary('fundingTotal', '拟安排国拨经费3.82亿元。其中，基础研究类拟安排国拨经费0.9亿元。')?.[0]).toContain('3.82亿元');
  });
});

describe('the projects’ default period', () => {
  it('is the sentence that says it states the default, before another project’s period', async () => {
    const { parseProjectDuration } = await import('../../src/extract/patterns.js');
    const text = '（二）中方申请人应当是在研国家自然科学基金项目（含面上项目、重点项目等，资助期限3年以上）的负责人。（三）除另有说明外，资助期限为3年。';
    expect(parseProjectDuration(text)?.value).toMatchObject({ minYears: 3, maxYears: 3, qualifier: 'exact' });
  });
});

describe('a period stated per side', () => {
  it('is the Chinese side’s where the value starts with it', async () => {
    const { parseDurationValue } = await import('../../src/extract/patterns.js');
    expect(parseDurationValue('中方3年；外方按JST规定执行，最长5年')?.value).toMatchObject({ minYears: 3, maxYears: 3, qualifier: 'exact' });
  });
});

describe('the partners the text counts', () => {
  it('adds the mechanisms or organisations counted after the countries (与10个国家和1个多边合作机制), and reads a count of countries alone as before', () => {
    const count = (t: string) => {
      const m = findCurrentSummary('partnerCount', t);
      return m && summaryCount(m).value;
    };
    expect(count('支持与10个国家和1个多边合作机制开展科技合作')).toBe(11);
    expect(count('支持与8个国家和3个国际组织开展合作')).toBe(11);
    expect(count('支持与12个国家、地区开展科技合作')).toBe(12);
    expect(count('支持与6个国家开展科技合作，设立3个多边合作机制方向')).toBe(6);
  });
});
