/**
 * The `diff` stage: compares two extracted guidelines by content. Directions are aligned by who
 * and what they are (partners, title, agreements), never by printed number, so a removal followed
 * by renumbering is one removal and some renumberings. Values are compared, never positions: the
 * same content in another layout, or from text vs PDF, diffs as unchanged.
 */
import { perProjectCapCNY, type Direction, type Domain, type Guideline, type Span } from '../schema/guideline.js';
import { DIFF_SCHEMA_VERSION, GuidelineDiff, type Change, type CheckRef, type DirectionDiff, type Regrouping, type Totals } from '../schema/diff.js';
import { assign, longestIncreasing } from './align.js';
import { similarity, textDiff } from './text.js';

/** Pairs scoring under this are different directions. */
const DIRECTION_THRESHOLD = 0.55;
/** Requirements and domain labels this similar are the same item, reworded. */
const TEXT_THRESHOLD = 0.5;

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

function change(field: string, kind: Change['kind'], before: unknown, after: unknown, oldSpan: Span | null, newSpan: Span | null): Change {
  return { field, kind, before: before ?? null, after: after ?? null, oldSpan, newSpan };
}

function reworded(field: string, before: string, after: string, oldSpan: Span | null, newSpan: Span | null): Change {
  return { ...change(field, 'reworded', before, after, oldSpan, newSpan), textDiff: textDiff(before, after) };
}

function partnerSet(d: Direction): string[] {
  return d.partners.map((p) => p.name);
}

function jaccard(a: readonly string[], b: readonly string[]): number {
  const x = new Set(a);
  const y = new Set(b);
  if (x.size === 0 && y.size === 0) return 1;
  let both = 0;
  for (const v of x) if (y.has(v)) both++;
  return both / (x.size + y.size - both);
}

const agreementText = (d: Direction): string => d.agreements.map((a) => a.title).join('|');
const identity = (d: Direction): string => `${partnerSet(d).join('、')}|${d.title}|${agreementText(d)}`;

/**
 * How alike two directions are, from what each names: partners, title, agreements. What neither
 * names counts for nothing (two key-programme directions without partners or agreements are alike
 * only by their titles), so unrelated directions never pair as "modified".
 */
function directionScore(a: Direction, b: Direction): number {
  const parts: [number, number][] = [[0.35, topicChanged(a.title, b.title) ? 0 : similarity(a.title, b.title)]];
  if (a.partners.length > 0 || b.partners.length > 0) parts.push([0.4, jaccard(partnerSet(a), partnerSet(b))]);
  if (a.agreements.length > 0 || b.agreements.length > 0) parts.push([0.25, similarity(agreementText(a), agreementText(b))]);
  // Domains where both state them: a direction whose fields of research all changed is another one.
  if (a.domains.length > 0 && b.domains.length > 0) parts.push([0.3, jaccard(a.domains.map((d) => d.label), b.domains.map((d) => d.label))]);
  const weight = parts.reduce((s, [w]) => s + w, 0);
  return parts.reduce((s, [w, v]) => s + w * v, 0) / weight;
}

/**
 * Two titles alike only in their frame, their topics apart (`海峡两岸生态环境联合研究项目` and
 * `海峡两岸数字经济联合研究项目`): once the start and the end they share are set aside, what is left
 * of each is two characters or more and the two have no character in common. A title reworded a
 * little keeps a word of its topic, or only adds or drops one.
 */
function topicChanged(a: string, b: string): boolean {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  const x = a.slice(start, a.length - end);
  const y = b.slice(start, b.length - end);
  if (x.length < 2 || y.length < 2 || start + end < 4) return false;
  return ![...x].some((c) => y.includes(c));
}

const subset = (x: readonly string[], y: readonly string[]): boolean => x.every((v) => y.includes(v));

/**
 * Splits and merges: one old direction whose partners the new ones share out (each new one names
 * some, together all, none other), or several old ones whose partners one new direction names
 * together. Only directions left unmatched, or matched to the other side of the regrouping, count.
 */
function regroupings(a: Guideline, b: Guideline, pairs: readonly { a: number; b: number }[]): Regrouping[] {
  const partnerOf = new Map(pairs.map((p) => [p.a, p.b]));
  const oldOf = new Map(pairs.map((p) => [p.b, p.a]));
  const out: Regrouping[] = [];
  const related = (x: Direction, y: Direction): boolean => similarity(x.title, y.title) >= 0.4 || (x.agreements.length > 0 && subset(x.agreements.map((g) => g.title), y.agreements.map((g) => g.title)));
  const used = new Set<string>();
  /**
   * Each `whole` (an old direction for a split, a new one for a merge) with the directions of the
   * other side that `accept` takes as its parts, unmatched or matched to it, two at least, which
   * `complete` finds make up the whole. Each direction in one regrouping at most.
   */
  const regroup = (kind: Regrouping['kind'], accept: (whole: Direction, part: Direction) => boolean, complete: (parts: Direction[], whole: Direction) => boolean): void => {
    const split = kind === 'split';
    const [wholes, others, ws, ps] = split ? [a.directions, b.directions, 'a', 'b'] : [b.directions, a.directions, 'b', 'a'];
    const matchedTo = split ? oldOf : partnerOf;
    wholes.forEach((whole, w) => {
      if (used.has(`${ws}${w}`)) return;
      const parts = others
        .map((d, p) => ({ d, p }))
        .filter(({ d, p }) => !used.has(`${ps}${p}`) && (!matchedTo.has(p) || matchedTo.get(p) === w) && accept(whole, d) && (split ? related(whole, d) : related(d, whole)));
      if (parts.length < 2 || !complete(parts.map(({ d }) => d), whole)) return;
      const ids = parts.map(({ d }) => d.id);
      out.push(split ? { kind, oldIds: [whole.id], newIds: ids } : { kind, oldIds: ids, newIds: [whole.id] });
      used.add(`${ws}${w}`);
      for (const { p } of parts) used.add(`${ps}${p}`);
    });
  };
  const coversPartners = (parts: Direction[], whole: Direction): boolean => subset(partnerSet(whole), parts.flatMap((d) => partnerSet(d)));
  // By partners: several old directions whose partners one new direction names together; one old
  // direction of several partners parted into directions of some of them.
  regroup('merged', (whole, d) => partnerSet(whole).length >= 2 && d.partners.length > 0 && d.partners.length < partnerSet(whole).length && subset(partnerSet(d), partnerSet(whole)), coversPartners);
  regroup('split', (whole, d) => partnerSet(whole).length >= 2 && d.partners.length > 0 && d.partners.length < partnerSet(whole).length && subset(partnerSet(d), partnerSet(whole)), coversPartners);
  // By project type, the partners the same (`中国和欧盟联合研发项目` → a 联合研究 and a 青年科学家
  // direction): the direction kept and the ones added (or removed) beside it, whose projects or
  // funding add up to the whole's (never one direction kept alone).
  regroup('split', (whole, d) => samePartners(d, whole), addsUp);
  regroup('merged', (whole, d) => samePartners(d, whole), addsUp);
  return out;
}

/** The same partners, at least one. */
function samePartners(x: Direction, y: Direction): boolean {
  const a = partnerSet(x);
  const b = partnerSet(y);
  return a.length > 0 && a.length === b.length && subset(a, b);
}

/** The parts' projects (every part stating them) or funding add up to the whole's. */
function addsUp(parts: readonly Direction[], whole: Direction): boolean {
  const sum = (f: (d: Direction) => number | null): number | null => {
    let t = 0;
    for (const d of parts) {
      const v = f(d);
      if (v === null) return null;
      t += v;
    }
    return t;
  };
  const count = (d: Direction): number | null => d.projectCount?.value ?? null;
  const funding = (d: Direction): number | null => d.funding?.amountCNY ?? null;
  const c = sum(count);
  const f = sum(funding);
  return (c !== null && c === count(whole)) || (f !== null && f > 0 && f === funding(whole));
}

/**
 * Matches directions: identical identities first (in order), then the best-scoring of the rest.
 * Pairs of indexes into `olds` and `news`, sorted by `a`. Also used by `history` to align each
 * document with the lines built so far; `candidate`, when given, limits the scored pairs to those
 * it accepts (the others are never scored, which is what keeps a long series fast).
 */
export function alignDirections(
  olds: readonly Direction[],
  news: readonly Direction[],
  options: { readonly candidate?: (a: Direction, b: Direction) => boolean } = {},
): { a: number; b: number; score: number }[] {
  const { candidate } = options;
  const byIdentity = new Map<string, number[]>();
  news.forEach((d, j) => {
    const k = identity(d);
    byIdentity.set(k, [...(byIdentity.get(k) ?? []), j]);
  });
  const pairs: { a: number; b: number; score: number }[] = [];
  const restA: number[] = [];
  olds.forEach((d, i) => {
    const queue = byIdentity.get(identity(d));
    const j = queue?.shift();
    if (j === undefined) restA.push(i);
    else pairs.push({ a: i, b: j, score: 1 });
  });
  const usedB = new Set(pairs.map((p) => p.b));
  const restB = news.map((_, j) => j).filter((j) => !usedB.has(j));
  const score = (a: Direction, b: Direction): number => (candidate && !candidate(a, b) ? 0 : directionScore(a, b));
  for (const p of assign(restA.length, restB.length, (x, y) => score(olds[restA[x]!]!, news[restB[y]!]!), DIRECTION_THRESHOLD)) {
    pairs.push({ a: restA[p.a]!, b: restB[p.b]!, score: Math.round(p.score * 1000) / 1000 });
  }
  return pairs.sort((p, q) => p.a - q.a);
}

// ---- fields ------------------------------------------------------------------------------------

function compareScalars(out: Change[], a: Direction, b: Direction): void {
  if (a.title !== b.title) out.push(reworded('title', a.title, b.title, a.titleSpan, b.titleSpan));
  if (a.kind !== b.kind) out.push(change('kind', 'changed', a.kind, b.kind, a.titleSpan, b.titleSpan));

  const pa = partnerSet(a);
  const pb = partnerSet(b);
  for (const p of a.partners) if (!pb.includes(p.name)) out.push(change(`partners[${p.name}]`, 'removed', p.name, null, p.span, null));
  for (const p of b.partners) if (!pa.includes(p.name)) out.push(change(`partners[${p.name}]`, 'added', null, p.name, null, p.span));

  // Agreements: exact titles match; a similar leftover pair is a rewording.
  const ta = a.agreements.map((x) => x.title);
  const tb = b.agreements.map((x) => x.title);
  const goneA = a.agreements.filter((x) => !tb.includes(x.title));
  const newB = b.agreements.filter((x) => !ta.includes(x.title));
  const rewordedA = new Set<number>();
  const rewordedB = new Set<number>();
  for (const p of assign(goneA.length, newB.length, (i, j) => similarity(goneA[i]!.title, newB[j]!.title), TEXT_THRESHOLD)) {
    out.push(reworded('agreements', goneA[p.a]!.title, newB[p.b]!.title, goneA[p.a]!.span, newB[p.b]!.span));
    rewordedA.add(p.a);
    rewordedB.add(p.b);
  }
  goneA.forEach((x, i) => rewordedA.has(i) || out.push(change('agreements', 'removed', x.title, null, x.span, null)));
  newB.forEach((x, j) => rewordedB.has(j) || out.push(change('agreements', 'added', null, x.title, null, x.span)));

  const count = (d: Direction) => (d.projectCount ? { value: d.projectCount.value, qualifier: d.projectCount.qualifier, ...(d.projectCount.min === undefined ? {} : { min: d.projectCount.min }) } : null);
  if (!same(count(a), count(b))) out.push(change('projectCount', 'changed', count(a), count(b), a.projectCount?.span ?? null, b.projectCount?.span ?? null));

  for (const key of ['amountCNY', 'qualifier'] as const) {
    const va = a.funding?.[key] ?? null;
    const vb = b.funding?.[key] ?? null;
    if (va !== vb) out.push(change(`funding.${key}`, 'changed', va, vb, a.funding?.span ?? null, b.funding?.span ?? null));
  }
  // The per-project cap, whether or not the direction states a total (`perProjectCap`; the same
  // figure as `funding.perProjectCapCNY` where it does). Reported under the name it always had.
  // An extracted file of schema 1.0.0 has the cap only inside `funding`.
  const capSpan = (d: Direction) => d.perProjectCap?.span ?? d.funding?.perProjectCapSpan ?? d.funding?.span ?? null;
  if (perProjectCapCNY(a) !== perProjectCapCNY(b)) out.push(change('funding.perProjectCapCNY', 'changed', perProjectCapCNY(a), perProjectCapCNY(b), capSpan(a), capSpan(b)));

  // (The years, not where they are printed: `一般为3年` stated once for all, then `3年` in the direction, is no change.)
  const dur = (d: Direction) => (d.duration ? { minYears: d.duration.minYears, maxYears: d.duration.maxYears, qualifier: d.duration.qualifier, hedge: d.duration.hedge } : null);
  if (!same(dur(a), dur(b))) out.push(change('duration', 'changed', dur(a), dur(b), a.duration?.span ?? null, b.duration?.span ?? null));

  for (const key of Object.keys(a.flags) as (keyof Direction['flags'])[]) {
    if (a.flags[key].value !== b.flags[key].value) {
      out.push(change(`flags.${key}`, 'changed', a.flags[key].value, b.flags[key].value, a.flags[key].evidence[0]?.span ?? a.span, b.flags[key].evidence[0]?.span ?? b.span));
    }
  }
}

/**
 * Lists of texts (requirements, indicators, research content paragraphs): same text first, then
 * similar text (reworded); order changes among the matched. Positions in `field[n]` are 1-based.
 */
function compareTexts(out: Change[], field: string, ra: readonly TextItem[], rb: readonly TextItem[]): void {
  const pairs: { a: number; b: number }[] = [];
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  ra.forEach((r, i) => {
    const j = rb.findIndex((s, k) => !usedB.has(k) && s.text === r.text);
    if (j >= 0) {
      pairs.push({ a: i, b: j });
      usedA.add(i);
      usedB.add(j);
    }
  });
  const restA = ra.map((_, i) => i).filter((i) => !usedA.has(i));
  const restB = rb.map((_, j) => j).filter((j) => !usedB.has(j));
  for (const p of assign(restA.length, restB.length, (x, y) => similarity(ra[restA[x]!]!.text, rb[restB[y]!]!.text), TEXT_THRESHOLD)) {
    const i = restA[p.a]!;
    const j = restB[p.b]!;
    pairs.push({ a: i, b: j });
    usedA.add(i);
    usedB.add(j);
    out.push(reworded(`${field}[${j + 1}]`, ra[i]!.text, rb[j]!.text, ra[i]!.span, rb[j]!.span));
  }
  pairs.sort((p, q) => p.a - q.a);
  const kept = longestIncreasing(pairs.map((p) => p.b));
  pairs.forEach((p, k) => {
    if (!kept.has(k)) out.push(change(`${field}[${p.b + 1}]`, 'reordered', p.a + 1, p.b + 1, ra[p.a]!.span, rb[p.b]!.span));
  });
  ra.forEach((r, i) => usedA.has(i) || out.push(change(`${field}[${i + 1}]`, 'removed', r.text, null, r.span, null)));
  rb.forEach((r, j) => usedB.has(j) || out.push(change(`${field}[${j + 1}]`, 'added', null, r.text, null, r.span)));
}

interface TextItem {
  readonly text: string;
  readonly span: Span;
}

/** The key-programme fields: category, keywords (as a set), conditions. */
function compareKeyProgramme(out: Change[], a: Direction, b: Direction): void {
  if (a.category !== b.category) out.push(change('category', 'changed', a.category, b.category, a.titleSpan, b.titleSpan));
  const ka = a.keywords.map((k) => k.text);
  const kb = b.keywords.map((k) => k.text);
  for (const k of a.keywords) if (!kb.includes(k.text)) out.push(change(`keywords[${k.text}]`, 'removed', k.text, null, k.span, null));
  for (const k of b.keywords) if (!ka.includes(k.text)) out.push(change(`keywords[${k.text}]`, 'added', null, k.text, null, k.span));
  const ca = a.conditions;
  const cb = b.conditions;
  const ratio = (c: Direction['conditions']) => c.matchingRatio && { other: c.matchingRatio.other, central: c.matchingRatio.central, qualifier: c.matchingRatio.qualifier };
  if (!same(ratio(ca), ratio(cb))) out.push(change('conditions.matchingRatio', 'changed', ratio(ca), ratio(cb), ca.matchingRatio?.span ?? null, cb.matchingRatio?.span ?? null));
  if ((ca.leadingEnterprise === null) !== (cb.leadingEnterprise === null)) {
    out.push(change('conditions.leadingEnterprise', 'changed', ca.leadingEnterprise !== null, cb.leadingEnterprise !== null, ca.leadingEnterprise?.span ?? null, cb.leadingEnterprise?.span ?? null));
  }
  const young = (c: Direction['conditions']) =>
    c.youngScientist && { male: c.youngScientist.maleBornOnOrAfter, female: c.youngScientist.femaleBornOnOrAfter, noSubtopics: c.youngScientist.noSubtopics };
  if (!same(young(ca), young(cb))) out.push(change('conditions.youngScientist', 'changed', young(ca), young(cb), ca.youngScientist?.span ?? null, cb.youngScientist?.span ?? null));
}

/** Domains, compared level by level: by label, then by similar label (reworded). */
function compareDomains(out: Change[], da: readonly Domain[], db: readonly Domain[], path: string): void {
  const usedB = new Set<number>();
  const pairs: [Domain, Domain][] = [];
  const restA: Domain[] = [];
  for (const d of da) {
    const j = db.findIndex((e, k) => !usedB.has(k) && e.label === d.label);
    if (j >= 0) {
      usedB.add(j);
      pairs.push([d, db[j]!]);
    } else restA.push(d);
  }
  const restB = db.filter((_, k) => !usedB.has(k));
  const matchedB = new Set<Domain>();
  const matchedA = new Set<Domain>();
  for (const p of assign(restA.length, restB.length, (x, y) => similarity(restA[x]!.label, restB[y]!.label), TEXT_THRESHOLD)) {
    const a = restA[p.a]!;
    const b = restB[p.b]!;
    matchedA.add(a);
    matchedB.add(b);
    out.push(reworded(`${path}[${a.label}].label`, a.label, b.label, a.span, b.span));
    pairs.push([a, b]);
  }
  for (const [a, b] of pairs) {
    const field = `${path}[${b.label}]`;
    if (a.detail !== b.detail) {
      out.push(a.detail && b.detail ? reworded(`${field}.detail`, a.detail, b.detail, a.span, b.span) : change(`${field}.detail`, 'changed', a.detail, b.detail, a.span, b.span));
    }
    compareDomains(out, a.children, b.children, `${field}.children`);
  }
  for (const a of restA) if (!matchedA.has(a)) out.push(change(`${path}[${a.label}]`, 'removed', a.label, null, a.span, null));
  for (const b of restB) if (!matchedB.has(b)) out.push(change(`${path}[${b.label}]`, 'added', null, b.label, null, b.span));
}

/** The field-level changes from `a` to `b` (an aligned pair), as `diff` reports them. */
export function compareDirections(a: Direction, b: Direction): Change[] {
  const out: Change[] = [];
  compareScalars(out, a, b);
  compareDomains(out, a.domains, b.domains, 'domains');
  compareTexts(out, 'requirements', a.requirements, b.requirements);
  compareKeyProgramme(out, a, b);
  compareTexts(out, 'researchContent', a.researchContent, b.researchContent);
  compareTexts(out, 'indicators', a.indicators, b.indicators);
  return out;
}

// ---- document ----------------------------------------------------------------------------------

function documentChanges(a: Guideline, b: Guideline): Change[] {
  const out: Change[] = [];
  for (const key of ['title', 'programme', 'specialProject', 'year', 'batch', 'status'] as const) {
    const va = a.document[key];
    const vb = b.document[key];
    if (va === vb) continue;
    out.push(typeof va === 'string' && typeof vb === 'string' && key === 'title' ? reworded('document.title', va, vb, null, null) : change(`document.${key}`, 'changed', va, vb, null, null));
  }
  return out;
}

/** What the directions add up to, compared: `computed.projects`, `computed.fundingCNY`, … */
function totalChanges(a: Totals, b: Totals): Change[] {
  return (['directions', 'projects', 'fundingCNY'] as const).filter((k) => a[k] !== b[k]).map((k) => change(`computed.${k}`, 'changed', a[k], b[k], null, null));
}

function summaryChanges(a: Guideline, b: Guideline): Change[] {
  const out: Change[] = [];
  const sa = a.summary;
  const sb = b.summary;
  const pick = <T extends object | null>(v: T, keys: readonly string[]) =>
    v === null ? null : Object.fromEntries(keys.map((k) => [k, (v as Record<string, unknown>)[k] ?? null]));
  const fields: [Exclude<keyof typeof sa, 'categoryCaps' | 'categoryDurations'>, readonly string[], string][] = [
    ['directionCount', ['value', 'qualifier'], 'summary.directionCount'],
    ['partnerCount', ['value', 'qualifier'], 'summary.partnerCount'],
    ['projectCount', ['value', 'qualifier'], 'summary.projectCount'],
    ['fundingTotal', ['amountCNY', 'qualifier'], 'summary.fundingTotal'],
    ['defaultDuration', ['minYears', 'maxYears', 'qualifier', 'hedge'], 'summary.defaultDuration'],
  ];
  for (const [key, keys, field] of fields) {
    const va = pick(sa[key], keys);
    const vb = pick(sb[key], keys);
    if (!same(va, vb)) out.push(change(field, 'changed', va, vb, sa[key]?.span ?? null, sb[key]?.span ?? null));
  }
  return out;
}

/**
 * Checks about how the text was read rather than what it says: they depend on the rendition (the
 * title line is missing from the text extraction of the seed but present in its PDF).
 */
const RENDITION_CHECKS = new Set(['title-inferred']);

/**
 * Checks compared by code, direction (through the alignment) and stated value; positions aside. A
 * check left on each side with the same code and direction but other figures is `changed`.
 */
function checkChanges(ga: Guideline, gb: Guideline, newIdOf: Map<string, string | null>): GuidelineDiff['checks'] {
  const a = ga.checks.filter((c) => !RENDITION_CHECKS.has(c.code));
  const b = gb.checks.filter((c) => !RENDITION_CHECKS.has(c.code));
  // Figures included: a check whose figures moved is no longer the same check (see `changed`).
  // Text figures compared as read, not as typeset (`2~3年` and `2～3年` are one duration).
  const fold = (v: unknown): string => JSON.stringify(typeof v === 'string' ? v.normalize('NFKC').replace(/[—–―]/g, '-') : v);
  const key = (c: Guideline['checks'][number], dir: string | null) => `${c.code}|${dir ?? ''}|${fold(c.stated)}|${fold(c.computed)}`;
  const ref = (c: Guideline['checks'][number]): CheckRef => ({
    code: c.code,
    severity: c.severity,
    directionId: c.directionId,
    message: c.message,
    messageZh: c.messageZh ?? null,
    stated: c.stated,
    computed: c.computed,
    span: c.span,
  });
  const dirOf = (c: Guideline['checks'][number]): string | null => (c.directionId === null ? null : (newIdOf.get(c.directionId) ?? `removed:${c.directionId}`));
  const remaining = new Map<string, number>();
  for (const c of b) {
    const k = key(c, c.directionId);
    remaining.set(k, (remaining.get(k) ?? 0) + 1);
  }
  const gone: Guideline['checks'] = [];
  const matchedNew = new Map<string, number>();
  for (const c of a) {
    const k = key(c, dirOf(c));
    const n = remaining.get(k) ?? 0;
    if (n > 0) {
      remaining.set(k, n - 1);
      matchedNew.set(k, (matchedNew.get(k) ?? 0) + 1);
    } else gone.push(c);
  }
  const fresh: Guideline['checks'] = [];
  for (const c of b) {
    const k = key(c, c.directionId);
    const n = matchedNew.get(k) ?? 0;
    if (n > 0) matchedNew.set(k, n - 1);
    else fresh.push(c);
  }
  // Same code and direction on both sides, other figures: one check that changed.
  const changed: GuidelineDiff['checks']['changed'] = [];
  const resolved: CheckRef[] = [];
  const taken = new Set<number>();
  for (const c of gone) {
    const j = fresh.findIndex((x, k) => !taken.has(k) && x.code === c.code && x.directionId === dirOf(c));
    if (j >= 0) {
      taken.add(j);
      changed.push({ before: ref(c), after: ref(fresh[j]!) });
    } else resolved.push(ref(c));
  }
  const added = fresh.filter((_, k) => !taken.has(k)).map(ref);
  return { added, resolved, changed };
}

/** What the directions of a version add up to. */
export function totalsOf(g: Guideline): Totals {
  return {
    directions: g.directions.length,
    projects: g.directions.reduce((s, d) => s + (d.projectCount && !d.projectCount.inherited ? d.projectCount.value : 0), 0),
    fundingCNY: g.directions.reduce((s, d) => s + (d.funding?.amountCNY ?? 0), 0),
  };
}

const side = (g: Guideline): GuidelineDiff['old'] => ({
  id: g.document.id,
  title: g.document.title,
  status: g.document.status,
  path: g.document.source.path,
  sha256: g.document.source.sha256,
});

/** Compares two versions of a guideline. Pure and deterministic. */
export function diff(a: Guideline, b: Guideline): GuidelineDiff {
  const pairs = alignDirections(a.directions, b.directions);
  const regrouped = regroupings(a, b, pairs);
  const directions = withRegroupings(directionEntries(a, b, pairs), regrouped);
  const newIdOf = new Map<string, string | null>();
  for (const p of pairs) newIdOf.set(a.directions[p.a]!.id, b.directions[p.b]!.id);
  const count = (s: DirectionDiff['status']) => directions.filter((d) => d.status === s).length;
  const result: GuidelineDiff = {
    schemaVersion: DIFF_SCHEMA_VERSION,
    old: side(a),
    new: side(b),
    document: { changes: documentChanges(a, b) },
    summary: {
      changes: [...summaryChanges(a, b), ...totalChanges(totalsOf(a), totalsOf(b))],
      totals: { old: totalsOf(a), new: totalsOf(b) },
      counts: {
        added: count('added'),
        removed: count('removed'),
        modified: count('modified'),
        unchanged: count('unchanged'),
        renumbered: directions.filter((d) => d.renumbered).length,
        moved: directions.filter((d) => d.moved).length,
      },
    },
    checks: checkChanges(a, b, newIdOf),
    directions,
    regroupings: regrouped,
  };
  return GuidelineDiff.parse(result);
}

/**
 * One entry per old direction (kept, with its changes, or removed) and per new one no old one
 * became (added), in the new version's order: a removed direction after the new direction its
 * predecessor became.
 */
function directionEntries(a: Guideline, b: Guideline, pairs: ReturnType<typeof alignDirections>): DirectionDiff[] {
  const byOld = new Map(pairs.map((p) => [p.a, p]));
  const matchedNew = new Set(pairs.map((p) => p.b));
  const kept = longestIncreasing(pairs.map((p) => p.b));
  const movedPairs = new Set(pairs.filter((_, k) => !kept.has(k)));
  const entries: { order: number; tie: number; entry: DirectionDiff }[] = [];
  a.directions.forEach((d, i) => {
    const p = byOld.get(i);
    if (!p) {
      let anchor = -1;
      for (let k = i - 1; k >= 0 && anchor < 0; k--) anchor = byOld.get(k)?.b ?? -1;
      entries.push({ order: anchor + 0.5, tie: i, entry: { status: 'removed', oldId: d.id, newId: null, title: d.title, renumbered: false, moved: false, similarity: null, changes: [], record: d, regrouped: null } });
      return;
    }
    const n = b.directions[p.b]!;
    const changes = compareDirections(d, n);
    const status = changes.length > 0 ? 'modified' : 'unchanged';
    entries.push({ order: p.b, tie: 0, entry: { status, oldId: d.id, newId: n.id, title: n.title, renumbered: d.id !== n.id, moved: movedPairs.has(p), similarity: p.score, changes, record: null, regrouped: null } });
  });
  b.directions.forEach((d, j) => {
    if (!matchedNew.has(j)) entries.push({ order: j, tie: 0, entry: { status: 'added', oldId: null, newId: d.id, title: d.title, renumbered: false, moved: false, similarity: null, changes: [], record: d, regrouped: null } });
  });
  entries.sort((x, y) => x.order - y.order || x.tie - y.tie);
  return entries.map((e) => e.entry);
}

/** Each entry marked with the split or merge it takes part in, if any. */
function withRegroupings(entries: readonly DirectionDiff[], regrouped: readonly Regrouping[]): DirectionDiff[] {
  const mark = new Map<string, Regrouping['kind']>();
  for (const r of regrouped) {
    for (const id of r.oldIds) mark.set(`old:${id}`, r.kind);
    for (const id of r.newIds) mark.set(`new:${id}`, r.kind);
  }
  return entries.map((e) => {
    const kind = mark.get(`old:${e.oldId}`) ?? mark.get(`new:${e.newId}`) ?? null;
    return kind ? { ...e, regrouped: kind } : e;
  });
}

/** True when the two versions differ in anything the diff reports. */
export function hasChanges(d: GuidelineDiff): boolean {
  return (
    d.document.changes.length > 0 ||
    d.summary.changes.length > 0 ||
    d.checks.added.length > 0 ||
    d.checks.resolved.length > 0 ||
    d.checks.changed.length > 0 ||
    d.directions.some((x) => x.status !== 'unchanged' || x.renumbered || x.moved)
  );
}
