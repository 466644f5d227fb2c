/**
 * Pages of words with their boxes, as text tools write them: tesseract's hOCR (`ocr_page`,
 * `ocr_line`, `ocrx_word` with `title="bbox x0 y0 x1 y1; x_wconf 93"`), ALTO XML (ABBYY FineReader,
 * library digitisation: `Page`, `TextLine`, `String CONTENT HPOS VPOS WIDTH HEIGHT WC`) and poppler's
 * `pdftotext -bbox` / `-bbox-layout` (`page`, `line`, `word xMin yMin xMax yMax`). The order the
 * file gives its words in is not trusted (a table's cells, two columns): the words are placed on
 * their pages as a PDF's runs are and read by the same layout (`pdf-lines.ts`: lines, columns,
 * tables, page numbers, running heads). Each page is scaled to an A4 page's width in points; a
 * word stands on its line's foot and has its line's height, so that a line's words share a
 * baseline. Pure.
 */
import { GuidelineError, type SourceOcr } from '../types.js';
import { fileOcrDoubt } from '../lexicon/ocr-confusions.js';
import { reason } from '../messages/reasons.js';
import { pagesText, type PageItems, type PagesText, type TextItem } from './pdf-lines.js';
import { attrOf as attr, entities } from './xml.js';

export type WordBoxesKind = 'hocr' | 'alto' | 'bbox';

/** Which of the word-box formats the text's opening is, or null. */
export function wordBoxesKind(head: string): WordBoxesKind | null {
  if (/<alto[\s>]/i.test(head) && /<(?:String|Page)\b/.test(head)) return 'alto';
  if (/class=['"](?:ocr_page|ocr_carea|ocr_line|ocrx_word)\b/.test(head) && /title=['"][^'"]*\bbbox\s+\d/.test(head)) return 'hocr';
  if (/<word\s[^>]*\bxMin=/.test(head) && /<page\s[^>]*\bwidth=/.test(head)) return 'bbox';
  return null;
}

/** A4's width in points: every page is scaled to it. */
const A4_WIDTH = 595.28;

interface Box {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}
interface Word extends Box {
  readonly text: string;
  /** The line's box, where the format groups words in lines. */
  readonly line: Box | null;
  /** The engine's confidence (0–100) of each code unit of `text`, where the file gives one. */
  readonly confidence?: readonly number[];
}
interface Page {
  readonly width: number;
  readonly height: number;
  /** The scan's resolution, where the file states it (hOCR's `scan_res`). */
  readonly dpi?: number;
  readonly words: Word[];
  /** Words the file itself places outside the page's text (ALTO's side margins: a thumb tab, a side note). */
  readonly aside?: string[];
}

const num = (tag: string, name: string): number => Number(attr(tag, name) ?? NaN);
const bboxOf = (title: string | null): Box | null => {
  const m = /\bbbox\s+(-?\d+(?:\.\d+)?)\s+(-?\d+(?:\.\d+)?)\s+(-?\d+(?:\.\d+)?)\s+(-?\d+(?:\.\d+)?)/.exec(title ?? '');
  return m ? { x0: Number(m[1]), y0: Number(m[2]), x1: Number(m[3]), y1: Number(m[4]) } : null;
};

/** Every start tag, end tag and text between them, in order. */
function* tags(xml: string): Generator<{ tag: string; name: string; end: boolean; self: boolean; text: string }> {
  const re = /<(\/?)([\w:.-]+)((?:"[^"]*"|'[^']*'|[^'">])*)>/g;
  let last = 0;
  for (let m = re.exec(xml); m !== null; m = re.exec(xml)) {
    yield { tag: m[0], name: m[2]!.replace(/^.*:/, ''), end: m[1] === '/', self: m[3]!.endsWith('/'), text: xml.slice(last, m.index) };
    last = re.lastIndex;
  }
}

/** A confidence (0–100) an hOCR `title` states under `key` (`x_wconf 93`, `x_conf 98.4`), or null. */
function hocrConfidence(title: string | null, key: string): number | null {
  const m = new RegExp(`\\b${key}\\s+(\\d+(?:\\.\\d+)?)`).exec(title ?? '');
  return m ? Math.min(100, Math.round(Number(m[1]))) : null;
}

/** hOCR: pages by `ocr_page`, lines by `ocr_line` (and its kin: `ocr_caption`, `ocr_header` …), words by `ocrx_word`. */
function hocrPages(xml: string): Page[] {
  const pages: Page[] = [];
  // The names of the open elements, to know which element a word's text ends with.
  const open: string[] = [];
  let line: Box | null = null;
  let word: { box: Box; text: string; depth: number; conf: number | null; chars: number[]; pending: number | null } | null = null;
  for (const t of tags(xml)) {
    if (word) {
      word.text += t.text;
      // (A character's own box and confidence: tesseract's `ocrx_cinfo` with `x_conf`, its text the next.)
      if (word.pending !== null) for (const _ of entities(t.text).trim().split('').filter((c) => c !== '')) word.chars.push(word.pending);
      word.pending = null;
    }
    if (t.end) {
      // (HTML closes elements loosely: pop to the matching name.)
      const at = open.lastIndexOf(t.name);
      if (at < 0) continue;
      open.length = at;
      if (word && open.length <= word.depth) {
        const text = entities(word.text.replace(/<[^>]*>/g, '')).trim();
        const confidence = word.chars.length === text.length ? word.chars : word.conf !== null ? text.split('').map(() => word!.conf!) : undefined;
        if (text !== '') pages[pages.length - 1]?.words.push({ ...word.box, text, line, ...(confidence ? { confidence } : {}) });
        word = null;
      }
      continue;
    }
    const cls = attr(t.tag, 'class') ?? '';
    const title = attr(t.tag, 'title');
    const box = bboxOf(title);
    if (/\bocr_page\b/.test(cls)) {
      const dpi = Number(/\bscan_res\s+(\d+)/.exec(title ?? '')?.[1] ?? NaN);
      pages.push({ width: box ? box.x1 - box.x0 : 0, height: box ? box.y1 - box.y0 : 0, words: [], ...(dpi >= 1 ? { dpi } : {}) });
    } else if (/\bocr_(?:line|caption|header|textfloat|separator)\b/.test(cls)) line = box;
    else if (/\bocrx_word\b/.test(cls) && box && pages.length > 0) word = { box, text: '', depth: open.length, conf: hocrConfidence(title, 'x_wconf'), chars: [], pending: null };
    else if (word && /\bocrx_cinfo\b/.test(cls)) word.pending = hocrConfidence(title, 'x_conf');
    if (!t.self && !/^(?:br|img|meta|link|hr|input)$/i.test(t.name)) open.push(t.name);
  }
  return pages;
}

/**
 * An ALTO word's confidence, 0–100, for each code unit of its text: from `CC` (a digit a
 * character, 0 sure to 9 unsure), else `WC` (the word's, 0–1), else none.
 */
function altoConfidence(tag: string, text: string): number[] | undefined {
  const cc = (attr(tag, 'CC') ?? '').replace(/\s+/g, '');
  if (cc.length === text.length && /^\d+$/.test(cc)) return cc.split('').map((d) => Math.round(((9 - Number(d)) / 9) * 100));
  const wc = Number(attr(tag, 'WC') ?? NaN);
  return Number.isFinite(wc) && wc >= 0 && wc <= 1 ? text.split('').map(() => Math.round(wc * 100)) : undefined;
}

/** ALTO: pages by `Page`, lines by `TextLine`, words by `String` (`CONTENT`; a hyphenated word's parts by `SUBS_CONTENT`, read once). */
function altoPages(xml: string): Page[] {
  const pages: Page[] = [];
  let line: Box | null = null;
  // Where a hyphenated word's second part stood (read with its first): the line's next word starts there.
  let part2: number | null = null;
  // Inside a side margin (`LeftMargin`, `RightMargin`: a thumb tab's characters, a side note).
  let side = false;
  for (const t of tags(xml)) {
    if (/^(?:Left|Right)Margin$/.test(t.name)) side = !t.end && !t.self;
    if (t.end) continue;
    const box = (): Box | null => {
      const x = num(t.tag, 'HPOS');
      const y = num(t.tag, 'VPOS');
      const w = num(t.tag, 'WIDTH');
      const h = num(t.tag, 'HEIGHT');
      return [x, y, w, h].every(Number.isFinite) ? { x0: x, y0: y, x1: x + w, y1: y + h } : null;
    };
    if (t.name === 'Page') pages.push({ width: num(t.tag, 'WIDTH') || 0, height: num(t.tag, 'HEIGHT') || 0, words: [], aside: [] });
    else if (t.name === 'TextLine') {
      line = box();
      part2 = null;
    } else if (t.name === 'String' && pages.length > 0) {
      const b = box();
      const subs = attr(t.tag, 'SUBS_TYPE');
      // A word hyphenated across lines: its first part carries the whole word, the second nothing.
      const text = entities(subs === 'HypPart1' ? attr(t.tag, 'SUBS_CONTENT') ?? attr(t.tag, 'CONTENT') ?? '' : subs === 'HypPart2' ? '' : attr(t.tag, 'CONTENT') ?? '').trim();
      if (b && subs === 'HypPart2') part2 = b.x0;
      else if (side && text !== '') pages[pages.length - 1]!.aside?.push(text);
      else if (b && text !== '') {
        const confidence = altoConfidence(t.tag, text);
        pages[pages.length - 1]!.words.push({ ...b, x0: part2 ?? b.x0, text, line, ...(confidence ? { confidence } : {}) });
        part2 = null;
      }
    }
  }
  return pages;
}

/** poppler's `-bbox` / `-bbox-layout`: pages by `page`, lines by `line` (layout only), words by `word`. */
function bboxPages(xml: string): Page[] {
  const pages: Page[] = [];
  let line: Box | null = null;
  let word: Box | null = null;
  const box = (tag: string): Box => ({ x0: num(tag, 'xMin'), y0: num(tag, 'yMin'), x1: num(tag, 'xMax'), y1: num(tag, 'yMax') });
  for (const t of tags(xml)) {
    if (word && t.end && t.name === 'word') {
      const text = entities(t.text).trim();
      if (text !== '') pages[pages.length - 1]?.words.push({ ...word, text, line });
      word = null;
      continue;
    }
    if (t.end) {
      if (t.name === 'line') line = null;
      continue;
    }
    if (t.name === 'page') pages.push({ width: num(t.tag, 'width') || 0, height: num(t.tag, 'height') || 0, words: [] });
    else if (t.name === 'line') line = box(t.tag);
    else if (t.name === 'word' && pages.length > 0) word = box(t.tag);
  }
  return pages;
}

/** Full-width punctuation whose ink stands at the right of its square (`（`, `《`, `“`) or at its left (`）`, `；`, `。`). */
const OPENING = /^[（《“‘〈【「『〔]$/;
const CLOSING = /^[）》”’〉】」』〕；，。、：！？]$/;

/**
 * A word's box as the square its glyphs take (an OCR engine boxes the ink: a lone `；` or `（` a
 * third of a glyph wide, so that a typeset line looks parted into cells at its punctuation).
 */
function advanceOf(w: Word, em: number): { x0: number; x1: number } {
  if (w.x1 - w.x0 >= em * 0.8) return w;
  if (OPENING.test(w.text)) return { x0: Math.min(w.x0, w.x1 - em), x1: w.x1 };
  if (CLOSING.test(w.text)) return { x0: w.x0, x1: Math.max(w.x1, w.x0 + em) };
  return w;
}

/** A page's words as a PDF page's runs: y up from the page's foot, scaled to A4's width; `ocr`: read from a scan (a sheet sits a little higher or lower on each page, its numbers may be misread). */
function pageItems(page: Page, ocr: boolean): PageItems {
  const right = Math.max(page.width, ...page.words.map((w) => w.x1));
  const foot = Math.max(page.height, ...page.words.map((w) => w.y1));
  const scale = right > 0 ? A4_WIDTH / right : 1;
  const items: TextItem[] = page.words.map((w) => {
    const on = w.line ?? w;
    const { x0, x1 } = ocr ? advanceOf(w, (on.y1 - on.y0) * 0.95) : w;
    return { str: w.text, x: x0 * scale, y: (foot - on.y1) * scale, width: (x1 - x0) * scale, size: Math.max(1, (on.y1 - on.y0) * scale * 0.9), hasEOL: false, ...(ocr && w.confidence ? { confidence: w.confidence } : {}) };
  });
  // In reading order (top to bottom, then left to right), never the file's.
  items.sort((p, q) => q.y - p.y || p.x - q.x);
  return { box: [0, 0, right * scale, foot * scale], items, ...(ocr ? { ocr } : {}) };
}

/** The engine a word-box file names (hOCR's `ocr-system` meta, ALTO's processing software), and the format. */
function engineOf(xml: string, kind: WordBoxesKind): string {
  const head = xml.slice(0, 65536);
  const meta = /<meta\b[^>]*\bname=['"]ocr-system['"][^>]*>/i.exec(head)?.[0];
  const named =
    kind === 'hocr'
      ? meta
        ? attr(meta, 'content')
        : null
      : [/<(?:\w+:)?softwareCreator>([^<]*)</.exec(head)?.[1], /<(?:\w+:)?softwareName>([^<]*)</.exec(head)?.[1], /<(?:\w+:)?softwareVersion>([^<]*)</.exec(head)?.[1]]
          .map((s) => s?.trim() ?? '')
          // (A creator the name already starts with, `ABBYY` / `ABBYY FineReader Engine`, is said once.)
          .filter((s, i, all) => s !== '' && !(i === 0 && all[1]!.startsWith(s)))
          .join(' ');
  return `${named && named.trim() !== '' ? entities(named.trim()) : 'unnamed engine'} (${kind === 'hocr' ? 'hOCR' : 'ALTO'} file)`;
}

/** The text of a word-box file's pages, as a PDF's are read; hOCR and ALTO with the engine's confidences, as OCR. */
export function readWordBoxes(xml: string, kind: WordBoxesKind): PagesText & { ocr?: SourceOcr; ocrConfidence?: Uint8Array } {
  const pages = (kind === 'hocr' ? hocrPages(xml) : kind === 'alto' ? altoPages(xml) : bboxPages(xml)).filter((p) => p.words.length > 0 || p.width > 0);
  if (pages.length === 0) throw new GuidelineError('pdf-no-text', reason('word-boxes-no-text'));
  // (hOCR and ALTO are an OCR engine's reading of a scan; poppler's boxes are a PDF's own text.)
  const { confidence, ...read } = pagesText(pages.map((p) => pageItems(p, kind !== 'bbox')), () => new GuidelineError('pdf-no-text', reason('word-boxes-no-text')));
  // (What the file puts in a page's side margins is no text of the page: logged, page by page.)
  const aside = pages.flatMap((p, i) => (p.aside && p.aside.length > 0 ? [{ kind: 'outside-page' as const, text: p.aside.join(' '), line: null, start: null, end: null, page: i + 1 }] : []));
  const text = { ...read, removed: [...read.removed, ...aside] };
  if (!confidence) return text;
  // (The engine's confidences make the file a scan read by OCR: its values are doubted as a scan's are.)
  const ocrPages = pages.flatMap((p, i) => {
    const units = p.words.flatMap((w) => w.confidence ?? []);
    return units.length > 0 ? [{ page: i + 1, ...(p.dpi ? { dpi: p.dpi } : {}), meanConfidence: Math.round((units.reduce((a, b) => a + b, 0) / units.length) * 10) / 10 }] : [];
  });
  return { ...text, ocr: { engine: engineOf(xml, kind), mode: 'file', pages: ocrPages, meanConfidence: confidence.mean, doubtBelow: fileOcrDoubt(confidence.median) }, ocrConfidence: confidence.confidence };
}
