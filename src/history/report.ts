/**
 * The history for people: a Markdown report (an mdast tree serialised by remark) and one
 * self-contained HTML page made from the same tree (mdast → hast → HTML) with, added in hast, the
 * states of the cells as classes and hover titles, and a chart of the totals as inline SVG. One
 * inline stylesheet, no script, nothing loaded from elsewhere: the page works offline.
 *
 * In order: the documents; the totals (stated against added up; on the page with their chart); the
 * lines of directions (a row per line, a column per document, a footnote per changed cell listing
 * the changes as `diff` reports them); what each version added, dropped and brought back; partners
 * × documents funding.
 */
import type { Element, ElementContent, Properties, Root as HastRoot } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { BlockContent, FootnoteDefinition, ListItem, PhrasingContent, Root, RootContent, Table, TableCell } from 'mdast';
import { toHast } from 'mdast-util-to-hast';
import { fieldName, KIND, marked } from '../diff/report.js';
import { formatYuan, qualifierPrefix } from '../format.js';
import { markdownProcessor } from '../report/markdown.js';
import type { GuidelineHistory, HistoryCell, HistoryLine, HistoryTotals } from '../schema/history.js';
import { changeText, countText, documentLabels, fundingText, STATUS_ZH } from './format.js';
import { cellState, type CellState } from './index.js';

// ---- mdast -------------------------------------------------------------------------------------

const text = (value: string): PhrasingContent => ({ type: 'text', value });
const strong = (value: string): PhrasingContent => ({ type: 'strong', children: [text(value)] });
const paragraph = (...children: PhrasingContent[]): RootContent => ({ type: 'paragraph', children });
/** A heading; `id`: its anchor on the page (the Markdown has none, and is given no links to it). */
const heading = (depth: 1 | 2, value: string, id?: string): RootContent => ({ type: 'heading', depth, children: [text(value)], ...(id ? { data: { hProperties: { id } } } : {}) });

/** The page's sections, linked from its top (`id` of each heading). */
const SECTIONS = [
  ['lines', '指南方向（各方向每个版本的变化）'],
  ['versions', '各版本的变化'],
  ['totals', '合计'],
  ['partners', '合作方经费'],
  ['documents', '文件'],
] as const;

/** Text in a `<span class=…>` on the page. */
const span = (className: string, value: string): PhrasingContent => ({ type: 'emphasis', data: { hName: 'span', hProperties: { className: [className] } }, children: [text(value)] });

/** A table cell: its content, and for the HTML page a class and a hover title. */
interface Cell {
  readonly content: string | PhrasingContent[];
  readonly className?: string;
  readonly title?: string;
}
type CellInput = string | Cell;

/** Built for the HTML page: cells carry classes and titles (Markdown has no place for them). */
interface Target {
  readonly html: boolean;
}

function table(target: Target, header: readonly string[], rows: readonly (readonly CellInput[])[], className?: string): Table {
  const cell = (c: CellInput): TableCell => {
    const { content, className: cls, title } = typeof c === 'string' ? { content: c } : c;
    const children = typeof content === 'string' ? (content ? [text(content)] : []) : content;
    const properties: Properties = {};
    if (target.html && cls) properties.className = [cls];
    if (target.html && title) properties.title = title;
    return { type: 'tableCell', children: children as TableCell['children'], ...(Object.keys(properties).length > 0 ? { data: { hProperties: properties } } : {}) };
  };
  return {
    type: 'table',
    align: header.map(() => null),
    children: [header, ...rows].map((r) => ({ type: 'tableRow', children: r.map(cell) })),
    ...(target.html && className ? { data: { hProperties: { className: className.split(' ') } } } : {}),
  };
}

const STATE_ZH: Readonly<Record<CellState, string>> = {
  new: '新增',
  returned: '重新出现',
  modified: '修改',
  unchanged: '未变',
  dropped: '删除',
  absent: '',
};

/** A figure a document states about itself, with its qualifier: `约155`, `4.02亿元`; `—` when it states none. */
const statedCount = (v: number | null, q: HistoryTotals['projects']['qualifier']): string => (v === null ? '—' : `${q ? qualifierPrefix(q) : ''}${v}`);
const statedYuan = (v: number | null, q: HistoryTotals['funding']['qualifier']): string => (v === null ? '—' : `${q ? qualifierPrefix(q) : ''}${formatYuan(v)}`);

function documentsSection(h: GuidelineHistory, labels: readonly string[], target: Target): RootContent[] {
  return [
    heading(2, '文件', 'documents'),
    paragraph(
      text(
        h.order === 'sorted'
          ? '按年度、批次、稿件状态（征求意见稿在前）排列，其余相同时按文件名。'
          : '按给定的顺序排列（--as-given）。',
      ),
    ),
    table(
      target,
      ['序号', '版本', '标题', '状态', '文件'],
      h.documents.map((d, k) => [String(k + 1), labels[k]!, d.title ?? '—', STATUS_ZH[d.status], d.source]),
    ),
  ];
}

function totalsSection(h: GuidelineHistory, labels: readonly string[], target: Target): RootContent[] {
  const rows = h.totals.map((t, k): CellInput[] => {
    const gap = t.funding.statedCNY === null ? null : t.funding.statedCNY - t.funding.computedCNY;
    const off = (bad: boolean, content: string): CellInput => (bad ? { content, className: 'mismatch' } : content);
    return [
      labels[k]!,
      off(t.directions.stated !== null && t.directions.stated !== t.directions.computed, t.directions.stated === null || t.directions.stated === t.directions.computed ? String(t.directions.computed) : `${t.directions.computed}（文中${t.directions.stated}）`),
      statedCount(t.projects.stated, t.projects.qualifier),
      off(t.projects.stated !== null && t.projects.qualifier === 'exact' && t.projects.stated !== t.projects.computed, `${t.projects.computed}${t.projects.unstated > 0 ? `（${t.projects.unstated}个方向未列）` : ''}`),
      statedYuan(t.funding.statedCNY, t.funding.qualifier),
      off(gap !== null && gap !== 0 && t.funding.qualifier === 'exact', `${formatYuan(t.funding.computedCNY)}${t.funding.unstated > 0 ? `（${t.funding.unstated}个方向未列）` : ''}`),
      gap === null ? '—' : gap === 0 ? '相符' : off(t.funding.qualifier === 'exact', `${gap > 0 ? '+' : '−'}${formatYuan(Math.abs(gap))}`),
    ];
  });
  return [
    heading(2, '合计', 'totals'),
    paragraph(text('“文中所述”是指南自己写明的合计（设立N个指南方向、拟支持项目数约N个、国拨经费总概算），“各方向合计”是各方向所列之和；差额为所述减合计。')),
    table(target, ['版本', '方向数', '项目数（文中所述）', '项目数（各方向合计）', '经费（文中所述）', '经费（各方向合计）', '经费差额'], rows),
  ];
}

/** What each version added, dropped and brought back, against the one before it. */
function versionsSection(h: GuidelineHistory, labels: readonly string[], target: Target): RootContent[] {
  if (h.documents.length < 2) return [];
  const named = (lines: readonly { line: HistoryLine; cell: HistoryCell }[]): string => lines.map(({ cell }) => `${cell.id} ${cell.title}`).join('；') || '—';
  const rows = h.documents.slice(1).map((_, i): CellInput[] => {
    const k = i + 1;
    const by = (state: CellState) =>
      h.lines.flatMap((line) => {
        if (cellState(h, line, k) !== state) return [];
        // A dropped line is named as the document before had it.
        const cell = line.versions[k] ?? line.versions[k - 1]!;
        return [{ line, cell }];
      });
    const renumbered = h.lines.filter((l) => {
      const c = l.versions[k];
      const p = l.versions[k - 1];
      return c && p && c.id !== p.id;
    }).length;
    return [labels[k]!, labels[k - 1]!, named(by('new')), named(by('dropped')), named(by('returned')), String(by('modified').length), String(renumbered)];
  });
  return [
    heading(2, '各版本的变化', 'versions'),
    paragraph(text('与前一版本相比。“新增”：此前各版本都没有的方向；“删除”：同一批次的上一稿（如征求意见稿）有、这一稿没有的方向；“重新出现”：前一版本没有、更早的版本有的方向。')),
    table(target, ['版本', '对比', '新增', '删除', '重新出现', '修改', '重新编号'], rows)];
}

/** One footnote per cell that changed or came back: the changes, as `diff` reports them. */
function footnote(id: string, line: HistoryLine, k: number, labels: readonly string[]): FootnoteDefinition {
  const cell = line.versions[k]!;
  const previous = cell.previous!;
  const items = cell.changes.map(
    (c): ListItem => ({
      type: 'listItem',
      spread: false,
      children: [
        {
          type: 'paragraph',
          children: c.kind === 'reworded' && c.textDiff ? [text(`${fieldName(c.field)}（${KIND[c.kind]}）：`), ...marked(c)] : [text(changeText(c))],
        },
      ],
    }),
  );
  const head: BlockContent = {
    type: 'paragraph',
    children: [
      strong(`${cell.id} ${cell.title}`),
      text(`：${labels[previous]} → ${labels[k]}${previous < k - 1 ? '（其间的版本没有这个方向）' : ''}${cell.changes.length === 0 ? '，内容未变。' : ''}`),
    ],
  };
  return { type: 'footnoteDefinition', identifier: id, label: id, children: items.length > 0 ? [head, { type: 'list', ordered: false, spread: false, children: items }] : [head] };
}

function linesSection(h: GuidelineHistory, labels: readonly string[], target: Target): { content: RootContent[]; notes: FootnoteDefinition[] } {
  const notes: FootnoteDefinition[] = [];
  const rows = h.lines.map((line, i): CellInput[] => {
    const present = line.versions.filter((c) => c !== null).length;
    const cells = line.versions.map((cell, k): CellInput => {
      const state = cellState(h, line, k);
      if (!cell) return { content: state === 'dropped' ? '删除' : '—', className: `s-${state}`, title: state === 'dropped' ? `${labels[k]}没有这个方向（${labels[k - 1]}有）` : `${labels[k]}没有这个方向` };
      const parts = [countText(cell), fundingText(cell), ...(k > 0 && (state === 'new' || state === 'returned') ? [STATE_ZH[state]] : [])];
      // On the page the number goes on a line of its own and the figures wrap only between them,
      // so that the columns stay narrow.
      const content: PhrasingContent[] = target.html
        ? [span('id', cell.id), ...parts.flatMap((p, n) => [...(n > 0 ? [text(' · ')] : []), span('fig', p)])]
        : [text([cell.id, ...parts].join(' · '))];
      if (cell.previous !== null && (cell.changes.length > 0 || state === 'returned')) {
        const id = `${k + 1}-${i + 1}`;
        content.push({ type: 'footnoteReference', identifier: id, label: id });
        notes.push(footnote(id, line, k, labels));
      }
      const title = [
        `${labels[k]} ${cell.id} ${cell.title}`,
        ...(state === 'unchanged' || (state === 'new' && k === 0) ? [] : [STATE_ZH[state] + (cell.previous !== null ? `（对比${labels[cell.previous]}）` : '')]),
        ...cell.changes.map(changeText),
      ].join('\n');
      return { content, className: `s-${k === 0 && state === 'new' ? 'unchanged' : state}`, title };
    });
    return [line.title, line.partners.join('、') || '—', `${present}/${line.versions.length}`, ...cells];
  });
  return {
    content: [
      heading(2, '指南方向', 'lines'),
      paragraph(
        text(
          '每行是各版本中的同一个方向（按合作方、标题和合作协议对齐，不看编号）。单元格：方向编号 · 拟支持项目数 · 拟支持经费；“新增”为首次出现，“重新出现”为缺席后又出现，“删除”为同一批次的上一稿有而这一稿没有（如征求意见稿有、正式稿没有），“—”为这一版本没有；脚注列出与上一次出现时相比的变化。',
        ),
      ),
      table(target, ['方向（最新标题）', '合作方', '出现', ...labels], rows, 'wide lines'),
    ],
    notes,
  };
}

/** Partner × document: the funding of the directions that name the partner (each in full). */
function partnersSection(h: GuidelineHistory, labels: readonly string[], target: Target): RootContent[] {
  const byPartner = new Map<string, { fundingCNY: number; directions: number; unstated: number }[]>();
  h.documents.forEach((_, k) => {
    for (const line of h.lines) {
      const cell = line.versions[k];
      if (!cell) continue;
      for (const p of cell.partners) {
        let row = byPartner.get(p);
        if (!row) {
          row = h.documents.map(() => ({ fundingCNY: 0, directions: 0, unstated: 0 }));
          byPartner.set(p, row);
        }
        const x = row[k]!;
        x.directions++;
        if (cell.funding) x.fundingCNY += cell.funding.amountCNY;
        else x.unstated++;
      }
    }
  });
  const rows = [...byPartner].map(([partner, row]): CellInput[] => [
    partner,
    `${row.filter((x) => x.directions > 0).length}/${row.length}`,
    ...row.map((x, k): CellInput => {
      if (x.directions === 0) return { content: '—', className: 's-absent' };
      const before = k > 0 ? row[k - 1]! : null;
      const moved = before !== null && before.directions > 0 && before.fundingCNY !== x.fundingCNY;
      const content = `${x.directions === x.unstated ? '未列经费' : formatYuan(x.fundingCNY)}${x.directions > 1 ? `（${x.directions}个方向）` : ''}`;
      return moved ? { content, className: 's-modified', title: `${labels[k - 1]}：${formatYuan(before.fundingCNY)}` } : content;
    }),
  ]);
  return [
    heading(2, '合作方经费', 'partners'),
    paragraph(text('各版本中列出该合作方的方向的拟支持经费之和；一个方向有几个合作方时，在每个合作方下都按全额计入（故各列之和可大于总额）。')),
    table(target, ['合作方', '出现', ...labels], rows, 'wide'),
  ];
}

/** The report as an mdast tree; `html`: with the classes, titles and chart of the HTML page. */
export function historyMdast(h: GuidelineHistory, options: { readonly html?: boolean } = {}): Root {
  const target: Target = { html: options.html ?? false };
  const labels = documentLabels(h);
  const lines = linesSection(h, labels, target);
  const children: RootContent[] = [
    heading(1, '指南历次版本'),
    paragraph(text(`${h.documents.length}个版本，${h.lines.length}个方向。`)),
    // On the page, every section one click from the top, the directions' changes first.
    ...(target.html
      ? [
          paragraph(
            text('跳到：'),
            ...SECTIONS.flatMap(([id, name], i): PhrasingContent[] => [...(i > 0 ? [text(' · ')] : []), { type: 'link', url: `#${id}`, children: [text(name)] }]),
          ),
        ]
      : []),
    ...documentsSection(h, labels, target),
    ...totalsSection(h, labels, target),
    ...(target.html && h.documents.length > 0 ? [chartNode(h, labels)] : []),
    ...lines.content,
    ...versionsSection(h, labels, target),
    ...partnersSection(h, labels, target),
    ...lines.notes,
  ];
  return { type: 'root', children };
}

export function historyToMarkdown(h: GuidelineHistory): string {
  return markdownProcessor.stringify(historyMdast(h));
}

// ---- the chart (hast, inline SVG) ---------------------------------------------------------------

/** Coordinates to a tenth of a pixel: short attributes, the same bytes on every machine. */
const coordinate = (v: number): string => String(Math.round(v * 10) / 10);

/** A hast element; numbers (coordinates, sizes) become attribute text. */
function el(tagName: string, props: Readonly<Record<string, string | number | readonly string[]>>, children: ElementContent[] = []): Element {
  const properties: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(props)) properties[k] = typeof v === 'number' ? coordinate(v) : typeof v === 'string' ? v : [...v];
  return { type: 'element', tagName, properties: properties as Properties, children };
}
const t = (value: string): ElementContent => ({ type: 'text', value });

/** A step of 1, 2, 2.5 or 5 × 10^n that divides `max` into at most five. */
function niceStep(max: number): number {
  if (max <= 0) return 1;
  const raw = max / 5;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].find((f) => f * power >= raw)! * power;
  return step;
}

const COMPUTED = '#4c78a8';
const STATED = '#d1242f';
const W = 520;
const H = 250;
const M = { left: 64, right: 12, top: 28, bottom: 52 };

/** About how wide a text is drawn at `size` px: a CJK character is square, a digit half that. */
const textWidth = (s: string, size: number): number => [...s].reduce((w, c) => w + (c.charCodeAt(0) < 0x2e80 ? 0.6 : 1) * size, 0);

/** Every how many documents a number fits under the bars (20 px each). */
const numberStep = (band: number): number => [1, 2, 5, 10, 20, 50, 100].find((n) => n * band >= 20) ?? 100;

/** The width a document has on the horizontal axis. */
const bandOf = (n: number): number => (W - M.left - M.right) / Math.max(1, n);

/** Labels under the bars drawn at this angle where they do not fit level (degrees, up to the right). */
const SLANT = 40;
const LABEL_SIZE = 11;
/** A slanted label is cut to this many characters. */
const SLANT_CHARS = 16;

/**
 * How the documents are named under their bars: `level` (their names on two lines, where each fits
 * its band), `slanted` (the name on one line at 40°, where names are too wide but bands leave a line
 * of text between two slanted ones), `numbers` (their numbers in the 文件 table, thinned where even
 * those crowd). Names never overlap: a document without a year is named by its number.
 */
interface Axis {
  readonly mode: 'level' | 'slanted' | 'numbers';
  readonly lines: readonly (readonly string[])[];
  /** Room below the plot for the labels. */
  readonly bottom: number;
  /** Room left of the chart for the first slanted label. */
  readonly left: number;
}

function axisOf(labels: readonly string[], docs: GuidelineHistory['documents']): Axis {
  const band = bandOf(docs.length);
  const named = docs.length > 0 && docs.every((d) => d.year !== null);
  const level = docs.map((d, k) => [labels[k]!.replace(/（.*$/, ''), STATUS_ZH[d.status]]);
  const widest = Math.max(0, ...level.flat().map((l) => textWidth(l, LABEL_SIZE)));
  if (named && widest + 8 <= band) return { mode: 'level', lines: level, bottom: M.bottom, left: 0 };
  // Two slanted labels are `band · sin(40°)` apart across their lines: room for one line of text.
  if (named && band * Math.sin((SLANT * Math.PI) / 180) >= LABEL_SIZE + 3) {
    const lines = level.map(([name, status]) => {
      const one = `${name} ${status}`;
      return [[...one].length > SLANT_CHARS ? `${[...one].slice(0, SLANT_CHARS - 1).join('')}…` : one];
    });
    const first = textWidth(lines[0]![0]!, LABEL_SIZE) * Math.cos((SLANT * Math.PI) / 180);
    const longest = Math.max(...lines.map(([l]) => textWidth(l!, LABEL_SIZE)));
    return { mode: 'slanted', lines, bottom: Math.ceil(longest * Math.sin((SLANT * Math.PI) / 180) + 24), left: Math.max(0, Math.ceil(first - (M.left + band / 2) + 8)) };
  }
  return { mode: 'numbers', lines: docs.map((_, k) => [String(k + 1)]), bottom: M.bottom, left: 0 };
}

/**
 * One bar chart: the added-up value per document as a bar, the stated one as a red tick across
 * it. Labels under the bars where there is room, else the documents' numbers.
 */
function barChart(title: string, axis: Axis, values: readonly { computed: number; stated: number | null; hover: string }[], format: (v: number) => string): Element {
  const plotH = H - M.top - M.bottom;
  const height = M.top + plotH + axis.bottom;
  const max = Math.max(1, ...values.flatMap((v) => [v.computed, v.stated ?? 0]));
  const step = niceStep(max);
  const top = Math.ceil(max / step) * step;
  const y = (v: number): number => M.top + plotH - (v / top) * plotH;
  const band = bandOf(values.length);
  const barW = Math.min(56, band * 0.64);
  const children: ElementContent[] = [el('title', {}, [t(title)])];
  children.push(el('text', { x: M.left, y: 16, fontSize: 13, fontWeight: 600, fill: '#1f2328' }, [t(title)]));
  for (let v = 0; v <= top + step / 2; v += step) {
    children.push(el('line', { x1: M.left, x2: W - M.right, y1: y(v), y2: y(v), stroke: '#d0d7de', strokeWidth: v === 0 ? 1.2 : 0.6 }));
    children.push(el('text', { x: M.left - 6, y: y(v) + 4, fontSize: 11, textAnchor: 'end', fill: '#57606a' }, [t(format(v))]));
  }
  values.forEach((v, k) => {
    const cx = M.left + band * (k + 0.5);
    const hover = el('title', {}, [t(v.hover)]);
    children.push(el('rect', { x: cx - barW / 2, y: y(v.computed), width: barW, height: Math.max(0, y(0) - y(v.computed)), fill: COMPUTED }, [hover]));
    if (v.stated !== null) {
      children.push(el('line', { x1: cx - barW / 2 - 5, x2: cx + barW / 2 + 5, y1: y(v.stated), y2: y(v.stated), stroke: STATED, strokeWidth: 2.5 }, [el('title', {}, [t(v.hover)])]));
    }
    // The bar's value: inside its top where it fits, else above the bar and the stated tick.
    const label = format(v.computed);
    if (textWidth(label, 10) + 6 <= band) {
      const inside = y(0) - y(v.computed) >= 22 && textWidth(label, 10) + 4 <= barW;
      // Above the bar, unless a stated tick just above it leaves no room: then above the tick.
      const tick = v.stated === null ? null : y(v.stated);
      const above = (tick !== null && tick <= y(v.computed) && y(v.computed) - tick < 16 ? tick : y(v.computed)) - 5;
      children.push(el('text', { x: cx, y: inside ? y(v.computed) + 14 : above, fontSize: 10, textAnchor: 'middle', fill: inside ? '#ffffff' : '#1f2328' }, [t(label)]));
    }
    // Numbers where names do not fit: every one, or every 2nd, 5th, 10th… where those crowd.
    if (axis.mode === 'numbers' && k > 0 && (k + 1) % numberStep(band) !== 0) return;
    const lines = axis.lines[k]!;
    const base = M.top + plotH + 16;
    children.push(
      axis.mode === 'slanted'
        ? el('text', { x: cx + 4, y: base - 4, fontSize: LABEL_SIZE, textAnchor: 'end', fill: '#1f2328', transform: `rotate(-${SLANT} ${coordinate(cx + 4)} ${coordinate(base - 4)})` }, [t(lines[0]!)])
        : el(
            'text',
            { x: cx, y: base, fontSize: LABEL_SIZE, textAnchor: 'middle', fill: '#1f2328' },
            lines.map((l, i) => el('tspan', { x: cx, dy: i === 0 ? 0 : 14 }, [t(l)])),
          ),
    );
  });
  return el('svg', { xmlns: 'http://www.w3.org/2000/svg', viewBox: `${-axis.left} 0 ${W + axis.left} ${height}`, width: W + axis.left, height, role: 'img', ariaLabel: title }, children);
}

/** The totals per document as two bar charts, with their legend. */
function chartNode(h: GuidelineHistory, labels: readonly string[]): RootContent {
  const axis = axisOf(labels, h.documents);
  const funding = barChart(
    '国拨经费（各方向合计与文中所述）',
    axis,
    h.totals.map((x, k) => ({
      computed: x.funding.computedCNY,
      stated: x.funding.statedCNY,
      hover: `${labels[k]}：各方向合计${formatYuan(x.funding.computedCNY)}；文中所述${statedYuan(x.funding.statedCNY, x.funding.qualifier)}`,
    })),
    (v) => (v === 0 ? '0' : formatYuan(v)),
  );
  const projects = barChart(
    '拟支持项目数（各方向合计与文中所述）',
    axis,
    h.totals.map((x, k) => ({
      computed: x.projects.computed,
      stated: x.projects.stated,
      hover: `${labels[k]}：各方向合计${x.projects.computed}个；文中所述${statedCount(x.projects.stated, x.projects.qualifier)}个`,
    })),
    (v) => String(Math.round(v * 100) / 100),
  );
  const legend = el('figcaption', {}, [
    el('span', { className: ['key', 'key-computed'] }, []),
    t(' 各方向合计　'),
    el('span', { className: ['key', 'key-stated'] }, []),
    t(' 文中所述'),
    ...(axis.mode === 'numbers' ? [t('　（横轴为版本序号，见“文件”表）')] : []),
  ]);
  return { type: 'paragraph', children: [], data: { hName: 'figure', hProperties: { className: ['chart'] }, hChildren: [funding, projects, legend] } };
}

// ---- the page ---------------------------------------------------------------------------------

const CSS = `body{font:15px/1.6 system-ui,"Noto Sans CJK SC","Microsoft YaHei",sans-serif;max-width:110rem;margin:2rem auto;padding:0 1rem;color:#1f2328}
table{border-collapse:collapse;margin:.75rem 0}th,td{border:1px solid #d0d7de;padding:.3rem .6rem;vertical-align:top;text-align:left}
th{background:#f6f8fa;white-space:nowrap}h1{font-size:1.6rem}h2{border-bottom:1px solid #d0d7de;padding-bottom:.2rem;margin-top:2rem}
table.wide{display:block;overflow-x:auto;max-width:100%}table.wide td{white-space:nowrap}
table.lines th,table.lines td{white-space:normal;min-width:7.5rem}table.lines .id{display:block;font-weight:600}
table.lines td:first-child,table.lines th:first-child{position:sticky;left:0;z-index:1;background:#fff;min-width:14rem}table.lines td:nth-child(-n+3),table.lines th:nth-child(-n+3){min-width:0}table.lines td:first-child,table.lines th:first-child{min-width:14rem}table.lines .fig,table.lines th:nth-child(-n+3){white-space:nowrap}table.lines th:first-child{background:#f6f8fa}
.s-new{background:#dafbe1}.s-returned{background:#ddf4ff}.s-modified{background:#fff8c5}.s-dropped{background:#ffebe9;color:#82071e}.s-absent{background:#f6f8fa;color:#8c959f}
td[title]{cursor:help}.mismatch{color:#cf222e;font-weight:600}
.legend span{display:inline-block;padding:0 .5rem;margin-right:.4rem;border:1px solid #d0d7de;border-radius:3px}
figure.chart{display:flex;flex-wrap:wrap;gap:1.5rem;margin:1rem 0}figure.chart svg{max-width:100%;height:auto}figure.chart figcaption{flex-basis:100%;font-size:.9rem;color:#57606a}
.key{display:inline-block;width:1.6rem;vertical-align:middle}.key-computed{height:.8rem;background:${COMPUTED}}.key-stated{height:0;border-top:3px solid ${STATED}}
del{background:#ffebe9;color:#82071e}ins{background:#dafbe1;color:#116329;text-decoration:none;font-weight:600}
.footnotes{font-size:.9rem}.footnotes ul{margin:.2rem 0}sup a{text-decoration:none}
@page{size:A4 landscape;margin:10mm}
@media print{body{max-width:none;margin:0;padding:0;font-size:8.5pt}h2{break-after:avoid;margin-top:1rem}table{font-size:7.5pt;width:100%}
table.wide{display:table;overflow:visible;max-width:none;table-layout:fixed}table.wide td,table.lines td,table.lines th,table.lines .fig,table.wide th{white-space:normal;min-width:0!important;overflow-wrap:anywhere}
table.lines{table-layout:fixed}table.lines th:nth-child(1){width:13%}table.lines th:nth-child(2){width:8%}table.lines th:nth-child(3){width:3.5%}
table.lines td:first-child,table.lines th:first-child{position:static;min-width:0}th,td{padding:.1rem .25rem}tr{break-inside:avoid}thead{display:table-header-group}
figure.chart{break-inside:avoid}figure.chart svg{max-width:48%}a{color:inherit;text-decoration:none}td[title]{cursor:auto}}`;

/** The legend of the cell colours, above the lines table. */
function legend(): Element {
  const key = (cls: string, label: string): Element => el('span', { className: [cls] }, [t(label)]);
  return el('p', { className: ['legend'] }, [t('颜色：'), key('s-new', '新增'), key('s-modified', '修改'), key('s-returned', '重新出现'), key('s-dropped', '删除'), key('s-absent', '没有'), t('（鼠标悬停在单元格上可看变化）')]);
}

/** The history as one self-contained HTML page (no script; works offline). */
export function historyToHtml(h: GuidelineHistory): string {
  const body = toHast(historyMdast(h, { html: true }), {
    footnoteLabel: '变化说明',
    footnoteLabelProperties: {},
    footnoteBackLabel: (i) => `回到第${i + 1}处`,
  }) as HastRoot;
  // The colour legend goes right before the lines table.
  const at = body.children.findIndex((n) => n.type === 'element' && n.tagName === 'table' && (n.properties.className as string[] | undefined)?.includes('lines'));
  if (at >= 0) body.children.splice(at, 0, legend(), t('\n'));
  const title = h.documents.length > 0 ? `指南历次版本：${h.documents[0]!.id} … ${h.documents.at(-1)!.id}` : '指南历次版本';
  const page: HastRoot = {
    type: 'root',
    children: [
      { type: 'doctype' },
      el('html', { lang: 'zh-CN' }, [
        el('head', {}, [
          el('meta', { charSet: 'utf-8' }),
          el('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
          el('title', {}, [t(title)]),
          el('style', {}, [t(CSS)]),
        ]),
        el('body', {}, body.children as ElementContent[]),
      ]),
    ],
  };
  return `${toHtml(page)}\n`;
}
