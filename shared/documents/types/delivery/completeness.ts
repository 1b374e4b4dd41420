// What a 送达回证 needs before it may go to signing (DOCUMENTS.md §10): the document served (one of this
// case's), the addressee, the manner with what that manner requires (留置送达: the reason and a
// witness; 邮寄送达: the tracking number; 电子送达: the prior consent and the address), the time, the
// place, two officers, and the receiving person for 直接送达 and 委托送达.
import { collector, filled, idValid, type CheckContext, type CompletenessIssue } from '../../completeness-rules.ts';
import type { DeliveryContent } from './content.ts';

export const DELIVERY_RULES = [
  'servedDocument',
  'servedTarget',
  'addressee',
  'method',
  'servedAt',
  'place',
  'servers',
  'receiverName',
  'receiverRelation',
  'leftReason',
  'witnessName',
  'witnessId',
  'idValid',
  'trackingNo',
  'consent',
] as const;

/** Why the document named as served is not acceptable (another case's, itself …), or null. */
export function servedLinkError(id: string, ctx: CheckContext): string | null {
  if (!id) return null;
  const target = ctx.caseDocuments.find((d) => d.id === id);
  if (!target) return '所选的送达文书不属于本案：请从本案的文书中重新选择。';
  if (target.type === 'delivery') return '送达回证不能送达另一份送达回证：请选择送达的文书。';
  return null;
}

export function checkDelivery(c: DeliveryContent, ctx: CheckContext): CompletenessIssue[] {
  const { issues, need } = collector<(typeof DELIVERY_RULES)[number]>();
  need(filled(c.servedDocumentId), 'servedDocument', 'servedDocumentId', '请选择送达的文书。');
  const wrong = servedLinkError(c.servedDocumentId, ctx);
  need(wrong === null, 'servedTarget', 'servedDocumentId', wrong ?? '');
  need(filled(c.addressee), 'addressee', 'addressee', '请填写受送达人。');
  need(filled(c.method), 'method', 'method', '请选择送达方式。');
  need(filled(c.servedAt), 'servedAt', 'servedAt', '请填写送达时间（年-月-日 时:分）。');
  if (c.method !== '邮寄送达' && c.method !== '电子送达') need(filled(c.place), 'place', 'place', '请填写送达地点。');
  need(new Set(c.serverIds.filter(Boolean)).size >= 2, 'servers', 'serverIds', '须有两名不同的送达人（执法人员）。');
  if (c.method === '直接送达' || c.method === '委托送达') {
    need(filled(c.receiver.name), 'receiverName', 'receiver.name', '请填写签收人姓名。');
    need(filled(c.receiver.relation), 'receiverRelation', 'receiver.relation', '请选择签收人与受送达人的关系。');
  }
  if (c.method === '留置送达') {
    need(filled(c.leftReason), 'leftReason', 'leftReason', '留置送达：请写明受送达人拒绝签收的情况及留置的地点。');
    need(filled(c.witness.name), 'witnessName', 'witness.name', '留置送达须有见证人：请填写见证人姓名。');
    need(filled(c.witness.idNumber), 'witnessId', 'witness.idNumber', '留置送达须有见证人：请填写见证人身份证件号码。');
  }
  idValid(need, c.witness.idType, c.witness.idNumber, 'witness.idNumber', '见证人');
  if (c.method === '邮寄送达') need(filled(c.trackingNo), 'trackingNo', 'trackingNo', '邮寄送达：请填写邮件单号。');
  if (c.method === '电子送达')
    need(
      filled(c.electronic.consent) && filled(c.electronic.address),
      'consent',
      'electronic.consent',
      '电子送达须经受送达人事先同意：请记录其同意（方式、时间）及送达的电子地址（行政处罚法第六十一条）。',
    );
  return issues;
}
