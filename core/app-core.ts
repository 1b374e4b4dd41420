// The core: every service of the app, composed over one data folder. Hosted by the Electron main
// process or by the web shell; it never imports either (enforced by eslint.config.js).
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { APP_VERSION } from './app-version.ts';
import type { AppStatus } from '../shared/domain/office.ts';
import { CaseStore } from './cases/case-store.ts';
import { loadCatalog } from './catalog/catalog-service.ts';
import { CatalogHolder } from './catalog/catalog-holder.ts';
import { systemClock, type Clock } from './clock.ts';
import { CalendarSource, loadCalendarData } from './deadlines/calendar-source.ts';
import { openDeadlinesReport } from './deadlines/deadlines-report.ts';
import { openDatabase } from './db/open-database.ts';
import { DocumentStore } from './documents/document-store.ts';
import { EvidenceStore } from './evidence/evidence-store.ts';
import { ImportTickets } from './evidence/import-tickets.ts';
import type { CaptureHost, CaptureTarget } from './evidence/capture-host.ts';
import { errorFields, stderrLog, type Log } from '../protocol/runtime/log.ts';
import type { Migration } from '../protocol/runtime/migrate.ts';
import type { ScryptParams } from '../protocol/runtime/password-hash.ts';
import { OfficeStore } from './office/office-store.ts';
import { OfficerStore } from './officers/officer-store.ts';
import { PdfService } from '../protocol/print/pdf-service.ts';
import { AuditLog } from './audit/audit-log.ts';
import { DeviceIdentity } from './device/device-identity.ts';
import { SealStore } from './seals/seal-store.ts';
import { SignatureStore } from './signatures/signature-store.ts';
import { removeReleasedFiles } from './sync/free-space.ts';
import { newerHqCatalog } from './sync/hq-catalog.ts';
import { HqLinkStore } from './sync/hq-link-store.ts';
import { TrustStore } from './sync/trust-store.ts';
import { ReceiptStore } from './sync/receipt-store.ts';
import { ReferenceStore } from './sync/reference-store.ts';
import { ReleasedBlobs } from './sync/released-blobs.ts';
import { SyncService } from './sync/sync-service.ts';
import { CaseNumbers } from './cases/case-number.ts';
import { transactionsOf, type InTransaction } from './db/unit-of-work.ts';
import type { DocumentSignatures } from './documents/document-store.ts';
import { SettingsStore } from './settings/settings-store.ts';
import { TwoOfficerSession } from './session/two-officer-session.ts';
import { ConfirmationStore } from './timeline/confirmation-store.ts';
import { TimelineService } from './timeline/timeline-service.ts';
import type { KeyCustody } from './vault/key-custody.ts';
import { NO_LOCK, type LockControl } from './vault/lock-control.ts';

export { APP_VERSION };

export interface CoreOptions {
  dataDir: string;
  /** The unlocked device key (core/vault/): it opens the encrypted database and evidence. */
  custody: KeyCustody;
  /** The vault's lock; tools that open a core directly have none. */
  lock?: LockControl;
  clock?: Clock;
  log?: Log;
  /** Path of an alternative catalog file (tests); defaults to the shipped one. */
  catalogPath?: string;
  /** Path of an alternative working-day calendar file (tests); defaults to the shipped one. */
  calendarPath?: string;
  /** Folder of the fonts for printing; defaults to the shipped assets/fonts. */
  fontsDir?: string;
  /** How many seals (and package bytes) the device puts in one batch to HQ; defaults to BATCH_TARGET (core/sync/outbox-batches.ts). Tests use small batches. */
  syncBatchTarget?: { seals: number; bytes: number };
  /** Re-hash the evidence of the last days in the background after opening (the shells turn this on). */
  verifyRecentEvidenceDays?: number;
  /**
   * End signing sittings left open by a previous run (default). Tools that open a folder beside
   * a running app (npm run verify, HQ recovery) turn it off: the app's sitting may be live.
   */
  endAbandonedSittings?: boolean;
  /** The schema migrations to apply (tests of a migration run the app at the version before); default all. */
  migrations?: readonly Migration[];
  /**
   * The scrypt cost of the sign-in hashes made for officers added here (default DEFAULT_SCRYPT).
   * Recorded in each hash, so verification never depends on it. Test fixtures lower it where
   * passwords are not what is tested (tests/support/core-fixture.ts); the app never sets it.
   */
  passwordCost?: ScryptParams;
}

/**
 * The composed core: every store and service, for the edge (the API handlers and dispatch, the
 * vault, tools and tests). Stores and services never receive it: each is handed, here, the
 * stores it uses.
 */
export interface AppCore {
  readonly dataDir: string;
  /** The connection, for the edge: dispatch's transaction around a call and its audit row, tests. */
  readonly db: Database;
  /** One transaction across stores (core/db/unit-of-work.ts). */
  readonly inTransaction: InTransaction;
  readonly clock: Clock;
  readonly log: Log;
  /** The catalog (法规库) in use: replaced at once when a sync applies HQ's law package. */
  readonly catalog: CatalogHolder;
  /** The working-day calendar: the shipped table, or a newer one HQ published (checked at each use). */
  readonly calendar: CalendarSource;
  readonly office: OfficeStore;
  readonly officers: OfficerStore;
  readonly session: TwoOfficerSession;
  readonly cases: CaseStore;
  readonly documents: DocumentStore;
  readonly evidence: EvidenceStore;
  readonly importTickets: ImportTickets;
  readonly pdf: PdfService;
  readonly signatures: SignatureStore;
  readonly audit: AuditLog;
  readonly device: DeviceIdentity;
  readonly seals: SealStore;
  readonly settings: SettingsStore;
  /** The case timeline: its facts for the case page and the editor, its refusals of 提交签名 and 封存. */
  readonly timeline: TimelineService;
  /** Timeline warnings both officers confirmed. */
  readonly confirmations: ConfirmationStore;
  /** The HQ this device enrolled with, its keys pinned. */
  readonly hqLink: HqLinkStore;
  /** HQ's signed reference data. */
  readonly references: ReferenceStore;
  /** HQ's receipts, and the outbox (seals without one). */
  readonly receipts: ReceiptStore;
  /** Evidence bytes released after HQ's receipt. */
  readonly released: ReleasedBlobs;
  /** HQ's certificate of this device and its status statement (trust/ in exports). */
  readonly trust: TrustStore;
  /** Sync to HQ: enrollment, the outbox, receipts, the offline bundle. */
  readonly sync: SyncService;
  /** The device key's custodian: officers' wrapped copies, HQ's recovery copy (core/vault/). */
  readonly keys: KeyCustody;
  readonly lock: LockControl;
  /** Set by a shell that can open a capture browser (Electron); null in the web shell. */
  captureHost: CaptureHost | null;
  /** The record the open capture window writes into. */
  captureTarget: CaptureTarget | null;
  status(): AppStatus;
  close(): void;
}

export function openCore(options: CoreOptions): AppCore {
  const clock = options.clock ?? systemClock;
  const log = options.log ?? stderrLog;
  const db = openDatabase(options.dataDir, {
    key: options.custody.databaseKey(),
    ...(options.migrations ? { migrations: options.migrations } : {}),
  });
  const lock = options.lock ?? NO_LOCK;
  const inTransaction = transactionsOf(db);
  // Each table has one store that writes it (docs/ARCHITECTURE.md, «Stores»); every other module
  // reads through that store's methods. The stores and services get what they use, here.
  const settings = new SettingsStore(db);
  const hqLink = new HqLinkStore(db);
  const references = new ReferenceStore(db);
  const receipts = new ReceiptStore(db);
  const released = new ReleasedBlobs(db);
  const hqKeys = () => hqLink.keys();
  const trust = new TrustStore(db, hqKeys, receipts);
  const shipped = loadCatalog(options.catalogPath);
  // A newer catalog published by HQ (signed, applied at a sync) replaces the shipped one; a law
  // package applied at a later sync replaces it while the app runs (core/sync/law-intake.ts).
  const fromHq = newerHqCatalog(references, hqKeys(), shipped, log);
  const catalog = fromHq
    ? new CatalogHolder(fromHq.service, { origin: 'hq', appliedAt: fromHq.appliedAt })
    : new CatalogHolder(shipped, { origin: 'shipped', appliedAt: null });
  const calendar = new CalendarSource(
    { stored: (kind) => references.stored(kind), hqKeys },
    loadCalendarData(options.calendarPath),
  );
  const numbers = new CaseNumbers(db, settings);
  const office = new OfficeStore(db, clock);
  const officers = new OfficerStore(db, clock, options.passwordCost);
  const session = new TwoOfficerSession(officers, clock);
  const cases = new CaseStore(db, clock, catalog, officers, numbers);
  // The document and signature stores need each other (an edit discards signatures; a signature
  // is over a document): the document store is handed this view, bound to the signature store below.
  const documentSignatures: DocumentSignatures = {
    activeCount: (id) => signatures.activeCount(id),
    discardAll: (id, at, reason) => signatures.discardAll(id, at, reason),
  };
  // The timeline reads every store below and stops 提交签名 and 封存 in two of them: they get this view of it.
  const timelineGate = { refuse: (id: string, stage: 'signing' | 'sealing') => timeline.refuse(id, stage) };
  const evidence: EvidenceStore = new EvidenceStore({
    db,
    clock,
    log,
    dataDir: options.dataDir,
    masterKey: options.custody.evidenceKey(),
    sealedEvidence: () => seals.evidenceSha256s(),
    listedIn: (evidenceId) => documents.evidenceListing(evidenceId),
  });
  const documents: DocumentStore = new DocumentStore({
    db,
    inTransaction,
    clock,
    cases,
    officers,
    office,
    numbers,
    signatures: documentSignatures,
    evidence,
    receipts,
    timeline: timelineGate,
  });
  const pdf = new PdfService(options.fontsDir);
  const audit = new AuditLog(db, clock);
  const signatures: SignatureStore = new SignatureStore({
    db,
    inTransaction,
    clock,
    documents,
    cases,
    officers,
    session,
    pdf,
    audit,
    evidence,
    lateSigningMinutes: () => timeline.lateSigningMinutes(),
  });
  // A sitting still open now was left by a previous process: its recording is lost with it.
  if (options.endAbandonedSittings ?? true) signatures.endStaleCeremonies({ all: true });
  const device = new DeviceIdentity(db, clock);
  const seals: SealStore = new SealStore({
    db,
    inTransaction,
    clock,
    documents,
    signatures,
    session,
    pdf,
    audit,
    device,
    cases,
    evidence,
    settings,
    timeline: timelineGate,
  });
  const confirmations = new ConfirmationStore(db);
  const timeline: TimelineService = new TimelineService({
    clock,
    documents,
    signatures,
    seals,
    cases,
    evidence,
    officers,
    settings,
    confirmations,
    calendar,
  });
  evidence.cleanUpAfterCrash();
  let closed = false;
  if (options.verifyRecentEvidenceDays) {
    const since = new Date(clock.now().getTime() - options.verifyRecentEvidenceDays * 86_400_000).toISOString();
    // In the background, after start-up: a damaged or altered item is found before anyone relies on it.
    setTimeout(() => {
      evidence
        .reverify({ since, shouldStop: () => closed })
        .then((r) => {
          // Items by their random id, never their file names (which may name a person).
          if (r.failures.length)
            log.error('evidence re-verification: items failed', {
              failed: r.failures.length,
              checked: r.checked,
              items: r.failures.map((f) => `${f.id} ${f.status}`).join(', '),
            });
          else if (r.checked) log.info('evidence re-verification: recent items ok', { checked: r.checked });
        })
        .catch((e: unknown) => closed || log.error('evidence re-verification stopped', errorFields(e)));
    }, 2000).unref();
  }
  const bundle = { clock, seals, device, signatures, evidence, released, trust, audit, session, inTransaction };
  const sync = new SyncService({
    clock,
    log,
    links: hqLink,
    settings,
    references,
    receipts,
    released,
    trust,
    seals,
    evidence,
    documents,
    cases,
    signatures,
    device,
    office,
    session,
    audit,
    keys: options.custody,
    inTransaction,
    bundle,
    law: { clock, log, catalog, references, audit, session, inTransaction },
    ...(options.syncBatchTarget ? { batchTarget: options.syncBatchTarget } : {}),
    deadlines: () => openDeadlinesReport({ clock, calendar, cases, documents }),
  });
  const core: AppCore = {
    dataDir: options.dataDir,
    db,
    inTransaction,
    clock,
    log,
    catalog,
    calendar,
    office,
    officers,
    session,
    cases,
    documents,
    evidence,
    importTickets: new ImportTickets(clock),
    pdf,
    signatures,
    audit,
    device,
    seals,
    settings,
    timeline,
    confirmations,
    hqLink,
    references,
    receipts,
    released,
    trust,
    sync,
    keys: options.custody,
    lock,
    captureHost: null,
    captureTarget: null,
    status: () => {
      const agencyName = office.agencyName();
      return {
        appVersion: APP_VERSION,
        setupDone: agencyName !== null,
        agencyName,
        catalogVersion: catalog.version,
        catalogDate: catalog.date,
        session: session.state(),
        lock: lock.lockStatus(),
        hqRecovery: options.custody.hasHq(),
      };
    },
    close: () => {
      closed = true;
      sync.stopAuto();
      session.signOutAll();
      db.close();
    },
  };
  removeReleasedFiles({ released, evidence });
  return core;
}
