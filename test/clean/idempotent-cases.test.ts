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
  // Each counter-example with what one cleaning leaves: a line that is only page numbers and
  // figures goes whole; words keep their line.
  it.each([
    ['第 2 页\t中', ['中']],
    ['第 2 页0', []],
    ['第 2 页3/20', []],
    ['— 3 —⾯', ['面']],
    ['— 3 —第 2 页', []],
    ['— 3 —Ａ', ['A']],
    ['１— 3 —', []],
    ['；拟支持项目数：', ['；拟支持项目数：']],
    // HTML character references: written as their characters, a space as clean writes spaces.
    ['重点专项&ldquo;政府间&rdquo;经费1000&nbsp;万元', ['重点专项“政府间”经费1000万元']],
    ['x &#8220;y&#8221; z &amp; q', ['x“y”z & q']],
    ['A &amp;ldquo; B', ['A &amp;ldquo; B']],
    // Full-width Latin before a label is an English gloss as half-width is; a URL ends at its own characters.
    ['Ａ　共拟支持经费：', ['共拟支持经费：']],
    ['https://example.org/a）。第 2 页　共拟支持经费：', ['https://example.org/a）。　共拟支持经费：']],
    // A page number between an English gloss and its label: the gloss goes, as with the page number elsewhere.
    ['Associated Partner第 2 页  共拟支持经费：', ['共拟支持经费：']],
    // A half-width full stop before a line that starts with a radical (`⼀`, read as `一`): the same as before `一`.
    ['中.\n\n⼀', ['中。', '一']],
    // A bullet before a short line whose ideograph is a compatibility form (勇 U+FA76): decided as for 勇 U+52C7.
    ['■\uFA76\u{10000}!', ['■\u52C7\u{10000}!']],
    ['■\uFA76\u{10000}中文', ['\u52C7\u{10000}中文']],
    // A page number that leaves a reStructuredText comment's mark alone on its line: the line goes whole.
    ['..第 2 页', []],
  ] as const)('%j cleans to %j, and cleaning that again changes nothing', async (text, lines) => {
    const once = clean(await loadText(text));
    expect(once.lines.map((l) => l.text.text)).toEqual(lines);
    // Nothing left: nothing to clean again.
    if (lines.length === 0) return;
    const twice = clean(await loadText(renderCleaned(once)));
    expect(lineTexts(twice)).toEqual(lineTexts(once));
  });

  it('removes a URL line that repeats a sentence a copied line parted (the case a 10,000-run property found)', async () => {
    // A PDF's link text drawn again after the page (`https://…）。外方合作单位…`), the sentence it
    // repeats parted by a line that stands twice: the copy goes as a duplicate line, so the sentence is
    // whole and every URL line is an artefact on the first cleaning, not only on the second.
    const text = [
      '（4）申报单位应提供外方政府部门的正式文件，须依照模板出具，文件模板下载链接：待定）。外方合',
      '作单位自行签章出具的文件不符合上述要求。此文件仅为项目申',
      '作单位自行签章出具的文件不符合上述要求。此文件仅为项目申',
      '报材料，最终能否立项须待评审后确定。',
      '（5）组织高水平国际学术交流活动2次以上，',
      'https://service.most.gov.cn/zn/20240401.html）。外方合作单位自行签章出具的文件不符合上述要求。此文件仅为项目申报材料，最终能否立项须待评审后确定。',
      'https://service.most.gov.cn/zn/20240401.html）。外方合作单位自行签章出具的文件不符合上述要求。此文件仅为项目申报材料，最终能否立项须待评审后确定。',
      '培养青年学者5人以上。',
    ].join('\n');
    const once = clean(await loadText(text));
    expect(once.lines.some((l) => l.text.text.startsWith('https://'))).toBe(false);
    expect(once.removed.filter((r) => r.kind === 'url-artefact')).toHaveLength(2);
    const twice = clean(await loadText(renderCleaned(once)));
    expect(lineTexts(twice)).toEqual(lineTexts(once));
  });

  it('removes a page number inside words', async () => {
    expect(lineTexts(clean(await loadText('交通基础- 3 -设施运维')))).toEqual([['交通基础设施运维', false]]);
  });
});
