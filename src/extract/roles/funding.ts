/**
 * Role `funding`: the direction's total from its field, an amount per project (`每项300万元`) as
 * its per-project figure; the per-project cap from the direction's text, else its groups', else
 * the document's (inherited); where no field gives the total, the one a prose direction states
 * (`国拨经费共900万元`).
 */
import { mappedJoin, mappedTrim } from '../../mapped.js';
import { isPlausible } from '../../lexicon/numbers.js';
import type { Mapped } from '../../mapped.js';
import type { Direction, Funding } from '../../schema/guideline.js';
import { eachDirectionFunding, fundingAmounts, parseMoney, parsePerProjectCap, RE_REFERS_TO_CALL, RE_SHARED_FIGURE, RE_SUBTYPES, sentenceAt } from '../patterns.js';
import { fieldRest, implausible, leftBlank, summedFigures, TRAILING, currentValue } from '../nodes.js';
import { bareFiguresOf, type DirectionContext } from './context.js';
import { categoryOf, fieldCategory, forCategory, headingClass } from './partners.js';

type PerProjectCap = Direction['perProjectCap'];
type FundingField = NonNullable<ReturnType<DirectionContext['byRole']>>;

export function readFunding(ctx: DirectionContext): { funding: Funding | null; perProjectCap: PerProjectCap } {
  // Of several funding fields, the one that states the direction's total (`资助强度：每项不超过200万元` /
  // `资助经费：直接费用共计1600万元`: the second); what each project gets is read from the others.
  const fundingField = totalFundingField(ctx);
  const stated = fundingField ? readFundingField(ctx, fundingField) : { funding: null, perProject: null };
  // (A figure stated for several directions together is no total of this one's: nothing else read for it,
  // and `readFundingField` said so. Nor where the count beside it on its line is such a figure:
  // `1.3、1.4两个方向合计拟支持不超过8个，国拨经费共2400万元`, the money cut from the count by its label.)
  const value = fundingField ? mappedTrim(fundingValue(fundingField), TRAILING) : null;
  const ownShared = value !== null && RE_SHARED_FIGURE.test(value.text);
  const countField = ctx.byRole('projectCount');
  const besideShared = value !== null && !ownShared && countField !== undefined && RE_SHARED_FIGURE.test(fieldRest(countField).text) && ctx.span(fieldRest(countField)).line === ctx.span(value).line;
  if (besideShared) ctx.check('figure-shared', 'warning', `the funding is stated, with the project count before it, for several directions together (“${value.text}”): none of its own`, value.text, ctx.span(value));
  let funding = ownShared || besideShared ? null : (subTypeFunding(ctx) ?? stated.funding ?? planTotal(ctx));
  const task = taskFunding(ctx);
  if (task && !funding && !fundingField) funding = task.funding;
  let perProjectCap = perProjectCapOf(ctx, task, stated.perProject);
  if (perProjectCap && funding && !perProjectCap.inherited) {
    funding = { ...funding, perProjectCapCNY: perProjectCap.amountCNY, perProjectCapSpan: perProjectCap.span };
  }
  // No funding field: the total a prose direction states (`国拨经费共900万元`, `安排国拨经费800万元`).
  const prose = !funding && !fundingField ? proseFunding(ctx) : null;
  if (prose?.funding && prose.bound && (perProjectCap === null || perProjectCap.inherited)) {
    // A key programme's direction, whose figures are each project's (`有关说明：…国拨经费不超过1200万元`,
    // `国拨经费上限为3000万元`): a bound without a word of sum (共, 总额, 合计) is what one project may get,
    // the cap the call's own yields to; no total of the direction.
    perProjectCap = { amountCNY: prose.funding.amountCNY, text: prose.funding.text, span: prose.funding.span, inherited: false };
    ctx.check('funding-per-project', 'info', `the funding is stated per project only (“${prose.funding.text}”, a bound with no count and no word of sum): no total`, prose.funding.text, prose.funding.span);
  } else if (prose?.funding) funding = prose.funding;
  // `（拟支持4项，1200万元，3年）`, `约1000万元（国拨经费）`: the total without its label.
  let bareImplausible = false;
  if (!funding && !fundingField && !prose?.implausible && !prose?.bound) {
    const bare = bareFiguresOf(ctx).money;
    if (bare) {
      const text = ctx.all.text.slice(bare.index, bare.index + bare.length);
      const where = ctx.span(ctx.all, bare.index, bare.index + bare.length);
      if (isPlausible('fundingCNY', bare.value.amountCNY)) funding = { ...bare.value, text, span: where };
      else {
        implausible(ctx.checks, ctx.id, 'funding', text, where);
        bareImplausible = true;
      }
    }
  }
  if (!funding && !fundingField && !prose?.bound) funding = groupFunding(ctx);
  if (!funding && !fundingField && !prose?.implausible && !bareImplausible) ctx.missing('funding', 'funding (拟支持经费)');
  return { funding, perProjectCap };
}

/**
 * A direction split into kinds of project each with its own fields (`本方向设以下两类项目：` / `（1）联合
 * 研究项目` / `共拟支持经费：1200万元` / `（2）产学研合作项目` / `共拟支持经费：900万元`): the sum of their
 * totals, spanning from the first to the last; null for a direction not so split.
 */
function subTypeFunding(ctx: DirectionContext): Funding | null {
  if (!RE_SUBTYPES.test(ctx.all.text)) return null;
  const totals = ctx.allOf('funding').flatMap((f) => {
    const rest = mappedTrim(fundingValue(f), TRAILING);
    const hit = fundingAmounts(withLabelUnit(rest.text, f.marker?.text ?? '')).total;
    if (!hit || !isPlausible('fundingCNY', hit.value.amountCNY)) return [];
    const [from, to] = [hit.index, hit.index + hit.length];
    return [{ value: hit.value.amountCNY, qualifier: hit.value.qualifier, text: rest.text.slice(from, to), span: ctx.span(rest, from, to) }];
  });
  const sum = totals.length >= 2 ? summedFigures(totals) : null;
  return sum && { amountCNY: sum.value, qualifier: sum.qualifier, text: sum.text, span: sum.span };
}

/**
 * The cap of the kinds of project a direction's count offers (`支持数量：重点项目1项，一般项目2项`), where
 * the call states a cap per kind (a table `项目类别 | 资助强度`): the highest of them, the most one of
 * its projects may get.
 */
function offeredKindsCap(ctx: DirectionContext): DirectionContext['summary']['categoryCaps'][number] | null {
  const field = ctx.byRole('projectCount');
  if (!field || ctx.summary.categoryCaps.length === 0) return null;
  const text = fieldRest(field).text;
  const offered = ctx.summary.categoryCaps.filter((c) => c.categories.some((k) => k.length >= 2 && text.includes(k)));
  return offered.reduce<(typeof offered)[number] | null>((best, c) => (best === null || c.amountCNY > best.amountCNY ? c : best), null);
}

/** The direction's funding field read: its total, and what one project gets where it states that; a check where it states neither. */
function readFundingField(ctx: DirectionContext, fundingField: FundingField): { funding: Funding | null; perProject: PerProjectCap } {
  const { id, span, checks } = ctx;
  let funding: Funding | null = null;
  let statedPerProject: PerProjectCap = null;
  const rest = currentValue(mappedTrim(fundingValue(fundingField), TRAILING));
  const { total: hit, perProject } = fundingAmounts(withLabelUnit(rest.text, fundingField.marker?.text ?? ''));
  if (RE_SHARED_FIGURE.test(rest.text)) {
    // (`1.3、1.4两个方向合计…国拨经费共2400万元`, a cell merged over two directions' rows: theirs together, no one's.)
    ctx.check('figure-shared', 'warning', `the funding is stated for several directions together (“${rest.text}”): none of its own`, rest.text, span(rest));
  } else if (hit && isPlausible('fundingCNY', hit.value.amountCNY)) {
    funding = { ...hit.value, text: rest.text, span: span(rest) };
  } else if (hit) {
    implausible(checks, id, 'funding', rest.text, span(rest));
  } else if (perProject) {
    // `300万元/项`: what one project receives, no total for the direction (never read as one).
    ctx.check('funding-per-project', 'info', `the funding is stated per project only (“${rest.text}”): no total`, rest.text, span(rest));
  } else if (fundingField.marker?.key === '支持方式') {
    // `支持方式：前资助`: how, not how much; its text is kept as it is.
    if (rest.text.length > 0) ctx.otherText.push({ label: '支持方式', known: true, text: rest.text, span: span(rest) });
  } else if (!RE_REFERS_TO_CALL.test(rest.text)) {
    // (`按本通知第三条有关规定执行`: no amount of its own; the call's cap applies.)
    // (A label left without a value, a form's box never filled: the field is missing.)
    if (leftBlank(fundingField)) ctx.missing('funding', 'funding (拟支持经费)');
    else ctx.check('value-unreadable', 'warning', `no amount in “${rest.text}”`, rest.text, span(rest));
  }
  if (perProject && isPlausible('fundingCNY', perProject.value.amountCNY)) {
    // (Within the text: a unit the label gave is no part of it.)
    const end = Math.min(rest.text.length, perProject.index + perProject.length);
    statedPerProject = { amountCNY: perProject.value.amountCNY, text: rest.text.slice(perProject.index, end), span: span(rest, perProject.index, end), inherited: false };
  }
  ctx.leftover(fundingField);
  return { funding, perProject: statedPerProject };
}

/** A 揭榜挂帅 task's own amount in the direction's text: where it stands, and the amount as the direction's funding. */
function taskFunding({ all, span }: DirectionContext): { start: number; end: number; funding: Funding } | null {
  // A 揭榜挂帅 task's own amount (`每个任务支持资金不超过1000万元`, `本任务支持不超过2000万元`): the
  // task is the direction, so the amount is its total, not a project's cap.
  // (Written in a funding field too, `支持方式：…每个任务支持资金不超过1000万元`: still no cap.)
  const m = RE_TASK_FUNDING.exec(all.text);
  const at = m ? m.index + m[0].length : 0;
  const money = m ? parseMoney(all.text.slice(at, at + 24)) : null;
  if (!m || !money || money.index > 1 || !isPlausible('fundingCNY', money.value.amountCNY)) return null;
  const a = at + money.index;
  return { start: m.index, end: a + money.length, funding: { ...money.value, text: all.text.slice(a, a + money.length), span: span(all, a, a + money.length) } };
}

/** The per-project cap the direction's text states (a task's own amount aside), else its funding field's figure per project, else one it inherits. */
function perProjectCapOf(ctx: DirectionContext, task: { start: number; end: number } | null, statedPerProject: PerProjectCap): PerProjectCap {
  const { id, span, all, checks } = ctx;
  const capText = task ? all.text.slice(0, task.start) + ' '.repeat(task.end - task.start) + all.text.slice(task.end) : all.text;
  const cap = parsePerProjectCap(capText);
  if (statedPerProject && !cap) return statedPerProject;
  if (cap && isPlausible('fundingCNY', cap.value)) {
    return { amountCNY: cap.value, text: all.text.slice(cap.index, cap.index + cap.length), span: span(all, cap.index, cap.index + cap.length), inherited: false };
  }
  if (cap) {
    implausible(checks, id, 'per-project cap', all.text.slice(cap.index, cap.index + cap.length), span(all, cap.index, cap.index + cap.length));
    return null;
  }
  return inheritedCap(ctx, task);
}

/** The per-project cap a direction that states none inherits: its group's, the young scientists', its category's, or the document's. */
function inheritedCap(ctx: DirectionContext, task: { start: number; end: number } | null): PerProjectCap {
  const { span, summary, groupTexts } = ctx;
  // What the direction's group states for its directions (`3. 青年科学家项目` / `每个项目国拨经费
  // 不超过300万元`) before what the document states for all.
  const fromGroup = groupTexts.map((t) => ({ t, hit: parsePerProjectCap(t.text) })).find((x) => x.hit && isPlausible('fundingCNY', x.hit.value));
  if (fromGroup) {
    const { t, hit } = fromGroup as { t: Mapped; hit: NonNullable<ReturnType<typeof parsePerProjectCap>> };
    return { amountCNY: hit.value, text: t.text.slice(hit.index, hit.index + hit.length), span: span(t, hit.index, hit.index + hit.length), inherited: true };
  }
  if (summary.youngScientist?.perProjectCNY && (/青年科学家/.test(ctx.title) || ctx.groups.some((g) => /青年科学家/.test(g.text.text))) && isPlausible('fundingCNY', summary.youngScientist.perProjectCNY)) {
    // A young scientists' direction (by its title, or the group it stands in: `4. 青年科学家项目` /
    // `4.1 …`): the cap the text before the directions states for them
    // (`其中，拟部署1个青年科学家项目方向，…每个项目国拨经费不超过300万元`).
    const y = summary.youngScientist;
    return { amountCNY: y.perProjectCNY!, text: y.text, span: y.span, inherited: true };
  }
  const c = categoryCap(summary, ctx.title) ?? (forCategory(summary.categoryCaps, fieldCategory(ctx)) ?? null) ?? offeredKindsCap(ctx) ?? forCategory(summary.categoryCaps, headingClass(ctx)) ?? null;
  if (c) {
    // A cap the text before the directions states for the direction's category.
    return { amountCNY: c.amountCNY, text: c.text, span: c.span, inherited: true };
  }
  if (summary.defaultPerProjectCap && !(task && /任务/.test(summary.defaultPerProjectCap.text))) {
    // A cap stated for every task (`每个任务支持不超过1000万元`) is no cap of a task that states its own amount.
    return { ...summary.defaultPerProjectCap, inherited: true };
  }
  return null;
}

/** The funding stated once for each direction of the group the direction stands in (`以下方向每个方向国拨经费均为1500万元`). */
function groupFunding({ span, groupTexts }: DirectionContext): Funding | null {
  for (const t of groupTexts) {
    const hit = eachDirectionFunding(t.text);
    if (hit && isPlausible('fundingCNY', hit.value.amountCNY)) {
      return { ...hit.value, text: t.text.slice(hit.index, hit.index + hit.length), span: span(t, hit.index, hit.index + hit.length), inherited: true };
    }
  }
  return null;
}

/**
 * A prose direction's total: the first mention a sum follows (`其他经费与国拨经费比例不低于2:1。…国拨经费
 * 概算6000万元`: the second), never a project's own figure (`每个项目的国拨经费不超过…`: a cap). A sum
 * that cannot be one (`经费总额0万元`) is a check, never silence (`implausible`).
 */
function proseFunding(ctx: DirectionContext): { funding: Funding | null; implausible: boolean; bound: boolean } {
  const { id, span, all, checks } = ctx;
  const moneyAfter = (x: RegExpMatchArray) => parseMoney(all.text.slice(x.index! + x[0].length, x.index! + x[0].length + 24));
  const mentions = [...all.text.matchAll(RE_PROSE_FUNDING)];
  const m = mentions.find((x) => moneyAfter(x)?.index === 0) ?? mentions[0];
  // (`本类项目安排中央财政资金约1.8亿元`: all the projects of a kind, a total.)
  if (!m || /每|单个|单项|(?<![本该此][类批包])项目的?$/.test(all.text.slice(Math.max(0, m.index! - 8), m.index))) return { funding: null, implausible: false, bound: false };
  const money = moneyAfter(m);
  if (!money || money.index !== 0) return { funding: null, implausible: false, bound: false };
  const a = m.index! + m[0].length;
  // (`国拨经费不超过2000万元/项`: what one project gets, a cap, no total.)
  if (/^\s*[/／]\s*(?:项|个|家)/.test(all.text.slice(a + money.length))) return { funding: null, implausible: false, bound: false };
  const text = all.text.slice(a, a + money.length);
  // (A key programme's bound with no word of sum: `国拨经费不超过1200万元`, `国拨经费上限为3000万元`.)
  // (`拟安排国拨经费不超过6000万元`, `榜单金额…`: what the direction is given, its total.)
  const arranged = /安排|榜单/.test(m[0]) || /安排$/.test(all.text.slice(Math.max(0, m.index! - 3), m.index));
  // (`拟支持1项，国拨经费不超过4000万元`: the one project's bound, the direction's total; `上限为` a cap still.)
  const counted = RE_COUNT_BEFORE.test(all.text.slice(sentenceAt(all.text, m.index!, '。；\n').start, m.index!)) && !/上限/.test(text);
  const bound = keyProgramme(ctx) && money.value.qualifier === 'atMost' && !arranged && !counted && !RE_SUM_WORD.test(m[0]) && !RE_SUM_WORD.test(text);
  if (isPlausible('fundingCNY', money.value.amountCNY)) return { funding: { ...money.value, text, span: span(all, a, a + money.length) }, implausible: false, bound };
  implausible(checks, id, 'funding', text, span(all, a, a + money.length));
  return { funding: null, implausible: true, bound: false };
}

/** A count stated before, in the same sentence: `拟支持1项，`, `支持项目数为1～2项，`. */
const RE_COUNT_BEFORE = /支持[^。；，,]{0,8}?(?:\d+|[一二两三四五])\s*(?:[~～—-]\s*\d+\s*)?(?:项|个)/;
/** Words that make a money mention a sum: `共`, `总额`, `合计`, `总计`, `概算`. */
const RE_SUM_WORD = /共|总|合计|概算/;
/** A key programme's direction: one that states its research content or indicators. */
const keyProgramme = (ctx: DirectionContext): boolean => ctx.byRole('content') !== undefined || ctx.byRole('indicators') !== undefined;

/** The cap stated for the category a title ends with (`…（共性关键技术类）`), if any. */
function categoryCap(summary: DirectionContext['summary'], title: string): DirectionContext['summary']['categoryCaps'][number] | null {
  return forCategory(summary.categoryCaps, categoryOf(title)) ?? null;
}

/** A direction's total in a sentence: `国拨经费共900万元`, `经费额度共600万元`, `国拨经费总额1200万元`, `安排国拨经费800万元`, `本类项目安排中央财政资金约1.8亿元`, `榜单金额3000万元`, `每项支持经费200万元，共400万元`. */
// (The verb whose amount follows it: `本任务拟支持1家揭榜单位，安排资金不超过2000万元` reads the 2000万.)
const RE_TASK_FUNDING = /(?:(?:每个|每项|每一)任务|本任务)[^。；\n]{0,16}?(?:支持|资助|补助|安排)(?:资金|经费)?(?:总额|共)?(?:为)?(?=[^，。；\d]{0,4}\d[\d.,]*\s*(?:千万|百万|万|亿)?元)/;
const RE_PROSE_FUNDING = /(?<!每个项目|每项)(?:(?:国拨经费|拟支持经费|支持经费|资助经费|资助总经费|支持资金|资助资金|补助资金|经费预算|经费额度|资助额度|(?:安排|拟安排)(?:中央)?财政资金)(?:共计|共|总额|合计|总计|总概算|概算)?|(?<![国拨配套自筹])经费(?:总额|共计|合计|总计)|榜单金额(?:合计|共计|共|总额)?|(?<=[万亿]元[，,]\s*)(?:共计|共|合计|总计))(?:为|约为)?/g;
/** The funding field that states a total, else the first: `资助经费：…共计1600万元` after `资助强度：每项…`. */
export function totalFundingField(ctx: DirectionContext): ReturnType<DirectionContext['byRole']> {
  const all = ctx.allOf('funding');
  const states = (f: FundingField): boolean => fundingAmounts(mappedTrim(fundingValue(f), TRAILING).text).total !== null;
  // (The public money first, where the demander's is given too: `榜单金额：1500万元` / `财政支持：不超过450万元`.)
  return all.find((f) => RE_PUBLIC_MONEY.test(f.marker?.key ?? '') && states(f)) ?? all.find(states) ?? all[0];
}
/**
 * A bare number under a label that gives its unit (`共拟支持经费（千元）：12,000`): the number with
 * the unit after it, as the amount reads; the text as it is otherwise. (Same length up to the number:
 * the offsets of what is read stay the text's.)
 */
function withLabelUnit(text: string, label: string): string {
  const unit = /[（(]\s*(千万元|百万元|万元|千元|亿元|元)(?:人民币)?\s*[）)]/.exec(label);
  const bare = /^(?:约|不超过|不少于|原则上不超过)?\d[\d.,，]*(?:左右|以内)?[。；]?$/.test(text.trim());
  if (!unit || !bare) return text;
  // (After the number's last digit.)
  const end = text.search(/\d(?![\d.,，]*\d)/) + 1;
  return `${text.slice(0, end)}${unit[1]}${text.slice(end)}`;
}

/** A funding label that names public money (财政, 国拨, 中央). */
const RE_PUBLIC_MONEY = /财政|国拨|中央/;

/**
 * A funding field's value: the text after its label, and the lines under it where it goes on
 * (`支持经费` / `每项不超过100万元` / `本方向共安排600万元`, an outline's leaves), parted by `；`.
 */
function fundingValue(field: FundingField): Mapped {
  const lines = field.children.flatMap((c) => (c.kind === 'paragraph' ? [c.paragraph.text] : []));
  const rest = fieldRest(field);
  return lines.length === 0 ? rest : mappedJoin(rest.text.length > 0 ? [rest, ...lines] : lines, '；');
}

/**
 * The total a count's field states beside the count (`资助计划：拟资助约50项，直接费用约9000万元`, an
 * NSFC type's plan), where no funding field states one; null otherwise.
 */
function planTotal(ctx: DirectionContext): Funding | null {
  for (const f of ctx.allOf('projectCount')) {
    const rest = mappedTrim(fieldRest(f), TRAILING);
    const hit = fundingAmounts(rest.text).total;
    if (hit && isPlausible('fundingCNY', hit.value.amountCNY)) return { ...hit.value, text: rest.text.slice(hit.index, hit.index + hit.length), span: ctx.span(rest, hit.index, hit.index + hit.length) };
  }
  return null;
}
