import type { Element, Root } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { counterText, drawnNumbers, hiddenByStyleSheet, parseSelector, parseStyleSheet } from '../../src/load/css.js';

/** The numbers drawn before the elements of a page, by the elements' text. */
function drawn(body: string, style = ''): Record<string, string> {
  const root = unified().use(rehypeParse).parse(`<html><head><style>${style}</style></head><body>${body}</body></html>`) as Root;
  const out: Record<string, string> = {};
  const text = (e: Element): string => e.children.map((c) => (c.type === 'text' ? c.value : c.type === 'element' && !['ol', 'ul'].includes(c.tagName) ? text(c) : '')).join('').trim();
  for (const [e, n] of drawnNumbers(root)) out[text(e)] = n;
  return out;
}

describe('CSS: what the browser draws before elements', () => {
  it('parses selectors with their specificity, and refuses what it cannot match', () => {
    expect(parseSelector('ol.dirs > li::marker')).toMatchObject({ pseudoElement: 'marker', specificity: [0, 1, 3] });
    expect(parseSelector('#x li:nth-child(2n+1):not(.a, #b)::before')?.specificity).toEqual([2, 1, 2]);
    expect(parseSelector('a:hover')).toBeNull();
    expect(parseSelector('li::marker span')).toBeNull();
    expect(parseStyleSheet('/* c */ @import url(x.css); @font-face { src: x } @media print { li { list-style: none } } @media screen { li { list-style: decimal; color: red } } p { color: red }').map((r) => [...r.declarations])).toEqual([
      [['list-style-type', { value: 'decimal', important: false }]],
    ]);
  });

  it('applies the cascade: specificity, order, !important, the style attribute, list-style shorthand after list-style-type', () => {
    expect(drawn('<ol id="x"><li>甲</li></ol>', '#x li { list-style-type: lower-roman } li { list-style-type: upper-alpha }')).toEqual({ 甲: 'i. ' });
    expect(drawn('<ol id="x"><li>甲</li></ol>', '#x li { list-style-type: lower-roman } li { list-style-type: upper-alpha !important }')).toEqual({ 甲: 'A. ' });
    expect(drawn('<ol><li style="list-style-type: cjk-decimal" value="12">甲</li></ol>', 'li { list-style-type: decimal }')).toEqual({ 甲: '一二、' });
    expect(drawn('<ol class="a"><li>甲</li></ol>', 'ol { list-style-type: decimal } ol.a { list-style: none }')).toEqual({});
    // A list item no longer shown as one (display: block) draws no marker; a hidden one counts for nothing.
    expect(drawn('<ol><li class="b">甲</li><li hidden>乙</li><li>丙</li></ol>', 'li.b { display: block }')).toEqual({ 丙: '1. ' });
  });

  it('matches child, descendant and sibling combinators and structural pseudo-classes', () => {
    const style = 'div > ol li:first-child::before, h2 + p::before, h2 ~ h3:nth-of-type(2)::before { content: counter(list-item) " " } p:not(.skip)::after { content: "x" }';
    expect(drawn('<div><ol><li>甲</li><li>乙</li></ol></div><h2>题</h2><p>段</p><h3>一</h3><h3>二</h3>', style)).toEqual({ 甲: '1. 1 ', 乙: '2. ', 段: '0 ', 二: '0 ' });
  });

  it('writes numbers in the CSS counter styles, symbols as nothing', () => {
    expect(['decimal', 'decimal-leading-zero', 'lower-roman', 'upper-alpha', 'cjk-ideographic', 'cjk-decimal', 'disc', 'unknown'].map((s) => counterText(12, s))).toEqual([
      '12', '12', 'xii', 'L', '十二', '一二', '', '12',
    ]);
    expect([counterText(3, 'cjk-heavenly-stem'), counterText(7, 'decimal-leading-zero')]).toEqual(['丙', '07']);
  });
});

describe('CSS list styles named as properties every object has', () => {
  it('draw what an unknown style draws, never Object\u2019s own (`constructor`, `toString`), and never throw', () => {
    expect(() => drawn('<ol type="constructor"><li type="toString">甲</li></ol>')).not.toThrow();
    expect(drawn('<ol><li>甲</li></ol>', 'li { list-style-type: constructor }')).toEqual({});
    expect(drawn('<ol type="toString"><li>甲</li></ol>')).toEqual({ 甲: '1. ' });
  });
});

describe('elements a page\u2019s style sheet hides', () => {
  const hidden = (body: string, style: string): string[] => {
    const root = unified().use(rehypeParse).parse(`<html><head><style>${style}</style></head><body>${body}</body></html>`) as Root;
    return [...hiddenByStyleSheet(root)].map((e) => e.children.map((c) => (c.type === 'text' ? c.value : '')).join(''));
  };

  it('are those display: none by the cascade of the rules every screen applies', () => {
    const body = '<div class="xm">甲</div><div class="xm is-offline">乙</div><div class="xm is-offline show">丙</div><div class="m">丁</div>';
    const style = '.xm.is-offline{display:none !important} .xm.show{display:block} .xm.is-offline.show{display:block !important} @media (max-width: 768px) { .m { display: none } } @media print { .xm { display: none } }';
    expect(hidden(body, style)).toEqual(['乙']);
    expect(hidden('<p>甲</p>', '')).toEqual([]);
  });
});
