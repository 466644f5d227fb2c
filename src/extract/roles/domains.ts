/**
 * Role `domains`: the domains of each domains field (inline lists parted by `；`, `，` or `、`,
 * numbered items, a label with its detail `医药卫生：传统药物`, nested items), or, where no field
 * gives them, the list a prose direction names (`在A、B、C等领域`).
 */
import type { Mapped } from '../../mapped.js';
import { mappedJoin, mappedSlice, mappedTrim } from '../../mapped.js';
import type { Section } from '../../segment/index.js';
import type { Domain } from '../../schema/guideline.js';
import { append } from '../../append.js';
import { parseCjkNumber } from '../../lexicon/chars.js';
import { headingTitle, RE_CALL_AREAS } from '../../lexicon/markers.js';
import { fieldRest, itemRest, itemsOf, nodeSpan, nodeText, TRAILING, type SpanFn } from '../nodes.js';
import type { DirectionContext } from './context.js';

export function readDomains(ctx: DirectionContext): Domain[] {
  const { span, all } = ctx;
  const domains = ctx.allOf('domains').flatMap((f) => domainsOfField(f, span, ctx.sourceText));
  // No domains field, and the direction is one of the areas a call lists (`一、资助领域` / `1. 量子信息
  // 科学与量子材料`): the area is its domain (the topics its description names are the area's own).
  const area = ctx.groups.length > 0 && RE_CALL_AREAS.test(headingTitle(ctx.groups[ctx.groups.length - 1]!.text.text));
  if (ctx.allOf('domains').length === 0 && area && ctx.title !== '') {
    domains.push({ label: ctx.title, detail: null, marker: null, span: span(ctx.titleM), children: [] });
  } else if (ctx.allOf('domains').length === 0 && ctx.allOf('content').length === 0) {
    // (A direction written as prose: the fields a 研究内容 names are its work, no domains of a call.)
    const m = proseDomains(all.text);
    const after = m ? null : RE_PROSE_DOMAINS_AFTER.exec(all.text);
    if (after) {
      // `本方向支持的合作领域为：A；B；C。`: the list after the colon.
      // (Or, in a direction written as prose, `支持领域为A、B、C，` up to the clause's end.)
      const listText = after[1] ?? after[2]!;
      const at = after.index + after[0].length - listText.length;
      const list = mappedSlice(all, at, at + listText.length);
      for (const { i, j } of splitList(list, listSeparators(list))) {
        const piece = mappedTrim(mappedSlice(list, i, j), TRAILING);
        if (piece.text !== '') domains.push({ label: piece.text, detail: null, marker: null, span: span(piece), children: [] });
      }
    } else if (m) {
      const at = m.index + m[0].indexOf(m[1]!);
      let from = at;
      // Parted by 、: 与 joins the words of one domain (农业与食品科学); 和 / 及 before the last item
      // of a longer list is the list's own conjunction (`A、B、C和D等领域`: four domains).
      const pieces = m[1]!.split(/([、，])/);
      const words = pieces.filter((p) => !/^[、，]$/.test(p) && p.trim() !== '').length;
      // `A、B和C三个领域`: the count says the 和 parts two.
      const counted = /([一二两三四五六七八九十\d]{1,2})个(?:领域|方向)$/.exec(m[0]);
      const stated = counted ? (parseCjkNumber(counted[1]!) ?? Number(counted[1])) : null;
      if (words >= 2 || stated === words + 1) {
        const last = pieces.pop()!;
        const and = RE_LIST_AND.exec(last);
        if (and && and.index >= 2 && last.length - and.index - and[0].length >= 2) pieces.push(last.slice(0, and.index), and[0], last.slice(and.index + and[0].length));
        else pieces.push(last);
      }
      for (const piece of pieces) {
        if (/^(?:[、，]|和|以及|及)$/.test(piece) || piece.trim() === '') {
          from += piece.length;
          continue;
        }
        domains.push({ label: piece.trim(), detail: null, marker: null, span: span(all, from, from + piece.length), children: [] });
        from += piece.length;
      }
    }
  }
  // `支持领域：不限`: no domain is named, and none is missing.
  if (domains.length === 1 && RE_ANY_DOMAIN.test(domains[0]!.label)) return [];
  if (domains.length === 0) ctx.missing('domains', 'domains (领域方向)');
  return domains;
}

/** A domains field that names none: `不限`, `领域不限`, `不作限定`. */
const RE_ANY_DOMAIN = /^(?:领域)?(?:不限|不限定|不作限定|不做限定|不限领域)$/;

/** Splits `a；b；c。` at top-level separators of `seps` (not inside brackets or quotes). */
function splitList(m: Mapped, seps = '；;'): { i: number; j: number }[] {
  const out: { i: number; j: number }[] = [];
  let depth = 0;
  let start = 0;
  const t = m.text;
  for (let k = 0; k < t.length; k++) {
    const c = t[k]!;
    if ('（(《“「['.includes(c)) depth++;
    else if ('）)》”」]'.includes(c)) depth = Math.max(0, depth - 1);
    else if (seps.includes(c) && depth === 0) {
      // `，包括…`, `，如…` continue the item before them.
      if ((c === '，' || c === ',') && /^(?:具体|包括|如|等|其中|并|以及|重点|主要|含)/.test(t.slice(k + 1))) continue;
      out.push({ i: start, j: k });
      start = k + 1;
    }
  }
  out.push({ i: start, j: t.length });
  return out;
}

/**
 * The separator an inline list of domains uses: `；` where there is one; else, unless a label
 * colon (`医药卫生：传统药物、草药`) makes the commas part of a detail, `，` and then `、`.
 */
function listSeparators(m: Mapped): string {
  // Pieces with text: a field cut from a line of fields ends with the `；` that parted them.
  const top = (seps: string): boolean => splitList(m, seps).filter(({ i, j }) => /[^\s。；;，,、]/.test(m.text.slice(i, j))).length > 1;
  if (top('；;')) return '；;';
  // (A cell's bulleted list written on one line, `生物医药•人工智能与机器人•新材料`, as a page's `<ul>` in a table cell.)
  if (top('•')) return '•';
  // (Or tags parted by a middle dot, `农业 · 传统医药 · 防灾减灾`, as an image post prints them.)
  if (top('·・')) return '·・';
  if (topLevelColon(m.text) >= 0) return '；;';
  if (top('，,')) return '，,、';
  if (top('、')) return '、';
  return '；;';
}

/** Domains named in a sentence: `在A、B、C等领域`, `围绕A、B和C等方向`. Group 1 is the list. */
const RE_PROSE_DOMAINS = /(?:(?:在|围绕|聚焦|面向|重点围绕|优先支持|支持|资助|征集)(?:在|于)?)+((?:[^，。；、]{2,16}、)+[^，。；、]{2,16}?)(?:等|[一二两三四五六七八九十\d]{1,2}个)?(?:领域|方向)/;


const RE_PROSE_DOMAINS_AT = new RegExp(RE_PROSE_DOMAINS.source, 'y');
/** A verb that opens a list of domains inside what reads as the list's first items. */
const RE_LIST_VERB = /围绕|聚焦|面向/g;

/**
 * `RE_PROSE_DOMAINS` in `text`, the list taken after the last verb that opens it: in `支持高等学校、
 * 科研院所和企业围绕A、B和C等领域`, the institutions before 围绕 are who applies, not domains.
 */
function proseDomains(text: string): RegExpExecArray | null {
  const m = RE_PROSE_DOMAINS.exec(text);
  if (!m) return null;
  const verbs = [...m[1]!.matchAll(RE_LIST_VERB)];
  const verb = verbs[verbs.length - 1];
  if (verb === undefined) return m;
  RE_PROSE_DOMAINS_AT.lastIndex = m.index + m[0].indexOf(m[1]!) + verb.index;
  return RE_PROSE_DOMAINS_AT.exec(text) ?? m;
}

/**
 * Domains listed after a sentence that names them: `本方向支持的合作领域为：A；B；C。`, `…组织实施，重点支持
 * 以下领域：A；B；C。`, `领域方向为A、B、C。` Group 1 or 2 is the list.
 */
const RE_PROSE_DOMAINS_AFTER = /(?:(?:合作|支持|研究|重点|优先)?(?:领域|方向)(?:为|包括|主要包括|如下|是)|(?:以下|如下)(?:领域|方向)(?:[^，。；：:]{0,8}?(?:开展|进行)(?:合作|联合研究|研究)?)?)[：:]\s*([^。\n]{2,200})|(?:合作|支持|研究|重点|优先|领域)(?:领域|方向)(?:为|包括|主要包括)((?:[^，。；、：:\n]{2,16}、)+[^，。；、：:\n]{2,16})(?=[，。；;]|$)/;

/** The conjunction before a list's last item (never the 和 of 碳中和). */
const RE_LIST_AND = /(?<!中)(?:以及|和|及)/;

const INTRO_ONLY = /^(?:具体)?包括(?:但不限于)?(?:以下(?:方向|内容|领域))?$/;

/** `医药卫生：传统药物和草药` → label + detail; `生产技术，包括智能制造` → label + detail. */
function splitLabel(text: string): { label: string; detail: string | null } {
  // A list bulleted with dashes or dots (`——生物能源`, `• 海洋科学`): the bullet is no part of it.
  const t = text
    .replace(/[。；;，,：:、\s]+$/, '')
    .replace(/^(?:——|—|－|-|•|·|●|○|▪|■|◆|[（(]\d{1,2}[）)]|\d{1,2}[.．、）)](?!\d)|[\u2460-\u2473])\s*/, '');
  const colon = topLevelColon(t);
  if (colon > 0 && colon <= 20) {
    const detail = t.slice(colon + 1).trim();
    return { label: t.slice(0, colon).trim(), detail: detail && !INTRO_ONLY.test(detail) ? detail : null };
  }
  const m = /^(.+?)[，,]((?:具体)?包括.*)$/.exec(t);
  if (m) {
    const detail = m[2]!.trim();
    return { label: m[1]!.trim(), detail: INTRO_ONLY.test(detail) ? null : detail };
  }
  return { label: t, detail: null };
}

/** Index of the first `：` outside brackets (`其他材料（如：金属）` has none), or -1. */
function topLevelColon(t: string): number {
  let depth = 0;
  for (let k = 0; k < t.length; k++) {
    const c = t[k]!;
    if ('（(《“「['.includes(c)) depth++;
    else if ('）)》”」]'.includes(c)) depth = Math.max(0, depth - 1);
    else if ((c === '：' || c === ':') && depth === 0) return k;
  }
  return -1;
}

/** An item counted in words or lettered inline: `一是…`, `二是…`, `其一，…`, `A. 生物医药；B. …`. */
const RE_COUNTED_ITEM = /^((?:[一二三四五六七八九十]{1,2}是|其[一二三四五六七八九十]{1,2}[，,、]|[A-Za-z][.．、)）](?=\s*[\u4e00-\u9fff])|[（(][A-Za-z][）)]))\s*/;

function inlineDomains(m: Mapped, span: SpanFn, source?: (start: number, end: number) => string): Domain[] {
  const out: Domain[] = [];
  // Parted by spaces only (`食品安全 农业科技 生物多样性保护`, a copy that lost its 、): split where the
  // source had white space (`clean` drops spaces between CJK characters; the map keeps the gap).
  const gaps = source ? spaceGaps(m, source) : [];
  if (gaps.length > 0) {
    let start = 0;
    for (const at of [...gaps, m.text.length]) {
      const piece = mappedTrim(mappedSlice(m, start, at), TRAILING);
      start = at;
      if (piece.text.length > 0) out.push({ label: piece.text, detail: null, marker: null, span: span(piece), children: [] });
    }
    return out;
  }
  // Numbered inline (`①农业；②能源`): one domain per item.
  const items = itemsOf(m, span);
  if (items.length > 1 && items.some((i) => i.marker !== null)) {
    let from = 0;
    for (const item of items) {
      const k = m.text.indexOf(item.text, from);
      const piece = mappedTrim(mappedSlice(m, k, k + item.text.length), TRAILING);
      from = k + item.text.length;
      if (piece.text.length === 0) continue;
      const { label, detail } = splitLabel(piece.text);
      out.push({ label: label || piece.text, detail, marker: item.marker, span: span(piece), children: [] });
    }
    return out;
  }
  for (const { i, j } of splitList(m, listSeparators(m))) {
    let piece = mappedTrim(mappedSlice(m, i, j), TRAILING);
    if (piece.text.length === 0) continue;
    // Counted in words (`一是集成电路与半导体；二是生物医药`): the count is the item's marker.
    const counted = RE_COUNTED_ITEM.exec(piece.text);
    if (counted) piece = mappedTrim(mappedSlice(piece, counted[0].length, piece.text.length), TRAILING);
    const { label, detail } = splitLabel(piece.text);
    if (!label) continue;
    out.push({ label, detail, marker: counted ? counted[1]! : null, span: span(piece), children: [] });
  }
  return out;
}

/**
 * Where a list with no separator of its own (no `、，；`) was parted by white space in the source,
 * between two CJK characters: each cut's offset in `m`. None for a list that has separators, or for
 * a value of one word.
 */
function spaceGaps(m: Mapped, source: (start: number, end: number) => string): number[] {
  const t = m.text.replace(/[。；;.\s]+$/, '');
  if (/[，,、；;：:（(]/.test(t) || t.length < 4) return [];
  const cuts: number[] = [];
  for (let k = 0; k + 1 < t.length; k++) {
    const a = m.to[k]!;
    const b = m.from[k + 1]!;
    if (b > a && /^[ \t\u3000]+$/.test(source(a, b)) && /[\u4e00-\u9fff]/.test(t[k]!) && /[\u4e00-\u9fff]/.test(t[k + 1]!)) cuts.push(k + 1);
  }
  // (Every piece two characters or more: a letter-spaced line, `农 业`, is one word.)
  const ends = [0, ...cuts, t.length];
  return ends.some((e, i) => i > 0 && e - ends[i - 1]! < 2) ? [] : cuts;
}

/** Detail text without the phrases that only introduce a list (`包括但不限于：`, `，具体包括：`). */
function cleanDetail(parts: readonly string[]): string | null {
  const text = parts
    .map((p) =>
      p
        .replace(/[。；;，,：:、\s]+$/, '')
        .replace(/^(?:具体)?包括(?:但不限于)?[：:]\s*/, '')
        .replace(/[，,](?:具体)?包括(?:但不限于)?(?:以下(?:方向|内容|领域))?$/, ''),
    )
    .filter((p) => p && !INTRO_ONLY.test(p))
    .join('\n');
  return text || null;
}

function domainOfItem(item: Section, span: SpanFn): Domain {
  const rest = itemRest(item);
  const { label, detail } = splitLabel(rest.text);
  const extra: string[] = [];
  const children: Domain[] = [];
  for (const c of item.children) {
    if (c.kind === 'paragraph') extra.push(c.paragraph.text.text);
    else children.push(domainOfItem(c, span));
  }
  return {
    label: label || rest.text,
    detail: cleanDetail([...(detail ? [detail] : []), ...extra]),
    marker: item.marker?.text ?? null,
    span: nodeSpan(item, span),
    children,
  };
}

/** A value that points to a table (`见表1。`, `详见下表`, `见附表2`): the domains are that table's. */
const RE_TABLE_REFERENCE = /^(?:具体)?(?:详)?见(?:下|附)?表\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})?\s*[。.；;]?$/;

/** A table row written out as text: `| 1 | 信息通信技术 | 人工智能、5G应用 |`. */
const RE_PIPE_ROW = /^\s*\|.*\|\s*$/;

/** The cells of a pipe row, each as its slice of the row (trimmed). */
function pipeCells(row: Mapped): Mapped[] {
  const cells: Mapped[] = [];
  const t = row.text;
  let start = t.indexOf('|') + 1;
  for (let i = start; i < t.length; i++) {
    if (t[i] !== '|') continue;
    cells.push(mappedTrim(mappedSlice(row, start, i)));
    start = i + 1;
  }
  return cells;
}

/**
 * A domains field whose value points to the table below it (`合作领域：见表1。` / `表1　中匈合作领域` /
 * `| 序号 | 合作领域 | 重点方向 |` / rows): each row's cell of the column the field names (its
 * label, else a column of 领域, else of 方向) a domain, the row's other cells but its number the
 * domain's detail. Null where no such table follows.
 */
function domainsOfTable(field: Section, span: SpanFn): Domain[] | null {
  if (!RE_TABLE_REFERENCE.test(fieldRest(field).text.trim())) return null;
  const rows = field.children.flatMap((c) => (c.kind === 'paragraph' && RE_PIPE_ROW.test(c.paragraph.text.text) ? [c.paragraph.text] : []));
  if (rows.length < 2) return null;
  const header = pipeCells(rows[0]!).map((c) => c.text);
  const label = field.marker?.key ?? '';
  const column = [(h: string) => h === label, (h: string) => /领域/.test(h), (h: string) => /方向/.test(h)].map((test) => header.findIndex(test)).find((i) => i >= 0);
  if (column === undefined) return null;
  return rows.slice(1).flatMap((row) => {
    const cells = pipeCells(row);
    const cell = cells[column];
    if (!cell || cell.text === '') return [];
    const others = cells.filter((c, i) => i !== column && c.text !== '' && !/^\d{1,3}[.．]?$/.test(c.text)).map((c) => c.text);
    return [{ label: cell.text, detail: others.length > 0 ? others.join('；') : null, marker: null, span: span(cell), children: [] }];
  });
}

function domainsOfField(field: Section, span: SpanFn, source?: (start: number, end: number) => string): Domain[] {
  const table = domainsOfTable(field, span);
  if (table) return table;
  const out: Domain[] = [...inlineDomains(fieldRest(field), span, source)];
  const kids = field.children;
  for (let k = 0; k < kids.length; k++) {
    const c = kids[k]!;
    if (c.kind !== 'paragraph') {
      out.push(domainOfItem(c, span));
      continue;
    }
    // `交通转型，具体包括以下方向：` followed by items: one domain with those items as children.
    const next = kids[k + 1];
    if (/[：:]$/.test(c.paragraph.text.text) && next && next.kind === 'item') {
      const { label, detail } = splitLabel(c.paragraph.text.text);
      const children: Domain[] = [];
      let end = k + 1;
      while (end < kids.length && kids[end]!.kind === 'item') {
        children.push(domainOfItem(kids[end] as Section, span));
        end++;
      }
      const texts = [c.paragraph.text, ...kids.slice(k + 1, end).map(nodeText)];
      out.push({ label, detail, marker: null, span: span(mappedJoin(texts, '\n')), children });
      k = end - 1;
    } else {
      append(out, inlineDomains(c.paragraph.text, span));
    }
  }
  return out;
}