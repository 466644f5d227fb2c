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

// ---------------------------------------------------------------------------------------------
// Elementwise chains folded. PP-OCRv4's models came from Paddle through paddle2onnx, which writes
// each hard-swish as four nodes (`Add 3`, `Clip 0 6`, `Mul`, `Div 6`) and each of PP-LCNetV3's
// learnable affine blocks (a scale and a shift, both one number) as a `Mul` and an `Add`: each a
// pass over the whole feature map that onnxruntime neither fuses nor keeps in its blocked layout
// (the recogniser spent 40% of its time in them, and 11% reordering around them). `simplified`
// rewrites them as the arithmetic they are:
//  - `x · clip(x + 3, 0, 6) / 6` as `x · HardSigmoid(x)` (α = 1/6, β = 1/2, opset 6): two nodes;
//  - `a · Conv(x) + b` as one `Conv` (weights × a, bias × a + b);
//  - `Conv(a · x + b)` as one `Conv` (weights × a, bias + b · Σ weights of each output channel),
//    the shift only where the convolution pads nothing (its padding is zeros, not b).
// The same numbers up to rounding in the last bits (on the corpus scans, the same text and
// confidences). Only what is proven is rewritten: constants of one value, outputs used once.

// GraphProto: node 1, initializer 5. NodeProto: input 1, output 2, op_type 4, attribute 5.
// AttributeProto: name 1, f 2, i 3, t 5, ints 8, type 20 (FLOAT 1, TENSOR 4). TensorProto: dims 1,
// data_type 2 (FLOAT 1), name 8, raw_data 9.

interface GraphNode {
  readonly op: string;
  readonly inputs: readonly string[];
  readonly outputs: readonly string[];
  /** The node's attribute fields, as they are. */
  readonly attributes: readonly Field[];
  /** Its bytes in the graph, key and length included. */
  readonly bytes: Uint8Array;
}

interface FloatTensor {
  readonly dims: readonly number[];
  readonly data: Float32Array;
}

const float = (field: number, x: number): Uint8Array => {
  const out = new Uint8Array(5);
  out[0] = field * 8 + 5;
  new DataView(out.buffer).setFloat32(1, x, true);
  return out;
};

function graphNodes(b: Uint8Array, graph: Field): GraphNode[] {
  return fields(b, graph.v0, graph.v1)
    .filter((f) => f.field === 1 && f.wire === 2)
    .map((f) => {
      const own = fields(b, f.v0, f.v1);
      const strings = (n: number): string[] => own.filter((x) => x.field === n && x.wire === 2).map((x) => decode(b, x));
      return { op: strings(4)[0] ?? '', inputs: strings(1), outputs: strings(2), attributes: own.filter((x) => x.field === 5 && x.wire === 2), bytes: b.subarray(f.start, f.v1) };
    });
}

/** A float tensor's dims and values (raw data only: the form converters write). */
function floatTensor(b: Uint8Array, f: Field): FloatTensor | null {
  const own = fields(b, f.v0, f.v1);
  const type = own.find((x) => x.field === 2 && x.wire === 0);
  const raw = own.find((x) => x.field === 9 && x.wire === 2);
  if (!type || readVarint(b, type.v0)[0] !== 1 || !raw || (raw.v1 - raw.v0) % 4 !== 0) return null;
  // A copy, aligned (a Buffer's `slice` would be a view at any offset).
  const bytes = Uint8Array.prototype.slice.call(b, raw.v0, raw.v1);
  return { dims: own.filter((x) => x.field === 1 && x.wire === 0).map((x) => readVarint(b, x.v0)[0]), data: new Float32Array(bytes.buffer, 0, bytes.length / 4) };
}

/** A node's attributes by name: a number, a list of numbers, or a tensor's field. */
function attributesOf(b: Uint8Array, n: GraphNode): Map<string, number | number[] | Field> {
  const out = new Map<string, number | number[] | Field>();
  for (const a of n.attributes) {
    const own = fields(b, a.v0, a.v1);
    const name = own.find((x) => x.field === 1 && x.wire === 2);
    if (!name) continue;
    const ints = own.filter((x) => x.field === 8 && x.wire === 0).map((x) => readVarint(b, x.v0)[0]);
    const i = own.find((x) => x.field === 3 && x.wire === 0);
    const f = own.find((x) => x.field === 2 && x.wire === 5);
    const t = own.find((x) => x.field === 5 && x.wire === 2);
    if (ints.length > 0) out.set(decode(b, name), ints);
    else if (i) out.set(decode(b, name), readVarint(b, i.v0)[0]);
    else if (f) out.set(decode(b, name), new DataView(b.buffer, b.byteOffset + f.v0, 4).getFloat32(0, true));
    else if (t) out.set(decode(b, name), t);
  }
  return out;
}

const constantNode = (name: string, t: FloatTensor): Uint8Array =>
  message(1, text(2, name), text(3, name), text(4, 'Constant'), message(5, text(1, 'value'), integer(20, 4), message(5, ...t.dims.map((d) => integer(1, d)), integer(2, 1), text(8, name), message(9, new Uint8Array(t.data.buffer, t.data.byteOffset, t.data.byteLength)))));

/** The rewrite of one graph's nodes: the nodes dropped, replaced, and the convolutions' new weights. */
class Folding {
  private readonly constants = new Map<string, FloatTensor>();
  private readonly uses = new Map<string, number[]>();
  readonly replaced = new Map<number, Uint8Array[]>();
  /** Each folded convolution's weights, bias, input and output. */
  private readonly convs = new Map<number, { w: FloatTensor; bias: Float32Array; input: string; output: string }>();
  folds = 0;

  constructor(
    private readonly b: Uint8Array,
    private readonly nodes: readonly GraphNode[],
  ) {
    nodes.forEach((n, i) => {
      for (const x of n.inputs) this.uses.set(x, [...(this.uses.get(x) ?? []), i]);
      if (n.op !== 'Constant') return;
      const value = attributesOf(b, n).get('value');
      const t = value && typeof value === 'object' && !Array.isArray(value) ? floatTensor(b, value) : null;
      if (t && n.outputs[0]) this.constants.set(n.outputs[0], t);
    });
  }

  /** The one node that reads `name`, when only one does. */
  private soleReader(name: string): number | null {
    const u = this.uses.get(name);
    return u?.length === 1 ? u[0]! : null;
  }

  /** The one-value constant `n` combines with `x`, if that is what its other input is. */
  private scalar(n: GraphNode, x: string): number | null {
    if (n.inputs.length !== 2 || !n.inputs.includes(x)) return null;
    const t = this.constants.get(n.inputs[0] === x ? n.inputs[1]! : n.inputs[0]!);
    return t && t.data.length === 1 ? t.data[0]! : null;
  }

  /** The convolution's weights and bias as folded so far (a copy made on first use). */
  private conv(i: number): { w: FloatTensor; bias: Float32Array; input: string; output: string } | null {
    const known = this.convs.get(i);
    if (known) return known;
    const n = this.nodes[i]!;
    const w = this.constants.get(n.inputs[1] ?? '');
    const bias = n.inputs[2] ? this.constants.get(n.inputs[2]) : undefined;
    if (!w || w.dims.length !== 4 || (n.inputs[2] && (!bias || bias.data.length !== w.dims[0]))) return null;
    const c = { w: { dims: w.dims, data: Float32Array.from(w.data) }, bias: bias ? Float32Array.from(bias.data) : new Float32Array(w.dims[0]!), input: n.inputs[0]!, output: n.outputs[0]! };
    this.convs.set(i, c);
    return c;
  }

  /** `x · clip(x + 3, 0, 6) / 6` from node `i` on, as `x · HardSigmoid(x)`. */
  hardSwish(i: number): boolean {
    const [add, clip, mul, div] = [this.nodes[i]!, this.nodes[i + 1], this.nodes[i + 2], this.nodes[i + 3]];
    const x = add.inputs.find((v) => !this.constants.has(v));
    if (add.op !== 'Add' || !x || this.scalar(add, x) !== 3 || !clip || !mul || !div) return false;
    const range = attributesOf(this.b, clip);
    if (clip.op !== 'Clip' || clip.inputs.length !== 1 || clip.inputs[0] !== add.outputs[0] || range.get('min') !== 0 || range.get('max') !== 6) return false;
    if (mul.op !== 'Mul' || !mul.inputs.includes(x) || !mul.inputs.includes(clip.outputs[0]!) || div.op !== 'Div' || div.inputs[0] !== mul.outputs[0] || this.scalar(div, mul.outputs[0]!) !== 6) return false;
    if ([add, clip, mul].some((n) => this.soleReader(n.outputs[0]!) === null)) return false;
    const gate = `${div.outputs[0]!}_hard_sigmoid`;
    const hardSigmoid = message(1, text(1, x), text(2, gate), text(3, gate), text(4, 'HardSigmoid'), message(5, text(1, 'alpha'), integer(20, 1), float(2, 1 / 6)), message(5, text(1, 'beta'), integer(20, 1), float(2, 0.5)));
    this.replaced.set(i, [hardSigmoid]);
    this.replaced.set(i + 1, []);
    this.replaced.set(i + 2, []);
    this.replaced.set(i + 3, [message(1, text(1, x), text(1, gate), text(2, div.outputs[0]!), text(3, div.outputs[0]!), text(4, 'Mul'))]);
    this.folds++;
    return true;
  }

  /** `a · Conv(x) + b` at convolution `i`: the scale and shift into its weights and bias. */
  affineAfter(i: number): void {
    const out = this.nodes[i]!.outputs[0]!;
    const m = this.soleReader(out);
    const a = m === null ? null : this.scalar(this.nodes[m]!, out);
    if (m === null || this.nodes[m]!.op !== 'Mul' || a === null || this.replaced.has(m)) return;
    const mOut = this.nodes[m]!.outputs[0]!;
    const s = this.soleReader(mOut);
    const shift = s === null ? null : this.scalar(this.nodes[s]!, mOut);
    if (s === null || this.nodes[s]!.op !== 'Add' || shift === null || this.replaced.has(s)) return;
    const c = this.conv(i);
    if (!c || c.output !== out) return;
    c.w.data.forEach((v, k) => (c.w.data[k] = v * a));
    c.bias.forEach((v, k) => (c.bias[k] = v * a + shift));
    c.output = this.nodes[s]!.outputs[0]!;
    this.replaced.set(m, []);
    this.replaced.set(s, []);
    this.folds++;
  }

  /** `Conv(a · x + b)` from the `Mul` at `i`: the scale (and the shift, with no padding) into the convolution. */
  affineBefore(i: number): void {
    const mul = this.nodes[i]!;
    const x = mul.inputs.find((v) => !this.constants.has(v));
    const a = x === undefined ? null : this.scalar(mul, x);
    if (mul.op !== 'Mul' || a === null || this.replaced.has(i)) return;
    let next = this.soleReader(mul.outputs[0]!);
    let shift = 0;
    let last = mul.outputs[0]!;
    const dropped = [i];
    const add = next === null ? null : this.nodes[next]!;
    const b = add?.op === 'Add' ? this.scalar(add, last) : null;
    if (add && b !== null && !this.replaced.has(next!)) {
      shift = b;
      last = add.outputs[0]!;
      dropped.push(next!);
      next = this.soleReader(last);
    }
    const n = next === null ? null : this.nodes[next]!;
    if (!n || n.op !== 'Conv' || n.inputs[0] !== last) return;
    const pads = attributesOf(this.b, n).get('pads');
    if (shift !== 0 && (Array.isArray(pads) ? pads.some((p) => p !== 0) : attributesOf(this.b, n).has('auto_pad'))) return;
    const c = this.conv(next!);
    if (!c || c.input !== last) return;
    const per = c.w.data.length / c.bias.length;
    for (let o = 0; o < c.bias.length; o++) {
      let sum = 0;
      for (let k = o * per; k < (o + 1) * per; k++) {
        sum += c.w.data[k]!;
        c.w.data[k]! *= a;
      }
      c.bias[o]! += shift * sum;
    }
    c.input = x!;
    for (const d of dropped) this.replaced.set(d, []);
    this.folds++;
  }

  /**
   * The folded convolutions written in place of their nodes, with their new constants before them;
   * a constant that only replaced nodes read (old weights, the chains' 3 and 6) is left out.
   */
  finish(): void {
    this.nodes.forEach((n, i) => {
      const readers = n.op === 'Constant' && n.outputs[0] !== undefined ? this.uses.get(n.outputs[0]) : undefined;
      if (readers && readers.every((r) => this.replaced.has(r) || this.convs.has(r))) this.replaced.set(i, []);
    });
    for (const [i, c] of this.convs) {
      const n = this.nodes[i]!;
      const w = `${c.output}_folded_w`;
      const bias = `${c.output}_folded_b`;
      const conv = message(1, text(1, c.input), text(1, w), text(1, bias), text(2, c.output), text(3, `${c.output}_conv`), text(4, 'Conv'), ...n.attributes.map((a) => this.b.subarray(a.start, a.v1)));
      this.replaced.set(i, [constantNode(w, c.w), constantNode(bias, { dims: [c.bias.length], data: c.bias }), conv]);
    }
  }
}

/**
 * The model with its hard-swish chains and one-value affine steps folded (see above), or as it was
 * when nothing is to fold (a model of initializers, or another converter's). Operator sets 6–…
 * (HardSigmoid's attributes); a `Clip` of attributes (opset < 11) only.
 */
export function simplified(model: Uint8Array): Uint8Array {
  const top = fields(model);
  const graph = top.find((f) => f.field === 7 && f.wire === 2);
  if (!graph) return model;
  const nodes = graphNodes(model, graph);
  const folding = new Folding(model, nodes);
  for (let i = 0; i < nodes.length; i++) if (folding.hardSwish(i)) i += 3;
  nodes.forEach((n, i) => n.op === 'Conv' && folding.affineAfter(i));
  nodes.forEach((n, i) => n.op === 'Mul' && folding.affineBefore(i));
  if (folding.folds === 0) return model;
  folding.finish();
  const parts: Uint8Array[] = [];
  let k = 0;
  for (const f of fields(model, graph.v0, graph.v1)) {
    if (f.field === 1 && f.wire === 2) parts.push(...(folding.replaced.get(k++) ?? [model.subarray(f.start, f.v1)]));
    else parts.push(model.subarray(f.start, f.v1));
  }
  const body = concat(parts);
  return concat([model.subarray(0, graph.start), Uint8Array.from([...varint(7 * 8 + 2), ...varint(body.length)]), body, model.subarray(graph.v1)]);
}
