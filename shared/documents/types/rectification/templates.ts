// 责令（限期）改正通知书 (DOCUMENTS.md §8), by template version. A notice: the party, the facts, the
// duty breached and the article that provides the order (as copied into the content when it was
// made, in the version that applies to the conduct), what to correct item by item, the period with
// its last day, the consequence, the remedies, the agency and the date; the articles' text is
// printed after the notice so that the sealed order carries the law it cites. The party signs for
// receipt (a refusal is noted by both officers with a witness, DOCUMENTS.md §5); service itself is
// recorded on a 送达回证.
import type { DocumentTemplate } from '../../templates.ts';
import { END_MARK, HEADER_2026, REG_2023_UNCITED } from '../../templates/common.ts';
import { RECTIFICATION_EDITOR_2026_1 } from './editor-labels.ts';

/**
 * 行政复议 within 60 days of knowing of the act (行政复议法, 2023 revision), 行政诉讼 within six months
 * (行政诉讼法): stated without article numbers — neither text is among the verified texts of
 * ../shared/law/ (docs/RECORDS.md).
 */
const REMEDY =
  '如不服本通知，可以自收到本通知书之日起六十日内依法申请行政复议，或者自收到本通知书之日起六个月内依法向人民法院提起行政诉讼。';

export const RECTIFICATION_2026_1: DocumentTemplate<'rectification'> = {
  type: 'rectification',
  version: '2026.1',
  regulation: REG_2023_UNCITED,
  title: '责令（限期）改正通知书',
  openings: [],
  closing: '',
  confirmation: '',
  paragraphs: { remedy: REMEDY },
  labels: RECTIFICATION_EDITOR_2026_1,
  layout: {
    typesetting: 2,
    runningHead: '{{tpl.title}}（续）',
    blocks: [
      ...HEADER_2026,
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
      { kind: 'para', text: { concat: ['经查，', { end: '{{facts}}' }] }, indent: true },
      { kind: 'para', text: { end: '{{violation}}' }, indent: true },
      {
        kind: 'para',
        text: '依据{{orderBasis}}的规定，现责令你（单位）自{{day:deadline.from}}起{{deadline.days}}{{deadline.unit}}内（即于{{day:deadline.endDate}}前）改正上述违法行为：',
        indent: true,
      },
      { kind: 'each', of: 'corrections', blocks: [{ kind: 'para', label: '{{#}}. ', text: { end: '{{text}}' } }] },
      { kind: 'para', text: { end: '{{consequence}}' }, indent: true },
      { kind: 'para', text: '{{para:remedy}}', indent: true },
      END_MARK,
      { kind: 'gap', height: 8 },
      {
        kind: 'issuer',
        agency: '{{ctx.agency}}',
        date: { first: ['{{day:issueDate}}', '\u3000\u3000年\u3000\u3000月\u3000\u3000日'] },
      },
      {
        kind: 'signatures',
        slots: [
          { id: 'party', label: '当事人签收', role: '当事人', signer: '' },
          { id: 'officer-1', label: '执法人员', role: '执法人员', officer: 'officerIds.0' },
          { id: 'officer-2', label: '执法人员', role: '执法人员', officer: 'officerIds.1' },
          { id: 'witness', when: 'witness.name', label: '见证人', role: '见证人', signer: '{{witness.name}}' },
        ],
      },
      {
        kind: 'pageBreak',
        head: '{{tpl.title}}（附：所依据的法律条文）',
        continued: '{{tpl.title}}（附：所依据的法律条文，续）',
      },
      { kind: 'heading', text: '附：所依据的法律条文' },
      {
        kind: 'para',
        when: 'law.articles',
        text: '以下条文适用{{law.periodLabel}}的版本（违法行为终了日：{{day:law.conductDate}}；{{law.ground}}）。',
        indent: true,
      },
      {
        kind: 'each',
        of: 'law.articles',
        blocks: [
          { kind: 'para', text: { concat: ['{{law}}{{article}}：', { end: '{{text}}' }] }, indent: true },
          {
            kind: 'para',
            text: { concat: ['（条文来源：{{source}}', { if: '{{textStatus}}', then: '；{{textStatus}}' }, '）'] },
            indent: true,
          },
        ],
      },
    ],
    // A notice, not a record: signed once at its end (the party for receipt), not on every page.
    perPage: [],
  },
};
