/**
 * Role `duration`: the field (`项目实施周期：3年`, `2026年1月至2028年12月`); else a labelled duration
 * anywhere in the direction; else the document's default (inherited, with an info check). A year
 * read where a duration stands (`实施周期：2026年`) is a check, never a value.
 */
import type { Mapped } from '../../mapped.js';
import { mappedTrim } from '../../mapped.js';
import { isPlausible } from '../../lexicon/numbers.js';
import type { Duration } from '../../schema/guideline.js';
import { HEDGES, parseDuration, parseDurationValue, RE_BARE_YEAR, RE_REFERS_TO_CALL, type DurationValue } from '../patterns.js';
import { durationOut, fieldRest, implausible, leftBlank, nodeText, TRAILING, currentValue } from '../nodes.js';
import { bareFiguresOf, type DirectionContext } from './context.js';
import { categoryOf, fieldCategory, figuresCategory, forCategory, headingClass } from './partners.js';

/** A start without an end: `自2026年7月起`, `2026年1月1日开始`. */
const RE_START_ONLY = /^(?:自|从)?\s*\d{4}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?\s*(?:起|开始)(?:执行|实施)?[。；]?$/;

/**
 * The same figure stated again with a hedge (a summary table's `不超过4年` for a direction whose own
 * text says `项目实施周期原则上不超过4年`): the hedged statement, read from its own words; else `d`.
 */
function hedgedAgain(ctx: DirectionContext, d: Duration): Duration {
  if (d.hedge !== null || d.inherited) return d;
  const { all, span } = ctx;
  for (const m of all.text.matchAll(RE_HEDGED)) {
    const hit = parseDurationValue(all.text.slice(m.index, m.index + 24));
    if (hit && hit.index <= m[0].length && hit.value.hedge !== null && hit.value.minYears === d.minYears && hit.value.maxYears === d.maxYears) {
      const at = m.index + hit.index;
      return durationOut(hit.value, false, all.text.slice(at, at + hit.length), span(all, at, at + hit.length));
    }
  }
  return d;
}

/** A hedge before a figure: where the same duration may be stated again with it. */
const RE_HEDGED = new RegExp(Object.keys(HEDGES).sort((a, b) => b.length - a.length).join('|'), 'g');

/**
 * The first duration in a direction's text that is its projects', never the partner's own period
 * (`对方资助方式：…德方资助额…，资助期最长36个月`, `芬方资助期一般为24个月`): a sentence that speaks
 * of the other side's funding states the other side's period.
 */
function ownDuration(text: string): ReturnType<typeof parseDuration> {
  let from = 0;
  for (let hit = parseDuration(text); hit; hit = parseDuration(text.slice(from))) {
    const at = from + hit.index;
    const start = Math.max(text.lastIndexOf('。', at - 1), text.lastIndexOf('；', at - 1), text.lastIndexOf('\n', at - 1)) + 1;
    // (A project's own period stays, whatever the sentence says first: `外方合作单位应来自…，项目实施周期2年`.)
    if (/^项目/.test(text.slice(at)) || /项目$/.test(text.slice(start, at)) || !RE_OTHER_SIDE.test(text.slice(start, at))) return { ...hit, index: at };
    from = at + hit.length;
  }
  return null;
}
const RE_OTHER_SIDE = /对方|外方|[\u4e00-\u9fff](?<![中我双各])方(?:团队|合作团队|合作者|申请人|资助|研究人员)/;

/** A title's bracket that names its term: `（两年期）`, `（3年期）` (group 1 `两年`). */
const RE_TITLE_TERM = /[（(]\s*([一二两三四五六七八九十\d]{1,2}\s*年)期\s*[）)]/;

/**
 * A duration stated without its label: `（拟支持4项，1200万元，3年）`, `36个月（实施周期）`; or the term a
 * title's bracket names, `…联合研究项目（两年期）`. With the text it is read in.
 */
function unlabelledDuration(ctx: DirectionContext): { hit: { value: DurationValue; index: number; length: number }; in: Mapped } | null {
  const hit = ownDuration(ctx.all.text) ?? bareFiguresOf(ctx).duration;
  if (hit) return { hit, in: ctx.all };
  const term = RE_TITLE_TERM.exec(ctx.titleM.text);
  const termHit = term ? parseDurationValue(term[1]!) : null;
  return term && termHit ? { hit: { ...termHit, index: term.index + term[0].indexOf(term[1]!) }, in: ctx.titleM } : null;
}

export function readDuration(ctx: DirectionContext): Duration | null {
  const { id, span, summary, checks } = ctx;
  let duration: Duration | null = null;
  let durationStated = false;
  const durationField = ctx.byRole('duration');
  const take = (hit: { value: DurationValue; index: number; length: number }, m: Mapped): void => {
    durationStated = true;
    const text = m.text.slice(hit.index, hit.index + hit.length);
    const s = span(m, hit.index, hit.index + hit.length);
    const years = hit.value.maxYears ?? hit.value.minYears ?? 0;
    if (isPlausible('years', years) && (hit.value.minYears === null || isPlausible('years', hit.value.minYears))) duration = durationOut(hit.value, false, text, s);
    else implausible(checks, id, 'duration', text, s);
  };
  // `攻关时限：按本通知有关要求执行`: no duration of its own; the call's applies.
  // `项目实施周期：______年` (a form's blank left empty, its choices unticked), or no value at all: none stated.
  const refers = durationField ? RE_REFERS_TO_CALL.test(mappedTrim(fieldRest(durationField), TRAILING).text) || /^(?:年|个月|月)$/.test(mappedTrim(fieldRest(durationField), TRAILING).text) || leftBlank(durationField) : false;
  if (durationField && refers) {
    ctx.leftover(durationField);
  } else if (durationField) {
    const rest = currentValue(mappedTrim(fieldRest(durationField), TRAILING));
    const whole = nodeText(durationField);
    const startOnly = RE_START_ONLY.test(rest.text);
    const labelled = startOnly ? null : parseDuration(whole.text);
    const hit = startOnly ? null : (parseDurationValue(rest.text) ?? glossedDuration(rest.text, durationField.marker?.text ?? ''));
    if (labelled && labelled.index === 0) take(labelled, whole);
    else if (hit) take(hit, rest);
    // The label said again inside the value (`实施周期：项目实施周期不超过3年。`).
    else if (labelled) take(labelled, whole);
    else if (RE_BARE_YEAR.test(rest.text)) {
      durationStated = true;
      implausible(checks, id, 'duration', rest.text, span(rest));
    } else if (startOnly) {
      // `自2026年7月起`: when it starts, not how long: the call's duration applies (its text kept).
      ctx.otherText.push({ label: durationField.marker?.key ?? null, known: true, text: rest.text, span: span(rest) });
    } else {
      durationStated = true;
      ctx.check('value-unreadable', 'warning', `no duration in “${rest.text}”`, rest.text, span(rest));
    }
    ctx.leftover(durationField);
  } else {
    const found = unlabelledDuration(ctx);
    if (found) take(found.hit, found.in);
  }
  if (duration !== null) duration = hedgedAgain(ctx, duration);
  // What the direction's group states for its directions (`4. 青年科学家项目` / `…实施周期不超过3年。`).
  if (!durationStated) {
    for (const g of [...ctx.groupTexts].reverse()) {
      const hit = parseDuration(g.text);
      const years = hit?.value.maxYears ?? hit?.value.minYears ?? null;
      if (hit && years !== null && isPlausible('years', years)) {
        duration = durationOut(hit.value, true, g.text.slice(hit.index, hit.index + hit.length), span(g, hit.index, hit.index + hit.length));
        durationStated = true;
        break;
      }
    }
  }
  // The period the call states for the direction's category (`基础研究类项目一般为5年`), before its default.
  const category = durationStated ? null : categoryOf(ctx.title) ?? figuresCategory(ctx.titleFigures) ?? fieldCategory(ctx) ?? headingClass(ctx);
  const ofCategory = forCategory(summary.categoryDurations, category);
  const fallback = ofCategory ?? summary.defaultDuration;
  if (!durationStated && fallback) {
    // (`durationOut` takes the figures; a category's list of categories stays behind.)
    const { text, span: s, ...value } = fallback;
    duration = durationOut(value, true, text, s);
    checks.push({
      code: 'duration-inherited',
      severity: 'info',
      message: `direction ${id} states no duration: ${ofCategory ? 'its category’s' : 'the document default'} (${text}) applies`,
      directionId: id,
      stated: null,
      computed: text,
      span: span(ctx.heading.text),
    });
  } else if (!durationStated) {
    ctx.missing('duration', 'duration (实施周期), and the document states no default');
  }
  return duration;
}

/**
 * A bare number under a label that gives its unit (`项目实施周期（月）` / `36`, a form's or a table's
 * label): the number read in that unit; its span is the number's.
 */
function glossedDuration(text: string, label: string): ReturnType<typeof parseDurationValue> {
  const unit = /[（(]\s*(个月|月|年)\s*[）)]/.exec(label);
  const number = /^(?:约|不超过|原则上不超过|一般为)?\d{1,3}(?:[～~\-—]\d{1,3})?(?:\.0+)?/.exec(text.trim());
  if (!unit || !number || !/^[。；;]?$/.test(text.trim().slice(number[0].length))) return null;
  const hit = parseDurationValue(`${number[0].replace(/\.0+$/, '')}${unit[1] === '年' ? '年' : '个月'}`);
  return hit ? { ...hit, index: text.indexOf(number[0]), length: number[0].length } : null;
}
