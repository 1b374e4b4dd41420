// Committing a seal at HQ: checked (verify-package.ts), then stored with its document, signatures,
// evidence references and HQ's signed receipt in ONE transaction — after a crash HQ holds the
// whole seal or nothing of it. Idempotent: the same seal again returns the same receipt. A
// different seal with a sequence number HQ already holds is refused as a conflict and flagged
// (possible tampering); a missing earlier sequence number is accepted and flagged as a gap until
// the missing seal arrives; a seal whose link to its neighbour does not match is refused.
//
// Records belong to the device that sealed them. The ids in a seal are the device's choice
// (document, case, evidence, officer, signature ids); HQ records which device first used each
// (table record_owners) and refuses a seal that uses an id another device owns: 409, flagged
// 归属冲突, nothing stored. Received rows are append-only in the database itself (migrations.ts);
// the one row HQ updates, a case's summary, is updated only for its owning device.
//
// Concurrency (PostgreSQL, many connections): each commit first takes the row lock of the hq_seq
// counter (a no-op UPDATE) and makes every decision that depends on what HQ holds — the prior seal
// under this number, the chain neighbours, the owners of the ids — after it, inside the
// transaction; so commits run one at a time from there on, hq_seq is allocated without gaps, and
// two devices racing for one id cannot both win. The checks that cost (signatures, digests) run
// before, in parallel. On SQLite the same UPDATE takes the database's write lock.
import type { Kysely } from 'kysely';
import { canonicalJson } from '../../shared/crypto/canonical-json.ts';
import type { SealPayload } from '../../protocol/seal/seal-payload.ts';
import { SEAL_GENESIS } from '../../protocol/seal/seal-payload.ts';
import type { Receipt, SealPackage, SignedReceipt } from '../../protocol/sync/protocol.ts';
import { errorFields, silentLog, type Log } from '../../protocol/runtime/log.ts';
import type { HqDb } from '../db/hq-database.ts';
import { sealOfficerRows } from '../db/migrations.ts';
import type { FlagKind, HqTables, OwnedKind } from '../db/schema.ts';
import type { DeviceRegistry, DeviceRow } from '../devices/device-registry.ts';
import { fail, HqFailure } from '../hq-failure.ts';
import type { HqIdentity } from '../hq-identity.ts';
import { verifyPackage, type HeldBlob } from './verify-package.ts';

type Tx = Kysely<HqTables>;

interface SealRowHq {
  seq: number;
  hash_sha256: string;
  prev_hash: string;
  receipt: string;
  receipt_ed25519: string;
  receipt_sm2: string;
}

const OWNED_LABEL: Record<OwnedKind, string> = {
  document: '文书',
  case: '案件',
  evidence: '电子数据',
  officer: '执法人员',
  signature: '签名',
};

/** Every id in a seal that a device chooses, by kind. */
function ownedIds(p: SealPayload): { kind: OwnedKind; id: string }[] {
  const out = new Map<string, { kind: OwnedKind; id: string }>();
  const add = (kind: OwnedKind, id: string | null | undefined) => {
    if (id) out.set(`${kind}\u0000${id}`, { kind, id });
  };
  add('document', p.document.id);
  add('case', p.document.caseId);
  for (const e of p.evidence) add('evidence', e.id);
  for (const o of p.officers) add('officer', o.id);
  for (const s of p.signatures) add('signature', s.id);
  // A correction names the document it corrects: that must be this device's too.
  if (p.corrects) add('document', p.corrects.documentId);
  return [...out.values()];
}

export class Ingest {
  private readonly db: HqDb;
  private readonly now: () => Date;
  private readonly identity: HqIdentity;
  private readonly devices: DeviceRegistry;
  /** A test hook: runs inside the commit transaction, after every row is written (crash tests). */
  beforeCommit: (() => void | Promise<void>) | null = null;
  private readonly log: Log;
  constructor(db: HqDb, now: () => Date, identity: HqIdentity, devices: DeviceRegistry, log: Log = silentLog) {
    this.db = db;
    this.now = now;
    this.identity = identity;
    this.devices = devices;
    this.log = log;
  }

  async heldBlob(sha256: string): Promise<HeldBlob | null> {
    return (
      (await this.db
        .selectFrom('blobs')
        .select(['sha256', 'sm3', 'size'])
        .where('sha256', '=', sha256)
        .executeTakeFirst()) ?? null
    );
  }

  async recordBlob(b: HeldBlob): Promise<void> {
    await this.db
      .insertInto('blobs')
      .values({ sha256: b.sha256, sm3: b.sm3, size: b.size, stored_at: this.now().toISOString() })
      .onConflict((oc) => oc.column('sha256').doNothing())
      .execute();
  }

  private async existing(db: Tx, deviceId: string, seq: number): Promise<SealRowHq | undefined> {
    return db
      .selectFrom('seals')
      .select(['seq', 'hash_sha256', 'prev_hash', 'receipt', 'receipt_ed25519', 'receipt_sm2'])
      .where('device_id', '=', deviceId)
      .where('seq', '=', seq)
      .executeTakeFirst();
  }

  private signed(r: SealRowHq): SignedReceipt {
    return { receipt: JSON.parse(r.receipt) as Receipt, ed25519: r.receipt_ed25519, sm2: r.receipt_sm2 };
  }

  async receiptsFor(deviceId: string): Promise<SignedReceipt[]> {
    const rows = await this.db
      .selectFrom('seals')
      .select(['seq', 'hash_sha256', 'prev_hash', 'receipt', 'receipt_ed25519', 'receipt_sm2'])
      .where('device_id', '=', deviceId)
      .orderBy('seq')
      .execute();
    return rows.map((r) => this.signed(r));
  }

  /** Commits one seal; HQ's log gets the outcome (device id, sequence numbers, the refusal's kind — no content). */
  async commit(device: DeviceRow, pkg: SealPackage, via: 'network' | 'bundle'): Promise<SignedReceipt> {
    try {
      const r = await this.commitChecked(device, pkg, via);
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

  private async commitChecked(device: DeviceRow, pkg: SealPackage, via: 'network' | 'bundle'): Promise<SignedReceipt> {
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
    const check = await verifyPackage(pkg, this.devices.registered(device), (sha) => this.heldBlob(sha));
    const seq = pkg.seal.seq;
    const deviceId = device.device_id;
    // A resend is answered without waiting for the commit lock (a received seal never changes).
    const resent = await this.existing(this.db, deviceId, seq);
    if (resent?.hash_sha256 === check.hash.sha256) return this.signed(resent);
    if (!resent && check.problems.length) {
      if (check.payload)
        await this.flag(this.db, deviceId, seq, 'verification', `封存${seq}核验未通过：${check.problems.join('；')}`);
      throw fail(422, 'verification', `封存${seq}核验未通过：${check.problems.join('；')}`, {
        problems: check.problems,
      });
    }
    // Not a fault of the seal, so not flagged: the device uploads the evidence and commits again.
    if (!resent && check.missing.length)
      throw fail(
        422,
        'verification',
        `封存${seq}所依据的电子数据尚未全部上传：${check.missing.join('；')}。请重新同步。`,
        {
          problems: check.missing,
        },
      );

    // From here on, one commit at a time; a refusal that is flagged commits its flag and nothing else.
    const outcome = await this.db.transaction().execute(async (trx): Promise<SignedReceipt | HqFailure> => {
      await trx
        .updateTable('hq_counters')
        .set((eb) => ({ value: eb.ref('value') }))
        .where('name', '=', 'hq_seq')
        .execute();
      const prior = await this.existing(trx, deviceId, seq);
      if (prior) {
        if (prior.hash_sha256 === check.hash.sha256) return this.signed(prior); // a resend: the same receipt
        await this.flag(
          trx,
          deviceId,
          seq,
          'conflict',
          `收到与已接收封存${seq}不同的封存（已有 ${prior.hash_sha256.slice(0, 16)}…，新收到 ${check.hash.sha256.slice(0, 16)}…）：可能被篡改，请核查该设备`,
        );
        return fail(
          409,
          'conflict',
          `总部已有该设备序号为${seq}的另一封存，此封存被拒收并已报告总部核查（可能被篡改）。`,
        );
      }
      if (check.problems.length || check.missing.length)
        return fail(422, 'verification', `封存${seq}核验未通过：${[...check.problems, ...check.missing].join('；')}`);
      const p = check.payload as SealPayload;
      if (seq === 1 && p.device.prev !== SEAL_GENESIS)
        return fail(422, 'verification', '第一个封存的前一封存校验值不是全零。', { problems: ['链首不对'] });
      const before = await this.existing(trx, deviceId, seq - 1);
      const after = await this.existing(trx, deviceId, seq + 1);
      if (before && p.device.prev !== before.hash_sha256) {
        await this.flag(trx, deviceId, seq, 'chain', `封存${seq}与已接收的封存${seq - 1}不衔接`);
        return fail(409, 'conflict', `封存${seq}与总部已有的封存${seq - 1}不衔接，被拒收并已报告总部核查。`);
      }
      if (after && after.prev_hash !== check.hash.sha256) {
        await this.flag(trx, deviceId, seq, 'chain', `封存${seq}与已接收的封存${seq + 1}不衔接`);
        return fail(409, 'conflict', `封存${seq}与总部已有的封存${seq + 1}不衔接，被拒收并已报告总部核查。`);
      }
      const refused = await this.claimIds(trx, deviceId, seq, p);
      if (refused) return refused;
      return this.store(trx, device, pkg, via, p, check.hash);
    });
    if (outcome instanceof HqFailure) throw outcome;
    return outcome;
  }

  /**
   * Records this device as the owner of the seal's ids it uses for the first time; refuses (and
   * flags 归属冲突) when another device owns one of them.
   */
  private async claimIds(trx: Tx, deviceId: string, seq: number, p: SealPayload): Promise<HqFailure | null> {
    const ids = ownedIds(p);
    const owners = await trx
      .selectFrom('record_owners')
      .select(['kind', 'id', 'device_id'])
      .where((eb) => eb.or(ids.map((i) => eb.and([eb('kind', '=', i.kind), eb('id', '=', i.id)]))))
      .execute();
    const foreign = owners.filter((o) => o.device_id !== deviceId);
    // A document id already used by this device for another seal is a conflict of its own chain.
    const sameDoc = await trx
      .selectFrom('documents')
      .select(['device_id', 'seq'])
      .where('id', '=', p.document.id)
      .executeTakeFirst();
    if (foreign.length) {
      const what = foreign.map((o) => `${OWNED_LABEL[o.kind]} ${o.id}（属于设备 ${o.device_id}）`).join('；');
      await this.flag(
        trx,
        deviceId,
        seq,
        'ownership',
        `封存${seq}使用了其他设备的记录编号：${what}。已拒收，请核查该设备`,
      );
      return fail(
        409,
        'conflict',
        `封存${seq}使用的${[...new Set(foreign.map((o) => OWNED_LABEL[o.kind]))].join('、')}编号已属于另一台设备（归属冲突），此封存被拒收并已报告总部核查。`,
      );
    }
    if (sameDoc) {
      await this.flag(trx, deviceId, seq, 'conflict', `封存${seq}的文书编号已由本设备的封存${sameDoc.seq}使用`);
      return fail(
        409,
        'conflict',
        `总部已有该设备另一封存（${sameDoc.seq}）下的同一文书，此封存被拒收并已报告总部核查。`,
      );
    }
    const known = new Set(owners.map((o) => `${o.kind}\u0000${o.id}`));
    const fresh = ids.filter((i) => !known.has(`${i.kind}\u0000${i.id}`));
    if (fresh.length)
      await trx
        .insertInto('record_owners')
        .values(fresh.map((i) => ({ ...i, device_id: deviceId, first_seq: seq, created_at: this.now().toISOString() })))
        .execute();
    return null;
  }

  private async store(
    trx: Tx,
    device: DeviceRow,
    pkg: SealPackage,
    via: 'network' | 'bundle',
    p: SealPayload,
    hash: { sha256: string; sm3: string },
  ): Promise<SignedReceipt> {
    const deviceId = device.device_id;
    const seq = pkg.seal.seq;
    const now = this.now().toISOString();
    const { value: hqSeq } = await trx
      .updateTable('hq_counters')
      .set((eb) => ({ value: eb('value', '+', 1) }))
      .where('name', '=', 'hq_seq')
      .returning('value')
      .executeTakeFirstOrThrow();
    const earlier = await trx
      .selectFrom('seals')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('device_id', '=', deviceId)
      .where('seq', '<', seq)
      .executeTakeFirstOrThrow();
    const missingBefore = seq > 1 && Number(earlier.n) < seq - 1;
    const receipt: Receipt = {
      format: 'wangxin-hq-receipt/1',
      hqId: this.identity.keys().hqId,
      deviceId,
      seq,
      documentId: p.document.id,
      docNo: p.document.docNo,
      sealSha256: hash.sha256,
      sealSm3: hash.sm3,
      hqSeq: Number(hqSeq),
      hqTime: now,
      chainComplete: !missingBefore,
    };
    const sig = this.identity.signJson(receipt);
    await trx
      .insertInto('seals')
      .values({
        device_id: deviceId,
        seq,
        hq_seq: Number(hqSeq),
        document_id: p.document.id,
        payload: pkg.seal.payload,
        hash_sha256: hash.sha256,
        hash_sm3: hash.sm3,
        prev_hash: p.device.prev,
        sm2_signature: pkg.seal.sm2Signature,
        ed25519_signature: pkg.seal.ed25519Signature,
        received_at: now,
        via,
        receipt: canonicalJson(receipt),
        receipt_ed25519: sig.ed25519,
        receipt_sm2: sig.sm2,
        print_input: pkg.print ? JSON.stringify(pkg.print) : null,
      })
      .execute();
    const sealed = new Set(p.signatures.map((s) => s.id));
    const signatures = pkg.signatures
      .filter((s) => sealed.has(s.id))
      .map((s) => ({
        device_id: deviceId,
        seq,
        signature_id: s.id,
        record: s.record,
        image_png: s.imagePngBase64 === null ? null : Buffer.from(s.imagePngBase64, 'base64'),
        strokes: s.strokes,
      }));
    if (signatures.length) await trx.insertInto('seal_signatures').values(signatures).execute();
    if (p.evidence.length)
      await trx
        .insertInto('seal_evidence')
        .values(
          p.evidence.map((e) => ({
            device_id: deviceId,
            seq,
            evidence_id: e.id,
            sha256: e.sha256,
            file_name: e.fileName,
            category: e.category,
            size: e.sizeBytes,
          })),
        )
        .execute();
    // Who the seal names as its officers: what the staff search's 执法人员 filter reads.
    const officers = sealOfficerRows(deviceId, seq, p);
    if (officers.length) await trx.insertInto('seal_officers').values(officers).execute();
    await trx
      .insertInto('documents')
      .values({
        id: p.document.id,
        device_id: deviceId,
        seq,
        case_id: p.document.caseId,
        type: p.document.type,
        doc_no: p.document.docNo,
        sealed_at: p.time.sealedAt,
      })
      .execute();
    const c = pkg.case;
    const summary = {
      party_name: String(c.partyName ?? ''),
      matter_name: String(c.matterName ?? ''),
      status: String(c.status ?? ''),
      updated_at: now,
    };
    // The case is this device's (claimIds): its summary is the latest this device sent.
    await trx
      .insertInto('cases')
      .values({ id: p.document.caseId, case_no: p.document.caseNo, device_id: deviceId, ...summary })
      .onConflict((oc) => oc.column('id').doUpdateSet(summary).where('cases.device_id', '=', deviceId))
      .execute();
    if (missingBefore) await this.flag(trx, deviceId, seq, 'gap', `封存${seq}之前有尚未收到的封存（序号缺口），待补齐`);
    // A seal that fills a gap resolves the gap flags it closes.
    await this.resolveGaps(trx, deviceId, now);
    await trx.updateTable('devices').set({ last_sync_at: now }).where('device_id', '=', deviceId).execute();
    await this.beforeCommit?.();
    return { receipt, ...sig };
  }

  private async resolveGaps(trx: Tx, deviceId: string, now: string): Promise<void> {
    const open = await trx
      .selectFrom('flags')
      .select(['id', 'seq'])
      .where('device_id', '=', deviceId)
      .where('kind', '=', 'gap')
      .where('resolved_at', 'is', null)
      .execute();
    for (const f of open) {
      const r = await trx
        .selectFrom('seals')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('device_id', '=', deviceId)
        .where('seq', '<', f.seq!)
        .executeTakeFirstOrThrow();
      if (Number(r.n) === f.seq! - 1)
        await trx.updateTable('flags').set({ resolved_at: now }).where('id', '=', f.id).execute();
    }
  }

  private async flag(db: Tx, deviceId: string, seq: number | null, kind: FlagKind, detail: string): Promise<void> {
    const dup = await db
      .selectFrom('flags')
      .select('id')
      .where('device_id', '=', deviceId)
      .where('seq', seq === null ? 'is' : '=', seq)
      .where('kind', '=', kind)
      .where('detail', '=', detail)
      .where('resolved_at', 'is', null)
      .executeTakeFirst();
    if (!dup)
      await db
        .insertInto('flags')
        .values({ device_id: deviceId, seq, kind, detail, created_at: this.now().toISOString() })
        .execute();
  }
}
