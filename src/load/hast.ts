/**
 * What the page readers ask of an HTML tree (hast): an element's classes, the visible text of a node,
 * white space collapsed. Pure.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';

/** Elements whose content is never text a reader of the guideline sees. */
export const NOT_TEXT = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'canvas', 'video', 'audio', 'map', 'select', 'button', 'input', 'textarea', 'head', 'title', 'meta', 'link']);
/** Elements that start and end a block. */
export const BLOCK = new Set([
  'address', 'article', 'blockquote', 'body', 'center', 'dd', 'details', 'dialog', 'dir', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hgroup', 'hr', 'html', 'li', 'main', 'ol', 'p', 'pre', 'section', 'summary', 'ul', 'caption', 'tbody', 'thead', 'tfoot', 'tr', 'td', 'th',
]);

export function classes(e: Element): string[] {
  const c = e.properties?.['className'] as unknown;
  return Array.isArray(c) ? c.map(String) : typeof c === 'string' ? c.split(/\s+/) : [];
}
export function hasClass(e: Element, re: RegExp): boolean {
  return classes(e).some((c) => re.test(c));
}
/** The visible text of a node, white space collapsed (for logging what was left out). */
export function textOf(node: Root | RootContent | ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type !== 'element' && node.type !== 'root') return '';
  if (node.type === 'element' && (NOT_TEXT.has(node.tagName) || node.tagName === 'br')) return node.type === 'element' && node.tagName === 'br' ? '\n' : '';
  return node.children.map((c) => textOf(c)).join(node.type === 'element' && BLOCK.has(node.tagName) ? '\n' : '');
}

export function collapse(s: string): string {
  return s
    .split('\n')
    .map((l) => l.replace(/[ \t\r\f]+/g, ' ').trim())
    .filter((l) => l !== '')
    .join(' ');
}
