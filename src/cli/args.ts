/**
 * Argument parsing for the `guideline` command, kept apart from everything that acts so that it is
 * unit-tested without spawning a process.
 */
export type Command =
  | { readonly command: 'help'; readonly topic: 'main' | 'ingest' | 'schema' | 'diff' }
  | { readonly command: 'version' }
  | {
      readonly command: 'ingest';
      readonly files: readonly string[];
      readonly out: string;
      readonly force: boolean;
      readonly prune: boolean;
      readonly json: boolean;
      readonly strict: boolean;
      readonly concurrency: number | null;
      /** Worker threads for all documents; `null`: PDFs on one worker thread, text in the main thread. */
      readonly workers: number | null;
      readonly maxBytes: number | null;
      readonly timeoutMs: number | null;
    }
  | { readonly command: 'schema'; readonly out: string; readonly quiet: boolean }
  | {
      readonly command: 'diff';
      readonly old: string;
      readonly new: string;
      readonly format: 'json' | 'md' | 'html';
      readonly out: string | null;
      readonly timeoutMs: number | null;
    };

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const USAGE: Readonly<Record<'main' | 'ingest' | 'schema' | 'diff', string>> = {
  main: `Usage: guideline <command> [options]

Commands:
  ingest [file…]          ingest guideline sources (.txt, .pdf) into validated JSON + Markdown
  diff <old> <new>        compare two versions of a guideline
  schema                  write the JSON Schemas generated from the zod schemas

Run 'guideline <command> --help' for the options of a command.
Exit codes: 0 success, 1 a document failed (diff: something changed), 2 usage error.`,
  ingest: `Usage: guideline ingest [file…] [options]

Without files, ingests every .txt and .pdf under corpus/ (subfolders included).

Options:
  --out DIR           output folder (default: extracted)
  --force             re-ingest documents whose source and pipeline version are unchanged
  --prune             delete outputs whose source is gone (default: only report them)
  --json              print one machine-readable summary on stdout
  --strict            exit 1 when any document has warnings
  --concurrency N     documents at once (default: available parallelism)
  --workers N         process every document on N worker threads; 0: all on the main thread
                      (default: PDFs on one worker thread, which a stuck PDF cannot block,
                      text on the main thread)
  --max-bytes N       largest source accepted, in bytes (default: 52428800 = 50 MiB)
  --timeout-ms N      time limit per PDF, in milliseconds (default: 30000)
  -h, --help          show this help

Exit codes: 0 all written or skipped, 1 a document failed (or --strict and warnings), 2 usage error.`,
  schema: `Usage: guideline schema [--out DIR] [--quiet]

Writes guideline.schema.json (and diff.schema.json) generated from the zod schemas.

Options:
  --out DIR    output folder (default: schemas)
  --quiet      print nothing on success`,
  diff: `Usage: guideline diff <old> <new> [--format json|md|html] [--out FILE] [--timeout-ms N]

Each side is a source (.txt, .pdf: ingested on the fly) or an extracted JSON file.

Options:
  --format F   json (default), md or html
  --out FILE   write the report to FILE instead of stdout
  --timeout-ms N  time limit per PDF, in milliseconds (default: 30000)

Exit codes: 0 no change, 1 something changed, 2 error.`,
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
  if (command === undefined) throw new UsageError('no command given (expected ingest, diff or schema)');
  if (command === '-h' || command === '--help' || command === 'help') return { command: 'help', topic: 'main' };
  if (command === '--version' || command === '-v') return { command: 'version' };
  if (command !== 'ingest' && command !== 'schema' && command !== 'diff') {
    throw new UsageError(`unknown command '${command}' (expected ingest, diff or schema)`);
  }
  if (rest.includes('-h') || rest.includes('--help')) return { command: 'help', topic: command };

  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  const valued = new Set(['--out', '--concurrency', '--workers', '--max-bytes', '--timeout-ms', '--format']);
  const boolean = new Set(['--force', '--prune', '--json', '--strict', '--quiet']);
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (arg === '--') {
      positional.push(...rest.slice(i + 1));
      break;
    }
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq > 0 ? arg.slice(0, eq) : arg;
      if (valued.has(name)) {
        const value = eq > 0 ? arg.slice(eq + 1) : rest[++i];
        if (value === undefined || value === '') throw new UsageError(`${name} expects a value`);
        flags.set(name, value);
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
    for (const k of flags.keys()) if (!names.includes(k)) throw new UsageError(`unknown option '${k}' for '${command}'`);
  };

  switch (command) {
    case 'ingest': {
      allow(['--out', '--force', '--prune', '--json', '--strict', '--concurrency', '--workers', '--max-bytes', '--timeout-ms']);
      return {
        command,
        files: positional,
        out: str('--out') ?? 'extracted',
        force: flags.has('--force'),
        prune: flags.has('--prune'),
        json: flags.has('--json'),
        strict: flags.has('--strict'),
        concurrency: flags.has('--concurrency') ? positiveInt('--concurrency', str('--concurrency')) : null,
        workers: flags.has('--workers') ? wholeNumber('--workers', str('--workers')) : null,
        maxBytes: flags.has('--max-bytes') ? positiveInt('--max-bytes', str('--max-bytes')) : null,
        timeoutMs: flags.has('--timeout-ms') ? positiveInt('--timeout-ms', str('--timeout-ms')) : null,
      };
    }
    case 'schema':
      allow(['--out', '--quiet']);
      if (positional.length > 0) throw new UsageError(`'schema' takes no files, got '${positional[0]}'`);
      return { command, out: str('--out') ?? 'schemas', quiet: flags.has('--quiet') };
    case 'diff': {
      allow(['--out', '--format', '--timeout-ms']);
      if (positional.length !== 2) throw new UsageError(`'diff' expects two files (old and new), got ${positional.length}`);
      const format = str('--format') ?? 'json';
      if (format !== 'json' && format !== 'md' && format !== 'html') throw new UsageError(`--format expects json, md or html, got '${format}'`);
      const timeoutMs = flags.has('--timeout-ms') ? positiveInt('--timeout-ms', str('--timeout-ms')) : null;
      return { command, old: positional[0]!, new: positional[1]!, format, out: str('--out') ?? null, timeoutMs };
    }
  }
}
