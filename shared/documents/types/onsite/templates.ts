// 现场笔录 (DOCUMENTS.md §2), by template version. The printed layout: header, the party and its
// platform, notice to the party, the people present, the opening statements, findings, measures
// (with the numbers of the linked records), the party's statement, the closing. Every page carries
// 当事人, 见证人 (when there is one), both inspectors and the recorder; the party and the witness
// sign each page, the officers' end signatures are shown again.
import type { DocumentTemplate } from '../../templates.ts';
import {
  CERTIFICATES,
  CERTIFICATES_2026,
  COOPERATE_2026,
  END_MARK,
  HEADER_2023,
  HEADER_2026,
  RECUSAL,
  REG_2023,
  REG_2023_UNCITED,
  TRUTHFUL,
} from '../../templates/common.ts';
import { ONSITE_EDITOR_2023_1, ONSITE_EDITOR_2026_2 } from './editor-labels.ts';

const PARTY_SIGNER = '{{representative:present,party.legalRepresentative}}';
const WITNESS = '{{witness.name}}';

export const ONSITE_2023_1: DocumentTemplate<'onsite'> = {
  type: 'onsite',
  version: '2023.1',
  regulation: REG_2023,
  title: '现场笔录',
  openings: [
    CERTIFICATES,
    RECUSAL,
    {
      ...TRUTHFUL,
      key: 'cooperate',
      label: '告知配合检查的义务',
      text: '你应当配合检查，如实提供有关情况和材料，不得拒绝或者阻挠。你是否明白？',
    },
  ],
  closing: '以上记录请核对，如属实请签名。',
  confirmation: '以上记录属实。',
  paragraphs: {
    // Seeds a new record's 检查事由 (editable); {{matter}} is the case's matter as a phrase.
    reason: '依法就{{matter}}有关情况进行现场检查。',
  },
  labels: ONSITE_EDITOR_2023_1,
  layout: {
    runningHead: '{{tpl.title}}（续）',
    blocks: [
      ...HEADER_2023,
      {
        kind: 'grid',
        columns: 4,
        rows: [
          { cells: [{ label: '时间', value: '{{span:startTime,endTime}}', span: 4 }] },
          { cells: [{ label: '地点', value: '{{place}}', span: 4 }] },
          { cells: [{ label: '检查人员', value: '{{officers:inspectorIds}}', span: 4 }] },
          {
            cells: [
              { label: '记录人', value: '{{officer:recorderId}}', span: 2 },
              { label: '通知当事人到场情况', value: '{{partyNotice}}', span: 2 },
            ],
          },
          { cells: [{ label: '检查事由', value: '{{reason}}', span: 4 }] },
          {
            cells: [
              { label: '当事人', value: '{{party.name}}', span: 2 },
              { label: '主体资格证照名称', value: '{{party.licence}}', span: 2 },
            ],
          },
          { cells: [{ label: '统一社会信用代码（身份证件号码）', value: '{{party.idNumber}}', span: 4 }] },
          {
            cells: [
              { label: '法定代表人（负责人）', value: '{{party.legalRepresentative}}', span: 2 },
              { label: '联系电话', value: '{{party.phone}}', span: 2 },
            ],
          },
          { cells: [{ label: '住所', value: '{{party.address}}', span: 4 }] },
          {
            when: 'party.platform',
            cells: [{ label: '网站/APP/账号、域名、IP、ICP备案号', value: '{{party.platform}}', span: 4 }],
          },
        ],
      },
      { kind: 'heading', when: 'present', text: '现场人员' },
      {
        kind: 'table',
        when: 'present',
        of: 'present',
        size: 9,
        columns: [
          { title: '姓名', width: 2, value: '{{name}}' },
          { title: '身份证件号码', width: 4, value: '{{idNumber}}' },
          { title: '身份/职务', width: 2.5, value: '{{role}}' },
          { title: '工作单位', width: 4, value: '{{unit}}' },
          { title: '联系电话', width: 2.5, value: '{{phone}}' },
        ],
      },
      { kind: 'gap', height: 6 },
      { kind: 'openings', officers: ['inspectorIds'] },
      { kind: 'heading', text: '现场情况' },
      { kind: 'para', text: '{{findings}}', indent: true },
      { kind: 'heading', when: 'measures', text: '采取的措施' },
      {
        kind: 'each',
        of: 'measures',
        blocks: [
          {
            kind: 'para',
            label: '{{#}}. ',
            text: {
              concat: [
                '{{kind}}',
                { if: '{{description}}', then: '：{{description}}' },
                { if: '{{docNo:linkedDocumentId}}', then: '（见{{docNo:linkedDocumentId}}）' },
              ],
            },
          },
        ],
      },
      { kind: 'heading', text: '当事人的陈述和申辩' },
      { kind: 'para', text: { first: ['{{statement}}', '无。'] }, indent: true },
      {
        kind: 'para',
        when: 'witness.name',
        label: '见证人：',
        text: {
          join: '，',
          parts: ['{{witness.name}}', '{{witness.idNumber}}', '{{witness.unit}}', '{{witness.phone}}'],
        },
      },
      { kind: 'para', text: '{{tpl.closing}}', indent: true },
      { kind: 'para', label: '当事人核对意见：', text: '{{confirmation}}' },
      {
        kind: 'signatures',
        slots: [
          { id: 'party', label: '当事人', role: '当事人', signer: PARTY_SIGNER },
          { id: 'witness', when: 'witness.name', label: '见证人', role: '见证人', signer: WITNESS },
          { id: 'inspector-1', label: '检查人员', role: '执法人员', officer: 'inspectorIds.0' },
          { id: 'inspector-2', label: '检查人员', role: '执法人员', officer: 'inspectorIds.1' },
          { id: 'recorder', label: '记录人', role: '记录人', officer: 'recorderId' },
        ],
      },
    ],
    perPage: [
      { id: 'party', label: '当事人签名', role: '当事人', signer: PARTY_SIGNER },
      { id: 'witness', when: 'witness.name', label: '见证人签名', role: '见证人', signer: WITNESS },
      { id: 'inspectors-page', label: '检查人员', mirror: ['inspector-1', 'inspector-2'] },
      { id: 'recorder-page', label: '记录人', mirror: ['recorder'] },
    ],
  },
};

// 2026.1: the opening statements cite 行政处罚法 第四十二条、第五十五条 (the duty on site now as
// article 55 states it: 如实回答询问，并协助检查); a measure reads 「电子取证（见网信案取…号）：…」 so
// that its description ends the line with its own punctuation; times as 年月日时分; 以下空白 after
// the confirmation; the party's name, the recorder and the notice each on a row of their own, so
// that no name is broken in a half-width cell; typesetting profile 2 (docs/PDF.md).
export const ONSITE_2026_1: DocumentTemplate<'onsite'> = {
  type: 'onsite',
  version: '2026.1',
  regulation: REG_2023_UNCITED,
  title: '现场笔录',
  openings: [CERTIFICATES_2026, RECUSAL, COOPERATE_2026],
  closing: '以上记录请核对，如属实请签名。',
  confirmation: '以上记录属实。',
  paragraphs: { reason: '依法就{{matter}}有关情况进行现场检查。' },
  labels: ONSITE_EDITOR_2023_1,
  layout: {
    typesetting: 2,
    runningHead: '{{tpl.title}}（续）',
    blocks: [
      ...HEADER_2026,
      {
        kind: 'grid',
        columns: 4,
        rows: [
          { cells: [{ label: '时间', value: '{{period:startTime,endTime}}', span: 4 }] },
          { cells: [{ label: '地点', value: '{{place}}', span: 4 }] },
          { cells: [{ label: '检查人员', value: '{{officers:inspectorIds}}', span: 4 }] },
          { cells: [{ label: '记录人', value: '{{officer:recorderId}}', span: 4 }] },
          { cells: [{ label: '检查事由', value: '{{reason}}', span: 4 }] },
          { cells: [{ label: '当事人', value: '{{party.name}}', span: 4 }] },
          { cells: [{ label: '主体资格证照名称', value: '{{party.licence}}', span: 4 }] },
          { cells: [{ label: '统一社会信用代码（身份证件号码）', value: '{{party.idNumber}}', span: 4 }] },
          {
            cells: [
              { label: '法定代表人（负责人）', value: '{{party.legalRepresentative}}', span: 2 },
              { label: '联系电话', value: '{{party.phone}}', span: 2 },
            ],
          },
          { cells: [{ label: '住所', value: '{{party.address}}', span: 4 }] },
          {
            when: 'party.platform',
            cells: [{ label: '网站/APP/账号、域名、IP、ICP备案号', value: '{{party.platform}}', span: 4 }],
          },
          { cells: [{ label: '通知当事人到场情况', value: '{{partyNotice}}', span: 4 }] },
        ],
      },
      { kind: 'heading', when: 'present', text: '现场人员' },
      {
        kind: 'table',
        when: 'present',
        of: 'present',
        size: 9,
        columns: [
          { title: '姓名', width: 2, value: '{{name}}' },
          { title: '身份证件号码', width: 4, value: '{{idNumber}}' },
          { title: '身份/职务', width: 2.5, value: '{{role}}' },
          { title: '工作单位', width: 4, value: '{{unit}}' },
          { title: '联系电话', width: 2.5, value: '{{phone}}' },
        ],
      },
      { kind: 'gap', height: 6 },
      { kind: 'openings', officers: ['inspectorIds'] },
      { kind: 'heading', text: '现场情况' },
      { kind: 'para', text: '{{findings}}', indent: true },
      { kind: 'heading', when: 'measures', text: '采取的措施' },
      {
        kind: 'each',
        of: 'measures',
        blocks: [
          {
            kind: 'para',
            label: '{{#}}. ',
            text: {
              concat: [
                '{{kind}}',
                { if: '{{docNo:linkedDocumentId}}', then: '（见{{docNo:linkedDocumentId}}）' },
                { if: '{{description}}', then: '：{{description}}' },
              ],
            },
          },
        ],
      },
      { kind: 'heading', text: '当事人的陈述和申辩' },
      { kind: 'para', text: { first: ['{{statement}}', '无。'] }, indent: true },
      {
        kind: 'para',
        when: 'witness.name',
        label: '见证人：',
        text: {
          join: '，',
          parts: ['{{witness.name}}', '{{witness.idNumber}}', '{{witness.unit}}', '{{witness.phone}}'],
        },
      },
      { kind: 'para', text: '{{tpl.closing}}', indent: true, closing: true },
      { kind: 'para', label: '当事人核对意见：', text: '{{confirmation}}', closing: true },
      END_MARK,
      {
        kind: 'signatures',
        slots: [
          { id: 'party', label: '当事人', role: '当事人', signer: PARTY_SIGNER },
          { id: 'witness', when: 'witness.name', label: '见证人', role: '见证人', signer: WITNESS },
          { id: 'inspector-1', label: '检查人员', role: '执法人员', officer: 'inspectorIds.0' },
          { id: 'inspector-2', label: '检查人员', role: '执法人员', officer: 'inspectorIds.1' },
          { id: 'recorder', label: '记录人', role: '记录人', officer: 'recorderId' },
        ],
      },
    ],
    perPage: [
      { id: 'party', label: '当事人签名', role: '当事人', signer: PARTY_SIGNER },
      { id: 'witness', when: 'witness.name', label: '见证人签名', role: '见证人', signer: WITNESS },
      { id: 'inspectors-page', label: '检查人员', mirror: ['inspector-1', 'inspector-2'] },
      { id: 'recorder-page', label: '记录人', mirror: ['recorder'] },
    ],
  },
};

// 2026.2: a 复查 (the later check of a 责令改正通知书, DOCUMENTS.md §8) prints its outcome and, when it
// came before the order's period ended, why: 「复查（见网信案改…号）：复查结论为未改正。…」. Everything
// else as 2026.1 (same blocks, same typesetting profile); 2026.1 documents print as they did.
const MEASURE_LINE_2026_2 = {
  concat: [
    '{{kind}}',
    { if: '{{docNo:linkedDocumentId}}', then: '（见{{docNo:linkedDocumentId}}）' },
    {
      if: '{{outcome}}',
      then: {
        concat: [
          '：复查结论为{{outcome}}。',
          '{{description}}',
          { if: '{{earlyReason}}', then: '（期限届满前复查的原因：{{earlyReason}}）' },
        ],
      },
      else: { if: '{{description}}', then: '：{{description}}' },
    },
  ],
};

export const ONSITE_2026_2: DocumentTemplate<'onsite'> = {
  ...ONSITE_2026_1,
  version: '2026.2',
  labels: ONSITE_EDITOR_2026_2,
  layout: {
    ...ONSITE_2026_1.layout,
    blocks: ONSITE_2026_1.layout.blocks.map((b) =>
      b.kind === 'each' && b.of === 'measures'
        ? { ...b, blocks: [{ kind: 'para', label: '{{#}}. ', text: MEASURE_LINE_2026_2 }] }
        : b,
    ),
  },
};
