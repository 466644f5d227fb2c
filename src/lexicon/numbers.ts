/**
 * How figures are written in guidelines: qualifiers, units, number forms, and the ranges within
 * which a figure is plausible. `extract/patterns.ts` builds its readers from these tables; a new
 * qualifier or unit is a row here.
 */
import type { Qualifier } from '../schema/guideline.js';
import { escapeRegExp } from '../regexp.js';

/** Words before or after a figure, and what they say about it. */
export const QUALIFIERS: ReadonlyArray<readonly [string, Qualifier, 'before' | 'after']> = [
  ['原则上不超过', 'atMost', 'before'],
  ['不超过', 'atMost', 'before'],
  ['不得超过', 'atMost', 'before'],
  ['不得高于', 'atMost', 'before'],
  ['不高于', 'atMost', 'before'],
  ['不多于', 'atMost', 'before'],
  ['最多', 'atMost', 'before'],
  // A 揭榜挂帅 task's support (`支持方式：最高支持500万元`).
  ['最高支持', 'atMost', 'before'],
  ['最高资助', 'atMost', 'before'],
  ['最高', 'atMost', 'before'],
  ['至多', 'atMost', 'before'],
  ['最长', 'atMost', 'before'],
  ['不长于', 'atMost', 'before'],
  ['不短于', 'atLeast', 'before'],
  ['最长不超过', 'atMost', 'before'],
  ['上限为', 'atMost', 'before'],
  ['控制在', 'atMost', 'before'],
  // A table's cell in signs (`≤3年`, `≥2项`).
  ['≤', 'atMost', 'before'],
  ['≦', 'atMost', 'before'],
  ['≥', 'atLeast', 'before'],
  ['≧', 'atLeast', 'before'],
  ['不少于', 'atLeast', 'before'],
  ['不低于', 'atLeast', 'before'],
  ['至少', 'atLeast', 'before'],
  ['大约', 'about', 'before'],
  // `拟支持项目数约为40个`.
  ['约为', 'about', 'before'],
  // `拟支持项目数：预计4个`.
  ['预计', 'about', 'before'],
  ['大约为', 'about', 'before'],
  ['约', 'about', 'before'],
  ['左右', 'about', 'after'],
  ['上下', 'about', 'after'],
  ['以内', 'atMost', 'after'],
  ['之内', 'atMost', 'after'],
  // `2年内` (never the 内 of 内容: `2项内容`).
  ['内', 'atMost', 'after'],
  ['以下', 'atMost', 'after'],
  ['及以下', 'atMost', 'after'],
  // `300万元（含）以下`: the bound itself included.
  ['（含）以下', 'atMost', 'after'],
  ['(含)以下', 'atMost', 'after'],
  ['（含）以内', 'atMost', 'after'],
  ['以上', 'atLeast', 'after'],
  ['及以上', 'atLeast', 'after'],
];

const alt = (side: 'before' | 'after'): string =>
  QUALIFIERS.filter(([, , s]) => s === side)
    .map(([w]) => w)
    .sort((a, b) => b.length - a.length)
    .map((w) => (w === '内' ? '内(?!容)' : escapeRegExp(w)))
    .join('|');

/** Capturing groups: a qualifier before a figure, and one after it. */
export const PRE = `(${alt('before')})?`;
export const POST = `(${alt('after')})?`;

export function qualifierOf(before: string | undefined, after: string | undefined): Qualifier {
  const find = (w: string | undefined): Qualifier | undefined => (w ? QUALIFIERS.find(([x]) => x === w)?.[1] : undefined);
  return find(before) ?? find(after) ?? 'exact';
}

/** Money units and their power of ten (元 alone is 10^0). */
// (`8,000千元`, as an accounts table writes thousands.)
export const MONEY_UNITS: Readonly<Record<string, number>> = { 千万: 7, 百万: 6, 万: 4, 亿: 8, 千: 3, '': 0 };

/**
 * A number as printed: plain (`1500`, `4.02`), grouped by thousands with a comma of either width or
 * a space (`1,500`, `1，500`, `1 500`; a thin or no-break space as GB/T 15835 sets them). Full-width digits are ASCII by the time this runs (`clean`).
 */
export const NUMBER = '(?:\\d{1,3}(?:[,，]\\d{3})+|\\d{1,3}(?:[ \\u00a0\\u2009\\u202f]\\d{3})+|\\d+)(?:\\.\\d+)?';

/** Strips digit grouping: `1,500` → `1500`. */
export function plainNumber(printed: string): string {
  return printed.replace(/[,， \u00a0\u2009\u202f]/g, '');
}

/**
 * Words that make an amount one project's rather than a total: before it (`每项300万元`,
 * `每个项目经费为300万元`), or after it (`300万元/项`).
 */
// (A joint laboratory is a call's project: `单个联合实验室中央财政经费一般不超过1500万元`.)
export const PER_PROJECT_BEFORE = '每项|每个项目|每一项目|单个项目|单项|(?:每家|单家)(?:揭榜)?(?:单位)?|(?:每个|单个)揭榜(?:单位|团队)|(?:单个|每个)(?:联合)?实验室';
/** A bound between those words and the amount (`每家不超过1500万元`): still one project's. */
// (`每个项目国拨经费一般在300万元（含）以下`: the bound after the amount.)
export const PER_PROJECT_BOUND = '(?:原则上|一般)?(?:在)?(?:不超过|最多|不高于|上限为?)?(?:人民币)?';
/** What may stand between those words and the bound (`每家揭榜单位支持资金不超过`). */
export const PER_PROJECT_WHAT = '(?:国拨|支持|资助|补助|中央财政|财政)?(?:经费|资金|额度|直接费用)?(?:额度|规模)?(?:为|约)?';
// (`不超过1000万元/家`: a 揭榜挂帅 list's amount for each unit it selects, one project's.)
export const PER_PROJECT_AFTER = '[/／]\\s*(?:项|个|家)';

/** A line that starts with the unit of a figure (`万元。`, `个月`, `项`): the figure is on the line before. */
export const RE_UNIT_START = /^(?:万元|亿元|千万元|百万元|元|万|亿|个月|个|项|年(?![度底初末])|%|％|倍)(?:[。，；、）)]|人民币|左右|以内|以上|以下|$)/;

/** Chinese numerals as counts and years (`两项`, `三年`). */
export const CJK_NUMERAL = '[一二两三四五六七八九十]{1,3}';

/** The range a figure must fall in to be taken as a value; outside it, a check. */
export const PLAUSIBLE = {
  /** Funding of a direction, a total or a cap, in yuan: from 1万元 to 1000亿元. */
  fundingCNY: { min: 10_000, max: 100_000_000_000 },
  /** Projects in one direction or in all (a talent call's 1310 projects, an NSFC type's thousands). */
  projects: { min: 1, max: 20_000 },
  /** Years a project runs. A year number (`2022年`) read as a duration is far above this. */
  years: { min: 0.25, max: 10 },
} as const;

export function isPlausible(kind: keyof typeof PLAUSIBLE, value: number): boolean {
  const r = PLAUSIBLE[kind];
  return Number.isFinite(value) && value >= r.min && value <= r.max;
}

/**
 * A number followed by a unit of measure (`8英寸`, `28纳米`, `5G`, `100万吨`), at the start of a
 * text: a title that starts with a measure (`1．8英寸导电型碳化硅单晶衬底`), not a second level of
 * numbering.
 */
export const RE_MEASURE_START = /^\d{1,4}(?:\.\d+)?\s*(?:英寸|寸|英尺|米|千米|公里|厘米|毫米|微米|纳米|埃|吨|万吨|千克|公斤|克|升|瓦|千瓦|兆瓦|伏|千伏|赫兹|位|比特|层|代|轴|通道|核|线|[万亿千]|nm|mm|cm|μm|um|kV|kW|MW|GW|Hz|GHz|[GKMT](?![a-z]))/;
