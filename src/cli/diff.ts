/** `guideline diff <old> <new>`: exit 0 when nothing changed, 1 when something did, 2 on error. */
import { diff, hasChanges } from '../diff/index.js';
import { diffSummary, diffToHtml, diffToMarkdown } from '../diff/report.js';
import { asGuidelineError } from '../pipeline.js';
import type { Guideline } from '../schema/guideline.js';
import type { GuidelineError } from '../types.js';
import type { Command } from './args.js';
import { writeReport } from './fs.js';
import type { Io } from './main.js';
import { loadOptionsOf, loadSide } from './side.js';
import { withHint } from './hints.js';
import { Progress } from './progress.js';
import { t } from '../messages/index.js';

export async function runDiff(cmd: Extract<Command, { command: 'diff' }>, io: Io): Promise<number> {
  const lang = io.lang ?? 'zh';
  const progress = new Progress(io, 2);
  const options = loadOptionsOf(cmd);
  type Read = { readonly doc: Guideline } | { readonly error: GuidelineError };
  const read = async (path: string): Promise<Read> => {
    progress.show(path);
    try {
      return { doc: await loadSide(path, io.cwd, { ...options, onProgress: progress.ocr(path) }) };
    } catch (error) {
      return { error: asGuidelineError(error) };
    } finally {
      progress.done(path);
    }
  };
  // Both sides at once (two PDFs read by OCR take half the time), one after the other with -j 1.
  const paths = [cmd.old, cmd.new] as const;
  const results = cmd.concurrency === 1 ? [await read(paths[0]), await read(paths[1])] : await Promise.all(paths.map(read));
  progress.clear();
  const sides: Guideline[] = [];
  let failed = false;
  results.forEach((r, k) => {
    if ('doc' in r) sides.push(r.doc);
    else {
      io.stderr.write(`guideline: ${t(lang, 'fail.line', paths[k]!, withHint(r.error, lang))}\n`);
      failed = true;
    }
  });
  if (failed) return 2;
  const result = diff(sides[0]!, sides[1]!);
  // No --format, and a person at the terminal: a short summary (the JSON is for pipes and files).
  const format = cmd.format ?? (cmd.out === null && io.stdout.isTTY === true ? 'summary' : 'json');
  const output =
    format === 'md' ? diffToMarkdown(result) : format === 'html' ? diffToHtml(result) : format === 'summary' ? `${diffSummary(result, lang)}${t(lang, 'diff.full-report')}\n` : `${JSON.stringify(result, null, 2)}\n`;
  if (cmd.out === null) io.stdout.write(output);
  // Its folder made first, as export and history make theirs; a failure is one line in words.
  else if (!(await writeReport(io, cmd.out, output))) return 2;
  return hasChanges(result) ? 1 : 0;
}
