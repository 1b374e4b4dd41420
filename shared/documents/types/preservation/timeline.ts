// What a 登记保存物品清单及通知书 says about time and people (shared/timeline/facts.ts): the head's
// approval, asked for by the officers, and the preservation itself — a measure the 现场笔录 of its
// time must record — and the witness.
import type { DocumentFacts } from '../../../timeline/facts.ts';
import type { PreservationContent } from './content.ts';

export function preservationFacts(c: PreservationContent): DocumentFacts {
  const officers = c.officerIds.filter(Boolean);
  const a = c.approval;
  // Documents made before the time of the preservation was recorded have its day only.
  const at = c.startAt || c.startDate;
  return {
    acts: [
      {
        kind: 'approval',
        at: a.at,
        label: `机关负责人批准先行登记保存（${[a.approver, a.how].filter(Boolean).join('，')}）`,
        path: 'approval.at',
        officers,
      },
      {
        kind: 'measure',
        at,
        label: `先行登记保存（物品${c.items.length}件）`,
        path: c.startAt ? 'startAt' : 'startDate',
        officers,
      },
    ],
    completeAt: at,
    completePath: c.startAt ? 'startAt' : 'startDate',
    measures: [],
    persons: [
      {
        path: 'witness',
        role: '见证人',
        name: c.witness.name,
        idType: c.witness.idType,
        idNumber: c.witness.idNumber,
        unit: c.witness.unit,
        relation: c.witness.role,
        witness: true,
      },
    ],
  };
}
