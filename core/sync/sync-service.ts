// Sync at the office (docs/SYNC.md), the one face the API and the 工作台 see. The jobs live in
// their own modules: enrollment.ts (the one-time code, HQ's keys pinned), hq-connection.ts (signed
// requests, hello, HQ's time), sync-run.ts (one network run: reference data, the outbox, progress),
// blob-upload.ts (evidence in resumable chunks), seal-package.ts (what HQ receives per seal),
// receipt-intake.ts (HQ's receipts verified and stored, online or from HQ's file),
// offline-bundle.ts (the outbox as a bundle file), auto-sync.ts (the automatic schedule). The
// tables are the stores': hq-link-store.ts, receipt-store.ts, reference-store.ts,
// released-blobs.ts and core/settings/. Nothing on the laptop is deleted by sync.
import type { SyncStatus } from '../../shared/sync/sync-api.ts';
import { CoreError } from '../../protocol/runtime/core-error.ts';
import type { SealPayload } from '../../protocol/seal/seal-payload.ts';
import type { SealPackage, SignedReceipt } from '../../protocol/sync/protocol.ts';
import type { ExportBundleDeps } from '../bundle/export-bundle.ts';
import type { DeviceIdentity } from '../device/device-identity.ts';
import type { SealRow } from '../seals/seal-row.ts';
import type { SettingsStore } from '../settings/settings-store.ts';
import { AutoSync } from './auto-sync.ts';
import { enroll, type EnrollmentDeps } from './enrollment.ts';
import { HqConnection } from './hq-connection.ts';
import type { HqClient } from './hq-client.ts';
import type { HqLinkStore, LinkRow } from './hq-link-store.ts';
import type { LawIntakeDeps } from './law-intake.ts';
import { exportOutbox } from './offline-bundle.ts';
import { acceptReceipt, importReceipts, importReceiptsFile, type ReceiptIntakeDeps } from './receipt-intake.ts';
import type { ReceiptStore } from './receipt-store.ts';
import type { ReferenceStore } from './reference-store.ts';
import type { ReleasedBlobs } from './released-blobs.ts';
import { sealPackage, type SealPackageDeps } from './seal-package.ts';
import { SyncRun, type SyncRunDeps } from './sync-run.ts';

export type SyncServiceDeps = EnrollmentDeps &
  ReceiptIntakeDeps &
  SealPackageDeps &
  Omit<SyncRunDeps, 'connection' | 'packages' | 'intake' | 'law'> & {
    /** The catalog in use and what applying a law package writes with. */
    law: LawIntakeDeps;
    links: HqLinkStore;
    settings: Pick<SettingsStore, 'setCaseNoPrefix' | 'noteHqTime' | 'hqTimeSeen' | 'noteHqLaw' | 'hqLaw'>;
    references: Pick<ReferenceStore, 'storeVerified' | 'versions'>;
    receipts: Pick<ReceiptStore, 'outbox' | 'has' | 'insert' | 'count' | 'lastHqTime'>;
    released: Pick<ReleasedBlobs, 'releasable' | 'totals'>;
    device: Pick<DeviceIdentity, 'public' | 'signEd25519'>;
    /** The offline bundle's makings. */
    bundle: ExportBundleDeps;
  };

export class SyncService {
  private readonly d: SyncServiceDeps;
  private readonly connection: HqConnection;
  private readonly runs: SyncRun;
  private readonly auto: AutoSync;
  constructor(deps: SyncServiceDeps) {
    this.d = deps;
    this.connection = new HqConnection({ device: deps.device, settings: deps.settings });
    this.runs = new SyncRun({
      ...deps,
      connection: this.connection,
      packages: deps,
      intake: deps,
      law: deps.law,
    });
    this.auto = new AutoSync({
      shouldTry: () => this.d.links.link() !== null && !this.runs.isRunning(),
      tryNow: () => this.start(true),
    });
  }

  /** A client signed as this device to the enrolled HQ (tests send hand-made requests through it). */
  private client(l: LinkRow): HqClient {
    return this.connection.client(l);
  }

  /** Enrolls this device with HQ: the code is proved, never sent; HQ's keys and certificate are pinned from then on. */
  async enroll(urlText: string, code: string): Promise<SyncStatus> {
    await enroll(this.d, urlText, code);
    return this.status();
  }

  /** HQ's SM2 public key pinned at enrollment, or null before it. */
  hqSm2PublicKey(): string | null {
    return this.d.links.link()?.hq_sm2_public ?? null;
  }

  /** The seals without HQ's receipt, in chain order. */
  outboxRows(): SealRow[] {
    return this.d.receipts.outbox();
  }

  status(): SyncStatus {
    const l = this.d.links.link();
    // Each outbox seal's payload parsed once (the page polls this every second during a sync).
    const outbox = this.outboxRows().map((r) => ({ row: r, payload: JSON.parse(r.payload) as SealPayload }));
    const bytes = outbox.reduce((n, o) => n + o.payload.evidence.reduce((m, e) => m + e.sizeBytes, 0), 0);
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
      deviceId: this.d.device.public().deviceId,
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
      receipted: this.d.receipts.count(),
      lastReceiptAt: this.d.receipts.lastHqTime(),
      hqTimeSeen: this.d.settings.hqTimeSeen(),
      running: this.runs.isRunning(),
      progress: this.runs.progress,
      last: this.runs.lastOutcome(),
      reference: this.d.references.versions(),
      space: this.space(),
    };
  }

  private space(): SyncStatus['space'] {
    const can = this.d.released.releasable();
    const done = this.d.released.totals();
    return {
      releasableFiles: can.length,
      releasableBytes: can.reduce((n, i) => n + i.size, 0),
      releasedFiles: done.files,
      releasedBytes: done.bytes,
    };
  }

  /** Starts a sync in the background (one at a time); the renderer follows it through status(). */
  start(auto = false): SyncStatus {
    if (!this.d.links.link()) throw new CoreError('conflict', '本机尚未登记到总部。请先输入总部地址和登记码完成登记。');
    this.runs.start(auto);
    return this.status();
  }

  /** Runs a sync to the end; resolves with its outcome (never throws). */
  async run(): Promise<NonNullable<SyncStatus['last']>> {
    if (!this.runs.isRunning()) this.start();
    return this.runs.run();
  }

  /** Tries a sync every interval while enrolled; silent when HQ is unreachable (the next try comes). */
  startAuto(intervalMs: number): void {
    this.auto.start(intervalMs);
  }

  stopAuto(): void {
    this.auto.stop();
  }

  /** The seal package: the seal as signed, its signature records, what HQ shows of the case, and what HQ prints from. */
  packageFor(row: SealRow, payload: SealPayload): SealPackage {
    return sealPackage(this.d, row, payload);
  }

  /** Verifies a receipt against HQ's pinned keys and our own seal, then stores it (once). */
  storeReceipt(r: SignedReceipt, via: 'network' | 'file'): void {
    acceptReceipt(this.d, r, via);
  }

  /** The offline path: the outbox as one sealed bundle (with each document's print input and the cases' summaries). */
  exportOutbox(dir: string): Promise<{ path: string; documents: number }> {
    return exportOutbox(this.d, dir);
  }

  /** Reads HQ's receipts file (from an offline import) and stores every valid receipt. */
  importReceiptsFile(path: string): { stored: number; already: number } {
    return importReceiptsFile(this.d, path);
  }

  importReceipts(text: string): { stored: number; already: number } {
    return importReceipts(this.d, text);
  }
}
