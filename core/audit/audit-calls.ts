// The rows dispatch writes for the calls whose contract entry says `byDispatch` (shared/api/contract.ts
// decides which calls are audited and how; this file only builds their rows, which may need the
// database). What a row records: never passwords, contents or personal data beyond the officers'
// ids and certificate numbers — the log says who did what to which record, when.
import type { CallName } from '../../shared/api/call-names.ts';
import { contract, type Contract } from '../../shared/api/contract.ts';
import type { AuditAction } from '../../shared/audit/audit-actions.ts';
import type { DocumentStore } from '../documents/document-store.ts';
import type { TwoOfficerSession } from '../session/two-officer-session.ts';
import type { SignatureStore } from '../signatures/signature-store.ts';
import type { AuditEntry } from './audit-log.ts';

/** What building a row reads: the document's case, the signatures an edit discarded, who is signed in. */
export interface AuditCallDeps {
  documents: Pick<DocumentStore, 'caseOf'>;
  signatures: Pick<SignatureStore, 'discardedAt'>;
  session: Pick<TwoOfficerSession, 'signedInIds'>;
}

type Arg = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** The calls whose contract entry says dispatch audits them. */
export type DispatchAudited = {
  [K in CallName]: Contract[K]['audit'] extends { by: 'dispatch' } ? K : never;
}[CallName];
/** The actions a call's entry allows its row. */
type ActionsOf<K extends CallName> = Contract[K]['audit'] extends { actions: readonly (infer A)[] } ? A : never;
/** The calls whose entry also names a row for a failure. */
type FailureAudited = {
  [K in CallName]: Contract[K]['audit'] extends { failed: AuditAction } ? K : never;
}[CallName];

type EntryFor<K extends CallName> = (
  arg: Arg,
  v: Arg,
  core: AuditCallDeps,
  officerIds: string[],
) => AuditEntry & { action: ActionsOf<K> };

const docCase = (core: AuditCallDeps, id: string) => {
  try {
    return core.documents.caseOf(id);
  } catch {
    return null;
  }
};

/**
 * One builder per call the contract has dispatch audit: the compiler refuses a missing one, an
 * extra one, and a row whose action the entry does not name. (The calls whose handlers write
 * their own rows are marked `byHandler` in the contract, with the actions they write.)
 */
const ENTRIES: { [K in DispatchAudited]: EntryFor<K> } = {
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
  'office.addHead': (arg, _v, _c, officerIds) => ({
    action: 'settings',
    officerIds,
    detail: `机关负责人名单：增加 ${str(arg.name)}${arg.title ? `（${str(arg.title)}）` : ''}`,
  }),
  'office.removeHead': (arg, _v, _c, officerIds) => ({
    action: 'settings',
    officerIds,
    targets: [str(arg.id)],
    detail: '机关负责人名单：移除一人',
  }),
  'office.setLateSigning': (arg, _v, _c, officerIds) => ({
    action: 'settings',
    officerIds,
    detail: `逾时签名时限 ${String(arg.minutes)} 分钟`,
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
function documentSaved(
  arg: Arg,
  v: Arg,
  core: AuditCallDeps,
  officerIds: string[],
): AuditEntry & { action: ActionsOf<'documents.save'> } {
  const discarded = arg.discardSignatures ? core.signatures.discardedAt(str(arg.id), str(v.updatedAt)) : [];
  return {
    action: discarded.length ? 'document-edit-discarding-signatures' : 'document-edit',
    officerIds,
    caseId: docCase(core, str(arg.id)),
    targets: [str(arg.id), ...discarded],
    detail: `revision ${String(v.revision)}${discarded.length ? `，作废${discarded.length}个签名` : ''}`,
  };
}

/** The rows dispatch writes when one of these calls fails (a refused sign-in names the certificate number tried). */
const FAILURES: { [K in FailureAudited]: (arg: Arg, officerIds: string[]) => Omit<AuditEntry, 'action'> } = {
  'session.signIn': (arg, officerIds) => ({ officerIds, detail: `执法证号 ${str(arg.certNo)} 登录失败` }),
};

/** The calls built here, for the check that they are exactly the contract's (tests/integration/call-policy.test.ts). */
export const DISPATCH_AUDITED_CALLS: readonly string[] = Object.keys(ENTRIES);

/** The row for a call that succeeded, or null when dispatch does not audit it. */
export function auditEntryFor(name: CallName, arg: Arg, value: unknown, core: AuditCallDeps): AuditEntry | null {
  if (contract[name].audit.by !== 'dispatch') return null;
  const f = ENTRIES[name as DispatchAudited] as EntryFor<CallName>;
  return f(arg, (value ?? {}) as Arg, core, core.session.signedInIds());
}

/** The row for a call that failed, or null when its entry names none. */
export function auditFailureFor(name: CallName, arg: Arg, core: AuditCallDeps): AuditEntry | null {
  const audit = contract[name].audit;
  if (audit.by !== 'dispatch' || !('failed' in audit) || !audit.failed) return null;
  const f = FAILURES[name as FailureAudited];
  return { action: audit.failed, ...f(arg, core.session.signedInIds()) };
}
