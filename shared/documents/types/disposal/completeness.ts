// What a 先行登记保存物品处理决定书 needs before it may go to signing (DOCUMENTS.md §9): the party, the
// 清单 it decides on (a 登记保存物品清单及通知书 of this case), a decision for every item, where items go
// to another authority to which and why, the return received when items are returned, the legal
// basis, the date and two officers.
import { collector, filled, type CheckContext, type CompletenessIssue } from '../../completeness-rules.ts';
import type { DisposalContent } from './content.ts';

export const DISPOSAL_RULES = [
  'partyName',
  'preservation',
  'preservationTarget',
  'itemsPresent',
  'itemName',
  'itemDecision',
  'transferAuthority',
  'transferReason',
  'returnReceivedBy',
  'returnAt',
  'returnCondition',
  'basis',
  'decisionDate',
  'officers',
] as const;

/** Why the named preservation is not acceptable (another case's, another type), or null. */
export function preservationLinkError(id: string, ctx: CheckContext): string | null {
  if (!id) return null;
  const target = ctx.caseDocuments.find((d) => d.id === id);
  const label = (type: string) => ctx.types.find((t) => t.type === type)?.label ?? type;
  if (!target) return '所选的登记保存物品清单不属于本案：请从本案的登记保存物品清单及通知书中重新选择。';
  if (target.type !== 'preservation')
    return `处理决定只能针对本案的登记保存物品清单及通知书，不能针对${label(target.type)}：请重新选择。`;
  return null;
}

export function checkDisposal(c: DisposalContent, ctx: CheckContext): CompletenessIssue[] {
  const { issues, need } = collector<(typeof DISPOSAL_RULES)[number]>();
  need(filled(c.partyName), 'partyName', 'partyName', '请填写当事人。');
  need(filled(c.preservationId), 'preservation', 'preservationId', '请选择本决定针对的登记保存物品清单及通知书。');
  const wrong = preservationLinkError(c.preservationId, ctx);
  need(wrong === null, 'preservationTarget', 'preservationId', wrong ?? '');
  need(c.items.length > 0, 'itemsPresent', 'items', '物品清单为空：请载入登记保存的物品并逐项作出决定。');
  c.items.forEach((it, i) => {
    need(filled(it.name), 'itemName', `items.${i}.name`, `第${i + 1}项物品缺少名称。`);
    need(
      filled(it.decision),
      'itemDecision',
      `items.${i}.decision`,
      `第${i + 1}项物品（${it.name}）尚未作出处理决定。`,
    );
  });
  if (c.items.some((it) => it.decision === '移送有关机关处理')) {
    need(filled(c.transfer.authority), 'transferAuthority', 'transfer.authority', '有物品移送：请写明移送的机关。');
    need(filled(c.transfer.reason), 'transferReason', 'transfer.reason', '有物品移送：请写明移送的理由。');
  }
  if (c.items.some((it) => it.decision === '解除先行登记保存并返还')) {
    const r = c.returnReceipt;
    need(
      filled(r.receivedBy),
      'returnReceivedBy',
      'returnReceipt.receivedBy',
      '有物品返还：请填写签收人（当事人或其委托的人）。',
    );
    need(filled(r.at), 'returnAt', 'returnReceipt.at', '有物品返还：请填写返还时间。');
    need(
      filled(r.condition),
      'returnCondition',
      'returnReceipt.condition',
      '有物品返还：请记录返还时物品的状态及封条是否完好。',
    );
  }
  need(filled(c.basis), 'basis', 'basis', '请写明作出处理决定的法律依据。');
  need(filled(c.decisionDate), 'decisionDate', 'decisionDate', '请填写处理决定的日期。');
  need(
    new Set(c.officerIds.filter(Boolean)).size >= 2,
    'officers',
    'officerIds',
    '须有两名不同的执法人员（执法人员不得少于两人）。',
  );
  return issues;
}
