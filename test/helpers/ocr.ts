/** OCR tests: character accuracy of a reading against its reference, and whether a change is flagged. */
import { comparableText } from '../../src/lexicon/chars.js';

/** Edit distance between two strings, by code point. */
export function editDistance(a: string, b: string): number {
  const A = [...a];
  const B = [...b];
  let prev = Int32Array.from({ length: B.length + 1 }, (_, j) => j);
  let cur = new Int32Array(B.length + 1);
  for (let i = 1; i <= A.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= B.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (A[i - 1] === B[j - 1] ? 0 : 1));
    [prev, cur] = [cur, prev];
  }
  return prev[B.length]!;
}

/** Characters as a reader compares them (`comparableText`). */
export const chars = comparableText;

/** 1 − edit distance / reference length, over `chars` of both. */
export function accuracy(reference: string, read: string): number {
  const want = chars(reference);
  return 1 - editDistance(want, chars(read)) / [...want].length;
}

interface At {
  readonly start: number;
  readonly end: number;
  readonly page: number | null;
  readonly pageLine: number | null;
}

/**
 * Whether a check of `doc` stands on a value read by OCR: its span overlaps the value's `span`, or
 * (a value the scan lacks, `span` null) it is in the value's direction on the page line where the
 * text layer has it (`old`), or the next or previous one.
 */
export function flagged(doc: { readonly checks: readonly { readonly directionId: string | null; readonly span: At | null }[] }, directionId: string | null, span: At | null | undefined, old: Omit<At, 'start' | 'end'> | null | undefined): boolean {
  return doc.checks.some((c) => {
    if (!c.span) return false;
    if (span && c.span.start < span.end && span.start < c.span.end) return true;
    const at = span ?? old;
    return !!at && c.directionId === directionId && c.span.page === at.page && at.pageLine !== null && c.span.pageLine !== null && Math.abs(c.span.pageLine - at.pageLine) <= 1;
  });
}
