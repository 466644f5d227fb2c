/**
 * `一、` parts numbered again inside an `一、` part (`二、领域和方向` / `一、内地与香港…` … `三、海峡两岸…`
 * / `三、申报要求`, the levels told apart only by type size or weight).
 */
import type { Marker } from '../lexicon/markers.js';
import type { Paragraph } from '../reflow/index.js';
import type { Builder } from './builder.js';
import { RE_CLOSING_HEADING } from './evidence.js';
import { containsDirection, section, type Section } from './tree.js';

/** The outer part, the last number of the outer sequence and that of the inner one. */
export interface Nested {
  readonly outer: Section;
  readonly outerLast: number;
  innerLast: number;
}

/**
 * Opens `一、` parts numbered again inside the open `一、` part, and closes them where the outer
 * numbering goes on (`三、申报要求` after `二、领域和方向` holding `一、`…`三、`): false where `m`
 * is a part of the outer sequence (or no such nesting applies), for `openPart` to open as any part.
 * An inner sequence starts only with `一、` right under an outer part that holds no direction yet
 * and is no closing section; where both sequences would go on, a closing section's title
 * (`申报要求`, `联系方式`) goes to the outer one.
 */
export function openNestedPart(b: Builder, m: Marker, p: Paragraph): boolean {
  const nested = b.nested;
  if (nested) {
    const title = p.text.text.slice(m.length).trim();
    const inner = m.value === nested.innerLast + 1;
    const outer = m.value === nested.outerLast + 1;
    if (inner && !(outer && RE_CLOSING_HEADING.test(title))) {
      b.popTo((s) => s === nested.outer);
      nested.innerLast = m.value;
      b.lastPart = m.value;
      b.open(section('part', p, m));
      return true;
    }
    // The outer sequence goes on (or neither does: numbered against the outer one).
    b.lastPartOf.set(m.type, nested.outerLast);
    b.lastPart = nested.outerLast;
    b.nested = null;
    return false;
  }
  const outerPart = b.stack[1];
  const last = b.lastPartOf.get(m.type) ?? 0;
  if (
    m.value !== 1 ||
    last === 0 ||
    outerPart === undefined ||
    outerPart.kind !== 'part' ||
    outerPart.marker?.type !== m.type ||
    outerPart.marker.value !== last ||
    RE_CLOSING_HEADING.test((outerPart.heading?.text.text.slice(outerPart.marker.length) ?? '').trim()) ||
    containsDirection(outerPart)
  ) {
    return false;
  }
  b.nested = { outer: outerPart, outerLast: last, innerLast: 1 };
  b.popTo((s) => s === outerPart);
  b.lastPart = 1;
  b.open(section('part', p, m));
  return true;
}
