/**
 * The readers of set 106's formats, on its files: an OpenDocument spreadsheet and presentation, and
 * Word 2003 XML saved as `.doc`. What the suite shows is the text (numbers as the list styles and
 * Word's lists draw them); what it hides or keeps beside the page is logged, never read.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadBytes } from '../../src/load/index.js';

const DIR = new URL('../fixtures/blind106/', import.meta.url);
const load = (name: string) => loadBytes(readFileSync(new URL(name, DIR)), name);
const logged = (s: { removed: readonly { kind: string; text: string }[] }, kind: string): string[] => s.removed.filter((r) => r.kind === kind).map((r) => r.text);

describe('an OpenDocument spreadsheet', () => {
  it('reads the shown cells as the suite shows them, the preamble merged over rows once, hidden columns and comments logged', async () => {
    const s = await load('gjhz-2026-b2-ods-merged-preamble.ods');
    expect(s.format).toBe('ods');
    // (The number format's `不超过` with the stored 8.)
    expect(s.text).toContain('不超过8');
    expect(s.text.split('拟支持项目数102个').length - 1).toBe(1);
    expect(logged(s, 'hidden-text')).toContain('巴方资助机构回函同意按约10项执行，上批次为8项。');
    expect(logged(s, 'hidden-text')).toContain('原拟安排4000万元');
    expect(s.text).not.toContain('原拟安排4000万元');
  });
});

describe('an OpenDocument presentation', () => {
  it('reads the slides in order with the numbers of their lists; a hidden slide, speaker notes and the master footer are logged', async () => {
    const s = await load('kp-2026-deepsea-polar-odp-briefing.odp');
    expect(s.format).toBe('odp');
    const lines = s.text.split('\n');
    expect(lines.indexOf('1.1 全海深原位探测传感器核心器件（共性关键技术类）')).toBeGreaterThan(-1);
    expect(lines.indexOf('1.1 全海深原位探测传感器核心器件（共性关键技术类）')).toBeLessThan(lines.indexOf('1.2 深海作业型机器人自主作业技术（共性关键技术类）'));
    expect(s.text).not.toContain('2025年度设9个指南方向');
    expect(logged(s, 'hidden-text').some((t) => t.includes('2025年度设9个指南方向'))).toBe(true);
    expect(logged(s, 'hidden-text')).toContain('本页约1分钟，说明指南编制依据。');
    expect(logged(s, 'running-footer')).toContain('深海和极地关键技术与装备重点专项2026年度指南（征求意见稿）');
  });
});

describe('Word 2003 XML saved as .doc', () => {
  it('numbers paragraphs by its lists (w:listPr, w:lists) as Word does, and logs hidden text, headers and footers', async () => {
    const s = await load('gat-2026-oa-wordml2003-attached.doc');
    expect(s.format).toBe('doc');
    expect(s.text).toMatch(/^（一）请各单位认真研读指南/m);
    expect(s.text).toMatch(/^1\.1 /m);
    expect(logged(s, 'hidden-text')).toContain('（原稿：约60个）');
    expect(s.text).not.toContain('原稿：约60个');
    expect(logged(s, 'running-header')).toContain('江淮理工大学科学技术研究院');
  });

  it('is told from a binary .doc by its first bytes', async () => {
    const { isWordXml } = await import('../../src/load/office.js');
    expect(isWordXml(readFileSync(new URL('gat-2026-oa-wordml2003-attached.doc', DIR)))).toBe(true);
    expect(isWordXml(new TextEncoder().encode('<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"/>'))).toBe(false);
  });
});
