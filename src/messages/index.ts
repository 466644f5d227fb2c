/**
 * What the CLI says to a person, in Chinese (the default) and in English (`--lang en`, or a locale
 * `LC_ALL`/`LC_MESSAGES`/`LANG` of `en…`): one typed catalogue, each id with both sentences written
 * whole (a Chinese sentence is never English pieces put together). A test walks every id in both
 * languages. The words for the schema's machine values are in `labels.ts`.
 */
import type { Language } from './labels.js';
import { extensionsShown, INPUT_FORMATS } from '../load/extensions.js';

export type { Language } from './labels.js';

interface Message<P extends readonly unknown[]> {
  readonly zh: (...params: P) => string;
  readonly en: (...params: P) => string;
}
const m = <P extends readonly unknown[]>(zh: (...params: P) => string, en: (...params: P) => string): Message<P> => ({ zh, en });

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
const got = (v: string | null): string => (v === null ? 'nothing' : `'${v}'`);
const gotZh = (v: string | null): string => (v === null ? '未给出' : `收到'${v}'`);

const HELP_MAIN_ZH = `用法：guideline <命令> [选项]

命令：
  ingest [文件…]          读入申报指南（.txt、.pdf、.html、.docx、.doc 等；- 为标准输入），写出经校验的 JSON、Markdown 和 HTML 页面
  diff <原版本> <新版本>  比较同一指南的两个版本
  export <文件|文件夹…>   把多份指南的全部方向导出为一个表格（CSV 或 XLSX）
  history <文件|文件夹…>  同一指南的历次版本并排：各年度、批次、征求意见稿和正式稿中的方向，
                          及其数字和变化
  schema                  写出由 zod 模式生成的 JSON Schema

'guideline <命令> --help' 列出该命令的选项。全局选项：--lang zh|en（界面语言，默认中文；
环境变量 LC_ALL、LC_MESSAGES 或 LANG 为 en… 时为英文）。
退出码：0 成功，1 有文件失败（diff：有变化），2 用法错误。`;

const HELP_MAIN_EN = `Usage: guideline <command> [options]

Commands:
  ingest [file…]          ingest guideline sources (.txt, .pdf, .html, .docx, .doc, …; - for standard input) into validated JSON + Markdown + an HTML page
  diff <old> <new>        compare two versions of a guideline
  export <file|dir…>      one spreadsheet (CSV or XLSX) of all directions of many guidelines
  history <file|dir…>     the versions of a guideline side by side: directions across years,
                          batches, drafts and finals, with their figures and changes
  schema                  write the JSON Schemas generated from the zod schemas

Run 'guideline <command> --help' for the options of a command. Global option: --lang zh|en (the
language of messages; Chinese by default, English where LC_ALL, LC_MESSAGES or LANG is en…).
Exit codes: 0 success, 1 a document failed (diff: something changed), 2 usage error.`;

/** The sources a folder is searched for and the formats `--format` takes, from the tables that decide them (never a list of their own that drifts). */
const SOURCES_ZH = extensionsShown(false).join('、');
const SOURCES_EN = `${extensionsShown(false).slice(0, -1).join(', ')} and ${extensionsShown(false).at(-1)}`;
const FORMATS_ZH = `${INPUT_FORMATS.slice(0, -1).join('、')} 或 ${INPUT_FORMATS.at(-1)}`;
const FORMATS_EN = `${INPUT_FORMATS.slice(0, -1).join(', ')} or ${INPUT_FORMATS.at(-1)}`;

const HELP_INGEST_ZH = `用法：guideline ingest [文件…] [选项]

不给文件时，读入 corpus/ 下（含子文件夹）的每个源文件：${SOURCES_ZH}。
文件名为 - 时读标准输入（cat notice.html | guideline ingest - -o out）。

选项：
  --out 文件夹, -o    输出文件夹（默认：extracted）
  --force             源文件和抽取规则版本都未变的文件也重新读入
  --prune             删除源文件已不在的输出（默认：只报告）
  --json              在标准输出打印一份机器可读的汇总（含每条警告）
  --strict            任一文件有警告即以 1 退出
  --verbose           列出每个文件的每条警告，以及 pdf.js 对损坏 PDF 的原话
  --quiet             只打印失败（默认：失败；在终端上还列出每个文件的前几条警告；
                      多个文件或在终端上时打印汇总行）
  --concurrency N     同时处理的文件数（默认：可用的并行数）
  -j, --jobs N        （同 --concurrency）
  --workers N         每个文件都在 N 个工作线程上处理；0：全在主线程
                      （默认：PDF 在一个工作线程上，卡住的 PDF 挡不住它；文本在主线程）
  --worker-memory-mb N  每个工作线程可用的内存（JS 堆），MB；需要更多的文件失败（默认：2048）
  --max-bytes N       接受的最大源文件，字节（默认：52428800 = 50 MiB）
  --timeout-ms N      每个 PDF 的时限，毫秒（默认：30000；每页 OCR 再加三分之一）
  --ocr 模式          auto：没有文字层的 PDF 页用 OCR 识别（默认）；force：每页都用 OCR；
                      off：不用（没有文字层的 PDF 失败）
  --ocr-max-pages N   一个 PDF 最多 OCR 的页数；超过即失败（默认：50）
  --format 格式       按 ${FORMATS_ZH} 读入（默认：看文件开头的字节；.wps 按 doc）
  --id 名称           所给唯一文档的输出名（默认：取自文件名；标准输入为 stdin）
  --lang zh|en        界面语言
  -h, --help          显示本帮助

退出码：0 全部写出或跳过，1 有文件失败（或 --strict 且有警告），2 用法错误或输出无法写入。`;

const HELP_INGEST_EN = `Usage: guideline ingest [file…] [options]

Without files, ingests every source under corpus/ (subfolders included): ${SOURCES_EN}. A file named - is standard input (cat notice.html | guideline ingest - -o out).

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
  --worker-memory-mb N  memory (JS heap) each worker thread may use, in MB; a document that needs
                      more fails (default: 2048)
  --max-bytes N       largest source accepted, in bytes (default: 52428800 = 50 MiB)
  --timeout-ms N      time limit per PDF, in milliseconds (default: 30000; a third more for each
                      page read by OCR)
  --ocr MODE          auto: read PDF pages without a text layer by OCR (default); force: every
                      page; off: none (a PDF without a text layer fails)
  --ocr-max-pages N   most pages of one PDF read by OCR; a PDF with more fails (default: 50)
  --format F          read the inputs as ${FORMATS_EN} (default:
                      from their first bytes; .wps files are doc)
  --id ID             the output name of the one document given (default: from its file name;
                      stdin for standard input)
  --lang zh|en        the language of messages
  -h, --help          show this help

Exit codes: 0 all written or skipped, 1 a document failed (or --strict and warnings), 2 usage error
or an output that cannot be written.`;

const HELP_SCHEMA_ZH = `用法：guideline schema [--out 文件夹] [--quiet]

写出由 zod 模式生成的 guideline.schema.json（以及 diff.schema.json、history.schema.json）。

选项：
  --out 文件夹   输出文件夹（默认：schemas）
  --quiet        成功时不打印任何内容`;

const HELP_SCHEMA_EN = `Usage: guideline schema [--out DIR] [--quiet]

Writes guideline.schema.json (and diff.schema.json, history.schema.json) generated from the zod schemas.

Options:
  --out DIR    output folder (default: schemas)
  --quiet      print nothing on success`;

/** The options of every command that reads sources (one parser: `SourceFlags` in src/cli/args.ts). */
const SOURCE_OPTIONS_ZH = `  -j, --jobs N        同时读入的文件数（同 --concurrency；默认：可用的并行数）
  --timeout-ms N      每个 PDF 的时限，毫秒（默认：30000；每页 OCR 再加三分之一）
  --ocr 模式          auto：没有文字层的 PDF 页用 OCR 识别（默认）；force：每页都用 OCR；
                      off：不用（没有文字层的 PDF 失败）
  --ocr-max-pages N   一个 PDF 最多 OCR 的页数；超过即失败（默认：50）
  --max-bytes N       接受的最大源文件，字节（默认：52428800 = 50 MiB）`;

const SOURCE_OPTIONS_EN = `  -j, --jobs N        documents read at once (same as --concurrency; default: available parallelism)
  --timeout-ms N      time limit per PDF, in milliseconds (default: 30000; a third more for each
                      page read by OCR)
  --ocr MODE          auto: read PDF pages without a text layer by OCR (default); force: every
                      page; off: none (a PDF without a text layer fails)
  --ocr-max-pages N   most pages of one PDF read by OCR; a PDF with more fails (default: 50)
  --max-bytes N       largest source accepted, in bytes (default: 52428800 = 50 MiB)`;

const HELP_DIFF_ZH = `用法：guideline diff <原版本> <新版本> [--format json|md|html] [--out 文件] [读入选项]

两边各是一个源文件（.txt、.pdf、.html、.docx、.doc 等：当场读入）或一个已抽取的 JSON 文件。
不给 --format 且输出到终端时，打印一份简短的摘要。

选项：
  --format 格式       json（默认）、md 或 html
  --out 文件          把报告写入文件，而不是标准输出
${SOURCE_OPTIONS_ZH}

退出码：0 没有变化，1 有变化，2 出错。`;

const HELP_DIFF_EN = `Usage: guideline diff <old> <new> [--format json|md|html] [--out FILE] [source options]

Each side is a source (.txt, .pdf, .html, .docx, .doc, …: ingested on the fly) or an extracted JSON file.
Without --format, on a terminal: a short summary.

Options:
  --format F          json (default), md or html
  --out FILE          write the report to FILE instead of stdout
${SOURCE_OPTIONS_EN}

Exit codes: 0 no change, 1 something changed, 2 error.`;

const HELP_EXPORT_ZH = `用法：guideline export <文件|文件夹…> --out 文件 [--format csv|xlsx] [--columns zh|en] [读入选项]

每份文件的每个方向一行。输入：源文件（.txt、.pdf、.html、.docx、.doc 等：当场读入）、已抽取的 JSON 文件，或装有它们的
文件夹（其中及其下的每个源文件和 .json，排序后读入）。

选项：
  --out 文件      要写的文件（必填）
  --format 格式   csv 或 xlsx（默认：按 --out 的扩展名）
  --columns 语言  zh：中文表头和中文取值（默认）；en：列名键和机器取值（供脚本使用）
${SOURCE_OPTIONS_ZH}

CSV：UTF-8 带 BOM，RFC 4180，各方向。XLSX：一张方向表和一张检查表。
退出码：0 已写出，1 有输入失败（导出含其余输入）或一个都读不了，2 用法错误。`;

const HELP_EXPORT_EN = `Usage: guideline export <file|dir…> --out FILE [--format csv|xlsx] [--columns zh|en] [source options]

One row per direction per document. Inputs: sources (.txt, .pdf, .html, .docx, .doc, …: ingested on the fly), extracted
JSON files, or folders of either (every source and .json in them and below, sorted).

Options:
  --out FILE      the file to write (required)
  --format F      csv or xlsx (default: from the extension of --out)
  --columns L     zh: Chinese headers and values (default); en: the column keys and machine values
${SOURCE_OPTIONS_EN}

CSV: UTF-8 with BOM, RFC 4180, the directions. XLSX: a sheet of directions and a sheet of checks.
Exit codes: 0 written, 1 an input failed (the export has the others) or none could be read, 2 usage error.`;

const HELP_HISTORY_ZH = `用法：guideline history <文件|文件夹…> [--format json|md|html|csv|xlsx] [--out 文件]… [--as-given] [读入选项]

同一指南的历次版本（年度、批次、征求意见稿和正式稿）并排：各版本的方向按内容对齐（合作方、
标题、合作协议，不看编号），列出每个版本中的数字及与上一版本相比的变化。输入：源文件（.txt、
.pdf、.html、.docx、.doc 等：当场读入）、已抽取的 JSON 文件，或装有它们的文件夹（其中及其下的每个源文件
和 .json）。

选项：
  --out 文件      写入文件而不是标准输出；可重复以同时写出几种格式，各按扩展名
                  （--out history.json --out history.html）
  --format 格式   json（默认）、md、html、csv 或 xlsx（xlsx 须有 --out）；只能配一个 --out，
                  不给时按该文件的扩展名
  --as-given      保持输入的顺序（默认：按年度、批次、征求意见稿在正式稿前、文件名）；
                  顺序总会打印在标准错误上
${SOURCE_OPTIONS_ZH}

JSON：数据集（schemas/history.schema.json）。HTML：一个自包含的页面。CSV：每个版本的每个方向一行。
XLSX：同 CSV，另有一张各版本合计表。
退出码：0 已写出，1 有输入失败（历史含其余输入）或一个都读不了，2 用法错误或文件写不了。`;

const HELP_HISTORY_EN = `Usage: guideline history <file|dir…> [--format json|md|html|csv|xlsx] [--out FILE]… [--as-given] [source options]

The versions of a guideline (years, batches, drafts and finals) side by side: directions aligned
across all of them by content (partners, title, agreements; not by number), each with its figures in
every version and what changed from the version before. Inputs: sources (.txt, .pdf, .html, .docx, .doc, …: ingested on
the fly), extracted JSON files, or folders of either (every source and .json in them and below).

Options:
  --out FILE      write to FILE instead of stdout; repeat it for several renditions at once, each
                  in the format its extension names (--out history.json --out history.html)
  --format F      json (default), md, html, csv or xlsx (xlsx needs --out); with one --out only,
                  where it defaults to the format of the file's extension
  --as-given      keep the order of the inputs (default: by year, then batch, then draft before
                  final, then file name); the order is printed on stderr either way
${SOURCE_OPTIONS_EN}

JSON: the dataset (schemas/history.schema.json). HTML: one self-contained page. CSV: one row per
direction per version. XLSX: that, and a sheet of totals per version.
Exit codes: 0 written, 1 an input failed (the history has the others) or none could be read,
2 usage error or a file cannot be written.`;

export const MESSAGES = {
  // ---- help ----
  'help.main': m(
    () => HELP_MAIN_ZH,
    () => HELP_MAIN_EN,
  ),
  'help.ingest': m(
    () => HELP_INGEST_ZH,
    () => HELP_INGEST_EN,
  ),
  'help.schema': m(
    () => HELP_SCHEMA_ZH,
    () => HELP_SCHEMA_EN,
  ),
  'help.diff': m(
    () => HELP_DIFF_ZH,
    () => HELP_DIFF_EN,
  ),
  'help.export': m(
    () => HELP_EXPORT_ZH,
    () => HELP_EXPORT_EN,
  ),
  'help.history': m(
    () => HELP_HISTORY_ZH,
    () => HELP_HISTORY_EN,
  ),
  'usage.see-help': m(
    (command: string | null) => (command ? `用法见 'guideline ${command} --help'。` : "用法见 'guideline --help'。"),
    (command: string | null) => (command ? `Run 'guideline ${command} --help' for usage.` : "Run 'guideline --help' for usage."),
  ),

  // ---- usage errors ----
  'usage.no-command': m(
    () => '未给出命令（应为 ingest、diff、export、history 或 schema）',
    () => 'no command given (expected ingest, diff, export, history or schema)',
  ),
  'usage.unknown-command': m(
    (command: string) => `没有'${command}'这个命令（应为 ingest、diff、export、history 或 schema）`,
    (command: string) => `unknown command '${command}' (expected ingest, diff, export, history or schema)`,
  ),
  'usage.needs-value': m(
    (flag: string) => `${flag} 需要一个值`,
    (flag: string) => `${flag} expects a value`,
  ),
  'usage.unknown-option': m(
    (flag: string, command: string) => `'${command}' 没有 '${flag}' 这个选项`,
    (flag: string, command: string) => `unknown option '${flag}' for '${command}'`,
  ),
  'usage.positive-int': m(
    (flag: string, value: string | null) => `${flag} 需要一个不小于1的整数，${gotZh(value)}`,
    (flag: string, value: string | null) => `${flag} expects a whole number from 1 and up, got ${got(value)}`,
  ),
  'usage.whole-number': m(
    (flag: string, value: string | null) => `${flag} 需要一个不小于0的整数，${gotZh(value)}`,
    (flag: string, value: string | null) => `${flag} expects a whole number from 0 and up, got ${got(value)}`,
  ),
  'usage.verbose-quiet': m(
    () => '--verbose 和 --quiet 不能同时使用',
    () => '--verbose and --quiet exclude each other',
  ),
  'usage.choice': m(
    (flag: string, choices: string, value: string) => `${flag} 应为 ${choices} 之一，收到'${value}'`,
    (flag: string, choices: string, value: string) => `${flag} expects ${choices.replace(/、(?=[^、]*$)/, ' or ').replaceAll('、', ', ')}, got '${value}'`,
  ),
  'usage.schema-no-files': m(
    (file: string) => `'schema' 不接受文件，收到'${file}'`,
    (file: string) => `'schema' takes no files, got '${file}'`,
  ),
  'usage.diff-two-files': m(
    (n: number) => `'diff' 需要两个文件（原版本和新版本），收到${n}个`,
    (n: number) => `'diff' expects two files (old and new), got ${n}`,
  ),
  'usage.needs-input': m(
    (command: string) => `'${command}' 至少需要一个文件或文件夹`,
    (command: string) => `'${command}' expects at least one file or folder`,
  ),
  'usage.export-needs-out': m(
    () => "'export' 需要 --out 文件",
    () => "'export' needs --out FILE",
  ),
  'usage.export-format-none': m(
    (out: string) => `--format 应为 csv 或 xlsx（未给出，'${out}' 的扩展名也不是这两种）`,
    (out: string) => `--format expects csv or xlsx (none given, and '${out}' names neither)`,
  ),
  'usage.out-not-format': m(
    (out: string, format: string) => `--out '${out}' 不是 ${format} 文件名（--format ${format}）`,
    (out: string, format: string) => `--out '${out}' is not a ${format} file name (--format ${format})`,
  ),
  'usage.xlsx-needs-out': m(
    () => '--format xlsx 需要 --out 文件（工作簿不能写到终端上）',
    () => '--format xlsx needs --out FILE (a workbook is not written to the terminal)',
  ),
  'usage.format-one-out': m(
    () => '--format 只能配一个 --out；有几个时，各按其扩展名',
    () => '--format goes with one --out; with several, each takes the format of its extension',
  ),
  'usage.same-out-twice': m(
    () => '同一个 --out 给了两次',
    () => 'the same --out is given twice',
  ),
  'usage.out-no-format': m(
    (out: string) => `--out '${out}' 的扩展名不对应任何格式（.json、.md、.html、.csv 或 .xlsx）：请加 --format`,
    (out: string) => `--out '${out}' names no format (.json, .md, .html, .csv or .xlsx): add --format`,
  ),

  // ---- summaries and progress ----
  'schema.wrote': m(
    (n: number, dir: string) => `已写出${n}个模式文件到 ${dir}`,
    (n: number, dir: string) => `wrote ${n} schemas to ${dir}`,
  ),
  'ingest.summary': m(
    (s: IngestCounts) =>
      `${s.interrupted ? '已中断：' : ''}${s.documents}个文件：写出${s.written}个，跳过${s.skipped}个，失败${s.failed}个；警告${s.warnings}条${s.stale ? `；${s.stale}个输出的源文件已不在${s.pruned === false ? '' : s.pruned === true || s.pruned === s.stale ? '（已删除）' : `（删除${s.pruned}个）`}` : ''}`,
    (s: IngestCounts) =>
      `${s.interrupted ? 'interrupted: ' : ''}${plural(s.documents, 'document')}: ${s.written} written, ${s.skipped} skipped, ${s.failed} failed; ${plural(s.warnings, 'warning')}${s.stale ? `; ${plural(s.stale, 'stale output')}${s.pruned === false ? '' : s.pruned === true || s.pruned === s.stale ? ' pruned' : `, ${s.pruned} pruned`}` : ''}`,
  ),
  'ingest.stale': m(
    (output: string, corpus: string, pruned: boolean | string) =>
      `${output}：其源文件已不在 ${corpus}/ 中（${pruned === true ? '已删除' : pruned === false ? '已保留；--prune 可删除' : `未能删除：${pruned}`}）`,
    (output: string, corpus: string, pruned: boolean | string) =>
      `${output}: its source is gone from ${corpus}/ (${pruned === true ? 'removed' : pruned === false ? 'kept; --prune removes it' : `not removed: ${pruned}`})`,
  ),
  'ingest.parts': m(
    (path: string, ids: readonly string[]) => `${path}：含${ids.length}份前后相接的指南，分别写为 ${ids.map((i) => `${i}.json`).join('、')}`,
    (path: string, ids: readonly string[]) => `${path}: holds ${ids.length} guidelines one after another: written as ${ids.map((i) => `${i}.json`).join(', ')}`,
  ),
  'ingest.rendition': m(
    (path: string, of: string, id: string) => `${path}：与 ${of} 同名同文件夹，是同一文件的另一版本，其输出为 ${id}.json`,
    (path: string, of: string, id: string) => `${path}: another rendition of ${of} (same name, same folder): its output is ${id}.json`,
  ),
  'ingest.removed-outputs': m(
    (output: string, path: string) => `${output}.json、.md、.html：已删除（由 ${path} 的早先版本生成，该文件现已无法读入）`,
    (output: string, path: string) => `${output}.json, .md, .html: removed (made from an earlier version of ${path}, which now fails)`,
  ),
  'ingest.warnings': m(
    (path: string, n: number) => `${path}：${n}项警告`,
    (path: string, n: number) => `${path}: ${plural(n, 'warning')}`,
  ),
  'ingest.more-warnings': m(
    (n: number) => `…另有${n}项（--verbose 列出全部）`,
    (n: number) => `… ${n} more (--verbose lists them all)`,
  ),
  'ingest.progress-ocr': m(
    (page: number, pages: number) => `OCR 第${page}/${pages}页`,
    (page: number, pages: number) => `OCR page ${page}/${pages}`,
  ),
  'export.done': m(
    (s: ExportCounts) =>
      `已导出${s.documents}份文件的${s.directions}个方向${s.checks === null ? '' : `和${s.checks}条检查`}到 ${s.out}${s.failed > 0 ? `；${s.failed}个输入失败（见上），不在其中` : ''}`,
    (s: ExportCounts) =>
      `exported ${plural(s.directions, 'direction')}${s.checks === null ? '' : ` and ${plural(s.checks, 'check')}`} of ${plural(s.documents, 'document')} to ${s.out}${s.failed > 0 ? `; ${plural(s.failed, 'input')} failed (see above) and ${s.failed === 1 ? 'is' : 'are'} not in it` : ''}`,
  ),
  'report.interrupted': m(
    (target: string) => `已中断：未写出 ${target}`,
    (target: string) => `interrupted: ${target} not written`,
  ),
  'export.nothing': m(
    (out: string) => `没有可导出的内容：一个输入都读不了（未写出 ${out}）`,
    (out: string) => `nothing to export: no input could be read (${out} not written)`,
  ),
  'history.nothing': m(
    (target: string) => `没有历史：一个输入都读不了（未写出 ${target}）`,
    (target: string) => `no history: no input could be read (${target} not written)`,
  ),
  'history.order': m(
    (sorted: boolean) => `顺序（${sorted ? '年度、批次、征求意见稿在前、文件名；--as-given 保持给定的顺序' : '按给定的顺序'}）：`,
    (sorted: boolean) => `order (${sorted ? 'year, batch, draft before final, file name; --as-given keeps the order given' : 'as given'}):`,
  ),
  'history.done': m(
    (s: HistoryCounts) =>
      `${s.documents}个版本、${s.lines}个方向的历史${s.target ? ` → ${s.target}` : ''}${s.failed > 0 ? `；${s.failed}个输入失败（见上），不在其中` : ''}`,
    (s: HistoryCounts) =>
      `history of ${plural(s.documents, 'document')}, ${plural(s.lines, 'line')} of directions${s.target ? ` → ${s.target}` : ''}${s.failed > 0 ? `; ${plural(s.failed, 'input')} failed (see above) and ${s.failed === 1 ? 'is' : 'are'} not in it` : ''}`,
  ),
  // ---- failures ----
  'fail.line': m(
    (path: string, reason: string) => `${path}：${reason}`,
    (path: string, reason: string) => `${path}: ${reason}`,
  ),
  'fail.internal': m(
    (message: string) => `内部错误（${message}）：这是本工具的缺陷，请报告`,
    (message: string) => `internal error: ${message} (a bug in this tool: please report it)`,
  ),
  'ingest.corpus-unreadable': m(
    (dir: string) => `${dir}/：读不了语料文件夹`,
    (dir: string) => `${dir}/: cannot read the corpus folder`,
  ),
  'ingest.id-folder': m(
    (path: string, n: number) => `${path}：--id 只能为一份文档命名，而这个文件夹里有${n}份`,
    (path: string, n: number) => `${path}: --id names one document, and this folder holds ${n}`,
  ),
  'ingest.out-unmakeable': m(
    (out: string, why: string) => `${out}：建不了输出文件夹：${why}`,
    (out: string, why: string) => `${out}: cannot create the output folder: ${why}`,
  ),
  'ingest.strict': m(
    (warnings: number, files: readonly string[], verbose: boolean) =>
      `--strict：${files.length}个文件共有${warnings}项警告（${files.slice(0, 3).join('、')}${files.length > 3 ? '等' : ''}），因此以 1 退出${verbose ? '' : '；--verbose 列出全部'}`,
    (warnings: number, files: readonly string[], verbose: boolean) =>
      `--strict: ${plural(warnings, 'warning')} in ${plural(files.length, 'file')} (${files.slice(0, 3).join(', ')}${files.length > 3 ? ', …' : ''}), so exit 1${verbose ? '' : ' (--verbose lists them)'}`,
  ),
  'interrupt.notice': m(
    () => '正在停止：处理完当前文档后停止（再按一次 Ctrl-C 立即停止）',
    () => 'stopping after the current document (Ctrl-C again stops at once)',
  ),
  'schema.unwritable': m(
    (out: string, why: string) => `${out}：模式文件写不了：${why}`,
    (out: string, why: string) => `${out}: cannot write the schemas: ${why}`,
  ),
  'usage.stdin-once': m(
    () => '标准输入（-）只能读取一次',
    () => 'standard input (-) can be read once',
  ),
  'usage.id-one-file': m(
    () => '--id 只能为一份文档命名：请只给出一个文件（或用 - 表示标准输入）',
    () => '--id names one document: give one file (or - for standard input)',
  ),
  'diff.full-report': m(
    () => '完整报告：--format json|md|html',
    () => '--format json|md|html for the full report',
  ),
} as const;

export interface IngestCounts {
  readonly interrupted: boolean;
  readonly documents: number;
  readonly written: number;
  readonly skipped: number;
  readonly failed: number;
  readonly warnings: number;
  readonly stale: number;
  readonly pruned: boolean | number;
}

export interface ExportCounts {
  readonly directions: number;
  /** null for a CSV (the checks are not in it). */
  readonly checks: number | null;
  readonly documents: number;
  readonly out: string;
  readonly failed: number;
}

export interface HistoryCounts {
  readonly documents: number;
  readonly lines: number;
  /** Where it was written; null on stdout. */
  readonly target: string | null;
  readonly failed: number;
}

export type MessageId = keyof typeof MESSAGES;
export type MessageParams<K extends MessageId> = Parameters<(typeof MESSAGES)[K]['zh']>;

/** The message `id` in `language`. */
export function t<K extends MessageId>(language: Language, id: K, ...params: MessageParams<K>): string {
  const entry = MESSAGES[id] as unknown as Message<MessageParams<K>>;
  return entry[language](...params);
}

/**
 * The language of messages: `--lang` if given, else English where the locale (`LC_ALL`, then
 * `LC_MESSAGES`, then `LANG`, the first one set) is `en…`, else Chinese.
 */
export function languageOf(flag: string | null, env: Readonly<Record<string, string | undefined>>): Language {
  if (flag === 'en' || flag === 'zh') return flag;
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== '') ?? '';
  return /^en\b|^en_/i.test(locale) ? 'en' : 'zh';
}
