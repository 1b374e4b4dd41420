// 责令（限期）改正通知书 (DOCUMENTS.md §8), by template version. A notice: the party, the facts, the
// duty breached and the article that provides the order (as copied into the content when it was
// made, in the version that applies to the conduct), what to correct item by item, the period with
// its last day, the consequence, the remedies, the agency and the date; the articles' text is
// printed after the notice so that the sealed order carries the law it cites. The party signs for
// receipt (a refusal is noted by both officers with a witness, DOCUMENTS.md §5); service itself is
// recorded on a 送达回证.
import type { DocumentTemplate } from '../../templates.ts';
import { RECTIFICATION_EDITOR_2026_1 } from './editor-labels.ts';

/**
 * 行政复议 within 60 days of knowing of the act (行政复议法, 2023 revision), 行政诉讼 within six months
 * (行政诉讼法): stated without article numbers — neither text is among the verified texts of
 * ../shared/law/ (docs/RECORDS.md).
 */
const REMEDY =
  '如不服本通知，可以自收到本通知书之日起六十日内依法申请行政复议，或者自收到本通知书之日起六个月内依法向人民法院提起行政诉讼。';

export const RECTIFICATION_REGULATION =
  '《中华人民共和国行政处罚法》（2021年修订）第二十八条；网信部门行政执法程序规定（2023年国家互联网信息办公室令第14号，条文未经核对，不引用其条款）';

export const RECTIFICATION_2026_1: DocumentTemplate<'rectification'> = {
  type: 'rectification',
  version: '2026.1',
  regulation: RECTIFICATION_REGULATION,
  title: '责令（限期）改正通知书',
  openings: [],
  closing: '',
  confirmation: '',
  paragraphs: { remedy: REMEDY },
  labels: RECTIFICATION_EDITOR_2026_1,
  layout: {
    runningHead: '{{tpl.title}}（续）',
    blocks: [
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
      { kind: 'para', text: '{{party.name}}：', bold: true },
      {
        kind: 'para',
        text: {
          join: '；',
          parts: [
            { if: '{{party.idNumber}}', then: '{{party.idLabel}}：{{party.idNumber}}' },
            { if: '{{party.address}}', then: '住所：{{party.address}}' },
            { if: '{{party.legalRepresentative}}', then: '法定代表人（负责人）：{{party.legalRepresentative}}' },
          ],
        },
      },
      { kind: 'para', text: '经查，{{facts}}', indent: true },
      { kind: 'para', text: '{{violation}}', indent: true },
      {
        kind: 'para',
        text: '依据{{orderBasis}}的规定，现责令你（单位）自{{date:deadline.from}}起{{deadline.days}}{{deadline.unit}}内（即于{{date:deadline.endDate}}前）改正上述违法行为：',
        indent: true,
      },
      { kind: 'each', of: 'corrections', blocks: [{ kind: 'para', label: '{{#}}. ', text: '{{text}}' }] },
      { kind: 'para', text: '{{consequence}}', indent: true },
      { kind: 'para', text: '{{para:remedy}}', indent: true },
      { kind: 'gap', height: 12 },
      { kind: 'line', right: '{{ctx.agency}}', size: 12 },
      { kind: 'line', right: { concat: ['{{date:issueDate}}', '（印章）'] }, size: 12 },
      {
        kind: 'signatures',
        slots: [
          { id: 'party', label: '当事人签收', role: '当事人', signer: '' },
          { id: 'officer-1', label: '执法人员', role: '执法人员', officer: 'officerIds.0' },
          { id: 'officer-2', label: '执法人员', role: '执法人员', officer: 'officerIds.1' },
          { id: 'witness', when: 'witness.name', label: '见证人', role: '见证人', signer: '{{witness.name}}' },
        ],
      },
      { kind: 'heading', text: '附：所依据的法律条文' },
      {
        kind: 'para',
        text: '以下条文适用{{law.periodLabel}}的版本（违法行为终了日：{{date:law.conductDate}}；{{law.ground}}）。',
        indent: true,
      },
      {
        kind: 'each',
        of: 'law.articles',
        blocks: [
          { kind: 'para', text: '{{law}}{{article}}：{{text}}', indent: true },
          {
            kind: 'para',
            text: { concat: ['（条文来源：{{source}}', { if: '{{textStatus}}', then: '；{{textStatus}}' }, '）'] },
            indent: true,
          },
        ],
      },
    ],
    perPage: [
      { id: 'party', label: '当事人签名', role: '当事人', signer: '' },
      { id: 'officers-page', label: '执法人员', mirror: ['officer-1', 'officer-2'] },
    ],
  },
};
