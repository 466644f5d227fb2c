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
      verbose: false,
      quiet: false,
      concurrency: 3,
      workers: null,
      workerMemoryMb: null,
      maxBytes: null,
      timeoutMs: 500,
      ocr: 'auto',
      ocrMaxPages: null,
      format: null,
      id: null,
    });
    expect(parseArgs(['ingest'])).toMatchObject({ files: [], out: 'extracted' });
    expect(parseArgs(['ingest', '--workers', '0'])).toMatchObject({ workers: 0 });
    expect(parseArgs(['ingest', '--workers=2'])).toMatchObject({ workers: 2 });
    expect(parseArgs(['ingest', '--worker-memory-mb', '512'])).toMatchObject({ workerMemoryMb: 512 });
    expect(parseArgs(['ingest'])).toMatchObject({ workerMemoryMb: null });
    expect(parseArgs(['ingest', '--ocr', 'force', '--ocr-max-pages', '8'])).toMatchObject({ ocr: 'force', ocrMaxPages: 8 });
    expect(parseArgs(['ingest', '--ocr=off'])).toMatchObject({ ocr: 'off', ocrMaxPages: null });
  });

  it('reads ingest of standard input, --format and --id', () => {
    expect(parseArgs(['ingest', '-', '--format', 'html', '--id', 'notice'])).toMatchObject({ files: ['-'], format: 'html', id: 'notice' });
    expect(parseArgs(['ingest', 'x.bin', '--format=docx'])).toMatchObject({ files: ['x.bin'], format: 'docx', id: null });
    expect(() => parseArgs(['ingest', '-', '--format', 'odg'])).toThrow(new UsageError("--format expects txt, pdf, html, docx, doc, rtf, odt, ods, odp, xlsx, xls, ofd, xps, uof, csv, pptx, epub, xmind, zip or image, got 'odg'"));
    expect(() => parseArgs(['ingest', '-', '-'])).toThrow(new UsageError('standard input (-) can be read once'));
    expect(() => parseArgs(['ingest', 'a.txt', 'b.txt', '--id', 'x'])).toThrow(new UsageError('--id names one document: give one file (or - for standard input)'));
  });

  it('reads diff and schema', () => {
    expect(parseArgs(['diff', 'a', 'b', '--format', 'md'])).toEqual({
      command: 'diff',
      old: 'a',
      new: 'b',
      format: 'md',
      out: null,
      concurrency: null,
      maxBytes: null,
      timeoutMs: null,
      ocr: 'auto',
      ocrMaxPages: null,
    });
    expect(parseArgs(['diff', 'a', 'b', '--timeout-ms', '900'])).toMatchObject({ timeoutMs: 900 });
    expect(parseArgs(['schema'])).toEqual({ command: 'schema', out: 'schemas', quiet: false });
  });

  it('gives help for each command', () => {
    expect(parseArgs(['--help'])).toEqual({ command: 'help', topic: 'main' });
    // No command at all is a usage error (exit 2), not a request for help.
    expect(() => parseArgs([])).toThrow(new UsageError('no command given (expected ingest, diff, export, history or schema)'));
    expect(parseArgs(['ingest', '--help'])).toEqual({ command: 'help', topic: 'ingest' });
    expect(parseArgs(['diff', '-h'])).toEqual({ command: 'help', topic: 'diff' });
    expect(parseArgs(['export', '--help'])).toEqual({ command: 'help', topic: 'export' });
    expect(parseArgs(['history', '--help'])).toEqual({ command: 'help', topic: 'history' });
  });

  it('reads export, its format from --out or --format', () => {
    expect(parseArgs(['export', 'corpus', 'x.json', '--out', 'all.xlsx'])).toEqual({
      command: 'export',
      inputs: ['corpus', 'x.json'],
      format: 'xlsx',
      out: 'all.xlsx',
      columns: 'zh',
      concurrency: null,
      maxBytes: null,
      timeoutMs: null,
      ocr: 'auto',
      ocrMaxPages: null,
    });
    expect(parseArgs(['export', 'a', '--out=ALL.CSV', '--columns', 'en'])).toMatchObject({ format: 'csv', columns: 'en' });
    expect(parseArgs(['export', 'a', '--out', 'table.txt', '--format', 'csv', '--timeout-ms', '900'])).toMatchObject({ format: 'csv', out: 'table.txt', timeoutMs: 900 });
  });

  it.each([
    [['frobnicate'], "unknown command 'frobnicate' (expected ingest, diff, export, history or schema)"],
    [['ingest', '--bogus'], "unknown option '--bogus' for 'ingest'"],
    [['ingest', '--concurrency', '0'], "--concurrency expects a whole number from 1 and up, got '0'"],
    [['ingest', '--out'], '--out expects a value'],
    [['ingest', '--ocr', 'always'], "--ocr expects auto, force or off, got 'always'"],
    [['ingest', '--ocr-max-pages', '0'], "--ocr-max-pages expects a whole number from 1 and up, got '0'"],
    [['diff', 'a', 'b', '--ocr', 'sometimes'], "--ocr expects auto, force or off, got 'sometimes'"],
    [['diff', 'a'], "'diff' expects two files (old and new), got 1"],
    [['diff', 'a', 'b', '--format', 'pdf'], "--format expects json, md or html, got 'pdf'"],
    [['schema', 'x'], "'schema' takes no files, got 'x'"],
    [['schema', '--force'], "unknown option '--force' for 'schema'"],
    [['export', '--out', 'a.xlsx'], "'export' expects at least one file or folder"],
    [['export', 'a'], "'export' needs --out FILE"],
    [['export', 'a', '--out', 'a.ods'], "--format expects csv or xlsx (none given, and 'a.ods' names neither)"],
    [['export', 'a', '--out', 'a', '--format', 'ods'], "--format expects csv or xlsx, got 'ods'"],
    [['export', 'a', '--out', 'a.xlsx', '--format', 'csv'], "--out 'a.xlsx' is not a csv file name (--format csv)"],
    [['export', 'a', '--out', 'a.csv', '--columns', 'fr'], "--columns expects zh or en, got 'fr'"],
    [['export', 'a', '--out', 'a.csv', '--force'], "unknown option '--force' for 'export'"],
    [['diff', 'a', 'b', '--columns', 'en'], "unknown option '--columns' for 'diff'"],
  ])('%j is a usage error', (argv, message) => {
    expect(() => parseArgs(argv)).toThrow(new UsageError(message));
  });
});

describe('guideline --version', () => {
  it('prints the package version with the pipeline and schema versions', async () => {
    const { run } = await import('../../src/cli/main.js');
    const { fakeIo } = await import('../helpers/io.js');
    const { PIPELINE_VERSION } = await import('../../src/version.js');
    const { SCHEMA_VERSION } = await import('../../src/schema/guideline.js');
    const { readFileSync } = await import('node:fs');
    const { ROOT } = await import('../helpers/seed.js');
    const pkg = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { version: string };
    const io = fakeIo(ROOT);
    expect(await run(['--version'], io)).toBe(0);
    expect(io.out()).toBe(`guideline-ingest ${pkg.version} (pipeline ${PIPELINE_VERSION}, schema ${SCHEMA_VERSION})\n`);
  });

  it('takes -o for --out', () => {
    expect(parseArgs(['ingest', '-o', 'x'])).toMatchObject({ out: 'x' });
  });
});

describe('parseArgs and the names every object has', () => {
  it('reads a file named as a property every object has (toString, constructor) as a file, not as an option', () => {
    expect(parseArgs(['ingest', 'toString', 'constructor'])).toMatchObject({ files: ['toString', 'constructor'] });
  });
});
