/**
 * Word `.docx` input: the ZIP opened with fflate, its XML parts read with saxes (`xml.ts`), the body
 * read block by block (`blocks.ts`). A paragraph is one line, with the number Word shows before it
 * (`numbering.ts`: `一、`, `（一）`, `1.1`); a line break inside it (`w:br`, `w:cr`) is a line
 * break; a table is `| cell | cell |` rows, a cell merged across columns (`gridSpan`) or rows
 * (`vMerge`) repeated in each cell it covers (a caption row across the table is its text in every
 * column, read by `clean` as a heading). Text boxes are read after the paragraph they are anchored
 * in (once: Word's fallback copy of each is not). Deleted revisions, field codes and drawings are not
 * text. Left out and logged: footnotes and endnotes (`footnote`: they would otherwise read as part
 * of the last direction), headers and footers (`running-header`, `running-footer`), hidden text
 * (`hidden-text`). Pure.
 */
import { GuidelineError, type Removal } from '../types.js';
import { reason } from '../messages/reasons.js';
import { buildText, cellLines, cellText, isDataHeader, squareRows, unplaced, type Block, type BuiltText } from './blocks.js';
import { Numbering } from './numbering.js';
import { isZip, openZip } from './office.js';
import { blocksOf, embeddedRows } from './xlsx.js';
import { descendants, kid, kids, parseXml, partPath, val, xmlPart, type XmlElement } from './xml.js';

interface Style {
  readonly basedOn: string | undefined;
  readonly numId: string | undefined;
  readonly ilvl: number | undefined;
}

function xmlOf(files: Readonly<Record<string, Uint8Array>>, name: string): XmlElement | undefined {
  return xmlPart(files, name, (part, detail) => new GuidelineError('docx-corrupt', reason('docx-bad-xml', part), detail));
}

/**
 * A table of contents Word made from the headings: a content control of the gallery `Table of
 * Contents`, or paragraphs of its styles `TOC 1` … `TOC 9`. Printed, but no text of its own: left
 * out and logged, as a 目录 in a text is.
 */
function isTocBlock(sdt: XmlElement): boolean {
  const gallery = descendants(kid(sdt, 'sdtPr') ?? sdt, 'docPartGallery')[0];
  return gallery !== undefined && /table of contents/i.test(gallery.attrs['val'] ?? '');
}
/**
 * A content control of a form left empty: it shows its prompt (`w:showingPlcHdr`, Word's grey
 * `单击或点击此处输入文字。`), no text of the document.
 */
function showsPrompt(sdt: XmlElement): boolean {
  return on(kid(kid(sdt, 'sdtPr'), 'showingPlcHdr'));
}
function isTocParagraph(p: XmlElement): boolean {
  const style = val(kid(p, 'pPr'), 'pStyle');
  return style !== undefined && /^toc\s?[1-9]$/i.test(style);
}

/**
 * The text boxes (`w:txbxContent`) anchored in `e`, in document order. Word writes each box twice:
 * as a shape (`mc:Choice`) and again for older readers (`mc:Fallback`, a VML text box); only the
 * first is read, the fallback only where there is no choice with a box.
 */
function textBoxes(e: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (x: XmlElement): void => {
    for (const c of kids(x)) {
      if (c.name === 'txbxContent') out.push(c);
      else if (c.name === 'AlternateContent') {
        const choice = kids(c, 'Choice').find((ch) => descendants(ch, 'txbxContent').length > 0);
        const chosen = choice ?? kid(c, 'Fallback');
        if (chosen) walk(chosen);
      } else walk(c);
    }
  };
  walk(e);
  return out;
}

/** The paragraph text of an element (a footnote, a header), paragraphs on lines of their own. */
function plainText(e: XmlElement): string {
  return descendants(e, 'p')
    .map(plainRuns)
    .filter((l) => l.trim() !== '')
    .join('\n');
}

/** The text of the runs in an element, joined (an inline content control's, a paragraph's). */
function plainRuns(e: XmlElement): string {
  return descendants(e, 't').map((t) => t.children.filter((c) => typeof c === 'string').join('')).join('');
}

const on = (e: XmlElement | undefined): boolean => e !== undefined && e.attrs['val'] !== '0' && e.attrs['val'] !== 'false';

/** A paragraph's first line with the number Word shows before it (after its indent), and the space Word puts after the number where it keeps them apart. */
function numbered(first: string, n: NonNullable<ReturnType<Numbering['next']>>): string {
  const lead = /^[\s\u3000\u00a0]*/.exec(first)![0];
  // After punctuation the tab or space Word puts there adds nothing, but before a digit it
  // keeps the number apart (`3. 8英寸…` is not `3.8英寸…`).
  const digitNext = /^\d/.test(first.slice(lead.length));
  const sep = n.suffix === 'nothing' ? '' : /[、.．，。）)\]】：:]$/u.test(n.text) && !digitNext ? '' : ' ';
  return `${lead}${n.text}${sep}${first.slice(lead.length)}`;
}

/** Elements of a paragraph whose runs are its text, as its own are (links, insertions, smart tags, simple fields…). */
const RUN_HOLDERS: ReadonlySet<string> = new Set(['hyperlink', 'ins', 'smartTag', 'customXml', 'fldSimple', 'dir', 'bdo', 'moveTo']);

/** What each element of a run adds to the paragraph's text, by its name (an element not here adds nothing); `vanish`: the run is hidden. */
const RUN_CONTENT: ReadonlyMap<string, (text: ParagraphText, c: XmlElement, vanish: boolean) => void> = new Map<string, (text: ParagraphText, c: XmlElement, vanish: boolean) => void>([
  ['fldChar', (text, c) => text.fieldChar(c.attrs['fldCharType'])],
  ['t', (text, c, vanish) => text.textOf(c, vanish)],
  ['tab', (text, _c, vanish) => text.tab(vanish)],
  ['ptab', (text, _c, vanish) => text.tab(vanish)],
  ['br', (text, c, vanish) => text.lineBreak(c, vanish)],
  ['cr', (text, c, vanish) => text.lineBreak(c, vanish)],
  ['noBreakHyphen', (text) => text.append('-')],
  [
    'sym',
    (text, c) => {
      const code = parseInt(c.attrs['char'] ?? '', 16);
      if (Number.isFinite(code) && !(code >= 0xf000 && code <= 0xf0ff)) text.append(String.fromCodePoint(code));
    },
  ],
]);

/** The text of one paragraph as its runs give it: its lines, the text hidden in it, the fields being read. */
class ParagraphText {
  readonly lines: string[] = [''];
  readonly hidden: string[] = [];
  /** The prompts of the form's empty fields in it (`单击或点击此处输入文字。`). */
  readonly prompts: string[] = [];
  private inField = 0;
  /** Each field the runs are in, innermost last: whether its result (after `separate`) is being read, not its code. */
  private readonly fieldShowing: boolean[] = [];

  /** Reads the runs of `e`, and of the elements in it that hold runs. */
  walk(e: XmlElement): void {
    for (const c of kids(e)) {
      if (c.name === 'r') this.run(c);
      else if (RUN_HOLDERS.has(c.name)) this.walk(c);
      else if (c.name === 'sdt' && showsPrompt(c)) this.prompts.push(plainRuns(c));
      else if (c.name === 'sdt') this.walk(kid(c, 'sdtContent') ?? c);
      // pPr, del, moveFrom, bookmarks, comments, proofing marks: no text.
    }
  }

  /** A run: each of its elements read by `RUN_CONTENT`. */
  private run(r: XmlElement): void {
    const rPr = kid(r, 'rPr');
    const vanish = on(kid(rPr, 'vanish'));
    for (const c of r.children) {
      if (typeof c === 'string') continue;
      RUN_CONTENT.get(c.name)?.(this, c, vanish);
    }
  }

  /** Appends `s` to the paragraph's last line. */
  append(s: string): void {
    this.lines[this.lines.length - 1] += s;
  }

  /** A field's `begin` (its code follows), `separate` (its result follows) or `end`. */
  fieldChar(type: string | undefined): void {
    if (type === 'begin') this.fieldShowing.push(false);
    else if (type === 'separate') this.fieldShowing[this.fieldShowing.length - 1] = true;
    else if (type === 'end') this.fieldShowing.pop();
    this.inField = this.fieldShowing.length;
  }

  /** A `w:t`'s text: none in a field's code; hidden text set apart. */
  textOf(c: XmlElement, vanish: boolean): void {
    if (this.inField > 0 && !this.fieldShowing[this.fieldShowing.length - 1]) return;
    const t = c.children.filter((x) => typeof x === 'string').join('');
    if (vanish) this.hidden.push(t);
    else this.append(t);
  }

  /** A tab, unless hidden. */
  tab(vanish: boolean): void {
    if (!vanish) this.append('\t');
  }

  /** A line break (`w:br`, `w:cr`) starts a line, unless hidden; a page or column break does not. */
  lineBreak(c: XmlElement, vanish: boolean): void {
    if (!vanish && c.attrs['type'] !== 'page' && c.attrs['type'] !== 'column') this.lines.push('');
  }
}

export class DocxReader {
  readonly removed: Removal[] = [];
  private readonly styles = new Map<string, Style>();
  private defaultStyle: string | undefined;
  private readonly numbering: Numbering;
  /** How many table cells the paragraphs being read stand in (0 in the body). */
  private cellDepth = 0;

  /** `embedded`: the blocks of an object embedded in the document (`r:id` of an `o:OLEObject`), where the reader reads its kind. */
  constructor(
    stylesXml: XmlElement | undefined,
    numberingXml: XmlElement | undefined,
    private readonly embedded: (id: string, progId: string) => Block[] = () => [],
  ) {
    this.numbering = new Numbering(numberingXml);
    for (const s of kids(stylesXml, 'style')) {
      const id = s.attrs['styleId'] ?? '';
      const numPr = kid(kid(s, 'pPr'), 'numPr');
      const ilvl = val(numPr, 'ilvl');
      this.styles.set(id, { basedOn: val(s, 'basedOn'), numId: val(numPr, 'numId'), ilvl: ilvl === undefined ? undefined : Number(ilvl) });
      if (s.attrs['type'] === 'paragraph' && (s.attrs['default'] === '1' || s.attrs['default'] === 'true')) this.defaultStyle = id;
      if (s.attrs['type'] === 'numbering' && numPr) this.numbering.styleNumIds.set(id, val(numPr, 'numId') ?? '');
    }
  }

  /** numId and level of a paragraph: its own `numPr`, else its style's (through `basedOn`). */
  private numberOf(pPr: XmlElement | undefined): { numId: string; ilvl: number } | null {
    const numPr = kid(pPr, 'numPr');
    const style = val(pPr, 'pStyle') ?? this.defaultStyle;
    let numId = val(numPr, 'numId');
    let ilvl = val(numPr, 'ilvl') === undefined ? undefined : Number(val(numPr, 'ilvl'));
    for (let s = style, guard = 0; s !== undefined && guard < 20 && (numId === undefined || ilvl === undefined); guard++) {
      const st = this.styles.get(s);
      if (!st) break;
      numId ??= st.numId;
      if (ilvl === undefined && st.numId !== undefined) ilvl = st.ilvl;
      s = st.basedOn;
    }
    if (numId === undefined) return null;
    if (ilvl === undefined && style !== undefined) ilvl = this.numbering.levelOfStyle(numId, style);
    return { numId, ilvl: ilvl ?? 0 };
  }

  /** The lines of a paragraph, its number first. */
  paragraph(p: XmlElement): string[] {
    const pPr = kid(p, 'pPr');
    const text = new ParagraphText();
    text.walk(p);
    const { lines, hidden, prompts } = text;
    if (hidden.join('').trim() !== '') this.removed.push({ kind: 'hidden-text', text: hidden.join(''), line: null, start: null, end: null, page: null });
    for (const t of prompts) if (t.trim() !== '') this.removed.push(unplaced('form-prompt', t));
    const hasText = lines.some((l) => l.trim() !== '');
    const num = this.numberOf(pPr);
    if (num && hasText) {
      const n = this.numbering.next(num.numId, num.ilvl);
      if (n && n.text !== '') lines[0] = numbered(lines[0]!, n);
    } else if (num) {
      // An empty numbered paragraph: Word shows its number; a reader of the text sees nothing. But in
      // a table's cell the number is the cell's text: a 序号 column numbered by Word (`1`, `2`, …).
      const n = this.numbering.next(num.numId, num.ilvl);
      if (this.cellDepth > 0 && n && n.text.trim() !== '') lines[0] = n.text.trim();
    }
    return lines.map((l) => l.replace(/\t/g, ' '));
  }

  /** The blocks of a body (or a cell's content). */
  blocks(body: XmlElement, out: Block[] = []): Block[] {
    for (const c of kids(body)) {
      switch (c.name) {
        case 'p':
          if (isTocParagraph(c)) {
            this.removed.push({ kind: 'table-of-contents', text: plainText(c), line: null, start: null, end: null, page: null });
            break;
          }
          out.push({ kind: 'text', lines: this.paragraph(c) });
          // An object embedded in the paragraph (a worksheet holding the table of directions): its own text.
          for (const o of descendants(c, 'OLEObject')) out.push(...this.embedded(o.attrs['id'] ?? '', o.attrs['ProgID'] ?? ''));
          // Text boxes anchored in the paragraph (a direction printed as a card in a box): their
          // paragraphs after its own, each box read once (below).
          for (const box of textBoxes(c)) this.blocks(box, out);
          break;
        case 'tbl':
          this.table(c, out);
          break;
        case 'sdt':
          if (showsPrompt(c)) {
            this.removed.push(unplaced('form-prompt', plainText(kid(c, 'sdtContent') ?? c)));
            break;
          }
          if (isTocBlock(c)) {
            this.removed.push({ kind: 'table-of-contents', text: plainText(kid(c, 'sdtContent') ?? c), line: null, start: null, end: null, page: null });
            break;
          }
          this.blocks(kid(c, 'sdtContent') ?? c, out);
          break;
        case 'customXml':
        case 'ins':
          this.blocks(c, out);
          break;
        default:
          break;
      }
    }
    return out;
  }

  private table(tbl: XmlElement, out: Block[]): void {
    const rows = kids(tbl, 'tr');
    const grid: string[][] = [];
    /** Cells of one row: text and the grid columns they cover. */
    const nested = (e: XmlElement): boolean => descendants(e, 'tbl').length > 0;
    const widths = rows.map((tr) => {
      const trPr = kid(tr, 'trPr');
      const before = Number(val(trPr, 'gridBefore') ?? 0) || 0;
      return before + kids(tr, 'tc').reduce((a, tc) => a + (Number(val(kid(tc, 'tcPr'), 'gridSpan') ?? 1) || 1), 0);
    });
    // (Tables inside the cells of a table of data, under its header row: each its cell's content.)
    const head = rows[0] ? kids(rows[0], 'tc') : [];
    const data = !head.some(nested) && isDataHeader(head.map((tc) => plainText(tc).replace(/\s+/g, '')));
    if (Math.max(0, ...widths) <= 1 || (!data && rows.some((tr) => kids(tr, 'tc').some(nested)))) {
      // A layout table (one column, or tables inside): its content as blocks.
      for (const tr of rows) for (const tc of kids(tr, 'tc')) this.blocks(tc, out);
      return;
    }
    /** The cells of the row above, by the grid column they start at: their span and text. */
    let above = new Map<number, { span: number; text: string }>();
    rows.forEach((tr) => {
      const row: string[] = [];
      const cells = new Map<number, { span: number; text: string }>();
      const trPr = kid(tr, 'trPr');
      const before = Number(val(trPr, 'gridBefore') ?? 0) || 0;
      for (let i = 0; i < before; i++) row.push('');
      for (const tc of kids(tr, 'tc')) {
        const tcPr = kid(tc, 'tcPr');
        const span = Math.max(1, Math.min(100, Number(val(tcPr, 'gridSpan') ?? 1) || 1));
        const vMerge = kid(tcPr, 'vMerge');
        const col = row.length;
        // A continued vertical merge: the text of the merged cell, which is the cell above over the
        // same columns (a cell of another extent above, as a caption row across the table, ends
        // the merge: the cell is read as it stands).
        const merged = vMerge && vMerge.attrs['val'] !== 'restart' ? above.get(col) : undefined;
        let text: string;
        if (merged && merged.span === span) text = merged.text;
        else {
          this.cellDepth++;
          const blocks = this.blocks(tc);
          this.cellDepth--;
          const lines = cellLines(blocks, (header) => this.removed.push(unplaced('table-header', header)));
          // (Every line break in a Word cell was typed, a paragraph or a `w:br`, as a spreadsheet's
          // Alt+Enter: short lines are a list's items, `信息通信技术` / `生物技术与医药` / `新材料`.)
          text = cellText(lines, true);
        }
        cells.set(col, { span, text });
        for (let i = 0; i < span; i++) row.push(text);
      }
      above = cells;
      grid.push(row);
    });
    out.push({ kind: 'table', rows: squareRows(grid) });
  }
}

/** Reads a `.docx` (the files of its ZIP) into the blocks of its body. */
export function readDocx(files: Readonly<Record<string, Uint8Array>>): BuiltText {
  const main = mainPart(files);
  const document = xmlOf(files, main);
  const body = kid(document, 'body');
  if (!body) throw new GuidelineError('docx-corrupt', reason('docx-no-body', main));
  const embeddedRemoved: Removal[] = [];
  const reader = new DocxReader(xmlOf(files, 'word/styles.xml'), xmlOf(files, 'word/numbering.xml'), (id, progId) => embeddedSheet(files, main, id, progId, embeddedRemoved));
  const blocks = reader.blocks(body);
  const removed: Removal[] = [...reader.removed, ...embeddedRemoved];
  for (const name of Object.keys(files).sort()) {
    const m = /^word\/(header|footer|footnotes|endnotes)\d*\.xml$/.exec(name);
    if (!m) continue;
    const xml = xmlOf(files, name);
    if (!xml) continue;
    if (m[1] === 'footnotes' || m[1] === 'endnotes') {
      for (const note of kids(xml, m[1] === 'footnotes' ? 'footnote' : 'endnote')) {
        if (note.attrs['type'] === 'separator' || note.attrs['type'] === 'continuationSeparator' || note.attrs['type'] === 'continuationNotice') continue;
        const text = plainText(note).trim();
        if (text !== '') removed.push({ kind: 'footnote', text, line: null, start: null, end: null, page: null });
      }
    } else {
      const text = plainText(xml).trim();
      if (text !== '') removed.push({ kind: m[1] === 'header' ? 'running-header' : 'running-footer', text, line: null, start: null, end: null, page: null });
    }
  }
  const built = buildText(blocks);
  if (built.text.trim() === '') throw new GuidelineError('empty', reason('word-empty'));
  return { ...built, removed: [...removed, ...built.removed] };
}

/** An Excel worksheet embedded in the document (`Excel.Sheet.12`, `word/embeddings/*.xlsx`): the blocks of the rows Word shows; another object, none. */
function embeddedSheet(files: Readonly<Record<string, Uint8Array>>, main: string, id: string, progId: string, removed: Removal[]): Block[] {
  if (!/^Excel\.Sheet/i.test(progId)) return [];
  const rels = xmlOf(files, main.replace(/([^/]+)$/, '_rels/$1.rels'));
  const target = kids(rels, 'Relationship').find((r) => r.attrs['Id'] === id)?.attrs['Target'];
  const bytes = target ? files[partPath(main, target)] : undefined;
  if (!bytes || bytes.length === 0 || !isZip(bytes)) return [];
  return blocksOf(embeddedRows(openZip(bytes), removed), removed);
}

/** The main document part: from the package relationships, else `word/document.xml`. */
function mainPart(files: Readonly<Record<string, Uint8Array>>): string {
  const rels = files['_rels/.rels'];
  if (rels) {
    try {
      const xml = parseXml(new TextDecoder('utf-8').decode(rels));
      for (const r of kids(xml, 'Relationship')) {
        if (/\/officeDocument$/.test(r.attrs['Type'] ?? '')) {
          const target = (r.attrs['Target'] ?? '').replace(/^\//, '');
          if (files[target]) return target;
        }
      }
    } catch {
      // Damaged relationships: the usual name.
    }
  }
  return 'word/document.xml';
}

/**
 * The one part a .docx's body imports and holds nothing besides (`<w:altChunk r:id="…"/>` and the
 * section's properties: what a web system's 导出Word button writes, the page as an MHT or HTML part
 * Word converts on opening), with its bytes; null for a document with text of its own.
 */
export function altChunkOnly(files: Readonly<Record<string, Uint8Array>>): { name: string; bytes: Uint8Array } | null {
  const main = mainPart(files);
  // (Parsed only where the word is there: every other .docx is read once, by `readDocx`.)
  const raw = files[main];
  if (!raw || !Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).includes('altChunk')) return null;
  const body = kid(xmlOf(files, main), 'body');
  const own = kids(body).filter((c) => c.name !== 'sectPr' && !(c.name === 'p' && plainText(c).trim() === ''));
  if (own.length !== 1 || own[0]!.name !== 'altChunk') return null;
  const id = own[0]!.attrs['id'] ?? '';
  const relsName = main.replace(/([^/]+)$/, '_rels/$1.rels');
  const rels = files[relsName];
  if (!rels || rels.length === 0) return null;
  const rel = kids(parseXml(new TextDecoder('utf-8').decode(rels)), 'Relationship').find((r) => r.attrs['Id'] === id);
  const target = rel?.attrs['Target'];
  if (!target) return null;
  const name = partPath(main, target);
  const bytes = files[name];
  return bytes && bytes.length > 0 ? { name, bytes } : null;
}
