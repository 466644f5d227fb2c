/**
 * The `guideline` command: parses arguments, runs the library, prints one line per problem, and
 * returns the exit code. All behaviour lives in the library; this file only wires it to the file
 * system and the terminal. Each command's code is imported when that command runs, so `--help`
 * and `--version` start in the time a bare Node does, and `diff` never loads the batch code.
 */
import { readFileSync } from 'node:fs';
import { helpText, parseArgs, USAGE, UsageError, type Command } from './args.js';
import { languageOf, t, type Language } from '../messages/index.js';

export interface Io {
  readonly stdout: { write(s: string): unknown; readonly isTTY?: boolean };
  readonly stderr: { write(s: string): unknown; readonly isTTY?: boolean };
  readonly cwd: string;
  /** Standard input, for `ingest -`. */
  readonly stdin?: AsyncIterable<Uint8Array | string> & { readonly isTTY?: boolean };
  /** Aborts a running batch (Ctrl-C). */
  readonly signal?: AbortSignal;
  /** Clock for the progress line. @default Date.now */
  readonly now?: () => number;
  /** The environment the language of messages is read from (`LC_ALL`, `LC_MESSAGES`, `LANG`). @default process.env */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** The language of messages, set by `run` from `--lang` and the environment. */
  readonly lang?: Language;
}

/** `--lang zh|en` anywhere in `argv`: its value (null when not given) and the arguments without it. */
function takeLang(argv: readonly string[]): { lang: string | null; rest: string[] } {
  const rest: string[] = [];
  let lang: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    if (a === '--lang') lang = argv[++i] ?? '';
    else if (a.startsWith('--lang=')) lang = a.slice('--lang='.length);
    else rest.push(a);
  }
  return { lang, rest };
}

export const CORPUS_DIR = 'corpus';

/** The line the first Ctrl-C prints in a command over many documents, in the language `argv` and `env` ask for. */
export function interruptNotice(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): string {
  return `guideline: ${t(languageOfArgv(argv, env), 'interrupt.notice')}`;
}

/** The language of messages `argv` (`--lang`) and `env` ask for. */
export function languageOfArgv(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): Language {
  return languageOf(takeLang(argv).lang, env);
}

/** The installed package's version, from its package.json (two folders up from dist/cli/). */
function packageVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : 'unknown';
  } catch {
    return 'unknown';
  }
}

export async function run(args: readonly string[], ioIn: Io): Promise<number> {
  const { lang: flag, rest: argv } = takeLang(args);
  const lang = languageOf(flag, ioIn.env ?? process.env);
  const io: Io = { ...ioIn, lang };
  let cmd: Command;
  try {
    if (flag !== null && flag !== 'zh' && flag !== 'en') throw new UsageError((l) => t(l, 'usage.choice', '--lang', 'zh、en', flag));
    cmd = parseArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`guideline: ${error.say(lang)}\n${t(lang, 'usage.see-help', argv[0] && argv[0] in USAGE ? argv[0] : null)}\n`);
      return 2;
    }
    throw error;
  }
  switch (cmd.command) {
    case 'help':
      io.stdout.write(`${helpText(cmd.topic, lang)}\n`);
      return 0;
    case 'version': {
      const [{ PIPELINE_VERSION }, { SCHEMA_VERSION }] = await Promise.all([import('../version.js'), import('../schema/version.js')]);
      io.stdout.write(`guideline-ingest ${packageVersion()} (pipeline ${PIPELINE_VERSION}, schema ${SCHEMA_VERSION})\n`);
      return 0;
    }
    case 'schema':
      return runSchema(cmd, io);
    case 'ingest':
      return (await import('./ingest.js')).runIngest(cmd, io);
    case 'diff':
      return (await import('./diff.js')).runDiff(cmd, io);
    case 'export':
      return (await import('./export.js')).runExport(cmd, io);
    case 'history':
      return (await import('./history.js')).runHistory(cmd, io);
  }
}

async function runSchema(cmd: Extract<Command, { command: 'schema' }>, io: Io): Promise<number> {
  const [{ join, resolve }, { diffJsonSchema }, { historyJsonSchema }, { schemaFiles }, { atomicWrite, ensureDir, describeWriteError }] = await Promise.all([
    import('node:path'),
    import('../schema/diff.js'),
    import('../schema/history.js'),
    import('../schema/json.js'),
    import('./fs.js'),
  ]);
  const out = resolve(io.cwd, cmd.out);
  const files = schemaFiles({ 'diff.schema.json': diffJsonSchema(), 'history.schema.json': historyJsonSchema() });
  try {
    await ensureDir(out);
    for (const [name, content] of Object.entries(files)) await atomicWrite(join(out, name), content);
  } catch (error) {
    io.stderr.write(`guideline: ${t(io.lang ?? 'zh', 'schema.unwritable', cmd.out, describeWriteError(error, io.lang ?? 'zh'))}\n`);
    return 2;
  }
  if (!cmd.quiet) io.stdout.write(`${t(io.lang ?? 'zh', 'schema.wrote', Object.keys(files).length, cmd.out)}\n`);
  return 0;
}

