/**
 * Carriers and page shapes of set 182: a Safari web archive (`.webarchive`, a binary property list
 * holding the page), a 科技厅's page whose attachment is Word's 另存为网页 with its tracked changes
 * and comments kept, a portal's reprint made of a web editor's cards (number badges, a box of links
 * to other articles) and a research office's page whose table is drawn from `<div>`s by its style
 * sheet (the last two are properties in test/properties/layouts.property.test.ts too).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Guideline } from '../../src/schema/guideline.js';
import { loadBytes } from '../../src/load/index.js';
import { binaryPlist, webArchive } from '../helpers/bplist.js';
import { asEditorCards, asHtmlTable, type DirectionSpec } from '../helpers/layouts.js';
import { directionSpecs } from '../helpers/directions.js';
import { runs } from '../helpers/runs.js';
import { ingestText } from '../helpers/seed.js';

const directions = directionSpecs(5);

const values = (doc: Guideline) => ({
  title: doc.document.title,
  directions: doc.directions.map((d) => [d.id, d.title, d.partners.map((p) => p.name), d.domains.map((x) => x.label), d.projectCount?.value, d.funding?.amountCNY, d.duration?.maxYears]),
});

describe('a Safari web archive', () => {
  it('reads as the page it holds: the same values, the addresses logged', async () => {
    await fc.assert(
      fc.asyncProperty(directions, fc.constantFrom('UTF-8', 'utf-8'), async (ds: readonly DirectionSpec[], encoding) => {
        const html = asHtmlTable(ds);
        const page = await ingestText(Buffer.from(html), 'page.html');
        const archived = await ingestText(webArchive(html, 'https://kjt.example.gov.cn/tzgg/2026/0418/c1024-41273.html', encoding, ['https://kjt.example.gov.cn/images/logo.png']), 'page.webarchive');
        expect(values(archived)).toEqual(values(page));
        expect(archived.document.source.format).toBe('html');
        expect(archived.removed.filter((r) => r.kind === 'web-chrome').map((r) => r.text)).toEqual(
          expect.arrayContaining(['网页地址：https://kjt.example.gov.cn/tzgg/2026/0418/c1024-41273.html', '网页附属资源：https://kjt.example.gov.cn/images/logo.png']),
        );
      }),
      { numRuns: runs(10) },
    );
  });

  it('refuses a damaged archive and a property list that holds no page, in one line each', async () => {
    const whole = webArchive(asHtmlTable([{ partner: '越南', agreement: '中越科技合作协定', domains: ['农业'], count: 2, fundingWan: 600, years: 3 }]), 'https://x.example/a.html');
    await expect(loadBytes(whole.subarray(0, whole.length - 40), 'a.webarchive')).rejects.toThrow('damaged Safari web archive (.webarchive): its property list cannot be read');
    await expect(loadBytes(binaryPlist({ CFBundleName: 'Preview', Items: ['a', 'b'] }), 'a.webarchive')).rejects.toThrow('an Apple property list (bplist) but no Safari web archive: it holds no page (WebMainResource)');
  });
});

/** Word's 另存为网页 of a revised draft: a deletion and an insertion inside a figure, a comment on a title. */
const WORD_PAGE = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta charset="utf-8"></head><body><div class=WordSection1>
<p class=MsoNormal><b>国家重点研发计划“政府间国际科技创新合作”重点专项2026年度第二批项目申报指南（征求意见稿）</b></p>
<p class=MsoNormal>本批次设立2个指南方向，拟支持项目数约<span class=msoDel><del cite="mailto:国际合作司" datetime="2026-03-16T09:42">8</del></span><span class=msoIns><ins cite="mailto:国际合作司" datetime="2026-03-16T09:42">9</ins></span>个。</p>
<p class=MsoNormal><b>1.1 </b><a style='mso-comment-reference:ZWT_1'><b>中国和白俄罗斯政府间联合研究项目</b></a><span class=MsoCommentReference><![if !supportAnnotations]><a class=msocomanchor id="_anchor_1" href="#_msocom_1" name="_msoanchor_1">[ZWT1]</a><![endif]></span></p>
<p class=MsoNormal>合作协议：《中白科技合作委员会第十次会议纪要》。</p>
<p class=MsoNormal>领域方向：新材料；<ins cite="mailto:国际合作司" datetime="2026-03-16T09:42">先进制造；</ins>生物技术。</p>
<p class=MsoNormal>拟支持项目数：<del cite="mailto:国际合作司" datetime="2026-03-16T09:42">4</del><ins cite="mailto:国际合作司" datetime="2026-03-16T09:42">5</ins>个。</p>
<p class=MsoNormal>共拟支持经费：1500万元。</p>
<p class=MsoNormal><b>1.2 中国和塞尔维亚政府间联合研究项目</b></p>
<p class=MsoNormal>合作协议：《中塞科技合作委员会第三次会议纪要》。</p>
<p class=MsoNormal>领域方向：农业。</p>
<p class=MsoNormal>拟支持项目数：4个。</p>
<p class=MsoNormal>共拟支持经费：1200万元。</p>
</div>
<div style='mso-element:comment-list'><![if !supportAnnotations]><hr class=msocomoff align=left size=1 width="33%"><![endif]>
<div style='mso-element:comment'><![if !supportAnnotations]><div id="_com_1" class=msocomtxt><span style='mso-comment-author:科技厅'><a name="_msocom_1"></a></span>
<p class=MsoCommentText><span class=MsoCommentReference>[ZWT1]</span>此方向经费待定，拟支持项目数改为6个。</p></div><![endif]></div></div>
</body></html>`;

describe('Word’s 另存为网页 with tracked changes and comments', () => {
  it('reads the text with the changes accepted; deletions and comments logged, never read', async () => {
    const doc = await ingestText(Buffer.from(WORD_PAGE), 'draft.htm');
    expect(doc.directions.map((d) => [d.id, d.title, d.domains.map((x) => x.label), d.projectCount?.value, d.funding?.amountCNY])).toEqual([
      ['1.1', '中国和白俄罗斯政府间联合研究项目', ['新材料', '先进制造', '生物技术'], 5, 15_000_000],
      ['1.2', '中国和塞尔维亚政府间联合研究项目', ['农业'], 4, 12_000_000],
    ]);
    expect(doc.summary.projectCount?.value).toBe(9);
    expect(doc.removed.filter((r) => r.kind === 'revision').map((r) => r.text)).toEqual(['8', '4']);
    expect(doc.removed.filter((r) => r.kind === 'margin-note').map((r) => r.text)).toEqual(['[ZWT1]', '[ZWT1] 此方向经费待定，拟支持项目数改为6个。']);
    // (The comment's 待定 is no placeholder of the call.)
    expect(doc.checks.filter((c) => c.code === 'placeholder')).toEqual([]);
  });
});

describe('a web editor’s cards', () => {
  it('logs the number badges and the box of links to other articles; none of their text joins a direction', async () => {
    const ds: DirectionSpec[] = [
      { partner: '越南', agreement: '中越科技合作协定', domains: ['农业', '能源'], count: 3, fundingWan: 900, years: 3 },
      { partner: '泰国', agreement: '中泰科技合作协定', domains: ['海洋科学'], count: 2, fundingWan: 600, years: 2 },
    ];
    const doc = await ingestText(Buffer.from(asEditorCards(ds)), 'cards.html');
    const chrome = doc.removed.filter((r) => r.kind === 'web-chrome').map((r) => r.text);
    expect(chrome).toEqual(expect.arrayContaining(['01', '02']));
    expect(chrome.some((t) => t.startsWith('延伸阅读') && t.includes('国拨1.62亿元'))).toBe(true);
    expect(JSON.stringify(doc.directions)).not.toMatch(/延伸阅读|1\.62亿元|"0[12]"|\\n0[12]/);
  });
});

describe('a repost’s separator over the guideline it carries', () => {
  it.each(['—— 指南全文 ——', '【指南原文】', '指南全文如下：', '附：指南原文'])('`%s`: the guideline’s own title is the document’s', async (separator) => {
    const text = [
      '关于组织申报国家重点研发计划“港澳台科技创新合作”重点专项2025年度项目的通知',
      '各学院：',
      '现将有关事项通知如下，请有意申报的老师认真阅读指南。',
      '科学技术研究院',
      separator,
      '国家重点研发计划“港澳台科技创新合作”重点专项2025年度项目申报指南',
      '一、领域和方向',
      '1.1 内地与香港联合研究项目',
      '合作依据：《内地与香港关于加强创新科技合作的安排》。',
      '领域方向：生命健康。',
      '拟支持项目数：5个。',
      '共拟支持经费：1500万元。',
      '1.2 内地与澳门联合研究项目',
      '合作依据：《内地与澳门关于加强科技合作的安排》。',
      '领域方向：中医药。',
      '拟支持项目数：3个。',
      '共拟支持经费：900万元。',
    ].join('\n');
    const doc = await ingestText(text);
    expect(doc.document.title).toBe('国家重点研发计划“港澳台科技创新合作”重点专项2025年度项目申报指南');
    expect(doc.directions.map((d) => d.id)).toEqual(['1.1', '1.2']);
  });
});
