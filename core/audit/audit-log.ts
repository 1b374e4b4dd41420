// The audit log: every action, append-only and hash-chained (each row's hash covers the previous
// row's hash), so that a removed, inserted or edited row breaks the chain. The database itself
// refuses UPDATE and DELETE (migration 005). The chain's rule is in audit-chain.ts.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { AUDIT_GENESIS, auditHash, type AuditRow } from '../../protocol/seal/audit-chain.ts';
import type { AuditAction } from '../../shared/audit/audit-actions.ts';
import { isoNow, type Clock } from '../clock.ts';

export interface AuditEntry {
  /** One of the known actions (shared/audit/audit-actions.ts). */
  action: AuditAction;
  officerIds: string[];
  caseId?: string | null;
  /** Ids of what the action touched (documents, evidence, signatures, seals …). */
  targets?: string[];
  /** A short human-readable detail; never passwords or personal data beyond names. */
  detail?: string;
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

  /** The hash of the row with this sequence number, or undefined (a seal names the audit head it saw). */
  hashAt(seq: number): string | undefined {
    return (this.db.prepare(`SELECT hash FROM audit_log WHERE seq = ?`).get(seq) as { hash: string } | undefined)?.hash;
  }

  rows(caseId?: string): AuditRow[] {
    return (
      caseId
        ? this.db.prepare(`SELECT * FROM audit_log WHERE case_id = ? ORDER BY seq`).all(caseId)
        : this.db.prepare(`SELECT * FROM audit_log ORDER BY seq`).all()
    ) as AuditRow[];
  }
}
