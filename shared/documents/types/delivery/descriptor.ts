// 送达回证 (DOCUMENTS.md §10): the proof that a document of the case (通知书, 责令改正通知书,
// 处理决定书 …) was served, how and on whom; service dates start the periods that run from service.
import { toLocalMinute } from '../../local-time.ts';
import { contentAt, type DocumentDescriptor } from '../descriptor.ts';
import { checkDelivery, DELIVERY_RULES, servedLinkError } from './completeness.ts';
import { DeliveryContentSchema, type DeliveryContent } from './content.ts';
import { DELIVERY_2026_1 } from './templates.ts';
import { deliveryFacts } from './timeline.ts';

export const DELIVERY: DocumentDescriptor<'delivery', DeliveryContent, never> = {
  type: 'delivery',
  label: '送达回证',
  pdfTitle: '送达回证',
  numberMark: '送',
  content: DeliveryContentSchema,
  templates: [DELIVERY_2026_1],
  rules: DELIVERY_RULES,
  check: (c, _t, ctx) => checkDelivery(c, ctx),
  subject: (c) => {
    const name = contentAt(c, 'servedDocumentName') as string | undefined;
    const method = contentAt(c, 'method') as string | undefined;
    return [name && `送达${name}`, method];
  },
  initialContent: (_t, ctx) => {
    const [first = '', second = ''] = ctx.officerIds;
    return {
      addressee: ctx.case.party.name,
      servedAt: toLocalMinute(ctx.now),
      serverIds: [first, second].filter(Boolean),
    };
  },
  saveCheck: (c, ctx) => {
    const wrong = servedLinkError(c.servedDocumentId, ctx);
    return wrong
      ? { kind: 'validation', message: `${wrong}本次修改未保存。`, fields: { servedDocumentId: wrong } }
      : null;
  },
  deadlines: [],
  editor: 'DeliveryEditor',
  timeline: (c) => deliveryFacts(c),
};
