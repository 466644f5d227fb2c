/**
 * The diff for people: a Markdown report (an mdast tree serialised by remark) and a self-contained
 * HTML page made from the same tree (mdast → hast → HTML, one inline stylesheet, no scripts).
 * Reworded text shows deletions struck through and insertions in bold (`<del>` / `<ins>` in HTML).
 */
import type { PhrasingContent, Root, RootContent, Table, TableRow } from 'mdast';
import { toHtml } from 'hast-util-to-html';
import { toHast } from 'mdast-util-to-hast';
import { markdownProcessor } from '../report/markdown.js';
import { formatCheckTitle, formatYuan } from '../format.js';
import type { Change, DirectionDiff, GuidelineDiff } from '../schema/diff.js';

const text = (value: string): PhrasingContent => ({ type: 'text', value });
const strong = (value: string): PhrasingContent => ({ type: 'strong', children: [text(value)] });

function table(header: readonly string[], rows: readonly (readonly (string | PhrasingContent[])[])[]): Table {
  const row = (cells: readonly (string | PhrasingContent[])[]): TableRow => ({
    type: 'tableRow',
    children: cells.map((c) => ({ type: 'tableCell', children: typeof c === 'string' ? (c ? [text(c)] : []) : c })),
  });
  return { type: 'table', align: header.map(() => null), children: [row(header), ...rows.map(row)] };
}

const FIELD_NAMES: Readonly<Record<string, string>> = {
  title: '标题',
  kind: '项目类型',
  projectCount: '拟支持项目数',
  'funding.amountCNY': '拟支持经费',
  'funding.qualifier': '经费限定词',
  'funding.perProjectCapCNY': '单项经费上限',
  duration: '实施周期',
  agreements: '合作协议',
  'flags.jointApplication': '须双方申报',
  'flags.matchingFunds': '须配套出资',
  'flags.ipAgreement': '须知识产权协议',
  'flags.companyRequired': '须有企业',
  'flags.placeholders': '含待定内容',
  'document.status': '状态',
  'document.title': '标题',
  'document.year': '年度',
  'document.batch': '批次',
  'summary.directionCount': '指南方向数',
  'summary.partnerCount': '合作方数',
  'summary.projectCount': '项目总数',
  'summary.fundingTotal': '经费总额',
  'summary.defaultDuration': '默认实施周期',
};

/** `requirements[2]` → 其他要求第2条, `domains[医药卫生].detail` → 领域方向「医药卫生」说明. */
function fieldName(field: string): string {
  return (
    FIELD_NAMES[field] ??
    field
      .replace(/^requirements\[(\d+)\]/, '其他要求第$1条')
      .replace(/^partners\[([^\]]*)\]/, '合作方「$1」')
      .replace(/^agreements\b/, '合作协议')
      .replace(/^domains/, '领域方向')
      .replace(/\.children/g, ' ›')
      .replace(/\[([^\]]*)\]/g, '「$1」')
      .replace(/\.label$/, '名称')
      .replace(/\.detail$/, '说明')
  );
}

const QUAL: Readonly<Record<string, string>> = { exact: '', about: '约', atMost: '不超过', atLeast: '至少' };

/** A value as a reader would say it. */
function show(field: string, v: unknown): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'number') return /CNY$/.test(field) ? formatYuan(v) : String(v);
  if (typeof v === 'string') return v;
  const o = v as Record<string, unknown>;
  if ('amountCNY' in o) return `${QUAL[String(o.qualifier)] ?? ''}${formatYuan(Number(o.amountCNY))}`;
  if ('maxYears' in o || 'minYears' in o) {
    const min = o.minYears as number | null;
    const max = o.maxYears as number | null;
    const range = min !== null && max !== null && min !== max ? `${min}–${max}年` : `${QUAL[String(o.qualifier)] ?? ''}${max ?? min}年`;
    return `${range}${o.inherited ? '（沿用默认）' : ''}`;
  }
  if ('value' in o) return `${'min' in o ? `${String(o.min)}～` : (QUAL[String(o.qualifier)] ?? '')}${String(o.value)}`;
  return JSON.stringify(v);
}

const KIND: Readonly<Record<Change['kind'], string>> = { changed: '修改', added: '新增', removed: '删除', reworded: '改写', reordered: '调序' };

/** Reworded text: deletions struck through, insertions in bold (`<ins>` in HTML). */
function marked(c: Change): PhrasingContent[] {
  return (c.textDiff ?? []).map(
    (op): PhrasingContent =>
      op.op === 'equal'
        ? text(op.text)
        : op.op === 'delete'
          ? { type: 'delete', children: [text(op.text)] }
          : { type: 'strong', data: { hName: 'ins' }, children: [text(op.text)] },
  );
}

function changesTable(changes: readonly Change[]): RootContent[] {
  const out: RootContent[] = [];
  const plain = changes.filter((c) => c.kind !== 'reworded');
  if (plain.length > 0) {
    out.push(
      table(
        ['字段', '变化', '原值', '新值', '位置（原 → 新）'],
        plain.map((c) => [
          fieldName(c.field),
          KIND[c.kind],
          c.kind === 'reordered' ? `第${show(c.field, c.before)}条` : show(c.field, c.before),
          c.kind === 'reordered' ? `第${show(c.field, c.after)}条` : show(c.field, c.after),
          `${c.oldSpan ? `第${c.oldSpan.line}行` : '—'} → ${c.newSpan ? `第${c.newSpan.line}行` : '—'}`,
        ]),
      ),
    );
  }
  for (const c of changes.filter((x) => x.kind === 'reworded')) {
    out.push({ type: 'paragraph', children: [strong(`${fieldName(c.field)}（改写）`), text('：'), ...marked(c)] });
  }
  return out;
}

function heading(d: DirectionDiff): string {
  const ids = d.oldId && d.newId && d.oldId !== d.newId ? `${d.oldId} → ${d.newId}` : (d.newId ?? d.oldId ?? '');
  const label = { added: '新增', removed: '删除', modified: '修改', unchanged: '未变' }[d.status];
  return `${ids} ${d.title}（${label}${d.renumbered ? '，重新编号' : ''}${d.moved ? '，顺序变化' : ''}）`;
}

export function diffMdast(d: GuidelineDiff): Root {
  const c = d.summary.counts;
  const children: RootContent[] = [
    { type: 'heading', depth: 1, children: [text('指南版本比较（guideline diff）')] },
    table(
      ['', '原版本', '新版本'],
      [
        ['文件', d.old.path, d.new.path],
        ['标题', d.old.title ?? '—', d.new.title ?? '—'],
        ['状态', d.old.status, d.new.status],
      ],
    ),
    { type: 'heading', depth: 2, children: [text('概览')] },
    table(
      ['新增', '删除', '修改', '未变', '重新编号', '顺序变化'],
      [[String(c.added), String(c.removed), String(c.modified), String(c.unchanged), String(c.renumbered), String(c.moved)]],
    ),
  ];
  const docChanges = [...d.document.changes, ...d.summary.changes];
  if (docChanges.length > 0) {
    children.push({ type: 'heading', depth: 2, children: [text('文件层面的变化')] }, ...changesTable(docChanges));
  }
  if (d.checks.added.length + d.checks.resolved.length > 0) {
    children.push({ type: 'heading', depth: 2, children: [text('检查项')] });
    const item = (prefix: string, x: GuidelineDiff['checks']['added'][number]) => ({
      type: 'listItem' as const,
      spread: false,
      children: [{ type: 'paragraph' as const, children: [strong(`${prefix}·${formatCheckTitle(x)}`), text(`：${x.message}`)] }],
    });
    children.push({
      type: 'list',
      ordered: false,
      spread: false,
      children: [...d.checks.resolved.map((x) => item('已解决', x)), ...d.checks.added.map((x) => item('新出现', x))],
    });
  }
  const changed = d.directions.filter((x) => x.status !== 'unchanged' || x.renumbered || x.moved);
  if (changed.length > 0) {
    children.push({ type: 'heading', depth: 2, children: [text('指南方向的变化')] });
    for (const x of changed) {
      children.push({ type: 'heading', depth: 3, children: [text(heading(x))] });
      if (x.status === 'added' || x.status === 'removed') {
        children.push({ type: 'paragraph', children: [text(x.status === 'added' ? '新版本新增的方向。' : '新版本已删除的方向。')] });
      }
      children.push(...changesTable(x.changes));
    }
  } else {
    children.push({ type: 'paragraph', children: [text('两个版本的指南方向没有变化。')] });
  }
  return { type: 'root', children };
}

export function diffToMarkdown(d: GuidelineDiff): string {
  return markdownProcessor.stringify(diffMdast(d));
}

const CSS = `body{font:15px/1.6 system-ui,"Noto Sans CJK SC","Microsoft YaHei",sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem;color:#1f2328}
table{border-collapse:collapse;margin:.75rem 0}th,td{border:1px solid #d0d7de;padding:.3rem .6rem;vertical-align:top;text-align:left}
th{background:#f6f8fa}th,td:first-child{white-space:nowrap}h1{font-size:1.6rem}h2{border-bottom:1px solid #d0d7de;padding-bottom:.2rem;margin-top:2rem}h3{margin-top:1.5rem}
del{background:#ffebe9;color:#82071e}ins{background:#dafbe1;color:#116329;text-decoration:none;font-weight:600}`;

export function diffToHtml(d: GuidelineDiff): string {
  const body = toHtml(toHast(diffMdast(d)));
  const title = `指南版本比较：${d.old.id} → ${d.new.id}`;
  return `<!doctype html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>${toHtml({ type: 'text', value: title })}</title>\n<style>${CSS}</style>\n</head>\n<body>\n${body}\n</body>\n</html>\n`;
}
