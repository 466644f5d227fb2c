/**
 * What the package ships: dist/ built from src/ afresh, with no output of a source that is gone
 * (its map would name a source the package does not have); and a build on install (`prepare`),
 * so that `npx guideline` works right after `npm ci`.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/seed.js';

const walk = (dir: string): string[] => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]));
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string>; bin: Record<string, string> };

describe('package', () => {
  it('holds nothing built from a source that is gone (test/readme-example.test.ts checks the maps)', () => {
    const dist = join(ROOT, 'dist');
    const files = walk(dist);
    expect(files.filter((f) => f.endsWith('.js')).length).toBeGreaterThan(50);
    for (const js of files.filter((f) => f.endsWith('.js'))) {
      expect(existsSync(js.replace(`${dist}`, join(ROOT, 'src')).replace(/\.js$/, '.ts')), relative(ROOT, js)).toBe(true);
    }
  });

  it('builds on install (prepare), so that the bin exists right after npm ci', () => {
    expect(pkg.scripts.prepare).toMatch(/scripts\/build\.mjs/);
    expect(Object.values(pkg.bin)).toEqual(['dist/cli/bin.js']);
    expect(existsSync(join(ROOT, 'dist/cli/bin.js'))).toBe(true);
  });
});
