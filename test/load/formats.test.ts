/**
 * The formats guidelines are published in: the same guideline (test/fixtures/variants/
 * 2024-intergov-final.txt) as a ministry HTML page (UTF-8 and GBK), a DOCX with Word's automatic
 * numbering and a table, and Word 97–2003 files (test/fixtures/formats/, made by
 * scripts/make-format-fixtures.mjs) must give the values of the text rendition; the formats this
 * tool does not read are refused in one line.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { diff, hasChanges } from '../../src/diff/index.js';
import { loadBytes, loadFile, sniffFormat } from '../../src/load/index.js';
import { processSource } from '../../src/pipeline.js';
import { Guideline } from '../../src/schema/guideline.js';
import { GuidelineError, type Source } from '../../src/types.js';
import { ROOT } from '../helpers/seed.js';

const FORMATS = join(ROOT, 'test/fixtures/formats');
const TEXT = join(ROOT, 'test/fixtures/variants/2024-intergov-final.txt');
const textDoc = processSource(await loadFile(TEXT));

async function failure(p: Promise<unknown>): Promise<GuidelineError> {
  try {
    await p;
  } catch (error) {
    if (error instanceof GuidelineError) return error;
    throw error;
  }
  throw new Error('expected a GuidelineError');
}

const lines = (s: Source): string[] => s.text.split('\n').filter((l) => l !== '');

describe('HTML: a ministry notice page', () => {
  it('keeps the guideline in the TRS_Editor body, one line per paragraph, and logs the page around it', async () => {
    const source = await loadFile(join(FORMATS, '2024-intergov-final.html'));
    expect([source.format, source.encoding, source.pages, source.tables]).toEqual(['html', 'utf-8', null, 0]);
    const text = lines(source);
    // The guideline's own lines, in order, without indentation, nothing of the page around them.
    const expected = readFileSync(TEXT, 'utf8').split('\n').map((l) => l.trim()).filter((l) => l !== '');
    expect(text.slice(0, expected.length)).toEqual(expected);
    // One attachment line is kept (its duplicate is not), nothing else.
    expect(text.slice(expected.length)).toEqual(['附件：国家重点研发计划“政府间国际科技创新合作”重点专项2024年度第二批项目申报指南.pdf']);
    expect(source.blocks).toBe(text.length);
    for (const noise of ['分享到', '打印本页', '关闭窗口', '当前位置', 'ICP', '字体', '编辑备注', '_hmt']) expect(source.text).not.toContain(noise);

    const kinds = (kind: string): string[] => source.removed.filter((r) => r.kind === kind).map((r) => r.text);
    expect(kinds('duplicate-attachment')).toEqual(['附件：国家重点研发计划“政府间国际科技创新合作”重点专项2024年度第二批项目申报指南.pdf']);
    expect(kinds('hidden-text')).toEqual(['此段为编辑备注，不显示。']);
    expect(kinds('web-chrome')).toEqual(
      expect.arrayContaining([
        '当前位置： 首页 > 信息公开 > 通知通告',
        '【字体： 大 中 小 】 打印本页',
        '分享到： 微信 微博',
        '【打印本页】【关闭窗口】',
        '<script src="../../../images/jquery-1.12.4.min.js">',
        '<style>',
        '科技部关于发布国家重点研发计划“政府间国际科技创新合作”重点专项2024年度第二批项目申报指南的通知',
      ]),
    );
    // `&nbsp;` and `　` indents: logged, never in the text; loader removals carry no offsets.
    const indents = source.removed.filter((r) => r.kind === 'indent');
    expect(new Set(indents.map((r) => r.text))).toEqual(new Set(['\u3000\u3000', '\u00a0\u00a0\u00a0\u00a0']));
    expect(indents.every((r) => r.line === null && r.start === null && r.block !== undefined)).toBe(true);
  });

  it('gives exactly the values of the text rendition (diff: no change), with blocks where pages would be', async () => {
    const doc = processSource(await loadFile(join(FORMATS, '2024-intergov-final.html')));
    expect(hasChanges(diff(textDoc, doc))).toBe(false);
    expect(doc.directions.map((d) => [d.id, d.projectCount?.value, d.funding?.amountCNY])).toEqual(textDoc.directions.map((d) => [d.id, d.projectCount?.value, d.funding?.amountCNY]));
    const title = doc.directions[0]!.titleSpan;
    expect([title.page, title.pageLine, title.line, title.block, title.table]).toEqual([null, null, 8, 8, undefined]);
    expect(doc.document.source).toMatchObject({ format: 'html', encoding: 'utf-8', pageNumbering: 'none', blocks: 60, tables: 0 });
    expect(Guideline.parse(JSON.parse(JSON.stringify(doc)))).toEqual(doc);
  });

  it('reads the GBK page (charset=gb2312 in <meta http-equiv>, CRLF) as the UTF-8 one', async () => {
    const gbk = await loadFile(join(FORMATS, '2024-intergov-final.gbk.html'));
    const utf8 = await loadFile(join(FORMATS, '2024-intergov-final.html'));
    expect(gbk.encoding).toBe('gb18030');
    expect(gbk.text).toBe(utf8.text);
    expect(hasChanges(diff(textDoc, processSource(gbk)))).toBe(false);
  });

  const html = async (body: string, head = '<meta charset="utf-8">'): Promise<Source> => loadBytes(Buffer.from(`<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`), 'page.html');

  it('writes <ol> numbers, breaks lines at <br>, joins CJK across source line ends, renders tables with merged cells repeated', async () => {
    const s = await html(
      `<article><h2>一、总体要求</h2><p>第一行<br>第二行</p><p>中文跨
行，English
words</p><ol start="3"><li>甲</li><li>乙</li></ol><ol type="a"><li>x</li></ol>
<table><tr><th rowspan="2">方向</th><th colspan="2">经费</th></tr><tr><td>总额</td><td>单项</td></tr><tr><td>1.1 中|日</td><td>1500<br>万元</td><td>500 万元</td></tr></table></article>`,
    );
    expect(s.text).toBe(
      [
        '一、总体要求',
        '第一行',
        '第二行',
        '中文跨行，English words',
        '3. 甲',
        '4. 乙',
        'a. x',
        '| 方向 | 经费 | 经费 |',
        '| 方向 | 总额 | 单项 |',
        '| 1.1 中｜日 | 1500万元 | 500 万元 |',
        '',
      ].join('\n'),
    );
    expect(s.blockOfLine).toEqual([1, 2, 2, 3, 4, 5, 6, 7, 7, 7]);
    expect(s.tableOfLine?.slice(7)).toEqual([
      { table: 1, row: 1, cellStarts: [2, 7, 12] },
      { table: 1, row: 2, cellStarts: [2, 7, 12] },
      { table: 1, row: 3, cellStarts: [2, 12, 21] },
    ]);
    expect(s.tables).toBe(1);
  });

  it('writes the numbers the browser draws: nested lists, start / value / reversed / type, list styles, ::marker and ::before counters', async () => {
    const text = async (body: string, style = ''): Promise<string[]> => lines(await html(`<article>${body}</article>`, `<meta charset="utf-8"><style>${style}</style>`));
    // Without a style sheet a nested list counts from 1 again, as the browser shows it; the number
    // goes before the item's first text, whatever block it is in.
    expect(await text('<ol><li><h3>甲</h3><ol><li><p>子</p></li><li>丑</li></ol></li><li>乙</li></ol>')).toEqual(['1. 甲', '1. 子', '2. 丑', '2. 乙']);
    expect(await text('<ol start="3"><li>三</li><li value="7">七</li><li>八</li></ol><ol reversed><li>丙</li><li>乙</li></ol><ol type="I" start="4"><li>肆</li></ol>')).toEqual(['3. 三', '7. 七', '8. 八', '2. 丙', '1. 乙', 'IV. 肆']);
    // CSS: `counters(list-item, ".")` in ::marker (the blind13 page), list-style-type on <ul>, none.
    expect(
      await text(
        '<ol class="areas"><li><h3>甲</h3><ol class="dirs"><li><h4>子</h4><p>研究内容：…</p></li><li><h4>丑</h4></li></ol></li><li><h3>乙</h3><ol class="dirs"><li>寅</li></ol></li></ol><ul class="n"><li>a</li></ul><ul><li>圆点</li></ul><ol class="plain"><li>1. 已写</li></ol>',
        'ol.areas > li::marker { content: counter(list-item) ". " } ol.dirs > li::marker { content: counters(list-item, ".") " " } ul.n { list-style: inside cjk-ideographic } ol.plain { list-style: none }',
      ),
    ).toEqual(['1. 甲', '1.1 子', '研究内容：…', '1.2 丑', '2. 乙', '2.1 寅', '一、a', '圆点', '1. 已写']);
    // Counters of generated content: `counter-reset` scopes, `counter-increment` in ::before, Chinese styles; print-only rules ignored.
    expect(
      await text(
        '<h2>总体要求</h2><h3>目标</h3><h3>原则</h3><h2>指南方向</h2><h3>欧洲</h3><ol class="t"><li>甲<ol class="t"><li>子</li></ol></li><li>乙</li></ol>',
        'article { counter-reset: sec } h2 { counter-reset: sub } h2::before { counter-increment: sec; content: counter(sec, cjk-ideographic) "、" } h3::before { counter-increment: sub; content: "（" counter(sub, cjk-ideographic) "）" } ol.t { counter-reset: item; list-style: none } ol.t li::before { counter-increment: item; content: counters(item, ".") " " } @media print { ol.t { list-style: decimal } }',
      ),
    ).toEqual(['一、总体要求', '（一）目标', '（二）原则', '二、指南方向', '（一）欧洲', '1 甲', '1.1 子', '2 乙']);
  });

  it('reads directions numbered by the browser (nested <ol>, ::marker counters) with their displayed ids', async () => {
    const field = (label: string, value: string): string => `<p><strong>${label}：</strong>${value}</p>`;
    const direction = (title: string): string =>
      `<li><h4>${title}（共性关键技术类）</h4>${field('研究内容', '研究高精度传感器件的设计方法。')}${field('考核指标', '1）精度优于0.1%；2）8英寸晶圆良率不低于95%。')}${field('实施年限', '不超过3年')}${field('拟支持项目数', '1～2项')}</li>`;
    const s = await html(
      `<article><h1>国家重点研发计划“智能传感器”重点专项2026年度项目申报指南</h1><p>本专项拟启动3个指南方向。</p><h2>一、指南方向</h2><ol class="areas"><li><h3>敏感材料与器件</h3><ol class="dirs">${direction('压力敏感器件')}${direction('柔性传感器件')}</ol></li><li><h3>封装测试</h3><ol class="dirs">${direction('晶圆级封装')}</ol></li></ol><h2>二、申报要求</h2><p>（一）申报单位应为内地注册的法人单位。</p></article>`,
      '<meta charset="utf-8"><style>ol.dirs > li::marker { content: counters(list-item, ".") " " }</style>',
    );
    const doc = processSource(s);
    // (`2）8英寸…`: an item marker before a digit is still one.)
    expect(doc.directions.map((d) => [d.id, d.title, d.projectCount?.value, d.indicators.length])).toEqual([
      ['1.1', '压力敏感器件（共性关键技术类）', 2, 2],
      ['1.2', '柔性传感器件（共性关键技术类）', 2, 2],
      ['2.1', '晶圆级封装（共性关键技术类）', 2, 2],
    ]);
  });

  it('reads a row merged across a table (colspan) as a caption: the title above the header, group headings between rows', async () => {
    const row = (...cells: string[]): string => `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`;
    const s = await html(
      `<article><h1>2025年度战略性科技创新合作重点专项项目申报指南</h1><p>一、指南方向</p><table><tr><td colspan="4">表1 指南方向</td></tr>${row('序号', '合作国家', '拟支持项目数', '国拨经费（万元）')}<tr><td colspan="4">（一）欧洲</td></tr>${row('1', '法国', '3', '900')}${row('2', '德国', '2', '600')}<tr><td colspan="4">（二）亚洲</td></tr>${row('3', '日本', '4', '1200')}</table><p>二、申报要求</p><p>（一）申报单位应为内地注册的法人单位。</p></article>`,
    );
    expect(lines(s).filter((l) => l.startsWith('|'))[0]).toBe('| 表1 指南方向 | 表1 指南方向 | 表1 指南方向 | 表1 指南方向 |');
    const doc = processSource(s);
    expect(doc.directions.map((d) => [d.id, d.partners.map((p) => p.name), d.projectCount?.value, d.funding?.amountCNY])).toEqual([
      ['1', ['法国'], 3, 9_000_000],
      ['2', ['德国'], 2, 6_000_000],
      ['3', ['日本'], 4, 12_000_000],
    ]);
  });

  it('reads a short page once: the <body> around its content box is no title above it', async () => {
    const s = await html('<article><h2>总体要求</h2><h3>目标</h3><h3>原则</h3><h2>指南方向</h2><h3>欧洲</h3><p>甲</p><p>乙</p></article>');
    expect(lines(s)).toEqual(['总体要求', '目标', '原则', '指南方向', '欧洲', '甲', '乙']);
  });

  it('puts the table row and column in spans of table lines', async () => {
    const rows = ['| 方向 | 拟支持项目数 |', '| 1.1 中国和日本政府间科技合作项目 | 4个 |'];
    const s = await html(`<div class="TRS_Editor"><table><tr><td>方向</td><td>拟支持项目数</td></tr><tr><td>1.1 中国和日本政府间科技合作项目</td><td>4个</td></tr></table></div>`);
    expect(lines(s)).toEqual(rows);
    const { spanOfRange } = await import('../../src/position.js');
    const { clean } = await import('../../src/clean/index.js');
    const layout = clean(s).layout;
    const at = s.text.indexOf('4个');
    expect(spanOfRange(layout, at, at + 2)).toMatchObject({ line: 2, block: 1, table: { table: 1, row: 2, column: 2 } });
  });

  it('reads a layout table (one column) as its content, and falls back to the body without a known content element', async () => {
    const s = await html('<div class="nav">首页 | 通知</div><table><tr><td><p>一、总体要求</p><p>正文。</p></td></tr></table>');
    expect(lines(s)).toEqual(['一、总体要求', '正文。']);
    expect(s.removed.filter((r) => r.kind === 'web-chrome').map((r) => r.text)).toEqual(['首页 | 通知']);
  });

  it('sniffs a page by its markup whatever its name, and takes the charset the page declares', async () => {
    const gbk = new Uint8Array([...Buffer.from('<html><head><meta charset="gbk"></head><body><p>'), 0xd6, 0xd0, 0xce, 0xc4, ...Buffer.from('</p></body></html>')]);
    const s = await loadBytes(gbk, 'notice');
    expect([s.format, s.encoding, s.text]).toEqual(['html', 'gb18030', '中文\n']);
    expect(sniffFormat(Buffer.from('  <!doctype html><p>x'), 'a.txt')).toBe('html');
    expect(sniffFormat(Buffer.from('一、总体要求'), 'a.txt')).toBe('txt');
  });
});

describe('DOCX: Word automatic numbering, a table, header, footer and footnote', () => {
  it('writes the numbers Word shows (一、, 1.1 from %1.%2, （1） restarted per list, （一） restarted under each part)', async () => {
    const source = await loadFile(join(FORMATS, '2024-intergov-final.docx'));
    expect([source.format, source.encoding, source.tables]).toEqual(['docx', 'docx', 1]);
    const text = lines(source);
    expect(text.filter((l) => /^(?:[一二三]、|\d\.\d |（\d）|（[一二三四]）)/.test(l)).map((l) => /^(?:[一二三]、|\d\.\d |（\d）|（[一二三四]）)/.exec(l)![0])).toEqual([
      '一、', '二、', '1.1 ', '1.2 ', '（1）', '（2）', '（3）', '（1）', '（2）', '1.3 ', '1.4 ', '（1）', '（2）', '（3）', '1.5 ', '1.6 ', '三、', '（一）', '（二）', '（三）', '（四）',
    ]);
    // Direction 1.3's fields are a label/value table, its heading row one cell merged across both columns.
    expect(text.filter((l) => l.startsWith('|'))).toEqual([
      '| 中国和新西兰政府间科技合作项目指南要点 | 中国和新西兰政府间科技合作项目指南要点 |',
      '| 合作协议 | 《中国—新西兰科技合作联合委员会第七次会议纪要》。 |',
      '| 合作领域 | 食品科学与农业；环境与气候变化；健康与生物医药；南极研究。 |',
      '| 拟支持项目数 | 约5个。 |',
      '| 拟资助经费 | 1200万元左右。其他要求：合作项目必须双方同时申报，单方申报无效。项目实施期限原则上不超过3年。 |',
    ]);
    const removed = (kind: string): string[] => source.removed.filter((r) => r.kind === kind).map((r) => r.text);
    expect(removed('running-header')).toEqual(['国家重点研发计划“政府间国际科技创新合作”重点专项']);
    expect(removed('running-footer')).toEqual(['科学技术部国际合作司']);
    expect(removed('footnote')).toEqual(['本指南以科技部正式发布稿为准。']);
    expect(source.text).not.toContain('正式发布稿');
    expect(removed('indent').every((t) => t === '\u3000\u3000')).toBe(true);
  });

  it('gives the values of the text rendition, the direction written as a table too', async () => {
    const doc = processSource(await loadFile(join(FORMATS, '2024-intergov-final.docx')));
    const d = diff(textDoc, doc);
    expect(d.directions.map((x) => [x.oldId, x.status])).toEqual([
      ['1.1', 'unchanged'],
      ['1.2', 'unchanged'],
      ['1.3', 'unchanged'],
      ['1.4', 'unchanged'],
      ['1.5', 'unchanged'],
      ['1.6', 'unchanged'],
    ]);
    expect(d.document.changes).toEqual([]);
    // 1.3's fields come from its label/value table: each value's span names the table cell.
    const t = doc.directions[2]!;
    expect([t.id, t.title, t.agreements.map((a) => a.title), t.projectCount?.value, t.funding?.amountCNY]).toEqual([
      '1.3',
      '中国和新西兰政府间科技合作项目',
      ['中国—新西兰科技合作联合委员会第七次会议纪要'],
      5,
      12_000_000,
    ]);
    expect(t.funding!.span).toMatchObject({ page: null, table: { table: 1, row: 5, column: 2 } });
    // The table's caption (one cell merged across its first row) is text no field takes, and says so.
    const caption = doc.checks.find((c) => c.code === 'text-unassigned' && c.directionId === '1.3')!;
    expect(caption.stated).toBe('中国和新西兰政府间科技合作项目指南要点');
    expect(doc.document.source).toMatchObject({ format: 'docx', tables: 1 });
  });
});

describe('DOC and WPS (Word 97–2003, word-extractor)', () => {
  it('reads a .doc with typed numbers as the DOCX: the same text, tables as rows', async () => {
    const doc = await loadFile(join(FORMATS, '2024-intergov-final.typed.doc'));
    const docx = await loadFile(join(FORMATS, '2024-intergov-final.docx'));
    expect([doc.format, doc.tables]).toEqual(['doc', 1]);
    expect(doc.text).toBe(docx.text);
    expect(doc.removed.filter((r) => r.kind !== 'indent').map((r) => r.kind).sort()).toEqual(['footnote', 'running-footer', 'running-header']);
    const d = diff(textDoc, processSource(doc));
    expect(d.directions.filter((x) => x.status !== 'unchanged').map((x) => x.oldId)).toEqual([]);
  });

  it('reads a .wps (the same format) by its bytes, whatever the extension', async () => {
    const bytes = readFileSync(join(FORMATS, '2024-intergov-final.typed.doc'));
    const s = await loadBytes(bytes, 'guideline.wps');
    expect(s.format).toBe('doc');
    expect(s.id).toBe('guideline');
  });

  it('writes the numbers of Word 97–2003 automatic numbering (PlfLst/PlfLfo, sprmPIlfo/sprmPIlvl) as the DOCX reader does', async () => {
    const doc = await loadFile(join(FORMATS, '2024-intergov-final.doc'));
    const docx = await loadFile(join(FORMATS, '2024-intergov-final.docx'));
    expect(doc.text).toBe(docx.text);
    const d = diff(textDoc, processSource(doc));
    expect(d.directions.filter((x) => x.status !== 'unchanged').map((x) => x.oldId)).toEqual([]);
  });

  it('says what to do when a .doc reads as no guideline', async () => {
    const e = await failure(loadBytes(readFileSync(join(FORMATS, '2024-intergov-final.doc')), 'x.doc').then((s) => processSource({ ...s, text: s.text.split('\n').slice(0, 6).join('\n') })));
    expect(e.code).toBe('not-a-guideline');
    expect(e.message).toMatch(/; if Word numbers its directions through paragraph styles, save it as \.docx and ingest that$/);
  });
});

describe('RTF (LibreOffice’s, of the DOCX)', () => {
  it('reads as the DOCX reads: numbers as shown, the table on its grid (a caption merged across repeated), header, footer and footnote logged', async () => {
    const rtf = await loadFile(join(FORMATS, '2024-intergov-final.rtf'));
    const docx = await loadFile(join(FORMATS, '2024-intergov-final.docx'));
    expect([rtf.format, rtf.tables]).toEqual(['rtf', 1]);
    expect(rtf.text).toBe(docx.text);
    expect(rtf.removed.filter((r) => r.kind !== 'indent').map((r) => r.kind).sort()).toEqual(['footnote', 'running-footer', 'running-header']);
    const d = diff(textDoc, processSource(rtf));
    expect(d.directions.filter((x) => x.status !== 'unchanged').map((x) => x.oldId)).toEqual([]);
    expect(d.document.changes).toEqual([]);
  });

  it('is told by its first bytes, whatever the extension', async () => {
    expect(sniffFormat(readFileSync(join(FORMATS, '2024-intergov-final.rtf')), 'guideline.txt')).toBe('rtf');
    const e = await failure(loadBytes(Buffer.from('一、总体要求'), 'x.rtf', { format: 'rtf' }));
    expect(e.message).toBe('not an RTF file (it does not start with {\\rtf), despite the format given');
  });
});

describe('ODT (OpenDocument text, LibreOffice’s of the DOCX, and one written by hand)', () => {
  it('reads as the DOCX reads: numbers from the list and outline styles, the table on its grid, header, footer and footnote logged', async () => {
    const odt = await loadFile(join(FORMATS, '2024-intergov-final.odt'));
    const docx = await loadFile(join(FORMATS, '2024-intergov-final.docx'));
    expect([odt.format, odt.tables]).toEqual(['odt', 1]);
    expect(odt.text).toBe(docx.text);
    expect(odt.removed.filter((r) => r.kind !== 'indent').map((r) => r.kind).sort()).toEqual(['footnote', 'running-footer', 'running-header']);
    const d = diff(textDoc, processSource(odt));
    expect(d.directions.filter((x) => x.status !== 'unchanged').map((x) => x.oldId)).toEqual([]);
    expect(d.document.changes).toEqual([]);
  });

  it('writes the numbers an office suite shows: prefixes and suffixes, levels shown, lists that continue, headings by the outline; spans, spaces, deletions and notes as a reader sees them', async () => {
    const when = { mtime: new Date('1980-01-01T00:00:00') };
    const ns = 'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"';
    const styles = `<?xml version="1.0" encoding="UTF-8"?><office:document-styles ${ns}><office:styles>
      <text:outline-style style:name="Outline">
        <text:outline-level-style text:level="1" style:num-format="1" style:num-suffix=". "/>
        <text:outline-level-style text:level="2" style:num-format="1" style:num-suffix=" " text:display-levels="2"/>
      </text:outline-style></office:styles>
      <office:master-styles><style:master-page style:name="Standard"><style:header><text:p>“政府间国际科技创新合作”重点专项</text:p></style:header></style:master-page></office:master-styles></office:document-styles>`;
    const content = `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${ns}><office:automatic-styles>
      <text:list-style style:name="L1"><text:list-level-style-number text:level="1" style:num-prefix="（" style:num-suffix="）" style:num-format="1"/></text:list-style>
      </office:automatic-styles><office:body><office:text>
      <text:tracked-changes><text:changed-region text:id="c1"><text:deletion><text:p>拟支持项目数：9个</text:p></text:deletion></text:changed-region></text:tracked-changes>
      <text:p>国家重点研发计划“政府间国际科技创新合作”重点专项</text:p>
      <text:p>2026年度项目申报指南</text:p>
      <text:p>一、指南方向</text:p>
      <text:h text:outline-level="1">双边合作</text:h>
      <text:h text:outline-level="2">中国和<text:span>匈牙利</text:span>政府间联合研究项目</text:h>
      <text:p>合作协议：《中匈政府间科技合作协定》<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>以正式文本为准。</text:p></text:note-body></text:note></text:p>
      <text:p>领域方向：农业；<text:s text:c="2"/>生命科学。</text:p>
      <text:p>拟支持项目数：<text:change text:change-id="c1"/>6个</text:p>
      <text:p>共拟支持经费：1200万元人民币</text:p>
      <text:p>其他要求：</text:p>
      <text:list text:style-name="L1"><text:list-item><text:p>合作项目必须双方同时申报；</text:p></text:list-item></text:list>
      <text:p><draw:frame><draw:text-box><text:p>（图示略）</text:p></draw:text-box></draw:frame></text:p>
      <text:list text:style-name="L1" text:continue-numbering="true"><text:list-item><text:p>项目实施周期3年。</text:p></text:list-item></text:list>
      <text:h text:outline-level="2">中国和智利政府间联合研究项目</text:h>
      <table:table><table:table-column table:number-columns-repeated="2"/>
        <table:table-row><table:table-cell table:number-columns-spanned="2"><text:p>方向要点</text:p></table:table-cell><table:covered-table-cell/></table:table-row>
        <table:table-row><table:table-cell><text:p>合作协议</text:p></table:table-cell><table:table-cell><text:p>《中智科技合作协定》</text:p></table:table-cell></table:table-row>
        <table:table-row><table:table-cell><text:p>拟支持项目数</text:p></table:table-cell><table:table-cell><text:p>4个</text:p></table:table-cell></table:table-row>
      </table:table>
      </office:text></office:body></office:document-content>`;
    const bytes = zipSync({ mimetype: [strToU8('application/vnd.oasis.opendocument.text'), when], 'content.xml': [strToU8(content), when], 'styles.xml': [strToU8(styles), when] });
    const s = await loadBytes(bytes, 'guideline.odt');
    expect(s.format).toBe('odt');
    expect(lines(s)).toEqual([
      '国家重点研发计划“政府间国际科技创新合作”重点专项',
      '2026年度项目申报指南',
      '一、指南方向',
      '1. 双边合作',
      '1.1 中国和匈牙利政府间联合研究项目',
      '合作协议：《中匈政府间科技合作协定》',
      '领域方向：农业；  生命科学。',
      '拟支持项目数：6个',
      '共拟支持经费：1200万元人民币',
      '其他要求：',
      '（1）合作项目必须双方同时申报；',
      '（图示略）',
      '（2）项目实施周期3年。',
      '1.2 中国和智利政府间联合研究项目',
      '| 方向要点 | 方向要点 |',
      '| 合作协议 | 《中智科技合作协定》 |',
      '| 拟支持项目数 | 4个 |',
    ]);
    expect(s.removed.filter((r) => r.kind !== 'indent').map((r) => [r.kind, r.text])).toEqual([
      ['footnote', '以正式文本为准。'],
      ['running-header', '“政府间国际科技创新合作”重点专项'],
    ]);
    const doc = processSource(s);
    expect(doc.directions.map((d) => [d.id, d.partners.map((p) => p.name), d.projectCount?.value, d.requirements.length])).toEqual([
      ['1.1', ['匈牙利'], 6, 2],
      ['1.2', ['智利'], 4, 0],
    ]);
  });
});

describe('formats this tool does not read: one line that says what to do', () => {
  const refused = async (bytes: Uint8Array, path: string): Promise<string> => {
    const e = await failure(loadBytes(bytes, path));
    expect(e.code).toBe('unsupported-format');
    expect(e.message).not.toContain('\n');
    expect(e.message).not.toContain('binary');
    return e.message;
  };
  const fixture = (name: string): Uint8Array => readFileSync(join(FORMATS, name));

  it('XLS: read as the workbook it is, whatever its name; an XLSX or OFD that holds nothing says so', async () => {
    // (LibreOffice made it from a CSV it read as Latin-1: the cells hold what it wrote.)
    for (const name of ['x.xls', 'x.et', 'x.doc']) expect((await loadBytes(fixture('not-a-guideline.xls'), name)).format).toBe('xls');
    const empty = await failure(loadBytes(fixture('not-a-guideline.xlsx'), 'x.xlsx'));
    expect([empty.code, empty.message]).toEqual(['empty', 'the Excel workbook shows no text (its sheets are empty or hidden)']);
    // By the bytes, not the name: an XLSX called .docx is still an XLSX.
    expect((await failure(loadBytes(fixture('not-a-guideline.xlsx'), 'x.docx'))).code).toBe('empty');
    const noPages = await failure(loadBytes(fixture('not-a-guideline.ofd'), 'x.ofd'));
    expect([noPages.code, noPages.message]).toEqual(['ofd-corrupt', 'damaged OFD document: no document or pages (DocRoot in OFD.xml, Pages in Document.xml)']);
  });

  it('PPTX, an OpenDocument drawing, an ODT, ODS or ODP without a body, a ZIP of files, a .docx that is no ZIP', async () => {
    const when = { mtime: new Date('1980-01-01T00:00:00') };
    const zip = (files: Record<string, string>): Uint8Array => zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, [strToU8(v), when]])));
    const noSlides = await failure(loadBytes(zip({ '[Content_Types].xml': '<Types/>', 'ppt/presentation.xml': '<p/>' }), 'x.pptx'));
    expect([noSlides.code, noSlides.message]).toEqual(['empty', 'the PowerPoint deck’s slides hold no text']);
    expect(await refused(zip({ mimetype: 'application/vnd.oasis.opendocument.graphics', 'content.xml': '<x/>' }), 'x.odg')).toMatch(/^an OpenDocument file, which this tool does not read/);
    const noSheets = await failure(loadBytes(zip({ mimetype: 'application/vnd.oasis.opendocument.spreadsheet', 'content.xml': '<x/>' }), 'x.ods'));
    expect([noSheets.code, noSheets.message]).toEqual(['odt-corrupt', 'damaged ODS file: content.xml has no sheets']);
    const noSlideList = await failure(loadBytes(zip({ mimetype: 'application/vnd.oasis.opendocument.presentation', 'content.xml': '<x/>' }), 'x.odp'));
    expect([noSlideList.code, noSlideList.message]).toEqual(['odt-corrupt', 'damaged ODP file: content.xml has no slides']);
    const noBody = await failure(loadBytes(zip({ mimetype: 'application/vnd.oasis.opendocument.text', 'content.xml': '<x/>' }), 'x.odt'));
    expect([noBody.code, noBody.message]).toEqual(['odt-corrupt', 'damaged ODT file: content.xml has no body']);
    expect(await refused(zip({ 'a.bin': 'x', 'b/': '' }), 'x.zip')).toBe('a ZIP archive without a guideline file this tool reads (PDF, Word, web page, text or scanned images): unpack it and ingest the guideline');
    expect(await refused(Buffer.from('一、总体要求'), 'x.docx')).toBe('not a .docx file (neither a ZIP archive nor an OLE file), despite the .docx extension');
  });
});
