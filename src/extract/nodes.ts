/**
 * What every reader of `extract` shares: the text of a node of the section tree, a field's text
 * after its label, items numbered inline, placeholders, and the checks every reader may raise.
 * Offsets in a `Mapped` are 0-based into its text; spans (`SpanFn`) are source offsets (0-based)
 * with 1-based lines and pages.
 */
import { HOME_SIDES } from '../lexicon/partners.js';
import type { Mapped } from '../mapped.js';
import { mappedJoin, mappedSlice, mappedTrim } from '../mapped.js';
import { matchMarker } from '../lexicon/markers.js';
import { parseCjkNumber } from '../lexicon/chars.js';
import type { Node, Section } from '../segment/index.js';
import type { CheckDraft, Duration, Qualifier, Span } from '../schema/guideline.js';
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

/** Whether a field's label stands with no value at all, on its line or below it (a form's box never filled). */
export function leftBlank(field: Section): boolean {
  return field.children.length === 0 && fieldRest(field).text.trim() === '';
}

/** An item's own text, marker removed. */
export function itemRest(item: Section): Mapped {
  const h = item.heading!;
  return mappedTrim(mappedSlice(h.text, item.marker!.length, h.text.text.length));
}

/**
 * The texts `nodeText` joined, by node, for the direction under way: `extract` starts a new one for
 * each direction (`forgetNodeTexts`), so that the joined copies of a large document (its
 * directions, their fields and items, each a copy of its text with its maps) never stand in memory
 * all at once.
 */
let nodeTexts = new WeakMap<Section, Mapped>();

/** Drops the joined texts of the nodes read so far. */
export function forgetNodeTexts(): void {
  nodeTexts = new WeakMap();
}

/** The texts of a node and everything below it, in order: what `nodeText` joins. */
function nodeParts(n: Section): Mapped[] {
  const parts: Mapped[] = [];
  const walk = (x: Node): void => {
    if (x.kind === 'paragraph') parts.push(x.paragraph.text);
    else {
      if (x.heading) parts.push(x.heading.text);
      for (const c of x.children) walk(c);
    }
  };
  walk(n);
  return parts;
}

/** The text of a node and everything below it, paragraphs joined by `\n` (memoised: trees are immutable). */
export function nodeText(n: Node): Mapped {
  if (n.kind === 'paragraph') return n.paragraph.text;
  let text = nodeTexts.get(n);
  if (!text) {
    text = mappedJoin(nodeParts(n), '\n');
    nodeTexts.set(n, text);
  }
  return text;
}

/**
 * `span(nodeText(n))` without joining the text: the source range of the joined text is that of its
 * first and last code units with a source range of their own (`sourceRange`), found in the pieces.
 * The separators (`\n`, an empty range) are skipped as `sourceRange` skips them.
 */
export function nodeSpan(n: Node, span: SpanFn): Span {
  if (n.kind === 'paragraph') return span(n.paragraph.text);
  const known = nodeTexts.get(n);
  if (known) return span(known);
  const parts = nodeParts(n);
  if (parts.length === 1) return span(parts[0]!);
  let length = parts.length - 1;
  for (const p of parts) length += p.text.length;
  if (length === 0) return span(EMPTY_MAPPED);
  // Forward: the first code unit with a range, or the last code unit (as `sourceRange`'s `a`).
  let a = 0;
  let start = 0;
  let found = false;
  for (let k = 0; k < parts.length && !found; k++) {
    const p = parts[k]!;
    // Once per piece: a pooled piece makes a view each time it is asked (`PooledMapped`).
    const from = p.from;
    const to = p.to;
    if (k > 0) {
      if (a >= length - 1) {
        start = p.text.length > 0 ? from[0]! : 0;
        found = true;
        break;
      }
      a++;
    }
    for (let i = 0; i < p.text.length; i++, a++) {
      if (a >= length - 1 || to[i]! > from[i]!) {
        start = from[i]!;
        found = true;
        break;
      }
    }
  }
  // Backward: the last code unit with a range after `a`, else `a` itself.
  let b = length - 1;
  let end: number | null = null;
  for (let k = parts.length - 1; k >= 0 && end === null; k--) {
    const p = parts[k]!;
    const from = p.from;
    const to = p.to;
    for (let i = p.text.length - 1; i >= 0; i--, b--) {
      if (b <= a || to[i]! > from[i]!) {
        end = to[i]!;
        break;
      }
    }
    if (end !== null || k === 0) break;
    // The separator before this piece: an empty range at the piece's first code unit.
    if (b <= a) end = p.text.length > 0 ? from[0]! : 0;
    else b--;
  }
  // Two code units with exactly these ends: `span` gives the range [start, max(start, end)).
  const last = end ?? start;
  return span({ text: '  ', from: Int32Array.of(start, last - 1), to: Int32Array.of(start + 1, last) });
}

const EMPTY_MAPPED: Mapped = { text: '', from: new Int32Array(0), to: new Int32Array(0) };

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
    // Circled numbers mark items wherever they stand (`①氢能②智能电网③电动交通`, the spaces between
    // them gone): counted from ① in order, they are no other sign.
    { re: /([\u2460-\u2473])/g, value: (x) => x[1]!.codePointAt(0)! - 0x2460 + 1 },
    // Numbers with a stop or in brackets as one character (`⒈…⒉…`, `⑴…⑵…`): the same.
    { re: /([\u2488-\u249b])/g, value: (x) => x[1]!.codePointAt(0)! - 0x2488 + 1 },
    { re: /([\u2474-\u2487])/g, value: (x) => x[1]!.codePointAt(0)! - 0x2474 + 1 },
    // `1.` / `1、` not before a digit (`2.5`); `1）` before anything (`2）8英寸晶圆…`).
    { re: /(?<=^|[。；;：:\s])(\d{1,2})(?:[.．、](?![\d.．])|[）)])/g, value: (x) => Number(x[1]) },
    // `（一）…；（二）…` on one line (a provincial call's items, numbered as its parts are).
    { re: /(?<=^|[。；;：:，,\s])[（(]([一二三四五六七八九十]{1,3})[）)]/g, value: (x) => parseCjkNumber(x[1]!) ?? 0 },
    // `一是…；二是…；三是…` (a 公文's way of counting requirements in a sentence).
    { re: /(?<=^|[。；;：:，,\s])([一二三四五六七八九十]{1,2})是(?=[^。；;]{2})/g, value: (x) => parseCjkNumber(x[1]!) ?? 0 },
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
  // Items a bullet starts, two or more (a cell's `<ul>` on its one line: `•须…。•项目…`), or one after
  // an item without (a cell's table of 考核指标 on its line: `缺陷形成定量判据 … 2028 • 熔池…`).
  const bullets = [...t.matchAll(/(?<=^|[。；;：:，,\s])[•●▪◆]\s*/g)];
  if (bullets.length >= 2 || (bullets.length === 1 && bullets[0]!.index > 0 && /\s$/.test(t.slice(0, bullets[0]!.index)))) {
    const out: ItemOut[] = [];
    const lead = mappedTrim(mappedSlice(m, 0, bullets[0]!.index));
    if (lead.text.length > 0) out.push({ marker: null, text: lead.text, span: span(lead) });
    bullets.forEach((b, k) => {
      const body = mappedTrim(mappedSlice(m, b.index + b[0].length, k + 1 < bullets.length ? bullets[k + 1]!.index : t.length));
      if (body.text.length > 0) out.push({ marker: b[0].trim(), text: body.text, span: span(body) });
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

/**
 * What a field's value states now, where a draft's editors left the old value beside it: the part
 * after `原为8个，现调整为4个` / `由5个调整为4个`, and before a bracketed note on an earlier version
 * (`1200万元人民币（上一稿两方向合计1400万元）`). The value as it is where it has neither.
 */
export function currentValue(m: Mapped): Mapped {
  let out = homeSide(m);
  const changes = [...out.text.matchAll(RE_CHANGED_TO)];
  const last = changes[changes.length - 1];
  if (last && RE_CHANGED_FROM.test(out.text.slice(0, last.index))) out = mappedSlice(out, last.index + last[0].length, out.text.length);
  const note = RE_EARLIER_NOTE.exec(out.text);
  if (note && note.index > 0) out = mappedSlice(out, 0, note.index);
  return mappedTrim(out, TRAILING);
}
const RE_CHANGED_TO = /(?:现|已|拟)?(?:调整|修改|变更|更改|改)(?:为|至)/g;

/** The mainland's side named before its value (`内地：`, `中方：`), and any side (`香港：`, `澳门方：`, `外方：`). */
const HOME = HOME_SIDES.join('|');
const RE_HOME_SIDE = new RegExp(`(?:^|[；;。，,]\\s*)(?:${HOME})(?:方)?[：:]\\s*`);
const RE_ANY_SIDE = new RegExp(`(?:^|[；;。，,]\\s*)(?:${HOME}|(?:香港|澳门|台湾)(?:[、和及](?:香港|澳门|台湾))*|港方|澳方|台方|外方|欧方|[\\u4e00-\\u9fff]方)(?:方)?[：:]\\s*`, 'g');

/**
 * Of a value given for each side (`内地：3年；香港：不超过36个月`, `内地：国拨经费1800万元；香港：由创新
 * 科技署核定`), the mainland's: the call's figures are its. The value whole where no side is named.
 */
function homeSide(m: Mapped): Mapped {
  const home = RE_HOME_SIDE.exec(m.text);
  if (!home) return m;
  const start = home.index + home[0].length;
  const sides = [...m.text.matchAll(RE_ANY_SIDE)];
  if (sides.length < 2) return m;
  const next = sides.find((x) => x.index >= start);
  return mappedSlice(m, start, next ? next.index : m.text.length);
}
const RE_CHANGED_FROM = /原为|原定|由\s*[\d一二三四五六七八九十]/;
const RE_EARLIER_NOTE = /[（(][^（）()]*(?:上一稿|上稿|原稿|调整前|原为|征求意见稿)[^（）()]*[）)]/;

/** A figure read in one place: its value, qualifier, text and span. */
export interface FigurePart {
  readonly value: number;
  readonly qualifier: Qualifier;
  readonly text: string;
  readonly span: Span;
}

/**
 * Figures of several places added up (a call's counts per kind of project, a direction's kinds each
 * with its fields): the sum; their qualifier where they share one, else `about`; their texts joined
 * by `；`; the span from the first to the last. Null for none.
 */
export function summedFigures(parts: readonly FigurePart[]): FigurePart | null {
  const first = parts[0];
  const last = parts[parts.length - 1];
  if (!first || !last) return null;
  return {
    value: parts.reduce((a, p) => a + p.value, 0),
    qualifier: parts.every((p) => p.qualifier === first.qualifier) ? first.qualifier : 'about',
    text: parts.map((p) => p.text).join('；'),
    span: { ...first.span, end: last.span.end, endLine: last.span.endLine },
  };
}

/**
 * An item's text cut where markers of its kind go on counting after its own number `n`
 * (`…20μg；3）晶圆级…；4）…` after `2）`), each after a clause end: the item's own text first, then
 * each continuing item. Empty when nothing goes on.
 */
export function inlineContinuation(body: Mapped, n: number, span: SpanFn): ItemOut[] {
  const re = /(?<=[。；;])\s*([（(]?)(\d{1,2})([）)．.])(?![\d.．])/g;
  const cuts: { index: number; marker: string }[] = [];
  let expected = n + 1;
  for (const x of body.text.matchAll(re)) {
    if (Number(x[2]) !== expected) continue;
    cuts.push({ index: x.index + x[0].length - (x[1]!.length + x[2]!.length + x[3]!.length), marker: `${x[1]}${x[2]}${x[3]}` });
    expected++;
  }
  if (cuts.length === 0) return [];
  const first = mappedTrim(mappedSlice(body, 0, cuts[0]!.index));
  const out: ItemOut[] = [{ marker: null, text: first.text, span: span(first) }];
  cuts.forEach((c, k) => {
    const piece = mappedTrim(mappedSlice(body, c.index + c.marker.length, k + 1 < cuts.length ? cuts[k + 1]!.index : body.text.length));
    if (piece.text.length > 0) out.push({ marker: c.marker, text: piece.text, span: span(piece) });
  });
  return out;
}
