/**
 * What every reader of `extract` shares: the text of a node of the section tree, a field's text
 * after its label, items numbered inline, placeholders, and the checks every reader may raise.
 * Offsets in a `Mapped` are 0-based into its text; spans (`SpanFn`) are source offsets (0-based)
 * with 1-based lines and pages.
 */
import type { Mapped } from '../mapped.js';
import { mappedJoin, mappedSlice, mappedTrim } from '../mapped.js';
import { matchMarker } from '../lexicon/markers.js';
import type { Node, Section } from '../segment/index.js';
import type { CheckDraft, Duration, Span } from '../schema/guideline.js';
import { FLAG_PATTERNS, type DurationValue } from './patterns.js';

export type SpanFn = (m: Mapped, i?: number, j?: number) => Span;

/** Punctuation a value does not keep at its end. */
export const TRAILING = '。；;，,：:、';

/** A field whose whole text is a placeholder (`待定`, `另行通知。`). */
export const RE_PLACEHOLDER_ONLY = /^(?:待定|待补充|待确定|暂定|另行通知|另行公布|无)[。；;，,]*$/;

export function implausible(checks: CheckDraft[], directionId: string | null, what: string, text: string, s: Span | null): void {
  checks.push({
    code: 'value-implausible',
    severity: 'warning',
    message: `${directionId ? `direction ${directionId}: ` : ''}the ${what} “${text}” does not read as a plausible value; it is left out`,
    directionId,
    stated: text,
    computed: null,
    span: s,
  });
}

/** The text of a field after its label: the rest of the heading paragraph (`为` of `…项目数为4个` aside). */
export function fieldRest(field: Section): Mapped {
  const h = field.heading!;
  const rest = mappedTrim(mappedSlice(h.text, field.marker!.length, h.text.text.length));
  return /^[为是]\s*(?=[\d约不共一二两三四五六七八九十若])/.test(rest.text) ? mappedTrim(mappedSlice(rest, 1, rest.text.length)) : rest;
}

/** An item's own text, marker removed. */
export function itemRest(item: Section): Mapped {
  const h = item.heading!;
  return mappedTrim(mappedSlice(h.text, item.marker!.length, h.text.text.length));
}

const nodeTexts = new WeakMap<Section, Mapped>();

/** The text of a node and everything below it, paragraphs joined by `\n` (memoised: trees are immutable). */
export function nodeText(n: Node): Mapped {
  if (n.kind === 'paragraph') return n.paragraph.text;
  let text = nodeTexts.get(n);
  if (!text) {
    const parts: Mapped[] = [];
    const walk = (x: Node): void => {
      if (x.kind === 'paragraph') parts.push(x.paragraph.text);
      else {
        if (x.heading) parts.push(x.heading.text);
        x.children.forEach(walk);
      }
    };
    walk(n);
    text = mappedJoin(parts, '\n');
    nodeTexts.set(n, text);
  }
  return text;
}

export function short(text: string): string {
  const t = text.replace(/\s+/g, ' ');
  return t.length > 40 ? `${t.slice(0, 40)}…` : t;
}

/** An item of a list, numbered or not. */
export interface ItemOut {
  readonly marker: string | null;
  readonly text: string;
  readonly span: Span;
}

/**
 * Items numbered inline in one paragraph (`（1）…（2）…`, `①…；②…`, `1.…2.…`, `1）…2）…`): markers of
 * one kind counting up from 1, each at the start or after a clause end. Text before the first
 * marker is an item of its own. A paragraph without such a run is one item.
 */
export function itemsOf(m: Mapped, span: SpanFn): ItemOut[] {
  const t = m.text;
  const runs: { re: RegExp; value: (x: RegExpExecArray) => number }[] = [
    { re: /(?<=^|[。；;：:，,\s])[（(](\d{1,2})[）)]/g, value: (x) => Number(x[1]) },
    { re: /(?<=^|[。；;：:，,\s])([\u2460-\u2473])/g, value: (x) => x[1]!.codePointAt(0)! - 0x2460 + 1 },
    { re: /(?<=^|[。；;：:\s])(\d{1,2})[.．、）)](?![\d.．])/g, value: (x) => Number(x[1]) },
  ];
  for (const { re, value } of runs) {
    const hits: { index: number; length: number; marker: string }[] = [];
    let expected = 1;
    for (const x of t.matchAll(re)) {
      if (value(x) !== expected) continue;
      hits.push({ index: x.index, length: x[0].length, marker: x[0] });
      expected++;
    }
    if (hits.length < 2) continue;
    const out: ItemOut[] = [];
    const lead = mappedTrim(mappedSlice(m, 0, hits[0]!.index));
    if (lead.text.length > 0) out.push({ marker: null, text: lead.text, span: span(lead) });
    hits.forEach((h, k) => {
      const body = mappedTrim(mappedSlice(m, h.index + h.length, k + 1 < hits.length ? hits[k + 1]!.index : t.length));
      if (body.text.length > 0) out.push({ marker: h.marker, text: body.text, span: span(body) });
    });
    return out;
  }
  const whole = mappedTrim(m);
  if (whole.text.length === 0) return [];
  // One item that starts with its own marker (`（1）…` on the label's line, the others below it).
  const own = matchMarker(whole.text);
  if (own && own.type !== 'field' && own.type !== 'decimal') {
    const body = mappedTrim(mappedSlice(whole, own.length, whole.text.length));
    if (body.text.length > 0) return [{ marker: own.text, text: body.text, span: span(body) }];
  }
  return [{ marker: null, text: whole.text, span: span(whole) }];
}

export function durationOut(v: Omit<DurationValue, 'months'> & { months?: number | undefined }, inherited: boolean, text: string, s: Span): Duration {
  return { minYears: v.minYears, maxYears: v.maxYears, qualifier: v.qualifier, hedge: v.hedge, inherited, ...(v.months === undefined ? {} : { months: v.months }), text, span: s };
}

export function scanPlaceholders(m: Mapped, directionId: string | null, span: SpanFn, checks: CheckDraft[]): void {
  for (const hit of m.text.matchAll(FLAG_PATTERNS.placeholders)) {
    const i = hit.index;
    const context = m.text.slice(Math.max(0, i - 12), i + hit[0].length + 2).replace(/\n/g, '');
    checks.push({
      code: 'placeholder',
      severity: 'warning',
      message: `${directionId ? `direction ${directionId}: ` : ''}placeholder ${hit[0]} in “…${context}…”`,
      directionId,
      stated: hit[0],
      computed: null,
      span: span(m, i, i + hit[0].length),
    });
  }
}
