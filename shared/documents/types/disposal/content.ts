// The content of a 先行登记保存物品处理决定书 (DOCUMENTS.md §9; 行政处罚法 第五十六条) as stored and as it
// will be signed (drafts may be incomplete; completeness.ts says what signing needs). The items are
// copied from the 登记保存物品清单 it decides on, each with its decision. Strings only.
import { z } from 'zod';
import { LocalDate, LocalMinute, longText, PersonSchema, RowId, text } from '../../content-schemas.ts';

/**
 * The decisions on an item kept (行政处罚法 第五十六条 requires 「及时作出处理决定」 without listing
 * them; these follow DOCUMENTS.md §9 and the published templates of other agencies): release where
 * the item is kept (就地保存的), release and return (the party signs the return), transfer to
 * another authority, or testing / appraisal. 没收 is not among them: it is a penalty, made only by
 * a penalty decision.
 */
export const DISPOSAL_DECISIONS = [
  '',
  '解除先行登记保存',
  '解除先行登记保存并返还',
  '移送有关机关处理',
  '送交检测、检验或者技术鉴定',
] as const;
export type DisposalDecision = (typeof DISPOSAL_DECISIONS)[number];

export const DisposalContentSchema = z.object({
  partyName: text(100),
  /** The 登记保存物品清单及通知书 decided on (a document of the case), its number and start date as printed. */
  preservationId: z.string().max(64).default(''),
  preservationDate: LocalDate,
  items: z
    .array(
      z.object({
        id: RowId,
        /** The row of the 清单 it comes from. */
        sourceId: z.string().max(64).default(''),
        name: text(100),
        model: text(100),
        serial: text(100),
        quantity: z.string().regex(/^\d*$/, { message: '数量应为整数。' }).default(''),
        decision: z.enum(DISPOSAL_DECISIONS).default(''),
        note: text(300),
      }),
    )
    .max(500)
    .default([]),
  transfer: z.object({ authority: text(100), reason: longText(1000) }).prefault({}),
  basis: longText(1000),
  decisionDate: LocalDate,
  /** Why the decision was not made within the seven working days, when it was not. */
  lateReason: longText(1000),
  /** The return of the items returned: who received them, when, and in what state. */
  returnReceipt: z.object({ receivedBy: text(40), at: LocalMinute, condition: longText(1000) }).prefault({}),
  officerIds: z.array(z.string().max(64)).max(2).default([]),
  witness: PersonSchema.prefault({}),
});
export type DisposalContent = z.infer<typeof DisposalContentSchema>;
