/**
 * After the paragraphs are read: the passes that decide over the whole tree. Directions listed as
 * the items of a directions part (NSFC and MIIT guides), an overview of the directions before
 * their details, table rows described by a list before the table, and single-level numbers that
 * start again in each part.
 */
import { headingTitle, matchMarker, RE_CALL_PLAN, RE_DIRECTIONS_PART, RE_TITLE_TRAILING_COUNT, RE_PROSE_COUNT, RE_PROSE_MEASURE } from '../lexicon/markers.js';
import { FIELD_SECTION_HEADS, roleOf } from '../lexicon/fields.js';
import { mappedSlice, mappedTrim } from '../mapped.js';
import { abbreviates, bareTitle, idOf, RE_TITLE_CODE } from './evidence.js';
import { RE_CONTENT_START } from './prepare.js';
import { containsDirection, section, type Node, type ParagraphNode, type Section, type StructureProblem } from './tree.js';

/** A part that lists areas (`一、资助领域`): its items are directions only where they are described, not bare names of fields. */
const RE_AREAS_PART = /领域$/;

/** A direction that is the call's plan section (`二、资助计划` holding 拟资助项目数 / 资助强度 / 资助期限). */
function isCallPlan(d: Section): boolean {
  return d.heading !== null && d.marker !== null && RE_CALL_PLAN.test(d.heading.text.text.slice(d.marker.length).trim());
}

/**
 * A part whose items (two or more, most of them) each describe a direction in prose: its title, then
 * sentences that state how many projects it funds and how much or for how long (`RE_PROSE_COUNT`,
 * `RE_PROSE_MEASURE`), whatever the part is called (`一、合作协议及资助计划`).
 */
function describesDirections(part: Section): boolean {
  const items = part.children.filter((c): c is Section => c.kind === 'item' && c.heading !== null && c.marker !== null);
  const described = items.filter((c) => {
    const t = [c.heading!.text.text, ...c.children.flatMap((x) => (x.kind === 'paragraph' ? [x.paragraph.text.text] : []))].join('');
    return RE_PROSE_COUNT.test(t) && RE_PROSE_MEASURE.test(t);
  });
  return described.length >= 2 && described.length * 3 >= items.length * 2;
}

/** A heading item: the title, short, at most a closing `。`. */
function isItemTitle(n: Section, shortest = 4): boolean {
  // (Its count and its code after it on its line, `…寿命预测（指南代码：LH26ZZ01）　拟资助2项`, are no part of it.)
  const t = n.heading!.text.text.slice(n.marker!.length).replace(RE_TITLE_TRAILING_COUNT, '').replace(RE_TITLE_CODE, '').replace(/[。；]$/, '');
  return t.length >= shortest && t.length <= 60 && !/[。；;：:]/.test(t);
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
      if (c.kind === 'part' && (RE_DIRECTIONS_PART.test(c.heading?.text.text ?? '') || describesDirections(c))) parts.push(c);
      else if (c.kind === 'item' && part !== null && RE_DIRECTIONS_PART.test(title) && c.children.some((x) => x.kind === 'item')) {
        parts.push(c);
        within.set(c, part);
      } else find(c, c.kind === 'part' && c.marker ? c.marker.value : part);
    }
  };
  find(root, null);
  // (The call's plan, `四、2027年度资助计划` over `（一）培育项目` / `拟资助培育项目约14项，…`, describes its
  // kinds of project, no directions, where a part lists them: `三、2027年度资助研究方向`.)
  const planTitle = (part: Section): string => headingTitle(part.heading?.text.text ?? '').replace(/^\d{4}年度?/, '');
  if (parts.some((p) => p.kind === 'part' && RE_DIRECTIONS_PART.test(p.heading?.text.text ?? ''))) {
    for (let i = parts.length - 1; i >= 0; i--) if (parts[i]!.kind === 'part' && RE_CALL_PLAN.test(planTitle(parts[i]!))) parts.splice(i, 1);
  }
  let ordinal = 0;
  const convert = (container: Section, prefix: string | null): void => {
    const children = container.children as Node[];
    children.forEach((c, k) => {
      if (c.kind !== 'item' || !c.heading || !c.marker) return;
      // (Items that end in `；` are the points of one sentence, `1．研究…；` / `2．研究…；` / `3．发展…。`
      // under `（一）湍流多尺度能量传递的统计理论与模型`: the item's research, no titles of its own.)
      const points = c.children.some((x) => x.kind === 'item' && x.heading !== null && /[；;]\s*$/.test(x.heading.text.text));
      const inner = points ? [] : c.children.filter((x): x is Section => x.kind === 'item' && isItemTitle(x));
      // (A group's name may be short, a province's: `（一）河北省`.)
      if (!isItemTitle(c) && !(inner.length >= 2 && isItemTitle(c, 2))) return;
      // (Or, within a group, an item over two titles or more, each with no text of its own: `（一）河北省`
      // / `1．生态环境领域（拟资助重点支持项目6项）` / `（1）白洋淀流域…`, the areas of a region.)
      // (A line a page's head left under one of them, `联合基金项目`, is no text.)
      const titles = prefix !== null && inner.length >= 2 && inner.every((x) => x.children.every((y) => y.kind === 'item' || (y.kind === 'paragraph' && y.paragraph.text.text.length <= 12)));
      if (inner.length > 0 && (prefix === null || titles)) {
        // `（一）培育项目。` over `1.`–`5.`: a group of directions.
        const group: Section = { ...c, kind: 'group' };
        children[k] = group;
        convert(group, prefix === null ? String(c.marker.value) : `${prefix}.${c.marker.value}`);
        return;
      }
      ordinal++;
      const d: Section = { ...c, children: directionBody(c.children, points), kind: 'direction', ordinal, id: prefix === null ? String(c.marker.value) : `${prefix}.${c.marker.value}` };
      children[k] = d;
      directions.push(d);
    });
  };
  // Areas (`一、资助领域`) are directions where most are described below their name; bare names of
  // fields (`1. 地球科学（气候变化与冰冻圈科学）`) are the domains of one call.
  const described = (part: Section): boolean => {
    const items = part.children.filter((c): c is Section => (c.kind === 'item' || c.kind === 'group') && c.heading !== null);
    // (Or its figure on its own line, `…（指南代码：…）　拟资助2项`; or, a group of them, its items.)
    const own = (c: Section): boolean =>
      c.children.some((x) => x.kind === 'paragraph' || x.kind === 'field') || RE_TITLE_TRAILING_COUNT.test(c.heading!.text.text) || (c.children.some((x) => x.kind === 'item') && described(c));
    return items.length > 0 && items.filter(own).length * 2 > items.length;
  };
  // Lists in several parts (合作研究项目 and 合作交流项目, each with its areas): ids within the part.
  const prefixed = new Set(within.values()).size > 1;
  for (const part of parts) if (!RE_AREAS_PART.test(part.heading?.text.text ?? '') || described(part)) convert(part, prefixed && within.has(part) ? String(within.get(part)) : null);
}


/**
 * An item's children as a direction's (the item made one): a labelled paragraph (`申请要求：本领域申请须附…`,
 * `其他要求：1）…`) a field; the first paragraph, where it says what the direction studies (`研究深海高压…`,
 * after its title sentence), its research content.
 */
function directionBody(children: readonly Node[], points = false): Node[] {
  // (A labelled line after the item's points, `3．发展…。` / `资助类型：培育项目。`, stands under the
  // last point as the tree was built: the direction's field, after its points.)
  const labelled = (n: Node): boolean => {
    const m = n.kind === 'paragraph' ? matchMarker((n as ParagraphNode).paragraph.text.text) : null;
    return m?.type === 'field' && /[：:]\s*$/.test(m.text);
  };
  const hoisted = children.flatMap((x, k): Node[] => {
    if (!points || x.kind !== 'item' || k !== children.length - 1) return [x];
    let cut = x.children.length;
    while (cut > 0 && labelled(x.children[cut - 1]!)) cut--;
    return cut === x.children.length ? [x] : [{ ...x, children: x.children.slice(0, cut) }, ...x.children.slice(cut)];
  });
  return hoisted.map((x, j) => {
    if (x.kind !== 'paragraph') return x;
    const label = matchMarker(x.paragraph.text.text);
    if (label?.type === 'field') return section('field', x.paragraph, label, { role: roleOf(label.key) });
    if (j === 0 && !label && RE_CONTENT_START.test(x.paragraph.text.text)) return section('field', x.paragraph, { type: 'field', text: '', length: 0, value: 0, key: '研究内容' }, { role: 'content' });
    return x;
  });
}

/**
 * A direction that holds only titled items, two or more, each described in sentences of its own
 * with a count and a sum or a period (`1. 联合资助研发项目` / `（1）人工智能与数据科学联合研发` /
 * `合作依据为《…》。…拟支持项目数为5个，共拟支持经费1000万元…`): a kind of project one level above
 * the directions, which are its items (their ids from their numbers and their groups', as any
 * direction's). Changes the tree in place; the directions' order kept, their ordinals counted again.
 */
export function directionsFromChildItems(directions: Section[]): void {
  const described = (c: Section): boolean => {
    const t = c.children.flatMap((x) => (x.kind === 'paragraph' ? [x.paragraph.text.text] : [])).join('');
    return RE_PROSE_COUNT.test(t) && /万元|亿元|实施周期|执行期|年限/.test(t);
  };
  const itemsOf = (d: Section): Section[] => d.children.filter((c): c is Section => c.kind === 'item' && c.heading !== null && c.marker !== null);
  const kinds = directions.filter((d) => {
    const items = itemsOf(d);
    return items.length >= 1 && items.length === d.children.length && items.every((c) => isItemTitle(c) && described(c));
  });
  // (One kind with two such items or more shows the level; a kind with one item is one too.)
  if (!kinds.some((d) => itemsOf(d).length >= 2)) return;
  const out: Section[] = [];
  for (const d of directions) {
    if (!kinds.includes(d)) {
      out.push(d);
      continue;
    }
    const children = d.children as Node[];
    Object.assign(d, { kind: 'group', id: null, ordinal: undefined });
    children.forEach((c, k) => {
      if (c.kind !== 'item') return;
      const item: Section = { ...c, children: directionBody(c.children), kind: 'direction', id: idOf(c.marker!) };
      children[k] = item;
      out.push(item);
    });
  }
  out.forEach((d, k) => Object.assign(d, { ordinal: k + 1 }));
  directions.splice(0, directions.length, ...out);
}

/**
 * The call's requirements written as a label after its last direction (`申报要求：` / `1. 申报单位应为…`
 * / `2. 项目负责人…`, no part number before it), where that direction states its own requirements
 * already (`有关说明：…`): a part of the call after the directions, not the last direction's second
 * list. Told by what its items speak of: who may apply, by when, how to file. Changes the tree in place.
 */
export function callRequirementsAfterLast(root: Section, directions: readonly Section[]): void {
  const last = directions[directions.length - 1];
  if (!last) return;
  const fields = last.children.filter((c): c is Section => c.kind === 'field');
  const at = last.children.findIndex((c) => c.kind === 'field' && RE_CALL_REQUIREMENTS.test(c.marker?.key ?? '') && c.children.length >= 2);
  if (at < 0 || !fields.some((f) => f.role === 'requirements' && last.children.indexOf(f) < at)) return;
  const field = last.children[at] as Section;
  const said = field.children.filter((c) => c.kind === 'item' && RE_CALL_MATTERS.test(c.heading?.text.text ?? '')).length;
  if (said * 2 < field.children.length) return;
  const parent = parentOf(root, last);
  if (!parent) return;
  const moved = (last.children as Node[]).splice(at);
  Object.assign(field, { kind: 'part', role: null });
  (parent.children as Node[]).splice(parent.children.indexOf(last) + 1, 0, ...moved);
}
const RE_CALL_REQUIREMENTS = /^(?:申报要求|申请要求|申报条件|申报说明)$/;
/** What a call's requirements speak of, never one direction's: who applies, by when, where. */
const RE_CALL_MATTERS = /申报单位|申请单位|项目负责人|项目（课题）负责人|受理|网上填报|推荐单位|申报书|截止|法人/;

/** The section that holds `node`, or null. */
function parentOf(root: Section, node: Section): Section | null {
  for (const c of root.children) {
    if (c === node) return root;
    if (c.kind !== 'paragraph') {
      const found = parentOf(c, node);
      if (found) return found;
    }
  }
  return null;
}

/**
 * For each direction read from a table row, an earlier list entry (an item, not inside a direction)
 * with its number and title: the entry's paragraphs are read into the direction (see the caller).
 */
export function describedBefore(root: Section, directions: readonly Section[]): void {
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


/**
 * No direction carries fields: the items of a part that lists directions (`三、重点资助研究方向`,
 * NSFC and MIIT guides) are the directions. The call's plan (`二、资助计划` with `拟资助项目数：…`
 * / `资助强度：…`) is no direction where such a part lists them: it states the call's figures.
 */
export function directionsFromParts(root: Section, directions: Section[]): void {
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
}

/**
 * An overview of the directions before their details (`二、指南方向概览` / `1.内地与香港…` … then
 * `三、指南方向具体要求` / `1.内地与香港…` with its fields): an entry with no field of its own, whose
 * number and title a later direction with fields repeats, is the overview's line, no direction.
 */
export function dropOverview(directions: Section[], problems: StructureProblem[]): void {
  const titled = (d: Section): string => (d.heading && d.marker ? bareTitle(d.heading.text.text.slice(d.marker.length)) : '');
  const hasFields = (d: Section): boolean => d.children.some((c) => c.kind === 'field' || (c.kind !== 'paragraph' && c.children.some((g) => g.kind === 'field')));
  const sameEntry = (d: Section, e: Section): boolean => e.marker?.value === d.marker?.value && e.marker?.type === d.marker?.type && titled(e) === titled(d);
  const overview = directions.filter((d, k) => !hasFields(d) && titled(d) !== '' && directions.slice(k + 1).some((e) => hasFields(e) && sameEntry(d, e)));
  if (overview.length === 0) return;
  // The details' numbers go on from the overview's: no numbering problem between the two lists.
  const detailed = new Set(directions.filter((e) => hasFields(e) && overview.some((d) => e.marker?.value === d.marker?.value && titled(e) === titled(d))).map((e) => e.heading));
  problems.splice(0, problems.length, ...problems.filter((q) => !(q.code.startsWith('numbering') && detailed.has(q.at))));
  for (const d of overview) Object.assign(d, { kind: 'part', id: null, ordinal: undefined });
  directions.splice(0, directions.length, ...directions.filter((d) => !overview.includes(d)));
}

/**
 * A line after the directions that names one of them by its number with other words and no field
 * of its own (a reader's note under the guideline, `- [x] 1.4 捷克方向：已联系…`): a mention of that
 * direction, no second one (a direction printed twice, each time with its fields, stays a duplicate).
 */
export function dropMentions(directions: Section[], problems: StructureProblem[]): void {
  const hasFields = (d: Section): boolean => d.children.some((c) => c.kind === 'field' || (c.kind !== 'paragraph' && c.children.some((g) => g.kind === 'field')));
  // (A two-level number names one direction; a single-level one starts again in each part: `1.` of
  // `（二）多边合作项目` is a direction of its own.)
  const mentions = directions.filter((d, k) => !hasFields(d) && (d.marker?.type === 'decimal' || d.marker?.type === 'decimal3') && directions.slice(0, k).some((e) => hasFields(e) && e.marker?.type === d.marker!.type && e.marker.key === d.marker!.key));
  if (mentions.length === 0) return;
  const headings = new Set(mentions.map((d) => d.heading));
  problems.splice(0, problems.length, ...problems.filter((q) => !(q.code.startsWith('numbering') && headings.has(q.at))));
  for (const d of mentions) Object.assign(d, { kind: 'part', id: null, ordinal: undefined });
  directions.splice(0, directions.length, ...directions.filter((d) => !mentions.includes(d)));
}

/**
 * A table of the directions before their text, each row a direction's short name and figures
 * (`表1 …一览表` / `1  中意政府间科技合作  意大利  8  0.24`), the text then giving every direction
 * with its fields (`1.1 中国和意大利政府间科技合作项目` / `合作协议：…`): the rows are an overview,
 * no directions of their own (the text governs, as such a table's note says). Rows and texts are
 * matched in order, a row's name the text's title shortened (`abbreviates`), four in five at least.
 */
export function dropOverviewTable(directions: Section[]): void {
  const rows = directions.filter((d) => d.heading?.table === 'row');
  const texts = directions.filter((d) => d.heading !== null && d.heading.table === undefined && d.children.some((c) => c.kind === 'field'));
  if (rows.length < 2 || texts.length < rows.length || rows[rows.length - 1]!.heading!.lastLine >= texts[0]!.heading!.firstLine) return;
  const title = (d: Section): string => bareTitle(d.heading!.text.text.slice(d.marker?.length ?? 0));
  const matched = rows.filter((r, k) => abbreviates(title(r), title(texts[k]!))).length;
  if (matched * 5 < rows.length * 4) return;
  for (const d of rows) Object.assign(d, { kind: 'part', id: null, ordinal: undefined });
  directions.splice(0, directions.length, ...directions.filter((d) => !rows.includes(d)));
}

/**
 * Single-level numbers that start again in each part are not ids: `3.` of the second part is `2.3`.
 * (A `1.1`-style id names its group already: printed twice, it is a duplicate, not a restart.)
 * Only where a number comes again in another part: a number printed twice in one part (`5.`,
 * `5.`) is a duplicate, reported as such, and changes no id. And only at a level whose parts start
 * again at 1, two of them at least and most of them: numbers that run on across the parts, `1`…`5`
 * then `5`…`9`, are ids as printed, the `5` twice a duplicate; numbers that run on through the
 * sub-heads of a part (`领域一：` 1.–4., `领域二：` 5.–7.) and start again in the next part (`（二）`
 * 1.) count within that part (`（二）`'s 1. is 2.1). (`partOf`: the numbered parts and groups each
 * direction stands in, innermost first; a level is the parts of one kind of marker.)
 */
export function idsWithinParts(directions: readonly Section[], partOf: ReadonlyMap<Section, readonly Section[]>): void {
  const firstOfPart = new Map<Section, Section>();
  for (const d of directions) for (const part of partOf.get(d) ?? []) if (!firstOfPart.has(part)) firstOfPart.set(part, d);
  const starts = new Map<string, { parts: number; atOne: number }>();
  for (const [part, d] of firstOfPart) {
    const level = part.marker!.type;
    const s = starts.get(level) ?? { parts: 0, atOne: 0 };
    starts.set(level, { parts: s.parts + 1, atOne: s.atOne + (d.marker?.value === 1 ? 1 : 0) });
  }
  // (Directions before any part, `1.`… then `二、` over `1.`…, count as one part of every level.)
  const loose = directions.find((d) => (partOf.get(d) ?? []).length === 0);
  const extra = loose ? { parts: 1, atOne: loose.marker?.value === 1 ? 1 : 0 } : { parts: 0, atOne: 0 };
  const restarts = (part: Section): boolean => {
    const s = starts.get(part.marker!.type)!;
    return s.atOne + extra.atOne >= 2 && (s.atOne + extra.atOne) * 2 > s.parts + extra.parts;
  };
  const partOfDirection = new Map<Section, number | null>();
  for (const d of directions) partOfDirection.set(d, (partOf.get(d) ?? []).find(restarts)?.marker?.value ?? null);
  const partsOfKey = new Map<string | null, Set<number | null>>();
  for (const d of directions) {
    const parts = partsOfKey.get(d.id) ?? new Set();
    parts.add(partOfDirection.get(d)!);
    partsOfKey.set(d.id, parts);
  }
  if (![...partsOfKey.values()].some((parts) => parts.size > 1)) return;
  for (const d of directions) {
    if (d.marker!.type === 'decimal' || d.marker!.type === 'decimal3') continue;
    const part = partOfDirection.get(d);
    // `（一）` and `一、` count in digits, as their own ids do.
    const n = idOf(d.marker!);
    if (part !== null && part !== undefined) (d as { id: string | null }).id = `${part}.${n}`;
  }
}

/**
 * Ids a direction shares with another of another group once `idsWithinParts` is done: numbers that
 * start again at more than one level (`一、` / `（一）` / `1.` / `（1）`, a key programme written four
 * levels deep, its `（1）` directions restarting under each `1.`, each `1.` under each `（一）`). Every
 * direction's id is then the numbers of its numbered groups and parts, outermost first, with its own
 * (`1.1.1.1`, `2.2.1.2`), where that makes them all distinct; else the ids stay as they are (a number
 * printed twice in one group, or numbers that run on across groups, are duplicates, reported as such).
 */
export function idsByAncestors(root: Section, directions: readonly Section[], problems?: StructureProblem[]): void {
  const ids = directions.map((d) => d.id);
  if (new Set(ids).size === ids.length) return;
  if (directions.length > 0 && directions.every((d) => d.marker?.type === 'decimal')) {
    // (Numbers that start again in each part by design are no duplicates.)
    if (decimalIdsByParts(root, directions) && problems) for (let i = problems.length - 1; i >= 0; i--) if (problems[i]!.code === 'numbering-duplicate') problems.splice(i, 1);
    return;
  }
  if (directions.some((d) => d.marker === null || d.marker.type === 'decimal' || d.marker.type === 'decimal3')) return;
  const chainOf = new Map<Section, string[]>();
  /** The part every direction stands in, if one (`二、指南方向`): its number adds nothing to theirs. */
  const partsOf = new Map<Section, Section | null>();
  const isDirection = new Set<Section>(directions);
  let twice = false;
  const walk = (s: Section, chain: readonly string[], part: Section | null): void => {
    // (A number printed twice under one heading is a duplicate: no ids change.)
    const own = new Set<string>();
    for (const c of s.children) {
      if (c.kind === 'paragraph') continue;
      if (isDirection.has(c)) {
        const n = idOf(c.marker!);
        // (Or numbers that run on from another heading's, `1`…`5` then `5`…`8`: a duplicate too.)
        if (own.has(n) || (own.size === 0 && c.marker!.value !== 1)) twice = true;
        own.add(n);
        chainOf.set(c, [...chain, n]);
        partsOf.set(c, part);
      } else walk(c, c.marker && c.marker.type !== 'field' && c.heading !== null ? [...chain, idOf(c.marker)] : chain, part ?? (c.kind === 'part' && chain.length === 0 && c.marker ? c : null));
    }
  };
  walk(root, [], null);
  if (twice) return;
  // (Directions at different depths are no numbering restarted level by level.)
  if (new Set(directions.map((d) => chainOf.get(d)?.length)).size !== 1) return;
  const top = partsOf.get(directions[0]!);
  const shared = top !== null && top !== undefined && directions.every((d) => partsOf.get(d) === top) && (chainOf.get(directions[0]!)?.length ?? 0) > 2;
  const full = directions.map((d) => chainOf.get(d)?.slice(shared ? 1 : 0).join('.') ?? null);
  if (full.some((id) => id === null) || new Set(full).size !== full.length) return;
  directions.forEach((d, k) => ((d as { id: string | null }).id = full[k]!));
}

/** The markers of groups whose number a restarting `1.1` takes (`（一）亚洲地区`, `1. 联合研究类`, `Ⅰ.`). */
const GROUP_MARKERS: ReadonlySet<string> = new Set(['paren-cjk', 'paren-arabic', 'arabic-dot', 'arabic-comma', 'roman', 'direction-word']);

/**
 * `1.1` numbers that start again in each part (`（一）亚洲地区` / `1. 联合研究类` / `1.1 …`, then `（二）欧洲
 * 地区` / `1. 联合研究类` / `1.1 …`): each takes the number of the part it stands in (`1.1.1`, `2.1.1`),
 * where that makes them all distinct. The parts every direction stands in (`二、领域和方向`) and the
 * group a number already names (`1.` over `1.1`) add nothing.
 */
function decimalIdsByParts(root: Section, directions: readonly Section[]): boolean {
  const chainOf = new Map<Section, string[]>();
  const isDirection = new Set<Section>(directions);
  const walk = (s: Section, chain: readonly string[]): void => {
    for (const c of s.children) {
      if (c.kind === 'paragraph') continue;
      if (isDirection.has(c)) chainOf.set(c, [...chain]);
      // (A part of the document, `二、第一批指南方向` / `三、第二批指南方向`, each numbering its own `1.1`…,
      // names no group of directions: its numbers stay as printed, duplicates if they repeat.)
      else walk(c, c.marker && c.heading !== null && GROUP_MARKERS.has(c.marker.type) ? [...chain, idOf(c.marker)] : chain);
    }
  };
  walk(root, []);
  const chains = directions.map((d) => chainOf.get(d) ?? []);
  let common = 0;
  while (chains.every((c) => c.length > common && c[common] === chains[0]![common])) common++;
  const full = directions.map((d, k) => {
    const own = chains[k]!.slice(common);
    const major = d.marker!.key.split('.')[0]!;
    if (own[own.length - 1] === major) own.pop();
    return [...own, d.marker!.key].join('.');
  });
  if (new Set(full).size !== full.length || full.every((id, k) => id === directions[k]!.id)) return false;
  directions.forEach((d, k) => ((d as { id: string | null }).id = full[k]!));
  return true;
}

/** A heading about each direction: `各指南方向`, `每个方向`, `各方向`. */
const RE_EACH_DIRECTION = /(?:各|每个|每一)[\u4e00-\u9fff]{0,4}方向/;

/**
 * A guideline arranged field by field (`三、各指南方向合作协议` / `1.1　《中泰…》。` / `1.2　《…》。`, then
 * `四、各指南方向拟支持项目数、经费和实施周期` / `1.1　拟支持项目数不超过5个，…`): each keyed line (its
 * number a direction's id, two such lines or more under one heading) is that direction's, never a
 * direction of its own: a field of the role its heading names (`FIELD_SECTION_HEADS`), or, where it
 * names several, a paragraph of the direction's own text, its figures read as the direction's prose.
 * The heading is the last section before the keyed lines in their container, else the container's.
 * Changes the tree in place.
 */
export function fieldSections(root: Section, directions: readonly Section[]): void {
  const byId = new Map(directions.flatMap((d) => (d.id === null ? [] : [[d.id, d] as const])));
  if (byId.size < 2) return;
  // (Numbered as the direction is, `1.1` for `1.1`, never a part's `一、` read as 1; and no title of
  // it again, as a list of the directions before their text has them.)
  const keyOf = (x: Node): Section | null => {
    if (x.kind === 'paragraph' || x.kind === 'direction' || x.kind === 'field' || x.marker === null || x.heading === null || containsDirection(x)) return null;
    const d = byId.get(idOf(x.marker));
    if (!d || d.marker?.type !== x.marker.type || !d.heading) return null;
    const rest = x.heading.text.text.slice(x.marker.length).trim();
    const title = d.heading.text.text.slice(d.marker.length).trim();
    return rest.length > 0 && !rest.startsWith(title.slice(0, 6)) ? x : null;
  };
  const visit = (container: Section): void => {
    const keyed = container.children.map(keyOf);
    if (container.kind !== 'direction' && keyed.filter((x) => x !== null).length >= 2) {
      let head = container.heading?.text.text ?? '';
      const kept: Node[] = [];
      container.children.forEach((c, k) => {
        const x = keyed[k];
        if (!x) {
          if (c.kind !== 'paragraph' && c.heading) head = c.heading.text.text;
          kept.push(c);
          return;
        }
        const named = FIELD_SECTION_HEADS.filter(([re]) => re.test(head));
        // (Only under a heading that names a field of each direction: `三、各指南方向合作协议`; never the
        // call's `三、申报要求` over `（一）…`, numbered as directions `（一）` are.)
        if (named.length === 0 || !RE_EACH_DIRECTION.test(head)) {
          kept.push(c);
          return;
        }
        const d = byId.get(idOf(x.marker!))!;
        const p = x.heading!;
        if (named.length === 1) {
          const [, label, role] = named[0]!;
          d.children.push({ ...section('field', p, { ...x.marker!, type: 'field', key: label }, { role }), children: [...x.children] });
        } else {
          d.children.push({ kind: 'paragraph', paragraph: { ...p, text: mappedTrim(mappedSlice(p.text, x.marker!.length, p.text.text.length)) } }, ...x.children);
        }
      });
      container.children.splice(0, container.children.length, ...kept);
      return;
    }
    for (const c of container.children) if (c.kind !== 'paragraph' && c.kind !== 'direction') visit(c);
  };
  visit(root);
}
