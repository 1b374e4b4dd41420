// HQ composed over one data folder (and, for a province, a PostgreSQL database): its master key,
// database, blob storage, identity, administrators, device registry, ingest, reference data and
// the read side for the web page. The HTTP server (http/hq-server.ts) and the command line
// (scripts/hq.ts) are thin hosts around this.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { CoreError } from '../protocol/runtime/core-error.ts';
import { errorFields, silentLog, type Log } from '../protocol/runtime/log.ts';
import { AdminStore } from './admin/admin-store.ts';
import { Browse } from './browse/browse.ts';
import { CaseReader } from './cases/case-reader.ts';
import { HQ_DATABASE_FILE, isPostgresUrl, openHqDatabase, type HqDb } from './db/hq-database.ts';
import type { Engine } from './db/migrations.ts';
import type { OfficeLevel } from './db/schema.ts';
import { mayAt, type Viewer } from './db/scope.ts';
import type { DeviceRow } from './devices/device-row.ts';
import { DeadlineStore } from './deadlines/deadline-store.ts';
import { sweepExportScratch } from './export/export-scratch.ts';
import { DeviceRegistry } from './devices/device-registry.ts';
import { eventLog, type EventLog } from './events.ts';
import { HqIdentity } from './hq-identity.ts';
import { importBundle, type ReceiptsFile } from './ingest/import-bundle.ts';
import { Ingest } from './ingest/ingest.ts';
import {
  checkPrivateFolder,
  derive,
  initMasterKey,
  isInitialised,
  unlockMasterKey,
  type HqKeySource,
} from './keys/hq-keys.ts';
import { OfficeStore } from './offices/office-store.ts';
import { SealedPrinter } from './print/print-sealed.ts';
import { ReferenceStore } from './reference/reference-store.ts';
import type { BlobStorage } from './storage/blob-storage.ts';
import { FsBlobStorage } from './storage/fs-blob-storage.ts';
import type { StoredBlob } from './storage/blob-storage.ts';
import { hqVerifyPool } from './ingest/verify-batch.ts';

export interface HqOptions {
  dataDir: string;
  /** How HQ's master key is unlocked (a new data folder is initialised with it: docs/HQ.md). */
  key: HqKeySource;
  /** postgres://… — HQ's database on a PostgreSQL server; without it, SQLite (hq.db) in dataDir. */
  db?: string;
  now?: () => Date;
  name?: string;
  /** The root office's level when it is made (省/市/区县); guessed from HQ's name otherwise. */
  rootLevel?: OfficeLevel;
  /** Fonts for printing; defaults to the shipped assets/fonts. */
  fontsDir?: string;
  /** HQ's diagnostics (scripts/hq.ts: HQDATA/logs/hq.N.log); silent when not given (tools, tests). */
  log?: Log;
}

export interface HqApp {
  dataDir: string;
  db: HqDb;
  engine: Engine;
  now: () => Date;
  identity: HqIdentity;
  admins: AdminStore;
  offices: OfficeStore;
  devices: DeviceRegistry;
  storage: BlobStorage;
  ingest: Ingest;
  reference: ReferenceStore;
  browse: Browse;
  /** The devices' open deadlines as they last reported them (总览). */
  deadlines: DeadlineStore;
  /** Staff reads of cases, documents and evidence: limited to the viewer's offices, each one logged. */
  cases: CaseReader;
  /** Prints received documents (PDF) from their print input, checked against the seal. */
  printer: SealedPrinter;
  logEvent: EventLog;
  /** The diagnostics log (not the event log above, which is HQ's record in its database). */
  log: Log;
  /** `viewer`: a staff member importing from the web page — only their offices' devices (404 otherwise). */
  importBundle(path: string, actor: string, viewer?: Viewer): Promise<ReceiptsFile>;
  close(): Promise<void>;
}

/**
 * The data folder made private (0700) when new, refused when group or others can enter it; the
 * master key unlocked (or made, for a new folder).
 */
async function masterKeyFor(dataDir: string, key: HqKeySource, postgres: boolean): Promise<Buffer> {
  if (!existsSync(dataDir)) mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  checkPrivateFolder(dataDir);
  if (isInitialised(dataDir)) return unlockMasterKey(dataDir, key);
  if (!postgres && existsSync(join(dataDir, HQ_DATABASE_FILE)))
    throw new CoreError(
      'conflict',
      `总部数据目录（${dataDir}）中有数据库却没有 hq-key.json：这是旧版本创建的未加密目录，或密钥文件丢失了。见 docs/HQ.md「旧数据目录」。`,
    );
  return initMasterKey(dataDir, key);
}

export async function openHq(options: HqOptions): Promise<HqApp> {
  const now = options.now ?? (() => new Date());
  const log = options.log ?? silentLog;
  const postgres = isPostgresUrl(options.db);
  const keys = derive(await masterKeyFor(options.dataDir, options.key, postgres));
  const database = await openHqDatabase({
    dataDir: options.dataDir,
    ...(options.db ? { url: options.db } : {}),
    sqliteKey: keys.database,
  });
  const db = database.db;
  try {
    const logEvent = eventLog(db, now);
    const identity = await HqIdentity.open(db, keys.identity, now, options.name);
    const reference = new ReferenceStore(db, now, identity);
    const devices = new DeviceRegistry(db, now, identity, logEvent, () => reference.all());
    // A finished upload is re-hashed and encrypted on the worker pool, not on the event loop.
    const storage = new FsBlobStorage(options.dataDir, keys.blobs, (key, part, tmp) =>
      hqVerifyPool().call<StoredBlob>('encryptPart', key, part, tmp),
    );
    // Uploads abandoned for a week are removed; an interrupted one resumes within that time.
    storage.sweepPartials(7 * 86_400_000);
    sweepExportScratch(options.dataDir);
    const ingest = new Ingest(db, now, identity, devices, log);
    const offices = new OfficeStore(db, now, logEvent);
    await offices.ensureRoot(identity.keys().name, options.rootLevel);
    const browse = new Browse(db);
    return {
      dataDir: options.dataDir,
      db,
      engine: database.engine,
      now,
      identity,
      admins: new AdminStore(db, now, offices, logEvent),
      offices,
      devices,
      storage,
      ingest,
      reference,
      browse,
      deadlines: new DeadlineStore(db, now),
      cases: new CaseReader(db, now, browse),
      printer: new SealedPrinter(options.fontsDir),
      logEvent,
      log,
      async importBundle(path, actor, viewer) {
        const started = Date.now();
        try {
          const mayImport = viewer
            ? async (d: DeviceRow) => {
                const office = d.office_id ? await offices.get(d.office_id) : null;
                return !!office && mayAt(viewer, office.path, 'reviewer');
              }
            : undefined;
          const { officeId, ...r } = await importBundle(path, {
            devices,
            ingest,
            storage,
            hqId: identity.keys().hqId,
            ...(mayImport ? { mayImport } : {}),
          });
          await logEvent(
            actor,
            'import',
            `导入封存包：设备 ${r.deviceId}，${r.receipts.length}个封存`,
            undefined,
            officeId,
          );
          log.info('bundle imported', { device: r.deviceId, seals: r.receipts.length, ms: Date.now() - started });
          return r;
        } catch (e) {
          // No path: the bundle's file name may name a case or a person.
          log.error('bundle import refused', { ...errorFields(e), ms: Date.now() - started });
          throw e;
        }
      },
      close: () => database.close(),
    };
  } catch (e) {
    await database.close();
    throw e;
  }
}

/**
 * HQ's SM2 private key, for the recovery tools (npm run hq -- recover, npm run verify -- --hq-data):
 * devices encrypt a recovery copy of their key to it at enrollment. Needs HQ's master key.
 */
export async function hqRecoveryKey(o: { dataDir: string; key: HqKeySource; db?: string }): Promise<string> {
  if (!isInitialised(o.dataDir))
    throw new CoreError('not_found', `「${o.dataDir}」不是总部数据目录（其中没有 hq-key.json）。`);
  const hq = await openHq(o);
  try {
    return hq.identity.recoveryKey();
  } finally {
    await hq.close();
  }
}
