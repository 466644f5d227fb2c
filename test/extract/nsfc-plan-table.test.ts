/**
 * An NSFC 重大研究计划 guide whose directions are numbered items under its kinds of project
 * (`三、2027年度资助研究方向` / `（一）培育项目` / `1.…`), its plan after them as a table of those kinds
 * (`项目类型 | 拟资助项目数 | …` over `培育项目 | 约16项 | …`), as set 183 has it: the table's rows are
 * the call's figures per kind, never directions; a direction's own `本方向拟资助集成项目1项` is its count;
 * a description that starts `在…开展` is its research content.
 */
import { describe, expect, it } from 'vitest';
import { ingestText } from '../helpers/seed.js';

const GUIDE = `海气界面多尺度相互作用及其气候效应重大研究计划2027年度项目指南
一、科学目标
本重大研究计划发展海气界面多尺度相互作用的观测、理论和模拟体系。
二、2027年度资助研究方向
（一）培育项目
拟资助探索性强、选题新颖的申请项目，研究方向如下：
1.高风速条件下海浪破碎与飞沫对海气通量的影响
研究台风等高风速条件下海浪破碎、白冠覆盖和海洋飞沫的生成与输送过程。
2.海洋表层湍流与日变化暖层的观测与模拟
发展海洋表层湍流的高分辨率观测技术，研究日变化暖层的形成与破坏机理。
（二）重点支持项目
拟资助前期研究成果积累较好的申请项目，研究方向如下：
1.西太平洋暖池海气通量综合观测与数据同化
在西太平洋暖池关键海域开展海气通量、海洋上层和大气边界层的协同观测。
2.台风—海洋耦合过程的动力学机理与强度预报
研究台风引起的海洋混合、上翻和冷尾流对台风强度的负反馈过程。
（三）集成项目
1.高分辨率海气耦合预测系统关键技术集成
集成本计划的研究成果，构建公里尺度区域海气耦合预测系统。本方向拟资助集成项目1项。
三、2027年度资助计划
拟资助培育项目约16项，直接费用资助强度不超过80万元/项，资助期限为3年；拟资助重点支持项目约5项，资助期限为4年；拟资助集成项目1项，直接费用资助强度不超过1500万元/项，资助期限为3年。2027年度本计划拟资助项目共约22项。
表1 2027年度资助计划
| 项目类型 | 拟资助项目数 | 直接费用资助强度 | 资助期限 |
| 培育项目 | 约16项 | 不超过80万元/项 | 3年 |
| 重点支持项目 | 约5项 | 平均约300万元/项 | 4年 |
| 集成项目 | 1项 | 不超过1500万元/项 | 3年 |
| 合计 | 约22项 | 约4280万元 | — |
四、申请要求
申请人应当具有高级专业技术职务（职称）。
`;

describe('an NSFC 重大研究计划 with its plan as a table after its directions', () => {
  it('reads the numbered items as the directions, the table as the call’s figures per kind', async () => {
    const doc = await ingestText(GUIDE);
    expect(doc.directions.map((d) => [d.id, d.title, d.projectCount?.value ?? null, d.researchContent.length])).toEqual([
      ['1.1', '高风速条件下海浪破碎与飞沫对海气通量的影响', null, 1],
      ['1.2', '海洋表层湍流与日变化暖层的观测与模拟', null, 1],
      ['2.1', '西太平洋暖池海气通量综合观测与数据同化', null, 1],
      ['2.2', '台风—海洋耦合过程的动力学机理与强度预报', null, 1],
      ['3.1', '高分辨率海气耦合预测系统关键技术集成', 1, 1],
    ]);
    expect(doc.summary.projectCount?.value).toBe(22);
    expect(doc.checks.filter((c) => c.code === 'field-missing')).toEqual([]);
  });
});
