// The case timeline as the core builds and enforces it (shared/timeline/case-timeline.ts holds the
// rules): what timeline.get answers for the case page and the editor, the refusal of 提交签名 and
// 封存 while a rule that stops them holds, and the officers' confirmation of a warning.
import { MILESTONE_LABELS } from '../../shared/deadlines/deadline-api.ts';
import type { Party } from '../../shared/domain/case.ts';
import { descriptorOf, type DocumentType } from '../../shared/documents/types/registry.ts';
import { blocking, caseTimeline, type CaseTimeline, type TimelineIssue } from '../../shared/timeline/case-timeline.ts';
import { DEFAULT_LATE_SIGNING_MINUTES } from '../../shared/timeline/rules/signing.ts';
import type { ConfirmableRule, TimelineInput } from '../../shared/timeline/timeline-api.ts';
import type { CaseStore } from '../cases/case-store.ts';
import type { Clock } from '../clock.ts';
import { CoreError } from '../../protocol/runtime/core-error.ts';
import type { DocumentStore } from '../documents/document-store.ts';
import type { EvidenceStore } from '../evidence/evidence-store.ts';
import type { OfficerStore } from '../officers/officer-store.ts';
import type { SealStore } from '../seals/seal-store.ts';
import type { SettingsStore } from '../settings/settings-store.ts';
import type { SignatureStore } from '../signatures/signature-store.ts';
import type { CalendarSource } from '../deadlines/calendar-source.ts';
import { toLocalDate } from '../../shared/documents/local-time.ts';
import type { ConfirmationStore } from './confirmation-store.ts';

export interface TimelineDeps {
  clock: Clock;
  documents: Pick<DocumentStore, 'timelineRows' | 'revisionsOutside' | 'content' | 'caseOf'>;
  signatures: Pick<SignatureStore, 'forTimeline'>;
  seals: Pick<SealStore, 'forDocument'>;
  cases: Pick<CaseStore, 'get' | 'milestones' | 'parties'>;
  evidence: Pick<EvidenceStore, 'list'>;
  officers: Pick<OfficerStore, 'list'>;
  settings: Pick<SettingsStore, 'lateSigningMinutes'>;
  confirmations: ConfirmationStore;
  calendar: Pick<CalendarSource, 'current'>;
}

const partyNumber = (p: Party) => (p.kind === 'organisation' ? p.creditCode : p.idNumber);
const STAGE_WORDS = { signing: '提交签名', sealing: '封存' } as const;

export class TimelineService {
  private readonly d: TimelineDeps;
  /** The people each document outside the case names, by document and revision (content is read again only when it changed). */
  private readonly persons = new Map<
    string,
    { revision: number; people: { idNumber: string; name: string; role: string }[] }
  >();
  constructor(deps: TimelineDeps) {
    this.d = deps;
  }

  lateSigningMinutes(): number {
    return this.d.settings.lateSigningMinutes(DEFAULT_LATE_SIGNING_MINUTES);
  }

  /** Everything the case's timeline is built from (timeline.get). */
  input(caseId: string): TimelineInput {
    const kase = this.d.cases.get(caseId);
    const rows = this.d.documents.timelineRows(caseId);
    const officers = this.d.officers.list();
    const names = new Map(officers.map((o) => [o.id, o.name]));
    return {
      caseId,
      caseNo: kase.caseNo,
      party: {
        name: kase.party.name,
        idNumber: partyNumber(kase.party),
        representative: kase.party.kind === 'organisation' ? kase.party.legalRepresentative : '',
      },
      documents: rows.map((r) => ({
        id: r.id,
        type: r.type,
        docNo: r.docNo,
        state: r.state,
        correctsId: r.correctsId,
        facts: descriptorOf(r.type).timeline(descriptorOf(r.type).content.parse(r.content)),
      })),
      periods: this.periods(rows),
      signatures: this.d.signatures.forTimeline(rows.map((r) => r.id)),
      seals: rows.flatMap((r) => {
        const s = r.state === 'sealed' ? this.d.seals.forDocument(r.id) : null;
        return s ? [{ documentId: r.id, sealedAt: s.sealedAt }] : [];
      }),
      milestones: this.d.cases
        .milestones(caseId)
        .filter((m) => m.current)
        .map((m) => ({ label: MILESTONE_LABELS[m.kind], date: m.date })),
      imports: this.d.evidence.list(caseId).map((e) => ({ evidenceId: e.id, fileName: e.fileName, at: e.collectedAt })),
      confirmations: this.d.confirmations.forCase(caseId).map((c) => ({
        documentId: c.documentId,
        rule: c.rule,
        subject: c.subject,
        note: c.note,
        officers: c.officerIds.map((id) => names.get(id) ?? id),
        at: c.at,
      })),
      elsewhere: this.elsewhere(caseId),
      officers: officers.map((o) => ({ id: o.id, name: o.name })),
      lateSigningMinutes: this.lateSigningMinutes(),
    };
  }

  check(caseId: string): CaseTimeline {
    return caseTimeline(this.input(caseId), this.d.clock.now());
  }

  /**
   * Refuses 提交签名 (`signing`) or 封存 (`sealing`) of a document while a timeline rule that stops
   * it holds (an unconfirmed warning that needs confirmation included), naming every such issue.
   */
  refuse(documentId: string, stage: 'signing' | 'sealing'): void {
    const found = blocking(this.check(this.d.documents.caseOf(documentId)).issues, documentId, stage);
    if (found.length === 0) return;
    throw new CoreError(
      'validation',
      `案件时间线检查有${found.length}处问题，不能${STAGE_WORDS[stage]}：${found[0]!.message}`,
      Object.fromEntries(
        found.map((i) => [i.at.find((a) => a.documentId === documentId)?.path ?? 'timeline', i.message]),
      ),
    );
  }

  /** The issue both officers are about to confirm, if it exists now and is not yet confirmed. */
  confirmable(caseId: string, rule: ConfirmableRule, subject: string): TimelineIssue {
    const issue = this.check(caseId).issues.find((i) => i.rule === rule && i.subject === subject);
    if (!issue) throw new CoreError('conflict', '该提示已不存在（相关内容可能已经修改），无需确认。请刷新后查看。');
    if (issue.confirmed) throw new CoreError('conflict', '该提示已经由两名执法人员确认。');
    return issue;
  }

  /**
   * The last day of each period the case's documents open, as the 工作台 computes it on the
   * calendar in use (a period not closed, the case open: only the day matters here).
   */
  private periods(rows: ReturnType<TimelineDeps['documents']['timelineRows']>): TimelineInput['periods'] {
    const cal = this.d.calendar.current().calendar;
    const today = toLocalDate(this.d.clock.now());
    const open = { status: 'filed' as const, sourceDate: today, filedDate: null, closedDate: null, documents: [] };
    return rows.flatMap((r) =>
      descriptorOf(r.type).deadlines.flatMap((deadline) => {
        const content = r.content as Record<string, unknown>;
        const fact = {
          kind: deadline.kind,
          documentId: r.id,
          docNo: r.docNo,
          state: r.state,
          startDate: deadline.startDate(content),
          signedDate: null,
          content,
          closedBy: [],
        };
        const due = deadline.compute(fact, open, cal, today).dueDate;
        return due ? [{ documentId: r.id, label: deadline.rule.label, lastDay: due }] : [];
      }),
    );
  }

  /** The people other cases name with an identity number, their parties included. */
  private elsewhere(caseId: string): TimelineInput['elsewhere'] {
    const cases = this.d.cases.parties();
    const caseNo = new Map(cases.map((c) => [c.caseId, c.caseNo]));
    const out: TimelineInput['elsewhere'] = cases
      .filter((c) => c.caseId !== caseId && partyNumber(c.party))
      .map((c) => ({ idNumber: partyNumber(c.party), name: c.party.name, where: `案件${c.caseNo}的当事人` }));
    for (const r of this.d.documents.revisionsOutside(caseId)) {
      let cached = this.persons.get(r.id);
      if (!cached || cached.revision !== r.revision) {
        const d = descriptorOf(r.type as DocumentType);
        const facts = d.timeline(d.content.parse(this.d.documents.content(r.id)));
        cached = {
          revision: r.revision,
          people: facts.persons
            .filter((p) => p.idNumber && p.name)
            .map((p) => ({ idNumber: p.idNumber, name: p.name, role: p.role })),
        };
        this.persons.set(r.id, cached);
      }
      for (const p of cached.people)
        out.push({
          idNumber: p.idNumber,
          name: p.name,
          where: `案件${caseNo.get(r.caseId) ?? ''}的${descriptorOf(r.type).label}（${r.docNo}）中的${p.role}`,
        });
    }
    return out;
  }
}
