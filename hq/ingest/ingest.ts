// Committing seals at HQ, one or a batch (docs/SYNC.md "Batches"): checked (verify-batch.ts), then
// stored with their documents, signatures, evidence references and HQ's signed receipts
// (seal-rows.ts) in ONE transaction — after a crash HQ holds the whole batch or nothing of it. A
// batch is all or nothing: the first seal refused refuses the batch (its position and number in
// the answer), nothing of it is stored, and only that seal's flag is recorded — so a batch never
// leaves HQ's chain in a state that sending its seals one by one, in order, could not have left. Idempotent: the same seal again returns the same receipt. A
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
// transaction (for a batch, seal by seal in chain order, each seeing the ones before it); so commits run one at a time from there on, hq_seq is allocated without gaps, and
// two devices racing for one id cannot both win. The checks that cost (signatures, digests) run
// before, in parallel. On SQLite the same UPDATE takes the database's write lock.
import { SEAL_GENESIS, type SealPayload } from '../../protocol/seal/seal-payload.ts';
import type { SealPackage, SignedReceipt } from '../../protocol/sync/protocol.ts';
import { errorFields, silentLog, type Log } from '../../protocol/runtime/log.ts';
import type { HqDb } from '../db/hq-database.ts';
import type { DeviceRegistry, DeviceRow } from '../devices/device-registry.ts';
import { fail, HqFailure } from '../hq-failure.ts';
import type { HqIdentity } from '../hq-identity.ts';
import { OWNED_LABEL, SealRows, signedReceiptOf, type Flag, type Tx } from './seal-rows.ts';
import { verifySealBatch } from './verify-batch.ts';
import type { HeldBlob, PackageCheck } from './verify-package.ts';

/** A seal refused: what the device is told, and the flag HQ's staff see (if any). */
interface Refusal {
  failure: HqFailure;
  flag: Flag | null;
}

/** Thrown inside the commit transaction to roll the whole batch back. */
class BatchRefused extends Error {
  readonly index: number;
  readonly refusal: Refusal;
  constructor(index: number, refusal: Refusal) {
    super(refusal.failure.message);
    this.index = index;
    this.refusal = refusal;
  }
}

const refused = (failure: HqFailure, flag: Flag | null = null): Refusal => ({ failure, flag });

export class Ingest {
  private readonly db: HqDb;
  private readonly devices: DeviceRegistry;
  private readonly rows: SealRows;
  /** A test hook: runs inside each commit transaction, after every row of the seal or batch is written (crash tests). */
  beforeCommit: (() => void | Promise<void>) | null = null;
  private readonly log: Log;
  private readonly now: () => Date;
  constructor(db: HqDb, now: () => Date, identity: HqIdentity, devices: DeviceRegistry, log: Log = silentLog) {
    this.db = db;
    this.now = now;
    this.devices = devices;
    this.rows = new SealRows(now, identity);
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

  async receiptsFor(deviceId: string): Promise<SignedReceipt[]> {
    return (await this.rows.all(this.db, deviceId)).map(signedReceiptOf);
  }

  /** Commits one seal (POST /seals, the offline bundle): a batch of one, refused with exactly its own reason. */
  async commit(device: DeviceRow, pkg: SealPackage, via: 'network' | 'bundle'): Promise<SignedReceipt> {
    return (await this.commitBatch(device, [pkg], via))[0]!;
  }

  /**
   * Commits seals in chain order in one transaction and answers a receipt per seal, in their
   * order; all or none. HQ's log gets the outcome (device id, sequence numbers, the refusal's kind — no content).
   */
  async commitBatch(device: DeviceRow, pkgs: SealPackage[], via: 'network' | 'bundle'): Promise<SignedReceipt[]> {
    const seqs = { count: pkgs.length, first: pkgs[0]?.seal?.seq, last: pkgs.at(-1)?.seal?.seq };
    try {
      const r = await this.commitChecked(device, pkgs, via);
      for (const x of r)
        this.log.info('seal received', { device: device.device_id, seq: x.receipt.seq, hqSeq: x.receipt.hqSeq, via });
      return r;
    } catch (e) {
      this.log.error(
        'seal refused',
        e instanceof HqFailure
          ? { device: device.device_id, via, ...seqs, status: e.status, kind: e.body.error, index: e.body.index }
          : { device: device.device_id, via, ...seqs, ...errorFields(e) },
      );
      throw e;
    }
  }

  private async commitChecked(
    device: DeviceRow,
    pkgs: SealPackage[],
    via: 'network' | 'bundle',
  ): Promise<SignedReceipt[]> {
    const deviceId = device.device_id;
    /** The batch's answer for the package at `i`: a batch of one is answered as a single seal always was. */
    const refuse = (i: number, r: Refusal): HqFailure => {
      if (pkgs.length === 1) return r.failure;
      const seq = pkgs[i]?.seal?.seq;
      return new HqFailure(r.failure.status, {
        ...r.failure.body,
        message: `本批${pkgs.length}份封存均未接收（第${i + 1}份${Number.isInteger(seq) ? `、封存${seq}` : ''}被拒收）：${r.failure.body.message}`,
        index: i,
        ...(Number.isInteger(seq) ? { seq } : {}),
      });
    };
    for (const [i, pkg] of pkgs.entries()) {
      if (
        !pkg ||
        pkg.format !== 'wangxin-sync-package/1' ||
        !pkg.seal ||
        typeof pkg.seal.payload !== 'string' ||
        !Number.isInteger(pkg.seal.seq) ||
        !Array.isArray(pkg.signatures) ||
        !pkg.case
      )
        throw refuse(i, refused(fail(400, 'bad_request', '封存数据包格式不对。')));
      if (i > 0 && pkg.seal.seq <= pkgs[i - 1]!.seal.seq)
        throw refuse(i, refused(fail(400, 'bad_request', '一批中的封存须按序号从小到大排列，且不重复。')));
    }
    const checks = await verifySealBatch(pkgs, this.devices.registered(device), (sha) => this.heldBlob(sha));
    // A resend is answered without waiting for the commit lock (a received seal never changes).
    const held = await this.rows.existingMany(
      this.db,
      deviceId,
      pkgs.map((p) => p.seal.seq),
    );
    const out: (SignedReceipt | null)[] = pkgs.map((p, i) => {
      const h = held.get(p.seal.seq);
      return h?.hash_sha256 === checks[i]!.hash.sha256 ? signedReceiptOf(h) : null;
    });
    for (const [i, check] of checks.entries()) {
      if (out[i] || held.has(pkgs[i]!.seal.seq)) continue;
      const seq = pkgs[i]!.seal.seq;
      if (check.problems.length) {
        const detail = `封存${seq}核验未通过：${check.problems.join('；')}`;
        if (check.payload) await this.rows.flag(this.db, deviceId, { seq, kind: 'verification', detail });
        throw refuse(i, refused(fail(422, 'verification', detail, { problems: check.problems })));
      }
      // Not a fault of the seal, so not flagged: the device uploads the evidence and commits again.
      if (check.missing.length)
        throw refuse(
          i,
          refused(
            fail(
              422,
              'verification',
              `封存${seq}所依据的电子数据尚未全部上传：${check.missing.join('；')}。请重新同步。`,
              {
                problems: check.missing,
              },
            ),
          ),
        );
    }
    if (out.every((r) => r !== null)) return out as SignedReceipt[];

    // From here on, one commit at a time. A refusal rolls the whole batch back; its flag is then recorded on its own.
    try {
      await this.db.transaction().execute(async (trx) => {
        await trx
          .updateTable('hq_counters')
          .set((eb) => ({ value: eb.ref('value') }))
          .where('name', '=', 'hq_seq')
          .execute();
        for (const [i, pkg] of pkgs.entries()) {
          if (out[i]) continue;
          const r = await this.commitOne(trx, deviceId, pkg, checks[i]!, via);
          if ('failure' in r) throw new BatchRefused(i, r);
          out[i] = r;
        }
        await this.rows.noteSync(trx, deviceId);
        await this.beforeCommit?.();
      });
    } catch (e) {
      if (!(e instanceof BatchRefused)) throw e;
      if (e.refusal.flag) await this.rows.flag(this.db, deviceId, e.refusal.flag);
      throw refuse(e.index, e.refusal);
    }
    return out as SignedReceipt[];
  }

  /** One seal inside the batch's transaction: every decision that depends on what HQ holds, then its rows. */
  private async commitOne(
    trx: Tx,
    deviceId: string,
    pkg: SealPackage,
    check: PackageCheck,
    via: 'network' | 'bundle',
  ): Promise<SignedReceipt | Refusal> {
    const seq = pkg.seal.seq;
    const prior = await this.rows.existing(trx, deviceId, seq);
    if (prior) {
      // Held already (a commit that raced this one): the same seal is answered with its receipt.
      if (prior.hash_sha256 === check.hash.sha256) return signedReceiptOf(prior);
      return refused(
        fail(409, 'conflict', `总部已有该设备序号为${seq}的另一封存，此封存被拒收并已报告总部核查（可能被篡改）。`),
        {
          seq,
          kind: 'conflict',
          detail: `收到与已接收封存${seq}不同的封存（已有 ${prior.hash_sha256.slice(0, 16)}…，新收到 ${check.hash.sha256.slice(0, 16)}…）：可能被篡改，请核查该设备`,
        },
      );
    }
    if (check.problems.length || check.missing.length)
      return refused(
        fail(422, 'verification', `封存${seq}核验未通过：${[...check.problems, ...check.missing].join('；')}`),
      );
    const p = check.payload as SealPayload;
    if (seq === 1 && p.device.prev !== SEAL_GENESIS)
      return refused(fail(422, 'verification', '第一个封存的前一封存校验值不是全零。', { problems: ['链首不对'] }));
    const before = await this.rows.existing(trx, deviceId, seq - 1);
    const after = await this.rows.existing(trx, deviceId, seq + 1);
    if (before && p.device.prev !== before.hash_sha256)
      return refused(fail(409, 'conflict', `封存${seq}与总部已有的封存${seq - 1}不衔接，被拒收并已报告总部核查。`), {
        seq,
        kind: 'chain',
        detail: `封存${seq}与已接收的封存${seq - 1}不衔接`,
      });
    if (after && after.prev_hash !== check.hash.sha256)
      return refused(fail(409, 'conflict', `封存${seq}与总部已有的封存${seq + 1}不衔接，被拒收并已报告总部核查。`), {
        seq,
        kind: 'chain',
        detail: `封存${seq}与已接收的封存${seq + 1}不衔接`,
      });
    // Records belong to the device that sealed them: an id another device owns refuses the seal.
    const ids = await this.rows.foreignIds(trx, deviceId, p);
    if (ids.foreign.length) {
      const what = ids.foreign.map((o) => `${OWNED_LABEL[o.kind]} ${o.id}（属于设备 ${o.device_id}）`).join('；');
      return refused(
        fail(
          409,
          'conflict',
          `封存${seq}使用的${[...new Set(ids.foreign.map((o) => OWNED_LABEL[o.kind]))].join('、')}编号已属于另一台设备（归属冲突），此封存被拒收并已报告总部核查。`,
        ),
        { seq, kind: 'ownership', detail: `封存${seq}使用了其他设备的记录编号：${what}。已拒收，请核查该设备` },
      );
    }
    // A document id already used by this device for another seal is a conflict of its own chain.
    if (ids.sameDocSeq !== null)
      return refused(
        fail(
          409,
          'conflict',
          `总部已有该设备另一封存（${ids.sameDocSeq}）下的同一文书，此封存被拒收并已报告总部核查。`,
        ),
        { seq, kind: 'conflict', detail: `封存${seq}的文书编号已由本设备的封存${ids.sameDocSeq}使用` },
      );
    await this.rows.claim(trx, deviceId, seq, ids.fresh);
    return this.rows.store(trx, deviceId, pkg, via, p, check.hash);
  }
}
