/** Character classes used by several stages. */

/** CJK ideographs (unified, extension A) and compatibility ideographs. */
export const CJK_IDEOGRAPH = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
/** CJK and full-width punctuation. */
export const CJK_PUNCT = /[\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\u2014\u2026\u201c\u201d\u2018\u2019\u00b7]/;

export function isCjk(ch: string | undefined): boolean {
  return ch !== undefined && CJK_IDEOGRAPH.test(ch);
}

export function isCjkOrPunct(ch: string | undefined): boolean {
  return ch !== undefined && (CJK_IDEOGRAPH.test(ch) || CJK_PUNCT.test(ch));
}

/** Full-width digits and Latin letters (`２`, `Ａ`, `ａ`): each is its ASCII twin + 0xFEE0. */
const FULL_WIDTH_ALNUM_CLASS = '[\\uff10-\\uff19\\uff21-\\uff3a\\uff41-\\uff5a]';
const FULL_WIDTH_ALNUM = new RegExp(FULL_WIDTH_ALNUM_CLASS);
const FULL_WIDTH_ALNUM_ALL = new RegExp(FULL_WIDTH_ALNUM_CLASS, 'g');
const FULL_WIDTH_OFFSET = 0xfee0;

/** The ASCII digit or letter a full-width one stands for (`２` → `2`), or null. */
export function asciiOfFullWidth(ch: string): string | null {
  return ch.length === 1 && FULL_WIDTH_ALNUM.test(ch) ? String.fromCharCode(ch.charCodeAt(0) - FULL_WIDTH_OFFSET) : null;
}

/** `text` with full-width digits and Latin letters (`２０２５`, `ＡＳＥＡＮ`) as ASCII. */
export function asciiAlnum(text: string): string {
  if (!FULL_WIDTH_ALNUM.test(text)) return text;
  return text.replace(FULL_WIDTH_ALNUM_ALL, (c) => String.fromCharCode(c.charCodeAt(0) - FULL_WIDTH_OFFSET));
}

export function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

export function isLatin(ch: string | undefined): boolean {
  return ch !== undefined && /[A-Za-z]/.test(ch);
}

/** Display width: 2 for East Asian wide and full-width characters, 1 otherwise. */
export function displayWidth(text: string): number {
  let w = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x1100) w += 1;
    else if (c >= 0xdc00 && c < 0xe000) continue; // low surrogate: counted with its high half
    else if (c >= 0xd800 && c < 0xdc00) w += 2; // supplementary planes: CJK extensions
    else
      w +=
        (c <= 0x115f) ||
        (c >= 0x2e80 && c <= 0xa4cf) ||
        (c >= 0xac00 && c <= 0xd7a3) ||
        (c >= 0xf900 && c <= 0xfaff) ||
        (c >= 0xfe30 && c <= 0xfe4f) ||
        (c >= 0xff00 && c <= 0xff60) ||
        (c >= 0xffe0 && c <= 0xffe6) ||
        c === 0x2014 ||
        c === 0x201c ||
        c === 0x201d
          ? 2
          : 1;
  }
  return w;
}

const CJK_DIGITS: Readonly<Record<string, number>> = {
  〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/** The financial numerals (大写, as cheques and budgets write them) as the plain ones. */
const FINANCIAL: Readonly<Record<string, string>> = { 壹: '一', 贰: '二', 貳: '二', 叁: '三', 參: '三', 肆: '四', 伍: '五', 陆: '六', 陸: '六', 柒: '七', 捌: '八', 玖: '九', 拾: '十', 佰: '百', 仟: '千' };
export const FINANCIAL_NUMERALS = Object.keys(FINANCIAL).join('');

/** Value of a Chinese numeral up to 9999 (`十一` → 11, `二十八` → 28, `叁拾` → 30), or null. Arabic digits pass through. */
export function parseCjkNumber(input: string): number | null {
  const text = input.replace(/./gu, (c) => FINANCIAL[c] ?? c);
  if (/^\d+$/.test(text)) return Number(text);
  if (!/^[〇零一二两三四五六七八九十百千]+$/.test(text)) return null;
  let total = 0;
  let digit = 0;
  let seen = false;
  for (const ch of text) {
    if (ch in CJK_DIGITS) {
      digit = CJK_DIGITS[ch]!;
      seen = true;
    } else {
      const unit = ch === '十' ? 10 : ch === '百' ? 100 : 1000;
      total += (seen ? digit : 1) * unit;
      digit = 0;
      seen = false;
    }
  }
  return total + digit;
}

/**
 * Characters of the CJK Radicals Supplement (U+2E80–U+2EFF) that some PDF fonts map whole
 * characters to (`征求意⻅稿` for 征求意见稿, `⻓期` for 长期), with the unified ideograph each stands
 * for. Unicode gives these no compatibility decomposition (NFKC keeps all but ⺟ and ⻳), so the
 * mapping is a table: the simplified radicals that the Unicode Character Database's CJKRadicals.txt
 * pairs with an ideograph, and the radicals whose glyph is a complete character (⻄ 西, ⻘ 青, …).
 * Radicals that only ever occur as a component (⺅, ⺡, ⻌) have no such character and are left as
 * they are.
 */
export const RADICAL_SUPPLEMENT: ReadonlyMap<number, string> = new Map(
  (
    [
      [0x2e9f, 0x6bcd], [0x2ea0, 0x6c11], [0x2ea6, 0x4e2c], [0x2eb0, 0x7e9f], [0x2ec4, 0x897f],
      [0x2ec5, 0x89c1], [0x2ec6, 0x89d2], [0x2ec8, 0x8ba0], [0x2ec9, 0x8d1d], [0x2ecb, 0x8f66],
      [0x2ed0, 0x9485], [0x2ed1, 0x9577], [0x2ed3, 0x957f], [0x2ed4, 0x95e8], [0x2ed8, 0x9752],
      [0x2ed9, 0x97e6], [0x2eda, 0x9875], [0x2edb, 0x98ce], [0x2edc, 0x98de], [0x2edd, 0x98df],
      [0x2ee0, 0x9963], [0x2ee2, 0x9a6c], [0x2ee3, 0x9aa8], [0x2ee4, 0x9b3c], [0x2ee5, 0x9c7c],
      [0x2ee6, 0x9e1f], [0x2ee7, 0x5364], [0x2ee8, 0x9ea6], [0x2ee9, 0x9ec4], [0x2eea, 0x9efe],
      [0x2eeb, 0x6589], [0x2eec, 0x9f50], [0x2eed, 0x6b6f], [0x2eee, 0x9f7f], [0x2eef, 0x7adc],
      [0x2ef0, 0x9f99], [0x2ef2, 0x4e80], [0x2ef3, 0x9f9f],
    ] as const
  ).map(([radical, ideograph]) => [radical, String.fromCodePoint(ideograph)]),
);

/**
 * A look-alike of an ideograph — a Kangxi radical (⼀ U+2F00), a radical of the CJK Radicals
 * Supplement (⻅), a compatibility ideograph — as the ideograph it stands for; null for any other
 * character and for radicals that stand for none. PDF fonts that share a glyph between a radical
 * and an ideograph make producers write these; `clean` replaces them (logged) in the text.
 */
export function ideographOf(ch: string): string | null {
  const c = ch.codePointAt(0)!;
  if (!((c >= 0x2e80 && c <= 0x2fdf) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0x2f800 && c <= 0x2fa1f))) return null;
  const to = RADICAL_SUPPLEMENT.get(c) ?? ch.normalize('NFKC');
  return to !== ch ? to : null;
}

/** `text` with its look-alikes of ideographs replaced (`ideographOf`), for matching words such as table headers. */
export function plainIdeographs(text: string): string {
  return text.replace(/[\u2e80-\u2fdf\uf900-\ufaff]|[\ud87e][\udc00-\ude1f]/g, (ch) => ideographOf(ch) ?? ch);
}

/**
 * Punctuation that PDF fonts map to look-alikes: a horizontal bar for the em dash
 * (`2023―2025`), a wave dash for the full-width tilde (`2〜3年`), hyphens and minus signs for
 * `-`. Each becomes the character the text seed uses, so a PDF and its text extract identically.
 */
export const PUNCT_LOOKALIKE: ReadonlyMap<number, string> = new Map([
  [0x2015, '—'],
  [0x2500, '—'],
  [0x2501, '—'],
  [0x301c, '～'],
  [0x223c, '～'],
  [0x2053, '～'],
  [0xff0d, '-'],
  [0x2010, '-'],
  [0x2011, '-'],
  [0x2012, '-'],
  [0x2212, '-'],
  [0xfe63, '-'],
]);

/** Half-width punctuation and the full-width form a Chinese text uses. */
export const HALF_TO_FULL: Readonly<Record<string, string>> = {
  ',': '，',
  ';': '；',
  ':': '：',
  '!': '！',
  '?': '？',
  '(': '（',
  ')': '）',
};

/** A CJK ideograph or CJK/full-width punctuation (not a digit, letter or ASCII symbol). */
export function isCjkContext(ch: string | undefined): boolean {
  return ch !== undefined && (CJK_IDEOGRAPH.test(ch) || CJK_PUNCT.test(ch));
}

/**
 * Text as a reader compares two readings of it (a scan's OCR against its text layer): white space
 * aside, width forms folded (NFKC), and the look-alikes a PDF font may write (radicals for
 * ideographs, `―` for `—`) as the characters they stand for, as `clean` reads them.
 */
export function comparableText(text: string): string {
  return plainIdeographs(text.normalize('NFKC'))
    .replace(/\s+/g, '')
    .replace(/./gu, (c) => PUNCT_LOOKALIKE.get(c.codePointAt(0)!) ?? c);
}

/**
 * Letters OCR reads for a lone digit (a row number in a narrow 序号 cell, read with nothing around
 * it): `A` for `4`, `I` for `1`. Only where the numbering around it says which digit stands there.
 */
export const DIGIT_LOOKALIKE: ReadonlyMap<string, string> = new Map([
  ['I', '1'], ['l', '1'], ['i', '1'], ['|', '1'], ['Z', '2'], ['z', '2'], ['A', '4'], ['S', '5'], ['s', '5'],
  ['G', '6'], ['b', '6'], ['T', '7'], ['B', '8'], ['g', '9'], ['q', '9'], ['O', '0'], ['o', '0'], ['D', '0'],
]);

/** A line that is a rule only: five or more of one rule character (box-drawing, dashes, `=`, `_`, `*`, `~`). */
export const RE_RULE_LINE = /^[ \t\u3000]*(?:─{5,}|━{5,}|═{5,}|—{5,}|-{5,}|_{5,}|={5,}|\*{5,}|~{5,}|－{5,}|＝{5,})[ \t\u3000]*$/;

/** How many round brackets (`（`, `(`) are still open at the end of `t`; a stray closing one counts for nothing. */
export function openBrackets(t: string): number {
  let open = 0;
  for (const c of t) {
    if (c === '（' || c === '(') open++;
    else if ((c === '）' || c === ')') && open > 0) open--;
  }
  return open;
}
