/**
 * One set of directions written out in the layouts guidelines use: headings with a field per line,
 * a `pdftotext -layout` spaced table (cells wrapped within their columns, vertically centred row
 * numbers, the header repeated after a page break), a pipe table, one line of fields per direction,
 * and two-column pages. The same directions must extract the same in each (issue 20).
 */
import { displayWidth } from '../../src/lexicon/chars.js';

export interface DirectionSpec {
  readonly partner: string;
  readonly agreement: string;
  readonly domains: readonly string[];
  readonly count: number;
  /** 万元 */
  readonly fundingWan: number;
  readonly years: number;
}

export const PARTNERS = ['越南', '泰国', '埃及', '智利', '南非', '葡萄牙', '新西兰', '罗马尼亚', '塞尔维亚', '哈萨克斯坦', '印度尼西亚', '阿根廷'] as const;
export const DOMAINS = ['农业', '能源', '医药卫生', '信息通信技术', '海洋科学', '新材料', '防灾减灾', '生物技术', '先进制造', '水资源'] as const;

export const titleOf = (d: DirectionSpec): string => `中国和${d.partner}政府间联合研究项目`;
const agreementOf = (d: DirectionSpec): string => `《${d.agreement}》`;

const HEAD = (count: number) => [
  '国家重点研发计划“政府间国际科技创新合作”重点专项2026年度项目申报指南',
  '',
  `为落实政府间科技合作协定要求，现发布本指南。本批次设立${count}个指南方向。`,
  '',
  '一、领域和方向',
  '',
];
const TAIL = ['', '二、申报要求', '', '申报单位须为在中国大陆境内登记注册的科研院所、高等学校和企业。', ''];

/** Headings and a field per line. */
export function asHeadings(ds: readonly DirectionSpec[]): string {
  const body = ds.flatMap((d, k) => [`1.${k + 1} ${titleOf(d)}`, ...fieldLines(d), '']);
  return [...HEAD(ds.length), ...body, ...TAIL].join('\n');
}

/** A direction's fields, a line each. */
function fieldLines(d: DirectionSpec): string[] {
  return [`合作协议：${agreementOf(d)}。`, `领域方向：${d.domains.join('；')}。`, `拟支持项目数：${d.count}个。`, `共拟支持经费：${d.fundingWan}万元。`, `项目实施周期：${d.years}年。`];
}

/** All fields of a direction on one line, after its heading. */
export function asOneLine(ds: readonly DirectionSpec[]): string {
  const body = ds.flatMap((d, k) => [
    `1.${k + 1} ${titleOf(d)}`,
    `合作协议：${agreementOf(d)}；领域方向：${d.domains.join('、')}；拟支持项目数：${d.count}个；共拟支持经费：${d.fundingWan}万元；项目实施周期：${d.years}年。`,
    '',
  ]);
  return [...HEAD(ds.length), ...body, ...TAIL].join('\n');
}

const HEADER = ['序号', '方向名称', '合作国家', '合作协议', '领域方向', '拟支持项目数', '拟支持经费（万元）', '实施周期'];
const cells = (d: DirectionSpec, k: number): string[] => [
  `1.${k + 1}`,
  titleOf(d),
  d.partner,
  agreementOf(d),
  d.domains.join('；'),
  String(d.count),
  String(d.fundingWan),
  `${d.years}年`,
];

/** A pipe table, as a database copy or a Markdown export gives it. */
export function asPipeTable(ds: readonly DirectionSpec[]): string {
  const row = (c: readonly string[]): string => `| ${c.join(' | ')} |`;
  const body = [row(HEADER), row(HEADER.map(() => '---')), ...ds.map((d, k) => row(cells(d, k)))];
  return [...HEAD(ds.length), ...body, ...TAIL].join('\n');
}

/** Cuts text into pieces of at most `width` display columns. */
function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const ch of text) {
    if (displayWidth(line + ch) > width) {
      out.push(line);
      line = '';
    }
    line += ch;
  }
  if (line) out.push(line);
  return out.length > 0 ? out : [''];
}

const pad = (s: string, width: number): string => s + ' '.repeat(Math.max(0, width - displayWidth(s)));

/**
 * A `pdftotext -layout` table: columns of fixed widths, each cell wrapped within its column, a
 * blank line between rows, the row number on the middle line of its row, `rowsPerPage` rows to a
 * page with a page number and the header again.
 */
export function asSpacedTable(ds: readonly DirectionSpec[], rowsPerPage = 3): string {
  const widths = [6, 18, 12, 24, 22, 14, 20, 10];
  const line = (c: readonly string[]): string => `  ${c.map((x, k) => pad(x, widths[k]!)).join('  ')}`.trimEnd();
  const out: string[] = [];
  const header = [line(HEADER.map((h, k) => wrap(h, widths[k]!)[0]!)), line(HEADER.map((h, k) => wrap(h, widths[k]!)[1] ?? ''))].filter((l) => l.trim());
  let page = 1;
  ds.forEach((d, k) => {
    if (k % rowsPerPage === 0) {
      if (k > 0) out.push('', `                              — ${page++} —`, '\f');
      out.push(...header);
    }
    const wrapped = cells(d, k).map((c, j) => (j === 0 ? [c] : wrap(c, widths[j]!)));
    const height = Math.max(...wrapped.map((w) => w.length));
    const mid = Math.floor((height - 1) / 2);
    out.push('');
    for (let r = 0; r < height; r++) {
      out.push(line(wrapped.map((w, j) => (j === 0 || w.length === 1 ? (r === mid ? w[0]! : '') : (w[r] ?? '')))));
    }
  });
  out.push('', `                              — ${page} —`);
  return [...HEAD(ds.length), ...out, ...TAIL].join('\n');
}

/**
 * Two-column pages: the heading layout hard-wrapped at 20 CJK characters, each page's lines laid
 * out as a left column and a right column side by side, a page number under each page.
 */
export function asTwoColumns(ds: readonly DirectionSpec[], linesPerColumn = 18): string {
  // Everything but the title stands in the columns, as a typeset two-column guideline has it.
  const [title, ...paragraphs] = asHeadings(ds)
    .split('\n')
    .filter((l) => l.trim());
  const lines = paragraphs.flatMap((p) => wrap(p, 40));
  const out: string[] = [];
  let page = 1;
  for (let at = 0; at < lines.length; at += 2 * linesPerColumn) {
    // The last page's columns are balanced, as typesetters set them.
    const rest = lines.length - at;
    const height = rest >= 2 * linesPerColumn ? linesPerColumn : Math.ceil(rest / 2);
    const left = lines.slice(at, at + height);
    const right = lines.slice(at + height, at + 2 * height);
    for (let r = 0; r < left.length; r++) out.push(`${pad(left[r]!, 44)}${right[r] ?? ''}`.trimEnd());
    out.push('', `                    - ${page++} -`, '\f');
  }
  return [title!, '', ...out].join('\n');
}

const REQUIREMENTS = ['（1）合作项目必须双方同时申报；', '（2）外方合作单位须获得本国相应资助。'];

/**
 * A table copied out of Word as text (`另存为纯文本`): cells parted by tabs, the 其他要求 cell's two
 * paragraphs on lines of their own (the second line has no tab).
 */
export function asTabTable(ds: readonly DirectionSpec[]): string {
  const header = [...HEADER, '其他要求'].join('\t');
  const body = ds.flatMap((d, k) => [[...cells(d, k), REQUIREMENTS[0]!].join('\t'), REQUIREMENTS[1]!]);
  return [...HEAD(ds.length), header, ...body, ...TAIL].join('\n');
}

/**
 * A Word table of labels and values under each heading as `pdftotext -layout` prints it: the labels
 * in a narrow column (four characters wide, so `拟支持项目数` wraps to `拟支持项` / `目数`), the values
 * wrapped in a column to their right, a blank line between rows, and a page's foot (`— N —`) between a
 * label's two lines every `footEvery` rows.
 */
export function asLabelColumn(ds: readonly DirectionSpec[], footEvery = 4): string {
  const out: string[] = [];
  let row = 0;
  let page = 1;
  ds.forEach((d, k) => {
    out.push(`  1.${k + 1} ${titleOf(d)}`, '');
    const fields: [string, string][] = [['合作协议', `${agreementOf(d)}。`], ['领域方向', `${d.domains.join('；')}。`], ['拟支持项目数', `${d.count}个。`], ['拟支持经费', `${d.fundingWan}万元。`], ['实施周期', `${d.years}年。`]];
    for (const [label, value] of fields) {
      const labels = wrap(label, 8);
      const values = wrap(value, 50);
      const height = Math.max(labels.length, values.length);
      for (let r = 0; r < height; r++) {
        out.push(`      ${pad(labels[r] ?? '', 8)}        ${values[r] ?? ''}`.trimEnd());
        // (The page breaks inside a row whose label wraps, now and then.)
        if (r === 0 && labels.length > 1 && ++row % footEvery === 0) out.push('', `                              — ${page++} —`, '');
      }
      out.push('');
    }
  });
  return [...HEAD(ds.length), ...out, ...TAIL].join('\n');
}

/** A table of directions pasted as text with one full-width space between cells, a line a row, a group's caption above them. */
export function asFullWidthTable(ds: readonly DirectionSpec[]): string {
  const body = ds.map((d, k) => cells(d, k).join('\u3000'));
  return [...HEAD(ds.length), '表1　指南方向一览', HEADER.join('\u3000'), '（一）双边合作', ...body, '', ...TAIL].join('\n');
}

/** Each direction's heading, then its fields in a table of one header row of labels over one row of values. */
export function asFieldTables(ds: readonly DirectionSpec[]): string {
  const row = (c: readonly string[]): string => `| ${c.join(' | ')} |`;
  const labels = ['合作协议', '领域方向', '拟支持项目数', '拟支持经费（万元）', '实施周期'];
  const body = ds.flatMap((d, k) => [
    `1.${k + 1} ${titleOf(d)}`,
    row(labels),
    row(labels.map(() => '---')),
    row([agreementOf(d), d.domains.join('；'), `${d.count}个`, String(d.fundingWan), `${d.years}年`]),
    `其他要求：${REQUIREMENTS.join('')}`,
    '',
  ]);
  return [...HEAD(ds.length), ...body, ...TAIL].join('\n');
}

/**
 * Each direction's agreement and domains in its text, its figures only in a summary table after
 * the directions (`附表`), a row per direction under the same number and title; `twoRowHeader`: the
 * table's header in two rows (`支持规模` merged over its two columns).
 */
export function asSummaryTable(ds: readonly DirectionSpec[], twoRowHeader = false): string {
  const row = (c: readonly string[]): string => `| ${c.join(' | ')} |`;
  const body = ds.flatMap((d, k) => [`1.${k + 1} ${titleOf(d)}`, `合作协议：${agreementOf(d)}。`, `领域方向：${d.domains.join('；')}。`, `其他要求：${REQUIREMENTS.join('')}`, '']);
  const header = twoRowHeader
    ? [row(['序号', '方向名称', '支持规模', '支持规模', '实施周期（年）']), row(['序号', '方向名称', '拟支持项目数（项）', '国拨经费（万元）', '实施周期（年）'])]
    : [row(['序号', '方向名称', '拟支持项目数（项）', '国拨经费（万元）', '实施周期（年）'])];
  const table = [
    '附表  各指南方向支持规模',
    '',
    ...header,
    row(['---', '---', '---', '---', '---']),
    ...ds.map((d, k) => row([`1.${k + 1}`, titleOf(d), String(d.count), String(d.fundingWan), String(d.years)])),
  ];
  return [...HEAD(ds.length), ...body, ...table, ...TAIL].join('\n');
}

/** Headings written `【指南方向1.1】中国和越南政府间联合研究项目`, as a province's CMS prints them. */
export function asBracketHeadings(ds: readonly DirectionSpec[]): string {
  return asHeadings(ds).replace(/^1\.(\d+) /gm, '【指南方向1.$1】');
}

/** Record fields a policy database prints above a copied document, in its forms. */
export const RECORD_HEADERS: readonly (readonly string[])[] = [
  ['索 引 号：000014349/2026-00012', '主题分类：科技、教育\\科技', '发文机关：科技部', '成文日期：2026年03月02日', '标　　题：国家重点研发计划“政府间国际科技创新合作”重点专项2026年度项目申报指南', '发文字号：国科发资〔2026〕18号', '发布日期：2026年03月05日', '有 效 性：有效', ''],
  ['【发布部门】科学技术部', '【发文字号】国科发资〔2026〕18号', '【发布日期】2026.03.05', '【时效性】现行有效', '【效力级别】部门工作文件', '【法宝引证码】CLI.4.512345', ''],
  ['发布机构：科学技术部', '发布日期：2026-03-05', '政策级别：国家级', '政策类型：申报指南', '信息来源：国家科技管理信息系统公共服务平台', '（本文由政策数据库整理，内容以官方发布为准）', '正文：'],
];

/** `text` as a policy database holds it: its record fields above. */
export function withRecordHeader(text: string, form: number): string {
  return [...RECORD_HEADERS[form % RECORD_HEADERS.length]!, text].join('\n');
}

/**
 * A note app's Markdown (Obsidian, 语雀): front matter whose fields name the guideline, `###`
 * headings, each field a callout (`> [!info] 合作协议`) or a bold label with a footnote call,
 * `==highlight==` marks, a wiki link, and the footnotes' text at the end.
 */
export function asNoteMarkdown(ds: readonly DirectionSpec[]): string {
  const [title, ...rest] = HEAD(ds.length);
  const front = ['---', `title: ${title}`, 'aliases:', '  - 2026年度指南', 'tags:', '  - 科研项目/指南', 'created: 2026-03-05 09:42', '---', ''];
  const note = ['> [!tip] 科研院备注', '> 原文见 [[科研院/指南汇编|指南汇编]]，==新增要求== 以黄色标出。', ''];
  const body = ds.flatMap((d, k) => [
    `### 1.${k + 1} ${titleOf(d)}`,
    '',
    '> [!info]- 合作协议',
    `> ${agreementOf(d)}。`,
    '',
    `**领域方向**：==${d.domains.join('；')}==。`,
    '',
    `**拟支持项目数**：${d.count}个[^${k + 1}]。`,
    '',
    `**共拟支持经费**：${d.fundingWan}万元。`,
    '',
    `**项目实施周期**：${d.years}年。`,
    '',
  ]);
  const notes = ds.map((_, k) => `[^${k + 1}]: 以最终发布的指南为准，第${k + 2}批另行通知。`);
  return [...front, ...note, `# ${title}`, ...rest, ...body, ...TAIL, '---', '', ...notes, ''].join('\n');
}

/** A reStructuredText page (pandoc's `-t rst`, a Sphinx knowledge base): titles underlined, fields as a field list, directives. */
export function asRst(ds: readonly DirectionSpec[]): string {
  const [title, ...rest] = HEAD(ds.length);
  const under = (t: string, c: string): string => c.repeat(displayWidth(t));
  const body = ds.flatMap((d, k) => {
    const heading = `1.${k + 1} ${titleOf(d)}`;
    return [heading, under(heading, '-'), '', `:合作协议: ${agreementOf(d)}`, `:领域方向: ${d.domains.join('；')}`, `:拟支持项目数: ${d.count}个`, `:共拟支持经费: ${d.fundingWan}万元`, `:项目实施周期: ${d.years}年`, ''];
  });
  return ['.. -*- coding: utf-8 -*-', '.. 本页由 pandoc 转换，供知识库发布。', '', under(title!, '='), title, under(title!, '='), '', '.. contents:: 目录', '   :local:', '   :depth: 2', '', ...rest, '.. note::', '', '   各方向的外方要求以外方指南为准。', '', ...body, ...TAIL].join('\n');
}

/**
 * The values of a form's grid as a PDF's text gives them: each field's value in a column beside its
 * label, wrapped at that column's measure, every line of it indented alike (no first-line indent
 * to tell a paragraph's start from its wrapped lines), the running text indented as paragraphs.
 */
export function asBlockIndented(ds: readonly DirectionSpec[], measure = 16): string {
  const wrap = (s: string): string[] => {
    const out: string[] = [];
    let line = '';
    for (const c of s) {
      if (displayWidth(line + c) > measure * 2) {
        out.push(line);
        line = '';
      }
      line += c;
    }
    return [...out, line].map((l) => `　　${l}`);
  };
  const body = ds.flatMap((d, k) => [
    `1.${k + 1} ${titleOf(d)}`,
    ...wrap(`合作协议：${agreementOf(d)}。`),
    ...wrap(`领域方向：${d.domains.join('；')}。`),
    `拟支持项目数：${d.count}个。`,
    `共拟支持经费：${d.fundingWan}万元。`,
    ...wrap(`其他要求：合作项目必须双方同时申报，单方申报无效。中方申报单位应具有独立法人资格，项目实施周期${d.years}年。`),
  ]);
  const [title, ...rest] = HEAD(ds.length);
  const lead = rest.map((l) => (l === '' || /^[一二三四五六七八九十]、/.test(l) ? l : `　　${l}`));
  return [title, ...lead, ...body, ...TAIL].join('\n');
}

/** A content system's JSON record of the page: the text one string field (`\n` escaped), its title another, the record's metadata around. */
export function asJsonRecord(ds: readonly DirectionSpec[]): string {
  const [title, , ...rest] = asHeadings(ds).split('\n');
  return JSON.stringify({ code: 200, message: '操作成功', data: { articleId: 'a1b2c3', channelName: '通知通告', title, source: '科技部', publishTime: '2026-03-05 17:30:00', tags: ['申报指南', '2026'], content: rest.join('\n') } }, null, 2);
}

/** The guideline's text as UTF-8 quoted-printable, 76 characters a line with soft breaks (a character's bytes may be parted). */
function quotedPrintable(text: string): string {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const encoded = [...Buffer.from(line, 'utf8')].map((b) => (b >= 33 && b <= 126 && b !== 61 ? String.fromCharCode(b) : `=${b.toString(16).toUpperCase().padStart(2, '0')}`)).join('');
    let rest = encoded;
    while (rest.length > 75) {
      let cut = 75;
      // Never inside an `=XX`.
      while (rest[cut - 1] === '=' || rest[cut - 2] === '=') cut--;
      out.push(`${rest.slice(0, cut)}=`);
      rest = rest.slice(cut);
    }
    out.push(rest);
  }
  return out.join('\r\n');
}

/** An e-mail's raw source saved as text: headers (the subject in encoded words), a multipart body, the text part in quoted-printable and an HTML copy in base64. */
export function asEml(ds: readonly DirectionSpec[]): string {
  const text = asHeadings(ds);
  const subject = `转发：${text.split('\n')[0]}`;
  const b = '----=_Part_1_2.3';
  return [
    'Return-Path: <kyy@example.edu.cn>',
    'Date: Tue, 10 Mar 2026 09:12:44 +0800',
    `From: =?UTF-8?B?${Buffer.from('科研院').toString('base64')}?= <kyy@example.edu.cn>`,
    'To: teachers@example.edu.cn',
    `Subject: =?UTF-8?B?${Buffer.from(subject).toString('base64')}?=`,
    'MIME-Version: 1.0',
    `Content-Type: multipart/alternative; boundary="${b}"`,
    '',
    `--${b}`,
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: quoted-printable',
    '',
    quotedPrintable(text),
    `--${b}`,
    'Content-Type: text/html; charset=UTF-8',
    'Content-Transfer-Encoding: base64',
    '',
    Buffer.from(`<html><body>${text.split('\n').map((l) => `<p>${l}</p>`).join('')}</body></html>`).toString('base64').replace(/(.{76})/g, '$1\r\n'),
    `--${b}--`,
    '',
  ].join('\r\n');
}

/** A MediaWiki page's source: `==` headings, a `{| … |}` table of `! label` / `| value` rows per direction, `#` lists, templates, notes and categories. */
export function asWikitext(ds: readonly DirectionSpec[]): string {
  const [title, , lead, , part] = asHeadings(ds).split('\n');
  const body = ds.flatMap((d, k) => [
    `=== 1.${k + 1} ${titleOf(d)} ===`,
    '{| class="wikitable"',
    '! style="width:9em" | 合作协议',
    `| ${agreementOf(d)}<ref>以正式文本为准。</ref>`,
    '|-',
    '! 领域方向',
    '|',
    ...d.domains.map((x) => `# ${x}；`),
    '|-',
    `| '''拟支持项目数''' || ${d.count}个`,
    '|-',
    `| '''共拟支持经费''' || ${d.fundingWan}万元`,
    '|-',
    '! 项目实施周期',
    `| ${d.years}年`,
    '|}',
    '',
  ]);
  return [`{{提示|本页由[[科研处]]整理，仅供参考。}}`, '__TOC__', `<div style="text-align:center">${title}</div>`, '', lead, '', `== ${part} ==`, '', ...body, '== 二、申报要求 ==', '# 申报单位须为在中国大陆境内登记注册的科研院所、高等学校和企业。', '', '[[Category:申报指南]]', ''].join('\n');
}

/** A LaTeX document (ctex): the title in `\title`, sections, a macro of the office's own for each label, the domains an `enumerate`, comments. */
export function asLatex(ds: readonly DirectionSpec[]): string {
  const [title, , lead, , part] = asHeadings(ds).split('\n');
  const body = ds.flatMap((d, k) => [
    `%% ----- 1.${k + 1} -----`,
    `\\subsection*{1.${k + 1}\\quad ${titleOf(d)}}`,
    '',
    `\\field{合作协议}${agreementOf(d)}。`,
    '',
    '\\field{领域方向}',
    '\\begin{enumerate}',
    ...d.domains.map((x) => `  \\item ${x}；`),
    '\\end{enumerate}',
    '',
    `\\field{拟支持项目数}${d.count}个。 % 以正式稿为准`,
    '',
    `\\field{共拟支持经费}${d.fundingWan}万元。`,
    '',
    `\\field{项目实施周期}${d.years}年。`,
    '',
  ]);
  return [
    '% !TEX program = xelatex',
    '\\documentclass[12pt,a4paper]{ctexart}',
    '\\usepackage{enumitem}',
    '\\setlist[enumerate]{label=（\\arabic*）}',
    '\\newcommand{\\field}[1]{\\par\\noindent\\textbf{#1：}}',
    `\\title{${title!.replace(/“/g, '``').replace(/”/g, "''")}}`,
    '\\date{}',
    '\\begin{document}',
    '\\maketitle',
    '',
    lead,
    '',
    `\\section{${part!.replace(/^一、/, '')}}`,
    '',
    ...body,
    '\\section{申报要求}',
    '',
    '申报单位须为在中国大陆境内登记注册的科研院所、高等学校和企业。',
    '\\end{document}',
    '',
  ].join('\n');
}

/**
 * A web page's cards copied as text: `方向 N` on its own line, the title on the next, then every
 * label alone on its line (no colon, other spellings: 合作国别, 支持领域, 支持数量, 资助额度, 执行期限)
 * and its value on the lines below it.
 */
export function asCards(ds: readonly DirectionSpec[]): string {
  const body = ds.flatMap((d, k) => [
    `方向 ${k + 1}`,
    titleOf(d),
    '合作国别',
    d.partner,
    '合作协议',
    agreementOf(d),
    '支持领域',
    ...d.domains.map((x, i) => `（${i + 1}）${x}${i === d.domains.length - 1 ? '。' : '；'}`),
    '支持数量',
    `${d.count}项`,
    '资助额度',
    `共计${d.fundingWan.toLocaleString('en-US')}万元人民币`,
    '执行期限',
    `${d.years}年`,
    '',
  ]);
  return [...HEAD(ds.length), ...body, ...TAIL].join('\n');
}

/**
 * A form of two columns copied as text: `任务N　title` under `专题一`, each row `label<TAB>value`, a
 * value's further lines led by a tab.
 */
export function asTabForm(ds: readonly DirectionSpec[]): string {
  const body = ds.flatMap((d, k) => [
    `任务${k + 1}　${titleOf(d)}`,
    `合作国别\t${d.partner}`,
    `合作协议\t${agreementOf(d)}`,
    ...d.domains.map((x, i) => `${i === 0 ? '支持领域' : ''}\t${i + 1}. ${x}${i === d.domains.length - 1 ? '。' : '；'}`),
    `拟支持项目数\t${d.count}项`,
    `资助额度\t中方国拨经费共计${d.fundingWan}万元人民币`,
    `研究期限\t${d.years}年`,
    '',
  ]);
  return [...HEAD(ds.length), '专题一　政府间联合研究', '', ...body, ...TAIL].join('\n');
}

/**
 * Text pasted from Word whose automatic numbering was lost: the part's title and each direction's
 * title led only by the tab that followed the number, in two levels.
 */
export function asNumberingLost(ds: readonly DirectionSpec[]): string {
  const body = ds.flatMap((d) => [`\t${titleOf(d)}`, ...fieldLines(d), '']);
  return [...HEAD(ds.length), '\t政府间联合研究项目', '', ...body, ...TAIL].join('\n');
}

/**
 * A table copied from a PDF column by column: `序号` and the rows' numbers, then each column's
 * header (a long one wrapped onto a second line with its unit) and its cells, a cell wrapped every
 * `width` characters where its column is narrow.
 */
export function asColumnMajor(ds: readonly DirectionSpec[], width = 14): string {
  const rows = ds.map((d, k) => cells(d, k));
  // Each column as narrow as `width` allows where no cell could be read two ways: a cell that ends
  // within a character of the column's edge, then a short one, reads as one wrapped cell as well
  // (no copy says which it was; the reader takes the longer line for a cell's start).
  const columnWidth = (c: number): number => {
    const lengths = rows.map((r) => r[c]!.length);
    for (let w = width; w < 60; w++) {
      const tails = lengths.map((n) => (n <= w ? n : n % w || w));
      if (lengths.every((n, k) => (n <= w ? n : tails[k]!) < w - 1)) return w;
    }
    return 60;
  };
  const wrap = (t: string, w: number): string[] => {
    const out: string[] = [];
    for (let i = 0; i < t.length; i += w) out.push(t.slice(i, i + w));
    return out;
  };
  const headers = HEADER.map((h) => (h === '拟支持项目数' ? ['拟支持项目', '数（个）'] : h === '拟支持经费（万元）' ? ['拟支持经费', '（万元）'] : [h]));
  const body = headers.flatMap((h, c) => {
    const w = columnWidth(c);
    return [...h, ...rows.flatMap((r) => wrap(r[c]!, w))];
  });
  return [...HEAD(ds.length), '表1 指南方向及要求', ...body, '', ...TAIL].join('\n');
}

/**
 * Directions named in 【】 with no number, each field a ▲ bullet under a label in two languages
 * (`Agreement 合作协议：`, `拟支持项目数 Projects：`), the fields in another order each time.
 */
export function asBracketTitlesBilingual(ds: readonly DirectionSpec[]): string {
  const body = ds.flatMap((d, k) => {
    const fields = [
      `▲Agreement 合作协议：${agreementOf(d)}。`,
      `▲领域方向 Fields：${d.domains.join('；')}。`,
      `▲拟支持项目数 Projects：${d.count}个。`,
      `▲Funding 经费：${d.fundingWan}万元人民币。`,
      `▲Duration 实施周期：${d.years}年。`,
    ];
    const turned = [...fields.slice(k % fields.length), ...fields.slice(0, k % fields.length)];
    return [`【${titleOf(d)}】`, ...turned, ''];
  });
  return [...HEAD(ds.length), ...body, ...TAIL].join('\n');
}

/**
 * A `pdftotext -layout` table turned on its side: a direction per column, the fields' names down the
 * first column (a name wrapped over two lines, or standing in the middle of its row), a blank line
 * between rows, `perGroup` directions to a page and the rest under `续表` on the next with their own
 * 序号 row; the ids run 1, 2, 3 … (so the directions are numbered as the table's columns).
 */
export function asTransposedSpacedTable(ds: readonly DirectionSpec[], perGroup = 3): string {
  const names = [['序号'], ['方向名称'], ['合作国家'], ['合作协议'], ['领域方向'], ['拟支持项目', '数（个）'], ['拟支持经费', '（万元）'], ['实施周期']];
  const value = (d: DirectionSpec, k: number): string[] => [String(k + 1), titleOf(d), d.partner, agreementOf(d), d.domains.join('；'), String(d.count), String(d.fundingWan), `${d.years}年`];
  const [nameWidth, cellWidth] = [14, 26];
  const out: string[] = [];
  for (let g = 0; g * perGroup < ds.length; g++) {
    const group = ds.slice(g * perGroup, (g + 1) * perGroup);
    if (g > 0) out.push('', `                    — ${g + 1} —`, '\f  续表', '');
    names.forEach((name, r) => {
      const columns = group.map((d, j) => wrap(value(d, g * perGroup + j)[r]!, cellWidth - 2));
      const height = Math.max(name.length, ...columns.map((c) => c.length));
      // A one-line name stands on the middle line of its row.
      const top = name.length === 1 ? Math.floor((height - 1) / 2) : 0;
      for (let line = 0; line < height; line++) {
        const label = line - top >= 0 ? (name[line - top] ?? '') : '';
        out.push(`  ${pad(label, nameWidth)}${columns.map((c) => pad(c[line] ?? '', cellWidth)).join('')}`.trimEnd());
      }
      out.push('');
    });
  }
  out.push(`                    — ${Math.ceil(ds.length / perGroup)} —`);
  return [...HEAD(ds.length), '             表1  各指南方向及要求', '', ...out, ...TAIL].join('\n');
}

/**
 * A WeChat article's copy: a headline and an editor's note with its emoji summary before a
 * `以下为指南全文` divider, keycap numbers for the parts (`1️⃣ 领域和方向`), `🔹` before each
 * direction and `▫️` before each field, then `END`, 阅读原文 and a 推荐阅读 list whose headlines begin
 * like directions (`1.1亿元！…`).
 */
export function asWeChatArticle(ds: readonly DirectionSpec[]): string {
  const [title, ...rest] = HEAD(ds.length);
  const body = ds.flatMap((d, k) => [`🔹1.${k + 1} ${titleOf(d)}`, ...fieldLines(d).map((l) => `▫️${l}`), '']);
  return [
    `重磅｜科技部发布${ds.length}个方向的国际合作指南🎉`,
    '原创 小编 科研前沿 2026年4月18日 09:30 北京',
    '',
    '📢 编者按',
    `本批共设立${ds.length + 1}个方向，多数方向实施周期为3年，建议收藏⭐！`,
    '',
    '— — — 以下为指南全文 — — —',
    '',
    title!,
    ...rest.slice(0, 3),
    '1️⃣ 领域和方向',
    '',
    ...body,
    '2️⃣ 申报要求',
    '',
    TAIL[3]!,
    '',
    '— — — END — — —',
    '👉点击阅读原文',
    '推荐阅读',
    '📖 1.1亿元！港澳台科技创新合作重点专项2026年度指南发布',
    '📖 2.3万人关注的申报指南解读',
    '阅读 3.2万　赞 268',
  ].join('\n');
}

/**
 * A form's fields two to a line through `pdftotext -layout`: the agreement, domains and
 * requirements on the left, each wrapped at `width` display columns under its own column, the
 * figures on the right from one column on (`共拟支持经费：…万元人民币` wrapped before `左右`-like
 * rests when `rightWidth` is small); a page's foot between rows now and then.
 */
export function asPairedFields(ds: readonly DirectionSpec[], width = 44, rightWidth = 30, footEvery = 5): string {
  const out: string[] = [];
  let rows = 0;
  let page = 1;
  ds.forEach((d, k) => {
    out.push(`${k === 0 ? '' : '\n'}1.${k + 1} ${titleOf(d)}`);
    const left = [`合作协议：${agreementOf(d)}。`, `领域方向：${d.domains.join('；')}。`, `其他要求：${REQUIREMENTS[0]}`, REQUIREMENTS[1]!];
    const right = [`拟支持项目数：${d.count}个`, `共拟支持经费：${d.fundingWan}万元人民币`, `实施周期：${d.years}年`];
    left.forEach((cell, c) => {
      const ls = wrap(cell, width);
      const rs = c < right.length ? wrap(right[c]!, rightWidth) : [];
      for (let r = 0; r < Math.max(ls.length, rs.length); r++) {
        out.push(`    ${pad(ls[r] ?? '', width)}    ${rs[r] ?? ''}`.trimEnd());
        if (++rows % footEvery === 0) out.push('', `${' '.repeat(36)}— ${page++} —`, '');
      }
    });
  });
  return [...HEAD(ds.length), ...out, ...TAIL].join('\n');
}

/**
 * A table copied as `pdftotext` without `-layout` gives it: column after column, every cell a block
 * of its own with a blank line after it, wrapped at `width` characters; a header wrapped over two
 * lines; `rowsPerPage` rows to a page, each page's table its own, with its header again.
 */
export function asCellBlocks(ds: readonly DirectionSpec[], width = 9, rowsPerPage = 3): string {
  const rows = ds.map((d, k) => cells(d, k));
  const headers = HEADER.map((h) => (h === '拟支持项目数' ? ['拟支持项', '目数（个）'] : h === '拟支持经费（万元）' ? ['拟支持经费', '（万元）'] : [h]));
  const chunk = (t: string): string[] => Array.from({ length: Math.ceil(t.length / width) }, (_, i) => t.slice(i * width, (i + 1) * width));
  const pages: string[] = [];
  for (let p = 0; p * rowsPerPage < rows.length; p++) {
    const page = rows.slice(p * rowsPerPage, (p + 1) * rowsPerPage);
    pages.push(...headers.flatMap((h, c) => [h.join('\n'), ...page.map((r) => chunk(r[c]!).join('\n'))]).flatMap((b) => [b, '']), `- ${p + 1} -`, '');
  }
  return [...HEAD(ds.length), '表1 指南方向及要求', '', ...pages, ...TAIL].join('\n');
}

/**
 * Fields without labels: the preamble says once in which order each direction lists its values, a
 * value to a line under the title with no label (`《…》` / `农业；能源` / `不超过3项` / `900万元` /
 * `3年`), the direction's own requirements numbered after them. The order of the values is the
 * document's (`order`, a permutation of the five), and `plain` leaves the figures' bounds out.
 */
export function asUnlabelled(ds: readonly DirectionSpec[], order: readonly number[] = [0, 1, 2, 3, 4], plain = true): string {
  const names = ['合作协议', '领域方向', '拟支持项目数', '国拨经费', '实施周期'];
  const head = HEAD(ds.length);
  head.splice(3, 0, `各指南方向在方向名称之下依次列出${order.map((i) => names[i]).join('、')}，每项单独一行，不再标注栏目名称；有其他要求的，在其后逐条列出。`, '');
  const valuesOf = (d: DirectionSpec): string[] => [
    agreementOf(d),
    d.domains.join(d.domains.length > 2 ? '、' : '；'),
    plain ? `${d.count}项` : `不超过${d.count}项`,
    plain ? `${d.fundingWan}万元` : `约${d.fundingWan}万元人民币`,
    plain ? `${d.years}年` : `原则上${d.years}年`,
  ];
  const body = ds.flatMap((d, k) => {
    const v = valuesOf(d);
    return [`${k + 1}. ${titleOf(d)}`, ...order.map((i) => v[i]!), ...(k % 2 === 0 ? ['（1）合作项目必须双方同时申报，单方申报无效。', '（2）鼓励青年科研人员参与。'] : []), ''];
  });
  return [...head, ...body, ...TAIL].join('\n');
}

/**
 * A form per direction whose labels run down a narrow column, one character a line, beside their
 * values (`pdftotext -layout` of a Word table whose label cells are a character wide), the label
 * centred against its value; `指南方向1.1` captions over the forms, a page's foot every
 * `footEvery` forms.
 */
export function asVerticalLabels(ds: readonly DirectionSpec[], footEvery = 2): string {
  const rows = (d: DirectionSpec): [string, string[]][] => [
    ['方向名称', [titleOf(d)]],
    ['合作协议', [agreementOf(d)]],
    ['领域方向', [d.domains.join('；')]],
    ['拟支持项目数', [`${d.count}项`]],
    ['共拟支持经费', [`${d.fundingWan}万元`]],
    ['实施周期', [`${d.years}年`]],
  ];
  const body: string[] = [];
  ds.forEach((d, k) => {
    body.push(`                    指南方向1.${k + 1}`, '');
    for (const [label, values] of rows(d)) {
      const n = Math.max(label.length, values.length);
      const top = Math.floor((n - values.length) / 2);
      for (let i = 0; i < n; i++) {
        const ch = label[i] ?? ' ';
        const v = i >= top && i < top + values.length ? values[i - top]! : '';
        body.push(`  ${ch}${v ? `    ${v}` : ''}`.trimEnd());
      }
      body.push('');
    }
    if ((k + 1) % footEvery === 0) body.push('', `                    — ${(k + 1) / footEvery} —`, '\f');
  });
  return [...HEAD(ds.length), ...body, ...TAIL].join('\n');
}

/**
 * The headings-and-labels text as a booklet's print file: cut into pages of `perPage` lines of at
 * most `width` characters, each page's number at its foot, the pages imposed two to a sheet in the
 * order they are folded (`[8|1]`, `[2|7]`, `[6|3]`, `[4|5]` for eight pages; blank pages added to a
 * multiple of four), sheet after sheet with a form feed, both halves on the same text lines.
 */
export function asImposedBooklet(ds: readonly DirectionSpec[], perPage = 14, width = 18): string {
  const wrapped = asHeadings(ds)
    .split('\n')
    .flatMap((l) => (l === '' ? [''] : Array.from({ length: Math.ceil(l.length / width) }, (_, i) => l.slice(i * width, (i + 1) * width))));
  const pages: string[][] = [];
  for (let i = 0; i < wrapped.length; i += perPage) pages.push(wrapped.slice(i, i + perPage));
  while (pages.length % 4 !== 0) pages.push([]);
  const n = pages.length;
  const pad = (s: string, w: number): string => s + ' '.repeat(Math.max(0, w - displayWidth(s)));
  const sheets: string[] = [];
  for (let s = 0; s < n / 2; s++) {
    // Sheet s holds pages (n - s, s + 1) on front sides (even s) and (s + 1, n - s) on back sides.
    const [a, b] = s % 2 === 0 ? [n - s, s + 1] : [s + 1, n - s];
    const left = pages[a - 1]!;
    const right = pages[b - 1]!;
    const lines: string[] = [];
    for (let i = 0; i < perPage; i++) lines.push(pad(`    ${left[i] ?? ''}`, 48) + (right[i] ?? ''));
    const body = lines.map((l) => l.trimEnd());
    body.push('', `${pad(`            — ${a} —`, 48)}        — ${b} —`);
    sheets.push(body.join('\n'));
  }
  return sheets.join('\n\f');
}

/**
 * The headings-and-labels text printed with Word's markup: balloons in a column on the right
 * (`删除的内容: …`, `带格式的: …`, `批注 [WJ1]: …` wrapping onto the lines below) beside every
 * `every`-th line of the text; the text itself is the revised one.
 */
export function withBalloons(text: string, every = 4): string {
  const notes = ['删除的内容: 10', '带格式的: 字体: (中文) 仿宋_GB2312, 三号', '批注 [WJ1]: 请各处室据此核减各方向经费后再报，并与外方确认领域表述。', '删除的内容: 1.35'];
  const lines = text.split('\n');
  const out: string[] = [];
  let pending: string[] = [];
  let k = 0;
  lines.forEach((l, i) => {
    if (i % every === 0 && pending.length === 0) {
      const note = notes[k++ % notes.length]!;
      pending = [note.slice(0, 22), ...(note.length > 22 ? [note.slice(22, 44)] : []), ...(note.length > 44 ? [note.slice(44)] : [])];
    }
    const side = pending.shift();
    out.push(side ? `${l}${' '.repeat(Math.max(3, 72 - displayWidth(l)))}${side}` : l);
  });
  return out.join('\n');
}

/**
 * Text copied from a PDF whose headings and labels are in fake bold (each glyph drawn twice, both
 * copied: `合合作作协协议议：：`), a direction's fields run on in one paragraph, hard-wrapped at
 * `measure` characters (a pair never parted, as both glyphs stand in one place), a page's foot
 * (`‒ N ‒` and the running head) every `pageLines` lines.
 */
export function asFakeBold(ds: readonly DirectionSpec[], measure = 20, pageLines = 14): string {
  type Piece = { readonly text: string; readonly bold: boolean };
  const bold = (text: string): Piece => ({ text, bold: true });
  const plain = (text: string): Piece => ({ text, bold: false });
  /** The pieces wrapped at `measure` characters, each bold character doubled. */
  const wrap = (pieces: readonly Piece[]): string[] => {
    const chars = pieces.flatMap((p) => [...p.text].map((c) => (p.bold && c !== ' ' ? c + c : c)));
    const out: string[] = [];
    for (let i = 0; i < chars.length; i += measure) out.push(chars.slice(i, i + measure).join(''));
    return out;
  };
  const [title, , lead, , part] = HEAD(ds.length);
  const body = ds.flatMap((d, k) => [
    ...wrap([bold(`1.${k + 1} ${titleOf(d)}`)]),
    ...wrap([
      bold('合作协议：'), plain(`${agreementOf(d)}。`),
      bold('领域方向：'), plain(`${d.domains.join('；')}。`),
      bold('拟支持项目数：'), plain(`${d.count}个。`),
      bold('共拟支持经费：'), plain(`${d.fundingWan}万元。`),
      bold('项目实施周期：'), plain(`${d.years}年。`),
    ]),
  ]);
  const [, tailPart, , tailText] = TAIL;
  const lines = [...wrap([bold(title!)]), ...wrap([plain(lead!)]), ...wrap([bold(part!)]), ...body, ...wrap([bold(tailPart!)]), ...wrap([plain(tailText!)])];
  // (Each page's foot, the last page's too: its number and the running head.)
  const foot = (n: number): string[] => [`‒ ${n} ‒`, '政府间国际科技创新合作重点专项2026年度项目申报指南'];
  const paged = lines.flatMap((l, i) => ((i + 1) % pageLines === 0 ? [l, ...foot((i + 1) / pageLines)] : [l]));
  return [...paged, ...foot(Math.floor(lines.length / pageLines) + 1), ''].join('\n');
}

/**
 * A guideline pasted from a PDF with its line breaks taken out by hand, a field a line: each page's
 * number and running head left glued inside the text where the page turned, inside a treaty's
 * name, a list of domains or an amount's digits (`1— 3 —政府间…申报指南200万元`), the dash style
 * changing from page to page.
 */
export function asJoinedWithHeads(ds: readonly DirectionSpec[]): string {
  const head = '政府间国际科技创新合作重点专项2026年度项目申报指南';
  const foot = (n: number): string => `${n % 2 === 0 ? '－' : '—'} ${n} ${n % 2 === 0 ? '－' : '—'}${head}`;
  const glue = (s: string, at: number, n: number): string => s.slice(0, at) + foot(n) + s.slice(at);
  const body = ds.flatMap((d, k) => {
    const fields = fieldLines(d);
    // (The page turns in the agreement's name, the domains or the amount, a direction each.)
    const which = [0, 1, 3][k % 3]!;
    const line = fields[which]!;
    const colon = line.indexOf('：') + 1;
    fields[which] = glue(line, which === 3 ? colon + 1 : colon + Math.max(1, Math.floor((line.length - colon) / 2)), k + 1);
    return [`1.${k + 1} ${titleOf(d)}`, ...fields, ''];
  });
  return [...HEAD(ds.length), ...body, ...TAIL].join('\n');
}

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** The text lines of the head and tail as a page's paragraphs. */
const htmlParagraphs = (lines: readonly string[]): string => lines.filter((l) => l !== '').map((l, k) => (k === 0 ? `<h1>${escapeHtml(l)}</h1>` : `<p>${escapeHtml(l)}</p>`)).join('\n');

/**
 * A web page whose directions are one `<table>` (a header row, a row each), the page's menu and
 * footer around the article; its domains `；`-separated in their cell.
 */
export function asHtmlTable(ds: readonly DirectionSpec[]): string {
  const row = (c: readonly string[], tag: 'th' | 'td'): string => `<tr>${c.map((x) => `<${tag}>${escapeHtml(x)}</${tag}>`).join('')}</tr>`;
  return [
    '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>指南-科技厅</title></head><body>',
    '<div class="nav"><a href="/">首页</a> | <a href="/tzgg/">通知公告</a></div>',
    `<div class="article">${htmlParagraphs(HEAD(ds.length))}`,
    `<table border="1">${row(HEADER, 'th')}${ds.map((d, k) => row(cells(d, k), 'td')).join('')}</table>`,
    `${htmlParagraphs(TAIL)}</div>`,
    '<div class="footer">版权所有：某省科学技术厅</div></body></html>',
  ].join('\n');
}

/**
 * The same page with the table drawn by its style sheet from `<div>`s (`display: table`, `table-row`,
 * `table-cell`), no `<table>`: each domain a `<span>` the sheet shows as a block, no separator
 * between them in the markup; a phone's layout in `@media (max-width: …)` showing the cells as blocks.
 */
export function asCssTable(ds: readonly DirectionSpec[]): string {
  const cell = (x: string, k: number): string => `<div class="zn-td" data-k="${k}">${x}</div>`;
  const row = (c: readonly string[]): string => `<div class="zn-tr">${c.map(cell).join('')}</div>`;
  const styled = (d: DirectionSpec, k: number): string[] => cells(d, k).map((c, j) => (j === 4 ? d.domains.map((x) => `<span class="li">${x}</span>`).join('') : escapeHtml(c)));
  return [
    '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>指南-科研院</title><style>',
    '.zn-table{display:table;width:100%}.zn-thead{display:table-header-group;font-weight:700}.zn-tbody{display:table-row-group}',
    '.zn-tr{display:table-row}.zn-th,.zn-td{display:table-cell;border:1px solid #ccc}.zn-td .li{display:block}',
    '@media (max-width: 700px){.zn-table,.zn-tbody,.zn-tr,.zn-td{display:block}.zn-thead{display:none}}',
    '</style></head><body>',
    `<div class="article">${htmlParagraphs(HEAD(ds.length))}`,
    `<div class="zn-table"><div class="zn-thead"><div class="zn-tr">${HEADER.map((h) => `<div class="zn-th">${h}</div>`).join('')}</div></div>`,
    `<div class="zn-tbody">${ds.map((d, k) => row(styled(d, k))).join('')}</div></div>`,
    `${htmlParagraphs(TAIL)}</div></body></html>`,
  ].join('\n');
}

/**
 * The directions as a web editor's cards (135编辑器, 秀米: a flex box of a number badge `01` beside
 * the heading, the fields in a panel), with a box of links to other articles (`延伸阅读`) between two
 * cards, as a portal's reprint has them.
 */
export function asEditorCards(ds: readonly DirectionSpec[]): string {
  const card = (d: DirectionSpec, k: number): string =>
    `<section style="margin:12px 0"><section style="display:flex;align-items:center"><section style="width:36px;border-radius:50%">${String(k + 1).padStart(2, '0')}</section>` +
    `<section style="flex:1"><p><strong>1.${k + 1} ${titleOf(d)}</strong></p></section></section>` +
    `<section style="padding:10px">${fieldLines(d).map((l) => `<p><span style="font-weight:bold">${l.slice(0, l.indexOf('：') + 1)}</span><span>${escapeHtml(l.slice(l.indexOf('：') + 1))}</span></p>`).join('')}</section></section>`;
  const reading = '<section style="border:1px solid #eee"><p><strong>延伸阅读</strong></p><p><a href="/a/1.html">2025年度指南解读：11个方向、国拨1.62亿元</a></p><p><a href="/a/2.html">盘点｜近五年支持了哪些国家？</a></p></section>';
  return [
    '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>政策解读</title></head><body><div class="rich_media_content">',
    htmlParagraphs(HEAD(ds.length)),
    ...ds.map((d, k) => (k === 0 ? card(d, k) + reading : card(d, k))),
    htmlParagraphs(TAIL),
    '</div></body></html>',
  ].join('\n');
}

/**
 * A direction's fields as a form's key points: each label and its value apart by leader dots, the
 * value flush right at `width` columns (`项目实施周期…………………3年`), the heading `方向N` with no space
 * after the number, under a part `第一部分`.
 */
export function asLeaderLines(ds: readonly DirectionSpec[], width = 48): string {
  const leader = (label: string, value: string): string => {
    const dots = Math.max(4, width - displayWidth(label) - displayWidth(value));
    return `${label}${'.'.repeat(dots)}${value}`;
  };
  const body = ds.flatMap((d, k) => [
    `方向${k + 1}${titleOf(d)}`,
    leader('合作协议', agreementOf(d)),
    leader('领域方向', d.domains.join('；')),
    leader('拟支持项目数', `${d.count}个`),
    leader('共拟支持经费', `${d.fundingWan}万元`),
    leader('项目实施周期', `${d.years}年`),
  ]);
  return [...HEAD(ds.length), '第一部分 联合研究', ...body, ...TAIL].join('\n');
}

/**
 * Text as Apache Tika (PDFBox) gives a PDF: every paragraph hard-wrapped at `measure` columns, a
 * blank line wherever PDFBox guessed a paragraph from the line spacing (`every`: after every so many
 * wrapped lines, inside sentences too, never inside a heading), and a blank line between paragraphs
 * only sometimes.
 */
export function asTikaText(ds: readonly DirectionSpec[], measure = 24, every = 3): string {
  const out: string[] = [];
  let n = 0;
  for (const line of asHeadings(ds).split('\n')) {
    if (line === '') continue;
    const pieces = wrap(line, measure);
    // (Never inside a heading: set larger, it stands apart in the line spacing PDFBox reads.)
    const heading = /^(?:\d+\.\d+ |[一二三四五六七八九十]、)/.test(line);
    pieces.forEach((p, k) => {
      n++;
      if (k > 0 && !heading && n % every === 0) out.push('');
      out.push(p);
    });
    if (n % 2 === 0) out.push('');
  }
  return out.join('\n');
}

/**
 * A guideline arranged field by field: the directions' titles and domains under `一、领域和方向`, then
 * a section for each other field, a line per direction that starts with its id (`1.1　《…》。`), the
 * figures in one section's sentences (`1.1　拟支持项目数3个，共拟支持经费900万元，项目实施周期3年。`).
 */
export function asFieldSections(ds: readonly DirectionSpec[]): string {
  const head = HEAD(ds.length);
  const titles = ds.flatMap((d, k) => [`1.${k + 1} ${titleOf(d)}`, `　　领域方向：${d.domains.join('；')}。`, '']);
  const agreements = ds.map((d, k) => `　　1.${k + 1}　${agreementOf(d)}。`);
  const figures = ds.map((d, k) => `　　1.${k + 1}　拟支持项目数${d.count}个，共拟支持经费${d.fundingWan}万元人民币，项目实施周期${d.years}年。`);
  return [...head, ...titles, '二、各指南方向合作协议', '', ...agreements, '', '三、各指南方向拟支持项目数、经费和实施周期', '', ...figures, ...TAIL.map((l) => l.replace('二、', '四、'))].join('\n');
}
