/**
 * What a role reader sees of one direction: its id and title, its fields by role, its whole text,
 * the groups it stands in, the document's defaults, and the ways to raise a check or keep text
 * that no value took. Built once per direction by `directionContext`; readers never see the tree
 * above the direction.
 */
import { RE_TITLE_CODE } from '../../segment/index.js';
import type { Mapped } from '../../mapped.js';
import { mappedJoin, mappedSlice, mappedTrim } from '../../mapped.js';
import type { FieldRole } from '../../lexicon/fields.js';
import type { Paragraph } from '../../reflow/index.js';
import type { Section } from '../../segment/index.js';
import type { CheckDraft, OtherText, Span, Summary } from '../../schema/guideline.js';
import { RE_REVISION_MARK, RE_TITLE_TRAILING_COUNT } from '../../lexicon/markers.js';
import { fieldRest, nodeText, short, type SpanFn } from '../nodes.js';
import { bareFigures, type BareFigures } from '../patterns.js';


/** A bracket at a title's end that states figures (`（共性关键技术类，拟支持1项，国拨经费不超过3000万元/项）`). */
const RE_TITLE_FIGURES = /[（(]([^（）()]*(?:拟支持|拟资助|国拨经费|万元|亿元|实施(?:年限|周期|期限)|项目数)[^（）()]*)[）)]$/;

/**
 * A title without the star a key programme marks some directions with (`…关键控制因子*（基础研究类）`,
 * `标*的方向`: those young scientists may take up): a mark, no word of the title.
 */
function unstarred(title: Mapped): Mapped {
  const m = /[*＊]+(?=\s*(?:[（(][^（）()]*[）)])?\s*$)/.exec(title.text);
  return m ? mappedJoin([mappedSlice(title, 0, m.index), mappedSlice(title, m.index + m[0].length, title.text.length)], '') : title;
}

export interface DirectionContext {
  readonly id: string;
  /** The heading paragraph: marker and title. */
  readonly heading: Paragraph;
  /** The title, marker removed (its offsets are 0-based into the title). */
  readonly titleM: Mapped;
  readonly title: string;
  /** The bracket of figures printed after the title (`基础研究类，拟支持2项，…`), inside its brackets; null when none. */
  readonly titleFigures: Mapped | null;
  /** The direction's whole text: heading, fields, paragraphs, joined by `\n`. */
  readonly all: Mapped;
  readonly span: SpanFn;
  /** The figures the document states for every direction (defaults). */
  readonly summary: Summary;
  /** Headings of the groups the direction stands in, outermost first. */
  readonly groups: readonly Paragraph[];
  /** Paragraphs those groups state before their directions. */
  readonly groupTexts: readonly Mapped[];
  /** The loaded text, for the readings that need what `clean` took out. */
  readonly sourceText: (start: number, end: number) => string;
  readonly checks: CheckDraft[];
  /** Text of the direction that no value took: kept, and reported. */
  readonly otherText: OtherText[];
  /** The first field of a role. */
  byRole(role: FieldRole): Section | undefined;
  /** Every field of a role, in order. */
  allOf(role: FieldRole): Section[];
  /** A check about this direction (its message is prefixed with the direction). */
  check(code: string, severity: CheckDraft['severity'], message: string, stated: CheckDraft['stated'], s: Span | null, computed?: CheckDraft['computed']): void;
  /** A `field-missing` check: the direction states no `what`. */
  missing(field: string, what: string): void;
  /** The text under a field that its value did not take: kept, and reported. */
  leftover(field: Section): void;
}

/** A footnote's call at the end of a title: `[2]`, `①`, `¹`, `*`. */
const RE_NOTE_CALL = /(?:\[\d{1,2}\]|[\u2460-\u2473]|[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\*{1,3})$/;

export function directionContext(
  d: Section,
  span: SpanFn,
  summary: Summary,
  checks: CheckDraft[],
  sourceText: (start: number, end: number) => string,
  groups: readonly Paragraph[],
  groupTexts: readonly Mapped[],
): DirectionContext {
  const id = d.id ?? d.marker!.key;
  const heading = d.heading!;
  // A title that ends like a sentence (`1. 超高温环境下…界面设计。`, an item of a list of directions)
  // does not keep its full stop.
  // A draft's revision mark after the title (`…项目（新增）`) is no part of the title: a draft and
  // its final version name the direction alike.
  // Nor the dash a title stands before its description with (`1. 北极海洋环境变化——研究…`).
  // (Nor the colon before a project's description: `①内地与香港联合资助研究项目：` / `根据…`.)
  const printed = printedTitle(d);
  const mark = RE_REVISION_MARK.exec(printed.text);
  const fields = d.children.filter((c): c is Section => c.kind === 'field');
  // `方向1` with its name in a field of its own (`方向名称：中国和越南…`): the title is that name.
  const named = printed.text === '' ? fields.find((f) => f.role === 'name') : undefined;
  const bare = named ? mappedTrim(fieldRest(named), '。；;') : mark ? mappedTrim(mappedSlice(printed, 0, mark.index)) : printed;
  const coded = uncoded(unstarred(bare));
  // A title printed wholly in 【】 (a heading with no number): the words inside.
  const boxed = /^【[^【】]+】$/.test(coded.text) ? mappedSlice(coded, 1, coded.text.length - 1) : coded;
  // The bracket that opens the fields printed after the title (`…超导磁体研制（项目类型：…；拟支持项目数：
  // 1～2项）`, the fields cut from it where their first label starts): no part of the title.
  const opened = /[（(【\[]$/.test(boxed.text) ? mappedTrim(mappedSlice(boxed, 0, boxed.text.length - 1)) : boxed;
  // Nor the bracket of figures a title ends with (`…稳定机理（基础研究类，拟支持2项，国拨经费不超过2000万元/项）`):
  // its parts are read as the direction's (a count, a cap, a duration from the heading; its category).
  const figures = RE_TITLE_FIGURES.exec(opened.text);
  const titleM = figures && figures.index > 0 ? mappedTrim(mappedSlice(opened, 0, figures.index)) : opened;
  const titleFigures = figures && figures.index > 0 ? mappedSlice(opened, figures.index + 1, figures.index + figures[0].length - 1) : null;
  const otherText: OtherText[] = [];
  const check: DirectionContext['check'] = (code, severity, message, stated, s, computed = null) => {
    checks.push({ code, severity, message: `direction ${id}: ${message}`, directionId: id, stated, computed, span: s });
  };
  return {
    id,
    heading,
    titleM,
    title: titleM.text,
    titleFigures,
    all: nodeText(d),
    span,
    summary,
    groups,
    groupTexts,
    sourceText,
    checks,
    otherText,
    byRole: (role) => fields.find((f) => f.role === role),
    allOf: (role) => fields.filter((f) => f.role === role),
    check,
    missing: (field, what) => {
      checks.push({
        code: 'field-missing',
        severity: 'warning',
        message: `direction ${id} states no ${what}`,
        directionId: id,
        stated: null,
        computed: field,
        span: span(heading.text),
      });
    },
    leftover: (field) => {
      for (const c of field.children) {
        const t = nodeText(c);
        if (t.text.trim().length === 0) continue;
        otherText.push({ label: field.marker?.key ?? null, known: true, text: t.text, span: span(t) });
        check('text-unassigned', 'info', `text under ${field.marker?.key ?? 'a field'} that its value does not take: “${short(t.text)}”`, t.text, span(t));
      }
    },
  };
}

/**
 * A title without what follows its words on the heading: a note's call (`…分子机制[2]`, `…材料①`,
 * `…技术*`), its count on its line (`…（指南代码：LH26ZZ01）　拟资助2项`) and a code the call gives it
 * (`（指南代码：BZ2025101）`), kept in the heading, not the title.
 */
function uncoded(bare: Mapped): Mapped {
  // A note's call at the title's end (`…分子机制[2]`, `…材料①`, `…技术*`) calls a note; it names nothing.
  const call = RE_NOTE_CALL.exec(bare.text);
  const uncalled = call && call.index > 0 ? mappedTrim(mappedSlice(bare, 0, call.index)) : bare;
  // Nor a code the call gives it (`（指南代码：BZ2025101）`): kept in the heading, not the title.
  // (Nor its count on its line after it: `…（指南代码：LH26ZZ01）　拟资助2项`.)
  const counted = RE_TITLE_TRAILING_COUNT.exec(uncalled.text);
  const uncounted = counted && counted.index > 0 ? mappedTrim(mappedSlice(uncalled, 0, counted.index)) : uncalled;
  const code = RE_TITLE_CODE.exec(uncounted.text);
  return code && code.index > 0 ? mappedTrim(mappedSlice(uncounted, 0, code.index)) : uncounted;
}

const BARE = new WeakMap<Mapped, BareFigures>();
/**
 * The direction's figures without labels (`bareFigures` of its text), read once for the roles that
 * fall back on them (count, funding, duration).
 */
export function bareFiguresOf(ctx: DirectionContext): BareFigures {
  let found = BARE.get(ctx.all);
  if (!found) BARE.set(ctx.all, (found = bareFigures(ctx.all.text)));
  return found;
}

/**
 * The title as printed after the direction's number; for a table's row whose text then stood under
 * a fuller heading (the category after the name), the text's title, which governs.
 */
function printedTitle(d: Section): Mapped {
  const heading = d.heading!;
  const rowTitle = mappedTrim(mappedSlice(heading.text, d.marker!.length, heading.text.text.length), '。；;，,—：:');
  const detail = d.detail ? mappedTrim(mappedSlice(d.detail.paragraph.text, d.detail.marker.length, d.detail.paragraph.text.text.length), '。；;，,—：:') : null;
  const squeezed = (t: string): string => t.replace(/\s+/g, '');
  return detail && squeezed(detail.text).length > squeezed(rowTitle.text).length && squeezed(detail.text).startsWith(squeezed(rowTitle.text)) ? detail : rowTitle;
}
