/**
 * The `extract` stage: reads the fields of each guideline direction and the document's own facts
 * from the section tree. Every value carries the span it was read from. What cannot be read, or
 * reads as a doubt (a 待定 placeholder, a missing field), becomes a check here; consistency between
 * figures is checked in `validate`.
 */
import type { Mapped } from '../mapped.js';
import { mappedJoin, mappedSlice, mappedTrim } from '../mapped.js';
import type { Layout } from '../position.js';
import { spanOf } from '../position.js';
import { findPartners } from '../lexicon/partners.js';
import { issuerFamily, type Family } from '../lexicon/families.js';
import { parseCjkNumber } from '../lexicon/chars.js';
import { matchMarker } from '../lexicon/markers.js';
import type { FieldRole } from '../lexicon/fields.js';
import { CJK_NUMERAL, isPlausible } from '../lexicon/numbers.js';
import type { Paragraph } from '../reflow/index.js';
import type { Node, Section, Segmented } from '../segment/index.js';
import type {
  Agreement,
  CheckDraft,
  Conditions,
  Direction,
  Domain,
  Duration,
  Flags,
  Funding,
  Item,
  OtherText,
  TextBlock,
  Partner,
  ProjectCount,
  Requirement,
  SectionOut,
  Span,
  Summary,
} from '../schema/guideline.js';
import {
  FLAG_PATTERNS,
  parseCount,
  parseDuration,
  parseProjectDuration,
  parseMoney,
  parsePerProjectCap,
  RE_AGREEMENT,
  RE_BATCH,
  RE_DRAFT,
  RE_PROGRAMME,
  RE_SPECIAL_PROJECT,
  RE_TITLE_SENTENCE,
  RE_TITLE_YEAR,
  RE_YEAR,
  findSummary,
  FUNDING_TOTAL_LEAD,
  fundingAmounts,
  parseDurationValue,
  parseLabelledCount,
  RE_BARE_YEAR,
  RE_BORN_AFTER,
  RE_COUNT_OPEN,
  RE_LEADING_ENTERPRISE,
  RE_MATCHING_RATIO,
  RE_NO_SUBTOPICS,
  summaryCount,
  summaryMoney,
  type DurationValue,
} from './patterns.js';
import { append } from '../append.js';

export interface Extracted {
  readonly info: {
    readonly title: string | null;
    readonly titleSource: 'heading' | 'inferred' | 'none';
    readonly programme: string | null;
    readonly specialProject: string | null;
    readonly year: number | null;
    readonly batch: number | null;
    readonly status: 'draft' | 'final' | 'unknown';
    readonly family: Family;
  };
  readonly summary: Summary;
  readonly directions: Direction[];
  readonly sections: SectionOut[];
  readonly checks: CheckDraft[];
}

const TRAILING = '。；;，,：:、';

/**
 * `sourceText`: the loaded text (`Source.text`), for the few readings that need what `clean` took
 * out (the spaces between keywords); without it those read the cleaned text alone.
 */
export function extract(segmented: Segmented, layout: Layout, sourceText = ''): Extracted {
  const sourceOf = (start: number, end: number): string => sourceText.slice(start, end);
  const span = (m: Mapped, i = 0, j = m.text.length): Span => spanOf(layout, m, i, j);
  const checks: CheckDraft[] = [];
  const root = segmented.root;

  // Document-level text: every paragraph outside the directions, in order.
  const front: Paragraph[] = [];
  const directions: Section[] = [];
  /** The headings of the groups a direction stands in (`1.1 与德国合作` above `1.1.1 中德…项目`). */
  const groupsOf = new Map<Section, Paragraph[]>();
  /** For each direction: the paragraphs its groups state before their directions (`3. 青年科学家项目` / `每个项目国拨经费不超过300万元。…`). */
  const groupTextOf = new Map<Section, Mapped[]>();
  const walk = (n: Node, groups: Paragraph[], groupTexts: Mapped[]): void => {
    if (n.kind === 'paragraph') front.push(n.paragraph);
    else if (n.kind === 'direction') {
      directions.push(n);
      groupsOf.set(n, groups);
      groupTextOf.set(n, groupTexts);
    } else {
      if (n.heading) front.push(n.heading);
      const inner = n.kind === 'group' && n.heading ? [...groups, n.heading] : groups;
      const own = n.kind === 'group' ? n.children.flatMap((c) => (c.kind === 'paragraph' ? [c.paragraph.text] : [])) : [];
      n.children.forEach((c) => walk(c, inner, own.length > 0 ? [...groupTexts, ...own] : groupTexts));
    }
  };
  root.children.forEach((c) => walk(c, [], []));
  const firstDirectionStart = directions[0]?.heading?.text.from[0] ?? Number.POSITIVE_INFINITY;
  const preamble = front.filter((p) => (p.text.from[0] ?? 0) < firstDirectionStart);
  const preambleText = mappedJoin(preamble.map((p) => p.text), '\n');

  const info = documentInfo(preamble, preambleText, span, checks);
  // Figures read across line breaks too (`拟支持` / `项目数约 26 个` where each printed line is a paragraph).
  const summary = readSummary(mappedJoin(preamble.map((p) => p.text), ''), span);

  const extracted = directions.map((d) => {
    nodeTexts = new WeakMap();
    return extractDirection(d, span, summary, checks, sourceOf, groupsOf.get(d) ?? [], groupTextOf.get(d) ?? []);
  });
  nodeTexts = new WeakMap();
  // Figures stated once for the call after its directions (`四、资助计划`: `拟资助培育项目约25项，直接
  // 费用资助强度不超过80万元/项，资助期限为3年；…`), per project type where it names one.
  const after = front.filter((p) => (p.text.from[0] ?? 0) > firstDirectionStart);
  const out = after.length > 0 ? extracted.map((d) => withCallFigures(d, mappedJoin(after.map((p) => p.text), '\n'), span)) : extracted;

  // Placeholders outside the directions are doubts too.
  for (const p of front) scanPlaceholders(p.text, null, span, checks);
  summaryPlausibility(summary, checks);

  return {
    info: withFamily(info, familyOf(info.programme, out, `${info.title ?? ''}\n${headText(root)}`)),
    summary,
    directions: out,
    sections: root.children.map((n) => sectionOut(n, span)),
    checks: familyChecks(checks, out),
  };
}

/**
 * The family, from evidence: partners or agreements in most directions make an international
 * cooperation guideline; research content, indicators or categories in most (and no partners), a
 * key R&D programme guideline. The file name is never looked at.
 */
function familyOf(programme: string | null, directions: readonly Direction[], head: string): Family {
  // The issuer first: an NSFC or MIIT call is of its family whatever its directions hold. A key
  // programme's own guideline names 国家重点研发计划 and is not theirs.
  const issuer = programme === '国家重点研发计划' ? null : issuerFamily(head);
  if (issuer) return issuer;
  const most = (test: (d: Direction) => boolean): boolean => directions.filter(test).length * 2 > directions.length;
  if (most((d) => d.partners.length > 0 || d.agreements.length > 0)) return 'international-cooperation';
  if (most((d) => d.researchContent.length > 0 || d.indicators.length > 0 || d.keywords.length > 0 || d.category !== null)) return 'key-programme';
  if (programme === '国家重点研发计划' && most((d) => d.partners.length === 0)) return 'key-programme';
  return 'unknown';
}

/**
 * A direction's cap and duration from the call's figures when it states none: the clause (between
 * `；`, `。` and line ends) that names its category (`培育项目`), else the only clause that states
 * 资助强度 / 资助期限 for every project. Marked inherited, with the clause's span.
 */
function withCallFigures(d: Direction, text: Mapped, span: SpanFn): Direction {
  if (d.perProjectCap && d.duration) return d;
  const t = text.text;
  const clauses: { start: number; end: number }[] = [];
  let start = 0;
  for (let i = 0; i <= t.length; i++) {
    if (i === t.length || '；;。\n'.includes(t[i]!)) {
      if (/资助强度|资助期限|支持强度|实施期限|执行期|支持不超过/.test(t.slice(start, i))) clauses.push({ start, end: i });
      start = i + 1;
    }
  }
  const category = d.category?.replace(/[。；]$/, '') ?? null;
  const named = category ? clauses.filter((c) => t.slice(c.start, c.end).includes(category)) : [];
  const pick = named.length === 1 ? named[0]! : clauses.length === 1 ? clauses[0]! : null;
  if (!pick) return d;
  const clause = t.slice(pick.start, pick.end);
  let out = d;
  if (!d.perProjectCap) {
    const cap = parsePerProjectCap(clause);
    if (cap && isPlausible('fundingCNY', cap.value)) {
      const i = pick.start + cap.index;
      out = { ...out, perProjectCap: { amountCNY: cap.value, text: t.slice(i, i + cap.length), span: span(text, i, i + cap.length), inherited: true } };
    }
  }
  if (!d.duration) {
    const hit = parseDuration(clause);
    const years = hit?.value.maxYears ?? hit?.value.minYears ?? null;
    if (hit && years !== null && isPlausible('years', years)) {
      const i = pick.start + hit.index;
      out = { ...out, duration: durationOut(hit.value, true, t.slice(i, i + hit.length), span(text, i, i + hit.length)) };
    }
  }
  return out;
}

/** The family, and for an NSFC guide that does not print its programme's name, that name. */
function withFamily<T extends { readonly programme: string | null }>(info: T, family: Family): T & { readonly family: Family } {
  return { ...info, family, ...(family === 'nsfc' && info.programme === null ? { programme: '国家自然科学基金' } : {}) };
}

/** The text before the first part or direction, where an issuer names itself. At most 600 characters. */
function headText(root: Section): string {
  let out = '';
  for (const c of root.children) {
    if (c.kind !== 'paragraph') break;
    out += c.paragraph.text.text;
    if (out.length > 600) break;
  }
  return out.slice(0, 600);
}

function summaryPlausibility(summary: Summary, checks: CheckDraft[]): void {
  const t = summary.fundingTotal;
  if (t && !isPlausible('fundingCNY', t.amountCNY)) implausible(checks, null, 'funding total', t.text, t.span);
  const c = summary.projectCount;
  if (c && !isPlausible('projects', c.value)) implausible(checks, null, 'project total', c.text, c.span);
}

function implausible(checks: CheckDraft[], directionId: string | null, what: string, text: string, s: Span | null): void {
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

type SpanFn = (m: Mapped, i?: number, j?: number) => Span;

/**
 * A direction missing a field is a doubt when the other directions have it; in a guideline where
 * no direction names agreements or partners (a domestic special project), their absence is the
 * form, not a doubt.
 */
function familyChecks(checks: CheckDraft[], directions: readonly Direction[]): CheckDraft[] {
  const has: Record<string, (d: Direction) => boolean> = {
    agreements: (d) => d.agreements.length > 0,
    domains: (d) => d.domains.length > 0,
    projectCount: (d) => d.projectCount !== null,
    funding: (d) => d.funding !== null,
    partners: (d) => d.partners.length > 0,
    researchContent: (d) => d.researchContent.length > 0,
    indicators: (d) => d.indicators.length > 0,
    keywords: (d) => d.keywords.length > 0,
  };
  // Once per field, not once per check: a long document has as many checks as directions.
  const known = new Map<string, boolean>();
  const common = (field: string): boolean => {
    let is = known.get(field);
    if (is === undefined) {
      const test = has[field];
      is = test === undefined || directions.filter(test).length * 2 >= directions.length;
      known.set(field, is);
    }
    return is;
  };
  return checks.filter((c) => {
    if (c.code === 'field-missing') return common(String(c.computed));
    if (c.code === 'partner-unrecognised') return common('partners');
    return true;
  });
}

function documentInfo(preamble: readonly Paragraph[], text: Mapped, span: SpanFn, checks: CheckDraft[]): Omit<Extracted['info'], 'family'> {
  const head = preamble.slice(0, 4);
  let title: string | null = null;
  let titleSource: Extracted['info']['titleSource'] = 'none';
  // A title is the run of leading paragraphs without sentence punctuation (a centred title often
  // wraps into two short lines), up to the draft mark; it names a 指南.
  const titleParts: string[] = [];
  for (const p of head) {
    const t = p.text.text;
    if (/^[（(]?征求意见稿[）)]?$/.test(t)) {
      if (titleParts.length > 0) break;
      continue;
    }
    if (/[。；]/.test(t) || t.length > 60 || matchMarker(t)) break;
    titleParts.push(t.replace(/[（(]征求意见稿[）)]/, '').trim());
    // A title ends with 指南: what follows it is text, even without a blank line or a full stop.
    if (/指南$/.test(titleParts[titleParts.length - 1]!)) break;
  }
  const titleLine = titleParts.join('');
  if (/指南/.test(titleLine) && titleLine.length <= 120) {
    title = titleLine;
    titleSource = 'heading';
  } else {
    const m = RE_TITLE_SENTENCE.exec(text.text);
    if (m) {
      title = m[1]!;
      titleSource = 'inferred';
      checks.push({
        code: 'title-inferred',
        severity: 'info',
        message: `no title line: the title is taken from the sentence that names the guideline (“${title}”)`,
        directionId: null,
        stated: null,
        computed: title,
        span: span(text, m.index, m.index + m[0].length),
      });
    } else {
      checks.push({ code: 'title-missing', severity: 'warning', message: 'no title found', directionId: null, stated: null, computed: null, span: null });
    }
  }
  const where = `${title ?? ''}\n${text.text}`;
  const programme = RE_PROGRAMME.exec(where)?.[0] ?? null;
  const specialProject = RE_SPECIAL_PROJECT.exec(where)?.[1] ?? null;
  const yearText = RE_YEAR.exec(title ?? '')?.[1] ?? RE_TITLE_YEAR.exec(title ?? '')?.[1] ?? RE_YEAR.exec(text.text)?.[1];
  const batchText = RE_BATCH.exec(title ?? '')?.[1] ?? RE_BATCH.exec(text.text)?.[1];
  const draft = head.some((p) => RE_DRAFT.test(p.text.text));
  const status = draft ? 'draft' : titleSource === 'heading' ? 'final' : 'unknown';
  if (status === 'unknown') {
    checks.push({
      code: 'status-unknown',
      severity: 'info',
      message: 'neither a draft mark (征求意见稿) nor a title line: cannot tell draft from final',
      directionId: null,
      stated: null,
      computed: null,
      span: null,
    });
  }
  return {
    title,
    titleSource,
    programme,
    specialProject,
    year: yearText ? Number(yearText) : null,
    batch: batchText ? parseCjkNumber(batchText) : null,
    status,
  };
}

function readSummary(text: Mapped, span: SpanFn): Summary {
  const t = text.text;
  const count = (figure: 'directionCount' | 'partnerCount' | 'projectCount'): Summary['directionCount'] => {
    const m = findSummary(figure, t);
    if (!m) return null;
    return { ...summaryCount(m), text: m[0], span: span(text, m.index, m.index + m[0].length) };
  };
  const f = findSummary('fundingTotal', t);
  const d = parseProjectDuration(t);
  const fundingTotal = f
    ? {
        amountCNY: summaryMoney(f).amountCNY,
        qualifier: summaryMoney(f).qualifier,
        text: f[0].replace(new RegExp(`^${FUNDING_TOTAL_LEAD}`), ''),
        span: span(text, f.index, f.index + f[0].length),
      }
    : null;
  let defaultDuration: Summary['defaultDuration'] = null;
  if (d) {
    const { months: _months, ...value } = d.value;
    if (isPlausible('years', value.maxYears ?? value.minYears ?? 0)) {
      defaultDuration = { ...value, ...(d.value.months === undefined ? {} : { months: d.value.months }), text: t.slice(d.index, d.index + d.length), span: span(text, d.index, d.index + d.length) };
    }
  }
  return {
    directionCount: count('directionCount'),
    partnerCount: count('partnerCount'),
    projectCount: count('projectCount'),
    fundingTotal,
    defaultDuration,
    defaultProjectCount: readDefaultCount(text, span),
    defaultPerProjectCap: readDefaultCap(text, span),
    youngScientist: readYoungScientist(text, span),
  };
}

/** The sentence (between `。`/`；`/line ends) around `index`. */
function sentenceAt(t: string, index: number): { start: number; end: number } {
  let a = index;
  while (a > 0 && !'。；;\n'.includes(t[a - 1]!)) a--;
  let b = index;
  while (b < t.length && !'。；;\n'.includes(t[b]!)) b++;
  return { start: a, end: b };
}

const RE_DEFAULT_COUNT = /(?:每个|各|每项)(?:项目|指南|揭榜)?(?:方向|任务)[^。；\n]{0,12}?(?:拟)?(?:支持|立项|资助|遴选)(?:项目数|项目)?(?:为|数为|原则上为|原则上不超过)?/g;

/** `每个项目方向拟支持项目数为1～2项`: a count for every direction, stated once. */
function readDefaultCount(text: Mapped, span: SpanFn): Summary['defaultProjectCount'] {
  const t = text.text;
  for (const m of t.matchAll(RE_DEFAULT_COUNT)) {
    const after = m.index + m[0].length;
    const hit = parseCount(t.slice(after, after + 16));
    if (!hit || hit.index > 2) continue;
    if (/青年科学家/.test(t.slice(sentenceAt(t, m.index).start, after))) continue;
    const end = after + hit.index + hit.length;
    return { ...hit.value, text: t.slice(m.index, end), span: span(text, m.index, end) };
  }
  return null;
}

/** `每个项目国拨经费不超过1500万元`, stated once for every direction (not for young scientists). */
function readDefaultCap(text: Mapped, span: SpanFn): Summary['defaultPerProjectCap'] {
  const t = text.text;
  let from = 0;
  while (from < t.length) {
    const hit = parsePerProjectCap(t.slice(from));
    if (!hit) return null;
    const i = from + hit.index;
    const sentence = sentenceAt(t, i);
    if (!/青年科学家/.test(t.slice(sentence.start, sentence.end)) && isPlausible('fundingCNY', hit.value)) {
      return { amountCNY: hit.value, text: t.slice(i, i + hit.length), span: span(text, i, i + hit.length) };
    }
    from = i + hit.length;
  }
  return null;
}

const RE_YOUNG_COUNT = new RegExp(`(\\d+|${CJK_NUMERAL})个青年科学家项目|青年科学家项目(?:数)?(?:为|共)?(\\d+)(?:个|项)`);

/** `拟部署6个青年科学家项目，拟安排国拨经费1800万元，每个项目300万元`. */
function readYoungScientist(text: Mapped, span: SpanFn): Summary['youngScientist'] {
  const t = text.text;
  const m = RE_YOUNG_COUNT.exec(t);
  if (!m) return null;
  // The figures of the sentence that counts them, and of the next clause when it continues it.
  let { start, end } = sentenceAt(t, m.index);
  const next = sentenceAt(t, Math.min(t.length - 1, end + 1));
  if (/^(?:拟安排|安排|每个|共)/.test(t.slice(end + 1, next.end)) || /^[，,]/.test(t.slice(end))) end = next.end;
  const sentence = t.slice(start, end);
  const value = m[1] ?? m[2]!;
  const countValue = /^\d+$/.test(value) ? Number(value) : (parseCjkNumber(value) ?? Number.NaN);
  const countIndex = m.index;
  const fundingHit = /(?:国拨)?经费(?:概算)?(?:为|共)?([^，,。；]{0,20}?元)/.exec(sentence.slice(m.index - start + m[0].length));
  const funding = fundingHit ? parseMoney(fundingHit[1]!) : null;
  const per = parsePerProjectCap(sentence);
  return {
    count: Number.isFinite(countValue) ? { value: countValue, qualifier: 'exact', text: m[0], span: span(text, countIndex, countIndex + m[0].length) } : null,
    fundingCNY: funding?.value.amountCNY ?? null,
    perProjectCNY: per?.value ?? null,
    text: sentence,
    span: span(text, start, end),
  };
}

/** The text of a field after its label: the rest of the heading paragraph (`为` of `…项目数为4个` aside). */
function fieldRest(field: Section): Mapped {
  const h = field.heading!;
  const rest = mappedTrim(mappedSlice(h.text, field.marker!.length, h.text.text.length));
  return /^[为是]\s*(?=[\d约不共一二两三四五六七八九十若])/.test(rest.text) ? mappedTrim(mappedSlice(rest, 1, rest.text.length)) : rest;
}

/** An item's own text, marker removed. */
function itemRest(item: Section): Mapped {
  const h = item.heading!;
  return mappedTrim(mappedSlice(h.text, item.marker!.length, h.text.text.length));
}

/**
 * The texts `nodeText` joined, by node, for the direction under way: `extract` starts a new one for
 * each direction, so that the joined copies of a large document (its directions, their fields and
 * items, each a copy of its text with its maps) never stand in memory all at once.
 */
let nodeTexts = new WeakMap<Section, Mapped>();

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
function nodeText(n: Node): Mapped {
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
function nodeSpan(n: Node, span: SpanFn): Span {
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
    if (k > 0) {
      if (a >= length - 1) {
        start = p.text.length > 0 ? p.from[0]! : 0;
        found = true;
        break;
      }
      a++;
    }
    for (let i = 0; i < p.text.length; i++, a++) {
      if (a >= length - 1 || p.to[i]! > p.from[i]!) {
        start = p.from[i]!;
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
    for (let i = p.text.length - 1; i >= 0; i--, b--) {
      if (b <= a || p.to[i]! > p.from[i]!) {
        end = p.to[i]!;
        break;
      }
    }
    if (end !== null || k === 0) break;
    // The separator before this piece: an empty range at the piece's first code unit.
    if (b <= a) end = p.text.length > 0 ? p.from[0]! : 0;
    else b--;
  }
  // Two code units with exactly these ends: `span` gives the range [start, max(start, end)).
  const last = end ?? start;
  return span({ text: '  ', from: Int32Array.of(start, last - 1), to: Int32Array.of(start + 1, last) });
}

const EMPTY_MAPPED: Mapped = { text: '', from: new Int32Array(0), to: new Int32Array(0) };

function extractDirection(
  d: Section,
  span: SpanFn,
  summary: Summary,
  checks: CheckDraft[],
  sourceText: (start: number, end: number) => string,
  groups: readonly Paragraph[],
  groupTexts: readonly Mapped[] = [],
): Direction {
  const id = d.id ?? d.marker!.key;
  const heading = d.heading!;
  // A title that ends like a sentence (`1. 超高温环境下…界面设计。`, an item of a list of directions)
  // does not keep its full stop.
  const titleM = mappedTrim(mappedSlice(heading.text, d.marker!.length, heading.text.text.length), '。；;');
  const title = titleM.text;
  const all = nodeText(d);
  const fields = d.children.filter((c): c is Section => c.kind === 'field');
  const byRole = (role: FieldRole): Section | undefined => fields.find((f) => f.role === role);
  const allOf = (role: FieldRole): Section[] => fields.filter((f) => f.role === role);
  const check = (code: string, severity: CheckDraft['severity'], message: string, stated: CheckDraft['stated'], s: Span | null, computed: CheckDraft['computed'] = null): void => {
    checks.push({ code, severity, message: `direction ${id}: ${message}`, directionId: id, stated, computed, span: s });
  };
  const missing = (field: string, what: string): void => {
    checks.push({
      code: 'field-missing',
      severity: 'warning',
      message: `direction ${id} states no ${what}`,
      directionId: id,
      stated: null,
      computed: field,
      span: span(heading.text),
    });
  };
  const otherText: OtherText[] = [];
  /** Text of a field that its value did not take: kept, and reported. */
  const leftover = (field: Section): void => {
    for (const c of field.children) {
      const t = nodeText(c);
      if (t.text.trim().length === 0) continue;
      otherText.push({ label: field.marker?.key ?? null, known: true, text: t.text, span: span(t) });
      check('text-unassigned', 'info', `text under ${field.marker?.key ?? 'a field'} that its value does not take: “${short(t.text)}”`, t.text, span(t));
    }
  };

  // Partners and kind, from the title.
  const known = findPartners(title);
  const partners: Partner[] = known.map((h) => ({ name: h.name, text: h.text, span: span(titleM, h.index, h.index + h.length), recognised: true }));
  // A title that names no partner (`中德（NSFC-DFG）合作研究项目`) under a group that does
  // (`1.1 与德国合作`): the group's partners, with the group heading's span.
  for (let g = groups.length - 1; g >= 0 && partners.length === 0; g--) {
    const heading = groups[g]!.text;
    for (const h of findPartners(heading.text)) partners.push({ name: h.name, text: h.text, span: span(heading, h.index, h.index + h.length), recognised: true });
  }
  // A partners field (`合作国家：罗马尼亚`, a table's 合作国家/地区 column): its partners too.
  for (const f of allOf('partners')) {
    const t = fieldRest(f);
    for (const h of findPartners(t.text)) {
      if (!partners.some((p) => p.name === h.name)) partners.push({ name: h.name, text: h.text, span: span(t, h.index, h.index + h.length), recognised: true });
    }
  }
  if (partners.length === 0) {
    const named = partnerFromTitle(title);
    if (named) partners.push({ name: named.name, text: named.name, span: span(titleM, named.index, named.index + named.name.length), recognised: false });
    checks.push({
      code: 'partner-unrecognised',
      severity: 'warning',
      message: named
        ? `direction ${id}: “${named.name}”, named by the title “${title}”, is not a known country, region or organisation`
        : `direction ${id}: no known country, region or organisation in the title “${title}”`,
      directionId: id,
      stated: title,
      computed: named?.name ?? null,
      span: span(titleM),
    });
  }
  // A title without a category under a group that is one (`3. 青年科学家项目` above a table of
  // its directions): the group's.
  const category = categoryOf(title) ?? groupCategory(groups);
  const kind = projectKind(title, known, category);

  // Agreements.
  const agreements: Agreement[] = [];
  for (const agreementField of allOf('agreement')) {
    const t = nodeText(agreementField);
    for (const m of t.text.matchAll(RE_AGREEMENT)) {
      agreements.push({ title: m[1]!.replace(/\s+/g, ''), span: span(t, m.index, m.index + m[0].length) });
    }
    if (!RE_AGREEMENT.test(t.text)) {
      const rest = fieldRest(agreementField);
      // `合作协议：待定` names no agreement: the placeholder is a check (scanPlaceholders), not a title.
      if (rest.text.length > 0 && !RE_PLACEHOLDER_ONLY.test(rest.text)) agreements.push({ title: rest.text.replace(/[。；;，,]+$/, ''), span: span(rest) });
    }
    RE_AGREEMENT.lastIndex = 0;
  }
  // No agreement field: the agreement a direction written in prose names (`本方向落实《中匈政府间科技
  // 合作委员会第十次会议纪要》`).
  // Only for a direction with a partner: a key programme's text cites plans that are no agreement.
  if (allOf('agreement').length === 0 && partners.some((p) => p.recognised)) {
    for (const m of all.text.matchAll(RE_AGREEMENT)) {
      const t = m[1]!.replace(/\s+/g, '');
      if (/协定|协议|纪要|备忘录|议定书|计划|宣言|声明|安排|框架/.test(t) && !agreements.some((a) => a.title === t)) {
        agreements.push({ title: t, span: span(all, m.index, m.index + m[0].length) });
      }
    }
    RE_AGREEMENT.lastIndex = 0;
  }
  // A field that holds only 待定 is told by its placeholder check, not as missing.
  if (agreements.length === 0 && !allOf('agreement').some((f) => RE_PLACEHOLDER_ONLY.test(mappedTrim(fieldRest(f)).text))) missing('agreements', 'agreement (合作协议《…》)');

  // Domains.
  const domains = allOf('domains').flatMap((f) => domainsOfField(f, span));
  // No domains field: the fields a prose direction names (`在农业与食品科学、清洁能源、生物医药等领域`).
  if (allOf('domains').length === 0) {
    const m = RE_PROSE_DOMAINS.exec(all.text);
    if (m) {
      const at = m.index + m[0].indexOf(m[1]!);
      let from = at;
      // Parted by 、 only: 和 and 与 join the words of one domain as often as two (农业与食品科学).
      for (const piece of m[1]!.split(/([、，])/)) {
        if (/^[、，]$/.test(piece) || piece.trim() === '') {
          from += piece.length;
          continue;
        }
        domains.push({ label: piece.trim(), detail: null, marker: null, span: span(all, from, from + piece.length), children: [] });
        from += piece.length;
      }
    }
  }
  if (domains.length === 0) missing('domains', 'domains (领域方向)');

  // Project count: the field, else the count stated once for every direction.
  let projectCount: ProjectCount | null = null;
  const countField = byRole('projectCount');
  if (countField) {
    const rest = mappedTrim(fieldRest(countField), TRAILING);
    const hit = parseCount(rest.text);
    if (hit && isPlausible('projects', hit.value.value) && (hit.value.min === undefined || hit.value.min <= hit.value.value)) {
      projectCount = { ...hit.value, text: rest.text, span: span(rest), inherited: false };
    } else if (hit) {
      implausible(checks, id, 'project count', rest.text, span(rest));
    } else if (RE_COUNT_OPEN.test(rest.text)) {
      check('count-unspecified', 'info', `the project count is left open (“${rest.text}”)`, rest.text, span(rest));
    } else {
      check('value-unreadable', 'warning', `no project count in “${rest.text}”`, rest.text, span(rest));
    }
    leftover(countField);
  } else {
    // A count written inside another field (`有关说明：拟支持项目数3项，…`) is the direction's own.
    const hit = parseLabelledCount(all.text);
    // `本方向拟支持3个项目`, `拟支持项目约6个`: a count in a sentence of the direction's own.
    const prose = hit ? null : findSummary('projectCount', all.text);
    if (hit && isPlausible('projects', hit.value.value)) {
      const text = all.text.slice(hit.index, hit.index + hit.length);
      projectCount = { ...hit.value, text, span: span(all, hit.index, hit.index + hit.length), inherited: false };
    } else if (prose && isPlausible('projects', summaryCount(prose).value)) {
      projectCount = { ...summaryCount(prose), text: prose[0], span: span(all, prose.index, prose.index + prose[0].length), inherited: false };
    } else if (summary.defaultProjectCount) {
      const { text, span: s, ...value } = summary.defaultProjectCount;
      projectCount = { ...value, text, span: s, inherited: true };
    }
  }
  if (!projectCount && !countField) missing('projectCount', 'project count (拟支持项目数)');

  // Funding: the direction's total; an amount per project (`每项300万元`) is its per-project figure.
  let funding: Funding | null = null;
  let statedPerProject: Direction['perProjectCap'] = null;
  const fundingField = byRole('funding');
  if (fundingField) {
    const rest = mappedTrim(fieldRest(fundingField), TRAILING);
    const { total: hit, perProject } = fundingAmounts(rest.text);
    if (hit && isPlausible('fundingCNY', hit.value.amountCNY)) {
      funding = { ...hit.value, text: rest.text, span: span(rest) };
    } else if (hit) {
      implausible(checks, id, 'funding', rest.text, span(rest));
    } else if (perProject) {
      // `300万元/项`: what one project receives, no total for the direction (never read as one).
      check('funding-per-project', 'info', `the funding is stated per project only (“${rest.text}”): no total`, rest.text, span(rest));
    } else {
      check('value-unreadable', 'warning', `no amount in “${rest.text}”`, rest.text, span(rest));
    }
    if (perProject && isPlausible('fundingCNY', perProject.value.amountCNY)) {
      const s = span(rest, perProject.index, perProject.index + perProject.length);
      statedPerProject = { amountCNY: perProject.value.amountCNY, text: rest.text.slice(perProject.index, perProject.index + perProject.length), span: s, inherited: false };
    }
    leftover(fundingField);
  }
  const cap = parsePerProjectCap(all.text);
  let perProjectCap: Direction['perProjectCap'] = null;
  if (statedPerProject && !cap) {
    perProjectCap = statedPerProject;
  } else if (cap && isPlausible('fundingCNY', cap.value)) {
    perProjectCap = { amountCNY: cap.value, text: all.text.slice(cap.index, cap.index + cap.length), span: span(all, cap.index, cap.index + cap.length), inherited: false };
  } else if (cap) {
    implausible(checks, id, 'per-project cap', all.text.slice(cap.index, cap.index + cap.length), span(all, cap.index, cap.index + cap.length));
  } else {
    // What the direction's group states for its directions (`3. 青年科学家项目` / `每个项目国拨经费
    // 不超过300万元`) before what the document states for all.
    const fromGroup = groupTexts.map((t) => ({ t, hit: parsePerProjectCap(t.text) })).find((x) => x.hit && isPlausible('fundingCNY', x.hit.value));
    if (fromGroup) {
      const { t, hit } = fromGroup as { t: Mapped; hit: NonNullable<ReturnType<typeof parsePerProjectCap>> };
      perProjectCap = { amountCNY: hit.value, text: t.text.slice(hit.index, hit.index + hit.length), span: span(t, hit.index, hit.index + hit.length), inherited: true };
    } else if (summary.defaultPerProjectCap) {
      perProjectCap = { ...summary.defaultPerProjectCap, inherited: true };
    }
  }
  if (perProjectCap && funding && !perProjectCap.inherited) {
    funding = { ...funding, perProjectCapCNY: perProjectCap.amountCNY, perProjectCapSpan: perProjectCap.span };
  }
  // No funding field: the total a prose direction states (`国拨经费共900万元`, `安排国拨经费800万元`).
  if (!funding && !fundingField) {
    const m = RE_PROSE_FUNDING.exec(all.text);
    // Never a project's own figure (`每个项目的国拨经费不超过…`, `青年科学家项目国拨经费…`): a cap.
    const perProjectBefore = m !== null && /每|单个|单项|项目的?$/.test(all.text.slice(Math.max(0, m.index - 8), m.index));
    const money = m ? parseMoney(all.text.slice(m.index + m[0].length, m.index + m[0].length + 24)) : null;
    if (m && !perProjectBefore && money && money.index === 0 && isPlausible('fundingCNY', money.value.amountCNY)) {
      const a = m.index + m[0].length;
      funding = { ...money.value, text: all.text.slice(a, a + money.length), span: span(all, a, a + money.length) };
    }
  }
  if (!funding && !fundingField) missing('funding', 'funding (拟支持经费)');

  // Duration: the field, else a labelled duration anywhere in the direction, else the document default.
  let duration: Duration | null = null;
  let durationStated = false;
  const durationField = byRole('duration');
  const readDuration = (hit: { value: DurationValue; index: number; length: number }, m: Mapped): void => {
    durationStated = true;
    const text = m.text.slice(hit.index, hit.index + hit.length);
    const s = span(m, hit.index, hit.index + hit.length);
    const years = hit.value.maxYears ?? hit.value.minYears ?? 0;
    if (isPlausible('years', years) && (hit.value.minYears === null || isPlausible('years', hit.value.minYears))) duration = durationOut(hit.value, false, text, s);
    else implausible(checks, id, 'duration', text, s);
  };
  if (durationField) {
    const rest = mappedTrim(fieldRest(durationField), TRAILING);
    const whole = nodeText(durationField);
    const labelled = parseDuration(whole.text);
    const hit = parseDurationValue(rest.text);
    if (labelled && labelled.index === 0) readDuration(labelled, whole);
    else if (hit) readDuration(hit, rest);
    else if (RE_BARE_YEAR.test(rest.text)) {
      durationStated = true;
      implausible(checks, id, 'duration', rest.text, span(rest));
    } else {
      durationStated = true;
      check('value-unreadable', 'warning', `no duration in “${rest.text}”`, rest.text, span(rest));
    }
    leftover(durationField);
  } else {
    const hit = parseDuration(all.text);
    if (hit) readDuration(hit, all);
  }
  if (!durationStated && summary.defaultDuration) {
    const { text, span: s, ...value } = summary.defaultDuration;
    duration = durationOut(value, true, text, s);
    checks.push({
      code: 'duration-inherited',
      severity: 'info',
      message: `direction ${id} states no duration: the document default (${text}) applies`,
      directionId: id,
      stated: null,
      computed: text,
      span: span(heading.text),
    });
  } else if (!durationStated) {
    missing('duration', 'duration (实施周期), and the document states no default');
  }

  // Requirements: every field of the role, items numbered inline split apart.
  const requirements: Requirement[] = [];
  const requirementFields = allOf('requirements');
  for (const reqField of requirementFields) {
    const rest = fieldRest(reqField);
    if (rest.text.length > 0) append(requirements, itemsOf(rest, span).map((i) => ({ label: i.marker, text: i.text, span: i.span })));
    for (const c of reqField.children) {
      if (c.kind === 'paragraph') {
        append(requirements, itemsOf(c.paragraph.text, span).map((i) => ({ label: i.marker, text: i.text, span: i.span })));
      } else {
        const body = mappedJoin([itemRest(c), ...c.children.map(nodeText)], '\n');
        requirements.push({ label: c.marker?.text ?? null, text: body.text, span: span(body) });
      }
    }
  }

  // Key-programme fields.
  const researchContent = allOf('content').flatMap((f) => blocksOf(f, span));
  const indicators = allOf('indicators').flatMap((f) => indicatorsOf(f, span));
  const keywords = allOf('keywords').flatMap((f) => keywordsOf(f, span, sourceText));
  // Reported only where most directions of the document have them (see familyChecks).
  if (researchContent.length === 0) missing('researchContent', 'research content (研究内容)');
  if (indicators.length === 0) missing('indicators', 'indicators (考核指标)');
  if (keywords.length === 0) missing('keywords', 'keywords (关键词)');

  const ownConditions = conditionsOf(requirementFields.map(nodeText), span);
  // The young-scientist rules a group states for its directions, where a direction states none.
  const conditions = ownConditions.youngScientist || groupTexts.length === 0 ? ownConditions : { ...ownConditions, youngScientist: conditionsOf(groupTexts, span).youngScientist };

  // A figure stated once for all directions that the direction's own 有关说明 contradicts.
  const inRequirements = (s: Span): boolean => requirementFields.some((f) => {
    const r = span(nodeText(f));
    return s.start >= r.start && s.end <= r.end;
  });
  const contradicted = (what: string, stated: string, dflt: string, s: Span): void =>
    check('inherited-contradicted', 'info', `its ${what} (“${stated}”) differs from the one stated for all directions (“${dflt}”)`, stated, s, dflt);
 // A hedged default (一般, 原则上) expects exceptions; a firm one does not.
  const dd = summary.defaultDuration;
  const own = duration as Duration | null;
  if (dd && dd.hedge === null && own && !own.inherited && inRequirements(own.span) && (own.maxYears !== dd.maxYears || own.minYears !== dd.minYears)) contradicted('duration', own.text, dd.text, own.span);
  const dc = summary.defaultPerProjectCap;
  if (dc && perProjectCap && !perProjectCap.inherited && inRequirements(perProjectCap.span) && perProjectCap.amountCNY > dc.amountCNY) contradicted('per-project cap', perProjectCap.text, dc.text, perProjectCap.span);

  // A figure's field given twice (`拟支持项目数：3个` … `拟支持项目数：5个`): the first is read; the
  // others are kept and reported, never dropped.
  for (const role of ['projectCount', 'funding', 'duration'] as const) {
    for (const f of allOf(role).slice(1)) {
      const t = nodeText(f);
      otherText.push({ label: f.marker!.key, known: true, text: t.text, span: span(t) });
      check('field-repeated', 'warning', `${f.marker!.key} is given again (“${short(t.text)}”): the first one is read`, t.text, span(t), byRole(role) ? short(nodeText(byRole(role)!).text) : null);
    }
  }

  // What no field took.
  for (const c of d.children) {
    if (c.kind === 'field') {
      if (c.role === 'other' || c.role === 'unknown') {
        const t = nodeText(c);
        const body = mappedTrim(mappedSlice(t, c.marker!.length, t.text.length));
        otherText.push({ label: c.marker!.key, known: c.role === 'other', text: body.text, span: span(t) });
        if (c.role === 'unknown') {
          checks.push({
            code: 'label-unknown',
            severity: 'warning',
            message: `direction ${id}: unknown label “${c.marker!.key}：” (its text is kept under otherText: “${short(body.text)}”)`,
            directionId: id,
            stated: c.marker!.key,
            computed: body.text,
            span: span(t),
          });
        }
      }
      continue;
    }
    const t = nodeText(c);
    if (t.text.trim().length === 0) continue;
    otherText.push({ label: null, known: false, text: t.text, span: span(t) });
    check('text-unassigned', 'info', `text that no field takes: “${short(t.text)}”`, t.text, span(t));
  }

  // Flags.
  const flags = Object.fromEntries(
    (Object.keys(FLAG_PATTERNS) as (keyof typeof FLAG_PATTERNS)[]).map((k) => {
      const evidence = [...all.text.matchAll(FLAG_PATTERNS[k])].map((m) => ({ text: m[0], span: span(all, m.index, m.index + m[0].length) }));
      return [k, { value: evidence.length > 0, evidence }];
    }),
  ) as Flags;
  scanPlaceholders(all, id, span, checks);

  return {
    id,
    ordinal: d.ordinal!,
    title,
    titleSpan: span(titleM),
    partners,
    kind,
    agreements,
    domains,
    projectCount,
    funding,
    perProjectCap,
    duration,
    requirements,
    flags,
    category,
    researchContent,
    indicators,
    keywords,
    conditions,
    otherText,
    span: span(all),
  };
}

/** Conditions read from the requirement fields (有关说明/其他要求), each with its span. */
function conditionsOf(texts: readonly Mapped[], span: SpanFn): Conditions {
  let matchingRatio: Conditions['matchingRatio'] = null;
  let leadingEnterprise: Conditions['leadingEnterprise'] = null;
  let youngScientist: Conditions['youngScientist'] = null;
  for (const t of texts) {
    const r = RE_MATCHING_RATIO.exec(t.text);
    if (r && !matchingRatio) {
      const q = r[1];
      matchingRatio = {
        other: Number(r[2]),
        central: Number(r[3]),
        qualifier: q === '不低于' || q === '不少于' || q === '达到' ? 'atLeast' : q === '不高于' || q === '不超过' ? 'atMost' : 'exact',
        text: r[0],
        span: span(t, r.index, r.index + r[0].length),
      };
    }
    const e = RE_LEADING_ENTERPRISE.exec(t.text);
    if (e && !leadingEnterprise) leadingEnterprise = { text: e[0], span: span(t, e.index, e.index + e[0].length) };
    const born = [...t.text.matchAll(RE_BORN_AFTER)];
    const sub = RE_NO_SUBTOPICS.exec(t.text);
    if (born.length > 0 && !youngScientist) {
      const date = (sex: string): string | null => {
        const m = born.find((b) => b[1] === sex) ?? born.find((b) => b[1] === '申报人' || b[1] === '负责人');
        return m ? `${m[2]}-${m[3]!.padStart(2, '0')}-${m[4]!.padStart(2, '0')}` : null;
      };
      const start = born[0]!.index;
      const last = born[born.length - 1]!;
      let end = last.index + last[0].length;
      if (sub && sub.index >= end && sub.index - end < 40) end = sub.index + sub[0].length;
      youngScientist = {
        maleBornOnOrAfter: date('男性'),
        femaleBornOnOrAfter: date('女性'),
        noSubtopics: sub !== null,
        text: t.text.slice(start, end),
        span: span(t, start, end),
      };
    }
  }
  return { matchingRatio, leadingEnterprise, youngScientist };
}

function short(text: string): string {
  const t = text.replace(/\s+/g, ' ');
  return t.length > 40 ? `${t.slice(0, 40)}…` : t;
}

/** `…（基础研究类）`, `…（青年科学家项目）`: the category a title ends with, as printed. */
function categoryOf(title: string): string | null {
  return /[（(]([^（）()]{2,20}(?:类|项目|联动|专题|挂帅|赛马))[）)]$/.exec(title)?.[1] ?? null;
}

/** The innermost group whose heading names a category itself (`3. 青年科学家项目`), or null. */
function groupCategory(groups: readonly Paragraph[]): string | null {
  for (let g = groups.length - 1; g >= 0; g--) {
    const t = groups[g]!.text.text.replace(/^(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|[\d.．]+|[一二三四五六七八九十]{1,3}、)\s*/, '').replace(/[。；]$/, '');
    if (/^(?:青年科学家项目|[^，。；]{2,16}类(?:项目)?|[^，。；（）]{2,8}项目)$/.test(t)) return t;
  }
  return null;
}

/** An item of a list, numbered or not. */
interface ItemOut {
  readonly marker: string | null;
  readonly text: string;
  readonly span: Span;
}

/**
 * Items numbered inline in one paragraph (`（1）…（2）…`, `①…；②…`, `1.…2.…`, `1）…2）…`): markers of
 * one kind counting up from 1, each at the start or after a clause end. Text before the first
 * marker is an item of its own. A paragraph without such a run is one item.
 */
function itemsOf(m: Mapped, span: SpanFn): ItemOut[] {
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

/** 研究内容: the label line's text, then each paragraph (list items with their marker). */
function blocksOf(field: Section, span: SpanFn): TextBlock[] {
  const out: TextBlock[] = [];
  const rest = fieldRest(field);
  if (rest.text.length > 0) out.push({ text: rest.text, span: span(rest) });
  for (const c of field.children) {
    const t = nodeText(c);
    if (t.text.trim().length > 0) out.push({ text: t.text, span: span(t) });
  }
  return out;
}

/** 考核指标: numbered items (on their own lines or inline), or unnumbered paragraphs, one item each. */
function indicatorsOf(field: Section, span: SpanFn): Item[] {
  const out: Item[] = [];
  const rest = fieldRest(field);
  if (rest.text.length > 0) append(out, itemsOf(rest, span));
  for (const c of field.children) {
    if (c.kind === 'paragraph') append(out, itemsOf(c.paragraph.text, span));
    else {
      const body = mappedJoin([itemRest(c), ...c.children.map(nodeText)], '\n');
      if (body.text.length > 0) out.push({ marker: c.marker?.text ?? null, text: body.text, span: span(body) });
    }
  }
  return out;
}

/**
 * 关键词: split on ，,、；; each keyword with its span. Keywords separated by spaces only
 * (`MEMS陀螺 加速度计 温度补偿`) are split where the source had white space: `clean` drops
 * spaces next to CJK characters, and the source map still shows the gap.
 */
function keywordsOf(field: Section, span: SpanFn, source: (start: number, end: number) => string): TextBlock[] {
  const text = nodeText(field);
  const body = mappedSlice(text, field.marker!.length, text.text.length);
  const out: TextBlock[] = [];
  let start = 0;
  const t = body.text;
  const spaced = !/[，,、；;]/.test(t.replace(/[。.\s]+$/, ''));
  const gapAfter = (k: number): boolean =>
    spaced && k + 1 < t.length && body.from[k + 1]! > body.to[k]! && /^[ \t\u3000]+$/.test(source(body.to[k]!, body.from[k + 1]!));
  for (let k = 0; k <= t.length; k++) {
    if (k < t.length && gapAfter(k)) {
      const piece = mappedTrim(mappedSlice(body, start, k + 1), '。.');
      if (piece.text.length > 0) out.push({ text: piece.text, span: span(piece) });
      start = k + 1;
      continue;
    }
    if (k === t.length || '，,、；;\n'.includes(t[k]!)) {
      const piece = mappedTrim(mappedSlice(body, start, k), '。.');
      if (piece.text.length > 0) out.push({ text: piece.text, span: span(piece) });
      start = k + 1;
    }
  }
  return out;
}

/**
 * A partner the title names by the family's own pattern, when no known name is in it:
 * `中国与安第斯共同体科技合作项目` → 安第斯共同体.
 */
function partnerFromTitle(title: string): { name: string; index: number } | null {
  const m = /^(?:中国|我国|中方)(?:和|与|同|-|—|–|・|·)?(.{2,20}?)(?:政府间|双边|多边|科技|联合|合作|国际|青年|创新|研究|项目|机制|伙伴|之间)/.exec(title);
  if (!m || !m[1]) return null;
  const name = m[1].replace(/^(?:和|与|同)/, '');
  if (name.length < 2) return null;
  return { name, index: m[0].indexOf(name) };
}

function durationOut(v: Omit<DurationValue, 'months'> & { months?: number | undefined }, inherited: boolean, text: string, s: Span): Duration {
  return { minYears: v.minYears, maxYears: v.maxYears, qualifier: v.qualifier, hedge: v.hedge, inherited, ...(v.months === undefined ? {} : { months: v.months }), text, span: s };
}

/**
 * The project kind is the tail of the title after the last partner name, `政府间`, `机制` or `）`:
 * `中国和越南政府间联合研究项目` → 联合研究项目, `中国-欧盟…联合资助机制一般类研究创新合作项目`
 * → 一般类研究创新合作项目; or the title's category (`categoryOf`) when it is a 类: `…编程模型（基础研究类）`
 * → 基础研究类.
 */
function projectKind(title: string, partners: readonly { index: number; length: number }[], category: string | null): string | null {
  if (category?.endsWith('类')) return category;
  let cut = 0;
  for (const p of partners) cut = Math.max(cut, p.index + p.length);
  for (const word of ['政府间', '机制', '）', ')']) {
    const i = title.lastIndexOf(word);
    if (i >= 0) cut = Math.max(cut, i + word.length);
  }
  const tail = title.slice(cut).trim();
  if (tail.length > 2 && /项目$/.test(tail)) return tail;
  return /([\u4e00-\u9fff]{2,10}项目)$/.exec(title)?.[1] ?? null;
}

/** Splits `a；b；c。` at top-level separators of `seps` (not inside brackets or quotes). */
function splitList(m: Mapped, seps = '；;'): { i: number; j: number }[] {
  const out: { i: number; j: number }[] = [];
  let depth = 0;
  let start = 0;
  const t = m.text;
  for (let k = 0; k < t.length; k++) {
    const c = t[k]!;
    if ('（(《“「['.includes(c)) depth++;
    else if ('）)》”」]'.includes(c)) depth = Math.max(0, depth - 1);
    else if (seps.includes(c) && depth === 0) {
      // `，包括…`, `，如…` continue the item before them.
      if ((c === '，' || c === ',') && /^(?:具体|包括|如|等|其中|并|以及|重点|主要|含)/.test(t.slice(k + 1))) continue;
      out.push({ i: start, j: k });
      start = k + 1;
    }
  }
  out.push({ i: start, j: t.length });
  return out;
}

/**
 * The separator an inline list of domains uses: `；` where there is one; else, unless a label
 * colon (`医药卫生：传统药物、草药`) makes the commas part of a detail, `，` and then `、`.
 */
function listSeparators(m: Mapped): string {
  // Pieces with text: a field cut from a line of fields ends with the `；` that parted them.
  const top = (seps: string): boolean => splitList(m, seps).filter(({ i, j }) => /[^\s。；;，,、]/.test(m.text.slice(i, j))).length > 1;
  if (top('；;')) return '；;';
  if (topLevelColon(m.text) >= 0) return '；;';
  if (top('，,')) return '，,、';
  if (top('、')) return '、';
  return '；;';
}

/** Domains named in a sentence: `在A、B、C等领域`, `围绕A、B和C等方向`. Group 1 is the list. */
const RE_PROSE_DOMAINS = /(?:在|围绕|聚焦|面向|重点围绕|优先支持|支持)(?:在|于)?((?:[^，。；、]{2,16}、)+[^，。；、]{2,16}?)(?:等|[一二两三四五六七八九十\d]{1,2}个)?(?:领域|方向)/;
/** A direction's total in a sentence: `国拨经费共900万元`, `国拨经费总额1200万元`, `安排国拨经费800万元`. */
const RE_PROSE_FUNDING = /(?<!每个项目|每项)(?:国拨经费|拟支持经费|支持经费|资助经费)(?:共计|共|总额|合计|总计)?(?:为|约为)?/;

/** A field whose whole text is a placeholder (`待定`, `另行通知。`). */
const RE_PLACEHOLDER_ONLY = /^(?:待定|待补充|待确定|暂定|另行通知|另行公布|无)[。；;，,]*$/;

const INTRO_ONLY = /^(?:具体)?包括(?:但不限于)?(?:以下(?:方向|内容|领域))?$/;

/** `医药卫生：传统药物和草药` → label + detail; `生产技术，包括智能制造` → label + detail. */
function splitLabel(text: string): { label: string; detail: string | null } {
  // A list bulleted with dashes or dots (`——生物能源`, `• 海洋科学`): the bullet is no part of it.
  const t = text
    .replace(/[。；;，,：:、\s]+$/, '')
    .replace(/^(?:——|—|－|-|•|·|●|○|▪|■|◆|[（(]\d{1,2}[）)]|\d{1,2}[.．、）)](?!\d)|[\u2460-\u2473])\s*/, '');
  const colon = topLevelColon(t);
  if (colon > 0 && colon <= 20) {
    const detail = t.slice(colon + 1).trim();
    return { label: t.slice(0, colon).trim(), detail: detail && !INTRO_ONLY.test(detail) ? detail : null };
  }
  const m = /^(.+?)[，,]((?:具体)?包括.*)$/.exec(t);
  if (m) {
    const detail = m[2]!.trim();
    return { label: m[1]!.trim(), detail: INTRO_ONLY.test(detail) ? null : detail };
  }
  return { label: t, detail: null };
}

/** Index of the first `：` outside brackets (`其他材料（如：金属）` has none), or -1. */
function topLevelColon(t: string): number {
  let depth = 0;
  for (let k = 0; k < t.length; k++) {
    const c = t[k]!;
    if ('（(《“「['.includes(c)) depth++;
    else if ('）)》”」]'.includes(c)) depth = Math.max(0, depth - 1);
    else if ((c === '：' || c === ':') && depth === 0) return k;
  }
  return -1;
}

function inlineDomains(m: Mapped, span: SpanFn): Domain[] {
  const out: Domain[] = [];
  // Numbered inline (`①农业；②能源`): one domain per item.
  const items = itemsOf(m, span);
  if (items.length > 1 && items.some((i) => i.marker !== null)) {
    let from = 0;
    for (const item of items) {
      const k = m.text.indexOf(item.text, from);
      const piece = mappedTrim(mappedSlice(m, k, k + item.text.length), TRAILING);
      from = k + item.text.length;
      if (piece.text.length === 0) continue;
      const { label, detail } = splitLabel(piece.text);
      out.push({ label: label || piece.text, detail, marker: item.marker, span: span(piece), children: [] });
    }
    return out;
  }
  for (const { i, j } of splitList(m, listSeparators(m))) {
    const piece = mappedTrim(mappedSlice(m, i, j), TRAILING);
    if (piece.text.length === 0) continue;
    const { label, detail } = splitLabel(piece.text);
    if (!label) continue;
    out.push({ label, detail, marker: null, span: span(piece), children: [] });
  }
  return out;
}

/** Detail text without the phrases that only introduce a list (`包括但不限于：`, `，具体包括：`). */
function cleanDetail(parts: readonly string[]): string | null {
  const text = parts
    .map((p) =>
      p
        .replace(/[。；;，,：:、\s]+$/, '')
        .replace(/^(?:具体)?包括(?:但不限于)?[：:]\s*/, '')
        .replace(/[，,](?:具体)?包括(?:但不限于)?(?:以下(?:方向|内容|领域))?$/, ''),
    )
    .filter((p) => p && !INTRO_ONLY.test(p))
    .join('\n');
  return text || null;
}

function domainOfItem(item: Section, span: SpanFn): Domain {
  const rest = itemRest(item);
  const { label, detail } = splitLabel(rest.text);
  const extra: string[] = [];
  const children: Domain[] = [];
  for (const c of item.children) {
    if (c.kind === 'paragraph') extra.push(c.paragraph.text.text);
    else children.push(domainOfItem(c, span));
  }
  return {
    label: label || rest.text,
    detail: cleanDetail([...(detail ? [detail] : []), ...extra]),
    marker: item.marker?.text ?? null,
    span: nodeSpan(item, span),
    children,
  };
}

function domainsOfField(field: Section, span: SpanFn): Domain[] {
  const out: Domain[] = [...inlineDomains(fieldRest(field), span)];
  const kids = field.children;
  for (let k = 0; k < kids.length; k++) {
    const c = kids[k]!;
    if (c.kind !== 'paragraph') {
      out.push(domainOfItem(c, span));
      continue;
    }
    // `交通转型，具体包括以下方向：` followed by items: one domain with those items as children.
    const next = kids[k + 1];
    if (/[：:]$/.test(c.paragraph.text.text) && next && next.kind === 'item') {
      const { label, detail } = splitLabel(c.paragraph.text.text);
      const children: Domain[] = [];
      let end = k + 1;
      while (end < kids.length && kids[end]!.kind === 'item') {
        children.push(domainOfItem(kids[end] as Section, span));
        end++;
      }
      const texts = [c.paragraph.text, ...kids.slice(k + 1, end).map(nodeText)];
      out.push({ label, detail, marker: null, span: span(mappedJoin(texts, '\n')), children });
      k = end - 1;
    } else {
      append(out, inlineDomains(c.paragraph.text, span));
    }
  }
  return out;
}

function scanPlaceholders(m: Mapped, directionId: string | null, span: SpanFn, checks: CheckDraft[]): void {
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

function sectionOut(n: Node, span: SpanFn): SectionOut {
  if (n.kind === 'paragraph') {
    return { kind: 'paragraph', marker: null, text: n.paragraph.text.text, span: span(n.paragraph.text), children: [] };
  }
  return {
    kind: n.kind === 'root' ? 'part' : n.kind,
    marker: n.marker?.text ?? null,
    text: n.heading?.text.text ?? '',
    span: n.heading ? span(n.heading.text) : nodeSpan(n, span),
    children: n.children.map((c) => sectionOut(c, span)),
  };
}
