// What a 先行登记保存物品处理决定书 says about time (shared/timeline/facts.ts): the decision on its
// 登记保存 (a day, within that preservation's seven working days or with the reason recorded) and,
// where items are returned, the minute of the return against the receipt (not before the
// decision). Its signing is counted from the return when there is one (a decision without it has
// only a day: completeAt stays unknown). A 移送 has no time of its own in the 2026.1 decision: it is
// made by the decision (the transfer letter is a document of the receiving authority's file).
import type { DocumentFacts } from '../../../timeline/facts.ts';
import type { DisposalContent } from './content.ts';

export function disposalFacts(c: DisposalContent): DocumentFacts {
  const back = c.returnReceipt.at;
  const officers = c.officerIds.filter(Boolean);
  return {
    acts: [
      ...(c.decisionDate
        ? [
            {
              kind: 'decision' as const,
              at: c.decisionDate,
              label: '作出处理决定',
              path: 'decisionDate',
              officers,
              ...(c.preservationId ? { target: c.preservationId } : {}),
              reason: c.lateReason,
            },
          ]
        : []),
      ...(back ? [{ kind: 'return' as const, at: back, label: '返还物品', path: 'returnReceipt.at', officers }] : []),
    ],
    completeAt: back,
    completePath: 'returnReceipt.at',
    measures: [],
    persons: [],
  };
}
