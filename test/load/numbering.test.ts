import { describe, expect, it } from 'vitest';
import { assignIds, documentId } from '../../src/load/id.js';
import { chineseCounting, formatNumber, Numbering } from '../../src/load/numbering.js';
import { parseXml } from '../../src/load/xml.js';

describe('Word number formats', () => {
  it('counts in Chinese as Word does', () => {
    expect([1, 9, 10, 11, 19, 20, 21, 99, 100, 101, 110, 999].map((n) => chineseCounting(n))).toEqual([
      '一', '九', '十', '十一', '十九', '二十', '二十一', '九十九', '一百', '一百零一', '一百一十', '九百九十九',
    ]);
    expect(formatNumber(12, 'chineseLegalSimplified')).toBe('拾贰');
    expect(formatNumber(3, 'ideographTraditional')).toBe('丙');
    expect(formatNumber(105, 'ideographDigital')).toBe('一〇五');
  });

  it('writes letters, roman numerals, enclosed and full-width digits', () => {
    expect([1, 26, 27, 53].map((n) => formatNumber(n, 'lowerLetter'))).toEqual(['a', 'z', 'aa', 'aaa']);
    expect(formatNumber(2, 'upperLetter')).toBe('B');
    expect(formatNumber(14, 'lowerRoman')).toBe('xiv');
    expect([1, 20, 21, 36, 51].map((n) => formatNumber(n, 'decimalEnclosedCircle'))).toEqual(['①', '⑳', '㉑', '㊱', '51']);
    expect(formatNumber(3, 'decimalEnclosedParen')).toBe('⑶');
    expect(formatNumber(3, 'decimalEnclosedFullstop')).toBe('⒊');
    expect(formatNumber(12, 'decimalFullWidth')).toBe('１２');
    expect(formatNumber(7, 'decimalZero')).toBe('07');
    expect(formatNumber(7, 'none')).toBe('');
  });
});

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const lvl = (ilvl: number, fmt: string, text: string, extra = ''): string =>
  `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${fmt}"/><w:lvlText w:val="${text}"/>${extra}</w:lvl>`;

describe('Numbering: the counters of numbering.xml', () => {
  it('computes multilevel numbers (%1.%2), restarts deeper levels, and restarts an instance with startOverride', () => {
    const xml = parseXml(`<w:numbering ${W}>
      <w:abstractNum w:abstractNumId="0">${lvl(0, 'chineseCounting', '%1、')}${lvl(1, 'chineseCounting', '（%2）')}${lvl(2, 'decimal', '%3.')}</w:abstractNum>
      <w:abstractNum w:abstractNumId="1">${lvl(0, 'decimal', '%1.')}${lvl(1, 'decimal', '%1.%2')}</w:abstractNum>
      <w:abstractNum w:abstractNumId="2">${lvl(0, 'decimal', '（%1）')}</w:abstractNum>
      <w:abstractNum w:abstractNumId="3">${lvl(0, 'decimal', '%1')}${lvl(1, 'decimal', '%1.%2', '<w:isLgl/>')}${lvl(2, 'lowerLetter', '%3)', '<w:lvlRestart w:val="0"/>')}</w:abstractNum>
      <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
      <w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
      <w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>
      <w:num w:numId="4"><w:abstractNumId w:val="2"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
      <w:num w:numId="5"><w:abstractNumId w:val="3"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="4"/></w:lvlOverride></w:num>
    </w:numbering>`);
    const n = new Numbering(xml);
    const seq = (steps: [string, number][]): string[] => steps.map(([id, l]) => n.next(id, l)?.text ?? 'null');
    expect(seq([['1', 0], ['1', 1], ['1', 1], ['1', 2], ['1', 0], ['1', 1], ['1', 2]])).toEqual(['一、', '（一）', '（二）', '1.', '二、', '（一）', '1.']);
    // Level 0 never used: %1 is its start value.
    expect(seq([['2', 1], ['2', 1], ['2', 1]])).toEqual(['1.1', '1.2', '1.3']);
    // Instances of one list continue each other unless an override restarts them.
    expect(seq([['3', 0], ['3', 0], ['4', 0], ['4', 0], ['3', 0]])).toEqual(['（1）', '（2）', '（1）', '（2）', '（3）']);
    // Legal numbering (isLgl) writes every level in digits; lvlRestart 0 never restarts.
    expect(seq([['5', 0], ['5', 1], ['5', 2], ['5', 0], ['5', 1], ['5', 2]])).toEqual(['4', '4.1', 'a)', '5', '5.1', 'b)']);
    expect(n.next('0', 0)).toBeNull();
    expect(n.next('9', 0)).toBeNull();
  });
});

describe('ids of renditions', () => {
  it('strips the extensions of every source format', () => {
    expect(['a/x.html', 'x.HTM', 'x.docx', 'x.doc', 'x.wps', 'x.pdf', 'x.txt'].map(documentId)).toEqual(['x', 'x', 'x', 'x', 'x', 'x', 'x']);
  });

  it('gives the PDF the plain id and each other rendition in the folder its extension; one name in two folders is left to collide', () => {
    const ids = assignIds(['c/x.docx', 'c/x.pdf', 'c/x.txt', 'c/y.html', 'c/y.txt', 'd/x.txt', 'c/z.txt']);
    expect(Object.fromEntries([...ids].map(([p, a]) => [p, [a.id, a.renditionOf]]))).toEqual({
      'c/x.docx': ['x-docx', 'c/x.pdf'],
      'c/x.pdf': ['x', null],
      'c/x.txt': ['x-txt', 'c/x.pdf'],
      'c/y.html': ['y', null],
      'c/y.txt': ['y-txt', 'c/y.html'],
      'd/x.txt': ['x', null],
      'c/z.txt': ['z', null],
    });
  });
});
