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

/**
 * A figure read by OCR is doubted when one of its characters was read with a confidence below this
 * (0–100: the recogniser's probability of the character × 100). PP-OCRv4's probabilities separate
 * misreads: measured on scans of guidelines, a misread character is ~60 and a right one ~99; below
 * 90 a figure (where one wrong digit changes the data) is a check.
 */
export const OCR_DOUBT = 90;
/**
 * Any other value read by OCR (a title, a partner, an agreement, a requirement) is doubted when one
 * of its characters is below this: below 80 catches ~80% of misread characters while flagging under
 * 1% of the right ones.
 */
export const OCR_DOUBT_TEXT = 80;

/**
 * Where another engine's confidences (an hOCR or ALTO file) make a value doubtful. Engines grade
 * differently (tesseract's words sit at 70–96 whether right or wrong, ABBYY's at 0.75–0.96), so a
 * fixed line would flag every figure of one and nothing of another; what stands out is a character
 * read well below the document's own usual confidence: 20 points under its median for a figure, 30
 * for other text, never above the recogniser's own lines.
 */
export function fileOcrDoubt(median: number): { figure: number; text: number } {
  return { figure: Math.max(0, Math.min(OCR_DOUBT, median - 20)), text: Math.max(0, Math.min(OCR_DOUBT_TEXT, median - 30)) };
}
