/**
 * Two more formats a guideline arrives in: an XPS print (the text only in positioned `Glyphs`, the
 * page number first in each page's XML) and a UOF text document (统一办公格式: Chinese element names,
 * list numbers only in the numbering definitions). The same guideline as its text
 * (test/fixtures/variants/2024-intergov-final.txt) must extract the same.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { diff, hasChanges } from '../../src/diff/index.js';
import { loadBytes, loadFile } from '../../src/load/index.js';
import { processSource } from '../../src/pipeline.js';
import { ROOT } from '../helpers/seed.js';

const TEXT = join(ROOT, 'test/fixtures/variants/2024-intergov-final.txt');
const textDoc = processSource(await loadFile(TEXT));
const paragraphs = readFileSync(TEXT, 'utf8').split('\n').map((l) => l.trim()).filter((l) => l !== '');
const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
const when = { mtime: new Date('1980-01-01T00:00:00') };
const zip = (files: Record<string, string>): Uint8Array => zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, [strToU8(v), when]])));

describe('an XPS print', () => {
  const build = (): Uint8Array => {
    // Lines of at most 28 characters at 16 units a character, 40 lines a page; a paragraph's first line indented.
    const lines: { text: string; indent: boolean }[] = [];
    for (const p of paragraphs) for (let i = 0; i < p.length; i += 28) lines.push({ text: p.slice(i, i + 28), indent: i === 0 });
    const pages: string[] = [];
    for (let k = 0; k * 40 < lines.length; k++) {
      const glyphs = lines.slice(k * 40, (k + 1) * 40).map((l, i) => `<Glyphs FontRenderingEmSize="16" OriginX="${l.indent ? 128 : 96}" OriginY="${120 + i * 24}" UnicodeString="${esc(l.text)}" />`);
      // The page number first in the file, at the page's foot.
      pages.push(`<FixedPage Width="793.76" Height="1122.56" xmlns="http://schemas.microsoft.com/xps/2005/06"><Glyphs FontRenderingEmSize="14" OriginX="380" OriginY="1060" UnicodeString="— ${k + 1} —" /><Canvas RenderTransform="1,0,0,1,0,0">${glyphs.join('')}</Canvas></FixedPage>`);
    }
    return zip({
      '[Content_Types].xml': '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="fdseq" ContentType="application/vnd.ms-package.xps-fixeddocumentsequence+xml"/></Types>',
      'FixedDocumentSequence.fdseq': '<FixedDocumentSequence xmlns="http://schemas.microsoft.com/xps/2005/06"><DocumentReference Source="Documents/1/FixedDocument.fdoc"/></FixedDocumentSequence>',
      'Documents/1/FixedDocument.fdoc': `<FixedDocument xmlns="http://schemas.microsoft.com/xps/2005/06">${pages.map((_, k) => `<PageContent Source="Pages/${k + 1}.fpage"/>`).join('')}</FixedDocument>`,
      ...Object.fromEntries(pages.map((p, k) => [`Documents/1/Pages/${k + 1}.fpage`, p])),
    });
  };

  it('reads its glyphs line by line in the order of the page, page numbers removed: the values of the text (diff: no change)', async () => {
    const source = await loadBytes(build(), 'x.xps');
    expect(source.format).toBe('xps');
    const doc = processSource(source);
    expect(doc.removed.filter((r) => r.kind === 'page-number' || r.kind === 'running-footer').length).toBeGreaterThan(0);
    expect(hasChanges(diff(textDoc, doc))).toBe(false);
  });
});

describe('a UOF text document', () => {
  const build = (): Uint8Array => {
    // Requirement items `（1）` numbered by the list's definition only: their text without the number.
    const body = paragraphs.map((p) => {
      const item = /^（(\d)）(.*)$/.exec(p);
      const numbering = item ? `<字:段落属性><字:自动编号信息 字:编号引用="L1" 字:编号级别="0"${item[1] === '1' ? ' 字:重新编号="true" 字:起始编号="1"' : ''}/></字:段落属性>` : '';
      return `<字:段落>${numbering}<字:句><字:文本串>${esc(item ? item[2]! : p)}</字:文本串></字:句></字:段落>`;
    });
    const xml = `<?xml version="1.0" encoding="UTF-8"?><uof:UOF xmlns:uof="http://schemas.uof.org/cn/2003/uof" xmlns:字="http://schemas.uof.org/cn/2003/uof-wordproc" uof:mimetype="vnd.uof.text"><uof:式样集><uof:自动编号集><字:自动编号 字:标识符="L1"><字:级别 字:级别值="0"><字:编号格式>decimal</字:编号格式><字:编号格式表示>（%1）</字:编号格式表示><字:起始编号>1</字:起始编号></字:级别></字:自动编号></uof:自动编号集></uof:式样集><uof:文字处理><字:主体><字:分节><字:节属性><字:页眉><字:奇数页页眉><字:段落><字:句><字:文本串>政府间国际科技创新合作重点专项</字:文本串></字:句></字:段落></字:奇数页页眉></字:页眉></字:节属性></字:分节>${body.join('')}</字:主体></uof:文字处理></uof:UOF>`;
    return new TextEncoder().encode(xml);
  };

  it('reads its paragraphs with their list numbers, the header logged: the values of the text (diff: no change)', async () => {
    const source = await loadBytes(build(), 'x.uot');
    expect(source.format).toBe('uof');
    expect(source.removed.filter((r) => r.kind === 'running-header').map((r) => r.text)).toEqual(['政府间国际科技创新合作重点专项']);
    expect(hasChanges(diff(textDoc, processSource(source)))).toBe(false);
  });
});
