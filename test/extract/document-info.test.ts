/**
 * What a document is: its title where a notice names the guideline it prints (`现将《…申报指南》印发`
 * with notice text between them), and a province's own 重点研发计划 as the programme.
 */
import { describe, expect, it } from 'vitest';
import { ingestText } from '../helpers/seed.js';
import { provincialProgrammeOf } from '../../src/extract/patterns.js';

const NOTICE = `关于组织申报2026年度江西省重点研发计划项目的通知
各设区市科技局，省直有关单位，有关高校、科研院所：
为加快关键核心技术攻关，现将《2026年度江西省重点研发计划项目申报指南》（以下简称《指南》）印发给你们，请按要求组织申报。
2026年度江西省重点研发计划项目申报指南
一、总体安排
2026年度省重点研发计划设置3项指南，拟支持项目约4项。除另有规定外，每项指南拟支持1～2项，项目实施期限为3年。
二、指南内容
1.稀土永磁材料低成本制备技术
研究内容：研究低重稀土高性能钕铁硼磁体制备技术。
考核指标：磁体最大磁能积不低于50MGOe。
支持强度：省财政资金支持不超过300万元/项。
2.锂电池正极材料回收利用
研究内容：研究退役锂电池正极材料短流程回收技术。
考核指标：锂回收率不低于90%。
支持强度：省财政资金支持不超过200万元/项。
3.智能采矿装备
研究内容：研究井下无人化采矿装备与调度系统。
考核指标：单班作业人员减少50%以上。
支持强度：省财政资金支持不超过400万元/项。
三、申报要求
1.申报单位须为江西省内注册的法人单位。
`;

describe('a notice that names the guideline it prints', () => {
  it('is titled by the guideline, the province’s programme named', async () => {
    const d = await ingestText(Buffer.from(NOTICE), 'jx-notice.txt');
    expect(d.document.title).toBe('2026年度江西省重点研发计划项目申报指南');
    expect(d.document.programme).toBe('江西省重点研发计划');
    expect(d.directions.map((x) => x.perProjectCap?.amountCNY)).toEqual([3_000_000, 2_000_000, 4_000_000]);
  });

  it('keeps the notice’s title where the named guideline is not printed', async () => {
    const d = await ingestText(Buffer.from(NOTICE.replace('\n2026年度江西省重点研发计划项目申报指南\n', '\n')), 'jx-notice.txt');
    expect(d.document.title).toBe('关于组织申报2026年度江西省重点研发计划项目的通知');
  });
});

describe('a province’s own 重点研发计划', () => {
  it.each([
    ['2026年度安徽省重点研发计划项目申报指南', '安徽省重点研发计划'],
    ['江苏省2025年度省重点研发计划（国际科技合作/港澳台科技合作）项目指南', '江苏省重点研发计划'],
    ['四川省2026年度重点研发计划（国际科技合作）项目申报指南', '四川省重点研发计划'],
    ['国家重点研发计划“智能机器人”重点专项2026年度项目申报指南', null],
    ['2026年度黑龙江省对俄及“一带一路”国际科技合作项目申报指南', null],
  ])('%s', (title, programme) => expect(provincialProgrammeOf(title)).toBe(programme));
});
