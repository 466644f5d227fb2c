/**
 * The README's "Use as a library" example runs as written, against the built package imported by
 * its own name, and prints what the README says it prints.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
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

  it('ships what the example needs: types at the top level, a LICENSE, no install-time build', () => {
    const pkg = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as Record<string, unknown>;
    expect(pkg.types).toBe('./dist/index.d.ts');
    expect(pkg.files).toContain('LICENSE');
    expect((pkg.scripts as Record<string, string>).prepare).toBeUndefined();
    expect(readFileSync(`${ROOT}LICENSE`, 'utf8')).toMatch(/^MIT License/);
    // The source maps carry their sources: src/ is not shipped.
    const map = JSON.parse(readFileSync(`${ROOT}dist/index.js.map`, 'utf8')) as { sourcesContent?: string[] };
    expect(map.sourcesContent?.[0]).toContain('Public API');
  });
});
