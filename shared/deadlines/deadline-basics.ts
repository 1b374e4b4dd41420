// The parts of a deadline that do not depend on which document types exist: its statuses, the
// dates officers record, and every field of a computed deadline but its kind. A type's deadline
// (document-deadline.ts, read by the type registry) is built from these; deadline-api.ts adds the
// closed set of kinds, which the registry gives — kept apart so that no import goes in a circle.
import { z } from 'zod';

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

/** A computed deadline's fields, its kind aside (deadline-api.ts's DeadlineSchema adds the kind after `key`). */
export const DeadlineFieldsSchema = z.object({
  /** Unique within a case: the kind, and for a preservation the document id. */
  key: z.string(),
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
/** A deadline as a type's rule computes it: the fields, and the kind the rule opens. */
export type ComputedDeadline<K extends string> = z.infer<typeof DeadlineFieldsSchema> & { kind: K };

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
