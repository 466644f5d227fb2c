/**
 * The rules `segment` reads each paragraph by, in order: the first that places the paragraph in the
 * tree ends its reading (as micromark tries one construct after another). A rule that only notes
 * state (the end of a table, the start of an attachment) places nothing and lets the next try.
 */
import { HOME_SIDES } from '../lexicon/partners.js';
import type { Marker, MarkerType } from '../lexicon/markers.js';
import { bareFieldItem, listMarker, RE_ATTACHMENT_LINE, RE_CLOSING_FOR_PART, RE_COMPARISON_NOTE, RE_COMPARISON_PART, RE_SUB_HEAD } from '../lexicon/markers.js';
import { ADMIN_LABEL_WORDS, FIGURE_ROLES, labelShapeAt, roleOfField, roleOfLabel, type FieldRole } from '../lexicon/fields.js';
import { findPartners } from '../lexicon/partners.js';
import type { Paragraph } from '../reflow/index.js';
import type { Builder } from './builder.js';
import {
  directionFieldNext,
  EVIDENCE_TYPES,
  fieldHeadingRole,
  idOf,
  isBareTitle,
  isSentenceField,
  isShallowDirection,
  isSummaryRow,
  isTitleLike,
  ownsFieldsDirectly,
  RE_CLOSING_HEADING,
  RE_REVISION_NOTES,
  twinOf,
  bareTitle as titleWithoutCategory,
} from './evidence.js';
import { section, type Section } from './tree.js';

/** A sentence of the direction's own figures after its fields: `以上任务…`, `本方向拟支持…`, `上述方向共…`. */
const RE_DIRECTION_FIGURES = /^(?:(?:以上|上述)(?:任务|方向|内容|课题)|本(?:方向|任务)(?:拟|共|计划))/;

/** Reads paragraph `k` (`p`, marker `m`): true where it placed it. */
export type Rule = (b: Builder, k: number, p: Paragraph, m: Marker | null) => boolean;

/**
 * A draft's notes on its revisions (`第三部分 修改说明`, a table quoting old and new wording): what
 * they quote is no direction and no field, up to the next part.
 */
const revisionNotes: Rule = (b, _k, p, m) => {
  // (A heading of its own with no number, `附：本指南与征求意见稿相比的主要变化`, opens such notes.)
  if (!m && RE_COMPARISON_PART.test(p.text.text.trim())) {
    b.popTo('root');
    b.open(section('part', p, null));
    return true;
  }
  const notes = b.stack.find((s) => s.kind === 'part' && s.heading !== null && (RE_REVISION_NOTES.test(s.heading.text.text.slice(s.marker?.length ?? 0).trim()) || RE_COMPARISON_PART.test(s.heading.text.text.slice(s.marker?.length ?? 0).trim())));
  if (!notes || (m && (m.type === 'part-word' || m.type === notes.marker?.type) && isTitleLike(p, m))) return false;
  b.popTo((s) => s === notes);
  b.text(p);
  return true;
};

/** A paragraph out of any table ends the numbering of the rows; places nothing. */
const rowsEnd: Rule = (b, _k, p) => {
  if (p.table === undefined) b.lastRow = null;
  return false;
};

/** Notes where a table ends, and where an attachment begins; places nothing. */
const boundaries: Rule = (b, k, p, m) => {
  // Text after a table (`注：表中经费单位为万元`) belongs to no row of it.
  if (p.table !== 'cell' && k > 0 && b.paragraphs[k - 1]!.table === 'cell' && (b.currentDirection()?.heading?.table === 'row' || b.inRowTwin)) b.popToContainer();
  if (p.table !== 'cell') b.inRowTwin = false;
  // `附件1` standing alone starts an attachment (a task list after its notice): parts count again.
  if (!m && RE_ATTACHMENT_LINE.test(p.text.text.trim())) {
    b.lastPartOf.clear();
    b.lastPart = 0;
    b.nested = null;
    // What follows is the attachment's, no direction's (its numbered lists are no 考核指标).
    if (b.currentDirection()) b.popTo('root');
    // (An attachment after the directions that lists them again, `附件1 各方向联系人` / `1.1 …` / `联系人：…`,
    // lists the same directions.)
    if (b.directions.length > 0) b.inAttachment = true;
  }
  return false;
};

/**
 * `附件：1.…任务榜单` then `2.揭榜申报书（模板）` on the next line: the notice's list of attachments
 * goes on, whatever its numbers look like; its items are no directions.
 */
const attachmentList: Rule = (b, k, p, m) => {
  if (!m || m.type === 'field' || !b.continuesAttachmentList(k, m)) return false;
  b.attachmentItems.add(k);
  b.openItem(m, p);
  return true;
};

/** Table rows and their cells: directions, the twins of directions, or totals. */
const tableRow: Rule = (b, _k, p, m) => {
  // The cells of a row that is no direction (below) are text of the part the table stands in.
  if (b.summaryRow && p.table === 'cell') {
    b.text(p);
    return true;
  }
  b.summaryRow = false;
  if (p.table !== 'row') return false;
  // A row that repeats a direction read before it, by number and title (`附表` after the
  // directions: `1.1 | 高强高模碳纤维… | 1～2 | 2500`): that direction, its cells read on into it
  // as its fields (the table is where the guideline states its figures).
  // (Or by its title alone, where an annex numbers its rows afresh, `附表` / `1  中国和新西兰…项目  2`:
  // the one direction of that title.)
  const numbered = m ? twinOf(m, p.text.text.slice(m.length), b.numbered(m), (d) => d.heading?.table !== 'row') : undefined;
  const twin = numbered ?? (m ? titleTwin(p.text.text.slice(m.length), b.directions) : undefined);
  if (twin) {
    b.popToContainer();
    b.stack.push(twin);
    b.inRowTwin = true;
    // (An annex's row completes its direction: a figure the direction states already is the annex's copy.)
    b.rowCompletes = numbered === undefined;
    return true;
  }
  // A total row (`合计`), or a row that repeats a direction already read (a summary table after
  // the directions, as a Markdown export or a notice adds one): no direction.
  if (isSummaryRow(p, m, b.directions)) {
    b.popToContainer();
    b.text(p);
    b.summaryRow = true;
    return true;
  }
  if (!m) return false;
  // A row that is a label and its text (`注：表中“同上”表示…`, a note merged across the table): the
  // table's note, text of the part the table stands in.
  if (m.type === 'field') {
    b.popToContainer();
    b.text(p);
    return true;
  }
  // A row of a table of directions: a direction whatever the numbering around it; numbered
  // headings after the table go on from its last row. Its 序号 runs on from the row above.
  b.checkRowNumber(m, p);
  b.addDirection(p, m, idOf(m));
  if (m.type === b.directionType) b.lastDirection = m.value;
  return true;
};

/** The open direction has no number (a bare title, a bullet): the next title with fields is the next one. */
const unnumberedOpen = (b: Builder): boolean => b.currentDirection()?.marker?.text === '';

/**
 * Guides with no number whose fields are numbered headings (NSFC 重大项目: `“…”重大项目指南` /
 * `一、科学目标` / `二、研究内容` / `三、资助期限和资助经费` / `四、申请要求及注意事项`): a field
 * heading inside such a guide is its field; a bare title over the next guide (`化学科学部`) heads
 * the guides that follow, and closes the one before. (So does a bare title over `一、申请条件`…:
 * the closing text of such a page, no guide's.)
 */
const guideHeadings: Rule = (b, k, p, m) => {
  if (b.guideTitles.size === 0 || !unnumberedOpen(b)) return false;
  const role = m ? fieldHeadingRole(p, m) : null;
  if (m && role) {
    b.popTo('direction');
    b.open(section('field', p, { type: 'field', text: p.text.text.trim(), length: p.text.text.length, value: 0, key: p.text.text.slice(m.length).trim() }, { role }));
    return true;
  }
  const next = b.markers[k + 1];
  const closes = next?.type === 'cjk-comma' && next.value === 1 && fieldHeadingRole(b.paragraphs[k + 1]!, next) === null;
  if (m || !isBareTitle(p) || !(b.guideByHeadingsAt(k + 1) || closes)) return false;
  b.popTo('root');
  b.open(section('part', p, null));
  return true;
};

/**
 * A row's number in a cell of its own (`1`, then its title, then its fields: a Word table whose
 * 序号 column and direction column come out cell by cell): the next direction's number.
 */
const cellNumber: Rule = (b, k, p, m) => {
  const next = b.paragraphs[k + 1];
  if (m || !/^\d{1,3}$/.test(p.text.text.trim()) || b.markers[k + 1] || !next || !isBareTitle(next) || !directionFieldNext(b.markers, k + 1)) return false;
  b.cellNumber = p.text.text.trim();
  return true;
};

/** A title with no number over a direction's fields: a direction (or a part over such titles). */
const bareTitle: Rule = (b, k, p, m) => {
  if (m || (b.currentDirection() && !unnumberedOpen(b)) || !isBareTitle(p) || !(directionFieldNext(b.markers, k) || b.guideByHeadingsAt(k))) return false;
  const next = b.paragraphs[k + 1];
  if (!b.markers[k + 1] && next && isBareTitle(next) && directionFieldNext(b.markers, k + 1) && !b.guideByHeadingsAt(k)) {
    // Titles with no number in two levels (Word's numbering lost in a copy, a web page's
    // headings): a title whose next line is a direction's title heads the directions below it.
    b.popTo((s) => s.kind === 'root' || (s.kind === 'part' && s.marker !== null));
    b.open(section('part', p, null));
    b.bareParts++;
    b.inBarePart = 0;
    return true;
  }
  // A direction with no number (a guideline of one direction): its title, then its fields. Under
  // such titles it is numbered as its place says (`2.3`: the third under the second).
  const n = b.directions.length + 1;
  const id = b.cellNumber ?? (b.bareParts > 0 ? `${b.bareParts}.${++b.inBarePart}` : String(n));
  b.cellNumber = null;
  b.addDirection(p, { type: 'direction-word', text: '', length: 0, value: n, key: id }, id);
  return true;
};

/**
 * `申报要求`, `联系方式` standing alone after the directions: the closing text, no direction's;
 * so is a field's label alone on its line (`申报要求`) after a direction whose own requirements
 * were read (`有关说明`, a key programme's table per direction).
 */
const closingHeading: Rule = (b, _k, p, m) => {
  const here = b.currentDirection();
  const t = p.text.text.trim();
  if (!here || !RE_CLOSING_HEADING.test(t)) return false;
  const closes = !m || (m.type === 'field' && m.length >= t.length && here.children.some((c) => c.kind === 'field' && c.role === 'requirements'));
  if (!closes) return false;
  b.popTo('root');
  b.open(section('part', p, null));
  return true;
};

/**
 * A paragraph after a direction that speaks for several (`以上各方向每个项目经费额度不超过300万元。`,
 * `以上（一）至（四）方向的执行周期均为3年`): the text of the part (or group) the directions stand in,
 * never the last direction's nor an item of its list.
 */
const closingForPart: Rule = (b, _k, p, m) => {
  if (m || !b.currentDirection() || !RE_CLOSING_FOR_PART.test(p.text.text.trim())) return false;
  b.popToContainer();
  b.text(p);
  return true;
};

/** A paragraph with no marker: an unknown label's field, or text of the open section. */
const unmarked: Rule = (b, k, p, m) => {
  if (m) return false;
  const label = b.currentDirection() ? labelShapeAt(p.text.text) : null;
  const field = b.currentField();
  const inList = field && (field.role === 'domains' || field.role === 'content' || field.role === 'indicators');
  if (label && (!inList || ADMIN_LABEL_WORDS.test(label.label))) {
    // An unknown label starts a field of its own: its text is kept and reported, never merged
    // into the field before it.
    b.popTo('direction');
    const marker: Marker = { type: 'field', text: p.text.text.slice(0, label.length).trim(), length: label.length, value: 0, key: label.label };
    // A spelling no row names takes the role its ending says (`拟安排国拨经费：` → funding).
    b.open(section('field', p, marker, { role: sideRole(b, roleOfLabel(label.label)) }));
    return true;
  }
  // A figure written as a sentence (`国拨经费总额不超过2000万元，单个项目不超过500万元。`, a
  // label without its colon) is a field of one paragraph: the next paragraph is the direction's.
  // So is a keywords field (its terms on its line): what follows it (`本方向拟支持二至三项，…`) is the direction's.
  if (field && (isSentenceField(field) || field.role === 'keywords')) b.popTo('direction');
  // The direction's figures said after its fields (`以上任务由1个项目整体承担。本方向拟支持项目1项，…`,
  // `本方向拟支持1～2项，…`): the direction's text, no item of the field before them.
  // (Not where the field open is a figure's own: `支持经费` / `本方向共安排600万元` is its value.)
  if (field && !FIGURE_ROLES.has(field.role ?? 'other') && RE_DIRECTION_FIGURES.test(p.text.text.trim())) b.popTo('direction');
  // A draft's comparison note (`（与2024年度相比：…）`) is no field's text: the direction's, reported.
  if (field && RE_COMPARISON_NOTE.test(p.text.text.trim())) b.popTo('direction');
  // A title between two lists, the second starting again at 1 (`（3）…` / `申报人应具备的资格条件` /
  // `（1）…`: a heading whose number a copy lost; `（3）…` / `预期性指标：` / `（1）…`, a field's
  // sub-head): it heads the next list, no item's text.
  const restarts = b.markers[k + 1];
  const item = b.top();
  if (item.kind === 'item' && restarts && restarts.value === 1 && restarts.type === item.marker?.type && (isBareTitle(p) || RE_SUB_HEAD.test(p.text.text.trim()))) {
    b.stack.pop();
    b.lastValue.get(b.top())?.delete(restarts.type);
  }
  b.text(p);
  return true;
};

/** The one direction read before, not a table's row, whose title is `title` (its category aside), or undefined. */
function titleTwin(title: string, directions: readonly Section[]): Section | undefined {
  const t = titleWithoutCategory(title);
  if (t.length < 6) return undefined;
  const same = directions.filter((d) => d.heading !== null && d.heading.table !== 'row' && titleWithoutCategory(d.heading.text.text.slice(d.marker?.length ?? 0)) === t);
  return same.length === 1 ? same[0] : undefined;
}

/** `1.1` directions; under `1.1.1` directions, `1.` and `1.1` groups of them. */
const decimalHeadings: Rule = (b, k, p, m) => {
  if (!m) return false;
  if (m.type === b.directionType && m.type === 'decimal') {
    b.openDirection(m, p);
    return true;
  }
  if (b.directionType !== 'decimal3' || !(m.type === 'decimal3' || m.type === 'decimal' || (m.type === 'arabic-dot' && isTitleLike(p, m)))) return false;
  // `1. 大类` and `1.1 国别` are groups of `1.1.1` directions, unless a `1.1` has fields of its
  // own (a document may mix the two depths).
  if (m.type === 'decimal3' || (m.type === 'decimal' && b.fieldsNext(k))) {
    b.openDirection(m, p);
  } else {
    b.popTo((s) => s.kind === 'part' || s.kind === 'root' || (m.type === 'decimal' && s.kind === 'group' && s.marker?.type === 'arabic-dot'));
    b.open(section('group', p, m));
  }
  return true;
};

/** `一、` / `方向一` directions where the heading owns fields itself; parts (`第一部分`, `Ⅰ．`). */
const evidenceHeadings: Rule = (b, k, p, m) => {
  if (!m) return false;
  if (m.type === b.directionType && EVIDENCE_TYPES.has(m.type)) {
    // `一、中国和罗马尼亚…` with its fields below is a direction; `五、申报要求` is a part.
    if (isTitleLike(p, m) && ownsFieldsDirectly(b.paragraphs, b.markers, k, true)) b.openDirection(m, p);
    else if (m.type === 'cjk-comma' && b.currentDirection() && b.stack.some((s) => s.kind === 'item' && s.marker?.type === m.type)) b.openItem(m, p);
    else b.openPart(m, p);
    return true;
  }
  if (m.type !== 'part-word' && m.type !== 'roman') return false;
  b.openPart(m, p);
  return true;
};

/** A heading of the direction numbering (`1.`, `（一）`, …): a direction where something says it is one, else an item. */
/**
 * A heading over a range whose own numbers follow it (`1.7—1.10 方向要点一览`, then a table's rows
 * `| 1.7 | …`): the title of what lists them, no direction; its text stays where it stands.
 */
const rangeTitle: Rule = (b, k, p, m) => {
  if (m?.rangeTo === undefined) return false;
  const to = m.rangeTo;
  if (!b.markers.slice(k + 1, k + 40).some((n) => n !== null && n.type === m.type && n.value >= m.value && n.value <= to && n.rangeTo === undefined)) return false;
  b.text(p);
  return true;
};

const directionHeadings: Rule = (b, k, p, m) => {
  if (!m || m.type !== b.directionType) return false;
  const inDirection = b.currentDirection();
  const openList = b.stack.some((s) => s.kind === 'item' && s.marker?.type === m.type);
  const seen = new Set(inDirection?.children.flatMap((c) => (c.kind === 'field' && c.role ? [c.role] : [])) ?? []);
  const ahead = b.rolesAhead(k);
  const repeats = [...ahead].some((r) => seen.has(r));
  const next = b.lastDirection === null ? 1 : b.lastDirection + 1;
  // Outside a direction, a title opens one where something says it is one: fields below it, a
  // partner in its title, the part the directions stand in, or no direction yet. `四、联系方式`
  // / `1．科技部国际合作司` after the directions is a list of the closing text.
  // (No direction yet counts for nothing inside a part of the call's conditions, `一、申请条件` /
  // `（一）外国青年科学家` / `1．具有…国籍`: its headings are whom the conditions are for.)
  const part = b.stack.findLast((s) => s.kind === 'part');
  const conditions = part?.heading != null && RE_CLOSING_HEADING.test(part.heading.text.text.slice(part.marker?.length ?? 0).trim());
  const outside = !inDirection && ((b.directions.length === 0 && !conditions) || ahead.size > 0 || b.lastDirectionParent === b.top() || findPartners(p.text.text.slice(m.length)).length > 0);
  if (isTitleLike(p, m) && (outside || repeats || (!openList && (m.value === next || (m.value === 1 && ahead.size > 0)) && (inDirection || m.value > 1)))) b.openDirection(m, p);
  else b.openItem(m, p);
  return true;
};

/** A field label: a field of the open direction (or an item of its requirements, or their text). */
const fieldLabel: Rule = (b, _k, p, m) => {
  if (m?.type !== 'field') return false;
  // `（1）拟支持项目数1～2项，…` inside 其他要求: an item that speaks of a figure.
  const item = b.currentField()?.role === 'requirements' ? bareFieldItem(p.text.text) ?? continuedItem(b.currentField()!, p) : null;
  if (item) {
    b.openItem(item, p);
    return true;
  }
  // `【有关说明】` alone on its line, then `拟支持项目数不超过5项，每个项目…`: a figure's label
  // without a colon opening the text of a requirements field that has none yet is that text
  // (as on the label's own line, where `splitRunOn` leaves it whole).
  const req = b.currentField();
  if (req?.role === 'requirements' && req.children.length === 0 && req.heading && req.marker && req.heading.text.text.slice(req.marker.length).trim() === '' && !/[：:】\]]$/.test(m.text)) {
    b.popTo((s) => s === req);
    req.children.push({ kind: 'paragraph', paragraph: p });
    return true;
  }
  if (b.currentDirection()) {
    b.popTo('direction');
    // (Under the partner side's heading, `【欧方】` / `预计资助项目数：3个`, a figure is the partner's.)
    const role = sideRole(b, roleOfField(m.key, p.text.text.slice(m.length)));
    // (Its figures only: an annex's 类别 or 备注 column is the annex's own wording.)
    const copied = b.inRowTwin && b.rowCompletes && (!FIGURE_ROLES.has(role) || b.currentDirection()!.children.some((c) => c.kind === 'field' && c.role === role));
    b.open(section('field', p, m, { role: copied ? 'other' : role }));
  } else b.text(p);
  return true;
};

/** A field's role on the side it stands: under the partner side's heading a figure is the partner's (`other`). */
function sideRole(b: Builder, role: FieldRole): FieldRole {
  return b.foreignSide && FIGURE_ROLES.has(role) ? 'other' : role;
}

/** A side's heading inside a direction (`【欧方】`, `【中方】`, `[外方]`): what follows is that side's. */
const RE_SIDE_HEADING = /^[【\[［]\s*([\u4e00-\u9fff]{1,4}方)(?:部分)?\s*[】\]］]$/;
const sideHeading: Rule = (b, _k, p, m) => {
  const side = m && m.type !== 'field' ? null : RE_SIDE_HEADING.exec(p.text.text.trim());
  if (!side || !b.currentDirection()) return false;
  b.foreignSide = !HOME_SIDES.includes(side[1]!);
  b.popTo('direction');
  b.text(p);
  return true;
};

/**
 * A numbered field that goes on with the numbered items of the requirements open (`（一）…` /
 * `（二）…` / `（三）资助强度：直接费用不超过1500万元/项。` / `（四）…`, an NSFC guide's 申请要求): the
 * list's next item, its label part of its text. Null otherwise.
 */
function continuedItem(field: Section, p: Paragraph): Marker | null {
  const m = listMarker(p.text.text);
  const last = field.children.findLast((c): c is Section => c.kind === 'item');
  return m && last?.marker && last.marker.type === m.type && last.marker.value + 1 === m.value ? m : null;
}

/**
 * The directions' count going on in another style (`1.1`…`1.8`, then `（九）…`, `（十）…`, then
 * `方向11：…`, as a text pieced together from several drafts numbers them): a heading whose number is
 * the next direction's ordinal, that reads as a title and owns a direction's fields itself, is that
 * direction, its number as printed its id. (Never `（一）` under 申报要求: its number starts again.)
 */
const continuedCount: Rule = (b, k, p, m) => {
  if (!m || m.type === b.directionType || !CONTINUING.has(m.type) || b.directions.length < 2 || m.value !== b.directions.length + 1) return false;
  if (!isTitleLike(p, m) || !ownsFieldsDirectly(b.paragraphs, b.markers, k, true)) return false;
  b.lastDirection = null;
  b.addDirection(p, m, idOf(m));
  return true;
};
const CONTINUING: ReadonlySet<MarkerType> = new Set(['paren-cjk', 'cjk-comma', 'direction-word', 'paren-arabic', 'arabic-comma']);

/** `一、` and `（一）` outside the direction numbering: parts (or parts within a part), else items. */
const partHeadings: Rule = (b, k, p, m) => {
  if (m?.type === 'cjk-comma') {
    if (!b.currentDirection()) {
      b.openPart(m, p);
      return true;
    }
    const listOpen = b.stack.some((s) => s.kind === 'item' && s.marker?.type === 'cjk-comma');
    // (A heading the document marks as one, `<h2>三、申报资格要求</h2>`, is a part whatever list is open.)
    if (p.heading !== undefined || (!listOpen && (m.value === b.lastPart + 1 || m.value === b.outerPartNext()) && (b.headsDirections(k) || m.value !== 1))) b.openPart(m, p);
    else b.openItem(m, p);
    return true;
  }
  if (m?.type !== 'paren-cjk') return false;
  // The part after the open `（一）` part (`（二）内地与澳门科技合作` over text, not headings):
  // a part too, whatever follows it.
  const sibling = b.stack.some((s) => s.kind === 'part' && s.marker?.type === 'paren-cjk' && s.marker.value === m.value - 1);
  if (b.headsDirections(k) || (sibling && isTitleLike(p, m))) b.openPartOf(m, p);
  else b.openItem(m, p);
  return true;
};

/**
 * A direction's sub-tasks (`任务1：低铱高性能膜电极…`, each with its own 研究内容 and 考核指标, one
 * count and budget for all): items of the direction itself, never of the field open above them.
 */
const subTasks: Rule = (b, _k, p, m) => {
  if (m?.type !== 'direction-word' || b.directionType === 'direction-word' || !b.currentDirection() || !/^(?:子)?任务/.test(m.text)) return false;
  b.popTo('direction');
  b.openItem(m, p);
  return true;
};

/** Any other numbered line: a direction or group of mixed depth, a group over directions, else an item. */
const otherHeadings: Rule = (b, k, p, m) => {
  if (!m) return false;
  // Mixed depths: `1.` directions beside `3.1` / `3.2` (`isShallowDirection`).
  if (b.directionType === 'decimal' && m.type === 'arabic-dot' && isShallowDirection(b.paragraphs, b.markers, k, b.stack)) {
    b.addDirection(p, m, String(m.value));
    // The `1.1` numbering goes on after it at `5.1` (not `2.4`): it stands for the whole of its number.
    b.lastDirection = m.value * 100;
    return true;
  }
  if (headsGroup(b, k, p, m)) {
    b.popTo(
      b.directionType === 'decimal'
        ? (s) => s.kind === 'part' || s.kind === 'root'
        : (s) => s.kind === 'part' || s.kind === 'root' || (s.kind === 'group' && s.marker?.type !== m.type),
    );
    b.open(section('group', p, m));
    return true;
  }
  b.openItem(m, p);
  return true;
};

/**
 * `2. 应用软件` between direction 1.x and direction 2.1 heads a group of directions (as in the key
 * R&D programme's guidelines): a short title, numbered as the next directions' major. And `2.
 * 亚太区域合作机制` over `（1）亚太经合组织…` directions: a title whose next heading is a direction,
 * with no field between, heads a group of them (three levels: 一、 / 1. / （1）); `一、` directions
 * stand at the top, no `5.` heads them.
 */
function headsGroup(b: Builder, k: number, p: Paragraph, m: Marker): boolean {
  if (b.directionType === 'decimal') {
    // (After a table of the directions, the text that goes through them again starts its groups at 1.)
    const afterRows = p.table === undefined && b.directions[b.directions.length - 1]?.heading?.table === 'row';
    return m.type === 'arabic-dot' && b.nextMajor(k) === m.value && !/[。；，]/.test(p.text.text) && p.text.text.length <= 40 && (b.lastDirection === null || afterRows || Math.floor(b.lastDirection / 100) < m.value);
  }
  return b.directionType !== m.type && b.directionType !== 'cjk-comma' && (m.type === 'arabic-dot' || m.type === 'arabic-comma') && isTitleLike(p, m) && b.headsDirectionsNext(k);
}

/** The rules, in the order they are tried. */
/**
 * The heading of the group or part the text stands in, printed again (a deck's slides each headed
 * by their group, `1. 深海探测与作业装备`, above the direction that goes on): no heading of its own,
 * and no text of the field before it; kept as the group's text.
 */
const repeatedGroupHeading: Rule = (b, _k, p, m) => {
  if (!m || m.type === 'field') return false;
  const squeezed = p.text.text.replace(/\s+/g, '');
  const same = (s: Section): boolean => (s.kind === 'group' || s.kind === 'part') && s.marker?.key === m.key && s.heading?.text.text.replace(/\s+/g, '') === squeezed;
  const open = b.stack.find(same);
  if (open) {
    b.popTo((s) => s === open);
    open.children.push({ kind: 'paragraph', paragraph: p });
    return true;
  }
  // (Or of one the text left for a table of its directions, `1. 深海探测与作业装备` as a caption row.)
  if (!b.currentDirection()) return false;
  const earlier = b.headedBy.get(m.key)?.find(same);
  if (!earlier) return false;
  b.popToContainer();
  earlier.children.push({ kind: 'paragraph', paragraph: p });
  return true;
};

export const RULES: readonly Rule[] = [
  rowsEnd,
  revisionNotes,
  sideHeading,
  boundaries,
  attachmentList,
  tableRow,
  guideHeadings,
  cellNumber,
  bareTitle,
  closingHeading,
  closingForPart,
  unmarked,
  rangeTitle,
  repeatedGroupHeading,
  decimalHeadings,
  evidenceHeadings,
  directionHeadings,
  fieldLabel,
  continuedCount,
  partHeadings,
  subTasks,
  otherHeadings,
];
