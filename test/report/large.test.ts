/**
 * Huge documents: a section of hundreds of thousands of paragraphs (a 30 MB text's) renders; the
 * renderer appends children one by one, never `push(...children)`, which passes every child on the
 * call stack and overflowed it ("Maximum call stack size exceeded").
 */
import { describe, expect, it } from 'vitest';
import { append } from '../../src/append.js';
import { toMdast } from '../../src/report/index.js';
import type { SectionOut } from '../../src/schema/guideline.js';
import { seed } from '../helpers/seed.js';

const N = 400_000;

describe('a section of 400,000 paragraphs', () => {
  it('renders to the Markdown tree without overflowing the stack, every paragraph in order', async () => {
    const { doc } = await seed();
    const span = doc.sections[0]!.span;
    const children: SectionOut[] = Array.from({ length: N }, (_, i) => ({ kind: 'paragraph', marker: null, text: `段落${i}`, span, children: [] }));
    const part: SectionOut = { kind: 'part', marker: '一、', text: '一、附件', span, children };
    const tree = toMdast({ ...doc, sections: [part] });
    const paras = tree.children.filter((c) => c.type === 'paragraph' && c.children[0]?.type === 'text' && c.children[0].value.startsWith('段落'));
    expect(paras).toHaveLength(N);
    expect(paras.at(-1)).toMatchObject({ children: [{ type: 'text', value: `段落${N - 1}` }] });
  });

  it('append keeps order and takes any length', () => {
    const to = [1, 2];
    expect(append(to, [3, 4])).toBe(to);
    expect(to).toEqual([1, 2, 3, 4]);
    const big = append([] as number[], Array.from({ length: 1_000_000 }, (_, i) => i));
    expect(big).toHaveLength(1_000_000);
    expect(big[999_999]).toBe(999_999);
  });
});
