import fc from 'fast-check';
import { afterEach, beforeEach } from 'vitest';
import { runs } from './helpers/runs.js';

// `npm run test:deep`: a property that states no number of cases runs as many as the others.
fc.configureGlobal({ numRuns: runs(100) });

// Library code never prints: any console output during a test fails it.
const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;
let printed: string[] = [];
const originals = Object.fromEntries(methods.map((m) => [m, console[m]]));

beforeEach(() => {
  printed = [];
  for (const m of methods) {
    console[m] = (...args: unknown[]) => {
      printed.push(`console.${m}: ${args.map(String).join(' ')}`);
    };
  }
});

afterEach(() => {
  for (const m of methods) console[m] = originals[m] as (typeof console)[typeof m];
  if (printed.length > 0) throw new Error(`test wrote to the console:\n${printed.join('\n')}`);
});
