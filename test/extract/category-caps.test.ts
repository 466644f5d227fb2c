/**
 * A key programme that states its caps per category before its directions, and its young
 * scientists' cap, duration and age rules in a paragraph of their own (as the preamble of a real
 * 重点专项 guideline does): each direction takes its own category's cap, and a 青年科学家 direction the
 * young scientists' cap, duration and rules, never the one default of the others.
 */
import { describe, expect, it } from 'vitest';
import { ingestText } from '../helpers/seed.js';

const TEXT = `国家重点研发计划“储能与智能电网技术”重点专项
2025年度项目申报指南

2025年度指南围绕中长时储能技术、新型电力系统运行控制2个技术方向，拟启动5个指南方向（含2个青年科学家项目方向），拟安排国拨经费概算2.1亿元。

共性关键技术类和应用示范类项目每个项目国拨经费不超过3000万元，基础前沿技术类项目每个项目国拨经费不超过1500万元；除特殊说明外，项目实施周期不超过4年。

青年科学家项目每个项目国拨经费不超过300万元，实施周期不超过3年，不下设课题。青年科学家项目负责人年龄要求：男性应为1990年1月1日以后出生，女性应为1987年1月1日以后出生。

1. 中长时储能技术
1.1 吉瓦时级液流电池储能系统关键技术（共性关键技术类）
研究内容：研究高功率密度液流电池电堆设计与集成技术。
考核指标：电堆功率不低于500千瓦。
关键词：液流电池，电堆
有关说明：拟支持1～2项。
1.2 新型储能材料界面机理（基础前沿技术类）
研究内容：研究储能材料界面的离子输运机理。
考核指标：建立界面模型1套。
关键词：界面，离子输运
有关说明：拟支持1～2项。
1.3 百兆瓦级储能电站示范（应用示范类）
研究内容：开展百兆瓦级储能电站集成示范。
考核指标：建成示范电站1座。
关键词：储能电站，示范
有关说明：拟支持1项。
2. 青年科学家项目
2.1 储能材料多尺度原位表征新方法（青年科学家项目）
研究内容：发展储能材料原位表征新方法。
考核指标：形成表征方法2种。
关键词：原位表征
2.2 电网宽频振荡抑制新原理（青年科学家项目）
研究内容：研究电网宽频振荡机理。
考核指标：提出抑制方法1套。
关键词：宽频振荡
`;

describe('caps stated per category, and the young scientists’ rules, before the directions', () => {
  it('gives each direction its category’s cap, inherited, with the sentence that states it', async () => {
    const doc = await ingestText(TEXT, 'keyprog.txt');
    const caps = doc.directions.map((d) => [d.id, d.perProjectCap?.amountCNY ?? null, d.perProjectCap?.inherited ?? null]);
    expect(caps).toEqual([
      ['1.1', 30_000_000, true],
      ['1.2', 15_000_000, true],
      ['1.3', 30_000_000, true],
      ['2.1', 3_000_000, true],
      ['2.2', 3_000_000, true],
    ]);
    expect(doc.summary.categoryCaps.map((c) => [c.categories, c.amountCNY])).toEqual([
      [['共性关键技术类', '应用示范类'], 30_000_000],
      [['基础前沿技术类'], 15_000_000],
    ]);
    expect(doc.summary.defaultPerProjectCap).toBeNull();
  });

  it('gives the young scientists’ directions their duration and age rules, the others the default duration', async () => {
    const doc = await ingestText(TEXT, 'keyprog.txt');
    expect(doc.directions.map((d) => [d.id, d.duration?.maxYears ?? null])).toEqual([
      ['1.1', 4],
      ['1.2', 4],
      ['1.3', 4],
      ['2.1', 3],
      ['2.2', 3],
    ]);
    const young = doc.directions.find((d) => d.id === '2.1')!.conditions.youngScientist;
    expect([young?.maleBornOnOrAfter, young?.femaleBornOnOrAfter, young?.noSubtopics]).toEqual(['1990-01-01', '1987-01-01', true]);
    expect(doc.directions.find((d) => d.id === '1.1')!.conditions.youngScientist).toBeNull();
    // The 2.1亿元 of the sentence that counts them (`（含2个青年科学家项目方向）`) is the call's, not theirs.
    expect(doc.summary.youngScientist?.fundingCNY).toBeNull();
    expect(doc.summary.youngScientist?.perProjectCNY).toBe(3_000_000);
  });
});

describe('a talent programme whose table names its rows by kind and whose caps are stated per kind in another table', () => {
  // (A provincial 引才引智 call: no title column, `项目类别` names each row; a class's cap in a table
  // before the directions, read for the directions that name the class.)
  const TEXT = `2026年度某省引才引智项目申报指南

一、总体要求
2026年度设人才引进、交流培训2个大类共3个项目类别，拟支持项目28项左右，安排省级财政资金1500万元。

| 类别 | 资助标准（每项） | 说明 |
| 技术培训班 | 不超过75万元 | 21天 |
| 高级研修班 | 不超过60万元 | 14天 |

二、支持类别
| 序号 | 项目类别 | 重点国别（地区） | 支持数量 | 安排资金（万元） | 执行期 |
| 1 | 外国高端专家 | 德国、法国 | 20人 | 800 | 2年 |
| 2 | 外国青年人才 | 不限 | 5人 | 300 | 2年 |
| 3 | 出国（境）培训 | 新加坡 | 3个团组 | 400 | 1年 |

三、受理时间
2026年4月30日前。
`;

  it('titles each row by its kind, counts people and groups as projects', async () => {
    const doc = await ingestText(TEXT, 'kinds.txt');
    expect(doc.directions.map((d) => [d.id, d.title, d.projectCount?.value ?? null, d.funding?.amountCNY ?? null])).toEqual([
      ['1', '外国高端专家', 20, 8_000_000],
      ['2', '外国青年人才', 5, 3_000_000],
      ['3', '出国（境）培训', 3, 4_000_000],
    ]);
    expect(doc.directions[0]!.partners.map((p) => p.name)).toEqual(['德国', '法国']);
  });
});

describe('caps per class in a table before the directions, read for the directions that name the class', () => {
  const TEXT = `2026年度发展中国家技术培训班项目申报指南

一、总体安排
2026年度设3个培训主题，拟支持培训班项目5项。项目执行期为1年。

二、类别及资助标准
| 培训班类别 | 来华培训时间 | 资助标准（每项） |
| 技术培训班 | 21天 | 不超过75万元 |
| 高级研修班 | 14天 | 不超过60万元 |

三、培训主题
1. 杂交水稻种植技术培训班
培训类别：技术培训班
面向国家：马达加斯加、尼日利亚
拟支持数量：2项
2. 数字经济高级研修班
培训类别：高级研修班
面向国家：不限
拟支持数量：2项
3. 节水农业技术培训班
培训类别：技术培训班
面向国家：哈萨克斯坦
拟支持数量：1项
其他要求：本项目资助不超过50万元。

四、申报要求
申报单位须具有承办国际培训的经验。
`;

  it('gives each direction its class’s cap, marked inherited, and never a stay of 21 days as its period', async () => {
    const doc = await ingestText(TEXT, 'classes.txt');
    expect(doc.directions.map((d) => [d.id, d.perProjectCap?.amountCNY ?? null, d.perProjectCap?.inherited ?? null, d.duration?.maxYears ?? null])).toEqual([
      ['1', 750_000, true, 1],
      ['2', 600_000, true, 1],
      ['3', 500_000, false, 1],
    ]);
  });
});
