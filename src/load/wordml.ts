/**
 * Word 2003 XML (WordprocessingML 2003: `<?mso-application progid="Word.Document"?>`, root
 * `w:wordDocument`), as an OA system exports a 公文 with its attached guideline and names it `.doc`:
 * one XML file holding the body (`w:body`, its sections as `wx:sect` / `wx:sub-section`), the
 * styles (`w:styles`) and the lists (`w:lists`: a `w:listDef` holds the levels, a `w:list` is an
 * instance by its `w:ilfo`, a paragraph is numbered by `w:listPr` with `w:ilvl` and `w:ilfo`).
 * The elements are a .docx's under other names in a few places, so the file is translated into the
 * parts of a .docx (body, styles, numbering) and read by the Word reader (`docx.ts`): the same
 * numbers, tables and hidden text. A level's number format is a code (`w:nfc`, as RTF's
 * `\levelnfc`), named here as a .docx names it. Headers and footers (`w:hdr`, `w:ftr` in a
 * section's properties) are logged; comments (`aml:annotation` of `Word.Comment`) and deletions are
 * no text. Pure.
 */
import { GuidelineError, type Removal } from '../types.js';
import { reason } from '../messages/reasons.js';
import { buildText, type BuiltText } from './blocks.js';
import { DocxReader } from './docx.js';
import { descendants, kid, kids, parseXml, type XmlElement } from './xml.js';

/** `w:nfc` codes → `w:numFmt` names (ECMA-376's list in the order of the old codes). */
const NFC: readonly string[] = [
  'decimal', 'upperRoman', 'lowerRoman', 'upperLetter', 'lowerLetter', 'ordinal', 'cardinalText', 'ordinalText', 'hex', 'chicago',
  'ideographDigital', 'japaneseCounting', 'aiueo', 'iroha', 'decimalFullWidth', 'decimalHalfWidth', 'japaneseLegal', 'japaneseDigitalTenThousand', 'decimalEnclosedCircle', 'decimalFullWidth2',
  'aiueoFullWidth', 'irohaFullWidth', 'decimalZero', 'bullet', 'ganada', 'chosung', 'decimalEnclosedFullstop', 'decimalEnclosedParen', 'decimalEnclosedCircleChinese', 'ideographEnclosedCircle',
  'ideographTraditional', 'ideographZodiac', 'ideographZodiacTraditional', 'taiwaneseCounting', 'ideographLegalTraditional', 'taiwaneseCountingThousand', 'taiwaneseDigital', 'chineseCounting', 'chineseLegalSimplified', 'chineseCountingThousand',
  'koreanDigital', 'koreanCounting', 'koreanLegal', 'koreanDigital2', 'vietnameseCounting', 'russianLower', 'russianUpper', 'none',
];

const el = (name: string, attrs: Record<string, string>, children: (XmlElement | string)[] = []): XmlElement => ({ name, attrs, children });

/** An element and what is under it as a .docx writes it: lists by `w:numPr`, sections unwrapped, comments and deletions gone. */
function docxOf(e: XmlElement): (XmlElement | string)[] {
  if (e.name === 'sect' || e.name === 'sub-section') return e.children.flatMap((c) => (typeof c === 'string' ? [c] : docxOf(c)));
  if (e.name === 'annotation') {
    const type = e.attrs['type'] ?? '';
    // An insertion's content is text; a deletion, a comment, a bookmark is not.
    return type === 'Word.Insertion' ? kids(e, 'content').flatMap((c) => c.children.flatMap((x) => (typeof x === 'string' ? [] : docxOf(x)))) : [];
  }
  if (e.name === 'listPr') {
    const ilvl = kid(e, 'ilvl')?.attrs['val'];
    const ilfo = kid(e, 'ilfo')?.attrs['val'];
    return [el('numPr', {}, [...(ilvl === undefined ? [] : [el('ilvl', { val: ilvl })]), ...(ilfo === undefined ? [] : [el('numId', { val: ilfo })])])];
  }
  if (e.name === 'sectPr' || e.name === 'binData' || e.name === 'pict') return [];
  return [el(e.name, e.attrs, e.children.flatMap((c) => (typeof c === 'string' ? [c] : docxOf(c))))];
}

/** A list level as a .docx writes it: `w:nfc` → `w:numFmt`, `w:suff` in lower case. */
function levelOf(l: XmlElement): XmlElement {
  const children = kids(l).flatMap((c): XmlElement[] => {
    if (c.name === 'nfc') return [el('numFmt', { val: NFC[Number(c.attrs['val'] ?? 0)] ?? 'decimal' })];
    if (c.name === 'suff') return [el('suff', { val: (c.attrs['val'] ?? 'tab').toLowerCase() })];
    return [c];
  });
  return el('lvl', l.attrs, children);
}

/** `w:lists` as `word/numbering.xml`: each `w:listDef` an abstract list, each `w:list` an instance by its `w:ilfo`. */
function numberingOf(lists: XmlElement | undefined): XmlElement | undefined {
  if (!lists) return undefined;
  const abstracts = kids(lists, 'listDef').map((d) => el('abstractNum', { abstractNumId: d.attrs['listDefId'] ?? '' }, kids(d, 'lvl').map(levelOf)));
  const instances = kids(lists, 'list').map((l) =>
    el('num', { numId: l.attrs['ilfo'] ?? '' }, [el('abstractNumId', { val: kid(l, 'ilst')?.attrs['val'] ?? '' }), ...kids(l, 'lvlOverride').map((o) => el('lvlOverride', o.attrs, kids(o).map((c) => (c.name === 'lvl' ? levelOf(c) : c))))]),
  );
  return el('numbering', {}, [...abstracts, ...instances]);
}

/** All the text under an element, its paragraphs on lines. */
function plain(e: XmlElement): string {
  return descendants(e, 'p')
    .map((p) => descendants(p, 't').map((t) => t.children.filter((c) => typeof c === 'string').join('')).join(''))
    .filter((t) => t.trim() !== '')
    .join(' ');
}

/** Reads a Word 2003 XML document into the blocks of its body. */
export function readWordMl(bytes: Uint8Array): BuiltText {
  let root: XmlElement;
  try {
    root = parseXml(new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new GuidelineError('docx-corrupt', reason('docx-bad-xml', 'Word 2003 XML'), (error as Error).message);
  }
  const body = kid(root, 'body');
  if (!body) throw new GuidelineError('docx-corrupt', reason('docx-no-body', 'w:body'));
  const styles = kid(root, 'styles');
  const reader = new DocxReader(styles ? (docxOf(styles)[0] as XmlElement) : undefined, numberingOf(kid(root, 'lists')));
  const blocks = reader.blocks(el('body', {}, docxOf(body).flatMap((c) => (typeof c === 'string' ? [] : c.name === 'body' ? c.children : [c]))));
  const removed: Removal[] = [...reader.removed];
  for (const part of [...descendants(body, 'hdr'), ...descendants(body, 'ftr')]) {
    const text = plain(part).trim();
    if (text !== '') removed.push({ kind: part.name === 'hdr' ? 'running-header' : 'running-footer', text, line: null, start: null, end: null, page: null });
  }
  for (const note of descendants(body, 'annotation').filter((a) => a.attrs['type'] === 'Word.Comment')) {
    const text = plain(note).trim();
    if (text !== '') removed.push({ kind: 'hidden-text', text, line: null, start: null, end: null, page: null });
  }
  const built = buildText(blocks);
  if (built.text.trim() === '') throw new GuidelineError('empty', reason('word-empty'));
  return { ...built, removed: [...removed, ...built.removed] };
}
