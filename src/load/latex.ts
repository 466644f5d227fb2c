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
  const title = titleAt >= 0 ? group(preamble, preamble.indexOf('{', titleAt))?.body ?? null : null;
  const enumLabel = /\\setlist\[enumerate\]\{[^}]*label=([^,}]+)/.exec(preamble)?.[1] ?? null;
  removed.push(unplaced('markup', preamble.trim().slice(0, 200)));

  const counters = { section: 0, subsection: 0 };
  const lists: { label: string | null; n: number }[] = [];
  let table = 0;
  const out: string[] = [];
  const emit = (s: string): void => {
    out.push(s);
  };
  const expand = (s: string): string => readLatexFragment(s);
  // The body, command by command; a fragment (a macro's expansion, an argument) read by the same loop.
  function readLatexFragment(s: string): string {
    const parts: string[] = [];
    let k = 0;
    while (k < s.length) {
      const c = s[k]!;
      if (c === '\\') {
        const name = /^\\([A-Za-z]+\*?|.)/.exec(s.slice(k))![1]!;
        k += name.length + 1;
        const bare = name.replace(/\*$/, '');
        // A table's row ends at `\\`.
        if (bare === '\\' && table > 0) {
          parts.push(' |\n| ');
          continue;
        }
        if (SYMBOLS[bare] !== undefined) {
          parts.push(SYMBOLS[bare]!);
          if (/^[A-Za-z]/.test(bare) && s[k] === ' ') k++;
          continue;
        }
        const macro = macros.get(bare);
        if (macro) {
          const args: string[] = [];
          for (let a = 0; a < macro.args; a++) {
            const g = group(s, k);
            if (!g) break;
            args.push(g.body);
            k = g.end;
          }
          parts.push(readLatexFragment(macro.body.replace(/#(\d)/g, (_, d: string) => args[Number(d) - 1] ?? '')));
          continue;
        }
        // Optional arguments (`[label=\arabic*.]`) are options, not text.
        if (s[k] === '[') {
          const close = s.indexOf(']', k);
          if (close > k) k = close + 1;
        }
        if (bare === 'footnote') {
          const g = group(s, k);
          if (g) (removed.push(unplaced('footnote', readLatexFragment(g.body))), (k = g.end));
          continue;
        }
        if (bare === 'section' || bare === 'subsection' || bare === 'subsubsection' || bare === 'paragraph') {
          const g = group(s, k);
          if (!g) continue;
          k = g.end;
          const starred = name.endsWith('*');
          const heading = readLatexFragment(g.body).trim();
          let number = '';
          if (!starred && bare === 'section') (counters.section++, (counters.subsection = 0), (number = `${cjkNumeral(counters.section)}、`));
          else if (!starred && bare === 'subsection') (counters.subsection++, (number = `${counters.section}.${counters.subsection} `));
          parts.push(`\n\n${number}${heading}\n\n`);
          continue;
        }
        if (bare === 'maketitle') {
          if (title) parts.push(`\n${readLatexFragment(title)}\n\n`);
          continue;
        }
        if (bare === 'item') {
          const list = lists[lists.length - 1];
          if (list) {
            list.n++;
            const label = list.label === null ? '•' : list.label.replace(/\\arabic\*/, String(list.n)).replace(/\\chinese\*/, cjkNumeral(list.n)).replace(/[{}]/g, '');
            parts.push(`\n${label}`);
          } else parts.push('\n• ');
          continue;
        }
        if (bare === 'begin' || bare === 'end') {
          const g = group(s, k);
          if (!g) continue;
          k = g.end;
          const env = g.body;
          if (bare === 'begin') {
            // An environment's own arguments (`{clc}` of a table, `[label=…]` of a list).
            let options: string | null = null;
            if (s[k] === '[') {
              const close = s.indexOf(']', k);
              options = s.slice(k + 1, close);
              k = close + 1;
            }
            if (/^(?:tabular|longtable|tabularx|array)\*?$/.test(env)) {
              const spec = group(s, k);
              if (spec) k = spec.end;
              if (env === 'tabularx') {
                const again = group(s, k);
                if (again) k = again.end;
              }
              table++;
              parts.push('\n| ');
            } else if (env === 'enumerate') lists.push({ label: /label=([^,\]]+)/.exec(options ?? '')?.[1] ?? enumLabel ?? '\\arabic*.', n: 0 });
            else if (env === 'itemize') lists.push({ label: null, n: 0 });
            parts.push('\n');
          } else {
            if (/^(?:tabular|longtable|tabularx|array)\*?$/.test(env)) table = Math.max(0, table - 1);
            else if (env === 'enumerate' || env === 'itemize') lists.pop();
            parts.push('\n\n');
          }
          continue;
        }
        if (SILENT_ARGS.has(bare)) {
          const g = group(s, k);
          if (g) k = g.end;
          continue;
        }
        if (SILENT.has(bare)) continue;
        // Any other command: the text of its arguments.
        let g = group(s, k);
        while (g) {
          parts.push(readLatexFragment(g.body));
          k = g.end;
          g = group(s, k);
        }
        continue;
      }
      if (c === '{' || c === '}' || c === '$') {
        k++;
        continue;
      }
      if (c === '~') {
        parts.push(' ');
        k++;
        continue;
      }
      if (c === '&' && table > 0) {
        parts.push(' | ');
        k++;
        continue;
      }
      if (c === '`' && s[k + 1] === '`') {
        parts.push('“');
        k += 2;
        continue;
      }
      if (c === "'" && s[k + 1] === "'") {
        parts.push('”');
        k += 2;
        continue;
      }
      if (c === '-' && s[k + 1] === '-') {
        const three = s[k + 2] === '-';
        parts.push(three ? '—' : '–');
        k += three ? 3 : 2;
        continue;
      }
      parts.push(c);
      k++;
    }
    return parts.join('');
  }
  emit(expand(body));
  // Lines as typeset: a source line break inside a paragraph is a space (CJK: nothing); a blank
  // line a paragraph break; a table's `\\` a row.
  const typeset = out
    .join('')
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
  const rows = typeset.join('\n\n').replace(/\|\s*\n/g, '|\n').replace(/^\|\s*(.*?)\s*$/gm, (_, row: string) => (row === '' ? '' : `| ${row.replace(/\s*\|\s*$/, '')} |`));
  return { text: `${rows.replace(/\n{3,}/g, '\n\n').trim()}\n`, removed };
}
