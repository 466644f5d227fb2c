/**
 * Wordings read since 1.108 (sets 181–184), each on a small whole document: a 部省联动 direction's
 * province funds matched to the central funds (`四川省财政经费与中央财政经费比例不低于1:1`); a 揭榜挂帅
 * list's `单个揭榜单位市级财政资金支持不超过500万元`, each unit's cap, no task's funding; a notice titled
 * `关于发布…指南的通告` over a site's menu (`通知公告`) and the guideline it names: the guideline's title.
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

const NOTICE = `关于发布数学物理科学部2027年度“拓扑量子物态调控与器件原理”专项项目指南的通告
国家自然科学基金委员会
National Natural Science Foundation of China
• 首页
• 机构设置
• 政策法规
• 通知公告
• 资助成果
• 国际合作
当前位置：首页 > 通知公告
关于发布数学物理科学部2027年度“拓扑量子物态调控与器件原理”专项项目指南的通告
日期 2027-03-10  来源：数学物理科学部  【大 中 小】
国家自然科学基金委员会数学物理科学部现发布2027年度“拓扑量子物态调控与器件原理”专项项目指南，请申请人及依托单位按照指南中所述的要求和注意事项申请。
国家自然科学基金委员会数学物理科学部
2027年3月10日
数学物理科学部2027年度“拓扑量子物态调控与器件原理”专项项目指南
一、科学目标
发展高质量拓扑量子材料的生长与表征方法。
二、拟资助研究方向
（一）磁性拓扑绝缘体薄膜的精准生长与量子反常霍尔效应
研究磁性掺杂和本征磁性拓扑绝缘体薄膜的分子束外延生长。本方向拟资助2项，每项直接费用不超过300万元，资助期限4年。
（二）拓扑超导异质结构中的马约拉纳零能模探测
研究超导—拓扑绝缘体异质结构中的马约拉纳零能模。本方向拟资助1～2项，每项直接费用不超过350万元，资助期限4年。
`;

describe('a notice that names its guideline', () => {
  it('`关于发布…指南的通告` over a site’s menu: the guideline’s own title, never the menu’s `通知公告`', async () => {
    const doc = await ingestText(NOTICE);
    expect(doc.document.title).toBe('数学物理科学部2027年度“拓扑量子物态调控与器件原理”专项项目指南');
  });
});
