/**
 * Before the tree is built: paragraphs cut where a field label runs on after another field's text,
 * labels printed above their values joined to them, titles rejoined where a copy broke them, and
 * each paragraph's marker read once.
 */
import type { Marker, MarkerType } from '../lexicon/markers.js';
import { RE_MEASURE_START } from '../lexicon/numbers.js';
import { entryNumberLength, itemNumberType, listMarker, matchMarker, RE_ATTACHMENT_LINE, RE_FILE_NAME_LINE, RE_PROSE_DIRECTION } from '../lexicon/markers.js';
import { fieldLabelAt, labelOnly, labelsOf, RE_LABEL_COLON_CHAR, RE_RUN_ON_BARE, roleOf, runOnLabelStarts } from '../lexicon/fields.js';
import { mappedJoin, mappedSlice, mappedTrim } from '../mapped.js';
import type { Paragraph } from '../reflow/index.js';
import { ownsFieldsDirectly, RE_CLOSING_HEADING } from './evidence.js';
import { RUN_ON_HEADS } from './tree.js';

/** Numbers a field's label may carry as a sub-heading of its direction (`1.1.3`, `（3）`, `3.`, `3）`). */
const NUMBERED_LABEL_TYPES: ReadonlySet<MarkerType> = new Set(['decimal3', 'paren-arabic', 'arabic-dot', 'arabic-paren']);
/** Headings that end (or start) the sub-headings of a direction named by a word and its number. */
const WORDED_ENDS: ReadonlySet<MarkerType> = new Set(['direction-word', 'cjk-comma', 'decimal']);
const HEADING_MARKERS: ReadonlySet<MarkerType> = new Set(['decimal', 'decimal3', 'arabic-dot', 'arabic-comma', 'paren-cjk', 'cjk-comma', 'paren-arabic', 'direction-word', 'latin', 'circled']);
/** A known label with its colon, anywhere. */
const RE_LABEL_COLON = new RegExp(`(?:${labelsOf().join('|')})\\s*[：:]`, 'g');

/**
 * Where a field label stuck to the end of a heading's title starts (`1.1 重大科学基础设施FAST运行维护
 * 作业机器人系统研究内容：针对…`): the title before it has no clause punctuation. -1 otherwise.
 */
function headingLabelAt(t: string, marker: Marker | null): number {
  if (!marker || !HEADING_MARKERS.has(marker.type)) return -1;
  RE_LABEL_COLON.lastIndex = marker.length;
  for (const m of t.matchAll(RE_LABEL_COLON)) {
    if (m.index <= marker.length + 1) continue;
    const title = t.slice(marker.length, m.index);
    return /[。；;，,：:]/.test(title) || title.length > 60 ? -1 : m.index;
  }
  return -1;
}

/**
 * A heading whose title goes on at the start of the next paragraph, right up to a field label
 * (`2.6 离散智能车间…优化` / `运行支持技术研究内容：…`, as a copy that keeps every line break gives
 * it): the words before the label are the end of the title.
 */
function rejoinTitles(paragraphs: readonly Paragraph[]): readonly Paragraph[] {
  let out: Paragraph[] | null = null;
  for (let k = 0; k + 1 < paragraphs.length; k++) {
    const p = paragraphs[k]!;
    const next = paragraphs[k + 1]!;
    if (p.table || next.table) continue;
    // Cheap first: the next paragraph has a colon near its start (a label's), else nothing to do.
    const colon = next.text.text.slice(0, 40);
    if (!colon.includes('：') && !colon.includes(':')) continue;
    const marker = matchMarker(p.text.text);
    if (!marker || !HEADING_MARKERS.has(marker.type) || /[。；;，,：:]/.test(p.text.text.slice(marker.length)) || matchMarker(next.text.text)) continue;
    RE_LABEL_COLON.lastIndex = 0;
    const m = RE_LABEL_COLON.exec(next.text.text);
    if (!m || m.index === 0 || m.index > 30 || /[。；;，,：:、]/.test(next.text.text.slice(0, m.index))) continue;
    out ??= [...paragraphs];
    const joined: Paragraph = { text: mappedJoin([p.text, mappedSlice(next.text, 0, m.index)]), firstLine: p.firstLine, lastLine: next.firstLine };
    const rest: Paragraph = { text: mappedSlice(next.text, m.index, next.text.text.length), firstLine: next.firstLine, lastLine: next.lastLine };
    out[k] = joined;
    out[k + 1] = rest;
  }
  return out ?? paragraphs;
}

/**
 * A closing section's title printed on two lines (`“国家质量基础设施体系”重点专项2026年度` /
 * `项目申报指南形式审查条件要求`, an attachment whose `附件` line a database dropped): one heading,
 * its first line no text of the direction above it.
 */
function rejoinClosingTitles(paragraphs: readonly Paragraph[]): readonly Paragraph[] {
  const out: Paragraph[] = [];
  let joinedAny = false;
  for (let k = 0; k < paragraphs.length; k++) {
    const p = paragraphs[k]!;
    const next = paragraphs[k + 1];
    const t = p.text.text.trim();
    const joined =
      next && !p.table && !next.table && p.firstLine === p.lastLine && next.firstLine === p.lastLine + 1 && t.length <= 40 && !/[。；;，,：:]/.test(t) && !matchMarker(t) && !RE_ATTACHMENT_LINE.test(t) && !RE_CLOSING_HEADING.test(t) && RE_CLOSING_HEADING.test(next.text.text.trim())
        ? mappedJoin([p.text, next.text])
        : null;
    if (joined && RE_CLOSING_HEADING.test(joined.text.trim())) {
      out.push({ text: joined, firstLine: p.firstLine, lastLine: next!.lastLine });
      joinedAny = true;
      k++;
    } else out.push(p);
  }
  return joinedAny ? out : paragraphs;
}

/** A direction's own sentence after its fields (`本方向拟支持…`, `该方向须由企业牵头…`); evidence's `RE_DIRECTION_SENTENCE` is one opening a paragraph. */
const RE_CLOSING_SENTENCE = /(?:本|该)(?:指南)?(?:方向|任务)(?:拟|共|计划|须|需|要求|原则上)/;

const RE_MARKER_ONLY = /^\s*(?:[（(]\d{1,3}[）)]|\d{1,3}[.．、）)]|[\u2460-\u2473]|[（(][一二三四五六七八九十]{1,3}[）)]|[一二三四五六七八九十]{1,3}、)\s*$/;

/**
 * A topic (`专题一：先进制造与新材料国际合作`) that owns no fields of its own is a part: its numbered
 * directions below count within it (`1.` under `专题二` is 2.1). One that owns them is a direction,
 * as `方向一：` is. In place.
 */
export function topicsAsParts(paragraphs: readonly Paragraph[], markers: (Marker | null)[]): void {
  for (let k = 0; k < markers.length; k++) {
    const m = markers[k];
    if (m?.type !== 'direction-word') continue;
    if ((!/^(?:专题|主题|板块)/.test(m.text) || ownsFieldsDirectly(paragraphs, markers, k)) && !overSubDirections(markers, k) && !overCircledTitles(paragraphs, markers, k)) continue;
    markers[k] = { ...m, type: 'part-word' };
  }
}

/**
 * `方向二　主要造林树种…` right over `①桉树抗逆…（共性关键技术类）`, owning no fields itself: a group whose
 * circled items are its directions, numbered within it (② under 方向二 is 2.2).
 */
function overCircledTitles(paragraphs: readonly Paragraph[], markers: readonly (Marker | null)[], k: number): boolean {
  const next = markers[k + 1];
  return next?.type === 'circled' && paragraphs[k + 1] !== undefined && !/[。；;]$/.test(paragraphs[k + 1]!.text.text.trim()) && !ownsFieldsDirectly(paragraphs, markers, k);
}

/**
 * `方向一　内地与香港联合资助项目` over `子方向1：…` `子方向2：…` (before the next `方向二`): a group of the
 * sub-directions applicants choose, each a direction; its own fields (`合作依据`, `支持安排`) are theirs.
 */
function overSubDirections(markers: readonly (Marker | null)[], k: number): boolean {
  for (let i = k + 1; i < markers.length; i++) {
    const m = markers[i];
    if (m?.type === 'direction-word') return false;
    if (m?.type === 'arabic-dot' && /^子方向/.test(m.text)) return true;
  }
  return false;
}

/**
 * `1．8英寸导电型碳化硅单晶衬底` in a list numbered `1．` `2．` `3．`: a title that starts with a
 * measure reads as `1.8`. Where such a `N.M` is followed straight by a unit (`英寸`, `纳米`, `G`), few
 * numbers of its shape stand in the text (two at most) and `N` is the number the `N．` list expects
 * there (the next, or 1 after a heading above it), it is the item `N．` whose title starts with `M`.
 */
export function loneDecimalsAsItems(paragraphs: readonly Paragraph[], markers: (Marker | null)[]): void {
  let decimals = 0;
  let items = 0;
  for (const m of markers) {
    if (m?.type === 'decimal') decimals++;
    else if (m?.type === 'arabic-dot') items++;
  }
  if (decimals === 0 || decimals > 2 || items < 2) return;
  let last = 0;
  for (let k = 0; k < markers.length; k++) {
    const m = markers[k];
    if (!m || m.type === 'field') continue;
    if (m.type === 'arabic-dot') {
      last = m.value;
      continue;
    }
    if (m.type === 'cjk-comma' || m.type === 'part-word' || m.type === 'roman') {
      last = 0;
      continue;
    }
    if (m.type !== 'decimal') continue;
    const raw = /^(\d{1,2})([.．])\s*/.exec(paragraphs[k]!.text.text);
    const major = Math.floor(m.value / 100);
    if (!raw || (major !== last + 1 && major !== 1) || !RE_MEASURE_START.test(paragraphs[k]!.text.text.slice(raw[0].length))) continue;
    markers[k] = { type: 'arabic-dot', text: `${raw[1]}${raw[2]}`, length: raw[0].length, value: major, key: raw[1]! };
    last = major;
  }
}

/**
 * `3 先进陶瓷及其复合材料` over `3.1 …` and `3.1.1 …` (Word's heading numbering, a number and a space,
 * the space gone once cleaned): a short title whose number is the major of the next `N.M` heading,
 * the one after the last such title, is a group heading `N.`. In place.
 */
export function spacedNumbersAsGroups(paragraphs: readonly Paragraph[], markers: (Marker | null)[]): void {
  let last = 0;
  for (let k = 0; k < markers.length; k++) {
    const m = markers[k];
    if (m?.type === 'arabic-dot') last = m.value;
    // (Never a table's line: a row of a table of figures starts with its number, `3 连续运行时间 ≥6个月`.)
    if (m || paragraphs[k]!.table) continue;
    const raw = /^(\d{1,2})[ \u3000\t]*(?=[\u4e00-\u9fff])/.exec(paragraphs[k]!.text.text);
    const title = raw ? paragraphs[k]!.text.text.slice(raw[0].length) : '';
    if (!raw || title.length < 2 || title.length > 30 || /[。；;，,：:、]/.test(title)) continue;
    const n = Number(raw[1]);
    const next = markers.slice(k + 1).find((x) => x !== null && x.type !== 'field');
    const major = next?.type === 'decimal' ? Math.floor(next.value / 100) : next?.type === 'decimal3' ? Math.floor(next.value / 10000) : null;
    if (major !== n || n !== last + 1) continue;
    markers[k] = { type: 'arabic-dot', text: raw[1]!, length: raw[0].length, value: n, key: raw[1]! };
    last = n;
  }
}

/**
 * Splits paragraphs where a known field label runs on after another field's text
 * (`拟支持项目数：3个；共拟支持经费：900万元`, `…1200万元左右。其他要求：…`): each label starts a
 * paragraph of its own, as if the document had broken the line there.
 */
/**
 * Where the first label of a bracket of fields that ends a paragraph stands (`…（拟支持项目数：8个；
 * 经费：1600万元；周期：2年）。`: two labels or more inside, nothing after it but a full stop), or -1.
 */
function trailingFieldsBracket(t: string): number {
  const m = /[（(]([^（）()]{4,120})[）)][。；;]?$/.exec(t);
  if (!m || m.index === 0) return -1;
  const inside = m[1]!;
  if (!fieldLabelAt(inside)) return -1;
  return runOnLabelStarts(inside).length >= 1 ? m.index + 1 : -1;
}

export function splitRunOn(input: readonly Paragraph[]): { paragraphs: Paragraph[]; markers: (Marker | null)[] } {
  const paragraphs = rejoinClosingTitles(rejoinTitles(input));
  const out: Paragraph[] = [];
  /** Each output paragraph's marker: read once here, for the paragraphs that stay whole too. */
  const markers: (Marker | null)[] = [];
  /** The paragraphs go on with a requirements field's numbered items (`有关说明：` / `（1）…` / `（2）…`). */
  let inRequirements = false;
  for (const p of paragraphs) {
    const t = p.text.text;
    const itemStart = itemNumberType(t) !== null;
    const { matched, marker } = markerOf(t, inRequirements && itemStart);
    inRequirements = (marker?.type === 'field' && roleOf(marker.key) === 'requirements' && !itemStart) || (inRequirements && itemStart);
    // A figure's label without a colon starts a field only in a field line of its own kind: inside
    // 有关说明/其他要求 (`…，拟支持项目数1项。地方财政经费…`, or its item `（1）拟支持项目数为1~2项，
    // 拟安排国拨经费1500万元。`) it is part of the requirement, and `extract` reads the figure from there.
    const field = marker?.type === 'field' && roleOf(marker.key) !== 'requirements' && !(inRequirements && itemStart);
    // Most paragraphs have no colon after their start, and no label runs on in them.
    // (Or what stands for one: `｜`, a dash: `合作协议｜《…》　领域方向｜…`.)
    const colon = t.slice(1).search(RE_LABEL_COLON_CHAR);
    const titled = titleSentenceEnd(t, marker);
    if (colon < 0 && !field && titled < 0 && !RE_PROSE_DIRECTION_START.test(t) && !RE_INLINE_ITEM.test(t)) {
      out.push(p);
      markers.push(marker);
      continue;
    }
    const cuts: number[] = [];
    if (titled > 0) cuts.push(titled);
    // Directions written as running prose, several in a paragraph (`…地区，方向1为中国和埃及政府间联合
    // 研究项目，依据《…》，…实施周期3年。方向2为…`): each starts a paragraph, its title the words
    // up to its first comma.
    for (const at of proseDirectionCuts(t)) cuts.push(at);
    for (const at of inlineItemCuts(t)) cuts.push(at);
    // (Not a label that ends a list item, its values the item's sub-list below: `1）建成示范电站1座，
    // 具体要求：` / `①…`.)
    for (const at of runOnLabelStarts(t, true)) if (at > 0 && !(itemStart && endsWithLabel(t, at))) cuts.push(at);
    // A direction's figures in a bracket that ends its paragraph (`…单方申报无效（拟支持项目数：8个；
    // 经费：1600万元；周期：2年）。`): its first label starts the fields, as the others after `；` do.
    const bracket = trailingFieldsBracket(t);
    if (bracket > 0) cuts.push(bracket);
    // A label stuck to the end of a heading (`1.1 …机器人系统研究内容：针对…`): the title ends there.
    const stuck = headingLabelAt(t, marker);
    if (stuck > 0) cuts.push(stuck);
    // The next heading run onto the end of a field's line (`…项目实施周期 2年。1.5 中国和希腊政府间
    // 联合研究项目`, a copy that lost the line break): it starts a paragraph of its own.
    const heading = RE_TRAILING_HEADING.exec(t);
    if (heading && marker?.type === 'field') cuts.push(heading.index + heading[0].indexOf(heading[1]!));
    // A figure's label without a colon (`…4个左右，共拟支持经费1200万元`) only where the paragraph
    // is a field line itself: in running text such words are only words.
    if (field) for (const m of t.matchAll(RE_RUN_ON_BARE)) if (m.index > 0) cuts.push(m.index);
    // A keywords line run on into the direction's closing sentence (`关键词：…，良种繁育本方向拟支持不超过
    // 2个项目，…`, a copy that joined the two lines): the sentence starts a paragraph of its own.
    if (marker?.type === 'field' && roleOf(marker.key) === 'keywords') {
      const sentence = RE_CLOSING_SENTENCE.exec(t);
      if (sentence && sentence.index > marker.length) cuts.push(sentence.index);
    }
    cuts.sort((a, b) => a - b);
    // A label inside quotes (`注明“2026年度资助研究方向：XXX”`) is quoted text, no field.
    for (let c = cuts.length - 1; c >= 0; c--) if (insideQuotes(t, cuts[c]!)) cuts.splice(c, 1);
    // A label right after the paragraph's own list marker (`（1）拟支持项目数…`) is no run-on label.
    while (cuts.length > 0 && RE_MARKER_ONLY.test(t.slice(0, cuts[0]))) cuts.shift();
    if (cuts.length === 0) {
      out.push(p);
      markers.push(marker);
      continue;
    }
    cutInto(p, cuts, from0Marker(marker, matched), out, markers);
  }
  entryTitle(out, markers);
  return joinLabelLines(out, markers);
}

/** The marker the first piece of a cut paragraph keeps: the one taken where it differs from the one read. */
const from0Marker = (marker: Marker | null, matched: Marker | null): Marker | null | undefined => (marker !== matched ? marker : undefined);

/**
 * `p` cut at `cuts` (sorted offsets), each piece a paragraph with its marker (`first`: the first
 * piece's, where given). A piece that is a field's line of its own kind (`合作领域为中医药、…，拟支持项目
 * 数6个，拟支持经费1200万元`, an item's text cut from a paragraph of items) is cut again at the figures'
 * labels run on in it, as such a line of its own would be.
 */
function cutInto(p: Paragraph, cuts: readonly number[], first: Marker | null | undefined, out: Paragraph[], markers: (Marker | null)[]): void {
  const t = p.text.text;
  let from = 0;
  for (const cut of [...cuts, t.length]) {
    const piece = mappedTrim(mappedSlice(p.text, from, cut));
    if (piece.text.length > 0) {
      const cutPiece: Paragraph = p.table ? { text: piece, firstLine: p.firstLine, lastLine: p.lastLine, table: from === 0 ? p.table : p.table === 'row' ? 'cell' : p.table } : { text: piece, firstLine: p.firstLine, lastLine: p.lastLine };
      if (from === 0 && cut < t.length) RUN_ON_HEADS.add(cutPiece);
      const marker = from === 0 && first !== undefined ? first : matchMarker(piece.text);
      const more = from > 0 && marker?.type === 'field' && roleOf(marker.key) !== 'requirements' ? [...piece.text.matchAll(RE_RUN_ON_BARE)].map((m) => m.index).filter((at) => at > marker.length) : [];
      if (more.length > 0) cutInto(cutPiece, more, marker, out, markers);
      else {
        out.push(cutPiece);
        markers.push(marker);
      }
    }
    from = cut;
  }
}

/**
 * A compilation's number before the call's title, the first numbered line (`十二、国家重点研发计划…指南`
 * over `一、总体目标`): the title's line, no part; where the next line of its kind goes on counting
 * from it (`一、…指南` / `二、…`), a part.
 */
function entryTitle(paragraphs: readonly Paragraph[], markers: (Marker | null)[]): void {
  const k = markers.findIndex((m) => m !== null && m.type !== 'field');
  const m = markers[k];
  if (!m || entryNumberLength(paragraphs[k]!.text.text) === 0) return;
  const next = markers.slice(k + 1).find((x) => x !== null && x.type === m.type);
  if (!next || next.value !== m.value + 1) markers[k] = null;
}

/**
 * A paragraph's marker as read (`matched`) and as taken (`marker`): a line naming a file has none
 * (`1.…申报书.docx`); an item of a requirements list that opens with a label (`其他要求：` / `（1）执行期：
 * 2027.01-2029.12。` / `（2）…`, `inList`) is one of the list's items, its figure read from there, no
 * field of its own.
 */
function markerOf(t: string, inList: boolean): { matched: Marker | null; marker: Marker | null } {
  const matched = RE_FILE_NAME_LINE.test(t) ? null : matchMarker(t);
  return { matched, marker: inList && matched?.type === 'field' ? (listMarker(t) ?? matched) : matched };
}

/** Whether the label at offset `at` of `t` ends it: nothing after the label and its colon. */
function endsWithLabel(t: string, at: number): boolean {
  const label = fieldLabelAt(t.slice(at));
  return label !== null && t.slice(at + label.length).trim() === '';
}

/** Whether offset `at` of `t` stands inside a “…” quote (more “ than ” before it). */
function insideQuotes(t: string, at: number): boolean {
  let open = 0;
  for (let i = 0; i < at; i++) {
    if (t[i] === '“') open++;
    else if (t[i] === '”' && open > 0) open--;
  }
  return open > 0;
}

/** `方向1为…`, `指南方向三为…` after a sentence or clause (or at the paragraph's start). */
const RE_PROSE_DIRECTION_START = /(?:^|[。；;，,])\s*(?:指南方向|方向)\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*为/;
const RE_PROSE_DIRECTION_ALL = new RegExp(RE_PROSE_DIRECTION_START.source, 'g');

/**
 * Where directions written as running prose start and where their titles end, in a paragraph that
 * holds two or more of them (`方向1为中国和埃及政府间联合研究项目，依据《…》，支持领域为…。方向2为…`),
 * or one whose text goes on as a direction's does: before each `方向N为`, and after its title (the
 * words up to the first comma, a project or a programme by its name).
 */
function proseDirectionCuts(t: string): number[] {
  const starts = [...t.matchAll(RE_PROSE_DIRECTION_ALL)].map((m) => m.index + m[0].search(/(?:指南方向|方向)/));
  if (starts.length === 0) return [];
  const cuts: number[] = [];
  starts.forEach((at, k) => {
    const end = k + 1 < starts.length ? starts[k + 1]! : t.length;
    const comma = t.slice(at, end).search(/[，,]/);
    const rest = comma < 0 ? '' : t.slice(at + comma + 1, end);
    if (comma < 0 || comma > 48 || !RE_PROSE_DIRECTION.test(rest)) return;
    if (at > 0) cuts.push(at);
    cuts.push(at + comma + 1);
  });
  return cuts;
}

/** An item numbered inside a paragraph (`…：（1）…；（2）…`): after the paragraph's start, a colon or a clause's end. */
const RE_INLINE_ITEM = /(?:^|[：:；;。])\s*[（(](\d{1,2})[）)]/g;
/** What a direction's item states: a count of projects and an amount. */
const RE_ITEM_COUNT = /(?:拟支持|拟资助|支持|资助)(?:项目)?(?:数)?(?:为|约|不超过)?\s*\d{1,3}\s*(?:个|项)/;
const RE_ITEM_MONEY = /\d[\d.,]*\s*(?:万|亿)元/;

/**
 * Directions written as the numbered items of one paragraph (`本部分设4个指南方向：（1）内地与香港联合研究
 * 项目（生命健康），支持…等领域，拟支持项目5个，共拟支持经费1500万元；（2）…`), two or more in turn from
 * （1）, each stating a count and an amount: each starts a paragraph, its title the words up to its
 * first comma. (A list of aims or of conditions, no count and amount in each item, stays whole.)
 */
function inlineItemCuts(t: string): number[] {
  const found = [...t.matchAll(RE_INLINE_ITEM)].map((m) => ({ at: m.index + m[0].search(/[（(]/), n: Number(m[1]) }));
  const run: typeof found = [];
  for (const f of found) if (f.n === run.length + 1) run.push(f);
  if (run.length < 2) return [];
  const cuts: number[] = [];
  for (const [k, item] of run.entries()) {
    const end = k + 1 < run.length ? run[k + 1]!.at : t.length;
    const body = t.slice(item.at, end);
    if (!RE_ITEM_COUNT.test(body) || !RE_ITEM_MONEY.test(body)) return [];
    const comma = body.search(/[，,]/);
    if (comma < 0 || comma > 48) return [];
    if (item.at > 0) cuts.push(item.at);
    cuts.push(item.at + comma + 1);
  }
  return cuts;
}

/** A `1.5 …项目` heading at the end of a line, after a sentence's end: group 1 is the heading. */
const RE_TRAILING_HEADING = /[。；]\s*(\d{1,2}[.．]\d{1,2}\s*[^。；;，,：:\d][^。；;，,：:]{3,40}(?:项目|合作|研究|计划))$/;


/**
 * A direction written as one numbered paragraph of prose (`1. 内地与香港联合资助研究项目。本方向
 * 依据《…》设立，合作方为…，拟支持项目4个…`): its first sentence is its title. Where that sentence
 * is short and has no clause inside it and what follows speaks as a direction does, the paragraph is
 * cut after it (the title keeps its `。`, as the head of a cut paragraph does). -1 otherwise.
 */
function titleSentenceEnd(t: string, marker: Marker | null): number {
  if (!marker || !HEADING_MARKERS.has(marker.type)) return -1;
  // (Or a title, a dash, then what it studies: `1. 北极海洋环境变化——研究北极海冰…`.)
  // (Or a project's name, a colon, then what it supports: `①内地与香港联合资助研究项目：根据《…》，支持…`.)
  const stop = /。|——|：/.exec(t.slice(marker.length));
  if (!stop) return -1;
  const end = marker.length + stop.index;
  const title = t.slice(marker.length, end).trim();
  if (title.length < 4 || title.length > 40 || /[，,；;：:。]/.test(title)) return -1;
  const rest = t.slice(end + stop[0].length);
  if (stop[0] === '：') return /(?:项目|计划)$/.test(title) && rest.length >= 20 && RE_PROJECT_PROSE.test(rest) ? end + 1 : -1;
  // (Or a research direction's content after its title: `1. 深海高压环境下金属材料钝化膜的演化规律。研究深海
  // 高压、低温…`, an NSFC guide's list, the title the first sentence, the content what it studies.)
  return rest.length >= 20 && (RE_PROSE_DIRECTION.test(rest) || RE_CONTENT_START.test(rest)) ? end + stop[0].length : -1;
}

/** How the prose of a project named before a colon begins: what it rests on, what it supports. */
const RE_PROJECT_PROSE = /^(?:根据|依据|按照|落实|支持|面向|围绕|针对|聚焦|鼓励)/;

/** How a research direction's content begins after its title: what it studies, reveals, builds. */
// (`以非人灵长类动物为模型，研究…`: what it takes as its model or object, then what it studies.)
export const RE_CONTENT_START = /^(?:研究|揭示|阐明|发展|建立|研制|构建|围绕|针对|面向|开展|探索|突破|融合|集成|研发|开发|聚焦|基于|以(?=[^，。；]{1,20}为(?:模型|对象|基础|载体|核心|牵引|重点|切入点))|在(?=[^，。；]{1,24}(?:开展|研究|建立|发展|构建|研制|揭示)))/;

/** A value cut by a line break: it ends with a list separator or a joining word, or a bracket is open. */
function isOpenValue(t: string): boolean {
  if (/[、，,（(《“—\-与和及或]$/.test(t)) return true;
  const count = (c: string): number => t.split(c).length - 1;
  return count('《') > count('》') || count('（') > count('）');
}

/**
 * A label printed above its value (`合作领域` / `人工智能、智能制造`, `拟支持项目数：` / `不超过5个`),
 * as web pages and Word tables flattened into text print them: the label's paragraph heads a field,
 * and a value paragraph right below it (no marker, no label of its own) is the field's text, joined
 * to the label as if printed after it. A bare label (no colon) heads a field only in a document that
 * prints at least three of them: a lone `申报要求` line may be a heading of the closing text.
 */
/** A label whose value is the direction's own number: `指南方向编号`, `方向编号`, `编号`. */
const RE_NUMBER_LABEL = /编号$/;

function joinLabelLines(paragraphs: Paragraph[], markers: (Marker | null)[]): { paragraphs: Paragraph[]; markers: (Marker | null)[] } {
  // (Or a label numbered as a sub-heading of its direction, alone on its line: `1.1.3 拟支持项目数`
  // over `4个。`: a field's label, as with a colon.)
  // (`（一）招标内容` … `（六）申报要求` too, but only under a heading that names itself a direction by a
  // word and its number (`项目包1：…`, `方向二 …`): under `一、合作研究项目` they are the parts of a
  // type of project, whose areas are the directions.)
  let worded = false;
  const only = paragraphs.map((p, k) => {
    if (p.table) return null;
    const own = labelOnly(p.text.text);
    const m = markers[k];
    if (m && WORDED_ENDS.has(m.type)) worded = m.type === 'direction-word';
    if (own || !m || !(NUMBERED_LABEL_TYPES.has(m.type) || (m.type === 'paren-cjk' && worded))) return own;
    const numbered = labelOnly(p.text.text.slice(m.length));
    return numbered ? { ...numbered, colon: true } : null;
  });
  let bare = 0;
  for (const o of only) if (o && !o.colon) bare++;
  if (!only.some((o) => o && (o.colon || bare >= 3))) return { paragraphs, markers };
  const out: Paragraph[] = [];
  const outMarkers: (Marker | null)[] = [];
  for (let k = 0; k < paragraphs.length; k++) {
    const p = paragraphs[k]!;
    const o = only[k];
    if (!o || (!o.colon && bare < 3)) {
      out.push(p);
      outMarkers.push(markers[k]!);
      continue;
    }
    const text = mappedTrim(p.text);
    const own = markers[k];
    // (The colon after a bracketed label, `【计划立项】：`, is the label's: no part of the value joined to it.)
    const colonAfter = own?.type === 'field' && /^\s*[：:]\s*$/.test(p.text.text.slice(own.length)) ? p.text.text.trimEnd().length : null;
    const marker: Marker = own?.type === 'field' ? (colonAfter === null ? own : { ...own, length: colonAfter }) : { type: 'field', text: text.text, length: text.text.length, value: 0, key: o.label };
    const q = paragraphs[k + 1];
    // A paragraph that introduces a list (`交通转型，具体包括以下方向：`) stays the list's head.
    // (A label that numbers the direction, `指南方向编号` over `1.1`: the number is its value, no heading.)
    const numbered = q !== undefined && RE_NUMBER_LABEL.test(o.label) && markers[k + 1] !== null && markers[k + 1]!.length >= q.text.text.trim().length;
    if (q && !q.table && (markers[k + 1] === null || numbered) && !only[k + 1] && !/[：:]$/.test(q.text.text)) {
      // A value that a line break left open (`医疗器械与` / `生物医学工程`, a 《 not closed) goes on.
      const pieces = [text, q.text];
      let end = k + 1;
      const plain = (i: number): boolean => i < paragraphs.length && !paragraphs[i]!.table && markers[i] === null && !only[i];
      while (plain(end + 1) && isOpenValue(pieces[pieces.length - 1]!.text)) pieces.push(paragraphs[++end]!.text);
      out.push({ text: mappedJoin(pieces), firstLine: p.firstLine, lastLine: paragraphs[end]!.lastLine });
      outMarkers.push(marker);
      k = end;
      continue;
    }
    out.push(p);
    outMarkers.push(marker);
  }
  return { paragraphs: out, markers: outMarkers };
}
