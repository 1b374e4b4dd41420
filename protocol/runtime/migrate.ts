import type { Database } from 'better-sqlite3-multiple-ciphers';
import { CoreError } from './core-error.ts';

export interface Migration {
  version: number;
  name: string;
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
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
  return { from, to: Math.max(from, latest) };
}
