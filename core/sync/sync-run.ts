// One network sync run, one at a time, in the background: hello (HQ's keys and signed time, and the
// law package HQ announces), HQ's reference data — a newer law package is applied only on a run an
// officer started (立即同步), never by the automatic try in the background (law-intake.ts; the 工作台
// warns meanwhile) —, then the outbox — every seal without a receipt, in chain order, in batches:
// their evidence uploaded, the batch committed in one request (one transaction at HQ), HQ's
// receipts verified and stored in one transaction per batch. The 同步 page follows
// the progress; the outcome is kept as the last result. Nothing on the laptop is deleted by sync.
import type { SyncStatus } from '../../shared/sync/sync-api.ts';
import { CoreError } from '../../protocol/runtime/core-error.ts';
import { errorFields, type Log } from '../../protocol/runtime/log.ts';
import type { SealPayload } from '../../protocol/seal/seal-payload.ts';
import { HQ_ROUTES } from '../../protocol/sync/hq-api.ts';
import { API, type SignedReceipt } from '../../protocol/sync/protocol.ts';
import type { DeadlinesReport } from '../../protocol/sync/deadlines-report.ts';
import type { AuditLog } from '../audit/audit-log.ts';
import { isoNow, type Clock } from '../clock.ts';
import type { EvidenceStore } from '../evidence/evidence-store.ts';
import type { TwoOfficerSession } from '../session/two-officer-session.ts';
import { uploadBlob, type Progress, type ProgressHolder } from './blob-upload.ts';
import { JsonBody, SyncFailure, type HqClient } from './hq-client.ts';
import type { HqConnection } from './hq-connection.ts';
import { keysOf, type HqLinkStore, type LinkRow } from './hq-link-store.ts';
import type { ReceiptStore } from './receipt-store.ts';
import { acceptReceipts, type ReceiptIntakeDeps } from './receipt-intake.ts';
import type { ReferenceStore } from './reference-store.ts';
import type { TrustStore } from './trust-store.ts';
import type { DeviceIdentity } from '../device/device-identity.ts';
import type { InTransaction } from '../db/unit-of-work.ts';
import { takeLawPackage, type LawIntake, type LawIntakeDeps } from './law-intake.ts';
import type { SealPackageDeps } from './seal-package.ts';
import { OutboxBatches, type OutboxItem, type PreparedBatch } from './outbox-batches.ts';

type Outcome = NonNullable<SyncStatus['last']>;

/** Evidence blobs uploaded at once (measured: docs/SYNC.md「Two uploads at a time」). */
export const BLOB_UPLOADS = 2;

const IDLE: Progress = {
  phase: 'idle',
  docsDone: 0,
  docsTotal: 0,
  bytesDone: 0,
  bytesTotal: 0,
  bytesPerSecond: 0,
  current: null,
};

export interface SyncRunDeps {
  clock: Clock;
  log: Log;
  connection: HqConnection;
  links: Pick<HqLinkStore, 'link'>;
  references: Pick<ReferenceStore, 'storeVerified'>;
  receipts: Pick<ReceiptStore, 'outbox'>;
  trust: Pick<TrustStore, 'store'>;
  device: Pick<DeviceIdentity, 'public'>;
  inTransaction: InTransaction;
  evidence: Pick<EvidenceStore, 'storedSize' | 'readStoredRange'>;
  session: Pick<TwoOfficerSession, 'signedInIds'>;
  audit: Pick<AuditLog, 'append'>;
  /** What a seal package is built from. */
  packages: SealPackageDeps;
  /** What storing a receipt needs. */
  intake: ReceiptIntakeDeps;
  /** What applying a law package needs. */
  law: LawIntakeDeps;
  /** Seals and package bytes per batch (default BATCH_TARGET). */
  batchTarget?: { seals: number; bytes: number };
  /** The open deadlines reported to HQ after the outbox (absent: none reported). */
  deadlines?: () => DeadlinesReport;
}

export class SyncRun implements ProgressHolder {
  private readonly d: SyncRunDeps;
  progress: Progress = { ...IDLE };
  private running: Promise<SyncStatus['last']> | null = null;
  private runningAuto = false;
  private officerRunNext = false;
  private last: SyncStatus['last'] = null;
  constructor(deps: SyncRunDeps) {
    this.d = deps;
  }

  isRunning(): boolean {
    return this.running !== null;
  }

  lastOutcome(): SyncStatus['last'] {
    return this.last;
  }

  /**
   * Starts a run in the background unless one is running. An officer's run asked for while an
   * automatic one is going follows it (only an officer's run applies a law package).
   */
  start(auto: boolean): void {
    if (!this.running) {
      this.runningAuto = auto;
      this.running = this.runOnce(auto).finally(() => {
        this.running = null;
        if (this.officerRunNext) {
          this.officerRunNext = false;
          this.start(false);
        }
      });
    } else if (!auto && this.runningAuto) this.officerRunNext = true;
  }

  /**
   * Runs to the end: the run going (an automatic one is only waited for), else an officer's; and an
   * officer's run queued behind it. Resolves with the last outcome (never throws).
   */
  async run(): Promise<Outcome> {
    if (!this.running) this.start(false);
    let outcome = (await this.running)!;
    while (this.running) outcome = (await this.running)!;
    return outcome;
  }

  private async runOnce(auto: boolean): Promise<Outcome> {
    const { clock, log } = this.d;
    const started = Date.now();
    const progressBefore = this.progress;
    this.progress = { ...IDLE, phase: 'connecting' };
    let outcome: Outcome;
    try {
      const l = this.d.links.link()!;
      const client = this.d.connection.client(l);
      await this.d.connection.hello(client, l);
      const { rejected, law } = await this.pullReference(client, l, auto);
      const trustRefused = await this.pullTrust(client, l);
      if (trustRefused) rejected.push(trustRefused);
      const outbox = this.d.receipts.outbox();
      const plan = outbox.map((r) => ({ row: r, payload: JSON.parse(r.payload) as SealPayload }));
      this.progress = {
        ...this.progress,
        phase: 'uploading',
        docsTotal: plan.length,
        bytesTotal: plan.reduce((n, p) => n + p.payload.evidence.reduce((m, e) => m + e.sizeBytes, 0), 0),
      };
      const sentBlobs = new Set<string>();
      await this.sendOutbox(client, plan, sentBlobs, started);
      await this.reportDeadlines(client);
      const done = plan.length ? `${plan.length}份文书已取得总部回执` : '没有待同步的文书';
      const lawNote = law?.outcome === 'applied' ? `；${law.message}` : '';
      outcome = rejected.length
        ? {
            at: isoNow(clock),
            ok: false,
            kind: 'hq_key',
            message: `${done}${lawNote}；但总部下发的${rejected.join('、')}数据签名无效，未采用（仍使用原有数据）。请联系总部核实。`,
          }
        : law?.outcome === 'refused'
          ? { at: isoNow(clock), ok: false, kind: law.kind, message: `${done}；但${law.message}` }
          : { at: isoNow(clock), ok: true, kind: null, message: `同步完成：${done}${lawNote}。` };
      this.progress = { ...this.progress, phase: 'done', current: null };
      log.info(rejected.length ? 'sync done, reference data refused' : 'sync done', {
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
      outcome = { at: isoNow(clock), ok: false, kind: f.kind, message: f.message };
      // An automatic try that finds HQ out of reach is the normal state in the field: nothing to show or log.
      if (auto && f.kind === 'unreachable') {
        this.progress = progressBefore;
        return outcome;
      }
      this.progress = { ...this.progress, phase: 'failed', current: null };
      // The kind only: the message (kept in the audit log, shown to the officer) may quote HQ's answer.
      log.error('sync failed', { kind: f.kind, auto, ms: Date.now() - started });
      // A failed sync is audited like a failed sign-in (what was delivered before it has its own
      // 'sync' rows); an automatic retry failing the same way again is not repeated.
      if (!auto || this.last?.message !== outcome.message) {
        try {
          this.d.audit.append({
            action: 'sync-failed',
            officerIds: this.d.session.signedInIds(),
            detail: `${auto ? '自动' : ''}同步失败（${f.kind}）：${f.message}`,
          });
        } catch (e2) {
          log.error('sync: the failure could not be audited', errorFields(e2));
        }
      }
    }
    this.last = outcome;
    return outcome;
  }

  /**
   * The outbox in batches, in chain order: each batch's evidence uploaded (each blob once), then
   * the batch committed in one request. While HQ verifies and commits batch N, the device stores
   * the receipts of batch N − 1 (verified, one transaction), builds batch N + 1 and uploads its
   * evidence — the work of the device is off the request path. A seal HQ refuses stops the run as before: the seals of
   * its batch before it are sent again on their own, so they get their receipts.
   */
  private async sendOutbox(client: HqClient, plan: OutboxItem[], sentBlobs: Set<string>, started: number) {
    const batches = new OutboxBatches(this.d.packages, plan, this.d.batchTarget);
    let received: { batch: PreparedBatch; receipts: SignedReceipt[] } | null = null;
    const storeReceived = () => {
      const r = received;
      received = null;
      if (!r) return;
      acceptReceipts(this.d.intake, r.receipts, 'network');
      this.progress = { ...this.progress, docsDone: this.progress.docsDone + r.batch.items.length };
    };
    /**
     * A run stops at the first failure, as it did seal by seal: the receipts in hand are stored,
     * and the seals of the batch before the failing one (their evidence at HQ, or found sound by
     * HQ) are sent again on their own, so that they get their receipts. Then the failure is reported.
     */
    const stop = async (e: unknown, sound: OutboxItem[]): Promise<never> => {
      storeReceived();
      if (sound.length)
        try {
          const prefix = batches.again(sound);
          received = { batch: prefix, receipts: await this.commit(client, prefix) };
          storeReceived();
        } catch (e2) {
          // The first failure is the one to report; these seals stay in the outbox for the next run.
          this.d.log.error('sync: the seals before a failure could not be committed', {
            seals: sound.length,
            kind: e2 instanceof SyncFailure ? e2.kind : 'other',
          });
        }
      throw e;
    };
    let batch = batches.next();
    let uploaded = batch ? this.uploadEvidence(client, batch.items, sentBlobs, started) : null;
    while (batch) {
      const { items } = batch;
      const failed = await uploaded!;
      if (failed) return stop(failed.error, items.slice(0, failed.at));
      this.progress = { ...this.progress, phase: 'committing', current: items.at(-1)!.payload.document.docNo };
      const answer = this.commit(client, batch);
      // Handled where it is awaited; a failure of the work below must not leave it unhandled.
      answer.catch(() => {});
      storeReceived();
      const next = batches.next();
      // The next batch's evidence goes up while HQ verifies and commits this one: blobs are not
      // part of the chain (a batch is sent only once its own evidence is at HQ, and only after
      // the batch before it is answered, so the chain order stays).
      uploaded = next ? this.uploadEvidence(client, next.items, sentBlobs, started) : null;
      try {
        received = { batch, receipts: await answer };
      } catch (e) {
        await uploaded;
        const index = e instanceof SyncFailure ? e.body?.index : undefined;
        return stop(e, index !== undefined && index < items.length ? items.slice(0, index) : []);
      }
      batch = next;
    }
    storeReceived();
  }

  /**
   * Uploads the evidence of these seals, each blob once, BLOB_UPLOADS at a time; on a failure, the
   * position of the first seal not all of whose evidence is at HQ, and the failure (the seals
   * before it have all of theirs at HQ). Two uploads in flight keep HQ busy while the other's
   * chunk is on the wire or being fsynced — one at a time, the device and HQ waited for each
   * other at every chunk (docs/SYNC.md「Two uploads at a time」).
   */
  private async uploadEvidence(
    client: HqClient,
    items: OutboxItem[],
    sentBlobs: Set<string>,
    started: number,
  ): Promise<{ at: number; error: unknown } | null> {
    // Each blob once, with the first seal that names it, in the seals' order.
    const queue: { at: number; docNo: string; blob: { sha256: string; fileName: string; size: number } }[] = [];
    const queued = new Set<string>();
    for (const [k, { payload }] of items.entries())
      for (const e of payload.evidence) {
        if (sentBlobs.has(e.sha256) || queued.has(e.sha256)) continue;
        queued.add(e.sha256);
        queue.push({
          at: k,
          docNo: payload.document.docNo,
          blob: { sha256: e.sha256, fileName: e.fileName, size: e.sizeBytes },
        });
      }
    let next = 0;
    const state: { failed: { at: number; error: unknown } | null } = { failed: null };
    // The earliest seal's failure is the one reported (uploads finish out of order).
    const noteFailure = (at: number, error: unknown) => {
      const f = state.failed;
      if (!f || at < f.at) state.failed = { at, error };
    };
    const worker = async () => {
      // After a failure no new upload starts; those in flight finish (their bytes are HQ's either way).
      while (!state.failed && next < queue.length) {
        const job = queue[next++]!;
        this.progress = { ...this.progress, phase: 'uploading', current: job.docNo };
        try {
          await uploadBlob(client, this.d.evidence, job.blob, this, started);
          sentBlobs.add(job.blob.sha256);
        } catch (error) {
          noteFailure(job.at, error);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(BLOB_UPLOADS, queue.length) }, worker));
    const f = state.failed;
    if (!f) return null;
    // The first seal with evidence not at HQ (failed, or never started after the failure).
    const first = queue.find((j) => !sentBlobs.has(j.blob.sha256));
    return { at: Math.min(f.at, first?.at ?? f.at), error: f.error };
  }

  /** One batch (or a package too large for one) to HQ; its receipts, one per seal in order. */
  private async commit(client: HqClient, batch: PreparedBatch): Promise<SignedReceipt[]> {
    const receipts = batch.single
      ? [(await client.call('POST', `${API}/seals`, new JsonBody(batch.body), true, HQ_ROUTES.commitSeal.answer)).body]
      : (
          await client.call(
            'POST',
            `${API}/seals/batch?count=${batch.items.length}`,
            new JsonBody(batch.body),
            true,
            HQ_ROUTES.commitSealBatch.answer,
          )
        ).body.receipts;
    if (receipts.length !== batch.items.length || receipts.some((r, i) => r.receipt.seq !== batch.items[i]!.row.seq))
      throw new SyncFailure('protocol', '总部的回执与所发送的封存不对应。请确认总部服务器与本机的版本相符。');
    return receipts;
  }

  /**
   * The device's open deadlines, for HQ's 总览 (its own message: protocol/sync/deadlines-report.ts).
   * An HQ older than this route (404) is skipped; a refusal is logged and does not fail the run —
   * the seals, which are the record, have their receipts by now.
   */
  private async reportDeadlines(client: HqClient): Promise<void> {
    if (!this.d.deadlines) return;
    try {
      await client.call('POST', `${API}/deadlines`, this.d.deadlines(), true, HQ_ROUTES.deadlines.answer);
    } catch (e) {
      if (!(e instanceof SyncFailure)) throw e;
      if (e.kind === 'unreachable') throw e;
      if (e.status !== 404) this.d.log.error('sync: deadlines report refused', { kind: e.kind, status: e.status });
    }
  }

  /**
   * HQ's certificate of this device (issued now for a device enrolled before certificates) and its
   * status as of now, each checked against HQ's pinned keys and stored; returns what was refused.
   */
  private async pullTrust(client: HqClient, l: LinkRow): Promise<string | null> {
    const dev = this.d.device.public();
    const res = await client.call(
      'GET',
      `${API}/trust?keysCreatedAt=${encodeURIComponent(dev.keysCreatedAt)}`,
      undefined,
      true,
      HQ_ROUTES.trust.answer,
    );
    const at = isoNow(this.d.clock);
    const bad = this.d.inTransaction(
      () =>
        this.d.trust.store('certificate', res.body.certificate, keysOf(l), dev, at) ??
        this.d.trust.store('status', res.body.status, keysOf(l), dev, at),
    );
    if (bad) this.d.log.error('sync: HQ trust document refused', { problem: bad });
    return bad ? '设备证书' : null;
  }

  /**
   * Pulls HQ's reference data; stores each newer kind whose HQ signature holds; on a run an officer
   * started, applies HQ's law package. Returns the labels of the kinds refused for their signature,
   * and what became of the law package.
   */
  private async pullReference(
    client: HqClient,
    l: LinkRow,
    auto: boolean,
  ): Promise<{ rejected: string[]; law: LawIntake | null }> {
    const res = await client.call('GET', `${API}/reference`, undefined, true, HQ_ROUTES.reference.answer);
    const rejected = this.d.references.storeVerified(res.body, keysOf(l), isoNow(this.d.clock));
    const pkg = res.body.find((s) => s.ref.kind === 'catalog');
    if (auto || !pkg) return { rejected, law: null };
    const law = takeLawPackage(this.d.law, pkg, keysOf(l));
    // A signature that fails is reported with the other kinds', as before.
    if (law.outcome === 'refused' && law.kind === 'hq_key')
      return { rejected: [...rejected, '执法事项目录'], law: null };
    return { rejected, law };
  }
}
