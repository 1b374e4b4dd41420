// What this device tells HQ about its deadlines with each sync (protocol/sync/deadlines-report.ts):
// every open one (overdue, running, uncertain) of every case, as the 工作台 computes it — by this
// device's records and working-day calendar. Case and document numbers only, no party names.
import { caseDeadlines, isOpen } from '../../shared/deadlines/case-deadlines.ts';
import {
  DEADLINES_FORMAT,
  MAX_REPORTED_DEADLINES,
  type DeadlinesReport,
  type ReportedDeadline,
} from '../../protocol/sync/deadlines-report.ts';
import { caseFacts, today, type DeadlineDeps } from './deadlines-service.ts';

export function openDeadlinesReport(core: DeadlineDeps): DeadlinesReport {
  const day = today(core.clock);
  const cal = core.calendar.current().calendar;
  const deadlines: ReportedDeadline[] = [];
  for (const r of core.cases.deadlineRows()) {
    const open = caseDeadlines(caseFacts(core, r), cal, day).filter(isOpen);
    if (open.length === 0) continue;
    const docNos = new Map(core.documents.list(r.id).map((d) => [d.id, d.docNo]));
    for (const d of open)
      deadlines.push({
        caseId: r.id,
        caseNo: r.case_no,
        kind: d.kind,
        label: d.label,
        dueDate: d.dueDate,
        earliest: d.earliest,
        status: d.status as ReportedDeadline['status'],
        documentId: d.documentId,
        docNo: d.documentId ? (docNos.get(d.documentId) ?? null) : null,
      });
  }
  // The most urgent first, should a device ever hold more than HQ takes.
  deadlines.sort((a, b) => (a.dueDate ?? a.earliest ?? '9').localeCompare(b.dueDate ?? b.earliest ?? '9'));
  return { format: DEADLINES_FORMAT, today: day, deadlines: deadlines.slice(0, MAX_REPORTED_DEADLINES) };
}
