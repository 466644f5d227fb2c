#!/usr/bin/env node
// Measures whether HTML and DOCX renditions of the blind guidelines (test/fixtures/blind*/*.txt,
// which the HTML and Word readers were never tuned on) give the same directions and values as
// their text. For each text it builds, in a general way (no per-case rules):
//   (a) a ministry-like HTML page (as scripts/make-format-fixtures.mjs makes one): header, share
//       widgets, `<div id="Zoom"><div class="TRS_Editor">` body with a `<p>` per paragraph,
//       `&nbsp;`/`　` indents, some paragraphs wrapped in the source inside a `<span>`, tables as
//       `<table>`, the attachment line twice, an attachment list and a footer outside the body;
//   (b) a DOCX (the `docx` package) with Word automatic numbering for every numbered paragraph
//       (一、 （一） 1.1 1.1.1 1. （1）), and tables as Word tables.
// Paragraphs come from the project's own `clean` + `reflow` stages on the loaded text (plus one
// rule: a long unpunctuated paragraph directly followed, on the next source line, by one that
// starts no marker is the same paragraph; so is a long numbered item cut in the middle of a clause,
// `（1）…真空度优于` / `0.1Pa，…`, which `reflow` leaves apart). Tables are the runs of paragraphs that `clean` wrote
// out from a table (`row`/`cell`), and runs of `label   value` lines (a label, a wide gap, the
// value); each is rebuilt as a table with the labels `clean` gave (header row for directions).
// Then the text, the HTML and the DOCX are ingested and compared with `diff`.
//
//   npm run -s build && node scripts/measure-renditions.mjs [OUT_DIR]   (default /tmp/renditions)
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as docx from 'docx';
import { loadFile, processSource, diff } from '../dist/index.js';
import { clean } from '../dist/clean/index.js';
import { reflow } from '../dist/reflow/index.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const OUT = process.argv[2] ?? '/tmp/renditions';
mkdirSync(OUT, { recursive: true });
const cases = ['test/fixtures/blind', 'test/fixtures/blind2'].flatMap((dir) =>
  readdirSync(join(ROOT, dir))
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => join(ROOT, dir, f)),
);

const CN = '一二三四五六七八九十';
const cnValue = (s) => {
  // 一 … 九十九
  if (s === '十') return 10;
  if (s.length === 1) return CN.indexOf(s) + 1;
  if (s[0] === '十') return 10 + CN.indexOf(s[1]) + 1;
  if (s.length === 2 && s[1] === '十') return (CN.indexOf(s[0]) + 1) * 10;
  return (CN.indexOf(s[0]) + 1) * 10 + CN.indexOf(s[2]) + 1;
};
/** The numbered-paragraph marker at the start of a paragraph, or null. */
function marker(text) {
  let m;
  if ((m = /^([一二三四五六七八九十]{1,3})、\s*/.exec(text))) return { kind: 'cn', n: cnValue(m[1]), prefix: '', len: m[0].length, space: false };
  if ((m = /^（([一二三四五六七八九十]{1,3})）\s*/.exec(text))) return { kind: 'pcn', n: cnValue(m[1]), prefix: '', len: m[0].length, space: false };
  if ((m = /^（(\d{1,2})）\s*/.exec(text))) return { kind: 'pdec', n: Number(m[1]), prefix: '', len: m[0].length, space: false };
  if ((m = /^((?:[1-9]\d?\.){1,2})([1-9]\d?)(?![\d.．%])(\s*)(?=\S)/.exec(text)))
    return { kind: 'multi', n: Number(m[2]), prefix: m[1], len: m[0].length, space: m[3] !== '' };
  if ((m = /^([1-9]\d?)[.．、](?![\d])(\s*)(?=\S)/.exec(text))) return { kind: 'dec', n: Number(m[1]), prefix: '', len: m[0].length, space: m[2] !== '', sep: text[m[1].length] };
  return null;
}
const STARTS_SOMETHING = /^(?:[一二三四五六七八九十]{1,3}、|（[一二三四五六七八九十\d]{1,3}）|\d{1,2}(?:\.\d{1,2})*[.．、\s](?!\d)|方向[一二三四五六七八九十]|附件|注[：:]|【|[^\s，。；：:、]{2,10}[：:])/;

/** Paragraphs of a text as blocks: { type: 'p', text } or { type: 'table', kind, header, rows }. */
function blocksOf(source) {
  const paras = reflow(clean(source));
  const raw = source.text.split(/\r?\n/);
  // 1. Rejoin long unpunctuated paragraphs that continue on the very next source line.
  const joined = [];
  for (const p of paras) {
    const text = p.text.text;
    const prev = joined.at(-1);
    if (
      prev && !prev.table && !p.table && prev.lastLine + 1 === p.firstLine && prev.text.length >= 20 &&
      !/[。；：！？:;!?]$/.test(prev.text) && !STARTS_SOMETHING.test(text) &&
      // A paragraph that starts with a marker continues only when it is a sentence under way (a
      // heading has no comma): `（1）…，封装腔体真空度优于` / `0.1Pa，…`.
      (!STARTS_SOMETHING.test(prev.text) || (prev.text.includes('，') && !marker(text)))
    ) {
      prev.text += text;
      prev.lastLine = p.lastLine;
    } else joined.push({ text, firstLine: p.firstLine, lastLine: p.lastLine, table: p.table });
  }
  // 2. `label   value` lines (a label/value table printed as text): flag them as cells.
  for (const p of joined) {
    if (p.table) continue;
    const line = raw[p.firstLine - 1] ?? '';
    const m = /^\s*([^\s：:]{2,10})\s{3,}\S/.exec(line);
    if (m && p.text.startsWith(`${m[1]}：`)) p.table = 'lv';
  }
  // 3. Group runs into tables.
  const blocks = [];
  for (let i = 0; i < joined.length; ) {
    const p = joined[i];
    if (p.table === 'row' || p.table === 'cell') {
      const run = [];
      while (i < joined.length && (joined[i].table === 'row' || joined[i].table === 'cell')) run.push(joined[i++]);
      if (run[0].table === 'row') blocks.push(directionTable(run));
      else blocks.push(fieldTable(run));
    } else if (p.table === 'lv') {
      const run = [];
      while (i < joined.length && joined[i].table === 'lv') run.push(joined[i++]);
      if (run.length >= 3) blocks.push(fieldTable(run));
      else for (const r of run) blocks.push({ type: 'p', text: r.text, wrapped: r.firstLine !== r.lastLine });
    } else {
      blocks.push({ type: 'p', text: p.text, wrapped: p.firstLine !== p.lastLine });
      i++;
    }
  }
  return blocks;
}
const splitField = (t) => {
  const at = t.indexOf('：');
  return at < 0 ? [t, ''] : [t.slice(0, at), t.slice(at + 1)];
};
function fieldTable(run) {
  return { type: 'table', kind: 'fields', header: null, rows: run.map((r) => splitField(r.text)) };
}
function directionTable(run) {
  const rows = [];
  for (const p of run) {
    if (p.table === 'row') {
      const m = /^(\d+(?:\.\d+)*)[.．]?\s*(.*)$/.exec(p.text);
      rows.push({ no: m ? m[1] : '', title: m ? m[2] : p.text, cells: new Map() });
    } else {
      const [label, value] = splitField(p.text);
      const row = rows.at(-1);
      row.cells.set(label, row.cells.has(label) ? `${row.cells.get(label)}${value}` : value);
    }
  }
  const labels = [];
  for (const r of rows) for (const l of r.cells.keys()) if (!labels.includes(l)) labels.push(l);
  // The title is a column of its own unless it is one of the cells (a country column).
  const titleIsCell = rows.every((r) => [...r.cells.values()].includes(r.title));
  const header = ['序号', ...(titleIsCell ? [] : ['指南方向名称']), ...labels];
  const body = rows.map((r) => [r.no, ...(titleIsCell ? [] : [r.title]), ...labels.map((l) => r.cells.get(l) ?? '')]);
  return { type: 'table', kind: 'directions', header, rows: body };
}
/** Leading short paragraphs without a full stop and without a marker: the title lines. */
function titleCount(blocks) {
  let n = 0;
  while (n < Math.min(4, blocks.length) && blocks[n].type === 'p' && blocks[n].text.length <= 60 && !/[。；]/.test(blocks[n].text) && !marker(blocks[n].text)) n++;
  return Math.max(n, 1);
}

// ---------------------------------------------------------------- HTML
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
function htmlPage(blocks) {
  const nt = titleCount(blocks);
  const title = blocks.slice(0, nt).map((b) => b.text).join('');
  const body = [];
  blocks.forEach((b, i) => {
    if (b.type === 'table') {
      const rows = [];
      if (b.header) rows.push(`<tr>${b.header.map((h) => `<td style="text-align:center;"><strong>${esc(h)}</strong></td>`).join('')}</tr>`);
      for (const r of b.rows) rows.push(`<tr>${r.map((c) => `<td><p>${esc(c)}</p></td>`).join('')}</tr>`);
      body.push(`<table border="1" cellspacing="0" cellpadding="0" style="border-collapse:collapse;">\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`);
      return;
    }
    const t = b.text;
    const mk = marker(t);
    if (i < nt) body.push(`<p style="text-align: center;"><strong>${esc(t)}</strong></p>`);
    else if (mk && (mk.kind === 'cn' || mk.kind === 'pcn') && t.length <= 40) body.push(`<p style="text-indent: 2em;">　　<strong>${esc(t)}</strong></p>`);
    else if (mk && mk.kind === 'multi' && t.length <= 60) body.push(`<p>&nbsp;&nbsp;&nbsp;&nbsp;<b>${esc(t)}</b></p>`);
    else if (b.wrapped && t.length > 30 && i % 3 === 0) {
      // A paragraph the CMS editor wrapped in the source, inside a <span>: cut between two CJK characters.
      let cut = Math.floor(t.length / 2);
      while (cut < t.length - 1 && !/[\u4e00-\u9fff][\u4e00-\u9fff]/.test(t.slice(cut - 1, cut + 1))) cut++;
      if (cut >= t.length - 1) body.push(`<p>　　${esc(t)}</p>`);
      else body.push(`<p>&nbsp;&nbsp;&nbsp;&nbsp;<span style="font-family: 仿宋_GB2312;">${esc(t.slice(0, cut))}\n${esc(t.slice(cut))}</span></p>`);
    } else body.push(`<p>　　${esc(t)}</p>`);
  });
  const notice = `科技部关于发布${title.replace(/[（(]征求意见稿[）)]$/, '')}的通知`;
  const attachment = `附件：<a href="./P020260101000000000000.pdf">${esc(title)}.pdf</a>`;
  return `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<meta name="ArticleTitle" content="${esc(notice)}" />
<title>${esc(notice)}_中华人民共和国科学技术部</title>
<link href="../../../images/most_style.css" rel="stylesheet" type="text/css" />
<script type="text/javascript" src="../../../images/jquery-1.12.4.min.js"></script>
<style type="text/css">.pages_content p { line-height: 2; } .hidden { display: none; }</style>
</head>
<body>
<div class="header">
  <div class="top_bar"><a href="/">中华人民共和国科学技术部</a> | <a href="/eng/">English</a></div>
  <div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/xxgk/">信息公开</a></li><li><a href="/bsfw/">办事服务</a></li></ul></div>
</div>
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/xxgk/">信息公开</a> &gt; <a href="/tztg/">通知通告</a></div>
<div class="pages_title"><h1>${esc(notice)}</h1></div>
<div class="pages-date">2026-01-01 10:00　来源：科技部</div>
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
<div class="xgfj">相关附件：<ul><li><a href="./P020260101000000000000.pdf">${esc(title)}.pdf</a></li></ul></div>
<div class="footer">
  <p>主办单位：中华人民共和国科学技术部　地址：北京市海淀区复兴路乙15号　邮编：100862</p>
  <p>京ICP备05022684号</p>
</div>
</body>
</html>
`;
}

// ---------------------------------------------------------------- DOCX
const { AlignmentType, Document, LevelFormat, LevelSuffix, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } = docx;
const font = { font: { eastAsia: '仿宋_GB2312', ascii: 'Times New Roman' }, size: 32 };
async function makeDocx(blocks) {
  const nt = titleCount(blocks);
  const configs = new Map(); // reference -> numbering config
  const state = new Map(); // list key (kind + prefix) -> { n, reference, instance }
  let instances = 0;
  const numbering = (mk) => {
    const key = `${mk.kind}|${mk.prefix}|${mk.sep ?? ''}|${mk.space}`;
    const s = state.get(key);
    if (s && mk.n === s.n + 1) {
      s.n = mk.n;
      return { reference: s.reference, instance: s.instance };
    }
    const reference = `${key}@${mk.n}`;
    if (!configs.has(reference)) {
      const format = mk.kind === 'cn' || mk.kind === 'pcn' ? LevelFormat.CHINESE_COUNTING : LevelFormat.DECIMAL;
      const text = { cn: '%1、', pcn: '（%1）', pdec: '（%1）', multi: `${mk.prefix}%1`, dec: `%1${mk.sep === '．' ? '.' : mk.sep ?? '.'}` }[mk.kind];
      configs.set(reference, { reference, levels: [{ level: 0, format, text, start: mk.n, alignment: AlignmentType.LEFT, suffix: mk.space ? LevelSuffix.SPACE : LevelSuffix.NOTHING }] });
    }
    const next = { n: mk.n, reference, instance: ++instances };
    state.set(key, next);
    // A higher-level heading restarts the lists below it (a new 一、 restarts （一）, and so on).
    const order = ['cn', 'pcn', 'multi', 'dec', 'pdec'];
    for (const k of [...state.keys()]) if (order.indexOf(k.split('|')[0]) > order.indexOf(mk.kind)) state.delete(k);
    return { reference, instance: next.instance };
  };
  const children = [];
  blocks.forEach((b, i) => {
    if (b.type === 'table') {
      const width = Math.floor(9000 / (b.header ?? b.rows[0]).length);
      const cell = (text, bold = false) => new TableCell({ width: { size: width, type: WidthType.DXA }, children: [new Paragraph({ children: [new TextRun({ text, bold, ...font, size: 24 })] })] });
      const rows = [];
      if (b.header) rows.push(new TableRow({ tableHeader: true, children: b.header.map((h) => cell(h, true)) }));
      for (const r of b.rows) rows.push(new TableRow({ children: r.map((c) => cell(c)) }));
      children.push(new Table({ width: { size: 9000, type: WidthType.DXA }, rows }));
      return;
    }
    const t = b.text;
    if (i < nt) {
      children.push(new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: t, bold: true, ...font, size: 44 })] }));
      return;
    }
    const mk = marker(t);
    if (mk) {
      const { reference, instance } = numbering(mk);
      const heading = (mk.kind === 'cn' || mk.kind === 'pcn' || mk.kind === 'multi') && t.length <= 60;
      children.push(new Paragraph({ numbering: { reference, level: 0, instance }, children: [new TextRun({ text: t.slice(mk.len), bold: heading, ...font })] }));
    } else children.push(new Paragraph({ indent: { firstLine: 640 }, children: [new TextRun({ text: t, ...font })] }));
  });
  const word = new Document({
    creator: 'guideline-ingest measure-renditions',
    title: 'guideline',
    numbering: { config: [...configs.values()] },
    sections: [{ children }],
  });
  return Packer.toBuffer(word);
}

// ---------------------------------------------------------------- measure
const ingest = async (path) => {
  try {
    return { doc: processSource(await loadFile(path)) };
  } catch (e) {
    return { error: `${e.code ?? e.name}: ${String(e.message).split('\n')[0]}` };
  }
};
const fmt = (v) => {
  const s = JSON.stringify(v);
  return s === undefined ? 'undefined' : s.length > 60 ? `${s.slice(0, 57)}…` : s;
};
const totals = { html: { identical: 0, differ: 0, refused: 0, directions: 0 }, docx: { identical: 0, differ: 0, refused: 0, directions: 0 } };
for (const file of cases) {
  const name = file.split('/').slice(-2).join('/').replace(/\.txt$/, '');
  const stem = name.replace('/', '--');
  const source = await loadFile(file);
  const blocks = blocksOf(source);
  const htmlPath = join(OUT, `${stem}.html`);
  const docxPath = join(OUT, `${stem}.docx`);
  writeFileSync(htmlPath, htmlPage(blocks));
  writeFileSync(docxPath, await makeDocx(blocks));
  const text = await ingest(file);
  const tables = blocks.filter((b) => b.type === 'table').length;
  console.log(`\n=== ${name}  (${blocks.length} blocks, ${tables} tables)`);
  if (text.error) {
    console.log(`  text refused: ${text.error}`);
    continue;
  }
  console.log(`  text: ${text.doc.directions.length} directions [${text.doc.directions.map((d) => d.id).join(' ')}]`);
  for (const [kind, path] of [['html', htmlPath], ['docx', docxPath]]) {
    const r = await ingest(path);
    if (r.error) {
      totals[kind].refused++;
      console.log(`  ${kind}: REFUSED ${r.error}`);
      continue;
    }
    const d = diff(text.doc, r.doc);
    const changed = d.directions.filter((x) => x.status !== 'unchanged');
    const fields = changed.flatMap((x) => (x.changes.length ? x.changes.map((c) => `${x.oldId ?? x.newId}.${c.field} ${c.kind} ${fmt(c.before)} → ${fmt(c.after)}`) : [`${x.oldId ?? '∅'}→${x.newId ?? '∅'} ${x.status}${x.renumbered ? ' renumbered' : ''}`]));
    const docChanges = [...(d.document?.changes ?? []), ...(d.summary?.changes ?? [])];
    console.log(`  ${kind}: ${r.doc.directions.length} directions [${r.doc.directions.map((x) => x.id).join(' ')}]; ${changed.length} not unchanged`);
    for (const f of fields.slice(0, 5)) console.log(`      ${f}`);
    if (fields.length > 5) console.log(`      … ${fields.length - 5} more`);
    if (docChanges.length) console.log(`    document/summary changes: ${docChanges.slice(0, 5).map((c) => `${c.field} ${c.kind} ${fmt(c.before)} → ${fmt(c.after)}`).join('; ')}`);
    if (changed.length) {
      totals[kind].differ++;
      totals[kind].directions += changed.length;
    } else totals[kind].identical++;
  }
}
console.log('\n=== totals');
for (const k of ['html', 'docx']) console.log(`  ${k}: ${totals[k].identical} identical, ${totals[k].differ} differ (${totals[k].directions} directions), ${totals[k].refused} refused`);
