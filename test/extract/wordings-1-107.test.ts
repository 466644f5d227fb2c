/**
 * Shapes read since 1.107, each on a small whole document: an NSFC joint fund whose project types
 * (`（一）重点支持项目`, `（二）集成项目`) hold unnumbered 领域 sub-heads, the directions numbered on
 * through the sub-heads and again from 1 in the next type, the call's figures after the directions
 * with one duration for every type.
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
