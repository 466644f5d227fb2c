import { readFileSync, readdirSync } from 'node:fs';
const { loadBytes } = await import('./dist/load/index.js');
const { processSource } = await import('./dist/pipeline.js');
const { useSynchronousInflate } = await import('./dist/load/pdfjs.js');
const { GuidelineError } = await import('./dist/types.js');
if (process.env.SYNC) useSynchronousInflate();
const dir = 'test/fixtures/pdf/';
const files = readdirSync(dir).filter(f => f.startsWith('2025'));
let seed = 12345; const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
const stats = {};
let worst = 0;
for (let round = 0; round < 400; round++) {
  const f = files[round % files.length];
  const b = new Uint8Array(readFileSync(dir + f));
  const mode = round % 4;
  if (mode === 0) for (let k = 0; k < 20; k++) b[Math.floor(rnd() * b.length)] = Math.floor(rnd() * 256);
  let bytes = b;
  if (mode === 1) bytes = b.subarray(0, Math.floor(rnd() * b.length));
  if (mode === 2) { const i = Math.floor(rnd() * b.length); bytes = new Uint8Array([...b.subarray(0, i), ...b.subarray(i + Math.floor(rnd() * 5000))]); }
  if (mode === 3) for (let k = 0; k < 3; k++) { const i = Math.floor(rnd() * (b.length - 100)); b.fill(0x30, i, i + 50); }
  const t = performance.now();
  let outcome;
  try { processSource(await loadBytes(bytes, 'x.pdf', { timeoutMs: 5000 })); outcome = 'ok'; }
  catch (e) { outcome = e instanceof GuidelineError ? e.code : 'UNEXPECTED ' + e?.constructor?.name + ': ' + String(e?.message).slice(0, 100); }
  const ms = performance.now() - t; worst = Math.max(worst, ms);
  stats[outcome] = (stats[outcome] ?? 0) + 1;
  if (outcome.startsWith('UNEXPECTED') || ms > 2000) console.log(round, f, mode, outcome, ms.toFixed(0));
}
console.log(stats, 'worst ms', worst.toFixed(0));
