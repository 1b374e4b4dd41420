// Sync at the office (docs/SYNC.md). Enrollment with a one-time code; then, per run: HQ's signed
// time (kept as the earliest bound for what is sealed next), HQ's signed reference data, and the
// outbox — every seal without a receipt, in chain order. For each seal, its evidence is uploaded
// by SHA-256 in chunks, resuming from the offset HQ reports (HQ re-hashes before it
// accepts; a blob HQ holds is skipped), then the seal package is committed and HQ's receipt is
// checked against HQ's pinned keys and stored. Nothing on the laptop is deleted by sync. The
// offline path writes the outbox as a bundle file and reads HQ's receipts file back.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { canonicalJson } from '../../shared/crypto/canonical-json.ts';
import { CASE_STATUS_LABELS } from '../../shared/domain/case.ts';
import type { SyncStatus } from '../../shared/sync/sync-api.ts';
import type { AppCore } from '../app-core.ts';
import { exportBundle } from '../bundle/export-bundle.ts';
import { BlobIntegrityError } from '../../protocol/storage/blob-cipher.ts';
import { describeBlobFailure } from '../evidence/evidence-store.ts';
import { isoNow } from '../clock.ts';
import { CoreError } from '../../protocol/runtime/core-error.ts';
import { errorFields } from '../../protocol/runtime/log.ts';
import { ed25519Verify } from '../../protocol/crypto/ed25519.ts';
import { packageSignatures } from '../seals/seal-material.ts';
import type { SealPayload } from '../../protocol/seal/seal-payload.ts';
import type { SealRow } from '../seals/seal-store.ts';
import { releasable } from './free-space.ts';
import { HqClient, SyncFailure } from './hq-client.ts';
import { HQ_ROUTES } from '../../protocol/sync/hq-api.ts';
import {
  API,
  CHUNK_BYTES,
  enrollmentProof,
  proofMatches,
  timeSigningText,
  verifyReceipt,
  verifyReference,
  type CaseSummary,
  type EnrollRequestBody,
  type EnrollResponseBody,
  type HqKeys,
  type SealPackage,
  type SignedReceipt,
  type SignedReference,
  type SignedTime,
} from '../../protocol/sync/protocol.ts';

interface LinkRow {
  url: string;
  hq_id: string;
  hq_name: string;
  hq_ed25519_pem: string;
  hq_sm2_public: string;
  tls_fingerprint: string | null;
  case_prefix: string;
  enrolled_at: string;
}

type Progress = SyncStatus['progress'];

const REFERENCE_LABELS: Record<string, string> = {
  roster: '执法人员名册',
  holidays: '节假日表',
  catalog: '执法事项目录',
};

const IDLE: Progress = {
  phase: 'idle',
  docsDone: 0,
  docsTotal: 0,
  bytesDone: 0,
  bytesTotal: 0,
  bytesPerSecond: 0,
  current: null,
};

export class SyncService {
  private readonly core: AppCore;
  private progress: Progress = { ...IDLE };
  private running: Promise<SyncStatus['last']> | null = null;
  private last: SyncStatus['last'] = null;
  private clockOffsetMs = 0;
  private autoTimer: NodeJS.Timeout | null = null;
  constructor(core: AppCore) {
    this.core = core;
  }

  private link(): LinkRow | null {
    return (this.core.db.prepare(`SELECT * FROM hq_link`).get() as LinkRow | undefined) ?? null;
  }

  private keysOf(l: LinkRow): HqKeys {
    return { hqId: l.hq_id, name: l.hq_name, ed25519PublicKeyPem: l.hq_ed25519_pem, sm2PublicKey: l.hq_sm2_public };
  }

  private client(l: LinkRow): HqClient {
    const dev = this.core.device;
    return new HqClient({
      baseUrl: l.url,
      tlsFingerprint: l.tls_fingerprint,
      deviceId: dev.public().deviceId,
      sign: (text) => dev.signEd25519(new TextEncoder().encode(text)),
      clockOffsetMs: () => this.clockOffsetMs,
    });
  }

  /** Enrolls this device with HQ: the code is proved, never sent; HQ's keys and certificate are pinned from then on. */
  async enroll(urlText: string, code: string): Promise<SyncStatus> {
    if (this.link()) throw new CoreError('conflict', `本机已登记到总部「${this.link()!.hq_name}」，不能重复登记。`);
    let url: URL;
    try {
      url = new URL(urlText.trim());
      if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error();
    } catch {
      throw new CoreError('validation', '总部地址格式不对，应类似 https://hq.example.gov.cn:8443/ 。', {
        url: '总部地址格式不对，应以 https:// 或 http:// 开头。',
      });
    }
    const dev = this.core.device.public();
    const request: EnrollRequestBody = {
      deviceId: dev.deviceId,
      deviceName: hostname(),
      agencyName: this.core.office.agencyName() ?? '',
      sm2PublicKey: dev.sm2PublicKey,
      ed25519PublicKeyPem: dev.ed25519PublicKeyPem,
      nonce: randomBytes(16).toString('hex'),
    };
    const client = new HqClient({ baseUrl: url.href, tlsFingerprint: null });
    let res: Awaited<ReturnType<HqClient['call']>>;
    try {
      res = await client.call<EnrollResponseBody & { proof: string }>(
        'POST',
        `${API}/enroll`,
        { request, proof: enrollmentProof(code, request) },
        false,
        HQ_ROUTES.enroll.answer,
      );
    } catch (e) {
      throw asCoreError(e);
    }
    const { proof, ...body } = res.body as EnrollResponseBody & { proof: string };
    // HQ proves it knows the same code over its keys, its certificate and our nonce: a server that
    // does not know the code (an impostor, a proxy in the middle) cannot produce this.
    if (!proofMatches(code, body, proof) || body.deviceNonce !== request.nonce)
      throw new CoreError('integrity', '总部的登记答复无法用该登记码验证：对方可能不是总部，或连接被拦截。未登记。');
    if (body.tlsFingerprint !== res.peerFingerprint)
      throw new CoreError('integrity', '总部声明的证书与本次连接所见的证书不符：连接可能被拦截（中间人）。未登记。');
    if (!this.verifyTime(body.time, body.hq)) throw new CoreError('integrity', '总部时间的签名无效。未登记。');
    const now = isoNow(this.core.clock);
    this.core.db.transaction(() => {
      this.core.db
        .prepare(
          `INSERT INTO hq_link (singleton, url, hq_id, hq_name, hq_ed25519_pem, hq_sm2_public, tls_fingerprint, case_prefix, enrolled_at) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          url.href,
          body.hq.hqId,
          body.hq.name,
          body.hq.ed25519PublicKeyPem,
          body.hq.sm2PublicKey,
          body.tlsFingerprint,
          body.casePrefix,
          now,
        );
      this.core.db
        .prepare(
          `INSERT INTO settings (key, value) VALUES ('case_no_prefix', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
        )
        .run(body.casePrefix);
      this.noteHqTime(body.time.time);
      this.storeReferences(body.reference ?? [], body.hq);
      this.core.audit.append({
        action: 'enroll',
        officerIds: this.core.session.signedInIds(),
        detail: `登记到总部 ${body.hq.name}（${url.host}），案号前缀 ${body.casePrefix}`,
      });
    })();
    // HQ's recovery copy of the device key, encrypted to the SM2 key just pinned (docs/SECURITY.md).
    this.core.keys.setHq(body.hq.sm2PublicKey);
    this.core.log.info('enrolled with HQ', { hqId: body.hq.hqId, https: url.protocol === 'https:' });
    return this.status();
  }

  /** HQ's SM2 public key pinned at enrollment, or null before it. */
  hqSm2PublicKey(): string | null {
    return this.link()?.hq_sm2_public ?? null;
  }

  private verifyTime(t: SignedTime, hq: HqKeys, nonce?: string): boolean {
    return (
      (nonce === undefined || t.nonce === nonce) &&
      ed25519Verify(new TextEncoder().encode(timeSigningText(t.time, t.nonce)), t.ed25519, hq.ed25519PublicKeyPem)
    );
  }

  /** Keeps the latest HQ-signed time seen: the earliest bound of everything sealed from now on. */
  private noteHqTime(time: string): void {
    const prev = (
      this.core.db.prepare(`SELECT value FROM settings WHERE key = 'hq_time_seen'`).get() as
        { value: string } | undefined
    )?.value;
    if (!prev || time > prev)
      this.core.db
        .prepare(
          `INSERT INTO settings (key, value) VALUES ('hq_time_seen', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
        )
        .run(time);
  }

  outboxRows(): SealRow[] {
    return this.core.db
      .prepare(
        `SELECT s.* FROM seals s LEFT JOIN receipts r ON r.seal_seq = s.seq WHERE r.seal_seq IS NULL ORDER BY s.seq`,
      )
      .all() as SealRow[];
  }

  status(): SyncStatus {
    const l = this.link();
    // Each outbox seal's payload parsed once (the page polls this every second during a sync).
    const outbox = this.outboxRows().map((r) => ({ row: r, payload: JSON.parse(r.payload) as SealPayload }));
    const bytes = outbox.reduce((n, o) => n + o.payload.evidence.reduce((m, e) => m + e.sizeBytes, 0), 0);
    const receipted = (this.core.db.prepare(`SELECT count(*) AS n FROM receipts`).get() as { n: number }).n;
    const lastReceipt = (this.core.db.prepare(`SELECT max(hq_time) AS t FROM receipts`).get() as { t: string | null })
      .t;
    const hqTimeSeen =
      (
        this.core.db.prepare(`SELECT value FROM settings WHERE key = 'hq_time_seen'`).get() as
          { value: string } | undefined
      )?.value ?? null;
    const reference = (
      this.core.db.prepare(`SELECT kind, version, issued_at FROM reference_data ORDER BY kind`).all() as {
        kind: string;
        version: number;
        issued_at: string;
      }[]
    ).map((r) => ({ kind: r.kind, version: r.version, issuedAt: r.issued_at }));
    return {
      enrolled: l !== null,
      hq: l
        ? {
            url: l.url,
            name: l.hq_name,
            hqId: l.hq_id,
            enrolledAt: l.enrolled_at,
            casePrefix: l.case_prefix,
            tlsPinned: l.tls_fingerprint !== null,
          }
        : null,
      deviceId: this.core.device.public().deviceId,
      outbox: {
        documents: outbox.length,
        evidenceBytes: bytes,
        items: outbox.map(({ row, payload }) => ({
          seq: row.seq,
          documentId: row.document_id,
          docNo: payload.document.docNo,
          caseNo: payload.document.caseNo,
          sealedAt: row.sealed_at,
        })),
      },
      receipted,
      lastReceiptAt: lastReceipt,
      hqTimeSeen,
      running: this.running !== null,
      progress: this.progress,
      last: this.last,
      reference,
      space: this.space(),
    };
  }

  private space(): SyncStatus['space'] {
    const can = releasable(this.core);
    const done = this.core.db
      .prepare(`SELECT count(*) AS n, coalesce(sum(size_bytes), 0) AS b FROM released_blobs`)
      .get() as { n: number; b: number };
    return {
      releasableFiles: can.length,
      releasableBytes: can.reduce((n, i) => n + i.size, 0),
      releasedFiles: done.n,
      releasedBytes: done.b,
    };
  }

  /** Starts a sync in the background (one at a time); the renderer follows it through status(). */
  start(auto = false): SyncStatus {
    if (!this.link()) throw new CoreError('conflict', '本机尚未登记到总部。请先输入总部地址和登记码完成登记。');
    if (!this.running) {
      this.running = this.runOnce(auto).finally(() => {
        this.running = null;
      });
    }
    return this.status();
  }

  /** Runs a sync to the end; resolves with its outcome (never throws). */
  async run(): Promise<NonNullable<SyncStatus['last']>> {
    if (!this.running) this.start();
    return (await this.running)!;
  }

  /** Tries a sync every interval while enrolled; silent when HQ is unreachable (the next try comes). */
  startAuto(intervalMs: number): void {
    if (this.autoTimer) return;
    this.autoTimer = setInterval(() => {
      if (!this.link() || this.running) return;
      this.start(true);
    }, intervalMs);
    this.autoTimer.unref();
  }

  stopAuto(): void {
    if (this.autoTimer) clearInterval(this.autoTimer);
    this.autoTimer = null;
  }

  private async runOnce(auto: boolean): Promise<NonNullable<SyncStatus['last']>> {
    const started = Date.now();
    const progressBefore = this.progress;
    this.progress = { ...IDLE, phase: 'connecting' };
    let outcome: NonNullable<SyncStatus['last']>;
    try {
      const l = this.link()!;
      const client = this.client(l);
      await this.hello(client, l);
      const rejected = await this.pullReference(client, l);
      const outbox = this.outboxRows();
      const plan = outbox.map((r) => ({ row: r, payload: JSON.parse(r.payload) as SealPayload }));
      this.progress = {
        ...this.progress,
        phase: 'uploading',
        docsTotal: plan.length,
        bytesTotal: plan.reduce((n, p) => n + p.payload.evidence.reduce((m, e) => m + e.sizeBytes, 0), 0),
      };
      const sentBlobs = new Set<string>();
      for (const { row, payload } of plan) {
        this.progress = { ...this.progress, current: payload.document.docNo };
        for (const e of payload.evidence) {
          if (sentBlobs.has(e.sha256)) continue;
          await this.uploadBlob(client, e.sha256, e.fileName, e.sizeBytes, started);
          sentBlobs.add(e.sha256);
        }
        this.progress = { ...this.progress, phase: 'committing' };
        const res = await client.call(
          'POST',
          `${API}/seals`,
          this.packageFor(row, payload),
          true,
          HQ_ROUTES.commitSeal.answer,
        );
        this.storeReceipt(res.body, 'network');
        this.progress = { ...this.progress, phase: 'uploading', docsDone: this.progress.docsDone + 1 };
      }
      const done = plan.length ? `${plan.length}份文书已取得总部回执` : '没有待同步的文书';
      outcome = rejected.length
        ? {
            at: isoNow(this.core.clock),
            ok: false,
            kind: 'hq_key',
            message: `${done}；但总部下发的${rejected.join('、')}数据签名无效，未采用（仍使用原有数据）。请联系总部核实。`,
          }
        : { at: isoNow(this.core.clock), ok: true, kind: null, message: `同步完成：${done}。` };
      this.progress = { ...this.progress, phase: 'done', current: null };
      this.core.log.info(rejected.length ? 'sync done, reference data refused' : 'sync done', {
        auto,
        documents: plan.length,
        evidenceFiles: sentBlobs.size,
        referenceRefused: rejected.length,
        ms: Date.now() - started,
      });
    } catch (e) {
      const f =
        e instanceof SyncFailure
          ? e
          : e instanceof CoreError
            ? new SyncFailure('protocol', e.message)
            : new SyncFailure('protocol', `同步中断：${(e as Error).message}`);
      outcome = { at: isoNow(this.core.clock), ok: false, kind: f.kind, message: f.message };
      // An automatic try that finds HQ out of reach is the normal state in the field: nothing to show or log.
      if (auto && f.kind === 'unreachable') {
        this.progress = progressBefore;
        return outcome;
      }
      this.progress = { ...this.progress, phase: 'failed', current: null };
      // The kind only: the message (kept in the audit log, shown to the officer) may quote HQ's answer.
      this.core.log.error('sync failed', { kind: f.kind, auto, ms: Date.now() - started });
      // A failed sync is audited like a failed sign-in (what was delivered before it has its own
      // 'sync' rows); an automatic retry failing the same way again is not repeated.
      if (!auto || this.last?.message !== outcome.message) {
        try {
          this.core.audit.append({
            action: 'sync-failed',
            officerIds: this.core.session.signedInIds(),
            detail: `${auto ? '自动' : ''}同步失败（${f.kind}）：${f.message}`,
          });
        } catch (e2) {
          this.core.log.error('sync: the failure could not be audited', errorFields(e2));
        }
      }
    }
    this.last = outcome;
    return outcome;
  }

  private async hello(client: HqClient, l: LinkRow): Promise<void> {
    const nonce = randomBytes(16).toString('hex');
    const before = Date.now();
    const res = await client.call<{ hq: HqKeys; time: SignedTime }>(
      'GET',
      `${API}/hello?nonce=${nonce}`,
      undefined,
      false,
      HQ_ROUTES.hello.answer,
    );
    if (
      res.body.hq.hqId !== l.hq_id ||
      res.body.hq.ed25519PublicKeyPem !== l.hq_ed25519_pem ||
      res.body.hq.sm2PublicKey !== l.hq_sm2_public
    ) {
      throw new SyncFailure(
        'hq_key',
        '总部的密钥与登记时记录的不符：对方可能不是登记的总部。已停止同步，未发送任何数据。请联系总部核实。',
      );
    }
    if (!this.verifyTime(res.body.time, this.keysOf(l), nonce))
      throw new SyncFailure('hq_key', '总部时间的签名无效：对方可能不是登记的总部。已停止同步。');
    this.clockOffsetMs = Date.parse(res.body.time.time) - (before + Date.now()) / 2;
    this.noteHqTime(res.body.time.time);
  }

  /** Pulls HQ's reference data; stores each newer kind whose HQ signature holds; returns the labels of those refused. */
  private async pullReference(client: HqClient, l: LinkRow): Promise<string[]> {
    const res = await client.call('GET', `${API}/reference`, undefined, true, HQ_ROUTES.reference.answer);
    return this.storeReferences(res.body, this.keysOf(l));
  }

  private storeReferences(list: SignedReference[], keys: HqKeys): string[] {
    const rejected: string[] = [];
    for (const s of list) {
      if (!verifyReference(s, keys)) {
        rejected.push(REFERENCE_LABELS[s.ref.kind] ?? s.ref.kind);
        continue;
      }
      const have = this.core.db.prepare(`SELECT version FROM reference_data WHERE kind = ?`).get(s.ref.kind) as
        { version: number } | undefined;
      if (have && have.version >= s.ref.version) continue;
      this.core.db
        .prepare(
          `INSERT INTO reference_data (kind, version, issued_at, data, ed25519, received_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (kind) DO UPDATE SET version = excluded.version, issued_at = excluded.issued_at, data = excluded.data, ed25519 = excluded.ed25519, received_at = excluded.received_at`,
        )
        .run(s.ref.kind, s.ref.version, s.ref.issuedAt, canonicalJson(s.ref.data), s.ed25519, isoNow(this.core.clock));
    }
    return rejected;
  }

  /** The seal package: the seal as signed, its signature records, what HQ shows of the case, and what HQ prints from. */
  packageFor(row: SealRow, payload: SealPayload): SealPackage {
    return {
      format: 'wangxin-sync-package/1',
      seal: {
        seq: row.seq,
        payload: row.payload,
        sm2Signature: row.sm2_signature,
        ed25519Signature: row.ed25519_signature,
      },
      signatures: packageSignatures(this.core, row.document_id),
      case: this.caseSummary(payload.document.caseId),
      print: this.core.documents.get(row.document_id),
    };
  }

  private caseSummary(caseId: string): CaseSummary {
    const c = this.core.cases.get(caseId);
    return {
      id: c.id,
      caseNo: c.caseNo,
      partyName: c.partyName,
      matterName: c.matterName,
      status: CASE_STATUS_LABELS[c.status],
    };
  }

  /** Uploads one blob's plaintext, read through the evidence store (each piece decrypted and authenticated). */
  private async uploadBlob(
    client: HqClient,
    sha256: string,
    fileName: string,
    size: number,
    startedAt: number,
  ): Promise<void> {
    const status = await client.call('GET', `${API}/blobs/${sha256}`, undefined, true, HQ_ROUTES.blobStatus.answer);
    if (status.body.stored) {
      this.progress = { ...this.progress, bytesDone: this.progress.bytesDone + size };
      return;
    }
    let offset = status.body.offset;
    this.progress = { ...this.progress, bytesDone: this.progress.bytesDone + offset };
    let stored: number;
    try {
      stored = this.core.evidence.storedSize(sha256, fileName);
    } catch (e) {
      throw localFailure(e, fileName);
    }
    if (stored !== size)
      throw new SyncFailure(
        'verification',
        `本机电子数据「${fileName}」（${sha256.slice(0, 16)}…）的大小与封存时不符，未上传。请先在本机核验。`,
      );
    let restarts = 0;
    // Until HQ says stored — not merely until HQ has every byte: when HQ stopped between the last
    // chunk and its placing, it reports the whole size as received, and only a (then empty) last
    // chunk makes it re-hash and place the blob.
    for (;;) {
      let piece: Buffer;
      try {
        piece = await this.core.evidence.readStoredRange(
          sha256,
          fileName,
          offset,
          Math.min(CHUNK_BYTES, size - offset),
        );
      } catch (e) {
        throw localFailure(e, fileName);
      }
      try {
        const r = await client.call<{ stored: boolean; offset: number }>(
          'PUT',
          `${API}/blobs/${sha256}?offset=${offset}&length=${size}`,
          piece,
          true,
          HQ_ROUTES.blobChunk.answer,
        );
        const bytesDone = this.progress.bytesDone + (r.body.offset - offset);
        this.progress = {
          ...this.progress,
          bytesDone,
          bytesPerSecond: Math.round(bytesDone / Math.max(0.001, (Date.now() - startedAt) / 1000)),
        };
        offset = r.body.offset;
        if (r.body.stored) break;
      } catch (e) {
        // HQ already has more (or less) than we thought: continue from where HQ is.
        if (e instanceof SyncFailure && e.body?.error === 'offset' && typeof e.body.offset === 'number') {
          this.progress = { ...this.progress, bytesDone: this.progress.bytesDone + (e.body.offset - offset) };
          offset = e.body.offset;
          continue;
        }
        // HQ's re-hash did not match (bytes damaged on the way): start this blob again, a few times.
        if (e instanceof SyncFailure && e.body?.error === 'digest' && restarts++ < 2) {
          this.progress = { ...this.progress, bytesDone: this.progress.bytesDone - offset };
          offset = 0;
          continue;
        }
        throw e;
      }
    }
  }

  /** Verifies a receipt against HQ's pinned keys and our own seal, then stores it (once). */
  storeReceipt(r: SignedReceipt, via: 'network' | 'file'): void {
    const l = this.link();
    if (!l) throw new SyncFailure('not_enrolled', '本机尚未登记到总部，不能接受回执。');
    const problems = verifyReceipt(r, this.keysOf(l));
    const seal = this.core.db
      .prepare(`SELECT seq, document_id, hash_sha256, hash_sm3 FROM seals WHERE seq = ?`)
      .get(r.receipt.seq) as { seq: number; document_id: string; hash_sha256: string; hash_sm3: string } | undefined;
    if (!seal) problems.push(`本机没有序号为${r.receipt.seq}的封存`);
    else if (seal.hash_sha256 !== r.receipt.sealSha256 || seal.hash_sm3 !== r.receipt.sealSm3)
      problems.push(`回执中的封存校验值与本机封存${seal.seq}不符`);
    if (r.receipt.deviceId !== this.core.device.public().deviceId) problems.push('回执不是给本机的');
    if (problems.length)
      throw new SyncFailure('hq_key', `总部回执无效（${problems.join('；')}），未采用。请联系总部核实。`);
    const have = this.core.db.prepare(`SELECT seal_sha256 FROM receipts WHERE seal_seq = ?`).get(r.receipt.seq) as
      { seal_sha256: string } | undefined;
    if (have) return;
    this.core.db.transaction(() => {
      this.core.db
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
          isoNow(this.core.clock),
        );
      this.noteHqTime(r.receipt.hqTime);
      // One row per delivered seal, in the receipt's transaction: the log names every seal HQ
      // acknowledged, in its case's log too. Sync tries that deliver nothing write no row (the
      // automatic ones run every minute).
      this.core.audit.append({
        action: via === 'network' ? 'sync' : 'sync-receipts',
        officerIds: this.core.session.signedInIds(),
        caseId: this.core.documents.caseOf(seal!.document_id),
        targets: [seal!.document_id, seal!.hash_sha256],
        detail: `封存${seal!.seq}已取得总部回执（${via === 'network' ? '网络同步' : '回执文件'}，总部序号${r.receipt.hqSeq}）`,
      });
    })();
  }

  /** The offline path: the outbox as one sealed bundle (with each document's print input and the cases' summaries). */
  async exportOutbox(dir: string): Promise<{ path: string; documents: number }> {
    if (!this.link()) throw new CoreError('conflict', '本机尚未登记到总部：总部只接收已登记设备的封存包。请先登记。');
    const rows = this.outboxRows();
    if (!rows.length) throw new CoreError('conflict', '没有待同步的文书（全部已取得总部回执）。');
    const extras: { name: string; bytes: Uint8Array }[] = [];
    const cases = new Map<string, CaseSummary>();
    for (const r of rows) {
      const p = JSON.parse(r.payload) as SealPayload;
      if (!cases.has(p.document.caseId)) cases.set(p.document.caseId, this.caseSummary(p.document.caseId));
      extras.push({
        name: `print/${r.seq}.json`,
        bytes: Buffer.from(JSON.stringify(this.core.documents.get(r.document_id)), 'utf8'),
      });
    }
    extras.push({ name: 'cases.json', bytes: Buffer.from(canonicalJson([...cases.values()]), 'utf8') });
    const stamp = isoNow(this.core.clock).replace(/[-:]/g, '').replace(/\..*/, '');
    const path = join(dir, `待同步封存包-${stamp}.tar`);
    await exportBundle(
      this.core,
      rows.map((r) => r.document_id),
      path,
      extras,
      { action: 'sync-export', detail: `导出待同步封存包（${rows.length}份文书）` },
    );
    return { path, documents: rows.length };
  }

  /** Reads HQ's receipts file (from an offline import) and stores every valid receipt. */
  importReceiptsFile(path: string): { stored: number; already: number } {
    return this.importReceipts(readFileSync(path, 'utf8'));
  }

  importReceipts(text: string): { stored: number; already: number } {
    let file: { format?: string; receipts?: SignedReceipt[] };
    try {
      file = JSON.parse(text) as typeof file;
    } catch {
      throw new CoreError(
        'validation',
        '回执文件无法读取或不是总部生成的回执文件。请选择总部导入封存包后提供的回执文件（.json）。',
      );
    }
    if (file.format !== 'wangxin-hq-receipts/1' || !Array.isArray(file.receipts))
      throw new CoreError('validation', '这不是总部回执文件。请选择总部导入封存包后提供的回执文件。');
    let stored = 0;
    let already = 0;
    for (const r of file.receipts) {
      const had = this.core.db.prepare(`SELECT 1 FROM receipts WHERE seal_seq = ?`).get(r.receipt?.seq);
      try {
        this.storeReceipt(r, 'file');
      } catch (e) {
        throw new CoreError('integrity', (e as Error).message);
      }
      if (had) already++;
      else stored++;
    }
    this.core.log.info('receipts file imported', { stored, already });
    return { stored, already };
  }
}

function asCoreError(e: unknown): CoreError {
  if (e instanceof CoreError) return e;
  if (e instanceof SyncFailure)
    return new CoreError(
      e.kind === 'unreachable' ? 'io' : e.kind === 'enrollment' ? 'forbidden' : 'integrity',
      e.message,
    );
  return new CoreError('io', (e as Error).message);
}

/**
 * A stored blob that fails its check (a damaged chunk, a missing file) stops the sync, naming the
 * item and the chunk. HQ places a blob only once the whole of it re-hashes to its SHA-256.
 */
function localFailure(e: unknown, fileName: string): unknown {
  if (e instanceof CoreError && e.cause instanceof BlobIntegrityError)
    return new SyncFailure(
      'verification',
      `本机电子数据${describeBlobFailure(fileName, e.cause)}未上传。请先在本机核验。`,
    );
  return e;
}
