#!/usr/bin/env node
import { useSynchronousInflate } from '../load/inflate.js';
import { t } from '../messages/index.js';
import { interruptNotice, languageOfArgv, run } from './main.js';

// This process reads PDFs in bulk: pdf.js's own inflater is faster here (see useSynchronousInflate).
useSynchronousInflate();

const argv = process.argv.slice(2);
const controller = new AbortController();
// The commands over many documents stop at the first Ctrl-C after the documents under way, and say
// so (a long PDF can take a while); a second Ctrl-C stops at once. The others keep Node's default:
// Ctrl-C stops them at once.
if (['ingest', 'export', 'history'].includes(argv[0] ?? '')) {
  process.once('SIGINT', () => {
    process.stderr.write(`\n${interruptNotice(argv, process.env)}\n`);
    controller.abort();
    process.once('SIGINT', () => process.exit(130));
  });
}
try {
  process.exitCode = await run(argv, {
    stdout: process.stdout,
    stderr: process.stderr,
    cwd: process.cwd(),
    stdin: process.stdin,
    signal: controller.signal,
  });
} catch (error) {
  // A bug: one line, never a stack trace (GUIDELINE_DEBUG=1 shows it).
  const lang = languageOfArgv(argv, process.env);
  const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
  process.stderr.write(`guideline: ${t(lang, 'fail.internal', message)}\n`);
  if (process.env.GUIDELINE_DEBUG) process.stderr.write(`${error instanceof Error ? error.stack : ''}\n`);
  process.exitCode = 70;
}
