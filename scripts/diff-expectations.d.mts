import type { GuidelineDiff } from '../src/schema/diff.js';

export interface Judged {
  readonly want: unknown;
  readonly ok: boolean;
  readonly got: string;
}
export function fieldOf(path: string): string | null;
export function judgeDiff(d: GuidelineDiff, expected: { readonly directions: readonly unknown[] }): Judged[];
