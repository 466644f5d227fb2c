#!/usr/bin/env node
/**
 * Builds dist/ from src/ afresh: the old dist/ is removed first, so that no file of a source that
 * is gone is left to be shipped (its source map would name a source the package does not have).
 *
 * `--if-typescript` (the `prepare` script, which `npm ci` and `npm install` run): builds when
 * TypeScript is installed, and otherwise says why `guideline` is not built and exits 0, so that an
 * install without devDependencies (`npm ci --omit=dev`) still succeeds.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
let tsc;
try {
  tsc = createRequire(join(root, 'package.json')).resolve('typescript/bin/tsc');
} catch {
  if (process.argv.includes('--if-typescript')) {
    process.stderr.write('guideline-ingest: TypeScript is not installed (devDependencies omitted): dist/ not built\n');
    process.exit(0);
  }
  process.stderr.write('guideline-ingest: TypeScript is not installed: run npm ci first\n');
  process.exit(1);
}
rmSync(join(root, 'dist'), { recursive: true, force: true });
const res = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit', cwd: root });
process.exit(res.status ?? 1);
