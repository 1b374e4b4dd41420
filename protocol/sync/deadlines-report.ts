// The device's open deadlines, sent to HQ with each sync (POST /api/v1/deadlines, signed like every
// later request: docs/SYNC.md) so that HQ's 总览 can show what is overdue or nearly due across
// offices. Its own message, apart from the seals: a snapshot of what is open on the device now
// (computed there, from its records and working-day calendar: shared/deadlines/), which replaces
// the device's previous report at HQ. A device that never sends one (an older version) simply has
// none at HQ; an HQ without this route (404) is skipped by the device without failing the sync.
import { z } from 'zod';

export const DEADLINES_FORMAT = 'wangxin-deadlines/1';
/** More open deadlines than this on one device is not a real workload: refused (400). */
export const MAX_REPORTED_DEADLINES = 5000;

const Day = z.string().regex(/^\d{4}-\d\d-\d\d$/, '日期须为 YYYY-MM-DD。');

export const ReportedDeadlineSchema = z
  .object({
    caseId: z.string().min(1).max(200),
    caseNo: z.string().max(100),
    /** filing, preservation … (shared/deadlines/deadline-api.ts DEADLINE_KINDS). */
    kind: z.string().min(1).max(40),
    /** 立案期限, 先行登记保存处理决定 … as the device shows it. */
    label: z.string().max(100),
    /** The last day; null when the device's calendar cannot say (uncertain). */
    dueDate: Day.nullable(),
    /** Uncertain: the earliest the period can end. */
    earliest: Day.nullable(),
    status: z.enum(['overdue', 'due', 'uncertain']),
    /** The document the deadline belongs to (先行登记保存), or null. */
    documentId: z.string().max(200).nullable(),
    docNo: z.string().max(100).nullable(),
  })
  .strict();

export const DeadlinesReportSchema = z
  .object({
    format: z.literal(DEADLINES_FORMAT),
    /** The device's day (China) the statuses were computed for. */
    today: Day,
    deadlines: z.array(ReportedDeadlineSchema).max(MAX_REPORTED_DEADLINES, `期限最多${MAX_REPORTED_DEADLINES}项。`),
  })
  .strict();

export const DeadlinesAnswerSchema = z.object({ stored: z.number().int() });

export type DeadlinesReport = z.output<typeof DeadlinesReportSchema>;
export type ReportedDeadline = z.output<typeof ReportedDeadlineSchema>;
