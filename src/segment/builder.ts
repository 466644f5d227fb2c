/**
 * The state of `segment` while it reads the paragraphs in order: the stack of open sections (as
 * remark-lint's heading-increment keeps one), the last number of each sequence, and the operations
 * that open and close sections. The rules (`rules.ts`) decide; the builder keeps the tree.
 */
import type { Marker, MarkerType } from '../lexicon/markers.js';
import { headingTitle, leadingNumber, matchMarker } from '../lexicon/markers.js';
import { FIGURE_ROLES, labelOnly, roleOf, type FieldRole } from '../lexicon/fields.js';
import type { Paragraph } from '../reflow/index.js';
import { bareTitle, RE_CLOSING_HEADING, directionFieldNext, fieldHeadingRole, idOf, isBareTitle, isTitleLike, DIRECTION_ROLES, RE_CONTINUED, twinOf } from './evidence.js';
import { checkDecimal3, checkDirection, checkItemNumber, checkPart, checkRow, checkSingleLevel } from './numbering.js';
import { openNestedPart, type Nested } from './parts.js';
import { section, type Section, type SectionKind, type StructureProblem } from './tree.js';

/** The words of a document's own outer parts: `第二部分`, `第三章`, `第一篇`. */
const RE_OUTER_PART_WORD = /^第/;

export class Builder {
  readonly root: Section = section('root', null, null);
  readonly problems: StructureProblem[] = [];
  /** Open sections, outermost first; `stack[0]` is the root. */
  stack: Section[] = [this.root];
  /** Last value of each item type among the children of each open container. */
  readonly lastValue = new WeakMap<Section, Map<MarkerType, number>>();
  lastPart = 0;
  /** The last part number of each kind of part marker (`一、` and `第一部分` count apart). */
  readonly lastPartOf = new Map<MarkerType, number>();
  /** `一、` parts numbered again inside an `一、` part (see `openNestedPart`). */
  nested: Nested | null = null;
  lastDirection: number | null = null;
  /** The part, group or root the last direction stands in. */
  lastDirectionParent: Section | null = null;
  /** The index of the paragraph being read. */
  current = 0;
  /** Whether the table row being read is a total or summary row (its cells are no fields). */
  summaryRow = false;
  /** Whether the direction's text read now is the partner side's (`【欧方】` over its own figures). */
  foreignSide = false;
  /** Whether the cells being read are those of a row that repeats a direction read before it. */
  inRowTwin = false;
  /** The row read into `inRowTwin`'s direction only completes it (an annex that names it by its title alone). */
  rowCompletes = false;
  ordinal = 0;
  /** For each direction: the numbered parts and groups it stands in, innermost first (for ids when numbering restarts: `idsWithinParts`). */
  readonly partOf = new Map<Section, readonly Section[]>();
  /** Word parts opened inside a numbered part (`（一）重点支持项目` over `领域一：…`): sub-heads, not the document's outer parts. */
  readonly innerWordParts = new Set<Section>();
  /** The directions by the number their marker prints (`idOf`), in order: a repeated heading is looked up here, not among all. */
  private readonly byNumber = new Map<string, Section[]>();
  readonly directions: Section[] = [];
  /** Titles with no number that head directions with none (see there), and the directions under the last. */
  bareParts = 0;
  inBarePart = 0;
  /** An attachment (`附件1` alone on its line) has begun after the directions. */
  inAttachment = false;
  /** A number that stood in a cell of its own above the next unnumbered direction's title. */
  cellNumber: string | null = null;
  /** Paragraphs read as items of a notice's list of attachments (`continuesAttachmentList`). */
  readonly attachmentItems = new Set<number>();
  /** The 序号 of the last row of the table being read. */
  lastRow: Marker | null = null;
  /**
   * The guides with no number whose fields are numbered headings: a family only where it repeats
   * (two guides or more); one such title is a call's own heading over its parts.
   */
  readonly guideTitles = new Set<number>();

  constructor(
    readonly paragraphs: readonly Paragraph[],
    readonly markers: readonly (Marker | null)[],
    /** The numbering that marks guideline directions (`directionMarkerType`). */
    readonly directionType: MarkerType,
  ) {
    for (let k = 0; k < paragraphs.length; k++) if (this.guideByHeadingsShape(k)) this.guideTitles.add(k);
    if (this.guideTitles.size < 2) this.guideTitles.clear();
  }

  top(): Section {
    return this.stack[this.stack.length - 1]!;
  }

  open(s: Section): void {
    this.top().children.push(s);
    this.stack.push(s);
    if ((s.kind === 'group' || s.kind === 'part') && s.marker) this.headedBy.set(s.marker.key, [...(this.headedBy.get(s.marker.key) ?? []), s]);
  }

  /** The groups and parts opened so far, by their marker's key (a heading printed again finds its section here). */
  readonly headedBy = new Map<string, Section[]>();

  /** Closes the open sections down to the innermost one of `kind` (or that `kind` accepts), the root at least. */
  popTo(kind: SectionKind | ((s: Section) => boolean)): void {
    const pred = typeof kind === 'function' ? kind : (s: Section) => s.kind === kind;
    let i = this.stack.length - 1;
    while (i > 0 && !pred(this.stack[i]!)) i--;
    this.stack = this.stack.slice(0, i + 1);
  }

  /** Closes everything inside the innermost open group or part (or up to the root). */
  popToContainer(): void {
    this.popTo((s) => s.kind === 'group' || s.kind === 'part' || s.kind === 'root');
  }

  /** Adds paragraph `p` as text of the innermost open section. */
  text(p: Paragraph): void {
    this.top().children.push({ kind: 'paragraph', paragraph: p });
  }

  currentDirection(): Section | undefined {
    return this.stack.find((s) => s.kind === 'direction');
  }

  currentField(): Section | undefined {
    return this.stack.find((s) => s.kind === 'field');
  }

  /** Records a problem found by a numbering check, if any. */
  problem(found: StructureProblem | null): void {
    if (found) this.problems.push(found);
  }

  checkItem(container: Section, m: Marker, p: Paragraph): void {
    let values = this.lastValue.get(container);
    if (!values) this.lastValue.set(container, (values = new Map()));
    this.problem(checkItemNumber(values.get(m.type), m, p, this.currentDirection()?.id ?? null));
    values.set(m.type, m.value);
  }

  openItem(m: Marker, p: Paragraph): void {
    // Continue an open level of the same type (closing everything inside it), else open a new level.
    const container = this.top();
    let level = -1;
    for (let i = this.stack.length - 1; i > 0; i--) {
      const s = this.stack[i]!;
      if (s.kind !== 'item') break;
      if (s.marker?.type === m.type) {
        level = i;
        break;
      }
    }
    if (level > 0) this.stack = this.stack.slice(0, level);
    const parent = level > 0 ? this.top() : container;
    // `考核指标：（1）…` with `（2）` on the next line: the list started on the field's own line.
    if (level < 0 && parent.kind === 'field' && parent.marker && !this.lastValue.get(parent)?.has(m.type)) {
      const own = matchMarker(parent.heading!.text.text.slice(parent.marker.length));
      if (own?.type === m.type) this.lastValue.set(parent, new Map([[m.type, own.value]]));
    }
    // `附件：1．形式审查条件要求` then `2．中外合作协议书模板`: a list started after a label on the
    // line before, whatever came before it in the container.
    // (`揭榜要求：1.…；2.…；` then `3.…`: the run on the label's line reached 2.)
    const before = this.paragraphs[this.current - 1]?.text.text ?? '';
    const colon = Math.max(before.indexOf('：'), before.indexOf(':'));
    const inline = m.value > 1 && colon > 0 ? lastInlineItem(before.slice(colon + 1).trim(), m.type) : null;
    if (inline === m.value - 1) {
      let values = this.lastValue.get(parent);
      if (!values) this.lastValue.set(parent, (values = new Map()));
      values.set(m.type, m.value - 1);
    }
    this.checkItem(parent, m, p);
    this.open(section('item', p, m));
  }

  /** Paragraph `k` (marker `m`) is the next item of a list of attachments begun on a `附件：1.…` line, or an item of one. */
  continuesAttachmentList(k: number, m: Marker): boolean {
    const prev = this.markers[k - 1];
    if (this.attachmentItems.has(k - 1)) return prev?.type === m.type && prev.value === m.value - 1;
    const before = this.paragraphs[k - 1]?.text.text ?? '';
    const label = /^(?:相关)?(?:附件|附表|附)\s*[：:]\s*/.exec(before);
    if (!label) return false;
    // (`1.2026年度…榜单` reads as no marker at all: a number, then a year.)
    const rest = before.slice(label[0].length);
    const first = matchMarker(rest) ?? (/^1[.．、]/.test(rest) ? { type: m.type, value: 1 } : null);
    return first !== null && first.type === m.type && first.value === m.value - 1;
  }

  /** The major number of the next direction heading after paragraph `k`, or null. */
  nextMajor(k: number): number | null {
    for (let i = k + 1; i < this.markers.length; i++) {
      const m = this.markers[i];
      if (m?.type === 'decimal') return Math.floor(m.value / 100);
    }
    return null;
  }

  /** Field roles of paragraphs after `k` up to the next marker of `k`'s type (or of a part). */
  rolesAhead(k: number): Set<FieldRole> {
    const type = this.markers[k]!.type;
    const roles = new Set<FieldRole>();
    for (let i = k + 1; i < this.markers.length; i++) {
      const m = this.markers[i];
      if (m?.type === type) break;
      if (m?.type === 'field') roles.add(roleOf(m.key));
    }
    return roles;
  }

  /** The first marker after paragraph `k` is a field label: `k` heads fields of its own. */
  fieldsNext(k: number): boolean {
    for (let i = k + 1; i < this.markers.length; i++) if (this.markers[i]) return this.markers[i]!.type === 'field';
    return false;
  }

  /** A part heading (`（二）内地与澳门`, `二、双边合作`) is followed by a direction before any field. */
  headsDirections(k: number): boolean {
    if (!isTitleLike(this.paragraphs[k]!, this.markers[k]!)) return false;
    // (Whether only fields stood between the heading and this marker: the group's own.)
    let fieldsOnly = true;
    for (let i = k + 1; i < this.markers.length; i++) {
      const m = this.markers[i];
      if (!m) continue;
      // Figures stated once for the group (`支持强度：每项不超过100万元。实施期限：2年。`) stand
      // between its heading and its directions; so do its partner's agreement and the requirements
      // of all its directions (`（一）新西兰` / `合作协议：…` / `共性要求：…` / `1．食品科学…`).
      if (m.type === 'field') {
        const role = roleOf(m.key);
        if (FIGURE_ROLES.has(role) || (fieldsOnly && (role === 'agreement' || role === 'requirements' || role === 'partners'))) continue;
        return false;
      }
      fieldsOnly = false;
      if (m.type === this.directionType && isTitleLike(this.paragraphs[i]!, m)) return true;
      if (m.type === this.markers[k]!.type) return false;
    }
    return false;
  }

  /** The next marker after `k` heads a direction (of the document's direction numbering), before any field. */
  headsDirectionsNext(k: number): boolean {
    for (let i = k + 1; i < this.markers.length; i++) {
      const n = this.markers[i];
      if (!n) continue;
      return n.type === this.directionType && isTitleLike(this.paragraphs[i]!, n) && directionFieldNext(this.markers, i);
    }
    return false;
  }

  /**
   * Paragraph `k` titles a guide with no number whose fields are numbered headings: a bare title,
   * then (past its introduction, no other title between) a numbered field heading with a
   * direction's role.
   */
  guideByHeadingsAt(k: number): boolean {
    return this.guideTitles.has(k);
  }

  /** `guideByHeadingsAt` read from the text alone, before the family is known to be there. */
  private guideByHeadingsShape(k: number): boolean {
    const p = this.paragraphs[k];
    if (!p || this.markers[k] || !isBareTitle(p)) return false;
    for (let i = k + 1; i < this.paragraphs.length && i <= k + 6; i++) {
      const m = this.markers[i];
      if (m) {
        // (Or a label alone on its line, as letter-spaced headings print them: `科 学 目 标`.)
        // (Only under a guide's own title, `“…”重大项目指南`: a bare line over a label is any heading.)
        const guide = /指南$/.test(p.text.text.trim());
        const role = m.type === 'field' && guide && labelOnly(m.text) && !/[：:]/.test(m.text) ? roleOf(m.key) : fieldHeadingRole(this.paragraphs[i]!, m);
        return role !== null && DIRECTION_ROLES.has(role);
      }
      if (isBareTitle(this.paragraphs[i]!)) return false;
    }
    return false;
  }

  /** Opens a direction at `p`, numbered `id` (its numbering checked by the caller, where it is). */
  addDirection(p: Paragraph, m: Marker, id: string): void {
    this.foreignSide = false;
    // A `一、` direction stands beside the `一、` parts, never in one (only in a `第一部分`).
    if (m.type === 'cjk-comma') this.popTo((s) => s.kind === 'root' || this.outerWordPart(s));
    else this.popToContainer();
    this.lastDirectionParent = this.top();
    this.ordinal++;
    // Numbering that starts again is told apart by the innermost numbered group or part above it.
    const single = this.directionType !== 'decimal' && this.directionType !== 'decimal3';
    const parts = [...this.stack].reverse().filter((s) => (s.kind === 'part' && s.marker !== null) || (s.kind === 'group' && s.marker !== null && single));
    const d = section('direction', p, m, { ordinal: this.ordinal, id });
    this.partOf.set(d, parts);
    this.directions.push(d);
    const same = this.byNumber.get(idOf(m));
    if (same) same.push(d);
    else this.byNumber.set(idOf(m), [d]);
    this.open(d);
  }

  /** The directions read so far under the number `m` prints (as `idOf` reads it): those a heading may repeat. */
  numbered(m: Marker): readonly Section[] {
    return this.byNumber.get(idOf(m)) ?? [];
  }

  /** Opens the direction headed `m` at `p`, its number checked, unless it repeats one read before (`readsOn`). */
  openDirection(m: Marker, p: Paragraph): void {
    if (this.readsOn(m, p)) return;
    if (this.directionType === 'decimal3') this.problem(checkDecimal3(this.lastDirection, m, p));
    else if (this.directionType === 'decimal') {
      if (this.lastDirection !== null) checkDirection(this.lastDirection, m, p, this.problems);
    } else if (m.type === 'cjk-comma') {
      // `一、` directions share their numbering with the `一、` parts around them (总体目标, 申报要求).
      this.checkPartNumber(m, p);
    } else this.problem(checkSingleLevel(this.lastDirection, m, p));
    // (A heading over a range, `1.3—1.5`, stands for all its numbers: `1.6` comes next.)
    this.lastDirection = m.rangeTo ?? m.value;
    this.addDirection(p, m, idOf(m));
  }

  /**
   * A heading that repeats a direction read before it, read on into that direction (or, an annex's
   * line, into the root): true where `p` was placed so.
   */
  private readsOn(m: Marker, p: Paragraph): boolean {
    // A direction a table of directions already gave (a summary table, then each direction in
    // detail under its number and title): the same direction, its fields read on into it.
    const twin = twinOf(m, p.text.text.slice(m.length), this.numbered(m), (d) => d.heading?.table === 'row');
    if (twin) {
      this.popToContainer();
      // (A group the text heads its directions with, `2. 保护性利用…` before 2.1's text: the row's
      // direction stands in it, as it would without the table.)
      const group = this.top();
      if (group.kind === 'group' && group.marker?.type === 'arabic-dot' && m.type === 'decimal' && Math.floor(m.value / 100) === group.marker.value) this.moveInto(twin, group);
      this.stack.push(twin);
      if (!twin.detail) Object.assign(twin, { detail: { paragraph: p, marker: m } });
      // (The text goes through the directions again: a group heading between them, `2. 保护性利用…`
      // after 1.3's fields, heads the next ones, as it would without the table.)
      this.lastDirection = m.rangeTo ?? m.value;
      return true;
    }
    // A direction an overview table gave first under numbers of its own (`| 1 | 合作类型 | 中德…项目 | 5 |`),
    // then its text under the text's (`1.1 中德…项目`): the same direction by its title, the text's
    // number its id.
    const named = m.type === 'decimal' || m.type === 'decimal3' ? this.rowOfTitle(p.text.text.slice(m.length)) : undefined;
    if (named) {
      this.popToContainer();
      this.stack.push(named);
      Object.assign(named, { detail: { paragraph: p, marker: m }, id: idOf(m) });
      // (The text's numbers are checked as the text's: `2.2` then `2.4` is a gap, whatever the table says.)
      if (m.type === this.directionType && this.lastDirection !== null) checkDirection(this.lastDirection, m, p, this.problems);
      this.lastDirection = m.rangeTo ?? m.value;
      return true;
    }
    // A direction listed again after the directions (an annex's table as plain lines, `1.1 多物理场…方法
    // 基础研究类 1~2 0.15`): its number and its whole title again, with more after them. A line of
    // the annex, no direction of its own.
    if (this.listedAgain(m, p)) {
      this.popTo('root');
      this.text(p);
      return true;
    }
    // The heading printed again where a direction goes on past a page or slide (`2.1 8英寸…（续）`):
    // the same direction, read on. The repeated heading stays as its text (reported, not a field).
    // (The direction of that number read last: the last one, or, where a table of directions gave
    // them all first, the row its text went on into.)
    const last = RE_CONTINUED.test(p.text.text.slice(m.length).trim()) ? this.directions.findLast((d) => d.marker?.key === m.key) : undefined;
    if (last) {
      this.popToContainer();
      this.stack.push(last);
      last.children.push({ kind: 'paragraph', paragraph: p });
      return true;
    }
    return false;
  }

  /** The one direction a table's row gave, under a number of another kind than the text's, whose title is `title` (its category aside). */
  private rowOfTitle(title: string): Section | undefined {
    const t = bareTitle(title);
    if (t.length < 6) return undefined;
    const same = this.directions.filter((d) => d.heading?.table === 'row' && d.detail === undefined && d.marker?.type !== 'decimal' && d.marker?.type !== 'decimal3' && bareTitle(d.heading.text.text.slice(d.marker?.length ?? 0)) === t);
    return same.length === 1 ? same[0] : undefined;
  }

  /** Moves direction `d` from where it stands in the tree into `group`, after what the group holds. */
  private moveInto(d: Section, group: Section): void {
    const from = (s: Section): Section | undefined => (s.children.includes(d) ? s : s.children.map((c) => (c.kind === 'paragraph' ? undefined : from(c))).find((x) => x !== undefined));
    const parent = from(this.root);
    if (!parent || parent === group) return;
    parent.children.splice(parent.children.indexOf(d), 1);
    group.children.push(d);
  }

  /** `1.1 …` after the directions with the number and whole title of one of them, and more after it. */
  private listedAgain(m: Marker, p: Paragraph): boolean {
    if (m.type !== 'decimal' && m.type !== 'decimal3') return false;
    const rest = bareTitle(p.text.text.slice(m.length));
    const lastOne = this.directions[this.directions.length - 1];
    return this.numbered(m).some((d) => {
      const title = d.marker !== null && d.heading !== null && d.heading.table !== 'row' ? bareTitle(d.heading.text.text.slice(d.marker.length)) : '';
      return title.length >= 6 && (rest.length > title.length || this.inAttachment) && idOf(d.marker!) === idOf(m) && (d !== lastOne || this.inAttachment) && rest.startsWith(title);
    });
  }

  /** `（二）内地与澳门` inside `二、领域和方向`: a part within the part. */
  openPartOf(m: Marker, p: Paragraph): void {
    this.popTo((s) => s.kind === 'root' || (s.kind === 'part' && s.marker?.type !== m.type && s.marker?.type === 'cjk-comma'));
    this.open(section('part', p, m));
  }

  /** The 序号 of the rows of one table: each the one before it plus one. */
  checkRowNumber(m: Marker, p: Paragraph): void {
    const last = this.lastRow;
    this.lastRow = m;
    checkRow(last, m, p, idOf(m), this.problems);
  }

  openPart(m: Marker, p: Paragraph): void {
    if (m.type === 'cjk-comma' && openNestedPart(this, m, p)) return;
    if (m.type === 'part-word' && this.openInnerWordPart(m, p)) return;
    // `第二部分` holds `一、` parts: a word part opens at the root, a `一、` part inside the word part.
    // `Ⅰ．` parts stand inside a `一、` part or a word part, as `一、` parts stand inside a word part.
    this.popTo(
      m.type === 'part-word'
        ? 'root'
        : m.type === 'roman'
          ? (s) => s.kind === 'root' || (s.kind === 'part' && s.marker?.type !== 'roman')
          : (s) => s.kind === 'root' || this.outerWordPart(s),
    );
    this.checkPartNumber(m, p);
    this.open(section('part', p, m));
  }

  /** A word part of the document's outer sequence (`第二部分`), not a sub-head inside a numbered part. */
  outerWordPart(s: Section): boolean {
    return s.kind === 'part' && s.marker?.type === 'part-word' && !this.innerWordParts.has(s);
  }

  /**
   * `领域一：灾害性天气` under an open `（一）重点支持项目` (or `一、资助范围`): a sub-head of that part, its
   * directions still the part's (never `第一部分`/`第一章`, the document's own outer parts). Opened inside
   * the innermost numbered part, beside the sub-heads before it; false where none is open, or where
   * that part closes the call.
   */
  private openInnerWordPart(m: Marker, p: Paragraph): boolean {
    if (RE_OUTER_PART_WORD.test(m.text)) return false;
    const numbered = (s: Section): boolean => s.kind === 'part' && (s.marker?.type === 'cjk-comma' || s.marker?.type === 'paren-cjk');
    const open = this.stack.findLast(numbered);
    // (Never inside a closing part, `五、联系方式`, that the directions' sheet or page follows.)
    if (!open || RE_CLOSING_HEADING.test(headingTitle(open.heading?.text.text ?? '').trim())) return false;
    this.popTo((s) => s.kind === 'root' || numbered(s));
    // (Sub-heads count again from 1 in each part.)
    if (m.value === 1) this.lastPartOf.set(m.type, 1);
    else this.checkPartNumber(m, p);
    const part = section('part', p, m);
    this.innerWordParts.add(part);
    this.open(part);
    return true;
  }

  /**
   * Whether the numbers a part's number skips stand between the last part and it, read as something
   * else (`二、申报要求：…` a field's line between `一、` and `三、` of a sheet's notes): no gap.
   */
  private numberedBetween(m: Marker, last: number): boolean {
    if (m.value <= last + 1) return false;
    let from = this.current - 1;
    while (from >= 0 && !(this.markers[from]?.type === m.type && this.markers[from]!.value === last)) from--;
    if (from < 0) return false;
    // (As printed: a line read as a field's keeps its number, `二、申报要求：…`.)
    const seen = new Set(this.paragraphs.slice(from + 1, this.current).flatMap((x) => {
      const n = leadingNumber(x.text.text);
      return n?.type === m.type ? [n.value] : [];
    }));
    for (let v = last + 1; v < m.value; v++) if (!seen.has(v)) return false;
    return true;
  }

  /** The number the outer sequence of nested `一、` parts goes on with (0 where none is nested). */
  outerPartNext(): number {
    return this.nested ? this.nested.outerLast + 1 : 0;
  }

  checkPartNumber(m: Marker, p: Paragraph): void {
    // (A part's heading printed again where it goes on, `二、指南方向一览（2/3，续表）` on the next slide
    // or page: the same part, no duplicate.)
    const goesOn = m.value === this.lastPartOf.get(m.type) && /续/.test(p.text.text.slice(m.length));
    if (!goesOn && !this.numberedBetween(m, this.lastPartOf.get(m.type) ?? 0)) this.problem(checkPart(this.lastPartOf.get(m.type) ?? 0, m, p));
    this.lastPartOf.set(m.type, m.value);
    if (m.type === 'cjk-comma') this.lastPart = m.value;
  }
}

/** The number a run of items of `type` numbered inline reaches (`1.…；2.…；` → 2), from the text's start; null where it starts with none. */
function lastInlineItem(text: string, type: MarkerType): number | null {
  const first = matchMarker(text);
  if (!first || first.type !== type) return null;
  let last = first.value;
  for (const x of text.matchAll(/[。；;]\s*/g)) {
    const next = matchMarker(text.slice(x.index + x[0].length));
    if (next?.type === type && next.value === last + 1) last = next.value;
  }
  return last;
}
