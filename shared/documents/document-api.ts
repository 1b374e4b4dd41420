// What the API says about documents.
import { z } from 'zod';
import { OfficerPublicSchema } from '../domain/officer.ts';
import { DOCUMENT_STATES, DOCUMENT_TYPES } from './document-types.ts';

export const DocumentTypeSchema = z.enum(DOCUMENT_TYPES, { error: '未知的文书种类。' });

export const DocumentSummarySchema = z.object({
  id: z.string(),
  caseId: z.string(),
  type: DocumentTypeSchema,
  docNo: z.string(),
  state: z.enum(DOCUMENT_STATES),
  /** A line that tells documents of one type apart: the interviewee, the place … */
  subject: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Sealed documents: HQ's receipt time (已同步), null while not yet receipted. */
  syncedAt: z.string().nullable().optional(),
});
export type DocumentSummary = z.infer<typeof DocumentSummarySchema>;

export const CompletenessIssueSchema = z.object({ path: z.string(), message: z.string(), rule: z.string() });

export const DocumentDetailSchema = DocumentSummarySchema.extend({
  templateVersion: z.string(),
  revision: z.number().int(),
  /** Signatures (and refusals) in force: editing then needs confirmation and discards them. */
  signatureCount: z.number().int(),
  /** 补正: the sealed document this one corrects, and the correction of this one (已补正). */
  correction: z.object({
    corrects: z.object({ id: z.string(), docNo: z.string(), sealSha256: z.string(), reason: z.string() }).nullable(),
    correctedBy: z.object({ id: z.string(), docNo: z.string(), reason: z.string() }).nullable(),
  }),
  /** Validated against the type's content schema by the core; typed per type in the renderer. */
  content: z.record(z.string(), z.unknown()),
  issues: z.array(CompletenessIssueSchema),
  context: z.object({
    agency: z.string(),
    caseNo: z.string(),
    caseTitle: z.string(),
    partyName: z.string(),
    matterId: z.string(),
    matterName: z.string(),
    officers: z.array(OfficerPublicSchema),
    /** 询问笔录: this is the Nth inquiry of the same interviewee in the case. */
    inquirySequence: z.number().int().nullable(),
    /** The case's other documents, for links (现场笔录 → 电子取证工作记录 …). */
    siblings: z.array(DocumentSummarySchema),
  }),
});
export type DocumentDetail = z.infer<typeof DocumentDetailSchema>;

export const SaveResultSchema = z.object({
  revision: z.number().int(),
  updatedAt: z.string(),
  state: z.enum(DOCUMENT_STATES),
  issues: z.array(CompletenessIssueSchema),
});
export type SaveResult = z.infer<typeof SaveResultSchema>;
