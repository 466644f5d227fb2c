/**
 * An OpenDocument presentation (`.odp`, as LibreOffice Impress and WPS 演示 save a 宣讲 deck): the
 * ZIP's `content.xml`, a `draw:page` per slide in the deck's order, each slide's frames top to
 * bottom and left to right (`svg:y`, `svg:x`), a text box's paragraphs and lists read as an `.odt`'s
 * are (`OdtReader`: the numbers the list styles draw), a table as rows × cells. What the audience
 * never sees is logged, never read: a hidden slide (its page style's `presentation:visibility=
 * "hidden"`), speaker notes (`presentation:notes`; read after the slide where they begin with a
 * field's label, as a `.pptx`'s are), and the footer and date the master draws. Pure.
 */
import { GuidelineError, type Removal } from '../types.js';
import { reason } from '../messages/reasons.js';
import { buildText, unplaced, type Block, type BuiltText } from './blocks.js';
import { odfText } from './ods.js';
import { OdtReader } from './odt.js';
import { descendants, kid, kids, xmlPart, type XmlElement } from './xml.js';
import { speakerNotes } from './pptx.js';

/** A length (`2.3cm`, `12mm`, `1in`, `72pt`) in centimetres; 0 when absent. */
function cm(v: string | undefined): number {
  const m = /^(-?[\d.]+)\s*(cm|mm|in|pt|px)?$/.exec(v ?? '');
  if (!m) return 0;
  const n = Number(m[1]);
  return m[2] === 'mm' ? n / 10 : m[2] === 'in' ? n * 2.54 : m[2] === 'pt' ? (n * 2.54) / 72 : m[2] === 'px' ? (n * 2.54) / 96 : n;
}

/** The shapes of a slide that hold text or a table, each with its place (groups opened). */
function shapesOf(e: XmlElement, out: { at: [number, number]; shape: XmlElement }[] = []): { at: [number, number]; shape: XmlElement }[] {
  for (const c of kids(e)) {
    if (c.name === 'notes' || c.name === 'forms') continue;
    if (c.name === 'g') shapesOf(c, out);
    else if (c.name === 'frame' || c.name === 'custom-shape' || c.name === 'rect') out.push({ at: [cm(c.attrs['y']), cm(c.attrs['x'])], shape: c });
  }
  return out;
}

/** All the text under an element, paragraph by paragraph. */
const plain = (e: XmlElement): string =>
  descendants(e, 'p')
    .map(odfText)
    .filter((t) => t.trim() !== '')
    .join('\n');

/** Reads a `.odp` (the files of its ZIP) into the blocks of its shown slides. */
export function readOdp(files: Readonly<Record<string, Uint8Array>>): BuiltText {
  const damaged = (part: string, detail: string): GuidelineError => new GuidelineError('odt-corrupt', reason('odf-bad-xml', part, 'ODP'), detail);
  const content = xmlPart(files, 'content.xml', damaged);
  const deck = content ? descendants(content, 'presentation')[0] : undefined;
  if (!content || !deck) throw new GuidelineError('odt-corrupt', reason('odf-no-body', 'ODP'));
  const styles = xmlPart(files, 'styles.xml', damaged);
  const reader = new OdtReader(content, styles);
  const hiddenStyles = new Set(
    descendants(content, 'style')
      .filter((s) => s.attrs['family'] === 'drawing-page' && kid(s, 'drawing-page-properties')?.attrs['visibility'] === 'hidden')
      .map((s) => s.attrs['name'] ?? ''),
  );
  const removed: Removal[] = [];
  const blocks: Block[] = [];
  for (const page of kids(deck, 'page')) {
    if (hiddenStyles.has(page.attrs['style-name'] ?? '') || page.attrs['visibility'] === 'hidden') {
      const text = plain(page);
      if (text !== '') removed.push(unplaced('hidden-text', text));
      continue;
    }
    const shapes = shapesOf(page).sort((a, b) => a.at[0] - b.at[0] || a.at[1] - b.at[1]);
    for (const { shape } of shapes) {
      const box = kid(shape, 'text-box');
      const table = kid(shape, 'table');
      if (box) reader.blocks(box, blocks);
      else if (table) reader.table(table, blocks);
      else if (shape.name !== 'frame') reader.blocks(shape, blocks);
    }
    for (const notes of kids(page, 'notes')) {
      speakerNotes(descendants(notes, 'p').map(odfText).filter((t) => t.trim() !== ''), blocks, removed);
    }
  }
  // The footer and date the master pages draw on every slide.
  for (const decl of [...descendants(content, 'footer-decl'), ...descendants(content, 'date-time-decl')]) {
    const text = odfText(decl).trim();
    if (text !== '') removed.push(unplaced('running-footer', text));
  }
  removed.push(...reader.removed);
  const built = buildText(blocks);
  if (built.text.trim() === '') throw new GuidelineError('empty', reason('pptx-empty'));
  return { ...built, removed: [...removed, ...built.removed] };
}
