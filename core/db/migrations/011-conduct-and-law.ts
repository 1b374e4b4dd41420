import type { Migration } from '../../../protocol/runtime/migrate.ts';

// When a case's conduct happened decides which version of the law applies (docs/LAW.md):
// cases.conduct_json holds it (NULL for cases made before — the app asks for it before a legal
// basis is chosen or printed). Where the law changed between the conduct and the decision, or
// during the conduct, the officers record which version they apply and why (行政处罚法 第三十七条):
// one row per record in case_law_choices, never changed or deleted — a later record supersedes an
// earlier one, which stays as history, as milestones do (migrations 009, 010). Each row keeps the
// matter and the conduct it was made for, and the citation it chose as the catalog gave it then.
export const migration011: Migration = {
  version: 11,
  name: 'conduct date and law choices',
  up: (db) => {
    db.exec(`
      ALTER TABLE cases ADD COLUMN conduct_json TEXT CHECK (conduct_json IS NULL OR json_valid(conduct_json));
      CREATE TABLE case_law_choices (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        case_id TEXT NOT NULL REFERENCES cases (id),
        matter_id TEXT NOT NULL,
        conduct_json TEXT NOT NULL CHECK (json_valid(conduct_json)),
        period TEXT NOT NULL CHECK (period = '' OR period GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        ground TEXT NOT NULL CHECK (ground IN ('conduct-time', 'lighter')),
        note TEXT NOT NULL,
        basis TEXT NOT NULL,
        catalog_version TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        officer_ids TEXT NOT NULL
      ) STRICT;
      CREATE INDEX case_law_choices_case ON case_law_choices (case_id, id);
      CREATE TRIGGER case_law_choices_no_update BEFORE UPDATE ON case_law_choices BEGIN SELECT RAISE(ABORT, 'law choices are append-only'); END;
      CREATE TRIGGER case_law_choices_no_delete BEFORE DELETE ON case_law_choices BEGIN SELECT RAISE(ABORT, 'law choices are append-only'); END;
    `);
  },
};
