/**
 * Word's automatic numbering: the number a reader sees before a numbered paragraph (`一、`, `（一）`,
 * `1.1`), computed from `word/numbering.xml` as Word does — each list's levels with their format
 * (`numFmt`), text (`lvlText`, `%1.%2`), start value and restart rule, overrides of one list
 * instance (`lvlOverride`/`startOverride`), legal numbering (`isLgl`). Pure.
 */
import { kid, kids, val, type XmlElement } from './xml.js';

interface Level {
  readonly start: number;
  readonly format: string;
  readonly text: string;
  /** 1-based level whose use restarts this one; 0: never; undefined: any higher level. */
  readonly restart: number | undefined;
  readonly legal: boolean;
  /** What follows the number: a tab, a space, or nothing. */
  readonly suffix: 'tab' | 'space' | 'nothing';
  /** The paragraph style linked to this level, if any. */
  readonly style: string | undefined;
}

interface Instance {
  readonly abstractId: string;
  readonly overrides: ReadonlyMap<number, { start?: number; level?: Level }>;
}

const DIGITS = '〇一二三四五六七八九';

/** 一, 十, 十一, 二十, 一百零一, 一百一十 (Word's chineseCounting and chineseCountingThousand). */
export function chineseCounting(n: number, inner = false): string {
  if (n < 0 || !Number.isFinite(n)) return String(n);
  if (n < 10) return DIGITS[n]!;
  if (n < 20 && !inner) return `十${n % 10 ? DIGITS[n % 10] : ''}`;
  if (n < 100) return `${DIGITS[Math.floor(n / 10)]}十${n % 10 ? DIGITS[n % 10] : ''}`;
  if (n < 1000) {
    const rest = n % 100;
    return `${DIGITS[Math.floor(n / 100)]}百${rest === 0 ? '' : rest < 10 ? `零${DIGITS[rest]}` : chineseCounting(rest, true)}`;
  }
  if (n < 10000) {
    const rest = n % 1000;
    return `${DIGITS[Math.floor(n / 1000)]}千${rest === 0 ? '' : rest < 100 ? `零${chineseCounting(rest, true)}` : chineseCounting(rest, true)}`;
  }
  return String(n);
}

const LEGAL = '零壹贰叁肆伍陆柒捌玖';
function chineseLegal(n: number): string {
  return chineseCounting(n)
    .replace(/[〇一二三四五六七八九]/g, (d) => LEGAL[DIGITS.indexOf(d)]!)
    .replace(/十/g, '拾')
    .replace(/百/g, '佰')
    .replace(/千/g, '仟');
}

function letters(n: number, base: number): string {
  if (n < 1) return String(n);
  const letter = String.fromCharCode(base + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

function roman(n: number): string {
  const table: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  let v = n;
  for (const [k, s] of table) {
    while (v >= k) {
      out += s;
      v -= k;
    }
  }
  return out;
}

function enclosedCircle(n: number): string {
  if (n >= 1 && n <= 20) return String.fromCodePoint(0x2460 + n - 1);
  if (n >= 21 && n <= 35) return String.fromCodePoint(0x3251 + n - 21);
  if (n >= 36 && n <= 50) return String.fromCodePoint(0x32b1 + n - 36);
  return String(n);
}

/** One number in one of Word's formats (`w:numFmt`); an unknown format is written in digits. */
export function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'decimal':
    case 'decimalHalfWidth':
      return String(n);
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
    case 'koreanCounting':
      return chineseCounting(n);
    case 'chineseLegalSimplified':
    case 'japaneseLegal':
      return chineseLegal(n);
    case 'ideographDigital':
    case 'taiwaneseDigital':
    case 'koreanDigital':
      return String(n).replace(/[0-9]/g, (d) => DIGITS[Number(d)]!);
    case 'ideographTraditional':
      return '甲乙丙丁戊己庚辛壬癸'[(n - 1) % 10] ?? String(n);
    case 'ideographZodiac':
      return '子丑寅卯辰巳午未申酉戌亥'[(n - 1) % 12] ?? String(n);
    case 'lowerLetter':
      return letters(n, 97);
    case 'upperLetter':
      return letters(n, 65);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'upperRoman':
      return roman(n);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return enclosedCircle(n);
    case 'decimalEnclosedFullstop':
      return n >= 1 && n <= 20 ? String.fromCodePoint(0x2488 + n - 1) : `${n}.`;
    case 'decimalEnclosedParen':
      return n >= 1 && n <= 20 ? String.fromCodePoint(0x2474 + n - 1) : `(${n})`;
    case 'ordinal':
      return `${n}.`;
    case 'none':
      return '';
    default:
      return String(n);
  }
}

function readLevel(l: XmlElement): Level {
  const suff = val(l, 'suff');
  const restart = val(l, 'lvlRestart');
  const legal = kid(l, 'isLgl');
  return {
    start: Number(val(l, 'start') ?? 0) || 0,
    format: val(l, 'numFmt') ?? 'decimal',
    text: val(l, 'lvlText') ?? '',
    restart: restart === undefined ? undefined : Number(restart),
    legal: legal !== undefined && legal.attrs['val'] !== '0' && legal.attrs['val'] !== 'false',
    suffix: suff === 'space' ? 'space' : suff === 'nothing' ? 'nothing' : 'tab',
    style: val(l, 'pStyle'),
  };
}

/** The lists of a document and their counters, advanced paragraph by paragraph in document order. */
export class Numbering {
  private readonly abstracts = new Map<string, Map<number, Level>>();
  private readonly instances = new Map<string, Instance>();
  /** Counters per abstract list (instances of one abstract list continue each other, as in Word). */
  private readonly counters = new Map<string, (number | undefined)[]>();
  /** Instances whose start overrides have been applied. */
  private readonly started = new Set<string>();

  constructor(numbering: XmlElement | undefined) {
    if (!numbering) return;
    for (const a of kids(numbering, 'abstractNum')) {
      const levels = new Map<number, Level>();
      for (const l of kids(a, 'lvl')) levels.set(Number(l.attrs['ilvl'] ?? 0), readLevel(l));
      const id = a.attrs['abstractNumId'] ?? '';
      this.abstracts.set(id, levels);
      // A list defined by a numbering style (`numStyleLink`) takes the levels of the style's list.
      const link = val(a, 'numStyleLink');
      if (link !== undefined && levels.size === 0) this.links.set(id, link);
    }
    for (const n of kids(numbering, 'num')) {
      const overrides = new Map<number, { start?: number; level?: Level }>();
      for (const o of kids(n, 'lvlOverride')) {
        const start = val(o, 'startOverride');
        const lvl = kid(o, 'lvl');
        overrides.set(Number(o.attrs['ilvl'] ?? 0), { ...(start === undefined ? {} : { start: Number(start) }), ...(lvl ? { level: readLevel(lvl) } : {}) });
      }
      this.instances.set(n.attrs['numId'] ?? '', { abstractId: val(n, 'abstractNumId') ?? '', overrides });
    }
  }

  private readonly links = new Map<string, string>();
  /** Numbering styles: style id → numId, to follow `numStyleLink` (set by the reader from styles.xml). */
  styleNumIds = new Map<string, string>();

  private abstractOf(numId: string): string | undefined {
    let id = this.instances.get(numId)?.abstractId;
    for (let guard = 0; id !== undefined && this.links.has(id) && guard < 5; guard++) {
      const styleNum = this.styleNumIds.get(this.links.get(id)!);
      id = styleNum === undefined ? undefined : this.instances.get(styleNum)?.abstractId;
    }
    return id;
  }

  private level(numId: string, ilvl: number): Level | undefined {
    const inst = this.instances.get(numId);
    const abs = this.abstractOf(numId);
    if (!inst || abs === undefined) return undefined;
    return inst.overrides.get(ilvl)?.level ?? this.abstracts.get(abs)?.get(ilvl);
  }

  /** The level of list `numId` linked to paragraph style `style` (`w:pStyle` in a `w:lvl`). */
  levelOfStyle(numId: string, style: string): number | undefined {
    const abs = this.abstractOf(numId);
    const levels = abs === undefined ? undefined : this.abstracts.get(abs);
    if (!levels) return undefined;
    for (const [i, l] of levels) if (l.style === style) return i;
    return undefined;
  }

  /**
   * The number of the next paragraph of list `numId` at level `ilvl`, as printed (`一、`, `1.1`),
   * and what follows it; null for numId 0 (numbering removed) or an unknown list. Advances the
   * counters.
   */
  next(numId: string, ilvl: number): { text: string; suffix: Level['suffix'] } | null {
    if (numId === '0') return null;
    const abs = this.abstractOf(numId);
    const lvl = this.level(numId, ilvl);
    if (abs === undefined || !lvl) return null;
    const inst = this.instances.get(numId)!;
    let counters = this.counters.get(abs);
    if (!counters) this.counters.set(abs, (counters = []));
    if (!this.started.has(numId)) {
      this.started.add(numId);
      // A restarted instance: its levels count again from the override's start.
      for (const [i, o] of inst.overrides) if (o.start !== undefined) counters[i] = undefined;
    }
    const startOf = (i: number): number => inst.overrides.get(i)?.start ?? this.level(numId, i)?.start ?? 0;
    counters[ilvl] = (counters[ilvl] ?? startOf(ilvl) - 1) + 1;
    for (let deeper = ilvl + 1; deeper < 9; deeper++) {
      const d = this.level(numId, deeper);
      const restart = d?.restart;
      if (restart === undefined || (restart !== 0 && ilvl < restart)) counters[deeper] = undefined;
    }
    const text = lvl.text.replace(/%([1-9])/g, (_, k: string) => {
      const i = Number(k) - 1;
      const l = this.level(numId, i);
      const value = counters[i] ?? startOf(i);
      return formatNumber(value, lvl.legal && i !== ilvl ? 'decimal' : (l?.format ?? 'decimal'));
    });
    return { text: lvl.format === 'bullet' ? bullet(lvl.text) : text, suffix: lvl.suffix };
  }
}

/** A bullet as printed: symbol-font private-use characters become `•`. */
function bullet(text: string): string {
  if (text === '') return '';
  return /^[\ue000-\uf8ff]/.test(text) ? '•' : text;
}
