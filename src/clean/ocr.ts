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
 *   of digits not touching a Latin word; and a table row's first cell of one such letter (`| I |`).
 * - `一` before a digit, after a number or a number and its unit, is a dash (every engine reads `—`
 *   as `一`): years (`2023一2025年`, `2023年一2025年`), dates (`2024年1月一3月`, `1月1日一3月31日`,
 *   `2024.1一2025.12`), ranges (`2一3年`, `3个一5个`, `100万一200万元`, `10%一20%`). `一` is never
 *   followed by a digit in these documents otherwise.
 * - A straight `"` beside CJK text is a curly quote read without its curl: `”` where a `“` is open,
 *   else `“`.
 * - In an inline list of domains separated by `；` (`领域方向：农业；气候变化；人工智能，计量；…`), a
 *   `，` between two short items is a `；` read as `，` (the two differ by a dot): where the line
 *   has a `；` and the items on both sides are at most `LIST_ITEM` characters.
 * - Specks of dust read as marks, known by where they stand (their confidence is as often high as
 *   low): a dot or a tick at the line's start, after a space or another mark, or between two CJK
 *   characters, or under `SPECK_DOUBT` (80), never after a digit (`申.报`, `；·`, `．1.8中国…`,
 *   `.拟支持项目数`), a middle dot ending the line after CJK text (`…电子皮肤·`); a full stop, comma, colon or semicolon opening the line (`：共拟支持经费`), or under
 *   `SPECK_MARK_DOUBT` (50) after a space or beside another mark (`； ：（3）`); an `I` under 50
 *   ending a run of CJK text (`研究项目I`). Dropped.
 * - `°` after a CJK character is a full stop read small (`…治理平台°`); after a digit it is a degree.
 * - A half-width `;` or `,` in Chinese text is the full-width mark read narrow (the engine's two
 *   classes differ only in the glyph's advance): `；` after a CJK character, a closing bracket or
 *   quote or `%`, or before a CJK character or the line's end in a line of Chinese (`≤60s;`), where
 *   no Latin letter or digit follows; `，` between two CJK characters.
 *   `1,000` and `Horizon Europe; EU` keep theirs.
 * - `一` between `中国` and a partner's name is the dash of `中国—东盟`, `中国—中东欧国家` (the
 *   engines read `—` as `一`; no partner name begins with `一`).
 */
import { labelsOf } from '../lexicon/fields.js';
import { findPartners } from '../lexicon/partners.js';

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

/** Marks a speck is read as, and the confidences under which such a mark is taken for one. */
const SPECK_DOT = new Set([...'.·．・\'‘’`']);
const SPECK_MARK = new Set([...'，,：:；;、']);
const SPECK_STROKE = new Set([...'Il|']);
const SPECK_DOUBT = 80;
const SPECK_MARK_DOUBT = 50;
const MARK = /[，,：:；;、。．.·]/u;

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

/** A line being repaired: its characters (one code unit each), and what the rules found to change or drop. */
interface Repair {
  readonly text: string;
  readonly chars: readonly string[];
  /** The start of the next content line. */
  readonly next: string | undefined;
  readonly confidence: ((k: number) => number) | undefined;
  /** The characters to replace, by index: what each becomes (a later rule's wins). */
  readonly change: Map<number, string>;
  /** The characters to drop, by index. */
  readonly drop: Set<number>;
}

/** The repairs, in the order they are found (where two change one character, the later holds). */
const REPAIRS: readonly ((line: Repair) => void)[] = [
  dropSpecks,
  labelColons,
  roundBrackets,
  loneRowNumber,
  digitsForLetters,
  rangeDashes,
  narrowMarks,
  itemNumberStops,
  partnerDashes,
  curlyQuotes,
  domainListSemicolons,
];

/**
 * Repairs one cleaned line (its text and its map, `from`/`to`, changed in place); `next`: the start
 * of the next content line. Returns the new text; the map's first `text.length` entries are then
 * valid.
 */
export function repairOcrLine(text: string, from: Int32Array, to: Int32Array, log: Log, next?: string, confidence?: (k: number) => number): string {
  const chars = [...text];
  if (chars.length !== text.length) return text; // astral characters: positions would not line up
  const line: Repair = { text, chars, next, confidence, change: new Map<number, string>(), drop: new Set<number>() };
  for (const repair of REPAIRS) repair(line);
  if (line.change.size === 0 && line.drop.size === 0) return text;
  return applyRepairs(line, from, to, log);
}

/** The line with its changes and drops made, each logged, and its map moved to match. */
function applyRepairs({ chars, change, drop }: Repair, from: Int32Array, to: Int32Array, log: Log): string {
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

/** Specks of dust read as marks, dropped. */
function dropSpecks({ chars, confidence, drop }: Repair): void {
  // Specks read as marks (they come out with high confidence as often as not, so where they stand
  // is the evidence): a dot or tick at the line's start, after a space or another mark, or between
  // two CJK characters (not a decimal point, not a heading's `1.`, not the `·` of a transliterated
  // name), or any doubtful one; a comma, colon or semicolon opening the line, or a doubtful one
  // beside a space or another mark; a doubtful `I` ending a run of CJK text.
  const first = chars.findIndex((c) => c.trim() !== '' && c !== '\u3000');
  let last = chars.length - 1;
  while (last >= 0 && (chars[last]!.trim() === '' || chars[last] === '\u3000')) last--;
  for (let k = 0; k < chars.length; k++) {
    const c = chars[k]!;
    const conf = confidence?.(k) ?? 100;
    const before = k === first ? '' : (chars[k - 1] ?? '');
    const after = chars[k + 1] ?? '';
    const markBefore = MARK.test(before) || before === ' ' || k === first;
    if (SPECK_DOT.has(c)) {
      if (/\d/.test(before)) continue;
      // (A middle dot ends no line: `…电子皮肤·` is a speck; a name's `·` stands between two words.)
      if (markBefore || (c !== '·' && CJK.test(before) && CJK.test(after)) || (c === '·' && k === last && CJK.test(before)) || conf < SPECK_DOUBT) drop.add(k);
    } else if (c === '。' && k === first && /[\u3400-\u9fff（(0-9]/u.test(after)) {
      // A full stop opens no line: a speck in the indent before `6.多模态…`.
      drop.add(k);
    } else if (SPECK_MARK.has(c)) {
      if ((k === first && /[\u3400-\u9fff（(0-9]/u.test(after)) || (conf < SPECK_MARK_DOUBT && (markBefore || MARK.test(after)))) drop.add(k);
    } else if (SPECK_STROKE.has(c) && conf < SPECK_MARK_DOUBT && CJK.test(before) && !/[A-Za-z0-9]/.test(after)) drop.add(k);
  }
}

/** A field label's colon read as another mark: `：` (a second mark dropped). */
function labelColons({ text, chars, change, drop }: Repair): void {
  for (const m of text.matchAll(RE_LABEL_MARK)) {
    const at = m.index + m[0].length - m[1]!.length;
    if (!COLON.has(chars[at]!)) change.set(at, '：');
    if (m[1]!.length === 2) drop.add(at + 1);
  }
}

/** A round bracket read as an angle one (`〈计划)`): `（`; read twice (`〈(`), the first dropped. */
function roundBrackets({ chars, change, drop }: Repair): void {
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
}

/** The row number a table row's first cell reads as a letter (`| I |`): the digit. */
function loneRowNumber({ text, change }: Repair): void {
  // A table row's first cell of one letter that is a digit's look-alike (`| I | 德国 |`): the row
  // number, read without the digits around it that the rule below needs.
  const lone = /^\|\s*([OoIl])\s*\|/.exec(text);
  if (lone) change.set(lone[0].indexOf(lone[1]!), DIGIT_FOR[lone[1]!]!);
}

/** Letters for digits inside a number (`2O24年`, `1l个`): the digits. */
function digitsForLetters({ text, change }: Repair): void {
  for (const m of text.matchAll(RE_NUMBER_RUN)) {
    for (let k = 0; k < m[0].length; k++) {
      const digit = DIGIT_FOR[m[0][k]!];
      if (digit !== undefined) change.set(m.index + k, digit);
    }
  }
}

/** `一` before a digit, after a number or a number and its unit (`2023一2025年`): a dash. */
function rangeDashes({ chars, next, change }: Repair): void {
  // The dash may end the line, its second number starting the next (`关于2023一` / `2025年…`).
  for (let k = 1; k < chars.length; k++) {
    const after = k + 1 < chars.length ? chars[k + 1]! : (next ?? '').charAt(0);
    if (chars[k] === '一' && /\d/.test(after) && dashAfter(chars, k)) change.set(k, '—');
  }
}

/**
 * `°` after CJK text for `。`; a narrow `;` or `,` in Chinese text for the full-width mark; a `.`
 * that ends a CJK sentence (`…年龄要求同上.`, before the line's end or CJK text) for `。`.
 */
function narrowMarks({ text, chars, change }: Repair): void {
  for (let k = 0; k < chars.length; k++) {
    const c = chars[k]!;
    const prev = chars[k - 1] ?? '';
    const following = chars[k + 1] ?? '';
    if (c === '°' && CJK.test(prev)) change.set(k, '。');
    else if (c === '.' && (CJK.test(prev) || /[）”]/.test(prev)) && (following === '' || CJK.test(following) || /[“（]/.test(following))) change.set(k, '。');
    // (Or after the figure that ends a CJK sentence at the line's end: `…比例不低于1:1.`.)
    else if (c === '.' && following === '' && /\d/.test(prev) && /[\u4e00-\u9fff][^\u4e00-\u9fff]{0,8}$/.test(text.slice(0, k))) change.set(k, '。');
    else if (c === ';' || c === ',') {
      const [before, after] = [prev, following];
      const latinAfter = /[A-Za-z0-9]/.test(after);
      if (c === ';' && !latinAfter && (CJK.test(before) || /[）)》”’%％]/.test(before) || ((after === '' || CJK.test(after)) && CJK.test(text)))) change.set(k, '；');
      else if (c === ',' && CJK.test(before) && CJK.test(after)) change.set(k, '，');
    }
  }
}

/**
 * An item's number whose stop was read as a full stop (`4。同一项目负责人…`, the items around it
 * `3．` and `5.`): the stop. Only at the line's start and before text: a sentence never opens so.
 */
function itemNumberStops({ text, change }: Repair): void {
  const m = /^([\s\u3000]*)\d{1,2}。(?=[\u4e00-\u9fff])/.exec(text);
  if (m) change.set(m[0].length - 1, '.');
}

/** `一` between `中国` and a partner's name (`中国一东盟`): the dash. */
function partnerDashes({ text, change }: Repair): void {
  for (let k = text.indexOf('中国一'); k >= 0; k = text.indexOf('中国一', k + 1)) {
    const hit = findPartners(text.slice(k + 3, k + 3 + 12))[0];
    if (hit && hit.index === 0) change.set(k + 2, '—');
  }
}

/** A straight `"` beside CJK text: `”` where a `“` is open, else `“`. */
function curlyQuotes({ chars, change }: Repair): void {
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
}

/** In an inline list of domains parted by `；`, a `，` between two short items: `；`. */
function domainListSemicolons({ text, chars, change }: Repair): void {
  const head = RE_DOMAINS.exec(text.replace(/^(.{2,6}?)[，,;；.、·](?=.)/u, (m, label: string) => `${label}：`));
  if (!head || !/[；;]/.test(text.slice(head[0].length))) return;
  const seps: number[] = [head[0].length - 1];
  for (let k = head[0].length; k < chars.length; k++) if ('，,；;。'.includes(chars[k]!)) seps.push(k);
  seps.push(chars.length);
  for (let i = 1; i + 1 < seps.length; i++) {
    const k = seps[i]!;
    if (chars[k] !== '，' && chars[k] !== ',') continue;
    if (k - seps[i - 1]! - 1 <= LIST_ITEM && seps[i + 1]! - k - 1 <= LIST_ITEM) change.set(k, '；');
  }
}
