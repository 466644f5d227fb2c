import type { Io } from '../../src/cli/main.js';

export interface FakeIo extends Io {
  readonly out: () => string;
  readonly err: () => string;
}

export function fakeIo(cwd: string, extra: Partial<Io> = {}): FakeIo {
  let out = '';
  let err = '';
  return {
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s), isTTY: false },
    cwd,
    ...extra,
    out: () => out,
    err: () => err,
  };
}
