/**
 * Whole guidelines in layouts the tool had not been shown when they were written (issue 20): a
 * `pdftotext -layout` table with wrapped cells and repeated headers, a pipe table, a table copied
 * one cell per line, two-column pages, directions at `一、`, `方向一` under `第一部分`, full-width
 * `１．１`, all fields on one line. Values read by hand (`test/fixtures/layouts/README.md`).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diff } from '../../src/diff/index.js';
import { expectedCaseTests, expectedCases } from '../helpers/expected.js';
import { ingestText, ROOT } from '../helpers/seed.js';

const DIR = `${ROOT}test/fixtures/layouts/`;
const cases = expectedCases(DIR);

describe('guidelines in layouts no other fixture has', () => {
  it('has the cases its README lists', () => {
    expect(cases).toEqual(['fullwidth-numbering', 'key-young-cells', 'oneline-fields', 'pair-draft', 'pair-final', 'parts-fangxiang', 'table-pipe', 'table-spaced', 'toplevel-yi', 'two-column']);
  });

  describe.each(cases)('%s', (name) => expectedCaseTests(DIR, name));

  it('a spaced table: every removed piece is logged (repeated headers, page numbers)', async () => {
    const doc = await ingestText(readFileSync(`${DIR}table-spaced.txt`), 'table-spaced.txt');
    expect(doc.removed.filter((r) => r.kind === 'table-header').length).toBe(4);
    expect(doc.removed.filter((r) => r.kind === 'page-number').map((r) => r.text)).toEqual(['— 1 —', '— 2 —', '— 3 —']);
    // The funding column's unit comes from its header: 1200 → 1200万元, and the value's span is the cell.
    const d1 = doc.directions[0]!;
    expect(d1.funding?.amountCNY).toBe(12_000_000);
    const text = readFileSync(`${DIR}table-spaced.txt`, 'utf8');
    expect(text.slice(d1.funding!.span.start, d1.funding!.span.end)).toBe('1200');
    expect(text.slice(d1.titleSpan.start, d1.titleSpan.end)).toContain('中国和泰国政府间');
  });

  it('two-column pages: footnotes are logged, not read into a field', async () => {
    const doc = await ingestText(readFileSync(`${DIR}two-column.txt`), 'two-column.txt');
    expect(doc.removed.filter((r) => r.kind === 'footnote').map((r) => r.text.slice(0, 1))).toEqual(['①', '②', '③']);
    expect(doc.directions.flatMap((d) => d.requirements.map((r) => r.text)).join('')).not.toMatch(/联委会为/);
  });
});

describe('a table of labels and values under each heading', () => {
  it('gives the fields of the direction its heading names (as a web page or Word file renders it)', async () => {
    const table = (partner: string, count: number) =>
      [`| 合作协议 | 《中华人民共和国政府和${partner}政府科学技术合作协定》 |`, `| 领域方向 | 农业；能源 |`, `| 拟支持项目数 | ${count}个 |`, `| 共拟支持经费 | ${count * 300}万元 |`].join('\n');
    const text = [
      '国家重点研发计划“政府间国际科技创新合作”重点专项2026年度项目申报指南',
      '',
      '方向一 中国和智利政府间联合研究项目',
      table('智利', 3),
      '方向二 中国和泰国政府间联合研究项目',
      table('泰国', 4),
      '',
    ].join('\n');
    const doc = await ingestText(text, 'fields-tables.txt');
    expect(doc.directions.map((d) => [d.id, d.partners.map((p) => p.name), d.projectCount?.value, d.funding?.amountCNY, d.domains.length])).toEqual([
      ['1', ['智利'], 3, 9_000_000, 2],
      ['2', ['泰国'], 4, 12_000_000, 2],
    ]);
  });
});

describe('figures in prose', () => {
  const doc = (body: string) =>
    ingestText(`国家重点研发计划“政府间国际科技创新合作”重点专项2026年度项目申报指南\n\n一、领域和方向\n\n1.1 中国和匈牙利政府间联合研究项目\n\n${body}\n\n二、申报要求\n\n申报单位须为科研院所。\n`, 'prose.txt');

  it('reads a prose direction’s agreement, domains, count and total', async () => {
    const d = (await doc('本方向落实《中匈政府间科技合作委员会第十次会议纪要》，支持在农业与食品科学、清洁能源、生物医药等领域开展联合研究。本方向拟支持3个项目，国拨经费共900万元，实施周期3年。')).directions[0]!;
    expect([d.agreements.map((a) => a.title), d.domains.map((x) => x.label), d.projectCount?.value, d.funding?.amountCNY, d.duration?.maxYears]).toEqual([
      ['中匈政府间科技合作委员会第十次会议纪要'],
      ['农业与食品科学', '清洁能源', '生物医药'],
      3,
      9_000_000,
      3,
    ]);
  });

  it('reads a prose list of domains after the last verb that opens it, its last 和 parting two', async () => {
    const d = (await doc('本方向支持内地与匈牙利的高等学校、科研院所和企业围绕人工智能、集成电路和绿色低碳等领域开展联合研究（拟支持项目数：3个；经费：900万元；周期：2年）。')).directions[0]!;
    expect([d.domains.map((x) => x.label), d.projectCount?.value, d.funding?.amountCNY, d.duration?.maxYears, d.duration?.inherited]).toEqual([
      ['人工智能', '集成电路', '绿色低碳'],
      3,
      9_000_000,
      2,
      false,
    ]);
  });

  it('never reads a bare 周期 without its colon as the duration', async () => {
    const d = (await doc('本方向支持在农业与食品科学、清洁能源、生物医药等领域开展联合研究，样品检测周期不超过1个月。本方向拟支持3个项目，国拨经费共900万元。')).directions[0]!;
    expect(d.duration).toBeNull();
  });

  it('never takes what one project receives for the direction’s total', async () => {
    const d = (await doc('本方向拟支持3个项目，每个项目的国拨经费不超过300万元，实施周期3年。')).directions[0]!;
    expect([d.funding, d.perProjectCap?.amountCNY]).toEqual([null, 3_000_000]);
  });
});

describe('draft → final', () => {
  const expected = JSON.parse(readFileSync(`${DIR}pair.diff.json`, 'utf8')) as {
    removed: string[];
    added: string[];
    renumbered: [string, string][];
    split: [string, string[]][];
    merged: [string[], string][];
    modified: [string, string, string[]][];
  };
  const pair = async () => {
    const draft = await ingestText(readFileSync(`${DIR}pair-draft.txt`), 'pair-draft.txt');
    const final = await ingestText(readFileSync(`${DIR}pair-final.txt`), 'pair-final.txt');
    return diff(draft, final);
  };

  it('reports removals, additions, renumbering, splits and merges exactly', async () => {
    const d = await pair();
    // Directions that took part in a split or a merge are reported there, not as removed or added.
    const plain = d.directions.filter((x) => x.regrouped === null);
    const of = (status: string) => plain.filter((x) => x.status === status);
    expect(of('removed').map((x) => x.oldId)).toEqual(expected.removed);
    expect(of('added').map((x) => x.newId)).toEqual(expected.added);
    expect(plain.filter((x) => x.renumbered).map((x) => [x.oldId, x.newId])).toEqual(expected.renumbered);
    expect(d.regroupings.filter((r) => r.kind === 'split').map((r) => [r.oldIds[0], r.newIds])).toEqual(expected.split);
    expect(d.regroupings.filter((r) => r.kind === 'merged').map((r) => [r.oldIds, r.newIds[0]])).toEqual(expected.merged);
    expect(of('modified').map((x) => [x.oldId, x.newId, [...new Set(x.changes.map((c) => c.field))]])).toEqual([['1.2', '1.2', ['projectCount', 'funding.amountCNY']]]);
    expect(expected.modified).toEqual([['1.2', '1.2', ['projectCount', 'fundingCNY']]]);
  });

  it('unrelated directions without partners never pair as modified', async () => {
    const doc = (title: string) => `国家重点研发计划“先进材料”重点专项2026年度项目申报指南\n\n1.1 ${title}（共性关键技术类）\n\n研究内容：研究材料制备。\n\n考核指标：形成样品1批。\n\n关键词：材料\n`;
    const a = await ingestText(doc('高温合金单晶叶片制备技术'), 'a.txt');
    const b = await ingestText(doc('海洋生物多样性监测方法'), 'b.txt');
    expect(diff(a, b).directions.map((x) => x.status)).toEqual(['removed', 'added']);
  });
});

describe('bulleted lists (a Word or Google Docs export)', () => {
  const text = [
    '国家重点研发计划“政府间国际科技创新合作”重点专项2026年度项目申报指南',
    '一、领域和方向',
    '● 中国和埃及政府间联合研究项目',
    '○ 合作协议：《中埃政府间科技合作联委会第八次会议纪要》。',
    '○ 领域方向：',
    '○ 农业',
    '○ 水资源',
    '○ 可再生能源',
    '○ 医药卫生',
    '○ 拟支持项目数：8个。',
    '○ 共拟支持经费：1200万元人民币。',
    '● 中国和智利政府间联合研究项目',
    '○ 合作协议：《中智政府间科技合作混合委员会第十五次会议纪要》。',
    '○ 领域方向：天文；地震监测。',
    '○ 拟支持项目数：5个。',
    '二、申报要求',
    '申报单位须为科研院所。',
  ].join('\n');

  it('reads bullets over fields as titles, and the items a label with no value opens as its values', async () => {
    const doc = await ingestText(text, 'bullets.txt');
    expect(doc.directions.map((d) => [d.title, d.domains.map((x) => x.label), d.projectCount?.value])).toEqual([
      ['中国和埃及政府间联合研究项目', ['农业', '水资源', '可再生能源', '医药卫生'], 8],
      ['中国和智利政府间联合研究项目', ['天文', '地震监测'], 5],
    ]);
  });
});

describe('a 揭榜挂帅 list numbered 领域-方向-任务, its targets in a tab-separated table', () => {
  const task = (id: string, title: string, rows: readonly string[], support: string) => [
    `任务${id}\u3000${title}`,
    `揭榜任务：研制${title}，突破关键技术。`,
    '预期目标：到2028年，产品主要指标达到以下要求：',
    '序号\t指标名称\t指标值',
    ...rows.map((r, k) => `${k + 1}\t${r}`),
    '揭榜条件：（1）揭榜单位应具有研发基础；（2）应与整机企业签订应用协议。',
    `支持方式：${support}`,
    '',
  ];
  const text = [
    '2026年未来产业创新任务揭榜挂帅申报指南',
    '',
    '一、支持方式',
    '（一）中央财政资金对每家揭榜单位的支持原则上不超过2000万元。',
    '（二）攻关期限原则上不超过3年。',
    '',
    '二、揭榜任务',
    '',
    '领域1\u3000人形机器人',
    '方向1-1\u3000核心部组件',
    ...task('1-1-1', '一体化关节模组', ['峰值扭矩密度\t≥200 N·m/kg', '重复定位精度\t≤±0.01°', '平均无故障工作时间\t≥10000 h'], '拟遴选揭榜单位不超过2家，单家中央财政资金支持不超过1500万元，攻关期限36个月。'),
    ...task('1-1-2', '高自由度灵巧手', ['主动自由度\t≥20', '指尖力\t≥15 N'], '按本指南“一、支持方式”执行。'),
    '领域2\u3000脑机接口',
    '方向2-1\u3000关键器件',
    ...task('2-1-1', '柔性植入式电极', ['通道数\t≥1024', '信噪比\t≥10 dB'], '拟遴选揭榜单位不超过3家，单家中央财政资金支持不超过1200万元，攻关期限24个月。'),
    '三、揭榜单位条件',
    '揭榜单位须为在中华人民共和国境内注册的企业。',
  ].join('\n');

  it('reads each task by its three numbers, a winner’s cap as one project’s, and the table’s rows as its targets', async () => {
    const doc = await ingestText(text, 'miit-tasks.txt');
    expect(doc.directions.map((d) => [d.id, d.title, d.funding?.amountCNY ?? null, d.perProjectCap?.amountCNY, d.perProjectCap?.inherited ?? false, d.duration?.maxYears, d.indicators.map((i) => i.text), d.requirements.length])).toEqual([
      ['1.1.1', '一体化关节模组', null, 15_000_000, false, 3, ['1 峰值扭矩密度 ≥200 N·m/kg', '2 重复定位精度 ≤±0.01°', '3 平均无故障工作时间 ≥10000 h'], 2],
      ['1.1.2', '高自由度灵巧手', null, 20_000_000, true, 3, ['1 主动自由度 ≥20', '2 指尖力 ≥15 N'], 2],
      ['2.1.1', '柔性植入式电极', null, 12_000_000, false, 2, ['1 通道数 ≥1024', '2 信噪比 ≥10 dB'], 2],
    ]);
    expect(doc.removed.filter((r) => r.kind === 'table-header').map((r) => r.text)).toContain('指标名称');
  });
});

describe('a table whose repeated cells are ditto marks or blank', () => {
  const row = (c: readonly string[]) => `| ${c.join(' | ')} |`;
  const text = (note: boolean) =>
    [
      '国家重点研发计划“政府间国际科技创新合作”重点专项2026年度第二批项目申报指南',
      '',
      '一、指南方向',
      '',
      row(['序号', '指南方向', '合作国家', '合作协议', '领域方向', '拟支持项目数（个）', '国拨经费（万元）']),
      row(['---', '---', '---', '---', '---', '---', '---']),
      row(['1', '中国和俄罗斯政府间联合研发项目', '俄罗斯', '《中俄总理定期会晤委员会科技合作分委会第二十九届例会会议纪要》', '先进材料；人工智能', '15', '4500']),
      row(['2', '中国和俄罗斯大科学装置合作研究项目', '', '', '高能物理；核物理', '3', '1500']),
      row(['3', '中国和俄罗斯、白俄罗斯国家联合实验室项目', '俄罗斯、白俄罗斯', '同上；《中白政府间合作委员会科技合作分委会第七次会议纪要》', '绿色技术', '约10', '”']),
      row(['4', '中国和白俄罗斯政府间联合研究项目', '白俄罗斯', '《中白政府间合作委员会科技合作分委会第七次会议纪要》', '同上', '〃', '1000']),
      '',
      ...(note ? ['注：表中“〃”“同上”及空白单元格，表示与上一行相同。', ''] : []),
      '二、申报要求',
      '',
      '申报单位须为科研院所。',
    ].join('\n');

  it('reads each mark as the cell above, `同上；《…》` as it and more, and blank cells as the row above where a note says so', async () => {
    const doc = await ingestText(text(true), 'ditto.txt');
    expect(doc.directions.map((d) => [d.partners.map((p) => p.name), d.agreements.map((a) => a.title.slice(0, 6)), d.domains.map((x) => x.label), d.projectCount?.value, d.funding?.amountCNY])).toEqual([
      [['俄罗斯'], ['中俄总理定期'], ['先进材料', '人工智能'], 15, 45_000_000],
      [['俄罗斯'], ['中俄总理定期'], ['高能物理', '核物理'], 3, 15_000_000],
      [['俄罗斯', '白俄罗斯'], ['中俄总理定期', '中白政府间合'], ['绿色技术'], 10, 15_000_000],
      [['白俄罗斯'], ['中白政府间合'], ['绿色技术'], 10, 10_000_000],
    ]);
  });

  it('leaves a blank cell blank where no note says it repeats', async () => {
    const doc = await ingestText(text(false), 'ditto.txt');
    expect(doc.directions[1]!.agreements).toEqual([]);
  });
});

describe('kinds of project with figures of their own, each direction naming its kind in a field', () => {
  const text = [
    '中国科学院国际伙伴计划2026年度项目指南',
    '',
    '本年度发布3个研究方向。',
    '',
    '一、项目类别与资助方式',
    '（一）国际大科学计划培育专项',
    '1.资助强度：每项院拨经费不超过1500万元。',
    '2.执行期：3年（2026年7月—2029年6月）。',
    '（二）对外合作重点项目',
    '1.资助强度：每项院拨经费不超过300万元。',
    '2.执行期：原则上不超过3年。',
    '',
    '二、研究方向',
    '1.平方公里阵列射电望远镜先导科学研究',
    '项目类别：国际大科学计划培育专项',
    '合作国家（地区）：澳大利亚、南非',
    '研究内容：开展先导科学研究。',
    '2.月球科研站国际合作载荷预研',
    '项目类别：对外合作重点项目',
    '合作国家（地区）：俄罗斯、泰国',
    '研究内容：开展载荷方案设计。',
    '3.青藏高原环境变化国际联合研究',
    '项目类别：对外合作重点项目',
    '合作国家（地区）：尼泊尔',
    '研究内容：开展联合观测。',
    '执行期：2年。',
    '',
    '三、申报要求',
    '申报单位须为院属单位。',
  ].join('\n');

  it('each direction takes the cap and period of its kind, never the first kind’s as every direction’s', async () => {
    const doc = await ingestText(text, 'kinds.txt');
    expect(doc.directions.map((d) => [d.id, d.perProjectCap?.amountCNY, d.duration?.maxYears, d.duration?.qualifier, d.duration?.inherited])).toEqual([
      ['1', 15_000_000, 3, 'exact', true],
      ['2', 3_000_000, 3, 'atMost', true],
      ['3', 3_000_000, 2, 'exact', false],
    ]);
    expect([doc.summary.defaultPerProjectCap, doc.summary.defaultDuration]).toEqual([null, null]);
  });
});

describe('directions as one sentence after a dash, their figures without labels', () => {
  const text = [
    '国家重点研发计划“政府间国际科技创新合作”重点专项2026年度第二批项目申报指南',
    '',
    '一、领域和方向',
    '',
    '（一）双边联合研究项目',
    '',
    '　　1.中国和葡萄牙政府间联合研究项目——依据《中华人民共和国政府和葡萄牙共和国政府科学技术合作协定》，在海洋科学、可再生能源、数字技术领域开展联合研究（拟支持4项，1200万元，3年）；其他要求：合作项目须双方同时申报。',
    '',
    '　　2.中国和匈牙利政府间联合研究项目——在《中华人民共和国和匈牙利科学技术合作委员会第十一届例会议定书》框架下，围绕生命科学、绿色技术、基础科学开展合作（3年，约5项，1500万元）。',
    '',
    '　　3.中国和克罗地亚政府间联合研究项目——合作协议：《中华人民共和国政府和克罗地亚共和国政府科学技术合作协定》；不超过4项（拟支持项目数），约1000万元（国拨经费），36个月（实施周期）。',
    '',
    '　　4.中国和罗马尼亚政府间联合研究项目——依据《中罗科技合作委员会第十届例会议定书》，在激光技术、生物医药领域开展联合研究（拟支持3项，900万元，2028年）。',
    '',
    '（二）多边合作项目',
    '',
    '　　1.金砖国家联合研究项目——依据《金砖国家政府间科技创新合作谅解备忘录》，在新能源、天文学领域开展合作（拟支持6项，1800万元，3年）。',
    '',
    '二、申报要求',
    '',
    '申报单位须为科研院所。',
  ].join('\n');

  it('reads each as a direction, and its count, total and period from a bracket of figures or from labels after the values', async () => {
    const doc = await ingestText(text, 'dash.txt');
    expect(doc.directions.map((d) => [d.id, d.title, d.agreements.length, d.projectCount?.value, d.projectCount?.qualifier, d.funding?.amountCNY, d.duration?.maxYears ?? null])).toEqual([
      ['1.1', '中国和葡萄牙政府间联合研究项目', 1, 4, 'exact', 12_000_000, 3],
      ['1.2', '中国和匈牙利政府间联合研究项目', 1, 5, 'about', 15_000_000, 3],
      ['1.3', '中国和克罗地亚政府间联合研究项目', 1, 4, 'atMost', 10_000_000, 3],
      ['1.4', '中国和罗马尼亚政府间联合研究项目', 1, 3, 'exact', 9_000_000, null],
      ['2.1', '金砖国家联合研究项目', 1, 6, 'exact', 18_000_000, 3],
    ]);
    // A year where the period stands is a doubt, no period.
    expect(doc.checks.some((c) => c.code === 'value-implausible' && c.directionId === '1.4')).toBe(true);
  });
});

describe('a direction whose text is parted by side (`【欧方】` / `【中方】`)', () => {
  const topic = (id: string, title: string, euCount: number, count: string) => [
    `${id}　${title}`,
    '【欧方】',
    '行动类型：研究与创新行动（RIA）',
    '主题预算：约2400万欧元',
    `预计资助项目数：${euCount}个`,
    '截止日期：2026年9月16日',
    '【中方】',
    `拟支持项目数：${count}`,
    '其他要求：中方团队应具备相关研究基础。',
    '',
  ];
  const text = [
    '国家重点研发计划“政府间国际科技创新合作”重点专项2026年度中国—欧盟科技创新合作联合资助机制项目申报指南',
    '',
    '一、指南方向',
    '',
    ...topic('1.1', 'HORIZON-HLTH-2026-DISEASE-04-02：抗微生物药物耐药性综合监测', 3, '不超过2个'),
    ...topic('1.2', 'HORIZON-CL5-2026-D3-01-05：新型光伏组件', 4, '1个'),
    '二、申报要求',
    '',
    '申报单位须为科研院所。',
  ].join('\n');

  it('reads the count under 【中方】, the partner side’s under 【欧方】 kept as text', async () => {
    const doc = await ingestText(text, 'sides.txt');
    expect(doc.directions.map((d) => [d.id, d.projectCount?.value, d.projectCount?.qualifier])).toEqual([
      ['1.1', 2, 'atMost'],
      ['1.2', 1, 'exact'],
    ]);
  });
});

describe('an editor’s Markdown export with inline HTML', () => {
  const text = [
    '# 国家重点研发计划“港澳台科技创新合作”重点专项2026年度项目申报指南',
    '',
    '2026年度本专项设立<font style="color:#DF2A3F;">2</font>个指南方向，拟支持项目数<font style="color:#DF2A3F;">12</font>个。',
    '',
    '## 一、领域和方向',
    '',
    '### （一）内地与澳门科技合作',
    '#### 1.1 内地与澳门联合资助项目',
    '**合作协议：**《内地与澳门科技合作委员会第十六次会议纪要》。<br/>**领域方向：**中医药；集成电路。<br/>**拟支持项目数：**8个。',
    '',
    '<a name="Hs7yM"></a>',
    '#### <font style="color:#DF2A3F;">1.2 横琴粤澳深度合作区科技创新合作项目</font>',
    '**合作协议：**《横琴粤澳深度合作区建设总体方案》。',
    '',
    '**拟支持项目数：**4个。',
    '',
    '**其他要求：**须有企业参与。',
    '',
    '<a name="Ka3wF"></a>',
    '## 二、申报要求',
    '',
    '申报单位须为科研院所。',
  ].join('\n');

  it('reads a heading inside `<font>`, fields parted only by `<br/>`, and no empty anchor as text', async () => {
    const doc = await ingestText(text, 'yuque.md');
    expect(doc.directions.map((d) => [d.id, d.title, d.domains.map((x) => x.label), d.projectCount?.value, d.requirements.map((r) => r.text)])).toEqual([
      ['1.1', '内地与澳门联合资助项目', ['中医药', '集成电路'], 8, []],
      ['1.2', '横琴粤澳深度合作区科技创新合作项目', [], 4, ['须有企业参与。']],
    ]);
    expect(doc.summary.directionCount?.value).toBe(2);
  });
});
