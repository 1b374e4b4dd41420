// 先行登记保存物品处理决定书 (DOCUMENTS.md §9; 行政处罚法 第五十六条): the decision on the items of a
// 先行登记保存, item by item; once sealed it closes that preservation's seven working days.
import { toLocalDate } from '../../local-time.ts';
import { contentAt, type DocumentDescriptor } from '../descriptor.ts';
import { checkDisposal, DISPOSAL_RULES, preservationLinkError } from './completeness.ts';
import { DisposalContentSchema, type DisposalContent } from './content.ts';
import { DISPOSAL_2026_1, DISPOSAL_BASIS } from './templates.ts';
import { disposalFacts } from './timeline.ts';

const str = (v: unknown) => (typeof v === 'string' ? v : '');

export const DISPOSAL: DocumentDescriptor<'disposal', DisposalContent, never> = {
  type: 'disposal',
  label: '先行登记保存物品处理决定书',
  pdfTitle: '先行登记保存物品处理决定书',
  numberMark: '处',
  content: DisposalContentSchema,
  templates: [DISPOSAL_2026_1],
  rules: DISPOSAL_RULES,
  check: (c, _t, ctx) => checkDisposal(c, ctx),
  subject: (c) => {
    const items = (c.items as { decision: string }[] | undefined) ?? [];
    const decisions = [...new Set(items.map((i) => i.decision).filter(Boolean))];
    return [`物品${items.length}件`, decisions.length > 0 && decisions.join('、')];
  },
  // The items come from the 清单 the officers pick in the editor (documents of the case).
  initialContent: (_t, ctx) => {
    const [first = '', second = ''] = ctx.officerIds;
    return {
      partyName: ctx.case.party.name,
      basis: DISPOSAL_BASIS,
      decisionDate: toLocalDate(ctx.now),
      officerIds: [first, second].filter(Boolean),
    };
  },
  saveCheck: (c, ctx) => {
    const wrong = preservationLinkError(c.preservationId, ctx);
    return wrong
      ? { kind: 'validation', message: `${wrong}本次修改未保存。`, fields: { preservationId: wrong } }
      : null;
  },
  deadlines: [],
  closes: [
    {
      kind: 'preservation',
      acts: (content) => {
        const target = str(contentAt(content, 'preservationId'));
        return target ? [{ target, date: str(contentAt(content, 'decisionDate')) || null }] : [];
      },
    },
  ],
  editor: 'DisposalEditor',
  timeline: (c) => disposalFacts(c),
};
