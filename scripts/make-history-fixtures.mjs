#!/usr/bin/env node
// Writes the guideline series of test/fixtures/history/: five versions of the
// “政府间国际科技创新合作” guideline made from the seed draft's paragraphs (read from the committed
// extracted JSON, as the PDF fixture scripts do), one paragraph per line, as an analyst would
// collect them over two years:
//
//   2024-batch1-draft.txt   2024年度第一批（征求意见稿）: 13 directions; no 中奥产学研, 斯洛文尼亚 or
//                           白俄罗斯旗舰 yet; a 中新（新西兰）direction; 越南 600万元 / 3个
//   2024-batch1-final.txt   2024年度第一批: 芬兰 dropped (the directions after it renumbered); 越南
//                           700万元; 马来西亚 6 → 5 projects; the stated funding total left as in the
//                           draft (a funding-total-mismatch, as real finals sometimes have)
//   2025-batch1-draft.txt   2025年度第一批（征求意见稿）: the seed's 15 directions (芬兰 back, 新西兰
//                           gone, 中奥产学研 / 斯洛文尼亚 / 白俄罗斯旗舰 new), but the 中俄白 joint
//                           laboratories without 白俄罗斯 (a partner dropped); the seed's stated figures
//   2025-batch1-final.txt   2025年度第一批: 缅甸 dropped (the directions after it renumbered);
//                           白俄罗斯 restored to the joint laboratories; 欧盟 3500万元, 西班牙 5000万元,
//                           中奥科技合作 不超过12个
//   2025-batch2-final.txt   2025年度第二批: 南非, 埃及, 巴西 new; 新西兰 back after a year away; 中匈
//                           联合研发 again with other figures
//
// The texts name years, batches and drafts as the real documents do: titles over two lines,
// （征求意见稿） under the title of drafts only, summary figures stated in the text.
//
//   node scripts/make-history-fixtures.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { paragraphs } from './seed-paragraphs.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const OUT = join(ROOT, 'test/fixtures/history');

// ---- the seed, split into its preamble and its directions -------------------------------------

const seedParagraphs = paragraphs();
const firstDirection = seedParagraphs.findIndex((p) => p.kind === 'direction');
const preamble = seedParagraphs.slice(0, firstDirection).map((p) => p.text);

/** The seed's directions by a short name: `{ title, body }`, the heading's number dropped. */
const seedDirections = [];
for (const p of seedParagraphs.slice(firstDirection)) {
  if (p.kind === 'direction') seedDirections.push({ title: p.text.replace(/^\d\.\d\s*/, ''), body: [] });
  else seedDirections.at(-1).body.push(p.text);
}
const NAMES = ['越南', '马来西亚', '缅甸', 'JICA', '欧盟', '西班牙', '芬兰', '奥地利', '奥地利产学研', '匈牙利', '匈牙利实验室', '俄白实验室', '斯洛文尼亚', '白俄罗斯旗舰', '俄罗斯'];
if (seedDirections.length !== NAMES.length) throw new Error(`the seed has ${seedDirections.length} directions, expected ${NAMES.length}`);
const SEED = Object.fromEntries(NAMES.map((n, i) => [n, seedDirections[i]]));

/** Directions the seed does not have, written as the seed's are. */
const EXTRA = {
  新西兰: {
    title: '中国和新西兰政府间科学合作项目',
    body: [
      '合作协议：《中华人民共和国政府和新西兰政府科学技术合作协定》《中新科技合作联委会第七次会议纪要》。',
      '领域方向：食品安全与农业科学；健康与生物医药；环境与气候变化；南极与海洋科学。',
      '拟支持项目数：4个。',
      '共拟支持经费：800万元人民币。',
      '其他要求：合作项目必须双方同时申报，单方申报无效。项目实施周期3年。',
    ],
  },
  南非: {
    title: '中国和南非政府间联合研究项目',
    body: [
      '合作协议：《中南科技合作联委会第八次会议纪要》。',
      '领域方向：',
      '（1）矿产资源综合利用；',
      '（2）新能源与储能；',
      '（3）农业与粮食安全；',
      '（4）传染病防控。',
      '拟支持项目数：5个。',
      '共拟支持经费：1000万元人民币。',
      '其他要求：合作项目必须双方同时申报，单方申报无效。项目实施周期3年。',
    ],
  },
  埃及: {
    title: '中国和埃及政府间联合研发项目',
    body: [
      '合作协议：《中埃科技合作联委会第六次会议纪要》。',
      '领域方向：水资源与节水农业；可再生能源；生物技术与健康；遥感与空间技术。',
      '拟支持项目数：不超过4个。',
      '共拟支持经费：800万元人民币。',
      '其他要求：合作项目必须双方同时申报，单方申报无效。项目实施周期3年。',
    ],
  },
  巴西: {
    title: '中国和巴西政府间科技创新合作项目',
    body: [
      '合作协议：《中巴高层协调与合作委员会科技创新分委会第七次会议纪要》。',
      '领域方向：生物经济；新能源；数字经济与人工智能；空间技术。',
      '拟支持项目数：3个。',
      '共拟支持经费：900万元人民币。',
      '其他要求：项目合作双方需分别向本国的项目征集部门提交申报材料，单方申报项目无效。项目实施周期原则上不超过3年。',
    ],
  },
};

// ---- edits ------------------------------------------------------------------------------------

/** Replaces `from` in a direction (title or body); it must occur exactly once. */
function edit(direction, from, to) {
  const all = [direction.title, ...direction.body].join('\n');
  const n = all.split(from).length - 1;
  if (n !== 1) throw new Error(`'${from}' occurs ${n} times in ${direction.title}, expected once`);
  const [title, ...body] = all.replace(from, to).split('\n');
  return { title, body };
}

const funding = (d, from, to) => edit(d, `共拟支持经费：${from}`, `共拟支持经费：${to}`);
const count = (d, from, to) => edit(d, `拟支持项目数：${from}`, `拟支持项目数：${to}`);
/** The joint laboratories' dates, a year earlier in the 2024 guidelines. */
const lab2024 = (d) => ({ ...d, body: d.body.map((p) => p.replaceAll('2024年1月1日', '2023年1月1日')) });
/** The 中俄白 joint laboratories without 白俄罗斯: title, the 中白 minutes and the partner clause. */
const russiaOnly = (d) => {
  let out = edit(d, '中国和俄罗斯、白俄罗斯国家联合实验室项目', '中国和俄罗斯国家联合实验室项目');
  out = edit(out, '《中俄总理定期会晤委员会科技合作分委会第二十八届例会会议纪要》《中白政府间合作委员会科技合作分委会第五次会议纪要》', '《中俄总理定期会晤委员会科技合作分委会第二十八届例会会议纪要》');
  return edit(out, '合作国别仅限俄罗斯、白俄罗斯，', '合作国别仅限俄罗斯，');
};

// ---- documents --------------------------------------------------------------------------------

const CJK_BATCH = ['', '一', '二', '三'];

/** 34700 (万元) → `3.47亿元`; a sum that 亿元 with three decimals cannot state stays in 万元. */
function total(wan) {
  return wan % 10 === 0 ? `${wan / 10000}亿元` : `${wan}万元`;
}

/** The figures a direction states, for the summary sentence. */
function figures(d) {
  const text = d.body.join('\n');
  const wan = Number(/共拟支持经费：(\d+)万元/.exec(text)?.[1] ?? 0);
  const projects = Number(/拟支持项目数：\D*?(\d+)/.exec(text)?.[1] ?? 0);
  return { wan, projects };
}

/** Partners named in a title (`俄罗斯` not inside `白俄罗斯`): for the stated partner count. */
const KNOWN_PARTNERS = ['越南', '马来西亚', '缅甸', '日本', '欧盟', '西班牙', '芬兰', '奥地利', '匈牙利', '白俄罗斯', '俄罗斯', '斯洛文尼亚', '新西兰', '南非', '埃及', '巴西'];
const partnersOf = (title) => KNOWN_PARTNERS.filter((k) => (k === '俄罗斯' ? title.replaceAll('白俄罗斯', '') : title).includes(k));

/** `1.1` … `1.9`, `2.0`, `2.1` …: the seed's numbering, rolling over after 1.9. */
const number = (i) => `${1 + Math.floor((i + 1) / 10)}.${(i + 1) % 10}`;

function document({ year, batch, draft, directions, stated }) {
  const batchZh = CJK_BATCH[batch];
  const sums = directions.map(figures).reduce((a, f) => ({ wan: a.wan + f.wan, projects: a.projects + f.projects }), { wan: 0, projects: 0 });
  const partners = new Set(directions.flatMap((d) => partnersOf(d.title)));
  const summary = {
    directions: directions.length,
    partners: partners.size,
    projects: stated?.projects ?? sums.projects,
    total: stated?.total ?? total(sums.wan),
  };
  const lines = [
    '国家重点研发计划“政府间国际科技创新合作”重点专项',
    `${year}年度第${batchZh}批项目申报指南`,
    ...(draft ? ['（征求意见稿）'] : []),
    preamble[1],
    preamble[2].replace('2025年度第一批', `${year}年度第${batchZh}批`),
    preamble[3],
    preamble[4].replace('2025年，', `${year}年，`).replace('对于2024年度签署', `对于${year - 1}年度签署`).replace('本专项2025年度指南', `本专项${year}年度指南`),
    preamble[5],
    `经与有关合作方磋商议定，${year}年度第${batchZh}批项目设立${summary.directions}个指南方向，支持与${summary.partners}个国家、地区、国际组织和多边合作机制开展科技合作，拟支持项目数约${summary.projects}个，国拨经费总概算${summary.total}人民币。每个项目实施周期一般为2~3年（以指南方向具体要求为准）。项目不下设课题。具体指南方向及要求如下。`,
    ...directions.flatMap((d, i) => [`${number(i)} ${d.title}`, ...d.body]),
    '三、申报要求',
    `（一）中方申报单位须为在中国大陆境内登记注册的科研院所、高等学校和企业等，具有独立法人资格，注册时间在${year - 1}年6月30日前。`,
    '（二）申报项目须有明确的外方合作单位，并提供双方签署的合作协议或合作意向书。',
    '（三）本专项项目的管理要求和申报程序按照国家重点研发计划相关规定执行。',
  ];
  return `${lines.join('\n\n')}\n`;
}

const S = SEED;
const d2024 = {
  越南: count(funding(S.越南, '800万元', '600万元'), '4个', '3个'),
  马来西亚: S.马来西亚,
  缅甸: S.缅甸,
  JICA: S.JICA,
  欧盟: S.欧盟,
  西班牙: S.西班牙,
  芬兰: S.芬兰,
  奥地利: S.奥地利,
  新西兰: EXTRA.新西兰,
  匈牙利: S.匈牙利,
  匈牙利实验室: lab2024(S.匈牙利实验室),
  俄白实验室: lab2024(S.俄白实验室),
  俄罗斯: S.俄罗斯,
};
const draft2024 = Object.values(d2024);
const final2024 = Object.entries({ ...d2024, 越南: funding(d2024.越南, '600万元', '700万元'), 马来西亚: count(S.马来西亚, '6个', '5个') })
  .filter(([name]) => name !== '芬兰')
  .map(([, d]) => d);
const draft2025 = NAMES.map((n) => (n === '俄白实验室' ? russiaOnly(S[n]) : S[n]));
const final2025 = NAMES.filter((n) => n !== '缅甸').map((n) =>
  n === '欧盟'
    ? funding(S.欧盟, '3000万元人民币左右', '3500万元人民币左右')
    : n === '西班牙'
      ? funding(S.西班牙, '6000万元', '5000万元')
      : n === '奥地利'
        ? count(S.奥地利, '不超过15个', '不超过12个')
        : S[n],
);
const batch2 = [EXTRA.南非, EXTRA.埃及, count(funding(S.匈牙利, '1500万元', '900万元'), '不超过10个', '不超过6个'), EXTRA.巴西, count(funding(EXTRA.新西兰, '800万元', '1000万元'), '4个', '5个')];

const files = {
  '2024-batch1-draft.txt': document({ year: 2024, batch: 1, draft: true, directions: draft2024 }),
  // The final's total is the draft's, not updated after 芬兰 was dropped.
  '2024-batch1-final.txt': document({ year: 2024, batch: 1, draft: false, directions: final2024, stated: { total: total(draft2024.map(figures).reduce((a, f) => a + f.wan, 0)) } }),
  // The seed's own stated figures (which do not add up: 4.02亿元 against 3.895亿元).
  '2025-batch1-draft.txt': document({ year: 2025, batch: 1, draft: true, directions: draft2025, stated: { projects: 155, total: '4.02亿元' } }),
  '2025-batch1-final.txt': document({ year: 2025, batch: 1, draft: false, directions: final2025 }),
  '2025-batch2-final.txt': document({ year: 2025, batch: 2, draft: false, directions: batch2 }),
};

mkdirSync(OUT, { recursive: true });
for (const [name, text] of Object.entries(files)) writeFileSync(join(OUT, name), text);
process.stdout.write(`wrote ${Object.keys(files).length} documents to test/fixtures/history/\n`);
