/**
 * A Safari web archive (`.webarchive`: what Safari's 存储为… “网页归档” writes, and what macOS
 * Mail and Notes keep): a binary property list (`bplist00`) whose `WebMainResource` holds the
 * page's bytes (`WebResourceData`), their MIME type and text encoding; `WebSubresources` (images,
 * style sheets, scripts) and `WebSubframeArchives` (frames) beside it. The page is read as a web
 * page is; the other resources are named in the log, never read. Pure.
 *
 * The property list reader is the small part of Apple's binary format a web archive uses
 * (dictionaries, arrays, strings, data, integers, booleans): every offset and count bounds-checked,
 * references followed no deeper than `MAX_DEPTH`, so a damaged or hostile file is refused in one line.
 */
import type { Removal } from '../types.js';
import { unplaced } from './blocks.js';

const MAGIC = 'bplist00';
const MAX_DEPTH = 32;

/** Whether the bytes are a binary property list. */
export function isBinaryPlist(bytes: Uint8Array): boolean {
  return bytes.length >= 40 && Buffer.from(bytes.subarray(0, 8)).toString('latin1') === MAGIC;
}

type Plist = null | boolean | number | string | Uint8Array | Plist[] | { [key: string]: Plist };

/** The object tree of a binary property list; null where the file is damaged. */
export function readBinaryPlist(bytes: Uint8Array): Plist | undefined {
  const n = bytes.length;
  const trailer = n - 32;
  const offsetSize = bytes[trailer + 6]!;
  const refSize = bytes[trailer + 7]!;
  const count = uint(bytes, trailer + 8, 8);
  const top = uint(bytes, trailer + 16, 8);
  const table = uint(bytes, trailer + 24, 8);
  if (offsetSize < 1 || offsetSize > 8 || refSize < 1 || refSize > 8 || count < 1 || top >= count || table < 8 || table + count * offsetSize > trailer) return undefined;
  const offsetOf = (ref: number): number => uint(bytes, table + ref * offsetSize, offsetSize);
  const inBounds = (at: number, length: number): boolean => at >= 8 && length >= 0 && at + length <= table;
  /** A marker's length: its low nibble, or the integer object after it where the nibble is 0xF. */
  const lengthAt = (at: number): { length: number; start: number } | undefined => {
    const low = bytes[at]! & 0x0f;
    if (low !== 0x0f) return { length: low, start: at + 1 };
    const marker = bytes[at + 1];
    if (marker === undefined || marker >> 4 !== 0x1) return undefined;
    const size = 1 << (marker & 0x0f);
    if (size > 8 || !inBounds(at + 2, size)) return undefined;
    return { length: uint(bytes, at + 2, size), start: at + 2 + size };
  };
  const read = (ref: number, depth: number): Plist | undefined => {
    if (ref >= count || depth > MAX_DEPTH) return undefined;
    const at = offsetOf(ref);
    if (!inBounds(at, 1)) return undefined;
    const marker = bytes[at]!;
    const kind = marker >> 4;
    if (marker === 0x00) return null;
    if (marker === 0x08 || marker === 0x09) return marker === 0x09;
    if (kind === 0x1) {
      const size = 1 << (marker & 0x0f);
      return size <= 8 && inBounds(at + 1, size) ? uint(bytes, at + 1, size) : undefined;
    }
    const len = lengthAt(at);
    if (!len) return undefined;
    const { length, start } = len;
    if (kind === 0x4) return inBounds(start, length) ? bytes.subarray(start, start + length) : undefined;
    if (kind === 0x5) return inBounds(start, length) ? Buffer.from(bytes.subarray(start, start + length)).toString('latin1') : undefined;
    if (kind === 0x6) return inBounds(start, 2 * length) ? new TextDecoder('utf-16be').decode(bytes.subarray(start, start + 2 * length)) : undefined;
    if (kind === 0xa || kind === 0xc) {
      if (!inBounds(start, length * refSize)) return undefined;
      const out: Plist[] = [];
      for (let k = 0; k < length; k++) {
        const item = read(uint(bytes, start + k * refSize, refSize), depth + 1);
        if (item === undefined) return undefined;
        out.push(item);
      }
      return out;
    }
    if (kind === 0xd) {
      if (!inBounds(start, 2 * length * refSize)) return undefined;
      const out: { [key: string]: Plist } = {};
      for (let k = 0; k < length; k++) {
        const key = read(uint(bytes, start + k * refSize, refSize), depth + 1);
        const value = read(uint(bytes, start + (length + k) * refSize, refSize), depth + 1);
        if (typeof key !== 'string' || value === undefined) return undefined;
        out[key] = value;
      }
      return out;
    }
    // (Reals, dates and UIDs: no part of a web archive's resources.)
    return null;
  };
  return read(top, 0);
}

/** A big-endian unsigned integer of `size` bytes (up to 8; beyond 2^53 unusable as an offset anyway). */
function uint(bytes: Uint8Array, at: number, size: number): number {
  let v = 0;
  for (let k = 0; k < size; k++) v = v * 256 + (bytes[at + k] ?? 0);
  return v;
}

const isDict = (x: Plist | undefined): x is { [key: string]: Plist } => typeof x === 'object' && x !== null && !Array.isArray(x) && !(x instanceof Uint8Array);

export interface WebArchivePage {
  /** The main resource's text, decoded by its own encoding name (else UTF-8). */
  readonly text: string;
  /** Whether the main resource is a page (`text/html`, XHTML), else plain text. */
  readonly html: boolean;
  /** The encoding the archive names (`UTF-8`, `GBK`), lower-cased; `utf-8` where it names none. */
  readonly encoding: string;
  /** The page's address and the other resources' addresses, logged. */
  readonly removed: Removal[];
}

/**
 * The page a web archive holds; null where the bytes are a property list but no web archive (no
 * `WebMainResource` with data), undefined where the property list is damaged.
 */
export function readWebArchive(bytes: Uint8Array): WebArchivePage | null | undefined {
  const root = readBinaryPlist(bytes);
  if (root === undefined) return undefined;
  const main = isDict(root) ? root['WebMainResource'] : undefined;
  const data = isDict(main) ? main['WebResourceData'] : undefined;
  if (!isDict(main) || !(data instanceof Uint8Array)) return null;
  const named = typeof main['WebResourceTextEncodingName'] === 'string' ? main['WebResourceTextEncodingName'].trim().toLowerCase() : '';
  const decoder = decoderFor(named);
  const mime = typeof main['WebResourceMIMEType'] === 'string' ? main['WebResourceMIMEType'].toLowerCase() : 'text/html';
  const removed: Removal[] = [];
  const url = main['WebResourceURL'];
  if (typeof url === 'string' && url !== '') removed.push(unplaced('web-chrome', `网页地址：${url}`));
  const others = [...listOf(isDict(root) ? root['WebSubresources'] : undefined), ...listOf(isDict(root) ? root['WebSubframeArchives'] : undefined).map((f) => (isDict(f) ? f['WebMainResource'] : undefined))];
  for (const r of others) {
    const u = isDict(r) ? r['WebResourceURL'] : undefined;
    if (typeof u === 'string' && u !== '') removed.push(unplaced('web-chrome', `网页附属资源：${u}`));
  }
  return { text: decoder.decode(data).replace(/^\ufeff/, ''), html: !/^text\/plain\b/.test(mime), encoding: decoder.encoding, removed };
}

const listOf = (x: Plist | undefined): Plist[] => (Array.isArray(x) ? x : []);

/** A decoder for the encoding an archive names; UTF-8 where it names none or one the platform lacks. */
function decoderFor(name: string): InstanceType<typeof TextDecoder> {
  try {
    return new TextDecoder(name === '' ? 'utf-8' : name);
  } catch {
    return new TextDecoder('utf-8');
  }
}
