/**
 * The `segment` stage: builds the section tree from numbered headings, with a stack of open
 * sections (as remark-lint's heading-increment does).
 *
 * - Parts `一、二、…` outside guideline directions.
 * - Guideline directions `1.1 … 1.9, 2.0, 2.1 …` (a `decimal` marker): printed id kept, ordinal
 *   counted. Numbering that runs `1.9 → 2.0` is reported as a roll-over, gaps and duplicates as
 *   problems, each at the heading.
 * - Fields of a direction (`合作协议：`, `领域方向：`, …): a field label closes every list opened
 *   in the field before it.
 * - List levels inside a field or part: `（1）`, `（一）`, `1.`, `1、`, `①`, and `一、` inside a
 *   direction. A marker type already open continues that level; a new type opens a level below
 *   the current one. Inside a direction, `一、` continues an open `一、` list, or starts one at `一`;
 *   otherwise it is the next document part.
 *
 * No text is lost: every paragraph lands in exactly one node, in document order.
 */
import type { Marker, MarkerType } from '../lexicon/markers.js';
import { RE_MEASURE_START } from '../lexicon/numbers.js';
import { bareFieldItem, itemNumberType, matchMarker, printed, RE_ATTACHMENT_LINE, RE_CALL_PLAN, RE_COMPARISON_NOTE, RE_TITLE_CATEGORY } from '../lexicon/markers.js';
import { ADMIN_LABEL_WORDS, FIGURE_ROLES, labelOnly, labelShapeAt, roleOfHeading, roleOfLabel, labelsOf, RE_RUN_ON_BARE, roleOf, runOnLabelStarts, type FieldRole } from '../lexicon/fields.js';
import { mappedJoin, mappedSlice, mappedTrim } from '../mapped.js';
import type { Paragraph } from '../reflow/index.js';
import { findPartners } from '../lexicon/partners.js';
import { RE_TOTAL_TEXT } from '../lexicon/columns.js';

/** `group`: a numbered group of directions (`1. 基础软件` before `1.1`, `1.2`, …). */
export type SectionKind = 'root' | 'part' | 'group' | 'direction' | 'field' | 'item';

export interface Section {
  readonly kind: SectionKind;
  /** The paragraph that carries the heading or marker (null for the root). */
  readonly heading: Paragraph | null;
  readonly marker: Marker | null;
  /** For directions: 1-based position among the directions. */
  readonly ordinal: number | null;
  /**
   * For directions: the id, as printed (`1.1`, `3`), or `<part>.<n>` where single-level numbers
   * start again in each part.
   */
  readonly id: string | null;
  /** For fields: what the field holds. */
  readonly role: FieldRole | null;
  readonly children: Node[];
}

export interface ParagraphNode {
  readonly kind: 'paragraph';
  readonly paragraph: Paragraph;
}

export type Node = Section | ParagraphNode;

export interface StructureProblem {
  readonly code: 'numbering-gap' | 'numbering-duplicate' | 'numbering-rollover' | 'numbering-start';
  readonly severity: 'warning' | 'info';
  readonly message: string;
  readonly at: Paragraph;
  /** The number printed, and the number expected. */
  readonly stated: string;
  readonly expected: string;
  /** The printed id of the direction this happened in (or the direction itself), if any. */
  readonly directionId: string | null;
}

export interface Segmented {
  readonly root: Section;
  readonly problems: readonly StructureProblem[];
  /** The numbering that marks guideline directions in this document (`decimal` for `1.1`). */
  readonly directionType: MarkerType;
}

function section(kind: SectionKind, heading: Paragraph | null, marker: Marker | null, extra: Partial<Pick<Section, 'ordinal' | 'role' | 'id'>> = {}): Section {
  return { kind, heading, marker, ordinal: extra.ordinal ?? null, id: extra.id ?? null, role: extra.role ?? null, children: [] };
}

export function segment(input: readonly Paragraph[]): Segmented {
  const { paragraphs, markers } = splitRunOn(input);
  topicsAsParts(paragraphs, markers);
  loneDecimalsAsItems(paragraphs, markers);
  const root = section('root', null, null);
  const problems: StructureProblem[] = [];
  /** Open sections, outermost first; `stack[0]` is the root. */
  let stack: Section[] = [root];
  /** Last value of each item type among the children of each open container. */
  const lastValue = new WeakMap<Section, Map<MarkerType, number>>();
  let lastPart = 0;
  /** The last part number of each kind of part marker (`一、` and `第一部分` count apart). */
  const lastPartOf = new Map<MarkerType, number>();
  /**
   * `一、` parts numbered again inside an `一、` part (`二、领域和方向` / `一、内地与香港…` … `三、海峡两岸…`
   * / `三、申报要求`, the levels told apart only by type size or weight): the outer part, the last
   * number of the outer sequence and that of the inner one.
   */
  let nested: { readonly outer: Section; readonly outerLast: number; innerLast: number } | null = null;
  let lastDirection: number | null = null;
  /** The part, group or root the last direction stands in. */
  let lastDirectionParent: Section | null = null;
  /** The index of the paragraph being read. */
  let current = 0;
  /** Whether the table row being read is a total or summary row (its cells are no fields). */
  let summaryRow = false;
  /** Whether the cells being read are those of a row that repeats a direction read before it. */
  let inRowTwin = false;
  let ordinal = 0;
  /** For each direction: the value of the innermost part it stands in (for ids when numbering restarts). */
  const partOf = new Map<Section, number | null>();
  const directions: Section[] = [];
  /** Titles with no number that head directions with none (see there), and the directions under the last. */
  let bareParts = 0;
  let inBarePart = 0;
  /** An attachment (`附件1` alone on its line) has begun after the directions. */
  let inAttachment = false;
  /** A number that stood in a cell of its own above the next unnumbered direction's title. */
  let cellNumber: string | null = null;

  // Table rows are directions by their table; the numbering of the text is decided without them.
  const directionType = directionMarkerType(
    paragraphs,
    markers.map((m, k) => (paragraphs[k]!.table === 'row' || paragraphs[k]!.table === 'cell' ? null : m)),
  );

  const top = (): Section => stack[stack.length - 1]!;
  const open = (s: Section): void => {
    top().children.push(s);
    stack.push(s);
  };
  const popTo = (kind: SectionKind | ((s: Section) => boolean)): void => {
    const pred = typeof kind === 'function' ? kind : (s: Section) => s.kind === kind;
    let i = stack.length - 1;
    while (i > 0 && !pred(stack[i]!)) i--;
    stack = stack.slice(0, i + 1);
  };
  const currentDirection = (): Section | undefined => stack.find((s) => s.kind === 'direction');
  const currentField = (): Section | undefined => stack.find((s) => s.kind === 'field');
  const directionId = (): string | null => currentDirection()?.id ?? null;

  const checkItem = (container: Section, m: Marker, p: Paragraph): void => {
    let values = lastValue.get(container);
    if (!values) lastValue.set(container, (values = new Map()));
    const last = values.get(m.type);
    const expected = last === undefined ? 1 : last + 1;
    // Markdown's lazy numbering (`1.` on every item, shown 1, 2, 3): no repeat.
    const lazy = m.type === 'arabic-dot' && m.value === 1 && last === 1;
    if (m.value !== expected && !lazy) {
      const duplicate = last !== undefined && m.value <= last;
      problems.push({
        code: duplicate ? 'numbering-duplicate' : last === undefined ? 'numbering-start' : 'numbering-gap',
        severity: 'warning',
        message: duplicate
          ? `${m.text} repeats or goes back after ${printed(m.type, last)}`
          : last === undefined
            ? `list starts at ${m.text} instead of ${printed(m.type, 1)}`
            : `${m.text} follows ${printed(m.type, last)}: ${printed(m.type, expected)} is missing`,
        at: p,
        stated: m.text,
        expected: printed(m.type, expected),
        directionId: directionId(),
      });
    }
    values.set(m.type, m.value);
  };

  const openItem = (m: Marker, p: Paragraph): void => {
    // Continue an open level of the same type (closing everything inside it), else open a new level.
    const container = top();
    let level = -1;
    for (let i = stack.length - 1; i > 0; i--) {
      const s = stack[i]!;
      if (s.kind !== 'item') break;
      if (s.marker?.type === m.type) {
        level = i;
        break;
      }
    }
    if (level > 0) stack = stack.slice(0, level);
    const parent = level > 0 ? top() : container;
    // `考核指标：（1）…` with `（2）` on the next line: the list started on the field's own line.
    if (level < 0 && parent.kind === 'field' && parent.marker && !lastValue.get(parent)?.has(m.type)) {
      const own = matchMarker(parent.heading!.text.text.slice(parent.marker.length));
      if (own?.type === m.type) lastValue.set(parent, new Map([[m.type, own.value]]));
    }
    // `附件：1．形式审查条件要求` then `2．中外合作协议书模板`: a list started after a label on the
    // line before, whatever came before it in the container.
    const before = paragraphs[current - 1]?.text.text ?? '';
    const colon = Math.max(before.indexOf('：'), before.indexOf(':'));
    const inline = m.value > 1 && colon > 0 ? matchMarker(before.slice(colon + 1).trim()) : null;
    if (inline && inline.type === m.type && inline.value === m.value - 1) {
      let values = lastValue.get(parent);
      if (!values) lastValue.set(parent, (values = new Map()));
      values.set(m.type, m.value - 1);
    }
    checkItem(parent, m, p);
    open(section('item', p, m));
  };

  /** Paragraphs read as items of a notice's list of attachments (`continuesAttachmentList`). */
  const attachmentItems = new Set<number>();
  /** Paragraph `k` (marker `m`) is the next item of a list of attachments begun on a `附件：1.…` line, or an item of one. */
  const continuesAttachmentList = (k: number, m: Marker): boolean => {
    const prev = markers[k - 1];
    if (attachmentItems.has(k - 1)) return prev?.type === m.type && prev.value === m.value - 1;
    const before = paragraphs[k - 1]?.text.text ?? '';
    const label = /^(?:相关)?(?:附件|附表|附)\s*[：:]\s*/.exec(before);
    if (!label) return false;
    // (`1.2026年度…榜单` reads as no marker at all: a number, then a year.)
    const rest = before.slice(label[0].length);
    const first = matchMarker(rest) ?? (/^1[.．、]/.test(rest) ? { type: m.type, value: 1 } : null);
    return first !== null && first.type === m.type && first.value === m.value - 1;
  };

  /** The major number of the next direction heading after paragraph `k`, or null. */
  const nextMajor = (k: number): number | null => {
    for (let i = k + 1; i < markers.length; i++) {
      const m = markers[i];
      if (m?.type === 'decimal') return Math.floor(m.value / 100);
    }
    return null;
  };

  /** Field roles of paragraphs after `k` up to the next marker of `k`'s type (or of a part). */
  const rolesAhead = (k: number): Set<FieldRole> => {
    const type = markers[k]!.type;
    const roles = new Set<FieldRole>();
    for (let i = k + 1; i < markers.length; i++) {
      const m = markers[i];
      if (m?.type === type) break;
      if (m?.type === 'field') roles.add(roleOf(m.key));
    }
    return roles;
  };

  /** The first marker after paragraph `k` is a field label: `k` heads fields of its own. */
  const fieldsNext = (k: number): boolean => {
    for (let i = k + 1; i < markers.length; i++) if (markers[i]) return markers[i]!.type === 'field';
    return false;
  };

  /** A part heading (`（二）内地与澳门`, `二、双边合作`) is followed by a direction before any field. */
  const headsDirections = (k: number): boolean => {
    if (!isTitleLike(paragraphs[k]!, markers[k]!)) return false;
    for (let i = k + 1; i < markers.length; i++) {
      const m = markers[i];
      if (!m) continue;
      // Figures stated once for the group (`支持强度：每项不超过100万元。实施期限：2年。`) stand
      // between its heading and its directions.
      if (m.type === 'field') {
        if (FIGURE_ROLES.has(roleOf(m.key))) continue;
        return false;
      }
      if (m.type === directionType && isTitleLike(paragraphs[i]!, m)) return true;
      if (m.type === markers[k]!.type) return false;
    }
    return false;
  };

  /** Opens a direction at `p`, numbered `id` (its numbering checked by the caller, where it is). */
  const addDirection = (p: Paragraph, m: Marker, id: string): void => {
    // A `一、` direction stands beside the `一、` parts, never in one (only in a `第一部分`).
    if (m.type === 'cjk-comma') popTo((s) => s.kind === 'root' || (s.kind === 'part' && s.marker?.type === 'part-word'));
    else popTo((s) => s.kind === 'group' || s.kind === 'part' || s.kind === 'root');
    lastDirectionParent = top();
    ordinal++;
    // Numbering that starts again is told apart by the innermost numbered group or part above it.
    const part = [...stack].reverse().find((s) => s.kind === 'part' || (s.kind === 'group' && s.marker !== null && directionType !== 'decimal' && directionType !== 'decimal3'));
    const d = section('direction', p, m, { ordinal, id });
    partOf.set(d, part?.marker?.value ?? null);
    directions.push(d);
    open(d);
  };

  const openDirection = (m: Marker, p: Paragraph): void => {
    // A direction a table of directions already gave (a summary table, then each direction in
    // detail under its number and title): the same direction, its fields read on into it.
    const twin = twinOf(m, p.text.text.slice(m.length), directions, (d) => d.heading?.table === 'row');
    if (twin) {
      popTo((s) => s.kind === 'group' || s.kind === 'part' || s.kind === 'root');
      stack.push(twin);
      return;
    }
    // A direction listed again after the directions (an annex's table as plain lines, `1.1 多物理场…方法
    // 基础研究类 1~2 0.15`): its number and its whole title again, with more after them. A line of
    // the annex, no direction of its own.
    const rest = bareTitle(p.text.text.slice(m.length));
    const again = (m.type === 'decimal' || m.type === 'decimal3') && directions.find((d) => {
      const title = d.marker !== null && d.heading !== null && d.heading.table !== 'row' ? bareTitle(d.heading.text.text.slice(d.marker.length)) : '';
      return title.length >= 6 && (rest.length > title.length || inAttachment) && idOf(d.marker!) === idOf(m) && (d !== directions[directions.length - 1] || inAttachment) && rest.startsWith(title);
    });
    if (again) {
      popTo('root');
      top().children.push({ kind: 'paragraph', paragraph: p });
      return;
    }
    // The heading printed again where a direction goes on past a page or slide (`2.1 8英寸…（续）`):
    // the same direction, read on. The repeated heading stays as its text (reported, not a field).
    const last = directions[directions.length - 1];
    if (last && last.marker?.key === m.key && RE_CONTINUED.test(p.text.text.slice(m.length).trim())) {
      popTo((s) => s.kind === 'group' || s.kind === 'part' || s.kind === 'root');
      stack.push(last);
      last.children.push({ kind: 'paragraph', paragraph: p });
      return;
    }
    if (directionType === 'decimal3') {
      // Mixed depths (`1.1.2`, then `2.1`): only a gap within one `1.1` group is told (`2.1.1`, then
      // `2.1.3`); a change of group or depth is not.
      // (The second half of a direction split in two, `1.1.2B` after `1.1.2A`, has the same number.)
      const split = /[B-F]$/.test(m.key) && m.value === lastDirection;
      if (m.type === 'decimal3' && !split && lastDirection !== null && Math.floor(lastDirection / 100) === Math.floor(m.value / 100) && m.value !== lastDirection + 1) {
        const duplicate = m.value <= lastDirection;
        const expected = `${Math.floor(m.value / 10000)}.${Math.floor(m.value / 100) % 100}.${(lastDirection % 100) + 1}`;
        problems.push({
          code: duplicate ? 'numbering-duplicate' : 'numbering-gap',
          severity: 'warning',
          message: duplicate ? `direction ${m.text} repeats or goes back` : `direction ${m.text} follows ${m.key.replace(/\d+$/, String(lastDirection % 100))}: ${expected} is missing`,
          at: p,
          stated: m.text,
          expected,
          directionId: m.key,
        });
      }
    } else if (directionType === 'decimal') {
      if (lastDirection !== null) checkDirection(lastDirection, m, p, problems);
    } else if (m.type === 'cjk-comma') {
      // `一、` directions share their numbering with the `一、` parts around them (总体目标, 申报要求).
      checkPartNumber(m, p);
    } else {
      // Single-level numbering runs on, or starts again at 1 in each part.
      const restart = m.value === 1 && lastDirection !== null;
      const expected = restart || lastDirection === null ? 1 : lastDirection + 1;
      if (m.value !== expected) {
        const duplicate = lastDirection !== null && m.value <= lastDirection;
        problems.push({
          code: duplicate ? 'numbering-duplicate' : 'numbering-gap',
          severity: 'warning',
          message: duplicate
            ? `direction ${m.text} repeats or goes back after ${printed(m.type, lastDirection!)}`
            : `direction ${m.text} follows ${lastDirection === null ? 'the start' : printed(m.type, lastDirection)}: ${printed(m.type, expected)} is missing`,
          at: p,
          stated: m.text,
          expected: printed(m.type, expected),
          directionId: m.key,
        });
      }
    }
    lastDirection = m.value;
    addDirection(p, m, idOf(m));
  };

  const openPartOf = (m: Marker, p: Paragraph): void => {
    // `（二）内地与澳门` inside `二、领域和方向`: a part within the part.
    popTo((s) => s.kind === 'root' || (s.kind === 'part' && s.marker?.type !== m.type && s.marker?.type === 'cjk-comma'));
    open(section('part', p, m));
  };

  // The 序号 of the rows of one table: each the one before it plus one.
  let lastRow: Marker | null = null;
  const checkRowNumber = (m: Marker, p: Paragraph): void => {
    const last = lastRow;
    lastRow = m;
    if (last === null || last.type !== m.type || m.value === last.value + 1) return;
    // (`1.1`-style rows go on as headings do: `2.1` after `1.9` a new group, `2.0` a roll-over.)
    if (m.type === 'decimal') {
      checkDirection(last.value, m, p, problems);
      return;
    }
    const duplicate = m.value <= last.value;
    problems.push({
      code: duplicate ? 'numbering-duplicate' : 'numbering-gap',
      severity: 'warning',
      message: duplicate
        ? `row ${m.text} repeats or goes back after ${printed(m.type, last.value)}`
        : `row ${m.text} follows ${printed(m.type, last.value)}: ${printed(m.type, last.value + 1)} is missing`,
      at: p,
      stated: m.text,
      expected: printed(m.type, last.value + 1),
      directionId: idOf(m),
    });
  };

  // The guides with no number whose fields are numbered headings: a family only where it repeats
  // (two guides or more); one such title is a call's own heading over its parts.
  const guideTitles = new Set<number>();
  for (let k = 0; k < paragraphs.length; k++) if (guideByHeadingsShape(k)) guideTitles.add(k);
  if (guideTitles.size < 2) guideTitles.clear();

  for (const [k, p] of paragraphs.entries()) {
    current = k;
    const m = markers[k]!;
    if (p.table === undefined) lastRow = null;
    // A draft's notes on its revisions (`第三部分 修改说明`, a table quoting old and new wording):
    // what they quote is no direction and no field, up to the next part.
    const notes = stack.find((s) => s.kind === 'part' && s.heading !== null && RE_REVISION_NOTES.test(s.heading.text.text.slice(s.marker?.length ?? 0).trim()));
    if (notes && !(m && (m.type === 'part-word' || m.type === notes.marker?.type) && isTitleLike(p, m))) {
      popTo((s) => s === notes);
      top().children.push({ kind: 'paragraph', paragraph: p });
      continue;
    }
    // Text after a table (`注：表中经费单位为万元`) belongs to no row of it.
    if (p.table !== 'cell' && k > 0 && paragraphs[k - 1]!.table === 'cell' && (currentDirection()?.heading?.table === 'row' || inRowTwin)) {
      popTo((s) => s.kind === 'group' || s.kind === 'part' || s.kind === 'root');
    }
    if (p.table !== 'cell') inRowTwin = false;
    // `附件1` standing alone starts an attachment (a task list after its notice): parts count again.
    if (!m && RE_ATTACHMENT_LINE.test(p.text.text.trim())) {
      lastPartOf.clear();
      lastPart = 0;
      nested = null;
      // What follows is the attachment's, no direction's (its numbered lists are no 考核指标).
      if (currentDirection()) popTo('root');
      // (An attachment after the directions that lists them again, `附件1 各方向联系人` / `1.1 …` / `联系人：…`,
      // lists the same directions.)
      if (directions.length > 0) inAttachment = true;
    }
    // `附件：1.…任务榜单` then `2.揭榜申报书（模板）` on the next line: the notice's list of attachments
    // goes on, whatever its numbers look like; its items are no directions.
    if (m && m.type !== 'field' && continuesAttachmentList(k, m)) {
      attachmentItems.add(k);
      openItem(m, p);
      continue;
    }
    // The cells of a row that is no direction (below) are text of the part the table stands in.
    if (summaryRow && p.table === 'cell') {
      top().children.push({ kind: 'paragraph', paragraph: p });
      continue;
    }
    summaryRow = false;
    if (p.table === 'row') {
      // A row that repeats a direction read before it, by number and title (`附表` after the
      // directions: `1.1 | 高强高模碳纤维… | 1～2 | 2500`): that direction, its cells read on into it
      // as its fields (the table is where the guideline states its figures).
      const twin = m ? twinOf(m, p.text.text.slice(m.length), directions, (d) => d.heading?.table !== 'row') : undefined;
      if (twin) {
        popTo((s) => s.kind === 'group' || s.kind === 'part' || s.kind === 'root');
        stack.push(twin);
        inRowTwin = true;
        continue;
      }
      // A total row (`合计`), or a row that repeats a direction already read (a summary table after
      // the directions, as a Markdown export or a notice adds one): no direction.
      if (isSummaryRow(p, m, directions)) {
        popTo((s) => s.kind === 'group' || s.kind === 'part' || s.kind === 'root');
        top().children.push({ kind: 'paragraph', paragraph: p });
        summaryRow = true;
        continue;
      }
    }
    if (p.table === 'row' && m) {
      // A row of a table of directions: a direction whatever the numbering around it; numbered
      // headings after the table go on from its last row. Its 序号 runs on from the row above.
      checkRowNumber(m, p);
      addDirection(p, m, idOf(m));
      if (m.type === directionType) lastDirection = m.value;
      continue;
    }
    // (After a direction of that kind, the next title with its fields is the next one: directions
    // marked by bullets, `● 中国和新加坡…` / `○ 合作协议：…`, one after another.)
    const unnumbered = currentDirection()?.marker?.text === '';
    // Guides with no number whose fields are numbered headings (NSFC 重大项目: `“…”重大项目指南` /
    // `一、科学目标` / `二、研究内容` / `三、资助期限和资助经费` / `四、申请要求及注意事项`): a field
    // heading inside such a guide is its field; a bare title over the next guide (`化学科学部`) heads
    // the guides that follow, and closes the one before.
    const headingRole = m && unnumbered && guideTitles.size > 0 ? fieldHeadingRole(p, m) : null;
    if (m && headingRole) {
      popTo('direction');
      open(section('field', p, { type: 'field', text: p.text.text.trim(), length: p.text.text.length, value: 0, key: p.text.text.slice(m.length).trim() }, { role: headingRole }));
      continue;
    }
    // (So does a bare title over `一、申请条件`…: the closing text of such a page, no guide's.)
    const closes = guideTitles.size > 0 && markers[k + 1]?.type === 'cjk-comma' && markers[k + 1]!.value === 1 && fieldHeadingRole(paragraphs[k + 1]!, markers[k + 1]!) === null;
    if (!m && unnumbered && isBareTitle(p) && (guideByHeadingsAt(k + 1) || closes)) {
      popTo('root');
      open(section('part', p, null));
      continue;
    }
    // A row's number in a cell of its own (`1`, then its title, then its fields: a Word table whose
    // 序号 column and direction column come out cell by cell): the next direction's number.
    if (!m && /^\d{1,3}$/.test(p.text.text.trim()) && !markers[k + 1] && paragraphs[k + 1] && isBareTitle(paragraphs[k + 1]!) && directionFieldNext(markers, k + 1)) {
      cellNumber = p.text.text.trim();
      continue;
    }
    if (!m && (!currentDirection() || unnumbered) && isBareTitle(p) && (directionFieldNext(markers, k) || guideByHeadingsAt(k))) {
      const next = paragraphs[k + 1];
      if (!markers[k + 1] && next && isBareTitle(next) && directionFieldNext(markers, k + 1) && !guideByHeadingsAt(k)) {
        // Titles with no number in two levels (Word's numbering lost in a copy, a web page's
        // headings): a title whose next line is a direction's title heads the directions below it.
        popTo((s) => s.kind === 'root' || (s.kind === 'part' && s.marker !== null));
        open(section('part', p, null));
        bareParts++;
        inBarePart = 0;
        continue;
      }
      // A direction with no number (a guideline of one direction): its title, then its fields. Under
      // such titles it is numbered as its place says (`2.3`: the third under the second).
      const n = directions.length + 1;
      const id = cellNumber ?? (bareParts > 0 ? `${bareParts}.${++inBarePart}` : String(n));
      cellNumber = null;
      addDirection(p, { type: 'direction-word', text: '', length: 0, value: n, key: id }, id);
      continue;
    }
    // `申报要求` alone on its line after a direction whose own requirements were read (`有关说明`, a
    // key programme's table per direction): the call's closing section, though it is a field's label.
    const here = currentDirection();
    if (m?.type === 'field' && here && m.length >= p.text.text.trim().length && RE_CLOSING_HEADING.test(p.text.text.trim()) && here.children.some((c) => c.kind === 'field' && c.role === 'requirements')) {
      popTo('root');
      open(section('part', p, null));
      continue;
    }
    if (!m && currentDirection() && RE_CLOSING_HEADING.test(p.text.text.trim())) {
      // `申报要求`, `联系方式` standing alone after the directions: the closing text, no direction's.
      popTo('root');
      open(section('part', p, null));
      continue;
    }
    if (!m) {
      const label = currentDirection() ? labelShapeAt(p.text.text) : null;
      const field = currentField();
      const inList = field && (field.role === 'domains' || field.role === 'content' || field.role === 'indicators');
      if (label && (!inList || ADMIN_LABEL_WORDS.test(label.label))) {
        // An unknown label starts a field of its own: its text is kept and reported, never merged
        // into the field before it.
        popTo('direction');
        const marker: Marker = { type: 'field', text: p.text.text.slice(0, label.length).trim(), length: label.length, value: 0, key: label.label };
        // A spelling no row names takes the role its ending says (`拟安排国拨经费：` → funding).
        open(section('field', p, marker, { role: roleOfLabel(label.label) }));
      } else {
        // A figure written as a sentence (`国拨经费总额不超过2000万元，单个项目不超过500万元。`, a
        // label without its colon) is a field of one paragraph: the next paragraph is the direction's.
        if (field && isSentenceField(field)) popTo('direction');
        // A draft's comparison note (`（与2024年度相比：…）`) is no field's text: the direction's, reported.
        if (field && RE_COMPARISON_NOTE.test(p.text.text.trim())) popTo('direction');
        // A title between two lists, the second starting again at 1 (`（3）…` / `申报人应具备的资格条件` /
        // `（1）…`: a heading whose number a copy lost): it heads the next list, no item's text.
        const restarts = markers[k + 1];
        const item = top();
        if (item.kind === 'item' && restarts && restarts.value === 1 && restarts.type === item.marker?.type && isBareTitle(p)) {
          stack.pop();
          lastValue.get(top())?.delete(restarts.type);
        }
        top().children.push({ kind: 'paragraph', paragraph: p });
      }
      continue;
    }
    if (m.type === directionType && directionType === 'decimal') {
      openDirection(m, p);
      continue;
    }
    if (directionType === 'decimal3' && (m.type === 'decimal3' || m.type === 'decimal' || (m.type === 'arabic-dot' && isTitleLike(p, m)))) {
      // `1. 大类` and `1.1 国别` are groups of `1.1.1` directions, unless a `1.1` has fields of its
      // own (a document may mix the two depths).
      if (m.type === 'decimal3' || (m.type === 'decimal' && fieldsNext(k))) {
        openDirection(m, p);
      } else {
        popTo((s) => s.kind === 'part' || s.kind === 'root' || (m.type === 'decimal' && s.kind === 'group' && s.marker?.type === 'arabic-dot'));
        open(section('group', p, m));
      }
      continue;
    }
    if (m.type === directionType && EVIDENCE_TYPES.has(m.type)) {
      // `一、中国和罗马尼亚…` with its fields below is a direction; `五、申报要求` is a part.
      if (isTitleLike(p, m) && ownsFieldsDirectly(paragraphs, markers, k)) openDirection(m, p);
      else if (m.type === 'cjk-comma' && currentDirection() && stack.some((s) => s.kind === 'item' && s.marker?.type === m.type)) openItem(m, p);
      else openPart(m, p);
      continue;
    }
    if (m.type === 'part-word' || m.type === 'roman') {
      openPart(m, p);
      continue;
    }
    if (m.type === directionType) {
      const inDirection = currentDirection();
      const openList = stack.some((s) => s.kind === 'item' && s.marker?.type === m.type);
      const seen = new Set(inDirection?.children.flatMap((c) => (c.kind === 'field' && c.role ? [c.role] : [])) ?? []);
      const ahead = rolesAhead(k);
      const repeats = [...ahead].some((r) => seen.has(r));
      const next = lastDirection === null ? 1 : lastDirection + 1;
      // Outside a direction, a title opens one where something says it is one: fields below it, a
      // partner in its title, the part the directions stand in, or no direction yet. `四、联系方式`
      // / `1．科技部国际合作司` after the directions is a list of the closing text.
      const outside =
        !inDirection &&
        (directions.length === 0 ||
          ahead.size > 0 ||
          lastDirectionParent === top() ||
          findPartners(p.text.text.slice(m.length)).length > 0);
      if (isTitleLike(p, m) && (outside || repeats || (!openList && (m.value === next || (m.value === 1 && ahead.size > 0)) && (inDirection || m.value > 1)))) {
        openDirection(m, p);
        continue;
      }
      openItem(m, p);
      continue;
    }
    switch (m.type) {
      case 'field': {
        // `（1）拟支持项目数1～2项，…` inside 其他要求: an item that speaks of a figure.
        const item = currentField()?.role === 'requirements' ? bareFieldItem(p.text.text) : null;
        if (item) {
          openItem(item, p);
          break;
        }
        // `【有关说明】` alone on its line, then `拟支持项目数不超过5项，每个项目…`: a figure's label
        // without a colon opening the text of a requirements field that has none yet is that text
        // (as on the label's own line, where `splitRunOn` leaves it whole).
        const req = currentField();
        if (req?.role === 'requirements' && req.children.length === 0 && req.heading && req.marker && req.heading.text.text.slice(req.marker.length).trim() === '' && !/[：:】\]]$/.test(m.text)) {
          popTo((s) => s === req);
          req.children.push({ kind: 'paragraph', paragraph: p });
          break;
        }
        if (currentDirection()) {
          popTo('direction');
          open(section('field', p, m, { role: roleOf(m.key) }));
        } else {
          top().children.push({ kind: 'paragraph', paragraph: p });
        }
        break;
      }
      case 'cjk-comma': {
        if (!currentDirection()) {
          openPart(m, p);
          break;
        }
        const listOpen = stack.some((s) => s.kind === 'item' && s.marker?.type === 'cjk-comma');
        if (!listOpen && (m.value === lastPart + 1 || m.value === outerPartNext()) && (headsDirections(k) || m.value !== 1)) openPart(m, p);
        else openItem(m, p);
        break;
      }
      case 'paren-cjk': {
        // The part after the open `（一）` part (`（二）内地与澳门科技合作` over text, not headings):
        // a part too, whatever follows it.
        const sibling = stack.some((s) => s.kind === 'part' && s.marker?.type === 'paren-cjk' && s.marker.value === m.value - 1);
        if (headsDirections(k) || (sibling && isTitleLike(p, m))) {
          openPartOf(m, p);
          break;
        }
        openItem(m, p);
        break;
      }
      default:
        // Mixed depths: `1.` directions beside `3.1` / `3.2` (`isShallowDirection`).
        if (directionType === 'decimal' && m.type === 'arabic-dot' && isShallowDirection(paragraphs, markers, k, stack)) {
          addDirection(p, m, String(m.value));
          // The `1.1` numbering goes on after it at `5.1` (not `2.4`): it stands for the whole of its number.
          lastDirection = m.value * 100;
          break;
        }
        // `2. 应用软件` between direction 1.x and direction 2.1 heads a group of directions (as in
        // the key R&D programme's guidelines): a short title, numbered as the next directions' major.
        if (
          directionType === 'decimal' &&
          m.type === 'arabic-dot' &&
          nextMajor(k) === m.value &&
          !/[。；，]/.test(p.text.text) &&
          p.text.text.length <= 40 &&
          (lastDirection === null || Math.floor(lastDirection / 100) < m.value)
        ) {
          popTo((s) => s.kind === 'part' || s.kind === 'root');
          open(section('group', p, m));
          break;
        }
        // `2. 亚太区域合作机制` over `（1）亚太经合组织…` directions: a title whose next heading is a
        // direction, with no field between, heads a group of them (three levels: 一、 / 1. / （1）).
        if (
          directionType !== 'decimal' &&
          directionType !== m.type &&
          // `一、` directions stand at the top: no `5.` heads them.
          directionType !== 'cjk-comma' &&
          (m.type === 'arabic-dot' || m.type === 'arabic-comma') &&
          isTitleLike(p, m) &&
          headsDirectionsNext(k)
        ) {
          popTo((s) => s.kind === 'part' || s.kind === 'root' || (s.kind === 'group' && s.marker?.type !== m.type));
          open(section('group', p, m));
          break;
        }
        openItem(m, p);
    }
  }

  /** The next marker after `k` heads a direction (of the document's direction numbering), before any field. */
  function headsDirectionsNext(k: number): boolean {
    for (let i = k + 1; i < markers.length; i++) {
      const n = markers[i];
      if (!n) continue;
      return n.type === directionType && isTitleLike(paragraphs[i]!, n) && directionFieldNextAfter(i);
    }
    return false;
  }

  /**
   * Paragraph `k` titles a guide with no number whose fields are numbered headings: a bare title,
   * then (past its introduction, no other title between) a numbered field heading with a
   * direction's role.
   */
  function guideByHeadingsAt(k: number): boolean {
    return guideTitles.has(k);
  }

  /** `guideByHeadingsAt` read from the text alone, before the family is known to be there. */
  function guideByHeadingsShape(k: number): boolean {
    const p = paragraphs[k];
    if (!p || markers[k] || !isBareTitle(p)) return false;
    for (let i = k + 1; i < paragraphs.length && i <= k + 6; i++) {
      const m = markers[i];
      if (m) {
        const role = fieldHeadingRole(paragraphs[i]!, m);
        return role !== null && DIRECTION_ROLES.has(role);
      }
      if (isBareTitle(paragraphs[i]!)) return false;
    }
    return false;
  }

  function directionFieldNextAfter(i: number): boolean {
    return directionFieldNext(markers, i);
  }

  function openPart(m: Marker, p: Paragraph): void {
    if (m.type === 'cjk-comma' && openNestedPart(m, p)) return;
    // `第二部分` holds `一、` parts: a word part opens at the root, a `一、` part inside the word part.
    // `Ⅰ．` parts stand inside a `一、` part or a word part, as `一、` parts stand inside a word part.
    popTo(
      m.type === 'part-word'
        ? 'root'
        : m.type === 'roman'
          ? (s) => s.kind === 'root' || (s.kind === 'part' && s.marker?.type !== 'roman')
          : (s) => s.kind === 'root' || (s.kind === 'part' && s.marker?.type === 'part-word'),
    );
    checkPartNumber(m, p);
    open(section('part', p, m));
  }

  /** The number the outer sequence of nested `一、` parts goes on with (0 where none is nested). */
  function outerPartNext(): number {
    return nested ? nested.outerLast + 1 : 0;
  }

  /**
   * Opens `一、` parts numbered again inside the open `一、` part, and closes them where the outer
   * numbering goes on (`三、申报要求` after `二、领域和方向` holding `一、`…`三、`): false where `m`
   * is a part of the outer sequence (or no such nesting applies), for `openPart` to open as any part.
   * An inner sequence starts only with `一、` right under an outer part that holds no direction yet
   * and is no closing section; where both sequences would go on, a closing section's title
   * (`申报要求`, `联系方式`) goes to the outer one.
   */
  function openNestedPart(m: Marker, p: Paragraph): boolean {
    const title = p.text.text.slice(m.length).trim();
    if (nested) {
      const inner = m.value === nested.innerLast + 1;
      const outer = m.value === nested.outerLast + 1;
      if (inner && !(outer && RE_CLOSING_HEADING.test(title))) {
        popTo((s) => s === nested!.outer);
        nested.innerLast = m.value;
        lastPart = m.value;
        open(section('part', p, m));
        return true;
      }
      // The outer sequence goes on (or neither does: numbered against the outer one).
      lastPartOf.set(m.type, nested.outerLast);
      lastPart = nested.outerLast;
      nested = null;
      return false;
    }
    const outerPart = stack[1];
    const last = lastPartOf.get(m.type) ?? 0;
    if (
      m.value !== 1 ||
      last === 0 ||
      outerPart === undefined ||
      outerPart.kind !== 'part' ||
      outerPart.marker?.type !== m.type ||
      outerPart.marker.value !== last ||
      RE_CLOSING_HEADING.test((outerPart.heading?.text.text.slice(outerPart.marker.length) ?? '').trim()) ||
      containsDirection(outerPart)
    ) {
      return false;
    }
    nested = { outer: outerPart, outerLast: last, innerLast: 1 };
    popTo((s) => s === outerPart);
    lastPart = 1;
    open(section('part', p, m));
    return true;
  }

  function checkPartNumber(m: Marker, p: Paragraph): void {
    const last = lastPartOf.get(m.type) ?? 0;
    if (m.value !== last + 1) {
      problems.push({
        code: m.value <= last ? 'numbering-duplicate' : 'numbering-gap',
        severity: 'warning',
        message: `part ${m.text} follows ${last === 0 ? 'the start' : printed(m.type, last)}; expected ${printed(m.type, last + 1)}`,
        at: p,
        stated: m.text,
        expected: printed(m.type, last + 1),
        directionId: null,
      });
    }
    lastPartOf.set(m.type, m.value);
    if (m.type === 'cjk-comma') lastPart = m.value;
  }

  // No direction carries fields: the items of a part that lists directions (`三、重点资助研究方向`,
  // NSFC and MIIT guides) are the directions. The call's plan (`二、资助计划` with `拟资助项目数：…`
  // / `资助强度：…`) is no direction where such a part lists them: it states the call's figures.
  if (directions.length > 0 && directions.every(isCallPlan)) {
    const listed: Section[] = [];
    directionsFromItems(root, listed);
    if (listed.length > 0) {
      for (const d of directions) Object.assign(d, { kind: 'part', id: null, ordinal: undefined });
      directions.splice(0, directions.length, ...listed);
    } else if (directions.length === 1) {
      // No direction listed (the areas are bare names of fields): the call is its one direction,
      // read from its plan, as a guideline of one unnumbered direction is.
      Object.assign(directions[0]!, { id: '1' });
    }
  }
  if (directions.length === 0) directionsFromItems(root, directions);

  // An overview of the directions before their details (`二、指南方向概览` / `1.内地与香港…` … then
  // `三、指南方向具体要求` / `1.内地与香港…` with its fields): an entry with no field of its own, whose
  // number and title a later direction with fields repeats, is the overview's line, no direction.
  const titled = (d: Section): string => (d.heading && d.marker ? bareTitle(d.heading.text.text.slice(d.marker.length)) : '');
  const hasFields = (d: Section): boolean => d.children.some((c) => c.kind === 'field' || (c.kind !== 'paragraph' && c.children.some((g) => g.kind === 'field')));
  const overview = directions.filter(
    (d, k) => !hasFields(d) && titled(d) !== '' && directions.slice(k + 1).some((e) => hasFields(e) && e.marker?.value === d.marker?.value && e.marker?.type === d.marker?.type && titled(e) === titled(d)),
  );
  if (overview.length > 0) {
    // The details' numbers go on from the overview's: no numbering problem between the two lists.
    const detailed = new Set(directions.filter((e) => hasFields(e) && overview.some((d) => e.marker?.value === d.marker?.value && titled(e) === titled(d))).map((e) => e.heading));
    problems.splice(0, problems.length, ...problems.filter((q) => !(q.code.startsWith('numbering') && detailed.has(q.at))));
    for (const d of overview) Object.assign(d, { kind: 'part', id: null, ordinal: undefined });
    directions.splice(0, directions.length, ...directions.filter((d) => !overview.includes(d)));
  }

  // Directions whose figures are all in a table after the text (`附件：指南方向及支持经费一览表`), the
  // text before it listing each by its number and title with a sentence (`1. 与德国研究联合会…` /
  // `依据《…》，资助…`): that entry's text is the row's direction's too.
  describedBefore(root, directions);

  // Single-level numbers that start again in each part are not ids: `3.` of the second part is `2.3`.
  // (A `1.1`-style id names its group already: printed twice, it is a duplicate, not a restart.)
  // Only where a number comes again in another part: a number printed twice in one part (`5.`,
  // `5.`) is a duplicate, reported as such, and changes no id.
  const partsOfKey = new Map<string | null, Set<number | null | undefined>>();
  for (const d of directions) {
    const parts = partsOfKey.get(d.id) ?? new Set();
    parts.add(partOf.get(d));
    partsOfKey.set(d.id, parts);
  }
  // (Only where a later part starts again at 1: numbers that run on across the parts, `1`…`5` then
  // `5`…`9`, are ids as printed, the `5` twice a duplicate.)
  const firstOfPart = new Map<number | null | undefined, Section>();
  for (const d of directions) if (!firstOfPart.has(partOf.get(d))) firstOfPart.set(partOf.get(d), d);
  const restarts = [...firstOfPart.values()].slice(1).some((d) => d.marker?.value === 1);
  if (restarts && [...partsOfKey.values()].some((parts) => parts.size > 1)) {
    for (const d of directions) {
      if (d.marker!.type === 'decimal' || d.marker!.type === 'decimal3') continue;
      const part = partOf.get(d);
      // `（一）` and `一、` count in digits, as their own ids do.
      const n = idOf(d.marker!);
      if (part !== null && part !== undefined) (d as { id: string | null }).id = `${part}.${n}`;
    }
  }

  return { root, problems, directionType };
}

/** A part that lists the call's directions: `重点资助研究方向`, `资助研究方向`, `揭榜任务`, `任务清单`. */
const RE_DIRECTIONS_PART = /(?:资助|研究|指南|支持|申报|项目)方向|揭榜任务|任务清单|榜单|(?:研究|资助|征集|合作|支持)领域$/;
/** A part that lists areas (`一、资助领域`): its items are directions only where they are described, not bare names of fields. */
const RE_AREAS_PART = /领域$/;

/** A direction that is the call's plan section (`二、资助计划` holding 拟资助项目数 / 资助强度 / 资助期限). */
function isCallPlan(d: Section): boolean {
  return d.heading !== null && d.marker !== null && RE_CALL_PLAN.test(d.heading.text.text.slice(d.marker.length).trim());
}

/** A heading item: the title, short, at most a closing `。`. */
function isItemTitle(n: Section): boolean {
  const t = n.heading!.text.text.slice(n.marker!.length).replace(/[。；]$/, '');
  return t.length >= 4 && t.length <= 60 && !/[。；;：:]/.test(t);
}

/**
 * Items of a directions part become directions: the deepest title-like items (`1. 超高温环境下…`
 * under `（一）培育项目。`), their parent items groups (a category: 培育项目); ids `<group>.<n>`, or
 * the item's number. Changes the tree in place (the tree is still being built).
 */
function directionsFromItems(root: Section, directions: Section[]): void {
  const parts: Section[] = [];
  /** Lists in an item of a part (`一、合作研究项目` / `（一）合作领域` / `1.`…): the part each stands in. */
  const within = new Map<Section, number>();
  const find = (n: Section, part: number | null): void => {
    for (const c of n.children) {
      if (c.kind === 'paragraph') continue;
      const title = c.heading && c.marker ? c.heading.text.text.slice(c.marker.length).trim() : (c.heading?.text.text ?? '');
      if (c.kind === 'part' && RE_DIRECTIONS_PART.test(c.heading?.text.text ?? '')) parts.push(c);
      else if (c.kind === 'item' && part !== null && RE_DIRECTIONS_PART.test(title) && c.children.some((x) => x.kind === 'item')) {
        parts.push(c);
        within.set(c, part);
      } else find(c, c.kind === 'part' && c.marker ? c.marker.value : part);
    }
  };
  find(root, null);
  let ordinal = 0;
  const convert = (container: Section, prefix: string | null): void => {
    const children = container.children as Node[];
    children.forEach((c, k) => {
      if (c.kind !== 'item' || !c.heading || !c.marker || !isItemTitle(c)) return;
      const inner = c.children.filter((x): x is Section => x.kind === 'item' && isItemTitle(x));
      if (inner.length > 0 && prefix === null) {
        // `（一）培育项目。` over `1.`–`5.`: a group of directions.
        const group: Section = { ...c, kind: 'group' };
        children[k] = group;
        convert(group, String(c.marker.value));
        return;
      }
      ordinal++;
      // A labelled paragraph under the item (`申请要求：本领域申请须附…`) is a field of the direction.
      const body: Node[] = c.children.map((x) => {
        if (x.kind !== 'paragraph') return x;
        const label = matchMarker(x.paragraph.text.text);
        return label?.type === 'field' ? { ...section('field', x.paragraph, label, { role: roleOf(label.key) }) } : x;
      });
      const d: Section = { ...c, children: body, kind: 'direction', ordinal, id: prefix === null ? String(c.marker.value) : `${prefix}.${c.marker.value}` };
      children[k] = d;
      directions.push(d);
    });
  };
  // Areas (`一、资助领域`) are directions where most are described below their name; bare names of
  // fields (`1. 地球科学（气候变化与冰冻圈科学）`) are the domains of one call.
  const described = (part: Section): boolean => {
    const items = part.children.filter((c): c is Section => (c.kind === 'item' || c.kind === 'group') && c.heading !== null);
    return items.filter((c) => c.children.some((x) => x.kind === 'paragraph' || x.kind === 'field')).length * 2 > items.length;
  };
  // Lists in several parts (合作研究项目 and 合作交流项目, each with its areas): ids within the part.
  const prefixed = new Set(within.values()).size > 1;
  for (const part of parts) if (!RE_AREAS_PART.test(part.heading?.text.text ?? '') || described(part)) convert(part, prefixed && within.has(part) ? String(within.get(part)) : null);
}

/** The role of a numbered heading that is a field's label alone (`二、研究内容`), or null. */
function fieldHeadingRole(p: Paragraph, m: Marker): FieldRole | null {
  if (m.type !== 'cjk-comma' && m.type !== 'paren-cjk') return null;
  return roleOfHeading(p.text.text.slice(m.length));
}

/** An unnumbered line that reads as a title: short, no clause punctuation, no colon. */
function isBareTitle(p: Paragraph): boolean {
  const t = p.text.text;
  // `拟启动8个项目方向`, `其中，…`: a figure of the call, written as a bulleted line, is no title.
  return t.length >= 4 && t.length <= 50 && !/[。；;：:，,！？]/.test(t) && !p.table && !RE_FIGURE_STATEMENT.test(t.trim());
}

/** A heading's mark that it goes on from the page or slide before: `（续）`, `（续上页）`, `（接上页）`. */
const RE_CONTINUED = /[（(](?:续|续上页|续前页|接上页|续表)[)）]$/;

/** The start of a line that states a figure (`拟启动`, `拟安排`, `共计`, `其中`, `每个项目`). */
const RE_FIGURE_STATEMENT = /^(?:拟(?:启动|支持|安排|部署|资助|设立)|共(?:计|设|拟)|其中|合计|总计|每(?:个|项)(?:项目|方向))/;

/**
 * The first marker after paragraph `k` is a field a direction has: `k` may title a direction. At
 * most one paragraph may stand between them (a direction's introduction); a list of bulleted
 * sentences before a call's figures (`• 突破…` / `• 建立…` / `• 支撑…` / `2025年度指南部署…` /
 * `拟安排国拨经费…`) titles none.
 */
function directionFieldNext(markers: readonly (Marker | null)[], k: number): boolean {
  for (let i = k + 1; i < markers.length && i <= k + 2; i++) {
    const m = markers[i];
    // A label with its colon: a figure written as a sentence (`拟安排国拨经费1.2亿元`) is the call's
    // as often as a direction's.
    if (m) return m.type === 'field' && /[：:】\]]$/.test(m.text) && DIRECTION_ROLES.has(roleOf(m.key));
  }
  return false;
}

/** A heading, not a sentence: no clause punctuation, short, and not introducing a list. */
/**
 * A table row that is no direction: a total (`合计`), or a row that repeats a direction already
 * read (a summary table after the directions, as a Markdown export or a notice adds one).
 */
/**
 * For each direction read from a table row, an earlier list entry (an item, not inside a direction)
 * with its number and title: the entry's paragraphs are read into the direction (see the caller).
 */
function describedBefore(root: Section, directions: readonly Section[]): void {
  const rows = directions.filter((d) => d.heading?.table === 'row' && d.marker !== null && d.heading !== null);
  if (rows.length === 0) return;
  const items: Section[] = [];
  const walk = (s: Section): void => {
    for (const c of s.children) {
      if (c.kind === 'paragraph' || c.kind === 'direction' || c.kind === 'field') continue;
      if (c.kind === 'item' && c.marker !== null && c.heading !== null && c.heading.table === undefined) items.push(c);
      walk(c);
    }
  };
  walk(root);
  for (const d of rows) {
    const title = bareTitle(d.heading!.text.text.slice(d.marker!.length));
    const entry = items.find((i) => idOf(i.marker!) === idOf(d.marker!) && title !== '' && abbreviates(title, bareTitle(i.heading!.text.text.slice(i.marker!.length))));
    if (!entry || entry.children.length === 0 || entry.children.some((c) => c.kind !== 'paragraph')) continue;
    d.children.unshift(...entry.children);
    entry.children.splice(0, entry.children.length);
  }
}

/** A title without its white space and a category printed after it (`…机制（基础前沿技术类）`). */
function bareTitle(t: string): string {
  return t.replace(/\s+/g, '').replace(RE_TITLE_CATEGORY, '');
}

/**
 * The direction (of those `which` accepts) a heading repeats: the same number (as `idOf` reads it)
 * and the same title, a category after it aside. A table of directions before their text, or a
 * summary table after it, names each direction twice.
 */
function twinOf(m: Marker, title: string, directions: readonly Section[], which: (d: Section) => boolean): Section | undefined {
  const t = bareTitle(title);
  if (t === '') return undefined;
  return directions.find((d) => which(d) && d.marker !== null && d.heading !== null && idOf(d.marker) === idOf(m) && abbreviates(t, bareTitle(d.heading.text.text.slice(d.marker.length))));
}

/**
 * Whether a summary table's title `short` names the direction titled `full`: the same, or the
 * same words shortened (`金砖国家多边联合研究项目` for `金砖国家科技创新框架计划多边联合研究项目`:
 * its characters in order, four or more, and half the title or more). Asked only with the same number.
 */
function abbreviates(short: string, full: string): boolean {
  if (short === full) return true;
  if (short.length < 4 || short.length * 2 < full.length || short.length > full.length) return false;
  let k = 0;
  for (const c of full) if (c === short[k]) k++;
  return k === short.length;
}

/** A direction's id from its marker: `（三）` and `三、` directions get the number as digits, as `1.1` and `3.` have them. */
function idOf(m: Marker): string {
  return m.type === 'paren-cjk' || m.type === 'cjk-comma' ? String(m.value) : m.key;
}

function isSummaryRow(p: Paragraph, m: Marker | null, directions: readonly Section[]): boolean {
  const title = (m ? p.text.text.slice(m.length) : p.text.text).trim();
  if (RE_TOTAL_TEXT.test(title) || RE_TOTAL_TEXT.test(p.text.text.trim())) return true;
  return title !== '' && directions.some((d) => d.heading !== null && (d.heading.text.text.slice(d.marker!.length).trim() === title || (m !== null && d.marker !== null && idOf(d.marker) === idOf(m) && abbreviates(bareTitle(title), bareTitle(d.heading.text.text.slice(d.marker.length))))));
}

/**
 * Mixed depths (`1. 中国和新加坡联合研发项目` with its own fields beside `3.` split into `3.1`
 * and `3.2`): the single-level heading at `k` is a direction too where its fields follow it at
 * once and its title reads as one (a partner, or 项目 at its end); never an item of a list
 * numbered alike (`stack`: the open sections), nor the first item of a list field (`其他要求：` /
 * `1. …`).
 */
function isShallowDirection(paragraphs: readonly Paragraph[], markers: readonly (Marker | null)[], k: number, stack: readonly Section[]): boolean {
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
function isSentenceField(field: Section): boolean {
  const label = field.marker?.text ?? '';
  const line = field.heading?.text.text.trim() ?? '';
  if (field.children.length > 0 || !/[。；]$/.test(line)) return false;
  // Also a list of domains given whole on the label's line (`合作聚焦以下领域：A；B；C。`).
  return !/[：:】\]]$/.test(label) || (field.role === 'domains' && /[；;、]/.test(line.slice(label.length)) && line.endsWith('。'));
}

/** Fields that hold lists, whose numbered items are never directions. */
const LIST_ROLES: ReadonlySet<FieldRole> = new Set(['domains', 'requirements', 'content', 'indicators']);


/** The title of a part that comments on the draft's revisions: its content quotes, it does not state. */
const RE_REVISION_NOTES = /^(?:修改说明|修订说明|编制说明|起草说明|修改情况说明|主要修改内容|修改对照表|修改内容说明|意见采纳情况(?:说明)?)/;

/** Whether a direction stands anywhere under `s`. */
function containsDirection(s: Section): boolean {
  return s.children.some((c) => c.kind === 'direction' || ((c.kind === 'part' || c.kind === 'group' || c.kind === 'item') && containsDirection(c)));
}

/** The heading of a closing section printed without a number (`申报要求`, `联系方式`, `附：形式审查条件要求`, `【三、更正说明（6月27日发布）】`). */
const RE_CLOSING_HEADING = /^(?:申报要求|申报条件|申报说明|申报方式|申报程序|联系方式|联系人及联系方式|其他事项|注意事项|有关要求|工作要求|组织实施|特别说明|形式审查条件(?:要求)?|【?[^【】。；]{0,60}(?:更正|勘误)(?:说明|通知|公告|启事)(?:[（(][^（）()]{0,16}[）)])?】?|附件|附(?:件\s*[\d一二三四五六七八九十]{0,3})?\s*[：:]\s*[^。；，,]{2,30})$/;

/** The first pieces of paragraphs cut at a run-on label: what ends them parted them from a field. */
const RUN_ON_HEADS = new WeakSet<Paragraph>();

/** A code in brackets after a title: `（指南代码：BZ2025101）`, `（申报代码：H28）`, `[编号:2025-03]`. */
export const RE_TITLE_CODE = /\s*[（(\[【](?:指南|申报|申请|项目|方向)?(?:代码|编号|编码)[：:]?\s*[A-Za-z0-9\-_.、，,]{1,24}[）)\]】]\s*$/;

function isTitleLike(p: Paragraph, m: Marker): boolean {
  // The `；` or `。` that parted a title from the fields on its line (`3. …合作项目；合作协议：…`,
  // `1.内地与香港联合资助项目。合作机制：…`) is no clause of the title.
  const raw = p.text.text.slice(m.length);
  // A code in brackets after the title (`…合作项目（指南代码：BZ2025101）`) is no clause of it.
  const t = (RUN_ON_HEADS.has(p) ? raw.replace(/[；;。]$/, '') : raw).replace(RE_TITLE_CODE, '');
  // `方向1` alone, its name in a field below (`方向名称：…`, a label/value table's first row).
  if (t.trim() === '' && m.type === 'direction-word') return true;
  return t.length > 0 && t.length <= 80 && !/[。；;：:]/.test(t);
}

/** Roles that only a guideline direction has (a closing 申报要求 part has requirements too). */
const DIRECTION_ROLES: ReadonlySet<FieldRole> = new Set(['agreement', 'domains', 'projectCount', 'funding', 'duration', 'content', 'indicators', 'keywords']);
const CANDIDATES: readonly MarkerType[] = ['decimal', 'decimal3', 'arabic-dot', 'arabic-comma', 'paren-cjk', 'paren-arabic', 'cjk-comma', 'direction-word'];
/**
 * Markers that are directions only where the heading itself owns direction fields (its first
 * marker below is a field, with a direction's field before the next heading): `一、` is a document
 * part in most guidelines, and a direction in some (`一、中国和罗马尼亚政府间科技合作项目`).
 */
const EVIDENCE_TYPES: ReadonlySet<MarkerType> = new Set(['cjk-comma', 'direction-word']);

/**
 * Whether the heading at `k` owns direction fields itself: the first marker below it is a field
 * label, and a direction's field comes before the next heading of its type or another heading.
 */
function ownsFieldsDirectly(paragraphs: readonly Paragraph[], markers: readonly (Marker | null)[], k: number): boolean {
  const type = markers[k]!.type;
  let first = true;
  for (let i = k + 1; i < markers.length; i++) {
    const n = markers[i];
    // A title of its own between the heading and the fields (`二、领域和方向` / `中国和葡萄牙…项目` /
    // `合作协议：…`): the fields are that title's.
    if (!n && first && isBareTitle(paragraphs[i]!)) return false;
    if (!n) continue;
    if (n.type === 'field') {
      if (DIRECTION_ROLES.has(roleOf(n.key))) return true;
      first = false;
      continue;
    }
    if (first) return false;
    if (n.type === type || n.type === 'part-word' || n.type === 'roman' || n.type === 'decimal' || n.type === 'decimal3') return false;
    if (isTitleLike(paragraphs[i]!, n) && n.type !== 'paren-arabic' && n.type !== 'circled' && n.type !== 'arabic-paren') return false;
  }
  return false;
}

/**
 * Which numbering marks the guideline directions: the marker type whose title-like headings own
 * direction fields (a field label before the next heading of the type). `1.1` when its headings
 * do; otherwise the type with the largest share of owning headings (`1.` under `（一）` parts),
 * then the most of them. With no evidence at all, `1.1` (and `validate` decides whether the file
 * is a guideline).
 */
function directionMarkerType(paragraphs: readonly Paragraph[], markers: readonly (Marker | null)[]): MarkerType {
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
        if (ownsFieldsDirectly(paragraphs, markers, k)) owning++;
        continue;
      }
      for (let i = k + 1; i < markers.length; i++) {
        const n = markers[i];
        if (n?.type === type) break;
        if (n?.type === 'field' && DIRECTION_ROLES.has(roleOf(n.key))) {
          owning++;
          break;
        }
      }
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

const HEADING_MARKERS: ReadonlySet<MarkerType> = new Set(['decimal', 'decimal3', 'arabic-dot', 'arabic-comma', 'paren-cjk', 'cjk-comma', 'paren-arabic', 'direction-word']);
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

const RE_MARKER_ONLY = /^\s*(?:[（(]\d{1,3}[）)]|\d{1,3}[.．、）)]|[\u2460-\u2473]|[（(][一二三四五六七八九十]{1,3}[）)]|[一二三四五六七八九十]{1,3}、)\s*$/;

/**
 * A topic (`专题一：先进制造与新材料国际合作`) that owns no fields of its own is a part: its numbered
 * directions below count within it (`1.` under `专题二` is 2.1). One that owns them is a direction,
 * as `方向一：` is. In place.
 */
function topicsAsParts(paragraphs: readonly Paragraph[], markers: (Marker | null)[]): void {
  for (let k = 0; k < markers.length; k++) {
    const m = markers[k];
    if (m?.type !== 'direction-word' || !/^(?:专题|板块)/.test(m.text) || ownsFieldsDirectly(paragraphs, markers, k)) continue;
    markers[k] = { ...m, type: 'part-word' };
  }
}

/**
 * `1．8英寸导电型碳化硅单晶衬底` in a list numbered `1．` `2．` `3．`: a title that starts with a
 * measure reads as `1.8`. Where such a `N.M` is followed straight by a unit (`英寸`, `纳米`, `G`), few
 * numbers of its shape stand in the text (two at most) and `N` is the number the `N．` list expects
 * there (the next, or 1 after a heading above it), it is the item `N．` whose title starts with `M`.
 */
function loneDecimalsAsItems(paragraphs: readonly Paragraph[], markers: (Marker | null)[]): void {
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
 * Splits paragraphs where a known field label runs on after another field's text
 * (`拟支持项目数：3个；共拟支持经费：900万元`, `…1200万元左右。其他要求：…`): each label starts a
 * paragraph of its own, as if the document had broken the line there.
 */
function splitRunOn(input: readonly Paragraph[]): { paragraphs: Paragraph[]; markers: (Marker | null)[] } {
  const paragraphs = rejoinTitles(input);
  const out: Paragraph[] = [];
  /** Each output paragraph's marker: read once here, for the paragraphs that stay whole too. */
  const markers: (Marker | null)[] = [];
  /** The paragraphs go on with a requirements field's numbered items (`有关说明：` / `（1）…` / `（2）…`). */
  let inRequirements = false;
  for (const p of paragraphs) {
    const t = p.text.text;
    const marker = matchMarker(t);
    const itemStart = itemNumberType(t) !== null;
    inRequirements = (marker?.type === 'field' && roleOf(marker.key) === 'requirements' && !itemStart) || (inRequirements && itemStart);
    // A figure's label without a colon starts a field only in a field line of its own kind: inside
    // 有关说明/其他要求 (`…，拟支持项目数1项。地方财政经费…`, or its item `（1）拟支持项目数为1~2项，
    // 拟安排国拨经费1500万元。`) it is part of the requirement, and `extract` reads the figure from there.
    const field = marker?.type === 'field' && roleOf(marker.key) !== 'requirements' && !(inRequirements && itemStart);
    // Most paragraphs have no colon after their start, and no label runs on in them.
    const colon = Math.max(t.indexOf('：', 1), t.indexOf(':', 1));
    const titled = titleSentenceEnd(t, marker);
    if (colon < 0 && !field && titled < 0 && !RE_PROSE_DIRECTION_START.test(t)) {
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
    for (const at of runOnLabelStarts(t)) if (at > 0) cuts.push(at);
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
    let from = 0;
    for (const cut of [...cuts, t.length]) {
      const piece = mappedTrim(mappedSlice(p.text, from, cut));
      if (piece.text.length > 0) {
        const cutPiece: Paragraph = p.table ? { text: piece, firstLine: p.firstLine, lastLine: p.lastLine, table: from === 0 ? p.table : p.table === 'row' ? 'cell' : p.table } : { text: piece, firstLine: p.firstLine, lastLine: p.lastLine };
        if (from === 0 && cut < t.length) RUN_ON_HEADS.add(cutPiece);
        out.push(cutPiece);
        markers.push(matchMarker(piece.text));
      }
      from = cut;
    }
  }
  return joinLabelLines(out, markers);
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

/** A `1.5 …项目` heading at the end of a line, after a sentence's end: group 1 is the heading. */
const RE_TRAILING_HEADING = /[。；]\s*(\d{1,2}[.．]\d{1,2}\s*[^。；;，,：:\d][^。；;，,：:]{3,40}(?:项目|合作|研究|计划))$/;

/** What a direction written as prose says after its title sentence: its basis, partner, fields or figures. */
const RE_PROSE_DIRECTION = /本方向|依据《|根据《|合作方为|支持领域|领域为|拟支持|经费|实施周期|执行期/;

/**
 * A direction written as one numbered paragraph of prose (`1. 内地与香港联合资助研究项目。本方向
 * 依据《…》设立，合作方为…，拟支持项目4个…`): its first sentence is its title. Where that sentence
 * is short and has no clause inside it and what follows speaks as a direction does, the paragraph is
 * cut after it (the title keeps its `。`, as the head of a cut paragraph does). -1 otherwise.
 */
function titleSentenceEnd(t: string, marker: Marker | null): number {
  if (!marker || !HEADING_MARKERS.has(marker.type)) return -1;
  const end = t.indexOf('。', marker.length);
  if (end < 0) return -1;
  const title = t.slice(marker.length, end).trim();
  if (title.length < 4 || title.length > 40 || /[，,；;：:。]/.test(title)) return -1;
  const rest = t.slice(end + 1);
  return rest.length >= 20 && RE_PROSE_DIRECTION.test(rest) ? end + 1 : -1;
}

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
function joinLabelLines(paragraphs: Paragraph[], markers: (Marker | null)[]): { paragraphs: Paragraph[]; markers: (Marker | null)[] } {
  const only = paragraphs.map((p) => (p.table ? null : labelOnly(p.text.text)));
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
    const marker: Marker = own?.type === 'field' ? own : { type: 'field', text: text.text, length: text.text.length, value: 0, key: o.label };
    const q = paragraphs[k + 1];
    // A paragraph that introduces a list (`交通转型，具体包括以下方向：`) stays the list's head.
    if (q && !q.table && markers[k + 1] === null && !only[k + 1] && !/[：:]$/.test(q.text.text)) {
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

/**
 * Direction numbers run `major.minor`. After `a.b` come `a.(b+1)`, or `(a+1).1` (a new group), or
 * `(a+1).0` after `a.9` (numbering that rolls over like a decimal, as the seed's `1.9 → 2.0`).
 */
function checkDirection(last: number, m: Marker, p: Paragraph, problems: StructureProblem[]): void {
  const [a, b] = [Math.floor(last / 100), last % 100];
  const [c, d] = [Math.floor(m.value / 100), m.value % 100];
  const id = m.key;
  const prev = `${a}.${b}`;
  if (c === a && d === b + 1) return;
  if (c === a + 1 && d === 1) return;
  if (c === a + 1 && d === 0 && b === 9) {
    problems.push({
      code: 'numbering-rollover',
      severity: 'info',
      message: `direction ${id} follows ${prev}: the numbering rolls over like a decimal (${a}.10 would continue the group)`,
      at: p,
      stated: id,
      expected: `${a}.10`,
      directionId: id,
    });
    return;
  }
  const duplicate = m.value <= last;
  problems.push({
    code: duplicate ? 'numbering-duplicate' : 'numbering-gap',
    severity: 'warning',
    message: duplicate ? `direction ${id} repeats or goes back after ${prev}` : `direction ${id} follows ${prev}: ${a}.${b + 1} is missing`,
    at: p,
    stated: id,
    expected: `${a}.${b + 1}`,
    directionId: id,
  });
}

/** Every paragraph of a subtree, in document order. */
export function paragraphsOf(node: Node): Paragraph[] {
  const out: Paragraph[] = [];
  const walk = (n: Node): void => {
    if (n.kind === 'paragraph') {
      out.push(n.paragraph);
      return;
    }
    if (n.heading) out.push(n.heading);
    for (const c of n.children) walk(c);
  };
  walk(node);
  return out;
}
