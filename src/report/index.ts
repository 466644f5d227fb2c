/**
 * The `report` stage: the validated document as JSON (stable, byte-identical for the same input)
 * and as Markdown, built as an mdast tree and serialised by remark (never by string concatenation).
 */
import type { List, ListItem, PhrasingContent, Root, RootContent, Table, TableRow } from 'mdast';
import { markdownProcessor, writeBlocks } from './markdown.js';
import { FLAG_LABELS, formatCheckTitle, formatDuration, formatYuan, qualifierPrefix } from '../format.js';
import { matchMarker, type MarkerType } from '../lexicon/markers.js';
import type { Direction, Guideline, SectionOut } from '../schema/guideline.js';
import { append } from '../append.js';
import { label } from '../messages/labels.js';

export function toJson(doc: Guideline): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

export function toMarkdown(doc: Guideline): string {
  return markdownProcessor.stringify(toMdast(doc));
}

/**
 * The bytes of `toMarkdown(doc)`, handed to `write` a block at a time: the tree's top-level blocks
 * are made one after another and each is serialised as it comes (`writeBlocks`), so that a large
 * document's Markdown is never one tree or one string in memory.
 */
export function writeMarkdown(doc: Guideline, write: (piece: string) => void): void {
  writeBlocks(mdastBlocks(doc), write);
}

const text = (value: string): PhrasingContent => ({ type: 'text', value });
const strong = (value: string): PhrasingContent => ({ type: 'strong', children: [text(value)] });
const para = (...children: PhrasingContent[]): RootContent => ({ type: 'paragraph', children });

function table(header: readonly string[], rows: readonly (readonly string[])[]): Table {
  const row = (cells: readonly string[]): TableRow => ({
    type: 'tableRow',
    children: cells.map((c) => ({ type: 'tableCell', children: c ? [text(c)] : [] })),
  });
  return { type: 'table', align: header.map(() => null), children: [row(header), ...rows.map(row)] };
}

const yuan = formatYuan;
const durationText = formatDuration;

/**
 * After a value read by OCR with a doubtful character (an `ocr-low-confidence` check on its span):
 * `（OCR存疑：最低置信度N）`; nothing after other values.
 */
function ocrMark(doc: Guideline, value: { readonly span: Direction['titleSpan'] } | null | undefined): string {
  if (!value || value.span.ocrMinConfidence === undefined) return '';
  const doubt = doc.checks.some((c) => c.code === 'ocr-low-confidence' && c.span?.start === value.span.start && c.span.end === value.span.end);
  return doubt ? `（OCR存疑：最低置信度${value.span.ocrMinConfidence}）` : '';
}

function facts(d: Direction, doc: Guideline): Table {
  const mark = (v: { readonly span: Direction['titleSpan']; readonly inherited?: boolean | undefined } | null | undefined): string => (v?.inherited ? '' : ocrMark(doc, v));
  const flags = FLAG_LABELS.filter(([k]) => d.flags[k].value).map(([, label]) => label);
  return table(
    ['字段', '值'],
    [
      ['合作方', d.partners.map((p) => `${p.name}${mark(p)}`).join('、') || '—'],
      ['项目类型', d.kind ?? '—'],
      [
        '拟支持项目数',
        d.projectCount
          ? d.projectCount.min === undefined
            ? `${qualifierPrefix(d.projectCount.qualifier)}${d.projectCount.value}个${d.projectCount.inherited ? '（沿用指南统一规定）' : ''}${mark(d.projectCount)}`
            : `${d.projectCount.min}～${d.projectCount.value}个${d.projectCount.inherited ? '（沿用指南统一规定）' : ''}${mark(d.projectCount)}`
          : '—',
      ],
      ['拟支持经费', d.funding ? `${qualifierPrefix(d.funding.qualifier)}${yuan(d.funding.amountCNY)}${d.funding.inherited ? '（沿用所在组统一规定）' : ''}${mark(d.funding)}` : '—'],
      ...(d.perProjectCap ? [['单项经费上限', `不超过${yuan(d.perProjectCap.amountCNY)}${d.perProjectCap.inherited ? '（沿用指南统一规定）' : ''}${mark(d.perProjectCap)}`]] : []),
      ['实施周期', d.duration ? `${durationText(d.duration)}${d.duration.inherited ? '（沿用指南默认）' : ''}${mark(d.duration)}` : '—'],
      ['要求条数', String(d.requirements.length)],
      ['标记', flags.join('、') || '—'],
      // The key-programme facts, where the direction has them.
      ...(d.category ? [['类别', d.category]] : []),
      ...(d.keywords.length > 0 ? [['关键词', d.keywords.map((k) => k.text).join('；')]] : []),
      ...(d.indicators.length > 0 ? [['考核指标条数', String(d.indicators.length)]] : []),
      ...(d.conditions.matchingRatio
        ? [['其他经费与中央财政经费比例', `${qualifierPrefix(d.conditions.matchingRatio.qualifier)}${d.conditions.matchingRatio.other}:${d.conditions.matchingRatio.central}${d.conditions.matchingRatio.inherited ? '（沿用指南统一规定）' : ''}`]]
        : []),
      ...(d.conditions.leadingEnterprise ? [['企业牵头', `${d.conditions.leadingEnterprise.text}${d.conditions.leadingEnterprise.inherited ? '（沿用指南统一规定）' : ''}`]] : []),
      ...(d.conditions.youngScientist ? [['青年科学家条件', youngRules(d.conditions.youngScientist)]] : []),
      ...(d.otherText.length > 0 ? [['其他文字（未归入字段）', String(d.otherText.length)]] : []),
    ],
  );
}

function youngRules(y: NonNullable<Direction['conditions']['youngScientist']>): string {
  const parts = [
    ...(y.maleBornOnOrAfter ? [`男性${y.maleBornOnOrAfter}以后出生`] : []),
    ...(y.femaleBornOnOrAfter ? [`女性${y.femaleBornOnOrAfter}以后出生`] : []),
    ...(y.noSubtopics ? ['不设课题'] : []),
  ];
  return parts.join('，');
}

/** Each direction by where it starts: its section node finds it there. */
type ByStart = ReadonlyMap<number, Direction>;

/**
 * The blocks of `nodes`, in order. A list is given once its last item is read (the items of a run
 * of `item` nodes are one list); everything else as soon as it is made.
 */
function* renderNodes(nodes: readonly SectionOut[], doc: ByStart, g: Guideline): Generator<RootContent> {
  let list: List | null = null;
  for (const n of nodes) {
    if (n.kind !== 'item' && list) {
      yield list;
      list = null;
    }
    switch (n.kind) {
      case 'paragraph':
        yield para(text(n.text));
        break;
      case 'part':
      case 'group':
        yield { type: 'heading', depth: 2, children: [text(spaced(n))] };
        yield* renderNodes(n.children, doc, g);
        break;
      case 'direction': {
        yield { type: 'heading', depth: 3, children: [text(spaced(n))] };
        const d = doc.get(n.span.start);
        if (d) yield facts(d, g);
        yield* renderNodes(n.children, doc, g);
        break;
      }
      case 'field': {
        // `**拟支持项目数**：4个` — the colon outside the strong text, so that it closes before a digit.
        const marker = n.marker ?? '';
        const label = marker.replace(/[：:]\s*$/, '');
        yield para(strong(label), text(n.text.slice(label.length)));
        yield* renderNodes(n.children, doc, g);
        break;
      }
      case 'item': {
        // An ordered list numbered as printed: the marker (`（1）`, `①`, `一、`) becomes the list
        // number, not a bullet followed by the marker.
        const number = itemNumber(n);
        if (!list || (number !== null) !== list.ordered) {
          if (list) yield list;
          list = number === null ? { type: 'list', ordered: false, spread: false, children: [] } : { type: 'list', ordered: true, start: number, spread: false, children: [] };
        }
        const body = number === null || !n.marker ? n.text : n.text.slice(n.text.indexOf(n.marker) + n.marker.length).trimStart();
        const item: ListItem = { type: 'listItem', spread: false, children: [para(text(body || n.text)) as ListItem['children'][number]] };
        append(item.children, renderNodes(n.children, doc, g) as Iterable<ListItem['children'][number]>);
        list.children.push(item);
        break;
      }
    }
  }
  if (list) yield list;
}

/** The first direction at each start offset (as `find` gave it). */
function byStart(doc: Guideline): ByStart {
  const map = new Map<number, Direction>();
  for (const d of doc.directions) if (!map.has(d.span.start)) map.set(d.span.start, d);
  return map;
}

/** `1.1中国和越南…` → `1.1 中国和越南…`: a space between a heading's number and its title. */
function spaced(n: SectionOut): string {
  const m = n.marker;
  if (!m || !n.text.startsWith(m) || /[、）)]$/.test(m)) return n.text;
  const rest = n.text.slice(m.length).trimStart();
  return rest ? `${m} ${rest}` : n.text;
}

/** Markers that number a list; their value is the list number. */
const LIST_MARKERS: ReadonlySet<MarkerType> = new Set(['cjk-comma', 'paren-cjk', 'paren-arabic', 'arabic-dot', 'arabic-comma', 'arabic-paren', 'circled', 'latin']);

/**
 * The number of an item's list marker (`（3）` → 3, `③` → 3, `三、` → 3, `3.` → 3), as the lexicon
 * reads it at the start of the item's text; null when the item has no numbering marker.
 */
function itemNumber(n: SectionOut): number | null {
  if (!n.marker) return null;
  const m = matchMarker(n.text);
  return m && m.text === n.marker && LIST_MARKERS.has(m.type) ? m.value : null;
}

/** Leading paragraphs that make up the title line(s), already shown as the heading. */
function titleParagraphs(doc: Guideline): number {
  const title = doc.document.title;
  if (doc.document.titleSource !== 'heading' || !title) return 0;
  let seen = '';
  let k = 0;
  for (const n of doc.sections) {
    if (n.kind !== 'paragraph') break;
    const t = n.text.replace(/[（(]征求意见稿[）)]/, '').trim();
    if (!title.startsWith(seen + t)) break;
    seen += t;
    k++;
    if (seen === title) return k;
  }
  return 0;
}

export function toMdast(doc: Guideline): Root {
  return { type: 'root', children: append([], mdastBlocks(doc)) };
}

/** The top-level blocks of the Markdown of `doc`, made one at a time, in order. */
function* mdastBlocks(doc: Guideline): Generator<RootContent> {
  const info = doc.document;
  const s = doc.summary;
  const status = label('status', info.status);
  const directions = doc.directions;
  const partners = new Set(directions.flatMap((d) => d.partners.map((p) => p.name)));
  const projects = directions.reduce((a, d) => a + (d.projectCount?.value ?? 0), 0);
  const funding = directions.reduce((a, d) => a + (d.funding?.amountCNY ?? 0), 0);
  // A figure the text states and the directions do not add up to is marked where it is shown.
  const mismatch = (code: string): string => (doc.checks.some((c) => c.code === code) ? '（与文中所述不符）' : '');
  yield { type: 'heading', depth: 1, children: [text(info.title ?? info.id)] };
  yield para(
    strong('状态'),
    text(`：${status}　`),
    strong('来源'),
    text(`：${info.source.path}（${label('format', info.source.format)}${info.source.format === 'text' || info.source.format === 'csv' ? `，${info.source.encoding}` : ''}${info.source.pages ? `，${info.source.pages}页` : ''}）`),
    ...(info.source.ocr
      ? [
          text('　'),
          strong('OCR'),
          text(
            info.source.ocr.mode === 'file'
              ? `：第${info.source.ocr.pages.map((p) => p.page).join('、')}页为扫描页，文字和置信度取自${info.source.encoding === 'hocr' ? 'hOCR' : 'ALTO'}识别文件（平均置信度${info.source.ocr.meanConfidence}；数值低于${info.source.ocr.doubtBelow.figure}、文字低于${info.source.ocr.doubtBelow.text}即存疑）；识别存疑的数值标有“OCR存疑”，并列于“检查”`
              : `：第${info.source.ocr.pages.map((p) => p.page).join('、')}页为扫描页，由OCR识别（平均置信度${info.source.ocr.meanConfidence}）；识别存疑的数值标有“OCR存疑”，并列于“检查”`,
          ),
        ]
      : []),
  );
  yield table(
    ['', '文中所述', '各方向合计'],
    [
      ['指南方向', s.directionCount ? String(s.directionCount.value) : '—', String(directions.length) + mismatch('direction-count-mismatch')],
      ['合作方', s.partnerCount ? String(s.partnerCount.value) : '—', String(partners.size) + mismatch('partner-count-mismatch')],
      ['拟支持项目数', s.projectCount ? `${qualifierPrefix(s.projectCount.qualifier)}${s.projectCount.value}` : '—', String(projects) + mismatch('project-total-mismatch')],
      // No direction states its funding (key R&D programmes state per-project caps): no sum.
      ['国拨经费', s.fundingTotal ? yuan(s.fundingTotal.amountCNY) : '—', (directions.some((d) => d.funding) ? yuan(funding) : '—') + mismatch('funding-total-mismatch')],
      ['默认实施周期', s.defaultDuration ? durationText(s.defaultDuration) : '—', ''],
    ],
  );
  yield* renderNodes(doc.sections.slice(titleParagraphs(doc)), byStart(doc), doc);
  if (doc.checks.length > 0) {
    yield { type: 'heading', depth: 2, children: [text('检查')] };
    yield {
      type: 'list',
      ordered: false,
      spread: false,
      children: doc.checks.map(
        (c): ListItem => ({
          type: 'listItem',
          spread: false,
          children: [
            para(
              strong(formatCheckTitle(c)),
              text(`${c.span ? `（第${c.span.line}行${c.span.page ? `，第${c.span.page}页` : ''}）` : ''}：${c.messageZh ?? c.message}`),
            ) as ListItem['children'][number],
          ],
        }),
      ),
    };
  }
  if (doc.removed.length > 0) {
    const byKind = new Map<string, number>();
    for (const r of doc.removed) byKind.set(r.kind, (byKind.get(r.kind) ?? 0) + 1);
    yield { type: 'heading', depth: 2, children: [text('已清除的版面噪声')] };
    yield table(['类型', '处数'], [...byKind].map(([k, n]) => [label('removalKind', k), String(n)]));
  }
}
