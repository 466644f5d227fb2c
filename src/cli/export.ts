/**
 * `guideline export <file|dir…> --out FILE`: every direction of many guidelines in one CSV or
 * XLSX file. Exit 0 when written; 1 when an input failed (the export has the others) or none could
 * be read (nothing written); 2 when the file cannot be written.
 */
import { stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { exportTables, toCsv, toXlsx } from '../export/index.js';
import { asGuidelineError } from '../pipeline.js';
import { DocumentPool } from '../pool.js';
import type { Guideline } from '../schema/guideline.js';
import type { Command } from './args.js';
import { atomicWrite, ensureDir, EXPORT_EXTENSIONS, listCorpus, toPosix } from './fs.js';
import type { Io } from './main.js';
import { loadSide } from './side.js';

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

export async function runExport(cmd: Extract<Command, { command: 'export' }>, io: Io): Promise<number> {
  let failed = 0;
  const fail = (path: string, reason: string): void => {
    failed++;
    io.stderr.write(`guideline: ${path}: ${reason}\n`);
  };

  // Folders become the files in them (and below), sorted; a file is taken as it is given.
  const files: string[] = [];
  for (const input of cmd.inputs) {
    let folder = false;
    try {
      folder = (await stat(resolve(io.cwd, input))).isDirectory();
    } catch {
      // A missing file fails when it is read, in the reader's words.
    }
    if (!folder) {
      files.push(toPosix(input));
      continue;
    }
    try {
      const listed = await listCorpus(resolve(io.cwd, input), io.cwd, EXPORT_EXTENSIONS);
      if (listed.length === 0) fail(input, 'no .txt, .pdf or .json file in this folder');
      files.push(...listed);
    } catch {
      fail(input, 'cannot read this folder');
    }
  }

  // One after another: text takes milliseconds; PDFs share one worker thread, started at the
  // first, on which the time limit holds (as in `ingest` and `diff`).
  const pool = DocumentPool.usable() ? new DocumentPool(1) : undefined;
  const options = { ...(cmd.timeoutMs === null ? {} : { timeoutMs: cmd.timeoutMs }), ...(pool ? { pool } : {}) };
  const docs: Guideline[] = [];
  try {
    for (const path of files) {
      if (io.signal?.aborted) break;
      try {
        docs.push(await loadSide(path, io.cwd, options));
      } catch (error) {
        fail(path, asGuidelineError(error).message);
      }
    }
  } finally {
    await pool?.close();
  }
  if (io.signal?.aborted) {
    io.stderr.write(`interrupted: ${cmd.out} not written\n`);
    return 1;
  }
  if (docs.length === 0) {
    io.stderr.write(`guideline: nothing to export: no input could be read (${cmd.out} not written)\n`);
    return 1;
  }

  const tables = exportTables(docs);
  const content = cmd.format === 'csv' ? toCsv(tables.directions, { headers: cmd.columns }) : await toXlsx(tables, { headers: cmd.columns });
  const out = resolve(io.cwd, cmd.out);
  try {
    await ensureDir(dirname(out));
    await atomicWrite(out, content);
  } catch (error) {
    io.stderr.write(`guideline: ${cmd.out}: cannot write (${(error as NodeJS.ErrnoException).code ?? 'error'})\n`);
    return 2;
  }
  const what = `${plural(tables.directions.rows.length, 'direction')}${cmd.format === 'xlsx' ? ` and ${plural(tables.checks.rows.length, 'check')}` : ''}`;
  io.stderr.write(
    `exported ${what} of ${plural(docs.length, 'document')} to ${cmd.out}${failed > 0 ? `; ${plural(failed, 'input')} failed (see above) and ${failed === 1 ? 'is' : 'are'} not in it` : ''}\n`,
  );
  return failed > 0 ? 1 : 0;
}
