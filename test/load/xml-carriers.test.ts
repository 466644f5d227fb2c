/**
 * Carriers of sets 175 and 176, each as a rendition of a form read already, which must extract the
 * same: a Word file saved as one XML file (Flat OPC, `Word XML 文档`), built here from a .docx
 * fixture's own parts; a news feed (RSS 2.0, Atom) whose one item is the guideline's page among
 * others; and RTF whose paragraphs end in a backslash at the line's end, as macOS TextEdit writes it.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { loadBytes } from '../../src/load/index.js';
import { processSource } from '../../src/pipeline.js';
import type { Guideline } from '../../src/schema/guideline.js';
import { ROOT } from '../helpers/seed.js';

const values = (doc: Guideline): unknown =>
  doc.directions.map((d) => [d.id, d.title, d.partners.map((p) => p.name), d.projectCount?.value ?? null, d.funding?.amountCNY ?? null, d.duration?.maxYears ?? null, d.domains.map((x) => x.label), d.requirements.map((r) => r.text)]);
const ingest = async (bytes: Uint8Array | string, name: string): Promise<Guideline> => processSource(await loadBytes(typeof bytes === 'string' ? Buffer.from(bytes) : bytes, name));

/** A package's parts as Word writes them into one XML file: XML parts as they are, other parts in base64. */
function flatOpc(files: Record<string, Uint8Array>, prefix = 'pkg'): string {
  const parts = Object.entries(files)
    .filter(([name]) => !name.endsWith('/') && name !== '[Content_Types].xml')
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([name, bytes]) => {
      const xml = /\.(?:xml|rels)$/.test(name);
      const body = xml ? `<${prefix}:xmlData>${new TextDecoder().decode(bytes).replace(/^\uFEFF?<\?xml[^>]*\?>\s*/, '')}</${prefix}:xmlData>` : `<${prefix}:binaryData>${Buffer.from(bytes).toString('base64').replace(/.{76}/g, '$&\n')}</${prefix}:binaryData>`;
      return `<${prefix}:part ${prefix}:name="/${name}" ${prefix}:contentType="application/xml">${body}</${prefix}:part>`;
    });
  return `<?xml version="1.0" standalone="yes"?>\n<?mso-application progid="Word.Document"?>\n<${prefix}:package xmlns:${prefix}="http://schemas.microsoft.com/office/2006/xmlPackage">${parts.join('')}</${prefix}:package>`;
}

describe('a Word file saved as one XML file (Flat OPC)', async () => {
  const docx = readFileSync(`${ROOT}test/fixtures/formats/2024-intergov-final.docx`);
  const fromDocx = await ingest(docx, '2024-intergov-final.docx');
  it.each(['pkg', 'opc'])('extracts what the .docx extracts (namespace prefix %s)', async (prefix) => {
    const doc = await ingest(flatOpc(unzipSync(docx), prefix), '2024-intergov-final.xml');
    expect(fromDocx.directions.length).toBeGreaterThan(3);
    expect(doc.document.source.format).toBe('docx');
    expect(values(doc)).toEqual(values(fromDocx));
    expect(doc.document.title).toBe(fromDocx.document.title);
  });
  it('is read by its content whatever its name says', async () => {
    const doc = await ingest(flatOpc(unzipSync(docx)), '2024-intergov-final.txt');
    expect(values(doc)).toEqual(values(fromDocx));
  });
});

const PAGE_BODY = [
  '<h1>国家重点研发计划“政府间国际科技创新合作”重点专项2027年度第三批项目申报指南</h1>',
  '<p>2027年度第三批项目设立2个指南方向，拟支持项目数约7个，国拨经费总概算2100万元。项目实施周期一般为3年。</p>',
  '<p><strong>1. 中国和匈牙利政府间联合研究项目</strong></p>',
  '<p>合作协议：《中华人民共和国政府和匈牙利政府科学技术合作协定》。</p>',
  '<p>领域方向：新能源汽车；生物医药。</p>',
  '<p>拟支持项目数：4个。</p>',
  '<p>共拟支持经费：1200万元。</p>',
  '<p>其他要求：合作项目必须双方同时申报，单方申报无效。</p>',
  '<p><strong>2. 中国和塞尔维亚政府间联合研究项目</strong></p>',
  '<p>合作协议：《中塞科技合作联委会第十次会议纪要》。</p>',
  '<p>领域方向：现代农业；信息技术。</p>',
  '<p>拟支持项目数：3个。</p>',
  '<p>共拟支持经费：900万元。</p>',
  '<p>其他要求：合作项目必须双方同时申报，单方申报无效。</p>',
].join('');
const PAGE = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>申报指南</title></head><body>${PAGE_BODY}</body></html>`;
const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

describe('a news feed whose one item is the guideline', async () => {
  const fromPage = await ingest(PAGE, 'zn.html');
  const RSS = `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>某大学科研院</title><description>科研院官方公众号</description>
<item><title><![CDATA[讲座预告｜如何撰写项目申报书]]></title><description><![CDATA[<p>4月16日下午，详解申报书撰写要点。</p>]]></description></item>
<item><title><![CDATA[通知｜政府间国际科技创新合作重点专项2027年度第三批项目申报指南发布]]></title><description>摘要</description><content:encoded><![CDATA[${PAGE_BODY}]]></content:encoded></item>
<item><title>喜报｜我校获批项目</title><description>${escape('<p>我校获批国家重点研发计划项目3项。</p>')}</description></item>
</channel></rss>`;
  const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>科技处</title><subtitle>通知公告</subtitle>
<entry><title>放假通知</title><content type="html">${escape('<p>五一放假安排。</p>')}</content></entry>
<entry><title type="text">关于转发申报指南的通知</title><content type="html">${escape(PAGE_BODY)}</content></entry>
</feed>`;
  it.each([
    ['RSS 2.0, the article in content:encoded', RSS, '通知｜政府间国际科技创新合作重点专项2027年度第三批项目申报指南发布', ['讲座预告｜如何撰写项目申报书', '喜报｜我校获批项目']],
    ['Atom, the article escaped', ATOM, '关于转发申报指南的通知', ['放假通知']],
  ])('%s: extracts what the page extracts, the other items logged', async (_name, feed, _title, others) => {
    const doc = await ingest(feed, 'feed.xml');
    expect(fromPage.directions).toHaveLength(2);
    expect(values(doc)).toEqual(values(fromPage));
    const logged = doc.removed.map((r) => r.text);
    for (const t of others) expect(logged).toContain(t);
  });
});

describe('RTF whose paragraphs end in a backslash at the line end (macOS TextEdit)', async () => {
  const lines = ['国家重点研发计划“政府间国际科技创新合作”重点专项2027年度第三批项目申报指南', '2027年度第三批项目设立1个指南方向，拟支持项目数约4个，国拨经费总概算1200万元。项目实施周期一般为3年。', '1. 中国和匈牙利政府间联合研究项目', '合作协议：《中华人民共和国政府和匈牙利政府科学技术合作协定》。', '领域方向：新能源汽车；生物医药。', '拟支持项目数：4个。', '共拟支持经费：1200万元。'];
  // Each CJK character as `\uN?`, digits in a run of their own font, as TextEdit splits them.
  const rtfLine = (l: string): string => l.replace(/(\d+)|[^\x20-\x7e]/g, (c, digits?: string) => (digits ? `\n\\f1 ${digits}\n\\f0 ` : `\\u${c.charCodeAt(0)}?`));
  const cocoa = `{\\rtf1\\ansi\\ansicpg936\\cocoartf2822\n{\\fonttbl\\f0\\fnil\\fcharset134 PingFangSC-Regular;\\f1\\fswiss\\fcharset0 Helvetica;}\n\\pard\\pardirnatural\\partightenfactor0\n\n\\f0\\fs24 \\cf0 ${lines.map(rtfLine).join('\\\n')}\\\n}`;
  it('reads a paragraph for each, as the text with its lines', async () => {
    const doc = await ingest(cocoa, 'x.rtf');
    const fromText = await ingest(lines.join('\n'), 'x.txt');
    expect(doc.directions).toHaveLength(1);
    expect(values(doc)).toEqual(values(fromText));
    expect(doc.directions[0]!.funding?.amountCNY).toBe(12_000_000);
  });
});
