/**
 * The progress line of every command that reads sources: on a terminal, documents done of all,
 * seconds and the file under way, redrawn in place and cleared before the lines that stay; nothing
 * at all when stderr is no terminal.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { fakeIo } from '../helpers/io.js';
import { seedBytes } from '../helpers/seed.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'guideline-progress-'));
  writeFileSync(join(dir, 'a.txt'), seedBytes());
  writeFileSync(join(dir, 'b.txt'), seedBytes().toString('utf8').replace('800万元', '900万元'));
  writeFileSync(join(dir, 'empty.txt'), '');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const tty = (): { io: ReturnType<typeof fakeIo>; err: string[] } => {
  const err: string[] = [];
  let clock = 0;
  const io = { ...fakeIo(dir, { env: {} }), stderr: { write: (s: string) => void err.push(s), isTTY: true }, now: () => (clock += 250) };
  return { io: io as ReturnType<typeof fakeIo>, err };
};

describe('progress line', () => {
  it.each([
    ['export', ['export', 'a.txt', 'b.txt', 'empty.txt', '--out', 'x.csv', '-j', '1']],
    ['history', ['history', 'a.txt', 'b.txt', 'empty.txt', '--out', 'h.json', '-j', '1']],
  ])('%s: on a terminal, done/total and the file; the failure line after the line is cleared', async (_, argv) => {
    const { io, err } = tty();
    expect(await run(argv, io)).toBe(1);
    const lines = err.filter((s) => s.startsWith('\r\x1b[K['));
    expect(lines[0]).toMatch(/^\r\x1b\[K\[0\/3\] \d+\.\ds a\.txt$/);
    expect(lines.at(-1)).toMatch(/^\r\x1b\[K\[3\/3\] \d+\.\ds empty\.txt$/);
    const failure = err.findIndex((s) => s.startsWith('guideline: empty.txt'));
    expect(err[failure]).toBe('guideline: empty.txt：空文件\n');
    // Cleared before the line that stays.
    expect(err[failure - 1]).toBe('\r\x1b[K');
  });

  it('diff: both sides', async () => {
    const { io, err } = tty();
    expect(await run(['diff', 'a.txt', 'b.txt', '--format', 'json'], io)).toBe(1);
    expect(err.filter((s) => /\[2\/2\]/.test(s))).toHaveLength(1);
    expect(err.at(-1)).toBe('\r\x1b[K');
  });

  it('not a terminal: nothing but the lines that stay', async () => {
    for (const argv of [
      ['export', 'a.txt', 'b.txt', '--out', 'y.csv'],
      ['history', 'a.txt', 'b.txt', '--out', 'g.json'],
      ['diff', 'a.txt', 'b.txt'],
    ]) {
      const io = fakeIo(dir, { env: {} });
      await run(argv, io);
      expect(io.err(), argv[0]).not.toContain('\r');
      expect(io.err(), argv[0]).not.toContain('\x1b');
    }
  });
});
