/**
 * Directions headed by their code (`GAT-2026-05`), values given for each side (`内地：…；香港：…`),
 * and a table of the directions' short names before their text (the text governs).
 */
import { describe, expect, it } from 'vitest';
import { matchMarker } from '../../src/lexicon/markers.js';
import { ingestText } from '../helpers/seed.js';

describe('a direction’s code as its heading', () => {
  it('GAT-2026-05 alone on its line is direction 5; a code in a sentence is none', () => {
    expect(matchMarker('GAT-2026-05')).toMatchObject({ type: 'direction-word', value: 5, key: '5' });
    expect(matchMarker('GAT-2026-12　内地与香港联合资助研发项目')).toMatchObject({ value: 12 });
    expect(matchMarker('GAT-2026-05号文件规定')).toBeNull();
  });

  it('A1, B4: a category’s letter and a number are a two-level number, its id as printed; a grade, a code of the sentence or a word after the number is none', () => {
    expect(matchMarker('A1　中国和坦桑尼亚政府间联合研究项目')).toMatchObject({ type: 'decimal', value: 101, key: 'A1' });
    expect(matchMarker('B4中国和哈萨克斯坦联合实验室项目')).toMatchObject({ type: 'decimal', value: 204, key: 'B4' });
    for (const t of ['A1级抗震设防要求', 'B2B平台建设', 'G20峰会成果', 'D07的下属代码）', 'C3或C4类项目']) expect(matchMarker(t)?.type, t).not.toBe('decimal');
    // NSFC's joint-fund codes: a letter and two digits a theme, four a direction.
    expect(matchMarker('A01　强震孕育发生的动力学过程')).toMatchObject({ type: 'decimal', value: 101, key: 'A01' });
    expect(matchMarker('A0204　大地震后强余震序列快速预测方法')).toMatchObject({ type: 'decimal3', value: 10204, key: 'A0204' });
  });

  it('fields under codes, each side’s figure on one line: the mainland’s read', async () => {
    const card = (code: string, side: string, wan: number, years: string) => [
      code,
      `方向名称：内地与${side}联合资助研发项目`,
      `【合作依据】《内地与${side}关于成立科技合作委员会的协议》`,
      '拟支持项目数：不超过5项',
      `经费安排：内地：国拨经费${wan}万元；${side}：由对方资助机构另行核定`,
      `【实施周期】内地：${years}；${side}：不超过36个月`,
      '',
    ];
    const doc = await ingestText(
      ['国家重点研发计划“战略性科技创新合作”重点专项2026年度内地与港澳科技创新合作项目申报指南', '', '为深入实施创新驱动发展战略，支持香港、澳门更好融入国家创新体系，科技部与香港特别行政区政府创新科技署、澳门特别行政区科学技术发展基金共同组织实施内地与港澳科技创新合作项目，现将申报指南予以发布。', '', '二、指南方向', '', ...card('GAT-2026-01', '香港', 1800, '3年'), ...card('GAT-2026-02', '澳门', 1200, '2年'), ...card('GAT-2026-04', '香港', 900, '2～3年')].join('\n'),
    );
    expect(doc.directions.map((d) => [d.id, d.title, d.funding?.amountCNY, d.duration?.maxYears])).toEqual([
      ['1', '内地与香港联合资助研发项目', 18_000_000, 3],
      ['2', '内地与澳门联合资助研发项目', 12_000_000, 2],
      ['4', '内地与香港联合资助研发项目', 9_000_000, 3],
    ]);
    expect(doc.checks.map((c) => c.code)).toContain('numbering-gap');
  });
});

describe('a table of the directions before their text', () => {
  it('its rows are no directions where each names the text’s direction in order, shortened', async () => {
    const table = [
      '表1　指南方向一览表',
      '  序号  指南方向            合作方      项目数    经费（亿元）',
      '    1   中意政府间科技合作  意大利          8         0.24',
      '    2   中新政府间联合研究  新西兰          5         0.09',
      '    3   中泰政府间联合研究  泰国            6         0.09',
      '注：表1仅供查阅，以第三部分所列内容为准。',
    ];
    const text = (title: string, partner: string, count: number, wan: number, k: number) => [`1.${k} 中国和${partner}政府间${title}项目`, `合作协议：《中华人民共和国政府和${partner}政府科学技术合作协定》`, `拟支持项目数：${count}个`, `共拟支持经费：${wan}万元`, ''];
    const doc = await ingestText(
      ['国家重点研发计划“政府间国际科技创新合作”重点专项2026年度项目申报指南', '', '二、领域和方向', '', ...table, '', '三、指南方向及要求', '', ...text('科技合作', '意大利', 8, 2400, 1), ...text('联合研究', '新西兰', 5, 850, 2), ...text('联合研究', '泰国', 6, 900, 3)].join('\n'),
    );
    expect(doc.directions.map((d) => [d.ordinal, d.id, d.partners.map((p) => p.name)[0], d.projectCount?.value, d.funding?.amountCNY])).toEqual([
      [1, '1.1', '意大利', 8, 24_000_000],
      [2, '1.2', '新西兰', 5, 8_500_000],
      [3, '1.3', '泰国', 6, 9_000_000],
    ]);
  });
});

describe('a label that ends a list item', () => {
  it('introduces the item’s sub-list (`1）建成示范电站1座，具体要求：` / `①…`): no field of its own', async () => {
    const doc = await ingestText(
      [
        '国家重点研发计划“储能与智能电网技术”重点专项2026年度项目申报指南',
        '',
        '本专项2026年度拟启动1个指南方向，拟安排国拨经费概算0.5亿元。',
        '',
        '1.1 百兆瓦级混合储能电站示范（示范应用类）',
        '研究内容：研究多类型储能的协同优化配置方法，建设混合储能示范电站。',
        '考核指标：',
        '1）建成百兆瓦级混合储能示范电站1座，具体要求：',
        '①总功率不低于100MW；',
        '②综合效率不低于80%。',
        '2）形成技术规范3项以上。',
        '3）示范电站连续稳定运行不少于1年。',
        '关键词：混合储能，示范电站',
        '有关说明：本方向拟支持1项，实施周期3年。',
        '',
      ].join('\n'),
    );
    expect(doc.directions.map((d) => [d.id, d.indicators.length, d.requirements.length])).toEqual([['1.1', 3, 1]]);
  });
});

describe('a direction’s ordinal', () => {
  it('is its place among the directions read: a withdrawn one leaves no gap', async () => {
    const d = (n: number, partner: string, mark = '') => [`1.${n} 中国和${partner}政府间联合研究项目${mark}`, `合作协议：《中华人民共和国政府和${partner}政府科学技术合作协定》`, '拟支持项目数：3个', '共拟支持经费：900万元', ''];
    const doc = await ingestText(['国家重点研发计划“政府间国际科技创新合作”重点专项2026年度项目申报指南（征求意见稿）', '', '一、领域和方向', '', ...d(1, '越南'), ...d(2, '泰国', '（删除）'), ...d(3, '老挝')].join('\n'));
    expect(doc.directions.map((x) => [x.ordinal, x.id])).toEqual([
      [1, '1.1'],
      [2, '1.3'],
    ]);
    expect(doc.checks.map((c) => c.code)).toContain('direction-withdrawn');
  });
});
