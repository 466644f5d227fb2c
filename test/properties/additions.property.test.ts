/**
 * What other hands add around a guideline does not change what it says: a translation line after
 * Chinese lines (a bilingual joint call), the WeChat repost's chrome between paragraphs, a table of
 * contents before the text, e-mail quoting and headers, a crawler's one line, a database's HTML
 * residue. The seed with any of these must extract the same directions and values.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Guideline } from '../../src/schema/guideline.js';
import { ingestText, seedParagraphs } from '../helpers/seed.js';
import { runs } from '../helpers/runs.js';

const values = (doc: Guideline) =>
  doc.directions.map((d) => ({
    id: d.id,
    title: d.title,
    partners: d.partners.map((p) => p.name),
    agreements: d.agreements.map((a) => a.title),
    domains: d.domains.map((x) => x.label),
    projectCount: d.projectCount?.value ?? null,
    funding: d.funding?.amountCNY ?? null,
    duration: d.duration ? [d.duration.minYears, d.duration.maxYears] : null,
    requirements: d.requirements.map((r) => r.text),
  }));

const ENGLISH = [
  'This paragraph is translated into English for the partner agencies.',
  'Applications must be submitted by both sides; single-side applications are invalid.',
  'Agriculture; Food Safety; Biodiversity.',
  '(1) Applicants shall sign a cooperation agreement with the foreign partner.',
  'China–New Zealand Joint Research Programme',
];
const CHROME = ['[图片]', '点击蓝字 关注我们', '阅读原文', '往期推荐', '- END -', '💡 小贴士：有合作基础的老师可以重点关注～', '点赞 | 在看 | 分享'];

describe('additions around a guideline', () => {
  it('a translation after Chinese lines (five or more) changes no value', async () => {
    const paras = await seedParagraphs();
    const base = values(await ingestText(paras.join('\n'), 'seed.txt'));
    const cjk = paras.map((p, i) => ({ p, i })).filter(({ p }) => /[\u4e00-\u9fff]/.test(p));
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(fc.integer({ min: 0, max: cjk.length - 1 }), { minLength: 5, maxLength: 40 }), fc.nat(), async (picks, k) => {
        const after = new Set(picks.map((j) => cjk[j]!.i));
        const text = paras.flatMap((p, i) => (after.has(i) ? [p, ENGLISH[(i + k) % ENGLISH.length]!] : [p])).join('\n');
        expect(values(await ingestText(text, 'bilingual.txt'))).toEqual(base);
      }),
      { numRuns: runs(15) },
    );
  });

  it('a viewer\u2019s number before every line ([12] paragraph numbers, a diff view\u2019s `  12 +`, with its frame) changes no value', async () => {
    const paras = await seedParagraphs();
    const base = values(await ingestText(paras.join('\n'), 'seed.txt'));
    const shapes = [
      (n: number, line: string) => `[${n}] ${line}`,
      (n: number, line: string) => `【${n}】${line}`,
      (n: number, line: string) => `${String(n).padStart(5)} +${line}`,
    ];
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: shapes.length - 1 }), fc.integer({ min: 1, max: 400 }), fc.boolean(), async (k, first, frame) => {
        const shape = shapes[k]!;
        const numbered = paras.map((p, i) => shape(first + i, p));
        // (A diff view's file header and hunk line above the added file.)
        const head = k === 2 && frame ? ['docs/guideline.md  0 → 100644', `@@ -0,0 +${first},${paras.length} @@`] : [];
        expect(values(await ingestText([...head, ...numbered].join('\n'), 'numbered.txt'))).toEqual(base);
      }),
      { numRuns: runs(12) },
    );
  });

  it('a repost\u2019s chrome between paragraphs changes no value', async () => {
    const paras = await seedParagraphs();
    const base = values(await ingestText(paras.join('\n'), 'seed.txt'));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.integer({ min: 1, max: paras.length - 1 }), fc.constantFrom(...CHROME)), { minLength: 1, maxLength: 12 }), async (inserts) => {
        const out = [...paras];
        for (const [at, line] of [...inserts].sort((a, b) => b[0] - a[0])) out.splice(at, 0, '', line, '');
        expect(values(await ingestText(out.join('\n'), 'repost.txt'))).toEqual(base);
      }),
      { numRuns: runs(15) },
    );
  });

  it('forwarding by e-mail (quote marks at any depth, header blocks, a note above) changes no value', async () => {
    const paras = await seedParagraphs();
    const base = values(await ingestText(paras.join('\n'), 'seed.txt'));
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 3 }), fc.constantFrom('> ', '>', '> > ', '>> '), fc.boolean(), async (depth, mark, blankQuoted) => {
        const quote = mark.repeat(depth);
        const header = ['发件人：科研院 <ky@example.edu.cn>', '发送时间：2025年9月1日 10:00', '收件人：各学院', '主题：转发：指南'];
        const body = paras.flatMap((p) => [`${quote}${p}`, blankQuoted ? quote.trimEnd() : '']);
        const text = ['各位老师：', '', '请见下文。', '', '-----原始邮件-----', ...header, '', ...body].join('\n');
        expect(values(await ingestText(text, 'mail.txt'))).toEqual(base);
      }),
      { numRuns: runs(10) },
    );
  });

  it('scraped into one line (paragraphs parted by runs of spaces or 　　) changes no value', async () => {
    const paras = await seedParagraphs();
    const base = values(await ingestText(paras.join('\n'), 'seed.txt'));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom('  ', '   ', '　　', '    　　'), { minLength: paras.length, maxLength: paras.length }), async (gaps) => {
        const text = paras.map((p, i) => `${p}${gaps[i]}`).join('');
        expect(values(await ingestText(text, 'scrape.txt'))).toEqual(base);
      }),
      { numRuns: runs(10) },
    );
  });

  it('a database copy with the page’s HTML left in (tags, styles, entities) changes no value', async () => {
    const paras = await seedParagraphs();
    const base = values(await ingestText(paras.join('\n'), 'seed.txt'));
    const entity = (t: string, k: number): string => (k % 2 ? t.replace(/“/g, '&ldquo;').replace(/”/g, '&rdquo;') : t.replace(/：/g, '&#xFF1A;'));
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.constantFrom('<p>', '<p style="text-indent:2em">', '<p><span style="font-family:仿宋_GB2312">'), async (k, open) => {
        const close = open.includes('<span') ? '</span></p>' : '</p>';
        const text = ['【标题】指南', '【正文】', ...paras.map((p, i) => `${open}${entity(p, i + k)}${close}`)].join('\n');
        expect(values(await ingestText(text, 'db.txt'))).toEqual(base);
      }),
      { numRuns: runs(10) },
    );
  });

  it('a table of contents naming every direction before the text changes no value', async () => {
    const paras = await seedParagraphs();
    const base = await ingestText(paras.join('\n'), 'seed.txt');
    const titleAt = paras.findIndex((p) => /指南$/.test(p));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('……', '......', '···'), fc.integer({ min: 1, max: 20 }), fc.boolean(), async (leader, page, wrap) => {
        const entries = base.directions.map((d, i) => {
          const head = `${d.id} ${d.title}`;
          const dots = leader.repeat(4);
          return wrap && i % 3 === 0 ? [head, `${dots} ${page + i}`] : [`${head}${dots} ${page + i}`];
        });
        const toc = ['目  录', '', ...entries.flat(), ''];
        const text = [...paras.slice(0, titleAt + 1), '', ...toc, ...paras.slice(titleAt + 1)].join('\n');
        expect(values(await ingestText(text, 'toc.txt'))).toEqual(values(base));
      }),
      { numRuns: runs(10) },
    );
  });
});
