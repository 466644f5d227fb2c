/**
 * Word 97–2003 (`.doc`, WPS's `.wps`) with its automatic numbering. word-extractor reads the text
 * (the piece table, fields, deleted revisions, headers and footers) but not the numbers Word shows
 * before list paragraphs (`一、`, `1.1`): they are not in the text stream. This extends its reader
 * (`lib/word-ole-extractor.js`, whose steps it overrides; word-extractor is pinned to 1.0.x for
 * that) with the lists of [MS-DOC]: the list definitions (`PlfLst`: LSTF and LVL), the list
 * instances (`PlfLfo`: LFO and LFOLVL overrides), and each paragraph's list and level (sprmPIlfo,
 * sprmPIlvl in the paragraph properties, PAPX FKPs). The lists are handed to `Numbering`
 * (numbering.ts) as the equivalent of a `.docx`'s numbering.xml, so both formats count alike; the
 * number is put before the paragraph's text. Lists set only through paragraph styles are not read.
 */
import { createRequire } from 'node:module';
import { Numbering } from './numbering.js';
import type { XmlElement } from './xml.js';

const require = createRequire(import.meta.url);

/** [MS-DOC] MSONFC number formats, as `w:numFmt` names. */
const NFC: Readonly<Record<number, string>> = {
  0: 'decimal', 1: 'upperRoman', 2: 'lowerRoman', 3: 'upperLetter', 4: 'lowerLetter', 5: 'ordinal',
  10: 'ideographDigital', 11: 'japaneseCounting', 14: 'decimalFullWidth', 15: 'decimalHalfWidth', 16: 'japaneseLegal',
  18: 'decimalEnclosedCircle', 19: 'decimalFullWidth2', 22: 'decimalZero', 23: 'bullet', 26: 'decimalEnclosedFullstop',
  27: 'decimalEnclosedParen', 28: 'decimalEnclosedCircleChinese', 30: 'ideographTraditional', 31: 'ideographZodiac',
  33: 'taiwaneseCounting', 35: 'taiwaneseCountingThousand', 36: 'taiwaneseDigital', 37: 'chineseCounting',
  38: 'chineseLegalSimplified', 39: 'chineseCountingThousand', 255: 'none',
};

const el = (name: string, attrs: Record<string, string>, children: XmlElement[] = []): XmlElement => ({ name, attrs, children });
const withVal = (name: string, val: string): XmlElement => el(name, { val });

/** One LVL at `at` in the table stream: its `w:lvl` equivalent and its length. */
function readLvl(t: Buffer, at: number, ilvl: number): { lvl: XmlElement; size: number } {
  const start = t.readInt32LE(at);
  const nfc = t.readUInt8(at + 4);
  const flags = t.readUInt8(at + 5);
  const follow = t.readUInt8(at + 15);
  const cbChpx = t.readUInt8(at + 24);
  const cbPapx = t.readUInt8(at + 25);
  const restartLim = t.readUInt8(at + 26);
  let p = at + 28 + cbPapx + cbChpx;
  const cch = t.readUInt16LE(p);
  p += 2;
  let text = '';
  for (let i = 0; i < cch; i++) {
    const c = t.readUInt16LE(p + 2 * i);
    text += c < 9 ? `%${c + 1}` : String.fromCharCode(c);
  }
  const children = [
    withVal('start', String(start)),
    withVal('numFmt', NFC[nfc] ?? 'decimal'),
    withVal('lvlText', text),
    withVal('suff', follow === 1 ? 'space' : follow === 2 ? 'nothing' : 'tab'),
  ];
  if (flags & 0x04) children.push(withVal('isLgl', '1'));
  if (flags & 0x08) children.push(withVal('lvlRestart', String(restartLim)));
  return { lvl: el('lvl', { ilvl: String(ilvl) }, children), size: 28 + cbPapx + cbChpx + 2 + 2 * cch };
}

/** The lists of a Word 97–2003 file as a `numbering.xml` element: abstractNum per LSTF (by lsid), num per LFO (numId = ilfo). */
export function readLists(word: Buffer, table: Buffer): XmlElement | undefined {
  const fcLst = word.readUInt32LE(0x2e2);
  const lcbLst = word.readUInt32LE(0x2e6);
  const fcLfo = word.readUInt32LE(0x2ea);
  const lcbLfo = word.readUInt32LE(0x2ee);
  if (lcbLst < 2 || lcbLfo < 4 || fcLst + lcbLst > table.length || fcLfo + lcbLfo > table.length) return undefined;
  const children: XmlElement[] = [];
  const count = table.readInt16LE(fcLst);
  const lstfs: { lsid: number; levels: number }[] = [];
  for (let i = 0; i < count; i++) {
    const at = fcLst + 2 + i * 28;
    lstfs.push({ lsid: table.readInt32LE(at), levels: table.readUInt8(at + 26) & 0x01 ? 1 : 9 });
  }
  // The LVLs follow the PlfLst, list after list.
  let p = fcLst + 2 + count * 28;
  for (const l of lstfs) {
    const lvls: XmlElement[] = [];
    for (let i = 0; i < l.levels; i++) {
      const { lvl, size } = readLvl(table, p, i);
      lvls.push(lvl);
      p += size;
    }
    children.push(el('abstractNum', { abstractNumId: String(l.lsid) }, lvls));
  }
  // PlfLfo: the instances; then, for each, its level overrides (LfoData).
  const lfoMac = table.readInt32LE(fcLfo);
  const lfos: { lsid: number; clfolvl: number }[] = [];
  for (let i = 0; i < lfoMac; i++) {
    const at = fcLfo + 4 + i * 16;
    lfos.push({ lsid: table.readInt32LE(at), clfolvl: table.readUInt8(at + 12) });
  }
  p = fcLfo + 4 + lfoMac * 16;
  lfos.forEach((lfo, i) => {
    p += 4; // cp
    const overrides: XmlElement[] = [];
    for (let j = 0; j < lfo.clfolvl; j++) {
      const startAt = table.readInt32LE(p);
      const flags = table.readUInt32LE(p + 4);
      p += 8;
      const ilvl = flags & 0x0f;
      const o: XmlElement[] = [];
      if (flags & 0x10) o.push(withVal('startOverride', String(startAt)));
      if (flags & 0x20) {
        const { lvl, size } = readLvl(table, p, ilvl);
        o.push(lvl);
        p += size;
      }
      overrides.push(el('lvlOverride', { ilvl: String(ilvl) }, o));
    }
    children.push(el('num', { numId: String(i + 1) }, [withVal('abstractNumId', String(lfo.lsid)), ...overrides]));
  });
  return el('numbering', {}, children);
}

/** Operand size of a sprm (by its spra), or -1 when the operand says its own size. */
function operandSize(sprm: number): number {
  return [1, 1, 2, 4, 2, 2, -1, 3][sprm >> 13]!;
}

interface ListParagraph {
  /** File position of the paragraph's first character. */
  readonly fc: number;
  readonly ilfo: number;
  readonly ilvl: number;
}

/** The paragraphs that are list items, from the PAPX FKPs: their list instance (ilfo) and level. */
export function readListParagraphs(word: Buffer, table: Buffer): ListParagraph[] {
  const fc = word.readUInt32LE(0x102);
  const lcb = word.readUInt32LE(0x106);
  const n = (lcb - 4) / 8;
  const out: ListParagraph[] = [];
  for (let i = 0; i < n; i++) {
    const block = table.readUInt32LE(fc + (n + 1) * 4 + i * 4);
    const fkp = word.subarray(block * 512, (block + 1) * 512);
    if (fkp.length < 512) continue;
    const crun = fkp.readUInt8(511);
    for (let j = 0; j < crun; j++) {
      const start = fkp.readUInt32LE(j * 4);
      const bx = fkp.readUInt8((crun + 1) * 4 + j * 13) * 2;
      if (bx === 0) continue;
      const cb = fkp.readUInt8(bx);
      const papx = cb !== 0 ? fkp.subarray(bx + 1, bx + 1 + 2 * cb - 1) : fkp.subarray(bx + 2, bx + 2 + 2 * fkp.readUInt8(bx + 1));
      let ilfo = 0;
      let ilvl = 0;
      for (let p = 2; p + 2 <= papx.length; ) {
        const sprm = papx.readUInt16LE(p);
        p += 2;
        let size = operandSize(sprm);
        if (size < 0) {
          size = sprm === 0xd608 ? papx.readUInt16LE(p) + 1 : papx.readUInt8(p) + 1;
        }
        if (p + size > papx.length) break;
        if (sprm === 0x460b) ilfo = papx.readUInt16LE(p);
        else if (sprm === 0x260a) ilvl = papx.readUInt8(p);
        p += size;
      }
      if (ilfo > 0 && ilfo < 0xf000) out.push({ fc: start, ilfo, ilvl });
    }
  }
  return out;
}

interface Piece {
  readonly startCp: number;
  readonly startFilePos: number;
  readonly size: number;
  readonly bpc: number;
  readonly text: string;
}

type Extractor = {
  extract(reader: unknown): Promise<unknown>;
};

/** word-extractor's Word 97–2003 reader, with the numbers of list paragraphs written before their text. */
export async function extractDoc(bytes: Buffer): Promise<{ getBody(o?: object): string; getFootnotes(o?: object): string; getEndnotes(o?: object): string; getHeaders(o?: object): string; getFooters(o?: object): string }> {
  const WordOleExtractor = require('word-extractor/lib/word-ole-extractor.js') as new () => Extractor;
  const BufferReader = require('word-extractor/lib/buffer-reader.js') as new (b: Buffer) => { open(): Promise<unknown>; close(): Promise<unknown> };
  const { clean } = require('word-extractor/lib/filters.js') as { clean(s: string): string };

  class NumberedExtractor extends (WordOleExtractor as unknown as new () => Record<string, unknown>) {
    extractWordDocument(document: unknown, buffer: Buffer): unknown {
      this['_word'] = buffer;
      return (WordOleExtractor.prototype as unknown as Record<string, (...a: unknown[]) => unknown>)['extractWordDocument']!.call(this, document, buffer);
    }
    writeParagraphProperties(buffer: Buffer, table: Buffer): void {
      this['_table'] = table;
      (WordOleExtractor.prototype as unknown as Record<string, (...a: unknown[]) => unknown>)['writeParagraphProperties']!.call(this, buffer, table);
    }
    buildDocument(): { _body: string } {
      const document = (WordOleExtractor.prototype as unknown as Record<string, (...a: unknown[]) => { _body: string }>)['buildDocument']!.call(this);
      try {
        const body = numberedBody(this['_word'] as Buffer, this['_table'] as Buffer, this['_pieces'] as Piece[], (this['_boundaries'] as { ccpText: number }).ccpText);
        if (body !== null) document._body = clean(body);
      } catch {
        // Damaged list tables: the text without numbers, as word-extractor reads it.
      }
      return document;
    }
  }
  const reader = new BufferReader(bytes);
  await reader.open();
  try {
    const extractor = new NumberedExtractor() as unknown as Extractor;
    return (await extractor.extract(reader)) as never;
  } finally {
    await reader.close();
  }
}

/** The main text with the numbers of its list paragraphs, or null when it has none. */
function numberedBody(word: Buffer, table: Buffer, pieces: readonly Piece[], ccpText: number): string | null {
  const lists = readLists(word, table);
  if (!lists) return null;
  const paragraphs = readListParagraphs(word, table);
  if (paragraphs.length === 0) return null;
  const raw = pieces.map((p) => p.text).join('').slice(0, ccpText);
  const cpOf = (fc: number): number | null => {
    for (const p of pieces) if (fc >= p.startFilePos && fc < p.startFilePos + p.size) return p.startCp + (fc - p.startFilePos) / p.bpc;
    return null;
  };
  const numbering = new Numbering(lists);
  const inserts: { cp: number; text: string }[] = [];
  const items = paragraphs.map((p) => ({ ...p, cp: cpOf(p.fc) })).filter((p): p is ListParagraph & { cp: number } => p.cp !== null && p.cp < ccpText);
  items.sort((a, b) => a.cp - b.cp);
  for (const p of items) {
    // Word numbers a list paragraph only when it has text; an empty one still counts.
    const end = raw.indexOf('\r', p.cp);
    const text = raw.slice(p.cp, end < 0 ? undefined : end);
    const n = numbering.next(String(p.ilfo), p.ilvl);
    if (!n || n.text === '' || text.replace(/[\s\x00-\x1f]/g, '') === '') continue;
    const sep = n.suffix === 'nothing' || /[、.．，。）)\]】：:]$/u.test(n.text) ? '' : ' ';
    inserts.push({ cp: p.cp, text: `${n.text}${sep}` });
  }
  if (inserts.length === 0) return null;
  let out = '';
  let at = 0;
  for (const ins of inserts) {
    out += raw.slice(at, ins.cp) + ins.text;
    at = ins.cp;
  }
  return out + raw.slice(at);
}
