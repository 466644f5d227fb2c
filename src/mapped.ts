/**
 * Text that remembers where each of its UTF-16 code units came from.
 *
 * Every stage after `load` rewrites text (drops artefacts, normalises glyphs, joins lines). To keep
 * every extracted value traceable, each code unit of a `Mapped` carries the half-open range
 * `[from[i], to[i])` of `Source.text` (0-based offsets) that produced it. A code unit inserted by a
 * stage (the space that rejoins two Latin words) gets an empty range at the place of insertion.
 */
export interface Mapped {
  readonly text: string;
  readonly from: Int32Array;
  readonly to: Int32Array;
}

/**
 * The maps of a stage's lines or paragraphs, held as runs: a run of `count` code units maps code
 * unit `k` of it to `[from0 + k × step, to0 + k × step)`. Text that came through unchanged is one
 * run per piece (`step` 1); an inserted code unit, or a replacement, is a run of its own (or several
 * code units mapped to the same range, `step` 0). A large text's lines and paragraphs take a few
 * runs each, where a map of two `Int32` a code unit took 8 bytes a character (130 MiB for the
 * cleaned lines of a 45 MB text, as much again for its paragraphs).
 *
 * Runs are kept in chunks of `RUNS_PER_CHUNK`, four `Int32` a run (count, from0, to0, step), and
 * never change once added.
 */
export class MapRuns {
  readonly #chunks: Int32Array[] = [];
  #used = 0;

  /** Adds the maps of `n` code units; returns the index of their first run. */
  add(from: ArrayLike<number>, to: ArrayLike<number>, n: number): number {
    const first = this.#used;
    let k = 0;
    while (k < n) {
      const f = from[k]!;
      const t = to[k]!;
      let count = 1;
      let step = 0;
      if (k + 1 < n) {
        step = from[k + 1]! - f;
        if (to[k + 1]! - t === step) {
          count = 2;
          while (k + count < n && from[k + count]! === f + count * step && to[k + count]! === t + count * step) count++;
        } else step = 0;
      }
      this.#push(count, f, t, step);
      k += count;
    }
    return first;
  }

  #push(count: number, f: number, t: number, step: number): void {
    const c = this.#used >>> RUN_SHIFT;
    let chunk = this.#chunks[c];
    if (chunk === undefined) {
      chunk = new Int32Array(4 * RUNS_PER_CHUNK);
      this.#chunks.push(chunk);
    }
    const at = 4 * (this.#used & RUN_MASK);
    chunk[at] = count;
    chunk[at + 1] = f;
    chunk[at + 2] = t;
    chunk[at + 3] = step;
    this.#used++;
  }

  /** Code units `[skip, skip + n)` of the maps whose first run is `first`: `which` 0 gives `from`, 1 `to`. */
  decode(first: number, skip: number, n: number, which: 0 | 1): Int32Array {
    const out = new Int32Array(n);
    let r = first;
    let k = 0;
    let into = skip;
    while (k < n) {
      const chunk = this.#chunks[r >>> RUN_SHIFT]!;
      const at = 4 * (r & RUN_MASK);
      const count = chunk[at]!;
      if (into >= count) {
        into -= count;
        r++;
        continue;
      }
      const base = chunk[at + 1 + which]!;
      const step = chunk[at + 3]!;
      for (let i = into; i < count && k < n; i++) out[k++] = base + i * step;
      into = 0;
      r++;
    }
    return out;
  }

  /** The run and the code units into it where code unit `i` of the maps whose first run is `first`, `skip` in, stands. */
  seek(first: number, skip: number, i: number): { run: number; skip: number } {
    let r = first;
    let into = skip + i;
    for (;;) {
      const chunk = this.#chunks[r >>> RUN_SHIFT];
      if (chunk === undefined) return { run: r, skip: into };
      const count = chunk[4 * (r & RUN_MASK)]!;
      if (into < count || count === 0) return { run: r, skip: into };
      into -= count;
      r++;
    }
  }
}

const RUN_SHIFT = 14;
const RUNS_PER_CHUNK = 1 << RUN_SHIFT;
const RUN_MASK = RUNS_PER_CHUNK - 1;

/**
 * Where a stage keeps the maps of the texts it makes (the cleaned lines, the paragraphs): their
 * runs, and two scratch arrays a text's map is built in, reused from text to text.
 */
export class MapPool {
  readonly runs = new MapRuns();
  from = new Int32Array(256);
  to = new Int32Array(256);

  /** The scratch arrays, long enough for a text of `n` code units. */
  scratch(n: number): { from: Int32Array; to: Int32Array } {
    if (n > this.from.length) {
      let size = this.from.length;
      while (size < n) size *= 2;
      this.from = new Int32Array(size);
      this.to = new Int32Array(size);
    }
    return this;
  }
}

/**
 * A `Mapped` whose maps are runs in a stage's `MapRuns` (the cleaned lines', the paragraphs'):
 * `from` and `to` are made when asked for, never kept. Ask for `from` or `to` once per use, not
 * once per code unit: each is a new array.
 */
export class PooledMapped implements Mapped {
  readonly text: string;
  readonly #runs: MapRuns;
  readonly #first: number;
  readonly #skip: number;

  /** `text`, whose maps start `skip` code units into run `first` of `runs`. */
  constructor(text: string, runs: MapRuns, first: number, skip = 0) {
    this.text = text;
    this.#runs = runs;
    this.#first = first;
    this.#skip = skip;
  }

  get from(): Int32Array {
    return this.#runs.decode(this.#first, this.#skip, this.text.length, 0);
  }

  get to(): Int32Array {
    return this.#runs.decode(this.#first, this.#skip, this.text.length, 1);
  }

  /** Code units `[i, j)` (relative and clamped as `String.prototype.slice` has them), in the same runs. */
  slice(i: number, j: number = this.text.length): PooledMapped {
    const n = this.text.length;
    const a = i < 0 ? Math.max(n + i, 0) : Math.min(i, n);
    const b = Math.max(a, j < 0 ? Math.max(n + j, 0) : Math.min(j, n));
    const at = this.#runs.seek(this.#first, this.#skip, a);
    return new PooledMapped(this.text.slice(a, b), this.#runs, at.run, at.skip);
  }
}

/** The identity mapping of `text.slice(start, end)`. */
export function mappedFromSource(text: string, start: number, end: number): Mapped {
  const n = end - start;
  const from = new Int32Array(n);
  const to = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    from[i] = start + i;
    to[i] = start + i + 1;
  }
  return { text: text.slice(start, end), from, to };
}

/** Builds a `Mapped` piece by piece. Linear in the total length. */
export class MappedBuilder {
  private readonly parts: string[] = [];
  private from: Int32Array;
  private to: Int32Array;
  private length = 0;

  /** `capacity`: the expected length; `build()` copies nothing when it is exact. */
  constructor(capacity = 64) {
    this.from = new Int32Array(capacity);
    this.to = new Int32Array(capacity);
  }

  get size(): number {
    return this.length;
  }

  private grow(extra: number): void {
    const need = this.length + extra;
    if (need <= this.from.length) return;
    let cap = Math.max(16, this.from.length * 2);
    while (cap < need) cap *= 2;
    const from = new Int32Array(cap);
    const to = new Int32Array(cap);
    from.set(this.from.subarray(0, this.length));
    to.set(this.to.subarray(0, this.length));
    this.from = from;
    this.to = to;
  }

  /** Appends `text`, every code unit of which came from source range `[from, to)`. */
  pushRange(text: string, from: number, to: number): this {
    this.grow(text.length);
    for (let i = 0; i < text.length; i++) {
      this.from[this.length] = from;
      this.to[this.length] = to;
      this.length++;
    }
    this.parts.push(text);
    return this;
  }

  /** Appends `source.slice(i, j)` unchanged: each code unit maps to itself. */
  pushSource(source: string, i: number, j: number): this {
    if (j <= i) return this;
    this.grow(j - i);
    for (let k = i; k < j; k++) {
      this.from[this.length] = k;
      this.to[this.length] = k + 1;
      this.length++;
    }
    this.parts.push(source.slice(i, j));
    return this;
  }

  /** Appends code units `[i, j)` of `m` with their own mapping. */
  pushMapped(m: Mapped, i = 0, j = m.text.length): this {
    if (j <= i) return this;
    this.grow(j - i);
    this.from.set(m.from.subarray(i, j), this.length);
    this.to.set(m.to.subarray(i, j), this.length);
    this.length += j - i;
    this.parts.push(i === 0 && j === m.text.length ? m.text : m.text.slice(i, j));
    return this;
  }

  build(): Mapped {
    const exact = this.length === this.from.length;
    return {
      text: this.parts.length === 1 ? this.parts[0]! : this.parts.join(''),
      from: exact ? this.from : this.from.slice(0, this.length),
      to: exact ? this.to : this.to.slice(0, this.length),
    };
  }
}

/** Code units `[i, j)` of `m`. The maps are views, not copies: a `Mapped` is never written to. */
export function mappedSlice(m: Mapped, i: number, j: number): Mapped {
  if (m instanceof PooledMapped) return m.slice(i, j);
  return { text: m.text.slice(i, j), from: m.from.subarray(i, j), to: m.to.subarray(i, j) };
}

/** `m` without leading and trailing white space (and, optionally, trailing characters in `trail`). */
export function mappedTrim(m: Mapped, trail = ''): Mapped {
  let i = 0;
  let j = m.text.length;
  while (i < j && /\s/.test(m.text[i]!)) i++;
  while (j > i && (/\s/.test(m.text[j - 1]!) || trail.includes(m.text[j - 1]!))) j--;
  return i === 0 && j === m.text.length ? m : mappedSlice(m, i, j);
}

/** Joins pieces with `sep` between them; the separator gets an empty range at the join. */
export function mappedJoin(pieces: readonly Mapped[], sep = ''): Mapped {
  if (pieces.length === 1) return pieces[0]!;
  let total = 0;
  for (const p of pieces) total += p.text.length;
  const b = new MappedBuilder(total + Math.max(0, pieces.length - 1) * sep.length);
  pieces.forEach((p, k) => {
    if (k > 0 && sep) {
      const at = p.text.length > 0 ? p.from[0]! : 0;
      b.pushRange(sep, at, at);
    }
    b.pushMapped(p);
  });
  return b.build();
}

/**
 * The source range `[start, end)` covered by code units `[i, j)` of `m` (j > i). Stages never
 * reorder text, so the mapping is monotonic: the range runs from the first code unit that came from
 * the source to the last one (inserted code units, with empty ranges, are skipped).
 */
export function sourceRange(m: Mapped, i: number, j: number): { start: number; end: number } {
  const from = m.from;
  const to = m.to;
  let a = i;
  while (a < j - 1 && to[a]! <= from[a]!) a++;
  let b = j - 1;
  while (b > a && to[b]! <= from[b]!) b--;
  const start = from[a]!;
  return { start, end: Math.max(start, to[b]!) };
}
