#!/usr/bin/env node
// Scanned renditions of any text PDFs (issue 22's "scans of guidelines it has never seen"): each
// PDF is rendered at 200 dpi, each page turned by 0.2–1°, specked and saved as JPEG
// (scripts/scan-rendition.mjs), read by OCR and compared with its own text layer
// (scripts/ocr-measure.mjs). Prints one row per PDF and the total. Needs `npm run build` first.
//
//   node scripts/ocr-unseen.mjs test/fixtures/blind15/hfim-2023-draft.pdf …
import { readFileSync } from 'node:fs';
import { measureScan } from './ocr-measure.mjs';

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('用法：node scripts/ocr-unseen.mjs <文字层PDF>…');
  process.exit(2);
}
const { closeOcr } = await import(new URL('../dist/load/ocr.js', import.meta.url).href);
let chars = 0;
let cleanedChars = 0;
let cleanedErrors = 0;
let errors = 0;
let pages = 0;
let secs = 0;
const out = [];
for (const [k, file] of files.entries()) {
  let m;
  try {
    m = await measureScan(readFileSync(file), file, { angles: [0.7, -0.9, 0.4, -0.3, 1, -0.6, 0.2, -1].map((a) => (k % 2 ? -a : a)), specks: 1500, quality: 60, seed: 11 + k });
  } catch (e) {
    out.push(`${file}\tfailed: ${e.message}`);
    continue;
  }
  chars += m.characters;
  cleanedChars += m.cleaned.characters;
  cleanedErrors += m.cleaned.errors;
  errors += m.errors;
  pages += m.pages;
  secs += m.secs;
  out.push(`${file}\t${m.pages} pages\t${(100 * m.accuracy).toFixed(2)}% of ${m.characters} characters (cleaned: ${(100 * m.cleaned.accuracy).toFixed(2)}%)\t${m.refDirections}→${m.directions} directions\t${m.changes.length} values changed (${m.figures.length} figures), ${m.unflagged.length} without a check; ${m.structural.length} directions added/removed\t${m.doubts} OCR checks\t${(m.secs / m.pages).toFixed(2)} s/page`);
  for (const { id, c } of m.unflagged) out.push(`  unflagged: ${id ?? '-'} ${c.field}: ${JSON.stringify(c.before)} → ${JSON.stringify(c.after)}`);
  for (const { id, c } of m.figures) out.push(`  figure: ${id ?? '-'} ${c.field}: ${JSON.stringify(c.before)} → ${JSON.stringify(c.after)}`);
}
await closeOcr();
console.log(out.join('\n'));
console.log(`total\t${pages} pages\t${(100 * (1 - errors / chars)).toFixed(2)}% of ${chars} characters (cleaned: ${(100 * (1 - cleanedErrors / cleanedChars)).toFixed(2)}% of ${cleanedChars})\t${(secs / pages).toFixed(2)} s/page in one process`);
