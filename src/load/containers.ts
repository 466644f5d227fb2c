/**
 * Text files that hold the guideline inside a container of another format, as a person saves what
 * a system gave them: an e-mail's raw source (`.eml` saved as text: headers, MIME parts, the text
 * in quoted-printable or base64, headers in encoded words), a database's records (`records.ts`: a
 * content system's JSON record, a search index's hits, JSON lines, an SQL dump) and a wiki page's source
 * (`wikitext.ts`) or a LaTeX document's (`latex.ts`). The guideline's own text is
 * taken out and read as any text (or as a web page, where the part or the field is HTML); what
 * surrounds it is logged, never read. Pure.
 */
import type { Removal } from '../types.js';
import { unplaced } from './blocks.js';
import { isLatex, readLatex } from './latex.js';
import { isWikitext, readWikitext } from './wikitext.js';
import { fromJson, fromSql } from './records.js';
import { isEnex, readEnex } from './enex.js';
import { isFeed, readFeed } from './feed.js';
import { SOURCE_EXTENSIONS } from './extensions.js';
import { RE_IMAGE_FILE } from './archive.js';
import { escapeRegExp } from '../regexp.js';

export interface Unwrapped {
  /** The guideline's text, where it is text. */
  readonly text?: string;
  /** The guideline as HTML (a part `text/html`, a field of markup), to be read as a web page. */
  readonly html?: string;
  /** The guideline as a file attached to an e-mail (`指南.docx`), to be read as that file. */
  readonly attachment?: { readonly name: string; readonly bytes: Uint8Array };
  readonly removed: Removal[];
}


/** The guideline inside `text` where it is a container (an e-mail's source, a JSON record); null otherwise. */
export function unwrapContainer(text: string): Unwrapped | null {
  return (isEnex(text) ? readEnex(text) : null) ?? (isFeed(text) ? readFeed(text) : null) ?? fromJson(text) ?? fromSql(text) ?? fromMime(text) ?? (isWikitext(text) ? readWikitext(text) : null) ?? (isLatex(text) ? readLatex(text) : null);
}

/** Header names an e-mail's source starts with. */
const MAIL_HEADERS = /^(?:From|To|Cc|Subject|Date|MIME-Version|Content-Type|Received|Return-Path|Message-ID|Delivered-To|X-[\w-]+)$/i;

/** Whether a text opens with MIME headers (a web archive, an e-mail's source): `MIME-Version` and a `Content-Type` before the first blank line. */
export function opensWithMimeHeaders(text: string): boolean {
  const head = headersOf(text);
  return head !== null && head.body < text.length && head.headers.has('mime-version') && head.headers.has('content-type');
}

/** The headers of a MIME entity (folded lines unfolded), lower-cased names, and where its body starts. */
function headersOf(text: string): { headers: Map<string, string>; body: number } | null {
  const headers = new Map<string, string>();
  let at = 0;
  let last: string | null = null;
  while (at < text.length) {
    const nl = text.indexOf('\n', at);
    const line = text.slice(at, nl < 0 ? text.length : nl).replace(/\r$/, '');
    at = nl < 0 ? text.length : nl + 1;
    if (line === '') return { headers, body: at };
    if (/^[ \t]/.test(line) && last) {
      headers.set(last, `${headers.get(last)!} ${line.trim()}`);
      continue;
    }
    const m = /^([\w-]+):[ \t]*(.*)$/.exec(line);
    if (!m) return null;
    last = m[1]!.toLowerCase();
    headers.set(last, headers.has(last) ? `${headers.get(last)!}, ${m[2]!}` : m[2]!);
  }
  return { headers, body: at };
}

const param = (value: string, name: string): string | null => new RegExp(`;\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'i').exec(value)?.slice(1).find((x) => x !== undefined) ?? null;

/** Bytes in `charset` as text; UTF-8 where the charset is unknown. */
function decodeBytes(bytes: Uint8Array, charset: string | null): string {
  try {
    return new TextDecoder((charset ?? 'utf-8').toLowerCase() === 'gb2312' ? 'gbk' : (charset ?? 'utf-8')).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

function quotedPrintable(body: string): Uint8Array {
  const soft = body.replace(/=\r?\n/g, '');
  const out: number[] = [];
  for (let i = 0; i < soft.length; i++) {
    const c = soft.charCodeAt(i);
    if (c === 0x3d && /^[0-9A-Fa-f]{2}$/.test(soft.slice(i + 1, i + 3))) {
      out.push(parseInt(soft.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (c < 0x80) out.push(c);
    else out.push(...Buffer.from(soft[i]!, 'utf8'));
  }
  return Uint8Array.from(out);
}

/** A body in its transfer encoding, as text in its charset. */
function bodyText(body: string, encoding: string | undefined, charset: string | null): string {
  const e = (encoding ?? '').trim().toLowerCase();
  if (e === 'quoted-printable') return decodeBytes(quotedPrintable(body), charset);
  if (e === 'base64') return decodeBytes(Uint8Array.from(Buffer.from(body.replace(/\s+/g, ''), 'base64')), charset);
  return body;
}

/** A header's encoded words (`=?UTF-8?B?…?=`) decoded. */
function words(value: string): string {
  return value.replace(/\?=\s+=\?/g, '?==?').replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_, charset: string, kind: string, data: string) =>
    kind.toUpperCase() === 'B' ? decodeBytes(Uint8Array.from(Buffer.from(data, 'base64')), charset) : decodeBytes(quotedPrintable(data.replace(/_/g, ' ')), charset),
  );
}

/** The first part of an entity that is text (plain before HTML), decoded; nested multiparts searched. */
function textPart(entity: string, headers: Map<string, string>, depth = 0): { text: string; html: boolean } | null {
  const type = headers.get('content-type') ?? 'text/plain';
  const boundary = param(type, 'boundary');
  if (/^multipart\//i.test(type) && boundary && depth < 5) {
    const parts = entity.split(new RegExp(`^--${escapeRegExp(boundary)}(?:--)?[ \\t]*\\r?$`, 'm')).slice(1, -1);
    const read = parts.map((p) => {
      const h = headersOf(p.replace(/^\r?\n/, ''));
      return h ? textPart(p.replace(/^\r?\n/, '').slice(h.body), h.headers, depth + 1) : null;
    });
    return read.find((r) => r !== null && !r.html) ?? read.find((r) => r !== null) ?? null;
  }
  if (!/^text\/(?:plain|html)/i.test(type)) return null;
  return { text: bodyText(entity, headers.get('content-transfer-encoding'), param(type, 'charset')), html: /^text\/html/i.test(type) };
}

/** A file name of a part (`filename="…"`, an encoded word, RFC 2231's `filename*=utf-8''%E6…` and its continuations). */
function fileName(...values: string[]): string | null {
  for (const v of values) {
    const pieces = [...v.matchAll(/;\s*(?:file)?name\*(?:(\d+)\*?|)=\s*(?:"([^"]*)"|([^;\s]+))/gi)];
    if (pieces.length > 0) {
      const joined = pieces.sort((a, b) => Number(a[1] ?? 0) - Number(b[1] ?? 0)).map((m) => m[2] ?? m[3] ?? '').join('');
      const m = /^([^']*)'[^']*'(.*)$/.exec(joined);
      const data = m ? m[2]! : joined;
      const bytes: number[] = [];
      for (let i = 0; i < data.length; i++) {
        if (data[i] === '%' && /^[0-9A-Fa-f]{2}$/.test(data.slice(i + 1, i + 3))) {
          bytes.push(parseInt(data.slice(i + 1, i + 3), 16));
          i += 2;
        } else bytes.push(...Buffer.from(data[i]!, 'utf8'));
      }
      return decodeBytes(Uint8Array.from(bytes), m?.[1] || 'utf-8');
    }
    const plain = param(v, 'filename') ?? param(v, 'name');
    if (plain) return words(plain);
  }
  return null;
}

/** Every part of an entity that carries a file name (an attachment), its bytes decoded. */
function attachmentsOf(entity: string, headers: Map<string, string>, depth = 0, out: { name: string; bytes: Uint8Array }[] = []): { name: string; bytes: Uint8Array }[] {
  const type = headers.get('content-type') ?? 'text/plain';
  const boundary = param(type, 'boundary');
  if (/^multipart\//i.test(type) && boundary && depth < 5) {
    const parts = entity.split(new RegExp(`^--${escapeRegExp(boundary)}(?:--)?[ \\t]*\\r?$`, 'm')).slice(1, -1);
    for (const p of parts) {
      const h = headersOf(p.replace(/^\r?\n/, ''));
      if (h) attachmentsOf(p.replace(/^\r?\n/, '').slice(h.body), h.headers, depth + 1, out);
    }
    return out;
  }
  const name = fileName(headers.get('content-disposition') ?? '', type);
  if (!name) return out;
  const e = (headers.get('content-transfer-encoding') ?? '').trim().toLowerCase();
  const bytes = e === 'base64' ? Uint8Array.from(Buffer.from(entity.replace(/\s+/g, ''), 'base64')) : e === 'quoted-printable' ? quotedPrintable(entity) : Uint8Array.from(Buffer.from(entity, 'latin1'));
  out.push({ name, bytes });
  return out;
}

/** A file's name that says it is an earlier call's or kept for reference. */
const RE_EARLIER_FILE = /历年|往年|以往|上年|去年|旧版|过期|供参考|参考资料|存档/;

/** An attachment's name that says it is no guideline: a form to fill in, a template, a budget. */
const RE_NOT_GUIDELINE_FILE = /模板|申报书|回执|报名|联系|推荐表|承诺书|预算|汇总表|信息表|登记表|说明会/;

/**
 * The attachment that holds the guideline: one named as one (`…申报指南.docx`), else — when the
 * e-mail's own text is only a note (`请于…前报送`) — the largest readable one that is no form.
 */
function guidelineAttachment(entity: string, headers: Map<string, string>, body: string): { name: string; bytes: Uint8Array } | undefined {
  return guidelineFile(attachmentsOf(entity, headers), body);
}

/**
 * Of the files attached to an e-mail or a PDF, the one that holds the guideline: one named as one
 * (`…申报指南.docx`), else — when the carrier's own text is only a note — the largest readable one
 * that is no form.
 */
export function guidelineFile(files: readonly { name: string; bytes: Uint8Array }[], body: string): { name: string; bytes: Uint8Array } | undefined {
  // (An image attached is a logo or a signature, never the guideline.)
  const all = files.filter((a) => SOURCE_EXTENSIONS.test(a.name) && !RE_IMAGE_FILE.test(a.name) && a.bytes.length > 0);
  // (An archive inside it, or a file named as an earlier year's or kept for reference, `历年指南.zip`,
  // `2025年指南（供参考）.pdf`, is the guideline only where nothing else can be.)
  const current = all.filter((a) => !/\.zip$/i.test(a.name) && !RE_EARLIER_FILE.test(a.name.replace(/^.*\//, '')));
  const readable = current.length > 0 ? current : all;
  const named = readable.find((a) => /指南/.test(a.name) && !RE_NOT_GUIDELINE_FILE.test(a.name));
  if (named) return named;
  if (body.replace(/\s+/g, '').length > 3000) return undefined;
  return unnamedCandidates(readable)[0];
}

/** Files that may hold the guideline though none is named as one: no form, largest first. */
function unnamedCandidates(readable: readonly { name: string; bytes: Uint8Array }[]): { name: string; bytes: Uint8Array }[] {
  return readable.filter((a) => !RE_NOT_GUIDELINE_FILE.test(a.name)).sort((a, b) => b.bytes.length - a.bytes.length);
}

/**
 * An archive's files that may hold its guideline, in the order to try them: the one named as one
 * alone; else every file that is no form (largest first), to be told apart by what they say.
 */
export function guidelineCandidates(files: readonly { name: string; bytes: Uint8Array }[]): { name: string; bytes: Uint8Array }[] {
  const named = guidelineFile(files, '');
  if (!named) return [];
  if (/指南/.test(named.name)) return [named];
  const all = files.filter((a) => SOURCE_EXTENSIONS.test(a.name) && !RE_IMAGE_FILE.test(a.name) && a.bytes.length > 0);
  const current = all.filter((a) => !/\.zip$/i.test(a.name) && !RE_EARLIER_FILE.test(a.name.replace(/^.*\//, '')));
  return unnamedCandidates(current.length > 0 ? current : all);
}

/** How much a text reads as a guideline: its direction fields' labels (`拟支持项目数`, `研究内容`, …). */
export function guidelineScore(text: string): number {
  return (text.match(/拟支持项目数|拟支持经费|领域方向|合作领域|合作协议|研究内容|考核指标|关键词|实施周期|指南方向|申报指南/g) ?? []).length;
}

function fromMime(text: string): Unwrapped | null {
  const head = headersOf(text);
  if (!head) return null;
  const names = [...head.headers.keys()];
  // (Word's 单个文件网页 opens with only `MIME-Version` and a `multipart/related` `Content-Type`: a web archive.)
  const archive = head.headers.has('mime-version') && /^multipart\/related/i.test(head.headers.get('content-type') ?? '');
  if (!archive && (head.headers.size < 3 || names.filter((n) => MAIL_HEADERS.test(n)).length < 3 || (!head.headers.has('content-type') && !head.headers.has('mime-version')))) return null;
  const part = textPart(text.slice(head.body), head.headers);
  const removed = ['from', 'to', 'cc', 'date', 'subject'].filter((n) => head.headers.has(n)).map((n) => unplaced('email', `${n}: ${words(head.headers.get(n)!)}`));
  const attachment = guidelineAttachment(text.slice(head.body), head.headers, part?.text ?? '');
  if (attachment) {
    if (part && part.text.trim() !== '') removed.push(unplaced('email', part.text.trim()));
    return { attachment, removed };
  }
  if (!part || part.text.trim() === '') return null;
  const body = part.text.replace(/\r\n?/g, '\n');
  return part.html ? { html: body, removed } : { text: body, removed };
}
