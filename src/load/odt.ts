/**
 * OpenDocument text (`.odt`, as LibreOffice, WPS and 永中 save it): the ZIP's `content.xml` read block
 * by block into the same blocks as a Word file (`blocks.ts`). A paragraph or heading is one line,
 * with the number the office suite shows before it: list numbers come from the list style
 * (`text:list-level-style-number`: format, prefix, suffix, start value, levels shown) and heading
 * numbers from the outline style (`styles.xml`), counted as the suite counts them (a new list starts
 * again unless it continues the one before); a number the file writes out itself (`text:number`) is
 * taken as written. A line break (`text:line-break`) is a line break; `text:s` spaces and tabs are
 * white space; a table is `| cell | cell |` rows (a cell spanning columns or rows repeated in each
 * cell it covers); a text box's paragraphs follow the paragraph that anchors it. Deleted changes
 * (kept apart in `text:tracked-changes`) and comments are no text. Left out and logged: footnotes
 * and endnotes (`footnote`), headers and footers (`running-header`, `running-footer`). Pure.
 */
import { GuidelineError, type Removal } from '../types.js';
import { reason } from '../messages/reasons.js';
import { buildText, cellText, squareRows, type Block, type BuiltText } from './blocks.js';
import { chineseCounting, formatNumber } from './numbering.js';
import { descendants, kids, xmlPart, type XmlElement } from './xml.js';

/** One level of a list or outline style. */
interface Level {
  readonly format: string;
  readonly prefix: string;
  readonly suffix: string;
  readonly start: number;
  readonly display: number;
  readonly bullet: boolean;
}

const NO_LEVEL: Level = { format: '', prefix: '', suffix: '', start: 1, display: 1, bullet: false };

function xmlOf(files: Readonly<Record<string, Uint8Array>>, name: string): XmlElement | undefined {
  return xmlPart(files, name, (part, detail) => new GuidelineError('odt-corrupt', reason('odt-bad-xml', part), detail));
}

function levelOf(e: XmlElement): Level {
  return {
    format: e.attrs['num-format'] ?? '',
    prefix: e.attrs['num-prefix'] ?? '',
    suffix: e.attrs['num-suffix'] ?? '',
    start: Math.max(0, Number(e.attrs['start-value'] ?? 1) || 1),
    display: Math.max(1, Number(e.attrs['display-levels'] ?? 1) || 1),
    bullet: e.name === 'list-level-style-bullet' || e.name === 'list-level-style-image',
  };
}

/** The levels (1-based) of a `text:list-style` or `text:outline-style`. */
function levelsOf(style: XmlElement): Map<number, Level> {
  const out = new Map<number, Level>();
  for (const l of kids(style)) {
    if (!/^(?:list-level-style-(?:number|bullet|image)|outline-level-style)$/.test(l.name)) continue;
    out.set(Math.max(1, Number(l.attrs['level'] ?? 1) || 1), levelOf(l));
  }
  return out;
}

/** A number in an ODF `style:num-format`: `1`, `a`, `A`, `i`, `I`, `一, 二, 三, ...`, `①, ②, ③, ...`. */
function formatOdf(n: number, format: string): string {
  switch (format) {
    case '':
      return '';
    case '1':
      return String(n);
    case 'a':
      return formatNumber(n, 'lowerLetter');
    case 'A':
      return formatNumber(n, 'upperLetter');
    case 'i':
      return formatNumber(n, 'lowerRoman');
    case 'I':
      return formatNumber(n, 'upperRoman');
    default:
      if (format.startsWith('一')) return chineseCounting(n);
      if (format.startsWith('壹')) return formatNumber(n, 'chineseLegalSimplified');
      if (format.startsWith('①')) return formatNumber(n, 'decimalEnclosedCircle');
      if (format.startsWith('１')) return formatNumber(n, 'decimalFullWidth');
      return String(n);
  }
}

/** Counters of one list (a chain of `text:list` elements that continue each other) or of the outline. */
class Counter {
  private readonly counts: number[] = [];
  constructor(private readonly levels: ReadonlyMap<number, Level>) {}

  /**
   * The label of the next item at `level` (1-based): prefix, the numbers of the levels shown,
   * suffix. An item that sets its own number (`text:start-value="3"`) restarts the count there.
   */
  next(level: number, startAt?: number): string {
    const l = this.levels.get(level) ?? NO_LEVEL;
    for (let k = 0; k < level - 1; k++) this.counts[k] ??= (this.levels.get(k + 1) ?? NO_LEVEL).start;
    this.counts[level - 1] = startAt !== undefined ? startAt : this.counts[level - 1] === undefined ? l.start : this.counts[level - 1]! + 1;
    this.counts.length = level;
    if (l.bullet || l.format === '') return '';
    const shown: string[] = [];
    for (let k = Math.max(0, level - l.display); k < level; k++) {
      const at = this.levels.get(k + 1) ?? NO_LEVEL;
      shown.push(formatOdf(this.counts[k]!, k === level - 1 ? l.format : at.format || '1'));
    }
    return `${l.prefix}${shown.join('.')}${l.suffix}`;
  }
}

export class OdtReader {
  readonly removed: Removal[] = [];
  private readonly listStyles = new Map<string, Map<number, Level>>();
  /** Paragraph styles that carry a list style (`style:list-style-name`) or an outline level. */
  private readonly paragraphList = new Map<string, string>();
  private readonly outline: Counter;
  /** The counter of the list last opened with each style, for a list that continues it. */
  private readonly lastOfStyle = new Map<string, Counter>();
  private readonly byId = new Map<string, Counter>();

  constructor(content: XmlElement, styles: XmlElement | undefined) {
    let outline = new Map<number, Level>();
    for (const root of [styles, content]) {
      if (!root) continue;
      for (const s of descendants(root, 'list-style')) if (s.attrs['name']) this.listStyles.set(s.attrs['name'], levelsOf(s));
      for (const s of descendants(root, 'outline-style')) outline = levelsOf(s);
      for (const s of descendants(root, 'style')) if (s.attrs['name'] && s.attrs['list-style-name']) this.paragraphList.set(s.attrs['name'], s.attrs['list-style-name']);
    }
    this.outline = new Counter(outline);
  }

  /** The counter of a `text:list` at the top of its nesting: new, or the one it continues. */
  private counterOf(list: XmlElement, style: string): Counter {
    const continues = list.attrs['continue-list'];
    let counter: Counter | undefined;
    if (continues) counter = this.byId.get(continues);
    else if (list.attrs['continue-numbering'] === 'true') counter = this.lastOfStyle.get(style);
    counter ??= new Counter(this.listStyles.get(style) ?? new Map());
    this.lastOfStyle.set(style, counter);
    if (list.attrs['id']) this.byId.set(list.attrs['id'], counter);
    return counter;
  }

  /** The lines of a paragraph or heading; text boxes anchored in it go to `boxes`. */
  private lines(p: XmlElement, boxes: Block[]): string[] {
    const lines: string[] = [''];
    const walk = (e: XmlElement): void => {
      for (const c of e.children) {
        if (typeof c === 'string') {
          lines[lines.length - 1] += c.replace(/[\r\n\t ]+/g, ' ');
          continue;
        }
        switch (c.name) {
          case 's':
            lines[lines.length - 1] += ' '.repeat(Math.min(100, Math.max(1, Number(c.attrs['c'] ?? 1) || 1)));
            break;
          case 'tab':
            lines[lines.length - 1] += ' ';
            break;
          case 'line-break':
            lines.push('');
            break;
          case 'note': {
            const body = descendants(c, 'note-body')[0];
            const text = body ? this.plain(body) : '';
            if (text !== '') this.removed.push({ kind: 'footnote', text, line: null, start: null, end: null, page: null });
            break;
          }
          case 'frame':
            for (const box of kids(c, 'text-box')) this.blocks(box, boxes);
            break;
          case 'annotation':
          case 'annotation-end':
          case 'number':
          case 'tracked-changes':
          case 'bookmark-ref':
            break;
          default:
            walk(c);
        }
      }
    };
    walk(p);
    return lines;
  }

  /** A paragraph's text alone, its own lines joined (a footnote's). */
  private plain(e: XmlElement): string {
    return descendants(e, 'p')
      .map((p) => this.lines(p, []).join(''))
      .join('')
      .trim();
  }

  /** A paragraph or heading with its label before it. */
  private paragraph(p: XmlElement, label: string, out: Block[]): void {
    const boxes: Block[] = [];
    const lines = this.lines(p, boxes);
    const written = kids(p, 'number')[0];
    const shown = written ? written.children.filter((c) => typeof c === 'string').join('') : label;
    if (shown !== '' && lines.some((l) => l.trim() !== '')) {
      const lead = /^[\s\u3000\u00a0]*/.exec(lines[0]!)![0];
      const digitNext = /^\d/.test(lines[0]!.slice(lead.length));
      // (A suffix of its own, `、` or a space, parts the number from the text already.)
      const sep = (/[、.．，。）)\]】：:]$/u.test(shown) && !digitNext) || /\s$/.test(shown) ? '' : ' ';
      lines[0] = `${lead}${shown}${sep}${lines[0]!.slice(lead.length)}`;
    }
    out.push({ kind: 'text', lines });
    out.push(...boxes);
  }

  private list(list: XmlElement, out: Block[], counter: Counter | null, level: number, inherited: string | undefined): void {
    const style = list.attrs['style-name'] ?? inherited ?? '';
    const c = counter ?? this.counterOf(list, style);
    for (const item of kids(list)) {
      if (item.name !== 'list-item' && item.name !== 'list-header') continue;
      let first = true;
      for (const k of kids(item)) {
        if (k.name === 'list') {
          this.list(k, out, c, level + 1, style);
          continue;
        }
        if (k.name === 'p' || k.name === 'h') {
          // The item's first paragraph carries its number; a list header and later paragraphs none.
          const own = Number(item.attrs['start-value']);
          const label = first && item.name === 'list-item' ? c.next(level, item.attrs['start-value'] !== undefined && Number.isInteger(own) && own >= 0 ? own : undefined) : '';
          this.paragraph(k, label, out);
          first = false;
          continue;
        }
        this.blocks({ name: '#item', attrs: {}, children: [k] }, out);
      }
    }
  }

  /** The blocks of the body (or of a cell, a section, a text box). */
  blocks(body: XmlElement, out: Block[] = []): Block[] {
    for (const c of kids(body)) {
      switch (c.name) {
        case 'p': {
          // A paragraph whose style is a list style's but stands outside a list: numbered by it.
          const style = this.paragraphList.get(c.attrs['style-name'] ?? '');
          this.paragraph(c, style && c.attrs['is-list-header'] !== 'true' ? this.counterOf(c, style).next(1) : '', out);
          break;
        }
        case 'h': {
          const level = Math.max(1, Number(c.attrs['outline-level'] ?? 1) || 1);
          const label = c.attrs['is-list-header'] === 'true' || c.attrs['restart-numbering'] === 'true' ? '' : this.outline.next(level);
          this.paragraph(c, label, out);
          break;
        }
        case 'list':
          this.list(c, out, null, 1, undefined);
          break;
        case 'table':
          this.table(c, out);
          break;
        case 'table-of-content':
          // A table of contents is made from the headings (with their page numbers): printed, but no
          // text of its own; left out and logged, as a 目录 in a text is.
          {
            const text = this.plain(c);
            if (text.trim() !== '') this.removed.push({ kind: 'table-of-contents', text, line: null, start: null, end: null, page: null });
          }
          break;
        case 'section':
        case 'index-body':
        case 'illustration-index':
        case 'alphabetical-index':
        case 'user-index':
        case 'bibliography':
        case 'text':
        case 'soft-page-break':
        case '#item':
          this.blocks(c, out);
          break;
        default:
          // Declarations, tracked changes, forms, sequence declarations: no text.
          break;
      }
    }
    return out;
  }

  table(table: XmlElement, out: Block[]): void {
    const rows: XmlElement[] = [];
    const collect = (e: XmlElement): void => {
      for (const c of kids(e)) {
        if (c.name === 'table-row') rows.push(c);
        else if (c.name === 'table-header-rows' || c.name === 'table-rows' || c.name === 'table-row-group') collect(c);
      }
    };
    collect(table);
    const cellsOf = (tr: XmlElement): XmlElement[] => kids(tr).filter((c) => c.name === 'table-cell' || c.name === 'covered-table-cell');
    const width = Math.max(0, ...rows.map((tr) => cellsOf(tr).reduce((a, c) => a + Math.min(100, Number(c.attrs['number-columns-repeated'] ?? 1) || 1), 0)));
    if (width <= 1 || rows.some((tr) => cellsOf(tr).some((c) => descendants(c, 'table').length > 0))) {
      // A layout table (one column, or tables inside): its content as blocks.
      for (const tr of rows) for (const c of cellsOf(tr)) this.blocks(c, out);
      return;
    }
    const grid: string[][] = [];
    /** Text of cells spanning rows, by column: what a covered cell below repeats, and for how many rows. */
    const down = new Map<number, { text: string; left: number }>();
    for (const tr of rows) {
      const repeat = Math.min(100, Math.max(1, Number(tr.attrs['number-rows-repeated'] ?? 1) || 1));
      const row: string[] = [];
      let acrossText: string | null = null;
      let across = 0;
      for (const c of cellsOf(tr)) {
        const times = Math.min(100, Math.max(1, Number(c.attrs['number-columns-repeated'] ?? 1) || 1));
        for (let t = 0; t < times; t++) {
          const col = row.length;
          if (c.name === 'covered-table-cell') {
            const above = down.get(col);
            if (across > 0) {
              row.push(acrossText ?? '');
              across--;
            } else row.push(above && above.left > 0 ? above.text : '');
            if (above && above.left > 0) above.left--;
            continue;
          }
          const lines = this.blocks(c).flatMap((b) => (b.kind === 'text' ? b.lines : b.rows.map((x) => x.join(' '))));
          const text = cellText(lines);
          row.push(text);
          acrossText = text;
          across = Math.max(0, (Number(c.attrs['number-columns-spanned'] ?? 1) || 1) - 1);
          const spanned = Math.max(1, Number(c.attrs['number-rows-spanned'] ?? 1) || 1);
          down.delete(col);
          if (spanned > 1) for (let k = 0; k <= across; k++) down.set(col + k, { text, left: spanned - 1 });
        }
      }
      for (let r = 0; r < repeat; r++) grid.push([...row]);
    }
    out.push({ kind: 'table', rows: squareRows(grid) });
  }
}

/** Reads a `.odt` (the files of its ZIP) into the blocks of its body. */
export function readOdt(files: Readonly<Record<string, Uint8Array>>): BuiltText {
  const content = xmlOf(files, 'content.xml');
  const body = content ? descendants(content, 'text')[0] : undefined;
  if (!content || !body) throw new GuidelineError('odt-corrupt', reason('odt-no-body'));
  const styles = xmlOf(files, 'styles.xml');
  const reader = new OdtReader(content, styles);
  const blocks = reader.blocks(body);
  const removed: Removal[] = [...reader.removed];
  // Headers and footers of the page styles (`style:master-page`), as Word's are logged.
  for (const page of styles ? descendants(styles, 'master-page') : []) {
    for (const part of kids(page)) {
      const kind = /^header/.test(part.name) ? 'running-header' : /^footer/.test(part.name) ? 'running-footer' : null;
      if (!kind) continue;
      const text = descendants(part, 'p')
        .map((p) => p.children.filter((c) => typeof c === 'string').join(''))
        .join(' ')
        .trim();
      if (text !== '') removed.push({ kind, text, line: null, start: null, end: null, page: null });
    }
  }
  const built = buildText(blocks);
  if (built.text.trim() === '') throw new GuidelineError('empty', reason('word-empty'));
  return { ...built, removed: [...removed, ...built.removed] };
}
