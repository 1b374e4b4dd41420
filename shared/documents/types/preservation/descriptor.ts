// 登记保存物品清单及通知书 (DOCUMENTS.md §4): the list of items kept and the notice that refers to
// it, made and signed together as one document; each one opens the 七个工作日 to decide on them.
import { toLocalDate } from '../../local-time.ts';
import { contentAt, type DocumentDescriptor } from '../descriptor.ts';
import { preservationFacts } from './timeline.ts';
import { checkPreservation, PRESERVATION_RULES } from './completeness.ts';
import { PreservationContentSchema, type PreservationContent } from './content.ts';
import { PRESERVATION_DEADLINE } from './deadline.ts';
import { PRESERVATION_2023_1, PRESERVATION_2023_2, PRESERVATION_2026_1 } from './templates.ts';

export const PRESERVATION: DocumentDescriptor<'preservation', PreservationContent, 'preservation'> = {
  type: 'preservation',
  label: '登记保存物品清单及通知书',
  pdfTitle: '登记保存物品清单及通知书',
  numberMark: '保',
  content: PreservationContentSchema,
  templates: [PRESERVATION_2023_1, PRESERVATION_2023_2, PRESERVATION_2026_1],
  rules: PRESERVATION_RULES,
  check: (c) => checkPreservation(c),
  subject: (c) => {
    const place = contentAt(c, 'place') as string | undefined;
    return [`物品${(c.items as unknown[] | undefined)?.length ?? 0}件`, place && `保存地点：${place}`];
  },
  timeline: (c) => preservationFacts(c),
  // Fields added with the case timeline (issue #20); the 2023.x labels are frozen.
  addedLabels: { startAt: '登记保存时间（年月日时分）' },
  initialContent: (_t, ctx) => {
    const [first = '', second = ''] = ctx.officerIds;
    return {
      partyName: ctx.case.party.name,
      startDate: toLocalDate(ctx.now),
      officerIds: [first, second].filter(Boolean),
    };
  },
  deadlines: [PRESERVATION_DEADLINE],
  editor: 'PreservationEditor',
};
