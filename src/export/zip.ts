/**
 * The ZIP container of an XLSX file, read just far enough to make it reproducible: every entry's
 * modification time is set to one fixed instant. XLSX writers stamp entries with the current time
 * (fflate, which write-excel-file uses, takes `Date.now()`), so without this the same export made
 * two seconds apart differs in bytes. Nothing else in the archive depends on the clock: the entries'
 * order, names and compressed data are a function of the input.
 *
 * Layout (PKWARE APPNOTE 6.3): local file headers with the data, then the central directory (one
 * header per entry, pointing back at its local header), then the end-of-central-directory record.
 * Both headers carry the MS-DOS time and date (2-second resolution, local time without zone).
 */

/** MS-DOS date of 1980-01-01 (the earliest a ZIP can state): day 1, month 1, year 0 (= 1980). */
export const FIXED_DOS_DATE = (0 << 9) | (1 << 5) | 1;
/** MS-DOS time 00:00:00. */
export const FIXED_DOS_TIME = 0;
/** The same instant in seconds since 1970 (UTC), for the Unix extended-timestamp extra field. */
const FIXED_UNIX_TIME = 315_532_800;

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const EXTENDED_TIMESTAMP = 0x5455;

export interface ZipEntry {
  readonly name: string;
  /** 0 stored, 8 deflated. */
  readonly method: number;
  readonly compressedSize: number;
  readonly size: number;
  /** Offset of the entry's local header. */
  readonly localOffset: number;
  /** Offset of the entry's data (after the local header, its name and its extra field). */
  readonly dataOffset: number;
  /** Offset of the entry's central-directory header. */
  readonly centralOffset: number;
}

/** The entries of a ZIP archive, in central-directory order. Throws on what it cannot read (ZIP64, a truncated archive). */
export function zipEntries(zip: Uint8Array): ZipEntry[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  // The end record is 22 bytes plus a comment of up to 65535: search backwards for its signature.
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a ZIP archive: no end-of-central-directory record');
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  if (count === 0xffff || at === 0xffffffff) throw new Error('ZIP64 archives are not supported');
  const names = new TextDecoder();
  const entries: ZipEntry[] = [];
  for (let k = 0; k < count; k++) {
    if (at + 46 > zip.length || view.getUint32(at, true) !== CENTRAL) throw new Error(`ZIP central directory entry ${k} is damaged`);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const localOffset = view.getUint32(at + 42, true);
    if (localOffset + 30 > zip.length || view.getUint32(localOffset, true) !== LOCAL) throw new Error(`ZIP local header of entry ${k} is damaged`);
    entries.push({
      name: names.decode(zip.subarray(at + 46, at + 46 + nameLength)),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      localOffset,
      dataOffset: localOffset + 30 + view.getUint16(localOffset + 26, true) + view.getUint16(localOffset + 28, true),
      centralOffset: at,
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * A copy of `zip` with every entry's modification time set to 1980-01-01 00:00:00, in both its
 * local and its central header (and in an extended-timestamp extra field, where there is one).
 * Only those bytes change: sizes, CRCs and offsets stay valid.
 */
export function fixZipTimestamps(zip: Uint8Array): Uint8Array {
  const out = new Uint8Array(zip);
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  for (const e of zipEntries(out)) {
    view.setUint16(e.localOffset + 10, FIXED_DOS_TIME, true);
    view.setUint16(e.localOffset + 12, FIXED_DOS_DATE, true);
    view.setUint16(e.centralOffset + 12, FIXED_DOS_TIME, true);
    view.setUint16(e.centralOffset + 14, FIXED_DOS_DATE, true);
    const localName = view.getUint16(e.localOffset + 26, true);
    fixExtendedTimestamps(view, e.localOffset + 30 + localName, view.getUint16(e.localOffset + 28, true));
    const centralName = view.getUint16(e.centralOffset + 28, true);
    fixExtendedTimestamps(view, e.centralOffset + 46 + centralName, view.getUint16(e.centralOffset + 30, true));
  }
  return out;
}

/** Extra fields are `{id: u16, size: u16, data}`; 0x5455 holds a flags byte, then 32-bit Unix times. */
function fixExtendedTimestamps(view: DataView, start: number, length: number): void {
  for (let at = start; at + 4 <= start + length; ) {
    const id = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    if (id === EXTENDED_TIMESTAMP) {
      for (let t = at + 5; t + 4 <= at + 4 + size; t += 4) view.setUint32(t, FIXED_UNIX_TIME, true);
    }
    at += 4 + size;
  }
}
