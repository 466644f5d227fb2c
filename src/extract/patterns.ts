/**
 * The phrases extraction reads. Each pattern runs on cleaned text (no spaces between CJK and
 * digits, ASCII digits) and returns its value with the code-unit range it was read from, so the
 * caller can map it back to the source.
 */
import type { Qualifier } from '../schema/guideline.js';

export interface Hit<T> {
  readonly value: T;
  readonly index: number;
  readonly length: number;
}

const QUALIFIER: Readonly<Record<string, Qualifier>> = {
  约: 'about',
  大约: 'about',
  左右: 'about',
  上下: 'about',
  不超过: 'atMost',
  原则上不超过: 'atMost',
  不多于: 'atMost',
  最多: 'atMost',
  至多: 'atMost',
  最长: 'atMost',
  以内: 'atMost',
  以下: 'atMost',
  不少于: 'atLeast',
  至少: 'atLeast',
  以上: 'atLeast',
};

function qualifierOf(before: string | undefined, after: string | undefined): Qualifier {
  return QUALIFIER[before ?? ''] ?? QUALIFIER[after ?? ''] ?? 'exact';
}

const PRE = '(约|大约|原则上不超过|不超过|不多于|最多|至多|不少于|至少)?';
const POST = '(左右|上下|以内|以下|以上)?';

/** `10个项目左右`, `不超过15个`, `约155个`, `1～2项` (a range: at most 2, at least 1). */
const RE_COUNT = new RegExp(`${PRE}(?:(\\d+)[~～\\-－—–至到])?(\\d+)(?:个|项)(?:项目)?${POST}`);

export function parseCount(text: string): Hit<{ value: number; qualifier: Qualifier; min?: number }> | null {
  const m = RE_COUNT.exec(text);
  if (!m) return null;
  if (m[2] !== undefined) {
    return { value: { value: Number(m[3]), qualifier: 'atMost', min: Number(m[2]) }, index: m.index, length: m[0].length };
  }
  return { value: { value: Number(m[3]), qualifier: qualifierOf(m[1], m[4]) }, index: m.index, length: m[0].length };
}

const UNIT_EXP: Readonly<Record<string, number>> = { 万: 4, 百万: 6, 千万: 7, 亿: 8 };
const MONEY = '(\\d+(?:\\.\\d+)?)(千万|百万|万|亿)元(?:人民币)?';
const RE_MONEY = new RegExp(`${PRE}${MONEY}${POST}`);

/** `4.02` × 10^8 as an exact integer, without floating-point error. */
export function toYuan(number: string, exp: number): number {
  const [whole = '0', frac = ''] = number.split('.');
  const digits = whole + frac.padEnd(exp, '0').slice(0, exp);
  const rest = frac.slice(exp);
  const value = Number(digits);
  return rest && Number(`0.${rest}`) >= 0.5 ? value + 1 : value;
}

/** `800万元人民币`, `3000万元人民币左右`, `4.02亿元`. */
export function parseMoney(text: string): Hit<{ amountCNY: number; qualifier: Qualifier }> | null {
  const m = RE_MONEY.exec(text);
  if (!m) return null;
  return {
    value: { amountCNY: toYuan(m[2]!, UNIT_EXP[m[3]!]!), qualifier: qualifierOf(m[1], m[4]) },
    index: m.index,
    length: m[0].length,
  };
}

const RE_CAP = /(?:每个|每项|单个)项目[^。；\n]{0,12}?(?:不超过|最多|不高于|上限为?)(\d+(?:\.\d+)?)(千万|百万|万|亿)元/;

/** `每个项目不超过750万元`. */
export function parsePerProjectCap(text: string): Hit<number> | null {
  const m = RE_CAP.exec(text);
  if (!m) return null;
  return { value: toYuan(m[1]!, UNIT_EXP[m[2]!]!), index: m.index, length: m[0].length };
}

export interface DurationValue {
  readonly minYears: number | null;
  readonly maxYears: number | null;
  readonly qualifier: Qualifier;
  readonly hedge: 'inPrinciple' | 'usually' | null;
}

const RE_DURATION =
  /(?:实施周期|执行期限?|实施期限?|项目周期|资助期限?|支持年限|执行年限|研究期限)[为是：:]?(原则上|一般|通常)?[为是]?(不超过|不多于|最长|最多|不少于|至少|约)?(\d+(?:\.\d+)?)(?:[~～\-－—–至到](\d+(?:\.\d+)?))?(个月|年)(左右|以内|以上)?/;

/** `项目实施周期3年`, `原则上不超过4年`, `一般为2~3年`, `执行期为3年`, `实施周期为36个月`. */
export function parseDuration(text: string): Hit<DurationValue> | null {
  const m = RE_DURATION.exec(text);
  if (!m) return null;
  const scale = m[5] === '个月' ? 1 / 12 : 1;
  let a = Math.round(Number(m[3]) * scale * 100) / 100;
  let b = m[4] === undefined ? null : Math.round(Number(m[4]) * scale * 100) / 100;
  // `支持年限：2026—2028年` is a span of calendar years: three years.
  if (b !== null && a >= 1900 && b >= a) {
    a = b - a + 1;
    b = a;
  }
  const qualifier = qualifierOf(m[2], m[6]);
  const hedge = m[1] === '原则上' ? 'inPrinciple' : m[1] === '一般' || m[1] === '通常' ? 'usually' : null;
  let minYears: number | null = a;
  let maxYears: number | null = b ?? a;
  if (qualifier === 'atMost') minYears = null;
  if (qualifier === 'atLeast') maxYears = null;
  return { value: { minYears, maxYears, qualifier, hedge }, index: m.index, length: m[0].length };
}

/** Phrases that set each flag of a direction. */
export const FLAG_PATTERNS = {
  jointApplication: /单方申报(?:项目)?无效|双方(?:须|需|应|要|必须)?同时申报|分别向[^。；\n]{0,30}?(?:申报|提交)|向各自[^。；\n]{0,15}?申报/g,
  matchingFunds: /配套出资|配套资金|匹配相应经费/g,
  ipAgreement: /知识产权(?:相关|专门)?(?:协议|条款)/g,
  companyRequired: /至少(?:包括|有|包含)一家企业|企业牵头|仅限[^。；\n]{0,20}?企业/g,
  placeholders: /待定|待补充/g,
} as const;

/** Titles of agreements: every `《…》`. */
export const RE_AGREEMENT = /《([^《》]+)》/g;

/** Summary figures stated in the text before the directions. */
export const SUMMARY_PATTERNS = {
  directionCount: /设立(\d+)个(?:指南)?方向/,
  partnerCount: /与(\d+)个(?:国家|合作方|国家和地区)/,
  projectCount: new RegExp(`拟支持项目(?:数)?${PRE}(\\d+)个${POST}`),
  fundingTotal: new RegExp(`(?:总概算|经费概算|总经费|经费总额|总预算|共计)[为：:]?${PRE}${MONEY}${POST}`),
} as const;

export function qualifierOfMatch(before: string | undefined, after: string | undefined): Qualifier {
  return qualifierOf(before, after);
}

export const RE_PROGRAMME = /国家重点研发计划|国家自然科学基金|国家科技重大专项|科技创新2030—重大项目|国家社会科学基金/;
export const RE_SPECIAL_PROJECT = /“([^”]{2,40})”\s*重点专项/;
export const RE_TITLE_SENTENCE =
  /((?:国家重点研发计划|国家自然科学基金|国家科技重大专项)?“[^”]{2,40}”\s*(?:重点)?专项\d{4}年度(?:第[一二三四五六七八九十\d]+批)?(?:项目)?申报指南)/;
export const RE_YEAR = /(\d{4})年度/;
export const RE_BATCH = /第([一二三四五六七八九十\d]+)批/;
export const RE_DRAFT = /征求意见稿/;
