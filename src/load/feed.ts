/**
 * A news feed saved as a file (RSS 2.0, RSS 1.0 / RDF, Atom: what a WeChat-to-RSS service or a
 * portal's 订阅 gives), each item a title and its article as HTML (`content:encoded`, else
 * `description`; Atom's `content`, else `summary`), in a CDATA section or escaped. The guideline is
 * the item that reads most as one (`bestEntry`), read as a web page; the other items and the
 * channel's own title and description are logged, never read. Pure.
 */
import type { Removal } from '../types.js';
import { unplaced } from './blocks.js';
import { bestEntry, type Note } from './enex.js';
import { entities } from './xml.js';

/** Whether `text` is a feed: its root element `rss`, `feed` (Atom) or `rdf:RDF` over RSS 1.0 items. */
export function isFeed(text: string): boolean {
  const head = text.slice(0, 2000).replace(/^\ufeff/, '').replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->/g, '').trimStart();
  return /^<(?:rss|feed|rdf:RDF)[\s>]/.test(head) && /<(?:item|entry)[\s>]/.test(text);
}

/** An element's content, CDATA or escaped markup, as the markup it stands for. */
function contentOf(body: string, names: readonly string[]): string | null {
  for (const name of names) {
    const m = new RegExp(`<${name}(?:\\s[^>]*)?>([\\s\\S]*?)</${name}>`).exec(body);
    if (!m) continue;
    const raw = m[1]!.trim();
    const cdata = /^<!\[CDATA\[([\s\S]*)\]\]>$/.exec(raw);
    // (Atom's `type="xhtml"`: the markup itself, inside a `div`.)
    return cdata ? cdata[1]! : /type\s*=\s*["']xhtml["']/.test(m[0].slice(0, m[0].indexOf('>'))) ? raw : entities(raw);
  }
  return null;
}

const plain = (markup: string): string => entities(markup.replace(/<[^>]+>/g, '')).trim();

/** The guideline inside a feed: the item that reads most as one, as a page; the rest logged. */
export function readFeed(text: string): { html: string; removed: Removal[] } | null {
  const items: Note[] = [];
  for (const m of text.matchAll(/<(item|entry)(?:\s[^>]*)?>([\s\S]*?)<\/\1>/g)) {
    const body = m[2]!;
    const html = contentOf(body, ['content:encoded', 'content', 'description', 'summary']);
    if (html === null) continue;
    items.push({ title: plain(contentOf(body, ['title']) ?? ''), html });
  }
  const read = bestEntry(items);
  if (!read) return null;
  const channel = text.slice(0, text.search(/<(?:item|entry)[\s>]/));
  const about = [contentOf(channel, ['title']), contentOf(channel, ['description', 'subtitle'])].filter((x): x is string => x !== null && plain(x) !== '');
  return { html: read.html, removed: [...about.map((x) => unplaced('markup', plain(x))), ...read.removed] };
}
