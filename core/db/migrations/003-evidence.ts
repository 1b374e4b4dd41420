import type { Migration } from '../../../protocol/runtime/migrate.ts';

// Evidence items of a case. The bytes live in the content-addressed store (evidence/blobs/,
// named by SHA-256); a row is written only after its blob is durably in place.
export const migration003: Migration = {
  version: 3,
  name: 'evidence',
  up: (db) => {
    db.exec(`
      CREATE TABLE evidence (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases (id),
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        sm3 TEXT NOT NULL CHECK (length(sm3) = 64),
        size_bytes INTEGER NOT NULL CHECK (size_bytes >= 0),
        file_name TEXT NOT NULL,
        category TEXT NOT NULL,
        format TEXT NOT NULL,
        meta_json TEXT NOT NULL CHECK (json_valid(meta_json)),
        collected_at TEXT NOT NULL,
        created_at TEXT NOT NULL,
        verified_at TEXT,
        verify_status TEXT CHECK (verify_status IN ('ok', 'mismatch', 'missing'))
      ) STRICT;
      CREATE INDEX evidence_case ON evidence (case_id, created_at);
      CREATE INDEX evidence_sha256 ON evidence (sha256);
    `);
  },
};
