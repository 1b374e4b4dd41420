import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { Clock } from '../clock.ts';
import { isoNow } from '../clock.ts';

/** The office (行政机关) this device works for; its name heads every document. */
export class OfficeStore {
  private readonly db: Database;
  private readonly clock: Clock;
  constructor(db: Database, clock: Clock) {
    this.db = db;
    this.clock = clock;
  }

  agencyName(): string | null {
    return (
      (this.db.prepare(`SELECT agency_name FROM office WHERE id = 1`).get() as { agency_name: string } | undefined)
        ?.agency_name ?? null
    );
  }

  /** Minutes without activity before the app locks itself (core/vault/). */
  idleLockMinutes(): number {
    return (
      (
        this.db.prepare(`SELECT idle_lock_minutes FROM office WHERE id = 1`).get() as
          { idle_lock_minutes: number } | undefined
      )?.idle_lock_minutes ?? 5
    );
  }

  setIdleLockMinutes(minutes: number): void {
    this.db.prepare(`UPDATE office SET idle_lock_minutes = ? WHERE id = 1`).run(minutes);
  }

  /** Inside the set-up transaction. The CHECK (id = 1) makes a second office impossible. */
  insert(agencyName: string): void {
    this.db
      .prepare(`INSERT INTO office (id, agency_name, created_at) VALUES (1, ?, ?)`)
      .run(agencyName, isoNow(this.clock));
  }
}
