// The seed draft's paragraphs, in order, with the kind of node each came from (`part`, `direction`,
// `field`, `item`, `paragraph`), read from the committed extracted JSON: what the fixture scripts
// typeset.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

export function paragraphs() {
  const doc = JSON.parse(readFileSync(join(ROOT, 'extracted/2025-batch1-draft.json'), 'utf8'));
  const out = [];
  const walk = (n) => {
    out.push({ kind: n.kind, text: n.text });
    n.children.forEach(walk);
  };
  doc.sections.forEach(walk);
  return out;
}

/** A heading in simulated bold, as word processors print one: drawn twice, 0.3 pt apart, across the column. */
export function simulatedBold(doc, text) {
  const x = doc.page.margins.left;
  const y = doc.y;
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  doc.text(text, x, y, { width });
  const after = doc.y;
  doc.text(text, x + 0.3, y, { width });
  doc.y = after;
}
