/**
 * The seed draft, end to end: every direction's values as the document states them.
 */
import { describe, expect, it } from 'vitest';
import type { Direction, Domain } from '../../src/schema/guideline.js';
import { Guideline } from '../../src/schema/guideline.js';
import { seed } from '../helpers/seed.js';
import { toMarkdown } from '../../src/report/index.js';
import { displayWidth } from '../../src/lexicon/chars.js';

type Row = [
  id: string,
  title: string,
  partners: string[],
  kind: string,
  projects: [number, string],
  fundingWan: [number, string],
  duration: [number | null, number | null, string, string | null, boolean],
  requirements: number,
  domains: number,
  agreements: number,
];

// prettier-ignore
const EXPECTED: Row[] = [
  ['1.1', '中国和越南政府间联合研究项目', ['越南'], '联合研究项目', [4, 'exact'], [800, 'exact'], [3, 3, 'exact', null, false], 1, 4, 1],
  ['1.2', '中国和马来西亚政府间联合研究项目', ['马来西亚'], '联合研究项目', [6, 'exact'], [250, 'exact'], [2, 2, 'exact', null, false], 1, 5, 1],
  ['1.3', '中国和缅甸政府间联合研究项目', ['缅甸'], '联合研究项目', [10, 'exact'], [1500, 'exact'], [3, 3, 'exact', null, false], 1, 6, 1],
  ['1.4', '中国科技部与日本国际协力机构（JICA）联合研究项目', ['日本'], '联合研究项目', [20, 'exact'], [6000, 'exact'], [2, 3, 'exact', 'usually', true], 2, 6, 1],
  ['1.5', '中国-欧盟科技创新合作联合资助机制一般类研究创新合作项目', ['欧盟'], '一般类研究创新合作项目', [10, 'about'], [3000, 'about'], [null, 4, 'atMost', 'inPrinciple', false], 6, 2, 1],
  ['1.6', '中国和西班牙政府间科技合作项目', ['西班牙'], '科技合作项目', [20, 'exact'], [6000, 'exact'], [2, 3, 'exact', 'inPrinciple', false], 5, 6, 2],
  ['1.7', '中国和芬兰政府间科技合作项目', ['芬兰'], '科技合作项目', [15, 'atMost'], [6000, 'exact'], [null, 3, 'atMost', 'inPrinciple', false], 7, 3, 1],
  ['1.8', '中国和奥地利政府间科技合作项目', ['奥地利'], '科技合作项目', [15, 'atMost'], [3000, 'exact'], [null, 2, 'atMost', 'inPrinciple', false], 6, 4, 1],
  ['1.9', '中国和奥地利政府间产学研合作项目', ['奥地利'], '产学研合作项目', [5, 'about'], [1000, 'exact'], [null, 3, 'atMost', 'inPrinciple', false], 5, 1, 1],
  ['2.0', '中国和匈牙利政府间联合研发项目', ['匈牙利'], '联合研发项目', [10, 'atMost'], [1500, 'exact'], [3, 3, 'exact', null, false], 1, 5, 1],
  ['2.1', '中国和匈牙利国家联合实验室项目', ['匈牙利'], '国家联合实验室项目', [2, 'exact'], [400, 'exact'], [3, 3, 'exact', 'usually', false], 8, 2, 1],
  ['2.2', '中国和俄罗斯、白俄罗斯国家联合实验室项目', ['俄罗斯', '白俄罗斯'], '国家联合实验室项目', [15, 'exact'], [3000, 'exact'], [3, 3, 'exact', 'usually', false], 8, 9, 2],
  ['2.3', '中国和斯洛文尼亚政府间联合研发项目', ['斯洛文尼亚'], '联合研发项目', [5, 'atMost'], [500, 'exact'], [3, 3, 'exact', null, false], 1, 5, 1],
  ['2.4', '中国和白俄罗斯政府间联合研究旗舰项目', ['白俄罗斯'], '联合研究旗舰项目', [3, 'exact'], [1500, 'exact'], [3, 3, 'exact', null, false], 1, 3, 1],
  ['2.5', '中国和俄罗斯政府间联合研发项目', ['俄罗斯'], '联合研发项目', [15, 'exact'], [4500, 'exact'], [3, 3, 'exact', null, false], 1, 11, 1],
];

const byId = (directions: readonly Direction[], id: string): Direction => {
  const d = directions.find((x) => x.id === id);
  if (!d) throw new Error(`no direction ${id}`);
  return d;
};

const labels = (ds: readonly Domain[]): string[] => ds.map((d) => d.label);

describe('the seed draft', () => {
  it('has the 15 directions in order, 2.0 kept as printed with ordinal 10', async () => {
    const { doc } = await seed();
    expect(doc.directions.map((d) => d.id)).toEqual(EXPECTED.map((r) => r[0]));
    expect(doc.directions.map((d) => d.ordinal)).toEqual(EXPECTED.map((_, i) => i + 1));
    expect(byId(doc.directions, '2.0').ordinal).toBe(10);
  });

  it.each(EXPECTED)('direction %s: title, partners, kind, counts, funding, duration', async (id, title, partners, kind, projects, funding, duration, requirements, domains, agreements) => {
    const { doc } = await seed();
    const d = byId(doc.directions, id);
    expect(d.title).toBe(title);
    expect(d.partners.map((p) => p.name)).toEqual(partners);
    expect(d.kind).toBe(kind);
    expect([d.projectCount?.value, d.projectCount?.qualifier]).toEqual(projects);
    expect([d.funding?.amountCNY, d.funding?.qualifier]).toEqual([funding[0] * 10_000, funding[1]]);
    expect(d.funding?.perProjectCapCNY).toBeUndefined();
    expect(d.perProjectCap).toBeNull();
    expect([d.duration?.minYears, d.duration?.maxYears, d.duration?.qualifier, d.duration?.hedge, d.duration?.inherited]).toEqual(duration);
    expect(d.requirements).toHaveLength(requirements);
    expect(d.domains).toHaveLength(domains);
    expect(d.agreements).toHaveLength(agreements);
  });

  it('reads the stated values as printed', async () => {
    const { doc } = await seed();
    expect(byId(doc.directions, '1.5').projectCount?.text).toBe('10个项目左右');
    expect(byId(doc.directions, '1.5').funding?.text).toBe('3000万元人民币左右');
    expect(byId(doc.directions, '1.7').projectCount?.text).toBe('不超过15个');
    expect(byId(doc.directions, '1.9').projectCount?.text).toBe('5个左右');
    expect(byId(doc.directions, '1.5').duration?.text).toBe('实施周期原则上不超过4年');
    expect(byId(doc.directions, '1.6').duration?.text).toBe('实施周期原则上为2～3年');
    expect(byId(doc.directions, '2.1').duration?.text).toBe('实施周期一般为3年');
    expect(byId(doc.directions, '1.4').duration?.text).toBe('实施周期一般为2~3年');
  });

  it('reads agreements without line breaks, in order', async () => {
    const { doc } = await seed();
    expect(byId(doc.directions, '1.1').agreements.map((a) => a.title)).toEqual(['中越政府间科技合作联委会第十一次会议议定书']);
    expect(byId(doc.directions, '1.4').agreements.map((a) => a.title)).toEqual(['中国科技部与日本国际协力机构关于2023—2025年共同研究的谅解备忘录']);
    expect(byId(doc.directions, '1.6').agreements.map((a) => a.title)).toEqual([
      '中华人民共和国科学技术部与西班牙王国科学和创新部关于重点领域科技创新合作的谅解备忘录',
      '中国科技部国际合作司—西班牙国家工业技术发展署2023中西创新合作项目联合征集（中西卡计划）资助条件',
    ]);
    expect(byId(doc.directions, '2.2').agreements.map((a) => a.title)).toEqual([
      '中俄总理定期会晤委员会科技合作分委会第二十八届例会会议纪要',
      '中白政府间合作委员会科技合作分委会第五次会议纪要',
    ]);
  });

  it('splits labelled domains into label and detail', async () => {
    const { doc } = await seed();
    const d = byId(doc.directions, '1.1');
    expect(d.domains.map((x) => [x.marker, x.label, x.detail])).toEqual([
      ['（1）', '医药卫生', '传统药物和草药'],
      ['（2）', '自动化技术', '服务式机器人'],
      ['（3）', '水资源', '适应气候变化的流域水资源管理'],
      ['（4）', '防灾减灾', '多灾害预警系统'],
    ]);
    expect(labels(byId(doc.directions, '1.2').domains)).toEqual(['储能技术', '人用疫苗', '空间技术', '人工智能', '区块链和先进材料']);
    expect(labels(byId(doc.directions, '1.4').domains)).toEqual(['环境', '节能', '碳中和', '医疗（含应对老龄化）', '农业', '减灾防灾']);
    expect(byId(doc.directions, '1.6').domains[1]).toMatchObject({ label: '生产技术', detail: '包括智能制造' });
  });

  it('keeps 2.2’s nine domains intact across the URL artefact lines', async () => {
    const { doc } = await seed();
    expect(labels(byId(doc.directions, '2.2').domains)).toEqual([
      '绿色技术与环境保护',
      '生命科学与健康',
      '现代农业技术',
      '航空航天',
      '人工智能',
      '先进材料',
      '信息通信技术',
      '海洋和海事技术',
      '先进制造',
    ]);
  });

  it('nests 1.7’s three-level domain list', async () => {
    const { doc } = await seed();
    const d = byId(doc.directions, '1.7');
    expect(d.domains.map((x) => [x.marker, x.label])).toEqual([
      ['一、', '气候变化和可持续发展'],
      ['二、', '循环经济'],
      ['三、', '健康与老年科技'],
    ]);
    const [climate, circular, health] = d.domains;
    expect(climate!.children.map((x) => x.label)).toEqual(['绿色和可持续能源', '绿色和可持续交通', '绿色和可持续制造', '绿色和可持续建造', '绿色和可持续产业园']);
    expect(climate!.children[0]!.children.map((x) => x.label)).toEqual([
      '智能电网技术',
      '清洁能源生产技术',
      '可再生能源',
      '高能效系统和流程',
      '废物转化为能源和生物能源的生产（例如生物燃料和沼气）',
    ]);
    expect(climate!.children[3]!.detail).toMatch(/^建筑建造行业的碳中和解决方案，包括但不限于木构建造/);
    expect(circular!.detail).toBe('生物和循环经济');
    expect(circular!.children.map((x) => x.label)).toEqual(['可持续生物基材料包装', '塑料和纺织品回收', '废物处理与回收', '其他材料（如：金属）处理与回收']);
    expect(health!.children.map((x) => [x.marker, x.label, x.children.length])).toEqual([
      ['（一）', '数字健康', 5],
      ['（二）', '老龄科技', 5],
      ['（三）', '体外诊断（IVDs）', 2],
      ['（四）', '生命科学领域', 4],
    ]);
  });

  it('gives 1.9 one domain with its two listed directions', async () => {
    const { doc } = await seed();
    const [only] = byId(doc.directions, '1.9').domains;
    expect(only!.label).toBe('交通转型');
    expect(only!.children.map((x) => x.marker)).toEqual(['（1）', '（2）']);
  });

  it('reads requirements, inline and listed, with their labels', async () => {
    const { doc } = await seed();
    expect(byId(doc.directions, '1.1').requirements).toMatchObject([{ label: null, text: '合作项目必须双方同时申报，单方申报无效。项目实施周期3年。' }]);
    const r17 = byId(doc.directions, '1.7').requirements;
    expect(r17.map((r) => r.label)).toEqual(['（1）', '（2）', '（3）', '（4）', '（5）', '（6）', '（7）']);
    // The continuation line that starts with `（` is part of (1), not a list item of its own.
    expect(r17[0]!.text).toBe('项目参与方须至少包括一家中方单位和一家芬方单位（芬方要求企业牵头，其他要求参见芬方指南），并分别向本国的项目征集部门提交申报材料，单方申报无效。');
    expect(r17[6]!.text).toBe('中芬双方申报单位要同时填写并提交双边合作表格，见链接：待定。');
    expect(byId(doc.directions, '1.9').requirements[2]!.text).toBe('中奥双方合作伙伴须在申请前签署明确的知识产权协议。');
  });

  it('sets the flags a reader filters on', async () => {
    const { doc } = await seed();
    const flags = (id: string): string[] =>
      Object.entries(byId(doc.directions, id).flags)
        .filter(([, f]) => f.value)
        .map(([k]) => k);
    expect(flags('1.1')).toEqual(['jointApplication']);
    expect(flags('1.4')).toEqual(['jointApplication', 'companyRequired']);
    expect(flags('1.5')).toEqual([]);
    expect(flags('1.6')).toEqual(['jointApplication', 'matchingFunds', 'ipAgreement', 'companyRequired']);
    expect(flags('1.7')).toEqual(['jointApplication', 'matchingFunds', 'ipAgreement', 'companyRequired', 'placeholders']);
    expect(flags('1.8')).toEqual(['jointApplication', 'matchingFunds', 'ipAgreement']);
    expect(flags('2.1')).toEqual(['ipAgreement', 'placeholders']);
    expect(byId(doc.directions, '2.1').flags.placeholders.evidence).toHaveLength(2);
    expect(byId(doc.directions, '1.4').flags.jointApplication.evidence.map((e) => e.text)).toEqual(['分别向科技部和日本JICA申报', '单方申报项目无效']);
    // Matching funds stated as `至少与其获得的政府资助等额的配套出资`: at least 1:1, where the text says so.
    const matching = (id: string) => byId(doc.directions, id).conditions.matchingRatio;
    expect(['1.5', '1.6', '1.7', '1.8', '1.9'].map((id) => matching(id) && [matching(id)!.other, matching(id)!.central, matching(id)!.qualifier])).toEqual([null, [1, 1, 'atLeast'], [1, 1, 'atLeast'], [1, 1, 'atLeast'], [1, 1, 'atLeast']]);
    expect(matching('1.9')!.text).toBe('至少与其获得的政府资助等额的配套出资');
  });

  it('reads the document’s own facts', async () => {
    const { doc } = await seed();
    expect(doc.document).toMatchObject({
      id: '2025-batch1-draft',
      title: '国家重点研发计划“政府间国际科技创新合作”重点专项2025年度第一批项目申报指南',
      titleSource: 'inferred',
      programme: '国家重点研发计划',
      specialProject: '政府间国际科技创新合作',
      year: 2025,
      batch: 1,
      status: 'draft',
      source: { path: 'corpus/2025-batch1-draft.txt', format: 'text', encoding: 'utf-8', bytes: 28066, pages: 20, pageNumbering: 'printed' },
    });
    const s = doc.summary;
    expect([s.directionCount?.value, s.partnerCount?.value]).toEqual([15, 12]);
    expect([s.projectCount?.value, s.projectCount?.qualifier]).toEqual([155, 'about']);
    expect([s.fundingTotal?.amountCNY, s.fundingTotal?.text]).toEqual([402_000_000, '4.02亿元人民币']);
    expect(s.defaultDuration).toMatchObject({ minYears: 2, maxYears: 3, qualifier: 'exact', hedge: 'usually' });
  });

  it('reports the funding total that does not add up, with both figures', async () => {
    const { doc } = await seed();
    const check = doc.checks.find((c) => c.code === 'funding-total-mismatch');
    expect(check).toMatchObject({ severity: 'warning', stated: 402_000_000, computed: 389_500_000 });
    expect(check!.span).toMatchObject({ line: 66, page: 3 });
    expect(check!.message).toContain('4.02亿元');
    expect(check!.message).toContain('3.895亿元');
  });

  it('reports every doubt, and only those', async () => {
    const { doc } = await seed();
    expect(doc.checks.map((c) => [c.code, c.directionId, c.span?.line])).toEqual([
      ['title-inferred', null, 27],
      ['funding-total-mismatch', null, 66],
      ['duration-inherited', '1.4', 128],
      ['placeholder', '1.7', 431],
      ['numbering-rollover', '2.0', 517],
      ['placeholder', '2.1', 576],
      ['placeholder', '2.1', 599],
      ['placeholder', '2.2', 681],
      ['placeholder', '2.2', 704],
    ]);
  });

  it('removes and logs every artefact', async () => {
    const { doc } = await seed();
    const lines = (kind: string): (number | null)[] => doc.removed.filter((r) => r.kind === kind).map((r) => r.line);
    expect(lines('url-artefact')).toEqual([594, 595, 596, 641, 642, 643, 644, 689, 690, 691, 736, 737, 738, 739]);
    expect(doc.removed.filter((r) => r.kind === 'page-number')).toEqual([
      { kind: 'page-number', text: '— 18 —', line: 742, start: expect.any(Number), end: expect.any(Number), page: 18 },
    ]);
    expect(lines('page-start-indent')).toEqual([1, 34, 77, 120, 163, 206, 249, 292, 335, 378, 421, 464, 507, 550, 597, 645, 692, 787]);
    expect(doc.removed.filter((r) => r.kind === 'page-start-indent').every((r) => r.text === ' ')).toBe(true);
    // `15个` and `15 个` are the same: the spaces extraction put between CJK and digits go.
    expect(doc.removed.filter((r) => r.kind === 'cjk-space')).toHaveLength(76);
    expect(doc.removed.find((r) => r.line === 62 && r.kind === 'cjk-space')).toMatchObject({ text: ' ', page: 3 });
  });

  it('leaves no artefact in the text it keeps', async () => {
    const { doc } = await seed();
    const all = JSON.stringify(doc.sections);
    expect(all).not.toContain('https://');
    expect(all).not.toContain('— 18 —');
    expect(all).toContain('现代农业技术');
    expect(all).toContain('区块链和先进材料');
    expect(all).toContain('会议议定书》');
  });

  it('renders Markdown that reads like the document: its headings, no noise, tables that line up', async () => {
    const { doc } = await seed();
    const md = toMarkdown(doc);
    const lines = md.split('\n');
    expect(lines[0]).toBe('# 国家重点研发计划“政府间国际科技创新合作”重点专项2025年度第一批项目申报指南');
    expect(lines.filter((l) => /^## /.test(l))).toEqual(['## 一、总体目标', '## 二、领域和方向', '## 检查', '## 已清除的版面噪声']);
    expect(lines.filter((l) => /^### /.test(l)).map((l) => l.slice(4, 7))).toEqual(EXPECTED.map(([id]) => id));
    expect(md).not.toMatch(/https:\/\/service\.most\.gov\.cn\/kjjh_tztg_all\/zn\/20240401\.html）。外方/);
    expect(md).not.toContain('— 18 —');
    expect(md).toContain('现代农业技术');
    // Every table's rows have the same display width (a CJK character takes two columns).
    const tableRows = lines.filter((l) => l.startsWith('|'));
    expect(tableRows.length).toBeGreaterThan(15 * 8);
    let widths = new Set<number>();
    for (const [k, l] of lines.entries()) {
      if (!l.startsWith('|')) continue;
      if (!lines[k - 1]?.startsWith('|')) widths = new Set();
      widths.add(displayWidth(l));
      expect(widths.size).toBe(1);
    }
  });

  it('parses back through the schema', async () => {
    const { doc } = await seed();
    expect(Guideline.parse(JSON.parse(JSON.stringify(doc)))).toEqual(doc);
  });
});
