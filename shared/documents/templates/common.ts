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

// ---- The 2026.1 versions (typesetting profile 2) --------------------------------------------------
// What they follow (docs/LAW.md «The procedure regulation»): the 2023 regulation is the one in
// force, but its text could not be obtained (../shared/law/ has a fragment of the 2022 draft), so
// none of its articles is cited; every duty the wording states cites the verified article of the
// 行政处罚法 (2021), and a statement nothing verified supports is kept without a reference.

export const REG_2023_UNCITED =
  '网信部门行政执法程序规定（2023年国家互联网信息办公室令第14号，2023年6月1日起施行）；其条文未经核对，本文书不引用其条款，所引条款均为《中华人民共和国行政处罚法》（2021年修订）';

const LAW = '《中华人民共和国行政处罚法》';

/** 出示执法证件: two officers with enforcement qualification (art. 42), certificates shown (art. 55 ¶1). */
export const CERTIFICATES_2026: OpeningStatement = {
  key: 'certificates',
  label: '出示执法证件',
  text: `我们是{{agency}}的执法人员{{officers}}。依照${LAW}第四十二条、第五十五条第一款的规定，现向你出示执法证件，请你过目。你是否看清楚？`,
  suggestedAnswer: '看清楚了。',
};
/** 如实回答 and 协助调查 (art. 55 ¶2). */
export const TRUTHFUL_2026: OpeningStatement = {
  key: 'truthful',
  label: '告知如实回答的义务',
  text: `依照${LAW}第五十五条第二款的规定，你应当如实回答询问，并协助调查，不得拒绝或者阻挠。你是否明白？`,
  suggestedAnswer: '明白。',
};
/** The same duty on site (art. 55 ¶2: 协助调查或者检查). */
export const COOPERATE_2026: OpeningStatement = {
  key: 'cooperate',
  label: '告知配合检查的义务',
  text: `依照${LAW}第五十五条第二款的规定，你应当如实回答询问，并协助检查，不得拒绝或者阻挠。你是否明白？`,
  suggestedAnswer: '明白。',
};
// 陈述申辩 and 回避 (RECUSAL above, unchanged): no verified text supports them here (the 行政处罚法's
// articles on them are not among the verified excerpts), so the 2026.1 versions state them without
// an article, as the 2023.1 versions did.

/** The header of 2023, the 补正's reason closed with a full stop (once). */
export const HEADER_2026: BlockDef[] = [
  { kind: 'line', center: '{{ctx.agency}}', size: 14 },
  { kind: 'title', text: '{{tpl.title}}' },
  { kind: 'line', left: '案由：{{ctx.caseTitle}}', right: '{{doc.docNo}}', size: 10.5 },
  {
    kind: 'para',
    when: 'doc.correction.corrects',
    label: '补正：',
    text: {
      concat: [
        '本文书是对{{doc.correction.corrects.docNo}}的补正。原因：',
        { end: '{{doc.correction.corrects.reason}}' },
      ],
    },
  },
  { kind: 'gap', height: 4 },
];

/** 以下空白: after the last line of a record's text, before its signatures. */
export const END_MARK: BlockDef = { kind: 'endMark', text: '以下空白' };
