// The device's settings table (key → value): what HQ assigned at enrollment (the case-number
// prefix), the latest HQ-signed time seen (the earliest bound of everything sealed after it), and
// the law package HQ announced at the last contact (the 工作台 warns when it is newer than ours).
import type { Database } from 'better-sqlite3-multiple-ciphers';

export class SettingsStore {
  private readonly db: Database;
  constructor(db: Database) {
    this.db = db;
  }

  private get(key: string): string | null {
    return (
      (this.db.prepare(`SELECT value FROM settings WHERE key = ?`).get(key) as { value: string } | undefined)?.value ??
      null
    );
  }

  private set(key: string, value: string): void {
    this.db
      .prepare(`INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`)
      .run(key, value);
  }

  /** The case-number prefix HQ assigned this device, or null before enrollment. */
  caseNoPrefix(): string | null {
    return this.get('case_no_prefix');
  }

  setCaseNoPrefix(prefix: string): void {
    this.set('case_no_prefix', prefix);
  }

  /** The latest HQ-signed time this device has seen; null until its first contact with HQ. */
  hqTimeSeen(): string | null {
    return this.get('hq_time_seen');
  }

  /** Keeps the later of the stored time and `time`. */
  noteHqTime(time: string): void {
    const prev = this.hqTimeSeen();
    if (!prev || time > prev) this.set('hq_time_seen', time);
  }

  /** The law package HQ announced at the last contact (hello), or null: none announced, or never in contact. */
  hqLaw(): { version: string; date: string | null; seenAt: string } | null {
    const v = this.get('hq_law_announced');
    return v ? (JSON.parse(v) as { version: string; date: string | null; seenAt: string }) : null;
  }

  /** Keeps HQ's announcement (verified by the caller); null when HQ announces none. */
  noteHqLaw(a: { version: string; date: string | null; seenAt: string } | null): void {
    if (a) this.set('hq_law_announced', JSON.stringify(a));
    else this.db.prepare(`DELETE FROM settings WHERE key = 'hq_law_announced'`).run();
  }

  /** Minutes after a record is complete within which its signing needs no reason (default: shared/timeline/rules/signing.ts). */
  lateSigningMinutes(fallback: number): number {
    const v = Number(this.get('late_signing_minutes'));
    return Number.isInteger(v) && v > 0 ? v : fallback;
  }

  setLateSigningMinutes(minutes: number): void {
    this.set('late_signing_minutes', String(minutes));
  }
}
