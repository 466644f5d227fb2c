/**
 * One direction: its role readers in their order (`./roles/`), then what no reader owns: figures
 * stated once for all directions that the direction's own text contradicts, a figure's field given
 * twice, text that no field took, flags and placeholders.
 */
import type { Mapped } from '../mapped.js';
import { mappedSlice, mappedTrim } from '../mapped.js';
import type { Paragraph } from '../reflow/index.js';
import type { Section } from '../segment/index.js';
import type { CheckDraft, Direction, Duration, Flags, Funding, Span, Summary } from '../schema/guideline.js';
import { FLAG_PATTERNS, fundingAmounts, parseCount, parseDurationValue } from './patterns.js';
import { fieldRest, nodeText, scanPlaceholders, short, type SpanFn } from './nodes.js';
import {
  directionContext,
  readAgreements,
  readDomains,
  readDuration,
  readFunding,
  totalFundingField,
  readKeyProgramme,
  readPartners,
  readProjectCount,
  readRequirements,
  type DirectionContext,
} from './roles/index.js';
import { conditionsOf } from './roles/requirements.js';

export function extractDirection(
  d: Section,
  span: SpanFn,
  summary: Summary,
  checks: CheckDraft[],
  sourceText: (start: number, end: number) => string,
  groups: readonly Paragraph[],
  groupTexts: readonly Mapped[] = [],
): Direction {
  const ctx = directionContext(d, span, summary, checks, sourceText, groups, groupTexts);
  const { partners, category, kind } = readPartners(ctx);
  const agreements = readAgreements(ctx, partners);
  const domains = readDomains(ctx);
  const projectCount = readProjectCount(ctx);
  const read = readFunding(ctx);
  const duration = readDuration(ctx);
  const { funding, perProjectCap } = perYearCap(ctx, read, duration);
  const { requirements, conditions: stated } = readRequirements(ctx);
  const { researchContent, indicators, keywords } = readKeyProgramme(ctx);

  contradictions(ctx, duration, perProjectCap);
  repeatedFields(ctx);
  // (The conditions a direction's own sentence states where it has no requirements field:
  // `本方向拟支持…。项目须由企业牵头申报，其他经费…比例不低于2:1。`)
  const prose = unassigned(ctx, d, requirements);
  const more = prose.length > 0 ? conditionsOf(prose, span) : null;
  const conditions = more ? { ...stated, matchingRatio: stated.matchingRatio ?? more.matchingRatio, leadingEnterprise: stated.leadingEnterprise ?? more.leadingEnterprise } : stated;

  const { id, all } = ctx;
  const flags = Object.fromEntries(
    (Object.keys(FLAG_PATTERNS) as (keyof typeof FLAG_PATTERNS)[]).map((k) => {
      const evidence = [...all.text.matchAll(FLAG_PATTERNS[k])].map((m) => ({ text: m[0], span: span(all, m.index, m.index + m[0].length) }));
      return [k, { value: evidence.length > 0, evidence }];
    }),
  ) as Flags;
  scanPlaceholders(all, id, span, checks);
  // One heading over a range of directions (`1.3—1.5 中国和北欧国家合作项目`, each below it a numbered
  // item of its own): read as one direction, which a check says.
  const range = d.marker?.rangeTo;
  if (range !== undefined && d.heading) {
    const count = range - d.marker!.value + 1;
    ctx.check('direction-range', 'warning', `one heading stands for ${count} directions (“${d.marker!.text}”): read as one direction, its fields those of all of them`, d.marker!.text, span(d.heading.text), count);
  }

  return {
    id,
    ordinal: d.ordinal!,
    title: ctx.title,
    titleSpan: span(ctx.titleM),
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
    otherText: ctx.otherText,
    span: span(all),
  };
}

/** A figure stated once for all directions that the direction's own 有关说明 contradicts. */
function contradictions(ctx: DirectionContext, duration: Duration | null, perProjectCap: Direction['perProjectCap']): void {
  const { span, summary } = ctx;
  const requirementFields = ctx.allOf('requirements');
  const inRequirements = (s: Span): boolean =>
    requirementFields.some((f) => {
      const r = span(nodeText(f));
      return s.start >= r.start && s.end <= r.end;
    });
  const contradicted = (what: string, stated: string, dflt: string, s: Span): void =>
    ctx.check('inherited-contradicted', 'info', `its ${what} (“${stated}”) differs from the one stated for all directions (“${dflt}”)`, stated, s, dflt);
  // A hedged default (一般, 原则上) expects exceptions; a firm one does not.
  const dd = summary.defaultDuration;
  if (dd && dd.hedge === null && duration && !duration.inherited && inRequirements(duration.span) && (duration.maxYears !== dd.maxYears || duration.minYears !== dd.minYears)) {
    contradicted('duration', duration.text, dd.text, duration.span);
  }
  const dc = summary.defaultPerProjectCap;
  if (dc && perProjectCap && !perProjectCap.inherited && inRequirements(perProjectCap.span) && perProjectCap.amountCNY > dc.amountCNY) {
    contradicted('per-project cap', perProjectCap.text, dc.text, perProjectCap.span);
  }
}

/**
 * A figure's field given twice (`拟支持项目数：3个` … `拟支持项目数：5个`): the first is read; the
 * others are kept and reported, never dropped.
 */
function repeatedFields(ctx: DirectionContext): void {
  const { span } = ctx;
  for (const role of ['projectCount', 'funding', 'duration'] as const) {
    const first = role === 'funding' ? totalFundingField(ctx) : ctx.byRole(role);
    const figure = first ? figureOf(role, fieldRest(first).text) : null;
    for (const f of ctx.allOf(role).filter((x) => x !== first)) {
      const t = nodeText(f);
      ctx.otherText.push({ label: f.marker!.key, known: true, text: t.text, span: span(t) });
      // The same figure again (a summary table after the text: `拟支持项目数：不超过8个`, then `8`):
      // kept as text, and no doubt to report; a different one is.
      if (figure !== null && figureOf(role, fieldRest(f).text) === figure) continue;
      // (What each project gets beside the total, `资助强度：每项…`: no second total to doubt.)
      if (role === 'funding' && figureOf(role, fieldRest(f).text) === null) continue;
      ctx.check('field-repeated', 'warning', `${f.marker!.key} is given again (“${short(t.text)}”): the first one is read`, t.text, span(t), first ? short(nodeText(first).text) : null);
    }
  }
}

/** A field's figure as a comparable key (a count's number, an amount in yuan, a duration's years), or null. */
function figureOf(role: 'projectCount' | 'funding' | 'duration', text: string): string | null {
  if (role === 'projectCount') {
    const c = parseCount(text);
    return c ? String(c.value.value) : null;
  }
  if (role === 'funding') {
    const m = fundingAmounts(text).total;
    return m ? String(m.value.amountCNY) : null;
  }
  const d = parseDurationValue(text);
  return d ? `${d.value.minYears ?? ''}-${d.value.maxYears ?? ''}` : null;
}

/** What no field took: other and unknown labels, and paragraphs outside every field. */
/** A sentence that asks something of applicants (`申报单位须…`, `鼓励企业参与…`). */
const RE_OBLIGATION = /须|(?<![适相对响反供效呼顺])应(?!用)|需(?!求)|不得|鼓励|优先/;

/**
 * Text no field took: reported (`otherText`, a `text-unassigned` check). Where the direction states
 * its fields as sentences and has no requirements field, its paragraphs and items that ask something
 * of applicants are its requirements (`申报单位须与德方合作伙伴共同申报…`).
 */
function unassigned(ctx: DirectionContext, d: Section, requirements: Direction['requirements']): Mapped[] {
  const { id, span, checks } = ctx;
  const taken: Mapped[] = [];
  // (A direction with fields of its own, none of them requirements: not an area described in prose.)
  const prose = requirements.length === 0 && ctx.allOf('requirements').length === 0 && d.children.some((c) => c.kind === 'field');
  for (const c of d.children) {
    if (c.kind === 'field') {
      // A name field beside a heading that names the direction itself: its text is kept.
      if (c.role === 'name' && ctx.titleM.text !== mappedTrim(fieldRest(c), '。；;').text) {
        const body = mappedTrim(fieldRest(c));
        if (body.text.length > 0) ctx.otherText.push({ label: c.marker!.key, known: true, text: body.text, span: span(body) });
        continue;
      }
      if (c.role === 'other' || c.role === 'unknown') {
        const t = nodeText(c);
        const body = mappedTrim(mappedSlice(t, c.marker!.length, t.text.length));
        ctx.otherText.push({ label: c.marker!.key, known: c.role === 'other', text: body.text, span: span(t) });
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
    if (prose && RE_OBLIGATION.test(t.text) && !/[：:]$/.test(t.text.trim())) {
      const marker = c.kind === 'item' ? c.marker : null;
      const body = marker ? mappedTrim(mappedSlice(t, marker.length, t.text.length)) : mappedTrim(t);
      if (body.text.length > 0) {
        requirements.push({ label: marker ? marker.text : null, text: body.text, span: span(body) });
        taken.push(body);
        continue;
      }
    }
    ctx.otherText.push({ label: null, known: false, text: t.text, span: span(t) });
    ctx.check('text-unassigned', 'info', `text that no field takes: “${short(t.text)}”`, t.text, span(t));
  }
  return taken;
}

/**
 * A cap stated for each year of a project (`每个项目每年国拨经费不超过100万元`): the cap of a
 * project is it times the most years the project may run, where the direction states them; else no
 * cap is given, and a check says why. Never the yearly figure as the project's.
 */
function perYearCap(ctx: DirectionContext, read: ReturnType<typeof readFunding>, duration: Duration | null): ReturnType<typeof readFunding> {
  const cap = read.perProjectCap;
  if (!cap || cap.inherited) return read;
  // (`每年` in the cap's words or just before them in its clause: `每个项目每年国拨经费不超过…`.)
  const lead = ctx.sourceText(Math.max(0, cap.span.start - 12), cap.span.start).split(/[。；;，,]/).pop() ?? '';
  if (!/每年|年均/.test(lead + cap.text)) return read;
  // (A cap is a bound: at most the years there may be, `不超过2年` or `2～3年`, bound the project.)
  const years = duration?.maxYears ?? null;
  if (years !== null) {
    const amountCNY = cap.amountCNY * years;
    ctx.check('cap-per-year', 'info', `the cap is stated per year (“${cap.text}”): × ${years} years = ${amountCNY / 10_000}万元 a project`, cap.text, cap.span, amountCNY);
    const perProjectCap = { ...cap, amountCNY };
    return { funding: read.funding && read.funding.perProjectCapCNY !== undefined ? { ...read.funding, perProjectCapCNY: amountCNY } : read.funding, perProjectCap };
  }
  ctx.check('cap-per-year', 'warning', `the cap is stated per year (“${cap.text}”) and the direction states no number of years: no cap of a project is given`, cap.text, cap.span);
  const { perProjectCapCNY: _c, perProjectCapSpan: _s, ...funding } = read.funding ?? ({} as Funding);
  return { funding: read.funding ? (funding as Funding) : null, perProjectCap: null };
}
