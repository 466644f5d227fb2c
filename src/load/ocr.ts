/**
 * Offline OCR with tesseract.js 7 (Tesseract's LSTM engine compiled to WebAssembly) and the
 * Simplified-Chinese model that `@tesseract.js-data/chi_sim` ships. Loaded only when a page needs
 * OCR (`import()` from `pdfjs.ts`), so text documents and text-layer PDFs never load it.
 *
 * Nothing is fetched: the engine's WebAssembly comes from the installed `tesseract.js-core`, the
 * model from the installed data package (`langPath` is a folder, read from disk), and its cache is
 * off (`cacheMethod: 'none'`: by default tesseract.js reads and writes `./chi_sim.traineddata` in the
 * working directory). Tesseract's diagnostics go to its in-memory `/dev/null`, not to stderr.
 *
 * Each engine is a tesseract.js worker thread; up to `OCR_THREADS` of them read pages at once (one
 * page each), started as pages need them (~0.4 s each) and kept for the next document. They are
 * `unref`'d while idle (a finished CLI exits) and terminated after `IDLE_MS` without work, when a
 * job is aborted (the PDF's time limit) and when they fail.
 */
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import type { Worker as NodeWorker } from 'node:worker_threads';
import type Tesseract from 'tesseract.js';
import { GuidelineError } from '../types.js';
import { reason, type OcrStage } from '../messages/reasons.js';

const require = createRequire(import.meta.url);

/** The model: Tesseract's "best" LSTM network for Simplified Chinese, integer-quantised (1.7 MB). */
const MODEL = '4.0.0_best_int';
const LANG = 'chi_sim';

const version = (pkg: string): string => (require(`${pkg}/package.json`) as { version: string }).version;

let engineName: string | undefined;
/** tesseract.js, the core and the model, for `document.source.ocr.engine` (read when first asked). */
export function ocrEngineName(): string {
  engineName ??= `tesseract.js ${version('tesseract.js')} (tesseract.js-core ${version('tesseract.js-core')}, LSTM), ${LANG} ${MODEL} (@tesseract.js-data/${LANG} ${version(`@tesseract.js-data/${LANG}`)})`;
  return engineName;
}

/**
 * Pages read at once: one engine thread per core, at most 4. Each holds ~120 MB. On the project's
 * 2-core machine two engines read a document's pages about twice as fast as one.
 */
export const OCR_THREADS = Math.max(1, Math.min(4, availableParallelism()));

/** An idle engine is terminated after this long (the timer does not keep the process alive). */
const IDLE_MS = 15_000;

/** What Tesseract read on one page, in the pixels of the image it was given. */
export interface OcrResult {
  readonly lines: readonly OcrLine[];
  /** Tesseract's mean word confidence for the page, 0–100. */
  readonly confidence: number;
}

export interface OcrBox {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

export interface OcrLine {
  readonly bbox: OcrBox;
  /** From (x0, y0) to (x1, y1): the line's baseline, sloped as the scan is. */
  readonly baseline: OcrBox;
  readonly words: readonly OcrWord[];
}

export interface OcrWord {
  readonly text: string;
  readonly bbox: OcrBox;
  /** 0–100. */
  readonly confidence: number;
  /** Confidence of each UTF-16 code unit of `text`, 0–100 (the symbols', else the word's). */
  readonly charConfidence: readonly number[];
}

interface Engine {
  readonly api: Tesseract.Worker;
  readonly thread: NodeWorker;
  busy: boolean;
  /** Rejects the job under way when the thread fails or exits. */
  fail: ((error: Error) => void) | null;
  idle: NodeJS.Timeout | null;
}

const engines: Engine[] = [];
let starting = 0;
const waiting: (() => void)[] = [];

const modelDir = (): string => join(dirname(require.resolve(`@tesseract.js-data/${LANG}/package.json`)), MODEL);

/** One line for a failure of the engine itself (it does not fail on a bad page: it reads nothing). */
const engineError = (what: OcrStage, error: unknown): GuidelineError =>
  new GuidelineError('ocr-failed', reason('ocr-failed', what), `tesseract.js: ${String(error instanceof Error ? error.message : error).split('\n')[0]!.slice(0, 160)}`);

async function startEngine(): Promise<Engine> {
  let lib: typeof Tesseract;
  // tesseract.js loads regenerator-runtime, which sets a global (`regeneratorRuntime`) that nothing
  // of its own uses in Node (its sources are not transpiled): the process is left as it was.
  const globals = new Set(Reflect.ownKeys(globalThis));
  try {
    lib = ((await import('tesseract.js')) as unknown as { default: typeof Tesseract }).default;
  } catch (error) {
    throw new GuidelineError('ocr-unavailable', reason('ocr-no-engine'), String(error));
  } finally {
    for (const key of Reflect.ownKeys(globalThis)) if (!globals.has(key) && key === 'regeneratorRuntime') Reflect.deleteProperty(globalThis, key);
  }
  // tesseract.js listens for its thread's errors with `onerror`, which a Node worker never calls:
  // an error there would be unhandled (and end this thread). The threads started while the engine
  // starts are watched here; once it has started, its own thread is.
  let startFailure: Error | null = null;
  let rejectStart: ((e: Error) => void) | null = null;
  const watch = (w: NodeWorker): void => {
    w.on('error', (e: Error) => {
      startFailure = e;
      rejectStart?.(e);
    });
  };
  process.on('worker', watch);
  try {
    const api = await Promise.race([
      lib.createWorker(LANG, lib.OEM.LSTM_ONLY, { langPath: modelDir(), gzip: true, cacheMethod: 'none', errorHandler: () => undefined }, { debug_file: '/dev/null' } as Partial<Tesseract.InitOptions>),
      new Promise<never>((_, reject) => {
        rejectStart = reject;
        if (startFailure) reject(startFailure);
      }),
    ]);
    // Inverted-text retries (white on black) cost time on every doubtful line, and guidelines
    // print no such text. `?` is no character of a guideline (but in a URL's query) and was the
    // model's reading of a clear `2` in `2～3年` on a test scan: left out, the next-best reading,
    // right there, is taken. The other marks left out appear in no guideline either.
    // Page segmentation: automatic (3), as Tesseract's command line has it; the library's default
    // (one uniform block, 6) read the line under a heading as noise on a test scan.
    await api.setParameters({ tessedit_pageseg_mode: '3' as Tesseract.PSM, tessedit_do_invert: '0', tessedit_char_blacklist: '?？|`^\\' });
    const thread = (api as unknown as { worker: NodeWorker }).worker;
    const engine: Engine = { api, thread, busy: false, fail: null, idle: null };
    thread.on('error', (e: Error) => drop(engine, e));
    thread.on('exit', () => drop(engine, new Error('the OCR thread stopped')));
    thread.unref();
    return engine;
  } catch (error) {
    throw error instanceof GuidelineError ? error : engineError('start', error);
  } finally {
    process.off('worker', watch);
  }
}

function drop(engine: Engine, error: Error): void {
  const at = engines.indexOf(engine);
  if (at >= 0) engines.splice(at, 1);
  if (engine.idle) clearTimeout(engine.idle);
  engine.fail?.(error);
  engine.fail = null;
  void engine.thread.terminate().catch(() => undefined);
  waiting.shift()?.();
}

async function acquire(): Promise<Engine> {
  for (;;) {
    const free = engines.find((e) => !e.busy);
    if (free) {
      free.busy = true;
      if (free.idle) clearTimeout(free.idle);
      free.idle = null;
      free.thread.ref();
      return free;
    }
    if (engines.length + starting < OCR_THREADS) {
      starting++;
      try {
        const engine = await startEngine();
        engine.busy = true;
        engine.thread.ref();
        engines.push(engine);
        return engine;
      } finally {
        starting--;
      }
    }
    await new Promise<void>((resolve) => waiting.push(resolve));
  }
}

function release(engine: Engine): void {
  engine.busy = false;
  engine.fail = null;
  if (!engines.includes(engine)) return;
  engine.thread.unref();
  engine.idle = setTimeout(() => drop(engine, new Error('idle')), IDLE_MS);
  engine.idle.unref();
  waiting.shift()?.();
}

/**
 * Reads one page image (a PGM, see `page-image.ts`) at `dpi`. Rejects with a `GuidelineError`, or
 * with `signal.reason` when aborted (the engine reading it is then terminated: a page can take
 * seconds, and the time limit must hold).
 */
export async function recognise(pgm: Uint8Array, dpi: number, signal?: AbortSignal): Promise<OcrResult> {
  signal?.throwIfAborted();
  const engine = await acquire();
  let onAbort: (() => void) | undefined;
  try {
    signal?.throwIfAborted();
    const failed = new Promise<never>((_, reject) => {
      engine.fail = (e) => reject(engineError('thread', e));
      onAbort = () => {
        reject(signal!.reason as Error);
        drop(engine, new Error('aborted'));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
    });
    // The resolution is the render's, not Tesseract's guess from the glyphs (a parameter for this
    // page only: tesseract.js restores the others after it).
    const options = { user_defined_dpi: String(Math.round(dpi)) } as unknown as Partial<Tesseract.RecognizeOptions>;
    const image = Buffer.from(pgm.buffer, pgm.byteOffset, pgm.byteLength);
    const { data } = await Promise.race([engine.api.recognize(image, options, { text: false, blocks: true }), failed]).catch((error: unknown) => {
      if (error instanceof GuidelineError || (signal?.aborted && error === signal.reason)) throw error;
      throw engineError('page', error);
    });
    return toResult(data);
  } finally {
    if (onAbort) signal?.removeEventListener('abort', onAbort);
    release(engine);
  }
}

/** Terminates the idle engines now (a library user's clean exit; the CLI need not call it). */
export async function closeOcr(): Promise<void> {
  const idle = engines.filter((e) => !e.busy);
  for (const e of idle) drop(e, new Error('closed'));
  await Promise.all(idle.map((e) => e.thread.terminate().catch(() => undefined)));
}

function toResult(page: Tesseract.Page): OcrResult {
  const lines: OcrLine[] = [];
  for (const block of page.blocks ?? []) {
    for (const para of block.paragraphs) {
      for (const line of para.lines) {
        const words: OcrWord[] = [];
        for (const w of line.words) {
          const text = w.text;
          if (text.trim() === '') continue;
          const symbols = w.symbols ?? [];
          const fromSymbols = symbols.map((s) => s.text).join('') === text;
          const charConfidence: number[] = [];
          if (fromSymbols) {
            for (const s of symbols) for (let k = 0; k < s.text.length; k++) charConfidence.push(clamp(s.confidence));
          } else {
            for (let k = 0; k < text.length; k++) charConfidence.push(clamp(w.confidence));
          }
          words.push({ text, bbox: w.bbox, confidence: clamp(w.confidence), charConfidence });
        }
        if (words.length > 0) lines.push({ bbox: line.bbox, baseline: line.baseline, words });
      }
    }
  }
  return { lines, confidence: clamp(page.confidence) };
}

const clamp = (c: number): number => Math.max(0, Math.min(100, Math.round(c)));
