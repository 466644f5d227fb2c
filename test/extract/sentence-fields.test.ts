/**
 * Fields a direction states in sentences rather than under labels, and the running header of a
 * guideline cut out of a longer file (its pages numbered from 5). Each case is the family of the
 * blind22 miss it stands for, written here in a second wording so that the rule, not the sentence, is
 * what passes.
 */
import { describe, expect, it } from 'vitest';
import { ingestText } from '../helpers/seed.js';

const PROSE = (intro: string, basis: string): string => `国家重点研发计划“战略性科技创新合作”重点专项
2024年度项目申报指南

    一、指南说明

    本批次部署 2 个方向，拟支持项目 5 个，国拨经费总概算 2400 万元人民币。项目实施周期一般不超过 3 年。

    二、指南方向

    1.1  中英科技创新合作项目

    本方向${basis}组织实施，${intro}：精准医学；海洋科学；农业与食品。本方向拟支持项目 2 个，国拨经费共计 1200 万元人民币，项目实施周期 2~3 年。

    其他要求：英方合作单位须为英国研究与创新署资助的机构。

    1.2  中法科技创新合作项目

    本方向依据《中法科技合作协定》组织实施，${intro}：航空；核能。本方向拟支持项目 3 个，国拨经费共计 1200 万元人民币。

    其他要求：中法双方须同时申报，单方申报无效。

    三、申报要求

    申报单位须为在中国境内登记注册的法人单位。
`;

describe('fields stated in sentences', () => {
  it.each(['重点支持以下领域', '聚焦如下领域', '本方向支持的合作领域为'])('domains after `%s：` in the middle of a paragraph, up to its `。`', async (intro) => {
    const doc = await ingestText(PROSE(intro, '依据《中英科技创新合作战略》'));
    expect(doc.directions.map((d) => d.domains.map((x) => x.label))).toEqual([
      ['精准医学', '海洋科学', '农业与食品'],
      ['航空', '核能'],
    ]);
    // The figures after the list are still read from the same paragraph.
    expect(doc.directions.map((d) => d.projectCount?.value)).toEqual([2, 3]);
    expect(doc.directions.map((d) => d.funding?.amountCNY)).toEqual([12000000, 12000000]);
  });

  it.each(['依据《中英科技创新合作战略》', '根据《中英科技创新合作路线图》', '在《中英科技创新合作战略》框架下'])('a title cited as the basis (`%s`) is the agreement whatever its title ends with', async (basis) => {
    const doc = await ingestText(PROSE('重点支持以下领域', basis));
    const title = /《(.+)》/.exec(basis)![1];
    expect(doc.directions[0]!.agreements.map((a) => a.title)).toEqual([title]);
  });

  it('a 《》 title cited in passing is no agreement', async () => {
    const doc = await ingestText(PROSE('重点支持以下领域', '结合《中英科技创新合作战略》提出的任务，依据双方共识'));
    expect(doc.directions[0]!.agreements).toEqual([]);
  });
});

describe('youth rules', () => {
  it.each(['以后（含）出生', '（含）以后出生', '以后出生'])('`男性应为1988年1月1日%s` gives the birth dates', async (form) => {
    const text = `国家重点研发计划“先进结构与复合材料”重点专项
2023年度项目申报指南

    本专项2023年度拟启动2个项目方向，拟安排国拨经费概算3000万元。项目实施周期不超过4年。

1. 先进金属结构材料

1.1 高温合金叶片服役损伤机理（基础前沿技术类）

研究内容：研究高温合金叶片在服役环境下的损伤演化机理。

考核指标：建立损伤演化模型1套。

1.2 结构材料服役行为智能预测（青年科学家项目）

研究内容：研究结构材料服役行为的数据驱动预测方法。

考核指标：建立预测模型1套。

有关说明：青年科学家项目不下设课题，项目负责人年龄要求：男性应为1988年1月1日${form}，女性应为1986年1月1日${form}；项目实施周期3年。
`;
    const doc = await ingestText(text);
    const youth = doc.directions.find((d) => d.id === '1.2')!;
    expect(youth.conditions?.youngScientist).toMatchObject({ maleBornOnOrAfter: '1988-01-01', femaleBornOnOrAfter: '1986-01-01' });
    expect(doc.directions.find((d) => d.id === '1.1')!.conditions?.youngScientist ?? null).toBeNull();
  });
});

describe('running headers of a guideline cut from a longer file', () => {
  it('a header on each page after the first is removed though the pages are numbered from 5', async () => {
    const header = '国家重点研发计划“港澳台科技创新合作”重点专项2022年度项目申报指南';
    const direction = (n: number, partner: string): string => `${n}. 内地与${partner}联合资助研究项目

合作协议:《内地与${partner}科技合作委员会会议纪要》。

领域方向:生物医药；人工智能。

拟支持项目数:不超过6个。

共拟支持经费:1200万元人民币。

其他要求:项目须由内地单位与${partner}单位联合申报，单方申报

无效，项目实施周期不超过3年。
`;
    const text = [
      '国家重点研发计划“港澳台科技创新合作”\n重点专项2022年度项目申报指南\n',
      '本专项2022年度拟支持项目18个，国拨经费总概算3600万元。\n',
      direction(1, '香港'),
      '— 5 —\n',
      header + '\n',
      direction(2, '澳门'),
      '— 6 —\n',
      header + '\n',
      direction(3, '台湾'),
    ].join('\n');
    const doc = await ingestText(text);
    expect(doc.removed.filter((r) => r.kind === 'running-header').map((r) => [r.text, r.page])).toEqual([
      [header, 6],
      [header, 7],
    ]);
    expect(doc.directions.map((d) => d.requirements.map((r) => r.text))).toEqual([1, 2, 3].map(() => [expect.stringMatching(/^项目须由内地单位与.+单位联合申报，单方申报无效，项目实施周期不超过3年。$/)]));
  });
});

describe('a figure stated twice, once with a hedge', () => {
  const doc = (field: string, sentence: string): string => `国家重点研发计划“政府间国际科技创新合作”重点专项
2025年度项目申报指南

一、领域和方向

1.1 中国和埃及政府间联合研究项目
合作协议：《中埃科技合作协定》。
领域方向：农业；水资源。
拟支持项目数：3个。
实施周期：${field}
其他要求：合作项目必须双方同时申报，单方申报无效。${sentence}

二、申报要求

申报单位须为在中国境内登记注册的法人单位。
`;

  it('takes the hedge of the direction’s own sentence for the same figure (`不超过4年`, then `原则上不超过4年`)', async () => {
    const d = (await ingestText(doc('不超过4年。', '项目实施周期原则上不超过4年。'))).directions[0]!;
    expect(d.duration).toMatchObject({ minYears: null, maxYears: 4, qualifier: 'atMost', hedge: 'inPrinciple', text: '原则上不超过4年', inherited: false });
  });

  it('never for another figure, nor where the field has its own hedge', async () => {
    expect((await ingestText(doc('不超过4年。', '项目实施周期原则上不超过3年。'))).directions[0]!.duration).toMatchObject({ maxYears: 4, hedge: null });
    expect((await ingestText(doc('一般为3年。', '项目实施周期原则上为3年。'))).directions[0]!.duration).toMatchObject({ maxYears: 3, hedge: 'usually' });
  });
});
