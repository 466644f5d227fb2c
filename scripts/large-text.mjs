// A large guideline text made from the seed (corpus/2025-batch1-draft.txt), for the bench's `large`
// section and for measuring memory by hand (`node scripts/large-text.mjs 10 > /tmp/long.txt`).
//
// Not the seed repeated: a call of the seed's kind grown to many thousands of directions, numbered
// in three levels as NSFC's calls are (`1.` a field, `1.1` a partner, `1.1.1` a direction; none
// past 99 at any level):
//
//   二、领域和方向            the seed's preamble, its figures (directions, partners, projects,
//                            funding) those of the generated directions
//   1. 能源领域国际科技合作  one part per field of research (the list below, then a second round of
//                            them as `（二期）`)
//   1.1 与越南合作           one group per partner country, in an order of its own in each part
//   1.1.1 中国和越南政府间联合研究项目
//                            4–12 directions per group, each the body of one of the seed's twelve
//                            bilateral directions (picked at random) with the partner's name in it,
//                            its count of projects, its funding and its duration drawn at random
//
// The seed's wrapping (a line every ~28 characters, a blank line after each, a page start marked by
// a leading space) stays as it is in the bodies. Seeded: the same text on every run.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { random } from './random.mjs';

const SEED_PATH = fileURLToPath(new URL('../corpus/2025-batch1-draft.txt', import.meta.url));

const FIELDS = `能源 交通 先进制造 新材料 信息通信 人工智能 生物技术 医药卫生 现代农业 食品科学 水资源 环境保护 气候变化 防灾减灾 海洋 极地
航空航天 城镇化与城市发展 文化遗产保护 矿产资源 林业 畜牧兽医 渔业 中医药 公共卫生 数字经济 智慧城市 碳达峰碳中和 生物多样性 地球科学
空间科学 天文 高能物理 量子信息 集成电路 储能 氢能 核能 可再生能源 智能电网 轨道交通 新能源汽车 船舶与海洋工程 机器人 传感器 大数据
网络安全 基础数学 化学 凝聚态物理 纳米科技 光电子 精细化工 纺织 绿色建筑 遥感与测绘`.split(/\s+/);

const COUNTRIES = `越南 老挝 柬埔寨 泰国 缅甸 马来西亚 新加坡 印度尼西亚 菲律宾 文莱 蒙古 韩国 日本 巴基斯坦 孟加拉国 斯里兰卡 尼泊尔 哈萨克斯坦
乌兹别克斯坦 吉尔吉斯斯坦 塔吉克斯坦 土库曼斯坦 伊朗 以色列 土耳其 埃及 沙特 阿联酋 卡塔尔 约旦 俄罗斯 白俄罗斯 乌克兰 波兰 捷克 斯洛伐克
匈牙利 罗马尼亚 保加利亚 塞尔维亚 克罗地亚 斯洛文尼亚 希腊 意大利 西班牙 葡萄牙 法国 德国 荷兰 比利时 瑞士 奥地利 丹麦 瑞典 芬兰 挪威
冰岛 爱尔兰 英国 南非 肯尼亚 埃塞俄比亚 尼日利亚 摩洛哥 阿根廷 巴西 智利 秘鲁 墨西哥 古巴 新西兰 澳大利亚 加拿大`.split(/\s+/);

/** The seed's preamble (up to its first direction) and its twelve directions with one partner country in the title. */
function templates() {
  const seed = readFileSync(SEED_PATH, 'utf8');
  const lines = seed.split('\n');
  const first = lines.findIndex((l) => /^\s?1\.1/.test(l));
  const heads = [];
  for (let i = first; i < lines.length; i++) if (/^\s?\d\.\d\s?中国/.test(lines[i])) heads.push(i);
  const directions = [];
  heads.forEach((at, k) => {
    const title = lines[at].replace(/^\s?\d\.\d\s?/, '');
    // `中国和越南政府间联合研究项目` → partner 越南, kind 政府间联合研究项目 (not JICA, the EU, two partners).
    const m = /^中国和([^、，]+?)((?:政府间|国家).*)$/.exec(title);
    if (!m) return;
    directions.push({ partner: m[1], kind: m[2], body: lines.slice(at + 1, heads[k + 1] ?? lines.length) });
  });
  return { preamble: lines.slice(0, first), directions };
}

/** `name` in a template's text, never inside a longer name (`俄罗斯` in `白俄罗斯`). */
const nameIn = (name) => new RegExp(`(?<!白)${name}`, 'g');

/** The body of direction `t` for `partner`, its figures drawn from `rnd`; with the figures it states. */
function directionBody(t, partner, rnd) {
  const projects = 2 + Math.floor(rnd() * 19);
  const funding = projects * (100 + 50 * Math.floor(rnd() * 7));
  const years = rnd() < 0.7 ? 3 : 2;
  const body = t.body.map((line) =>
    line
      .replace(nameIn(t.partner), partner)
      .replace(/(拟支持项目数：\s*(?:不超过\s*)?)\d+/, `$1${projects}`)
      .replace(/(共拟支持经费：)\d+/, `$1${funding}`)
      .replace(/(实施周期[^0-9\n]{0,8})\d(\s?年)/, `$1${years}$2`),
  );
  return { body, projects, funding };
}

/** A guideline text of about `megabytes` MB (10^6 bytes of UTF-8). */
export function largeText(megabytes, seedNumber = 25) {
  const rnd = random(seedNumber);
  const { preamble, directions } = templates();
  const target = megabytes * 1e6;
  const out = [];
  let bytes = 0;
  const push = (line) => {
    out.push(line);
    bytes += Buffer.byteLength(line) + 1;
  };
  let count = 0;
  let projects = 0;
  let funding = 0;
  const partners = new Set();
  for (let part = 1; part <= 99 && bytes < target; part++) {
    const field = FIELDS[(part - 1) % FIELDS.length];
    push(`${part}. ${field}领域国际科技合作${part > FIELDS.length ? '（二期）' : ''}`);
    push('');
    // The partners in an order of their own in each part, as many as the part has room for.
    const order = COUNTRIES.map((c) => [rnd(), c]).sort((a, b) => a[0] - b[0]).map(([, c]) => c).slice(0, 40 + Math.floor(rnd() * 30));
    for (let g = 1; g <= order.length && bytes < target; g++) {
      const partner = order[g - 1];
      push(`${part}.${g} 与${partner}合作`);
      push('');
      const n = 4 + Math.floor(rnd() * 9);
      for (let d = 1; d <= n && bytes < target; d++) {
        const t = directions[Math.floor(rnd() * directions.length)];
        const made = directionBody(t, partner, rnd);
        push(`${part}.${g}.${d} 中国和${partner}${t.kind}`);
        for (const line of made.body) push(line);
        count++;
        partners.add(partner);
        projects += made.projects;
        funding += made.funding;
      }
    }
  }
  // The preamble's figures are those of the generated directions; a total past what a call can
  // plausibly hold (1,000 projects, 1,000亿元: src/lexicon/numbers.ts) is not stated.
  const head = preamble
    .join('\n')
    .replace(/设立 15个/, `设立 ${count}个`)
    .replace(/支持与 12 个/, `支持与 ${partners.size} 个`)
    .replace(
      /，拟支持项目数约 155个，国拨经费总概算 4\.02亿\n\n元人民币。/,
      `${projects <= 1000 ? `，拟支持项目数约 ${projects}个` : ''}${funding <= 1e7 ? `，国拨经费总概算 ${+(funding / 1e4).toFixed(4)}亿元人民币` : ''}。`,
    );
  return `${head}\n${out.join('\n')}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.stdout.write(largeText(Number(process.argv[2] ?? 10)));
}
