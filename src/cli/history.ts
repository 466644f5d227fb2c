/**
 * `guideline history <file|dir…>`: the versions of a guideline side by side, as a dataset (JSON),
 * a report (Markdown, HTML) or a spreadsheet (CSV, XLSX); several at once with several `--out`.
 * The order of the documents is printed on stderr (stdout may carry the dataset). Exit 0 when
 * written; 1 when an input failed (the history has the others) or none could be read (nothing
 * written); 2 when a file cannot be written.
 */
import { toCsv, toXlsx } from '../export/index.js';
import { history } from '../history/index.js';
import { documentLabels } from '../history/format.js';
import { historyToHtml, historyToMarkdown } from '../history/report.js';
import { historyTables } from '../history/table.js';
import type { GuidelineHistory } from '../schema/history.js';
import type { Command, HistoryFormat } from './args.js';
import { writeReport } from './fs.js';
import type { Io } from './main.js';
import { loadCommandInputs } from './side.js';
import { t } from '../messages/index.js';

async function render(h: GuidelineHistory, format: HistoryFormat): Promise<string | Uint8Array> {
  switch (format) {
    case 'json':
      return `${JSON.stringify(h, null, 2)}\n`;
    case 'md':
      return historyToMarkdown(h);
    case 'html':
      return historyToHtml(h);
    case 'csv':
      return toCsv(historyTables(h).lines);
    case 'xlsx': {
      const tables = historyTables(h);
      return toXlsx([tables.lines, tables.totals]);
    }
  }
}

export async function runHistory(cmd: Extract<Command, { command: 'history' }>, io: Io): Promise<number> {
  const lang = io.lang ?? 'zh';
  const { docs, failed } = await loadCommandInputs(cmd.inputs, cmd, io);
  const targets = cmd.outputs.map((o) => o.path ?? 'stdout').join(', ');
  if (io.signal?.aborted) {
    io.stderr.write(`${t(lang, 'report.interrupted', targets)}\n`);
    return 1;
  }
  if (docs.length === 0) {
    io.stderr.write(`guideline: ${t(lang, 'history.nothing', targets)}\n`);
    return 1;
  }

  const h = history(docs, { order: cmd.asGiven ? 'given' : 'sorted' });
  const labels = documentLabels(h, lang);
  io.stderr.write(`${t(lang, 'history.order', h.order === 'sorted')}\n`);
  h.documents.forEach((d, k) => io.stderr.write(`  ${k + 1}. ${d.source}  ${labels[k]}\n`));

  for (const output of cmd.outputs) {
    const content = await render(h, output.format);
    if (output.path === null) {
      // Text only: `parseArgs` sends no workbook to the terminal.
      if (typeof content === 'string') io.stdout.write(content);
      continue;
    }
    if (!(await writeReport(io, output.path, content))) return 2;
  }
  io.stderr.write(`${t(lang, 'history.done', { documents: h.documents.length, lines: h.lines.length, target: cmd.outputs.some((o) => o.path !== null) ? targets : null, failed })}\n`);
  return failed > 0 ? 1 : 0;
}
