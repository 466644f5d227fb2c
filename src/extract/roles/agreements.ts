/**
 * Role `agreement`: the titles in 《》 of each agreement field, or the field's own text where it
 * names one without 《》; for a direction with a partner and no agreement field, the agreements
 * its prose names (`本方向落实《…会议纪要》`).
 */
import type { Agreement, Partner } from '../../schema/guideline.js';
import { mappedTrim } from '../../mapped.js';
import { RE_AGREEMENT } from '../patterns.js';
import { fieldRest, nodeText, RE_PLACEHOLDER_ONLY } from '../nodes.js';
import type { DirectionContext } from './context.js';

/** A 《…》 anywhere (no global state). */
const RE_AGREEMENT_IN = /《[^《》]+》/;

/** The mechanism's own text, kept under its label. */
function otherMechanism(ctx: DirectionContext, f: Parameters<DirectionContext['leftover']>[0]): void {
  const rest = mappedTrim(fieldRest(f));
  if (rest.text.length > 0) ctx.otherText.push({ label: f.marker!.key, known: true, text: rest.text, span: ctx.span(rest) });
}

export function readAgreements(ctx: DirectionContext, partners: readonly Partner[]): Agreement[] {
  const { span, all } = ctx;
  const agreements: Agreement[] = [];
  const fields = ctx.allOf('agreement');
  // A mechanism named without 《》 (`合作机制：金砖国家科技创新框架计划。`) beside a field that names
  // the agreements (`合作依据：《…》`) is the programme, not an agreement: its text stays as text.
  const bracketed = fields.filter((f) => RE_AGREEMENT_IN.test(nodeText(f).text));
  for (const agreementField of fields) {
    const t = nodeText(agreementField);
    if (bracketed.length > 0 && !bracketed.includes(agreementField) && agreementField.marker?.key === '合作机制') {
      ctx.leftover(agreementField);
      otherMechanism(ctx, agreementField);
      continue;
    }
    for (const m of t.text.matchAll(RE_AGREEMENT)) {
      agreements.push({ title: m[1]!.replace(/\s+/g, ''), span: span(t, m.index, m.index + m[0].length) });
    }
    if (!RE_AGREEMENT.test(t.text)) {
      const rest = fieldRest(agreementField);
      // `合作协议：待定` names no agreement: the placeholder is a check (scanPlaceholders), not a title.
      if (rest.text.length > 0 && !RE_PLACEHOLDER_ONLY.test(rest.text)) agreements.push({ title: rest.text.replace(/[。；;，,]+$/, ''), span: span(rest) });
    }
    RE_AGREEMENT.lastIndex = 0;
  }
  // No agreement field: the agreement a direction written in prose names (`本方向落实《中匈政府间科技
  // 合作委员会第十次会议纪要》`).
  // Only for a direction with a partner: a key programme's text cites plans that are no agreement.
  if (ctx.allOf('agreement').length === 0 && partners.some((p) => p.recognised)) {
    for (const m of all.text.matchAll(RE_AGREEMENT)) {
      const t = m[1]!.replace(/\s+/g, '');
      if (/协定|协议|纪要|备忘录|议定书|计划|宣言|声明|安排|框架/.test(t) && !agreements.some((a) => a.title === t)) {
        agreements.push({ title: t, span: span(all, m.index, m.index + m[0].length) });
      }
    }
    RE_AGREEMENT.lastIndex = 0;
  }
  // A field that holds only 待定 is told by its placeholder check, not as missing.
  if (agreements.length === 0 && !ctx.allOf('agreement').some((f) => RE_PLACEHOLDER_ONLY.test(mappedTrim(fieldRest(f)).text))) ctx.missing('agreements', 'agreement (合作协议《…》)');
  return agreements;
}
