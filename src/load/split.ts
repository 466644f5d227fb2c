/**
 * Several guidelines pasted into one text (three 重点专项 drafts one after another, as a policy
 * database or a colleague's collection gives them): each guideline starts at a title block of its
 * own. `splitGuidelines` gives one source per guideline; each keeps the whole text with the other
 * guidelines blanked out (spaces, line breaks kept), so that every offset, line and page of the
 * output still points into the file as it is.
 */
import { pageNumberOf } from '../lexicon/pagination.js';
import type { Source } from '../types.js';
import { RE_ATTACHED_TEXT_LINE, RE_ATTACHMENT_LINE, RE_YAML_LINE } from '../lexicon/markers.js';

/** A title's last line: `…申报指南`, `…项目指南（征求意见稿）`, or `（征求意见稿）` under it (not a field that names one, `title: …指南`, as a note's front matter has it). */
const RE_TITLE_LAST = /^(?:[^。；：，:]{0,60}(?:申报指南|项目指南|指南)(?:[（(]征求意见稿[）)])?|[（(]征求意见稿[）)])$/;
/** A title names its year and what it is for (重点专项, 计划, 项目). */
const RE_TITLE_WORDS = /\d{4}\s*年度?|重点专项|研究计划|专项|揭榜挂帅/;

interface Line {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

function linesOf(text: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 10;
    if (c === 10 || c === 13) {
      out.push({ start, end: i, text: text.slice(start, i).replace(/^[\s\u3000\f]+|[\s\u3000]+$/g, '') });
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  return out;
}

/**
 * The line after a note's front matter (`---`, `title: …`, `tags:`, `  - 氢能`, `---` as the text's
 * first lines: Obsidian, 语雀, a static site's Markdown), or 0: its fields name the guideline (a
 * `title:` or an alias ending in 指南) but are none of its text.
 */
function frontMatterEnd(lines: readonly Line[]): number {
  const first = lines.findIndex((l) => l.text !== '');
  if (first < 0 || first > 2 || lines[first]!.text !== '---') return 0;
  for (let j = first + 1; j < Math.min(lines.length, first + 80); j++) {
    const t = lines[j]!.text;
    if (t === '---' || t === '...') return j + 1;
    if (t !== '' && !RE_YAML_LINE.test(t)) return 0;
  }
  return 0;
}

/**
 * Where each guideline's title block starts (0-based line indexes): the first lines of the text
 * when they hold a title, and every later block of up to three short lines, standing after a blank
 * line, that ends like a title and names a year and a programme. Only blocks followed by text of
 * their own count.
 */
export function guidelineStarts(text: string): number[] {
  const lines = linesOf(text);
  // A running header repeats the title on every page: a guideline's own title stands once.
  const seen = new Map<string, number>();
  for (const l of lines) if (l.text) seen.set(l.text, (seen.get(l.text) ?? 0) + 1);
  const starts: number[] = [];
  // A notice's first attachment was a guideline (`附件1` over its title): the notice is its cover.
  let cover = false;
  const skip = frontMatterEnd(lines);
  for (let i = skip; i < lines.length; i++) {
    const t = lines[i]!.text;
    if (!RE_TITLE_LAST.test(t) || /[《》]/.test(t) || seen.get(t)! > 1) continue;
    // The block: this line and up to two short lines above it without clause punctuation.
    let first = i;
    while (
      first > 0 &&
      i - first < 2 &&
      lines[first - 1]!.text !== '' &&
      lines[first - 1]!.text.length <= 40 &&
      // (`附件` above the title names what follows: no line of the title.)
      !RE_ATTACHMENT_LINE.test(lines[first - 1]!.text) &&
      !/[。；：，,;:]$|[。；]/.test(lines[first - 1]!.text) &&
      pageNumberOf(lines[first - 1]!.text) === null
    ) {
      first--;
    }
    const block = lines.slice(first, i + 1).map((l) => l.text).join('');
    if (!RE_TITLE_WORDS.test(block) || block.length > 90) continue;
    // A title stands alone: a blank line (or the start of the text) before it, or the `附件2` that
    // names it, where a notice carries several guidelines (`附件1`, `附件2`, each over its title).
    const attached = first > 0 && RE_ATTACHMENT_LINE.test(lines[first - 1]!.text) && (first < 2 || lines[first - 2]!.text === '');
    if (first > 0 && lines[first - 1]!.text !== '' && !(attached && starts.length === 0)) continue;

    // At the top of a page (after a page number or a form feed) it is a running header, even where
    // it stands once (on the one page that prints it).
    const before = lines.slice(0, first).reverse().find((l) => l.text !== '');
    if ((before && pageNumberOf(before.text) !== null) || text.charCodeAt(lines[first]!.start) === 12) continue;
    // The document's own title, in its first lines, starts it.
    if (starts.length === 0 && lines.slice(skip, first).filter((l) => l.text).length <= 3) {
      starts.push(0);
      continue;
    }
    // The guideline a notice carries as its attachment (`附件` standing alone, `附：指南原文`, then the
    // title), where no guideline came before: one document, the notice its cover. (A second one,
    // `附件2` over its title, is a guideline of its own.)
    if (starts.length === 0 && !cover && before && (RE_ATTACHMENT_LINE.test(before.text) || RE_ATTACHED_TEXT_LINE.test(before.text))) {
      cover = true;
      continue;
    }
    if (starts.length === 0 && cover && !attached) continue;
    // A later title needs a guideline's worth of text before it (the one before it is no stray line).
    const from = starts.length > 0 ? starts[starts.length - 1]! : 0;
    const between = lines.slice(from, first).reduce((n, l) => n + l.text.length, 0);
    if (between < 400) continue;
    // A guideline's title is followed by its own preamble: a sentence, before any field or table
    // (a title repeated as a running header is followed by the text it interrupts).
    const next = lines.slice(i + 1).find((l) => l.text !== '' && !/^[（(]?征求意见稿[）)]?$/.test(l.text));
    if (!next || next.text.length < 30 || !/[。，]/.test(next.text) || /^\S{2,10}(?:[：:]|\s{2,})/.test(next.text)) continue;
    if (starts.length === 0) starts.push(0);
    starts.push(first);
  }
  return starts;
}

/** One source per guideline the text holds (the source itself when it holds one). */
export function splitGuidelines(source: Source): Source[] {
  if (source.format !== 'text') return [source];
  const starts = guidelineStarts(source.text);
  // The first guideline may start without a title line: a later title then splits the text.
  if (starts.length === 0 || (starts.length === 1 && starts[0] === 0)) return [source];
  const lines = linesOf(source.text);
  const bounds = starts[0] === 0 ? starts : [0, ...starts];
  if (bounds.length < 2) return [source];
  return bounds.map((from, k) => {
    const a = lines[from]!.start;
    const b = k + 1 < bounds.length ? lines[bounds[k + 1]!]!.start : source.text.length;
    const blank = (s: string): string => s.replace(/[^\r\n\f]/g, ' ');
    const text = blank(source.text.slice(0, a)) + source.text.slice(a, b) + blank(source.text.slice(b));
    return { ...source, id: `${source.id}-${k + 1}`, text };
  });
}
