/**
 * Partner names (countries, regions, international organisations and mechanisms) as they appear in
 * the titles of guideline directions. Matching is leftmost-longest, so `白俄罗斯` is never read as
 * `俄罗斯`. A name that is an alias of another (`日本国际协力机构` → 日本) maps to its canonical partner.
 */
const COUNTRIES = `
阿富汗 阿尔巴尼亚 阿尔及利亚 安道尔 安哥拉 安提瓜和巴布达 阿根廷 亚美尼亚 澳大利亚 奥地利 阿塞拜疆 巴哈马 巴林 孟加拉国 巴巴多斯
白俄罗斯 比利时 伯利兹 贝宁 不丹 玻利维亚 波黑 波斯尼亚和黑塞哥维那 博茨瓦纳 巴西 文莱 保加利亚 布基纳法索 布隆迪 佛得角 柬埔寨 喀麦隆
加拿大 乍得 智利 哥伦比亚 科摩罗 刚果（布） 刚果（金） 刚果 哥斯达黎加 科特迪瓦 克罗地亚 古巴 塞浦路斯 捷克 丹麦 吉布提 多米尼克
多米尼加 厄瓜多尔 埃及 萨尔瓦多 赤道几内亚 厄立特里亚 爱沙尼亚 斯威士兰 埃斯瓦蒂尼 埃塞俄比亚 斐济 芬兰 法国 加蓬 冈比亚 格鲁吉亚
德国 加纳 希腊 格林纳达 危地马拉 几内亚比绍 几内亚 圭亚那 海地 洪都拉斯 匈牙利 冰岛 印度尼西亚 印度 伊朗 伊拉克 爱尔兰 以色列
意大利 牙买加 日本 约旦 哈萨克斯坦 肯尼亚 基里巴斯 朝鲜 韩国 科威特 吉尔吉斯斯坦 老挝 拉脱维亚 黎巴嫩 莱索托 利比里亚 利比亚
列支敦士登 立陶宛 卢森堡 马达加斯加 马拉维 马来西亚 马尔代夫 马里 马耳他 马绍尔群岛 毛里塔尼亚 毛里求斯 墨西哥 密克罗尼西亚 摩尔多瓦
摩纳哥 蒙古国 蒙古 黑山 摩洛哥 莫桑比克 缅甸 纳米比亚 瑙鲁 尼泊尔 荷兰 新西兰 尼加拉瓜 尼日尔 尼日利亚 北马其顿 挪威 阿曼
巴基斯坦 帕劳 巴勒斯坦 巴拿马 巴布亚新几内亚 巴拉圭 秘鲁 菲律宾 波兰 葡萄牙 卡塔尔 罗马尼亚 俄罗斯 卢旺达 圣基茨和尼维斯
圣卢西亚 圣文森特和格林纳丁斯 萨摩亚 圣马力诺 圣多美和普林西比 沙特阿拉伯 沙特 塞内加尔 塞尔维亚 塞舌尔 塞拉利昂 新加坡 斯洛伐克
斯洛文尼亚 所罗门群岛 索马里 南非 南苏丹 西班牙 斯里兰卡 苏丹 苏里南 瑞典 瑞士 叙利亚 塔吉克斯坦 坦桑尼亚 泰国 东帝汶 多哥
汤加 特立尼达和多巴哥 突尼斯 土耳其 土库曼斯坦 图瓦卢 乌干达 乌克兰 阿联酋 阿拉伯联合酋长国 英国 美国 乌拉圭 乌兹别克斯坦 瓦努阿图
委内瑞拉 越南 也门 赞比亚 津巴布韦 香港 澳门 台湾
`;

const ORGANISATIONS = `
欧盟 欧洲联盟 东盟 非盟 联合国 上合组织 上海合作组织 金砖国家 二十国集团 亚太经合组织 国际原子能机构 国际热核聚变实验堆 阿盟 拉共体
中东欧国家 中亚国家 南亚国家 太平洋岛国 拉美 拉美国家 非洲国家 阿拉伯国家
联合国工业发展组织 联合国教科文组织 联合国环境规划署 联合国开发计划署 世界卫生组织 世界气象组织 联合国粮农组织 粮农组织 国际能源署 国际基因工程和生物技术中心
国际可再生能源署 经合组织 欧洲核子研究中心 国际应用系统分析研究所 国际农业研究磋商组织 国际水稻研究所 国际山地综合发展中心
国际科学理事会 国际标准化组织 国际电信联盟 世界知识产权组织 全球环境基金 澜湄合作 澜沧江-湄公河合作 澜沧江—湄公河合作 澜沧江－湄公河合作 北极理事会 东亚峰会
亚洲合作对话 东盟与中日韩 一带一路 “一带一路” 中亚 东盟国家 欧亚经济联盟 南南合作 金砖 东北亚
国际马铃薯中心 国际家畜研究所 国际玉米小麦改良中心 国际热带农业中心 国际半干旱热带作物研究所 国际干旱地区农业研究中心 国际林业研究中心
世界农用林业中心 国际水资源管理研究所 国际食物政策研究所 国际热带农业研究所 国际生物多样性中心 世界鱼类中心 国际农业发展基金 世界粮食计划署
`;

const COUNTRY_SET: ReadonlySet<string> = new Set(COUNTRIES.split(/\s+/).filter(Boolean));

/**
 * Initiatives that frame a call rather than name a partner: in a title whose partners field names
 * the partners themselves (`与“一带一路”共建国家联合研发` / `合作国家：东盟国家、上海合作组织成员国`),
 * the frame, not a partner.
 */
/**
 * Partners with whom cooperation rests on no intergovernmental agreement (海峡两岸: a direction with
 * Taiwan alone names an exchange mechanism or none): a direction of theirs that names no agreement
 * lacks nothing.
 */
export const PARTNERS_WITHOUT_AGREEMENT: ReadonlySet<string> = new Set(['台湾']);

export const FRAMING_PARTNERS: ReadonlySet<string> = new Set(['一带一路', '南南合作']);

/** Whether a partner's canonical name is a country's (or a region's of China), no group's or organisation's. */
export function isCountry(name: string): boolean {
  return COUNTRY_SET.has(name);
}

/**
 * A group of countries by where they are (`中亚国家`, `中亚`, `非洲国家`, `太平洋岛国`), not an
 * organisation or mechanism (`东盟`, `欧盟`, `上合组织`, `金砖国家` fund and sign as such): in a title whose partners field
 * names the countries (`中国—中亚国家联合实验室项目` / `合作国家：哈萨克斯坦、…`), the countries are
 * the partners and the group only says where they are. (Earlier read as a partner beside them;
 * four writers of blind sets out of five leave it out, and the call's count of partners counts the
 * countries.)
 */
export function isRegionGroup(name: string): boolean {
  return !COUNTRY_SET.has(name) && /^(?:中亚|东南亚|南亚|西亚|北非|东非|西非|拉美|拉丁美洲|非洲|中东欧|北欧|中东|东北亚|加勒比|阿拉伯|太平洋岛|太平洋岛屿)(?:国家|地区|国)?$/.test(name);
}

/**
 * The names a guideline gives its own side where it gives each side's figures (`【中方】` over its own
 * block, `内地：3年；香港：…`): the call's figures are this side's.
 */
export const HOME_SIDES: readonly string[] = ['中方', '我方', '内地', '大陆'];

/** Alias → canonical partner. */
const ALIASES: Readonly<Record<string, string>> = {
  日本国际协力机构: '日本',
  欧洲联盟: '欧盟',
  欧洲共同体: '欧盟',
  // (A state's full name in an agreement's title: `大不列颠及北爱尔兰联合王国` is no 爱尔兰.)
  大不列颠及北爱尔兰联合王国: '英国',
  欧盟委员会: '欧盟',
  // The EU's research council (`与欧洲研究理事会（ERC）…交流项目`): a call with the EU.
  欧洲研究理事会: '欧盟',
  ERC: '欧盟',
  上海合作组织: '上合组织',
  阿拉伯联合酋长国: '阿联酋',
  波斯尼亚和黑塞哥维那: '波黑',
  蒙古国: '蒙古',
  沙特: '沙特阿拉伯',
  粮农组织: '联合国粮农组织',
  '澜沧江-湄公河合作': '澜湄合作',
  '澜沧江—湄公河合作': '澜湄合作',
  '澜沧江－湄公河合作': '澜湄合作',
  '“一带一路”': '一带一路',
  金砖: '金砖国家',
  东盟国家: '东盟',
  ASEAN: '东盟',
  CELAC: '拉共体',
  拉美和加勒比国家共同体: '拉共体',
  拉丁美洲和加勒比国家共同体: '拉共体',
  BRICS: '金砖国家',
  SCO: '上合组织',
  EU: '欧盟',
  APEC: '亚太经合组织',
  IAEA: '国际原子能机构',
  UNIDO: '联合国工业发展组织',
  UNESCO: '联合国教科文组织',
  ICGEB: '国际基因工程和生物技术中心',
  CGIAR: '国际农业研究磋商组织',
  IIASA: '国际应用系统分析研究所',
  ICIMOD: '国际山地综合发展中心',
  FAO: '联合国粮农组织',
  WHO: '世界卫生组织',
  WMO: '世界气象组织',
  IEA: '国际能源署',
  UNEP: '联合国环境规划署',
  UNDP: '联合国开发计划署',
  G20: '二十国集团',
};

const NAMES = [
  ...new Set([...COUNTRIES.split(/\s+/), ...ORGANISATIONS.split(/\s+/), ...Object.keys(ALIASES)].filter(Boolean)),
].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));

// Latin acronyms (`ASEAN`, `EU`) only as whole words: never inside `EUROPE` or `SCOPE`.
// (Nor a name that starts an ocean's: `印度洋` is no 印度.)
const RE_NAMES = new RegExp(
  NAMES.map((n) => (/^[A-Z0-9]+$/.test(n) ? `(?<![A-Za-z])${n}(?![A-Za-z])` : `${n.replace(/[()（）]/g, '\\$&')}(?!洋)`)).join('|'),
  'g',
);

/** Names that stand for several partners at once, or for one under another name. */
const GROUPS: Readonly<Record<string, readonly string[]>> = {
  粤港澳: ['香港', '澳门'],
  港澳台: ['香港', '澳门', '台湾'],
  港澳: ['香港', '澳门'],
  粤澳: ['澳门'],
  海峡两岸: ['台湾'],
  两岸: ['台湾'],
  澳门特别行政区: ['澳门'],
  香港特别行政区: ['香港'],
  台湾地区: ['台湾'],
  中日韩: ['日本', '韩国'],
};
const RE_GROUPS = new RegExp(Object.keys(GROUPS).sort((a, b) => b.length - a.length).join('|'), 'g');

export interface PartnerHit {
  readonly name: string;
  /** The text as found (an alias keeps its own spelling here). */
  readonly text: string;
  readonly index: number;
  readonly length: number;
}

/** Partners named in `text`, in order, without repeats (China itself is never a partner). */
export function findPartners(text: string): PartnerHit[] {
  const all: PartnerHit[] = [];
  for (const m of text.matchAll(RE_GROUPS)) for (const name of GROUPS[m[0]]!) all.push({ name, text: m[0], index: m.index, length: m[0].length });
  for (const m of text.matchAll(RE_NAMES)) all.push({ name: ALIASES[m[0]] ?? m[0], text: m[0], index: m.index, length: m[0].length });
  // Each partner once, where the text first names it (`内地与香港粤港澳大湾区…`: 香港 at `香港`); never
  // a name inside a longer one (`东盟与中日韩` is one mechanism, not also 日本 and 韩国).
  const hits: PartnerHit[] = [];
  const seen = new Set<string>();
  const inside = (h: PartnerHit): boolean => all.some((o) => o.length > h.length && o.index <= h.index && h.index + h.length <= o.index + o.length);
  for (const h of all.sort((a, b) => a.index - b.index || b.length - a.length)) {
    if (seen.has(h.name) || inside(h)) continue;
    seen.add(h.name);
    hits.push(h);
  }
  return hits;
}

/**
 * The one-character names of partners in a title's `中X` (`中德氢能…联合攻关`, `中欧…联合研发`),
 * where the character names one partner only. `新` (新加坡, 新西兰), `澳` (澳大利亚, 澳门), `巴`
 * (巴西, 巴基斯坦), `瑞` (瑞士, 瑞典), `阿`, `塞`, `斯`, `马`, `乌`, `伊` name several and are not read.
 */
const ABBREVIATED: Readonly<Record<string, string>> = {
  德: '德国', 法: '法国', 英: '英国', 美: '美国', 俄: '俄罗斯', 日: '日本', 韩: '韩国', 欧: '欧盟', 以: '以色列', 意: '意大利',
  匈: '匈牙利', 埃: '埃及', 波: '波兰', 荷: '荷兰', 希: '希腊', 葡: '葡萄牙', 芬: '芬兰', 挪: '挪威', 丹: '丹麦', 泰: '泰国',
  越: '越南', 老: '老挝', 柬: '柬埔寨', 缅: '缅甸', 蒙: '蒙古国', 哈: '哈萨克斯坦', 白: '白俄罗斯', 捷: '捷克', 比: '比利时',
  智: '智利', 秘: '秘鲁', 古: '古巴', 墨: '墨西哥', 肯: '肯尼亚', 土: '土耳其', 沙: '沙特阿拉伯', 印尼: '印度尼西亚', 印: '印度',
};

/** Characters that name several partners, and which: read only where the text around names one of them. */
const AMBIGUOUS: Readonly<Record<string, readonly string[]>> = {
  新: ['新加坡', '新西兰'], 澳: ['澳门', '澳大利亚'], 巴: ['巴西', '巴基斯坦'], 瑞: ['瑞士', '瑞典'], 塞: ['塞尔维亚', '塞浦路斯'],
  马: ['马来西亚', '马耳他'], 乌: ['乌兹别克斯坦', '乌克兰', '乌拉圭'], 伊: ['伊朗', '伊拉克'], 阿: ['阿根廷', '阿联酋', '阿尔及利亚'],
  斯: ['斯里兰卡', '斯洛文尼亚', '斯洛伐克'],
};

/**
 * The side a title starts with before its partner's one character: China (`中德…`), or a province
 * or city by its own (`苏港科技创新合作`, `川台科技交流`, `沪澳…`).
 */
// (And a city's: `穗港联合研发` (广州), `深港…` (深圳), `厦台…` (厦门).)
const HOME = '中苏浙沪京津渝川粤鲁豫鄂湘皖赣闽冀晋辽吉黑陕甘宁青桂滇黔琼蒙藏穗深厦';

/** Regions of China by their one character, after a province's: `苏港` → 香港, `川台` → 台湾. */
const REGIONS: Readonly<Record<string, string>> = { 港: '香港', 台: '台湾' };

/**
 * The partner a title's leading `中X` (or a province's `苏X`) names (`中德…`, `中印尼…`, `苏港…`), null
 * where none; a character that names several partners (`新`, `澳`) only where `context` (the
 * group's heading, the direction's text) names exactly one of them; a name's rest in brackets
 * after its character (`中新（西兰）`) spells it out. Never `中美洲`, `中欧国家`, `中欧班列` (a railway).
 */
export function abbreviatedPartner(title: string, context = ''): PartnerHit | null {
  // A name's rest in brackets after its character (`中新（西兰）…`, `中瑞（士）…`): the whole name.
  const spelt = /^中([\u4e00-\u9fff])[（(]([\u4e00-\u9fff]{1,6})[）)]/.exec(title);
  if (spelt && COUNTRY_SET.has(spelt[1]! + spelt[2]!)) return { name: ALIASES[spelt[1]! + spelt[2]!] ?? spelt[1]! + spelt[2]!, text: spelt[0], index: 0, length: spelt[0].length };
  const m = new RegExp(`^([${HOME}])(印尼|[\\u4e00-\\u9fff])(?!洲|国家|地区|部|小|期|心|间|层|型|等|级|式|班列)`, 'u').exec(title);
  // (A province's only in a title of cooperation: `黑土地保护…` is no `黑` + 土耳其.)
  if (!m || (m[1] !== '中' && !/合作|联合|交流/.test(title))) return null;
  const china = m[1] === '中';
  const char = m[2]!;
  let name = (china ? ABBREVIATED[char] : undefined) ?? REGIONS[char] ?? (!china ? ABBREVIATED[char] : undefined);
  if (!name && AMBIGUOUS[char]) {
    const named = AMBIGUOUS[char]!.filter((n) => context.includes(n));
    if (named.length === 1) name = named[0];
  }
  return name ? { name, text: m[0], index: 0, length: m[0].length } : null;
}
