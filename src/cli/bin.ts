#!/usr/bin/env node
import { useSynchronousInflate } from '../load/inflate.js';
import { run } from './main.js';

// This process reads PDFs in bulk: pdf.js's own inflater is faster here (see useSynchronousInflate).
useSynchronousInflate();

const controller = new AbortController();
process.once('SIGINT', () => controller.abort());
process.exitCode = await run(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
  stdin: process.stdin,
  signal: controller.signal,
});
