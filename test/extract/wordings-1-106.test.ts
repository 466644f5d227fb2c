/**
 * Wordings and shapes read since 1.106, each on a small whole document: a key programme's money
 * bound in a direction's 有关说明 read as what one project may get, or as the direction's total,
 * by the words around it.
 */
import { describe, expect, it } from 'vitest';
import { ingestText } from '../helpers/seed.js';

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

describe('since 1.106', () => {
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
  });
});
