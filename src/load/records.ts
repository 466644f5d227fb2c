/**
 * A database's records saved as text: a JSON document (a content system's API response, a search
 * index's hits), JSON lines (`mongoexport`, one record a line) and an SQL dump (`mysqldump`'s and
 * SQLite's `INSERT INTO … VALUES (…),(…);`, `pg_dump`'s `COPY … FROM stdin;`). The guideline is the
 * longest text the records hold: one string field (plain text, or a page's HTML), or a list of
 * paragraphs a record keeps as items (`[{"type": "h1", "text": …}, {"type": "table", "rows": …}]`),
 * which is read as the page it describes. Its record's title heads it where the text does not;
 * every other field and record is logged (`record-header`), never read. Pure.
 */
import type { Removal } from '../types.js';
import { unplaced, htmlText } from './blocks.js';

export interface RecordText {
  readonly text?: string;
  readonly html?: string;
  readonly removed: Removal[];
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Obj = { [key: string]: Json };

/** A record's field names for its title. */
const TITLE_KEYS = /^(?:title|articleTitle|docTitle|doc_title|article_title|name|subject|标题|文章标题|题名)$/i;
/** Markup in a field: the field is a page's HTML. */
const RE_MARKUP = /<(?:p|div|br|span|table|h[1-6]|li)\b[^>]*>/i;
/** The field of a paragraph item that holds its text. */
const ITEM_TEXT_KEYS = ['text', 'content', 'value', 'html', 'md', 'markdown', 'txt', 'plain', 'body', '文本', '内容'];
/** The field of a paragraph item that holds a table's rows, or a list's items. */
const ITEM_ROWS_KEYS = ['rows', 'cells', 'data', 'table'];
const ITEM_LIST_KEYS = ['items', 'children', 'list', 'lines'];
/** A field only a record has: its id. */
const RE_RECORD_KEY = /^(?:_?id|uuid|guid|pk|\$oid|(?:article|doc|content|record)_?id)$/i;
/** The field that names a paragraph item's kind (`h1`, `heading`, `table`, `li` …). */
// (Not `name`: an object with a name is a record, `TITLE_KEYS`.)
const ITEM_KIND_KEYS = ['type', 'tag', 'kind', 'style', 'block_type', 'blockType', 'role'];
/** A kind naming a heading, with its level where it gives one. */
const RE_HEADING_KIND = /^(?:h([1-6])|heading[-_ ]?([1-6])?|title|subtitle|标题([1-6一二三四五六])?)$/i;

const isObj = (v: Json | undefined): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The JSON document, or the records of JSON lines (every non-blank line a JSON object); null when the text is neither. */
export function parseJsonRecords(text: string): Json | null {
  const t = text.replace(/^\ufeff/, '').trim();
  if (!/^[{[]/.test(t) || !/[}\]]$/.test(t)) return null;
  try {
    return JSON.parse(t) as Json;
  } catch {
    // JSON lines: each line an object.
    const lines = t.split(/\r?\n/).filter((l) => l.trim() !== '');
    if (lines.length < 2) return null;
    const out: Json[] = [];
    for (const line of lines) {
      try {
        const v = JSON.parse(line) as Json;
        if (!isObj(v)) return null;
        out.push(v);
      } catch {
        return null;
      }
    }
    return out;
  }
}

/** The text of a paragraph item (a string, or an object carrying one text, table or list), or null when `v` is none. */
function itemText(v: Json): string | null {
  if (typeof v === 'string') return v;
  if (!isObj(v)) return null;
  // A record (it has an id or a title of its own) is no paragraph item.
  if (Object.keys(v).some((k) => RE_RECORD_KEY.test(k) || TITLE_KEYS.test(k))) return null;
  // A paragraph item's other strings are short (its kind, a style name); a record's title is not.
  const key = ITEM_TEXT_KEYS.find((k) => typeof v[k] === 'string');
  const rows = ITEM_ROWS_KEYS.find((k) => Array.isArray(v[k]));
  const list = ITEM_LIST_KEYS.find((k) => Array.isArray(v[k]));
  if (key === undefined && rows === undefined && list === undefined) return null;
  const others = Object.entries(v).filter(([k, x]) => k !== key && typeof x === 'string' && (x as string).length > 24);
  if (others.length > 0) return null;
  if (key !== undefined) return v[key] as string;
  const strings: string[] = [];
  const walk = (x: Json): void => {
    if (typeof x === 'string') strings.push(x);
    else if (Array.isArray(x)) x.forEach(walk);
    else if (isObj(x)) Object.values(x).forEach(walk);
  };
  walk(v[(rows ?? list)!]!);
  return strings.join('');
}

/** A text unit: one string field, or a list of paragraph items; with the record (the nearest object) that holds it. */
interface Unit {
  readonly value: string | Json[];
  readonly length: number;
  readonly key: string;
  readonly record: Obj | null;
}

/** Every text unit of the tree. */
function unitsOf(data: Json): Unit[] {
  const units: Unit[] = [];
  const walk = (v: Json, key: string, record: Obj | null): void => {
    if (typeof v === 'string') units.push({ value: v, length: v.length, key, record });
    else if (Array.isArray(v)) {
      const texts = v.map(itemText);
      // (The list of records a dump or JSON lines are is no list of paragraphs.)
      if (v !== data && v.length > 1 && texts.every((x) => x !== null)) units.push({ value: v, length: texts.reduce((n, x) => n + x!.length, 0), key, record });
      for (const x of v) walk(x, key, record);
    } else if (isObj(v)) for (const [k, x] of Object.entries(v)) walk(x, k, v);
  };
  walk(data, '', null);
  return units;
}

const cell = (x: Json): string => (typeof x === 'string' ? htmlText(x) : typeof x === 'number' ? String(x) : isObj(x) ? htmlText(itemText(x) ?? '') : '');

/** A paragraph item as HTML. */
function itemHtml(v: Json): string {
  if (typeof v === 'string') return RE_MARKUP.test(v) ? v : `<p>${htmlText(v)}</p>`;
  if (!isObj(v)) return '';
  const kind = ITEM_KIND_KEYS.map((k) => v[k]).find((x): x is string => typeof x === 'string') ?? '';
  const rowsKey = ITEM_ROWS_KEYS.find((k) => Array.isArray(v[k]));
  if (rowsKey !== undefined) {
    const rows = (v[rowsKey] as Json[]).map((r) => (Array.isArray(r) ? r : isObj(r) ? Object.values(r) : [r]));
    return `<table>${rows.map((r) => `<tr>${r.map((c) => `<td>${cell(c)}</td>`).join('')}</tr>`).join('')}</table>`;
  }
  const listKey = ITEM_LIST_KEYS.find((k) => Array.isArray(v[k]));
  if (listKey !== undefined) return `<ul>${(v[listKey] as Json[]).map((x) => `<li>${cell(x)}</li>`).join('')}</ul>`;
  const text = itemText(v) ?? '';
  const heading = RE_HEADING_KIND.exec(kind.trim());
  const level = typeof v.level === 'number' && v.level >= 1 && v.level <= 6 ? v.level : Number(heading?.[1] ?? heading?.[2] ?? '') || (heading ? 1 : 0);
  if (heading && level > 0) return `<h${level}>${htmlText(text)}</h${level}>`;
  if (/^(?:li|list[-_ ]?item|bullet)$/i.test(kind)) return `<ul><li>${htmlText(text)}</li></ul>`;
  return RE_MARKUP.test(text) ? text : `<p>${htmlText(text)}</p>`;
}

const shown = (v: string): string => (v.length > 80 ? `${v.slice(0, 80)}…` : v);

/**
 * The guideline a tree of records holds: its longest text unit (at least 200 characters), headed by
 * its record's title; null when no unit is that long.
 */
export function recordsText(data: Json, minLength = 200): RecordText | null {
  const units = unitsOf(data);
  const content = units.reduce<Unit | null>((best, u) => (best === null || u.length > best.length ? u : best), null);
  if (!content || content.length < minLength) return null;
  // The strings the unit is made of (its items' texts, kinds, cells) are read, not logged.
  const inside = new Set<string>();
  const collect = (x: Json): void => {
    if (typeof x === 'string') inside.add(x);
    else if (Array.isArray(x)) x.forEach(collect);
    else if (isObj(x)) Object.values(x).forEach(collect);
  };
  if (typeof content.value !== 'string') collect(content.value);
  const titleOf = (record: Obj | null): string | undefined =>
    record ? Object.entries(record).find(([k, x]) => TITLE_KEYS.test(k) && typeof x === 'string' && x.trim() !== '' && x.length <= 120 && x !== content.value)?.[1] as string | undefined : undefined;
  // The record's title heads the text, unless the text opens with a guideline's title line of its own.
  const named = titleOf(content.record)?.trim();
  const opening = (typeof content.value === 'string' ? content.value.replace(/<\/(?:p|div|h[1-6]|li|tr)>|<br\s*\/?>/gi, '\n') : content.value.slice(0, 5).map((x) => itemText(x) ?? '').join('\n'))
    .replace(/<[^>]*>/g, '')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .slice(0, 5);
  const ownTitle = opening.some((l) => /指南/.test(l) && l.length <= 80 && !/[。；，]$/.test(l));
  const title = named !== undefined && !ownTitle ? named : undefined;
  // Everything else is logged: the record's other fields, and the other records whole (by their title, or their first field).
  const removed: Removal[] = [];
  for (const u of units) {
    if (u === content || typeof u.value !== 'string' || u.value.trim() === '' || inside.has(u.value) || (u.record === content.record && u.value.trim() === title)) continue;
    removed.push(unplaced('record-header', `${u.key}: ${shown(u.value)}`));
  }
  if (typeof content.value === 'string') {
    const body = content.value.replace(/\r\n?/g, '\n');
    const head = title && !body.replace(/<[^>]*>/g, '').trimStart().startsWith(title) ? title : null;
    if (RE_MARKUP.test(body)) return { html: `${head ? `<h1>${htmlText(head)}</h1>` : ''}${body}`, removed };
    return { text: head ? `${head}\n\n${body}` : body, removed };
  }
  const first = itemText(content.value[0]!) ?? '';
  const head = title && !first.trimStart().startsWith(title) ? `<h1>${htmlText(title)}</h1>` : '';
  return { html: head + content.value.map(itemHtml).join('\n'), removed };
}

/** The guideline in a JSON document or JSON lines; null when the text is neither or holds none. */
export function fromJson(text: string): RecordText | null {
  const data = parseJsonRecords(text);
  return data === null ? null : recordsText(data);
}

// —— SQL dumps ——

/** A quoted SQL string from `at` (the opening quote): its value (MySQL's backslash escapes, a doubled quote) and where it ends. */
function sqlString(s: string, at: number): { value: string; end: number } | null {
  const q = s[at]!;
  let out = '';
  let i = at + 1;
  while (i < s.length) {
    const c = s[i]!;
    if (c === '\\' && q !== '`') {
      const n = s[i + 1] ?? '';
      out += ({ n: '\n', r: '\r', t: '\t', '0': '\0', b: '\b', Z: '\x1a' } as Record<string, string>)[n] ?? n;
      i += 2;
    } else if (c === q) {
      if (s[i + 1] === q) {
        out += q;
        i += 2;
      } else return { value: out, end: i + 1 };
    } else {
      out += c;
      i++;
    }
  }
  return null;
}

/** The tuples of a `VALUES (…),(…)` list from `at`; each value a string, a number or null. */
function sqlTuples(s: string, at: number): { tuples: Json[][]; end: number } {
  const tuples: Json[][] = [];
  let i = at;
  let tuple: Json[] | null = null;
  while (i < s.length) {
    const c = s[i]!;
    if (tuple === null) {
      if (c === '(') {
        tuple = [];
        i++;
      } else if (c === ';') return { tuples, end: i + 1 };
      else i++;
      continue;
    }
    if (c === "'" || c === '"') {
      const str = sqlString(s, i);
      if (!str) return { tuples, end: s.length };
      tuple.push(str.value);
      i = str.end;
    } else if (c === ')') {
      tuples.push(tuple);
      tuple = null;
      i++;
    } else if (/[\s,]/.test(c)) i++;
    else {
      // A bare value (a number, NULL, a function call's name): up to the next comma or bracket.
      const m = /^(?:_\w+\s*(?=')|[^,)'"]+)/.exec(s.slice(i, i + 200));
      const word = (m?.[0] ?? c).trim();
      if (!word.startsWith('_')) tuple.push(/^null$/i.test(word) ? null : /^-?\d+(?:\.\d+)?$/.test(word) ? Number(word) : word);
      i += Math.max(1, m?.[0].length ?? 1);
    }
  }
  return { tuples, end: i };
}

const unquote = (name: string): string => name.trim().replace(/^[`"[]|[`"\]]$/g, '');

/** The column names of every `CREATE TABLE name (…)` of a dump. */
function createdColumns(s: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const m of s.matchAll(/CREATE\s+TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?([`"[\]\w.]+)\s*\(([\s\S]*?)\n\)\s*[^;]*;/gi)) {
    const columns = m[2]!
      .split('\n')
      .map((l) => /^\s*([`"[]?[\w\u4e00-\u9fff]+[`"\]]?)\s+\w/.exec(l)?.[1])
      .filter((c): c is string => c !== undefined && !/^(?:PRIMARY|KEY|UNIQUE|CONSTRAINT|INDEX|FOREIGN|FULLTEXT|CHECK)$/i.test(c))
      .map(unquote);
    out.set(unquote(m[1]!.split('.').pop()!), columns);
  }
  return out;
}

/** `pg_dump`'s text escapes in a `COPY` row's field. */
const copyField = (f: string): Json => (f === '\\N' ? null : f.replace(/\\(.)/g, (_, c: string) => ({ n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', v: '\v' } as Record<string, string>)[c] ?? c));

/** The records of an SQL dump (INSERT statements and COPY blocks), each a column → value object; null when the text is none. */
export function sqlRecords(text: string): Obj[] | null {
  if (!/^\s*(?:INSERT\s+INTO|COPY)\s/im.test(text) || !/^\s*(?:--|\/\*|CREATE|DROP|SET|INSERT|BEGIN|LOCK|COPY|PRAGMA|USE)\b/im.test(text.slice(0, 4000))) return null;
  const columns = createdColumns(text);
  const records: Obj[] = [];
  const re = /^\s*(?:INSERT|REPLACE)\s+(?:IGNORE\s+)?INTO\s+([`"[\]\w.]+)\s*(?:\(([^)]*)\))?\s*VALUES\s*/gim;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const table = unquote(m[1]!.split('.').pop()!);
    const names = m[2] ? m[2].split(',').map(unquote) : columns.get(table) ?? [];
    const { tuples, end } = sqlTuples(text, m.index + m[0].length);
    for (const t of tuples) records.push(Object.fromEntries(t.map((v, i) => [names[i] ?? `column${i + 1}`, v])));
    re.lastIndex = end;
  }
  for (const m of text.matchAll(/^COPY\s+([\w."]+)\s*(?:\(([^)]*)\))?\s+FROM\s+stdin;\n([\s\S]*?)^\\\.$/gm)) {
    const names = m[2] ? m[2].split(',').map(unquote) : columns.get(unquote(m[1]!.split('.').pop()!)) ?? [];
    for (const line of m[3]!.split('\n').filter((l) => l !== '')) records.push(Object.fromEntries(line.split('\t').map((f, i) => [names[i] ?? `column${i + 1}`, copyField(f)])));
  }
  return records.length > 0 ? records : null;
}

/** The guideline in an SQL dump; null when the text is none or holds none. */
export function fromSql(text: string): RecordText | null {
  const records = sqlRecords(text);
  return records === null ? null : recordsText(records);
}
