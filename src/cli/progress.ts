/**
 * The progress line of a command that reads documents (`ingest`, `diff`, `export`, `history`): on
 * a terminal only, one line redrawn in place — documents done of all, seconds since the start, the
 * file under way and, while a PDF is read by OCR, its page: `[3/12] 4.1s corpus/a.pdf (OCR 第2/5页)`.
 * Not a terminal (a pipe, a file, a CI log): nothing at all.
 */
import type { OcrProgress } from '../load/index.js';
import { t, type Language } from '../messages/index.js';

export interface ProgressIo {
  readonly stderr: { write(s: string): unknown; readonly isTTY?: boolean };
  readonly now?: () => number;
  readonly lang?: Language;
}

export class Progress {
  readonly #io: ProgressIo;
  readonly #on: boolean;
  readonly #started: number;
  readonly #ocr = new Map<string, string>();
  #total: number;
  #done = 0;
  #shown = false;

  /** `enabled`: false keeps it quiet even on a terminal (`--json`). */
  constructor(io: ProgressIo, total: number, enabled = true) {
    this.#io = io;
    this.#on = enabled && io.stderr.isTTY === true;
    this.#started = (io.now ?? Date.now)();
    this.#total = total;
  }

  /** Whether the line is shown (stderr is a terminal). */
  get shown(): boolean {
    return this.#on;
  }

  set total(n: number) {
    this.#total = n;
  }

  /** Redraws the line with `path` as the file under way. */
  show(path: string): void {
    if (!this.#on) return;
    const secs = (((this.#io.now ?? Date.now)() - this.#started) / 1000).toFixed(1);
    const ocr = this.#ocr.get(path);
    this.#io.stderr.write(`\r\x1b[K[${this.#done}/${this.#total}] ${secs}s ${path}${ocr ? ` (${ocr})` : ''}`);
    this.#shown = true;
  }

  /** The OCR progress callback for `path` (`LoadOptions.onProgress`). */
  ocr(path: string): (p: OcrProgress) => void {
    return (p) => {
      if (p.done < p.pages) this.#ocr.set(path, t(this.#io.lang ?? 'zh', 'ingest.progress-ocr', p.done + 1, p.pages));
      else this.#ocr.delete(path);
      this.show(path);
    };
  }

  /** `path` is done (written, skipped or failed). */
  done(path: string): void {
    this.#done++;
    this.#ocr.delete(path);
    this.show(path);
  }

  /** Clears the line, before the lines that stay. */
  clear(): void {
    if (this.#on && this.#shown) this.#io.stderr.write('\r\x1b[K');
    this.#shown = false;
  }
}
