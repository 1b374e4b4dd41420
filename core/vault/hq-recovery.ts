// HQ recovery of a returned laptop whose officers have left (or forgotten their passwords): HQ
// opens the device key with its SM2 private key (open-unlocked.ts) and gives an officer a new
// password — an existing officer (reactivated if removed) or a new one. Only that officer's copy
// of the key is (re)wrapped; the act is written to the device's audit log.
import type { AuditLog } from '../audit/audit-log.ts';
import type { InTransaction } from '../db/unit-of-work.ts';
import type { OfficerStore } from '../officers/officer-store.ts';
import type { KeyCustody } from './key-custody.ts';
import { CoreError } from '../../protocol/runtime/core-error.ts';
import { hashPassword } from '../../protocol/runtime/password-hash.ts';
import { OfficerCreateSchema } from '../../shared/domain/officer.ts';

export interface RecoveryRequest {
  certNo: string;
  password: string;
  /** Needed only for a new officer. */
  name?: string;
  unit?: string;
}

/** The officers, the key file's copies, and the audit row in the same transaction. */
export interface RecoveryDeps {
  officers: Pick<OfficerStore, 'findByCertNo' | 'setPasswordHash' | 'reactivate' | 'prepare'>;
  keys: Pick<KeyCustody, 'setOfficer'>;
  audit: Pick<AuditLog, 'append'>;
  inTransaction: InTransaction;
}

export async function recoverOfficer(
  core: RecoveryDeps,
  r: RecoveryRequest,
): Promise<{ officerId: string; created: boolean }> {
  const existing = core.officers.findByCertNo(r.certNo);
  if (existing) {
    const checked = OfficerCreateSchema.shape.password.safeParse(r.password);
    if (!checked.success) throw new CoreError('validation', checked.error.issues[0]!.message);
    const hash = await hashPassword(r.password);
    await core.keys.setOfficer(existing.id, existing.certNo, r.password);
    core.inTransaction(() => {
      core.officers.setPasswordHash(existing.id, hash);
      if (!existing.active) core.officers.reactivate(existing.id);
      core.audit.append({
        action: 'hq-recovery',
        officerIds: [],
        targets: [existing.id],
        detail: `总部以恢复密钥为执法证号 ${existing.certNo} 重设密码${existing.active ? '' : '并恢复启用'}`,
      });
    });
    return { officerId: existing.id, created: false };
  }
  const parsed = OfficerCreateSchema.safeParse({
    certNo: r.certNo,
    password: r.password,
    name: r.name ?? '',
    unit: r.unit ?? '',
  });
  if (!parsed.success)
    throw new CoreError(
      'validation',
      `本机没有执法证号 ${r.certNo} 的执法人员；要新登记一名，须给出姓名和单位（${parsed.error.issues.map((i) => i.message).join('；')}）。`,
    );
  const insert = await core.officers.prepare([parsed.data]);
  const officer = core.inTransaction(() => {
    const [o] = insert();
    core.audit.append({
      action: 'hq-recovery',
      officerIds: [],
      targets: [o!.id],
      detail: `总部以恢复密钥新登记执法人员（执法证号 ${o!.certNo}）`,
    });
    return o!;
  });
  await core.keys.setOfficer(officer.id, officer.certNo, r.password);
  return { officerId: officer.id, created: true };
}
