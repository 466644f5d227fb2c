/**
 * The compiled check (`src/schema/compiled.ts`) stands in for zod's parse of every output: it must
 * return what zod returns for the documents the tool writes, and never accept what zod rejects.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { runs } from '../helpers/runs.js';
import { describe, expect, it, vi } from 'vitest';
import { CANNOT, compile, compileConsuming } from '../../src/schema/compiled.js';
import { Guideline } from '../../src/schema/guideline.js';
import { ingestText, ROOT, seed } from '../helpers/seed.js';

const check = compile(Guideline);
const consume = compileConsuming(Guideline);
const folders = ['corpus', 'test/fixtures/variants', 'test/fixtures/unseen', 'test/fixtures/key-programme', 'test/fixtures/history'];
const files = folders.flatMap((f) => readdirSync(`${ROOT}${f}`).filter((n) => n.endsWith('.txt')).map((n) => `${f}/${n}`));

/** zod's verdict and the compiled one agree: the same data when the compiled check decides. */
function agree(value: unknown): 'decided' | 'left to zod' {
  const fast = check(value);
  const zod = Guideline.safeParse(value);
  if (fast === CANNOT) return 'left to zod';
  expect(zod.success).toBe(true);
  expect(JSON.stringify(fast)).toBe(JSON.stringify(zod.data));
  expect(fast).toStrictEqual(zod.data);
  return 'decided';
}

describe('the compiled check of a guideline', () => {
  it.each(files)('decides %s, with zod’s result', async (file) => {
    const doc = await ingestText(readFileSync(`${ROOT}${file}`), file);
    expect(agree(structuredClone(doc))).toBe('decided');
  });

  it.each(files)('checks %s in place with the same result', async (file) => {
    const doc = await ingestText(readFileSync(`${ROOT}${file}`), file);
    const expected = JSON.stringify(check(structuredClone(doc)));
    const value = structuredClone(doc) as unknown as { directions: unknown[] };
    const directions = value.directions;
    const out = consume(value) as { directions: unknown[] };
    expect(JSON.stringify(out)).toBe(expected);
    // The value's arrays are the result's: nothing was copied whole.
    expect(out.directions).toBe(directions);
  });

  it('is what validates the pipeline’s documents: zod is not called for any fixture', async () => {
    const zod = vi.spyOn(Guideline, 'safeParse');
    try {
      for (const file of files) await ingestText(readFileSync(`${ROOT}${file}`), file);
      expect(zod).not.toHaveBeenCalled();
    } finally {
      zod.mockRestore();
    }
  });

  it('fills defaults and drops unknown keys as zod does', async () => {
    const { doc } = await seed();
    const copy = structuredClone(doc) as unknown as { directions: Record<string, unknown>[]; extra?: number };
    delete copy.directions[0]!.keywords; // a default ([])
    delete copy.directions[0]!.category; // a default (null)
    copy.extra = 1;
    expect(agree(copy)).toBe('decided');
    expect((check(copy) as typeof doc).directions[0]!.keywords).toEqual([]);
  });

  it('leaves to zod, or agrees with it on, damaged copies', async () => {
    const { doc } = await seed();
    // Every place in the document: a path of keys and indexes.
    const paths: (string | number)[][] = [];
    const walk = (x: unknown, path: (string | number)[]): void => {
      paths.push(path);
      if (Array.isArray(x)) x.forEach((v, i) => walk(v, [...path, i]));
      else if (x && typeof x === 'object') for (const [k, v] of Object.entries(x)) walk(v, [...path, k]);
    };
    walk(doc, []);
    const replacements: unknown[] = [null, undefined, -1, 0, 1.5, 2 ** 60, Number.NaN, Infinity, '', 'x', '\ud800', true, [], {}, [1], { a: 1 }, 'exact', 'warning'];
    const damage = fc.array(
      fc.tuple(fc.nat(paths.length - 1), fc.oneof(fc.constant<'delete'>('delete'), fc.constant<'extra'>('extra'), fc.constantFrom(...replacements).map((v) => ({ v })))),
      { minLength: 1, maxLength: 3 },
    );
    let decided = 0;
    fc.assert(
      fc.property(damage, (edits) => {
        const copy = structuredClone(doc) as unknown as Record<string | number, unknown>;
        for (const [at, edit] of edits) {
          const path = paths[at]!;
          if (path.length === 0) continue;
          let parent: Record<string | number, unknown> | undefined = copy;
          for (const k of path.slice(0, -1)) parent = parent?.[k] as Record<string | number, unknown> | undefined;
          if (!parent || typeof parent !== 'object') continue;
          const key = path[path.length - 1]!;
          if (edit === 'delete') delete parent[key];
          else if (edit === 'extra') parent[`${String(key)}Extra`] = 1;
          else parent[key] = edit.v;
        }
        const zod = Guideline.safeParse(copy);
        if (agree(copy) === 'decided') decided++;
        // Checked in place: the compiled result, or zod's result on what is left (the same as on
        // the value before).
        const consumed = structuredClone(copy);
        const inPlace = consume(consumed);
        if (inPlace === CANNOT) {
          const again = Guideline.safeParse(consumed);
          expect(again.success).toBe(zod.success);
          if (zod.success) expect(JSON.stringify(again.data)).toBe(JSON.stringify(zod.data));
          else expect(again.error!.issues[0]).toEqual(zod.error.issues[0]);
        } else expect(JSON.stringify(inPlace)).toBe(JSON.stringify(check(copy)));
      }),
      { numRuns: runs(Number(process.env.FC_RUNS ?? 300)) },
    );
    // Some damage is harmless (an unknown key, a default deleted): the check decides those itself.
    expect(decided).toBeGreaterThan(0);
  });

  it('gives the same result where code generation is not allowed (a loop instead of generated code)', () => {
    // The built module, in a process that refuses `new Function` (npm test builds dist/ first).
    const script = `
      const { readFileSync } = await import('node:fs');
      const { compile } = await import(${JSON.stringify(`${ROOT}dist/schema/compiled.js`)});
      const { Guideline } = await import(${JSON.stringify(`${ROOT}dist/schema/guideline.js`)});
      const doc = JSON.parse(readFileSync(${JSON.stringify(`${ROOT}extracted/2025-batch1-draft.json`)}, 'utf8'));
      let generated = true;
      try { new Function('return 1'); } catch { generated = false; }
      delete doc.directions[0].keywords; // a default to fill
      doc.directions[0].extra = 1; // a key to drop
      const out = compile(Guideline)(doc);
      console.log(JSON.stringify({ generated, same: JSON.stringify(out) === JSON.stringify(Guideline.parse(doc)) }));`;
    const res = spawnSync(process.execPath, ['--disallow-code-generation-from-strings', '--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(res.stderr).toBe('');
    expect(JSON.parse(res.stdout)).toEqual({ generated: false, same: true });
  });
});
