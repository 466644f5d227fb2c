/**
 * Page furniture is removed only on positive evidence: a line repeated at the foot (head) of many
 * pages with the same words, or a page number. A line that holds only punctuation is no running
 * footer, however often it ends a page: it is the end of a sentence wrapped onto a line of its own.
 */
import { describe, expect, it } from 'vitest';
import { clean } from '../../src/clean/index.js';
import { diff, hasChanges } from '../../src/diff/index.js';
import { ingestText, loadText, seed, seedParagraphs } from '../helpers/seed.js';


/**
 * The paragraphs wrapped at `width` CJK characters; a page ends after a paragraph whose final `。`
 * is wrapped onto a line of its own, once the page holds `minLines` lines.
 */
function rewrap(paras: readonly string[], width: number, minLines: number): { text: string; lonePeriods: number } {
  const out: string[] = [];
  let onPage = 0;
  let page = 1;
  let lonePeriods = 0;
  for (const p of paras) {
    const chars = [...p];
    const lone = onPage + Math.ceil(chars.length / width) >= minLines && chars.length > width && p.endsWith('。');
    const body = lone ? chars.slice(0, -1) : chars;
    // Every `width` CJK characters' worth (a Latin letter or digit takes half); a Latin word is
    // never cut (the line ends before it), as word processors keep Latin words whole.
    const latin = (c: string | undefined): boolean => c !== undefined && /[A-Za-z]/.test(c);
    const w = (c: string): number => (c.charCodeAt(0) < 0x1100 ? 1 : 2);
    for (let i = 0; i < body.length; ) {
      let j = i;
      let used = 0;
      while (j < body.length && used + w(body[j]!) <= width * 2) used += w(body[j++]!);
      while (j < body.length && j > i + 1 && latin(body[j - 1]) && latin(body[j])) j--;
      // A space at the break stays at the end of the line, as typesetting leaves it.
      while (j < body.length && body[j] === ' ') j++;
      out.push(`${onPage === 0 && page > 1 ? ' ' : ''}${body.slice(i, j).join('')}`);
      onPage++;
      i = j;
    }
    if (lone) {
      out.push('。');
      out.push(`— ${page++} —`);
      onPage = 0;
      lonePeriods++;
    }
  }
  return { text: out.join('\n'), lonePeriods };
}

describe('running footers', () => {
  it.each([24, 30, 36])('a `。` wrapped alone onto the last line of many pages stays: the seed at width %i extracts the same values', async (width) => {
    const { doc } = await seed();
    const { text, lonePeriods } = rewrap(await seedParagraphs(), width, 8);
    expect(lonePeriods).toBeGreaterThan(10);
    const c = clean(await loadText(text));
    expect(c.removed.filter((r) => r.kind === 'running-footer' || r.kind === 'running-header')).toEqual([]);
    const other = await ingestText(text, 'lone-period.txt');
    const d = diff(doc, other);
    expect(d.directions.filter((x) => x.status !== 'unchanged')).toEqual([]);
    expect([d.document.changes, d.summary.changes, d.checks]).toEqual([[], [], { added: [], resolved: [], changed: [] }]);
    expect(hasChanges(d)).toBe(false);
  });

  it.each(['。', '……', '——', '）。', '...', '•'])('a line of punctuation only (%s) at the foot of every page is text', async (p) => {
    const pages = Array.from({ length: 6 }, (_, i) => `甲乙丙丁戊己庚辛壬癸第${i}段\n第二行的文字内容\n第三行的文字内容\n${p}\n— ${i + 1} —`);
    const c = clean(await loadText(pages.join('\n')));
    expect(c.removed.filter((r) => r.kind === 'running-footer')).toEqual([]);
    expect(c.lines.filter((l) => l.text.text === p).length).toBe(6);
  });

  it('a line with the same words at the foot of most pages is still a running footer', async () => {
    const pages = Array.from({ length: 6 }, (_, i) => `甲乙丙丁戊己庚辛壬癸第${i}段\n第二行的文字内容\n第三行的文字内容\n科技部国际合作司\n— ${i + 1} —`);
    const c = clean(await loadText(pages.join('\n')));
    expect(c.removed.filter((r) => r.kind === 'running-footer').map((r) => [r.text, r.page])).toEqual(
      Array.from({ length: 6 }, (_, i) => ['科技部国际合作司', i + 1]),
    );
  });
});

describe('stamps', () => {
  it('the same short line on every page wherever it falls (`内部征求意见 2024-10`) is a running line; a label or a sentence repeated is not', async () => {
    const page = (n: number, body: string[]) => [...body.slice(0, 2), '内部征求意见 2024-10', ...body.slice(2), `— ${n} —`];
    const text = [
      ...page(1, ['国家重点研发计划“战略性科技创新合作”重点专项', '2025年度项目申报指南', '1.1 中国和德国政府间联合研究项目', '其他要求', '合作项目必须双方同时申报，单方申报无效。']),
      ...page(2, ['1.2 中国和法国政府间联合研究项目', '其他要求', '合作项目必须双方同时申报，单方申报无效。', '拟支持项目数：3个。']),
      ...page(3, ['1.3 中国和英国政府间联合研究项目', '其他要求', '合作项目必须双方同时申报，单方申报无效。', '拟支持项目数：2个。']),
      ...page(4, ['1.4 中国和意大利政府间联合研究项目', '其他要求', '合作项目必须双方同时申报，单方申报无效。', '拟支持项目数：4个。']),
    ].join('\n');
    const c = clean(await loadText(text));
    const stamps = c.removed.filter((r) => r.kind === 'running-header').map((r) => r.text);
    expect(stamps).toEqual(['内部征求意见 2024-10', '内部征求意见 2024-10', '内部征求意见 2024-10', '内部征求意见 2024-10']);
    expect(c.lines.filter((l) => l.text.text === '其他要求').length).toBe(4);
    expect(c.lines.filter((l) => l.text.text.startsWith('合作项目必须双方同时申报')).length).toBe(4);
  });
});

describe('a text viewer’s page furniture in a copy', () => {
  it('removes its watermark rows wherever they fall, and its foot after the page number and its head with the page counter', async () => {
    const mark = '内部资料　注意保密　　张*伟　gdkj_zw2381　2027-03-18 14:22    内部资料　注意保密　　张*伟　gdkj_zw2381　2027-03-18 14:22';
    const foot = '预览人：张*伟（gdkj_zw2381）　预览时间：2027-03-18 14:22:07　IP：10.88.3.145　本文件仅限在线查阅，请勿截屏、拍照或外传';
    const page = (n: number, body: string[]) => [`附件1：港澳台科技创新合作重点专项2027年度第二批项目申报指南（征求意见稿）.pdf　　第 ${n} 页 / 共 4 页`, body[0]!, mark, ...body.slice(1, 3), mark, ...body.slice(3), `— ${n} —`, foot, ''];
    const text = [
      ...page(1, ['1.1 内地与香港联合研究项目（生命健康）', '合作协议：《内地与香港关于加强创新科技合作的安排》。', '领域方向：创新药物与疫苗；高端医疗器械；', '中医药现代化。', '拟支持项目数：5个。']),
      ...page(2, ['1.2 内地与香港联合研究项目（信息科技）', '合作协议：《内地与香港关于加强创新科技合作的安排》。', '领域方向：人工智能；集成电路设计；金融科', '技；智慧城市。', '拟支持项目数：4个。']),
      ...page(3, ['1.3 内地与澳门联合研究项目（中医药）', '合作协议：《内地与澳门关于深化科技创新合作的安排》。', '领域方向：中药质量标准；中药新药研', '发。', '拟支持项目数：3个。']),
      ...page(4, ['1.4 海峡两岸产业技术联合研发项目', '合作协议：海峡两岸科技交流合作机制。', '领域方向：芯片设计；先进封装；', '半导体材料。', '拟支持项目数：4个。']),
    ].join('\n');
    const c = clean(await loadText(text));
    expect(c.lines.map((l) => l.text.text).filter((t) => /内部资料|预览人|附件1/.test(t))).toEqual([]);
    expect(c.removed.filter((r) => r.kind === 'running-header' || r.kind === 'running-footer')).toHaveLength(16);
    const d = await ingestText(Buffer.from(text), 'preview.txt');
    expect(d.directions.map((x) => x.domains.map((y) => y.label))).toEqual([
      ['创新药物与疫苗', '高端医疗器械', '中医药现代化'],
      ['人工智能', '集成电路设计', '金融科技', '智慧城市'],
      ['中药质量标准', '中药新药研发'],
      ['芯片设计', '先进封装', '半导体材料'],
    ]);
  });
});

describe('a running head a converter put after the page’s first line', () => {
  // A PDF exported to Word: the page's head in a text box anchored in the page's first paragraph,
  // written after it; the title without its programme's name, the same words on every page.
  const head = '“海洋牧场与深远海养殖装备”重点专项2026年度项目申报指南';
  const text = [
    '国家重点研发计划“海洋牧场与深远海养殖装备”',
    '重点专项2026年度项目申报指南',
    '（征求意见稿）',
    '本专项拟启动3个指南方向。',
    '1.1 深远海大型养殖平台水动力特性与结构安全（基',
    '— 1 —',
    '础研究类）',
    head,
    '研究内容：研究养殖平台水动力特性。',
    '— 2 —',
    '1.2 养殖平台极端海况智能感知与预警（青年科学家',
    head,
    '项目）',
    '研究内容：研究极端海况短临预报方法。',
    '— 3 —',
    '考核指标：建立预报模型1套。',
    head,
  ].join('\n');

  it('is removed and logged on every page, and a title does not swallow it', async () => {
    const doc = await ingestText(text, 'pdf2word.txt');
    expect(doc.directions.map((d) => d.title)).toEqual(['深远海大型养殖平台水动力特性与结构安全（基础研究类）', '养殖平台极端海况智能感知与预警（青年科学家项目）']);
    expect(doc.removed.filter((r) => r.kind === 'running-header').map((r) => r.text)).toEqual([head, head, head]);
  });

  it('a title printed once, of its own, stays (a post’s headline over the guideline it holds)', async () => {
    const once = ['2026年度山东省重点研发计划（国际科技合作）项目申报指南发布', '2026年度山东省重点研发计划（国际科技合作）项目申报指南', '一、支持方向', '1. 中国和德国联合研究项目', '拟支持项目数：3个。'].join('\n');
    const doc = await ingestText(once, 'post.txt');
    expect(doc.removed.filter((r) => r.kind === 'running-header')).toEqual([]);
  });
});

describe('a running head that names the part the page is in', () => {
  const page = (n: number, head: string, body: readonly string[]) => ['', `第${n}页`, head, '', ...body];
  const text = [
    '“深远海智能养殖与渔业装备”重点专项2026年度项目申报指南',
    '一、申报说明',
    '本专项拟部署4个指南方向。',
    ...page(1, '申报说明', ['二、指南方向', '1. 深远海养殖环境感知', '1.1 养殖水体原位监测技术（共性关键技术类）', '研究内容：研制原位长期监测浮标。', '考核指标：研制传感器不少于6类。', '有关说明：须由企业牵头申报。']),
    ...page(2, '深远海养殖环境感知', ['1.2 养殖区灾害精细化预报（基础研究类）', '研究内容：研究致灾机理。', '考核指标：建立预报模型1套。', '关键词：海洋灾害，水下机']),
    ...page(3, '深远海养殖环境感知', ['器人', '有关说明：鼓励预报机构参与。', '2. 深远海智能养殖装备', '2.1 养殖工船关键技术（示范应用类）', '研究内容：研制养殖工船。', '考核指标：示范运营1个周期。', '有关说明：须由企业牵头申报。']),
    ...page(4, '深远海智能养殖装备', ['2.2 网衣清洗机器人（共性关键技术类）', '研究内容：研制网衣清洗机器人。', '考核指标：清洗效率提高一倍。', '有关说明：鼓励产学研联合申报。']),
  ].join('\n');

  it('is removed on every page, whichever part it names, and no field takes it', async () => {
    const doc = await ingestText(text, 'page-per-part.txt');
    expect(doc.directions.map((d) => [d.id, d.requirements.length])).toEqual([
      ['1.1', 1],
      ['1.2', 1],
      ['2.1', 1],
      ['2.2', 1],
    ]);
    expect(doc.directions[1]!.keywords.map((k) => k.text)).toEqual(['海洋灾害', '水下机器人']);
    expect(doc.removed.filter((r) => r.kind === 'running-header').map((r) => r.text)).toEqual(['申报说明', '深远海养殖环境感知', '深远海养殖环境感知', '深远海智能养殖装备']);
  });
});

describe('a bare number that is no page number', () => {
  it('a figure whose unit is on the next line (`指南方向` / `12` / `个`) and a designed list’s `01`, `02` … `10` are kept; `— 1 —` and a bare page number at a page’s end are removed', async () => {
    const lines = ['国家重点研发计划“政府间国际科技创新合作”重点专项2026年度项目申报指南', '', '指南方向', '12', '个', '', '合作国家', '11', '个', ''];
    for (let n = 1; n <= 10; n++) lines.push(n < 10 ? `0${n}` : String(n), `中国和越南政府间联合研究项目${n}`, '合作协议', '《中越政府间科技合作联委会第十二次会议议定书》', '');
    lines.push('— 1 —', '', '二、申报要求', '申报单位须为在中国大陆境内登记注册的科研院所。', '', '2', '');
    const cleaned = clean(await loadText(lines.join('\n')));
    const removed = cleaned.removed.filter((r) => r.kind === 'page-number').map((r) => r.text);
    expect(removed).toEqual(['— 1 —', '2']);
    const kept = cleaned.lines.map((l) => l.text.text);
    for (const n of ['12', '11', '01', '09', '10']) expect(kept).toContain(n);
  });
});

describe('how a research office passes a guideline on', () => {
  const body = (mark: (l: string) => string) =>
    [
      '国家重点研发计划“政府间国际科技创新合作”重点专项2026年度项目申报指南',
      '一、领域和方向',
      '1.1 中国和越南政府间联合研究项目',
      '合作协议：《中越科技合作联委会第十二次会议议定书》',
      '拟支持项目数：4项',
      '共拟支持经费：800万元',
      '项目实施周期：3年',
      '1.2 中国和泰国政府间联合研究项目',
      '合作协议：《中泰科技合作联委会第二十五次会议纪要》',
      '拟支持项目数：8项',
      '共拟支持经费：1600万元',
      '项目实施周期：2年',
      '二、申报要求',
      '申报单位须为在中国大陆境内登记注册的科研院所、高等学校和企业。',
    ].map(mark);

  it('a unified diff of the draft against the final version reads as the final version: `-` lines and the marks logged as revision, the frame as web chrome', async () => {
    const lines = body((l) => ` ${l}`);
    lines.splice(5, 1, '-共拟支持经费：700万元', '+共拟支持经费：800万元');
    const text = ['diff -u draft/指南.txt final/指南.txt', '--- draft/指南.txt\t2026-02-11 09:32:18 +0800', '+++ final/指南.txt\t2026-03-27 16:05:42 +0800', '@@ -1,14 +1,14 @@', ...lines, '\\ No newline at end of file'].join('\n');
    const doc = await ingestText(text);
    expect(doc.directions.map((d) => [d.id, d.funding?.amountCNY])).toEqual([
      ['1.1', 8_000_000],
      ['1.2', 16_000_000],
    ]);
    expect(doc.removed.filter((r) => r.kind === 'revision').map((r) => r.text)).toContain('-共拟支持经费：700万元');
    expect(doc.removed.filter((r) => r.kind === 'web-chrome').map((r) => r.text)).toContain('@@ -1,14 +1,14 @@');
  });

  it('a task page’s notes (`@王磊`, `📅 2026-03-20`, `💬 …`) are the office’s, logged as chat; task boxes are markup', async () => {
    const lines = body((l) => (/^1\.\d/.test(l) ? `- [x] **${l}**` : `    - ${l}`));
    lines.splice(7, 0, '    - [ ] *校内限报2项，3月20日前报方向负责人* @赵可 📅 2026-03-20', '    - 💬 @赵可：航空学院两个团队有意向');
    lines.push('- [ ] 校内评审专家名单待定 @王磊');
    const doc = await ingestText(lines.join('\n'), 'tasks.md');
    expect(doc.directions.map((d) => [d.id, d.projectCount?.value, d.requirements.length])).toEqual([
      ['1.1', 4, 0],
      ['1.2', 8, 0],
    ]);
    expect(doc.removed.filter((r) => r.kind === 'chat')).toHaveLength(3);
    expect(doc.checks.map((c) => c.code)).not.toContain('placeholder');
  });
});

describe('a printer\'s slug', () => {
  it('logs the slug a layout program prints on each sheet (file, page, time: `….indd 3 2026/4/3 9:12:00`) and reads the seed as without it', async () => {
    const { doc } = await seed();
    const pages = (await seedParagraphs()).join('\n').split(/(?<=。)\n/);
    // A slug after every fourth paragraph, as a text copy of a print-ready PDF gives it (spaces round the Latin too).
    const text = pages.map((p, i) => (i % 4 === 3 ? `${p}\n港澳台指南 2026 第一批 _ 印刷版 .indd ${(i + 1) / 4} 2026/4/3 9:12:00` : p)).join('\n');
    const c = clean(await loadText(text));
    const slugs = c.removed.filter((r) => r.kind === 'running-footer' && /\.indd/.test(r.text));
    expect(slugs.length).toBe(Math.floor(pages.length / 4));
    const d = diff(doc, await ingestText(text, 'slug.txt'));
    expect(d.directions.filter((x) => x.status !== 'unchanged')).toEqual([]);
    // (A sentence that names a file is no slug.)
    const named = clean(await loadText('请下载附件《申报指南.indd》并于2026/4/3前提交。'));
    expect(named.removed.filter((r) => r.kind === 'running-footer')).toEqual([]);
  });
});

describe('a reply that answers inside the quoted guideline', () => {
  it('drops the correspondents’ remarks between the deeper-quoted lines, the guideline’s text going on across them', async () => {
    const g = [
      '国家重点研发计划“政府间国际科技创新合作”重点专项2027年度第一批项目申报指南',
      '本批项目设立2个指南方向，拟支持项目数8个，国拨经费总概算2400万元。',
      '1.1 中国和葡萄牙政府间联合研究项目',
      '合作协议：《中葡科技合作联委会第八次会议纪要》。',
      '领域方向：海洋科学与技术；可再生能源。',
      '拟支持项目数：4个。',
      '共拟支持经费：1200万元人民币。',
      '其他要求：合作项目必须双方同时申报，单方',
      '申报无效。',
      '1.2 中国和智利政府间联合研究项目',
      '合作协议：《中智科技合作联委会第五次会议纪要》。',
      '领域方向：天文；铜矿开采。',
      '拟支持项目数：4个。',
      '共拟支持经费：1200万元人民币。',
    ];
    const quoted = g.map((l) => `> > ${l}`);
    quoted.splice(8, 0, '> [李明] 必须企业牵头的话我们就不报了，其他经费与国拨经费比例不低于1:1吗？', '不需要，这个方向没有企业牵头的要求。');
    const text = ['王老师：', '问题我逐条回复在下面了。', '', '在 2027/3/18 09:41, 李明 写道:', '> 王老师好，', '>', ...quoted].join('\n');
    const d = await ingestText(Buffer.from(text), 'reply.txt');
    expect(d.directions.map((x) => [x.id, x.conditions.leadingEnterprise, x.conditions.matchingRatio])).toEqual([
      ['1.1', null, null],
      ['1.2', null, null],
    ]);
    expect(d.directions[0]!.requirements.map((r) => r.text)).toEqual(['合作项目必须双方同时申报，单方申报无效。']);
    expect(d.removed.filter((r) => r.kind === 'email' && /李明\]|不需要/.test(r.text))).toHaveLength(2);
  });
});
