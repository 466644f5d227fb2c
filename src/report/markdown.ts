/**
 * The remark processor every Markdown rendition uses (the extracted guideline, the diff report, the
 * history): GFM tables padded by display width, and two handlers of our own that give remark's
 * bytes faster. The Markdown stays an mdast tree serialised through remark's `toMarkdown` and its
 * `State`; what changes is who walks the common nodes.
 *
 * - `text`: remark escapes each text node with `safe()`, which runs every one of its ~40 escape
 *   patterns as a regular expression over the whole text. Every escape `safe()` makes is at a
 *   character some pattern is about (`*`, `_`, `[`, `#`, `.` after digits at a line start, …) or at
 *   a backslash, so a text holding none of them comes out unchanged and is returned as it is.
 * - `root`: remark's containers (`containerFlow`, `containerPhrasing` with its attention pairing,
 *   `indentLines`, position tracking) cost most of the rest. The root handler walks the nodes the
 *   renditions are made of (paragraphs, ATX headings, tight lists, tables; text and `strong` with
 *   one text child) in the cases where remark's output is known without that machinery: texts no
 *   escape rule can touch, `strong` text that starts and ends with a letter, so that `**` opens and
 *   closes whatever is around it. Any other node is handed to remark's own handler, in the same
 *   state (construct stack, index stack, bullets) remark would be in, so the bytes are remark's.
 *   Joins between blocks are remark's own `join` rules, called as remark calls them.
 *
 * `referenceProcessor` is remark with the same options and neither handler. A property test
 * (`test/properties/markdown.property.test.ts`) holds the two to the same bytes on the seed, the
 * fixtures, the diff and history reports and generated trees.
 */
import type { Heading, List, ListItem, Paragraph, Parents, PhrasingContent, Root, RootContent, RootData, Strong, Table, TableCell, Text } from 'mdast';
import { markdownTable } from 'markdown-table';
import { defaultHandlers, type Info, type State, type Unsafe } from 'mdast-util-to-markdown';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { displayWidth } from '../lexicon/chars.js';

/** The GFM options of both processors; the table writer below reads the same ones. */
const GFM = { stringLength: displayWidth } as { stringLength: (value: string) => number; tableCellPadding?: boolean; tablePipeAlign?: boolean };
const STRINGIFY = { bullet: '-', listItemIndent: 'one', rule: '-' } as const;
/** What remark's GFM table handler puts around a cell's text. */
const AROUND = GFM.tableCellPadding ? ' ' : '|';

/** What the escape patterns of one `state.unsafe` give: shared by every call with the same patterns. */
interface Patterns {
  readonly list: readonly Unsafe[];
  /** Matches any character a pattern is about, or a backslash. */
  readonly trigger: RegExp;
  /** The same, global: every such character. */
  readonly every: RegExp;
  /** The patterns about the characters of a key (those characters, in pattern order). */
  readonly subsets: Map<string, Unsafe[]>;
}

const byState = new WeakMap<readonly Unsafe[], Patterns>();
let last: Patterns | undefined;

/**
 * The patterns of `unsafe`. remark copies its pattern list for each document, with the same
 * pattern objects in the same order: the work is done once for that list and reused.
 */
function patternsOf(unsafe: readonly Unsafe[]): Patterns {
  let found = byState.get(unsafe);
  if (found) return found;
  if (last && last.list.length === unsafe.length && last.list.every((p, i) => p === unsafe[i])) found = last;
  else {
    const chars = new Set(unsafe.map((p) => p.character));
    chars.add('\\');
    const klass = [...chars].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
    found = { list: [...unsafe], trigger: new RegExp(`[${klass}]`), every: new RegExp(`[${klass}]`, 'g'), subsets: new Map() };
    last = found;
  }
  byState.set(unsafe, found);
  return found;
}

/**
 * The escape patterns of `unsafe` about a character of `value`, in their order. A pattern matches
 * only where its character is, so `safe()` over this subset escapes exactly what it escapes over
 * all of them.
 */
function patternsFor(unsafe: Unsafe[], ...values: string[]): Unsafe[] {
  const { subsets, every } = patternsOf(unsafe);
  const present = new Set<string>();
  for (const value of values) {
    every.lastIndex = 0;
    for (let m = every.exec(value); m; m = every.exec(value)) present.add(m[0]);
  }
  const key = [...present].sort().join('');
  let subset = subsets.get(key);
  if (!subset) subsets.set(key, (subset = unsafe.filter((p) => present.has(p.character))));
  return subset;
}

/**
 * remark's text handler, skipped for text that no escape rule can touch, and given only the
 * patterns about characters the text (with what is around it) holds.
 */
export function text(node: Text, parent: Parents | undefined, state: State, info: Info): string {
  if (!patternsOf(state.unsafe).trigger.test(node.value)) return node.value;
  const all = state.unsafe;
  state.unsafe = patternsFor(all, info.before ?? '', node.value, info.after ?? '');
  try {
    return defaultHandlers.text(node, parent, state, info);
  } finally {
    state.unsafe = all;
  }
}

// ---- the root handler --------------------------------------------------------------------------

/** What remark's flow containers pass each child (positions do not change any output). */
const FLOW_INFO: Info = { before: '\n', after: '\n', now: { line: 1, column: 1 }, lineShift: 0 };
const FLOW_TYPES = new Set(['paragraph', 'heading', 'list', 'table', 'thematicBreak', 'code', 'blockquote', 'definition']);
const PUNCTUATION = /\p{P}|\p{S}/u;
const WHITESPACE = /\s/;

/**
 * Whether micromark classifies this UTF-16 unit as neither whitespace nor punctuation
 * (`classifyCharacter` returns undefined): `**` next to it opens or closes whatever is outside.
 */
function letter(unit: number): boolean {
  if (Number.isNaN(unit) || unit === 32) return false;
  const ch = String.fromCharCode(unit);
  return !WHITESPACE.test(ch) && !PUNCTUATION.test(ch);
}

/**
 * What `markdownProcessor.stringify` gives for a root of `blocks`, handed to `write` a block at a
 * time (with the join before it) as each block comes: the blocks need not be in memory together.
 * Every block must be a flow block the root handler writes itself (paragraph, heading, list, table,
 * …); a root holding another would be remark's to write whole.
 */
export function writeBlocks(blocks: Iterable<RootContent>, write: (piece: string) => void): void {
  let last = '';
  const out = (piece: string): void => {
    if (piece === '') return;
    write(piece);
    last = piece;
  };
  const root: StreamRoot = { type: 'root', children: [], data: { stream: { blocks, write: out } } };
  if (markdownProcessor.stringify(root) !== '') throw new Error('Expected the Markdown to be written piece by piece');
  // As remark ends a document that does not end with a line end.
  if (last !== '' && !/[\n\r]$/.test(last)) write('\n');
}

/**
 * A root whose blocks are made while it is written (`writeBlocks`): each block is serialised as it
 * comes and handed to `write`, and the root itself serialises to ''.
 */
interface StreamRoot extends Root {
  readonly data: RootData & { readonly stream: { readonly blocks: Iterable<RootContent>; readonly write: (piece: string) => void } };
}

export function root(node: Root, parent: Parents | undefined, state: State, info: Info): string {
  const stream = (node as Partial<StreamRoot>).data?.stream;
  if (stream) {
    streamFlow(node, stream.blocks, state, stream.write);
    return '';
  }
  if (!node.children.every((c) => FLOW_TYPES.has(c.type))) return defaultHandlers.root(node, parent, state, info);
  return flow(node, state);
}

/**
 * `flow` over blocks made one at a time: each block, and the join before it, written as soon as the
 * block is there; the same calls in the same order as `flow` makes them over the same children.
 * Every block must be one `flow` writes (remark's own root handler, for the others, would need
 * them all at once).
 */
function streamFlow(parent: Root, blocks: Iterable<RootContent>, state: State, write: (piece: string) => void): void {
  const indexStack = state.indexStack;
  indexStack.push(-1);
  let previous: RootContent | undefined;
  let i = 0;
  for (const child of blocks) {
    if (!FLOW_TYPES.has(child.type)) throw new Error(`Cannot stream a ${child.type} at the top level`);
    if (previous) write(between(previous, child, parent, state));
    indexStack[indexStack.length - 1] = i++;
    write(block(child, parent, state));
    if (child.type !== 'list') state.bulletLastUsed = undefined;
    previous = child;
  }
  indexStack.pop();
}

/** remark's `containerFlow`, children written by `block`. */
function flow(parent: Root | ListItem | List, state: State): string {
  const indexStack = state.indexStack;
  const children = parent.children as readonly RootContent[];
  let out = '';
  indexStack.push(-1);
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    indexStack[indexStack.length - 1] = i;
    out += block(child, parent, state);
    if (child.type !== 'list') state.bulletLastUsed = undefined;
    if (i < children.length - 1) out += between(child, children[i + 1]!, parent, state);
  }
  indexStack.pop();
  return out;
}

/** remark's `between`: its `join` rules, last first. */
function between(left: RootContent, right: RootContent, parent: Root | ListItem | List, state: State): string {
  let index = state.join.length;
  while (index--) {
    const result = state.join[index]!(left, right, parent, state);
    if (result === true || result === 1) break;
    if (typeof result === 'number') return '\n'.repeat(1 + result);
    if (result === false) return '\n\n<!---->\n\n';
  }
  return '\n\n';
}

function block(node: RootContent, parent: Root | ListItem | List, state: State): string {
  let out: string | undefined;
  switch (node.type) {
    case 'paragraph':
      out = paragraph(node, state);
      break;
    case 'heading':
      out = heading(node, state);
      break;
    case 'list':
      out = list(node, parent, state);
      break;
    case 'listItem':
      if (parent.type === 'list') out = listItem(node, parent, state);
      break;
    case 'table':
      out = table(node, state);
      break;
  }
  return out ?? state.handle(node, parent, state, FLOW_INFO);
}

function paragraph(node: Paragraph, state: State): string | undefined {
  if (node.children.length === 0 || !plainPhrasing(node.children, '\n', '\n', state)) return undefined;
  const exit = state.enter('paragraph');
  const subexit = state.enter('phrasing');
  const value = phrasing(node, '\n', '\n', state);
  subexit();
  exit();
  return value;
}

function heading(node: Heading, state: State): string | undefined {
  if (state.options.setext || state.options.closeAtx || node.children.length === 0) return undefined;
  // A line break in its text would make remark write a setext heading.
  if (node.children.some((c) => c.type === 'text' && /[\r\n]/.test(c.value))) return undefined;
  if (!plainPhrasing(node.children, '# ', '\n', state)) return undefined;
  const exit = state.enter('headingAtx');
  const subexit = state.enter('phrasing');
  const value = phrasing(node, '# ', '\n', state);
  subexit();
  exit();
  // remark encodes a leading space or tab: left to remark.
  if (!value || value.startsWith(' ') || value.startsWith('\t')) return undefined;
  return `${'#'.repeat(Math.max(Math.min(6, node.depth || 1), 1))} ${value}`;
}

/**
 * Whether `phrasing` writes these children as remark would: texts (each escaped by the text
 * handler, as remark does), and `**strong**` around one text that no escape rule touches and that
 * starts and ends with a letter, so its `**` pair whatever is around them, never two side by side.
 */
function plainPhrasing(children: readonly PhrasingContent[], before: string, after: string, state: State): boolean {
  if (state.options.strong !== undefined && state.options.strong !== '*') return false;
  const trigger = patternsOf(state.unsafe).trigger;
  let previousStrong = false;
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    if (child.type === 'text') {
      if (!child.value) return false;
      previousStrong = false;
    } else if (child.type === 'strong') {
      const inner = child.children.length === 1 ? child.children[0]! : undefined;
      if (previousStrong || !inner || inner.type !== 'text') return false;
      const value = inner.value;
      if (!value || trigger.test(value) || !letter(value.charCodeAt(0)) || !letter(value.charCodeAt(value.length - 1))) return false;
      // remark picks `__` when `**` would touch a `*` at the edge of the container.
      if ((i === 0 && before.charAt(0) === '*') || (i === children.length - 1 && after.charAt(0) === '*')) return false;
      previousStrong = true;
    } else return false;
  }
  return true;
}

/**
 * remark's `containerPhrasing` for children `plainPhrasing` accepts: each text is given the
 * character before it and the first character of what follows, as remark gives them.
 */
function phrasing(parent: Paragraph | Heading | TableCell, before: string, after: string, state: State): string {
  const children = parent.children;
  let out = '';
  let previous = before;
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    if (child.type === 'strong') {
      out += `**${(child.children[0] as Text).value}**`;
      previous = '*';
      continue;
    }
    const node = child as Text;
    const next = children[i + 1] as Text | Strong | undefined;
    const following = next === undefined ? after : next.type === 'strong' ? '*' : firstCharacter(text(next, parent, state, { ...FLOW_INFO, before: '', after: '' }));
    const value = text(node, parent, state, { ...FLOW_INFO, before: previous, after: following });
    out += value;
    previous = lastCharacter(value);
  }
  return out;
}

/** The first character of `value` (a whole code point), as remark takes it. */
function firstCharacter(value: string): string {
  const code = value.codePointAt(0);
  return code === undefined ? '' : String.fromCodePoint(code);
}

/** The last character of `value` (a whole code point), as remark takes it. */
function lastCharacter(value: string): string {
  const code = value.codePointAt(value.length - 2);
  return code !== undefined && code > 0xffff ? value.slice(-2) : value.slice(-1);
}

function list(node: List, parent: Parents, state: State): string | undefined {
  const indent = state.options.listItemIndent;
  if (indent !== undefined && indent !== 'one') return undefined;
  for (const item of node.children) {
    if (item.type !== 'listItem' || typeof item.checked === 'boolean' || item.children.length === 0 || item.children[0]!.type === 'thematicBreak') return undefined;
  }
  let bullet: string = node.ordered ? (state.options.bulletOrdered ?? '.') : (state.options.bullet ?? '*');
  if (node.ordered ? bullet !== '.' && bullet !== ')' : bullet !== '*' && bullet !== '-' && bullet !== '+') return undefined;
  const other = node.ordered ? (bullet === '.' ? ')' : '.') : (state.options.bulletOther ?? (bullet === '*' ? '-' : '*'));
  if (other === bullet) return undefined;
  const exit = state.enter('list');
  const bulletCurrent = state.bulletCurrent;
  if (parent && state.bulletLastUsed && bullet === state.bulletLastUsed) bullet = other;
  state.bulletCurrent = bullet;
  const value = flow(node, state);
  state.bulletLastUsed = bullet;
  state.bulletCurrent = bulletCurrent;
  exit();
  return value;
}

const EOL = /\r?\n|\r/g;

function listItem(node: ListItem, parent: List, state: State): string {
  let bullet = state.bulletCurrent ?? state.options.bullet ?? '*';
  if (parent.ordered) {
    const start = typeof parent.start === 'number' && parent.start > -1 ? parent.start : 1;
    bullet = `${start + (state.options.incrementListMarker === false ? 0 : parent.children.indexOf(node))}${bullet}`;
  }
  const exit = state.enter('listItem');
  const value = flow(node, state);
  exit();
  // remark's `indentLines`: the bullet before the first line, the item's indent before the others.
  const indent = ' '.repeat(bullet.length + 1);
  let out = '';
  let start = 0;
  let line = 0;
  EOL.lastIndex = 0;
  for (let m = EOL.exec(value); m; m = EOL.exec(value)) {
    out += indentLine(value.slice(start, m.index), line++, bullet, indent) + m[0];
    start = m.index + m[0].length;
  }
  return out + indentLine(value.slice(start), line, bullet, indent);
}

function indentLine(line: string, index: number, bullet: string, indent: string): string {
  if (index) return (line ? indent : '') + line;
  return (line ? `${bullet} ` : bullet) + line;
}

function table(node: Table, state: State): string | undefined {
  for (const row of node.children) {
    if (row.type !== 'tableRow') return undefined;
    for (const cell of row.children) {
      if (cell.type !== 'tableCell' || !plainPhrasing(cell.children, '|', '|', state)) return undefined;
    }
  }
  // The cells as remark's GFM handler writes them, in the same constructs.
  const matrix: string[][] = [];
  const exit = state.enter('table');
  for (const row of node.children) {
    const cells: string[] = [];
    const rowExit = state.enter('tableRow');
    for (const cell of row.children) {
      const cellExit = state.enter('tableCell');
      const phrasingExit = state.enter('phrasing');
      cells.push(phrasing(cell, AROUND, AROUND, state));
      phrasingExit();
      cellExit();
    }
    rowExit();
    matrix.push(cells);
  }
  exit();
  const head = matrix[0];
  if (head) {
    let columns = node.align ? node.align.length : 0;
    if (!columns) for (const row of matrix) columns = Math.max(columns, row.length);
    while (head.length < columns) head.push('');
  }
  return markdownTable(matrix, {
    align: node.align,
    alignDelimiters: GFM.tablePipeAlign,
    fillRows: false,
    padding: GFM.tableCellPadding,
    stringLength: GFM.stringLength,
  });
}

export const markdownProcessor = unified()
  // Table columns padded by display width (a CJK character is two columns), so they line up in a
  // monospaced view.
  .use(remarkGfm, GFM)
  .use(remarkStringify, { ...STRINGIFY, handlers: { text, root } })
  .freeze();

/** remark's own processor with the same options, for the test that compares the two. */
export const referenceProcessor = unified().use(remarkGfm, GFM).use(remarkStringify, STRINGIFY).freeze();

