/**
 * The README's "Use as a library" example runs as written, against the built package imported by
 * its own name, and prints what the README says it prints.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/seed.js';

function blocks(): string[] {
  const readme = readFileSync(`${ROOT}README.md`, 'utf8');
  const section = readme.slice(readme.indexOf('## Use as a library'), readme.indexOf('## Output'));
  return [...section.matchAll(/```(\w*)\n([\s\S]*?)```/g)].map((m) => m[2]!);
}

describe('README: use as a library', () => {
  it('runs the example and prints what the README shows', () => {
    const [code, output] = blocks();
    expect(code).toContain("from 'guideline-ingest'");
    // Inside the package, so that it imports itself by name through its `exports`.
    const file = `${ROOT}dist/.readme-example.mjs`;
    writeFileSync(file, code!);
    try {
      const out = execFileSync(process.execPath, [file], { cwd: ROOT, encoding: 'utf8' });
      expect(out).toBe(output);
    } finally {
      rmSync(file, { force: true });
    }
  });

  it('ships what the example needs: types at the top level, a LICENSE, a build on install that never fails it', () => {
    const pkg = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as Record<string, unknown>;
    expect(pkg.types).toBe('./dist/index.d.ts');
    expect(pkg.files).toContain('LICENSE');
    // `npm ci` builds dist/ (so `npx guideline` works right after it); without TypeScript (an install
    // without devDependencies) the build is skipped with a line saying so, and the install succeeds.
    expect((pkg.scripts as Record<string, string>).prepare).toBe('node scripts/build.mjs --if-typescript');
    expect(readFileSync(`${ROOT}LICENSE`, 'utf8')).toMatch(/^MIT License/);
    // Source maps only with the sources they name: every map's sources are files the package ships.
    const shipped = (pkg.files as string[]).filter((f) => f !== 'LICENSE');
    const maps = (readdirSync(`${ROOT}dist`, { recursive: true }) as string[]).filter((f) => f.endsWith('.js.map'));
    expect(maps.length).toBeGreaterThan(40);
    for (const m of maps) {
      const map = JSON.parse(readFileSync(`${ROOT}dist/${m}`, 'utf8')) as { sources: string[]; sourcesContent?: string[] };
      for (const source of map.sources) {
        const file = relative(ROOT, resolve(dirname(`${ROOT}dist/${m}`), source));
        expect(existsSync(`${ROOT}${file}`), `${m} names ${file}`).toBe(true);
        expect(shipped.some((dir) => file.startsWith(`${dir}/`)), `${m} names ${file}, not shipped`).toBe(true);
      }
    }
  });
});
