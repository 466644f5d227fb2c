import { describe, expect, it } from 'vitest';
import { clean } from '../../src/clean/index.js';
import { reflow } from '../../src/reflow/index.js';
import { loadText } from '../helpers/seed.js';

const paras = async (text: string): Promise<string[]> => reflow(clean(await loadText(text))).map((p) => p.text.text);

// Lines of a 28-character column, as in the seed.
const FULL = '当今世界正处于百年未有之大变局，全球范围内新一轮科技。';

describe('reflow', () => {
  it('joins a break inside a word or a title', async () => {
    expect(await paras(`${FULL}\n合作协议：《中越政府间科技合作联委会第十一次会议议定\n书》。\n领域方向：储能技术；人用疫苗；空间技术；人工智能；区\n块链和先进材料。`)).toEqual([
      FULL,
      '合作协议：《中越政府间科技合作联委会第十一次会议议定书》。',
      '领域方向：储能技术；人用疫苗；空间技术；人工智能；区块链和先进材料。',
    ]);
  });

  it('joins a heading wrapped over two lines', async () => {
    expect(await paras(`${FULL}\n1.5 中国-欧盟科技创新合作联合资助机制一般类研究创新\n合作项目\n合作协议：《协议》。`)).toEqual([
      FULL,
      '1.5中国-欧盟科技创新合作联合资助机制一般类研究创新合作项目',
      '合作协议：《协议》。',
    ]);
  });

  it('joins a continuation line that starts with （ but is no list marker', async () => {
    expect(await paras(`${FULL}\n（1）项目参与方须至少包括一家中方单位和一家芬方单位\n（芬方要求企业牵头，其他要求参见芬方指南），并分别向本国的\n项目征集部门提交申报材料，单方申报无效。\n（2）鼓励产学研合作。`)).toEqual([
      FULL,
      '（1）项目参与方须至少包括一家中方单位和一家芬方单位（芬方要求企业牵头，其他要求参见芬方指南），并分别向本国的项目征集部门提交申报材料，单方申报无效。',
      '（2）鼓励产学研合作。',
    ]);
  });

  it('does not start a heading at a wrapped amount', async () => {
    expect(await paras('拟支持项目数约155个，国拨经费总概算合计达到\n4.02亿元人民币。每个项目实施周期一般为2~3年。')).toEqual([
      '拟支持项目数约155个，国拨经费总概算合计达到4.02亿元人民币。每个项目实施周期一般为2~3年。',
    ]);
  });

  it('puts a space back only between Latin words', async () => {
    expect(await paras('即列入地平线欧洲项目的“Associated\nPartner”名单，并分别向科技部和日本JICA申报，单方申报无效。')).toEqual([
      '即列入地平线欧洲项目的“Associated Partner”名单，并分别向科技部和日本JICA申报，单方申报无效。',
    ]);
  });

  it('treats unwrapped text as one paragraph per line', async () => {
    const long = '甲'.repeat(90);
    expect(await paras(`${long}。\n${long}\n${long}`)).toEqual([`${long}。`, long, long]);
  });
});
