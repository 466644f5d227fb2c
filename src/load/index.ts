/**
 * The `load` stage: file system in, `Source` out. One of the two stages that touch the file system.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { GuidelineError, type Source } from '../types.js';
import type { OcrMode, OcrProgress } from './pdfjs.js';
import { documentId } from './id.js';
import { decodeText } from './text.js';
import { describeFsError, fsCode } from '../fs-error.js';

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
}

export type { OcrMode, OcrProgress } from './pdfjs.js';

export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

/** Whether the bytes are a PDF (a `%PDF-` header in the first KiB, as readers accept it). */
export function isPdf(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  return head.includes('%PDF-');
}

/** Builds a `Source` from bytes already in memory (no file system). */
export async function loadBytes(bytes: Uint8Array, path: string, options: LoadOptions = {}): Promise<Source> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.length > maxBytes) {
    throw new GuidelineError('too-large', `too large (${bytes.length} bytes; the limit is ${maxBytes})`);
  }
  const meta = {
    path: path.replace(/\\/g, '/'),
    id: documentId(path),
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
  if (bytes.length === 0) throw new GuidelineError('empty', 'empty file');
  if (isPdf(bytes)) {
    const { maxBytes: _, ...pdfOptions } = options;
    const { loadPdf } = await import('./pdfjs.js');
    return loadPdf(bytes, meta, pdfOptions);
  }
  if (/\.pdf$/i.test(path)) {
    throw new GuidelineError('not-a-pdf', 'not a PDF (no %PDF- header), despite the .pdf extension');
  }
  const { text, encoding } = decodeText(bytes);
  return { ...meta, format: 'text', encoding, bytes: bytes.length, text, pages: null, removed: [] };
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
    throw new GuidelineError('unreadable', describeReadError(error));
  }
  if (info.isDirectory()) throw new GuidelineError('unreadable', 'is a directory, not a file');
  // A named pipe, a device or a socket: reading one can wait for ever (a FIFO with no writer).
  if (!info.isFile()) throw new GuidelineError('unreadable', 'is not a regular file (a named pipe, device or socket): not read');
  if (info.size > maxBytes) {
    throw new GuidelineError('too-large', `too large (${info.size} bytes; the limit is ${maxBytes})`);
  }
  try {
    return readFileSync(path);
  } catch (error) {
    throw new GuidelineError('unreadable', describeReadError(error));
  }
}

function describeReadError(error: unknown): string {
  switch (fsCode(error)) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory, not a file';
    default:
      return `cannot read: ${describeFsError(error)}`;
  }
}
