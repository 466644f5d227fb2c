/**
 * Role `agreement`: the titles in 《》 of each agreement field, or the field's own text where it
 * names one without 《》; for a direction with a partner and no agreement field, the agreements
 * its prose names (`本方向落实《…会议纪要》`).
 */
import type { Agreement, Partner } from '../../schema/guideline.js';
import { mappedTrim } from '../../mapped.js';
import { RE_AGREEMENT } from '../patterns.js';
import { fieldLabelAt } from '../../lexicon/fields.js';
import { fieldRest, nodeText, RE_PLACEHOLDER_ONLY, TRAILING } from '../nodes.js';
import type { DirectionContext } from './context.js';

/** A name of an agreement written without 《》: it ends as one does, and is no sentence (no clause, no 根据 / 开展). */
function isAgreementName(t: string): boolean {
  return /(?:协议|协定|备忘录|安排|纪要|议定书|计划|宣言|声明|框架|机制)$/.test(t) && !/[，,；;。]/.test(t) && !/^(?:根据|依据|按照|依托|在)|开展|征集|申报/.test(t);
}

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
      agreements.push({ title: bookTitle(m[1]!), span: span(t, m.index, m.index + m[0].length) });
    }
    if (!RE_AGREEMENT.test(t.text)) {
      const rest = fieldRest(agreementField);
      // `合作协议：待定` names no agreement: the placeholder is a check (scanPlaceholders), not a title.
      // A name written without 《》 (`海峡两岸科技交流合作有关工作安排`) is the agreement; a sentence
      // about one (`根据…签署的科学合作协议开展联合征集`) names none: its text is kept as it is.
      const title = rest.text.replace(/[。；;，,]+$/, '');
      if (rest.text.length > 0 && !RE_PLACEHOLDER_ONLY.test(rest.text)) {
        // (`见附件1第3项` is kept: the attachment's row names it, read once the whole text is.)
        if (isAgreementName(title) || /^(?:详)?见附件/.test(title)) agreements.push({ title, span: span(rest) });
        else ctx.otherText.push({ label: agreementField.marker?.key ?? null, known: true, text: rest.text, span: span(rest) });
      }
    }
    RE_AGREEMENT.lastIndex = 0;
  }
  // No agreement field: the agreement a direction written in prose names (`本方向落实《中匈政府间科技
  // 合作委员会第十次会议纪要》`).
  // Only for a direction with a partner: a key programme's text cites plans that are no agreement.
  if (ctx.allOf('agreement').length === 0 && partners.some((p) => p.recognised)) {
    for (const m of all.text.matchAll(RE_AGREEMENT)) {
      const t = bookTitle(m[1]!);
      // Named as one (its title ends as an agreement's does), or cited as the direction's basis
      // (`依据《中英科技创新合作战略》组织实施`), whatever its title ends with.
      const basis = /(?:依据|根据|按照|落实|基于)$/.test(all.text.slice(Math.max(0, m.index - 2), m.index)) || /^(?:框架|组织实施)/.test(all.text.slice(m.index + m[0].length));
      if ((basis || /协定|协议|纪要|备忘录|议定书|计划|宣言|声明|安排|框架|方案|章程|倡议|路线图/.test(t)) && !agreements.some((a) => a.title === t)) {
        agreements.push({ title: t, span: span(all, m.index, m.index + m[0].length) });
      }
    }
    RE_AGREEMENT.lastIndex = 0;
  }
  // Nor in its own words: the agreements its group states for all its directions (`一、中国和新西兰…` /
  // `本部分指南方向依据《…协定》和《…纪要》设立`), as the group's figures are inherited.
  if (agreements.length === 0 && ctx.allOf('agreement').length === 0 && partners.some((p) => p.recognised)) {
    for (const g of ctx.groupTexts) {
      if (!/依据|根据|按照|落实|基于|合作协议|合作依据|依据协议/.test(g.text)) continue;
      // (Under the group's agreement label, `合作依据：《粤港澳大湾区发展规划纲要》`, whatever the title.)
      const labelled = fieldLabelAt(g.text)?.role === 'agreement';
      for (const m of g.text.matchAll(RE_AGREEMENT)) {
        const t = bookTitle(m[1]!);
        if ((labelled || /协定|协议|纪要|备忘录|议定书|计划|宣言|声明|安排|框架|战略/.test(t)) && !agreements.some((a) => a.title === t)) agreements.push({ title: t, span: span(g, m.index, m.index + m[0].length) });
      }
      RE_AGREEMENT.lastIndex = 0;
    }
  }
  // A field that holds only 待定 is told by its placeholder check, not as missing.
  // (A field that says what the cooperation rests on without naming an agreement, `合作协议：海峡两岸
  // 科技交流合作有关共识。`, states it: its text is kept, and nothing is missing.)
  // (A basis stated in a sentence without a document's title, `合作依据为海峡两岸科技交流合作机制。`, is stated.)
  const said = /合作(?:依据|协议|基础)(?:为|是)[^。；《]{4,}/.test(ctx.all.text);
  if (agreements.length === 0 && !said && !ctx.allOf('agreement').some((f) => RE_PLACEHOLDER_ONLY.test(mappedTrim(fieldRest(f)).text) || mappedTrim(fieldRest(f), TRAILING).text.length >= 4)) ctx.missing('agreements', 'agreement (合作协议《…》)');
  return agreements;
}

/**
 * A title in 《》 as its words: white space that wrapping or extraction left goes, the one space a
 * title prints between two phrases (`深化粤港澳合作 推进大湾区建设框架协议`, kept by `clean`) stays.
 */
function bookTitle(t: string): string {
  return t.replace(/\s+/g, (ws: string, at: number) => (ws === ' ' && /[\u4e00-\u9fff]{4}$/.test(t.slice(0, at)) && /^[\u4e00-\u9fff]{4}/.test(t.slice(at + 1)) ? ' ' : ''));
}
