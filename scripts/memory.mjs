#!/usr/bin/env node
// Where the memory of one large text goes, stage by stage: `npm run -s build && node
// scripts/memory.mjs [FILE | MB] [--live] [--keep]` (a file, or a generated text of MB megabytes:
// scripts/large-text.mjs).
//
// Runs the stages as `guideline ingest` runs them for a text (load, then clean → reflow → segment →
// extract → prevalidate, then assemble; then the page, the Markdown and the JSON written to a
// temporary folder as `guideline ingest` writes them), and after each step prints the heap in use
// and committed, the memory outside the heap (typed arrays, buffers), the RSS, and the peak RSS so
// far.
//   --live  a full collection before each line (`node --expose-gc`): the heap is what is alive, but
//           the collector's timing, and so the peak, is no longer that of a real run
//   --keep  every stage's output is held to the end: each line shows what that output retains
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { largeText } from './large-text.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const dist = (p) => join(ROOT, 'dist', p);
const { loadBytes } = await import(dist('load/index.js'));
const { clean } = await import(dist('clean/index.js'));
const { reflow } = await import(dist('reflow/index.js'));
const { segment } = await import(dist('segment/index.js'));
const { extract } = await import(dist('extract/index.js'));
const { prevalidate, assemble, textEvidence, treeEvidence } = await import(dist('validate/index.js'));
const { writeJson } = await import(dist('report/json.js'));
const { writeMarkdown } = await import(dist('report/index.js'));
const { writeHtmlPage } = await import(dist('report/html.js'));
const { atomicWriteAll } = await import(dist('cli/fs.js'));
const { paceHeap } = await import(dist('cli/heap.js'));

const args = process.argv.slice(2);
const keep = args.includes('--keep');
const live = args.includes('--live');
const input = args.find((a) => !a.startsWith('--')) ?? '10';
if (live && typeof global.gc !== 'function') throw new Error('--live: run with node --expose-gc');

const MB = 2 ** 20;
const f = (n) => (n / MB).toFixed(0).padStart(6);
let t = performance.now();
const kept = [];
function step(name, value) {
  if (keep && value !== undefined) kept.push(value);
  const ms = performance.now() - t;
  if (live) global.gc();
  const m = process.memoryUsage();
  const peak = process.resourceUsage().maxRSS * 1024;
  console.log(`${name.padEnd(28)} heap ${f(m.heapUsed)}/${f(m.heapTotal)} MiB  outside ${f(m.external)} MiB  rss ${f(m.rss)} MiB  peak ${f(peak)} MiB  ${(ms / 1000).toFixed(1).padStart(6)} s`);
  t = performance.now();
}

step('start');
let bytes = /^\d+(\.\d+)?$/.test(input) ? Buffer.from(largeText(Number(input))) : readFileSync(input);
console.log(`input: ${(bytes.length / 1e6).toFixed(1)} MB; bound 250 MB + 6× = ${(250 + (6 * bytes.length) / MB).toFixed(0)} MiB`);
step('bytes');
// As `guideline ingest` paces the heap for a large document.
paceHeap(bytes.length);
let source = await loadBytes(bytes, 'long.txt', {});
bytes = null;
step('load', source);
let cleaned = clean(source);
step('clean', cleaned);
// As the pipeline does (`analyse`): the cleaned lines go once they are paragraphs.
const { layout, removed } = cleaned;
const evidence = textEvidence(cleaned.lines);
let reflowed = reflow(cleaned);
cleaned = null;
step('reflow', reflowed);
let segmented = segment(reflowed);
reflowed = null;
// What validation asks of the tree, taken before extract reads it and lets it go (`consume`).
const tree = treeEvidence(segmented, layout);
segmented = { ...segmented, problems: [] };
step('segment', segmented);
let extracted = extract(segmented, layout, source.text, { consume: true });
step('extract', extracted);
let pre = prevalidate({ source, cleaned: { layout, removed }, evidence, tree, extracted });
segmented = extracted = null;
step('prevalidate', pre);
let doc = assemble(source, pre, { consume: true });
pre = null;
step('assemble (validated doc)', doc);
// Written as `guideline ingest` writes them (`atomicWriteAll`, in its order), to a temporary folder.
const out = mkdtempSync(join(tmpdir(), 'guideline-memory-'));
try {
  await atomicWriteAll([{ path: join(out, 'long.html'), content: (write) => writeHtmlPage(doc, { text: source.text }, write) }]);
  step('page written');
  await atomicWriteAll([{ path: join(out, 'long.md'), content: (write) => writeMarkdown(doc, write) }]);
  step('Markdown written');
  await atomicWriteAll([{ path: join(out, 'long.json'), content: (write) => writeJson(doc, write) }]);
  step('JSON written');
} finally {
  rmSync(out, { recursive: true, force: true });
}
