/**
 * Just enough of ONNX's protobuf encoding to give the recogniser the outputs its decoding reads.
 * PP-OCRv4's recogniser ends in a softmax over its 6,625 classes at every step of a line, and greedy
 * CTC decoding (`ctcDecode` in `ocr.ts`) reads only each step's best class and its probability: two
 * nodes appended to the graph (`ArgMax` and `ReduceMax` over the classes) let onnxruntime hand back
 * those, not the whole softmax (~80 MB of probabilities a page, copied out of onnxruntime, scanned in
 * JavaScript and collected). The same numbers: `ReduceMax` returns one of the softmax's own values,
 * and `ArgMax` the first class that holds it, as the scan in JavaScript does. Pure, so that it is
 * tested on the model itself.
 *
 * Protobuf lets a repeated field be extended by appending entries to its message, so the nodes and
 * outputs are appended to the graph's bytes, and the graph re-framed inside the model.
 */

/** A field of a protobuf message: its number, wire type and where its value lies. */
interface Field {
  readonly field: number;
  readonly wire: number;
  /** The field's first byte (its key). */
  readonly start: number;
  /** Its value (for a length-delimited field, without the length). */
  readonly v0: number;
  readonly v1: number;
}

function readVarint(b: Uint8Array, at: number): [number, number] {
  let value = 0;
  let scale = 1;
  let p = at;
  for (;;) {
    if (p >= b.length) throw new Error('truncated varint');
    const x = b[p++]!;
    value += (x & 127) * scale;
    if ((x & 128) === 0) return [value, p];
    scale *= 128;
    if (scale > 2 ** 63) throw new Error('varint too long');
  }
}

/** The fields of the message in `b[start, end)`. */
function fields(b: Uint8Array, start = 0, end = b.length): Field[] {
  const out: Field[] = [];
  let p = start;
  while (p < end) {
    const at = p;
    let key: number;
    [key, p] = readVarint(b, p);
    const field = Math.floor(key / 8);
    const wire = key % 8;
    let v0 = p;
    if (wire === 0) [, p] = readVarint(b, p);
    else if (wire === 1) p += 8;
    else if (wire === 5) p += 4;
    else if (wire === 2) {
      let length: number;
      [length, p] = readVarint(b, p);
      v0 = p;
      p += length;
    } else throw new Error(`protobuf wire type ${wire} at byte ${at}`);
    if (p > end) throw new Error(`protobuf field ${field} runs past its message at byte ${at}`);
    out.push({ field, wire, start: at, v0, v1: p });
  }
  return out;
}

const varint = (n: number): number[] => {
  const out: number[] = [];
  let v = n;
  do {
    let x = v % 128;
    v = Math.floor(v / 128);
    if (v > 0) x |= 128;
    out.push(x);
  } while (v > 0);
  return out;
};
const concat = (parts: readonly Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};
/** A length-delimited field. */
const message = (field: number, ...parts: Uint8Array[]): Uint8Array => {
  const body = concat(parts);
  return concat([Uint8Array.from([...varint(field * 8 + 2), ...varint(body.length)]), body]);
};
const text = (field: number, s: string): Uint8Array => message(field, new TextEncoder().encode(s));
const integer = (field: number, n: number): Uint8Array => Uint8Array.from([...varint(field * 8), ...varint(n)]);
const decode = (b: Uint8Array, f: Field): string => new TextDecoder().decode(b.subarray(f.v0, f.v1));

// ModelProto: graph 7, opset_import 8 (OperatorSetIdProto: domain 1, version 2). GraphProto: node 1,
// output 12. NodeProto: input 1, output 2, name 3, op_type 4, attribute 5. AttributeProto: name 1,
// i 3, ints 8, type 20 (INT 2, INTS 7). ValueInfoProto: name 1, type 2; TypeProto: tensor_type 1;
// its elem_type 1 (FLOAT 1, INT64 7).
const attribute = (name: string, value: number | readonly number[]): Uint8Array =>
  typeof value === 'number' ? message(5, text(1, name), integer(20, 2), integer(3, value)) : message(5, text(1, name), integer(20, 7), ...value.map((v) => integer(8, v)));
const node = (op: string, input: string, output: string, attributes: Uint8Array[]): Uint8Array => message(1, text(1, input), text(2, output), text(3, output), text(4, op), ...attributes);
const graphOutput = (name: string, elemType: number): Uint8Array => message(12, text(1, name), message(2, message(1, integer(1, elemType))));

/** The names of the outputs added by `withBestClass`. */
export const BEST_CLASS = 'guideline_ocr_best_class';
export const BEST_PROB = 'guideline_ocr_best_prob';

/**
 * The model with two more outputs, over the last axis of its one output (the classes): the index of
 * the first highest value (`BEST_CLASS`, int64) and that value (`BEST_PROB`, float). Null for a
 * model it does not know how to extend: more than one output, or an operator set from 18 on (where
 * `ReduceMax` takes its axes as an input). `rank` is the output's rank (3 for the recogniser: line,
 * step, class).
 */
export function withBestClass(model: Uint8Array, rank: number): Uint8Array | null {
  const top = fields(model);
  const graph = top.find((f) => f.field === 7 && f.wire === 2);
  if (!graph) return null;
  let opset: number | null = null;
  for (const f of top) {
    if (f.field !== 8 || f.wire !== 2) continue;
    let domain = '';
    let version = 0;
    for (const x of fields(model, f.v0, f.v1)) {
      if (x.field === 1 && x.wire === 2) domain = decode(model, x);
      if (x.field === 2 && x.wire === 0) version = readVarint(model, x.v0)[0];
    }
    if (domain === '' || domain === 'ai.onnx') opset = version;
  }
  if (opset === null || opset >= 18) return null;
  const outputs = fields(model, graph.v0, graph.v1).filter((f) => f.field === 12 && f.wire === 2);
  if (outputs.length !== 1) return null;
  const nameField = fields(model, outputs[0]!.v0, outputs[0]!.v1).find((f) => f.field === 1 && f.wire === 2);
  if (!nameField) return null;
  const output = decode(model, nameField);
  const axis = rank - 1;
  const extra = [
    // From opset 12, ArgMax's `select_last_index` defaults to 0: the first index, as before it.
    node('ArgMax', output, BEST_CLASS, [attribute('axis', axis), attribute('keepdims', 0)]),
    node('ReduceMax', output, BEST_PROB, [attribute('axes', [axis]), attribute('keepdims', 0)]),
    graphOutput(BEST_CLASS, 7),
    graphOutput(BEST_PROB, 1),
  ];
  // The model with the graph re-framed around its old bytes and the new ones, in one copy (the
  // model is ~11 MB, most of it the graph's weights).
  const added = concat(extra);
  const length = graph.v1 - graph.v0 + added.length;
  const head = Uint8Array.from([...varint(7 * 8 + 2), ...varint(length)]);
  return concat([model.subarray(0, graph.start), head, model.subarray(graph.v0, graph.v1), added, model.subarray(graph.v1)]);
}
