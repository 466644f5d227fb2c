/**
 * The writers that hand a document's JSON, Markdown and page to a file piece by piece give exactly
 * the bytes of the whole-string renditions (`JSON.stringify(doc, null, 2)`, `toMarkdown`,
 * `toHtmlPage`), and a page of many thousands of directions and lines is written without passing
 * them on the call stack.
 */
import { describe, expect, it } from 'vitest';
import { toJson, toMarkdown, writeMarkdown } from '../../src/report/index.js';
import { toHtmlPage, writeHtmlPage } from '../../src/report/html.js';
import { writeJson } from '../../src/report/json.js';
import type { Guideline } from '../../src/schema/guideline.js';
import { seed } from '../helpers/seed.js';

const pieces = (f: (write: (s: string) => void) => void): string[] => {
  const out: string[] = [];
  f((s) => out.push(s));
  return out;
};

describe('writeJson', () => {
  it('writes the bytes of JSON.stringify(doc, null, 2) and a line end, in pieces', async () => {
    const { doc } = await seed();
    const out = pieces((w) => writeJson(doc, w));
    expect(out.length).toBeGreaterThan(100);
    expect(out.join('')).toBe(toJson(doc));
  });

  it('writes what JSON.stringify writes for undefined, empty and nested values', () => {
    const values: unknown[] = [
      { a: [{ b: 1 }, undefined, [], {}, [{ c: [{}] }]], d: undefined, e: () => 1, f: [[{ g: 'x\ny' }]], h: { toJSON: () => [{ i: 1 }] } },
      [{ a: 1 }],
      [[], [[]], [{}]],
      { a: [{ b: undefined }], c: [] },
      { a: [{ x: 1 }], b: new Date(0), c: null, d: '\u2028"\\' },
      [1, 'a', null],
      'text',
      0,
    ];
    for (const v of values) expect(pieces((w) => writeJson(v, w)).join('')).toBe(`${JSON.stringify(v, null, 2)}\n`);
  });
});

describe('writeMarkdown', () => {
  it('writes the bytes of toMarkdown, a block at a time', async () => {
    const { doc } = await seed();
    const out = pieces((w) => writeMarkdown(doc, w));
    expect(out.length).toBeGreaterThan(100);
    expect(out.join('')).toBe(toMarkdown(doc));
  });

  it('writes the bytes of toMarkdown for a document without checks, removals or sections', async () => {
    const { doc } = await seed();
    const bare: Guideline = { ...doc, checks: [], removed: [], sections: [] };
    expect(pieces((w) => writeMarkdown(bare, w)).join('')).toBe(toMarkdown(bare));
  });
});

describe('writeHtmlPage', () => {
  it('writes the bytes of toHtmlPage, with and without the text', async () => {
    const { doc, source } = await seed();
    for (const options of [{ text: source.text }, {}]) {
      const out = pieces((w) => writeHtmlPage(doc, options, w));
      expect(out.join('')).toBe(toHtmlPage(doc, options));
    }
  });

  it('writes a direction of 150,000 domains, one of 150,000 checks, and 150,000 checks of the document, without overflowing the stack', { timeout: 180_000 }, async () => {
    const { doc } = await seed();
    const [d, e] = [doc.directions[0]!, doc.directions[1]!];
    const check = doc.checks.find((c) => c.severity !== 'info')!;
    const many = <T>(x: T): T[] => Array.from({ length: 150_000 }, () => x);
    const big: Guideline = {
      ...doc,
      directions: [{ ...d, domains: many(d.domains[0]!) }, e],
      checks: [...many({ ...check, directionId: e.id, span: null }), ...many({ ...check, directionId: null })],
    };
    let rows = 0;
    writeHtmlPage(big, {}, (s) => {
      for (let i = s.indexOf('<tr id="d-'); i >= 0; i = s.indexOf('<tr id="d-', i + 1)) rows++;
    });
    expect(rows).toBe(2);
  });

  it('writes a page of 10,000 directions and 200,000 lines without overflowing the stack', async () => {
    const { doc, source } = await seed();
    const directions = Array.from({ length: 10_000 }, (_, i) => ({ ...doc.directions[i % doc.directions.length]!, id: `${i + 1}` }));
    const big: Guideline = { ...doc, directions };
    const text = `${source.text}\n`.repeat(Math.ceil(200_000 / source.text.split('\n').length));
    let size = 0;
    let rows = 0;
    writeHtmlPage(big, { text }, (s) => {
      size += s.length;
      for (let i = s.indexOf('<tr id="d-'); i >= 0; i = s.indexOf('<tr id="d-', i + 1)) rows++;
    });
    expect(rows).toBe(10_000);
    expect(size).toBeGreaterThan(text.length);
  });
});
