/**
 * `history` and `diff` agree: for any two documents of a series, the history of the pair has the
 * changes `diff` reports for it (same alignment, same field changes, added and removed directions
 * as lines absent on one side); in a longer series, every cell compared with the document just
 * before it has exactly that pair's diff changes. The series are made from the fixture documents
 * with random edits: directions dropped, moved, renumbered, their figures and titles changed.
 */
import fc from 'fast-check';
import { runs } from '../helpers/runs.js';
import { describe, expect, it } from 'vitest';
import { diff } from '../../src/diff/index.js';
import { history } from '../../src/history/index.js';
import type { GuidelineHistory } from '../../src/schema/history.js';
import type { Direction, Guideline } from '../../src/schema/guideline.js';
import { series } from './series.js';

const docs = await series();

type Edit =
  | { readonly op: 'drop'; readonly at: number }
  | { readonly op: 'swap'; readonly at: number; readonly with: number }
  | { readonly op: 'funding'; readonly at: number; readonly wan: number }
  | { readonly op: 'count'; readonly at: number; readonly value: number }
  | { readonly op: 'retitle'; readonly at: number };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ op: fc.constant('drop' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('swap' as const), at: fc.nat(), with: fc.nat() }),
  fc.record({ op: fc.constant('funding' as const), at: fc.nat(), wan: fc.integer({ min: 1, max: 9000 }) }),
  fc.record({ op: fc.constant('count' as const), at: fc.nat(), value: fc.integer({ min: 1, max: 30 }) }),
  fc.record({ op: fc.constant('retitle' as const), at: fc.nat() }),
);

/** `1.1` … `1.9`, `2.0`, …: numbers as the documents print them, so that every id is unique. */
const number = (i: number): string => `${1 + Math.floor((i + 1) / 10)}.${(i + 1) % 10}`;

function apply(doc: Guideline, edits: readonly Edit[]): Guideline {
  let dirs: Direction[] = [...doc.directions];
  for (const e of edits) {
    if (dirs.length === 0) break;
    const i = e.at % dirs.length;
    const d = dirs[i]!;
    switch (e.op) {
      case 'drop':
        dirs.splice(i, 1);
        break;
      case 'swap': {
        const j = e.with % dirs.length;
        [dirs[i], dirs[j]] = [dirs[j]!, d];
        break;
      }
      case 'funding':
        dirs[i] = { ...d, funding: d.funding ? { ...d.funding, amountCNY: e.wan * 10_000 } : null };
        break;
      case 'count':
        dirs[i] = { ...d, projectCount: d.projectCount ? { ...d.projectCount, value: e.value } : null };
        break;
      case 'retitle':
        dirs[i] = { ...d, title: `${d.title}（修订）` };
        break;
    }
  }
  dirs = dirs.map((d, i) => ({ ...d, id: number(i), ordinal: i + 1 }));
  return { ...doc, directions: dirs };
}

/** A version: one of the five documents, edited. */
const version = fc.tuple(fc.integer({ min: 0, max: docs.length - 1 }), fc.array(edit, { maxLength: 4 })).map(([k, edits]) => apply(docs[k]!, edits));

/** The line holding direction `id` of document `k`. */
const lineAt = (h: GuidelineHistory, k: number, id: string) => h.lines.find((l) => l.versions[k]?.id === id);

describe('history agrees with diff', () => {
  it('any two documents: the pair’s history has the diff’s lines and changes', () => {
    fc.assert(
      fc.property(version, version, (a, b) => {
        const h = history([a, b], { order: 'given' });
        const d = diff(a, b);
        expect(h.lines).toHaveLength(d.directions.length);
        for (const x of d.directions) {
          if (x.status === 'added') {
            expect(lineAt(h, 1, x.newId!)!.versions[0]).toBeNull();
          } else if (x.status === 'removed') {
            expect(lineAt(h, 0, x.oldId!)!.versions[1]).toBeNull();
          } else {
            const line = lineAt(h, 1, x.newId!)!;
            expect(line.versions[0]!.id).toBe(x.oldId);
            expect(line.versions[1]!.previous).toBe(0);
            expect(line.versions[1]!.changes).toEqual(x.changes);
          }
        }
      }),
      { numRuns: runs(60) },
    );
  });

  it('the five fixture documents, every pair in either order', () => {
    for (const a of docs) {
      for (const b of docs) {
        const h = history([a, b], { order: 'given' });
        const d = diff(a, b);
        const matched = d.directions.filter((x) => x.status === 'modified' || x.status === 'unchanged');
        expect(h.lines.filter((l) => l.versions[0] && l.versions[1])).toHaveLength(matched.length);
        for (const x of matched) {
          const line = lineAt(h, 1, x.newId!)!;
          expect([line.versions[0]!.id, line.versions[1]!.changes]).toEqual([x.oldId, x.changes]);
        }
        const ids = (status: string, side: 'oldId' | 'newId') => d.directions.filter((x) => x.status === status).map((x) => x[side]!).sort();
        expect(h.lines.flatMap((l) => (l.versions[0] ? [] : [l.versions[1]!.id])).sort()).toEqual(ids('added', 'newId'));
        expect(h.lines.flatMap((l) => (l.versions[1] ? [] : [l.versions[0]!.id])).sort()).toEqual(ids('removed', 'oldId'));
      }
    }
  });

  it('a series: every cell compared with the document just before has that pair’s diff changes', () => {
    fc.assert(
      fc.property(fc.array(version, { minLength: 2, maxLength: 5 }), (vs) => {
        const h = history(vs, { order: 'given' });
        for (let k = 1; k < vs.length; k++) {
          const d = diff(vs[k - 1]!, vs[k]!);
          for (const x of d.directions) {
            if (x.status === 'removed') {
              expect(lineAt(h, k - 1, x.oldId!)!.versions[k]).toBeNull();
              continue;
            }
            const cell = lineAt(h, k, x.newId!)!.versions[k]!;
            if (x.status === 'added') {
              // New here, or back from a version before the one just before.
              expect(cell.previous === null || cell.previous < k - 1).toBe(true);
            } else {
              expect(cell.previous).toBe(k - 1);
              expect(lineAt(h, k, x.newId!)!.versions[k - 1]!.id).toBe(x.oldId);
              expect(cell.changes).toEqual(x.changes);
            }
          }
        }
      }),
      { numRuns: runs(40) },
    );
  });

  it('a direction missing from one version and back later rejoins its line', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: docs.length - 1 }), fc.nat(), fc.integer({ min: 1, max: 3 }), (k, at, gap) => {
        const base = docs[k]!;
        const i = at % base.directions.length;
        const without = apply(base, [{ op: 'drop', at: i }]);
        const h = history([base, ...Array.from({ length: gap }, () => without), base], { order: 'given' });
        expect(h.lines).toHaveLength(base.directions.length);
        const line = lineAt(h, 0, base.directions[i]!.id)!;
        expect(line.versions.map((c) => c?.id ?? null)).toEqual([base.directions[i]!.id, ...Array<null>(gap).fill(null), base.directions[i]!.id]);
        expect(line.versions[gap + 1]).toMatchObject({ previous: 0, changes: [] });
      }),
      { numRuns: runs(30) },
    );
  });
});
