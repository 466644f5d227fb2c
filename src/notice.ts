/** The checks the CLI shows a person, in the form the worker threads hand them over. */

/** A warning or error check, as the CLI lists it. */
export interface Notice {
  readonly severity: 'error' | 'warning';
  readonly code: string;
  readonly directionId: string | null;
  readonly message: string;
  /** The check's English message, for `--lang en`. */
  readonly messageEn: string;
  /** The line of the loaded text the check points at; null for a check on the whole document. */
  readonly line: number | null;
}

/** The checks a person is shown: warnings and errors, not the informational ones. */
export function noticesOf(checks: readonly { severity: string; code: string; directionId: string | null; message: string; messageZh?: string | null; span?: { line: number } | null }[]): Notice[] {
  return checks
    .filter((c): c is typeof c & { severity: Notice['severity'] } => c.severity === 'warning' || c.severity === 'error')
    .map((c) => ({ severity: c.severity, code: c.code, directionId: c.directionId, message: c.messageZh ?? c.message, messageEn: c.message, line: c.span?.line ?? null }));
}

/**
 * A notice as one terminal line: level, line, the Chinese message (which names the direction, the
 * field and the words), and the check's code: `警告 第576行 方向2.1：其他要求中含待定内容“待定”：“…”（placeholder）`.
 */
export function noticeLine(n: Notice, language: 'zh' | 'en' = 'zh'): string {
  if (language === 'en') return `${n.severity}${n.line === null ? '' : ` line ${n.line}`}: ${n.messageEn} (${n.code})`;
  return `${n.severity === 'error' ? '错误' : '警告'}${n.line === null ? '' : ` 第${n.line}行`} ${n.message}（${n.code}）`;
}
