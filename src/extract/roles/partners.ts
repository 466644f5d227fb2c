/**
 * Role `partners`, read from the title first (`中国和德国…项目`), then from the groups the
 * direction stands in, then from a partners field (a table's 合作国家 column); and what the title
 * says besides: its category (`（基础研究类）`) and the project kind.
 */
import type { Paragraph } from '../../reflow/index.js';
import type { Section } from '../../segment/index.js';
import { escapeRegExp } from '../../regexp.js';
import { abbreviatedPartner, findPartners, FRAMING_PARTNERS, isCountry, isRegionGroup } from '../../lexicon/partners.js';
import { DIRECTION_CLASS, headingTitle, RE_GROUP_CATEGORY, RE_TITLE_CATEGORY } from '../../lexicon/markers.js';
import type { Partner } from '../../schema/guideline.js';
import { fieldRest } from '../nodes.js';
import { append } from '../../append.js';
import { mappedTrim, type Mapped } from '../../mapped.js';
import { CATEGORY_LABELS } from '../../lexicon/fields.js';
import type { DirectionContext } from './context.js';

/** A partners field that names no partner on purpose: `不限`, `国别不限`, `不限定`, a class of countries (`与我国建交的发展中国家（…）`). */
const RE_PARTNERS_OPEN = /^(?:(?:不限|不限定|不作限定|不作限制|无限制|国别不限|均可)(?:国别|国家|地区)?[。；]?$|(?:与(?:我国|中国)建交的|同(?:我国|中国)建交的)?(?:发展中国家|世界各国|所有国家|各国)(?:[（(]|[。；]?$))/;

/** A sentence that names a direction's partners: `合作对象为…`, `合作国家包括…`; group 1 the names, to the clause's end. */
const RE_PARTNERS_SENTENCE = /合作(?:对象|国家|国别|伙伴)(?:主要)?(?:为|是|包括)([^。；;]{2,80})/;

export interface TitleFacts {
  readonly partners: Partner[];
  readonly category: string | null;
  readonly kind: string | null;
}

export function readPartners(ctx: DirectionContext): TitleFacts {
  const { id, title, titleM, span, groups, checks } = ctx;
  const found = findPartners(title);
  // `内地与香港粤港澳大湾区联合研发项目`, `中国和德国…`: the partners are those the pair names (a
  // chain of names joined by 、/和/与 after it); a region named later in the title is its topic.
  const pair = /^(?:内地|大陆|中国|中方|我国)(?:与|和|同)/.exec(title);
  const known = pair && found.length > 1 && found[0]!.index === pair[0].length ? chainOf(title, found) : found;
  const partners: Partner[] = known.map((h) => ({ name: h.name, text: h.text, span: span(titleM, h.index, h.index + h.length), recognised: true }));
  // A partners field (`合作国家：罗马尼亚`, a table's 合作国家/地区 column): its partners too.
  const fieldNames = fieldPartners(ctx, partners);
  // The title's frame (`“一带一路”共建国家`, `中亚`) where the field names the partners themselves,
  // or leaves them open (`合作对象：不限`): no partner.
  const leftOpen = ctx.allOf('partners').some((f) => RE_PARTNERS_OPEN.test(fieldRest(f).text.trim()));
  if (fieldNames.size > 0 || leftOpen) {
    for (let i = partners.length - 1; i >= 0; i--) if (FRAMING_PARTNERS.has(partners[i]!.name) && !fieldNames.has(partners[i]!.name)) partners.splice(i, 1);
  }
  // `港澳台` in a title that names the programme (`国际（港澳台）联合研发项目`), where a partners field
  // names the places or leaves them open: the field's.
  if (fieldNames.size > 0 || leftOpen) {
    for (let i = partners.length - 1; i >= 0; i--) if (partners[i]!.text === '港澳台' && !fieldNames.has(partners[i]!.name)) partners.splice(i, 1);
  }
  // A group of countries by region in the title, where the field names its countries: the countries.
  // (A bloc, `中国与东盟国家…` over `合作国别：柬埔寨、老挝…`, stays: writers of blind sets disagree, and
  // the bloc is the programme's partner as much as its members are.)
  if ([...fieldNames].some((n) => !isRegionGroup(n))) {
    for (let i = partners.length - 1; i >= 0; i--) if (isRegionGroup(partners[i]!.name) && !fieldNames.has(partners[i]!.name)) partners.splice(i, 1);
  }
  // `中德氢能重卡…联合攻关`, `苏港科技创新合作项目`: the partner by its one-character name, where it
  // names one (a character several partners share, where the group or the text names one of them).
  const short = partners.length === 0 ? abbreviatedPartner(title, [...groups.map((g) => g.text.text), ctx.all.text].join('\n')) : null;
  if (short) partners.push({ name: short.name, text: short.text, span: span(titleM, short.index, short.index + short.length), recognised: true });
  // A title that names no partner (`中德（NSFC-DFG）合作研究项目`), nor a field, under a group that
  // does (`1.1 与德国合作`, `（三）港澳台科技合作项目`): the group's partners, with the group heading's span.
  for (let g = groups.length - 1; g >= 0 && partners.length === 0; g--) {
    const heading = groups[g]!.text;
    // (A numbered sentence of a notice around the guideline, `四、…请重点关注中国—老挝、中国—埃塞俄比亚等专项。`,
    // heads no group: its names are no partners of what follows.)
    if (/[。；;]/.test(heading.text.trim().slice(0, -1)) || heading.text.length > 60) continue;
    for (const h of findPartners(heading.text)) partners.push({ name: h.name, text: h.text, span: span(heading, h.index, h.index + h.length), recognised: true });
  }
  // Nor a group, but the agreement the direction rests on (`依托机制：中欧科技创新合作联合资助机制；
  // 《中华人民共和国政府和欧洲共同体科学技术合作协定》`, a title that names only its topic): its partner.
  if (partners.length === 0) append(partners, agreementPartners(ctx));
  // An initiative that frames a call (`“一带一路”科技合作类`, `共建“一带一路”国家…`) in a title or a
  // group heading is no partner unless a partners field names it (`合作国家：“一带一路”共建国家`): three
  // writers of blind sets out of four leave it out.
  const framed = partners.filter((p) => FRAMING_PARTNERS.has(p.name) && !fieldNames.has(p.name));
  for (const p of framed) partners.splice(partners.indexOf(p), 1);
  // (A partners field that leaves them open, `重点合作国别：不限`, names none on purpose: no doubt;
  // nor a call framed by an initiative, whose directions name no partner by design.)
  if (partners.length === 0 && !leftOpen && framed.length === 0) {
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
  const category = categoryOf(title) ?? figuresCategory(ctx.titleFigures) ?? fieldCategory(ctx) ?? groupCategory(groups, partners.length === 0) ?? planCategory(ctx.all.text);
  return { partners, category, kind: projectKind(title, known, category) };
}

/**
 * The partners a direction's agreement fields name (never China itself): each name once, the
 * first place it is printed; a name by its one character where a field starts with it (`中欧…机制`).
 */
function agreementPartners(ctx: DirectionContext): Partner[] {
  const out: Partner[] = [];
  for (const f of ctx.allOf('agreement')) {
    const m = fieldRest(f);
    const pieces = m.text.split(/(?<=[；;。])/);
    let at = 0;
    for (const piece of pieces) {
      const lead = /^[\s《〈“]*/.exec(piece)![0].length;
      const short = abbreviatedPartner(piece.slice(lead));
      const hits = [...(short ? [{ ...short, index: short.index + lead }] : []), ...findPartners(piece).filter((h) => h.name !== '中国')];
      for (const h of hits) {
        if (!out.some((p) => p.name === h.name)) out.push({ name: h.name, text: h.text, span: ctx.span(m, at + h.index, at + h.index + h.length), recognised: true });
      }
      at += piece.length;
    }
  }
  return out;
}

/** The category among the figures printed after a title (`基础研究类，揭榜挂帅，拟支持2项`): the first part that names one. */
export function figuresCategory(figures: Mapped | null): string | null {
  if (!figures) return null;
  return figures.text.split(/[，,；;、]/).map((p) => p.trim()).find((p) => RE_GROUP_CATEGORY.test(p) && !RE_ORGANISED_AS.test(p)) ?? null;
}

/**
 * Of what the call states per category (`categoryCaps`, `categoryDurations`, conditions), the entry
 * whose categories name `category` (`共性关键技术类` for `共性关键技术类项目`, and the other way round).
 */
export function forCategory<T extends { readonly categories: readonly string[] }>(entries: readonly T[], category: string | null): T | undefined {
  if (!category) return undefined;
  return entries.find((c) => c.categories.some((x) => category.startsWith(x) || x.startsWith(category)));
}

/**
 * `…（基础研究类）`, `…（青年科学家项目）`: the category a title ends with, as printed. Of several
 * (`…（共性关键技术类，部省联动）`), the one that names a category, not how the project is organised.
 */
export function categoryOf(title: string): string | null {
  const printed = RE_TITLE_CATEGORY.exec(title)?.[1] ?? null;
  if (!printed || !/[，,；;、]/.test(printed)) return printed;
  const parts = printed.split(/[，,；;、]/).map((p) => p.trim());
  return parts.find((p) => RE_GROUP_CATEGORY.test(p) && !RE_ORGANISED_AS.test(p)) ?? printed;
}

/** How a project is organised, beside its category (`揭榜挂帅`, `部省联动`): no category. */
const RE_ORGANISED_AS = /^(?:揭榜挂帅|部省联动|赛马|定向委托)(?:项目|任务)?$/;

/**
 * The class of directions the direction's group is headed by (`（一）重点方向`, `（二）一般方向`): the
 * heading's words without its number, where they name a class; null otherwise.
 */
export function headingClass(ctx: DirectionContext): string | null {
  return classOfHeadings(ctx.groups);
}

/** The class the innermost of `groups` that names one is headed by, or null. */
export function classOfHeadings(groups: readonly Paragraph[]): string | null {
  for (let g = groups.length - 1; g >= 0; g--) {
    const t = headingTitle(groups[g]!.text.text).replace(/[。；：:]$/, '');
    if (RE_CLASS_HEADING.test(t)) return t;
  }
  return null;
}
const RE_CLASS_HEADING = new RegExp(`^${DIRECTION_CLASS}$`);

/** A category in a field of its own (`项目类别：基础前沿技术类`), as printed. */
export function fieldCategory(ctx: DirectionContext): string | null {
  // (Not a cell of an annex's row read into a direction written as text: the annex's grouping.)
  const annexed = (x: Section): boolean => x.heading?.table === 'cell' && ctx.heading.table === undefined;
  const f = ctx.allOf('other').find((x) => x.marker !== null && CATEGORY_LABELS.has(x.marker.key) && !annexed(x));
  // (Its first clause: `资助类型：集成项目，本方向拟资助1项` is of 集成项目.)
  const t = f ? mappedTrim(fieldRest(f), '。；;，,').text.split(/[，,；;。]/)[0]!.trim() : '';
  return t.length >= 2 && t.length <= 16 ? t : null;
}

/**
 * The one kind of project a direction's own plan funds (`资助计划：拟资助培育项目2项，…`), NSFC's
 * classes: its category, where its title, fields and groups name none. Null where it names two.
 */
function planCategory(text: string): string | null {
  const kinds = new Set([...text.matchAll(RE_PLAN_KIND)].map((m) => m[1]!));
  return kinds.size === 1 ? [...kinds][0]! : null;
}
const RE_PLAN_KIND = /拟(?:资助|支持)((?:培育|重点支持|集成|面上|战略研究|重点|重大)项目)\s*(?:约|不超过|不多于)?\s*(?:\d{1,3}|[一二两三四五六七八九十]{1,3})\s*[项个]/g;

/**
 * The innermost group whose heading names a category itself (`3. 青年科学家项目`), or null. Where
 * the direction names no partner of its own (a call's areas under `一、合作研究项目` /
 * `二、合作交流项目`), any kind of project its group names is its category (the call's figures are
 * stated per kind); a cooperation direction's group (`（一）联合研究项目` over `中国和葡萄牙…`) names
 * the kind its title says, no category.
 */
function groupCategory(groups: readonly Paragraph[], anyKind: boolean): string | null {
  for (let g = groups.length - 1; g >= 0; g--) {
    const t = groups[g]!.text.text.replace(/^(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|[\d.．]+|[一二三四五六七八九十]{1,3}、)\s*/, '').replace(/[。；]$/, '');
    if (RE_GROUP_CATEGORY.test(t) || (anyKind && /^[^，。；（）]{2,8}项目$/.test(t))) return t;
  }
  return null;
}

/**
 * A partner the title names by the family's own pattern, when no known name is in it:
 * `中国与安第斯共同体科技合作项目` → 安第斯共同体.
 */
function partnerFromTitle(title: string): { name: string; index: number } | null {
  const m = /^(?:中国|我国|中方)(?:和|与|同|-|—|–|・|·)?(.{2,20}?)(?:政府间|双边|多边|科技|联合|合作|国际|青年|创新|研究|项目|机制|伙伴|之间)/.exec(title);
  if (!m || !m[1]) return null;
  const name = m[1].replace(/^(?:和|与|同)/, '');
  // (No partner is a phrase: `中国式教育现代化的理论逻辑…研究` names none.)
  if (name.length < 2 || name.length > 12 || name.includes('的') || /[（(）)]/.test(name)) return null;
  return { name, index: m[0].indexOf(name) };
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
/** The partners named one after another from the first (`德国、法国和意大利`), joined by 、/和/与/及 or nothing. */
function chainOf(title: string, hits: ReturnType<typeof findPartners>): ReturnType<typeof findPartners> {
  const sorted = [...hits].sort((a, b) => a.index - b.index);
  const out = [sorted[0]!];
  for (const h of sorted.slice(1)) {
    const last = out[out.length - 1]!;
    // The same name's other half (`港澳`: 香港 and 澳门 at once), or a name after a joiner.
    if (h.index === last.index || /^(?:[、，,和与及]|以及)$/.test(title.slice(last.index + last.length, h.index))) out.push(h);
    else break;
  }
  return out;
}

/**
 * The partners a partners field names (`合作国家：罗马尼亚`, a table's 合作国家/地区 column), added to
 * `partners`; a region after the countries it sums up (`哈萨克斯坦、乌兹别克斯坦等中亚国家`) is no partner of
 * its own. Without such a field, a sentence that says who they are (`合作对象为…`). The names read.
 */
function fieldPartners(ctx: DirectionContext, partners: Partner[]): Set<string> {
  const { span } = ctx;
  const fieldNames = new Set<string>();
  const take = (h: ReturnType<typeof findPartners>[number], in_: Mapped, from: number): void => {
    fieldNames.add(h.name);
    if (!partners.some((p) => p.name === h.name)) partners.push({ name: h.name, text: h.text, span: span(in_, from + h.index, from + h.index + h.length), recognised: true });
  };
  for (const f of ctx.allOf('partners')) {
    const t = fieldRest(f);
    let named = 0;
    const hits = findPartners(t.text);
    for (const h of hits) {
      if (named > 0 && /等$/.test(t.text.slice(0, h.index))) continue;
      // (A group whose countries the bracket after it names, `东盟国家（柬埔寨、老挝…）`, `“一带一路”沿线国家
      // （以哈萨克斯坦、乌兹别克斯坦为主）`: the countries.)
      const bracket = /^(?:沿线|共建|成员)?(?:国家|国)?[（(]([^）)]*)[）)]/.exec(t.text.slice(h.index + h.length));
      if (!isCountry(h.name) && bracket && hits.some((x) => x.index > h.index + h.length && x.index < h.index + h.length + bracket[0].length && isCountry(x.name))) continue;
      named++;
      take(h, t, 0);
    }
  }
  // No such field: a sentence of the direction's that says who the partners are (`合作对象为俄罗斯远东
  // 联邦大学、俄罗斯科学院…`, `合作国家为哈萨克斯坦、乌兹别克斯坦`), read as the field would be.
  if (ctx.allOf('partners').length === 0) {
    // (Or the countries of the title's region a sentence lists, `外方合作单位应来自哈萨克斯坦、…、乌兹别克
    // 斯坦等中亚国家` under `中国和中亚国家…`: the region's countries, as a field would name them.)
    const region = partners.find((p) => isRegionGroup(p.name));
    const members = region ? new RegExp(`来自([^。；;，,]{2,80}?)等${escapeRegExp(region.text)}`).exec(ctx.all.text) : null;
    const said = members ?? RE_PARTNERS_SENTENCE.exec(ctx.all.text);
    const list = said ? said[1]! : '';
    const from = said ? said.index + said[0].length - list.length - (members ? 1 + region!.text.length : 0) : 0;
    for (const h of said ? findPartners(list) : []) {
      if (fieldNames.has(h.name) || (fieldNames.size > 0 && /等$/.test(list.slice(0, h.index)))) continue;
      take(h, ctx.all, from);
    }
  }
  return fieldNames;
}
