/**
 * Page numbers as printed on a line of their own, in the forms Chinese official documents use:
 * `— 18 —`, `- 3 -`, `—3—` (OCR: `一 3 一`), `· 412 ·`, `第 3 页`, `第3页 共20页`, `3/20`, `Page 3 of 9`, `18`. Shared by the
 * text cleaner and the PDF layout pass.
 */
const RE_PAGE_NUMBER = [
  /^[—–\-－─‒―]+\s*(\d{1,4})\s*[—–\-－─‒―]+$/,
  // `一 2 一`: OCR reads the dashes of `— 2 —` as 一 (alone on the line, nothing else can it be).
  /^一\s*(\d{1,4})\s*一$/,
  // `· 412 ·`: a book's page number between middle dots (NSFC's guide book).
  /^[·•・]\s*(\d{1,4})\s*[·•・]$/,
  /^第\s*(\d{1,4})\s*页(?:\s*[，,/]?\s*共\s*\d{1,4}\s*页)?$/,
  /^(\d{1,4})\s*\/\s*\d{1,4}$/,
  /^[Pp]age\s*(\d{1,4})(?:\s*of\s*\d{1,4})?$/,
  // `≦ SCAN_20270412_0002.jpg ≧`: an OCR tool's batch text (Umi-OCR) heads each page with its image's name.
  /^≦\s*[^≦≧]*?(\d{1,4})?\s*\.(?:jpe?g|png|tiff?|bmp|webp|pdf)\s*≧$/i,
  /^(\d{1,4})$/,
];

/** Printed page number if the whole (trimmed) line is a page number, else null. */
export function pageNumberOf(trimmed: string): number | null {
  for (const re of RE_PAGE_NUMBER) {
    const m = re.exec(trimmed);
    if (m) return Number(m[1] ?? 0);
  }
  return null;
}


/**
 * On how many pages a line must repeat at the top (bottom) to be a running header (footer). Half
 * the pages, at least three; in a document of two or three pages, two: a header often starts on
 * page 2 (page 1 has the title), and a whole line repeated by chance at the top of two pages is far
 * less likely than a short guideline.
 */
export function runningLineQuorum(pages: number): number {
  return pages <= 3 ? 2 : Math.max(3, Math.ceil(pages / 2));
}

/**
 * A page number printed beside a running header on the same line (`·3·`, `- 3 -`, `— 3 —`,
 * `第 3 页`): the source of a pattern, three groups for the number (one of them is set).
 */
export const PAGE_TOKEN = '(?:[·•・]\\s*(\\d{1,3})\\s*[·•・]|[-－—–―]\\s*(\\d{1,3})\\s*[-－—–―]|第\\s*(\\d{1,3})\\s*页(?:\\s*共\\s*\\d{1,3}\\s*页)?)';

/**
 * A page's own number inside a running line, white space removed (`第2页`, `第2页，共6页`, `共4页`,
 * `2/6`, never a fax header's `P.002/006`, whose pages are told otherwise): replaced by one mark (`#`)
 * when running lines are compared, the same words on each page.
 */
export const RE_PAGE_COUNTER = /第\d{1,4}页(?:[，,/]?共\d{1,4}页)?|共\d{1,4}页|(?<![\d.])\d{1,4}[/／]\d{1,4}(?!\d)/g;
