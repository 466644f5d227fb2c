/**
 * Wordings read since 1.103: a 有关说明 stated once for a range of directions (`有关说明（2.1～2.3）：`,
 * `3.1、3.2有关说明：`) is each named direction's; items of a requirements list that open with a
 * label stay its items; both bounds of a count in words (`不少于2项且不超过4项`); digit groups with
 * thin spaces; a 揭榜挂帅 direction's 榜单金额 and a multiple of the central funds (`…的2倍`); partners
 * named only in a sentence (`合作对象为…`); the call's one partner taken from its title; a line naming
 * a file is no direction; a compilation's number before the title.
 */
import { describe, expect, it } from 'vitest';
import { ingestText } from '../helpers/seed.js';
import { parseCount } from '../../src/extract/patterns.js';
import { idsNamed, matchMarker } from '../../src/lexicon/markers.js';

const KEY_PROGRAMME = `国家重点研发计划“煤炭清洁高效利用技术”重点专项2027年度项目申报指南

本重点专项总体目标是：突破煤炭清洁高效利用的关键技术。2027年度指南拟启动6个指南方向，拟支持项目不超过9项，国拨经费总概算1.8亿元。除有关说明另有规定外，每个指南方向拟支持项目数为1项，项目实施周期不超过4年。

1. 清洁燃烧
1.1 燃煤机组深度调峰技术（共性关键技术类）
研究内容：研究燃煤机组20%额定负荷以下稳燃技术。
考核指标：最低稳燃负荷不高于20%额定负荷。
1.2 煤制烯烃催化剂技术（共性关键技术类）
研究内容：研究甲醇制烯烃分子筛催化剂的规模化制备技术。
考核指标：乙烯和丙烯选择性不低于85%。
1.3 燃煤烟气协同治理技术（共性关键技术类）
研究内容：研究燃煤烟气多污染物协同脱除技术。
考核指标：脱除效率不低于90%。
有关说明（1.1～1.3）：以上3个指南方向均拟支持1～2项，均要求企业牵头申报，其他经费与中央财政经费比例不低于1:1。
1.4 褐煤提质利用技术（共性关键技术类）
研究内容：研究褐煤干燥提质与热解分质利用技术。
考核指标：提质煤热值提高不少于30%。
2. 集成示范
2.1 掺氨燃烧工程示范（示范应用类）
研究内容：研究大比例掺氨燃烧技术并开展工程示范。
考核指标：掺氨比例不低于25%。
2.2 二氧化碳捕集驱油示范（示范应用类）
研究内容：研究煤化工二氧化碳捕集与驱油封存技术。
考核指标：捕集规模不低于100万吨/年。
2.1、2.2有关说明：
（1）以上2个指南方向均拟支持1项，实施周期不超过3年。
（2）要求企业牵头申报，其他经费与中央财政经费比例不低于2:1。

三、申报要求
1. 项目牵头单位应为中国大陆境内注册的法人单位。
`;

const GAT = `国家重点研发计划“港澳台科技创新合作”重点专项2027年度第三批项目申报指南
发布时间：2027-04-20　来源：港澳台办

一、指南方向
本批项目设立3个指南方向，拟支持项目数约9个，国拨经费总概算2800万元。

1.1 内地与香港联合资助研发项目（智能制造）
合作地区：香港
拟支持项目数：不少于2项且不超过4项。
共拟支持经费：1 200万元。
其他要求：
（1）执行期：2027.01-2029.12。
（2）香港合作方须为香港特别行政区内的大学或科研机构。
1.2 内地与澳门联合研究项目（中医药）
合作地区：澳门
拟支持项目数：3项。
共拟支持经费：1 000万元。
其他要求：项目实施周期3年。
1.3 中欧班列沿线物流技术合作项目
合作国家：匈牙利
拟支持项目数：2项。
共拟支持经费：600万元。
其他要求：项目实施周期2年。

相关附件：
1.项目申报书（内地部分）.docx
`;

describe('a note stated once for a range of directions', () => {
  it('reads the directions it names from its label, a range spelt out', () => {
    expect(idsNamed(matchMarker('有关说明（2.1～2.3）：以上3个')!.text, '有关说明')).toEqual(['2.1', '2.2', '2.3']);
    expect(matchMarker('3.1、3.2有关说明：')).toMatchObject({ type: 'field', key: '有关说明' });
    expect(idsNamed('3.1、3.2有关说明：', '有关说明')).toEqual(['3.1', '3.2']);
    // (A label whose other words are more than numbers names no direction; one number alone before a label is a numbered field.)
    expect(idsNamed('注（1.5倍）：', '注')).toEqual([]);
    expect(matchMarker('2.1 合作协议：《中德科技合作协定》')).toMatchObject({ type: 'decimal', key: '2.1' });
  });

  it('is each named direction’s: its count, its conditions, one requirement each', async () => {
    const d = await ingestText(KEY_PROGRAMME, 'kp-shared-notes.txt');
    const byId = new Map(d.directions.map((x) => [x.id, x]));
    expect(d.directions.map((x) => x.id)).toEqual(['1.1', '1.2', '1.3', '1.4', '2.1', '2.2']);
    for (const id of ['1.1', '1.2', '1.3']) {
      const x = byId.get(id)!;
      expect(x.projectCount).toMatchObject({ value: 2, min: 1, qualifier: 'atMost', inherited: false });
      expect(x.conditions.matchingRatio).toMatchObject({ other: 1, central: 1, qualifier: 'atLeast' });
      expect(x.conditions.leadingEnterprise).not.toBeNull();
      expect(x.requirements.map((r) => r.text)).toEqual(['以上3个指南方向均拟支持1～2项，均要求企业牵头申报，其他经费与中央财政经费比例不低于1:1。']);
    }
    // 1.4, after the note, is no direction it names: the call's count, no requirement.
    expect(byId.get('1.4')!.projectCount).toMatchObject({ value: 1, inherited: true });
    expect(byId.get('1.4')!.requirements).toEqual([]);
    for (const id of ['2.1', '2.2']) {
      const x = byId.get(id)!;
      expect(x.projectCount).toMatchObject({ value: 1, qualifier: 'exact', inherited: false });
      expect(x.duration).toMatchObject({ maxYears: 3, qualifier: 'atMost', inherited: false });
      expect(x.conditions.matchingRatio).toMatchObject({ other: 2, central: 1 });
      expect(x.requirements).toHaveLength(2);
    }
    // The note's span is where it stands, under 1.3 (the shared text is not copied).
    const shared = byId.get('1.1')!.requirements[0]!;
    expect(shared.span.line).toBe(byId.get('1.3')!.requirements[0]!.span.line);
  });
});

const FORM = `国家重点研发计划“政府间国际科技创新合作”重点专项2028年度第一批项目申报指南

一、指南方向
1.1 中国和冰岛政府间联合研究项目
合作协议：《中冰科技合作联委会第五次会议纪要》。
拟支持项目数：4个。
共拟支持经费：800万元。
企业牵头：☐（勾选表示须由企业牵头申报）
1.2 中国和智利政府间联合研究项目
合作协议：《中智科技合作联委会第五次会议纪要》。
拟支持项目数：
共拟支持经费：600万元。
企业牵头：☑（勾选表示须由企业牵头申报）
`;

describe('a form filled in as text', () => {
  it('reads a ticked box before its printed hint as yes, an empty one as no; a label left blank is a missing field', async () => {
    const d = await ingestText(FORM, 'gjhz-form.txt');
    const [a, b] = d.directions;
    expect(a!.conditions.leadingEnterprise).toBeNull();
    expect(b!.conditions.leadingEnterprise?.text).toBe('☑（勾选表示须由企业牵头申报）');
    expect(b!.projectCount).toBeNull();
    // (Its duration is missing too: neither it nor the call states one.)
    expect(d.checks.filter((c) => c.code === 'field-missing' && c.directionId === '1.2').map((c) => c.computed)).toEqual(['projectCount', 'duration']);
    expect(d.checks.filter((c) => c.code === 'value-unreadable')).toEqual([]);
  });
});

describe('wordings of counts, amounts and partners', () => {
  it('reads both bounds of a count in words as a range', () => {
    expect(parseCount('不少于2项且不超过4项。')?.value).toEqual({ value: 4, min: 2, qualifier: 'atMost' });
    expect(parseCount('至少1个、最多3个')?.value).toEqual({ value: 3, min: 1, qualifier: 'atMost' });
    expect(parseCount('不少于2项')?.value).toEqual({ value: 2, qualifier: 'atLeast' });
  });

  it('reads a requirements list whose item opens with a label as its items, and the rest of a 港澳台 call', async () => {
    const d = await ingestText(GAT, 'gat-wordings.txt');
    expect(d.directions.map((x) => x.id)).toEqual(['1.1', '1.2', '1.3']);
    const [a, b, c] = d.directions;
    expect(a!.requirements.map((r) => r.text)).toEqual(['执行期：2027.01-2029.12。', '香港合作方须为香港特别行政区内的大学或科研机构。']);
    expect(a!.duration).toMatchObject({ minYears: 3, maxYears: 3 });
    expect(a!.projectCount).toMatchObject({ value: 4, min: 2, qualifier: 'atMost' });
    // `1 200万元` with a thin space between its digit groups (GB/T 15835).
    expect(a!.funding?.amountCNY).toBe(12_000_000);
    expect(b!.funding?.amountCNY).toBe(10_000_000);
    // `中欧班列` is a railway, no 欧盟: the field's partner only.
    expect(c!.partners.map((p) => p.name)).toEqual(['匈牙利']);
    // The attachment's file name, numbered `1.`, is no direction.
    expect(d.checks.filter((k) => k.code === 'direction-count-mismatch')).toEqual([]);
  });
});
