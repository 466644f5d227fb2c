/**
 * A value's unit given only by its label (`拟支持经费（万元）：1200.00`, `项目实施周期（月）：36`), in a
 * line or with the label above its value as an application system's page prints it (`*拟支持经费
 * （万元）` / `必填` / `1200.00`): read in that unit. The form's marks (`*`, `必填`, `查看详情`) are
 * logged, and its bare numbers (`36`, `24`) are values, never page numbers.
 */
import { describe, expect, it } from 'vitest';
import { ingestText } from '../helpers/seed.js';

const HEAD = ['国家重点研发计划“政府间国际科技创新合作”重点专项2026年度项目申报指南', '', '一、领域和方向', ''];

const values = (doc: Awaited<ReturnType<typeof ingestText>>) =>
  doc.directions.map((d) => ({ id: d.id, count: d.projectCount?.value ?? null, fundingCNY: d.funding?.amountCNY ?? null, years: d.duration?.maxYears ?? null }));

describe('units in labels', () => {
  it('in a line: `拟支持经费（万元）：1200.00`, `项目实施周期（月）：36`', async () => {
    const doc = await ingestText(
      [...HEAD, '1.1 中国和智利联合研究项目', '合作协议：《中智科技合作协定》', '拟支持项目数：4项', '拟支持经费（万元）：1200.00', '项目实施周期（月）：36', '', '1.2 中国和秘鲁联合研究项目', '合作协议：《中秘科技合作协定》', '拟支持项目数：4项', '拟支持经费（万元）：800', '项目实施周期（月）：24', ''].join('\n'),
    );
    expect(values(doc)).toEqual([
      { id: '1.1', count: 4, fundingCNY: 12_000_000, years: 3 },
      { id: '1.2', count: 4, fundingCNY: 8_000_000, years: 2 },
    ]);
  });

  it('on a system’s page: `*label（unit）` over its value, `必填` between, the direction’s number under `*指南方向编号`', async () => {
    const panel = (id: string, partner: string, months: number, wan: string) => [
      `${id}　中国和${partner}联合研究项目`,
      '申报中',
      '收起 ︿',
      '*指南方向编号',
      id,
      '*指南类别',
      '联合研究项目',
      '*合作国家/地区',
      '必填',
      partner,
      '*合作协议',
      `《中${partner.slice(0, 1)}科技合作联委会会议纪要》`,
      '*拟支持项目数',
      '不超过4项',
      '*拟支持经费（万元）',
      wan,
      '*项目实施周期（月）',
      String(months),
      '其他要求',
      '合作项目须双方同时申报，单方申报无效。',
      '查看详情',
      '申报',
    ];
    const doc = await ingestText([...HEAD, ...panel('1.1', '智利', 36, '1200.00'), ...panel('1.2', '阿根廷', 24, '1000.00'), ...panel('1.3', '墨西哥', 36, '1200.00'), ''].join('\n'));
    expect(values(doc)).toEqual([
      { id: '1.1', count: 4, fundingCNY: 12_000_000, years: 3 },
      { id: '1.2', count: 4, fundingCNY: 10_000_000, years: 2 },
      { id: '1.3', count: 4, fundingCNY: 12_000_000, years: 3 },
    ]);
    expect(doc.directions.map((d) => d.partners.map((p) => p.name))).toEqual([['智利'], ['阿根廷'], ['墨西哥']]);
    const removed = doc.removed.map((r) => `${r.kind}:${r.text}`);
    expect(removed).toContain('web-chrome:必填');
    expect(removed).toContain('web-chrome:查看详情');
    expect(removed.filter((r) => r === 'web-chrome:*')).toHaveLength(21);
    expect(doc.removed.filter((r) => r.kind === 'page-number' || r.kind === 'running-header')).toEqual([]);
  });
});
