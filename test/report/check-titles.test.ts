/**
 * Every check code a stage can emit has a title in the reports' language (the Markdown and the
 * diff report show `警告：经费合计与文中所述不符（funding-total-mismatch）`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkMessageZh, formatCheckTitle } from '../../src/format.js';
import { ROOT } from '../helpers/seed.js';

/** The check codes written in the sources: `code: 'x'` and the codes of the segment's problems. */
function codesInSources(): string[] {
  const codes = new Set<string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (path.endsWith('.ts') && !path.includes(`${join('src', 'schema')}`) && !path.includes(`${join('src', 'load')}`)) {
        const src = readFileSync(path, 'utf8');
        for (const m of src.matchAll(/\bcode: '([a-z]+(?:-[a-z]+)+)'/g)) codes.add(m[1]!);
        // The direction reader's own helper: `check('value-unreadable', …)`.
        for (const m of src.matchAll(/\bcheck\('([a-z]+(?:-[a-z]+)+)'/g)) codes.add(m[1]!);
        for (const m of src.matchAll(/'(numbering-[a-z]+)'/g)) codes.add(m[1]!);
      }
    }
  };
  walk(join(ROOT, 'src'));
  return [...codes].sort();
}

describe('check titles', () => {
  it('exist for every code the stages emit', () => {
    const codes = codesInSources();
    expect(codes).toContain('funding-total-mismatch');
    expect(codes).toContain('numbering-duplicate');
    expect(codes.length).toBeGreaterThanOrEqual(15);
    for (const code of codes) expect(formatCheckTitle({ code }), code).toMatch(/^\p{Script=Han}.*（[a-z-]+）$/u);
  });

  it('every code the stages emit has a Chinese message of its own (not the English one)', () => {
    for (const code of codesInSources()) {
      const english = 'english message';
      expect(checkMessageZh({ code, directionId: '1.1', stated: 1, computed: 2, message: english }), code).not.toBe(english);
      expect(checkMessageZh({ code, directionId: '1.1', stated: 1, computed: 2, message: english }), code).toMatch(/\p{Script=Han}/u);
    }
  });

  it('name the severity and keep the code', () => {
    expect(formatCheckTitle({ code: 'funding-total-mismatch', severity: 'warning' })).toBe('警告：经费合计与文中所述不符（funding-total-mismatch）');
    expect(formatCheckTitle({ code: 'something-new', severity: 'info' })).toBe('提示：something-new');
  });
});
