/**
 * The RTF reader on RTF as Word writes it (hand-made here, byte for byte): Chinese in `\'hh` bytes of
 * the document's code page (`\ansicpg936`) and in `\uN` with fallback characters, list numbers in
 * `\listtext`, a field's result, a table with a cell merged down, and what is no text (header,
 * hidden text, a `\*` destination, the font table).
 */
import { describe, expect, it } from 'vitest';
import { readRtf } from '../../src/load/rtf.js';

// The GBK bytes of the few characters used (Node has no GBK encoder: a table of what the test needs).
const GBK: Record<string, readonly number[]> = { '国': [0xb9, 0xfa], '家': [0xbc, 0xd2], '德': [0xb5, 0xc2], '一': [0xd2, 0xbb], '、': [0xa1, 0xa2], '总': [0xd7, 0xdc], '体': [0xcc, 0xe5], '目': [0xc4, 0xbf], '标': [0xb1, 0xea] };
/** `s` in GBK as RTF `\'hh` escapes. */
const gbk = (s: string): string => [...s].flatMap((c) => GBK[c]!).map((b) => `\\'${b.toString(16)}`).join('');

const doc = [
  String.raw`{\rtf1\ansi\ansicpg936\deff0{\fonttbl{\f0\fnil\fcharset134 \'cb\'ce\'cc\'e5;}{\f1\froman\fcharset0 Times New Roman;}}`,
  String.raw`{\*\generator Microsoft Word 16;}{\info{\title x}}`,
  String.raw`{\header \pard\plain ${gbk('国家')}\par}`,
  String.raw`\pard\plain\f0 {\listtext\pard\plain ${gbk('一、')}\tab}${gbk('总体目标')}\par`,
  String.raw`\pard\plain\f1 {\loch\f1 ${gbk('德国')}}\u21512\'3f\u20316\'3f{\v ${gbk('国家')}}\line ABC\~D\par`,
  String.raw`\pard\plain {\field{\*\fldinst HYPERLINK "https://x"}{\fldrslt \u38142\'3f\u25509\'3f}}\par`,
  String.raw`{\*\bkmkstart a}{\*\unknowndest hidden words}\pard\plain \uc2\u55357\'3f\'3f\u56832\'3f\'3f\par`,
  String.raw`\trowd\clvmgf\cellx2000\cellx4000\pard\intbl A1\cell B1\cell\row`,
  String.raw`\trowd\clvmrg\cellx2000\cellx4000\pard\intbl \cell B2\cell\row`,
  String.raw`\pard\plain after\par}`,
].join('\n');

describe('RTF as Word writes it', () => {
  const built = readRtf(Buffer.from(doc, 'latin1'));
  const lines = built.text.split('\n').filter((l) => l !== '');

  it('decodes the document’s code page and \\uN (skipping their fallback), with list numbers and field results', () => {
    expect(lines).toEqual(['一、总体目标', '德国合作', 'ABC\u00a0D', '链接', '😀', '| A1 | B1 |', '| A1 | B2 |', 'after']);
  });

  it('leaves out and logs the header and hidden text; skips the font table, info and \\* destinations', () => {
    expect(built.removed.filter((r) => r.kind !== 'indent').map((r) => [r.kind, r.text])).toEqual([
      ['running-header', '国家'],
      ['hidden-text', '国家'],
    ]);
    expect(built.text).not.toMatch(/Times|hidden words|Microsoft|宋体/);
    expect(built.tables).toBe(1);
  });
});

describe('RTF control words named as properties every object has', () => {
  it('write nothing of their own into the text (\\toString, \\constructor are unknown words)', () => {
    const built = readRtf(Buffer.from(String.raw`{\rtf1\ansi {\toString a}{\constructor b}\valueOf c\par}`, 'latin1'));
    expect(built.text.replace(/\s+/g, ' ').trim()).toBe('abc');
  });
});
