/**
 * Wordings and shapes read since 1.104 (sets 144–151), each on a small whole document: references
 * to another direction's research content, indicators and keywords, and a 有关说明 `同上` bringing
 * its figures; a category with a word after it in the title's bracket; an amount about which each
 * project is given is no cap; a direction closed in this batch kept with a check; the countries a
 * sentence lists for the title's region; a 专题方向 column as the title, a province's money per project.
 */
import { describe, expect, it } from 'vitest';
import { ingestText } from '../helpers/seed.js';

const KP = `国家重点研发计划“流域水安全保障”重点专项2028年度项目申报指南

本专项2028年度拟启动4个指南方向，拟安排国拨经费1.2亿元。除特殊说明外，每个指南方向拟支持项目数为1～2项，实施周期不超过4年。

1. 流域水污染治理
1.1 湖泊面源污染生态拦截技术（共性关键技术类）
研究内容：针对长江中下游湖泊面源污染负荷高的问题，研发生态拦截与原位削减技术。
考核指标：（1）面源污染负荷削减30%以上；（2）建成示范区2个。
关键词：面源污染、生态拦截、湖泊治理
有关说明：拟支持不超过3项，每项国拨经费1500万元左右。
1.2 湖泊面源污染生态拦截技术（部省联动任务）
研究内容：同1.1。
考核指标：同1.1。
关键词：同1.1。
有关说明：同上。
2. 流域水安全监测
2.1 重点流域水安全监测预警关键技术（共性关键技术类，涉密）
研究内容：（略）
考核指标：（略）
关键词：（略）
有关说明：拟支持1项。
2.2 流域洪水智能预报技术（基础研究类）
研究内容：研究流域洪水多源数据融合预报方法。
考核指标：预报精度提高10%。
关键词：洪水预报、数据融合
有关说明：每个项目国拨经费不超过800万元。
`;

const GJHZ = `国家重点研发计划“政府间国际科技创新合作”重点专项2028年度第三批项目申报指南

本批项目设立3个指南方向，拟支持项目数8个，国拨经费总概算2400万元。项目实施周期一般为3年。

1. 中国和中亚国家政府间联合研究项目
合作协议：《中国—中亚科技创新合作行动计划》。
领域方向：农业；能源；水资源。
拟支持项目数：4个。
共拟支持经费：1200万元。
其他要求：外方合作单位应来自哈萨克斯坦、吉尔吉斯斯坦、塔吉克斯坦、乌兹别克斯坦等中亚国家，每个项目至少有一家外方合作单位。
2. 中国和智利政府间联合研究项目
合作协议：《中智科技合作联委会第五次会议纪要》。
领域方向：天文；铜矿开采。
拟支持项目数：4个。
共拟支持经费：1200万元。
3. 中国和澳门联合资助项目（海洋科学）（本批次不受理）
合作协议：另行发布。
拟支持项目数：另行发布。
共拟支持经费：另行发布。
`;

const GD = `<html><body><h1>2027年度广东省粤港澳台科技创新合作项目申报指南</h1>
<p>2027年度共设置3个专题方向，拟支持项目约9项，省财政资金总额1600万元。每个项目省财政资助原则上不超过300万元。</p>
<table><tr><th>序号</th><th>合作地区</th><th>专题方向</th><th>领域方向</th><th>拟支持项目数（项）</th><th>省财政资金（万元）</th><th>实施周期</th><th>其他要求</th></tr>
<tr><td>1</td><td>香港</td><td>粤港联合资助项目（人工智能）</td><td>大模型；智能机器人</td><td>4</td><td>1000</td><td>3年</td><td>须同步申报。</td></tr>
<tr><td>2</td><td>香港</td><td>粤港科技创新联合实验室项目</td><td>量子科技；海洋科学</td><td>1</td><td>300</td><td>3年</td><td>须已共建联合实验室。</td></tr>
<tr><td>3</td><td>澳门</td><td>粤澳青年科技人员交流合作项目</td><td>人工智能；新材料</td><td>4</td><td>300</td><td>2年</td><td>（1）须与澳门合作单位同步申报。（2）每个项目省财政资助75万元。</td></tr>
</table></body></html>`;

describe('since 1.104', () => {
  it('copies another direction’s content, indicators and keywords, and the figures a 有关说明 `同上` states', async () => {
    const d = await ingestText(Buffer.from(KP), 'kp-refs.txt');
    const by = (id: string) => d.directions.find((x) => x.id === id)!;
    expect(by('1.2').keywords.map((k) => k.text)).toEqual(['面源污染', '生态拦截', '湖泊治理']);
    expect(by('1.2').indicators).toHaveLength(2);
    expect(by('1.2').researchContent[0]!.text).toMatch(/^针对长江中下游湖泊/);
    expect(by('1.2').projectCount).toMatchObject({ value: 3, qualifier: 'atMost' });
    // `每项国拨经费1500万元左右`: about, no cap.
    expect(by('1.1').perProjectCap).toBeNull();
    expect(by('2.1').category).toBe('共性关键技术类');
    expect(by('2.2').perProjectCap?.amountCNY).toBe(8_000_000);
  });

  it('keeps a direction closed in this batch, its mark off the title, with a check; reads a region’s countries from a sentence', async () => {
    const d = await ingestText(Buffer.from(GJHZ), 'gjhz-marks.txt');
    expect(d.directions.map((x) => x.title)).toEqual(['中国和中亚国家政府间联合研究项目', '中国和智利政府间联合研究项目', '中国和澳门联合资助项目（海洋科学）']);
    const withdrawn = d.checks.filter((c) => c.code === 'direction-withdrawn');
    expect(withdrawn.map((c) => [c.directionId, c.stated, c.severity])).toEqual([['3', '本批次不受理', 'warning']]);
    // (Its Chinese message says it is kept, not deleted.)
    expect(withdrawn[0]!.messageZh).toBe('方向3：标明“本批次不受理”，本批次不接受申报；仍计入指南方向，其数值按原文保留，请核实');
    expect(d.directions[0]!.partners.map((p) => p.name)).toEqual(['哈萨克斯坦', '吉尔吉斯斯坦', '塔吉克斯坦', '乌兹别克斯坦']);
  });

  it('reads a 专题方向 column as the title, and a province’s money for each project as the cap', async () => {
    const d = await ingestText(Buffer.from(GD), 'gd.html');
    expect(d.directions.map((x) => x.title)).toEqual(['粤港联合资助项目（人工智能）', '粤港科技创新联合实验室项目', '粤澳青年科技人员交流合作项目']);
    expect(d.directions.map((x) => x.domains.map((y) => y.label))).toEqual([['大模型', '智能机器人'], ['量子科技', '海洋科学'], ['人工智能', '新材料']]);
    expect(d.summary.directionCount?.value).toBe(3);
    expect(d.directions[2]!.perProjectCap).toMatchObject({ amountCNY: 750_000, inherited: false });
  });
});

const INPARA = `国家重点研发计划“港澳台科技创新合作”重点专项2027年度第一批项目申报指南

一、指南方向
2027年度第一批项目设立4个指南方向，拟支持项目约15个，国拨经费总概算4200万元。除另有规定外，项目实施周期一般为3年。
（一）内地与香港科技创新合作
依据《内地与香港关于加强创新科技合作的安排》，本部分设2个指南方向：（1）内地与香港联合研究项目（生命健康），支持新型疫苗、脑科学等领域，拟支持项目5个，共拟支持经费1500万元；（2）内地与香港联合研究项目（金融科技），支持区块链、隐私计算等领域，拟支持项目4个，共拟支持经费1000万元，项目实施周期2年。
（二）海峡两岸科技创新合作
本部分设2个指南方向：（1）海峡两岸产业共性技术联合研发项目，支持半导体装备、精密模具等领域，拟支持项目4个，共拟支持经费1200万元；（2）海峡两岸农业科技合作项目，支持热带水果育种、茶叶加工等领域，拟支持项目2个，共拟支持经费500万元。
二、申报要求
申报单位应满足以下条件：（1）申报单位为内地注册的法人单位；（2）项目负责人须具有高级职称。
`;

const HYPHEN_ANNEX = `国家重点研发计划“政府间国际科技创新合作”重点专项2027年度第二批项目申报指南

本批项目设立3个指南方向，拟支持项目数12个，国拨经费总概算3600万元。项目实施周期一般为3年，各方向实施年限见附表。
第一部分　联合研究项目
方向1-1　中国和新西兰政府间联合研究项目
合作协议：《中新科技合作联委会第十次会议纪要》。
领域方向：食品安全；农业生物技术。
拟支持项目数：4个。
共拟支持经费：1200万元人民币。
方向1-2　中国和泰国政府间联合研究项目
合作协议：《中泰科技合作联委会第二十四次会议纪要》。
领域方向：数字经济；智慧农业。
拟支持项目数：4个。
共拟支持经费：1200万元人民币。
方向1-3　中国和智利政府间联合研究项目
合作协议：《中智科技合作联委会第五次会议纪要》。
领域方向：天文；铜矿开采。
拟支持项目数：4个。
共拟支持经费：1200万元人民币。

附表
2027年度第二批指南方向一览表
序号	指南方向	实施年限（年）
1	中国和新西兰政府间联合研究项目	2
2	中国和泰国政府间联合研究项目	3
3	中国和智利政府间联合研究项目	4
`;

describe('directions written otherwise (1.104)', () => {
  it('reads the items of a paragraph that each state a count and an amount as directions, not a list of conditions', async () => {
    const d = await ingestText(Buffer.from(INPARA), 'inpara.txt');
    expect(d.directions.map((x) => [x.id, x.title, x.projectCount?.value, x.funding?.amountCNY])).toEqual([
      ['1.1', '内地与香港联合研究项目（生命健康）', 5, 15_000_000],
      ['1.2', '内地与香港联合研究项目（金融科技）', 4, 10_000_000],
      ['2.1', '海峡两岸产业共性技术联合研发项目', 4, 12_000_000],
      ['2.2', '海峡两岸农业科技合作项目', 2, 5_000_000],
    ]);
    expect(d.directions[1]!.duration).toMatchObject({ minYears: 2, maxYears: 2, inherited: false });
  });

  it('reads `方向1-1　中国和…` as direction 1.1, and an annex that lists the directions again as their figures, no directions of its own', async () => {
    const d = await ingestText(Buffer.from(HYPHEN_ANNEX), 'hyphen-annex.txt');
    expect(d.directions.map((x) => [x.id, x.title, x.duration?.maxYears, x.duration?.inherited])).toEqual([
      ['1.1', '中国和新西兰政府间联合研究项目', 2, false],
      ['1.2', '中国和泰国政府间联合研究项目', 3, false],
      ['1.3', '中国和智利政府间联合研究项目', 4, false],
    ]);
  });
});

const CAST = `中国科协“一带一路”国际科技组织合作平台建设项目申报指南

一、支持类别与方向
2026年度项目设置国际科技组织培育、双多边合作机制2个类别，共4个支持方向，拟支持项目约12项。项目执行期一般为1年。各类别资助标准见类别名称后括注，支持方向另有规定的，从其规定。
（一）国际科技组织培育类（每项资助不超过80万元）
1. 新发起国际科技组织孵化
支持内容：支持全国学会牵头发起成立新的国际科技组织。
支持数量：3项
2. 国际科技组织能力建设
支持内容：支持已发起的国际科技组织完善治理结构。
支持数量：3项
资助额度：每项不超过100万元
（二）双多边合作机制类（每项资助不超过40万元）
3. 金砖国家科技组织合作
支持内容：支持与金砖国家科技组织开展合作。
支持数量：3项
4. 上合组织科技组织合作
支持内容：支持与上合组织成员国科技组织开展合作。
支持数量：3项
`;

const MIIT = `2026年算力强基揭榜任务榜单

每项任务原则上遴选不超过5家揭榜单位（任务另有规定的从其规定），攻关期原则上不超过2年。

任务1：算力网络确定性传输技术
揭榜任务：研发算力网络确定性传输关键技术。
预期目标：端到端时延抖动不超过1毫秒。
遴选数量：不超过3家

任务2：普惠算力服务平台
揭榜任务：建设面向中小企业的普惠算力服务平台。
预期目标：服务中小企业不少于1000家。
`;

describe('figures a part’s heading or a task states (1.104)', () => {
  it('gives a part heading’s bracket cap to its directions, not to the call; counts the directions after the groups', async () => {
    const d = await ingestText(Buffer.from(CAST), 'cast.txt');
    expect(d.directions.map((x) => [x.id, x.perProjectCap?.amountCNY, x.perProjectCap?.inherited])).toEqual([
      ['1', 800_000, true],
      ['2', 1_000_000, false],
      ['3', 400_000, true],
      ['4', 400_000, true],
    ]);
    expect(d.summary.defaultPerProjectCap).toBeNull();
    expect(d.summary.directionCount?.value).toBe(4);
  });

  it('reads a task’s own 遴选数量 over the call’s default', async () => {
    const d = await ingestText(Buffer.from(MIIT), 'miit.txt');
    expect(d.directions.map((x) => [x.id, x.projectCount?.value, x.projectCount?.qualifier, x.projectCount?.inherited])).toEqual([
      ['1', 3, 'atMost', false],
      ['2', 5, 'atMost', true],
    ]);
  });
});

const GAT = (taiwanAgreement: boolean) => `国家重点研发计划“港澳台科技创新合作”重点专项2028年度第三批项目申报指南

本批项目设立4个指南方向，拟支持项目数14个，国拨经费总概算4200万元。项目实施周期一般为3年。
（一）内地与香港科技创新合作
1.1 内地与香港联合资助项目（两年期）
合作协议：《内地与香港关于加强创新科技合作的安排》。
领域方向：人工智能；生物医药。
拟支持项目数：4个。
共拟支持经费：1200万元。
1.2 内地与香港青年科学家交流项目
合作协议：《内地与香港关于加强创新科技合作的安排》。
领域方向：新材料。
拟支持项目数：4个。
共拟支持经费：1200万元。
（二）海峡两岸科技创新合作
2.1 海峡两岸产业技术联合研发项目
${taiwanAgreement ? '合作协议：《海峡两岸经济合作框架协议》。\n' : ''}领域方向：集成电路；精密机械。
拟支持项目数：3个。
共拟支持经费：900万元。
2.2 海峡两岸农业科技合作项目
领域方向：热带水果育种；茶叶加工。
拟支持项目数：3个。
共拟支持经费：900万元。
`;

describe('a 海峡两岸 direction without an agreement, a term in the title (1.104)', () => {
  it('lacks none where no 两岸 direction names one; is a doubt where another does', async () => {
    const none = await ingestText(Buffer.from(GAT(false)), 'gat-none.txt');
    expect(none.checks.filter((c) => c.code === 'field-missing').map((c) => c.directionId)).toEqual([]);
    const one = await ingestText(Buffer.from(GAT(true)), 'gat-one.txt');
    expect(one.checks.filter((c) => c.code === 'field-missing').map((c) => [c.directionId, c.computed])).toEqual([['2.2', 'agreements']]);
  });

  it('reads `（两年期）` after a title as its period', async () => {
    const d = await ingestText(Buffer.from(GAT(false)), 'gat-none.txt');
    expect(d.directions[0]!.duration).toMatchObject({ minYears: 2, maxYears: 2, inherited: false });
    expect(d.directions[1]!.duration).toMatchObject({ minYears: 3, maxYears: 3, inherited: true });
  });
});

describe('a key programme’s starred direction (1.104)', () => {
  it('is titled without its star', async () => {
    const d = await ingestText(Buffer.from(`国家重点研发计划“大气污染综合治理”重点专项2027年度项目申报指南

青年科学家项目可参考重要支持方向（标*的方向）组织项目申报。
1. 大气污染成因
1.1 大气细颗粒物和臭氧协同生成机制*（基础研究类）
研究内容：研究细颗粒物和臭氧协同生成机制。
考核指标：建立协同生成机理模型1套。
关键词：细颗粒物、臭氧
1.2 重点区域大气污染联防联控技术
研究内容：研发联防联控技术。
考核指标：形成技术规范2项。
关键词：联防联控
`), 'star.txt');
    expect(d.directions.map((x) => [x.title, x.category])).toEqual([
      ['大气细颗粒物和臭氧协同生成机制（基础研究类）', '基础研究类'],
      ['重点区域大气污染联防联控技术', null],
    ]);
  });
});

describe('the directions counted after the kinds that hold them (1.104)', () => {
  it('reads `设置A、B2类、4个支持方向` as four directions', async () => {
    const d = await ingestText(Buffer.from(CAST.replace('设置国际科技组织培育、双多边合作机制2个类别，共4个支持方向', '设置国际科技组织培育、双多边合作机制2类、4个支持方向')), 'cast-kinds.txt');
    expect(d.summary.directionCount?.value).toBe(4);
    expect(d.summary.directionCount?.text).toBe('2类、4个支持方向');
  });
});
