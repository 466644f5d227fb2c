/**
 * Compressed PDF streams are inflated under a ceiling before pdf.js reads them: a "bomb" (a small
 * FlateDecode stream that inflates to hundreds of MB) fails with one line, quickly, without the
 * memory it would take. The PDFs are made here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { constants, createDeflate, deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { loadBytes } from '../../src/load/index.js';
import { checkInflatedSize, DEFAULT_INFLATE_LIMITS } from '../../src/load/pdf-streams.js';
import { GuidelineError } from '../../src/types.js';
import { ROOT } from '../helpers/seed.js';

const MiB = 1024 * 1024;

/** Deflates `total` zero bytes a MiB at a time: the input never exists whole. */
async function deflatedZeros(total: number): Promise<Buffer> {
  const deflate = createDeflate({ level: constants.Z_BEST_COMPRESSION });
  const chunks: Buffer[] = [];
  deflate.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    deflate.on('end', resolve);
    deflate.on('error', reject);
  });
  const zeros = Buffer.alloc(MiB);
  for (let n = 0; n < total; n += MiB) {
    if (!deflate.write(zeros.subarray(0, Math.min(MiB, total - n)))) await new Promise((r) => deflate.once('drain', r));
  }
  deflate.end();
  await done;
  return Buffer.concat(chunks);
}

/** A one-page PDF whose page has the content streams given (data and /Filter value). */
function pdfWith(streams: readonly { readonly data: Buffer; readonly filter: string }[]): Buffer {
  const objects: Buffer[] = [];
  const contents = streams.map((_, i) => `${4 + i} 0 R`).join(' ');
  objects.push(Buffer.from('<< /Type /Catalog /Pages 2 0 R >>'));
  objects.push(Buffer.from('<< /Type /Pages /Kids [3 0 R] /Count 1 >>'));
  objects.push(Buffer.from(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents [${contents}] >>`));
  for (const s of streams) {
    objects.push(Buffer.concat([Buffer.from(`<< /Length ${s.data.length} /Filter ${s.filter} >>\nstream\n`), s.data, Buffer.from('\nendstream')]));
  }
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n')];
  const offsets: number[] = [];
  let at = parts[0]!.length;
  objects.forEach((o, i) => {
    offsets.push(at);
    const obj = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), o, Buffer.from('\nendobj\n')]);
    parts.push(obj);
    at += obj.length;
  });
  const xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${at}\n%%EOF\n`));
  return Buffer.concat(parts);
}

const tooLarge = async (p: Promise<unknown>): Promise<string> => {
  const e = await p.then(
    () => null,
    (error: unknown) => error,
  );
  expect(e).toBeInstanceOf(GuidelineError);
  expect((e as GuidelineError).code).toBe('too-large');
  return (e as GuidelineError).message;
};

describe('a PDF whose streams inflate too far', () => {
  it('a FlateDecode stream of 300 MiB (a few hundred KB in the file) fails in one line, at once', async () => {
    const bomb = pdfWith([{ data: await deflatedZeros(300 * MiB), filter: '/FlateDecode' }]);
    expect(bomb.length).toBeLessThan(MiB);
    const before = process.memoryUsage().rss;
    const started = performance.now();
    expect(await tooLarge(loadBytes(bomb, 'bomb.pdf'))).toBe('too large to unpack: a compressed stream in it inflates to more than 256 MiB (the limit for one stream)');
    expect(performance.now() - started).toBeLessThan(10_000);
    // At most the ceiling of one stream was ever held: pdf.js never saw it.
    expect(process.memoryUsage().rss - before).toBeLessThan(400 * MiB);
  });

  it('chained Flate filters are inflated layer by layer, each under the ceiling', () => {
    const inner = deflateSync(Buffer.alloc(3 * MiB));
    const bomb = pdfWith([{ data: deflateSync(inner), filter: '[/FlateDecode /FlateDecode]' }]);
    expect(() => checkInflatedSize(bomb, { perStream: 2 * MiB, perDocument: 100 * MiB })).toThrow(
      'too large to unpack: a compressed stream in it inflates to more than 2 MiB (the limit for one stream)',
    );
    // One layer only (the second filter not Flate): the first layer is small, nothing more is measured.
    expect(() => checkInflatedSize(pdfWith([{ data: deflateSync(inner), filter: '[/FlateDecode /ASCIIHexDecode]' }]), { perStream: 2 * MiB, perDocument: 100 * MiB })).not.toThrow();
  });

  it('streams that together inflate beyond the document’s ceiling', () => {
    const one = { data: deflateSync(Buffer.alloc(MiB)), filter: '/FlateDecode' };
    const limits = { perStream: 2 * MiB, perDocument: 2.5 * MiB };
    expect(() => checkInflatedSize(pdfWith([one, one]), limits)).not.toThrow();
    expect(() => checkInflatedSize(pdfWith([one, one, one]), limits)).toThrow(
      'too large to unpack: its compressed streams inflate to more than 2.5 MiB together (the limit for one PDF)',
    );
  });

  it('every PDF of the project is within the ceilings', () => {
    const dirs = [`${ROOT}test/fixtures/pdf`, `${ROOT}corpus`];
    let n = 0;
    for (const d of dirs) {
      for (const f of readdirSync(d).filter((x) => x.endsWith('.pdf'))) {
        expect(() => checkInflatedSize(readFileSync(`${d}/${f}`), DEFAULT_INFLATE_LIMITS), f).not.toThrow();
        n++;
      }
    }
    expect(n).toBeGreaterThan(3);
  });

  it('a small stream that is no Flate data is left to pdf.js', () => {
    expect(() => checkInflatedSize(pdfWith([{ data: Buffer.from('not deflated at all'), filter: '/FlateDecode' }]))).not.toThrow();
  });
});
