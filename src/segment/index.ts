/**
 * The `segment` stage: builds the section tree from numbered headings, with a stack of open
 * sections (as remark-lint's heading-increment does).
 *
 * - Parts `一、二、…` outside guideline directions.
 * - Guideline directions `1.1 … 1.9, 2.0, 2.1 …` (a `decimal` marker): printed id kept, ordinal
 *   counted. Numbering that runs `1.9 → 2.0` is reported as a roll-over, gaps and duplicates as
 *   problems, each at the heading.
 * - Fields of a direction (`合作协议：`, `领域方向：`, …): a field label closes every list opened
 *   in the field before it.
 * - List levels inside a field or part: `（1）`, `（一）`, `1.`, `1、`, `①`, and `一、` inside a
 *   direction. A marker type already open continues that level; a new type opens a level below
 *   the current one. Inside a direction, `一、` continues an open `一、` list, or starts one at `一`;
 *   otherwise it is the next document part.
 *
 * No text is lost: every paragraph lands in exactly one node, in document order.
 */
import type { Marker, MarkerType } from '../lexicon/markers.js';
import { matchMarker } from '../lexicon/markers.js';
import { roleOf, type FieldRole } from '../lexicon/fields.js';
import type { Paragraph } from '../reflow/index.js';

/** `group`: a numbered group of directions (`1. 基础软件` before `1.1`, `1.2`, …). */
export type SectionKind = 'root' | 'part' | 'group' | 'direction' | 'field' | 'item';

export interface Section {
  readonly kind: SectionKind;
  /** The paragraph that carries the heading or marker (null for the root). */
  readonly heading: Paragraph | null;
  readonly marker: Marker | null;
  /** For directions: 1-based position among the directions. */
  readonly ordinal: number | null;
  /** For fields: what the field holds. */
  readonly role: FieldRole | null;
  readonly children: Node[];
}

export interface ParagraphNode {
  readonly kind: 'paragraph';
  readonly paragraph: Paragraph;
}

export type Node = Section | ParagraphNode;

export interface StructureProblem {
  readonly code: 'numbering-gap' | 'numbering-duplicate' | 'numbering-rollover' | 'numbering-start';
  readonly severity: 'warning' | 'info';
  readonly message: string;
  readonly at: Paragraph;
  /** The number printed, and the number expected. */
  readonly stated: string;
  readonly expected: string;
  /** The printed id of the direction this happened in (or the direction itself), if any. */
  readonly directionId: string | null;
}

export interface Segmented {
  readonly root: Section;
  readonly problems: readonly StructureProblem[];
}

function section(kind: SectionKind, heading: Paragraph | null, marker: Marker | null, extra: Partial<Pick<Section, 'ordinal' | 'role'>> = {}): Section {
  return { kind, heading, marker, ordinal: extra.ordinal ?? null, role: extra.role ?? null, children: [] };
}

const CJK_DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
function cjkLabel(n: number): string {
  if (n <= 10) return CJK_DIGITS[n] ?? String(n);
  if (n < 20) return `十${CJK_DIGITS[n - 10]}`;
  if (n < 100) return `${CJK_DIGITS[Math.floor(n / 10)]}十${n % 10 ? CJK_DIGITS[n % 10] : ''}`;
  return String(n);
}

function printed(type: MarkerType, value: number): string {
  switch (type) {
    case 'cjk-comma':
      return `${cjkLabel(value)}、`;
    case 'paren-cjk':
      return `（${cjkLabel(value)}）`;
    case 'paren-arabic':
      return `（${value}）`;
    case 'arabic-dot':
      return `${value}.`;
    case 'arabic-comma':
      return `${value}、`;
    case 'circled':
      return String.fromCodePoint(0x2460 + value - 1);
    case 'decimal':
      return `${Math.floor(value / 100)}.${value % 100}`;
    case 'field':
      return '';
  }
}

export function segment(paragraphs: readonly Paragraph[]): Segmented {
  const root = section('root', null, null);
  const problems: StructureProblem[] = [];
  /** Open sections, outermost first; `stack[0]` is the root. */
  let stack: Section[] = [root];
  /** Last value of each item type among the children of each open container. */
  const lastValue = new WeakMap<Section, Map<MarkerType, number>>();
  let lastPart = 0;
  let lastDirection: number | null = null;
  let ordinal = 0;

  const top = (): Section => stack[stack.length - 1]!;
  const open = (s: Section): void => {
    top().children.push(s);
    stack.push(s);
  };
  const popTo = (kind: SectionKind | ((s: Section) => boolean)): void => {
    const pred = typeof kind === 'function' ? kind : (s: Section) => s.kind === kind;
    let i = stack.length - 1;
    while (i > 0 && !pred(stack[i]!)) i--;
    stack = stack.slice(0, i + 1);
  };
  const currentDirection = (): Section | undefined => stack.find((s) => s.kind === 'direction');
  const directionId = (): string | null => currentDirection()?.marker?.key ?? null;

  const checkItem = (container: Section, m: Marker, p: Paragraph): void => {
    let values = lastValue.get(container);
    if (!values) lastValue.set(container, (values = new Map()));
    const last = values.get(m.type);
    const expected = last === undefined ? 1 : last + 1;
    if (m.value !== expected) {
      const duplicate = last !== undefined && m.value <= last;
      problems.push({
        code: duplicate ? 'numbering-duplicate' : last === undefined ? 'numbering-start' : 'numbering-gap',
        severity: 'warning',
        message: duplicate
          ? `${m.text} repeats or goes back after ${printed(m.type, last)}`
          : last === undefined
            ? `list starts at ${m.text} instead of ${printed(m.type, 1)}`
            : `${m.text} follows ${printed(m.type, last)}: ${printed(m.type, expected)} is missing`,
        at: p,
        stated: m.text,
        expected: printed(m.type, expected),
        directionId: directionId(),
      });
    }
    values.set(m.type, m.value);
  };

  const openItem = (m: Marker, p: Paragraph): void => {
    // Continue an open level of the same type (closing everything inside it), else open a new level.
    const container = top();
    let level = -1;
    for (let i = stack.length - 1; i > 0; i--) {
      const s = stack[i]!;
      if (s.kind !== 'item') break;
      if (s.marker?.type === m.type) {
        level = i;
        break;
      }
    }
    if (level > 0) stack = stack.slice(0, level);
    const parent = level > 0 ? top() : container;
    checkItem(parent, m, p);
    open(section('item', p, m));
  };

  const markers = paragraphs.map((p) => matchMarker(p.text.text));
  /** The major number of the next direction heading after paragraph `k`, or null. */
  const nextMajor = (k: number): number | null => {
    for (let i = k + 1; i < markers.length; i++) {
      const m = markers[i];
      if (m?.type === 'decimal') return Math.floor(m.value / 100);
    }
    return null;
  };

  for (const [k, p] of paragraphs.entries()) {
    const m = markers[k]!;
    if (!m) {
      top().children.push({ kind: 'paragraph', paragraph: p });
      continue;
    }
    switch (m.type) {
      case 'decimal': {
        popTo((s) => s.kind === 'group' || s.kind === 'part' || s.kind === 'root');
        ordinal++;
        if (lastDirection !== null) checkDirection(lastDirection, m, p, problems);
        lastDirection = m.value;
        open(section('direction', p, m, { ordinal }));
        break;
      }
      case 'field': {
        if (currentDirection()) {
          popTo('direction');
          open(section('field', p, m, { role: roleOf(m.key) }));
        } else {
          top().children.push({ kind: 'paragraph', paragraph: p });
        }
        break;
      }
      case 'cjk-comma': {
        if (!currentDirection()) {
          openPart(m, p);
          break;
        }
        const listOpen = stack.some((s) => s.kind === 'item' && s.marker?.type === 'cjk-comma');
        if (listOpen || m.value === 1 || m.value !== lastPart + 1) openItem(m, p);
        else openPart(m, p);
        break;
      }
      default:
        // `2. 应用软件` between direction 1.x and direction 2.1 heads a group of directions (as in
        // the key R&D programme's guidelines): a short title, numbered as the next directions' major.
        if (
          m.type === 'arabic-dot' &&
          nextMajor(k) === m.value &&
          !/[。；，]/.test(p.text.text) &&
          p.text.text.length <= 40 &&
          (lastDirection === null || Math.floor(lastDirection / 100) < m.value)
        ) {
          popTo((s) => s.kind === 'part' || s.kind === 'root');
          open(section('group', p, m));
          break;
        }
        openItem(m, p);
    }
  }

  function openPart(m: Marker, p: Paragraph): void {
    popTo('root');
    if (m.value !== lastPart + 1) {
      problems.push({
        code: m.value <= lastPart ? 'numbering-duplicate' : 'numbering-gap',
        severity: 'warning',
        message: `part ${m.text} follows ${lastPart === 0 ? 'the start' : printed('cjk-comma', lastPart)}; expected ${printed('cjk-comma', lastPart + 1)}`,
        at: p,
        stated: m.text,
        expected: printed('cjk-comma', lastPart + 1),
        directionId: null,
      });
    }
    lastPart = m.value;
    open(section('part', p, m));
  }

  return { root, problems };
}

/**
 * Direction numbers run `major.minor`. After `a.b` come `a.(b+1)`, or `(a+1).1` (a new group), or
 * `(a+1).0` after `a.9` (numbering that rolls over like a decimal, as the seed's `1.9 → 2.0`).
 */
function checkDirection(last: number, m: Marker, p: Paragraph, problems: StructureProblem[]): void {
  const [a, b] = [Math.floor(last / 100), last % 100];
  const [c, d] = [Math.floor(m.value / 100), m.value % 100];
  const id = m.key;
  const prev = `${a}.${b}`;
  if (c === a && d === b + 1) return;
  if (c === a + 1 && d === 1) return;
  if (c === a + 1 && d === 0 && b === 9) {
    problems.push({
      code: 'numbering-rollover',
      severity: 'info',
      message: `direction ${id} follows ${prev}: the numbering rolls over like a decimal (${a}.10 would continue the group)`,
      at: p,
      stated: id,
      expected: `${a}.10`,
      directionId: id,
    });
    return;
  }
  const duplicate = m.value <= last;
  problems.push({
    code: duplicate ? 'numbering-duplicate' : 'numbering-gap',
    severity: 'warning',
    message: duplicate ? `direction ${id} repeats or goes back after ${prev}` : `direction ${id} follows ${prev}: ${a}.${b + 1} is missing`,
    at: p,
    stated: id,
    expected: `${a}.${b + 1}`,
    directionId: id,
  });
}

/** Every paragraph of a subtree, in document order. */
export function paragraphsOf(node: Node): Paragraph[] {
  const out: Paragraph[] = [];
  const walk = (n: Node): void => {
    if (n.kind === 'paragraph') {
      out.push(n.paragraph);
      return;
    }
    if (n.heading) out.push(n.heading);
    for (const c of n.children) walk(c);
  };
  walk(node);
  return out;
}
