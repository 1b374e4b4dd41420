// 先行登记保存物品处理决定书 (DOCUMENTS.md §9; 行政处罚法 第五十六条), by template version: the party, the
// preservation it decides on (number and date), the decision for each item, a transfer's authority
// and reason, the basis, a late decision's reason, the remedies, the agency and the date, then the
// return of the items returned, signed by whoever received them.
import type { DocumentTemplate } from '../../templates.ts';
import { RECTIFICATION_REGULATION } from '../rectification/templates.ts';
import { DISPOSAL_EDITOR_2026_1 } from './editor-labels.ts';

export const DISPOSAL_BASIS = '《中华人民共和国行政处罚法》第五十六条';

export const DISPOSAL_2026_1: DocumentTemplate<'disposal'> = {
  type: 'disposal',
  version: '2026.1',
  regulation: RECTIFICATION_REGULATION.replace('第二十八条', '第五十六条'),
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
    runningHead: '{{tpl.title}}（续）',
    vars: { party: { first: ['{{partyName}}', '{{ctx.partyName}}'] } },
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
      { kind: 'para', text: '{{var.party}}：', bold: true },
      {
        kind: 'para',
        text: '本机关于{{date:preservationDate}}对你（单位）的下列物品予以先行登记保存（{{docNo:preservationId}}）。依照{{basis}}的规定，现作出如下处理决定：',
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
      },
      {
        kind: 'para',
        when: 'transfer.authority',
        label: '移送：',
        text: '上表决定移送的物品移送{{transfer.authority}}处理。理由：{{transfer.reason}}',
      },
      { kind: 'para', when: 'lateReason', label: '未在七个工作日内作出决定的原因：', text: '{{lateReason}}' },
      { kind: 'para', text: '{{para:remedy}}', indent: true },
      { kind: 'gap', height: 12 },
      { kind: 'line', right: '{{ctx.agency}}', size: 12 },
      { kind: 'line', right: { concat: ['{{date:decisionDate}}', '（印章）'] }, size: 12 },
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
        text: '{{para:returned}}返还时间：{{minute:returnReceipt.at}}。物品状态及封条情况：{{returnReceipt.condition}}',
        indent: true,
      },
      {
        kind: 'signatures',
        when: 'returnReceipt.receivedBy',
        slots: [{ id: 'return-receipt', label: '签收人', role: '当事人', signer: '{{returnReceipt.receivedBy}}' }],
      },
    ],
    perPage: [
      { id: 'party', label: '当事人签名', role: '当事人', signer: '' },
      { id: 'officers-page', label: '执法人员', mirror: ['officer-1', 'officer-2'] },
    ],
  },
};
