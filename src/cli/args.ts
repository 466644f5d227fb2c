/**
 * Argument parsing for the `guideline` command, kept apart from everything that acts so that it is
 * unit-tested without spawning a process.
 */
import { INPUT_FORMATS, type InputFormat } from '../load/index.js';
import { t, type Language, type MessageId, type MessageParams } from '../messages/index.js';
import { ownEntry } from '../own.js';

/**
 * How sources are read: every command that reads sources (`ingest`, `diff`, `export`, `history`)
 * takes these options, parsed by one function (`sourceFlags`).
 */
export interface SourceFlags {
  /** Documents at once (`-j`, `--jobs`, `--concurrency`); null: the available parallelism. */
  readonly concurrency: number | null;
  /** Largest source accepted, in bytes; null: 50 MiB. */
  readonly maxBytes: number | null;
  /** Time limit per PDF, in milliseconds; null: 30000. */
  readonly timeoutMs: number | null;
  /** Which PDF pages are read by OCR (see `LoadOptions.ocr`). */
  readonly ocr: 'auto' | 'force' | 'off';
  /** Most pages of one PDF read by OCR; null: 50. */
  readonly ocrMaxPages: number | null;
}

/** The options of `SourceFlags`, as typed. */
const SOURCE_OPTIONS = ['--concurrency', '--max-bytes', '--timeout-ms', '--ocr', '--ocr-max-pages'] as const;

export type Command =
  | { readonly command: 'help'; readonly topic: 'main' | 'ingest' | 'schema' | 'diff' | 'export' | 'history' }
  | { readonly command: 'version' }
  | ({
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
      /** Worker threads for all documents; `null`: PDFs on one worker thread, text in the main thread. */
      readonly workers: number | null;
      /** The heap each worker thread may use, in MB (`--worker-memory-mb`); null: the pool's default. */
      readonly workerMemoryMb: number | null;
      /** Read every input as this format (`--format`); null: sniffed from the bytes. */
      readonly format: InputFormat | null;
      /** The id of the one document given (`--id`; standard input's is `stdin` without it). */
      readonly id: string | null;
    } & SourceFlags)
  | { readonly command: 'schema'; readonly out: string; readonly quiet: boolean }
  | ({
      readonly command: 'diff';
      readonly old: string;
      readonly new: string;
      /** null: not given — a short summary on a terminal, JSON otherwise. */
      readonly format: 'json' | 'md' | 'html' | null;
      readonly out: string | null;
    } & SourceFlags)
  | ({
      readonly command: 'export';
      /** Sources, extracted JSON files, or folders of either. */
      readonly inputs: readonly string[];
      readonly format: 'csv' | 'xlsx';
      readonly out: string;
      /** Header row: Chinese headers or the column keys. */
      readonly columns: 'zh' | 'en';
    } & SourceFlags)
  | ({
      readonly command: 'history';
      /** Sources, extracted JSON files, or folders of either. */
      readonly inputs: readonly string[];
      /** Each rendition and where it goes: a file, or stdout (`path` null; then the only one). */
      readonly outputs: readonly { readonly format: HistoryFormat; readonly path: string | null }[];
      /** Keep the order of the inputs instead of sorting by year, batch and status. */
      readonly asGiven: boolean;
    } & SourceFlags);

export type HistoryFormat = 'json' | 'md' | 'html' | 'csv' | 'xlsx';

/** Short options and their long names. */
const SHORT: Readonly<Record<string, string>> = { '-o': '--out', '-j': '--concurrency' };
/** The long option a short one stands for (never a property every object has: `toString` is a file's name). */
const shortFor = (arg: string): string | undefined => ownEntry(SHORT, arg);
/** Long options that are other names of one (`--jobs`, as make and many build tools call it). */
const LONG: Readonly<Record<string, string>> = { '--jobs': '--concurrency' };

/** A usage error: its message in English, and in either language by `say`. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  readonly #say: (language: Language) => string;
  constructor(message: string | ((language: Language) => string)) {
    super(typeof message === 'string' ? message : message('en'));
    this.#say = typeof message === 'string' ? () => message : message;
  }

  /** The message in `language`. */
  say(language: Language): string {
    return this.#say(language);
  }
}

/** A usage error from the message catalogue. */
const usage = <K extends MessageId>(id: K, ...params: MessageParams<K>): UsageError => new UsageError((language) => t(language, id, ...params));

/** The help of each command, in English (`--lang en`); `helpText` gives it in either language. */
export const USAGE: Readonly<Record<HelpTopic, string>> = {
  main: t('en', 'help.main'),
  ingest: t('en', 'help.ingest'),
  schema: t('en', 'help.schema'),
  diff: t('en', 'help.diff'),
  export: t('en', 'help.export'),
  history: t('en', 'help.history'),
};

export type HelpTopic = 'main' | 'ingest' | 'schema' | 'diff' | 'export' | 'history';

/** The help of `topic` in `language`. */
export function helpText(topic: HelpTopic, language: Language): string {
  return t(language, `help.${topic}`);
}

function positiveInt(flag: string, value: string | undefined): number {
  if (value === undefined || !/^\d+$/.test(value) || Number(value) < 1) {
    throw usage('usage.positive-int', flag, value ?? null);
  }
  return Number(value);
}

function wholeNumber(flag: string, value: string | undefined): number {
  if (value === undefined || !/^\d+$/.test(value)) {
    throw usage('usage.whole-number', flag, value ?? null);
  }
  return Number(value);
}

/** The commands that take options and arguments. */
type CommandName = 'ingest' | 'schema' | 'diff' | 'export' | 'history';

/** Options that take a value, and options that take none. */
const VALUED: ReadonlySet<string> = new Set(['--out', '--concurrency', '--workers', '--worker-memory-mb', '--max-bytes', '--timeout-ms', '--format', '--columns', '--ocr', '--ocr-max-pages', '--id']);
const BOOLEAN: ReadonlySet<string> = new Set(['--force', '--prune', '--json', '--strict', '--quiet', '--verbose', '--as-given']);

/** Each command's options checked and its `Command` built from them, by name. */
const COMMANDS: { readonly [C in CommandName]: (o: Options) => Extract<Command, { command: C }> } = {
  ingest: ingestCommand,
  schema: schemaCommand,
  diff: diffCommand,
  export: exportCommand,
  history: historyCommand,
};

/** Parses `argv` (without node and script). Throws `UsageError` with a one-line message. */
export function parseArgs(argv: readonly string[]): Command {
  const [command, ...rest] = argv;
  if (command === undefined) throw usage('usage.no-command');
  if (command === '-h' || command === '--help' || command === 'help') return { command: 'help', topic: 'main' };
  if (command === '--version' || command === '-v') return { command: 'version' };
  if (command !== 'ingest' && command !== 'schema' && command !== 'diff' && command !== 'export' && command !== 'history') {
    throw usage('usage.unknown-command', command);
  }
  if (rest.includes('-h') || rest.includes('--help')) return { command: 'help', topic: command };
  return COMMANDS[command](new Options(command, rest));
}

/** The arguments after a command: its positional arguments and its options, with their values. */
class Options {
  readonly positional: string[] = [];
  private readonly flags = new Map<string, string | true>();
  /** Every value of a repeated option, in order (`history` takes several `--out`). */
  private readonly repeated = new Map<string, string[]>();
  /** Each option as it was typed (`-j`, `--jobs`), for the messages. */
  private readonly spelled = new Map<string, string>();

  constructor(
    private readonly command: CommandName,
    rest: readonly string[],
  ) {
    for (let i = 0; i < rest.length; i++) {
      const arg = shortFor(rest[i]!) ?? rest[i]!;
      if (arg === '--') {
        for (const p of rest.slice(i + 1)) this.positional.push(p);
        break;
      }
      if (arg.startsWith('--')) i = this.option(arg, rest, i);
      else if (arg.startsWith('-') && arg !== '-') throw usage('usage.unknown-option', arg, command);
      else this.positional.push(arg);
    }
  }

  /** Reads the option `arg` (`rest[i]` as its long name): the index of its value where that is the next argument, else `i`. */
  private option(arg: string, rest: readonly string[], i: number): number {
    const eq = arg.indexOf('=');
    const given = eq > 0 ? arg.slice(0, eq) : arg;
    const name = LONG[given] ?? given;
    this.spelled.set(name, shortFor(rest[i]!) ? rest[i]! : given);
    if (VALUED.has(name)) {
      const value = eq > 0 ? arg.slice(eq + 1) : rest[++i];
      if (value === undefined || value === '') throw usage('usage.needs-value', name);
      this.flags.set(name, value);
      this.repeated.set(name, [...(this.repeated.get(name) ?? []), value]);
    } else if (BOOLEAN.has(name) && eq < 0) {
      this.flags.set(name, true);
    } else {
      throw usage('usage.unknown-option', name, this.command);
    }
    return i;
  }

  /** Whether option `name` was given. */
  has(name: string): boolean {
    return this.flags.has(name);
  }

  /** The value of option `name` (its last where repeated). */
  str(name: string): string | undefined {
    const v = this.flags.get(name);
    return typeof v === 'string' ? v : undefined;
  }

  /** Every value option `name` was given, in order. */
  all(name: string): string[] {
    return this.repeated.get(name) ?? [];
  }

  /** Throws on an option given that the command does not take. */
  allow(names: readonly string[]): void {
    for (const k of this.flags.keys()) if (!names.includes(k)) throw usage('usage.unknown-option', this.spelled.get(k) ?? k, this.command);
  }

  /** The value of option `name`, a positive integer, or null where it is not given. */
  private int(name: string): number | null {
    return this.flags.has(name) ? positiveInt(this.spelled.get(name) ?? name, this.str(name)) : null;
  }

  /** The options every command that reads sources takes, parsed alike. */
  sourceFlags(): SourceFlags {
    const ocr = this.str('--ocr') ?? 'auto';
    if (ocr !== 'auto' && ocr !== 'force' && ocr !== 'off') throw usage('usage.choice', '--ocr', 'auto、force、off', ocr);
    return {
      concurrency: this.int('--concurrency'),
      maxBytes: this.int('--max-bytes'),
      timeoutMs: this.int('--timeout-ms'),
      ocr,
      ocrMaxPages: this.int('--ocr-max-pages'),
    };
  }
}

/** `ingest`: the sources, where their outputs go, and how they are read. */
function ingestCommand(o: Options): Extract<Command, { command: 'ingest' }> {
  o.allow(['--out', '--force', '--prune', '--json', '--strict', '--verbose', '--quiet', '--workers', '--worker-memory-mb', '--format', '--id', ...SOURCE_OPTIONS]);
  if (o.has('--verbose') && o.has('--quiet')) throw usage('usage.verbose-quiet');
  const source = o.sourceFlags();
  const format = o.str('--format') ?? null;
  if (format !== null && !(INPUT_FORMATS as readonly string[]).includes(format)) {
    throw usage('usage.choice', '--format', INPUT_FORMATS.join('、'), format);
  }
  const positional = o.positional;
  if (positional.filter((p) => p === '-').length > 1) throw usage('usage.stdin-once');
  const id = o.str('--id') ?? null;
  if (id !== null && positional.length !== 1) {
    throw usage('usage.id-one-file');
  }
  return {
    command: 'ingest',
    files: positional,
    out: o.str('--out') ?? 'extracted',
    force: o.has('--force'),
    prune: o.has('--prune'),
    json: o.has('--json'),
    strict: o.has('--strict'),
    verbose: o.has('--verbose'),
    quiet: o.has('--quiet'),
    workers: o.has('--workers') ? wholeNumber('--workers', o.str('--workers')) : null,
    ...source,
    workerMemoryMb: o.has('--worker-memory-mb') ? positiveInt('--worker-memory-mb', o.str('--worker-memory-mb')) : null,
    format: format as InputFormat | null,
    id,
  };
}

/** `schema`: where the schemas are written. */
function schemaCommand(o: Options): Extract<Command, { command: 'schema' }> {
  o.allow(['--out', '--quiet']);
  if (o.positional.length > 0) throw usage('usage.schema-no-files', o.positional[0]!);
  return { command: 'schema', out: o.str('--out') ?? 'schemas', quiet: o.has('--quiet') };
}

/** `diff`: the two sources, and the report's format and file. */
function diffCommand(o: Options): Extract<Command, { command: 'diff' }> {
  o.allow(['--out', '--format', ...SOURCE_OPTIONS]);
  if (o.positional.length !== 2) throw usage('usage.diff-two-files', o.positional.length);
  const format = o.str('--format') ?? null;
  if (format !== null && format !== 'json' && format !== 'md' && format !== 'html') throw usage('usage.choice', '--format', 'json、md、html', format);
  return { command: 'diff', old: o.positional[0]!, new: o.positional[1]!, format, out: o.str('--out') ?? null, ...o.sourceFlags() };
}

/** `export`: the inputs, and the table's file, format (from its extension) and headers. */
function exportCommand(o: Options): Extract<Command, { command: 'export' }> {
  o.allow(['--out', '--format', '--columns', ...SOURCE_OPTIONS]);
  if (o.positional.length === 0) throw usage('usage.needs-input', 'export');
  const out = o.str('--out');
  if (out === undefined) throw usage('usage.export-needs-out');
  const extension = /\.(csv|xlsx)$/i.exec(out)?.[1]?.toLowerCase();
  const format = o.str('--format') ?? extension;
  if (format !== 'csv' && format !== 'xlsx') {
    throw format === undefined ? usage('usage.export-format-none', out) : usage('usage.choice', '--format', 'csv、xlsx', format);
  }
  if (extension !== undefined && extension !== format) throw usage('usage.out-not-format', out, format);
  const columns = o.str('--columns') ?? 'zh';
  if (columns !== 'zh' && columns !== 'en') throw usage('usage.choice', '--columns', 'zh、en', columns);
  return { command: 'export', inputs: o.positional, format, out, columns, ...o.sourceFlags() };
}

/** `history`: the inputs, and each rendition with where it goes. */
function historyCommand(o: Options): Extract<Command, { command: 'history' }> {
  o.allow(['--out', '--format', '--as-given', ...SOURCE_OPTIONS]);
  if (o.positional.length === 0) throw usage('usage.needs-input', 'history');
  const outputs = historyOutputs(o.all('--out'), o.str('--format'));
  return { command: 'history', inputs: o.positional, outputs, asGiven: o.has('--as-given'), ...o.sourceFlags() };
}

const HISTORY_FORMATS: readonly HistoryFormat[] = ['json', 'md', 'html', 'csv', 'xlsx'];
const HISTORY_EXTENSIONS: Readonly<Record<string, HistoryFormat>> = { json: 'json', md: 'md', markdown: 'md', html: 'html', htm: 'html', csv: 'csv', xlsx: 'xlsx' };

/**
 * Where `history` writes: each `--out` in the format its extension names (or `--format`, with
 * one `--out`); without `--out`, `--format` (JSON by default) on stdout.
 */
function historyOutputs(outs: readonly string[], formatFlag: string | undefined): { format: HistoryFormat; path: string | null }[] {
  if (formatFlag !== undefined && !(HISTORY_FORMATS as readonly string[]).includes(formatFlag)) throw usage('usage.choice', '--format', 'json、md、html、csv、xlsx', formatFlag);
  const flag = formatFlag as HistoryFormat | undefined;
  const extension = (path: string): HistoryFormat | undefined => {
    const ext = /\.([^./\\]+)$/.exec(path)?.[1]?.toLowerCase();
    return ext !== undefined ? ownEntry(HISTORY_EXTENSIONS, ext) : undefined;
  };
  if (outs.length === 0) {
    if (flag === 'xlsx') throw usage('usage.xlsx-needs-out');
    return [{ format: flag ?? 'json', path: null }];
  }
  if (outs.length > 1 && flag !== undefined) throw usage('usage.format-one-out');
  if (new Set(outs).size < outs.length) throw usage('usage.same-out-twice');
  return outs.map((path) => {
    const named = extension(path);
    const format = flag ?? named;
    if (format === undefined) throw usage('usage.out-no-format', path);
    if (named !== undefined && named !== format) throw usage('usage.out-not-format', path, format);
    return { format, path };
  });
}
