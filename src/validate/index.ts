/**
 * The `validate` stage: compares the figures the document states with what its directions add up
 * to, turns structural problems into checks, assembles the output and validates it against the
 * schema. A document that does not pass the schema is a failure of this tool, reported as an error
 * for that file; it is never written.
 */
import { z } from 'zod';
import { formatYuan } from '../format.js';
import type { Cleaned } from '../clean/index.js';
import type { Extracted } from '../extract/index.js';
import type { Layout } from '../position.js';
import { spanOf } from '../position.js';
import type { Segmented } from '../segment/index.js';
import { Guideline, SCHEMA_VERSION, type Check } from '../schema/guideline.js';
import { GuidelineError, type Source } from '../types.js';
import { PIPELINE_VERSION } from '../version.js';

export interface ValidateInput {
  readonly source: Source;
  readonly cleaned: Cleaned;
  readonly segmented: Segmented;
  readonly extracted: Extracted;
}

const yi = formatYuan;

export function consistencyChecks(extracted: Extracted): Check[] {
  const checks: Check[] = [];
  const { summary, directions } = extracted;
  if (directions.length === 0) return checks;

  if (summary.directionCount && summary.directionCount.value !== directions.length) {
    checks.push({
      code: 'direction-count-mismatch',
      severity: 'warning',
      message: `the text states ${summary.directionCount.value} directions but ${directions.length} are numbered`,
      directionId: null,
      stated: summary.directionCount.value,
      computed: directions.length,
      span: summary.directionCount.span,
    });
  }
  const partners = new Set(directions.flatMap((d) => d.partners.map((p) => p.name)));
  if (summary.partnerCount && summary.partnerCount.value !== partners.size) {
    checks.push({
      code: 'partner-count-mismatch',
      severity: 'warning',
      message: `the text states ${summary.partnerCount.value} partners but the direction titles name ${partners.size} (${[...partners].join('、')})`,
      directionId: null,
      stated: summary.partnerCount.value,
      computed: partners.size,
      span: summary.partnerCount.span,
    });
  }
  const counted = directions.filter((d) => d.projectCount);
  if (summary.projectCount && counted.length === directions.length) {
    const sum = counted.reduce((a, d) => a + d.projectCount!.value, 0);
    if (sum !== summary.projectCount.value) {
      checks.push({
        code: 'project-total-mismatch',
        severity: 'warning',
        message: `the text states ${summary.projectCount.text} projects in all, the directions add up to ${sum}`,
        directionId: null,
        stated: summary.projectCount.value,
        computed: sum,
        span: summary.projectCount.span,
      });
    }
  }
  const funded = directions.filter((d) => d.funding);
  if (summary.fundingTotal && funded.length === directions.length) {
    const sum = funded.reduce((a, d) => a + d.funding!.amountCNY, 0);
    if (sum !== summary.fundingTotal.amountCNY) {
      const diff = summary.fundingTotal.amountCNY - sum;
      checks.push({
        code: 'funding-total-mismatch',
        severity: 'warning',
        message: `the text states a funding total of ${yi(summary.fundingTotal.amountCNY)}, the directions add up to ${yi(sum)} (${diff > 0 ? '' : '-'}${yi(Math.abs(diff))} ${diff > 0 ? 'unassigned' : 'over'})`,
        directionId: null,
        stated: summary.fundingTotal.amountCNY,
        computed: sum,
        span: summary.fundingTotal.span,
      });
    }
  }
  for (const d of directions) {
    const cap = d.funding?.perProjectCapCNY;
    if (cap !== undefined && d.funding && d.projectCount && cap * d.projectCount.value < d.funding.amountCNY && d.projectCount.qualifier === 'exact') {
      checks.push({
        code: 'per-project-cap-exceeded',
        severity: 'warning',
        message: `direction ${d.id}: ${d.projectCount.value} projects at most ${yi(cap)} each cannot use ${yi(d.funding.amountCNY)}`,
        directionId: d.id,
        stated: d.funding.amountCNY,
        computed: cap * d.projectCount.value,
        span: d.funding.span,
      });
    }
  }
  return checks;
}

function structureChecks(segmented: Segmented, layout: Layout): Check[] {
  return segmented.problems.map((p) => ({
    code: p.code,
    severity: p.severity,
    message: p.message,
    directionId: p.directionId,
    stated: p.stated,
    computed: p.expected,
    span: spanOf(layout, p.at.text, 0, p.at.text.text.length),
  }));
}

const SEVERITY = { error: 0, warning: 1, info: 2 } as const;

/** Assembles and validates the output document. Throws `GuidelineError` when it cannot. */
export function validate(input: ValidateInput): Guideline {
  const { source, cleaned, segmented, extracted } = input;
  if (extracted.directions.length === 0) {
    throw new GuidelineError('not-a-guideline', 'not a guideline: no numbered directions (such as “1.1 中国和…项目”) found');
  }
  const checks = [...structureChecks(segmented, cleaned.layout), ...extracted.checks, ...consistencyChecks(extracted)];
  // Stable order: by position, then severity, then code.
  checks.sort(
    (a, b) =>
      (a.span?.start ?? -1) - (b.span?.start ?? -1) ||
      SEVERITY[a.severity] - SEVERITY[b.severity] ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
  const doc = {
    schemaVersion: SCHEMA_VERSION,
    pipelineVersion: PIPELINE_VERSION,
    document: {
      id: source.id,
      ...extracted.info,
      source: {
        path: source.path,
        sha256: source.sha256,
        format: source.format,
        encoding: source.encoding,
        bytes: source.bytes,
        pages: cleaned.layout.pages,
        pageNumbering: cleaned.layout.pageNumbering,
        lines: cleaned.layout.lineStarts.length,
      },
    },
    summary: extracted.summary,
    directions: extracted.directions,
    sections: extracted.sections,
    checks,
    removed: cleaned.removed,
  };
  const parsed = Guideline.safeParse(doc);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new GuidelineError(
      'invalid-output',
      `output does not match the schema at ${first ? z.core.toDotPath(first.path) : '?'}: ${first?.message ?? 'unknown'} (a bug in this tool: please report it)`,
    );
  }
  return parsed.data;
}
