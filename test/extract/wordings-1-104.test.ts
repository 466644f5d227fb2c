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
    expect(d.checks.filter((c) => c.code === 'direction-withdrawn').map((c) => [c.directionId, c.stated])).toEqual([['3', '本批次不受理']]);
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
