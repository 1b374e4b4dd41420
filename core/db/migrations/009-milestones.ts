import type { Migration } from '../../../protocol/runtime/migrate.ts';

// The dates officers record for a case's deadlines (docs/DEADLINES.md): one row per record, never
// updated or deleted — a later record of the same kind supersedes an earlier one (the latest by
// id counts). The timeline (case_events) gets the same record as text, in the same transaction.
export const migration009: Migration = {
  version: 9,
  name: 'case milestones',
  up: (db) => {
    db.exec(`
      CREATE TABLE case_milestones (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        case_id TEXT NOT NULL REFERENCES cases (id),
        kind TEXT NOT NULL CHECK (kind IN ('sourceDate', 'filingExtended', 'noticeServed', 'decisionAnnounced')),
        date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        note TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        officer_ids TEXT NOT NULL
      ) STRICT;
      CREATE INDEX case_milestones_case ON case_milestones (case_id, kind, id);
    `);
  },
};
