// Committing a seal at HQ: checked (verify-package.ts), then stored with its document, signatures,
// evidence references and HQ's signed receipt in ONE transaction — after a crash HQ holds the
// whole seal or nothing of it. Idempotent: the same seal again returns the same receipt. A
// different seal with a sequence number HQ already holds is refused as a conflict and flagged
// (possible tampering); a missing earlier sequence number is accepted and flagged as a gap until
// the missing seal arrives; a seal whose link to its neighbour does not match is refused.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { canonicalJson } from '../../shared/crypto/canonical-json.ts';
import type { SealPayload } from '../../protocol/seal/seal-payload.ts';
import { SEAL_GENESIS } from '../../protocol/seal/seal-payload.ts';
import type { Receipt, SealPackage, SignedReceipt } from '../../protocol/sync/protocol.ts';
import type { DeviceRegistry, DeviceRow } from '../devices/device-registry.ts';
import { errorFields, silentLog, type Log } from '../../protocol/runtime/log.ts';
import { fail, HqFailure } from '../hq-failure.ts';
import type { HqIdentity } from '../hq-identity.ts';
import { verifyPackage, type HeldBlob } from './verify-package.ts';

interface SealRowHq {
  seq: number;
  hash_sha256: string;
  prev_hash: string;
  receipt: string;
  receipt_ed25519: string;
  receipt_sm2: string;
}

export class Ingest {
  private readonly db: Database;
  private readonly now: () => Date;
  private readonly identity: HqIdentity;
  private readonly devices: DeviceRegistry;
  /** A test hook: runs inside the commit transaction, after every row is written (crash tests). */
  beforeCommit: (() => void) | null = null;
  private readonly log: Log;
  constructor(db: Database, now: () => Date, identity: HqIdentity, devices: DeviceRegistry, log: Log = silentLog) {
    this.db = db;
    this.now = now;
    this.identity = identity;
    this.devices = devices;
    this.log = log;
  }

  heldBlob(sha256: string): HeldBlob | null {
    return (
      (this.db.prepare(`SELECT sha256, sm3, size FROM blobs WHERE sha256 = ?`).get(sha256) as HeldBlob | undefined) ??
      null
    );
  }

  recordBlob(b: HeldBlob): void {
    this.db
      .prepare(`INSERT OR IGNORE INTO blobs (sha256, sm3, size, stored_at) VALUES (?, ?, ?, ?)`)
      .run(b.sha256, b.sm3, b.size, this.now().toISOString());
  }

  private existing(deviceId: string, seq: number): SealRowHq | undefined {
    return this.db
      .prepare(
        `SELECT seq, hash_sha256, prev_hash, receipt, receipt_ed25519, receipt_sm2 FROM seals WHERE device_id = ? AND seq = ?`,
      )
      .get(deviceId, seq) as SealRowHq | undefined;
  }

  private signed(r: SealRowHq): SignedReceipt {
    return { receipt: JSON.parse(r.receipt) as Receipt, ed25519: r.receipt_ed25519, sm2: r.receipt_sm2 };
  }

  receiptsFor(deviceId: string): SignedReceipt[] {
    return (
      this.db
        .prepare(
          `SELECT seq, hash_sha256, prev_hash, receipt, receipt_ed25519, receipt_sm2 FROM seals WHERE device_id = ? ORDER BY seq`,
        )
        .all(deviceId) as SealRowHq[]
    ).map((r) => this.signed(r));
  }

  /** Commits one seal; HQ's log gets the outcome (device id, sequence numbers, the refusal's kind — no content). */
  commit(device: DeviceRow, pkg: SealPackage, via: 'network' | 'bundle'): SignedReceipt {
    try {
      const r = this.commitChecked(device, pkg, via);
      this.log.info('seal received', { device: device.device_id, seq: r.receipt.seq, hqSeq: r.receipt.hqSeq, via });
      return r;
    } catch (e) {
      this.log.error(
        'seal refused',
        e instanceof HqFailure
          ? { device: device.device_id, via, status: e.status, kind: e.body.error }
          : { device: device.device_id, via, ...errorFields(e) },
      );
      throw e;
    }
  }

  private commitChecked(device: DeviceRow, pkg: SealPackage, via: 'network' | 'bundle'): SignedReceipt {
    if (
      !pkg ||
      pkg.format !== 'wangxin-sync-package/1' ||
      !pkg.seal ||
      typeof pkg.seal.payload !== 'string' ||
      !Number.isInteger(pkg.seal.seq) ||
      !Array.isArray(pkg.signatures) ||
      !pkg.case
    )
      throw fail(400, 'bad_request', '封存数据包格式不对。');
    const check = verifyPackage(pkg, this.devices.registered(device), (sha) => this.heldBlob(sha));
    const seq = pkg.seal.seq;
    const prior = this.existing(device.device_id, seq);
    if (prior) {
      if (prior.hash_sha256 === check.hash.sha256) return this.signed(prior); // a resend: the same receipt
      this.flag(
        device.device_id,
        seq,
        'conflict',
        `收到与已接收封存${seq}不同的封存（已有 ${prior.hash_sha256.slice(0, 16)}…，新收到 ${check.hash.sha256.slice(0, 16)}…）：可能被篡改，请核查该设备`,
      );
      throw fail(409, 'conflict', `总部已有该设备序号为${seq}的另一封存，此封存被拒收并已报告总部核查（可能被篡改）。`);
    }
    if (check.problems.length) {
      if (check.payload)
        this.flag(device.device_id, seq, 'verification', `封存${seq}核验未通过：${check.problems.join('；')}`);
      throw fail(422, 'verification', `封存${seq}核验未通过：${check.problems.join('；')}`, {
        problems: check.problems,
      });
    }
    // Not a fault of the seal, so not flagged: the device uploads the evidence and commits again.
    if (check.missing.length)
      throw fail(
        422,
        'verification',
        `封存${seq}所依据的电子数据尚未全部上传：${check.missing.join('；')}。请重新同步。`,
        { problems: check.missing },
      );
    const p = check.payload as SealPayload;
    const before = this.existing(device.device_id, seq - 1);
    const after = this.existing(device.device_id, seq + 1);
    if (seq === 1 && p.device.prev !== SEAL_GENESIS)
      throw fail(422, 'verification', '第一个封存的前一封存校验值不是全零。', { problems: ['链首不对'] });
    if (before && p.device.prev !== before.hash_sha256) {
      this.flag(device.device_id, seq, 'chain', `封存${seq}与已接收的封存${seq - 1}不衔接`);
      throw fail(409, 'conflict', `封存${seq}与总部已有的封存${seq - 1}不衔接，被拒收并已报告总部核查。`);
    }
    if (after && after.prev_hash !== check.hash.sha256) {
      this.flag(device.device_id, seq, 'chain', `封存${seq}与已接收的封存${seq + 1}不衔接`);
      throw fail(409, 'conflict', `封存${seq}与总部已有的封存${seq + 1}不衔接，被拒收并已报告总部核查。`);
    }

    let out: SignedReceipt | null = null;
    this.db.transaction(() => {
      const now = this.now().toISOString();
      const hqSeq = ((this.db.prepare(`SELECT max(hq_seq) AS m FROM seals`).get() as { m: number | null }).m ?? 0) + 1;
      const missingBefore =
        seq > 1 &&
        (
          this.db
            .prepare(`SELECT count(*) AS n FROM seals WHERE device_id = ? AND seq < ?`)
            .get(device.device_id, seq) as { n: number }
        ).n <
          seq - 1;
      const receipt: Receipt = {
        format: 'wangxin-hq-receipt/1',
        hqId: this.identity.keys().hqId,
        deviceId: device.device_id,
        seq,
        documentId: p.document.id,
        docNo: p.document.docNo,
        sealSha256: check.hash.sha256,
        sealSm3: check.hash.sm3,
        hqSeq,
        hqTime: now,
        chainComplete: !missingBefore,
      };
      const sig = this.identity.signJson(receipt);
      this.db
        .prepare(
          `INSERT INTO seals (device_id, seq, hq_seq, document_id, payload, hash_sha256, hash_sm3, prev_hash, sm2_signature, ed25519_signature, received_at, via, receipt, receipt_ed25519, receipt_sm2, print_input) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          device.device_id,
          seq,
          hqSeq,
          p.document.id,
          pkg.seal.payload,
          check.hash.sha256,
          check.hash.sm3,
          p.device.prev,
          pkg.seal.sm2Signature,
          pkg.seal.ed25519Signature,
          now,
          via,
          canonicalJson(receipt),
          sig.ed25519,
          sig.sm2,
          pkg.print ? JSON.stringify(pkg.print) : null,
        );
      const sigIns = this.db.prepare(
        `INSERT INTO seal_signatures (device_id, seq, signature_id, record, image_png, strokes) VALUES (?, ?, ?, ?, ?, ?)`,
      );
      const sealed = new Set(p.signatures.map((s) => s.id));
      for (const s of pkg.signatures)
        if (sealed.has(s.id))
          sigIns.run(
            device.device_id,
            seq,
            s.id,
            s.record,
            s.imagePngBase64 === null ? null : Buffer.from(s.imagePngBase64, 'base64'),
            s.strokes,
          );
      const evIns = this.db.prepare(
        `INSERT INTO seal_evidence (device_id, seq, evidence_id, sha256, file_name, category, size) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      );
      for (const e of p.evidence) evIns.run(device.device_id, seq, e.id, e.sha256, e.fileName, e.category, e.sizeBytes);
      this.db
        .prepare(
          `INSERT OR REPLACE INTO documents (id, device_id, seq, case_id, type, doc_no, sealed_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          p.document.id,
          device.device_id,
          seq,
          p.document.caseId,
          p.document.type,
          p.document.docNo,
          p.time.sealedAt,
        );
      const c = pkg.case;
      this.db
        .prepare(
          `INSERT INTO cases (id, case_no, party_name, matter_name, status, device_id, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET party_name = excluded.party_name, matter_name = excluded.matter_name, status = excluded.status, updated_at = excluded.updated_at`,
        )
        .run(
          p.document.caseId,
          p.document.caseNo,
          String(c.partyName ?? ''),
          String(c.matterName ?? ''),
          String(c.status ?? ''),
          device.device_id,
          now,
        );
      if (missingBefore) this.flag(device.device_id, seq, 'gap', `封存${seq}之前有尚未收到的封存（序号缺口），待补齐`);
      // A seal that fills a gap resolves the gap flags it closes.
      this.resolveGaps(device.device_id, now);
      this.db.prepare(`UPDATE devices SET last_sync_at = ? WHERE device_id = ?`).run(now, device.device_id);
      this.beforeCommit?.();
      out = { receipt, ...sig };
    })();
    return out!;
  }

  private resolveGaps(deviceId: string, now: string): void {
    const open = this.db
      .prepare(`SELECT id, seq FROM flags WHERE device_id = ? AND kind = 'gap' AND resolved_at IS NULL`)
      .all(deviceId) as { id: number; seq: number }[];
    for (const f of open) {
      const n = (
        this.db.prepare(`SELECT count(*) AS n FROM seals WHERE device_id = ? AND seq < ?`).get(deviceId, f.seq) as {
          n: number;
        }
      ).n;
      if (n === f.seq - 1) this.db.prepare(`UPDATE flags SET resolved_at = ? WHERE id = ?`).run(now, f.id);
    }
  }

  private flag(
    deviceId: string,
    seq: number | null,
    kind: 'conflict' | 'gap' | 'chain' | 'verification',
    detail: string,
  ): void {
    const dup = this.db
      .prepare(
        `SELECT 1 FROM flags WHERE device_id = ? AND seq IS ? AND kind = ? AND detail = ? AND resolved_at IS NULL`,
      )
      .get(deviceId, seq, kind, detail);
    if (!dup)
      this.db
        .prepare(`INSERT INTO flags (device_id, seq, kind, detail, created_at) VALUES (?, ?, ?, ?, ?)`)
        .run(deviceId, seq, kind, detail, this.now().toISOString());
  }
}
