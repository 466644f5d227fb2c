#!/usr/bin/env node
// Regenerates the PDF fixtures of test/fixtures/pdf/ that this project makes itself (see
// docs/pdf.md). Needs: `npm ci` (pdfkit is a devDependency), the Debian packages fonts-arphic-uming
// (the CJK font) and poppler-utils (pdftoppm, for the scanned page), and a built tree
// (`npm run build`: the seed's paragraphs are taken from the committed extracted JSON).
//
//   node scripts/make-fixtures.mjs
//
// Writes:
//   2025-batch1-draft.pdfkit.pdf  the seed draft typeset by pdfkit: a CID-keyed TrueType font
//                                 (Type0, Identity-H), 11 pt on a narrower column, no running
//                                 header, `第 N 页 共 M 页` footers, headings in simulated bold
//                                 (drawn twice, 0.3 pt apart)
//   encrypted.pdf                 one page, opened only with the user password `secret`
//   scanned.pdf                   one page that is only an image (a rendering of the draft's first
//                                 page): no text layer
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import PDFDocument from 'pdfkit';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const OUT = join(ROOT, 'test/fixtures/pdf');
const FONT = '/usr/share/fonts/truetype/arphic/uming.ttc';
const FONT_NAME = 'UMingCN';

function save(doc, name) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    doc.on('data', (c) => chunks.push(c));
    doc.on('end', () => {
      writeFileSync(join(OUT, name), Buffer.concat(chunks));
      resolve();
    });
    doc.on('error', reject);
    doc.end();
  });
}

// Fixed metadata and ids, so that the files are the same on every run.
const info = { Title: 'guideline-ingest fixture', Producer: 'pdfkit', Creator: 'scripts/make-fixtures.mjs', CreationDate: new Date(Date.UTC(2025, 0, 1)) };

/** The seed's paragraphs, in order, with the kind of node each came from. */
function paragraphs() {
  const doc = JSON.parse(readFileSync(join(ROOT, 'extracted/2025-batch1-draft.json'), 'utf8'));
  const out = [];
  const walk = (n) => {
    out.push({ kind: n.kind, text: n.text });
    n.children.forEach(walk);
  };
  doc.sections.forEach(walk);
  return out;
}

async function draft() {
  const doc = new PDFDocument({ size: 'A4', margins: { top: 80, bottom: 80, left: 90, right: 110 }, bufferPages: true, info, pdfVersion: '1.7' });
  doc.registerFont('body', FONT, FONT_NAME);
  doc.font('body').fontSize(11);
  doc.fontSize(16).text('国家重点研发计划“政府间国际科技创新合作”重点专项2025年度第一批项目申报指南', { align: 'center' });
  doc.moveDown(0.5);
  for (const p of paragraphs()) {
    if (p.kind === 'part' || p.kind === 'direction') {
      // Simulated bold: the heading drawn twice, 0.3 pt apart (on one page: break before it).
      doc.fontSize(12);
      if (doc.y + 60 > doc.page.height - doc.page.margins.bottom) doc.addPage();
      const x = doc.page.margins.left;
      const y = doc.y;
      const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
      doc.text(p.text, x, y, { width });
      const after = doc.y;
      doc.text(p.text, x + 0.3, y, { width });
      doc.y = after;
      doc.fontSize(11);
    } else {
      doc.text(p.text, { indent: 22, align: 'justify', lineGap: 3 });
    }
  }
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.fontSize(9).text(`第 ${i + 1} 页 共 ${count} 页`, 0, doc.page.height - 50, { width: doc.page.width, align: 'center' });
    doc.page.margins.bottom = bottom;
  }
  await save(doc, '2025-batch1-draft.pdfkit.pdf');
}

async function encrypted() {
  const doc = new PDFDocument({ size: 'A4', userPassword: 'secret', ownerPassword: 'owner', info, pdfVersion: '1.7' });
  doc.registerFont('body', FONT, FONT_NAME);
  doc.font('body').fontSize(12).text('1.1 中国和越南政府间联合研究项目\n拟支持项目数：4个。');
  await save(doc, 'encrypted.pdf');
}

async function scanned() {
  const dir = mkdtempSync(join(tmpdir(), 'fixtures-'));
  try {
    execFileSync('pdftoppm', ['-r', '40', '-gray', '-png', '-f', '1', '-l', '1', join(OUT, '2025-batch1-draft.libreoffice.pdf'), join(dir, 'page')]);
    const png = readFileSync(join(dir, 'page-01.png'));
    const doc = new PDFDocument({ size: 'A4', margin: 0, info, pdfVersion: '1.7' });
    doc.image(png, 0, 0, { width: doc.page.width, height: doc.page.height });
    await save(doc, 'scanned.pdf');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await draft();
await encrypted();
await scanned();
console.log('wrote 2025-batch1-draft.pdfkit.pdf, encrypted.pdf, scanned.pdf to test/fixtures/pdf/');
