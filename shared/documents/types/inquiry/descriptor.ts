// 询问笔录 (DOCUMENTS.md §1): the interviewee's answers, question by question.
import { toLocalMinute } from '../../local-time.ts';
import { contentAt, type DocumentDescriptor } from '../descriptor.ts';
import { inquiryFacts } from './timeline.ts';
import { checkInquiry, INQUIRY_RULES } from './completeness.ts';
import { InquiryContentSchema, type InquiryContent } from './content.ts';
import { INQUIRY_2023_1, INQUIRY_2026_1 } from './templates.ts';

export const INQUIRY: DocumentDescriptor<'inquiry', InquiryContent, never> = {
  type: 'inquiry',
  label: '询问笔录',
  pdfTitle: '询问笔录',
  numberMark: '询',
  content: InquiryContentSchema,
  templates: [INQUIRY_2023_1, INQUIRY_2026_1],
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
      // 2023.1 prints the seeded statement; from 2026.1 the closing follows the officer's choice
      // (核对 or 宣读), which is left for them to make.
      closingStatement: t.closingAlternatives ? '' : t.closing,
    };
  },
  sequence: { idNumber: 'interviewee.idNumber', name: 'interviewee.name' },
  offeredSlots: [
    { slotId: 'confirmation', label: '被询问人核对意见（手写）', role: '被询问人', signer: 'interviewee.name' },
  ],
  deadlines: [],
  editor: 'InquiryEditor',
};
