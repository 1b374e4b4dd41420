// 询问笔录 (DOCUMENTS.md §1): the interviewee's answers, question by question.
import { toLocalMinute } from '../../local-time.ts';
import { contentAt, type DocumentDescriptor } from '../descriptor.ts';
import { inquiryFacts } from './timeline.ts';
import { checkInquiry, INQUIRY_RULES } from './completeness.ts';
import { InquiryContentSchema, type InquiryContent } from './content.ts';
import { INQUIRY_2023_1 } from './templates.ts';

export const INQUIRY: DocumentDescriptor<'inquiry', InquiryContent, never> = {
  type: 'inquiry',
  label: '询问笔录',
  pdfTitle: '询问笔录',
  numberMark: '询',
  content: InquiryContentSchema,
  templates: [INQUIRY_2023_1],
  rules: INQUIRY_RULES,
  check: (c, t) => checkInquiry(c, t),
  subject: (c) => {
    const name = contentAt(c, 'interviewee.name') as string | undefined;
    return [name && `被询问人：${name}`, contentAt(c, 'place') as string | undefined];
  },
  // The signed-in officers as inquirer and recorder; a person party as the interviewee, an
  // organisation as the interviewee's employer.
  timeline: (c) => inquiryFacts(c),
  initialContent: (t, ctx) => {
    const [first = '', second = ''] = ctx.officerIds;
    const party = ctx.case.party;
    return {
      startTime: toLocalMinute(ctx.now),
      inquirerId: first,
      recorderId: second,
      interviewee:
        party.kind === 'person'
          ? {
              name: party.name,
              idType: party.idType,
              idNumber: party.idNumber,
              address: party.address,
              phone: party.phone,
              relation: '当事人',
            }
          : { employer: party.name },
      openings: t.openings.map((o) => ({ key: o.key, answer: '' })),
      qa: [{ id: crypto.randomUUID(), q: '', a: '' }],
      closingStatement: t.closing,
    };
  },
  sequence: { idNumber: 'interviewee.idNumber', name: 'interviewee.name' },
  deadlines: [],
  editor: 'InquiryEditor',
};
