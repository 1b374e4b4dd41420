// Deadlines of the cases on this device, from what the database records (shared/deadlines/), and
// the dashboard (工作台): every open case with what is due and overdue, what is not yet synced,
// documents waiting for signatures or the seal, evidence not (or not successfully) re-verified,
// and the last sync and receipt. Read-only; today is the core's clock in China.
import type { CaseStatus } from '../../shared/domain/case.ts';
import {
  caseDeadlines,
  byUrgency,
  DUE_SOON_DAYS,
  isOpen,
  type CaseFacts,
} from '../../shared/deadlines/case-deadlines.ts';
import type { DocumentDeadlineFact } from '../../shared/deadlines/document-deadline.ts';
import type { CaseDeadlines, Dashboard, Deadline, MilestoneKind } from '../../shared/deadlines/deadline-api.ts';
import { toLocalDate } from '../../shared/documents/local-time.ts';
import type { DocumentState } from '../../shared/documents/document-states.ts';
import { DOCUMENT_DESCRIPTORS } from '../../shared/documents/types/registry.ts';
import type { AppCore } from '../app-core.ts';
import { CoreError } from '../../protocol/runtime/core-error.ts';

interface CaseRow {
  id: string;
  case_no: string;
  title: string;
  status: CaseStatus;
  party_json: string;
  created_at: string;
  updated_at: string;
}

const chinaDay = (iso: string) => toLocalDate(new Date(iso));

/** 状态由「线索/初查」改为「已立案」：…  → 已立案 (the text CaseStore.setStatus writes). */
const STATUS_CHANGE = /^状态由「[^」]*」改为「([^」]*)」/;

export function today(core: AppCore): string {
  return toLocalDate(core.clock.now());
}

/** The facts a case's deadlines count from. */
export function caseFacts(core: AppCore, row: CaseRow): CaseFacts {
  const events = core.db
    .prepare(`SELECT at, text FROM case_events WHERE case_id = ? AND kind = 'status' ORDER BY id`)
    .all(row.id) as { at: string; text: string }[];
  const changedTo = (label: string) => events.find((e) => STATUS_CHANGE.exec(e.text)?.[1] === label)?.at ?? null;
  const filedAt = changedTo('已立案');
  const closedAt = changedTo('已结案');
  // The documents whose type opens a deadline (先行登记保存 …), each through its type's descriptor.
  const documents: DocumentDeadlineFact[] = [];
  for (const d of DOCUMENT_DESCRIPTORS) {
    if (d.deadlines.length === 0) continue;
    const docs = core.db
      .prepare(
        `SELECT id, doc_no, state, content_json, signed_at, sealed_at, corrects_document_id FROM documents WHERE case_id = ? AND type = ? ORDER BY created_at, doc_no`,
      )
      .all(row.id, d.type) as {
      id: string;
      doc_no: string;
      state: 'draft' | 'ready';
      content_json: string;
      signed_at: string | null;
      sealed_at: string | null;
      corrects_document_id: string | null;
    }[];
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
        });
    }
  }
  // The dates officers recorded (cases.recordMilestone): the latest of each kind counts.
  const recorded: CaseFacts['recorded'] = {};
  for (const m of core.db
    .prepare(`SELECT kind, date FROM case_milestones WHERE case_id = ? ORDER BY id`)
    .all(row.id) as { kind: MilestoneKind; date: string }[])
    recorded[m.kind] = m.date;
  return {
    status: row.status,
    sourceDate: chinaDay(row.created_at),
    filedDate: filedAt ? chinaDay(filedAt) : null,
    closedDate: closedAt ? chinaDay(closedAt) : null,
    documents,
    recorded,
  };
}

function caseRow(core: AppCore, id: string): CaseRow {
  const r = core.db
    .prepare(`SELECT id, case_no, title, status, party_json, created_at, updated_at FROM cases WHERE id = ?`)
    .get(id) as CaseRow | undefined;
  if (!r) throw new CoreError('not_found', '找不到该案件，它可能已被删除或编号有误。请返回案件列表重新选择。');
  return r;
}

export function deadlinesOfCase(core: AppCore, caseId: string): CaseDeadlines {
  const day = today(core);
  const cal = core.calendar.current().calendar;
  const deadlines = caseDeadlines(caseFacts(core, caseRow(core, caseId)), cal, day).sort(byUrgency);
  return { today: day, calendar: core.calendar.summary(day), deadlines, milestones: core.cases.milestones(caseId) };
}

export function dashboard(core: AppCore): Dashboard {
  const day = today(core);
  const cal = core.calendar.current().calendar;
  const rows = core.db
    .prepare(
      `SELECT id, case_no, title, status, party_json, created_at, updated_at FROM cases ORDER BY updated_at DESC`,
    )
    .all() as CaseRow[];
  const unsynced = new Map(
    (
      core.db
        .prepare(
          `SELECT d.case_id AS c, count(*) AS n FROM seals s JOIN documents d ON d.id = s.document_id LEFT JOIN receipts r ON r.seal_seq = s.seq WHERE r.seal_seq IS NULL GROUP BY d.case_id`,
        )
        .all() as { c: string; n: number }[]
    ).map((x) => [x.c, x.n]),
  );
  const evidenceRows = core.db
    .prepare(
      `SELECT e.id, e.case_id, c.case_no, e.file_name, e.verify_status, e.verified_at, e.collected_at FROM evidence e JOIN cases c ON c.id = e.case_id
       WHERE (e.verify_status IS NULL OR e.verify_status <> 'ok') AND e.sha256 NOT IN (SELECT sha256 FROM released_blobs)
       ORDER BY CASE WHEN e.verify_status IS NULL THEN 1 ELSE 0 END, e.created_at DESC`,
    )
    .all() as {
    id: string;
    case_id: string;
    case_no: string;
    file_name: string;
    verify_status: 'mismatch' | 'missing' | null;
    verified_at: string | null;
    collected_at: string;
  }[];
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
