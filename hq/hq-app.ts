// HQ composed over one data folder: its database, blob storage, identity, administrators, device
// registry, ingest, reference data and the read side for the web page. The HTTP server
// (http/hq-server.ts) and the command line (scripts/hq.ts) are thin hosts around this.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { errorFields, silentLog, type Log } from '../protocol/runtime/log.ts';
import { AdminStore } from './admin/admin-store.ts';
import { Browse } from './browse/browse.ts';
import { openHqDatabase } from './db/hq-database.ts';
import { DeviceRegistry } from './devices/device-registry.ts';
import { HqIdentity } from './hq-identity.ts';
import { importBundle, type ReceiptsFile } from './ingest/import-bundle.ts';
import { Ingest } from './ingest/ingest.ts';
import { SealedPrinter } from './print/print-sealed.ts';
import { ReferenceStore } from './reference/reference-store.ts';
import type { BlobStorage } from './storage/blob-storage.ts';
import { FsBlobStorage } from './storage/fs-blob-storage.ts';

export interface HqOptions {
  dataDir: string;
  now?: () => Date;
  name?: string;
  /** Fonts for printing; defaults to the shipped assets/fonts. */
  fontsDir?: string;
  /** HQ's diagnostics (scripts/hq.ts: HQDATA/logs/hq.N.log); silent when not given (tools, tests). */
  log?: Log;
}

export interface HqApp {
  dataDir: string;
  db: Database;
  now: () => Date;
  identity: HqIdentity;
  admins: AdminStore;
  devices: DeviceRegistry;
  storage: BlobStorage;
  ingest: Ingest;
  reference: ReferenceStore;
  browse: Browse;
  /** Prints received documents (PDF) from their print input, checked against the seal. */
  printer: SealedPrinter;
  logEvent(actor: string, action: string, detail: string): void;
  /** The diagnostics log (not the event log above, which is HQ's record in its database). */
  log: Log;
  importBundle(path: string, actor: string): Promise<ReceiptsFile>;
  close(): void;
}

export function openHq(options: HqOptions): HqApp {
  const now = options.now ?? (() => new Date());
  const log = options.log ?? silentLog;
  const db = openHqDatabase(options.dataDir);
  const logEvent = (actor: string, action: string, detail: string) => {
    db.prepare(`INSERT INTO events (at, actor, action, detail) VALUES (?, ?, ?, ?)`).run(
      now().toISOString(),
      actor,
      action,
      detail,
    );
  };
  const identity = new HqIdentity(db, now, options.name);
  const reference = new ReferenceStore(db, now, identity);
  const devices = new DeviceRegistry(db, now, identity, logEvent, () => reference.all());
  const storage = new FsBlobStorage(options.dataDir);
  // Uploads abandoned for a week are removed; an interrupted one resumes within that time.
  storage.sweepPartials(7 * 86_400_000);
  const ingest = new Ingest(db, now, identity, devices, log);
  const app: HqApp = {
    dataDir: options.dataDir,
    db,
    now,
    identity,
    admins: new AdminStore(db, now),
    devices,
    storage,
    ingest,
    reference,
    browse: new Browse(db),
    printer: new SealedPrinter(options.fontsDir),
    logEvent,
    log,
    async importBundle(path, actor) {
      const started = Date.now();
      try {
        const r = await importBundle(path, { devices, ingest, storage, hqId: identity.keys().hqId });
        logEvent(actor, 'import', `导入封存包：设备 ${r.deviceId}，${r.receipts.length}个封存`);
        log.info('bundle imported', { device: r.deviceId, seals: r.receipts.length, ms: Date.now() - started });
        return r;
      } catch (e) {
        // No path: the bundle's file name may name a case or a person.
        log.error('bundle import refused', { ...errorFields(e), ms: Date.now() - started });
        throw e;
      }
    },
    close: () => db.close(),
  };
  return app;
}
