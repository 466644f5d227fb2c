/**
 * Fields that give no value of their own but point to another direction's (`领域方向：同上`,
 * `合作协议：同1.1`, `实施周期：同1.3方向`): the value is that direction's, as a reader reads it, with
 * that direction's spans (where it is printed). The field-missing check the empty field raised goes.
 */
import { parseCjkNumber } from '../lexicon/chars.js';
import type { FieldRole } from '../lexicon/fields.js';
import type { Section } from '../segment/index.js';
import type { CheckDraft, Direction } from '../schema/guideline.js';
import { fieldRest, nodeText } from './nodes.js';

/** A field's whole value that refers to another direction: `同上`, `同前`, `同1.1`, `同1.1方向`. */
// (Or by the direction's word and number: `同方向四`, `同研究方向2`.)
const RE_SAME_AS = /^(?:同上|同前|与上(?:一)?方向相同|同(\d{1,2}(?:[.．]\d{1,2}){0,2})(?:方向)?(?:要求)?|同(?:研究|指南)?方向([一二三四五六七八九十]{1,3}|\d{1,2}))[。.；;]?$/;

/**
 * A clause of a 有关说明 that takes some of its conditions from another direction (`牵头申报要求和其他经费
 * 比例要求同2.1；拟支持1项。`): the direction it names. The rest of the field is the direction's own.
 */
const RE_CONDITIONS_AS = /要求(?:均|也)?同(\d{1,2}(?:[.．]\d{1,2}){1,2})(?:方向)?(?=[。；;，,]|$)/;

/** What a reference may copy: a field's role, or `conditions` (the conditions a clause names). */
export type ReferenceRole = FieldRole | 'conditions';

/** Each role of `d` whose field refers to another direction: the id it names, or `previous`. */
export function fieldReferences(d: Section): Map<ReferenceRole, string> {
  const out = new Map<ReferenceRole, string>();
  for (const c of d.children) {
    if (c.kind !== 'field' || c.role === null) continue;
    const own = fieldRest(c).text.trim();
    const text = own !== '' ? own : c.children.map((x) => nodeText(x).text).join('').trim();
    const m = RE_SAME_AS.exec(text);
    if (m) out.set(c.role, m[1] ? m[1].replace('．', '.') : m[2] ? String(parseCjkNumber(m[2]) ?? m[2]) : 'previous');
    else if (c.role === 'requirements') {
      const part = RE_CONDITIONS_AS.exec(text);
      if (part) out.set('conditions', part[1]!.replace('．', '.'));
    }
  }
  return out;
}

/** The roles a reference copies, and the values of each. */
const COPIED: Partial<Record<ReferenceRole, readonly (keyof Direction)[]>> = {
  agreement: ['agreements'],
  domains: ['domains'],
  projectCount: ['projectCount'],
  funding: ['funding', 'perProjectCap'],
  duration: ['duration'],
  partners: ['partners'],
  requirements: ['requirements', 'conditions'],
  // A key programme's (`研究内容：同2.1。`, `考核指标：同2.1`, `关键词：同2.1`).
  content: ['researchContent'],
  indicators: ['indicators'],
  keywords: ['keywords'],
};

/** The directions with the values their referring fields name (`refs[k]`: the references of direction `k`). */
export function withReferences(directions: readonly Direction[], refs: readonly Map<ReferenceRole, string>[], checks: CheckDraft[]): Direction[] {
  const out = [...directions];
  out.forEach((d, k) => {
    const own = refs[k];
    if (!own || own.size === 0) return;
    let next: Direction = d;
    for (const [role, ref] of own) {
      const target = ref === 'previous' ? out[k - 1] : out.find((x) => x.id === ref);
      if (role === 'conditions' && target && target !== d) {
        // (Only the conditions the direction does not state itself: its own say more.)
        const mine = next.conditions;
        next = { ...next, conditions: { matchingRatio: mine.matchingRatio ?? target.conditions.matchingRatio, leadingEnterprise: mine.leadingEnterprise ?? target.conditions.leadingEnterprise, youngScientist: mine.youngScientist ?? target.conditions.youngScientist } };
        continue;
      }
      const keys = COPIED[role];
      if (!target || target === d || !keys) continue;
      next = { ...next, ...Object.fromEntries(keys.map((key) => [key, target[key]])) };
      // (The requirements of another direction bring what they state, a key programme's 有关说明 its
      // figures: its own duration, count, funding and cap, where this direction has only the call's.)
      if (role === 'requirements') {
        for (const key of ['duration', 'projectCount', 'funding', 'perProjectCap'] as const) {
          const [mine, theirs] = [next[key], target[key]];
          if ((mine === null || mine.inherited) && theirs && !theirs.inherited) next = { ...next, [key]: theirs };
        }
      }
      for (let i = checks.length - 1; i >= 0; i--) {
        const c = checks[i]!;
        if (c.code === 'field-missing' && c.directionId === d.id && keys.some((key) => String(c.computed) === (key === 'perProjectCap' ? 'funding' : key))) checks.splice(i, 1);
      }
    }
    out[k] = next;
  });
  return out;
}
