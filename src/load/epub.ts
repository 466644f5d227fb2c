/**
 * An EPUB e-book (a guideline as a 数字出版 or 政务阅读 app publishes it): the chapters of its
 * spine, in the spine's order (never the file names'), read as one web page. The package's style
 * sheets come along so that headings drawn by class read as headings; a footnote's call mark
 * (`<a epub:type="noteref">`) is dropped from the sentence it sits in, and the note itself
 * (`<aside epub:type="footnote">`) is logged, never read as text of a direction. Pure.
 */
import { GuidelineError, type Removal } from '../types.js';
import { reason } from '../messages/reasons.js';
import { unplaced, type BuiltText } from './blocks.js';
import { readHtml } from './html.js';
import { attrOf as attr, entities, partPath } from './xml.js';

const decoder = new TextDecoder('utf-8');


/** Notes of the book (footnotes, endnotes): their text logged, their call marks dropped. */
const RE_NOTE = /<(aside|div|section|p|li)\b[^>]*\bepub:type\s*=\s*["'][^"']*\b(?:footnote|endnote|rearnote|note)\b[^"']*["'][^>]*>[\s\S]*?<\/\1\s*>/gi;
const RE_NOTEREF = /<a\b[^>]*\bepub:type\s*=\s*["'][^"']*\bnoteref\b[^"']*["'][^>]*>[\s\S]*?<\/a\s*>/gi;
/** A superscript that is only a note's call: a link (`<sup><a href="#fn1">1</a></sup>`), a bracketed number (`<sup>[2]</sup>`) or a mark (`<sup>①</sup>`); never a bare `<sup>2</sup>` (m², 10⁶). */
const RE_MARK_SUP = /<sup\b[^>]*>\s*(?:<a\b[^>]*\bhref\s*=\s*["']#[^>]*>\s*[[\[（(]?\s*(?:\d{1,3}|[*†‡①-⑳])\s*[\]］）)]?\s*<\/a\s*>|[[\[（(]\s*\d{1,3}\s*[\]］）)]|[*†‡①-⑳])\s*<\/sup\s*>/gi;

/** A spine document that is the book's own page: its cover, copyright page, contents, colophon. */
const RE_BOOK_MATTER = /\bepub:type\s*=\s*["'][^"']*\b(?:cover|copyright-page|toc|landmarks|colophon|imprint|loi|lot)\b/i;

/** Reads an EPUB's spine as one page of blocks. */
export function readEpub(files: Readonly<Record<string, Uint8Array>>): BuiltText {
  const text = (name: string): string | null => (files[name] && files[name]!.length > 0 ? decoder.decode(files[name]) : null);
  const container = text('META-INF/container.xml');
  const opfPath = container ? attr(/<rootfile\b[^>]*>/i.exec(container)?.[0] ?? '', 'full-path') : Object.keys(files).find((n) => /\.opf$/i.test(n)) ?? null;
  const opf = opfPath ? text(opfPath) : null;
  if (!opfPath || !opf) throw new GuidelineError('unsupported-format', reason('not-an-epub'));
  const encryption = text('META-INF/encryption.xml');
  if (encryption && /<(?:enc:)?CipherReference\b[^>]*URI\s*=\s*["'][^"']*\.x?html?["']/i.test(encryption)) throw new GuidelineError('unsupported-format', reason('epub-drm'));
  const manifest = new Map<string, { href: string; nav: boolean }>();
  for (const m of opf.matchAll(/<item\b[^>]*>/gi)) {
    const id = attr(m[0], 'id');
    const href = attr(m[0], 'href');
    if (id && href) manifest.set(id, { href: partPath(opfPath, href), nav: /\bnav\b/.test(attr(m[0], 'properties') ?? '') });
  }
  // (The book's table of contents, `nav.xhtml`, when the spine lists it: its entries, not its text.)
  const spine = [...opf.matchAll(/<itemref\b[^>]*>/gi)].map((m) => manifest.get(attr(m[0], 'idref') ?? '')).filter((h) => h !== undefined && !h.nav).map((h) => h!.href);
  const removed: Removal[] = [];
  const styles: string[] = [];
  const seenStyles = new Set<string>();
  const bodies: string[] = [];
  for (const href of spine) {
    const page = text(href);
    if (page === null) continue;
    for (const link of page.matchAll(/<link\b[^>]*>/gi)) {
      const css = attr(link[0], 'href');
      if (!css || !/stylesheet/i.test(attr(link[0], 'rel') ?? '')) continue;
      const path = partPath(href, css);
      if (!seenStyles.has(path)) {
        seenStyles.add(path);
        const sheet = text(path);
        if (sheet !== null) styles.push(sheet);
      }
    }
    for (const s of page.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi)) styles.push(s[1]!);
    let body = /<body\b[^>]*>([\s\S]*)<\/body\s*>/i.exec(page)?.[1] ?? '';
    // The book's own pages (cover, copyright page, contents): the publisher's, logged, never read.
    if (RE_BOOK_MATTER.test(/<body\b[^>]*>\s*(?:<(?:section|div)\b[^>]*>)?/i.exec(page)?.[0] ?? '')) {
      const t = entities(body.replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ').trim();
      if (t !== '') removed.push(unplaced('record-header', t));
      continue;
    }
    body = body.replace(RE_NOTE, (note) => {
      const t = entities(note.replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ').trim();
      if (t !== '') removed.push(unplaced('footnote', t));
      return '';
    });
    body = body.replace(RE_NOTEREF, (mark) => {
      removed.push(unplaced('footnote', entities(mark.replace(/<[^>]+>/g, '')).trim()));
      return '';
    });
    body = body.replace(RE_MARK_SUP, (mark) => {
      removed.push(unplaced('footnote', entities(mark.replace(/<[^>]+>/g, '')).trim()));
      return '';
    });
    bodies.push(`<div class="epub-chapter">${body}</div>`);
  }
  if (bodies.length === 0) throw new GuidelineError('unsupported-format', reason('not-an-epub'));
  const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><style>${styles.join('\n').replace(/<\/style/gi, '')}</style></head><body>${bodies.join('\n')}</body></html>`;
  const { encoding: _e, ...built } = readHtml(new TextEncoder().encode(html));
  return { ...built, removed: [...removed, ...built.removed] };
}
