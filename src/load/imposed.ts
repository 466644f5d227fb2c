/**
 * A booklet's print file through `pdftotext -layout`: two pages side by side on each sheet, in the
 * order the sheets are printed and folded (imposition: `[12|1]`, `[2|11]`, `[10|3]`, …), each
 * half's page number at its foot, two to a line (`— 2 —          — 11 —`). Each sheet is cut at the
 * gap between its halves and the pages are put back in the order of their numbers, each with its
 * foot, so that a later stage reads one page after another. A sheet without numbers (the cover
 * and the back cover) takes the pair the others leave (every sheet's two numbers add up to the same
 * sum; the even page stands left). Only where the halves are out of order: two pages side by side in
 * reading order are read as two-column pages are. Pure.
 */
import { displayWidth } from '../lexicon/chars.js';
import type { Removal } from '../types.js';
import { unplaced } from './blocks.js';

/** Two page numbers on one line, each in its dashes (`— 2 —   — 11 —`, `- 2 -   - 11 -`) or `第2页   第11页`. */
const RE_TWO_FEET = /^\s*(?:[—–-]\s*(\d{1,3})\s*[—–-]|第\s*(\d{1,3})\s*页)\s{3,}(?:[—–-]\s*(\d{1,3})\s*[—–-]|第\s*(\d{1,3})\s*页)\s*$/;

interface Sheet {
  readonly lines: string[];
  feet: [number, number] | null;
}

/** Each character's display column in a line. */
function columns(line: string): number[] {
  const out: number[] = [];
  let col = 0;
  for (const ch of line) {
    out.push(col);
    col += displayWidth(ch);
    if (ch.length === 2) out.push(col);
  }
  return out;
}

/** The display columns `[from, to)` of the widest band that no line of the sheet has text in, in its middle half; null where none is four columns wide. */
function gutterOf(lines: readonly string[]): [number, number] | null {
  const width = Math.max(0, ...lines.map((l) => displayWidth(l)));
  if (width < 40) return null;
  const inked = new Uint16Array(width + 1);
  for (const l of lines) {
    const cols = columns(l);
    for (let i = 0; i < l.length; i++) if (!/[\s\u3000]/.test(l[i]!)) for (let c = cols[i]!; c < cols[i]! + displayWidth(l[i]!); c++) inked[c]!++;
  }
  let best: [number, number] | null = null;
  for (let c = Math.floor(width * 0.25); c < Math.ceil(width * 0.75); c++) {
    if (inked[c] !== 0) continue;
    let e = c;
    while (e < width && inked[e] === 0) e++;
    if (!best || e - c > best[1] - best[0]) best = [c, e];
    c = e;
  }
  return best && best[1] - best[0] >= 4 ? best : null;
}

/** A line's text left of display column `from` and from column `to` on. */
function cut(line: string, from: number, to: number): [string, string] {
  const cols = columns(line);
  let a = line.length;
  let b = line.length;
  for (let i = 0; i < line.length; i++) {
    if (cols[i]! >= from && a === line.length) a = i;
    if (cols[i]! >= to) {
      b = i;
      break;
    }
  }
  return [line.slice(0, a).trimEnd(), line.slice(b).trimEnd()];
}

/** The text with a booklet's imposed sheets read page by page in the order of their numbers; null where it is none. */
export function rebuildImposedSheets(text: string): { text: string; removed: Removal[] } | null {
  const sheets: Sheet[] = text.split('\f').map((s) => ({ lines: s.split('\n'), feet: null }));
  if (sheets.length < 2) return null;
  for (const s of sheets) {
    for (let k = s.lines.length - 1; k >= 0; k--) {
      const m = RE_TWO_FEET.exec(s.lines[k]!);
      if (!m) continue;
      s.feet = [Number(m[1] ?? m[2]), Number(m[3] ?? m[4])];
      s.lines.splice(k, 1);
      break;
    }
  }
  const numbered = sheets.filter((s) => s.feet !== null);
  // Imposed: two sheets numbered or more, one pair's sum throughout, and a sheet whose halves are out of reading order.
  if (numbered.length < 2) return null;
  const sum = numbered[0]!.feet![0] + numbered[0]!.feet![1];
  if (!numbered.every((s) => s.feet![0] + s.feet![1] === sum) || !numbered.some((s) => s.feet![1] !== s.feet![0] + 1)) return null;
  // Sheets without numbers take the pairs left over, in turn, the even page left.
  const used = new Set(numbered.flatMap((s) => s.feet!));
  const left = Array.from({ length: sum - 1 }, (_, k) => k + 1).filter((n) => !used.has(n) && n * 2 !== sum);
  for (const s of sheets) {
    if (s.feet !== null || s.lines.every((l) => l.trim() === '')) continue;
    const even = left.find((n) => n % 2 === 0);
    if (even === undefined) return null;
    s.feet = [even, sum - even];
    left.splice(left.indexOf(even), 1);
    left.splice(left.indexOf(sum - even), 1);
  }
  const pages: { n: number; lines: string[] }[] = [];
  for (const s of sheets) {
    if (s.feet === null) continue;
    const gutter = gutterOf(s.lines.filter((l) => l.trim() !== ''));
    const halves: [string[], string[]] = [[], []];
    for (const l of s.lines) {
      const [a, b] = gutter ? cut(l, gutter[0], gutter[1]) : [l.trimEnd(), ''];
      halves[0].push(a);
      halves[1].push(b);
    }
    // (Each half without the margin all its lines share: the left page's and the right page's text
    // start alike, their own indents kept.)
    const flush = (half: string[]): string[] => {
      const margin = Math.min(...half.filter((l) => l.trim() !== '').map((l) => /^ */.exec(l)![0].length));
      return Number.isFinite(margin) && margin > 0 ? half.map((l) => l.slice(Math.min(margin, /^ */.exec(l)![0].length))) : half;
    };
    pages.push({ n: s.feet[0], lines: flush(halves[0]) }, { n: s.feet[1], lines: flush(halves[1]) });
  }
  pages.sort((a, b) => a.n - b.n);
  const out = pages.map((p) => [...p.lines, '', `— ${p.n} —`].join('\n')).join('\n\f');
  const order = sheets.filter((s) => s.feet !== null).map((s) => `${s.feet![0]}|${s.feet![1]}`).join(' ');
  return { text: out, removed: [unplaced('page-order', `拼版页序 ${order} → 按页码 1–${sum - 1}`)] };
}
