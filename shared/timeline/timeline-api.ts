// What the case timeline is built from and what it gives: the schemas the API carries
// (timeline.get answers the input; the editor and the case page run the rules on it, the core
// enforces the same rules at 提交签名 and 封存).
import { z } from 'zod';
import { DocumentTypeSchema } from '../documents/document-api.ts';
import { DOCUMENT_STATES } from '../documents/document-states.ts';

const ActSchema = z.object({
  kind: z.enum([
    'record',
    'step',
    'extraction',
    'import',
    'approval',
    'measure',
    'decision',
    'service',
    'return',
    'review',
  ]),
  at: z.string(),
  end: z.string().optional(),
  label: z.string(),
  path: z.string(),
  endPath: z.string().optional(),
  officers: z.array(z.string()).optional(),
  evidenceId: z.string().optional(),
  target: z.string().optional(),
  reason: z.string().optional(),
});

const PersonSchema = z.object({
  path: z.string(),
  role: z.string(),
  name: z.string(),
  idType: z.string(),
  idNumber: z.string(),
  unit: z.string(),
  relation: z.string(),
  witness: z.boolean(),
});

export const DocumentFactsSchema = z.object({
  acts: z.array(ActSchema),
  completeAt: z.string(),
  completePath: z.string(),
  measures: z.array(z.string()),
  persons: z.array(PersonSchema),
  confirmation: z.object({ path: z.string(), text: z.string(), roles: z.array(z.string()) }).optional(),
});

export const TimelineDocumentSchema = z.object({
  id: z.string(),
  type: DocumentTypeSchema,
  docNo: z.string(),
  state: z.enum(DOCUMENT_STATES),
  /** The sealed document this one corrects (补正): both are one record on the timeline. */
  correctsId: z.string().nullable(),
  facts: DocumentFactsSchema,
});
export type TimelineDocument = z.infer<typeof TimelineDocumentSchema>;

/** The rules whose warnings both officers may confirm (with their passwords), and what a confirmation records. */
export const CONFIRMABLE_RULES = ['witnessIsParty', 'sharedIdNumber'] as const;
export type ConfirmableRule = (typeof CONFIRMABLE_RULES)[number];

export const TimelineInputSchema = z.object({
  caseId: z.string(),
  caseNo: z.string(),
  /** The case's party: who a witness must not be, whose staff and agents a witness must not be. */
  party: z.object({ name: z.string(), idNumber: z.string(), representative: z.string() }),
  documents: z.array(TimelineDocumentSchema),
  /** Signatures and resolved slots in force, with the start of the sitting they were made in. */
  signatures: z.array(
    z.object({
      documentId: z.string(),
      role: z.string(),
      status: z.enum(['signed', 'refused', 'absent', 'unable']),
      signerName: z.string(),
      officerId: z.string().nullable(),
      signedAt: z.string(),
      sittingStartedAt: z.string(),
      sittingId: z.string(),
      reason: z.string(),
    }),
  ),
  seals: z.array(z.object({ documentId: z.string(), sealedAt: z.string() })),
  milestones: z.array(z.object({ label: z.string(), date: z.string() })),
  /** Every item imported into the case (the store's own record: recordings of signing included). */
  imports: z.array(z.object({ evidenceId: z.string(), fileName: z.string(), at: z.string() })),
  confirmations: z.array(
    z.object({
      documentId: z.string(),
      rule: z.enum(CONFIRMABLE_RULES),
      subject: z.string(),
      note: z.string(),
      officers: z.array(z.string()),
      at: z.string(),
    }),
  ),
  /** People this device's other cases name with an identity number (the one-number-one-person rule). */
  elsewhere: z.array(z.object({ idNumber: z.string(), name: z.string(), where: z.string() })),
  officers: z.array(z.object({ id: z.string(), name: z.string() })),
  /**
   * The last day of each period a document opens (先行登记保存: seven working days on the calendar in
   * use; 责令改正: the day the order states), as the 工作台 computes it; none while not computable.
   */
  periods: z.array(z.object({ documentId: z.string(), label: z.string(), lastDay: z.string() })).default([]),
  /** Signing that begins later than this after a record's end needs a recorded reason (a setting). */
  lateSigningMinutes: z.number().int(),
});
export type TimelineInput = z.infer<typeof TimelineInputSchema>;

export const TIMELINE_SEVERITIES = ['warning', 'confirm', 'signing', 'sealing'] as const;
export type TimelineSeverity = (typeof TIMELINE_SEVERITIES)[number];
/** What each severity stops, as the editor and the case page say it. */
export const SEVERITY_LABELS: Record<TimelineSeverity, string> = {
  warning: '提示',
  confirm: '须两名执法人员确认',
  signing: '不能提交签名',
  sealing: '不能封存',
};
