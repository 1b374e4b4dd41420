// The audit log: every action, append-only and hash-chained (each row's hash covers the previous
// row's hash), so that a removed, inserted or edited row breaks the chain. The database itself
// refuses UPDATE and DELETE (migration 005).
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { createHash } from 'node:crypto';
import { canonicalJson } from '../../shared/crypto/canonical-json.ts';
import { isoNow, type Clock } from '../clock.ts';

export const AUDIT_GENESIS = '0'.repeat(64);

export interface AuditEntry {
  action: string;
  officerIds: string[];
  caseId?: string | null;
  /** Ids of what the action touched (documents, evidence, signatures, seals …). */
  targets?: string[];
  /** A short human-readable detail; never passwords or personal data beyond names. */
  detail?: string;
}

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

export class AuditLog {
  private readonly db: Database;
  private readonly clock: Clock;
  constructor(db: Database, clock: Clock) {
    this.db = db;
    this.clock = clock;
  }

  /** Appends one row; call inside the action's transaction where there is one. */
  append(e: AuditEntry): { seq: number; hash: string } {
    const head = this.head();
    const row = {
      seq: head.seq + 1,
      at: isoNow(this.clock),
      officer_ids: JSON.stringify(e.officerIds),
      action: e.action,
      case_id: e.caseId ?? null,
      targets: JSON.stringify(e.targets ?? []),
      detail: e.detail ?? '',
      prev_hash: head.hash,
    };
    const hash = auditHash(row);
    this.db
      .prepare(
        `INSERT INTO audit_log (seq, at, officer_ids, action, case_id, targets, detail, prev_hash, hash) VALUES (@seq, @at, @officer_ids, @action, @case_id, @targets, @detail, @prev_hash, @hash)`,
      )
      .run({ ...row, hash });
    return { seq: row.seq, hash };
  }

  head(): { seq: number; hash: string } {
    const r = this.db.prepare(`SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1`).get() as
      { seq: number; hash: string } | undefined;
    return r ?? { seq: 0, hash: AUDIT_GENESIS };
  }

  rows(caseId?: string): AuditRow[] {
    return (
      caseId
        ? this.db.prepare(`SELECT * FROM audit_log WHERE case_id = ? ORDER BY seq`).all(caseId)
        : this.db.prepare(`SELECT * FROM audit_log ORDER BY seq`).all()
    ) as AuditRow[];
  }
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
