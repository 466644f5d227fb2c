#!/usr/bin/env node
import { useSynchronousInflate } from '../load/inflate.js';
import { INTERRUPT_NOTICE, run } from './main.js';

// This process reads PDFs in bulk: pdf.js's own inflater is faster here (see useSynchronousInflate).
useSynchronousInflate();

const controller = new AbortController();
// The commands over many documents stop at the first Ctrl-C after the documents under way, and say
// so (a long PDF can take a while); a second Ctrl-C stops at once. The others keep Node's default:
// Ctrl-C stops them at once.
if (['ingest', 'export', 'history'].includes(process.argv[2] ?? '')) {
  process.once('SIGINT', () => {
    process.stderr.write(`\n${INTERRUPT_NOTICE}\n`);
    controller.abort();
    process.once('SIGINT', () => process.exit(130));
  });
}
process.exitCode = await run(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
  stdin: process.stdin,
  signal: controller.signal,
});
