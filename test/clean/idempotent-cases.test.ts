/**
 * Counter-examples the property `cleaning is idempotent` found at 3,000–10,000 runs: page numbers
 * inside lines next to nothing but figures, page-number words, look-alike and full-width glyphs, or
 * white space. Cleaning the cleaned text must change nothing.
 */
import { describe, expect, it } from 'vitest';
import { clean, renderCleaned } from '../../src/clean/index.js';
import { loadText } from '../helpers/seed.js';

const lineTexts = (c: ReturnType<typeof clean>) => c.lines.map((l) => [l.text.text, l.blankBefore]);

describe('cleaning twice', () => {
  it.each(['第 2 页\t中', '第 2 页0', '第 2 页3/20', '— 3 —⾯', '— 3 —第 2 页', '— 3 —Ａ', '１— 3 —', '；拟支持项目数：'])('changes nothing more: %j', async (text) => {
    const once = clean(await loadText(text));
    const rendered = renderCleaned(once);
    if (rendered.trim() === '') return;
    const twice = clean(await loadText(rendered));
    expect(lineTexts(twice)).toEqual(lineTexts(once));
  });

  it('removes a page number inside words', async () => {
    expect(lineTexts(clean(await loadText('交通基础- 3 -设施运维')))).toEqual([['交通基础设施运维', false]]);
  });
});
