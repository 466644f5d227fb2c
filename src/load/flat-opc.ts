/**
 * Flat OPC: an Office package written as one XML file (Word's "Word XML 文档 (*.xml)", PowerPoint's
 * and Excel's XML packages; `<pkg:package>` of `<pkg:part pkg:name="/word/document.xml">` parts,
 * each holding its XML in `<pkg:xmlData>` or its bytes in base64 in `<pkg:binaryData>`). Read into
 * the files of the ZIP package it stands for, so the package's own reader reads it (`docx.ts`).
 */

const FLAT_OPC_NS = 'http://schemas.microsoft.com/office/2006/xmlPackage';

/** An XML file whose root is a flat package (looked for in its first 4 KB). */
export function isFlatOpc(bytes: Uint8Array): boolean {
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 4096)).replace(/^\uFEFF/, '').trimStart();
  return head.startsWith('<') && head.includes(FLAT_OPC_NS) && /<(?:[\w.-]+:)?package[\s>]/.test(head);
}

/**
 * The package's parts by their names as a ZIP names them (`word/document.xml`, no leading slash):
 * an XML part's text as written (its own namespace declarations are on its root), a binary part's
 * base64 decoded. Parts in neither form are left out.
 */
export function flatOpcFiles(bytes: Uint8Array): Record<string, Uint8Array> {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  const prefix = new RegExp(`xmlns:([\\w.-]+)\\s*=\\s*["']${FLAT_OPC_NS.replace(/[./]/g, '\\$&')}["']`).exec(text)?.[1];
  const p = prefix ? `${prefix}:` : '';
  const RE_PART = new RegExp(`<${p}part\\b([^>]*)>([\\s\\S]*?)</${p}part>`, 'g');
  const RE_NAME = new RegExp(`${p}name\\s*=\\s*["']([^"']+)["']`);
  const RE_XML = new RegExp(`<${p}xmlData\\b[^>]*>([\\s\\S]*)</${p}xmlData>`);
  const RE_BINARY = new RegExp(`<${p}binaryData\\b[^>]*>([\\s\\S]*)</${p}binaryData>`);
  const files: Record<string, Uint8Array> = {};
  const encoder = new TextEncoder();
  for (const m of text.matchAll(RE_PART)) {
    const name = RE_NAME.exec(m[1]!)?.[1]?.replace(/^\//, '');
    if (!name) continue;
    const xml = RE_XML.exec(m[2]!);
    if (xml) {
      files[name] = encoder.encode(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${xml[1]!.trim()}`);
      continue;
    }
    const binary = RE_BINARY.exec(m[2]!);
    if (binary) files[name] = new Uint8Array(Buffer.from(binary[1]!.replace(/\s+/g, ''), 'base64'));
  }
  return files;
}
