#!/usr/bin/env node
// Regenerates the PDF fixtures of test/fixtures/pdf/ that this project makes itself (see
// docs/pdf.md). Needs: `npm ci` (pdfkit is a devDependency), the Debian packages fonts-arphic-uming
// and fonts-noto-cjk (the CJK fonts) and poppler-utils (pdftoppm, for the scanned page), and a built tree
// (`npm run build`: the seed's paragraphs are taken from the committed extracted JSON).
//
//   node scripts/make-fixtures.mjs
//
// Writes:
//   2025-batch1-draft.pdfkit.pdf  the seed draft typeset by pdfkit: a CID-keyed TrueType font
//                                 (Type0, Identity-H), 11 pt on a narrower column, no running
//                                 header, `第 N 页 共 M 页` footers, headings in simulated bold
//                                 (drawn twice, 0.3 pt apart)
//   2025-batch1-draft.pdfkit-cff.pdf  the same in Noto Serif CJK SC: CFF outlines (CID-keyed CFF,
//                                 CIDFontType0), 12 pt, `- N -` footers, no simulated bold
//   2025-batch1-draft.pdfkit-type1.pdf  CJK in a CID-keyed TrueType font, every Latin/digit run in
//                                 Times-Roman (standard Type 1, not embedded), a running header,
//                                 bare page numbers at the bottom right
//   encrypted.pdf                 one page, opened only with the user password `secret`
//   scanned.pdf                   one page that is only an image (a rendering of the draft's first
//                                 page): no text layer
//   2023-hmt.pdf                  in test/fixtures/variants/: 2023-hmt.txt typeset by pdfkit (CID-keyed
//                                 TrueType, 12 pt, two-character first-line indents), a running
//                                 header from page 2, `N/M` footers, 4 pages
//   2026-advanced-computing.pdf   in test/fixtures/key-programme/: its .txt the same way, `- N -` footers, 5 pages
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import PDFDocument from 'pdfkit';
import { paragraphs, simulatedBold } from './seed-paragraphs.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const OUT = join(ROOT, 'test/fixtures/pdf');
const VARIANTS = join(ROOT, 'test/fixtures/variants');
const KEY_PROGRAMME = join(ROOT, 'test/fixtures/key-programme');
const FONT = '/usr/share/fonts/truetype/arphic/uming.ttc';
const FONT_NAME = 'UMingCN';
/** An OpenType font with CFF outlines: embedded as a CID-keyed CFF font (CIDFontType0). */
const CFF_FONT = '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc';
const CFF_FONT_NAME = 'NotoSerifCJKsc-Regular';

function save(doc, name, dir = OUT) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    doc.on('data', (c) => chunks.push(c));
    doc.on('end', () => {
      writeFileSync(join(dir, name), Buffer.concat(chunks));
      resolve();
    });
    doc.on('error', reject);
    doc.end();
  });
}

// Fixed metadata and ids, so that the files are the same on every run.
const info = { Title: 'guideline-ingest fixture', Producer: 'pdfkit', Creator: 'scripts/make-fixtures.mjs', CreationDate: new Date(Date.UTC(2025, 0, 1)) };

/**
 * The seed draft typeset with one font: `bold` draws headings twice (simulated bold), `footer`
 * gives the page-number text of page n of m.
 */
async function draft(name, { font, fontName, size, margins, bold, footer }) {
  const doc = new PDFDocument({ size: 'A4', margins, bufferPages: true, info, pdfVersion: '1.7' });
  doc.registerFont('body', font, fontName);
  doc.font('body').fontSize(size);
  doc.fontSize(16).text('国家重点研发计划“政府间国际科技创新合作”重点专项2025年度第一批项目申报指南', { align: 'center' });
  doc.moveDown(0.5);
  for (const p of paragraphs()) {
    if (bold && (p.kind === 'part' || p.kind === 'direction')) {
      // Simulated bold: the heading drawn twice, 0.3 pt apart (on one page: break before it).
      doc.fontSize(size + 1);
      if (doc.y + 60 > doc.page.height - doc.page.margins.bottom) doc.addPage();
      simulatedBold(doc, p.text);
      doc.fontSize(size);
    } else {
      doc.text(p.text, { indent: 22, align: 'justify', lineGap: 3 });
    }
  }
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.fontSize(9).text(footer(i + 1, count), 0, doc.page.height - 50, { width: doc.page.width, align: 'center' });
    doc.page.margins.bottom = bottom;
  }
  await save(doc, name);
}

/**
 * The seed draft as word processors set Chinese official documents: CJK in a CID-keyed TrueType
 * font, and every run of Latin letters, digits and ASCII punctuation in Times-Roman, one of the
 * standard 14 Type 1 fonts, not embedded (pdf.js reads its metrics from the standard font data it
 * ships, offline). Fonts switch inside every line that holds a number (`2025年`, `4个`,
 * `800万元`). A running header, and bare page numbers (`7`) at the bottom right.
 */
async function mixed(name) {
  const margins = { top: 80, bottom: 80, left: 80, right: 80 };
  const doc = new PDFDocument({ size: 'A4', margins, bufferPages: true, info, pdfVersion: '1.7' });
  doc.registerFont('body', FONT, FONT_NAME);
  const right = doc.page.width - margins.right;
  const fontOf = (ch) => (/[\x21-\x7e]/.test(ch) ? 'Times-Roman' : 'body');
  const widthOf = (ch, size) => doc.font(fontOf(ch)).fontSize(size).widthOfString(ch);
  let y = margins.top;
  // Laid out here, not by pdfkit's wrapping (which indents a continued run that starts a page):
  // characters fill the line, a Latin word or number is never cut, runs of one font are drawn
  // together.
  const line = (chars, x, size) => {
    let run = '';
    let runX = x;
    const flush = () => {
      if (run) doc.font(fontOf(run[0])).fontSize(size).text(run, runX, y, { lineBreak: false });
      run = '';
    };
    for (const ch of chars) {
      if (run && fontOf(ch) !== fontOf(run[0])) {
        flush();
        runX = x;
      }
      if (!run) runX = x;
      run += ch;
      x += widthOf(ch, size);
    }
    flush();
  };
  const paragraph = (text, size, { indent = 0, leading = size * 1.6, center = false } = {}) => {
    const chars = [...text];
    let i = 0;
    let first = true;
    while (i < chars.length) {
      const x0 = margins.left + (first ? indent : 0);
      let w = 0;
      let j = i;
      while (j < chars.length && x0 + w + widthOf(chars[j], size) <= right) w += widthOf(chars[j++], size);
      if (j < chars.length && /[A-Za-z0-9]/.test(chars[j])) {
        let k = j;
        while (k > i && /[A-Za-z0-9.\-]/.test(chars[k - 1])) k--;
        if (k > i) j = k;
      }
      if (y + leading > doc.page.height - margins.bottom) {
        doc.addPage();
        y = margins.top;
      }
      const piece = chars.slice(i, j);
      const width = piece.reduce((s, ch) => s + widthOf(ch, size), 0);
      line(piece, center ? margins.left + (right - margins.left - width) / 2 : x0, size);
      y += leading;
      i = j;
      first = false;
    }
  };
  paragraph('国家重点研发计划“政府间国际科技创新合作”重点专项2025年度第一批项目申报指南', 15, { center: true, leading: 26 });
  y += 8;
  for (const p of paragraphs()) {
    const heading = p.kind === 'part' || p.kind === 'direction';
    paragraph(p.text, heading ? 12 : 11.5, { indent: heading ? 0 : 23 });
  }
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    doc.page.margins.top = 0;
    doc.page.margins.bottom = 0;
    doc.font('body').fontSize(9).text('国家重点研发计划 政府间国际科技创新合作重点专项', margins.left, 40, { lineBreak: false });
    doc.font('Times-Roman').fontSize(10).text(String(i + 1), right - 20, doc.page.height - 50, { width: 20, align: 'right', lineBreak: false });
  }
  await save(doc, name);
}

/**
 * A guideline of `dir` (test/fixtures/variants/ by default; one paragraph a line) typeset by
 * pdfkit: the title lines (those before the first sentence) centred, headings (`一、`, `（一）`,
 * `1.`, `1.1`) flush left, every other line a paragraph with a two-character first-line indent;
 * `header` on every page but the first, `footer(n, m)` at the bottom centre (`N/M` by default).
 */
async function variant(name, header, { dir = VARIANTS, footer = (n, m) => `${n}/${m}` } = {}) {
  const text = readFileSync(join(dir, name.replace(/\.pdf$/, '.txt')), 'utf8');
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const doc = new PDFDocument({ size: 'A4', margins: { top: 100, bottom: 100, left: 85, right: 85 }, bufferPages: true, info, pdfVersion: '1.7' });
  doc.registerFont('body', FONT, FONT_NAME);
  doc.font('body');
  const titleEnd = lines.findIndex((l) => l.endsWith('。'));
  // 12 pt on a 26.6 pt pitch (an official document's spacing): 4 pages, so that the header is on 3,
  // as many as the loader needs to call it a running header.
  lines.forEach((l, i) => {
    if (i < titleEnd) doc.fontSize(i === 0 ? 16 : 14).text(l, { align: 'center', paragraphGap: 6 });
    else if (/^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+\.)/.test(l)) doc.fontSize(12).text(l, { lineGap: 14 });
    else doc.fontSize(12).text(l, { indent: 24, align: 'justify', lineGap: 14 });
  });
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    doc.page.margins.top = 0;
    doc.page.margins.bottom = 0;
    doc.fontSize(9);
    if (i > start) doc.text(header, 0, 45, { width: doc.page.width, align: 'center', lineBreak: false });
    doc.text(footer(i + 1, count), 0, doc.page.height - 50, { width: doc.page.width, align: 'center', lineBreak: false });
  }
  await save(doc, name, dir);
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

// `node scripts/make-fixtures.mjs [file…]` makes only the files named; without names, all of them.
const wanted = new Set(process.argv.slice(2));
const make = async (name, fn, dir = 'pdf') => {
  if (wanted.size > 0 && !wanted.has(name)) return;
  await fn(name);
  console.log(`wrote test/fixtures/${dir}/${name}`);
};
await make('2025-batch1-draft.pdfkit.pdf', (name) =>
  draft(name, {
    font: FONT,
    fontName: FONT_NAME,
    size: 11,
    margins: { top: 80, bottom: 80, left: 90, right: 110 },
    bold: true,
    footer: (n, m) => `第 ${n} 页 共 ${m} 页`,
  }),
);
await make('2025-batch1-draft.pdfkit-cff.pdf', (name) =>
  draft(name, {
    font: CFF_FONT,
    fontName: CFF_FONT_NAME,
    size: 12,
    margins: { top: 72, bottom: 72, left: 72, right: 72 },
    bold: false,
    footer: (n) => `- ${n} -`,
  }),
);
await make('2025-batch1-draft.pdfkit-type1.pdf', mixed);
await make('encrypted.pdf', encrypted);
await make('scanned.pdf', scanned);
await make('2023-hmt.pdf', (name) => variant(name, '港澳台科技创新合作重点专项2023年度项目申报指南'), 'variants');
await make(
  '2026-advanced-computing.pdf',
  (name) => variant(name, '“先进计算与新兴软件”重点专项2026年度项目申报指南', { dir: KEY_PROGRAMME, footer: (n) => `- ${n} -` }),
  'key-programme',
);
