// Scores the hand-checked cases of fixture folders: the share of expected values the tool reads.
// node scripts/score-fixtures.mjs test/fixtures/layouts [more folders…]   (after npm run build)
import { readdirSync, readFileSync } from 'node:fs';
import { loadFile, processSources } from '../dist/index.js';

const pick = (v, keys) => Object.fromEntries(keys.filter((k) => k in v).map((k) => [k, v[k]]));
function values(d) {
  const pc = d.projectCount;
  return {
    id: d.id, title: d.title, partners: d.partners.map((p) => p.name), agreements: d.agreements.map((a) => a.title), domains: d.domains.map((x) => x.label),
    projectCount: pc ? { value: pc.value, qualifier: pc.qualifier, ...(pc.min === undefined ? {} : { min: pc.min }), inherited: pc.inherited } : null,
    fundingCNY: d.funding?.amountCNY ?? null, fundingQualifier: d.funding?.qualifier ?? null, perProjectCapCNY: d.perProjectCap?.amountCNY ?? null,
    duration: d.duration ? { minYears: d.duration.minYears, maxYears: d.duration.maxYears, qualifier: d.duration.qualifier, hedge: d.duration.hedge, inherited: d.duration.inherited } : null,
    durationInherited: d.duration?.inherited ?? false, requirementCount: d.requirements.length, category: d.category, keywords: d.keywords.map((k) => k.text),
    perProjectCapInherited: d.perProjectCap?.inherited ?? false,
    matchingRatio: d.conditions.matchingRatio && { other: d.conditions.matchingRatio.other, central: d.conditions.matchingRatio.central, qualifier: d.conditions.matchingRatio.qualifier },
    leadingEnterprise: d.conditions.leadingEnterprise !== null,
    youngScientist: d.conditions.youngScientist && { maleBornOnOrAfter: d.conditions.youngScientist.maleBornOnOrAfter, femaleBornOnOrAfter: d.conditions.youngScientist.femaleBornOnOrAfter, noSubtopics: d.conditions.youngScientist.noSubtopics },
    indicators: d.indicators.length, researchContentParagraphs: d.researchContent.length, researchContentStartsWith: d.researchContent[0]?.text.slice(0, 10) ?? null,
  };
}
const same = (w, v) => {
  if (w && v && typeof w === 'object' && !Array.isArray(w) && typeof v === 'object' && !Array.isArray(v)) return Object.keys(w).every((k) => JSON.stringify(w[k] ?? null) === JSON.stringify(v[k] ?? null));
  return JSON.stringify(w) === JSON.stringify(v);
};
let total = 0, right = 0;
for (const dir of process.argv.slice(2)) {
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.expected.json')).sort()) {
    const name = f.replace(/\.expected\.json$/, '');
    const expected = JSON.parse(readFileSync(`${dir}/${f}`, 'utf8'));
    const docs = expected.documents ?? [expected];
    let found;
    const files = readdirSync(dir).filter((x) => x.startsWith(`${name}.`) && x !== f && !x.slice(name.length + 1).includes('.'));
    const file = files.includes(`${name}.txt`) ? `${name}.txt` : files.sort()[0] ?? `${name}.txt`;
    try { found = processSources(await loadFile(`${dir}/${file}`)); } catch (e) {
      if (expected.refused) { console.log(`${name}: refused as expected`); continue; }
      const n = docs.reduce((s, d) => s + (d.directions ?? []).reduce((a, x) => a + Object.keys(x).length, 0), 0);
      total += n; console.log(`${name}: REFUSED (${e.message}) 0/${n}`); continue;
    }
    if (expected.refused) { console.log(`${name}: ACCEPTED but should be refused`); total++; continue; }
    // A text that holds several guidelines: each expected entry against the document read in its place.
    if (found.length !== docs.length) console.log(`${name}: ${found.length} documents read, ${docs.length} expected`);
    let r = 0, n = 0; const misses = []; let gotCount = 0, wantCount = 0;
    docs.forEach((e, di) => {
      const doc = found[di];
      const want = e.directions ?? [];
      wantCount += want.length; gotCount += doc?.directions.length ?? 0;
      const taken = [];
      want.forEach((w, i) => {
        const got = doc && (doc.directions.find((d) => d.id === w.id && !taken.includes(d)) ?? doc.directions[i]);
        if (got) taken.push(got);
        for (const k of Object.keys(w)) {
          n++;
          const v = got ? values(got)[k] : undefined;
          if (got && same(w[k], v)) r++; else misses.push(`${docs.length > 1 ? `#${di + 1} ` : ''}${w.id}.${k}: want ${JSON.stringify(w[k])} got ${JSON.stringify(v)}`);
        }
      });
      for (const [k, w] of Object.entries(e.document ?? {})) { n++; if (doc && JSON.stringify(doc.document[k]) === JSON.stringify(w)) r++; else misses.push(`document.${k}: want ${JSON.stringify(w)} got ${JSON.stringify(doc?.document[k])}`); }
      if (!doc) return;
      // The figures stated for the whole document.
      const s = doc.summary;
      const summary = {
        directionCount: s.directionCount?.value ?? null, projectCount: s.projectCount?.value ?? null, partnerCount: s.partnerCount?.value ?? null,
        fundingTotalCNY: s.fundingTotal?.amountCNY ?? null,
        youngScientist: s.youngScientist && { count: s.youngScientist.count?.value ?? null, fundingCNY: s.youngScientist.fundingCNY },
      };
      for (const [k, w] of Object.entries(e.summary ?? {})) {
        n++;
        if (same(w, summary[k])) r++; else misses.push(`summary.${k}: want ${JSON.stringify(w)} got ${JSON.stringify(summary[k])}`);
      }
      // The values stated once for every direction (as test/helpers/expected.ts compares them).
      if (e.defaults) {
        const pc = s.defaultProjectCount;
        const d = s.defaultDuration;
        const wantDuration = e.defaults.duration;
        const defaults = {
          projectCount: pc ? { value: pc.value, qualifier: pc.qualifier, ...(pc.min === undefined ? {} : { min: pc.min }) } : null,
          duration: d && Object.fromEntries(Object.keys(wantDuration ?? { minYears: 0, maxYears: 0, qualifier: 0 }).map((k) => [k, { minYears: d.minYears, maxYears: d.maxYears, qualifier: d.qualifier, hedge: d.hedge }[k]])),
          perProjectCapCNY: s.defaultPerProjectCap?.amountCNY ?? null,
        };
        for (const [k, w] of Object.entries(e.defaults)) {
          n++;
          if (same(w, defaults[k])) r++; else misses.push(`defaults.${k}: want ${JSON.stringify(w)} got ${JSON.stringify(defaults[k])}`);
        }
      }
      const codes = new Set(doc.checks.map((c) => c.code));
      for (const c of e.checks ?? []) { n++; if (codes.has(c)) r++; else misses.push(`check ${c} missing`); }
      for (const c of e.noChecks ?? []) { n++; if (!codes.has(c)) r++; else misses.push(`check ${c} present: ${doc.checks.filter((x) => x.code === c).map((x) => x.message).join(' | ')}`); }
    });
    total += n; right += r;
    console.log(`${name}: ${r}/${n} (${gotCount} directions, want ${wantCount})`);
    if (process.env.V) for (const m of misses.slice(0, Number(process.env.V) || 20)) console.log('   ', m);
  }
}
console.log(`TOTAL ${right}/${total} = ${(100 * right / Math.max(1, total)).toFixed(1)}%`);
