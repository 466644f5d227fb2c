/**
 * The `history` stage: a series of versions of a guideline (years, batches, drafts and finals) →
 * lines of directions across them. Pure and deterministic: no file system, no clock.
 *
 * Alignment is the diff's, generalised from two versions to N. Each document is aligned first with
 * the document before it, exactly as `diff` aligns that pair (so a line's changes between
 * neighbours are the diff's changes); its directions left over are then aligned, the same way,
 * with the lines absent from that document (each by its latest version; only where they share a
 * partner, or neither names one, or the titles are equal), so a direction missing from one version
 * and back in a later one rejoins its line; what is still left starts a new line. Directions are
 * matched by content (partners, title, agreements), never by printed number.
 */
import { alignDirections, compareDirections, totalsOf } from '../diff/index.js';
import type { Change } from '../schema/diff.js';
import { perProjectCapCNY, type Direction, type Guideline } from '../schema/guideline.js';
import { GuidelineHistory, HISTORY_SCHEMA_VERSION, type HistoryCell, type HistoryDocument, type HistoryLine, type HistoryTotals } from '../schema/history.js';

export interface HistoryOptions {
  /**
   * `sorted`: by year, then batch, then status (draft before final, unknown last), then file
   * name; `given`: in the order of `docs`.
   * @default 'sorted'
   */
  readonly order?: 'sorted' | 'given';
}

const STATUS_RANK: Readonly<Record<Guideline['document']['status'], number>> = { draft: 0, final: 1, unknown: 2 };
/** Numbers ascending, unknown (null) last. */
const nullsLast = (a: number | null, b: number | null): number => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a - b);
/** Code-unit order: the same on every machine, whatever its locale. */
const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const fileName = (g: Guideline): string => g.document.source.path.replace(/^.*[\\/]/, '');

/** The order of a series: year, batch, status (draft before final), then file name and path. */
export function compareDocuments(a: Guideline, b: Guideline): number {
  const x = a.document;
  const y = b.document;
  return (
    nullsLast(x.year, y.year) ||
    nullsLast(x.batch, y.batch) ||
    STATUS_RANK[x.status] - STATUS_RANK[y.status] ||
    byCodeUnit(fileName(a), fileName(b)) ||
    byCodeUnit(x.source.path, y.source.path)
  );
}

/** The documents in series order (a copy; documents equal in every respect keep their order). */
export function orderDocuments(docs: readonly Guideline[]): Guideline[] {
  return [...docs].sort(compareDocuments);
}

/** A line while it is built: its first and latest versions, and one cell per document. */
interface Building {
  readonly first: Direction;
  latest: { readonly direction: Direction; readonly doc: number };
  readonly cells: (HistoryCell | null)[];
}

function cellOf(d: Direction, previous: number | null, changes: Change[]): HistoryCell {
  const cap = perProjectCapCNY(d);
  return {
    id: d.id,
    title: d.title,
    partners: d.partners.map((p) => p.name),
    projectCount: d.projectCount
      ? { value: d.projectCount.value, qualifier: d.projectCount.qualifier, ...(d.projectCount.min === undefined ? {} : { min: d.projectCount.min }) }
      : null,
    funding: d.funding ? { amountCNY: d.funding.amountCNY, qualifier: d.funding.qualifier, ...(d.funding.minCNY === undefined ? {} : { minCNY: d.funding.minCNY }) } : null,
    perProjectCap: cap === null ? null : { amountCNY: cap },
    duration: d.duration
      ? { minYears: d.duration.minYears, maxYears: d.duration.maxYears, qualifier: d.duration.qualifier, hedge: d.duration.hedge, inherited: d.duration.inherited }
      : null,
    previous,
    changes,
  };
}

/**
 * Where a new line goes: after the line of the direction before it in its document, else before
 * the line of the first direction after it that has one, else at the end.
 */
function insertLine(lines: Building[], line: Building, lineOf: readonly (Building | undefined)[], j: number): void {
  for (let i = j - 1; i >= 0; i--) {
    const before = lineOf[i];
    if (before) {
      lines.splice(lines.indexOf(before) + 1, 0, line);
      return;
    }
  }
  for (let i = j + 1; i < lineOf.length; i++) {
    const after = lineOf[i];
    if (after) {
      lines.splice(lines.indexOf(after), 0, line);
      return;
    }
  }
  lines.push(line);
}

function documentOf(g: Guideline): HistoryDocument {
  const { id, title, year, batch, status, source } = g.document;
  return { id, title, year, batch, status, source: source.path };
}

function totals(g: Guideline): HistoryTotals {
  const computed = totalsOf(g);
  const s = g.summary;
  return {
    directions: { stated: s.directionCount?.value ?? null, computed: computed.directions },
    projects: {
      stated: s.projectCount?.value ?? null,
      qualifier: s.projectCount?.qualifier ?? null,
      computed: computed.projects,
      unstated: g.directions.filter((d) => d.projectCount === null || d.projectCount.inherited).length,
    },
    funding: {
      statedCNY: s.fundingTotal?.amountCNY ?? null,
      qualifier: s.fundingTotal?.qualifier ?? null,
      computedCNY: computed.fundingCNY,
      unstated: g.directions.filter((d) => d.funding === null).length,
    },
  };
}

/**
 * Whether a direction may rejoin a line last seen before the document just before: they share a
 * partner, or neither names one, or their titles are equal. Without this every direction left over
 * would be scored against every line ever dropped, and a long series of ever-new directions would
 * take seconds per document; with it, what a returning direction is matched with is what `diff`
 * would match it with (a pair without a common partner scores at most 0.6 there, and needs a
 * near-identical title and agreement to pass 0.55).
 */
function mayRejoin(line: Direction, d: Direction): boolean {
  if (line.title === d.title) return true;
  if (line.partners.length === 0 || d.partners.length === 0) return line.partners.length === d.partners.length;
  return line.partners.some((p) => d.partners.some((q) => q.name === p.name));
}

/** `越南|中国和越南政府间联合研究项目`, from the line's first version; repeats get `#2`, `#3`, … */
function keys(lines: readonly Building[]): string[] {
  const seen = new Map<string, number>();
  return lines.map((l) => {
    const base = `${l.first.partners.map((p) => p.name).join('、')}|${l.first.title}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}#${n}`;
  });
}

/** The history of a series of versions. Pure and deterministic; the result is validated. */
export function history(docs: readonly Guideline[], options: HistoryOptions = {}): GuidelineHistory {
  const order = options.order ?? 'sorted';
  const series = order === 'sorted' ? orderDocuments(docs) : [...docs];
  const lines: Building[] = [];
  /** The line of each direction of the document before. */
  let previousLineOf: Building[] = [];
  series.forEach((doc, k) => {
    const dirs = doc.directions;
    const lineOf = new Array<Building | undefined>(dirs.length).fill(undefined);
    if (k > 0) {
      // With the document before, as `diff` would pair them.
      for (const p of alignDirections(series[k - 1]!.directions, dirs)) lineOf[p.b] = previousLineOf[p.a];
      // What is left, with the lines that document did not have (each as last seen), where they
      // could be one direction: a partner in common, or neither has partners, or the same title.
      const dormant = lines.filter((l) => l.latest.doc < k - 1);
      const rest = dirs.map((_, j) => j).filter((j) => lineOf[j] === undefined);
      if (dormant.length > 0 && rest.length > 0) {
        const pairs = alignDirections(
          dormant.map((l) => l.latest.direction),
          rest.map((j) => dirs[j]!),
          { candidate: mayRejoin },
        );
        for (const p of pairs) lineOf[rest[p.b]!] = dormant[p.a];
      }
    }
    dirs.forEach((d, j) => {
      const line = lineOf[j];
      if (!line) return;
      line.cells[k] = cellOf(d, line.latest.doc, compareDirections(line.latest.direction, d));
      line.latest = { direction: d, doc: k };
    });
    dirs.forEach((d, j) => {
      if (lineOf[j]) return;
      const line: Building = { first: d, latest: { direction: d, doc: k }, cells: new Array<HistoryCell | null>(series.length).fill(null) };
      line.cells[k] = cellOf(d, null, []);
      insertLine(lines, line, lineOf, j);
      lineOf[j] = line;
    });
    previousLineOf = lineOf as Building[];
  });

  const lineKeys = keys(lines);
  const result: GuidelineHistory = {
    schemaVersion: HISTORY_SCHEMA_VERSION,
    order,
    documents: series.map(documentOf),
    lines: lines.map(
      (l, i): HistoryLine => ({
        key: lineKeys[i]!,
        title: l.latest.direction.title,
        partners: l.latest.direction.partners.map((p) => p.name),
        versions: l.cells,
      }),
    ),
    totals: series.map(totals),
  };
  return GuidelineHistory.parse(result);
}

/**
 * Two versions of one call (draft and final of 2025年第一批): same year and batch. A direction
 * missing from the later one was dropped; a later batch or year is another call, where a direction
 * of the one before is not "dropped", only not there.
 */
export function sameCall(a: HistoryDocument, b: HistoryDocument): boolean {
  return a.year !== null && a.year === b.year && a.batch === b.batch;
}

/**
 * What a cell is, read against the document before: `new` (the line starts here), `returned` (back
 * after an absence), `modified`, `unchanged` (perhaps renumbered); for an empty cell `dropped` (the
 * document before, a version of the same call, had it) or `absent`.
 */
export type CellState = 'new' | 'returned' | 'modified' | 'unchanged' | 'dropped' | 'absent';

export function cellState(h: Pick<GuidelineHistory, 'documents'>, line: HistoryLine, k: number): CellState {
  const cell = line.versions[k];
  if (!cell) return k > 0 && line.versions[k - 1] && sameCall(h.documents[k - 1]!, h.documents[k]!) ? 'dropped' : 'absent';
  if (cell.previous === null) return 'new';
  if (cell.previous < k - 1) return 'returned';
  return cell.changes.length > 0 ? 'modified' : 'unchanged';
}
