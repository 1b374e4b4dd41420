// What the law requires of a 登记保存物品清单及通知书 before it may go to signing (DOCUMENTS.md, 2017 regulation
// art. 18–30). Each issue names the field (a dotted path the editor can jump to) and says in Chinese
// what is missing. The editor shows the list live, the core enforces it (shared/documents/completeness.ts).
import { collector, filled, type CompletenessIssue } from '../../completeness-rules.ts';
import { shown } from '../../../timeline/facts.ts';
import type { PreservationContent } from './content.ts';

/** Every rule code: a check can only name one of these, and completeness.test.ts demands a failing case for each. */
export const PRESERVATION_RULES = [
  'partyName',
  'itemsPresent',
  'itemName',
  'itemQuantity',
  'approver',
  'approvalAt',
  'approvalHow',
  'startDate',
  'place',
  'conditions',
  'officers',
  'approverRole',
  'startAt',
  'approvalOrder',
] as const;

export function checkPreservation(c: PreservationContent): CompletenessIssue[] {
  const { issues, need } = collector<(typeof PRESERVATION_RULES)[number]>();
  need(filled(c.partyName), 'partyName', 'partyName', '请填写当事人。');
  need(c.items.length > 0, 'itemsPresent', 'items', '物品清单为空：请至少登记一件物品。');
  c.items.forEach((it, i) => {
    need(filled(it.name), 'itemName', `items.${i}.name`, `物品清单第${i + 1}行缺少名称。`);
    need(
      /^[1-9]\d*$/.test(it.quantity),
      'itemQuantity',
      `items.${i}.quantity`,
      `物品清单第${i + 1}行缺少数量（应为正整数）。`,
    );
  });
  need(
    filled(c.approval.approver),
    'approver',
    'approval.approver',
    '先行登记保存须经行政机关负责人批准：请填写批准人。',
  );
  // 行政处罚法 第五十六条: 经行政机关负责人批准 — a head of the agency, from its list, not any name.
  if (filled(c.approval.approver))
    need(
      filled(c.approval.approverId),
      'approverRole',
      'approval.approver',
      '批准人须是本机关的负责人：请从「机关负责人」名单中选择（名单在「设置」页维护）。',
    );
  need(filled(c.approval.at), 'approvalAt', 'approval.at', '请填写批准时间。');
  need(filled(c.approval.how), 'approvalHow', 'approval.how', '请选择批准方式（现场多为电话批准，应如实记录）。');
  need(filled(c.startDate), 'startDate', 'startDate', '请填写登记保存的开始日期。');
  need(
    filled(c.startAt),
    'startAt',
    'startAt',
    '请填写先行登记保存的时间（年月日时分），现场笔录须记录同一时间的该项措施。',
  );
  if (filled(c.startAt) && filled(c.startDate))
    need(
      c.startAt.slice(0, 10) === c.startDate,
      'startAt',
      'startAt',
      `登记保存的时间（${shown(c.startAt)}）与开始日期（${c.startDate}）不是同一天：请核对。`,
    );
  // The approval comes first: 经批准，可以先行登记保存.
  if (filled(c.startAt) && filled(c.approval.at))
    need(
      c.approval.at <= c.startAt,
      'approvalOrder',
      'approval.at',
      `批准时间（${shown(c.approval.at)}）晚于登记保存的时间（${shown(c.startAt)}）：先行登记保存须先经机关负责人批准，请核对两个时间。`,
    );
  need(filled(c.place), 'place', 'place', '请填写保存地点。');
  need(filled(c.conditions), 'conditions', 'conditions', '请填写保存条件。');
  need(
    new Set(c.officerIds.filter(Boolean)).size >= 2,
    'officers',
    'officerIds',
    '须有两名不同的执法人员（执法人员不得少于两人）。',
  );
  return issues;
}
