// What a 责令（限期）改正通知书 says about time (shared/timeline/facts.ts): the day it was made. Its
// service is the 送达回证's act (it names the order), the last day of its period is the case's
// `periods` (the day the order states), its 复查 a 现场笔录's act. It names no one with an identity
// number; it is not a measure that the 现场笔录 must record (it may be made after the inspection),
// and its signing is not counted late from a day without a time (completeAt stays unknown).
import type { DocumentFacts } from '../../../timeline/facts.ts';
import type { RectificationContent } from './content.ts';

export function rectificationFacts(c: RectificationContent): DocumentFacts {
  const officers = c.officerIds.filter(Boolean);
  return {
    acts: c.issueDate
      ? [{ kind: 'record', at: c.issueDate, label: '作出责令改正通知书', path: 'issueDate', officers }]
      : [],
    completeAt: '',
    completePath: 'issueDate',
    measures: [],
    persons: [],
  };
}
