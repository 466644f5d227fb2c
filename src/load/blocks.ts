/**
 * The loaded text of a structured document (an HTML page, a Word file), built from its blocks: each
 * paragraph, heading or list item is one line (its line breaks, `<br>` or Word's, are line breaks),
 * each table row is one line `| cell | cell |`. The readers (`html.ts`, `docx.ts`) find the blocks;
 * this file turns them into the text, the per-line block and table maps, and logs what it removes
 * (indentation). Pure.
 */
import type { Removal, TableLine } from '../types.js';
import { documentColumnOf, type DocumentColumn } from '../lexicon/columns.js';

/** What a reader left out of the text, logged without a place (it never reaches the loaded text). */
export const unplaced = (kind: Removal['kind'], text: string): Removal => ({ kind, text, line: null, start: null, end: null, page: null });

/** Text written into HTML as text (`<` and `&` escaped): a heading a reader puts before a page's markup. */
export const htmlText = (t: string): string => t.replace(/[<&]/g, (c) => (c === '<' ? '&lt;' : '&amp;'));

/** A paragraph, heading or list item: its lines, as the document breaks them. */
export interface TextBlock {
  readonly kind: 'text';
  readonly lines: readonly string[];
  /** A heading's level (`<h2>` → 2), where the document marks the block as one. */
  readonly heading?: number;
}

/** A table: its rows, each with one text per grid column (a merged cell repeated in each column it covers). */
export interface TableBlock {
  readonly kind: 'table';
  readonly rows: readonly (readonly string[])[];
}

export type Block = TextBlock | TableBlock;

export interface BuiltText {
  readonly text: string;
  readonly blockOfLine: number[];
  readonly tableOfLine: (TableLine | null)[];
  /** The heading level of each line of a heading block, null for other lines; absent where there is none. */
  readonly headingOfLine?: (number | null)[];
  readonly blocks: number;
  readonly tables: number;
  readonly removed: Removal[];
}

/** White space a line may start with: spaces, tabs, no-break spaces (`&nbsp;`), ideographic spaces. */
const LEAD = /^[ \t\u00a0\u3000\u2002\u2003\u2009\u200b\ufeff]+/;
const TRAIL = /[ \t\u00a0\u3000\u2002\u2003\u2009\u200b\ufeff]+$/;

/** CJK characters and CJK/full-width punctuation: no space is put between them when lines join. */
const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f\u2014\u2018-\u201d\u2026]/;

/** Joins two pieces of text that a line break parted: no space where either side is CJK. */
export function joinCjk(a: string, b: string): string {
  if (a === '') return b;
  if (b === '') return a;
  return CJK.test(a.slice(-1)) || CJK.test(b.charAt(0)) ? a + b : `${a} ${b}`;
}

/**
 * `cellText` of lines read by OCR, with each code unit's confidence carried along (`fill` for what
 * the joining adds: a space between Latin words).
 */
export function cellTextWithConfidence(lines: readonly { readonly text: string; readonly confidence: readonly number[] | null }[], fill: number): { text: string; confidence: number[] } {
  let out = '';
  const confidence: number[] = [];
  for (const line of lines) {
    const lead = LEAD.exec(line.text)?.[0].length ?? 0;
    const trail = TRAIL.exec(line.text.slice(lead))?.[0].length ?? 0;
    const piece = line.text.slice(lead, line.text.length - trail);
    const own = (line.confidence ?? []).slice(lead, line.text.length - trail);
    while (own.length < piece.length) own.push(fill);
    const joined = joinCjk(out, piece);
    if (joined.length > out.length + piece.length) confidence.push(fill);
    confidence.push(...own);
    out = joined;
  }
  return { text: out.replace(/\|/g, '｜').replace(/[\r\n]/g, ' '), confidence };
}

/** The text of a table cell: its lines joined on one line, `|` written as `｜`. */
/** A line that starts with an item's number: `2.`, `2、`, `（2）`, `②` (never `2.5`). */
const RE_ITEM_START = /^(?:\d{1,2}[.．、](?![\d.．])|[（(]\d{1,2}[）)]|[\u2460-\u2473])/;

export function cellText(lines: readonly string[], apart = false): string {
  let out = '';
  // (`apart`: the cell's line breaks were typed, as a spreadsheet's are, Alt+Enter: three short lines
  // or more that end no clause are a list's items, `农业` / `生物经济` / `数字技术`, a space between
  // them; two are a title broken in its cell, `中国和法国` / `项目`.)
  const pieces = lines.map((l) => l.replace(LEAD, '').replace(TRAIL, '')).filter((x) => x !== '');
  const list = apart && pieces.length >= 3 && pieces.every((x) => x.length <= 16 && !/[，,、；;：:。（(“]$/.test(x));
  for (const line of lines) {
    const piece = line.replace(LEAD, '').replace(TRAIL, '');
    // (An item numbered on a line of its own in the cell, `1.氢能与燃料电池` / `2.电池与储能`, keeps a
    // space before it: `clean` keeps it where a list is under way, and the items stay apart.)
    out = out !== '' && (list || RE_ITEM_START.test(piece)) ? `${out} ${piece}` : joinCjk(out, piece);
  }
  return out.replace(/\|/g, '｜').replace(/[\r\n]+/g, ' ');
}

/**
 * A table inside a cell of a table of directions (a row's 考核指标 as a table of 指标 / 目标值 /
 * 考核年度), on the cell's one line: each row after the first an item with the bullet a browser draws
 * before a cell's list items (`缺陷形成定量判据 覆盖…3类缺陷 2028 • 熔池… • …`), its cells apart by a space; its
 * header row (cells of a few words, no figure) apart, to be logged.
 */
/** A cell's lines from the blocks read in it: a table inside it on one line (`innerTableLine`), its header given to `header`. */
export function cellLines(blocks: readonly Block[], header: (text: string) => void): string[] {
  return blocks.flatMap((b) => {
    if (b.kind === 'text') return b.lines;
    const inner = innerTableLine(b.rows);
    if (inner.header !== null) header(inner.header);
    return [inner.line];
  });
}

/** CJK letters (no punctuation): two blocks of a cell that meet between two of them are two values. */
const CJK_LETTER = /[\u3400-\u9fff\uf900-\ufaff]/;

/**
 * The text of a cell of a page or a document from the blocks read in it: each block's lines as
 * `cellText` joins them, the blocks apart by a space where they meet between two CJK letters (a
 * cell's values each a block: `<span style="display:block">人工智能与机器人</span>` / `生物医药`; a
 * line break inside one block is still a wrap).
 */
export function cellBlocksText(blocks: readonly Block[], header: (text: string) => void): string {
  let out = '';
  for (const b of blocks) {
    const piece = cellText(cellLines([b], header));
    if (piece === '') continue;
    out = out !== '' && CJK_LETTER.test(out.slice(-1)) && CJK_LETTER.test(piece.charAt(0)) ? `${out} ${piece}` : cellText([out, piece]);
  }
  return out;
}

function innerTableLine(rows: readonly (readonly string[])[]): { line: string; header: string | null } {
  const shown = rows.map((r) => r.map((c) => c.trim()).filter((c) => c !== '')).filter((r) => r.length > 0);
  const first = shown[0];
  const header = first && shown.length > 1 && first.length >= 2 && first.every((c) => c.length <= 8 && !/\d/.test(c)) ? first.join(' ') : null;
  return { line: shown.slice(header === null ? 0 : 1).map((r, k) => `${k === 0 ? '' : '• '}${r.join(' ')}`).join(' '), header };
}

/**
 * Whether a table's first row is the header of a table of data (three cells or more, each a few
 * words: `序号 | 指南方向 | 研究内容 | 考核指标`): tables inside its cells are then its cells' content,
 * and the table no layout of the page.
 */
export function isDataHeader(cells: readonly string[]): boolean {
  return cells.length >= 3 && cells.every((c) => c.trim().length > 0 && c.trim().length <= 12 && !/[。；;]/.test(c));
}

/** Builds the loaded text from the blocks. Blocks without text count for nothing (no number). */
export function buildText(blocks: readonly Block[]): BuiltText {
  const lines: string[] = [];
  const blockOfLine: number[] = [];
  const tableOfLine: (TableLine | null)[] = [];
  const headingOfLine: (number | null)[] = [];
  const removed: Removal[] = [];
  let block = 0;
  let tables = 0;
  for (const b of blocks) {
    if (b.kind === 'text') {
      const kept: string[] = [];
      const indents: string[] = [];
      for (const raw of b.lines) {
        const lead = LEAD.exec(raw)?.[0] ?? '';
        const line = raw.slice(lead.length).replace(TRAIL, '');
        if (line === '') continue;
        if (lead !== '') indents.push(lead);
        kept.push(line);
      }
      if (kept.length === 0) continue;
      block++;
      for (const lead of indents) removed.push({ kind: 'indent', text: lead, line: null, start: null, end: null, page: null, block });
      for (const line of kept) {
        lines.push(line);
        blockOfLine.push(block);
        tableOfLine.push(null);
        headingOfLine.push(b.heading ?? null);
      }
      continue;
    }
    const rows = b.rows.filter((r) => r.some((c) => c !== ''));
    if (rows.length === 0) continue;
    block++;
    tables++;
    rows.forEach((cells, r) => {
      let line = '|';
      const cellStarts: number[] = [];
      for (const cell of cells) {
        line += ' ';
        cellStarts.push(line.length);
        line += `${cell} |`;
      }
      lines.push(line);
      blockOfLine.push(block);
      tableOfLine.push({ table: tables, row: r + 1, cellStarts });
      headingOfLine.push(null);
    });
  }
  return { text: lines.length ? `${lines.join('\n')}\n` : '', blockOfLine, tableOfLine, ...(headingOfLine.some((h) => h !== null) ? { headingOfLine } : {}), blocks: block, tables, removed };
}

/** Pads the rows of a table grid to one width (the widest row), so that every row has as many cells. */
export function squareRows(rows: string[][]): string[][] {
  const width = Math.max(0, ...rows.map((r) => r.length));
  return rows.map((r) => (r.length < width ? [...r, ...new Array<string>(width - r.length).fill('')] : r));
}

/**
 * A table whose header names columns of the document (`指南名称`, `年度`, `状态`: `documentColumnOf`)
 * that say one thing on every row, as a database export repeats them: those columns lifted out
 * before the table, the title alone on its line first, then the status alone, then `header：value`
 * lines; the table without them. A column of the database's record (`更新时间`) that says another
 * thing on each row is left out, its cells logged (`record-header`). Any other table as it is.
 */
export function liftDocumentColumns(rows: readonly (readonly string[])[]): { blocks: Block[]; removed: Removal[] } {
  const [header, ...body] = rows;
  const as = (): { blocks: Block[]; removed: Removal[] } => ({ blocks: [{ kind: 'table', rows }], removed: [] });
  if (!header || body.length === 0) return as();
  const lifted: { col: number; kind: DocumentColumn; value: string }[] = [];
  const dropped: number[] = [];
  header.forEach((h, col) => {
    const kind = documentColumnOf(h);
    if (kind === null) return;
    const values = new Set(body.map((r) => r[col] ?? '').filter((v) => v !== ''));
    if (values.size === 1) lifted.push({ col, kind, value: [...values][0]! });
    else if (kind === 'record') dropped.push(col);
  });
  if (lifted.length + dropped.length === 0 || lifted.length + dropped.length === header.length) return as();
  const order: readonly DocumentColumn[] = ['title', 'status', 'other', 'record'];
  const lines = order.flatMap((kind) => lifted.filter((l) => l.kind === kind).map((l) => (kind === 'title' || kind === 'status' ? l.value : `${header[l.col]}：${l.value}`)));
  const gone = new Set([...lifted.map((l) => l.col), ...dropped]);
  const removed = dropped.flatMap((col) => rows.map((r) => r[col] ?? '').filter((v) => v !== '').map((v) => unplaced('record-header', v)));
  return {
    blocks: [...(lines.length > 0 ? [{ kind: 'text' as const, lines }] : []), { kind: 'table', rows: rows.map((r) => r.filter((_, i) => !gone.has(i))) }],
    removed,
  };
}
