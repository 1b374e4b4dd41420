// Reading an HQ's database and blobs from outside its process, as a test's witness: on SQLite the
// encrypted hq.db opened with the key derived from the test passphrase (as a restarted HQ would
// open it: a crashed transaction is rolled back), on PostgreSQL a plain connection. SQL with `?`
// parameters runs on both (numbered for PostgreSQL).
import Database from 'better-sqlite3-multiple-ciphers';
import { join } from 'node:path';
import pg from 'pg';
import { HQ_DATABASE_FILE, PG_TYPES } from '../../hq/db/hq-database.ts';
import { derive, unlockMasterKey } from '../../hq/keys/hq-keys.ts';
import { FsBlobStorage } from '../../hq/storage/fs-blob-storage.ts';
import { UploadParts } from '../../hq/storage/upload-part.ts';
import { TEST_HQ_PASSPHRASE } from './hq-engines.ts';

export interface HqProbe {
  all<T = Record<string, unknown>>(sql: string, ...params: unknown[]): Promise<T[]>;
  get<T = Record<string, unknown>>(sql: string, ...params: unknown[]): Promise<T | undefined>;
  /** A statement that returns nothing (the tests' tampering). */
  run(sql: string, ...params: unknown[]): Promise<void>;
  /** SQLite's integrity and foreign-key checks ([] when sound); PostgreSQL enforces both itself. */
  problems(): Promise<unknown[]>;
  close(): Promise<void>;
}

export async function probeHq(dataDir: string, dbUrl?: string, passphrase = TEST_HQ_PASSPHRASE): Promise<HqProbe> {
  if (dbUrl) {
    const c = new pg.Client({ connectionString: dbUrl, types: PG_TYPES });
    await c.connect();
    const numbered = (sql: string) => {
      let i = 0;
      return sql.replace(/\?/g, () => `$${++i}`);
    };
    const all = async <T>(sql: string, ...params: unknown[]) => (await c.query(numbered(sql), params)).rows as T[];
    return {
      all,
      get: async <T>(sql: string, ...params: unknown[]) => (await all<T>(sql, ...params))[0],
      run: async (sql: string, ...params: unknown[]) => void (await c.query(numbered(sql), params)),
      problems: async () => [],
      close: () => c.end(),
    };
  }
  const key = derive(await unlockMasterKey(dataDir, { passphrase })).database;
  const db = new Database(join(dataDir, HQ_DATABASE_FILE), { fileMustExist: true });
  db.pragma(`cipher='sqlcipher'`);
  db.pragma(`key="x'${key.toString('hex')}'"`);
  return {
    all: async <T>(sql: string, ...params: unknown[]) => db.prepare(sql).all(...params) as T[],
    get: async <T>(sql: string, ...params: unknown[]) => db.prepare(sql).get(...params) as T | undefined,
    run: async (sql: string, ...params: unknown[]) => void db.prepare(sql).run(...params),
    problems: async () => {
      const integrity = db.prepare(`PRAGMA integrity_check`).all() as { integrity_check: string }[];
      return [...integrity.filter((r) => r.integrity_check !== 'ok'), ...db.prepare(`PRAGMA foreign_key_check`).all()];
    },
    close: async () => void db.close(),
  };
}

/**
 * HQ's blob storage over its data folder, opened in the test's process with the key derived from
 * the test passphrase: where HQ keeps a blob or an upload (names are keyed hashes), what it holds,
 * and its plaintext — the files themselves are encrypted.
 */
export async function hqStorageWitness(
  dataDir: string,
  passphrase = TEST_HQ_PASSPHRASE,
): Promise<{ storage: FsBlobStorage; parts: UploadParts }> {
  const key = derive(await unlockMasterKey(dataDir, { passphrase })).blobs;
  return { storage: new FsBlobStorage(dataDir, key), parts: new UploadParts(key) };
}
