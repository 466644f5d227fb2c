/**
 * Every extracted value points at its source: slicing the loaded text at the span gives the value's
 * raw text, once line breaks and the logged artefacts are set aside.
 */
import { describe, expect, it } from 'vitest';
import type { Guideline, Span } from '../../src/schema/guideline.js';
import { seed } from '../helpers/seed.js';

/** The raw text of a span without logged removals (artefact lines, page-start spaces) and white space. */
function rawAt(text: string, doc: Guideline, span: Span): string {
  const cut = doc.removed.filter((r) => r.start !== null && r.end !== null && r.start < span.end && r.end > span.start);
  let out = '';
  let at = span.start;
  for (const r of [...cut].sort((a, b) => a.start! - b.start!)) {
    if (r.start! > at) out += text.slice(at, r.start!);
    out += r.replacement ?? '';
    at = Math.max(at, r.end!);
  }
  out += text.slice(at, span.end);
  return out.replace(/\s+/g, '');
}

const squash = (s: string): string => s.replace(/\s+/g, '');

describe('provenance on the seed', () => {
  it('every span slices to its value', async () => {
    const { source, doc } = await seed();
    const checked: string[] = [];
    const expectAt = (span: Span, value: string, what: string): void => {
      expect(rawAt(source.text, doc, span), what).toBe(squash(value));
      checked.push(what);
    };
    for (const d of doc.directions) {
      expectAt(d.titleSpan, d.title, `${d.id} title`);
      for (const p of d.partners) expectAt(p.span, p.text, `${d.id} partner ${p.name}`);
      for (const a of d.agreements) expectAt(a.span, `《${a.title}》`, `${d.id} agreement`);
      if (d.projectCount) expectAt(d.projectCount.span, d.projectCount.text, `${d.id} projectCount`);
      if (d.funding) expectAt(d.funding.span, d.funding.text, `${d.id} funding`);
      if (d.duration) expectAt(d.duration.span, d.duration.text, `${d.id} duration`);
      d.requirements.forEach((r, i) => expectAt(r.span, r.text, `${d.id} requirement ${i + 1}`));
      for (const f of Object.values(d.flags)) for (const e of f.evidence) expectAt(e.span, e.text, `${d.id} flag`);
      const walk = (ds: typeof d.domains): void => {
        for (const x of ds) {
          expect(rawAt(source.text, doc, x.span), `${d.id} domain ${x.label}`).toContain(squash(x.label));
          walk(x.children);
        }
      };
      walk(d.domains);
    }
    expect(checked.length).toBeGreaterThan(150);
  });

  it('spans give lines and pages of the loaded text (1-based lines, 0-based offsets)', async () => {
    const { source, doc } = await seed();
    const d22 = doc.directions.find((d) => d.id === '2.2')!;
    expect(d22.titleSpan).toMatchObject({ line: 631, endLine: 631, page: 16, pageLine: null });
    expect(source.text.split('\n')[630]).toContain('2.2 中国和俄罗斯、白俄罗斯国家联合实验室项目');
    // The domain that wraps across the URL artefact lines spans lines 639 to 645.
    const modern = d22.domains.find((x) => x.label === '现代农业技术')!;
    expect([modern.span.line, modern.span.endLine]).toEqual([639, 645]);
    expect(source.text.slice(modern.span.start, modern.span.end)).toMatch(/^现代农\n[\s\S]*https:[\s\S]*\n 业技术$/);
    // After `— 18 —`, page 19 begins.
    expect(doc.directions.find((d) => d.id === '2.3')!.span.page).toBe(19);
  });
});
