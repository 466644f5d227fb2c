/**
 * Reads a CSV or TSV file, as a funding-information database or a spreadsheet exports a guideline's
 * directions (one row a direction: `方向编号,方向名称,合作国家/地区,拟支持项目数,…`), into the same
 * blocks as the other readers: one table, rows × cells, after the columns of the document that every
 * row repeats (`指南名称`, `年度`, `状态`) are lifted out before it (`liftDocumentColumns`).
 *
 * Parsed as RFC 4180 says and Excel writes: fields in double quotes may hold the delimiter, line
 * breaks and doubled quotes (`""`); the delimiter is the one of `,`, tab, `;` and `|` that parts the
 * header row most often outside quotes. A line break inside a field is a line of its cell (joined as
 * the other readers join a cell's lines). Rows of nothing are left out. Pure.
 */
import { GuidelineError } from '../types.js';
import { reason } from '../messages/reasons.js';
import { buildText, cellText, liftDocumentColumns, squareRows, unplaced, type Block, type BuiltText } from './blocks.js';

// (Never `，`: no tool writes it as a delimiter, and a header may hold one inside a name.)
const DELIMITERS = [',', '\t', ';', '|'] as const;

/** The delimiter of a CSV: the candidate that parts its first record most often outside quotes. */
function delimiterOf(text: string): string {
  const counts = new Map<string, number>();
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && (DELIMITERS as readonly string[]).includes(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best = ',';
  let most = 0;
  for (const d of DELIMITERS) {
    if ((counts.get(d) ?? 0) > most) (best = d), (most = counts.get(d)!);
  }
  return best;
}

/** The records of a CSV text, each a list of fields. */
function parseCsv(text: string, delimiter = delimiterOf(text)): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field.trim() === '') {
      quoted = true;
      field = '';
    } else if (ch === delimiter) {
      record.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      if (ch === '\r' && text[i + 1] === '\n') i++;
    } else field += ch;
    i++;
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}

/**
 * A key/value record as a line of text, `key：value`; a unit the key gives in brackets goes after a
 * bare number (`国拨经费总概算（元）,"110,000,000.00"` → `国拨经费总概算：110,000,000.00元`; a count's
 * `拟支持项目数,52` → `52个`), as a table's header gives its column's unit.
 */
function keyValue(fields: readonly string[]): string {
  if (fields.length < 2) return fields.join('');
  const [key, value] = fields as [string, string];
  const unit = /^(.*?)[（(](万元|亿元|元|个月|月|年|个|项)[）)]$/.exec(key);
  const bare = /^[\d,.]+$/.test(value.trim());
  if (unit && bare) return `${unit[1]}：${value.trim()}${unit[2] === '月' ? '个月' : unit[2]}`;
  if (bare && /数$/.test(key) && /^\d+$/.test(value.trim())) return `${key}：${value.trim()}个`;
  return `${key}：${value}`;
}

/** The columns of an export in long form: one row per field of a direction (`方向编号 | 字段名称 | 字段值`). */
const RE_KEY_COLUMN = /^(?:方向编号|指南方向编号|方向序号|编号|序号)$/;
const RE_FIELD_COLUMN = /^(?:字段名称|字段名|字段|属性|属性名称|要素|要素名称)$/;
const RE_VALUE_COLUMN = /^(?:字段值|字段内容|值|取值|内容|属性值|要素值)$/;
/** The field that names a direction or a group in a long export (`方向名称`, `任务名称`). */
const RE_NAME_FIELD = /^(?:方向名称|指南方向名称|任务名称|名称|标题|部分|部分名称|板块|板块名称)$/;
/** An export's note on itself: `本表由…导出`, `导出时间：…`. */
const RE_EXPORT_NOTE = /(?:由[^。]{0,30}导出|导出时间|数据来源[：:])/;
/** The field that names the whole guideline (`指南名称`). */
const RE_TITLE_FIELD = /^(?:指南名称|文件名称|标题|名称)$/;

/**
 * A system's export in long form (`记录ID | 层级 | 方向编号 | 字段名称 | 字段值`, a row per field):
 * the guideline's own rows (no number) as its title and paragraphs, then per number a heading (`1.1
 * 方向名称`, a group's `1. 任务名称`) and its fields as `字段名称：字段值` lines. The other columns (a
 * record's id, its level) are logged as the record's (`record-header`). Null for any other table.
 */
function longForm(records: readonly (readonly string[])[]): { blocks: Block[]; removed: ReturnType<typeof unplaced>[] } | null {
  // (The header may stand under the sheet's own title and a note on it.)
  const at = records.slice(0, 6).findIndex((h) => h.some((c) => RE_KEY_COLUMN.test(c.trim())) && h.some((c) => RE_FIELD_COLUMN.test(c.trim())) && h.some((c) => RE_VALUE_COLUMN.test(c.trim())));
  if (at < 0) return null;
  const header = records[at]!;
  const body = records.slice(at + 1);
  if (body.length < 3) return null;
  const key = header.findIndex((h) => RE_KEY_COLUMN.test(h.trim()));
  const field = header.findIndex((h) => RE_FIELD_COLUMN.test(h.trim()));
  const value = header.findIndex((h) => RE_VALUE_COLUMN.test(h.trim()));
  const removed = body.flatMap((r) => r.flatMap((c, i) => (i !== key && i !== field && i !== value && c !== '' ? [unplaced('record-header', c)] : [])));
  const lines: string[] = records.slice(0, at).flatMap((r) => [r.filter((c) => c.trim() !== '').join(' '), '']);
  const keyOf = (r: readonly string[]): string => (r[key] ?? '').trim();
  // A number written once, in its block's first row (a cell merged down, as a sheet saved as CSV
  // gives it): the rows under it with no number are its too, a row with no field either the text
  // of the field above going on (a paragraph pasted over several rows).
  // (Three blocks so at least: one note after the last direction, `,附注,本表由…导出`, is the export's.)
  const sparse = body.filter((r, i) => i > 0 && keyOf(r) === '' && (r[field] ?? '').trim() !== '' && RE_BLOCK_NUMBER.test(keyOf(body[i - 1]!))).length >= 3;
  let current: string | null = null;
  let direction = false;
  // Whether a direction's rows came before.
  let seen = false;
  for (const [i, r] of body.entries()) {
    const k = keyOf(r);
    const f = (r[field] ?? '').trim();
    const v = r[value] ?? '';
    if (k !== '' || !sparse) {
      // (A block's name row starts it again where the number repeats: `2.2` printed twice is two blocks.)
      if (k !== current || (sparse && RE_NAME_FIELD.test(f))) {
        current = k === '' ? null : k;
        direction = RE_BLOCK_NUMBER.test(k);
        if (direction) {
          const name = body.slice(i).find((x, j) => (j === 0 || keyOf(x) === k || (sparse && keyOf(x) === '')) && RE_NAME_FIELD.test((x[field] ?? '').trim()));
          lines.push(`${/^\d{1,3}$/.test(k) ? `${k}.` : /^[一二三四五六七八九十]{1,3}$/.test(k) ? `${k}、` : k} ${name ? name[value] ?? '' : ''}`.trimEnd());
        }
      }
    }
    if (!direction) {
      // The guideline's own rows: its title alone, the rest as its text. (After the directions, a
      // note of the export itself, `本表由…导出，导出时间：…`, is the record's.)
      if (seen && RE_EXPORT_NOTE.test(v)) {
        removed.push(unplaced('record-header', v));
        continue;
      }
      // (After the directions, a section's field names it: `申报要求`, `联系方式`, a heading of the text.)
      lines.push('', ...(seen && f !== '' && !RE_TITLE_FIELD.test(f) ? [f] : []), ...(RE_TITLE_FIELD.test(f) ? [v] : v.split('\n')), '');
      continue;
    }
    seen = true;
    if (RE_NAME_FIELD.test(f)) continue;
    if (f === '') {
      lines.push(...v.split('\n'));
      continue;
    }
    const [first, ...rest] = v.split('\n');
    lines.push(`${f}：${first ?? ''}`, ...rest);
  }
  return { blocks: [{ kind: 'text', lines }], removed };
}
/** A direction's or group's number in a long export's key column (`1.1`, `2`, `一`), not a word of the guideline's own (`指南`, `申报`). */
const RE_BLOCK_NUMBER = /^(?:\d{1,3}(?:[.．]\d{1,3}){0,2}|[一二三四五六七八九十]{1,3})$/;

/** A paragraph's text: long, with a clause mark in it. */
const isParagraph = (f: string): boolean => f.length >= 20 && /[，。；、]/.test(f);
/** A number Word's list gave the paragraph, in a cell of its own (`1.1`, `（1）`, `（一）`, `一、`), or as Excel turned it (`-1` for `(1)`). */
const RE_NUMBER_CELL = /^(?:\d{1,2}(?:[.．]\d{1,2}){0,2}[.．、]?|[（(]\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*[)）]|[一二三四五六七八九十]{1,3}、|-\d{1,2})$/;

/**
 * A document pasted into a spreadsheet a paragraph to a row, saved as CSV: most rows hold text in
 * their first cell only (or a list number there and the paragraph in the second), many of them
 * paragraphs; the other columns are someone's notes. Its lines (a number and its text joined, Excel's
 * `-1` read back as `（1）`), the notes logged as margin notes; null for a table.
 */
function pastedDocument(records: readonly (readonly string[])[]): { lines: string[]; removed: ReturnType<typeof unplaced>[] } | null {
  const rows = records.filter((r) => r.some((f) => f !== ''));
  if (rows.length < 8) return null;
  const textAt = (r: readonly string[]): number => (RE_NUMBER_CELL.test(r[0] ?? '') && (r[1] ?? '') !== '' ? 1 : 0);
  const paragraphs = rows.filter((r) => isParagraph(r[textAt(r)] ?? '')).length;
  const leading = rows.filter((r) => (r[0] ?? '') !== '' || (r[1] ?? '') !== '').length;
  if (paragraphs * 4 < rows.length || leading * 10 < rows.length * 9) return null;
  // (A table of directions has its fields in columns: many of its rows fill five cells or more.)
  if (rows.filter((r) => r.filter((f) => f !== '').length >= 5).length * 5 > rows.length) return null;
  const lines: string[] = [];
  const removed: ReturnType<typeof unplaced>[] = [];
  for (const r of rows) {
    const k = textAt(r);
    const number = k === 1 ? (/^-(\d{1,2})$/.test(r[0]!) ? `（${r[0]!.slice(1)}）` : r[0]!) : '';
    const own = r[k] ?? '';
    if (number !== '' || own !== '') lines.push(number === '' ? own : /^[\d]/.test(number) && !/[.．、]$/.test(number) ? `${number} ${own}` : `${number}${own}`);
    for (const note of r.slice(k + 1)) if (note !== '') removed.push(unplaced('margin-note', note));
  }
  return { lines, removed };
}

/** Reads a CSV text (already decoded) into its table. */
export function readCsv(text: string): BuiltText {
  const raw = parseCsv(text.replace(/^\ufeff/, ''))
    .map((r) => r.map((f) => f.replace(/\r\n|\r/g, '\n')))
    .filter((r) => r.some((f) => f.trim() !== ''));
  if (raw.length === 0) throw new GuidelineError('empty', reason('csv-empty'));
  // An export in long form, a row per field: its values keep their lines.
  const long = longForm(squareRows(raw));
  if (long) {
    const built = buildText(long.blocks);
    return { ...built, removed: [...long.removed, ...built.removed] };
  }
  const records = raw.map((r) => r.map((f) => cellText(f.split('\n'))));
  // A document pasted into a sheet, a paragraph to a row (its first cell), the notes of whoever
  // pasted it in columns of their own: its lines, the notes logged.
  const pasted = pastedDocument(records);
  if (pasted) {
    const built = buildText([{ kind: 'text', lines: pasted.lines }]);
    return { ...built, removed: [...pasted.removed, ...built.removed] };
  }
  // The call's own figures as key/value records above the table (`指南方向数,8`, `拟支持项目数,52`,
  // `国拨经费总概算（元）,"110,000,000.00"`, as a database export writes them): lines of text, `key：value`.
  let head = 0;
  while (head < records.length && records[head]!.filter((f) => f !== '').length <= 2 && records.slice(head + 1).some((r) => r.filter((f) => f !== '').length >= 3)) head++;
  const lines = records.slice(0, head).map((r) => keyValue(r.filter((f) => f !== '')));
  // And the guideline's text below the table (its notes, `二、申报要求`, contacts: a line of the sheet's
  // first cell each, as a worksheet that holds the whole guideline writes them): lines of text.
  let tail = records.length;
  while (tail > head + 1 && records[tail - 1]!.filter((f) => f !== '').length <= 2) tail--;
  const after = records.slice(tail).map((r) => keyValue(r.filter((f) => f !== '')));
  const { blocks, removed } = liftDocumentColumns(squareRows(records.slice(head, tail)));
  const textBlock = (l: string[]) => (l.length > 0 ? [{ kind: 'text' as const, lines: l }] : []);
  const built = buildText([...textBlock(lines), ...blocks, ...textBlock(after)]);
  return { ...built, removed: [...removed, ...built.removed] };
}
