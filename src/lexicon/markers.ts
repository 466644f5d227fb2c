/**
 * Numbered markers at the start of a paragraph. The syntax is recognised here; what a marker means
 * (a document part, a guideline direction, a list level) is decided by `segment` from context.
 */
import { parseCjkNumber } from './chars.js';
import { fieldLabelAt, numberedLabelAt } from './fields.js';

export type MarkerType =
  /** `一、` — a document part, or a list level inside a direction. */
  | 'cjk-comma'
  /** `1.1`, `2.0` — a guideline direction. */
  | 'decimal'
  /** `1.1.1` — a direction under `1.1` groups (NSFC-style three levels). */
  | 'decimal3'
  /** `（一）` */
  | 'paren-cjk'
  /** `（1）` */
  | 'paren-arabic'
  /** `1.` / `1．` */
  | 'arabic-dot'
  /** `1、` */
  | 'arabic-comma'
  /** `1）` / `1)` */
  | 'arabic-paren'
  /** `①` */
  | 'circled'
  /** `a.`, `B.`, `（c）` — a list item lettered in Latin (never a direction). */
  | 'latin'
  /** `方向一：`, `方向3`, `任务二、` — a direction (or task) named by a word and a number. */
  | 'direction-word'
  /** `第一部分`, `第二章`, `第三篇` — a document part named by a word. */
  | 'part-word'
  /** `Ⅰ．`, `Ⅱ、` — a part numbered in Roman numerals (inside a `一、` part, or at the top). */
  | 'roman'
  /** `合作协议：` — a field label of a direction. */
  | 'field';

/** The words a call's title names itself by: a guideline, a notice (MIIT, NSFC), a task list. */
// (`…项目征集指引`: a Hong Kong side's call names its guideline so.)
export const CALL_TITLE_WORDS = ['指南', '通知', '榜单', '通告', '公告', '指引'] as const;
/** A call's title word anywhere in a line. */
export const RE_CALL_TITLE_WORD = new RegExp(CALL_TITLE_WORDS.join('|'));
/** A line that ends with a call's title word (`…项目申报指南`), its batch in brackets after it too (`…项目指南（第一批）`). */
export const RE_CALL_TITLE_END = new RegExp(`(?:${CALL_TITLE_WORDS.join('|')})(?:[（(]第[一二三四五六七八九十\\d]{1,3}批[）)])?$`);

/** A line that names a file (`1.内地与澳门联合资助研发项目申报书（内地部分）.docx`, a page's list of attachments): no heading, whatever number it has. */
export const RE_FILE_NAME_LINE = /\.(?:docx?|wps|pdf|xlsx?|et|ofd|zip|rar|7z|txt|pptx?)\s*$/i;

/** A line that only names an attachment (`附件1`, `附件 2：`, `附件一`): an attachment starts below it. */
export const RE_ATTACHMENT_LINE = /^附件\s*[\d一二三四五六七八九十]{0,3}\s*[：:]?$/;

/**
 * A notice's line over the guideline it carries as text (`附：指南原文`, `附件1：全文`; a separator
 * a repost draws, `—— 指南全文 ——`, `【指南原文】`, `指南全文如下：`): an attachment starts below it.
 */
export const RE_ATTACHED_TEXT_LINE = /^(?:附(?:件\s*[\d一二三四五六七八九十]{0,3})?\s*[：:]\s*(?:指南)?(?:原文|全文|正文|文本)?|[—\-－–=＝*＊★☆■●◆·•【〔\[\s]*(?:指南(?:原文|全文|正文)|全文|原文)(?:如下)?[—\-－–=＝*＊★☆■●◆·•】〕\]\s]*[：:]?)$/;

/**
 * The marker type of the list number a line starts with (`（2）`, `2.`, `2）`, `②`), whatever follows
 * it (a field's label too: `（2）拟支持项目数…` is an item of 有关说明), or null.
 */
export function itemNumberType(text: string): MarkerType | null {
  if (/^[（(]\d{1,2}[）)]/.test(text)) return 'paren-arabic';
  if (/^\d{1,2}[.．、](?![\d.．])/.test(text)) return 'arabic-dot';
  if (/^\d{1,2}[)）]/.test(text)) return 'arabic-paren';
  if (/^[\u2460-\u2473]/.test(text)) return 'circled';
  return null;
}

/**
 * The number a line opens with, as printed, a numbered label's too (`二、申报要求：…`, which
 * `matchMarker` reads as the label): that number's marker, or null.
 */
export function leadingNumber(text: string): Marker | null {
  const lead = RE_LEADING_NUMBER.exec(text);
  return lead ? matchMarker(lead[0]) : null;
}
const RE_LEADING_NUMBER = /^\s*(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[.．、](?!\d))/;

/**
 * Revision marks a draft prints after a direction's title (`…项目（新增）`), by what they say of it.
 * None is part of the title. A direction marked withdrawn (`（删除）`, its fields still printed for
 * the reviewers) is not one of the call's directions.
 */
export const REVISION_MARKS = {
  added: ['新增', '增加'],
  changed: ['调整', '修改', '合并', '拆分'],
  // (A final version that keeps a draft's direction, with its number, as not published this time.)
  withdrawn: ['删除', '删去', '拟删除', '取消', '撤销', '不再设立', '暂不发布', '本方向暂不发布', '本年度暂不发布', '本批次暂不发布', '暂缓发布', '暂不设立', '本年度不设立'],
  // (Printed with its fields, but not open to applications in this batch: a direction of the call,
  // its values as printed, and a check that says so.)
  deferred: ['本批次不受理', '本批不受理', '本批次暂不受理', '本批暂不受理', '暂不受理', '暂缓受理', '暂缓申报', '本年度不受理', '本批次不接受申报'],
} as const;
const ALL_REVISION_MARKS = Object.values(REVISION_MARKS).flat();
/** A revision mark at the end of a title. */
export const RE_REVISION_MARK = new RegExp(`[（(](?:${ALL_REVISION_MARKS.join('|')})[）)]$`);
/** A mark that withdraws the direction. */
export const RE_WITHDRAWN_MARK = new RegExp(`[（(](?:${REVISION_MARKS.withdrawn.join('|')})[）)]$`);
/** A mark that keeps the direction printed but closed in this batch (`（本批次不受理）`). */
export const RE_DEFERRED_MARK = new RegExp(`[（(](${REVISION_MARKS.deferred.join('|')})[）)]$`);
/**
 * A note under a direction's heading that it was withdrawn after publication (a policy database's
 * `（注：本指南方向已取消，详见本篇题注。）`): by the same words as the marks.
 */
// (Or a bracket that cites the later notice first: `（根据《…的通知》（琼科〔2026〕52号），本方向2026年度取消，
// 不再受理申报。）`.)
export const RE_WITHDRAWN_NOTE = new RegExp(
  `^[（(【]?(?:(?:编者)?注[：:】]|(?:根据|按照|依据)[^，。；]{2,80}?[，,])\\s*(?:该|本)(?:指南|项目|研究|申报)?方向(?:\\d{4}年度?)?(?:已|现已|已经|已被|予以)?(?:${REVISION_MARKS.withdrawn.join('|')}|撤回|停止(?:申报|实施)|不再(?:支持|受理))`,
);

/**
 * A part that lists the call's directions: `重点资助研究方向`, `资助研究方向`, `揭榜任务`, `任务清单`, a
 * 课题指南's `选题条目`.
 */
export const RE_DIRECTIONS_PART = /(?:资助|研究|指南|支持|申报|项目|选题)方向|选题条目|(?:课题|指南|参考)条目|参考选题|揭榜任务|任务清单|榜单|(?:研究|资助|征集|合作|支持)领域$/;

/** The call's plan, stated once for all its directions (`二、资助计划`): a section title, after its marker. */
export const RE_CALL_PLAN = /^(?:资助计划|资助安排|资助方式|支持方式|支持计划|经费安排|项目安排|资助强度(?:与|和|及)?(?:期限)?)$/;
/**
 * What a direction described in prose states (`（一）与德国科学基金会的合作研究项目。…拟资助不超过15项，
 * 资助强度不超过200万元/项，资助期限为3年。`): how many projects it funds, and how much or how long.
 * An item that states both is a direction, whatever its part is called.
 */
export const RE_PROSE_COUNT = /(?:拟|计划|预计)(?:资助|支持|立项|择优支持|择优资助|遴选|部署)[^。；;，,]{0,8}?(?:约|不超过|不少于|原则上不超过)?\s*[\d一二三四五六七八九十]+\s*(?:～|~|-|—|至)?\s*\d*\s*(?:项|个项目|个)/;
export const RE_PROSE_MEASURE = /资助强度|万元\s*[/／]\s*项|每项|每个项目|资助期限|实施周期|执行期|资助(?:总)?经费|国拨经费|拟安排经费/;

/**
 * A section comparing the call with an earlier one (`六、与2026年度相比的主要变化`, `修订说明`): its
 * figures are the earlier call's or the change's, never this call's.
 */
// (Or a final version's notes on its draft, a heading of its own: `附：本指南与征求意见稿相比的主要变化`, `变更说明`.)
export const RE_COMPARISON_PART = /^(?:附[：:]\s*)?(?:本指南)?(?:(?:(?:与|较|同)[^，。；：:]{0,12}(?:年度|上年|上一年|上批|上一批|去年|原指南|征求意见稿|上一稿|草案)[^，。；：:]{0,6}?(?:相比|对比|比较)?(?:的)?(?:主要)?(?:变化|调整|变动|变更|修改|区别|不同)(?:情况|说明)?|(?:主要)?(?:变化|修订|调整|变更)(?:情况)?说明|主要变化))$/;

/** A section listing a call's areas (`一、资助领域`), after its marker. */
export const RE_CALL_AREAS = /^(?:资助|征集|合作|支持|研究)领域$/;
/** A section of a call's requirements of applications (`四、申请要求`), after its marker. */
export const RE_CALL_REQUIREMENTS = /^(?:申请要求|申报要求|申请条件及要求|申报要求及说明)$/;

/** A draft's note comparing with an earlier call, a paragraph of its own: `（与2024年度相比：新增方向。）`, `〔对比说明：延续支持方向。…〕`. */
export const RE_COMPARISON_NOTE = /^(?:[（(](?:与|较|同)[^）)：:]{0,14}(?:年度|上年|上一年|上批|上一批|去年|原指南)[^）)：:]{0,8}[：:][\s\S]*[）)]|[〔［\[【](?:对比说明|比较说明|修改说明|修订说明|变化说明|调整说明|说明)[：:][\s\S]*[〕］\]】])$/;

export interface Marker {
  readonly type: MarkerType;
  /** The marker as printed, e.g. `（1）`, `1.1`, `领域方向：`. */
  readonly text: string;
  /** Length of the marker and the spaces after it, in code units. */
  readonly length: number;
  /** Numeric value (`（三）` → 3). For `decimal`: major * 100 + minor. For `field`: 0. */
  readonly value: number;
  /** For `decimal`: the printed id (`2.0`). For `field`: the label (`领域方向`). */
  readonly key: string;
  /** For a `decimal` heading over a range of directions (`1.3—1.5 中国和北欧国家合作项目`): the range's last value. */
  readonly rangeTo?: number;
}

const CJK_NUM = '[〇零一二两三四五六七八九十百]+';
const RE_CJK_COMMA = new RegExp(`^(${CJK_NUM})、\\s*`);
const RE_PAREN_CJK = new RegExp(`^[（(](${CJK_NUM})[）)]\\s*`);
/** `指南1：`, `指南 12：` (a colon after it: never `指南2026…`). */
// (`子方向1：智慧城市…` under `方向一　…`: the sub-directions applicants choose, each a direction.)
const RE_GUIDE_ITEM = /^(?:指南|子方向)\s*(\d{1,3})\s*(?:[：:]\s*|[ \u3000]+(?=[\u4e00-\u9fff]))/;
/** `方向（一）集成电路`, `领域（二）…`: a group of a word and its number in brackets, as `（一）` is. */
const RE_WORD_PAREN_CJK = new RegExp(`^(?:方向|领域|专题|板块)\\s*[（(](${CJK_NUM})[）)]\\s*`);
const RE_PAREN_ARABIC = /^[（(](\d{1,3})[）)]\s*/;
// A direction number is followed by a title, never by a unit: `2.5亿元` is no heading.
// A title may start with a figure of its own after a space (`2.1 70MPa车载IV型储氢瓶…`, `2.2 70 MPa…`), never a unit.
// After a space, a title may start with 万 or 亿 (`1.2 万米级深海着陆器…`, as `clean` keeps that space): only
// `万元`/`亿元` and a unit itself make the number an amount there.
// (Never `0.1`: a number below one, a wrapped line's `0.1ppb/年`, numbers no direction. Nor a figure
// with its unit written close, as a wrapped line may start with one: `5.7wt%`, `1.5GPa`, `2.0T`.)
const RE_DECIMAL = /^(?!0[.．])(\d{1,2})[.．](\d{1,2})(?![\d.．%])(?:(?=[\u4e00-\u9fff“《（(A-Za-z±])(?![亿万元年个项倍月日])(?![a-zμ]|[GMkT]?(?:Pa|Hz|W)(?![A-Za-z])|[VATKNJ](?![A-Za-z]))|\s+(?=[\u4e00-\u9fff“《（(A-Za-z±])(?![亿万]元|[元年个项倍月日])|\s+(?=\d+ ?[A-Za-z\u4e00-\u9fff])(?!\d+ ?(?:[亿万元年个项倍月日%]|[A-Za-z]?[%])))/;
/**
 * `1-1 三维几何建模内核`, `2－3 …`: a two-level number written with a dash (MIIT task lists), read as
 * `1.1` (its id), with what may follow it as after `1.1`; never a range of figures (`1-2项`, `1-2年`).
 */
const RE_DASH_DECIMAL = new RegExp(`^(\\d{1,2})[-－–](\\d{1,2})(?![\\d.．%\\-－–~～])${RE_DECIMAL.source.slice(RE_DECIMAL.source.indexOf('(?![\\d.．%])') + '(?![\\d.．%])'.length)}`);
/** One heading over a range of directions: `1.3—1.5 中国和北欧国家合作项目`, `2.1～2.3 …` (the same major, a title after it). */
const RE_DECIMAL_RANGE = /^(\d{1,2})[.．](\d{1,2})\s*[—–－~～至到]\s*(\d{1,2})[.．](\d{1,2})(?![\d.．])\s*(?=[\u4e00-\u9fff“《（(])/;
/** `1.1.2A`, `1.1.2B`: a `1.1.2` direction split in two, a capital after the number, then the title. */
const RE_DECIMAL3_SPLIT = /^(\d{1,2})[.．](\d{1,2})[.．](\d{1,2})([A-F])\s*(?=[\u4e00-\u9fff“《（(])/;
// A title may start with `±800千伏…` or, after a space, a figure (`3.1.1 6G通信…`).
const RE_DECIMAL3 = /^(\d{1,2})[.．](\d{1,2})[.．](\d{1,2})(?![\d.．%])(?:\s*(?=[\u4e00-\u9fff“《（(A-Za-z±])|\s+(?=\d+ ?[A-Za-z\u4e00-\u9fff])(?!\d+ ?(?:[亿万元年个项倍月日%]|[A-Za-z]?[%])))/;
/** `a.` `b．` `c)` `d）` `（e）`: a lower-case letter before CJK text (`a. 生物医药；`), never `e.g.`. */
/**
 * `A1　中国和坦桑尼亚…`, `B4 …`: a direction coded by its category's letter and its number in it
 * (the letters naming the call's kinds of project, `A．双边…` / `B．联合实验室…`), read as a two-level
 * number (A1 as 1.1 in its checks; its id as printed). A capital letter, a number of one or two
 * digits, then Chinese text (after a space or a mark, or, as a copy squeezes it, none): never
 * `B2B平台`, `5G`, `A1级`, `G20峰会` (a word of a kind, grade or meeting after the number), nor an
 * NSFC 申请代码 wrapped to a line's start (`D07的下属代码`: a leading zero, a word of the sentence).
 */
const RE_LETTER_CODE = /^([A-Z])([1-9]\d?)(?:[ \t\u3000]+|[.．、：:][ \t\u3000]*|(?![级类型区号版座栋轮期次组项楼层栏款条章节峰国集的或和及与等]))(?=[\u4e00-\u9fff“《（(])/;
/**
 * NSFC's codes of a joint fund's directions (`A0101　青藏高原…` under `A01　强震孕育…` under `领域A`): a
 * letter and two or four digits, read as `1.1` and `1.1.1` (ids as printed); not an 申请代码 in a
 * sentence (`D04的下属代码`).
 */
const RE_AREA_CODE = /^([A-Z])(\d{2})(\d{2})?(?:[ \t\u3000]+|[.．、：:][ \t\u3000]*|(?![级类型区号版座栋轮期次组项楼层栏款条章节峰国集的或和及与等]))(?=[\u4e00-\u9fff“《（(])/;
const RE_LATIN = /^(?:[（(]([a-zA-Z])[）)]|([a-zA-Z])[.．)）、])\s*(?=[\u4e00-\u9fff“《（(])/;
// (A title that starts with a sum of numbers, `4．10+3粮食安全…` (东盟与中日韩): the item `4．`.)
const RE_ARABIC_DOT = /^(\d{1,3})[.．](?![.．]|\d(?!\d*\s*[+＋]\s*\d))\s*(?=\S)/;
const RE_ARABIC_COMMA = /^(\d{1,3})、\s*/;
// `2）275nm深紫外LED…`: after a full-width bracket a figure may start the item; after `)` a digit
// goes on a figure (`1)2`).
const RE_ARABIC_PAREN = /^(\d{1,2})(?:）|\)(?![\d%]))\s*(?=\S)/;
/** `【指南方向1.1】`, `［方向2.3］`: a `1.1` number in brackets with the word that names it. */
const RE_BRACKET_DECIMAL = /^[【\[［〔](?:指南方向|研究方向|项目方向|方向)\s*(\d{1,2})[.．](\d{1,2})(?:[.．](\d{1,2}))?[】\]］〕]\s*[：:]?\s*/;
const RE_CIRCLED = /^([\u2460-\u2473])\s*/;
/**
 * Numbers a font prints as one character: `⑴`…`⒇` (U+2474–2487) as `（1）`, `⒈`…`⒛` (U+2488–249B)
 * as `1.`, `㈠`…`㈩` (U+3220–3229) as `（一）`: each its type and value.
 */
const RE_ENCLOSED = /^([\u2474-\u249b\u3220-\u3229])\s*/;
function enclosedMarker(c: string, length: number): Marker {
  const cp = c.codePointAt(0)!;
  if (cp >= 0x3220) return { type: 'paren-cjk', text: c, length, value: cp - 0x3220 + 1, key: String(cp - 0x3220 + 1) };
  if (cp >= 0x2488) return { type: 'arabic-dot', text: c, length, value: cp - 0x2488 + 1, key: String(cp - 0x2488 + 1) };
  return { type: 'paren-arabic', text: c, length, value: cp - 0x2474 + 1, key: String(cp - 0x2474 + 1) };
}
// `Ⅰ．双边合作`, `Ⅱ、多边合作`: the Roman numeral characters (U+2160–216B), then a dot or a comma.
const RE_ROMAN = /^([\u2160-\u216b])\s*[.．、]?\s*(?=[\u4e00-\u9fff“《（(])/;
// `方向一：…`, `方向 3 …`, `揭榜任务一：…`, `榜单二：…`: a word that names a direction, then its number. Never a
// sentence that starts with the word (`方向一致`): the number must be followed by a separator, a
// space or the end of the line.
// In prose (`方向1为中国和埃及政府间联合研究项目，依据…`) `为` after the number is its separator.
// A space after the number may be gone (cleaning drops spaces next to CJK: `方向一中国和智利…`): then
// the number must not begin a word (`方向一致`, `方向一定`), nor a label of its own (`专题一联系方式：…`).
/**
 * A direction's word before a decimal number (`指南方向1.1　…`, `方向2.3：…`): the number is the
 * direction's. (Never a sentence that names directions, `方向1.1和2.1原则上由企业牵头申报`.)
 */
const RE_WORD_DECIMAL = /^(?:指南方向|研究方向|项目方向|方向|任务|专题)\s*(\d{1,2})[.．](\d{1,2})(?:[.．](\d{1,2}))?(?![.．]?\d)(?:\s*$|\s*[：:|｜]\s*|[ \t\u3000]+(?![和与及至到或、，,])|(?=[\u4e00-\u9fff“《])(?![和与及至到或等的]|中(?!国)))/;
/**
 * A direction's word before a number of two or three levels written with dashes (`任务1-1-1　…`,
 * `方向1-2　整机与系统`, MIIT's 领域-方向-任务 numbering): as `任务1.1.1`.
 */
const RE_WORD_DASHED = /^(?:指南方向|研究方向|项目方向|方向|揭榜任务|攻关任务|任务|专题)\s*(\d{1,2})[-－–](\d{1,2})(?:[-－–](\d{1,2}))?(?![-－–]?\d)(?:\s*[：:|｜]\s*|[ \t\u3000]+(?![和与及至到或、，,])|(?=[\u4e00-\u9fff“《])(?![和与及至到或等的]|中(?!国)))/;
/** The words a direction's heading names it by before its number (`方向三`, `专题二`, `任务12`). */
export const DIRECTION_WORDS = '研究方向|指南方向|项目方向|方向|揭榜任务|榜单任务|攻关任务|指南任务|任务|榜单|专题|主题|板块|项目包|标包|课题';
const RE_DIRECTION_WORD = new RegExp(
  `^(?:${DIRECTION_WORDS})\\s*(${CJK_NUM}|\\d{1,3})(?:\\s*[：:、.．|｜丨]\\s*|\\s*为(?=中国|[\\u4e00-\\u9fff“《])|\\s+|$|(?=中国|[内与关面]|[\\u4e00-\\u9fff])(?!(?:的)?(?:联系|咨询|受理)(?:方式|人|电话|部门)?[：:])(?<![一二三四五六七八九十](?=致|定|般|样|直|起|体|些|切|旦|同|并|律|共|次|系列|道|带|线|流|半|时|经|再|面|种|批|项|个|年|级|类|层|期)))`,
);
const RE_PART_WORD = new RegExp(`^(?:第\\s*(${CJK_NUM}|\\d{1,2})\\s*(?:部分|章|篇)(?:\\s*[：:、.．]\\s*|\\s*)|领域\\s*(${CJK_NUM}|\\d{1,2})(?:\\s*[：:、.．]\\s*|[ \\t\\u3000]+|(?=[\\u4e00-\\u9fff])(?![和与及至到或、个项]))(?=\\S))`);

/**
 * A direction's code as its heading (`GAT-2026-05`, alone on its line or before the title): a
 * direction named by a word and its number, the number its serial.
 */
const RE_DIRECTION_CODE = /^([A-Z]{2,8})[-－—_](20\d{2})[-－—_](\d{1,3})(?:[ \t\u3000]*$|[ \t\u3000]+(?=[\u4e00-\u9fff“《]))/;

/** A task card's number on a line of its own (`序号：1`), its name in a field below (`榜单名称：…`). */
const RE_RECORD_NUMBER = /^(?:序号|编号|榜单编号|任务编号|榜单序号|方向编号|指南方向编号|方向序号)\s*[：:]\s*(\d{1,3})\s*$/;
/**
 * A direction's form whose number is a field of its own, two levels deep (`方向编号：1.1`, a key
 * programme's 指南方向表; its name in `方向名称：…` below): the direction's heading, as `1.1` is.
 */
const RE_RECORD_DECIMAL = /^(?:方向编号|指南方向编号|方向序号|编号|序号)\s*[：:]\s*(\d{1,2})[.．](\d{1,2})\s*$/;

/**
 * A direction whose number is printed after its title, alone on its line (`中国和瑞典政府间联合研究项目
 * （方向1）`): the number without its place; the title is the line before it (`length` 0).
 */
const RE_TRAILING_DIRECTION = new RegExp(`^(?=[^。；;，,：:]{4,80}$)[^（(\\s].*?[（(](?:指南|研究|项目)?方向\\s*(${CJK_NUM}|\\d{1,3})[）)]$`);

/**
 * A direction named by its ordinal (`第一方向：`, `第3个方向`, `第二专题：`, `第一项　湘非…合作项目`: 项 only
 * with a space or a separator after it, or a title's words to the line's end, never `第一项任务…`
 * in a sentence) or by a word in brackets
 * (`（方向1）`, `【方向二】`): as `方向一：`.
 */
const RE_DIRECTION_ORDINAL = new RegExp(
  `^(?:第\\s*(${CJK_NUM}|\\d{1,3})\\s*(?:个)?(?:方向|任务|专题|项(?=[\\s\\u3000]*[：:、.．]|[\\s\\u3000]+\\S|(?![目任])[\\u4e00-\\u9fff“（(][^。；，,：:]{3,50}$))|[（(【\\[［〔](?:指南方向|研究方向|项目方向|方向|任务|专题)\\s*(${CJK_NUM}|\\d{1,3})[）)】\\]］〕])(?:\\s*[：:、.．]\\s*|\\s+|(?=[\\u4e00-\\u9fff]))`,
);

/**
 * A category printed after a title (`…（共性关键技术类）`, `（青年科学家项目）`, `（部省联动）`, `（揭榜挂帅）`):
 * group 1 is the category as printed.
 */
// (A word may follow it in the bracket: `（共性关键技术类，涉密）`.)
export const RE_TITLE_CATEGORY = /[（(]([^（）()]{2,20}(?:类|项目|联动|专题|挂帅|赛马|定向委托|任务)(?:[，,、；;][^（）()，,、；;]{1,8})?)[）)]$/;

/**
 * A group's heading that names its directions' category (`3. 青年科学家项目`, `（一）培育项目`,
 * `二、部省联动任务`): a 类, or a kind of project of the key programmes, NSFC and MIIT calls. Not
 * a cooperation call's kind of project (`（一）联合研究项目`, `联合实验室项目`): that is the kind
 * each title names, no category.
 */
// (Never `三、重点任务`, the part that lists a MIIT call's tasks.)
export const RE_GROUP_CATEGORY = /^(?:[^，。；]{2,16}类(?:项目)?|青年科学家项目|(?:培育|重点支持|集成|面上|战略研究|揭榜挂帅|部省联动|定向委托|赛马)(?:项目|任务)?|(?:重点|重大)(?:项目)?)$/;

/**
 * A class of directions a call sets figures for (`重点方向`, `一般方向`): the heading of the part that
 * holds them (`（二）一般方向`), and the words a sentence about them opens with (`一般方向每个项目…`).
 */
export const DIRECTION_CLASS = '(?:重点|一般|重大|培育|面上)方向';

/** A heading's title: its text after its number marker (`一、资助领域` → `资助领域`), trimmed. */
export function headingTitle(text: string): string {
  const m = plainMarker(text);
  return (m && m.type !== 'field' ? text.slice(m.length) : text).trim();
}

const CLOSING_ID = String.raw`(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}(?:\.\d{1,2}){0,2})`;
/**
 * A paragraph after a part's last direction that speaks for several of its directions (`以上各方向每个
 * 项目经费额度不超过300万元。`, `以上（一）至（四）方向的执行周期均为3年（（二）方向除外）`, `上述3个方向…`):
 * the part's text, never the last direction's (`以上方向…`, `以上任务…` are that direction's own).
 */
export const RE_CLOSING_FOR_PART = new RegExp(
  String.raw`^(?:以上|上述)(?:各|所有|全部|这些|(?:[2-9]|[1-9]\d|[两二三四五六七八九十]{1,2})个|${CLOSING_ID}\s*(?:至|到|～|~|—|–|-|、|和)\s*${CLOSING_ID})(?:个)?(?:指南)?方向`,
);

/**
 * Whether a closing paragraph (`RE_CLOSING_FOR_PART`) speaks for the direction numbered `marker`
 * (its printed number, `（二）` or `2.1`): inside the range it names, if any, and not among those it
 * leaves out (`（（二）方向除外）`).
 */
export function closingAppliesTo(text: string, marker: string): boolean {
  const key = (m: string): string => {
    const inner = m.replace(/[（()）\s]/g, '');
    const n = /^\d/.test(inner) ? null : parseCjkNumber(inner);
    return n === null ? inner : String(n);
  };
  const own = key(marker.replace(/[.．、]$/, ''));
  const range = new RegExp(String.raw`^(?:以上|上述)(${CLOSING_ID})\s*(?:至|到|～|~|—|–|-)\s*(${CLOSING_ID})`).exec(text);
  if (range) {
    const [a, b, x] = [key(range[1]!), key(range[2]!), own].map((v) => v.split('.').map(Number));
    const cmp = (p: number[], q: number[]): number => (p[0]! - q[0]!) || ((p[1] ?? 0) - (q[1] ?? 0));
    if (x!.some(Number.isNaN) || cmp(x!, a!) < 0 || cmp(x!, b!) > 0) return false;
  }
  for (const m of text.matchAll(new RegExp(String.raw`[（(]((?:${CLOSING_ID}\s*[、，,和及]?\s*)+)(?:指南)?方向除外[）)]`, 'g'))) {
    for (const id of m[1]!.match(new RegExp(CLOSING_ID, 'g')) ?? []) if (key(id) === own) return false;
  }
  return true;
}

/** Single-level markers of an Arabic number (`1.`, `1、`, `（1）`, `1）`). */
const ARABIC_TYPES: ReadonlySet<MarkerType> = new Set(['arabic-dot', 'arabic-comma', 'paren-arabic', 'arabic-paren']);

/** Two-level direction numbers, one or several (`3.1、3.2`, `2.1～2.3`, `1.1和1.2`), before a field's label. */
const RE_IDS_BEFORE_LABEL = /^\d{1,2}\.\d{1,2}(?:\s*(?:、|，|,|和|及|与|～|~|—|–|-|至|到)\s*\d{1,2}\.\d{1,2})*\s*(?:方向|等方向)?(?=\S)/;

/**
 * The directions a field's label names (`有关说明（2.1～2.3）：`, `3.1、3.2有关说明：`,
 * `有关说明（适用于1.1、1.2）：`): their numbers, a range spelt out; empty when it names none (a
 * label whose other words are more than numbers, `注（1.5倍）：`, names none).
 */
export function idsNamed(label: string, key = ''): string[] {
  const rest = label.replace(key, '').replace(/\d{1,2}\.\d{1,2}|适用于|适用|以下|上述|(?:等|各)?方向/g, '');
  if (!/^[\s（(）)、，,和及与～~—–\-至到：:]*$/.test(rest)) return [];
  const out: string[] = [];
  const re = /(\d{1,2})\.(\d{1,2})(?:\s*(?:～|~|—|–|-|至|到)\s*(\d{1,2})\.(\d{1,2}))?/g;
  for (const m of label.matchAll(re)) {
    const [major, from] = [Number(m[1]), Number(m[2])];
    const to = m[3] !== undefined && Number(m[3]) === major && Number(m[4]) > from && Number(m[4]) - from <= 20 ? Number(m[4]) : from;
    for (let n = from; n <= to; n++) out.push(`${major}.${n}`);
  }
  return out;
}

/**
 * The length of a compilation's entry number before a call's title (`十二、国家重点研发计划…申报指南`, a
 * 汇编's twelfth document), 0 where `text` is no numbered call title.
 */
export function entryNumberLength(text: string): number {
  const m = plainMarker(text);
  if (!m || !ENTRY_TYPES.has(m.type)) return 0;
  const rest = text.slice(m.length).trim();
  return rest.length <= 70 && !/[。；，：:]/.test(rest) && RE_CALL_TITLE_END.test(rest) && /指南/.test(rest) ? m.length : 0;
}
const ENTRY_TYPES: ReadonlySet<MarkerType> = new Set(['cjk-comma', 'paren-cjk', 'arabic-dot', 'arabic-comma', 'paren-arabic']);

/** The marker at the start of `text`, or null. */
export function matchMarker(text: string): Marker | null {
  // A field whose label first names the directions it is for (`3.1、3.2有关说明：`): a field, as
  // `有关说明（3.1、3.2）：` is.
  // (Two numbers or more, or `方向` after one: `2.1 合作协议：…` is a field numbered as its direction's.)
  const ids = RE_IDS_BEFORE_LABEL.exec(text);
  if (ids && (idsNamed(ids[0]).length >= 2 || /方向\s*$/.test(ids[0]))) {
    const field = fieldLabelAt(text.slice(ids[0].length));
    if (field && /[：:]\s*$/.test(text.slice(ids[0].length, ids[0].length + field.length))) {
      const length = ids[0].length + field.length;
      return { type: 'field', text: text.slice(0, length).trim(), length, value: 0, key: field.label };
    }
  }
  const marker = plainMarker(text);
  // `3. 拟支持项目数：4个`, `（2）领域方向：…`: fields numbered as a list are fields; the number
  // is part of their label.
  if (marker && marker.type !== 'decimal' && marker.type !== 'decimal3' && marker.type !== 'field') {
    // (A label closed by a full stop only after an Arabic number: `（一）支持方向。…` is a paragraph.)
    const field = ARABIC_TYPES.has(marker.type) ? numberedLabelAt(text.slice(marker.length)) : fieldLabelAt(text.slice(marker.length));
    if (field) {
      const length = marker.length + field.length;
      return { type: 'field', text: text.slice(0, length).trim(), length, value: 0, key: field.label };
    }
  }
  return marker;
}

/** The numbering marker at the start of `text`, never a field's label (`（三）资助强度：…` → `（三）`), or null. */
export function listMarker(text: string): Marker | null {
  const marker = plainMarker(text);
  return marker && marker.type !== 'field' ? marker : null;
}

/**
 * The list marker of a numbered field (`（1）拟支持项目数1～2项`) when its label has no colon: inside
 * a list of requirements such an item speaks of a figure; it is no field. Null otherwise.
 */
export function bareFieldItem(text: string): Marker | null {
  const marker = plainMarker(text);
  if (!marker || marker.type === 'field' || marker.type === 'decimal' || marker.type === 'decimal3') return null;
  const field = fieldLabelAt(text.slice(marker.length));
  return field && !/[：:】\]]\s*$/.test(text.slice(marker.length, marker.length + field.length)) ? marker : null;
}

/** A numbering marker, or a field label, at the start of `text`. */
/** A `decimal3` marker (`1.1.2`, `1.1.2A`): its printed key and the three numbers. */
const decimal3 = (m: RegExpExecArray, key: string): Marker => ({ type: 'decimal3', text: key, length: m[0].length, value: Number(m[1]) * 10000 + Number(m[2]) * 100 + Number(m[3]), key });
/** A `decimal` marker (`1.1`), printed as `text`. */
const decimal = (m: RegExpExecArray, text: string): Marker => ({ type: 'decimal', text, length: m[0].length, value: Number(m[1]) * 100 + Number(m[2]), key: `${m[1]}.${m[2]}` });
/** A single-level marker whose number is Arabic (`（1）`, `1.`, `1、`, `1）`). */
const arabic = (type: MarkerType) => (m: RegExpExecArray): Marker => ({ type, text: m[0].trim(), length: m[0].length, value: Number(m[1]), key: m[1]! });
/** A marker whose number is written in Chinese (`（一）`, `一、`): none where it reads as no number. */
const cjk = (type: MarkerType) => (m: RegExpExecArray): Marker | null => {
  const v = parseCjkNumber(m[1]!);
  return v === null ? null : { type, text: m[0].trim(), length: m[0].length, value: v, key: m[1]! };
};
/** A marker of a word and a number (`方向一`, `第一部分`): its number, 1 or more. */
const worded = (type: MarkerType, group: (m: RegExpExecArray) => string) => (m: RegExpExecArray): Marker | null => {
  const v = parseCjkNumber(group(m));
  return v !== null && v > 0 ? { type, text: m[0].trim(), length: m[0].length, value: v, key: String(v) } : null;
};

/**
 * The numbering forms a line may start with, tried in order (the first that reads wins; a form
 * whose reader gives none lets the next try): one row per form, as micromark has one construct per
 * syntax.
 */
const MARKER_FORMS: readonly (readonly [RegExp, (m: RegExpExecArray) => Marker | null])[] = [
  [RE_BRACKET_DECIMAL, (m) => (m[3] !== undefined ? decimal3(m, `${m[1]}.${m[2]}.${m[3]}`) : decimal(m, `${m[1]}.${m[2]}`))],
  // A direction split in two (`1.1.2A 星载…` / `1.1.2B 星载…`): the letter is part of its number.
  [RE_DECIMAL3_SPLIT, (m) => decimal3(m, `${m[1]}.${m[2]}.${m[3]}${m[4]}`)],
  [RE_DECIMAL3, (m) => decimal3(m, `${m[1]}.${m[2]}.${m[3]}`)],
  [RE_DECIMAL, (m) => decimal(m, `${m[1]}.${m[2]}`)],
  [RE_DECIMAL_RANGE, (m) => (m[1] === m[3] && Number(m[4]) > Number(m[2]) && Number(m[4]) - Number(m[2]) <= 9 ? { ...decimal(m, m[0].trim()), rangeTo: Number(m[1]) * 100 + Number(m[4]) } : null)],
  [RE_DASH_DECIMAL, (m) => decimal(m, `${m[1]}-${m[2]}`)],
  [RE_AREA_CODE, (m) => {
    const area = m[1]!.charCodeAt(0) - 64;
    const text = `${m[1]}${m[2]}${m[3] ?? ''}`;
    return m[3] !== undefined
      ? { type: 'decimal3', text, length: m[0].length, value: area * 10000 + Number(m[2]) * 100 + Number(m[3]), key: text }
      : { type: 'decimal', text, length: m[0].length, value: area * 100 + Number(m[2]), key: text };
  }],
  [RE_LETTER_CODE, (m) => ({ type: 'decimal', text: `${m[1]}${m[2]}`, length: m[0].length, value: (m[1]!.charCodeAt(0) - 64) * 100 + Number(m[2]), key: `${m[1]}${Number(m[2])}` })],
  [RE_WORD_DECIMAL, (m) => (m[3] !== undefined ? decimal3(m, `${m[1]}.${m[2]}.${m[3]}`) : decimal(m, `${m[1]}.${m[2]}`))],
  [RE_WORD_DASHED, (m) => (m[3] !== undefined ? decimal3(m, `${m[1]}.${m[2]}.${m[3]}`) : decimal(m, `${m[1]}.${m[2]}`))],
  [RE_PAREN_ARABIC, arabic('paren-arabic')],
  [RE_PAREN_CJK, cjk('paren-cjk')],
  [RE_CJK_COMMA, cjk('cjk-comma')],
  [RE_ARABIC_DOT, arabic('arabic-dot')],
  [RE_ARABIC_COMMA, arabic('arabic-comma')],
  [RE_ARABIC_PAREN, arabic('arabic-paren')],
  // A provincial guideline's items named by the word (`指南1：…` under `方向（一）` under `专题一：`): numbered items, as `1.` is.
  [RE_GUIDE_ITEM, arabic('arabic-dot')],
  [RE_WORD_PAREN_CJK, cjk('paren-cjk')],
  [RE_DIRECTION_WORD, worded('direction-word', (m) => m[1]!)],
  [RE_DIRECTION_ORDINAL, worded('direction-word', (m) => m[1] ?? m[2]!)],
  // (`领域1　人形机器人`: MIIT's first level of 领域-方向-任务.)
  [RE_PART_WORD, worded('part-word', (m) => m[1] ?? m[2]!)],
  [RE_RECORD_NUMBER, arabic('direction-word')],
  [RE_RECORD_DECIMAL, (m) => decimal(m, `${m[1]}.${m[2]}`)],
  [RE_DIRECTION_CODE, (m) => ({ type: 'direction-word', text: m[0].trim(), length: m[0].length, value: Number(m[3]), key: String(Number(m[3])) })],
  [RE_TRAILING_DIRECTION, (m) => {
    const marker = worded('direction-word', (x) => x[1]!)(m);
    return marker && { ...marker, text: m[0].slice(m[0].lastIndexOf('（') >= 0 ? m[0].lastIndexOf('（') : m[0].lastIndexOf('(')), length: 0 };
  }],
  [RE_ROMAN, (m) => ({ type: 'roman', text: m[0].trim(), length: m[0].length, value: m[1]!.codePointAt(0)! - 0x2160 + 1, key: String(m[1]!.codePointAt(0)! - 0x2160 + 1) })],
  [RE_ENCLOSED, (m) => enclosedMarker(m[1]!, m[0].length)],
  [RE_CIRCLED, (m) => ({ type: 'circled', text: m[1]!, length: m[0].length, value: m[1]!.codePointAt(0)! - 0x2460 + 1, key: String(m[1]!.codePointAt(0)! - 0x2460 + 1) })],
  [RE_LATIN, (m) => ({ type: 'latin', text: m[0].trim(), length: m[0].length, value: (m[1] ?? m[2])!.toLowerCase().charCodeAt(0) - 0x60, key: (m[1] ?? m[2])! })],
];

function plainMarker(text: string): Marker | null {
  for (const [re, read] of MARKER_FORMS) {
    const m = re.exec(text);
    const marker = m ? read(m) : null;
    if (marker) return marker;
  }
  const field = fieldLabelAt(text);
  return field ? { type: 'field', text: text.slice(0, field.length).trim(), length: field.length, value: 0, key: field.label } : null;
}

const CJK_DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
function cjkLabel(n: number): string {
  if (n <= 10) return CJK_DIGITS[n] ?? String(n);
  if (n < 20) return `十${CJK_DIGITS[n - 10]}`;
  if (n < 100) return `${CJK_DIGITS[Math.floor(n / 10)]}十${n % 10 ? CJK_DIGITS[n % 10] : ''}`;
  return String(n);
}

/** Marker `value` of `type` as printed (`（3）`, `三、`, `③`, `1.2`): for messages, and to look for it in text. */
export function printed(type: MarkerType, value: number): string {
  switch (type) {
    case 'cjk-comma':
      return `${cjkLabel(value)}、`;
    case 'paren-cjk':
      return `（${cjkLabel(value)}）`;
    case 'paren-arabic':
      return `（${value}）`;
    case 'arabic-dot':
      return `${value}.`;
    case 'arabic-comma':
      return `${value}、`;
    case 'arabic-paren':
      return `${value}）`;
    case 'circled':
      return String.fromCodePoint(0x2460 + value - 1);
    case 'latin':
      return `${String.fromCharCode(0x60 + value)}.`;
    case 'decimal':
      return `${Math.floor(value / 100)}.${value % 100}`;
    case 'decimal3':
      return `${Math.floor(value / 10000)}.${Math.floor(value / 100) % 100}.${value % 100}`;
    case 'direction-word':
      return `方向${cjkLabel(value)}`;
    case 'part-word':
      return `第${cjkLabel(value)}部分`;
    case 'roman':
      return `${String.fromCodePoint(0x2160 + value - 1)}．`;
    case 'field':
      return '';
  }
}

/**
 * A bullet glyph that marks a list item at a line's start (`• `, `▪ `, `● `, `√ `): a class of one
 * character, for `clean` (the hanging indent of a bulleted line) and `reflow` (a bullet starts an
 * item) alike.
 */
// (And an arrow, as an image post's items: `→ 合作项目须双方同时申报`.)
export const BULLET = '[▪•●◆◇■□▸○◦※►➢✓√·→]';

/** A field of a note's front matter (`title: …`, `tags:`, `  - 氢能`, `# comment`), trimmed or not. */
export const RE_YAML_LINE = /^[ \t]*(?:[\w\u4e00-\u9fff][\w\u4e00-\u9fff -]{0,30}:(?:[ \t].*)?|- .*|#.*)$/;

/** What a direction written as prose says after its title sentence: its basis, partner, fields or figures. */
/** An agreement's title in 《》, by how such titles end (`《…科学技术合作协定》`, `《…会议纪要》`). */
export const RE_AGREEMENT_TITLE = /《[^》]{2,60}(?:协定|协议|议定书|纪要|备忘录|安排)》/;
// (Or the agreement it rests on, however the sentence names it: `在《…议定书》框架下`, `以《…协定》为依据`.)
export const RE_PROSE_DIRECTION = new RegExp(`本方向|依据《|根据《|合作方为|支持领域|领域为|合作领域|合作依据|拟支持|拟资助|资助强度|资助期限|经费|实施周期|执行期|${RE_AGREEMENT_TITLE.source}`);

/** A number and a dot before a title that starts with a figure (`1．0～3岁婴幼儿…`, `2．5G网络…`). */
/** A number with a dot that goes on as a figure, not a heading's number: `3．5G`, `1．0～3岁`. */
const RE_FIGURE_GOES_ON = /^\d{1,2}[.．]\d{1,2}[A-Za-z～~]/;
const RE_DIGIT_TITLE = /^(\d{1,2})([.．])(?=\d)/;

/**
 * Items whose titles start with a figure (`1．0～3岁婴幼儿照护…研究`, `3．5G…`): `1．0` reads as a
 * decimal, so `matchMarker` leaves them (or reads `3．5` as a direction's number), and a list loses
 * its item. Such a line is an item where
 * the list around it says so: the next item of its type (within `reach` lines) is numbered one
 * more, and the one before one less, or it is the first (`1．`) after a heading of another type.
 * Sets the marker of each in `markers` (in place); `texts` are the lines' or paragraphs' texts.
 */
export function digitTitleMarkers(texts: readonly string[], markers: (Marker | null)[], reach = 6): void {
  for (let k = 0; k < markers.length; k++) {
    // (Or read as a decimal direction, `3．5G网络…` as 3.5, in a list of `N．` items.)
    // (Only where the figure goes on as a decimal never does: `3．5G`, `1．0～3岁`; never `2.1 高比能…`.)
    if (markers[k] !== null && (markers[k]!.type !== 'decimal' || !RE_FIGURE_GOES_ON.test(texts[k]!))) continue;
    const raw = RE_DIGIT_TITLE.exec(texts[k]!);
    if (!raw) continue;
    const n = Number(raw[1]);
    let next: Marker | null = null;
    for (let j = k + 1; j < Math.min(markers.length, k + 1 + reach) && next === null; j++) next = markers[j] ?? null;
    if (next?.type !== 'arabic-dot' || next.value !== n + 1) continue;
    let before: Marker | null = null;
    for (let j = k - 1; j >= 0 && before === null; j--) before = markers[j] ?? null;
    const first = n === 1 && before !== null && before.type !== 'arabic-dot' && before.type !== 'field';
    if (!first && !(before?.type === 'arabic-dot' && before.value === n - 1)) continue;
    markers[k] = { type: 'arabic-dot', text: `${raw[1]}${raw[2]}`, length: raw[0].length, value: n, key: raw[1]! };
  }
}

/** A designed list's number glued to its title (`01中国和越南…`, the number on a line of its own above it). */
const RE_PADDED_TITLE = /^(0[1-9]|[1-9]\d)(?=[\u4e00-\u9fff“《])/;

/**
 * The items of a list numbered as designed pages number them, `01`, `02` … `11`, each number on a
 * line of its own above its title (a web page's cards, an image post's text): items where three or
 * more such paragraphs count on from `01` one by one. Sets their markers (in place) as `1.`, `2.` ….
 */
export function paddedNumberMarkers(texts: readonly string[], markers: (Marker | null)[]): void {
  const at: number[] = [];
  for (let k = 0; k < texts.length; k++) if (markers[k] === null && RE_PADDED_TITLE.test(texts[k]!)) at.push(k);
  const run: number[] = [];
  for (const k of at) {
    const n = Number(RE_PADDED_TITLE.exec(texts[k]!)![1]);
    if (n === run.length + 1) run.push(k);
  }
  if (run.length < 3 || !texts[run[0]!]!.startsWith('0')) return;
  run.forEach((k, i) => {
    const printed = RE_PADDED_TITLE.exec(texts[k]!)![1]!;
    markers[k] = { type: 'arabic-dot', text: printed, length: printed.length, value: i + 1, key: String(i + 1) };
  });
}

/**
 * A direction's count printed after its title on the title's line (`…寿命预测（指南代码：LH26ZZ01）　拟资助2项`):
 * the direction's figure, no part of its title.
 */
export const RE_TITLE_TRAILING_COUNT = /(?:[\s\u3000]+|(?<=[）)]))(?:拟(?:资助|支持|立项)|资助|支持)(?:项目)?\s*(?:约|不超过)?\s*[\d一二两三四五六七八九十]+\s*(?:[～~\-—至]\s*[\d一二两三四五六七八九十]+\s*)?(?:项|个)[。；]?$/;

/**
 * A short line that heads the items after it inside a field: no clause in it, a colon at its end
 * (`约束性指标：` / `预期性指标：`, `课题1（高功率密度电机）：`). Its items are listed under it.
 */
export const RE_SUB_HEAD = /^[^。；;，,]{2,40}[：:]$/;
