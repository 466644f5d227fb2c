/**
 * The diff for people: a Markdown report (an mdast tree serialised by remark) and a self-contained
 * HTML page made from the same tree (mdast → hast → HTML, one inline stylesheet, no scripts).
 * Reworded text shows deletions struck through and insertions in bold (`<del>` / `<ins>` in HTML).
 */
import type { PhrasingContent, Root, RootContent, Table, TableRow } from 'mdast';
import { toHtml } from 'hast-util-to-html';
import { toHast } from 'mdast-util-to-hast';
import { markdownProcessor } from '../report/markdown.js';
import { FLAG_LABELS, formatCheckTitle, formatYuan } from '../format.js';
import type { Change, DirectionDiff, GuidelineDiff } from '../schema/diff.js';
import { append } from '../append.js';
import { label, type Language } from '../messages/labels.js';

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
  ...Object.fromEntries(FLAG_LABELS.map(([key, label]) => [`flags.${key}`, label])),
  'document.status': '状态',
  'document.title': '标题',
  'document.year': '年度',
  'document.batch': '批次',
  'summary.directionCount': '指南方向数',
  'summary.partnerCount': '合作方数',
  'summary.projectCount': '项目总数',
  'summary.fundingTotal': '经费总额',
  'summary.defaultDuration': '默认实施周期',
  'computed.directions': '方向数（实际）',
  'computed.projects': '各方向项目数合计',
  'computed.fundingCNY': '各方向经费合计',
  category: '类别',
  'conditions.matchingRatio': '配套经费比例',
  'conditions.leadingEnterprise': '须企业牵头',
  'conditions.youngScientist': '青年科学家条件',
};

/** `requirements[2]` → 其他要求第2条, `domains[医药卫生].detail` → 领域方向「医药卫生」说明. */
export function fieldName(field: string): string {
  return (
    FIELD_NAMES[field] ??
    field
      .replace(/^requirements\[(\d+)\]/, '其他要求第$1条')
      .replace(/^indicators\[(\d+)\]/, '考核指标第$1条')
      .replace(/^researchContent\[(\d+)\]/, '研究内容第$1段')
      .replace(/^keywords\[([^\]]*)\]/, '关键词「$1」')
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
export function show(field: string, v: unknown): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'number') return /CNY$/.test(field) ? formatYuan(v) : String(v);
  // Enumerations read as words: `状态：征求意见稿 → 正式稿`, `经费限定词：约 → 不超过`.
  if (typeof v === 'string') return field === 'document.status' ? label('status', v) : /qualifier$/i.test(field) ? label('qualifier', v) : /hedge$/i.test(field) ? label('hedge', v) : v;
  const o = v as Record<string, unknown>;
  if ('amountCNY' in o) return `${QUAL[String(o.qualifier)] ?? ''}${formatYuan(Number(o.amountCNY))}`;
  if ('maxYears' in o || 'minYears' in o) {
    const min = o.minYears as number | null;
    const max = o.maxYears as number | null;
    const range = min !== null && max !== null && min !== max ? `${min}–${max}年` : `${QUAL[String(o.qualifier)] ?? ''}${max ?? min}年`;
    return `${range}${o.inherited ? '（沿用默认）' : ''}`;
  }
  if ('other' in o && 'central' in o) return `${QUAL[String(o.qualifier)] ?? ''}${String(o.other)}:${String(o.central)}`;
  if ('male' in o || 'female' in o) {
    const parts = [...(o.male ? [`男性${String(o.male)}以后出生`] : []), ...(o.female ? [`女性${String(o.female)}以后出生`] : []), ...(o.noSubtopics ? ['不设课题'] : [])];
    return parts.join('，') || '—';
  }
  if ('value' in o) return `${'min' in o ? `${String(o.min)}～` : (QUAL[String(o.qualifier)] ?? '')}${String(o.value)}`;
  return JSON.stringify(v);
}

export const KIND: Readonly<Record<Change['kind'], string>> = { changed: '修改', added: '新增', removed: '删除', reworded: '改写', reordered: '调序' };

/** Reworded text: deletions struck through, insertions in bold (`<ins>` in HTML). */
export function marked(c: Change): PhrasingContent[] {
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
          `${position(c.oldSpan)} → ${position(c.newSpan)}`,
        ]),
      ),
    );
  }
  for (const c of changes.filter((x) => x.kind === 'reworded')) {
    out.push({ type: 'paragraph', children: [strong(`${fieldName(c.field)}（改写）`), text('：'), ...marked(c)] });
  }
  return out;
}

/** Page and line on the page where the side is a PDF (or a text that prints page numbers), else the line. */
function position(s: Change['oldSpan']): string {
  if (!s) return '—';
  if (s.page !== null && s.pageLine !== null) return `第${s.page}页第${s.pageLine}行`;
  return s.page !== null ? `第${s.page}页（第${s.line}行）` : `第${s.line}行`;
}

/** The anchor of a direction's section: `new-1-2`, `old-1-2` (a removed 1.2 and a new 1.2 can both exist). */
function anchor(d: DirectionDiff): string {
  const id = d.status === 'removed' ? `old-${d.oldId}` : `new-${d.newId}`;
  return id.replace(/[^\w-]+/g, '-');
}

/** The figures of a whole direction (an added or removed one), as a reader scans them. */
function recordTable(r: NonNullable<DirectionDiff['record']>): Table {
  const count = r.projectCount ? `${r.projectCount.min === undefined ? (QUAL[r.projectCount.qualifier] ?? '') : `${r.projectCount.min}～`}${r.projectCount.value}个` : '—';
  return table(
    ['合作方', '拟支持项目数', '拟支持经费', '单项上限', '实施周期', '领域方向', '合作协议'],
    [
      [
        r.partners.map((p) => p.name).join('、') || '—',
        count,
        r.funding ? show('funding', r.funding) : '—',
        r.perProjectCap ? formatYuan(r.perProjectCap.amountCNY) : '—',
        r.duration ? show('duration', r.duration) : '—',
        r.domains.map((x) => x.label).join('；') || '—',
        r.agreements.map((a) => `《${a.title}》`).join('') || '—',
      ],
    ],
  );
}

/** What changed in a direction, in one cell: `拟支持项目数 4 → 5；拟支持经费 800万元 → 1000万元；合作协议（改写）`. */
function gist(d: DirectionDiff): string {
  if (d.status === 'added' && d.record) return `新增：${d.record.projectCount ? `${d.record.projectCount.value}个项目` : ''}${d.record.funding ? `，${formatYuan(d.record.funding.amountCNY)}` : ''}`;
  if (d.status === 'removed' && d.record) return `删除：${d.record.projectCount ? `${d.record.projectCount.value}个项目` : ''}${d.record.funding ? `，${formatYuan(d.record.funding.amountCNY)}` : ''}`;
  const parts = d.changes.map((c) =>
    c.kind === 'changed' ? `${fieldName(c.field)} ${show(c.field, c.before)} → ${show(c.field, c.after)}` : `${fieldName(c.field)}（${KIND[c.kind]}）`,
  );
  if (d.renumbered) parts.unshift(`编号 ${d.oldId} → ${d.newId}`);
  if (d.moved) parts.push('顺序变化');
  return parts.join('；') || '—';
}

/** `1.2`, or `1.2 → 1.3` for a renumbered direction. */
function directionIds(x: DirectionDiff): string {
  return x.oldId && x.newId && x.oldId !== x.newId ? `${x.oldId} → ${x.newId}` : (x.newId ?? x.oldId ?? '');
}

function heading(d: DirectionDiff): string {
  const ids = d.oldId && d.newId && d.oldId !== d.newId ? `${d.oldId} → ${d.newId}` : (d.newId ?? d.oldId ?? '');
  const label = { added: '新增', removed: '删除', modified: '修改', unchanged: '未变' }[d.status];
  const regrouped = d.regrouped === 'split' ? '，拆分' : d.regrouped === 'merged' ? '，合并' : '';
  return `${ids} ${d.title}（${label}${regrouped}${d.renumbered ? '，重新编号' : ''}${d.moved ? '，顺序变化' : ''}）`;
}

/**
 * The report as an mdast tree. `html`: for the page, where each changed direction in the overview
 * links to its section below; Markdown has no such anchors (the headings' ids are the page's), so
 * there the overview names the directions without links.
 */
export function diffMdast(d: GuidelineDiff, options: { readonly html?: boolean } = {}): Root {
  const html = options.html ?? false;
  const changed = d.directions.filter((x) => x.status !== 'unchanged' || x.renumbered || x.moved);
  const children: RootContent[] = versionsSection(d);
  append(children, changedOverview(changed, html));
  append(children, rewordingLegend(d));
  append(children, documentSection(d));
  append(children, checksSection(d));
  append(children, directionsSection(changed));
  return { type: 'root', children };
}

/** The title, the two versions side by side (their files, titles, states and totals), and the counts of changes. */
function versionsSection(d: GuidelineDiff): RootContent[] {
  const c = d.summary.counts;
  return [
    { type: 'heading', depth: 1, children: [text('指南版本比较')] },
    table(
      ['', '原版本', '新版本'],
      [
        ['文件', d.old.path, d.new.path],
        ['标题', d.old.title ?? '—', d.new.title ?? '—'],
        ['状态', label('status', d.old.status), label('status', d.new.status)],
        ...(d.summary.totals
          ? [
              ['方向数', String(d.summary.totals.old.directions), String(d.summary.totals.new.directions)],
              ['各方向项目数合计', String(d.summary.totals.old.projects), String(d.summary.totals.new.projects)],
              ['各方向经费合计', formatYuan(d.summary.totals.old.fundingCNY), formatYuan(d.summary.totals.new.fundingCNY)],
            ]
          : []),
      ],
    ),
    { type: 'heading', depth: 2, children: [text('概览')] },
    table(
      ['新增', '删除', '修改', '未变', '重新编号', '顺序变化'],
      [[String(c.added), String(c.removed), String(c.modified), String(c.unchanged), String(c.renumbered), String(c.moved)]],
    ),
  ];
}

/** Every changed direction in one table, each linked to its section below (`html`); nothing where none changed. */
function changedOverview(changed: readonly DirectionDiff[], html: boolean): RootContent[] {
  if (changed.length === 0) return [];
  return [
    table(
      ['方向', '状态', '变化（原 → 新）'],
      changed.map((x) => [
        html
          ? [{ type: 'link', url: `#${anchor(x)}`, children: [text(directionIds(x))] }]
          : directionIds(x),
        { added: '新增', removed: '删除', modified: '修改', unchanged: '未变' }[x.status],
        gist(x),
      ]),
    ),
  ];
}

/** How reworded text is marked, where some is. */
function rewordingLegend(d: GuidelineDiff): RootContent[] {
  if (!d.directions.some((x) => x.changes.some((y) => y.kind === 'reworded'))) return [];
  return [
    {
      type: 'paragraph',
      children: [strong('图例'), text('：改写的文字中，'), { type: 'delete', children: [text('删去的字')] }, text('为删除，'), { type: 'strong', data: { hName: 'ins' }, children: [text('加粗的字')] }, text('为新增。')],
    },
  ];
}

/** The changes to the document's own fields and its stated figures, where there are any. */
function documentSection(d: GuidelineDiff): RootContent[] {
  const docChanges = [...d.document.changes, ...d.summary.changes];
  if (docChanges.length === 0) return [];
  return [{ type: 'heading', depth: 2, children: [text('文件层面的变化')] }, ...changesTable(docChanges)];
}

/** The checks resolved, changed and added, where there are any. */
function checksSection(d: GuidelineDiff): RootContent[] {
  const changedChecks = d.checks.changed ?? [];
  if (d.checks.added.length + d.checks.resolved.length + changedChecks.length === 0) return [];
  const say = (x: GuidelineDiff['checks']['added'][number]): string => x.messageZh ?? x.message;
  const item = (prefix: string, x: GuidelineDiff['checks']['added'][number], what: string) => ({
    type: 'listItem' as const,
    spread: false,
    children: [{ type: 'paragraph' as const, children: [strong(`${prefix}·${formatCheckTitle(x)}`), text(`：${what}`)] }],
  });
  return [
    { type: 'heading', depth: 2, children: [text('检查项')] },
    {
      type: 'list',
      ordered: false,
      spread: false,
      children: [
        ...d.checks.resolved.map((x) => item('已解决', x, say(x))),
        ...changedChecks.map((x) => item('已变化', x.after, `${say(x.before)} → ${say(x.after)}`)),
        ...d.checks.added.map((x) => item('新出现', x, say(x))),
      ],
    },
  ];
}

/** A section for each changed direction (a direction added or removed with its record), or a line saying none changed. */
function directionsSection(changed: readonly DirectionDiff[]): RootContent[] {
  if (changed.length === 0) return [{ type: 'paragraph', children: [text('两个版本的指南方向没有变化。')] }];
  const children: RootContent[] = [{ type: 'heading', depth: 2, children: [text('指南方向的变化')] }];
  for (const x of changed) {
    children.push({ type: 'heading', depth: 3, data: { hProperties: { id: anchor(x) } }, children: [text(heading(x))] });
    if ((x.status === 'added' || x.status === 'removed') && x.record) {
      children.push({ type: 'paragraph', children: [text(x.status === 'added' ? '新版本新增的方向：' : '新版本已删除的方向（原版本中）：')] }, recordTable(x.record));
    }
    append(children, changesTable(x.changes));
  }
  return children;
}

/** The fields' English names, for the terminal summary with `--lang en` (the others read as their path). */
const FIELD_NAMES_EN: Readonly<Record<string, string>> = {
  title: 'title',
  kind: 'project type',
  projectCount: 'projects',
  'funding.amountCNY': 'funding',
  'funding.qualifier': 'funding qualifier',
  'funding.perProjectCapCNY': 'cap per project',
  duration: 'duration',
  agreements: 'agreements',
  'flags.jointApplication': 'joint application required',
  'flags.matchingFunds': 'matching funds required',
  'flags.ipAgreement': 'IP agreement required',
  'flags.companyRequired': 'company required',
  'flags.placeholders': 'placeholders',
  'document.status': 'status',
  'document.title': 'title',
  'document.year': 'year',
  'document.batch': 'batch',
  'summary.directionCount': 'directions (stated)',
  'summary.partnerCount': 'partners (stated)',
  'summary.projectCount': 'projects (stated)',
  'summary.fundingTotal': 'total funding (stated)',
  'summary.defaultDuration': 'default duration',
  'computed.directions': 'directions (counted)',
  'computed.projects': 'projects of all directions',
  'computed.fundingCNY': 'funding of all directions',
  category: 'category',
  'conditions.matchingRatio': 'matching ratio',
  'conditions.leadingEnterprise': 'led by a company',
  'conditions.youngScientist': 'young-scientist rules',
};

const yuanEn = (cny: number): string => `CNY ${cny.toLocaleString('en-US')}`;

/** A value as an English reader would say it (the guideline's own words stay Chinese). */
function showEn(field: string, v: unknown): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (typeof v === 'number') return /CNY$/.test(field) ? yuanEn(v) : String(v);
  if (typeof v === 'string') return field === 'document.status' ? label('status', v, 'en') : /qualifier$/i.test(field) ? label('qualifier', v, 'en') : /hedge$/i.test(field) ? label('hedge', v, 'en') : v;
  const o = v as Record<string, unknown>;
  const q = (x: unknown): string => (x === undefined || x === 'exact' ? '' : `${label('qualifier', String(x), 'en')} `);
  if ('amountCNY' in o) return `${q(o.qualifier)}${yuanEn(Number(o.amountCNY))}`;
  if ('maxYears' in o || 'minYears' in o) {
    const min = o.minYears as number | null;
    const max = o.maxYears as number | null;
    const range = min !== null && max !== null && min !== max ? `${min}–${max} years` : `${q(o.qualifier)}${max ?? min} years`;
    return `${range}${o.inherited ? ' (the default)' : ''}`;
  }
  if ('other' in o && 'central' in o) return `${q(o.qualifier)}${String(o.other)}:${String(o.central)}`;
  if ('male' in o || 'female' in o) {
    const parts = [...(o.male ? [`men born ${String(o.male)} or later`] : []), ...(o.female ? [`women born ${String(o.female)} or later`] : []), ...(o.noSubtopics ? ['no subtopics'] : [])];
    return parts.join(', ') || '—';
  }
  if ('value' in o) return `${'min' in o ? `${String(o.min)}–` : q(o.qualifier)}${String(o.value)}`;
  return JSON.stringify(v);
}

function gistEn(d: DirectionDiff): string {
  const record = (r: NonNullable<DirectionDiff['record']>): string =>
    [r.projectCount ? `${r.projectCount.value} project${r.projectCount.value === 1 ? '' : 's'}` : '', r.funding ? yuanEn(r.funding.amountCNY) : ''].filter(Boolean).join(', ');
  if (d.status === 'added' && d.record) return `added: ${record(d.record)}`;
  if (d.status === 'removed' && d.record) return `removed: ${record(d.record)}`;
  const name = (f: string): string => FIELD_NAMES_EN[f] ?? f;
  const parts = d.changes.map((c) => (c.kind === 'changed' ? `${name(c.field)} ${showEn(c.field, c.before)} → ${showEn(c.field, c.after)}` : `${name(c.field)} (${label('changeKind', c.kind, 'en')})`));
  if (d.renumbered) parts.unshift(`number ${d.oldId} → ${d.newId}`);
  if (d.moved) parts.push('moved');
  return parts.join('; ') || '—';
}

/**
 * A few lines for a terminal: the two versions, the counts, each changed direction and what
 * changed; in Chinese, or in English (`language` 'en'; the guideline's own titles stay as written).
 */
export function diffSummary(d: GuidelineDiff, language: Language = 'zh'): string {
  const c = d.summary.counts;
  const en = language === 'en';
  const lines = [
    `${d.old.path} → ${d.new.path}`,
    en
      ? `${c.added} added, ${c.removed} removed, ${c.modified} modified, ${c.unchanged} unchanged, ${c.renumbered} renumbered`
      : `新增 ${c.added}，删除 ${c.removed}，修改 ${c.modified}，未变 ${c.unchanged}，重新编号 ${c.renumbered}`,
  ];
  for (const x of d.directions.filter((y) => y.status !== 'unchanged' || y.renumbered || y.moved)) {
    lines.push(`  ${x.oldId && x.newId && x.oldId !== x.newId ? `${x.oldId} → ${x.newId}` : (x.newId ?? x.oldId)} ${x.title}${en ? `: ${gistEn(x)}` : `：${gist(x)}`}`);
  }
  for (const r of d.regroupings ?? []) {
    lines.push(en ? `  ${r.kind === 'split' ? 'split' : 'merged'}: ${r.oldIds.join(', ')} → ${r.newIds.join(', ')}` : `  ${r.kind === 'split' ? '拆分' : '合并'}：${r.oldIds.join('、')} → ${r.newIds.join('、')}`);
  }
  for (const ch of [...d.document.changes, ...d.summary.changes]) {
    lines.push(en ? `  ${FIELD_NAMES_EN[ch.field] ?? ch.field}: ${showEn(ch.field, ch.before)} → ${showEn(ch.field, ch.after)}` : `  ${fieldName(ch.field)}：${show(ch.field, ch.before)} → ${show(ch.field, ch.after)}`);
  }
  return `${lines.join('\n')}\n`;
}

export function diffToMarkdown(d: GuidelineDiff): string {
  return markdownProcessor.stringify(diffMdast(d));
}

const CSS = `body{font:15px/1.6 system-ui,"Noto Sans CJK SC","Microsoft YaHei",sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem;color:#1f2328}
table{border-collapse:collapse;margin:.75rem 0}th,td{border:1px solid #d0d7de;padding:.3rem .6rem;vertical-align:top;text-align:left}
th{background:#f6f8fa}th,td:first-child{white-space:nowrap}h1{font-size:1.6rem}h2{border-bottom:1px solid #d0d7de;padding-bottom:.2rem;margin-top:2rem}h3{margin-top:1.5rem}
del{background:#ffebe9;color:#82071e}ins{background:#dafbe1;color:#116329;text-decoration:none;font-weight:600}
a{color:#0969da}h3:target{background:#fff8c5}
@page{size:A4;margin:14mm 12mm}
@media print{body{max-width:none;margin:0;padding:0;font-size:10pt}table{font-size:8.5pt;max-width:100%}th,td:first-child{white-space:normal}td{overflow-wrap:anywhere}h2,h3{break-after:avoid;page-break-after:avoid}table,tr{break-inside:avoid;page-break-inside:avoid}a{color:inherit;text-decoration:none}}`;

export function diffToHtml(d: GuidelineDiff): string {
  const body = toHtml(toHast(diffMdast(d, { html: true })));
  const title = `指南版本比较：${d.old.id} → ${d.new.id}`;
  return `<!doctype html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>${toHtml({ type: 'text', value: title })}</title>\n<style>${CSS}</style>\n</head>\n<body>\n${body}\n</body>\n</html>\n`;
}
