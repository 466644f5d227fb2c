// How well a scanned rendition of a text PDF reads, against the PDF's own text layer: the
// characters right (edit distance over the texts, whitespace removed, NFKC), the values that
// changed between the two documents (the tool's `diff`), the figures among them, and the changes
// no check of the scan stands on. Used by the benchmark's `ocr` section and by
// `scripts/ocr-unseen.mjs` (any PDFs). Needs `npm run build` first.
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { scanRendition } from './scan-rendition.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const dist = (p) => join(ROOT, 'dist', p);
const { loadBytes } = await import(dist('load/index.js'));
const { processSource } = await import(dist('pipeline.js'));
const { renderPdfPages } = await import(dist('load/pdfjs.js'));
const { comparableText } = await import(dist('lexicon/chars.js'));
const { clean } = await import(dist('clean/index.js'));
const diffModule = await import(dist('diff/index.js'));

/**
 * The characters of the reference matched in the text read (1 − Levenshtein distance over the
 * reference's length), both as a reader compares them (`comparableText`).
 */
export function characterAccuracy(refText, readText) {
  const norm = (t) => [...comparableText(t)];
  const a = norm(refText);
  const b = norm(readText);
  let prev = Int32Array.from({ length: b.length + 1 }, (_, j) => j);
  let cur = new Int32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    [prev, cur] = [cur, prev];
  }
  return { characters: a.length, errors: prev[b.length], accuracy: 1 - prev[b.length] / Math.max(1, a.length) };
}

/**
 * Scans pages 1…`pages` of `bytes` (all when null) at 200 dpi (`scanRendition` options: angles,
 * specks, quality, seed), reads the scan and compares it with the text layer of the same pages.
 */
export async function measureScan(bytes, file, { pages = null, ...scanOptions } = {}) {
  const full = await loadBytes(bytes, file);
  const N = pages ?? full.pages;
  const images = await renderPdfPages(bytes, Array.from({ length: N }, (_, i) => i + 1), 200);
  const scan = await scanRendition(images, scanOptions);
  const keep = full.text.split('\n').map((_, i) => full.pageOfLine[i] <= N);
  const ref = { ...full, text: full.text.split('\n').filter((_, i) => keep[i]).join('\n'), pageOfLine: full.pageOfLine.filter((_, i) => keep[i]), pageLineOfLine: full.pageLineOfLine.filter((_, i) => keep[i]), pages: N, removed: full.removed.filter((r) => (r.page ?? 0) <= N) };
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const read = await loadBytes(scan, file.replace(/\.pdf$/i, '.scan.pdf'), { id: full.id });
  const secs = (performance.now() - t0) / 1000;
  const cu = process.cpuUsage(c0);
  const chars = characterAccuracy(ref.text, read.text);
  // The same, over the text each side reads as once cleaned: a text layer's symbol-font bullets and
  // margin line numbers, which are no text, against what the scan's reading made of them.
  const cleanedText = (s) => clean(s).lines.map((l) => l.text.text).join('\n');
  const cleaned = characterAccuracy(cleanedText(ref), cleanedText(read));
  const refDoc = processSource(ref);
  const doc = processSource(read);
  // Changes against the text layer, and those no check of the scan stands on.
  const flagged = (id, span, old) =>
    doc.checks.some((c) => {
      if (!c.span) return false;
      if (span && c.span.start < span.end && span.start < c.span.end) return true;
      const at = span ?? old;
      return !!at && c.directionId === id && c.span.page === at.page && at.pageLine !== null && c.span.pageLine !== null && Math.abs(c.span.pageLine - at.pageLine) <= 1;
    });
  const result = diffModule.diff(refDoc, doc);
  const changes = [...result.document.changes.map((c) => ({ id: null, c })), ...result.directions.flatMap((d) => d.changes.map((c) => ({ id: d.newId, c })))];
  const structural = result.directions.filter((d) => d.status === 'added' || d.status === 'removed');
  const unflagged = changes.filter(({ id, c }) => !flagged(id, c.newSpan, c.oldSpan));
  const figureFields = /^(projectCount|funding|perProjectCap|duration)\b/;
  const figures = changes.filter(({ c }) => figureFields.test(c.field));
  const doubts = doc.checks.filter((c) => c.code.startsWith('ocr-')).length;
  return { pages: N, ...chars, cleaned, changes, figures, unflagged, structural, doubts, meanConfidence: read.ocr?.meanConfidence ?? null, secs, cpuSecs: (cu.user + cu.system) / 1e6, refDirections: refDoc.directions.length, directions: doc.directions.length };
}
