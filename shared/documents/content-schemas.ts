// The pieces the content schemas of the document types are built from (each type's own schema is
// in shared/documents/types/<type>/content.ts). Drafts may be incomplete, so fields are
// optional-with-defaults; what the law requires before signing is checked by each type's
// completeness rules. Strings only (no floats): content ends up in sealed records.
import { z } from 'zod';
import { normaliseIdNumber } from '../validation/resident-id.ts';

export const text = (max = 200) => z.string().max(max).default('');
/** An identity-document number: stored as printed — full-width folded, spaces out, x as X (resident-id.ts). */
export const idNumberText = () => text(30).transform(normaliseIdNumber);
export const longText = (max = 20_000) => z.string().max(max).default('');
/** Local date-time to the minute, as officers write it: 2026-11-20T09:30 (Beijing time). */
export const LocalMinute = z
  .string()
  .regex(/^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})?$/, { message: '时间格式应为 年-月-日 时:分。' })
  .default('');
export const LocalDate = z
  .string()
  .regex(/^(\d{4}-\d{2}-\d{2})?$/, { message: '日期格式应为 年-月-日。' })
  .default('');
/** The id of a row of a list (a question, a measure, an item): stable across edits. */
export const RowId = z.string().min(1).max(64);

export const PersonSchema = z.object({
  name: text(40),
  idType: text(20).default('居民身份证'),
  idNumber: idNumberText(),
  unit: text(100),
  role: text(40),
  phone: text(30),
});

/** An opening statement's answer; the question text comes from the template version. */
export const OpeningAnswerSchema = z.object({ key: z.string().min(1).max(40), answer: longText(2000) });
