// 送达回证 (DOCUMENTS.md §10), by template version: a form — the document served with its number, the
// addressee, the place, the manner, the time, the serving officers, the receiving person and their
// relation, and what a 留置送达, 邮寄送达 or 电子送达 requires; the receiving person signs (a refusal is
// noted on the slot by both officers, with the witness, DOCUMENTS.md §5).
import type { DocumentTemplate } from '../../templates.ts';
import { END_MARK, HEADER_2026, REG_2023_UNCITED } from '../../templates/common.ts';
import { DELIVERY_EDITOR_2026_1 } from './editor-labels.ts';

export const DELIVERY_2026_1: DocumentTemplate<'delivery'> = {
  type: 'delivery',
  version: '2026.1',
  regulation: REG_2023_UNCITED,
  title: '送达回证',
  openings: [],
  closing: '',
  confirmation: '',
  labels: DELIVERY_EDITOR_2026_1,
  layout: {
    typesetting: 2,
    runningHead: '{{tpl.title}}（续）',
    blocks: [
      ...HEADER_2026,
      {
        kind: 'grid',
        columns: 4,
        rows: [
          {
            cells: [
              {
                label: '送达文书名称及文号',
                value: { join: '　', parts: ['{{servedDocumentName}}', '{{docNo:servedDocumentId}}'] },
                span: 4,
              },
            ],
          },
          { cells: [{ label: '受送达人', value: '{{addressee}}', span: 4 }] },
          {
            cells: [
              { label: '送达方式', value: '{{method}}', span: 2 },
              { label: '送达时间', value: '{{datetime:servedAt}}', span: 2 },
            ],
          },
          { when: 'place', cells: [{ label: '送达地点', value: '{{place}}', span: 4 }] },
          { cells: [{ label: '送达人', value: '{{officers:serverIds}}', span: 4 }] },
          {
            when: 'receiver.name',
            cells: [
              { label: '签收人', value: '{{receiver.name}}', span: 2 },
              { label: '与受送达人的关系', value: '{{receiver.relation}}', span: 2 },
            ],
          },
          { when: 'leftReason', cells: [{ label: '留置送达情况', value: '{{leftReason}}', span: 4 }] },
          { when: 'trackingNo', cells: [{ label: '邮件单号', value: '{{trackingNo}}', span: 4 }] },
          {
            when: 'electronic.consent',
            cells: [
              {
                label: '电子送达',
                value: {
                  concat: [
                    '受送达人同意电子送达的情况：',
                    { end: '{{electronic.consent}}' },
                    '送达地址：{{electronic.address}}',
                  ],
                },
                span: 4,
              },
            ],
          },
          {
            when: 'witness.name',
            cells: [
              {
                label: '见证人',
                value: {
                  join: '，',
                  parts: ['{{witness.name}}', '{{witness.idNumber}}', '{{witness.unit}}', '{{witness.phone}}'],
                },
                span: 4,
              },
            ],
          },
          { when: 'note', cells: [{ label: '备注', value: '{{note}}', span: 4 }] },
        ],
      },
      END_MARK,
      { kind: 'gap', height: 8 },
      {
        kind: 'signatures',
        slots: [
          { id: 'receiver', label: '签收人', role: '签收人', signer: '{{receiver.name}}' },
          { id: 'server-1', label: '送达人', role: '执法人员', officer: 'serverIds.0' },
          { id: 'server-2', label: '送达人', role: '执法人员', officer: 'serverIds.1' },
          { id: 'witness', when: 'witness.name', label: '见证人', role: '见证人', signer: '{{witness.name}}' },
        ],
      },
    ],
    perPage: [],
  },
};
