/**
 * Appends `items` to `to`, one by one. Not `to.push(...items)`: a spread passes every item as an
 * argument, on the call stack, and an array of some 100,000 items (the paragraphs of one section
 * of a 30 MB text) overflows it ("Maximum call stack size exceeded").
 */
export function append<T>(to: T[], items: Iterable<T>): T[] {
  for (const item of items) to.push(item);
  return to;
}
