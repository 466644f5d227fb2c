#!/usr/bin/env node
// Makes the scanned fixtures of test/fixtures/pdf/ (see docs/pdf.md) from the pdfkit rendition of
// the seed draft, as a printed page that went through an office scanner: rendered at 200 dpi in
// grey by poppler (pdftoppm, so that the tool's own renderer makes none of its input), then turned
// by a fraction of a degree and shifted, softened, greyed, grained, specked with dust and saved as a
// grey JPEG (cjpeg, quality 45: ~250 KB a page, the most of it the text's edges), one image per A4
// page (pdfkit). Deterministic: a seeded random generator, the
// same bytes on every run with the same tools.
//
// Needs: `npm ci` (@napi-rs/canvas, pdfkit), a built tree (`npm run build`: the seed's paragraphs
// come from the committed extracted JSON), and the Debian packages fonts-arphic-uming, poppler-utils
// (pdftoppm, pdftotext) and libjpeg-turbo-progs (cjpeg).
//
//   node scripts/make-scan-fixtures.mjs
//
// Writes:
//   2025-batch1-draft.scan.pdf   pages 1–2 of 2025-batch1-draft.pdfkit.pdf, scanned: no text layer (the
//                                title, the preamble's figures, directions 1.1–1.4)
//   2025-batch1-draft.mixed.pdf  page 1 typeset as in the pdfkit rendition (a text layer: the title
//                                and the preamble), page 2 scanned, with the figure `800` of
//                                `共拟支持经费：800万元人民币` (direction 1.1) smudged: no figure
//                                may be read from it silently (PP-OCRv4 reads no digit there:
//                                a value-unreadable check)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import PDFDocument from 'pdfkit';
import { paragraphs, simulatedBold } from './seed-paragraphs.mjs';
import { random } from './random.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const OUT = join(ROOT, 'test/fixtures/pdf');
const SOURCE = join(OUT, '2025-batch1-draft.pdfkit.pdf');
// @napi-rs/canvas is pdfjs-dist's optional dependency: resolved from there.
const { createCanvas, loadImage } = createRequire(join(ROOT, 'node_modules/pdfjs-dist/package.json'))('@napi-rs/canvas');

const DPI = 200;
const QUALITY = 45;
/** The pdfkit rendition's font and settings (scripts/make-fixtures.mjs, `2025-batch1-draft.pdfkit.pdf`). */
const FONT = '/usr/share/fonts/truetype/arphic/uming.ttc';
const FONT_NAME = 'UMingCN';
const info = { Title: 'guideline-ingest scanned fixture', Producer: 'pdfkit', Creator: 'scripts/make-scan-fixtures.mjs', CreationDate: new Date(Date.UTC(2025, 0, 1)) };


/** Page `n` of `pdf` as a grey PNG at DPI, by poppler. */
function render(dir, pdf, n) {
  execFileSync('pdftoppm', ['-r', String(DPI), '-gray', '-png', '-f', String(n), '-l', String(n), '-singlefile', pdf, join(dir, `page-${n}`)]);
  return readFileSync(join(dir, `page-${n}.png`));
}

/**
 * The scanner: the page turned by `angle` degrees and shifted by (dx, dy) pixels, softened (a
 * 0.6 px blur), on slightly grey paper with grain (±5 levels), and `specks` dark specks of one to
 * two pixels (dust on the glass). `damage(ctx)` draws on the page before the scan. Returns grey
 * pixels.
 */
async function scan(png, { seed, angle, dx, dy, specks, damage }) {
  const img = await loadImage(png);
  const { width, height } = img;
  const page = createCanvas(width, height);
  const p = page.getContext('2d');
  p.drawImage(img, 0, 0);
  damage?.(p);
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  ctx.filter = 'blur(0.6px)';
  ctx.translate(width / 2 + dx, height / 2 + dy);
  ctx.rotate((angle * Math.PI) / 180);
  ctx.translate(-width / 2, -height / 2);
  ctx.drawImage(page, 0, 0);
  const rgba = ctx.getImageData(0, 0, width, height).data;
  const rand = random(seed);
  const grey = new Uint8Array(width * height);
  for (let i = 0, j = 0; j < grey.length; i += 4, j++) {
    // Paper at ~238 instead of 255, ink a little lighter than black, and grain.
    const v = 18 + rgba[i] * 0.86 + (rand() - 0.5) * 6;
    grey[j] = Math.max(0, Math.min(255, Math.round(v)));
  }
  for (let k = 0; k < specks; k++) {
    const x = Math.floor(rand() * (width - 2));
    const y = Math.floor(rand() * (height - 2));
    const v = 40 + Math.floor(rand() * 60);
    grey[y * width + x] = v;
    if (rand() < 0.4) grey[y * width + x + 1] = v;
  }
  return { width, height, grey };
}

/** Grey JPEG bytes (cjpeg reads the PGM). */
function jpeg(dir, { width, height, grey }, name) {
  const pgm = join(dir, `${name}.pgm`);
  writeFileSync(pgm, Buffer.concat([Buffer.from(`P5\n${width} ${height}\n255\n`), grey]));
  return execFileSync('cjpeg', ['-grayscale', '-quality', String(QUALITY), '-optimize', pgm]);
}

function save(doc, name) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    doc.on('data', (c) => chunks.push(c));
    doc.on('end', () => {
      writeFileSync(name, Buffer.concat(chunks));
      resolve();
    });
    doc.on('error', reject);
    doc.end();
  });
}

/** Adds A4 pages to `doc`, each one image filling the page. */
function imagePages(doc, images) {
  for (const image of images) {
    doc.addPage({ size: 'A4', margin: 0 });
    doc.image(image, 0, 0, { width: doc.page.width, height: doc.page.height });
  }
}

/**
 * Page 1 of the pdfkit rendition, typeset again (the same font, size, margins and footer): the
 * title and the paragraphs before the first direction, which fill that page.
 */
function textPage(doc, pages) {
  const margins = { top: 80, bottom: 80, left: 90, right: 110 };
  doc.addPage({ size: 'A4', margins });
  doc.registerFont('body', FONT, FONT_NAME);
  doc.font('body').fontSize(11);
  doc.fontSize(16).text('国家重点研发计划“政府间国际科技创新合作”重点专项2025年度第一批项目申报指南', { align: 'center' });
  doc.moveDown(0.5);
  for (const p of paragraphs()) {
    if (p.kind === 'direction') break;
    if (p.kind === 'part') {
      doc.fontSize(12);
      simulatedBold(doc, p.text);
      doc.fontSize(11);
    } else doc.text(p.text, { indent: 22, align: 'justify', lineGap: 3 });
  }
  doc.page.margins.bottom = 0;
  doc.fontSize(9).text(`第 1 页 共 ${pages} 页`, 0, doc.page.height - 50, { width: doc.page.width, align: 'center' });
}

/**
 * Where `800` of `共拟支持经费：800万元人民币。` is on page 2, in pixels at DPI: the line's box from
 * pdftotext, seven full-width characters in (11 pt each: the line is 13 full-width characters and 3
 * half-width digits).
 */
function figureBox() {
  const xml = execFileSync('pdftotext', ['-f', '2', '-l', '2', '-bbox', SOURCE, '-'], { encoding: 'utf8' });
  const m = /xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">共拟支持经费：800万元人民币。</.exec(xml);
  if (!m) throw new Error('the line 共拟支持经费：800万元人民币。 is not on page 2 of the pdfkit rendition');
  const [x0, y0, x1, y1] = m.slice(1).map(Number);
  const em = (x1 - x0) / 14.5;
  const px = DPI / 72;
  return { x: (x0 + 7 * em) * px, y: y0 * px, w: 1.5 * em * px, h: (y1 - y0) * px };
}

/** A smudge over the figure: a grey thumbprint and two strokes of a pen across its digits. */
function smudge(box) {
  return (ctx) => {
    ctx.save();
    ctx.fillStyle = 'rgba(90, 90, 90, 0.55)';
    ctx.beginPath();
    ctx.ellipse(box.x + box.w * 0.45, box.y + box.h * 0.55, box.w * 0.42, box.h * 0.45, 0.3, 0, 2 * Math.PI);
    ctx.fill();
    ctx.strokeStyle = 'rgba(30, 30, 30, 0.9)';
    ctx.lineWidth = 3;
    ctx.beginPath();
    ctx.moveTo(box.x - 4, box.y + box.h * 0.35);
    ctx.lineTo(box.x + box.w + 2, box.y + box.h * 0.6);
    ctx.moveTo(box.x + 2, box.y + box.h * 0.95);
    ctx.lineTo(box.x + box.w - 6, box.y + box.h * 0.1);
    ctx.stroke();
    ctx.restore();
  };
}

const dir = mkdtempSync(join(tmpdir(), 'scan-fixtures-'));
try {
  const pages = [
    { seed: 11, angle: 0.7, dx: 6, dy: -4, specks: 2500 },
    { seed: 12, angle: -0.9, dx: -5, dy: 7, specks: 2500 },
  ];
  const scans = [];
  for (let n = 1; n <= pages.length; n++) scans.push(jpeg(dir, await scan(render(dir, SOURCE, n), pages[n - 1]), `scan-${n}`));
  const scanned = new PDFDocument({ size: 'A4', margin: 0, autoFirstPage: false, info, pdfVersion: '1.7' });
  imagePages(scanned, scans);
  await save(scanned, join(OUT, '2025-batch1-draft.scan.pdf'));
  console.log('wrote test/fixtures/pdf/2025-batch1-draft.scan.pdf');

  const damaged = jpeg(dir, await scan(render(dir, SOURCE, 2), { ...pages[1], damage: smudge(figureBox()) }), 'damaged-2');
  const mixed = new PDFDocument({ size: 'A4', autoFirstPage: false, info, pdfVersion: '1.7' });
  textPage(mixed, 2);
  imagePages(mixed, [damaged]);
  await save(mixed, join(OUT, '2025-batch1-draft.mixed.pdf'));
  console.log('wrote test/fixtures/pdf/2025-batch1-draft.mixed.pdf');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
