/**
 * A database's records saved as text (a search index's JSON response, JSON lines, an SQL dump):
 * the guideline they hold reads as the seed does, whatever the record's shape; the rest is logged.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadBytes } from '../../src/load/index.js';
import { processSource } from '../../src/pipeline.js';
import { sqlRecords, parseJsonRecords, recordsText } from '../../src/load/records.js';
import { seed, seedText } from '../helpers/seed.js';
import type { Guideline } from '../../src/schema/guideline.js';

const values = (doc: Guideline) =>
  doc.directions.map((d) => [d.id, d.title, d.partners.map((p) => p.name), d.domains.map((x) => x.label), d.projectCount?.value, d.funding?.amountCNY, d.duration?.maxYears, d.requirements.length]);
/** JSON with every non-ASCII character escaped, as Python's `ensure_ascii` writes it. */
const ascii = (v: unknown): string => JSON.stringify(v).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
/** A MySQL string literal, as `mysqldump` writes it. */
const mysql = (s: string): string => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\r/g, '\\r')}'`;
const TITLE = '国家重点研发计划“政府间国际科技创新合作”重点专项2025年度第一批项目申报指南';
const paragraphs = (): string[] => seedText().split('\n').filter((l) => l.trim() !== '');
const html = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

async function read(text: string, path: string): Promise<Guideline> {
  return processSource(await loadBytes(Buffer.from(text), path));
}

describe('a guideline held by a database’s records', () => {
  it('reads the top hit of a search index’s response (every character escaped) as the seed, the other hits logged', async () => {
    const { doc } = await seed();
    const response = {
      took: 7,
      hits: {
        total: { value: 2 },
        hits: [
          { _index: 'policy', _id: 'a1', _score: 9.1, _source: { title: TITLE, pub_date: '2025-03-01', dept: '科学技术部', content: seedText() }, highlight: { content: ['<em>政府间</em>国际科技创新合作'] } },
          { _index: 'policy', _id: 'a2', _score: 2.4, _source: { title: '关于召开项目申报说明会的通知', content: '定于下周召开说明会，请各单位派员参加。' } },
        ],
      },
    };
    const got = await read(ascii(response), 'search.json');
    expect(values(got)).toEqual(values(doc));
    expect(got.document.title).toBe(TITLE);
    const logged = got.removed.filter((r) => r.kind === 'record-header').map((r) => r.text);
    expect(logged).toContain('title: 关于召开项目申报说明会的通知');
    expect(logged).toContain('dept: 科学技术部');
  });

  it('reads a record whose paragraphs are items (mongoexport JSON lines: a heading, paragraphs) as the seed', async () => {
    const { doc } = await seed();
    const items = paragraphs().map((text) => ({ type: 'p', text }));
    const lines = [
      JSON.stringify({ _id: { $oid: '65a1' }, title: '关于开展2025年度项目评审工作的通知', paragraphs: [{ type: 'p', text: '各有关单位：现将评审安排通知如下。' }, { type: 'p', text: '特此通知。' }] }),
      JSON.stringify({ _id: { $oid: '65a2' }, title: TITLE, publishDate: { $date: '2025-02-11T00:00:00Z' }, paragraphs: [{ type: 'h1', text: TITLE }, ...items] }),
    ];
    const got = await read(lines.join('\n'), 'export.jsonl');
    expect(got.document.source.format).toBe('html');
    expect(values(got)).toEqual(values(doc));
    expect(got.document.title).toBe(TITLE);
    expect(got.removed.filter((r) => r.kind === 'record-header').map((r) => r.text)).toContain('title: 关于开展2025年度项目评审工作的通知');
  });

  it('reads the row of a mysqldump whose content column is the guideline as a page (escapes undone) as the seed', async () => {
    const { doc } = await seed();
    const page = paragraphs().map((p) => `<p>${html(p)}</p>`).join('\r\n');
    const dump = [
      '-- MySQL dump 10.13  Distrib 8.0.36, for Linux (x86_64)',
      'DROP TABLE IF EXISTS `cms_article`;',
      'CREATE TABLE `cms_article` (',
      '  `id` int NOT NULL AUTO_INCREMENT,',
      '  `title` varchar(255) NOT NULL,',
      '  `content` longtext,',
      '  `hits` int DEFAULT NULL,',
      '  PRIMARY KEY (`id`)',
      ') ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;',
      'LOCK TABLES `cms_article` WRITE;',
      `INSERT INTO \`cms_article\` VALUES (11,${mysql('关于征集意见的通知')},${mysql("<p>请于3月10日前反馈意见，'附件'见下。</p>")},120),(12,${mysql(TITLE)},${mysql(page)},NULL);`,
      'UNLOCK TABLES;',
    ].join('\n');
    const got = await read(dump, 'cms.sql');
    expect(values(got)).toEqual(values(doc));
    expect(got.document.title).toBe(TITLE);
    expect(got.removed.map((r) => r.text)).toContain("content: <p>请于3月10日前反馈意见，'附件'见下。</p>");
  });

  it('reads the rows of INSERT statements with a column list, and of pg_dump’s COPY blocks', () => {
    expect(sqlRecords("INSERT INTO t (a, `b`, c) VALUES (1,'x\\'y\\\\n',NULL),(2,'它''s',-3.5);")).toEqual([
      { a: 1, b: "x'y\\n", c: null },
      { a: 2, b: "它's", c: -3.5 },
    ]);
    expect(sqlRecords('--\nCOPY public.article (id, title, body) FROM stdin;\n1\t指南\t第一行\\n第二行\\t完\n2\t\\N\tx\n\\.\n')).toEqual([
      { id: '1', title: '指南', body: '第一行\n第二行\t完' },
      { id: '2', title: null, body: 'x' },
    ]);
    expect(sqlRecords('这不是数据库的导出。INSERT INTO 一句话里')).toBeNull();
  });

  it('gives back any string a dump escapes (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        expect(sqlRecords(`INSERT INTO t (v) VALUES (${mysql(s)});`)).toEqual([{ v: s }]);
      }),
    );
  });

  it('takes no record for a text too short to be a guideline, and no list of records for paragraphs', () => {
    expect(recordsText(parseJsonRecords('{"title":"通知","content":"短。"}')!)).toBeNull();
    expect(parseJsonRecords('{"a":1}\n{"b":2}')).toEqual([{ a: 1 }, { b: 2 }]);
    expect(parseJsonRecords('{"a":1}\nnot json')).toBeNull();
  });

  it('writes paragraph items as the page they describe: headings by level, tables by rows, lists by items', () => {
    const long = '这是一段足够长的正文。'.repeat(30);
    const record = {
      id: 7,
      title: '某某指南',
      blocks: [
        { type: 'heading', level: 2, text: '一、总体要求' },
        { type: 'paragraph', text: long },
        { type: 'table', rows: [['序号', '方向'], [{ text: '1' }, { text: 'A&B' }]] },
        { type: 'list', items: ['（1）甲', '（2）乙'] },
      ],
    };
    expect(recordsText(record)).toEqual({
      html: `<h1>某某指南</h1><h2>一、总体要求</h2>\n<p>${long}</p>\n<table><tr><td>序号</td><td>方向</td></tr><tr><td>1</td><td>A&amp;B</td></tr></table>\n<ul><li>（1）甲</li><li>（2）乙</li></ul>`,
      removed: [],
    });
  });
});
