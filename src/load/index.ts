/**
 * The `load` stage: file system in, `Source` out. One of the two stages that touch the file system.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { GuidelineError, type Removal, type Source } from '../types.js';
import { reason } from '../messages/reasons.js';
import type { OcrMode, OcrProgress } from './pdfjs.js';
import { documentId } from './id.js';
import { opensWithMimeHeaders, unwrapContainer } from './containers.js';
import { isFeed } from './feed.js';
import { isBinaryPlist, readWebArchive } from './webarchive.js';
import { decodeText } from './text.js';
import { fsProblem } from '../fs-error.js';
import type { BuiltText } from './blocks.js';
import { isImage } from './image.js';
import { isUof } from './uof.js';
import { flatOpcFiles, isFlatOpc } from './flat-opc.js';
import { holdsHtmlMarkup, isOle, isRtf, isWordXml, isXmlSpreadsheet, isZip, looksLikeHtml, oleKind, openZip, zipKind } from './office.js';

export { decodeText } from './text.js';
export { documentId } from './id.js';

export interface LoadOptions {
  /** Largest source file accepted, in bytes. @default 50 MiB */
  readonly maxBytes?: number;
  /** Time limit for one PDF, in milliseconds; pages read by OCR raise it (see `ocrTimeLimit`). @default 30000 */
  readonly timeoutMs?: number;
  /** Which PDF pages are read by OCR: those without a text layer (`auto`), all (`force`), none (`off`). @default 'auto' */
  readonly ocr?: OcrMode;
  /** Most pages of one PDF read by OCR; a PDF with more fails. @default 50 */
  readonly ocrMaxPages?: number;
  /** Progress of OCR: when it starts and after each page. */
  readonly onProgress?: (progress: OcrProgress) => void;
  /** Read the bytes as this format, whatever they look like (`--format`). @default sniffed from the bytes (and the extension) */
  readonly format?: InputFormat;
  /** The document id, instead of the one made from the path (standard input, renditions of one document). */
  readonly id?: string;
}

export { INPUT_FORMATS, type InputFormat } from './extensions.js';
import type { InputFormat } from './extensions.js';

export type { OcrMode, OcrProgress } from './pdfjs.js';

export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

/** Whether the bytes are a PDF (a `%PDF-` header in the first KiB, as readers accept it). */
export function isPdf(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  return head.includes('%PDF-');
}


/** A raw HTML table in a text: `<table>` … `</table>`. */
const RE_HTML_TABLE = /<table\b[^>]*>[\s\S]*?<\/table\s*>/i;

/** Builds a `Source` from bytes already in memory (no file system). */
export async function loadBytes(bytes: Uint8Array, path: string, options: LoadOptions = {}): Promise<Source> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.length > maxBytes) {
    throw new GuidelineError('too-large', reason('too-large', bytes.length, maxBytes));
  }
  const meta = {
    path: path.replace(/\\/g, '/'),
    id: options.id ?? documentId(path),
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
  if (bytes.length === 0) throw new GuidelineError('empty', reason('empty-file'));
  const format = options.format ?? sniffFormat(bytes, path);
  if (format === 'pdf') {
    if (!isPdf(bytes)) throw new GuidelineError('not-a-pdf', reason('not-a-pdf', options.format !== 'pdf'));
    const { maxBytes: _, format: _f, id: _i, ...pdfOptions } = options;
    const { loadPdf } = await import('./pdfjs.js');
    let attached: { name: string; bytes: Uint8Array }[] = [];
    const source = await loadPdf(bytes, meta, { ...pdfOptions, onAttachments: (files) => (attached = files) });
    // A notice whose guideline is a file attached to the PDF (`附件：…申报指南.docx`, a paperclip):
    // read as that file, the notice's pages logged.
    const { guidelineFile } = await import('./containers.js');
    const file = attached.length > 0 ? guidelineFile(attached, source.text) : undefined;
    if (!file) return source;
    const { format: _g, ...rest } = options;
    const read = await loadBytes(file.bytes, file.name, { ...rest, id: meta.id });
    const note = { kind: 'cover-note' as const, text: source.text, line: null, start: null, end: null, page: null };
    return { ...read, path: meta.path, sha256: meta.sha256, bytes: bytes.length, removed: [note, ...read.removed] };
  }
  if (format === 'zip') return loadArchive(bytes, meta, options);
  // A Safari web archive (`.webarchive`, a binary property list): the page inside it, read as a page is.
  if ((format === 'html' || format === 'txt') && isBinaryPlist(bytes)) return loadWebArchive(bytes, meta, options);
  if (format === 'image') return loadImages([{ name: meta.path, bytes }], meta, options);
  // Pages of words with their boxes (hOCR, ALTO, pdftotext -bbox): placed on their pages and read as a PDF's.
  if ((format === 'html' || format === 'txt') && options.format === undefined) {
    const { wordBoxesKind, readWordBoxes } = await import('./word-boxes.js');
    const kind = wordBoxesKind(Buffer.from(bytes.subarray(0, 65536)).toString('latin1'));
    if (kind) return { ...meta, format: 'word-boxes', encoding: kind, bytes: bytes.length, ...readWordBoxes(decodeText(bytes).text, kind) };
  }
  if (format === 'html') {
    const { readHtml } = await import('./html.js');
    const { encoding, ...built } = readHtml(bytes);
    return structured(meta, 'html', encoding, bytes.length, built);
  }
  if (format === 'docx' || format === 'odt' || format === 'ods' || format === 'odp' || format === 'xlsx' || format === 'pptx' || format === 'ofd' || format === 'xps' || format === 'epub' || format === 'xmind') return loadPackage(format, bytes, meta, options);
  if (format === 'doc') {
    const { isOle, readDoc } = await import('./office.js');
    // (Word 2003 XML saved as .doc, as OA systems export a 公文: its own reader.)
    if (isWordXml(bytes)) return structured(meta, 'doc', 'doc', bytes.length, (await import('./wordml.js')).readWordMl(bytes));
    if (!isOle(bytes)) throw new GuidelineError('unsupported-format', reason('not-a-doc'));
    // An Outlook message (`.msg`): its body, read as text (or its HTML as a page).
    if ((await import('./msg.js')).isMsg(bytes)) return loadMsg(bytes, meta, options);
    // A PowerPoint 97–2003 deck (`.ppt`, WPS 演示 `.dps`): its own reader.
    if (oleKind(bytes) === 'ppt') {
      const { oleStream } = await import('./office.js');
      const stream = await oleStream(bytes, ['PowerPoint Document']);
      if (!stream) throw new GuidelineError('pptx-corrupt', reason('ppt-no-slides'));
      return structured(meta, 'ppt', 'ppt', bytes.length, (await import('./ppt.js')).readPpt(stream));
    }
    return structured(meta, 'doc', 'doc', bytes.length, await readDoc(bytes));
  }
  if (format === 'xls') {
    const { readXls } = await import('./office.js');
    // (An "XML Spreadsheet 2003" saved as .xls, as Java systems export one: its own reader.)
    if (isXmlSpreadsheet(bytes)) return structured(meta, 'xls', 'xls', bytes.length, (await import('./xmlss.js')).readXmlSpreadsheet(bytes));
    if (!isOle(bytes)) throw new GuidelineError('unsupported-format', reason('not-an-xls'));
    return structured(meta, 'xls', 'xls', bytes.length, await readXls(bytes));
  }
  if (format === 'uof') {
    const { isUof, readUof } = await import('./uof.js');
    if (!isUof(bytes)) throw new GuidelineError('unsupported-format', reason('not-a-uof'));
    return structured(meta, 'uof', 'uof', bytes.length, readUof(bytes));
  }
  if (format === 'rtf') {
    const { readRtf } = await import('./rtf.js');
    return structured(meta, 'rtf', 'rtf', bytes.length, readRtf(bytes));
  }
  return loadText(bytes, format, meta, options);
}

/** Source fields every loader fills from the file itself. */
type Meta = Pick<Source, 'path' | 'id' | 'sha256'>;

/** The readers of ZIP packages: the reason a file that is no such package fails with, and what reads it into blocks. */
const PACKAGES = {
  docx: { notOne: 'not-a-docx', read: async (files: Files) => (await import('./docx.js')).readDocx(files) },
  odt: { notOne: 'not-an-odt', read: async (files: Files) => (await import('./odt.js')).readOdt(files) },
  ods: { notOne: 'not-an-ods', read: async (files: Files) => (await import('./ods.js')).readOds(files) },
  odp: { notOne: 'not-an-odp', read: async (files: Files) => (await import('./odp.js')).readOdp(files) },
  xlsx: { notOne: 'not-an-xlsx', read: async (files: Files) => (await import('./xlsx.js')).readXlsx(files) },
  pptx: { notOne: 'not-a-pptx', read: async (files: Files) => (await import('./pptx.js')).readPptx(files) },
  epub: { notOne: 'not-an-epub', read: async (files: Files) => (await import('./epub.js')).readEpub(files) },
  xmind: { notOne: 'not-an-xmind', read: async (files: Files) => (await import('./xmind.js')).readXmind(files) },
} as const;
type Files = Record<string, Uint8Array>;

/**
 * An archive of files (a portal's 附件打包下载): read as the member that holds the guideline (one
 * named as one, else the largest that is no form), the other members' names logged; an archive of
 * images only is a scan's pages, in the order of their names.
 */
async function loadArchive(bytes: Uint8Array, meta: Meta, options: LoadOptions): Promise<Source> {
  const { archiveMembers, byName, RE_IMAGE_FILE } = await import('./archive.js');
  const { guidelineCandidates, guidelineScore } = await import('./containers.js');
  const members = archiveMembers(bytes);
  const documents = members.filter((m) => !RE_IMAGE_FILE.test(m.name));
  const candidates = guidelineCandidates(documents);
  // None named as the guideline (`附件1.pdf`, `附件2.docx`): the one whose text reads most as one
  // (a notice that forwards it says little of its fields).
  let file = candidates[0];
  if (candidates.length > 1) {
    const { format: _g, ...quiet } = options;
    let best = -1;
    for (const c of candidates) {
      const score = await loadBytes(c.bytes, c.name, { ...quiet, ocr: 'off', id: meta.id }).then(
        (s) => guidelineScore(s.text),
        () => -1,
      );
      if (score > best) [best, file] = [score, c];
    }
  }
  const images = members.filter((m) => RE_IMAGE_FILE.test(m.name)).sort(byName);
  if (!file && images.length === 0) throw new GuidelineError('unsupported-format', reason('zip-no-guideline'));
  const others = (file ? members.filter((m) => m !== file) : documents).map((m) => ({ kind: 'archive-member' as const, text: m.name, line: null, start: null, end: null, page: null }));
  if (!file) {
    const read = await loadImages(images, meta, options);
    return { ...read, bytes: bytes.length, removed: [...others, ...read.removed] };
  }
  const { format: _f, ...rest } = options;
  let read: Source;
  try {
    read = await loadBytes(file.bytes, file.name, { ...rest, id: meta.id });
  } catch (error) {
    if (error instanceof GuidelineError) throw new GuidelineError(error.code, reason('zip-member', file.name.replace(/^.*\//, ''), error.say('zh')), error.detail);
    throw error;
  }
  return { ...read, path: meta.path, sha256: meta.sha256, bytes: bytes.length, removed: [...others, ...read.removed] };
}

/** Images of a scan (a 长截图, a scanner's pages, a fax's TIFF): cut into pages, wrapped as a PDF of images and read by OCR. */
async function loadImages(images: readonly { name: string; bytes: Uint8Array }[], meta: Meta, options: LoadOptions): Promise<Source> {
  const { decodeImage, cutPages, greyPdfPage, isPng } = await import('./image.js');
  const { isTiff, tiffPages } = await import('./tiff.js');
  const { pdfOfImagePages } = await import('./pdf-writer.js');
  const pages = [];
  for (const image of images) {
    if (isTiff(image.bytes)) pages.push(...tiffPages(image.bytes));
    else for (const page of cutPages(await decodeImage(image.bytes))) pages.push(greyPdfPage(page));
  }
  const { maxBytes: _, format: _f, id: _i, ...pdfOptions } = options;
  const { loadPdf } = await import('./pdfjs.js');
  const read = await loadPdf(pdfOfImagePages(pages), meta, pdfOptions);
  const encoding = images.every((i) => isTiff(i.bytes)) ? 'tiff' : images.every((i) => isPng(i.bytes)) ? 'png' : 'jpeg';
  return { ...read, format: 'image', encoding, bytes: images.reduce((n, i) => n + i.bytes.length, 0) };
}

/** A ZIP package (Word, ODF text, Excel, PowerPoint: blocks; OFD: pages read as a PDF's are). */
async function loadPackage(format: keyof typeof PACKAGES | 'ofd' | 'xps', bytes: Uint8Array, meta: Meta, options: LoadOptions): Promise<Source> {
  const { isZip, openZip, zipKind } = await import('./office.js');
  const files = isZip(bytes) ? openZip(bytes) : isFlatOpc(bytes) ? flatOpcFiles(bytes) : null;
  if (!files || zipKind(files) !== format) throw new GuidelineError('unsupported-format', reason(format === 'ofd' ? 'not-an-ofd' : format === 'xps' ? 'not-an-xps' : PACKAGES[format].notOne));
  // A .docx whose body is only an imported chunk (`w:altChunk`: the web page or MHT a system's
  // 导出Word button wraps as a Word file): read as that page, the wrapper logged.
  const chunk = format === 'docx' ? (await import('./docx.js')).altChunkOnly(files) : null;
  if (chunk) {
    const { format: _f, ...rest } = options;
    const read = await loadBytes(chunk.bytes, chunk.name, { ...rest, id: meta.id });
    const wrapper = { kind: 'markup' as const, text: `w:altChunk → ${chunk.name}`, line: null, start: null, end: null, page: null };
    return { ...read, format: 'docx', path: meta.path, sha256: meta.sha256, bytes: bytes.length, removed: [wrapper, ...read.removed] };
  }
  if (format === 'xps') {
    const { readXps } = await import('./xps.js');
    return { ...meta, format: 'xps', encoding: 'xps', bytes: bytes.length, ...readXps(files) };
  }
  if (format === 'ofd') {
    const { readOfd } = await import('./ofd.js');
    return { ...meta, format: 'ofd', encoding: 'ofd', bytes: bytes.length, ...readOfd(files) };
  }
  return structured(meta, format, format, bytes.length, await PACKAGES[format].read(files));
}

type Rebuild = (text: string) => { text: string; removed: Removal[] } | null;

/**
 * The layouts a text may be of another text, each with the cheap test that it may be one and the
 * reader that rebuilds it (null where it is none after all): one row per layout.
 */
const TEXT_REBUILDS: readonly { readonly shows: (text: string) => boolean; readonly read: () => Promise<Rebuild> }[] = [
  // A table of directions copied column by column (`序号` / `1.1` / `1.2` / `指南方向` / …): as its rows.
  { shows: (t) => /^\s*(?:序号|编号)\s*$/m.test(t), read: async () => (await import('./column-table.js')).rebuildColumnTables },
  // A workbook dumped cell by cell (`B7: 内地与香港联合研究项目`): its sheets as lines and pipe rows.
  { shows: (t) => /^[A-Z]{1,3}\d{1,5}[:：] /m.test(t), read: async () => (await import('./cell-dump.js')).rebuildCellDump },
  // A database's records as the PostgreSQL client prints them (`\x on`): the text they hold.
  { shows: (t) => /^-\[ RECORD \d+ \]/m.test(t), read: async () => (await import('./psql.js')).readPsqlRecords },
  // A draft printed with its markup: the balloons beside the text (`删除的内容: …`, `批注 [WJ1]: …`) cut.
  { shows: (t) => /[ \u3000]{3}(?:删除的内容|带格式的|批注\s*\[|Deleted|Formatted|Comment\s*\[)/.test(t), read: async () => (await import('./balloons.js')).stripMarkupBalloons },
  // A booklet's print file, two pages to a sheet in the order they are folded: its pages in order.
  {
    shows: (t) => t.includes('\f') && /^\s*(?:[—–-]\s*\d{1,3}\s*[—–-]|第\s*\d{1,3}\s*页)\s{3,}(?:[—–-]\s*\d{1,3}\s*[—–-]|第\s*\d{1,3}\s*页)\s*$/m.test(t),
    read: async () => (await import('./imposed.js')).rebuildImposedSheets,
  },
  // A form whose labels run down a column a character a line (`方` / `向` / `名` / `称`): `标签：值`.
  { shows: (t) => /^[ \u3000]{0,6}[\u4e00-\u9fff][ \u3000]*$/m.test(t), read: async () => (await import('./vertical-labels.js')).rebuildVerticalLabels },
];

/** A text source (`txt`, `csv`): decoded, then read as the table, the container or the text it is. */
async function loadText(bytes: Uint8Array, format: InputFormat, meta: Meta, options: LoadOptions): Promise<Source> {
  const { text, encoding } = decodeText(bytes);
  if (format === 'csv') {
    const { readCsv } = await import('./csv.js');
    return structured(meta, 'csv', encoding, bytes.length, readCsv(text));
  }
  // An e-mail's source or a content system's JSON record saved as text: the guideline inside it.
  const inner = unwrapContainer(text);
  if (inner?.attachment !== undefined) {
    // The guideline is the file an e-mail carries: read as that file, the e-mail's own words logged.
    const { format: _f, ...rest } = options;
    const read = await loadBytes(inner.attachment.bytes, inner.attachment.name, { ...rest, id: meta.id });
    return { ...read, path: meta.path, sha256: meta.sha256, bytes: bytes.length, removed: [...inner.removed, ...read.removed] };
  }
  if (inner?.html !== undefined) {
    const { readHtml } = await import('./html.js');
    // Decoded already (the part's own charset): a byte-order mark keeps the page's `<meta charset=gb2312>` from decoding it again.
    const { encoding: _e, ...built } = readHtml(new TextEncoder().encode(`\ufeff${inner.html}`));
    const read = structured(meta, 'html', encoding, bytes.length, built);
    return { ...read, removed: [...inner.removed, ...read.removed] };
  }
  let plain = inner?.text ?? text;
  const removed = [...(inner?.removed ?? [])];
  // Texts that are a layout of another text (a table copied column by column, a workbook dumped
  // cell by cell, …): rebuilt as the text they hold, in the order of `TEXT_REBUILDS`.
  for (const rebuild of TEXT_REBUILDS) {
    if (!rebuild.shows(plain)) continue;
    const rebuilt = (await rebuild.read())(plain);
    if (rebuilt) {
      plain = rebuilt.text;
      removed.push(...rebuilt.removed);
    }
  }
  // A converter's Markdown (MinerU, Marker, pandoc) keeps tables it cannot draw as raw HTML.
  if (RE_HTML_TABLE.test(plain)) {
    const { inlineHtmlTables } = await import('./html.js');
    const inlined = inlineHtmlTables(plain);
    return { ...meta, format: 'text', encoding, bytes: bytes.length, text: inlined.text, pages: null, removed: [...removed, ...inlined.removed] };
  }
  return { ...meta, format: 'text', encoding, bytes: bytes.length, text: plain, pages: null, removed };
}

/** A Safari web archive: its main resource read as a page (or a text), the archive's addresses logged. */
async function loadWebArchive(bytes: Uint8Array, meta: Meta, options: LoadOptions): Promise<Source> {
  const page = readWebArchive(bytes);
  if (page === undefined) throw new GuidelineError('unsupported-format', reason('webarchive-damaged'));
  if (page === null) throw new GuidelineError('unsupported-format', reason('plist-not-webarchive'));
  return loadCarried(page, meta, options, { format: page.html ? 'html' : 'text', encoding: page.encoding, bytes: bytes.length });
}

/** An Outlook message: its body read as a text (or a page) is, the mail's own fields logged. */
async function loadMsg(bytes: Uint8Array, meta: Meta, options: LoadOptions): Promise<Source> {
  const mail = await (await import('./msg.js')).readMsg(bytes);
  return loadCarried(mail, meta, options, { format: 'msg', encoding: mail.html ? 'html' : 'utf-16le', bytes: bytes.length });
}

/**
 * A page or a text a container carries, decoded already (a mail's body, a web archive's page): read
 * as a page is (a byte-order mark keeps its own `<meta charset>` from decoding it again) or as a
 * text is; reported as the container (`as`), what the container logged first.
 */
async function loadCarried(carried: { readonly text: string; readonly html: boolean; readonly removed: readonly Removal[] }, meta: Meta, options: LoadOptions, as: { format: Source['format']; encoding: string; bytes: number }): Promise<Source> {
  if (carried.html) {
    const { encoding: _e, ...built } = (await import('./html.js')).readHtml(new TextEncoder().encode(`\ufeff${carried.text}`));
    const read = structured(meta, as.format, as.encoding, as.bytes, built);
    return { ...read, removed: [...carried.removed, ...read.removed] };
  }
  const read = await loadText(new TextEncoder().encode(carried.text), 'txt', meta, options);
  return { ...read, format: as.format, encoding: as.encoding, bytes: as.bytes, removed: [...carried.removed, ...read.removed] };
}

function structured(meta: Meta, format: Source['format'], encoding: string, size: number, built: BuiltText): Source {
  return {
    ...meta,
    format,
    encoding,
    bytes: size,
    text: built.text,
    pages: null,
    removed: built.removed,
    blockOfLine: built.blockOfLine,
    tableOfLine: built.tableOfLine,
    ...(built.headingOfLine ? { headingOfLine: built.headingOfLine } : {}),
    blocks: built.blocks,
    tables: built.tables,
  };
}

/**
 * The format of a source, from its first bytes (PDF, ZIP, OLE, RTF, HTML markup), the extension
 * deciding only between text and HTML and for a `.pdf` that is none. A container of a format this
 * tool does not read (XLSX, OFD, …) is refused here, in one line that says what to do.
 */
export function sniffFormat(bytes: Uint8Array, path: string): InputFormat {
  if (isPdf(bytes)) return 'pdf';
  if (/\.pdf$/i.test(path)) return 'pdf';
  if (isImage(bytes) || /\.(?:png|jpe?g|tiff?)$/i.test(path)) return 'image';
  if (isZip(bytes)) return zipKind(openZip(bytes));
  if (isOle(bytes)) return oleKind(bytes) === 'xls' ? 'xls' : 'doc';
  if (isRtf(bytes)) return 'rtf';
  // (A Word, Excel or PowerPoint package saved as one XML file, `Word XML 文档`: as the package.)
  if (isFlatOpc(bytes)) return flatOpcKind(flatOpcFiles(bytes));
  if (isUof(bytes)) return 'uof';
  if (/\.(?:xls|xml)$/i.test(path) && isXmlSpreadsheet(bytes)) return 'xls';
  if (/\.(?:docx?|wps|xml)$/i.test(path) && isWordXml(bytes)) return 'doc';
  if (/\.(?:docx?|wps|odt|ods|odp|xlsx?|pptx?|ofd|o?xps|et|dps)$/i.test(path)) {
    const ext = /\.([a-z]+)$/i.exec(path)![1]!.toLowerCase();
    throw new GuidelineError('unsupported-format', reason('not-an-office-file', ext));
  }
  if (/\.[ct]sv$/i.test(path)) return 'csv';
  // A web archive (`.mht`, MHTML) or an e-mail's source: MIME headers first, the page inside a part,
  // read as text and unwrapped there (`containers.ts`), never as a page of its own markup.
  if (opensWithMimeHeaders(Buffer.from(bytes.subarray(0, 4096)).toString('latin1'))) return 'txt';
  // (So is a news feed, whose items hold pages: its markup is no page of its own.)
  if (isFeed(new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 65536)))) return 'txt';
  if (/\.html?$/i.test(path) || looksLikeHtml(bytes) || holdsHtmlMarkup(bytes)) return 'html';
  return 'txt';
}

/** The package a flat XML package stands for: a Word, Excel or PowerPoint file, nothing else. */
function flatOpcKind(files: Readonly<Record<string, Uint8Array>>): InputFormat {
  const kind = zipKind(files);
  if (kind === 'docx' || kind === 'xlsx' || kind === 'pptx') return kind;
  throw new GuidelineError('unsupported-format', reason('zip-not-word'));
}

/** Reads and loads one file. Throws `GuidelineError` with a one-line reason. */
export async function loadFile(path: string, options: LoadOptions = {}): Promise<Source> {
  return loadBytes(await readSource(path, options), path, options);
}

/**
 * The bytes of one source file, after the checks that need no parsing (a file, not too large).
 * Read synchronously, as `atomicWrite` writes (see there): the batch's time is computing.
 */
export async function readSource(path: string, options: Pick<LoadOptions, 'maxBytes'> = {}): Promise<Uint8Array> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  let info;
  try {
    info = statSync(path);
  } catch (error) {
    throw new GuidelineError('unreadable', reason('read-failed', fsProblem(error)));
  }
  if (info.isDirectory()) throw new GuidelineError('unreadable', reason('is-directory'));
  // A named pipe, a device or a socket: reading one can wait for ever (a FIFO with no writer).
  if (!info.isFile()) throw new GuidelineError('unreadable', reason('not-regular-file'));
  if (info.size > maxBytes) {
    throw new GuidelineError('too-large', reason('too-large', info.size, maxBytes));
  }
  try {
    return readFileSync(path);
  } catch (error) {
    throw new GuidelineError('unreadable', reason('read-failed', fsProblem(error)));
  }
}

