/**
 * The worker-thread pool runs the compiled pipeline (`dist/`, built by `npm test` before vitest):
 * same bytes out as in-thread processing, failures as one-line errors, hard time limit.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { DocumentPool as PoolType } from '../src/pool.js';
import { loadBytes } from '../src/load/index.js';
import { processSource, render } from '../src/pipeline.js';
import { toJson } from '../src/report/index.js';
import { ROOT, SEED_PATH, seedBytes } from './helpers/seed.js';

const { DocumentPool } = (await import(`${ROOT}dist/pool.js`)) as { DocumentPool: typeof PoolType };
const fixture = (name: string): Buffer => readFileSync(`${ROOT}test/fixtures/pdf/${name}`);

/**
 * The CFF rendition with three 50-byte stretches of its streams overwritten: pdf.js then spends
 * ~10 s in its CFF parser, in one synchronous stretch that no timer inside the thread can cut.
 */
function stuckPdf(): Uint8Array {
  const bytes = new Uint8Array(fixture('2025-batch1-draft.pdfkit-cff.pdf'));
  for (const at of [54648, 173543, 113529]) bytes.fill(0x30, at, at + 50);
  return bytes;
}

/** The seed with its directions repeated `times` times, numbered on (1.1 … 1.99, 2.1 …): one long guideline. */
function longSeed(times: number): string {
  const lines = seedBytes().toString('utf8').split('\n');
  const first = lines.findIndex((l) => /^1\.1/.test(l));
  const out = lines.slice(0, first);
  let n = 0;
  for (let c = 0; c < times; c++) {
    for (const line of lines.slice(first)) {
      if (!/^\s?\d\.\d\s?中国/.test(line)) {
        out.push(line);
        continue;
      }
      n++;
      out.push(line.replace(/^(\s?)\d\.\d/, `$1${1 + Math.floor((n - 1) / 99)}.${((n - 1) % 99) + 1}`));
    }
  }
  return out.join('\n');
}

describe('DocumentPool', () => {
  it('is usable from the build, and gives the bytes in-thread processing gives', async () => {
    expect(DocumentPool.usable()).toBe(true);
    const pool = new DocumentPool(2);
    try {
      const jobs: [Uint8Array, string][] = [
        [fixture('2025-batch1-draft.pdfkit.pdf'), 'a.pdf'],
        [seedBytes(), SEED_PATH],
        [fixture('2025-batch1-draft.libreoffice.pdf'), 'b.pdf'],
      ];
      const results = await Promise.all(jobs.map(([bytes, path]) => pool.process(bytes, path)));
      for (const [k, [bytes, path]] of jobs.entries()) {
        const source = await loadBytes(bytes, path);
        const local = render(processSource(source));
        expect(toJson(results[k]!.doc)).toBe(local.json);
        expect(results[k]!.markdown).toBe(local.markdown);
        expect(results[k]!.text).toBe(source.text);
      }
      expect(results[1]!.warnings).toBe(6);
    } finally {
      await pool.close();
    }
  });

  it('stops a PDF that keeps pdf.js busy past the time limit without a pause, and goes on', { timeout: 8_000 }, async () => {
    const stuck = stuckPdf();
    const pool = new DocumentPool(1, { graceMs: 300 });
    try {
      await expect(pool.process(stuck, 'stuck.pdf', { timeoutMs: 200 })).rejects.toMatchObject({ code: 'timeout' });
      expect((await pool.process(seedBytes(), 'seed.txt')).warnings).toBe(6);
    } finally {
      await pool.close();
    }
  });

  it('gives each document asked for in one turn a worker of its own, up to its size; the others wait', async () => {
    const pool = new DocumentPool(2);
    const slots = (pool as unknown as { slots: { worker: { threadId: number }; busy: boolean }[] }).slots;
    try {
      const jobs = [0, 1, 2].map(() => pool.process(seedBytes(), SEED_PATH));
      await new Promise((resolve) => setImmediate(resolve));
      // Two workers, both busy (before, the second and third shared the first one's new worker).
      expect(slots.length).toBe(2);
      expect(slots.every((s) => s.busy)).toBe(true);
      expect(new Set(slots.map((s) => s.worker.threadId)).size).toBe(2);
      expect((await Promise.all(jobs)).map((r) => r.warnings)).toEqual([6, 6, 6]);
    } finally {
      await pool.close();
    }
  });

  it('passes failures back as one-line errors, and keeps working after them', async () => {
    const pool = new DocumentPool(1);
    try {
      await expect(pool.process(fixture('encrypted.pdf'), 'x.pdf')).rejects.toMatchObject({ code: 'pdf-encrypted', message: 'encrypted PDF: it needs a password to open' });
      await expect(pool.process(Buffer.from('不是指南'), 'x.txt')).rejects.toMatchObject({ code: 'not-a-guideline' });
      await expect(pool.process(fixture('2025-batch1-draft.libreoffice.pdf'), 'x.pdf', { timeoutMs: 1 })).rejects.toMatchObject({ code: 'timeout' });
      expect((await pool.process(seedBytes(), 'seed.txt')).warnings).toBe(6);
    } finally {
      await pool.close();
    }
  });

  it('fails a document that needs more memory than a worker may use, in one line, and goes on', { timeout: 180_000 }, async () => {
    const pool = new DocumentPool(1, { memoryMb: 48 });
    try {
      await expect(pool.process(Buffer.from(longSeed(100)), 'long.txt')).rejects.toMatchObject({
        code: 'out-of-memory',
        message: 'too large to process: reading it needs more memory than a worker thread may use (48 MB)',
      });
      // A new worker takes the next document.
      expect((await pool.process(seedBytes(), 'seed.txt')).warnings).toBe(6);
    } finally {
      await pool.close();
    }
    expect(() => new DocumentPool(1, { memoryMb: 0 })).toThrow('Expected `memoryMb` to be a whole number from 1 and up, got `0`');
  });

  it('raises its hard limit when a PDF has pages to read by OCR, as the worker does; progress per page', async () => {
    const pool = new DocumentPool(1, { graceMs: 1_000 });
    try {
      // 1.5 s for the PDF; its two scanned pages raise the limit to 2.5 s, which the worker's own
      // timer enforces (reading them takes ~5 s). Without the raise the pool would have stopped the
      // worker at 2.5 s with the 1.5 s message.
      const seen: number[] = [];
      const e = await pool.process(fixture('2025-batch1-draft.scan.pdf'), 'scan.pdf', { timeoutMs: 1_500 }, (p) => seen.push(p.limitMs)).then(
        () => null,
        (error: Error) => error,
      );
      expect(e?.message).toBe('took longer than 2500 ms: gave up');
      expect(seen[0]).toBe(2_500);
    } finally {
      await pool.close();
    }
  });
});

describe('the CLI, as built', () => {
  // Each test's time-out is below the ~10 s `stuckPdf()` keeps pdf.js busy, so a PDF read on the
  // main thread fails it.
  const dir = mkdtempSync(join(tmpdir(), 'guideline-stuck-'));
  mkdirSync(join(dir, 'corpus'));
  writeFileSync(join(dir, 'corpus', 'stuck.pdf'), stuckPdf());
  writeFileSync(join(dir, 'corpus', 'seed.txt'), seedBytes());
  writeFileSync(join(dir, 'corpus', 'draft.pdf'), fixture('2025-batch1-draft.pdfkit.pdf'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, [join(ROOT, 'dist/cli/bin.js'), ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, LC_ALL: '', LC_MESSAGES: '', LANG: 'C.UTF-8' } });

  // (The limit leaves a sound PDF room on a busy machine: at 1,000 ms the seed's PDF ran past it once
  // while other jobs kept both cores busy.)
  it('ingest puts PDFs on a worker by default: a stuck PDF fails on its time limit and the batch goes on', { timeout: 20_000 }, () => {
    const res = cli('ingest', '--timeout-ms', '5000');
    expect(res.status).toBe(1);
    expect(res.stderr.split('\n')).toEqual([
      // In Chinese, the default where the locale is not English: the file, why, what helps.
      'guideline: corpus/stuck.pdf：处理超过5000毫秒，已放弃（--timeout-ms 可放宽时限）',
      '3个文件：写出2个，跳过0个，失败1个；警告12条',
      '',
    ]);
    expect(readdirSync(join(dir, 'extracted')).sort()).toEqual(['draft.html', 'draft.json', 'draft.md', 'seed.html', 'seed.json', 'seed.md']);
  });

  it('says in Chinese (or with --lang en) that a document is too large for a worker\'s memory', { timeout: 180_000 }, () => {
    writeFileSync(join(dir, 'long.txt'), longSeed(100));
    const res = cli('ingest', 'long.txt', '--workers', '1', '--worker-memory-mb', '48', '-o', 'out-long');
    expect([res.status, res.stderr]).toEqual([1, 'guideline: long.txt：太大，无法处理：读取它所需的内存超过了一个工作线程的上限（48 MB）（--worker-memory-mb 可提高上限）\n']);
    const en = cli('ingest', 'long.txt', '--workers', '1', '--worker-memory-mb', '48', '-o', 'out-long', '--lang', 'en');
    expect(en.stderr).toBe('guideline: long.txt: too large to process: reading it needs more memory than a worker thread may use (48 MB) (--worker-memory-mb raises it)\n');
    expect(readdirSync(join(dir, 'out-long'))).toEqual([]);
  });

  it('diff reads PDFs the same way: one line, exit 2, within the limit; a sound PDF diffs as before', { timeout: 8_000 }, () => {
    const res = cli('diff', 'corpus/seed.txt', 'corpus/stuck.pdf', '--timeout-ms', '1000');
    expect([res.status, res.stderr]).toEqual([2, 'guideline: corpus/stuck.pdf：处理超过1000毫秒，已放弃（--timeout-ms 可放宽时限）\n']);
    expect(cli('diff', 'corpus/seed.txt', 'corpus/draft.pdf').status).toBe(0);
  });
});
