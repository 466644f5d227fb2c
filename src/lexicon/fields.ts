/**
 * The labelled fields of a guideline direction (`合作协议：…`), and what each one holds.
 * Labels vary between special projects and years; every known spelling is one row of `LABELS`,
 * mapped to one role. A new spelling is a new row here, never a new branch in `extract`.
 */
export type FieldRole =
  | 'agreement'
  | 'domains'
  | 'projectCount'
  | 'funding'
  | 'duration'
  | 'requirements'
  /** 研究内容 */
  | 'content'
  /** 考核指标 */
  | 'indicators'
  /** 关键词 */
  | 'keywords'
  /** 合作国家 — partners named in a field of their own (a table's column) rather than the title. */
  | 'partners'
  /** 方向名称 — a direction's name in a field of its own (a label/value table under `方向N`). */
  | 'name'
  /** Known labels whose text is kept as it is (支持方式, 合作方式). */
  | 'other'
  /** A `XX：` label at a line start that is in no row of the table: kept, and reported. */
  | 'unknown';

const LABELS: ReadonlyArray<readonly [string, FieldRole]> = [
  ['方向名称', 'name'],
  ['指南方向名称', 'name'],
  ['任务名称', 'name'],
  // A task card's name (`序号：1` / `榜单名称：…`).
  ['榜单名称', 'name'],
  ['揭榜任务名称', 'name'],
  ['合作协议', 'agreement'],
  ['依据协议', 'agreement'],
  ['依托协议', 'agreement'],
  ['合作依据', 'agreement'],
  ['合作框架', 'agreement'],
  ['依据文件', 'agreement'],
  // (`对接机制：内地与香港…联合资助机制，依据《…安排》`: the mechanism and the agreement it rests on.)
  ['对接机制', 'agreement'],
  ['协议依据', 'agreement'],
  ['合作机制', 'agreement'],
  // (`依托机制：中欧科技创新合作联合资助机制；《…协定》`.)
  ['依托机制', 'agreement'],
  ['领域方向', 'domains'],
  ['申报方向', 'domains'],
  ['支持领域', 'domains'],
  ['合作领域', 'domains'],
  ['重点领域', 'domains'],
  // The disciplines a base or a topic is open to (`支持学科：基础数学、应用数学`, a 111 base's).
  ['支持学科', 'domains'],
  ['依托学科', 'domains'],
  ['支持方向', 'domains'],
  ['研究方向', 'domains'],
  ['合作方向', 'domains'],
  ['重点方向', 'domains'],
  // (`重点支持方向：（1）工业数字孪生：研究…（2）…`, the research directions a direction lists, not funded apart.)
  ['重点支持方向', 'domains'],
  ['重点研究方向', 'domains'],
  // (`支持重点：生命科学与生物技术；空间科学`, as a 战略性科技创新合作 call labels the fields agreed.)
  ['支持重点', 'domains'],
  ['合作重点', 'domains'],
  ['资助领域', 'domains'],
  ['研究领域', 'domains'],
  ['优先领域', 'domains'],
  ['重点支持领域', 'domains'],
  ['合作领域方向', 'domains'],
  // `领域：农业与食品科学；…`, and in a sentence, `领域涉及地质与矿产、…` (see `COPULA`).
  ['领域', 'domains'],
  ['拟支持项目数', 'projectCount'],
  // What the Chinese side funds in a joint call (`中方拟支持项目数：不超过2个`, `中方资助经费：每个项目不超过500万元`).
  ['中方拟支持项目数', 'projectCount'],
  ['中方拟支持经费', 'funding'],
  ['中方资助经费', 'funding'],
  ['中方安排经费', 'funding'],
  // A Hong Kong side's call (内地与香港联合资助计划): the mainland's money is the direction's, Hong
  // Kong's own (`香港资助：每項不超過港幣600萬元`) is kept as text.
  ['内地资助', 'funding'],
  ['内地资助经费', 'funding'],
  ['香港资助', 'other'],
  ['澳门资助', 'other'],
  ['中方支持经费', 'funding'],
  ['中方经费', 'funding'],
  ['安排经费', 'funding'],
  ['支持数量', 'projectCount'],
  ['拟支持数量', 'projectCount'],
  ['拟建设数量', 'projectCount'],
  ['支持项目数', 'projectCount'],
  ['拟支持项目', 'projectCount'],
  ['拟资助项目数', 'projectCount'],
  ['资助项目数量', 'projectCount'],
  ['资助项目数', 'projectCount'],
  ['支持项目数量', 'projectCount'],
  ['拟支持项目数量', 'projectCount'],
  ['拟资助项目数量', 'projectCount'],
  ['项目数量', 'projectCount'],
  ['立项数', 'projectCount'],
  ['计划立项', 'projectCount'],
  ['立项数量', 'projectCount'],
  ['拟立项数量', 'projectCount'],
  ['拟立项数', 'projectCount'],
  ['资助数量', 'projectCount'],
  ['拟立项项目数', 'projectCount'],
  ['项目数', 'projectCount'],
  ['拟支持揭榜单位', 'projectCount'],
  // (A card's caption over its figure: `支持项目` / `4项`.)
  ['支持项目', 'projectCount'],
  // (A ministry's own word for how many it funds: `支持名额：不超过3个`.)
  ['支持名额', 'projectCount'],
  ['资助名额', 'projectCount'],
  ['立项名额', 'projectCount'],
  ['拟支持名额', 'projectCount'],
  ['遴选揭榜单位', 'projectCount'],
  // (MIIT's number of takers a task selects: `遴选数量：不超过3家`.)
  ['遴选数量', 'projectCount'],
  ['拟遴选数量', 'projectCount'],
  ['遴选单位数', 'projectCount'],
  ['共拟支持经费', 'funding'],
  ['资助规模', 'funding'],
  ['资助总额', 'funding'],
  ['拟支持经费', 'funding'],
  ['支持经费', 'funding'],
  ['资助经费', 'funding'],
  // (NSFC: `资助直接费用：共1600万元`.)
  ['资助直接费用', 'funding'],
  ['拟资助经费', 'funding'],
  ['共拟资助经费', 'funding'],
  ['经费概算', 'funding'],
  ['国拨经费概算', 'funding'],
  ['国拨经费总概算', 'funding'],
  ['经费总概算', 'funding'],
  ['国拨经费', 'funding'],
  ['拟安排经费', 'funding'],
  ['拟安排国拨经费', 'funding'],
  // Both figures under one label (`拟支持项目数及经费：5个，共拟支持经费1000万元`): read as a count; the
  // funding label inside it is a field of its own.
  ['拟支持项目数及经费', 'projectCount'],
  ['项目数及经费', 'projectCount'],
  ['拟支持国拨经费', 'funding'],
  ['资助强度', 'funding'],
  // A tender's money per package (`（三）支持方式和资金比例`).
  ['支持方式和资金比例', 'funding'],
  ['支持强度', 'funding'],
  ['经费预算', 'funding'],
  ['国拨经费预算', 'funding'],
  ['项目经费', 'funding'],
  ['资助金额', 'funding'],
  ['拟资助金额', 'funding'],
  ['支持金额', 'funding'],
  ['资助额度', 'funding'],
  // (What each side puts in: `经费安排：内地：国拨经费1800万元；香港：…`.)
  ['经费安排', 'funding'],
  // A bilingual call's shortest label (`Funding 经费：4000万元人民币。`).
  ['经费', 'funding'],
  ['经费额度', 'funding'],
  ['国拨经费总额', 'funding'],
  ['总经费', 'funding'],
  // A 揭榜挂帅 direction's money (`榜单金额3000万元`: the direction's central funds in all).
  ['榜单金额', 'funding'],
  ['项目实施周期', 'duration'],
  ['实施周期', 'duration'],
  ['实施期限', 'duration'],
  ['项目实施期限', 'duration'],
  ['执行期', 'duration'],
  ['执行期间', 'duration'],
  ['计划执行期间', 'duration'],
  ['项目执行期间', 'duration'],
  ['执行期限', 'duration'],
  ['项目执行期', 'duration'],
  // A visiting scientist's stay, where the project is the stay (`来华工作期限：6—12个月`, a talent programme's).
  ['来华工作期限', 'duration'],
  ['在华工作期限', 'duration'],
  // (How long each person stays abroad, a 留学 call's: no project's period.)
  ['留学期限', 'other'],
  ['在外期限', 'other'],
  ['访学期限', 'other'],
  ['派出期限', 'other'],
  ['项目期', 'duration'],
  ['项目周期', 'duration'],
  // A bracket of figures after a title (`（拟支持项目数：2个；经费：1600万元；周期：2年）`).
  ['周期', 'duration'],
  ['实施年限', 'duration'],
  // A platform's period (`建设期3年`).
  ['建设期', 'duration'],
  ['建设周期', 'duration'],
  ['支持年限', 'duration'],
  ['执行年限', 'duration'],
  ['资助期限', 'duration'],
  ['研究期限', 'duration'],
  ['执行时间', 'duration'],
  ['项目执行时间', 'duration'],
  ['项目期限', 'duration'],
  ['实施期', 'duration'],
  ['资助期', 'duration'],
  ['支持期限', 'duration'],
  ['执行周期', 'duration'],
  ['研究周期', 'duration'],
  ['项目执行期限', 'duration'],
  ['项目实施年限', 'duration'],
  // NSFC joint calls: `资助计划：2026年度双方拟共同资助合作研究项目10项。` states the call's count.
  ['资助计划', 'projectCount'],
  ['资助年限', 'duration'],
  // MIIT 揭榜挂帅: the period a task is worked on.
  ['攻关期', 'duration'],
  ['攻关期限', 'duration'],
  ['攻关周期', 'duration'],
  // (MIIT's 揭榜 calls: `揭榜期原则上不超过2年`.)
  ['揭榜期', 'duration'],
  ['揭榜期限', 'duration'],
  ['揭榜周期', 'duration'],
  ['其他要求', 'requirements'],
  ['合作要求', 'requirements'],
  ['申报须知', 'requirements'],
  ['有关事项', 'requirements'],
  ['特别说明', 'requirements'],
  ['特别要求', 'requirements'],
  ['申报要求', 'requirements'],
  // Who may apply, as a city's call says it (`申报主体要求：本市注册的企业…`).
  ['申报主体要求', 'requirements'],
  ['申报主体', 'requirements'],
  ['其他说明', 'requirements'],
  ['有关说明', 'requirements'],
  ['申报说明', 'requirements'],
  ['相关说明', 'requirements'],
  ['具体要求', 'requirements'],
  ['申请要求', 'requirements'],
  ['研究内容', 'content'],
  ['任务目标', 'content'],
  ['揭榜任务内容', 'content'],
  ['任务内容', 'content'],
  ['支持方式及额度', 'funding'],
  ['支持额度', 'funding'],
  // (`支持安排：本方向共拟支持项目16个，国拨经费4800万元；每个项目…`: what a group of sub-directions is given.)
  ['支持安排', 'funding'],
  // A provincial call's money for a kind of support (`（7）安排资金：2400万元`), beside what each gets.
  ['安排资金', 'funding'],
  ['攻关时限', 'duration'],
  ['实施时限', 'duration'],
  // (`揭榜任务完成时限为3年`: a 揭榜挂帅 direction's term.)
  ['完成时限', 'duration'],
  ['揭榜任务', 'content'],
  ['任务描述', 'content'],
  ['主要任务', 'content'],
  ['揭榜要求', 'requirements'],
  ['揭榜条件', 'requirements'],
  ['揭榜方要求', 'requirements'],
  ['揭榜方条件', 'requirements'],
  ['揭榜单位要求', 'requirements'],
  ['揭榜单位条件', 'requirements'],
  ['申报条件', 'requirements'],
  // A 课题指南's rules for who takes a topic on (`承担单位要求：由部属单位牵头申报`).
  ['承担单位要求', 'requirements'],
  ['承担单位条件', 'requirements'],
  ['主要研究内容', 'content'],
  // A MIIT task's works (`主要建设内容：…建设…生产线`).
  ['主要建设内容', 'content'],
  ['建设内容', 'content'],
  // What a tender's package buys (`（一）招标内容`).
  ['招标内容', 'content'],
  ['考核指标', 'indicators'],
  ['预期目标', 'indicators'],
  // A provincial list's targets a task is judged by (`绩效目标：（1）研制…；（2）…`).
  ['绩效目标', 'indicators'],
  ['研究目标', 'indicators'],
  // What a research topic is to deliver (`预期成果：（1）研究报告1份；（2）政策建议1份。`): what it is judged by.
  ['预期成果', 'indicators'],
  // NSFC 重大项目: `一、科学目标` heads a guide's aims, as 研究目标 does.
  ['科学目标', 'indicators'],
  ['关键词', 'keywords'],
  ['关键字', 'keywords'],
  ['合作国家', 'partners'],
  ['合作对象', 'partners'],
  ['合作对象国', 'partners'],
  ['合作国别', 'partners'],
  ['重点国别', 'partners'],
  ['重点国家', 'partners'],
  ['重点合作国家', 'partners'],
  ['重点合作国别', 'partners'],
  ['合作国家和地区', 'partners'],
  ['合作国家（地区）', 'partners'],
  ['合作国家/地区', 'partners'],
  ['合作方', 'partners'],
  // The parties of a multilateral call's topic (`参与方：巴西（FINEP）、中国（MOST）、印度（DST）`): its partners.
  ['参与方', 'partners'],
  ['参与国', 'partners'],
  ['参与国家', 'partners'],
  // The funders of a multilateral call's topic (`参与资助机构：德国BMBF、荷兰NWO、葡萄牙FCT。`): its partners.
  ['参与资助机构', 'partners'],
  ['合作资助机构', 'partners'],
  ['外方资助机构', 'partners'],
  ['合作区域', 'partners'],
  ['合作地区', 'partners'],
  ['合作国家（地区、国际组织）', 'partners'],
  // Whom a talent programme's category is open to (`面向国家：巴基斯坦`).
  ['面向国家', 'partners'],
  ['面向国别', 'partners'],
  ['面向国家（地区）', 'partners'],
  // How a task is supported: in MIIT lists it states the money (`择优遴选1～2家揭榜单位，每家…不超过
  // 2000万元`); where it states none (`前资助`) the funding reader keeps its text as it is.
  ['支持方式', 'funding'],
  // A 揭榜挂帅 task's money (`榜单金额：不超过4000万元`).
  ['榜单金额', 'funding'],
  ['揭榜金额', 'funding'],
  // The public money beside the demander's (`榜单金额：1500万元` / `财政支持：不超过450万元`): the
  // direction's funding where both are given (`totalFundingField`).
  ['财政支持', 'funding'],
  ['财政支持资金', 'funding'],
  ['省财政支持', 'funding'],
  ['拟支持团队数', 'projectCount'],
  ['攻关目标', 'indicators'],
  ['需求描述', 'content'],
  ['所属领域', 'other'],
  // Whom a kind of project brings in (`1.支持对象。面向海外…`): kept as text.
  // Which of the call's clauses a direction must meet (`须满足的申报要求：第三部分（一）（二）`): a
  // reference to the call's text, kept as text.
  ['须满足的申报要求', 'other'],
  ['适用申报要求', 'other'],
  // A joint laboratory's partner institution (`外方合作机构：泰国农业大学`): kept as text, its country
  // named in a field of its own.
  ['外方合作机构', 'other'],
  ['外方依托单位', 'other'],
  // (The partner side's own procedure, what a call lists for the Chinese applicant's information:
  // `外方对接机构：欧盟委员会科研创新总司`, `外方申请要求：…`, `外方申请截止时间：待定…`; no
  // requirement of the Chinese project's.)
  ['外方对接机构', 'other'],
  ['外方申请要求', 'other'],
  ['外方申请说明', 'other'],
  ['外方申请截止时间', 'other'],
  ['支持对象', 'other'],
  ['资助对象', 'other'],
  // A rate (`资助标准：每人每月1.5万元`), or a kind of project's money in prose (`3.资助标准。本类项目安排
  // 中央财政资金约1.8亿元。`): kept as text, the funding read from it only where no field gives it.
  ['资助标准', 'other'],
  ['自筹经费', 'other'],
  ['配套经费', 'other'],
  // Who may lead and what must match the central funds, as a re-keyed list of fields gives them
  // (`申报主体：须由企业牵头申报`, `配套要求：配套经费与国拨经费比例不低于1:1`): kept as text, and read
  // for the direction's conditions as its requirements are.
  ['申报主体', 'other'],
  ['牵头单位要求', 'other'],
  ['申报单位要求', 'other'],
  ['配套要求', 'other'],
  // (A key programme's key points under a direction, `牵头要求……企业牵头申报`, `经费配套……其他经费与国拨经费比例不低于1:1`.)
  ['牵头要求', 'other'],
  ['经费配套', 'other'],
  // (A form's box ticked or not: `企业牵头：☑是 □否`, read by `LEAD_LABELS`.)
  ['企业牵头', 'other'],
  ['是否企业牵头', 'other'],
  ['是否须企业牵头', 'other'],
  ['是否要求企业牵头', 'other'],
  ['须企业牵头申报', 'other'],
  ['是否须企业牵头申报', 'other'],
  ['配套经费与国拨经费比例', 'other'],
  ['配套资金', 'other'],
  ['配套条件', 'other'],
  // A note under a direction (`注：① 联合意向声明全文见…`): the footnotes of its fields, kept as text.
  ['注', 'other'],
  ['合作方式', 'other'],
  ['资助方式', 'other'],
  // A 指南解读's questions and answers printed among the directions (`问：1.1方向…？` / `答：…`): kept and
  // reported, never a requirement's text.
  ['问', 'other'],
  ['答', 'other'],
  ['组织方式', 'other'],
  // A project's cap as a column of its own (`单项资助上限（万元）`): read as the cap, from the text.
  ['单项资助上限', 'other'],
  // Money by year, from a table that splits it (`国拨经费（万元）` over `2027年 | 2028年 | 合计`): kept as text, the 合计 the funding.
  ['分年度国拨经费', 'other'],
  ['单个项目资助上限', 'other'],
  ['每项资助上限', 'other'],
  ['资助上限', 'other'],
  ['经费上限', 'other'],
  ['国拨经费上限', 'other'],
  ['财政支持上限', 'other'],
  ['省级财政支持上限', 'other'],
  ['支持上限', 'other'],
  ['资助强度上限', 'other'],
  ['单项经费上限', 'other'],
  // A 揭榜挂帅 task's own facts (MIIT, 工信厅): who posts it, who may lead; kept as text.
  ['榜单发布单位', 'other'],
  ['发榜单位', 'other'],
  ['需求单位', 'other'],
  ['需求提出单位', 'other'],
  ['牵头单位类型', 'other'],
  ['揭榜方式', 'other'],
  // A direction's category in a field of its own (`项目类别：基础前沿技术类`), as a key programme's
  // table per direction gives it: read as the category (`CATEGORY_LABELS`).
  ['项目类别', 'other'],
  // (NSFC's class of a direction's project, `资助类型：重点支持项目`.)
  ['资助类型', 'other'],
  ['方向类别', 'other'],
  ['类别', 'other'],
  // (A training call's kind of class, `培训类别：技术培训班`, whose cap a table states per kind.)
  ['培训类别', 'other'],
  ['培训班类别', 'other'],
  // (How long a person stays, `工作时间要求：每年在鄂工作时间不少于3个月`: no requirement of the
  // project's, no period.)
  ['工作时间要求', 'other'],
  ['在外工作要求', 'other'],
  ['在华工作时间要求', 'other'],
  // (An application system's panel: `*指南类别` / `联合研究项目`, `*指南方向编号` / `1.1`.)
  ['指南类别', 'other'],
  ['指南方向类别', 'other'],
  ['指南方向编号', 'other'],
  ['方向编号', 'other'],
  // (The body a direction's applications go to, `受理方：天津市科学技术局`: its row of a table states the cap.)
  ['受理方', 'other'],
  // (A key programme's form: how many 课题 a project may set up, no project count.)
  ['下设课题数', 'other'],
  ['项目下设课题数', 'other'],
  ['指南编号', 'other'],
  ['项目类型', 'other'],
  // The task a direction belongs to, as a summary table's column names it (`任务 | 序号 | 项目方向`).
  ['所属任务', 'other'],
  ['任务', 'other'],
];

const ROLE = new Map<string, FieldRole>(LABELS);
const BY_LENGTH = LABELS.map(([l]) => l).sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
const ALTERNATION = BY_LENGTH.join('|');

/** Every known label, longest first: for building patterns in other modules. */
export function labelsOf(role?: FieldRole): readonly string[] {
  return role === undefined ? BY_LENGTH : BY_LENGTH.filter((l) => ROLE.get(l) === role);
}

// `拟支持项目数：`, `拟支持项目数:`, or in brackets: `【拟支持项目数】`, `[拟支持项目数]`.
// A gloss in brackets before the colon (`预期目标（指标）：`, a bilingual call's `合作领域（Research
// Areas）：`) is part of the label, and so is a plain unit (`拟支持经费（万元）：`: a label/value
// table puts it after its bare number, see `clean`); a unit per project (`资助强度（万元/项）`) is not
// read here (it says what a project gets, not what the field totals).
/** A label's unit in brackets between it and its colon (`拟支持项目数（个）：4`, `经费（万元）：1200`). */
/** The units a label may give in brackets. */
const LABEL_UNITS = '(?:万元|千元|亿元|元|个|项|年|个月|月|家)(?:人民币)?';
const UNIT_GLOSS = `(?:[（(]${LABEL_UNITS}[）)])?`;
/** The units `UNIT_GLOSS` reads, as `runOnLabelStarts` finds them before a colon. */
const RE_UNIT_GLOSS_END = new RegExp(`[（(]${LABEL_UNITS}[）)]$`);
const LABEL_GLOSS = `(?:[（(](?:(?![^）)]*(?:万元|亿元|元|年|月|个|项|家))[^（）()]{1,8}|${LABEL_UNITS}|[A-Za-z][A-Za-z &'’.,/-]{1,40})[）)])?`;
// A label may be joined to its colon by a copula, as a sentence writes it (`合作领域为：`, `其他要求是：`,
// `其他要求如下：`).
// Its colon may be a dash (`合作协议——《…》`, `领域方向—农业`), as some calls print a label before its value.
// Or a full-width bar (`合作协议｜《…》　领域方向｜…`).
export const LABEL_COLON = '(?:[：:｜丨]|[—－]{1,2}(?![—－]))';
/** A character that may stand for a label's colon (`LABEL_COLON`): the cheap test before a label is looked for. */
export const RE_LABEL_COLON_CHAR = /[：:｜丨—－]/;
const RE_LABEL = new RegExp(`^(?:[【\\[](${ALTERNATION})[】\\]]|(${ALTERNATION})\\s*${LABEL_GLOSS}\\s*(?:为|是|包括|如下)?\\s*${LABEL_COLON})\\s*`);

/**
 * A field label that runs on after the text of another field (`…3个；共拟支持经费：900万元`):
 * after a clause end, a closing bracket or white space. Group 1 is the label.
 */
export const RE_RUN_ON_LABEL = new RegExp(`(?<=[。；;，,）)\\]】\\s])(?:(${ALTERNATION})${UNIT_GLOSS}\\s*${LABEL_COLON}|[【](${ALTERNATION})[】])`, 'g');

const LABEL_SET: ReadonlySet<string> = new Set(BY_LENGTH);
const LABEL_LENGTHS = [...new Set(BY_LENGTH.map((l) => l.length))].sort((a, b) => b - a);
const RUN_ON_BEFORE = /[。；;，,）)\]】\s]/;
/** Labels that start a field even glued to the value before them (never after `主要`, `的`, `以下`…: `主要考核指标：`). */
const GLUED_LABELS: ReadonlySet<string> = new Set(['有关说明', '考核指标', '关键词']);
const GLUED_NOT_AFTER = /[要的下体关项各其及和与该本]/;
/** `—` or `－`: a dash that may stand for a label's colon (`LABEL_COLON`). */
const isDash = (c: number): boolean => c === 0x2014 || c === 0xff0d;
const SPACE = /\s/;

/**
 * Where `RE_RUN_ON_LABEL` matches in `text` (each match's index, in order), found from the colons
 * and `【` that every match needs instead of trying the label alternation at every position: the
 * longest label that ends right before a colon (white space between allowed) and follows a clause
 * end, or a label in brackets. A property test holds it to the regular expression. With `glued`
 * (a line's own fields, `splitRunOn`), also a key programme's label glued to the value before it.
 */
export function runOnLabelStarts(text: string, glued = false): number[] {
  const starts: number[] = [];
  let from = 0;
  // (With `glued`, in a line that is a field, a key programme's label glued to the value before it,
  // where a copy lost the line break: `关键词：…；急性肝衰竭有关说明：要求…`. `RE_RUN_ON_LABEL` reads
  // the labels without it.)
  const first = glued ? /^\s*([^：:]{2,12})[：:]/.exec(text) : null;
  const fieldLine = first !== null && LABEL_SET.has(first[1]!.trim());
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // A colon, or one or two dashes in its place (never three, nor the second of two).
    const dashes = isDash(c) && !isDash(text.charCodeAt(i - 1)) ? (isDash(text.charCodeAt(i + 1)) ? (isDash(text.charCodeAt(i + 2)) ? 0 : 2) : 1) : 0;
    if (c === 0xff1a || c === 0x3a || c === 0xff5c || c === 0x4e28 || dashes > 0) {
      let end = i;
      while (end > from && SPACE.test(text[end - 1]!)) end--;
      // (Past a unit in brackets: `经费（万元）：`.)
      const unit = RE_UNIT_GLOSS_END.exec(text.slice(Math.max(from, end - 8), end));
      if (unit) end -= unit[0].length;
      for (const length of LABEL_LENGTHS) {
        const p = end - length;
        if (p < from || p < 1) continue;
        const label = text.slice(p, end);
        const glued = fieldLine && p > first![0].length && GLUED_LABELS.has(label) && /[\u4e00-\u9fff]/.test(text[p - 1]!) && !GLUED_NOT_AFTER.test(text[p - 1]!);
        if ((RUN_ON_BEFORE.test(text[p - 1]!) || glued) && LABEL_SET.has(label)) {
          starts.push(p);
          from = i + 1;
          break;
        }
      }
    } else if (c === 0x3010 && i >= from && i >= 1 && RUN_ON_BEFORE.test(text[i - 1]!)) {
      for (const length of LABEL_LENGTHS) {
        const close = i + 1 + length;
        if (text.charCodeAt(close) === 0x3011 && LABEL_SET.has(text.slice(i + 1, close))) {
          starts.push(i);
          from = close + 1;
          i = close;
          break;
        }
      }
    }
  }
  return starts;
}

/**
 * Labels of figures are also printed without a colon, straight before the figure
 * (`共拟支持经费1200万元左右`, `拟支持项目数3个`).
 */
const BARE_ALTERNATION = BY_LENGTH.filter((l) => ROLE.get(l) === 'funding' || ROLE.get(l) === 'projectCount').join('|');
const BARE_FIGURE = '(?=\\s*(?:为|共|合计|共计|总计|控制在)?\\s*(?:约|大约|不超过|原则上不超过|不少于|人民币|\\d))';
const RE_LABEL_BARE = new RegExp(`^(${BARE_ALTERNATION})${BARE_FIGURE}`);
/** A figure's label without a colon after a clause end, in a line that is itself a field. */
export const RE_RUN_ON_BARE = new RegExp(`(?<=[。；;，,）)\\s])(${BARE_ALTERNATION})${BARE_FIGURE}`, 'g');

/**
 * Fields a direction writes as sentences, one to a paragraph, without a label of the table: each
 * pattern, and the label it stands for. A list's domains after a copula (`合作领域为人工智能、…`,
 * `领域涉及地质与矿产、…`); the sentence that opens a direction's own requirements (`申报本方向还须
 * 满足以下要求：`, `申报本方向还须注意：`, `还须符合下列条件：`).
 */
const SENTENCE_LABELS: readonly (readonly [RegExp, string])[] = [
  [new RegExp(`^(?:${labelsOf('domains').join('|')})(?:主要)?(?:为|包括|涉及|包含|限于)(?![：:])\\s*`), '领域方向'],
  [/^(?:申报|申请)?(?:本|该)(?:指南)?方向(?:的项目)?(?:还|另|同时)?(?:须|需|应)(?:满足|符合|注意)?(?:以下|下列|如下)?(?:要求|条件|事项)?[：:]\s*/, '其他要求'],
  [/^(?:申报|申请)?[^。；：:，,]{0,8}(?:还|另|同时)(?:须|需|应)(?:满足|符合)(?:以下|下列|如下)(?:要求|条件)[：:]\s*/, '其他要求'],
];

/**
 * A numbered field's label closed by a full stop (`2.拟支持项目数。600项。`, `1.支持对象。面向…`), as a
 * 公文 prints the run-in heads of its third level: read after a number marker only, never alone.
 */
const RE_LABEL_STOP = new RegExp(`^(${ALTERNATION})\\s*。\\s*`);

/** The label of a numbered field at the start of `text` (after its number): with a colon, or a full stop. */
export function numberedLabelAt(text: string): { label: string; role: FieldRole; length: number } | null {
  const field = fieldLabelAt(text);
  if (field) return field;
  const m = RE_LABEL_STOP.exec(text);
  return m ? { label: m[1]!, role: roleOf(m[1]!), length: m[0].length } : null;
}

/** The field label at the start of `text` (with its colon and following spaces), or null. */
export function fieldLabelAt(text: string): { label: string; role: FieldRole; length: number } | null {
  const m = RE_LABEL.exec(text) ?? RE_LABEL_BARE.exec(text);
  if (m) {
    const label = (m[1] ?? m[2])!;
    return { label, role: roleOf(label), length: m[0].length };
  }
  for (const [re, label] of SENTENCE_LABELS) {
    const s = re.exec(text);
    if (s) return { label, role: roleOf(label), length: s[0].length };
  }
  return null;
}

/**
 * A paragraph that is a known label and nothing else (`合作领域`, `拟支持项目数：`, `【关键词】`), as
 * web pages and Word tables flattened into text print a label above its value. `colon`: whether it
 * has a colon or brackets (a field by itself) or is the bare word (a field only where the document
 * prints several such lines: a bare `申报要求` may be a heading).
 */
// (A label may give its value's unit: `拟支持经费（万元）` over `1200.00`.)
// (`【计划立项】：` too: a bracketed label with its colon.)
const RE_LABEL_ONLY = new RegExp(`^(?:[【\\[](.{2,10})[】\\]]\\s*(?:${LABEL_COLON})?|(.{2,10}?)\\s*${UNIT_GLOSS}\\s*(${LABEL_COLON})?)$`);
export function labelOnly(text: string): { label: string; role: FieldRole; colon: boolean } | null {
  const t = text.trim();
  const m = RE_LABEL_ONLY.exec(t);
  if (!m) return null;
  const label = (m[1] ?? m[2])!;
  if (!LABEL_SET.has(label)) return null;
  return { label, role: roleOf(label), colon: m[1] !== undefined || m[3] !== undefined };
}

/** The roles of a direction's figures: what a group of directions may state once for all of them. */
export const FIGURE_ROLES: ReadonlySet<FieldRole> = new Set(['funding', 'duration', 'projectCount']);
/** Roles that only a guideline direction has (a closing 申报要求 part has requirements too). */
export const DIRECTION_ROLES: ReadonlySet<FieldRole> = new Set(['agreement', 'domains', 'projectCount', 'funding', 'duration', 'content', 'indicators', 'keywords']);

export function roleOf(label: string): FieldRole {
  return ROLE.get(label) ?? 'unknown';
}

/**
 * Labels that name domains only where their value lists them (`支持重点：生命科学与生物技术；空间科学`);
 * a value that describes work (`支持重点：联合建设流域水文与气象监测站点，开展洪水…`) is no list of
 * domains: the label is then one no row names.
 */
const LIST_ONLY_LABELS: ReadonlySet<string> = new Set(['支持重点', '合作重点']);
const RE_WORK_DESCRIBED = /^(?:[（(]?\d[)）.．、]?\s*)?(?:围绕|针对|面向|联合|开展|建设|在|研究|研发|推动|推进|探索|构建|加强|提升|实现|利用|依托|聚焦)|[，,][^，,；;。]{0,30}?(?:开展|建设|研发|研制|构建|推动|提升|实现)/;

/** The role of a field whose label and value are both known: `roleOf`, but a list-only label's value that describes work names no domains. */
export function roleOfField(label: string, value: string): FieldRole {
  const role = roleOf(label);
  return role === 'domains' && LIST_ONLY_LABELS.has(label) && RE_WORK_DESCRIBED.test(value.trim()) ? 'unknown' : role;
}

/**
 * The role of a label no row names, by how it ends (`拟安排国拨经费` → funding, `合作项目数量` →
 * projectCount), as the column table reads header cells; `unknown` when no ending says.
 */
const ENDINGS: ReadonlyArray<readonly [RegExp, FieldRole]> = [
  [/(?:自筹|配套|地方|单位)(?:经费|资金)$/, 'other'],
  [/(?:经费|资金)(?:概算|预算|总额|额度|总概算)?$|(?:资助|支持)金额$/, 'funding'],
  [/项目(?:数|数量)$|立项数$/, 'projectCount'],
  [/(?:周期|期限|年限|执行期|时限)$/, 'duration'],
  [/(?:合作|依据|双边|政府间)(?:协议|协定)$/, 'agreement'],
  [/(?:支持|合作|重点|研究|资助|优先)(?:领域|方向)$/, 'domains'],
  // `合作聚焦以下领域：A；B；C。`
  [/(?:以下|如下)(?:领域|方向)$/, 'domains'],
  [/(?:申报|其他|具体|有关|相关)(?:要求|说明|条件)$/, 'requirements'],
];

/**
 * The role of a numbered heading that is a field's label (`二、研究内容`, `三、资助期限和资助经费`,
 * `四、申请要求及注意事项`): its title alone on its line, a known label or labels joined by 和/及/与,
 * the first one's role; null for any other title.
 */
export function roleOfHeading(title: string): FieldRole | null {
  const t = title.trim().replace(/[：:]$/, '');
  if (t.length < 2 || t.length > 12) return null;
  const first = t.split(/[和及与、]/u)[0]!;
  const role = ROLE.get(first) ?? ROLE.get(t);
  return role === undefined || role === 'name' || role === 'partners' ? null : role;
}

export function roleOfLabel(label: string): FieldRole {
  const known = ROLE.get(label);
  if (known) return known;
  for (const [re, role] of ENDINGS) if (re.test(label)) return role;
  return 'unknown';
}

/**
 * Something shaped like a label (`联系人：`, `备注:`) at the start of a paragraph, known or not:
 * two to eight CJK characters and a colon. Phrases that only introduce a list (`具体包括：`,
 * `主要内容如下：`) are not labels.
 */
const RE_LABEL_SHAPE = /^([\u4e00-\u9fff]{2,8})\s*[：:]\s*/;
const INTRODUCER = /(?:包括|如下|以下|为|是|有|在|即|含|等)$/;

export function labelShapeAt(text: string): { label: string; length: number } | null {
  const m = RE_LABEL_SHAPE.exec(text);
  if (!m || INTRODUCER.test(m[1]!)) return null;
  return { label: m[1]!, length: m[0].length };
}

/**
 * Words that make a `XX：` line inside a domains list an administrative label rather than a domain
 * (`联系人：…` after `1. 人工智能`): domains are topics, never these.
 */
export const ADMIN_LABEL_WORDS = /联系|电话|邮箱|传真|地址|备注|附件|说明|要求|经费|项目数|周期|期限|年限|协议|截止|时间|网址|注意/;

/** Labels of a field that answers whether a company must lead (`企业牵头：是`, a form's ticked box). */
export const LEAD_LABELS: ReadonlySet<string> = new Set(['企业牵头', '是否企业牵头', '是否须企业牵头', '是否要求企业牵头', '须企业牵头申报', '是否须企业牵头申报']);

/** Labels of a direction's category in a field of its own (`项目类别：共性关键技术类`). */
export const CATEGORY_LABELS: ReadonlySet<string> = new Set(['项目类别', '项目类型', '资助类型', '方向类别', '类别', '指南类别', '指南方向类别', '培训类别', '培训班类别']);

/**
 * What a section of a guideline arranged field by field names in its heading (`三、各指南方向合作协议`
 * over a line per direction, `1.1　《…》`): the field its keyed lines hold, as a label and its role.
 * A heading that names several (`四、各指南方向拟支持项目数、经费和实施周期`) or none holds sentences the
 * direction's prose is read from.
 */
export const FIELD_SECTION_HEADS: readonly (readonly [RegExp, string, FieldRole])[] = [
  [/合作协议|合作依据|合作机制/, '合作协议', 'agreement'],
  [/领域方向|合作领域|支持领域/, '领域方向', 'domains'],
  [/特殊要求|其他要求|具体要求|申报要求/, '其他要求', 'requirements'],
  [/拟支持项目数|项目数/, '拟支持项目数', 'projectCount'],
  [/经费/, '共拟支持经费', 'funding'],
  [/实施周期|执行期/, '实施周期', 'duration'],
];
