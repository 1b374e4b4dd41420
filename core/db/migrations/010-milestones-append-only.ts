import type { Migration } from '../../../protocol/runtime/migrate.ts';

// Milestones were append-only by convention (migration 009: a later record supersedes an earlier
// one); the deadlines computed from them are legal periods, so the database now refuses changes
// too, as it does for receipts and the audit log.
export const migration010: Migration = {
  version: 10,
  name: 'milestones append-only',
  up: (db) => {
    db.exec(`
      CREATE TRIGGER case_milestones_no_update BEFORE UPDATE ON case_milestones BEGIN SELECT RAISE(ABORT, 'milestones are append-only'); END;
      CREATE TRIGGER case_milestones_no_delete BEFORE DELETE ON case_milestones BEGIN SELECT RAISE(ABORT, 'milestones are append-only'); END;
    `);
  },
};
