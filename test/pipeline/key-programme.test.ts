/**
 * Key R&D programme guidelines (国家重点研发计划 special projects other than international
 * cooperation): research content, indicators, keywords, categories, figures stated once in the
 * preamble and inherited, conditions read from 有关说明. Two complete guidelines with values read
 * by hand: one with per-direction counts and years, one with preamble defaults and
 * young-scientist directions, hard-wrapped.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ingestText, ROOT } from '../helpers/seed.js';
import { project } from '../helpers/expected.js';

const DIR = `${ROOT}test/fixtures/key-programme/`;
const cases = readdirSync(DIR)
  .filter((f) => f.endsWith('.expected.json'))
  .map((f) => f.replace(/\.expected\.json$/, ''))
  .sort();

describe.each(cases)('key-programme guideline %s', (name) => {
  const expected = JSON.parse(readFileSync(`${DIR}${name}.expected.json`, 'utf8')) as Record<string, never>;
  const load = () => ingestText(readFileSync(`${DIR}${name}.txt`), `${name}.txt`);

  it('reads the values a person reads', async () => {
    const doc = await load();
    const { forms: _forms, checks: _checks, noChecks: _noChecks, ...values } = expected;
    expect(project(doc, values)).toEqual(values);
  });

  it('reports the planted doubts, and not the absent ones', async () => {
    const doc = await load();
    const codes = new Set(doc.checks.map((c) => c.code));
    for (const code of (expected.checks as string[] | undefined) ?? []) expect(codes, code).toContain(code);
    for (const code of (expected.noChecks as string[] | undefined) ?? []) {
      expect(doc.checks.filter((c) => c.code === code).map((c) => c.message), code).toEqual([]);
    }
  });
});
