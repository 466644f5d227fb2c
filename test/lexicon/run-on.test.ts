/**
 * `runOnLabelStarts` finds run-on field labels from the colons and brackets they need; it must find
 * exactly where `RE_RUN_ON_LABEL` matches, on real paragraphs and on generated text made of labels,
 * their fragments, clause ends, white space, colons and brackets.
 */
import fc from 'fast-check';
import { runs } from '../helpers/runs.js';
import { describe, expect, it } from 'vitest';
import { labelsOf, RE_RUN_ON_LABEL, runOnLabelStarts } from '../../src/lexicon/fields.js';

const byRegex = (text: string): number[] => [...text.matchAll(RE_RUN_ON_LABEL)].map((m) => m.index);

describe('runOnLabelStarts', () => {
  it('finds the labels of a run-on paragraph', () => {
    const t = '拟支持项目数：4个；共拟支持经费：1200万元，【实施周期】3年。关键词：无';
    expect(runOnLabelStarts(t)).toEqual([t.indexOf('共拟支持经费'), t.indexOf('【实施周期】'), t.indexOf('关键词')]);
    expect(runOnLabelStarts(t)).toEqual(byRegex(t));
  });

  it('takes one or two dashes for the colon, never three', () => {
    const t = '合作协议——《中塞科技合作委员会第四次会议议定书》。领域方向——人工智能；生物技术。拟支持项目数—6个。共拟支持经费———1200万元';
    expect(runOnLabelStarts(t)).toEqual([t.indexOf('领域方向'), t.indexOf('拟支持项目数')]);
    expect(runOnLabelStarts(t)).toEqual(byRegex(t));
  });

  it('matches the regular expression on generated text', () => {
    const labels = labelsOf();
    const label = fc.constantFrom(...labels, ...labels.map((l) => l.slice(1)), ...labels.map((l) => l.slice(0, -1)));
    const piece = fc.oneof(
      { arbitrary: label, weight: 4 },
      { arbitrary: fc.constantFrom(...labels.map((l) => `【${l}】`), ...labels.map((l) => `${l}：`)), weight: 2 },
      { arbitrary: fc.constantFrom('。', '；', ';', '，', ',', '）', ')', ']', '】'), weight: 3 },
      { arbitrary: fc.constantFrom(' ', '　', '\t', '\n', '  '), weight: 3 },
      { arbitrary: fc.constantFrom('：', ':', '—', '——', '－', '———', '｜', '丨'), weight: 3 },
      { arbitrary: fc.constantFrom('【', '】', '[', ']'), weight: 3 },
      { arbitrary: fc.constantFrom('中', '国', '4个', '万元', 'x'), weight: 2 },
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 24 }), (parts) => {
        const text = parts.join('');
        expect(runOnLabelStarts(text)).toEqual(byRegex(text));
      }),
      { numRuns: runs(Number(process.env.FC_RUNS ?? 300) * 10) },
    );
  });
});
