/**
 * Whether an OCR inference is running on this thread. onnxruntime aborts the whole process when the
 * thread that runs an inference is terminated in the middle of it, and a document stopped at its
 * time limit may leave one running: the worker waits for `ocrIdle()` before it answers, so that the
 * pool only ever terminates a worker between inferences.
 */
let inflight = 0;
let waiters: (() => void)[] = [];

/** Runs `run` (one inference) counted as in flight. */
export async function inference<T>(run: () => Promise<T>): Promise<T> {
  inflight++;
  try {
    return await run();
  } finally {
    inflight--;
    if (inflight === 0) {
      const done = waiters;
      waiters = [];
      for (const w of done) w();
    }
  }
}

/** Settles once no inference is running on this thread. */
export function ocrIdle(): Promise<void> {
  return inflight === 0 ? Promise.resolve() : new Promise((resolve) => waiters.push(resolve));
}
