import type { Database } from 'better-sqlite3-multiple-ciphers';
import { randomUUID } from 'node:crypto';
import type { OfficerCreate, OfficerPublic } from '../../shared/domain/officer.ts';
import type { Clock } from '../clock.ts';
import { isoNow } from '../clock.ts';
import { CoreError } from '../../protocol/runtime/core-error.ts';
import { DEFAULT_SCRYPT, hashPassword, type ScryptParams } from '../../protocol/runtime/password-hash.ts';

interface OfficerRow {
  id: string;
  name: string;
  cert_no: string;
  unit: string;
  password_hash: string;
  failed_attempts: number;
  locked_until: string | null;
  active: number;
}

export interface OfficerCredentials extends OfficerPublic {
  passwordHash: string;
  failedAttempts: number;
  lockedUntil: string | null;
}

const toPublic = (r: OfficerRow): OfficerPublic => ({
  id: r.id,
  name: r.name,
  certNo: r.cert_no,
  unit: r.unit,
  active: r.active === 1,
});

/** The officer roster on this device. Passwords never leave this module except as hashes. */
export class OfficerStore {
  private readonly db: Database;
  private readonly clock: Clock;
  private readonly passwordCost: ScryptParams;
  /** `passwordCost`: the scrypt cost of the hashes made here (recorded in each hash; see CoreOptions). */
  constructor(db: Database, clock: Clock, passwordCost: ScryptParams = DEFAULT_SCRYPT) {
    this.db = db;
    this.clock = clock;
    this.passwordCost = passwordCost;
  }

  /** Hashes the passwords first (slow, async), then returns a function that inserts them synchronously inside a transaction. */
  async prepare(officers: OfficerCreate[]): Promise<() => OfficerPublic[]> {
    const hashes = await Promise.all(officers.map((o) => hashPassword(o.password, this.passwordCost)));
    return () => officers.map((o, i) => this.insert(o, hashes[i]!));
  }

  private insert(o: OfficerCreate, passwordHash: string): OfficerPublic {
    if (this.findByCertNo(o.certNo)) {
      throw new CoreError('conflict', `执法证号 ${o.certNo} 已登记，不能重复登记。`, {
        certNo: `执法证号 ${o.certNo} 已登记。`,
      });
    }
    const now = isoNow(this.clock);
    const id = randomUUID();
    this.db
      .prepare(
        `INSERT INTO officers (id, name, cert_no, unit, password_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(id, o.name, o.certNo, o.unit, passwordHash, now, now);
    return { id, name: o.name, certNo: o.certNo, unit: o.unit, active: true };
  }

  list(): OfficerPublic[] {
    return (this.db.prepare(`SELECT * FROM officers ORDER BY created_at, name`).all() as OfficerRow[]).map(toPublic);
  }

  get(id: string): OfficerPublic | undefined {
    const row = this.db.prepare(`SELECT * FROM officers WHERE id = ?`).get(id) as OfficerRow | undefined;
    return row && toPublic(row);
  }

  findByCertNo(certNo: string): OfficerCredentials | undefined {
    const row = this.db.prepare(`SELECT * FROM officers WHERE cert_no = ? COLLATE NOCASE`).get(certNo.trim()) as
      OfficerRow | undefined;
    return (
      row && {
        ...toPublic(row),
        passwordHash: row.password_hash,
        failedAttempts: row.failed_attempts,
        lockedUntil: row.locked_until,
      }
    );
  }

  /** A new password (already hashed): clears any lock from wrong attempts. */
  setPasswordHash(id: string, passwordHash: string): void {
    this.db
      .prepare(
        `UPDATE officers SET password_hash = ?, failed_attempts = 0, locked_until = NULL, updated_at = ? WHERE id = ?`,
      )
      .run(passwordHash, isoNow(this.clock), id);
  }

  /** Removal keeps the row (documents and the audit log name the officer) and stops sign-in. */
  deactivate(id: string): void {
    this.db.prepare(`UPDATE officers SET active = 0, updated_at = ? WHERE id = ?`).run(isoNow(this.clock), id);
  }

  /** HQ recovery gives a removed officer a new password and allows sign-in again (core/vault/hq-recovery.ts). */
  reactivate(id: string): void {
    this.db.prepare(`UPDATE officers SET active = 1 WHERE id = ?`).run(id);
  }

  recordFailure(id: string, failedAttempts: number, lockedUntil: string | null): void {
    this.db
      .prepare(`UPDATE officers SET failed_attempts = ?, locked_until = ?, updated_at = ? WHERE id = ?`)
      .run(failedAttempts, lockedUntil, isoNow(this.clock), id);
  }

  recordSuccess(id: string): void {
    this.db.prepare(`UPDATE officers SET failed_attempts = 0, locked_until = NULL WHERE id = ?`).run(id);
  }
}
