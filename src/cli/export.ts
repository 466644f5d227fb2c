/**
 * `guideline export <file|dir…> --out FILE`: every direction of many guidelines in one CSV or
 * XLSX file. Exit 0 when written; 1 when an input failed (the export has the others) or none could
 * be read (nothing written); 2 when the file cannot be written.
 */
import { exportTables, toCsv, toXlsx } from '../export/index.js';
import type { Command } from './args.js';
import { writeReport } from './fs.js';
import type { Io } from './main.js';
import { loadCommandInputs } from './side.js';
import { t } from '../messages/index.js';

export async function runExport(cmd: Extract<Command, { command: 'export' }>, io: Io): Promise<number> {
  const lang = io.lang ?? 'zh';
  // Folders become the files in them (and below), sorted; PDFs share one worker thread, on which
  // the time limit holds (as in `ingest` and `diff`).
  const { docs, failed } = await loadCommandInputs(cmd.inputs, cmd, io);
  if (io.signal?.aborted) {
    io.stderr.write(`${t(lang, 'report.interrupted', cmd.out)}\n`);
    return 1;
  }
  if (docs.length === 0) {
    io.stderr.write(`guideline: ${t(lang, 'export.nothing', cmd.out)}\n`);
    return 1;
  }

  const tables = exportTables(docs);
  const content = cmd.format === 'csv' ? toCsv(tables.directions, { headers: cmd.columns }) : await toXlsx(tables, { headers: cmd.columns });
  if (!(await writeReport(io, cmd.out, content))) return 2;
  io.stderr.write(
    `${t(lang, 'export.done', { directions: tables.directions.rows.length, checks: cmd.format === 'xlsx' ? tables.checks.rows.length : null, documents: docs.length, out: cmd.out, failed })}\n`,
  );
  return failed > 0 ? 1 : 0;
}
