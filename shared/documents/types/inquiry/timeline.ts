// What a 询问笔录 says about time and people (shared/timeline/facts.ts): the inquiry from start to
// end by the 询问人 and 记录人, the interviewee, and the interviewee's confirmation.
import type { DocumentFacts } from '../../../timeline/facts.ts';
import type { InquiryContent } from './content.ts';

export function inquiryFacts(c: InquiryContent): DocumentFacts {
  const p = c.interviewee;
  return {
    acts: [
      {
        kind: 'record',
        at: c.startTime,
        end: c.endTime,
        label: '询问',
        path: 'startTime',
        endPath: 'endTime',
        officers: [c.inquirerId, c.recorderId].filter(Boolean),
      },
    ],
    completeAt: c.endTime,
    completePath: 'endTime',
    measures: [],
    persons: [
      {
        path: 'interviewee',
        role: '被询问人',
        name: p.name,
        idType: p.idType,
        idNumber: p.idNumber,
        unit: p.employer,
        relation: [p.relation, p.position].filter(Boolean).join('，'),
        witness: false,
      },
    ],
    confirmation: { path: 'confirmation', text: c.confirmation, roles: ['被询问人'] },
  };
}
