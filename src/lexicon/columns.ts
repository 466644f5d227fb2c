/**
 * Table header cells and what each column holds. A table of directions (`序号 | 合作国家 | 合作协议 |
 * 拟支持经费（万元）| …`) is read as one direction per row: each column is a field role, as a label
 * is (`fields.ts`), with the unit its header gives (`（万元）`). A new header spelling is a row here.
 */
import { fieldLabelAt, labelsOf, roleOf, type FieldRole } from './fields.js';
import { plainIdeographs } from './chars.js';

/** What a column holds: a field role, or the row's number or title. */
export type ColumnRole = FieldRole | 'id' | 'title';

/** Header words that are not field labels, or that mean something else in a table. Exact matches. */
const HEADERS: ReadonlyArray<readonly [string, ColumnRole]> = [
  ['序号', 'id'],
  ['序', 'id'],
  ['编号', 'id'],
  ['方向编号', 'id'],
  ['指南编号', 'id'],
  ['任务编号', 'id'],
  ['方向名称', 'title'],
  ['指南方向', 'title'],
  ['项目方向', 'title'],
  ['项目名称', 'title'],
  ['任务名称', 'title'],
  ['榜单名称', 'title'],
  ['揭榜任务', 'title'],
  ['名称', 'title'],
  ['方向', 'title'],
  // A province's `专题方向` names each of its directions (its `领域方向` beside it are the domains).
  // (Not `专题` alone: an overview's `专题 | 指南方向数 | …` counts the directions under each.)
  ['专题方向', 'title'],
  // In a table of 青年科学家 directions the 研究方向 column names each direction.
  ['研究方向', 'title'],
  ['国家/地区', 'partners'],
  ['国家（地区）', 'partners'],
  ['国家和地区', 'partners'],
  ['国别', 'partners'],
  ['合作伙伴', 'partners'],
  ['合作对象', 'partners'],
  ['备注', 'requirements'],
  ['说明', 'requirements'],
];

/** Words a header ends with, for the spellings no row names (`中央财政经费`, `合作领域方向`). */
const ENDINGS: ReadonlyArray<readonly [RegExp, ColumnRole]> = [
  [/名称$/, 'title'],
  // Money a partner or a company puts in (`自筹经费`, `配套经费`): kept as text, never the funding.
  [/^(?:自筹|配套|地方|企业|其他)/, 'other'],
  [/(?:经费|资金|资助强度|资助额度)(?:合计|总额|总计|小计)?$/, 'funding'],
  [/项目数(?:量)?$/, 'projectCount'],
  // MIIT: one project per unit that takes up the task (`拟支持揭榜单位数`).
  [/(?:单位数|家数)(?:量)?$/, 'projectCount'],
  [/(?:周期|期限|年限)$/, 'duration'],
  [/(?:领域|方向)$/, 'domains'],
  [/协议$/, 'agreement'],
  [/(?:要求|说明)$/, 'requirements'],
  [/(?:关键词|关键字)$/, 'keywords'],
  [/指标$/, 'indicators'],
  [/内容$/, 'content'],
  [/(?:国家|国别|地区|区域)$/, 'partners'],
];

const HEADER_ROLE = new Map<string, ColumnRole>(HEADERS);
/** A unit in a header: `拟支持经费（万元）`, `经费/万元`, `实施周期(年)`. */
const RE_UNIT = /\s*(?:[（(]\s*(万元[/／]项|万元\/个|万元|千元|亿元|元|年|个月|月|项|个)\s*[）)]|[/／]\s*(万元|千元|亿元|元|年|个月|项|个))\s*$/;

export interface Column {
  readonly role: ColumnRole;
  /** The header's unit (`万元`), put after a bare number of the column's cells. */
  readonly unit: string | null;
  /** The label a field of this column gets (`共拟支持经费`): a label `fields.ts` knows for the role. */
  readonly label: string;
}

/** The canonical label of each role, for columns whose header is no label itself. */
const LABEL_OF: Partial<Record<FieldRole, string>> = {
  agreement: '合作协议',
  domains: '领域方向',
  projectCount: '拟支持项目数',
  funding: '共拟支持经费',
  duration: '项目实施周期',
  requirements: '其他要求',
  content: '研究内容',
  indicators: '考核指标',
  keywords: '关键词',
  partners: '合作国家',
};

/** A column of what one project may be given (`单项支持经费上限`, `单个项目资助额度`, `每项资助强度`). */
const RE_PER_PROJECT_COLUMN = /^(?:单项|单个项目|每项|每个项目)[\u4e00-\u9fff]{0,6}(?:上限|限额|强度|额度)$/;

/** What a header cell means, or null for a cell that names no column this tool knows. */
export function columnOf(header: string): Column | null {
  // A PDF font may draw 支 as the radical ⽀: the header names its column all the same.
  const compact = plainIdeographs(header).replace(/[\s\u3000]+/g, '');
  if (compact.length === 0 || compact.length > 16) return null;
  const unitMatch = RE_UNIT.exec(compact);
  const printedUnit = unitMatch ? (unitMatch[1] ?? unitMatch[2])! : null;
  const word = unitMatch ? compact.slice(0, unitMatch.index) : compact;
  // (`单项支持经费上限`, `单个项目资助额度`: what one project may be given, never the direction's total.)
  if (RE_PER_PROJECT_COLUMN.test(word)) return { role: 'other', unit: printedUnit, label: '单项资助上限' };
  let role: ColumnRole | null = HEADER_ROLE.get(word) ?? null;
  if (role === null) {
    const label = fieldLabelAt(`${word}：`);
    // (A direction's name as a field, `方向名称：`, is a table's title column.)
    if (label && label.length === word.length + 1) role = label.role === 'name' ? 'title' : label.role;
  }
  if (role === null) role = ENDINGS.find(([re]) => re.test(word))?.[1] ?? null;
  if (role === null || role === 'unknown') return null;
  // (A duration's `（月）` is a count of months: `36` reads as 36个月, never a month of the year.)
  const unit = role === 'duration' && printedUnit === '月' ? '个月' : printedUnit;
  // (`指南方向（个）`: how many directions, an overview's column, no title.)
  if (role === 'title' && (unit === '个' || unit === '项')) return { role: 'other', unit, label: '指南方向数' };
  if (role === 'id' || role === 'title') return { role, unit, label: '' };
  // What each project gets (`资助强度（万元/项）` | `不超过200`): a cap, never the direction's total.
  if (role === 'funding' && unit !== null && /[/／][项个]$/.test(unit)) return { role: 'other', unit, label: '单项资助上限' };
  const own = roleOf(word) === role && labelsOf(role).includes(word);
  return { role, unit, label: own ? word : (LABEL_OF[role] ?? word) };
}

/** A column that names each row's kind (`项目类别`, `支持类别`, `类型`): kept as text where a title column names the rows. */
const RE_KIND_COLUMN = /^(?:项目|支持|资助|人才)?(?:类别|类型)(?:名称)?$/;

/**
 * The column of a table without a title column that names its rows by their kind (`项目类别` /
 * `外国青年人才`, a talent programme's table of categories), or -1.
 */
export function kindColumn(columns: readonly (Column | null | undefined)[]): number {
  return columns.findIndex((c) => c?.role === 'other' && RE_KIND_COLUMN.test(c.label));
}

/** Roles that make a table a table of directions: at least two of them, besides id and title. */
const DIRECTION_COLUMN_ROLES: ReadonlySet<ColumnRole> = new Set(['agreement', 'domains', 'projectCount', 'funding', 'duration', 'content', 'indicators', 'keywords', 'partners']);

/**
 * Whether header cells make a table of directions: most cells name a known column, two of them
 * direction fields (so `序号 | 单位名称 | 联系人` or a table of figures per year is not one).
 */
export function isDirectionHeader(columns: readonly (Column | null)[]): boolean {
  // (An overview that counts the directions of each row, `项目地区 | 指南方向（个） | 拟支持项目数（个）`, lists none.)
  if (columns.some((c) => c?.label === '指南方向数')) return false;
  // (A column of text kept as such, `other`, names no direction field: it counts for nothing here.)
  const known = columns.filter((c): c is Column => c !== null && c.role !== 'other');
  const fields = new Set(known.filter((c) => DIRECTION_COLUMN_ROLES.has(c.role)).map((c) => c.role));
  // A list of directions with one figure (`序号 | 指南任务名称 | 拟支持项目数（项）`, 青年科学家
  // tasks) is one too: a number, a title and a count, funding or duration (a list of agreements
  // by country is not).
  const figures = [...fields].filter((r) => r === 'projectCount' || r === 'funding' || r === 'duration');
  const listed = known.some((c) => c.role === 'id') && known.some((c) => c.role === 'title') && figures.length >= 1;
  // (A column of a known label kept as text, `支持对象`, `工作时间要求`, counts half: a field's name,
  // though of no direction field.)
  // (Not what each project gets, `资助强度（万元/项）`: a summary's figure as much as a field's.)
  const kept = columns.filter((c) => c?.role === 'other' && c.label !== '单项资助上限').length;
  return columns.length >= 2 && (fields.size >= 2 || listed) && (known.length + kept / 2) * 3 >= columns.length * 2;
}

/**
 * The header of a table of directions' further columns, printed on pages of their own (a sheet too
 * wide for its paper, the print-title column `序号` repeated): the row number and fields of
 * directions, no title (`序号 | 国拨经费（万元） | 实施周期 | 其他要求`). Its rows go on the rows of
 * the table before with the same numbers.
 */
export function isContinuationHeader(columns: readonly (Column | null)[]): boolean {
  const known = columns.filter((c): c is Column => c !== null && c.role !== 'other');
  const fields = known.filter((c) => DIRECTION_COLUMN_ROLES.has(c.role));
  return columns.length >= 2 && known.some((c) => c.role === 'id') && !known.some((c) => c.role === 'title') && fields.length >= 1 && known.length * 3 >= columns.length * 2;
}

/**
 * A table row's total (`合计`, `总计`, `小计`, `共计`, spaced `合 计`, bold in a Markdown export
 * `**合计**`, after a row number `8 合计`): the text of its title cell, or of the row's heading.
 */
export const RE_TOTAL_TEXT = /^[*\s]*(?:\d+\s*)?(?:合\s*计|总\s*计|小\s*计|共\s*计)[*\s：:]*$/;

/**
 * Columns a database export repeats on every row because they belong to the document, not to the
 * direction (`指南名称,年度,批次,状态,方向编号,方向名称,…`): what each tells. A reader lifts such a
 * column, when its rows all say one thing, out of the table into lines before it (the title first),
 * so that the document reads as its printed form does; a column of the database's record (`更新时间`,
 * `原文链接`: `record`) goes whatever it says, logged. Exact matches, spaces left out.
 */
export type DocumentColumn = 'title' | 'status' | 'other' | 'record';
const DOCUMENT_HEADERS: ReadonlyMap<string, DocumentColumn> = new Map([
  ['指南名称', 'title'],
  ['指南标题', 'title'],
  ['申报指南', 'title'],
  ['文件名称', 'title'],
  ['文件标题', 'title'],
  ['文档名称', 'title'],
  ['标题', 'title'],
  ['通知名称', 'title'],
  ['通知标题', 'title'],
  ['状态', 'status'],
  ['稿件状态', 'status'],
  ['文稿状态', 'status'],
  ['版本', 'status'],
  ['年度', 'other'],
  ['年份', 'other'],
  ['批次', 'other'],
  ['专项名称', 'other'],
  ['重点专项', 'other'],
  ['计划名称', 'other'],
  ['计划类别', 'other'],
  ['发布日期', 'other'],
  ['发布时间', 'other'],
  ['成文日期', 'other'],
  ['发布单位', 'other'],
  ['发布机构', 'other'],
  ['发文机关', 'other'],
  ['来源', 'record'],
  ['信息来源', 'record'],
  ['原文链接', 'record'],
  ['链接', 'record'],
  ['网址', 'record'],
  ['采集时间', 'record'],
  ['更新时间', 'record'],
  ['入库时间', 'record'],
  ['记录编号', 'record'],
]);

/** Whether a header cell names a column of the document (see `DOCUMENT_HEADERS`), and which. */
export function documentColumnOf(header: string): DocumentColumn | null {
  return DOCUMENT_HEADERS.get(plainIdeographs(header).replace(/[\s\u3000]+/g, '')) ?? null;
}
