/**
 * Role `projectCount`: the field (`拟支持项目数：3个`); else a count written inside another field or
 * a sentence of the direction's own (`有关说明：拟支持项目数3项`, `本方向拟支持3个项目`); else the count
 * stated once for every direction (inherited).
 */
import { mappedSlice, mappedTrim } from '../../mapped.js';
import { CJK_NUMERAL, isPlausible } from '../../lexicon/numbers.js';
import { parseCjkNumber } from '../../lexicon/chars.js';
import type { ProjectCount } from '../../schema/guideline.js';
import { eachDirectionCount, findSummary, parseCount, parseLabelledCount, RE_COUNT_OPEN, RE_REFERS_TO_CALL, RE_SHARED_FIGURE, RE_SUBTYPES, RE_UNIT_COUNT_VERB, summaryCount } from '../patterns.js';
import { fieldRest, implausible, leftBlank, summedFigures, TRAILING, currentValue } from '../nodes.js';
import { bareFiguresOf, type DirectionContext } from './context.js';

/** `部署1个青年科学家项目`: what a direction deploys (never `…项目方向`, which counts directions). */
const RE_DEPLOYED = new RegExp(`部署(\\d{1,2}|${CJK_NUMERAL})个(?:青年科学家|揭榜挂帅)?项目(?!方向)`);

/** A kind of project and its count, one of several in a count field (`重点项目1项，一般项目2项`). */
const RE_KIND_COUNT = /([\u4e00-\u9fff]{1,8}?(?:项目|类))\s*(?:拟支持|支持)?\s*(\d{1,3})\s*(?:项|个)/g;

/**
 * A count field that gives each kind of project its count (`重点项目1项，一般项目2项`): the sum, exact,
 * where the kinds are all the field says; else null.
 */
function kindsCount(text: string): ReturnType<typeof parseCount> {
  const hits = [...text.matchAll(RE_KIND_COUNT)];
  if (hits.length < 2) return null;
  const rest = text.replace(RE_KIND_COUNT, '').replace(/[，,、；;。\s和及]/g, '');
  if (rest.length > 0) return null;
  const value = hits.reduce((a, h) => a + Number(h[2]), 0);
  return { value: { value, qualifier: 'exact' }, index: 0, length: text.length };
}

export function readProjectCount(ctx: DirectionContext): ProjectCount | null {
  const { id, span, all, summary, checks } = ctx;
  let projectCount: ProjectCount | null = null;
  const field = ctx.byRole('projectCount');
  // `拟支持项目数：按总体要求` (a form's choice): no count of its own; the call's applies.
  const refers = field !== undefined && RE_REFERS_TO_CALL.test(mappedTrim(fieldRest(field), TRAILING).text);
  const countField = refers ? undefined : field;
  if (refers) ctx.leftover(field!);
  if (countField) {
    const whole = currentValue(mappedTrim(fieldRest(countField), TRAILING));
    // (A count per partner, then the direction's total, `每个合作国家不超过3项，总数不超过6项`: the total.)
    const total = /^每个[^，。；]{0,8}?(?:国家|国别|伙伴|单位|地区)[^。；]*?[，,；;]\s*(?:总数|合计|共计|总计|共)(?:为)?/.exec(whole.text);
    const rest = total ? mappedSlice(whole, total[0].length, whole.text.length) : whole;
    // (A field of places, `资助名额：8名`, or of a number that names no projects, `支持数量：25人`,
    // counts awards in people: each a project.)
    const hit = kindsCount(rest.text) ?? parseCount(rest.text, /名额/.test(countField.marker?.key ?? '') || !/项目/.test(countField.marker?.key ?? '项目'));
    const kinds = subTypeFields(ctx);
    if (RE_SHARED_FIGURE.test(rest.text)) {
      // (`1.3、1.4两个方向合计拟支持不超过8个`: the directions' count together, no one's.)
      ctx.check('figure-shared', 'warning', `the project count is stated for several directions together (“${rest.text}”): none of its own`, rest.text, span(rest));
    } else if (kinds) projectCount = kinds;
    else if (hit && isPlausible('projects', hit.value.value) && (hit.value.min === undefined || hit.value.min <= hit.value.value)) {
      projectCount = { ...hit.value, text: rest.text, span: span(rest), inherited: false };
    } else if (hit) {
      implausible(checks, id, 'project count', rest.text, span(rest));
    } else if (RE_COUNT_OPEN.test(rest.text)) {
      ctx.check('count-unspecified', 'info', `the project count is left open (“${rest.text}”)`, rest.text, span(rest));
    } else {
      // (A label left without a value, a form's box never filled: the field is missing.)
      if (leftBlank(countField)) ctx.missing('projectCount', 'project count (拟支持项目数)');
      else ctx.check('value-unreadable', 'warning', `no project count in “${rest.text}”`, rest.text, span(rest));
    }
    ctx.leftover(countField);
  } else {
    // A count written inside another field (`有关说明：拟支持项目数3项，…`) is the direction's own.
    const hit = parseLabelledCount(all.text);
    // `支持1～2家揭榜单位` (MIIT): the units that take up a task are its projects.
    const verb = hit ? null : RE_UNIT_COUNT_VERB.exec(all.text);
    const units = verb ? parseCount(all.text.slice(verb.index + verb[0].length, verb.index + verb[0].length + 16)) : null;
    // `本方向拟支持3个项目`, `拟支持项目约6个`: a count in a sentence of the direction's own.
    const prose = hit || units ? null : findSummary('projectCount', all.text);
    // `有关说明：部署1个青年科学家项目。`: the projects the direction deploys.
    const deployed = hit || units || prose ? null : RE_DEPLOYED.exec(all.text);
    // Split into kinds of project each with its count (`（1）合作研究项目：拟资助约12项…` / `（2）合作交流
    // 项目：拟资助约6项…`): the direction's count is their sum.
    const parts = prose ? subTypeCount(ctx) : null;
    // `（拟支持4项，1200万元，3年）`, `不超过4项（拟支持项目数）`: a count without its label.
    const bare = hit || units || prose || deployed ? undefined : bareFiguresOf(ctx).count;
    const group = groupCount(ctx);
    if (hit && isPlausible('projects', hit.value.value)) {
      const text = all.text.slice(hit.index, hit.index + hit.length);
      projectCount = { ...hit.value, text, span: span(all, hit.index, hit.index + hit.length), inherited: false };
    } else if (verb && units && isPlausible('projects', units.value.value)) {
      const i = verb.index + verb[0].length + units.index;
      projectCount = { ...units.value, text: all.text.slice(i, i + units.length), span: span(all, i, i + units.length), inherited: false };
    } else if (deployed) {
      const value = /^\d+$/.test(deployed[1]!) ? Number(deployed[1]) : (parseCjkNumber(deployed[1]!) ?? 0);
      if (isPlausible('projects', value)) projectCount = { value, qualifier: 'exact', text: deployed[0], span: span(all, deployed.index, deployed.index + deployed[0].length), inherited: false };
    } else if (parts) {
      projectCount = parts;
    } else if (prose && isPlausible('projects', summaryCount(prose).value)) {
      projectCount = { ...summaryCount(prose), text: prose[0], span: span(all, prose.index, prose.index + prose[0].length), inherited: false };
    } else if (bare && isPlausible('projects', bare.value.value)) {
      projectCount = { ...bare.value, text: all.text.slice(bare.index, bare.index + bare.length), span: span(all, bare.index, bare.index + bare.length), inherited: false };
    } else if (group) {
      // Stated once for each direction of the group it stands in (`以下方向每个方向拟支持项目数5个`).
      projectCount = group;
    } else if (summary.defaultProjectCount && !RE_COUNT_PENDING.test(all.text)) {
      // (Never where the direction says its count is still to be set, `拟支持项目数待定`: a placeholder
      // check says so, and the call's default is no value for it.)
      const { text, span: s, ...value } = summary.defaultProjectCount;
      projectCount = { ...value, text, span: s, inherited: true };
    }
  }
  if (!projectCount && !countField && !RE_COUNT_PENDING.test(all.text)) ctx.missing('projectCount', 'project count (拟支持项目数)');
  return projectCount;
}

/** A count the direction says is still to be set: `拟支持项目数待定`, `项目数：待补充`. */
const RE_COUNT_PENDING = /项目数(?:量)?\s*[：:为]?\s*(?:待定|待补充|待确定|另行(?:通知|确定|公布))/;

/**
 * A direction split into kinds of project each with its own count field (`本方向设以下两类项目：` /
 * `（1）联合研究项目` / `拟支持项目数：4个` / `（2）…` / `拟支持项目数：3个`): the sum, spanning from the
 * first to the last; null for a direction not so split.
 */
function subTypeFields(ctx: DirectionContext): ProjectCount | null {
  if (!RE_SUBTYPES.test(ctx.all.text)) return null;
  const counts = ctx.allOf('projectCount').flatMap((f) => {
    const rest = currentValue(mappedTrim(fieldRest(f), TRAILING));
    const hit = parseCount(rest.text);
    return hit && hit.value.min === undefined && isPlausible('projects', hit.value.value) ? [{ value: hit.value.value, qualifier: hit.value.qualifier, text: rest.text, span: ctx.span(rest) }] : [];
  });
  const sum = counts.length >= 2 ? summedFigures(counts) : null;
  return sum && { ...sum, inherited: false };
}

/** The count a group states for each of its directions, inherited. */
function groupCount(ctx: DirectionContext): ProjectCount | null {
  for (const t of ctx.groupTexts) {
    const hit = eachDirectionCount(t.text);
    if (hit && isPlausible('projects', hit.value.value)) return { ...hit.value, text: t.text.slice(hit.index, hit.index + hit.length), span: ctx.span(t, hit.index, hit.index + hit.length), inherited: true };
  }
  return null;
}

/** A kind of project a direction is split into, with its count: `（1）合作研究项目：拟资助约12项…`. */
const RE_SUBTYPE_LINE = /^[（(]\d{1,2}[）)][^：:\n。；]{2,24}项目[：:][^\n]*$/gm;

/** The sum of the counts of the kinds of project a direction is split into (two or more), or null. */
function subTypeCount(ctx: DirectionContext): ProjectCount | null {
  const { all, span } = ctx;
  const hits: { value: number; qualifier: ProjectCount['qualifier']; start: number; end: number }[] = [];
  for (const line of all.text.matchAll(RE_SUBTYPE_LINE)) {
    const m = findSummary('projectCount', line[0]);
    if (!m) continue;
    const c = summaryCount(m);
    hits.push({ value: c.value, qualifier: c.qualifier, start: line.index + m.index, end: line.index + m.index + m[0].length });
  }
  if (hits.length < 2) return null;
  const value = hits.reduce((a, h) => a + h.value, 0);
  if (!isPlausible('projects', value) || hits.some((h) => h.qualifier !== 'exact' && h.qualifier !== 'about')) return null;
  const first = hits[0]!;
  const last = hits[hits.length - 1]!;
  return { value, qualifier: hits.some((h) => h.qualifier === 'about') ? 'about' : 'exact', text: all.text.slice(first.start, last.end), span: span(all, first.start, last.end), inherited: false };
}
