// What the API says about deadlines, the calendar in use and the dashboard (工作台).
import { z } from 'zod';
import { CalendarDataSchema } from '../calendar/calendar-schema.ts';
import { CaseStatusSchema } from '../domain/case.ts';
import { DOCUMENT_STATES } from '../documents/document-types.ts';
import { DocumentTypeSchema } from '../documents/document-api.ts';
import { DOCUMENT_DEADLINES, type DocumentDeadlineKind } from '../documents/types/registry.ts';

/** The case's own deadlines, and those documents open (their type's descriptor names them). */
export type DeadlineKind = 'filing' | DocumentDeadlineKind | 'hearingRequest' | 'statement' | 'service';
export const DEADLINE_KINDS = [
  'filing',
  ...new Set(DOCUMENT_DEADLINES.map((d) => d.kind)),
  'hearingRequest',
  'statement',
  'service',
] as [DeadlineKind, ...DeadlineKind[]];

/**
 * overdue: the last day has passed and nothing recorded ends the period; due: running;
 * uncertain: the period reaches days the calendar has no data for; done: what the period asks for
 * is recorded (立案) or the case is closed; unrecorded: the fact the period counts from is not
 * recorded on this device, so nothing is computed.
 */
export const DEADLINE_STATUSES = ['overdue', 'due', 'uncertain', 'done', 'unrecorded'] as const;
export type DeadlineStatus = (typeof DEADLINE_STATUSES)[number];
export const DEADLINE_STATUS_LABELS: Record<DeadlineStatus, string> = {
  overdue: '已逾期',
  due: '未到期',
  uncertain: '无法确定',
  done: '已完成',
  unrecorded: '无法计算',
};

export const DeadlineSchema = z.object({
  /** Unique within a case: the kind, and for a preservation the document id. */
  key: z.string(),
  kind: z.enum(DEADLINE_KINDS),
  /** 立案期限, 先行登记保存处理决定 … */
  label: z.string(),
  /** What must happen by the last day. */
  duty: z.string(),
  /** 七个工作日 … */
  period: z.string(),
  /** The recorded fact the period counts from (its day not counted), or null when not recorded. */
  from: z.object({ label: z.string(), date: z.string() }).nullable(),
  /** The last day (act by the end of it); null when uncertain or not computable. */
  dueDate: z.string().nullable(),
  /** Uncertain: the earliest the period can end (days without data counted as working days). */
  earliest: z.string().nullable(),
  status: z.enum(DEADLINE_STATUSES),
  /** Calendar days from today to the due date (or to `earliest`); negative when past; null otherwise. */
  daysLeft: z.number().int().nullable(),
  /** The legal basis, with article numbers. */
  basis: z.string(),
  /** Why the basis is not a verified text of the law in force (a repealed article alone), or null. */
  basisUnverified: z.string().nullable(),
  /** The counting rule applied, with its basis. */
  rule: z.string(),
  /** Everything else the officer must know: the uncertainty's reason, a missing fact, an extension. */
  notes: z.array(z.string()),
  /** The document the deadline belongs to (先行登记保存), or null. */
  documentId: z.string().nullable(),
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

/**
 * The dates officers record for a case's deadlines (cases.recordMilestone): the 案件来源登记 date
 * when the 登记表 was made before the case was created on this device; the approval to extend
 * 立案 to 15 working days; the service of the 行政处罚意见告知书 (hearing request, 陈述申辩); the
 * announcement of the penalty decision (its service when the party was absent). Each record is
 * kept; the latest of a kind counts.
 */
export const MILESTONE_KINDS = ['sourceDate', 'filingExtended', 'noticeServed', 'decisionAnnounced'] as const;
export type MilestoneKind = (typeof MILESTONE_KINDS)[number];
export const MILESTONE_LABELS: Record<MilestoneKind, string> = {
  sourceDate: '《案件来源登记表》登记日期',
  filingExtended: '负责人批准延长立案期限的日期',
  noticeServed: '《行政处罚意见告知书》送达日期',
  decisionAnnounced: '行政处罚决定宣告日期',
};
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
