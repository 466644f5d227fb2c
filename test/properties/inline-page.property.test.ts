/**
 * A page number left inside a line by a copy from a policy database (`交通基础- 3 -设施运维`, `技术验
 * — 2 —证平台`), in any style, at any character of a field's text, changes no extracted value, and is
 * logged as `inline-page-number` (issue 21).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diff, hasChanges } from '../../src/diff/index.js';
import { ingestText } from '../helpers/seed.js';
import { runs } from '../helpers/runs.js';

/** One paragraph a line, as a database gives it: every field of a direction on its own line. */
const TEXT = `国家重点研发计划“政府间国际科技创新合作”重点专项2026年度项目申报指南

本批次设立2个指南方向，拟支持项目数约9个，国拨经费总概算0.27亿元。

一、领域和方向

1.1 中国和越南政府间联合研究项目
合作协议：《中华人民共和国政府和越南社会主义共和国政府科学技术合作协定》。
领域方向：农业与食品安全；医药卫生与传统医学；海洋科学与防灾减灾；数字经济。
拟支持项目数：5个。
共拟支持经费：1500万元。
项目实施周期：3年。
其他要求：合作项目必须双方同时申报，单方申报无效。中方申报单位须提供与外方合作单位签署的合作协议。

1.2 中国和泰国政府间联合研究项目
合作协议：《中泰科技合作联合委员会第二十五次会议纪要》。
领域方向：热带农业；生物技术与生物医药；智慧城市与交通基础设施运维。
拟支持项目数：4个。
共拟支持经费：1200万元。
项目实施周期：2年。
其他要求：鼓励企业参与，项目须有明确的技术转移和示范应用计划。

二、申报要求

申报单位须为在中国大陆境内登记注册的科研院所、高等学校和企业。
`;

const FIELD_LINES = TEXT.split('\n')
  .map((l, k) => ({ l, k }))
  .filter(({ l }) => /^(?:合作协议|领域方向|其他要求)：/.test(l));

/** Page-number styles a PDF copied into a database leaves inside a line. */
const STYLES: readonly ((n: number) => string)[] = [
  (n) => `- ${n} -`,
  (n) => `— ${n} —`,
  (n) => `－ ${n} －`,
  (n) => `—${n}—`,
  (n) => `-${n}-`,
  (n) => `第 ${n} 页`,
  (n) => ` - ${n} - `,
];

describe('a page number inside a field', () => {
  it('changes no value, whatever its style and place, and is logged', async () => {
    const base = await ingestText(TEXT, 'base.txt');
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: FIELD_LINES.length - 1 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.nat({ max: STYLES.length - 1 }),
        fc.integer({ min: 1, max: 99 }),
        async (line, at, style, page) => {
          const { l, k } = FIELD_LINES[line]!;
          // After the label's colon, anywhere in the value (its last character included).
          const start = l.indexOf('：') + 1;
          let cut = start + Math.floor(at * (l.length - start));
          // An unspaced number right after a digit reads as a date or a range (`2026-3-15`): the
          // spaced styles go anywhere, the unspaced ones after a non-digit.
          const mark = STYLES[style]!(page);
          if (!/\s/.test(mark.trim()) && /\d/.test(l[cut - 1] ?? '')) cut--;
          const lines = TEXT.split('\n');
          lines[k] = l.slice(0, cut) + mark + l.slice(cut);
          const doc = await ingestText(lines.join('\n'), 'copy.txt');
          expect(hasChanges(diff(base, doc))).toBe(false);
          expect(doc.removed.filter((r) => r.kind === 'inline-page-number').map((r) => r.text)).toEqual([mark.trim()]);
        },
      ),
      { numRuns: runs(60) },
    );
  });
});
