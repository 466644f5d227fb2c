/**
 * Text decoding: UTF-8 (with or without BOM), UTF-16 (with BOM, or without one when the NUL pattern
 * is unmistakable) GB18030/GBK and Big5, detected rather than assumed. Pure: bytes in, text out.
 */
import { GuidelineError } from '../types.js';
import { reason } from '../messages/reasons.js';

export interface Decoded {
  readonly text: string;
  readonly encoding: 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'big5';
}

function decode(bytes: Uint8Array, label: string, offset = 0): string | null {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(offset));
  } catch {
    return null;
  }
}

/** Share of code units that are control characters other than tab, line ends and form feed. */
function controlShare(text: string): number {
  if (text.length === 0) return 0;
  let bad = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0x7f || c === 0xfffd) bad++;
  }
  return bad / text.length;
}

/**
 * Share of characters a Chinese or English document is made of (CJK, CJK punctuation, full-width
 * forms, ASCII, general punctuation). GB18030 accepts most byte strings, so a GB18030 reading of
 * garbage shows up as rare scripts and private-use characters.
 */
function plausibleShare(text: string): number {
  let ok = 0;
  let n = 0;
  for (const ch of text) {
    n++;
    const c = ch.codePointAt(0)!;
    if (
      c < 0x7f ||
      (c >= 0x4e00 && c <= 0x9fff) ||
      (c >= 0x3000 && c <= 0x303f) ||
      (c >= 0xff00 && c <= 0xffef) ||
      (c >= 0x2000 && c <= 0x206f) ||
      (c >= 0x3400 && c <= 0x4dbf) ||
      (c >= 0x2e80 && c <= 0x2fdf) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      c === 0xb7 ||
      c === 0xd7
    )
      ok++;
  }
  return n === 0 ? 1 : ok / n;
}

/**
 * UTF-16 without BOM: a candidate when zero bytes stand mostly (two in three) in one place of the
 * byte pairs: the high byte of ASCII (line ends, digits, Latin letters); the other place holds the
 * low byte of a few characters (`一` U+4E00, the ideographic space U+3000). Chinese text has few
 * zero bytes (a CJK character has none: the seed has 20%, English text 50%), so their number is
 * not the evidence, their place is; the caller then wants the decoded text to be plausible text.
 */
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return null;
  const n = Math.min(bytes.length, 4096);
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i + 1 < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero >= Math.max(2, pairs * 0.02) && evenZero * 2 < oddZero) return 'utf-16le';
  if (evenZero >= Math.max(2, pairs * 0.02) && oddZero * 2 < evenZero) return 'utf-16be';
  return null;
}

/**
 * Characters frequent in any Chinese text, in simplified and traditional forms, and in guidelines
 * in particular. A text decoded with the wrong code page holds few of them: GB18030 accepts nearly
 * any byte string, so a Big5 file (a Hong Kong or Taiwan repost) read as GB18030 comes out as
 * plausible-looking but rare characters, and the reverse as well.
 */
const COMMON = new Set(
  '的一是在不了有和人中大为為上个個国國我以要他时時来來用们們生到作地于於出就分对對成会會可主发發年动動同工也能下过過子说說产產种種面而方后後多定行学學法所民得经經十三之进進着著等部度家电電力里裡如水化高自二理起小物现現实實加量都两兩体體制机機当當使点點从從业業本去把性好应應开開合还還因由其些然前外天政四日事平形相全表间間样樣与與关關各重新线線内內数數正心反明看原又利比或但质質气氣第向道此变變条條只没沒结結解问問意建月公无無系很情者最立代已通并並提直题題程展五果料员員位入常文总總次品式活设設及管特件长長求基资資边邊流路级級少图圖统統接知较較将將组組见見计計别別期根论論运運指区區强強放决決西被做必先回则則任取据據处處项項目申报報南科技术術研究港澳台湾灣香州省市国际際创創新'
);

/** Share of the CJK ideographs of `text` that are common characters. */
function commonShare(text: string): number {
  let cjk = 0;
  let common = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || c >= 0x20000) {
      cjk++;
      if (COMMON.has(ch)) common++;
    }
  }
  return cjk === 0 ? 0 : common / cjk;
}

/**
 * A text that is not UTF-8: GB18030 (GBK, GB2312) or Big5 (a Hong Kong or Taiwan office's file),
 * whichever reading holds more of the characters every Chinese text is made of; null when neither
 * reads as Chinese text.
 */
function decodeLegacyChinese(bytes: Uint8Array): Decoded | null {
  const readings = (['gb18030', 'big5'] as const)
    .map((encoding) => ({ encoding, text: decode(bytes, encoding) }))
    .filter((r): r is { encoding: 'gb18030' | 'big5'; text: string } => r.text !== null && plausibleShare(r.text) >= 0.9)
    .map((r) => ({ ...r, common: commonShare(r.text) }));
  // GB18030 first: of two readings alike (a text of ASCII alone), the mainland's.
  const best = readings.reduce<(typeof readings)[number] | null>((b, r) => (b === null || r.common > b.common ? r : b), null);
  return best && { text: best.text, encoding: best.encoding };
}

/** Decodes a text file, or throws a `GuidelineError` saying why it cannot be read as text. */
export function decodeText(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) throw new GuidelineError('empty', reason('empty-file'));
  let decoded: Decoded | null = null;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = decode(bytes, 'utf-8', 3);
    if (text === null) throw new GuidelineError('encoding', reason('bad-bom', 'UTF-8'));
    decoded = { text, encoding: 'utf-8-bom' };
  } else if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    const label = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    const text = decode(bytes, label, 2);
    if (text === null) throw new GuidelineError('encoding', reason('bad-bom', label.toUpperCase()));
    decoded = { text, encoding: label };
  } else {
    const utf16 = sniffUtf16(bytes);
    if (utf16) {
      const text = decode(bytes, utf16);
      if (text !== null && controlShare(text) < 0.01 && plausibleShare(text) >= 0.9) decoded = { text, encoding: utf16 };
    }
    if (!decoded) {
      if (bytes.includes(0)) throw new GuidelineError('binary', reason('binary-nul'));
      const utf8 = decode(bytes, 'utf-8');
      if (utf8 !== null) decoded = { text: utf8, encoding: 'utf-8' };
      else decoded = decodeLegacyChinese(bytes);
    }
  }
  if (!decoded) {
    throw new GuidelineError('encoding', reason('unknown-encoding'));
  }
  if (controlShare(decoded.text) > 0.01) throw new GuidelineError('binary', reason('binary-control'));
  if (decoded.text.trim().length === 0) throw new GuidelineError('empty', reason('only-white-space'));
  return decoded;
}
