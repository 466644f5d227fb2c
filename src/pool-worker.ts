/**
 * Worker-thread entry of the document pool (see `pool.ts`): bytes in; the validated document, its Markdown and the loaded text,
 * or a `{code, message}` failure, out. No file system: the main thread reads and writes.
 */
import { parentPort } from 'node:worker_threads';
import { loadBytes } from './load/index.js';
import type { PoolLoadOptions } from './pool.js';
import { useSynchronousInflate } from './load/pdfjs.js';
import { asGuidelineError, processSource } from './pipeline.js';
import { toMarkdown } from './report/index.js';
import { noticesOf } from './notice.js';
import { ocrIdle } from './load/ocr-idle.js';

useSynchronousInflate();

interface Job {
  readonly id: number;
  readonly bytes: Uint8Array;
  readonly path: string;
  readonly options: PoolLoadOptions;
}

parentPort?.on('message', (job: Job) => {
  (async () => {
    // OCR progress goes to the main thread: for the terminal, and for the hard time limit.
    const source = await loadBytes(job.bytes, job.path, { ...job.options, onProgress: (progress) => parentPort?.postMessage({ id: job.id, progress }) });
    const doc = processSource({ ...source, path: job.path });
    const notices = noticesOf(doc.checks);
    // The document goes back for its JSON and the loaded text for the HTML page, which the main
    // thread writes (no hast here).
    return { doc, markdown: toMarkdown(doc), text: source.text, warnings: notices.length, notices };
  })().then(
    (result) => parentPort?.postMessage({ id: job.id, ok: true, result }),
    async (error: unknown) => {
      const e = asGuidelineError(error);
      // A document stopped at its time limit may leave an OCR inference running: answer once it
      // ends, so that the pool never terminates this thread in the middle of one.
      await ocrIdle();
      parentPort?.postMessage({ id: job.id, ok: false, code: e.code, reason: e.reason, detail: e.detail });
    },
  );
});
