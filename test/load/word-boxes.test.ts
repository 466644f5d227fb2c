/**
 * Pages of words with their boxes (pdftotext -bbox-layout, tesseract's hOCR, ALTO XML): read as the
 * seed's PDF is, whatever order the file gives its words in and whatever its unit.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadBytes } from '../../src/load/index.js';
import { processSource } from '../../src/pipeline.js';
import { wordBoxesKind } from '../../src/load/word-boxes.js';
import { attrOf, entities } from '../../src/load/xml.js';
import { ROOT, seed } from '../helpers/seed.js';
import type { Guideline } from '../../src/schema/guideline.js';
import { GuidelineError } from '../../src/types.js';

const values = (doc: Guideline) =>
  doc.directions.map((d) => [d.id, d.title, d.partners.map((p) => p.name), d.agreements.map((a) => a.title), d.domains.map((x) => x.label), d.projectCount?.value, d.funding?.amountCNY, d.duration?.maxYears, d.requirements.map((r) => r.text)]);

/** The seed's PDF as `pdftotext -bbox-layout` writes it (poppler 22; points, origin top-left). */
const BBOX = readFileSync(`${ROOT}test/fixtures/load/seed.bbox-layout.html`, 'utf8');

interface W {
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}
interface L {
  box: W;
  words: W[];
}
/** The pages of the bbox file: each page's size and lines of words. */
function pagesOf(xml: string): { width: number; height: number; lines: L[] }[] {
  const num = (tag: string, n: string) => Number(new RegExp(`${n}="([^"]+)"`).exec(tag)![1]);
  const box = (tag: string): W => ({ text: '', x0: num(tag, 'xMin'), y0: num(tag, 'yMin'), x1: num(tag, 'xMax'), y1: num(tag, 'yMax') });
  return xml
    .split('<page ')
    .slice(1)
    .map((p) => ({
      width: num(p, 'width'),
      height: num(p, 'height'),
      lines: p
        .split('<line ')
        .slice(1)
        .map((l) => ({
          box: box(l),
          words: [...l.matchAll(/<word ([^>]*)>([^<]*)<\/word>/g)].map((m) => ({ ...box(m[1]!), text: m[2]! })),
        })),
    }));
}

/** A word as OCR gives CJK: a character a word, the run's width shared out (Latin runs kept whole). */
function characters(w: W): W[] {
  const parts = w.text.match(/[A-Za-z0-9.%:~\-—&;#]+|./gu) ?? [];
  const step = (w.x1 - w.x0) / Math.max(1, parts.reduce((n, p) => n + (p.length > 1 ? p.length * 0.5 : 1), 0));
  let x = w.x0;
  return parts.map((p) => {
    const width = step * (p.length > 1 ? p.length * 0.5 : 1);
    const c = { text: p, x0: x, y0: w.y0, x1: x + width, y1: w.y1 };
    x += width;
    return c;
  });
}

const px = (n: number) => Math.round((n * 300) / 72);
/** Shuffles with a seeded generator (the order a file gives its words in must not matter). */
function shuffled<T>(xs: T[], seedValue: number): T[] {
  const out = [...xs];
  let s = seedValue || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 16807) % 2147483647;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** The seed as tesseract's hOCR: pixels at 300 dpi, a character a word, lines in the given order; `conf`: each word's x_wconf (95). */
function hocr(order: number, conf: (word: string) => number = () => 95): string {
  const pages = pagesOf(BBOX).map((p, i) => {
    const lines = shuffled(p.lines, order + i).map(
      (l, j) =>
        `<span class='ocr_line' id='line_${i + 1}_${j + 1}' title="bbox ${px(l.box.x0)} ${px(l.box.y0)} ${px(l.box.x1)} ${px(l.box.y1)}; baseline 0 -8; x_size 50">` +
        l.words.flatMap(characters).map((c, k) => `<span class='ocrx_word' id='word_${i + 1}_${j + 1}_${k + 1}' title='bbox ${px(c.x0)} ${px(c.y0)} ${px(c.x1)} ${px(c.y1)}; x_wconf ${conf(c.text)}'>${c.text}</span>`).join(' ') +
        '</span>',
    );
    return `<div class='ocr_page' id='page_${i + 1}' title='image "p${i + 1}.png"; bbox 0 0 ${px(p.width)} ${px(p.height)}; ppageno ${i}; scan_res 300 300'>\n<div class='ocr_carea'><p class='ocr_par' lang='chi_sim'>\n${lines.join('\n')}\n</p></div></div>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en" lang="en">\n<head><title></title><meta name='ocr-system' content='tesseract 5.3.0' /><meta name='ocr-capabilities' content='ocr_page ocr_carea ocr_par ocr_line ocrx_word ocrp_wconf'/></head>\n<body>\n${pages.join('\n')}\n</body>\n</html>\n`;
}

/** The seed as ALTO v4: tenths of a millimetre (mm10), words in reverse order on each page; `tab`: a thumb tab's characters in each page's right margin, level with the text; `cc`: a word's character confidences, where given. */
function alto(tab = '', cc: (word: string) => string | null = () => null): string {
  const mm10 = (n: number) => Math.round((n * 254) / 72);
  const pages = pagesOf(BBOX).map((p, i) => {
    const lines = [...p.lines].reverse().map(
      (l) =>
        `<TextLine HPOS="${mm10(l.box.x0)}" VPOS="${mm10(l.box.y0)}" WIDTH="${mm10(l.box.x1 - l.box.x0)}" HEIGHT="${mm10(l.box.y1 - l.box.y0)}">` +
        l.words.map((w) => `<String CONTENT="${w.text.replace(/"/g, '&quot;')}" HPOS="${mm10(w.x0)}" VPOS="${mm10(w.y0)}" WIDTH="${mm10(w.x1 - w.x0)}" HEIGHT="${mm10(w.y1 - w.y0)}" WC="0.97"${cc(w.text) !== null ? ` CC="${cc(w.text)}"` : ''}/>`).join('<SP/>') +
        '</TextLine>',
    );
    const side = [...tab].map((c, k) => `<TextLine HPOS="${mm10(p.width - 30)}" VPOS="${mm10(300 + k * 16)}" WIDTH="${mm10(12)}" HEIGHT="${mm10(12)}"><String CONTENT="${c}" HPOS="${mm10(p.width - 30)}" VPOS="${mm10(300 + k * 16)}" WIDTH="${mm10(12)}" HEIGHT="${mm10(12)}"/></TextLine>`).join('');
    return `<Page ID="p${i + 1}" PHYSICAL_IMG_NR="${i + 1}" WIDTH="${mm10(p.width)}" HEIGHT="${mm10(p.height)}">${side ? `<RightMargin><TextBlock>${side}</TextBlock></RightMargin>` : ''}<PrintSpace><TextBlock ID="b${i + 1}">${lines.join('\n')}</TextBlock></PrintSpace></Page>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<alto xmlns="http://www.loc.gov/standards/alto/ns-v4#"><Description><MeasurementUnit>mm10</MeasurementUnit></Description><Layout>\n${pages.join('\n')}\n</Layout></alto>\n`;
}

async function read(text: string, path: string): Promise<Guideline> {
  return processSource(await loadBytes(Buffer.from(text), path));
}

describe('pages of words with their boxes', () => {
  it('reads the seed PDF as pdftotext -bbox-layout writes it as the PDF itself', async () => {
    const { doc } = await seed();
    const got = await read(BBOX, 'seed.html');
    expect(got.document.source).toMatchObject({ format: 'word-boxes', encoding: 'bbox' });
    expect(values(got)).toEqual(values(doc));
  });

  it('reads the seed as tesseract’s hOCR (a character a word, pixels) in any order of its lines as the seed (property)', async () => {
    const { doc } = await seed();
    const want = values(doc);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 2 ** 30 }), async (order) => {
        const got = await read(hocr(order), 'seed.hocr');
        expect(got.document.source.encoding).toBe('hocr');
        expect(values(got)).toEqual(want);
      }),
      { numRuns: 3 },
    );
  });

  it('reads the seed as ALTO XML (tenths of a millimetre, lines in reverse) as the seed', async () => {
    const { doc } = await seed();
    const got = await read(alto(), 'seed.xml');
    expect(got.document.source).toMatchObject({ format: 'word-boxes', encoding: 'alto' });
    expect(values(got)).toEqual(values(doc));
  });

  it('logs what ALTO places in a page\'s side margins (a thumb tab, a character a line level with the text) and reads the seed as without it', async () => {
    const { doc } = await seed();
    const got = await read(alto('国际合作'), 'seed.xml');
    expect(values(got)).toEqual(values(doc));
    expect(got.removed.filter((r) => r.kind === 'outside-page').map((r) => r.text)[0]).toBe('国 际 合 作');
  });

  it('reads hOCR and ALTO as OCR with the engine’s own confidences: a figure read well below the file’s usual confidence is a check, uniform confidences raise none', async () => {
    const { doc } = await seed();
    const funded = doc.directions.find((d) => d.funding?.amountCNY === 2_500_000)!;
    const plain = await read(hocr(7), 'seed.hocr');
    expect(plain.document.source.ocr).toMatchObject({ engine: 'tesseract 5.3.0 (hOCR file)', mode: 'file', meanConfidence: 95, doubtBelow: { figure: 75, text: 65 } });
    expect(plain.document.source.ocr?.pages[0]).toEqual({ page: 1, dpi: 300, meanConfidence: 95 });
    expect(plain.checks.filter((c) => c.code.startsWith('ocr-'))).toEqual([]);
    // tesseract doubted the word `250` (40 where its words stand at 95): the value is kept, and checked.
    const weak = await read(hocr(7, (w) => (w === '250' ? 40 : 95)), 'seed.hocr');
    expect(values(weak)).toEqual(values(doc));
    expect(weak.checks.filter((c) => c.code === 'ocr-low-confidence').map((c) => [c.directionId, c.computed])).toEqual([[funded.id, 40]]);
    // ABBYY's CC: a digit a character, 0 sure to 9 unsure; the 5 of 250 at 8 (11 of 100).
    const abbyy = await read(alto('', (w) => (w.endsWith('：250') ? [...w].map((c, k) => (k === w.length - 2 ? '8' : '0')).join(' ') : null)), 'seed.xml');
    expect(abbyy.document.source.ocr).toMatchObject({ engine: 'unnamed engine (ALTO file)', mode: 'file', doubtBelow: { figure: 77, text: 67 } });
    expect(abbyy.checks.filter((c) => c.code === 'ocr-low-confidence').map((c) => [c.directionId, c.computed])).toEqual([[funded.id, 11]]);
    // poppler's boxes are a text layer's: no confidence, no OCR.
    expect((await read(BBOX, 'seed.html')).document.source.ocr).toBeUndefined();
  });

  it('decodes the references a word-box file or an EPUB chapter writes, and reads an attribute in either quote', () => {
    expect(entities('&#x4E2D;&#25991;&amp;&lt;b&gt;&nbsp;&quot;&apos;&copy;')).toBe('中文&<b>\u00a0"\'&copy;');
    expect([attrOf('<String CONTENT="合作" HPOS=\'12\'/>', 'CONTENT'), attrOf('<String CONTENT="合作" HPOS=\'12\'/>', 'HPOS'), attrOf('<String/>', 'WC')]).toEqual(['合作', '12', null]);
  });

  it('tells the three formats from their opening, and a page or a file of no such words apart', async () => {
    expect(wordBoxesKind(BBOX.slice(0, 4000))).toBe('bbox');
    expect(wordBoxesKind(hocr(1).slice(0, 4000))).toBe('hocr');
    expect(wordBoxesKind(alto().slice(0, 4000))).toBe('alto');
    expect(wordBoxesKind('<html><body><p class="ocr">正文</p></body></html>')).toBeNull();
    const error = await loadBytes(Buffer.from("<html><body><div class='ocr_page' title='bbox 0 0 100 100'></div></body></html>"), 'blank.hocr').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GuidelineError);
    expect((error as GuidelineError).say('zh')).toBe('这个版面文件（hOCR、ALTO 或 pdftotext -bbox 的输出）里没有一个带位置的词');
  });
});
