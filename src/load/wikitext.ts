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
  const inline = (s: string): string => inlineText(s, removed);
  const out: string[] = [];
  let cell: { label: string | null; value: string[] } | null = null;
  const flushCell = (): void => {
    if (!cell) return;
    const value = cell.value.join('\n').trim();
    if (cell.label !== null && value !== '') {
      const [first, ...rest] = value.split('\n');
      // A list under its label (`! 领域方向` over `# 中医药；`…): the label on a line of its own.
      if (/^(?:\d+\. |• )/.test(first!)) out.push(`${cell.label}：`, first!, ...rest);
      else out.push(`${cell.label}：${first}`, ...rest);
    } else if (cell.label !== null) out.push(`${cell.label}：`);
    else if (value !== '') out.push(value);
    cell = null;
  };
  /** A cell's attributes before its text (`style="width:9em" | 合作协议`). */
  const content = (s: string): string => s.replace(/^\s*(?:[\w-]+\s*=\s*(?:"[^"]*"|'[^']*'|\S+)\s*)+\|(?!\|)/, '').trim();
  let inTable = 0;
  let ordinal: number[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\s+$/, '');
    if (/^\{\|/.test(line)) {
      inTable++;
      continue;
    }
    if (inTable > 0 && /^\|\}/.test(line)) {
      flushCell();
      inTable--;
      out.push('');
      continue;
    }
    if (inTable > 0 && /^\|-/.test(line)) {
      flushCell();
      continue;
    }
    if (inTable > 0 && /^\|\+/.test(line)) {
      flushCell();
      out.push(inline(line.slice(2).trim()));
      continue;
    }
    if (inTable > 0 && /^[!|]/.test(line)) {
      ordinal = [];
      const header = line[0] === '!';
      const cells = line
        .slice(1)
        .split(header ? /!!|\|\|/ : /\|\|/)
        .map((c) => inline(content(c)));
      if (header) {
        flushCell();
        cell = { label: cells[0]!.replace(/[：:]$/, ''), value: cells.slice(1).filter((c) => c !== '') };
      } else if (cell && cell.label !== null && cell.value.length === 0) {
        cell.value.push(...cells.filter((c) => c !== ''));
      } else if (cells.length >= 2) {
        flushCell();
        cell = { label: cells[0]!.replace(/[：:]$/, ''), value: cells.slice(1).filter((c) => c !== '') };
      } else {
        flushCell();
        cell = { label: null, value: cells.filter((c) => c !== '') };
      }
      continue;
    }
    const heading = /^(={1,6})\s*(.*?)\s*\1$/.exec(line);
    if (heading) {
      flushCell();
      out.push('', inline(heading[2]!), '');
      ordinal = [];
      continue;
    }
    // `#` numbered and `*` bulleted items (`##` a level down): numbered as the page shows them.
    const item = /^([#*]+)\s*(.*)$/.exec(line);
    let shown: string;
    if (item) {
      const depth = item[1]!.length;
      ordinal = ordinal.slice(0, depth);
      while (ordinal.length < depth) ordinal.push(0);
      const numbered = item[1]!.endsWith('#');
      if (numbered) ordinal[depth - 1]! += 1;
      shown = `${numbered ? `${ordinal[depth - 1]}. ` : '• '}${inline(item[2]!)}`;
    } else {
      if (line.trim() === '' || !/^[:;]/.test(line)) ordinal = [];
      shown = inline(line.replace(/^[:;]+\s*/, ''));
    }
    if (cell) cell.value.push(shown);
    else out.push(shown);
  }
  flushCell();
  return { text: out.join('\n').replace(/\n{3,}/g, '\n\n').trim() + '\n', removed };
}
