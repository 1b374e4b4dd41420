// What a document type's deadline is made of (a type's descriptor lists the deadlines its
// documents open: shared/documents/types/<type>/deadline.ts), and the pieces every deadline
// computation shares: the rule as the law states it, the fact a period counts from, judging a
// computed period against today. Pure, like case-deadlines.ts, which lists them on the 工作台.
import { daysBetween, type PeriodResult, type WorkingCalendar } from '../calendar/working-calendar.ts';
import { formatMinuteChinese } from '../documents/local-time.ts';
import type { DocumentState } from '../documents/document-states.ts';
import type { CaseStatus } from '../domain/case.ts';
import type { ComputedDeadline, DeadlineStatus, MilestoneKind } from './deadline-basics.ts';

export const cn = (d: string) => formatMinuteChinese(d);

/** A period as the law states it, with its basis (article numbers). */
export interface DeadlineRule {
  label: string;
  duty: string;
  period: string;
  days: number;
  basis: string;
  /**
   * Why the basis is not a verified text of the law in force, or null when it is (docs/DEADLINES.md):
   * a period whose only basis is an article of the repealed 2017 regulation says so wherever it is shown.
   */
  unverified: string | null;
}

/** What a period resting only on the repealed 2017 regulation says with its basis. */
export const UNVERIFIED_2023 =
  '依据未核实：此期限仅见于已废止的2017年规定，现行2023年《网信部门行政执法程序规定》的条文未能取得，是否仍规定此期限、条款序号为何均未核对。';

/** A document a deadline counts from: what the device records of it. */
export interface DocumentDeadlineFact {
  /** The deadline kind (the type's DocumentDeadline.kind). */
  kind: string;
  documentId: string;
  docNo: string;
  state: DocumentState;
  /** The start date as entered in the document (the type's `startDate`), or null. */
  startDate: string | null;
  /** The day the document was fully signed (China date), or null. */
  signedDate: string | null;
  /** The document's content (a period whose length the document states: 责令改正). */
  content: Record<string, unknown>;
  /**
   * The documents of the case that close this deadline (a type's `closes`: the 处理决定书 of a
   * 先行登记保存), sealed first; empty when none. Only a sealed one closes it.
   */
  closedBy: DeadlineClosingFact[];
}

/** A document that closes another's deadline, as the device records it. */
export interface DeadlineClosingFact {
  documentId: string;
  docNo: string;
  /** Its type's name (先行登记保存物品处理决定书). */
  label: string;
  state: DocumentState;
  /** The date the content gives for the act (the decision's date), or null. */
  date: string | null;
  /** What the act found, when it says (a 复查: 已改正, 部分改正 or 未改正, and what was seen), or null. */
  outcome?: { result: string; text: string } | null;
}

/**
 * A document type that closes a deadline another document opened: the 处理决定书 closes the
 * 先行登记保存's period, a 现场笔录 recording a 复查 the 责令改正通知书's. `acts` gives each
 * document whose deadline it closes, with the date of the act and what it found (one document may
 * close several: a 现场笔录 may check two orders).
 */
export interface DeadlineClosure {
  kind: string;
  acts(content: Record<string, unknown>): {
    target: string;
    date: string | null;
    outcome?: { result: string; text: string } | null;
  }[];
}

/** The facts a case's deadlines count from (core/deadlines/ reads them from the database). */
export interface CaseFacts {
  status: CaseStatus;
  /** The day the case source was registered: the case's creation on this device (China date). */
  sourceDate: string;
  /** The day the case was filed (立案), from its status change; null while not filed. */
  filedDate: string | null;
  /** The day the case was closed (结案); null while open. */
  closedDate: string | null;
  /** The documents whose type opens a deadline (先行登记保存 …), each with the kind it opens. */
  documents: DocumentDeadlineFact[];
  /** The dates recorded by officers (the latest of each kind); absent when none is recorded. */
  recorded?: Partial<Record<MilestoneKind, string>>;
}

/** A deadline each document of a type opens (先行登记保存: 七个工作日 to decide on the items kept). */
export interface DocumentDeadline<K extends string = string> {
  kind: K;
  rule: DeadlineRule;
  /** The date the period counts from as the content gives it (YYYY-MM-DD), or null when not entered. */
  startDate(content: Record<string, unknown>): string | null;
  /** The deadline of one document, on the case's facts, today. */
  compute(fact: DocumentDeadlineFact, f: CaseFacts, cal: WorkingCalendar, today: string): ComputedDeadline<K>;
}

/** The status and days left of a computed period, relative to today. */
export function judge(
  r: PeriodResult,
  today: string,
): { status: DeadlineStatus; dueDate: string | null; earliest: string | null; daysLeft: number; notes: string[] } {
  if (r.certain) {
    const left = daysBetween(today, r.date!);
    return {
      status: left < 0 ? 'overdue' : 'due',
      dueDate: r.date,
      earliest: null,
      daysLeft: left,
      notes: r.note ? [r.note] : [],
    };
  }
  const left = daysBetween(today, r.earliest!);
  const notes = [r.reason!];
  if (left < 0) notes.push(`已过最早可能的届满日${cn(r.earliest!)}：可能已经逾期，请立即核对放假安排。`);
  return { status: 'uncertain', dueDate: null, earliest: r.earliest, daysLeft: left, notes };
}

/** What every deadline of a rule says, whatever its status. */
export function deadlineBase<K extends string>(
  kind: K,
  r: DeadlineRule,
  key: string,
  documentId: string | null = null,
) {
  return {
    key,
    kind,
    label: r.label,
    duty: r.duty,
    period: r.period,
    basis: r.basis,
    basisUnverified: r.unverified,
    documentId,
  };
}
