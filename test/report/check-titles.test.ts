/**
 * Every check code a stage can emit has a title in the reports' language (the Markdown and the
 * diff report show `警告：经费合计与文中所述不符（funding-total-mismatch）`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkMessageZh, formatCheckTitle } from '../../src/format.js';
import { ROOT } from '../helpers/seed.js';

/** The check codes written in the sources: `code: 'x'` and the codes of the segment's problems. */
function codesInSources(): string[] {
  const codes = new Set<string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (path.endsWith('.ts') && !path.includes(`${join('src', 'schema')}`) && !path.includes(`${join('src', 'load')}`)) {
        const src = readFileSync(path, 'utf8');
        for (const m of src.matchAll(/\bcode: '([a-z]+(?:-[a-z]+)+)'/g)) codes.add(m[1]!);
        // The direction reader's own helper: `check('value-unreadable', …)`.
        for (const m of src.matchAll(/\bcheck\('([a-z]+(?:-[a-z]+)+)'/g)) codes.add(m[1]!);
        for (const m of src.matchAll(/'(numbering-[a-z]+)'/g)) codes.add(m[1]!);
      }
    }
  };
  walk(join(ROOT, 'src'));
  return [...codes].sort();
}

describe('check titles', () => {
  it('exist for every code the stages emit', () => {
    const codes = codesInSources();
    expect(codes).toContain('funding-total-mismatch');
    expect(codes).toContain('numbering-duplicate');
    expect(codes.length).toBeGreaterThanOrEqual(15);
    for (const code of codes) expect(formatCheckTitle({ code }), code).toMatch(/^\p{Script=Han}.*（[a-z-]+）$/u);
  });

  it('every code the stages emit has a Chinese message of its own (not the English one)', () => {
    for (const code of codesInSources()) {
      const english = 'english message';
      expect(checkMessageZh({ code, directionId: '1.1', stated: 1, computed: 2, message: english }), code).not.toBe(english);
      expect(checkMessageZh({ code, directionId: '1.1', stated: 1, computed: 2, message: english }), code).toMatch(/\p{Script=Han}/u);
    }
  });

  it('name the severity and keep the code', () => {
    expect(formatCheckTitle({ code: 'funding-total-mismatch', severity: 'warning' })).toBe('警告：经费合计与文中所述不符（funding-total-mismatch）');
    expect(formatCheckTitle({ code: 'something-new', severity: 'info' })).toBe('提示：something-new');
  });

  it('say the direction, the field and the words, and what a figure lacks', () => {
    const m = (code: string, directionId: string | null, stated: string | number | null, computed: string | number | null, context = {}) =>
      checkMessageZh({ code, directionId, stated, computed, message: '' }, context);
    // The direction of a numbering problem, not only its number.
    expect(m('numbering-rollover', '2.0', '2.0', '1.10')).toBe('方向2.0：编号像小数一样进位（本组接下去应为1.10，不是2.0）');
    expect(m('numbering-gap', null, '1.3', '1.2')).toBe('编号1.3前缺少1.2');
    // A total: what is left over, and whether every direction counts.
    expect(m('funding-total-mismatch', null, 402_000_000, 389_500_000, { counted: null })).toBe('文中所述国拨经费合计4.02亿元，各方向合计3.895亿元（1250万元未分到方向）');
    expect(m('funding-total-mismatch', null, 100_000_000, 120_000_000, { counted: 3 })).toBe('文中所述国拨经费合计1亿元，写明的3个方向已合计1.2亿元');
    expect(m('project-total-mismatch', null, 20, 24, { counted: 5 })).toBe('文中所述拟支持项目数20个，写明的5个方向已合计24个');
    expect(m('partner-count-mismatch', null, 3, 2, { partners: ['越南', '老挝'] })).toBe('文中所述合作国家和地区3个，各方向标题中识别出2个（越南、老挝）');
    // The field the words stand in.
    expect(m('value-unreadable', '1.2', '若干', null, { field: '拟支持项目数' })).toBe('方向1.2：拟支持项目数中“若干”读不出数值');
    expect(m('placeholder', '2.1', '待定', null, { field: '其他要求', excerpt: '下载链接：待定）。' })).toBe('方向2.1：其他要求中含待定内容“待定”：“…下载链接：待定）。…”');
  });
});
