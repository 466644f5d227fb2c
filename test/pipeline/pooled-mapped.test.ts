/**
 * A `PooledMapped` (a line's or paragraph's text whose maps are kept as runs in a stage's
 * `MapRuns`, its arrays made when asked for) reads as the plain `Mapped` of the same maps: the same `from` and `to`, the
 * same slices, the same source ranges.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MapRuns, mappedJoin, mappedSlice, mappedTrim, PooledMapped, sourceRange, type Mapped } from '../../src/mapped.js';
import { runs } from '../helpers/runs.js';

/** A pooled text and the plain one with the same maps, its maps added after `at` other texts' runs. */
const pair = fc
  .record({
    text: fc.string({ unit: fc.constantFrom('中', '国', 'a', ' ', '。', '1'), maxLength: 20 }),
    at: fc.nat(8),
    gaps: fc.array(fc.integer({ min: -1, max: 3 }), { minLength: 20, maxLength: 20 }),
  })
  .map(({ text, at, gaps }) => {
    const n = text.length;
    const from = new Int32Array(n);
    const to = new Int32Array(n);
    let p = 100;
    for (let i = 0; i < n; i++) {
      // An inserted code unit (an empty range), a kept one, or one after a gap.
      const g = gaps[i]!;
      from[i] = p + Math.max(0, g);
      to[i] = g < 0 ? from[i]! : from[i]! + 1;
      p = to[i]!;
    }
    const runs = new MapRuns();
    // Other texts' runs before and after: a text reads only its own.
    for (let k = 0; k < at; k++) runs.add(Int32Array.of(7, 9, 9), Int32Array.of(8, 9, 12), 3);
    const first = runs.add(from, to, n);
    runs.add(Int32Array.of(-7, -7), Int32Array.of(-7, -6), 2);
    return { pooled: new PooledMapped(text, runs, first), plain: { text, from, to } as Mapped };
  });

const same = (a: Mapped, b: Mapped): void => {
  expect(a.text).toBe(b.text);
  expect([...a.from]).toEqual([...b.from]);
  expect([...a.to]).toEqual([...b.to]);
};

describe('PooledMapped', () => {
  it('reads as the plain Mapped of its maps: views, slices (negative and out-of-range ends too), trims, joins, source ranges', () => {
    const index = fc.integer({ min: -25, max: 25 });
    fc.assert(
      fc.property(pair, index, index, ({ pooled, plain }, i, j) => {
        same(pooled, plain);
        same(mappedSlice(pooled, i, j), mappedSlice(plain, i, j));
        same(mappedSlice(mappedSlice(pooled, i, j), 1, -1), mappedSlice(mappedSlice(plain, i, j), 1, -1));
        same(mappedTrim(pooled, '。'), mappedTrim(plain, '。'));
        same(mappedJoin([pooled, plain], '\n'), mappedJoin([plain, plain], '\n'));
        const n = plain.text.length;
        if (n > 0) {
          const a = Math.min(Math.abs(i) % n, n - 1);
          const b = Math.max(a + 1, Math.abs(j) % (n + 1));
          expect(sourceRange(pooled, a, b)).toEqual(sourceRange(plain, a, b));
        }
      }),
      { numRuns: runs(500) },
    );
  });

  it('keeps no arrays: each read of from or to is a new array; text that came through unchanged is one run', () => {
    const runs = new MapRuns();
    const first = runs.add(Int32Array.of(1, 2, 3, 4), Int32Array.of(2, 3, 4, 5), 4);
    const m = new PooledMapped('abcd', runs, first);
    expect(m.from).not.toBe(m.from);
    expect([...m.from]).toEqual([1, 2, 3, 4]);
    expect(Object.keys(m)).toEqual(['text']);
    // One run: the next text's runs start at index 1.
    expect(runs.add(Int32Array.of(9), Int32Array.of(9), 1)).toBe(1);
    // Three code units replacing one range (step 0), then two after a gap (step 1): two runs.
    const second = runs.add(Int32Array.of(5, 5, 5, 10, 11), Int32Array.of(8, 8, 8, 11, 12), 5);
    expect(runs.add(Int32Array.of(0), Int32Array.of(0), 1)).toBe(second + 2);
  });
});
