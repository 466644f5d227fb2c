/**
 * Reads a PowerPoint deck (`.pptx`: a 指南解读 or 宣讲 deck a project agency presents) into the same
 * blocks as the Word reader: the slides in the deck's order (`p:sldIdLst`), each slide's shapes top
 * to bottom and left to right (their `a:off`), a text shape's paragraphs as lines, with the number
 * PowerPoint draws for an automatically numbered paragraph (`a:buAutoNum`), a table (`a:tbl`) as
 * rows × cells (merged cells repeated). What a slide shows but no guideline holds — its slide number,
 * date and footer placeholders — is logged as a running footer; speaker notes, which the audience
 * never sees, are logged as hidden text, except notes that begin with a field's label (`其他要求：…`):
 * the slide's direction's text, read after the slide. Pure.
 */
import { GuidelineError, type Removal } from '../types.js';
import { reason } from '../messages/reasons.js';
import { buildText, cellText, squareRows, unplaced, type Block, type BuiltText } from './blocks.js';
import { descendants, kid, kids, partPath, type XmlElement, xmlPart } from './xml.js';
import { fieldLabelAt } from '../lexicon/fields.js';

type Files = Readonly<Record<string, Uint8Array>>;

const xmlOf = (files: Files, name: string): XmlElement | undefined => xmlPart(files, name, (part, detail) => new GuidelineError('pptx-corrupt', reason('pptx-bad-xml', part), detail));

/** The targets of a part's relationships, by id, as package paths. */
function relsOf(files: Files, part: string): Map<string, string> {
  const dir = part.slice(0, part.lastIndexOf('/') + 1);
  const rels = xmlOf(files, `${dir}_rels/${part.slice(dir.length)}.rels`);
  const out = new Map<string, string>();
  for (const r of kids(rels, 'Relationship')) {
    out.set(r.attrs['Id'] ?? '', partPath(part, r.attrs['Target'] ?? ''));
  }
  return out;
}

/** The text of a paragraph's runs (`a:t`), line breaks (`a:br`) and fields (`a:fld`). */
function runsText(p: XmlElement): string {
  let out = '';
  for (const c of kids(p)) {
    if (c.name === 'r' || c.name === 'fld') out += kids(c, 't').flatMap((t) => t.children.filter((x): x is string => typeof x === 'string')).join('');
    else if (c.name === 'br') out += '\n';
  }
  return out;
}

const CJK_DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
const cjk = (n: number): string => (n <= 10 ? CJK_DIGITS[n]! : n < 20 ? `十${CJK_DIGITS[n - 10]}` : String(n));
const alpha = (n: number): string => String.fromCharCode(96 + ((n - 1) % 26) + 1);

/** The number PowerPoint draws for the `n`th paragraph of an automatic list of `type` (ECMA-376 §20.1.10.61). */
function autoNumber(type: string, n: number): string {
  const [, kind = 'arabic', shape = 'Period'] = /^(arabic|alphaLc|alphaUc|romanLc|romanUc|circleNum|ea1Chs|ea1Cht|ea1Jpn)(\w*)$/.exec(type) ?? [];
  const roman = (k: number): string => ['', 'i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x'][k] ?? String(k);
  const digit =
    kind === 'circleNum' ? (CIRCLED[n - 1] ?? String(n))
    : kind === 'ea1Chs' || kind === 'ea1Cht' ? cjk(n)
    : kind === 'alphaLc' ? alpha(n)
    : kind === 'alphaUc' ? alpha(n).toUpperCase()
    : kind === 'romanLc' ? roman(n)
    : kind === 'romanUc' ? roman(n).toUpperCase()
    : String(n);
  if (kind === 'circleNum') return digit;
  if (/ParenBoth/.test(shape)) return `（${digit}）`;
  if (/ParenR/.test(shape)) return `${digit}）`;
  if (kind === 'ea1Chs' || kind === 'ea1Cht') return `${digit}、`;
  if (/Plain/.test(shape)) return `${digit} `;
  return `${digit}.`;
}

/** The lines of a text body (`p:txBody`, `a:txBody`): a paragraph each, numbered where PowerPoint numbers it. */
function bodyLines(body: XmlElement): string[] {
  const lines: string[] = [];
  const counters = new Map<string, number>();
  for (const p of kids(body, 'p')) {
    const text = runsText(p);
    const pPr = kid(p, 'pPr');
    const auto = kid(pPr, 'buAutoNum');
    const level = pPr?.attrs['lvl'] ?? '0';
    if (text.trim() === '') continue;
    if (auto) {
      const key = `${level}:${auto.attrs['type'] ?? 'arabicPeriod'}`;
      const n = counters.has(key) ? counters.get(key)! + 1 : Number(auto.attrs['startAt'] ?? 1) || 1;
      counters.set(key, n);
      lines.push(...`${autoNumber(auto.attrs['type'] ?? 'arabicPeriod', n)}${text}`.split('\n'));
    } else {
      // A paragraph without a number ends the lists below its level.
      for (const k of [...counters.keys()]) if (Number(k.split(':')[0]) >= Number(level)) counters.delete(k);
      lines.push(...text.split('\n'));
    }
  }
  return lines;
}

/** Where a shape stands on its slide (`a:xfrm/a:off`), for reading order; shapes without one keep theirs. */
function offsetOf(shape: XmlElement): { x: number; y: number } | null {
  const off = descendants(shape, 'off')[0];
  return off ? { x: Number(off.attrs['x']) || 0, y: Number(off.attrs['y']) || 0 } : null;
}

const FURNITURE = new Set(['sldNum', 'dt', 'ftr', 'hdr']);

/** The blocks of one slide, and what it shows that is no guideline's text (logged in `removed`). */
function slideBlocks(slide: XmlElement, removed: Removal[], diagram: (relId: string) => Block[] = () => []): Block[] {
  const tree = descendants(slide, 'spTree')[0];
  if (!tree) return [];
  const shapes: { at: { x: number; y: number } | null; index: number; blocks: Block[] }[] = [];
  const visit = (e: XmlElement): void => {
    for (const c of kids(e)) {
      if (c.name === 'grpSp') visit(c);
      else if (c.name === 'sp') {
        const body = kid(c, 'txBody');
        if (!body) continue;
        const ph = descendants(c, 'ph')[0];
        const lines = bodyLines(body);
        if (ph && FURNITURE.has(ph.attrs['type'] ?? '')) {
          for (const l of lines) removed.push(unplaced('running-footer', l));
          continue;
        }
        if (lines.length > 0) shapes.push({ at: offsetOf(c), index: shapes.length, blocks: lines.map((l) => ({ kind: 'text', lines: [l] })) });
      } else if (c.name === 'graphicFrame') {
        const tbl = descendants(c, 'tbl')[0];
        if (tbl) shapes.push({ at: offsetOf(c), index: shapes.length, blocks: [tableBlock(tbl)] });
        // A SmartArt diagram: its text is in the diagram's data part, never in the slide.
        const ids = descendants(c, 'relIds')[0];
        if (!tbl && ids?.attrs['dm']) shapes.push({ at: offsetOf(c), index: shapes.length, blocks: diagram(ids.attrs['dm']) });
      }
    }
  };
  visit(tree);
  shapes.sort((a, b) => (a.at && b.at ? a.at.y - b.at.y || a.at.x - b.at.x : a.index - b.index));
  return shapes.flatMap((s) => s.blocks);
}

/**
 * A SmartArt diagram's text (its data part, `ppt/diagrams/dataN.xml`): its points in the order its
 * connections give them (each parent's children by their order, `srcOrd`, never the order the points
 * are stored in), a point's text a line: a list diagram of labels over their values reads as labels
 * each above its value, as a page of fields does.
 */
function diagramBlocks(data: XmlElement | undefined): Block[] {
  if (!data) return [];
  const points = new Map<string, XmlElement>();
  for (const pt of descendants(data, 'pt')) points.set(pt.attrs['modelId'] ?? '', pt);
  const children = new Map<string, { id: string; order: number }[]>();
  for (const cxn of descendants(data, 'cxn')) {
    const type = cxn.attrs['type'] ?? 'parOf';
    if (type !== 'parOf') continue;
    const list = children.get(cxn.attrs['srcId'] ?? '') ?? [];
    list.push({ id: cxn.attrs['destId'] ?? '', order: Number(cxn.attrs['srcOrd'] ?? 0) || 0 });
    children.set(cxn.attrs['srcId'] ?? '', list);
  }
  const root = [...points.values()].find((p) => p.attrs['type'] === 'doc');
  if (!root) return [];
  const lines: string[] = [];
  const seen = new Set<string>();
  const walk = (id: string, depth: number): void => {
    if (seen.has(id) || depth > 12) return;
    seen.add(id);
    const pt = points.get(id);
    const type = pt?.attrs['type'] ?? 'node';
    if (pt && type === 'node') {
      const t = kid(pt, 't');
      if (t) lines.push(...bodyLines(t));
    }
    for (const c of (children.get(id) ?? []).sort((a, b) => a.order - b.order)) walk(c.id, depth + 1);
  };
  walk(root.attrs['modelId'] ?? '', 0);
  return lines.length > 0 ? [{ kind: 'text', lines }] : [];
}

/** A table: its rows of cells, a cell merged across columns or rows repeated in each it covers. */
function tableBlock(tbl: XmlElement): Block {
  const grid: string[][] = [];
  kids(tbl, 'tr').forEach((tr, r) => {
    const row: string[] = [];
    kids(tr, 'tc').forEach((tc, c) => {
      const body = kid(tc, 'txBody');
      const text = body ? cellText(bodyLines(body)) : '';
      // A cell that continues a merge (`hMerge`, `vMerge`) shows the merged cell's text.
      if (tc.attrs['hMerge'] === '1') row.push(row[row.length - 1] ?? '');
      else if (tc.attrs['vMerge'] === '1') row.push(grid[r - 1]?.[c] ?? '');
      else row.push(text);
    });
    grid.push(row);
  });
  return { kind: 'table', rows: squareRows(grid) };
}

/** Reads a `.pptx` (the files of its ZIP): every slide's text and tables, in the deck's order. */
export function readPptx(files: Files): BuiltText {
  const presentation = 'ppt/presentation.xml';
  const deck = xmlOf(files, presentation);
  if (!deck) throw new GuidelineError('pptx-corrupt', reason('pptx-no-slides'));
  const rels = relsOf(files, presentation);
  const order = descendants(deck, 'sldId').map((s) => rels.get(s.attrs['id'] ?? '') ?? '');
  const slides = order.length > 0 ? order : Object.keys(files).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n)).sort((a, b) => Number(/(\d+)\.xml$/.exec(a)![1]) - Number(/(\d+)\.xml$/.exec(b)![1]));
  const removed: Removal[] = [];
  const blocks: Block[] = [];
  for (const path of slides) {
    const slide = xmlOf(files, path);
    if (!slide) continue;
    if (slide.attrs['show'] === '0') {
      removed.push(unplaced('hidden-text', descendants(slide, 't').map((t) => t.children.join('')).join(' ')));
      continue;
    }
    const slideRels = relsOf(files, path);
    blocks.push(...slideBlocks(slide, removed, (id) => diagramBlocks(xmlOf(files, slideRels.get(id) ?? ''))));
    for (const [, target] of relsOf(files, path)) {
      if (!/notesSlide\d*\.xml$/.test(target)) continue;
      const notes = xmlOf(files, target);
      const body = notes ? descendants(notes, 'sp').filter((sp) => (descendants(sp, 'ph')[0]?.attrs['type'] ?? '') === 'body').flatMap((sp) => (kid(sp, 'txBody') ? bodyLines(kid(sp, 'txBody')!) : [])) : [];
      speakerNotes(body, blocks, removed);
    }
  }
  const built = buildText(blocks);
  if (built.text.trim() === '') throw new GuidelineError('empty', reason('pptx-empty'));
  return { ...built, removed: [...removed, ...built.removed] };
}

/**
 * A slide's speaker notes: logged as hidden text, except notes that carry a field of the slide's
 * direction (`其他要求：` / `（1）…`, a deck whose slides show the figures and whose notes hold the
 * requirements), read after the slide. The .pptx and .odp readers' one rule.
 */
export function speakerNotes(lines: readonly string[], blocks: Block[], removed: Removal[]): void {
  if (lines.length > 0 && fieldLabelAt(lines[0]!.trim()) !== null) blocks.push({ kind: 'text', lines: [...lines] });
  else if (lines.length > 0) removed.push(unplaced('hidden-text', lines.join('\n')));
}
