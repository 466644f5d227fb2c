/**
 * The call families this tool reads, told apart by their issuer and the words of their titles.
 * A new family is a row here (and a value of `document.family` in the schema).
 *
 * - `international-cooperation`: 国家重点研发计划 “政府间国际科技创新合作” and its neighbours (港澳台,
 *   战略性科技创新合作): directions with partners and agreements.
 * - `key-programme`: the other 国家重点研发计划 special projects (研究内容 / 考核指标 / 关键词).
 * - `nsfc`: 国家自然科学基金委员会 guides (重大研究计划, 原创探索计划, joint calls with foreign agencies).
 * - `miit`: 工业和信息化部 calls (揭榜挂帅 task lists).
 */
export type Family = 'international-cooperation' | 'key-programme' | 'nsfc' | 'miit' | 'unknown';

/** The ministry itself (or a province's department of it): `工信厅`, its general office, as its document numbers name it. */
export const RE_MIIT_ISSUER = /工业和信息化部|工信部|工信厅[\u4e00-\u9fff]{0,3}[函字发]|工业和信息化厅|工业和信息化局/;

/** Families known by their issuer: the words, in the title or the lines before the first part. */
export const ISSUER_FAMILIES: ReadonlyArray<readonly [RegExp, Family]> = [
  [/国家自然科学基金委员会|国家自然科学基金|自然科学基金委|重大研究计划|原创探索计划|NSFC/, 'nsfc'],
  [RE_MIIT_ISSUER, 'miit'],
  // A 揭榜挂帅 call of its own (`…关键核心技术“揭榜挂帅”项目申报指南`, a province's list of tasks),
  // outside the key programmes (whose guidelines name 国家重点研发计划 and are not read here).
  [/“?揭榜挂帅”?(?:[“"]?赛马制?[”"]?)?(?:项目)?(?:任务|榜单)?(?:申报)?(?:指南|榜单|通知)/, 'miit'],
];

/** The family its issuer names in `head` (the title and the text before the first part), or null. */
export function issuerFamily(head: string): Family | null {
  for (const [re, family] of ISSUER_FAMILIES) if (re.test(head)) return family;
  return null;
}
