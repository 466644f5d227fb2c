/**
 * Text comparison for Chinese: word segmentation with `Intl.Segmenter('zh')`, word-level diffs with
 * jsdiff's `diffArrays`, and a character-bigram similarity for alignment.
 */
import { diffArrays } from 'diff';
import type { TextOp } from '../schema/diff.js';

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

export function words(text: string): string[] {
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

/** Word-level diff from `a` to `b`, adjacent pieces of one kind merged. */
export function textDiff(a: string, b: string): TextOp[] {
  const out: TextOp[] = [];
  for (const part of diffArrays(words(a), words(b))) {
    const op = part.added ? 'insert' : part.removed ? 'delete' : 'equal';
    const text = part.value.join('');
    const last = out[out.length - 1];
    if (last && last.op === op) last.text += text;
    else if (text) out.push({ op, text });
  }
  return out;
}

function bigrams(text: string): Map<string, number> {
  const t = text.replace(/\s+/g, '');
  const m = new Map<string, number>();
  if (t.length === 1) m.set(t, 1);
  for (let i = 0; i + 1 < t.length; i++) {
    const g = t.slice(i, i + 2);
    m.set(g, (m.get(g) ?? 0) + 1);
  }
  return m;
}

/**
 * Similarity of two texts over character bigrams, from 0 (nothing in common) to 1 (equal): the
 * Dice coefficient, or 0.8 × the overlap coefficient when one text mostly contains the other (a
 * placeholder replaced by a long URL is the same sentence, with more in it).
 */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const x = bigrams(a);
  const y = bigrams(b);
  let both = 0;
  let sizeX = 0;
  let sizeY = 0;
  for (const [g, n] of x) {
    both += Math.min(n, y.get(g) ?? 0);
    sizeX += n;
  }
  for (const n of y.values()) sizeY += n;
  if (sizeX === 0 || sizeY === 0) return 0;
  const dice = (2 * both) / (sizeX + sizeY);
  const overlap = both / Math.min(sizeX, sizeY);
  return Math.max(dice, 0.8 * overlap);
}
