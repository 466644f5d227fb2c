/**
 * PDF input through pdfjs-dist 5 (legacy build, for Node 20), entirely offline: CJK character maps
 * and standard font data come from the installed package. Font programs are never evaluated
 * (`isEvalSupported: false`, CVE-2024-4367). Each page is cleaned up as soon as its text is read and
 * the document is destroyed at the end, on every path, so a long batch runs in bounded memory.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { GuidelineError, type Source } from '../types.js';
import { buildLines, type PageItems, type TextItem } from './pdf-lines.js';

export interface PdfOptions {
  /** Time limit for the whole document, in milliseconds. @default 30000 */
  readonly timeoutMs?: number;
}

export const DEFAULT_PDF_TIMEOUT_MS = 30_000;

/** Pages whose text is requested at once. */
const PAGES_IN_FLIGHT = 4;

const pdfjsDir = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<PdfJs> | undefined;
const loadPdfJs = (): Promise<PdfJs> => (pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs'));

/** One line: pdf.js's reason, without its stack or line breaks. */
function reason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]!.replace(/\.$/, '').slice(0, 160);
}

function classify(error: unknown): GuidelineError {
  if (error instanceof GuidelineError) return error;
  const name = (error as { name?: string } | undefined)?.name;
  if (name === 'PasswordException') return new GuidelineError('pdf-encrypted', 'encrypted PDF: it needs a password to open');
  if (name === 'InvalidPDFException') return new GuidelineError('pdf-corrupt', `corrupt PDF: ${reason(error)}`);
  return new GuidelineError('pdf-corrupt', `corrupt or truncated PDF: ${reason(error)}`);
}

/** Reads a PDF into a `Source`. Throws `GuidelineError` (encrypted, no text layer, corrupt, timeout). */
export async function loadPdf(bytes: Uint8Array, meta: { path: string; id: string; sha256: string }, options: PdfOptions = {}): Promise<Source> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_PDF_TIMEOUT_MS;
  const { getDocument, VerbosityLevel } = await loadPdfJs();
  const task = getDocument({
    // pdf.js takes ownership of (and may detach) the buffer it is given: give it a copy.
    data: new Uint8Array(bytes),
    cMapUrl: `${join(pdfjsDir, 'cmaps')}/`,
    cMapPacked: true,
    standardFontDataUrl: `${join(pdfjsDir, 'standard_fonts')}/`,
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    verbosity: VerbosityLevel.ERRORS,
    stopAtErrors: false,
  });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new GuidelineError('timeout', `took longer than ${timeoutMs} ms: gave up (--timeout-ms raises the limit)`)), timeoutMs);
  });
  try {
    const read = (async (): Promise<PageItems[]> => {
      const doc = await task.promise;
      const pages: PageItems[] = new Array<PageItems>(doc.numPages);
      // A few pages in flight at once keep pdf.js busy (one at a time, it waits on messages half
      // the time) while memory stays bounded for long documents.
      const readPage = async (n: number): Promise<void> => {
        const page = await doc.getPage(n);
        try {
          // pdf.js's own Unicode normalisation is off: `clean` normalises, and logs what it changes.
          const content = await page.getTextContent({ disableNormalization: true });
          const items: TextItem[] = [];
          for (const it of content.items) {
            if (!('str' in it)) continue;
            const [a, b, c, d, e, f] = it.transform as number[];
            items.push({
              str: it.str,
              x: e!,
              y: f!,
              width: it.width,
              size: Math.hypot(c!, d!) || Math.hypot(a!, b!) || 1,
              hasEOL: it.hasEOL,
            });
          }
          const [x0, y0, x1, y1] = page.view as [number, number, number, number];
          pages[n - 1] = { box: [x0, y0, x1, y1], items };
        } finally {
          page.cleanup();
        }
      };
      let next = 1;
      const lane = async (): Promise<void> => {
        while (next <= doc.numPages) await readPage(next++);
      };
      await Promise.all(Array.from({ length: Math.min(PAGES_IN_FLIGHT, doc.numPages) }, lane));
      return pages;
    })();
    const pages = await Promise.race([read, timeout]);
    const built = buildLines(pages);
    if (built.glyphs === 0) {
      throw new GuidelineError('pdf-no-text', `no text layer in ${pages.length} page${pages.length === 1 ? '' : 's'} (a scanned document?): OCR is needed first`);
    }
    return {
      ...meta,
      format: 'pdf',
      encoding: 'pdf',
      bytes: bytes.length,
      text: built.lines.map((l) => l.text).join('\n'),
      pageOfLine: built.lines.map((l) => l.page),
      pageLineOfLine: built.lines.map((l) => l.pageLine),
      pages: pages.length,
      removed: built.removed,
    };
  } catch (error) {
    throw classify(error);
  } finally {
    clearTimeout(timer);
    await task.destroy().catch(() => undefined);
  }
}
