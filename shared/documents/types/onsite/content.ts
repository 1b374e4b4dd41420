// The content of a 现场笔录 as stored and as it will be signed (drafts may be incomplete: fields are
// optional-with-defaults; completeness.ts says what signing needs). Strings only: content ends up in
// sealed records.
import { z } from 'zod';
import {
  idNumberText,
  LocalMinute,
  longText,
  OpeningAnswerSchema,
  PersonSchema,
  RowId,
  text,
} from '../../content-schemas.ts';

export const MEASURE_KINDS = ['拍照', '录像', '电子取证', '先行登记保存', '复查', '其他'] as const;
/**
 * What a 复查 found (DOCUMENTS.md §8: the later check of a 责令改正通知书 closes its period): the
 * correction made, made in part, or not made (then the order's penalty article applies).
 */
export const REVIEW_OUTCOMES = ['', '已改正', '部分改正', '未改正'] as const;
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number];
export const PARTY_NOTICE = ['', '已通知，当事人到场', '已通知，当事人未到场', '无法通知当事人'] as const;

export const OnsiteContentSchema = z.object({
  startTime: LocalMinute,
  endTime: LocalMinute,
  place: text(200),
  inspectorIds: z.array(z.string().max(64)).max(2).default([]),
  recorderId: z.string().max(64).default(''),
  reason: longText(1000),
  party: z
    .object({
      name: text(100),
      licence: text(60),
      idNumber: idNumberText(),
      address: text(200),
      legalRepresentative: text(40),
      phone: text(30),
      platform: text(300),
    })
    .prefault({}),
  partyNotice: z.enum(PARTY_NOTICE).default(''),
  present: z
    .array(PersonSchema.extend({ id: RowId }))
    .max(50)
    .default([]),
  openings: z.array(OpeningAnswerSchema).max(10).default([]),
  findings: longText(50_000),
  measures: z
    .array(
      z.object({
        id: RowId,
        kind: z.enum(MEASURE_KINDS),
        description: longText(2000),
        linkedDocumentId: z.string().max(64).default(''),
        /** 复查 only: what the check of the linked 责令改正通知书 found (the description says what was seen). */
        outcome: z.enum(REVIEW_OUTCOMES).default(''),
        /** 复查 only: why the check was made before the order's period ended (the party reported early …). */
        earlyReason: longText(1000),
      }),
    )
    .max(50)
    .default([]),
  statement: longText(20_000),
  witness: PersonSchema.prefault({}),
  confirmation: longText(1000),
});
export type OnsiteContent = z.infer<typeof OnsiteContentSchema>;
