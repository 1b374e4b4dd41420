// Deadlines of the cases on this device, from what the database records (shared/deadlines/), and
// the dashboard (工作台): every open case with what is due and overdue, what is not yet synced,
// documents waiting for signatures or the seal, evidence not (or not successfully) re-verified,
// and the last sync and receipt. Read-only; today is the core's clock in China.
import {
  caseDeadlines,
  byUrgency,
  DUE_SOON_DAYS,
  isOpen,
  type CaseFacts,
} from '../../shared/deadlines/case-deadlines.ts';
import type {
  DeadlineClosingFact,
  DeadlineClosure,
  DocumentDeadlineFact,
} from '../../shared/deadlines/document-deadline.ts';
import type { CaseDeadlines, Dashboard, Deadline } from '../../shared/deadlines/deadline-api.ts';
import { toLocalDate } from '../../shared/documents/local-time.ts';
import type { DocumentState } from '../../shared/documents/document-states.ts';
import { DOCUMENT_DESCRIPTORS } from '../../shared/documents/types/registry.ts';
import type { CaseStore, DeadlineCaseRow } from '../cases/case-store.ts';
import type { Clock } from '../clock.ts';
import type { DocumentStore } from '../documents/document-store.ts';
import type { EvidenceStore } from '../evidence/evidence-store.ts';
import type { ReceiptStore } from '../sync/receipt-store.ts';
import type { SyncService } from '../sync/sync-service.ts';
import { CoreError } from '../../protocol/runtime/core-error.ts';
import { lawStatus } from '../../shared/catalog/law-package.ts';
import type { CatalogHolder } from '../catalog/catalog-holder.ts';
import type { SettingsStore } from '../settings/settings-store.ts';
import type { CalendarSource } from './calendar-source.ts';

type CaseRow = DeadlineCaseRow;

/** What deadlines and the 工作台 read (read-only). */
export interface DeadlineDeps {
  clock: Clock;
  calendar: Pick<CalendarSource, 'current' | 'summary'>;
  cases: Pick<CaseStore, 'deadlineRows' | 'deadlineEvents' | 'milestones'>;
  documents: Pick<DocumentStore, 'deadlineRows' | 'list'>;
}

/** The 工作台 reads what is unsynced and what evidence needs attention too. */
export interface DashboardDeps extends DeadlineDeps {
  catalog: Pick<CatalogHolder, 'version' | 'date' | 'origin'>;
  settings: Pick<SettingsStore, 'hqLaw'>;
  evidence: Pick<EvidenceStore, 'needingAttention'>;
  receipts: Pick<ReceiptStore, 'unsyncedByCase'>;
  sync: Pick<SyncService, 'status'>;
}

const chinaDay = (iso: string) => toLocalDate(new Date(iso));

/** 状态由「线索/初查」改为「已立案」：…  → 已立案 (the text CaseStore.setStatus writes). */
const STATUS_CHANGE = /^状态由「[^」]*」改为「([^」]*)」/;

export function today(clock: Clock): string {
  return toLocalDate(clock.now());
}

/** The facts a case's deadlines count from. */
export function caseFacts(core: Pick<DeadlineDeps, 'cases' | 'documents'>, row: CaseRow): CaseFacts {
  const { statusChanges: events, milestones } = core.cases.deadlineEvents(row.id);
  const changedTo = (label: string) => events.find((e) => STATUS_CHANGE.exec(e.text)?.[1] === label)?.at ?? null;
  const filedAt = changedTo('已立案');
  const closedAt = changedTo('已结案');
  // The documents that close another's deadline (a 处理决定书 closes its 先行登记保存), by the
  // document they name and the kind they close; sealed ones first.
  const closing = new Map<string, DeadlineClosingFact[]>();
  for (const d of DOCUMENT_DESCRIPTORS) {
    const closes = (d as { closes?: readonly DeadlineClosure[] }).closes ?? [];
    if (closes.length === 0) continue;
    for (const x of core.documents.deadlineRows(row.id, d.type)) {
      const content = JSON.parse(x.content_json) as Record<string, unknown>;
      const state: DocumentState = x.sealed_at ? 'sealed' : x.signed_at ? 'signed' : x.state;
      for (const c of closes)
        for (const act of c.acts(content)) {
          const key = `${c.kind}:${act.target}`;
          const fact = {
            documentId: x.id,
            docNo: x.doc_no,
            label: d.label,
            state,
            date: act.date,
            outcome: act.outcome ?? null,
          };
          closing.set(
            key,
            [...(closing.get(key) ?? []), fact].sort(
              (a, b) => Number(b.state === 'sealed') - Number(a.state === 'sealed'),
            ),
          );
        }
    }
  }
  // The documents whose type opens a deadline (先行登记保存 …), each through its type's descriptor.
  const documents: DocumentDeadlineFact[] = [];
  for (const d of DOCUMENT_DESCRIPTORS) {
    if (d.deadlines.length === 0) continue;
    const docs = core.documents.deadlineRows(row.id, d.type);
    // A corrected document (补正) counts through its correction, which carries its content on.
    const corrected = new Set(docs.map((x) => x.corrects_document_id).filter(Boolean));
    for (const x of docs.filter((x) => !corrected.has(x.id))) {
      const content = JSON.parse(x.content_json) as Record<string, unknown>;
      const state: DocumentState = x.sealed_at ? 'sealed' : x.signed_at ? 'signed' : x.state;
      for (const deadline of d.deadlines)
        documents.push({
          kind: deadline.kind,
          documentId: x.id,
          docNo: x.doc_no,
          state,
          startDate: deadline.startDate(content),
          signedDate: x.signed_at ? chinaDay(x.signed_at) : null,
          content,
          // A decision names the document it decides on; a correction (补正) carries the original's deadline.
          closedBy: [
            ...(closing.get(`${deadline.kind}:${x.id}`) ?? []),
            ...(x.corrects_document_id ? (closing.get(`${deadline.kind}:${x.corrects_document_id}`) ?? []) : []),
          ],
        });
    }
  }
  // The dates officers recorded (cases.recordMilestone): the latest of each kind counts.
  const recorded: CaseFacts['recorded'] = {};
  for (const m of milestones) recorded[m.kind] = m.date;
  return {
    status: row.status,
    sourceDate: chinaDay(row.created_at),
    filedDate: filedAt ? chinaDay(filedAt) : null,
    closedDate: closedAt ? chinaDay(closedAt) : null,
    documents,
    recorded,
  };
}

function caseRow(core: Pick<DeadlineDeps, 'cases'>, id: string): CaseRow {
  const r = core.cases.deadlineRows(id)[0];
  if (!r) throw new CoreError('not_found', '找不到该案件，它可能已被删除或编号有误。请返回案件列表重新选择。');
  return r;
}

export function deadlinesOfCase(core: DeadlineDeps, caseId: string): CaseDeadlines {
  const day = today(core.clock);
  const cal = core.calendar.current().calendar;
  const deadlines = caseDeadlines(caseFacts(core, caseRow(core, caseId)), cal, day).sort(byUrgency);
  return { today: day, calendar: core.calendar.summary(day), deadlines, milestones: core.cases.milestones(caseId) };
}

export function dashboard(core: DashboardDeps): Dashboard {
  const day = today(core.clock);
  const cal = core.calendar.current().calendar;
  const rows = core.cases.deadlineRows();
  const unsynced = core.receipts.unsyncedByCase();
  const evidenceRows = core.evidence.needingAttention();
  const evidenceByCase = new Map<string, number>();
  for (const e of evidenceRows) evidenceByCase.set(e.case_id, (evidenceByCase.get(e.case_id) ?? 0) + 1);

  const documents: Dashboard['documents'] = [];
  const cases: Dashboard['cases'] = [];
  for (const r of rows) {
    const waiting = core.documents.list(r.id).filter((d) => d.state === 'ready' || d.state === 'signed');
    for (const d of waiting)
      documents.push({
        id: d.id,
        caseId: r.id,
        caseNo: r.case_no,
        type: d.type,
        docNo: d.docNo,
        state: d.state,
        subject: d.subject,
        updatedAt: d.updatedAt,
      });
    const deadlines = caseDeadlines(caseFacts(core, r), cal, day).sort(byUrgency);
    const entry = {
      id: r.id,
      caseNo: r.case_no,
      title: r.title,
      status: r.status,
      partyName: (JSON.parse(r.party_json) as { name: string }).name,
      updatedAt: r.updated_at,
      deadlines,
      unsynced: unsynced.get(r.id) ?? 0,
      waitingSignatures: waiting.length,
      evidenceIssues: evidenceByCase.get(r.id) ?? 0,
    };
    const attention = entry.unsynced + entry.waitingSignatures + entry.evidenceIssues > 0;
    if (r.status !== 'closed' || attention) cases.push(entry);
  }
  const next = (c: (typeof cases)[number]): Deadline | undefined => c.deadlines.find(isOpen);
  cases.sort((a, b) => {
    const x = next(a);
    const y = next(b);
    if (x && y) return byUrgency(x, y);
    if (x || y) return x ? -1 : 1;
    return b.updatedAt.localeCompare(a.updatedAt);
  });
  documents.sort((a, b) =>
    a.state === b.state ? a.updatedAt.localeCompare(b.updatedAt) : a.state === 'ready' ? -1 : 1,
  );

  const all = cases.flatMap((c) => c.deadlines);
  const s = core.sync.status();
  const EVIDENCE_LISTED = 100;
  return {
    today: day,
    law: lawStatus(
      { version: core.catalog.version, date: core.catalog.date, ...core.catalog.origin() },
      core.settings.hqLaw(),
    ),
    calendar: core.calendar.summary(day),
    counts: {
      overdue: all.filter((d) => d.status === 'overdue').length,
      dueSoon: all.filter((d) => d.status === 'due' && d.daysLeft !== null && d.daysLeft <= DUE_SOON_DAYS).length,
      uncertain: all.filter((d) => d.status === 'uncertain').length,
      unsynced: s.outbox.documents,
      waitingSignatures: documents.filter((d) => d.state === 'ready').length,
      waitingSeal: documents.filter((d) => d.state === 'signed').length,
      evidenceFailed: evidenceRows.filter((e) => e.verify_status !== null).length,
      evidenceUnverified: evidenceRows.filter((e) => e.verify_status === null).length,
    },
    cases,
    documents,
    evidence: {
      total: evidenceRows.length,
      items: evidenceRows.slice(0, EVIDENCE_LISTED).map((e) => ({
        id: e.id,
        caseId: e.case_id,
        caseNo: e.case_no,
        fileName: e.file_name,
        status: e.verify_status ?? 'unverified',
        verifiedAt: e.verified_at,
        collectedAt: e.collected_at,
      })),
    },
    sync: {
      enrolled: s.enrolled,
      hqName: s.hq?.name ?? null,
      last: s.last ? { at: s.last.at, ok: s.last.ok, message: s.last.message } : null,
      lastReceiptAt: s.lastReceiptAt,
      hqTimeSeen: s.hqTimeSeen,
      outbox: s.outbox.documents,
    },
  };
}
