/**
 * Containers a guideline arrives in besides its own file: a ZIP archive of attachments (names in
 * GBK without the UTF-8 flag, forms and junk beside the guideline), an EPUB e-book (chapters in
 * spine order, footnotes), and images of a scan (a phone's tall screenshot, an archive of page
 * JPEGs). Each must extract what the guideline's own file gives.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync, crc32 } from 'node:zlib';
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { diff, hasChanges } from '../../src/diff/index.js';
import { memberName, naturalOrder } from '../../src/load/archive.js';
import { partPath } from '../../src/load/xml.js';
import { cutPages, decodeImage } from '../../src/load/image.js';
import { loadBytes, loadFile } from '../../src/load/index.js';
import type { GreyImage } from '../../src/load/page-image.js';
import { renderPdfPages } from '../../src/load/pdfjs.js';
import { processSource } from '../../src/pipeline.js';
import { GuidelineError } from '../../src/types.js';
import { ROOT } from '../helpers/seed.js';
import { zipOf } from '../helpers/zip.js';

const FORMATS = join(ROOT, 'test/fixtures/formats');
const TEXT = join(ROOT, 'test/fixtures/variants/2024-intergov-final.txt');
const textDoc = processSource(await loadFile(TEXT));
const docx = readFileSync(join(FORMATS, '2024-intergov-final.docx'));
const docxDoc = processSource(await loadBytes(docx, '2024-intergov-final.docx'));

async function failure(p: Promise<unknown>): Promise<GuidelineError> {
  try {
    await p;
  } catch (error) {
    if (error instanceof GuidelineError) return error;
    throw error;
  }
  throw new Error('expected a GuidelineError');
}

describe('package paths and the order of names', () => {
  it('resolves a reference from its part: relative, absolute, `..`, a fragment, percent-escapes', () => {
    expect(partPath('word/document.xml', '../media/a%20b.png#x')).toBe('media/a b.png');
    expect(partPath('Doc_0/Document.xml', '/Doc_0/Pages/Page_0/Content.xml')).toBe('Doc_0/Pages/Page_0/Content.xml');
    expect(partPath('Doc_0/', 'Pages/Page_1/Content.xml')).toBe('Doc_0/Pages/Page_1/Content.xml');
    expect(partPath('OEBPS/Text/ch1.xhtml', '../Styles/./book.css')).toBe('OEBPS/Styles/book.css');
    expect(partPath('', 'OEBPS/content.opf')).toBe('OEBPS/content.opf');
    expect(partPath('xl/workbook.xml', 'worksheets/sheet1.xml')).toBe('xl/worksheets/sheet1.xml');
    expect(partPath('a/b.xml', '100%.xml')).toBe('a/100%.xml');
  });

  it('orders names as a person reads a folder: numbers by value', () => {
    expect(['10.jpg', '2.jpg', '1.jpg', 'IMG_20260312_101540.jpg', 'IMG_20260312_101501.jpg'].sort(naturalOrder)).toEqual(['1.jpg', '2.jpg', '10.jpg', 'IMG_20260312_101501.jpg', 'IMG_20260312_101540.jpg']);
    expect(['Pages/10.fpage', 'Pages/9.fpage'].sort(naturalOrder)).toEqual(['Pages/9.fpage', 'Pages/10.fpage']);
  });
});

describe('a ZIP archive of attachments', () => {
  const archive = zipOf([
    { name: '关于组织申报的通知/', data: '', names: 'gbk' },
    { name: '关于组织申报的通知/附件2：项目申报书（模板）.docx', data: docx, names: 'gbk' },
    { name: '关于组织申报的通知/附件1：2024年度第二批项目申报指南.docx', data: docx, names: 'gbk' },
    { name: '关于组织申报的通知/附件3：预算表.xlsx', data: 'PK', names: 'gbk' },
    { name: '__MACOSX/关于组织申报的通知/._附件1：2024年度第二批项目申报指南.docx', data: 'junk', names: 'gbk' },
    { name: '关于组织申报的通知/Thumbs.db', data: 'junk' },
  ]);

  it('reads the file named as the guideline (GBK names decoded), the others logged by name', async () => {
    const source = await loadBytes(archive, '附件.zip');
    expect([source.format, source.path, source.bytes]).toEqual(['docx', '附件.zip', archive.length]);
    expect(source.removed.filter((r) => r.kind === 'archive-member').map((r) => r.text)).toEqual(['关于组织申报的通知/附件2：项目申报书（模板）.docx', '关于组织申报的通知/附件3：预算表.xlsx']);
    const doc = processSource(source);
    expect(hasChanges(diff(docxDoc, doc))).toBe(false);
    expect(doc.directions.map((d) => [d.id, d.projectCount?.value, d.funding?.amountCNY])).toEqual(textDoc.directions.map((d) => [d.id, d.projectCount?.value, d.funding?.amountCNY]));
  });

  it('takes the largest document that is no form when none is named as a guideline, the same with UTF-8 names', async () => {
    const unnamed = zipOf([
      { name: '附件2.docx', data: docx.subarray(0, 100) },
      { name: '附件1.docx', data: docx },
    ]);
    expect(hasChanges(diff(docxDoc, processSource(await loadBytes(unnamed, 'x.zip'))))).toBe(false);
  });

  it('names the member a failure comes from, and refuses an archive with nothing to read in one line', async () => {
    const broken = await failure(loadBytes(zipOf([{ name: '附件1：申报指南.docx', data: 'not a zip', names: 'gbk' }]), 'x.zip'));
    expect(broken.say('zh')).toMatch(/^压缩包中的“附件1：申报指南\.docx”：不是 \.docx 文件/);
    const nothing = await failure(loadBytes(zipSync({ 'a.bin': [strToU8('x'), { mtime: new Date('1980-01-01T00:00:00') }] }), 'x.zip'));
    expect(nothing.say('zh')).toBe('这个 ZIP 压缩包里没有本工具能读的指南文件（PDF、Word、网页、文本或扫描图片）；请解压后读入指南文件');
  });

  it('decodes a name as the archiver wrote it: UTF-8 without the flag, GBK, or ASCII', () => {
    const latin1 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('latin1');
    expect(memberName(latin1(Buffer.from('附件1：申报指南.docx', 'utf8')))).toBe('附件1：申报指南.docx');
    expect(memberName(latin1(new TextEncoder().encode('指南.pdf')))).toBe('指南.pdf');
    expect(memberName('guide.pdf')).toBe('guide.pdf');
    // GBK bytes of 申报指南 (from the decoder's own table).
    const gbk = Uint8Array.of(0xc9, 0xea, 0xb1, 0xa8, 0xd6, 0xb8, 0xc4, 0xcf);
    expect(new TextDecoder('gbk').decode(gbk)).toBe('申报指南');
    expect(memberName(latin1(gbk))).toBe('申报指南');
  });
});

describe('an EPUB e-book', () => {
  const paragraphs = readFileSync(TEXT, 'utf8').split('\n').map((l) => l.trim()).filter((l) => l !== '');
  const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const chapter = (lines: readonly string[], extra = ''): string =>
    `<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"><head><title>x</title><link rel="stylesheet" type="text/css" href="../Styles/book.css"/></head><body>${lines.map((l) => `<p class="zw">${l}</p>`).join('')}${extra}</body></html>`;
  const build = (withNote: boolean): Uint8Array => {
    const third = Math.floor(paragraphs.length / 3);
    // A note's call inside a figure's sentence, the note after the chapter.
    const withCall = paragraphs.slice(third, 2 * third).map((l, i) => (withNote && i === 3 ? `${esc(l)}<a epub:type="noteref" href="#n1">[1]</a>` : esc(l)));
    const files: Record<string, string> = {
      mimetype: 'application/epub+zip',
      'META-INF/container.xml': '<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>',
      'OEBPS/content.opf': `<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0"><metadata><dc:title xmlns:dc="http://purl.org/dc/elements/1.1/">指南</dc:title></metadata><manifest><item id="c" href="Text/a_part3.xhtml" media-type="application/xhtml+xml"/><item id="a" href="Text/z_part1.xhtml" media-type="application/xhtml+xml"/><item id="b" href="Text/m_part2.xhtml" media-type="application/xhtml+xml"/><item id="css" href="Styles/book.css" media-type="text/css"/></manifest><spine><itemref idref="a"/><itemref idref="b"/><itemref idref="c"/></spine></package>`,
      'OEBPS/Styles/book.css': 'p.zw { text-indent: 2em; }',
      'OEBPS/Text/z_part1.xhtml': chapter(paragraphs.slice(0, third).map(esc)),
      'OEBPS/Text/m_part2.xhtml': chapter(withCall, withNote ? '<aside epub:type="footnote" id="n1"><p>[1] 以正式发布稿为准。</p></aside>' : ''),
      'OEBPS/Text/a_part3.xhtml': chapter(paragraphs.slice(2 * third).map(esc)),
    };
    const when = { mtime: new Date('1980-01-01T00:00:00') };
    return zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, [strToU8(v), when]])));
  };

  it('reads its chapters in spine order as the text it was made from (diff: no change)', async () => {
    const source = await loadBytes(build(false), 'x.epub');
    expect(source.format).toBe('epub');
    expect(hasChanges(diff(textDoc, processSource(source)))).toBe(false);
  });

  it('logs a footnote and drops its call mark from the sentence', async () => {
    const source = await loadBytes(build(true), 'x.epub');
    expect(source.text).not.toContain('以正式发布稿为准');
    expect(source.text).not.toContain('[1]');
    expect(source.removed.filter((r) => r.kind === 'footnote').map((r) => r.text)).toEqual(['[1] 以正式发布稿为准。', '[1]']);
    expect(hasChanges(diff(textDoc, processSource(source)))).toBe(false);
  });
});

/** A PNG of grey or RGB(A) pixels, each row with the given filter (0–4), as an encoder may choose. */
function png(width: number, height: number, channels: 1 | 2 | 3 | 4, data: Uint8Array, filters: readonly number[]): Uint8Array {
  const stride = width * channels;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    const f = filters[y % filters.length]!;
    raw[y * (stride + 1)] = f;
    for (let i = 0; i < stride; i++) {
      const x = data[y * stride + i]!;
      const a = i >= channels ? data[y * stride + i - channels]! : 0;
      const b = y > 0 ? data[(y - 1) * stride + i]! : 0;
      const c = y > 0 && i >= channels ? data[(y - 1) * stride + i - channels]! : 0;
      const p = a + b - c;
      const pred = f === 1 ? a : f === 2 ? b : f === 3 ? (a + b) >> 1 : f === 4 ? (Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c) : 0;
      raw[y * (stride + 1) + 1 + i] = (x - pred) & 0xff;
    }
  }
  const chunk = (type: string, body: Buffer): Buffer => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(body.length);
    const typed = Buffer.concat([Buffer.from(type, 'latin1'), body]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(typed) >>> 0);
    return Buffer.concat([length, typed, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = { 1: 0, 2: 4, 3: 2, 4: 6 }[channels];
  return new Uint8Array(Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]));
}

/** A little-endian TIFF of grey pages: one directory a page, strips of `rows` rows, uncompressed, 200 dpi. */
function tiffOf(images: readonly GreyImage[], rows = 500): Uint8Array {
  const parts: Buffer[] = [Buffer.from([0x49, 0x49, 42, 0, 0, 0, 0, 0])];
  let size = 8;
  const dirAt: number[] = [];
  images.forEach((img) => {
    const strips: number[] = [];
    const counts: number[] = [];
    for (let y = 0; y < img.height; y += rows) {
      const data = Buffer.from(img.pixels.subarray(y * img.width, Math.min(img.height, y + rows) * img.width));
      strips.push(size);
      counts.push(data.length);
      parts.push(data);
      size += data.length;
    }
    const arrays = Buffer.alloc(strips.length * 8 + 16);
    strips.forEach((s, k) => arrays.writeUInt32LE(s, k * 4));
    counts.forEach((c, k) => arrays.writeUInt32LE(c, strips.length * 4 + k * 4));
    const arraysAt = size;
    arrays.writeUInt32LE(200, strips.length * 8);
    arrays.writeUInt32LE(1, strips.length * 8 + 4);
    parts.push(arrays);
    size += arrays.length;
    const tags: [number, number, number, number][] = [
      [256, 4, 1, img.width], [257, 4, 1, img.height], [258, 3, 1, 8], [259, 3, 1, 1], [262, 3, 1, 1],
      [273, 4, strips.length, strips.length === 1 ? strips[0]! : arraysAt], [277, 3, 1, 1], [278, 4, 1, rows],
      [279, 4, counts.length, counts.length === 1 ? counts[0]! : arraysAt + strips.length * 4],
      [282, 5, 1, arraysAt + strips.length * 8], [283, 5, 1, arraysAt + strips.length * 8], [296, 3, 1, 2],
    ];
    const dir = Buffer.alloc(2 + tags.length * 12 + 4);
    dir.writeUInt16LE(tags.length, 0);
    tags.forEach(([tag, type, count, value], k) => {
      dir.writeUInt16LE(tag, 2 + k * 12);
      dir.writeUInt16LE(type, 4 + k * 12);
      dir.writeUInt32LE(count, 6 + k * 12);
      if (type === 3 && count === 1) dir.writeUInt16LE(value, 10 + k * 12);
      else dir.writeUInt32LE(value, 10 + k * 12);
    });
    dirAt.push(size);
    parts.push(dir);
    size += dir.length;
  });
  const out = Buffer.concat(parts);
  out.writeUInt32LE(dirAt[0]!, 4);
  // Each directory's last word: the next directory.
  dirAt.forEach((at, k) => out.writeUInt32LE(dirAt[k + 1] ?? 0, at + out.readUInt16LE(at) * 12 + 2));
  return new Uint8Array(out);
}

describe('images: decoding and cutting', () => {
  it('decodes every filter and colour type of a PNG to the grey of its pixels (alpha over white)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 1, max: 7 }),
        fc.constantFrom<1 | 2 | 3 | 4>(1, 2, 3, 4),
        fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 5 }),
        fc.infiniteStream(fc.integer({ min: 0, max: 255 })),
        async (width, height, channels, filters, values) => {
          const data = Uint8Array.from(values.take(width * height * channels));
          const image = await decodeImage(png(width, height, channels, data, filters));
          const expected = new Uint8Array(width * height);
          for (let i = 0; i < expected.length; i++) {
            const px = data.subarray(i * channels, (i + 1) * channels);
            const grey = channels >= 3 ? (px[0]! * 77 + px[1]! * 150 + px[2]! * 29) >> 8 : px[0]!;
            const alpha = channels === 2 ? px[1]! : channels === 4 ? px[3]! : 255;
            expected[i] = alpha === 255 ? grey : 255 - (((255 - grey) * alpha) >> 8);
          }
          expect([image.width, image.height]).toEqual([width, height]);
          expect(Array.from(image.pixels)).toEqual(Array.from(expected));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('cuts a tall image into pages whose rows are the image’s, never through a line of text', () => {
    fc.assert(
      fc.property(fc.integer({ min: 40, max: 80 }), fc.array(fc.integer({ min: 4, max: 30 }), { minLength: 5, maxLength: 60 }), fc.integer({ min: 3, max: 12 }), (width, lines, gap) => {
        // Lines of text (ink rows) `lines[i]` high, `gap` blank rows between them.
        const rows: boolean[] = [];
        for (const h of lines) rows.push(...Array<boolean>(gap).fill(false), ...Array<boolean>(h).fill(true));
        rows.push(...Array<boolean>(gap).fill(false));
        const pixels = new Uint8Array(width * rows.length).fill(250);
        rows.forEach((ink, y) => {
          if (ink) pixels.fill(20, y * width + 5, y * width + width - 5);
        });
        const image: GreyImage = { width, height: rows.length, pixels };
        const pages = cutPages(image);
        // Nothing lost, nothing doubled.
        expect(Buffer.compare(Buffer.concat(pages.map((p) => Buffer.from(p.pixels))), Buffer.from(pixels))).toBe(0);
        let top = 0;
        for (const page of pages.slice(0, -1)) {
          top += page.height;
          // A line no taller than a page's search window is never cut.
          const inLine = rows[top - 1] && rows[top];
          const tallest = Math.max(...lines);
          if (tallest < width * 0.3) expect(inLine).toBe(false);
        }
        expect(pages.every((p) => p.height <= Math.round(width * (297 / 210)) * 1.25 + 1)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe('a scan as image files', () => {
  const PDF = 'corpus/2025-batch1-draft.libreoffice.pdf';
  let reference: ReturnType<typeof processSource>;
  let pages: GreyImage[];
  const { createCanvas, ImageData } = createRequire(`${ROOT}node_modules/pdfjs-dist/package.json`)('@napi-rs/canvas') as {
    createCanvas: (w: number, h: number) => { getContext(k: '2d'): { putImageData(d: unknown, x: number, y: number): void }; encodeSync(kind: 'png' | 'jpeg', quality?: number): Buffer };
    ImageData: new (data: Uint8ClampedArray, w: number, h: number) => unknown;
  };
  const encode = (image: GreyImage, kind: 'png' | 'jpeg'): Uint8Array => {
    const rgba = new Uint8ClampedArray(image.width * image.height * 4);
    for (let j = 0; j < image.pixels.length; j++) {
      rgba[4 * j] = rgba[4 * j + 1] = rgba[4 * j + 2] = image.pixels[j]!;
      rgba[4 * j + 3] = 255;
    }
    const canvas = createCanvas(image.width, image.height);
    canvas.getContext('2d').putImageData(new ImageData(rgba, image.width, image.height), 0, 0);
    return canvas.encodeSync(kind, 85);
  };

  beforeAll(async () => {
    const bytes = readFileSync(`${ROOT}${PDF}`);
    pages = await renderPdfPages(bytes, [1, 2], 200);
    // The reference: the same pages as a scanned PDF (its own OCR reading, the same engine).
    const tall: GreyImage = { width: pages[0]!.width, height: pages[0]!.height + pages[1]!.height, pixels: Buffer.concat([pages[0]!.pixels, pages[1]!.pixels]) };
    reference = processSource(await loadBytes(encode(tall, 'png'), 'long.png'));
  }, 240_000);

  it('reads a tall screenshot (one PNG of two pages) by OCR, cut into its pages', () => {
    expect(reference.document.source).toMatchObject({ format: 'image', encoding: 'png', pages: 2 });
    expect(reference.document.title).toBe('国家重点研发计划“政府间国际科技创新合作”重点专项2025年度第一批项目申报指南');
    expect(reference.directions.map((d) => [d.id, d.title])).toEqual([['1.1', '中国和越南政府间联合研究项目']]);
  });

  it('gives the same directions from the pages as JPEG files in an archive, in the order of their numbers', async () => {
    const archive = zipOf([
      { name: '扫描件/2.jpg', data: encode(pages[1]!, 'jpeg'), names: 'gbk' },
      { name: '扫描件/1.jpg', data: encode(pages[0]!, 'jpeg'), names: 'gbk' },
    ]);
    const doc = processSource(await loadBytes(archive, '扫描件.zip'));
    expect(doc.document.source).toMatchObject({ format: 'image', encoding: 'jpeg', pages: 2 });
    expect(doc.directions.map((d) => [d.id, d.title, d.projectCount?.value, d.funding?.amountCNY])).toEqual(reference.directions.map((d) => [d.id, d.title, d.projectCount?.value, d.funding?.amountCNY]));
  }, 120_000);

  it('gives the same directions from the pages as a multi-page TIFF (grey, raw strips of 500 rows, as a scanner writes one)', async () => {
    const doc = processSource(await loadBytes(tiffOf(pages), '扫描件.tif'));
    expect(doc.document.source).toMatchObject({ format: 'image', encoding: 'tiff', pages: 2 });
    expect(doc.directions.map((d) => [d.id, d.title, d.projectCount?.value, d.funding?.amountCNY])).toEqual(reference.directions.map((d) => [d.id, d.title, d.projectCount?.value, d.funding?.amountCNY]));
  }, 120_000);

  it('refuses an image it cannot decode in one line', async () => {
    const damaged = await failure(loadBytes(Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0), 'x.png'));
    expect(damaged.say('zh')).toBe('PNG 图片已损坏（下载或复制没有完成？），无法解码');
    const other = await failure(loadBytes(Buffer.from('GIF89a'), 'x.jpg'));
    expect(other.say('zh')).toBe('不是本工具能读的图片（只读 PNG、JPEG 和 TIFF）；请另存为 PNG、JPEG 或 PDF');
  });
});
