// What a 先行登记保存物品处理决定书 says about time (shared/timeline/facts.ts): the day of the
// decision and, where items are returned, the minute of the return. Its signing is counted from the
// return when there is one (a decision without it has only a day: completeAt stays unknown).
import type { DocumentFacts } from '../../../timeline/facts.ts';
import type { DisposalContent } from './content.ts';

export function disposalFacts(c: DisposalContent): DocumentFacts {
  const back = c.returnReceipt.at;
  return {
    acts: [
      ...(c.decisionDate
        ? [{ kind: 'record' as const, at: c.decisionDate, label: '作出处理决定', path: 'decisionDate' }]
        : []),
      ...(back ? [{ kind: 'step' as const, at: back, label: '返还物品', path: 'returnReceipt.at' }] : []),
    ],
    completeAt: back,
    completePath: 'returnReceipt.at',
    measures: [],
    persons: [],
  };
}
