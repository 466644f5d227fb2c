/**
 * A key programme's directions as an A3 table: a row of figures per direction (序号 | 指南方向 |
 * 项目类别 | 关键词 | 拟支持项目数 | 实施期限), a row merged across the table under each with its
 * 研究内容 and 考核指标 (a detail row, its text in every cell as a merged cell is read), group
 * captions (`1. 林木种质资源…`) between them, and a detail row that a page turn cuts mid-sentence.
 * The same directions written as headings and fields must read the same (metamorphic property).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ingestText } from '../helpers/seed.js';
import type { Guideline } from '../../src/schema/guideline.js';

interface Dir {
  id: string;
  title: string;
  category: string;
  keywords: string[];
  count: string;
  years: string;
  content: string;
  indicators: string[];
}

const GROUPS: readonly [string, readonly Dir[]][] = [
  [
    '1. 海洋观测装备',
    [
      { id: '1.1', title: '深远海长期定点观测浮标关键技术', category: '共性关键技术类', keywords: ['观测浮标', '长期定点', '能源自持'], count: '1～2', years: '4', content: '针对深远海长期观测装备能源供给不足、数据回传不稳定等问题，研究浮标能源自持与低功耗管理技术，研制长期定点观测浮标样机，开展海上试验与业务化验证。', indicators: ['研制观测浮标样机2套，连续无故障工作时间不少于12个月', '形成浮标观测数据质量控制规范1项'] },
      { id: '1.2', title: '海底观测网接驳与组网技术', category: '基础研究类', keywords: ['海底观测网', '接驳盒'], count: '1', years: '5', content: '研究海底观测网水下接驳、能源分配与信息传输机理，建立多节点组网的可靠性评估方法，提出海底观测网扩展与运维的技术方案。', indicators: ['提出海底观测网组网可靠性评估方法1套', '完成不少于3个节点的组网试验'] },
    ],
  ],
  [
    '2. 海洋数据与服务',
    [
      { id: '2.1', title: '海洋环境数字孪生与智能预报', category: '共性关键技术类', keywords: ['数字孪生', '智能预报', '海洋环境'], count: '1～2', years: '4', content: '面向海洋防灾减灾和航运保障需求，构建高分辨率海洋环境数字孪生系统，研发融合物理机理与人工智能的海洋环境智能预报模型，开展典型海域的业务化试运行和预报检验评估。', indicators: ['构建海洋环境数字孪生系统1套', '预报时效提升至10天以上', '在不少于2个海域开展业务化试运行'] },
      { id: '2.2', title: '海洋大数据共享服务平台', category: '示范应用类', keywords: ['大数据', '共享服务'], count: '1', years: '3', content: '研究多源海洋数据汇聚、治理与安全共享技术，建设海洋大数据共享服务平台，面向科研和行业用户开展示范服务。', indicators: ['建成海洋大数据共享服务平台1个', '服务用户单位不少于50家'] },
    ],
  ],
];

const PREAMBLE = `国家重点研发计划“海洋环境安全保障与岛礁可持续发展”重点专项2026年度项目申报指南

　　本专项2026年度指南部署2个技术方向，拟启动4个指南方向，拟支持项目数不超过6项，拟安排国拨经费总概算1.2亿元。

　　一、2026年度指南方向
`;
const AFTER = `
　　二、申报要求
　　1. 申报单位应为中国大陆境内注册的科研院所、高等学校和企业等。
　　2. 项目负责人须具有高级职称或博士学位。
`;

const indicatorText = (d: Dir) => d.indicators.map((x, k) => `（${k + 1}）${x}`).join('；') + '。';

/** The directions as headings and labelled fields, one to a line. */
function asHeadings(): string {
  const body = GROUPS.map(([group, dirs]) =>
    [
      `　　${group}`,
      ...dirs.map((d) => [`　　${d.id} ${d.title}（${d.category}）`, `　　研究内容：${d.content}`, `　　考核指标：${indicatorText(d)}`, `　　关键词：${d.keywords.join('；')}`, `　　拟支持项目数：${d.count}项`, `　　实施期限：${d.years}年`].join('\n')),
    ].join('\n'),
  ).join('\n');
  return `${PREAMBLE}${body}\n${AFTER}`;
}

/** The directions as an A3 table with detail rows; `cut`: where the detail row of direction `cut.at` is parted by a page turn (a share of its length). */
function asTable(cut: { at: number; share: number } | null): string {
  const columns = 6;
  const merged = (s: string) => `| ${Array.from({ length: columns }, () => s).join(' | ')} |`;
  const rows: string[] = ['| 序号 | 指南方向 | 项目类别 | 关键词 | 拟支持项目数（项） | 实施期限（年） |', '| --- | --- | --- | --- | --- | --- |'];
  let n = 0;
  for (const [group, dirs] of GROUPS) {
    rows.push(merged(group));
    for (const d of dirs) {
      rows.push(`| ${d.id} | ${d.title} | ${d.category} | ${d.keywords.join('；')} | ${d.count} | ${d.years} |`);
      const detail = `研究内容：${d.content}考核指标：${indicatorText(d)}`;
      if (cut && cut.at === n) {
        // (Cut inside the research content, never at a sentence's end nor before a label.)
        const k = Math.max(8, Math.min(d.content.length - 2, Math.round(d.content.length * cut.share))) + '研究内容：'.length;
        const at = /[。；，、]/.test(detail[k - 1]!) ? k + 1 : k;
        rows.push(merged(detail.slice(0, at)), merged(detail.slice(at)));
      } else rows.push(merged(detail));
      n++;
    }
  }
  return `${PREAMBLE}\n${rows.join('\n')}\n${AFTER}`;
}

const values = (doc: Guideline) =>
  doc.directions.map((d) => ({
    id: d.id,
    // (A title keeps the category it is printed with, `…技术（共性关键技术类）`; the table prints it apart.)
    title: d.title.replace(/（[^（）]*类）$/, ''),
    category: d.category,
    keywords: d.keywords.map((k) => k.text),
    count: d.projectCount ? [d.projectCount.min ?? null, d.projectCount.value] : null,
    years: d.duration?.maxYears ?? null,
    content: d.researchContent.map((p) => p.text).join(''),
    indicators: d.indicators.map((i) => i.text.replace(/^（\d+）/, '').replace(/[；。]$/, '')),
  }));

describe('a key programme’s A3 table with a detail row under each direction', () => {
  it('reads the heading form as written (the reference for the table)', async () => {
    const doc = await ingestText(asHeadings(), 'headings.txt');
    const got = values(doc);
    expect(got.map((d) => d.id)).toEqual(['1.1', '1.2', '2.1', '2.2']);
    expect(got[2]).toEqual({
      id: '2.1',
      title: '海洋环境数字孪生与智能预报',
      category: '共性关键技术类',
      keywords: ['数字孪生', '智能预报', '海洋环境'],
      count: [1, 2],
      years: 4,
      content: GROUPS[1]![1][0]!.content,
      indicators: GROUPS[1]![1][0]!.indicators,
    });
  });

  it('reads each detail row into the direction above it, the group captions as groups, not directions', async () => {
    const table = await ingestText(asTable(null), 'table.txt');
    expect(values(table)).toEqual(values(await ingestText(asHeadings(), 'headings.txt')));
    expect(table.checks.map((c) => c.code)).not.toContain('direction-count-mismatch');
  });

  it('reads a detail row cut by a page turn mid-sentence as one paragraph, wherever the cut falls (property)', async () => {
    const want = values(await ingestText(asHeadings(), 'headings.txt'));
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 3 }), fc.double({ min: 0.1, max: 0.9, noNaN: true }), async (at, share) => {
        const doc = await ingestText(asTable({ at, share }), 'table.txt');
        expect(values(doc)).toEqual(want);
        expect(doc.directions[at]!.researchContent).toHaveLength(1);
      }),
      { numRuns: 8 },
    );
  });
});
