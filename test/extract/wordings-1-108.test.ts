/**
 * Wordings read since 1.108 (sets 181–184), each on a small whole document: a 部省联动 direction's
 * province funds matched to the central funds (`四川省财政经费与中央财政经费比例不低于1:1`); a 揭榜挂帅
 * list's `单个揭榜单位市级财政资金支持不超过500万元`, each unit's cap, no task's funding.
 */
import { describe, expect, it } from 'vitest';
import { ingestText } from '../helpers/seed.js';

const KP = `国家重点研发计划“交通基础设施”重点专项2026年度项目申报指南
本专项2026年度拟启动2个指南方向，拟安排国拨经费6000万元。每个指南方向拟支持项目数为1～2项，实施周期不超过3年。
1.1 川藏高原山区公路灾害智能防控应用示范（示范应用类）
研究内容：针对川藏高原山区公路灾害频发问题，研究灾害智能监测预警与防控技术。
考核指标：示范路段不少于300km。
关键词：高原山区公路、灾害防控
有关说明：1）本方向为部省联动方向，由四川省科学技术厅组织推荐；2）拟支持1项，须由企业牵头申报；3）四川省财政经费与中央财政经费比例不低于1:1。
1.2 城市群交通基础设施智慧感知网络应用示范（示范应用类）
研究内容：面向城市群综合交通网络运行安全需求，研究智慧感知网络布设技术。
考核指标：感知节点不少于1万个。
关键词：智慧感知、城市群
有关说明：须由企业牵头申报，其他经费与中央财政经费比例不低于2:1。
`;

const JB = `2027年制造业关键核心技术“揭榜挂帅”任务榜单
本次共发布揭榜任务2项，拟支持揭榜单位不超过3家，市级财政资金支持总额不超过1500万元。单个揭榜单位市级财政资金支持原则上不超过1000万元，攻关期限原则上不超过2年。
| 序号 | 任务名称 | 揭榜任务 | 支持方式 | 攻关期限 |
| 1 | 国产服务器操作系统内核实时性增强技术 | 研究国产服务器操作系统内核实时调度技术。 | 每项任务支持不超过2家揭榜单位，单个揭榜单位市级财政资金支持不超过500万元。 | 2年 |
| 2 | 工业软件国产化适配验证平台 | 建设工业软件国产化适配验证平台。 | 支持1家揭榜单位，市级财政资金支持不超过500万元。 | 2年 |
`;

describe('wordings of 1.108', () => {
  it('a province’s funds matched to the central funds in a 部省联动 direction', async () => {
    const doc = await ingestText(KP);
    expect(doc.directions.map((d) => [d.id, d.conditions.matchingRatio && [d.conditions.matchingRatio.other, d.conditions.matchingRatio.central, d.conditions.matchingRatio.qualifier]])).toEqual([
      ['1.1', [1, 1, 'atLeast']],
      ['1.2', [2, 1, 'atLeast']],
    ]);
  });

  it('a 揭榜挂帅 task’s amount for each unit it selects is each unit’s cap', async () => {
    const doc = await ingestText(JB);
    const first = doc.directions[0]!;
    expect([first.projectCount?.value, first.projectCount?.qualifier, first.funding, first.perProjectCap?.amountCNY, first.perProjectCap?.inherited]).toEqual([2, 'atMost', null, 5_000_000, false]);
  });
});
