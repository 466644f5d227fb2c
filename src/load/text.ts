/**
 * Text decoding: UTF-8 (with or without BOM), UTF-16 (with BOM, or without one when the NUL pattern
 * is unmistakable) and GB18030/GBK, detected rather than assumed. Pure: bytes in, text out.
 */
import { GuidelineError } from '../types.js';
import { reason } from '../messages/reasons.js';

export interface Decoded {
  readonly text: string;
  readonly encoding: 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';
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
      else {
        const gb = decode(bytes, 'gb18030');
        if (gb !== null && plausibleShare(gb) >= 0.9) decoded = { text: gb, encoding: 'gb18030' };
      }
    }
  }
  if (!decoded) {
    throw new GuidelineError('encoding', reason('unknown-encoding'));
  }
  if (controlShare(decoded.text) > 0.01) throw new GuidelineError('binary', reason('binary-control'));
  if (decoded.text.trim().length === 0) throw new GuidelineError('empty', reason('only-white-space'));
  return decoded;
}
