/**
 * Role `requirements` (其他要求 / 申报要求 / 有关说明): each field's items, numbered inline or on
 * their own lines; and the conditions they state (matching ratio, a leading enterprise, the rules
 * of a young scientists' project), a group's rules where the direction states none.
 */
import type { Mapped } from '../../mapped.js';
import { mappedJoin } from '../../mapped.js';
import type { Conditions, Requirement } from '../../schema/guideline.js';
import { append } from '../../append.js';
import { MATCHING_FORMS, RE_BORN_AFTER, RE_BORN_AFTER_OF, RE_LEADING_ENTERPRISE, RE_MATCHING_RATIO, RE_NO_SUBTOPICS } from '../patterns.js';
import { fieldRest, itemRest, itemsOf, nodeText, type SpanFn } from '../nodes.js';
import type { DirectionContext } from './context.js';

export function readRequirements(ctx: DirectionContext): { requirements: Requirement[]; conditions: Conditions } {
  const { span, groupTexts } = ctx;
  const requirements: Requirement[] = [];
  const requirementFields = ctx.allOf('requirements');
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
  // (Also the fields kept as text that state who leads or what is matched: `申报主体：`, `配套要求：`.)
  const ownConditions = conditionsOf([...requirementFields, ...ctx.allOf('other')].map(nodeText), span);
  // The young-scientist rules a group states for its directions, where a direction states none.
  const conditions = ownConditions.youngScientist || groupTexts.length === 0 ? ownConditions : { ...ownConditions, youngScientist: conditionsOf(groupTexts, span).youngScientist };
  return { requirements, conditions };
}

/** The ratio of matching funds to the central funds a text states, in any of its forms (`MATCHING_FORMS`). */
function matchingOf(t: Mapped, span: SpanFn): Conditions['matchingRatio'] {
  const forms: (readonly [RegExp, { other: number; central: number } | null])[] = [[RE_MATCHING_RATIO, null], ...MATCHING_FORMS];
  for (const [re, fixed] of forms) {
    const r = re.exec(t.text);
    if (!r) continue;
    const q = r[1];
    return {
      other: fixed ? fixed.other : Number(r[2]),
      central: fixed ? fixed.central : Number(r[3]),
      qualifier: q === '不低于' || q === '不少于' || q === '达到' || q === '至少' ? 'atLeast' : q === '不高于' || q === '不超过' ? 'atMost' : fixed ? 'atLeast' : 'exact',
      text: r[0],
      span: span(t, r.index, r.index + r[0].length),
    };
  }
  return null;
}

/** Conditions read from the requirement fields (有关说明/其他要求), each with its span. */
function conditionsOf(texts: readonly Mapped[], span: SpanFn): Conditions {
  let matchingRatio: Conditions['matchingRatio'] = null;
  let leadingEnterprise: Conditions['leadingEnterprise'] = null;
  let youngScientist: Conditions['youngScientist'] = null;
  for (const t of texts) {
    if (!matchingRatio) matchingRatio = matchingOf(t, span);
    const e = RE_LEADING_ENTERPRISE.exec(t.text);
    if (e && !leadingEnterprise) leadingEnterprise = { text: e[0], span: span(t, e.index, e.index + e[0].length) };
    const born = [...t.text.matchAll(RE_BORN_AFTER)];
    const sub = RE_NO_SUBTOPICS.exec(t.text);
    if (born.length > 0 && !youngScientist) {
      // `…1990年1月1日（含）以后出生的男性…或1988年…出生的女性`: the sex after its date first.
      const of = [...t.text.matchAll(RE_BORN_AFTER_OF)];
      const date = (sex: string): string | null => {
        const before = of.find((b) => b[4] === sex);
        if (before) return `${before[1]}-${before[2]!.padStart(2, '0')}-${before[3]!.padStart(2, '0')}`;
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