// 现场笔录 (DOCUMENTS.md §2): an on-site inspection, the measures taken, linked to their records.
import { toLocalMinute } from '../../local-time.ts';
import { matterPhrase, renderTemplateText, templateParagraph } from '../../templates.ts';
import { contentAt, type DocumentDescriptor } from '../descriptor.ts';
import { onsiteFacts } from './timeline.ts';
import { checkOnsite, measureLinkError, ONSITE_RULES } from './completeness.ts';
import { OnsiteContentSchema, type OnsiteContent } from './content.ts';
import { REVIEW_LABELS } from './editor-labels.ts';
import { ONSITE_2023_1, ONSITE_2026_1, ONSITE_2026_2 } from './templates.ts';

const str = (v: unknown) => (typeof v === 'string' ? v : '');

export const ONSITE: DocumentDescriptor<'onsite', OnsiteContent, never> = {
  type: 'onsite',
  label: '现场笔录',
  pdfTitle: '现场笔录',
  numberMark: '现',
  content: OnsiteContentSchema,
  templates: [ONSITE_2023_1, ONSITE_2026_1, ONSITE_2026_2],
  addedLabels: REVIEW_LABELS,
  rules: ONSITE_RULES,
  check: (c, t, ctx) => checkOnsite(c, t, ctx),
  subject: (c) => {
    const place = contentAt(c, 'place') as string | undefined;
    return [place && `检查地点：${place}`];
  },
  // The signed-in officers inspect (the second records); the party and its platform from the
  // case; the template's 检查事由 for the case's matter.
  timeline: (c) => onsiteFacts(c),
  recordsMeasures: true,
  initialContent: (t, ctx) => {
    const [first = '', second = ''] = ctx.officerIds;
    const { party, platform } = ctx.case;
    return {
      startTime: toLocalMinute(ctx.now),
      inspectorIds: [first, second].filter(Boolean),
      recorderId: second,
      reason: renderTemplateText(templateParagraph(t, 'reason'), { matter: matterPhrase(ctx.case.matterName) }),
      party: {
        name: party.name,
        licence: party.kind === 'organisation' ? '营业执照' : party.idType,
        idNumber: party.kind === 'organisation' ? party.creditCode : party.idNumber,
        address: party.address,
        legalRepresentative: party.kind === 'organisation' ? party.legalRepresentative : '',
        phone: party.phone,
        platform: [platform.name, platform.domain, platform.icp].filter(Boolean).join('，'),
      },
      openings: t.openings.map((o) => ({ key: o.key, answer: '' })),
    };
  },
  /**
   * A measure links only to a document of this case of the type its kind calls for (电子取证 →
   * 电子取证工作记录, 先行登记保存 → 登记保存物品清单): the picker offers only those; this refuses
   * anything else sent.
   */
  saveCheck: (c, ctx) => {
    for (const [i, m] of c.measures.entries()) {
      const wrong = measureLinkError(m, i, ctx);
      if (wrong)
        return {
          kind: 'validation',
          message: `${wrong}本次修改未保存。`,
          fields: { [`measures.${i}.linkedDocumentId`]: wrong },
        };
    }
    return null;
  },
  deadlines: [],
  // A 复查 recorded in the inspection closes the 责令改正通知书's period it checks (DOCUMENTS.md §8),
  // once sealed, with what it found (the 工作台 says what follows a 未改正).
  closes: [
    {
      kind: 'rectification',
      acts: (content) => {
        const measures = (content.measures as Record<string, unknown>[] | undefined) ?? [];
        const date = str(content.startTime).slice(0, 10) || null;
        return measures
          .filter((m) => m.kind === '复查' && str(m.linkedDocumentId))
          .map((m) => ({
            target: str(m.linkedDocumentId),
            date,
            outcome: str(m.outcome) ? { result: str(m.outcome), text: str(m.description) } : null,
          }));
      },
    },
  ],
  editor: 'OnsiteEditor',
};
