// What an analyst reads of a diff, as `<name>.expected-diff.json` writes it (see the README of
// test/fixtures/blind12): shared by scripts/score-diffs.mjs and the tests.

/** The expected field name of a change's field path (`partners[日本]` → `partners`), null for one no expectation names. */
export function fieldOf(path) {
  if (path.startsWith('partners')) return 'partners';
  if (path.startsWith('domains')) return 'domains';
  if (path.startsWith('keywords')) return 'keywords';
  if (path === 'funding.amountCNY' || path === 'funding.qualifier') return 'fundingCNY';
  if (path === 'funding.perProjectCapCNY') return 'perProjectCapCNY';
  if (path === 'kind') return 'title';
  if (path.startsWith('flags.') || path.startsWith('conditions.') || path === 'category') return null;
  return path.replace(/\[.*$/, '');
}

const sameSet = (a, b) => a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');
const arr = (x) => (Array.isArray(x) ? x : x === null || x === undefined ? [] : [x]);

/**
 * Each expected entry with what the diff `d` reports for it: `{ want, ok, got }`. A split or merge
 * must be a regrouping of exactly those ids; any other entry must have its status, new id,
 * renumbering and (for `modified`) exactly its set of fields.
 */
export function judgeDiff(d, expected) {
  return expected.directions.map((w) => {
    if (w.status === 'split' || w.status === 'merged') {
      const r = d.regroupings.find((x) => x.kind === w.status && sameSet(x.oldIds, arr(w.old)) && sameSet(x.newIds, arr(w.new)));
      return { want: w, ok: Boolean(r), got: d.regroupings.map((x) => `${x.kind} ${x.oldIds}→${x.newIds}`).join('; ') || 'no regrouping' };
    }
    const e = w.old !== null && w.old !== undefined ? d.directions.find((x) => x.oldId === w.old) : d.directions.find((x) => x.newId === w.new && x.oldId === null);
    if (!e) return { want: w, ok: false, got: 'no entry' };
    const fields = [...new Set(e.changes.map((c) => fieldOf(c.field)).filter(Boolean))];
    const status = fields.length === 0 && e.status === 'modified' ? 'unchanged' : e.status;
    const ok =
      status === w.status &&
      (e.newId ?? null) === (w.new ?? null) &&
      Boolean(e.renumbered) === Boolean(w.renumbered) &&
      (w.status !== 'modified' || sameSet(fields, w.fields ?? [])) &&
      !e.regrouped;
    return { want: w, ok, got: `${e.oldId}→${e.newId} ${e.status}${e.renumbered ? ' renumbered' : ''} [${fields}]${e.regrouped ? ` (${e.regrouped})` : ''}` };
  });
}
