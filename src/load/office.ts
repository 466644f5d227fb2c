/**
 * Which kind of file the bytes are, by their first bytes and, for ZIP and OLE containers, by what
 * they hold — never by extension alone: a Word file (`.docx`; `.doc` and `.wps`, the OLE format of
 * Word 97–2003 that WPS Office also writes), an HTML page, or one of the formats this tool does not
 * read (XLSX, PPTX, OFD, ODF, RTF, other Office 97–2003 files), each refused in one line that says
 * what to do. Also reads `.doc`/`.wps` with word-extractor. Pure.
 */
import { createRequire } from 'node:module';
import { GuidelineError, type Removal } from '../types.js';
import { reason } from '../messages/reasons.js';
import { buildText, cellText, squareRows, type Block, type BuiltText } from './blocks.js';
import { holdsFiles } from './archive.js';

export type Container = { readonly kind: 'zip'; readonly files: Record<string, Uint8Array> } | { readonly kind: 'ole' } | { readonly kind: 'rtf' } | null;

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5 || bytes[2] === 7) && (bytes[3] === 4 || bytes[3] === 6 || bytes[3] === 8);
}

export function isOle(bytes: Uint8Array): boolean {
  return OLE_MAGIC.every((b, i) => bytes[i] === b);
}

export function isRtf(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.subarray(0, 8)).toString('latin1').replace(/^\xef\xbb\xbf/, '').startsWith('{\\rtf');
}

/** Whether the bytes look like an HTML page (a doctype, `<html>`, `<head>`, `<body>` or `<meta>` near the start). */
export function looksLikeHtml(bytes: Uint8Array): boolean {
  let head = Buffer.from(bytes.subarray(0, 2048)).toString('latin1');
  if (bytes[0] === 0xff || bytes[0] === 0xfe) head = Buffer.from(bytes.subarray(0, 4096)).toString('utf16le').replace(/^\ufeff/, '');
  return /^(?:\xef\xbb\xbf|\ufeff)?\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>]|meta[\s>])/i.test(head);
}

/**
 * Whether a text is HTML without its page (a database copy of a page's body: `<p style=…>`,
 * `<span>`, `<strong>`, a raw `<table>` with `<tr><td>`, entities): ten block or inline tags or more,
 * on three lines in ten or more. Read as HTML, its tags and entities are what a browser makes of
 * them; read as text, they would be words of the fields.
 */
export function holdsHtmlMarkup(bytes: Uint8Array): boolean {
  if (bytes[0] === 0xff || bytes[0] === 0xfe) return false;
  const head = Buffer.from(bytes.subarray(0, 256 * 1024)).toString('latin1');
  const tags = head.match(/<(?:p|div|td|th|tr|table|span|strong|li|h[1-6])(?:\s[^<>]*)?>/gi)?.length ?? 0;
  if (tags < 10) return false;
  const lines = head.split(/\r?\n/).filter((l) => l.trim() !== '');
  const tagged = lines.filter((l) => /<\/?(?:p|div|td|th|tr|table|span|strong|li|h[1-6]|br)\b[^<>]*>/i.test(l)).length;
  return tagged >= lines.length * 0.3;
}

/** The parts of a ZIP worth reading: Word's XML, the package's relationships and content types, OFD's marker, an ODF text's content, styles and manifest, a deck's slides and its SmartArt data. */
const WANTED = /^(?:\[Content_Types\]\.xml|META-INF\/(?:container|encryption)\.xml|(?:[^/]+\/)*[^/]+\.(?:opf|xhtml|html?|css|fdseq|fdoc|fpage)|_rels\/\.rels|word\/[^/]+\.xml|word\/_rels\/document\.xml\.rels|word\/[^/]+\.(?:mht|mhtml|html?|rtf|txt)|word\/embeddings\/[^/]+\.xlsx|mimetype|OFD\.xml|content\.xml|content\.json|styles\.xml|META-INF\/manifest\.xml|xl\/(?:workbook|sharedStrings|styles)\.xml|xl\/_rels\/workbook\.xml\.rels|xl\/worksheets\/[^/]+\.xml|ppt\/(?:presentation\.xml|_rels\/presentation\.xml\.rels|slides\/(?:_rels\/)?[^/]+\.(?:xml|rels)|notesSlides\/[^/]+\.xml|diagrams\/data\d+\.xml)|Doc_\d+\/(?:[^/]+\/)*[^/]+\.xml)$/i;

/** Largest part of a ZIP inflated (by its stated size): a Word body of 64 MiB of XML is far more than a guideline. */
const MAX_PART = 64 * 1024 * 1024;

/** Opens a ZIP container (only the parts read here are inflated). */
export function openZip(bytes: Uint8Array): Record<string, Uint8Array> {
  // fflate is loaded when a ZIP is seen: text and PDF runs never need it.
  const { unzipSync } = createRequire(import.meta.url)('fflate') as typeof import('fflate');
  const names: string[] = [];
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (f) => {
        names.push(f.name);
        return WANTED.test(f.name) && f.originalSize <= MAX_PART;
      },
    });
  } catch (error) {
    throw new GuidelineError('unsupported-format', reason('zip-damaged'), (error as Error).message);
  }
  // Every name, inflated or not, so that the kind of package shows.
  for (const n of names) if (!(n in files)) files[n] = new Uint8Array(0);
  return files;
}

/** What a ZIP container is; throws the one line for a format this tool does not read. */
export function zipKind(files: Readonly<Record<string, Uint8Array>>): 'docx' | 'odt' | 'ods' | 'odp' | 'xlsx' | 'ofd' | 'pptx' | 'epub' | 'xps' | 'xmind' | 'zip' {
  const names = Object.keys(files);
  const has = (re: RegExp): boolean => names.some((n) => re.test(n));
  const types = files['[Content_Types].xml'] ? new TextDecoder().decode(files['[Content_Types].xml']) : '';
  const mimetype = files['mimetype'] ? new TextDecoder().decode(files['mimetype']).trim() : '';
  if (has(/^word\/document\.xml$/) || /wordprocessingml\.document\.main|ms-word\.document\.macroEnabled/.test(types)) return 'docx';
  if (has(/^xl\/workbook\.xml$/) || /spreadsheetml\.sheet\.main/.test(types)) return 'xlsx';
  if (has(/^ppt\/presentation\.xml$/) || /presentationml\.presentation\.main/.test(types)) return 'pptx';
  if (has(/^ppt\//) || /presentationml/.test(types)) throw new GuidelineError('pptx-corrupt', reason('pptx-no-slides'));
  if (has(/^OFD\.xml$/i) || has(/^Doc_\d+\/Document\.xml$/i)) return 'ofd';
  if (has(/\.fdseq$/i) || has(/\.fpage$/i) || /ms-package\.xps|openxps/i.test(types)) return 'xps';
  if (/^application\/vnd\.oasis\.opendocument\.text(?:-template|-master)?$/.test(mimetype) || (mimetype === '' && files['content.xml'] && /opendocument\.text/.test(files['META-INF/manifest.xml'] ? new TextDecoder().decode(files['META-INF/manifest.xml']) : ''))) return 'odt';
  if (/^application\/vnd\.oasis\.opendocument\.spreadsheet(?:-template)?$/.test(mimetype)) return 'ods';
  if (/^application\/vnd\.oasis\.opendocument\.presentation(?:-template)?$/.test(mimetype)) return 'odp';
  // An XMind map (its thumbnail is no scan's page).
  if (has(/^content\.json$/) && (has(/^manifest\.json$/) || has(/^metadata\.json$/))) return 'xmind';
  if (mimetype === 'application/epub+zip' || (mimetype === '' && has(/^META-INF\/container\.xml$/) && has(/\.opf$/i))) return 'epub';
  if (/^application\/vnd\.oasis\.opendocument\./.test(mimetype)) {
    throw new GuidelineError('unsupported-format', reason('other-kind', /text/.test(mimetype) ? 'odt' : /spreadsheet/.test(mimetype) ? 'ods' : 'odf'));
  }
  // An archive of files (a portal's 附件打包下载, a scan's page images): the guideline among them.
  if (holdsFiles(names)) return 'zip';
  // (A package of some format has its marker part; an archive of other files has none.)
  const isPackage = has(/^\[Content_Types\]\.xml$/) || files['mimetype'] !== undefined || has(/^word\//);
  throw new GuidelineError('unsupported-format', reason(isPackage ? 'zip-not-word' : 'zip-no-guideline'));
}

/** The name of an OLE directory entry (UTF-16LE) occurs in the file: enough to tell Word from Excel and PowerPoint. */
function hasStream(bytes: Uint8Array, name: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(Buffer.from(name, 'utf16le'));
}

/** Which Office 97–2003 file an OLE container is: Word (or WPS 文字), Excel (or WPS 表格), PowerPoint, or another. */
export function oleKind(bytes: Uint8Array): 'doc' | 'xls' | 'ppt' | 'ole' {
  if (hasStream(bytes, 'WordDocument')) return 'doc';
  if (hasStream(bytes, 'Workbook') || hasStream(bytes, 'Book')) return 'xls';
  return hasStream(bytes, 'PowerPoint Document') ? 'ppt' : 'ole';
}

/** The bytes of the first of `names` that is a stream at the root of an OLE container, or null (word-extractor's OLE reader). */
export async function oleStream(bytes: Uint8Array, names: readonly string[]): Promise<Uint8Array | null> {
  type Stream = { on(event: string, f: (x: never) => void): void };
  const require = createRequire(import.meta.url);
  const OleCompoundDoc = require('word-extractor/lib/ole-compound-doc.js') as new (reader: unknown) => { read(): Promise<unknown>; _rootStorage: { _dirEntry: { streams: Record<string, unknown> } }; stream(name: string): Stream };
  const BufferReader = require('word-extractor/lib/buffer-reader.js') as new (b: Buffer) => { open(): Promise<unknown>; close(): Promise<unknown> };
  const reader = new BufferReader(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  await reader.open();
  try {
    const doc = new OleCompoundDoc(reader);
    await doc.read();
    const name = names.find((n) => doc._rootStorage._dirEntry.streams[n] !== undefined);
    if (name === undefined) return null;
    const stream = doc.stream(name);
    return await new Promise<Uint8Array>((resolve, reject) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', reject);
      stream.on('end', () => resolve(Buffer.concat(chunks)));
    });
  } finally {
    await reader.close();
  }
}

/** Reads an Excel 97–2003 workbook (`.xls`; WPS 表格's `.et`). */
export async function readXls(bytes: Uint8Array): Promise<BuiltText> {
  let stream: Uint8Array | null;
  try {
    stream = await oleStream(bytes, ['Workbook', 'Book']);
  } catch (error) {
    throw new GuidelineError('xls-corrupt', reason('xls-corrupt'), (error as Error).message);
  }
  if (stream === null) throw new GuidelineError('unsupported-format', reason('not-an-xls'));
  const { readXlsStream } = await import('./xls.js');
  return readXlsStream(stream);
}

/** Reads a Word 97–2003 file (`.doc`; WPS Office's `.wps` is the same format) with word-extractor. */
export async function readDoc(bytes: Uint8Array): Promise<BuiltText> {
  const kind = oleKind(bytes);
  if (kind !== 'doc') throw new GuidelineError('unsupported-format', reason('other-kind', kind === 'xls' ? 'ole' : kind));
  const { extractDoc } = await import('./doc.js');
  type Doc = { getBody(o?: { filterUnicode?: boolean }): string; getFootnotes(o?: { filterUnicode?: boolean }): string; getEndnotes(o?: { filterUnicode?: boolean }): string; getHeaders(o?: { includeFooters?: boolean; filterUnicode?: boolean }): string; getFooters(o?: { filterUnicode?: boolean }): string };
  let doc: Doc;
  try {
    doc = (await extractDoc(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))) as Doc;
  } catch (error) {
    throw new GuidelineError('doc-unreadable', reason('doc-unreadable'), (error as Error).message);
  }
  const raw = { filterUnicode: false };
  const removed: Removal[] = [];
  const note = (kind: Removal['kind'], text: string): void => {
    const t = text.trim();
    if (t !== '') removed.push({ kind, text: t, line: null, start: null, end: null, page: null });
  };
  note('running-header', doc.getHeaders({ includeFooters: false, ...raw }));
  note('running-footer', doc.getFooters(raw));
  note('footnote', doc.getFootnotes(raw));
  note('footnote', doc.getEndnotes(raw));
  // word-extractor gives a paragraph on one line, and a table row as its cells each ended by a tab:
  // consecutive lines that end with a tab are a table. Merged cells are not known: a row of one
  // cell (a heading across the table) is repeated across it, other short rows are padded.
  const blocks: Block[] = [];
  let rows: string[][] = [];
  const endTable = (): void => {
    if (rows.length === 0) return;
    const width = Math.max(...rows.map((r) => r.length));
    blocks.push({ kind: 'table', rows: squareRows(rows.map((r) => (r.length === 1 && width > 1 ? new Array<string>(width).fill(r[0]!) : r))) });
    rows = [];
  };
  for (const line of doc.getBody(raw).split('\n')) {
    if (line.endsWith('\t')) {
      rows.push(line.slice(0, -1).split('\t').map((c) => cellText([c])));
      continue;
    }
    endTable();
    blocks.push({ kind: 'text', lines: [line.replace(/\t/g, ' ')] });
  }
  endTable();
  const built = buildText(blocks);
  if (built.text.trim() === '') throw new GuidelineError('empty', reason('word-empty'));
  return { ...built, removed: [...removed, ...built.removed] };
}

/** Whether `bytes` begin an XML Spreadsheet 2003 workbook (its processing instruction or namespace near the start). */
export function isXmlSpreadsheet(bytes: Uint8Array): boolean {
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 2048)).replace(/^\uFEFF/, '').trimStart();
  return head.startsWith('<?xml') && (/progid="Excel\.Sheet"/.test(head) || /urn:schemas-microsoft-com:office:spreadsheet/.test(head)) && /<(?:ss:)?Workbook[\s>]/.test(head);
}

/** Whether bytes are a Word 2003 XML document (its processing instruction or root element in the first 2 KB). */
export function isWordXml(bytes: Uint8Array): boolean {
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 2048)).replace(/^\uFEFF/, '').trimStart();
  return head.startsWith('<?xml') && (/progid="Word\.Document"/.test(head) || /<w:wordDocument[\s>]/.test(head)) && /schemas\.microsoft\.com\/office\/word\/2003\/wordml/.test(head);
}
