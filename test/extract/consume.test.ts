/**
 * `extract` with `consume` (the pipeline's: each direction's subtree let go as it is read) reads
 * what it reads without, and leaves the tree empty; validation gives the same from what it takes of
 * the tree beforehand (`treeEvidence`) as from the tree.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { clean } from '../../src/clean/index.js';
import { extract } from '../../src/extract/index.js';
import { loadBytes } from '../../src/load/index.js';
import { reflow } from '../../src/reflow/index.js';
import { segment } from '../../src/segment/index.js';
import { prevalidate, textEvidence, treeEvidence } from '../../src/validate/index.js';
import { ROOT } from '../helpers/seed.js';

const folders = ['corpus', 'test/fixtures/variants', 'test/fixtures/unseen', 'test/fixtures/key-programme', 'test/fixtures/layouts', 'test/fixtures/negative'];
const files = folders.flatMap((f) => readdirSync(`${ROOT}${f}`).filter((n) => n.endsWith('.txt')).map((n) => `${f}/${n}`));

describe('extract with consume', () => {
  it.each(files)('reads %s as extract does, and empties the tree', async (file) => {
    const source = await loadBytes(readFileSync(`${ROOT}${file}`), file);
    const cleaned = clean(source);
    const kept = segment(reflow(cleaned));
    const consumed = segment(reflow(cleaned));
    const tree = treeEvidence(consumed, cleaned.layout);
    const a = extract(kept, cleaned.layout, source.text);
    const b = extract(consumed, cleaned.layout, source.text, { consume: true });
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(consumed.root.children).toHaveLength(0);
    const whole = prevalidate({ source, cleaned, segmented: kept, extracted: a });
    const taken = prevalidate({ source, cleaned: { layout: cleaned.layout, removed: cleaned.removed }, evidence: textEvidence(cleaned.lines), tree, extracted: b });
    expect(taken.refusal).toBe(whole.refusal);
    expect(JSON.stringify(taken.structure)).toBe(JSON.stringify(whole.structure));
  });
});
