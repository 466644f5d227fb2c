/** Public API: re-exports only. */
export { loadBytes, loadFile, decodeText, documentId, sniffFormat, INPUT_FORMATS } from './load/index.js';
export { assignIds } from './load/id.js';
export type { AssignedId } from './load/id.js';
export { useSynchronousInflate } from './load/pdfjs.js';
export type { LoadOptions, OcrMode, OcrProgress, InputFormat } from './load/index.js';
export { closeOcr } from './load/ocr.js';
export { clean, renderCleaned } from './clean/index.js';
export { reflow } from './reflow/index.js';
export { segment } from './segment/index.js';
export { extract } from './extract/index.js';
export { validate } from './validate/index.js';
export { toJson, toMarkdown, toMdast } from './report/index.js';
export { toHtmlPage } from './report/html.js';
export type { HtmlOptions } from './report/html.js';
export { processSource, processSources, render, ingestAll } from './pipeline.js';
export type { BatchOptions, Rendered } from './pipeline.js';
export { splitGuidelines } from './load/split.js';
export { diff, hasChanges } from './diff/index.js';
export { diffToMarkdown, diffToHtml, diffSummary } from './diff/report.js';
export { history, orderDocuments, cellState } from './history/index.js';
export type { CellState, HistoryOptions } from './history/index.js';
export { historyToMarkdown, historyToHtml } from './history/report.js';
export { historyTables } from './history/table.js';
export type { HistoryTables } from './history/table.js';
// The export: guidelines → flat tables → CSV or XLSX bytes (what `guideline export` writes).
export { exportTables, header, toCsv, toXlsx } from './export/index.js';
export type { CellValue, Column, ExportTables, HeaderLanguage, Table } from './export/index.js';
export type { CsvOptions } from './export/csv.js';
export type { XlsxOptions } from './export/xlsx.js';
// The words a person reads for the schema's machine values (`draft` → 征求意见稿).
export { label, LABELS } from './messages/labels.js';
export type { Language, LabelKind } from './messages/labels.js';
export { GuidelineHistory, HISTORY_SCHEMA_VERSION } from './schema/history.js';
export type { HistoryCell, HistoryDocument, HistoryLine, HistoryTotals } from './schema/history.js';
export { GuidelineDiff, DIFF_SCHEMA_VERSION } from './schema/diff.js';
export type { Change, CheckRef, DirectionDiff, Side, TextOp } from './schema/diff.js';
export { Guideline, SCHEMA_VERSION } from './schema/guideline.js';
// Every record of the output, by name (the zod schemas are the source: `Guideline.shape.…`).
export type {
  Agreement,
  Check,
  Conditions,
  Direction,
  Domain,
  Duration,
  Evidence,
  Flag,
  Flags,
  Funding,
  Item,
  OtherText,
  Partner,
  PerProjectCap,
  ProjectCount,
  Qualifier,
  Removed,
  Requirement,
  SectionOut,
  Summary,
  TextBlock,
} from './schema/guideline.js';
export { guidelineJsonSchema } from './schema/json.js';
export { GuidelineError } from './types.js';
export type { GuidelineErrorCode, Source, Span, Removal } from './types.js';
// Why a document failed, in Chinese or English (`error.say('zh')`), from the reason an error carries.
export { REASONS, sayReason } from './messages/reasons.js';
export type { ReasonId, ReasonRef } from './messages/reasons.js';
export { PIPELINE_VERSION } from './version.js';
