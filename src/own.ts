/**
 * A table's own entry for `key`, never a property every object has: a plain object looked up by a
 * key from the input (`toString` as a file's name, `constructor` as a page's list style, an RTF
 * control word) finds `Object.prototype`'s members otherwise.
 */
export function ownEntry<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
