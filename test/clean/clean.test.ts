import { describe, expect, it } from 'vitest';
import { clean, pageNumberOf, renderCleaned } from '../../src/clean/index.js';
import { loadText } from '../helpers/seed.js';

const cleanText = async (text: string) => clean(await loadText(text));
const lines = async (text: string): Promise<string[]> => (await cleanText(text)).lines.map((l) => l.text.text);

describe('page numbers', () => {
  it.each([
    ['— 18 —', 18],
    ['- 3 -', 3],
    ['—3—', 3],
    ['第 3 页', 3],
    ['第3页 共20页', 3],
    ['3/20', 3],
    ['Page 7 of 9', 7],
    ['12', 12],
  ])('%s is page %i', (line, n) => {
    expect(pageNumberOf(line)).toBe(n);
  });

  it.each(['1.1中国和越南', '2025年', '第3页的内容', '— 注 —', '3/20年'])('%s is no page number', (line) => {
    expect(pageNumberOf(line)).toBeNull();
  });

  it('removes page-number lines, logs them with their page, and counts pages from them', async () => {
    const c = await cleanText('甲乙丙。\n- 1 -\n丁戊己。\n- 2 -\n庚辛。\n');
    expect(c.lines.map((l) => l.text.text)).toEqual(['甲乙丙。', '丁戊己。', '庚辛。']);
    expect(c.removed.map((r) => [r.kind, r.text, r.line, r.page])).toEqual([
      ['page-number', '- 1 -', 2, 1],
      ['page-number', '- 2 -', 4, 2],
    ]);
    expect(c.layout.pageOfLine.slice(0, 5)).toEqual([1, 1, 2, 2, 3]);
    expect(c.layout.pageNumbering).toBe('printed');
  });

  // Found by the idempotence property (`第 2 页１`): a line that is a page number once the page
  // number inside it is gone is a page-number line, and no cleaned line starts or ends with the
  // space that stood beside a removed page number.
  it.each([
    ['第 2 页１', []],
    ['第 2 页 １', []],
    ['第 2 页1', []],
    ['第 2 页 中国', ['中国']],
    ['abc - 3 -', ['abc']],
    ['x第 2 页１', ['x1']],
  ])('%s cleans to %j, and cleaning that again changes nothing', async (text, want) => {
    const c = await cleanText(text);
    expect(c.lines.map((l) => l.text.text)).toEqual(want);
    if (want.length > 0) expect(await lines(renderCleaned(c))).toEqual(want);
  });

  it('logs what is left of such a line as a page number', async () => {
    const c = await cleanText('第 2 页１');
    expect(c.removed.map((r) => [r.kind, r.text])).toEqual([
      ['inline-page-number', '第 2 页'],
      ['fullwidth-alnum', '１'],
      ['page-number', '１'],
    ]);
  });

  it('treats form feeds as page breaks', async () => {
    const c = await cleanText('甲。\n\f乙。\n\f丙。');
    expect(c.layout.pageOfLine).toEqual([1, 2, 3]);
    expect(c.layout.pageNumbering).toBe('counted');
  });
});

describe('URL artefact lines', () => {
  const body = '申报单位应提供文件（文件模板下载链接：待定）。外方合作单位自行签章出具的文件不符合上述要求。';
  it('removes a URL line whose rest repeats text found elsewhere, even in mid-sentence', async () => {
    const text = `${body}\n项目应达到以下\nhttps://example.org/a.html）。外方合作单位自行签章出具的文件不符合上述要求。\n基本考核指标。`;
    const c = await cleanText(text);
    expect(c.lines.map((l) => l.text.text)).toEqual([body, '项目应达到以下', '基本考核指标。']);
    expect(c.removed.map((r) => [r.kind, r.line])).toEqual([['url-artefact', 3]]);
  });

  it('keeps a URL line that says something new, and a URL alone', async () => {
    expect(await lines(`${body}\nhttps://example.org/a.html 见附件二的新表格内容。\nhttps://example.org/b.html`)).toEqual([
      body,
      'https://example.org/a.html 见附件二的新表格内容。',
      'https://example.org/b.html',
    ]);
  });
});

describe('characters', () => {
  it('replaces Kangxi radicals and compatibility ideographs, keeping the original in the log', async () => {
    const c = await cleanText('⼀般为三年，⾯向企业，\uf900车');
    expect(c.lines[0]!.text.text).toBe('一般为三年，面向企业，豈车');
    expect(c.removed.map((r) => [r.kind, r.text, r.replacement])).toEqual([
      ['lookalike-glyph', '⼀', '一'],
      ['lookalike-glyph', '⾯', '面'],
      ['lookalike-glyph', '\uf900', '豈'],
    ]);
  });

  it('catches every Kangxi radical (U+2F00–U+2FD5) and every CJK compatibility ideograph', async () => {
    const kangxi = Array.from({ length: 0x2fd5 - 0x2f00 + 1 }, (_, i) => String.fromCodePoint(0x2f00 + i));
    const compat = Array.from({ length: 0xfad9 - 0xf900 + 1 }, (_, i) => String.fromCodePoint(0xf900 + i)).filter((c) => c.normalize('NFKC') !== c);
    const c = await cleanText(`${kangxi.join('')}\n${compat.join('')}`);
    const out = c.lines.map((l) => l.text.text).join('');
    expect([...out]).toHaveLength(kangxi.length + compat.length);
    expect([...out].every((ch) => /\p{Unified_Ideograph}/u.test(ch))).toBe(true);
    expect(c.removed.filter((r) => r.kind === 'lookalike-glyph')).toHaveLength(kangxi.length + compat.length);
  });

  it('catches every CJK compatibility ideograph of the supplementary plane (U+2F800–U+2FA1D)', async () => {
    const compat = Array.from({ length: 0x2fa1d - 0x2f800 + 1 }, (_, i) => String.fromCodePoint(0x2f800 + i));
    const c = await cleanText(compat.join(''));
    const out = [...c.lines.map((l) => l.text.text).join('')];
    expect(out).toHaveLength(compat.length);
    expect(out.every((ch) => /\p{Unified_Ideograph}/u.test(ch))).toBe(true);
  });

  it('maps the radicals that some fonts give for whole characters (征求意⻅稿, ⻓期, ⻔户)', async () => {
    const c = await cleanText('征求意⻅稿：⻓期⻔户开放，⻢来西亚、⻄班⽛，⻚码');
    expect(c.lines[0]!.text.text).toBe('征求意见稿：长期门户开放，马来西亚、西班牙，页码');
    expect(c.removed.filter((r) => r.kind === 'lookalike-glyph').map((r) => `${r.text}${r.replacement}`)).toEqual([
      '⻅见', '⻓长', '⻔门', '⻢马', '⻄西', '⽛牙', '⻚页',
    ]);
  });

  it('leaves radicals that only occur as components (⺅ ⺡ ⻌) as they are, without a log entry', async () => {
    const c = await cleanText('⺅⺡⻌');
    expect(c.lines[0]!.text.text).toBe('⺅⺡⻌');
    expect(c.removed).toEqual([]);
  });

  it('maps the punctuation look-alikes PDF fonts give (― for —, 〜 for ～, － and ‐ for -), logged', async () => {
    const c = await cleanText('2023―2025年，2〜3年，2026－2028年，中国‐欧盟');
    expect(c.lines[0]!.text.text).toBe('2023—2025年，2～3年，2026-2028年，中国-欧盟');
    expect(c.removed.filter((r) => r.kind === 'lookalike-glyph').map((r) => `${r.text}${r.replacement}`)).toEqual(['―—', '〜～', '－-', '‐-']);
  });

  it('turns half-width punctuation in Chinese text full-width, and leaves it in numbers, Latin text and URLs', async () => {
    expect(await lines('其他要求:(1)单方申报无效;(2)比例1:1,金额1,500万元,日本国际协力机构(JICA),见https://a.org/x (p. 3)')).toEqual([
      '其他要求：（1）单方申报无效；（2）比例1:1，金额1,500万元，日本国际协力机构（JICA），见https://a.org/x (p. 3)',
    ]);
    expect(await lines('Section 2.1: Traces (see Fig. 3), done; ok')).toEqual(['Section 2.1: Traces (see Fig. 3), done; ok']);
    const c = await cleanText('"政府间国际科技创新合作"重点专项');
    expect(c.lines[0]!.text.text).toBe('“政府间国际科技创新合作”重点专项');
    expect(c.removed.map((r) => [r.kind, r.text, r.replacement])).toEqual([
      ['halfwidth-punct', '"', '“'],
      ['halfwidth-punct', '"', '”'],
    ]);
  });

  it('turns full-width digits and letters into ASCII', async () => {
    expect(await lines('拟支持项目数：１５个，ＪＩＣＡ')).toEqual(['拟支持项目数：15个，JICA']);
  });

  it('drops spaces next to CJK characters, not between words or after a URL', async () => {
    expect(await lines('设立 15 个方向，2024年 1月 1日前，日本 JICA，“Associated Partner”，可持续 能源，见 https://a.org/x 链接')).toEqual([
      '设立15个方向，2024年1月1日前，日本JICA，“Associated Partner”，可持续能源，见https://a.org/x 链接',
    ]);
  });

  it('keeps a map from every cleaned character back to the source', async () => {
    const c = await cleanText(' 设立 15 个');
    const m = c.lines[0]!.text;
    expect(m.text).toBe('设立15个');
    expect([...m.from]).toEqual([1, 2, 4, 5, 7]);
  });
});

describe('page-start indents and running headers', () => {
  it('a rare single leading space starts a page; common leading spaces are indentation', async () => {
    const marked = await cleanText('甲。\n 乙。\n丙。\n 丁。\n戊。\n 己。\n庚。\n');
    expect(marked.removed.filter((r) => r.kind === 'page-start-indent')).toHaveLength(3);
    expect(marked.layout.pages).toBe(4);
    const indented = await cleanText(' 甲。\n 乙。\n 丙。\n 丁。\n 戊。\n 己。\n 庚。\n');
    expect(indented.removed).toEqual([]);
    expect(indented.layout.pages).toBeNull();
  });

  it('keeps a field line that ends most pages: a running footer is never a field or list item', async () => {
    const page = (n: number): string => `第${n}页的正文内容。\n更多正文。\n共拟支持经费：800万元人民币。\n— ${n} —\n`;
    const c = await cleanText([1, 2, 3, 4].map(page).join(''));
    expect(c.removed.filter((r) => r.kind === 'running-footer')).toEqual([]);
    expect(c.lines).toHaveLength(12);
  });

  it('a running head under the page number, then the page’s start indent: one page, the head removed', async () => {
    // (A PDF copy: `— 1 —` at a page's foot, the next page's head, its first line led by a space.)
    const page = (n: number): string => `${n > 1 ? '国家重点研发计划“港澳台科技创新合作”重点专项 2025 年度项目申报指南\n' : ''}${n > 1 ? ' ' : ''}第${n}页的正文内容，接上页。\n更多正文。\n再多一行正文。\n— ${n} —\n`;
    const c = await cleanText([1, 2, 3, 4, 5].map(page).join(''));
    expect(c.layout.pages).toBe(5);
    expect(c.removed.filter((r) => r.kind === 'running-header')).toHaveLength(4);
    expect(c.lines.map((l) => l.text.text).filter((t) => t.includes('申报指南'))).toEqual([]);
  });

  it('removes the same line at the top of most pages', async () => {
    const page = (n: number): string => `国家重点研发计划申报指南\n第${n}页的正文内容。\n更多正文。\n— ${n} —\n`;
    const c = await cleanText([1, 2, 3, 4].map(page).join(''));
    expect(c.removed.filter((r) => r.kind === 'running-header').map((r) => r.page)).toEqual([1, 2, 3, 4]);
    expect(c.lines.map((l) => l.text.text)).not.toContain('国家重点研发计划申报指南');
  });
});

describe('a guideline pasted into a group chat', () => {
  it('logs the senders and times, the app’s notes and others’ messages; the poster’s text reads on across the headers', async () => {
    const text = [
      '王静（科研院） 2025-03-14 09:41',
      '1.1 中国和德国联合研究项目',
      '拟支持项目数：8个。',
      '刘洋-材料学院 2025-03-14 09:47',
      '收到',
      '王静（科研院） 2025-03-14 09:49',
      '共拟支持经费：4000万元人民币。',
      '[文件] 附件1.docx',
      '王静（科研院）撤回了一条消息',
    ].join('\n');
    const c = await cleanText(text);
    expect(c.lines.map((l) => l.text.text)).toEqual(['1.1中国和德国联合研究项目', '拟支持项目数：8个。', '共拟支持经费：4000万元人民币。']);
    expect(c.removed.filter((r) => r.kind === 'chat').map((r) => r.text)).toEqual(['王静（科研院） 2025-03-14 09:41', '刘洋-材料学院 2025-03-14 09:47', '收到', '王静（科研院） 2025-03-14 09:49', '[文件] 附件1.docx', '王静（科研院）撤回了一条消息']);
    // One sender's messages (an SMS platform's forwards) are no conversation: nothing is taken.
    const sms = await cleanText(['平台 2026/03/18 09:12', '甲。', '平台 2026/03/18 09:13', '乙。', '平台 2026/03/18 09:14', '丙。'].join('\n'));
    expect(sms.removed.filter((r) => r.kind === 'chat')).toEqual([]);
  });
});

describe('blank lines', () => {
  it('are paragraph breaks in single-spaced text, and noise in double-spaced text', async () => {
    const single = await cleanText('甲乙。\n丙丁\n\n戊己。\n庚辛。\n壬癸。\n子丑。');
    expect(single.lines.map((l) => l.blankBefore)).toEqual([false, false, true, false, false, false]);
    const double = await cleanText('甲乙。\n\n丙丁\n\n戊己。\n\n庚辛。\n\n壬癸。');
    expect(double.lines.map((l) => l.blankBefore)).toEqual([false, false, false, false, false]);
  });

  it('render back so that cleaning again changes nothing', async () => {
    const c = await cleanText('甲乙。\n丙丁\n\n戊己。\n庚辛。\n壬癸。\n子丑。');
    expect(renderCleaned(c)).toBe('甲乙。\n丙丁\n\n戊己。\n庚辛。\n壬癸。\n子丑。');
  });
});

describe('tables', () => {
  it('keeps the cells of a column whose header names no field, under its header', async () => {
    const text = [
      '序号    指南方向                    拟支持项目数    拟支持经费（万元）    联络窗口',
      '1       中国和德国联合研究项目      3个             900                   甲方自定',
      '2       中国和法国联合研究项目      2个             600                   乙方自定',
      '',
    ].join('\n');
    const out = renderCleaned(clean(await loadText(text)));
    expect(out).toContain('联络窗口：甲方自定');
    expect(out).toContain('联络窗口：乙方自定');
  });

  it('reads a pdftotext table whose columns drift from line to line, one direction per row', async () => {
    // Columns start several places apart on each line (a proportional CJK font), the title and the
    // target parted by one space.
    const text = [
      '序号      揭榜任务            预期目标                   揭榜单位要求           拟支持揭榜   支持经费',
      '                                                                 单位数',
      '',
      ' 1    面向离散制造的工 1.研制工业大模型，支持不少于10类    1.牵头单位为企     1～2家    每家不超过',
      '        业大模型 场景；                                  业；                             1500万元',
      '               2.完成部署应用。                       2.鼓励联合揭榜。',
      '',
      ' 2 工业视觉缺陷检测 1.缺陷检出率不低于99.5%；         1.具有产品研发经      2家     每家不超过',
      '     通用平台 2.形成不少于3项标准草案。               验。                               800万元',
      '',
      '附件2',
    ].join('\n');
    const out = renderCleaned(clean(await loadText(text)));
    expect(out).toContain('面向离散制造的工业大模型');
    expect(out).toContain('工业视觉缺陷检测通用平台');
    expect(out).toMatch(/揭榜单位要求：1\.牵头单位为企业；2\.鼓励联合揭榜。/);
    expect(out).toMatch(/拟支持项目数：1～2家/);
    expect(out).toMatch(/支持经费：每家不超过800万元/);
  });
});

describe('invisible characters a copy hides in the text', () => {
  it('removes zero-width and format characters anywhere, each run logged', async () => {
    const hidden = '\u200b\u200c\u200d\u2060\ufeff\u200c';
    const c = await cleanText(`3.${hidden}2 草原火${hidden}灾智能预警\n拟支持项目数：1～2${'\u00ad'}项，实施周期20${'\u2066'}27${'\u2069'}年起3年。\n`);
    // The same lines as the text without them.
    expect(c.lines.map((l) => l.text.text)).toEqual(await lines('3.2 草原火灾智能预警\n拟支持项目数：1～2项，实施周期2027年起3年。\n'));
    expect(c.lines.map((l) => l.text.text)[1]).toBe('拟支持项目数：1～2项，实施周期2027年起3年。');
    expect(c.removed.filter((r) => r.kind === 'control-character')).toHaveLength(5);
  });
});
