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
import { parseCjkNumber } from '../lexicon/chars.js';
import { matchMarker } from '../lexicon/markers.js';
import type { Paragraph } from '../reflow/index.js';
import type { Node, Section, Segmented } from '../segment/index.js';
import type {
  Agreement,
  Check,
  Direction,
  Domain,
  Duration,
  Flags,
  Funding,
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
  parseMoney,
  parsePerProjectCap,
  qualifierOfMatch,
  RE_AGREEMENT,
  RE_BATCH,
  RE_DRAFT,
  RE_PROGRAMME,
  RE_SPECIAL_PROJECT,
  RE_TITLE_SENTENCE,
  RE_YEAR,
  SUMMARY_PATTERNS,
  toYuan,
  type DurationValue,
} from './patterns.js';

export interface Extracted {
  readonly info: {
    readonly title: string | null;
    readonly titleSource: 'heading' | 'inferred' | 'none';
    readonly programme: string | null;
    readonly specialProject: string | null;
    readonly year: number | null;
    readonly batch: number | null;
    readonly status: 'draft' | 'final' | 'unknown';
  };
  readonly summary: Summary;
  readonly directions: Direction[];
  readonly sections: SectionOut[];
  readonly checks: Check[];
}

const TRAILING = '。；;，,：:、';

export function extract(segmented: Segmented, layout: Layout): Extracted {
  const span = (m: Mapped, i = 0, j = m.text.length): Span => spanOf(layout, m, i, j);
  const checks: Check[] = [];
  const root = segmented.root;

  // Document-level text: every paragraph outside the directions, in order.
  const front: Paragraph[] = [];
  const directions: Section[] = [];
  const walk = (n: Node): void => {
    if (n.kind === 'paragraph') front.push(n.paragraph);
    else if (n.kind === 'direction') directions.push(n);
    else {
      if (n.heading) front.push(n.heading);
      n.children.forEach(walk);
    }
  };
  root.children.forEach(walk);
  const firstDirectionStart = directions[0]?.heading?.text.from[0] ?? Number.POSITIVE_INFINITY;
  const preamble = front.filter((p) => (p.text.from[0] ?? 0) < firstDirectionStart);
  const preambleText = mappedJoin(preamble.map((p) => p.text), '\n');

  const info = documentInfo(preamble, preambleText, span, checks);
  const summary = readSummary(preambleText, span);

  const defaultDuration = summary.defaultDuration;
  const out = directions.map((d) => extractDirection(d, span, defaultDuration, checks));

  // Placeholders outside the directions are doubts too.
  for (const p of front) scanPlaceholders(p.text, null, span, checks);

  return { info, summary, directions: out, sections: root.children.map((n) => sectionOut(n, span)), checks: familyChecks(checks, out) };
}

type SpanFn = (m: Mapped, i?: number, j?: number) => Span;

/**
 * A direction missing a field is a doubt when the other directions have it; in a guideline where
 * no direction names agreements or partners (a domestic special project), their absence is the
 * form, not a doubt.
 */
function familyChecks(checks: Check[], directions: readonly Direction[]): Check[] {
  const has: Record<string, (d: Direction) => boolean> = {
    agreements: (d) => d.agreements.length > 0,
    domains: (d) => d.domains.length > 0,
    projectCount: (d) => d.projectCount !== null,
    funding: (d) => d.funding !== null,
    partners: (d) => d.partners.length > 0,
  };
  const common = (field: string): boolean => {
    const test = has[field];
    return test === undefined || directions.filter(test).length * 2 >= directions.length;
  };
  return checks.filter((c) => {
    if (c.code === 'field-missing') return common(String(c.computed));
    if (c.code === 'partner-unrecognised') return common('partners');
    return true;
  });
}

function documentInfo(preamble: readonly Paragraph[], text: Mapped, span: SpanFn, checks: Check[]): Extracted['info'] {
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
  const yearText = RE_YEAR.exec(title ?? '')?.[1] ?? RE_YEAR.exec(text.text)?.[1];
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
  const count = (re: RegExp, group: number, before?: number, after?: number): Summary['directionCount'] => {
    const m = re.exec(t);
    if (!m) return null;
    return {
      value: Number(m[group]),
      qualifier: qualifierOfMatch(before === undefined ? undefined : m[before], after === undefined ? undefined : m[after]),
      text: m[0],
      span: span(text, m.index, m.index + m[0].length),
    };
  };
  const f = SUMMARY_PATTERNS.fundingTotal.exec(t);
  const d = parseDuration(t);
  return {
    directionCount: count(SUMMARY_PATTERNS.directionCount, 1),
    partnerCount: count(SUMMARY_PATTERNS.partnerCount, 1),
    projectCount: count(SUMMARY_PATTERNS.projectCount, 2, 1, 3),
    fundingTotal: f
      ? {
          amountCNY: toYuan(f[2]!, f[3] === '亿' ? 8 : f[3] === '千万' ? 7 : f[3] === '百万' ? 6 : 4),
          qualifier: qualifierOfMatch(f[1], f[4]),
          text: f[0].replace(/^(?:总概算|经费概算|总经费|经费总额|总预算|共计)[为：:]?/, ''),
          span: span(text, f.index, f.index + f[0].length),
        }
      : null,
    defaultDuration: d ? { ...d.value, text: t.slice(d.index, d.index + d.length), span: span(text, d.index, d.index + d.length) } : null,
  };
}

/** The text of a field after its label: the rest of the heading paragraph. */
function fieldRest(field: Section): Mapped {
  const h = field.heading!;
  return mappedTrim(mappedSlice(h.text, field.marker!.length, h.text.text.length));
}

/** An item's own text, marker removed. */
function itemRest(item: Section): Mapped {
  const h = item.heading!;
  return mappedTrim(mappedSlice(h.text, item.marker!.length, h.text.text.length));
}

const nodeTexts = new WeakMap<Section, Mapped>();

/** The text of a node and everything below it, paragraphs joined by `\n` (memoised: trees are immutable). */
function nodeText(n: Node): Mapped {
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

function extractDirection(d: Section, span: SpanFn, defaultDuration: Summary['defaultDuration'], checks: Check[]): Direction {
  const id = d.marker!.key;
  const heading = d.heading!;
  const titleM = mappedTrim(mappedSlice(heading.text, d.marker!.length, heading.text.text.length));
  const title = titleM.text;
  const all = nodeText(d);
  const fields = d.children.filter((c): c is Section => c.kind === 'field');
  const byRole = (role: string): Section | undefined => fields.find((f) => f.role === role);
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

  // Partners and kind, from the title.
  const partners: Partner[] = findPartners(title).map((h) => ({ name: h.name, text: h.text, span: span(titleM, h.index, h.index + h.length) }));
  if (partners.length === 0) {
    checks.push({
      code: 'partner-unrecognised',
      severity: 'warning',
      message: `direction ${id}: no known country, region or organisation in the title “${title}”`,
      directionId: id,
      stated: title,
      computed: null,
      span: span(titleM),
    });
  }
  const kind = projectKind(title, findPartners(title));

  // Agreements.
  const agreementField = byRole('agreement');
  const agreements: Agreement[] = [];
  if (agreementField) {
    const t = nodeText(agreementField);
    for (const m of t.text.matchAll(RE_AGREEMENT)) {
      agreements.push({ title: m[1]!.replace(/\s+/g, ''), span: span(t, m.index, m.index + m[0].length) });
    }
  }
  if (agreements.length === 0) missing('agreements', 'agreement (合作协议《…》)');

  // Domains.
  const domainField = byRole('domains');
  const domains = domainField ? domainsOfField(domainField, span) : [];
  if (domains.length === 0) missing('domains', 'domains (领域方向)');

  // Project count.
  let projectCount: ProjectCount | null = null;
  const countField = byRole('projectCount');
  if (countField) {
    const t = nodeText(countField);
    const rest = fieldRest(countField);
    const hit = parseCount(t.text);
    if (hit) {
      const value = mappedTrim(rest, TRAILING);
      projectCount = { ...hit.value, text: value.text, span: span(value) };
    }
  }
  if (!projectCount) missing('projectCount', 'project count (拟支持项目数)');

  // Funding.
  let funding: Funding | null = null;
  const fundingField = byRole('funding');
  if (fundingField) {
    const t = nodeText(fundingField);
    const rest = fieldRest(fundingField);
    const hit = parseMoney(t.text);
    if (hit) {
      const value = mappedTrim(rest, TRAILING);
      funding = { ...hit.value, text: value.text, span: span(value) };
    }
  }
  const cap = parsePerProjectCap(all.text);
  const perProjectCap = cap ? { amountCNY: cap.value, text: all.text.slice(cap.index, cap.index + cap.length), span: span(all, cap.index, cap.index + cap.length) } : null;
  if (perProjectCap && funding) {
    funding = { ...funding, perProjectCapCNY: perProjectCap.amountCNY, perProjectCapSpan: perProjectCap.span };
  }
  if (!funding) missing('funding', 'funding (拟支持经费)');

  // Duration: stated in the direction, else the document default.
  let duration: Duration | null = null;
  const dur = parseDuration(all.text);
  if (dur) {
    duration = durationOut(dur.value, false, all.text.slice(dur.index, dur.index + dur.length), span(all, dur.index, dur.index + dur.length));
  } else if (defaultDuration) {
    const { text, span: s, ...value } = defaultDuration;
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
  } else {
    missing('duration', 'duration (实施周期), and the document states no default');
  }

  // Requirements.
  const requirements: Requirement[] = [];
  const reqField = byRole('requirements');
  if (reqField) {
    const rest = fieldRest(reqField);
    if (rest.text.length > 0) requirements.push({ label: null, text: rest.text, span: span(rest) });
    for (const c of reqField.children) {
      if (c.kind === 'paragraph') {
        requirements.push({ label: null, text: c.paragraph.text.text, span: span(c.paragraph.text) });
      } else {
        const body = mappedJoin([itemRest(c), ...c.children.map(nodeText)], '\n');
        requirements.push({ label: c.marker?.text ?? null, text: body.text, span: span(body) });
      }
    }
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
    span: span(all),
  };
}

function durationOut(v: DurationValue, inherited: boolean, text: string, s: Span): Duration {
  return { minYears: v.minYears, maxYears: v.maxYears, qualifier: v.qualifier, hedge: v.hedge, inherited, text, span: s };
}

/**
 * The project kind is the tail of the title after the last partner name, `政府间`, `机制` or `）`:
 * `中国和越南政府间联合研究项目` → 联合研究项目, `中国-欧盟…联合资助机制一般类研究创新合作项目`
 * → 一般类研究创新合作项目; or the category a title ends with: `…编程模型（基础研究类）` → 基础研究类.
 */
function projectKind(title: string, partners: readonly { index: number; length: number }[]): string | null {
  const category = /[（(]([^（）()]{2,12}类)[）)]$/.exec(title);
  if (category) return category[1]!;
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

/** Splits `a；b；c。` at top-level semicolons (not inside brackets or quotes). */
function splitList(m: Mapped): { i: number; j: number }[] {
  const out: { i: number; j: number }[] = [];
  let depth = 0;
  let start = 0;
  const t = m.text;
  for (let k = 0; k < t.length; k++) {
    const c = t[k]!;
    if ('（(《“「['.includes(c)) depth++;
    else if ('）)》”」]'.includes(c)) depth = Math.max(0, depth - 1);
    else if ((c === '；' || c === ';') && depth === 0) {
      out.push({ i: start, j: k });
      start = k + 1;
    }
  }
  out.push({ i: start, j: t.length });
  return out;
}

const INTRO_ONLY = /^(?:具体)?包括(?:但不限于)?(?:以下(?:方向|内容|领域))?$/;

/** `医药卫生：传统药物和草药` → label + detail; `生产技术，包括智能制造` → label + detail. */
function splitLabel(text: string): { label: string; detail: string | null } {
  const t = text.replace(/[。；;，,：:、\s]+$/, '');
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
  for (const { i, j } of splitList(m)) {
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
    span: span(nodeText(item)),
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
      out.push(...inlineDomains(c.paragraph.text, span));
    }
  }
  return out;
}

function scanPlaceholders(m: Mapped, directionId: string | null, span: SpanFn, checks: Check[]): void {
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
    span: n.heading ? span(n.heading.text) : span(nodeText(n)),
    children: n.children.map((c) => sectionOut(c, span)),
  };
}
