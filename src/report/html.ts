/**
 * One ingested guideline as a page to read and check: the document's facts, its stated totals
 * against the directions', the directions as one table an analyst scans (each value a link to the
 * line it was read from, the checks of a direction beside its values), and the loaded text line by
 * line with the layout noise `clean` removed shown greyed. Built as a hast tree and serialised by
 * hast-util-to-html: one inline stylesheet (with print rules for A4), no script, nothing loaded
 * from elsewhere, so that the page works offline.
 *
 * Without the loaded text (`text`), the values are shown without links and the text is left out.
 */
import type { Element, ElementContent, Properties, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { randomUUID } from 'node:crypto';
import { checkTitle, formatDuration, formatYuan, HEDGE_WORDS, qualifierPrefix } from '../format.js';
import { label } from '../messages/labels.js';
import type { Check, Direction, Guideline, SectionOut, Span } from '../schema/guideline.js';
import { OCR_DOUBT, OCR_DOUBT_TEXT } from '../lexicon/ocr-confusions.js';

export interface HtmlOptions {
  /** The loaded text the spans point into (`Source.text`): with it, every value links to its line, shown in context. */
  readonly text?: string;
}

type Child = ElementContent | string | null | false | undefined;

/**
 * A hast element; strings become text nodes, empty children are left out. An array stands for its
 * children in order: a list of any length (a direction's checks, a line's pieces) is passed as one
 * argument, never spread onto the call stack (a 45 MB text's direction of 100,000 checks overflowed it).
 */
function h(tagName: string, properties: Properties = {}, ...children: (Child | readonly Child[])[]): Element {
  const out: ElementContent[] = [];
  const add = (c: Child): void => {
    if (c !== null && c !== false && c !== undefined && c !== '') out.push(typeof c === 'string' ? { type: 'text', value: c } : c);
  };
  for (const c of children) {
    if (Array.isArray(c)) for (const x of c as readonly Child[]) add(x);
    else add(c as Child);
  }
  return { type: 'element', tagName, properties, children: out };
}

const lineId = (line: number): string => `L${line}`;
const directionAnchor = (id: string): string => `d-${id.replace(/[^\w-]+/g, '-')}`;

/** Where a span is, as a person says it: `第45行` or `第3页第1行`. */
function where(span: Span): string {
  return span.page !== null && span.pageLine !== null ? `第${span.page}页第${span.pageLine}行` : `第${span.line}行`;
}

interface Context {
  readonly linked: boolean;
  readonly checks: readonly Check[];
  /** The checks of each direction (null: of the document), in the order of `checks`. */
  readonly byDirection: ReadonlyMap<string | null, readonly Check[]>;
  /** Below what a value read by OCR is doubted (the document's own: see `source.ocr.doubtBelow`). */
  readonly doubt: { readonly figure: number; readonly text: number };
}

function contextOf(doc: Guideline, linked: boolean): Context {
  const byDirection = new Map<string | null, Check[]>();
  for (const c of doc.checks) {
    const list = byDirection.get(c.directionId);
    if (list) list.push(c);
    else byDirection.set(c.directionId, [c]);
  }
  return { linked, checks: doc.checks, byDirection, doubt: doc.document.source.ocr?.doubtBelow ?? { figure: OCR_DOUBT, text: OCR_DOUBT_TEXT } };
}

/** The checks whose span lies within `span` (same direction): shown beside that value. */
function checksOn(ctx: Context, directionId: string | null, span: Span): Check[] {
  return (ctx.byDirection.get(directionId) ?? []).filter((c) => c.span !== null && c.span.start >= span.start && c.span.start < Math.max(span.end, span.start + 1));
}

/**
 * A value read from the text: a link to its line (the place in the text below), marked where OCR
 * read it (with its confidence) and where a check concerns it.
 */
function value(ctx: Context, shown: string, span: Span | null | undefined, directionId: string | null, extra = ''): Element {
  if (!span) return h('span', {}, shown + extra);
  const doubtful = span.ocrConfidence !== undefined && ctx.checks.some((c) => c.code === 'ocr-low-confidence' && c.span?.start === span.start);
  const concerned = checksOn(ctx, directionId, span).filter((c) => c.severity !== 'info');
  const classes = [...(span.ocrConfidence !== undefined ? ['ocr'] : []), ...(doubtful ? ['doubt'] : []), ...(concerned.length > 0 ? ['flagged'] : [])];
  const title = [
    `原文${where(span)}`,
    ...(span.ocrConfidence !== undefined
      ? [`由OCR从扫描页识别，平均置信度${span.ocrConfidence}${span.ocrMinConfidence !== undefined ? `，最低字符置信度${span.ocrMinConfidence}` : ''}${doubtful ? `（数值低于${ctx.doubt.figure}、文字低于${ctx.doubt.text}即存疑），请对照原件核实` : ''}`]
      : []),
    ...concerned.map((c) => `${label('severity', c.severity)}：${c.messageZh ?? c.message}`),
  ].join('\n');
  const props: Properties = { title, ...(classes.length > 0 ? { className: classes } : {}) };
  const content = [shown + extra, doubtful ? h('span', { className: ['mark'] }, '？') : null, concerned.length > 0 ? h('span', { className: ['mark'] }, '！') : null];
  return ctx.linked ? h('a', { href: `#${lineId(span.line)}`, ...props }, ...content) : h('span', props, ...content);
}

/** Several values in one cell, separated. */
function joinValues(parts: readonly Element[], separator: string): Child[] {
  return parts.flatMap((p, i) => (i === 0 ? [p] : [separator, p]));
}

function projectCountText(p: NonNullable<Direction['projectCount']>): string {
  return p.min === undefined ? `${qualifierPrefix(p.qualifier)}${p.value}个` : `${p.min}～${p.value}个`;
}

function fundingText(f: NonNullable<Direction['funding']>): string {
  return f.minCNY === undefined ? `${qualifierPrefix(f.qualifier)}${formatYuan(f.amountCNY)}` : `${formatYuan(f.minCNY)}～${formatYuan(f.amountCNY)}`;
}

function durationText(d: Omit<NonNullable<Direction['duration']>, 'inherited'>): string {
  return `${d.hedge ? HEDGE_WORDS[d.hedge] : ''}${formatDuration(d)}`;
}

/** A check as one line: its level, what it means, its message, and a link to its line. */
function checkItem(ctx: Context, c: Check): Element {
  return h(
    'li',
    { className: [`sev-${c.severity}`] },
    h('span', { className: ['sev'] }, label('severity', c.severity)),
    ' ',
    h('strong', {}, checkTitle(c.code) ?? c.code),
    '：',
    c.messageZh ?? c.message,
    c.span ? ' ' : null,
    c.span ? (ctx.linked ? h('a', { href: `#${lineId(c.span.line)}`, className: ['at'] }, `（${where(c.span)}）`) : h('span', { className: ['at'] }, `（${where(c.span)}）`)) : null,
  );
}

function factsTable(doc: Guideline): Element {
  const info = doc.document;
  const src = info.source;
  const rows: [string, Child][] = [
    ['稿件状态', label('status', info.status)],
    ['指南类型', label('family', info.family)],
    ...(info.programme ? [['计划', info.programme] as [string, Child]] : []),
    ...(info.specialProject ? [['重点专项', info.specialProject] as [string, Child]] : []),
    ['年度', info.year === null ? '—' : `${info.year}年`],
    ['批次', info.batch === null ? '—' : `第${info.batch}批`],
    ['来源文件', h('code', {}, src.path)],
    ['格式', `${label('format', src.format)}${src.pages ? `，${src.pages}页` : ''}，${src.lines}行，${src.bytes}字节${src.format === 'text' || src.format === 'csv' ? `，编码${src.encoding}` : ''}`],
    ['SHA-256', h('code', {}, src.sha256)],
    ...(src.ocr
      ? [['OCR', `${src.ocr.pages.length}页${src.ocr.mode === 'file' ? `为扫描页，文字和置信度取自${src.encoding === 'hocr' ? 'hOCR' : 'ALTO'}识别文件` : '由OCR识别'}（${src.ocr.pages.map((p) => `第${p.page}页，置信度${p.meanConfidence}`).join('；')}）；${src.ocr.engine}`] as [string, Child]]
      : []),
    ...(src.pagesNotRead ? [['未读取的扫描页', `第${src.pagesNotRead.join('、')}页（关闭了OCR）`] as [string, Child]] : []),
    ['抽取规则版本', `${doc.pipelineVersion}（数据格式${doc.schemaVersion}）`],
  ];
  return h('table', { className: ['facts'] }, h('tbody', {}, rows.map(([k, v]) => h('tr', {}, h('th', { scope: 'row' }, k), h('td', {}, v)))));
}

function totalsTable(doc: Guideline, ctx: Context): Element {
  const s = doc.summary;
  const ds = doc.directions;
  const partners = new Set(ds.flatMap((d) => d.partners.map((p) => p.name)));
  const projects = ds.reduce((a, d) => a + (d.projectCount?.value ?? 0), 0);
  const funding = ds.reduce((a, d) => a + (d.funding?.amountCNY ?? 0), 0);
  const off = (code: string, shown: string): Element => {
    const c = doc.checks.find((x) => x.code === code);
    return c ? h('span', { className: ['mismatch'], title: c.messageZh ?? c.message }, `${shown}（不符）`) : h('span', {}, shown);
  };
  const row = (name: string, stated: Child, computed: Child): Element => h('tr', {}, h('th', { scope: 'row' }, name), h('td', {}, stated), h('td', {}, computed));
  return h(
    'table',
    { className: ['totals'] },
    h('thead', {}, h('tr', {}, h('th', {}, ''), h('th', {}, '文中所述'), h('th', {}, '各方向合计'))),
    h(
      'tbody',
      {},
      row('指南方向', s.directionCount ? value(ctx, String(s.directionCount.value), s.directionCount.span, null) : '—', off('direction-count-mismatch', String(ds.length))),
      row('合作方', s.partnerCount ? value(ctx, String(s.partnerCount.value), s.partnerCount.span, null) : '—', off('partner-count-mismatch', String(partners.size))),
      row('拟支持项目数', s.projectCount ? value(ctx, `${qualifierPrefix(s.projectCount.qualifier)}${s.projectCount.value}`, s.projectCount.span, null) : '—', off('project-total-mismatch', String(projects))),
      row('国拨经费', s.fundingTotal ? value(ctx, formatYuan(s.fundingTotal.amountCNY), s.fundingTotal.span, null) : '—', ds.some((d) => d.funding) ? off('funding-total-mismatch', formatYuan(funding)) : '—'),
      row('默认实施周期', s.defaultDuration ? value(ctx, durationText(s.defaultDuration), s.defaultDuration.span, null) : '—', ''),
    ),
  );
}

/** The directions table, its rows left to `slot` (`directionRows`). */
function directionsTable(slot: ElementContent): Element {
  const head = ['编号', '方向名称', '合作方', '项目数', '经费', '周期', '领域', '检查'];
  return h('table', { className: ['directions'] }, h('thead', {}, h('tr', {}, ...head.map((x) => h('th', { scope: 'col' }, x)))), h('tbody', {}, slot));
}

/** The directions, one row each: number, title, partners, figures, domains, and their checks. */
function* directionRows(doc: Guideline, ctx: Context): Generator<Element> {
  for (const d of doc.directions) {
    const checks = [...(ctx.byDirection.get(d.id) ?? [])];
    const warnings = checks.filter((c) => c.severity !== 'info').length;
    const dash = '—';
    yield h(
      'tr',
      { id: directionAnchor(d.id), ...(warnings > 0 ? { className: ['warned'] } : {}) },
      h('td', { className: ['num'] }, value(ctx, d.id, d.span, d.id)),
      h('td', { className: ['title'] }, value(ctx, d.title, d.titleSpan, d.id), d.category ? h('div', { className: ['sub'] }, d.category) : null),
      h('td', {}, (d.partners.length > 0 ? joinValues(d.partners.map((p) => value(ctx, p.name, p.span, d.id, p.recognised ? '' : '（未识别）')), '、') : [dash])),
      h('td', { className: ['fig'] }, d.projectCount ? value(ctx, projectCountText(d.projectCount), d.projectCount.span, d.id, d.projectCount.inherited ? '（统一规定）' : '') : dash),
      h(
        'td',
        { className: ['fig'] },
        d.funding ? value(ctx, fundingText(d.funding), d.funding.span, d.id) : dash,
        d.perProjectCap ? h('div', { className: ['sub'] }, '单项不超过', value(ctx, formatYuan(d.perProjectCap.amountCNY), d.perProjectCap.span, d.id)) : null,
      ),
      h('td', { className: ['fig'] }, d.duration ? value(ctx, durationText(d.duration), d.duration.span, d.id, d.duration.inherited ? '（默认）' : '') : dash),
      h('td', { className: ['domains'] }, (d.domains.length > 0 ? joinValues(d.domains.map((x) => value(ctx, x.label, x.span, d.id)), '；') : [dash])),
      h(
        'td',
        { className: ['checks'] },
        checks.length === 0 ? h('span', { className: ['ok'] }, '无') : h('span', { className: ['count'] }, warnings > 0 ? `${warnings}项警告` : `${checks.length}项提示`),
        checks.length > 0 ? h('ul', {}, checks.map((c) => checkItem(ctx, c))) : null,
      ),
    );
  }
}

/** The number of lines of the loaded text (a line end at its very end starts no line). */
function lineCount(text: string): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n > 1 && text.endsWith('\n') ? n - 1 : n;
}

/** Lines of the loaded text, one at a time: `[start, end)` of each, without its line end. */
function* linesOf(text: string): Generator<{ start: number; end: number }> {
  const count = lineCount(text);
  let start = 0;
  for (let n = 0; n < count; n++) {
    let i = text.indexOf('\n', start);
    if (i < 0) i = text.length;
    yield { start, end: i > start && text.charCodeAt(i - 1) === 13 ? i - 1 : i };
    start = i + 1;
  }
}

/** Each line's page, as the spans of the sections and checks place them (null where unknown). */
function pagesOfLines(doc: Guideline, count: number): (number | null)[] {
  const known: (number | null)[] = new Array<number | null>(count + 1).fill(null);
  const note = (s: Span | null | undefined): void => {
    if (s && s.page !== null && s.line <= count) known[s.line] = s.page;
  };
  const walk = (nodes: readonly SectionOut[]): void => {
    for (const n of nodes) {
      note(n.span);
      walk(n.children);
    }
  };
  walk(doc.sections);
  for (const c of doc.checks) note(c.span);
  for (const r of doc.removed) if (r.line !== null && r.page !== null && r.line <= count) known[r.line] = r.page;
  let page: number | null = known.find((p) => p !== null) ?? null;
  for (let l = 1; l <= count; l++) {
    if (known[l] !== null && known[l] !== undefined) page = known[l]!;
    known[l] = page;
  }
  return known;
}

/** The loaded text, a line per row, removed noise greyed, the lines a value or a check came from marked. */
function* textSection(doc: Guideline, text: string, ctx: Context): Generator<Element> {
  const pages = doc.document.source.pageNumbering === 'none' ? null : pagesOfLines(doc, lineCount(text));
  const ocrPages = new Set((doc.document.source.ocr?.pages ?? []).map((p) => p.page));
  const removed = doc.removed.filter((r) => r.start !== null && r.end !== null && r.end >= r.start).sort((a, b) => a.start! - b.start!);
  const offPage = new Map<number, typeof doc.removed>();
  for (const r of doc.removed) {
    if (r.start !== null || r.page === null) continue;
    const list = offPage.get(r.page);
    if (list) list.push(r);
    else offPage.set(r.page, [r]);
  }
  const flagged = new Map<number, Check[]>();
  for (const c of ctx.checks) {
    if (!c.span || c.severity === 'info') continue;
    const list = flagged.get(c.span.line);
    if (list) list.push(c);
    else flagged.set(c.span.line, [c]);
  }
  let k = 0;
  let lastPage: number | null = null;
  let n = 0;
  for (const ln of linesOf(text)) {
    n++;
    const page = pages?.[n] ?? null;
    if (page !== null && page !== lastPage) {
      const noise = offPage.get(page) ?? [];
      yield h(
          'div',
          { className: ['page'], id: `p${page}` },
          `第${page}页${ocrPages.has(page) ? '（OCR识别）' : ''}`,
          noise.length > 0 ? h('span', { className: ['rm'] }, `　已清除：${noise.map((r) => `${label('removalKind', r.kind)}“${r.text}”`).join('、')}`) : null,
        );
      lastPage = page;
    }
    const parts: Child[] = [];
    let at = ln.start;
    while (k < removed.length && removed[k]!.end! <= ln.start) k++;
    for (let j = k; j < removed.length && removed[j]!.start! < ln.end; j++) {
      const r = removed[j]!;
      const s = Math.max(r.start!, at);
      const e = Math.min(r.end!, ln.end);
      if (e <= s) continue;
      if (s > at) parts.push(text.slice(at, s));
      const kind = label('removalKind', r.kind);
      parts.push(
        r.replacement !== undefined
          ? h('span', { className: ['rp'], title: `${kind}：原为“${text.slice(s, e)}”，改为“${r.replacement}”` }, text.slice(s, e))
          : h('span', { className: ['rm'], title: `已清除：${kind}` }, text.slice(s, e)),
      );
      at = e;
    }
    if (ln.end > at) parts.push(text.slice(at, ln.end));
    const checks = flagged.get(n) ?? [];
    const classes = ['l', ...(checks.length > 0 ? ['chk'] : []), ...(page !== null && ocrPages.has(page) ? ['ocr'] : [])];
    yield h(
      'div',
      { className: classes, id: lineId(n), ...(checks.length > 0 ? { title: checks.map((c) => `${label('severity', c.severity)}：${c.messageZh ?? c.message}`).join('\n') } : {}) },
      h('a', { className: ['n'], href: `#${lineId(n)}` }, String(n)),
      h('span', { className: ['t'] }, parts),
    );
  }
}

const CSS = `body{font:15px/1.6 system-ui,"Noto Sans CJK SC","Microsoft YaHei",sans-serif;max-width:96rem;margin:1.5rem auto;padding:0 1rem;color:#1f2328}
h1{font-size:1.5rem;margin:.5rem 0 1rem}h2{font-size:1.2rem;border-bottom:1px solid #d0d7de;padding-bottom:.2rem;margin-top:2rem}
table{border-collapse:collapse;margin:.75rem 0}th,td{border:1px solid #d0d7de;padding:.3rem .5rem;vertical-align:top;text-align:left}th{background:#f6f8fa;white-space:nowrap}
.top{display:flex;flex-wrap:wrap;gap:0 2rem;align-items:flex-start}.facts td{max-width:44rem;word-break:break-all}
table.directions{width:100%}table.directions td.num,table.directions td.fig{white-space:nowrap}table.directions td.title{min-width:12rem}
table.directions td.checks{min-width:14rem;font-size:.88rem}table.directions td.checks ul{margin:.2rem 0 0;padding-left:1rem}
tr.warned td.num{border-left:4px solid #d4a72c}.sub{font-size:.85rem;color:#57606a}.ok{color:#1a7f37}.count{font-weight:600;color:#9a6700}
a{color:#0969da;text-decoration:none}a:hover{text-decoration:underline}table.directions a,table.totals a{color:inherit;border-bottom:1px dotted #8c959f}table.directions td.num a{color:#0969da;border:0;font-weight:600}
.flagged{background:#fff8c5}.doubt{background:#ffebe9;outline:1px dashed #cf222e}.ocr{border-bottom:1px dotted #8250df}.mark{color:#cf222e;font-weight:700;margin-left:1px}
.mismatch{color:#cf222e;font-weight:600}.sev{display:inline-block;font-size:.78rem;padding:0 .3rem;border-radius:3px;background:#eaeef2}
.sev-warning .sev,.sev-error .sev{background:#ffd8b5}.sev-error .sev{background:#ffcecb}.at{white-space:nowrap;font-size:.85rem}
ul.checks{padding-left:1.2rem}.legend{font-size:.9rem;color:#57606a}.legend span{padding:0 .3rem}
.text{font:13px/1.55 ui-monospace,"Noto Sans Mono CJK SC","Noto Sans CJK SC",monospace;border:1px solid #d0d7de;border-radius:6px;padding:.4rem 0}
.l{display:flex;padding:0 .5rem}.l .n{flex:0 0 3.2rem;text-align:right;padding-right:.8rem;color:#8c959f;user-select:none}.l .t{white-space:pre-wrap;word-break:break-all;flex:1}
.l.chk{background:#fff8c5}.l.ocr{border-left:3px solid #8250df}.l:target{background:#ddf4ff;outline:2px solid #54aeff}
.rm{color:#8c959f;background:#f6f8fa;text-decoration:line-through}.rp{text-decoration:underline dotted #8c959f}
.page{margin:.6rem 0 .2rem;padding:.1rem .5rem;background:#f6f8fa;border-top:1px dashed #d0d7de;border-bottom:1px dashed #d0d7de;color:#57606a;font:12px system-ui,"Noto Sans CJK SC",sans-serif}
@page{size:A4;margin:14mm 12mm}
@media print{body{max-width:none;margin:0;padding:0;font-size:9.5pt}h2{break-after:avoid}table{font-size:8.5pt}table.directions{width:100%;table-layout:auto}
th,td{padding:.15rem .3rem}tr{break-inside:avoid}table.directions{table-layout:fixed}table.directions td{min-width:0!important;overflow-wrap:anywhere}table.directions td.num,table.directions td.fig{white-space:normal}
table.directions th:nth-child(1){width:6%}table.directions th:nth-child(2){width:17%}table.directions th:nth-child(3){width:8%}table.directions th:nth-child(4){width:8%}table.directions th:nth-child(5){width:9%}table.directions th:nth-child(6){width:9%}table.directions th:nth-child(7){width:19%}table.directions th:nth-child(8){width:24%}
table.directions td.checks{font-size:7.5pt}table.directions td.checks .sev,table.directions td.checks .at{font-size:inherit}table.directions td.domains{font-size:8pt}
thead{display:table-header-group}a{color:inherit}.text{font-size:7.5pt;border:0}.l{break-inside:avoid}.l .n{flex-basis:2.4rem}.source{break-before:page}}`;

/** The page of one ingested guideline. */
export function toHtmlPage(doc: Guideline, options: HtmlOptions = {}): string {
  const parts: string[] = [];
  writeHtmlPage(doc, options, (piece) => parts.push(piece));
  return parts.join('');
}

/**
 * Elements serialised together: enough to make each call's set-up cost little, few enough that a
 * batch is gone before the young generation is collected. With 256 lines a batch (about 1 MB of
 * elements) V8 found most of them alive at each collection, promoted them, and then made their
 * allocation sites allocate in the old generation: a 5 MB text's page piled up 130 MB of garbage
 * there; with 16, none.
 */
const BATCH = 16;

/** Writes `elements` as hast-util-to-html writes them side by side: a root's children are joined as they are. */
function writeElements(elements: Iterable<Element>, write: (piece: string) => void): void {
  let batch: Element[] = [];
  for (const e of elements) {
    batch.push(e);
    if (batch.length === BATCH) {
      write(toHtml({ type: 'root', children: batch }));
      batch = [];
    }
  }
  if (batch.length > 0) write(toHtml({ type: 'root', children: batch }));
}

/**
 * The page of one ingested guideline, written piece by piece: the same bytes as `toHtmlPage`. The
 * page around the directions' rows and the text's lines is serialised once, with a comment where
 * each of them goes; the rows and lines are made and serialised a batch at a time, so that a large
 * document's page (a row per direction, a line per line of the text) is never one tree in memory.
 * hast-util-to-html writes an element the same wherever it stands (optional tags are not omitted;
 * only `<script>` and `<style>` change how text is written, and neither holds a slot).
 */
export function writeHtmlPage(doc: Guideline, options: HtmlOptions, write: (piece: string) => void): void {
  const ctx = contextOf(doc, options.text !== undefined);
  const nonce = randomUUID();
  const slot = (name: string): ElementContent => ({ type: 'comment', value: `${nonce}:${name}` });
  const title = doc.document.title ?? doc.document.id;
  const docChecks = doc.checks.filter((c) => c.directionId === null);
  const warnings = doc.checks.filter((c) => c.severity !== 'info').length;
  const body: Child[] = [
    h('h1', {}, title),
    h(
      'p',
      { className: ['legend'] },
      `${doc.directions.length}个方向，${warnings}项警告。`,
      ctx.linked ? '点击数值可跳到原文所在行；' : '',
      h('span', { className: ['flagged'] }, '黄底！'),
      '为有检查项的数值',
      ...(doc.document.source.ocr ? ['，', h('span', { className: ['ocr'] }, '紫色点线'), '为OCR识别的数值，', h('span', { className: ['doubt'] }, '红框？'), '为OCR识别存疑的数值'] : []),
      '；鼠标悬停可看说明。',
    ),
    h('div', { className: ['top'] }, h('section', {}, h('h2', {}, '文件'), factsTable(doc)), h('section', {}, h('h2', {}, '合计'), totalsTable(doc, ctx))),
    h('h2', {}, `指南方向（${doc.directions.length}个）`),
    doc.directions.length > 0 ? directionsTable(slot('rows')) : h('p', {}, '未找到编号的指南方向。'),
    docChecks.length > 0 ? h('h2', {}, '文件层面的检查') : null,
    docChecks.length > 0 ? h('ul', { className: ['checks'] }, docChecks.map((c) => checkItem(ctx, c))) : null,
    ...(options.text !== undefined
      ? [
          h(
            'section',
            { className: ['source'] },
            h('h2', {}, '原文'),
            h('p', { className: ['legend'] }, '读入的文字，每行一格；', h('span', { className: ['rm'] }, '灰色删除线'), '为清理时去掉的版面噪声（页眉、页码、多余空格等），', h('span', { className: ['rp'] }, '点线'), '为替换过的字符，黄底行有检查项。'),
            h('div', { className: ['text'] }, slot('text')),
          ),
        ]
      : []),
  ];
  const page: Root = {
    type: 'root',
    children: [
      { type: 'doctype' },
      h(
        'html',
        { lang: 'zh-CN' },
        h('head', {}, h('meta', { charSet: 'utf-8' }), h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }), h('title', {}, title), h('style', {}, CSS)),
        h('body', {}, body),
      ),
    ],
  };
  const html = toHtml(page);
  const fill: Record<string, () => Iterable<Element>> = {
    rows: () => directionRows(doc, ctx),
    text: () => textSection(doc, options.text ?? '', ctx),
  };
  let at = 0;
  for (const name of ['rows', 'text']) {
    const marker = `<!--${nonce}:${name}-->`;
    const i = html.indexOf(marker, at);
    if (i < 0) continue;
    write(html.slice(at, i));
    writeElements(fill[name]!(), write);
    at = i + marker.length;
  }
  write(html.slice(at));
  write('\n');
}
