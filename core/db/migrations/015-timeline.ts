import type { Migration } from '../../../protocol/runtime/migrate.ts';

// The case timeline (docs/RECORDS.md «The case timeline»):
// - office_heads: the agency's 机关负责人 (a role: a 先行登记保存 is approved by one of them,
//   行政处罚法 第五十六条), kept by the officers on the device; removed ones stay (documents name them);
// - timeline_confirmations: a warning both officers confirmed with their passwords (a witness on
//   the party's side, one identity number for two names): append-only, as the record of who
//   vouched for what, when and why;
// - signing_ceremonies.late_reason: why a sitting began long after its record was complete,
//   given when it started; each signature made in it carries the reason (bound and sealed).
export const migration015: Migration = {
  version: 15,
  name: 'case timeline: heads of the agency, confirmed warnings, late signing',
  up: (db) => {
    db.exec(`
      CREATE TABLE office_heads (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL CHECK (length(trim(name)) > 0),
        title TEXT NOT NULL,
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE TABLE timeline_confirmations (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        case_id TEXT NOT NULL REFERENCES cases (id),
        document_id TEXT REFERENCES documents (id),
        rule TEXT NOT NULL CHECK (rule IN ('witnessIsParty', 'sharedIdNumber')),
        subject TEXT NOT NULL,
        message TEXT NOT NULL,
        note TEXT NOT NULL CHECK (length(trim(note)) > 0),
        officer_ids TEXT NOT NULL CHECK (json_valid(officer_ids)),
        confirmed_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX timeline_confirmations_case ON timeline_confirmations (case_id, id);
      CREATE TRIGGER timeline_confirmations_no_update BEFORE UPDATE ON timeline_confirmations BEGIN SELECT RAISE(ABORT, 'confirmations are append-only'); END;
      CREATE TRIGGER timeline_confirmations_no_delete BEFORE DELETE ON timeline_confirmations BEGIN SELECT RAISE(ABORT, 'confirmations are append-only'); END;
      ALTER TABLE signing_ceremonies ADD COLUMN late_reason TEXT NOT NULL DEFAULT '';
    `);
  },
};
