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
  const body = ds.flatMap((d, k) => [
    `1.${k + 1} ${titleOf(d)}`,
    `合作协议：${agreementOf(d)}。`,
    `领域方向：${d.domains.join('；')}。`,
    `拟支持项目数：${d.count}个。`,
    `共拟支持经费：${d.fundingWan}万元。`,
    `项目实施周期：${d.years}年。`,
    '',
  ]);
  return [...HEAD(ds.length), ...body, ...TAIL].join('\n');
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
