/**
 * The library's errors name no CLI flag (a library user has options, not flags); the CLI adds, by
 * error code, the flag that would help.
 */
import type { GuidelineError } from '../types.js';

/** The error's message with the CLI's hint: `took longer than 1000 ms: gave up (--timeout-ms raises the limit)`. */
export function withHint(e: Pick<GuidelineError, 'code' | 'message'>): string {
  switch (e.code) {
    case 'timeout':
      return `${e.message} (--timeout-ms raises the limit)`;
    case 'ocr-too-many-pages':
      return `${e.message} (--ocr-max-pages raises it)`;
    case 'ocr-unavailable':
      return `${e.message}, or --ocr off`;
    default:
      return e.message;
  }
}
