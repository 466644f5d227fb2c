/**
 * A wiki page's source saved as text (MediaWiki markup: a research office's internal wiki, copied
 * from its edit box): `== 一、总体目标 ==` headings, `{| … |}` tables of `! label` / `| value` cells
 * (or `| label || value` on one line), `#` lists, `'''bold'''`, `[[page|shown]]` links, `{{templates}}`,
 * `<ref>` notes and comments. It is read as the page shows it: a heading a line, a table's label and
 * value a `label：value` line, a list item a line; what the page does not show (templates,
 * comments, notes, categories, magic words) is logged, never read. Pure.
 */
import type { Removal } from '../types.js';
import { unplaced } from './blocks.js';


/** Whether `text` is a wiki page's source: wiki tables or `== headings ==`, twice or more. */
export function isWikitext(text: string): boolean {
  const tables = (text.match(/^\{\|/gm) ?? []).length;
  const headings = (text.match(/^(={2,6})[^=\n]+\1[ \t]*$/gm) ?? []).length;
  return tables >= 2 || headings >= 2;
}

/** What the page does not show, taken out first (comments, notes and templates may span lines), logged. */
function hidden(source: string, removed: Removal[]): string {
  let text = source
    .replace(/\r\n?/g, '\n')
    .replace(/<!--[\s\S]*?-->/g, (m) => (removed.push(unplaced('markup', m)), ''))
    .replace(/<ref(?:\s[^>]*)?>[\s\S]*?<\/ref>|<ref(?:\s[^>]*)?\/>/g, (m) => (removed.push(unplaced('footnote', m.replace(/<[^>]+>/g, ''))), ''))
    .replace(/<references\s*\/>/g, '');
  // Templates, innermost first (`{{提示|…{{日期}}…}}`).
  for (let k = 0; k < 5 && /\{\{[^{}]*\}\}/.test(text); k++) text = text.replace(/\{\{[^{}]*\}\}/g, (m) => (removed.push(unplaced('markup', m)), ''));
  return text;
}

/** A line's inline markup as the page shows it: links' shown words, no bold marks, `<br>` a break; categories and files logged. */
function inlineText(s: string, removed: Removal[]): string {
  return s
    .replace(/\[\[(?:Category|分类|File|文件|Image|图像):[^\]]*\]\]/gi, (m) => (removed.push(unplaced('markup', m)), ''))
    .replace(/\[\[(?:[^\]|]*\|)?([^\]]*)\]\]/g, '$1')
    .replace(/\[(?:https?|ftp):\/\/\S+\s+([^\]]+)\]/g, '$1')
    .replace(/'''''|'''|''/g, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/?(?:div|span|center|small|big|font|u|s|sup|sub|b|i|strong|em|p)(?:\s[^>]*)?>/gi, '')
    .replace(/__[A-Z]+__/g, '');
}

/** The text of a wiki page's source, as the page shows it. */
export function readWikitext(source: string): { text: string; removed: Removal[] } {
  const removed: Removal[] = [];
  const text = hidden(source, removed);
  const reader = new WikiReader(removed);
  for (const raw of text.split('\n')) reader.line(raw.replace(/\s+$/, ''));
  return { text: reader.finish(), removed };
}

/** A cell's attributes before its text (`style="width:9em" | 合作协议`) taken off. */
function cellContent(s: string): string {
  return s.replace(/^\s*(?:[\w-]+\s*=\s*(?:"[^"]*"|'[^']*'|\S+)\s*)+\|(?!\|)/, '').trim();
}

/**
 * The kinds of line of a wiki page, in the order they are asked: the first whose pattern holds
 * reads the line (a table's own only inside a table); a line none reads is a list item or text.
 */
const WIKI_LINES: readonly { re: RegExp; tableOnly: boolean; read: (w: WikiReader, line: string, m: RegExpExecArray) => void }[] = [
  { re: /^\{\|/, tableOnly: false, read: (w) => w.openTable() },
  { re: /^\|\}/, tableOnly: true, read: (w) => w.closeTable() },
  { re: /^\|-/, tableOnly: true, read: (w) => w.flushCell() },
  { re: /^\|\+/, tableOnly: true, read: (w, line) => w.caption(line) },
  { re: /^[!|]/, tableOnly: true, read: (w, line) => w.tableCells(line) },
  { re: /^(={1,6})\s*(.*?)\s*\1$/, tableOnly: false, read: (w, _line, m) => w.heading(m[2]!) },
];

/** Reads a wiki page's source line by line into the lines the page shows: the table cell being read, the tables open, the list items' numbers. */
class WikiReader {
  private readonly out: string[] = [];
  private cell: { label: string | null; value: string[] } | null = null;
  private inTable = 0;
  private ordinal: number[] = [];

  constructor(private readonly removed: Removal[]) {}

  /** Reads one line (trailing white space off) by the first kind in `WIKI_LINES` that holds, else as a list item or text. */
  line(line: string): void {
    for (const kind of WIKI_LINES) {
      if (kind.tableOnly && this.inTable === 0) continue;
      const m = kind.re.exec(line);
      if (m) {
        kind.read(this, line, m);
        return;
      }
    }
    this.textLine(line);
  }

  /** The page's text, the last cell written. */
  finish(): string {
    this.flushCell();
    return this.out.join('\n').replace(/\n{3,}/g, '\n\n').trim() + '\n';
  }

  /** A line's inline markup as the page shows it (see `inlineText`). */
  private inline(s: string): string {
    return inlineText(s, this.removed);
  }

  /** Writes the cell being read: `label：value`, a label alone, or a value alone. */
  flushCell(): void {
    const cell = this.cell;
    if (!cell) return;
    const value = cell.value.join('\n').trim();
    if (cell.label !== null && value !== '') {
      const [first, ...rest] = value.split('\n');
      // A list under its label (`! 领域方向` over `# 中医药；`…): the label on a line of its own.
      if (/^(?:\d+\. |• )/.test(first!)) this.out.push(`${cell.label}：`, first!, ...rest);
      else this.out.push(`${cell.label}：${first}`, ...rest);
    } else if (cell.label !== null) this.out.push(`${cell.label}：`);
    else if (value !== '') this.out.push(value);
    this.cell = null;
  }

  /** `{|`: a table opens (inside another, too). */
  openTable(): void {
    this.inTable++;
  }

  /** `|}`: the table closes, its last cell written, a blank line after it. */
  closeTable(): void {
    this.flushCell();
    this.inTable--;
    this.out.push('');
  }

  /** `|+`: the table's caption, a line of its own. */
  caption(line: string): void {
    this.flushCell();
    this.out.push(this.inline(line.slice(2).trim()));
  }

  /** A row of cells (`! label`, `| value`, `| label || value`): a header cell or a row of two or more starts a cell, a value goes under a label that has none yet. */
  tableCells(line: string): void {
    this.ordinal = [];
    const header = line[0] === '!';
    const cells = line
      .slice(1)
      .split(header ? /!!|\|\|/ : /\|\|/)
      .map((c) => this.inline(cellContent(c)));
    if (header) {
      this.flushCell();
      this.cell = { label: cells[0]!.replace(/[：:]$/, ''), value: cells.slice(1).filter((c) => c !== '') };
    } else if (this.cell && this.cell.label !== null && this.cell.value.length === 0) {
      this.cell.value.push(...cells.filter((c) => c !== ''));
    } else if (cells.length >= 2) {
      this.flushCell();
      this.cell = { label: cells[0]!.replace(/[：:]$/, ''), value: cells.slice(1).filter((c) => c !== '') };
    } else {
      this.flushCell();
      this.cell = { label: null, value: cells.filter((c) => c !== '') };
    }
  }

  /** `== 一、总体目标 ==`: a heading, a line of its own between blank lines. */
  heading(title: string): void {
    this.flushCell();
    this.out.push('', this.inline(title), '');
    this.ordinal = [];
  }

  /** A list item or a line of text, into the cell being read or the page. */
  private textLine(line: string): void {
    // `#` numbered and `*` bulleted items (`##` a level down): numbered as the page shows them.
    const item = /^([#*]+)\s*(.*)$/.exec(line);
    let shown: string;
    if (item) {
      const depth = item[1]!.length;
      this.ordinal = this.ordinal.slice(0, depth);
      while (this.ordinal.length < depth) this.ordinal.push(0);
      const numbered = item[1]!.endsWith('#');
      if (numbered) this.ordinal[depth - 1]! += 1;
      shown = `${numbered ? `${this.ordinal[depth - 1]}. ` : '• '}${this.inline(item[2]!)}`;
    } else {
      if (line.trim() === '' || !/^[:;]/.test(line)) this.ordinal = [];
      shown = this.inline(line.replace(/^[:;]+\s*/, ''));
    }
    if (this.cell) this.cell.value.push(shown);
    else this.out.push(shown);
  }
}
