// What several templates share: the regulation, the opening statements, the printed header.
// Shared by reference only between template versions that are meant to be identical: every
// released version's data is pinned by its hash (templates.test.ts), so editing a constant here
// that a released version uses fails the tests — make a new version instead.
import type { BlockDef } from '../print-layout.ts';
import type { OpeningStatement } from '../templates.ts';

export const REG_2023 = '网信部门行政执法程序规定（2023年国家互联网信息办公室令第14号）';

export const CERTIFICATES: OpeningStatement = {
  key: 'certificates',
  label: '出示执法证件',
  text: '我们是{{agency}}的执法人员{{officers}}，这是我们的执法证件，请你过目。你是否看清楚？',
  suggestedAnswer: '看清楚了。',
};
export const RECUSAL: OpeningStatement = {
  key: 'recusal',
  label: '告知陈述申辩及申请回避的权利',
  text: '我们依法就{{matter}}有关问题进行调查，请予配合。你有权进行陈述和申辩。如果你认为调查人员与本案有直接利害关系或者有其他关系可能影响公正处理的，有权申请回避（①系本案当事人或当事人的近亲属；②与本案有直接利害关系；③与本案当事人有其他关系，可能影响案件公正处理）。你是否申请回避？',
  suggestedAnswer: '不申请回避。',
};
export const TRUTHFUL: OpeningStatement = {
  key: 'truthful',
  label: '告知如实回答的义务',
  text: '你应当如实回答询问，并协助调查，不得拒绝或者阻挠。你是否明白？',
  suggestedAnswer: '明白。',
};

/** The agency above the spaced title, the case and the number; a 补正 says what it corrects first. */
export const HEADER_2023: BlockDef[] = [
  { kind: 'line', center: '{{ctx.agency}}', size: 14 },
  { kind: 'title', text: '{{tpl.title}}' },
  { kind: 'line', left: '案由：{{ctx.caseTitle}}', right: '{{doc.docNo}}', size: 10.5 },
  {
    kind: 'para',
    when: 'doc.correction.corrects',
    label: '补正：',
    text: '本文书是对{{doc.correction.corrects.docNo}}的补正。原因：{{doc.correction.corrects.reason}}',
  },
  { kind: 'gap', height: 4 },
];

/** Editor labels several types share (each type's editor-labels.ts spreads them in). */
export const TIME_AND_PLACE_LABELS = { startTime: '开始时间', endTime: '结束时间', place: '地点' };
export const WITNESS_LABELS = {
  'witness.name': '姓名',
  'witness.idNumber': '身份证件号码',
  'witness.unit': '单位',
  'witness.phone': '联系电话',
};
