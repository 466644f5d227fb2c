/**
 * `guideline ingest`: a corpus folder or files in, validated JSON, Markdown and an HTML page out, incrementally,
 * atomically, one line per failure.
 */
import { join, resolve } from 'node:path';
import { availableParallelism } from 'node:os';
import { createHash } from 'node:crypto';
import { access } from 'node:fs/promises';
import { loadBytes, readSource, DEFAULT_MAX_BYTES, documentId, isPdf, type OcrProgress } from '../load/index.js';
import { assignIds } from '../load/id.js';
import { DocumentPool, type Processed } from '../pool.js';
import { noticeLine, noticesOf, type Notice } from '../notice.js';
import { asGuidelineError, ingestAll, processSources } from '../pipeline.js';
import { writeJson, type Write } from '../report/json.js';
import { writeMarkdown } from '../report/index.js';
import { GuidelineError } from '../types.js';
import { PIPELINE_VERSION } from '../version.js';
import type { Command } from './args.js';
import {
  atomicWriteAll,
  type Content,
  describeWriteError,
  writeProblem,
  ensureDir,
  expandInputs,
  listCorpus,
  listOutputs,
  readPrevious,
  readStdin,
  removeLeftovers,
  removeOutput,
  sameOcr,
  SOURCE_EXTENSIONS,
  STDIN,
} from './fs.js';
import { existsSync } from 'node:fs';
import { fsCode } from '../fs-error.js';
import { withHint } from './hints.js';
import { CORPUS_DIR, type Io } from './main.js';
import { t } from '../messages/index.js';
import { reason } from '../messages/reasons.js';
import { Progress } from './progress.js';
import { paceHeap } from './heap.js';
import { loadOptionsOf } from './side.js';

type Status = 'written' | 'skipped' | 'failed';

/** Whether `path` exists (an output written before the page was: written again). */
const exists = (path: string): Promise<boolean> => access(path).then(() => true, () => false);

interface DocReport {
  path: string;
  id: string;
  status: Status;
  /** Why it failed, with the CLI's hint, in English (as the JSON's `message` of a check is). */
  error?: string;
  /** The same in Chinese (as a check's `messageZh`). */
  errorZh?: string;
  code?: string;
  /** The library's own words for a failure (pdf.js's), shown with --verbose. */
  detail?: string;
  /** Another file of the same name in the same folder, which keeps the plain id (`x.pdf` for `x.docx`). */
  renditionOf?: string;
  warnings: number;
  /** The warnings themselves (warning and error checks). */
  notices: readonly Notice[];
  /** The document failed and its outputs from an earlier run were removed. */
  removedOutputs?: boolean;
  /** A text that held several guidelines: the ids of their outputs (`x-1`, `x-2`, …). */
  parts?: readonly string[];
}

/** A source's bytes, until `processBytes` takes them. */
interface Input {
  bytes: Uint8Array | null;
}

/** The bytes of `input`, which no longer holds them. */
function take(input: Input): Uint8Array {
  const bytes = input.bytes!;
  input.bytes = null;
  return bytes;
}

/** Warnings listed per document on a terminal without --verbose. */
const BRIEF_WARNINGS = 3;

export async function runIngest(cmd: Extract<Command, { command: 'ingest' }>, io: Io): Promise<number> {
  const lang = io.lang ?? 'zh';
  let inputFailures = 0;
  const failInput = (path: string, error: GuidelineError): void => {
    inputFailures++;
    io.stderr.write(`guideline: ${t(lang, 'fail.line', path, withHint(error, lang))}\n`);
  };
  let paths: string[];
  const wholeCorpus = cmd.files.length === 0;
  try {
    // A folder given by name is the sources in it and below (`ingest corpus/2025`).
    paths = wholeCorpus ? await listCorpus(join(io.cwd, CORPUS_DIR), io.cwd) : await expandInputs(cmd.files, io.cwd, SOURCE_EXTENSIONS, failInput);
  } catch {
    io.stderr.write(`guideline: ${t(lang, 'ingest.corpus-unreadable', CORPUS_DIR)}\n`);
    return 2;
  }
  if (cmd.id !== null && paths.length > 1) {
    io.stderr.write(`guideline: ${t(lang, 'ingest.id-folder', cmd.files[0]!, paths.length)}\n`);
    return 2;
  }
  const outDir = resolve(io.cwd, cmd.out);
  try {
    await ensureDir(outDir);
    await removeLeftovers(outDir);
  } catch (error) {
    io.stderr.write(`guideline: ${t(lang, 'ingest.out-unmakeable', cmd.out, describeWriteError(error, lang))}\n`);
    return 2;
  }

  // Ids name the output files: two sources with one id would overwrite each other. Renditions of
  // one document (`x.pdf`, `x.docx` in one folder) get ids of their own (`x`, `x-docx`).
  const assigned = assignIds(paths.filter((p) => p !== STDIN));
  const idOf = (p: string): string => {
    if (cmd.id !== null) return documentId(cmd.id);
    if (p === STDIN) return 'stdin';
    return assigned.get(p)?.id ?? documentId(p);
  };
  const firstWithId = new Map<string, string>();
  const collision = new Map<string, string>();
  for (const p of paths) {
    const id = idOf(p);
    const first = firstWithId.get(id);
    if (first === undefined) firstWithId.set(id, p);
    else collision.set(p, first);
  }

  const progress = new Progress(io, paths.length, !cmd.json);
  const tty = progress.shown;
  const onOcr = (path: string): ((p: OcrProgress) => void) => progress.ocr(path);

  const maxBytes = cmd.maxBytes ?? DEFAULT_MAX_BYTES;
  const concurrency = cmd.concurrency ?? availableParallelism();
  // By default PDFs go to one worker thread and text stays on the main thread. pdf.js can keep its
  // thread busy for seconds without a pause (a damaged CFF font: 10 s against a 1 s limit): only a
  // worker can be stopped then, so the time limit holds. On the project's 2-core machines one
  // worker costs time within the noise (README, Performance) and 25–50 MB; text is fastest in the
  // main thread. `--workers N` puts every document on N workers, `--workers 0` none. Workers start
  // when the first document needs one.
  const poolSize = cmd.workers ?? 1;
  const workerMemoryMb = cmd.workerMemoryMb ?? undefined;
  const pool =
    poolSize > 0 && paths.length > 0 && DocumentPool.usable()
      ? new DocumentPool(Math.min(poolSize, paths.length), workerMemoryMb === undefined ? {} : { memoryMb: workerMemoryMb })
      : undefined;
  // A `.pdf` that is no PDF fails in `load` at once, wherever it runs.
  const onPool = (bytes: Uint8Array): boolean => cmd.workers !== null || isPdf(bytes);
  const loadOptions = { ...loadOptionsOf(cmd), maxBytes };
  /**
   * Each document a source holds (one, or each guideline of a text that pastes several), with its
   * output id. The bytes are taken from `input` as they are read: an async function keeps every
   * local it had while it waits, and a large text's bytes would stay alive to the end of its
   * document.
   */
  const processBytes = async (input: Input, path: string, id: string): Promise<(Omit<Processed, 'markdown'> & { readonly markdown: string | null; readonly id: string })[]> => {
    const options = { ...loadOptions, id, ...(cmd.format === null ? {} : { format: cmd.format }) };
    const sourcePath = path === STDIN ? 'stdin' : path;
    if (pool && onPool(input.bytes!)) return [{ ...(await pool.process(take(input), sourcePath, options, onOcr(path))), id }];
    const source = await loadBytes(take(input), sourcePath, { ...options, onProgress: onOcr(path) });
    const docs = processSources(source);
    return docs.map((doc) => {
      const notices = noticesOf(doc.checks);
      // The Markdown is made when its file is written (markdown: null), not held beside the others.
      return { id: docs.length === 1 ? id : doc.document.id, doc, markdown: null, text: source.text, warnings: notices.length, notices };
    });
  };

  /** Removes `id`'s outputs, if there are any; whether some were there and are gone. */
  const removeStale = async (id: string): Promise<boolean> => {
    const there = [`${id}.json`, `${id}.md`, `${id}.html`].filter((n) => existsSync(join(outDir, n)));
    if (there.length === 0) return false;
    try {
      await removeOutput(outDir, id);
      return true;
    } catch {
      return false;
    }
  };

  const one = async (path: string): Promise<DocReport> => {
    const id = idOf(path);
    const renditionOf = assigned.get(path)?.renditionOf ?? undefined;
    const rendition = renditionOf === undefined ? {} : { renditionOf };
    const abs = resolve(io.cwd, path);
    progress.show(path);
    /** Ends the heap's pacing for a large document (`paceHeap`). */
    let paced = (): void => undefined;
    try {
      const first = collision.get(path);
      if (first !== undefined) {
        throw new GuidelineError('id-collision', reason('id-collision', id, first));
      }
      const input: Input = { bytes: path === STDIN ? await readStdin(io.stdin, maxBytes) : await readSource(abs, loadOptions) };
      // Incremental: same source bytes and same pipeline version → nothing to do.
      if (!cmd.force) {
        const previous = await readPrevious(outDir, id);
        // A PDF's output also depends on how OCR was asked to read it (`--ocr`).
        const sameRead = !isPdf(input.bytes!) || sameOcr(previous?.ocr ?? 'none', cmd.ocr);
        if (previous && sameRead && (await exists(join(outDir, `${id}.html`))) && previous.pipelineVersion === PIPELINE_VERSION && previous.sha256 === createHash('sha256').update(input.bytes!).digest('hex')) {
          return { path, id, ...rendition, status: 'skipped', warnings: previous.warnings, notices: previous.notices };
        }
      }
      paced = paceHeap(input.bytes!.length);
      const documents = await processBytes(input, path, id);
      // The page is made here, on the main thread, past the time limit (hast loads when first needed).
      const { writeHtmlPage } = await import('../report/html.js');
      // One transaction: every file of every document the source holds, or none. The pages and the
      // Markdown first: the JSON is what marks an output as complete for the next run. Each file is
      // written piece by piece, from the document, when its turn comes (a 45 MB text gives a
      // 450 MB JSON and a 200 MB page: never one string in memory).
      const files: { path: string; content: Content }[] = documents.flatMap((d) => [
        { path: join(outDir, `${d.id}.html`), content: (write: Write) => writeHtmlPage(d.doc, { text: d.text }, write) },
        { path: join(outDir, `${d.id}.md`), content: d.markdown ?? ((write: Write) => writeMarkdown(d.doc, write)) },
      ]);
      for (const d of documents) files.push({ path: join(outDir, `${d.id}.json`), content: (write: Write) => writeJson(d.doc, write) });
      try {
        await atomicWriteAll(files);
      } catch (error) {
        // The files are made while they are written: an error with no file-system code came from
        // making them (a bug), not from the machine, and is said as such.
        if (fsCode(error) === undefined) throw error;
        // The machine's problem (a full disk, a read-only folder), not the document's.
        throw new GuidelineError('unwritable', reason('output-unwritable', cmd.out, writeProblem(error)));
      }
      const warnings = documents.reduce((n, d) => n + d.warnings, 0);
      const notices = documents.flatMap((d) => d.notices);
      const parts = documents.length > 1 ? { parts: documents.map((d) => d.id) } : {};
      return { path, id, ...rendition, status: 'written', warnings, notices, ...parts };
    } catch (error) {
      const e = asGuidelineError(error);
      // Outputs from an earlier version of a source that now fails go: a folder never holds
      // stale results beside fresh ones. Not when the output name is another source's.
      const removedOutputs = e.code !== 'id-collision' && (await removeStale(id));
      return {
        path,
        id,
        ...rendition,
        status: 'failed',
        error: withHint(e, 'en'),
        errorZh: withHint(e, 'zh'),
        code: e.code,
        ...(e.detail ? { detail: e.detail } : {}),
        warnings: 0,
        notices: [],
        ...(removedOutputs ? { removedOutputs } : {}),
      };
    } finally {
      paced();
      progress.done(path);
    }
  };

  const reports = await ingestAll(paths, one, { concurrency, ...(io.signal ? { signal: io.signal } : {}) }).finally(() => pool?.close());
  progress.clear();

  // Outputs whose source is gone (only known when the whole corpus was listed).
  const stale: string[] = [];
  /** Stale outputs --prune could not remove, and why. */
  const notPruned = new Map<string, string>();
  if (wholeCorpus) {
    const live = new Set([...firstWithId.keys(), ...reports.flatMap((r) => r.parts ?? [])]);
    for (const id of await listOutputs(outDir)) if (!live.has(id)) stale.push(id);
    if (cmd.prune) {
      for (const id of stale) {
        try {
          await removeOutput(outDir, id);
        } catch (error) {
          notPruned.set(id, describeWriteError(error, lang));
        }
      }
    }
  }

  // One line per failure, always. Warnings: every one with --verbose, the first few of each
  // document on a terminal, none otherwise (--json carries them all); none with --quiet.
  const listed = cmd.quiet ? 0 : cmd.verbose ? Number.POSITIVE_INFINITY : tty ? BRIEF_WARNINGS : 0;
  for (const r of reports) {
    if (r.parts && !cmd.quiet && !cmd.json) {
      io.stderr.write(`guideline: ${t(lang, 'ingest.parts', r.path, r.parts)}\n`);
    }
    if (r.renditionOf !== undefined && !cmd.quiet && !cmd.json) {
      io.stderr.write(`guideline: ${t(lang, 'ingest.rendition', r.path, r.renditionOf, r.id)}\n`);
    }
    if (r.status === 'failed') {
      io.stderr.write(`guideline: ${t(lang, 'fail.line', r.path, `${lang === 'zh' ? r.errorZh : r.error}${cmd.verbose && r.detail ? (lang === 'zh' ? `（${r.detail}）` : ` (${r.detail})`) : ''}`)}\n`);
      if (r.removedOutputs) io.stderr.write(`guideline: ${t(lang, 'ingest.removed-outputs', `${cmd.out}/${r.id}`, r.path)}\n`);
    } else if (listed > 0 && r.notices.length > 0 && !cmd.json) {
      io.stderr.write(`${t(lang, 'ingest.warnings', r.path, r.notices.length)}\n`);
      for (const n of r.notices.slice(0, listed)) io.stderr.write(`  ${noticeLine(n, lang)}\n`);
      if (r.notices.length > listed) io.stderr.write(`  ${t(lang, 'ingest.more-warnings', r.notices.length - listed)}\n`);
    }
  }
  for (const id of stale) {
    const fate = !cmd.prune ? false : (notPruned.get(id) ?? true);
    io.stderr.write(`guideline: ${t(lang, 'ingest.stale', `${cmd.out}/${id}.json`, CORPUS_DIR, fate)}\n`);
  }
  const count = (s: Status): number => reports.filter((r) => r.status === s).length;
  const warnings = reports.reduce((a, r) => a + r.warnings, 0);
  const interrupted = reports.length < paths.length;
  const summary = {
    documents: paths.length,
    written: count('written'),
    skipped: count('skipped'),
    failed: count('failed') + inputFailures,
    warnings,
    stale: stale.length,
    pruned: cmd.prune ? stale.length - notPruned.size : 0,
    interrupted,
    results: reports,
  };
  if (cmd.json) io.stdout.write(`${JSON.stringify(summary)}\n`);
  // The summary line: for a batch (several files, or the corpus folder), on a terminal, or asked
  // for; a single file given by name that fails is one line.
  else if (!cmd.quiet && (paths.length > 1 || wholeCorpus || tty || cmd.verbose || interrupted)) {
    io.stderr.write(
      `${t(lang, 'ingest.summary', { interrupted, documents: paths.length, written: summary.written, skipped: summary.skipped, failed: summary.failed, warnings, stale: stale.length, pruned: cmd.prune ? stale.length - notPruned.size : false })}\n`,
    );
  }
  // A write that failed is the machine's problem: exit 2, as for an output folder that cannot be made.
  if (reports.some((r) => r.code === 'unwritable') || notPruned.size > 0) return 2;
  if (summary.failed > 0 || interrupted) return 1;
  if (cmd.strict && warnings > 0) {
    if (!cmd.json) io.stderr.write(`guideline: ${t(lang, 'ingest.strict', warnings, reports.filter((r) => r.warnings > 0).map((r) => r.path), cmd.verbose)}\n`);
    return 1;
  }
  return 0;
}

