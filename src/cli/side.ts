/**
 * Reading the inputs of `diff`, `export` and `history`: sources ingested on the fly (with the same
 * `--ocr`, `-j/--jobs`, `--timeout-ms`, `--ocr-max-pages` and `--max-bytes` as `ingest`) or
 * extracted JSON files, with the progress line on a terminal.
 */
import { resolve } from 'node:path';
import { availableParallelism } from 'node:os';
import { DEFAULT_MAX_BYTES, isPdf, loadBytes, readSource, type LoadOptions } from '../load/index.js';
import { DocumentPool } from '../pool.js';
import { asGuidelineError, ingestAll, processSource } from '../pipeline.js';
import { Guideline } from '../schema/guideline.js';
import { GuidelineError } from '../types.js';
import { reason } from '../messages/reasons.js';
import { expandInputs, EXPORT_EXTENSIONS, toPosix } from './fs.js';
import type { SourceFlags } from './args.js';
import { Progress } from './progress.js';
import { withHint } from './hints.js';
import type { Io } from './main.js';
import { t } from '../messages/index.js';

/** Largest extracted JSON read: ten times the largest source (a JSON is bigger than its source). */
const MAX_JSON_BYTES = 10 * DEFAULT_MAX_BYTES;

/** The `LoadOptions` the source flags ask for. */
export function loadOptionsOf(flags: SourceFlags): LoadOptions {
  return {
    ocr: flags.ocr,
    ...(flags.timeoutMs === null ? {} : { timeoutMs: flags.timeoutMs }),
    ...(flags.ocrMaxPages === null ? {} : { ocrMaxPages: flags.ocrMaxPages }),
    ...(flags.maxBytes === null ? {} : { maxBytes: flags.maxBytes }),
  };
}

/**
 * Ingests a source or reads an extracted JSON, for `diff`, `export` and `history`. Throws
 * `GuidelineError`. `pool`: the worker threads to read a PDF on (kept open for the next one);
 * without it, a PDF gets a worker of its own.
 */
export async function loadSide(path: string, cwd: string, options: LoadOptions & { readonly pool?: DocumentPool } = {}): Promise<Guideline> {
  const abs = resolve(cwd, path);
  if (/\.json$/i.test(path)) {
    // The same checks as for a source (a regular file, not too large) before reading a byte: a
    // named pipe called `x.json` would block the read for ever.
    const bytes = await readSource(abs, { maxBytes: Math.max(MAX_JSON_BYTES, options.maxBytes ?? 0) });
    let raw: unknown;
    try {
      raw = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'));
    } catch {
      throw new GuidelineError('unreadable', reason('json-unreadable'));
    }
    const parsed = Guideline.safeParse(raw);
    if (!parsed.success) throw new GuidelineError('invalid-output', reason('json-not-guideline'));
    return parsed.data;
  }
  const { pool: shared, onProgress, ...loadOptions } = options;
  const bytes = await readSource(abs, loadOptions);
  // A PDF is read on a worker thread where there is one, as `ingest` does: then its time limit
  // holds even when pdf.js blocks its thread (src/pool.ts).
  if (isPdf(bytes) && (shared || DocumentPool.usable())) {
    const pool = shared ?? new DocumentPool(1);
    try {
      const { doc } = await pool.process(bytes, toPosix(path), loadOptions, onProgress);
      return Guideline.parse(doc);
    } finally {
      if (!shared) await pool.close();
    }
  }
  return processSource({ ...(await loadBytes(bytes, abs, { ...loadOptions, ...(onProgress ? { onProgress } : {}) })), path: toPosix(path) });
}

/**
 * Every guideline of `inputs`, for the commands over many documents (`export`, `history`): a file
 * as it is given, a folder as the sources and `.json` files in it and below (hidden ones skipped,
 * sorted). `-j` documents at once (text on the main thread, PDFs on one worker thread started at
 * the first, on which the time limit holds), in the order of the inputs whatever the order they
 * finish in. An input that cannot be read is passed to `fail` with its error and left out; no new
 * input is started once `signal` aborts.
 */
export async function loadInputs(
  inputs: readonly string[],
  cwd: string,
  options: {
    readonly flags: SourceFlags;
    readonly signal?: AbortSignal;
    readonly progress?: Progress;
    readonly fail: (path: string, error: GuidelineError) => void;
  },
): Promise<Guideline[]> {
  const files = await expandInputs(inputs, cwd, EXPORT_EXTENSIONS, options.fail);
  const { progress } = options;
  if (progress) progress.total = files.length;
  const pool = files.length > 0 && DocumentPool.usable() ? new DocumentPool(1) : undefined;
  const loadOptions = { ...loadOptionsOf(options.flags), ...(pool ? { pool } : {}) };
  const failures = new Map<string, GuidelineError>();
  let docs: (Guideline | null)[];
  try {
    docs = await ingestAll(
      files,
      async (path) => {
        progress?.show(path);
        try {
          return await loadSide(path, cwd, { ...loadOptions, ...(progress ? { onProgress: progress.ocr(path) } : {}) });
        } catch (error) {
          failures.set(path, asGuidelineError(error));
          return null;
        } finally {
          progress?.done(path);
        }
      },
      { concurrency: options.flags.concurrency ?? availableParallelism(), ...(options.signal ? { signal: options.signal } : {}) },
    );
  } finally {
    await pool?.close();
    progress?.clear();
  }
  // The failures in the order of the inputs, after the progress line is gone.
  for (const path of files) {
    const e = failures.get(path);
    if (e) options.fail(path, e);
  }
  return docs.filter((d): d is Guideline => d !== null);
}

/**
 * `loadInputs` as `export` and `history` call it: progress on the terminal, one failure line per
 * input that fails (the file, why, what helps), and how many failed.
 */
export async function loadCommandInputs(
  inputs: readonly string[],
  flags: Parameters<typeof loadInputs>[2]['flags'],
  io: Io,
): Promise<{ docs: Awaited<ReturnType<typeof loadInputs>>; failed: number }> {
  const lang = io.lang ?? 'zh';
  let failed = 0;
  const docs = await loadInputs(inputs, io.cwd, {
    flags,
    progress: new Progress(io, inputs.length),
    ...(io.signal ? { signal: io.signal } : {}),
    fail: (path, error) => {
      failed++;
      io.stderr.write(`guideline: ${t(lang, 'fail.line', path, withHint(error, lang))}\n`);
    },
  });
  return { docs, failed };
}
