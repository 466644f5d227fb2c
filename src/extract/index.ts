/**
 * The `extract` stage: reads the fields of each guideline direction and the document's own facts
 * from the section tree. Every value carries the span it was read from. What cannot be read, or
 * reads as a doubt (a 待定 placeholder, a missing field), becomes a check here; consistency between
 * figures is checked in `validate`.
 */
import type { Mapped } from '../mapped.js';
import { mappedJoin, mappedSlice, mappedTrim } from '../mapped.js';
import { append } from '../append.js';
import type { Layout } from '../position.js';
import { spanOf } from '../position.js';
import { issuerFamily, RE_MIIT_ISSUER, type Family } from '../lexicon/families.js';
import { parseCjkNumber } from '../lexicon/chars.js';
import { closingAppliesTo, DIRECTION_CLASS, entryNumberLength, headingTitle, idsNamed, matchMarker, RE_CLOSING_FOR_PART, RE_ATTACHED_TEXT_LINE, RE_ATTACHMENT_LINE, RE_CALL_AREAS, RE_CALL_PLAN, RE_CALL_REQUIREMENTS, RE_COMPARISON_PART, RE_DEFERRED_MARK, RE_WITHDRAWN_MARK, RE_WITHDRAWN_NOTE, RE_CALL_TITLE_END, RE_CALL_TITLE_WORD } from '../lexicon/markers.js';
import { CJK_NUMERAL, isPlausible, POST, PRE } from '../lexicon/numbers.js';
const N_COUNT = `(\\d+|${CJK_NUMERAL})`;
import type { Paragraph } from '../reflow/index.js';
import { RE_TOTAL_TEXT } from '../lexicon/columns.js';
import type { Node, Section, Segmented } from '../segment/index.js';
import { containsDirection } from '../segment/tree.js';
import { fieldReferences, withReferences } from './references.js';
import type { CheckDraft, Direction, SectionOut, Span, Summary } from '../schema/guideline.js';
import {
  parseCount,
  parseDuration,
  parseProjectDuration,
  parseMoney,
  parsePerProjectCap,
  RE_BATCH,
  RE_DRAFT,
  programmeOf,
  provincialProgrammeOf,
  RE_SPECIAL_PROJECT,
  RE_TITLE_SPECIAL_PROJECT,
  RE_TITLE_SENTENCE,
  RE_TITLE_YEAR,
  RE_YEAR,
  RE_ROC_YEAR,
  findSummary,
  findCurrentSummary,
  sentenceAt,
  findCjkFundingTotal,
  cjkYear,
  FUNDING_TOTAL_LEAD,
  summaryCount,
  summaryMoney,
  parseDurationValue,
} from './patterns.js';
import { durationOut, forgetNodeTexts, implausible, nodeSpan, scanPlaceholders, summedFigures, type SpanFn } from './nodes.js';
import { findPartners, PARTNERS_WITHOUT_AGREEMENT } from '../lexicon/partners.js';
import { CATEGORY_LABELS, fieldLabelAt, FIGURE_ROLES, roleOf, type FieldRole } from '../lexicon/fields.js';
import { extractDirection } from './direction.js';
import { asPrinted, asPrintedText } from './printed.js';
import { withAnnexReferences, withCorrections } from './notices.js';
import { callConditions, RE_LEAD_OPEN, RE_MATCHING_WAIVED } from './roles/requirements.js';
import { classOfHeadings, forCategory } from './roles/partners.js';

export interface Extracted {
  readonly info: {
    readonly title: string | null;
    readonly titleSource: 'heading' | 'inferred' | 'none';
    readonly programme: string | null;
    readonly specialProject: string | null;
    readonly year: number | null;
    readonly batch: number | null;
    readonly status: 'draft' | 'final' | 'unknown';
    readonly family: Family;
  };
  readonly summary: Summary;
  readonly directions: Direction[];
  readonly sections: SectionOut[];
  readonly checks: CheckDraft[];
}


export interface ExtractOptions {
  /**
   * The tree is garbage once read (the pipeline's): what is read of it outside the directions is
   * read first, then the tree lets go of everything but the directions, and each direction's
   * subtree goes as soon as the direction is read. A large document's paragraphs and their maps
   * then go as its values are made, instead of all standing beside them. The tree is empty
   * afterwards.
   */
  readonly consume?: boolean;
}

/**
 * `sourceText`: the loaded text (`Source.text`), for the few readings that need what `clean` took
 * out (the spaces between keywords); without it those read the cleaned text alone.
 */
export function extract(segmented: Segmented, layout: Layout, sourceText = '', options: ExtractOptions = {}): Extracted {
  const sourceOf = (start: number, end: number): string => sourceText.slice(start, end);
  const span = (m: Mapped, i = 0, j = m.text.length): Span => spanOf(layout, m, i, j);
  const checks: CheckDraft[] = [];
  const root = segmented.root;
  const tree = readTree(root, span, checks);
  const { front, directions, groupsOf, statedForGroup } = tree;
  const firstDirectionStart = directions[0]?.heading?.text.from[0] ?? Number.POSITIVE_INFINITY;
  const preamble = front.filter((p) => (p.text.from[0] ?? 0) < firstDirectionStart);
  const preambleText = mappedJoin(preamble.map((p) => p.text), '\n');
  const info = documentInfo(preamble, preambleText, span, checks, sourceOf);
  // A guideline of young scientists' projects only (`…2026年度青年科学家项目申报指南`): each direction is one.
  const youthOnly = /青年科学家项目(?:申报)?指南/.test(info.title ?? '');
  withYouthRules(preamble, tree, youthOnly);

  // Figures read across line breaks too (`拟支持` / `项目数约 26 个` where each printed line is a paragraph).
  // (Never what a group states for its own directions, speaking of itself: `（一）东南亚…` / `本地区设4个
  // 指南方向，…单个项目国拨经费不超过200万元`: the group's figures, not the document's.)
  // (Nor a table's 合计 row, the sum of its rows written out: the text's own figure governs, and the
  // row's is what the directions add up to.)
  const totals = totalRows(preamble);
  let stated = areasCounted(
    readSummary(mappedJoin(preamble.filter((p) => !totals.has(p) && !(statedForGroup.has(p) && (RE_GROUP_SELF.test(p.text.text.trim()) || RE_HEADING_FIGURES.test(p.text.text)))).map((p) => p.text), ''), span, youthOnly, kindSections(preamble.map((p) => p.text), span)),
    directions.map((d) => groupsOf.get(d) ?? []),
  );
  // (Young scientists' projects stated only in their own group, `5. 青年科学家项目` / `本部分部署2个青年
  // 科学家项目方向，拟支持青年科学家项目4项，…拟安排国拨经费1200万元`: the call's figures of them all the same.)
  if (!stated.youngScientist?.count) {
    const own = front.filter((p) => statedForGroup.has(p) && /青年科学家/.test(p.text.text));
    const young = own.length > 0 ? readYoungScientist(mappedJoin(own.map((p) => p.text), '\n'), span) : null;
    if (young?.count) stated = { ...stated, youngScientist: young };
  }
  // What is read of the tree outside the directions, read before them (the directions' subtrees
  // may go as they are read: `consume`).
  const outside = outsideDirections(root, front, firstDirectionStart, span, statedForGroup);
  // The call's parts, for a call that is its one direction (`withCallSections`): kept before the tree goes.
  const parts = root.children.filter((n): n is Section => n.kind === 'part' && n.heading !== null);
  if (options.consume) {
    // Only the directions (and the groups they stand in) are read from here on.
    root.children.length = 0;
    front.length = 0;
  }
  const refs = tree.directions.map((d) => fieldReferences(d));
  const extracted = withReferences(extractDirections(tree, { span, stated, checks, sourceOf, consume: options.consume === true }), refs, checks);
  const { directions: out, summary } = withCallText(extracted, { stated, outside, parts, preamble, span, checks });
  countsLeftOpen(out, preambleText.text, checks);
  // Placeholders outside the directions are doubts too.
  append(checks, outside.frontChecks);
  summaryPlausibility(summary, checks);
  // Values in the script they were printed in (a text in traditional script was read as simplified).
  return asPrinted(
    {
      info: withFamily(info, familyOf(info.programme, out, `${info.title ?? ''}\n${outside.head}`)),
      summary,
      directions: out,
      sections: outside.sections,
      checks: familyChecks(checks, out),
    },
    sourceText,
  );
}

/** What `readTree` finds in the section tree: the text outside the directions, the directions, and what their groups state for them. */
interface TreeRead {
  /** Document-level text: every paragraph outside the directions, in order. */
  readonly front: Paragraph[];
  readonly directions: Section[];
  /** The headings of the groups a direction stands in (`1.1 与德国合作` above `1.1.1 中德…项目`). */
  readonly groupsOf: Map<Section, Paragraph[]>;
  /** For each direction: the paragraphs its groups state before their directions (`3. 青年科学家项目` / `每个项目国拨经费不超过300万元。…`). */
  readonly groupTextOf: Map<Section, Mapped[]>;
  /** Paragraphs a group (or a part) states for its own directions: none of them speaks for the whole call. */
  readonly statedForGroup: Set<Paragraph>;
}

/** Walks the section tree: the directions (a withdrawn one a check, no direction), the text around them, and what each group states for its directions. */
function readTree(root: Section, span: SpanFn, checks: CheckDraft[]): TreeRead {
  const read: TreeRead = { front: [], directions: [], groupsOf: new Map(), groupTextOf: new Map(), statedForGroup: new Set() };
  const walk = (n: Node, groups: Paragraph[], groupTexts: Mapped[]): void => {
    if (n.kind === 'paragraph') read.front.push(n.paragraph);
    else if (n.kind === 'direction' && isWithdrawn(n)) {
      // A draft prints a withdrawn direction for its reviewers (`4. 中国和斯里兰卡…项目（删除）`): not
      // one of the call's directions. Its text stays in `sections`; the check says why it is not counted.
      const h = n.heading!.text;
      checks.push({
        code: 'direction-withdrawn',
        severity: 'info',
        message: `direction ${n.id ?? n.marker?.key ?? ''} is marked withdrawn in this draft and is not counted: “${h.text}”`,
        directionId: null,
        stated: h.text,
        computed: null,
        span: span(h),
      });
    } else if (n.kind === 'direction') {
      // A note under the heading that the direction was cancelled after publication (a policy
      // database's `（注：本指南方向已取消，详见本篇题注。）`): one of the call's directions as
      // published, its values kept, and a check that says so.
      const note = withdrawnNote(n);
      const deferred = n.heading ? RE_DEFERRED_MARK.exec(n.heading.text.text.replace(/[。；;\s]+$/u, '')) : null;
      if (deferred && n.heading) {
        checks.push({
          code: 'direction-withdrawn',
          severity: 'warning',
          message: `direction ${n.id ?? n.marker?.key ?? ''} is printed but marked as closed to applications in this batch (“${deferred[1]}”); its values are kept as printed`,
          directionId: n.id ?? null,
          stated: deferred[1]!,
          computed: 'deferred',
          span: span(n.heading.text),
        });
      }
      if (note) {
        // (The note without the bracket around it, or the half a line break left it: `注：…。）`.)
        const stated = note.text.trim().replace(/^[（(]/, '').replace(/[）)]$/, '');
        checks.push({
          code: 'direction-withdrawn',
          severity: 'warning',
          message: `direction ${n.id ?? n.marker?.key ?? ''} is noted as cancelled after the guideline was published: “${stated}”; its values are kept as printed`,
          directionId: n.id ?? null,
          stated,
          computed: 'note',
          span: span(note),
        });
      }
      read.directions.push(n);
      read.groupsOf.set(n, groups);
      // (A closing paragraph, `以上（一）至（四）方向…（（二）方向除外）`, for those it names.)
      const marker = n.marker?.text ?? n.id ?? '';
      // (A paragraph that states a class's figures, `一般方向每个项目…`, for that class's directions only.)
      read.groupTextOf.set(n, groupTexts.filter((t) => (!RE_CLOSING_FOR_PART.test(t.text.trim()) || closingAppliesTo(t.text.trim(), marker)) && classApplies(t.text, groups)));
    } else {
      if (n.heading) read.front.push(n.heading);
      // Parts too: `（一）中国—德国` above `1. 联合研究项目` names the partner of its directions.
      const inner = (n.kind === 'group' || n.kind === 'part') && n.heading ? [...groups, n.heading] : groups;
      const own = statedBy(n);
      // (A group's own text, where directions follow it in the group.)
      // (Directions in its sub-parts too: `二、联合研发项目` / `本类项目…每项资助不超过100万元` / `（一）闽港合作` / `1．…`.)
      if (own.length > 0 && containsDirection(n)) for (const c of n.children) if (c.kind === 'paragraph' && own.includes(c.paragraph.text)) read.statedForGroup.add(c.paragraph);
      // (A heading whose bracket states its directions' figures speaks for them, not for the call.)
      if (n.heading && containsDirection(n) && RE_HEADING_FIGURES.test(n.heading.text.text)) read.statedForGroup.add(n.heading);
      n.children.forEach((c) => walk(c, inner, own.length > 0 ? [...groupTexts, ...own] : groupTexts));
    }
  };
  root.children.forEach((c) => walk(c, [], []));
  return read;
}

/**
 * What a group or part states for the directions in it: a group's text; a part's where the part is
 * a kind of project (`二、青年科学家项目` / `每个项目国拨经费不超过300万元。…男性应为1988年1月1日以后出生…`),
 * else its sentences that speak to the directions below it (`以下方向每个方向拟支持项目数5个`); and
 * the agreement field above its directions (`二、中国和智利…` / `合作协议：《…》《…》`: each field's
 * heading line with its label, `依据` to read it by).
 */
function statedBy(n: Section): Mapped[] {
  const states = n.kind === 'group' || (n.kind === 'part' && n.heading !== null && /青年科学家/.test(n.heading.text.text));
  const own = states
    ? n.children.flatMap((c) => (c.kind === 'paragraph' ? [c.paragraph.text] : []))
    : n.kind === 'part'
      ? n.children.flatMap((c) => (c.kind === 'paragraph' && statesForDirections(c.paragraph.text.text) ? [c.paragraph.text] : []))
      : [];
  if (n.kind === 'part' || n.kind === 'group') {
    // (Its agreement, and where it is a group of sub-directions (`方向一` over `子方向1：`), what it
    // arranges for them: `支持安排：…每个项目国拨经费不超过300万元，项目实施周期3年`.)
    const subs = n.children.some((x) => x.kind === 'direction' && /^子方向/.test(x.marker?.text ?? ''));
    for (const c of n.children) if (c.kind === 'field' && (c.role === 'agreement' || (subs && c.role !== null && GROUP_FIELD_ROLES.has(c.role))) && c.heading && n.children.some((x) => x.kind === 'direction')) own.push(mappedJoin([c.heading.text, ...c.children.flatMap((x) => (x.kind === 'paragraph' ? [x.paragraph.text] : []))], '\n'));
    // The figures its heading's bracket states for its directions (`（一）国际科技组织培育类（每项资助不超过80万元）`).
    const bracket = n.heading ? RE_HEADING_FIGURES.exec(n.heading.text.text) : null;
    if (bracket && n.heading) own.push(mappedSlice(n.heading.text, bracket.index + 1, bracket.index + bracket[0].length - 1));
  }
  return own;
}

/** The fields a group of sub-directions states for them all. */
const GROUP_FIELD_ROLES: ReadonlySet<FieldRole> = new Set(['funding', 'duration', 'projectCount', 'requirements', 'other']);

/** A bracket that ends a part's heading and states a figure for each of its projects: `（每项资助不超过80万元）`. */
const RE_HEADING_FIGURES = /[（(](?=[^（）()]*(?:每项|每个项目|单项|单个项目))[^（）()]*\d[^（）()]*(?:万元|亿元|年)[^（）()]*[）)]\s*$/;

/**
 * What the text before the directions states for young scientists' projects (`青年科学家项目每个
 * 项目国拨经费不超过300万元，实施周期不超过3年…男性应为1990年1月1日以后出生`): their cap, duration
 * and rules, as a group states them, for each 青年科学家 direction (by its title, its group
 * `5. 青年科学家项目`, or its category field `项目类别：青年科学家项目`). In place.
 */
function withYouthRules(preamble: readonly Paragraph[], tree: TreeRead, youthOnly: boolean): void {
  const youthRules: Mapped[] = [];
  for (const p of preamble) {
    const t = p.text.text;
    if (/^青年科学家项目/.test(t.trim()) || (/青年科学家/.test(t) && /(?:以后|之后)出生/.test(t))) {
      youthRules.push(p.text);
      continue;
    }
    // Or the sentence of a paragraph that states them (`其中，…拟部署青年科学家项目，拟安排国拨经费
    // 2000万元，每个项目国拨经费不超过500万元。`), never the rest of it.
    let start = 0;
    for (let i = 0; i <= t.length; i++) {
      if (i < t.length && t[i] !== '。') continue;
      const sentence = t.slice(start, i);
      if (/青年科学家/.test(sentence) && /每个项目[^。；]{0,12}不超过[\d.]+万元/.test(sentence)) youthRules.push(mappedSlice(p.text, start, i));
      start = i + 1;
    }
  }
  if (youthRules.length === 0) return;
  const youth = (d: Section): boolean =>
    youthOnly ||
    /青年科学家/.test(d.heading?.text.text ?? '') ||
    (tree.groupsOf.get(d) ?? []).some((g) => /青年科学家/.test(g.text.text)) ||
    d.children.some((c) => c.kind === 'field' && c.marker !== null && CATEGORY_LABELS.has(c.marker.key) && c.heading !== null && /青年科学家/.test(c.heading.text.text));
  for (const d of tree.directions) if (youth(d)) tree.groupTextOf.set(d, [...youthRules, ...(tree.groupTextOf.get(d) ?? [])]);
}

/** Each direction read (its subtree let go once read, with `consume`). */
function extractDirections(
  tree: TreeRead,
  run: { span: SpanFn; stated: Summary; checks: CheckDraft[]; sourceOf: (start: number, end: number) => string; consume: boolean },
): Direction[] {
  const pending: (Section | null)[] = tree.directions;
  const extracted: Direction[] = [];
  const shared = sharedFields(tree.directions);
  for (let k = 0; k < pending.length; k++) {
    const d = withSharedFields(pending[k]!, shared);
    forgetNodeTexts();
    extracted.push(extractDirection(d, run.span, run.stated, run.checks, run.sourceOf, tree.groupsOf.get(d) ?? [], tree.groupTextOf.get(d) ?? []));
    if (run.consume) {
      pending[k] = null;
      tree.groupsOf.delete(d);
      tree.groupTextOf.delete(d);
    }
  }
  forgetNodeTexts();
  return extracted;
}

/**
 * Fields of a direction whose label names the directions they are for (`有关说明（2.1～2.3）：…` after
 * 2.3, `3.1、3.2有关说明：` after 3.2: a note shared by a group of directions): each with the numbers it names.
 */
function sharedFields(directions: readonly Section[]): Map<Section, string[]> {
  const out = new Map<Section, string[]>();
  for (const d of directions) {
    for (const c of d.children) {
      if (c.kind !== 'field' || !c.marker) continue;
      const ids = idsNamed(c.marker.text, c.marker.key);
      if (ids.length > 0 && !(ids.length === 1 && ids[0] === d.id)) out.set(c, ids);
    }
  }
  return out;
}

/** A direction as its fields are read: the shared fields that name it, wherever they stand, and none that names only others. */
function withSharedFields(d: Section, shared: ReadonlyMap<Section, readonly string[]>): Section {
  if (shared.size === 0 || d.id === null) return d;
  const id = d.id;
  const own = d.children.filter((c) => !(c.kind === 'field' && shared.has(c) && !shared.get(c)!.includes(id)));
  const more = [...shared].filter(([f, ids]) => ids.includes(id) && !d.children.includes(f)).map(([f]) => f);
  return own.length === d.children.length && more.length === 0 ? d : { ...d, children: [...own, ...more] };
}

/**
 * The directions and the summary with what the call states around them: its figures after the
 * directions (each direction's gap filled, its field-missing check gone with it), the parties it
 * names, the call as its one direction, values by reference to an attachment, corrections.
 */
function withCallText(
  extracted: Direction[],
  call: { stated: Summary; outside: ReturnType<typeof outsideDirections>; parts: readonly Section[]; preamble: readonly Paragraph[]; span: SpanFn; checks: CheckDraft[] },
): { directions: Direction[]; summary: Summary } {
  const { stated, span, checks } = call;
  const { after, afterText, clauses } = call.outside;
  const kind = directionKindOf(call.preamble.map((p) => p.text.text).join(''));
  const categories = [...new Set(extracted.flatMap((d) => (d.category ? [d.category.replace(/[。；]$/, '')] : [])))];
  const figured = afterText ? extracted.map((d) => withCallFigures(d, afterText, clauses, span, kind, categories)) : extracted;
  if (afterText) dropFilledGaps(figured, checks);
  const parties = withCallParties(figured.length === 1 ? figured.map((d) => withCallSections(d, call.parts, span)) : figured, call.preamble, span, checks);
  const lone = withLoneCall(parties, afterText ? withCallDefaults(withCallTotals(stated, afterText, span, kind), parties, extracted) : stated);
  // What the text after the directions says of them: values by reference to an attachment, corrections.
  const corrected = withCorrections(withAnnexReferences(lone.directions, after, span, checks), lone.summary, after, span, checks);
  // (Each direction's place among those read: an overview's rows, a withdrawn direction, one a
  // correction deletes, dropped on the way, leave no gap: `1-based position among the directions`.)
  const directions = withCallConditions(corrected.directions, [...call.preamble, ...after].map((p) => p.text), span);
  return { ...corrected, directions: directions.map((d, k) => (d.ordinal === k + 1 ? d : { ...d, ordinal: k + 1 })) };
}

/**
 * The conditions the call states once for all its directions (`揭榜条件`: `联合体须由企业牵头`; a
 * matching ratio), each direction's own where it states none, marked inherited.
 */
function withCallConditions(directions: Direction[], callText: readonly Mapped[], span: SpanFn): Direction[] {
  if (directions.length === 0) return directions;
  const call = callConditions(callText, span);
  if (!call.matchingRatio && !call.leadingEnterprise && call.byCategory.length === 0) return directions;
  return directions.map((d) => {
    // (Not where the direction says otherwise: `本榜单可由高校…牵头`, `不作自筹资金比例要求`.)
    const own = [...d.requirements.map((r) => r.text), ...d.otherText.map((o) => o.text)].join('\n');
    // A direction of a category the call states conditions for takes its category's (`应用示范类项目须…`).
    const of = forCategory(call.byCategory, d.category);
    const matchingRatio = d.conditions.matchingRatio ?? (RE_MATCHING_WAIVED.test(own) ? null : of?.matchingRatio ?? call.matchingRatio);
    const leadingEnterprise = d.conditions.leadingEnterprise ?? (RE_LEAD_OPEN.test(own) ? null : of?.leadingEnterprise ?? call.leadingEnterprise);
    return matchingRatio === d.conditions.matchingRatio && leadingEnterprise === d.conditions.leadingEnterprise ? d : { ...d, conditions: { ...d.conditions, matchingRatio, leadingEnterprise } };
  });
}

/**
 * A call that leaves some directions' counts open on purpose (`对于仅列一个合作领域的国别，拟支持项目数视
 * 申报和评审情况确定，本指南不作具体规定`): a direction it speaks of that states no count lacks nothing,
 * its field-missing check goes (the call's sentence says why). Where the sentence names the
 * directions by their single area, only those with one area at most. In place.
 */
function countsLeftOpen(directions: readonly Direction[], preamble: string, checks: CheckDraft[]): void {
  const open = RE_COUNT_OPEN.exec(preamble);
  if (!open) return;
  const sentence = preamble.slice(sentenceAt(preamble, open.index).start, open.index + open[0].length);
  const single = /仅(?:列|有|含)(?:一|1)个(?:合作)?(?:领域|方向)/.test(sentence);
  const ids = new Set(directions.filter((d) => !d.projectCount && (!single || d.domains.length <= 1)).map((d) => d.id));
  for (let i = checks.length - 1; i >= 0; i--) if (checks[i]!.code === 'field-missing' && checks[i]!.computed === 'projectCount' && ids.has(checks[i]!.directionId ?? '')) checks.splice(i, 1);
}
const RE_COUNT_OPEN = /(?:拟支持)?项目数(?:量)?[^。；]{0,6}?(?:视[^。；]{1,16}?(?:确定|而定)|不作(?:具体)?(?:规定|限定|要求)|不(?:设|作)(?:上限|限制))/;

/** A figure the call states after its directions fills what each direction lacked: its field-missing check goes with the gap. In place. */
function dropFilledGaps(figured: readonly Direction[], checks: CheckDraft[]): void {
  const byId = new Map(figured.map((d) => [d.id, d]));
  // (Where the other directions state their funding as a total, the call's cap per project fills no direction's missing total.)
  const totals = figured.some((d) => d.funding !== null);
  const has: Readonly<Record<string, (d: Direction) => boolean>> = {
    duration: (d) => d.duration !== null,
    projectCount: (d) => d.projectCount !== null,
    funding: (d) => d.funding !== null || (d.perProjectCap !== null && !(totals && d.perProjectCap.inherited)),
  };
  for (let i = checks.length - 1; i >= 0; i--) {
    const c = checks[i]!;
    const d = c.code === 'field-missing' && c.directionId !== null ? byId.get(c.directionId) : undefined;
    if (d && has[String(c.computed)]?.(d)) checks.splice(i, 1);
  }
}

/**
 * A count of areas that group the directions (`围绕以下3个领域发布重点支持研究方向`, then `（一）…`
 * over `1．…`, `2．…`): no count of the directions. Where the stated number is that of the groups
 * the directions stand in, and not that of the directions, the summary states no direction count.
 * (Where the areas are the directions, `双方在以下六个领域共同征集…`, the two numbers agree.)
 */
function areasCounted(summary: Summary, groupsOfDirections: readonly (readonly Paragraph[])[]): Summary {
  const c = summary.directionCount;
  if (!c || !/领域|专题|板块/.test(c.text) || /方向/.test(c.text) || c.value === groupsOfDirections.length) return summary;
  const groups = new Set(groupsOfDirections.map((g) => g[g.length - 1]).filter((g) => g !== undefined));
  return groups.size === c.value ? { ...summary, directionCount: null } : summary;
}

/** A direction's first paragraph noting that it was cancelled later (`（注：本指南方向已取消…）`), or null. */
function withdrawnNote(n: Section): Mapped | null {
  const first = n.children[0];
  // (Or a field of its own, read at its `注：`.)
  const t = first?.kind === 'paragraph' ? first.paragraph.text : first?.kind === 'field' && first.heading ? first.heading.text : null;
  if (!t) return null;
  return RE_WITHDRAWN_NOTE.test(t.text.trim()) ? t : null;
}

/** A direction whose heading ends with a withdrawal mark (`（删除）`). */
function isWithdrawn(n: Section): boolean {
  return n.heading !== null && RE_WITHDRAWN_MARK.test(n.heading.text.text.replace(/[。；;\s]+$/u, ''));
}

/**
 * What `extract` reads of the tree outside its directions: the head (where an issuer names itself),
 * the section tree as output, the text after the first direction with the clauses of the call's
 * figures in it, and the placeholders outside the directions (checks, in the order of `front`).
 */
function outsideDirections(
  root: Section,
  front: readonly Paragraph[],
  firstDirectionStart: number,
  span: SpanFn,
  statedForGroup: ReadonlySet<Paragraph> = new Set(),
): { head: string; sections: SectionOut[]; after: Paragraph[]; afterText: Mapped | null; clauses: readonly Clause[]; frontChecks: CheckDraft[] } {
  // Figures stated once for the call after its directions (`四、资助计划`: `拟资助培育项目约25项，直接
  // 费用资助强度不超过80万元/项，资助期限为3年；…`), per project type where it names one; never what a
  // group states for its own directions (`5. 青年科学家项目` / `…每项国拨经费不超过300万元`).
  // (Nor what a part comparing with an earlier call says: `六、与2026年度相比的主要变化` / `资助强度由
  // 直接费用不超过200万元/项提高至…`.)
  const compared = new Set(comparisonParagraphs(root));
  const after = front.filter((p) => (p.text.from[0] ?? 0) > firstDirectionStart && !statedForGroup.has(p) && !compared.has(p));
  const afterText = after.length > 0 ? mappedJoin(after.map((p) => p.text), '\n') : null;
  const frontChecks: CheckDraft[] = [];
  // (Never in notes comparing with an earlier version: `（征求意见稿中为“待定”）` quotes it.)
  for (const p of front) if (!compared.has(p)) scanPlaceholders(p.text, null, span, frontChecks);
  return {
    head: headText(root),
    sections: root.children.map((n) => sectionOut(n, span)),
    after,
    afterText,
    clauses: afterText ? callFigureClauses(afterText) : [],
    frontChecks,
  };
}

/** The paragraphs of the parts that compare the call with an earlier one (`RE_COMPARISON_PART`), their headings too. */
function comparisonParagraphs(n: Section): Paragraph[] {
  if (n.kind === 'part' && n.heading && RE_COMPARISON_PART.test(headingTitle(n.heading.text.text))) return allParagraphs(n);
  return n.children.flatMap((c) => (c.kind === 'paragraph' || c.kind === 'direction' ? [] : comparisonParagraphs(c)));
}

/** Every paragraph of a section: its heading and all below it. */
function allParagraphs(n: Section): Paragraph[] {
  return [...(n.heading ? [n.heading] : []), ...n.children.flatMap((c) => (c.kind === 'paragraph' ? [c.paragraph] : allParagraphs(c)))];
}

/**
 * The family, from evidence: partners or agreements in most directions make an international
 * cooperation guideline; research content, indicators or categories in most (and no partners), a
 * key R&D programme guideline. The file name is never looked at.
 */
function familyOf(programme: string | null, directions: readonly Direction[], head: string): Family {
  // The issuer first: an NSFC or MIIT call is of its family whatever its directions hold. A key
  // programme's own guideline names 国家重点研发计划 and is not theirs.
  const issuer = programme === '国家重点研发计划' ? null : issuerFamily(head);
  const most = (test: (d: Direction) => boolean): boolean => directions.filter(test).length * 2 > directions.length;
  // (A province's 揭榜挂帅 list of international cooperation, each 榜单 with its 合作国别: a cooperation
  // call; a 揭榜挂帅 call of the ministry's is MIIT's whatever its tasks hold.)
  const cooperation = most((d) => d.partners.length > 0 || d.agreements.length > 0);
  if (issuer === 'miit' && !RE_MIIT_ISSUER.test(head) && cooperation) return 'international-cooperation';
  if (issuer) return issuer;
  if (cooperation) return 'international-cooperation';
  const keyLike = most((d) => d.researchContent.length > 0 || d.indicators.length > 0 || d.keywords.length > 0 || d.category !== null);
  // (A city's or province's 国际（港澳台）科技合作 call whose categories leave the partners open: its name says so.)
  if (!keyLike && /国际\s*(?:[（(]港澳台[）)])?\s*科技(?:创新)?合作|港澳台科技(?:创新)?合作/.test(head)) return 'international-cooperation';
  if (keyLike) return 'key-programme';
  if (programme === '国家重点研发计划' && most((d) => d.partners.length === 0)) return 'key-programme';
  return 'unknown';
}

interface Clause {
  readonly start: number;
  readonly end: number;
}

/**
 * The clauses of the call's figures (between `；`, `。` and line ends) that state a cap or a duration
 * for every project: read once for all directions (`withCallFigures`).
 */
function callFigureClauses(text: Mapped): Clause[] {
  const t = text.text;
  const clauses: Clause[] = [];
  let start = 0;
  for (let i = 0; i <= t.length; i++) {
    if (i === t.length || '；;。\n'.includes(t[i]!)) {
      const clause = t.slice(start, i);
      // `注：…每个项目国拨经费原则上不超过500万元`, a note below a table of directions: a cap of each
      // (never a young scientists' one).
      const paragraph = t.slice(t.lastIndexOf('\n', start) + 1, t.indexOf('\n', i) < 0 ? t.length : t.indexOf('\n', i));
      // (Never the partner side's own figures: `ANR对每个项目法方团队的资助额度…，资助期限为36至48个月`.)
      const sentence = sentenceAt(t, start, '。\n');
      // (A sentence of both sides, `中方每项不超过200万元…，德方资助强度按照DFG的有关规定执行`, states the Chinese side's.)
      const foreign = RE_OTHER_SIDE.test(t.slice(sentence.start, sentence.end)) && !/中方/.test(t.slice(sentence.start, sentence.end));
      if (!foreign && (/资助强度|资助期限|支持强度|实施期限|实施周期|执行期|支持不超过/.test(clause) || (/每个项目|每项/.test(clause) && !/青年/.test(paragraph)) || RE_COUNT_EACH.test(clause))) clauses.push({ start, end: i });
      start = i + 1;
    }
  }
  return clauses;
}

/** The partner side's team, applicants or money (`法方团队`, `外方申请人`, `德方资助经费`): never `中方`, `双方`, `各方`. */
const RE_OTHER_SIDE = /(?:外方|(?<![中双各我本该此对多一两三甲乙])[\u4e00-\u9fff]方)(?:团队|申请人|申请者|研究人员|合作单位|资助|经费)/;

/**
 * A direction's cap, duration and count from the call's figures when it states none: each from the
 * clause (`callFigureClauses`) that names its category (`培育项目`), else from the only clause that
 * states it for every project (`资助强度：每项不超过200万元`, `资助期限：3年`, a count for each
 * direction: `每个领域原则上不超过3项`). Marked inherited, with the clause's span. A figure the
 * clauses naming the category do not give comes from those naming no category of the directions
 * (`重点支持项目约10项，…260万元/项；集成项目1项，…` then `资助期限均为4年`: every kind's duration).
 */
function withCallFigures(d: Direction, text: Mapped, clauses: readonly Clause[], span: SpanFn, kind: string | null = null, categories: readonly string[] = []): Direction {
  if (d.perProjectCap && d.duration && d.projectCount) return d;
  const t = text.text;
  const category = d.category?.replace(/[。；]$/, '') ?? null;
  const named = category ? clauses.filter((c) => t.slice(c.start, c.end).includes(category)) : [];
  const unnamed = named.length > 0 ? clauses.filter((c) => !categories.some((x) => t.slice(c.start, c.end).includes(x))) : [];
  // (The clauses of the kind of project the directions are, `重点支持项目资助强度为…`, where the call
  // gives other kinds figures of their own, `培育项目…60万元/项`: theirs speak for the directions.)
  // (The whole sentence, to its `。`: `重点支持项目资助强度为…；资助期限为4年` speaks of the kind in each clause.)
  const ofKind = kind
    ? clauses.filter((c) => {
        const { start, end } = sentenceAt(t, c.start, '。\n');
        return t.slice(start, end).includes(kind);
      })
    : [];
  /** The one clause giving a figure: the one naming the category, else the only one that gives it, else the only one of the directions' kind. */
  const pick = <T>(read: (clause: string) => T | null): { at: number; value: T } | null => {
    // Where clauses name the category, only they and those naming none speak for it (never another type's figure).
    for (const pool of named.length > 0 ? [named, unnamed] : [clauses, ofKind]) {
      const found = pool.flatMap((c) => {
        const v = read(t.slice(c.start, c.end));
        return v === null ? [] : [{ at: c.start, value: v }];
      });
      if (found.length === 1) return found[0]!;
    }
    return null;
  };
  let out = d;
  if (!d.perProjectCap) {
    const cap = pick((clause) => {
      const c = parsePerProjectCap(clause);
      return c && isPlausible('fundingCNY', c.value) ? c : null;
    });
    if (cap) {
      const i = cap.at + cap.value.index;
      out = { ...out, perProjectCap: { amountCNY: cap.value.value, text: t.slice(i, i + cap.value.length), span: span(text, i, i + cap.value.length), inherited: true } };
    }
  }
  if (!d.duration) {
    const hit = pick((clause) => {
      const h = parseDuration(clause);
      const years = h?.value.maxYears ?? h?.value.minYears ?? null;
      return h && years !== null && isPlausible('years', years) ? h : null;
    });
    if (hit) {
      const i = hit.at + hit.value.index;
      out = { ...out, duration: durationOut(hit.value.value, true, t.slice(i, i + hit.value.length), span(text, i, i + hit.value.length)) };
    }
  }
  if (!d.projectCount) {
    const hit = pick((clause) => {
      const m = RE_COUNT_EACH.exec(clause);
      if (!m) return null;
      const c = parseCount(clause.slice(m.index + m[0].length));
      return c && isPlausible('projects', c.value.value) ? { ...c, index: m.index + m[0].length + c.index } : null;
    });
    if (hit) {
      const i = hit.at + hit.value.index;
      const { value, qualifier, min } = hit.value.value;
      out = { ...out, projectCount: { value, qualifier, ...(min === undefined ? {} : { min }), text: t.slice(i, i + hit.value.length), span: span(text, i, i + hit.value.length), inherited: true } };
    }
  }
  return out;
}

/**
 * A call that is its one direction (an NSFC joint call whose areas are bare names of fields, read
 * from its plan `二、资助计划`): its domains are the areas the call lists (`一、资助领域` / `1. 地球
 * 科学（气候变化与冰冻圈科学）`), its requirements the items of its `申请要求` section, where it
 * states none of its own.
 */
function withCallSections(d: Direction, parts: readonly Section[], span: SpanFn): Direction {
  if (!RE_CALL_PLAN.test(d.title)) return d;
  const itemsOf = (re: RegExp): Section[] => parts.filter((p) => re.test(headingTitle(p.heading!.text.text))).flatMap((p) => p.children.filter((c): c is Section => (c.kind === 'item' || c.kind === 'group') && c.heading !== null && c.marker !== null));
  const after = (n: Section): Mapped => mappedTrim(mappedSlice(n.heading!.text, n.marker!.length, n.heading!.text.text.length), '。；;');
  let out = d;
  if (d.domains.length === 0) {
    const areas = itemsOf(RE_CALL_AREAS);
    if (areas.length > 0) out = { ...out, domains: areas.map((n) => ({ label: after(n).text, detail: null, marker: n.marker!.text.trim(), span: span(after(n)), children: [] })) };
  }
  if (d.requirements.length === 0) {
    const items = itemsOf(RE_CALL_REQUIREMENTS);
    if (items.length > 0) out = { ...out, requirements: items.map((n) => ({ label: n.marker!.text.trim(), text: after(n).text, span: span(after(n)) })) };
  }
  return out;
}

/**
 * A call that is its one direction (see `withCallSections`): the call's count is the direction's
 * own, and the direction's is the call's.
 */
function withLoneCall(directions: Direction[], summary: Summary): { directions: Direction[]; summary: Summary } {
  const d = directions[0];
  if (directions.length !== 1 || !d || !RE_CALL_PLAN.test(d.title)) return { directions, summary };
  const count = summary.projectCount;
  if (!d.projectCount && count) return { directions: [{ ...d, projectCount: { value: count.value, qualifier: count.qualifier, text: count.text, span: count.span, inherited: false } }], summary };
  if (d.projectCount && !count) return { directions, summary: { ...summary, projectCount: { value: d.projectCount.value, qualifier: d.projectCount.qualifier, text: d.projectCount.text, span: d.projectCount.span } } };
  return { directions, summary };
}

/** The title of an agreement between two parties: `《…合作谅解备忘录》`, `《…科技合作协定》`. */
const RE_AGREEMENT_TITLE = /《([^《》]{4,80}(?:协议|协定|备忘录|安排|纪要|议定书|合作计划))》/g;

/**
 * The partner and the agreement a call names once for all its directions, where no direction names
 * its own (an NSFC joint call with a foreign agency: `国家自然科学基金委员会与德国科学基金会（DFG）
 * 合作研究项目指南`, `根据双方签署的《…合作谅解备忘录》`): exactly one partner in the title lines,
 * exactly one agreement in the text before the directions. Each direction takes them, with their
 * spans; an info check says so once.
 */
function withCallParties(directions: readonly Direction[], preamble: readonly Paragraph[], span: SpanFn, checks: CheckDraft[]): Direction[] {
  if (directions.length === 0 || directions.some((d) => d.partners.length > 0 || d.agreements.length > 0)) return [...directions];
  const partners = new Map<string, Direction['partners'][number]>();
  // (The head's lines before its first sentence: the title, a site's chrome above it; never the
  // special project's name in quotes, `“港澳台科技创新合作”重点专项…内地与澳门…指南` names 澳门 alone.)
  const sentence = preamble.findIndex((p) => /[。；]/.test(p.text.text));
  const head = preamble.slice(0, Math.max(4, Math.min(12, sentence < 0 ? 4 : sentence)));
  for (const p of head) {
    // (Nor a record's line, `发布时间：…　来源：港澳台办`: an office, no partner.)
    if (/(?:来源|发布时间|发文机关|发布机构|索引号)[：:]/.test(p.text.text)) continue;
    const t = p.text.text.replace(/“[^”]{1,30}”/g, (q) => '\u3000'.repeat(q.length));
    for (const h of findPartners(t)) if (!partners.has(h.name)) partners.set(h.name, { name: h.name, text: h.text, span: span(p.text, h.index, h.index + h.length), recognised: true });
  }
  const agreements = new Map<string, Direction['agreements'][number]>();
  for (const p of preamble) {
    for (const m of p.text.text.matchAll(RE_AGREEMENT_TITLE)) if (!agreements.has(m[1]!)) agreements.set(m[1]!, { title: m[1]!, span: span(p.text, m.index + 1, m.index + 1 + m[1]!.length) });
  }
  if (partners.size !== 1) return [...directions];
  const partner = [...partners.values()][0]!;
  const agreement = agreements.size === 1 ? [...agreements.values()][0]! : null;
  checks.push({
    code: 'call-parties-inherited',
    severity: 'info',
    message: `no direction names its partner: every direction takes the call's (${partner.name}${agreement ? `, 《${agreement.title}》` : ''})`,
    directionId: null,
    stated: agreement ? `${partner.name}；《${agreement.title}》` : partner.name,
    computed: null,
    span: partner.span,
  });
  // The titles name no partner: no doubt about it now.
  const ids = new Set(directions.map((d) => d.id));
  for (let i = checks.length - 1; i >= 0; i--) if (checks[i]!.code === 'partner-unrecognised' && ids.has(checks[i]!.directionId ?? '')) checks.splice(i, 1);
  // (Nor about the agreement, where the call's is each direction's.)
  if (agreement) for (let i = checks.length - 1; i >= 0; i--) if (checks[i]!.code === 'field-missing' && checks[i]!.computed === 'agreements' && ids.has(checks[i]!.directionId ?? '')) checks.splice(i, 1);
  return directions.map((d) => ({ ...d, partners: [partner], agreements: agreement ? [agreement] : [] }));
}

/** A count stated for each direction of a call: `每个领域原则上不超过3项`, `每个方向资助1～2项`. */
const RE_COUNT_EACH = /每个(?:领域|方向|研究方向|任务|专题)(?:原则上|拟)?(?:资助|支持)?(?:项目)?(?:数)?(?=[^。；\n]{0,6}?\d)/;

/**
 * The call's totals stated after its directions (NSFC's `四、资助计划`: `2023年度拟资助项目约18项，直接
 * 费用总计约2760万元`), where the text before them states none. Read only from the sentences of the
 * plan (those that say 拟资助 / 拟支持, or that state the call's total: `资助直接费用总额约2460万元`); counts given per project type (`拟资助培育项目约25项；…
 * 拟资助重点支持项目约6项`) add up to the call's.
 */
function withCallTotals(summary: Summary, text: Mapped, span: SpanFn, kind: string | null = null): Summary {
  if (summary.projectCount && summary.fundingTotal && summary.directionCount && summary.partnerCount) return summary;
  const plan = planSentences(text);
  let { projectCount, fundingTotal, directionCount, partnerCount } = summary;
  /** A count the sentence states (`在上述7个领域拟共同资助…`: the plan after the areas counts them too). */
  const counted = (figure: 'partnerCount' | 'directionCount' | 'projectCount', m: Mapped): Summary['projectCount'] => {
    const hit = findSummary(figure, m.text);
    return hit && isPlausible('projects', summaryCount(hit).value) ? { ...summaryCount(hit), text: hit[0], span: span(m, hit.index, hit.index + hit[0].length) } : null;
  };
  for (const m of plan) {
    partnerCount ??= counted('partnerCount', m);
    directionCount ??= counted('directionCount', m);
    projectCount ??= counted('projectCount', m);
    if (!fundingTotal) {
      const f = findSummary('fundingTotal', m.text);
      if (f && isPlausible('fundingCNY', summaryMoney(f).amountCNY)) {
        fundingTotal = { amountCNY: summaryMoney(f).amountCNY, qualifier: summaryMoney(f).qualifier, text: f[0].replace(new RegExp(`^${FUNDING_TOTAL_LEAD}`), ''), span: span(m, f.index, f.index + f[0].length) };
      }
    }
  }
  projectCount ??= typedProjectCount(plan, span, kind);
  return { ...summary, projectCount, fundingTotal, directionCount, partnerCount };
}

/**
 * The sentences of a call's plan: those that say 拟资助 / 拟支持, or that state the call's total alone
 * (`2025年度资助直接费用总额约2460万元。`); never a young scientists' part of it, nor a sentence
 * addressed to each direction (`每个研究方向拟资助1项`).
 */
function planSentences(text: Mapped): Mapped[] {
  const t = text.text;
  const plan: Mapped[] = [];
  let start = 0;
  for (let i = 0; i <= t.length; i++) {
    if (i === t.length || '。\n'.includes(t[i]!)) {
      const sentence = t.slice(start, i).trim();
      if ((/(?:拟|计划)(?:共同|联合)?(?:资助|支持)|(?:资助|经费|资金)总额/.test(sentence) || /^[^，；]{0,12}(?:资助)?(?:直接费用|经费)(?:总额|总计|合计)/.test(sentence)) && !/青年/.test(sentence) && !/^(?:每个|各|每项)[^，。；]{0,8}(?:方向|任务)/.test(sentence)) plan.push(mappedSlice(text, start, i));
      start = i + 1;
    }
  }
  return plan;
}

/**
 * The kind of project the call's directions are, where the text names it (`设立11个重点支持项目研究方向`):
 * of the call's kinds (`拟资助重点支持项目14项` / `拟资助培育项目约30项`), the one its directions count.
 */
function directionKindOf(text: string): string | null {
  const m = /(?:设立|设置|部署|发布|围绕[^。；]{0,40}?设)(?:\d{1,3}|[一二三四五六七八九十]{1,3})?个?([\u4e00-\u9fff]{2,6}项目)(?:研究|指南|资助)?方向/.exec(text);
  return m ? m[1]! : null;
}

/**
 * The call's count as the sum of its counts per project type (`拟资助培育项目约25项`, `拟资助重点支持项目约6项`),
 * or null. Where the directions are of one of the kinds (`kind`), that kind's count alone: the
 * other kinds' projects are no direction's.
 */
function typedProjectCount(plan: readonly Mapped[], span: SpanFn, kind: string | null = null): Summary['projectCount'] {
  const all = plan.flatMap((m) => [...m.text.matchAll(RE_TYPED_COUNT)].map((x) => ({ m, x })));
  const ofKind = kind ? all.filter(({ x }) => x[0].includes(kind)) : [];
  const typed = ofKind.length === 1 && all.length > 1 ? ofKind : all;
  const parts = typed.map(({ m, x }) => ({ ...summaryCount(x), text: x[0], span: span(m, x.index, x.index + x[0].length) }));
  if (!parts.every((p) => isPlausible('projects', p.value))) return null;
  // (Summed up after the kinds, `拟资助重点支持项目16项、培育项目6项，合计22项`: the sum.)
  const last = all[all.length - 1];
  const sum = last ? summedCount(summedFigures(parts), last.m, last.x.index + last.x[0].length, span) : null;
  return sum ?? summedFigures(parts);
}

/**
 * The figures the call states once after its directions, as the document's defaults, where every
 * direction took the same one (one statement, one span) and the text before them states none.
 */
function withCallDefaults(summary: Summary, directions: readonly Direction[], before: readonly Direction[] = directions): Summary {
  const shared = <T extends { readonly span: Span; readonly inherited?: boolean }>(get: (d: Direction) => T | null | undefined): T | null => {
    const all = directions.map(get);
    const first = all[0];
    if (first && first.inherited && all.every((x) => x && x.inherited && x.span.start === first.span.start)) return first;
    // Or the figure one clause of the call gave most directions, the others stating their own or
    // their group's (`除管理科学部研究方向另有规定外，每个研究方向原则上资助1项…`): more than half of
    // them, every direction with a figure.
    if (all.some((x) => !x)) return null;
    const filled = all.filter((x, k): x is T => x !== null && x !== undefined && x.inherited === true && !get(before[k]!));
    // (Never where the call gives its kinds of project figures of their own, `培育项目…80万元` /
    // `重点支持项目…300万元`: one clause filled them all.)
    const one = filled[0];
    return one && filled.every((y) => y.span.start === one.span.start) && filled.length * 2 > all.length ? one : null;
  };
  const duration = summary.defaultDuration ? null : shared((d) => d.duration);
  const cap = summary.defaultPerProjectCap ? null : shared((d) => d.perProjectCap);
  const count = summary.defaultProjectCount ? null : shared((d) => d.projectCount);
  let out = summary;
  if (duration) {
    const { inherited: _inherited, ...value } = duration;
    out = { ...out, defaultDuration: value };
  }
  if (cap) out = { ...out, defaultPerProjectCap: { amountCNY: cap.amountCNY, text: cap.text, span: cap.span } };
  if (count) out = { ...out, defaultProjectCount: { value: count.value, qualifier: count.qualifier, ...(count.min === undefined ? {} : { min: count.min }), text: count.text, span: count.span } };
  return out;
}

/** The family, and for an NSFC guide that does not print its programme's name, that name. */
function withFamily<T extends { readonly programme: string | null }>(info: T, family: Family): T & { readonly family: Family } {
  return { ...info, family, ...(family === 'nsfc' && info.programme === null ? { programme: '国家自然科学基金' } : {}) };
}

/** The text before the first part or direction, where an issuer names itself. At most 600 characters. */
function headText(root: Section): string {
  let out = '';
  for (const c of root.children) {
    if (c.kind !== 'paragraph') break;
    out += c.paragraph.text.text;
    if (out.length > 600) break;
  }
  return out.slice(0, 600);
}

function summaryPlausibility(summary: Summary, checks: CheckDraft[]): void {
  const t = summary.fundingTotal;
  if (t && !isPlausible('fundingCNY', t.amountCNY)) implausible(checks, null, 'funding total', t.text, t.span);
  const c = summary.projectCount;
  if (c && !isPlausible('projects', c.value)) implausible(checks, null, 'project total', c.text, c.span);
}


/** The kinds of a key programme's directions that differ in what they state: `揭榜挂帅`, `部省联动`, `青年科学家`… */
const RE_PROJECT_KIND = /揭榜挂帅|部省联动|青年科学家|定向委托|赛马/;

/**
 * A direction missing a field is a doubt when the other directions have it; in a guideline where
 * no direction names agreements or partners (a domestic special project), their absence is the
 * form, not a doubt.
 */
function familyChecks(checks: CheckDraft[], directions: readonly Direction[]): CheckDraft[] {
  const has: Record<string, (d: Direction) => boolean> = {
    agreements: (d) => d.agreements.length > 0,
    domains: (d) => d.domains.length > 0,
    projectCount: (d) => d.projectCount !== null,
    // (A sum per project of its own, `资助额度：每项不超过20万元`, is the funding its siblings state.)
    funding: (d) => d.funding !== null || (d.perProjectCap !== null && !d.perProjectCap.inherited),
    partners: (d) => d.partners.length > 0,
    researchContent: (d) => d.researchContent.length > 0,
    indicators: (d) => d.indicators.length > 0,
    keywords: (d) => d.keywords.length > 0,
  };
  // (Money among the directions of one kind: a key programme's 揭榜挂帅, 部省联动 and young
  // scientists' directions state it, its ordinary ones do not, and none of them lacks it.)
  const kindOf = (d: Direction): string => RE_PROJECT_KIND.exec(d.title)?.[0] ?? '';
  // (A number two directions of two kinds share: judged among all the directions.)
  const kindsOf = new Map<string | null, Set<string>>();
  for (const d of directions) kindsOf.set(d.id, (kindsOf.get(d.id) ?? new Set()).add(kindOf(d)));
  const kindOfId = (id: string | null): string => {
    const kinds = kindsOf.get(id);
    return kinds?.size === 1 ? [...kinds][0]! : '*';
  };
  // Once per field and kind, not once per check: a long document has as many checks as directions.
  const known = new Map<string, boolean>();
  // (An agreement among the directions with partners that have none with us, 海峡两岸's: where
  // none of them names one, none lacks it; where most do, the one that does not is a doubt.)
  const sideOf = (d: Direction): string => (d.partners.length > 0 && d.partners.every((p) => PARTNERS_WITHOUT_AGREEMENT.has(p.name)) ? 'no-agreement' : '');
  const byId = new Map(directions.map((d) => [d.id, d]));
  const common = (field: string, kind: string): boolean => {
    let is = known.get(`${field}:${kind}`);
    if (is === undefined) {
      const test = has[field];
      const peers = kind === '*' ? directions : directions.filter((d) => (kind === 'no-agreement' ? sideOf(d) === kind : kindOf(d) === kind));
      is = test === undefined || peers.filter(test).length * 2 >= peers.length;
      known.set(`${field}:${kind}`, is);
    }
    return is;
  };
  return checks.filter((c) => {
    // (Only money is stated by kind: any other field is judged among all the directions.)
    const of = c.computed === 'agreements' && c.directionId !== null ? byId.get(c.directionId) : undefined;
    const side = of ? sideOf(of) : '';
    const kind = c.computed === 'funding' ? kindOfId(c.directionId) : side === 'no-agreement' ? side : '*';
    if (c.code === 'field-missing') return common(String(c.computed), kind);
    if (c.code === 'partner-unrecognised') return common('partners', kind);
    return true;
  });
}


/**
 * The paragraphs a title may start in: the first four; or, where lines of a reposting office or a
 * database (`研究事务处 Research Office`, `转载通告（RO/2024/031）`, `发出日期：2024年4月18日`) stand
 * above it, from the run of title lines that ends with a call's title word (`…申报指南`) within
 * the first eight.
 */
function titleHead(preamble: readonly Paragraph[]): readonly Paragraph[] {
  const first = preamble.slice(0, 8);
  const end = first.findIndex((p) => {
    const t = p.text.text.replace(/[。\s]+$/, '').replace(/[（(]征求意见稿[）)]$/, '');
    return RE_CALL_TITLE_END.test(t) && isTitleLine(t);
  });
  if (end < 0) return preamble.slice(0, 4);
  let start = end;
  while (start > 0 && isTitleLine(first[start - 1]!.text.text)) start--;
  // The draft mark may stand on its own line below the title.
  const after = first[end + 1] && /^[（(]?征求意见稿[）)]?$/.test(first[end + 1]!.text.text) ? end + 2 : end + 1;
  // (From the first line: the first four, and the draft mark under a title of four lines, `附件`
  // above three.)
  return start === 0 ? preamble.slice(0, Math.max(4, after)) : first.slice(start, after);
}

/** What a deck or a talk adds after the guideline's title it presents: `申报指南宣讲`, `解读`, `培训课件`. */
const RE_PRESENTING = /(指南(?:[（(][^（）()]{1,10}[）)])?)(?:申报指南)?(?:宣讲|解读|政策解读|培训|宣讲会|说明会|辅导)(?:材料|课件|PPT|会)?$/;

/** An issuer's name alone: a committee, ministry, department or bureau. */
/** The endings of a government body's name (`…委员会`, `…部`, `…厅`): an issuer's. */
const ISSUER_ENDINGS = '委员会|部|厅|局|委';
const RE_ISSUER_NAME = new RegExp(`^[\\u4e00-\\u9fff]{2,24}(?:${ISSUER_ENDINGS})$`);

/** A line that ends in a date (`2026年3月27日`, a letter's or a signature's). */
const RE_DATE_LINE = /\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$/;

/** A line that may be part of a title: short, no clause punctuation or colon, not mostly Latin, no number marker. */
function isTitleLine(t: string): boolean {
  const latin = (t.match(/[A-Za-z]/g) ?? []).length;
  return t.length > 0 && t.length <= 60 && !/[。；;：:]/.test(t) && latin * 3 < t.length && matchMarker(t) === null && !/[（(][A-Z]{1,4}[/／〔]/.test(t);
}

/** Words a line of a call's title holds (its programme, its year, what it calls for); a signature (`科研院项目办 赵敏`) has none. */
const RE_TITLE_PART_WORD = /指南|专项|计划|基金|通知|年度|重大|重点|榜单|国家|关于|[部局委厅省市]|[“”]|\d{4}/;

/** How a call's title begins (its programme, its publisher, `关于`, a year, a quoted name). */
const RE_TITLE_START = /^(?:国家|关于|[“「"]|(?:19|20)\d{2}|科技部|科学技术部|工业和信息化部|工信部|教育部|中国|科技创新2030|[^\s]{2,8}(?:省|市|自治区))/;

/** A repost's headline: a tag and a bar (`重磅｜`), or who published the guideline (`科技部发布“…”…指南`). */
const RE_HEADLINE = /^[^“”《》]{1,8}[｜|]|^(?:科技部|基金委|工信部|国家自然科学基金委员会|[^“”《》]{0,10})(?:发布|印发|公布|转发)/;

/** A repost's tag before a title: `【转载】`, `[转发]`. */
/** A repost's tag before a title, or an SMS's signature and part count (`【华南理工科研院】(1/3)`). */
const RE_REPOST_TAG = /^(?:[【\[](?:转载|转发|转帖|原文)[】\]]|【[^】]{2,16}】\s*[（(]\d{1,2}\/\d{1,2}[）)])\s*/;

/** A sentence addressed to the directions that follow it: `以下方向…`, `每个方向…`, `上述各方向…`, `本地区设3个指南方向，…`. */
// (A part's paragraph of its own figures and of each project's: `本部分拟支持项目约23个，…。除另有说明外，
// 本部分每个项目资助经费不超过200万元，实施期限为36个月。`)
/** A group speaking of itself at a sentence's start: `本部分…`, `…。本类项目…`. */
// (`本框架下各主题…`, `本计划…`: a programme an NSFC guide sets its topics under.)
const RE_GROUP_SELF = /(?:^|。)本(?:地区|区域|部分|组|专题|板块|类|框架|计划)/;
const RE_FOR_DIRECTIONS_BELOW = new RegExp(String.raw`^(?:本|该|此)类(?:项目|方向)?(?:支持|资助|共|每项|每个项目|拟|的)|^(?:本(?:地区|区域|部分|组|类|批次?))?(?:以下|下列)(?:各)?(?:指南)?方向|^(?:本组|本部分|本类)(?:各)?(?:指南)?方向|^本(?:地区|区域|部分|组|类|专题|板块)(?:共)?设(?:立|置)?(?:\d{1,2}|[一二三四五六七八九十])个(?:指南)?方向|(?:每个|各)(?:指南|研究|项目)?方向(?:均|各)?(?:原则上)?(?:拟|国拨|支持|资助|经费|实施)|${RE_GROUP_SELF.source}(?:项目)?[^\n]{0,80}?(?:每个(?:项目|平台|基地|团队)|每项|单个项目|(?:实施|建设|执行|资助)(?:期限|周期|期)(?:一般|原则上|均)?(?:为|不超过)?\s*\d)`);

/**
 * A part's paragraph that states something for the directions in it: a sentence addressed to them,
 * or a figure's field given once for them (`（一）国际联合研发项目` / `支持强度：每项不超过100万元。` /
 * `实施期限：2年`).
 */
function statesForDirections(text: string): boolean {
  if (RE_FOR_DIRECTIONS_BELOW.test(text) || RE_CLOSING_FOR_PART.test(text.trim())) return true;
  // A field's label, numbered as an item of a list of such fields too (`（2）支持经费：每个方向不超过200万元`,
  // which the marker reader takes for the label it is).
  // (Or the agreement they all follow: `合作协议：《…》《…》` under `二、中国和智利…`.)
  const marker = matchMarker(text);
  if (marker?.type === 'field') return FIGURE_ROLES.has(roleOf(marker.key)) || roleOf(marker.key) === 'agreement';
  const label = fieldLabelAt(text);
  return label !== null && (FIGURE_ROLES.has(label.role) || label.role === 'agreement');
}

function documentInfo(
  preamble: readonly Paragraph[],
  text: Mapped,
  span: SpanFn,
  checks: CheckDraft[],
  sourceOf: (start: number, end: number) => string,
): Omit<Extracted['info'], 'family'> {
  const head = titleHead(preamble);
  const found = titleOf(preamble, head, text, span, checks);
  const title = found.title;
  const where = `${title ?? ''}\n${text.text}`;
  // (The nation's programme a title names first, then a province's own, then the nation's the text names.)
  const programme = programmeOf(title ?? '') ?? provincialProgrammeOf(title ?? '') ?? programmeOf(where);
  const specialProject = RE_SPECIAL_PROJECT.exec(where)?.[1] ?? RE_TITLE_SPECIAL_PROJECT.exec(title ?? '')?.[1] ?? null;
  const status = statusOf(preamble, head, found, checks);
  // The title as printed (a text in traditional script is read as simplified).
  const printedTitle = title !== null && found.from >= 0 && found.to > found.from ? asPrintedText(title, sourceOf(found.from, found.to)) : title;
  return {
    title: printedTitle,
    titleSource: found.source,
    programme,
    specialProject: specialProject !== null && printedTitle !== null && title !== null && title.includes(specialProject) ? printedTitle.slice(title.indexOf(specialProject), title.indexOf(specialProject) + specialProject.length) : specialProject,
    ...yearAndBatch(title, text.text),
    status,
  };
}

/** The document's title, where it stands (0-based offsets in the loaded text, -1 where unknown) and how it was found. */
interface FoundTitle {
  readonly title: string | null;
  readonly from: number;
  readonly to: number;
  readonly source: Extracted['info']['titleSource'];
}

/**
 * The title: the title lines at the head (or a better one below them: the guideline under a
 * notice, the guideline's own under a repost's headline, a title block further down); else the
 * sentence that names the guideline (a check says so), else none (a check too).
 */
function titleOf(preamble: readonly Paragraph[], head: readonly Paragraph[], text: Mapped, span: SpanFn, checks: CheckDraft[]): FoundTitle {
  const lines = betterTitle(leadingTitle(head), preamble, head);
  if (RE_CALL_TITLE_WORD.test(lines.title) && lines.title.length <= 120) return { ...lines, source: 'heading' };
  const m = RE_TITLE_SENTENCE.exec(text.text);
  if (!m) {
    checks.push({ code: 'title-missing', severity: 'warning', message: 'no title found', directionId: null, stated: null, computed: null, span: null });
    return { ...lines, title: null, source: 'none' };
  }
  const title = m[1]!;
  const at = m.index + m[0].indexOf(title);
  checks.push({
    code: 'title-inferred',
    severity: 'info',
    message: `no title line: the title is taken from the sentence that names the guideline (“${title}”)`,
    directionId: null,
    stated: null,
    computed: title,
    span: span(text, m.index, m.index + m[0].length),
  });
  return { title, from: text.from[at] ?? -1, to: text.to[at + title.length - 1] ?? -1, source: 'inferred' };
}

/**
 * The title lines at the head: the run of leading paragraphs without sentence punctuation (a
 * centred title often wraps into two short lines), up to the draft mark; it names a 指南.
 */
function leadingTitle(head: readonly Paragraph[]): TitleAt {
  const parts: string[] = [];
  let from = -1;
  let to = -1;
  for (const [k, p] of head.entries()) {
    // (A compilation's number before the title, `十二、国家重点研发计划…指南`, is no part of it.)
    const entry = entryNumberLength(p.text.text);
    const t = p.text.text.slice(entry).trimStart();
    if (/^[（(]?征求意见稿[）)]?$/.test(t)) {
      if (parts.length > 0) break;
      continue;
    }
    const skip = titleLineSkip(t, parts.length === 0);
    if (skip === 'skip') continue;
    if (skip === 'restart' || skip === 'stop') {
      // A letter's date ends the letter above the title; a table of contents at the head holds none.
      parts.length = 0;
      from = to = -1;
      if (skip === 'stop') break;
      continue;
    }
    // A title line may end with a full stop (`…项目申报指南。`, as some copies print it); a deck's or a
    // talk's title names the guideline it presents (`…项目指南（第一批）申报指南宣讲`): the guideline's.
    const shown = t.replace(RE_PRESENTING, '$1');
    const bare = shown !== t ? shown : RE_CALL_TITLE_END.test(t.replace(/。$/, '')) ? t.replace(/。$/, '') : t;
    // (Nor is a line with a clause in it, or that ends by introducing what follows: `各位老师：`.)
    if (/[。；，]/.test(bare) || /[：:]$/.test(bare) || bare.length > 60 || matchMarker(bare)) break;
    // A repost's tag before the title (`【转载】国家重点研发计划…指南`) is no part of it.
    // (A notice's `附件：…指南` line names the guideline it carries: the title is after the label; so
    // does a record's `指南名称：…`.)
    const attached = /^(?:附件\s*\d{0,2}|指南名称|文件名称|标题|名称)\s*[：:]\s*/.exec(bare)?.[0].length ?? 0;
    parts.push(bare.slice(attached).replace(/[（(]征求意见稿[）)]/, '').replace(RE_REPOST_TAG, '').trim());
    if (from < 0) from = p.text.from[attached] ?? -1;
    to = p.text.to[p.text.to.length - 1] ?? to;
    // A title ends with 指南 (or 通知, 榜单 for the calls that publish as a notice): what follows
    // it is text, even without a blank line or a full stop.
    if (!RE_CALL_TITLE_END.test(parts[parts.length - 1]!)) continue;
    // A subtitle in brackets on the line below (`（组织间合作研究项目）`) is part of it.
    const below = head[k + 1];
    const next = below?.text.text.trim() ?? '';
    // (Not an edition's note, `（中英文对照版）`, `（修订版）`: the same guideline's, no part of its title.)
    if (below && /^[（(][^（）()]{2,30}[）)]$/.test(next) && !/征求意见稿/.test(next) && !RE_EDITION_NOTE.test(next)) {
      parts.push(next);
      to = below.text.to[below.text.to.length - 1] ?? to;
    }
    break;
  }
  return trimTitleHead(parts, head, from, to);
}

/**
 * What a line at the head is to the title: `skip` (`附件1` above the title of a guideline
 * published as an attachment; a 公文's number `工信厅信发函〔2025〕112号` under its issuer's mark),
 * `restart` (a letter's date `2026年3月27日` ends the letter above the title: nothing before it is
 * the title), `stop` (a table of contents at the head, `目录` over its entries, a web page's side
 * list printed first: the title is found further down), or null (read it).
 */
function titleLineSkip(t: string, first: boolean): 'skip' | 'restart' | 'stop' | null {
  if (first && RE_ATTACHMENT_LINE.test(t)) return 'skip';
  if (/^[\u4e00-\u9fff]{1,12}[〔［\[（(【]\s*\d{4}\s*[〕］\]）)】]\s*\d{1,4}\s*号$/.test(t.trim())) return 'skip';
  if (RE_DATE_LINE.test(t.trim()) && /^\d/.test(t.trim())) return 'restart';
  if (/^目\s*录$/.test(t.trim())) return 'stop';
  return null;
}

/**
 * The title lines without the lines above them that are none of it: a forwarder's signature
 * (`科研院项目办 赵敏`: no word of a call's title in it, and a call's title without it that begins as
 * one does; `人工智能赋能新型工业化` / `揭榜挂帅任务榜单` stays whole), or a site's name above a title
 * that begins with it (`湖南省工业和信息化厅` / `湖南省工业和信息化厅关于…的通知`: the page's header).
 */
function trimTitleHead(parts: string[], head: readonly Paragraph[], from: number, to: number): TitleAt {
  const drop = (): void => {
    parts.shift();
    const first = head.find((p) => p.text.text.includes(parts[0]!));
    if (first) from = first.text.from[first.text.text.indexOf(parts[0]!)] ?? from;
  };
  while (parts.length > 1 && !RE_TITLE_PART_WORD.test(parts[0]!) && RE_TITLE_START.test(parts[1]!) && RE_CALL_TITLE_WORD.test(parts.slice(1).join(''))) drop();
  while (parts.length > 1 && parts[0]!.length >= 2 && parts[1]!.startsWith(parts[0]!)) drop();
  // An issuer's name on a line of its own (a site's header, `国家自然科学基金委员会`) above a title that
  // begins with the quoted name of its plan (`“…”重大研究计划2026年度项目指南`): no part of the title.
  while (parts.length > 1 && RE_ISSUER_NAME.test(parts[0]!) && /^[“「『"]/.test(parts[1]!)) drop();
  return { title: parts.join(''), from, to };
}

/**
 * A better title than the head's lines, where there is one: the guideline's own title right below
 * a notice's, the guideline's own title under a repost's headline, the guideline a notice carries
 * as its attachment, or a title block further down where the head has none.
 */
/** The name of an office or a body, as it signs a letter (`研究事务处`, `科研院`, `国际合作司`). */
const RE_OFFICE_NAME = new RegExp(`^[\\u4e00-\\u9fff]{2,20}(?:${ISSUER_ENDINGS}|处|办公室|司|院|中心|大学|学院)$`);
/** A field of a letterhead or a memo's head inside what was read as a title: `通告编号：`, `日期：`, `致：`, `事由：`. */
const RE_LETTERHEAD_FIELD = /(?:编号|文号|日期|致|事由|发文单位|发件人|收件人)[：:]/;
function betterTitle(lines: TitleAt, preamble: readonly Paragraph[], head: readonly Paragraph[]): TitleAt {
  let found = lines;
  // A notice's title right above the guideline's own: the guideline's.
  const inner = /通知$/.test(found.title) && found.to >= 0 ? titleBelowNotice(head, found.to) : null;
  if (inner) found = inner;
  // A repost's headline (`重磅｜科技部发布“…”…申报指南`): the guideline's own title printed further
  // down, where there is one, is the title.
  // (Never a notice's own title, `关于发布…指南的通告`: the guideline is the one it names, below.)
  if (RE_HEADLINE.test(found.title) && !/^关于/.test(found.title)) found = ownTitleUnderHeadline(found, preamble) ?? found;
  // A notice whose guideline follows as its attachment (`附件1` or `附：指南原文` alone on a line, then
  // the guideline's own title block): the document is that guideline.
  // (A 揭榜挂帅 notice is the call itself, its task list attached: its title stays, as MIIT's do;
  // unless what it attaches is titled a guideline of its own, `附件1` / `2026年…揭榜挂帅申报指南`.)
  // (A tender's notice too, `…专项（第一批）招标公告`, its 招标项目指南 attached.)
  if (/^.{0,30}关于|(?:通知|通告|公告|函)$/.test(found.title)) {
    const attached = attachedTitle(preamble) ?? namedTitle(preamble, found.title);
    if (attached && (!/揭榜/.test(found.title) || /指南$/.test(attached.title))) found = attached;
  }
  // No title at the head (a forwarded e-mail's chain above it; a letterhead whose lines are fields,
  // `通告编号：RO/2026/057` / `日期：…`, a research office's repost): a title block further down.
  if (!(RE_CALL_TITLE_WORD.test(found.title) && found.title.length <= 120) || RE_LETTERHEAD_FIELD.test(found.title)) found = titleFurtherDown(preamble, head, found.to) ?? found;
  // (Or a head that names a call only in passing, not at its end: a portal's name and menu,
  // `国家科技管理信息系统公共服务平台` / `首页` / `通知公告`, a task page's heading `…·指南拆解与组织`.)
  // (A site's `首页` is in no title: its menu was read as one.)
  else if (!RE_CALL_TITLE_END.test(found.title.replace(/[（(]征求意见稿[）)]$/, '')) || /首页/.test(found.title)) found = titleFurtherDown(preamble, head) ?? found;
  return withWrappedStart(found, preamble);
}

/**
 * A title whose first line a narrow column's wrap joined to the paragraph above (`…请提前做好准备。
 * 国家重点研发计划“…` / `重点专项` / `2026年度…申报指南`): that line put back at its start, where the
 * title found does not begin as a title does.
 */
function withWrappedStart(found: TitleAt, preamble: readonly Paragraph[]): TitleAt {
  if (RE_TITLE_START.test(found.title)) return found;
  const at = preamble.findIndex((p) => p.text.from[0] === found.from);
  if (at <= 0) return found;
  const start = titleStartAbove(preamble, at);
  if (start.at === at) return found;
  const whole = `${titleFrom(preamble, start, at - 1)}${found.title}`;
  return RE_CALL_TITLE_WORD.test(whole) ? { ...found, title: whole, from: preamble[start.at]!.text.from[start.cut] ?? found.from } : found;
}

/**
 * The guideline's own title under a repost's headline. (A notice's `附件：…指南` line only names
 * it; a title wrapped over two lines is taken whole.)
 */
function ownTitleUnderHeadline(headline: TitleAt, preamble: readonly Paragraph[]): TitleAt | null {
  const at = preamble.findIndex((p) => {
    const t = p.text.text.trim();
    return t !== headline.title && t.length <= 60 && !/[。；，：:]/.test(t) && !RE_HEADLINE.test(t) && RE_CALL_TITLE_END.test(t) && !matchMarker(t);
  });
  if (at < 0) return null;
  const own = preamble[at]!;
  const start = titleStartAbove(preamble, at, (upper) => upper !== headline.title);
  const whole = titleFrom(preamble, start, at);
  if (!RE_CALL_TITLE_WORD.test(whole)) return null;
  return { title: whole, from: preamble[start.at]!.text.from[start.cut] ?? -1, to: own.text.to[own.text.to.length - 1] ?? -1 };
}

/** Draft (征求意见稿 at the head or under the title), final (a title line), or unknown (a check says so). */
function statusOf(preamble: readonly Paragraph[], head: readonly Paragraph[], found: FoundTitle, checks: CheckDraft[]): Extracted['info']['status'] {
  // The draft mark under the title, wherever the title stands.
  const underTitle = found.to >= 0 ? preamble.find((p) => (p.text.from[0] ?? -1) > found.to) : undefined;
  const draft = head.some((p) => RE_DRAFT.test(p.text.text)) || (underTitle !== undefined && /^[（(]?征求意见稿[）)]?$/.test(underTitle.text.text.trim()));
  // (A record's status field, as a system's export states it: `指南状态 | 已发布`.)
  const published = head.some((p) => /(?:指南|发布)状态\s*[|｜：:]\s*(?:已发布|正式发布|已公布)/.test(p.text.text));
  const status = draft ? 'draft' : found.source === 'heading' || published ? 'final' : 'unknown';
  if (status === 'unknown') {
    checks.push({
      code: 'status-unknown',
      severity: 'info',
      message: 'neither a draft mark (征求意见稿) nor a title line: cannot tell draft from final',
      directionId: null,
      stated: null,
      computed: null,
      span: null,
    });
  }
  return status;
}

/**
 * The year (the title's, a Taiwan-side `民国115年度` counted from 1912, else the text's) and the
 * batch: the title's, else the one batch the text names (a text that names two, `第一批设立6个…；
 * 第二批设立5个…`, is the year's guideline of both: no batch).
 */
function yearAndBatch(title: string | null, text: string): { year: number | null; batch: number | null } {
  const roc = RE_ROC_YEAR.exec(title ?? '') ?? RE_ROC_YEAR.exec(text);
  const yearText = RE_YEAR.exec(title ?? '')?.[1] ?? RE_TITLE_YEAR.exec(title ?? '')?.[1] ?? (roc ? String(Number(roc[1]) + 1911) : undefined) ?? RE_YEAR.exec(text)?.[1];
  const named = new Set([...text.matchAll(new RegExp(RE_BATCH.source, 'g'))].map((m) => parseCjkNumber(m[1]!)));
  const batchText = RE_BATCH.exec(title ?? '')?.[1] ?? (named.size === 1 ? RE_BATCH.exec(text)?.[1] : undefined);
  return { year: yearText ? Number(yearText) : cjkYear(title ?? '') ?? cjkYear(text), batch: batchText ? parseCjkNumber(batchText) : null };
}

/** A title found away from the head of the text, with where it stands in the loaded text (0-based offsets). */
interface TitleAt {
  readonly title: string;
  readonly from: number;
  readonly to: number;
}

/**
 * The guideline's own title right below a notice's (`科技部关于发布…申报指南的通知` over
 * `国家重点研发计划“…”重点专项` / `2025年度项目申报指南`: a portal page that shows the guideline
 * under the notice's heading, with no text of the notice's own between): up to three short lines
 * after the notice's title (ending at `to`) that end as a guideline's title does, not a notice's.
 */
function titleBelowNotice(head: readonly Paragraph[], to: number): TitleAt | null {
  const after = head.findIndex((p) => (p.text.from[0] ?? -1) > to);
  const lines: Paragraph[] = [];
  for (let k = after; k >= 0 && k < head.length && lines.length < 3; k++) {
    const t = head[k]!.text.text.trim();
    if (/[。；，：:]/.test(t) || t.length > 60 || matchMarker(t)) break;
    lines.push(head[k]!);
    if (RE_CALL_TITLE_END.test(t)) break;
  }
  const own = lines.map((p) => p.text.text.trim()).join('');
  if (lines.length === 0 || !RE_CALL_TITLE_END.test(own) || /通知$/.test(own) || !RE_CALL_TITLE_WORD.test(own)) return null;
  const last = lines[lines.length - 1]!.text;
  return { title: own, from: lines[0]!.text.from[0] ?? -1, to: last.to[last.to.length - 1] ?? -1 };
}

/**
 * The title block of a guideline a notice carries (`附件1` / `附：指南原文` alone on its line, then up
 * to four short lines ending in 指南, the draft mark left out), or null.
 */
/** A guideline's title's end: `…指南`, or `…指南（第一批）`. */
const RE_GUIDE_END = /指南(?:[（(]第[一二三四五六七八九十\d]{1,3}批[）)])?$/;

function attachedTitle(preamble: readonly Paragraph[]): TitleAt | null {
  const at = preamble.findIndex((p) => RE_ATTACHMENT_LINE.test(p.text.text.trim()) || RE_ATTACHED_TEXT_LINE.test(p.text.text.trim()));
  if (at < 0) return null;
  const lines: Paragraph[] = [];
  for (let k = at + 1; k < preamble.length && lines.length < 4; k++) {
    const t = preamble[k]!.text.text.trim();
    if (/^[（(]?征求意见稿[）)]?$/.test(t)) break;
    if (!isTitleLine(t)) return null;
    lines.push(preamble[k]!);
    if (RE_GUIDE_END.test(t.replace(/[（(]征求意见稿[）)]$/, ''))) break;
  }
  const own = lines.map((p) => p.text.text.trim()).join('').replace(/[（(]征求意见稿[）)]$/, '');
  // (A task list a notice publishes, `…任务榜单`, is the notice's own call: its title stays.)
  if (lines.length === 0 || !RE_GUIDE_END.test(own) || !RE_CALL_TITLE_WORD.test(own)) return null;
  const last = lines[lines.length - 1]!.text;
  return { title: own, from: lines[0]!.text.from[0] ?? -1, to: last.to[last.to.length - 1] ?? -1 };
}

/**
 * The guideline a notice names and then prints, alone on its line (`现将《2026年度…申报指南》印发给
 * 你们` … `2026年度…申报指南`; `关于征求…申报指南（征求意见稿）意见的通知` … its title): that line, the
 * draft mark left out, or null.
 */
function namedTitle(preamble: readonly Paragraph[], notice: string): TitleAt | null {
  const names = new Set<string>();
  const bare = (t: string): string => t.replace(/[（(]征求意见稿[）)]$/, '');
  for (const p of preamble) {
    const t = p.text.text.trim();
    const own = bare(t);
    const named = names.has(own) || (own.length >= 10 && own !== bare(notice) && notice.includes(own) && RE_GUIDE_END.test(own) && RE_CALL_TITLE_WORD.test(own));
    if (named) return { title: own, from: p.text.from[0] ?? -1, to: p.text.to[p.text.to.length - 1] ?? -1 };
    for (const m of t.matchAll(/《([^《》]{6,80})》/g)) if (RE_GUIDE_END.test(bare(m[1]!)) && RE_CALL_TITLE_WORD.test(m[1]!)) names.add(bare(m[1]!));
  }
  return null;
}

/**
 * The first title block standing further down than the head (a forwarded e-mail's chain, a letter
 * and its signature above it): a line ending in 指南 or 榜单 with no sentence in it, and the short
 * line above it where the title wraps (never a notice's `关于…的通知`, nor `附件：…` naming it).
 */
/** The title as a record's field: `指南名称：…申报指南`. Group 1 is the title. */
const RE_TITLE_FIELD = /^(?:指南名称|指南全称|文件名称|文件标题)[：:]\s*([^。；：:]{8,80}?(?:指南|榜单))[。]?$/;

function titleFurtherDown(preamble: readonly Paragraph[], head: readonly Paragraph[], after = Number.POSITIVE_INFINITY): TitleAt | null {
  // The title given as a field of a record above the text (`指南名称：国家重点研发计划…申报指南`).
  const named = preamble.slice(0, 40).find((p) => RE_TITLE_FIELD.test(p.text.text.trim()));
  if (named) {
    const m = RE_TITLE_FIELD.exec(named.text.text)!;
    const at = named.text.text.indexOf(m[1]!);
    return { title: m[1]!, from: named.text.from[at] ?? -1, to: named.text.to[at + m[1]!.length - 1] ?? -1 };
  }
  const at = preamble.findIndex((p) => {
    const t = p.text.text.trim();
    // (Below the head, or below what was read as a title and names no call: a site's name over its
    // menu and the page's heading, `国家科技管理信息系统公共服务平台`.)
    return (!head.includes(p) || (p.text.from[0] ?? -1) > after) && isTitleLine(t) && /(?:指南|榜单)(?:[（(]征求意见稿[）)])?$/.test(t) && !/[《》]|^附件|^关于|^主题|通[知告]$/.test(t);
  });
  if (at < 0) return null;
  const own = preamble[at]!;
  const above = at > 0 ? preamble[at - 1]! : null;
  const upper = above?.text.text.trim() ?? '';
  // (Never an office's name that signs the text above, `研究事务处`.)
  // (Nor a page's heading over it, `指南查看`, `正文`.)
  // (Nor an attachment's label, `附件1`.)
  const wrapped = above !== null && isTitleLine(upper) && !RE_DATE_LINE.test(upper) && !RE_CALL_TITLE_END.test(upper) && !RE_OFFICE_NAME.test(upper) && !RE_ATTACHMENT_LINE.test(upper) && !/(?:查看|详情|浏览|下载|打印|正文|全文)$/.test(upper) && upper.length <= 40 && RE_CALL_TITLE_WORD.test(upper + own.text.text.trim());
  // (A line above that is no title's start, `重点专项`, where the start is one more line up.)
  const start = wrapped && !RE_TITLE_START.test(upper) ? titleStartAbove(preamble, at - 1) : null;
  const from = start && start.at < at - 1 ? start : { at: wrapped ? at - 1 : at, cut: 0 };
  const whole = titleFrom(preamble, from, at).replace(/[（(]征求意见稿[）)]$/, '');
  if (!RE_CALL_TITLE_WORD.test(whole)) return null;
  return { title: whole, from: preamble[from.at]!.text.from[from.cut] ?? -1, to: own.text.to[own.text.to.length - 1] ?? -1 };
}

/**
 * Where a title whose last line is paragraph `at` starts: the paragraph above where it begins as a
 * title does (`国家…`, `2026年度…`), or two above where the one between is a title's short line
 * (`国家重点研发计划“…` / `重点专项` / `2026年度…申报指南`, a phone's narrow column); else `at`.
 * The first may be the end of a paragraph after its last sentence (`cut`: where in it), where a
 * narrow column's wrap joined the title's first line to the text before it (`…请提前做好准备。国家…`).
 */
/**
 * A line above a title that is never its start: a letter's date (`2026年2月27日` begins as a title's
 * year does), an office that signs the text above (`研究事务处`), a repost's headline, an attachment's
 * label (`附件1` alone above the title of the guideline it carries).
 */
const neverTitleStart = (upper: string): boolean => RE_DATE_LINE.test(upper) || RE_OFFICE_NAME.test(upper) || RE_HEADLINE.test(upper) || RE_ATTACHMENT_LINE.test(upper.trim());

function titleStartAbove(preamble: readonly Paragraph[], at: number, allowed: (upper: string) => boolean = () => true): { at: number; cut: number } {
  for (let k = at - 1; k >= Math.max(0, at - 2); k--) {
    const text = preamble[k]!.text.text.trimEnd();
    const end = text.lastIndexOf('。');
    const tail = end >= 0 && end < text.length - 1 ? end + 1 : 0;
    const upper = text.slice(tail).trim();
    if (!isTitleLine(upper) || neverTitleStart(upper) || !allowed(upper)) break;
    if (RE_TITLE_START.test(upper)) return { at: k, cut: tail + (text.slice(tail).length - text.slice(tail).trimStart().length) };
    if (tail > 0) break;
  }
  return { at, cut: 0 };
}

/** The title's lines from `start` to paragraph `at`, joined. */
function titleFrom(preamble: readonly Paragraph[], start: { at: number; cut: number }, at: number): string {
  return preamble.slice(start.at, at + 1).map((p, i) => (i === 0 ? p.text.text.slice(start.cut) : p.text.text).trim()).join('');
}

/**
 * A count of one kind of project that the sentence sums up after it (`拟资助重点支持项目16项、培育项目6项，
 * 合计22项`): the sum is the call's count. `at`: where the count's match ends.
 */
function summedCount(count: Summary['directionCount'], text: Mapped, at: number, span: SpanFn): Summary['directionCount'] {
  if (!count) return null;
  const t = text.text;
  const sum = RE_COUNT_SUM.exec(t.slice(at, sentenceAt(t, at, '。；\n').end));
  if (!sum) return count;
  const from = at + sum.index + sum[0].length - sum[1]!.length;
  return { value: Number(sum[2]), qualifier: sum[1]!.startsWith('约') ? 'about' : 'exact', text: sum[1]!, span: span(text, from, from + sum[1]!.length) };
}
const RE_COUNT_SUM = /^[^。；]{0,40}?[，,、]\s*(?:合计|共计|总计|共)\s*((?:约)?\s*(\d{1,4})\s*(?:项|个))/;

/**
 * The figures the text states for the whole call. `youthOnly`: the guideline is one of young
 * scientists' projects only (`…青年科学家项目申报指南`), whose sentences about them state the call's.
 */
function readSummary(text: Mapped, span: SpanFn, youthOnly = false, kinds: ReturnType<typeof kindSections> = { caps: [], durations: [], ranges: [] }): Summary {
  const t = text.text;
  const countOf = (m: RegExpExecArray | null): Summary['directionCount'] => (m ? { ...summaryCount(m), text: m[0], span: span(text, m.index, m.index + m[0].length) } : null);
  const count = (figure: 'directionCount' | 'partnerCount'): Summary['directionCount'] => countOf(findCurrentSummary(figure, t));
  const f = findCurrentSummary('fundingTotal', t);
  const projects = findCurrentSummary('projectCount', t);
  const d = parseProjectDuration(t);
  // In Chinese numerals (`国拨经费总概算七千八百万元`) where no total is in digits.
  const cjk = f ? null : findCjkFundingTotal(t);
  const fundingTotal = f
    ? {
        amountCNY: summaryMoney(f).amountCNY,
        qualifier: summaryMoney(f).qualifier,
        text: f[0].replace(new RegExp(`^${FUNDING_TOTAL_LEAD}`), ''),
        span: span(text, f.index, f.index + f[0].length),
      }
    : cjk
      ? { amountCNY: cjk.value.amountCNY, qualifier: cjk.value.qualifier, text: t.slice(cjk.index, cjk.index + cjk.length), span: span(text, cjk.index, cjk.index + cjk.length) }
      : null;
  let defaultDuration: Summary['defaultDuration'] = null;
  if (d) {
    const { months: _months, ...value } = d.value;
    if (isPlausible('years', value.maxYears ?? value.minYears ?? 0)) {
      defaultDuration = { ...value, ...(d.value.months === undefined ? {} : { months: d.value.months }), text: t.slice(d.index, d.index + d.length), span: span(text, d.index, d.index + d.length) };
    }
  }
  // Figures under a section of the call's text that names a kind of project are that kind's, not
  // every direction's.
  const inKind = (x: { span: { start: number } } | null): boolean => x !== null && kinds.ranges.some(([a, b]) => x.span.start >= a && x.span.start < b);
  const defaultPerProjectCap = readDefaultCap(text, span, youthOnly);
  const categoryCaps = [...readCategoryCaps(text, span), ...kinds.caps];
  // (`共性关键技术类项目国拨经费原则上不高于2500万元/项，基础前沿类…`: the first category's cap, no default.)
  const categoryDurations = [...readCategoryDurations(text, span), ...kinds.durations];
  const ofCategory = (x: { span: { start: number; end: number } } | null): boolean => x !== null && [...categoryCaps, ...categoryDurations].some((c) => c.span.start < x.span.end && x.span.start < c.span.end);
  return {
    directionCount: count('directionCount'),
    partnerCount: count('partnerCount'),
    // (Else per project type, where the text before the directions states the plan so.)
    projectCount: (projects && summedCount(countOf(projects), text, projects.index + projects[0].length, span)) ?? typedProjectCount(planSentences(text), span, directionKindOf(t)),
    fundingTotal,
    defaultDuration: inKind(defaultDuration) || ofCategory(defaultDuration) ? null : defaultDuration,
    defaultProjectCount: readDefaultCount(text, span, youthOnly),
    defaultPerProjectCap: inKind(defaultPerProjectCap) || ofCategory(defaultPerProjectCap) ? null : defaultPerProjectCap,
    categoryCaps,
    youngScientist: readYoungScientist(text, span),
    categoryDurations,
  };
}

/**
 * A section of the call's text headed by a kind of project (`（一）国际大科学计划培育专项`, `二、对外合作
 * 重点项目`): its heading names the kind, alone on its line.
 */
const RE_KIND_NAME = /^([^\s，,。；;：:（）()]{2,20}(?:专项|项目|类))$/;

/**
 * The figures stated under each kind of project the call's text heads a section with
 * (`（一）国际大科学计划培育专项` / `1.资助强度：每项院拨经费不超过1500万元。` / `2.执行期：3年`): that
 * kind's cap and period, read for the directions that name it as their category; and where the
 * sections stand (source offsets of the text), whose figures are no default of every direction.
 */
function kindSections(paragraphs: readonly Mapped[], span: SpanFn): { caps: Summary['categoryCaps']; durations: Summary['categoryDurations']; ranges: [number, number][] } {
  const caps: Summary['categoryCaps'] = [];
  const durations: Summary['categoryDurations'] = [];
  const ranges: [number, number][] = [];
  let kind: string | null = null;
  for (const p of paragraphs) {
    const line = p.text;
    const trimmed = line.trim();
    const marker = matchMarker(trimmed);
    // (Any other heading at those levels ends the kind's section.)
    if (marker && (marker.type === 'paren-cjk' || marker.type === 'cjk-comma')) {
      kind = RE_KIND_NAME.exec(trimmed.slice(marker.length).trim())?.[1] ?? null;
      if (kind !== null) continue;
    }
    if (kind === null || trimmed === '') continue;
    const where = span(p, 0, line.length);
    ranges.push([where.start, where.end]);
    const cap = parsePerProjectCap(line);
    if (cap && isPlausible('fundingCNY', cap.value)) caps.push({ categories: [kind], amountCNY: cap.value, text: line.slice(cap.index, cap.index + cap.length), span: span(p, cap.index, cap.index + cap.length) });
    const d = parseDuration(line);
    if (d && isPlausible('years', d.value.maxYears ?? d.value.minYears ?? 0)) {
      const { months, ...value } = d.value;
      durations.push({ categories: [kind], ...value, ...(months === undefined ? {} : { months }), text: line.slice(d.index, d.index + d.length), span: span(p, d.index, d.index + d.length) });
    }
  }
  return { caps: [...caps, ...tableCategoryCaps(paragraphs, span)], durations, ranges };
}

/**
 * The categories a clause of a period speaks of, and the length of its words before the value: the
 * categories it names (`基础研究类项目一般为5年`, `青年科学家项目实施周期不超过3年`), else, in a sentence that
 * opens with a class of directions, that class (`重点方向…，项目实施周期不超过4年`); null for neither.
 */
function periodCategories(clause: string, sentence: string): { categories: string; lead: number } | null {
  const c = RE_CATEGORY_PERIOD.exec(clause);
  if (c) return { categories: c[1]!, lead: c[0].length };
  const cls = RE_CLASS_START.exec(sentence)?.[1];
  const m = cls ? RE_PERIOD_LABEL.exec(clause) : null;
  return m && cls ? { categories: cls, lead: m[0].length } : null;
}
const RE_PERIOD_LABEL = /^(?:项目)?(?:实施周期|实施期限|执行期|项目周期)/;
/** A clause naming categories of projects, then their period: `基础研究类项目一般为5年`, `青年科学家项目实施周期不超过3年`. */
const RE_CATEGORY_PERIOD = /^(?:其中|对于)?((?:[\u4e00-\u9fff]{2,10}?类(?:项目)?[和、及与]?){1,4}|青年科学家项目)(?:项目)?(?:的)?(?:实施周期|实施期限|执行期|项目周期)?/;

/**
 * Durations stated per category of projects, in a sentence on the projects' period (`项目实施周期按项目
 * 类别确定：基础研究类项目一般为5年，共性关键技术类项目一般为4年，…`): each with the categories it names.
 */
function readCategoryDurations(text: Mapped, span: SpanFn): Summary['categoryDurations'] {
  const t = text.text;
  const out: Summary['categoryDurations'] = [];
  for (const sentence of t.matchAll(/[^。\n]*(?:实施周期|实施期限|执行期|项目周期)[^。\n]*/g)) {
    for (const clause of sentence[0].matchAll(/[^，,；;：:]+/g)) {
      const c = periodCategories(clause[0].trim(), sentence[0]);
      if (!c) continue;
      const categories = c.categories.split(/[和、及与]|项目/).filter((x) => /类$|青年科学家$|方向$/.test(x)).map((x) => (x === '青年科学家' ? '青年科学家项目' : x));
      const lead = clause[0].length - clause[0].trimStart().length;
      const hit = parseDurationValue(clause[0].trim().slice(c.lead));
      if (categories.length === 0 || !hit) continue;
      const years = hit.value.maxYears ?? hit.value.minYears ?? 0;
      if (!isPlausible('years', years)) continue;
      const i = sentence.index + clause.index + lead + c.lead + hit.index;
      const { months, ...value } = hit.value;
      out.push({ categories, ...value, ...(months === undefined ? {} : { months }), text: t.slice(i, i + hit.length), span: span(text, i, i + hit.length) });
    }
  }
  return out;
}

/** `拟资助培育项目约25项`: a call's count of one type of project (groups: qualifier, number, qualifier). */
const RE_TYPED_COUNT = new RegExp(`拟(?:资助|支持)[^，。；\\d]{1,12}?项目${PRE}${N_COUNT}(?:个|项)${POST}`, 'g');

// (`每个重大项目指南拟资助1个项目`: an NSFC guide is a direction.)
const RE_DEFAULT_COUNT = /(?:(?:(?:每个|各|每项)(?:项目|指南|揭榜|研究|资助|榜单|攻关|重大项目指南|重点项目指南|重大项目|重点项目)?(?:方向|任务|榜单|课题)|(?:每个|各)(?:重大|重点)?项目指南|(?:每项|每个|各)指南(?!方向))[^。；\n\d]{0,12}?(?:拟)?(?:支持|立项|资助|遴选)(?:项目数|项目)?(?:为|数为|原则上为|原则上不超过)?|每个项目拟支持数为|每个课题(?:择优)?确定|(?:未作说明|未说明|未注明|未作规定|未规定|未作特别说明)的[，,]\s*(?:拟)?(?:支持|资助)(?:项目数|项目)?(?:为|数为)?|同一(?:指南)?方向(?:下)?(?:原则上)?(?:只|仅)(?:支持|资助|立项))/g;

/** `每个项目方向拟支持项目数为1～2项`: a count for every direction, stated once. */
function readDefaultCount(text: Mapped, span: SpanFn, youthOnly = false): Summary['defaultProjectCount'] {
  const t = text.text;
  for (const m of t.matchAll(RE_DEFAULT_COUNT)) {
    const after = m.index + m[0].length;
    const hit = parseCount(t.slice(after, after + 16));
    if (!hit || hit.index > 2) continue;
    if (!youthOnly && /青年科学家/.test(t.slice(sentenceAt(t, m.index).start, after))) continue;
    // (A condition, not a figure: `每个项目拟支持数为1～2项的，原则上立项1项`.)
    if (t[after + hit.index + hit.length] === '的') continue;
    let end = after + hit.index + hit.length;
    // (`同一指南方向下原则上只支持1项，…可同时支持2项`: one, or at most two.)
    const more = /^只|^仅/.test(m[0].replace(/^同一(?:指南)?方向(?:下)?(?:原则上)?/, '')) ? /可(?:同时)?支持(\d)\s*项/.exec(t.slice(end, sentenceAt(t, end).end)) : null;
    if (more && Number(more[1]) > hit.value.value) {
      end = end + more.index + more[0].length;
      return { value: Number(more[1]), qualifier: 'atMost', min: hit.value.value, text: t.slice(m.index, end), span: span(text, m.index, end) };
    }
    return { ...hit.value, text: t.slice(m.index, end), span: span(text, m.index, end) };
  }
  return null;
}

/** The categories a cap's clause names before it (`共性关键技术类和应用示范类项目每个项目…`), or none. */
// (`共性关键技术类项目国拨经费原则上不高于`: the money's name between.)
const RE_CAP_CATEGORIES = /((?:[\u4e00-\u9fff]{2,10}类(?:项目)?[和、及与]?){1,4})项目(?:的)?(?:国拨经费|中央财政经费|财政经费|经费|资助强度|支持强度)?[^。；，]{0,6}$/;
function capCategories(t: string, at: number): string[] {
  const clause = t.slice(Math.max(0, t.lastIndexOf('，', at - 1) + 1, t.lastIndexOf('。', at - 1) + 1, t.lastIndexOf('；', at - 1) + 1), at);
  const m = RE_CAP_CATEGORIES.exec(clause);
  if (m) return m[1]!.split(/[和、及与]|项目/).filter((x) => /类$/.test(x));
  const cls = sentenceClass(t, at);
  return cls ? [cls] : [];
}

/**
 * A class of directions a sentence opens with (`重点方向不单列…；每个项目国拨经费不超过500万元，项目实施
 * 周期不超过4年。`, `一般方向每个项目…`): what the sentence states is that class's, its directions under a
 * heading of that name (`（一）重点方向`).
 */
function sentenceClass(t: string, at: number): string | null {
  return RE_CLASS_START.exec(t.slice(sentenceAt(t, at, '。\n').start, at))?.[1] ?? null;
}
const RE_CLASS_START = new RegExp(`^\\s*(?:其中[，,]?\\s*)?(${DIRECTION_CLASS})`);

/** Whether a text a group states applies to a direction under `groups`: any, unless it opens with a class other than the one they are headed by. */
function classApplies(text: string, groups: readonly Paragraph[]): boolean {
  const cls = RE_CLASS_START.exec(text)?.[1];
  return cls === undefined || classOfHeadings(groups) === cls;
}

/** Caps stated for categories of directions (key programmes): each with the categories it names. */
function readCategoryCaps(text: Mapped, span: SpanFn): Summary['categoryCaps'] {
  const t = text.text;
  const out: Summary['categoryCaps'] = [];
  let from = 0;
  while (from < t.length) {
    const hit = parsePerProjectCap(t.slice(from));
    if (!hit) break;
    const i = from + hit.index;
    const categories = capCategories(t, i);
    if (categories.length > 0 && isPlausible('fundingCNY', hit.value)) out.push({ categories, amountCNY: hit.value, text: t.slice(i, i + hit.length), span: span(text, i, i + hit.length) });
    from = i + hit.length;
  }
  return out;
}

/** A table column of categories (`培训班类别`, `项目类型`) and one of what each project of them gets (`资助标准（每项）`). */
const RE_CATEGORY_COLUMN = /类别|类型/;
const RE_CAP_COLUMN = /^(?!.*(?:总|合计|共计))(?:.*(?:资助标准|资助强度|资助额度|资助上限|经费上限|支持强度|支持标准|补助标准)|.*(?:每项|单项|每个项目))/;

/**
 * Caps a table before the directions states per category (`|培训班类别|…|资助标准（每项）|` over
 * `|技术培训班|…|不超过75万元|`): each row's category with its cap, read for the directions that
 * name that category (`培训类别：技术培训班`).
 */
function tableCategoryCaps(paragraphs: readonly Mapped[], span: SpanFn): Summary['categoryCaps'] {
  const out: Summary['categoryCaps'] = [];
  let columns: { category: number; cap: number } | null = null;
  for (const p of paragraphs) {
    const line = p.text;
    const t = line.trim();
    if (!t.startsWith('|')) {
      columns = null;
      continue;
    }
    const cells = t.replace(/^\||\|$/g, '').split('|').map((c) => c.trim());
    if (columns === null) {
      const category = cells.findIndex((c) => RE_CATEGORY_COLUMN.test(c) && c.length <= 12);
      const cap = cells.findIndex((c) => RE_CAP_COLUMN.test(c) && c.length <= 16);
      columns = category >= 0 && cap >= 0 ? { category, cap } : { category: -1, cap: -1 };
      continue;
    }
    if (columns.category < 0) continue;
    const name = cells[columns.category] ?? '';
    const cell = cells[columns.cap] ?? '';
    const money = parseMoney(cell);
    if (name.length < 2 || name.length > 16 || !money || !isPlausible('fundingCNY', money.value.amountCNY)) continue;
    const i = line.indexOf(cell) + money.index;
    out.push({ categories: [name], amountCNY: money.value.amountCNY, text: line.slice(i, i + money.length), span: span(p, i, i + money.length) });
  }
  return out;
}

/** `每个项目国拨经费不超过1500万元`, stated once for every direction (not for young scientists, nor for a category). */
function readDefaultCap(text: Mapped, span: SpanFn, youthOnly = false): Summary['defaultPerProjectCap'] {
  const t = text.text;
  let from = 0;
  while (from < t.length) {
    const hit = parsePerProjectCap(t.slice(from));
    if (!hit) return null;
    const i = from + hit.index;
    const sentence = sentenceAt(t, i);
    // (A cap in a table's cell, `| 重点项目 | 不超过100万元/项 |`, is its row's: one kind's, never the call's.)
    if (/\|[^|。]*$/.test(t.slice(Math.max(0, i - 40), i))) {
      from = i + hit.length;
      continue;
    }
    // A sentence about young scientists' projects states theirs, not the call's; one that only
    // excepts them (`每个项目国拨经费不超过2000万元（青年科学家项目除外）`) states the call's.
    const about = t.slice(sentence.start, sentence.end).replace(/[（(]?(?:青年科学家项目|青年科学家)(?:方向)?除外[）)]?/g, '');
    if ((youthOnly || !/青年科学家/.test(about)) && capCategories(t, i).length === 0 && isPlausible('fundingCNY', hit.value)) {
      return { amountCNY: hit.value, text: t.slice(i, i + hit.length), span: span(text, i, i + hit.length) };
    }
    from = i + hit.length;
  }
  return null;
}

// (Never `…和青年科学家项目4个方面`: the areas a call is set out in, the projects one of them.)
// (Never the areas a call counts with them: `青年科学家项目3个技术方向`, `…、青年科学家项目4个重点任务`.)
// (`拟部署3个青年科学家项目方向，拟支持不超过6项`, `拟部署2个青年科学家项目指南方向，拟支持不超过4项`, `共部署2个青年科学家项目指南方向，拟支持青年科学家项目不超过4项`, `青年科学家项目3个方向，拟支持项目数不超过6项`: the projects after the directions;
// `其中，青年科学家项目拟支持不超过4项`; `3个青年科学家项目方向，每个方向拟支持不超过2项，共拟支持不超过6项`;
// `青年科学家项目2个，拟支持不超过4项`: the directions, then the projects.)
const RE_YOUNG_COUNT = new RegExp(`(\\d+|${CJK_NUMERAL})个青年科学家项目(?!(?:指南|研究)?方向)|青年科学家项目(?:方向(?:\\d+|${CJK_NUMERAL})个|(?:\\d+|${CJK_NUMERAL})个方向|方向|(?:\\d+|${CJK_NUMERAL})个(?=[，,]))[，,]\\s*(?:每个方向[^，,。；]{0,12}[，,]\\s*)?(?:共)?(?:拟)?(?:支持|资助|部署)(?:项目)?(?:数)?(?:为|共)?(?:不超过|不多于|约)?(\\d+)(?:个|项)|青年科学家项目(?:拟)?(?:支持|资助|立项)?(?:项目)?(?:数)?(?:为|共)?(?:不超过|不多于|约)?(\\d+)(?:个|项)(?!方面|领域|板块|技术方向|方向|技术|任务|重点|主要|研究方向|层次|层级|类别|类)|(?:\\d+|${CJK_NUMERAL})个青年科学家项目(?:指南|研究)?方向[，,]\\s*(?:每个方向[^，,。；]{0,12}[，,]\\s*)?(?:共)?(?:拟)?(?:支持|资助)(?:项目)?(?:数)?(?:为|共)?(?:不超过|不多于|约)?(\\d+)(?:个|项)`);

const RE_YOUNG_DIRECTIONS = new RegExp(`(\\d+|${CJK_NUMERAL})个青年科学家项目(?:指南|研究)?方向|青年科学家项目(?:方向)?\\s*(\\d+|${CJK_NUMERAL})个(?:方向)?(?!技术|任务|方面|领域|板块)|(\\d+|${CJK_NUMERAL})个(?:项目|技术)?方向(?:中)?部署(?:了)?青年科学家项目|部署青年科学家项目(?=[，,])`);

/** `拟部署6个青年科学家项目，拟安排国拨经费1800万元，每个项目300万元`. */
function readYoungScientist(text: Mapped, span: SpanFn): Summary['youngScientist'] {
  const t = text.text;
  // `拟部署青年科学家项目方向1个，…每个项目国拨经费不超过300万元`: it counts directions, not projects (no
  // count), but its figures are the young scientists' all the same.
  // (The first count outside a note on the whole, `（含1个青年科学家项目方向）`, where there is one.)
  // (Never the directions a note on the directions counts, `拟启动11个指南方向（含青年科学家项目3个）`.)
  const counts = [...t.matchAll(new RegExp(RE_YOUNG_COUNT.source, 'g'))].filter((c) => !/(?:指南|项目|技术)?方向[（(]含[^（）()]*$/.test(t.slice(sentenceAt(t, c.index).start, c.index)));
  const counted = counts.find((c) => !/[（(]含[^（）()]*$/.test(t.slice(sentenceAt(t, c.index).start, c.index))) ?? counts[0] ?? null;
  const directionsOnly = counted ? null : RE_YOUNG_DIRECTIONS.exec(t);
  const m = counted ?? directionsOnly;
  if (!m) return null;
  // The figures of the sentence that counts them, and of the next clause when it continues it.
  let { start, end } = sentenceAt(t, m.index);
  const next = sentenceAt(t, Math.min(t.length - 1, end + 1));
  if (/^(?:拟安排|安排|每个|共|其中[，,]\s*青年科学家项目)/.test(t.slice(end + 1, next.end)) || /^[，,]/.test(t.slice(end))) end = next.end;
  const sentence = t.slice(start, end);
  // (`拟部署青年科学家项目，国拨经费总额不超过1500万元`: no count, the figures after it.)
  const value = m[1] ?? m[2] ?? m[3] ?? m[4] ?? '';
  const countValue = /^\d+$/.test(value) ? Number(value) : value === '' ? Number.NaN : (parseCjkNumber(value) ?? Number.NaN);
  const countIndex = m.index;
  // Counted in a note on the whole (`拟启动8个指南方向（含2个青年科学家项目方向），拟安排国拨经费概算
  // 2.1亿元`): the figures after it are the whole call's, not the young scientists'.
  // (`（其中青年科学家项目不超过10项），国拨经费总概算3.2亿元`: a note on the whole, `其中` as `含`.)
  const inNote = /[（(](?:含|其中[，,]?)[^（）()]*$/.test(t.slice(start, m.index));
  // (Never what each of them gets: `每个项目国拨经费不超过300万元，国拨经费总概算3600万元` reads the 3600万.)
  const rest = sentence.slice(m.index - start + m[0].length);
  // (A thousands separator is no clause's end: `1,200万元`.)
  const fundingHit = inNote ? null : ([...rest.matchAll(/(?:国拨)?经费(?:总?概算)?(?:为|共)?((?:[^，,。；]|[,，](?=\d{3})){0,20}?元)/g)].find((x) => !/(?:每个项目|每项|单个项目|单项)(?:的)?(?:国拨)?$/.test(rest.slice(0, x.index))) ?? null);
  // (Counted in a note, their money stated apart after it: `（含青年科学家项目不超过6项）…。其中，青年科学家项目国拨经费1800万元`.)
  const apart = inNote ? /其中[，,]?\s*青年科学家项目[^。；]{0,12}?(?:国拨)?经费(?:总?概算)?(?:为|共)?([^，,。；]{0,20}?元)/.exec(t.slice(m.index)) : null;
  const funding = fundingHit ? parseMoney(fundingHit[1]!) : apart ? parseMoney(apart[1]!) : null;
  // The cap, in that sentence or in another of the text that speaks of young scientists'
  // projects (`青年科学家项目每个项目国拨经费不超过300万元，…`).
  let per = inNote ? null : parsePerProjectCap(sentence);
  for (const y of inNote || !per ? t.matchAll(/青年科学家项目/g) : []) {
    const s = sentenceAt(t, y.index);
    per = parsePerProjectCap(t.slice(y.index, s.end));
    if (per) break;
  }
  return {
    count: Number.isFinite(countValue) && !directionsOnly ? { value: countValue, qualifier: 'exact', text: m[0], span: span(text, countIndex, countIndex + m[0].length) } : null,
    fundingCNY: funding?.value.amountCNY ?? null,
    perProjectCNY: per?.value ?? null,
    text: sentence,
    span: span(text, start, end),
  };
}







function sectionOut(n: Node, span: SpanFn): SectionOut {
  if (n.kind === 'paragraph') {
    return { kind: 'paragraph', marker: null, text: n.paragraph.text.text, span: span(n.paragraph.text), children: [] };
  }
  return {
    kind: n.kind === 'root' ? 'part' : n.kind,
    marker: n.marker?.text ?? null,
    text: n.heading?.text.text ?? '',
    span: n.heading ? span(n.heading.text) : nodeSpan(n, span),
    children: n.children.map((c) => sectionOut(c, span)),
  };
}

/**
 * The paragraphs of a table of directions' rows that are no direction, its total (`合计` and its
 * cells, a sum of the rows written out), where the text states its own figures elsewhere.
 */
function totalRows(preamble: readonly Paragraph[]): Set<Paragraph> {
  const out = new Set<Paragraph>();
  for (const p of preamble) if (p.table === 'cell' || (p.table === 'row' && RE_TOTAL_TEXT.test(p.text.text.trim()))) out.add(p);
  // (Only beside text of its own: a call whose only figures are its table's total keeps them.)
  return preamble.some((p) => p.table === undefined && /\d/.test(p.text.text)) ? out : new Set();
}

/** A note in brackets under a title that names its edition, not its subject: `（中英文对照版）`, `（修订版）`, `（英文版）`. */
const RE_EDITION_NOTE = /^[（(](?:中英文?对照|中英双语|双语|中文|英文|修订|正式|简体|繁体|网页|印刷|全文|批注|解读|注释|标注|导读|辅导|学习)版[）)]$/;
