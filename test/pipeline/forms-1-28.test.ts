/**
 * Forms met on first contact with blind sets 23–25 (pipeline 1.28.0), each in a wording of its own
 * here so that the rule, not the fixture's sentence, is what passes: a province's 揭榜挂帅 list
 * numbered `1．` whose task title starts with a number, a subsidy's ceiling per taker, a figure cut
 * from its unit, domains lettered `a.`, a title wrapped after 的, a note's call after a title, a
 * news site's boxes, and a figure a summary table gives again.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportTables } from '../../src/export/index.js';
import { ingestText } from '../helpers/seed.js';

const JIEBANG = `湖北省经济和信息化厅关于发布2026年度产业基础再造“揭榜挂帅”榜单的通知

各市州经信局：

　　现发布2026年度产业基础再造“揭榜挂帅”榜单（共4项）。单个项目支持额度最高不超过1000万元，项目攻关周期一般不超过2年。2026年度省级财政资金拟安排约2600万元。

附件

一、电子信息

1．12英寸硅基氮化镓外延片

揭榜任务：突破12英寸硅基氮化镓外延生长关键技术。

揭榜要求：

1．揭榜单位应具有外延材料研发基础；

2．具备中试条件。

支持方式：择优支持1个揭榜团队，按研发投入的30%给予补助，最高不超过800万元。

2．车规级功率模块封装

揭榜任务：突破车规级功率模块高可靠封装技术。

揭榜要求：揭榜单位应为省内注册企业。

支持方式：择优支持不超过2个揭榜团队，每个团队最高不超过500万元。

二、生物医药

1．mRNA疫苗递送载体

揭榜任务：开发新型脂质纳米递送载体。

揭榜要求：揭榜单位应具有核酸药物研发基础。

支持方式：择优支持1个揭榜团队，最高补助600万元。

2．高端医用导管

揭榜任务：突破高端医用导管材料与成型技术。

揭榜要求：揭榜单位应具有医疗器械注册证。

支持方式：择优支持1家揭榜企业，支持额度按通知要求执行。
`;

describe('a province’s 揭榜挂帅 list', () => {
  it('reads its four tasks, `1．12英寸…` as task 1 (not 1.12), each ceiling as the cap of one taker, the takers as the count', async () => {
    const doc = await ingestText(JIEBANG, 'jiebang.txt');
    expect(doc.directions.map((d) => [d.id, d.title])).toEqual([
      ['1.1', '12英寸硅基氮化镓外延片'],
      ['1.2', '车规级功率模块封装'],
      ['2.1', 'mRNA疫苗递送载体'],
      ['2.2', '高端医用导管'],
    ]);
    expect(doc.directions.map((d) => [d.projectCount?.value ?? null, d.funding?.amountCNY ?? null, d.perProjectCap?.amountCNY ?? null, d.perProjectCap?.inherited ?? null])).toEqual([
      [1, null, 8_000_000, false],
      [2, null, 5_000_000, false],
      [1, null, 6_000_000, false],
      // `按通知要求执行`: the notice's cap.
      [1, null, 10_000_000, true],
    ]);
    expect([doc.summary.directionCount?.value, doc.summary.fundingTotal?.amountCNY]).toEqual([4, 26_000_000]);
  });
});

const HMT = (body: string): string => `国家重点研发计划“港澳台科技创新合作”重点专项2026年度项目申报指南

本专项2026年度拟支持项目12个，国拨经费总概算3000万元。

一、指南方向

${body}

二、申报要求

申报单位须为在中国内地登记注册的法人单位。
`;

describe('figures and titles as copies break them', () => {
  it('a figure cut from its unit at a line or page break is one figure', async () => {
    const doc = await ingestText(
      HMT(`1.1 内地与香港联合资助项目

合作协议：《内地与香港关于加强创新科技合作的安排》。

领域方向：生物医药；人工智能。

拟支持项目数：6个。

国拨经费：1500
- 3 -
万元。

项目实施周期：3年。`),
    );
    expect(doc.directions[0]!.funding?.amountCNY).toBe(15_000_000);
  });

  it('domains lettered `a.` `b.` are items, their letters no part of the domain', async () => {
    const doc = await ingestText(
      HMT(`1.1 内地与澳门联合资助项目

合作协议：《内地与澳门科技合作委员会会议纪要》。

领域方向：

a. 中医药；

b. 集成电路设计；

c）智慧城市。

拟支持项目数：6个。`),
    );
    expect(doc.directions[0]!.domains.map((d) => d.label)).toEqual(['中医药', '集成电路设计', '智慧城市']);
  });

  it('a title wrapped after 的 goes on; a note’s call at its end (`[2]`, `①`) is no part of it', async () => {
    const doc = await ingestText(
      HMT(`1.1 内地与香港极端环境下生物大分子的
结构稳定研究项目[2]

合作协议：《内地与香港关于加强创新科技合作的安排》。

拟支持项目数：6个。

1.2 内地与澳门联合实验室合作项目①

合作协议：《内地与澳门科技合作委员会会议纪要》。

拟支持项目数：6个。`),
    );
    expect(doc.directions.map((d) => d.title)).toEqual(['内地与香港极端环境下生物大分子的结构稳定研究项目', '内地与澳门联合实验室合作项目']);
  });

  it('a news site’s box between two directions (`【延伸阅读】…（点击查看）`) is web chrome, no requirement', async () => {
    const doc = await ingestText(
      HMT(`1.1 内地与香港联合资助项目

合作协议：《内地与香港关于加强创新科技合作的安排》。

拟支持项目数：6个。

其他要求：项目须由内地与香港单位联合申报。

【延伸阅读】香港创新科技署：联合资助计划申请将于5月截止（点击查看）

1.2 内地与澳门联合资助项目

合作协议：《内地与澳门科技合作委员会会议纪要》。

拟支持项目数：6个。`),
    );
    expect(doc.directions[0]!.requirements.map((r) => r.text)).toEqual(['项目须由内地与香港单位联合申报。']);
    expect(doc.removed.filter((r) => r.kind === 'web-chrome').map((r) => r.text)).toEqual(['【延伸阅读】香港创新科技署：联合资助计划申请将于5月截止（点击查看）']);
  });
});

describe('a figure given twice', () => {
  const twice = (inTable: string) =>
    HMT(`1.1 内地与香港联合资助项目

合作协议：《内地与香港关于加强创新科技合作的安排》。

拟支持项目数：不超过6个。

共拟支持经费：1500万元。

附表

| 编号 | 指南方向 | 拟支持项目数 | 国拨经费（万元） |
| --- | --- | --- | --- |
| 1.1 | 内地与香港联合资助项目 | ${inTable} | 1500 |`);

  it('the same value in a summary table is no doubt', async () => {
    const doc = await ingestText(twice('6'));
    expect(doc.directions.map((d) => [d.projectCount?.value, d.funding?.amountCNY])).toEqual([[6, 15_000_000]]);
    expect(doc.checks.filter((c) => c.code === 'field-repeated')).toEqual([]);
  });

  it('another value is: the first is read and the second reported', async () => {
    const doc = await ingestText(twice('8'));
    expect(doc.directions[0]!.projectCount?.value).toBe(6);
    expect(doc.checks.filter((c) => c.code === 'field-repeated').map((c) => c.stated)).toEqual(['拟支持项目数：8个']);
  });
});

describe('figures a group states once for its directions', () => {
  it('`以下方向每个方向拟支持项目数5个…` under （一）, `拟支持项目数均为4个，每个方向国拨经费均为1200万元` under （二): each direction’s, inherited, from its own group', async () => {
    const text = readFileSync(new URL('../fixtures/forms/group-figures.txt', import.meta.url), 'utf8');
    const doc = await ingestText(text, 'group-figures.txt');
    expect(doc.directions.map((d) => [d.id, d.projectCount?.value, d.projectCount?.inherited, d.funding?.amountCNY, d.funding?.inherited ?? false])).toEqual([
      ['1', 5, true, 15_000_000, true],
      ['2', 5, true, 15_000_000, true],
      ['3', 5, true, 15_000_000, true],
      ['4', 4, true, 12_000_000, true],
      ['5', 4, true, 12_000_000, true],
      // A direction that states its own figures keeps them.
      ['6', 2, false, 8_000_000, false],
    ]);
    expect(doc.checks.filter((c) => c.code === 'funding-total-mismatch' || c.code === 'project-total-mismatch')).toEqual([]);
    // The export says which funding a group stated: 是 for 1–5, 否 for 6.
    const t = exportTables([doc]).directions;
    const at = t.columns.findIndex((c) => c.key === 'fundingInherited');
    expect(t.columns[at]!.zh).toBe('经费沿用所在组统一规定');
    expect(t.rows.map((r) => r[at])).toEqual([true, true, true, true, true, false]);
  });
});

describe('a running title with a bare page number', () => {
  it('`…项目申报指南　2` on a line of its own and `…项目申报指南　1` glued inside a line of text are removed, the text around rejoined', async () => {
    const text = `国家重点研发计划“战略性科技创新合作”重点专项2026年度项目申报指南

本专项2026年度拟支持项目6个，国拨经费总概算3000万元。

1. 中国和瑞典政府间联合研究项目
合作国家：瑞典。
领域方向：储能；电池回收。
拟支持项目数：3个。
考核指标：热失控预警准确率不低于95%，战略性科技创新合作重点专项2026年度项目申报指南　1建立互认的测试评价方法1套。
国拨经费：1500万元。
申报要求：须与合作国家单位联合申报。
战略性科技创新合作重点专项2026年度项目申报指南　2
2. 中国和瑞士政府间联合研究项目
合作国家：瑞士。
领域方向：精准医学。
拟支持项目数：3个。
国拨经费：1500万元。
申报要求：须与瑞士单位联合申报。
`;
    const doc = await ingestText(text);
    expect(doc.directions.map((d) => d.requirements.map((r) => r.text))).toEqual([['须与合作国家单位联合申报。'], ['须与瑞士单位联合申报。']]);
    expect(doc.directions[0]!.indicators.map((i) => i.text).join('')).toBe('热失控预警准确率不低于95%，建立互认的测试评价方法1套。');
    expect(doc.removed.filter((r) => r.kind === 'running-header').map((r) => r.text)).toEqual([
      '战略性科技创新合作重点专项2026年度项目申报指南',
      '战略性科技创新合作重点专项2026年度项目申报指南　2',
    ]);
  });
});

describe('copies across a page’s edge', () => {
  const text = (between: string) => `国家自然科学基金2026年度国际（地区）合作研究与交流项目指南

2026年度拟与2个境外资助机构联合资助组织间合作研究项目约20项。

1．与瑞士国家科学基金会（SNSF）的合作研究项目
（1）资助计划：拟资助约10项，直接费用资助强度不超过200万元/项，资助期限为3年。
（2）申请要求：中瑞双方申请人须分别向自然科学基金委和SNSF提交申请，单
${between}方申请将不予受理。
2．与德国研究基金会（DFG）的合作研究项目
（1）资助计划：拟资助约10项，直接费用资助强度不超过200万元/项，资助期限为3年。
（2）申请要求：中德双方申请人须分别提交申请。
`;

  it('a running head between two halves of a sentence, blank lines around it, rejoins the sentence', async () => {
    const head = '2026年度国家自然科学基金国际（地区）合作研究与交流项目指南';
    const doc = await ingestText(text(`\n· 4 ·  ${head}\n\n`) + `\n· 5 ·  ${head}\n`);
    expect(doc.directions[0]!.requirements.map((r) => r.text).join('|')).toContain('单方申请将不予受理。');
    expect(doc.directions[0]!.requirements.map((r) => r.text).join('|')).not.toContain('|方申请');
  });

  it('a line repeated word for word right after itself is the copy’s artefact: removed and logged', async () => {
    const doc = await ingestText(text('').replace('单\n方申请将不予受理。', '单\n方申请将不予受理。\n方申请将不予受理。'));
    expect(doc.removed.filter((r) => r.kind === 'duplicate-line').map((r) => r.text)).toEqual(['方申请将不予受理。']);
    expect(doc.directions[0]!.requirements.map((r) => r.text).join('')).not.toMatch(/受理。.*受理。/);
  });
});
