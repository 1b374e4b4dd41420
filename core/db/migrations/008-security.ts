import type { Migration } from '../../../protocol/runtime/migrate.ts';

// Security: the idle time after which the app locks itself (minutes, set by two officers).
// Officers are removed by clearing `active` (their records stay attributed to them); their copy
// of the device key lives outside the database, in keys.json (core/vault/).
export const migration008: Migration = {
  version: 8,
  name: 'security',
  up: (db) => {
    db.exec(
      `ALTER TABLE office ADD COLUMN idle_lock_minutes INTEGER NOT NULL DEFAULT 5 CHECK (idle_lock_minutes BETWEEN 1 AND 60);`,
    );
  },
};
