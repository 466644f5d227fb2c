/**
 * HTML input: a ministry's notice page, saved from a browser or fetched, read with rehype-parse
 * (unified → hast). Only the page's main content is kept — the CMS's body element (`TRS_Editor`,
 * `#zoom`, `.pages_content`, `article`, …), else the whole body — and it is read block by block
 * (`blocks.ts`): `<p>`, `<h1>`–`<h6>`, `<li>` (the number the browser draws before it written in,
 * `css.ts`: `<ol start>`, `<li value>`, `type`, CSS list styles and counters), `<div>`s with text,
 * `<br>` as a line break, tables as `| cell | cell |` rows. Left out and logged: everything outside
 * the main content, scripts and styles, navigation, page header and footer, share and print
 * widgets (分享到, 打印本页, 关闭窗口, 【字体：大 中 小】) and hidden elements (`web-chrome`,
 * `hidden-text`), an attachment line repeated (`duplicate-attachment`). Pure: bytes in, text out.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { GuidelineError, type Removal } from '../types.js';
import { reason } from '../messages/reasons.js';
import { buildText, cellBlocksText, htmlText, isDataHeader, squareRows, unplaced, type Block, type BuiltText } from './blocks.js';
import { cssTables, drawnNumbers, hiddenByStyleSheet } from './css.js';
import { decodeText } from './text.js';
import { flattenUiTables } from './ui-tables.js';
import { BLOCK, classes, collapse, hasClass, NOT_TEXT, textOf } from './hast.js';
import { RE_CALL_TITLE_WORD, RE_FILE_NAME_LINE } from '../lexicon/markers.js';

export interface HtmlRead extends BuiltText {
  readonly encoding: string;
}

/** The charset a page declares: `<meta charset>` or `<meta http-equiv="Content-Type" content="…; charset=…">`. */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head);
  return m ? m[1]!.toLowerCase() : null;
}

const GB = new Set(['gb2312', 'gbk', 'gb18030', 'x-gbk', 'cp936', 'euc-cn', 'hz-gb-2312', 'csgb2312']);

/** Decodes a page: byte-order mark first, then the declared charset, then detection as for text. */
export function decodeHtml(bytes: Uint8Array): { text: string; encoding: string } {
  const bom = bytes[0] === 0xef || bytes[0] === 0xff || bytes[0] === 0xfe;
  const charset = bom ? null : declaredCharset(bytes);
  if (charset !== null && charset !== 'utf-8' && charset !== 'utf8') {
    const label = GB.has(charset) ? 'gb18030' : charset;
    try {
      return { text: new TextDecoder(label, { fatal: false }).decode(bytes), encoding: label };
    } catch {
      // An unknown label: detected below, as for text.
    }
  }
  if (charset !== null && !bom) {
    try {
      return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
    } catch {
      // Declared UTF-8 but not: pages saved by old tools say so wrongly; detected below.
    }
  }
  const decoded = decodeText(bytes);
  return { text: decoded.text, encoding: decoded.encoding };
}

/** Page furniture around the content. */
const CHROME = new Set(['nav', 'header', 'footer', 'aside', 'form', 'menu']);
/** Class or id of share, print and font-size widgets, breadcrumbs and navigation bars. */
const WIDGET = /(?:^|[\s_-])(?:share|bdshare|bdsharebuttonbox|jiathis|print|printer|fontsize|font-size|font_size|breadcrumb|crumbs?|position|location|nav|navbar|menu|toolbar|tools?|footer|header|topbar|sidebar|copyright|dayin|fenxiang|zihao)(?:$|[\s_-])/i;
/** Main-content containers of government CMS pages, most specific first. */
const MAIN: readonly ((e: Element) => boolean)[] = [
  (e) => hasClass(e, /^TRS_(?:Editor|UEDITOR|PreAppend)$/i),
  (e) => idIs(e, /^(?:zoom|UCAP-CONTENT|Zoom|fontzoom|content_zoom)$/),
  (e) => hasClass(e, /^(?:pages_content|pages-content|article-content|article_con|content_text|TRS_Editor_Content|view|wzy_content|xxgk_content|con_text)$/i),
  (e) => e.tagName === 'article',
  (e) => e.tagName === 'main',
  (e) => idIs(e, /^(?:content|main-content|maincontent|article)$/i),
];

function idIs(e: Element, re: RegExp): boolean {
  const id = e.properties?.['id'];
  return typeof id === 'string' && re.test(id);
}
function isWidget(e: Element): boolean {
  if (e.tagName === 'body' || e.tagName === 'html') return false;
  const id = e.properties?.['id'];
  return classes(e).some((c) => WIDGET.test(c) && !RE_BEM_PART.test(c)) || (typeof id === 'string' && WIDGET.test(id));
}
/**
 * A component's own part, named as BEM names it (`el-collapse-item__header`, a panel's heading;
 * `el-table__header-wrapper`, a table's header row): no page furniture, whatever word it ends with.
 */
// (Not a bar's: `el-tabs__header`, the tabs' labels, is a page's control still.)
const RE_BEM_PART = /^(?![\w-]*(?:tabs?|nav|navbar|menu|bar|breadcrumb)__)[\w-]+__(?:header|footer|nav|menu|tools?|position|location)(?:$|[-_])/i;
function isHidden(e: Element): boolean {
  const p = e.properties ?? {};
  if (p['hidden'] !== undefined && p['hidden'] !== false && p['hidden'] !== null) return true;
  if (hasClass(e, /^(?:hidden|hide|d-none|sr-only|visually-hidden)$/i)) return true;
  const style = typeof p['style'] === 'string' ? p['style'] : '';
  return /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style);
}

/**
 * Panels a reader opens: elements hidden until a control shows them (an accordion's `<div hidden>`
 * under its `<button aria-controls>`, a tab's panel, a collapsed `.collapse`). Their text is the
 * page's, printed once they are opened (and by 全部展开), not hidden text: they are read. Only the
 * `hidden` attribute and `display: none` hide a panel so; text hidden for screen readers only
 * (`.sr-only`) stays left out.
 */
function collapsedPanels(root: Root): Set<Element> {
  const controlled = new Set<string>();
  const all: Element[] = [];
  const walk = (n: Root | ElementContent): void => {
    if (n.type !== 'element' && n.type !== 'root') return;
    if (n.type === 'element') {
      all.push(n);
      for (const id of controlledIds(n)) controlled.add(id);
    }
    for (const x of n.children) walk(x as ElementContent);
  };
  walk(root);
  const panels = new Set<Element>();
  for (const e of all) {
    const p = e.properties ?? {};
    const byAttribute = p['hidden'] !== undefined && p['hidden'] !== false && p['hidden'] !== null;
    const byStyle = typeof p['style'] === 'string' && /(?:^|;)\s*display\s*:\s*none/i.test(p['style']);
    if (!byAttribute && !byStyle) continue;
    const id = typeof p['id'] === 'string' ? p['id'] : '';
    const role = typeof p['role'] === 'string' ? p['role'] : '';
    if ((id !== '' && controlled.has(id)) || role === 'tabpanel' || (role === 'region' && p['ariaLabelledBy'] !== undefined) || hasClass(e, /^(?:collapse|accordion-(?:body|collapse|content|panel)|panel-collapse|tab-pane)$/i)) panels.add(e);
  }
  return panels;
}

/** The ids an element's `aria-controls` names (the panels a button opens). */
function controlledIds(e: Element): string[] {
  const c: unknown = e.properties?.['ariaControls'];
  const ids = Array.isArray(c) ? (c as unknown[]) : typeof c === 'string' ? c.split(/\s+/) : [];
  return ids.filter((id): id is string => typeof id === 'string' && id !== '');
}

/** Whether `e` (a button) names a panel a reader opens among its `aria-controls`. */
function opensPanel(e: Element, opened: ReadonlySet<Element>): boolean {
  const ids = controlledIds(e);
  if (ids.length === 0) return false;
  for (const p of opened) if (ids.includes(p.properties?.['id'] as string)) return true;
  return false;
}

/** Words a CMS names its article box by, as a part of a class or id (`content_xilan`, `detail-box`, `art_zw`). */
const GENERIC_MAIN = /(?:^|[\s_-])(?:content|contents|xilan|detail|details|article|zw|zhengwen|text|main|cont|con|body|txt)(?:$|[\s_-])/i;

function findMain(root: Root): Element | null {
  const all: Element[] = [];
  const walk = (n: Root | Element): void => {
    for (const c of n.children) {
      if (c.type !== 'element') continue;
      if (NOT_TEXT.has(c.tagName)) continue;
      all.push(c);
      walk(c);
    }
  };
  walk(root);
  const bodyText = collapse(textOf(root)).length;
  for (const test of MAIN) {
    for (const e of all) {
      if (!test(e)) continue;
      const n = collapse(textOf(e)).length;
      if (n >= 20 && n >= bodyText * 0.2) return e;
    }
  }
  // A CMS of its own naming (`content_xilan`, `detail-con`, `art_zw`): the smallest element whose
  // class or id says content and that holds most of the page's text (never a wrapper that also
  // holds the menus, when a box inside it holds the article).
  let best: Element | null = null;
  let bestLength = Infinity;
  for (const e of all) {
    if (!GENERIC_MAIN.test(classes(e).join(' ')) && !idIs(e, GENERIC_MAIN)) continue;
    if (isWidget(e)) continue;
    const n = collapse(textOf(e)).length;
    if (n >= 20 && n >= bodyText * 0.5 && n < bestLength) {
      best = e;
      bestLength = n;
    }
  }
  return best;
}

/** Whether the content box starts with a title of its own (a short line that names the call). */
function hasOwnTitle(main: Element): boolean {
  const lines = textOf(main)
    .split('\n')
    .map((l) => l.replace(/[\s\u00a0\u3000]+/g, ''))
    .filter((l) => l !== '')
    .slice(0, 3);
  // (A numbered section heading, `一、指南方向`, is no title.)
  return lines.some((l) => l.length <= 80 && !/[。；]/.test(l) && !/^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d)/.test(l) && (RE_CALL_TITLE_WORD.test(l) || /专项|计划/.test(l)));
}

/**
 * The title of the article whose content box is `main`: the last heading (`h1`–`h3`, or an element
 * whose class names a title) before it in the page, outside navigation and widgets, that names a
 * guideline or notice; null when there is none.
 */
function titleBefore(root: Root, main: Element): Element | null {
  // The elements around the content box (`<body>` of a short page): no title above it.
  const around = new Set<Element>();
  const path = (n: Root | Element): boolean => {
    for (const c of n.children) {
      if (c.type !== 'element') continue;
      if (c === main || path(c)) {
        if (c !== main) around.add(c);
        return true;
      }
    }
    return false;
  };
  path(root);
  let found: Element | null = null;
  let done = false;
  const walk = (n: Root | Element, inWidget: boolean): void => {
    for (const c of n.children) {
      if (done) return;
      if (c.type !== 'element' || NOT_TEXT.has(c.tagName)) continue;
      if (c === main) {
        done = true;
        return;
      }
      // Lists and links before the article are menus and related links, never its title.
      const widget = inWidget || isWidget(c) || ['nav', 'header', 'footer', 'a', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'select', 'option'].includes(c.tagName);
      // A heading, an element whose class names a title, or any block whose whole text reads as
      // one (old pages print it in a centred `<td><font><b>`).
      if (!widget && !around.has(c)) {
        const t = collapse(textOf(c));
        const titled = /^h[1-3]$/.test(c.tagName) || hasClass(c, /^(?:title|tit|article-title|article_title|con-title|detail-title|xxgk_title)$/i);
        const reads = t.length >= 6 && t.length <= 120 && RE_CALL_TITLE_WORD.test(t) && !/[。；：:>＞»]|当前位置|您的位置|首页/.test(t);
        if (reads && (titled || BLOCK.has(c.tagName) || c.tagName === 'b' || c.tagName === 'strong' || c.tagName === 'font')) found = c;
      }
      walk(c, widget);
    }
  };
  walk(root, false);
  return found;
}

const CJK_CHAR = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/;

/** HTML white space of one line: runs of spaces, tabs and line ends are one space, none between CJK characters across a line end. */
function collapseLine(s: string): string {
  return s.replace(/[ \t\r\n\f]+/g, (m, at: number, all: string) => {
    if (/[\r\n]/.test(m) && CJK_CHAR.test(all.charAt(at - 1)) && CJK_CHAR.test(all.charAt(at + m.length))) return '';
    return ' ';
  });
}

/** The heading of a box of links to other articles (`延伸阅读`, `【相关阅读】`, `往期回顾：`). */
const RE_READING_HEAD = /^[【\[]?(?:延伸阅读|相关阅读|推荐阅读|相关新闻|相关链接|相关文章|相关报道|往期回顾|往期推荐|精彩推荐|猜你喜欢|热文推荐)[】\]]?[：:]?$/;

/**
 * A box of links to other articles inside the article (`<section>` of `延伸阅读` over two `<a>`
 * titles, a reprint's own): the page's furniture, its titles' figures no part of the call. Only a
 * block whose first text is such a heading and whose other text is all links.
 */
function isReadingBox(e: Element): boolean {
  if (!BLOCK.has(e.tagName)) return false;
  const texts: { text: string; link: boolean }[] = [];
  const walk = (n: ElementContent, link: boolean): boolean => {
    if (n.type === 'text') {
      if (n.value.trim() !== '') texts.push({ text: n.value.trim(), link });
      // (Stop early where the box's head is no such heading: the common case, an ordinary block.)
      return !(texts.length === 1 && !link && !RE_READING_HEAD.test(collapse(texts[0]!.text)) && !RE_READING_HEAD_START.test(texts[0]!.text));
    }
    if (n.type !== 'element') return true;
    return n.children.every((c) => walk(c, link || n.tagName === 'a'));
  };
  if (!e.children.every((c) => walk(c, false)) || texts.length < 2) return false;
  // (The heading may be split over text nodes, `<strong>延伸</strong>阅读`: those before the first link.)
  const firstLink = texts.findIndex((t) => t.link);
  if (firstLink < 1) return false;
  return RE_READING_HEAD.test(collapse(texts.slice(0, firstLink).map((t) => t.text).join(''))) && texts.slice(firstLink).every((t) => t.link);
}
const RE_READING_HEAD_START = /^[【\[]?(?:延伸|相关|推荐|往期|精彩|猜你|热文)/;

/** Word's list of comments after the body of a page it saved (`<div style='mso-element:comment-list'>`). */
const RE_COMMENT_LIST = /mso-element\s*:\s*comment-list/i;

/**
 * A tracked change that Word's 另存为网页 keeps (`<del cite=… datetime=…>`): the text reads with the
 * changes accepted, a deletion logged as a revision. A reviewer's comment (its anchor `[ZWT1]`, the
 * list of comments at the end, `mso-element:comment-list`) is no text of the document: a note. Null
 * for any other element.
 */
function reviewMarkup(e: Element): 'revision' | 'margin-note' | null {
  if (e.tagName === 'del') return 'revision';
  if ((e.tagName === 'a' && hasClass(e, /^msocomanchor$/i)) || RE_COMMENT_LIST.test(String(e.properties?.['style'] ?? ''))) return 'margin-note';
  return null;
}

/** Reads the blocks of an element's content. */
class Reader {
  readonly blocks: Block[] = [];
  readonly removed: Removal[] = [];
  private line = '';
  private lines: string[] = [];
  /** A number the browser draws (a list item's marker), not yet written: it goes before the next text. */
  private pending = '';
  /**
   * `skip`: elements left out (the main content and its title, when the page around them is read
   * to be logged); `numbers`: the numbers the browser draws before elements (`css.ts`).
   */
  constructor(
    private readonly skip: readonly Element[] = [],
    private readonly numbers: ReadonlyMap<Element, string> = new Map(),
    private readonly opened: ReadonlySet<Element> = new Set(),
    /** Elements the page's style sheet hides (`hiddenByStyleSheet`). */
    private readonly sheetHidden: ReadonlySet<Element> = new Set(),
  ) {}

  drop(kind: Removal['kind'], text: string): void {
    const t = collapse(text);
    if (t !== '') this.removed.push({ kind, text: t, line: null, start: null, end: null, page: null });
  }

  private breakLine(): void {
    const l = collapseLine(this.line);
    if (l.trim() !== '' || this.line.includes('\u00a0') || this.line.includes('\u3000')) this.lines.push(l.replace(/^ +/, ''));
    this.line = '';
  }

  endBlock(): void {
    this.breakLine();
    if (this.lines.some((l) => l.trim() !== '')) this.blocks.push(this.level > 0 ? { kind: 'text', lines: this.lines, heading: this.level } : { kind: 'text', lines: this.lines });
    this.lines = [];
  }

  /** The level of the heading element being read (`<h2>` → 2), 0 outside one. */
  private level = 0;

  /** A text node's text, after the number the browser draws before its item where one is pending. */
  private text(value: string): void {
    if (this.pending !== '' && value.trim() !== '') {
      // The marker stands before the first text of its item, whatever block that text is in.
      const lead = /^\s*/.exec(value)![0];
      this.line += lead + this.pending + value.slice(lead.length);
      this.pending = '';
    } else this.line += value;
  }

  visit(node: ElementContent | RootContent, inPre = false): void {
    if (node.type === 'text') {
      this.text(inPre ? node.value.replace(/\n/g, '\u2028') : node.value);
      return;
    }
    if (node.type !== 'element') return;
    const e = node;
    if (this.skip.includes(e)) {
      this.endBlock();
      return;
    }
    const tag = e.tagName;
    if (tag === 'head') {
      // The page's title, scripts and styles: logged.
      for (const c of e.children) {
        if (c.type !== 'element') continue;
        if (c.tagName === 'title') this.drop('web-chrome', c.children.map((x) => (x.type === 'text' ? x.value : '')).join(''));
        else if (c.tagName === 'script' || c.tagName === 'style') this.visit(c);
      }
      return;
    }
    // A button that opens a panel (`<h3><button aria-controls="p1">1.1 内地与香港…</button></h3>`)
    // is the panel's heading: its text is read.
    if (NOT_TEXT.has(tag) && !(tag === 'button' && opensPanel(e, this.opened))) {
      if (tag === 'script' || tag === 'style' || tag === 'noscript' || tag === 'template' || tag === 'iframe') {
        const src = typeof e.properties?.['src'] === 'string' ? ` src="${e.properties['src']}"` : '';
        this.removed.push({ kind: 'web-chrome', text: `<${tag}${src}>`, line: null, start: null, end: null, page: null });
      } else this.drop('web-chrome', textOf(e));
      return;
    }
    if ((isHidden(e) || this.sheetHidden.has(e)) && !this.opened.has(e)) {
      this.drop('hidden-text', textOf(e));
      return;
    }
    const markup = reviewMarkup(e);
    if (markup) {
      if (markup === 'margin-note' && tag !== 'a') this.endBlock();
      this.drop(markup, textOf(e));
      return;
    }
    if (CHROME.has(tag) || isWidget(e) || isReadingBox(e)) {
      this.endBlock();
      this.drop('web-chrome', textOf(e));
      return;
    }
    if (tag === 'br') {
      this.breakLine();
      return;
    }
    if (tag === 'table') {
      this.endBlock();
      if (this.pending !== '') {
        // A list item that starts with a table: its number on a line of its own.
        this.line = this.pending;
        this.pending = '';
        this.endBlock();
      }
      this.table(e);
      return;
    }
    const block = BLOCK.has(tag);
    if (block) this.endBlock();
    // (A heading's block says it is one: `segment` reads `<h2>三、申报资格要求</h2>` as a part, never an item.)
    const heading = /^h[1-6]$/.test(tag) ? Number(tag[1]) : 0;
    const outer = this.level;
    if (heading > 0) this.level = heading;
    // The number the browser draws before it (`<ol>` items, CSS counters), written as Word's are.
    const drawn = this.numbers.get(e) ?? '';
    this.pending += drawn;
    for (const c of e.children) this.visit(c, inPre || tag === 'pre');
    // An item with no text: its number is not written.
    if (drawn !== '' && this.pending.endsWith(drawn)) this.pending = this.pending.slice(0, -drawn.length);
    if (block) this.endBlock();
    this.level = outer;
  }

  /** A table: rows of cells (`rowspan`, `colspan` repeated), or, for a layout table (one column, or tables in its cells), its content as blocks. */
  private table(t: Element): void {
    const rows: Element[] = [];
    const collect = (e: Element): void => {
      for (const c of e.children) {
        if (c.type !== 'element') continue;
        if (c.tagName === 'tr') rows.push(c);
        else if (c.tagName === 'thead' || c.tagName === 'tbody' || c.tagName === 'tfoot') collect(c);
      }
    };
    collect(t);
    const cellsOf = (tr: Element): Element[] => tr.children.filter((c): c is Element => c.type === 'element' && (c.tagName === 'td' || c.tagName === 'th'));
    const nested = (e: Element): boolean => e.children.some((c) => c.type === 'element' && (c.tagName === 'table' || nested(c)));
    const width = Math.max(0, ...rows.map((r) => cellsOf(r).reduce((a, c) => a + Math.max(1, Number(c.properties?.['colSpan'] ?? 1) || 1), 0)));
    // (Tables inside the cells of a table of data, under its header row: each its cell's content.)
    const head = rows[0] ? cellsOf(rows[0]) : [];
    const data = !head.some(nested) && isDataHeader(head.map((c) => collapse(textOf(c))));
    if (width <= 1 || (!data && rows.some((r) => cellsOf(r).some(nested)))) {
      for (const c of t.children) this.visit(c);
      this.endBlock();
      return;
    }
    const grid: string[][] = [];
    rows.forEach((tr, r) => {
      const row: string[] = (grid[r] ??= []);
      let col = 0;
      for (const td of cellsOf(tr)) {
        while (row[col] !== undefined) col++;
        // A cell's list without numbers (`<ul>` of requirements in a cell): its items joined on the
        // cell's one line would read as one; each gets the bullet the browser draws.
        const bulleted = bulletItems(td);
        const sub = new Reader([], bulleted.length > 0 ? new Map([...this.numbers, ...bulleted.map((li): [Element, string] => [li, this.numbers.get(li) || '• '])]) : this.numbers, undefined, this.sheetHidden);
        for (const c of td.children) sub.visit(c);
        sub.endBlock();
        this.removed.push(...sub.removed);
        const text = cellBlocksText(sub.blocks, (header) => this.removed.push(unplaced('table-header', header)));
        const colspan = Math.max(1, Math.min(1000, Number(td.properties?.['colSpan'] ?? 1) || 1));
        const rowspan = Math.max(1, Math.min(rows.length - r, Number(td.properties?.['rowSpan'] ?? 1) || 1));
        for (let dr = 0; dr < rowspan; dr++) {
          const target = (grid[r + dr] ??= []);
          for (let dc = 0; dc < colspan; dc++) target[col + dc] = text;
        }
        col += colspan;
      }
    });
    const filled = grid.map((row) => Array.from({ length: row.length }, (_, i) => row[i] ?? ''));
    this.blocks.push({ kind: 'table', rows: squareRows(filled) });
  }
}

/** The items of the `<ul>` lists of a table cell that hold two items or more. */
function bulletItems(cell: Element): Element[] {
  const out: Element[] = [];
  const walk = (e: Element): void => {
    for (const c of e.children) {
      if (c.type !== 'element') continue;
      if (c.tagName === 'ul') {
        const items = c.children.filter((k): k is Element => k.type === 'element' && k.tagName === 'li');
        if (items.length >= 2) out.push(...items);
      }
      walk(c);
    }
  };
  walk(cell);
  return out;
}

/** Text-only widgets inside the content: 分享到, 打印本页, 关闭窗口, 【字体：大 中 小】, 收藏, 返回顶部. */
const WIDGET_TOKENS = /【|】|\[|\]|\||｜|[：:]|字体\s*[：:]?\s*大\s*中\s*小|字号\s*[：:]?\s*大\s*中\s*小|打印本页|打印此页|打印页面|打印|关闭窗口|关闭本页|关闭|收藏本页|收藏|返回顶部|返回|分享|微信|微博|[\s\u00a0\u3000]/g;
function isWidgetLine(line: string): boolean {
  if (/^\s*分享到/.test(line)) return true;
  if (!/(打印|关闭|字体|字号|分享|收藏|返回顶部)/.test(line)) return false;
  return line.replace(WIDGET_TOKENS, '') === '';
}
/** An attachment line: `附件：…`, or a file name of a document or archive. */
const ATTACHMENT = new RegExp(`^(?:相关)?附件[\\s\\d：:.、]*|${RE_FILE_NAME_LINE.source}`, 'i');

/** Reads an HTML page into the blocks of its main content. Throws `GuidelineError` when nothing is left. */
/**
 * Frames whose page is written into their `srcdoc` (a portal that shows the guideline's own page in
 * an `<iframe>`): that page's body is read where the frame stands, as a `<div>` of its content, so
 * that the guideline is not lost with the frame (frames without one load another address: nothing
 * to read).
 */
function inlineFrames(node: Root | Element, depth = 0): void {
  for (const c of node.children) {
    if (c.type !== 'element') continue;
    const doc = c.tagName === 'iframe' ? c.properties?.srcDoc : undefined;
    if (typeof doc === 'string' && doc.trim() !== '' && depth < 3) {
      const inner = unified().use(rehypeParse).parse(doc) as Root;
      inlineFrames(inner, depth + 1);
      const html = inner.children.find((n): n is Element => n.type === 'element' && n.tagName === 'html');
      const body = html?.children.find((n): n is Element => n.type === 'element' && n.tagName === 'body');
      c.tagName = 'div';
      c.properties = {};
      c.children = (body ?? html)?.children ?? [];
      continue;
    }
    inlineFrames(c, depth);
  }
}

/** A string of a data island that holds a page's HTML. */
const RE_HTML_STRING = /<(?:p|div|br|table|li|h[1-6])\b/i;

/** A panel a script fills: its only text says it is loading. */
const RE_LOADING = /^(?:(?:内容|页面|数据|正文)?(?:正在|努力)?加载中?(?:[，,]\s*请稍(?:候|等))?|Loading)[.…。\s]*$/i;

/**
 * Content a script puts on the page from a data island (`<script type="application/json">` whose
 * records carry the panels' HTML: `{"heading": "1.1 …", "html": "<p>合作协议：…</p>"}`), where the
 * page shows panels that are only loading (`正在加载…`): the records' headings and HTML, in their
 * order, read where the first such panel stands; the other loading panels are empty. A person
 * reading the page sees what the script shows. Without a loading panel the island is left as
 * script (a page's data, not its text).
 */
function fillFromDataIslands(root: Root): void {
  const islands: Element[] = [];
  const loading: Element[] = [];
  const flight: string[] = [];
  // (An empty frame of the content, `<article>` holding only a skeleton while the script renders it.)
  const frames: Element[] = [];
  const visit = (n: Root | Element): void => {
    for (const c of n.children) {
      if (c.type !== 'element') continue;
      const script = c.tagName === 'script' ? c.children.map((k) => (k.type === 'text' ? k.value : '')).join('') : '';
      if (c.tagName === 'script' && /json/i.test(String(c.properties?.type ?? ''))) islands.push(c);
      else if (script.includes('__next_f')) flight.push(...flightStrings(script));
      else if ((c.tagName === 'article' || c.tagName === 'main') && collapse(textOf(c)) === '') frames.push(c);
      else if (c.children.length > 0 && RE_LOADING.test(collapse(textOf(c))) && !c.children.some((k) => k.type === 'element' && RE_LOADING.test(collapse(textOf(k))))) loading.push(c);
      else visit(c);
    }
  };
  visit(root);
  // A Next.js page's own data (`self.__next_f.push([1,"…"])`): its text rows (`6:T1af0,` and as many
  // bytes) that hold HTML, read where the page shows a loading panel or an empty frame.
  const rows = flightHtml(flight.join(''));
  if (rows.length > 0 && (loading.length > 0 || frames.length > 0)) {
    const parsed = unified().use(rehypeParse, { fragment: true }).parse(rows.join('')) as Root;
    const first = loading[0] ?? frames[0]!;
    first.children = parsed.children as ElementContent[];
    first.properties = {};
    for (const other of loading.slice(1)) other.children = [];
    return;
  }
  if (islands.length === 0 || loading.length === 0) return;
  const records: { heading: string | null; html: string }[] = [];
  const walk = (v: unknown): void => {
    // (A framework's flat payload, Nuxt's `__NUXT_DATA__`: values in one array, a record's fields
    // numbers that point into it; the article's HTML strings stand in it in their order.)
    if (Array.isArray(v)) {
      for (const x of v) {
        if (typeof x === 'string' && RE_HTML_STRING.test(x)) records.push({ heading: null, html: x });
        else walk(x);
      }
    }
    else if (v !== null && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      const html = Object.values(o).find((x): x is string => typeof x === 'string' && RE_HTML_STRING.test(x));
      if (html) {
        const heading = ['heading', 'title', 'name', '标题'].map((k) => o[k]).find((x): x is string => typeof x === 'string' && x.trim() !== '' && x !== html);
        records.push({ heading: heading ?? null, html });
      } else for (const x of Object.values(o)) walk(x);
    }
  };
  for (const island of islands) {
    try {
      walk(JSON.parse(island.children.map((k) => (k.type === 'text' ? k.value : '')).join('')));
    } catch {
      // Not JSON after all: a script's data, not the page's text.
    }
  }
  if (records.length === 0) return;
  const html = records.map((r) => `${r.heading ? `<h3>${htmlText(r.heading)}</h3>` : ''}${r.html}`).join('');
  const parsed = unified().use(rehypeParse, { fragment: true }).parse(html) as Root;
  const first = loading[0]!;
  first.children = parsed.children as ElementContent[];
  // Shown: a `hidden` panel holds what the script would show in turn.
  first.properties = {};
  for (const other of loading.slice(1)) other.children = [];
}

/** The strings a Next.js page's scripts push to its data (`self.__next_f.push([1,"…"])`), decoded. */
function flightStrings(script: string): string[] {
  const out: string[] = [];
  for (const m of script.matchAll(/self\.__next_f\.push\(\[1,\s*("(?:[^"\\]|\\.)*")\s*\]\)/g)) {
    try {
      out.push(JSON.parse(m[1]!) as string);
    } catch {
      // A string that is no JSON string: not the page's data.
    }
  }
  return out;
}

/** The text rows of a Next.js page's data (`6:T1af0,` then 0x1af0 bytes of UTF-8) that hold HTML, in order. */
function flightHtml(data: string): string[] {
  const out: string[] = [];
  const re = /(?:^|\n)[0-9a-f]{1,6}:T([0-9a-f]{1,8}),/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(data)) !== null) {
    const bytes = new TextEncoder().encode(data.slice(m.index + m[0].length, m.index + m[0].length + Number.parseInt(m[1]!, 16)));
    const text = new TextDecoder().decode(bytes.slice(0, Number.parseInt(m[1]!, 16)));
    if (RE_HTML_STRING.test(text)) out.push(text);
    re.lastIndex = m.index + m[0].length + text.length;
  }
  return out;
}

/** A positioned line's class in pdf2htmlEX's output: the line's baseline (`y1a`, its `bottom`). */
const RE_BASELINE_CLASS = /^y[0-9a-f]+$/;

/**
 * Lines of a PDF converted to HTML by pdf2htmlEX (`<div class="t m0 x1 h3 y20 ff1 …">`, each
 * placed by its classes): pieces of one printed line drawn apart (a field's label in bold, then its
 * text, `研究内容：` / `针对…`) are sibling `div.t` with the same baseline class; they are one line,
 * joined here (changes the tree in place).
 */
function sameBaselines(node: Root | Element): void {
  const kids = node.children;
  const baseline = (c: RootContent | ElementContent | undefined): string | null => {
    if (c?.type !== 'element' || c.tagName !== 'div') return null;
    const cs = classes(c);
    return cs.includes('t') ? (cs.find((x) => RE_BASELINE_CLASS.test(x)) ?? null) : null;
  };
  for (let k = 0; k < kids.length; k++) {
    const c = kids[k]!;
    if (c.type !== 'element') continue;
    const y = baseline(c);
    if (y === null) {
      sameBaselines(c);
      continue;
    }
    while (k + 1 < kids.length && baseline(kids[k + 1]) === y) {
      const next = kids[k + 1] as Element;
      c.children.push(...next.children);
      kids.splice(k + 1, 1);
    }
  }
}

export function readHtml(bytes: Uint8Array): HtmlRead {
  const { text, encoding } = decodeHtml(bytes);
  const root = unified().use(rehypeParse).parse(text) as Root;
  inlineFrames(root);
  fillFromDataIslands(root);
  // (Tables a style sheet draws from `<div>`s: read as tables.)
  if (/display\s*:\s*table-(?:row|cell)/i.test(text)) cssTables(root);
  const kitTables = flattenUiTables(root);
  sameBaselines(root);
  const opened = collapsedPanels(root);
  const numbers = drawnNumbers(root, opened);
  const sheetHidden = hiddenByStyleSheet(root);
  const main = findMain(root);
  const heading = main && !hasOwnTitle(main) ? titleBefore(root, main) : null;
  const removed: Removal[] = [...kitTables];
  // The page around the main content: logged, never read.
  if (main) {
    const outside = new Reader(heading ? [main, heading] : [main], numbers, opened, sheetHidden);
    for (const c of root.children) outside.visit(c);
    outside.endBlock();
    removed.push(...outside.removed);
    for (const b of outside.blocks) {
      for (const line of b.kind === 'text' ? b.lines : b.rows.map((r) => r.join(' '))) {
        const t = collapse(line);
        if (t !== '') removed.push({ kind: 'web-chrome', text: t, line: null, start: null, end: null, page: null });
      }
    }
  }
  const reader = new Reader([], numbers, opened, sheetHidden);
  if (main) {
    // The article's title, printed above the CMS's content box (`<h1>…申报指南</h1>` then `#zoom`).
    if (heading) {
      reader.visit(heading);
      reader.endBlock();
    }
    for (const c of main.children) reader.visit(c);
  } else {
    for (const c of root.children) reader.visit(c);
  }
  reader.endBlock();
  removed.push(...reader.removed);
  // Widgets written as text, and attachment lines repeated.
  const seenAttachments = new Set<string>();
  const blocks: Block[] = [];
  for (const b of reader.blocks) {
    if (b.kind === 'table') {
      blocks.push(b);
      continue;
    }
    const lines: string[] = [];
    for (const line of b.lines) {
      const t = line.trim();
      if (isWidgetLine(t)) {
        removed.push({ kind: 'web-chrome', text: collapse(t), line: null, start: null, end: null, page: null });
        continue;
      }
      if (ATTACHMENT.test(t)) {
        const key = t.replace(/[\s\u00a0\u3000]+/g, '').replace(/^(?:相关)?附件[\d：:.、]*/, '');
        if (key !== '' && seenAttachments.has(key)) {
          removed.push({ kind: 'duplicate-attachment', text: collapse(t), line: null, start: null, end: null, page: null });
          continue;
        }
        if (key !== '') seenAttachments.add(key);
      }
      lines.push(line.replace(/\u2028/g, '\n'));
    }
    blocks.push({ kind: 'text', lines: lines.flatMap((l) => l.split('\n')), ...(b.heading ? { heading: b.heading } : {}) });
  }
  const built = buildText(blocks);
  if (built.text.trim() === '') throw new GuidelineError('empty', reason('html-empty'));
  return { ...built, removed: [...removed, ...built.removed], encoding };
}

/**
 * A text (a converter's Markdown: MinerU, Marker, pandoc) with tables kept as raw HTML
 * (`<table><tr><td rowspan="2">…`): each table read as the page reader reads one — rows × cells,
 * `rowspan` and `colspan` repeated — and written as `| cell | cell |` rows on lines of their own,
 * the form `clean` reads tables in; the HTML of each is logged (`markup`).
 */
export function inlineHtmlTables(text: string): { text: string; removed: Removal[] } {
  const removed: Removal[] = [];
  const out = text.replace(/<table\b[^>]*>[\s\S]*?<\/table\s*>/gi, (html) => {
    const rows = readHtml(new TextEncoder().encode(`<html><body>${html}</body></html>`)).text.replace(/\n+$/, '');
    removed.push(unplaced('markup', html));
    return `\n${rows}\n`;
  });
  return { text: out, removed };
}
