// 先行登记保存物品处理决定书 (DOCUMENTS.md §9; 行政处罚法 第五十六条), by template version: the party, the
// preservation it decides on (number and date), the decision for each item, a transfer's authority
// and reason, the basis, a late decision's reason, the remedies, the agency and the date, then the
// return of the items returned, signed by whoever received them.
import type { DocumentTemplate } from '../../templates.ts';
import { HEADER_2026, REG_2023_UNCITED } from '../../templates/common.ts';
import { DISPOSAL_EDITOR_2026_1 } from './editor-labels.ts';

export const DISPOSAL_BASIS = '《中华人民共和国行政处罚法》第五十六条';

export const DISPOSAL_2026_1: DocumentTemplate<'disposal'> = {
  type: 'disposal',
  version: '2026.1',
  regulation: REG_2023_UNCITED,
  title: '先行登记保存物品处理决定书',
  openings: [],
  closing: '',
  confirmation: '',
  paragraphs: {
    remedy:
      '如不服本决定，可以自收到本决定书之日起六十日内依法申请行政复议，或者自收到本决定书之日起六个月内依法向人民法院提起行政诉讼。',
    returned: '上述决定返还的物品已如数返还。',
  },
  labels: DISPOSAL_EDITOR_2026_1,
  layout: {
    typesetting: 2,
    runningHead: '{{tpl.title}}（续）',
    vars: { party: { first: ['{{partyName}}', '{{ctx.partyName}}'] } },
    blocks: [
      ...HEADER_2026,
      { kind: 'para', text: '{{var.party}}：', bold: true },
      {
        kind: 'para',
        text: '本机关于{{day:preservationDate}}对你（单位）的下列物品予以先行登记保存（{{docNo:preservationId}}）。依照{{basis}}的规定，现作出如下处理决定：',
        indent: true,
      },
      {
        kind: 'table',
        of: 'items',
        size: 9,
        columns: [
          { title: '序号', width: 2, align: 'center', value: '{{#}}' },
          { title: '名称', width: 5, value: '{{name}}' },
          { title: '品牌型号', width: 4.5, value: '{{model}}' },
          { title: '序列号/IMEI', width: 5, anywhere: true, value: '{{serial}}' },
          { title: '数量', width: 2, align: 'center', value: '{{quantity}}' },
          { title: '处理决定', width: 6, value: '{{decision}}' },
          { title: '说明', width: 5, value: '{{note}}' },
        ],
        endMark: '以下空白',
      },
      {
        kind: 'para',
        when: 'transfer.authority',
        label: '移送：',
        text: { concat: ['上表决定移送的物品移送{{transfer.authority}}处理。理由：', { end: '{{transfer.reason}}' }] },
      },
      { kind: 'para', when: 'lateReason', label: '未在七个工作日内作出决定的原因：', text: { end: '{{lateReason}}' } },
      { kind: 'para', text: '{{para:remedy}}', indent: true },
      { kind: 'gap', height: 8 },
      {
        kind: 'issuer',
        agency: '{{ctx.agency}}',
        date: { first: ['{{day:decisionDate}}', '\u3000\u3000年\u3000\u3000月\u3000\u3000日'] },
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
      { kind: 'heading', when: 'returnReceipt.receivedBy', text: '返还物品签收' },
      {
        kind: 'para',
        when: 'returnReceipt.receivedBy',
        text: {
          concat: [
            '{{para:returned}}返还时间：{{datetime:returnReceipt.at}}。物品状态及封条情况：',
            { end: '{{returnReceipt.condition}}' },
          ],
        },
        indent: true,
      },
      {
        kind: 'signatures',
        when: 'returnReceipt.receivedBy',
        slots: [{ id: 'return-receipt', label: '签收人', role: '当事人', signer: '{{returnReceipt.receivedBy}}' }],
      },
    ],
    // A notice, not a record: signed once at its end (the party for receipt), not on every page.
    perPage: [],
  },
};
