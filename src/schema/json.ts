/** JSON Schemas generated from the zod schemas: the files in `schemas/`. */
import { z } from 'zod';
import { Guideline, SCHEMA_VERSION } from './guideline.js';

export function guidelineJsonSchema(): Record<string, unknown> {
  return {
    $id: `https://guideline-ingest.invalid/schemas/guideline-${SCHEMA_VERSION}.schema.json`,
    title: 'guideline-ingest extracted guideline',
    ...z.toJSONSchema(Guideline, { target: 'draft-2020-12', unrepresentable: 'throw' }),
  };
}

/** The files of `schemas/`, by name, as they must be written (stable, newline at the end). */
export function schemaFiles(extra: Readonly<Record<string, Record<string, unknown>>> = {}): Record<string, string> {
  const files: Record<string, string> = { 'guideline.schema.json': `${JSON.stringify(guidelineJsonSchema(), null, 2)}\n` };
  for (const [name, schema] of Object.entries(extra)) files[name] = `${JSON.stringify(schema, null, 2)}\n`;
  return files;
}
