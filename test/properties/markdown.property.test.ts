/**
 * The fast handlers of `src/report/markdown.ts` (text, root) change no byte: on generated trees
 * and on every rendition the tool writes (each fixture's Markdown, a diff report, a history report)
 * they give the very bytes remark's own handlers give (`referenceProcessor`).
 *
 * The generated trees mix text the fast path takes (CJK, letters, CJK punctuation) with text only
 * remark can escape (Markdown syntax), so both paths and their seams are exercised: nested lists,
 * lists side by side (remark switches bullets), ordered lists from any start, `strong` at the edges
 * of paragraphs, headings and cells, empty cells and ragged table rows.
 */
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { runs } from '../helpers/runs.js';
import type { List, ListItem, PhrasingContent, Root, RootContent, TableRow } from 'mdast';
import { describe, expect, it } from 'vitest';
import { diff } from '../../src/diff/index.js';
import { diffMdast } from '../../src/diff/report.js';
import { history } from '../../src/history/index.js';
import { historyMdast } from '../../src/history/report.js';
import type { Heading, Paragraph, Parents } from 'mdast';
import { defaultHandlers, type Info, type State } from 'mdast-util-to-markdown';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { displayWidth } from '../../src/lexicon/chars.js';
import { markdownProcessor, referenceProcessor, root as fastRoot, text as fastText, writeBlocks } from '../../src/report/markdown.js';
import { toMarkdown, toMdast } from '../../src/report/index.js';
import type { Guideline } from '../../src/schema/guideline.js';
import { ingestText, ROOT, seed } from '../helpers/seed.js';

const RUNS = Number(process.env.FC_RUNS ?? 300);

/** Pieces the fast path writes as they are. */
const PLAIN = ['中', '国', '项', '目', '。', '，', '：', '（', '）', '《', '》', '“', '”', '—', '～', '　', 'a', 'Z', '0', '9', '万元', 'ASEAN'];
/** Pieces remark may have to escape, or that change how `**` pairs. */
const SYNTAX = [
  ' ', '  ', '\t', '\n', '\\', ...'!"#$%&\'()*+,-./:;<=>?@[]^_`{|}~',
  '1.', '1)', '- ', '* ', '# ', '> ', '```', '***', '___', '<a>', '&amp;', '&#x61;', 'https://a.org/x_y', 'www.example.com', '[x]', '![y](z)', '|',
];
const plain = fc.array(fc.constantFrom(...PLAIN), { minLength: 1, maxLength: 12 }).map((p) => p.join(''));
const anyValue = fc.array(fc.constantFrom(...PLAIN, ...SYNTAX), { minLength: 1, maxLength: 20 }).map((p) => p.join(''));
/** Mostly plain text, so that whole blocks take the fast path; sometimes syntax, or empty. */
const value = fc.oneof({ arbitrary: plain, weight: 6 }, { arbitrary: anyValue, weight: 2 }, { arbitrary: fc.constant(''), weight: 1 });
const text = value.map((v): PhrasingContent => ({ type: 'text', value: v }));
const inline = fc.oneof(
  { arbitrary: text, weight: 4 },
  { arbitrary: fc.array(text, { minLength: 0, maxLength: 2 }).map((children): PhrasingContent => ({ type: 'strong', children })), weight: 3 },
  { arbitrary: text.map((t): PhrasingContent => ({ type: 'emphasis', children: [t] })), weight: 1 },
  { arbitrary: text.map((t): PhrasingContent => ({ type: 'delete', children: [t] })), weight: 1 },
);
const phrasing = fc.array(inline, { minLength: 1, maxLength: 5 });

const leaf: fc.Arbitrary<RootContent> = fc.oneof(
  { arbitrary: phrasing.map((children): RootContent => ({ type: 'paragraph', children })), weight: 4 },
  { arbitrary: fc.tuple(fc.integer({ min: 1, max: 6 }), phrasing).map(([depth, children]): RootContent => ({ type: 'heading', depth: depth as 1, children })), weight: 2 },
  {
    arbitrary: fc
      .tuple(fc.integer({ min: 1, max: 3 }), fc.array(fc.array(phrasing, { minLength: 0, maxLength: 3 }), { minLength: 1, maxLength: 4 }))
      .map(([columns, rows]): RootContent => ({
        type: 'table',
        align: Array.from({ length: columns }, () => null),
        children: rows.map((cells): TableRow => ({ type: 'tableRow', children: cells.map((children) => ({ type: 'tableCell', children })) })),
      })),
    weight: 1,
  },
  { arbitrary: fc.constant<RootContent>({ type: 'thematicBreak' }), weight: 1 },
);

const { flow } = fc.letrec<{ flow: RootContent; list: List }>((tie) => ({
  flow: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, tie('list')),
  list: fc
    .record({
      ordered: fc.boolean(),
      start: fc.option(fc.integer({ min: 0, max: 12 }), { nil: undefined }),
      spread: fc.option(fc.boolean(), { nil: undefined }),
      items: fc.array(fc.array(tie('flow'), { minLength: 0, maxLength: 3 }), { minLength: 1, maxLength: 4 }),
    })
    .map(
      ({ ordered, start, spread, items }): List => ({
        type: 'list',
        ordered,
        ...(ordered && start !== undefined ? { start } : {}),
        ...(spread !== undefined ? { spread } : {}),
        children: items.map((children): ListItem => ({ type: 'listItem', spread: false, children: children as ListItem['children'] })),
      }),
    ),
}));
const tree = fc.array(flow, { minLength: 1, maxLength: 6 }).map((children): Root => ({ type: 'root', children }));

const same = (t: Root): void => {
  expect(markdownProcessor.stringify(t)).toBe(referenceProcessor.stringify(t));
  // Written a block at a time, from blocks made as they are asked for: the same bytes (for trees of
  // the blocks the root handler writes itself; a footnote, as the history report has, is remark's).
  const FLOW = ['paragraph', 'heading', 'list', 'table', 'thematicBreak', 'code', 'blockquote', 'definition'];
  if (!t.children.every((c) => FLOW.includes(c.type))) return;
  const pieces: string[] = [];
  writeBlocks(
    (function* () {
      yield* t.children;
    })(),
    (piece) => pieces.push(piece),
  );
  expect(pieces.join('')).toBe(referenceProcessor.stringify(t));
};

describe('the fast Markdown handlers', () => {
  it('give the bytes remark’s own handlers give, on generated trees', () => {
    fc.assert(fc.property(tree, same), { numRuns: runs(RUNS) });
  });

  it('give remark’s bytes at the seams between texts and strong (short texts of syntax)', () => {
    // Short pieces side by side: what one text ends with decides how the next is escaped.
    const piece = fc.array(fc.constantFrom('中', 'a', '1', '.', ')', ' ', '\n', '#', '*', '_', '-', '+', '>', '|', ':', '\\', '!', '['), { minLength: 1, maxLength: 4 }).map((p) => p.join(''));
    const seam = fc.array(
      fc.oneof(
        { arbitrary: piece.map((value): PhrasingContent => ({ type: 'text', value })), weight: 3 },
        { arbitrary: fc.constantFrom('中', '国a', 'b1').map((value): PhrasingContent => ({ type: 'strong', children: [{ type: 'text', value }] })), weight: 1 },
      ),
      { minLength: 2, maxLength: 5 },
    );
    const container = fc.tuple(fc.constantFrom('paragraph', 'heading', 'cell', 'item'), seam).map(([kind, children]): Root => {
      const p = { type: 'paragraph', children } as const;
      if (kind === 'heading') return { type: 'root', children: [{ type: 'heading', depth: 2, children }] };
      if (kind === 'cell') return { type: 'root', children: [{ type: 'table', align: [null], children: [{ type: 'tableRow', children: [{ type: 'tableCell', children }] }] }] };
      if (kind === 'item') return { type: 'root', children: [{ type: 'list', ordered: true, spread: false, children: [{ type: 'listItem', spread: false, children: [p] }] }] };
      return { type: 'root', children: [p] };
    });
    fc.assert(fc.property(container, same), { numRuns: runs(RUNS * 3) });
  });

  it('write most of a rendition themselves (remark’s handlers get only what needs escaping)', async () => {
    // The same processor, with remark's paragraph and heading handlers counted where the root
    // handler hands a node over: a fast path that was never taken would show here.
    let handed = 0;
    const counted = unified()
      .use(remarkGfm, { stringLength: displayWidth })
      .use(remarkStringify, {
        bullet: '-',
        listItemIndent: 'one',
        rule: '-',
        handlers: {
          text: fastText,
          root: fastRoot,
          paragraph: (node: Paragraph, parent: Parents | undefined, state: State, info: Info) => (handed++, defaultHandlers.paragraph(node, parent, state, info)),
          heading: (node: Heading, parent: Parents | undefined, state: State, info: Info) => (handed++, defaultHandlers.heading(node, parent, state, info)),
        },
      })
      .freeze();
    const label: Root = { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'strong', children: [{ type: 'text', value: '拟支持项目数' }] }, { type: 'text', value: '：4个' }] }] };
    expect(counted.stringify(label)).toBe('**拟支持项目数**：4个\n');
    expect(handed).toBe(0);
    // A label that starts with punctuation is remark's to pair: handed over, same bytes.
    const punct: Root = { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'strong', children: [{ type: 'text', value: '（一）' }] }] }] };
    expect(counted.stringify(punct)).toBe(referenceProcessor.stringify(punct));
    expect(handed).toBe(1);
    handed = 0;
    const { doc } = await seed();
    const tree = toMdast(doc);
    let blocks = 0;
    const walk = (n: { type: string; children?: unknown[] }): void => {
      if (n.type === 'paragraph' || n.type === 'heading') blocks++;
      for (const c of n.children ?? []) walk(c as { type: string; children?: unknown[] });
    };
    walk(tree);
    expect(counted.stringify(tree)).toBe(markdownProcessor.stringify(tree));
    // The seed's rendition: 9 of its 221 paragraphs and headings are handed over, its 9 checks,
    // whose bold label (`提示：…（title-inferred）`) ends with a bracket and holds a hyphen.
    expect([handed, blocks]).toEqual([9, 221]);
    expect(handed).toBe(doc.checks.length);
  });

  it('give the seed’s Markdown rendition unchanged', async () => {
    const { doc } = await seed();
    const md = toMarkdown(doc);
    expect(md.length).toBeGreaterThan(10_000);
    expect(md).toBe(referenceProcessor.stringify(toMdast(doc)));
  });

  const folders = ['corpus', 'test/fixtures/variants', 'test/fixtures/unseen', 'test/fixtures/key-programme', 'test/fixtures/history'];
  const files = folders.flatMap((f) => readdirSync(`${ROOT}${f}`).filter((n) => n.endsWith('.txt')).map((n) => `${f}/${n}`));

  it.each(files)('give the Markdown rendition of %s unchanged', async (file) => {
    const doc = await ingestText(readFileSync(`${ROOT}${file}`), file);
    same(toMdast(doc));
  });

  it('give the diff and history reports unchanged', async () => {
    const dir = `${ROOT}test/fixtures/history`;
    const docs: Guideline[] = [];
    for (const n of readdirSync(dir).filter((x) => x.endsWith('.txt')).sort()) docs.push(await ingestText(readFileSync(`${dir}/${n}`), `test/fixtures/history/${n}`));
    for (let i = 1; i < docs.length; i++) same(diffMdast(diff(docs[i - 1]!, docs[i]!)));
    const h = history(docs);
    same(historyMdast(h));
    same(historyMdast(h, { html: true }));
  });
});
