/**
 * PDFs are read whatever the process around them: without pdf.js's optional canvas package,
 * with V8 flags the worker threads cannot take, and leaving the process's globals as they were.
 * Each case runs the built tool in a child process (`npm test` builds it first).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/seed.js';

const BIN = `${ROOT}dist/cli/bin.js`;
const PDF = `${ROOT}test/fixtures/pdf/2025-batch1-draft.pdfkit.pdf`;
const HIDE_CANVAS = `${ROOT}test/fixtures/env/hide-canvas.cjs`;
/** A text page and a scanned one (read by OCR): see test/load/ocr.test.ts. */
const MIXED = 'test/fixtures/pdf/2025-batch1-draft.mixed.pdf';
const dirs: string[] = [];
const tmp = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'guideline-env-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const ingest = (nodeArgs: readonly string[], cliArgs: readonly string[] = []) => {
  const out = tmp();
  const r = spawnSync(process.execPath, [...nodeArgs, BIN, 'ingest', PDF, '--out', out, ...cliArgs], { encoding: 'utf8', cwd: ROOT });
  return { ...r, json: (): { directions: unknown[] } => JSON.parse(readFileSync(join(out, '2025-batch1-draft.pdfkit.json'), 'utf8')) as { directions: unknown[] } };
};

describe('PDF reading and its environment', () => {
  it('needs no @napi-rs/canvas: the same output, no warning', () => {
    const plain = ingest([]);
    const hidden = ingest(['--require', HIDE_CANVAS]);
    expect(hidden.status, hidden.stderr).toBe(0);
    expect(hidden.stderr).not.toMatch(/Warning|DOMMatrix|canvas/);
    expect(hidden.json().directions).toEqual(plain.json().directions);
    expect(hidden.json().directions).toHaveLength(15);
  });

  it('also in-process (as a library), on the main thread', () => {
    const hidden = ingest(['--require', HIDE_CANVAS], ['--workers', '0']);
    expect(hidden.status, hidden.stderr).toBe(0);
    expect(hidden.json().directions).toHaveLength(15);
  });

  it('works whatever V8 flags the process was started with (they are not passed to the worker)', () => {
    for (const flags of [['--max-old-space-size=4096'], ['--stack-size=2000', '--no-warnings']]) {
      const r = ingest(flags);
      expect(r.status, `${flags.join(' ')}: ${r.stderr}`).toBe(0);
      expect(r.json().directions).toHaveLength(15);
    }
  });

  it('a scanned page without @napi-rs/canvas: one clear line, no crash', () => {
    const out = tmp();
    const r = spawnSync(process.execPath, ['--require', HIDE_CANVAS, BIN, 'ingest', MIXED, '--out', out, '--lang', 'en'], { encoding: 'utf8', cwd: ROOT });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(
      'guideline: test/fixtures/pdf/2025-batch1-draft.mixed.pdf: page 2 has no text layer, and reading it by OCR needs @napi-rs/canvas (an optional dependency of pdfjs-dist), which is not installed: npm install @napi-rs/canvas, or --ocr off\n',
    );
    // In Chinese by default: the file, why, what to do.
    const zh = spawnSync(process.execPath, ['--require', HIDE_CANVAS, BIN, 'ingest', MIXED, '--out', out, '--lang', 'zh'], { encoding: 'utf8', cwd: ROOT });
    expect(zh.stderr).toBe(
      'guideline: test/fixtures/pdf/2025-batch1-draft.mixed.pdf：第2页没有文字层，用 OCR 识别需要 @napi-rs/canvas（pdfjs-dist 的可选依赖），但它没有安装：npm install @napi-rs/canvas；或用 --ocr off 不做 OCR\n',
    );
  });

  it('OCR on the worker thread, with a V8 heap flag the worker cannot take', () => {
    const out = tmp();
    const r = spawnSync(process.execPath, ['--max-old-space-size=4096', BIN, 'ingest', MIXED, '--out', out, '--json'], { encoding: 'utf8', cwd: ROOT });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    const doc = JSON.parse(readFileSync(join(out, '2025-batch1-draft.mixed.json'), 'utf8')) as { document: { source: { ocr: { pages: { page: number }[] } } } };
    expect(doc.document.source.ocr.pages.map((p) => p.page)).toEqual([2]);
  });

  it('OCR as a library on the main thread: the globals as they were, and the process ends by itself', () => {
    const script = `
      const before = new Set(Object.getOwnPropertyNames(globalThis));
      const { loadBytes } = await import(${JSON.stringify(`${ROOT}dist/load/index.js`)});
      const { readFileSync } = await import('node:fs');
      const source = await loadBytes(readFileSync(${JSON.stringify(MIXED)}), 'x.pdf');
      console.log(JSON.stringify({ pages: source.ocr.pages.length, added: Object.getOwnPropertyNames(globalThis).filter((k) => !before.has(k)).sort() }));`;
    const r = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 60_000 })) as { pages: number; added: string[] };
    expect(r.pages).toBe(1);
    expect(r.added.filter((k) => k !== 'Iterator')).toEqual(['__core-js_shared__']);
  });

  // Named globals: Node's own lazily created symbols (undici's dispatcher, once pdf.js touches
  // `fetch`) are Node's, not the tool's.
  it('leaves the globals as they were, but for two that pdf.js uses while it reads', () => {
    const script = `
      const before = new Set(Object.getOwnPropertyNames(globalThis));
      const { loadBytes } = await import(${JSON.stringify(`${ROOT}dist/load/index.js`)});
      const { readFileSync } = await import('node:fs');
      for (let i = 0; i < 2; i++) await loadBytes(readFileSync(${JSON.stringify(PDF)}), 'x.pdf');
      console.log(JSON.stringify(Object.getOwnPropertyNames(globalThis).filter((k) => !before.has(k)).sort()));`;
    for (const args of [[], ['--require', HIDE_CANVAS]]) {
      const added = JSON.parse(execFileSync(process.execPath, [...args, '--input-type=module', '-e', script], { encoding: 'utf8' })) as string[];
      // `Iterator` is native from Node 22 on, so it is only added on Node 20.
      expect(added.filter((k) => k !== 'Iterator')).toEqual(['__core-js_shared__']);
    }
  });
});
