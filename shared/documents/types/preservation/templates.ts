// 登记保存物品清单 and 登记保存物品通知书 (DOCUMENTS.md §4), printed together, by template version:
// the list first, then the notice that refers to it. What a document prints is part of what its
// signatures and seal bind and is laid out again to verify them, so it depends on the document
// alone: template 2023.2 states the handling period, not a date (the date depends on the
// working-day calendar, which HQ updates; it is shown in the editor and on the 工作台); documents
// made with template 2023.1 keep printing the date they were signed with (7 weekdays, holidays
// not skipped).
import type { BlockDef, PrintLayout } from '../../print-layout.ts';
import type { DocumentTemplate } from '../../templates.ts';
import { HEADER_2023, HEADER_2026, REG_2023, REG_2023_UNCITED } from '../../templates/common.ts';
import { PRESERVATION_EDITOR_2023_1 } from './editor-labels.ts';

const BASIS =
  '因你（单位）涉嫌{{matter}}，在证据可能灭失或者以后难以取得的情况下，经本机关负责人批准，依据《中华人民共和国行政处罚法》第五十六条的规定，对你（单位）的下列物品予以先行登记保存（详见《登记保存物品清单》）。';

/** The layout of 2023.1 and 2023.2, which differ only in the notice's period paragraph. */
function layout(period: BlockDef): PrintLayout {
  return {
    runningHead: '{{tpl.title}}（续）',
    vars: {
      officers: '{{officers:officerIds}}',
      party: { first: ['{{partyName}}', '{{ctx.partyName}}'] },
      approval: {
        if: '{{approval.approver}}',
        then: '经{{approval.approver}}于{{minute:approval.at}}{{approval.how}}',
      },
    },
    blocks: [
      ...HEADER_2023,
      {
        kind: 'grid',
        columns: 4,
        rows: [
          { cells: [{ label: '当事人', value: '{{var.party}}', span: 4 }] },
          { cells: [{ label: '执法人员', value: '{{officers:officerIds}}', span: 4 }] },
          { cells: [{ label: '批准', value: '{{var.approval}}', span: 4 }] },
          {
            cells: [
              { label: '保存地点', value: '{{place}}', span: 2 },
              { label: '登记保存日期', value: '{{date:startDate}}', span: 2 },
            ],
          },
        ],
      },
      { kind: 'gap', height: 8 },
      {
        kind: 'table',
        of: 'items',
        size: 9,
        columns: [
          { title: '序号', width: 2, align: 'center', value: '{{#}}' },
          { title: '名称', width: 4, value: '{{name}}' },
          { title: '品牌型号', width: 4, value: '{{model}}' },
          { title: '规格', width: 3, value: '{{spec}}' },
          { title: '序列号/IMEI', width: 4.5, anywhere: true, value: '{{serial}}' },
          { title: '数量', width: 2, align: 'center', value: '{{quantity}}' },
          { title: '状态', width: 4.5, value: '{{condition}}' },
          { title: '封条编号', width: 3, value: '{{sealNo}}' },
          { title: '备注', width: 3, value: '{{note}}' },
        ],
      },
      { kind: 'para', text: '{{tpl.closing}}', indent: true },
      {
        kind: 'signatures',
        slots: [
          { id: 'party', label: '当事人', role: '当事人', signer: '' },
          { id: 'officer-1', label: '执法人员', role: '执法人员', officer: 'officerIds.0' },
          { id: 'officer-2', label: '执法人员', role: '执法人员', officer: 'officerIds.1' },
          { id: 'witness', when: 'witness.name', label: '见证人', role: '见证人', signer: '{{witness.name}}' },
        ],
      },
      { kind: 'pageBreak' },
      { kind: 'line', center: '{{ctx.agency}}', size: 14 },
      { kind: 'title', text: '{{para:noticeTitle}}' },
      { kind: 'line', right: '{{doc.docNo}}', size: 10.5 },
      { kind: 'para', text: '{{var.party}}：' },
      { kind: 'para', text: '{{para:noticeBasis}}', indent: true },
      { kind: 'para', text: '保存地点：{{place}}。保存条件：{{conditions}}。', indent: true },
      period,
      { kind: 'para', text: '{{para:noticeDuty}}', indent: true },
      { kind: 'para', text: '{{para:noticeRemedy}}', indent: true },
      { kind: 'gap', height: 16 },
      { kind: 'line', right: '{{ctx.agency}}', size: 12 },
      {
        kind: 'line',
        right: { concat: [{ first: ['{{date:startDate}}', '\u3000\u3000年\u3000月\u3000日'] }, '（印章）'] },
        size: 12,
      },
      { kind: 'signatures', slots: [{ id: 'party-receipt', label: '当事人签收', role: '当事人' }] },
    ],
    perPage: [
      { id: 'party', label: '当事人签名', role: '当事人', signer: '' },
      { id: 'officers-page', label: '执法人员', mirror: ['officer-1', 'officer-2'] },
    ],
  };
}

const APPROVAL_SENTENCE = { if: '{{var.approval}}', then: '本措施{{var.approval}}。' };

export const PRESERVATION_2023_1: DocumentTemplate<'preservation'> = {
  type: 'preservation',
  version: '2023.1',
  regulation: REG_2023,
  title: '登记保存物品清单',
  openings: [],
  closing: '上述物品经核对无误。',
  confirmation: '上述物品经核对无误。',
  paragraphs: {
    noticeTitle: '登记保存物品通知书',
    noticeBasis: BASIS,
    noticeDuty: '在登记保存期间，你（单位）不得销毁或者转移上述物品。本机关将在七个工作日内作出处理决定。',
    noticeRemedy: '如不服本决定，可以依法申请行政复议或者提起行政诉讼。',
  },
  labels: PRESERVATION_EDITOR_2023_1,
  layout: layout({
    kind: 'para',
    text: {
      concat: [
        '登记保存期间自{{date:startDate}}起，本机关将于{{weekdays7Date:startDate}}前（七个工作日内）依法作出处理决定。',
        APPROVAL_SENTENCE,
      ],
    },
    indent: true,
  }),
};

// 2023.2: the notice states the period (七个工作日, not counting the start day and holidays)
// instead of a date computed when it is printed — a printed date would have to be computed with
// the working-day calendar, which changes (HQ publishes new years), while what a sealed document
// prints must never change.
export const PRESERVATION_2023_2: DocumentTemplate<'preservation'> = {
  ...PRESERVATION_2023_1,
  version: '2023.2',
  paragraphs: {
    noticeTitle: '登记保存物品通知书',
    noticeBasis: BASIS,
    noticePeriod: '本机关将自登记保存之日起七个工作日内（登记保存当日不计入，不含法定节假日）依法作出处理决定。',
    noticeDuty: '在登记保存期间，你（单位）不得销毁或者转移上述物品。',
    noticeRemedy: '如不服本决定，可以依法申请行政复议或者提起行政诉讼。',
  },
  layout: layout({
    kind: 'para',
    text: { concat: ['登记保存期间自{{date:startDate}}起。{{para:noticePeriod}}', APPROVAL_SENTENCE] },
    indent: true,
  }),
};

// 2026.1: the notice's period and the party's duty cite 行政处罚法 第五十六条 (七日; that they are
// working days rests on 第八十五条, not among the verified texts, so it is stated without an
// article); the notice's pages carry its own running head; the agency and the date stand in a box
// kept for the agency's seal instead of the word 「（印章）」; the list gives serial numbers and seal
// numbers room and prints a row's 备注 under it; 以下空白 closes the list; times as 年月日时分;
// typesetting profile 2 (docs/PDF.md).
export const PRESERVATION_2026_1: DocumentTemplate<'preservation'> = {
  type: 'preservation',
  version: '2026.1',
  regulation: REG_2023_UNCITED,
  title: '登记保存物品清单',
  openings: [],
  closing: '上述物品经核对无误。',
  confirmation: '上述物品经核对无误。',
  paragraphs: {
    noticeTitle: '登记保存物品通知书',
    noticeBasis: BASIS,
    noticePeriod:
      '依照《中华人民共和国行政处罚法》第五十六条的规定，本机关将在七日内作出处理决定，即自登记保存之日起七个工作日内（登记保存当日不计入，不含法定节假日）。',
    noticeDuty: '依照《中华人民共和国行政处罚法》第五十六条的规定，在此期间，你（单位）不得销毁或者转移上述物品。',
    noticeRemedy: '如不服本决定，可以依法申请行政复议或者提起行政诉讼。',
  },
  labels: PRESERVATION_EDITOR_2023_1,
  layout: {
    typesetting: 2,
    runningHead: '{{tpl.title}}（续）',
    vars: {
      party: { first: ['{{partyName}}', '{{ctx.partyName}}'] },
      approval: {
        if: '{{approval.approver}}',
        then: '经{{approval.approver}}于{{datetime:approval.at}}{{approval.how}}',
      },
    },
    blocks: [
      ...HEADER_2026,
      {
        kind: 'grid',
        columns: 4,
        rows: [
          { cells: [{ label: '当事人', value: '{{var.party}}', span: 4 }] },
          { cells: [{ label: '执法人员', value: '{{officers:officerIds}}', span: 4 }] },
          { cells: [{ label: '批准', value: '{{var.approval}}', span: 4 }] },
          { cells: [{ label: '登记保存日期', value: '{{day:startDate}}', span: 4 }] },
          { cells: [{ label: '保存地点', value: '{{place}}', span: 4 }] },
        ],
      },
      { kind: 'gap', height: 8 },
      {
        kind: 'table',
        of: 'items',
        size: 9,
        columns: [
          { title: '序号', width: 26, align: 'center', value: '{{#}}' },
          { title: '名称', width: 76, value: '{{name}}' },
          { title: '品牌型号/规格', width: 76, value: { join: '\n', parts: ['{{model}}', '{{spec}}'] } },
          { title: '序列号/IMEI', width: 96, value: '{{serial}}' },
          { title: '数量', width: 28, align: 'center', value: '{{quantity}}' },
          { title: '状态', width: 92, value: '{{condition}}' },
          { title: '封条编号', width: 75, value: '{{sealNo}}' },
        ],
        note: { if: '{{note}}', then: '备注：{{note}}' },
        endMark: '以下空白',
      },
      { kind: 'para', text: '{{tpl.closing}}', indent: true, closing: true },
      {
        kind: 'signatures',
        slots: [
          { id: 'party', label: '当事人', role: '当事人', signer: '' },
          { id: 'officer-1', label: '执法人员', role: '执法人员', officer: 'officerIds.0' },
          { id: 'officer-2', label: '执法人员', role: '执法人员', officer: 'officerIds.1' },
          { id: 'witness', when: 'witness.name', label: '见证人', role: '见证人', signer: '{{witness.name}}' },
        ],
      },
      { kind: 'pageBreak', head: '{{para:noticeTitle}}', continued: '{{para:noticeTitle}}（续）' },
      { kind: 'line', center: '{{ctx.agency}}', size: 14 },
      { kind: 'title', text: '{{para:noticeTitle}}' },
      { kind: 'line', right: '{{doc.docNo}}', size: 10.5 },
      { kind: 'para', text: '{{var.party}}：' },
      { kind: 'para', text: '{{para:noticeBasis}}', indent: true },
      {
        kind: 'para',
        text: { concat: ['保存地点：', { end: '{{place}}' }, '保存条件：', { end: '{{conditions}}' }] },
        indent: true,
      },
      {
        kind: 'para',
        text: {
          concat: ['登记保存期间自{{day:startDate}}起。{{para:noticePeriod}}', APPROVAL_SENTENCE],
        },
        indent: true,
      },
      { kind: 'para', text: '{{para:noticeDuty}}', indent: true },
      { kind: 'para', text: '{{para:noticeRemedy}}', indent: true },
      { kind: 'gap', height: 8 },
      {
        kind: 'issuer',
        agency: '{{ctx.agency}}',
        date: { first: ['{{day:startDate}}', '\u3000\u3000年\u3000\u3000月\u3000\u3000日'] },
      },
      { kind: 'signatures', slots: [{ id: 'party-receipt', label: '当事人签收', role: '当事人' }] },
    ],
    perPage: [
      { id: 'party', label: '当事人签名', role: '当事人', signer: '' },
      { id: 'officers-page', label: '执法人员', mirror: ['officer-1', 'officer-2'] },
    ],
  },
};
