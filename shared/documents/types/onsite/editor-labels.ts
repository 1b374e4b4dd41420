// The 现场笔录 editor's labels, by template version: section titles (`section.…`), fields by content
// path, table columns by list and key (`items[].name`). The editor takes every label from here
// through `label(key)`, so the labels are versioned with the wording and the printed layout
// (core/documents/template-versions.test.ts checks that every key the editor asks for exists in
// every version). A changed label is a new template version (released ones are pinned by hash).

import { TIME_AND_PLACE_LABELS, WITNESS_LABELS } from '../../templates/common.ts';

export const ONSITE_EDITOR_2023_1: Record<string, string> = {
  'section.header': '检查情况',
  ...TIME_AND_PLACE_LABELS,
  inspectorIds: '检查人员（两名）',
  recorderId: '记录人',
  reason: '检查事由',
  'section.party': '当事人',
  'party.name': '名称或姓名',
  'party.licence': '主体资格证照名称',
  'party.idNumber': '统一社会信用代码或证件号码',
  'party.legalRepresentative': '法定代表人（负责人）',
  'party.phone': '联系电话',
  'party.platform': '网站/APP/账号、域名、ICP备案号',
  'party.address': '住所',
  partyNotice: '通知当事人到场情况',
  present: '现场人员',
  'present[].name': '姓名',
  'present[].idNumber': '身份证件号码',
  'present[].role': '身份/职务',
  'present[].unit': '单位',
  'present[].phone': '联系电话',
  'section.openings': '告知事项',
  'section.witness': '见证人（当事人不在场或拒绝时必填）',
  ...WITNESS_LABELS,
  'section.findings': '现场情况',
  measures: '采取的措施',
  'measures[].kind': '措施',
  'measures[].description': '说明',
  'measures[].linkedDocumentId': '关联文书（电子取证、先行登记保存须关联）',
  statement: '当事人的陈述和申辩',
  'section.closing': '结尾',
  confirmation: '当事人（或见证人）的确认意见',
};

/** Labels of the 复查 fields (added after 2026.1: the descriptor's addedLabels shows them to older versions). */
export const REVIEW_LABELS = {
  'measures[].outcome': '复查结论',
  'measures[].earlyReason': '期限届满前复查的原因（期限届满前复查时填写）',
} as const;

export const ONSITE_EDITOR_2026_2: Record<string, string> = {
  ...ONSITE_EDITOR_2023_1,
  'measures[].linkedDocumentId': '关联文书（电子取证、先行登记保存、复查须关联）',
  ...REVIEW_LABELS,
};
