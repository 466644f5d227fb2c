/**
 * How a history reads to people, shared by its report (Markdown, HTML) and its table (CSV, XLSX):
 * document labels as the documents name themselves (`2025年第一批（征求意见稿）`), a cell's figures,
 * and a change in one line. Field names and values are the diff report's own (`fieldName`, `show`).
 */
import { fieldName, KIND, show } from '../diff/report.js';
import { formatYuan, qualifierPrefix } from '../format.js';
import type { Change } from '../schema/diff.js';
import type { GuidelineHistory, HistoryCell, HistoryDocument } from '../schema/history.js';

const CJK = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const cjkNumber = (n: number): string => CJK[n] ?? String(n);

export const STATUS_ZH: Readonly<Record<HistoryDocument['status'], string>> = { draft: '征求意见稿', final: '正式稿', unknown: '状态未知' };

/** `2025年第一批（征求意见稿）`, `2025年第二批`; the id where the year is unknown. */
export function documentLabel(d: HistoryDocument): string {
  if (d.year === null) return d.id;
  return `${d.year}年${d.batch === null ? '' : `第${cjkNumber(d.batch)}批`}${d.status === 'draft' ? '（征求意见稿）' : ''}`;
}

/** `2025 batch 1 (draft)`, `2025 batch 2`: the label in English (the CLI's `--lang en`); the id where the year is unknown. */
export function documentLabelEn(d: HistoryDocument): string {
  if (d.year === null) return d.id;
  return `${d.year}${d.batch === null ? '' : ` batch ${d.batch}`}${d.status === 'draft' ? ' (draft)' : ''}`;
}

/** The labels of a history's documents, made unique with the document id where two would be equal; in English with `language` 'en'. */
export function documentLabels(h: GuidelineHistory, language: 'zh' | 'en' = 'zh'): string[] {
  const labels = h.documents.map(language === 'en' ? documentLabelEn : documentLabel);
  return labels.map((l, i) => (labels.indexOf(l) !== labels.lastIndexOf(l) ? (language === 'en' ? `${l} [${h.documents[i]!.id}]` : `${l}〔${h.documents[i]!.id}〕`) : l));
}

/** `4个`, `不超过15个`, `1～2个`; `—` when none is stated. */
export function countText(c: HistoryCell): string {
  const p = c.projectCount;
  if (!p) return '—';
  return p.min === undefined ? `${qualifierPrefix(p.qualifier)}${p.value}个` : `${p.min}～${p.value}个`;
}

/** `800万元`, `约3000万元`, `1000万元～1500万元`; `—` when none is stated. */
export function fundingText(c: HistoryCell): string {
  const f = c.funding;
  if (!f) return '—';
  return f.minCNY === undefined ? `${qualifierPrefix(f.qualifier)}${formatYuan(f.amountCNY)}` : `${formatYuan(f.minCNY)}～${formatYuan(f.amountCNY)}`;
}

const clip = (s: string, n: number): string => (s.length > n ? `${s.slice(0, n)}…` : s);

/**
 * A change in one line: `拟支持经费：600万元 → 700万元`, `合作方「白俄罗斯」（删除）`,
 * `其他要求第2条（改写）：…`. Long texts are cut at 60 characters.
 */
export function changeText(c: Change): string {
  const name = fieldName(c.field);
  switch (c.kind) {
    case 'changed':
      return `${name}：${show(c.field, c.before)} → ${show(c.field, c.after)}`;
    case 'reordered':
      return `${name}（${KIND[c.kind]}）：第${show(c.field, c.before)}条 → 第${show(c.field, c.after)}条`;
    case 'reworded':
      return `${name}（${KIND[c.kind]}）：${clip(show(c.field, c.after), 60)}`;
    case 'added':
    case 'removed': {
      // `合作方「白俄罗斯」` already names its value; a requirement's text does not.
      const value = show(c.field, c.kind === 'added' ? c.after : c.before);
      return name.includes(value) ? `${name}（${KIND[c.kind]}）` : `${name}（${KIND[c.kind]}）：${clip(value, 60)}`;
    }
  }
}
