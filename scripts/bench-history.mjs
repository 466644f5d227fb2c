#!/usr/bin/env node
// The `history` section of the benchmark (scripts/bench.mjs calls it): a series of 50 versions of a
// 50-direction guideline, built in memory from the seed (its directions repeated with 50 partners,
// as cloned records: no ingestion is timed), then `history` over all 50 (aligning, comparing,
// validating) and the HTML page of the result. Between versions: two fundings change, one direction
// is left out (and back in the next version), the ids are renumbered, and from the 26th version on
// five directions are replaced by new ones.
//
// Alone, after a build: node scripts/bench-history.mjs
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const dist = (p) => join(ROOT, 'dist', p);

const PARTNERS = `越南 马来西亚 缅甸 日本 西班牙 芬兰 奥地利 匈牙利 俄罗斯 白俄罗斯 斯洛文尼亚 新西兰 南非 埃及 巴西 泰国 老挝 柬埔寨 印度尼西亚 菲律宾
  新加坡 蒙古 哈萨克斯坦 乌兹别克斯坦 巴基斯坦 斯里兰卡 尼泊尔 以色列 土耳其 伊朗 沙特 阿联酋 肯尼亚 埃塞俄比亚 尼日利亚 摩洛哥 阿根廷 智利 秘鲁 墨西哥
  古巴 加拿大 英国 法国 德国 意大利 荷兰 比利时 瑞典 丹麦 挪威 波兰 捷克 希腊 葡萄牙`.split(/\s+/);

/** Repeats `fn` for at least `minMs`; ms per call. */
function time(fn, minMs) {
  let calls = 0;
  const start = performance.now();
  do {
    fn();
    calls++;
  } while (performance.now() - start < minMs);
  return (performance.now() - start) / calls;
}

const number = (i) => `${1 + Math.floor((i + 1) / 10)}.${(i + 1) % 10}`;

const DOCUMENTS = 50;
const DIRECTIONS = 50;

/** 50 versions of a 50-direction guideline, from the seed's records. */
export function series(seed, { documents = DOCUMENTS, directions = DIRECTIONS } = {}) {
  const direction = (i, tag = '') => {
    const d = seed.directions[i % seed.directions.length];
    const name = PARTNERS[i % PARTNERS.length];
    return {
      ...d,
      title: `中国和${name}政府间${tag}联合研究项目`,
      partners: [{ ...(d.partners[0] ?? { span: d.titleSpan, recognised: true }), name }],
      agreements: d.agreements.map((a) => ({ ...a, title: `中${name.slice(0, 1)}政府间科技合作联委会第${(i % 9) + 2}次会议纪要` })),
    };
  };
  const base = Array.from({ length: directions }, (_, i) => direction(i));
  return Array.from({ length: documents }, (_, v) => {
    let dirs = base.map((d, i) => {
      // New partners, new directions: new lines.
      if (v >= 25 && i >= directions - 5) return direction(i + 5, '新型');
      if (i === (v * 3) % directions || i === (v * 11) % directions) return { ...d, funding: d.funding && { ...d.funding, amountCNY: d.funding.amountCNY + v * 100_000 } };
      return d;
    });
    dirs = dirs.filter((_, i) => i !== (v * 7) % directions).map((d, i) => ({ ...d, id: number(i), ordinal: i + 1 }));
    const year = 2001 + Math.floor(v / 2);
    const status = v % 2 === 0 ? 'draft' : 'final';
    return {
      ...seed,
      document: { ...seed.document, id: `bench-${v}`, year, batch: 1, status, source: { ...seed.document.source, path: `bench/${v}.txt` } },
      directions: dirs,
    };
  });
}

/** The benchmark rows: `{ section, what, value, unit, note }`. */
export async function historyRows(seed) {
  const { history } = await import(dist('history/index.js'));
  const { historyToHtml } = await import(dist('history/report.js'));
  const docs = series(seed);
  const ms = time(() => history(docs), 3000);
  const h = history(docs);
  const htmlMs = time(() => historyToHtml(h), 2000);
  const html = historyToHtml(h);
  const changed = h.lines.reduce((n, l) => n + l.versions.filter((c) => c && c.changes.length > 0).length, 0);
  return [
    {
      section: 'history',
      what: `${docs.length} docs × ${DIRECTIONS} directions → validated dataset`,
      value: ms.toFixed(1),
      unit: 'ms',
      note: `${h.lines.length} lines, ${changed} changed cells; HTML page ${htmlMs.toFixed(1)} ms (${(html.length / 1e6).toFixed(1)} MB)`,
    },
  ];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { loadBytes } = await import(dist('load/index.js'));
  const { processSource } = await import(dist('pipeline.js'));
  const seed = processSource(await loadBytes(readFileSync(join(ROOT, 'corpus/2025-batch1-draft.txt')), 'seed.txt'));
  for (const r of await historyRows(seed)) console.log(`${r.section}  ${r.what}  ${r.value} ${r.unit}  ${r.note}`);
}
