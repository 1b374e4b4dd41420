// What HQ staff see: devices with their chain status, received cases, documents with their seals,
// signatures and evidence, and the open flags. Read-only queries over HQ's database.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { SealPayload } from '../../protocol/seal/seal-payload.ts';
import type { Receipt } from '../../protocol/sync/protocol.ts';

export interface ChainStatus {
  count: number;
  maxSeq: number;
  missing: number[];
}

export interface FlagRow {
  id: number;
  device_id: string;
  seq: number | null;
  kind: string;
  detail: string;
  created_at: string;
  resolved_at: string | null;
}

export class Browse {
  private readonly db: Database;
  constructor(db: Database) {
    this.db = db;
  }

  chain(deviceId: string): ChainStatus {
    const seqs = (
      this.db.prepare(`SELECT seq FROM seals WHERE device_id = ? ORDER BY seq`).all(deviceId) as { seq: number }[]
    ).map((r) => r.seq);
    const have = new Set(seqs);
    const maxSeq = seqs.at(-1) ?? 0;
    const missing: number[] = [];
    for (let i = 1; i <= maxSeq && missing.length < 50; i++) if (!have.has(i)) missing.push(i);
    return { count: seqs.length, maxSeq, missing };
  }

  sealsOf(deviceId: string): {
    seq: number;
    document_id: string;
    doc_no: string;
    sealed_at: string;
    hq_seq: number;
    received_at: string;
    via: string;
    hash_sha256: string;
  }[] {
    return this.db
      .prepare(
        `SELECT s.seq, s.document_id, d.doc_no, d.sealed_at, s.hq_seq, s.received_at, s.via, s.hash_sha256 FROM seals s JOIN documents d ON d.device_id = s.device_id AND d.seq = s.seq WHERE s.device_id = ? ORDER BY s.seq`,
      )
      .all(deviceId) as {
      seq: number;
      document_id: string;
      doc_no: string;
      sealed_at: string;
      hq_seq: number;
      received_at: string;
      via: string;
      hash_sha256: string;
    }[];
  }

  cases(q = ''): {
    id: string;
    case_no: string;
    party_name: string;
    matter_name: string;
    status: string;
    updated_at: string;
    documents: number;
  }[] {
    const like = `%${q.trim()}%`;
    return this.db
      .prepare(
        `SELECT c.*, (SELECT count(*) FROM documents d WHERE d.case_id = c.id) AS documents FROM cases c WHERE c.case_no LIKE ? OR c.party_name LIKE ? OR c.matter_name LIKE ? ORDER BY c.updated_at DESC LIMIT 500`,
      )
      .all(like, like, like) as {
      id: string;
      case_no: string;
      party_name: string;
      matter_name: string;
      status: string;
      updated_at: string;
      documents: number;
    }[];
  }

  /** The received document a seal hash (SHA-256 of the seal text) belongs to: what a scanned seal QR code names. */
  documentBySealHash(sha256: string): string | null {
    const r = this.db
      .prepare(
        `SELECT d.id FROM seals s JOIN documents d ON d.device_id = s.device_id AND d.seq = s.seq WHERE s.hash_sha256 = ?`,
      )
      .get(sha256.toLowerCase()) as { id: string } | undefined;
    return r?.id ?? null;
  }

  caseById(id: string): {
    id: string;
    case_no: string;
    party_name: string;
    matter_name: string;
    status: string;
    device_id: string;
  } | null {
    return (
      (this.db.prepare(`SELECT * FROM cases WHERE id = ?`).get(id) as
        | { id: string; case_no: string; party_name: string; matter_name: string; status: string; device_id: string }
        | undefined) ?? null
    );
  }

  documentsOf(caseId: string): {
    id: string;
    type: string;
    doc_no: string;
    sealed_at: string;
    device_id: string;
    seq: number;
    hq_seq: number;
    received_at: string;
    via: string;
  }[] {
    return this.db
      .prepare(
        `SELECT d.id, d.type, d.doc_no, d.sealed_at, d.device_id, d.seq, s.hq_seq, s.received_at, s.via FROM documents d JOIN seals s ON s.device_id = d.device_id AND s.seq = d.seq WHERE d.case_id = ? ORDER BY d.sealed_at`,
      )
      .all(caseId) as {
      id: string;
      type: string;
      doc_no: string;
      sealed_at: string;
      device_id: string;
      seq: number;
      hq_seq: number;
      received_at: string;
      via: string;
    }[];
  }

  document(id: string): {
    payload: SealPayload;
    payloadText: string;
    receipt: Receipt;
    deviceId: string;
    seq: number;
    receivedAt: string;
    via: string;
    printInput: string | null;
    sealSha256: string;
    sealSm3: string;
    sm2Signature: string;
    ed25519Signature: string;
  } | null {
    const r = this.db
      .prepare(`SELECT s.* FROM documents d JOIN seals s ON s.device_id = d.device_id AND s.seq = d.seq WHERE d.id = ?`)
      .get(id) as
      | {
          payload: string;
          receipt: string;
          device_id: string;
          seq: number;
          received_at: string;
          via: string;
          print_input: string | null;
          hash_sha256: string;
          hash_sm3: string;
          sm2_signature: string;
          ed25519_signature: string;
        }
      | undefined;
    if (!r) return null;
    return {
      payload: JSON.parse(r.payload) as SealPayload,
      payloadText: r.payload,
      receipt: JSON.parse(r.receipt) as Receipt,
      deviceId: r.device_id,
      seq: r.seq,
      receivedAt: r.received_at,
      via: r.via,
      printInput: r.print_input,
      sealSha256: r.hash_sha256,
      sealSm3: r.hash_sm3,
      sm2Signature: r.sm2_signature,
      ed25519Signature: r.ed25519_signature,
    };
  }

  /** A received seal's signature records with their images and strokes. */
  sealSignatures(
    deviceId: string,
    seq: number,
  ): { signature_id: string; record: string; image_png: Buffer | null; strokes: string | null }[] {
    return this.db
      .prepare(`SELECT signature_id, record, image_png, strokes FROM seal_signatures WHERE device_id = ? AND seq = ?`)
      .all(deviceId, seq) as {
      signature_id: string;
      record: string;
      image_png: Buffer | null;
      strokes: string | null;
    }[];
  }

  /** The SHA-256 HQ recorded for a device's seal, or null when HQ does not hold it. */
  sealHash(deviceId: string, seq: number): string | null {
    return (
      (
        this.db.prepare(`SELECT hash_sha256 FROM seals WHERE device_id = ? AND seq = ?`).get(deviceId, seq) as
          { hash_sha256: string } | undefined
      )?.hash_sha256 ?? null
    );
  }

  /** Evidence HQ holds for a case: the blob may be downloaded only through a document that names it. */
  evidenceIn(documentId: string, sha256: string): { file_name: string; size: number } | null {
    return (
      (this.db
        .prepare(
          `SELECT e.file_name, e.size FROM seal_evidence e JOIN documents d ON d.device_id = e.device_id AND d.seq = e.seq WHERE d.id = ? AND e.sha256 = ?`,
        )
        .get(documentId, sha256) as { file_name: string; size: number } | undefined) ?? null
    );
  }

  flags(open = true): FlagRow[] {
    return this.db
      .prepare(`SELECT * FROM flags ${open ? 'WHERE resolved_at IS NULL' : ''} ORDER BY id DESC LIMIT 200`)
      .all() as FlagRow[];
  }

  events(limit = 100): { at: string; actor: string; action: string; detail: string }[] {
    return this.db.prepare(`SELECT at, actor, action, detail FROM events ORDER BY id DESC LIMIT ?`).all(limit) as {
      at: string;
      actor: string;
      action: string;
      detail: string;
    }[];
  }

  counts(): { devices: number; seals: number; cases: number; blobs: number; blobBytes: number; openFlags: number } {
    const one = (sql: string) => (this.db.prepare(sql).get() as { n: number | null }).n ?? 0;
    return {
      devices: one(`SELECT count(*) AS n FROM devices`),
      seals: one(`SELECT count(*) AS n FROM seals`),
      cases: one(`SELECT count(*) AS n FROM cases`),
      blobs: one(`SELECT count(*) AS n FROM blobs`),
      blobBytes: one(`SELECT sum(size) AS n FROM blobs`),
      openFlags: one(`SELECT count(*) AS n FROM flags WHERE resolved_at IS NULL`),
    };
  }
}
