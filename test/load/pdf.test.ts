/**
 * PDF input: the LibreOffice rendition of the seed draft (TrueType subset fonts, a running header,
 * `—N—` footers) and this project's pdfkit rendition (CID-keyed TrueType, Identity-H, `第 N 页 共 M
 * 页` footers, simulated-bold headings), its CFF rendition, its Type 1 + CID rendition (Latin in
 * standard Times-Roman) and its Type 3 rendition (hand-made by
 * scripts/make-type3-fixture.mjs: three Type 3 fonts, radicals in ToUnicode, a running footer,
 * `N/M` page numbers) give the same directions as the text seed.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RADICAL_SUPPLEMENT } from '../../src/lexicon/chars.js';
import { diff, hasChanges } from '../../src/diff/index.js';
import { loadBytes } from '../../src/load/index.js';
import { restoredBuiltIns, useSynchronousInflate } from '../../src/load/pdfjs.js';
import { toJson } from '../../src/report/index.js';
import { processSource } from '../../src/pipeline.js';
import type { Guideline } from '../../src/schema/guideline.js';
import { GuidelineError, type Source } from '../../src/types.js';
import { ROOT, seed, seedText } from '../helpers/seed.js';

const fixture = (name: string): Buffer => readFileSync(`${ROOT}test/fixtures/pdf/${name}`);

/** Everything a reader compares (no positions). */
const values = (doc: Guideline): unknown =>
  JSON.parse(JSON.stringify(doc.directions, (k, v: unknown) => (k === 'span' || k.endsWith('Span') ? undefined : v)));

const cache = new Map<string, Promise<{ source: Source; doc: Guideline }>>();
function pdf(name: string): Promise<{ source: Source; doc: Guideline }> {
  if (!cache.has(name)) {
    cache.set(
      name,
      (async () => {
        const source = await loadBytes(fixture(name), `test/fixtures/pdf/${name}`);
        return { source, doc: processSource(source) };
      })(),
    );
  }
  return cache.get(name)!;
}

async function failure(bytes: Uint8Array, name: string, options = {}): Promise<GuidelineError> {
  try {
    await loadBytes(bytes, name, options);
  } catch (error) {
    expect(error).toBeInstanceOf(GuidelineError);
    expect((error as Error).message).not.toContain('\n');
    return error as GuidelineError;
  }
  throw new Error(`${name} loaded`);
}

describe.each(['2025-batch1-draft.libreoffice.pdf', '2025-batch1-draft.pdfkit.pdf', '2025-batch1-draft.pdfkit-cff.pdf', '2025-batch1-draft.pdfkit-type1.pdf', '2025-batch1-draft.type3.pdf'])('%s', (name) => {
  it('gives the same directions as the text seed, in every field', async () => {
    const { doc } = await pdf(name);
    const { doc: text } = await seed();
    expect(values(doc)).toEqual(values(text));
    expect(doc.document).toMatchObject({
      title: '国家重点研发计划“政府间国际科技创新合作”重点专项2025年度第一批项目申报指南',
      titleSource: 'heading',
      status: 'draft',
      year: 2025,
      batch: 1,
      source: { format: 'pdf', encoding: 'pdf', pageNumbering: 'pdf' },
    });
    expect(doc.checks.find((c) => c.code === 'funding-total-mismatch')).toMatchObject({ stated: 402_000_000, computed: 389_500_000 });
  });

  it('diffs as unchanged against the text seed', async () => {
    const { doc } = await pdf(name);
    const { doc: text } = await seed();
    const result = diff(text, doc);
    expect(result.directions.map((d) => d.status)).toEqual(Array.from({ length: 15 }, () => 'unchanged'));
    expect(hasChanges(result)).toBe(false);
  });

  it('loses no content line of the seed', async () => {
    const { source } = await pdf(name);
    // Raw text, so look-alike glyphs (the Type 3 rendition's ⻅ for 见) are read as what they stand for.
    const squash = (s: string): string => [...s.replace(/\s+/g, '').normalize('NFKC')].map((c) => RADICAL_SUPPLEMENT.get(c.codePointAt(0)!) ?? c).join('');
    const all = squash(source.text);
    const missing = seedText()
      .split('\n')
      .filter((l) => l.trim() && !/^\s*https:\/\//.test(l) && !/^— \d+ —$/.test(l.trim()))
      .filter((l) => !all.includes(squash(l)));
    expect(missing).toEqual([]);
  });
});

describe('the LibreOffice rendition', () => {
  it('has 18 pages; the running header and every —N— footer are removed and logged with their page', async () => {
    const { source, doc } = await pdf('2025-batch1-draft.libreoffice.pdf');
    const pages = Array.from({ length: 18 }, (_, i) => i + 1);
    expect(source.pages).toBe(18);
    expect(doc.removed.filter((r) => r.kind === 'page-number').map((r) => [r.text, r.page])).toEqual(pages.map((p) => [`— ${p} —`, p]));
    const headers = doc.removed.filter((r) => r.kind === 'running-header');
    expect(headers.map((r) => r.page)).toEqual(pages);
    expect(new Set(headers.map((r) => r.text))).toEqual(new Set(['“政府间国际科技创新合作”重点专项 2025 年度第一批项目申报指南']));
    expect(source.text).not.toMatch(/—\s*\d+\s*—/);
    expect(source.text).not.toContain('项目申报指南\n“政府间');
  });

  it('points provenance at the right page and line on the page', async () => {
    const { source, doc } = await pdf('2025-batch1-draft.libreoffice.pdf');
    const d22 = doc.directions.find((d) => d.id === '2.2')!;
    expect(d22.titleSpan.page).toBe(14);
    expect(source.text.split('\n')[d22.titleSpan.line - 1]!.trim()).toBe('2.2 中国和俄罗斯、白俄罗斯国家联合实验室项目');
    expect(doc.directions.find((d) => d.id === '1.7')!.titleSpan.page).toBe(7);
    expect(d22.titleSpan.pageLine).toBeGreaterThan(1);
  });
});

describe('the pdfkit rendition', () => {
  it('drops the second drawing of each simulated-bold heading, and the 第 N 页 footers', async () => {
    const { doc } = await pdf('2025-batch1-draft.pdfkit.pdf');
    const doubled = doc.removed.filter((r) => r.kind === 'doubled-glyph');
    expect(doubled).toHaveLength(17);
    expect(doubled.map((r) => r.text)).toContain('1.1中国和越南政府间联合研究项目');
    expect(doc.removed.filter((r) => r.kind === 'page-number').map((r) => r.text)).toEqual(Array.from({ length: 8 }, (_, i) => `第 ${i + 1} 页 共 8 页`));
    expect(doc.removed.filter((r) => r.kind === 'running-header')).toEqual([]);
  });
});

describe('the CFF rendition', () => {
  it('is read through a CID-keyed CFF font, and its - N - footers are removed', async () => {
    const { source, doc } = await pdf('2025-batch1-draft.pdfkit-cff.pdf');
    const footers = doc.removed.filter((r) => r.kind === 'page-number');
    expect(footers.map((r) => r.text)).toEqual(Array.from({ length: source.pages! }, (_, i) => `- ${i + 1} -`));
    expect(doc.removed.filter((r) => r.kind === 'doubled-glyph' || r.kind === 'running-header')).toEqual([]);
  });
});

describe('the Type 1 + CID rendition (Latin runs in Times-Roman, as word processors set them)', () => {
  it('draws every Latin run in a standard Type 1 font that is not embedded', () => {
    const bytes = fixture('2025-batch1-draft.pdfkit-type1.pdf').toString('latin1');
    // The font dictionary names the standard font and has no descriptor, so no embedded program.
    expect(bytes).toMatch(/<<\s*\/Type \/Font\s*\/BaseFont \/Times-Roman\s*\/Subtype \/Type1\s*\/Encoding \/WinAnsiEncoding\s*>>/);
  });

  it('removes the running header and the bare page numbers, with their page', async () => {
    const { source, doc } = await pdf('2025-batch1-draft.pdfkit-type1.pdf');
    const pages = Array.from({ length: source.pages! }, (_, i) => i + 1);
    expect(doc.removed.filter((r) => r.kind === 'page-number').map((r) => [r.text, r.page])).toEqual(pages.map((n) => [String(n), n]));
    expect(doc.removed.filter((r) => r.kind === 'running-header').map((r) => r.page)).toEqual(pages);
    // Besides those, only the seed's own two half-width colons (`包括但不限于:`), as in the text.
    expect(doc.removed.filter((r) => r.kind !== 'page-number' && r.kind !== 'running-header').map((r) => [r.kind, r.text, r.replacement])).toEqual([
      ['halfwidth-punct', ':', '：'],
      ['halfwidth-punct', ':', '：'],
    ]);
  });
});

describe('the Type 3 rendition', () => {
  it('is drawn only in Type 3 fonts, several per line', () => {
    const bytes = fixture('2025-batch1-draft.type3.pdf').toString('latin1');
    expect(bytes.match(/\/Subtype \/Type3/g)).toHaveLength(3);
    expect(bytes).not.toMatch(/\/Subtype \/(TrueType|Type0|Type1|CIDFontType)/);
  });

  it('normalises the radicals its ToUnicode maps give (征求意⻅稿, ⼀), logged with their page', async () => {
    const { doc } = await pdf('2025-batch1-draft.type3.pdf');
    const lookalikes = doc.removed.filter((r) => r.kind === 'lookalike-glyph');
    expect(new Set(lookalikes.map((r) => `${r.text}→${r.replacement}`))).toEqual(new Set(['⼀→一', '⼈→人', '⽅→方', '⼯→工', '⻅→见', '⻓→长', '⻔→门']));
    expect(lookalikes.find((r) => r.text === '⻅')).toMatchObject({ page: 1, line: 3 });
    expect(lookalikes.every((r) => r.page !== null && r.page >= 1 && r.page <= 10)).toBe(true);
    expect(doc.document.status).toBe('draft');
  });

  it('removes the running footer and the N/M page numbers of every page, with the page', async () => {
    const { doc } = await pdf('2025-batch1-draft.type3.pdf');
    const pages = Array.from({ length: 10 }, (_, i) => i + 1);
    expect(doc.removed.filter((r) => r.kind === 'page-number').map((r) => [r.text, r.page])).toEqual(pages.map((n) => [`${n}/10`, n]));
    expect(doc.removed.filter((r) => r.kind === 'running-footer').map((r) => [r.text, r.page])).toEqual(
      pages.map((n) => ['国家重点研发计划“政府间国际科技创新合作”重点专项', n]),
    );
    expect(doc.removed.filter((r) => r.kind === 'running-header' || r.kind === 'doubled-glyph')).toEqual([]);
    expect(doc.directions.find((d) => d.id === '2.2')!.titleSpan).toMatchObject({ page: 9, pageLine: 1 });
  });
});

describe('pdf.js leaves the built-ins as it found them', () => {
  // Taken before any PDF is read in this test file's process.
  const natives = { push: Array.prototype.push, stringify: JSON.stringify, parse: JSON.parse, toString: Function.prototype.toString };

  it('puts back the native methods its polyfills replace (and only those), keeping what it adds', async () => {
    await pdf('2025-batch1-draft.pdfkit.pdf');
    expect(Array.prototype.push).toBe(natives.push);
    expect(JSON.stringify).toBe(natives.stringify);
    expect(JSON.parse).toBe(natives.parse);
    expect(Function.prototype.toString).toBe(natives.toString);
    // A pdfjs-dist upgrade that replaces something else shows here: look at what it is, then update.
    expect(restoredBuiltIns).toEqual(['Array.prototype.push', 'Function.prototype.toString', 'JSON.parse', 'JSON.stringify']);
    expect(typeof (Promise as { withResolvers?: unknown }).withResolvers).toBe('function');
  });
});

describe('pdf.js with its own synchronous inflater (as the CLI runs it)', () => {
  it('gives byte-identical output for every fixture', async () => {
    const names = ['2025-batch1-draft.libreoffice.pdf', '2025-batch1-draft.pdfkit.pdf', '2025-batch1-draft.pdfkit-cff.pdf', '2025-batch1-draft.pdfkit-type1.pdf', '2025-batch1-draft.type3.pdf'];
    const json = async (name: string): Promise<string> => toJson(processSource(await loadBytes(fixture(name), `test/fixtures/pdf/${name}`)));
    const withStreams = await Promise.all(names.map(json));
    expect(typeof globalThis.DecompressionStream).toBe('function');
    const restore = useSynchronousInflate();
    try {
      expect(typeof globalThis.DecompressionStream).toBe('undefined');
      expect(await Promise.all(names.map(json))).toEqual(withStreams);
    } finally {
      restore();
    }
    expect(typeof globalThis.DecompressionStream).toBe('function');
  });
});

describe('bad PDFs: one clear line each', () => {
  it('encrypted: needs a password', async () => {
    const e = await failure(fixture('encrypted.pdf'), 'encrypted.pdf');
    expect([e.code, e.message]).toEqual(['pdf-encrypted', 'encrypted PDF: it needs a password to open']);
  });

  it('no text layer, OCR off: OCR is needed', async () => {
    const e = await failure(fixture('scanned.pdf'), 'scanned.pdf', { ocr: 'off' });
    expect([e.code, e.message]).toEqual(['pdf-no-text', 'no text layer in 1 page (a scanned document?): OCR is needed first']);
  });

  it('no text layer, a scan too coarse for OCR (40 dpi): said so, not read', async () => {
    const e = await failure(fixture('scanned.pdf'), 'scanned.pdf');
    expect([e.code, e.message]).toEqual(['ocr-unreadable', 'page 1 is a scan of 40 dpi, too coarse to read (OCR needs 100 dpi or more; 200–300 dpi is best)']);
  });

  it('truncated', async () => {
    const bytes = fixture('2025-batch1-draft.pdfkit.pdf');
    const e = await failure(bytes.subarray(0, Math.floor(bytes.length / 2)), 'half.pdf');
    expect(['pdf-corrupt', 'pdf-no-text']).toContain(e.code);
  });

  it('corrupt', async () => {
    const e = await failure(Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2000, 0x5a)]), 'corrupt.pdf');
    expect(e.code).toBe('pdf-corrupt');
    // In terms of the file; pdf.js's own words are kept apart for --verbose and --json.
    expect(e.message).toBe('damaged PDF: its internal structure cannot be read');
    expect(e.detail).toMatch(/^pdf\.js: /);
  });

  it('not a PDF despite the extension', async () => {
    const e = await failure(Buffer.from('这不是PDF文件'), 'fake.pdf');
    expect([e.code, e.message]).toEqual(['not-a-pdf', 'not a PDF (no %PDF- header), despite the .pdf extension']);
  });

  it('over the time limit: gives up, no hang', async () => {
    const e = await failure(fixture('2025-batch1-draft.libreoffice.pdf'), 'slow.pdf', { timeoutMs: 1 });
    expect([e.code, e.message]).toEqual(['timeout', 'took longer than 1 ms: gave up']);
  });
});
