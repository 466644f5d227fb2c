/**
 * The evidence `segment` reads a paragraph by: whether it reads as a title, whether the fields of a
 * direction follow it, which numbering marks the directions, and whether a heading or a row repeats
 * a direction read before it.
 */
import type { Marker, MarkerType } from '../lexicon/markers.js';
import { BULLET, RE_AGREEMENT_TITLE, RE_TITLE_CATEGORY } from '../lexicon/markers.js';
import { DIRECTION_ROLES, fieldLabelAt, roleOfHeading, roleOf, type FieldRole } from '../lexicon/fields.js';
import type { Paragraph } from '../reflow/index.js';
import { findPartners } from '../lexicon/partners.js';
import { RE_TOTAL_TEXT } from '../lexicon/columns.js';
import type { Section } from './tree.js';
import { RUN_ON_HEADS } from './tree.js';

/** The role of a numbered heading that is a field's label alone (`二、研究内容`), or null. */
export function fieldHeadingRole(p: Paragraph, m: Marker): FieldRole | null {
  if (m.type !== 'cjk-comma' && m.type !== 'paren-cjk') return null;
  return roleOfHeading(p.text.text.slice(m.length));
}

/** An unnumbered line that reads as a title: short, no clause punctuation, no colon. */
export function isBareTitle(p: Paragraph): boolean {
  const t = p.text.text;
  // `拟启动8个项目方向`, `其中，…`: a figure of the call, written as a bulleted line, is no title.
  // (Nor an item of a bulleted list whose bullet cleaning kept, as it keeps the items a label with no
  // value opens, `领域方向：` / `○ 农业` / `○ 可再生能源`: it strips those that mark titles.)
  return t.length >= 4 && t.length <= 50 && !/[。；;：:，,！？]/.test(t) && !p.table && !RE_FIGURE_STATEMENT.test(t.trim()) && !RE_BULLET_LEAD.test(t);
}

const RE_BULLET_LEAD = new RegExp(`^\\s*${BULLET}`);

/** A heading's mark that it goes on from the page or slide before: `（续）`, `（续上页）`, `（接上页）`. */
export const RE_CONTINUED = /[（(](?:续|续上页|续前页|接上页|续表)[)）]$/;

/** The start of a line that states a figure (`拟启动`, `拟安排`, `共计`, `其中`, `每个项目`). */
export const RE_FIGURE_STATEMENT = /^(?:拟(?:启动|支持|安排|部署|资助|设立)|共(?:计|设|拟)|其中|合计|总计|每(?:个|项)(?:项目|方向))/;

/**
 * The first marker after paragraph `k` is a field a direction has: `k` may title a direction. At
 * most one paragraph may stand between them (a direction's introduction); a list of bulleted
 * sentences before a call's figures (`• 突破…` / `• 建立…` / `• 支撑…` / `2025年度指南部署…` /
 * `拟安排国拨经费…`) titles none.
 */
export function directionFieldNext(markers: readonly (Marker | null)[], k: number): boolean {
  let end = k + 2;
  for (let i = k + 1; i < markers.length && i <= end; i++) {
    const m = markers[i];
    // A field that says what kind of project the direction is (`项目类型：共性关键技术类；拟支持项目数：
    // 1～2项；…`, cut from one bracketed line) comes before its figures: looked past.
    if (m?.type === 'field' && roleOf(m.key) === 'other' && /[：:】\]]$/.test(m.text) && /类别|类型/.test(m.key)) {
      end++;
      continue;
    }
    // A label with its colon: a figure written as a sentence (`拟安排国拨经费1.2亿元`) is the call's
    // as often as a direction's.
    if (m) return m.type === 'field' && /[：:】\]]$/.test(m.text) && DIRECTION_ROLES.has(roleOf(m.key));
  }
  return false;
}


/** A title without its white space and a category printed after it (`…机制（基础前沿技术类）`). */
export function bareTitle(t: string): string {
  return t.replace(/\s+/g, '').replace(RE_TITLE_CATEGORY, '');
}

/**
 * The direction (of those `which` accepts) a heading repeats: the same number (as `idOf` reads it)
 * and the same title, a category after it aside. A table of directions before their text, or a
 * summary table after it, names each direction twice.
 */
export function twinOf(m: Marker, title: string, directions: readonly Section[], which: (d: Section) => boolean): Section | undefined {
  const t = bareTitle(title);
  if (t === '') return undefined;
  return directions.find((d) => which(d) && d.marker !== null && d.heading !== null && idOf(d.marker) === idOf(m) && abbreviates(t, bareTitle(d.heading.text.text.slice(d.marker.length))));
}

/**
 * Whether a summary table's title `short` names the direction titled `full`: the same, or the
 * same words shortened (`金砖国家多边联合研究项目` for `金砖国家科技创新框架计划多边联合研究项目`:
 * its characters in order, four or more, and half the title or more). Asked only with the same number.
 */
export function abbreviates(short: string, full: string): boolean {
  if (short === full) return true;
  if (short.length < 4 || short.length * 2 < full.length || short.length > full.length) return false;
  let k = 0;
  for (const c of full) if (c === short[k]) k++;
  return k === short.length;
}

/** A direction's id from its marker: `（三）` and `三、` directions get the number as digits, as `1.1` and `3.` have them. */
export function idOf(m: Marker): string {
  // (A letter counts as its place in the alphabet: `D.` is 4, as `（四）` is.)
  return m.type === 'paren-cjk' || m.type === 'cjk-comma' || m.type === 'latin' ? String(m.value) : m.key;
}

/**
 * A table row that is no direction: a total (`合计`), or a row that repeats a direction already
 * read (a summary table after the directions, as a Markdown export or a notice adds one).
 */
export function isSummaryRow(p: Paragraph, m: Marker | null, directions: readonly Section[]): boolean {
  const title = (m ? p.text.text.slice(m.length) : p.text.text).trim();
  if (RE_TOTAL_TEXT.test(title) || RE_TOTAL_TEXT.test(p.text.text.trim())) return true;
  // (A row whose direction column holds only a direction's number read before, `1  1.1  …`.)
  const id = /^(\d{1,2}[.．]\d{1,2}(?:[.．]\d{1,2})?)(?:\s|$)/.exec(title)?.[1]?.replace(/．/g, '.');
  if (id !== undefined && directions.some((d) => d.marker !== null && d.marker.key === id)) return true;
  return title !== '' && directions.some((d) => d.heading !== null && (d.heading.text.text.slice(d.marker!.length).trim() === title || (m !== null && d.marker !== null && idOf(d.marker) === idOf(m) && abbreviates(bareTitle(title), bareTitle(d.heading.text.text.slice(d.marker.length))))));
}

/**
 * Mixed depths (`1. 中国和新加坡联合研发项目` with its own fields beside `3.` split into `3.1`
 * and `3.2`): the single-level heading at `k` is a direction too where its fields follow it at
 * once and its title reads as one (a partner, or 项目 at its end); never an item of a list
 * numbered alike (`stack`: the open sections), nor the first item of a list field (`其他要求：` /
 * `1. …`).
 */
export function isShallowDirection(paragraphs: readonly Paragraph[], markers: readonly (Marker | null)[], k: number, stack: readonly Section[]): boolean {
  const p = paragraphs[k]!;
  const m = markers[k]!;
  if (!isTitleLike(p, m) || stack.some((s) => s.kind === 'item' && s.marker?.type === m.type)) return false;
  const field = stack.find((s) => s.kind === 'field');
  if (field && LIST_ROLES.has(field.role ?? 'other') && field.children.length === 0 && /[：:]$/.test(field.heading!.text.text)) return false;
  const title = p.text.text.slice(m.length);
  // (Or a key programme's category after it: `3. 工厂化农业全链条智能化技术集成与示范（应用示范类）`.)
  return (findPartners(title).length > 0 || /项目$/.test(title.trim()) || RE_TITLE_CATEGORY.test(title.trim())) && ownsFieldsDirectly(paragraphs, markers, k);
}


/** A field whose label has no colon and whose line is a whole sentence: nothing below is its text. */
export function isSentenceField(field: Section): boolean {
  const label = field.marker?.text ?? '';
  const line = field.heading?.text.text.trim() ?? '';
  // (Never research content or indicators, whose paragraphs go on under a label printed above its
  // value, `研究内容` over two paragraphs.)
  if (field.children.length > 0 || !/[。；]$/.test(line) || field.role === 'content' || field.role === 'indicators') return false;
  // Also a list of domains given whole on the label's line (`合作聚焦以下领域：A；B；C。`).
  return !/[：:】\]]$/.test(label) || (field.role === 'domains' && /[；;、]/.test(line.slice(label.length)) && line.endsWith('。'));
}

/** Fields that hold lists, whose numbered items are never directions. */
export const LIST_ROLES: ReadonlySet<FieldRole> = new Set(['domains', 'requirements', 'content', 'indicators']);


/** The title of a part that comments on the draft's revisions: its content quotes, it does not state. */
export const RE_REVISION_NOTES = /^(?:修改说明|修订说明|编制说明|起草说明|修改情况说明|主要修改内容|修改对照表|修改内容说明|意见采纳情况(?:说明)?)/;

/** The heading of a closing section printed without a number (`申报要求`, `联系方式`, `附：形式审查条件要求`, `【三、更正说明（6月27日发布）】`). */
// (`申报有关要求`, `申报和评审有关要求`, `申报相关事项`: what is asked of applicants, in more words; a
// draft's `征求意见反馈`.)
const CLOSING_WORDS = '(?:申报(?:[和与及](?:评审|立项|管理))?(?:有关|相关)(?:要求|事项|说明)|(?:征求)?意见反馈|反馈意见|申报要求|申报条件|申报说明|申报方式|申报程序|申报流程|申报时间|时间安排|申报资格(?:要求|条件)?|申报须知|具体申报方式|申请资格|申请要求|申请条件|申请须知|申请方式|联系方式|联系人及联系方式|其他事项|注意事项|有关要求|工作要求|组织实施|特别说明)';
// (Two of them in one heading, `申报要求与联系方式`, too.)
export const RE_CLOSING_HEADING = new RegExp(`^(?:${CLOSING_WORDS}(?:[与和及、]${CLOSING_WORDS})*$|(?:[^。；，,：:]{0,60}?(?:形式审查条件(?:要求)?|编制专家名单)|【?[^【】。；]{0,60}(?:更正|勘误)(?:说明|通知|公告|启事)(?:[（(][^（）()]{0,16}[）)])?】?|附件|附(?:件\\s*[\\d一二三四五六七八九十]{0,3})?\\s*[：:]\\s*[^。；，,]{2,30})$)`);
/** A code in brackets after a title: `（指南代码：BZ2025101）`, `（申报代码：H28）`, `[编号:2025-03]`, NSFC's `（申请代码1选择D07的下属代码）`. */
// (Or the direction's number printed after its title: `中国和瑞典政府间联合研究项目（方向1）`.)
export const RE_TITLE_CODE = /\s*[（(\[【](?:(?:指南|申报|申请|项目|方向)?(?:代码|编号|编码)[：:]?\s*[A-Za-z0-9\-_.、，,]{1,24}|申请代码\s*\d?\s*(?:选择|选|填写)[^（）()\[\]【】]{1,30}|(?:指南|研究|项目)?方向\s*(?:\d{1,3}|[一二三四五六七八九十]{1,3}))[）)\]】]\s*$/;

export function isTitleLike(p: Paragraph, m: Marker): boolean {
  // The `；` or `。` that parted a title from the fields on its line (`3. …合作项目；合作协议：…`,
  // `1.内地与香港联合资助项目。合作机制：…`) is no clause of the title.
  const raw = p.text.text.slice(m.length);
  // A code in brackets after the title (`…合作项目（指南代码：BZ2025101）`) is no clause of it.
  // (So is the colon before a project's description: `①内地与香港联合资助研究项目：` / `根据…，支持…`.)
  const t = (RUN_ON_HEADS.has(p) ? raw.replace(/[；;。：:]$/, '') : raw).replace(RE_TITLE_CODE, '');
  // `方向1` alone, its name in a field below (`方向名称：…`, a label/value table's first row); so
  // `指南方向1.1` alone.
  if (t.trim() === '' && (m.type === 'direction-word' || /^(?:指南|研究|项目)?方向|^(?:任务|专题)/.test(p.text.text.trim()))) return true;
  if (t.length > 0 && t.length <= 80 && !/[。；;：:]/.test(t)) return true;
  // A title in two parts a colon joins (`1．穗港联合研发：人工智能与智能机器人`): its first part no field's
  // label, no clause in either.
  const parts = /^\s*([^：:。；;，,]{2,12})[：:]\s*([^：:。；;，,]{2,40})$/.exec(t);
  // (Not a group's heading, `（一）集群1：健康`: only at a direction's marker, no number in its first part.)
  return parts !== null && COLON_TITLE_MARKERS.has(m.type) && !/\d/.test(parts[1]!) && fieldLabelAt(`${parts[1]!.trim()}：`) === null;
}

const COLON_TITLE_MARKERS: ReadonlySet<MarkerType> = new Set(['arabic-dot', 'decimal', 'decimal3', 'paren-arabic', 'circled']);

/** A sentence that speaks of the direction it stands in: `本方向…`, `该方向…`, `本指南方向…`. */
const RE_DIRECTION_SENTENCE = /^[\s\u3000]*(?:本|该|此)(?:指南)?方向(?!性)/;

export { DIRECTION_ROLES };
// (Letters too, `A. 高功率密度一体化关节` under `Ⅰ、关键部组件`, where their headings own direction fields.)
export const CANDIDATES: readonly MarkerType[] = ['decimal', 'decimal3', 'arabic-dot', 'arabic-comma', 'paren-cjk', 'paren-arabic', 'cjk-comma', 'direction-word', 'latin', 'circled'];
/**
 * Markers that are directions only where the heading itself owns direction fields (its first
 * marker below is a field, with a direction's field before the next heading): `一、` is a document
 * part in most guidelines, and a direction in some (`一、中国和罗马尼亚政府间科技合作项目`).
 */
export const EVIDENCE_TYPES: ReadonlySet<MarkerType> = new Set(['cjk-comma', 'direction-word']);

/**
 * Whether the heading at `k` owns direction fields itself: the first marker below it is a field
 * label, and a direction's field comes before the next heading of its type or another heading.
 * With `sentences` (asked of `一、` and `方向一` headings), a sentence about the direction before
 * any other marker (`本方向拟支持项目不超过6个。`) is such a field too.
 */
export function ownsFieldsDirectly(paragraphs: readonly Paragraph[], markers: readonly (Marker | null)[], k: number, sentences = false): boolean {
  const type = markers[k]!.type;
  let first = true;
  // An agreement (and requirements) stated for the headings below (`（一）新西兰` / `合作协议：…` /
  // `共性要求：…` / `1．食品科学与营养健康` / `领域方向：…`): the group's, not a direction's, where a
  // numbered heading with figures of its own follows before any figure of `k`'s.
  let groupish = false;
  for (let i = k + 1; i < markers.length; i++) {
    const n = markers[i];
    // A title of its own between the heading and the fields (`二、领域和方向` / `中国和葡萄牙…项目` /
    // `合作协议：…`): the fields are that title's.
    if (!n && first && isBareTitle(paragraphs[i]!)) return false;
    // A sentence about the direction itself (`本方向拟支持项目不超过6个。`, `本方向依据《…》设立。`): its
    // fields written as sentences, one to a paragraph, are a direction's (asked of `一、` and `方向一`
    // headings: `sentences`).
    if (!n && sentences && RE_DIRECTION_SENTENCE.test(paragraphs[i]!.text.text)) return true;
    if (!n) continue;
    if (n.type === 'field') {
      if (roleOf(n.key) === 'agreement') groupish = true;
      else if (DIRECTION_ROLES.has(roleOf(n.key))) return true;
      first = false;
      continue;
    }
    if (groupish) return !(n.type !== type && isTitleLike(paragraphs[i]!, n) && directionFieldNext(markers, i));
    if (first) return false;
    if (n.type === type || n.type === 'part-word' || n.type === 'roman' || n.type === 'decimal' || n.type === 'decimal3') return false;
    if (isTitleLike(paragraphs[i]!, n) && n.type !== 'paren-arabic' && n.type !== 'circled' && n.type !== 'arabic-paren') return false;
  }
  return groupish;
}

/**
 * Which numbering marks the guideline directions: the marker type whose title-like headings own
 * direction fields (a field label before the next heading of the type). `1.1` when its headings
 * do; otherwise the type with the largest share of owning headings (`1.` under `（一）` parts),
 * then the most of them. With no evidence at all, `1.1` (and `validate` decides whether the file
 * is a guideline).
 */
/** A cooperation direction's prose: the agreement it rests on, or what it supports (`依据《…协定》，…（拟支持4项，…）`). */
const RE_AGREEMENT_PROSE = new RegExp(`${RE_AGREEMENT_TITLE.source}|拟支持\\d`);

export function directionMarkerType(paragraphs: readonly Paragraph[], markers: readonly (Marker | null)[]): MarkerType {
  const score = new Map<MarkerType, { owning: number; all: number }>();
  for (const type of CANDIDATES) {
    let owning = 0;
    let all = 0;
    for (let k = 0; k < markers.length; k++) {
      const m = markers[k];
      if (m?.type !== type) continue;
      all++;
      if (!isTitleLike(paragraphs[k]!, m)) continue;
      if (EVIDENCE_TYPES.has(type)) {
        if (ownsFieldsDirectly(paragraphs, markers, k, true)) owning++;
        continue;
      }
      // (Or a direction written as prose, its title cut at a dash from the sentence that follows it,
      // which names its agreement or figures: `1.中国和葡萄牙…项目——` / `依据《…》，在…领域开展联合研究（拟支持4项，…）`.)
      if (/——$/.test(paragraphs[k]!.text.text.trim()) && k + 1 < markers.length && markers[k + 1] === null && RE_AGREEMENT_PROSE.test(paragraphs[k + 1]!.text.text)) {
        owning++;
        continue;
      }
      // (An agreement stated over numbered headings that own figures: a group's, as `ownsFieldsDirectly` reads it.)
      let owns: boolean | null = null;
      let agreement = false;
      for (let i = k + 1; i < markers.length && owns === null; i++) {
        const n = markers[i];
        if (n?.type === type) break;
        if (agreement && n && n.type !== 'field' && isTitleLike(paragraphs[i]!, n) && directionFieldNext(markers, i)) owns = false;
        else if (n?.type === 'field' && roleOf(n.key) === 'agreement') agreement = true;
        else if (n?.type === 'field' && DIRECTION_ROLES.has(roleOf(n.key))) owns = true;
      }
      if (owns ?? agreement) owning++;
    }
    score.set(type, { owning, all });
  }
  // `1.1.1` directions under `1.1` groups: the deepest numbering that owns fields.
  const decimal3 = score.get('decimal3')!;
  if (decimal3.owning > 0 && decimal3.owning * 2 >= decimal3.all) return 'decimal3';
  const decimal = score.get('decimal')!;
  if (decimal.owning > 0 && decimal.owning * 2 >= decimal.all) return 'decimal';
  let best: MarkerType = 'decimal';
  let bestScore = { share: 0, owning: 0 };
  for (const type of CANDIDATES) {
    const { owning, all } = score.get(type)!;
    if (owning === 0) continue;
    const share = owning / all;
    if (share > bestScore.share || (share === bestScore.share && owning > bestScore.owning)) {
      best = type;
      bestScore = { share, owning };
    }
  }
  // A field belongs to the nearest heading above it. Where no direction field stands right under
  // a heading of the type chosen (`（一）云南`, then `1. 高原特色作物…` with its 研究内容 under it),
  // those headings are groups of the directions: the type the fields stand nearest to is.
  const nearest = new Map<MarkerType, number>();
  let owner: MarkerType | null = null;
  for (let k = 0; k < markers.length; k++) {
    const m = markers[k];
    if (!m) continue;
    if (m.type === 'field') {
      if (owner && DIRECTION_ROLES.has(roleOf(m.key))) nearest.set(owner, (nearest.get(owner) ?? 0) + 1);
    } else if (CANDIDATES.includes(m.type) && isTitleLike(paragraphs[k]!, m)) owner = m.type;
  }
  if (!nearest.has(best)) {
    const closer = [...nearest].filter(([type]) => (score.get(type)?.owning ?? 0) >= 2).sort((a, b) => b[1] - a[1])[0];
    if (closer) return closer[0];
  }
  return best;
}
