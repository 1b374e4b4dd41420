import type { Database } from 'better-sqlite3-multiple-ciphers';
import { CoreError } from './core-error.ts';

export interface Migration {
  version: number;
  name: string;
  /**
   * A table rebuild (SQLite's procedure for what ALTER TABLE cannot do): foreign keys are turned
   * off before the migration's transaction — PRAGMA foreign_keys does nothing inside one —,
   * checked with PRAGMA foreign_key_check before it commits, and turned back on after it, whether
   * it committed or not.
   */
  foreignKeysOff?: boolean;
  up: (db: Database) => void;
}

/**
 * Brings the schema to the newest version. Each migration runs in its own transaction together
 * with the `user_version` bump, so a failed migration leaves the previous version intact and is
 * never marked done. A database newer than this app is refused: an old app must not write to it.
 */
export function migrate(db: Database, migrations: readonly Migration[]): { from: number; to: number } {
  const from = db.pragma('user_version', { simple: true }) as number;
  const latest = migrations.at(-1)?.version ?? 0;
  if (from > latest) {
    throw new CoreError(
      'conflict',
      `数据文件由更新版本的程序创建（数据版本 ${from}，本程序支持到 ${latest}），本程序不能打开它。请将程序升级到最新版本后再试，切勿用旧版本修改数据。`,
    );
  }
  for (const m of migrations) {
    if (m.version <= from) continue;
    const restoreForeignKeys = m.foreignKeysOff === true && db.pragma('foreign_keys', { simple: true }) === 1;
    if (m.foreignKeysOff) db.pragma('foreign_keys = OFF');
    try {
      db.transaction(() => {
        m.up(db);
        if (m.foreignKeysOff) {
          const broken = db.pragma('foreign_key_check') as { table: string }[];
          if (broken.length)
            throw new CoreError(
              'integrity',
              `数据升级（${m.version} ${m.name}）后有${broken.length}处引用找不到对应的记录（${[...new Set(broken.map((b) => b.table))].join('、')}），已撤销本次升级，数据未改动。请联系总部（docs/SECURITY.md）。`,
            );
        }
        db.pragma(`user_version = ${m.version}`);
      })();
    } finally {
      if (restoreForeignKeys) db.pragma('foreign_keys = ON');
    }
  }
  return { from, to: Math.max(from, latest) };
}
