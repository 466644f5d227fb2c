/** Formatting of values for messages and reports (shared by `validate`, `report` and `diff`). */
import { ownEntry } from './own.js';

/** Whole yuan in the units the documents use: `4.02亿元`, `800万元`, `1234元`. */
export function formatYuan(cny: number): string {
  if (Math.abs(cny) >= 1e8 && cny % 1e4 === 0) return `${cny / 1e8}亿元`;
  if (cny % 1e4 === 0) return `${cny / 1e4}万元`;
  return `${cny}元`;
}

const QUALIFIER_PREFIX = { exact: '', about: '约', atMost: '不超过', atLeast: '至少' } as const;
export type QualifierName = keyof typeof QUALIFIER_PREFIX;

export function qualifierPrefix(q: QualifierName): string {
  return QUALIFIER_PREFIX[q];
}

/** `2–3年`, `不超过4年`, `3年`. */
export function formatDuration(d: { minYears: number | null; maxYears: number | null; qualifier: QualifierName }): string {
  if (d.minYears !== null && d.maxYears !== null && d.minYears !== d.maxYears) return `${d.minYears}–${d.maxYears}年`;
  return `${QUALIFIER_PREFIX[d.qualifier]}${d.maxYears ?? d.minYears}年`;
}

/** A direction's flags as the reports, the export and the diff name them, in this order. */
export const FLAG_LABELS = [
  ['jointApplication', '须双方申报'],
  ['matchingFunds', '须配套出资'],
  ['ipAgreement', '须知识产权协议'],
  ['companyRequired', '须有企业'],
  ['placeholders', '含待定内容'],
] as const;

/** How a hedged duration is printed (`原则上3年`). */
export const HEDGE_WORDS = { inPrinciple: '原则上', usually: '一般' } as const;

/** What each check code means, in the reports' language; the code itself stays beside it. */
const CHECK_TITLES: Readonly<Record<string, string>> = {
  'direction-count-mismatch': '方向数与文中所述不符',
  'partner-count-mismatch': '合作方数与文中所述不符',
  'partner-unrecognised': '合作方未识别',
  'project-total-mismatch': '项目数合计与文中所述不符',
  'funding-total-mismatch': '经费合计与文中所述不符',
  'per-project-cap-exceeded': '经费超出单项上限之和',
  'field-missing': '缺少字段',
  'duration-inherited': '沿用指南默认实施周期',
  placeholder: '含待定内容',
  'numbering-gap': '编号缺号',
  'direction-range': '一个标题涵盖多个方向',
  'numbering-duplicate': '编号重复',
  'numbering-rollover': '编号进位（如1.9后为2.0）',
  'numbering-start': '编号不从1开始',
  'fields-unlabelled': '字段未标注名称，按数值形式读取',
  'title-inferred': '标题由正文推断',
  'title-missing': '未找到标题',
  'status-unknown': '无法判断稿件状态',
  'value-implausible': '数值不合常理，未采用',
  'value-unreadable': '字段中未读出数值',
  'figure-shared': '数值为多个方向合计，未计入单个方向',
  'count-unspecified': '项目数未定（若干）',
  'label-unknown': '未知字段标签',
  'text-unassigned': '未归入任何字段的文字',
  'inherited-contradicted': '与指南统一规定不一致',
  'ocr-low-confidence': '扫描页上识别的数值或文字存疑',
  'ocr-garbled-number': '扫描页上形似编号或数字的内容识别有误',
  'ocr-ambiguous-dash': '扫描页上的“一”可能是破折号',
  'ocr-confusable': '扫描页上的字可能是形近字误识',
  'cap-per-year': '每个项目的经费上限按年写明',
  'page-not-read': '扫描页未读取（未启用OCR）',
  'funding-per-project': '仅写明每项经费，无方向合计',
  'field-repeated': '同一字段出现两次',
  'value-invalid': '数值无法写入输出，已略去',
  'direction-withdrawn': '标明删除的方向（不计入），或注明发布后已取消、本批次不受理的方向（保留）',
  'call-parties-inherited': '各方向沿用通知所述合作方和协议',
  'reference-resolved': '按所引附件读取',
  'value-corrected': '按文末更正采用更正后的数值',
};

const SEVERITY_TITLES = { error: '错误', warning: '警告', info: '提示' } as const;

/** What a check code means (`经费合计与文中所述不符`), null for a code without a title. */
export function checkTitle(code: string): string | null {
  return CHECK_TITLES[code] ?? null;
}

/** `警告：经费合计与文中所述不符（funding-total-mismatch）`; an unknown code is shown as it is. */
export function formatCheckTitle(c: { code: string; severity?: keyof typeof SEVERITY_TITLES }): string {
  const title = CHECK_TITLES[c.code];
  const what = title ? `${title}（${c.code}）` : c.code;
  return c.severity ? `${SEVERITY_TITLES[c.severity]}：${what}` : what;
}

const FIELD_ZH: Readonly<Record<string, string>> = {
  agreements: '合作协议',
  domains: '领域方向',
  projectCount: '拟支持项目数',
  funding: '拟支持经费',
  duration: '实施周期',
  partners: '合作方',
  researchContent: '研究内容',
  indicators: '考核指标',
  keywords: '关键词',
};

const quote = (v: unknown): string => {
  const t = String(v ?? '').replace(/\s+/g, ' ');
  return `“${t.length > 40 ? `${t.slice(0, 40)}…` : t}”`;
};
const money = (v: unknown): string => (typeof v === 'number' ? formatYuan(v) : String(v ?? ''));

/**
 * Where a check's words stand, for its message: the field they are in (`其他要求`; null outside a
 * field, `标题` in a direction's title) and the words around them as the text has them.
 */
export interface CheckContext {
  readonly field?: string | null;
  readonly excerpt?: string | null;
  /** The partners the direction titles name (`partner-count-mismatch`). */
  readonly partners?: readonly string[];
  /** How many directions a partial sum covers (only those that state the figure); null: all. */
  readonly counted?: number | null;
  /** `ocr-low-confidence`: the doubtful character (the excerpt holds the words around it). */
  readonly char?: string | null;
}

/** A check, as much of it as its message reads. */
type MessageCheck = { code: string; directionId: string | null; stated: string | number | null; computed: string | number | null; message: string; span?: { readonly page: number | null } | null };

/** What a check's Chinese message is made of: the check, its figures, and where its words stand. */
interface MessageParts {
  readonly c: MessageCheck;
  /** The check's `stated` figure. */
  readonly s: string | number | null;
  /** The check's `computed` figure. */
  readonly k: string | number | null;
  readonly context: CheckContext;
  /** `方向1.1：`, for a check on a direction. */
  readonly at: string;
  /** `拟支持项目数中`: the field the words stand in, where it is not the title. */
  readonly inField: string;
  /** What a sum was taken over: every direction, or those that state the figure. */
  readonly partial: string;
}

/** `（第3页）`: the page a check's words are on, where it is known. */
const onPage = (c: MessageCheck): string => (c.span?.page ? `（第${c.span.page}页）` : '');

/** Each check code's Chinese message (a code without one keeps its English message). */
const CHECK_MESSAGES: Readonly<Record<string, (m: MessageParts) => string>> = {
  'funding-total-mismatch': ({ s, k, context, partial }) => {
    const gap = typeof s === 'number' && typeof k === 'number' && context.counted == null ? (s > k ? `（${money(s - k)}未分到方向）` : `（超出${money(k - s)}）`) : '';
    return `文中所述国拨经费合计${money(s)}，${partial}${money(k)}${gap}`;
  },
  'project-total-mismatch': ({ s, k, partial }) => `文中所述拟支持项目数${s}个，${partial}${k}个`,
  'direction-count-mismatch': ({ s, k }) => `文中所述指南方向${s}个，实际编号的方向${k}个`,
  'partner-count-mismatch': ({ s, k, context }) => `文中所述合作国家和地区${s}个，各方向标题中识别出${k}个${context.partners?.length ? `（${context.partners.join('、')}）` : ''}`,
  'per-project-cap-exceeded': ({ s, k, at }) => `${at}经费${money(s)}超过项目数乘以单项上限（${money(k)}）`,
  'field-missing': ({ k, at }) => `${at}未写明${ownEntry(FIELD_ZH, String(k)) ?? String(k)}`,
  'duration-inherited': ({ k, at }) => `${at}未写明实施周期，沿用指南统一规定（${k}）`,
  placeholder: ({ s, context, at }) => {
    const where = context.field ? `${context.field}中` : '';
    const around = context.excerpt && context.excerpt !== String(s) ? `：“…${context.excerpt}…”` : '';
    return `${at}${where}含待定内容${quote(s)}${around}`;
  },
  'numbering-gap': ({ s, k, at }) => `${at}编号${s}前缺少${k}`,
  'direction-range': ({ s, k }) => `标题“${s}”一个标题涵盖${k}个方向，本工具按一个方向读取，其字段合并了这些方向的内容，请对照原文核对`,
  'numbering-duplicate': ({ s, k, at }) => `${at}编号${s}重复或倒退（应为${k}）`,
  'numbering-rollover': ({ s, k, at }) => (at ? `${at}编号像小数一样进位（本组接下去应为${k}，不是${s}）` : `编号${s}像小数一样进位（本组接下去应为${k}）`),
  'numbering-start': ({ s, k, at }) => `${at}列表从${s}开始，而非${k}`,
  'fields-unlabelled': ({ s }) => `${s}个指南方向的字段未标注名称（每行一个数值），按各值的形式读取为合作协议、领域方向、项目数、经费或实施周期，请对照原文核对`,
  'title-inferred': ({ k }) => `无标题行，标题取自正文中的${quote(k)}`,
  'title-missing': () => '未找到标题',
  'status-unknown': () => '既无“征求意见稿”标记，也无标题行，无法判断是征求意见稿还是正式稿',
  'value-implausible': ({ s, at, inField }) => `${at}${inField}${quote(s)}读出的数值不合常理，未采用`,
  'value-unreadable': ({ s, at, inField }) => `${at}${inField}${quote(s)}读不出数值`,
  'figure-shared': ({ s, at, inField }) => `${at}${inField}${quote(s)}是与其他方向合计的数值，未计为本方向的数值，请对照原文核实`,
  'count-unspecified': ({ s, at }) => `${at}拟支持项目数未定（${quote(s)}）`,
  'label-unknown': ({ s, at }) => `${at}未知的字段名${quote(`${s}：`)}，其文字保留在“其他文字”中`,
  'text-unassigned': ({ s, at }) => `${at}未归入任何字段的文字：${quote(s)}`,
  'partner-unrecognised': ({ s, k, at }) => (k ? `${at}标题中的${quote(k)}不是已知的国家、地区或国际组织` : `${at}标题${quote(s)}中未识别出国家、地区或国际组织`),
  'field-repeated': ({ s, k, at }) => `${at}字段重复出现：${quote(s)}，采用第一次出现的${quote(k)}`,
  'funding-per-project': ({ s, at }) => `${at}只写明每个项目的经费${quote(s)}，未写明本方向经费合计`,
  'inherited-contradicted': ({ s, k, at, inField }) => `${at}本方向${inField}所写${quote(s)}与指南统一规定${quote(k)}不一致`,
  'value-invalid': ({ s, k, at }) => `${at}${quote(s)}不符合输出格式（${k}），已略去，请对照原文`,
  'reference-resolved': ({ s, k, at }) => `${at}${quote(s)}按所引附件读取为${k}`,
  'value-corrected': ({ s, k, at }) => {
    // (A correction that deletes an item: nothing it is corrected to.)
    if (k === null) return `${at}文末更正删除${quote(s)}，已略去该条`;
    return `${at}文末更正：${quote(s)}更正为${quote(k)}，已采用更正后的数值`;
  },
  'call-parties-inherited': ({ s }) => `各方向均未写明合作方，沿用指南开头所述的${quote(s)}`,
  'direction-withdrawn': ({ s, k, at }) => {
    // (`computed` names what withdrew it: a correction printed after the directions, or the draft's own mark.)
    if (k === 'correction') return `方向${quote(s)}已被文末更正删除，不计入指南方向（其文字仍保留在原文结构中）`;
    // (A note that the published direction was cancelled later: kept, its values as printed.)
    if (k === 'note') return `${at}注明发布后已取消（${quote(s)}），仍计入指南方向，其数值按原文保留，请核实`;
    // (A direction printed but closed to applications in this batch: kept, its values as printed.)
    if (k === 'deferred') return `${at}标明${quote(s)}，本批次不接受申报；仍计入指南方向，其数值按原文保留，请核实`;
    if (k === 'struck') return `方向${quote(s)}所在表格行在本稿中整行以删除线删去，不计入指南方向（已记入删除文字）`;
    return `方向${quote(s)}在本稿中标明删除，不计入指南方向（其文字仍保留在原文结构中）`;
  },
  'page-not-read': ({ s }) => `第${s}页没有文字层（扫描页），因关闭了OCR而未读取`,
  'ocr-low-confidence': ({ c, s, k, context, at }) => {
    const which = context.char ? `“${context.char}”` : '有字符';
    const around = context.excerpt ? `（${quote(context.excerpt)}中）` : '';
    return `${at}${quote(s)}${onPage(c)}由OCR从扫描页识别，其中${which}${around}置信度仅为${k}，请对照原件核实`;
  },
  'ocr-ambiguous-dash': ({ c, s, k, at }) => `${at}${quote(s)}${onPage(c)}中“${k}”的“一”可能是破折号“—”（OCR常将“—”识别为“一”），请对照原件核实`,
  'cap-per-year': ({ s, k, at }) =>
    typeof k === 'number' ? `${at}经费上限按年写明（${quote(s)}），按实施周期最多年数折算为每个项目不超过${money(k)}` : `${at}经费上限按年写明（${quote(s)}），未写明实施年数，未给出每个项目的上限`,
  'ocr-confusable': ({ c, s, k, at }) => `${at}${quote(s)}${onPage(c)}由OCR识别，仅此一处；本文其他处写作${quote(k)}，可能是形近字误识，请对照原件核实`,
  'ocr-garbled-number': ({ c, s, at }) => `${at}${quote(s)}${onPage(c)}形似编号或数字，但OCR识别结果含字母或缺括号，请对照原件核实`,
};

/**
 * A check's message in Chinese, from its code and figures (the English `message` stays in the JSON
 * for tools and developers). Every code the stages emit has a sentence here; a test keeps it so.
 * With `context`, a check on words in the text says the field and the words around them, so that
 * two checks of one kind in one direction never read alike.
 */
export function checkMessageZh(c: MessageCheck, context: CheckContext = {}): string {
  const message = ownEntry(CHECK_MESSAGES, c.code);
  if (!message) return c.message;
  return message({
    c,
    s: c.stated,
    k: c.computed,
    context,
    at: c.directionId ? `方向${c.directionId}：` : '',
    inField: context.field && context.field !== '标题' ? `${context.field}中` : '',
    partial: context.counted ? `写明的${context.counted}个方向已合计` : '各方向合计',
  });
}
