/** Formatting of values for messages and reports (shared by `validate`, `report` and `diff`). */

/** Whole yuan in the units the documents use: `4.02亿元`, `800万元`, `1234元`. */
export function formatYuan(cny: number): string {
  if (Math.abs(cny) >= 1e8 && cny % 1e4 === 0) return `${cny / 1e8}亿元`;
  if (cny % 1e4 === 0) return `${cny / 1e4}万元`;
  return `${cny}元`;
}

const QUALIFIER_PREFIX = { exact: '', about: '约', atMost: '不超过', atLeast: '至少' } as const;
export type QualifierName = keyof typeof QUALIFIER_PREFIX;

export function qualifierPrefix(q: QualifierName): string {
  return QUALIFIER_PREFIX[q];
}

/** `2–3年`, `不超过4年`, `3年`. */
export function formatDuration(d: { minYears: number | null; maxYears: number | null; qualifier: QualifierName }): string {
  if (d.minYears !== null && d.maxYears !== null && d.minYears !== d.maxYears) return `${d.minYears}–${d.maxYears}年`;
  return `${QUALIFIER_PREFIX[d.qualifier]}${d.maxYears ?? d.minYears}年`;
}

/** What each check code means, in the reports' language; the code itself stays beside it. */
const CHECK_TITLES: Readonly<Record<string, string>> = {
  'direction-count-mismatch': '方向数与文中所述不符',
  'partner-count-mismatch': '合作方数与文中所述不符',
  'partner-unrecognised': '合作方未识别',
  'project-total-mismatch': '项目数合计与文中所述不符',
  'funding-total-mismatch': '经费合计与文中所述不符',
  'per-project-cap-exceeded': '经费超出单项上限之和',
  'field-missing': '缺少字段',
  'duration-inherited': '沿用指南默认实施周期',
  placeholder: '含待定内容',
  'numbering-gap': '编号缺号',
  'numbering-duplicate': '编号重复',
  'numbering-rollover': '编号进位（如1.9后为2.0）',
  'numbering-start': '编号不从1开始',
  'title-inferred': '标题由正文推断',
  'title-missing': '未找到标题',
  'status-unknown': '无法判断稿件状态',
  'value-implausible': '数值不合常理，未采用',
  'value-unreadable': '字段中未读出数值',
  'count-unspecified': '项目数未定（若干）',
  'label-unknown': '未知字段标签',
  'text-unassigned': '未归入任何字段的文字',
  'inherited-contradicted': '与指南统一规定不一致',
};

const SEVERITY_TITLES = { error: '错误', warning: '警告', info: '提示' } as const;

/** `警告：经费合计与文中所述不符（funding-total-mismatch）`; an unknown code is shown as it is. */
export function formatCheckTitle(c: { code: string; severity?: keyof typeof SEVERITY_TITLES }): string {
  const title = CHECK_TITLES[c.code];
  const what = title ? `${title}（${c.code}）` : c.code;
  return c.severity ? `${SEVERITY_TITLES[c.severity]}：${what}` : what;
}
