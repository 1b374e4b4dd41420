// The audit log's hash chain (docs/SEAL-FORMAT.md): the row hash and the check of a whole log.
// Shared by the device, which writes the log (core/audit/audit-log.ts), and every verifier.
import { createHash } from 'node:crypto';
import { canonicalJson } from '../../shared/crypto/canonical-json.ts';

export const AUDIT_GENESIS = '0'.repeat(64);

export interface AuditRow {
  seq: number;
  at: string;
  officer_ids: string;
  action: string;
  case_id: string | null;
  targets: string;
  detail: string;
  prev_hash: string;
  hash: string;
}

/** The hash of one row: SHA-256 of the canonical form of all its fields and the previous hash. */
export function auditHash(r: Omit<AuditRow, 'hash'>): string {
  return createHash('sha256')
    .update(
      canonicalJson({
        seq: r.seq,
        at: r.at,
        officerIds: JSON.parse(r.officer_ids) as unknown,
        action: r.action,
        caseId: r.case_id,
        targets: JSON.parse(r.targets) as unknown,
        detail: r.detail,
        prev: r.prev_hash,
      }),
    )
    .digest('hex');
}

/** Checks a whole log: contiguous sequence numbers, each hash right, each link to the previous. */
export function verifyAuditChain(rows: AuditRow[]): string[] {
  const problems: string[] = [];
  let prev = AUDIT_GENESIS;
  rows.forEach((r, i) => {
    if (r.seq !== i + 1) problems.push(`审计日志第${i + 1}条的序号为${r.seq}（缺失或顺序被改动）`);
    if (r.prev_hash !== prev) problems.push(`审计日志第${r.seq}条与前一条不衔接（前一条被删除、插入或改动）`);
    if (auditHash(r) !== r.hash) problems.push(`审计日志第${r.seq}条内容被改动（${r.action}）`);
    prev = r.hash;
  });
  return problems;
}
