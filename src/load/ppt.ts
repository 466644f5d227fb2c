/**
 * Reads a PowerPoint 97–2003 deck (`.ppt`, WPS 演示 `.dps`: a 宣讲 deck that holds a whole guideline)
 * into the blocks the `.pptx` reader gives: the slides in the deck's order, each slide's shapes top
 * to bottom and left to right, a text shape's paragraphs as lines, a group of shapes laid out as a
 * grid (a table, as PowerPoint and LibreOffice write one in this format) as rows × cells; its slide
 * number, date, header and footer placeholders logged as running footers, its speaker notes by the
 * `.pptx` reader's rule (`speakerNotes`).
 *
 * The `PowerPoint Document` stream ([MS-PPT]) is a list of records: a header (version and instance,
 * type, length) and a body, containers (version 0xF) holding records. The deck's order is the list
 * of slides in the document's `SlideListWithText` (0x0FF0, instance 0), each `SlidePersistAtom`
 * naming its slide by a persist id, which the `PersistDirectoryAtom`s (0x1772) map to the slide's
 * offset in the stream; where they do not resolve, the slides are taken in the order they are
 * stored. A shape's text is in its `ClientTextbox` (0xF00D): a `TextCharsAtom` (UTF-16), a
 * `TextBytesAtom` (8-bit), or an `OutlineTextRefAtom` pointing at the n-th text the slide list keeps
 * for that slide. Paragraphs end with `\r`, lines within one with `\v`. Pure (bytes in).
 */
import { GuidelineError, type Removal } from '../types.js';
import { reason } from '../messages/reasons.js';
import { buildText, squareRows, unplaced, type Block, type BuiltText } from './blocks.js';
import { speakerNotes } from './pptx.js';

interface Rec {
  readonly type: number;
  readonly instance: number;
  /** Offset of the record's header in the stream. */
  readonly at: number;
  /** The body's bytes. */
  readonly body: Uint8Array;
  readonly children: Rec[];
}

const T = {
  document: 0x03e8,
  slide: 0x03ee,
  slideAtom: 0x03ef,
  notes: 0x03f0,
  notesAtom: 0x03f1,
  slidePersist: 0x03f3,
  slideList: 0x0ff0,
  textHeader: 0x0f9f,
  textChars: 0x0fa0,
  textBytes: 0x0fa8,
  outlineRef: 0x0f9e,
  persistDirectory: 0x1772,
  spgr: 0xf003,
  sp: 0xf004,
  fsp: 0xf00a,
  childAnchor: 0xf00f,
  clientAnchor: 0xf010,
  clientData: 0xf011,
  clientTextbox: 0xf00d,
  placeholder: 0x0bc3,
} as const;

/** The records of `bytes[from, to)`, containers read into their children (to a depth that no real deck reaches). */
function records(bytes: Uint8Array, from: number, to: number, depth = 0): Rec[] {
  const out: Rec[] = [];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = from;
  while (at + 8 <= to) {
    const verInst = view.getUint16(at, true);
    const type = view.getUint16(at + 2, true);
    const len = view.getUint32(at + 4, true);
    const end = Math.min(to, at + 8 + len);
    const container = (verInst & 0xf) === 0xf && depth < 24;
    out.push({ type, instance: verInst >> 4, at, body: bytes.subarray(at + 8, end), children: container ? records(bytes, at + 8, end, depth + 1) : [] });
    if (len === 0 && !container && type === 0) break;
    at = end;
  }
  return out;
}

const u32 = (b: Uint8Array, at: number): number => (b.length >= at + 4 ? new DataView(b.buffer, b.byteOffset, b.byteLength).getUint32(at, true) : 0);
const i16 = (b: Uint8Array, at: number): number => new DataView(b.buffer, b.byteOffset, b.byteLength).getInt16(at, true);
const i32 = (b: Uint8Array, at: number): number => new DataView(b.buffer, b.byteOffset, b.byteLength).getInt32(at, true);

function* walk(r: Rec): Generator<Rec> {
  yield r;
  for (const c of r.children) yield* walk(c);
}
const first = (r: Rec, type: number): Rec | undefined => {
  for (const x of walk(r)) if (x !== r && x.type === type) return x;
  return undefined;
};

/** The text of a text atom: paragraphs parted by `\r`, lines within one by `\v`. */
function atomText(r: Rec): string {
  const text = r.type === T.textChars ? new TextDecoder('utf-16le').decode(r.body) : Array.from(r.body, (b) => String.fromCharCode(b)).join('');
  return text.replace(/\v/g, '\n');
}

/** The persist ids of the deck's stored objects: id → stream offset (a later save's directory wins). */
function persistOffsets(top: readonly Rec[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const r of top) {
    if (r.type !== T.persistDirectory) continue;
    let at = 0;
    while (at + 4 <= r.body.length) {
      const head = u32(r.body, at);
      const id = head & 0xfffff;
      const n = head >>> 20;
      for (let k = 0; k < n && at + 8 + 4 * k <= r.body.length; k++) out.set(id + k, u32(r.body, at + 4 + 4 * k));
      at += 4 + 4 * n;
    }
  }
  return out;
}

/** A slide of the deck's list: its container, its id (which its notes name) and the texts the list keeps for it. */
interface ListedSlide {
  readonly slide: Rec;
  readonly slideId: number;
  readonly texts: string[];
}

/** The slides in the deck's order, with the texts the slide list keeps for each. */
function slidesInOrder(top: readonly Rec[]): ListedSlide[] {
  const byOffset = new Map(top.map((r) => [r.at, r]));
  const offsets = persistOffsets(top);
  const doc = [...top].reverse().find((r) => r.type === T.document);
  const list = doc?.children.find((c) => c.type === T.slideList && c.instance === 0);
  const listed: ListedSlide[] = [];
  let current: { persist: number; slideId: number; texts: string[] } | null = null;
  const flush = (): void => {
    const slide = current ? byOffset.get(offsets.get(current.persist) ?? -1) : undefined;
    if (current && slide?.type === T.slide) listed.push({ slide, slideId: current.slideId, texts: current.texts });
  };
  for (const c of list?.children ?? []) {
    if (c.type === T.slidePersist) {
      flush();
      current = { persist: u32(c.body, 0), slideId: u32(c.body, 12), texts: [] };
    } else if ((c.type === T.textChars || c.type === T.textBytes) && current) current.texts.push(atomText(c));
  }
  flush();
  const stored = top.filter((r) => r.type === T.slide);
  // (A deck whose list does not resolve: its slides as stored.)
  if (listed.length < stored.length) return stored.map((slide) => ({ slide, slideId: -1, texts: [] }));
  return listed;
}

/** A shape's place on its slide (its anchor: a slide's shapes in master units, a group's children in the group's). */
function anchorOf(sp: Rec): { x: number; y: number; w: number; h: number } | null {
  const client = sp.children.find((c) => c.type === T.clientAnchor);
  if (client && client.body.length >= 16) return { y: i32(client.body, 0), x: i32(client.body, 4), w: i32(client.body, 8) - i32(client.body, 4), h: i32(client.body, 12) - i32(client.body, 0) };
  if (client && client.body.length >= 8) return { y: i16(client.body, 0), x: i16(client.body, 2), w: i16(client.body, 4) - i16(client.body, 2), h: i16(client.body, 6) - i16(client.body, 0) };
  const child = sp.children.find((c) => c.type === T.childAnchor);
  if (child && child.body.length >= 16) return { x: i32(child.body, 0), y: i32(child.body, 4), w: i32(child.body, 8) - i32(child.body, 0), h: i32(child.body, 12) - i32(child.body, 4) };
  return null;
}

/** Placeholders no guideline holds: the date, slide number, footer and header (PlaceholderEnum 0x07–0x0A). */
const FURNITURE = new Set([0x07, 0x08, 0x09, 0x0a]);

interface Shape {
  readonly at: { x: number; y: number; w: number; h: number } | null;
  readonly index: number;
  readonly blocks: Block[];
}

/** A shape's text: its own atom, or the n-th text the slide list keeps for its slide. */
function shapeText(sp: Rec, texts: readonly string[]): string | null {
  const box = sp.children.find((c) => c.type === T.clientTextbox);
  if (!box) return null;
  const atom = box.children.find((c) => c.type === T.textChars || c.type === T.textBytes);
  if (atom) return atomText(atom);
  const ref = box.children.find((c) => c.type === T.outlineRef);
  return ref ? texts[u32(ref.body, 0)] ?? null : null;
}

const linesOf = (text: string): string[] =>
  text
    .split(/\r/)
    .map((l) => l.replace(/\s+$/, ''))
    .filter((l) => l.trim() !== '');

/**
 * A group whose shapes stand in a grid (two columns or more, two rows or more, every shape in one
 * cell): its rows of cells, top to bottom; null for any other group.
 */
function gridOf(cells: readonly { at: { x: number; y: number; w: number; h: number }; text: string }[]): string[][] | null {
  if (cells.length < 4) return null;
  const xs = [...new Set(cells.map((c) => c.at.x))].sort((a, b) => a - b);
  const ys = [...new Set(cells.map((c) => c.at.y))].sort((a, b) => a - b);
  if (xs.length < 2 || ys.length < 2 || cells.length > xs.length * ys.length || cells.length < xs.length * ys.length * 0.6) return null;
  const rows = ys.map(() => xs.map(() => ''));
  for (const c of cells) {
    // A cell merged across columns or rows shows its text in each cell it covers.
    for (let r = ys.indexOf(c.at.y); r < ys.length && ys[r]! < c.at.y + c.at.h; r++) {
      for (let k = xs.indexOf(c.at.x); k < xs.length && xs[k]! < c.at.x + c.at.w; k++) rows[r]![k] = c.text;
    }
  }
  return squareRows(rows);
}

/** A slide's shapes (groups read into theirs), in reading order, and its furniture logged. */
function slideShapes(slide: Rec, ordinal: number, texts: readonly string[], removed: Removal[]): Block[] {
  const shapes: Shape[] = [];
  const visit = (group: Rec, outer: { x: number; y: number; w: number; h: number } | null): void => {
    for (const c of group.children) {
      if (c.type === T.spgr) {
        // A group: the shape that opens it anchors it; its children are placed in the group's frame.
        const head = c.children.find((x) => x.type === T.sp);
        const at = head ? anchorOf(head) ?? outer : outer;
        const members = c.children.filter((x) => x !== head && x.type === T.sp).map((sp) => ({ sp, at: anchorOf(sp), text: shapeText(sp, texts) }));
        const grid = members.every((m) => m.at !== null) ? gridOf(members.filter((m) => m.text !== null).map((m) => ({ at: m.at!, text: linesOf(m.text!).join('\n') }))) : null;
        if (grid && members.some((m) => m.text !== null)) shapes.push({ at, index: shapes.length, blocks: [{ kind: 'table', rows: grid }] });
        else visit(c, at);
        continue;
      }
      if (c.type !== T.sp) continue;
      const text = shapeText(c, texts);
      if (text === null) continue;
      const placeholder = first(c, T.placeholder);
      const lines = linesOf(text);
      // (A text box holding only the slide's own number: its number field, as a converter writes one.)
      if ((placeholder && FURNITURE.has(placeholder.body[4] ?? 0)) || (lines.length === 1 && lines[0]!.trim() === String(ordinal))) {
        for (const l of lines) removed.push(unplaced('running-footer', l));
        continue;
      }
      if (lines.length > 0) shapes.push({ at: outer && group.type === T.spgr ? outer : anchorOf(c), index: shapes.length, blocks: lines.map((l) => ({ kind: 'text', lines: [l] })) });
    }
  };
  const drawing = first(slide, T.spgr);
  if (drawing) visit(drawing, null);
  shapes.sort((a, b) => (a.at && b.at ? a.at.y - b.at.y || a.at.x - b.at.x || a.index - b.index : a.index - b.index));
  return shapes.flatMap((s) => s.blocks);
}

/** The notes of each slide, by the slide's id: every text of its notes page but its slide image and number. */
function notesBySlide(top: readonly Rec[]): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const n of top) {
    if (n.type !== T.notes) continue;
    const atom = n.children.find((c) => c.type === T.notesAtom);
    if (!atom) continue;
    const lines: string[] = [];
    for (const sp of walk(n)) {
      if (sp.type !== T.sp) continue;
      const placeholder = first(sp, T.placeholder);
      if (placeholder && (FURNITURE.has(placeholder.body[4] ?? 0) || placeholder.body[4] === 0x0b)) continue;
      const text = shapeText(sp, []);
      if (text) lines.push(...linesOf(text));
    }
    out.set(u32(atom.body, 0), lines);
  }
  return out;
}

/** Reads the `PowerPoint Document` stream of a `.ppt`: every slide's text and tables, in the deck's order. */
export function readPpt(stream: Uint8Array): BuiltText {
  const top = records(stream, 0, stream.length);
  const slides = slidesInOrder(top);
  if (slides.length === 0) throw new GuidelineError('pptx-corrupt', reason('ppt-no-slides'));
  const notes = notesBySlide(top);
  const removed: Removal[] = [];
  const blocks: Block[] = [];
  for (const [k, s] of slides.entries()) {
    blocks.push(...slideShapes(s.slide, k + 1, s.texts, removed));
    speakerNotes(notes.get(s.slideId) ?? [], blocks, removed);
  }
  const built = buildText(blocks);
  if (built.text.trim() === '') throw new GuidelineError('empty', reason('pptx-empty'));
  return { ...built, removed: [...removed, ...built.removed] };
}
