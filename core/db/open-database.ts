import Database from 'better-sqlite3-multiple-ciphers';
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { CoreError } from '../../protocol/runtime/core-error.ts';
import { migrate, type Migration } from '../../protocol/runtime/migrate.ts';
import { MIGRATIONS } from './migrations/index.ts';

export const DATABASE_FILE = 'device.db';

export interface OpenDatabaseOptions {
  /** SQLCipher's raw 256-bit key (core/vault/): the file then holds no plaintext. Only tools and tests open without. */
  key?: Buffer;
  /** The migrations to bring it to (tests of a migration open a folder at the version before); default all. */
  migrations?: readonly Migration[];
}

/**
 * Opens (creating if needed) the device database in `dataDir`, durable against power loss:
 * WAL with synchronous=FULL (a committed transaction survives a crash; TECH-NOTES.md).
 */
export function openDatabase(dataDir: string, options: OpenDatabaseOptions = {}): Db {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  let db: Db | undefined;
  try {
    db = new Database(join(dataDir, DATABASE_FILE));
    if (options.key) {
      db.pragma(`cipher='sqlcipher'`);
      db.pragma(`key="x'${options.key.toString('hex')}'"`);
    }
    db.pragma('journal_mode = WAL');
  } catch (e) {
    db?.close();
    if (options.key && /not a database/i.test((e as Error).message)) {
      throw new CoreError(
        'integrity',
        `数据库（${join(dataDir, DATABASE_FILE)}）无法用本机密钥解密：密钥文件与数据库不是同一台设备的，或数据库已损坏。请勿修改数据目录中的文件；如需恢复，请联系总部（docs/SECURITY.md）。`,
      );
    }
    throw new CoreError(
      'io',
      `无法打开数据文件（${join(dataDir, DATABASE_FILE)}）：${(e as Error).message}。请检查数据目录是否存在、可写，且未被其他程序占用。`,
    );
  }
  db = db!;
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db, options.migrations ?? MIGRATIONS);
  return db;
}
