#!/usr/bin/env node
// Regenerates the fixtures of test/fixtures/formats/: one guideline of the family
// (test/fixtures/variants/2024-intergov-final.txt) in the formats it is published in, and files
// of the formats this tool does not read. Needs `npm ci` (docx and fflate); for the .doc and the
// .xls, LibreOffice (`apt-get install libreoffice-writer-nogui libreoffice-calc-nogui`; skipped
// with a note when `soffice` is missing).
//
//   node scripts/make-format-fixtures.mjs
//
// Writes:
//   2024-intergov-final.html      the guideline as a ministry notice page (UTF-8): head with
//                                 scripts and styles, header and navigation bar, breadcrumb,
//                                 share and print widgets, `<div id="Zoom"><div class="TRS_Editor">`
//                                 body with `&nbsp;`- and `　`-indented `<p>`s, the attachment line
//                                 twice, an attachment list and a footer outside the body
//   2024-intergov-final.gbk.html  the same page in GBK (`<meta http-equiv … charset=gb2312>`), CRLF
//   2024-intergov-final.docx      the guideline made by the `docx` package with Word automatic
//                                 numbering (一、 parts and （一） items in one two-level list,
//                                 1.1 directions in a `%1.%2` multilevel list, （1） items in
//                                 lists restarted for each direction), a running header and
//                                 footer, a footnote, and direction 1.3's fields as a label/value
//                                 table (a merged cell across the two columns on top)
//   2024-intergov-final.doc       the .docx (its lists without startOverride: see makeDocx) saved by
//                                 LibreOffice as Word 97–2003, with Word's automatic numbering
//   2024-intergov-final.typed.doc the same document with its numbers typed in the text (as many
//                                 .doc files have them), saved by LibreOffice as Word 97–2003
//   not-a-guideline.xlsx          a tiny Excel workbook (a ZIP with xl/workbook.xml)
//   not-a-guideline.ofd           a tiny OFD package (a ZIP with OFD.xml)
//   not-a-guideline.xls           a tiny Excel 97–2003 workbook (an OLE file without a Word stream)
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as docx from 'docx';
import { strToU8, unzipSync, zipSync } from 'fflate';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const OUT = join(ROOT, 'test/fixtures/formats');
const NAME = '2024-intergov-final';
const lines = readFileSync(join(ROOT, 'test/fixtures/variants', `${NAME}.txt`), 'utf8')
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l !== '');

const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

// ---------------------------------------------------------------- HTML
function page(charset) {
  const body = [];
  lines.forEach((line, i) => {
    if (i < 2) body.push(`<p style="text-align: center;"><strong>${escape(line)}</strong></p>`);
    else if (/^[一二三四]、/.test(line)) body.push(`<p style="text-indent: 2em;">　　<strong>${escape(line)}</strong></p>`);
    else if (/^\d\.\d /.test(line)) body.push(`<p>&nbsp;&nbsp;&nbsp;&nbsp;<b>${escape(line)}</b></p>`);
    else if (i % 3 === 0) {
      // A paragraph the CMS editor wrapped in the source, a <span> inside.
      // Cut between two CJK characters, where a browser joins the halves without a space.
      let cut = Math.floor(line.length / 2);
      while (cut < line.length - 1 && !/[\u4e00-\u9fff][\u4e00-\u9fff]/.test(line.slice(cut - 1, cut + 1))) cut++;
      body.push(`<p>&nbsp;&nbsp;&nbsp;&nbsp;<span style="font-family: 仿宋_GB2312;">${escape(line.slice(0, cut))}\n${escape(line.slice(cut))}</span></p>`);
    } else body.push(`<p>　　${escape(line)}</p>`);
  });
  const attachment = '附件：<a href="./P020240510551234567890.pdf">国家重点研发计划“政府间国际科技创新合作”重点专项2024年度第二批项目申报指南.pdf</a>';
  return `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=${charset}" />
<meta name="ArticleTitle" content="科技部关于发布国家重点研发计划“政府间国际科技创新合作”重点专项2024年度第二批项目申报指南的通知" />
<title>科技部关于发布国家重点研发计划“政府间国际科技创新合作”重点专项2024年度第二批项目申报指南的通知_中华人民共和国科学技术部</title>
<link href="../../../images/most_style.css" rel="stylesheet" type="text/css" />
<script type="text/javascript" src="../../../images/jquery-1.12.4.min.js"></script>
<script type="text/javascript">var _hmt = _hmt || []; (function () { var hm = document.createElement("script"); hm.src = "https://hm.example.cn/hm.js"; })();</script>
<style type="text/css">.pages_content p { line-height: 2; } .hidden { display: none; }</style>
</head>
<body>
<div class="header">
  <div class="top_bar"><a href="/">中华人民共和国科学技术部</a> | <a href="/eng/">English</a> | <a href="/jgjj/">无障碍</a></div>
  <div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/jgjj/">机构</a></li><li><a href="/kjbgz/">科技部工作</a></li><li><a href="/xxgk/">信息公开</a></li><li><a href="/bsfw/">办事服务</a></li></ul></div>
</div>
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/xxgk/">信息公开</a> &gt; <a href="/tztg/">通知通告</a></div>
<div class="pages_title"><h1>科技部关于发布国家重点研发计划“政府间国际科技创新合作”重点专项2024年度第二批项目申报指南的通知</h1></div>
<div class="pages-date">2024-05-10 14:30　来源：国际合作司</div>
<div class="pages_print">【字体：<a href="javascript:doZoom(18)">大</a> <a href="javascript:doZoom(16)">中</a> <a href="javascript:doZoom(14)">小</a>】<a href="javascript:window.print()">打印本页</a></div>
<div class="bdsharebuttonbox"><span>分享到：</span><a class="bds_weixin" title="分享到微信">微信</a><a class="bds_tsina" title="分享到新浪微博">微博</a></div>
<div id="Zoom" class="pages_content">
<div class="TRS_Editor"><style type="text/css">.TRS_Editor P{margin-top:5px;margin-bottom:5px;line-height:2;font-family:仿宋_GB2312;font-size:16pt;}</style>
${body.join('\n')}
<p>&nbsp;</p>
<p>　　${attachment}</p>
<p class="hidden">此段为编辑备注，不显示。</p>
<p>${attachment}</p>
</div>
</div>
<p style="text-align: right;">【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】</p>
<div class="xgfj">相关附件：<ul><li><a href="./P020240510551234567890.pdf">国家重点研发计划“政府间国际科技创新合作”重点专项2024年度第二批项目申报指南.pdf</a></li></ul></div>
<div class="footer">
  <p>主办单位：中华人民共和国科学技术部　地址：北京市海淀区复兴路乙15号　邮编：100862</p>
  <p>京ICP备05022684号　京公网安备110402500012号</p>
</div>
<script type="text/javascript">document.write(unescape("%3Cspan id='_ideConac'%3E%3C/span%3E"));</script>
</body>
</html>
`;
}

/** GBK bytes of a string, from the inverse of the WHATWG GB18030 decoder over the two-byte range. */
function encodeGbk(text) {
  const decoder = new TextDecoder('gb18030');
  const table = new Map();
  for (let a = 0x81; a <= 0xfe; a++) {
    for (let b = 0x40; b <= 0xfe; b++) {
      if (b === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([a, b]));
      if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, [a, b]);
    }
  }
  const out = [];
  for (const ch of text) {
    const c = ch.codePointAt(0);
    if (c < 0x80) out.push(c);
    else {
      const pair = table.get(ch);
      if (!pair) throw new Error(`not in GBK: ${ch} U+${c.toString(16)}`);
      out.push(...pair);
    }
  }
  return new Uint8Array(out);
}

writeFileSync(join(OUT, `${NAME}.html`), page('utf-8'));
writeFileSync(join(OUT, `${NAME}.gbk.html`), encodeGbk(page('gb2312').replace(/\n/g, '\r\n')));

// ---------------------------------------------------------------- DOCX
const { AlignmentType, Document, Footer, FootnoteReferenceRun, Header, LevelFormat, LevelSuffix, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } = docx;
const font = { font: { eastAsia: '仿宋_GB2312', ascii: 'Times New Roman' }, size: 32 };
/**
 * The guideline as a Word document; `typed`: its numbers typed in the text, as many .doc files have
 * them, instead of Word's numbering; `plain`: each list of items a list of its own and no
 * `startOverride` (the `docx` package writes one for every level of every list, and LibreOffice
 * reads that as a restart that splits the first item off into a list of its own, which its .doc
 * export keeps: 一、一、二、 instead of 一、二、三、).
 */
async function makeDocx(typed, plain = false) {
const children = [];
const numbered = (reference, level, text, instance, run = {}) =>
  typed ? new Paragraph({ children: [new TextRun({ text, ...font, ...run })] }) : new Paragraph({ numbering: { reference, level, ...(instance === undefined ? {} : { instance }) }, children: [new TextRun({ text: text.replace(/^(?:[一二三四]、|（[一二三四五六七八九十]+）|\d\.\d |（\d）)/, ''), ...font, ...run })] });
let direction = 0;
let list = 0;
let m;
let tableDone = false;
for (let i = 0; i < lines.length; i++) {
  const line = lines[i];
  if (i < 2) children.push(new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: line, bold: true, ...font, size: 44 })] }));
  else if (/^[一二三四]、/.test(line)) children.push(numbered('parts', 0, line, undefined, { bold: true }));
  else if (/^（[一二三四五六七八九十]+）/.test(line)) children.push(numbered('parts', 1, line));
  else if (/^\d\.\d /.test(line)) {
    direction++;
    children.push(numbered('directions', 1, line, undefined, { bold: true }));
    if (direction === 3 && !tableDone) {
      // Direction 1.3: its fields as a label/value table, a merged cell across both columns on top.
      tableDone = true;
      const fields = [];
      while (i + 1 < lines.length && !/^\d\.\d /.test(lines[i + 1])) fields.push(lines[++i]);
      const cell = (text, span = 1) => new TableCell({ columnSpan: span, width: { size: span === 2 ? 9000 : 4500, type: WidthType.DXA }, children: [new Paragraph({ children: [new TextRun({ text, ...font })] })] });
      const rows = [new TableRow({ children: [cell('中国和新西兰政府间科技合作项目指南要点', 2)] })];
      for (const f of fields) {
        const at = f.search(/[：:]/);
        rows.push(new TableRow({ children: [cell(f.slice(0, at)), cell(f.slice(at + 1))] }));
      }
      children.push(new Table({ width: { size: 9000, type: WidthType.DXA }, rows }));
    }
  } else if ((m = /^（(\d)）(.*)$/.exec(line))) {
    // Each list of items is an instance of its own, numbered from 1.
    if (m[1] === '1') list++;
    children.push(plain ? numbered(`items${list}`, 0, line) : numbered('items', 0, line, list));
  }
  else if (i === 2) children.push(new Paragraph({ indent: { firstLine: 640 }, children: [new TextRun({ text: line, ...font }), new FootnoteReferenceRun(1)] }));
  else children.push(new Paragraph({ indent: { firstLine: 640 }, children: [new TextRun({ text: `　　${line}`, ...font })] }));
}
const level = (lvl, format, text, extra = {}) => ({ level: lvl, format, text, alignment: AlignmentType.LEFT, suffix: LevelSuffix.NOTHING, ...extra });
const word = new Document({
  creator: 'guideline-ingest fixtures',
  title: 'guideline',
  numbering: {
    config: [
      { reference: 'parts', levels: [level(0, LevelFormat.CHINESE_COUNTING, '%1、'), level(1, LevelFormat.CHINESE_COUNTING, '（%2）')] },
      { reference: 'directions', levels: [level(0, LevelFormat.DECIMAL, '%1.', { start: 1 }), level(1, LevelFormat.DECIMAL, '%1.%2', { start: 1, suffix: LevelSuffix.SPACE })] },
      { reference: 'items', levels: [level(0, LevelFormat.DECIMAL, '（%1）')] },
      ...[1, 2, 3, 4, 5, 6].map((k) => ({ reference: `items${k}`, levels: [level(0, LevelFormat.DECIMAL, '（%1）')] })),
    ],
  },
  footnotes: { 1: { children: [new Paragraph('本指南以科技部正式发布稿为准。')] } },
  sections: [
    {
      headers: { default: new Header({ children: [new Paragraph('国家重点研发计划“政府间国际科技创新合作”重点专项')] }) },
      footers: { default: new Footer({ children: [new Paragraph('科学技术部国际合作司')] }) },
      children,
    },
  ],
});
const bytes = await Packer.toBuffer(word);
if (!plain) return bytes;
const files = unzipSync(bytes);
files['word/numbering.xml'] = strToU8(new TextDecoder().decode(files['word/numbering.xml']).replace(/<w:lvlOverride\b[\s\S]*?<\/w:lvlOverride>/g, ''));
return zipSync(files);
}
const docxBytes = await makeDocx(false);
// Fixed dates inside the package, so that the same input gives the same bytes.
const parts = unzipSync(docxBytes);
const core = new TextDecoder().decode(parts['docProps/core.xml']).replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z/g, '2024-05-10T00:00:00Z');
parts['docProps/core.xml'] = strToU8(core);
writeFileSync(join(OUT, `${NAME}.docx`), zipSync(Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, [v, { mtime: new Date('1980-01-01T00:00:00') }]]))));

// ---------------------------------------------------------------- not supported
const when = { mtime: new Date('1980-01-01T00:00:00') };
writeFileSync(
  join(OUT, 'not-a-guideline.xlsx'),
  zipSync({
    '[Content_Types].xml': [strToU8('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>'), when],
    'xl/workbook.xml': [strToU8('<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="指南" sheetId="1"/></sheets></workbook>'), when],
  }),
);
writeFileSync(
  join(OUT, 'not-a-guideline.ofd'),
  zipSync({
    'OFD.xml': [strToU8('<?xml version="1.0" encoding="UTF-8"?><ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016" Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>'), when],
    'Doc_0/Document.xml': [strToU8('<?xml version="1.0" encoding="UTF-8"?><ofd:Document xmlns:ofd="http://www.ofdspec.org/2016"/>'), when],
  }),
);

// ---------------------------------------------------------------- LibreOffice: .doc and .xls
let soffice = null;
try {
  execFileSync('soffice', ['--version'], { stdio: 'ignore' });
  soffice = 'soffice';
} catch {
  console.error('soffice not found: the .doc and .xls fixtures were not regenerated');
}
if (soffice) {
  const tmp = mkdtempSync(join(tmpdir(), 'formats-'));
  try {
    const profile = `-env:UserInstallation=file://${join(tmp, 'profile')}`;
    writeFileSync(join(tmp, `${NAME}.docx`), await makeDocx(false, true));
    execFileSync(soffice, [profile, '--headless', '--convert-to', 'doc:MS Word 97', '--outdir', tmp, join(tmp, `${NAME}.docx`)], { stdio: 'ignore' });
    copyFileSync(join(tmp, `${NAME}.doc`), join(OUT, `${NAME}.doc`));
    writeFileSync(join(tmp, `${NAME}.typed.docx`), await makeDocx(true));
    execFileSync(soffice, [profile, '--headless', '--convert-to', 'doc:MS Word 97', '--outdir', tmp, join(tmp, `${NAME}.typed.docx`)], { stdio: 'ignore' });
    copyFileSync(join(tmp, `${NAME}.typed.doc`), join(OUT, `${NAME}.typed.doc`));
    writeFileSync(join(tmp, 'not-a-guideline.csv'), '方向,经费\n1.1,1500\n');
    execFileSync(soffice, [profile, '--headless', '--convert-to', 'xls:MS Excel 97', '--outdir', tmp, join(tmp, 'not-a-guideline.csv')], { stdio: 'ignore' });
    if (existsSync(join(tmp, 'not-a-guideline.xls'))) copyFileSync(join(tmp, 'not-a-guideline.xls'), join(OUT, 'not-a-guideline.xls'));
    else console.error('LibreOffice Calc is not installed: not-a-guideline.xls was not regenerated');
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
console.error(`wrote ${OUT}`);
