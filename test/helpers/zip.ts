/**
 * A ZIP archive written byte by byte (stored members, no compression), so that a test chooses how
 * each member's name is written: UTF-8 with the language-encoding flag (bit 11), or GBK bytes
 * without it, as Windows' own 压缩 and WinRAR on a Chinese system write them.
 */
import { crc32 } from 'node:zlib';

export interface ZipEntry {
  readonly name: string;
  readonly data: Uint8Array | string;
  /** How the name is written: `utf8` sets the flag; `gbk` writes GBK bytes with no flag. @default 'utf8' */
  readonly names?: 'utf8' | 'gbk';
}

export function zipOf(entries: readonly ZipEntry[]): Uint8Array {
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const data = typeof e.data === 'string' ? Buffer.from(e.data, 'utf8') : Buffer.from(e.data);
    const gbk = e.names === 'gbk';
    const name = gbk ? Buffer.from(new TextEncoderGbk().encode(e.name)) : Buffer.from(e.name, 'utf8');
    const flag = gbk ? 0 : 0x0800;
    const crc = crc32(data);
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(flag, 6);
    head.writeUInt16LE(0, 8);
    head.writeUInt32LE(crc >>> 0, 14);
    head.writeUInt32LE(data.length, 18);
    head.writeUInt32LE(data.length, 22);
    head.writeUInt16LE(name.length, 26);
    local.push(head, name, data);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(flag, 8);
    dir.writeUInt32LE(crc >>> 0, 16);
    dir.writeUInt32LE(data.length, 20);
    dir.writeUInt32LE(data.length, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    central.push(dir, name);
    offset += 30 + name.length + data.length;
  }
  const dirBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dirBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...local, dirBytes, end]));
}

/** GBK bytes of a text (Node's TextEncoder writes only UTF-8: each character found by decoding the GBK table). */
class TextEncoderGbk {
  private static table: Map<string, number[]> | null = null;
  encode(text: string): Uint8Array {
    if (!TextEncoderGbk.table) {
      const table = new Map<string, number[]>();
      const decoder = new TextDecoder('gbk');
      for (let hi = 0x81; hi <= 0xfe; hi++) {
        for (let lo = 0x40; lo <= 0xfe; lo++) {
          if (lo === 0x7f) continue;
          const c = decoder.decode(Uint8Array.of(hi, lo));
          if (c.length === 1 && c !== '\ufffd' && !table.has(c)) table.set(c, [hi, lo]);
        }
      }
      TextEncoderGbk.table = table;
    }
    const out: number[] = [];
    for (const c of text) {
      if (c.charCodeAt(0) < 0x80) out.push(c.charCodeAt(0));
      else {
        const b = TextEncoderGbk.table.get(c);
        if (!b) throw new Error(`no GBK code for ${c}`);
        out.push(...b);
      }
    }
    return Uint8Array.from(out);
  }
}
