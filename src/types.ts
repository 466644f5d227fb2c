/**
 * Types shared by the stages. Stages exchange these values and nothing else: no stage keeps state
 * between calls, and no stage other than `load` and `cli` touches the file system.
 *
 * Position conventions, used everywhere in this code base and stated in the JSON Schema:
 * - `line` and `pageLine` are 1-based;
 * - `start` / `end` are 0-based UTF-16 code-unit offsets into `Source.text` (the loaded text:
 *   the decoded file for text input, BOM removed, line ends as in the file; the rebuilt text for
 *   PDF input), `end` exclusive, so `source.text.slice(start, end)` is the raw text of a span;
 * - `page` is 1-based (see `Source.pageOfLine`).
 */
import { sayReason, type ReasonRef } from './messages/reasons.js';

/** Input formats the loader understands. */
export type SourceFormat = 'text' | 'pdf' | 'html' | 'docx' | 'doc' | 'rtf' | 'odt' | 'ods' | 'odp' | 'xlsx' | 'xls' | 'ofd' | 'csv' | 'pptx' | 'epub' | 'image' | 'xps' | 'uof' | 'word-boxes' | 'ppt' | 'msg' | 'xmind';

/** A piece of text that a stage removed or replaced, logged in the output (`removed`). */
export interface Removal {
  /** What kind of artefact this was. */
  readonly kind: RemovalKind;
  /** The removed (or replaced) text, exactly as it was in the loaded text or PDF. */
  readonly text: string;
  /** For replacements: what the text became. */
  readonly replacement?: string;
  /** 1-based line in `Source.text`, or null when the text never reached it (PDF layout noise). */
  readonly line: number | null;
  /** 0-based offsets into `Source.text`, or null when the text never reached it. */
  readonly start: number | null;
  readonly end: number | null;
  /** 1-based page, when known. */
  readonly page: number | null;
  /** HTML and Word input: the 1-based block (see `Source.blockOfLine`) the text was in or next to, when known. */
  readonly block?: number;
}

export type RemovalKind =
  | 'page-number'
  | 'page-start-indent'
  | 'url-artefact'
  | 'running-header'
  | 'running-footer'
  | 'doubled-glyph'
  | 'outside-page'
  | 'lookalike-glyph'
  | 'halfwidth-punct'
  | 'layout-gap'
  | 'fullwidth-alnum'
  | 'cjk-space'
  | 'indent'
  | 'control-character'
  | 'trailing-space'
  | 'ocr-misread'
  /** Pipes, `| --- |` rules and `—` (none) cells of a table read as rows × cells. */
  | 'table-layout'
  /** A table's header row repeated after a page break. */
  | 'table-header'
  /** A page number inside a line (`交通基础- 3 -设施运维`), left by copying a PDF into a database. */
  | 'inline-page-number'
  /** A footnote: at the foot of a page (`① 联委会为…的简称。`, called by a circled number), or Word's. */
  | 'footnote'
  | 'web-chrome'
  | 'duplicate-attachment'
  | 'hidden-text'
  /** Markdown marks of a Markdown export: `###`, `- ` bullets, `**` around bold text. */
  | 'markup'
  /** A run of characters of a text in traditional script, read as simplified (values keep the printed characters). */
  | 'traditional-script'
  /** The lines of a table of contents (目录): its heading, entries with leader dots and a page number. */
  | 'table-of-contents'
  /** A line of English translating the line of Chinese before it, in a bilingual text. */
  | 'translation'
  /** The quote marks of a forwarded e-mail (`> `) and the headers of the e-mails around a guideline. */
  | 'email'
  /** The pages of a PDF whose guideline is a file attached to it (a notice forwarding it), where the attachment is read. */
  | 'cover-note'
  | 'archive-member'
  | 'page-order'
  /** A note in a PDF page's margin beside the text, smaller than it (a 批注版's 旁注): no part of the guideline. */
  | 'margin-note'
  /** The prompt an empty field of a Word form shows (`单击或点击此处输入文字。`). */
  | 'form-prompt'
  /** The fields a policy database prints above a document it holds (索引号, 发文字号, 【发布部门】…), its 正文： line and disclaimer. */
  | 'record-header'
  /** Text a PDF draws aslant across its pages (a watermark: `征求意见稿 请勿外传`). */
  | 'watermark'
  /** A line that repeats the line before it word for word (a copy's artefact at a page's edge). */
  | 'duplicate-line'
  | 'figure-caption'
  /** A line number a draft prints in its margin. */
  | 'line-number'
  /** A tracked change shown inline: a deletion's text (`[删除：…]`) and the marks around an insertion (`[插入：` … `]`). */
  | 'revision'
  /** A chat app's frame around a guideline pasted into a group: senders and times, others' messages. */
  | 'chat';

/**
 * A loaded document: what `load` gives the pipeline. The pure stages never see the file system,
 * only this.
 */
export interface Source {
  /** Path as given to the loader (posix separators), used in messages and `document.source.path`. */
  readonly path: string;
  /** Sanitised document id: the output file name stem. */
  readonly id: string;
  readonly format: SourceFormat;
  /** Encoding the text was decoded from (`utf-8`, `utf-16le`, `gb18030`, …); `pdf` for PDF. */
  readonly encoding: string;
  /** Hex sha256 of the source bytes. */
  readonly sha256: string;
  /** Size of the source in bytes. */
  readonly bytes: number;
  /** The loaded text. All offsets in the output point into it. */
  readonly text: string;
  /**
   * Page of each line of `text` (index = line - 1), when the loader knows it (PDF). When absent,
   * `clean` infers pages from page-start artefacts, page numbers and form feeds.
   */
  readonly pageOfLine?: readonly number[];
  /** 1-based line on its page for each line of `text` (index = line - 1), when the loader knows it. */
  readonly pageLineOfLine?: readonly number[];
  /**
   * PDF input: whether each line of `text` (index = line - 1) reaches the right edge of its column
   * (a page of columns, cards side by side): wrapped there, its paragraph going on, however short
   * against the document's other lines. Absent where no line stands in a column.
   */
  readonly wrappedLine?: readonly boolean[];
  /** Number of pages, when the loader knows it. */
  readonly pages: number | null;
  /**
   * HTML and Word input: the 1-based block of each line of `text` (index = line - 1). A block is a
   * paragraph, heading, list item or table of the document, in document order; the lines of one
   * block (`<br>`, the rows of a table) share its number.
   */
  readonly blockOfLine?: readonly number[];
  /** HTML and Word input: for each line of `text` that is a table row, where it is; null for other lines. */
  readonly tableOfLine?: readonly (TableLine | null)[];
  /** HTML input: for each line of `text` that is a heading (`<h2>`), its level; null for other lines. Absent where the document marks none. */
  readonly headingOfLine?: readonly (number | null)[];
  /** HTML and Word input: the number of blocks (the last line's block) and of tables. */
  readonly blocks?: number;
  readonly tables?: number;
  /** What the loader removed before the text was built (PDF layout noise). */
  readonly removed: readonly Removal[];
  /** Which pages of a PDF were read by OCR, and how; absent when none was. */
  readonly ocr?: SourceOcr;
  /** With OCR off: the pages without a text layer that OCR would have read (they show a scan). */
  readonly pagesNotRead?: readonly number[];
  /**
   * With `ocr`: the OCR confidence (0–100) of each UTF-16 code unit of `text`, 255 where the text
   * did not come from OCR (text-layer pages, line breaks, indents the loader put in).
   */
  readonly ocrConfidence?: Uint8Array;
}

/** A line of `Source.text` that renders a table row as `| cell | cell |`. */
export interface TableLine {
  /** 1-based table in the document. */
  readonly table: number;
  /** 1-based row in the table. */
  readonly row: number;
  /** 0-based offset in the line of the first character of each cell's text, column by column. */
  readonly cellStarts: readonly number[];
}

/** How the pages of a scanned or partly scanned PDF were read. */
export interface SourceOcr {
  /** The OCR engine, its version and its model. */
  readonly engine: string;
  /**
   * `auto`: the pages without a text layer; `force`: every page; `file`: the input is another
   * engine's reading (hOCR, ALTO), its confidences the engine's own.
   */
  readonly mode: 'auto' | 'force' | 'file';
  /** The pages read by OCR, in order. */
  readonly pages: readonly OcrPageInfo[];
  /** Mean confidence (0–100) of the characters read, over all those pages. */
  readonly meanConfidence: number;
  /**
   * A value read by OCR is doubted (an `ocr-low-confidence` check) when one of its characters is
   * below these: `figure` for amounts, counts and periods, `text` for any other value.
   */
  readonly doubtBelow: OcrDoubt;
}

export interface OcrDoubt {
  readonly figure: number;
  readonly text: number;
}

export interface OcrPageInfo {
  /** 1-based physical page. */
  readonly page: number;
  /** Resolution the page was rendered at for OCR (for a word-box file: the scan's, where the file states it). */
  readonly dpi?: number;
  /** Mean confidence (0–100) of the characters read on the page. */
  readonly meanConfidence: number;
}

/** Where a value came from. See the position conventions at the top of this file. */
export interface Span {
  readonly start: number;
  readonly end: number;
  readonly line: number;
  readonly endLine: number;
  readonly page: number | null;
  readonly pageLine: number | null;
  /** Where the text was read by OCR: the mean confidence (0–100) of its characters that were. */
  readonly ocrConfidence?: number;
  /** Where the text was read by OCR: the lowest confidence (0–100) of its characters that were. */
  readonly ocrMinConfidence?: number;
  /** HTML and Word input: the 1-based block of `line` (see `Source.blockOfLine`). */
  readonly block?: number;
  /** HTML and Word input, in a table row: the 1-based table, row and column of `start`. */
  readonly table?: { readonly table: number; readonly row: number; readonly column: number };
}

/**
 * A recoverable problem with one document: becomes one line naming the file and the reason. `code`
 * is stable (a program branches on it); `reason` says why in words, in either language
 * (`say('zh')`); `message` is the English sentence. No message names a CLI flag.
 */
export class GuidelineError extends Error {
  override readonly name = 'GuidelineError';
  /** Why, as data (an id of the reason catalogue and its parameters). */
  readonly reason: ReasonRef;
  constructor(
    readonly code: GuidelineErrorCode,
    why: ReasonRef,
    /** The underlying library's own words (pdf.js's), for `--verbose` and `--json`; not for the line a person reads. */
    readonly detail: string | null = null,
  ) {
    super(sayReason(why, 'en'));
    this.reason = why;
  }

  /** The reason in `language` (Chinese or English). */
  say(language: 'zh' | 'en'): string {
    return sayReason(this.reason, language);
  }
}

export type GuidelineErrorCode =
  | 'empty'
  | 'binary'
  | 'encoding'
  | 'too-large'
  | 'not-a-guideline'
  | 'not-a-pdf'
  | 'unsupported-format'
  | 'docx-corrupt'
  | 'odt-corrupt'
  | 'xlsx-corrupt'
  | 'xls-corrupt'
  | 'ofd-corrupt'
  | 'pptx-corrupt'
  | 'doc-unreadable'
  | 'pdf-encrypted'
  | 'pdf-no-text'
  | 'pdf-annotations-only'
  | 'pdf-corrupt'
  | 'ocr-unavailable'
  | 'ocr-failed'
  | 'ocr-too-many-pages'
  | 'ocr-unreadable'
  | 'timeout'
  /** A worker thread reached its memory limit reading the document. */
  | 'out-of-memory'
  | 'unreadable'
  | 'unwritable'
  | 'invalid-output'
  | 'id-collision'
  /** A text holding several guidelines one after another. */
  | 'several-guidelines';
