#!/usr/bin/env node
// Regenerates three renditions of test/fixtures/variants/2024-intergov-final.txt in the formats of
// `load/xlsx.ts`, `load/ofd.ts` and `load/pptx.ts`, into test/fixtures/formats/ (needs `npm ci`: fflate):
//
//   node scripts/make-sheet-fixtures.mjs
//
//   2024-intergov-final.ofd   the guideline typeset as an OFD document (GB/T 33190), as a
//                             government system exports it: A4 pages, 仿宋 16 pt lines of 28
//                             characters hard-wrapped, paragraphs indented two characters, one
//                             TextObject per line with its DeltaX advances, the title centred in
//                             22 pt, a running header drawn by a template page behind each page's
//                             content and the page number `— N —` at each page's foot
//   2024-intergov-final.pptx  the guideline as a 指南解读 deck: a title slide, a slide of the
//                             preamble, a slide per direction (its heading in the title placeholder,
//                             its fields as paragraphs of a text box, its numbered requirements as
//                             an automatically numbered list `（1）`), the closing section, slide
//                             numbers in footers and speaker notes on the first direction's slide
//   2024-intergov-final.xlsx  the guideline as a workbook a ministry attaches (指南方向汇总表):
//                             sheet 说明 with the title merged across the top row (its two lines
//                             in one cell) and the preamble a paragraph a row; sheet 指南方向 with
//                             one row per direction (the printed field texts; funding as a number
//                             of 万元 in a numeric cell where it is one, the unit in the header;
//                             list items on lines of their own in one cell); sheet 申报要求; and
//                             a hidden sheet of notes that is no part of the guideline
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strToU8, zipSync } from 'fflate';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const OUT = join(ROOT, 'test/fixtures/formats');
const NAME = '2024-intergov-final';
const lines = readFileSync(join(ROOT, 'test/fixtures/variants', `${NAME}.txt`), 'utf8')
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l !== '');
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const when = new Date('2024-05-01T00:00:00');
const zip = (files) => zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, [typeof v === 'string' ? strToU8(v) : v, { mtime: when }]])));

// ---------------------------------------------------------------- OFD
const OFD_NS = 'http://www.ofdspec.org/2016';
const SIZE = 5.6; // 16 pt in mm
const LEFT = 28;
const WIDTH = 156;
const TOP = 37;
const PITCH = 10.4;
const PER_PAGE = 22;
const wide = (ch) => ((ch.codePointAt(0) ?? 0) > 0x2e7f ? 1 : 0.5);

/** Hard-wraps a paragraph at the body width, the first line indented two characters. */
function wrap(text, indent) {
  const out = [];
  let line = '';
  let used = indent;
  for (const ch of text) {
    if (used + wide(ch) * SIZE > WIDTH + 0.01) {
      out.push(line);
      line = '';
      used = 0;
    }
    line += ch;
    used += wide(ch) * SIZE;
  }
  if (line) out.push(line);
  return out;
}

function textObject(id, x, y, size, text) {
  const advances = Array.from(text).slice(0, -1).map((ch) => (wide(ch) * size).toFixed(2));
  return `<ofd:TextObject ID="${id}" Boundary="${x.toFixed(2)} ${(y - size).toFixed(2)} ${(Array.from(text).reduce((w, ch) => w + wide(ch) * size, 0) + 1).toFixed(2)} ${(size * 1.4).toFixed(2)}" Font="3" Size="${size}"><ofd:TextCode X="0" Y="${size.toFixed(2)}" DeltaX="${advances.join(' ')}">${esc(text)}</ofd:TextCode></ofd:TextObject>`;
}

function makeOfd() {
  // Typeset: the two title lines centred in 22 pt, then every paragraph wrapped and indented.
  const placed = []; // { text, size, x }
  for (const [i, line] of lines.entries()) {
    if (i < 2) {
      const size = 7.76;
      const w = Array.from(line).reduce((s, ch) => s + wide(ch) * size, 0);
      placed.push({ text: line, size, x: LEFT + (WIDTH - w) / 2 });
      continue;
    }
    wrap(line, 2 * SIZE).forEach((l, k) => placed.push({ text: l, size: SIZE, x: LEFT + (k === 0 ? 2 * SIZE : 0) }));
  }
  const pages = [];
  for (let i = 0; i < placed.length; i += PER_PAGE) pages.push(placed.slice(i, i + PER_PAGE));
  let id = 10;
  const files = {
    'OFD.xml': `<?xml version="1.0" encoding="UTF-8"?><ofd:OFD xmlns:ofd="${OFD_NS}" Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocInfo><ofd:DocID>7d1f0c3a9b2e4f68a1c5d0e9b8f7a6c5</ofd:DocID><ofd:Title>${esc(lines[0] + lines[1])}</ofd:Title><ofd:Author>科技部</ofd:Author><ofd:CreationDate>2024-05-01</ofd:CreationDate><ofd:Creator>Suwell OFD Writer</ofd:Creator></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>`,
    'Doc_0/PublicRes.xml': `<?xml version="1.0" encoding="UTF-8"?><ofd:Res xmlns:ofd="${OFD_NS}" BaseLoc="Res"><ofd:Fonts><ofd:Font ID="3" FontName="仿宋_GB2312" FamilyName="仿宋"/><ofd:Font ID="4" FontName="宋体" FamilyName="宋体"/></ofd:Fonts></ofd:Res>`,
    'Doc_0/Tpls/Tpl_0/Content.xml': `<?xml version="1.0" encoding="UTF-8"?><ofd:Page xmlns:ofd="${OFD_NS}"><ofd:Content><ofd:Layer ID="2" Type="Background">${textObject(5, LEFT, 20, 3.5, '国家重点研发计划“政府间国际科技创新合作”重点专项2024年度第二批项目申报指南')}<ofd:PathObject ID="6" Boundary="${LEFT} 22 ${WIDTH} 1" LineWidth="0.25"><ofd:AbbreviatedData>M 0 0.5 L ${WIDTH} 0.5</ofd:AbbreviatedData></ofd:PathObject></ofd:Layer></ofd:Content></ofd:Page>`,
  };
  const pageRefs = [];
  pages.forEach((page, p) => {
    const objects = page.map((l, k) => textObject(id++, l.x, TOP + k * PITCH + l.size, l.size, l.text));
    const number = `— ${p + 1} —`;
    objects.push(textObject(id++, p % 2 === 0 ? LEFT + WIDTH - 22 : LEFT + 4, 282, SIZE * 0.9, number));
    files[`Doc_0/Pages/Page_${p}/Content.xml`] = `<?xml version="1.0" encoding="UTF-8"?><ofd:Page xmlns:ofd="${OFD_NS}"><ofd:Template TemplateID="1" ZOrder="Background"/><ofd:Content><ofd:Layer ID="${id++}">${objects.join('')}</ofd:Layer></ofd:Content></ofd:Page>`;
    pageRefs.push(`<ofd:Page ID="${100 + p}" BaseLoc="Pages/Page_${p}/Content.xml"/>`);
  });
  files['Doc_0/Document.xml'] = `<?xml version="1.0" encoding="UTF-8"?><ofd:Document xmlns:ofd="${OFD_NS}"><ofd:CommonData><ofd:MaxUnitID>${id}</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea><ofd:PublicRes>PublicRes.xml</ofd:PublicRes><ofd:TemplatePage ID="1" BaseLoc="Tpls/Tpl_0/Content.xml"/></ofd:CommonData><ofd:Pages>${pageRefs.join('')}</ofd:Pages></ofd:Document>`;
  return zip(files);
}

// ---------------------------------------------------------------- XLSX
const directions = [
  ['1.1', '中国和日本政府间科技合作项目', '《中华人民共和国政府和日本国政府科学技术合作协定》', '环境与能源；健康与医疗；防灾减灾；智慧城市', '4个', 1500, '3年', '合作项目必须双方同时申报，单方申报无效。'],
  ['1.2', '中国和韩国政府间联合研究项目', '《中韩科学技术合作联合委员会第十六次会议纪要》', '（1）碳中和与清洁能源；\n（2）人工智能与数字技术；\n（3）生物健康。', '3个', 900, '2年', '（1）合作项目必须双方同时申报，单方申报无效。\n（2）中韩双方合作单位须签署明确的知识产权协议。'],
  ['1.3', '中国和新西兰政府间科技合作项目', '《中国—新西兰科技合作联合委员会第七次会议纪要》', '食品科学与农业；环境与气候变化；健康与生物医药；南极研究', '约5个', '1200左右', '原则上不超过3年', '合作项目必须双方同时申报，单方申报无效。'],
  ['1.4', '中国和以色列政府间创新合作项目', '《中以创新合作联合委员会第五次会议纪要》《中华人民共和国科学技术部与以色列创新署关于产业研发合作的谅解备忘录》', '现代农业；水资源技术；医疗器械与数字健康；新材料', '不超过6个', 3000, '一般为2年', '（1）中以双方申报单位中须各至少有一家企业，中方企业应提供至少与其获得的政府资助等额的配套出资。\n（2）项目合作双方须分别向本国的项目征集部门提交申报材料，单方申报无效。\n（3）中以双方合作单位须在申报前签署明确的知识产权协议。'],
  ['1.5', '中国和匈牙利政府间联合研发项目', '《中华人民共和国和匈牙利科学技术合作委员会第十一届例会议定书》', '信息通信技术与数字化；农业与食品科学；生命科学与健康；绿色技术与环境保护', '4个', 1200, '', '合作项目必须双方同时申报，单方申报无效。'],
  ['1.6', '中国和泰国政府间联合研究项目', '《中泰科技合作联合委员会第二十四次会议纪要》', '数字经济；生物经济与循环经济；绿色农业；医药健康', '3个', 600, '36个月', '合作项目必须双方同时申报，单方申报无效。'],
];
const HEADER = ['序号', '指南方向', '合作协议', '合作领域', '拟支持项目数', '拟支持经费（万元）', '项目实施期限', '其他要求'];

function makeXlsx() {
  const strings = [];
  const index = new Map();
  const shared = (s) => {
    if (!index.has(s)) index.set(s, strings.push(s) - 1);
    return index.get(s);
  };
  const col = (c) => String.fromCharCode(65 + c);
  const cell = (r, c, v, style = 0) => {
    const ref = `${col(c)}${r}`;
    if (v === '' || v === undefined) return '';
    if (typeof v === 'number') return `<c r="${ref}" s="${style}"><v>${v}</v></c>`;
    return `<c r="${ref}" s="${style}" t="s"><v>${shared(v)}</v></c>`;
  };
  const sheet = (rows, merges = [], cols = '') =>
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${cols}<sheetData>${rows.join('')}</sheetData>${merges.length ? `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>` : ''}</worksheet>`;
  // 说明: the title (two lines in one cell) merged across, then the preamble a row each.
  const intro = lines.slice(2, lines.indexOf('1.1 中国和日本政府间科技合作项目'));
  const s1rows = [`<row r="1" ht="48" customHeight="1">${cell(1, 0, `${lines[0]}\n${lines[1]}`, 1)}</row>`];
  const merges1 = ['A1:H1'];
  intro.forEach((t, i) => {
    const r = i + 3;
    s1rows.push(`<row r="${r}">${cell(r, 0, t, 2)}</row>`);
    merges1.push(`A${r}:H${r}`);
  });
  // 指南方向: header and one row per direction.
  const s2rows = [`<row r="1">${HEADER.map((h, c) => cell(1, c, h, 1)).join('')}</row>`];
  directions.forEach((d, i) => {
    const r = i + 2;
    s2rows.push(`<row r="${r}">${d.map((v, c) => cell(r, c, v, 2)).join('')}</row>`);
  });
  // 申报要求: the closing section.
  const closing = lines.slice(lines.indexOf('三、申报要求'));
  const s3rows = closing.map((t, i) => `<row r="${i + 1}">${cell(i + 1, 0, t, 2)}</row>`);
  const s4rows = [`<row r="1">${cell(1, 0, '内部备注：1.4 方向经费待司务会确认后再调整')}</row>`];
  const rel = (n) => `<Relationship Id="rId${n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${n}.xml"/>`;
  const files = {
    '[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${[1, 2, 3, 4].map((n) => `<Override PartName="/xl/worksheets/sheet${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`,
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="说明" sheetId="1" r:id="rId1"/><sheet name="指南方向" sheetId="2" r:id="rId2"/><sheet name="申报要求" sheetId="3" r:id="rId3"/><sheet name="备注" sheetId="4" state="hidden" r:id="rId4"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${[1, 2, 3, 4].map(rel).join('')}</Relationships>`,
    'xl/styles.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="0" applyAlignment="1"><alignment horizontal="center" wrapText="1"/></xf><xf numFmtId="0" applyAlignment="1"><alignment wrapText="1"/></xf></cellXfs></styleSheet>`,
    'xl/worksheets/sheet1.xml': sheet(s1rows, merges1),
    'xl/worksheets/sheet2.xml': sheet(s2rows, [], '<cols><col min="1" max="1" width="6"/><col min="2" max="8" width="30"/></cols>'),
    'xl/worksheets/sheet3.xml': sheet(s3rows),
    'xl/worksheets/sheet4.xml': sheet(s4rows),
  };
  files['xl/sharedStrings.xml'] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<si><t xml:space="preserve">${esc(s)}</t></si>`).join('')}</sst>`;
  return zip(files);
}

// ---------------------------------------------------------------- PPTX
function makePptx() {
  const P = 'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"';
  const para = (t, auto) => `<a:p>${auto ? '<a:pPr marL="342900" indent="-342900"><a:buFont typeface="+mj-ea"/><a:buAutoNum type="arabicParenBoth"/></a:pPr>' : ''}<a:r><a:rPr lang="zh-CN"/><a:t>${esc(t)}</a:t></a:r></a:p>`;
  let id = 2;
  const shape = (y, paras, ph) => `<p:sp><p:nvSpPr><p:cNvPr id="${id++}" name="s"/><p:cNvSpPr/><p:nvPr>${ph ? `<p:ph type="${ph}"/>` : ''}</p:nvPr></p:nvSpPr><p:spPr><a:xfrm><a:off x="457200" y="${y}"/><a:ext cx="8229600" cy="600000"/></a:xfrm></p:spPr><p:txBody><a:bodyPr/>${paras}</p:txBody></p:sp>`;
  const slide = (shapes, n) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><p:sld ${P}><p:cSld><p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/>${shapes}${shape(6400000, para(String(n)), 'sldNum')}</p:spTree></p:cSld></p:sld>`;
  const start = lines.indexOf('1.1 中国和日本政府间科技合作项目');
  const closing = lines.indexOf('三、申报要求');
  const slides = [];
  // The body shape first in the file, the title shape above it: reading order is by position.
  slides.push(shape(1600000, para(lines[1])) + shape(800000, para(lines[0]), 'ctrTitle'));
  slides.push(shape(300000, lines.slice(2, start).map((t) => para(t)).join(''), 'body'));
  let i = start;
  while (i < closing) {
    let j = i + 1;
    while (j < closing && !/^1\.\d /.test(lines[j])) j++;
    const body = lines.slice(i + 1, j).map((t) => (/^（\d）/.test(t) ? para(t.replace(/^（\d）/, ''), true) : para(t))).join('');
    slides.push(shape(300000, para(lines[i]), 'title') + shape(1200000, body, 'body'));
    i = j;
  }
  slides.push(shape(300000, lines.slice(closing).map((t) => para(t)).join(''), 'body'));
  const files = {
    '[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/ppt/presentation.xml" ContentType="application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"/></Types>`,
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="ppt/presentation.xml"/></Relationships>`,
    'ppt/presentation.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><p:presentation ${P}><p:sldIdLst>${slides.map((_, k) => `<p:sldId id="${256 + k}" r:id="rId${k + 10}"/>`).join('')}</p:sldIdLst></p:presentation>`,
    'ppt/_rels/presentation.xml.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${slides.map((_, k) => `<Relationship Id="rId${k + 10}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/slide" Target="slides/slide${k + 1}.xml"/>`).join('')}</Relationships>`,
    'ppt/notesSlides/notesSlide1.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><p:notes ${P}><p:cSld><p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/>${shape(0, para('讲解时强调：日方由JST同步征集。'), 'body')}</p:spTree></p:cSld></p:notes>`,
  };
  slides.forEach((s, k) => {
    files[`ppt/slides/slide${k + 1}.xml`] = slide(s, k + 1);
    if (k === 2) files[`ppt/slides/_rels/slide${k + 1}.xml.rels`] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/notesSlide" Target="../notesSlides/notesSlide1.xml"/></Relationships>`;
  });
  return zip(files);
}

writeFileSync(join(OUT, `${NAME}.pptx`), makePptx());
writeFileSync(join(OUT, `${NAME}.ofd`), makeOfd());
writeFileSync(join(OUT, `${NAME}.xlsx`), makeXlsx());
console.log(`wrote ${NAME}.ofd, ${NAME}.pptx and ${NAME}.xlsx in ${OUT}`);
