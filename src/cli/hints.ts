/**
 * The library's errors name no CLI flag (a library user has options, not flags); the CLI adds, by
 * error code, the flag that would help, in the language of messages.
 */
import type { GuidelineError } from '../types.js';
import type { Language } from '../messages/index.js';

/** The flag that helps with an error of `code`, in `language`; null when none does. */
function hint(code: GuidelineError['code'], language: Language): string | null {
  switch (code) {
    case 'timeout':
      return language === 'zh' ? '（--timeout-ms 可放宽时限）' : ' (--timeout-ms raises the limit)';
    case 'ocr-too-many-pages':
      return language === 'zh' ? '（--ocr-max-pages 可提高上限）' : ' (--ocr-max-pages raises it)';
    case 'out-of-memory':
      return language === 'zh' ? '（--worker-memory-mb 可提高上限）' : ' (--worker-memory-mb raises it)';
    case 'ocr-unavailable':
      return language === 'zh' ? '；或用 --ocr off 不做 OCR' : ', or --ocr off';
    default:
      return null;
  }
}

/**
 * Why the error happened, in `language`, with the CLI's hint: `took longer than 1000 ms: gave up
 * (--timeout-ms raises the limit)`, `处理超过1000毫秒，已放弃（--timeout-ms 可放宽时限）`.
 */
export function withHint(e: Pick<GuidelineError, 'code' | 'say'>, language: Language): string {
  return `${e.say(language)}${hint(e.code, language) ?? ''}`;
}
