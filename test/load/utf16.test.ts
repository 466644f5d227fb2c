/**
 * UTF-16 without a byte-order mark, little and big endian: Chinese text in UTF-16 has few zero
 * bytes (a CJK character has none), so it is told by where they stand, not by how many there are.
 */
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../src/load/text.js';
import { ingestText, seed, seedText } from '../helpers/seed.js';

function utf16(text: string, bigEndian: boolean): Buffer {
  const le = Buffer.from(text, 'utf16le');
  return bigEndian ? Buffer.from(le).swap16() : le;
}

const zeroShare = (b: Buffer): number => b.filter((x) => x === 0).length / b.length;

describe('UTF-16 without BOM', () => {
  it.each([
    ['utf-16le', false],
    ['utf-16be', true],
  ] as const)('%s: the seed reads as it does in UTF-8, its directions the same', async (encoding, bigEndian) => {
    const bytes = utf16(seedText(), bigEndian);
    // The case the old sniffer refused: far fewer than 30% zero bytes.
    expect(zeroShare(bytes)).toBeLessThan(0.3);
    expect(decodeText(bytes)).toEqual({ text: seedText(), encoding });
    const { doc } = await seed();
    const other = await ingestText(bytes, 'seed-utf16.txt');
    expect(other.directions.map((d) => [d.id, d.title, d.funding?.amountCNY ?? null])).toEqual(doc.directions.map((d) => [d.id, d.title, d.funding?.amountCNY ?? null]));
  });

  it.each([false, true])('a short Chinese line (big endian: %s)', (bigEndian) => {
    const text = '关于发布国家重点研发计划“政府间国际科技创新合作”重点专项2025年度第一批项目申报指南的通知\n一、申报要求\n';
    expect(decodeText(utf16(text, bigEndian)).text).toBe(text);
  });

  it('binary bytes with zeros at odd places are still binary, not UTF-16', () => {
    const bytes = Buffer.alloc(4096);
    for (let i = 0; i < bytes.length; i += 2) bytes[i] = (i * 7919) % 251 || 1;
    for (let i = 1; i < bytes.length; i += 2) bytes[i] = i % 8 === 1 ? 0 : (i * 31) % 253 || 1;
    expect(() => decodeText(bytes)).toThrow(/binary|encoding/);
  });
});
