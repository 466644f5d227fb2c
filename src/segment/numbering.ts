/**
 * The numbering checks of `segment`: each number against the one before it of its sequence (items
 * of a list, directions, table rows, parts). Each returns the problem found, or pushes it, at the
 * heading that shows it.
 */
import { printed, type Marker } from '../lexicon/markers.js';
import type { Paragraph } from '../reflow/index.js';
import type { StructureProblem } from './tree.js';

/**
 * Direction numbers run `major.minor`. After `a.b` come `a.(b+1)`, or `(a+1).1` (a new group), or
 * `(a+1).0` after `a.9` (numbering that rolls over like a decimal, as the seed's `1.9 → 2.0`).
 */
export function checkDirection(last: number, m: Marker, p: Paragraph, problems: StructureProblem[]): void {
  const [a, b] = [Math.floor(last / 100), last % 100];
  const [c, d] = [Math.floor(m.value / 100), m.value % 100];
  const id = m.key;
  const prev = `${a}.${b}`;
  if (c === a && d === b + 1) return;
  if (c === a + 1 && d === 1) return;
  if (c === a + 1 && d === 0 && b === 9) {
    problems.push({
      code: 'numbering-rollover',
      severity: 'info',
      message: `direction ${id} follows ${prev}: the numbering rolls over like a decimal (${a}.10 would continue the group)`,
      at: p,
      stated: id,
      expected: `${a}.10`,
      directionId: id,
    });
    return;
  }
  const duplicate = m.value <= last;
  problems.push({
    code: duplicate ? 'numbering-duplicate' : 'numbering-gap',
    severity: 'warning',
    message: duplicate ? `direction ${id} repeats or goes back after ${prev}` : `direction ${id} follows ${prev}: ${a}.${b + 1} is missing`,
    at: p,
    stated: id,
    expected: `${a}.${b + 1}`,
    directionId: id,
  });
}

/**
 * `1.1.1` directions: only a gap within one `1.1` group is told (`2.1.1`, then `2.1.3`); a change of
 * group or depth is not (mixed depths: `1.1.2`, then `2.1`). The second half of a direction split
 * in two (`1.1.2B` after `1.1.2A`) has the same number.
 */
export function checkDecimal3(last: number | null, m: Marker, p: Paragraph): StructureProblem | null {
  const split = /[B-F]$/.test(m.key) && m.value === last;
  if (m.type !== 'decimal3' || split || last === null || Math.floor(last / 100) !== Math.floor(m.value / 100) || m.value === last + 1) return null;
  const duplicate = m.value <= last;
  const expected = `${Math.floor(m.value / 10000)}.${Math.floor(m.value / 100) % 100}.${(last % 100) + 1}`;
  return {
    code: duplicate ? 'numbering-duplicate' : 'numbering-gap',
    severity: 'warning',
    message: duplicate ? `direction ${m.text} repeats or goes back` : `direction ${m.text} follows ${m.key.replace(/\d+$/, String(last % 100))}: ${expected} is missing`,
    at: p,
    stated: m.text,
    expected,
    directionId: m.key,
  };
}

/** Single-level direction numbers: they run on, or start again at 1 in each part. */
export function checkSingleLevel(last: number | null, m: Marker, p: Paragraph): StructureProblem | null {
  const restart = m.value === 1 && last !== null;
  const expected = restart || last === null ? 1 : last + 1;
  if (m.value === expected) return null;
  const duplicate = last !== null && m.value <= last;
  return {
    code: duplicate ? 'numbering-duplicate' : 'numbering-gap',
    severity: 'warning',
    message: duplicate
      ? `direction ${m.text} repeats or goes back after ${printed(m.type, last!)}`
      : `direction ${m.text} follows ${last === null ? 'the start' : printed(m.type, last)}: ${printed(m.type, expected)} is missing`,
    at: p,
    stated: m.text,
    expected: printed(m.type, expected),
    directionId: m.key,
  };
}

/**
 * The 序号 of a table's row against the row above it (`id`: the direction id the row gets).
 * `1.1`-style rows go on as headings do: `2.1` after `1.9` a new group, `2.0` a roll-over.
 */
export function checkRow(last: Marker | null, m: Marker, p: Paragraph, id: string, problems: StructureProblem[]): void {
  if (last === null || last.type !== m.type || m.value === last.value + 1) return;
  if (m.type === 'decimal') {
    checkDirection(last.value, m, p, problems);
    return;
  }
  const duplicate = m.value <= last.value;
  problems.push({
    code: duplicate ? 'numbering-duplicate' : 'numbering-gap',
    severity: 'warning',
    message: duplicate
      ? `row ${m.text} repeats or goes back after ${printed(m.type, last.value)}`
      : `row ${m.text} follows ${printed(m.type, last.value)}: ${printed(m.type, last.value + 1)} is missing`,
    at: p,
    stated: m.text,
    expected: printed(m.type, last.value + 1),
    directionId: id,
  });
}

/** A list item's number against the last of its type in the same container (`last`, undefined for the first). */
export function checkItemNumber(last: number | undefined, m: Marker, p: Paragraph, directionId: string | null): StructureProblem | null {
  const expected = last === undefined ? 1 : last + 1;
  // Markdown's lazy numbering (`1.` on every item, shown 1, 2, 3): no repeat.
  const lazy = m.type === 'arabic-dot' && m.value === 1 && last === 1;
  if (m.value === expected || lazy) return null;
  const duplicate = last !== undefined && m.value <= last;
  return {
    code: duplicate ? 'numbering-duplicate' : last === undefined ? 'numbering-start' : 'numbering-gap',
    severity: 'warning',
    message: duplicate
      ? `${m.text} repeats or goes back after ${printed(m.type, last)}`
      : last === undefined
        ? `list starts at ${m.text} instead of ${printed(m.type, 1)}`
        : `${m.text} follows ${printed(m.type, last)}: ${printed(m.type, expected)} is missing`,
    at: p,
    stated: m.text,
    expected: printed(m.type, expected),
    directionId,
  };
}

/** A part's number against the last of its kind (`一、` and `第一部分` count apart). */
export function checkPart(last: number, m: Marker, p: Paragraph): StructureProblem | null {
  // (`一、` again after `四、`: a new sequence, as an annex, another sheet of a workbook or a second
  // document part starts one, no duplicate.)
  if (m.value === last + 1 || (m.value === 1 && last > 1)) return null;
  return {
    code: m.value <= last ? 'numbering-duplicate' : 'numbering-gap',
    severity: 'warning',
    message: `part ${m.text} follows ${last === 0 ? 'the start' : printed(m.type, last)}; expected ${printed(m.type, last + 1)}`,
    at: p,
    stated: m.text,
    expected: printed(m.type, last + 1),
    directionId: null,
  };
}

