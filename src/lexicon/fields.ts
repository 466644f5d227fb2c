/**
 * The labelled fields of a guideline direction (`合作协议：…`), and what each one holds.
 * Labels vary a little between special projects; every known spelling maps to one role.
 */
export type FieldRole =
  | 'agreement'
  | 'domains'
  | 'projectCount'
  | 'funding'
  | 'duration'
  | 'requirements'
  | 'content'
  | 'other';

const LABELS: ReadonlyArray<readonly [string, FieldRole]> = [
  ['合作协议', 'agreement'],
  ['依据协议', 'agreement'],
  ['合作依据', 'agreement'],
  ['领域方向', 'domains'],
  ['支持领域', 'domains'],
  ['合作领域', 'domains'],
  ['研究方向', 'domains'],
  ['拟支持项目数', 'projectCount'],
  ['支持项目数', 'projectCount'],
  ['拟支持项目', 'projectCount'],
  ['共拟支持经费', 'funding'],
  ['拟支持经费', 'funding'],
  ['国拨经费', 'funding'],
  ['支持经费', 'funding'],
  ['项目实施周期', 'duration'],
  ['实施周期', 'duration'],
  ['执行期', 'duration'],
  ['支持年限', 'duration'],
  ['实施年限', 'duration'],
  ['执行年限', 'duration'],
  ['其他要求', 'requirements'],
  ['申报要求', 'requirements'],
  ['有关说明', 'requirements'],
  ['研究内容', 'content'],
  ['考核指标', 'content'],
  ['支持方式', 'other'],
  ['合作方式', 'other'],
];

const RE_LABEL = new RegExp(`^(${LABELS.map(([l]) => l).sort((a, b) => b.length - a.length).join('|')})\\s*[：:]\\s*`);

/** The field label at the start of `text` (with its colon and following spaces), or null. */
export function fieldLabelAt(text: string): { label: string; role: FieldRole; length: number } | null {
  const m = RE_LABEL.exec(text);
  if (!m) return null;
  const label = m[1]!;
  return { label, role: roleOf(label), length: m[0].length };
}

export function roleOf(label: string): FieldRole {
  return LABELS.find(([l]) => l === label)?.[1] ?? 'other';
}
