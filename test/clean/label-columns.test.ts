/**
 * 研究内容 and 考核指标 side by side under their labels, each cell wrapped inside its column, as
 * `pdftotext -layout` copies a key programme's two-column table (a page's foot between the lines):
 * read as the same fields printed one after the other.
 */
import { describe, expect, it } from 'vitest';
import { ingestText } from '../helpers/seed.js';

const HEAD = [
  '国家重点研发计划“海洋观测”重点专项2026年度项目申报指南',
  '',
  '    本专项2026年度拟启动2个指南方向，拟安排国拨经费概算0.6亿元。除特殊说明外，每个方向拟支持项目数为1～2项，实施周期不超过4年。',
  '',
  '1. 海洋环境原位感知',
  '',
];

const sideBySide = [
  '1.1 深海原位多参数化学传感机理与方法（基础研究类）',
  '',
  '              研究内容                              考核指标',
  '',
  '      针对深海高压、低温、强腐蚀环          （1）揭示不少于4种关键化学参',
  '',
  '',
  '                        — 1 —',
  '  境下化学参数原位测量精度低、漂移      数在60MPa、2℃条件下的敏感响应机',
  '  大等问题，研究溶解氧、pH等关键化       理，建立相应的温压补偿模型；',
  '  学参数的原位敏感机理。                    （2）申请发明专利不少于6件。',
  '',
  '    关键词：深海化学传感，敏感机理',
  '1.2 海洋微塑料原位快速检测技术（共性关键技术类）',
  '',
  '              研究内容                              考核指标',
  '',
  '      （1）研究海水中微塑料原位富            （1）微塑料检测粒径下限不大',
  '  集与光谱识别技术；                    于20μm；',
  '',
  '      （2）研究新污染物的原位快速            （2）新污染物检测种类不少于8',
  '  检测方法。                            种。',
  '',
  '    关键词：微塑料，新污染物',
];

const oneAfterOther = [
  '1.1 深海原位多参数化学传感机理与方法（基础研究类）',
  '研究内容：针对深海高压、低温、强腐蚀环境下化学参数原位测量精度低、漂移大等问题，研究溶解氧、pH等关键化学参数的原位敏感机理。',
  '考核指标：（1）揭示不少于4种关键化学参数在60MPa、2℃条件下的敏感响应机理，建立相应的温压补偿模型；（2）申请发明专利不少于6件。',
  '关键词：深海化学传感，敏感机理',
  '1.2 海洋微塑料原位快速检测技术（共性关键技术类）',
  '研究内容：',
  '（1）研究海水中微塑料原位富集与光谱识别技术；',
  '（2）研究新污染物的原位快速检测方法。',
  '考核指标：（1）微塑料检测粒径下限不大于20μm；（2）新污染物检测种类不少于8种。',
  '关键词：微塑料，新污染物',
];

const values = (doc: Awaited<ReturnType<typeof ingestText>>) =>
  doc.directions.map((d) => ({
    id: d.id,
    content: d.researchContent.map((p) => p.text),
    indicators: d.indicators.length,
    keywords: d.keywords.map((k) => k.text),
  }));

describe('fields side by side under their labels', () => {
  it('read as the same fields one after the other', async () => {
    const a = await ingestText([...HEAD, ...sideBySide, ''].join('\n'));
    const b = await ingestText([...HEAD, ...oneAfterOther, ''].join('\n'));
    expect(values(a)).toEqual(values(b));
    expect(values(a)[0]).toMatchObject({ id: '1.1', indicators: 2, content: ['针对深海高压、低温、强腐蚀环境下化学参数原位测量精度低、漂移大等问题，研究溶解氧、pH等关键化学参数的原位敏感机理。'] });
    expect(values(a)[1]).toMatchObject({ id: '1.2', indicators: 2 });
    expect(values(a)[1]!.content).toHaveLength(2);
    expect(a.removed.filter((r) => r.kind === 'page-number').map((r) => r.text)).toEqual(['— 1 —']);
  });
});
