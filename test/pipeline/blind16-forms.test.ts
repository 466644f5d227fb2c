/**
 * Two forms of the sixteenth blind set read whole since pipeline 1.27.0, asserted here on their own
 * (their cases in `blind.test.ts` keep a judgement call each): a table of contents that lists every
 * direction, and a pandoc grid table of the directions before the same directions in detail.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ingestText, ROOT } from '../helpers/seed.js';

const DIR = `${ROOT}test/fixtures/blind16/`;

describe('a key programme opening with a table of contents (目录, leader dots, page numbers)', () => {
  it('reads each direction once, the contents removed and logged', async () => {
    const doc = await ingestText(readFileSync(`${DIR}keyprog-toc.txt`), 'keyprog-toc.txt');
    expect(doc.directions.map((d) => d.id)).toEqual(['1.1', '1.2', '1.3', '2.1', '2.2', '2.3', '3.1', '3.2', '4.1', '4.2']);
    const toc = doc.removed.filter((r) => r.kind === 'table-of-contents');
    expect(toc.map((r) => r.text)).toContain('目  录');
    expect(toc.some((r) => r.text.startsWith('1.2 量子精密测量磁场传感芯片（基础前沿技术类）…'))).toBe(true);
    expect(toc.length).toBeGreaterThanOrEqual(20);
  });
});

describe('a grid table of directions (pandoc), then each direction in detail', () => {
  it('reads each row as its direction, wrapped cells joined, its details read into it', async () => {
    const doc = await ingestText(readFileSync(`${DIR}hmt-grid-table.txt`), 'hmt-grid-table.txt');
    expect(doc.directions.map((d) => d.id)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(doc.directions.map((d) => d.title)).toContain('内地与香港联合资助计划项目');
    expect(doc.directions.map((d) => d.projectCount?.value ?? null)).toEqual([10, 5, 8, 3, 6, 4, 6, 5, 4, 10]);
    expect(doc.directions[3]!.duration?.maxYears).toBe(3);
    expect(doc.checks.some((c) => c.code === 'placeholder' && c.directionId === '6')).toBe(true);
  });
});
