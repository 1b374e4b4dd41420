// The evidence bytes released from the laptop after HQ's receipt (released_blobs, append-only):
// verification then reports them as held by HQ rather than missing. What may be released is a
// query over the evidence, its seals and their receipts, answered here.
import type { Database } from 'better-sqlite3-multiple-ciphers';

export class ReleasedBlobs {
  private readonly db: Database;
  constructor(db: Database) {
    this.db = db;
  }

  /** Blobs that may be released: every evidence row with that SHA-256 is sealed, and every such seal is receipted. */
  releasable(): { sha256: string; size: number }[] {
    return this.db
      .prepare(
        `SELECT e.sha256, max(e.size_bytes) AS size FROM evidence e
       WHERE e.sha256 NOT IN (SELECT sha256 FROM released_blobs)
       GROUP BY e.sha256
       HAVING sum(CASE WHEN NOT EXISTS (SELECT 1 FROM seal_evidence se WHERE se.evidence_id = e.id) THEN 1 ELSE 0 END) = 0
          AND sum(CASE WHEN EXISTS (SELECT 1 FROM seal_evidence se LEFT JOIN receipts r ON r.seal_seq = se.seal_seq WHERE se.evidence_id = e.id AND r.seal_seq IS NULL) THEN 1 ELSE 0 END) = 0`,
      )
      .all() as { sha256: string; size: number }[];
  }

  /** Every released blob by SHA-256, with the time of its release. */
  all(): Map<string, { releasedAt: string }> {
    return new Map(
      (
        this.db.prepare(`SELECT sha256, released_at FROM released_blobs`).all() as {
          sha256: string;
          released_at: string;
        }[]
      ).map((r) => [r.sha256, { releasedAt: r.released_at }]),
    );
  }

  totals(): { files: number; bytes: number } {
    const r = this.db.prepare(`SELECT count(*) AS n, coalesce(sum(size_bytes), 0) AS b FROM released_blobs`).get() as {
      n: number;
      b: number;
    };
    return { files: r.n, bytes: r.b };
  }

  /** Records the releases (inside the caller's transaction, with its audit row). */
  record(items: { sha256: string; size: number }[], releasedAt: string, officerIds: string[]): void {
    const ins = this.db.prepare(
      `INSERT INTO released_blobs (sha256, size_bytes, released_at, officer_ids) VALUES (?, ?, ?, ?)`,
    );
    for (const i of items) ins.run(i.sha256, i.size, releasedAt, JSON.stringify(officerIds));
  }
}
