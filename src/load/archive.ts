/**
 * A ZIP archive of files, as a portal's 附件打包下载 or a colleague's 压缩包 hands them over: the
 * guideline is one member (`附件1：…申报指南.docx`) beside forms, budgets and a notice, or the
 * archive is a scan's pages as images (`001.jpg`, `002.jpg`, …). Member names made on Chinese
 * Windows are GBK bytes without the UTF-8 flag; they are decoded as the archiver wrote them. Pure.
 */
import { createRequire } from 'node:module';
import { GuidelineError } from '../types.js';
import { reason } from '../messages/reasons.js';
import { SOURCE_EXTENSIONS } from './extensions.js';

export interface Member {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** Image files an archive of a scan holds. */
export const RE_IMAGE_FILE = /\.(?:png|jpe?g|tiff?)$/i;

/** Members that are never a document: a Mac's resource forks, Windows' thumbnail caches, folders. */
const RE_JUNK = /(?:^|\/)(?:__MACOSX\/|\._|\.DS_Store$|Thumbs\.db$|desktop\.ini$)|\/$/i;

/** Largest member inflated (by its stated size), and most of them together. */
const MAX_MEMBER = 64 * 1024 * 1024;
const MAX_TOTAL = 256 * 1024 * 1024;

/**
 * A member's name as its archiver wrote it. fflate reads a name without the UTF-8 flag as Latin-1
 * (one character per byte): those bytes are UTF-8 where they decode as such (archivers that write
 * UTF-8 and leave the flag off), else GBK (Windows' own 压缩 and WinRAR on a Chinese system).
 */
export function memberName(raw: string): string {
  if (!/[\u0080-\u00ff]/.test(raw) || /[^\u0000-\u00ff]/.test(raw)) return raw;
  const bytes = Buffer.from(raw, 'latin1');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    try {
      return new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    } catch {
      return raw;
    }
  }
}

/** Whether an archive holds a file this tool reads, or images (and is no package of one format). */
export function holdsFiles(names: readonly string[]): boolean {
  return names.some((n) => !RE_JUNK.test(n) && (SOURCE_EXTENSIONS.test(n) || RE_IMAGE_FILE.test(n)));
}

/** The members of an archive worth reading (documents this tool reads, images), names decoded, in the archive's order. */
export function archiveMembers(bytes: Uint8Array): Member[] {
  const { unzipSync } = createRequire(import.meta.url)('fflate') as typeof import('fflate');
  let total = 0;
  let files: Record<string, Uint8Array>;
  const order: string[] = [];
  try {
    files = unzipSync(bytes, {
      filter: (f) => {
        const name = memberName(f.name);
        const wanted = !RE_JUNK.test(f.name) && (SOURCE_EXTENSIONS.test(name) || RE_IMAGE_FILE.test(name)) && f.originalSize <= MAX_MEMBER && total + f.originalSize <= MAX_TOTAL;
        if (wanted) {
          total += f.originalSize;
          order.push(f.name);
        }
        return wanted;
      },
    });
  } catch (error) {
    throw new GuidelineError('unsupported-format', reason('zip-damaged'), (error as Error).message);
  }
  return order.filter((n) => files[n] !== undefined && files[n]!.length > 0).map((n) => ({ name: memberName(n), bytes: files[n]! }));
}

/** Members in the order a person reads a folder: numbers by value (`2.jpg` before `10.jpg`). */
export const byName = (a: Member, b: Member): number => naturalOrder(a.name, b.name);

/** Names in the order a person reads a folder: numbers by value (`2.jpg` before `10.jpg`), the rest by code point (no locale's collation). */
export function naturalOrder(a: string, b: string): number {
  const x = a.match(/\d+|\D+/g) ?? [];
  const y = b.match(/\d+|\D+/g) ?? [];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const p = x[i]!;
    const q = y[i]!;
    if (p === q) continue;
    if (/^\d/.test(p) && /^\d/.test(q)) return Number(p) - Number(q) || p.length - q.length;
    return p < q ? -1 : 1;
  }
  return x.length - y.length;
}
