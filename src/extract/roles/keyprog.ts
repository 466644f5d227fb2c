/**
 * The roles of key-programme directions: `content` (研究内容: paragraphs), `indicators` (考核指标:
 * items) and `keywords` (关键词: split at `，、；` or, where the source had only spaces, at them).
 * A missing one is reported only where most directions of the document have it (`familyChecks`).
 */
import type { Mapped } from '../../mapped.js';
import { mappedJoin, mappedSlice, mappedTrim } from '../../mapped.js';
import type { Section } from '../../segment/index.js';
import type { Item, TextBlock } from '../../schema/guideline.js';
import { append } from '../../append.js';
import { BULLET, RE_SUB_HEAD } from '../../lexicon/markers.js';
import { fieldRest, inlineContinuation, itemRest, itemsOf, nodeText, type SpanFn } from '../nodes.js';
import type { DirectionContext } from './context.js';

/** The labels of a direction's aim, read as its indicators only where nothing else says what it must achieve. */
const RE_AIM_LABEL = /^(?:研究目标|科学目标|总体目标)$/;

export function readKeyProgramme(ctx: DirectionContext): { researchContent: TextBlock[]; indicators: Item[]; keywords: TextBlock[] } {
  const { span } = ctx;
  const researchContent = ctx.allOf('content').flatMap((f) => blocksOf(f, span));
  // (A direction's aim, `研究目标：…`, beside the outcomes it is judged by, `预期成果：（1）…` /
  // `考核指标：…`: the aim is text of its own, the outcomes are the indicators.)
  const fields = ctx.allOf('indicators');
  const outcomes = fields.filter((f) => !RE_AIM_LABEL.test(f.marker?.key ?? ''));
  const aims = outcomes.length > 0 ? fields.filter((f) => !outcomes.includes(f)) : [];
  for (const f of aims) ctx.leftover(f);
  const indicators = (outcomes.length > 0 ? outcomes : fields).flatMap((f) => indicatorsOf(f, span));
  const keywords = ctx.allOf('keywords').flatMap((f) => keywordsOf(f, span, ctx.sourceText));
  if (researchContent.length === 0) ctx.missing('researchContent', 'research content (研究内容)');
  if (indicators.length === 0) ctx.missing('indicators', 'indicators (考核指标)');
  if (keywords.length === 0) ctx.missing('keywords', 'keywords (关键词)');
  return { researchContent, indicators, keywords };
}

/** 研究内容: the label line's text, then each paragraph (list items with their marker). */
function blocksOf(field: Section, span: SpanFn): TextBlock[] {
  const out: TextBlock[] = [];
  const rest = unbulleted(fieldRest(field));
  if (rest.text.length > 0) append(out, inlineBlocks(rest, span));
  for (const c of field.children) {
    // (A bullet's glyph, `○研究…` as a Word list draws it, is no part of the text: a number is.)
    const t = unbulleted(nodeText(c));
    if (t.text.trim().length > 0) out.push({ text: t.text, span: span(t) });
  }
  return out;
}

const RE_BULLET_LEAD = new RegExp(`^${BULLET}[ \\u3000]*(?=\\S)`);
/** `m` without the bullet glyph it starts with, if any. */
function unbulleted(m: Mapped): Mapped {
  const bullet = RE_BULLET_LEAD.exec(m.text);
  return bullet ? mappedSlice(m, bullet[0].length, m.text.length) : m;
}

/**
 * The label line's text, as paragraphs: items numbered inline (`（1）…（2）…`, as a table cell holds
 * them) one each, their marker kept as printed; else the whole text.
 */
function inlineBlocks(m: Mapped, span: SpanFn): TextBlock[] {
  const items = itemsOf(m, span);
  // (Points of one sentence, `揭示①围岩…的时效机制、②材料劣化…、③…`, parted by `、` or `，`: one paragraph.)
  // (The first marker may follow a lead-in's comma, `…的需求，①研究…；②…`: the later ones tell.)
  const marked = items.filter((i) => i.marker !== null);
  const within = marked.slice(1).some((i) => /[、，,]\s*$/.test(m.text.slice(0, Math.max(0, m.text.indexOf(i.marker! + i.text)))));
  if (items.length < 2 || marked.length < 2 || within) return [{ text: m.text, span: span(m) }];
  return items.map((i) => {
    const at = m.text.indexOf(i.text);
    const from = i.marker ? Math.max(0, m.text.lastIndexOf(i.marker, at)) : at;
    const piece = mappedTrim(mappedSlice(m, from, at + i.text.length));
    return { text: piece.text, span: span(piece) };
  });
}

/**
 * 考核指标: numbered items (on their own lines or inline), or unnumbered paragraphs, one item each.
 * Sub-heads that divide them (`约束性指标：` / `预期性指标：`, `课题1（…）：`, on a line of their own
 * or before the first item on theirs) are no items: each item under one carries it as its `group`.
 */
function indicatorsOf(field: Section, span: SpanFn): Item[] {
  const out: Item[] = [];
  let group: string | undefined;
  const add = (items: readonly Item[]): void => {
    for (const i of items) out.push(group === undefined ? i : { ...i, group });
  };
  /** `m` without the sub-head it starts with, which becomes the group of what follows. */
  const headed = (m: Mapped): Mapped => {
    const head = RE_LEAD_HEAD.exec(m.text);
    if (!head) return m;
    group = head[1]!.trim();
    return mappedTrim(mappedSlice(m, head[0].length, m.text.length));
  };
  const rest = headed(fieldRest(field));
  // (A sentence that introduces the items below it, `到2028年，产品主要指标达到以下要求：` over a table of
  // figures or numbered items, is none of them.)
  // (Nor a table's header row on the label's line, `考核指标：| 指标名称 | 指标值 |` over the table's rows.)
  if (rest.text.length > 0 && !(field.children.length > 0 && (/[：:]$/.test(rest.text.trim()) || isHeaderRow(rest.text)))) add(itemsOf(rest, span));
  field.children.forEach((c, k) => {
    if (c.kind === 'paragraph') {
      const text = c.paragraph.text.text.trim();
      // A short line that heads the items after it (`课题1（高功率密度电机）：`, `预期性指标：`) is no
      // indicator: the group of those after it.
      if (k + 1 < field.children.length && RE_SUB_HEAD.test(text)) {
        group = text.slice(0, -1).trim();
        return;
      }
      // A table of the indicators (`| 指标名称 | 指标值 | 考核方式 |` over a row each): its header row is no
      // indicator, nor a note under the table (`注：…`).
      const next = field.children[k + 1];
      if (next?.kind === 'paragraph' && isHeaderRow(text) && RE_PIPE_ROW.test(next.paragraph.text.text.trim())) return;
      if (RE_NOTE.test(text) && out.length > 0) return;
      add(itemsOf(headed(c.paragraph.text), span));
    } else {
      const body = mappedJoin([itemRest(c), ...c.children.map(nodeText)], '\n');
      if (body.text.length === 0) return;
      // `2）加速度计…；3）晶圆级封装良率…；4）…` (a column break put the next items on this item's
      // line): the inline markers that carry the list on are items of their own.
      const after = c.marker ? inlineContinuation(body, c.marker.value, span) : [];
      if (after.length > 0) {
        add([{ marker: c.marker?.text ?? null, text: after[0]!.text, span: after[0]!.span }]);
        add(after.slice(1));
      } else add([{ marker: c.marker?.text ?? null, text: body.text, span: span(body) }]);
    }
  });
  return out;
}

/** A sub-head before the first item on its line (`约束性指标：（1）…`, `技术指标：①…`). */
const RE_LEAD_HEAD = /^([^。；;，,：:（(]{2,12})[：:]\s*(?=[（(]\d{1,2}[）)]|\d{1,2}[）).．、](?!\d)|[\u2460-\u2473])/;
const RE_PIPE_ROW = /^\|.*\|$/;
const RE_NOTE = /^注\s*\d?\s*[：:]/;
/** A table's header row: cells of a few words, no figure in any. */
function isHeaderRow(text: string): boolean {
  const t = text.trim();
  if (!RE_PIPE_ROW.test(t) || /\d/.test(t)) return false;
  const cells = t.slice(1, -1).split('|').map((c) => c.trim());
  return cells.length >= 2 && cells.every((c) => c.length > 0 && c.length <= 8);
}


/**
 * 关键词: split on ，,、；; each keyword with its span. Keywords separated by spaces only
 * (`MEMS陀螺 加速度计 温度补偿`) are split where the source had white space: `clean` drops
 * spaces next to CJK characters, and the source map still shows the gap.
 */
function keywordsOf(field: Section, span: SpanFn, source: (start: number, end: number) => string): TextBlock[] {
  const text = nodeText(field);
  const body = mappedSlice(text, field.marker!.length, text.text.length);
  const out: TextBlock[] = [];
  let start = 0;
  const t = body.text;
  const spaced = !/[，,、；;]/.test(t.replace(/[。.\s]+$/, ''));
  const from = body.from;
  const to = body.to;
  const gapAfter = (k: number): boolean => spaced && k + 1 < t.length && from[k + 1]! > to[k]! && /^[ \t\u3000]+$/.test(source(to[k]!, from[k + 1]!));
  for (let k = 0; k <= t.length; k++) {
    if (k < t.length && gapAfter(k)) {
      const piece = mappedTrim(mappedSlice(body, start, k + 1), '。.');
      if (piece.text.length > 0) out.push({ text: piece.text, span: span(piece) });
      start = k + 1;
      continue;
    }
    if (k === t.length || '，,、；;\n'.includes(t[k]!)) {
      const piece = mappedTrim(mappedSlice(body, start, k), '。.');
      if (piece.text.length > 0) out.push({ text: piece.text, span: span(piece) });
      start = k + 1;
    }
  }
  return out;
}