/**
 * Wordings and shapes read since 1.105 (sets 156–160), each on a small whole document: indicators
 * under 约束性 / 预期性 sub-heads, a 有关说明 that takes another direction's conditions; money in
 * `万人民币`, caps bounded after the amount (`一般在300万元（含）以下`), a range's top (`规模为200万～300万元`);
 * matching as a share of the whole and written central first; periods as `为期`, `起至…止`, `年度至年度`;
 * counts `约为`, `预计`, per kind of project; a 揭榜挂帅 call's tasks and takers; an NSFC call whose
 * figures after the directions are given per kind of project; a key programme's label glued to the
 * value before it.
 */
import { describe, expect, it } from 'vitest';
import { ingestText, loadText } from '../helpers/seed.js';

const KP = `国家重点研发计划“交通载运装备”重点专项2028年度项目申报指南

本专项2028年度拟启动3个指南方向，拟安排国拨经费1.5亿元。除特殊说明外，每个指南方向拟支持项目数为1～2项，实施周期一般为4年。

1. 新能源载运装备
1.1 燃料电池重卡动力系统（共性关键技术类）
研究内容：研究大功率燃料电池系统与整车能量管理技术。
考核指标：
约束性指标：（1）燃料电池系统额定功率不低于300kW；（2）系统耐久性不低于25000小时。
预期性指标：（1）整车百公里氢耗不高于8kg。
关键词：燃料电池重卡，能量管理
有关说明：要求由企业牵头申报，其他经费与中央财政经费比例不低于2:1。
1.2 车路云一体化协同决策（共性关键技术类）
研究内容：研究车路云协同感知与决策技术。
考核指标：
约束性指标：
（1）支持不少于1000辆网联车辆的并发协同决策；
（2）开放道路测试里程不少于100公里。
预期性指标：
（1）申请发明专利不少于10项；
（2）形成国家或行业标准草案不少于2项。
关键词：车路云，协同决策
有关说明：牵头申报要求和其他经费比例要求同1.1；拟支持1项。
1.3 干细胞来源肝细胞制备技术（共性关键技术类）
研究内容：研发人源肝细胞规模化制备技术。
考核指标：（1）单次制备不低于100亿个细胞；（2）完成临床试验30例。
关键词：生物人工肝；肝细胞；急性肝衰竭有关说明：要求企业牵头申报，其他经费与中央财政经费比例不低于1:1。
`;

const GAT = `国家重点研发计划“港澳台科技创新合作”重点专项2029年度第一批项目申报指南

2029年度第一批项目拟设立4个指南方向，拟支持项目数约为14个，国拨经费总概算3900万元。项目实施周期一般为3年。每个项目国拨经费一般在300万元（含）以下，指南方向另有规定的除外。

（一）内地与香港科技创新合作
1.1 内地与香港联合研究项目（生物医药）
合作依据：《内地与香港关于加强创新科技合作的安排》。
领域方向：创新药物；医学人工智能。
拟支持项目数：预计5个。
共拟支持经费：1500万人民币。
1.2 深港科技创新合作区联合研发项目
合作依据：《内地与香港关于加强创新科技合作的安排》。
领域方向：先进制造；新材料。
拟支持项目数：3个。
共拟支持经费：900万元。
其他要求：（1）须由内地企业牵头申报，企业自筹资金不低于项目总经费的60%。（2）每个项目国拨经费规模为200万～300万元。（3）项目为期2年。
（二）海峡两岸科技创新合作
2.1 海峡两岸产业技术联合研发项目
合作依据：国家对台科技交流合作有关政策。
领域方向：集成电路；精密机械。
拟支持项目数：重点项目1项，一般项目2项。
共拟支持经费：900万元。
其他要求：（1）国拨经费与企业自筹经费的比例不高于1∶2。（2）单项资助额度200万元。（3）项目执行期自2029年1月1日起至2031年12月31日止。
2.2 海峡两岸青年科学家交流项目
合作依据：国家对台科技交流合作有关政策。
领域方向：人工智能；新能源。
拟支持项目数：3个。
共拟支持经费：600万元。
其他要求：项目实施周期最长不超过2年。
`;

const ZLHZ = `国家重点研发计划“战略性科技创新合作”重点专项2028年度第一批项目申报指南

2028年度第一批项目设立2个指南方向，支持与1个国家和欧盟开展科技创新合作，拟支持项目数不超过6个，国拨经费总概算1800万元。

1. 中国和欧盟“地平线欧洲”联合资助项目
合作协议：《中欧科技合作协定》。
领域方向：气候变化；生物多样性。
拟支持项目数：3个。
共拟支持经费：900万元。
其他要求：项目实施周期为2029年度至2030年度。
2. 中国和瑞士政府间联合研究项目
合作协议：《中瑞科技合作联委会第十次会议纪要》。
领域方向：精密制造；生命科学。
拟支持项目数：3个。
共拟支持经费：900万元。
`;

const MIIT = `2026年安全应急装备重点领域揭榜挂帅任务申报指南

一、任务设置与支持方式
本次共设置2个领域、3项揭榜任务，拟遴选揭榜单位（联合体）不超过5个，中央财政资金安排总额不超过1亿元。
（一）支持额度。中央财政资金对每个揭榜单位（联合体）的支持额度原则上不超过2000万元，任务另有规定的从其规定。
二、揭榜任务
（一）监测预警装备
任务1：城市生命线工程多参量感知与风险预警系统
揭榜任务：研制城市管网多参量感知终端与风险预警平台。
攻关期限：不超过24个月。
支持方式：按本指南第一部分有关规定执行。
任务2：复杂地形全地形应急救援车辆
揭榜任务：研制复杂地形全地形应急救援车辆。
攻关期限：不超过36个月。
支持方式：遴选不超过2个揭榜单位（联合体），每个揭榜单位（联合体）中央财政资金支持不超过1500万元。
（二）个体防护装备
任务3：高温高湿环境智能降温防护服
揭榜任务：研制主动降温防护服。
攻关期限：不超过24个月。
支持方式：每个揭榜单位（联合体）中央财政资金支持不超过800万元，遴选数量按本指南第一部分有关规定执行。
`;

const NSFC = `国家自然科学基金大科学装置联合基金2026年度项目指南

2026年度大科学装置联合基金围绕上海光源、中国散裂中子源等2个大科学装置设立3个重点支持项目研究方向，同时资助培育项目。
一、资助范围
重点支持项目应围绕本指南发布的研究方向开展研究。培育项目不设定具体研究方向。
二、重点支持项目研究方向
（一）上海光源（SSRF）
1. 蛋白质机器动态结构研究（申请代码1选择C05的下属代码）
利用上海光源时间分辨晶体学实验站，解析关键中间态结构。本方向拟资助2项。
2. 催化反应原位谱学研究（申请代码1选择B03的下属代码）
利用上海光源原位谱学线站，研究催化反应机理。
（二）中国散裂中子源（CSNS）
1. 高熵合金变形机制的原位中子散射研究（申请代码1选择E01的下属代码）
利用中国散裂中子源工程材料衍射仪，研究位错与相变的协同作用。
三、资助计划
2026年度拟资助重点支持项目4项，除研究方向中另有说明的外，每个研究方向资助1项。重点支持项目资助强度为直接费用不超过300万元/项，资助期限为4年。
2026年度拟资助培育项目约30项，资助强度为直接费用60万元/项，资助期限为3年。
`;

const GRID = `<html><body><h1>2027年度自治区国际科技合作计划项目申报指南</h1>
<p>2027年度围绕2个专题设3个支持方向，重点与蒙古、俄罗斯及哈萨克斯坦等4个国家开展合作，拟支持项目7项，安排自治区财政科技资金950万元。</p>
<table>
<tr><td colspan="9">2027年度支持方向表</td></tr>
<tr><td colspan="9">单位：项、万元</td></tr>
<tr><td rowspan="2">序号</td><td rowspan="2">支持方向</td><td colspan="4">重点合作国别</td><td rowspan="2">拟支持项目数</td><td rowspan="2">单项支持经费上限</td><td rowspan="2">财政经费小计</td></tr>
<tr><td>蒙古</td><td>俄罗斯</td><td>哈萨克斯坦</td><td>其他</td></tr>
<tr><td>1</td><td>草原畜牧业绿色发展技术合作</td><td>√</td><td></td><td>√</td><td></td><td>3</td><td>100</td><td>300</td></tr>
<tr><td>2</td><td>寒区油气储运技术联合研究</td><td></td><td>√</td><td></td><td>白俄罗斯</td><td>2</td><td>200</td><td>400</td></tr>
<tr><td>3</td><td>跨境河流水资源监测技术合作</td><td>√</td><td>√</td><td>√</td><td></td><td>2</td><td>150</td><td>250</td></tr>
<tr><td>合计</td><td>合计</td><td></td><td></td><td></td><td></td><td>7</td><td>—</td><td>950</td></tr>
</table></body></html>`;

const RELABELLED = `国家重点研发计划“战略性科技创新合作”重点专项2028年度第二批项目申报指南

本批指南设立3个指南方向，支持与1个国家、1个区域组织和1个多边合作机制开展合作，拟支持项目数不超过12个，国拨经费总概算3300万元。
各指南方向依次列明立项数量、资助总额、支持期限、依托机制和特别要求。
1.1 碳中和与能源转型联合研究
立项数量：4个。
资助总额：1200万元人民币。
支持期限：3年。
依托机制：中法碳中和联合研究计划；《中法关于碳中和科技合作的联合声明》。
特别要求：中法双方须同时申报。
1.2 食品与农业生物技术联合研究
本方向设以下两类项目：
（1）联合研究项目
立项数量：3个。
资助总额：900万元人民币。
（2）人员交流项目
立项数量：2个。
资助总额：300万元人民币。
支持期限：2年。
依托机制：《中华人民共和国政府和欧洲共同体科学技术合作协定》。
1.3 海洋观测与印度洋航次合作
（根据《科技部关于调整2028年度第二批指南部分内容的通知》（国科发〔2028〕12号），本方向2028年度取消，不再受理申报。）
立项数量：3个。
资助总额：900万元人民币。
支持期限：3年。
依托机制：《中华人民共和国政府和大不列颠及北爱尔兰联合王国政府科学技术合作协定》。
特别要求：须依托已有合作平台申报。
`;

const YEARS = `<html><body><h1>国家重点研发计划“港澳台科技创新合作”重点专项2027年度第二批项目申报指南</h1>
<p>本批项目设立4个指南方向，拟支持项目数不超过17个，国拨经费总概算5100万元。</p>
<table>
<tr><td rowspan="2">序号</td><td rowspan="2">指南方向</td><td rowspan="2">拟支持项目数（个）</td><td colspan="3">国拨经费（万元）</td><td rowspan="2">实施周期（年）</td></tr>
<tr><td>2027年</td><td>2028年</td><td>合计</td></tr>
<tr><td>1.1</td><td>内地与香港联合资助项目（生物医药）</td><td>5</td><td>900</td><td>600</td><td>1500</td><td>3</td></tr>
<tr><td>1.2</td><td>内地与澳门联合资助项目（中医药）</td><td>4</td><td>700</td><td>—</td><td>700</td><td>2</td></tr>
<tr><td>1.3</td><td>粤港联合创新项目（广州南沙）</td><td rowspan="2" colspan="4">1.3、1.4两个方向合计拟支持不超过8个，国拨经费共2400万元</td><td>3</td></tr>
<tr><td>1.4</td><td>深港联合创新项目（前海）</td><td>3</td></tr>
</table>
<table>
<tr><td>项目地区</td><td>指南方向（个）</td><td>拟支持项目数（个）</td><td>国拨经费（万元）</td></tr>
<tr><td>内地与香港</td><td>3</td><td>13</td><td>3900</td></tr>
<tr><td>内地与澳门</td><td>1</td><td>4</td><td>700</td></tr>
</table></body></html>`;

const KINDS = `\ufeff2026年度重庆市国际科技合作项目申报指南\r
\r
2026年度共设立3个指南方向，拟支持项目7项，市级财政资助总额330万元。\r
项目分为重点项目和一般项目两类，资助强度如下：\r
项目类别\t市级财政资助强度\t拟支持数量\r
重点项目\t不超过100万元/项\t2项\r
一般项目\t不超过30万元/项\t5项\r
项目实施周期一般为2年。\r
1.1 重庆—俄罗斯科技合作\r
合作对象：俄罗斯\r
支持领域：新材料；航空航天。\r
支持数量：重点项目1项，一般项目2项。\r
资助经费：市级财政资助共计160万元。\r
1.2 重庆—白俄罗斯科技合作\r
合作对象：白俄罗斯\r
支持领域：智能装备；光电材料。\r
支持数量：一般项目2项。\r
资助经费：市级财政资助共计60万元。\r
1.3 重庆—匈牙利科技合作\r
合作对象：匈牙利\r
支持领域：汽车电子；生物医药。\r
支持数量：重点项目1项，一般项目1项。\r
资助经费：市级财政资助共计130万元。\r
`;

const KP2 = `国家重点研发计划“诊疗装备与生物医用材料”重点专项2027年度项目申报指南

2027年度指南拟启动4个指南方向，拟支持项目数合计7项左右，国拨经费总额约1.2亿元。
各指南方向支持数量以“有关说明”为准；未作说明的，支持1～2项。项目实施周期统一按3年安排。每个项目申请国拨经费额度不得超过1500万元（青年科学家项目除外）。
青年科学家项目不再分设课题。项目负责人须为1989年及以后出生的男性或1987年及以后出生的女性。

1. 高端医疗装备
1.1 超高场磁共振成像系统关键技术（共性关键技术类）
研究内容：研究超高场磁共振成像关键技术。
考核指标：磁场强度不低于7T。
关键词：超高场磁共振
有关说明：牵头单位应为具备医疗器械生产资质的企业，企业自筹资金投入不少于国拨经费。
1.2 光子计数能谱CT成像系统（共性关键技术类）
研究内容：研制光子计数能谱CT样机。
考核指标：完成样机研制。
关键词：光子计数
有关说明：（1）至多支持2项；（2）其他来源经费与国拨经费的比例须达到2:1以上。
1.3 手术机器人核心部件（示范应用类）
研究内容：研制手术机器人核心部件。
考核指标：完成临床验证。
关键词：手术机器人
有关说明：本方向限支持1项，牵头单位须为企业，国拨经费占项目总经费的比例不超过三分之一。
2. 青年科学家项目
2.1 新型生物材料界面调控（青年科学家项目）
研究内容：研究生物材料界面调控机制。
考核指标：发表高水平论文。
关键词：生物材料
有关说明：拟支持1项，单位自筹经费与国拨经费按1:1配套。
`;

const OVERVIEW = `国家重点研发计划“战略性科技创新合作”重点专项2029年度第一批项目申报指南

本批设立3个指南方向，拟支持项目数10个，国拨经费总概算3000万元。各方向的拟支持项目数和国拨经费见表1。
表1 指南方向一览
| 序号 | 合作类型 | 指南方向 | 拟支持项目数（个） | 国拨经费（万元） |
| 1 | 联合研究 | 中国和德国绿色氢能联合研究项目 | 4 | 1200 |
| 2 | 联合研究 | 中国和法国核能安全联合研究项目 | 3 | 900 |
| 3 | 人员交流 | 中国和意大利青年科学家交流项目 | 3 | 900 |
一、欧洲
1.1 中国和意大利青年科学家交流项目
合作协议：《中意政府间科技合作混合委员会第十七次会议纪要》。
领域方向：文化遗产；先进材料。
1.2 中国和德国绿色氢能联合研究项目
合作协议：《中德科技合作联合委员会第十二次会议纪要》。
领域方向：电解水制氢；储氢材料。
1.4 中国和法国核能安全联合研究项目
合作协议：《中法科技合作联委会第十六次会议纪要》。
领域方向：核安全；先进反应堆。
`;

describe('since 1.105', () => {
  it('groups indicators under their sub-heads, takes conditions a 有关说明 refers to, and splits a label glued to a keyword', async () => {
    const d = await ingestText(Buffer.from(KP), 'kp-binding.txt');
    const by = (id: string) => d.directions.find((x) => x.id === id)!;
    expect(by('1.1').indicators.map((i) => [i.group, i.marker, i.text])).toEqual([
      ['约束性指标', '（1）', '燃料电池系统额定功率不低于300kW；'],
      ['约束性指标', '（2）', '系统耐久性不低于25000小时。'],
      ['预期性指标', '（1）', '整车百公里氢耗不高于8kg。'],
    ]);
    expect(by('1.2').indicators.map((i) => [i.group, i.marker])).toEqual([
      ['约束性指标', '（1）'],
      ['约束性指标', '（2）'],
      ['预期性指标', '（1）'],
      ['预期性指标', '（2）'],
    ]);
    // The restarted （1） under 预期性指标 is no repeat.
    expect(d.checks.filter((c) => c.code === 'numbering-duplicate')).toEqual([]);
    expect(by('1.2').conditions.matchingRatio).toMatchObject({ other: 2, central: 1, qualifier: 'atLeast' });
    expect(by('1.2').conditions.leadingEnterprise).not.toBeNull();
    expect(by('1.2').projectCount).toMatchObject({ value: 1, inherited: false });
    expect(by('1.3').keywords.map((k) => k.text)).toEqual(['生物人工肝', '肝细胞', '急性肝衰竭']);
    expect(by('1.3').conditions.matchingRatio).toMatchObject({ other: 1, central: 1 });
    expect(by('1.3').requirements).toHaveLength(1);
  });

  it('reads money, caps, ratios, periods and counts in the wordings of a 港澳台 draft', async () => {
    const d = await ingestText(Buffer.from(GAT), 'gat-figures.txt');
    const by = (id: string) => d.directions.find((x) => x.id === id)!;
    expect(d.summary.projectCount).toMatchObject({ value: 14, qualifier: 'about' });
    expect(d.summary.defaultPerProjectCap?.amountCNY).toBe(3_000_000);
    expect(by('1.1').projectCount).toMatchObject({ value: 5, qualifier: 'about' });
    expect(by('1.1').funding).toMatchObject({ amountCNY: 15_000_000, qualifier: 'exact' });
    expect(by('1.1').perProjectCap).toMatchObject({ amountCNY: 3_000_000, inherited: true });
    // `每个项目国拨经费规模为200万～300万元`: the top of the range; 60% of the whole is 3:2 to the central funds.
    expect(by('1.2').perProjectCap).toMatchObject({ amountCNY: 3_000_000, inherited: false });
    expect(by('1.2').conditions.matchingRatio).toMatchObject({ other: 3, central: 2, qualifier: 'atLeast' });
    expect(by('1.2').duration).toMatchObject({ minYears: 2, maxYears: 2, inherited: false });
    // `重点项目1项，一般项目2项`: 3; central first, at most 1:2, is at least 2:1.
    expect(by('2.1').projectCount).toMatchObject({ value: 3, qualifier: 'exact' });
    expect(by('2.1').conditions.matchingRatio).toMatchObject({ other: 2, central: 1, qualifier: 'atLeast' });
    expect(by('2.1').perProjectCap).toMatchObject({ amountCNY: 2_000_000, inherited: false });
    expect(by('2.1').duration).toMatchObject({ minYears: 3, maxYears: 3, qualifier: 'exact' });
    expect(by('2.2').duration).toMatchObject({ minYears: null, maxYears: 2, qualifier: 'atMost', hedge: null, inherited: false });
  });

  it('counts a call’s countries and the EU, and reads a period from one year to another', async () => {
    const d = await ingestText(Buffer.from(ZLHZ), 'zlhz.txt');
    expect(d.summary.partnerCount?.value).toBe(2);
    expect(d.directions[0]!.duration).toMatchObject({ minYears: 2, maxYears: 2 });
  });

  it('reads a 揭榜挂帅 call’s tasks and takers, and what each taker (a consortium) is given', async () => {
    const d = await ingestText(Buffer.from(MIIT), 'miit.txt');
    expect(d.summary.directionCount?.value).toBe(3);
    expect(d.summary.projectCount).toMatchObject({ value: 5, qualifier: 'atMost' });
    expect(d.directions.map((x) => [x.funding?.amountCNY ?? null, x.perProjectCap?.amountCNY ?? null, x.perProjectCap?.inherited ?? null])).toEqual([
      [null, 20_000_000, true],
      [null, 15_000_000, false],
      [null, 8_000_000, false],
    ]);
  });

  it('gives an NSFC call’s directions the figures of their kind of project, stated after them', async () => {
    const d = await ingestText(Buffer.from(NSFC), 'nsfc.txt');
    expect(d.document.family).toBe('nsfc');
    expect(d.summary.projectCount?.value).toBe(4);
    expect(d.directions.map((x) => [x.perProjectCap?.amountCNY, x.duration?.maxYears, x.duration?.inherited])).toEqual([
      [3_000_000, 4, true],
      [3_000_000, 4, true],
      [3_000_000, 4, true],
    ]);
    expect(d.directions.map((x) => x.projectCount?.value)).toEqual([2, 1, 1]);
  });

  it('reads a tick grid: the partners each row ticks under a merged header, the others it names, and the units its caption states', async () => {
    const d = await ingestText(Buffer.from(GRID), 'grid.html');
    const text = (await loadText(Buffer.from(GRID), 'grid.html')).text;
    expect(d.directions.map((x) => x.title)).toEqual(['草原畜牧业绿色发展技术合作', '寒区油气储运技术联合研究', '跨境河流水资源监测技术合作']);
    expect(d.directions.map((x) => x.partners.map((p) => p.name))).toEqual([['蒙古', '哈萨克斯坦'], ['俄罗斯', '白俄罗斯'], ['蒙古', '俄罗斯', '哈萨克斯坦']]);
    // A partner's name is traced to its header cell; the ticks are logged as layout.
    const name = d.directions[0]!.partners[1]!;
    expect(text.slice(name.span.start, name.span.end)).toBe('哈萨克斯坦');
    expect(d.removed.filter((r) => r.kind === 'table-layout' && r.text === '√')).toHaveLength(6);
    expect(d.directions.map((x) => [x.projectCount?.value, x.funding?.amountCNY, x.perProjectCap?.amountCNY])).toEqual([
      [3, 3_000_000, 1_000_000],
      [2, 4_000_000, 2_000_000],
      [2, 2_500_000, 1_500_000],
    ]);
    expect(d.summary.partnerCount?.value).toBe(4);
    expect(d.summary.fundingTotal?.amountCNY).toBe(9_500_000);
  });

  it('reads fields under labels of their own, partners from the agreement a title leaves out, and a direction split into two kinds', async () => {
    const d = await ingestText(Buffer.from(RELABELLED), 'relabelled.txt');
    expect(d.document.family).toBe('international-cooperation');
    expect(d.summary.partnerCount?.value).toBe(3);
    expect(d.directions.map((x) => x.partners.map((p) => p.name))).toEqual([['法国'], ['欧盟'], ['英国']]);
    expect(d.directions.map((x) => x.agreements.length)).toEqual([1, 1, 1]);
    expect(d.directions[0]).toMatchObject({ projectCount: { value: 4 }, funding: { amountCNY: 12_000_000 }, duration: { maxYears: 3 } });
    // Two kinds of project, each with its count and money: the direction's are their sums.
    expect(d.directions[1]!.projectCount).toMatchObject({ value: 5, qualifier: 'exact', inherited: false });
    expect(d.directions[1]!.funding).toMatchObject({ amountCNY: 12_000_000, qualifier: 'exact' });
    // A note under the heading that a later notice cancelled it: kept, with a check.
    expect(d.checks.filter((c) => c.code === 'direction-withdrawn').map((c) => c.directionId)).toEqual(['1.3']);
  });

  it('reads money split by year as its total, a figure two directions share as neither’s, and an overview by region as no directions', async () => {
    const d = await ingestText(Buffer.from(YEARS), 'years.html');
    expect(d.directions.map((x) => x.id)).toEqual(['1.1', '1.2', '1.3', '1.4']);
    expect(d.directions.map((x) => x.funding?.amountCNY ?? null)).toEqual([15_000_000, 7_000_000, null, null]);
    expect(d.directions[0]!.otherText.map((o) => [o.label, o.text])).toEqual([['分年度国拨经费', '2027年900万元；2028年600万元']]);
    expect(d.directions.map((x) => x.projectCount?.value ?? null)).toEqual([5, 4, null, null]);
    const shared = d.checks.filter((c) => c.code === 'figure-shared');
    expect(shared.map((c) => c.directionId)).toEqual(['1.3', '1.3', '1.4', '1.4']);
    expect(shared[0]!.messageZh).toBe('方向1.3：拟支持项目数中“1.3、1.4两个方向合计拟支持不超过8个”是与其他方向合计的数值，未计为本方向的数值，请对照原文核实');
  });

  it('reads a table of the kinds of project before the directions as the caps of each kind, and gives a direction the highest of the kinds it offers', async () => {
    const d = await ingestText(Buffer.from(KINDS), 'kinds.txt');
    expect(d.directions.map((x) => x.id)).toEqual(['1.1', '1.2', '1.3']);
    expect(d.summary.defaultPerProjectCap).toBeNull();
    expect(d.summary.categoryCaps.map((c) => [c.categories, c.amountCNY])).toEqual([
      [['重点项目'], 1_000_000],
      [['一般项目'], 300_000],
    ]);
    expect(d.directions.map((x) => [x.projectCount?.value, x.perProjectCap?.amountCNY, x.perProjectCap?.inherited])).toEqual([
      [3, 1_000_000, true],
      [2, 300_000, true],
      [2, 1_000_000, true],
    ]);
  });

  it('reads a key programme’s defaults, leads, ratios and young scientists’ rules in the wordings of set 165', async () => {
    const d = await ingestText(Buffer.from(KP2), 'kp-wordings.txt');
    const by = (id: string) => d.directions.find((x) => x.id === id)!;
    expect(d.summary.defaultProjectCount).toMatchObject({ value: 2, min: 1, qualifier: 'atMost' });
    expect(d.summary.defaultDuration).toMatchObject({ minYears: 3, maxYears: 3 });
    expect(d.summary.defaultPerProjectCap?.amountCNY).toBe(15_000_000);
    expect(by('1.1').conditions.leadingEnterprise?.text).toBe('牵头单位应为具备医疗器械生产资质的企业');
    expect(by('1.1').conditions.matchingRatio).toMatchObject({ other: 1, central: 1, qualifier: 'atLeast' });
    expect(by('1.1').projectCount).toMatchObject({ value: 2, min: 1, inherited: true });
    expect(by('1.2').projectCount).toMatchObject({ value: 2, qualifier: 'atMost', inherited: false });
    expect(by('1.2').conditions.matchingRatio).toMatchObject({ other: 2, central: 1, qualifier: 'atLeast' });
    expect(by('1.3').projectCount).toMatchObject({ value: 1, inherited: false });
    expect(by('1.3').conditions.leadingEnterprise).not.toBeNull();
    // At most a third of the whole from the central funds: at least 2 : 1.
    expect(by('1.3').conditions.matchingRatio).toMatchObject({ other: 2, central: 1, qualifier: 'atLeast' });
    expect(by('2.1').conditions.matchingRatio).toMatchObject({ other: 1, central: 1, qualifier: 'exact' });
    expect(by('2.1').conditions.youngScientist).toMatchObject({ maleBornOnOrAfter: '1989-01-01', femaleBornOnOrAfter: '1987-01-01', noSubtopics: true });
  });

  it('joins an overview table’s rows to the texts after them by title, the text’s number the id and checked as the text’s', async () => {
    const d = await ingestText(Buffer.from(OVERVIEW), 'overview.txt');
    expect(d.directions).toHaveLength(3);
    const by = (id: string) => d.directions.find((x) => x.id === id)!;
    expect([by('1.1').title, by('1.1').projectCount?.value, by('1.1').funding?.amountCNY, by('1.1').domains.length]).toEqual(['中国和意大利青年科学家交流项目', 3, 9_000_000, 2]);
    expect([by('1.2').title, by('1.2').projectCount?.value, by('1.2').funding?.amountCNY, by('1.2').agreements.length]).toEqual(['中国和德国绿色氢能联合研究项目', 4, 12_000_000, 1]);
    // The text's own numbering is checked: 1.4 after 1.2, whatever order the table gave.
    expect(d.checks.filter((c) => c.code.startsWith('numbering-')).map((c) => [c.code, c.stated])).toEqual([['numbering-gap', '1.4']]);
  });
});
