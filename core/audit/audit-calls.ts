// Which API calls the audit log records, and what it records of each (never passwords, contents
// or personal data beyond the officers' ids: the log says who did what to which record, when).
import type { AppCore } from '../app-core.ts';
import type { AuditEntry } from './audit-log.ts';

type Arg = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** The entry for a call that succeeded, or null for calls that only read. */
export function auditEntryFor(name: string, arg: Arg, value: unknown, core: AppCore): AuditEntry | null {
  const officerIds = core.session.signedInIds();
  const v = (value ?? {}) as Arg;
  const docCase = (id: string) => {
    try {
      return core.documents.caseOf(id);
    } catch {
      return null;
    }
  };
  switch (name) {
    case 'office.setup':
      return { action: 'settings', officerIds, detail: '首次设置：行政机关名称和两名执法人员' };
    case 'officers.create':
      return { action: 'settings', officerIds, targets: [str(v.id)], detail: '登记执法人员' };
    case 'officers.changePassword':
      return { action: 'settings', officerIds, targets: [str(arg.officerId)], detail: '修改本人密码（重新包装其密钥副本）' };
    case 'officers.remove':
      return { action: 'settings', officerIds, targets: [str(arg.officerId)], detail: '停用执法人员并删除其密钥副本' };
    case 'office.setIdleLock':
      return { action: 'settings', officerIds, detail: `自动锁定时间 ${String(arg.minutes)} 分钟` };
    case 'session.signIn':
      return { action: 'sign-in', officerIds, detail: `执法证号 ${str(arg.certNo)} 登录` };
    case 'session.signOut':
      return { action: 'sign-out', officerIds, targets: [str(arg.officerId)] };
    case 'cases.create':
      return { action: 'case-create', officerIds, caseId: str(v.id), targets: [str(v.id)] };
    case 'cases.update':
      return { action: 'case-edit', officerIds, caseId: str(arg.id), targets: [str(arg.id)] };
    case 'cases.setStatus':
      return { action: 'case-status', officerIds, caseId: str(arg.id), targets: [str(arg.id)], detail: str(arg.status) };
    case 'cases.recordMilestone':
      return { action: 'case-milestone', officerIds, caseId: str(arg.caseId), targets: [str(arg.caseId)], detail: `${str(arg.kind)} ${str(arg.date)}` };
    case 'documents.create':
      return { action: 'document-create', officerIds, caseId: str(arg.caseId), targets: [str(v.id)] };
    case 'documents.save':
      return { action: arg.discardSignatures ? 'document-edit-discarding-signatures' : 'document-edit', officerIds, caseId: docCase(str(arg.id)), targets: [str(arg.id)], detail: `revision ${String(v.revision)}` };
    case 'documents.markReady':
      return { action: 'document-ready', officerIds, caseId: docCase(str(arg.id)), targets: [str(arg.id)] };
    case 'documents.pdf':
      return { action: 'export-pdf', officerIds, caseId: docCase(str(arg.id)), targets: [str(arg.id)] };
    case 'signing.start':
      return { action: 'signing-start', officerIds, caseId: docCase(str(arg.documentId)), targets: [str(arg.documentId), str(v.ceremonyId)], detail: arg.recording ? '同步录像' : '未录像' };
    case 'signing.sign':
    case 'signing.resolve': {
      const s = v as { documentId?: string; signatures?: { id: string; slotId: string; page: number | null }[] };
      const made = s.signatures?.find((x) => x.slotId === arg.slotId && x.page === arg.page);
      return { action: name === 'signing.sign' ? 'sign' : 'refuse', officerIds, caseId: docCase(str(s.documentId)), targets: [str(s.documentId), made?.id ?? ''], detail: `${str(arg.slotId)}${arg.page ? `@${String(arg.page)}` : ''}` };
    }
    case 'signing.end':
      return { action: 'signing-end', officerIds, caseId: docCase(str((v as Arg).documentId)), targets: [str(arg.ceremonyId), str(arg.recordingEvidenceId)] };
    case 'seals.correct':
      return { action: 'correction-create', officerIds, caseId: str(v.caseId), targets: [str(v.id), str(arg.documentId)], detail: str(arg.reason) };
    case 'bundles.export':
      return { action: 'export-bundle', officerIds, targets: (arg.documentIds as string[] | undefined) ?? [], detail: str(v.path).split('/').pop() ?? '' };
    case 'capture.take':
      return { action: 'evidence-capture', officerIds, targets: (value as { id: string }[]).map((e) => e.id) };
    default:
      return null;
  }
}
