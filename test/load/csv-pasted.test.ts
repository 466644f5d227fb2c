/**
 * A guideline pasted into a spreadsheet a paragraph to a row and saved as CSV (set 164): the list
 * numbers Word typed in cells of their own, Excel's `-1` for `(1)`, and the notes of whoever pasted
 * it in columns beside the text.
 */
import { describe, expect, it } from 'vitest';
import { ingestText } from '../helpers/seed.js';

const CSV = [
  '\ufeff附件1,,,对口学院,备注',
  '国家重点研发计划“战略性科技创新合作”重点专项,,,,',
  '2028年度第一批项目申报指南,,,,',
  '经与有关合作方磋商议定，2028年度第一批项目设立2个指南方向，拟支持项目数约9个，国拨经费总概算3200万元人民币。项目实施周期一般为3年。,,,,学校重点关注1.1',
  '（一）,与重点国家的联合研发,,,',
  '1.1,中国和德国科技创新合作项目,,机械学院,张老师牵头',
  '合作协议：《中德政府间科技合作联合委员会第十一次会议纪要》。,,,,',
  '领域方向：智能制造；电动汽车与动力电池；绿色氢能。,,,,',
  '拟支持项目数：5个。,,,,',
  '共拟支持经费：2000万元人民币。,,,,去年同类方向1800万',
  '其他要求：,,,,',
  '-1,项目合作双方须分别向本国的项目征集部门提交申报材料，单方申报无效。,,,',
  '-2,"鼓励企业参与，作为参与单位的企业应提供配套出资。",,,',
  '1.2,中国和法国科技创新合作项目,,能源学院,',
  '合作协议：《中法科技合作联委会第十六次会议纪要》。,,,,',
  '领域方向：核能安全；航空航天材料。,,,,',
  '拟支持项目数：4个。,,,,',
  '共拟支持经费：1200万元人民币。,,,,',
  '其他要求：合作项目必须双方同时申报，单方申报无效。项目实施周期原则上不超过3年。,,,,',
].join('\r\n');

describe('a guideline pasted into a sheet', () => {
  it('reads its rows as lines, a number and its text joined, and logs the notes beside them', async () => {
    const d = await ingestText(Buffer.from(CSV), 'pasted.csv');
    expect(d.directions.map((x) => [x.id, x.title])).toEqual([
      ['1.1', '中国和德国科技创新合作项目'],
      ['1.2', '中国和法国科技创新合作项目'],
    ]);
    expect(d.directions[0]!.requirements.map((r) => r.label)).toEqual(['（1）', '（2）']);
    expect(d.directions.map((x) => [x.projectCount?.value, x.funding?.amountCNY])).toEqual([
      [5, 20_000_000],
      [4, 12_000_000],
    ]);
    expect(d.removed.filter((r) => r.kind === 'margin-note').map((r) => r.text)).toEqual(['对口学院', '备注', '学校重点关注1.1', '机械学院', '张老师牵头', '去年同类方向1800万', '能源学院']);
  });
});
