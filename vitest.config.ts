import { defineConfig } from 'vitest/config';

/**
 * Test files that change what every module shares (the globals pdf.js uses, `fs` mocked for write
 * errors, code generation turned off, signals, the heap pacer's timers, the built package): each runs
 * in modules of its own. Every other file shares its worker's modules with the files before it
 * (`isolate: false`): the pipeline's modules are loaded once a worker, not once a file, which takes
 * about a fifth off the suite's time. A file that needs fresh modules goes on this list.
 */
const ISOLATED = [
  'test/package.test.ts',
  'test/cli/batch.property.test.ts',
  'test/cli/heap.test.ts',
  'test/cli/robust.test.ts',
  'test/cli/write-errors.test.ts',
  'test/load/pdf-environment.test.ts',
  'test/schema/compiled.test.ts',
];

const shared: { setupFiles: string[]; testTimeout: number; hookTimeout: number; onConsoleLog: () => boolean } = {
  setupFiles: ['test/setup.ts'],
  testTimeout: 60_000,
  hookTimeout: 60_000,
  // Library code never writes to the console: a test that does fails (see test/setup.ts).
  onConsoleLog: () => false,
};

export default defineConfig({
  test: {
    ...shared,
    include: ['test/**/*.test.ts'],
    projects: [
      { test: { ...shared, name: 'isolated', include: ISOLATED, isolate: true } },
      { test: { ...shared, name: 'shared', include: ['test/**/*.test.ts'], exclude: ISOLATED, isolate: false } },
    ],
  },
});
