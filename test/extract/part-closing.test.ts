/**
 * What a part states after its last direction (`以上各方向…`, `以上（一）至（三）方向…（（二）方向除外）`):
 * the part's text, for the directions it names, never the last direction's own requirement; and
 * `支持重点` as domains where it lists them, no domains where it describes work.
 */
import { describe, expect, it } from 'vitest';
import { ingestText } from '../helpers/seed.js';

const CALL = `国家重点研发计划“战略性科技创新合作”重点专项2027年度第三批项目申报指南

本批项目设立5个指南方向，拟立项约16个，国拨经费总概算4800万元。除另有说明外，项目执行周期一般为3年，每个项目国拨经费原则上不超过400万元。

一、与欧洲国家的科技创新合作
（一）中国和比利时科技创新合作项目
合作基础：《中比科技合作联委会第十二次会议纪要》。
支持重点：生命科学与生物技术；空间科学；人工智能。
拟立项数：4个。
经费额度：1200万元。
（二）中国和荷兰科技创新合作项目
合作基础：《中荷科技合作联委会第九次会议纪要》。
支持重点：（1）风能与综合能源系统；（2）水环境治理。
拟立项数：3个。
经费额度：900万元。
执行周期：2年。
（三）中国和捷克科技创新合作项目
合作基础：《中捷政府间科技合作委员会第四十三届例会议定书》。
支持重点：先进材料；生物医药。
拟立项数：3个。
经费额度：900万元。
有关要求：捷方合作单位须同时提交申请。
以上（一）至（三）方向的执行周期均为3年（（二）方向除外）；合作项目须中外双方同时申报，单方申报无效。
二、与亚洲国家的科技创新合作
（一）中国和越南科技创新合作项目
合作基础：《中越政府间科技合作联委会第十二次会议议定书》。
支持重点：联合建设红河流域水文监测站点，开展洪水预报预警技术合作。
拟立项数：3个。
经费额度：900万元。
执行周期：3年。
（二）中国和蒙古国科技创新合作项目
合作基础：《中蒙科技合作联委会第六次会议纪要》。
支持重点：草原生态保护与修复；畜牧业与动物疫病防控。
本方向拟立项3个，经费额度共900万元，执行周期2～3年。
有关要求：
（1）合作项目须中蒙双方同时申报，单方申报无效。
（2）鼓励中方企业参与。
以上各方向每个项目经费额度不超过300万元。
三、申报要求
（一）申报单位应为在中国大陆境内登记注册的法人单位。
`;

describe('a part’s closing paragraph', () => {
  it('speaks for the directions it names, as their part’s text', async () => {
    const d = await ingestText(Buffer.from(CALL), 'zlhz-closing.txt');
    const by = (id: string) => d.directions.find((x) => x.id === id)!;
    expect(d.directions.map((x) => x.id)).toEqual(['1.1', '1.2', '1.3', '2.1', '2.2']);
    // (一)–(三) but (二): three years from the closing paragraph; (二) its own two.
    expect(by('1.1').duration).toMatchObject({ minYears: 3, maxYears: 3, hedge: null });
    expect(by('1.2').duration).toMatchObject({ minYears: 2, maxYears: 2, inherited: false });
    expect(by('1.3').duration).toMatchObject({ minYears: 3, maxYears: 3, hedge: null });
    expect(by('1.3').requirements.map((r) => r.text)).toEqual(['捷方合作单位须同时提交申请。']);
    // Part 二's cap for both its directions, not the call's 400万; no requirement of 2.2's.
    expect([by('2.1').perProjectCap?.amountCNY, by('2.2').perProjectCap?.amountCNY]).toEqual([3_000_000, 3_000_000]);
    expect(by('2.2').perProjectCap?.inherited).toBe(true);
    expect(by('2.2').requirements.map((r) => r.text)).toEqual(['合作项目须中蒙双方同时申报，单方申报无效。', '鼓励中方企业参与。']);
    expect(by('2.2').funding?.amountCNY).toBe(9_000_000);
  });

  it('reads 支持重点 as domains where it lists them, not where it describes work', async () => {
    const d = await ingestText(Buffer.from(CALL), 'zlhz-closing.txt');
    const by = (id: string) => d.directions.find((x) => x.id === id)!;
    expect(by('1.1').domains.map((x) => x.label)).toEqual(['生命科学与生物技术', '空间科学', '人工智能']);
    expect(by('1.2').domains.map((x) => x.label)).toEqual(['风能与综合能源系统', '水环境治理']);
    expect(by('2.1').domains).toEqual([]);
    expect(d.checks.some((c) => c.code === 'label-unknown' && c.directionId === '2.1')).toBe(true);
  });
});
