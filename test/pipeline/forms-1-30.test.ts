/**
 * Forms met on first contact with blind sets 37–41 (pipeline 1.30.0), in wordings of their own:
 * a page whose panels a script fills from a JSON data island, an iframe whose page is its
 * `srcdoc`, a table whose label and value columns stand beside a column grouping them, and a
 * forwarded chain above a guideline's own title. (The sources of other formats — an e-mail's raw
 * source, a JSON record, a wiki page, a LaTeX document — are properties of `layouts.property.test.ts`.)
 */
import { describe, expect, it } from 'vitest';
import { loadBytes } from '../../src/load/index.js';
import { processSource } from '../../src/pipeline.js';
import { ingestText } from '../helpers/seed.js';

const html = async (page: string) => processSource(await loadBytes(new TextEncoder().encode(page), 'page.html'));

const HEAD = `<h1>国家重点研发计划“战略性科技创新合作”重点专项2026年度项目申报指南</h1>
<p>2026年度设立2个指南方向，拟支持项目数约9个，国拨经费总概算0.3亿元人民币。项目实施周期一般为3年。</p><h2>一、指南方向</h2>`;
const FIELDS = (n: number, partner: string, count: number, wan: number) =>
  `<p>合作协议：《中国和${partner}科技合作协定》。</p><p>领域方向：能源；农业。</p><p>拟支持项目数：${count}个。</p><p>共拟支持经费：${wan}万元人民币。</p><p>其他要求：第${n}项要求。</p>`;

describe('panels a script fills from a JSON data island', () => {
  it('are read where the first loading panel stands, in the records’ order; without a loading panel the island stays a script', async () => {
    const island = JSON.stringify({ items: [{ title: '1.1 中国和芬兰联合研究项目', content: FIELDS(1, '芬兰', 4, 1200) }, { title: '1.2 中国和挪威联合研究项目', content: FIELDS(2, '挪威', 5, 1800) }] }).replace(/</g, '\\u003c');
    const page = (panels: string) => `<html><body><article>${HEAD}<div class="tabs">${panels}</div><h2>二、申报要求</h2><p>申报单位须为法人单位。</p></article><script type="application/json">${island}</script></body></html>`;
    const doc = await html(page('<section data-id="a"><span>加载中…</span></section><section data-id="b" hidden><span>加载中…</span></section>'));
    expect(doc.directions.map((d) => [d.id, d.partners.map((p) => p.name).join(), d.projectCount?.value, d.funding?.amountCNY])).toEqual([
      ['1.1', '芬兰', 4, 12_000_000],
      ['1.2', '挪威', 5, 18_000_000],
    ]);
    await expect(html(page('<section><p>见附件。</p></section>'))).rejects.toThrow(/not a guideline|不是/);
  });
});

describe('an iframe whose page is written into its srcdoc', () => {
  it('is read in place, and the notice’s heading above it gives way to the guideline’s own title', async () => {
    const inner = `<html><body><p>国家重点研发计划“战略性科技创新合作”重点专项</p><p>2026年度项目申报指南</p>${HEAD.replace(/<h1>.*<\/h1>/, '')}<h3>1.1 中国和芬兰联合研究项目</h3>${FIELDS(1, '芬兰', 4, 1200)}<h3>1.2 中国和挪威联合研究项目</h3>${FIELDS(2, '挪威', 5, 1800)}</body></html>`;
    const page = `<html><body><h1>科技部关于发布国家重点研发计划“战略性科技创新合作”重点专项2026年度项目申报指南的通知</h1><iframe title="正文" srcdoc="${inner.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"></iframe></body></html>`;
    const doc = await html(page);
    expect(doc.document.title).toBe('国家重点研发计划“战略性科技创新合作”重点专项2026年度项目申报指南');
    expect(doc.directions.map((d) => [d.id, d.funding?.amountCNY])).toEqual([
      ['1.1', 12_000_000],
      ['1.2', 18_000_000],
    ]);
  });
});

describe('a table of label and value columns beside a column that groups them', () => {
  it('reads each direction’s rows as its fields, the group’s name as the table’s layout', async () => {
    const row = (group: string, a: string, b: string) => `| ${group} | ${a} | ${b} |`;
    const text = `国家重点研发计划“战略性科技创新合作”重点专项2026年度项目申报指南

2026年度设立2个指南方向，拟支持项目数约9个，国拨经费总概算0.3亿元人民币。项目实施周期一般为3年。

| 地区 | 要素 | 内容 |
${row('北欧', '1.1 中国和芬兰联合研究项目', '1.1 中国和芬兰联合研究项目')}
${row('北欧', '合作协议', '《中国和芬兰科技合作协定》。')}
${row('北欧', '拟支持项目数', '4个')}
${row('北欧', '共拟支持经费', '1200万元人民币')}
${row('北欧', '1.2 中国和挪威联合研究项目', '1.2 中国和挪威联合研究项目')}
${row('北欧', '合作协议', '《中国和挪威科技合作协定》。')}
${row('北欧', '拟支持项目数', '5个')}
${row('北欧', '共拟支持经费', '1800万元人民币')}

二、申报要求
申报单位须为法人单位。
`;
    const doc = await ingestText(text, 'grouped.txt');
    expect(doc.directions.map((d) => [d.id, d.title, d.agreements.map((a) => a.title).join(), d.projectCount?.value, d.funding?.amountCNY])).toEqual([
      ['1.1', '中国和芬兰联合研究项目', '中国和芬兰科技合作协定', 4, 12_000_000],
      ['1.2', '中国和挪威联合研究项目', '中国和挪威科技合作协定', 5, 18_000_000],
    ]);
    expect(doc.removed.some((r) => r.kind === 'table-layout' && r.text === '北欧')).toBe(true);
  });
});

describe('a correction printed after the guideline, naming its direction through the part that holds it', () => {
  it('is applied to the value it corrects, with a check that says so; its heading closes the last direction', async () => {
    const text = `国家重点研发计划“港澳台科技创新合作”重点专项2026年度项目申报指南

2026年度设立2个指南方向，拟支持项目数约9个，国拨经费总概算0.3亿元人民币。项目实施周期一般为3年。

（一）内地与香港科技创新合作

1. 内地与香港联合资助项目
合作协议：《内地与香港关于加强创新科技合作的安排》。
拟支持项目数：4个。
共拟支持经费：1200万元人民币。
其他要求：须联合申报。

2. 粤港澳大湾区联合研究项目
合作协议：《粤港澳大湾区发展规划纲要》。
拟支持项目数：5个。
共拟支持经费：800万元人民币。
其他要求：须有港澳单位参与。

【更正说明（7月2日发布）】
经核实，指南“（一）内地与香港科技创新合作”中“2. 粤港澳大湾区联合研究项目”的“共拟支持经费：800万元人民币”更正为“共拟支持经费：1800万元人民币”，其他内容不变。
`;
    const doc = await ingestText(text, 'corrected.txt');
    expect(doc.directions.map((d) => [d.title, d.funding?.amountCNY, d.requirements.length])).toEqual([
      ['内地与香港联合资助项目', 12_000_000, 1],
      ['粤港澳大湾区联合研究项目', 18_000_000, 1],
    ]);
    expect(doc.checks.filter((c) => c.code === 'value-corrected').map((c) => [c.stated, c.computed])).toEqual([['800万元人民币', '1800万元人民币']]);
  });
});

describe('a list without numbers inside a table cell', () => {
  it('is one requirement an item, as the bullets the browser draws part them', async () => {
    const page = `<html><body>${HEAD}<table><tr><th>序号</th><th>指南方向</th><th>拟支持项目数</th><th>国拨经费（万元）</th><th>其他要求</th></tr>
<tr><td>1</td><td>中国和芬兰联合研究项目</td><td>4</td><td>1200</td><td><ul><li>须双方同时申报。</li><li>项目实施周期3年。</li><li>鼓励企业参与。</li></ul></td></tr>
<tr><td>2</td><td>中国和挪威联合研究项目</td><td>5</td><td>1800</td><td><ul><li>须双方同时申报。</li></ul></td></tr></table><h2>二、申报要求</h2><p>申报单位须为法人单位。</p></body></html>`;
    const doc = await html(page);
    expect(doc.directions.map((d) => [d.id, d.requirements.map((r) => r.text)])).toEqual([
      ['1', ['须双方同时申报。', '项目实施周期3年。', '鼓励企业参与。']],
      ['2', ['须双方同时申报。']],
    ]);
  });
});

describe('a cap stated for each year of a project', () => {
  const doc = (years: string) =>
    ingestText(`国家重点研发计划“港澳台科技创新合作”重点专项2026年度项目申报指南

2026年度设立1个指南方向。

1.1 内地与香港联合资助项目
合作协议：《内地与香港关于加强创新科技合作的安排》。
拟支持项目数：4个。
共拟支持经费：1200万元人民币。
其他要求：每个项目每年国拨经费不超过100万元${years}。
`);

  it('is the project’s cap times the most years it may run, with a check that says so', async () => {
    const d = await doc('，实施周期不超过3年');
    expect(d.directions[0]!.perProjectCap?.amountCNY).toBe(3_000_000);
    expect(d.checks.filter((c) => c.code === 'cap-per-year').map((c) => [c.severity, c.computed, c.messageZh])).toEqual([
      ['info', 3_000_000, '方向1.1：经费上限按年写明（“每个项目每年国拨经费不超过100万元”），按实施周期最多年数折算为每个项目不超过300万元'],
    ]);
  });

  it('is no cap of a project where the direction states no years, and a warning says so', async () => {
    const d = await doc('');
    expect(d.directions[0]!.perProjectCap).toBeNull();
    expect(d.checks.filter((c) => c.code === 'cap-per-year').map((c) => c.severity)).toEqual(['warning']);
  });
});
