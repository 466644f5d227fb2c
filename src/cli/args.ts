/**
 * Argument parsing for the `guideline` command, kept apart from everything that acts so that it is
 * unit-tested without spawning a process.
 */
export type Command =
  | { readonly command: 'help'; readonly topic: 'main' | 'ingest' | 'schema' | 'diff' | 'export' | 'history' }
  | { readonly command: 'version' }
  | {
      readonly command: 'ingest';
      readonly files: readonly string[];
      readonly out: string;
      readonly force: boolean;
      readonly prune: boolean;
      readonly json: boolean;
      readonly strict: boolean;
      /** Every warning of every document, and the library's own words for failures. */
      readonly verbose: boolean;
      /** Failures only. */
      readonly quiet: boolean;
      readonly concurrency: number | null;
      /** Worker threads for all documents; `null`: PDFs on one worker thread, text in the main thread. */
      readonly workers: number | null;
      readonly maxBytes: number | null;
      readonly timeoutMs: number | null;
      /** Which PDF pages are read by OCR (see `LoadOptions.ocr`). */
      readonly ocr: 'auto' | 'force' | 'off';
      readonly ocrMaxPages: number | null;
      /** Read every input as this format (`--format`); null: sniffed from the bytes. */
      readonly format: 'txt' | 'pdf' | 'html' | 'docx' | 'doc' | null;
      /** The id of the one document given (`--id`; standard input's is `stdin` without it). */
      readonly id: string | null;
    }
  | { readonly command: 'schema'; readonly out: string; readonly quiet: boolean }
  | {
      readonly command: 'diff';
      readonly old: string;
      readonly new: string;
      /** null: not given — a short summary on a terminal, JSON otherwise. */
      readonly format: 'json' | 'md' | 'html' | null;
      readonly out: string | null;
      readonly timeoutMs: number | null;
    }
  | {
      readonly command: 'export';
      /** Sources, extracted JSON files, or folders of either. */
      readonly inputs: readonly string[];
      readonly format: 'csv' | 'xlsx';
      readonly out: string;
      /** Header row: Chinese headers or the column keys. */
      readonly columns: 'zh' | 'en';
      readonly timeoutMs: number | null;
    }
  | {
      readonly command: 'history';
      /** Sources, extracted JSON files, or folders of either. */
      readonly inputs: readonly string[];
      /** Each rendition and where it goes: a file, or stdout (`path` null; then the only one). */
      readonly outputs: readonly { readonly format: HistoryFormat; readonly path: string | null }[];
      /** Keep the order of the inputs instead of sorting by year, batch and status. */
      readonly asGiven: boolean;
      readonly timeoutMs: number | null;
    };

export type HistoryFormat = 'json' | 'md' | 'html' | 'csv' | 'xlsx';

/** Short options and their long names. */
const SHORT: Readonly<Record<string, string>> = { '-o': '--out', '-j': '--concurrency' };
/** Long options that are other names of one (`--jobs`, as make and many build tools call it). */
const LONG: Readonly<Record<string, string>> = { '--jobs': '--concurrency' };

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const USAGE: Readonly<Record<'main' | 'ingest' | 'schema' | 'diff' | 'export' | 'history', string>> = {
  main: `Usage: guideline <command> [options]

Commands:
  ingest [file…]          ingest guideline sources (.txt, .pdf, .html, .docx, .doc; - for standard
                          input) into validated JSON + Markdown
  diff <old> <new>        compare two versions of a guideline
  export <file|dir…>      one spreadsheet (CSV or XLSX) of all directions of many guidelines
  history <file|dir…>     the versions of a guideline side by side: directions across years,
                          batches, drafts and finals, with their figures and changes
  schema                  write the JSON Schemas generated from the zod schemas

Run 'guideline <command> --help' for the options of a command.
Exit codes: 0 success, 1 a document failed (diff: something changed), 2 usage error.`,
  ingest: `Usage: guideline ingest [file…] [options]

Without files, ingests every source under corpus/ (subfolders included): .txt, .pdf, .html, .htm,
.docx, .doc and .wps. A file named - is standard input (cat notice.html | guideline ingest - -o out).

Options:
  --out DIR           output folder (default: extracted)
  --force             re-ingest documents whose source and pipeline version are unchanged
  --prune             delete outputs whose source is gone (default: only report them)
  -o, --out DIR       (same as --out)
  --json              print one machine-readable summary on stdout (with every warning)
  --strict            exit 1 when any document has warnings
  --verbose           list every warning of every document, and pdf.js's words for a damaged PDF
  --quiet             print failures only (default: failures; on a terminal also each document's
                      first warnings; the summary line when more than one file or on a terminal)
  --concurrency N     documents at once (default: available parallelism)
  -j, --jobs N        (same as --concurrency)
  --workers N         process every document on N worker threads; 0: all on the main thread
                      (default: PDFs on one worker thread, which a stuck PDF cannot block,
                      text on the main thread)
  --max-bytes N       largest source accepted, in bytes (default: 52428800 = 50 MiB)
  --timeout-ms N      time limit per PDF, in milliseconds (default: 30000; a third more for each
                      page read by OCR)
  --ocr MODE          auto: read PDF pages without a text layer by OCR (default); force: every
                      page; off: none (a PDF without a text layer fails)
  --ocr-max-pages N   most pages of one PDF read by OCR; a PDF with more fails (default: 50)
  --format F          read the inputs as txt, pdf, html, docx or doc (default: from their first
                      bytes; .wps files are doc)
  --id ID             the output name of the one document given (default: from its file name;
                      stdin for standard input)
  -h, --help          show this help

Exit codes: 0 all written or skipped, 1 a document failed (or --strict and warnings), 2 usage error
or an output that cannot be written.`,
  schema: `Usage: guideline schema [--out DIR] [--quiet]

Writes guideline.schema.json (and diff.schema.json, history.schema.json) generated from the zod schemas.

Options:
  --out DIR    output folder (default: schemas)
  --quiet      print nothing on success`,
  diff: `Usage: guideline diff <old> <new> [--format json|md|html] [--out FILE] [--timeout-ms N]

Each side is a source (.txt, .pdf, .html, .docx, .doc: ingested on the fly) or an extracted JSON file.

Options:
  --format F   json (default), md or html
  --out FILE   write the report to FILE instead of stdout
  --timeout-ms N  time limit per PDF, in milliseconds (default: 30000)

Exit codes: 0 no change, 1 something changed, 2 error.`,
  export: `Usage: guideline export <file|dir…> --out FILE [--format csv|xlsx] [--columns zh|en] [--timeout-ms N]

One row per direction per document. Inputs: sources (.txt, .pdf, .html, .docx, .doc: ingested on
the fly), extracted JSON files, or folders of either (every source and .json in them and below, sorted).

Options:
  --out FILE      the file to write (required)
  --format F      csv or xlsx (default: from the extension of --out)
  --columns L     zh: Chinese headers (default); en: the column keys
  --timeout-ms N  time limit per PDF, in milliseconds (default: 30000)

CSV: UTF-8 with BOM, RFC 4180, the directions. XLSX: a sheet of directions and a sheet of checks.
Exit codes: 0 written, 1 an input failed (the export has the others) or none could be read, 2 usage error.`,
  history: `Usage: guideline history <file|dir…> [--format json|md|html|csv|xlsx] [--out FILE]… [--as-given] [--timeout-ms N]

The versions of a guideline (years, batches, drafts and finals) side by side: directions aligned
across all of them by content (partners, title, agreements; not by number), each with its figures in
every version and what changed from the version before. Inputs: sources (.txt, .pdf, .html, .docx,
.doc: ingested on the fly), extracted JSON files, or folders of either (every source and .json in
them and below).

Options:
  --out FILE      write to FILE instead of stdout; repeat it for several renditions at once, each
                  in the format its extension names (--out history.json --out history.html)
  --format F      json (default), md, html, csv or xlsx (xlsx needs --out); with one --out only,
                  where it defaults to the format of the file's extension
  --as-given      keep the order of the inputs (default: by year, then batch, then draft before
                  final, then file name); the order is printed on stderr either way
  --timeout-ms N  time limit per PDF, in milliseconds (default: 30000)

JSON: the dataset (schemas/history.schema.json). HTML: one self-contained page. CSV: one row per
direction per version. XLSX: that, and a sheet of totals per version.
Exit codes: 0 written, 1 an input failed (the history has the others) or none could be read,
2 usage error or a file cannot be written.`,
};

function positiveInt(flag: string, value: string | undefined): number {
  if (value === undefined || !/^\d+$/.test(value) || Number(value) < 1) {
    throw new UsageError(`${flag} expects a whole number from 1 and up, got ${value === undefined ? 'nothing' : `'${value}'`}`);
  }
  return Number(value);
}

function wholeNumber(flag: string, value: string | undefined): number {
  if (value === undefined || !/^\d+$/.test(value)) {
    throw new UsageError(`${flag} expects a whole number from 0 and up, got ${value === undefined ? 'nothing' : `'${value}'`}`);
  }
  return Number(value);
}

/** Parses `argv` (without node and script). Throws `UsageError` with a one-line message. */
export function parseArgs(argv: readonly string[]): Command {
  const [command, ...rest] = argv;
  if (command === undefined) throw new UsageError('no command given (expected ingest, diff, export, history or schema)');
  if (command === '-h' || command === '--help' || command === 'help') return { command: 'help', topic: 'main' };
  if (command === '--version' || command === '-v') return { command: 'version' };
  if (command !== 'ingest' && command !== 'schema' && command !== 'diff' && command !== 'export' && command !== 'history') {
    throw new UsageError(`unknown command '${command}' (expected ingest, diff, export, history or schema)`);
  }
  if (rest.includes('-h') || rest.includes('--help')) return { command: 'help', topic: command };

  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  const valued = new Set(['--out', '--concurrency', '--workers', '--max-bytes', '--timeout-ms', '--format', '--columns', '--ocr', '--ocr-max-pages', '--id']);
  const boolean = new Set(['--force', '--prune', '--json', '--strict', '--quiet', '--verbose', '--as-given']);
  /** Every value of a repeated option, in order (`history` takes several `--out`). */
  const repeated = new Map<string, string[]>();
  /** Each option as it was typed (`-j`, `--jobs`), for the messages. */
  const spelled = new Map<string, string>();
  for (let i = 0; i < rest.length; i++) {
    const arg = SHORT[rest[i]!] ?? rest[i]!;
    if (arg === '--') {
      for (const p of rest.slice(i + 1)) positional.push(p);
      break;
    }
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const given = eq > 0 ? arg.slice(0, eq) : arg;
      const name = LONG[given] ?? given;
      spelled.set(name, SHORT[rest[i]!] ? rest[i]! : given);
      if (valued.has(name)) {
        const value = eq > 0 ? arg.slice(eq + 1) : rest[++i];
        if (value === undefined || value === '') throw new UsageError(`${name} expects a value`);
        flags.set(name, value);
        repeated.set(name, [...(repeated.get(name) ?? []), value]);
      } else if (boolean.has(name) && eq < 0) {
        flags.set(name, true);
      } else {
        throw new UsageError(`unknown option '${name}' for '${command}'`);
      }
      continue;
    }
    if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option '${arg}' for '${command}'`);
    positional.push(arg);
  }
  const str = (name: string): string | undefined => {
    const v = flags.get(name);
    return typeof v === 'string' ? v : undefined;
  };
  const allow = (names: readonly string[]): void => {
    for (const k of flags.keys()) if (!names.includes(k)) throw new UsageError(`unknown option '${spelled.get(k) ?? k}' for '${command}'`);
  };

  switch (command) {
    case 'ingest': {
      allow(['--out', '--force', '--prune', '--json', '--strict', '--verbose', '--quiet', '--concurrency', '--workers', '--max-bytes', '--timeout-ms', '--ocr', '--ocr-max-pages', '--format', '--id']);
      if (flags.has('--verbose') && flags.has('--quiet')) throw new UsageError('--verbose and --quiet exclude each other');
      const ocr = str('--ocr') ?? 'auto';
      if (ocr !== 'auto' && ocr !== 'force' && ocr !== 'off') throw new UsageError(`--ocr expects auto, force or off, got '${ocr}'`);
      const format = str('--format') ?? null;
      if (format !== null && format !== 'txt' && format !== 'pdf' && format !== 'html' && format !== 'docx' && format !== 'doc') {
        throw new UsageError(`--format expects txt, pdf, html, docx or doc, got '${format}'`);
      }
      if (positional.filter((p) => p === '-').length > 1) throw new UsageError('standard input (-) can be read once');
      const id = str('--id') ?? null;
      if (id !== null && positional.length !== 1) throw new UsageError('--id names one document: give one file (or - for standard input)');
      return {
        command,
        files: positional,
        out: str('--out') ?? 'extracted',
        force: flags.has('--force'),
        prune: flags.has('--prune'),
        json: flags.has('--json'),
        strict: flags.has('--strict'),
        verbose: flags.has('--verbose'),
        quiet: flags.has('--quiet'),
        concurrency: flags.has('--concurrency') ? positiveInt('--concurrency', str('--concurrency')) : null,
        workers: flags.has('--workers') ? wholeNumber('--workers', str('--workers')) : null,
        maxBytes: flags.has('--max-bytes') ? positiveInt('--max-bytes', str('--max-bytes')) : null,
        timeoutMs: flags.has('--timeout-ms') ? positiveInt('--timeout-ms', str('--timeout-ms')) : null,
        ocr,
        ocrMaxPages: flags.has('--ocr-max-pages') ? positiveInt('--ocr-max-pages', str('--ocr-max-pages')) : null,
        format,
        id,
      };
    }
    case 'schema':
      allow(['--out', '--quiet']);
      if (positional.length > 0) throw new UsageError(`'schema' takes no files, got '${positional[0]}'`);
      return { command, out: str('--out') ?? 'schemas', quiet: flags.has('--quiet') };
    case 'diff': {
      allow(['--out', '--format', '--timeout-ms']);
      if (positional.length !== 2) throw new UsageError(`'diff' expects two files (old and new), got ${positional.length}`);
      const format = str('--format') ?? null;
      if (format !== null && format !== 'json' && format !== 'md' && format !== 'html') throw new UsageError(`--format expects json, md or html, got '${format}'`);
      const timeoutMs = flags.has('--timeout-ms') ? positiveInt('--timeout-ms', str('--timeout-ms')) : null;
      return { command, old: positional[0]!, new: positional[1]!, format, out: str('--out') ?? null, timeoutMs };
    }
    case 'export': {
      allow(['--out', '--format', '--columns', '--timeout-ms']);
      if (positional.length === 0) throw new UsageError("'export' expects at least one file or folder");
      const out = str('--out');
      if (out === undefined) throw new UsageError("'export' needs --out FILE");
      const extension = /\.(csv|xlsx)$/i.exec(out)?.[1]?.toLowerCase();
      const format = str('--format') ?? extension;
      if (format !== 'csv' && format !== 'xlsx') {
        throw new UsageError(format === undefined ? `--format expects csv or xlsx (none given, and '${out}' names neither)` : `--format expects csv or xlsx, got '${format}'`);
      }
      if (extension !== undefined && extension !== format) throw new UsageError(`--out '${out}' is not a ${format} file name (--format ${format})`);
      const columns = str('--columns') ?? 'zh';
      if (columns !== 'zh' && columns !== 'en') throw new UsageError(`--columns expects zh or en, got '${columns}'`);
      const timeoutMs = flags.has('--timeout-ms') ? positiveInt('--timeout-ms', str('--timeout-ms')) : null;
      return { command, inputs: positional, format, out, columns, timeoutMs };
    }
    case 'history': {
      allow(['--out', '--format', '--as-given', '--timeout-ms']);
      if (positional.length === 0) throw new UsageError("'history' expects at least one file or folder");
      const outputs = historyOutputs(repeated.get('--out') ?? [], str('--format'));
      const timeoutMs = flags.has('--timeout-ms') ? positiveInt('--timeout-ms', str('--timeout-ms')) : null;
      return { command, inputs: positional, outputs, asGiven: flags.has('--as-given'), timeoutMs };
    }
  }
}

const HISTORY_FORMATS: readonly HistoryFormat[] = ['json', 'md', 'html', 'csv', 'xlsx'];
const HISTORY_EXTENSIONS: Readonly<Record<string, HistoryFormat>> = { json: 'json', md: 'md', markdown: 'md', html: 'html', htm: 'html', csv: 'csv', xlsx: 'xlsx' };

/**
 * Where `history` writes: each `--out` in the format its extension names (or `--format`, with
 * one `--out`); without `--out`, `--format` (JSON by default) on stdout.
 */
function historyOutputs(outs: readonly string[], formatFlag: string | undefined): { format: HistoryFormat; path: string | null }[] {
  if (formatFlag !== undefined && !(HISTORY_FORMATS as readonly string[]).includes(formatFlag)) throw new UsageError(`--format expects json, md, html, csv or xlsx, got '${formatFlag}'`);
  const flag = formatFlag as HistoryFormat | undefined;
  const extension = (path: string): HistoryFormat | undefined => {
    const ext = /\.([^./\\]+)$/.exec(path)?.[1]?.toLowerCase();
    return ext !== undefined && Object.hasOwn(HISTORY_EXTENSIONS, ext) ? HISTORY_EXTENSIONS[ext] : undefined;
  };
  if (outs.length === 0) {
    if (flag === 'xlsx') throw new UsageError('--format xlsx needs --out FILE (a workbook is not written to the terminal)');
    return [{ format: flag ?? 'json', path: null }];
  }
  if (outs.length > 1 && flag !== undefined) throw new UsageError('--format goes with one --out; with several, each takes the format of its extension');
  if (new Set(outs).size < outs.length) throw new UsageError('the same --out is given twice');
  return outs.map((path) => {
    const named = extension(path);
    const format = flag ?? named;
    if (format === undefined) throw new UsageError(`--out '${path}' names no format (.json, .md, .html, .csv or .xlsx): add --format`);
    if (named !== undefined && named !== format) throw new UsageError(`--out '${path}' is not a ${format} file name (--format ${format})`);
    return { format, path };
  });
}
