/**
 * The numbers a browser draws before the elements of an HTML page that are not in its text: the
 * markers of list items (`<ol>`, `start`, `reversed`, `<li value>`, `type`, `list-style-type`,
 * `li::marker { content: counters(list-item, ".") " " }`) and the counters of generated content
 * (`h3::before { content: counter(sec, cjk-ideographic) "、" }`), computed as CSS does: the page's
 * own style sheets (`<style>` elements and `style` attributes; linked style sheets are not at
 * hand), the user agent's defaults for lists, the cascade (specificity, order, `!important`), and
 * CSS counters with their scopes (`counter-reset`, `counter-increment`, `counter-set`, the
 * `list-item` counter of every list item, reset by each `<ol>` and `<ul>`).
 *
 * Only numbers are given: bullets (`disc`, `circle`, `square`), symbols and decorations in
 * generated content are no text a guideline is read by. A selector this file does not understand
 * (`:hover`, `:has()`) matches nothing; an at-rule other than `@media` (not print only),
 * `@supports` and `@layer` is skipped. Pure.
 */
import type { Element, Root, RootContent } from 'hast';
import { formatNumber } from './numbering.js';
import { ownEntry } from '../own.js';

// ---------------------------------------------------------------------------------------------
// Style sheets

interface Declaration {
  readonly value: string;
  readonly important: boolean;
}

interface Rule {
  readonly selector: Selector;
  readonly declarations: ReadonlyMap<string, Declaration>;
  /** Declares nothing read here but a `display` that neither makes a list item nor hides: it matters to `<li>` only. */
  readonly listItemsOnly: boolean;
  /** Position in the page's style sheets: later rules win ties. */
  readonly order: number;
}

/** The properties read here; rules that declare none of them are dropped at once. */
const PROPERTIES = new Set(['display', 'list-style', 'list-style-type', 'counter-reset', 'counter-increment', 'counter-set', 'content']);

/** Splits `text` at `sep` outside quotes, parentheses and brackets. */
function splitTop(text: string, sep: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth = Math.max(0, depth - 1);
    else if (c === sep && depth === 0) {
      out.push(text.slice(from, i));
      from = i + 1;
    }
  }
  out.push(text.slice(from));
  return out;
}

/** The declarations of a block (`a: b; c: d !important`), only the properties read here. */
export function parseDeclarations(block: string): Map<string, Declaration> {
  const out = new Map<string, Declaration>();
  for (const part of splitTop(block, ';')) {
    const colon = part.indexOf(':');
    if (colon < 0) continue;
    const name = part.slice(0, colon).trim().toLowerCase();
    if (!PROPERTIES.has(name)) continue;
    let value = part.slice(colon + 1).trim();
    const important = /!\s*important\s*$/i.test(value);
    if (important) value = value.replace(/!\s*important\s*$/i, '').trim();
    if (value === '') continue;
    // `list-style: none`, `list-style: inside upper-roman`, `list-style: "→ "`: it sets the type
    // (to its initial value, disc, when it names none).
    const property = name === 'list-style' ? 'list-style-type' : name;
    if (name === 'list-style') {
      const tokens = value.match(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|\S+/g) ?? [];
      value = tokens.find((t) => /^["']/.test(t) || ownEntry(COUNTER_STYLES, t.toLowerCase()) !== undefined || SYMBOLS.has(t.toLowerCase())) ?? 'disc';
    }
    const before = out.get(property);
    if (before?.important && !important) continue;
    out.set(property, { value, important });
  }
  return out;
}

/** Finds the `}` that closes the block opened at `open` (outside strings). */
function blockEnd(css: string, open: number): number {
  let depth = 0;
  let quote = '';
  for (let i = open; i < css.length; i++) {
    const c = css[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i;
  }
  return css.length;
}

/** Whether a `@media` query applies to a page on a screen (anything but `print` alone). */
function mediaApplies(query: string): boolean {
  return splitTop(query, ',').some((q) => !/^\s*(?:only\s+)?print\b/i.test(q) && !/^\s*not\s+(?:screen|all)\b/i.test(q));
}

/** The rules of a style sheet, numbered on from `order`. */
export function parseStyleSheet(text: string, order = 0, unconditional = false): Rule[] {
  const css = text.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/<!--|-->/g, ' ');
  const rules: Rule[] = [];
  const read = (from: number, to: number): void => {
    let at = from;
    while (at < to) {
      const open = css.indexOf('{', at);
      const semi = css.indexOf(';', at);
      if (open < 0 || open >= to) return;
      const prelude = css.slice(at, open).trim();
      // `@import url(…);`, `@charset "…";` before the next block: statements, skipped.
      if (prelude.startsWith('@') && semi >= 0 && semi < open) {
        at = semi + 1;
        continue;
      }
      const close = Math.min(blockEnd(css, open), to);
      if (prelude.startsWith('@')) {
        const name = /^@([\w-]+)/.exec(prelude)?.[1]?.toLowerCase() ?? '';
        // (`unconditional`: never a rule for some screens only, `@media (max-width: 768px)`.)
        const inner = name === 'supports' || name === 'layer' || name === 'document' || (name === 'media' && mediaApplies(prelude.slice(6)) && !(unconditional && prelude.includes('(')));
        if (inner) read(open + 1, close);
      } else {
        const declarations = parseDeclarations(css.slice(open + 1, close));
        const display = declarations.get('display')?.value ?? '';
        const listItemsOnly = declarations.size === 1 && display !== '' && !/list-item|none/i.test(display);
        if (declarations.size > 0) {
          for (const s of splitTop(prelude, ',')) {
            const selector = parseSelector(s);
            // `content` is drawn by pseudo-elements only.
            if (selector && (selector.pseudoElement !== null || declarations.size > (declarations.has('content') ? 1 : 0))) {
              rules.push({ selector, declarations, listItemsOnly, order: order + rules.length });
            }
          }
        }
      }
      at = close + 1;
    }
  };
  read(0, css.length);
  return rules;
}

// ---------------------------------------------------------------------------------------------
// Selectors

type Simple =
  | { readonly kind: 'type'; readonly name: string }
  | { readonly kind: 'id'; readonly name: string }
  | { readonly kind: 'class'; readonly name: string }
  | { readonly kind: 'attr'; readonly name: string; readonly op: string; readonly value: string; readonly insensitive: boolean }
  | { readonly kind: 'pseudo'; readonly name: string; readonly arg: string; readonly not?: readonly (readonly Simple[])[] };

interface Compound {
  readonly simples: readonly Simple[];
  /** How it relates to the compound after it: descendant ` `, child `>`, next sibling `+`, later sibling `~`. */
  readonly combinator: ' ' | '>' | '+' | '~' | null;
}

export interface Selector {
  readonly compounds: readonly Compound[];
  readonly pseudoElement: 'marker' | 'before' | 'after' | null;
  /** ids, classes (attributes, pseudo-classes), types (pseudo-elements). */
  readonly specificity: readonly [number, number, number];
}

const RE_SIMPLE = /^(?:(\*|[a-zA-Z][\w-]*)|#((?:[\w-]|\\.)+)|\.((?:[\w-]|\\.)+)|\[\s*([\w-]+)\s*(?:([~|^$*]?=)\s*(?:"([^"]*)"|'([^']*)'|([^\]\s]+))\s*(i)?\s*)?\]|(::?)([\w-]+)(?:\(([^()]*(?:\([^()]*\)[^()]*)*)\))?)/;

/** Parses one complex selector; null when it holds what this file does not read. */
export function parseSelector(text: string): Selector | null {
  const s = text.trim();
  if (s === '') return null;
  const compounds: { simples: Simple[]; combinator: Compound['combinator'] }[] = [{ simples: [], combinator: null }];
  let pseudoElement: Selector['pseudoElement'] = null;
  const spec: [number, number, number] = [0, 0, 0];
  let i = 0;
  while (i < s.length) {
    const ws = /^\s*([>+~])\s*|^\s+/.exec(s.slice(i));
    if (ws) {
      if (compounds[compounds.length - 1]!.simples.length === 0) return null;
      if (pseudoElement) return null;
      compounds[compounds.length - 1]!.combinator = (ws[1] as '>' | '+' | '~' | undefined) ?? ' ';
      compounds.push({ simples: [], combinator: null });
      i += ws[0].length;
      continue;
    }
    const m = RE_SIMPLE.exec(s.slice(i));
    if (!m) return null;
    i += m[0].length;
    if (pseudoElement) return null;
    const simples = compounds[compounds.length - 1]!.simples;
    const unescape = (x: string): string => x.replace(/\\(.)/g, '$1');
    if (m[1] !== undefined) {
      if (m[1] !== '*') {
        simples.push({ kind: 'type', name: m[1].toLowerCase() });
        spec[2]++;
      } else simples.push({ kind: 'pseudo', name: 'any', arg: '' });
    } else if (m[2] !== undefined) {
      simples.push({ kind: 'id', name: unescape(m[2]) });
      spec[0]++;
    } else if (m[3] !== undefined) {
      simples.push({ kind: 'class', name: unescape(m[3]) });
      spec[1]++;
    } else if (m[4] !== undefined) {
      simples.push({ kind: 'attr', name: m[4].toLowerCase(), op: m[5] ?? '', value: m[6] ?? m[7] ?? m[8] ?? '', insensitive: m[9] !== undefined });
      spec[1]++;
    } else {
      const name = m[11]!.toLowerCase();
      const element = m[10] === '::' || ['before', 'after', 'marker'].includes(name);
      if (element) {
        if (name !== 'marker' && name !== 'before' && name !== 'after') return null;
        pseudoElement = name;
        spec[2]++;
      } else {
        if (!PSEUDO_CLASSES.has(name)) return null;
        const arg = m[12] ?? '';
        if (name === 'not') {
          // :not(a, b): specificity of its most specific argument; each argument one compound.
          const args = splitTop(arg, ',').map((a) => parseSelector(a));
          if (args.some((a) => a === null || a.compounds.length !== 1 || a.pseudoElement)) return null;
          const best = args.map((a) => a!.specificity).sort((x, y) => y[0] - x[0] || y[1] - x[1] || y[2] - x[2])[0]!;
          for (let k = 0; k < 3; k++) spec[k]! += best[k]!;
          simples.push({ kind: 'pseudo', name, arg, not: args.map((a) => a!.compounds[0]!.simples) });
          continue;
        }
        spec[1]++;
        simples.push({ kind: 'pseudo', name, arg });
      }
    }
  }
  if (compounds[compounds.length - 1]!.simples.length === 0) return null;
  return { compounds, pseudoElement, specificity: spec };
}

const PSEUDO_CLASSES = new Set(['root', 'first-child', 'last-child', 'only-child', 'first-of-type', 'last-of-type', 'only-of-type', 'nth-child', 'nth-last-child', 'nth-of-type', 'nth-last-of-type', 'not', 'empty']);

/** `an+b`, `odd`, `even`, `3`: whether the 1-based position `n` is one of them. */
function nth(arg: string, n: number): boolean {
  const a = arg.trim().toLowerCase().replace(/\s+/g, '');
  if (a === 'odd') return n % 2 === 1;
  if (a === 'even') return n % 2 === 0;
  const m = /^([+-]?\d*)n([+-]\d+)?$/.exec(a);
  if (!m) return /^[+-]?\d+$/.test(a) && Number(a) === n;
  const step = m[1] === '' || m[1] === '+' ? 1 : m[1] === '-' ? -1 : Number(m[1]);
  const offset = Number(m[2] ?? 0);
  if (step === 0) return n === offset;
  const k = (n - offset) / step;
  return Number.isInteger(k) && k >= 0;
}

/** The tree around the elements: parents and element siblings. */
class Tree {
  readonly parent = new Map<Element, Element | null>();
  readonly siblings = new Map<Element, readonly Element[]>();
  /** Each element's id and classes, read once (selectors ask for them most). */
  readonly names = new Map<Element, { readonly id: string | undefined; readonly classes: readonly string[] }>();

  constructor(root: Root) {
    const walk = (children: readonly RootContent[], parent: Element | null): void => {
      const elements = children.filter((c): c is Element => c.type === 'element');
      for (const e of elements) {
        this.parent.set(e, parent);
        this.siblings.set(e, elements);
        const id = e.properties?.['id'];
        const cls = e.properties?.['className'];
        this.names.set(e, {
          id: id === undefined || id === null ? undefined : String(id),
          classes: Array.isArray(cls) ? cls.map(String) : typeof (cls as unknown) === 'string' ? (cls as unknown as string).split(/\s+/).filter((c) => c !== '') : [],
        });
        walk(e.children as RootContent[], e);
      }
    };
    walk(root.children, null);
  }
}

/** The value of attribute `name` (as written in HTML) of an element, as text; undefined when it has none. */
export function attribute(e: Element, name: string): string | undefined {
  const props = e.properties ?? {};
  const key = name === 'class' ? 'className' : name === 'for' ? 'htmlFor' : name.replace(/-/g, '').toLowerCase();
  for (const [k, v] of Object.entries(props)) {
    if (k.toLowerCase() !== key.toLowerCase() || v === undefined || v === null || v === false) continue;
    return Array.isArray(v) ? v.join(' ') : v === true ? '' : String(v);
  }
  return undefined;
}

function matchesSimple(tree: Tree, e: Element, s: Simple): boolean {
  switch (s.kind) {
    case 'type':
      return e.tagName.toLowerCase() === s.name;
    case 'id':
      return tree.names.get(e)?.id === s.name;
    case 'class':
      return tree.names.get(e)?.classes.includes(s.name) ?? false;
    case 'attr': {
      const v = attribute(e, s.name);
      if (v === undefined) return false;
      const have = s.insensitive ? v.toLowerCase() : v;
      const want = s.insensitive ? s.value.toLowerCase() : s.value;
      switch (s.op) {
        case '':
          return true;
        case '=':
          return have === want;
        case '~=':
          return have.split(/\s+/).includes(want);
        case '|=':
          return have === want || have.startsWith(`${want}-`);
        case '^=':
          return want !== '' && have.startsWith(want);
        case '$=':
          return want !== '' && have.endsWith(want);
        case '*=':
          return want !== '' && have.includes(want);
        default:
          return false;
      }
    }
    case 'pseudo': {
      if (s.name === 'any') return true;
      if (s.name === 'root') return tree.parent.get(e) === null && e.tagName === 'html';
      if (s.name === 'empty') return e.children.every((c) => c.type === 'comment' || (c.type === 'text' && c.value === ''));
      if (s.name === 'not') return !(s.not ?? []).some((simples) => simples.every((x) => matchesSimple(tree, e, x)));
      const all = tree.siblings.get(e) ?? [e];
      const ofType = s.name.endsWith('of-type') ? all.filter((x) => x.tagName === e.tagName) : all;
      const pos = ofType.indexOf(e) + 1;
      const fromEnd = ofType.length - pos + 1;
      switch (s.name) {
        case 'first-child':
        case 'first-of-type':
          return pos === 1;
        case 'last-child':
        case 'last-of-type':
          return fromEnd === 1;
        case 'only-child':
        case 'only-of-type':
          return ofType.length === 1;
        case 'nth-child':
        case 'nth-of-type':
          return nth(s.arg, pos);
        case 'nth-last-child':
        case 'nth-last-of-type':
          return nth(s.arg, fromEnd);
        default:
          return false;
      }
    }
  }
}

/** Whether element `e` is the subject of `selector` (its pseudo-element aside). */
export function matches(tree: Tree, e: Element, selector: Selector): boolean {
  const at = (e: Element, k: number): boolean => {
    const c = selector.compounds[k]!;
    if (!c.simples.every((s) => matchesSimple(tree, e, s))) return false;
    if (k === 0) return true;
    const combinator = selector.compounds[k - 1]!.combinator;
    switch (combinator) {
      case '>': {
        const p = tree.parent.get(e);
        return p ? at(p, k - 1) : false;
      }
      case ' ': {
        for (let p = tree.parent.get(e); p; p = tree.parent.get(p)) if (at(p, k - 1)) return true;
        return false;
      }
      case '+': {
        const sib = tree.siblings.get(e) ?? [];
        const prev = sib[sib.indexOf(e) - 1];
        return prev ? at(prev, k - 1) : false;
      }
      case '~': {
        const sib = tree.siblings.get(e) ?? [];
        return sib.slice(0, sib.indexOf(e)).some((x) => at(x, k - 1));
      }
      default:
        return false;
    }
  };
  return at(e, selector.compounds.length - 1);
}

// ---------------------------------------------------------------------------------------------
// Counter styles

/**
 * A counter style: its number format (`numbering.ts`) and the suffix a list marker puts after it.
 * Past ten, Word's formats that stand in for `simp-chinese-formal` (拾贰, not 壹拾贰) and the
 * stems and branches (which cycle, where CSS writes 甲甲) differ from the browser's.
 */
const COUNTER_STYLES: Readonly<Record<string, { format: string; suffix: string }>> = {
  decimal: { format: 'decimal', suffix: '. ' },
  'decimal-leading-zero': { format: 'decimalZero', suffix: '. ' },
  'lower-roman': { format: 'lowerRoman', suffix: '. ' },
  'upper-roman': { format: 'upperRoman', suffix: '. ' },
  'lower-alpha': { format: 'lowerLetter', suffix: '. ' },
  'lower-latin': { format: 'lowerLetter', suffix: '. ' },
  'upper-alpha': { format: 'upperLetter', suffix: '. ' },
  'upper-latin': { format: 'upperLetter', suffix: '. ' },
  'cjk-decimal': { format: 'ideographDigital', suffix: '、' },
  'cjk-ideographic': { format: 'chineseCounting', suffix: '、' },
  'simp-chinese-informal': { format: 'chineseCounting', suffix: '、' },
  'trad-chinese-informal': { format: 'chineseCounting', suffix: '、' },
  'simp-chinese-formal': { format: 'chineseLegalSimplified', suffix: '、' },
  'japanese-informal': { format: 'chineseCounting', suffix: '、' },
  'cjk-heavenly-stem': { format: 'ideographTraditional', suffix: '、' },
  'cjk-earthly-branch': { format: 'ideographZodiac', suffix: '、' },
  'full-width-decimal': { format: 'decimalFullWidth', suffix: '. ' },
};

/** Styles that draw a symbol, not a number. */
const SYMBOLS = new Set(['disc', 'circle', 'square', 'disclosure-open', 'disclosure-closed', 'none']);

/** A number in a counter style (`counter(x, lower-roman)`); an unknown style is decimal. */
export function counterText(n: number, style: string): string {
  const s = style.toLowerCase();
  if (SYMBOLS.has(s)) return '';
  return formatNumber(n, (ownEntry(COUNTER_STYLES, s) ?? COUNTER_STYLES['decimal']!).format);
}

/** The strings of a CSS value, unquoted and unescaped (`"\\2022"` → `•`). */
function unquote(token: string): string {
  return token.slice(1, -1).replace(/\\([0-9a-fA-F]{1,6})\s?|\\(.)/g, (_, hex: string | undefined, c: string | undefined) => (hex ? String.fromCodePoint(parseInt(hex, 16)) : (c ?? '')));
}

// ---------------------------------------------------------------------------------------------
// Counters

interface Counter {
  value: number;
  /** Step of the implicit `list-item` increment (-1 in a `reversed` list). */
  readonly step: number;
  /** The element whose children it is in scope among (the parent of the element that made it). */
  readonly scope: Element | null;
}

/** `name [n]` pairs of `counter-reset` and its kin; `none` gives none. */
function counterList(value: string | undefined, fallback: number): [string, number][] {
  if (value === undefined || /^none$/i.test(value.trim())) return [];
  const out: [string, number][] = [];
  const tokens = value.trim().split(/\s+/);
  for (let i = 0; i < tokens.length; i++) {
    const name = tokens[i]!.replace(/^reversed\((.*)\)$/i, '$1');
    if (!/^-?[A-Za-z_][\w-]*$/.test(name)) continue;
    const n = tokens[i + 1];
    if (n !== undefined && /^[+-]?\d+$/.test(n)) {
      out.push([name, Number(n)]);
      i++;
    } else out.push([name, fallback]);
  }
  return out;
}

/** The styles of elements that matter here, the cascade applied. */
class Styles {
  private readonly rules: Rule[] = [];
  /** The rules by pseudo-element, then by a simple selector their subject must have (`#id`, `.class`, a type, `*`). */
  private readonly index = new Map<string, Map<string, Rule[]>>();

  constructor(
    private readonly tree: Tree,
    root: Root,
    /** Only the rules every screen applies, and every rule for every element (`hiddenByStyleSheet`). */
    private readonly unconditional = false,
  ) {
    const sheets: string[] = [];
    const walk = (n: Root | Element): void => {
      for (const c of n.children) {
        if (c.type !== 'element') continue;
        if (c.tagName === 'style') {
          const media = attribute(c, 'media');
          if (media === undefined || mediaApplies(media)) sheets.push(c.children.map((x) => (x.type === 'text' ? x.value : '')).join(''));
        } else walk(c);
      }
    };
    walk(root);
    for (const s of sheets) this.rules.push(...parseStyleSheet(s, this.rules.length, unconditional));
    for (const r of this.rules) {
      const subject = r.selector.compounds[r.selector.compounds.length - 1]!.simples;
      const id = subject.find((x) => x.kind === 'id');
      const cls = subject.find((x) => x.kind === 'class');
      const type = subject.find((x) => x.kind === 'type');
      const key = id ? `#${id.name}` : cls ? `.${cls.name}` : type ? type.name : '*';
      const pseudo = r.selector.pseudoElement ?? '';
      let byKey = this.index.get(pseudo);
      if (!byKey) this.index.set(pseudo, (byKey = new Map()));
      const list = byKey.get(key);
      if (list) list.push(r);
      else byKey.set(key, [r]);
    }
  }

  /** Whether any rule is about pseudo-element `pseudo`. */
  has(pseudo: Selector['pseudoElement']): boolean {
    return this.index.has(pseudo ?? '');
  }

  /** The rules that may apply to `e`: those whose subject's id, a class, type or `*` it has. */
  private candidates(e: Element, pseudo: Selector['pseudoElement']): Rule[] {
    const byKey = this.index.get(pseudo ?? '');
    if (!byKey) return [];
    const out: Rule[] = [...(byKey.get('*') ?? []), ...(byKey.get(e.tagName.toLowerCase()) ?? [])];
    const names = this.tree.names.get(e);
    if (names?.id !== undefined) out.push(...(byKey.get(`#${names.id}`) ?? []));
    for (const c of new Set(names?.classes ?? [])) out.push(...(byKey.get(`.${c}`) ?? []));
    // `display: block`, `flex`, … matters to list items only (it takes their marker away).
    return e.tagName === 'li' || this.unconditional ? out : out.filter((r) => !r.listItemsOnly);
  }

  /** The declared values of `e` (or of its pseudo-element), by the cascade: author rules, then the style attribute. */
  declared(e: Element, pseudo: Selector['pseudoElement']): Map<string, string> {
    const matched = this.candidates(e, pseudo).filter((r) => matches(this.tree, e, r.selector));
    matched.sort((a, b) => {
      const x = a.selector.specificity;
      const y = b.selector.specificity;
      return x[0] - y[0] || x[1] - y[1] || x[2] - y[2] || a.order - b.order;
    });
    const normal = new Map<string, string>();
    const important = new Map<string, string>();
    const apply = (decls: ReadonlyMap<string, Declaration>): void => {
      for (const [k, d] of decls) (d.important ? important : normal).set(k, d.value);
    };
    for (const r of matched) apply(r.declarations);
    if (pseudo === null) {
      const style = attribute(e, 'style');
      if (style !== undefined) apply(parseDeclarations(style));
    }
    for (const [k, v] of important) normal.set(k, v);
    return normal;
  }
}

/** `<ol type>` / `<li type>` → list-style-type. */
const TYPE_ATTRIBUTE: Readonly<Record<string, string>> = { '1': 'decimal', a: 'lower-alpha', A: 'upper-alpha', i: 'lower-roman', I: 'upper-roman', disc: 'disc', circle: 'circle', square: 'square' };

/** Elements that are no part of the rendered page. */
const UNRENDERED = new Set(['head', 'script', 'style', 'noscript', 'template', 'title', 'meta', 'link']);

/**
 * The number text a browser draws before each element that has one: a list item's marker (with its
 * suffix, `3. `, `一、`, or what `::marker`'s `content` says), then the counters its `::before`
 * shows (`1.2 `). Elements without a number drawn are not in the map.
 */
/**
 * The elements a page's style sheet hides (`.zn-xm.is-offline{display:none !important}`, a CMS's
 * item taken offline): `display: none` by the cascade of the rules every screen applies (never a
 * rule of `@media (max-width: …)`, which hides one layout of text shown in another). The outermost
 * hidden element of each hidden subtree.
 */
export function hiddenByStyleSheet(root: Root): Set<Element> {
  const out = new Set<Element>();
  const hasSheet = (n: Root | Element): boolean => n.children.some((c) => c.type === 'element' && (c.tagName === 'style' || hasSheet(c)));
  if (!hasSheet(root)) return out;
  const tree = new Tree(root);
  const styles = new Styles(tree, root, true);
  const walk = (n: Root | Element): void => {
    for (const c of n.children) {
      if (c.type !== 'element' || UNRENDERED.has(c.tagName)) continue;
      if (/^none$/i.test((styles.declared(c, null).get('display') ?? '').trim())) out.add(c);
      else walk(c);
    }
  };
  walk(root);
  return out;
}

export function drawnNumbers(root: Root, shown: ReadonlySet<Element> = new Set()): Map<Element, string> {
  return new NumberDrawing(root, shown).draw(root);
}

/** The CSS counters in scope at a point of the page's walk: each name's instances, outermost first. */
class Counters {
  private readonly byName = new Map<string, Counter[]>();

  /** Every counter `name` in scope, outermost first (an empty list made for a name not yet seen). */
  instances(name: string): Counter[] {
    let list = this.byName.get(name);
    if (!list) this.byName.set(name, (list = []));
    return list;
  }

  /**
   * The innermost counter `name` in scope; where there is none, one made at 0 for the whole page
   * (as browsers count `h2::before { counter-increment: sec }` through a page that resets none).
   */
  innermost(name: string): Counter {
    const list = this.instances(name);
    if (list.length === 0) list.push({ value: 0, step: 1, scope: null });
    return list[list.length - 1]!;
  }

  /** A new counter `name` at `value`, in scope among the children of `scope`. */
  reset(name: string, value: number, scope: Element | null, step = 1): void {
    const list = this.instances(name);
    const top = list[list.length - 1];
    // A reset by a later sibling of the element that made the counter takes its place.
    if (top && top.scope === scope) list.pop();
    list.push({ value, step, scope });
  }

  /** Counters made by the children of `e` go out of scope with it. */
  leave(e: Element): void {
    for (const list of this.byName.values()) while (list.length > 0 && list[list.length - 1]!.scope === e) list.pop();
  }

  /** The text of a `content` value; null for `normal`/`none` or a value with no counter when `needCounter`. */
  contentText(value: string | undefined, e: Element, needCounter: boolean): string | null {
    if (value === undefined) return null;
    const v = value.trim();
    if (/^(?:normal|none)$/i.test(v)) return null;
    let text = '';
    let counted = false;
    for (const token of v.match(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|[\w-]+\((?:[^()"']|"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')*\)|\S+/g) ?? []) {
      if (/^["']/.test(token)) {
        text += unquote(token);
        continue;
      }
      const f = /^([\w-]+)\(([\s\S]*)\)$/.exec(token);
      if (!f) continue;
      const args = splitTop(f[2]!, ',').map((a) => a.trim());
      const fn = f[1]!.toLowerCase();
      if (fn === 'counter') {
        counted = true;
        text += counterText(this.innermost(args[0]!).value, args[1] ?? 'decimal');
      } else if (fn === 'counters') {
        counted = true;
        this.innermost(args[0]!);
        const sep = args[1] && /^["']/.test(args[1]) ? unquote(args[1]) : '';
        text += this.instances(args[0]!)
          .map((c) => counterText(c.value, args[2] ?? 'decimal'))
          .join(sep);
      } else if (fn === 'attr') {
        text += attribute(e, args[0]!.split(/\s+/)[0]!) ?? '';
      }
    }
    if (needCounter && !counted) return null;
    return text;
  }
}

/** One walk of a page in document order, drawing each element's number as the counters stand when it is reached. */
class NumberDrawing {
  private readonly tree: Tree;
  private readonly styles: Styles;
  private readonly counters = new Counters();
  /** Each element's list-style-type (inherited). */
  private readonly listStyle = new Map<Element, string>();
  private readonly out = new Map<Element, string>();

  constructor(
    root: Root,
    private readonly shown: ReadonlySet<Element>,
  ) {
    this.tree = new Tree(root);
    this.styles = new Styles(this.tree, root);
  }

  /** The number drawn before each element of the page under `root`. */
  draw(root: Root): Map<Element, string> {
    for (const c of root.children) if (c.type === 'element') this.visit(c);
    return this.out;
  }

  /** An element rendered: its list style and counters, the number drawn before it, then its children. */
  private visit(e: Element): void {
    if (UNRENDERED.has(e.tagName)) return;
    const parent = this.tree.parent.get(e) ?? null;
    const own = this.styles.declared(e, null);
    const tag = e.tagName.toLowerCase();
    // (A panel the page's script would show in turn, a tab or an accordion's: `shown`, read as shown.)
    const hidden = attribute(e, 'hidden') !== undefined && !this.shown.has(e);
    const display = (own.get('display') ?? (hidden ? 'none' : tag === 'li' ? 'list-item' : '')).trim().toLowerCase();
    if (display === 'none' && !this.shown.has(e)) return;
    const type = this.listStyleType(e, tag, own, parent);
    const listItem = display.split(/\s+/).includes('list-item');
    this.count(e, tag, own, parent, listItem);

    // What is drawn before the element's content.
    const drawn = (listItem ? this.marker(e, type) : '') + (this.before(e) ?? '');
    if (drawn.trim() !== '') this.out.set(e, drawn);

    for (const c of e.children) if (c.type === 'element') this.visit(c);
    // Counters made by the children go out of scope with their parent.
    this.counters.leave(e);
  }

  /** list-style-type: the author's, else the type attribute's, else the user agent's for lists; inherited. */
  private listStyleType(e: Element, tag: string, own: ReadonlyMap<string, string>, parent: Element | null): string {
    const typeAttr = attribute(e, 'type');
    const hinted = (tag === 'ol' || tag === 'ul' || tag === 'li') && typeAttr !== undefined ? ownEntry(TYPE_ATTRIBUTE, typeAttr) ?? ownEntry(TYPE_ATTRIBUTE, typeAttr.toLowerCase()) : undefined;
    const ua = tag === 'ol' ? 'decimal' : tag === 'ul' || tag === 'menu' ? 'disc' : undefined;
    const type = own.get('list-style-type') ?? hinted ?? ua ?? (parent ? this.listStyle.get(parent) : undefined) ?? 'disc';
    this.listStyle.set(e, type);
    return type;
  }

  /** Counters: reset, then increment, then set (CSS Lists 3), with a list's and a list item's own. */
  private count(e: Element, tag: string, own: ReadonlyMap<string, string>, parent: Element | null, listItem: boolean): void {
    const resets = counterList(own.get('counter-reset'), 0);
    if ((tag === 'ol' || tag === 'ul' || tag === 'menu') && !resets.some(([n]) => n === 'list-item')) this.resetList(e, tag, parent);
    for (const [name, n] of resets) this.counters.reset(name, n, parent);
    const increments = counterList(own.get('counter-increment'), 1);
    for (const [name, n] of increments) this.counters.innermost(name).value += n;
    if (listItem && !increments.some(([n]) => n === 'list-item')) {
      const c = this.counters.innermost('list-item');
      c.value += c.step;
    }
    const sets = counterList(own.get('counter-set'), 0);
    const valueAttr = tag === 'li' ? attribute(e, 'value') : undefined;
    if (valueAttr !== undefined && /^[+-]?\d+$/.test(valueAttr.trim()) && !sets.some(([n]) => n === 'list-item')) sets.push(['list-item', Number(valueAttr)]);
    for (const [name, n] of sets) this.counters.innermost(name).value = n;
  }

  /** The user agent's `counter-reset: list-item` of a list, with `<ol start>` and `reversed`. */
  private resetList(e: Element, tag: string, parent: Element | null): void {
    const reversed = tag === 'ol' && attribute(e, 'reversed') !== undefined;
    const startAttr = attribute(e, 'start');
    const start = startAttr !== undefined && /^[+-]?\d+$/.test(startAttr.trim()) ? Number(startAttr) : null;
    if (reversed) {
      const items = e.children.filter((c) => c.type === 'element' && c.tagName === 'li').length;
      this.counters.reset('list-item', (start ?? items) + 1, parent, -1);
    } else this.counters.reset('list-item', (start ?? 1) - 1, parent);
  }

  /** A list item's marker: what `::marker`'s `content` says, else its list-style-type's number and suffix. */
  private marker(e: Element, type: string): string {
    const marker = this.styles.declared(e, 'marker').get('content');
    if (marker === undefined || /^normal$/i.test(marker.trim())) {
      // The marker of its list-style-type: a number and its suffix (a symbol or a string is no number).
      const style = ownEntry(COUNTER_STYLES, type.trim().toLowerCase());
      return style ? formatNumber(this.counters.innermost('list-item').value, style.format) + style.suffix : '';
    }
    return this.counters.contentText(marker, e, true) ?? '';
  }

  /**
   * What `::before` draws, if it shows a counter. It is the element's first child: its own counter
   * properties (`li::before { counter-increment: item; content: counters(item, ".") }`) apply before
   * its content is drawn.
   */
  private before(e: Element): string | null {
    const pseudo = this.styles.declared(e, 'before');
    if (pseudo.has('content')) {
      for (const [name, n] of counterList(pseudo.get('counter-reset'), 0)) this.counters.reset(name, n, e);
      for (const [name, n] of counterList(pseudo.get('counter-increment'), 1)) this.counters.innermost(name).value += n;
      for (const [name, n] of counterList(pseudo.get('counter-set'), 0)) this.counters.innermost(name).value = n;
    }
    return this.counters.contentText(pseudo.get('content'), e, true);
  }
}

/** What an element a style sheet lays out as a table part stands for (`display: table-row` → `tr`). */
const TABLE_PARTS: Readonly<Record<string, string>> = {
  table: 'table',
  'inline-table': 'table',
  'table-row': 'tr',
  'table-cell': 'td',
  'table-header-group': 'thead',
  'table-row-group': 'tbody',
  'table-footer-group': 'tfoot',
  'table-caption': 'caption',
};
/** Inline elements a cell's style sheet may show as blocks (`.zn-td .li{display:block}`: one value a line). */
const INLINE = new Set(['span', 'a', 'em', 'strong', 'b', 'i', 'font', 'label', 'small']);

/**
 * Tables a page draws from `<div>`s by its style sheet (`.zn-table{display:table}`,
 * `.zn-tr{display:table-row}`, `.zn-td{display:table-cell}`), as a CMS's or a university's page does
 * without a `<table>`: each such element renamed in place to the table part it is drawn as (a cell
 * of the header group a `th`), and an inline element a cell shows as a block (`display: block`) a
 * `div`, so that the page reader reads the table as any table: rows × cells, a value a line. Only a
 * table of two rows or more, by the rules every screen applies (never a phone's layout,
 * `@media (max-width: …)`, which shows the same cells as blocks). Returns how many tables.
 */
export function cssTables(root: Root): number {
  const tree = new Tree(root);
  const styles = new Styles(tree, root, true);
  const displayOf = (e: Element): string => (styles.declared(e, null).get('display') ?? '').trim().toLowerCase();
  let count = 0;
  const children = (n: Root | Element): Element[] => (n.children as RootContent[]).filter((c): c is Element => c.type === 'element' && !UNRENDERED.has(c.tagName));
  /** The parts under a table drawn by the style sheet, down to the next such table. */
  const parts = (table: Element): { e: Element; part: string; inCell: boolean; inHead: boolean }[] => {
    const out: { e: Element; part: string; inCell: boolean; inHead: boolean }[] = [];
    const walk = (n: Element, inCell: boolean, inHead: boolean): void => {
      for (const c of children(n)) {
        const display = displayOf(c);
        const part = TABLE_PARTS[display];
        if (part === 'table') continue;
        if (part) out.push({ e: c, part, inCell, inHead });
        else if (inCell && display === 'block' && INLINE.has(c.tagName)) out.push({ e: c, part: 'div', inCell, inHead });
        walk(c, inCell || part === 'td', inHead || part === 'thead');
      }
    };
    walk(table, false, false);
    return out;
  };
  const visit = (n: Root | Element): void => {
    for (const c of children(n)) {
      if (c.tagName !== 'table' && TABLE_PARTS[displayOf(c)] === 'table') {
        const found = parts(c);
        if (found.filter((p) => p.part === 'tr' && !p.inCell).length >= 2) {
          c.tagName = 'table';
          for (const p of found) p.e.tagName = p.part === 'td' && p.inHead ? 'th' : p.part;
          count++;
        }
      }
      visit(c);
    }
  };
  visit(root);
  return count;
}
