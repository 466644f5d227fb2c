/**
 * `npm run test:deep`: every test file with a fast-check property, each property at 10,000 cases
 * or more (`FC_DEEP_RUNS`, read by test/helpers/runs.ts and test/setup.ts), no time limit per test.
 * The default run (`npm test`, CI) keeps each property's fast default.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

const propertyFiles = readdirSync('test', { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.test.ts') && readFileSync(`test/${f}`, 'utf8').includes("from 'fast-check'"))
  .map((f) => `test/${f.split('\\').join('/')}`)
  .sort();

// (Not the default run's projects: every property file in one project, each in modules of its own.)
const { projects: _projects, ...baseTest } = base.test ?? {};

export default defineConfig({
  test: {
    ...baseTest,
    include: propertyFiles,
    testTimeout: 0,
    hookTimeout: 0,
    env: { FC_DEEP_RUNS: process.env.FC_DEEP_RUNS ?? '10000' },
  },
});
