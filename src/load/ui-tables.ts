/**
 * Tables a web front end draws with a component kit (Element UI's `el-table`, Ant Design's
 * `ant-table`), as a page saved from the browser holds them: the header, the body and the footer as
 * separate `<table>`s joined only by their columns, the fixed columns drawn again in clones over
 * the table (each cell then in the page three times, the copies marked hidden by the kit's style
 * sheet, which a saved page may lack), and each row's details in an expanded row below it (a
 * descriptions list: `支持对象` / `…`). Each such table is rebuilt here as one plain `<table>`: the
 * main header's columns (the kit's own controls aside: the expand column, `操作`), a row per row,
 * and the details' labels as further columns of their row, so that the page reader reads it as any
 * table of directions. The clones and the footer's sums (the kit's arithmetic, not the call's) are
 * logged. Changes the tree in place; pure otherwise.
 */
import type { Element, ElementContent, Root } from 'hast';
import type { Removal } from '../types.js';
import { unplaced } from './blocks.js';
import { classes, collapse, textOf } from './hast.js';

interface Kit {
  readonly table: string;
  readonly header: string;
  readonly body: string;
  readonly footer: string;
  readonly clones: readonly string[];
  readonly expanded: string;
  readonly label: string;
  readonly content: string;
  readonly expandColumn: string;
}

const KITS: readonly Kit[] = [
  { table: 'el-table', header: 'el-table__header-wrapper', body: 'el-table__body-wrapper', footer: 'el-table__footer-wrapper', clones: ['el-table__fixed', 'el-table__fixed-right'], expanded: 'el-table__expanded-cell', label: 'el-descriptions-item__label', content: 'el-descriptions-item__content', expandColumn: 'el-table__expand-column' },
  { table: 'ant-table', header: 'ant-table-thead', body: 'ant-table-tbody', footer: 'ant-table-footer', clones: ['ant-table-fixed-left', 'ant-table-fixed-right'], expanded: 'ant-table-expanded-row', label: 'ant-descriptions-item-label', content: 'ant-descriptions-item-content', expandColumn: 'ant-table-row-expand-icon-cell' },
];

/** A column of the kit's own controls, not of the data. */
const RE_CONTROL_HEADER = /^(?:操作|操作栏|Operations?|Actions?)$/i;

const has = (e: Element, name: string): boolean => classes(e).includes(name);
const elements = (e: Element | Root): Element[] => (e.children as (ElementContent | Root['children'][number])[]).filter((c): c is Element => c.type === 'element');

/** The first descendant (or `e`) with class `name`, not inside one with a class of `skip`. */
function find(e: Element, name: string, skip: readonly string[] = []): Element | null {
  if (has(e, name)) return e;
  for (const c of elements(e)) {
    if (skip.some((s) => has(c, s))) continue;
    const hit = find(c, name, skip);
    if (hit) return hit;
  }
  return null;
}

function all(e: Element, test: (x: Element) => boolean, out: Element[] = []): Element[] {
  for (const c of elements(e)) {
    if (test(c)) out.push(c);
    else all(c, test, out);
  }
  return out;
}

const words = (n: ElementContent): string => collapse(textOf(n));

const cell = (tag: 'th' | 'td', children: ElementContent[]): Element => ({ type: 'element', tagName: tag, properties: {}, children });
const row = (cells: Element[]): Element => ({ type: 'element', tagName: 'tr', properties: {}, children: cells });

/** The label/content pairs of a row's details, in order. */
function detailsOf(e: Element, kit: Kit): { label: string; content: ElementContent[] }[] {
  const out: { label: string; content: ElementContent[] }[] = [];
  let label: string | null = null;
  for (const x of all(e, (n) => has(n, kit.label) || has(n, kit.content))) {
    if (has(x, kit.label)) label = words(x).replace(/[：:]$/, '');
    else if (label !== null) {
      out.push({ label, content: x.children });
      label = null;
    }
  }
  return out;
}

function rebuild(t: Element, kit: Kit, removed: Removal[]): Element | null {
  const header = find(t, kit.header, kit.clones);
  const body = find(t, kit.body, kit.clones);
  if (!header || !body) return null;
  const headRows = all(header, (n) => n.tagName === 'tr');
  // (The kit's scroll-bar gutter is no column.)
  const heads = headRows.length > 0 ? elements(headRows[headRows.length - 1]!).filter((c) => (c.tagName === 'th' || c.tagName === 'td') && !has(c, 'gutter')) : [];
  // Columns kept: a named one that is no control of the kit's.
  const keep = heads.map((h) => !has(h, kit.expandColumn) && words(h) !== '' && !RE_CONTROL_HEADER.test(words(h)));
  if (keep.filter(Boolean).length < 2) return null;
  const records: { cells: Element[]; details: { label: string; content: ElementContent[] }[] }[] = [];
  for (const tr of all(body, (n) => n.tagName === 'tr')) {
    const tds = elements(tr).filter((c) => (c.tagName === 'td' || c.tagName === 'th') && !has(c, 'gutter'));
    const expanded = tds.length === 1 && (has(tds[0]!, kit.expanded) || has(tr, kit.expanded));
    if (expanded) {
      if (records.length > 0) records[records.length - 1]!.details.push(...detailsOf(tds[0]!, kit));
      continue;
    }
    if (tds.length !== heads.length) continue;
    records.push({ cells: tds.filter((_, k) => keep[k]), details: [] });
  }
  if (records.length === 0) return null;
  const labels: string[] = [];
  for (const r of records) for (const d of r.details) if (!labels.includes(d.label)) labels.push(d.label);
  const headCells = [...heads.filter((_, k) => keep[k]).map((h) => cell('th', [{ type: 'text', value: words(h) }])), ...labels.map((l) => cell('th', [{ type: 'text', value: l }]))];
  const bodyRows = records.map((r) => row([...r.cells.map((c) => cell('td', c.children)), ...labels.map((l) => cell('td', r.details.find((d) => d.label === l)?.content ?? []))]));
  for (const name of [...kit.clones, kit.footer]) {
    const x = find(t, name);
    const said = x ? words(x) : '';
    if (said !== '') removed.push(unplaced('web-chrome', said.length > 120 ? `${said.slice(0, 120)}…` : said));
  }
  return { type: 'element', tagName: 'table', properties: {}, children: [{ type: 'element', tagName: 'thead', properties: {}, children: [row(headCells)] }, { type: 'element', tagName: 'tbody', properties: {}, children: bodyRows }] };
}

/** Rebuilds every component kit's table under `node` as one plain table; returns what was logged. */
export function flattenUiTables(node: Root | Element, removed: Removal[] = []): Removal[] {
  node.children.forEach((c, i) => {
    if (c.type !== 'element') return;
    const kit = KITS.find((k) => has(c, k.table) && c.tagName !== 'table');
    const table = kit ? rebuild(c, kit, removed) : null;
    if (table) node.children[i] = table;
    else flattenUiTables(c, removed);
  });
  return removed;
}
