/**
 * How the schema's machine values read to a person: one table for every enumeration a report, an
 * export or the terminal shows. The JSON keeps the machine values; Markdown, HTML, the Chinese
 * columns of CSV/XLSX and the terminal show these words. Each entry has the Chinese word and the
 * English one (for `--lang en`); a test walks them all.
 */

export type Language = 'zh' | 'en';

interface Label {
  readonly zh: string;
  readonly en: string;
}

const table = <K extends string>(t: Readonly<Record<K, Label>>): Readonly<Record<K, Label>> => t;

export const LABELS = {
  /** A guideline's stage: `document.status`. */
  status: table({
    draft: { zh: '征求意见稿', en: 'draft' },
    final: { zh: '正式稿', en: 'final' },
    unknown: { zh: '未知', en: 'unknown' },
  }),
  /** How the source was read: `document.source.format`. */
  format: table({
    text: { zh: '文本', en: 'text' },
    pdf: { zh: 'PDF 文件', en: 'PDF' },
    html: { zh: '网页', en: 'web page' },
    docx: { zh: 'Word 文档', en: 'Word document' },
    doc: { zh: 'Word 97–2003 文档', en: 'Word document' },
    rtf: { zh: 'RTF 文档', en: 'RTF document' },
    odt: { zh: 'OpenDocument 文本', en: 'OpenDocument text' },
    ods: { zh: 'OpenDocument 电子表格', en: 'OpenDocument spreadsheet' },
    odp: { zh: 'OpenDocument 演示文稿', en: 'OpenDocument presentation' },
    xlsx: { zh: 'Excel 工作簿', en: 'Excel workbook' },
    xls: { zh: 'Excel 97–2003 工作簿', en: 'legacy Excel workbook' },
    ofd: { zh: 'OFD 版式文件', en: 'OFD document' },
    csv: { zh: 'CSV 表格', en: 'CSV table' },
    pptx: { zh: 'PowerPoint 演示文稿', en: 'PowerPoint deck' },
    epub: { zh: 'EPUB 电子书', en: 'EPUB e-book' },
    image: { zh: '扫描图像', en: 'scanned images' },
    xps: { zh: 'XPS 文档', en: 'XPS document' },
    uof: { zh: 'UOF 文档（统一办公格式）', en: 'UOF document' },
    'word-boxes': { zh: '带位置的文字（hOCR、ALTO 或 pdftotext -bbox）', en: 'words with their boxes' },
    ppt: { zh: 'PowerPoint 97–2003 演示文稿', en: 'legacy PowerPoint deck' },
    msg: { zh: 'Outlook 邮件（.msg）', en: 'Outlook message' },
    xmind: { zh: 'XMind 思维导图', en: 'XMind mind map' },
  }),
  /** The kind of guideline: `document.family`. */
  family: table({
    'international-cooperation': { zh: '政府间国际科技创新合作', en: 'international cooperation' },
    'key-programme': { zh: '重点专项', en: 'key programme' },
    nsfc: { zh: '国家自然科学基金', en: 'NSFC' },
    miit: { zh: '工业和信息化部', en: 'MIIT' },
    unknown: { zh: '未知', en: 'unknown' },
  }),
  /** How a figure is bounded: `qualifier`. A bare number in the text is 确数 (exactly that). */
  qualifier: table({
    exact: { zh: '确数', en: 'exactly' },
    about: { zh: '约', en: 'about' },
    atMost: { zh: '不超过', en: 'at most' },
    atLeast: { zh: '不少于', en: 'at least' },
  }),
  /** How a duration is hedged: `duration.hedge`. */
  hedge: table({
    inPrinciple: { zh: '原则上', en: 'in principle' },
    usually: { zh: '一般', en: 'usually' },
  }),
  /** A check's severity. */
  severity: table({
    error: { zh: '错误', en: 'error' },
    warning: { zh: '警告', en: 'warning' },
    info: { zh: '提示', en: 'info' },
  }),
  /** A history cell's state against the versions before it. */
  historyState: table({
    new: { zh: '新增', en: 'new' },
    returned: { zh: '重新出现', en: 'returned' },
    modified: { zh: '修改', en: 'modified' },
    unchanged: { zh: '未变', en: 'unchanged' },
    dropped: { zh: '删除', en: 'dropped' },
    absent: { zh: '缺席', en: 'absent' },
  }),
  /** A direction's status in a diff. */
  directionStatus: table({
    added: { zh: '新增', en: 'added' },
    removed: { zh: '删除', en: 'removed' },
    modified: { zh: '修改', en: 'modified' },
    unchanged: { zh: '未变', en: 'unchanged' },
  }),
  /** What happened to a field in a diff. */
  changeKind: table({
    changed: { zh: '修改', en: 'changed' },
    added: { zh: '新增', en: 'added' },
    removed: { zh: '删除', en: 'removed' },
    reworded: { zh: '改写', en: 'reworded' },
    reordered: { zh: '调序', en: 'reordered' },
  }),
  /** The layout noise `clean` removed or replaced: `removed[].kind`. */
  removalKind: table({
    'page-number': { zh: '页码', en: 'page number' },
    'page-start-indent': { zh: '页首缩进', en: 'indent at a page start' },
    'url-artefact': { zh: '网址残留', en: 'URL artefact' },
    'running-header': { zh: '页眉', en: 'running header' },
    'running-footer': { zh: '页脚', en: 'running footer' },
    'doubled-glyph': { zh: '重影字', en: 'doubled glyph' },
    'outside-page': { zh: '页面外文字', en: 'text outside the page' },
    'lookalike-glyph': { zh: '形近字符替换', en: 'look-alike glyph' },
    'halfwidth-punct': { zh: '半角标点改全角', en: 'half-width punctuation' },
    'layout-gap': { zh: '排版空白', en: 'layout gap' },
    'fullwidth-alnum': { zh: '全角字母数字改半角', en: 'full-width letter or digit' },
    'cjk-space': { zh: '汉字间空格', en: 'space between CJK characters' },
    indent: { zh: '缩进', en: 'indent' },
    'control-character': { zh: '控制字符', en: 'control character' },
    'trailing-space': { zh: '行尾空格', en: 'trailing space' },
    'ocr-misread': { zh: 'OCR误识', en: 'OCR misreading' },
    'table-layout': { zh: '表格线', en: 'table rule' },
    'table-header': { zh: '重复的表头', en: 'repeated table header' },
    'inline-page-number': { zh: '行内页码', en: 'page number inside a line' },
    footnote: { zh: '脚注', en: 'footnote' },
    'web-chrome': { zh: '网页框架', en: 'web page chrome' },
    'duplicate-attachment': { zh: '重复的附件链接', en: 'repeated attachment link' },
    'hidden-text': { zh: '隐藏文字', en: 'hidden text' },
    markup: { zh: 'Markdown标记', en: 'Markdown markup' },
    'traditional-script': { zh: '繁体字按简体读取', en: 'traditional script read as simplified' },
    'table-of-contents': { zh: '目录', en: 'table of contents' },
    translation: { zh: '英文译文', en: 'English translation' },
    email: { zh: '邮件引用符与邮件头', en: 'e-mail quote marks and headers' },
    'cover-note': { zh: 'PDF附件所附的转发通知页', en: 'the note of a PDF whose guideline is attached to it' },
    'archive-member': { zh: '压缩包中未读入的其他文件', en: 'another file of the ZIP archive, not read' },
    'page-order': { zh: '小册子拼版的印刷页序（已按页码重排）', en: 'the printed page order of a booklet, read by page numbers' },
    'margin-note': { zh: '页边旁注（批注、读者注，不属于指南正文）', en: 'a note in the page margin' },
    'form-prompt': { zh: '表单空白字段的提示文字', en: 'the prompt of an empty form field' },
    'record-header': { zh: '数据库题录信息', en: 'database record fields' },
    watermark: { zh: '水印', en: 'watermark' },
    'duplicate-line': { zh: '重复的行', en: 'repeated line' },
    'figure-caption': { zh: '图题（图本身不在文本中）', en: 'figure caption' },
    'line-number': { zh: '行号', en: 'line number' },
    revision: { zh: '修订标记', en: 'tracked change' },
    chat: { zh: '聊天记录中的发送人、时间与他人消息', en: 'chat senders, times and other messages' },
  }),
} as const;

export type LabelKind = keyof typeof LABELS;

/** The word for `value` of enumeration `kind` (`label('status', 'draft')` → `征求意见稿`); an unknown value as it is. */
export function label<K extends LabelKind>(kind: K, value: string, language: Language = 'zh'): string {
  const entry = (LABELS[kind] as Readonly<Record<string, Label>>)[value];
  return entry ? entry[language] : value;
}

/** The Chinese words of an enumeration, by machine value: for the export's Chinese columns. */
export function zhLabels(kind: LabelKind): Readonly<Record<string, string>> {
  return Object.fromEntries(Object.entries(LABELS[kind] as Readonly<Record<string, Label>>).map(([k, v]) => [k, v.zh]));
}
