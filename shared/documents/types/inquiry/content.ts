// The content of a 询问笔录 as stored and as it will be signed (drafts may be incomplete: fields are
// optional-with-defaults; completeness.ts says what signing needs). Strings only: content ends up in
// sealed records.
import { z } from 'zod';
import {
  idNumberText,
  LocalDate,
  LocalMinute,
  longText,
  OpeningAnswerSchema,
  RowId,
  text,
} from '../../content-schemas.ts';

export const InquiryContentSchema = z.object({
  startTime: LocalMinute,
  endTime: LocalMinute,
  place: text(200),
  inquirerId: z.string().max(64).default(''),
  recorderId: z.string().max(64).default(''),
  interviewee: z
    .object({
      name: text(40),
      gender: z.enum(['', '男', '女']).default(''),
      birthDate: LocalDate,
      ethnicity: text(20),
      idType: text(20).default('居民身份证'),
      idNumber: idNumberText(),
      employer: text(100),
      position: text(40),
      phone: text(30),
      address: text(200),
      relation: text(20),
    })
    .prefault({}),
  interpreter: z.object({ name: text(40), unit: text(100), contact: text(60) }).prefault({}),
  othersPresent: text(500),
  openings: z.array(OpeningAnswerSchema).max(10).default([]),
  qa: z
    .array(z.object({ id: RowId, q: longText(5000), a: longText(20_000) }))
    .max(2000)
    .default([]),
  closingStatement: longText(1000),
  /**
   * How the record was checked, where the template asks (2026.1 on: `closingAlternatives`): 核对 (the
   * interviewee read it) or 宣读 (it was read out); only that closing prints. Optional, without a
   * default: transcripts made before it existed parse, save, hash and print exactly as they did.
   */
  closingMode: z.enum(['核对', '宣读']).optional(),
  confirmation: longText(1000),
});
export type InquiryContent = z.infer<typeof InquiryContentSchema>;
