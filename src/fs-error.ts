/**
 * A file-system error in words a person reads: what the system's code means, never the bare code
 * (`ELOOP` is "a loop of symbolic links", 符号链接成环). These are problems of the machine, the disk
 * or the path — not of the document and not of this tool — and the lines that show them say so by
 * naming the path and the reason only. Each reason in Chinese (the default) and in English.
 */
import type { Language } from './messages/labels.js';

const REASONS: Readonly<Record<string, { readonly zh: string; readonly en: string }>> = {
  ENOENT: { zh: '没有这个文件或文件夹', en: 'no such file or folder' },
  EACCES: { zh: '没有权限（系统拒绝访问）', en: 'permission denied' },
  EPERM: { zh: '没有权限（系统拒绝访问）', en: 'permission denied' },
  EROFS: { zh: '文件系统是只读的', en: 'the file system is read-only' },
  ENOSPC: { zh: '磁盘已满', en: 'the disk is full' },
  EDQUOT: { zh: '磁盘配额已用完', en: 'the disk quota is used up' },
  EFBIG: { zh: '文件超出文件系统允许的大小', en: 'the file is larger than the file system allows' },
  EISDIR: { zh: '这是文件夹，不是文件', en: 'is a folder, not a file' },
  ERR_FS_EISDIR: { zh: '这是文件夹，不是文件', en: 'is a folder, not a file' },
  ENOTDIR: { zh: '路径中有一段是文件而不是文件夹', en: 'a part of the path is a file, not a folder' },
  EEXIST: { zh: '已有同名的其他东西挡在那里', en: 'something else of that name is in the way' },
  ELOOP: { zh: '符号链接成环', en: 'a loop of symbolic links' },
  ENAMETOOLONG: { zh: '名称太长', en: 'the name is too long' },
  EMFILE: { zh: '打开的文件太多', en: 'too many files open' },
  ENFILE: { zh: '系统上打开的文件太多', en: 'too many files open on the system' },
  EIO: { zh: '磁盘输入输出错误', en: 'input/output error on the disk' },
  EBUSY: { zh: '文件正被占用', en: 'the file is busy' },
  ETXTBSY: { zh: '文件正被占用', en: 'the file is busy' },
  EXDEV: { zh: '临时文件与目标不在同一文件系统上', en: 'the temporary file and the target are on different file systems' },
  ENXIO: { zh: '没有这个设备', en: 'no such device' },
  ENODEV: { zh: '没有这个设备', en: 'no such device' },
  EINVAL: { zh: '文件系统不允许这样做', en: 'the file system does not allow this' },
  ENOTSUP: { zh: '文件系统不允许这样做', en: 'the file system does not allow this' },
  EOPNOTSUPP: { zh: '文件系统不允许这样做', en: 'the file system does not allow this' },
  EAGAIN: { zh: '文件尚不能读取', en: 'the file is not ready to be read' },
  ENOMEM: { zh: '内存不足', en: 'out of memory' },
  /** Not the system's: a folder that cannot be made because a folder above it is not there (`ensureDir` under /proc). */
  'MKDIR-ENOENT': { zh: '那里建不了文件夹', en: 'no folder can be made there' },
};

/**
 * A file-system problem as plain data (it crosses worker threads and is said in either language
 * later): the system's code, and the system's own words for a code without a reason here.
 */
export interface FsProblem {
  readonly code: string | null;
  readonly words: string;
}

/** The system's code of a file-system error, if it has one. */
export function fsCode(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | null | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** `error` as an `FsProblem`. */
export function fsProblem(error: unknown): FsProblem {
  const message = error instanceof Error ? error.message : String(error);
  // Node's form: `CODE: the system's words, syscall 'path'`.
  const words = /^[A-Z0-9_]+: ([^,]+)/.exec(message)?.[1] ?? message.split('\n')[0]!;
  return { code: fsCode(error) ?? null, words };
}

/** What a file-system problem means, in a few words, in `language`. */
export function fsWords(problem: FsProblem, language: Language = 'en'): string {
  const reason = problem.code === null ? undefined : REASONS[problem.code];
  if (reason) return reason[language];
  return language === 'zh' ? `系统报告：${problem.words}` : problem.words;
}

/**
 * What `error` means, in a few words (`the disk is full`). An unknown code gives the system's own
 * words (`ENOSYS: function not implemented, mkdir '/x'` → `function not implemented`).
 */
export function describeFsError(error: unknown, language: Language = 'en'): string {
  return fsWords(fsProblem(error), language);
}

/** Whether `error` is a file-system error (it has a system code), not a bug. */
export function isFsError(error: unknown): boolean {
  const code = fsCode(error);
  return code !== undefined && /^E[A-Z0-9]+$/.test(code);
}
