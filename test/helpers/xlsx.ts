import { inflateRawSync } from 'node:zlib';
import { zipEntries } from '../../src/export/zip.js';

/** The text of every entry of an XLSX (a ZIP of XML parts), by name. */
export function xlsxParts(bytes: Uint8Array): Map<string, string> {
  const parts = new Map<string, string>();
  for (const e of zipEntries(bytes)) {
    const data = bytes.subarray(e.dataOffset, e.dataOffset + e.compressedSize);
    const raw = e.method === 8 ? inflateRawSync(data) : Buffer.from(data);
    parts.set(e.name, raw.toString('utf8'));
  }
  return parts;
}

/**
 * An RFC 4180 parser, written for the tests so that the CSV is checked against the standard and
 * not against the code that wrote it: fields separated by commas, records by CRLF (a lone LF is
 * accepted too), a quoted field may hold commas, CR, LF and doubled quotes.
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (c === '"') {
        quoted = false;
        i++;
        if (i < text.length && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') throw new Error(`text after a closing quote at ${i}`);
      } else {
        field += c;
        i++;
      }
      continue;
    }
    if (c === '"') {
      if (field !== '') throw new Error(`a quote inside an unquoted field at ${i}`);
      quoted = true;
      i++;
    } else if (c === ',') {
      record.push(field);
      field = '';
      i++;
    } else if (c === '\r' || c === '\n') {
      if (c === '\r' && text[i + 1] !== '\n') throw new Error(`a CR without LF at ${i}`);
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += c === '\r' ? 2 : 1;
    } else {
      field += c;
      i++;
    }
  }
  if (quoted) throw new Error('an unclosed quote');
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}
