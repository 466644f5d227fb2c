#!/usr/bin/env node
// Writes test/fixtures/pdf/2025-batch1-draft.type3.pdf: the seed draft typeset in Type 3 fonts,
// by hand (no PDF library and no font file: Type 3 glyphs are PDF drawing procedures).
//
//   npm run build && node scripts/make-type3-fixture.mjs
//
// What it exercises (see docs/pdf.md):
// - Type 3 fonts (simple fonts, one byte per glyph): the draft needs 660 distinct characters, so
//   the text switches between three fonts of up to 255 glyphs each, often in the middle of a word;
//   the text is known only through each font's ToUnicode CMap;
// - a ToUnicode CMap that names Kangxi radicals and CJK Radicals Supplement characters for some
//   glyphs (一 as ⼀ U+2F00, 见 as ⻅ U+2EC5, …), as fonts that share one glyph between a radical and
//   an ideograph make producers do;
// - a running footer (the same line at the bottom of every page) above `N/M` page numbers, no
//   running header, 12 pt on a 37-character line, headings at body size, and lines that start
//   with `，` or hold only `。` (no line-start rule), as some producers make them.
//
// The seed's paragraphs come from the committed extracted JSON, as in make-fixtures.mjs. The output
// is byte-identical on every run with the same Node.js (the streams are deflated by its zlib).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';
import { paragraphs } from './seed-paragraphs.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const OUT = join(ROOT, 'test/fixtures/pdf/2025-batch1-draft.type3.pdf');

const PAGE = { width: 595, height: 842 };
const MARGIN = { top: 72, bottom: 96, left: 72, right: 72 };
const SIZE = 12;
const LEADING = 20;
const TITLE_SIZE = 16;
const FOOTER_SIZE = 9;
const FOOTER = '国家重点研发计划“政府间国际科技创新合作”重点专项';
const TITLE = '国家重点研发计划“政府间国际科技创新合作”重点专项2025年度第一批项目申报指南';
/** Characters whose glyph the ToUnicode CMap names by its radical. */
const AS_RADICAL = new Map([
  ['一', '\u2f00'],
  ['人', '\u2f08'],
  ['方', '\u2f45'],
  ['工', '\u2f2f'],
  ['见', '\u2ec5'],
  ['长', '\u2ed3'],
  ['门', '\u2ed4'],
]);

/** Advance of a character in thousandths of the font size: CJK and full-width 1000, the rest 500. */
const advance = (ch) => (ch.codePointAt(0) < 0x1100 ? 500 : 1000);
const widthOf = (text, size) => [...text].reduce((w, ch) => w + (advance(ch) * size) / 1000, 0);

/** Breaks `text` into lines of at most `width` points; the first line is `indent` points shorter. */
function wrap(text, width, size, indent = 0) {
  const lines = [];
  let line = '';
  let w = indent;
  for (const ch of text) {
    const a = (advance(ch) * size) / 1000;
    if (w + a > width && line) {
      // Never inside a Latin word or a number: the word moves to the next line whole. Line-start
      // punctuation (a line that begins with `，`) is allowed, as some producers do.
      const word = /[A-Za-z0-9]/.test(ch) ? /[A-Za-z0-9.\-]+$/.exec(line)?.[0] ?? '' : '';
      lines.push(line.slice(0, line.length - word.length));
      line = word;
      w = widthOf(word, size);
    }
    line += ch;
    w += a;
  }
  if (line) lines.push(line);
  return lines;
}

// 1. Lay out: a list of pages, each a list of { text, x, y, size }.
const width = PAGE.width - MARGIN.left - MARGIN.right;
const pages = [];
let page = null;
let y = 0;
const newPage = () => {
  page = [];
  pages.push(page);
  y = PAGE.height - MARGIN.top - SIZE;
};
const put = (text, x, size, leading) => {
  if (y < MARGIN.bottom) newPage();
  page.push({ text, x, y, size });
  y -= leading;
};
newPage();
for (const line of wrap(TITLE, width, TITLE_SIZE)) put(line, MARGIN.left + (width - widthOf(line, TITLE_SIZE)) / 2, TITLE_SIZE, 26);
y -= 10;
for (const p of paragraphs()) {
  const heading = p.kind === 'part' || p.kind === 'direction';
  const indent = heading ? 0 : 2 * SIZE;
  wrap(p.text, width, SIZE, indent).forEach((line, i) => put(line, MARGIN.left + (i === 0 ? indent : 0), SIZE, LEADING));
}
pages.forEach((items, i) => {
  items.push({ text: FOOTER, x: MARGIN.left + (width - widthOf(FOOTER, FOOTER_SIZE)) / 2, y: 58, size: FOOTER_SIZE });
  const number = `${i + 1}/${pages.length}`;
  items.push({ text: number, x: (PAGE.width - widthOf(number, FOOTER_SIZE)) / 2, y: 40, size: FOOTER_SIZE });
});

// 2. Fonts: every character gets a font (F1, F2, …) and a one-byte code in it, in order of use.
const glyphs = new Map();
const fonts = [];
for (const items of pages)
  for (const { text } of items)
    for (const ch of text) {
      if (glyphs.has(ch)) continue;
      if (fonts.length === 0 || fonts.at(-1).length === 255) fonts.push([]);
      fonts.at(-1).push(ch);
      glyphs.set(ch, { font: fonts.length, code: fonts.at(-1).length });
    }

// 3. Write the PDF.
const objects = [];
const reserve = () => objects.push(null);
const set = (n, body) => {
  objects[n - 1] = body;
  return n;
};
const add = (body) => set(reserve(), body);
const stream = (dict, data, deflate = true) => {
  const bytes = deflate ? deflateSync(Buffer.from(data, 'latin1'), { level: 9 }) : Buffer.from(data, 'latin1');
  return [Buffer.from(`<< ${dict}${deflate ? ' /Filter /FlateDecode' : ''} /Length ${bytes.length} >>\nstream\n`, 'latin1'), bytes, Buffer.from('\nendstream', 'latin1')];
};
const hex = (n, digits) => n.toString(16).toUpperCase().padStart(digits, '0');
const utf16 = (s) => [...s].map((ch) => { const c = ch.codePointAt(0); return c > 0xffff ? hex(0xd800 + ((c - 0x10000) >> 10), 4) + hex(0xdc00 + ((c - 0x10000) & 0x3ff), 4) : hex(c, 4); }).join('');

const wide = add(stream('', '1000 0 60 -80 940 860 d1 100 -40 800 840 re f'));
const narrow = add(stream('', '500 0 40 -80 460 700 d1 60 -40 380 700 re f'));
const blank = add(stream('', '500 0 d0'));

const fontRefs = fonts.map((chars) => {
  const names = chars.map((_, i) => `/g${i + 1}`);
  const cmapLines = [];
  for (let i = 0; i < chars.length; i += 100) {
    const chunk = chars.slice(i, i + 100);
    cmapLines.push(`${chunk.length} beginbfchar`);
    chunk.forEach((ch, k) => cmapLines.push(`<${hex(i + k + 1, 2)}> <${utf16(AS_RADICAL.get(ch) ?? ch)}>`));
    cmapLines.push('endbfchar');
  }
  const cmap = [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<00> <FF>',
    'endcodespacerange',
    ...cmapLines,
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
  ].join('\n');
  const toUnicode = add(stream('', cmap));
  const procs = chars.map((ch, i) => `${names[i]} ${ch === ' ' ? blank : advance(ch) === 1000 ? wide : narrow} 0 R`).join(' ');
  return add(
    `<< /Type /Font /Subtype /Type3 /FontBBox [0 -120 1000 880] /FontMatrix [0.001 0 0 0.001 0 0] /CharProcs << ${procs} >> ` +
      `/Encoding << /Type /Encoding /Differences [1 ${names.join(' ')}] >> /FirstChar 1 /LastChar ${chars.length} ` +
      `/Widths [${chars.map(advance).join(' ')}] /ToUnicode ${toUnicode} 0 R /Resources << >> >>`,
  );
});
const fontDict = `<< ${fontRefs.map((r, i) => `/F${i + 1} ${r} 0 R`).join(' ')} >>`;

const pagesRef = reserve();
const pageRefs = pages.map((items) => {
  const ops = ['BT'];
  for (const { text, x, y: baseline, size } of items) {
    // One run per stretch of characters in the same font, each placed where the previous ended.
    let cx = x;
    let run = null;
    const flush = () => {
      if (!run) return;
      ops.push(`/F${run.font} ${size} Tf 1 0 0 1 ${run.x.toFixed(2)} ${baseline.toFixed(2)} Tm <${run.codes}> Tj`);
      run = null;
    };
    for (const ch of text) {
      const g = glyphs.get(ch);
      if (!run || run.font !== g.font) {
        flush();
        run = { font: g.font, x: cx, codes: '' };
      }
      run.codes += hex(g.code, 2);
      cx += (advance(ch) * size) / 1000;
    }
    flush();
  }
  ops.push('ET');
  const content = add(stream('', ops.join('\n')));
  return add(`<< /Type /Page /Parent ${pagesRef} 0 R /MediaBox [0 0 ${PAGE.width} ${PAGE.height}] /Resources << /Font ${fontDict} >> /Contents ${content} 0 R >>`);
});
set(pagesRef, `<< /Type /Pages /Kids [${pageRefs.map((r) => `${r} 0 R`).join(' ')}] /Count ${pageRefs.length} >>`);
const info = add('<< /Title (guideline-ingest fixture: Type 3 fonts) /Producer (scripts/make-type3-fixture.mjs) >>');
const catalog = add(`<< /Type /Catalog /Pages ${pagesRef} 0 R >>`);

const chunks = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
let offset = chunks[0].length;
const offsets = [];
objects.forEach((body, i) => {
  offsets.push(offset);
  const parts = [Buffer.from(`${i + 1} 0 obj\n`, 'latin1'), ...(Array.isArray(body) ? body : [Buffer.from(body, 'latin1')]), Buffer.from('\nendobj\n', 'latin1')];
  for (const p of parts) {
    chunks.push(p);
    offset += p.length;
  }
});
const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
chunks.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R /Info ${info} 0 R >>\nstartxref\n${offset}\n%%EOF\n`, 'latin1'));
writeFileSync(OUT, Buffer.concat(chunks));
console.log(`wrote ${OUT}: ${pages.length} pages, ${glyphs.size} characters in ${fonts.length} Type 3 fonts`);
