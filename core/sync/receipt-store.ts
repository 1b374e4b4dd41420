// HQ's signed receipts (receipts, append-only since migration 007): one per seal HQ committed.
// The outbox is a query — every seal without a receipt, in chain order — so it is answered here,
// joining the seals.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { canonicalJson } from '../../shared/crypto/canonical-json.ts';
import type { SignedReceipt } from '../../protocol/sync/protocol.ts';
import type { SealRow } from '../seals/seal-row.ts';

export class ReceiptStore {
  private readonly db: Database;
  constructor(db: Database) {
    this.db = db;
  }

  /** The seals without HQ's receipt, in chain order. */
  outbox(): SealRow[] {
    return this.db
      .prepare(
        `SELECT s.* FROM seals s LEFT JOIN receipts r ON r.seal_seq = s.seq WHERE r.seal_seq IS NULL ORDER BY s.seq`,
      )
      .all() as SealRow[];
  }

  /** Seals without a receipt, counted per case (the 工作台). */
  unsyncedByCase(): Map<string, number> {
    return new Map(
      (
        this.db
          .prepare(
            `SELECT d.case_id AS c, count(*) AS n FROM seals s JOIN documents d ON d.id = s.document_id LEFT JOIN receipts r ON r.seal_seq = s.seq WHERE r.seal_seq IS NULL GROUP BY d.case_id`,
          )
          .all() as { c: string; n: number }[]
      ).map((x) => [x.c, x.n]),
    );
  }

  has(sealSeq: number): boolean {
    return this.db.prepare(`SELECT 1 FROM receipts WHERE seal_seq = ?`).get(sealSeq) !== undefined;
  }

  /** HQ's sequence number in the receipt for this seal (matched by its SHA-256 too), or undefined. */
  hqSeqOf(sealSeq: number, sealSha256: string): number | undefined {
    return (
      this.db.prepare(`SELECT hq_seq FROM receipts WHERE seal_seq = ? AND seal_sha256 = ?`).get(sealSeq, sealSha256) as
        { hq_seq: number } | undefined
    )?.hq_seq;
  }

  /** HQ's time in the receipt for the document's seal (已同步), or null. */
  hqTimeOfDocument(documentId: string): string | null {
    const rc = this.db
      .prepare(`SELECT r.hq_time FROM receipts r JOIN seals s ON s.seq = r.seal_seq WHERE s.document_id = ?`)
      .get(documentId) as { hq_time: string } | undefined;
    return rc?.hq_time ?? null;
  }

  /** HQ's receipts for these seals, as HQ signed them (for trust/ in a bundle or seal folder). */
  signed(seqs: number[]): { seq: number; json: string; sm2: string; ed25519: string }[] {
    const get = this.db.prepare(
      `SELECT seal_seq AS seq, receipt AS json, sm2, ed25519 FROM receipts WHERE seal_seq = ?`,
    );
    return seqs
      .map((s) => get.get(s) as { seq: number; json: string; sm2: string; ed25519: string } | undefined)
      .filter((r) => r !== undefined);
  }

  count(): number {
    return (this.db.prepare(`SELECT count(*) AS n FROM receipts`).get() as { n: number }).n;
  }

  lastHqTime(): string | null {
    return (this.db.prepare(`SELECT max(hq_time) AS t FROM receipts`).get() as { t: string | null }).t;
  }

  /** Stores a receipt already verified (inside the caller's transaction). */
  insert(r: SignedReceipt, via: 'network' | 'file', storedAt: string): void {
    this.db
      .prepare(
        `INSERT INTO receipts (seal_seq, seal_sha256, hq_seq, hq_time, receipt, ed25519, sm2, via, stored_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        r.receipt.seq,
        r.receipt.sealSha256,
        r.receipt.hqSeq,
        r.receipt.hqTime,
        canonicalJson(r.receipt),
        r.ed25519,
        r.sm2,
        via,
        storedAt,
      );
  }
}
