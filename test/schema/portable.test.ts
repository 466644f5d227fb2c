/**
 * The published JSON Schemas work where downstream tools run: Ajv in strict mode (JavaScript) and
 * Python's `jsonschema` (Draft 2020-12), on the outputs this tool writes. `.ci/run` installs
 * Debian's python3-jsonschema when it is absent.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, describe, expect, it } from 'vitest';
import { diff } from '../../src/diff/index.js';
import { history } from '../../src/history/index.js';
import { toJson } from '../../src/report/index.js';
import { ingestText, ROOT, seedText } from '../helpers/seed.js';

const schema = (name: string): Record<string, unknown> => JSON.parse(readFileSync(`${ROOT}schemas/${name}`, 'utf8')) as Record<string, unknown>;

const dir = mkdtempSync(join(tmpdir(), 'guideline-schema-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Outputs of every kind: the corpus, a variant and a key-programme guideline, a diff, a history. */
async function outputs(): Promise<{ guideline: string[]; diff: string[]; history: string[] }> {
  const guideline = readdirSync(`${ROOT}extracted`)
    .filter((f) => f.endsWith('.json'))
    .map((f) => `${ROOT}extracted/${f}`);
  for (const f of ['variants/2022-doubts.txt', 'variants/2023-hmt.txt', 'key-programme/2026-synthetic-biology.txt']) {
    const doc = await ingestText(readFileSync(`${ROOT}test/fixtures/${f}`), f.split('/').pop()!);
    const path = join(dir, `${doc.document.id}.json`);
    writeFileSync(path, toJson(doc));
    guideline.push(path);
  }
  const before = await ingestText(seedText(), 'seed.txt');
  const after = await ingestText(seedText().replace('4个。', '5个。').replace('1.2 中国和马来西亚', '1.2 中国和泰国'), 'seed.txt');
  const d = join(dir, 'diff.json');
  writeFileSync(d, `${JSON.stringify(diff(before, after), null, 2)}\n`);
  const h = join(dir, 'history.json');
  writeFileSync(h, `${JSON.stringify(history([before, after]), null, 2)}\n`);
  return { guideline, diff: [d], history: [h] };
}

describe('portable JSON Schemas', () => {
  it('compile under Ajv strict mode and validate every kind of output', async () => {
    const files = await outputs();
    for (const [name, paths] of [['guideline.schema.json', files.guideline], ['diff.schema.json', files.diff], ['history.schema.json', files.history]] as const) {
      const ajv = new Ajv2020({ strict: true, allErrors: true });
      const validate = ajv.compile(schema(name));
      for (const p of paths) {
        const ok = validate(JSON.parse(readFileSync(p, 'utf8')));
        expect(ok ? [] : validate.errors, `${name} ${p}`).toEqual([]);
      }
    }
  });

  it('reject an output that breaks them (a test that can fail)', () => {
    const ajv = new Ajv2020({ strict: true });
    const validate = ajv.compile(schema('guideline.schema.json'));
    const doc = JSON.parse(readFileSync(`${ROOT}extracted/2025-batch1-draft.json`, 'utf8')) as { document: { id: string } };
    doc.document.id = 'bad id/with slash';
    expect(validate(doc)).toBe(false);
  });

  it('validate the same outputs in Python jsonschema (Draft 2020-12), patterns included', async () => {
    const files = await outputs();
    const script = [
      'import json, sys, jsonschema',
      'pairs = json.loads(sys.argv[1])',
      'for schema_path, paths in pairs:',
      '    schema = json.load(open(schema_path, encoding="utf-8"))',
      '    jsonschema.Draft202012Validator.check_schema(schema)',
      '    v = jsonschema.Draft202012Validator(schema)',
      '    for p in paths:',
      '        errors = [e.message for e in v.iter_errors(json.load(open(p, encoding="utf-8")))]',
      '        if errors: print(p, errors[:3]); sys.exit(1)',
      'bad = json.load(open(pairs[0][1][0], encoding="utf-8"))',
      'bad["document"]["id"] = "bad id/with slash"',
      'if jsonschema.Draft202012Validator(json.load(open(pairs[0][0], encoding="utf-8"))).is_valid(bad): print("accepted a bad id"); sys.exit(1)',
      'print("ok")',
    ].join('\n');
    const pairs = JSON.stringify([
      [`${ROOT}schemas/guideline.schema.json`, files.guideline],
      [`${ROOT}schemas/diff.schema.json`, files.diff],
      [`${ROOT}schemas/history.schema.json`, files.history],
    ]);
    let out: string;
    try {
      out = execFileSync('python3', ['-c', script, pairs], { encoding: 'utf8' });
    } catch (error) {
      const e = error as { stdout?: string; stderr?: string; message: string };
      throw new Error(`python3 jsonschema failed (is python3-jsonschema installed? .ci/run installs it): ${e.stdout ?? ''}${e.stderr ?? e.message}`);
    }
    expect(out.trim()).toBe('ok');
  });
});
