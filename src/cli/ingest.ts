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

type IngestCommand = Extract<Command, { command: 'ingest' }>;
type Documents = (Omit<Processed, 'markdown'> & { readonly markdown: string | null; readonly id: string })[];

export async function runIngest(cmd: IngestCommand, io: Io): Promise<number> {
  const lang = io.lang ?? 'zh';
  let inputFailures = 0;
  const failInput = (path: string, error: GuidelineError): void => {
    inputFailures++;
    io.stderr.write(`guideline: ${t(lang, 'fail.line', path, withHint(error, lang))}\n`);
  };
  const wholeCorpus = cmd.files.length === 0;
  let paths: string[];
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
  const run = new IngestRun(cmd, io, outDir, paths);
  const reports = await ingestAll(paths, (path) => run.one(path), { concurrency: cmd.concurrency ?? availableParallelism(), ...(io.signal ? { signal: io.signal } : {}) }).finally(() => run.close());
  run.progress.clear();
  const { stale, notPruned } = wholeCorpus ? await staleOutputs(cmd, outDir, new Set([...run.ids(), ...reports.flatMap((r) => r.parts ?? [])]), lang) : { stale: [], notPruned: new Map<string, string>() };
  reportLines(reports, cmd, io, lang, run.progress.shown);
  for (const id of stale) {
    const fate = !cmd.prune ? false : (notPruned.get(id) ?? true);
    io.stderr.write(`guideline: ${t(lang, 'ingest.stale', `${cmd.out}/${id}.json`, CORPUS_DIR, fate)}\n`);
  }
  return summarise(reports, { cmd, io, lang, paths, wholeCorpus, inputFailures, stale, notPruned, tty: run.progress.shown });
}

/**
 * One run of `ingest` over its sources: their ids, the worker pool, the progress line, and what is
 * done with each source (`one`).
 */
class IngestRun {
  readonly progress: Progress;
  private readonly assigned: ReturnType<typeof assignIds>;
  private readonly firstWithId = new Map<string, string>();
  private readonly collision = new Map<string, string>();
  private readonly pool: DocumentPool | undefined;
  private readonly maxBytes: number;
  private readonly loadOptions: ReturnType<typeof loadOptionsOf> & { maxBytes: number };

  constructor(
    private readonly cmd: IngestCommand,
    private readonly io: Io,
    private readonly outDir: string,
    paths: readonly string[],
  ) {
    // Ids name the output files: two sources with one id would overwrite each other. Renditions of
    // one document (`x.pdf`, `x.docx` in one folder) get ids of their own (`x`, `x-docx`).
    this.assigned = assignIds(paths.filter((p) => p !== STDIN));
    for (const p of paths) {
      const id = this.idOf(p);
      const first = this.firstWithId.get(id);
      if (first === undefined) this.firstWithId.set(id, p);
      else this.collision.set(p, first);
    }
    this.progress = new Progress(io, paths.length, !cmd.json);
    this.maxBytes = cmd.maxBytes ?? DEFAULT_MAX_BYTES;
    // By default PDFs go to one worker thread and text stays on the main thread. pdf.js can keep its
    // thread busy for seconds without a pause (a damaged CFF font: 10 s against a 1 s limit): only a
    // worker can be stopped then, so the time limit holds. On the project's 2-core machines one
    // worker costs time within the noise (README, Performance) and 25–50 MB; text is fastest in the
    // main thread. `--workers N` puts every document on N workers, `--workers 0` none. Workers start
    // when the first document needs one.
    const poolSize = cmd.workers ?? 1;
    const workerMemoryMb = cmd.workerMemoryMb ?? undefined;
    this.pool =
      poolSize > 0 && paths.length > 0 && DocumentPool.usable()
        ? new DocumentPool(Math.min(poolSize, paths.length), workerMemoryMb === undefined ? {} : { memoryMb: workerMemoryMb })
        : undefined;
    this.loadOptions = { ...loadOptionsOf(cmd), maxBytes: this.maxBytes };
  }

  /** The output id of source `p`. */
  idOf(p: string): string {
    if (this.cmd.id !== null) return documentId(this.cmd.id);
    if (p === STDIN) return 'stdin';
    return this.assigned.get(p)?.id ?? documentId(p);
  }

  /** Every output id a source of this run has. */
  ids(): IterableIterator<string> {
    return this.firstWithId.keys();
  }

  close(): Promise<void> | void {
    return this.pool?.close();
  }

  /** Reads, processes and writes source `path`: its report, never an exception. */
  async one(path: string): Promise<DocReport> {
    const id = this.idOf(path);
    const renditionOf = this.assigned.get(path)?.renditionOf ?? undefined;
    const rendition = renditionOf === undefined ? {} : { renditionOf };
    this.progress.show(path);
    /** Ends the heap's pacing for a large document (`paceHeap`). */
    let paced = (): void => undefined;
    try {
      const first = this.collision.get(path);
      if (first !== undefined) throw new GuidelineError('id-collision', reason('id-collision', id, first));
      const input: Input = { bytes: path === STDIN ? await readStdin(this.io.stdin, this.maxBytes) : await readSource(resolve(this.io.cwd, path), this.loadOptions) };
      // Incremental: same source bytes and same pipeline version → nothing to do.
      const previous = this.cmd.force ? undefined : await this.unchanged(id, input.bytes!);
      if (previous) return { path, id, ...rendition, status: 'skipped', warnings: previous.warnings, notices: previous.notices };
      paced = paceHeap(input.bytes!.length);
      const documents = await this.processBytes(input, path, id);
      await this.write(documents);
      const warnings = documents.reduce((n, d) => n + d.warnings, 0);
      const notices = documents.flatMap((d) => d.notices);
      const parts = documents.length > 1 ? { parts: documents.map((d) => d.id) } : {};
      return { path, id, ...rendition, status: 'written', warnings, notices, ...parts };
    } catch (error) {
      const e = asGuidelineError(error);
      // Outputs from an earlier version of a source that now fails go: a folder never holds
      // stale results beside fresh ones. Not when the output name is another source's.
      const removedOutputs = e.code !== 'id-collision' && (await this.removeStale(id));
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
      this.progress.done(path);
    }
  }

  /** The earlier output of `id` where it was made from these bytes by this version (and, for a PDF, read by OCR as now asked), else undefined. */
  private async unchanged(id: string, bytes: Uint8Array): Promise<Awaited<ReturnType<typeof readPrevious>> | undefined> {
    const previous = await readPrevious(this.outDir, id);
    // A PDF's output also depends on how OCR was asked to read it (`--ocr`).
    const sameRead = !isPdf(bytes) || sameOcr(previous?.ocr ?? 'none', this.cmd.ocr);
    const same = previous && sameRead && (await exists(join(this.outDir, `${id}.html`))) && previous.pipelineVersion === PIPELINE_VERSION && previous.sha256 === createHash('sha256').update(bytes).digest('hex');
    return same ? previous : undefined;
  }

  /**
   * Each document a source holds (one, or each guideline of a text that pastes several), with its
   * output id. The bytes are taken from `input` as they are read: an async function keeps every
   * local it had while it waits, and a large text's bytes would stay alive to the end of its
   * document.
   */
  private async processBytes(input: Input, path: string, id: string): Promise<Documents> {
    const options = { ...this.loadOptions, id, ...(this.cmd.format === null ? {} : { format: this.cmd.format }) };
    const sourcePath = path === STDIN ? 'stdin' : path;
    const onOcr = (p: string): ((progress: OcrProgress) => void) => this.progress.ocr(p);
    // A `.pdf` that is no PDF fails in `load` at once, wherever it runs.
    const onPool = this.cmd.workers !== null || isPdf(input.bytes!);
    if (this.pool && onPool) return [{ ...(await this.pool.process(take(input), sourcePath, options, onOcr(path))), id }];
    const source = await loadBytes(take(input), sourcePath, { ...options, onProgress: onOcr(path) });
    const docs = processSources(source);
    return docs.map((doc) => {
      const notices = noticesOf(doc.checks);
      // The Markdown is made when its file is written (markdown: null), not held beside the others.
      return { id: docs.length === 1 ? id : doc.document.id, doc, markdown: null, text: source.text, warnings: notices.length, notices };
    });
  }

  /**
   * Writes every file of every document a source holds, or none (one transaction). The pages and
   * the Markdown first: the JSON is what marks an output as complete for the next run. Each file is
   * written piece by piece, from the document, when its turn comes (a 45 MB text gives a 450 MB
   * JSON and a 200 MB page: never one string in memory).
   */
  private async write(documents: Documents): Promise<void> {
    // The page is made here, on the main thread, past the time limit (hast loads when first needed).
    const { writeHtmlPage } = await import('../report/html.js');
    const files: { path: string; content: Content }[] = documents.flatMap((d) => [
      { path: join(this.outDir, `${d.id}.html`), content: (write: Write) => writeHtmlPage(d.doc, { text: d.text }, write) },
      { path: join(this.outDir, `${d.id}.md`), content: d.markdown ?? ((write: Write) => writeMarkdown(d.doc, write)) },
    ]);
    for (const d of documents) files.push({ path: join(this.outDir, `${d.id}.json`), content: (write: Write) => writeJson(d.doc, write) });
    try {
      await atomicWriteAll(files);
    } catch (error) {
      // The files are made while they are written: an error with no file-system code came from
      // making them (a bug), not from the machine, and is said as such.
      if (fsCode(error) === undefined) throw error;
      // The machine's problem (a full disk, a read-only folder), not the document's.
      throw new GuidelineError('unwritable', reason('output-unwritable', this.cmd.out, writeProblem(error)));
    }
  }

  /** Removes `id`'s outputs, if there are any; whether some were there and are gone. */
  private async removeStale(id: string): Promise<boolean> {
    const there = [`${id}.json`, `${id}.md`, `${id}.html`].filter((n) => existsSync(join(this.outDir, n)));
    if (there.length === 0) return false;
    try {
      await removeOutput(this.outDir, id);
      return true;
    } catch {
      return false;
    }
  }
}

/** Outputs whose source is gone (only known when the whole corpus was listed), removed with --prune; those --prune could not remove, and why. */
async function staleOutputs(cmd: IngestCommand, outDir: string, live: ReadonlySet<string>, lang: 'zh' | 'en'): Promise<{ stale: string[]; notPruned: Map<string, string> }> {
  const stale: string[] = [];
  const notPruned = new Map<string, string>();
  for (const id of await listOutputs(outDir)) if (!live.has(id)) stale.push(id);
  if (!cmd.prune) return { stale, notPruned };
  for (const id of stale) {
    try {
      await removeOutput(outDir, id);
    } catch (error) {
      notPruned.set(id, describeWriteError(error, lang));
    }
  }
  return { stale, notPruned };
}

/**
 * One line per failure, always. Warnings: every one with --verbose, the first few of each document
 * on a terminal, none otherwise (--json carries them all); none with --quiet.
 */
function reportLines(reports: readonly DocReport[], cmd: IngestCommand, io: Io, lang: 'zh' | 'en', tty: boolean): void {
  const listed = cmd.quiet ? 0 : cmd.verbose ? Number.POSITIVE_INFINITY : tty ? BRIEF_WARNINGS : 0;
  for (const r of reports) {
    if (r.parts && !cmd.quiet && !cmd.json) io.stderr.write(`guideline: ${t(lang, 'ingest.parts', r.path, r.parts)}\n`);
    if (r.renditionOf !== undefined && !cmd.quiet && !cmd.json) io.stderr.write(`guideline: ${t(lang, 'ingest.rendition', r.path, r.renditionOf, r.id)}\n`);
    if (r.status === 'failed') {
      io.stderr.write(`guideline: ${t(lang, 'fail.line', r.path, `${lang === 'zh' ? r.errorZh : r.error}${cmd.verbose && r.detail ? (lang === 'zh' ? `（${r.detail}）` : ` (${r.detail})`) : ''}`)}\n`);
      if (r.removedOutputs) io.stderr.write(`guideline: ${t(lang, 'ingest.removed-outputs', `${cmd.out}/${r.id}`, r.path)}\n`);
    } else if (listed > 0 && r.notices.length > 0 && !cmd.json) {
      io.stderr.write(`${t(lang, 'ingest.warnings', r.path, r.notices.length)}\n`);
      for (const n of r.notices.slice(0, listed)) io.stderr.write(`  ${noticeLine(n, lang)}\n`);
      if (r.notices.length > listed) io.stderr.write(`  ${t(lang, 'ingest.more-warnings', r.notices.length - listed)}\n`);
    }
  }
}

/** The run's summary (a line, or the JSON with --json) and its exit code. */
function summarise(
  reports: readonly DocReport[],
  run: { cmd: IngestCommand; io: Io; lang: 'zh' | 'en'; paths: readonly string[]; wholeCorpus: boolean; inputFailures: number; stale: readonly string[]; notPruned: ReadonlyMap<string, string>; tty: boolean },
): number {
  const { cmd, io, lang, paths, stale, notPruned, tty } = run;
  const count = (s: Status): number => reports.filter((r) => r.status === s).length;
  const warnings = reports.reduce((a, r) => a + r.warnings, 0);
  const interrupted = reports.length < paths.length;
  const summary = {
    documents: paths.length,
    written: count('written'),
    skipped: count('skipped'),
    failed: count('failed') + run.inputFailures,
    warnings,
    stale: stale.length,
    pruned: cmd.prune ? stale.length - notPruned.size : 0,
    interrupted,
    results: reports,
  };
  if (cmd.json) io.stdout.write(`${JSON.stringify(summary)}\n`);
  // The summary line: for a batch (several files, or the corpus folder), on a terminal, or asked
  // for; a single file given by name that fails is one line.
  else if (!cmd.quiet && (paths.length > 1 || run.wholeCorpus || tty || cmd.verbose || interrupted)) {
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
