// The 登记保存物品清单 editor's labels, by template version: section titles (`section.…`), fields by content
// path, table columns by list and key (`items[].name`). The editor takes every label from here
// through `label(key)`, so the labels are versioned with the wording and the printed layout
// (core/documents/template-versions.test.ts checks that every key the editor asks for exists in
// every version). A changed label is a new template version (released ones are pinned by hash).

import { WITNESS_LABELS } from '../../templates/common.ts';

export const PRESERVATION_EDITOR_2023_1: Record<string, string> = {
  'section.items': '登记保存物品清单',
  partyName: '当事人',
  'items[].name': '名称',
  'items[].model': '品牌型号',
  'items[].spec': '规格',
  'items[].serial': '序列号/IMEI',
  'items[].quantity': '数量',
  'items[].condition': '状态（外观、是否开机、封存）',
  'items[].sealNo': '封条编号',
  'items[].note': '备注',
  'section.approval': '批准与保存',
  'approval.approver': '批准人（行政机关负责人）',
  'approval.at': '批准时间',
  'approval.how': '批准方式',
  startDate: '登记保存开始日期',
  place: '保存地点',
  conditions: '保存条件',
  officerIds: '执法人员（两名）',
  witness: '见证人（当事人不在场或拒绝签名时）',
  ...WITNESS_LABELS,
};
