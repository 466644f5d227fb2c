/**
 * A binary property list writer (`bplist00`), the part Safari's web archives use: dictionaries,
 * arrays, strings (ASCII or UTF-16), data. For tests that build a `.webarchive` in memory.
 */
export type PlistValue = string | Uint8Array | PlistValue[] | { readonly [key: string]: PlistValue };

export function binaryPlist(root: PlistValue): Uint8Array {
  const objects: Uint8Array[] = [];
  const refSize = 2;
  const add = (value: PlistValue): number => {
    const at = objects.length;
    objects.push(new Uint8Array());
    objects[at] = encode(value);
    return at;
  };
  const head = (kind: number, length: number): number[] => (length < 15 ? [(kind << 4) | length] : [(kind << 4) | 0x0f, 0x12, (length >>> 24) & 255, (length >>> 16) & 255, (length >>> 8) & 255, length & 255]);
  const refs = (list: readonly number[]): number[] => list.flatMap((r) => [(r >> 8) & 255, r & 255]);
  const encode = (value: PlistValue): Uint8Array => {
    if (typeof value === 'string') {
      if (/^[\x00-\x7f]*$/.test(value)) return Uint8Array.from([...head(0x5, value.length), ...Buffer.from(value, 'latin1')]);
      const units = Buffer.from(value, 'utf16le').swap16();
      return Uint8Array.from([...head(0x6, value.length), ...units]);
    }
    if (value instanceof Uint8Array) return Uint8Array.from([...head(0x4, value.length), ...value]);
    if (Array.isArray(value)) {
      const items = value.map(add);
      return Uint8Array.from([...head(0xa, items.length), ...refs(items)]);
    }
    const entries = Object.entries(value);
    const keys = entries.map(([k]) => add(k));
    const values = entries.map(([, v]) => add(v));
    return Uint8Array.from([...head(0xd, entries.length), ...refs(keys), ...refs(values)]);
  };
  add(root);
  const offsets: number[] = [];
  let at = 8;
  for (const o of objects) {
    offsets.push(at);
    at += o.length;
  }
  const offsetSize = 4;
  const table = at;
  const trailer = new Uint8Array(32);
  const view = new DataView(trailer.buffer);
  trailer[6] = offsetSize;
  trailer[7] = refSize;
  view.setBigUint64(8, BigInt(objects.length));
  view.setBigUint64(16, 0n);
  view.setBigUint64(24, BigInt(table));
  const offsetBytes = offsets.flatMap((o) => [(o >>> 24) & 255, (o >>> 16) & 255, (o >>> 8) & 255, o & 255]);
  return Uint8Array.from([...Buffer.from('bplist00', 'latin1'), ...objects.flatMap((o) => [...o]), ...offsetBytes, ...trailer]);
}

/** A Safari web archive of one page: its HTML as the main resource, the addresses of its images beside it. */
export function webArchive(html: string, url: string, encoding = 'UTF-8', images: readonly string[] = []): Uint8Array {
  const data = encoding.toUpperCase() === 'UTF-8' ? Buffer.from(html, 'utf8') : new Uint8Array(new TextEncoder().encode(html));
  return binaryPlist({
    WebMainResource: { WebResourceData: data, WebResourceFrameName: '', WebResourceMIMEType: 'text/html', WebResourceTextEncodingName: encoding, WebResourceURL: url },
    WebSubresources: images.map((u) => ({ WebResourceData: new Uint8Array([137, 80, 78, 71]), WebResourceMIMEType: 'image/png', WebResourceURL: u })),
  });
}
