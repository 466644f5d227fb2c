/**
 * Shapes read since 1.107, each on a small whole document: an NSFC joint fund whose project types
 * (`（一）重点支持项目`, `（二）集成项目`) hold unnumbered 领域 sub-heads, the directions numbered on
 * through the sub-heads and again from 1 in the next type, the call's figures after the directions
 * with one duration for every type; young scientists' figures stated only in their own group; a
 * 政府间 call by country sections whose areas stand in tables a field points to, a count left open
 * on purpose, a mechanism counted as one; NSFC directions that state their own plan, and a joint
 * call that states the partner side's figures too.
 */
import { describe, expect, it } from 'vitest';
import { ingestText } from '../helpers/seed.js';

const NSFC_TYPES = `国家自然科学基金区域创新发展联合基金2027年度项目指南

国家自然科学基金委员会与有关省人民政府共同设立区域创新发展联合基金，聚焦区域经济社会发展中的关键科学问题，吸引和集聚全国优秀科研人员开展基础研究。

一、资助范围

（一）重点支持项目

领域一：先进材料

1.高熵合金的相稳定性与强韧化机理（申请代码1选择E01的下属代码）

研究内容：研究高熵合金多主元体系的相形成规律，揭示晶格畸变与强韧化的内在联系。

2.稀土功能材料的电子结构调控（申请代码1选择E02的下属代码）

研究内容：研究稀土离子局域配位环境对发光与磁性能的调控机制。

领域二：生态环境

3.流域面源污染的迁移转化过程与阻控原理（申请代码1选择D07的下属代码）

研究内容：阐明典型流域氮磷面源污染的迁移转化过程，建立多尺度阻控理论。

4.高原湖泊生态系统退化机制与修复（申请代码1选择D07的下属代码）

研究内容：揭示高原湖泊生态系统退化的关键驱动因子，提出生态修复方案。

（二）集成项目

1.区域生态安全格局构建与智能监测集成研究（申请代码1选择D07的下属代码）

研究内容：集成多源遥感与地面观测数据，构建区域生态安全格局评估与智能监测平台。

二、资助计划

2027年度拟资助项目约5项，直接费用资助总额约1700万元。其中，重点支持项目约4项，直接费用平均资助强度约为260万元/项；集成项目1项，直接费用资助强度不超过650万元/项。原则上每个研究方向资助1项。资助期限均为4年。

三、申请要求

1.申请人应当具有高级专业技术职务（职称）。
2.申请人同年只能申请1项联合基金项目。

四、联系方式

联系人：王老师，电话：010-62327000。
`;

describe('an NSFC joint fund: 领域 sub-heads inside the project types, figures after the directions', async () => {
  const doc = await ingestText(NSFC_TYPES);
  it('numbers each direction within its type, through the sub-heads', () => {
    expect(doc.directions.map((d) => d.id)).toEqual(['1.1', '1.2', '1.3', '1.4', '2.1']);
    expect(doc.checks.filter((c) => c.code.startsWith('numbering')).map((c) => c.message)).toEqual([]);
  });
  it('gives every type the one duration and count the plan states for all, the cap only to the type it names', () => {
    for (const d of doc.directions) {
      expect([d.id, d.duration?.minYears, d.duration?.maxYears, d.duration?.inherited]).toEqual([d.id, 4, 4, true]);
      expect([d.id, d.projectCount?.value, d.projectCount?.inherited]).toEqual([d.id, 1, true]);
    }
    expect(doc.directions.map((d) => d.perProjectCap?.amountCNY ?? null)).toEqual([null, null, null, null, 6_500_000]);
  });
  it('keeps the sub-heads inside their type in the section tree', () => {
    const scope = doc.sections.find((s) => s.text === '一、资助范围')!;
    const key = scope.children.find((s) => s.text === '（一）重点支持项目')!;
    expect(key.children.filter((c) => c.kind === 'part').map((c) => c.text)).toEqual(['领域一：先进材料', '领域二：生态环境']);
  });
});

const KP_YOUTH_GROUP = `国家重点研发计划“黑土地保护与利用科技创新”重点专项2027年度项目申报指南

本专项2027年度指南部署2个技术方向，以及青年科学家项目，拟启动4个指南方向，拟安排国拨经费概算8000万元。项目实施周期一般为4年。

1. 黑土地退化机理
1.1 黑土有机质演变规律（基础研究类）
研究内容：研究黑土有机质演变规律。
考核指标：建立演变模型1套。
有关说明：拟支持1～2项。
1.2 黑土侵蚀阻控技术（共性关键技术类）
研究内容：研究黑土侵蚀阻控技术。
考核指标：形成技术规程2项。
有关说明：拟支持1～2项。

2. 青年科学家项目
本部分部署2个青年科学家项目方向，拟支持青年科学家项目4项，每个方向拟支持2项，拟安排国拨经费1200万元，每个项目国拨经费300万元，实施年限3年。
2.1 黑土微生物群落功能（青年科学家项目）
研究内容：研究黑土微生物群落功能。
考核指标：阐明群落功能机制。
2.2 黑土地遥感监测模型（青年科学家项目）
研究内容：研究黑土地遥感监测模型。
考核指标：建立监测模型1套。
`;

describe('young scientists’ figures stated only in their own group', async () => {
  const doc = await ingestText(KP_YOUTH_GROUP);
  it('are the call’s young scientists’ figures, each direction’s count and cap, no direction’s total', () => {
    expect([doc.summary.youngScientist?.count?.value, doc.summary.youngScientist?.fundingCNY]).toEqual([4, 12_000_000]);
    const youth = doc.directions.filter((d) => d.id.startsWith('2.'));
    expect(youth.map((d) => [d.id, d.projectCount?.value, d.perProjectCap?.amountCNY, d.funding])).toEqual([
      ['2.1', 2, 3_000_000, null],
      ['2.2', 2, 3_000_000, null],
    ]);
  });
});

const GJHZ_TABLES = `国家重点研发计划“政府间国际科技创新合作”重点专项2023年度第二批项目申报指南

本批指南拟支持与2个国家和1个多边合作机制开展科技合作，拟支持项目数约14个，国拨经费总概算3400万元人民币。项目实施周期一般为3年。对于仅列一个合作领域的国别，拟支持项目数视申报和评审情况确定，本指南不作具体规定。

1.中国和匈牙利政府间科技合作
合作协议：《中华人民共和国和匈牙利科学技术合作委员会第九届例会议定书》。
合作领域：见表1。
表1　中匈合作领域
| 序号 | 合作领域 | 重点方向 |
| 1 | 信息通信技术 | 人工智能、网络安全 |
| 2 | 生命科学与健康 | 新药研发 |
拟支持项目数：8个。
拟支持经费：1600万元人民币。
外方对接机构：匈牙利国家研究、发展与创新署。
2.中国和冰岛政府间科技合作
合作协议：《中冰科技合作协定》。
合作领域：地热能。
拟支持经费：300万元人民币。
3.中国—中东欧国家科技合作
合作协议：《中国—中东欧国家合作苏州纲要》。
合作国家：波兰、捷克、斯洛伐克。
合作领域：智能制造；绿色能源。
拟支持项目数：6个。
拟支持经费：1500万元人民币。
`;

describe('a 政府间 call by country sections: areas in a table, an open count, mechanisms counted', async () => {
  const doc = await ingestText(GJHZ_TABLES);
  it('reads the areas from the table a field points to, the focus of each its detail', () => {
    expect(doc.directions[0]!.domains.map((d) => [d.label, d.detail])).toEqual([
      ['信息通信技术', '人工智能、网络安全'],
      ['生命科学与健康', '新药研发'],
    ]);
    expect(doc.checks.filter((c) => c.code === 'label-unknown').map((c) => c.message)).toEqual([]);
  });
  it('raises no field-missing for a one-area country the call leaves uncounted on purpose', () => {
    expect(doc.directions[1]!.projectCount).toBeNull();
    expect(doc.checks.filter((c) => c.code === 'field-missing' && c.directionId === '2').map((c) => c.message)).toEqual([]);
  });
  it('counts a mechanism whose countries its title does not name as one: 2 countries and 1 mechanism', () => {
    expect(doc.summary.partnerCount?.value).toBe(3);
    expect(doc.checks.filter((c) => c.code === 'partner-count-mismatch').map((c) => c.message)).toEqual([]);
  });
});

const NSFC_PLAN = `国家自然科学基金委员会与中国民用航空局民航联合研究基金2027年度项目指南

2027年度联合基金发布3个研究方向，拟资助重点支持项目3项、培育项目2项，合计5项，直接费用资助总额约1060万元。

一、研究方向

1.机场跑道状态智能感知（申请代码1选择E08的下属代码）
研究内容：研究机场跑道道面状态的智能感知方法。
资助计划：拟资助重点支持项目2项，直接费用资助强度不超过300万元/项，资助期限为4年。

2.空中交通流量预测（申请代码1选择F03的下属代码）
研究内容：研究空中交通流量的多尺度预测方法。
资助计划：拟资助培育项目2项，直接费用资助强度不超过80万元/项，资助期限为3年。

3.航空器尾流安全间隔（申请代码1选择A09的下属代码）
研究内容：研究航空器尾流演化规律与安全间隔。
资助计划：拟资助重点支持项目1项，直接费用资助强度不超过300万元/项，资助期限为4年。
`;

describe('an NSFC joint fund whose directions state their own plan', async () => {
  const doc = await ingestText(NSFC_PLAN);
  it('gives each direction the kind of project its plan funds as its category, and the call the sum of the kinds', () => {
    expect(doc.directions.map((d) => [d.id, d.category, d.projectCount?.value])).toEqual([
      ['1', '重点支持项目', 2],
      ['2', '培育项目', 2],
      ['3', '重点支持项目', 1],
    ]);
    expect(doc.summary.projectCount?.value).toBe(5);
  });
});

const NSFC_ANR = `国家自然科学基金委员会与法国国家科研署2027年度合作研究项目指南

本年度合作研究项目围绕以下2个领域征集：

一、合作领域

1．量子材料与量子信息
包括但不限于：拓扑量子材料；量子精密测量。

2．海洋与极地环境变化
包括但不限于：极地冰盖变化；海洋碳循环。

二、资助强度和资助期限

本年度拟资助中法合作研究项目不超过6项，中方直接费用资助强度不超过200万元/项，资助期限为3年。

三、外方申请人

ANR对每个项目法方团队的资助额度一般不超过35万欧元，资助期限为36至48个月。
`;

describe('a joint call that states the partner side’s figures too', async () => {
  const doc = await ingestText(NSFC_ANR);
  it('gives each area the Chinese side’s period and cap, never the partner side’s', () => {
    expect(doc.directions.map((d) => [d.id, d.duration?.minYears, d.duration?.maxYears, d.perProjectCap?.amountCNY])).toEqual([
      ['1', 3, 3, 2_000_000],
      ['2', 3, 3, 2_000_000],
    ]);
  });
});
