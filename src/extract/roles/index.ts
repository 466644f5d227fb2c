/**
 * The role readers of `extract`, one per field role (as micromark has one construct per syntax):
 * each reads its role from a direction's fields (`DirectionContext`), falls back where its role
 * allows (the title, the groups, prose sentences, the document's defaults), and raises the checks
 * of its role. The lexicon decides which label is which role (`src/lexicon/fields.ts`); a new
 * spelling of a label is a row there, never a branch here.
 *
 * | role | reader | fallbacks |
 * | --- | --- | --- |
 * | `partners` | `readPartners` | title, group headings, 合作国家 field |
 * | `agreement` | `readAgreements` | 《》 in prose (directions with a partner) |
 * | `domains` | `readDomains` | `在A、B等领域` in prose |
 * | `projectCount` | `readProjectCount` | a labelled count in another field, prose, the document's default |
 * | `funding` | `readFunding` | prose total; cap from the text, the group, the document |
 * | `duration` | `readDuration` | a labelled duration anywhere, the document's default |
 * | `requirements` | `readRequirements` | — (conditions read from them, or the group's) |
 * | `content`, `indicators`, `keywords` | `readKeyProgramme` | — |
 *
 * Readers run in this order, which is also the order of their checks in the output.
 */
export { directionContext, type DirectionContext } from './context.js';
export { readPartners } from './partners.js';
export { readAgreements } from './agreements.js';
export { readDomains } from './domains.js';
export { readProjectCount } from './count.js';
export { readFunding, totalFundingField } from './funding.js';
export { readDuration } from './duration.js';
export { readRequirements } from './requirements.js';
export { readKeyProgramme } from './keyprog.js';
