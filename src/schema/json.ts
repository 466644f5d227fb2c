/** JSON Schemas generated from the zod schemas: the files in `schemas/`. */
import { z } from 'zod';
import { Guideline, SCHEMA_VERSION } from './guideline.js';

export function guidelineJsonSchema(): Record<string, unknown> {
  return portable({
    $id: `https://guideline-ingest.invalid/schemas/guideline-${SCHEMA_VERSION}.schema.json`,
    title: 'guideline-ingest extracted guideline',
    ...z.toJSONSchema(Guideline, { target: 'draft-2020-12', unrepresentable: 'throw', io: 'output' }),
  });
}

/** Keywords that apply to one JSON type only. */
const KEYWORDS_OF: Readonly<Record<string, readonly string[]>> = {
  string: ['minLength', 'maxLength', 'pattern', 'format'],
  number: ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf'],
  integer: ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf'],
  array: ['items', 'prefixItems', 'minItems', 'maxItems', 'uniqueItems', 'contains'],
  object: ['properties', 'required', 'additionalProperties', 'patternProperties', 'propertyNames', 'minProperties', 'maxProperties'],
};

/**
 * The schema in the subset every common validator takes: Ajv in strict mode refuses a `type`
 * that lists several types (`["number", "string"]`), so each such list becomes an `anyOf` of one
 * type each, with the keywords that belong to that type. Patterns are written portable at their
 * source (no `\p{…}`: Python's `re` has no Unicode properties).
 */
export function portable<T>(schema: T): T {
  if (Array.isArray(schema)) return schema.map((s: unknown) => portable(s)) as T;
  if (schema === null || typeof schema !== 'object') return schema;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(schema)) out[k] = portable(v);
  const type = out.type;
  if (!Array.isArray(type)) return out as T;
  const branches = (type as string[]).map((t) => {
    const branch: Record<string, unknown> = { type: t };
    for (const key of KEYWORDS_OF[t] ?? []) if (key in out) branch[key] = out[key];
    return branch;
  });
  for (const t of type as string[]) for (const key of KEYWORDS_OF[t] ?? []) delete out[key];
  delete out.type;
  out.anyOf = out.anyOf ? [{ anyOf: out.anyOf }, { anyOf: branches }] : branches;
  return out as T;
}

/** The files of `schemas/`, by name, as they must be written (stable, newline at the end). */
export function schemaFiles(extra: Readonly<Record<string, Record<string, unknown>>> = {}): Record<string, string> {
  const files: Record<string, string> = { 'guideline.schema.json': `${JSON.stringify(guidelineJsonSchema(), null, 2)}\n` };
  for (const [name, schema] of Object.entries(extra)) files[name] = `${JSON.stringify(portable(schema), null, 2)}\n`;
  return files;
}
