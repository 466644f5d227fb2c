/**
 * Worker-thread entry for PDF loading (see `pdf-pool.ts`): one document at a time, the `Source` or
 * a `{code, message}` failure posted back.
 */
import { parentPort } from 'node:worker_threads';
import { GuidelineError } from '../types.js';
import { loadPdf } from './pdfjs.js';

interface Job {
  readonly id: number;
  readonly bytes: Uint8Array;
  readonly meta: { path: string; id: string; sha256: string };
  readonly timeoutMs: number;
}

parentPort?.on('message', (job: Job) => {
  loadPdf(job.bytes, job.meta, { timeoutMs: job.timeoutMs }).then(
    (source) => parentPort?.postMessage({ id: job.id, ok: true, source }),
    (error: unknown) => {
      const e = error instanceof GuidelineError ? error : new GuidelineError('pdf-corrupt', `corrupt PDF: ${String(error).split('\n')[0]}`);
      parentPort?.postMessage({ id: job.id, ok: false, code: e.code, message: e.message });
    },
  );
});
