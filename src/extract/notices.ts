/**
 * What a guideline says about its own directions after them: a direction's value given by
 * reference to an attachment (`合作协议：见附件1第3项` / `附件1` … `3  希腊  《…》`), and a
 * correction printed at the end (`更正` / `原指南“1.3 …”中“共拟支持经费：900万元人民币”有误，现更正为
 * “共拟支持经费：1200万元人民币”，国拨经费总概算相应由0.45亿元人民币调整为0.48亿元人民币`). Each
 * value taken is traceable to the line it was read from, and an info check says what was done.
 */
import type { Mapped } from '../mapped.js';
import { fieldLabelAt, roleOfLabel, type FieldRole } from '../lexicon/fields.js';
import { parseCjkNumber } from '../lexicon/chars.js';
import { isPlausible } from '../lexicon/numbers.js';
import type { Paragraph } from '../reflow/index.js';
import type { CheckDraft, Direction, Span, Summary } from '../schema/guideline.js';
import { fundingAmounts, parseCount, parseDurationValue, summaryMoney, findSummary } from './patterns.js';
import { durationOut, type SpanFn } from './nodes.js';

/** `见附件1第3项`, `详见附件2序号5`: group 1 the attachment, group 2 the row. */
const RE_ANNEX_REFERENCE = /^(?:详)?见附件\s*([0-9一二三四五六七八九十]{1,3})\s*(?:中)?(?:第|序号)\s*(\d{1,3})\s*(?:项|行|条|号)?[。；]?$/;
const RE_ANNEX_HEADING = /^附件\s*([0-9一二三四五六七八九十]{1,3})\s*[：:]?$/;
const RE_TITLE = /《([^《》]+)》/g;

/** A direction's agreements given as `见附件1第3项`: the titles in 《》 of that row of that attachment. */
export function withAnnexReferences(directions: readonly Direction[], after: readonly Paragraph[], span: SpanFn, checks: CheckDraft[]): Direction[] {
  return directions.map((d) => {
    const agreements = d.agreements.flatMap((a) => {
      const ref = RE_ANNEX_REFERENCE.exec(a.title);
      if (!ref) return [a];
      const row = annexRow(after, num(ref[1]!), Number(ref[2]));
      if (!row) return [a];
      const titles = [...row.text.matchAll(RE_TITLE)].map((m) => ({ title: m[1]!.replace(/\s+/g, ''), span: span(row, m.index, m.index + m[0].length) }));
      if (titles.length === 0) return [a];
      checks.push({
        code: 'reference-resolved',
        severity: 'info',
        message: `direction ${d.id}: the agreement “${a.title}” is read from the attachment: ${titles.map((t) => `《${t.title}》`).join('')}`,
        directionId: d.id,
        stated: a.title,
        computed: titles.map((t) => `《${t.title}》`).join(''),
        span: a.span,
      });
      return titles;
    });
    return agreements === d.agreements ? d : { ...d, agreements };
  });
}

const num = (t: string): number => (/^\d+$/.test(t) ? Number(t) : (parseCjkNumber(t) ?? -1));

/** Row `n` (`3  希腊  《…》`, the row number first) of attachment `annex`, or null. */
function annexRow(after: readonly Paragraph[], annex: number, n: number): Mapped | null {
  const start = after.findIndex((p) => {
    const m = RE_ANNEX_HEADING.exec(p.text.text.trim());
    return m !== null && num(m[1]!) === annex;
  });
  if (start < 0) return null;
  const re = new RegExp(`^${n}(?![\\d.．])\\s*[、.．]?\\s*\\S`);
  for (let i = start + 1; i < after.length && !RE_ANNEX_HEADING.test(after[i]!.text.text.trim()); i++) {
    if (re.test(after[i]!.text.text)) return after[i]!.text;
  }
  return null;
}

/**
 * `原指南“1.3 …”中“共拟支持经费：900万元人民币”有误，现更正为“共拟支持经费：1200万元人民币”`, or through
 * the parts that hold the direction (`“（一）内地与香港科技创新合作”中“2. 粤港澳大湾区联合研究项目”的
 * “共拟支持经费：800万元人民币”更正为“…1000万元人民币”`): the direction is the last reference.
 */
// (A reference may carry a note in brackets and a comma: `“…联合资助项目”（第二批方向1.2）的“…`, `“三、…”中，“…`.)
const RE_CORRECTION = /(?:“([^“”]{2,60})”(?:[（(][^（）()“”]{1,20}[）)])?(?:中|的)[，,]?){1,3}“([^：:“”]{2,12})[：:]([^“”]+)”(?:有误|错误)?[^“]{0,12}更正为“(?:[^：:“”]{2,12}[：:])?([^“”]+)”/g;

/** The direction a correction's reference names: by its title (after its number), else by its number as an id. */
function referenced(directions: readonly Direction[], ref: string): number {
  const title = ref.replace(/^\s*(?:\d{1,2}(?:[.．]\d{1,2}){0,2}[.．、]?|[（(][一二三四五六七八九十\d]{1,3}[）)])\s*/, '').replace(/\s+/g, '');
  const byTitle = title.length >= 4 ? directions.findIndex((d) => d.title.replace(/\s+/g, '') === title) : -1;
  if (byTitle >= 0) return byTitle;
  const id = /^\s*(\d{1,2}(?:[.．]\d{1,2}){1,2})/.exec(ref)?.[1]?.replace(/．/g, '.');
  return id ? directions.findIndex((d) => d.id === id) : -1;
}
/** `国拨经费总概算相应由0.45亿元人民币调整为0.48亿元人民币`: the new total. */
const RE_TOTAL_CORRECTION = /(国拨经费总概算|总概算|国拨经费总额)[^。；]{0,6}由[^。；]{1,20}?(?:调整|更正|修改)为([^。；，,]{2,24})/;

/**
 * A correction naming its direction by number (`第2.1方向“有关说明”中“拟支持项目数不超过2项”更正为“拟支持
 * 项目数不超过3项”`): group 1 the id, 2 the field (optional), 3 the old words, 4 the new.
 */
const RE_CORRECTION_BY_ID = /第?(\d{1,2}(?:[.．]\d{1,2}){1,2})方向(?:“([^“”]{2,12})”)?中?“([^“”]+)”(?:有误|错误)?[^“。]{0,12}更正为“([^“”]+)”/g;
/** A direction withdrawn by the correction (`删除第3.2方向“…”`), not a piece of one (`删除第1.2方向“考核指标”第（4）条`). */
const RE_DELETED = /删除(?:第)?(\d{1,2}(?:[.．]\d{1,2}){1,2})方向(?!“(?:考核指标|研究内容|有关说明|其他要求|关键词|领域方向)”)/g;
/** One item of a direction's list deleted (`删除第1.2方向“考核指标”第（4）条`): the id, the field, the item's number. */
const RE_ITEM_DELETED = /删除(?:第)?(\d{1,2}(?:[.．]\d{1,2}){1,2})方向“(考核指标|其他要求|有关说明|研究内容)”(?:中)?(?:的)?第[（(]?(\d{1,2})[）)]?(?:条|项|款)/g;
/** The call's figures corrected (`“拟启动9个指南方向，…4.6亿元”更正为“拟启动8个指南方向，…4.3亿元”`): the new words. */
const RE_SUMMARY_CORRECTION = /“([^“”]*(?:指南方向|项目数|概算)[^“”]*)”(?:有误|错误)?[^“。]{0,6}更正为“([^“”]+)”/g;

/** Corrections printed after the directions, applied to the value they correct (funding, count, duration) and to the total. */
export function withCorrections(directions: readonly Direction[], summary: Summary, after: readonly Paragraph[], span: SpanFn, checks: CheckDraft[]): { directions: Direction[]; summary: Summary } {
  let out = [...directions];
  let total = summary;
  for (const p of after) {
    const t = p.text.text;
    out = byIdCorrections(out, p.text, span, checks);
    total = summaryCorrections(total, p.text, span, checks);
    for (const m of t.matchAll(RE_CORRECTION)) {
      const k = referenced(out, m[1]!);
      if (k < 0) continue;
      const id = out[k]!.id;
      const role = roleOfLabel(m[2]!.trim());
      const value = m[4]!;
      const at = m.index + m[0].lastIndexOf(value);
      const s = span(p.text, at, at + value.length);
      const next = corrected(out[k]!, role, value, s);
      if (!next) continue;
      out = out.map((x, i) => (i === k ? next! : x));
      checks.push({
        code: 'value-corrected',
        severity: 'info',
        message: `direction ${id}: ${m[2]} corrected by the notice after the directions: “${m[3]}” → “${value}”`,
        directionId: id,
        stated: m[3]!,
        computed: value,
        span: s,
      });
    }
    const tm = RE_TOTAL_CORRECTION.exec(t);
    if (tm) {
      const f = findSummary('fundingTotal', `国拨经费总概算${tm[2]}`);
      if (f) {
        const money = summaryMoney(f);
        const at = tm.index + tm[0].length - tm[2]!.length;
        if (isPlausible('fundingCNY', money.amountCNY)) {
          total = { ...total, fundingTotal: { amountCNY: money.amountCNY, qualifier: money.qualifier, text: tm[2]!, span: span(p.text, at, at + tm[2]!.length) } };
          checks.push({
            code: 'value-corrected',
            severity: 'info',
            message: `the funding total corrected by the notice after the directions: “${tm[2]}”`,
            directionId: null,
            stated: summary.fundingTotal?.text ?? null,
            computed: tm[2]!,
            span: span(p.text, at, at + tm[2]!.length),
          });
        }
      }
    }
  }
  return { directions: out, summary: total };
}

/**
 * Direction `d` with the figure a correction gives for `role` (its funding, count or duration), read
 * from the corrected words `value` at `s`; null where the words give no plausible figure of that role.
 */
function corrected(d: Direction, role: FieldRole, value: string, s: Span): Direction | null {
  if (role === 'funding') {
    const hit = fundingAmounts(value).total;
    return hit && isPlausible('fundingCNY', hit.value.amountCNY) ? { ...d, funding: { ...hit.value, text: value, span: s } } : null;
  }
  if (role === 'projectCount') {
    const hit = parseCount(value);
    return hit && isPlausible('projects', hit.value.value) ? { ...d, projectCount: { ...hit.value, text: value, span: s, inherited: false } } : null;
  }
  if (role === 'duration') {
    const hit = parseDurationValue(value);
    return hit && isPlausible('years', hit.value.maxYears ?? hit.value.minYears ?? 0) ? { ...d, duration: durationOut(hit.value, false, value, s) } : null;
  }
  return null;
}

/** Corrections that name their direction by number, and directions a correction deletes (a check each). */
function byIdCorrections(directions: Direction[], text: Mapped, span: SpanFn, checks: CheckDraft[]): Direction[] {
  let out = directions;
  const t = text.text;
  for (const m of t.matchAll(RE_CORRECTION_BY_ID)) {
    const id = m[1]!.replace(/．/g, '.');
    const k = out.findIndex((d) => d.id === id);
    const label = fieldLabelAt(m[3]!) ?? fieldLabelAt(m[4]!);
    if (k < 0 || !label) continue;
    const value = m[4]!.slice(fieldLabelAt(m[4]!)?.length ?? 0);
    const at = m.index + m[0].lastIndexOf(m[4]!);
    const s = span(text, at, at + m[4]!.length);
    const next = corrected(out[k]!, label.role, value, s);
    if (!next) continue;
    out = out.map((x, i) => (i === k ? next! : x));
    checks.push({ code: 'value-corrected', severity: 'info', message: `direction ${id}: ${label.label} corrected by the notice after the directions: “${m[3]}” → “${m[4]}”`, directionId: id, stated: m[3]!, computed: m[4]!, span: s });
  }
  for (const m of t.matchAll(RE_ITEM_DELETED)) {
    const id = m[1]!.replace(/．/g, '.');
    const k = out.findIndex((x) => x.id === id);
    const key = m[2] === '考核指标' ? 'indicators' : m[2] === '研究内容' ? 'researchContent' : 'requirements';
    const n = Number(m[3]);
    const d = out[k];
    if (!d || n < 1 || n > d[key].length) continue;
    const gone = d[key][n - 1]!;
    out = out.map((x, i) => (i === k ? { ...d, [key]: d[key].filter((_, j) => j !== n - 1) } : x));
    checks.push({ code: 'value-corrected', severity: 'info', message: `direction ${id}: item ${n} of ${m[2]} deleted by the notice after the directions: “${gone.text}”`, directionId: id, stated: gone.text, computed: null, span: span(text, m.index, m.index + m[0].length) });
  }
  for (const m of t.matchAll(RE_DELETED)) {
    const id = m[1]!.replace(/．/g, '.');
    const d = out.find((x) => x.id === id);
    if (!d) continue;
    out = out.filter((x) => x !== d);
    checks.push({ code: 'direction-withdrawn', severity: 'info', message: `direction ${id} is deleted by the notice after the directions and is not counted: “${d.title}”`, directionId: null, stated: d.title, computed: 'correction', span: span(text, m.index, m.index + m[0].length) });
  }
  return out;
}

/** The call's figures a correction states again (the direction count, the project count, the funding total). */
function summaryCorrections(summary: Summary, text: Mapped, span: SpanFn, checks: CheckDraft[]): Summary {
  let out = summary;
  for (const m of text.text.matchAll(RE_SUMMARY_CORRECTION)) {
    const at = m.index + m[0].lastIndexOf(m[2]!);
    const s = span(text, at, at + m[2]!.length);
    const count = (figure: 'directionCount' | 'projectCount'): Summary['directionCount'] => {
      const f = findSummary(figure, m[2]!);
      if (!f) return out[figure];
      const n = parseCount(f[0])?.value;
      return n ? { value: n.value, qualifier: n.qualifier, text: f[0], span: s } : out[figure];
    };
    const f = findSummary('fundingTotal', m[2]!);
    const money = f ? summaryMoney(f) : null;
    out = {
      ...out,
      directionCount: count('directionCount'),
      projectCount: count('projectCount'),
      ...(money && isPlausible('fundingCNY', money.amountCNY) ? { fundingTotal: { amountCNY: money.amountCNY, qualifier: money.qualifier, text: f![0], span: s } } : {}),
    };
    checks.push({ code: 'value-corrected', severity: 'info', message: `the call's figures corrected by the notice after the directions: “${m[1]}” → “${m[2]}”`, directionId: null, stated: m[1]!, computed: m[2]!, span: s });
  }
  return out;
}
