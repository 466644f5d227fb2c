/**
 * Misreadings that OCR makes in these documents and that the text around them undoes, applied only
 * to lines read by OCR (text files and text layers never had them). Each is logged as
 * `ocr-misread` with what was read and what it became; each replaces one code unit by one or
 * drops one, so that the cleaned line keeps its map back to the loaded text.
 *
 * - A field label's colon read as another mark (`拟支持项目数，4个`, `共拟支持经费;800万元`,
 *   `合作协议:，《…》`): at a line start or after `。`/`；`, the mark after a known label becomes `：`
 *   (a second mark there is dropped). The label is the evidence: OCR engines read the full-width
 *   colon's two dots as `，` or `;` about one time in two.
 * - A round bracket read as an angle one (`〈计划)`, `《2)`): `〈` `《` `<` closed by `)` before any
 *   `》` `〉` `>` become `（`; read twice (`〈(`), the first goes.
 * - Letters for digits inside a number (`2O24年`, `1l个`): `O` `o` → `0`, `l` `I` `|` → `1`, in a run
 *   of digits not touching a Latin word.
 * - `一` before a digit, after a number or a number and its unit, is a dash (every engine reads `—`
 *   as `一`): years (`2023一2025年`, `2023年一2025年`), dates (`2024年1月一3月`, `1月1日一3月31日`,
 *   `2024.1一2025.12`), ranges (`2一3年`, `3个一5个`, `100万一200万元`, `10%一20%`). `一` is never
 *   followed by a digit in these documents otherwise.
 * - A straight `"` beside CJK text is a curly quote read without its curl: `”` where a `“` is open,
 *   else `“`.
 * - In an inline list of domains separated by `；` (`领域方向：农业；气候变化；人工智能，计量；…`), a
 *   `，` between two short items is a `；` read as `，` (the two differ by a dot): where the line
 *   has a `；` and the items on both sides are at most `LIST_ITEM` characters.
 */
import { labelsOf } from '../lexicon/fields.js';

type Log = (kind: 'ocr-misread', start: number, end: number, replacement?: string) => void;

const LABEL = `(?:${labelsOf().join('|')})`;
/** A label at the line start or after a clause end, then the marks read for its colon. */
const RE_LABEL_MARK = new RegExp(`(?:^|(?<=[。；;]))${LABEL}([，,;；.、·:：]{1,2})`, 'gu');
const COLON = new Set(['：', ':']);
const RE_NUMBER_RUN = /(?<![A-Za-z])[0-9OoIl|]*[0-9][0-9OoIl|]*(?![A-Za-z])/g;
const DIGIT_FOR: Readonly<Record<string, string>> = { O: '0', o: '0', I: '1', l: '1', '|': '1' };
const RE_DOMAINS = new RegExp(`^(?:${labelsOf('domains').join('|')})[：:]`);
/** Longest item of an inline domain list whose `，` is taken for a misread `；`. */
const LIST_ITEM = 12;

const CJK = /[\u3400-\u9fff]/u;

/** Units a number may carry before the dash of a range or a period. */
const UNIT_BEFORE_DASH = new Set([...'年月日号时点个项万亿元岁%％']);

/** Whether `chars[k]` (a `一` before a digit) follows a number, with or without its unit. */
function dashAfter(chars: readonly string[], k: number): boolean {
  const prev = chars[k - 1]!;
  if (/\d/.test(prev)) return true;
  let j = k - 1;
  while (j >= 0 && UNIT_BEFORE_DASH.has(chars[j]!) && k - j <= 2) j--;
  return j < k - 1 && j >= 0 && /\d/.test(chars[j]!);
}

/**
 * Repairs one cleaned line (its text and its map, `from`/`to`, changed in place); `next`: the start
 * of the next content line. Returns the new text; the map's first `text.length` entries are then
 * valid.
 */
export function repairOcrLine(text: string, from: Int32Array, to: Int32Array, log: Log, next?: string): string {
  const chars = [...text];
  if (chars.length !== text.length) return text; // astral characters: positions would not line up
  const change = new Map<number, string>();
  const drop = new Set<number>();

  for (const m of text.matchAll(RE_LABEL_MARK)) {
    const at = m.index + m[0].length - m[1]!.length;
    if (!COLON.has(chars[at]!)) change.set(at, '：');
    if (m[1]!.length === 2) drop.add(at + 1);
  }

  for (let k = 0; k < chars.length; k++) {
    const c = chars[k]!;
    if (c !== '〈' && c !== '《' && c !== '<') continue;
    if (chars[k + 1] === '(' || chars[k + 1] === '（') {
      drop.add(k);
      continue;
    }
    for (let j = k + 1; j < chars.length; j++) {
      const e = chars[j]!;
      if (e === '》' || e === '〉' || e === '>' || e === '〈' || e === '《' || e === '<') break;
      if (e === ')' || e === '）') {
        change.set(k, '（');
        break;
      }
    }
  }

  for (const m of text.matchAll(RE_NUMBER_RUN)) {
    for (let k = 0; k < m[0].length; k++) {
      const digit = DIGIT_FOR[m[0][k]!];
      if (digit !== undefined) change.set(m.index + k, digit);
    }
  }

  // The dash may end the line, its second number starting the next (`关于2023一` / `2025年…`).
  for (let k = 1; k < chars.length; k++) {
    const after = k + 1 < chars.length ? chars[k + 1]! : (next ?? '').charAt(0);
    if (chars[k] === '一' && /\d/.test(after) && dashAfter(chars, k)) change.set(k, '—');
  }

  // Straight quotes beside CJK text are the curly ones read without their curl (`“政府间…合作"`):
  // a `"` closes an open `“`, else opens one.
  let open = false;
  for (let k = 0; k < chars.length; k++) {
    const c = chars[k]!;
    if (c === '“') open = true;
    else if (c === '”') open = false;
    else if (c === '"' && (CJK.test(chars[k - 1] ?? '') || CJK.test(chars[k + 1] ?? ''))) {
      change.set(k, open ? '”' : '“');
      open = !open;
    }
  }

  const head = RE_DOMAINS.exec(text.replace(/^(.{2,6}?)[，,;；.、·](?=.)/u, (m, label: string) => `${label}：`));
  if (head && /[；;]/.test(text.slice(head[0].length))) {
    const seps: number[] = [head[0].length - 1];
    for (let k = head[0].length; k < chars.length; k++) if ('，,；;。'.includes(chars[k]!)) seps.push(k);
    seps.push(chars.length);
    for (let i = 1; i + 1 < seps.length; i++) {
      const k = seps[i]!;
      if (chars[k] !== '，' && chars[k] !== ',') continue;
      if (k - seps[i - 1]! - 1 <= LIST_ITEM && seps[i + 1]! - k - 1 <= LIST_ITEM) change.set(k, '；');
    }
  }

  if (change.size === 0 && drop.size === 0) return text;
  let out = '';
  let n = 0;
  for (let k = 0; k < chars.length; k++) {
    if (drop.has(k)) {
      log('ocr-misread', from[k]!, to[k]!);
      continue;
    }
    const replaced = change.get(k);
    if (replaced !== undefined) log('ocr-misread', from[k]!, to[k]!, replaced);
    out += replaced ?? chars[k]!;
    from[n] = from[k]!;
    to[n] = to[k]!;
    n++;
  }
  return out;
}
