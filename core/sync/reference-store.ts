// HQ's signed reference data (reference_data: the roster, the working-day calendar, the catalog),
// one row per kind, the newest version whose HQ signature held when it arrived. Whoever uses a
// kind checks the signature again against HQ's pinned keys (hq-catalog.ts, hq-calendar.ts). The
// catalog — the law package — is stored only by law-intake.ts, after its own checks, in the
// transaction that applies it.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { canonicalJson } from '../../shared/crypto/canonical-json.ts';
import { verifyReference, type HqKeys, type SignedReference } from '../../protocol/sync/protocol.ts';

export interface StoredReference {
  version: number;
  issued_at: string;
  data: string;
  ed25519: string;
  received_at: string;
}

const REFERENCE_LABELS: Record<string, string> = {
  roster: '执法人员名册',
  holidays: '节假日表',
  catalog: '执法事项目录',
};

export class ReferenceStore {
  private readonly db: Database;
  constructor(db: Database) {
    this.db = db;
  }

  /** The stored row of one kind, or undefined. */
  stored(kind: string): StoredReference | undefined {
    return this.db
      .prepare(`SELECT version, issued_at, data, ed25519, received_at FROM reference_data WHERE kind = ?`)
      .get(kind) as StoredReference | undefined;
  }

  /** What the 同步 page lists: each kind held, its version and HQ's time of issue. */
  versions(): { kind: string; version: number; issuedAt: string }[] {
    return (
      this.db.prepare(`SELECT kind, version, issued_at FROM reference_data ORDER BY kind`).all() as {
        kind: string;
        version: number;
        issued_at: string;
      }[]
    ).map((r) => ({ kind: r.kind, version: r.version, issuedAt: r.issued_at }));
  }

  /**
   * Stores each newer kind whose HQ signature holds; returns the labels of those refused. The
   * catalog is left to law-intake.ts (it is applied, not only stored).
   */
  storeVerified(list: SignedReference[], keys: HqKeys, receivedAt: string): string[] {
    const rejected: string[] = [];
    for (const s of list) {
      if (s.ref.kind === 'catalog') continue;
      if (!verifyReference(s, keys)) {
        rejected.push(REFERENCE_LABELS[s.ref.kind] ?? s.ref.kind);
        continue;
      }
      const have = this.db.prepare(`SELECT version FROM reference_data WHERE kind = ?`).get(s.ref.kind) as
        { version: number } | undefined;
      if (have && have.version >= s.ref.version) continue;
      this.put(s, receivedAt);
    }
    return rejected;
  }

  /** Stores one signed version as it is (the caller checked it: law-intake.ts, in its transaction). */
  put(s: SignedReference, receivedAt: string): void {
    this.db
      .prepare(
        `INSERT INTO reference_data (kind, version, issued_at, data, ed25519, received_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (kind) DO UPDATE SET version = excluded.version, issued_at = excluded.issued_at, data = excluded.data, ed25519 = excluded.ed25519, received_at = excluded.received_at`,
      )
      .run(s.ref.kind, s.ref.version, s.ref.issuedAt, canonicalJson(s.ref.data), s.ed25519, receivedAt);
  }
}
