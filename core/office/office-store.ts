import type { Database } from 'better-sqlite3-multiple-ciphers';
import { randomUUID } from 'node:crypto';
import type { OfficeHead } from '../../shared/domain/office.ts';
import type { Clock } from '../clock.ts';
import { isoNow } from '../clock.ts';
import { CoreError } from '../../protocol/runtime/core-error.ts';

/**
 * The office (行政机关) this device works for: its name heads every document; its heads (机关负责人)
 * approve a 先行登记保存 (office_heads).
 */
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

  /** The agency's heads, the removed ones too (documents name them), active ones first. */
  heads(): OfficeHead[] {
    return (
      this.db
        .prepare(`SELECT id, name, title, active FROM office_heads ORDER BY active DESC, created_at, name`)
        .all() as {
        id: string;
        name: string;
        title: string;
        active: number;
      }[]
    ).map((h) => ({ ...h, active: h.active === 1 }));
  }

  addHead(name: string, title: string): OfficeHead {
    if (this.heads().some((h) => h.active && h.name === name && h.title === title))
      throw new CoreError('conflict', `负责人「${name}」已在名单中。`, { name: '已在名单中。' });
    const id = randomUUID();
    const now = isoNow(this.clock);
    this.db
      .prepare(`INSERT INTO office_heads (id, name, title, created_at, updated_at) VALUES (?, ?, ?, ?, ?)`)
      .run(id, name, title, now, now);
    return { id, name, title, active: true };
  }

  /** Removal keeps the row: approvals already recorded name the head. */
  removeHead(id: string): void {
    const r = this.db
      .prepare(`UPDATE office_heads SET active = 0, updated_at = ? WHERE id = ? AND active = 1`)
      .run(isoNow(this.clock), id);
    if (r.changes !== 1) throw new CoreError('not_found', '名单中没有这名负责人（可能已被移除），请刷新后重试。');
  }
}
