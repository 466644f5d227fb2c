/** Values printed without their labels, known by their shape (`src/lexicon/values.ts`). */
import { describe, expect, it } from 'vitest';
import { bareValueOf } from '../../src/lexicon/values.js';

const role = (t: string) => bareValueOf(t)?.role ?? null;

describe('bareValueOf', () => {
  it.each([
    ['《中华人民共和国政府和德意志联邦共和国政府科学技术合作协定》', 'agreement'],
    ['《中华人民共和国政府和意大利共和国政府科学技术合作协定》《中意科技合作联委会第十五次会议纪要》', 'agreement'],
    ['绿色氢能；智能制造；生物经济', 'domains'],
    ['文化遗产保护、航空航天、精准医学', 'domains'],
    ['5G通信、3D打印', 'domains'],
    ['不超过6项', 'projectCount'],
    ['约6个', 'projectCount'],
    ['1～2项', 'projectCount'],
    ['1800万元', 'funding'],
    ['1500万元人民币', 'funding'],
    ['0.12亿元', 'funding'],
    ['约800万元', 'funding'],
    ['3年', 'duration'],
    ['原则上不超过3年', 'duration'],
    ['36个月', 'duration'],
    ['2026年10月至2029年9月', 'duration'],
  ])('%s is a value of %s', (text, want) => {
    expect(role(text)).toBe(want);
  });

  it.each([
    // A clause of results, a requirement, prose: no value.
    '在国际主流期刊发表高水平论文不少于10篇，申请发明专利',
    '（2）拟支持项目数不超过3项，拟安排国拨经费1200万元，每个项目',
    '合作项目必须双方同时申报，单方申报无效。',
    '依据《中华人民共和国政府和德国政府科学技术合作协定》开展合作',
    '拟支持项目数：6项',
    '申报单位、合作单位',
  ])('%s is no value', (text) => {
    expect(role(text)).toBeNull();
  });

  it('a single topic is a weak value: domains only beside values known by their shape', () => {
    expect(bareValueOf('水资源')).toEqual({ role: 'domains', label: '领域方向', weak: true });
    expect(bareValueOf('绿色氢能；智能制造')?.weak).toBe(false);
  });
});
