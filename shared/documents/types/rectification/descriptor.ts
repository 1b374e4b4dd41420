// 责令（限期）改正通知书 (DOCUMENTS.md §8; 行政处罚法 第二十八条): the order to correct, with the law in the
// version that applies to the case's conduct copied in when it is made; it opens the correction
// period on the 工作台.
import { toLocalDate } from '../../local-time.ts';
import { contentAt, type DocumentDescriptor } from '../descriptor.ts';
import { checkRectification, RECTIFICATION_RULES } from './completeness.ts';
import { RectificationContentSchema, type RectificationContent } from './content.ts';
import { RECTIFICATION_DEADLINE } from './deadline.ts';
import { lawSentences, lawSnapshot } from './law-snapshot.ts';
import { RECTIFICATION_2026_1 } from './templates.ts';
import { rectificationFacts } from './timeline.ts';

export const RECTIFICATION: DocumentDescriptor<'rectification', RectificationContent, 'rectification'> = {
  type: 'rectification',
  label: '责令（限期）改正通知书',
  pdfTitle: '责令（限期）改正通知书',
  numberMark: '改',
  content: RectificationContentSchema,
  templates: [RECTIFICATION_2026_1],
  rules: RECTIFICATION_RULES,
  check: (c) => checkRectification(c),
  subject: (c) => {
    const end = contentAt(c, 'deadline.endDate') as string | undefined;
    const n = (c.corrections as unknown[] | undefined)?.length ?? 0;
    return [n > 0 && `改正事项${n}项`, end && `期限至${end}`];
  },
  // The party from the case; the law in the version that applies to its conduct, with the
  // sentences it seeds; the two signed-in officers; today as the order's date and the day its
  // period counts from (served on site), editable.
  initialContent: (_t, ctx) => {
    const [first = '', second = ''] = ctx.officerIds;
    const { party } = ctx.case;
    const today = toLocalDate(ctx.now);
    const law = lawSnapshot(ctx.case.law);
    const org = party.kind === 'organisation';
    return {
      party: {
        name: party.name,
        idLabel: org ? '统一社会信用代码' : party.idType,
        idNumber: org ? party.creditCode : party.idNumber,
        address: party.address,
        legalRepresentative: org ? party.legalRepresentative : '',
      },
      ...(law ? { law, ...lawSentences(law) } : {}),
      deadline: { days: '', unit: '', from: today, endDate: '' },
      issueDate: today,
      officerIds: [first, second].filter(Boolean),
    };
  },
  deadlines: [RECTIFICATION_DEADLINE],
  editor: 'RectificationEditor',
  timeline: (c) => rectificationFacts(c),
};
