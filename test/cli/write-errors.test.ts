/**
 * Writes that the machine refuses (a full disk, a read-only file system, no permission): tests run
 * as any user, root included, so the refusal is made by the file system module, for the JSON of
 * one document only (the whole-file write or, for a file written piece by piece, its first piece). Each is one plain line naming the source and the output folder, exit 2, and
 * the document's JSON and Markdown appear together or not at all.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { run } from '../../src/cli/main.js';
import { fakeIo } from '../helpers/io.js';
import { seedBytes } from '../helpers/seed.js';

/** The error the next write of a file whose name holds `refuse.name` throws; none when `code` is null. */
const refuse: { code: string | null; name: string } = { code: null, name: '' };

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const writeFileSync = (...args: Parameters<typeof fs.writeFileSync>): void => {
    const [path] = args;
    if (refuse.code !== null && typeof path === 'string' && path.includes(refuse.name)) {
      throw Object.assign(new Error(`${refuse.code}: refused, open '${path}'`), { code: refuse.code, path });
    }
    fs.writeFileSync(...args);
  };
  // A file written piece by piece (the JSON, the Markdown, the page) is refused at its first write,
  // as a full disk refuses it: the file is there, empty, and must go.
  const refusedFds = new Set<number>();
  const openSync = (...args: Parameters<typeof fs.openSync>): number => {
    const fd = fs.openSync(...args);
    const [path] = args;
    if (refuse.code !== null && typeof path === 'string' && path.includes(refuse.name)) refusedFds.add(fd);
    else refusedFds.delete(fd);
    return fd;
  };
  const writeSync = ((fd: number, ...rest: unknown[]): number => {
    if (refuse.code !== null && refusedFds.has(fd)) throw Object.assign(new Error(`${refuse.code}: refused, write`), { code: refuse.code });
    return (fs.writeSync as (fd: number, ...rest: unknown[]) => number)(fd, ...rest);
  }) as typeof fs.writeSync;
  return { ...fs, default: { ...fs, writeFileSync, openSync, writeSync }, writeFileSync, openSync, writeSync };
});

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'guideline-write-'));
  mkdirSync(join(dir, 'corpus'));
  writeFileSync(join(dir, 'corpus', 'seed.txt'), seedBytes());
  refuse.code = null;
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('a write the machine refuses', () => {
  it.each([
    ['ENOSPC', 'the disk is full'],
    ['EROFS', 'the file system is read-only'],
    ['EACCES', 'permission denied'],
    ['EDQUOT', 'the disk quota is used up'],
  ])('%s: one line in words, exit 2, no Markdown without its JSON', async (code, words) => {
    refuse.code = code;
    refuse.name = '.seed.json.';
    const io = fakeIo(dir);
    expect(await run(['ingest', 'corpus/seed.txt'], io)).toBe(2);
    expect(io.err()).toBe(`guideline: corpus/seed.txt: cannot write its output to extracted: ${words}\n`);
    expect(io.err()).not.toMatch(/internal error|a bug/);
    expect(readdirSync(join(dir, 'extracted'))).toEqual([]);
  });

  it('the Markdown refused: the earlier pair goes with it (its source changed), no half pair stays', async () => {
    expect(await run(['ingest', 'corpus/seed.txt'], fakeIo(dir))).toBe(0);
    writeFileSync(join(dir, 'corpus', 'seed.txt'), `${seedBytes().toString('utf8')}\n附件：无\n`);
    refuse.code = 'ENOSPC';
    refuse.name = '.seed.md.';
    const io = fakeIo(dir);
    expect(await run(['ingest', 'corpus/seed.txt'], io)).toBe(2);
    expect(io.err().split('\n')[0]).toBe('guideline: corpus/seed.txt: cannot write its output to extracted: the disk is full');
    expect(readdirSync(join(dir, 'extracted'))).toEqual([]);
  });

  it('the page refused part-way (it is written piece by piece): no file of the set, no temporary file', async () => {
    expect(await run(['ingest', 'corpus/seed.txt'], fakeIo(dir))).toBe(0);
    writeFileSync(join(dir, 'corpus', 'seed.txt'), `${seedBytes().toString('utf8')}\n附件：无\n`);
    refuse.code = 'ENOSPC';
    refuse.name = '.seed.html.';
    const io = fakeIo(dir);
    expect(await run(['ingest', 'corpus/seed.txt'], io)).toBe(2);
    expect(io.err().split('\n')[0]).toBe('guideline: corpus/seed.txt: cannot write its output to extracted: the disk is full');
    // The earlier set was made from another version of the source, which now fails: it goes too.
    expect(readdirSync(join(dir, 'extracted'))).toEqual([]);
  });

  it('export: one line in words, exit 2', async () => {
    refuse.code = 'ENOSPC';
    refuse.name = '.all.csv.';
    const io = fakeIo(dir);
    expect(await run(['export', 'corpus', '--out', 'all.csv', '--format', 'csv'], io)).toBe(2);
    expect(io.err()).toBe('guideline: all.csv: cannot write: the disk is full\n');
    expect(readdirSync(dir)).toEqual(['corpus']);
  });
});
