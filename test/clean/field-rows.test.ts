/**
 * A table of labels and values whose label cell is empty on a row (`|  | （2）高端医疗器械 |`: the
 * label merged down over rows, printed on the page before): the row's value goes on under the field
 * above. Before 1.108 the row was dropped, its text neither read nor logged.
 */
import { describe, expect, it } from 'vitest';
import { ingestText } from '../helpers/seed.js';

const TEXT = `国家重点研发计划“港澳台科技创新合作”重点专项2027年度项目申报指南
一、领域和方向
1.1 内地与香港联合研究项目
| 合作地区 | 香港 |
| 领域方向 | （1）创新药物与疫苗 |
|  | （2）高端医疗器械 |
|  | （3）中医药现代化 |
| 拟支持项目数 | 5个 |
| 共拟支持经费 | 1500万元 |
| 其他要求 | （1）香港合作方须为香港特别行政区政府认可的高等院校或科研机构。 |
|  | （2）内地与香港合作方应共同制定研究计划，明确分工。 |
1.2 内地与澳门联合研究项目
| 合作地区 | 澳门 |
| 领域方向 | （1）中药质量控制 |
| 拟支持项目数 | 3个 |
| 共拟支持经费 | 900万元 |
`;

describe('a label/value row without its label', () => {
  it('keeps its value under the field above (domains, requirements)', async () => {
    const doc = await ingestText(TEXT);
    expect(doc.directions.map((d) => d.id)).toEqual(['1.1', '1.2']);
    const [a, b] = doc.directions;
    expect(a!.domains.map((d) => d.label)).toEqual(['创新药物与疫苗', '高端医疗器械', '中医药现代化']);
    expect(a!.requirements.map((r) => r.text)).toEqual(['香港合作方须为香港特别行政区政府认可的高等院校或科研机构。', '内地与香港合作方应共同制定研究计划，明确分工。']);
    expect(a!.projectCount?.value).toBe(5);
    expect(b!.domains.map((d) => d.label)).toEqual(['中药质量控制']);
  });
});
