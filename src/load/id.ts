/**
 * Document ids: the output file name stem, so never taken from input unchecked. Letters and digits
 * of any script, `.`, `_` and `-` are kept; anything else becomes `-`; no leading dot, no `..`, at most
 * 100 characters.
 */
export function documentId(path: string): string {
  const base = path.split(/[\\/]/).pop() ?? '';
  const stem = base.replace(/\.(txt|text|pdf|json)$/i, '');
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
