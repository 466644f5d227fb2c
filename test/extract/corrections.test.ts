/**
 * Corrections printed after the directions (`更正说明`): the values they correct, the direction and the
 * item they delete, each with a check that says so in Chinese (the corrigendum case of blind set 67).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ingestText } from '../helpers/seed.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const doc = () => ingestText(readFileSync(`${ROOT}test/fixtures/blind67/jcfh-2026-corrigendum.txt`), 'jcfh-2026-corrigendum.txt');

describe('a corrigendum after the directions', () => {
  it('changes the count it names by direction number, and says so', async () => {
    const d = await doc();
    const count = d.directions.find((x) => x.id === '2.1')!.projectCount!;
    expect([count.value, count.qualifier, count.text]).toEqual([3, 'atMost', '不超过3项']);
    const check = d.checks.find((c) => c.code === 'value-corrected' && c.directionId === '2.1')!;
    expect(check.messageZh).toBe('方向2.1：文末更正：“拟支持项目数不超过2项”更正为“拟支持项目数不超过3项”，已采用更正后的数值');
  });

  it('leaves out the direction it deletes, with a check that names the correction, not the draft', async () => {
    const d = await doc();
    expect(d.directions.map((x) => x.id)).toEqual(['1.1', '1.2', '1.3', '2.1', '2.2', '3.1', '3.3', '4.1']);
    const check = d.checks.find((c) => c.code === 'direction-withdrawn')!;
    expect(check.computed).toBe('correction');
    expect(check.messageZh).toMatch(/^方向“热塑性复合材料高效焊接技术（共性关键技术类）”已被文末更正删除，不计入指南方向/);
  });

  it('drops the one indicator item it deletes, saying which', async () => {
    const d = await doc();
    expect(d.directions.find((x) => x.id === '1.2')!.indicators).toHaveLength(3);
    const check = d.checks.find((c) => c.code === 'value-corrected' && c.directionId === '1.2')!;
    expect(check.computed).toBeNull();
    expect(check.messageZh).toMatch(/^方向1\.2：文末更正删除“.+”，已略去该条$/);
  });

  it('reads the call’s figures again from the corrected words', async () => {
    const { summary } = await doc();
    expect([summary.directionCount?.value, summary.projectCount?.value, summary.fundingTotal?.amountCNY]).toEqual([8, 17, 430_000_000]);
  });
});

describe('a direction a policy database notes as cancelled after publication', () => {
  it('keeps it with its values, and says in Chinese that it is kept, not left out', async () => {
    const d = await ingestText(readFileSync(`${ROOT}test/fixtures/blind127/kp-2026-nqi-pkulaw-crlf.txt`), 'kp-2026-nqi-pkulaw-crlf.txt');
    expect(d.directions.map((x) => x.id)).toContain('2.2');
    const check = d.checks.find((c) => c.code === 'direction-withdrawn')!;
    expect([check.directionId, check.severity, check.computed]).toEqual(['2.2', 'warning', 'note']);
    expect(check.messageZh).toBe('方向2.2：注明发布后已取消（“注：本指南方向已取消，详见本篇题注。”），仍计入指南方向，其数值按原文保留，请核实');
  });
});
