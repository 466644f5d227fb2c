/** The checks the CLI shows a person, in the form the worker threads hand them over. */

/** A warning or error check, as the CLI lists it. */
export interface Notice {
  readonly severity: 'error' | 'warning';
  readonly code: string;
  readonly directionId: string | null;
  readonly message: string;
}

/** The checks a person is shown: warnings and errors, not the informational ones. */
export function noticesOf(checks: readonly { severity: string; code: string; directionId: string | null; message: string; messageZh?: string | null }[]): Notice[] {
  return checks
    .filter((c): c is typeof c & { severity: Notice['severity'] } => c.severity === 'warning' || c.severity === 'error')
    .map((c) => ({ severity: c.severity, code: c.code, directionId: c.directionId, message: c.messageZh ?? c.message }));
}
