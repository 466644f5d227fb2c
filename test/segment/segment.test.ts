import { describe, expect, it } from 'vitest';
import { clean } from '../../src/clean/index.js';
import { reflow } from '../../src/reflow/index.js';
import { segment, type Node } from '../../src/segment/index.js';
import { loadText } from '../helpers/seed.js';

async function tree(text: string) {
  return segment(reflow(clean(await loadText(text))));
}

/** `kind marker` lines, indented by depth. */
function outline(nodes: readonly Node[], depth = 0): string[] {
  return nodes.flatMap((n) =>
    n.kind === 'paragraph'
      ? [`${'  '.repeat(depth)}p ${n.paragraph.text.text.slice(0, 6)}`]
      : [`${'  '.repeat(depth)}${n.kind} ${n.marker?.text ?? ''}`, ...outline(n.children, depth + 1)],
  );
}

const DOC = `一、总体目标
本专项支持合作。
二、领域和方向
1.1 中国和越南政府间联合研究项目
合作协议：《甲协议》。
领域方向：
一、气候变化
（一）绿色能源
1.智能电网；
2.可再生能源。
二、循环经济
拟支持项目数：4个。
其他要求：
（1）双方同时申报。
（2）项目实施周期3年。
1.3 中国和缅甸政府间联合研究项目
领域方向：农业。
三、申报要求
申报单位须注册。`;

describe('segment', () => {
  it('builds parts, directions, fields and list levels; 一、 inside a direction is a list', async () => {
    const { root } = await tree(DOC);
    expect(outline(root.children)).toEqual([
      'part 一、',
      '  p 本专项支持合',
      'part 二、',
      '  direction 1.1',
      '    field 合作协议：',
      '    field 领域方向：',
      '      item 一、',
      '        item （一）',
      '          item 1.',
      '          item 2.',
      '      item 二、',
      '    field 拟支持项目数：',
      '    field 其他要求：',
      '      item （1）',
      '      item （2）',
      '  direction 1.3',
      '    field 领域方向：',
      'part 三、',
      '  p 申报单位须注',
    ]);
  });

  it('reports a numbering gap at the heading, with what was expected', async () => {
    const { problems } = await tree(DOC);
    expect(problems.map((p) => [p.code, p.stated, p.expected, p.directionId])).toEqual([['numbering-gap', '1.3', '1.2', '1.3']]);
  });

  it('reports a 序号 missing between two rows of a table of directions, and none where they run on', async () => {
    const table = (ids: string[]): string =>
      ['一、指南方向', '| 序号 | 合作国家 | 合作领域 | 拟支持项目数 | 国拨经费（万元） |', ...ids.map((id, k) => `| ${id} | 德国${k} | 人工智能 | 4 | 1200 |`), '二、申报要求', '申报单位须注册。'].join('\n');
    expect((await tree(table(['1', '2', '3']))).problems).toEqual([]);
    const { problems } = await tree(table(['1', '2', '4', '4']));
    expect(problems.map((p) => [p.code, p.stated, p.expected, p.directionId])).toEqual([
      ['numbering-gap', '4.', '3.', '4'],
      ['numbering-duplicate', '4.', '5.', '4'],
    ]);
  });

  it('reports duplicates and gaps in lists', async () => {
    const { problems } = await tree('1.1 中国和越南政府间联合研究项目\n其他要求：\n（1）甲。\n（3）乙。\n（3）丙。');
    expect(problems.map((p) => [p.code, p.stated, p.expected])).toEqual([
      ['numbering-gap', '（3）', '（2）'],
      ['numbering-duplicate', '（3）', '（4）'],
    ]);
  });

  it('accepts 1.9 → 2.0 as a roll-over (info) and 1.x → 2.1 as a new group', async () => {
    const heads = ['1.8', '1.9', '2.0', '2.1', '3.1'].map((id) => `${id} 中国和越南政府间联合研究项目\n拟支持项目数：1个。`).join('\n');
    const { problems } = await tree(heads);
    expect(problems.map((p) => [p.code, p.severity, p.stated])).toEqual([['numbering-rollover', 'info', '2.0']]);
  });

  it('reads 一、 parts numbered again inside an 一、 part as parts of that part, up to where the outer numbering goes on', async () => {
    const text = [
      '一、总体目标',
      '本专项支持合作。',
      '二、领域和方向',
      '一、内地与香港科技创新合作',
      '1.内地与香港联合资助项目',
      '拟支持项目数：3个。',
      '二、内地与澳门科技创新合作',
      '1.内地与澳门联合资助项目',
      '拟支持项目数：2个。',
      '三、海峡两岸科技交流合作',
      '1.海峡两岸青年科学家联合研究项目',
      '拟支持项目数：5个。',
      '其他要求：须签署合作协议。',
      '三、申报要求',
      '申报单位须注册。',
      '四、联系方式',
      '科技部港澳台办公室。',
    ].join('\n');
    const { root, problems } = await tree(text);
    expect(outline(root.children).filter((l) => !/^\s*(?:p|field) /.test(l))).toEqual([
      'part 一、',
      'part 二、',
      '  part 一、',
      '    direction 1.',
      '  part 二、',
      '    direction 1.',
      '  part 三、',
      '    direction 1.',
      'part 三、',
      'part 四、',
    ]);
    // Neither numbering repeats or skips.
    expect(problems.map((p) => p.code)).toEqual([]);
  });
});
