/**
 * A database's copy as the PostgreSQL client prints it in expanded display (`\x on`): records
 * `-[ RECORD 1 ]----`, each field a line `名称 | 值`, a long value wrapped at the client's width
 * (`.` at the end of a line and at the start of the next: the text goes on) or holding line breaks
 * (`+` at the end of a line). The values are put back together and written as the text they hold:
 * a run of records with a name field (`方向名称`) as directions, a heading over each
 * (`编号 方向名称`, its group `所属部分` over the first of the group) and a field a line
 * (`拟支持项目数：6个`); the others' titles and headings alone on their lines and their long texts as
 * paragraphs. What the session printed around them (the script, its queries, errors, the client's
 * notes) and a record's bookkeeping fields (`更新时间`, `指南编号`) are logged. Pure.
 */
import type { Removal } from '../types.js';
import { unplaced } from './blocks.js';

const RE_RECORD = /^-\[ RECORD (\d+) \]-*\+?-*$/;
/** A field's first line: its name padded to the names' width, ` | `, the value. */
const RE_FIELD = /^(\S[^|]*?)\s*\|(?: (.*))?$/;
/** A value's next line: the names' width of spaces, `|`, then ` ` (a new line of the value) or `.` (the line wrapped). */
const RE_MORE = /^\s+\|([ .])(.*)$/;

interface Field {
  readonly name: string;
  value: string;
}

/** Names of a record's fields by what they hold. */
const NAME = /^(?:方向名称|指南方向名称|指南方向|项目名称|名称|方向|课题名称|任务名称)$/;
const NUMBER = /^(?:编号|序号|方向编号|方向序号|指南方向编号)$/;
const GROUP = /^(?:所属部分|所属类别|所属领域|部分|分组|类别名称)$/;
const TITLE = /^(?:标题|题名|指南标题|指南名称|章节|章节标题|小标题|栏目)$/;
const STATUS = /^(?:文稿状态|状态|发布状态)$/;

/** A value as the client printed it: wrapped pieces joined, line breaks kept. */
function valueOf(pieces: readonly { text: string; wrapped: boolean }[]): string {
  let out = '';
  for (const p of pieces) out += p.text + (p.wrapped ? '' : '\n');
  return out.replace(/\n$/, '');
}

/** A line's text without the client's end mark (`+` a line break, `.` a wrap) and the padding before it. */
function endMark(text: string, nextWraps: boolean, nextBreaks: boolean): { text: string; wrapped: boolean } {
  const t = text.replace(/\s+$/, '');
  if (nextWraps && t.endsWith('.')) return { text: t.slice(0, -1).replace(/\s+$/, ''), wrapped: true };
  if (nextBreaks && t.endsWith('+')) return { text: t.slice(0, -1).replace(/\s+$/, ''), wrapped: false };
  return { text: t, wrapped: false };
}

/** The records of a run of lines from `i`, and where it ends. */
function recordsAt(lines: readonly string[], i: number): { records: Field[][]; end: number } {
  const records: Field[][] = [];
  let k = i;
  while (k < lines.length && RE_RECORD.test(lines[k]!)) {
    const fields: Field[] = [];
    k++;
    while (k < lines.length && !RE_RECORD.test(lines[k]!)) {
      const f = RE_FIELD.exec(lines[k]!);
      if (!f || RE_MORE.test(lines[k]!)) break;
      const raw: string[] = [f[2] ?? ''];
      const kinds: (' ' | '.')[] = [];
      k++;
      for (let m = RE_MORE.exec(lines[k] ?? ''); m && k < lines.length; m = RE_MORE.exec(lines[k] ?? '')) {
        kinds.push(m[1] as ' ' | '.');
        raw.push(m[2]!);
        k++;
      }
      const pieces = raw.map((t, n) => endMark(t, kinds[n] === '.', kinds[n] === ' '));
      // (A continuation line's own text starts after its mark: ` ` or `.`.)
      fields.push({ name: f[1]!.trim(), value: valueOf(pieces).trim() });
    }
    records.push(fields);
  }
  return { records, end: k };
}

/** Whether a value is text (a sentence, or long), not a name or a code. */
const isText = (v: string): boolean => v.length > 40 || /[。；]/.test(v) || v.includes('\n');

function render(records: readonly Field[][], removed: Removal[]): string[] {
  const out: string[] = [];
  const named = records.length >= 2 && records.every((r) => r.some((f) => NAME.test(f.name)));
  if (named) {
    let group = '';
    for (const r of records) {
      const g = r.find((f) => GROUP.test(f.name))?.value ?? '';
      if (g !== '' && g !== group) out.push(g, '');
      group = g;
      const number = r.find((f) => NUMBER.test(f.name))?.value ?? '';
      const name = r.find((f) => NAME.test(f.name))!.value;
      out.push(`${number} ${name}`.trim());
      for (const f of r) {
        if (NAME.test(f.name) || NUMBER.test(f.name) || GROUP.test(f.name) || f.value === '') continue;
        const [first, ...rest] = f.value.split('\n');
        out.push(`${f.name}：${first}`, ...rest);
      }
      out.push('');
    }
    return out;
  }
  for (const r of records) {
    for (const f of r) {
      if (f.value === '') continue;
      if (TITLE.test(f.name)) out.push(f.value);
      else if (STATUS.test(f.name) && /征求意见稿/.test(f.value)) out.push('（征求意见稿）');
      else if (isText(f.value)) out.push(...f.value.split('\n'));
      else {
        removed.push(unplaced('record-header', `${f.name}: ${f.value}`));
        continue;
      }
      out.push('');
    }
  }
  return out;
}

/** The text a psql session's expanded records hold, and what was logged; null where the text holds none. */
export function readPsqlRecords(text: string): { text: string; removed: Removal[] } | null {
  const lines = text.split('\n');
  if (lines.filter((l) => RE_RECORD.test(l)).length < 2) return null;
  const out: string[] = [];
  const removed: Removal[] = [];
  for (let i = 0; i < lines.length; ) {
    if (RE_RECORD.test(lines[i]!)) {
      const { records, end } = recordsAt(lines, i);
      out.push(...render(records, removed));
      i = end;
      continue;
    }
    if (lines[i]!.trim() !== '') removed.push(unplaced('record-header', lines[i]!.trim()));
    i++;
  }
  return { text: out.join('\n'), removed };
}
