/**
 * Batch safety: random input never crashes the batch or leaves a partial file, and an interrupted
 * batch (aborted, or killed outright) leaves every output written before the interruption valid.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { runs } from '../helpers/runs.js';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { Guideline } from '../../src/schema/guideline.js';
import { fakeIo } from '../helpers/io.js';
import { ROOT, seedBytes, seedText } from '../helpers/seed.js';

const SEED_LINES = seedText().split('\n');

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function corpus(): string {
  const dir = mkdtempSync(join(tmpdir(), 'guideline-batch-'));
  made.push(dir);
  mkdirSync(join(dir, 'corpus'));
  return dir;
}

function expectOnlyValidOutputs(dir: string): string[] {
  const names = readdirSync(join(dir, 'extracted'));
  expect(names.filter((n) => n.endsWith('.tmp'))).toEqual([]);
  const json = names.filter((n) => n.endsWith('.json'));
  for (const n of json) {
    Guideline.parse(JSON.parse(readFileSync(join(dir, 'extracted', n), 'utf8')));
    expect(existsSync(join(dir, 'extracted', n.replace(/\.json$/, '.md')))).toBe(true);
  }
  return json;
}

describe('batch safety', () => {
  it('random bytes and text: one line per failure, no partial file, the good seed always written', async () => {
    const input = fc.oneof(
      fc.uint8Array({ maxLength: 400 }),
      fc.string({ maxLength: 300 }).map((s) => Buffer.from(s)),
      fc.array(fc.constantFrom(...SEED_LINES), { maxLength: 120 }).map((ls) => Buffer.from(ls.join('\n'))),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(input, { minLength: 1, maxLength: 4 }), async (files) => {
        const dir = corpus();
        writeFileSync(join(dir, 'corpus', 'seed.txt'), seedBytes());
        files.forEach((bytes, i) => writeFileSync(join(dir, 'corpus', `f${i}.txt`), bytes));
        const io = fakeIo(dir);
        const code = await run(['ingest', '--json'], io);
        const summary = JSON.parse(io.out()) as { written: number; failed: number; results: { path: string; status: string; error?: string }[] };
        expect(code).toBe(summary.failed > 0 ? 1 : 0);
        const failures = io.err().split('\n').filter(Boolean);
        expect(failures).toHaveLength(summary.failed);
        for (const line of failures) expect(line).toMatch(/^guideline: corpus\/f\d\.txt: [^\n]+$/);
        const written = expectOnlyValidOutputs(dir);
        expect(written).toContain('seed.json');
        expect(written).toHaveLength(summary.written);
      }),
      { numRuns: runs(25) },
    );
  });

  it('an interrupted batch leaves every earlier output valid and says it was interrupted', async () => {
    const dir = corpus();
    for (let i = 0; i < 30; i++) writeFileSync(join(dir, 'corpus', `seed-${String(i).padStart(2, '0')}.txt`), seedBytes());
    const controller = new AbortController();
    const poll = setInterval(() => {
      const done = existsSync(join(dir, 'extracted')) ? readdirSync(join(dir, 'extracted')).filter((n) => n.endsWith('.json')).length : 0;
      if (done >= 3) controller.abort();
    }, 1);
    const io = fakeIo(dir, { signal: controller.signal });
    const code = await run(['ingest', '--concurrency', '1'], io);
    clearInterval(poll);
    expect(code).toBe(1);
    expect(io.err()).toMatch(/^interrupted: 30 documents: \d+ written, 0 skipped, 0 failed/m);
    const written = expectOnlyValidOutputs(dir);
    expect(written.length).toBeGreaterThanOrEqual(3);
    expect(written.length).toBeLessThan(30);
    // The next run picks up where this one stopped.
    const resumed = fakeIo(dir);
    expect(await run(['ingest'], resumed)).toBe(0);
    expect(resumed.err()).toContain(`30 documents: ${30 - written.length} written, ${written.length} skipped, 0 failed`);
  });

  it('a batch killed outright (SIGKILL, no chance to clean up) leaves every output valid; the next run finishes it', async () => {
    const dir = corpus();
    const n = 150;
    for (let i = 0; i < n; i++) writeFileSync(join(dir, 'corpus', `seed-${String(i).padStart(3, '0')}.txt`), seedBytes());
    // The built CLI (npm test builds before vitest), as a maintainer runs it.
    const child = spawn(process.execPath, [join(ROOT, 'dist/cli/bin.js'), 'ingest'], { cwd: dir, stdio: 'ignore' });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        const out = join(dir, 'extracted');
        if (existsSync(out) && readdirSync(out).filter((f) => f.endsWith('.json')).length >= 10) {
          clearInterval(poll);
          resolve();
        }
      }, 2);
    });
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    // Temporary files of writes cut short may be left; every finished output is whole.
    const names = readdirSync(join(dir, 'extracted'));
    const json = names.filter((f) => f.endsWith('.json'));
    for (const f of json) Guideline.parse(JSON.parse(readFileSync(join(dir, 'extracted', f), 'utf8')));
    expect(json.length).toBeGreaterThanOrEqual(10);
    expect(json.length).toBeLessThan(n);

    const resumed = fakeIo(dir);
    expect(await run(['ingest'], resumed)).toBe(0);
    expect(resumed.err()).toContain(`${n} documents: ${n - json.length} written, ${json.length} skipped, 0 failed`);
    expect(expectOnlyValidOutputs(dir)).toHaveLength(n);
  });
});
