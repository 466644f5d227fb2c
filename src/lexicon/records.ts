/**
 * The fields a policy database or a government file library prints above a document it holds
 * (北大法宝 `【发布部门】…`, 查策网, a province's 政府信息公开 `索 引 号：…` / `发文字号：…`): no part of
 * the guideline. A new database's field is a row here. (`关键词` is not one: a key programme's
 * directions carry it.)
 */
export const RECORD_LABELS: readonly string[] = [
  '索引号', '统一编号', '登记号', '主题分类', '组配分类', '体裁分类', '所属类别', '法规类别', '公文种类', '文种', '分类',
  '发文机关', '发文单位', '发布机关', '发布机构', '发布部门', '发布单位', '制发机关', '签发人',
  '成文日期', '发文日期', '发布日期', '公布日期', '发布时间', '施行日期', '实施日期', '生效日期', '失效日期', '废止日期',
  '标题', '文件名称', '名称', '发文字号', '文号', '字号',
  '有效性', '效力级别', '时效性', '时效', '有效期', '政策级别', '政策类型', '所属行业', '适用地区', '服务对象', '主题词',
  '信息来源', '来源', '法宝引证码', '北大法宝引证码', '意见反馈截止', '浏览次数', '阅读次数', '点击量',
];

const SET: ReadonlySet<string> = new Set(RECORD_LABELS);

/** A database's field line: `【发布部门】…`, `索 引 号：…`, `发文字号:…` (spaces inside the label aside). */
export function isRecordField(line: string): boolean {
  const t = line.trim();
  const m = /^【([^】]{1,12})】/.exec(t) ?? /^([\u4e00-\u9fff \u3000]{1,14}?)[：:]/.exec(t);
  return m !== null && SET.has(m[1]!.replace(/[\s\u3000]+/g, ''));
}

/** What a database prints between its fields and the text: `正文：`, `全文：`, `（本文由政策数据库整理，内容以官方发布为准）`. */
export const RE_RECORD_NOTE = /^(?:[【\[]?(?:正文|全文|原文)[】\]]?[：:]?|[（(](?:本文|本页|以上|该文).{0,24}(?:整理|转载|来源|收录|编辑).{0,30}[）)])$/;
