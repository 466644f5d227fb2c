import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Library code never writes to the console: a test that does fails (see test/setup.ts).
    onConsoleLog: () => false,
  },
});
