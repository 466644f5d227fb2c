/**
 * PDF input through pdfjs-dist 5 (legacy build, for Node 20), entirely offline: CJK character maps
 * and standard font data come from the installed package. Font programs are never evaluated
 * (`isEvalSupported: false`, CVE-2024-4367). Each page is cleaned up as soon as its text is read and
 * the document is destroyed at the end, on every path, so a long batch runs in bounded memory.
 *
 * Pages without a text layer are read by OCR (`pdf-ocr.ts`, loaded only then): `ocr: 'auto'`. The
 * time limit grows by a third for each such page (see `ocrTimeLimit`).
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { GuidelineError, type OcrPageInfo, type Removal, type Source } from '../types.js';
import { reason, type PdfDamage } from '../messages/reasons.js';
import { buildLines, confidenceOfLines, estimatedAdvance, lineArrays, type PageItems, type TextItem } from './pdf-lines.js';
import { OCR_DOUBT, OCR_DOUBT_TEXT } from '../lexicon/ocr-confusions.js';
import { checkInflatedSize } from './pdf-streams.js';
import { mayHoldTable } from './pdf-layout.js';
import { pageRules } from './pdf-rules.js';
import type { Rule } from './pdf-layout.js';
import type { GreyImage } from './page-image.js';

/**
 * When pages are read by OCR: `auto`, a page without a text layer that shows a scan; `force`, every
 * page (its text layer ignored); `off`, none (a PDF without a text layer fails, as it always did).
 */
export type OcrMode = 'auto' | 'force' | 'off';

export interface PdfOptions {
  /** Time limit for the whole document, in milliseconds; pages read by OCR raise it (`ocrTimeLimit`). @default 30000 */
  readonly timeoutMs?: number;
  /** @default 'auto' */
  readonly ocr?: OcrMode;
  /** Most pages one document may have read by OCR; more fail the document. @default 50 */
  readonly ocrMaxPages?: number;
  /** Called when OCR starts (`done` 0) and after each page it read. */
  readonly onProgress?: (progress: OcrProgress) => void;
  /** Given the files attached to the PDF (its embedded files), where it has any. */
  readonly onAttachments?: (files: { name: string; bytes: Uint8Array }[]) => void;
}

export interface OcrProgress {
  /** Pages read by OCR so far, of `pages`. */
  readonly done: number;
  readonly pages: number;
  /** The document's time limit now that it holds pages to read by OCR, in milliseconds. */
  readonly limitMs: number;
}

export const DEFAULT_PDF_TIMEOUT_MS = 30_000;
export const DEFAULT_OCR_MAX_PAGES = 50;

/**
 * The time limit of a document with `ocrPages` pages to read by OCR: the limit for reading it, and
 * a third of it for each of those pages (10 s at the default 30 s: ~6× what a page took on the
 * project's 2-core machine, for slower machines and busy ones).
 */
export function ocrTimeLimit(timeoutMs: number, ocrPages: number): number {
  return Math.round(timeoutMs * (1 + ocrPages / 3));
}

/** Pages whose text is requested at once. */
const PAGES_IN_FLIGHT = 4;

const pdfjsDir = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<PdfJs> | undefined;

/**
 * The built-in objects whose methods pdf.js's legacy build may replace. Its bundled core-js
 * polyfills do not only add what Node 20 lacks (`Promise.withResolvers`, `Uint8Array.prototype.toHex`,
 * …: those stay); they also *replace* native methods that fail some conformance edge case, for the
 * whole process: `Array.prototype.push` (arrays longer than 2³²), `JSON.stringify`, `JSON.parse`,
 * and `Function.prototype.toString` (to make the replacements look native). Measured on Node 20.20:
 * `push` 2.4× and `JSON.stringify` of an extracted guideline 5× slower once pdf.js is loaded, which
 * slowed every later stage of every document, text or PDF, in the same process.
 */
const BUILT_INS: readonly (readonly [string, object])[] = Object.entries({
  Array, 'Array.prototype': Array.prototype, Object, 'Object.prototype': Object.prototype,
  'Function.prototype': Function.prototype, JSON, Math, Number, 'Number.prototype': Number.prototype, String,
  'String.prototype': String.prototype, 'RegExp.prototype': RegExp.prototype, Promise,
  'Promise.prototype': Promise.prototype, 'Map.prototype': Map.prototype, 'Set.prototype': Set.prototype,
  'WeakMap.prototype': WeakMap.prototype, Reflect, Symbol, 'ArrayBuffer.prototype': ArrayBuffer.prototype,
  Uint8Array, 'Uint8Array.prototype': Uint8Array.prototype,
  'TypedArray.prototype': Object.getPrototypeOf(Uint8Array.prototype) as object,
});

type Snapshot = readonly (readonly [string, object, Map<PropertyKey, PropertyDescriptor>])[];

/** Every method of the built-ins, as it is now. */
function snapshotBuiltIns(): Snapshot {
  return BUILT_INS.map(([name, target]) => {
    const own = new Map<PropertyKey, PropertyDescriptor>();
    for (const key of Reflect.ownKeys(target)) {
      const d = Object.getOwnPropertyDescriptor(target, key);
      if (d && typeof d.value === 'function') own.set(key, d);
    }
    return [name, target, own] as const;
  });
}

/** Puts back every method that was replaced since `snapshot`; added ones stay. Returns their names. */
function restoreBuiltIns(snapshot: Snapshot): string[] {
  const restored: string[] = [];
  for (const [name, target, own] of snapshot) {
    for (const [key, before] of own) {
      const now = Object.getOwnPropertyDescriptor(target, key);
      if (now?.value === before.value || now?.configurable === false) continue;
      Object.defineProperty(target, key, before);
      restored.push(`${name}.${String(key)}`);
    }
  }
  return restored.sort();
}

/** What `loadPdfJs` had to put back, for the test that notices when a pdf.js upgrade changes it. */
export let restoredBuiltIns: readonly string[] = [];

/**
 * Globals pdf.js's module code needs while it is evaluated, when the process lacks them: its
 * canvas helpers create a `DOMMatrix` at load (`const SCALE_MATRIX = new DOMMatrix()`) and take
 * `DOMMatrix`, `ImageData` and `Path2D` from the optional `@napi-rs/canvas`. Text extraction never
 * draws, so where that package is not installed (`npm i --omit=optional`, unsupported platforms)
 * a stand-in lets pdf.js load; it is removed again with everything else pdf.js added.
 */
class DOMMatrixStandIn {
  a = 1;
  b = 0;
  c = 0;
  d = 1;
  e = 0;
  f = 0;
}

/** pdf.js's warnings about the optional canvas package: not for the user of a text extractor. */
const CANVAS_WARNING = /^Warning: Cannot (?:load "@napi-rs\/canvas"|polyfill `(?:DOMMatrix|ImageData|Path2D)`)/;

/** The worker module's global, kept off `globalThis` between documents (see `withWorkerGlobal`). */
let workerGlobal: unknown;

/**
 * What pdf.js's canvas code draws with and took from `@napi-rs/canvas` at load (`DOMMatrix`,
 * `Path2D`, `ImageData`): removed with the other globals it added, and put back only while a page
 * is rendered for OCR (`withCanvasGlobals`). Empty when the canvas package is absent.
 */
const CANVAS_GLOBALS: ReadonlySet<PropertyKey> = new Set(['DOMMatrix', 'Path2D', 'ImageData']);
let canvasGlobals: readonly (readonly [string, unknown])[] = [];
/** Renders under way, and the globals the first of them put in place. */
let canvasUsers = 0;
let canvasPut: string[] = [];

async function withCanvasGlobals<T>(fn: () => Promise<T>): Promise<T> {
  if (canvasUsers++ === 0) {
    canvasPut = [];
    for (const [name, value] of canvasGlobals) {
      if (name in globalThis) continue;
      Object.defineProperty(globalThis, name, { value, configurable: true, writable: true });
      canvasPut.push(name);
    }
  }
  try {
    return await fn();
  } finally {
    if (--canvasUsers === 0) for (const name of canvasPut) Reflect.deleteProperty(globalThis, name);
  }
}

/** Whether pdf.js's optional canvas package can be loaded (pdf.js itself requires it from its folder). */
function canvasInstalled(): boolean {
  try {
    createRequire(join(pdfjsDir, 'package.json')).resolve('@napi-rs/canvas');
    return true;
  } catch {
    return false;
  }
}

/**
 * pdf.js and its in-thread worker, loaded once. Afterwards the process is as it was: the native
 * methods their polyfills replaced are put back (see `BUILT_INS`), and the globals they added
 * (`DOMMatrix`, `ImageData`, `Path2D`, `navigator`, `self`, `pdfjsLib`, `pdfjsWorker`, …) are
 * removed; `pdfjsWorker` is put back only for the synchronous call that starts a document.
 * Additions to the built-ins (`Promise.withResolvers`, `Uint8Array.prototype.toHex`, the
 * `Iterator` global and core-js's shared store) stay: pdf.js calls them while it reads.
 */
const loadPdfJs = (): Promise<PdfJs> =>
  (pdfjs ??= (async () => {
    const snapshot = snapshotBuiltIns();
    const globals = new Set(Reflect.ownKeys(globalThis));
    const standIn = !('DOMMatrix' in globalThis) && !canvasInstalled();
    if (standIn) Object.defineProperty(globalThis, 'DOMMatrix', { value: DOMMatrixStandIn, configurable: true, writable: true });
    const warn = console.warn;
    console.warn = (...args: unknown[]) => {
      if (typeof args[0] === 'string' && CANVAS_WARNING.test(args[0])) return;
      warn(...args);
    };
    try {
      const lib = await import('pdfjs-dist/legacy/build/pdf.mjs');
      await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
      return lib;
    } finally {
      console.warn = warn;
      restoredBuiltIns = restoreBuiltIns(snapshot);
      workerGlobal = (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker;
      if (!standIn) {
        canvasGlobals = Reflect.ownKeys(globalThis)
          .filter((key) => CANVAS_GLOBALS.has(key) && !globals.has(key))
          .map((key) => [String(key), (globalThis as Record<PropertyKey, unknown>)[key]] as const);
      }
      const added: string[] = [];
      for (const key of Reflect.ownKeys(globalThis)) {
        if (globals.has(key) || KEPT_GLOBALS.has(key)) continue;
        added.push(String(key));
        Reflect.deleteProperty(globalThis, key);
      }
      addedGlobals = added.sort();
    }
  })());

/** Globals that pdf.js's polyfills add and use while reading: they stay (README, Library). */
const KEPT_GLOBALS: ReadonlySet<PropertyKey> = new Set(['Iterator', '__core-js_shared__']);

/** What `loadPdfJs` removed, for the test that the process's globals are as they were. */
export let addedGlobals: readonly string[] = [];

/**
 * pdf.js finds its in-thread worker through `globalThis.pdfjsWorker`, read synchronously when a
 * document is opened: the global is there for that call only.
 */
function withWorkerGlobal<T>(open: () => T): T {
  if (workerGlobal === undefined || 'pdfjsWorker' in globalThis) return open();
  Object.defineProperty(globalThis, 'pdfjsWorker', { value: workerGlobal, configurable: true, writable: true });
  try {
    return open();
  } finally {
    Reflect.deleteProperty(globalThis, 'pdfjsWorker');
  }
}

export { useSynchronousInflate } from './inflate.js';

/** One line: pdf.js's reason, without its stack or line breaks. */
function pdfjsWords(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]!.replace(/\.$/, '').slice(0, 160);
}

/**
 * pdf.js's reasons, in terms of the file. Its messages (`Illegal character: 41`, `End of file
 * inside array`, `Bad encoding in flate stream`) describe its parser, not the file; the message
 * says what is wrong with the file, and pdf.js's words go to `detail`.
 */
const PDF_DAMAGE: readonly (readonly [RegExp, PdfDamage])[] = [
  [/flate|deflate|inflate|lzw|dct|jpx|jbig2|ccitt|decod|compress|predictor|zlib|fcheck|block type|huffman/i, 'compressed'],
  [/end of file|unexpected end|truncat|eof|missing endstream|premature/i, 'cut-short'],
  [/xref|trailer|startxref|illegal character|invalid pdf|invalid object|unexpected|dictionary|array|bad .* object|catalog|root|page tree|pages/i, 'structure'],
];

export function classify(error: unknown): GuidelineError {
  if (error instanceof GuidelineError) return error;
  const name = (error as { name?: string } | undefined)?.name;
  if (name === 'PasswordException') return new GuidelineError('pdf-encrypted', reason('pdf-encrypted'));
  const detail = pdfjsWords(error);
  const how = PDF_DAMAGE.find(([re]) => re.test(detail))?.[1] ?? 'other';
  return new GuidelineError('pdf-corrupt', reason('pdf-damaged', how), `pdf.js: ${detail}`);
}

/** How many annotations and form fields of the document hold text (notes, free text, field values). */
async function annotationTexts(doc: Awaited<ReturnType<PdfJs['getDocument']>['promise']>): Promise<number> {
  let n = 0;
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    try {
      for (const a of (await page.getAnnotations()) as { contentsObj?: { str?: string }; fieldValue?: unknown; textContent?: string[] }[]) {
        const text = [a.contentsObj?.str, typeof a.fieldValue === 'string' ? a.fieldValue : '', ...(a.textContent ?? [])].join('');
        if (text.trim().length > 0) n++;
      }
    } finally {
      page.cleanup();
    }
  }
  return n;
}

/** Reads a PDF into a `Source`. Throws `GuidelineError` (encrypted, no text layer, corrupt, timeout, OCR). */
/** How pdf.js opens a document here: its own CMaps and fonts, no `eval`, no system fonts. */
function documentOptions(bytes: Uint8Array, verbosity: number) {
  return {
    // pdf.js takes ownership of (and may detach) the buffer it is given: give it a copy.
    data: new Uint8Array(bytes),
    cMapUrl: `${join(pdfjsDir, 'cmaps')}/`,
    cMapPacked: true,
    standardFontDataUrl: `${join(pdfjsDir, 'standard_fonts')}/`,
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    verbosity,
  };
}

/**
 * Pages of a PDF rendered in grey at `dpi` (1-based page numbers), as OCR renders them: for tests
 * and the benchmark, which make scanned renditions of text PDFs. Needs `@napi-rs/canvas`.
 */
export async function renderPdfPages(bytes: Uint8Array, pages: readonly number[], dpi: number): Promise<GreyImage[]> {
  const pdf = await loadPdfJs();
  const { renderGrey } = await import('./pdf-ocr.js');
  const doc = await withWorkerGlobal(() =>
    pdf.getDocument(documentOptions(bytes, pdf.VerbosityLevel.ERRORS)),
  ).promise;
  try {
    const out: GreyImage[] = [];
    for (const n of pages) out.push(await renderGrey(await doc.getPage(n), n, dpi, { withCanvasGlobals, pdfjsDir }));
    return out;
  } finally {
    await doc.destroy();
  }
}

/**
 * Pages of a PDF as OCR takes a plain scan at `dpi` without drawing it: its image's own pixels in
 * grey, or null for a page that is not one (see `scanPixels`); for tests, which compare them with
 * the pages `renderPdfPages` draws.
 */
export async function scanPdfPages(bytes: Uint8Array, pages: readonly number[], dpi: number): Promise<(GreyImage | null)[]> {
  const pdf = await loadPdfJs();
  const { pageImages, scanPixels } = await import('./pdf-ocr.js');
  const doc = await withWorkerGlobal(() =>
    pdf.getDocument(documentOptions(bytes, pdf.VerbosityLevel.ERRORS)),
  ).promise;
  try {
    const out: (GreyImage | null)[] = [];
    for (const n of pages) {
      const page = await doc.getPage(n);
      const ops = await page.getOperatorList();
      const [x0, y0, x1, y1] = page.view as [number, number, number, number];
      const { sole } = pageImages(ops.fnArray, ops.argsArray, pdf.OPS as unknown as Record<string, number>, (x1 - x0) * (y1 - y0));
      out.push(sole ? await scanPixels(page, sole, dpi) : null);
    }
    return out;
  } finally {
    await doc.destroy();
  }
}

/**
 * Whether a page's operator list paints an image and draws all its text invisibly (text render
 * mode 3 or 7, as an OCR layer over a scan is drawn). The mode is followed through `save`/`restore`.
 */
export function drawsTextInvisibly(fnArray: readonly number[], argsArray: readonly unknown[], OPS: Readonly<Record<string, number>>): boolean {
  let image = false;
  let shown = 0;
  let mode = 0;
  const stack: number[] = [];
  const shows = new Set([OPS['showText'], OPS['showSpacedText'], OPS['nextLineShowText'], OPS['nextLineSetSpacingShowText']]);
  const paints = new Set([OPS['paintImageXObject'], OPS['paintInlineImageXObject'], OPS['paintJpegXObject'], OPS['paintImageXObjectRepeat']]);
  for (let i = 0; i < fnArray.length; i++) {
    const f = fnArray[i]!;
    if (f === OPS['save']) stack.push(mode);
    else if (f === OPS['restore']) mode = stack.pop() ?? 0;
    else if (f === OPS['setTextRenderingMode']) mode = Number((argsArray[i] as unknown[])[0] ?? 0);
    else if (paints.has(f)) image = true;
    else if (shows.has(f)) {
      if (mode !== 3 && mode !== 7) return false;
      shown++;
    }
  }
  return image && shown > 0;
}

/**
 * Where page 1 is a scan with an OCR layer drawn invisibly over it (see `loadPdf`): each such page's
 * items taken out (in place, so that OCR reads the page as a scan), and its layer's text as logged.
 * `race` bounds each step by the document's time limit.
 */
async function dropInvisibleLayers(doc: { getPage(n: number): Promise<{ getOperatorList(): Promise<{ fnArray: number[]; argsArray: unknown[] }>; cleanup(): void }> }, pages: PageItems[], OPS: Readonly<Record<string, number>>, race: <T>(work: Promise<T>) => Promise<T>): Promise<Removal[]> {
  const layers: Removal[] = [];
  if ((pages[0]?.items.length ?? 0) === 0) return layers;
  const invisible = async (n: number): Promise<boolean> => {
    const page = await doc.getPage(n);
    try {
      const ops = await page.getOperatorList();
      return drawsTextInvisibly(ops.fnArray, ops.argsArray, OPS);
    } finally {
      page.cleanup();
    }
  };
  if (!(await race(invisible(1)))) return layers;
  for (let n = 1; n <= pages.length; n++) {
    const p = pages[n - 1]!;
    if (p.items.length === 0 || !(n === 1 || (await race(invisible(n))))) continue;
    const layer = p.items.map((it) => it.str).join('').replace(/\s+/g, ' ').trim();
    if (layer !== '') layers.push({ kind: 'hidden-text', text: layer, line: null, start: null, end: null, page: n });
    pages[n - 1] = { ...p, items: [] };
  }
  return layers;
}

export async function loadPdf(bytes: Uint8Array, meta: { path: string; id: string; sha256: string }, options: PdfOptions = {}): Promise<Source> {
  const mode = options.ocr ?? 'auto';
  // Before pdf.js, which inflates a stream whole however large it grows.
  checkInflatedSize(bytes);
  const pdf = await loadPdfJs();
  const task = withWorkerGlobal(() => pdf.getDocument({ ...documentOptions(bytes, pdf.VerbosityLevel.ERRORS), stopAtErrors: false }));
  const deadline = new Deadline(options.timeoutMs ?? DEFAULT_PDF_TIMEOUT_MS);
  const read: PdfRead = { pdf, OPS: pdf.OPS as unknown as Record<string, number>, doc: () => task.promise, deadline, mode, options };
  try {
    const pages = await deadline.race(readTextPages(read));
    // A scan with an OCR layer drawn invisibly over it (a scanner's or tesseract's searchable PDF):
    // its layer is another engine's reading, misreads and all. Where the first page is one, each page
    // that is one is read by OCR as a scan without a layer; the layer's text is logged (`hidden-text`).
    const layers = mode === 'auto' ? await dropInvisibleLayers(await task.promise, pages, read.OPS, (work) => deadline.checkedRace(work)) : [];
    const { ocrInfo, engine } = await readByOcr(read, pages, await pagesForOcr(read, pages));
    // With OCR off, the pages it would have read are named (`pagesNotRead`): a document is never
    // silently short of a page.
    const notRead = mode === 'off' ? await pagesNotRead(read, pages) : [];
    const built = buildLines(pages);
    if (built.glyphs === 0) throw await noTextError(read, pages, ocrInfo);
    const text = built.lines.map((l) => l.text).join('\n');
    if (options.onAttachments) {
      // (A file attached to the PDF, `/EmbeddedFiles` or a paperclip: a notice may carry the guideline so.)
      const attached = (await deadline.race((await task.promise).getAttachments().catch(() => null))) as Record<string, { filename?: string; rawFilename?: string; content?: Uint8Array }> | null;
      const files = Object.values(attached ?? {}).flatMap((a) => (a.content && a.content.length > 0 ? [{ name: a.filename ?? a.rawFilename ?? 'attachment', bytes: a.content }] : []));
      if (files.length > 0) options.onAttachments(files);
    }
    const source: Source = {
      ...meta,
      format: 'pdf',
      encoding: 'pdf',
      bytes: bytes.length,
      text,
      ...lineArrays(built.lines),
      pages: pages.length,
      removed: [...layers, ...built.removed],
      ...(notRead.length > 0 ? { pagesNotRead: notRead } : {}),
    };
    return ocrInfo.length === 0 ? source : withOcrConfidence(source, built.lines, { engine, mode: mode === 'force' ? 'force' : 'auto', pages: ocrInfo });
  } catch (error) {
    throw classify(error);
  } finally {
    deadline.close();
    await task.destroy().catch(() => undefined);
  }
}

type PdfDocument = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;

/** What the steps of `loadPdf` share: the library, the open document, the deadline and the options. */
interface PdfRead {
  readonly pdf: PdfJs;
  readonly OPS: Record<string, number>;
  readonly doc: () => Promise<PdfDocument>;
  readonly deadline: Deadline;
  readonly mode: OcrMode;
  readonly options: PdfOptions;
}

/**
 * The time limit of one PDF: a timer that rejects `timeout` (and aborts the OCR under way, its
 * engines terminated) when the limit passes, counted from the start; OCR pages raise the limit.
 */
class Deadline {
  private limitMs: number;
  private readonly started = performance.now();
  /** Aborted at the time limit: stops the OCR of the pages under way. */
  readonly abort = new AbortController();
  private timer: NodeJS.Timeout | undefined;
  readonly timeout: Promise<never>;

  constructor(readonly timeoutMs: number) {
    this.limitMs = timeoutMs;
    this.timeout = new Promise<never>((_, reject) => {
      this.fire = () => {
        const e = this.timedOut();
        this.abort.abort(e);
        reject(e);
      };
    });
    this.timeout.catch(() => undefined);
    this.timer = setTimeout(this.fire, timeoutMs);
  }

  private fire: () => void = () => undefined;

  get limit(): number {
    return this.limitMs;
  }

  timedOut(): GuidelineError {
    return new GuidelineError('timeout', reason('timeout', this.limitMs));
  }

  /** Throws where the limit has passed (the timer may not have had its turn yet). */
  check(): void {
    if (performance.now() - this.started > this.limitMs) throw this.timedOut();
  }

  /** A new limit, counted from the start; the timer is set again for what is left of it. */
  extend(ms: number): void {
    this.limitMs = ms;
    clearTimeout(this.timer);
    this.timer = setTimeout(this.fire, Math.max(0, this.started + ms - performance.now()));
  }

  race<T>(work: Promise<T>): Promise<T> {
    return Promise.race([work, this.timeout]);
  }

  checkedRace<T>(work: Promise<T>): Promise<T> {
    this.check();
    return this.race(work);
  }

  close(): void {
    clearTimeout(this.timer);
    this.abort.abort(new Error('done'));
  }
}

/** The text items of every page, with the ruling lines of the pages that may hold a table. */
async function readTextPages(read: PdfRead): Promise<PageItems[]> {
  const doc = await read.doc();
  const pages: PageItems[] = new Array<PageItems>(doc.numPages);
  let next = 1;
  // A few pages in flight at once keep pdf.js busy (one at a time, it waits on messages half the
  // time) while memory stays bounded for long documents. pdf.js can read a whole document in
  // promise callbacks alone (its in-thread worker answers through promises, and with its own
  // inflater nothing waits on I/O), where the timer never gets a turn: before each page, yield to
  // the event loop and check the deadline.
  const lane = async (): Promise<void> => {
    for (let n = next++; n <= doc.numPages; n = next++) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      read.deadline.check();
      pages[n - 1] = await readTextPage(read, doc, n);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PAGES_IN_FLIGHT, doc.numPages) }, lane));
  return pages;
}

async function readTextPage(read: PdfRead, doc: PdfDocument, n: number): Promise<PageItems> {
  const page = await doc.getPage(n);
  try {
    // pdf.js's own Unicode normalisation is off: `clean` normalises, and logs what it changes.
    const content = await page.getTextContent({ disableNormalization: true });
    const items: TextItem[] = [];
    const view = page.view as [number, number, number, number];
    // A page turned for display (`/Rotate 90`, a landscape table on a portrait page): its runs and
    // rules in the frame of the page as shown, where its lines run left to right.
    const turn = turnOf(page.rotate, view);
    for (const it of content.items) {
      if (!('str' in it)) continue;
      const [a, b, c, d, e, f] = turn.matrix(it.transform as number[]);
      const angle = angleOf(a!, b!);
      items.push({
        str: it.str,
        x: e!,
        y: f!,
        width: it.width,
        size: Math.hypot(c!, d!) || Math.hypot(a!, b!) || 1,
        hasEOL: it.hasEOL,
        ...(angle !== 0 ? { angle } : {}),
      });
    }
    items.push(...(await formFieldItems(page, turn)));
    // Where the text may hold a table, the ruling lines the page draws (its operator list costs
    // about as much as its text, so only there).
    const rules = mayHoldTable(items) ? await page.getOperatorList().then((ops) => pageRules(ops.fnArray, ops.argsArray, read.OPS).map(turn.rule)) : [];
    return { box: turn.box, items, ...(rules.length > 0 ? { rules } : {}) };
  } finally {
    page.cleanup();
  }
}

/** The slope in degrees of a run whose matrix starts `a, b` (0 for level text). */
function angleOf(a: number, b: number): number {
  return b !== 0 ? (Math.atan2(b, a) * 180) / Math.PI : 0;
}

/** A widget annotation's fields as pdf.js gives them (the few read here). */
interface Widget {
  readonly annotationType: number;
  readonly fieldType?: string;
  readonly fieldValue?: unknown;
  readonly rect: number[];
  readonly multiLine?: boolean;
  readonly checkBox?: boolean;
  readonly radioButton?: boolean;
  readonly exportValue?: string;
  readonly buttonValue?: string;
  readonly defaultAppearanceData?: { readonly fontSize?: number };
}

/**
 * The values of a fillable form's fields on a page (AcroForm widgets: a text box's text, a list's
 * choice, a tick box as ☑ or ☐), as runs where a viewer shows them: a form filled in holds its
 * directions only there, the page drawing the labels and empty boxes. Each line of a value its own
 * run, from the top of its box.
 */
async function formFieldItems(page: { getAnnotations(): Promise<unknown[]> }, turn: ReturnType<typeof turnOf>): Promise<TextItem[]> {
  const out: TextItem[] = [];
  const widgets = ((await page.getAnnotations()) as Widget[]).filter((a) => a.annotationType === 20 && Array.isArray(a.rect) && a.rect.length === 4);
  for (const w of widgets) {
    const [x0, y0, x1, y1] = w.rect as [number, number, number, number];
    const size = w.defaultAppearanceData?.fontSize || Math.min(12, Math.max(6, (y1 - y0) * 0.6));
    let value: string;
    if (w.fieldType === 'Btn' && (w.checkBox || w.radioButton)) value = w.fieldValue !== undefined && w.fieldValue !== 'Off' && w.fieldValue !== '' && (w.exportValue === undefined || w.fieldValue === w.exportValue || w.fieldValue === w.buttonValue) ? '☑' : '☐';
    else if (Array.isArray(w.fieldValue)) value = w.fieldValue.filter((v) => typeof v === 'string').join('、');
    else if (typeof w.fieldValue === 'string') value = w.fieldValue;
    else continue;
    const lines = value.split(/\r\n|\r|\n/).filter((l) => l.trim() !== '');
    lines.forEach((line, k) => {
      const y = w.multiLine || lines.length > 1 ? y1 - size * (1.2 * k + 1.1) : (y0 + y1) / 2 - size * 0.35;
      const [a, b, c, d, e, f] = turn.matrix([size, 0, 0, size, x0 + Math.min(2, (x1 - x0) / 10), y]);
      const angle = angleOf(a!, b!);
      out.push({ str: line, x: e!, y: f!, width: estimatedAdvance(line, size), size: Math.hypot(c!, d!) || size, hasEOL: true, ...(angle !== 0 ? { angle } : {}) });
    });
  }
  return out;
}

/**
 * The frame of a page as shown: its `/Rotate` (90, 180 or 270 degrees clockwise) applied to a run's
 * matrix, a rule and the page's box, origin bottom-left. The identity for a page not turned.
 */
function turnOf(rotate: number, [x0, y0, x1, y1]: readonly [number, number, number, number]): {
  matrix: (m: readonly number[]) => number[];
  rule: (r: Rule) => Rule;
  box: [number, number, number, number];
} {
  const r = (((Math.round(rotate / 90) * 90) % 360) + 360) % 360;
  // A point of the page's own space in the frame shown.
  const point: (x: number, y: number) => [number, number] =
    r === 90 ? (x, y) => [y - y0, x1 - x] : r === 180 ? (x, y) => [x1 - x, y1 - y] : r === 270 ? (x, y) => [y1 - y, x - x0] : (x, y) => [x, y];
  // A direction (no origin): the same turn.
  const vector: (x: number, y: number) => [number, number] = r === 90 ? (x, y) => [y, -x] : r === 180 ? (x, y) => [-x, -y] : r === 270 ? (x, y) => [-y, x] : (x, y) => [x, y];
  const [w, h] = [x1 - x0, y1 - y0];
  return {
    matrix: (m) => (r === 0 ? [...m] : [...vector(m[0]!, m[1]!), ...vector(m[2]!, m[3]!), ...point(m[4]!, m[5]!)]),
    rule: (rule) => {
      if (r === 0) return rule;
      const [ax, ay] = point(rule.x0, rule.y0);
      const [bx, by] = point(rule.x1, rule.y1);
      return { x0: Math.min(ax, bx), y0: Math.min(ay, by), x1: Math.max(ax, bx), y1: Math.max(ay, by) };
    },
    box: r === 0 ? [x0, y0, x1, y1] : r === 180 ? [0, 0, w, h] : [0, 0, h, w],
  };
}

const glyphsOf = (p: PageItems): number => p.items.reduce((n, it) => n + it.str.replace(/\s+/g, '').length, 0);

/**
 * Pages for OCR: those without a text layer that show a scan or outlined text (auto), or every
 * page that shows anything (force). A blank page, or one with a few drawings only, is left as it
 * is, and does not count towards the OCR page limit. What a page without a text layer shows comes
 * from its operator list, which decodes its images (~0.2 s for a scanned A4 page). Only when more
 * pages might be read than OCR may read is every one looked at first, so that such a document
 * fails before any page is read; otherwise each is looked at when its turn comes (`ocrPage`), and
 * the same operator list draws it. In page order.
 */
async function pagesForOcr(read: PdfRead, pages: readonly PageItems[]): Promise<number[]> {
  const maxOcrPages = read.options.ocrMaxPages ?? DEFAULT_OCR_MAX_PAGES;
  const glyphless = pages.flatMap((p, i) => (glyphsOf(p) === 0 ? [i + 1] : []));
  const candidates = read.mode === 'off' ? [] : read.mode === 'force' ? pages.map((_, i) => i + 1) : glyphless;
  const wanted = candidates.length > maxOcrPages && glyphless.length > 0 ? await lookFirst(read, pages, glyphless) : candidates;
  if (wanted.length > maxOcrPages) throw new GuidelineError('ocr-too-many-pages', reason('ocr-too-many-pages', wanted.length, read.mode === 'force', maxOcrPages));
  return wanted;
}

/** The pages OCR would read, each page without a text layer looked at first. */
async function lookFirst(read: PdfRead, pages: readonly PageItems[], glyphless: readonly number[]): Promise<number[]> {
  const { pageShows } = await import('./pdf-ocr.js');
  const shows = new Map(await onPages(read, glyphless, (page) => pageShows(page, read.OPS)));
  return read.mode === 'force' ? pages.flatMap((_, i) => (shows.get(i + 1)?.blank === true ? [] : [i + 1])) : glyphless.filter((n) => shows.get(n)?.read === true);
}

/** What `look` sees on each of pages `numbers`, one after the other, each page let go when seen, the deadline kept. */
async function onPages<T>(read: PdfRead, numbers: readonly number[], look: (page: Awaited<ReturnType<PdfDocument['getPage']>>) => Promise<T>): Promise<[number, T][]> {
  const doc = await read.doc();
  const out: [number, T][] = [];
  for (const n of numbers) {
    read.deadline.check();
    const page = await doc.getPage(n);
    try {
      out.push([n, await read.deadline.race(look(page))]);
    } finally {
      page.cleanup();
    }
  }
  return out;
}

/** Reads pages `wanted` by OCR, in place in `pages`: what each gave, and the engine's name. */
async function readByOcr(read: PdfRead, pages: PageItems[], wanted: readonly number[]): Promise<{ ocrInfo: OcrPageInfo[]; engine: string }> {
  if (wanted.length === 0) return { ocrInfo: [], engine: '' };
  const { deadline, options } = read;
  // Pages still to read, or to look at: one that shows nothing to read when its turn comes
  // (`ocrPage` gives null) is taken off, and the limit with it.
  let toRead = wanted.length;
  deadline.extend(ocrTimeLimit(deadline.timeoutMs, toRead));
  options.onProgress?.({ done: 0, pages: toRead, limitMs: deadline.limit });
  const { ocrPage } = await import('./pdf-ocr.js');
  const { ocrEngineName, OCR_THREADS } = await import('./ocr.js');
  const doc = await read.doc();
  const parts = { OPS: read.OPS, withCanvasGlobals, pdfjsDir };
  let next = 0;
  let done = 0;
  const found = new Map<number, { items: PageItems; dpi: number; meanConfidence: number }>();
  const lane = async (): Promise<void> => {
    for (let k = next++; k < wanted.length; k = next++) {
      const n = wanted[k]!;
      deadline.check();
      const page = await doc.getPage(n);
      try {
        const sizes = pages[n - 1]!.items.filter((it) => it.str.trim() !== '').map((it) => it.size);
        const got = await ocrPage(page, n, sizes, read.mode === 'force', parts, deadline.abort.signal);
        if (got) {
          found.set(n, got);
          done++;
        } else {
          toRead--;
          deadline.extend(ocrTimeLimit(deadline.timeoutMs, toRead));
        }
      } finally {
        page.cleanup();
      }
      options.onProgress?.({ done, pages: toRead, limitMs: deadline.limit });
    }
  };
  await deadline.race(Promise.all(Array.from({ length: Math.min(OCR_THREADS, wanted.length) }, lane)));
  const ocrInfo: OcrPageInfo[] = [];
  for (const n of wanted) {
    const got = found.get(n);
    if (!got) continue;
    pages[n - 1] = got.items;
    ocrInfo.push({ page: n, dpi: got.dpi, meanConfidence: got.meanConfidence });
  }
  return { ocrInfo, engine: ocrEngineName() };
}

/** With OCR off, the pages without a text layer that OCR would have read (none where no page has text). */
async function pagesNotRead(read: PdfRead, pages: readonly PageItems[]): Promise<number[]> {
  if (!pages.some((p) => glyphsOf(p) > 0)) return [];
  const blank = pages.flatMap((p, i) => (glyphsOf(p) === 0 ? [i + 1] : []));
  if (blank.length === 0) return [];
  const { wouldRead } = await import('./pdf-ocr.js');
  return (await onPages(read, blank, (page) => wouldRead(page, read.OPS))).flatMap(([n, would]) => (would ? [n] : []));
}

/** Why a PDF whose pages gave no text at all cannot be read. */
async function noTextError(read: PdfRead, pages: readonly PageItems[], ocrInfo: readonly OcrPageInfo[]): Promise<GuidelineError> {
  const notes = await read.deadline.race(annotationTexts(await read.doc()));
  if (notes > 0) return new GuidelineError('pdf-annotations-only', reason('pdf-annotations-only', notes, pages.length));
  if (ocrInfo.length > 0) return new GuidelineError('ocr-unreadable', reason('ocr-no-text', ocrInfo.map((o) => o.page)));
  // OCR was on and found nothing to read: no scan, no outlined text.
  if (read.mode !== 'off') return new GuidelineError('pdf-no-text', reason('pdf-blank', pages.length));
  return new GuidelineError('pdf-no-text', reason('pdf-no-text-layer', pages.length));
}

/** The source with each code unit's OCR confidence (the OCR'd lines' own, NOT_OCR elsewhere) and the mean. */
function withOcrConfidence(source: Source, lines: ReturnType<typeof buildLines>['lines'], ocr: { engine: string; mode: 'auto' | 'force'; pages: OcrPageInfo[] }): Source {
  const { confidence, mean } = confidenceOfLines(lines, source.text.length);
  return { ...source, ocr: { ...ocr, meanConfidence: mean, doubtBelow: { figure: OCR_DOUBT, text: OCR_DOUBT_TEXT } }, ocrConfidence: confidence };
}
