/**
 * Versions of the seed with known edits: the diff reports exactly those edits, nothing else.
 */
import { describe, expect, it } from 'vitest';
import { diff, hasChanges } from '../../src/diff/index.js';
import { diffToHtml, diffToMarkdown } from '../../src/diff/report.js';
import { GuidelineDiff } from '../../src/schema/diff.js';
import type { Guideline } from '../../src/schema/guideline.js';
import { ingestText, seed, seedText } from '../helpers/seed.js';

const SEED = seedText();

/** Replaces `from` (which must occur exactly `times` times) in the seed. */
function edit(text: string, from: string, to: string, times = 1): string {
  const n = text.split(from).length - 1;
  if (n !== times) throw new Error(`'${from}' occurs ${n} times, expected ${times}`);
  return text.split(from).join(to);
}

/** The changes of a diff in a compact, comparable form. */
function summary(d: GuidelineDiff) {
  return {
    document: d.document.changes.map((c) => [c.field, c.kind, c.before, c.after]),
    summary: d.summary.changes.map((c) => [c.field, c.kind]),
    checks: { added: d.checks.added.map((c) => [c.code, c.directionId]), resolved: d.checks.resolved.map((c) => [c.code, c.directionId]) },
    directions: d.directions
      .filter((x) => x.status !== 'unchanged' || x.renumbered || x.moved)
      .map((x) => ({ status: x.status, oldId: x.oldId, newId: x.newId, renumbered: x.renumbered, moved: x.moved, changes: x.changes.map((c) => [c.field, c.kind, c.before, c.after]) })),
  };
}

const EMPTY = { document: [], summary: [], checks: { added: [], resolved: [] }, directions: [] };

async function against(text: string): Promise<{ old: Guideline; neu: Guideline; d: GuidelineDiff }> {
  const { doc: old } = await seed();
  const neu = await ingestText(text, 'edited.txt');
  return { old, neu, d: diff(old, neu) };
}

describe('diff of the seed with edited versions', () => {
  it('a removed and an added direction carry their whole record', async () => {
    const text = SEED.replace('1.2 中国和马来西亚政府间联合研究项目', '1.2 中国和泰国政府间联合研究项目');
    const { d } = await against(text);
    const removed = d.directions.find((x) => x.status === 'removed')!;
    const added = d.directions.find((x) => x.status === 'added')!;
    expect(removed.record).toMatchObject({ id: '1.2', partners: [{ name: '马来西亚' }], projectCount: { value: 6 }, funding: { amountCNY: 2_500_000 } });
    // Another partner is another direction: the new 1.2 is added, with its own record.
    expect(added.record).toMatchObject({ id: '1.2', partners: [{ name: '泰国' }], projectCount: { value: 6 }, funding: { amountCNY: 2_500_000 } });
    expect(d.directions.filter((x) => x.status === 'modified' || x.status === 'unchanged').every((x) => x.record === null)).toBe(true);
  });

  it('diff(a, a) is empty', async () => {
    const { doc } = await seed();
    const d = diff(doc, doc);
    expect(summary(d)).toEqual(EMPTY);
    expect(hasChanges(d)).toBe(false);
    expect(d.summary.counts).toEqual({ added: 0, removed: 0, modified: 0, unchanged: 15, renumbered: 0, moved: 0 });
    expect(GuidelineDiff.parse(JSON.parse(JSON.stringify(d)))).toEqual(d);
  });

  it('a funding change', async () => {
    const { d } = await against(edit(SEED, '共拟支持经费：800万元人民币。', '共拟支持经费：900万元人民币。'));
    expect(summary(d)).toEqual({
      ...EMPTY,
      // What the directions add up to changed with it.
      summary: [['computed.fundingCNY', 'changed']],
      directions: [{ status: 'modified', oldId: '1.1', newId: '1.1', renumbered: false, moved: false, changes: [['funding.amountCNY', 'changed', 8_000_000, 9_000_000]] }],
    });
    expect(d.summary.changes.find((c) => c.field === 'computed.fundingCNY')).toMatchObject({ before: 389_500_000, after: 390_500_000 });
    expect(d.summary.totals).toEqual({ old: { directions: 15, projects: 155, fundingCNY: 389_500_000 }, new: { directions: 15, projects: 155, fundingCNY: 390_500_000 } });
    // The funding-total mismatch is on both sides, with other figures: changed, not resolved + added.
    expect(d.checks.changed.map((c) => [c.before.code, c.before.computed, c.after.computed])).toEqual([['funding-total-mismatch', 389_500_000, 390_500_000]]);
    const c = d.directions[0]!.changes[0]!;
    expect([c.oldSpan?.line, c.newSpan?.line]).toEqual([89, 89]);
    expect(hasChanges(d)).toBe(true);
  });

  it('a project-count change', async () => {
    const { d } = await against(edit(SEED, '拟支持项目数：20个。\n\n共拟支持经费：6000万元人民币。\n\n其他要求：\n\n（1）合作项目为', '拟支持项目数：不超过25个。\n\n共拟支持经费：6000万元人民币。\n\n其他要求：\n\n（1）合作项目为'));
    expect(summary(d).directions).toEqual([
      { status: 'modified', oldId: '1.4', newId: '1.4', renumbered: false, moved: false, changes: [['projectCount', 'changed', { value: 20, qualifier: 'exact' }, { value: 25, qualifier: 'atMost' }]] },
    ]);
    // The stated total (约155) no longer matches the sum (160): a check appears.
    expect(summary(d).checks).toEqual({ added: [['project-total-mismatch', null]], resolved: [] });
  });

  it('a domain added', async () => {
    const { d } = await against(edit(SEED, '领域方向：生命健康；可再生能源。', '领域方向：生命健康；可再生能源；人工智能。'));
    expect(summary(d).directions).toEqual([
      { status: 'modified', oldId: '2.1', newId: '2.1', renumbered: false, moved: false, changes: [['domains[人工智能]', 'added', null, '人工智能']] },
    ]);
  });

  it('a requirement reworded, shown as a word-level diff', async () => {
    const { d } = await against(edit(SEED, '（1）中奥双方的合作单位投入力量要基本平衡。', '（1）中奥双方的合作单位投入力量应大体平衡。'));
    expect(summary(d).directions).toEqual([
      {
        status: 'modified',
        oldId: '1.8',
        newId: '1.8',
        renumbered: false,
        moved: false,
        changes: [['requirements[1]', 'reworded', '中奥双方的合作单位投入力量要基本平衡。', '中奥双方的合作单位投入力量应大体平衡。']],
      },
    ]);
    const ops = d.directions.find((x) => x.oldId === '1.8')!.changes[0]!.textDiff!;
    expect(ops.map((o) => o.op)).toEqual(['equal', 'delete', 'insert', 'equal']);
    expect(ops.filter((o) => o.op !== 'equal').map((o) => o.text).join('|')).toMatch(/要.*\|应/);
  });

  it('two requirements swapped', async () => {
    const { d } = await against(edit(SEED, '（1）中奥双方的合作单位投入力量要基本平衡。\n\n（2）中奥合作单位要签署明确的知识产权协议。', '（1）中奥合作单位要签署明确的知识产权协议。\n\n（2）中奥双方的合作单位投入力量要基本平衡。'));
    expect(summary(d).directions).toEqual([
      // Old requirement 1 is now the second: one move reported, not two.
      { status: 'modified', oldId: '1.8', newId: '1.8', renumbered: false, moved: false, changes: [['requirements[2]', 'reordered', 1, 2]] },
    ]);
  });

  it('a direction removed, the later ones renumbered: one removal and renumberings, no chain of modifications', async () => {
    const start = SEED.indexOf('2.3 中国和斯洛文尼亚');
    const end = SEED.indexOf('2.4 中国和白俄罗斯');
    let text = SEED.slice(0, start) + SEED.slice(end);
    text = edit(edit(text, '2.4 中国和白俄罗斯', '2.3 中国和白俄罗斯'), '2.5 中国和俄罗斯政府间', '2.4 中国和俄罗斯政府间');
    const { d } = await against(text);
    expect(summary(d).directions).toEqual([
      { status: 'removed', oldId: '2.3', newId: null, renumbered: false, moved: false, changes: [] },
      { status: 'unchanged', oldId: '2.4', newId: '2.3', renumbered: true, moved: false, changes: [] },
      { status: 'unchanged', oldId: '2.5', newId: '2.4', renumbered: true, moved: false, changes: [] },
    ]);
    expect(d.summary.counts).toEqual({ added: 0, removed: 1, modified: 0, unchanged: 14, renumbered: 2, moved: 0 });
    // The stated figures no longer add up in the same way.
    expect(summary(d).checks.added.map((c) => c[0])).toEqual(['direction-count-mismatch', 'partner-count-mismatch', 'project-total-mismatch']);
  });

  it('a direction added', async () => {
    const added = '\n\n2.6 中国和新加坡政府间联合研究项目\n\n合作协议：《中新科技合作联委会第九次会议纪要》。\n\n领域方向：人工智能；生物医药。\n\n拟支持项目数：3个。\n\n共拟支持经费：600万元人民币。\n\n其他要求：合作项目必须双方同时申报，单方申报无效。项目实施周期3年。';
    const { d } = await against(SEED + added);
    expect(summary(d).directions).toEqual([{ status: 'added', oldId: null, newId: '2.6', renumbered: false, moved: false, changes: [] }]);
    expect(d.directions.at(-1)!.title).toBe('中国和新加坡政府间联合研究项目');
  });

  it('status changed: the draft mark replaced by a title line', async () => {
    // The final version's centred title, wrapped over two lines.
    const { d } = await against(edit(SEED, ' （征求意见稿）', '国家重点研发计划“政府间国际科技创新合作”重点专项\n\n2025年度第一批项目申报指南'));
    expect(summary(d)).toEqual({ ...EMPTY, document: [['document.status', 'changed', 'draft', 'final']] });
    // A person reads the words, never the machine values.
    const md = diffToMarkdown(d);
    expect(md).toMatch(/\| 状态 +\| 征求意见稿 +\| 正式稿 +\|/);
    expect(md).toMatch(/\| 状态 +\| 修改 +\| 征求意见稿 +\| 正式稿 +\|/);
    expect(md.replaceAll('2025-batch1-draft', '')).not.toMatch(/draft|final/);
  });

  it('a placeholder resolved', async () => {
    const { d } = await against(edit(SEED, '见\n\n链接：待定。', '见\n\n链接：https://service.most.gov.cn/kjjh_tztg_all/zn/20240401.html。'));
    expect(summary(d)).toEqual({
      ...EMPTY,
      checks: { added: [], resolved: [['placeholder', '1.7']] },
      directions: [
        {
          status: 'modified',
          oldId: '1.7',
          newId: '1.7',
          renumbered: false,
          moved: false,
          changes: [
            ['flags.placeholders', 'changed', true, false],
            ['requirements[7]', 'reworded', '中芬双方申报单位要同时填写并提交双边合作表格，见链接：待定。', '中芬双方申报单位要同时填写并提交双边合作表格，见链接：https://service.most.gov.cn/kjjh_tztg_all/zn/20240401.html。'],
          ],
        },
      ],
    });
  });

  it('directions whose order changed are moved, the rest are not', async () => {
    const a = SEED.indexOf('1.2 中国和马来西亚');
    const b = SEED.indexOf('1.3 中国和缅甸');
    const c = SEED.indexOf('1.4 中国科技部');
    const swapped = SEED.slice(0, a) + edit(SEED.slice(b, c), '1.3 中国和缅甸', '1.2 中国和缅甸') + edit(SEED.slice(a, b), '1.2 中国和马来西亚', '1.3 中国和马来西亚') + SEED.slice(c);
    const { d } = await against(swapped);
    const moved = d.directions.filter((x) => x.moved || x.renumbered).map((x) => [x.oldId, x.newId, x.moved]);
    expect(moved).toEqual([
      ['1.3', '1.2', false],
      ['1.2', '1.3', true],
    ]);
  });

  it('is symmetric: swapping sides swaps added/removed and before/after', async () => {
    const start = SEED.indexOf('2.3 中国和斯洛文尼亚');
    const end = SEED.indexOf('2.4 中国和白俄罗斯');
    const text = edit(SEED.slice(0, start) + SEED.slice(end), '共拟支持经费：800万元人民币。', '共拟支持经费：900万元人民币。');
    const { old, neu, d } = await against(text);
    const back = diff(neu, old);
    const flip = { added: 'removed', removed: 'added', modified: 'modified', unchanged: 'unchanged' } as const;
    expect(back.directions.map((x) => [flip[x.status], x.newId, x.oldId]).sort()).toEqual(d.directions.map((x) => [x.status, x.oldId, x.newId]).sort());
    const f = (g: GuidelineDiff) => g.directions.flatMap((x) => x.changes.map((c) => [c.field, c.before, c.after]));
    expect(f(back)).toEqual(f(d).map(([field, before, after]) => [field, after, before]));
    expect(back.checks.added.map((c) => c.code)).toEqual(d.checks.resolved.map((c) => c.code));
    expect(back.checks.resolved.map((c) => c.code)).toEqual(d.checks.added.map((c) => c.code));
  });
});

describe('reports', () => {
  it('Markdown and HTML say what changed, with both values and the reworded text marked', async () => {
    const text = edit(edit(SEED, '共拟支持经费：800万元人民币。', '共拟支持经费：900万元人民币。'), '（1）中奥双方的合作单位投入力量要基本平衡。', '（1）中奥双方的合作单位投入力量应大体平衡。');
    const { d } = await against(text);
    const md = diffToMarkdown(d);
    // Positions as page and line where the document prints page numbers (PDF: page and line on it).
    expect(md).toMatch(/\| 拟支持经费 \| 修改 \| 800万元 \| 900万元 \| 第(\d+)页（第89行） → 第\1页（第89行） \|/);
    // The overview first: every changed direction and what changed; linked to its section on the
    // page only (Markdown has no anchor of that name): every link of the Markdown has its target.
    expect(md).toMatch(/\| 1\.1 +\| 修改 \| 拟支持经费 800万元 → 900万元 +\|/);
    expect(md).not.toMatch(/\]\(#/);
    expect(md).toContain('**图例**：改写的文字中，~~删去的字~~为删除，**加粗的字**为新增。');
    expect(md).not.toMatch(/&#/);
    expect(md).toContain('### 1.1 中国和越南政府间联合研究项目（修改）');
    expect(md).toMatch(/\*\*其他要求第1条（改写）\*\*：中奥双方的合作单位投入力量~~要基本~~\*\*应大体\*\*平衡。/);
    const html = diffToHtml(d);
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<del>要基本</del><ins>应大体</ins>');
    expect(html).toContain('<td>800万元</td>');
    expect(html).not.toMatch(/<script|src=|href="http/);
    expect(html).toContain('<h3 id="new-1-1">');
    expect(html).toContain('<a href="#new-1-1">1.1</a>');
    expect(html).toContain("h2,h3{break-after:avoid");
  });

  it('shows an added and a removed direction with their figures', async () => {
    const { d } = await against(SEED.replace('1.2 中国和马来西亚政府间联合研究项目', '1.2 中国和泰国政府间联合研究项目'));
    const md = diffToMarkdown(d);
    expect(md).toContain('新版本已删除的方向（原版本中）：');
    expect(md).toMatch(/\| 马来西亚 \| 6个 +\| 250万元 +\|/);
    expect(md).toMatch(/\| 1\.2 +\| 删除 \| 删除：6个项目，250万元/);
    expect(diffToHtml(d)).toContain('<a href="#old-1-2">1.2</a>');
  });
});
