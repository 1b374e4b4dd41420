// What the API says about deadlines, the calendar in use and the dashboard (工作台).
import { LawStatusSchema } from '../catalog/law-package.ts';
import { z } from 'zod';
import { CalendarDataSchema } from '../calendar/calendar-schema.ts';
import { CaseStatusSchema } from '../domain/case.ts';
import { DOCUMENT_STATES } from '../documents/document-types.ts';
import { DocumentTypeSchema } from '../documents/document-api.ts';
import { DOCUMENT_DEADLINES, type DocumentDeadlineKind } from '../documents/types/registry.ts';
import { DeadlineFieldsSchema, MILESTONE_KINDS, type MilestoneKind } from './deadline-basics.ts';

export {
  DEADLINE_STATUSES,
  DEADLINE_STATUS_LABELS,
  MILESTONE_KINDS,
  MILESTONE_LABELS,
  type DeadlineStatus,
  type MilestoneKind,
} from './deadline-basics.ts';

/** The case's own deadlines, and those documents open (their type's descriptor names them). */
export type DeadlineKind = 'filing' | DocumentDeadlineKind | 'hearingRequest' | 'statement' | 'service';
export const DEADLINE_KINDS = [
  'filing',
  ...new Set(DOCUMENT_DEADLINES.map((d) => d.kind)),
  'hearingRequest',
  'statement',
  'service',
] as [DeadlineKind, ...DeadlineKind[]];

export const DeadlineSchema = z.object({
  ...DeadlineFieldsSchema.pick({ key: true }).shape,
  kind: z.enum(DEADLINE_KINDS),
  ...DeadlineFieldsSchema.omit({ key: true }).shape,
});
export type Deadline = z.infer<typeof DeadlineSchema>;

export const CalendarSummarySchema = z.object({
  version: z.string(),
  validFrom: z.string(),
  validThrough: z.string(),
  source: z.string(),
  /** shipped: the table that came with the app; hq: a newer one HQ published (signed). */
  origin: z.enum(['shipped', 'hq']),
  /** HQ's reference version and issue time when origin is hq. */
  hqVersion: z.number().int().nullable(),
  issuedAt: z.string().nullable(),
  /** Why an HQ table received was not used, or a warning that the data ends soon; null otherwise. */
  note: z.string().nullable(),
});
export type CalendarSummary = z.infer<typeof CalendarSummarySchema>;

export const CalendarInfoSchema = z.object({ summary: CalendarSummarySchema, data: CalendarDataSchema });
export type CalendarInfo = z.infer<typeof CalendarInfoSchema>;

/** Which deadlines each kind of date counts (or extends). */
export const MILESTONE_FOR: Record<MilestoneKind, DeadlineKind[]> = {
  sourceDate: ['filing'],
  filingExtended: ['filing'],
  noticeServed: ['hearingRequest', 'statement'],
  decisionAnnounced: ['service'],
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const isRealDay = (s: string) => DAY.test(s) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;

export const RecordMilestoneSchema = z
  .object({
    caseId: z.string().min(1).max(64),
    kind: z.enum(MILESTONE_KINDS, { error: '请选择要记录的日期类型。' }),
    date: z
      .string({ error: '请填写日期。' })
      .refine(isRealDay, { message: '日期格式不正确，请按“年-月-日”填写（如 2026-11-20）。' }),
    note: z
      .string()
      .trim()
      .refine((s) => [...s].length <= 200, { message: '说明不能超过200个字。' })
      .default(''),
  })
  .strict();

export const MilestoneSchema = z.object({
  kind: z.enum(MILESTONE_KINDS),
  date: z.string(),
  note: z.string(),
  recordedAt: z.string(),
  /** The officers who recorded it (names). */
  officers: z.array(z.string()),
  /** False when a later record of the same kind replaced it (kept as history). */
  current: z.boolean(),
});
export type Milestone = z.infer<typeof MilestoneSchema>;

export const CaseDeadlinesSchema = z.object({
  today: z.string(),
  calendar: CalendarSummarySchema,
  deadlines: z.array(DeadlineSchema),
  /** Every date recorded for the case's deadlines, oldest first. */
  milestones: z.array(MilestoneSchema),
});
export type CaseDeadlines = z.infer<typeof CaseDeadlinesSchema>;

export const DashboardSchema = z.object({
  /** Today in China (YYYY-MM-DD), from the core's clock. */
  today: z.string(),
  /** The 法规库 in use, HQ's announced one, and the warning when HQ's is newer. */
  law: LawStatusSchema,
  calendar: CalendarSummarySchema,
  counts: z.object({
    overdue: z.number().int(),
    dueSoon: z.number().int(),
    uncertain: z.number().int(),
    unsynced: z.number().int(),
    waitingSignatures: z.number().int(),
    waitingSeal: z.number().int(),
    evidenceFailed: z.number().int(),
    evidenceUnverified: z.number().int(),
  }),
  /** Open cases, and closed ones with something left to do; the most urgent first. */
  cases: z.array(
    z.object({
      id: z.string(),
      caseNo: z.string(),
      title: z.string(),
      status: CaseStatusSchema,
      partyName: z.string(),
      updatedAt: z.string(),
      deadlines: z.array(DeadlineSchema),
      unsynced: z.number().int(),
      waitingSignatures: z.number().int(),
      evidenceIssues: z.number().int(),
    }),
  ),
  /** Documents 待签名 (frozen, signatures outstanding) and 已签名 (to be sealed). */
  documents: z.array(
    z.object({
      id: z.string(),
      caseId: z.string(),
      caseNo: z.string(),
      type: DocumentTypeSchema,
      docNo: z.string(),
      state: z.enum(DOCUMENT_STATES),
      subject: z.string(),
      updatedAt: z.string(),
    }),
  ),
  /** Evidence whose stored bytes failed re-verification, then evidence never re-verified since import. */
  evidence: z.object({
    total: z.number().int(),
    items: z.array(
      z.object({
        id: z.string(),
        caseId: z.string(),
        caseNo: z.string(),
        fileName: z.string(),
        status: z.enum(['mismatch', 'missing', 'unverified']),
        verifiedAt: z.string().nullable(),
        collectedAt: z.string(),
      }),
    ),
  }),
  sync: z.object({
    enrolled: z.boolean(),
    hqName: z.string().nullable(),
    /** The last sync of this session (not kept across a restart). */
    last: z.object({ at: z.string(), ok: z.boolean(), message: z.string() }).nullable(),
    lastReceiptAt: z.string().nullable(),
    hqTimeSeen: z.string().nullable(),
    /** Sealed documents without HQ's receipt. */
    outbox: z.number().int(),
  }),
});
export type Dashboard = z.infer<typeof DashboardSchema>;
