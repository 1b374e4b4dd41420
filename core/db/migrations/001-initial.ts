import type { Migration } from '../../../protocol/runtime/migrate.ts';

// The foundation schema: office, officers, cases with their handling officers and timeline.
// STRICT tables: SQLite enforces the declared column types.
export const migration001: Migration = {
  version: 1,
  name: 'initial',
  up: (db) => {
    db.exec(`
      CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;

      CREATE TABLE office (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        agency_name TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE officers (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        cert_no TEXT NOT NULL,
        unit TEXT NOT NULL,
        password_hash TEXT NOT NULL,
        failed_attempts INTEGER NOT NULL DEFAULT 0,
        locked_until TEXT,
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX officers_cert_no ON officers (cert_no COLLATE NOCASE);

      CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL) STRICT;

      CREATE TABLE cases (
        id TEXT PRIMARY KEY,
        case_no TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL,
        source TEXT NOT NULL,
        source_note TEXT NOT NULL,
        party_json TEXT NOT NULL,
        platform_json TEXT NOT NULL,
        matter_id TEXT NOT NULL,
        summary TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('clue', 'filed', 'closed')),
        search_text TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX cases_updated_at ON cases (updated_at);

      CREATE TABLE case_officers (
        case_id TEXT NOT NULL REFERENCES cases (id),
        position INTEGER NOT NULL CHECK (position IN (1, 2)),
        officer_id TEXT NOT NULL REFERENCES officers (id),
        PRIMARY KEY (case_id, position)
      ) STRICT;

      CREATE TABLE case_events (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        case_id TEXT NOT NULL REFERENCES cases (id),
        at TEXT NOT NULL,
        kind TEXT NOT NULL,
        text TEXT NOT NULL,
        officer_ids TEXT NOT NULL
      ) STRICT;
      CREATE INDEX case_events_case ON case_events (case_id, id);
    `);
  },
};
