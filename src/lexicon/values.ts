/**
 * Values a direction prints without their labels, one to a paragraph, known by their shape: a line
 * that is only a count (`不超过6项`), only an amount (`1500万元人民币`), only a period (`2～3年`,
 * `2026年10月至2029年9月`), only the titles of agreements (`《…协定》《…纪要》`), or only a list of
 * short topics (`绿色氢能；智能制造；生物经济`). A guideline that states once that its directions list
 * their fields in a fixed order without labels (`依次列出合作协议、领域方向、拟支持项目数…，不再标注栏目
 * 名称`) prints them so. Each row: the role, the label that role is read under, and the shape of the
 * whole paragraph. A new shape is a row here.
 */
import type { FieldRole } from './fields.js';
import { CJK_NUMERAL, NUMBER, POST, PRE } from './numbers.js';

const FIGURE = `(?:${NUMBER}|${CJK_NUMERAL})`;
const RANGE = `${FIGURE}(?:\\s*(?:[～~\\-－—–]{1,2}|至|到)\\s*${FIGURE})?`;
/** A hedge or a sum's word, then a bound before a figure (`原则上不超过`, `一般为`, `共计约`): the bounds are `numbers.ts`' qualifiers. */
const BEFORE = `(?:原则上|一般为?|共计?|合计|总计)?\\s*${PRE}\\s*`;
const AFTER = `\\s*${POST}`;
const END = '[。；;]?$';
/** A month as printed in a span: `2026年10月`, `2026.10`. */
const MONTH = '\\d{4}\\s*(?:年\\s*\\d{1,2}\\s*月|[.．/／-]\\s*\\d{1,2})';
/** One topic of a list: short, with a CJK character, no sentence in it. */
const TOPIC = '(?=[^；;、，,]*[\\u4e00-\\u9fff])[^。：:！？!?《》；;、，,\\n]{2,20}';

export const BARE_VALUES: ReadonlyArray<{ readonly role: FieldRole; readonly label: string; readonly shape: RegExp }> = [
  { role: 'agreement', label: '合作协议', shape: /^(?:《[^《》\n]{2,80}》\s*[、，,；;和及与]?\s*)+$/ },
  { role: 'projectCount', label: '拟支持项目数', shape: new RegExp(`^(?:拟支持|拟资助|支持)?${BEFORE}${RANGE}\\s*(?:个项目|项|个)${AFTER}${END}`) },
  { role: 'funding', label: '国拨经费', shape: new RegExp(`^${BEFORE}(?:人民币)?\\s*${NUMBER}(?:\\s*(?:[～~\\-－—–]|至)\\s*${NUMBER})?\\s*(?:千万|百万|万|亿)?元(?:人民币)?${AFTER}${END}`) },
  { role: 'duration', label: '实施周期', shape: new RegExp(`^(?:${BEFORE}${RANGE}\\s*(?:年|个月)${AFTER}|${MONTH}\\s*(?:[～~\\-－—–]{1,2}|至|到)\\s*${MONTH})${END}`) },
  // (After the figures' rows: a list is a domain list only beside values known by their figures.)
  { role: 'domains', label: '领域方向', shape: new RegExp(`^${TOPIC}(?:[；;、，,]\\s*${TOPIC}){1,11}(?:等(?:领域|方向)?)?${END}`) },
];

/** The longest paragraph read as a value (an agreement's title or two, a list of twelve topics). */
const MAX_VALUE = 200;

/** Words that make a list a sentence about applicants or results, never topics. */
// (Nor a clause of figures: `发表论文不少于10篇，申请发明专利`; a topic's digits name something, `5G`, `3D打印`.)
// (Nor a sentence's words wrapped onto a line, `平线欧洲项目的正式合作伙伴，项目实施周期`: a phrase with 的,
// a field's own words.)
const RE_NOT_TOPICS = /须|应当|鼓励|优先|不得|要求|申报|申请|单位|拟|每个|不少于|不超过|不低于|优于|达到|的|周期|期限|经费|项目数|\d(?![\dA-Za-z])/;

/** One topic alone (`农业`): a list of one, known as domains only between other values. */
const RE_ONE_TOPIC = new RegExp(`^${TOPIC}(?:等(?:领域|方向))?${END}`);

/**
 * The role of a paragraph that is wholly one value printed without its label, or null. `weak`: a
 * single topic, which the caller takes for domains only where values known by their shape follow.
 */
export function bareValueOf(text: string): { role: FieldRole; label: string; weak: boolean } | null {
  const t = text.trim();
  // (No value is long: a paragraph of prose is none, and is not scanned.)
  if (t.length < 2 || t.length > MAX_VALUE) return null;
  for (const row of BARE_VALUES) {
    if (!row.shape.test(t)) continue;
    if (row.role === 'domains' && RE_NOT_TOPICS.test(t)) return null;
    return { role: row.role, label: row.label, weak: false };
  }
  if (t.length <= 12 && RE_ONE_TOPIC.test(t) && !RE_NOT_TOPICS.test(t)) return { role: 'domains', label: '领域方向', weak: true };
  return null;
}
