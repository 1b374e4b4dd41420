// The 责令（限期）改正通知书 editor's labels, by template version (see the other types' editor-labels.ts:
// every key the editor asks for exists in every version; a changed label is a new version).
import { WITNESS_LABELS } from '../../templates/common.ts';

export const RECTIFICATION_EDITOR_2026_1: Record<string, string> = {
  'section.party': '当事人',
  'party.name': '名称或姓名',
  'party.idLabel': '证照名称',
  'party.idNumber': '统一社会信用代码或证件号码',
  'party.address': '住所',
  'party.legalRepresentative': '法定代表人（负责人）',
  'section.facts': '违法事实',
  facts: '经查明的事实（时间、经过、记载事实的笔录文号）',
  'section.law': '法律依据（违法行为发生时施行的版本）',
  law: '所依据的条文',
  violation: '违反的规定',
  orderBasis: '责令改正所依据的条款',
  'section.corrections': '责令改正的内容',
  corrections: '应当改正的事项（逐项）',
  'corrections[].text': '改正事项',
  'section.deadline': '改正期限',
  'deadline.days': '期限（天数）',
  'deadline.unit': '计算方式',
  'deadline.from': '起算日（送达之日，当日不计入）',
  'deadline.endDate': '届满日期',
  consequence: '逾期不改正的后果',
  'section.issue': '作出与送达',
  issueDate: '通知书日期',
  officerIds: '执法人员（两名）',
  witness: '见证人（当事人拒绝签收时）',
  ...WITNESS_LABELS,
};
