/**
 * A small element tree over saxes (a strict, streaming XML parser), for the parts of Office files:
 * names and attribute names without their namespace prefix (`w:p` → `p`, `w:val` → `val`), text
 * kept as it is. Pure.
 */
import { SaxesParser } from 'saxes';

export interface XmlElement {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: (XmlElement | string)[];
}

const local = (name: string): string => name.slice(name.indexOf(':') + 1);

/** Parses an XML document into its root element. Throws on malformed XML. */
export function parseXml(xml: string): XmlElement {
  const parser = new SaxesParser({ position: false });
  const root: XmlElement = { name: '#document', attrs: {}, children: [] };
  const stack: XmlElement[] = [root];
  let failure: Error | null = null;
  parser.on('error', (e) => {
    failure ??= e;
  });
  parser.on('opentag', (tag) => {
    const attrs: Record<string, string> = {};
    for (const [k, v] of Object.entries(tag.attributes)) attrs[local(k)] = typeof v === 'string' ? v : v.value;
    const el: XmlElement = { name: local(tag.name), attrs, children: [] };
    stack[stack.length - 1]!.children.push(el);
    if (!tag.isSelfClosing) stack.push(el);
  });
  parser.on('closetag', (tag) => {
    if (!tag.isSelfClosing) stack.pop();
  });
  parser.on('text', (t) => stack[stack.length - 1]!.children.push(t));
  parser.on('cdata', (t) => stack[stack.length - 1]!.children.push(t));
  parser.write(xml).close();
  if (failure) throw failure;
  const top = root.children.find((c): c is XmlElement => typeof c !== 'string');
  if (!top) throw new Error('no root element');
  return top;
}

/** The child elements named `name` (all child elements without a name). */
export function kids(e: XmlElement | undefined, name?: string): XmlElement[] {
  if (!e) return [];
  return e.children.filter((c): c is XmlElement => typeof c !== 'string' && (name === undefined || c.name === name));
}

/** The first child element named `name`. */
export function kid(e: XmlElement | undefined, name: string): XmlElement | undefined {
  return e?.children.find((c): c is XmlElement => typeof c !== 'string' && c.name === name);
}

/** The `val` attribute of the child `name`. */
export function val(e: XmlElement | undefined, name: string): string | undefined {
  return kid(e, name)?.attrs['val'];
}

/** All descendant elements named `name`, in document order. */
export function descendants(e: XmlElement, name: string, out: XmlElement[] = []): XmlElement[] {
  for (const c of e.children) {
    if (typeof c === 'string') continue;
    if (c.name === name) out.push(c);
    descendants(c, name, out);
  }
  return out;
}

/**
 * The XML part `name` of a package's files, parsed; undefined where the package has none. A part
 * that is no well-formed XML throws what `damaged` makes of its name and the parser's message.
 */
export function xmlPart(files: Readonly<Record<string, Uint8Array>>, name: string, damaged: (name: string, detail: string) => Error): XmlElement | undefined {
  const bytes = files[name];
  // (A part the ZIP was not asked to inflate is listed empty: absent here too.)
  if (!bytes || bytes.length === 0) return undefined;
  try {
    return parseXml(new TextDecoder('utf-8').decode(bytes));
  } catch (error) {
    throw damaged(name, (error as Error).message);
  }
}

/**
 * The package path a reference inside part `base` names (`../media/a.png`, `/Doc_0/Pages/Page_0/Content.xml`,
 * `Text/ch1.xhtml#s2`): from the package's root where it starts with `/`, else from the folder of
 * `base` (a part's path, or a folder's ending in `/`); `.` and `..` resolved, a fragment dropped,
 * percent-escapes decoded. The one resolver of OPC (Word, PowerPoint, Excel), OFD, EPUB and XPS references.
 */
export function partPath(base: string, href: string): string {
  let ref = href.replace(/#.*$/, '');
  try {
    ref = decodeURIComponent(ref);
  } catch {
    // A `%` that escapes nothing: the name as written.
  }
  const parts = ref.startsWith('/') ? [] : base.split('/').slice(0, -1);
  for (const p of ref.replace(/^\/+/, '').split('/')) {
    if (p === '..') parts.pop();
    else if (p !== '.' && p !== '') parts.push(p);
  }
  return parts.join('/');
}

// —— Markup read as text (a tag's attributes, entities), where no parser is worth it: EPUB's chapters, word-box files ——

const ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Text with its character references and the five XML entities (and `&nbsp;`) decoded; other named entities left as written. */
export const entities = (s: string): string =>
  s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : ENTITIES[e.toLowerCase()] ?? m,
  );

/** The value of attribute `name` in a tag's text (`<String CONTENT="…" …>`), entities left as written; null where absent. */
export const attrOf = (tag: string, name: string): string | null => new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'i').exec(tag)?.slice(1).find((x) => x !== undefined) ?? null;
