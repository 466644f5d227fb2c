/**
 * The output contract: `extracted/<id>.json`. Types come from these schemas (`z.infer`) and
 * `schemas/guideline.schema.json` is generated from them (`guideline schema`). Field names are
 * relied on by other tools: add, never rename.
 */
import { z } from 'zod';

import { SCHEMA_VERSION } from './version.js';

export { SCHEMA_VERSION };

export const Span = z
  .object({
    start: z.number().int().min(0).describe('0-based UTF-16 code-unit offset into the loaded text where the value starts'),
    end: z.number().int().min(0).describe('0-based offset, exclusive: loadedText.slice(start, end) is the raw text'),
    line: z.number().int().min(1).describe('1-based line of `start` in the loaded text'),
    endLine: z.number().int().min(1).describe('1-based line of the last character'),
    page: z.number().int().min(1).nullable().describe('1-based page; for PDF the physical page, for text the printed page number when the document prints them, else counted from 1; null when unknown'),
    pageLine: z.number().int().min(1).nullable().describe('1-based line on that page (PDF input), else null'),
    // Added in 1.2.0.
    ocrConfidence: z
      .number()
      .min(0)
      .max(100)
      .optional()
      .describe('Only where the text was read by OCR (a scanned page): the mean confidence, 0–100, of its characters that were; absent for text read from a file or a PDF text layer'),
    // Added in 1.4.0.
    ocrMinConfidence: z
      .number()
      .int()
      .min(0)
      .max(100)
      .optional()
      .describe('Only where the text was read by OCR: the lowest confidence, 0–100, of its characters that were (each character\'s probability from the recogniser, × 100); a figure or any other value below `source.ocr.doubtBelow` (90 and 80 for this tool’s recogniser) has an `ocr-low-confidence` check (added in 1.4.0)'),
    // Added in 1.3.0.
    block: z
      .number()
      .int()
      .min(1)
      .optional()
      .describe('HTML and Word input (where `page` is null): the 1-based block of `line` in the document — paragraphs, headings, list items and tables counted in document order, a table one block; absent for text and PDF (added in 1.3.0)'),
    table: z
      .object({
        table: z.number().int().min(1).describe('1-based table in the document'),
        row: z.number().int().min(1).describe('1-based row of the table'),
        column: z.number().int().min(1).describe('1-based column of the cell where the value starts (a merged cell counts once for each column it covers)'),
      })
      .optional()
      .describe('HTML and Word input, where the value is in a table (rendered as a `| cell | cell |` line): its table, row and column (added in 1.3.0)'),
  })
  .describe('Where a value came from. The loaded text is the decoded file (BOM removed, line ends kept) or, for PDF, the text rebuilt from the PDF.')
  .meta({ id: 'Span' });
export type Span = z.infer<typeof Span>;

export const Qualifier = z
  .enum(['exact', 'about', 'atMost', 'atLeast'])
  .describe('exact; about (左右/约); atMost (不超过/以内/最多); atLeast (以上/不少于/至少)')
  .meta({ id: 'Qualifier' });
export type Qualifier = z.infer<typeof Qualifier>;

export const Hedge = z.enum(['inPrinciple', 'usually']).nullable().describe('原则上 → inPrinciple; 一般 → usually');

export const ProjectCount = z.object({
  value: z.number().int().min(0).describe('The number stated; for a range (`1～2项`) its upper end'),
  qualifier: Qualifier,
  min: z.number().int().min(0).optional().describe('For a range (`1～2项`): its lower end'),
  text: z.string().describe('The stated value, normalised (e.g. `不超过15个`)'),
  span: Span,
  // Added in 1.2.0.
  inherited: z.boolean().default(false).describe('true when the direction states none and the figure stated once for all directions (in the text before them) applies; `span` is then that statement'),
});
export type ProjectCount = z.infer<typeof ProjectCount>;

export const Funding = z.object({
  amountCNY: z.number().int().min(0).describe('Whole yuan (万元 × 10^4, 亿元 × 10^8)'),
  qualifier: Qualifier,
  perProjectCapCNY: z.number().int().min(0).optional().describe('Cap per project when stated (每个项目不超过…)'),
  minCNY: z.number().int().min(0).optional().describe('For a range (`1000-1500万元`): its lower end; `amountCNY` is the upper (added in 1.2.0)'),
  text: z.string(),
  span: Span,
  perProjectCapSpan: Span.optional(),
  inherited: z.boolean().optional().describe('true when stated once for each direction of the group the direction stands in (`以下方向每个方向国拨经费均为1500万元`), not by the direction (added in 1.7.0)'),
});
export type Funding = z.infer<typeof Funding>;

export const PerProjectCap = z
  .object({
    amountCNY: z.number().int().min(0).describe('Whole yuan'),
    text: z.string().describe('The phrase that states it (`每个项目国拨经费不超过1500万元`)'),
    span: Span,
    inherited: z.boolean().default(false).describe('true when stated once for all directions before them (added in 1.2.0)'),
  })
  .describe('The most one project may receive, when the direction states it: with or without a total for the direction (key R&D programme guidelines state only this)');
export type PerProjectCap = z.infer<typeof PerProjectCap>;

export const Duration = z.object({
  minYears: z.number().min(0).nullable().describe('null when only an upper bound is stated'),
  maxYears: z.number().min(0).nullable().describe('null when only a lower bound is stated'),
  qualifier: Qualifier,
  hedge: Hedge,
  inherited: z.boolean().describe('true when the direction states no duration and the document default applies'),
  months: z.number().min(0).optional().describe('When the text counts months (`36个月`, `2024年7月至2027年6月`): the months; the years are derived (added in 1.2.0)'),
  text: z.string(),
  span: Span,
});
export type Duration = z.infer<typeof Duration>;

export interface Domain {
  label: string;
  detail: string | null;
  marker: string | null;
  span: Span;
  children: Domain[];
}
export const Domain: z.ZodType<Domain> = z.object({
  label: z.string().min(1),
  detail: z.string().nullable(),
  marker: z.string().nullable().describe('The printed list marker (`（1）`, `一、`), null for inline lists'),
  span: Span,
  get children() {
    return z.array(Domain);
  },
}).meta({ id: 'Domain' });

export const Requirement = z.object({
  label: z.string().nullable().describe('The printed list marker (`（1）`), null for an inline `其他要求：…` paragraph'),
  text: z.string().min(1),
  span: Span,
});
export type Requirement = z.infer<typeof Requirement>;

export const Evidence = z.object({ text: z.string(), span: Span });
export type Evidence = z.infer<typeof Evidence>;

export const Flag = z
  .object({
    value: z.boolean(),
    evidence: z.array(Evidence).describe('The phrases that set the flag, in order'),
  })
  .meta({ id: 'Flag' });
export type Flag = z.infer<typeof Flag>;

export const Flags = z.object({
  jointApplication: Flag.describe('Both sides must apply (单方申报无效 / 双方同时申报 / 分别向…申报 / 向各自…申报)'),
  matchingFunds: Flag.describe('Matching funds required (配套出资 / 匹配相应经费)'),
  ipAgreement: Flag.describe('An IP agreement or clause is required (知识产权协议 / 知识产权条款)'),
  companyRequired: Flag.describe('A company must take part or lead (至少包括一家企业 / 企业牵头 / 仅限…企业)'),
  placeholders: Flag.describe('Text still to be decided (待定)'),
});
export type Flags = z.infer<typeof Flags>;

export const TextBlock = z.object({ text: z.string().min(1), span: Span }).meta({ id: 'TextBlock' });
export type TextBlock = z.infer<typeof TextBlock>;

export const Item = z
  .object({
    marker: z.string().nullable().describe('The printed marker (`（1）`, `1)`, `①`), null for an unnumbered paragraph'),
    text: z.string().min(1),
    span: Span,
    // Added in 1.19.0.
    group: z.string().min(1).optional().describe('The sub-head the item is listed under where its field divides its items (`约束性指标`, `预期性指标`, `课题1（高功率密度电机）`), without its colon; absent where the field has none'),
  })
  .meta({ id: 'Item' });
export type Item = z.infer<typeof Item>;

export const OtherText = z
  .object({
    label: z.string().nullable().describe('The label as printed (`支持方式`, `联系人`), null for an unlabelled paragraph'),
    known: z.boolean().describe('true for a known label whose text is kept as it is (支持方式, 合作方式)'),
    text: z.string(),
    span: Span,
  })
  .meta({ id: 'OtherText' });
export type OtherText = z.infer<typeof OtherText>;

export const Agreement = z.object({ title: z.string().min(1).describe('The title inside 《》, line breaks removed'), span: Span });
export type Agreement = z.infer<typeof Agreement>;

export const Partner = z.object({
  name: z.string().min(1).describe('Canonical name (欧盟 for 欧洲联盟)'),
  text: z.string(),
  span: Span,
  recognised: z.boolean().default(true).describe('false for a name the tool does not know, read from the title’s own pattern (中国与X…项目); a `partner-unrecognised` check goes with it (added in 1.2.0)'),
});
export type Partner = z.infer<typeof Partner>;

export const MatchingRatio = z
  .object({
    other: z.number().min(0).describe('The other funds’ share (地方财政、单位出资、社会资金…)'),
    central: z.number().min(0).describe('The central funds’ share (中央财政经费/国拨经费)'),
    qualifier: Qualifier,
    text: z.string(),
    span: Span,
    // Added in 1.11.0: a 1.10.0 file (without it) still reads, as stated in the direction.
    inherited: z.boolean().default(false).describe('Stated once for the whole call (its 申报条件/揭榜条件/申报要求), not in the direction: `span` is the call’s sentence (added in 1.11.0)'),
  })
  .describe('其他经费与中央财政经费比例不低于1:1 → {other: 1, central: 1, qualifier: atLeast}');

export const LeadingEnterprise = Evidence.extend({
  inherited: z.boolean().default(false).describe('Stated once for the whole call (`揭榜主体须为企业…联合体须由企业牵头`), not in the direction: `span` is the call’s sentence (added in 1.11.0)'),
});

export const YoungScientistRules = z
  .object({
    maleBornOnOrAfter: z.string().regex(/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/).nullable().describe('ISO date: male applicants born on or after it'),
    femaleBornOnOrAfter: z.string().regex(/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/).nullable(),
    noSubtopics: z.boolean().describe('不设课题'),
    text: z.string(),
    span: Span,
  })
  .describe('The young-scientist rules a direction states (申报人男性应为1988年1月1日以后出生…，不设课题)');

export const Conditions = z
  .object({
    matchingRatio: MatchingRatio.nullable(),
    leadingEnterprise: LeadingEnterprise.nullable().describe('The phrase that requires a company to lead (由企业牵头申报); encouragement (鼓励企业牵头) is not a requirement'),
    youngScientist: YoungScientistRules.nullable(),
  })
  .describe('Figures and conditions read from the direction’s 有关说明/其他要求, beside its requirement items (added in 1.2.0)');
export type Conditions = z.infer<typeof Conditions>;

export const Direction = z.object({
  id: z.string().describe('The printed number, e.g. `1.1`, `2.0`'),
  ordinal: z.number().int().min(1).describe('1-based position among the directions'),
  title: z.string(),
  titleSpan: Span,
  partners: z.array(Partner),
  kind: z.string().nullable().describe('Project kind from the title (联合研究项目, 国家联合实验室项目, …)'),
  agreements: z.array(Agreement),
  domains: z.array(Domain),
  projectCount: ProjectCount.nullable(),
  funding: Funding.nullable(),
  // Added in schema 1.1.0: an extracted file of 1.0.0 (without it) still reads, as null.
  perProjectCap: PerProjectCap.nullable().default(null),
  duration: Duration.nullable(),
  requirements: z.array(Requirement),
  flags: Flags,
  // Added in 1.2.0: the key-programme fields, and the text no field took.
  category: z.string().nullable().default(null).describe('The category a title ends with, as printed: 基础研究类, 共性关键技术类, 应用示范类, 青年科学家项目, 部省联动, …; of several in one bracket (共性关键技术类，部省联动), the one that is a category'),
  researchContent: z.array(TextBlock).default([]).describe('研究内容: its paragraphs (list items keep their marker in the text)'),
  indicators: z.array(Item).default([]).describe('考核指标: its items; a single unnumbered paragraph is one item'),
  keywords: z.array(TextBlock).default([]).describe('关键词, split on ，,、；'),
  conditions: Conditions.default({ matchingRatio: null, leadingEnterprise: null, youngScientist: null }),
  otherText: z
    .array(OtherText)
    .default([])
    .describe('Text of the direction that no field took: fields of other or unknown labels, and unlabelled paragraphs. Nothing of a direction is dropped: what is here of an unknown label or unlabelled also has a check'),
  span: Span,
});
export type Direction = z.infer<typeof Direction>;

/**
 * A direction's per-project cap in yuan: its own field (`perProjectCap`, schema 1.1.0), or the one
 * stated with the funding (`funding.perProjectCapCNY`, all a 1.0.0 file has); null when neither.
 */
export function perProjectCapCNY(d: Pick<Direction, 'perProjectCap' | 'funding'>): number | null {
  return d.perProjectCap?.amountCNY ?? d.funding?.perProjectCapCNY ?? null;
}

export const StatedCount = z.object({ value: z.number().int().min(0), qualifier: Qualifier, text: z.string(), span: Span });

export const Summary = z
  .object({
    directionCount: StatedCount.nullable(),
    partnerCount: StatedCount.nullable(),
    projectCount: StatedCount.nullable(),
    fundingTotal: z.object({ amountCNY: z.number().int().min(0), qualifier: Qualifier, text: z.string(), span: Span }).nullable(),
    defaultDuration: Duration.omit({ inherited: true }).nullable(),
    // Added in 1.2.0.
    defaultProjectCount: StatedCount.extend({ min: z.number().int().min(0).optional() }).nullable().default(null).describe('A project count stated once for every direction (每个项目方向拟支持项目数为1～2项)'),
    defaultPerProjectCap: z.object({ amountCNY: z.number().int().min(0), text: z.string(), span: Span }).nullable().default(null).describe('A per-project cap stated once for every direction'),
    youngScientist: z
      .object({ count: StatedCount.nullable(), fundingCNY: z.number().int().min(0).nullable(), perProjectCNY: z.number().int().min(0).nullable(), text: z.string(), span: Span })
      .nullable()
      .default(null)
      .describe('青年科学家项目 figures stated before the directions (key-programme guidelines)'),
    // Added in 1.6.0.
    categoryCaps: z
      .array(z.object({ categories: z.array(z.string()), amountCNY: z.number().int().min(0), text: z.string(), span: Span }))
      .default([])
      .describe('Per-project caps stated before the directions for categories of them (`共性关键技术类和应用示范类项目每个项目国拨经费不超过3000万元`); a direction of such a category inherits its category’s cap, not `defaultPerProjectCap` (added in 1.6.0)'),
    // Added in 1.12.0.
    categoryDurations: z
      .array(Duration.omit({ inherited: true }).extend({ categories: z.array(z.string()) }))
      .default([])
      .describe('Project durations stated before the directions per category of them (`项目实施周期按项目类别确定：基础研究类项目一般为5年，…青年科学家项目一般为3年`); a direction of such a category that states none inherits its category’s, before `defaultDuration` (added in 1.12.0)'),
  })
  .describe('Figures the document states about itself; what they add up to is compared in `checks`');
export type Summary = z.infer<typeof Summary>;

export const Check = z.object({
  code: z.string().describe('Stable identifier, e.g. funding-total-mismatch, placeholder, numbering-gap'),
  severity: z.enum(['error', 'warning', 'info']),
  message: z.string().describe('In English, for tools and developers'),
  messageZh: z.string().nullable().default(null).describe('The same in Chinese, as the reports and the terminal show it (added in 1.2.0)'),
  directionId: z.string().nullable(),
  stated: z.union([z.number(), z.string()]).nullable().describe('What the document states'),
  computed: z.union([z.number(), z.string()]).nullable().describe('What the tool counted or added up'),
  span: Span.nullable(),
}).meta({ id: 'Check' });
export type Check = z.infer<typeof Check>;
/** A check as the stages build it; `validate` adds the Chinese message. */
export type CheckDraft = Omit<Check, 'messageZh'>;

export const RemovalKind = z.enum([
  'page-number',
  'page-start-indent',
  'url-artefact',
  'running-header',
  'running-footer',
  'doubled-glyph',
  'outside-page',
  'lookalike-glyph',
  'halfwidth-punct',
  'layout-gap',
  'fullwidth-alnum',
  'cjk-space',
  'indent',
  'control-character',
  'trailing-space',
  'ocr-misread',
  // Added in 1.3.0: tables and database copies.
  'table-layout',
  'table-header',
  'inline-page-number',
  // Added in 1.3.0: what the HTML and Word readers leave out of the loaded text.
  'web-chrome',
  'duplicate-attachment',
  'footnote',
  'hidden-text',
  'markup',
  // Added in 1.5.0.
  'traditional-script',
  // Added in 1.6.0.
  'table-of-contents',
  'translation',
  'email',
  // Added in 1.7.0.
  'record-header',
  'watermark',
  'duplicate-line',
  'line-number',
  'revision',
  // Added in 1.9.0.
  'figure-caption',
  // Added in 1.10.0.
  'chat',
  // Added in 1.13.0.
  'cover-note',
  'archive-member',
  'page-order',
  // Added in 1.18.0.
  'margin-note',
  'form-prompt',
]).describe('What the removed text was. Added in 1.18.0: margin-note (a note printed in a PDF page\'s margin beside the text and smaller than it, a 批注版\'s 旁注 or a reader\'s remark: no part of the guideline, logged, never read into the text), form-prompt (the prompt an empty content control of a Word form shows, `单击或点击此处输入文字。`: the field is empty). Added in 1.14.0: archive-member (the name of another file in a ZIP archive whose guideline is one of its files: a form, a budget table, a notice, logged where the guideline file is read), page-order (the order a booklet\'s pages were printed in, two to a sheet, `12|1 2|11 …`, logged where the pages are read in the order of their numbers). Added in 1.13.0: cover-note (the pages of a PDF that carries the guideline as a file attached to it, a notice forwarding it, logged where the attached file is read as the guideline). Added in 1.10.0: chat (a chat app’s frame around a guideline pasted into a group chat: each message’s sender and time, `王静（科研院） 2025-03-14 09:41`, the messages of others than the one who posted the guideline, `[文件] …`, `…撤回了一条消息`, the title of the exported record). Added in 1.9.0: figure-caption (the caption of a figure the text does not hold, `图1 北极东北航道示范航段示意图`, standing alone on its line, as a PDF converter leaves it after an image it drops); markup also names a Markdown image (`![](images/….jpg)`) and the HTML of a table in a text (the table itself is read as rows × cells). Added in 1.8.0: revision (a tracked change shown inline: the text of a deletion, `[删除：…]`, and the marks around an insertion, `[插入：` and `]`; the text reads with the changes accepted). Added in 1.7.0: record-header (the fields a policy database or a government file library prints above a copied document: 索引号, 发文机关, 发文字号, 发布日期, 效力级别, 【法宝引证码】…, its 正文： line and its disclaimer), watermark (text a PDF draws aslant across its pages, never at a multiple of 90°), duplicate-line (a line that repeats the line before it word for word, as a copy across a page’s edge leaves it), line-number (the line numbers a draft prints in its margin, one more on each line, from 1 on each page). Added in 1.6.0: email (the quote marks of a forwarded e-mail, `> `, and the headers of the e-mails around it: 发件人, 主题, -----原始邮件-----, a disclaimer), table-of-contents (the lines of a 目录: its heading, entries ending in leader dots and a page number, the wrapped first lines of entries), translation (a line of English after a line of Chinese in a bilingual text, five such lines or more). Added in 1.5.0: traditional-script (a run of characters of a text in traditional script, read as simplified; the values keep the printed characters). Added in 1.3.0: markup (Markdown marks of a Markdown export: ###, list bullets, ** around bold text), table-layout (pipes, rules and quotes of a table read as rows × cells, a cell that says none), table-header (a table header repeated after a page break), inline-page-number (a page number inside a line), footnote (a footnote at a page foot called by a circled number; Word footnotes and endnotes); for HTML and Word input (never in the loaded text, so line and offsets null): web-chrome (navigation, scripts, share and print widgets, page header and footer), duplicate-attachment (an attachment link repeated), hidden-text (Word hidden text, HTML hidden elements); running-header and running-footer also name the headers and footers of a Word document, indent the indentation of an HTML or Word paragraph');

export const Removed = z.object({
  kind: RemovalKind,
  text: z.string(),
  replacement: z.string().optional().describe('For replacements (look-alike glyphs, full-width forms): the new text'),
  line: z.number().int().min(1).nullable().describe('1-based line in the loaded text; null for PDF layout noise that never reached it'),
  start: z.number().int().min(0).nullable(),
  end: z.number().int().min(0).nullable(),
  page: z.number().int().min(1).nullable(),
  block: z.number().int().min(1).optional().describe('HTML and Word input: the 1-based block the text was in or next to, when known (added in 1.3.0)'),
});
export type Removed = z.infer<typeof Removed>;

export interface SectionOut {
  kind: 'part' | 'group' | 'direction' | 'field' | 'item' | 'paragraph';
  marker: string | null;
  text: string;
  span: Span;
  children: SectionOut[];
}
export const SectionOut: z.ZodType<SectionOut> = z.object({
  kind: z.enum(['part', 'group', 'direction', 'field', 'item', 'paragraph']).describe('group: a numbered group of directions (`1. 基础软件` before 1.1, 1.2, …)'),
  marker: z.string().nullable(),
  text: z.string().describe('The cleaned, reflowed paragraph (for headings: the heading paragraph, marker included)'),
  span: Span,
  get children() {
    return z.array(SectionOut);
  },
}).meta({ id: 'Section' });

export const DocumentInfo = z.object({
  // Letters and digits of any script, `.`, `_`, `-` (see load/id.ts), written without `\p{…}` so
  // that the JSON Schema's pattern works in ECMA-262 and Python `re` alike: no ASCII punctuation
  // other than those three, no white space, no control characters.
  id: z
    .string()
    .regex(/^[^\x00-\x2f\x3a-\x40\x5b-\x60\x7b-\x7f\s][^\x00-\x2c\x2f\x3a-\x40\x5b-\x5e\x60\x7b-\x7f\s]*$/)
    .max(100)
    .describe('The output file name stem'),
  title: z.string().nullable(),
  titleSource: z.enum(['heading', 'inferred', 'none']).describe('heading: a title line; inferred: from a sentence naming the guideline'),
  programme: z.string().nullable(),
  specialProject: z.string().nullable(),
  year: z.number().int().nullable(),
  batch: z.number().int().min(1).nullable(),
  status: z.enum(['draft', 'final', 'unknown']),
  family: z
    .enum(['international-cooperation', 'key-programme', 'nsfc', 'miit', 'unknown'])
    .default('unknown')
    .describe('From evidence in the text: the issuer (国家自然科学基金委员会 → nsfc, 工业和信息化部 → miit), else partners and agreements in the directions, else 研究内容/考核指标 and categories; never from the file name (added in 1.2.0; nsfc and miit in 1.3.0)'),
  source: z.object({
    path: z.string(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    format: z.enum(['text', 'pdf', 'html', 'docx', 'doc', 'rtf', 'odt', 'ods', 'odp', 'xlsx', 'xls', 'ofd', 'csv', 'pptx', 'epub', 'image', 'xps', 'uof', 'word-boxes', 'ppt', 'msg', 'xmind']).describe('How the source was read (for a ZIP archive of files: the format of the file that holds the guideline): text, PDF, an HTML page, a Word .docx file, a Word 97–2003 .doc (or .wps) file or a Word 2003 XML document saved as .doc, an RTF file, an OpenDocument text (.odt), spreadsheet (.ods) or presentation (.odp), an Excel workbook (.xlsx), an Excel 97–2003 workbook (.xls, or WPS 表格 .et), an OFD fixed-layout document (.ofd), a CSV or TSV table (.csv, .tsv), a PowerPoint deck (.pptx), an EPUB e-book (.epub), images of a scan read by OCR (.png, .jpg, .tif; a tall screenshot cut into pages), an XPS or OpenXPS document (.xps, .oxps), a UOF text document (.uot, .uof: 统一办公格式), pages of words with their boxes as a text tool writes them (word-boxes: tesseract hOCR, ALTO XML, pdftotext -bbox/-bbox-layout; encoding hocr, alto or bbox), a PowerPoint 97–2003 deck (.ppt, .dps), an Outlook message (.msg: its body, the guideline pasted into it), an XMind mind map (.xmind: its first sheet’s topics as an outline) (msg and xmind added in 1.17.0; word-boxes and ppt added in 1.15.0; hOCR and ALTO with confidences read as OCR since 1.16.0 (`ocr`); epub, image, xps and uof added in 1.14.0; html, docx and doc added in 1.3.0; rtf in 1.6.0; odt in 1.7.0; xlsx, ofd, csv and pptx in 1.9.0; xls in 1.10.0; ods and odp in 1.13.0)'),
    encoding: z.string(),
    bytes: z.number().int().min(0),
    pages: z.number().int().min(1).nullable(),
    pageNumbering: z.enum(['pdf', 'printed', 'counted', 'none']),
    lines: z.number().int().min(0),
    // Added in 1.2.0.
    ocr: z
      .object({
        engine: z.string().describe('The OCR engine, its version and its model'),
        mode: z.enum(['auto', 'force', 'file']).describe('auto: the pages without a text layer were read by OCR; force: every page was (--ocr force); file: the input is another engine’s reading of a scan (word-boxes: hOCR, ALTO), its confidences that engine’s own (file added in 1.16.0)'),
        pages: z
          .array(
            z.object({
              page: z.number().int().min(1).describe('1-based physical page'),
              dpi: z.number().int().min(1).optional().describe('Resolution the page was rendered at for OCR; for mode file the scan’s, absent where the file does not state it (optional since 1.16.0)'),
              meanConfidence: z.number().min(0).max(100).describe('Mean confidence of the characters read on the page'),
            }),
          )
          .min(1)
          .describe('The pages read by OCR (pages without a text layer, or every page with --ocr force); the others were read from the text layer'),
        meanConfidence: z.number().min(0).max(100).describe('Mean confidence of all the characters read by OCR'),
        // Added in 1.16.0.
        doubtBelow: z
          .object({
            figure: z.number().int().min(0).max(100).describe('A figure (amount, count, period, year) with a character below this has an `ocr-low-confidence` check'),
            text: z.number().int().min(0).max(100).describe('Any other value with a character below this has one'),
          })
          .default({ figure: 90, text: 80 })
          .describe('Where a value read by OCR is doubted: 90 and 80 for this tool’s recogniser (its probabilities, measured); for mode file, set from the file’s own confidences (20 and 30 below their median, never above 90 and 80), as engines grade differently (added in 1.16.0)'),
      })
      .optional()
      .describe('Present when pages of a PDF were read by OCR, or the input is an OCR engine’s word boxes with confidences; absent otherwise (added in 1.2.0)'),
    blocks: z
      .number()
      .int()
      .min(0)
      .optional()
      .describe('HTML and Word input: the number of blocks (see `Span.block`) that reached the loaded text (added in 1.3.0)'),
    tables: z.number().int().min(0).optional().describe('HTML and Word input: the number of tables rendered as table rows (added in 1.3.0)'),
    pagesNotRead: z
      .array(z.number().int().min(1))
      .min(1)
      .optional()
      .describe('With OCR off (--ocr off): the pages without a text layer that show a scan, and so were not read; a `page-not-read` check goes with them (added in 1.2.0)'),
  }),
});

export const Guideline = z.object({
  schemaVersion: z.string().regex(/^1\.[0-9]+\.[0-9]+$/).describe(`Written as ${SCHEMA_VERSION}; every 1.x file reads (fields added since are filled with their defaults)`),
  pipelineVersion: z.string().describe('Version of the extraction rules; a change re-ingests unchanged sources'),
  document: DocumentInfo,
  summary: Summary,
  directions: z.array(Direction),
  sections: z.array(SectionOut),
  checks: z.array(Check),
  removed: z.array(Removed),
});
export type Guideline = z.infer<typeof Guideline>;
