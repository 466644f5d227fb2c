/**
 * An Outlook message saved as `.msg` (a guideline forwarded by mail, kept as the mail): an OLE
 * container whose text is in MAPI property streams ([MS-OXMSG]), `__substg1.0_` + the property's
 * tag and type. The body is read as plain text (`PR_BODY`, 0x1000: Unicode `001F`, else 8-bit
 * `001E` in the message's code page), else as its HTML (`PR_HTML`, 0x1013, binary `0102`); the
 * subject (0x0037) and the transport headers (0x007D) are the mail's, logged as `record-header`.
 * Attachments (sub-storages) are not read: the guideline pasted into the body is.
 */
import { GuidelineError } from '../types.js';
import { reason } from '../messages/reasons.js';
import { unplaced } from './blocks.js';
import { oleStream } from './office.js';

/** Whether an OLE container is an Outlook message: its property streams' names. */
export function isMsg(bytes: Uint8Array): boolean {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return b.includes(Buffer.from('__substg1.0_', 'utf16le')) && b.includes(Buffer.from('__properties_version1.0', 'utf16le'));
}

/** A string property: Unicode (`001F`), else 8-bit (`001E`, decoded as GB18030, which reads ASCII and GBK alike). */
async function stringProperty(bytes: Uint8Array, tag: string): Promise<string | null> {
  const unicode = await oleStream(bytes, [`__substg1.0_${tag}001F`]);
  if (unicode) return Buffer.from(unicode).toString('utf16le').replace(/\0+$/, '');
  const ansi = await oleStream(bytes, [`__substg1.0_${tag}001E`]);
  return ansi ? new TextDecoder('gb18030').decode(ansi).replace(/\0+$/, '') : null;
}

/** The message's body (plain text, else HTML) and what of the mail is no text of it. */
export async function readMsg(bytes: Uint8Array): Promise<{ text: string; html: boolean; removed: ReturnType<typeof unplaced>[] }> {
  const removed = [];
  const subject = await stringProperty(bytes, '0037');
  if (subject) removed.push(unplaced('record-header', `主题：${subject}`));
  const headers = await stringProperty(bytes, '007D');
  if (headers) removed.push(unplaced('record-header', headers.trim()));
  const body = await stringProperty(bytes, '1000');
  if (body && body.trim() !== '') return { text: body.replace(/\r\n?/g, '\n'), html: false, removed };
  const html = await oleStream(bytes, ['__substg1.0_10130102']);
  if (html && html.length > 0) return { text: new TextDecoder(/charset=["']?utf-8/i.test(Buffer.from(html.subarray(0, 2048)).toString('latin1')) ? 'utf-8' : 'gb18030').decode(html), html: true, removed };
  throw new GuidelineError('empty', reason('msg-no-body'));
}
