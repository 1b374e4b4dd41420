// The rows of a received seal at HQ, written inside the caller's commit transaction (ingest.ts):
// the seal with HQ's signed receipt, its signature records, evidence references, document, case
// summary, the owners of the ids it uses, and the flags HQ's staff see. Decisions about whether a
// seal may be stored are ingest.ts's; this module only reads and writes the rows.
import { sql, type Kysely } from 'kysely';
import { canonicalJson } from '../../shared/crypto/canonical-json.ts';
import type { SealPayload } from '../../protocol/seal/seal-payload.ts';
import type { Receipt, SealPackage, SignedReceipt } from '../../protocol/sync/protocol.ts';
import { sealOfficerRows } from '../db/migrations.ts';
import type { FlagKind, HqTables, OwnedKind } from '../db/schema.ts';
import type { HqIdentity } from '../hq-identity.ts';

export type Tx = Kysely<HqTables>;

export interface SealRowHq {
  seq: number;
  hash_sha256: string;
  prev_hash: string;
  receipt: string;
  receipt_ed25519: string;
  receipt_sm2: string;
}

/** A flag to record for HQ's staff (conflict, chain, ownership …). */
export interface Flag {
  seq: number | null;
  kind: FlagKind;
  detail: string;
}

export const OWNED_LABEL: Record<OwnedKind, string> = {
  document: '文书',
  case: '案件',
  evidence: '电子数据',
  officer: '执法人员',
  signature: '签名',
};

/** Every id in a seal that a device chooses, by kind. */
export function ownedIds(p: SealPayload): { kind: OwnedKind; id: string }[] {
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

const SEAL_COLUMNS = ['seq', 'hash_sha256', 'prev_hash', 'receipt', 'receipt_ed25519', 'receipt_sm2'] as const;

export const signedReceiptOf = (r: SealRowHq): SignedReceipt => ({
  receipt: JSON.parse(r.receipt) as Receipt,
  ed25519: r.receipt_ed25519,
  sm2: r.receipt_sm2,
});

export class SealRows {
  private readonly now: () => Date;
  private readonly identity: HqIdentity;
  constructor(now: () => Date, identity: HqIdentity) {
    this.now = now;
    this.identity = identity;
  }

  existing(db: Tx, deviceId: string, seq: number): Promise<SealRowHq | undefined> {
    return db
      .selectFrom('seals')
      .select(SEAL_COLUMNS)
      .where('device_id', '=', deviceId)
      .where('seq', '=', seq)
      .executeTakeFirst();
  }

  /** The seals HQ holds of this device under these numbers, by number (one query for a batch). */
  async existingMany(db: Tx, deviceId: string, seqs: number[]): Promise<Map<number, SealRowHq>> {
    const rows = seqs.length
      ? await db
          .selectFrom('seals')
          .select(SEAL_COLUMNS)
          .where('device_id', '=', deviceId)
          .where('seq', 'in', seqs)
          .execute()
      : [];
    return new Map(rows.map((r) => [Number(r.seq), r]));
  }

  all(db: Tx, deviceId: string): Promise<SealRowHq[]> {
    return db.selectFrom('seals').select(SEAL_COLUMNS).where('device_id', '=', deviceId).orderBy('seq').execute();
  }

  /** The owners of the seal's ids another device holds, and whether this device used its document id for another seal. */
  async foreignIds(
    trx: Tx,
    deviceId: string,
    p: SealPayload,
  ): Promise<{
    foreign: { kind: OwnedKind; id: string; device_id: string }[];
    sameDocSeq: number | null;
    fresh: { kind: OwnedKind; id: string }[];
  }> {
    const ids = ownedIds(p);
    const owners = await trx
      .selectFrom('record_owners')
      .select(['kind', 'id', 'device_id'])
      .where((eb) => eb.or(ids.map((i) => eb.and([eb('kind', '=', i.kind), eb('id', '=', i.id)]))))
      .execute();
    const sameDoc = await trx
      .selectFrom('documents')
      .select(['device_id', 'seq'])
      .where('id', '=', p.document.id)
      .executeTakeFirst();
    const known = new Set(owners.map((o) => `${o.kind}\u0000${o.id}`));
    return {
      foreign: owners.filter((o) => o.device_id !== deviceId),
      sameDocSeq: sameDoc ? Number(sameDoc.seq) : null,
      fresh: ids.filter((i) => !known.has(`${i.kind}\u0000${i.id}`)),
    };
  }

  async claim(trx: Tx, deviceId: string, seq: number, fresh: { kind: OwnedKind; id: string }[]): Promise<void> {
    if (fresh.length)
      await trx
        .insertInto('record_owners')
        .values(fresh.map((i) => ({ ...i, device_id: deviceId, first_seq: seq, created_at: this.now().toISOString() })))
        .execute();
  }

  /** Writes the seal and everything of it, with HQ's signed receipt (the next hq_seq). */
  async store(
    trx: Tx,
    deviceId: string,
    pkg: SealPackage,
    via: 'network' | 'bundle',
    p: SealPayload,
    hash: { sha256: string; sm3: string },
  ): Promise<SignedReceipt> {
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
    // The case is this device's (claimIds): its summary is the latest this device sent. Its
    // document count and first and last sealing times (what the staff list sorts and filters by,
    // '009_case_summary') take this document in. CASE, not LEAST/GREATEST: SQLite has neither.
    const sealedAt = p.time.sealedAt;
    await trx
      .insertInto('cases')
      .values({
        id: p.document.caseId,
        case_no: p.document.caseNo,
        device_id: deviceId,
        ...summary,
        document_count: 1,
        first_sealed_at: sealedAt,
        last_sealed_at: sealedAt,
      })
      .onConflict((oc) =>
        oc
          .column('id')
          .doUpdateSet({
            ...summary,
            document_count: sql<number>`cases.document_count + 1`,
            first_sealed_at: sql<string>`CASE WHEN cases.first_sealed_at IS NULL OR cases.first_sealed_at > ${sealedAt} THEN ${sealedAt} ELSE cases.first_sealed_at END`,
            last_sealed_at: sql<string>`CASE WHEN cases.last_sealed_at IS NULL OR cases.last_sealed_at < ${sealedAt} THEN ${sealedAt} ELSE cases.last_sealed_at END`,
          })
          .where('cases.device_id', '=', deviceId),
      )
      .execute();
    if (missingBefore)
      await this.flag(trx, deviceId, {
        seq,
        kind: 'gap',
        detail: `封存${seq}之前有尚未收到的封存（序号缺口），待补齐`,
      });
    // A seal that fills a gap resolves the gap flags it closes.
    await this.resolveGaps(trx, deviceId, now);
    return { receipt, ...sig };
  }

  async noteSync(trx: Tx, deviceId: string): Promise<void> {
    await trx
      .updateTable('devices')
      .set({ last_sync_at: this.now().toISOString() })
      .where('device_id', '=', deviceId)
      .execute();
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

  /** Records a flag unless the same one is open. */
  async flag(db: Tx, deviceId: string, f: Flag): Promise<void> {
    const dup = await db
      .selectFrom('flags')
      .select('id')
      .where('device_id', '=', deviceId)
      .where('seq', f.seq === null ? 'is' : '=', f.seq)
      .where('kind', '=', f.kind)
      .where('detail', '=', f.detail)
      .where('resolved_at', 'is', null)
      .executeTakeFirst();
    if (!dup)
      await db
        .insertInto('flags')
        .values({
          device_id: deviceId,
          seq: f.seq,
          kind: f.kind,
          detail: f.detail,
          created_at: this.now().toISOString(),
        })
        .execute();
  }
}
