/**
 * The ruling lines a PDF page draws (table borders), from its operator list: thin filled
 * rectangles (how Chromium and Word draw a cell's border) and stroked horizontal or vertical
 * segments (LibreOffice, a rectangle's outline), in page units through the transformation in force
 * (`cm` and form matrices, with `q`/`Q` nesting). Pure: `pdfjs.ts` passes the operator list of a
 * page whose text may hold a table (`mayHoldTable`), and `pdf-layout.ts` reads tables from them.
 */
import type { Rule } from './pdf-layout.js';

export type Matrix = readonly [number, number, number, number, number, number];
export const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
/** `m` after `n`: the matrix `n` is concatenated to (a `cm` operator on the transformation `m`). */
export const multiply = (m: Matrix, n: readonly number[]): Matrix => [
  m[0] * n[0]! + m[2] * n[1]!,
  m[1] * n[0]! + m[3] * n[1]!,
  m[0] * n[2]! + m[2] * n[3]!,
  m[1] * n[2]! + m[3] * n[3]!,
  m[0] * n[4]! + m[2] * n[5]! + m[4],
  m[1] * n[4]! + m[3] * n[5]! + m[5],
];

/** Thicker than this, a rectangle is a shaded area, not a rule (points). */
const THIN = 3;
/** Shorter than this, a segment is a tick or a dot, not a rule (points). */
const SHORT = 4;
/** More rules than this on a page: a drawing, not a table (its rules are not read). */
const MAX_RULES = 4000;

/** pdf.js's path operators inside a `constructPath` (its `DrawOPS`). */
const MOVE = 0;
const LINE = 1;
const CURVE = 2;
const QUAD = 3;
const CLOSE = 4;

const STROKES = ['stroke', 'closeStroke', 'fillStroke', 'eoFillStroke', 'closeFillStroke', 'closeEOFillStroke'];
const FILLS = ['fill', 'eoFill', 'fillStroke', 'eoFillStroke', 'closeFillStroke', 'closeEOFillStroke'];

/** The rules a page's operator list draws; empty for a page of more than `MAX_RULES`. */
export function pageRules(fnArray: readonly number[], argsArray: readonly unknown[], OPS: Readonly<Record<string, number>>): Rule[] {
  const strokes = new Set(STROKES.map((k) => OPS[k]).filter((v): v is number => v !== undefined));
  const fills = new Set(FILLS.map((k) => OPS[k]).filter((v): v is number => v !== undefined));
  let ctm: Matrix = IDENTITY;
  const stack: Matrix[] = [];
  const rules: Rule[] = [];
  const at = (x: number, y: number): [number, number] => [ctm[0] * x + ctm[2] * y + ctm[4], ctm[1] * x + ctm[3] * y + ctm[5]];
  const add = (x0: number, y0: number, x1: number, y1: number): void => {
    const r = { x0: Math.min(x0, x1), y0: Math.min(y0, y1), x1: Math.max(x0, x1), y1: Math.max(y0, y1) };
    const w = r.x1 - r.x0;
    const h = r.y1 - r.y0;
    if ((h <= THIN && w >= SHORT) || (w <= THIN && h >= SHORT)) rules.push(r);
  };
  for (let i = 0; i < fnArray.length && rules.length <= MAX_RULES; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as unknown[] | null;
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform && args) ctm = multiply(ctm, args as number[]);
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push(ctm);
      const m = args?.[0] as ArrayLike<number> | null | undefined;
      if (m && m.length === 6) ctm = multiply(ctm, Array.from(m));
    } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.constructPath && args) {
      const paint = args[0] as number;
      const stroke = strokes.has(paint);
      const fill = fills.has(paint);
      if (!stroke && !fill) continue;
      const data = (args[1] as unknown[] | null | undefined)?.[0] as ArrayLike<number> | null | undefined;
      if (!data || typeof data.length !== 'number') continue;
      for (const sub of subpaths(data)) {
        const pts = sub.points.map(([x, y]) => at(x, y));
        if (stroke) for (let k = 1; k < pts.length; k++) add(pts[k - 1]![0], pts[k - 1]![1], pts[k]![0], pts[k]![1]);
        if (fill && !sub.curved && pts.length >= 4 && pts.length <= 5 && rectangle(pts)) {
          const xs = pts.map((p) => p[0]);
          const ys = pts.map((p) => p[1]);
          add(Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys));
        }
      }
    }
  }
  return rules.length > MAX_RULES ? [] : rules;
}

/** The subpaths of a path in pdf.js's encoding: each a polyline (a closed one ends at its start). */
function subpaths(data: ArrayLike<number>): { points: [number, number][]; curved: boolean }[] {
  const out: { points: [number, number][]; curved: boolean }[] = [];
  let cur: { points: [number, number][]; curved: boolean } | null = null;
  for (let i = 0; i < data.length; ) {
    const op = data[i++];
    if (op === MOVE) {
      cur = { points: [[data[i]!, data[i + 1]!]], curved: false };
      out.push(cur);
      i += 2;
    } else if (op === LINE) {
      cur?.points.push([data[i]!, data[i + 1]!]);
      i += 2;
    } else if (op === CURVE) {
      if (cur) {
        cur.curved = true;
        cur.points.push([data[i + 4]!, data[i + 5]!]);
      }
      i += 6;
    } else if (op === QUAD) {
      if (cur) {
        cur.curved = true;
        cur.points.push([data[i + 2]!, data[i + 3]!]);
      }
      i += 4;
    } else if (op === CLOSE) {
      if (cur && cur.points.length > 1) cur.points.push(cur.points[0]!);
      cur = null;
    } else break;
  }
  return out;
}

/** Whether the corners of a closed path are those of an upright rectangle. */
function rectangle(pts: readonly [number, number][]): boolean {
  const xs = new Set(pts.map((p) => Math.round(p[0] * 10)));
  const ys = new Set(pts.map((p) => Math.round(p[1] * 10)));
  return xs.size <= 2 && ys.size <= 2;
}
