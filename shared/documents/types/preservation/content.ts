// The content of a 登记保存物品清单及通知书 as stored and as it will be signed (drafts may be incomplete: fields are
// optional-with-defaults; completeness.ts says what signing needs). Strings only: content ends up in
// sealed records.
import { z } from 'zod';
import { LocalDate, LocalMinute, longText, PersonSchema, RowId, text } from '../../content-schemas.ts';

export const PreservationContentSchema = z.object({
  partyName: text(100),
  items: z
    .array(
      z.object({
        id: RowId,
        name: text(100),
        model: text(100),
        spec: text(100),
        serial: text(100),
        quantity: z.string().regex(/^\d*$/, { message: '数量应为整数。' }).default(''),
        condition: text(300),
        sealNo: text(60),
        note: text(300),
      }),
    )
    .max(500)
    .default([]),
  approval: z
    .object({
      /** The approving head as printed: 黄建国（主任）. */
      approver: text(40),
      /** The head chosen from the office's list of 机关负责人 (office.heads): the approver is a role, not free text. */
      approverId: z.string().max(64).default(''),
      at: LocalMinute,
      how: z.enum(['', '书面批准', '电话批准', '当面批准']).default(''),
    })
    .prefault({}),
  startDate: LocalDate,
  /** When the items were preserved, to the minute (the 现场笔录 of that time records it); its day is `startDate`. */
  startAt: LocalMinute,
  place: text(200),
  conditions: longText(1000),
  officerIds: z.array(z.string().max(64)).max(2).default([]),
  witness: PersonSchema.prefault({}),
});
export type PreservationContent = z.infer<typeof PreservationContentSchema>;
