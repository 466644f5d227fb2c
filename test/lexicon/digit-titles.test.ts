/** Items whose titles start with a figure (`1．0～3岁…`), read as items where the list says so. */
import { describe, expect, it } from 'vitest';
import { digitTitleMarkers, matchMarker, type Marker } from '../../src/lexicon/markers.js';

const markersOf = (texts: string[]): (Marker | null)[] => {
  const ms = texts.map((t) => matchMarker(t));
  digitTitleMarkers(texts, ms);
  return ms;
};

describe('digitTitleMarkers', () => {
  it('the first item after a heading, and an item between its neighbours, are items', () => {
    const ms = markersOf(['（二）学前教育与基础教育（5条）', '1．0～3岁婴幼儿照护服务与学前教育衔接机制研究', '2．学龄人口变化背景下城乡义务教育学校布局调整研究', '3．5G网络支撑的课堂教学研究', '4．县域普通高中振兴研究']);
    expect(ms.map((m) => m?.value ?? null)).toEqual([2, 1, 2, 3, 4]);
    expect(ms[1]).toMatchObject({ type: 'arabic-dot', text: '1．', length: 2 });
  });

  it('a decimal figure is left where the list does not go on from it', () => {
    const ms = markersOf(['（一）资助强度', '1．5亿元用于支持重点方向。', '其余经费用于青年项目。']);
    expect(ms[1]).toBeNull();
    const ms2 = markersOf(['1．总体要求', '2．5亿元用于支持重点方向。', '4．其他']);
    expect(ms2[1]).toBeNull();
  });

  it('a title that starts with a sum of numbers (10+3, 东盟与中日韩) keeps them: the item is the number before its dot', () => {
    expect(matchMarker('4．10+3粮食安全与减贫合作')).toMatchObject({ type: 'arabic-dot', text: '4．', value: 4 });
    expect(matchMarker('5.10＋3应对人口老龄化合作')).toMatchObject({ type: 'arabic-dot', value: 5 });
    // (A decimal figure is none: `1．5亿元…`.)
    expect(matchMarker('1．5亿元用于支持重点方向。')?.type).not.toBe('arabic-dot');
  });
});
