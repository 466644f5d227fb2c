/** Formatting of values for messages and reports (shared by `validate`, `report` and `diff`). */

/** Whole yuan in the units the documents use: `4.02亿元`, `800万元`, `1234元`. */
export function formatYuan(cny: number): string {
  if (Math.abs(cny) >= 1e8 && cny % 1e4 === 0) return `${cny / 1e8}亿元`;
  if (cny % 1e4 === 0) return `${cny / 1e4}万元`;
  return `${cny}元`;
}

const QUALIFIER_PREFIX = { exact: '', about: '约', atMost: '不超过', atLeast: '至少' } as const;
export type QualifierName = keyof typeof QUALIFIER_PREFIX;

export function qualifierPrefix(q: QualifierName): string {
  return QUALIFIER_PREFIX[q];
}

/** `2–3年`, `不超过4年`, `3年`. */
export function formatDuration(d: { minYears: number | null; maxYears: number | null; qualifier: QualifierName }): string {
  if (d.minYears !== null && d.maxYears !== null && d.minYears !== d.maxYears) return `${d.minYears}–${d.maxYears}年`;
  return `${QUALIFIER_PREFIX[d.qualifier]}${d.maxYears ?? d.minYears}年`;
}
