/** The section tree `segment` builds: its node types, and walks over it. */
import type { Marker, MarkerType } from '../lexicon/markers.js';
import type { FieldRole } from '../lexicon/fields.js';
import type { Paragraph } from '../reflow/index.js';

/** `group`: a numbered group of directions (`1. 基础软件` before `1.1`, `1.2`, …). */
export type SectionKind = 'root' | 'part' | 'group' | 'direction' | 'field' | 'item';

export interface Section {
  readonly kind: SectionKind;
  /** The paragraph that carries the heading or marker (null for the root). */
  readonly heading: Paragraph | null;
  readonly marker: Marker | null;
  /** For directions: 1-based position among the directions. */
  readonly ordinal: number | null;
  /**
   * For directions: the id, as printed (`1.1`, `3`), or `<part>.<n>` where single-level numbers
   * start again in each part.
   */
  readonly id: string | null;
  /** For fields: what the field holds. */
  readonly role: FieldRole | null;
  readonly children: Node[];
  /**
   * For a direction a table of directions gave first: the heading its text then stood under
   * (`1.1 全海深原位探测传感器核心器件（共性关键技术类）` after the row `1.1 | 全海深原位探测传感器核心器件`),
   * whose fuller title is the direction's (the text governs).
   */
  readonly detail?: { readonly paragraph: Paragraph; readonly marker: Marker };
}

export interface ParagraphNode {
  readonly kind: 'paragraph';
  readonly paragraph: Paragraph;
}

export type Node = Section | ParagraphNode;

export interface StructureProblem {
  readonly code: 'numbering-gap' | 'numbering-duplicate' | 'numbering-rollover' | 'numbering-start' | 'fields-unlabelled';
  readonly severity: 'warning' | 'info';
  readonly message: string;
  readonly at: Paragraph;
  /** The number printed, and the number expected. */
  readonly stated: string;
  readonly expected: string;
  /** The printed id of the direction this happened in (or the direction itself), if any. */
  readonly directionId: string | null;
}

export interface Segmented {
  readonly root: Section;
  readonly problems: readonly StructureProblem[];
  /** The numbering that marks guideline directions in this document (`decimal` for `1.1`). */
  readonly directionType: MarkerType;
}

export function section(kind: SectionKind, heading: Paragraph | null, marker: Marker | null, extra: Partial<Pick<Section, 'ordinal' | 'role' | 'id'>> = {}): Section {
  return { kind, heading, marker, ordinal: extra.ordinal ?? null, id: extra.id ?? null, role: extra.role ?? null, children: [] };
}

/** The first pieces of paragraphs cut at a run-on label: what ends them parted them from a field. */
export const RUN_ON_HEADS = new WeakSet<Paragraph>();

/** Whether a direction stands anywhere under `s`. */
export function containsDirection(s: Section): boolean {
  return s.children.some((c) => c.kind === 'direction' || ((c.kind === 'part' || c.kind === 'group' || c.kind === 'item') && containsDirection(c)));
}

/** Every paragraph of a subtree, in document order. */
export function paragraphsOf(node: Node): Paragraph[] {
  const out: Paragraph[] = [];
  const walk = (n: Node): void => {
    if (n.kind === 'paragraph') {
      out.push(n.paragraph);
      return;
    }
    if (n.heading) out.push(n.heading);
    for (const c of n.children) walk(c);
  };
  walk(node);
  return out;
}
