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
    // The tests of the English wording: an English locale unless a test gives its own (the CLI's
    // default, Chinese, is tested with `env: {}`).
    env: { LANG: 'en_US.UTF-8' },
    ...extra,
    out: () => out,
    err: () => err,
  };
}
