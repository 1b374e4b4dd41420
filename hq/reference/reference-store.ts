// Reference data HQ hands to devices (the officer roster, the holiday table, the catalog version):
// each kind is versioned, and each version is signed by HQ so a device accepts only HQ's data.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { ReferenceData, SignedReference } from '../../protocol/sync/protocol.ts';
import type { HqIdentity } from '../hq-identity.ts';

export class ReferenceStore {
  private readonly db: Database;
  private readonly now: () => Date;
  private readonly identity: HqIdentity;
  constructor(db: Database, now: () => Date, identity: HqIdentity) {
    this.db = db;
    this.now = now;
    this.identity = identity;
  }

  /** Publishes a new version of one kind. */
  publish(kind: ReferenceData['kind'], data: unknown): SignedReference {
    const prev = this.db.prepare(`SELECT version FROM reference_data WHERE kind = ?`).get(kind) as
      { version: number } | undefined;
    const ref: ReferenceData = { kind, version: (prev?.version ?? 0) + 1, issuedAt: this.now().toISOString(), data };
    const sig = this.identity.signJson(ref);
    this.db
      .prepare(
        `INSERT INTO reference_data (kind, version, issued_at, data, ed25519) VALUES (?, ?, ?, ?, ?) ON CONFLICT (kind) DO UPDATE SET version = excluded.version, issued_at = excluded.issued_at, data = excluded.data, ed25519 = excluded.ed25519`,
      )
      .run(kind, ref.version, ref.issuedAt, JSON.stringify(data), sig.ed25519);
    return { ref, ed25519: sig.ed25519 };
  }

  all(): SignedReference[] {
    return (
      this.db.prepare(`SELECT * FROM reference_data ORDER BY kind`).all() as {
        kind: ReferenceData['kind'];
        version: number;
        issued_at: string;
        data: string;
        ed25519: string;
      }[]
    ).map((r) => ({
      ref: { kind: r.kind, version: r.version, issuedAt: r.issued_at, data: JSON.parse(r.data) as unknown },
      ed25519: r.ed25519,
    }));
  }
}
