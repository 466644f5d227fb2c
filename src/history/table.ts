/**
 * The history as flat tables for spreadsheets, in the export's table model (`src/export/model.ts`),
 * so that the export's serialisers write them (`toCsv`, `toXlsx`): one row per line per document
 * (absent cells included, so that every line has a row for every document), and one row of totals
 * per document. Values keep their type as in the export: numbers are numbers (yuan and 万元),
 * missing values are null, enumerations are the schema's keys (shown in Chinese under Chinese headers). Pure.
 */
import { enumColumn, numberColumn, tableOf, textColumn, wan, type ColumnDef, type Table } from '../export/model.js';
import type { GuidelineHistory, HistoryCell, HistoryDocument, HistoryLine, HistoryTotals } from '../schema/history.js';
import { changeText, documentLabels } from './format.js';
import { cellState } from './index.js';
import { zhLabels } from '../messages/labels.js';

const text = textColumn;
const num = numberColumn;

/** The columns that say which document a row is of: in both tables, in the same order. */
const documentColumns = <R extends { readonly k: number; readonly doc: HistoryDocument; readonly label: string }>(): ColumnDef<R>[] => [
  num('documentIndex', '版本序号', (r) => r.k + 1),
  text('documentId', '文档编号', (r) => r.doc.id),
  text('documentLabel', '版本', (r) => r.label),
  num('year', '年度', (r) => r.doc.year),
  num('batch', '批次', (r) => r.doc.batch),
  enumColumn('status', '稿件状态', zhLabels('status'), (r) => r.doc.status),
];

interface LineRow {
  readonly line: HistoryLine;
  readonly k: number;
  readonly doc: HistoryDocument;
  readonly label: string;
  readonly cell: HistoryCell | null;
  readonly h: GuidelineHistory;
}

/** Columns of the lines table, in order. Keys are relied on by scripts: add, never rename. */
export const LINE_COLUMNS: readonly ColumnDef<LineRow>[] = [
  text('lineKey', '方向线', (r) => r.line.key),
  text('lineTitle', '方向名称（最新）', (r) => r.line.title),
  text('linePartners', '合作方（最新）', (r) => r.line.partners.join('、') || null),
  ...documentColumns<LineRow>(),
  text('source', '来源文件', (r) => r.doc.source),
  enumColumn('state', '状态', zhLabels('historyState'), (r) => cellState(r.h, r.line, r.k)),
  text('directionId', '方向编号', (r) => r.cell?.id),
  text('title', '方向名称', (r) => r.cell?.title),
  text('partners', '合作方', (r) => (r.cell ? r.cell.partners.join('、') || null : null)),
  num('projectCount', '拟支持项目数', (r) => r.cell?.projectCount?.value),
  num('projectCountMin', '项目数下限', (r) => r.cell?.projectCount?.min),
  enumColumn('projectCountQualifier', '项目数限定', zhLabels('qualifier'), (r) => r.cell?.projectCount?.qualifier),
  num('fundingCNY', '拟支持经费（元）', (r) => r.cell?.funding?.amountCNY, true),
  num('fundingWan', '拟支持经费（万元）', (r) => wan(r.cell?.funding?.amountCNY)),
  num('fundingMinCNY', '经费下限（元）', (r) => r.cell?.funding?.minCNY, true),
  enumColumn('fundingQualifier', '经费限定', zhLabels('qualifier'), (r) => r.cell?.funding?.qualifier),
  num('perProjectCapCNY', '单项经费上限（元）', (r) => r.cell?.perProjectCap?.amountCNY, true),
  num('durationMinYears', '实施周期下限（年）', (r) => r.cell?.duration?.minYears),
  num('durationMaxYears', '实施周期上限（年）', (r) => r.cell?.duration?.maxYears),
  enumColumn('durationQualifier', '周期限定', zhLabels('qualifier'), (r) => r.cell?.duration?.qualifier),
  text('previousDocumentId', '对比版本', (r) => (r.cell && r.cell.previous !== null ? r.h.documents[r.cell.previous]!.id : null)),
  num('changeCount', '变化数', (r) => r.cell?.changes.length),
  text('changes', '变化', (r) => (r.cell && r.cell.changes.length > 0 ? r.cell.changes.map(changeText).join('\n') : null)),
];

interface TotalsRow {
  readonly t: HistoryTotals;
  readonly k: number;
  readonly doc: HistoryDocument;
  readonly label: string;
}

export const TOTALS_COLUMNS: readonly ColumnDef<TotalsRow>[] = [
  ...documentColumns<TotalsRow>(),
  num('directionsStated', '方向数（文中所述）', (r) => r.t.directions.stated),
  num('directionsComputed', '方向数（实际）', (r) => r.t.directions.computed),
  num('projectsStated', '项目数（文中所述）', (r) => r.t.projects.stated),
  enumColumn('projectsQualifier', '项目数限定', zhLabels('qualifier'), (r) => r.t.projects.qualifier),
  num('projectsComputed', '项目数（各方向合计）', (r) => r.t.projects.computed),
  num('projectsUnstated', '未列项目数的方向', (r) => r.t.projects.unstated),
  num('fundingStatedCNY', '经费（文中所述，元）', (r) => r.t.funding.statedCNY, true),
  enumColumn('fundingQualifier', '经费限定', zhLabels('qualifier'), (r) => r.t.funding.qualifier),
  num('fundingComputedCNY', '经费（各方向合计，元）', (r) => r.t.funding.computedCNY, true),
  num('fundingGapCNY', '经费差额（所述减合计，元）', (r) => (r.t.funding.statedCNY === null ? null : r.t.funding.statedCNY - r.t.funding.computedCNY), true),
  num('fundingUnstated', '未列经费的方向', (r) => r.t.funding.unstated),
];

export interface HistoryTables {
  /** One row per line per document, lines in order, documents in order within each line. */
  readonly lines: Table;
  /** One row per document. */
  readonly totals: Table;
}

export function historyTables(h: GuidelineHistory): HistoryTables {
  const labels = documentLabels(h);
  const lineRows = h.lines.flatMap((line) => h.documents.map((doc, k): LineRow => ({ line, k, doc, label: labels[k]!, cell: line.versions[k] ?? null, h })));
  const totalsRows = h.totals.map((t, k): TotalsRow => ({ t, k, doc: h.documents[k]!, label: labels[k]! }));
  return {
    lines: tableOf({ zh: '方向线', en: 'lines' }, LINE_COLUMNS, lineRows),
    totals: tableOf({ zh: '合计', en: 'totals' }, TOTALS_COLUMNS, totalsRows),
  };
}
