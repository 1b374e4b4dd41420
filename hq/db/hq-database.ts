// HQ's database on one of two engines behind one query builder (Kysely, docs/HQ.md "Database"):
//  - SQLite, embedded, in the data folder (hq.db) — the default, for one office and the demo.
//    Encrypted with SQLCipher under a key derived from HQ's master key (hq/keys/), WAL with
//    synchronous=FULL as on the device; one connection, so HQ's actions run one at a time.
//  - PostgreSQL (`--db postgres://…`), for a province: a pool of connections; what must be
//    serialized is (hq/ingest/ingest.ts: the hq_seq counter row taken first in each seal commit).
// Every SQL statement of HQ is in the stores (admin/, devices/, ingest/, browse/, reference/,
// hq-identity.ts) and runs on both.
import Database from 'better-sqlite3-multiple-ciphers';
import { CompiledQuery, Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import { Migrator, type Migration } from 'kysely/migration';
import pg from 'pg';
import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { CoreError } from '../../protocol/runtime/core-error.ts';
import { hqMigrations, type Engine } from './migrations.ts';
import type { HqTables } from './schema.ts';

export const HQ_DATABASE_FILE = 'hq.db';

export type HqDb = Kysely<HqTables>;

export interface HqDatabase {
  db: HqDb;
  engine: Engine;
  /** Where it is, without a password (for messages and the log). */
  where: string;
  close(): Promise<void>;
}

export interface OpenHqDatabaseOptions {
  dataDir: string;
  /** postgres://user@host:port/db — PostgreSQL; without it, SQLite in dataDir. */
  url?: string;
  /** SQLCipher's raw 256-bit key (SQLite only; a server database's encryption at rest is the deployment's, docs/HQ.md). */
  sqliteKey?: Buffer;
}

export const isPostgresUrl = (url: string | undefined): url is string => !!url && /^postgres(ql)?:\/\//i.test(url);

/** The URL without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://（地址无法解析）';
  }
}

// BIGINT (int8) and NUMERIC (sum()) arrive from pg as strings; HQ's values fit in a double.
const PG_INT8 = 20;
const PG_NUMERIC = 1700;
export const PG_TYPES = {
  getTypeParser: ((oid: number, format?: string) => {
    if (oid === PG_INT8 || oid === PG_NUMERIC) return (v: string) => (v === null ? null : Number(v));
    return pg.types.getTypeParser(oid, format as 'text');
  }) as typeof pg.types.getTypeParser,
};

/**
 * HQ's PostgreSQL dialect. Each new connection turns PostgreSQL's JIT compilation off where the
 * server has it: HQ's statements are short, and compiling them cost more than it saved — the
 * province-wide 封存日期 count took 199–387 ms with JIT (135 ms of it compiling) against 56 ms
 * without (bench/hq-cases-search.ts, 100,000 cases, PostgreSQL 15). Written so that a server
 * without the setting (openGauss has none) runs it as a query that changes nothing, not an error.
 */
export function hqPostgresDialect(pool: pg.Pool): PostgresDialect {
  return new PostgresDialect({
    pool,
    onCreateConnection: async (c) => {
      await c.executeQuery(
        CompiledQuery.raw(`SELECT set_config('jit', 'off', false) FROM pg_settings WHERE name = 'jit'`),
      );
    },
  });
}

const SQLITE_PLAIN_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

function isPlainSqlite(path: string): boolean {
  if (!existsSync(path)) return false;
  const fd = openSync(path, 'r');
  try {
    const b = Buffer.alloc(16);
    return readSync(fd, b, 0, 16, 0) === 16 && b.equals(SQLITE_PLAIN_HEADER);
  } finally {
    closeSync(fd);
  }
}

function openSqlite(dataDir: string, key: Buffer | undefined): Database.Database {
  const path = join(dataDir, HQ_DATABASE_FILE);
  if (key && isPlainSqlite(path))
    throw new CoreError(
      'conflict',
      `总部数据库（${path}）是旧版本创建的未加密数据库，本版本不再打开。见 docs/HQ.md「旧数据目录」：用新的数据目录启动总部，并让各终端重新登记。`,
    );
  // Created 0600 before SQLite opens it: SQLite gives its -wal and -shm files the database file's mode.
  if (!existsSync(path)) closeSync(openSync(path, 'a', 0o600));
  const db = new Database(path);
  try {
    if (key) {
      db.pragma(`cipher='sqlcipher'`);
      db.pragma(`key="x'${key.toString('hex')}'"`);
    }
    db.pragma('journal_mode = WAL');
  } catch (e) {
    db.close();
    if (/not a database/i.test((e as Error).message))
      throw new CoreError(
        'integrity',
        `总部数据库（${path}）无法用此主密钥解密：口令或密钥文件与该数据目录不符，或数据库已损坏。`,
      );
    throw e;
  }
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  return db;
}

export async function openHqDatabase(o: OpenHqDatabaseOptions): Promise<HqDatabase> {
  let out: HqDatabase;
  if (isPostgresUrl(o.url)) {
    const pool = new pg.Pool({ connectionString: o.url, types: PG_TYPES, max: 10 });
    const db = new Kysely<HqTables>({ dialect: hqPostgresDialect(pool) });
    out = { db, engine: 'postgres', where: redactUrl(o.url), close: () => db.destroy() };
  } else if (o.url) {
    throw new CoreError(
      'validation',
      `数据库地址须以 postgres:// 开头（收到「${redactUrl(o.url)}」）；不给 --db 则用数据目录中的内置数据库。`,
    );
  } else {
    const sqlite = openSqlite(o.dataDir, o.sqliteKey);
    const db = new Kysely<HqTables>({ dialect: new SqliteDialect({ database: sqlite }) });
    out = { db, engine: 'sqlite', where: join(o.dataDir, HQ_DATABASE_FILE), close: () => db.destroy() };
  }
  try {
    await migrateHq(out.db, out.engine);
  } catch (e) {
    await out.close();
    if (e instanceof CoreError) throw e;
    const err = e as Error & { code?: string };
    throw new CoreError(
      'io',
      `无法打开总部数据库（${out.where}）：${err.message}。请检查数据库服务是否在运行、地址和权限是否正确。`,
    );
  }
  return out;
}

async function migrateHq(db: HqDb, engine: Engine): Promise<void> {
  const migrations = hqMigrations(engine);
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async (): Promise<Record<string, Migration>> => migrations },
    migrationTableName: 'hq_migrations',
    migrationLockTableName: 'hq_migrations_lock',
  });
  const r = await migrator.migrateToLatest();
  if (r.error) throw r.error;
}
