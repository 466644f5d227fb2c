/**
 * Document ids: the output file name stem, so never taken from input unchecked. Letters and digits
 * of any script, `.`, `_` and `-` are kept; anything else becomes `-`; no leading dot, no `..`, at most
 * 100 characters.
 */
import { ID_EXTENSIONS, SOURCE_EXTENSION_LIST } from './extensions.js';

export function documentId(path: string): string {
  const base = path.split(/[\\/]/).pop() ?? '';
  const stem = base.replace(ID_EXTENSIONS, '');
  const id = stem
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}._-]+/gu, '-')
    .replace(/\.{2,}/g, '.')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 100)
    .replace(/[-.]+$/g, '');
  return id || 'document';
}

/** Which rendition of one document keeps the plain id when several share a name in one folder. */
const RENDITION_ORDER = SOURCE_EXTENSION_LIST;

export interface AssignedId {
  readonly id: string;
  /** Another file of the same name in the same folder (`x.pdf` for `x.docx`): the rendition that keeps the plain id. */
  readonly renditionOf: string | null;
}

/**
 * The ids of a batch of sources. Files of one name in one folder with different extensions
 * (`x.pdf`, `x.docx`, `x.txt`) are renditions of one document: the PDF keeps the plain id (`x`),
 * then, without a PDF, the first of docx, doc, wps, odt, rtf, html, htm, md, txt; each other gets its extension
 * after a `-` (`x-docx`, `x-txt`). Files of one name in different folders keep their ids (and
 * collide: see the CLI).
 */
export function assignIds(paths: readonly string[]): Map<string, AssignedId> {
  const groups = new Map<string, string[]>();
  for (const p of paths) {
    const dir = p.replace(/\\/g, '/').replace(/[^/]*$/, '');
    const key = `${dir}\u0000${documentId(p)}`;
    const g = groups.get(key);
    if (g) g.push(p);
    else groups.set(key, [p]);
  }
  const out = new Map<string, AssignedId>();
  const ext = (p: string): string => /\.([^./\\]+)$/.exec(p)?.[1]?.toLowerCase() ?? '';
  const rank = (p: string): number => {
    const i = RENDITION_ORDER.indexOf(ext(p));
    return i < 0 ? RENDITION_ORDER.length : i;
  };
  for (const g of groups.values()) {
    const exts = new Set(g.map(ext));
    if (g.length === 1 || exts.size < g.length) {
      for (const p of g) out.set(p, { id: documentId(p), renditionOf: null });
      continue;
    }
    const first = [...g].sort((a, b) => rank(a) - rank(b))[0]!;
    for (const p of g) {
      const id = documentId(p);
      out.set(p, p === first ? { id, renditionOf: null } : { id: documentId(`${id}-${ext(p)}`), renditionOf: first });
    }
  }
  return out;
}
