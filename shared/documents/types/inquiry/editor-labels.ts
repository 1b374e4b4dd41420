// The 询问笔录 editor's labels, by template version: section titles (`section.…`), fields by content
// path, table columns by list and key (`items[].name`). The editor takes every label from here
// through `label(key)`, so the labels are versioned with the wording and the printed layout
// (core/documents/template-versions.test.ts checks that every key the editor asks for exists in
// every version). A changed label is a new template version (released ones are pinned by hash).

import { TIME_AND_PLACE_LABELS } from '../../templates/common.ts';

export const INQUIRY_EDITOR_2023_1: Record<string, string> = {
  'section.header': '询问情况',
  ...TIME_AND_PLACE_LABELS,
  inquirerId: '询问人',
  recorderId: '记录人',
  'section.interviewee': '被询问人',
  'interviewee.name': '姓名',
  'interviewee.gender': '性别',
  'interviewee.birthDate': '出生日期',
  'interviewee.ethnicity': '民族',
  'interviewee.idType': '证件种类',
  'interviewee.idNumber': '证件号码',
  'interviewee.relation': '与案件关系',
  'interviewee.phone': '联系电话',
  'interviewee.employer': '工作单位',
  'interviewee.position': '职务',
  othersPresent: '其他在场人员',
  'interviewee.address': '联系地址',
  'interpreter.name': '翻译人员（如有）',
  'interpreter.unit': '翻译人员单位及联系方式',
  'section.openings': '告知事项',
  'section.qa': '笔录正文',
  'section.closing': '结尾',
  confirmation: '被询问人的确认意见（以被询问人自己的话记录）',
};
