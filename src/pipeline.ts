/**
 * Composes the stages for one document — load → clean → reflow → segment → extract → validate →
 * report — and runs many documents over a p-queue. Pure apart from the `load` function passed in.
 */
import PQueue from 'p-queue';
import { availableParallelism } from 'node:os';
import { clean, type Cleaned } from './clean/index.js';
import { extract } from './extract/index.js';
import { reflow, type Paragraph } from './reflow/index.js';
import { toJson, toMarkdown } from './report/index.js';
import { segment, type Segmented } from './segment/index.js';
import type { Guideline } from './schema/guideline.js';
import { GuidelineError, type Source } from './types.js';
import { reason } from './messages/reasons.js';
import { assemble, prevalidate, textEvidence, treeEvidence, type Prevalidated, type TextEvidence, type TreeEvidence } from './validate/index.js';
import { guidelineStarts, splitGuidelines } from './load/split.js';

/**
 * Runs the pure stages on a loaded source. Throws `GuidelineError` for a document that fails, and
 * for a text that holds several guidelines (`processSources` reads each of them).
 */
export function processSource(source: Source): Guideline {
  const parts = splitGuidelines(source);
  if (parts.length > 1) {
    const titles = guidelineStarts(source.text).map((i) => i + 1);
    throw new GuidelineError('several-guidelines', reason('several-guidelines', parts.length, titles));
  }
  return processOne(source);
}

/** Every guideline a source holds, each as its own document (`<id>-1`, `<id>-2`, … when several). */
export function processSources(source: Source): Guideline[] {
  const parts = splitGuidelines(source);
  if (parts.length === 1) return [processOne(parts[0]!)];
  // Several guidelines only where each part reads as one: a part that does not (a notice's cover
  // letter cut from the guideline it carries) means the text is one document, read whole.
  try {
    return parts.map(processOne);
  } catch (error) {
    if (!(error instanceof GuidelineError) || error.reason.id !== 'not-a-guideline') throw error;
    try {
      return [processOne(source)];
    } catch {
      throw error;
    }
  }
}

/**
 * The stages up to what validation needs of their trees. What is alive at once is kept small for a
 * large text: the cleaned lines (and their maps) go once they are paragraphs, before the text is
 * segmented; what validation asks of the tree is taken before `extract` reads it, and `extract`
 * lets each direction's subtree go as soon as it is read (`consume`); the rest of the tree is gone
 * before the output document is assembled.
 */
function analyse(source: Source): Prevalidated {
  const { layout, removed, evidence, tree, segmented } = segmentedOf(source);
  const extracted = extract(segmented, layout, source.text, { consume: true });
  return prevalidate({ source, cleaned: { layout, removed }, evidence, tree, extracted });
}

/**
 * `clean`, `reflow` and `segment`, keeping of the cleaned lines and of the tree's numbering problems
 * only what validation asks of them: the tree handed on holds no problems (each holds a paragraph).
 */
function segmentedOf(source: Source): { layout: Cleaned['layout']; removed: Cleaned['removed']; evidence: TextEvidence; tree: TreeEvidence; segmented: Segmented } {
  const { layout, removed, evidence, paragraphs } = paragraphsOf(source);
  const segmented = segment(paragraphs);
  return { layout, removed, evidence, tree: treeEvidence(segmented, layout), segmented: { ...segmented, problems: [] } };
}

/** `clean` then `reflow`, keeping of the cleaned lines only what validation asks of them. */
function paragraphsOf(source: Source): { layout: Cleaned['layout']; removed: Cleaned['removed']; evidence: TextEvidence; paragraphs: Paragraph[] } {
  const cleaned = clean(source);
  return { layout: cleaned.layout, removed: cleaned.removed, evidence: textEvidence(cleaned.lines), paragraphs: reflow(cleaned) };
}

function processOne(source: Source): Guideline {
  try {
    return assemble(source, analyse(source), { consume: true });
  } catch (error) {
    // A Word 97–2003 file's numbering set only through its paragraph styles is not read (load/doc.ts).
    if (error instanceof GuidelineError && error.reason.id === 'not-a-guideline' && source.format === 'doc') {
      const [why, unread] = error.reason.params;
      throw new GuidelineError(error.code, reason('not-a-guideline', why, unread, true), error.detail);
    }
    throw error;
  }
}

export interface Rendered {
  readonly doc: Guideline;
  readonly json: string;
  readonly markdown: string;
}

/**
 * The JSON and Markdown of a processed document. The HTML page is `toHtmlPage` (`report/html.ts`),
 * kept out of here so that a worker thread does not load hast to start (a third of a second).
 */
export function render(doc: Guideline): Rendered {
  return { doc, json: toJson(doc), markdown: toMarkdown(doc) };
}

/** Turns any exception into a `GuidelineError`: unexpected ones are bugs, and say so in one line. */
export function asGuidelineError(error: unknown): GuidelineError {
  if (error instanceof GuidelineError) return error;
  const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
  return new GuidelineError('invalid-output', reason('internal', message ?? ''));
}

export interface BatchOptions {
  /** Documents processed at once. @default os.availableParallelism() */
  readonly concurrency?: number;
  /** Stops starting new documents; those under way finish. */
  readonly signal?: AbortSignal;
}

/**
 * Runs `task` over `items` on a p-queue and returns the results in the order of `items` (never in
 * completion order, so output does not depend on concurrency). Items not started before `signal`
 * aborted are left out.
 */
export async function ingestAll<T, R>(items: readonly T[], task: (item: T) => Promise<R>, options: BatchOptions = {}): Promise<R[]> {
  const concurrency = options.concurrency ?? availableParallelism();
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new TypeError(`Expected \`concurrency\` to be a whole number from 1 and up, got \`${concurrency}\` (${typeof concurrency})`);
  }
  const queue = new PQueue({ concurrency });
  const results = new Array<{ value: R } | undefined>(items.length);
  await Promise.all(
    items.map((item, i) =>
      queue
        .add(async () => {
          if (options.signal?.aborted) return;
          results[i] = { value: await task(item) };
        })
        .catch(() => undefined),
    ),
  );
  return results.filter((r): r is { value: R } => r !== undefined).map((r) => r.value);
}
