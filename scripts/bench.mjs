#!/usr/bin/env node
// Benchmark: `npm run bench` (builds first). Not a test: it prints a table and asserts nothing.
// Builds its inputs from corpus/ and test/fixtures/pdf/; writes only under a temporary folder.
//
//   text      documents/s and MB/s through the whole pipeline to validated JSON (and with Markdown),
//             over a batch of ≥ 1,000 seed-sized documents, one process, after warm-up
//   stages    ms per seed-sized document in each stage (the profile behind the text figures)
//   e2e       what a user waits for: `guideline ingest` of 300 seed-sized texts, timed from
//             starting the process to its exit (JSON + Markdown written); `--help` and one document
//   scaling   one document at 1×, 10× and 100× the seed's length: time per MB must stay flat
//   diff      seed vs an edited copy; 100× vs 100× edited
//   history   50 versions × 50 directions built in memory from the seed (scripts/bench-history.mjs,
//             which also runs alone): the dataset, and the HTML page
//   pdf       pages/s for the PDF fixtures, and pdftotext on the same files when installed
//   memory    peak RSS of a 1,000-document `guideline ingest` batch (a child process)
//   large     one long text (1, 5, 10 and 45 MB: a call of the seed's kind, thousands of directions
//             numbered 1.1.1 … 78.9.3, scripts/large-text.mjs) through `guideline ingest` in a
//             child process: seconds per MB and peak RSS against the bound of issue 25
//             (250 MB + 6 × the input)
//   worker    each PDF fixture read on a worker thread of its own: the worker's heap after it
//             (V8's committed heap, its high-water mark) and the typed arrays outside it
//   ocr       a scanned rendition of the corpus PDF made here (200 dpi, turned under 1°, specked,
//             JPEG; scripts/scan-rendition.mjs): characters right against its text layer, figures
//             changed, changes no check flags; seconds per page in one process, and `guideline
//             ingest` of two scanned documents with --workers 1 and 2 (s/page, CPU s/page, peak RSS)
//
//   --quick         a smaller run
//   --only SECTION  run one section (text, stages, e2e, scaling, diff, history, pdf, batch, memory,
//                   large, worker, ocr)
//   --sizes 1,10    the sizes of the large section, in MB (default 1,5,10,45; --quick 1,10)
//   --repeat N      run each `guideline ingest` of the ocr section N times (default 1): every run is
//                   printed with the machine's load beside it, then the fastest and the highest peak
//
// The machine may be shared: beside each timed child process the ocr section prints the load
// average and how busy the cores were with other work while it ran (all the cores' busy time from
// /proc/stat, less the child's own CPU time, over the wall time × the cores). A wall time measured
// while others kept the cores busy says little; the CPU seconds say more, though they too rise when
// the cores are shared.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { largeText } from './large-text.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const dist = (p) => join(ROOT, 'dist', p);
const { loadBytes } = await import(dist('load/index.js'));
const { processSource, render } = await import(dist('pipeline.js'));
const { toJson } = await import(dist('report/index.js'));
const { useSynchronousInflate } = await import(dist('load/pdfjs.js'));
const diffModule = existsSync(dist('diff/index.js')) ? await import(dist('diff/index.js')) : null;

const args = new Set(process.argv.slice(2));
const quick = args.has('--quick');
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt > 0 ? process.argv[onlyAt + 1] : null;
const want = (section) => only === null || only === section;
const BATCH = quick ? 200 : 1000;

const seed = readFileSync(join(ROOT, 'corpus/2025-batch1-draft.txt'), 'utf8');
const mb = (bytes) => bytes / 1e6;
const fmt = (n, d = 1) => n.toFixed(d);
const now = () => performance.now();

/** The seed with its directions repeated `times` times, renumbered 1.1 … 1.99, 2.1 …, titles kept. */
function scaled(times) {
  const lines = seed.split('\n');
  const first = lines.findIndex((l) => /^1\.1/.test(l));
  const head = lines.slice(0, first);
  const body = lines.slice(first);
  let n = 0;
  const out = [...head];
  for (let c = 0; c < times; c++) {
    for (const line of body) {
      const m = /^(\s?)(\d)\.(\d)(\s?)(中国)/.exec(line);
      if (m) {
        n++;
        const id = `${1 + Math.floor((n - 1) / 99)}.${((n - 1) % 99) + 1}`;
        out.push(line.replace(/^(\s?)\d\.\d/, `$1${id}`));
      } else out.push(line);
    }
  }
  return out.join('\n');
}

/** A copy of `text` with a few values changed, for the diff benchmark. */
const edited = (text) => text.replace(/800万元人民币/g, '900万元人民币').replace(/拟支持项目数：6个/g, '拟支持项目数：7个');

async function ingest(text, path = 'bench.txt') {
  return processSource(await loadBytes(Buffer.from(text), path));
}

function time(fn, minMs = 300) {
  // Repeat until at least `minMs` have passed; report ms per call.
  let calls = 0;
  const start = now();
  do {
    fn();
    calls++;
  } while (now() - start < minMs);
  return (now() - start) / calls;
}

async function timeAsync(fn, minMs = 300) {
  let calls = 0;
  const start = now();
  do {
    await fn();
    calls++;
  } while (now() - start < minMs);
  return (now() - start) / calls;
}

const rows = [];

/** All the cores' busy and total time so far (/proc/stat, in clock ticks); null where there is none. */
function cpuTicks() {
  try {
    const [, ...f] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
    const idle = f[3] + f[4];
    const total = f.slice(0, 8).reduce((a, b) => a + b, 0);
    return { busy: total - idle, total };
  } catch {
    return null;
  }
}
const loadavg = () => (existsSync('/proc/loadavg') ? readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ') : 'n/a');
/** How busy the cores were with work other than `childCpu` (seconds) between two `cpuTicks()`, in %. */
function othersBusy(t0, t1, childCpu) {
  if (!t0 || !t1 || t1.total === t0.total) return null;
  const share = (t1.busy - t0.busy) / (t1.total - t0.total);
  const wallTimesCores = (t1.total - t0.total) / 100; // USER_HZ 100
  return Math.max(0, Math.round(100 * (share - childCpu / wallTimesCores)));
}

/**
 * Runs `guideline ingest --force` on `work/corpus` in a child process: exit code, seconds, peak RSS
 * (KiB). The peak is the child's own high-water mark (`VmHWM` in /proc/self/status): on Linux, a
 * child's `getrusage` maxRSS starts from its parent's peak at the fork, so every child of this
 * process, after the ocr section's in-process reading had taken it to ~780 MB, reported at least
 * that (issue 22's 764 MB "for 1 and for 2 workers" was the benchmark's own peak). Elsewhere,
 * `resourceUsage().maxRSS`.
 */
function batch(work, extra) {
  const child = `
    const { readFileSync } = await import('node:fs');
    const hwm = () => { try { return Number(/^VmHWM:\\s+(\\d+)/m.exec(readFileSync('/proc/self/status', 'utf8'))[1]); } catch { return process.resourceUsage().maxRSS; } };
    const { run } = await import(${JSON.stringify(dist('cli/main.js'))});
    const { useSynchronousInflate } = await import(${JSON.stringify(dist('load/pdfjs.js'))});
    useSynchronousInflate(); // as bin.ts does
    const t = performance.now();
    const code = await run(['ingest', '--json', '--force', ...${JSON.stringify(extra)}], { stdout: { write() {} }, stderr: { write() {} }, cwd: ${JSON.stringify(work)} });
    const u = process.cpuUsage();
    console.log(JSON.stringify({ code, secs: (performance.now() - t) / 1000, maxRSS: hwm(), cpu: (u.user + u.system) / 1e6 }));`;
  const load = loadavg();
  const ticks = cpuTicks();
  const t0 = now();
  const res = spawnSync(process.execPath, ['--input-type=module', '-e', child], { encoding: 'utf8' });
  const wall = (now() - t0) / 1000;
  const last = res.stdout.trim().split('\n').pop();
  if (res.status !== 0 || !last) throw new Error(`batch child failed: ${res.stderr.split('\n')[0]}`);
  const r = JSON.parse(last);
  return { ...r, wall, load, others: othersBusy(ticks, cpuTicks(), r.cpu) };
}

/** Runs the built CLI as a user does, timed from starting the process to its exit. */
function cli(args, cwd) {
  const t0 = now();
  const res = spawnSync(process.execPath, [dist('cli/bin.js'), ...args], { cwd, encoding: 'utf8' });
  return { code: res.status, secs: (now() - t0) / 1000 };
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const row = (section, what, value, unit, note = '') => rows.push({ section, what, value, unit, note });

// ---- text batch -------------------------------------------------------------------------------
if (want('text')) {
  // Seed-sized documents that differ from each other (so nothing can be cached between them).
  const docs = Array.from({ length: BATCH }, (_, i) => Buffer.from(seed.replace('4个。', `${(i % 9) + 1}个。`)));
  const bytes = docs.reduce((a, d) => a + d.length, 0);
  for (let i = 0; i < 50; i++) toJson(processSource(await loadBytes(docs[i], 'w.txt'))); // warm-up
  let start = now();
  for (const d of docs) toJson(processSource(await loadBytes(d, 'b.txt')));
  let secs = (now() - start) / 1000;
  row('text', `${BATCH} docs → validated JSON`, fmt(BATCH / secs, 0), 'docs/s', `${fmt(mb(bytes) / secs)} MB/s`);
  start = now();
  for (const d of docs.slice(0, Math.min(BATCH, 300))) render(processSource(await loadBytes(d, 'b.txt')));
  secs = (now() - start) / 1000;
  const n = Math.min(BATCH, 300);
  row('text', `${n} docs → JSON + Markdown`, fmt(n / secs, 0), 'docs/s', `${fmt(mb(n * docs[0].length) / secs)} MB/s`);
}

// ---- stages: where the time of one document goes ------------------------------------------------
/** The stage functions, from the build. */
const stageModules = async () => ({
  clean: (await import(dist('clean/index.js'))).clean,
  reflow: (await import(dist('reflow/index.js'))).reflow,
  segment: (await import(dist('segment/index.js'))).segment,
  extract: (await import(dist('extract/index.js'))).extract,
  validate: (await import(dist('validate/index.js'))).validate,
  toMarkdown: (await import(dist('report/index.js'))).toMarkdown,
});
/**
 * Adds the time each stage takes on `bytes` to `t` (ms by stage name): the pipeline of
 * `processSource` and `render`, stage by stage (the Markdown unless `markdown` is false).
 */
async function timeStages(stages, bytes, t, markdown = true) {
  let a = now();
  const lap = (k) => {
    const b = now();
    t[k] = (t[k] ?? 0) + (b - a);
    a = b;
  };
  const source = await loadBytes(bytes, 'b.txt');
  lap('load');
  const cleaned = stages.clean(source);
  lap('clean');
  const paragraphs = stages.reflow(cleaned);
  lap('reflow');
  const segmented = stages.segment(paragraphs);
  lap('segment');
  const extracted = stages.extract(segmented, cleaned.layout, source.text);
  lap('extract');
  const doc = stages.validate({ source, cleaned, segmented, extracted });
  lap('validate');
  toJson(doc);
  lap('JSON text');
  if (!markdown) return;
  stages.toMarkdown(doc);
  lap('Markdown');
}

if (want('stages')) {
  const stages = await stageModules();
  const n = quick ? 300 : 1000;
  const docs = Array.from({ length: n }, (_, i) => Buffer.from(seed.replace('4个。', `${(i % 9) + 1}个。`)));
  for (const d of docs) await timeStages(stages, d, {}); // warm-up
  const t = {};
  for (const d of docs) await timeStages(stages, d, t);
  const total = Object.values(t).reduce((x, y) => x + y, 0);
  for (const [k, v] of Object.entries(t)) row('stages', `${k} (seed-sized document)`, fmt(v / n, 2), 'ms', `${fmt((100 * v) / total, 0)}%`);
  row('stages', 'all stages', fmt(total / n, 2), 'ms', `${fmt(mb(docs[0].length) / (total / n / 1000), 1)} MB/s; to validated JSON ${fmt(mb(docs[0].length) / ((total - t.Markdown) / n / 1000), 1)} MB/s`);
}

// ---- e2e: the command as a user runs it ---------------------------------------------------------
if (want('e2e')) {
  const work = mkdtempSync(join(tmpdir(), 'guideline-bench-e2e-'));
  mkdirSync(join(work, 'corpus'));
  mkdirSync(join(work, 'one'));
  const n = 300;
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    const text = seed.replace('4个。', `${(i % 9) + 1}个。`);
    bytes += Buffer.byteLength(text);
    writeFileSync(join(work, 'corpus', `doc-${String(i).padStart(4, '0')}.txt`), text);
  }
  writeFileSync(join(work, 'one', 'seed.txt'), seed);
  const help = median(Array.from({ length: 7 }, () => cli(['--help'], work).secs));
  row('e2e', 'guideline --help', fmt(help * 1000, 0), 'ms', 'process start to exit, median of 7');
  const one = median(Array.from({ length: 5 }, () => cli(['ingest', 'one', '-o', 'out-one', '--force', '--quiet'], work).secs));
  row('e2e', 'guideline ingest, 1 seed-sized text', fmt(one * 1000, 0), 'ms', 'process start to exit, JSON + Markdown written; median of 5');
  const runs = quick ? 2 : 3;
  const batchRuns = Array.from({ length: runs }, () => cli(['ingest', 'corpus', '-o', 'out', '--force', '--quiet'], work));
  const secs = median(batchRuns.map((r) => r.secs));
  row('e2e', `guideline ingest, ${n} seed-sized texts (exit ${batchRuns[0].code})`, fmt(mb(bytes) / secs, 1), 'MB/s', `${fmt(secs, 2)} s, ${fmt((secs * 1000) / n, 1)} ms/doc; process start to exit, JSON + Markdown written; median of ${runs}`);
  rmSync(work, { recursive: true, force: true });
}

// ---- scaling ----------------------------------------------------------------------------------
const big = {};
if (want('scaling') || want('diff')) for (const times of [1, 10, 100]) {
  const text = scaled(times);
  big[times] = text;
  const buf = Buffer.from(text);
  const ms = await timeAsync(async () => toJson(processSource(await loadBytes(buf, 's.txt'))), times === 100 ? 3000 : 1000);
  // The same, stage by stage: a stage that grows faster than its input shows here.
  const stages = await stageModules();
  const st = {};
  let reps = 0;
  const until = now() + (times === 100 ? 3000 : 1000);
  while (now() < until) {
    await timeStages(stages, buf, st, false); // to validated JSON, as the figure above
    reps++;
  }
  const perStage = Object.entries(st).map(([k, v]) => `${k} ${fmt(v / reps / mb(buf.length), 0)}`).join(', ');
  row('scaling', `${times}× seed (${fmt(mb(buf.length), 2)} MB, ${15 * times} directions)`, fmt(ms, 1), 'ms', `${fmt(ms / mb(buf.length), 1)} ms/MB; by stage (ms/MB): ${perStage}`);
}

// ---- diff -------------------------------------------------------------------------------------
if (!want('diff')) {
  // skipped
} else if (diffModule) {
  for (const times of [1, 100]) {
    const a = await ingest(big[times]);
    const b = await ingest(edited(big[times]));
    const ms = time(() => diffModule.diff(a, b), times === 100 ? 3000 : 1000);
    row('diff', `${times}× seed vs edited (${a.directions.length} directions)`, fmt(ms, 2), 'ms');
  }
} else {
  row('diff', 'diff module not built', '—', '', 'skipped');
}

// ---- history ----------------------------------------------------------------------------------
if (!want('history')) {
  // skipped
} else if (existsSync(dist('history/index.js'))) {
  const { historyRows } = await import('./bench-history.mjs');
  for (const r of await historyRows(await ingest(seed))) row(r.section, r.what, r.value, r.unit, r.note);
} else {
  row('history', 'history module not built', '—', '', 'skipped');
}

// ---- PDF --------------------------------------------------------------------------------------
if (want('pdf')) {
  const dir = join(ROOT, 'test/fixtures/pdf');
  const pdfs = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.pdf') && !/encrypted|scanned|scan\.|mixed|corrupt|not-a/.test(f)) : [];
  const hasPdftotext = spawnSync('pdftotext', ['-v']).status === 0;
  for (const f of pdfs) {
    const bytes = readFileSync(join(dir, f));
    let doc;
    try {
      doc = await ingest(bytes, f);
    } catch (e) {
      row('pdf', f, 'failed', '', String(e.message));
      continue;
    }
    const pages = doc.document.source.pages ?? 1;
    await ingest(bytes, f); // warm-up
    // pdf.js inflating through DecompressionStream (its default in Node), then with its own
    // synchronous inflater, as the CLI runs it (see useSynchronousInflate).
    const streamsMs = await timeAsync(async () => toJson(processSource(await loadBytes(bytes, f))), 2000);
    const restore = useSynchronousInflate();
    await ingest(bytes, f);
    const ms = await timeAsync(async () => toJson(processSource(await loadBytes(bytes, f))), 2000);
    restore();
    let note = 'pdftotext not installed (apt-get install poppler-utils)';
    if (hasPdftotext) {
      const runs = 10;
      const t0 = now();
      for (let i = 0; i < runs; i++) execFileSync('pdftotext', ['-layout', join(dir, f), '-'], { stdio: ['ignore', 'ignore', 'ignore'] });
      const pt = (now() - t0) / runs;
      note = `pdftotext ${fmt(pt, 1)} ms (${fmt(pages / (pt / 1000), 0)} pages/s); ratio ${fmt(ms / pt, 2)}×`;
    }
    row('pdf', `${f} (${pages} pages) → validated JSON`, fmt(pages / (ms / 1000), 0), 'pages/s', `${fmt(ms, 1)} ms/doc (${fmt(streamsMs, 1)} with DecompressionStream); ${note}`);
  }
}

// ---- PDF batch: `guideline ingest` over copies of the fixtures vs pdftotext over the same files --
if (want('batch')) {
  const dir = join(ROOT, 'test/fixtures/pdf');
  // Every rendition of the draft (five producers and font technologies), copied `copies` times.
  const fixtures = existsSync(dir) ? readdirSync(dir).filter((f) => /^2025-batch1-draft\..*\.pdf$/.test(f) && !/\.(scan|mixed)\.pdf$/.test(f)).sort() : [];
  const pagesOf = new Map();
  for (const f of fixtures) pagesOf.set(f, (await ingest(readFileSync(join(dir, f)), f)).document.source.pages ?? 1);
  const copies = quick ? 2 : 8;
  const work = mkdtempSync(join(tmpdir(), 'guideline-bench-pdf-'));
  mkdirSync(join(work, 'corpus'));
  let pages = 0;
  for (let i = 0; i < copies; i++) {
    for (const f of fixtures) {
      writeFileSync(join(work, 'corpus', `${i}-${f}`), readFileSync(join(dir, f)));
      pages += pagesOf.get(f);
    }
  }
  const files = readdirSync(join(work, 'corpus')).map((f) => join(work, 'corpus', f));
  let pt = null;
  if (spawnSync('pdftotext', ['-v']).status === 0) {
    const t0 = now();
    for (const f of files) execFileSync('pdftotext', ['-layout', f, '/dev/null'], { stdio: 'ignore' });
    pt = (now() - t0) / 1000;
    row('pdf', `pdftotext -layout, ${files.length} PDFs, one after another`, fmt(pages / pt, 0), 'pages/s', `${fmt(pt, 2)} s`);
  } else row('pdf', 'pdftotext', '—', '', 'not installed (apt-get install poppler-utils): no ratio');
  {
    // Raw pdf.js on the same files: open, the text content of every page, close. What any reader
    // built on pdf.js pays before doing anything with the text (same options as src/load/pdfjs.ts).
    const pdfjsDir = join(ROOT, 'node_modules/pdfjs-dist');
    const lib = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    const raw = async (bytes) => {
      globalThis.pdfjsWorker = worker;
      const doc = await lib.getDocument({ data: new Uint8Array(bytes), cMapUrl: `${pdfjsDir}/cmaps/`, cMapPacked: true, standardFontDataUrl: `${pdfjsDir}/standard_fonts/`, isEvalSupported: false, useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise;
      delete globalThis.pdfjsWorker;
      for (let n = 1; n <= doc.numPages; n++) {
        const page = await doc.getPage(n);
        await page.getTextContent({ disableNormalization: true });
        page.cleanup();
      }
      await doc.destroy();
    };
    const restore = useSynchronousInflate();
    for (const f of files.slice(0, fixtures.length)) await raw(readFileSync(f)); // warm-up
    const t0 = now();
    for (const f of files) await raw(readFileSync(f));
    const secs = (now() - t0) / 1000;
    restore();
    row('pdf', `raw pdf.js, ${files.length} PDFs: text content of every page`, fmt(pages / secs, 0), 'pages/s', `${fmt(secs, 2)} s${pt ? `; ${fmt(secs / pt, 2)}× pdftotext` : ''}`);
  }
  {
    // The target's measure: the same files in one process, load → validated JSON, one after another.
    const restore = useSynchronousInflate();
    const t0 = now();
    for (const f of files) toJson(processSource(await loadBytes(readFileSync(f), f)));
    const secs = (now() - t0) / 1000;
    restore();
    row('pdf', `${files.length} PDFs, ${pages} pages, one process → validated JSON`, fmt(pages / secs, 0), 'pages/s', `${fmt(secs, 2)} s${pt ? `; ${fmt(secs / pt, 2)}× pdftotext` : ''}`);
  }
  // Default: PDFs on one worker thread; --workers 0: all on the main thread; --workers 2: two workers.
  for (const workers of [null, 0, 2]) {
    const { code, secs, wall, maxRSS } = batch(work, workers === null ? [] : ['--workers', String(workers)]);
    row('pdf', `guideline ingest, ${files.length} PDFs, ${pages} pages, ${workers === null ? 'default' : `--workers ${workers}`} (exit ${code})`, fmt(pages / wall, 0), 'pages/s', `${fmt(wall, 2)} s process start to exit (${fmt(secs, 2)} s after start-up) incl. JSON+Markdown writes, ${fmt(maxRSS / 1024, 0)} MB peak RSS${pt ? `; ${fmt(wall / pt, 2)}× pdftotext (${fmt(secs / pt, 2)}× after start-up)` : ''}`);
  }
  rmSync(work, { recursive: true, force: true });
}

// ---- memory: a real 1,000-document batch in a child process ----------------------------------
if (want('memory')) {
  const work = mkdtempSync(join(tmpdir(), 'guideline-bench-'));
  mkdirSync(join(work, 'corpus'));
  for (let i = 0; i < BATCH; i++) writeFileSync(join(work, 'corpus', `doc-${String(i).padStart(4, '0')}.txt`), seed.replace('4个。', `${(i % 9) + 1}个。`));
  // Default: text on the main thread (no worker); --workers 2: every document on two workers.
  for (const workers of [null, 2]) {
    const { code, secs, maxRSS } = batch(work, workers === null ? [] : ['--workers', String(workers)]);
    row('memory', `guideline ingest, ${BATCH} docs, ${workers === null ? 'default' : `--workers ${workers}`} (exit ${code})`, fmt(maxRSS / 1024, 0), 'MB peak RSS', `${fmt(secs, 1)} s, ${fmt(BATCH / secs, 0)} docs/s incl. writes`);
  }
  rmSync(work, { recursive: true, force: true });
}

// ---- large: one long text through `guideline ingest` ----------------------------------------------
if (want('large')) {
  const sizesAt = process.argv.indexOf('--sizes');
  const sizes = sizesAt > 0 ? process.argv[sizesAt + 1].split(',').map(Number) : quick ? [1, 10] : [1, 5, 10, 45];
  for (const size of sizes) {
    const work = mkdtempSync(join(tmpdir(), 'guideline-bench-large-'));
    mkdirSync(join(work, 'corpus'));
    const text = largeText(size);
    const bytes = Buffer.byteLength(text);
    writeFileSync(join(work, 'corpus', 'long.txt'), text);
    const { code, secs, maxRSS, cpu } = batch(work, []);
    const out = readdirSync(join(work, 'extracted')).map((f) => `${f.split('.').pop()} ${fmt(mb(readFileSync(join(work, 'extracted', f)).length), 0)} MB`);
    const bound = 250 + (6 * bytes) / 2 ** 20;
    row('large', `guideline ingest, one ${fmt(mb(bytes), 1)} MB text (exit ${code})`, fmt(secs / mb(bytes), 2), 's/MB', `${fmt(secs, 1)} s (${fmt(cpu, 1)} s of CPU); ${fmt(maxRSS / 1024, 0)} MB peak RSS (bound ${fmt(bound, 0)} MB: ${maxRSS / 1024 <= bound ? 'within' : `${fmt(maxRSS / 1024 / bound, 1)}× over`}); ${out.join(', ')}`);
    rmSync(work, { recursive: true, force: true });
  }
}

// ---- worker: the memory a PDF takes on a worker thread -------------------------------------------
if (want('worker')) {
  const dir = join(ROOT, 'test/fixtures/pdf');
  const fixtures = existsSync(dir) ? readdirSync(dir).filter((f) => /^2025-batch1-draft\..*\.pdf$/.test(f) && !/\.(scan|mixed)\.pdf$/.test(f)).sort() : [];
  const { Worker } = await import('node:worker_threads');
  const script = `
    const { parentPort, workerData } = await import('node:worker_threads');
    const { getHeapStatistics } = await import('node:v8');
    const { readFileSync } = await import('node:fs');
    const { loadBytes } = await import(${JSON.stringify(pathToFileURL(dist('load/index.js')).href)});
    const { processSource } = await import(${JSON.stringify(pathToFileURL(dist('pipeline.js')).href)});
    const { toMarkdown } = await import(${JSON.stringify(pathToFileURL(dist('report/index.js')).href)});
    const { useSynchronousInflate } = await import(${JSON.stringify(pathToFileURL(dist('load/pdfjs.js')).href)});
    useSynchronousInflate();
    const before = getHeapStatistics().total_heap_size;
    const doc = processSource(await loadBytes(readFileSync(workerData), 'x.pdf'));
    toMarkdown(doc);
    const h = getHeapStatistics();
    parentPort.postMessage({ before, heap: h.total_heap_size, external: h.external_memory, pages: doc.document.source.pages });`;
  for (const f of fixtures) {
    const w = new Worker(new URL(`data:text/javascript,${encodeURIComponent(script)}`), { workerData: join(dir, f) });
    const r = await new Promise((resolve, reject) => {
      w.once('message', resolve);
      w.once('error', reject);
    });
    await w.terminate();
    row('worker', `${f} (${r.pages} pages) on a worker thread`, fmt(r.heap / 2 ** 20, 0), 'MB heap', `${fmt(r.before / 2 ** 20, 0)} MB at start (the code); ${fmt(r.external / 2 ** 20, 0)} MB outside the heap; the limit is 2048 MB of heap (--worker-memory-mb)`);
  }
}

// ---- OCR: a scanned rendition of the corpus PDF ------------------------------------------------
if (want('ocr')) {
  const { renderPdfPages } = await import(dist('load/pdfjs.js'));
  const { scanRendition } = await import(join(ROOT, 'scripts/scan-rendition.mjs'));
  const { closeOcr } = await import(dist('load/ocr.js'));
  const FILE = 'corpus/2025-batch1-draft.libreoffice.pdf';
  const bytes = readFileSync(join(ROOT, FILE));
  const N = quick ? 2 : 8;
  const pages = Array.from({ length: N }, (_, i) => i + 1);
  const images = await renderPdfPages(bytes, pages, 200);
  // The scan read in this process, against the text layer of the same pages (scripts/ocr-measure.mjs).
  const { measureScan } = await import(join(ROOT, 'scripts/ocr-measure.mjs'));
  const load0 = loadavg();
  const ticks0 = cpuTicks();
  const m = await measureScan(bytes, FILE, { pages: N, angles: [0.7, -0.9, 0.4, -0.3, 1, -0.6, 0.2, -1], specks: 1500, quality: 60, seed: 3 });
  const others = othersBusy(ticks0, cpuTicks(), m.cpuSecs);
  row('ocr', `characters right, ${N}-page scan of ${FILE.replace('corpus/', '')}`, fmt(100 * m.accuracy, 2), '%', `${m.characters} characters; ${m.changes.length} changed values against the text layer (${m.figures.length} figures), ${m.unflagged.length} without a check; ${m.doubts} OCR checks; mean confidence ${m.meanConfidence}`);
  if (m.unflagged.length > 0) row('ocr', 'changes no check flags', String(m.unflagged.length), '', m.unflagged.map(({ id, c }) => `${id ?? '-'} ${c.field}`).join('; '));
  row('ocr', `${N} scanned pages in one process → loaded text`, fmt(m.secs / N, 2), 's/page', `${fmt(m.cpuSecs / N, 2)} CPU s/page, the models' start included (one thread); load average ${load0}${others === null ? '' : `; others kept the cores ${others}% busy (over the whole measure)`}`);
  await closeOcr();
  // `guideline ingest` of two scanned documents (the first half of the pages each, scanned twice
  // with other noise: a guideline needs its first page), with one and two worker threads.
  const work = mkdtempSync(join(tmpdir(), 'bench-ocr-'));
  mkdirSync(join(work, 'corpus'));
  const half = Math.max(1, N / 2);
  writeFileSync(join(work, 'corpus/scan-a.pdf'), await scanRendition(images.slice(0, half), { angles: [0.5, -0.7, 0.9, -0.2], seed: 5 }));
  writeFileSync(join(work, 'corpus/scan-b.pdf'), await scanRendition(images.slice(0, half), { angles: [-0.6, 0.8, -1, 0.3], seed: 6 }));
  const repeatAt = process.argv.indexOf('--repeat');
  const repeat = repeatAt > 0 ? Math.max(1, Number(process.argv[repeatAt + 1]) || 1) : 1;
  const scanned = 2 * half;
  const peaks = {};
  for (let k = 0; k < repeat; k++) {
    for (const workers of [1, 2]) {
      const r = batch(work, ['--workers', String(workers)]);
      const busy = r.others === null ? '' : `; others kept the cores ${r.others}% busy`;
      row('ocr', `guideline ingest, 2 scanned PDFs × ${half} pages, --workers ${workers} (exit ${r.code})`, fmt(r.wall / scanned, 2), 's/page', `${fmt(r.cpu / scanned, 2)} CPU s/page; ${fmt(r.maxRSS / 1024, 0)} MB peak RSS for the process (${workers} worker${workers === 1 ? '' : 's'} and the main thread); process start to exit; load average ${r.load}${busy}`);
      const p = (peaks[workers] ??= { wall: Infinity, cpu: Infinity, rss: 0 });
      p.wall = Math.min(p.wall, r.wall);
      p.cpu = Math.min(p.cpu, r.cpu);
      p.rss = Math.max(p.rss, r.maxRSS);
    }
  }
  if (repeat > 1) {
    for (const [workers, p] of Object.entries(peaks)) {
      row('ocr', `  of ${repeat} runs, --workers ${workers}: the fastest`, fmt(p.wall / scanned, 2), 's/page', `least CPU ${fmt(p.cpu / scanned, 2)} s/page; highest peak ${fmt(p.rss / 1024, 0)} MB`);
    }
  }
  if (peaks[1] && peaks[2]) row('ocr', '  a second worker adds (highest peaks)', fmt((peaks[2].rss - peaks[1].rss) / 1024, 0), 'MB', 'peak RSS with 2 workers less that with 1');
  rmSync(work, { recursive: true, force: true });
}

// ---- print ------------------------------------------------------------------------------------
const cpu = cpus()[0]?.model ?? 'unknown CPU';
console.log(`guideline-ingest benchmark — Node ${process.version}, ${cpus().length} × ${cpu}, ${fmt(totalmem() / 2 ** 30, 0)} GiB${quick ? ' (--quick)' : ''}\n`);
const w = [8, 52, 10, 12];
console.log(`${'section'.padEnd(w[0])} ${'what'.padEnd(w[1])} ${'value'.padStart(w[2])} ${'unit'.padEnd(w[3])} note`);
for (const r of rows) console.log(`${r.section.padEnd(w[0])} ${r.what.padEnd(w[1])} ${String(r.value).padStart(w[2])} ${r.unit.padEnd(w[3])} ${r.note}`);
