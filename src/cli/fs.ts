/**
 * File-system helpers of the CLI: listing a corpus, reading what an earlier run wrote, and atomic
 * writes (temporary file in the same folder, then rename), so that a crash or Ctrl-C never leaves a
 * half-written output and never touches an earlier one.
 */
import { noticesOf, type Notice } from '../notice.js';
import { GuidelineError } from '../types.js';
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { mkdir, readdir, readFile, realpath, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, posix, relative, resolve, sep } from 'node:path';
import { fsCode, fsProblem, fsWords, type FsProblem } from '../fs-error.js';
import { reason } from '../messages/reasons.js';
import type { Language } from '../messages/labels.js';

export { EXPORT_EXTENSIONS, SOURCE_EXTENSIONS } from '../load/extensions.js';
import { SOURCE_EXTENSIONS } from '../load/extensions.js';
import { RE_IMAGE_FILE } from '../load/archive.js';


/** The path that names standard input. */
export const STDIN = '-';

/** Every source file below `dir` (hidden files and folders skipped), sorted, posix separators. */
export async function listCorpus(dir: string, cwd: string, extensions: RegExp = SOURCE_EXTENSIONS): Promise<string[]> {
  const out: string[] = [];
  // (The images of a page saved complete, `x_files/` or `x.files/`, are its pictures, never a scan to read.)
  const walk = async (d: string, pictures: boolean): Promise<void> => {
    const entries = await readdir(d, { withFileTypes: true });
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const p = join(d, e.name);
      if (e.isDirectory()) await walk(p, pictures || /[_.]files$/i.test(e.name));
      else if (extensions.test(e.name) && !(pictures && RE_IMAGE_FILE.test(e.name))) out.push(p);
    }
  };
  await walk(dir, false);
  return out.map((p) => toPosix(relative(cwd, p) || p)).sort();
}

export function toPosix(p: string): string {
  return sep === '/' ? p : p.split(sep).join('/');
}

/**
 * What a file of an output holds: text (written as UTF-8), bytes, or a function that writes its
 * text piece by piece (a large document's JSON, Markdown or page, never one string in memory).
 */
export type Content = string | Uint8Array | ((write: (piece: string) => void) => void);

/** The buffer text pieces are encoded into before one write to the file. */
const WRITE_CHUNK = 1 << 20;

/** Writes `content` to a new file at `path`, synchronously. */
function writeContent(path: string, content: Content): void {
  if (typeof content !== 'function') {
    writeFileSync(path, content, 'utf8');
    return;
  }
  const fd = openSync(path, 'w');
  try {
    // Each piece is encoded as UTF-8 into one buffer as it comes, and the buffer written when full:
    // no piece is kept once written (pieces gathered as strings outlive the young generation, and
    // a large document's pieces then pile up in the old one until a full collection).
    const buffer = Buffer.allocUnsafe(WRITE_CHUNK);
    let used = 0;
    const writeAll = (bytes: Uint8Array, length: number): void => {
      for (let at = 0; at < length; ) at += writeSync(fd, bytes, at, length - at);
    };
    content((piece) => {
      // A UTF-16 code unit is at most three bytes of UTF-8.
      if (used + piece.length * 3 > WRITE_CHUNK) {
        writeAll(buffer, used);
        used = 0;
        if (piece.length * 3 > WRITE_CHUNK) {
          const bytes = Buffer.from(piece, 'utf8');
          writeAll(bytes, bytes.length);
          return;
        }
      }
      used += buffer.write(piece, used, 'utf8');
    });
    writeAll(buffer, used);
  } finally {
    closeSync(fd);
  }
}

/**
 * Writes `content` (text as UTF-8, or bytes) to `path` atomically: a temporary file in the same
 * folder, then a rename. The write is synchronous: a batch spends its time computing on the main
 * thread, and awaiting each open, write and close left that thread idle between documents. The
 * rename is not: replacing an existing file makes the file system flush the new one first (ext4's
 * replace-via-rename), about 1 ms a file, which the thread pool does while the next document is
 * computed. 300 texts re-ingested: 3.6 s all asynchronous, 3.3 s all synchronous, 3.1 s so
 * (README, Performance).
 */
export async function atomicWrite(path: string, content: Content): Promise<void> {
  await atomicWriteAll([{ path, content }]);
}

/**
 * Writes a set of files (a document's JSON and Markdown) as one: every file to a temporary file in
 * its folder first, then each renamed into place, in the order given (the last marks the set as
 * complete). When anything fails, the temporary files are removed, and when a file of the set was
 * already renamed into place, every file of the set is removed: the set is there whole, or not at
 * all (its earlier version stays when nothing was renamed yet). The error is passed on.
 */
export async function atomicWriteAll(files: readonly { readonly path: string; readonly content: Content }[]): Promise<void> {
  const tmps: string[] = [];
  let renamed = 0;
  try {
    for (const { path, content } of files) {
      const dir = path.slice(0, Math.max(0, path.lastIndexOf('/'))) || '.';
      const base = path.slice(path.lastIndexOf('/') + 1);
      const tmp = join(dir, `.${base}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
      tmps.push(tmp);
      writeContent(tmp, content);
    }
    for (const [i, { path }] of files.entries()) {
      await rename(tmps[i]!, path);
      renamed++;
    }
  } catch (error) {
    await Promise.all(tmps.map((t) => rm(t, { force: true }).catch(() => undefined)));
    if (renamed > 0) await Promise.all(files.map(({ path }) => rm(path, { force: true }).catch(() => undefined)));
    throw error;
  }
}

/**
 * Makes `dir` and the folders above it that are missing, one at a time from the first that exists.
 * Not `mkdir(…, { recursive: true })`: under `/proc` Node's recursive mkdir loops for ever (the
 * kernel answers ENOENT for the folder whose parent exists). Fails with the file-system error.
 */
export async function ensureDir(dir: string): Promise<void> {
  const missing: string[] = [];
  let at = resolve(dir);
  for (;;) {
    let info;
    try {
      info = await stat(at);
    } catch (error) {
      const parent = dirname(at);
      if (fsCode(error) !== 'ENOENT' || parent === at) throw error;
      missing.push(at);
      at = parent;
      continue;
    }
    if (!info.isDirectory()) throw Object.assign(new Error(`ENOTDIR: not a directory, mkdir '${at}'`), { code: 'ENOTDIR', path: at });
    break;
  }
  for (const d of missing.reverse()) {
    try {
      await mkdir(d);
    } catch (error) {
      // Made meanwhile by another process: fine if it is a folder.
      if (fsCode(error) !== 'EEXIST' || !(await stat(d)).isDirectory()) throw error;
    }
  }
}

/**
 * A write that failed, in one plain line: the path and what the system's answer means. A problem
 * of the machine (a full disk, a read-only folder, a path that cannot be made), not of the
 * document nor of this tool.
 */
export function writeFailure(path: string, error: unknown): GuidelineError {
  return new GuidelineError('unwritable', reason('file-unwritable', path, writeProblem(error)));
}

/** A failed write (or folder creation) as data, said in either language by `fsWords`. */
export function writeProblem(error: unknown): FsProblem {
  // mkdir under /proc, or in a folder that vanished: the system gives no reason but "not there".
  if (fsCode(error) === 'ENOENT') return { code: 'MKDIR-ENOENT', words: 'no folder can be made there' };
  return fsProblem(error);
}

/** What a failed write (or folder creation) means, in a few words, in `language`. */
export function describeWriteError(error: unknown, language: Language = 'en'): string {
  return fsWords(writeProblem(error), language);
}

/** Temporary files left by an interrupted run. */
export async function removeLeftovers(dir: string): Promise<void> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return;
  }
  await Promise.all(names.filter((n) => /^\..+\.tmp$/.test(n)).map((n) => rm(join(dir, n), { force: true })));
}

/**
 * What an earlier run recorded in `<dir>/<id>.json`: the source's hash, the pipeline version, and
 * the number of warnings (so that a skipped document still counts, and `--strict` still fails).
 */
/**
 * How an output's PDF was read, as far as it shows: pages read by OCR in `auto` or `force` mode,
 * pages left unread with OCR `off`, or `none` of either (every mode reads such a PDF alike).
 */
export type OcrRecord = 'auto' | 'force' | 'off' | 'none';

/** Whether an output read as `record` shows is what `mode` would make of the same PDF. */
export function sameOcr(record: OcrRecord, mode: 'auto' | 'force' | 'off'): boolean {
  if (mode === 'force') return record === 'force';
  if (mode === 'auto') return record === 'auto' || record === 'none';
  return record === 'off' || record === 'none';
}

export async function readPrevious(
  dir: string,
  id: string,
): Promise<{ sha256: string; pipelineVersion: string; path: string; warnings: number; notices: Notice[]; ocr: OcrRecord } | null> {
  try {
    const doc = JSON.parse(await readFile(join(dir, `${id}.json`), 'utf8')) as {
      pipelineVersion?: unknown;
      document?: { source?: { sha256?: unknown; path?: unknown; ocr?: { mode?: unknown }; pagesNotRead?: unknown[] } };
      checks?: { severity: string; code: string; directionId: string | null; message: string; messageZh?: string | null }[];
    };
    const sha256 = doc.document?.source?.sha256;
    const pipelineVersion = doc.pipelineVersion;
    const path = doc.document?.source?.path;
    if (typeof sha256 !== 'string' || typeof pipelineVersion !== 'string' || typeof path !== 'string' || !Array.isArray(doc.checks)) return null;
    const notices = noticesOf(doc.checks);
    const src = doc.document?.source;
    const ocr: OcrRecord = src?.ocr && src.ocr.mode !== 'file' ? (src.ocr.mode === 'force' ? 'force' : 'auto') : src?.pagesNotRead?.length ? 'off' : 'none';
    return { sha256, pipelineVersion, path, warnings: notices.length, notices, ocr };
  } catch {
    return null;
  }
}

/** Ids of the outputs in `dir` (from `<id>.json`). */
export async function listOutputs(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir))
      .filter((n) => n.endsWith('.json') && !n.startsWith('.'))
      .map((n) => n.slice(0, -'.json'.length))
      .sort();
  } catch {
    return [];
  }
}

export async function removeOutput(dir: string, id: string): Promise<void> {
  await rm(join(dir, `${id}.json`), { force: true });
  await rm(join(dir, `${id}.md`), { force: true });
  await rm(join(dir, `${id}.html`), { force: true });
}

/**
 * Writes a report file (export, history) atomically, its folder made first; a failure is one line
 * naming the file. Returns whether it was written.
 */
export async function writeReport(
  io: { readonly cwd: string; readonly stderr: { write(s: string): unknown }; readonly lang?: Language },
  path: string,
  content: string | Uint8Array,
): Promise<boolean> {
  const out = resolve(io.cwd, path);
  try {
    await ensureDir(dirname(out));
    await atomicWrite(out, content);
    return true;
  } catch (error) {
    io.stderr.write(`guideline: ${writeFailure(path, error).say(io.lang ?? 'zh')}\n`);
    return false;
  }
}

/**
 * The files of `inputs`: a file as it is given, a folder as the files in it and below whose names
 * match `extensions` (hidden ones skipped, sorted), each printed under the folder as it was given
 * (`/tmp/in/a.txt`, not `../../tmp/in/a.txt`). A file given twice (by two names, or on its own and
 * in a folder given too) is read once: files are told apart by their real path. A folder that
 * holds none, or cannot be read, is passed to `fail` with the error and left out; a missing file
 * fails later, when it is read.
 */
export async function expandInputs(
  inputs: readonly string[],
  cwd: string,
  extensions: RegExp,
  fail: (path: string, error: GuidelineError) => void,
): Promise<string[]> {
  const files: string[] = [];
  const seen = new Set<string>();
  const add = async (path: string): Promise<void> => {
    const abs = resolve(cwd, path);
    let key = abs;
    try {
      key = await realpath(abs);
    } catch {
      // A missing file, or a link loop: it fails when it is read, in the reader's words.
    }
    if (seen.has(key)) return;
    seen.add(key);
    files.push(path);
  };
  for (const input of inputs) {
    let folder = false;
    try {
      folder = (await stat(resolve(cwd, input))).isDirectory();
    } catch {
      // A missing file fails when it is read, in the reader's words.
    }
    if (input === STDIN) {
      files.push(input);
      continue;
    }
    if (!folder) {
      await add(toPosix(input));
      continue;
    }
    let listed: string[];
    try {
      const root = resolve(cwd, input);
      listed = (await listCorpus(root, root, extensions)).map((p) => posix.join(toPosix(input), p));
    } catch {
      fail(input, new GuidelineError('unreadable', reason('folder-unreadable')));
      continue;
    }
    if (listed.length === 0) fail(input, new GuidelineError('unreadable', reason('folder-empty', extensions !== SOURCE_EXTENSIONS)));
    // A folder of outputs holds `<id>.json` beside its `<id>.html` page: the page is no source.
    const outputs = new Set(listed.filter((p) => p.endsWith('.json')).map((p) => p.slice(0, -5)));
    for (const p of listed) if (!(/\.html?$/i.test(p) && outputs.has(p.replace(/\.html?$/i, '')))) await add(p);
  }
  return files;
}

/**
 * The bytes of standard input, at most `maxBytes` of them. Throws `GuidelineError` when there is
 * none to read (a terminal, or nothing given) or too much.
 */
export async function readStdin(stdin: (AsyncIterable<Uint8Array | string> & { readonly isTTY?: boolean }) | undefined, maxBytes: number): Promise<Uint8Array> {
  if (!stdin || stdin.isTTY) {
    throw new GuidelineError('unreadable', reason('stdin-terminal'));
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stdin) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk);
    size += b.length;
    if (size > maxBytes) throw new GuidelineError('too-large', reason('too-large-stream', maxBytes));
    chunks.push(b);
  }
  return Buffer.concat(chunks);
}
