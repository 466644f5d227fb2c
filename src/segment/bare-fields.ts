/**
 * Directions whose fields are printed without labels, one value to a paragraph right under the
 * title (`《…协定》` / `绿色氢能；智能制造` / `不超过6项` / `1800万元` / `3年`), as a guideline does that
 * states once that its directions list their fields in a fixed order and name them no more: each
 * such paragraph is the field of its role (`BARE_VALUES` in the lexicon), with a marker of no length
 * that names the role's label. The role comes from the value's shape, not its place, so a value
 * left out (no count printed) or another order shifts nothing.
 */
import type { FieldRole } from '../lexicon/fields.js';
import type { Marker } from '../lexicon/markers.js';
import { bareValueOf } from '../lexicon/values.js';
import type { Paragraph } from '../reflow/index.js';
import { isTitleLike } from './evidence.js';
import { section, type Node, type Section, type StructureProblem } from './tree.js';

/** The roles a value is known by, its figures or its 《》: a list of topics counts only beside them. */
const KNOWN_BY_SHAPE: ReadonlySet<FieldRole> = new Set(['agreement', 'projectCount', 'funding', 'duration']);
/** The label the items after such values are read under. */
const BARE_REQUIREMENTS = '其他要求';

const bareMarker = (key: string): Marker => ({ type: 'field', text: '', length: 0, value: 0, key });
/** A field whose label is not printed: its value was known by its shape. */
const isBare = (s: Section): boolean => s.kind === 'field' && s.marker !== null && s.marker.text === '' && s.marker.length === 0 && s.role !== null && (KNOWN_BY_SHAPE.has(s.role) || s.role === 'domains');

/**
 * The values under each numbered title that are printed without labels: the paragraphs right
 * after it, with no marker of their own, each wholly a value, of different roles, two or more of
 * them known by their figures or their 《》. Their markers are set to their roles' labels, so that
 * the title owns fields as a direction does (changes `markers` in place).
 */
export function bareValueMarkers(paragraphs: readonly Paragraph[], markers: (Marker | null)[]): void {
  for (let k = 0; k + 2 < markers.length; k++) {
    const m = markers[k];
    if (!m || m.type === 'field' || paragraphs[k]!.table !== undefined || !isTitleLike(paragraphs[k]!, m)) continue;
    const roles: { role: FieldRole; label: string }[] = [];
    for (let i = k + 1; i < markers.length && markers[i] === null && paragraphs[i]!.table === undefined; i++) {
      const v = bareValueOf(paragraphs[i]!.text.text);
      if (!v || roles.some((r) => r.role === v.role)) break;
      // (One topic alone, `农业`, only before a value known by its shape.)
      const next = i + 1 < markers.length && markers[i + 1] === null ? bareValueOf(paragraphs[i + 1]!.text.text) : null;
      if (v.weak && !KNOWN_BY_SHAPE.has(next?.role ?? 'unknown')) break;
      roles.push(v);
    }
    if (roles.length < 2 || roles.filter((r) => KNOWN_BY_SHAPE.has(r.role)).length < 2) continue;
    roles.forEach((v, j) => (markers[k + 1 + j] = bareMarker(v.label)));
    k += roles.length;
  }
}

/**
 * After the tree is built: the numbered items after a direction's unlabelled values (`（1）合作项目
 * 必须双方同时申报…`), which the last value's field holds, are the direction's other requirements, as
 * such a guideline lists them last. The first item is the requirements field's line (its number
 * stays in its text, where the requirement reader finds it); the others its items. One
 * `fields-unlabelled` note says how many directions print their fields so.
 */
export function bareRequirements(directions: readonly Section[], problems: StructureProblem[]): void {
  let read = 0;
  let first: Section | null = null;
  for (const d of directions) {
    const fields = d.children.filter((c): c is Section => c.kind === 'field');
    if (fields.length === 0 || !fields.every(isBare)) continue;
    read++;
    first ??= d;
    const last = fields[fields.length - 1]!;
    const items = last.children.filter((c): c is Section => c.kind === 'item' && c.heading !== null);
    if (items.length === 0 || items.length !== last.children.length) continue;
    const [head, ...others] = items;
    const field = section('field', head!.heading, bareMarker(BARE_REQUIREMENTS), { role: 'requirements' });
    field.children.push(...head!.children, ...others);
    (last.children as Node[]).splice(0, last.children.length);
    (d.children as Node[]).splice(d.children.indexOf(last) + 1, 0, field);
  }
  if (first === null) return;
  problems.push({
    code: 'fields-unlabelled',
    severity: 'info',
    message: `${read} direction(s) print their fields without labels, one value to a line: each read by the shape of its value`,
    at: first.heading!,
    stated: String(read),
    expected: '',
    directionId: null,
  });
}
