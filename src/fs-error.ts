/**
 * A file-system error in words a person reads: what the system's code means, never the bare code
 * (`ELOOP` is "a loop of symbolic links"). These are problems of the machine, the disk or the
 * path — not of the document and not of this tool — and the lines that show them say so by
 * naming the path and the reason only.
 */
const REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EFBIG: 'the file is larger than the file system allows',
  EISDIR: 'is a folder, not a file',
  ERR_FS_EISDIR: 'is a folder, not a file',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EEXIST: 'something else of that name is in the way',
  ELOOP: 'a loop of symbolic links',
  ENAMETOOLONG: 'the name is too long',
  EMFILE: 'too many files open',
  ENFILE: 'too many files open on the system',
  EIO: 'input/output error on the disk',
  EBUSY: 'the file is busy',
  ETXTBSY: 'the file is busy',
  EXDEV: 'the temporary file and the target are on different file systems',
  ENXIO: 'no such device',
  ENODEV: 'no such device',
  EINVAL: 'the file system does not allow this',
  ENOTSUP: 'the file system does not allow this',
  EOPNOTSUPP: 'the file system does not allow this',
  EAGAIN: 'the file is not ready to be read',
  ENOMEM: 'out of memory',
};

/** The system's code of a file-system error, if it has one. */
export function fsCode(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | null | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * What `error` means, in a few words (`the disk is full`). An unknown code gives the system's own
 * words (`ENOSYS: function not implemented, mkdir '/x'` → `function not implemented`).
 */
export function describeFsError(error: unknown): string {
  const code = fsCode(error);
  if (code !== undefined && REASONS[code] !== undefined) return REASONS[code];
  const message = error instanceof Error ? error.message : String(error);
  // Node's form: `CODE: the system's words, syscall 'path'`.
  const words = /^[A-Z0-9_]+: ([^,]+)/.exec(message)?.[1];
  return words ?? message.split('\n')[0]!;
}

/** Whether `error` is a file-system error (it has a system code), not a bug. */
export function isFsError(error: unknown): boolean {
  const code = fsCode(error);
  return code !== undefined && /^E[A-Z0-9]+$/.test(code);
}
