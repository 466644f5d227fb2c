/**
 * Wordings and shapes read since 1.106, each on a small whole document: a key programme's money
 * bound in a direction's 有关说明 read as what one project may get, or as the direction's total,
 * by the words around it; caps per category with none for all; a ratio written `之比` and spaced
 * `3 ∶ 1`; a 揭榜挂帅 term `完成时限`; sub-directions under 方向一 with the group's figures, labels
 * in 【】 with their colon alone on a line, and new label spellings; classes of directions; a call's
 * total worded 安排资金. And on set 165's Word PDF (the text form cannot show them): a justified line
 * letter-spaced, full width, no paragraph's end; a ratio's colon set in the digits' gap.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadBytes } from '../../src/load/index.js';
import { processSource } from '../../src/pipeline.js';
import { ingestText, ROOT } from '../helpers/seed.js';

const KP_MONEY = `国家重点研发计划“智能诊疗装备”重点专项2028年度项目申报指南

本专项2028年度拟启动4个指南方向，拟安排国拨经费1.2亿元。各指南方向支持数量以“有关说明”为准；未作说明的，支持1～2项。项目实施周期一般为4年。每个项目申请国拨经费不得超过1500万元。

1. 诊疗装备
1.1 手术机器人关键部件（共性关键技术类）
研究内容：研究手术机器人精密传动与力反馈技术。
考核指标：（1）定位精度优于0.1mm；（2）完成临床试验50例。
关键词：手术机器人，力反馈
有关说明：须以医疗器械注册人（企业）作为牵头单位，国拨经费不超过1200万元。
1.2 超高场磁共振成像系统（共性关键技术类）
研究内容：研制超高场磁共振成像整机。
考核指标：（1）主磁场强度不低于7T；（2）完成整机注册检验。
关键词：磁共振，超高场
有关说明：拟支持1项，国拨经费不超过4000万元，实施周期不超过3年。
1.3 植入式脑机接口系统（揭榜挂帅）
研究内容：研制全植入式脑机接口系统。
考核指标：（1）通道数不少于1024；（2）完成动物实验。
关键词：脑机接口，植入式
有关说明：本方向采取揭榜挂帅方式组织，只支持1项，国拨经费上限为3000万元，揭榜任务完成时限为3年。
1.4 医学影像人工智能平台（示范应用类）
研究内容：建设医学影像人工智能开放平台。
考核指标：（1）覆盖病种不少于20种。
关键词：医学影像，人工智能
有关说明：拟安排国拨经费不超过2400万元，支持1～2项。
`;

// Hard-wrapped at 26 columns, as a Word PDF's text, one line letter-spaced as the PDF's text gives it.
const KP_SPACED = `国家重点研发计划“可再生能源技术”重点专项
2027年度项目申报指南
　　本专项2027年度拟部署2个指南方向，拟安排国拨经费总概
算5500万元。项目实施周期原则上为3至4年。共性关键技术类
项目国拨经费原则上不高于2500万元/项，示范应用类项目原则
上不高于3000万元/项。
　　1. 风能
　　1.1 海上风电机组整机设计与关键部件（共性关键技术类）
　　研究内容：针对深远海大规模开发对超大型风电机组的需
求，研究机组整机一体化设计与载荷优化方法，完成样机研制
与并网运行测试。
　　考 核 指 标 ： （ 1 ） 机 组 额 定 功 率 ≥ 20MW ， 风 轮 直 径
≥300m；（2）样机完成并网运行，可利用率≥97%；（3）主轴
承国产化率100%；（4）形成整机设计规范2项以上。
　　关键词：海上风电，超大型机组
　　有关说明：本方向采取揭榜挂帅方式组织，只支持1项，揭
榜任务完成时限为3年。单位自筹经费与国拨经费之比不低于
3 ∶ 1。
　　1.2 风电场智能运维与健康管理（示范应用类）
　　研究内容：研究基于多源监测数据的机组健康状态评估与故
障早期预警方法。
　　考核指标：（1）故障预警准确率≥90%；（2）建成示范风
电场2个。
　　关键词：智能运维，健康管理
　　有关说明：拟支持1～2项。
`;

const GAT_SUB = `国家重点研发计划“港澳台科技创新合作”重点专项2030年度第一批项目申报指南

2030年度第一批项目设立2个指南方向，各方向按合作领域共下设3个子方向，拟支持项目数13个，国拨经费总概算3500万元。除方向另有规定外，项目实施周期一般为3年，每个项目国拨经费原则上不超过400万元。

方向一　内地与香港联合资助项目
合作依据：《内地与香港关于加强创新科技合作的安排》。
支持安排：本方向共拟支持项目9个，国拨经费2700万元；每个项目国拨经费不超过300万元，项目实施周期3年。
子方向1：智慧城市与数字孪生
领域方向：城市信息模型；智慧交通。
拟支持项目数：4个。
共拟支持经费：1200万元。
其他要求：香港合作单位须同时向香港特别行政区政府创新科技署提交申请，单方申报无效。
子方向2：生物医药与医疗器械
领域方向：创新药物；高端医疗器械。
拟支持项目数：5个。
共拟支持经费：1500万元。
其他要求：香港合作单位须同时向香港特别行政区政府创新科技署提交申请，单方申报无效。
方向二　粤港澳大湾区协同创新项目
合作依据：《粤港澳大湾区发展规划纲要》。
支持安排：本方向共拟支持项目4个，国拨经费800万元。本方向须由内地企业牵头申报，企业配套经费与国拨经费比例不低于1:1。
子方向1：海洋经济与海洋工程
【申报方向】：
海洋工程装备；海岸带防灾减灾。
【计划立项】：
4个。
【资助规模】：
共800万元。
【执行时间】：
36个月。
【有关事项】：
项目须在粤港澳大湾区内开展示范应用。
`;

const GJHZ_CLASSES = `国家重点研发计划“政府间国际科技创新合作”重点专项2030年度第二批项目申报指南

2030年度第二批项目设立4个指南方向，其中重点方向1个、一般方向3个，拟支持项目数不超过12个，国拨经费总概算2800万元。
重点方向围绕双方共同关注的重大科学问题开展较大规模的联合研发。重点方向每个项目国拨经费不超过500万元，项目实施周期不超过4年。
一般方向支持双方科研人员开展联合研究。一般方向每个项目国拨经费不超过200万元，项目实施周期一般为2年。

（一）重点方向
1.1 中国和英国政府间重点联合研发项目
合作协议：《中英科技创新合作联合委员会第八次会议纪要》。
领域方向：量子计算；合成生物学。
拟支持项目数：2个。
共拟支持经费：1000万元。
（二）一般方向
2.1 中国和匈牙利政府间联合研究项目
合作协议：《中匈政府间科技合作委员会第十次会议纪要》。
领域方向：农业；水资源。
拟支持项目数：4个。
共拟支持经费：800万元。
2.2 中国和新西兰政府间联合研究项目
合作协议：《中新科技合作联合委员会第九次会议纪要》。
领域方向：食品科技；地震预警。
拟支持项目数：3个。
共拟支持经费：400万元。
其他要求：每个项目每年度资助100万元，项目执行时间为48个月。
2.3 中国和智利政府间联合研究项目
合作协议：《中智科技合作联合委员会第十五次会议纪要》。
领域方向：天文学；矿业安全。
本方向拟批准项目3个左右，经费合计600万元，项目执行时间为24个月至36个月。
`;

describe('since 1.106', () => {
  it('reads caps per category with no default, a spaced ratio written 之比, and a task’s 完成时限 (a text’s letter-spaced line reads as written)', async () => {
    const d = await ingestText(Buffer.from(KP_SPACED), 'kp-spaced.txt');
    const by = (id: string) => d.directions.find((x) => x.id === id)!;
    expect(d.summary.defaultPerProjectCap).toBeNull();
    expect(d.summary.categoryCaps.map((c) => [c.categories, c.amountCNY])).toEqual([
      [['共性关键技术类'], 25_000_000],
      [['示范应用类'], 30_000_000],
    ]);
    expect(by('1.1').perProjectCap).toMatchObject({ amountCNY: 25_000_000, inherited: true });
    expect(by('1.2').perProjectCap).toMatchObject({ amountCNY: 30_000_000, inherited: true });
    expect(by('1.1').indicators.map((i) => i.marker)).toEqual(['（1）', '（2）', '（3）', '（4）']);
    expect(by('1.1').indicators[0]!.text).toBe('机组额定功率≥20MW，风轮直径≥300m；');
    expect(by('1.1').conditions.matchingRatio).toMatchObject({ other: 3, central: 1, qualifier: 'atLeast' });
    expect(by('1.1').duration).toMatchObject({ minYears: 3, maxYears: 3, inherited: false });
    expect(by('1.2').duration).toMatchObject({ minYears: 3, maxYears: 4, inherited: true });
  });

  it('reads a key programme’s bare money bound as a project’s cap, a counted or arranged one as the direction’s total', async () => {
    const d = await ingestText(Buffer.from(KP_MONEY), 'kp-money.txt');
    const by = (id: string) => d.directions.find((x) => x.id === id)!;
    // A bound with no count and no word of sum: what one project may get, the call's 1500万 yields.
    expect(by('1.1').funding).toBeNull();
    expect(by('1.1').perProjectCap).toMatchObject({ amountCNY: 12_000_000, inherited: false, text: '不超过1200万元' });
    // One project counted in the sentence: its bound is the direction's total.
    expect(by('1.2').funding).toMatchObject({ amountCNY: 40_000_000, qualifier: 'atMost' });
    expect(by('1.2').perProjectCap).toMatchObject({ amountCNY: 15_000_000, inherited: true });
    // `上限为` is a cap whatever the count.
    expect(by('1.3').funding).toBeNull();
    expect(by('1.3').perProjectCap).toMatchObject({ amountCNY: 30_000_000, inherited: false });
    // `拟安排国拨经费…`: what the direction is given.
    expect(by('1.4').funding).toMatchObject({ amountCNY: 24_000_000, qualifier: 'atMost' });
    // The bound read as a cap, and no total, is said in a check for each such direction.
    expect(d.checks.filter((c) => c.code === 'funding-per-project').map((c) => [c.directionId, c.stated])).toEqual([
      ['1.1', '不超过1200万元'],
      ['1.3', '上限为3000万元'],
    ]);
  });

  it('reads 子方向 under 方向一 as directions with the group’s agreement, figures and rules, and 【label】： lines over their values', async () => {
    const d = await ingestText(Buffer.from(GAT_SUB), 'gat-sub.txt');
    expect(d.summary.directionCount?.value).toBe(3);
    expect(d.directions.map((x) => [x.id, x.title, x.partners.map((p) => p.name), x.agreements.map((a) => a.title)])).toEqual([
      ['1.1', '智慧城市与数字孪生', ['香港'], ['内地与香港关于加强创新科技合作的安排']],
      ['1.2', '生物医药与医疗器械', ['香港'], ['内地与香港关于加强创新科技合作的安排']],
      ['2.1', '海洋经济与海洋工程', ['香港', '澳门'], ['粤港澳大湾区发展规划纲要']],
    ]);
    const by = (id: string) => d.directions.find((x) => x.id === id)!;
    expect(by('1.1').perProjectCap).toMatchObject({ amountCNY: 3_000_000, inherited: true });
    expect(by('1.1').projectCount?.value).toBe(4);
    expect(by('1.2').duration).toMatchObject({ minYears: 3, maxYears: 3 });
    expect(by('2.1').conditions.leadingEnterprise).toMatchObject({ inherited: true });
    expect(by('2.1').conditions.matchingRatio).toMatchObject({ other: 1, central: 1, inherited: true });
    expect(by('1.1').conditions.leadingEnterprise).toBeNull();
    expect(by('2.1').domains.map((x) => x.label)).toEqual(['海洋工程装备', '海岸带防灾减灾']);
    expect(by('2.1').requirements.map((r) => r.text)).toEqual(['项目须在粤港澳大湾区内开展示范应用。']);
    expect(by('2.1').duration).toMatchObject({ minYears: 3, maxYears: 3, inherited: false });
  });

  it('gives the directions under 重点方向 and 一般方向 the cap and period their class states, no call default, and multiplies a cap per year', async () => {
    const d = await ingestText(Buffer.from(GJHZ_CLASSES), 'gjhz-classes.txt');
    expect(d.summary.defaultPerProjectCap).toBeNull();
    expect(d.summary.defaultDuration).toBeNull();
    expect(d.summary.categoryCaps.map((c) => [c.categories, c.amountCNY])).toEqual([
      [['重点方向'], 5_000_000],
      [['一般方向'], 2_000_000],
    ]);
    const by = (id: string) => d.directions.find((x) => x.id === id)!;
    expect(by('1.1').perProjectCap).toMatchObject({ amountCNY: 5_000_000, inherited: true });
    expect(by('1.1').duration).toMatchObject({ maxYears: 4, qualifier: 'atMost', inherited: true });
    expect(by('2.1').perProjectCap).toMatchObject({ amountCNY: 2_000_000, inherited: true });
    expect(by('2.1').duration).toMatchObject({ minYears: 2, maxYears: 2, inherited: true });
    // `每个项目每年度资助100万元` over 48个月: four years of it.
    expect(by('2.2').perProjectCap).toMatchObject({ amountCNY: 4_000_000, inherited: false });
    // `拟批准项目3个左右`, and a range with its unit after each bound.
    expect(by('2.3').projectCount).toMatchObject({ value: 3, qualifier: 'about' });
    expect(by('2.3').duration).toMatchObject({ minYears: 2, maxYears: 3, inherited: false });
  });

  it('reads a call’s total worded 安排资金, and no project’s', async () => {
    const text = `2027年度亚洲区域合作专项资金申报指南

2027年度专项资金设立2个支持方向，拟支持项目约10个，安排资金约1200万元。每个项目安排资金不超过150万元。

1．中国—东盟海洋合作
合作对象：东盟国家。
拟支持项目数：6个。
支持金额：每个项目不超过150万元。
2．中日韩环境合作
合作对象：日本、韩国。
拟支持项目数：4个。
支持金额：每个项目不超过120万元。
`;
    const d = await ingestText(Buffer.from(text), 'yzqy.txt');
    expect(d.summary.fundingTotal).toMatchObject({ amountCNY: 12_000_000, qualifier: 'about', text: '约1200万元' });
  });

  it('reads a Word PDF’s letter-spaced justified line as a full one, and a ratio whose colon another font set in the digits’ gap (set 165)', async () => {
    // `考 核 指 标 ： （ 1 ） 机 组 … 风 轮 直 径` / `≥300m；（2）…`: one paragraph, four indicators (two before);
    // `3 1` with `∶` drawn over its space: 3∶1 (no ratio before).
    const path = 'test/fixtures/blind165/kp-2027-kzsny-cap-ratio-wording-wordpdf.pdf';
    const d = processSource(await loadBytes(readFileSync(`${ROOT}${path}`), path));
    const x = d.directions.find((y) => y.id === '2.1')!;
    expect(x.indicators.map((i) => i.marker)).toEqual(['（1）', '（2）', '（3）', '（4）']);
    expect(x.indicators[0]!.text).toBe('机组额定功率≥20MW，风轮直径≥300m；');
    expect(x.conditions.matchingRatio).toMatchObject({ other: 3, central: 1, qualifier: 'atLeast' });
    expect(x.duration).toMatchObject({ minYears: 3, maxYears: 3, inherited: false });
  });
});
