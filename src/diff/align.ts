/**
 * Alignment helpers: a greedy best-first assignment over scored pairs (deterministic ties), and the
 * longest increasing subsequence that tells which matched items kept their relative order.
 */

export interface Pair {
  readonly a: number;
  readonly b: number;
  readonly score: number;
}

/**
 * Matches items of two lists: the best-scoring pairs first, each item at most once, pairs under
 * `threshold` never. Ties go to the pair closest in position, then to the earlier one.
 */
export function assign(n: number, m: number, score: (a: number, b: number) => number, threshold: number): Pair[] {
  const pairs: Pair[] = [];
  for (let a = 0; a < n; a++) {
    for (let b = 0; b < m; b++) {
      const s = score(a, b);
      if (s >= threshold) pairs.push({ a, b, score: s });
    }
  }
  pairs.sort((p, q) => q.score - p.score || Math.abs(p.a - p.b) - Math.abs(q.a - q.b) || p.a - q.a || p.b - q.b);
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  const out: Pair[] = [];
  for (const p of pairs) {
    if (usedA.has(p.a) || usedB.has(p.b)) continue;
    usedA.add(p.a);
    usedB.add(p.b);
    out.push(p);
  }
  return out.sort((p, q) => p.a - q.a);
}

/**
 * Indexes (into `values`) of a longest strictly increasing subsequence, O(n log n). Items outside
 * it are the ones that moved.
 */
export function longestIncreasing(values: readonly number[]): Set<number> {
  const tails: number[] = [];
  const prev = new Array<number>(values.length).fill(-1);
  for (let i = 0; i < values.length; i++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (values[tails[mid]!]! < values[i]!) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tails[lo - 1]!;
    tails[lo] = i;
  }
  const keep = new Set<number>();
  let k = tails.length > 0 ? tails[tails.length - 1]! : -1;
  while (k >= 0) {
    keep.add(k);
    k = prev[k]!;
  }
  return keep;
}
