// One network sync run, one at a time, in the background: hello (HQ's keys and signed time, and the
// law package HQ announces), HQ's reference data — a newer law package is applied only on a run an
// officer started (立即同步), never by the automatic try in the background (law-intake.ts; the 工作台
// warns meanwhile) —, then the outbox — every seal without a receipt, in chain order: its evidence
// uploaded, the seal package committed, HQ's receipt verified and stored. The 同步 page follows
// the progress; the outcome is kept as the last result. Nothing on the laptop is deleted by sync.
import type { SyncStatus } from '../../shared/sync/sync-api.ts';
import { CoreError } from '../../protocol/runtime/core-error.ts';
import { errorFields, type Log } from '../../protocol/runtime/log.ts';
import type { SealPayload } from '../../protocol/seal/seal-payload.ts';
import { HQ_ROUTES } from '../../protocol/sync/hq-api.ts';
import type { DeadlinesReport } from '../../protocol/sync/deadlines-report.ts';
import { API } from '../../protocol/sync/protocol.ts';
import type { AuditLog } from '../audit/audit-log.ts';
import { isoNow, type Clock } from '../clock.ts';
import type { EvidenceStore } from '../evidence/evidence-store.ts';
import type { TwoOfficerSession } from '../session/two-officer-session.ts';
import { uploadBlob, type Progress, type ProgressHolder } from './blob-upload.ts';
import { SyncFailure, type HqClient } from './hq-client.ts';
import type { HqConnection } from './hq-connection.ts';
import { keysOf, type HqLinkStore, type LinkRow } from './hq-link-store.ts';
import type { ReceiptStore } from './receipt-store.ts';
import { acceptReceipt, type ReceiptIntakeDeps } from './receipt-intake.ts';
import type { ReferenceStore } from './reference-store.ts';
import type { TrustStore } from './trust-store.ts';
import type { DeviceIdentity } from '../device/device-identity.ts';
import type { InTransaction } from '../db/unit-of-work.ts';
import { takeLawPackage, type LawIntake, type LawIntakeDeps } from './law-intake.ts';
import { sealPackage, type SealPackageDeps } from './seal-package.ts';

type Outcome = NonNullable<SyncStatus['last']>;

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
      for (const { row, payload } of plan) {
        this.progress = { ...this.progress, current: payload.document.docNo };
        for (const e of payload.evidence) {
          if (sentBlobs.has(e.sha256)) continue;
          await uploadBlob(
            client,
            this.d.evidence,
            { sha256: e.sha256, fileName: e.fileName, size: e.sizeBytes },
            this,
            started,
          );
          sentBlobs.add(e.sha256);
        }
        this.progress = { ...this.progress, phase: 'committing' };
        const res = await client.call(
          'POST',
          `${API}/seals`,
          sealPackage(this.d.packages, row, payload),
          true,
          HQ_ROUTES.commitSeal.answer,
        );
        acceptReceipt(this.d.intake, res.body, 'network');
        this.progress = { ...this.progress, phase: 'uploading', docsDone: this.progress.docsDone + 1 };
      }
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
