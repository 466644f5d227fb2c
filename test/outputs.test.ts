/**
 * The committed outputs are current: `extracted/` is what the pipeline makes of `corpus/` today, and
 * `schemas/` is what the zod schemas generate. Regenerate with `npm run ingest`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { listCorpus } from '../src/cli/fs.js';
import { documentId, loadFile } from '../src/load/index.js';
import { processSource, render } from '../src/pipeline.js';
import { toHtmlPage } from '../src/report/html.js';
import { diffJsonSchema } from '../src/schema/diff.js';
import { historyJsonSchema } from '../src/schema/history.js';
import { schemaFiles } from '../src/schema/json.js';
import { ROOT } from './helpers/seed.js';

const STALE = 'stale: run `npm run ingest` and commit extracted/ and schemas/';

describe('committed outputs', () => {
  it('schemas/ is generated from the zod schemas', () => {
    const files = schemaFiles({ 'diff.schema.json': diffJsonSchema(), 'history.schema.json': historyJsonSchema() });
    expect(readdirSync(`${ROOT}schemas`).sort()).toEqual(Object.keys(files).sort());
    for (const [name, content] of Object.entries(files)) {
      expect(readFileSync(`${ROOT}schemas/${name}`, 'utf8'), `${name} ${STALE}`).toBe(content);
    }
  });

  it('extracted/ holds exactly the current output of every corpus document', async () => {
    const paths = await listCorpus(`${ROOT}corpus`, ROOT);
    expect(paths.length).toBeGreaterThan(0);
    const expected: string[] = [];
    for (const path of paths) {
      const id = documentId(path);
      const source = await loadFile(`${ROOT}${path}`);
      const { doc, json, markdown } = render(processSource({ ...source, path }));
      const html = toHtmlPage(doc, { text: source.text });
      expect(readFileSync(`${ROOT}extracted/${id}.json`, 'utf8'), `${id}.json ${STALE}`).toBe(json);
      expect(readFileSync(`${ROOT}extracted/${id}.md`, 'utf8'), `${id}.md ${STALE}`).toBe(markdown);
      expect(readFileSync(`${ROOT}extracted/${id}.html`, 'utf8'), `${id}.html ${STALE}`).toBe(html);
      expected.push(`${id}.json`, `${id}.md`, `${id}.html`);
    }
    expect(readdirSync(`${ROOT}extracted`).sort()).toEqual(expected.sort());
  });
});
