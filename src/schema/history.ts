/**
 * The history contract: what `guideline history --format json` prints. Types come from these
 * schemas and `schemas/history.schema.json` is generated from them. Field names are relied on by
 * other tools: add, never rename.
 */
import { z } from 'zod';
import { Change } from './diff.js';
import { Hedge, Qualifier } from './guideline.js';

export const HISTORY_SCHEMA_VERSION = '1.1.0';

export const HistoryDocument = z
  .object({
    id: z.string().describe('The document id (the output file name stem of `ingest`)'),
    title: z.string().nullable(),
    year: z.number().int().nullable(),
    batch: z.number().int().min(1).nullable(),
    status: z.enum(['draft', 'final', 'unknown']),
    source: z.string().describe('The path the document was read from, as given'),
  })
  .meta({ id: 'HistoryDocument' });
export type HistoryDocument = z.infer<typeof HistoryDocument>;

export const HistoryCell = z
  .object({
    id: z.string().describe('The direction’s number as printed in this document (`1.7`, `2.0`)'),
    title: z.string().describe('The title in this document'),
    partners: z.array(z.string()).describe('The partners this document names in the direction'),
    projectCount: z
      .object({ value: z.number().int().min(0), qualifier: Qualifier, min: z.number().int().min(0).optional() })
      .nullable()
      .describe('As `diff` compares it: the number (upper end of a range), its qualifier, the lower end of a range'),
    funding: z
      .object({ amountCNY: z.number().int().min(0), qualifier: Qualifier, minCNY: z.number().int().min(0).optional() })
      .nullable()
      .describe('In whole yuan'),
    perProjectCap: z
      .object({ amountCNY: z.number().int().min(0) })
      .nullable()
      .describe('The most one project may receive (每个项目…不超过…), in whole yuan: the direction’s own or the one stated with its funding'),
    duration: z
      .object({ minYears: z.number().min(0).nullable(), maxYears: z.number().min(0).nullable(), qualifier: Qualifier, hedge: Hedge, inherited: z.boolean() })
      .nullable(),
    previous: z
      .number()
      .int()
      .min(0)
      .nullable()
      .describe('Index in `documents` of the version `changes` is against: the latest earlier document that has this line; null where the line starts'),
    changes: z.array(Change).describe('Field-level changes against the previous version, exactly as `diff` reports them for that pair; empty where the line starts'),
  })
  .meta({ id: 'HistoryCell' });
export type HistoryCell = z.infer<typeof HistoryCell>;

export const HistoryLine = z
  .object({
    key: z
      .string()
      .describe('Stable key from the partners and title of the line’s first version (`越南|中国和越南政府间联合研究项目`); `#2`, `#3` appended where two lines would share one'),
    title: z.string().describe('The title in its latest form'),
    partners: z.array(z.string()).describe('The partners in their latest form'),
    versions: z.array(HistoryCell.nullable()).describe('One per document, in the order of `documents`; null where the document has no such direction'),
  })
  .meta({ id: 'HistoryLine' });
export type HistoryLine = z.infer<typeof HistoryLine>;

export const HistoryTotals = z
  .object({
    directions: z.object({ stated: z.number().int().min(0).nullable(), computed: z.number().int().min(0) }),
    projects: z.object({
      stated: z.number().int().min(0).nullable().describe('The total the document states (拟支持项目数约155个)'),
      qualifier: Qualifier.nullable(),
      computed: z.number().int().min(0).describe('The directions’ project counts added up (upper ends of ranges; counts inherited from a document-wide default not included)'),
      unstated: z.number().int().min(0).describe('Directions that state no project count'),
    }),
    funding: z.object({
      statedCNY: z.number().int().min(0).nullable().describe('The total the document states (国拨经费总概算4.02亿元), in whole yuan'),
      qualifier: Qualifier.nullable(),
      computedCNY: z.number().int().min(0).describe('The directions’ funding added up, in whole yuan'),
      unstated: z.number().int().min(0).describe('Directions that state no funding'),
    }),
  })
  .meta({ id: 'HistoryTotals' });
export type HistoryTotals = z.infer<typeof HistoryTotals>;

export const GuidelineHistory = z.object({
  schemaVersion: z.literal(HISTORY_SCHEMA_VERSION),
  order: z.enum(['sorted', 'given']).describe('sorted: by year, batch, status (draft before final), then file name; given: as the inputs were given'),
  documents: z.array(HistoryDocument),
  lines: z.array(HistoryLine),
  totals: z.array(HistoryTotals).describe('One per document, in the order of `documents`'),
});
export type GuidelineHistory = z.infer<typeof GuidelineHistory>;

export function historyJsonSchema(): Record<string, unknown> {
  return {
    $id: `https://guideline-ingest.invalid/schemas/history-${HISTORY_SCHEMA_VERSION}.schema.json`,
    title: 'guideline-ingest history of a series of guideline versions',
    ...z.toJSONSchema(GuidelineHistory, { target: 'draft-2020-12', unrepresentable: 'throw' }),
  };
}
