/**
 * A mind map saved by XMind (`.xmind`: a ZIP; XMind 2020 and later keep the map in `content.json`,
 * `content.xml` holding only a warning for XMind 8). A research office draws a guideline as a map:
 * its title the central topic, its preamble the central topic's notes, its parts and directions
 * the branches, a direction's fields its sub-topics (`研究内容` with its text below it).
 *
 * Read as an outline: the first sheet's topics in order, depth first, a topic's title a line and
 * its notes the paragraphs under it; a topic under a direction titled by a field's label (`考核指标`) with sub-topics
 * is that field, its first sub-topic's text on the label's line (`考核指标：（1）…`), the others the
 * lines after it. A folded branch is read as any other. What the map-maker adds to the map and is no
 * text of the guideline — labels, markers' names, callouts, floating topics, relationships — and
 * the other sheets are logged (`cover-note`, `archive-member`).
 */
import { GuidelineError, type Removal } from '../types.js';
import { reason } from '../messages/reasons.js';
import { labelOnly } from '../lexicon/fields.js';
import { buildText, unplaced, type BuiltText } from './blocks.js';

interface Topic {
  readonly title?: string;
  readonly notes?: { readonly plain?: { readonly content?: string } };
  readonly labels?: readonly string[];
  readonly children?: { readonly attached?: readonly Topic[]; readonly detached?: readonly Topic[]; readonly callout?: readonly Topic[] };
}
interface Sheet {
  readonly title?: string;
  readonly rootTopic?: Topic;
  readonly relationships?: readonly { readonly title?: string }[];
}

/** Whether a ZIP's members are an XMind map's. */
export function isXmind(names: readonly string[]): boolean {
  return names.includes('content.json') && (names.includes('manifest.json') || names.includes('metadata.json'));
}

/** The map's first sheet as the lines of an outline, what is no text of it logged. */
export function readXmind(files: Readonly<Record<string, Uint8Array>>): BuiltText {
  let sheets: Sheet[];
  try {
    sheets = JSON.parse(new TextDecoder().decode(files['content.json'])) as Sheet[];
  } catch {
    throw new GuidelineError('unsupported-format', reason('xmind-damaged'));
  }
  const sheet = Array.isArray(sheets) ? sheets.find((s) => s.rootTopic) : undefined;
  if (!sheet?.rootTopic) throw new GuidelineError('unsupported-format', reason('xmind-damaged'));
  const removed: Removal[] = [];
  const lines: string[] = [];
  const note = (what: string, text: string | undefined): void => {
    if (text && text.trim() !== '') removed.push(unplaced('cover-note', `${what}：${text.trim()}`));
  };
  const walk = (t: Topic, depth: number): void => {
    const title = (t.title ?? '').trim();
    const attached = t.children?.attached ?? [];
    for (const l of t.labels ?? []) note('标签', l);
    for (const c of t.children?.callout ?? []) note('标注', c.title);
    // A field's label over its text: the label, then its sub-topics as its text.
    const label = depth > 1 && attached.length > 0 && labelOnly(title) !== null;
    if (label) {
      const [first, ...rest] = attached;
      lines.push(`${title}：${(first!.title ?? '').trim()}`);
      for (const x of [first!, ...rest]) {
        if (x !== first) lines.push(...(x.title ?? '').split('\n'));
        lines.push(...notesOf(x));
        for (const y of x.children?.attached ?? []) walk(y, depth + 2);
      }
      return;
    }
    if (title !== '') lines.push('', ...title.split('\n').map((s) => s.trim()));
    lines.push(...notesOf(t));
    for (const c of attached) walk(c, depth + 1);
  };
  walk(sheet.rootTopic, 0);
  // (A floating topic and a relationship's words: the map-maker's, beside the outline.)
  for (const d of sheet.rootTopic.children?.detached ?? []) note('自由主题', [d.title, ...notesOf(d)].filter(Boolean).join(' '));
  for (const r of sheet.relationships ?? []) note('联系', r.title);
  for (const s of sheets) if (s !== sheet) removed.push(unplaced('archive-member', `画布“${s.title ?? ''}”：${s.rootTopic?.title ?? ''}`));
  const built = buildText([{ kind: 'text', lines }]);
  return { ...built, removed: [...removed, ...built.removed] };
}

/** A topic's notes as lines. */
function notesOf(t: Topic): string[] {
  const content = t.notes?.plain?.content;
  return content && content.trim() !== '' ? content.split('\n').map((s) => s.trim()).filter((s) => s !== '') : [];
}
