/**
 * Reads a UOF text document (统一办公格式, GB/T 20916: `.uot`, or `.uof` holding a word-processing
 * body, as 永中Office and older RedOffice save one): one XML file whose elements are named in
 * Chinese. The body (`字:主体`) is read paragraph by paragraph (`字:段落` → its runs `字:句` →
 * `字:文本串`, `字:空格符`, `字:制表符`) and table by table (`字:文字表` → `字:行` → `字:单元格`);
 * a paragraph's automatic number (`字:自动编号信息`, its list's level format `（%1）` and numbering
 * `chinese-counting` / `decimal` in `uof:自动编号集`) is written before its text, as Word's is. The
 * headers and footers of the sections, field codes (`PAGE \* Arabic`), the metadata and the
 * comments are logged, never read as the text. Pure.
 */
import { GuidelineError, type Removal } from '../types.js';
import { reason } from '../messages/reasons.js';
import { buildText, cellText, squareRows, unplaced, type Block, type BuiltText } from './blocks.js';
import { descendants, kid, kids, parseXml, type XmlElement } from './xml.js';

/** Whether the bytes are a UOF document: its root element in the first KiB. */
export function isUof(bytes: Uint8Array): boolean {
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 2048));
  return /<uof:UOF\b/.test(head) || (/schemas\.uof\.org/.test(head) && /<[\w]+:UOF\b/.test(head));
}

const CJK_DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** `n` in the list's numbering. */
function numeral(n: number, format: string): string {
  if (/chinese/.test(format)) {
    if (n < 10) return CJK_DIGITS[n]!;
    if (n < 20) return `十${n % 10 === 0 ? '' : CJK_DIGITS[n % 10]}`;
    return `${CJK_DIGITS[Math.floor(n / 10)]}十${n % 10 === 0 ? '' : CJK_DIGITS[n % 10]}`;
  }
  if (/upper-letter/.test(format)) return String.fromCharCode(64 + n);
  if (/lower-letter/.test(format)) return String.fromCharCode(96 + n);
  if (/circle|enclosed/.test(format) && n <= 20) return String.fromCodePoint(0x2460 + n - 1);
  return String(n);
}

interface Level {
  readonly format: string;
  readonly pattern: string;
  readonly start: number;
}

/** Text of a paragraph's runs, a run's spaces and tabs as they print; no field code. */
function runsText(p: XmlElement): string {
  let out = '';
  const walk = (e: XmlElement): void => {
    for (const c of e.children) {
      if (typeof c === 'string') continue;
      if (c.name === '文本串') out += c.children.filter((x): x is string => typeof x === 'string').join('');
      else if (c.name === '空格符') out += ' '.repeat(Math.max(1, Math.min(20, Number(c.attrs['个数']) || 1)));
      else if (c.name === '制表符') out += '\t';
      else if (c.name === '换行符') out += '\n';
      else if (c.name !== '域代码' && c.name !== '句属性' && c.name !== '段落属性') walk(c);
    }
  };
  walk(p);
  return out;
}

export function readUof(bytes: Uint8Array): BuiltText {
  let root: XmlElement;
  try {
    root = parseXml(new TextDecoder('utf-8').decode(bytes));
  } catch (error) {
    throw new GuidelineError('unsupported-format', reason('uof-bad-xml'), (error as Error).message);
  }
  const lists = new Map<string, Level[]>();
  for (const list of descendants(root, '自动编号')) {
    const levels = kids(list, '级别').map((l) => ({ format: kid(l, '编号格式')?.children.join('') ?? 'decimal', pattern: kid(l, '编号格式表示')?.children.join('') ?? '%1.', start: Number(kid(l, '起始编号')?.children.join('')) || 1 }));
    lists.set(list.attrs['标识符'] ?? '', levels);
  }
  const body = descendants(root, '主体')[0] ?? descendants(root, '文字处理')[0];
  if (!body) throw new GuidelineError('unsupported-format', reason('uof-no-body'));
  const removed: Removal[] = [];
  const blocks: Block[] = [];
  const counters = new Map<string, number[]>();
  const numberOf = (p: XmlElement): string => {
    const info = kid(kid(p, '段落属性'), '自动编号信息');
    const id = info?.attrs['编号引用'];
    const levels = id ? lists.get(id) : undefined;
    if (!info || !levels) return '';
    const level = Math.max(0, Number(info.attrs['编号级别']) || 0);
    const spec = levels[level] ?? levels[0]!;
    const count = counters.get(id!) ?? [];
    if (info.attrs['重新编号'] === 'true') count[level] = (Number(info.attrs['起始编号']) || spec.start) - 1;
    count[level] = (count[level] ?? spec.start - 1) + 1;
    count.length = level + 1;
    counters.set(id!, count);
    return spec.pattern.replace(/%(\d)/g, (_, k: string) => numeral(count[Number(k) - 1] ?? 1, (levels[Number(k) - 1] ?? spec).format));
  };
  const visit = (e: XmlElement): void => {
    for (const c of kids(e)) {
      if (c.name === '节属性') {
        // The sections' headers and footers: the page's, logged.
        for (const part of kids(c).filter((x) => x.name === '页眉' || x.name === '页脚')) {
          const t = descendants(part, '段落').map(runsText).join(' ').trim();
          if (t !== '') removed.push(unplaced(part.name === '页眉' ? 'running-header' : 'running-footer', t));
        }
        continue;
      }
      if (c.name === '段落') {
        const t = `${numberOf(c)}${runsText(c)}`;
        blocks.push({ kind: 'text', lines: t.split('\n') });
      } else if (c.name === '文字表') {
        const rows = kids(c, '行').map((r) => kids(r, '单元格').map((cell) => cellText(descendants(cell, '段落').map(runsText))));
        if (rows.length > 0) blocks.push({ kind: 'table', rows: squareRows(rows) });
      } else visit(c);
    }
  };
  visit(body);
  for (const note of descendants(root, '批注')) {
    const t = descendants(note, '段落').map(runsText).join(' ').trim();
    if (t !== '') removed.push(unplaced('markup', `批注：${t}`));
  }
  const built = buildText(blocks);
  if (built.text.trim() === '') throw new GuidelineError('empty', reason('uof-no-body'));
  return { ...built, removed: [...removed, ...built.removed] };
}
