/**
 * The `export` stage: extracted guidelines → two flat tables, one row per direction per document
 * and one row per check, for spreadsheets. Pure: no file system, no clock. The serialisers
 * (`csv.ts`, `xlsx.ts`) turn the same tables into bytes; headers are chosen there (Chinese by
 * default, the keys with `--columns en`).
 *
 * Values keep their type: numbers stay numbers (amounts in whole yuan and in 万元, years, counts),
 * flags are booleans, missing values are null (an empty cell), enumerations are the schema's keys
 * (`atMost`, `inPrinciple`, `draft`), shown in Chinese (`不超过`, `原则上`, `征求意见稿`) under the
 * Chinese headers and as the keys with `--columns en`. A bound is never dropped: each figure has its qualifier
 * column, its lower end where it is a range, and a Chinese note (`不超过750万元`, `1～2个`).
 */
import { checkTitle, FLAG_LABELS, formatDuration, formatYuan, HEDGE_WORDS, qualifierPrefix } from '../format.js';
import { perProjectCapCNY, type Check, type Direction, type Domain, type Guideline } from '../schema/guideline.js';
import type { ExportTables } from './model.js';
import { zhLabels } from '../messages/labels.js';

export { header, type CellValue, type Column, type ExportTables, type HeaderLanguage, type Table } from './model.js';
import { booleanColumn, enumColumn, numberColumn, tableOf, textColumn, wan, type ColumnDef } from './model.js';

interface DirectionRow {
  readonly doc: Guideline;
  readonly d: Direction;
}

const joined = (parts: readonly string[], separator: string): string | null => (parts.length > 0 ? parts.join(separator) : null);
const text = textColumn;
const num = numberColumn;
const bool = booleanColumn;

/** `医药卫生：传统药物和草药` for a labelled domain; top-level domains only (their children are in the JSON). */
const domainText = (x: Domain): string => (x.detail ? `${x.label}：${x.detail}` : x.label);


function projectNote(p: NonNullable<Direction['projectCount']>): string {
  return p.min === undefined ? `${qualifierPrefix(p.qualifier)}${p.value}个` : `${p.min}～${p.value}个`;
}

function fundingNote(f: NonNullable<Direction['funding']>): string {
  return f.minCNY === undefined ? `${qualifierPrefix(f.qualifier)}${formatYuan(f.amountCNY)}` : `${formatYuan(f.minCNY)}～${formatYuan(f.amountCNY)}`;
}

function durationNote(x: NonNullable<Direction['duration']>): string {
  return `${x.hedge ? HEDGE_WORDS[x.hedge] : ''}${formatDuration(x)}${x.months === undefined ? '' : `（${x.months}个月）`}`;
}



/** The direction columns, in order. International-cooperation fields first, key-programme fields last. */
const DIRECTION_COLUMNS: readonly ColumnDef<DirectionRow>[] = [
  text('documentId', '文档编号', (r) => r.doc.document.id),
  text('documentTitle', '指南名称', (r) => r.doc.document.title),
  enumColumn('family', '指南类型', zhLabels('family'), (r) => r.doc.document.family),
  num('year', '年度', (r) => r.doc.document.year),
  num('batch', '批次', (r) => r.doc.document.batch),
  enumColumn('status', '稿件状态', zhLabels('status'), (r) => r.doc.document.status),
  text('source', '来源文件', (r) => r.doc.document.source.path),
  text('directionId', '方向编号', (r) => r.d.id),
  num('ordinal', '序号', (r) => r.d.ordinal),
  text('title', '方向名称', (r) => r.d.title),
  text('partners', '合作方', (r) => joined(r.d.partners.map((p) => p.name), '、')),
  text('category', '类别', (r) => r.d.category),
  text('kind', '项目类型', (r) => r.d.kind),
  text('agreements', '合作协议', (r) => joined(r.d.agreements.map((a) => `《${a.title}》`), '、')),
  num('domainCount', '领域数', (r) => r.d.domains.length),
  text('domains', '领域方向', (r) => joined(r.d.domains.map(domainText), '；')),
  num('projectCount', '拟支持项目数', (r) => r.d.projectCount?.value),
  num('projectCountMin', '项目数下限', (r) => r.d.projectCount?.min),
  enumColumn('projectCountQualifier', '项目数限定', zhLabels('qualifier'), (r) => r.d.projectCount?.qualifier),
  bool('projectCountInherited', '项目数沿用统一规定', (r) => r.d.projectCount?.inherited),
  text('projectCountNote', '项目数说明', (r) => (r.d.projectCount ? projectNote(r.d.projectCount) : null)),
  num('fundingCNY', '拟支持经费（元）', (r) => r.d.funding?.amountCNY, true),
  num('fundingWan', '拟支持经费（万元）', (r) => wan(r.d.funding?.amountCNY)),
  num('fundingMinCNY', '经费下限（元）', (r) => r.d.funding?.minCNY, true),
  num('fundingMinWan', '经费下限（万元）', (r) => wan(r.d.funding?.minCNY)),
  enumColumn('fundingQualifier', '经费限定', zhLabels('qualifier'), (r) => r.d.funding?.qualifier),
  bool('fundingInherited', '经费沿用所在组统一规定', (r) => (r.d.funding ? r.d.funding.inherited === true : null)),
  text('fundingNote', '经费说明', (r) => (r.d.funding ? fundingNote(r.d.funding) : null)),
  num('perProjectCapCNY', '单项经费上限（元）', (r) => perProjectCapCNY(r.d), true),
  num('perProjectCapWan', '单项经费上限（万元）', (r) => wan(perProjectCapCNY(r.d))),
  bool('perProjectCapInherited', '单项上限沿用统一规定', (r) => r.d.perProjectCap?.inherited),
  text('perProjectCapNote', '单项上限说明', (r) => {
    const cap = perProjectCapCNY(r.d);
    return cap === null ? null : `不超过${formatYuan(cap)}`;
  }),
  num('durationMinYears', '实施周期下限（年）', (r) => r.d.duration?.minYears),
  num('durationMaxYears', '实施周期上限（年）', (r) => r.d.duration?.maxYears),
  num('durationMonths', '实施周期（月）', (r) => r.d.duration?.months),
  enumColumn('durationQualifier', '周期限定', zhLabels('qualifier'), (r) => r.d.duration?.qualifier),
  enumColumn('durationHedge', '周期措辞', zhLabels('hedge'), (r) => r.d.duration?.hedge),
  bool('durationInherited', '周期沿用默认', (r) => r.d.duration?.inherited),
  text('durationNote', '周期说明', (r) => (r.d.duration ? durationNote(r.d.duration) : null)),
  num('requirementCount', '其他要求条数', (r) => r.d.requirements.length),
  ...FLAG_LABELS.map(([key, zh]) => bool<DirectionRow>(key, zh, (r) => r.d.flags[key].value)),
  num('warningCount', '警告数', (r) => r.doc.checks.filter((c) => c.directionId === r.d.id && c.severity !== 'info').length),
  num('page', '页码', (r) => r.d.span.page),
  num('line', '行号', (r) => r.d.span.line),
  // Key-programme fields (schema 1.2.0): empty, 0 or false where a direction has none.
  text('keywords', '关键词', (r) => joined(r.d.keywords.map((k) => k.text), '；')),
  num('researchContentCount', '研究内容段数', (r) => r.d.researchContent.length),
  text('researchContentFirst', '研究内容（首段）', (r) => r.d.researchContent[0]?.text),
  num('indicatorCount', '考核指标条数', (r) => r.d.indicators.length),
  text('matchingRatio', '其他经费与中央财政经费比例', (r) => {
    const m = r.d.conditions.matchingRatio;
    return m ? `${m.other}:${m.central}` : null;
  }),
  enumColumn('matchingRatioQualifier', '比例限定', zhLabels('qualifier'), (r) => r.d.conditions.matchingRatio?.qualifier),
  bool('leadingEnterprise', '须企业牵头', (r) => r.d.conditions.leadingEnterprise !== null),
  text('youngScientistMaleBornOnOrAfter', '青年科学家男性出生不早于', (r) => r.d.conditions.youngScientist?.maleBornOnOrAfter),
  text('youngScientistFemaleBornOnOrAfter', '青年科学家女性出生不早于', (r) => r.d.conditions.youngScientist?.femaleBornOnOrAfter),
  bool('youngScientistNoSubtopics', '青年科学家不设课题', (r) => r.d.conditions.youngScientist?.noSubtopics),
  num('otherTextCount', '未归入字段的文字段数', (r) => r.d.otherText.length),
];

interface CheckRow {
  readonly doc: Guideline;
  readonly c: Check;
}

const CHECK_COLUMNS: readonly ColumnDef<CheckRow>[] = [
  text('documentId', '文档编号', (r) => r.doc.document.id),
  text('directionId', '方向编号', (r) => r.c.directionId),
  enumColumn('severity', '级别', zhLabels('severity'), (r) => r.c.severity),
  text('code', '代码', (r) => r.c.code),
  text('title', '检查项', (r) => checkTitle(r.c.code)),
  text('messageZh', '说明', (r) => r.c.messageZh),
  text('message', '说明（英文）', (r) => r.c.message),
  // What the document states and what the tool computed: a number or a text, kept as it is.
  { key: 'stated', zh: '文中所述', type: 'mixed', get: (r) => r.c.stated },
  { key: 'computed', zh: '计算值', type: 'mixed', get: (r) => r.c.computed },
  num('page', '页码', (r) => r.c.span?.page),
  num('line', '行号', (r) => r.c.span?.line),
];

/**
 * The tables for `docs`, in the order given: directions in document order, checks in each
 * document's order. Same input, same tables.
 */
export function exportTables(docs: readonly Guideline[]): ExportTables {
  const directionRows = docs.flatMap((doc) => doc.directions.map((d): DirectionRow => ({ doc, d })));
  const checkRows = docs.flatMap((doc) => doc.checks.map((c): CheckRow => ({ doc, c })));
  return {
    directions: tableOf({ zh: '方向', en: 'directions' }, DIRECTION_COLUMNS, directionRows),
    checks: tableOf({ zh: '检查', en: 'checks' }, CHECK_COLUMNS, checkRows),
  };
}

export { toCsv } from './csv.js';
export { toXlsx } from './xlsx.js';
