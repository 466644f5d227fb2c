/**
 * Forms met on first contact with blind sets 31–35 (pipeline 1.29.0), each in a wording of its own
 * here so that the rule, not the fixture's sentence, is what passes: a CSV export of a directions
 * table, tracked changes shown inline, the text of a slide deck (breadcrumbs, footers with a bare
 * number, bulleted fields with a hanging indent, a heading marked （续）, （接下页）), inline LaTeX
 * of a PDF-to-Markdown converter, a figure of a part of the call, guides with no number whose fields
 * are numbered headings; and the formats: an accordion's hidden panels, Word text boxes and tables
 * of contents (Word's and ODF's).
 */
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { loadBytes } from '../../src/load/index.js';
import { processSource } from '../../src/pipeline.js';
import { ingestText } from '../helpers/seed.js';

const PREAMBLE = `国家重点研发计划“政府间国际科技创新合作”重点专项2026年度第三批项目申报指南

一、总体目标
本批次支持与相关国家开展联合研究。

二、领域和方向
2026年度第三批项目设立3个指南方向，拟支持项目数约14个，国拨经费总概算0.3亿元人民币。项目实施周期一般为3年。
`;

describe('a CSV export of the directions table, under the pasted preamble', () => {
  it('reads each row as a direction, quoted cells over several lines and doubled quotes included', async () => {
    const csv = [
      '编号,指南方向,合作协议,领域方向,拟支持项目数,共拟支持经费,实施周期,其他要求',
      '1.1,中国和秘鲁政府间联合研究项目,《中秘科技合作协定》,"矿业；渔业",5个,1000万元人民币,3年,"（1）双方同时申报。',
      '（2）项目名称格式为""中秘+领域""。"',
      '1.2,中国和肯尼亚政府间联合研究项目,《中肯科技合作协定》,"农业；水资源",4个,800万元人民币,3年,合作项目必须双方同时申报。',
      '1.3,中国和挪威政府间联合研究项目,《中挪科技合作协定》,"极地；海洋",5个,1200万元人民币,2年,"（1）双方同时申报。',
      '（2）外方单位须注册3年以上。"',
    ].join('\n');
    const doc = await ingestText(`${PREAMBLE}\n${csv}\n\n三、申报要求\n申报单位须为法人单位。\n`, 'csv.txt');
    expect(doc.directions.map((d) => [d.id, d.title, d.partners.map((p) => p.name).join(), d.domains.map((x) => x.label).join('|'), d.projectCount?.value, d.funding?.amountCNY, d.duration?.maxYears, d.requirements.length])).toEqual([
      ['1.1', '中国和秘鲁政府间联合研究项目', '秘鲁', '矿业|渔业', 5, 10_000_000, 3, 2],
      ['1.2', '中国和肯尼亚政府间联合研究项目', '肯尼亚', '农业|水资源', 4, 8_000_000, 3, 1],
      ['1.3', '中国和挪威政府间联合研究项目', '挪威', '极地|海洋', 5, 12_000_000, 2, 2],
    ]);
    // `""` in a quoted cell is one quote mark (made full-width in Chinese text, as any other).
    expect(doc.directions[0]!.requirements[1]!.text).toMatch(/^项目名称格式为["“]中秘\+领域["”]。$/);
  });
});

describe('tracked changes shown inline', () => {
  it('reads the text with the changes accepted and logs each mark as a revision', async () => {
    const text = `${PREAMBLE}
1.1 [删除：中国和希腊][插入：中国和葡萄牙]政府间联合研究项目
合作协议：《中葡科技合作协定》。
领域方向：海洋科学；[插入：新能源；]农业。
拟支持项目数：[删除：6个][插入：4个]。
共拟支持经费：【删除：1200万元】【插入：800万元】人民币。
其他要求：[删除：（1）须提交英文申请书。]项目实施周期[插入：原则上为]3年。
`;
    const doc = await ingestText(text, 'tracked.txt');
    const d = doc.directions[0]!;
    expect([d.title, d.partners.map((p) => p.name), d.domains.map((x) => x.label), d.projectCount?.value, d.funding?.amountCNY, d.duration?.hedge]).toEqual([
      '中国和葡萄牙政府间联合研究项目',
      ['葡萄牙'],
      ['海洋科学', '新能源', '农业'],
      4,
      8_000_000,
      'inPrinciple',
    ]);
    const revisions = doc.removed.filter((r) => r.kind === 'revision').map((r) => r.text);
    expect(revisions).toContain('[删除：中国和希腊]');
    expect(revisions).toContain('[插入：');
    expect(revisions).toContain('【删除：1200万元】');
    expect(revisions).toContain('[删除：（1）须提交英文申请书。]');
  });
});

describe('the text of a slide deck through pdftotext', () => {
  const footer = (n: number): string => `“先进材料”重点专项宣讲会          专项办公室                   ${n}`;
  const slides = [
    ['国家重点研发计划“先进材料”重点专项', '2026年度项目申报指南', '', '指南宣讲', footer(1)],
    ['一、专项概况 ▸ 总体安排', '', '  • 拟启动4个项目方向', '  • 拟安排国拨经费1.2亿元', '  • 项目实施周期不超过4年', footer(2)],
    [
      '二、指南方向 ▸ 1. 结构材料',
      '',
      '1.1 高温合金单晶叶片制备技术（共性关键技术类）',
      '',
      '▪ 研究内容：针对航空发动机对高温合金单晶叶片的需求，研究定向凝固工艺与',
      '  缺陷控制方法，研制大尺寸单晶叶片并开展考核验证。',
      '',
      '                                               （接下页）',
      footer(3),
    ],
    [
      '二、指南方向 ▸ 1. 结构材料',
      '',
      '1.1 高温合金单晶叶片制备技术（续）',
      '',
      '▪ 考核指标：叶片合格率不低于80%；申请发明专利不少于10项。',
      '▪ 关键词：高温合金，单晶叶片，定向凝固',
      footer(4),
    ],
    ['二、指南方向 ▸ 2. 功能材料', '', '2.1 柔性显示用透明导电薄膜（基础前沿技术类）', '', '▪ 研究内容：研究透明导电薄膜的', '  低温制备方法。', '▪ 考核指标：方阻不高于10欧。', '▪ 关键词：透明导电，柔性显示', footer(5)],
  ];
  const text = slides.map((s) => s.join('\n')).join('\n\f');

  it('reads each direction once, its fields whole, and none of the slides’ furniture', async () => {
    const doc = await ingestText(text, 'deck.txt');
    expect(doc.directions.map((d) => [d.id, d.researchContent.length, d.indicators.length, d.keywords.map((k) => k.text)])).toEqual([
      ['1.1', 1, 1, ['高温合金', '单晶叶片', '定向凝固']],
      ['2.1', 1, 1, ['透明导电', '柔性显示']],
    ]);
    expect(doc.directions[0]!.researchContent[0]!.text).toBe('针对航空发动机对高温合金单晶叶片的需求，研究定向凝固工艺与缺陷控制方法，研制大尺寸单晶叶片并开展考核验证。');
    expect(doc.directions[1]!.researchContent[0]!.text).toBe('研究透明导电薄膜的低温制备方法。');
    // The bulleted figures of the overview are the call's, no direction's.
    expect([doc.summary.directionCount?.value, doc.summary.fundingTotal?.amountCNY, doc.summary.defaultDuration?.maxYears]).toEqual([4, 120_000_000, 4]);
    const kinds = new Set(doc.removed.filter((r) => /专项办公室|▸|接下页/.test(r.text)).map((r) => r.kind));
    expect(kinds).toEqual(new Set(['running-header', 'running-footer']));
  });
});

describe('inline LaTeX of a PDF converted to Markdown', () => {
  it('reads a figure as the text it prints', async () => {
    const text = `${PREAMBLE}
## 1.1 中国和泰国政府间联合研究项目

合作协议：《中泰科技合作协定》。

拟支持项目数为 $2 \\sim 3$ 项。

共拟支持经费：$9 0 0$ 万元人民币。

考核指标：转化效率 $\\geqslant 2 5 \\%$ ，运行温度 $6 0 0 ^ { \\circ } \\mathrm { C }$ 。
`;
    const doc = await ingestText(text, 'mineru.md');
    const d = doc.directions[0]!;
    expect([d.projectCount?.value, d.projectCount?.min, d.projectCount?.qualifier, d.funding?.amountCNY]).toEqual([3, 2, 'atMost', 9_000_000]);
    expect(d.otherText.map((t) => t.text).join('') + d.requirements.map((r) => r.text).join('') + d.indicators.map((i) => i.text).join('')).toContain('转化效率≥25%，运行温度600°C');
  });
});

describe('a figure of a part of the call', () => {
  it('is no total of the call: 其中，… gives no project total where nothing else states one', async () => {
    const text = PREAMBLE.replace('拟支持项目数约14个，', '').replace('项目实施周期一般为3年。', '其中，青年科学家项目拟支持3个项目，拟安排国拨经费概算600万元。') + '1.1 中国和泰国政府间联合研究项目\n合作协议：《中泰科技合作协定》。\n拟支持项目数：3个。\n';
    const doc = await ingestText(text, 'subset.txt');
    expect(doc.summary.projectCount).toBeNull();
    expect(doc.summary.fundingTotal?.amountCNY).toBe(30_000_000);
  });
});

describe('guides with no number whose fields are numbered headings', () => {
  const guide = (title: string, funding: number, items: number): string =>
    [
      `“${title}”重大项目指南`,
      `${title}是前沿领域，有重要意义。`,
      '一、科学目标',
      '揭示关键机理。',
      '二、研究内容',
      ...Array.from({ length: items }, (_, i) => `（${'一二三四五'[i]}）研究任务${i + 1}。`),
      '三、资助期限和资助经费',
      `资助期限为5年。拟资助1项，直接费用资助强度约为${funding}万元/项。`,
      '四、申请要求及注意事项',
      '1. 申请人应认真阅读本指南。',
      '2. 依托单位不得超过5个。',
    ].join('\n');
  it('reads each as a direction with its content, duration and requirements; a department heading heads the next', async () => {
    const text = ['国家自然科学基金2026年度重大项目指南', '', '数理科学部', guide('拓扑量子计算', 1500, 3), '', '化学科学部', guide('人工光合作用', 1200, 2), '', '申请注意事项', '一、申请条件', '申请人应具有高级职称。', '二、联系方式', '数理科学部：010-00000000'].join('\n');
    const doc = await ingestText(text, 'nsfc-major.txt');
    expect(doc.directions.map((d) => [d.id, d.title, d.researchContent.length, d.duration?.maxYears, d.requirements.length])).toEqual([
      ['1', '“拓扑量子计算”重大项目指南', 3, 5, 2],
      ['2', '“人工光合作用”重大项目指南', 2, 5, 2],
    ]);
    expect(doc.checks.filter((c) => c.code === 'label-unknown')).toEqual([]);
  });
});

describe('a title in 《》 with a space of its own', () => {
  it('keeps the one space between two phrases, and drops what wrapping or extraction left', async () => {
    const text = `${PREAMBLE}
1.1 粤港澳联合实验室项目
合作协议：《深化粤港澳合作 推进大湾区建设框架协议》《中越政府间科技合作联委会第十一次会议议定 书》《中 越 科技合作协定》。
拟支持项目数：3个。
`;
    const doc = await ingestText(text, 'titles.txt');
    expect(doc.directions[0]!.agreements.map((a) => a.title)).toEqual(['深化粤港澳合作 推进大湾区建设框架协议', '中越政府间科技合作联委会第十一次会议议定书', '中越科技合作协定']);
  });
});

describe('copies that carry their layout in other marks', () => {
  it('a forward whose line breaks became ／, cut in messages with a signature and a part count', async () => {
    const body = `${PREAMBLE.trim()}\n1.1 中国和秘鲁政府间联合研究项目\n合作协议：《中秘科技合作协定》。\n领域方向：矿业；渔业。\n拟支持项目数：5个。\n共拟支持经费：1000万元人民币。\n1.2 中国和肯尼亚政府间联合研究项目\n合作协议：《中肯科技合作协定》。\n领域方向：农业；水资源。\n拟支持项目数：4个。\n共拟支持经费：800万元人民币。`;
    const sms = `【某大学科研院】(1/1)${body.split('\n').filter((l) => l.trim() !== '').join('／')}`;
    const doc = await ingestText(sms, 'sms.txt');
    expect(doc.document.title).toBe('国家重点研发计划“政府间国际科技创新合作”重点专项2026年度第三批项目申报指南');
    expect(doc.directions.map((d) => [d.id, d.projectCount?.value, d.funding?.amountCNY, d.domains.map((x) => x.label)])).toEqual([
      ['1.1', 5, 10_000_000, ['矿业', '渔业']],
      ['1.2', 4, 8_000_000, ['农业', '水资源']],
    ]);
  });

  it('a form to fill in: boxes before labels, figures in blanks, the ticked choice the qualifier, rules between directions', async () => {
    const direction = (id: string, country: string, count: string, choice: string): string =>
      ['────────────────────', `${id} 中国和${country}政府间联合研究项目`, '────────────────────', `☑ 合作协议：《中${country.slice(0, 1)}科技合作协定》`, '☑ 领域方向：①农业　②能源　③医药卫生', `☑ 拟支持项目数：${choice}　__${count}__个`, '☑ 共拟支持经费：__900__万元人民币', '反馈意见：□无修改意见　□有修改意见：__________'].join('\n');
    const text = `${PREAMBLE}\n${direction('1.1', '秘鲁', '5', '☑约　□不超过　□不少于')}\n\n${direction('1.2', '肯尼亚', '3', '□约　☑不超过　□不少于')}\n`;
    const doc = await ingestText(text, 'form.txt');
    expect(doc.directions.map((d) => [d.id, d.title, d.projectCount?.value, d.projectCount?.qualifier, d.funding?.amountCNY, d.domains.map((x) => x.label)])).toEqual([
      ['1.1', '中国和秘鲁政府间联合研究项目', 5, 'about', 9_000_000, ['农业', '能源', '医药卫生']],
      ['1.2', '中国和肯尼亚政府间联合研究项目', 3, 'atMost', 9_000_000, ['农业', '能源', '医药卫生']],
    ]);
  });

  it('Excel’s copy of a sheet: every line padded with tabs, the table ending where a row has nothing past its first cell', async () => {
    const pad = (cells: string[]): string => [...cells, ...Array(6 - cells.length).fill('')].join('\t');
    const rows = [
      pad(['2026年先进材料揭榜挂帅申报指南']),
      pad(['一、总体安排']),
      pad(['本次共发布揭榜任务2项，每个揭榜单位支持经费不超过1000万元。']),
      pad(['序号', '揭榜任务', '预期目标', '揭榜要求', '拟支持揭榜单位数', '实施期限']),
      pad(['1', '高温合金叶片', '合格率不低于80%。', '"1.具有研发基础；\n2.联合用户单位。"', '1家', '2年']),
      pad(['2', '碳纤维复合材料', '强度不低于3.5GPa。', '具有中试条件。', '1～2家', '2年']),
      pad(['']),
      pad(['二、申报要求']),
      pad(['1. 申报单位应为法人单位。']),
      pad(['2. 同一单位限报1项。']),
    ];
    const doc = await ingestText(rows.join('\r\n'), 'sheet.txt');
    expect(doc.directions.map((d) => [d.id, d.title, d.requirements.length])).toEqual([
      ['1', '高温合金叶片', 2],
      ['2', '碳纤维复合材料', 1],
    ]);
    expect(doc.summary.directionCount?.value).toBe(2);
  });
});

describe('formats: panels, text boxes and tables of contents', () => {
  it('reads an accordion’s hidden panels under their buttons, and leaves text for screen readers out', async () => {
    const html = `<html><head><title>指南_某部</title></head><body><div class="article">
      <h1>国家重点研发计划“政府间国际科技创新合作”重点专项2026年度第三批项目申报指南</h1>
      <p>2026年度第三批项目设立2个指南方向。</p>
      <h3><button aria-controls="p1" aria-expanded="false">1.1 中国和秘鲁政府间联合研究项目<span class="sr-only">展开</span></button></h3>
      <div id="p1" hidden><p>合作协议：《中秘科技合作协定》。</p><p>拟支持项目数：5个。</p></div>
      <h3><button aria-controls="p2">1.2 中国和肯尼亚政府间联合研究项目</button></h3>
      <div id="p2" style="display:none"><p>合作协议：《中肯科技合作协定》。</p><p>拟支持项目数：4个。</p></div>
      <div hidden><p>拟支持项目数：99个。</p></div>
    </div></body></html>`;
    const doc = processSource(await loadBytes(strToU8(html), 'acc.html'));
    expect(doc.directions.map((d) => [d.id, d.title, d.projectCount?.value])).toEqual([
      ['1.1', '中国和秘鲁政府间联合研究项目', 5],
      ['1.2', '中国和肯尼亚政府间联合研究项目', 4],
    ]);
    expect(doc.removed.filter((r) => r.kind === 'hidden-text').map((r) => r.text)).toEqual(['展开', '拟支持项目数：99个。']);
  });

  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml"';
  const p = (text: string, pPr = ''): string => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
  const docx = (body: string): Uint8Array =>
    zipSync({ 'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}<w:sectPr/></w:body></w:document>`) });

  it('reads a Word text box once (its shape, not the fallback copy), after the paragraph it is anchored in, and leaves a table of contents out', async () => {
    const box = (inner: string): string => `<w:p>${p('')}<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx><w:txbxContent>${inner}</w:txbxContent></wps:txbx></wps:wsp></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>${inner}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>`;
    const toc = `<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/></w:docPartObj></w:sdtPr><w:sdtContent>${p('1.1 中国和秘鲁政府间联合研究项目 3')}${p('1.2 中国和肯尼亚政府间联合研究项目 4')}</w:sdtContent></w:sdt>`;
    const body = [
      p('国家重点研发计划“政府间国际科技创新合作”重点专项2026年度第三批项目申报指南'),
      toc,
      p('1.3 中国和挪威政府间联合研究项目 5', '<w:pStyle w:val="TOC2"/>'),
      p('2026年度第三批项目设立2个指南方向。'),
      box(p('1.1 中国和秘鲁政府间联合研究项目') + p('合作协议：《中秘科技合作协定》。') + p('拟支持项目数：5个。')),
      box(p('1.2 中国和肯尼亚政府间联合研究项目') + p('合作协议：《中肯科技合作协定》。') + p('拟支持项目数：4个。')),
    ].join('');
    const doc = processSource(await loadBytes(docx(body), 'boxes.docx'));
    expect(doc.directions.map((d) => [d.id, d.projectCount?.value])).toEqual([
      ['1.1', 5],
      ['1.2', 4],
    ]);
    expect(doc.removed.filter((r) => r.kind === 'table-of-contents').length).toBe(2);
  });

  it('reads a paragraph of soft line breaks pasted from a PDF as its sentences: a clause broken inside it goes on', async () => {
    const br = (lines: string[]): string => `<w:p>${lines.map((l, i) => `${i > 0 ? '<w:r><w:br/></w:r>' : ''}<w:r><w:t xml:space="preserve">${l}</w:t></w:r>`).join('')}</w:p>`;
    const body = [
      p('国家重点研发计划“战略性科技创新合作”重点专项2026年度项目申报指南'),
      p('1.1 中国和英国生命健康科技合作项目'),
      br(['合作协议：《中英科技合作协定》。', '拟支持项目数：4个。', '其他要求：合作项目必须双方同时申报，英方向英国研究与创新署申', '报，单方申报无效。鼓励企业参与，参与企业应提供至少与其获得的政府资助', '等额的配套出资。项目实施周期3年。']),
    ].join('');
    const doc = processSource(await loadBytes(docx(body), 'soft.docx'));
    expect(doc.directions[0]!.requirements.map((r) => r.text)).toEqual(['合作项目必须双方同时申报，英方向英国研究与创新署申报，单方申报无效。鼓励企业参与，参与企业应提供至少与其获得的政府资助等额的配套出资。项目实施周期3年。']);
  });

  it('leaves an ODF table of contents out, logged', async () => {
    const ns = 'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"';
    const content = `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${ns}><office:body><office:text>
      <text:p>国家重点研发计划“政府间国际科技创新合作”重点专项2026年度第三批项目申报指南</text:p>
      <text:table-of-content><text:index-body><text:p>1.1 中国和秘鲁政府间联合研究项目	3</text:p><text:p>1.2 中国和肯尼亚政府间联合研究项目	4</text:p></text:index-body></text:table-of-content>
      <text:p>1.1 中国和秘鲁政府间联合研究项目</text:p><text:p>合作协议：《中秘科技合作协定》。</text:p><text:p>拟支持项目数：5个。</text:p>
      <text:p>1.2 中国和肯尼亚政府间联合研究项目</text:p><text:p>合作协议：《中肯科技合作协定》。</text:p><text:p>拟支持项目数：4个。</text:p>
      </office:text></office:body></office:document-content>`;
    const bytes = zipSync({ mimetype: strToU8('application/vnd.oasis.opendocument.text'), 'content.xml': strToU8(content) });
    const doc = processSource(await loadBytes(bytes, 'toc.odt'));
    expect(doc.directions.map((d) => [d.id, d.projectCount?.value])).toEqual([
      ['1.1', 5],
      ['1.2', 4],
    ]);
    expect(doc.removed.filter((r) => r.kind === 'table-of-contents').map((r) => r.text)).toHaveLength(1);
  });
});
