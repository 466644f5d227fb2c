/**
 * A small PDF writer for tests that need glyphs at exact positions: text in Type 3 fonts (each
 * glyph a box drawn by a procedure, the text known through ToUnicode, as in
 * scripts/make-type3-fixture.mjs: no font file needed), filled rectangles and stroked lines (table
 * rules). CJK and full-width characters advance 1 em, the rest half an em.
 */
import { deflateSync } from 'node:zlib';

export interface PdfRun {
  readonly text: string;
  /** Start of the run and its baseline, PDF units (origin bottom-left). */
  readonly x: number;
  readonly y: number;
  readonly size: number;
}

export interface PdfPage {
  readonly runs: readonly PdfRun[];
  /** Filled rectangles `[x, y, width, height]` (a Chromium or Word table border). */
  readonly fills?: readonly (readonly [number, number, number, number])[];
  /** Stroked segments `[x0, y0, x1, y1]` (a LibreOffice table border). */
  readonly strokes?: readonly (readonly [number, number, number, number])[];
}

/** Advance of a character in ems. */
export const advance = (ch: string): number => (ch.codePointAt(0)! < 0x1100 ? 0.5 : 1);
/** Width of a run of `text` at `size`. */
export const widthOf = (text: string, size: number): number => [...text].reduce((w, ch) => w + advance(ch) * size, 0);

const hex = (n: number, digits: number): string => n.toString(16).toUpperCase().padStart(digits, '0');
const utf16 = (s: string): string =>
  [...s]
    .map((ch) => {
      const c = ch.codePointAt(0)!;
      return c > 0xffff ? hex(0xd800 + ((c - 0x10000) >> 10), 4) + hex(0xdc00 + ((c - 0x10000) & 0x3ff), 4) : hex(c, 4);
    })
    .join('');

export function writePdf(pages: readonly PdfPage[], box: readonly [number, number] = [595, 842]): Uint8Array {
  const objects: (string | Buffer[])[] = [];
  const add = (body: string | Buffer[]): number => objects.push(body);
  const reserve = (): number => objects.push('');
  const stream = (data: string): Buffer[] => {
    const bytes = deflateSync(Buffer.from(data, 'latin1'));
    return [Buffer.from(`<< /Filter /FlateDecode /Length ${bytes.length} >>\nstream\n`, 'latin1'), bytes, Buffer.from('\nendstream', 'latin1')];
  };
  // Glyphs: every distinct character, up to 255 to a font.
  const chars = [...new Set(pages.flatMap((p) => p.runs.flatMap((r) => [...r.text])))];
  const glyph = new Map<string, { font: number; code: number }>();
  chars.forEach((ch, i) => glyph.set(ch, { font: Math.floor(i / 255) + 1, code: (i % 255) + 1 }));
  const fonts: string[][] = [];
  chars.forEach((ch, i) => (fonts[Math.floor(i / 255)] ??= []).push(ch));
  const wide = add(stream('1000 0 60 -80 940 860 d1 100 -40 800 840 re f'));
  const narrow = add(stream('500 0 40 -80 460 700 d1 60 -40 380 700 re f'));
  const blank = add(stream('500 0 d0'));
  const fontRefs = fonts.map((list) => {
    const names = list.map((_, i) => `/g${i + 1}`);
    const cmap = [
      '/CIDInit /ProcSet findresource begin 12 dict begin begincmap',
      '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
      '/CMapName /Adobe-Identity-UCS def /CMapType 2 def',
      '1 begincodespacerange <00> <FF> endcodespacerange',
      `${list.length} beginbfchar`,
      ...list.map((ch, k) => `<${hex(k + 1, 2)}> <${utf16(ch)}>`),
      'endbfchar endcmap CMapName currentdict /CMap defineresource pop end end',
    ].join('\n');
    const toUnicode = add(stream(cmap));
    const procs = list.map((ch, i) => `${names[i]} ${ch === ' ' ? blank : advance(ch) === 1 ? wide : narrow} 0 R`).join(' ');
    return add(
      `<< /Type /Font /Subtype /Type3 /FontBBox [0 -120 1000 880] /FontMatrix [0.001 0 0 0.001 0 0] /CharProcs << ${procs} >> ` +
        `/Encoding << /Type /Encoding /Differences [1 ${names.join(' ')}] >> /FirstChar 1 /LastChar ${list.length} ` +
        `/Widths [${list.map((ch) => advance(ch) * 1000).join(' ')}] /ToUnicode ${toUnicode} 0 R /Resources << >> >>`,
    );
  });
  const fontDict = `<< ${fontRefs.map((r, i) => `/F${i + 1} ${r} 0 R`).join(' ')} >>`;
  const pagesRef = reserve();
  const pageRefs = pages.map((page) => {
    const ops: string[] = [];
    for (const [x, y, w, h] of page.fills ?? []) ops.push(`${x} ${y} ${w} ${h} re f`);
    if (page.strokes?.length) ops.push('0.5 w', ...page.strokes.map(([x0, y0, x1, y1]) => `${x0} ${y0} m ${x1} ${y1} l S`));
    ops.push('BT');
    for (const run of page.runs) {
      let cx = run.x;
      let cur: { font: number; x: number; codes: string } | null = null;
      const flush = (): void => {
        if (cur) ops.push(`/F${cur.font} ${run.size} Tf 1 0 0 1 ${cur.x.toFixed(2)} ${run.y.toFixed(2)} Tm <${cur.codes}> Tj`);
        cur = null;
      };
      for (const ch of run.text) {
        const g = glyph.get(ch)!;
        if (!cur || cur.font !== g.font) {
          flush();
          cur = { font: g.font, x: cx, codes: '' };
        }
        cur.codes += hex(g.code, 2);
        cx += advance(ch) * run.size;
      }
      flush();
    }
    ops.push('ET');
    const content = add(stream(ops.join('\n')));
    return add(`<< /Type /Page /Parent ${pagesRef} 0 R /MediaBox [0 0 ${box[0]} ${box[1]}] /Resources << /Font ${fontDict} >> /Contents ${content} 0 R >>`);
  });
  objects[pagesRef - 1] = `<< /Type /Pages /Kids [${pageRefs.map((r) => `${r} 0 R`).join(' ')}] /Count ${pageRefs.length} >>`;
  const catalog = add(`<< /Type /Catalog /Pages ${pagesRef} 0 R >>`);
  const chunks: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let offset = chunks[0]!.length;
  const offsets: number[] = [];
  for (const body of objects) {
    offsets.push(offset);
    const parts = [Buffer.from(`${offsets.length} 0 obj\n`, 'latin1'), ...(Array.isArray(body) ? body : [Buffer.from(body, 'latin1')]), Buffer.from('\nendobj\n', 'latin1')];
    for (const p of parts) {
      chunks.push(p);
      offset += p.length;
    }
  }
  const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  chunks.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R >>\nstartxref\n${offset}\n%%EOF\n`, 'latin1'));
  return new Uint8Array(Buffer.concat(chunks));
}
