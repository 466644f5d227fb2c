/**
 * The diff contract: what `guideline diff --format json` prints. Types come from these schemas and
 * `schemas/diff.schema.json` is generated from them.
 */
import { z } from 'zod';
import { Direction, Span } from './guideline.js';

export const DIFF_SCHEMA_VERSION = '1.3.0';

export const TextOp = z
  .object({ op: z.enum(['equal', 'insert', 'delete']), text: z.string() })
  .describe('One piece of a word-level diff (words segmented with Intl.Segmenter zh)')
  .meta({ id: 'TextOp' });
export type TextOp = z.infer<typeof TextOp>;

export const Change = z
  .object({
    field: z.string().describe('Dot path of the field: `funding.amountCNY`, `domains[医药卫生]`, `requirements[2]`, `flags.ipAgreement`'),
    kind: z.enum(['changed', 'added', 'removed', 'reworded', 'reordered']),
    before: z.unknown().describe('Old value (null when added)'),
    after: z.unknown().describe('New value (null when removed)'),
    oldSpan: Span.nullable(),
    newSpan: Span.nullable(),
    textDiff: z.array(TextOp).optional().describe('For reworded text: the word-level diff from before to after'),
  })
  .meta({ id: 'Change' });
export type Change = z.infer<typeof Change>;

export const Side = z.object({
  id: z.string(),
  title: z.string().nullable(),
  status: z.enum(['draft', 'final', 'unknown']),
  path: z.string(),
  sha256: z.string(),
});

export type Side = z.infer<typeof Side>;

export const CheckRef = z.object({
  code: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  directionId: z.string().nullable(),
  message: z.string(),
  messageZh: z.string().nullable().default(null).describe('The message in Chinese (added in 1.1.0)'),
  stated: z.union([z.number(), z.string()]).nullable().default(null).describe('(added in 1.1.0)'),
  computed: z.union([z.number(), z.string()]).nullable().default(null).describe('(added in 1.1.0)'),
  span: Span.nullable(),
});
export type CheckRef = z.infer<typeof CheckRef>;

export const Totals = z
  .object({
    directions: z.number().int(),
    projects: z.number().int().describe('The directions’ project counts added up (upper ends of ranges)'),
    fundingCNY: z.number().int().describe('The directions’ funding added up, in yuan'),
  })
  .describe('What the directions of one version add up to');
export type Totals = z.infer<typeof Totals>;

export const DirectionDiff = z.object({
  status: z.enum(['added', 'removed', 'modified', 'unchanged']),
  oldId: z.string().nullable(),
  newId: z.string().nullable(),
  title: z.string().describe('The new title (the old one for a removed direction)'),
  renumbered: z.boolean().describe('Matched, and printed under another number'),
  moved: z.boolean().describe('Matched, and its order among the matched directions changed'),
  similarity: z.number().min(0).max(1).nullable().describe('Alignment score of a matched pair'),
  changes: z.array(Change),
  record: Direction.nullable().default(null).describe('For an added or removed direction: its whole record, from the version that has it (added in 1.1.0)'),
  regrouped: z
    .enum(['split', 'merged'])
    .nullable()
    .default(null)
    .describe('The direction is part of a split (one old direction became several) or a merge (several became one): see `regroupings` (added in 1.2.0)'),
});
export type DirectionDiff = z.infer<typeof DirectionDiff>;

export const Regrouping = z
  .object({
    kind: z.enum(['split', 'merged']),
    oldIds: z.array(z.string()),
    newIds: z.array(z.string()),
  })
  .describe('split: one old direction became the new ones, its partners shared among them; merged: the old ones became one, which names all their partners');
export type Regrouping = z.infer<typeof Regrouping>;

export const GuidelineDiff = z.object({
  schemaVersion: z.string().regex(/^1\.[0-9]+\.[0-9]+$/).describe(`Written as ${DIFF_SCHEMA_VERSION}; every 1.x reads`),
  old: Side,
  new: Side,
  document: z.object({ changes: z.array(Change) }),
  summary: z.object({
    changes: z
      .array(Change)
      .describe('Changes of the figures the documents state about themselves (`summary.*`) and of what their directions add up to (`computed.*`)'),
    totals: z.object({ old: Totals, new: Totals }).optional().describe('(added in 1.1.0)'),
    counts: z.object({
      added: z.number().int(),
      removed: z.number().int(),
      modified: z.number().int(),
      unchanged: z.number().int(),
      renumbered: z.number().int(),
      moved: z.number().int(),
    }),
  }),
  checks: z.object({
    added: z.array(CheckRef).describe('Checks of the new version that the old one did not have'),
    resolved: z.array(CheckRef).describe('Checks of the old version that the new one no longer has'),
    changed: z
      .array(z.object({ before: CheckRef, after: CheckRef }))
      .default([])
      .describe('A check of both versions (same code, same direction) whose figures changed (added in 1.1.0)'),
  }),
  directions: z.array(DirectionDiff),
  regroupings: z.array(Regrouping).default([]).describe('Splits and merges of directions (added in 1.2.0)'),
});
export type GuidelineDiff = z.infer<typeof GuidelineDiff>;

export function diffJsonSchema(): Record<string, unknown> {
  return {
    $id: `https://guideline-ingest.invalid/schemas/diff-${DIFF_SCHEMA_VERSION}.schema.json`,
    title: 'guideline-ingest diff of two guideline versions',
    ...z.toJSONSchema(GuidelineDiff, { target: 'draft-2020-12', unrepresentable: 'throw' }),
  };
}
