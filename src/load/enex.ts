/**
 * A note-taking app's export (`.enex`: Evernote, 印象笔记): notes, each a title and its content, ENML
 * (XHTML) in a CDATA section. The guideline is the note that reads most as one (a web clip of the
 * MOST page among a colleague's own notes): its clipped article where the note marks one, read as a
 * web page. The other notes, a reader's remarks set in the note (`【王晓：…】` in a coloured block) and
 * what stands outside the clipped article are logged, never read. Pure.
 */
import type { Removal } from '../types.js';
import { unplaced } from './blocks.js';
import { guidelineScore } from './containers.js';
import { entities } from './xml.js';

export interface Note {
  readonly title: string;
  readonly html: string;
}

/** Whether `text` is an ENEX export. */
export function isEnex(text: string): boolean {
  return /^\s*(?:\ufeff)?(?:<\?xml[^>]*>\s*)?(?:<!DOCTYPE\s+en-export[^>]*>\s*)?<en-export[\s>]/.test(text.slice(0, 600));
}


function notesOf(text: string): Note[] {
  const notes: Note[] = [];
  for (const m of text.matchAll(/<note>([\s\S]*?)<\/note>/g)) {
    const body = m[1]!;
    const title = entities(/<title>([\s\S]*?)<\/title>/.exec(body)?.[1]?.trim() ?? '');
    const content = /<content>\s*(?:<!\[CDATA\[([\s\S]*?)\]\]>|([\s\S]*?))\s*<\/content>/.exec(body);
    const html = content?.[1] ?? entities(content?.[2] ?? '');
    notes.push({ title, html });
  }
  return notes;
}

/** The plain text of some markup, for scoring and for the log. */
const textOf = (html: string): string => entities(html.replace(/<br\s*\/?>/gi, '\n').replace(/<\/(?:div|p|li|tr|h\d)>/gi, '\n').replace(/<[^>]+>/g, '')).replace(/\u00a0/g, ' ').replace(/\n{2,}/g, '\n').trim();

/** A reader's remark in a block of its own: `<div style="color: …"><b>【王晓：…】</b></div>`. */
const RE_REMARK = /<div[^>]*\bcolor\s*:[^>]*>\s*(?:<(?:b|strong|span)[^>]*>\s*)*【[^【】<]{1,300}】\s*(?:<\/(?:b|strong|span)>\s*)*<\/div>/g;

/** The clipped article inside a note (`<div style="--en-clipped-content:article; …">`): its start and end, or null. */
function clippedArticle(html: string): { start: number; end: number } | null {
  const open = /<div[^>]*--en-clipped-content\s*:\s*article[^>]*>/.exec(html);
  if (!open) return null;
  let depth = 0;
  const re = /<(\/?)div\b[^>]*?(\/?)>/g;
  re.lastIndex = open.index;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    if (m[2] === '/') continue;
    depth += m[1] === '/' ? -1 : 1;
    if (depth === 0) return { start: open.index, end: m.index + m[0].length };
  }
  return { start: open.index, end: html.length };
}

/** The guideline inside an ENEX export: the HTML of the note that reads most as one, and what was left out. */
export function readEnex(text: string): { html: string; removed: Removal[] } | null {
  return bestEntry(notesOf(text), (html, removed) => {
    const article = clippedArticle(html);
    if (article) {
      const outside = textOf(html.slice(0, article.start) + html.slice(article.end));
      if (outside !== '') removed.push(unplaced('margin-note', outside));
      html = html.slice(article.start, article.end);
    }
    html = html.replace(RE_REMARK, (m) => {
      removed.push(unplaced('margin-note', textOf(m)));
      return '';
    });
    // (ENML's own elements: the note's root and its media, no text.)
    return html.replace(/<\/?en-note[^>]*>/g, '').replace(/<en-media[^>]*\/?>(?:<\/en-media>)?/g, '');
  });
}

/**
 * Of the entries of a collection (a note app's notes, a feed's items), the one that reads most as a
 * guideline, as a web page of its title and its HTML (`own`: what the collection's own markup
 * wraps it in taken away, logged in `removed`); the other entries logged by their titles.
 */
export function bestEntry(entries: readonly Note[], own: (html: string, removed: Removal[]) => string = (html) => html): { html: string; removed: Removal[] } | null {
  if (entries.length === 0) return null;
  const score = (n: Note): number => guidelineScore(textOf(n.html)) + (/指南|通知/.test(n.title) ? 2 : 0);
  const best = entries.reduce((a, b) => (score(b) > score(a) ? b : a));
  const removed: Removal[] = entries.filter((n) => n !== best).map((n) => unplaced('archive-member', n.title || textOf(n.html).slice(0, 60)));
  const html = own(best.html.replace(/^\s*<\?xml[^>]*>\s*/, '').replace(/<!DOCTYPE[^>]*>\s*/, ''), removed);
  return { html: `<html><head><title>${best.title.replace(/</g, '&lt;')}</title></head><body>${html}</body></html>`, removed };
}
