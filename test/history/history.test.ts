/**
 * The history of the fixture series (test/fixtures/history/): 2024 draft and final, 2025 draft and
 * final, a 2025 second batch. Lines, cells and totals are the values the documents hold, read by
 * hand from their text.
 */
import { describe, expect, it } from 'vitest';
import { cellState, history, orderDocuments, sameCall } from '../../src/history/index.js';
import type { Change } from '../../src/schema/diff.js';
import { GuidelineHistory, type HistoryLine } from '../../src/schema/history.js';
import type { Guideline } from '../../src/schema/guideline.js';
import { series } from './series.js';

/** The line of `key`. */
function line(h: GuidelineHistory, key: string): HistoryLine {
  const found = h.lines.find((l) => l.key === key);
  if (!found) throw new Error(`no line ${key}`);
  return found;
}

const brief = (c: Change) => [c.field, c.kind, c.before, c.after];
const changesOf = (l: HistoryLine) => l.versions.map((c) => c?.changes.map(brief) ?? null);
const states = (h: GuidelineHistory, l: HistoryLine) => l.versions.map((_, k) => cellState(h, l, k));

describe('history of the fixture series', () => {
  it('orders the documents by year, batch and status, whatever the order given', async () => {
    const docs = await series();
    const shuffled = [docs[4]!, docs[1]!, docs[3]!, docs[0]!, docs[2]!];
    const h = history(shuffled);
    expect(h.order).toBe('sorted');
    expect(h.documents.map((d) => [d.id, d.year, d.batch, d.status])).toEqual([
      ['2024-batch1-draft', 2024, 1, 'draft'],
      ['2024-batch1-final', 2024, 1, 'final'],
      ['2025-batch1-draft', 2025, 1, 'draft'],
      ['2025-batch1-final', 2025, 1, 'final'],
      ['2025-batch2-final', 2025, 2, 'final'],
    ]);
    expect(h.documents[0]).toEqual({
      id: '2024-batch1-draft',
      title: '国家重点研发计划“政府间国际科技创新合作”重点专项2024年度第一批项目申报指南',
      year: 2024,
      batch: 1,
      status: 'draft',
      source: 'test/fixtures/history/2024-batch1-draft.txt',
    });
    // The same history as from the documents in order.
    expect(history(docs)).toEqual(h);
    // --as-given keeps the order given.
    expect(history(shuffled, { order: 'given' }).documents.map((d) => d.id)).toEqual(shuffled.map((d) => d.document.id));
    expect(history(shuffled, { order: 'given' }).order).toBe('given');
  });

  it('breaks ties by file name, and puts unknown years, batches and statuses last', async () => {
    const [a] = await series();
    const as = (path: string, doc: Partial<Guideline['document']>): Guideline => ({ ...a!, document: { ...a!.document, ...doc, source: { ...a!.document.source, path } } });
    const docs = [
      as('z/b.txt', {}),
      as('a/c.txt', { status: 'unknown' }),
      as('y/a.txt', {}),
      as('x/no-year.txt', { year: null }),
      as('x/no-batch.txt', { batch: null }),
      as('x/final.txt', { status: 'final' }),
    ];
    expect(orderDocuments(docs).map((d) => d.document.source.path)).toEqual(['y/a.txt', 'z/b.txt', 'x/final.txt', 'a/c.txt', 'x/no-batch.txt', 'x/no-year.txt']);
  });

  it('aligns the directions into lines across all five documents, by content and not by number', async () => {
    const h = history(await series());
    expect(GuidelineHistory.parse(JSON.parse(JSON.stringify(h)))).toEqual(h);
    expect(h.lines.map((l) => [l.key, l.versions.map((c) => c?.id ?? null)])).toEqual([
      ['越南|中国和越南政府间联合研究项目', ['1.1', '1.1', '1.1', '1.1', null]],
      ['马来西亚|中国和马来西亚政府间联合研究项目', ['1.2', '1.2', '1.2', '1.2', null]],
      ['缅甸|中国和缅甸政府间联合研究项目', ['1.3', '1.3', '1.3', null, null]],
      ['日本|中国科技部与日本国际协力机构（JICA）联合研究项目', ['1.4', '1.4', '1.4', '1.3', null]],
      ['欧盟|中国-欧盟科技创新合作联合资助机制一般类研究创新合作项目', ['1.5', '1.5', '1.5', '1.4', null]],
      ['西班牙|中国和西班牙政府间科技合作项目', ['1.6', '1.6', '1.6', '1.5', null]],
      ['芬兰|中国和芬兰政府间科技合作项目', ['1.7', null, '1.7', '1.6', null]],
      ['奥地利|中国和奥地利政府间科技合作项目', ['1.8', '1.7', '1.8', '1.7', null]],
      ['奥地利|中国和奥地利政府间产学研合作项目', [null, null, '1.9', '1.8', null]],
      ['新西兰|中国和新西兰政府间科学合作项目', ['1.9', '1.8', null, null, '1.5']],
      // New lines go after the line of the direction before them in their document.
      ['南非|中国和南非政府间联合研究项目', [null, null, null, null, '1.1']],
      ['埃及|中国和埃及政府间联合研发项目', [null, null, null, null, '1.2']],
      ['匈牙利|中国和匈牙利政府间联合研发项目', ['2.0', '1.9', '2.0', '1.9', '1.3']],
      ['巴西|中国和巴西政府间科技创新合作项目', [null, null, null, null, '1.4']],
      ['匈牙利|中国和匈牙利国家联合实验室项目', ['2.1', '2.0', '2.1', '2.0', null]],
      ['俄罗斯、白俄罗斯|中国和俄罗斯、白俄罗斯国家联合实验室项目', ['2.2', '2.1', '2.2', '2.1', null]],
      ['斯洛文尼亚|中国和斯洛文尼亚政府间联合研发项目', [null, null, '2.3', '2.2', null]],
      ['白俄罗斯|中国和白俄罗斯政府间联合研究旗舰项目', [null, null, '2.4', '2.3', null]],
      ['俄罗斯|中国和俄罗斯政府间联合研发项目', ['2.3', '2.2', '2.5', '2.4', null]],
    ]);
  });

  it('gives each cell the figures of its document and the changes against the version before', async () => {
    const h = history(await series());
    const vietnam = line(h, '越南|中国和越南政府间联合研究项目');
    expect(vietnam.title).toBe('中国和越南政府间联合研究项目');
    expect(vietnam.partners).toEqual(['越南']);
    expect(vietnam.versions[0]).toEqual({
      id: '1.1',
      title: '中国和越南政府间联合研究项目',
      partners: ['越南'],
      projectCount: { value: 3, qualifier: 'exact' },
      funding: { amountCNY: 6_000_000, qualifier: 'exact' },
      perProjectCap: null,
      duration: { minYears: 3, maxYears: 3, qualifier: 'exact', hedge: null, inherited: false },
      previous: null,
      changes: [],
    });
    expect(vietnam.versions.map((c) => [c?.projectCount?.value, c?.funding?.amountCNY, c?.previous])).toEqual([
      [3, 6_000_000, null],
      [3, 7_000_000, 0],
      [4, 8_000_000, 1],
      [4, 8_000_000, 2],
      [undefined, undefined, undefined],
    ]);
    expect(changesOf(vietnam)).toEqual([
      [],
      [['funding.amountCNY', 'changed', 6_000_000, 7_000_000]],
      [
        ['projectCount', 'changed', { value: 3, qualifier: 'exact' }, { value: 4, qualifier: 'exact' }],
        ['funding.amountCNY', 'changed', 7_000_000, 8_000_000],
      ],
      [],
      null,
    ]);
    // Qualified figures keep their qualifier.
    const eu = line(h, '欧盟|中国-欧盟科技创新合作联合资助机制一般类研究创新合作项目');
    expect(eu.versions[3]).toMatchObject({ id: '1.4', projectCount: { value: 10, qualifier: 'about' }, funding: { amountCNY: 35_000_000, qualifier: 'about' } });
    expect(changesOf(eu)[3]).toEqual([['funding.amountCNY', 'changed', 30_000_000, 35_000_000]]);
    expect(changesOf(line(h, '奥地利|中国和奥地利政府间科技合作项目'))[3]).toEqual([
      ['projectCount', 'changed', { value: 15, qualifier: 'atMost' }, { value: 12, qualifier: 'atMost' }],
    ]);
    expect(changesOf(line(h, '西班牙|中国和西班牙政府间科技合作项目'))[3]).toEqual([['funding.amountCNY', 'changed', 60_000_000, 50_000_000]]);
  });

  it('keeps a renumbered direction on its line, unchanged', async () => {
    const h = history(await series());
    const japan = line(h, '日本|中国科技部与日本国际协力机构（JICA）联合研究项目');
    expect(japan.versions.map((c) => c?.id)).toEqual(['1.4', '1.4', '1.4', '1.3', undefined]);
    expect(changesOf(japan)).toEqual([[], [], [], [], null]);
    expect(states(h, japan)).toEqual(['new', 'unchanged', 'unchanged', 'unchanged', 'absent']);
  });

  it('drops a direction between draft and final, and brings one back a version later', async () => {
    const h = history(await series());
    // 缅甸: in the 2025 draft, not in the 2025 final: dropped between draft and final.
    expect(states(h, line(h, '缅甸|中国和缅甸政府间联合研究项目'))).toEqual(['new', 'unchanged', 'unchanged', 'dropped', 'absent']);
    // 芬兰: dropped from the 2024 final, back in the 2025 draft, compared with its 2024 draft version.
    const finland = line(h, '芬兰|中国和芬兰政府间科技合作项目');
    expect(states(h, finland)).toEqual(['new', 'dropped', 'returned', 'unchanged', 'absent']);
    expect(finland.versions[2]).toMatchObject({ id: '1.7', previous: 0, changes: [] });
    // 新西兰: not in 2025 (another year's call: absent, not dropped), back in the second batch.
    const nz = line(h, '新西兰|中国和新西兰政府间科学合作项目');
    expect(states(h, nz)).toEqual(['new', 'unchanged', 'absent', 'absent', 'returned']);
    expect(nz.versions[4]!.previous).toBe(1);
    expect(changesOf(nz)[4]).toEqual([
      ['projectCount', 'changed', { value: 4, qualifier: 'exact' }, { value: 5, qualifier: 'exact' }],
      ['funding.amountCNY', 'changed', 8_000_000, 10_000_000],
    ]);
    // New this year.
    const newIn = (k: number) => h.lines.filter((l) => cellState(h, l, k) === 'new').map((l) => l.versions[k]!.id);
    expect(newIn(2)).toEqual(['1.9', '2.3', '2.4']);
    expect(newIn(4)).toEqual(['1.1', '1.2', '1.4']);
    expect(sameCall(h.documents[2]!, h.documents[3]!)).toBe(true);
    expect(sameCall(h.documents[3]!, h.documents[4]!)).toBe(false);
  });

  it('follows a partner dropped from a direction and restored', async () => {
    const h = history(await series());
    const labs = line(h, '俄罗斯、白俄罗斯|中国和俄罗斯、白俄罗斯国家联合实验室项目');
    expect(labs.versions.map((c) => c?.partners)).toEqual([['俄罗斯', '白俄罗斯'], ['俄罗斯', '白俄罗斯'], ['俄罗斯'], ['俄罗斯', '白俄罗斯'], undefined]);
    expect(labs.versions[2]!.title).toBe('中国和俄罗斯国家联合实验室项目');
    // The latest form names the line.
    expect([labs.title, labs.partners]).toEqual(['中国和俄罗斯、白俄罗斯国家联合实验室项目', ['俄罗斯', '白俄罗斯']]);
    const fields = (k: number) => labs.versions[k]!.changes.map((c) => [c.field, c.kind]);
    expect(fields(2)).toEqual([
      ['title', 'reworded'],
      ['partners[白俄罗斯]', 'removed'],
      ['agreements', 'removed'],
      ['requirements[1]', 'reworded'],
      // The 2024 guideline's dates are a year earlier.
      ['requirements[2]', 'reworded'],
    ]);
    expect(fields(3)).toEqual([
      ['title', 'reworded'],
      ['partners[白俄罗斯]', 'added'],
      ['agreements', 'added'],
      ['requirements[1]', 'reworded'],
    ]);
    expect(labs.versions[3]!.changes.find((c) => c.field === 'agreements')!.after).toBe('中白政府间合作委员会科技合作分委会第五次会议纪要');
  });

  it('totals each document: stated against added up', async () => {
    const h = history(await series());
    expect(h.totals.map((t) => [t.directions.stated, t.directions.computed, t.projects.stated, t.projects.computed, t.funding.statedCNY, t.funding.computedCNY])).toEqual([
      [13, 13, 145, 145, 365_500_000, 365_500_000],
      // The final's total was left as in the draft after 芬兰 was dropped.
      [12, 12, 129, 129, 365_500_000, 306_500_000],
      // The seed's own figures, which do not add up.
      [15, 15, 155, 155, 402_000_000, 389_500_000],
      [14, 14, 142, 142, 369_500_000, 369_500_000],
      [5, 5, 23, 23, 46_000_000, 46_000_000],
    ]);
    expect(h.totals[0]).toEqual({
      directions: { stated: 13, computed: 13 },
      projects: { stated: 145, qualifier: 'about', computed: 145, unstated: 0 },
      funding: { statedCNY: 365_500_000, qualifier: 'exact', computedCNY: 365_500_000, unstated: 0 },
    });
  });

  it('history of one document: one line per direction, nothing changed; of none: empty', async () => {
    const [a] = await series();
    const h = history([a!]);
    expect(h.lines).toHaveLength(13);
    expect(h.lines.every((l) => l.versions.length === 1 && l.versions[0]!.previous === null && l.versions[0]!.changes.length === 0)).toBe(true);
    expect(history([])).toEqual({ schemaVersion: '1.1.0', order: 'sorted', documents: [], lines: [], totals: [] });
  });

  it('the same document twice: every line in both, nothing changed', async () => {
    const [a] = await series();
    const h = history([a!, a!], { order: 'given' });
    expect(h.lines).toHaveLength(13);
    expect(h.lines.every((l) => l.versions[1]!.previous === 0 && l.versions[1]!.changes.length === 0)).toBe(true);
  });

  it('gives lines that would share a key a suffix', async () => {
    const [a] = await series();
    const d = a!.directions[0]!;
    const doc: Guideline = { ...a!, directions: [d, { ...d, id: '1.2', ordinal: 2, agreements: [] }] };
    expect(history([doc]).lines.map((l) => l.key)).toEqual(['越南|中国和越南政府间联合研究项目', '越南|中国和越南政府间联合研究项目#2']);
  });

  it('is deterministic: the same input gives the same JSON', async () => {
    const docs = await series();
    expect(JSON.stringify(history(docs))).toBe(JSON.stringify(history([...docs].reverse())));
  });
});
