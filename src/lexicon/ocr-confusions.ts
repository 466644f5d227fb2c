/**
 * Ideographs OCR reads for one another with high confidence (one stroke more or less): each group
 * is a row, and a character read on a scan where the document elsewhere writes the same word with
 * another of its group is a doubt (`ocrConfusableChecks`): `项自` read once where `项目` is written
 * throughout. A new confusion seen is a new row (or a character added to a row).
 */
export const OCR_CONFUSABLE_GROUPS: readonly string[] = [
  '目自日曰白且',
  '己已巳',
  '未末',
  '士土',
  '人入八',
  '干千于',
  '天夭',
  '刀力',
  '田由甲申',
  '大太犬',
  '王玉主',
  '木本术',
  '问间',
  '洁浩',
  '拨拔',
  '候侯',
  '准淮',
  '戊戌戍',
  '免兔',
  '乌鸟',
  '设没',
  '汇江',
  '圳川',
  '支文',
  '科料',
  '示永',
  '幵开',
  '仑仓',
  '壁璧',
  '治冶',
  '录灵',
];

/** Each character of a group → the others of its group. */
export const OCR_CONFUSABLE: ReadonlyMap<string, readonly string[]> = new Map(
  OCR_CONFUSABLE_GROUPS.flatMap((g) => {
    const chars = [...g];
    return chars.map((c): [string, string[]] => [c, chars.filter((x) => x !== c)]);
  }),
);
