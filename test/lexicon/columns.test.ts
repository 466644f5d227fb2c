import { describe, expect, it } from 'vitest';
import { ideographOf, plainIdeographs } from '../../src/lexicon/chars.js';
import { columnOf, isDirectionHeader, RE_TOTAL_TEXT } from '../../src/lexicon/columns.js';

describe('table header cells', () => {
  it('name their column through look-alike glyphs (a PDF font that draws 支 as the radical ⽀)', () => {
    expect(columnOf('拟⽀持项⽬数')).toEqual(columnOf('拟支持项目数'));
    expect(columnOf('拟⽀持项⽬数')?.role).toBe('projectCount');
    const header = ['序号', '合作国家（地区）', '合作领域', '拟⽀持项⽬数', '国拨经费（万元）', '实施周期', '备注'].map(columnOf);
    expect(isDirectionHeader(header)).toBe(true);
  });
});

describe('look-alikes of ideographs', () => {
  it('are read as the ideograph they stand for: Kangxi radicals, the CJK Radicals Supplement, compatibility ideographs', () => {
    expect(plainIdeographs('项⽬⽅向⻅表1，⾦砖')).toBe('项目方向见表1，金砖');
    expect(ideographOf('\uf900')).toBe('豈');
    expect(ideographOf('目')).toBeNull();
    // A radical that stands for no character stays as it is.
    expect(ideographOf('⺅')).toBeNull();
  });
});

describe('a table row’s total', () => {
  it('is 合计 / 总计 / 小计 / 共计, spaced, bold or after a row number, never a title that merely starts so', () => {
    for (const t of ['合计', '合 计', '**合计**', '总计：', '8 小计', '共计']) expect(RE_TOTAL_TEXT.test(t), t).toBe(true);
    for (const t of ['合计支持项目45个', '中国和德国政府间合作项目', '共计划支持', '']) expect(RE_TOTAL_TEXT.test(t), t).toBe(false);
  });
});
