// Scores the diff of pairs of versions against hand-written expected differences (`<name>.old.*`,
// `<name>.new.*`, `<name>.expected-diff.json`; see the README of test/fixtures/blind12): one point
// per expected entry (see diff-expectations.mjs).
// Usage: node scripts/score-diffs.mjs <dir>… (after `npm run build`); V=1 lists the misses.
import { readdirSync, readFileSync } from 'node:fs';
import { diff, loadFile, processSource } from '../dist/index.js';
import { judgeDiff } from './diff-expectations.mjs';

let total = 0;
let right = 0;
for (const dir of process.argv.slice(2)) {
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.expected-diff.json')).sort()) {
    const name = f.replace(/\.expected-diff\.json$/, '');
    const side = (s) => readdirSync(dir).find((x) => x.startsWith(`${name}.${s}.`) && !x.endsWith('.json'));
    const want = JSON.parse(readFileSync(`${dir}/${f}`, 'utf8'));
    total += want.directions.length;
    let judged;
    try {
      judged = judgeDiff(diff(processSource(await loadFile(`${dir}/${side('old')}`)), processSource(await loadFile(`${dir}/${side('new')}`))), want);
    } catch (e) {
      console.log(`${name}: FAILED (${e.message}) 0/${want.directions.length}`);
      continue;
    }
    const ok = judged.filter((j) => j.ok).length;
    right += ok;
    console.log(`${name}: ${ok}/${want.directions.length}`);
    if (process.env.V) for (const j of judged.filter((x) => !x.ok)) console.log(`    ${JSON.stringify(j.want)} got ${j.got}`);
  }
}
console.log(`TOTAL ${right}/${total} = ${((100 * right) / Math.max(1, total)).toFixed(1)}%`);
