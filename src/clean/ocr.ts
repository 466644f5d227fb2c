/**
 * Misreadings that OCR makes in these documents and that the text around them undoes, applied only
 * to lines read by OCR (text files and text layers never had them). Each is logged as
 * `ocr-misread` with what was read and what it became; each replaces one code unit by one or
 * drops one, so that the cleaned line keeps its map back to the loaded text.
 *
 * - A field label's colon read as another mark (`拟支持项目数，4个`, `共拟支持经费;800万元`,
 *   `合作协议:，《…》`): at a line start or after `。`/`；`, the mark after a known label becomes `：`
 *   (a second mark there is dropped). The label is the evidence: Tesseract reads the full-width
 *   colon's two dots as `，` or `;` about one time in two.
 * - A round bracket read as an angle one (`〈计划)`, `《2)`): `〈` `《` `<` closed by `)` before any
 *   `》` `〉` `>` become `（`; read twice (`〈(`), the first goes.
 * - Letters for digits inside a number (`2O24年`, `1l个`): `O` `o` → `0`, `l` `I` `|` → `1`, in a run
 *   of digits not touching a Latin word.
 * - `一` between two digits is a dash (`2023一2025年`: `—`).
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

/**
 * Repairs one cleaned line (its text and its map, `from`/`to`, changed in place). Returns the new
 * text; the map's first `text.length` entries are then valid.
 */
export function repairOcrLine(text: string, from: Int32Array, to: Int32Array, log: Log): string {
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

  for (let k = 1; k + 1 < chars.length; k++) {
    if (chars[k] === '一' && /\d/.test(chars[k - 1]!) && /\d/.test(chars[k + 1]!)) change.set(k, '—');
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
