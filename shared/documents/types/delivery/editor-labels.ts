// The 送达回证 editor's labels, by template version (see the other types' editor-labels.ts).
import { WITNESS_LABELS } from '../../templates/common.ts';

export const DELIVERY_EDITOR_2026_1: Record<string, string> = {
  'section.served': '送达文书',
  servedDocumentId: '送达的文书',
  servedDocumentName: '文书名称',
  addressee: '受送达人',
  'section.service': '送达情况',
  method: '送达方式',
  servedAt: '送达时间',
  place: '送达地点',
  serverIds: '送达人（两名执法人员）',
  'receiver.name': '签收人',
  'receiver.relation': '签收人与受送达人的关系',
  leftReason: '留置送达情况（拒收的经过、留置的地点）',
  trackingNo: '邮件单号',
  'electronic.consent': '受送达人事先同意电子送达的情况',
  'electronic.address': '电子送达地址',
  witness: '见证人（留置送达或拒绝签收时）',
  ...WITNESS_LABELS,
  note: '备注',
};
