/**
 * Carriers of set 172: a note-taking app's export (`.enex`) whose guideline is one web clip among a
 * colleague's notes, with remarks set into it; and a web app's page whose direction headings stand in
 * a component's `__header` part (Element Plus collapse panels), no page header.
 */
import { describe, expect, it } from 'vitest';
import { ingestText } from '../helpers/seed.js';

const P = (t: string): string => `<p style="text-indent: 2em;">${t}</p>`;
const CLIP = [
  '<h1>国家重点研发计划“政府间国际科技创新合作”重点专项2027年度第二批项目申报指南</h1>',
  P('2027年度第二批项目设立2个指南方向，拟支持项目数约9个，国拨经费总概算2800万元。项目实施周期一般为3年。'),
  '<div><strong>1.1 中国和泰国政府间联合研究项目</strong></div>',
  P('合作协议：《中华人民共和国政府和泰王国政府科学技术合作协定》。'),
  P('领域方向：热带农业；公共卫生。'),
  P('拟支持项目数：5个。'),
  '<div style="color: rgb(227, 60, 49);"><b>【王晓：农学院有合作基础，已电话通知】</b></div>',
  P('<span style="--en-highlight:yellow;background-color: #ffef9e;">共拟支持经费：1600万元。</span>'),
  P('其他要求：（1）合作项目必须双方同时申报，单方申报无效。'),
  '<div style="color: rgb(227, 60, 49);"><b>【王晓：（2）条已核对】</b></div>',
  P('（2）每个项目国拨经费不超过400万元。'),
  '<div><strong>1.2 中国和越南政府间联合研究项目</strong></div>',
  P('合作协议：《中越科技合作联委会第十三次会议纪要》。'),
  P('领域方向：海洋科学；防灾减灾。'),
  P('拟支持项目数：4个。'),
  P('共拟支持经费：1200万元。'),
  P('其他要求：合作项目必须双方同时申报，单方申报无效。'),
].join('');
const note = (title: string, html: string, source: string): string =>
  `  <note>\n    <title>${title}</title>\n    <note-attributes><source>${source}</source></note-attributes>\n    <content>\n      <![CDATA[<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n<!DOCTYPE en-note SYSTEM "http://xml.evernote.com/pub/enml2.dtd">\n<en-note>${html}</en-note>]]>\n    </content>\n  </note>\n`;
const ENEX =
  '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n<!DOCTYPE en-export SYSTEM "http://xml.evernote.com/pub/evernote-export4.dtd">\n<en-export export-date="20270421T080307Z" application="Evernote" version="10.105.4">\n' +
  note('政府间2027第二批 要点整理', '<table><tr><td>方向</td><td>项目数</td><td>经费</td></tr><tr><td>1.2</td><td>不超过5个</td><td>2000万元</td></tr></table>', 'desktop.win') +
  note('国家重点研发计划“政府间国际科技创新合作”重点专项2027年度第二批项目申报指南', `<div style="color: rgb(227, 60, 49);"><b>【王晓备注】已转发各学院。</b></div><div style="--en-clipped-content:article; --en-clipped-source-url:https://service.most.gov.cn/zn.html;">${CLIP}</div>`, 'web.clip7') +
  note('2026年度本院立项情况', '<div>1.1 中国和泰国 立项2项</div>', 'desktop.win') +
  '</en-export>\n';

const PANEL = (id: string, title: string, rows: readonly [string, string][]): string =>
  `<div class="el-collapse-item is-active"><div role="tab" aria-expanded="true" aria-controls="c${id}"><div class="el-collapse-item__header is-active" role="button" id="h${id}"><span class="zn-xh">${id}</span><span class="zn-mc">${title}</span></div></div>` +
  `<div class="el-collapse-item__wrap" role="tabpanel" aria-labelledby="h${id}" id="c${id}"><div class="el-collapse-item__content"><table class="el-descriptions__table"><tbody>${rows.map(([k, v]) => `<tr><td class="el-descriptions__label">${k}</td><td class="el-descriptions__content">${v}</td></tr>`).join('')}</tbody></table></div></div></div>`;
const SPA = `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>指南详情-国家科技管理信息系统公共服务平台</title></head><body><div id="app">
<div class="header"><a>首页</a><a>通知公告</a></div>
<div class="article"><h1 class="article-title">国家重点研发计划“港澳台科技创新合作”重点专项2027年度第一批项目申报指南</h1>
<div class="el-tabs"><div class="el-tabs__header"><div class="el-tabs__item" role="tab">指南正文</div><div class="el-tabs__item" role="tab">附件下载（2）</div></div>
<div class="rich-text"><p>2027年度第一批项目设立2个指南方向，拟支持项目数约9个，国拨经费总概算2900万元。项目实施周期一般为3年。</p></div>
<h4 class="zn-group">（一）内地与香港科技创新合作</h4><div class="el-collapse" role="tablist">
${PANEL('1.1', '内地与香港联合研究项目（生命健康）', [['合作依据', '《内地与香港关于加强创新科技合作的安排》'], ['领域方向', '创新药物与疫苗；高端医疗器械'], ['拟支持项目数', '5个'], ['共拟支持经费', '1500万元'], ['其他要求', '内地与香港合作单位须分别提交申请，单方申报无效。']])}
${PANEL('1.2', '内地与香港联合研究项目（人工智能）', [['合作依据', '《内地与香港关于加强创新科技合作的安排》'], ['领域方向', '大模型；服务机器人'], ['拟支持项目数', '4个'], ['共拟支持经费', '1400万元'], ['其他要求', '内地与香港合作单位须分别提交申请，单方申报无效。']])}
</div></div></div><div class="footer">版权所有</div></div></body></html>`;

describe('carriers of set 172', () => {
  it('reads the web clip of an ENEX export as the guideline, the other notes and a reader’s remarks logged', async () => {
    const d = await ingestText(Buffer.from(ENEX), 'notebook.enex');
    expect(d.document.title).toBe('国家重点研发计划“政府间国际科技创新合作”重点专项2027年度第二批项目申报指南');
    expect(d.directions.map((x) => [x.id, x.partners.map((p) => p.name), x.projectCount?.value, x.funding?.amountCNY])).toEqual([
      ['1.1', ['泰国'], 5, 16_000_000],
      ['1.2', ['越南'], 4, 12_000_000],
    ]);
    // The remark between 1.1's two items is no text of either.
    expect(d.directions[0]!.requirements.map((r) => r.text)).toEqual(['合作项目必须双方同时申报，单方申报无效。', '每个项目国拨经费不超过400万元。']);
    expect(d.removed.filter((r) => r.kind === 'archive-member').map((r) => r.text)).toEqual(['政府间2027第二批 要点整理', '2026年度本院立项情况']);
    expect(d.removed.filter((r) => r.kind === 'margin-note').map((r) => r.text)).toEqual(['【王晓备注】已转发各学院。', '【王晓：农学院有合作基础，已电话通知】', '【王晓：（2）条已核对】']);
  });

  it('reads a panel’s heading in a component’s __header part, and leaves out the tabs’ bar', async () => {
    const d = await ingestText(Buffer.from(SPA), 'spa.html');
    expect(d.document.title).toBe('国家重点研发计划“港澳台科技创新合作”重点专项2027年度第一批项目申报指南');
    expect(d.directions.map((x) => [x.id, x.title, x.projectCount?.value])).toEqual([
      ['1.1', '内地与香港联合研究项目（生命健康）', 5],
      ['1.2', '内地与香港联合研究项目（人工智能）', 4],
    ]);
  });
});
