/**
 * The remark processor both Markdown renditions use (the extracted guideline and the diff report):
 * GFM (tables), tables padded by display width, and a faster handler for text nodes.
 *
 * remark escapes each text node with `safe()`, which runs every one of its ~40 escape patterns as a
 * regular expression over the whole text: on the long CJK paragraphs of a guideline that made the
 * Markdown cost 2.6× the whole extraction. Every escape `safe()` makes is at a character that some
 * pattern is about (`*`, `_`, `[`, `#`, `.` after digits at a line start, …) or at a backslash. A
 * text that holds none of them comes out of `safe()` unchanged, so the handler returns it as it is
 * and leaves every other text to remark's own handler. A test compares the two on generated text.
 */
import type { Parents, Text } from 'mdast';
import { defaultHandlers, type Info, type State, type Unsafe } from 'mdast-util-to-markdown';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { displayWidth } from '../lexicon/chars.js';

const triggers = new WeakMap<readonly Unsafe[], RegExp>();

/** Matches any character an escape pattern of `state` is about, or a backslash. */
function triggerOf(unsafe: readonly Unsafe[]): RegExp {
  let re = triggers.get(unsafe);
  if (!re) {
    const chars = new Set(unsafe.map((p) => p.character));
    chars.add('\\');
    const klass = [...chars].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
    re = new RegExp(`[${klass}]`);
    triggers.set(unsafe, re);
  }
  return re;
}

/** remark's text handler, skipped for text that no escape rule can touch. */
export function text(node: Text, parent: Parents | undefined, state: State, info: Info): string {
  if (!triggerOf(state.unsafe).test(node.value)) return node.value;
  return defaultHandlers.text(node, parent, state, info);
}

export const markdownProcessor = unified()
  // Table columns padded by display width (a CJK character is two columns), so they line up in a
  // monospaced view.
  .use(remarkGfm, { stringLength: displayWidth })
  .use(remarkStringify, { bullet: '-', listItemIndent: 'one', rule: '-', handlers: { text } })
  .freeze();

/** remark's own processor with the same options, for the test that compares the two. */
export const referenceProcessor = unified()
  .use(remarkGfm, { stringLength: displayWidth })
  .use(remarkStringify, { bullet: '-', listItemIndent: 'one', rule: '-' })
  .freeze();
