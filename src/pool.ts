/**
 * Documents processed on worker threads. The pipeline (and pdf.js above all) is CPU-bound and runs
 * on the thread that calls it, so a batch on one thread uses one core however many documents are in
 * flight; a pool of workers uses them all. Each worker takes bytes and gives back the validated
 * document and the Markdown; the main thread keeps the file system and writes the JSON and the page. A worker that overruns the time limit is
 * terminated, which bounds even a PDF that keeps pdf.js busy without yielding (the reason the CLI
 * reads PDFs on a worker by default); a worker that fails fails its document, never the batch.
 *
 * The pool needs the compiled worker (`dist/pool-worker.js`); where it is absent (the test runner
 * executes the TypeScript sources), `usable()` is false and callers process in-thread.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { DEFAULT_PDF_TIMEOUT_MS } from './load/pdfjs.js';
import { isPdf, type LoadOptions, type OcrProgress } from './load/index.js';
import { GuidelineError, type GuidelineErrorCode } from './types.js';
import { reason, type ReasonRef } from './messages/reasons.js';
import type { Notice } from './notice.js';
import type { Guideline } from './schema/guideline.js';

const WORKER = new URL('./pool-worker.js', import.meta.url);

/** What a worker gives back for one document. */
export interface Processed {
  /**
   * The validated document (a structured clone: same keys in the same order, so the same JSON).
   * The JSON and the page are written from it on the main thread, piece by piece: a large
   * document's JSON is never one string.
   */
  readonly doc: Guideline;
  readonly markdown: string;
  /** The loaded text (`Source.text`), for the HTML page the main thread makes. */
  readonly text: string;
  /** Checks of severity warning or error. */
  readonly warnings: number;
  /** Those checks, for the terminal. */
  readonly notices: readonly Notice[];
}

/**
 * Extra time the pool allows, past the PDF time limit, before it terminates a worker that the
 * in-worker limit did not stop (pdf.js busy without a pause), and for the pipeline and the
 * rendering that follow the load: half the limit, from 1 s to 5 s.
 */
const graceFor = (timeoutMs: number): number => Math.min(5_000, Math.max(1_000, timeoutMs / 2));

/** The longest a worker past its time limit in the middle of OCR is let run before it is terminated. */
const RETIRE_MS = 30_000;

interface Pending {
  readonly resolve: (s: Processed) => void;
  readonly reject: (e: GuidelineError) => void;
}

interface Slot {
  worker: Worker;
  /** The worker's heap limit, in MB. */
  memoryMb: number;
  busy: boolean;
}

type Reply =
  | { id: number; ok: true; result: Processed }
  | { id: number; ok: false; code: GuidelineErrorCode; reason: ReasonRef; detail: string | null }
  | { id: number; progress: OcrProgress };

/** What a job may ask of the worker: everything of `LoadOptions` that crosses a thread. */
export type PoolLoadOptions = Pick<LoadOptions, 'maxBytes' | 'timeoutMs' | 'ocr' | 'ocrMaxPages' | 'format' | 'id'>;

/**
 * The heap a worker may use by default, in MB (V8's old generation: the typed arrays pdf.js fills
 * are not counted). A PDF under the 50 MiB limit whose streams stay under the inflate ceiling
 * (`pdf-streams.ts`) is read in far less; a document that needs more fails alone, with a line that
 * says so, rather than taking the machine's memory.
 */
export const DEFAULT_WORKER_MEMORY_MB = 2048;

/**
 * A worker with the process's flags, as far as a worker takes them. Flags for the main script
 * (`--input-type`, `--eval`) make no sense in a worker; V8 and per-process flags
 * (`--max-old-space-size=4096`, `--stack-size`) make `new Worker` throw: they are left out, and the
 * heap limit is passed on as the worker's own `resourceLimits` instead, where no `memoryMb` is
 * given.
 */
function startWorker(memoryMb: number | undefined): { worker: Worker; memoryMb: number } {
  let execArgv = process.execArgv.filter((a) => !/^--(input-type|eval|print)\b|^-[ep]$/.test(a));
  const heap = /^--max-old-space-size=(\d+)$/.exec(execArgv.find((a) => a.startsWith('--max-old-space-size=')) ?? '');
  const resourceLimits = { maxOldGenerationSizeMb: memoryMb ?? (heap ? Number(heap[1]) : DEFAULT_WORKER_MEMORY_MB) };
  for (let attempt = 0; ; attempt++) {
    try {
      return { worker: new Worker(WORKER, { execArgv, resourceLimits }), memoryMb: resourceLimits.maxOldGenerationSizeMb };
    } catch (error) {
      if ((error as { code?: string }).code !== 'ERR_WORKER_INVALID_EXEC_ARGV' || execArgv.length === 0) throw error;
      // `Initiated Worker with invalid execArgv flags: --a, --b`: leave those out; once more, none.
      const invalid = new Set(((error as Error).message.split(': ')[1] ?? '').split(/,\s*/));
      execArgv = attempt === 0 ? execArgv.filter((a) => !invalid.has(a)) : [];
    }
  }
}

export class DocumentPool {
  private readonly slots: Slot[] = [];
  private readonly waiting: (() => void)[] = [];
  private readonly pending = new Map<number, Pending>();
  /** Each job's OCR progress handler. */
  private readonly progress = new Map<number, (p: OcrProgress) => void>();
  /** The slot each job runs on. */
  private readonly jobOf = new Map<number, Slot>();
  private nextId = 1;
  /** Workers past their time limit in the middle of OCR, let finish the inference under way (see `retire`). */
  private readonly retiring = new Set<Promise<void>>();

  private readonly graceMs: number | undefined;
  private readonly memoryMb: number | undefined;

  /**
   * @param size Workers at most.
   * @param options.graceMs Time allowed past the time limit before a worker is terminated.
   *   @default half the time limit, from 1 s to 5 s
   * @param options.memoryMb The heap each worker may use, in MB; a document that needs more fails
   *   with `out-of-memory`, and the worker is replaced.
   *   @default the process's `--max-old-space-size`, else `DEFAULT_WORKER_MEMORY_MB` (2048)
   */
  constructor(
    private readonly size: number,
    options: { readonly graceMs?: number; readonly memoryMb?: number } = {},
  ) {
    if (!Number.isInteger(size) || size < 1) throw new TypeError(`Expected \`size\` to be a whole number from 1 and up, got \`${size}\``);
    if (options.memoryMb !== undefined && (!Number.isInteger(options.memoryMb) || options.memoryMb < 1)) {
      throw new TypeError(`Expected \`memoryMb\` to be a whole number from 1 and up, got \`${options.memoryMb}\``);
    }
    this.graceMs = options.graceMs;
    this.memoryMb = options.memoryMb;
  }

  /** Whether the compiled worker is there to run. */
  static usable(): boolean {
    return WORKER.protocol === 'file:' && existsSync(fileURLToPath(WORKER));
  }

  private spawn(): Slot {
    const slot: Slot = { ...startWorker(this.memoryMb), busy: false };
    // A worker that fails (cannot start, runs out of memory) fails its document, never the batch.
    slot.worker.on('error', (error: Error) => {
      const outOfMemory = (error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY';
      for (const [id, p] of this.pending) {
        if (this.jobOf.get(id) !== slot) continue;
        this.pending.delete(id);
        p.reject(
          outOfMemory
            ? new GuidelineError('out-of-memory', reason('out-of-memory', slot.memoryMb), error.message.split('\n')[0] ?? null)
            : new GuidelineError('invalid-output', reason('worker-failed', error.message.split('\n')[0] ?? '')),
        );
      }
      const at = this.slots.indexOf(slot);
      if (at >= 0) this.slots.splice(at, 1);
    });
    slot.worker.on('message', (reply: Reply) => {
      if ('progress' in reply) {
        this.progress.get(reply.id)?.(reply.progress);
        return;
      }
      const p = this.pending.get(reply.id);
      if (!p) return;
      this.pending.delete(reply.id);
      if (reply.ok) p.resolve(reply.result);
      else p.reject(new GuidelineError(reply.code, reply.reason, reply.detail));
    });
    slot.worker.unref();
    this.slots.push(slot);
    return slot;
  }

  /**
   * A free worker, marked busy before it is handed out: several documents asked for in one turn
   * of the event loop (the CLI starts `-j` of them at once) each get a worker of their own, or
   * wait. (Marked by the caller after its `await`, the second document of a turn found the first
   * one's new worker still free and shared it: two documents read by OCR at once on one thread,
   * and with `--workers 2` one worker never started.)
   */
  private async acquire(): Promise<Slot> {
    for (;;) {
      const free = this.slots.find((s) => !s.busy) ?? (this.slots.length < this.size ? this.spawn() : undefined);
      if (free) {
        free.busy = true;
        return free;
      }
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
  }

  private release(slot: Slot): void {
    slot.busy = false;
    this.waiting.shift()?.();
  }

  /**
   * Loads, processes and renders one document on a worker. Rejects with `GuidelineError` only.
   * The hard limit is the PDF time limit and a grace period for a PDF, twice that for text (whose
   * processing is linear in its size, and has no limit of its own). A PDF with pages to read by
   * OCR raises its limit (`ocrTimeLimit`): the worker says so when OCR starts, and the hard limit
   * follows. `onProgress` hears of each page read by OCR.
   */
  async process(bytes: Uint8Array, path: string, options: PoolLoadOptions = {}, onProgress?: (progress: OcrProgress) => void): Promise<Processed> {
    const timeoutMs = options.timeoutMs ?? DEFAULT_PDF_TIMEOUT_MS;
    const slot = await this.acquire();
    const id = this.nextId++;
    let timer: NodeJS.Timeout | undefined;
    const started = Date.now();
    const grace = this.graceMs ?? graceFor(timeoutMs);
    try {
      return await new Promise<Processed>((resolve, reject) => {
        this.pending.set(id, { resolve, reject });
        this.jobOf.set(id, slot);
        let limitMs = timeoutMs;
        let ocr = false;
        const expire = (): void => {
          this.pending.delete(id);
          // The worker may be stuck: replace it. One reading a page by OCR is let finish the
          // inference under way: onnxruntime aborts the whole process when its thread is killed
          // in the middle of a run.
          if (ocr) this.retire(slot);
          else void slot.worker.terminate();
          this.slots.splice(this.slots.indexOf(slot), 1);
          reject(new GuidelineError('timeout', reason('timeout', limitMs)));
        };
        timer = setTimeout(expire, (isPdf(bytes) ? 1 : 2) * timeoutMs + grace);
        this.progress.set(id, (p) => {
          ocr = true;
          if (p.limitMs !== limitMs) {
            limitMs = p.limitMs;
            clearTimeout(timer);
            timer = setTimeout(expire, Math.max(0, started + limitMs + grace - Date.now()));
          }
          onProgress?.(p);
        });
        const onExit = (): void => {
          if (!this.pending.has(id)) return;
          this.pending.delete(id);
          reject(new GuidelineError('invalid-output', reason('worker-stopped')));
        };
        slot.worker.once('exit', onExit);
        slot.worker.postMessage({ id, bytes, path, options });
      });
    } finally {
      clearTimeout(timer);
      this.jobOf.delete(id);
      this.progress.delete(id);
      slot.worker.removeAllListeners('exit');
      if (this.slots.includes(slot)) this.release(slot);
      else this.waiting.shift()?.();
    }
  }

  /**
   * Takes a worker past its time limit out of the pool without killing it in the middle of an
   * OCR inference: its own timer stops the document at the next page or line, and the worker is
   * terminated once it answers (or after `RETIRE_MS`, whatever it is doing).
   */
  private retire(slot: Slot): void {
    const done = new Promise<void>((resolve) => {
      const end = (): void => {
        clearTimeout(last);
        slot.worker.off('message', end);
        void slot.worker.terminate().then(() => resolve(), () => resolve());
      };
      const last = setTimeout(end, RETIRE_MS);
      slot.worker.once('message', end);
      slot.worker.once('exit', () => {
        clearTimeout(last);
        resolve();
      });
    });
    this.retiring.add(done);
    void done.then(() => this.retiring.delete(done));
  }

  async close(): Promise<void> {
    await Promise.all([...this.slots.map((s) => s.worker.terminate()), ...this.retiring]);
    this.slots.length = 0;
  }
}
