/**
 * Conditions a call states once for all its directions (`三、揭榜条件`: `联合体须由企业牵头`; a
 * matching ratio): each direction's own where it states none, marked inherited with the call's
 * sentence; never from a sentence that speaks of some directions, of what follows if a company
 * leads, or of a company's own matching funds.
 */
import { describe, expect, it } from 'vitest';
import { ingestText } from '../helpers/seed.js';
import { RE_MATCHING_RATIO } from '../../src/extract/patterns.js';

const MIIT = `附件

2026年度智能传感器产业揭榜挂帅任务榜单

一、总体要求
围绕智能传感器产业链关键环节，面向全国征集揭榜单位，本榜单共设置3项揭榜任务，每项任务原则上支持1家揭榜单位。

二、揭榜任务

1．高精度MEMS压力传感芯片
揭榜任务：突破高精度MEMS压力敏感结构设计与晶圆级封装技术。
预期目标：到2028年，芯片综合精度优于0.05%FS，年产能达到500万颗。
支持方式：支持1家，最高支持800万元。
攻关期限：2年。

2．车规级激光雷达接收模组
揭榜任务：研制车规级单光子雪崩二极管阵列接收模组。
预期目标：到2028年，探测距离不低于250米，通过车规级可靠性认证。
揭榜条件：配套资金与中央财政资金比例不低于2:1。
支持方式：支持1家，最高支持1000万元。
攻关期限：2年。

3．工业无线传感网络节点
揭榜任务：研制低功耗工业无线传感网络节点及协议栈。
预期目标：到2028年，节点待机功耗不高于10微瓦，在不少于3个工厂完成部署验证。
支持方式：支持1家，最高支持500万元。
攻关期限：2年。

三、揭榜条件
（一）揭榜主体须为在中华人民共和国境内注册、具有独立法人资格的企业，可联合高校、科研院所组成联合体揭榜，联合体须由企业牵头，成员单位不超过5家。
（二）揭榜单位自筹资金与中央财政资金比例不低于1:1。
（三）每家单位限牵头揭榜1项任务。

四、联系方式
工业和信息化部电子信息司，联系电话：010-68208288。
`;

const PROVINCE = `2026年度江南省国际科技合作项目申报指南

一、支持方向
1．中国和德国先进制造合作项目
合作领域：智能制造、工业软件。
拟支持项目数：不超过3项。
项目实施周期：2年。

2．中国和以色列现代农业合作项目
合作领域：节水灌溉、设施农业。
拟支持项目数：不超过2项。
项目实施周期：2年。

二、申报要求
（一）鼓励企业牵头申报，联合省内高校和科研院所共同实施。
（二）企业牵头项目的自筹经费与省拨经费比例原则上不低于1:1。
（三）作为中方参与单位的企业，应提供至少与其获得的政府资助等额的配套出资。
（四）应用示范类项目须由企业牵头申报。
`;

describe('conditions the call states for every direction', () => {
  it('are each task’s own where it states none, marked inherited, with the call’s sentence', async () => {
    const d = await ingestText(Buffer.from(MIIT), 'miit-sensor-2026.txt');
    expect(d.directions.map((x) => x.id)).toEqual(['1', '2', '3']);
    for (const x of d.directions) {
      expect(x.conditions.leadingEnterprise).toMatchObject({ text: '须由企业牵头', inherited: true });
      expect(MIIT.slice(x.conditions.leadingEnterprise!.span.start, x.conditions.leadingEnterprise!.span.end)).toBe('须由企业牵头');
    }
    const ratio = (id: string) => d.directions.find((x) => x.id === id)!.conditions.matchingRatio;
    expect(ratio('1')).toMatchObject({ other: 1, central: 1, qualifier: 'atLeast', inherited: true });
    expect(MIIT.slice(ratio('1')!.span.start, ratio('1')!.span.end)).toBe('单位自筹资金与中央财政资金比例不低于1:1');
    // Task 2 states its own ratio: kept, not the call's.
    expect(ratio('2')).toMatchObject({ other: 2, central: 1, inherited: false });
  });

  it('are not read from a sentence that encourages, speaks of some directions, or of a company’s own funds', async () => {
    const d = await ingestText(Buffer.from(PROVINCE), 'province-intl-2026.txt');
    expect(d.directions).toHaveLength(2);
    for (const x of d.directions) expect([x.conditions.leadingEnterprise, x.conditions.matchingRatio]).toEqual([null, null]);
  });
});

describe('a matching ratio in the wordings key programmes use', () => {
  it.each([
    ['其他经费（包括地方财政经费、单位出资及社会渠道资金等）与国拨经费总额比例不低于1:1', '不低于', '1', '1'],
    ['自筹经费与中央财政经费的比例不低于2:1', '不低于', '2', '1'],
    ['其他来源经费与国拨经费总额的比例原则上不低于3∶1', '不低于', '3', '1'],
  ])('%s', (text, qualifier, other, central) => {
    const m = RE_MATCHING_RATIO.exec(text);
    expect(m && [m[1], m[2], m[3]]).toEqual([qualifier, other, central]);
  });
});
