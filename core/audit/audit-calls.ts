// Which API calls the audit log records, and what it records of each (never passwords, contents
// or personal data beyond the officers' ids: the log says who did what to which record, when).
import type { CallName } from '../../shared/api/call-names.ts';
import type { AppCore } from '../app-core.ts';
import type { AuditEntry } from './audit-log.ts';

type Arg = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' ? v : '');

type EntryFor = (arg: Arg, v: Arg, core: AppCore, officerIds: string[]) => AuditEntry;

const docCase = (core: AppCore, id: string) => {
  try {
    return core.documents.caseOf(id);
  } catch {
    return null;
  }
};

/**
 * The calls dispatch audits. Not here, because their handlers write their own row inside the
 * transaction that commits the action after asynchronous work (password hashing, file writing)
 * no transaction can span: office.setup and officers.create/changePassword (handlers.ts),
 * bundles.export (core/bundle/export-bundle.ts), capture.take (core/evidence/record-capture.ts);
 * seals.seal, evidence imports and sync write theirs in their own transactions too, and so do
 * signing.sign/resolve (core/signatures/signature-store.ts insert), which check passwords first.
 */
const ENTRIES: Partial<Record<CallName, EntryFor>> = {
  'officers.remove': (arg, _v, _c, officerIds) => ({
    action: 'settings',
    officerIds,
    targets: [str(arg.officerId)],
    detail: '停用执法人员并删除其密钥副本',
  }),
  'office.setIdleLock': (arg, _v, _c, officerIds) => ({
    action: 'settings',
    officerIds,
    detail: `自动锁定时间 ${String(arg.minutes)} 分钟`,
  }),
  'session.signIn': (arg, _v, _c, officerIds) => ({
    action: 'sign-in',
    officerIds,
    detail: `执法证号 ${str(arg.certNo)} 登录`,
  }),
  'session.signOut': (arg, _v, _c, officerIds) => ({ action: 'sign-out', officerIds, targets: [str(arg.officerId)] }),
  'cases.create': (_arg, v, _c, officerIds) => ({
    action: 'case-create',
    officerIds,
    caseId: str(v.id),
    targets: [str(v.id)],
  }),
  'cases.update': (arg, _v, _c, officerIds) => ({
    action: 'case-edit',
    officerIds,
    caseId: str(arg.id),
    targets: [str(arg.id)],
  }),
  'cases.chooseLaw': (arg, _v, _c, officerIds) => ({
    action: 'case-law',
    officerIds,
    caseId: str(arg.caseId),
    targets: [str(arg.caseId)],
    detail: `${str(arg.period) || '（无施行日期）'} ${str(arg.ground)}`,
  }),
  'cases.setStatus': (arg, _v, _c, officerIds) => ({
    action: 'case-status',
    officerIds,
    caseId: str(arg.id),
    targets: [str(arg.id)],
    detail: str(arg.status),
  }),
  'cases.recordMilestone': (arg, _v, _c, officerIds) => ({
    action: 'case-milestone',
    officerIds,
    caseId: str(arg.caseId),
    targets: [str(arg.caseId)],
    detail: `${str(arg.kind)} ${str(arg.date)}`,
  }),
  'documents.create': (arg, v, _c, officerIds) => ({
    action: 'document-create',
    officerIds,
    caseId: str(arg.caseId),
    targets: [str(v.id)],
  }),
  'documents.save': (arg, v, core, officerIds) => documentSaved(arg, v, core, officerIds),
  'documents.markReady': (arg, _v, core, officerIds) => ({
    action: 'document-ready',
    officerIds,
    caseId: docCase(core, str(arg.id)),
    targets: [str(arg.id)],
  }),
  'documents.pdf': (arg, _v, core, officerIds) => ({
    action: 'export-pdf',
    officerIds,
    caseId: docCase(core, str(arg.id)),
    targets: [str(arg.id)],
  }),
  'signing.start': (arg, v, core, officerIds) => ({
    action: 'signing-start',
    officerIds,
    caseId: docCase(core, str(arg.documentId)),
    targets: [str(arg.documentId), str(v.ceremonyId), ...(arg.continues ? [str(arg.continues)] : [])],
    detail: `${arg.recording ? '同步录像' : '未录像'}${arg.continues ? '，继续中断的签名' : ''}`,
  }),
  'signing.end': (arg, v, core, officerIds) => ({
    action: 'signing-end',
    officerIds,
    caseId: docCase(core, str(v.documentId)),
    targets: [str(arg.ceremonyId), str(arg.recordingEvidenceId)],
  }),
  'seals.correct': (arg, v, _c, officerIds) => ({
    action: 'correction-create',
    officerIds,
    caseId: str(v.caseId),
    targets: [str(v.id), str(arg.documentId)],
    detail: str(arg.reason),
  }),
};

/** An edit; one that discarded signatures names them (stamped with the save's time, in the same transaction). */
function documentSaved(arg: Arg, v: Arg, core: AppCore, officerIds: string[]): AuditEntry {
  const discarded = arg.discardSignatures
    ? (
        core.db
          .prepare(`SELECT id FROM signatures WHERE document_id = ? AND discarded_at = ? ORDER BY rowid`)
          .all(str(arg.id), str(v.updatedAt)) as { id: string }[]
      ).map((r) => r.id)
    : [];
  return {
    action: discarded.length ? 'document-edit-discarding-signatures' : 'document-edit',
    officerIds,
    caseId: docCase(core, str(arg.id)),
    targets: [str(arg.id), ...discarded],
    detail: `revision ${String(v.revision)}${discarded.length ? `，作废${discarded.length}个签名` : ''}`,
  };
}

/** Calls dispatch audits: it runs each in one transaction with its audit row (core/api/dispatch.ts). */
export const isAuditedCall = (name: string): boolean => name in ENTRIES;

/** The entry for a call that succeeded, or null for calls that only read or audit themselves. */
export function auditEntryFor(name: string, arg: Arg, value: unknown, core: AppCore): AuditEntry | null {
  const f = ENTRIES[name as CallName];
  return f ? f(arg, (value ?? {}) as Arg, core, core.session.signedInIds()) : null;
}
