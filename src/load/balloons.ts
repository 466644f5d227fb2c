/**
 * A Word draft printed with its markup (`pdftotext -layout` of 打印标记): the text as revised on
 * the left, and in a column of balloons on the right what was deleted, reformatted or commented
 * (`删除的内容: 1.35`, `带格式的: 字体: …`, `批注 [WJ1]: 按预算评审意见…` and the lines a balloon
 * wraps onto). The balloons are no part of the text: each is cut from the lines it stands on and
 * logged (`revision`), the text read as revised. Only where two balloons or more open at one
 * column. Pure.
 */
import { displayWidth } from '../lexicon/chars.js';
import type { Removal } from '../types.js';
import { unplaced } from './blocks.js';

/** Word's captions of a balloon (Chinese and English): a deletion, a change of format, a comment, a move. */
const RE_BALLOON = /^(?:删除的内容|已删除|带格式的|格式化的|设置了格式|批注\s*\[[^\]]{1,12}\]|已移动\s*[（(](?:插入|删除)[）)]|插入的内容|Deleted|Formatted|Comment\s*\[[^\]]{1,12}\]|Moved\s*\((?:insertion|deletion)\))\s*[:：]/;

/** A line's pieces after a gap of three columns or more: each with its display column. */
function piecesOf(line: string): { col: number; at: number }[] {
  const out: { col: number; at: number }[] = [];
  let col = 0;
  let gap = 0;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (ch === ' ' || ch === '\u3000') {
      gap += displayWidth(ch);
    } else {
      if (i === 0 || gap >= 3) out.push({ col, at: i });
      gap = 0;
    }
    col += displayWidth(ch);
  }
  return out;
}

/** The text without the balloons of a draft printed with markup, and what was cut; null where it has none. */
export function stripMarkupBalloons(text: string): { text: string; removed: Removal[] } | null {
  const lines = text.split('\n');
  const opens = new Map<number, number>();
  lines.forEach((l) => {
    for (const p of piecesOf(l)) if (p.col >= 40 && RE_BALLOON.test(l.slice(p.at))) opens.set(p.col, (opens.get(p.col) ?? 0) + 1);
  });
  const [column, count] = [...opens].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0] ?? [0, 0];
  if (count < 2) return null;
  const near = (col: number): boolean => Math.abs(col - column) <= 2;
  const removed: Removal[] = [];
  let balloon: string[] | null = null;
  const close = (): void => {
    if (balloon) removed.push(unplaced('revision', balloon.join('')));
    balloon = null;
  };
  const out = lines.map((l) => {
    const piece = piecesOf(l).find((p) => near(p.col) && (p.at === 0 || /[ \u3000]{3}$/.test(l.slice(0, p.at)) || l.slice(0, p.at).trim() === ''));
    const rest = piece ? l.slice(piece.at).trim() : '';
    if (!piece || (balloon === null && !RE_BALLOON.test(rest))) {
      close();
      return l;
    }
    if (RE_BALLOON.test(rest)) close();
    (balloon ??= []).push(rest);
    return l.slice(0, piece.at).trimEnd();
  });
  close();
  return { text: out.join('\n'), removed };
}
