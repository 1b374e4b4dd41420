// HQ's read side below the staff's scoped reads: chains, documents with their seals, signatures and
// evidence (for re-verification and printing, after hq/cases/case-reader.ts has found the document
// in the viewer's offices), and — limited to the viewer's offices — flags, counts and events.
import type { SealPayload } from '../../protocol/seal/seal-payload.ts';
import type { Receipt } from '../../protocol/sync/protocol.ts';
import type { HqDb } from '../db/hq-database.ts';
import { devicesInScope, officesInScope, scopePrefixes, type Viewer } from '../db/scope.ts';

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

export interface ReceivedDocument {
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
}

export class Browse {
  private readonly db: HqDb;
  constructor(db: HqDb) {
    this.db = db;
  }

  async chain(deviceId: string): Promise<ChainStatus> {
    const seqs = (
      await this.db.selectFrom('seals').select('seq').where('device_id', '=', deviceId).orderBy('seq').execute()
    ).map((r) => r.seq);
    const have = new Set(seqs);
    const maxSeq = seqs.at(-1) ?? 0;
    const missing: number[] = [];
    for (let i = 1; i <= maxSeq && missing.length < 50; i++) if (!have.has(i)) missing.push(i);
    return { count: seqs.length, maxSeq, missing };
  }

  sealsOf(deviceId: string) {
    return this.db
      .selectFrom('seals as s')
      .innerJoin('documents as d', (j) => j.onRef('d.device_id', '=', 's.device_id').onRef('d.seq', '=', 's.seq'))
      .select([
        's.seq',
        's.document_id',
        'd.doc_no',
        'd.sealed_at',
        's.hq_seq',
        's.received_at',
        's.via',
        's.hash_sha256',
      ])
      .where('s.device_id', '=', deviceId)
      .orderBy('s.seq')
      .execute();
  }

  documentsOf(caseId: string) {
    return this.db
      .selectFrom('documents as d')
      .innerJoin('seals as s', (j) => j.onRef('s.device_id', '=', 'd.device_id').onRef('s.seq', '=', 'd.seq'))
      .select([
        'd.id',
        'd.type',
        'd.doc_no',
        'd.sealed_at',
        'd.device_id',
        'd.seq',
        's.hq_seq',
        's.received_at',
        's.via',
      ])
      .where('d.case_id', '=', caseId)
      .orderBy('d.sealed_at')
      .execute();
  }

  async document(id: string): Promise<ReceivedDocument | null> {
    const r = await this.db
      .selectFrom('documents as d')
      .innerJoin('seals as s', (j) => j.onRef('s.device_id', '=', 'd.device_id').onRef('s.seq', '=', 'd.seq'))
      .selectAll('s')
      .where('d.id', '=', id)
      .executeTakeFirst();
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
  sealSignatures(deviceId: string, seq: number) {
    return this.db
      .selectFrom('seal_signatures')
      .select(['signature_id', 'record', 'image_png', 'strokes'])
      .where('device_id', '=', deviceId)
      .where('seq', '=', seq)
      .execute();
  }

  /** The SHA-256 HQ recorded for a device's seal, or null when HQ does not hold it. */
  async sealHash(deviceId: string, seq: number): Promise<string | null> {
    const r = await this.db
      .selectFrom('seals')
      .select('hash_sha256')
      .where('device_id', '=', deviceId)
      .where('seq', '=', seq)
      .executeTakeFirst();
    return r?.hash_sha256 ?? null;
  }

  /** Evidence HQ holds for a case: the blob may be downloaded only through a document that names it. */
  async evidenceIn(documentId: string, sha256: string): Promise<{ file_name: string; size: number } | null> {
    return (
      (await this.db
        .selectFrom('seal_evidence as e')
        .innerJoin('documents as d', (j) => j.onRef('d.device_id', '=', 'e.device_id').onRef('d.seq', '=', 'e.seq'))
        .select(['e.file_name', 'e.size'])
        .where('d.id', '=', documentId)
        .where('e.sha256', '=', sha256)
        .executeTakeFirst()) ?? null
    );
  }

  async flags(open = true): Promise<FlagRow[]> {
    let q = this.db.selectFrom('flags').selectAll();
    if (open) q = q.where('resolved_at', 'is', null);
    return q.orderBy('id', 'desc').limit(200).execute();
  }

  events(limit = 100) {
    return this.db
      .selectFrom('events')
      .select(['at', 'actor', 'action', 'detail'])
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
  }

  /** The open flags on devices of the viewer's offices. */
  flagsFor(v: Viewer): Promise<FlagRow[]> {
    return this.db
      .selectFrom('flags')
      .selectAll()
      .where('resolved_at', 'is', null)
      .where('device_id', 'in', devicesInScope(this.db, v))
      .orderBy('id', 'desc')
      .limit(200)
      .execute();
  }

  /**
   * HQ's event log for an administrator: events of the offices they administer, and HQ-wide ones
   * (no office) for the root office's administrators.
   */
  eventsFor(v: Viewer, limit = 300) {
    const root = scopePrefixes(v, 'admin').some((p) => p.split('/').length === 2);
    return this.db
      .selectFrom('events as e')
      .leftJoin('offices as o', 'o.id', 'e.office_id')
      .select(['e.id', 'e.at', 'e.actor', 'e.action', 'e.detail', 'o.name as office_name'])
      .where((eb) =>
        eb.or([
          eb('e.office_id', 'in', officesInScope(this.db, v, 'admin')),
          ...(root ? [eb('e.office_id', 'is', null)] : []),
        ]),
      )
      .orderBy('e.id', 'desc')
      .limit(limit)
      .execute();
  }

  /** Counts over the viewer's offices. */
  async countsFor(v: Viewer): Promise<{ devices: number; seals: number; cases: number; openFlags: number }> {
    const inScope = devicesInScope(this.db, v);
    const n = async (table: 'devices' | 'seals' | 'cases') =>
      Number(
        (
          await this.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('device_id', 'in', inScope)
            .executeTakeFirstOrThrow()
        ).n,
      );
    const flags = await this.db
      .selectFrom('flags')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('resolved_at', 'is', null)
      .where('device_id', 'in', inScope)
      .executeTakeFirstOrThrow();
    return {
      devices: await n('devices'),
      seals: await n('seals'),
      cases: await n('cases'),
      openFlags: Number(flags.n),
    };
  }

  async counts(): Promise<{
    devices: number;
    seals: number;
    cases: number;
    blobs: number;
    blobBytes: number;
    openFlags: number;
  }> {
    const n = async (table: 'devices' | 'seals' | 'cases' | 'blobs') =>
      Number(
        (
          await this.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const bytes = await this.db
      .selectFrom('blobs')
      .select((eb) => eb.fn.sum<number | null>('size').as('n'))
      .executeTakeFirstOrThrow();
    const flags = await this.db
      .selectFrom('flags')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('resolved_at', 'is', null)
      .executeTakeFirstOrThrow();
    return {
      devices: await n('devices'),
      seals: await n('seals'),
      cases: await n('cases'),
      blobs: await n('blobs'),
      blobBytes: Number(bytes.n ?? 0),
      openFlags: Number(flags.n),
    };
  }
}
