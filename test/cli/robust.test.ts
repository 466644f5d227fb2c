/**
 * Nothing lost, nothing hangs: output folders that cannot be made, named pipes among the inputs,
 * outputs that cannot be written, a file given twice, sources that turn bad, and the words each
 * of these is reported in. Every input is made here, in a temporary folder.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseArgs } from '../../src/cli/args.js';
import { interruptNotice, run } from '../../src/cli/main.js';
import { fakeIo } from '../helpers/io.js';
import { parseCsv } from '../helpers/xlsx.js';
import { ROOT, seedBytes } from '../helpers/seed.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'guideline-robust-'));
  mkdirSync(join(dir, 'corpus'));
  writeFileSync(join(dir, 'corpus', 'seed.txt'), seedBytes());
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const linux = process.platform === 'linux' && existsSync('/proc/self');
/** A named pipe at `path` (no writer: reading it would wait for ever). */
const fifo = (path: string): void => void execFileSync('mkfifo', [path]);

describe('an output folder that cannot be made', () => {
  it.runIf(linux)('under /proc: one line and exit 2, for every command, at once', async () => {
    const io = fakeIo(dir);
    expect(await run(['ingest', 'corpus/seed.txt', '-o', '/proc/guideline/out'], io)).toBe(2);
    expect(io.err()).toBe('guideline: /proc/guideline/out: cannot create the output folder: no folder can be made there\n');
    const exp = fakeIo(dir);
    expect(await run(['export', 'corpus', '--out', '/proc/guideline/all.csv', '--format', 'csv'], exp)).toBe(2);
    expect(exp.err()).toBe('guideline: /proc/guideline/all.csv: cannot write: no folder can be made there\n');
    const his = fakeIo(dir);
    expect(await run(['history', 'corpus', '--out', '/proc/guideline/h.json'], his)).toBe(2);
    expect(his.err().split('\n').at(-2)).toBe('guideline: /proc/guideline/h.json: cannot write: no folder can be made there');
    const sch = fakeIo(dir);
    expect(await run(['schema', '--out', '/proc/guideline/schemas'], sch)).toBe(2);
    expect(sch.err()).toBe('guideline: /proc/guideline/schemas: cannot write the schemas: no folder can be made there\n');
  }, 20_000);

  it('below a file: says a part of the path is a file', async () => {
    writeFileSync(join(dir, 'blocker'), 'x');
    const io = fakeIo(dir);
    expect(await run(['ingest', 'corpus/seed.txt', '-o', 'blocker/out'], io)).toBe(2);
    expect(io.err()).toBe('guideline: blocker/out: cannot create the output folder: a part of the path is a file, not a folder\n');
  });
});

describe.runIf(linux)('a named pipe among the inputs is refused, never read', () => {
  const line = 'is not a regular file (a named pipe, device or socket): not read';

  it('diff of a pipe named .json', async () => {
    expect(await run(['ingest', 'corpus/seed.txt'], fakeIo(dir))).toBe(0);
    fifo(join(dir, 'pipe.json'));
    const io = fakeIo(dir);
    expect(await run(['diff', 'extracted/seed.json', 'pipe.json'], io)).toBe(2);
    expect(io.err()).toBe(`guideline: pipe.json: ${line}\n`);
  }, 10_000);

  it('export and history of a folder holding one', async () => {
    fifo(join(dir, 'corpus', 'pipe.json'));
    const exp = fakeIo(dir);
    expect(await run(['export', 'corpus', '--out', 'all.csv', '--format', 'csv'], exp)).toBe(1);
    expect(exp.err()).toBe(`guideline: corpus/pipe.json: ${line}\nexported 15 directions of 1 document to all.csv; 1 input failed (see above) and is not in it\n`);
    const his = fakeIo(dir);
    expect(await run(['history', 'corpus', 'corpus/pipe.json', '--out', 'h.json'], his)).toBe(1);
    expect(his.err().split('\n')[0]).toBe(`guideline: corpus/pipe.json: ${line}`);
    expect(JSON.parse(readFileSync(join(dir, 'h.json'), 'utf8')).documents).toHaveLength(1);
  }, 10_000);

  it('ingest of a pipe named .txt', async () => {
    fifo(join(dir, 'corpus', 'pipe.txt'));
    const io = fakeIo(dir);
    expect(await run(['ingest'], io)).toBe(1);
    expect(io.err().split('\n')[0]).toBe(`guideline: corpus/pipe.txt: ${line}`);
  }, 10_000);
});

describe('an output that cannot be written', () => {
  it('a folder in the way of the JSON: one plain line, exit 2, and neither file of the pair', async () => {
    mkdirSync(join(dir, 'extracted', 'seed.json'), { recursive: true });
    const io = fakeIo(dir);
    expect(await run(['ingest', 'corpus/seed.txt'], io)).toBe(2);
    expect(io.err()).toBe('guideline: corpus/seed.txt: cannot write its output to extracted: is a folder, not a file\n');
    // The Markdown was renamed into place first: it went again with the JSON that failed.
    expect(readdirSync(join(dir, 'extracted'))).toEqual(['seed.json']);
  });

  it('diff --out to a folder: one plain line, exit 2', async () => {
    mkdirSync(join(dir, 'd.md'));
    const io = fakeIo(dir);
    expect(await run(['diff', 'corpus/seed.txt', 'corpus/seed.txt', '--out', 'd.md', '--format', 'md'], io)).toBe(2);
    expect(io.err()).toBe('guideline: d.md: cannot write: is a folder, not a file\n');
  });
});

describe('--prune that cannot remove a stale output', () => {
  it('says so in one line and exits 2, no stack trace', async () => {
    expect(await run(['ingest'], fakeIo(dir))).toBe(0);
    mkdirSync(join(dir, 'extracted', 'old.json'));
    const io = fakeIo(dir);
    expect(await run(['ingest', '--prune'], io)).toBe(2);
    expect(io.err()).toBe(
      'guideline: extracted/old.json: its source is gone from corpus/ (not removed: is a folder, not a file)\n1 document: 0 written, 1 skipped, 0 failed; 6 warnings; 1 stale output, 0 pruned\n',
    );
  });
});

describe('the same file given twice is read once', () => {
  it('ingest: by the same name, another name, and in its folder', async () => {
    const io = fakeIo(dir);
    expect(await run(['ingest', 'corpus/seed.txt', './corpus/seed.txt', 'corpus', `${dir}/corpus/seed.txt`, '--json'], io)).toBe(0);
    expect(JSON.parse(io.out())).toMatchObject({ documents: 1, written: 1, failed: 0 });
    expect(io.err()).toBe('');
  });

  it('export and history count it once', async () => {
    const exp = fakeIo(dir);
    expect(await run(['export', 'corpus/seed.txt', 'corpus', '--out', 'all.csv', '--format', 'csv'], exp)).toBe(0);
    expect(exp.err()).toBe('exported 15 directions of 1 document to all.csv\n');
    expect(parseCsv(readFileSync(join(dir, 'all.csv'), 'utf8'))).toHaveLength(16);
    const his = fakeIo(dir);
    expect(await run(['history', 'corpus', 'corpus/seed.txt', '--out', 'h.json'], his)).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'h.json'), 'utf8')).documents).toHaveLength(1);
  });
});

describe('a source that now fails', () => {
  it('has its earlier outputs removed, and says so', async () => {
    expect(await run(['ingest'], fakeIo(dir))).toBe(0);
    expect(readdirSync(join(dir, 'extracted')).sort()).toEqual(['seed.html', 'seed.json', 'seed.md']);
    writeFileSync(join(dir, 'corpus', 'seed.txt'), Buffer.from([0x41, 0xff, 0xfe, 0x00, 0x01, 0x02, 0x03]));
    const io = fakeIo(dir);
    expect(await run(['ingest'], io)).toBe(1);
    const lines = io.err().split('\n');
    expect(lines[0]).toMatch(/^guideline: corpus\/seed\.txt: /);
    expect(lines[1]).toBe('guideline: extracted/seed.json, .md, .html: removed (made from an earlier version of corpus/seed.txt, which now fails)');
    expect(readdirSync(join(dir, 'extracted'))).toEqual([]);
    // export of the folder no longer finds it.
    const exp = fakeIo(dir);
    expect(await run(['export', 'extracted', '--out', 'all.csv', '--format', 'csv'], exp)).toBe(1);
  });

  it('but not when its output name is another source’s', async () => {
    mkdirSync(join(dir, 'corpus', 'b'));
    writeFileSync(join(dir, 'corpus', 'b', 'seed.txt'), seedBytes());
    const io = fakeIo(dir);
    expect(await run(['ingest'], io)).toBe(1);
    expect(readdirSync(join(dir, 'extracted')).sort()).toEqual(['seed.html', 'seed.json', 'seed.md']);
  });
});

describe('wording', () => {
  it.runIf(linux)('a loop of symbolic links is said in words, not as ELOOP', async () => {
    symlinkSync('loop.txt', join(dir, 'loop.txt'));
    const io = fakeIo(dir);
    expect(await run(['ingest', 'loop.txt'], io)).toBe(1);
    expect(io.err()).toBe('guideline: loop.txt: cannot read: a loop of symbolic links\n');
  });

  it('a folder given by an absolute path: its files are printed under it, as given', async () => {
    const other = mkdtempSync(join(tmpdir(), 'guideline-cwd-'));
    try {
      writeFileSync(join(dir, 'corpus', 'empty.txt'), '');
      const io = fakeIo(other);
      expect(await run(['ingest', `${dir}/corpus`, '-o', 'out'], io)).toBe(1);
      expect(io.err().split('\n')[0]).toBe(`guideline: ${dir}/corpus/empty.txt: empty file`);
      const doc = JSON.parse(readFileSync(join(other, 'out', 'seed.json'), 'utf8'));
      expect(doc.document.source.path).toBe(`${dir}/corpus/seed.txt`);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('--strict on a single file says why it exits 1', async () => {
    const io = fakeIo(dir);
    expect(await run(['ingest', 'corpus/seed.txt', '--strict'], io)).toBe(1);
    expect(io.err()).toBe('guideline: --strict: 6 warnings in 1 file (corpus/seed.txt), so exit 1 (--verbose lists them)\n');
    const zh = fakeIo(dir, { env: {} });
    expect(await run(['ingest', 'corpus/seed.txt', '--strict', '--force'], zh)).toBe(1);
    expect(zh.err()).toBe('guideline: --strict：1个文件共有6项警告（corpus/seed.txt），因此以 1 退出；--verbose 列出全部\n');
  });

  it('-j and --jobs are --concurrency', () => {
    for (const args of [['-j', '3'], ['--jobs', '3'], ['--jobs=3'], ['--concurrency', '3']]) {
      expect(parseArgs(['ingest', ...args])).toMatchObject({ command: 'ingest', concurrency: 3 });
    }
    // Every command that reads sources takes them, with --ocr and --timeout-ms (one parser).
    expect(parseArgs(['export', 'x', '-j', '2', '--out', 'a.csv'])).toMatchObject({ command: 'export', concurrency: 2 });
    expect(parseArgs(['history', 'x', '--jobs=2', '--ocr', 'off'])).toMatchObject({ command: 'history', concurrency: 2, ocr: 'off' });
    expect(parseArgs(['diff', 'a', 'b', '-j', '1', '--ocr', 'force', '--timeout-ms', '9'])).toMatchObject({ command: 'diff', concurrency: 1, ocr: 'force', timeoutMs: 9 });
    expect(() => parseArgs(['diff', 'a', 'b', '--ocr', 'maybe'])).toThrow("--ocr expects auto, force or off, got 'maybe'");
    expect(() => parseArgs(['export', 'x', '--jobs', '0', '--out', 'a.csv'])).toThrow("--jobs expects a whole number from 1 and up, got '0'");
  });

  it('the first Ctrl-C says the batch stops after the current document', async () => {
    for (let i = 0; i < 200; i++) writeFileSync(join(dir, 'corpus', `seed-${String(i).padStart(3, '0')}.txt`), seedBytes());
    // The built CLI (npm test builds before vitest), as a person runs it.
    const child = spawn(process.execPath, [join(ROOT, 'dist/cli/bin.js'), 'ingest', '-j', '1'], {
      cwd: dir,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, LC_ALL: 'en_US.UTF-8', LANG: 'en_US.UTF-8' },
    });
    let err = '';
    child.stderr.on('data', (b: Buffer) => (err += b.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        const out = join(dir, 'extracted');
        if (existsSync(out) && readdirSync(out).some((f) => f.endsWith('.json'))) {
          clearInterval(poll);
          resolve();
        }
      }, 2);
    });
    child.kill('SIGINT');
    expect(await exited).toBe(1);
    const lines = err.split('\n').filter((l) => l !== '');
    expect(lines[0]).toBe(interruptNotice([], { LANG: 'en_US.UTF-8' }));
    expect(lines[0]).toBe('guideline: stopping after the current document (Ctrl-C again stops at once)');
    expect(interruptNotice([], {})).toBe('guideline: 正在停止：处理完当前文档后停止（再按一次 Ctrl-C 立即停止）');
    expect(lines.at(-1)).toMatch(/^interrupted: 201 documents: \d+ written, 0 skipped, 0 failed; \d+ warnings$/);
  }, 60_000);
});
