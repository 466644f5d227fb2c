/** `guideline diff <old> <new>`: exit 0 when nothing changed, 1 when something did, 2 on error. */
import { diff, hasChanges } from '../diff/index.js';
import { diffSummary, diffToHtml, diffToMarkdown } from '../diff/report.js';
import { asGuidelineError } from '../pipeline.js';
import type { Guideline } from '../schema/guideline.js';
import type { Command } from './args.js';
import { writeReport } from './fs.js';
import type { Io } from './main.js';
import { loadSide } from './side.js';
import { withHint } from './hints.js';
import { t } from '../messages/index.js';

export async function runDiff(cmd: Extract<Command, { command: 'diff' }>, io: Io): Promise<number> {
  const sides: Guideline[] = [];
  for (const path of [cmd.old, cmd.new]) {
    try {
      sides.push(await loadSide(path, io.cwd, cmd.timeoutMs === null ? {} : { timeoutMs: cmd.timeoutMs }));
    } catch (error) {
      io.stderr.write(`guideline: ${path}: ${withHint(asGuidelineError(error))}\n`);
      return 2;
    }
  }
  const result = diff(sides[0]!, sides[1]!);
  // No --format, and a person at the terminal: a short summary (the JSON is for pipes and files).
  const format = cmd.format ?? (cmd.out === null && io.stdout.isTTY === true ? 'summary' : 'json');
  const output =
    format === 'md' ? diffToMarkdown(result) : format === 'html' ? diffToHtml(result) : format === 'summary' ? `${diffSummary(result)}${t(io.lang ?? 'zh', 'diff.full-report')}\n` : `${JSON.stringify(result, null, 2)}\n`;
  if (cmd.out === null) io.stdout.write(output);
  // Its folder made first, as export and history make theirs; a failure is one line in words.
  else if (!(await writeReport(io, cmd.out, output))) return 2;
  return hasChanges(result) ? 1 : 0;
}
