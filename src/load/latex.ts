/**
 * A LaTeX source saved as text (an office that typesets its calls with ctex: `\section{…}`,
 * `\subsection*{1.1\quad …}`, `enumerate` lists, `tabular`/`longtable` tables, its own one-line
 * macros such as `\newcommand{\field}[1]{\par\noindent\textbf{#1：}}`). It is read as the typeset
 * page shows it: the title of `\title{…}` where `\maketitle` stands, a section a `一、` heading (a
 * subsection `N.M`, a starred one as written), an item a line numbered as its list's label says,
 * a table's row a pipe row; comments (`%`), footnotes and the preamble are logged, never read. Only
 * what ctex prints for the commands it knows; an unknown command keeps the text of its arguments. Pure.
 */
import type { Removal } from '../types.js';
import { unplaced } from './blocks.js';
import { printed } from '../lexicon/markers.js';

/** `3` as a Chinese numeral (`三`). */
const cjkNumeral = (n: number): string => printed('cjk-comma', n).replace(/、$/, '');


/** Whether `text` is a LaTeX document's source. */
export function isLatex(text: string): boolean {
  return /\\documentclass\b/.test(text) && /\\begin\{document\}/.test(text);
}

/** The argument in braces at `at` (`{…}`, nested braces kept): its text and where it ends; null when none. */
function group(s: string, at: number): { body: string; end: number } | null {
  let i = at;
  while (s[i] === ' ' || s[i] === '\t') i++;
  if (s[i] !== '{') return null;
  let depth = 0;
  for (let j = i; j < s.length; j++) {
    if (s[j] === '\\') {
      j++;
      continue;
    }
    if (s[j] === '{') depth++;
    else if (s[j] === '}' && --depth === 0) return { body: s.slice(i + 1, j), end: j + 1 };
  }
  return null;
}

/** Commands that print nothing (sizes, fonts, spacing, page breaks, list and table rules). */
const SILENT = new Set(['noindent', 'indent', 'centering', 'raggedright', 'clearpage', 'newpage', 'pagebreak', 'heiti', 'kaishu', 'songti', 'fangsong', 'bfseries', 'itshape', 'normalfont', 'small', 'large', 'Large', 'LARGE', 'huge', 'Huge', 'normalsize', 'toprule', 'midrule', 'bottomrule', 'hline', 'endhead', 'endfirsthead', 'endfoot', 'endlastfoot', 'tableofcontents', 'vfill', 'hfill', 'bigskip', 'medskip', 'smallskip', 'relax', 'protect', 'label', 'zihao', 'vspace', 'hspace', 'setlength', 'thispagestyle', 'pagestyle']);
/** Commands whose arguments print nothing either. */
const SILENT_ARGS = new Set(['label', 'zihao', 'vspace', 'hspace', 'setlength', 'thispagestyle', 'pagestyle', 'ref', 'pageref', 'cite', 'includegraphics', 'setcounter', 'addtocounter']);
/** Symbols by command name. */
const SYMBOLS: Readonly<Record<string, string>> = { sim: '～', leq: '≤', le: '≤', geq: '≥', ge: '≥', times: '×', pm: '±', quad: ' ', qquad: ' ', ldots: '…', cdots: '…', dots: '…', textasciitilde: '～', degree: '°', circ: '°', approx: '≈', '%': '%', '&': '&', '#': '#', _: '_', '{': '{', '}': '}', ' ': ' ', ',': ' ', '\\': '\n', par: '\n\n' };

interface Macro {
  readonly args: number;
  readonly body: string;
}

/** What one construct at `k` of `s` printed, and where the text goes on. */
interface Step {
  readonly text: string;
  readonly next: number;
}

/** An optional argument at `k` (`[label=\arabic*.]`): its text and where it ends, or null. */
function optional(s: string, k: number): { body: string; end: number } | null {
  if (s[k] !== '[') return null;
  const close = s.indexOf(']', k);
  return close > k ? { body: s.slice(k + 1, close), end: close + 1 } : null;
}

const RE_TABLE_ENV = /^(?:tabular|longtable|tabularx|array)\*?$/;

/**
 * The body read command by command: each construct a method (a symbol, the document's macro, a
 * footnote, a sectioning command, `\maketitle`, `\item`, an environment, a command that prints its
 * arguments or nothing); a fragment (a macro's expansion, an argument) read by the same loop.
 */
class LatexReader {
  readonly removed: Removal[] = [];
  private readonly counters = { section: 0, subsection: 0 };
  private readonly lists: { label: string | null; n: number }[] = [];
  private table = 0;

  constructor(
    private readonly macros: ReadonlyMap<string, Macro>,
    private readonly title: string | null,
    private readonly enumLabel: string | null,
  ) {}

  read(s: string): string {
    const parts: string[] = [];
    let k = 0;
    while (k < s.length) {
      const step = s[k] === '\\' ? this.command(s, k) : this.character(s, k);
      parts.push(step.text);
      k = step.next;
    }
    return parts.join('');
  }

  /** A character of text: braces and `$` print nothing, `~` a space, ``` `` ``` and `''` quotes, `--` a dash, `&` a table's cell. */
  private character(s: string, k: number): Step {
    const c = s[k]!;
    if (c === '{' || c === '}' || c === '$') return { text: '', next: k + 1 };
    if (c === '~') return { text: ' ', next: k + 1 };
    if (c === '&' && this.table > 0) return { text: ' | ', next: k + 1 };
    if (c === '`' && s[k + 1] === '`') return { text: '“', next: k + 2 };
    if (c === "'" && s[k + 1] === "'") return { text: '”', next: k + 2 };
    if (c === '-' && s[k + 1] === '-') return s[k + 2] === '-' ? { text: '—', next: k + 3 } : { text: '–', next: k + 2 };
    return { text: c, next: k + 1 };
  }

  private command(s: string, at: number): Step {
    const name = /^\\([A-Za-z]+\*?|.)/.exec(s.slice(at))![1]!;
    let k = at + name.length + 1;
    const bare = name.replace(/\*$/, '');
    // A table's row ends at `\\`.
    if (bare === '\\' && this.table > 0) return { text: ' |\n| ', next: k };
    if (SYMBOLS[bare] !== undefined) return { text: SYMBOLS[bare]!, next: /^[A-Za-z]/.test(bare) && s[k] === ' ' ? k + 1 : k };
    const macro = this.macros.get(bare);
    if (macro) return this.expand(macro, s, k);
    // Optional arguments (`[label=\arabic*.]`) are options, not text.
    k = optional(s, k)?.end ?? k;
    if (bare === 'begin' || bare === 'end') return this.environment(bare, s, k);
    if (bare === 'section' || bare === 'subsection' || bare === 'subsubsection' || bare === 'paragraph') return this.heading(bare, name.endsWith('*'), s, k);
    if (bare === 'maketitle') return { text: this.title ? `\n${this.read(this.title)}\n\n` : '', next: k };
    if (bare === 'item') return { text: this.item(), next: k };
    if (bare === 'footnote' || SILENT_ARGS.has(bare)) {
      const g = group(s, k);
      if (g && bare === 'footnote') this.removed.push(unplaced('footnote', this.read(g.body)));
      return { text: '', next: g?.end ?? k };
    }
    if (SILENT.has(bare)) return { text: '', next: k };
    // Any other command: the text of its arguments.
    const parts: string[] = [];
    for (let g = group(s, k); g; g = group(s, k)) {
      parts.push(this.read(g.body));
      k = g.end;
    }
    return { text: parts.join(''), next: k };
  }

  /** The document's own macro with its arguments in place of `#1`… . */
  private expand(macro: Macro, s: string, at: number): Step {
    const args: string[] = [];
    let k = at;
    for (let a = 0; a < macro.args; a++) {
      const g = group(s, k);
      if (!g) break;
      args.push(g.body);
      k = g.end;
    }
    return { text: this.read(macro.body.replace(/#(\d)/g, (_, d: string) => args[Number(d) - 1] ?? '')), next: k };
  }

  /** A section `一、…`, a subsection `N.M …` as ctex numbers them; a starred one as written. */
  private heading(kind: string, starred: boolean, s: string, at: number): Step {
    const g = group(s, at);
    if (!g) return { text: '', next: at };
    const c = this.counters;
    let number = '';
    if (!starred && kind === 'section') {
      c.section++;
      c.subsection = 0;
      number = `${cjkNumeral(c.section)}、`;
    } else if (!starred && kind === 'subsection') {
      c.subsection++;
      number = `${c.section}.${c.subsection} `;
    }
    return { text: `\n\n${number}${this.read(g.body).trim()}\n\n`, next: g.end };
  }

  /** An item, on a line of its own, with its list's label (`（\arabic*）` → `（3）`; a bullet in `itemize`). */
  private item(): string {
    const list = this.lists[this.lists.length - 1];
    if (!list) return '\n• ';
    list.n++;
    return `\n${list.label === null ? '•' : list.label.replace(/\\arabic\*/, String(list.n)).replace(/\\chinese\*/, cjkNumeral(list.n)).replace(/[{}]/g, '')}`;
  }

  /** `\begin{…}` / `\end{…}`: a table's rows, a list's numbering; any other only a paragraph break. */
  private environment(which: 'begin' | 'end', s: string, at: number): Step {
    const g = group(s, at);
    if (!g) return { text: '', next: at };
    const env = g.body;
    let k = g.end;
    if (which === 'end') {
      if (RE_TABLE_ENV.test(env)) this.table = Math.max(0, this.table - 1);
      else if (env === 'enumerate' || env === 'itemize') this.lists.pop();
      return { text: '\n\n', next: k };
    }
    // An environment's own arguments (`{clc}` of a table, `[label=…]` of a list).
    const options = optional(s, k);
    k = options?.end ?? k;
    if (RE_TABLE_ENV.test(env)) {
      for (let n = env === 'tabularx' ? 2 : 1; n > 0; n--) k = group(s, k)?.end ?? k;
      this.table++;
      return { text: '\n| \n', next: k };
    }
    if (env === 'enumerate') this.lists.push({ label: /label=([^,\]]+)/.exec(options?.body ?? '')?.[1] ?? this.enumLabel ?? '\\arabic*.', n: 0 });
    else if (env === 'itemize') this.lists.push({ label: null, n: 0 });
    return { text: '\n', next: k };
  }
}

/** The text of a LaTeX document's source, as it typesets. */
export function readLatex(source: string): { text: string; removed: Removal[] } {
  const removed: Removal[] = [];
  // Comments: `%` to the line's end (not `\%`).
  const text = source.replace(/\r\n?/g, '\n').replace(/(^|[^\\])%.*$/gm, (m, pre: string) => (m.length > pre.length + 1 && removed.push(unplaced('markup', m.slice(pre.length))), pre));
  const begin = text.indexOf('\\begin{document}');
  const finish = text.indexOf('\\end{document}');
  const preamble = text.slice(0, begin);
  const body = text.slice(begin + '\\begin{document}'.length, finish < 0 ? text.length : finish);
  // The document's own macros (`\newcommand{\field}[1]{…#1…}`) and its title.
  const macros = new Map<string, Macro>();
  for (const m of preamble.matchAll(/\\(?:re)?newcommand\*?\s*\{?\\([A-Za-z]+)\}?\s*(?:\[(\d)\])?/g)) {
    const g = group(preamble, m.index + m[0].length);
    if (g) macros.set(m[1]!, { args: Number(m[2] ?? 0), body: g.body });
  }
  const titleAt = preamble.search(/\\title\s*\{/);
  const title = titleAt >= 0 ? (group(preamble, preamble.indexOf('{', titleAt))?.body ?? null) : null;
  const enumLabel = /\\setlist\[enumerate\]\{[^}]*label=([^,}]+)/.exec(preamble)?.[1] ?? null;
  removed.push(unplaced('markup', preamble.trim().slice(0, 200)));
  const reader = new LatexReader(macros, title, enumLabel);
  const typeset = typesetLines(reader.read(body));
  return { text: typeset, removed: [...removed, ...reader.removed] };
}

/**
 * Lines as typeset: a source line break inside a paragraph is a space (between CJK: nothing); a
 * blank line a paragraph break; a list item or a table row a line of its own, a row `| … |`.
 */
function typesetLines(read: string): string {
  const paragraphs = read
    .split(/\n[ \t]*\n/)
    .map((para) =>
      para
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l !== '')
        .reduce((acc, l) => {
          if (acc.length === 0) return [l];
          const last = acc[acc.length - 1]!;
          // A list item, a table row, a line after a forced break starts a line of its own.
          if (/^(?:[（(]?\d+[）).、]|•|\|)/.test(l) || /\|\s*$/.test(last)) return [...acc, l];
          acc[acc.length - 1] = /[\u3000-\u9fff（）《》“”，。；：]$/.test(last) || /^[\u3000-\u9fff（）《》“”，。；：]/.test(l) ? last + l : `${last} ${l}`;
          return acc;
        }, [] as string[])
        .join('\n'),
    )
    .filter((p) => p !== '');
  const rows = paragraphs.join('\n\n').replace(/\|\s*\n/g, '|\n').replace(/^\|\s*(.*?)\s*$/gm, (_, row: string) => (row === '' ? '' : `| ${row.replace(/\s*\|\s*$/, '')} |`));
  return `${rows.replace(/\n{3,}/g, '\n\n').trim()}\n`;
}
