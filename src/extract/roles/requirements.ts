/**
 * Role `requirements` (其他要求 / 申报要求 / 有关说明): each field's items, numbered inline or on
 * their own lines; and the conditions they state (matching ratio, a leading enterprise, the rules
 * of a young scientists' project), a group's rules where the direction states none.
 */
import type { Mapped } from '../../mapped.js';
import { mappedJoin, mappedSlice } from '../../mapped.js';
import type { Conditions, Requirement } from '../../schema/guideline.js';
import { append } from '../../append.js';
import { MATCHING_FORMS, RE_CENTRAL_SHARE, RE_MATCHING_REVERSED, RE_MATCHING_SHARE, RE_BORN_AFTER, RE_BORN_AFTER_OF, RE_BORN_NOT_BEFORE, RE_DATE_OF_SEX, RE_LEADING_ENTERPRISE, RE_MATCHING_RATIO, RE_NO_SUBTOPICS } from '../patterns.js';
import { fieldRest, inlineContinuation, itemRest, itemsOf, nodeText, type SpanFn } from '../nodes.js';
import type { DirectionContext } from './context.js';
import { LEAD_LABELS } from '../../lexicon/fields.js';

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
        // (`（1）…成员国，每个项目至少有1个外方合作单位。（2）` / `项目实施周期3年。`: the wrap put the next
        // item's number at the end of this item's line.)
        const after = c.marker ? inlineContinuation(body, c.marker.value, span) : [];
        if (after.length > 0) {
          requirements.push({ label: c.marker?.text ?? null, text: after[0]!.text, span: after[0]!.span });
          append(requirements, after.slice(1).map((i) => ({ label: i.marker, text: i.text, span: i.span })));
        } else requirements.push({ label: c.marker?.text ?? null, text: body.text, span: span(body) });
      }
    }
  }
  // A field that says there are none (`其他要求：—`, `无。`, `/`): no requirement.
  for (let k = requirements.length - 1; k >= 0; k--) if (RE_NONE_STATED.test(requirements[k]!.text.trim())) requirements.splice(k, 1);
  // (Also the fields kept as text that state who leads or what is matched: `申报主体：`, `配套要求：`.)
  // (And the funding field that states the matching funds beside the central ones: `共拟支持经费：中央
  // 财政经费不超过1800万元，自筹经费与中央财政经费比例不低于1:1。`)
  const answered = leadAnswered(ctx);
  const stated = conditionsOf([...requirementFields, ...ctx.allOf('other').filter((f) => !LEAD_LABELS.has(f.marker?.key ?? '')), ...ctx.allOf('funding')].map(nodeText), span);
  const ownConditions = answered && !stated.leadingEnterprise ? { ...stated, leadingEnterprise: answered } : stated;
  // The rules a group states for its directions (young scientists', who leads, what is matched:
  // `方向三` / `支持安排：…本方向须由内地企业牵头申报，企业配套经费与国拨经费比例不低于1:1`), where a
  // direction states none: inherited.
  const group = groupTexts.length === 0 ? null : conditionsOf(groupTexts, span);
  const conditions = !group
    ? ownConditions
    : {
        ...ownConditions,
        youngScientist: ownConditions.youngScientist ?? group.youngScientist,
        matchingRatio: ownConditions.matchingRatio ?? (group.matchingRatio && { ...group.matchingRatio, inherited: true }),
        leadingEnterprise: ownConditions.leadingEnterprise ?? (group.leadingEnterprise && { ...group.leadingEnterprise, inherited: true }),
      };
  return { requirements, conditions };
}

/**
 * A field that answers whether a company must lead (`企业牵头：是`, a form's `☑是  □否` once its
 * boxes are read): `是` is a leading enterprise required; any other answer none.
 */
function leadAnswered(ctx: DirectionContext): Conditions['leadingEnterprise'] {
  for (const f of ctx.allOf('other')) {
    if (!LEAD_LABELS.has(f.marker?.key ?? '')) continue;
    const value = fieldRest(f);
    // (A box ticked alone, `须企业牵头申报：☒`, or before the form's hint, `☑（勾选表示须由企业牵头申报）`, answers yes; `☐` no.)
    const m = /^\s*(是|须|需要|要求|[☑☒✓✔√■](?=\s*(?:是)?\s*(?:[（(][^）)]*[）)])?\s*$))(?![否不])/.exec(value.text);
    if (m) return { text: value.text.trim(), span: ctx.span(value, m.index + m[0].length - m[1]!.length, m.index + m[0].length), inherited: false };
  }
  return null;
}

/** A requirement's text that says there is none: a dash, a slash, `无`, `暂无`. */
const RE_NONE_STATED = /^(?:[—–\-－/／]{1,2}|无|暂无|没有)[。；;]?$/;

/** The ratio of matching funds to the central funds a text states, in any of its forms (`MATCHING_FORMS`). */
function matchingOf(t: Mapped, span: SpanFn): Conditions['matchingRatio'] {
  const forms: (readonly [RegExp, { other: number; central: number } | null])[] = [[RE_MATCHING_RATIO, null], ...MATCHING_FORMS];
  for (const [re, fixed] of forms) {
    const r = re.exec(t.text);
    if (!r) continue;
    const q = r[1];
    return {
      other: fixed ? fixed.other : Number(r[2]),
      central: fixed ? fixed.central : Number(r[3] ?? '1'),
      qualifier: q === '不低于' || q === '不少于' || q === '达到' || q === '至少' ? 'atLeast' : q === '不高于' || q === '不超过' ? 'atMost' : fixed ? 'atLeast' : 'exact',
      text: r[0],
      span: span(t, r.index, r.index + r[0].length),
      inherited: false,
    };
  }
  const turned = (q: string | undefined): 'atLeast' | 'atMost' | 'exact' => (q === '不高于' || q === '不超过' ? 'atLeast' : q === '不低于' || q === '不少于' ? 'atMost' : 'exact');
  const r = RE_MATCHING_REVERSED.exec(t.text);
  if (r) return { other: Number(r[3]), central: Number(r[2]), qualifier: turned(r[1]), text: r[0], span: span(t, r.index, r.index + r[0].length), inherited: false };
  const c = RE_CENTRAL_SHARE.exec(t.text);
  if (c) {
    const fraction: Record<string, number> = { 三分之一: 100 / 3, 四分之一: 25, 五分之一: 20, 二分之一: 50, 一半: 50 };
    const p = c[3] !== undefined ? Number(c[3]) : fraction[c[2]!]!;
    if (p > 0 && p < 100) {
      // (The central funds' share p: the others' is 100 − p, their ratio (100 − p) : p, reduced.)
      const [other, central] = p === 100 / 3 ? [2, 1] : [(100 - p) / gcd(100 - p, p), p / gcd(100 - p, p)];
      return { other, central, qualifier: c[1] === '不低于' ? 'atMost' : 'atLeast', text: c[0], span: span(t, c.index, c.index + c[0].length), inherited: false };
    }
  }
  const s = RE_MATCHING_SHARE.exec(t.text);
  if (s && Number(s[2]) > 0 && Number(s[2]) < 100) {
    const p = Number(s[2]);
    const g = gcd(p, 100 - p);
    const qualifier = s[1] === '不高于' || s[1] === '不超过' ? 'atMost' : 'atLeast';
    return { other: p / g, central: (100 - p) / g, qualifier, text: s[0], span: span(t, s.index, s.index + s[0].length), inherited: false };
  }
  return null;
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/** Conditions read from the requirement fields (有关说明/其他要求), each with its span. */
export function conditionsOf(texts: readonly Mapped[], span: SpanFn): Conditions {
  let matchingRatio: Conditions['matchingRatio'] = null;
  let leadingEnterprise: Conditions['leadingEnterprise'] = null;
  let youngScientist: Conditions['youngScientist'] = null;
  for (const t of texts) {
    if (!matchingRatio) matchingRatio = matchingOf(t, span);
    const e: RegExpExecArray | null = leadingEnterprise ? null : requiredLead(t.text);
    if (e) leadingEnterprise = { text: e[0], span: span(t, e.index, e.index + e[0].length), inherited: false };
    // (Never a question about them, `…是不是放宽到1986年以后出生？`: it states no rule.)
    const born = [...t.text.matchAll(RE_BORN_AFTER)].filter((b) => !/^[^。；\n]*?[？?]/.test(t.text.slice(b.index + b[0].length)));
    const notBefore = RE_BORN_NOT_BEFORE.exec(t.text);
    const bracketed = notBefore ? [...t.text.slice(notBefore.index).matchAll(RE_DATE_OF_SEX)].map((m) => ({ m, at: notBefore.index + m.index })) : [];
    const sub = RE_NO_SUBTOPICS.exec(t.text);
    if ((born.length > 0 || bracketed.length > 0) && !youngScientist) {
      // `…1990年1月1日（含）以后出生的男性…或1988年…出生的女性`: the sex after its date first; a year
      // alone (`1989年及以后出生`) is from its 1 January.
      const of = [...t.text.matchAll(RE_BORN_AFTER_OF)];
      const ymd = (y: string, m: string | undefined, d: string | undefined): string => `${y}-${(m ?? '1').padStart(2, '0')}-${(d ?? '1').padStart(2, '0')}`;
      const date = (sex: string): string | null => {
        const inBrackets = bracketed.find((b) => b.m[4] === sex);
        if (inBrackets) return ymd(inBrackets.m[1]!, inBrackets.m[2], inBrackets.m[3]);
        const before = of.find((b) => b[4] === sex);
        if (before) return ymd(before[1]!, before[2], before[3]);
        const m = born.find((b) => b[1] === sex) ?? born.find((b) => b[1] === '申报人' || b[1] === '负责人');
        return m ? ymd(m[2]!, m[3], m[4]) : null;
      };
      const spans = [...born.map((b) => [b.index, b.index + b[0].length] as const), ...bracketed.map((b) => [notBefore!.index, b.at + b.m[0].length] as const)];
      const start = Math.min(...spans.map((x) => x[0]));
      let end = Math.max(...spans.map((x) => x[1]));
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
/**
 * A sentence that states a condition for some of the directions only, or on a condition: a
 * category (`应用示范类项目`, `部省联动方向`), a direction named (`指南方向1.1和2.1`), young
 * scientists' projects, `其中`, `企业牵头项目的…`, `作为参与单位的，…` (what follows if something holds).
 */
// (Not an exception the call allows for: `…比例不低于2:1，榜单另有规定的，从其规定` holds for every task but those that say otherwise.)
// (Or a kind of project named in quotes: `“尖兵”项目采取“揭榜挂帅”方式…，由省内企业牵头揭榜`, the `“领雁”项目` not.)
// (Or some of the applicants: `地方高校项目经费由…按不低于1:1的比例配套`.)
const RE_CONDITION_FOR_SOME = /揭榜挂帅|定向委托|(?:地方|部属|省属|市属|民办)(?:高校|高等学校|科研院所|院所|单位)|长周期|方向\s*[\d一二三四五六七八九十]|“[^“”]{1,10}”(?:类)?项目|[\u4e00-\u9fff]类(?:项目|方向|任务)|部省联动|青年科学家|其中|部分|个别|(?:对于|如|若|凡)[^，。；]{0,12}(?:项目|方向|任务)|牵头(?:申报|承担|揭榜)?的(?:项目|方向|任务|课题|，|,)|企业牵头(?:项目|方向|任务|课题)|[^，。；]{2,}(?<!另有(?:规定|要求|约定|说明))的，/;
/** A lead that is allowed or encouraged (`鼓励通信运营企业牵头揭榜`, `可由企业牵头`): not required. */
// (Nor one that forbids it: `鼓励企业参与，但不得由企业牵头申报`.)
const RE_LEAD_MAY = /(?:可|鼓励|优先|支持|不得|不能|不可|不允许|禁止)[^，。；]{0,6}由?[^，。；]{0,8}企业牵头/;

/** The first phrase of `text` that requires a company to lead, in a clause that does not only allow it. */
function requiredLead(text: string): RegExpExecArray | null {
  const e = RE_LEADING_ENTERPRISE.exec(text);
  if (!e) return null;
  const clauseStart = Math.max(text.lastIndexOf('，', e.index), text.lastIndexOf('。', e.index), text.lastIndexOf('；', e.index)) + 1;
  return RE_LEAD_MAY.test(text.slice(clauseStart, e.index + e[0].length)) ? null : e;
}

/**
 * The conditions the call states once for every direction, in its text outside the directions
 * (`三、揭榜条件`: `揭榜主体须为…企业，…联合体须由企业牵头`; `配套经费与国拨经费比例不低于1:1`):
 * read sentence by sentence, never from a sentence that speaks of some directions only or of
 * what follows if a company leads. Each marked inherited, with the call's sentence as its span.
 */
export function callConditions(texts: readonly Mapped[], span: SpanFn): CallConditions {
  let matchingRatio: Conditions['matchingRatio'] = null;
  let leadingEnterprise: Conditions['leadingEnterprise'] = null;
  const byCategory: CallConditions['byCategory'][number][] = [];
  for (const t of texts) {
    for (const m of t.text.matchAll(/[^。；;\n]+/g)) {
      // (A sentence that names categories first states their conditions: `应用示范类项目须企业牵头申报，
      // 其他经费…与中央财政经费比例不低于1:1`.)
      const named = RE_CATEGORY_CONDITION.exec(m[0]);
      if (named) {
        const sentence = mappedSlice(t, m.index, m.index + m[0].length);
        const r = /企业/.test(m[0].replace(RE_LEADING_ENTERPRISE, '')) ? null : matchingOf(sentence, span);
        const e = requiredLead(m[0]);
        const categories = named[1]!.split(/[和、及与]|项目/).filter((x) => /类$/.test(x));
        if (categories.length > 0 && (r || e)) byCategory.push({ categories, matchingRatio: r && { ...r, inherited: true }, leadingEnterprise: e && { text: e[0], span: span(sentence, e.index, e.index + e[0].length), inherited: true } });
        continue;
      }
      if (RE_CONDITION_FOR_SOME.test(m[0])) continue;
      const sentence = mappedSlice(t, m.index, m.index + m[0].length);
      // (Matching funds a company provides, `参与企业应提供至少与其获得的政府资助等额的配套出资`, are the company's.)
      const r: Conditions['matchingRatio'] = matchingRatio || /企业/.test(m[0]) ? null : matchingOf(sentence, span);
      if (r) matchingRatio = { ...r, inherited: true };
      const e: RegExpExecArray | null = leadingEnterprise ? null : requiredLead(m[0]);
      if (e) leadingEnterprise = { text: e[0], span: span(sentence, e.index, e.index + e[0].length), inherited: true };
    }
  }
  return { matchingRatio, leadingEnterprise, byCategory };
}

/** What the call states for every direction, and for the directions of some categories. */
export interface CallConditions extends Pick<Conditions, 'matchingRatio' | 'leadingEnterprise'> {
  readonly byCategory: readonly ({ readonly categories: readonly string[] } & Pick<Conditions, 'matchingRatio' | 'leadingEnterprise'>)[];
}

/** A sentence that starts by naming categories of projects and says what they must (`应用示范类项目须企业牵头申报`). */
const RE_CATEGORY_CONDITION = /^\s*((?:[\u4e00-\u9fff]{2,10}?类(?:项目)?[和、及与]?){1,4})项目?(?:均)?(?:须|应|需|必须|要求|原则上)/;

/** A direction that opens its lead to others than companies (`本榜单可由高校、科研院所或企业牵头揭榜`): the call's lead rule is not its own. */
export const RE_LEAD_OPEN = /可由[^，。；]{0,24}(?:高校|高等学校|院所|科研机构|研究机构|大学)[^，。；]{0,16}牵头/;
/** A direction that waives the matching funds (`不作自筹资金比例要求`, `无需配套`): the call's ratio is not its own. */
export const RE_MATCHING_WAIVED = /不作[^，。；]{0,10}(?:配套|自筹)[^，。；]{0,10}要求|(?:不要求|无需|不需|无须)[^，。；]{0,6}(?:配套|自筹)/;
