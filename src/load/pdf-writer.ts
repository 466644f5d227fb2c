/**
 * A PDF of image pages, written byte by byte, so that images that are no PDF (a scan's PNG, JPEG or
 * TIFF pages) are read by the PDF reader's OCR, page layout and running heads as any scanned PDF
 * is. Each page is a size in points and the images drawn on it, each an image XObject whose stream
 * and dictionary the caller gives (`/Filter /CCITTFaxDecode`, `/DCTDecode`, raw pixels). The bytes
 * are deterministic: no date, no id. Pure.
 */

export interface PdfImage {
  /** Where it is drawn, in points from the page's bottom left, and its size. */
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** The image dictionary's entries besides /Type, /Subtype and /Length (`/Width 1728 /Height 128 …`). */
  readonly dict: string;
  readonly data: Uint8Array;
}

export interface PdfPage {
  readonly width: number;
  readonly height: number;
  readonly images: readonly PdfImage[];
}

const round = (n: number): number => Math.round(n * 100) / 100;

export function pdfOfImagePages(pages: readonly PdfPage[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  const offsets: number[] = [];
  let size = 0;
  const put = (part: string | Uint8Array): void => {
    const b = typeof part === 'string' ? Buffer.from(part, 'latin1') : part;
    chunks.push(b);
    size += b.length;
  };
  const object = (n: number, body: string, stream?: Uint8Array): void => {
    offsets[n] = size;
    put(`${n} 0 obj\n${body}\n`);
    if (stream) {
      put('stream\n');
      put(stream);
      put('\nendstream\n');
    }
    put('endobj\n');
  };
  put('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n');
  // Objects: 1 catalog, 2 pages; per page its object, its content, then its images.
  const first: number[] = [];
  let next = 3;
  for (const p of pages) {
    first.push(next);
    next += 2 + p.images.length;
  }
  object(1, '<< /Type /Catalog /Pages 2 0 R >>');
  object(2, `<< /Type /Pages /Kids [${first.map((n) => `${n} 0 R`).join(' ')}] /Count ${pages.length} >>`);
  pages.forEach((page, i) => {
    const n = first[i]!;
    const names = page.images.map((_, k) => `/Im${k} ${n + 2 + k} 0 R`).join(' ');
    const content = Buffer.from(page.images.map((im, k) => `q ${round(im.width)} 0 0 ${round(im.height)} ${round(im.x)} ${round(im.y)} cm /Im${k} Do Q`).join('\n'), 'latin1');
    object(n, `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${round(page.width)} ${round(page.height)}] /Resources << /XObject << ${names} >> >> /Contents ${n + 1} 0 R >>`);
    object(n + 1, `<< /Length ${content.length} >>`, content);
    page.images.forEach((im, k) => object(n + 2 + k, `<< /Type /XObject /Subtype /Image ${im.dict} /Length ${im.data.length} >>`, im.data));
  });
  const xref = size;
  put(`xref\n0 ${next}\n0000000000 65535 f \n`);
  for (let n = 1; n < next; n++) put(`${String(offsets[n]).padStart(10, '0')} 00000 n \n`);
  put(`trailer\n<< /Size ${next} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  const out = new Uint8Array(size);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}
