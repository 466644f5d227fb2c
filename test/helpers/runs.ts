/**
 * How many cases a fast-check property runs: `n`, its fast default (CI), or, for `npm run
 * test:deep`, at least `FC_DEEP_RUNS` (10,000 there): some failures show only after thousands of
 * cases (a layout property of `diff` failed after 2,700–6,000).
 */
export function runs(n: number): number {
  const deep = Number(process.env.FC_DEEP_RUNS ?? 0);
  return Number.isInteger(deep) && deep > 0 ? Math.max(deep, n) : n;
}
