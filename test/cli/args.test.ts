import { describe, expect, it } from 'vitest';
import { parseArgs, UsageError } from '../../src/cli/args.js';

describe('parseArgs', () => {
  it('reads ingest with its options', () => {
    expect(parseArgs(['ingest', 'a.txt', '--out', 'o', '--force', '--json', '--concurrency=3', '--timeout-ms', '500'])).toEqual({
      command: 'ingest',
      files: ['a.txt'],
      out: 'o',
      force: true,
      prune: false,
      json: true,
      strict: false,
      concurrency: 3,
      workers: null,
      maxBytes: null,
      timeoutMs: 500,
    });
    expect(parseArgs(['ingest'])).toMatchObject({ files: [], out: 'extracted' });
    expect(parseArgs(['ingest', '--workers', '0'])).toMatchObject({ workers: 0 });
    expect(parseArgs(['ingest', '--workers=2'])).toMatchObject({ workers: 2 });
  });

  it('reads diff and schema', () => {
    expect(parseArgs(['diff', 'a', 'b', '--format', 'md'])).toEqual({ command: 'diff', old: 'a', new: 'b', format: 'md', out: null, timeoutMs: null });
    expect(parseArgs(['diff', 'a', 'b', '--timeout-ms', '900'])).toMatchObject({ timeoutMs: 900 });
    expect(parseArgs(['schema'])).toEqual({ command: 'schema', out: 'schemas', quiet: false });
  });

  it('gives help for each command', () => {
    expect(parseArgs(['--help'])).toEqual({ command: 'help', topic: 'main' });
    // No command at all is a usage error (exit 2), not a request for help.
    expect(() => parseArgs([])).toThrow(new UsageError('no command given (expected ingest, diff or schema)'));
    expect(parseArgs(['ingest', '--help'])).toEqual({ command: 'help', topic: 'ingest' });
    expect(parseArgs(['diff', '-h'])).toEqual({ command: 'help', topic: 'diff' });
  });

  it.each([
    [['frobnicate'], "unknown command 'frobnicate' (expected ingest, diff or schema)"],
    [['ingest', '--bogus'], "unknown option '--bogus' for 'ingest'"],
    [['ingest', '--concurrency', '0'], "--concurrency expects a whole number from 1 and up, got '0'"],
    [['ingest', '--out'], '--out expects a value'],
    [['diff', 'a'], "'diff' expects two files (old and new), got 1"],
    [['diff', 'a', 'b', '--format', 'pdf'], "--format expects json, md or html, got 'pdf'"],
    [['schema', 'x'], "'schema' takes no files, got 'x'"],
    [['schema', '--force'], "unknown option '--force' for 'schema'"],
  ])('%j is a usage error', (argv, message) => {
    expect(() => parseArgs(argv)).toThrow(new UsageError(message));
  });
});
