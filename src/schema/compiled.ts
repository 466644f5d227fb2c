/**
 * A faster check against a zod schema, with zod's guarantee: `compile(schema)` gives a function that
 * either returns what `schema.safeParse(value).data` would be, or `undefined` when it cannot tell,
 * and then the caller runs zod. It never accepts a value zod rejects.
 *
 * It is built once from the schema's own definition (`_zod.def`), so it follows the schema as it
 * changes; a definition or check it does not know compiles to "cannot tell" for that part. What it
 * knows is what the output schemas use: objects (unknown keys dropped, keys in the schema's order,
 * defaults filled), arrays, strings, numbers, booleans, enums, nullable, optional, default and
 * unions, with the length, range, integer and pattern checks. `test/schema/compiled.test.ts` holds
 * it to zod's result on every output of the fixtures and on damaged copies of them.
 *
 * Why: zod's parse of a guideline (7,000 values) was about a sixth of the time to validated JSON.
 */
import type { z } from 'zod';

/** The value as zod's parse returns it, or `CANNOT` when zod must decide. */
type Check = (value: unknown) => unknown;
export const CANNOT: unique symbol = Symbol('cannot tell');

interface Def {
  readonly type: string;
  readonly checks?: readonly { readonly _zod: { readonly def: CheckDef } }[];
  readonly shape?: Record<string, z.ZodType>;
  readonly catchall?: unknown;
  readonly innerType?: z.ZodType;
  readonly element?: z.ZodType;
  readonly options?: readonly z.ZodType[];
  readonly entries?: Record<string, string | number>;
  readonly defaultValue?: unknown;
  readonly coerce?: boolean;
}

interface CheckDef {
  readonly check: string;
  readonly format?: string;
  readonly inclusive?: boolean;
  readonly value?: unknown;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly pattern?: RegExp;
  readonly when?: unknown;
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;
const optinOf = (schema: z.ZodType): string | undefined => (schema as unknown as { _zod: { optin?: string } })._zod.optin;

const cannot: Check = () => CANNOT;
const compiled = new WeakMap<z.ZodType, Check>();

/** The check for `schema`: zod's output for a value it can vouch for, `CANNOT` otherwise. */
export function compile(schema: z.ZodType): Check {
  let check = compiled.get(schema);
  if (check) return check;
  // A recursive schema reaches itself while it is being compiled: call through the cache.
  compiled.set(schema, (v) => compiled.get(schema)!(v));
  check = build(schema);
  compiled.set(schema, check);
  return check;
}

/**
 * As `compile(schema)` for an object schema, for a value that is garbage once checked: each array it
 * holds directly is checked element by element in place, every element replaced by its checked copy
 * as soon as that is made, so that the value and its copy are never both whole in memory (a large
 * document's directions, sections, checks and removals). Returns the checked object (holding those
 * same arrays), or `CANNOT`; then the arrays hold checked copies up to the element that could not
 * be vouched for and the value's own elements after it, which zod reads as it reads the value
 * (zod's output, parsed again, is itself).
 */
export function compileConsuming(schema: z.ZodType): Check {
  const def = defOf(schema);
  if (def.type !== 'object' || (def.checks?.length ?? 0) > 0 || def.catchall !== undefined || !def.shape) return compile(schema);
  const fields = Object.keys(def.shape)
    .filter((k) => k !== '__proto__')
    .map((key) => {
      const s = def.shape![key]!;
      const d = defOf(s);
      const inPlace = d.type === 'array' && (d.checks?.length ?? 0) === 0;
      return { key, check: compile(inPlace ? d.element! : s), inPlace, optional: optinOf(s) === 'optional' && d.type === 'optional' };
    });
  // Optional fields would need the object's own rules for absent keys: left to `compile`.
  if (fields.some((f) => f.optional)) return compile(schema);
  const whole = compile(schema);
  return (v) => {
    if (!plain(v)) return whole(v);
    const out: Record<string, unknown> = {};
    for (const f of fields) {
      const x = v[f.key];
      if (!f.inPlace) {
        const r = f.check(x);
        if (r === CANNOT) return CANNOT;
        out[f.key] = r;
        continue;
      }
      if (!Array.isArray(x)) return CANNOT;
      for (let i = 0; i < x.length; i++) {
        if (!(i in x)) return CANNOT;
        const r = f.check(x[i]);
        if (r === CANNOT) return CANNOT;
        x[i] = r;
      }
      out[f.key] = x;
    }
    return out;
  };
}

/**
 * The check of one object shape, generated as code (as zod's own JIT does): each field's check in
 * the schema's order, then the output as one object literal, so every output object of a shape has
 * the same hidden class (`JSON.stringify` is markedly faster on those). Absent optional keys stay
 * absent; a key that is not there is read as `undefined`, as zod reads it.
 */
function objectCheck(fields: readonly { key: string; check: Check; optional: boolean }[]): Check {
  const k = fields.map((f) => JSON.stringify(f.key));
  const lines = ['return function check(v) {', '  if (!plain(v)) return CANNOT;'];
  fields.forEach((f, i) => {
    if (f.optional) lines.push(`  const p${i} = ${k[i]} in v; let r${i}; if (p${i}) { r${i} = c[${i}](v[${k[i]}]); if (r${i} === CANNOT) return CANNOT; }`);
    else lines.push(`  const r${i} = c[${i}](v[${k[i]}]); if (r${i} === CANNOT) return CANNOT;`);
  });
  const required = fields.flatMap((f, i) => (f.optional ? [] : [`${k[i]}: r${i}`]));
  const optional = fields.flatMap((f, i) => (f.optional ? [i] : []));
  if (optional.length === 0) lines.push(`  return { ${required.join(', ')} };`);
  else {
    lines.push(`  if (${optional.map((i) => `!p${i}`).join(' && ')}) return { ${required.join(', ')} };`);
    lines.push('  const o = {};');
    fields.forEach((f, i) => lines.push(f.optional ? `  if (p${i}) o[${k[i]}] = r${i};` : `  o[${k[i]}] = r${i};`));
    lines.push('  return o;');
  }
  lines.push('};');
  // Code made from the schema’s own keys only (each written as a JSON string literal). Where code
  // generation is not allowed (`--disallow-code-generation-from-strings`), the same check as a loop.
  let make: (c: readonly Check[], cannot: symbol, isPlain: typeof plain) => Check;
  try {
    make = new Function('c', 'CANNOT', 'plain', lines.join('\n')) as typeof make;
  } catch {
    return objectLoop(fields);
  }
  return make(
    fields.map((f) => f.check),
    CANNOT,
    plain,
  );
}

/** `objectCheck` without generated code: the same result, key by key. */
function objectLoop(fields: readonly { key: string; check: Check; optional: boolean }[]): Check {
  return (v) => {
    if (!plain(v)) return CANNOT;
    const out: Record<string, unknown> = {};
    for (const f of fields) {
      if (f.optional && !(f.key in v)) continue;
      const r = f.check(v[f.key]);
      if (r === CANNOT) return CANNOT;
      out[f.key] = r;
    }
    return out;
  };
}

/** A plain object: what zod reads as an object, and no more (no class, no getters on a prototype). */
function plain(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

function build(schema: z.ZodType): Check {
  const def = defOf(schema);
  const tests = def.checks?.map((c) => test(c._zod.def, def.type));
  if (tests?.some((t) => t === null)) return cannot;
  const all = (tests ?? []) as ((v: never) => boolean)[];
  const passes = (v: unknown): boolean => all.every((t) => t(v as never));
  switch (def.type) {
    case 'string':
      if (def.coerce) return cannot;
      return (v) => (typeof v === 'string' && passes(v) ? v : CANNOT);
    case 'number':
      if (def.coerce) return cannot;
      return (v) => (typeof v === 'number' && Number.isFinite(v) && passes(v) ? v : CANNOT);
    case 'boolean':
      if (def.coerce || all.length > 0) return cannot;
      return (v) => (typeof v === 'boolean' ? v : CANNOT);
    case 'enum': {
      if (all.length > 0 || !def.entries) return cannot;
      const values = new Set<unknown>(Object.values(def.entries));
      return (v) => (values.has(v) ? v : CANNOT);
    }
    case 'nullable': {
      const inner = compile(def.innerType!);
      if (all.length > 0) return cannot;
      return (v) => (v === null ? null : inner(v));
    }
    case 'optional': {
      // An absent key is the object's business; a present `undefined` is left to zod.
      const inner = compile(def.innerType!);
      if (all.length > 0) return cannot;
      return (v) => (v === undefined ? CANNOT : inner(v));
    }
    case 'default': {
      const inner = compile(def.innerType!);
      if (all.length > 0) return cannot;
      // zod returns the default as it is, unchecked (the getter gives a fresh copy each time).
      return (v) => (v === undefined ? def.defaultValue : inner(v));
    }
    case 'array': {
      const element = compile(def.element!);
      return (v) => {
        if (!Array.isArray(v) || !passes(v)) return CANNOT;
        const out = new Array<unknown>(v.length);
        for (let i = 0; i < v.length; i++) {
          if (!(i in v)) return CANNOT;
          const r = element(v[i]);
          if (r === CANNOT) return CANNOT;
          out[i] = r;
        }
        return out;
      };
    }
    case 'union': {
      if (all.length > 0 || !def.options) return cannot;
      // zod returns the first option that accepts; only options that return the value itself
      // (primitives) can be tried in order without knowing whether an earlier one would accept.
      if (!def.options.every((o) => ['string', 'number', 'boolean', 'enum'].includes(defOf(o).type))) return cannot;
      const options = def.options.map(compile);
      return (v) => {
        for (const o of options) {
          const r = o(v);
          if (r !== CANNOT) return r;
        }
        return CANNOT;
      };
    }
    case 'object': {
      if (all.length > 0 || def.catchall !== undefined || !def.shape) return cannot;
      const keys = Object.keys(def.shape).filter((k) => k !== '__proto__');
      const fields = keys.map((key) => {
        const s = def.shape![key]!;
        return { key, check: compile(s), optional: optinOf(s) === 'optional' && defOf(s).type === 'optional' };
      });
      return objectCheck(fields);
    }
    default:
      return cannot;
  }
}

/**
 * One of zod's checks as a test that passes only where zod's passes; null for a check it does not
 * know. Lengths are counted by zod in code points: a test here passes only where units and code
 * points agree on the answer.
 */
function test(c: CheckDef, type: string): ((v: never) => boolean) | null {
  if (c.when !== undefined && c.check !== 'min_length' && c.check !== 'max_length') return null;
  switch (c.check) {
    case 'number_format':
      if (type !== 'number') return null;
      if (c.format === 'safeint') return (v: number) => Number.isSafeInteger(v);
      return null;
    case 'greater_than': {
      if (typeof c.value !== 'number') return null;
      const min = c.value;
      return c.inclusive ? (v: number) => v >= min : (v: number) => v > min;
    }
    case 'less_than': {
      if (typeof c.value !== 'number') return null;
      const max = c.value;
      return c.inclusive ? (v: number) => v <= max : (v: number) => v < max;
    }
    case 'min_length': {
      const min = c.minimum!;
      if (type === 'array') return (v: unknown[]) => v.length >= min;
      if (type === 'string') return (v: string) => v.length >= 2 * min || (v.length >= min && !/[\ud800-\udfff]/.test(v));
      return null;
    }
    case 'max_length': {
      const max = c.maximum!;
      if (type === 'array' || type === 'string') return (v: { length: number }) => v.length <= max;
      return null;
    }
    case 'string_format':
      if (type !== 'string' || c.format !== 'regex' || !c.pattern) return null;
      return (v: string) => {
        c.pattern!.lastIndex = 0;
        return c.pattern!.test(v);
      };
    default:
      return null;
  }
}
