/**
 * Reads an Excel 97–2003 workbook (`.xls`; WPS 表格's `.et` is the same format), as ministries
 * and provinces still attach a 指南方向汇总表, into the same blocks as the `.xlsx` reader: the
 * workbook's records (BIFF8, [MS-XLS]) are read from its `Workbook` stream (`Book` for BIFF5), the
 * cells laid on each sheet's grid, and the grid cut into paragraphs and tables by `workbookText`.
 *
 * What is read: the shared strings (`SST`, continued over `CONTINUE` records, a string's characters
 * resuming with a flag byte of their own), `LABELSST`, `LABEL`/`RSTRING`, numbers (`NUMBER`, `RK`,
 * `MULRK`) shown as their format shows them (a date, a percentage, General), cached formula results
 * (`FORMULA` and its `STRING`), `BOOLERR`, merged ranges (`MERGEDCELLS`), hidden rows (`ROW`),
 * hidden columns (`COLINFO`) and hidden sheets (`BOUNDSHEET8`), all logged as `hidden-text`. Charts
 * and macro sheets are not sheets of cells and are skipped; comments are no part of the cells.
 * An encrypted workbook (`FILEPASS`) is refused in one line. Pure (the bytes in, the text out).
 */
import { GuidelineError, type Removal } from '../types.js';
import { reason } from '../messages/reasons.js';
import type { BuiltText } from './blocks.js';
import { shapeOfFormat, shownGrid, shownNumber, workbookText, type Shown } from './xlsx.js';

/** Record types ([MS-XLS] 2.3). */
const R = {
  BOF: 0x0809,
  EOF: 0x000a,
  FILEPASS: 0x002f,
  CODEPAGE: 0x0042,
  DATEMODE: 0x0022,
  BOUNDSHEET: 0x0085,
  SST: 0x00fc,
  CONTINUE: 0x003c,
  FORMAT: 0x041e,
  XF: 0x00e0,
  LABELSST: 0x00fd,
  LABEL: 0x0204,
  RSTRING: 0x00d6,
  NUMBER: 0x0203,
  RK: 0x027e,
  MULRK: 0x00bd,
  FORMULA: 0x0006,
  STRING: 0x0207,
  BOOLERR: 0x0205,
  MERGEDCELLS: 0x00e5,
  ROW: 0x0208,
  COLINFO: 0x007d,
} as const;

interface Rec {
  readonly type: number;
  /** Offset of the record's header in the stream. */
  readonly at: number;
  readonly data: Uint8Array;
}

const corrupt = (detail: string): GuidelineError => new GuidelineError('xls-corrupt', reason('xls-corrupt'), detail);

/** The records of a BIFF stream, in order. */
function recordsOf(stream: Uint8Array): Rec[] {
  const view = new DataView(stream.buffer, stream.byteOffset, stream.byteLength);
  const out: Rec[] = [];
  let at = 0;
  while (at + 4 <= stream.length) {
    const type = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    if (at + 4 + size > stream.length) break;
    out.push({ type, at, data: stream.subarray(at + 4, at + 4 + size) });
    at += 4 + size;
  }
  return out;
}

/**
 * Reads across a record and the `CONTINUE` records after it, as the shared strings need: numbers
 * and runs simply go on in the next record, but characters that go on start it with a flag byte
 * saying whether they are one byte or two.
 */
class Cursor {
  #part = 0;
  #at = 0;
  constructor(private readonly parts: readonly Uint8Array[]) {}

  get done(): boolean {
    return this.#part >= this.parts.length || (this.#part === this.parts.length - 1 && this.#at >= this.parts[this.#part]!.length);
  }

  u8(): number {
    while (this.#part < this.parts.length && this.#at >= this.parts[this.#part]!.length) {
      this.#part++;
      this.#at = 0;
    }
    const part = this.parts[this.#part];
    if (part === undefined) throw corrupt('shared strings end early');
    return part[this.#at++]!;
  }

  u16(): number {
    return this.u8() | (this.u8() << 8);
  }

  u32(): number {
    return (this.u16() | (this.u16() << 16)) >>> 0;
  }

  skip(n: number): void {
    for (let k = 0; k < n; k++) this.u8();
  }

  /** `count` characters, one byte each (Latin-1) or two (UTF-16LE) as `high` says, a new flag byte where a record ends among them. */
  chars(count: number, high: boolean): string {
    let out = '';
    let wide = high;
    for (let k = 0; k < count; k++) {
      if (this.#part < this.parts.length && this.#at >= this.parts[this.#part]!.length && this.#part + 1 < this.parts.length) {
        this.#part++;
        this.#at = 0;
        wide = (this.u8() & 0x01) !== 0;
      }
      out += String.fromCharCode(wide ? this.u16() : this.u8());
    }
    return out;
  }
}

/** An `XLUnicodeRichExtendedString` (a shared string): its characters, its runs and phonetic data skipped. */
function richString(c: Cursor): string {
  const count = c.u16();
  const flags = c.u8();
  const runs = flags & 0x08 ? c.u16() : 0;
  const ext = flags & 0x04 ? c.u32() : 0;
  const text = c.chars(count, (flags & 0x01) !== 0);
  c.skip(4 * runs + ext);
  return text;
}

/** An `XLUnicodeString` at `at` in one record (a `LABEL`, a `STRING`, a `FORMAT`'s code). */
function plainString(data: Uint8Array, at: number, biff8: boolean, decode: (bytes: Uint8Array) => string): string {
  if (at + 2 > data.length) return '';
  const count = data[at]! | (data[at + 1]! << 8);
  if (!biff8) return decode(data.subarray(at + 2, at + 2 + count));
  const high = (data[at + 2]! & 0x01) !== 0;
  const c = new Cursor([data.subarray(at + 3)]);
  try {
    return c.chars(count, high);
  } catch {
    return '';
  }
}

/** The number an `RK` value holds. */
function rkNumber(rk: number): number {
  const hundredth = (rk & 0x01) !== 0;
  let n: number;
  if (rk & 0x02) n = rk >> 2;
  else {
    const bytes = new DataView(new ArrayBuffer(8));
    bytes.setUint32(4, rk & 0xfffffffc, true);
    n = bytes.getFloat64(0, true);
  }
  return hundredth ? n / 100 : n;
}

/** Code pages a BIFF5 workbook's 8-bit strings may be in. */
const CODEPAGES: Readonly<Record<number, string>> = { 936: 'gbk', 950: 'big5', 1252: 'windows-1252', 65001: 'utf-8', 1200: 'utf-16le' };

interface SheetEntry {
  readonly name: string;
  readonly offset: number;
  readonly hidden: boolean;
}

/** Reads the `Workbook` (or `Book`) stream of an `.xls`. */
export function readXlsStream(stream: Uint8Array): BuiltText {
  const records = recordsOf(stream);
  const first = records[0];
  if (!first || first.type !== R.BOF) throw corrupt('the workbook stream does not start with a BOF record');
  const version = first.data.length >= 2 ? first.data[0]! | (first.data[1]! << 8) : 0;
  const biff8 = version === 0x0600;
  let decode = (bytes: Uint8Array): string => new TextDecoder('gbk').decode(bytes);
  const strings: string[] = [];
  const formats = new Map<number, string>();
  const xfFormats: number[] = [];
  const sheets: SheetEntry[] = [];
  let i = 1;
  for (; i < records.length; i++) {
    const rec = records[i]!;
    const d = rec.data;
    if (rec.type === R.EOF) break;
    if (rec.type === R.FILEPASS) throw new GuidelineError('xls-corrupt', reason('xls-encrypted'));
    if (rec.type === R.CODEPAGE && d.length >= 2) {
      const label = CODEPAGES[d[0]! | (d[1]! << 8)];
      if (label) decode = (bytes) => new TextDecoder(label).decode(bytes);
    } else if (rec.type === R.BOUNDSHEET && d.length >= 8) {
      const offset = (d[0]! | (d[1]! << 8) | (d[2]! << 16) | (d[3]! << 24)) >>> 0;
      const state = d[4]! & 0x03;
      const kind = d[5]!;
      if (kind !== 0) continue;
      const count = d[6]!;
      const name = biff8 ? new Cursor([d.subarray(8)]).chars(count, (d[7]! & 0x01) !== 0) : decode(d.subarray(7, 7 + count));
      sheets.push({ name, offset, hidden: state !== 0 });
    } else if (rec.type === R.SST && biff8) {
      const parts = [d];
      while (records[i + 1]?.type === R.CONTINUE) parts.push(records[++i]!.data);
      const c = new Cursor(parts);
      c.skip(4);
      const unique = c.u32();
      for (let k = 0; k < unique && !c.done; k++) strings.push(richString(c));
    } else if (rec.type === R.FORMAT && d.length >= 2) {
      formats.set(d[0]! | (d[1]! << 8), plainString(d, 2, biff8, decode));
    } else if (rec.type === R.XF && d.length >= 4) {
      xfFormats.push(d[2]! | (d[3]! << 8));
    }
  }
  const shapes: Shown[] = xfFormats.map((id) => shapeOfFormat(id, formats.get(id) ?? ''));
  const byOffset = new Map(records.map((r, k) => [r.at, k] as const));
  const removed: Removal[] = [];
  const read = sheets.map((sheet) => {
    const start = byOffset.get(sheet.offset);
    const rows = start === undefined ? [] : sheetRows(records, start, { strings, shapes, biff8, decode }, removed);
    return { name: sheet.name, hidden: sheet.hidden, rows };
  });
  return workbookText(read, removed, 'xls-empty');
}

interface Book {
  readonly strings: readonly string[];
  readonly shapes: readonly Shown[];
  readonly biff8: boolean;
  readonly decode: (bytes: Uint8Array) => string;
}

/** One sheet's shown rows, from its `BOF` record (index `start`) to its `EOF`. */
function sheetRows(records: readonly Rec[], start: number, book: Book, removed: Removal[]): string[][] {
  const grid: string[][] = [];
  const merges: { from: { row: number; col: number }; to: { row: number; col: number } }[] = [];
  const hiddenRows = new Set<number>();
  const hiddenCols = new Set<number>();
  const put = (row: number, col: number, text: string): void => {
    if (text !== '') (grid[row] ??= [])[col] = text;
  };
  const number = (xf: number, n: number): string => shownNumber(n, book.shapes[xf] ?? 'general');
  let formulaAt: { row: number; col: number } | null = null;
  for (let i = start + 1; i < records.length; i++) {
    const rec = records[i]!;
    const d = rec.data;
    if (rec.type === R.EOF) break;
    if (rec.type === R.BOF) {
      // An embedded substream (a chart on the sheet): skipped to its own end.
      while (i < records.length && records[i]!.type !== R.EOF) i++;
      continue;
    }
    const view = new DataView(d.buffer, d.byteOffset, d.byteLength);
    const u16 = (at: number): number => (at + 2 <= d.length ? view.getUint16(at, true) : 0);
    if (d.length < 6 && rec.type !== R.STRING && rec.type !== R.MERGEDCELLS) continue;
    const row = u16(0);
    const col = u16(2);
    const xf = u16(4);
    switch (rec.type) {
      case R.LABELSST:
        if (d.length >= 10) put(row, col, book.strings[view.getUint32(6, true)] ?? '');
        break;
      case R.LABEL:
      case R.RSTRING:
        put(row, col, plainString(d, 6, book.biff8, book.decode));
        break;
      case R.NUMBER:
        if (d.length >= 14) put(row, col, number(xf, view.getFloat64(6, true)));
        break;
      case R.RK:
        if (d.length >= 10) put(row, col, number(xf, rkNumber(view.getUint32(6, true))));
        break;
      case R.MULRK: {
        const last = u16(d.length - 2);
        for (let c = col, at = 4; c <= last && at + 6 <= d.length - 2; c++, at += 6) put(row, c, number(u16(at), rkNumber(view.getUint32(at + 2, true))));
        break;
      }
      case R.FORMULA: {
        if (d.length < 14) break;
        formulaAt = null;
        if (u16(12) !== 0xffff) put(row, col, number(xf, view.getFloat64(6, true)));
        else if (d[6] === 0) formulaAt = { row, col };
        else if (d[6] === 1) put(row, col, d[8] ? 'TRUE' : 'FALSE');
        break;
      }
      case R.STRING:
        if (formulaAt) put(formulaAt.row, formulaAt.col, plainString(d, 0, book.biff8, book.decode));
        formulaAt = null;
        break;
      case R.BOOLERR:
        if (d.length >= 8 && d[7] === 0) put(row, col, d[6] ? 'TRUE' : 'FALSE');
        break;
      case R.MERGEDCELLS: {
        const n = u16(0);
        for (let k = 0, at = 2; k < n && at + 8 <= d.length; k++, at += 8) merges.push({ from: { row: u16(at), col: u16(at + 4) }, to: { row: u16(at + 2), col: u16(at + 6) } });
        break;
      }
      case R.ROW:
        if (d.length >= 14 && (u16(12) & 0x20) !== 0) hiddenRows.add(row);
        break;
      case R.COLINFO:
        if (d.length >= 10 && (u16(8) & 0x01) !== 0) for (let c = u16(0); c <= u16(2) && c < 256; c++) hiddenCols.add(c);
        break;
      default:
        break;
    }
  }
  return shownGrid(grid, { merges, hiddenRows, hiddenCols }, removed);
}
