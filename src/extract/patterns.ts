/**
 * The phrases extraction reads. Each pattern runs on cleaned text (no spaces between CJK and
 * digits, ASCII digits) and returns its value with the code-unit range it was read from, so the
 * caller can map it back to the source.
 */
import type { Qualifier } from '../schema/guideline.js';
import { FINANCIAL_NUMERALS, openBrackets, parseCjkNumber } from '../lexicon/chars.js';
import { labelsOf, roleOf } from '../lexicon/fields.js';
import { CJK_NUMERAL, MONEY_UNITS, NUMBER, PER_PROJECT_AFTER, PER_PROJECT_BEFORE, PER_PROJECT_BOUND, PER_PROJECT_WHAT, plainNumber, POST, PRE, qualifierOf as lexQualifierOf } from '../lexicon/numbers.js';

export interface Hit<T> {
  readonly value: T;
  readonly index: number;
  readonly length: number;
}

function qualifierOf(before: string | undefined, after: string | undefined): Qualifier {
  return lexQualifierOf(before, after);
}

const RANGE_SEP = '[~～\\-—–至到]';

/** `10个项目左右`, `不超过15个`, `约155个`, `1～2项` (a range: at most 2, at least 1), `两项`. */
// `1家` (揭榜单位, MIIT): winners of a task, its count of projects.
const RE_COUNT = new RegExp(`${PRE}(?:(\\d+|${CJK_NUMERAL})${RANGE_SEP})?(\\d+|${CJK_NUMERAL})(?:个|项|家)(?:项目|揭榜单位)?${POST}`);

/** The same, counted in people (`不超过50名`, `8人`): where a 名额 field counts awards, each a person's. */
const RE_COUNT_PEOPLE = new RegExp(`${PRE}(?:(\\d+|${CJK_NUMERAL})${RANGE_SEP})?(\\d+|${CJK_NUMERAL})(?:名|人)${POST}`);

const num = (t: string): number => (/^\d+$/.test(t) ? Number(t) : (parseCjkNumber(t) ?? Number.NaN));

/** Both bounds of a count in words (`不少于2项且不超过4项`, `至少1个、最多3个`): a range. */
const RE_COUNT_BOUNDS = new RegExp(`(?:不少于|不低于|至少)\\s*(\\d+|${CJK_NUMERAL})\\s*(?:个|项|家)?(?:项目)?\\s*(?:且|并且|但|而|[、，,])?\\s*(?:不超过|不多于|不高于|最多|至多)\\s*(\\d+|${CJK_NUMERAL})\\s*(?:个|项|家)(?:项目)?`);

/** A count (`people`: in 名 or 人 too, as a field of places, 资助名额, counts them). */
export function parseCount(text: string, people = false): Hit<{ value: number; qualifier: Qualifier; min?: number }> | null {
  const bounds = RE_COUNT_BOUNDS.exec(text);
  if (bounds) return { value: { value: num(bounds[2]!), qualifier: 'atMost', min: num(bounds[1]!) }, index: bounds.index, length: bounds[0].length };
  const m = RE_COUNT.exec(text) ?? (people ? RE_COUNT_PEOPLE.exec(text) : null);
  if (!m) {
    // A bare number is a count where the field says so (`拟支持项目数：3`, `拟支持项目数（个）：不超过3`,
    // `约8`: the unit in the label).
    const bare = /^(约|大约|不超过|不多于|不少于|至少|原则上不超过)?\s*(\d+)\s*(左右|以内)?\s*(?:[。；;，,]|$)/.exec(text);
    return bare ? { value: { value: Number(bare[2]), qualifier: qualifierOf(bare[1], bare[3]) }, index: 0, length: bare[0].replace(/[。；;，,\s]+$/, '').length } : null;
  }
  if (m[2] !== undefined) {
    return { value: { value: num(m[3]!), qualifier: 'atMost', min: num(m[2]) }, index: m.index, length: m[0].length };
  }
  return { value: { value: num(m[3]!), qualifier: qualifierOf(m[1], m[4]) }, index: m.index, length: m[0].length };
}

const COUNT_LABELS = labelsOf('projectCount').join('|');
/**
 * A labelled count inside other text (`有关说明：…拟支持项目数3项，…`), or the verb alone before a
 * number (`有关说明：拟支持1~2项，…`): the figure after it.
 */
const RE_COUNT_LABELLED = new RegExp(`(?:(?:${COUNT_LABELS})(?:为|[：:])?|(?:拟|限|只|仅|至多|最多)(?:支持|资助)(?=\\s*(?:不超过|不多于|约|不少于|至少)?\\s*[0-9０-９一二两三四五六七八九十]))\\s*`);

export function parseLabelledCount(text: string): Hit<{ value: number; qualifier: Qualifier; min?: number }> | null {
  const m = RE_COUNT_LABELLED.exec(text);
  if (!m) return null;
  const from = m.index + m[0].length;
  const hit = parseCount(text.slice(from, from + 20));
  if (!hit || hit.index !== 0) return null;
  // (`至多支持2项`: the bound in the verb.)
  const value = /^(?:至多|最多)/.test(m[0]) && hit.value.qualifier === 'exact' ? { ...hit.value, qualifier: 'atMost' as const } : hit.value;
  return { value, index: m.index, length: m[0].length + hit.length };
}

/** A figure stated for several directions together (`1.3、1.4两个方向合计拟支持不超过8个`, `方向一和方向二共…`). */
const SHARED_ID = '(?:\\d{1,2}(?:[.．]\\d{1,2}){1,2}|方向[一二三四五六七八九十\\d]{1,3})';
export const RE_SHARED_FIGURE = new RegExp(`^\\s*(?:以上|上述)?${SHARED_ID}(?:\\s*(?:[、和与及,，]|至|到|～|-)\\s*${SHARED_ID})+\\s*(?:(?:两|二|三|四|[2-9])个)?(?:指南)?(?:方向)?(?:合计|共计|共同|合并|共)`);

/** A direction that says it is split into kinds of project, each with its own fields (`本方向设以下两类项目：`). */
export const RE_SUBTYPES = /(?:设|分为|分设|包括)(?:以下)?(?:[两二三四]|[2-4])类(?:项目|合作项目)?[：:]/;

/** `若干` where a count would stand: a number left open, not a value. */
export const RE_COUNT_OPEN = /若干/;

/**
 * An amount: qualifier, optional `人民币`, a number (grouped or not), an optional lower end of a
 * range (`1000-1500万元`), the unit (`元`, `万元`, `亿元`, …), optional `人民币`, qualifier.
 */
// (`1000万人民币`: the currency for 元; `200万～300万元`: the lower end's unit without 元.)
const MONEY = `(?:人民币)?(?:(${NUMBER})\\s*(?:万元|亿元|元|万|亿)?${RANGE_SEP})?(${NUMBER})\\s*(千万|百万|万|亿|千(?=元))?(?:元(?:人民币)?|(?<=[万亿])人民币)`;
/**
 * A currency other than the yuan, named before an amount (`新台币1,500万元`, `港币不超过500万元`) or
 * after it (`500万元港币`): the amount is no funding in yuan, and is never read as one.
 */
const FOREIGN = '(?:新台币|新臺幣|台币|港币|港元|澳门币|澳门元|澳元|美元|欧元|英镑|日元|韩元|瑞士法郎|法郎|卢布|加元|新加坡元)';
const NOT_FOREIGN_BEFORE = `(?<!${FOREIGN}[^，。；;,\\d]{0,8})(?<![\\d.,])`;
const NOT_FOREIGN_AFTER = `(?!\\s*${FOREIGN})`;
const RE_MONEY = new RegExp(`${NOT_FOREIGN_BEFORE}${PRE}${MONEY}${POST}${NOT_FOREIGN_AFTER}`);

/** `4.02` × 10^8 as an exact integer, without floating-point error. Digit grouping is ignored. */
export function toYuan(printed: string, exp: number): number {
  const number = plainNumber(printed);
  const [whole = '0', frac = ''] = number.split('.');
  const digits = whole + frac.padEnd(exp, '0').slice(0, exp);
  const rest = frac.slice(exp);
  const value = Number(digits);
  return rest && Number(`0.${rest}`) >= 0.5 ? value + 1 : value;
}

export interface Money {
  readonly amountCNY: number;
  readonly qualifier: Qualifier;
  /** For a range (`1000-1500万元`): its lower end. */
  readonly minCNY?: number;
}

function moneyOf(m: RegExpExecArray, at: number): Money {
  const exp = MONEY_UNITS[m[at + 2] ?? '']!;
  const amountCNY = toYuan(m[at + 1]!, exp);
  if (m[at] !== undefined) return { amountCNY, qualifier: 'atMost', minCNY: toYuan(m[at]!, exp) };
  return { amountCNY, qualifier: qualifierOf(m[at - 1], m[at + 3]) };
}

/**
 * An amount in Chinese numerals (`一千万元`, `三百万元`, `两亿元`, in financial numerals `壹仟伍佰万元`,
 * `叁亿肆仟壹佰伍拾万元`): groups (qualifier, 亿 part, 万 part, unit, qualifier).
 */
const CJK_MONEY_DIGITS = `[一二两三四五六七八九十百千${FINANCIAL_NUMERALS}零〇]{1,8}`;
const RE_CJK_MONEY = new RegExp(`${NOT_FOREIGN_BEFORE}${PRE}(?:人民币)?(?:(${CJK_MONEY_DIGITS})亿(?:零)?)?(${CJK_MONEY_DIGITS})?(万|亿)?元(?:人民币)?${POST}${NOT_FOREIGN_AFTER}`);

function cjkMoney(text: string): Hit<Money> | null {
  const m = RE_CJK_MONEY.exec(text);
  // A 亿 part alone (`两亿元` reads as digits and 亿), or digits with their unit.
  if (!m || (m[2] === undefined && m[3] === undefined) || (m[3] !== undefined && m[4] === undefined)) return null;
  const hundredMillions = m[2] !== undefined ? parseCjkNumber(m[2].replace(/[零〇]/g, '')) : 0;
  const rest = m[3] !== undefined ? parseCjkNumber(m[3].replace(/^[零〇]/, '')) : 0;
  if (hundredMillions === null || rest === null) return null;
  const amountCNY = hundredMillions * 1e8 + rest * 10 ** MONEY_UNITS[m[4] ?? '万']!;
  if (amountCNY <= 0) return null;
  return { value: { amountCNY, qualifier: qualifierOf(m[1], m[5]) }, index: m.index, length: m[0].length };
}

/** `800万元人民币`, `人民币3,000万元左右`, `4.02亿元`, `1 500万元`, `不超过750万元`; `一千万元`. */
export function parseMoney(text: string): Hit<Money> | null {
  const m = RE_MONEY.exec(text);
  if (!m) return cjkMoney(text);
  return { value: moneyOf(m, 2), index: m.index, length: m[0].length };
}

const RE_MONEY_ALL = new RegExp(RE_MONEY.source, 'g');
// The per-project words, then what is given (`中央财政资金支持`) and its bound, in the same clause.
// (Never a task's own amount: `每个任务支持资金不超过1000万元` is the direction's funding.)
// (`每个揭榜单位（联合体）中央财政资金支持不超过…`: what the taker is, in brackets.)
const RE_PER_PROJECT_BEFORE = new RegExp(`(?:(?:${PER_PROJECT_BEFORE})(?!任务)|每个(?!任务|方向|领域|专题))(?:[（(][^）)]{1,6}[）)])?(?:${PER_PROJECT_WHAT}${PER_PROJECT_BOUND}|[^，。；,;\\d]{0,12}?${PER_PROJECT_BOUND})$`);
const RE_PER_PROJECT_AFTER = new RegExp(`^(?:人民币)?\\s*(?:${PER_PROJECT_AFTER}|每项)`);
/**
 * A ceiling on what one taker receives (`择优支持1个揭榜团队，按研发投入的30%给予补助，最高不超过800万元`):
 * a subsidy's upper bound is no total of the direction; nor is its stated limit (`拟遴选揭榜单位1家，奖补上限1000万元`).
 */
const RE_CEILING_BEFORE = /[，,；]\s*(?:单个项目|每个团队|每家)?(?:(?:支持|补助|资助|奖补)?(?:额度|金额|资金)?最高(?:不超过|可达|支持|补助|资助|奖补|给予)?(?:额度)?|(?:支持|补助|资助|奖补)(?:资金|金额|额度)?上限)(?:为|是)?(?:人民币)?\s*$/;

/**
 * An amount in figures before the bracket that restates it in words (`¥5,000,000.00（伍佰万元整）`,
 * `1000万元（大写：壹仟万元整）`): what stands before the figures says what the words are.
 */
const RE_RESTATED_BEFORE = new RegExp(`(?:[¥￥]\\s*${NUMBER}|${NUMBER}\\s*(?:千万|百万|万|亿)?元整?)\\s*[（(](?:大写[：:]?)?\\s*$`);

/**
 * The amounts of a funding text, each marked as a total or a per-project figure: `900万元，每项300万元`,
 * `300万元/项`, `每项250万元，共计500万元`. Per project: `每项`, `每个项目`, `单项`, `单个项目`
 * before it, `/项`, `/个`, `每项` after it.
 */
export function fundingAmounts(text: string): { total: Hit<Money> | null; perProject: Hit<Money> | null } {
  let total: Hit<Money> | null = null;
  let perProject: Hit<Money> | null = null;
  for (const m of text.matchAll(RE_MONEY_ALL)) {
    const before = text.slice(Math.max(0, m.index - 24), m.index);
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 3);
    const hit = { value: moneyOf(m as RegExpExecArray, 2), index: m.index, length: m[0].length };
    if (RE_PER_PROJECT_BEFORE.test(before) || RE_PER_PROJECT_AFTER.test(after) || RE_CEILING_BEFORE.test(before)) {
      perProject ??= hit;
      // (An amount in brackets after one read, `每项不超过180万元（按年度核定，每年不超过60万元）`, details it: no total.)
    } else if ((total || perProject) && openBrackets(text.slice(0, m.index)) > 0) {
      continue;
    } else if (!total || /(?:共|共计|合计|总计|总额)[为：:]?$/.test(before)) {
      total = hit;
    }
  }
  // Amounts in Chinese numerals (`每项不超过八十万元，共四百八十万元`), where none in digits is given:
  // read and told apart alike.
  if (!total && !perProject) {
    for (let from = 0, hit = cjkMoney(text); hit; hit = cjkMoney(text.slice(from))) {
      const at = { ...hit, index: from + hit.index };
      const before = text.slice(Math.max(0, at.index - 40), at.index).replace(RE_RESTATED_BEFORE, '').slice(-24);
      const after = text.slice(at.index + at.length, at.index + at.length + 3);
      if (RE_PER_PROJECT_BEFORE.test(before) || RE_PER_PROJECT_AFTER.test(after) || RE_CEILING_BEFORE.test(before)) perProject ??= at;
      else if (!total || /(?:共|共计|合计|总计|总额)[为：:]?$/.test(before)) total = at;
      from = at.index + at.length;
    }
  }
  return { total: total && perYear(text, total), perProject };
}

/**
 * A total given per year (`每年200万元，共资助3年`, `600万元/年，执行期2年`): the sum over the years the
 * same text states, its span the amount's; as given where it states none.
 */
function perYear(text: string, hit: Hit<Money>): Hit<Money> {
  const before = text.slice(Math.max(0, hit.index - 4), hit.index);
  const after = text.slice(hit.index + hit.length, hit.index + hit.length + 3);
  if (!/每年(?:度)?(?:资助|支持|拨付)?$/.test(before) && !/^\s*[/／]\s*年/.test(after)) return hit;
  // (`连续支持3年`, `连续资助三年`: the years the amount is paid.)
  const years = /(?:共(?:资助|支持)?|执行期|实施周期|资助期限|为期|连续(?:资助|支持|拨付)?)\s*(\d{1,2}|[一二三四五])\s*年/.exec(text);
  const n = years ? (Number(years[1]) || '一二三四五'.indexOf(years[1]!) + 1) : 0;
  if (n < 1) return hit;
  return { ...hit, value: { ...hit.value, amountCNY: hit.value.amountCNY * n } };
}

// (A joint laboratory is a project of its call: `单个联合实验室中央财政经费一般不超过1500万元`.)
// (Per person where a person is a project, `每人不超过40万元`; never a yearly sum, `每人每年不超过15万元`.)
// (And a direction's `本项目资助不超过50万元`: what its one project gets.)
/**
 * What a direction's targets count one of (`单个企业年订阅费用不超过5万元`, `每个节点功耗不超过…`): no
 * project, so a bound on it is no cap.
 */
const TARGET_NOUNS = '(?:企业|用户|产品|设备|终端|客户|样机|节点|订单|人次|学员|家庭|农户|园区|工厂|车间|门店|城市|芯片|模块|批次)';
const RE_CAP = new RegExp(`(?:(?:每个|每项|单个|单项|每一)(?:项目|任务|揭榜单位|联合实验室|实验室)?(?!(?:指南|项目|研究)?方向)(?!${TARGET_NOUNS})|(?:每家|单家)(?:揭榜单位|单位)?|(?:奖补|补助)(?=上限)|(?:每人|每名(?:专家|人才)?)(?![^。；，\\n]{0,6}每?(?:年|月))|本项目(?![组群包]))(?:[（(][^）)]{1,6}[）)])?[^。；\\n]{0,12}?(?:不超过|不得超过|不得高于|最多|不高于|上限(?:为|是)?[：:]?|原则上不超过)(?:人民币)?(${NUMBER})\\s*(千万|百万|万|亿)?元`);

/** A cap whose bound follows the amount: `每个项目国拨经费一般在300万元（含）以下`, `单项经费200万元以内`. */
const RE_CAP_AFTER = new RegExp(`(?:每个|每项|单个|单项|每一)(?:项目)?(?!(?:指南|项目|研究)?方向)(?!${TARGET_NOUNS})[^。；，,\\n\\d]{0,12}?(?:在|为)?(?:人民币)?(${NUMBER})\\s*(千万|百万|万|亿)?元(?:人民币)?(?:[（(]含[）)])?(?:以下|以内|之内)`);

/** The most one award is paid, stated without 每项 (`市财政最高资助300万元`, `单个活动最高补助50万元`). */
const RE_MAX_GRANT = new RegExp(`最高(?:资助|补助|支持|奖励|给予)?(?:金额)?(?:为|不超过)?(?:人民币)?(${NUMBER})\\s*(千万|百万|万|亿)?元`);

/**
 * What each project receives, stated without a bound: `每项400万元`, `每个项目经费为300万元`, `300万元/项`;
 * of a range (`每个项目国拨经费800～1200万元`) its top, the most one project is given.
 */
// (`每个项目每年度资助100万元`: a year's, which `perYearCap` multiplies by the years.)
const RE_PER_PROJECT = new RegExp(
  `(?:${PER_PROJECT_BEFORE})(?:每年度?|年均)?(?:国拨|中央财政|省财政|市财政|财政)?(?:经费|资金|资助|支持|补助|直接费用)?(?:额度|规模|金额)?(?:为|约)?(?:人民币)?(?:${NUMBER}\\s*(?:万元|亿元|万|亿)?${RANGE_SEP})?(${NUMBER})\\s*(千万|百万|万|亿)?元|(${NUMBER})\\s*(千万|百万|万|亿)?元(?:人民币)?\\s*${PER_PROJECT_AFTER}`,
);

/** `每个项目不超过750万元`; else a per-project amount (`每项400万元`). */
/** `每个项目国拨经费不超过五百万元`: a cap in Chinese numerals (group 1 the number, 2 the unit). */
const RE_CJK_CAP = new RegExp(`(?:(?:每个|单个|每一)(?:项目|任务|揭榜单位)|每项(?:项目|任务)?|(?:每家|单家)(?:揭榜单位|单位)?)[^。；\\n]{0,12}?(?:不超过|最多|不高于|上限为?|原则上不超过)(?:人民币)?([一二两三四五六七八九十百千${FINANCIAL_NUMERALS}]{1,6})(万|亿)元`);

export function parsePerProjectCap(text: string): Hit<number> | null {
  const m = RE_CAP.exec(text);
  if (m) return { value: toYuan(m[1]!, MONEY_UNITS[m[2] ?? '']!), index: m.index, length: m[0].length };
  const a = RE_CAP_AFTER.exec(text);
  if (a) return { value: toYuan(a[1]!, MONEY_UNITS[a[2] ?? '']!), index: a.index, length: a[0].length };
  const c = RE_CJK_CAP.exec(text);
  const n = c ? parseCjkNumber(c[1]!) : null;
  if (c && n !== null && n > 0) return { value: n * 10 ** MONEY_UNITS[c[2]!]!, index: c.index, length: c[0].length };
  const p = RE_PER_PROJECT.exec(text);
  if (!p) {
    // `市财政最高资助300万元`, `…的50%给予补助，最高不超过200万元`: the most one award is paid.
    const x = RE_MAX_GRANT.exec(text);
    return x ? { value: toYuan(x[1]!, MONEY_UNITS[x[2] ?? '']!), index: x.index, length: x[0].length } : null;
  }
  // An average (`平均资助强度约80万元/项`) bounds no project: no cap; nor does an amount about which
  // each project is given (`每项国拨经费1500万元左右`, `每个项目约250万元`).
  if (/平均/.test(text.slice(Math.max(0, p.index - 12), p.index + p[0].length))) return null;
  if (/约$/.test(text.slice(Math.max(0, p.index - 2), p.index)) || /^(?:人民币)?\s*左右/.test(text.slice(p.index + p[0].length)) || /约(?:人民币)?\s*\d/.test(p[0])) return null;
  const [number, unit] = p[1] !== undefined ? [p[1], p[2]] : [p[3]!, p[4]];
  return { value: toYuan(number, MONEY_UNITS[unit ?? '']!), index: p.index, length: p[0].length };
}

export interface DurationValue {
  readonly minYears: number | null;
  readonly maxYears: number | null;
  readonly qualifier: Qualifier;
  readonly hedge: 'inPrinciple' | 'usually' | null;
  /** Months, when the text counts in months (`36个月`, `2024年7月至2027年6月`). */
  readonly months?: number;
}

export const HEDGES: Readonly<Record<string, DurationValue['hedge']>> = { 原则上: 'inPrinciple', 一般: 'usually', 通常: 'usually', 一般为: 'usually' };
// The qualifiers of figures (`lexicon/numbers.ts`), before and after the value.
const DURATION_QUALIFIER = PRE;
// `2024年7月`, and as spreadsheets write it, `2024.07` / `2024/7`.
// (A Taiwan-side text counts years from 1912: `115年1月` is January 2026; a period's months are the
// same in either count.)
const YM = '(?:民国)?(\\d{4}|1\\d{2}(?=\\s*年))\\s*(?:年\\s*|[.．/])(\\d{1,2})(?:\\s*月|(?![\\d.]))';
/**
 * The value of a duration, from its start: `2024年7月至2027年6月` (groups 1–4), `2026—2028年`
 * (5–6), `[hedge][qualifier]N[-M](年|个月)[qualifier]` (7–12), or `3+1年` (13–14, the phases added).
 */
// Between two dates a dash read as `一` (`2026年1月一2028年12月`, as OCR and some fonts give it)
// can only be a dash.
const DATE_SEP = `(?:${RANGE_SEP}|一)`;
const DURATION_VALUE =
  // (`自2029年1月1日起至2031年12月31日止`; `2029年度至2030年度`.)
  `(?:${YM}(?:\\d{1,2}日)?\\s*(?:起)?\\s*${DATE_SEP}\\s*${YM}(?:\\d{1,2}日)?(?:止)?` +
  `|(\\d{4})\\s*(?:年度?)?\\s*${DATE_SEP}\\s*(\\d{4})\\s*年度?(?!\\s*\\d{1,2}\\s*月)` +
  // (`24个月至36个月`: the unit after each bound, the same.)
  `|(原则上|一般|通常)?[为是]?${DURATION_QUALIFIER}[为是]?(\\d+(?:\\.\\d+)?|${CJK_NUMERAL})(?:\\s*(?:个月(?=\\s*${RANGE_SEP}\\s*\\d+\\s*个月)|年(?=\\s*${RANGE_SEP}\\s*\\d+\\s*年)))?(?:\\s*${RANGE_SEP}\\s*(\\d+(?:\\.\\d+)?|${CJK_NUMERAL}))?\\s*(个月|年)(?:[（(]含[）)])?${POST}` +
  // `3+1年`: phases that add up (研发3年、示范1年) (12–13).
  `|(\\d{1,2})\\s*[+＋]\\s*(\\d{1,2})\\s*年)`;

// (`自揭榜任务书签订之日起2年内`: the period counted from an event.)
// (`中方3年；外方按JST规定执行，最长5年`: the Chinese side's period, as each side states its own.)
const RE_DURATION_AT = new RegExp(`^[为是：:\\s]*(?:中方(?:为|是)?)?(?:(?:自|从)[^。；，,\\d]{1,16}?(?:之日)?起(?:算)?\\s*|自|从)?${DURATION_VALUE}`);
// `项目实施周期` reads as `实施周期`: the value's text starts at the label proper.
// (`项目周期`, with no label inside it, stays.)
// The bare `周期` only before its colon (`经费：1600万元；周期：2年`): in a sentence it is any cycle's
// (`研发周期不超过1个月`).
const DURATION_LABELS = [
  ...labelsOf('duration').filter((l) => l !== '周期' && (!l.startsWith('项目') || l.slice(2) === '周期' || !labelsOf('duration').includes(l.slice(2)))),
  '周期(?=\\s*[：:])',
].join('|');
// (`项目实施周期均为3年`: stated alike for every direction of a group.)
// (`项目为期3年`: a project's term said as 为期, no label.)
// (`项目实施周期与对应的“地平线欧洲”项目一致，一般为36个月`: what it matches, then the value.)
const RE_DURATION = new RegExp(`(?:${DURATION_LABELS}|(?<=项目)为期)(?:与[^。；，,\\n]{1,30}?(?:一致|相同|同步)[，,]\\s*)?(?:均|皆|统一|一律)?(?:按)?[为是：:\\s]*(?:自|从)?${DURATION_VALUE}`);

function durationOf(m: RegExpExecArray, at: number): DurationValue {
  const g = (k: number): string | undefined => m[at + k];
  if (g(0) !== undefined) {
    const months = Number(g(2)) * 12 + Number(g(3)) - (Number(g(0)) * 12 + Number(g(1))) + 1;
    const years = Math.round((months / 12) * 100) / 100;
    return { minYears: years, maxYears: years, qualifier: 'exact', hedge: null, months };
  }
  if (g(4) !== undefined) {
    const years = Number(g(5)) - Number(g(4)) + 1;
    return { minYears: years, maxYears: years, qualifier: 'exact', hedge: null };
  }
  if (g(12) !== undefined) {
    const years = Number(g(12)) + Number(g(13));
    return { minYears: years, maxYears: years, qualifier: 'exact', hedge: null };
  }
  const inMonths = g(10) === '个月';
  const scale = inMonths ? 1 / 12 : 1;
  const a0 = num(g(8)!);
  const b0 = g(9) === undefined ? null : num(g(9)!);
  const a = Math.round(a0 * scale * 100) / 100;
  const b = b0 === null ? null : Math.round(b0 * scale * 100) / 100;
  const qualifier = qualifierOf(g(7), g(11));
  const hedge = HEDGES[g(6) ?? ''] ?? null;
  let minYears: number | null = a;
  let maxYears: number | null = b ?? a;
  if (qualifier === 'atMost') minYears = b === null ? null : a;
  if (qualifier === 'atLeast') maxYears = null;
  return { minYears, maxYears, qualifier, hedge, ...(inMonths && b0 === null ? { months: a0 } : {}) };
}

/**
 * A labelled duration anywhere in `text`: `项目实施周期3年`, `原则上不超过4年`, `一般为2~3年`,
 * `执行期为3年`, `实施周期为36个月`, `实施期限：2024年7月至2027年6月`.
 */
export function parseDuration(input: string): Hit<DurationValue> | null {
  const m = RE_DURATION.exec(datesAsWords(input));
  if (!m) return null;
  return { value: durationOf(m, 1), index: m.index, length: m[0].length };
}

/**
 * The duration that applies to projects, among those a preamble states: `项目实施周期一般不超过3年`
 * before anything else; never the period of the special project or programme itself
 * (`本专项实施周期为5年（2026—2030年）`), which is no project's duration.
 */
export function parseProjectDuration(text: string): Hit<DurationValue> | null {
  const re = new RegExp(RE_DURATION.source, 'g');
  let fallback: Hit<DurationValue> | null = null;
  for (const m of text.matchAll(re)) {
    const before = text.slice(Math.max(0, m.index - 8), m.index);
    const hit = { value: durationOf(m, 1), index: m.index, length: m[0].length };
    // A kind of project's own (`青年科学家项目实施周期不超过3年`): not every project's.
    if (/(?:科学家|技术类|应用类|前沿类|人才|青年)项目$/.test(before)) continue;
    if (/项目$|课题$|每个项目(?:的)?$/.test(before)) return hit;
    if (/(?:专项|计划|规划|本批|批次|工程)(?:的|总体|整体)?$/.test(before)) continue;
    // A sentence that says it states the default (`除另有说明外，资助期限为3年`) before any other one
    // (`在研项目（…资助期限3年以上）的负责人`, another project's).
    if (RE_STATES_DEFAULT.test(text.slice(sentenceAt(text, m.index).start, m.index))) return hit;
    fallback ??= hit;
  }
  return fallback;
}

/** Words that say a sentence states what holds unless a direction says otherwise. */
const RE_STATES_DEFAULT = /除(?:另有|特殊|特别|其他)?(?:说明|规定|注明|要求)(?:的)?外|如无特殊说明|若无特别说明/;

/** A duration at the start of a duration field's text (its label already read): `不超过3年`. */
/**
 * Dates written with dots or slashes (`2026.01.01—2028.12.31`, `2026/1/1至2027/12/31`) as the
 * duration patterns read dates (`2026年01月  —2028年12月  `): the day left out, its place kept in
 * spaces, so that every offset stays that of the text.
 */
function datesAsWords(text: string): string {
  return /\d{4}[.．/]\d/.test(text) ? text.replace(/(?<!\d)(\d{4})[.．/](\d{1,2})[.．/](\d{1,2})(?![\d.．/])/g, (_m, y: string, mo: string, d: string) => `${y}年${mo}月${' '.repeat(d.length)}`) : text;
}

export function parseDurationValue(input: string): Hit<DurationValue> | null {
  const text = datesAsWords(input);
  const m = RE_DURATION_AT.exec(text);
  if (!m) return null;
  const lead = /^[为是：:\s]*/.exec(text)![0].length;
  return { value: durationOf(m, 1), index: lead, length: m[0].length - lead };
}

/**
 * A field that gives no value of its own but sends to the call's rule (`按本通知有关要求执行`,
 * `按指南统一要求`, `同上`): the direction takes the call's value, as where the field is absent.
 */
// (`按总体安排执行`, `按总体要求执行`: the call's own part that states it.)
export const RE_REFERS_TO_CALL = /^(?:按(?:照)?(?:总体要求|总体安排|默认值?|通用要求|统一要求)|按(?:照)?(?:本通知|通知|本指南|指南|本专项|专项|本批|本次|上述|前述|有关|统一|总体安排|总体要求)[^。；]{0,12}(?:执行|确定|要求|规定)|同上|(?:详)?见(?:上文|前文|通知|总体要求|总体安排))[。；]?$/;

/** A count in a sentence (`本方向拟支持3至5个项目`), or of units (MIIT: `支持1～2家揭榜单位`): the verb before it. */
export const RE_UNIT_COUNT_VERB = /(?:拟)?(?:支持|遴选|确定|资助)(?=[^。；，\n]{0,10}?(?:[个家](?:揭榜)?(?:单位|方|团队|企业)|[个项](?:合作)?(?:研究)?项目))/;

/** A bare year (`2022年`) where a duration should be: read as such it would be a silent wrong value. */
export const RE_BARE_YEAR = /^(?:19|20)\d{2}\s*年(?!\s*\d{1,2}\s*月)/;

/** Phrases that set each flag of a direction. */
export const FLAG_PATTERNS = {
  jointApplication: /单方申报(?:项目)?无效|双方(?:须|需|应|要|必须)?同时申报|分别向[^。；\n]{0,30}?(?:申报|提交)|向各自[^。；\n]{0,15}?申报/g,
  matchingFunds: /配套出资|配套资金|匹配相应经费/g,
  ipAgreement: /知识产权(?:相关|专门)?(?:协议|条款)/g,
  companyRequired: /至少(?:包括|有|包含)一家企业|企业牵头|仅限[^。；\n]{0,20}?企业/g,
  // (Also `XX个月`, `××万元`: a figure left to fill in, as drafts print it; never a name or a
  // telephone number left out, `赵××`, `5888××××`.)
  placeholders: /待定|待补充|(?<![\dA-Za-z×Ｘ])(?:XX|ＸＸ|××)(?=\s*(?:个月|年|万元|亿元|元|个|项|家))/g,
} as const;

/**
 * `其他经费…与中央财政经费比例不低于1:1`: groups (qualifier, other, central). (Also a province's funds in
 * a 部省联动 direction: `四川省财政经费与中央财政经费比例不低于1:1`.)
 */
export const RE_MATCHING_RATIO =
  /(?:(?:其他|其他来源|自筹|配套|地方财政|地方配套|单位自筹)(?:经费|资金|投入|出资)|社会资金|[\u4e00-\u9fff]{1,6}?(?:省|自治区|市)(?:级)?财政(?:经费|资金))[^。；]{0,60}?(?:与|和|同)(?:申请(?:的)?|获得(?:的)?|所获)?(?:省级|市级|省|市)?(?:中央财政|[国院部省市厅]拨|财政|专项基金|项目(?=经费|资金)|[\u4e00-\u9fff]{1,6}?(?=资助|补助))(?:补助|补贴|资助|奖补|支持)?(?:资金|经费)?(?:的)?(?:投入)?(?:总额|总量|额度|数额)?(?:(?:的)?比例|之比)(?:[：:]\s*)?(?:原则上)?(?:须|应|需)?(不低于|不少于|不高于|不超过|为|达到)?\s*(\d+(?:\.\d+)?)\s*[:：∶比]\s*(\d+(?:\.\d+)?)/;

/**
 * Matching funds stated otherwise than as a ratio to the central funds (each `[regex, ratio]`,
 * the qualifier of group 1 where it has one): `按不低于1:1的比例提供配套资金`; `至少与其获得的政府
 * 资助等额的配套出资`, `配套资金不少于国拨经费` (equal or more: 1:1, at least).
 */
export const MATCHING_FORMS: readonly (readonly [RegExp, { other: number; central: number } | null])[] = [
  [/(不低于|不少于|不高于|不超过)?\s*(\d+(?:\.\d+)?)\s*[:：∶比]\s*(\d+(?:\.\d+)?)\s*的?比例(?:提供|落实|安排|予以)?(?:配套|自筹)/, null],
  // `提供不低于1:1的配套经费` (the ratio before the funds it speaks of, without 比例).
  [/(不低于|不少于|不高于|不超过)\s*(\d+(?:\.\d+)?)\s*[:：∶比]\s*(\d+(?:\.\d+)?)\s*的(?:配套|自筹)(?:资金|经费|出资|投入)/, null],
  [/(至少|不少于|不低于)[^。；，,]{0,24}(?:等额|同等数额|相同数额|等量|同等规模)的?(?:配套|自筹)(?:资金|经费|出资|投入)?/, { other: 1, central: 1 }],
  // `地方配套经费不低于国拨经费的2倍` (a multiple of the central funds: N:1).
  [/(?:配套|自筹|其他)(?:资金|经费|出资|投入)(?:原则上)?(不少于|不低于|达到)(?:其?所?获得?的)?(?:中央财政|国拨|财政)(?:资金|经费)?的\s*(\d+(?:\.\d+)?)\s*倍/, null],
  // (`按1:1配套`: the ratio the funds are matched at, exactly.)
  [/按\s*()(\d+(?:\.\d+)?)\s*[:：∶]\s*(\d+(?:\.\d+)?)\s*(?:的比例)?(?:配套|匹配)/, null],
  [/(?:配套|自筹|地方财政|其他)(?:资金|经费|出资|投入){1,2}(?:原则上)?(不少于|不低于)(?:其?所?获得?的)?(?:中央财政|国拨|财政|政府资助)(?:资金|经费)?(?:额度|数额|金额|总额)?(?=[，,。；;）)]|$)/, { other: 1, central: 1 }],
];

/**
 * Matching funds as a share of the project's whole (`企业自筹资金不低于项目总经费的50%`): p% of the whole
 * is p : (100 − p) to the central funds, reduced (50% → 1:1, 60% → 3:2).
 */
export const RE_MATCHING_SHARE = /(?:配套|自筹|其他)(?:资金|经费|出资|投入)(?:原则上)?(不低于|不少于|达到|不高于|不超过)(?:项目)?总(?:经费|投入|预算|投资)(?:的)?\s*(\d{1,2})\s*[%％]/;

/**
 * The central funds' share of the whole (`国拨经费占项目总经费的比例不超过三分之一`): at most a third is
 * at least 2 : 1 of matching funds; at most 50% at least 1 : 1.
 */
export const RE_CENTRAL_SHARE = /(?:国拨|中央财政)(?:资金|经费)占(?:项目)?总(?:经费|投入|预算)的?(?:比例|比重)?(?:原则上)?(不超过|不高于|不低于)\s*(三分之一|四分之一|五分之一|二分之一|一半|(\d{1,2})\s*[%％])/;

/**
 * The ratio written with the central funds first (`国拨经费与企业自筹经费的比例不高于1∶2`): the matching
 * funds' share is the second figure, and the bound turns (at most 1:2 is at least 2:1).
 */
export const RE_MATCHING_REVERSED = /(?:国拨|中央财政|财政)(?:资金|经费)(?:与|和)[^。；，,]{0,8}?(?:自筹|配套|其他)(?:资金|经费|投入)(?:(?:的)?比例|之比)(?:[：:]\s*)?(?:原则上)?(不高于|不超过|不低于|不少于|为)?\s*(\d+(?:\.\d+)?)\s*[:：∶比]\s*(\d+(?:\.\d+)?)/;

/** A company must lead: `由企业牵头申报`, `须企业牵头`; not `鼓励企业牵头`. */
// (Not a foreign side's rule: `西方联合体须由企业牵头`, `外方须由企业牵头`, as a multilateral call states each funder's;
// a company named among its kinds, `须由汽车整车企业或其一级供应商牵头`, is; one beside an institute, `企业或新型研发机构`, is not.)
// (`牵头单位应为具备医疗器械生产资质的企业`: who the lead is, a company.)
export const RE_LEADING_ENTERPRISE = /(?<!鼓励(?:由|有)?)(?:牵头(?:申报)?单位(?:须|应|必须)为(?:(?!院所|高校|学校|机构|医院|大学)[^，。；、和或与及]){0,24}企业(?![^，。；]{0,12}(?:研发机构|高校|高等学校|院所|科研机构|事业单位|或|和|、))|(?<!(?:外方|欧方|[德法英日韩西葡荷波意俄芬瑞奥比丹挪匈捷希以新澳加美]方)[^，。；]{0,8})(?:(?:须|应|必须|要求|需)?由?企业牵头(?:申报|承担|组织实施)?|(?:须|应|必须)由[^，。；]{0,10}企业(?![^，。；]{0,12}(?:研发机构|高校|高等学校|院所|科研机构|事业单位))[^，。；]{0,10}牵头))/;

/**
 * `男性应为1988年1月1日（含）以后出生` (or `…以后（含）出生`): groups (sex, year, month, day); without a sex
 * (`项目负责人应为1986年1月1日以后出生`) the rule is everyone's (group 1 empty).
 */
// (A PDF's text may space its digits from the characters around them: `1990 年 1 月 1 日`.)
// (Or, for each sex, the age first, the date in brackets: `男性38周岁以下（1984年1月1日以后出生）`; never
// an age rule for everyone, `项目负责人须为40周岁以下（1986年1月1日以后出生）的青年科研人员`.)
export const RE_BORN_AFTER = /(男性|女性|申报人|负责人)[^，。；\d]{0,10}?(?:(?<=(?:男性|女性)[^，。；\d]{0,10})\d{2}\s*周岁\s*(?:以下|以内)?\s*[（(]\s*)?(\d{4})\s*年(?:\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日)?\s*(?:[（(]含[）)])?\s*(?:及以后|以后|之后)\s*(?:[（(]含[）)])?\s*出生/g;
/** `1990年1月1日（含）以后出生的男性`, `1989年及以后出生的男性`: the date before the sex it is for (group 4 the sex). */
export const RE_BORN_AFTER_OF = /(\d{4})\s*年(?:\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日)?\s*(?:[（(]含[）)])?\s*(?:及以后|以后|之后)\s*(?:[（(]含[）)])?\s*出生的(男性|女性)/g;
/** `出生日期不早于1989年1月1日（男性）或1987年1月1日（女性）`: each date with its sex in brackets after it. */
export const RE_BORN_NOT_BEFORE = /出生(?:日期|时间)?(?:不早于|在)/;
export const RE_DATE_OF_SEX = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*(?:[（(]含[）)])?\s*[（(](男性|女性)[）)]/g;
export const RE_NO_SUBTOPICS = /不(?:再)?(?:下|分)?设(?:置)?课题/;

/** Titles of agreements: every `《…》`. */
export const RE_AGREEMENT = /《([^《》]+)》/g;

const N = `(\\d+|${CJK_NUMERAL})`;

/** The words that introduce a funding total in the text before the directions (`国拨经费总概算4.02亿元`). */
export const FUNDING_TOTAL_LEAD = '(?:拟(?:资助|支持)经费(?:总额|合计|共计)?|安排(?:基地|项目)?(?:资助|支持)经费|(?:资金|经费)?支持总额|资金总额|直接费用总计|直接费用合计|经费合计|资助经费合计|经费总概算|总概算|经费概算|总经费|经费总额|直接费用总额|资助总额|总预算|共计|国拨经费|安排(?:省级|市级|省|市|中央)?财政(?:科技)?(?:资金|经费)|(?<!每个项目|每项|单个项目)安排资金|(?:省级|市级|中央|省|市)财政(?:科技|支持|资助)?(?:资金|经费)(?:拟)?(?:安排)?(?:总额|总计|合计)?|(?:安排)?(?:省拨|市拨)经费|中方(?:安排|资助|支持)经费)[为：:]?';

/**
 * Summary figures stated in the text before the directions, each in its usual phrasings. Every
 * pattern has the groups (qualifier before, number, qualifier after) for counts, and (qualifier
 * before, range start, number, unit, qualifier after) for the funding total.
 */
export const SUMMARY_PATTERNS = {
  directionCount: [
    // `设立4个指南方向，各方向…共下设11个子方向` (the sub-directions applicants choose, each a direction).
    new RegExp(`(?:下设|设立|设置|设|分设|包括)(?:了)?()${N}个子方向()`),
    // `2026年度共设置9个课题` (a ministry's 课题指南: each 课题 a direction; never `每个项目下设4个课题`).
    new RegExp(`共(?:设立|设置|设|部署)(?:了)?()${N}个(?:研究)?课题()`),
    // `设置6个方向、10项指南` (a province's 指南 under its 方向: each 指南 a direction).
    new RegExp(`(?:设立|设置|设|部署)(?:了)?\\d{1,2}个[^，。；、\\d]{0,4}(?:方向|专题|领域|板块)[、，,]?()${N}(?:项|个|条)指南()(?!方向)`),
    // `拟围绕8个指南方向部署项目`.
    // (A call's own directions before the technical areas or tasks that group them: `围绕…3个任务方向，
    // 拟部署7个指南方向` counts 7.)
    // (`共设置3个专题7个方向`, `设立3类8个支持方向`, `设立3个合作板块、10个指南方向`: the directions after the groups that hold them.)
    new RegExp(`(?:拟)?(?:设立|设置|设|启动|部署|布局|发布|支持|围绕|涉及|共包括|包括|包含)(?:了)?(?:\\d{1,2}(?:个(?:[^，。；、\\d]{0,4}(?:专题|板块|领域)|技术领域|重点任务|[^，。；、\\d]{1,4}(?:方向|类别))|类)[、，,]?)?()${N}个(?:部省联动|揭榜挂帅|定向)?(?:重大项目|重点项目)?(?:指南|项目|重点|研究|合作研究|合作|支持|资助|重点支持项目研究|重点项目研究|资助研究|攻关|揭榜|主题|国别|建设|专题)?方向()`),
    new RegExp(`(?:拟)?(?:设立|设置|设|启动|部署|布局|发布|支持|围绕)(?:了)?()${N}个(?:任务|技术|领域)方向()`),
    // (NSFC's 共享航次计划: `设置9个航次`, each cruise a direction.)
    new RegExp(`(?:设立|设置|安排)()${N}个(?:共享)?航次()(?!项目)`),
    // `设置…3个类别，共10个支持方向`, `设置A、B、C3类、10个支持方向` (the directions counted after the groups).
    // (Not the groups before the tasks that are the directions: `共3个方向12项揭榜任务`.)
    new RegExp(`(?:[，,]\\s*共(?:计|设)?|\\d{1,2}(?:类|个类别)[、，,]\\s*(?:共)?)()${N}个(?:指南|项目|研究|支持|资助|合作|专题)?方向()(?!\\s*[、，,]?\\s*\\d{1,3}\\s*(?:项|个|条))`),
    // `共设立5个主题` (a joint call's themes, each a direction).
    // (`设立10个合作研究主题`, `设立10个联合资助主题`: two words before it.)
    new RegExp(`共?(?:设立|设置|设)()${N}个(?:资助|研究|合作|培训|合作研究|联合研究|联合资助)?主题()`),
    // `本次征集共设10个专题领域` (a joint call's areas, each a direction; where they group the directions, `areasCounted` says so).
    // (Never areas that the tasks or directions after them stand in: `共设置4个领域、11项揭榜任务`.)
    new RegExp(`共(?:设立|设置|设)()${N}个(?:专题|研究|资助|合作)?领域()(?![、，,和]\\s*\\d{1,3}\\s*(?:项|个)(?:揭榜(?:挂帅)?|指南|攻关|榜单|重点)?(?:任务|方向))`),
    // `设9个支持类别`, `按3个基地类别、12个支持领域组织申报` (a city's categories, a programme's areas: each a direction).
    new RegExp(`(?:设|按)(?:\\d{1,2}个[^，。；\\d]{0,6}类别[、，,])?()${N}个(?:支持|资助)(?:类别|领域)()`),
    // (`共设立11个项目类别`, a ministry's call whose categories are its directions.)
    new RegExp(`共(?:设立|设置|设)(?:了)?()${N}个项目类别()`),
    // `共设6类项目` (an NSFC guide whose types of project are its directions).
    new RegExp(`共设(?:立|置)?()${N}类(?:项目|资助类型)()`),
    // `本指南共列出选题条目48个` / `列出48个选题条目` (a 课题指南's topics, each a direction).
    new RegExp(`(?:列出|列有|设置|发布|包括)(?:了)?(?:选题|指南|课题)?条目()${N}个()`),
    new RegExp(`(?:列出|列有|设置|发布|包括)(?:了)?()${N}(?:个|条)(?:选题|指南|课题)条目()`),
    // `本批次共设置4个招标项目包` (a tender's packages, each a direction).
    new RegExp(`(?:设立|设置|设)(?:了)?()${N}个(?:招标)?(?:项目)?(?:包|标包)()`),
    // `共发布6项揭榜任务` (MIIT): a task is a direction.
    // `拟启动10项指南任务` (a key programme counting its 指南任务).
    // (`本次共设置4个领域、11项揭榜任务`, `共发布3个领域10项揭榜任务`: the areas first.)
    new RegExp(`(?:发布|部署|设立|设置|启动|形成|遴选出)(?:了)?(?:\\d{1,2}个(?:领域|方向|板块|专题|方面)[、，,和]?)?()${N}(?:项|个)(?:揭榜(?:挂帅)?|指南|攻关|榜单|重点)?任务()`),
    // `榜单…共3个方向12项揭榜任务`: the tasks after the groups that hold them.
    new RegExp(`共\\d{1,2}个(?:方向|领域|专题|板块)[、，,]?()${N}(?:项|个)(?:揭榜(?:挂帅)?|指南)?任务()`),
    // `本次共发布揭榜任务7项`: the count after the word.
    new RegExp(`(?:发布|部署|设立|设置|启动)(?:了)?(?:揭榜(?:挂帅)?|指南|榜单)任务()${N}(?:项|个)()`),
    // `本次共发布国际科技合作榜单10项` (a province's 榜单, each a direction; never `“尖兵”项目榜单4项` of a kind).
    new RegExp(`共(?:发布|设立|设置)(?:了)?[^，。；\\d]{0,12}?榜单()${N}(?:项|个)()`),
    // `设一般项目和9个国别专项，共10个资助类别` (a talent programme's categories, each a direction).
    new RegExp(`共()${N}个(?:资助|项目|支持)类别()`),
    new RegExp(`(?:指南|项目)方向(?:共)?()${N}个()`),
    // A record's field: `指南方向数：8个`.
    new RegExp(`(?:指南|项目)?方向(?:总)?数[：:]\\s*()${N}个?()`),
    // `现发布…合作研究与交流项目指南，共9项` (an NSFC notice: the guide's calls).
    new RegExp(`(?:项目|申报)?指南[，,]\\s*共()${N}(?:项|个)(?![^，。；]*?项目)()`),
    // `共发布7个重大项目指南` (NSFC 重大项目: one guide a direction).
    new RegExp(`(?:发布|部署|设立)(?:了)?()${N}个(?:重大|重点)?项目指南()`),
    // `形成了…“揭榜挂帅”榜单（共10项）`: the list's own count.
    new RegExp(`(?:榜单|任务清单|指南方向)[（(]共()${N}(?:项|个)[）)]()`),
    // `在以下8个研究方向部署培育项目` (NSFC).
    new RegExp(`(?:在|围绕|就)以下()${N}个(?:指南|项目|重点|研究|资助研究)?方向()`),
    // `与以下5个境外资助机构联合资助` (an NSFC call, one direction per partner agency).
    new RegExp(`以下()${N}个(?:境外|国际|国外)?(?:资助|合作|科研)?机构()`),
    // `拟与9个境外资助机构联合征集` (a partner agency a direction).
    new RegExp(`与()${N}个(?:境外|国际|国外|国（境）外)(?:科研)?(?:资助|合作)?机构()`),
    // `双方在以下六个领域共同征集合作研究项目` (an NSFC joint call's areas).
    // (`在上述7个领域拟共同资助…`, the plan after the areas, counts them too.)
    new RegExp(`(?:在|围绕|就)(?:以下|上述)()${N}个(?:研究|资助|合作|重点)?领域()`),
  ],
  partnerCount: [
    // `支持与10个国家和1个多边合作机制开展科技合作`: the countries and the mechanisms, added (`plus`).
    // (And a second kind: `与6个国家、2个区域组织和2个多边合作机制`.)
    new RegExp(`与()${N}个国家()(?:和|及|、|以及)(?<plus>\\d{1,2}|${CJK_NUMERAL})个(?:多边合作机制|多边机制|多边合作框架|国际组织|国际和地区组织|区域组织|区域性国际组织|地区)(?![重级])(?:(?:和|及|、|以及)(?<plus2>\\d{1,2}|${CJK_NUMERAL})个(?:多边合作机制|多边机制|多边合作框架|国际组织|国际和地区组织|区域组织|区域性国际组织|地区)(?![重级]))?`),
    // (`支持与10个国家和欧盟开展科技创新合作`: the countries and one organisation named, 11.)
    new RegExp(`与()${N}个国家()(?:和|及|以及)(?<plus>)(?:欧盟|东盟|非盟|阿盟|上合组织|上海合作组织|欧洲联盟|东南亚国家联盟)(?![国成])`),
    // A record's field: `合作国家/地区/国际组织数：8个`.
    new RegExp(`合作(?:国家|方|国别)[^：:，。；]{0,16}数[：:]\\s*()${N}个?()`),
    // (`与欧洲6个国家的资助机构…`: a region's countries, counted.)
    new RegExp(`与(?:欧洲|非洲|亚洲|美洲|拉美|中东欧|东南亚|南亚|中亚|西亚|北欧|周边|相关|有关){0,2}()${N}个(?:阿拉伯|太平洋岛|海湾|东盟|金砖|上合组织)?(?:国家|合作方|国家和地区|国家、地区|国家（地区）|国家或地区)()`),
    // (`支持与中亚5国开展科技合作`: a region's countries, counted in 国.)
    // (Not where more partners follow, `与中亚五国及巴基斯坦、俄罗斯…等8个国家`: the count after them.)
    new RegExp(`与(?:欧洲|非洲|亚洲|美洲|拉美|中东欧|东南亚|南亚|中亚|西亚|北欧|东盟|金砖)()${N}国(?![际家内外及和、与])()`),
    // (`面向8个共建“一带一路”国家`.)
    new RegExp(`(?:涉及|覆盖|面向)()${N}个(?:共建)?(?:“一带一路”)?(?:合作)?(?:国家|国家和地区|国家、地区|国家（地区）|国家或地区)()`),
    // `支持与香港、澳门、台湾3个地区开展…`: the partners named, then their count.
    // (Or without 与: `巴西、俄罗斯、印度…等6个国家的资助机构参与…`.)
    new RegExp(`(?:与)?[\\u4e00-\\u9fff]{2,8}(?:[、和及][\\u4e00-\\u9fff]{2,8}){1,9}等?()${N}个(?:湄公河|东盟|中亚|非洲|拉美|中东欧|南亚|东南亚|阿拉伯|太平洋岛)?(?:国家|地区|合作方|国家和地区|国家、地区|国家（地区）|国家或地区)(?![重级])()`),
  ],
  projectCount: [
    // (`本方向拟资助集成项目1项`: a direction's own sentence, its kind of project named.)
    new RegExp(`本方向(?:拟|计划)(?:支持|资助)[\\u4e00-\\u9fff]{1,6}?项目${PRE}${N}(?:个|项)${POST}`),
    // (`拟支持项目（团队）9个`: what a project is, in brackets.)
    // (`计划支持项目1310项`.)
    new RegExp(`(?:拟|计划)(?:支持|资助)(?:重大|重点)?项目(?:[（(][^）)]{1,6}[）)])?(?:总?数|总量)?(?:[：:]\\s*)?(?:为|共计|合计|合共|总计|共)?${PRE}${N}(?:个|项)${POST}`),
    // (`计划资助发展中国家青年科学家100名来华工作`: a talent programme whose projects are people, each one.)
    new RegExp(`(?:拟|计划)(?:资助|支持)[^，。；\\d]{0,16}?(?:科学家|专家|学者|人才|博士后)${PRE}${N}(?:名|人(?:[（(]次[）)]|次)?)${POST}`),
    // (`计划立项约450项`, a 课题指南.)
    new RegExp(`(?:拟|计划)立项(?:数)?(?:为|共)?${PRE}${N}(?:个|项)${POST}`),
    // (`拟新立项建设基地不超过60个`: bases, each a project.)
    new RegExp(`(?:拟|计划)新?立项建设(?:基地|平台|中心)${PRE}${N}(?:个|项)${POST}`),
    // (`拟遴选揭榜单位（联合体）不超过20个`, `拟遴选揭榜单位合计不超过20家`: a 揭榜挂帅 call's takers, each a project.)
    new RegExp(`(?:拟|计划)遴选揭榜(?:单位|团队)(?:[（(][^）)]{1,6}[）)])?(?:合计|共计|总计|共)?${PRE}${N}(?:个|家)${POST}`),
    // `拟启动项目约18项` (a key programme's projects; never `拟启动8个项目方向`, its directions).
    new RegExp(`拟启动项目(?:数)?(?:为|共)?${PRE}${N}(?:个|项)(?!方向)${POST}`),
    // (Never `拟支持8个项目方向`: directions, counted as such.)
    // (`本次计划资助不超过12项合作研究项目`: the kind of project between the count and 项目.)
    new RegExp(`(?:拟|计划)(?:支持|资助)${PRE}${N}(?:个|项)(?:合作研究|联合研究|合作交流|重点|重大|青年科学家)?项目(?!方向|指南)${POST}`),
    // (Never a figure for each direction: `每个研究方向拟资助1项`.)
    // (`计划资助约1280项`, an NSFC call's plan.)
    new RegExp(`(?<!(?:每个|各|每项|本)[^，。；]{0,8}(?:方向|任务|指南))(?:拟|计划)资助${PRE}${N}(?:个|项)${POST}`),
    // `双方拟共同资助合作研究项目10项` (an NSFC joint call).
    new RegExp(`拟共同(?:资助|支持)[^，。；\\d]{0,12}?项目${PRE}${N}(?:个|项)${POST}`),
    // `拟与9个境外资助机构联合资助组织间合作研究（交流）项目约140项` (NSFC).
    new RegExp(`联合资助[^，。；\\d]{0,20}?项目${PRE}${N}(?:个|项)${POST}`),
    // A direction's own, in a sentence (`本方向计划支持3项。`).
    // (`本方向拟支持青年科学家项目3项`: the kind of project before the count.)
    // (`本方向拟批准项目5个左右`: the projects it will approve.)
    new RegExp(`本(?:指南)?方向(?:拟|计划)?(?:支持|资助|立项|批准)(?:青年科学家项目|项目)?${PRE}${N}(?:个|项)(?!方向)${POST}`),
    // Joint laboratories, each a project (`拟支持建设联合实验室8个`).
    new RegExp(`拟(?:支持|资助)(?:建设)?(?:联合实验室|实验室)${PRE}${N}(?:个|家)${POST}`),
    // A 揭榜挂帅 task's winners (`拟支持不超过2个揭榜单位`, `拟遴选不超过12家揭榜单位`): its projects.
    new RegExp(`拟(?:支持|遴选|确定)${PRE}${N}(?:个|家)揭榜(?:单位|方)${POST}`),
    // `拟支持揭榜单位不超过20家（含联合体）`: the units before their count.
    new RegExp(`拟(?:支持|遴选|确定)揭榜(?:单位|方)${PRE}${N}(?:个|家)${POST}`),
  ],
  fundingTotal: [
    // (Never what each project gets: `每个项目国拨经费不超过300万元`.)
    new RegExp(`(?<!每个项目|每项|单个项目|单项|每个项目的|每个方向|每个指南方向|共)${FUNDING_TOTAL_LEAD}${PRE}${MONEY}${POST}`),
    // `省级财政安排专项资金2.2亿元`; an NSFC call's `直接费用约5000万元` (never a project's: `每项直接费用…`, `…/项`).
    new RegExp(`(?:省级|市级|中央|省|市)财政(?:拟)?安排(?:专项|补助|奖补|引导|支持)?(?:资金|经费)${PRE}${MONEY}${POST}`),
    // `安排中央财政补助资金4.8亿元` (an MIIT 工程's call): the same, the verb first.
    // (`安排自治区财政科技资金2810万元`: a region's money, its kind between.)
    new RegExp(`(?<!每个项目|单个项目|每项)(?:拟)?安排(?:中央|省级|市级|省|市|自治区|区)?(?:本级)?财政(?:科技)?(?:专项|补助|奖补|引导|支持)?(?:资金|经费)(?:总额|共)?${PRE}${MONEY}${POST}`),
    // (`国家卫生健康委…安排项目经费2760万元`: a ministry's own money for the call's projects.)
    new RegExp(`(?<!每个项目|单个项目|每项|本方向|该方向|每个方向)(?:拟)?(?:共)?安排项目(?:资金|经费)(?:总额|共)?${PRE}${MONEY}${POST}`),
    new RegExp(`(?<!每项|每个项目|单项|每个|项目)直接费用(?:总额|共计|合计|总计)?(?:为|约为)?${PRE}${MONEY}${POST}(?![/／]\\s*项)`),
  ],
} as const;

/** A sentence about an earlier call (`第一批项目申报指南已于2026年3月发布，部署12个指南方向…`). */
const RE_EARLIER_CALL = /已(?:于[^。；]{0,24})?(?:发布|印发|启动)|已经发布|上一批|前一批|上年度|上一年度/;

/**
 * The phrasing of `figure` in `text` that speaks of this call: the first one outside sentences about
 * an earlier call, else the first one.
 */
export function findCurrentSummary(figure: keyof typeof SUMMARY_PATTERNS, text: string): RegExpExecArray | null {
  const first = findSummary(figure, text);
  if (!first || (!RE_EARLIER_CALL.test(sentenceOf(text, first.index)) && !ofSubset(text, first.index))) return first;
  const hits: RegExpExecArray[] = [];
  for (const re of SUMMARY_PATTERNS[figure]) {
    for (const m of text.matchAll(new RegExp(re.source, 'g'))) hits.push(m as RegExpExecArray);
  }
  hits.sort((a, b) => a.index - b.index);
  // A figure of a part of the call (`其中，青年科学家项目拟支持4个项目`) is no total of the call:
  // none where only such figures are stated.
  const whole = hits.filter((m) => !ofSubset(text, m.index));
  if (whole.length === 0) return null;
  return whole.find((m) => !RE_EARLIER_CALL.test(sentenceOf(text, m.index))) ?? whole[0]!;
}

/** The clause at `index` speaks of a part of the call: after `其中`, or of its young scientists' projects. */
function ofSubset(t: string, index: number): boolean {
  let a = index;
  while (a > 0 && !'，,。；;：:\n'.includes(t[a - 1]!)) a--;
  const clause = t.slice(a, index);
  // (Of its young scientists' projects where the clause speaks of them, `青年科学家项目拟支持4个`, `拟部署
  // 青年科学家项目4个`; not where they are the last of the areas it lists, `围绕A、B和青年科学家项目部署9个…`.)
  if (/^\s*其中|^[^、，,]{0,8}青年科学家/.test(clause)) return true;
  let b = a - 1;
  while (b > 0 && !'，,。；;\n'.includes(t[b - 1]!)) b--;
  if (/^\s*其中\s*[，,]$/.test(t.slice(b, a))) return true;
  // (Or in a sentence that opens with it, up to its full stop: `其中，拟部署3个青年科学家项目，拟安排
  // 国拨经费1200万元。`, `其中，基础研究类…0.9亿元；共性关键技术类…1.6亿元。`)
  let c = b;
  while (c > 0 && !'。\n'.includes(t[c - 1]!)) c--;
  return /^\s*其中/.test(t.slice(c));
}

/** The sentence (between `。`/`；`/line ends) around `index`. */
export function sentenceAt(t: string, index: number, stops = '。；;\n'): { start: number; end: number } {
  let a = index;
  while (a > 0 && !stops.includes(t[a - 1]!)) a--;
  let b = index;
  while (b < t.length && !stops.includes(t[b]!)) b++;
  return { start: a, end: b };
}

const sentenceOf = (t: string, index: number): string => {
  const { start, end } = sentenceAt(t, index);
  return t.slice(start, end);
};

/** The first phrasing of `figure` found in `text`. */
export function findSummary(figure: keyof typeof SUMMARY_PATTERNS, text: string): RegExpExecArray | null {
  for (const re of SUMMARY_PATTERNS[figure]) {
    const m = re.exec(text);
    if (!m) continue;
    // Stated per batch, then for the whole (`第一批设立6个指南方向…；第二批设立5个…。全年共设立11个
    // 指南方向…`): the whole's figure, which its clause says it is. (Later matches only where the
    // text goes on past the first: most texts state a figure once.)
    const again = globalOf(re);
    again.lastIndex = m.index + m[0].length;
    for (let x = again.exec(text); x; x = again.exec(text)) {
      if (RE_WHOLE_CLAUSE.test(text.slice(Math.max(0, x.index - 40), x.index))) return x;
    }
    return m;
  }
  return null;
}

/** Each summary pattern's global twin, made once, for the matches after the first. */
const GLOBAL = new Map<RegExp, RegExp>();
function globalOf(re: RegExp): RegExp {
  let g = GLOBAL.get(re);
  if (!g) GLOBAL.set(re, (g = new RegExp(re.source, `${re.flags.replace('g', '')}g`)));
  return g;
}

/** The clause before a figure says it is the whole year's or all batches' (`全年共设立…`, `合计…`), on its line (never a table's 合计 row, a sum of its rows, written out above its figures). */
const RE_WHOLE_CLAUSE = /(?:全年|全部|合计|总计|累计|共计|两批共|各批共)(?![\s\u3000])[^。；;\n]*$/;

/** The funding total of a `fundingTotal` match. */
export function summaryMoney(m: RegExpExecArray): Money {
  return moneyOf(m, 2);
}

/** The count of a count match: (qualifier, number, qualifier). */
export function summaryCount(m: RegExpExecArray): { value: number; qualifier: Qualifier } {
  const plus = m.groups?.['plus'];
  const plus2 = m.groups?.['plus2'];
  return { value: num(m[2]!) + (plus === '' ? 1 : plus ? num(plus) : 0) + (plus2 ? num(plus2) : 0), qualifier: qualifierOf(m[1] || undefined, m[3] || undefined) };
}

export function qualifierOfMatch(before: string | undefined, after: string | undefined): Qualifier {
  return qualifierOf(before, after);
}

const RE_PROGRAMME = /国家重点研发计划|国家自然科学基金|国家科技重大专项|科技创新2030—重大项目|国家社会科学基金|科技创新2030(?=\s*[—–-]\s*[“「『"][^”」』"]{2,40}[”」』"]\s*重大项目)/;
/** The programme a text names first, or null (`科技创新2030—“脑科学与类脑研究”重大项目` is one of 科技创新2030—重大项目). */
export function programmeOf(text: string): string | null {
  const m = RE_PROGRAMME.exec(text)?.[0] ?? null;
  return m === '科技创新2030' ? '科技创新2030—重大项目' : m;
}
/**
 * A province's (or city's) own 重点研发计划 a title names (`2026年度安徽省重点研发计划项目申报指南`,
 * `江苏省2025年度省重点研发计划（国际科技合作）…`): `安徽省重点研发计划`, or null.
 */
export function provincialProgrammeOf(title: string): string | null {
  const m = /(?:^|\d{4}\s*年度?|[“”])([\u4e00-\u9fff]{2,7}?(?:省|市|自治区))(?:\d{4}\s*年度?)?(?:省|市)?重点研发计划/.exec(title);
  return m ? `${m[1]}重点研发计划` : null;
}
/** The name of a special project in quotes: “…”, 「…」 (a repost in traditional script), 『…』, "…". (Not an NSFC 重大研究计划's: no 重点专项, as five writers of six read it.) */
export const RE_SPECIAL_PROJECT = /[“「『"]([^”」』"“「『]{2,40})[”」』"]\s*(?:重点专项|重大项目(?=\d{4}|\s*(?:（|\(|以下|实施方案|项目申报|申报指南)))/;
/** A provincial call's 专项 named in its title without quotes (`福建省2026年度港澳台及国际科技合作专项项目申报指南`). */
// (Without the province and its plan before it: `2025年度云南省科技计划国际科技合作专项` → 国际科技合作.)
export const RE_TITLE_SPECIAL_PROJECT = /\d{4}\s*年度(?:第[一二三四五六七八九十\d]+批)?(?:[\u4e00-\u9fff]{2,7}?(?:省|市|自治区))?(?:科技计划)?([\u4e00-\u9fff]{2,24}?)(?:重点)?专项(?:项目)?(?:申报)?指南/;
export const RE_TITLE_SENTENCE =
  /((?:国家重点研发计划|国家自然科学基金|国家科技重大专项)?[“「『"][^”」』"]{2,40}[”」』"]\s*(?:重点)?专项\d{4}年度(?:第[一二三四五六七八九十\d]+批)?(?:项目)?申报指南)/;
export const RE_YEAR = /((?:19|20)\d{2})\s*年度/;
/** A year of the Republic of China's count (`民国115年度` is 2026), as Taiwan-side texts print it. */
export const RE_ROC_YEAR = /民国\s*(\d{2,3})\s*年度/;
/** A year in a title without 度 (`2026年项目申报指南`, `2026年第一批…`): the title's only. */
export const RE_TITLE_YEAR = /((?:19|20)\d{2})\s*年(?!\s*\d{1,2}\s*月)/;
/** A year written in Chinese digits (`二〇二五年度`, `二零二六年`): the year, or null. */
export function cjkYear(text: string): number | null {
  const m = /([一二][〇○零一二三四五六七八九]{3})\s*年/.exec(text);
  if (!m) return null;
  const digits = [...m[1]!].map((c) => '〇○零一二三四五六七八九'.indexOf(c)).map((i) => (i <= 2 ? 0 : i - 2));
  const year = Number(digits.join(''));
  return year >= 1990 && year <= 2099 ? year : null;
}

/** A funding total in Chinese numerals (`国拨经费总概算七千八百万元`), where none is in digits. */
export function findCjkFundingTotal(text: string): Hit<Money> | null {
  const lead = new RegExp(FUNDING_TOTAL_LEAD, 'g');
  for (const m of text.matchAll(lead)) {
    const at = m.index + m[0].length;
    const money = cjkMoney(text.slice(at, at + 24));
    if (money && money.index <= 3) return { value: money.value, index: at + money.index, length: money.length };
  }
  return null;
}
export const RE_BATCH = /第([一二三四五六七八九十\d]+)批/;
export const RE_DRAFT = /征求意见稿/;

/**
 * A figure stated once for each direction of a group (`以下方向每个方向拟支持项目数5个`, `每个方向国拨
 * 经费均为1500万元`, `各方向拟支持项目数均为3个`): the words before it. Read from the text a group
 * states before its directions.
 */
// (Also a group's field that says it is each direction's: `拟支持项目数：每个方向1～2项`.)
// (A key programme's group counts its tasks so: `每个任务拟支持1项`.)
const RE_EACH_DIRECTION_COUNT = /(?:(?:每个|各|每一)(?:指南)?(?:方向|任务)[^。；\n]{0,8}?拟?支持项目(?:数)?|拟支持项目数)(?:均|各)(?:为)?|(?:每个|各|每一)(?:指南|研究)?(?:方向|任务)(?:均)?(?:原则上)?拟?(?:支持|资助)(?:项目(?:数)?)?(?:均)?(?:为)?|(?:拟支持|拟资助)?项目数[：:]\s*(?:每个|各|每一)(?:指南)?(?:方向|任务)(?:均)?(?:为)?/;
const RE_EACH_DIRECTION_FUNDING = /(?:每个|各|每一)(?:指南)?方向[^。；\n]{0,16}?(?:国拨经费|拟支持经费|支持经费|经费)(?:均)?(?:为|约为)?|(?:国拨经费|拟支持经费|支持经费)均为|(?:国拨经费|拟支持经费|支持经费|资助经费)[：:]\s*(?:每个|各|每一)(?:指南)?方向(?:均)?(?:为|约为)?/;

/** The count each direction of a group gets, from the group's text: the hit's index and length in `text`. */
export function eachDirectionCount(text: string): Hit<{ value: number; qualifier: Qualifier; min?: number }> | null {
  const m = RE_EACH_DIRECTION_COUNT.exec(text);
  if (!m) return null;
  const at = m.index + m[0].length;
  const hit = parseCount(text.slice(at, at + 16));
  return hit && hit.index <= 1 ? { ...hit, index: at + hit.index } : null;
}

/** The funding each direction of a group gets, from the group's text. */
export function eachDirectionFunding(text: string): Hit<Money> | null {
  const m = RE_EACH_DIRECTION_FUNDING.exec(text);
  // (`每个方向拟支持1项，每项国拨经费不超过300万元`: what each project gets, a cap, not the direction's.)
  if (!m || /每项|每个项目|单个项目|单项/.test(m[0])) return null;
  // (Never after a clause of its own where the sentence counts the group's directions or projects
  // first: `本部分部署2个青年科学家项目方向，拟支持…4项，每个方向拟支持2项，拟安排国拨经费1200万元`
  // states the group's money, each direction's count only.)
  const before = text.slice(Math.max(0, text.lastIndexOf('。', m.index) + 1), m.index);
  if (/[，,]/.test(m[0]) && /部署\s*(?:\d+|[一二三四五六七八九十]{1,3})\s*个|(?:\d+|[一二三四五六七八九十]{1,3})\s*个[^，,。；]{0,12}方向|拟支持[^，,。；]{0,12}?\d+\s*[项个]/.test(before)) return null;
  const at = m.index + m[0].length;
  const hit = parseMoney(text.slice(at, at + 24));
  return hit && hit.index <= 1 ? { ...hit, index: at + hit.index } : null;
}

/** A direction's figures given without labels: what `bareFigures` reads. */
export interface BareFigures {
  readonly count?: Hit<{ value: number; qualifier: Qualifier; min?: number }>;
  readonly money?: Hit<Money>;
  readonly duration?: Hit<DurationValue>;
}

/** Words that may lead a figure of a bracket: what it is, without a colon (`拟支持4项`, `国拨经费1200万元`). */
const RE_FIGURE_LEAD = /^(?:拟支持|拟资助|支持|资助|共|国拨经费|经费|实施周期|执行期|周期)?(?:共|为|约为)?/;

/** One part of a bracket read as a count, an amount or a period, where the whole part is that. */
function bareFigure(part: string, at: number): BareFigures | null {
  const lead = RE_FIGURE_LEAD.exec(part)![0].length;
  const rest = part.slice(lead);
  if (rest === '') return null;
  const whole = (h: { index: number; length: number } | null): boolean => h !== null && h.index === 0 && h.length === rest.length;
  if (!/[万亿元年月]/.test(rest)) {
    const c = parseCount(rest);
    if (c && whole(c) && /[个项家]|个项目$/.test(rest)) return { count: { ...c, index: at + lead } };
    return null;
  }
  if (/元/.test(rest) && !/每|单个|[/／]/.test(part)) {
    const m = parseMoney(rest);
    if (m && whole(m)) return { money: { ...m, index: at + lead } };
    return null;
  }
  const d = parseDurationValue(rest);
  if (d && whole({ index: d.index, length: d.length + d.index })) return { duration: { ...d, index: at + lead + d.index } };
  return null;
}

/**
 * A direction's figures given without their labels: in a bracket that holds two of them or more and
 * nothing else, in any order (`（拟支持4项，1200万元，3年）`, `（3年，拟支持2项，500万元）`), or each value
 * followed by its label in brackets (`不超过4项（拟支持项目数），约1000万元（国拨经费），36个月（实施周期）`).
 * Offsets into `text`.
 */
export function bareFigures(text: string): BareFigures {
  for (const b of text.matchAll(/[（(]([^（）()]{3,60})[）)]/g)) {
    const inner = b[1]!;
    const found: { -readonly [K in keyof BareFigures]: BareFigures[K] } = {};
    let n = 0;
    let ok = true;
    let at = b.index + 1;
    for (const part of inner.split(/[，,；;、]/)) {
      const lead = part.length - part.trimStart().length;
      const figure = part.trim() === '' ? null : bareFigure(part.trim(), at + lead);
      at += part.length + 1;
      if (!figure) {
        ok = false;
        break;
      }
      const key = Object.keys(figure)[0] as keyof BareFigures;
      if (found[key]) {
        ok = false;
        break;
      }
      Object.assign(found, figure);
      n++;
    }
    if (ok && n >= 2) return found;
  }
  // Each value with its label after it in brackets.
  const glossed: { -readonly [K in keyof BareFigures]: BareFigures[K] } = {};
  for (const g of text.matchAll(/(?<=^|[，,；;。：:\s])([^，,；;。：:（）()\s]{1,16})[（(]([\u4e00-\u9fff]{2,8})[）)]/g)) {
    const role = roleOf(g[2]!);
    if (role !== 'projectCount' && role !== 'funding' && role !== 'duration') continue;
    const figure = bareFigure(g[1]!, g.index);
    if (!figure) continue;
    const key = Object.keys(figure)[0] as keyof BareFigures;
    const wanted = role === 'projectCount' ? 'count' : role === 'funding' ? 'money' : 'duration';
    if (key === wanted && !glossed[key]) Object.assign(glossed, figure);
  }
  return glossed;
}
