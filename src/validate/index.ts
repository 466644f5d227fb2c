/**
 * The `validate` stage: compares the figures the document states with what its directions add up
 * to, turns structural problems into checks, assembles the output and validates it against the
 * schema. A document that does not pass the schema is a failure of this tool, reported as an error
 * for that file; it is never written.
 */
import { z } from 'zod';
import { checkMessageZh, formatYuan, type CheckContext } from '../format.js';
import type { Cleaned } from '../clean/index.js';
import type { Extracted } from '../extract/index.js';
import type { Layout } from '../position.js';
import { spanOf, spanOfRange } from '../position.js';
import type { Node, Section, Segmented } from '../segment/index.js';
import { RE_DIRECTIONS_PART } from '../lexicon/markers.js';
import { DIRECTION_ROLES } from '../lexicon/fields.js';
import { compile, compileConsuming, CANNOT } from '../schema/compiled.js';
import { Guideline, SCHEMA_VERSION, type Check, type CheckDraft, type SectionOut, type Span } from '../schema/guideline.js';
import { GuidelineError, type Source } from '../types.js';
import { OCR_CONFUSABLE, OCR_DOUBT, OCR_DOUBT_TEXT } from '../lexicon/ocr-confusions.js';
import { reason, type NotAGuidelineWhy } from '../messages/reasons.js';
import { PIPELINE_VERSION } from '../version.js';

export type ValidateInput = {
  readonly source: Source;
  /** The cleaned lines may be left out where `evidence` (`textEvidence` of them) is given. */
  readonly cleaned: Pick<Cleaned, 'layout' | 'removed'> & Partial<Pick<Cleaned, 'lines'>>;
  readonly extracted: Extracted;
  readonly evidence?: TextEvidence;
} & (
  | { readonly segmented: Segmented; readonly tree?: TreeEvidence }
  /** The tree may be left out where `tree` (`treeEvidence` of it, taken before `extract` consumed it) is given. */
  | { readonly segmented?: undefined; readonly tree: TreeEvidence }
);

/**
 * What validation asks of the segmented tree: how many directions have fields of their own, and
 * the numbering problems as checks. Taken before `extract` reads the tree with `consume`.
 */
export interface TreeEvidence {
  readonly directionsWithFields: number;
  /** Two directions or more stand in a part whose title says it lists them (`三、2026年度重点资助研究方向`). */
  readonly listedDirections: boolean;
  readonly structure: readonly CheckDraft[];
}


/** A part titled by its areas (`一、资助领域`), which may list the directions too. */
const RE_LISTING_AREAS = /领域$/;

/** Directions under a section, at any depth. */
function directionsUnder(s: Section): number {
  let n = 0;
  for (const c of s.children) if (c.kind === 'direction') n++;
  else if (c.kind !== 'paragraph' && c.kind !== 'field') n += directionsUnder(c);
  return n;
}

export function treeEvidence(segmented: Segmented, layout: Layout): TreeEvidence {
  let withFields = 0;
  let listed = false;
  const walk = (n: Node): void => {
    if (n.kind === 'paragraph') return;
    if (n.kind === 'direction' && n.children.some((c) => c.kind === 'field' && c.role !== undefined && c.role !== null && DIRECTION_ROLES.has(c.role))) withFields++;
    // (Directly, or in groups within it: `（一）教育基本理论（6条）` / `1．…`.)
    if (n.kind === 'part' && (RE_DIRECTIONS_PART.test(n.heading?.text.text ?? '') || RE_LISTING_AREAS.test(n.heading?.text.text ?? '')) && directionsUnder(n) >= 2) listed = true;
    n.children.forEach(walk);
  };
  walk(segmented.root);
  return { directionsWithFields: withFields, listedDirections: listed, structure: structureChecks(segmented, layout) };
}

const yi = formatYuan;
let checkGuideline: ((value: unknown) => unknown) | undefined;
let consumeGuideline: ((value: unknown) => unknown) | undefined;

/**
 * What the Chinese message of a consistency check needs beyond its figures (the partners the
 * titles name, how many directions a partial sum covers), kept beside the draft for `validate`.
 */
const ZH_CONTEXT = new WeakMap<CheckDraft, CheckContext>();

/** The checks that compare the figures a document states with what its directions add up to, in their order. */
const CONSISTENCY: readonly ((extracted: Extracted, checks: CheckDraft[]) => void)[] = [directionCountCheck, partnerCountCheck, projectTotalCheck, fundingTotalCheck, perProjectCapChecks];

export function consistencyChecks(extracted: Extracted): CheckDraft[] {
  const checks: CheckDraft[] = [];
  if (extracted.directions.length === 0) return checks;
  for (const check of CONSISTENCY) check(extracted, checks);
  return checks;
}

/** The count of directions the text states against the directions numbered. */
function directionCountCheck({ summary, directions, checks: found }: Extracted, checks: CheckDraft[]): void {
  // (A heading over a range, `1.3—1.5`, read as one direction, counts for the directions it numbers.)
  const numbered = directions.length + found.reduce((n, c) => n + (c.code === 'direction-range' && typeof c.computed === 'number' ? c.computed - 1 : 0), 0);
  if (summary.directionCount && summary.directionCount.value !== numbered) {
    checks.push({
      code: 'direction-count-mismatch',
      severity: 'warning',
      message: `the text states ${summary.directionCount.value} directions but ${numbered} are numbered`,
      directionId: null,
      stated: summary.directionCount.value,
      computed: numbered,
      span: summary.directionCount.span,
    });
  }
}

/** The count of partners the text states against the partners the direction titles name. */
function partnerCountCheck({ summary, directions }: Extracted, checks: CheckDraft[]): void {
  // (Counted as countries and mechanisms, `与8个国家和2个多边合作机制`: a direction of several partners
  // its title does not name, `中国—中东欧国家科技合作` over its five countries, is one mechanism;
  // `中国和智利、秘鲁…` is two countries.)
  const mechanisms = summary.partnerCount !== null && /机制/.test(summary.partnerCount.text);
  const mechanism = (d: (typeof directions)[number]): boolean => mechanisms && d.partners.length > 1 && !d.partners.every((p) => d.title.includes(p.text) || d.title.includes(p.name));
  const partners = new Set(directions.flatMap((d) => (mechanism(d) ? [`${d.partners.map((p) => p.name).join('、')}`] : d.partners.map((p) => p.name))));
  if (summary.partnerCount && summary.partnerCount.value !== partners.size) {
    push(checks, { partners: [...partners] }, {
      code: 'partner-count-mismatch',
      severity: 'warning',
      message: `the text states ${summary.partnerCount.value} partners but the direction titles name ${partners.size} (${[...partners].join('、')})`,
      directionId: null,
      stated: summary.partnerCount.value,
      computed: partners.size,
      span: summary.partnerCount.span,
    });
  }
}

/** The total of projects the text states against the directions' counts. */
function projectTotalCheck({ summary, directions }: Extracted, checks: CheckDraft[]): void {
  // A total is compared when every direction states its figure, or when those that do already
  // exceed it (then the missing ones cannot make it add up).
  // (A count the call states for each direction, exactly, `每个研究方向资助1项`, counts as the direction's.)
  const counted = directions.filter((d) => d.projectCount && (!d.projectCount.inherited || d.projectCount.qualifier === 'exact'));
  if (summary.projectCount && counted.length > 0) {
    const sum = counted.reduce((a, d) => a + d.projectCount!.value, 0);
    const complete = counted.length === directions.length;
    // A cap on the whole over caps on each (`中方拟支持项目总数不超过18个` over `不超过2个` each): the caps
    // need not add up to it; only a whole the directions' least counts already exceed is a doubt.
    const caps = summary.projectCount.qualifier === 'atMost' && counted.every((d) => d.projectCount!.qualifier === 'atMost');
    const least = counted.reduce((a, d) => a + (d.projectCount!.min ?? (d.projectCount!.qualifier === 'atMost' ? 1 : d.projectCount!.value)), 0);
    // (Otherwise ranges count by their upper value, `1～2项` as 2, as most readers add them up.)
    const value = summary.projectCount.value;
    const wrong = caps ? least > value : (complete && sum !== value) || (!complete && sum > value && summary.projectCount.qualifier !== 'atLeast');
    if (wrong) {
      push(checks, { counted: complete ? null : counted.length }, {
        code: 'project-total-mismatch',
        severity: 'warning',
        message: complete
          ? `the text states ${summary.projectCount.text} projects in all, the directions add up to ${sum}`
          : `the text states ${summary.projectCount.text} projects in all, and the ${counted.length} directions that state a count already add up to ${sum}`,
        directionId: null,
        stated: summary.projectCount.value,
        computed: sum,
        span: summary.projectCount.span,
      });
    }
  }
}

/** The funding total the text states against the directions' funding. */
function fundingTotalCheck({ summary, directions }: Extracted, checks: CheckDraft[]): void {
  const funded = directions.filter((d) => d.funding);
  // The young scientists' projects' own total (`部署青年科学家项目3个，拟安排国拨经费900万元`) stands for
  // those of their directions that state no funding: with it the directions add up in full.
  const unfunded = directions.filter((d) => !d.funding);
  const youthTotal = summary.youngScientist?.fundingCNY ?? null;
  const youthFills = youthTotal !== null && unfunded.length > 0 && unfunded.every((d) => /青年科学家/.test(d.category ?? d.title));
  if (summary.fundingTotal && funded.length > 0) {
    const sum = funded.reduce((a, d) => a + d.funding!.amountCNY, 0) + (youthFills ? youthTotal : 0);
    const complete = funded.length === directions.length || youthFills;
    if ((complete && sum !== summary.fundingTotal.amountCNY) || (!complete && sum > summary.fundingTotal.amountCNY && summary.fundingTotal.qualifier !== 'atLeast')) {
      const diff = summary.fundingTotal.amountCNY - sum;
      push(checks, { counted: complete ? null : funded.length }, {
        code: 'funding-total-mismatch',
        severity: 'warning',
        message: complete
          ? `the text states a funding total of ${yi(summary.fundingTotal.amountCNY)}, the directions add up to ${yi(sum)} (${diff > 0 ? '' : '-'}${yi(Math.abs(diff))} ${diff > 0 ? 'unassigned' : 'over'})`
          : `the text states a funding total of ${yi(summary.fundingTotal.amountCNY)}, and the ${funded.length} directions that state funding already add up to ${yi(sum)}`,
        directionId: null,
        stated: summary.fundingTotal.amountCNY,
        computed: sum,
        span: summary.fundingTotal.span,
      });
    }
  }
}

/** Each direction's funding against its count of projects times the cap on each. */
function perProjectCapChecks({ directions }: Extracted, checks: CheckDraft[]): void {
  for (const d of directions) {
    const cap = d.funding?.perProjectCapCNY;
    if (cap !== undefined && d.funding && d.projectCount && cap * d.projectCount.value < d.funding.amountCNY && d.projectCount.qualifier === 'exact') {
      checks.push({
        code: 'per-project-cap-exceeded',
        severity: 'warning',
        message: `direction ${d.id}: ${d.projectCount.value} projects at most ${yi(cap)} each cannot use ${yi(d.funding.amountCNY)}`,
        directionId: d.id,
        stated: d.funding.amountCNY,
        computed: cap * d.projectCount.value,
        span: d.funding.span,
      });
    }
  }
}

function structureChecks(segmented: Segmented, layout: Layout): CheckDraft[] {
  return segmented.problems.map((p) => ({
    code: p.code,
    severity: p.severity,
    message: p.message,
    directionId: p.directionId,
    stated: p.stated,
    computed: p.expected,
    span: spanOf(layout, p.at.text, 0, p.at.text.text.length),
  }));
}

export { OCR_DOUBT, OCR_DOUBT_TEXT };

/** Fields whose values are figures (doubted below `OCR_DOUBT`); the rest are text (`OCR_DOUBT_TEXT`). */
const FIGURES = new Set([
  'directionCount',
  'partnerCount',
  'projectCount',
  'fundingTotal',
  'defaultDuration',
  'defaultProjectCount',
  'defaultPerProjectCap',
  'youngScientist',
  'funding',
  'perProjectCap',
  'perProjectCapSpan',
  'duration',
]);

/** What a field is called in a check's English message. */
const FIELD_EN: Readonly<Record<string, string>> = {
  directionCount: 'number of directions',
  partnerCount: 'number of partners',
  projectCount: 'project count',
  fundingTotal: 'funding total',
  defaultDuration: 'default duration',
  defaultProjectCount: 'default project count',
  defaultPerProjectCap: 'default per-project cap',
  youngScientist: 'young-scientist figures',
  funding: 'funding',
  perProjectCap: 'per-project cap',
  perProjectCapSpan: 'per-project cap',
  duration: 'duration',
  titleSpan: 'title',
};

const isSpan = (v: unknown): v is Span =>
  typeof v === 'object' && v !== null && typeof (v as Span).start === 'number' && typeof (v as Span).end === 'number' && typeof (v as Span).line === 'number';

/** The lowest-confidence OCR character of `[start, end)`: its offset and confidence. */
function weakest(layout: Layout, start: number, end: number): { at: number; confidence: number } | null {
  const conf = layout.ocrConfidence!;
  let at = -1;
  let min = 256;
  for (let i = start; i < end; i++) {
    const c = conf[i];
    if (c === undefined || c === 255) continue;
    if (c < min) (min = c), (at = i);
  }
  return at < 0 ? null : { at, confidence: min };
}

/**
 * The weakest character of a value's span: where the span's own lowest confidence was taken over
 * the value's pieces only (`ocrMinConfidence`, see `spanOf`: a table's header label and its row's
 * cell, with rows between), the last character of the range read at that confidence, so that a
 * doubtful character of a row between is not named for it.
 */
function weakestOfSpan(layout: Layout, span: Span): { at: number; confidence: number } | null {
  const min = span.ocrMinConfidence;
  if (min === undefined) return weakest(layout, span.start, span.end);
  const conf = layout.ocrConfidence!;
  for (let i = span.end - 1; i >= span.start; i--) if (conf[i] === min) return { at: i, confidence: min };
  return null;
}

/** The words around offset `at` on its line (up to `side` characters each side), for a check's message. */
function wordsAround(text: string, at: number, side = 6): string {
  let a = at;
  let b = at + 1;
  while (a > 0 && at - a < side && text[a - 1] !== '\n') a--;
  while (b < text.length && b - at <= side && text[b] !== '\n') b++;
  return text.slice(a, b).trim();
}

/**
 * Values read by OCR with a doubtful character: a check each, naming the value, its page, the
 * character and the words around it, so that no value from a scan is taken on trust. A figure
 * (amount, count, duration) is doubted below `OCR_DOUBT`, any other value below `OCR_DOUBT_TEXT`.
 * Values are found by walking the extracted data (every object with a span), so a field added
 * later is covered; figures stated once for all directions are checked where they are stated, not
 * again in each direction that inherits them; a direction's own span (all its text) is not a value.
 */
export function ocrChecks(extracted: Extracted, layout: Layout, text: string): CheckDraft[] {
  if (!layout.ocrConfidence) return [];
  const doubt = layout.ocrDoubt ?? { figure: OCR_DOUBT, text: OCR_DOUBT_TEXT };
  const checks: CheckDraft[] = [];
  const dashes = new Set<number>();
  const considerDash = (field: string, value: string | null, span: Span, directionId: string | null): void => {
    for (const at of ambiguousDashes(layout, text, span.start, span.end)) {
      if (dashes.has(at)) continue;
      dashes.add(at);
      const stated = value ?? text.slice(span.start, span.end);
      const what = FIELD_EN[field] ?? field.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`);
      checks.push({
        code: 'ocr-ambiguous-dash',
        severity: 'warning',
        message: `${directionId ? `direction ${directionId}: ` : ''}the ${what} “${stated}”${span.page ? ` (page ${span.page})` : ''} was read by OCR with “一” in “${wordsAround(text, at)}”, which may be a dash (—) read as 一: check it against the page`,
        directionId,
        stated,
        computed: wordsAround(text, at),
        span,
      });
    }
  };
  const seen = new Set<string>();
  /** Characters a text value's check already names: a value inside it (a partner in a title) is not named again. */
  const named = new Set<number>();
  const consider = (field: string, value: string | null, span: Span, directionId: string | null): void => {
    const key = `${span.start}:${span.end}`;
    if (seen.has(key)) return;
    considerDash(field, value, span, directionId);
    const weak = weakestOfSpan(layout, span);
    const figure = FIGURES.has(field);
    if (!weak || weak.confidence >= (figure ? doubt.figure : doubt.text)) return;
    if (!figure && named.has(weak.at)) return;
    seen.add(key);
    if (!figure) named.add(weak.at);
    const stated = value ?? text.slice(span.start, span.end);
    const words = wordsAround(text, weak.at);
    const what = FIELD_EN[field] ?? field.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`);
    checks.push({
      code: 'ocr-low-confidence',
      severity: 'warning',
      message: `${directionId ? `direction ${directionId}: ` : ''}the ${what} “${stated}”${span.page ? ` (page ${span.page})` : ''} was read by OCR with a doubtful character: “${text[weak.at]}” at confidence ${weak.confidence} in “${words}”: check it against the page`,
      directionId,
      stated,
      computed: weak.confidence,
      span,
    });
  };
  const walk = (field: string, v: unknown, directionId: string | null): void => {
    if (Array.isArray(v)) {
      for (const x of v) walk(field, x, directionId);
      return;
    }
    if (typeof v !== 'object' || v === null) return;
    const o = v as Record<string, unknown>;
    if (o.inherited === true) return;
    if (isSpan(o.span)) {
      const label = typeof o.text === 'string' ? o.text : typeof o.name === 'string' ? o.name : typeof o.title === 'string' ? o.title : null;
      consider(field, label, o.span, directionId);
    }
    for (const [k, x] of Object.entries(o)) {
      if (k === 'span') continue;
      if (k.endsWith('Span') && isSpan(x)) consider(k, null, x, directionId);
      else if (typeof x === 'object' && x !== null && !isSpan(x)) walk(FIGURES.has(field) ? field : k, x, directionId);
    }
  };
  for (const [k, v] of Object.entries(extracted.summary)) walk(k, v, null);
  for (const d of extracted.directions) {
    for (const [k, v] of Object.entries(d)) {
      if (k === 'span') continue;
      if (k.endsWith('Span') && isSpan(v)) consider(k, k === 'titleSpan' ? d.title : null, v, d.id);
      else walk(k, v, d.id);
    }
  }
  return checks;
}

/**
 * Characters that make a word with `一` before it (`第一`, `统一`, `进一步`) or after it (`一般`,
 * `一批`, `一带一路`). Every OCR engine reads the dash `—` as `一`; between two CJK characters that
 * form no such word (`国际合作司一西班牙`, `4级一通过`) the `一` may be a dash, and the value is a
 * check (`ocr-ambiguous-dash`): the text is kept as read.
 */
const YI_BEFORE = new Set([...'第统进唯同之逐单万其每任合专划不如归均整独纯择十百千一另又初星再有只以大小首少']);
const YI_AFTER = new Set([...'个批步般并致定体带路起些年流项方家份次类级线种直是揽道同律旦经贯系览切部期轮半样站手二三四五六七八九十百千万亿条名位段套组整对门本时日月季周天头端侧边面代环员支所座篇张件台笔致以举定视概应同齐道块身生同心贯连揽些线律例再类国']);
const CJK_CHAR = /[\u3400-\u9fff]/u;

/** Offsets of the `一`s read by OCR in `[start, end)` that may be a dash read as `一`. */
function ambiguousDashes(layout: Layout, text: string, start: number, end: number): number[] {
  const conf = layout.ocrConfidence!;
  const out: number[] = [];
  // The characters beside it, across a line break (`4级一` / `通过`).
  const beside = (i: number, step: 1 | -1): string => {
    let j = i + step;
    while (j >= start && j < end && /\s/.test(text[j]!)) j += step;
    return j >= start && j < end ? text[j]! : '';
  };
  for (let i = start; i < end; i++) {
    if (text[i] !== '一' || conf[i] === 255 || conf[i] === undefined) continue;
    const before = beside(i, -1);
    const after = beside(i, 1);
    if (!CJK_CHAR.test(before) && !/\d/.test(before)) continue;
    if (!CJK_CHAR.test(after)) continue;
    if (YI_BEFORE.has(before) || YI_AFTER.has(after)) continue;
    out.push(i);
  }
  return out;
}

/** Chinese enumerator shapes: `（1）`, `(2)`. */
const RE_ENUMERATOR = /^[\s　]*[（(]\d{1,2}[）)]/;
/** A number-shaped item mark at a line start: up to three letters or digits closed by a bracket. */
const RE_ITEM_MARK = /^[\s　]*([（(〈《<]?)([0-9A-Za-z]{1,3})([）)])/;
/** Digits and Latin letters mixed in one token before a figure's unit (`8O0万元` left, `2S个`). */
const RE_MIXED_FIGURE = /(?<![0-9A-Za-z])(?=[0-9A-Za-z]*[0-9])(?=[0-9A-Za-z]*[A-Za-z])[0-9A-Za-z]{2,}(?=[个项万亿元年月日岁%％])/g;

/**
 * Number-shaped tokens that OCR garbled beyond repair (`GD）` for `（1）`, `4)` for `（1）`, `2S个`):
 * a check each, never silent text. An item mark without its opening bracket counts only where
 * the document's scanned lines number items `（1）`; one with letters always does.
 */
export function ocrTokenChecks(extracted: Extracted, layout: Layout, text: string): CheckDraft[] {
  const conf = layout.ocrConfidence;
  if (!conf) return [];
  const lines: { start: number; text: string }[] = [];
  for (let i = 0; i < layout.lineStarts.length; i++) {
    const start = layout.lineStarts[i]!;
    const end = i + 1 < layout.lineStarts.length ? layout.lineStarts[i + 1]! - 1 : text.length;
    let ocr = false;
    for (let k = start; k < end && !ocr; k++) ocr = conf[k] !== 255;
    if (ocr) lines.push({ start, text: text.slice(start, end) });
  }
  const bracketed = lines.some((l) => RE_ENUMERATOR.test(l.text));
  const directionAt = (at: number): string | null => extracted.directions.find((d) => d.span.start <= at && at < d.span.end)?.id ?? null;
  const checks: CheckDraft[] = [];
  const flag = (at: number, token: string, why: string): void => {
    const span = spanOfRange(layout, at, at + token.length);
    const directionId = directionAt(at);
    checks.push({
      code: 'ocr-garbled-number',
      severity: 'warning',
      message: `${directionId ? `direction ${directionId}: ` : ''}“${token}”${span.page ? ` (page ${span.page})` : ''} is shaped like a number but OCR read ${why}: check it against the page`,
      directionId,
      stated: token,
      computed: span.page,
      span,
    });
  };
  for (const l of lines) {
    const mark = RE_ITEM_MARK.exec(l.text);
    if (mark) {
      const [whole, open, inner, close] = mark as unknown as [string, string, string, string];
      const at = l.start + whole.length - open.length - inner.length - close.length;
      const letters = /[A-Za-z]/.test(inner);
      if (letters) flag(at, open + inner + close, 'letters in it');
      else if (open === '' && bracketed) flag(at, inner + close, 'no opening bracket where the other items have one');
    }
    for (const m of l.text.matchAll(RE_MIXED_FIGURE)) flag(l.start + m.index, m[0], 'letters in it');
  }
  return checks;
}

/** A word OCR read once is doubted where its look-alike is written this many times or more. */
const CONFUSABLE_SEEN = 3;

/**
 * Words of a direction read by OCR once, where changing one character for a look-alike of its
 * (`OCR_CONFUSABLE`: `自` for `目`) gives a word the document writes `CONFUSABLE_SEEN` times or
 * more: `项自` among a hundred `项目`. The recogniser reads such a character with high confidence,
 * so no confidence shows it; the document's own words do. Words are pairs of ideographs; each
 * character is named once.
 */
export function ocrConfusableChecks(extracted: Extracted, layout: Layout, text: string): CheckDraft[] {
  const conf = layout.ocrConfidence;
  if (!conf || extracted.directions.length === 0) return [];
  const ideograph = (c: string | undefined): boolean => c !== undefined && /\p{Script=Han}/u.test(c);
  const pairs = new Map<string, number>();
  for (let i = 0; i + 1 < text.length; i++) {
    if (ideograph(text[i]) && ideograph(text[i + 1])) pairs.set(text.slice(i, i + 2), (pairs.get(text.slice(i, i + 2)) ?? 0) + 1);
  }
  const checks: CheckDraft[] = [];
  for (const d of extracted.directions) {
    for (let i = d.span.start; i < d.span.end; i++) {
      const c = text[i]!;
      const others = OCR_CONFUSABLE.get(c);
      if (!others || conf[i] === 255 || conf[i] === undefined) continue;
      let found: { read: string; meant: string; seen: number; at: number } | null = null;
      for (const [a, b] of [
        [i - 1, i],
        [i, i + 1],
      ] as const) {
        if (found || !ideograph(text[a]) || !ideograph(text[b])) continue;
        const read = text.slice(a, b + 1);
        if ((pairs.get(read) ?? 0) > 1) continue;
        for (const o of others) {
          const meant = a === i ? o + text[b] : text[a] + o;
          const seen = pairs.get(meant) ?? 0;
          if (seen >= CONFUSABLE_SEEN) {
            found = { read, meant, seen, at: a };
            break;
          }
        }
      }
      if (!found) continue;
      const span = spanOfRange(layout, found.at, found.at + 2);
      checks.push({
        code: 'ocr-confusable',
        severity: 'warning',
        message: `direction ${d.id}: “${found.read}”${span.page ? ` (page ${span.page})` : ''} was read by OCR once, where the document writes “${found.meant}” ${found.seen} times: “${c}” may be a misread look-alike; check it against the page`,
        directionId: d.id,
        stated: found.read,
        computed: found.meant,
        span,
      });
    }
  }
  return checks;
}

const SEVERITY = { error: 0, warning: 1, info: 2 } as const;

/** Roles that only a guideline direction has. */

/**
 * What the cleaned text says about being a guideline, taken from its lines once: how many CJK
 * characters and Latin letters it has, and whether it names 指南, 申报, and 资助 / 支持 / 揭榜
 * anywhere (across line ends too). The lines can go once this is known.
 */
export interface TextEvidence {
  readonly cjk: number;
  readonly letters: number;
  readonly guide: boolean;
  readonly apply: boolean;
  readonly support: boolean;
}

export function textEvidence(lines: Cleaned['lines']): TextEvidence {
  let cjk = 0;
  let letters = 0;
  let guide = false;
  let apply = false;
  let support = false;
  // Each word looked for is two characters: a line with the last character of the one before it
  // holds every word of the joined text that ends on that line.
  let last = '';
  for (const l of lines) {
    const t = l.text.text;
    for (let i = 0; i < t.length; i++) {
      const c = t.charCodeAt(i);
      if (c >= 0x3400 && c <= 0x9fff) cjk++;
      else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) letters++;
    }
    const joined = last + t;
    guide ||= joined.includes('指南');
    apply ||= joined.includes('申报') || joined.includes('申请');
    support ||= /资助|支持|揭榜/.test(joined);
    if (t.length > 0) last = t[t.length - 1]!;
  }
  return { cjk, letters, guide, apply, support };
}

/**
 * Whether the file is a guideline is decided on guideline evidence taken together: Chinese text,
 * numbered directions, and direction fields under them (or, where the directions state their
 * figures in prose, the vocabulary of a call: 指南 and 申报, and figures read from the directions).
 * A numbered heading alone is no evidence: English papers and Chinese reports have them. Returns
 * what is missing, in words that name no numbering form (the document may use another), or null.
 */
function notAGuideline(evidence: TextEvidence, tree: TreeEvidence, extracted: Extracted): NotAGuidelineWhy | null {
  const { cjk, letters } = evidence;
  if (cjk === 0 || cjk < letters / 4) return 'not-chinese';
  if (extracted.directions.length === 0) return 'no-directions';
  if (tree.directionsWithFields > 0) return null;
  const figures = extracted.directions.some((d) => d.funding || d.projectCount || (d.duration && !d.duration.inherited) || d.perProjectCap);
  if (evidence.guide && evidence.apply && figures) return null;
  // A call that lists its directions and states its figures once for them (NSFC, MIIT guides):
  // every direction inherits a cap or a duration from the call's own clause.
  const called = extracted.directions.every((d) => (d.perProjectCap?.inherited ?? false) || (d.duration?.inherited ?? false));
  // (Not a duration the text before them states for every project: any list of headings would inherit that.)
  const stated = extracted.summary.defaultDuration;
  const before = stated !== null && stated.span.start < (extracted.directions[0]?.span.start ?? Infinity);
  if (evidence.guide && evidence.support && called && !before) return null;
  // A call that lists its directions and states its plan once for all of them, in figures of its
  // own (two project types with their own counts and intensities: `共拟资助项目约28项`).
  const planned = extracted.summary.projectCount !== null || extracted.summary.fundingTotal !== null;
  if (evidence.guide && evidence.support && planned && tree.listedDirections) return null;
  return 'no-fields';
}

/**
 * The name of the field that holds `offset` (`其他要求`), `标题` in a direction's heading, null
 * elsewhere: the last field heading at or before it within its direction, in document order.
 */
export function fieldAt(sections: readonly SectionOut[], offset: number): string | null {
  return fieldFinder(sections)(offset);
}

/** The label a field section names (`其他要求`), or null. */
function fieldLabel(n: SectionOut): string | null {
  return (n.marker ?? n.text.split(/[：:]/)[0] ?? '').replace(/[：:]\s*$/, '').trim() || null;
}

/**
 * `fieldAt` for many offsets: the sections are walked once, in document order (depth first), and
 * each offset is found by a binary search. What `fieldAt` gives is decided by the nodes that start
 * at or before the offset, up to the first node (in that order) that starts after it: the last
 * direction, part, group or field among them.
 */
export function fieldFinder(sections: readonly SectionOut[]): (offset: number) => string | null {
  let count = 0;
  const countAll = (nodes: readonly SectionOut[]): void => {
    for (const n of nodes) {
      count++;
      countAll(n.children);
    }
  };
  countAll(sections);
  // For each node in that order: the greatest start up to it (the first node starting after an
  // offset is the first whose greatest start is after it), and the last node up to it that sets
  // the field (-1 for none).
  const maxStart = new Float64Array(count);
  const setter = new Int32Array(count);
  const setters: SectionOut[] = [];
  let k = 0;
  let greatest = Number.NEGATIVE_INFINITY;
  let last = -1;
  const walk = (nodes: readonly SectionOut[]): void => {
    for (const n of nodes) {
      greatest = Math.max(greatest, n.span.start);
      maxStart[k] = greatest;
      if (n.kind === 'direction' || n.kind === 'part' || n.kind === 'group' || n.kind === 'field') {
        setters.push(n);
        last = setters.length - 1;
      }
      setter[k++] = last;
      walk(n.children);
    }
  };
  walk(sections);
  return (offset) => {
    let lo = 0;
    let hi = count;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (maxStart[mid]! > offset) hi = mid;
      else lo = mid + 1;
    }
    const at = lo === 0 ? -1 : setter[lo - 1]!;
    if (at < 0) return null;
    const n = setters[at]!;
    if (n.kind === 'field') return fieldLabel(n);
    return n.kind === 'direction' && offset < n.span.end ? '标题' : null;
  };
}

/**
 * The words around `[start, end)` in the text, within their sentence, line breaks and spaces left
 * out: `见链接：待定。`, `下载链接：待定）。`.
 */
export function excerpt(text: string, start: number, end: number, before = 10, after = 4): string {
  const squeeze = (s: string): string => s.replace(/\s+/g, '');
  const head = squeeze(text.slice(Math.max(0, start - before * 3), start)).slice(-before);
  const tail = squeeze(text.slice(end, end + after * 3)).slice(0, after);
  const from = Math.max(...['。', '；', '！', '？'].map((p) => head.lastIndexOf(p))) + 1;
  const stop = /[。；！？]/.exec(tail);
  return `${head.slice(from)}${text.slice(start, end)}${stop ? tail.slice(0, stop.index + 1) : tail}`;
}

/** Adds `check` to `checks`, with what its Chinese message needs. */
function push(checks: CheckDraft[], context: CheckContext, check: CheckDraft): void {
  ZH_CONTEXT.set(check, context);
  checks.push(check);
}

/**
 * A placeholder's English message with the field it stands in (`direction 2.1: placeholder 待定 in
 * 其他要求: “…”`), as its Chinese one has; other checks as they are.
 */
function placeholderField(c: CheckDraft, fieldOf: (offset: number) => string | null): Pick<CheckDraft, 'message'> | Record<string, never> {
  if (c.code !== 'placeholder' || !c.span) return {};
  const field = fieldOf(c.span.start);
  if (!field) return {};
  return { message: c.message.replace(/^((?:direction [^:]+: )?placeholder \S+ in) /, `$1 ${field}: `) };
}

export function validate(input: ValidateInput): Guideline {
  return assemble(input.source, prevalidate(input));
}

/**
 * What validation needs of the stages' trees (the cleaned lines, the segmented tree), taken from
 * them: then `assemble` needs only these, and the trees (a large text's lines and paragraphs, each
 * with its source map) can go before the output document is made.
 */
export interface Prevalidated {
  readonly layout: Cleaned['layout'];
  readonly removed: Cleaned['removed'];
  readonly extracted: Extracted;
  /** Why the text is not a guideline, or null. */
  readonly refusal: NotAGuidelineWhy | null;
  readonly structure: readonly CheckDraft[];
}

/** The first half of `validate`: what it needs of the cleaned lines and the segmented tree. */
export function prevalidate(input: ValidateInput): Prevalidated {
  const { cleaned, extracted } = input;
  const evidence = input.evidence ?? textEvidence(cleaned.lines ?? []);
  const tree = input.tree ?? treeEvidence(input.segmented!, cleaned.layout);
  const refusal = notAGuideline(evidence, tree, extracted);
  return { layout: cleaned.layout, removed: cleaned.removed, extracted, refusal, structure: refusal ? [] : tree.structure };
}

/**
 * The second half of `validate`: the output document, checked against the schema. With `consume`
 * (the pipeline, whose `input` is garbage afterwards), the arrays of `input` (the directions, the
 * sections, the removals) become the document's, each element replaced by its checked copy in
 * place: the document is never in memory twice.
 */
export function assemble(source: Source, input: Prevalidated, options: { readonly consume?: boolean } = {}): Guideline {
  const { extracted, refusal } = input;
  const cleaned = { layout: input.layout, removed: input.removed };
  if (refusal) {
    // The guideline may be on the pages that were not read.
    const pages = source.pagesNotRead ?? [];
    throw new GuidelineError('not-a-guideline', reason('not-a-guideline', refusal, pages, false));
  }
  const doc = {
    schemaVersion: SCHEMA_VERSION,
    pipelineVersion: PIPELINE_VERSION,
    document: {
      id: source.id,
      ...extracted.info,
      source: sourceOut(source, cleaned.layout),
    },
    summary: extracted.summary,
    directions: extracted.directions,
    sections: extracted.sections,
    checks: allChecks(source, input),
    removed: cleaned.removed,
  };
  // The compiled check gives zod's own result for a document it can vouch for, and is several times
  // faster; anything else goes to zod, whose message names the first problem.
  const checked = options.consume ? (consumeGuideline ??= compileConsuming(Guideline))(doc) : (checkGuideline ??= compile(Guideline))(doc);
  if (checked !== CANNOT) return checked as Guideline;
  return parsedLeavingOut(doc);
}

/** What the document says of its source: where it came from, how it was read, its pages, lines and blocks. */
function sourceOut(source: Source, layout: Prevalidated['layout']) {
  return {
    path: source.path,
    sha256: source.sha256,
    format: source.format,
    encoding: source.encoding,
    bytes: source.bytes,
    pages: layout.pages,
    pageNumbering: layout.pageNumbering,
    lines: layout.lineStarts.length,
    ...(source.ocr ? { ocr: { engine: source.ocr.engine, mode: source.ocr.mode, pages: source.ocr.pages.map((p) => ({ ...p })), meanConfidence: source.ocr.meanConfidence, doubtBelow: { ...source.ocr.doubtBelow } } } : {}),
    ...(source.blocks === undefined ? {} : { blocks: source.blocks, tables: source.tables ?? 0 }),
    ...(source.pagesNotRead?.length ? { pagesNotRead: [...source.pagesNotRead] } : {}),
  };
}

/**
 * Every check of the document, each with its Chinese message, in a stable order (by position,
 * then severity, then code): pages not read, the structure's, the extraction's, the figures that
 * do not add up, and the OCR doubts.
 */
/**
 * A table row a draft struck through whole (`| ~~4~~ | ~~智能网联汽车线控底盘域控制器~~ | … |`, left
 * out by `clean`): a direction withdrawn, said so, not counted. Its title is its first struck cell
 * that is not its number.
 */
function struckRows(removed: Prevalidated['removed']): CheckDraft[] {
  const out: CheckDraft[] = [];
  for (const r of removed) {
    if (r.kind !== 'revision' || !/^\|/.test(r.text) || r.start === null || r.end === null || r.line === null) continue;
    const cells = r.text.replace(/^\||\|$/g, '').split('|').map((c) => c.trim().replace(/^~~|~~$/g, ''));
    const title = cells.find((c, k) => k > 0 && c !== '' && !/^\d+$/.test(c)) ?? cells[0] ?? '';
    out.push({
      code: 'direction-withdrawn',
      severity: 'info',
      message: `the table row of direction ${cells[0] ?? ''} is struck through in this draft and is not counted: “${title}”`,
      directionId: null,
      stated: title,
      computed: 'struck',
      span: { start: r.start, end: r.end, line: r.line, endLine: r.line, page: r.page, pageLine: null },
    });
  }
  return out;
}

function allChecks(source: Source, input: Prevalidated): Check[] {
  const { extracted, layout } = input;
  const notRead: CheckDraft[] = source.pagesNotRead?.length
    ? [
        {
          code: 'page-not-read',
          severity: 'warning',
          message: `page${source.pagesNotRead.length === 1 ? '' : 's'} ${source.pagesNotRead.join(', ')} ${source.pagesNotRead.length === 1 ? 'has' : 'have'} no text layer (a scan) and ${source.pagesNotRead.length === 1 ? 'was' : 'were'} not read: OCR was off`,
          directionId: null,
          stated: source.pagesNotRead.join(', '),
          computed: source.pagesNotRead.length,
          span: null,
        },
      ]
    : [];
  // The field a check's words stand in (其他要求, 拟支持项目数, 标题), for a placeholder the words
  // around it, for an OCR doubt the character and its words: two checks of one kind in one direction
  // never read alike.
  const fieldOf = fieldFinder(extracted.sections);
  const contextOf = (c: CheckDraft): CheckContext => {
    const field = c.span ? { field: fieldOf(c.span.start) } : {};
    if (c.code === 'placeholder' && c.span) return { ...field, excerpt: excerpt(source.text, c.span.start, c.span.end), ...ZH_CONTEXT.get(c) };
    if (c.code === 'ocr-low-confidence' && c.span && layout.ocrConfidence) {
      const weak = weakestOfSpan(layout, c.span);
      if (weak) return { ...field, char: source.text[weak.at] ?? null, excerpt: wordsAround(source.text, weak.at) };
    }
    return { ...field, ...ZH_CONTEXT.get(c) };
  };
  const ocr = [...ocrChecks(extracted, layout, source.text), ...ocrTokenChecks(extracted, layout, source.text), ...ocrConfusableChecks(extracted, layout, source.text)];
  const checks = [...notRead, ...struckRows(input.removed), ...input.structure, ...extracted.checks, ...consistencyChecks(extracted), ...ocr].map((c) => ({
    ...c,
    ...placeholderField(c, fieldOf),
    messageZh: checkMessageZh(c, contextOf(c)),
  }));
  return checks.sort(
    (a, b) =>
      (a.span?.start ?? -1) - (b.span?.start ?? -1) ||
      SEVERITY[a.severity] - SEVERITY[b.severity] ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
}

/**
 * The document through zod. A value that would break the schema never sinks the document: it is
 * left out, and a check says which and why. Only what cannot be left out (the document's own facts)
 * is a bug of the tool.
 */
function parsedLeavingOut(doc: { checks: Check[] } & Record<string, unknown>): Guideline {
  let parsed = Guideline.safeParse(doc);
  for (let round = 0; !parsed.success && round < 50; round++) {
    const issue = parsed.error.issues[0]!;
    const dropped = dropInvalid(doc as unknown as Record<string, unknown>, issue.path);
    if (!dropped) break;
    const directionId = typeof dropped.directionId === 'string' ? dropped.directionId : null;
    const draft: CheckDraft = {
      code: 'value-invalid',
      severity: 'warning',
      message: `${directionId ? `direction ${directionId}: ` : ''}a value at ${z.core.toDotPath(issue.path)} was left out: ${issue.message}`,
      directionId,
      stated: dropped.text,
      computed: z.core.toDotPath(issue.path),
      span: null,
    };
    doc.checks.push({ ...draft, messageZh: checkMessageZh(draft) });
    parsed = Guideline.safeParse(doc);
  }
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new GuidelineError('invalid-output', reason('schema-mismatch', first ? z.core.toDotPath(first.path) : '?', first?.message ?? 'unknown'));
  }
  return parsed.data;
}

/**
 * Leaves out the piece of a direction (or of the summary) that `path` points into: the innermost
 * array element (an empty requirement, a domain without a label), else the field itself where it
 * may be null. Returns what was left out, or null when nothing can be.
 */
function dropInvalid(doc: Record<string, unknown>, path: readonly PropertyKey[]): { directionId: unknown; text: string | null } | null {
  if (path[0] !== 'directions' && path[0] !== 'summary') return null;
  const chain: unknown[] = [doc];
  for (const key of path) {
    const at = chain[chain.length - 1] as Record<PropertyKey, unknown> | undefined;
    if (at === null || typeof at !== 'object') break;
    chain.push(at[key as string]);
  }
  const direction = path[0] === 'directions' ? (chain[2] as { id?: unknown } | undefined) : undefined;
  const textOf = (v: unknown): string | null => {
    if (typeof v === 'string') return v;
    if (v && typeof v === 'object' && 'text' in v && typeof (v as { text: unknown }).text === 'string') return (v as { text: string }).text;
    return v === undefined ? null : JSON.stringify(v).slice(0, 80);
  };
  // The innermost array element below the direction (or the summary).
  for (let k = path.length - 1; k >= (path[0] === 'directions' ? 3 : 2); k--) {
    const container = chain[k];
    if (Array.isArray(container) && typeof path[k] === 'number') {
      const [removed] = container.splice(path[k] as number, 1);
      return { directionId: direction?.id, text: textOf(removed) };
    }
  }
  // A nullable field of the direction or the summary.
  const depth = path[0] === 'directions' ? 3 : 2;
  if (path.length >= depth) {
    const owner = chain[depth - 1] as Record<PropertyKey, unknown> | undefined;
    const key = path[depth - 1] as string;
    if (owner && typeof owner === 'object' && owner[key] !== null && !Array.isArray(owner[key]) && typeof owner[key] === 'object') {
      const removed = owner[key];
      owner[key] = null;
      return { directionId: direction?.id, text: textOf(removed) };
    }
  }
  return null;
}
