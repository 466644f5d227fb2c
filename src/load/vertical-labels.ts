/**
 * Forms whose labels are written down a narrow column, one character a line (`方` / `向` / `名` /
 * `称`), beside their values, as `pdftotext -layout` prints a Word table whose label cells are a
 * character wide: each row's characters read as its label and written before its value
 * (`方向名称：离子型稀土矿…`), the value's lines after it, so that a later stage reads the fields as
 * any `标签：值`. A label a page break cuts (`考` at one page's foot, `核` / `指` / `标` at the next
 * page's head) is read whole. Only where the text has three such rows with known labels or more:
 * a line of prose never opens with a lone character and a gap. Pure.
 */
import { labelsOf } from '../lexicon/fields.js';
import type { Removal } from '../types.js';
import { unplaced } from './blocks.js';

/** A line of the label column: a lone character at the margin, then (after a gap) the value's text or nothing. */
const RE_LABEL_LINE = /^(\f?[ \u3000]{0,6})([\u4e00-\u9fff])(?:[ \u3000]{2,}(\S.*?))?[ \u3000]*$/;
/** A line of the value column alone (the label column empty beside it). */
const RE_VALUE_LINE = /^(\f?[ \u3000]{5,})(\S.*?)[ \u3000]*$/;
/** What a page break leaves between the two halves of a row: blank lines, a page number. */
const RE_BREAK_LINE = /^\s*(?:[—–-]\s*\d{1,3}\s*[—–-]|第\s*\d+\s*页(?:\s*共\s*\d+\s*页)?|\d{1,3})?\s*$/;

interface Row {
  /** Lines of the row in the text: `[first, last]`. */
  readonly first: number;
  readonly last: number;
  readonly label: string;
  /** The value's text on each of the row's lines that has some. */
  readonly values: string[];
}

const KNOWN: ReadonlySet<string> = new Set(labelsOf());

/** The row starting at line `i` (a label line), or null. */
function rowAt(lines: readonly string[], i: number): Row | null {
  const first = RE_LABEL_LINE.exec(lines[i]!);
  if (!first) return null;
  let label = '';
  const values: string[] = [];
  let j = i;
  for (; j < lines.length; j++) {
    const l = RE_LABEL_LINE.exec(lines[j]!);
    if (l) {
      label += l[2]!;
      if (l[3]) values.push(l[3]);
      continue;
    }
    const v = RE_VALUE_LINE.exec(lines[j]!);
    // (A value's line beside an empty label cell, never a line at the margin.)
    if (v && v[1]!.length > first[1]!.length + 2 && j > i) {
      values.push(v[2]!);
      continue;
    }
    break;
  }
  return label.length >= 1 ? { first: i, last: j - 1, label, values } : null;
}

/** The text with each vertical-label row written as `标签：值`, and what was logged; null where the text has none. */
export function rebuildVerticalLabels(text: string): { text: string; removed: Removal[] } | null {
  const lines = text.split('\n');
  const rows: Row[] = [];
  for (let i = 0; i < lines.length; i++) {
    const row = rowAt(lines, i);
    if (!row) continue;
    // (A label of one character is only a half a page break cut, or no label.)
    rows.push(row);
    i = row.last;
  }
  // Rows whose characters are half a label: joined with the next row past a page break.
  const joined: { rows: Row[]; label: string }[] = [];
  for (let k = 0; k < rows.length; k++) {
    const row = rows[k]!;
    const next = rows[k + 1];
    const between = next ? lines.slice(row.last + 1, next.first) : [];
    if (!KNOWN.has(row.label) && next && between.length <= 8 && between.every((l) => RE_BREAK_LINE.test(l)) && between.some((l) => l.trim() !== '') && KNOWN.has(row.label + next.label)) {
      joined.push({ rows: [row, next], label: row.label + next.label });
      k++;
    } else joined.push({ rows: [row], label: row.label });
  }
  // (Down two lines or more: a label, never a word at the margin.)
  const tall = (r: { rows: Row[] }): boolean => r.rows.reduce((n, x) => n + x.last - x.first + 1, 0) >= 2;
  const known = joined.filter((r) => KNOWN.has(r.label) && r.label.length >= 2 && tall(r));
  if (known.length < 3) return null;
  // Labels the lexicon lacks are rows too where the form's others are known (`企业牵头`, `配套要求`): two characters or more down the column.
  const taken = joined.filter((r) => r.label.length >= 2 && r.label.length <= 10 && tall(r));
  const removed: Removal[] = [];
  const out: string[] = [];
  let at = 0;
  for (const r of taken) {
    const [head, tail] = r.rows;
    out.push(...lines.slice(at, head!.first));
    // (A page's form feed before the row's first line stays before it.)
    const feed = lines[head!.first]!.startsWith('\f') ? '\f' : '';
    // (A list of choices over two lines, `□基础研究类  ☑共性关键技术类` / `□示范应用类  □青年科学家项目`: one line.)
    const values = head!.values.length > 1 && head!.values.every((v) => /^(?:[□☐☑☒■✓✔][^□☐☑☒■✓✔\s]{1,16}[ \u3000]*)+$/.test(v)) ? [head!.values.join('  ')] : head!.values;
    out.push(`${feed}${r.label}：${values[0] ?? ''}`, ...values.slice(1));
    at = head!.last + 1;
    if (tail) {
      const feed = lines[tail.first]!.startsWith('\f') ? '\f' : '';
      out.push(...lines.slice(at, tail.first), ...tail.values.map((v, k) => (k === 0 ? `${feed}${v}` : v)));
      at = tail.last + 1;
    }
    removed.push(unplaced('table-layout', r.rows.map((x) => x.label).join(' / ')));
  }
  out.push(...lines.slice(at));
  return { text: out.join('\n'), removed };
}
