// The lexicon's readings of an attachment's lines and of a list item's number, shared by `split`,
// `extract`, `reflow` and `segment`.
import { describe, expect, it } from 'vitest';
import { itemNumberType, RE_ATTACHED_TEXT_LINE, RE_ATTACHMENT_LINE } from '../../src/lexicon/markers.js';

describe('attachment lines', () => {
  it('`附件1` alone, and `附：指南原文` over the text it carries; never a sentence that names an attachment', () => {
    expect(['附件', '附件1', '附件二：'].map((t) => RE_ATTACHMENT_LINE.test(t))).toEqual([true, true, true]);
    expect(['附：指南原文', '附：', '附件1：全文', '附：正文'].map((t) => RE_ATTACHED_TEXT_LINE.test(t))).toEqual([true, true, true, true]);
    expect(['附：申报书模板', '附件：1.形式审查条件要求', '详见附件1。'].map((t) => RE_ATTACHED_TEXT_LINE.test(t))).toEqual([false, false, false]);
  });
});

describe('a list item’s number', () => {
  it('is read whatever follows it, a label too; a decimal or a year is none', () => {
    expect(['（2）拟支持项目数不超过3项', '2.中德双方…', '3）实施周期3年', '②能效', '2.5倍', '2026年', '拟支持项目数：3个'].map(itemNumberType)).toEqual([
      'paren-arabic',
      'arabic-dot',
      'arabic-paren',
      'circled',
      null,
      null,
      null,
    ]);
  });
});
