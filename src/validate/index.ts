/**
 * The `validate` stage: compares the figures the document states with what its directions add up
 * to, turns structural problems into checks, assembles the output and validates it against the
 * schema. A document that does not pass the schema is a failure of this tool, reported as an error
 * for that file; it is never written.
 */
import { z } from 'zod';
import { checkMessageZh, formatYuan } from '../format.js';
import type { Cleaned } from '../clean/index.js';
import type { Extracted } from '../extract/index.js';
import type { Layout } from '../position.js';
import { ocrConfidenceOf, spanOf } from '../position.js';
import type { Node, Segmented } from '../segment/index.js';
import { compile, CANNOT } from '../schema/compiled.js';
import { Guideline, SCHEMA_VERSION, type CheckDraft, type SectionOut, type Span } from '../schema/guideline.js';
import { GuidelineError, type Source } from '../types.js';
import { PIPELINE_VERSION } from '../version.js';

export interface ValidateInput {
  readonly source: Source;
  readonly cleaned: Cleaned;
  readonly segmented: Segmented;
  readonly extracted: Extracted;
}

const yi = formatYuan;
let checkGuideline: ((value: unknown) => unknown) | undefined;

export function consistencyChecks(extracted: Extracted): CheckDraft[] {
  const checks: CheckDraft[] = [];
  const { summary, directions } = extracted;
  if (directions.length === 0) return checks;

  if (summary.directionCount && summary.directionCount.value !== directions.length) {
    checks.push({
      code: 'direction-count-mismatch',
      severity: 'warning',
      message: `the text states ${summary.directionCount.value} directions but ${directions.length} are numbered`,
      directionId: null,
      stated: summary.directionCount.value,
      computed: directions.length,
      span: summary.directionCount.span,
    });
  }
  const partners = new Set(directions.flatMap((d) => d.partners.map((p) => p.name)));
  if (summary.partnerCount && summary.partnerCount.value !== partners.size) {
    checks.push({
      code: 'partner-count-mismatch',
      severity: 'warning',
      message: `the text states ${summary.partnerCount.value} partners but the direction titles name ${partners.size} (${[...partners].join('、')})`,
      directionId: null,
      stated: summary.partnerCount.value,
      computed: partners.size,
      span: summary.partnerCount.span,
    });
  }
  // A total is compared when every direction states its figure, or when those that do already
  // exceed it (then the missing ones cannot make it add up).
  const counted = directions.filter((d) => d.projectCount && !d.projectCount.inherited);
  if (summary.projectCount && counted.length > 0) {
    const sum = counted.reduce((a, d) => a + d.projectCount!.value, 0);
    const complete = counted.length === directions.length;
    if ((complete && sum !== summary.projectCount.value) || (!complete && sum > summary.projectCount.value && summary.projectCount.qualifier !== 'atLeast')) {
      checks.push({
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
  const funded = directions.filter((d) => d.funding);
  if (summary.fundingTotal && funded.length > 0) {
    const sum = funded.reduce((a, d) => a + d.funding!.amountCNY, 0);
    const complete = funded.length === directions.length;
    if ((complete && sum !== summary.fundingTotal.amountCNY) || (!complete && sum > summary.fundingTotal.amountCNY && summary.fundingTotal.qualifier !== 'atLeast')) {
      const diff = summary.fundingTotal.amountCNY - sum;
      checks.push({
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
  return checks;
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

/**
 * A figure read by OCR is doubted when one of its characters was read with a confidence below this
 * (0–100). On the project's test scans every figure (31, all read right) had all its characters at
 * 93 or more; the smudged one (`800` read as `蝎8`) had one at 76. Tesseract's confidences are a weak
 * signal (a right character at 83 and a wrong one at 93 were seen on another scan): the check is a
 * prompt to look, and the value is kept.
 */
export const OCR_DOUBT = 90;

/**
 * Figures (amounts, counts, durations) that OCR read with a doubtful character: a check each, so
 * that no figure from a scan is taken on trust. Figures stated once for all directions are checked
 * where they are stated, not again in each direction that inherits them.
 */
export function ocrChecks(extracted: Extracted, layout: Layout): CheckDraft[] {
  if (!layout.ocrConfidence) return [];
  type Figure = { readonly text: string; readonly span: Span; readonly inherited?: boolean } | null | undefined;
  const checks: CheckDraft[] = [];
  const consider = (what: string, figure: Figure, directionId: string | null): void => {
    if (!figure || figure.inherited) return;
    const ocr = ocrConfidenceOf(layout, figure.span.start, figure.span.end);
    if (!ocr || ocr.min >= OCR_DOUBT) return;
    checks.push({
      code: 'ocr-low-confidence',
      severity: 'warning',
      message: `${directionId ? `direction ${directionId}: ` : ''}the ${what} “${figure.text}” was read by OCR with a doubtful character (confidence ${ocr.min}, mean ${ocr.mean}${figure.span.page ? `, page ${figure.span.page}` : ''}): check it against the page`,
      directionId,
      stated: figure.text,
      computed: ocr.min,
      span: figure.span,
    });
  };
  const { summary } = extracted;
  consider('number of directions', summary.directionCount, null);
  consider('number of partners', summary.partnerCount, null);
  consider('project count', summary.projectCount, null);
  consider('funding total', summary.fundingTotal, null);
  consider('default duration', summary.defaultDuration, null);
  consider('default project count', summary.defaultProjectCount, null);
  consider('default per-project cap', summary.defaultPerProjectCap, null);
  if (summary.youngScientist) consider('young-scientist figures', { text: summary.youngScientist.text, span: summary.youngScientist.span }, null);
  for (const d of extracted.directions) {
    consider('project count', d.projectCount, d.id);
    consider('funding', d.funding, d.id);
    if (d.funding?.perProjectCapSpan && !d.perProjectCap) consider('per-project cap', { text: d.funding.text, span: d.funding.perProjectCapSpan }, d.id);
    consider('per-project cap', d.perProjectCap, d.id);
    consider('duration', d.duration, d.id);
  }
  return checks;
}

const SEVERITY = { error: 0, warning: 1, info: 2 } as const;

/** Roles that only a guideline direction has. */
const DIRECTION_ROLES = new Set(['agreement', 'domains', 'projectCount', 'funding', 'duration', 'content', 'indicators', 'keywords']);

/**
 * Whether the file is a guideline is decided on guideline evidence taken together: Chinese text,
 * numbered directions, and direction fields under them (or, where the directions state their
 * figures in prose, the vocabulary of a call: 指南 and 申报, and figures read from the directions).
 * A numbered heading alone is no evidence: English papers and Chinese reports have them. Returns
 * what is missing, in words that name no numbering form (the document may use another), or null.
 */
function notAGuideline(cleaned: Cleaned, segmented: Segmented, extracted: Extracted): string | null {
  let cjk = 0;
  let letters = 0;
  for (const l of cleaned.lines) {
    const t = l.text.text;
    for (let i = 0; i < t.length; i++) {
      const c = t.charCodeAt(i);
      if (c >= 0x3400 && c <= 0x9fff) cjk++;
      else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) letters++;
    }
  }
  if (cjk === 0 || cjk < letters / 4) return 'the text is not Chinese (a 申报指南 is)';
  if (extracted.directions.length === 0) return 'no numbered guideline directions found (headings, each followed by fields such as 拟支持项目数, 经费, 实施周期 or 研究内容)';
  let withFields = 0;
  const walk = (n: Node): void => {
    if (n.kind === 'paragraph') return;
    if (n.kind === 'direction' && n.children.some((c) => c.kind === 'field' && DIRECTION_ROLES.has(c.role ?? ''))) withFields++;
    n.children.forEach(walk);
  };
  walk(segmented.root);
  if (withFields > 0) return null;
  const figures = extracted.directions.some((d) => d.funding || d.projectCount || (d.duration && !d.duration.inherited) || d.perProjectCap);
  const text = cleaned.lines.map((l) => l.text.text).join('');
  if (/指南/.test(text) && /申报/.test(text) && figures) return null;
  // A call that lists its directions and states its figures once for them (NSFC, MIIT guides):
  // every direction inherits a cap or a duration from the call's own clause.
  const called = extracted.directions.every((d) => (d.perProjectCap?.inherited ?? false) || (d.duration?.inherited ?? false));
  if (/指南/.test(text) && /资助|支持|揭榜/.test(text) && called && !extracted.summary.defaultDuration) return null;
  return 'its numbered headings have none of the fields of a guideline direction (拟支持项目数, 经费, 实施周期, 合作协议, 研究内容, …) and state no project counts or funding';
}

/** Assembles and validates the output document. Throws `GuidelineError` when it cannot. */
/**
 * The name of the field that holds `offset` (`其他要求`), `标题` in a direction's heading, null
 * elsewhere: the last field heading at or before it within its direction, in document order.
 */
export function fieldAt(sections: readonly SectionOut[], offset: number): string | null {
  let field: string | null = null;
  const walk = (nodes: readonly SectionOut[]): boolean => {
    for (const n of nodes) {
      if (n.span.start > offset) return true;
      if (n.kind === 'direction' || n.kind === 'part' || n.kind === 'group') field = n.kind === 'direction' && offset < n.span.end ? '标题' : null;
      else if (n.kind === 'field') field = (n.marker ?? n.text.split(/[：:]/)[0] ?? '').replace(/[：:]\s*$/, '').trim() || null;
      if (walk(n.children)) return true;
    }
    return false;
  };
  walk(sections);
  return field;
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
  readonly refusal: string | null;
  readonly structure: readonly CheckDraft[];
}

/** The first half of `validate`: what it needs of the cleaned lines and the segmented tree. */
export function prevalidate(input: ValidateInput): Prevalidated {
  const { cleaned, segmented, extracted } = input;
  const refusal = notAGuideline(cleaned, segmented, extracted);
  return { layout: cleaned.layout, removed: cleaned.removed, extracted, refusal, structure: refusal ? [] : structureChecks(segmented, cleaned.layout) };
}

/** The second half of `validate`: the output document, checked against the schema. */
export function assemble(source: Source, input: Prevalidated): Guideline {
  const { extracted, refusal } = input;
  const cleaned = { layout: input.layout, removed: input.removed };
  if (refusal) {
    // The guideline may be on the pages that were not read.
    const pages = source.pagesNotRead ?? [];
    const unread = pages.length === 0 ? '' : ` (page${pages.length === 1 ? '' : 's'} ${pages.join(', ')} ${pages.length === 1 ? 'is a scan' : 'are scans'} not read: OCR was off)`;
    throw new GuidelineError('not-a-guideline', `not a guideline: ${refusal}${unread}`);
  }
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
  const checks = [...notRead, ...input.structure, ...extracted.checks, ...consistencyChecks(extracted), ...ocrChecks(extracted, cleaned.layout)].map((c) => ({
    ...c,
    messageZh: checkMessageZh(c, c.code === 'placeholder' && c.span ? { field: fieldAt(extracted.sections, c.span.start), excerpt: excerpt(source.text, c.span.start, c.span.end) } : {}),
  }));
  // Stable order: by position, then severity, then code.
  checks.sort(
    (a, b) =>
      (a.span?.start ?? -1) - (b.span?.start ?? -1) ||
      SEVERITY[a.severity] - SEVERITY[b.severity] ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
  const doc = {
    schemaVersion: SCHEMA_VERSION,
    pipelineVersion: PIPELINE_VERSION,
    document: {
      id: source.id,
      ...extracted.info,
      source: {
        path: source.path,
        sha256: source.sha256,
        format: source.format,
        encoding: source.encoding,
        bytes: source.bytes,
        pages: cleaned.layout.pages,
        pageNumbering: cleaned.layout.pageNumbering,
        lines: cleaned.layout.lineStarts.length,
        ...(source.ocr ? { ocr: { engine: source.ocr.engine, mode: source.ocr.mode, pages: source.ocr.pages.map((p) => ({ ...p })), meanConfidence: source.ocr.meanConfidence } } : {}),
        ...(source.blocks === undefined ? {} : { blocks: source.blocks, tables: source.tables ?? 0 }),
        ...(source.pagesNotRead?.length ? { pagesNotRead: [...source.pagesNotRead] } : {}),
      },
    },
    summary: extracted.summary,
    directions: extracted.directions,
    sections: extracted.sections,
    checks,
    removed: cleaned.removed,
  };
  // The compiled check gives zod's own result for a document it can vouch for, and is several times
  // faster; anything else goes to zod, whose message names the first problem.
  const checked = (checkGuideline ??= compile(Guideline))(doc);
  if (checked !== CANNOT) return checked as Guideline;
  let parsed = Guideline.safeParse(doc);
  // A value that would break the schema never sinks the document: it is left out, and a check says
  // which and why. Only what cannot be left out (the document's own facts) is a bug of the tool.
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
    throw new GuidelineError(
      'invalid-output',
      `output does not match the schema at ${first ? z.core.toDotPath(first.path) : '?'}: ${first?.message ?? 'unknown'} (a bug in this tool: please report it)`,
    );
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
