/**
 * The `segment` stage: builds the section tree from numbered headings, with a stack of open
 * sections (as remark-lint's heading-increment does).
 *
 * - Parts `一、二、…` outside guideline directions.
 * - Guideline directions `1.1 … 1.9, 2.0, 2.1 …` (a `decimal` marker): printed id kept, ordinal
 *   counted. Numbering that runs `1.9 → 2.0` is reported as a roll-over, gaps and duplicates as
 *   problems, each at the heading.
 * - Fields of a direction (`合作协议：`, `领域方向：`, …): a field label closes every list opened
 *   in the field before it.
 * - List levels inside a field or part: `（1）`, `（一）`, `1.`, `1、`, `①`, and `一、` inside a
 *   direction. A marker type already open continues that level; a new type opens a level below
 *   the current one. Inside a direction, `一、` continues an open `一、` list, or starts one at `一`;
 *   otherwise it is the next document part.
 *
 * No text is lost: every paragraph lands in exactly one node, in document order.
 *
 * The modules: `prepare` (run-on labels cut, labels above their values joined, each paragraph's
 * marker read once), `evidence` (what a paragraph reads as: a title, a direction's heading, a
 * repeated direction), `builder` (the stack of open sections and the numbering state), `rules`
 * (the rules a paragraph is read by, tried in order), `numbering` (the checks of each sequence),
 * `parts` (`一、` parts nested in `一、` parts) and `finish` (the passes over the whole tree).
 */
import type { Paragraph } from '../reflow/index.js';
import { Builder } from './builder.js';
import { directionMarkerType } from './evidence.js';
import { digitTitleMarkers, paddedNumberMarkers } from '../lexicon/markers.js';
import { bareRequirements, bareValueMarkers } from './bare-fields.js';
import { callRequirementsAfterLast, describedBefore, directionsFromChildItems, fieldSections, directionsFromParts, dropMentions, dropOverview, dropOverviewTable, idsByAncestors, idsWithinParts } from './finish.js';
import { loneDecimalsAsItems, spacedNumbersAsGroups, splitRunOn, topicsAsParts } from './prepare.js';
import { RULES } from './rules.js';
import type { Segmented } from './tree.js';

export type { Node, ParagraphNode, Section, SectionKind, Segmented, StructureProblem } from './tree.js';
export { paragraphsOf } from './tree.js';
export { RE_TITLE_CODE } from './evidence.js';

export function segment(input: readonly Paragraph[]): Segmented {
  const { paragraphs, markers } = splitRunOn(input);
  topicsAsParts(paragraphs, markers);
  loneDecimalsAsItems(paragraphs, markers);
  // Items whose titles start with a figure (`1．0～3岁…`), where the list around them says so.
  digitTitleMarkers(paragraphs.map((p) => p.text.text), markers);
  // A designed list's `01`, `02` … over its titles.
  paddedNumberMarkers(paragraphs.map((p) => p.text.text), markers);
  spacedNumbersAsGroups(paragraphs, markers);
  // Values printed without their labels, a value to a line under a numbered title (`不超过6项` / `1800万元`).
  bareValueMarkers(paragraphs, markers);
  // Table rows are directions by their table; the numbering of the text is decided without them.
  const directionType = directionMarkerType(
    paragraphs,
    markers.map((m, k) => (paragraphs[k]!.table === 'row' || paragraphs[k]!.table === 'cell' ? null : m)),
  );
  const b = new Builder(paragraphs, markers, directionType);
  for (const [k, p] of paragraphs.entries()) {
    b.current = k;
    const m = markers[k]!;
    for (const rule of RULES) if (rule(b, k, p, m)) break;
  }
  directionsFromParts(b.root, b.directions);
  dropOverview(b.directions, b.problems);
  dropMentions(b.directions, b.problems);
  // A table of the directions' short names and figures before their text, which governs.
  dropOverviewTable(b.directions);
  // Directions whose figures are all in a table after the text (`附件：指南方向及支持经费一览表`), the
  // text before it listing each by its number and title with a sentence (`1. 与德国研究联合会…` /
  // `依据《…》，资助…`): that entry's text is the row's direction's too.
  describedBefore(b.root, b.directions);
  // Directions that print their values without labels, one to a line (`不超过6项` / `1800万元` / `3年`).
  bareRequirements(b.directions, b.problems);
  // Kinds of project numbered as directions over their items that are (`1. 联合资助研发项目` / `（1）…`).
  directionsFromChildItems(b.directions);
  // The call's `申报要求：` after its last direction, no part number before it.
  callRequirementsAfterLast(b.root, b.directions);
  idsWithinParts(b.directions, b.partOf);
  idsByAncestors(b.root, b.directions, b.problems);
  // A guideline arranged field by field: each keyed line (`1.1　《…》。`) its direction's.
  fieldSections(b.root, b.directions);
  return { root: b.root, problems: b.problems, directionType };
}
