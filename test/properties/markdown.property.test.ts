/**
 * The fast text handler of `src/report/markdown.ts` changes nothing: on generated trees (text full
 * of the characters Markdown escapes, in the places the renditions put text) it gives the very
 * bytes remark's own handler gives.
 */
import fc from 'fast-check';
import type { PhrasingContent, Root, RootContent } from 'mdast';
import { describe, expect, it } from 'vitest';
import { markdownProcessor, referenceProcessor } from '../../src/report/markdown.js';
import { toMarkdown, toMdast } from '../../src/report/index.js';
import { seed } from '../helpers/seed.js';

const PIECES = [
  '中', '国', '项', '目', '。', '，', '：', '（', '）', '《', '》', '“', '”', '—', '～',
  'a', 'Z', '0', '1', '9', ' ', '  ', '\t', '\n', '\\',
  ...'!"#$%&\'()*+,-./:;<=>?@[]^_`{|}~',
  '1.', '1)', '- ', '* ', '# ', '> ', '```', '***', '___', '<a>', '&amp;', '&#x61;', 'https://a.org/x_y', 'www.example.com', '[x]', '![y](z)', '|',
];
const value = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 30 }).map((p) => p.join(''));
const text = value.map((v): PhrasingContent => ({ type: 'text', value: v }));
const phrasing = fc.array(
  fc.oneof(text, text.map((t): PhrasingContent => ({ type: 'strong', children: [t] })), text.map((t): PhrasingContent => ({ type: 'delete', children: [t] }))),
  { minLength: 1, maxLength: 4 },
);
const block: fc.Arbitrary<RootContent> = fc.oneof(
  phrasing.map((children): RootContent => ({ type: 'paragraph', children })),
  fc.tuple(fc.integer({ min: 1, max: 3 }), phrasing).map(([depth, children]): RootContent => ({ type: 'heading', depth: depth as 1 | 2 | 3, children })),
  fc.array(phrasing, { minLength: 1, maxLength: 3 }).map(
    (items): RootContent => ({ type: 'list', ordered: false, spread: false, children: items.map((children) => ({ type: 'listItem', spread: false, children: [{ type: 'paragraph', children }] })) }),
  ),
  fc.array(fc.tuple(phrasing, phrasing), { minLength: 1, maxLength: 3 }).map(
    (rows): RootContent => ({
      type: 'table',
      align: [null, null],
      children: rows.map(([a, b]) => ({ type: 'tableRow', children: [{ type: 'tableCell', children: a }, { type: 'tableCell', children: b }] })),
    }),
  ),
);
const tree = fc.array(block, { minLength: 1, maxLength: 6 }).map((children): Root => ({ type: 'root', children }));

describe('the fast text handler', () => {
  it('gives the bytes remark’s own handler gives, on generated trees', () => {
    fc.assert(
      fc.property(tree, (t) => {
        expect(markdownProcessor.stringify(t)).toBe(referenceProcessor.stringify(t));
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 300) },
    );
  });

  it('gives the seed’s Markdown rendition unchanged', async () => {
    const { doc } = await seed();
    const md = toMarkdown(doc);
    expect(md.length).toBeGreaterThan(10_000);
    expect(md).toBe(referenceProcessor.stringify(toMdast(doc)));
  });
});
