// 询问笔录 (DOCUMENTS.md §1), by template version. The printed layout: header grid, the
// interviewee, the opening statements with their answers, the 问/答 body, the closing, the
// interviewee's confirmation; the interviewee and both officers sign at the foot of every page and
// at the end (逐页签名: the officers' end signatures are shown again on each page).
import type { DocumentTemplate } from '../../templates.ts';
import {
  CERTIFICATES,
  CERTIFICATES_2026,
  END_MARK,
  HEADER_2023,
  HEADER_2026,
  RECUSAL,
  REG_2023,
  REG_2023_UNCITED,
  TRUTHFUL,
  TRUTHFUL_2026,
} from '../../templates/common.ts';
import { INQUIRY_EDITOR_2023_1 } from './editor-labels.ts';
import { INQUIRY_QUESTION_BANK } from './question-bank.ts';

export const INQUIRY_2023_1: DocumentTemplate<'inquiry'> = {
  type: 'inquiry',
  version: '2023.1',
  regulation: REG_2023,
  title: '询问笔录',
  openings: [CERTIFICATES, RECUSAL, TRUTHFUL],
  closing: '以上笔录请你核对（或：已向你宣读）。如记录有误或遗漏，可以更正或补充。',
  confirmation: '以上笔录我已看过，与我所说的相符。',
  questionBank: INQUIRY_QUESTION_BANK,
  labels: INQUIRY_EDITOR_2023_1,
  layout: {
    runningHead: '{{tpl.title}}（续）',
    blocks: [
      ...HEADER_2023,
      {
        kind: 'grid',
        columns: 12,
        rows: [
          {
            cells: [
              { label: '时间', value: '{{span:startTime,endTime}}', span: 8 },
              {
                label: '询问次数',
                value: { if: '{{ctx.inquirySequence}}', then: '第{{ctx.inquirySequence}}次' },
                span: 4,
              },
            ],
          },
          { cells: [{ label: '地点', value: '{{place}}', span: 12 }] },
          {
            cells: [
              { label: '询问人', value: '{{officer:inquirerId}}', span: 6 },
              { label: '记录人', value: '{{officer:recorderId}}', span: 6 },
            ],
          },
          {
            cells: [
              { label: '被询问人', value: '{{interviewee.name}}', span: 4 },
              { label: '性别', value: '{{interviewee.gender}}', span: 2 },
              { label: '出生日期', value: '{{date:interviewee.birthDate}}', span: 4 },
              { label: '民族', value: '{{interviewee.ethnicity}}', span: 2 },
            ],
          },
          {
            cells: [
              { label: { first: ['{{interviewee.idType}}', '身份证件'] }, value: '{{interviewee.idNumber}}', span: 6 },
              { label: '联系电话', value: '{{interviewee.phone}}', span: 6 },
            ],
          },
          {
            cells: [
              { label: '工作单位', value: '{{interviewee.employer}}', span: 6 },
              { label: '职务', value: '{{interviewee.position}}', span: 3 },
              { label: '与案件关系', value: '{{interviewee.relation}}', span: 3 },
            ],
          },
          { cells: [{ label: '联系地址', value: '{{interviewee.address}}', span: 12 }] },
          {
            when: 'interpreter.name',
            cells: [
              {
                label: '翻译人员',
                value: {
                  join: '，',
                  parts: ['{{interpreter.name}}', '{{interpreter.unit}}', '{{interpreter.contact}}'],
                },
                span: 12,
              },
            ],
          },
          { when: 'othersPresent', cells: [{ label: '其他在场人员', value: '{{othersPresent}}', span: 12 }] },
        ],
      },
      { kind: 'gap', height: 8 },
      { kind: 'openings', officers: ['inquirerId', 'recorderId'] },
      {
        kind: 'each',
        of: 'qa',
        blocks: [
          { kind: 'para', label: '问：', text: '{{q}}' },
          { kind: 'para', label: '答：', text: '{{a}}' },
        ],
      },
      { kind: 'para', label: '问：', text: { first: ['{{closingStatement}}', '{{tpl.closing}}'] } },
      { kind: 'para', label: '被询问人核对意见：', text: '{{confirmation}}' },
      {
        kind: 'signatures',
        slots: [
          { id: 'interviewee', label: '被询问人', role: '被询问人', signer: '{{interviewee.name}}' },
          { id: 'inquirer', label: '询问人', role: '执法人员', officer: 'inquirerId' },
          { id: 'recorder', label: '记录人', role: '记录人', officer: 'recorderId' },
          {
            id: 'interpreter',
            when: 'interpreter.name',
            label: '翻译人员',
            role: '翻译人员',
            signer: '{{interpreter.name}}',
          },
        ],
      },
    ],
    perPage: [
      { id: 'interviewee', label: '被询问人签名', role: '被询问人', signer: '{{interviewee.name}}' },
      { id: 'inquirer-page', label: '询问人签名', mirror: ['inquirer'] },
      { id: 'recorder-page', label: '记录人签名', mirror: ['recorder'] },
    ],
  },
};

const CHECKED = {
  value: '核对',
  label: '交被询问人核对',
  closing: '以上笔录请你核对。如记录有误或遗漏，可以更正或补充。',
  confirmation: '以上笔录我已看过，与我所说的相符。',
};
const READ_OUT = {
  value: '宣读',
  label: '向被询问人宣读',
  closing: '以上笔录已向你宣读。如记录有误或遗漏，可以更正或补充。',
  confirmation: '以上笔录已向我宣读过，与我所说的相符。',
};

// 2026.1: the 2023 regulation's version as far as the verified texts go (docs/LAW.md): the opening
// statements cite 行政处罚法 第四十二条、第五十五条; the closing prints only the alternative used —
// 核对 or 宣读, which the officer chooses (content `closingMode`) — not both; times as 年月日时分;
// 以下空白 after the confirmation; 工作单位 on a row of its own, so that an employer's name is not
// broken in a narrow cell; typesetting profile 2 (docs/PDF.md).
export const INQUIRY_2026_1: DocumentTemplate<'inquiry'> = {
  type: 'inquiry',
  version: '2026.1',
  regulation: REG_2023_UNCITED,
  title: '询问笔录',
  openings: [CERTIFICATES_2026, RECUSAL, TRUTHFUL_2026],
  closing: CHECKED.closing,
  confirmation: CHECKED.confirmation,
  closingAlternatives: { path: 'closingMode', label: '笔录核对方式', options: [CHECKED, READ_OUT] },
  questionBank: INQUIRY_QUESTION_BANK,
  labels: INQUIRY_EDITOR_2023_1,
  layout: {
    typesetting: 2,
    runningHead: '{{tpl.title}}（续）',
    blocks: [
      ...HEADER_2026,
      {
        kind: 'grid',
        columns: 12,
        rows: [
          {
            cells: [
              { label: '时间', value: '{{period:startTime,endTime}}', span: 8 },
              {
                label: '询问次数',
                value: { if: '{{ctx.inquirySequence}}', then: '第{{ctx.inquirySequence}}次' },
                span: 4,
              },
            ],
          },
          { cells: [{ label: '地点', value: '{{place}}', span: 12 }] },
          {
            cells: [
              { label: '询问人', value: '{{officer:inquirerId}}', span: 6 },
              { label: '记录人', value: '{{officer:recorderId}}', span: 6 },
            ],
          },
          {
            cells: [
              { label: '被询问人', value: '{{interviewee.name}}', span: 4 },
              { label: '性别', value: '{{interviewee.gender}}', span: 2 },
              { label: '出生日期', value: '{{day:interviewee.birthDate}}', span: 4 },
              { label: '民族', value: '{{interviewee.ethnicity}}', span: 2 },
            ],
          },
          {
            cells: [
              { label: { first: ['{{interviewee.idType}}', '身份证件'] }, value: '{{interviewee.idNumber}}', span: 6 },
              { label: '联系电话', value: '{{interviewee.phone}}', span: 6 },
            ],
          },
          { cells: [{ label: '工作单位', value: '{{interviewee.employer}}', span: 12 }] },
          {
            cells: [
              { label: '职务', value: '{{interviewee.position}}', span: 6 },
              { label: '与案件关系', value: '{{interviewee.relation}}', span: 6 },
            ],
          },
          { cells: [{ label: '联系地址', value: '{{interviewee.address}}', span: 12 }] },
          {
            when: 'interpreter.name',
            cells: [
              {
                label: '翻译人员',
                value: {
                  join: '，',
                  parts: ['{{interpreter.name}}', '{{interpreter.unit}}', '{{interpreter.contact}}'],
                },
                span: 12,
              },
            ],
          },
          { when: 'othersPresent', cells: [{ label: '其他在场人员', value: '{{othersPresent}}', span: 12 }] },
        ],
      },
      { kind: 'gap', height: 8 },
      { kind: 'openings', officers: ['inquirerId', 'recorderId'] },
      {
        kind: 'each',
        of: 'qa',
        blocks: [
          { kind: 'para', label: '问：', text: '{{q}}' },
          { kind: 'para', label: '答：', text: '{{a}}' },
        ],
      },
      {
        kind: 'para',
        label: '问：',
        text: { first: ['{{closing:closingMode}}', '〔尚未选择：交被询问人核对，或向其宣读〕'] },
        closing: true,
      },
      { kind: 'para', label: '被询问人核对意见：', text: '{{confirmation}}', closing: true },
      END_MARK,
      {
        kind: 'signatures',
        slots: [
          { id: 'interviewee', label: '被询问人', role: '被询问人', signer: '{{interviewee.name}}' },
          { id: 'inquirer', label: '询问人', role: '执法人员', officer: 'inquirerId' },
          { id: 'recorder', label: '记录人', role: '记录人', officer: 'recorderId' },
          {
            id: 'interpreter',
            when: 'interpreter.name',
            label: '翻译人员',
            role: '翻译人员',
            signer: '{{interpreter.name}}',
          },
        ],
      },
    ],
    perPage: [
      { id: 'interviewee', label: '被询问人签名', role: '被询问人', signer: '{{interviewee.name}}' },
      { id: 'inquirer-page', label: '询问人签名', mirror: ['inquirer'] },
      { id: 'recorder-page', label: '记录人签名', mirror: ['recorder'] },
    ],
  },
};
