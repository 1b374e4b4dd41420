import type { Migration } from '../../../protocol/runtime/migrate.ts';

// The on-site documents of a case. Content is one JSON value per document, replaced whole on
// every autosave in one transaction; `revision` detects a save based on stale content.
export const migration002: Migration = {
  version: 2,
  name: 'documents',
  up: (db) => {
    db.exec(`
      CREATE TABLE documents (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases (id),
        type TEXT NOT NULL CHECK (type IN ('inquiry', 'onsite', 'evidence', 'preservation')),
        doc_no TEXT NOT NULL UNIQUE,
        template_version TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('draft', 'ready')),
        content_json TEXT NOT NULL CHECK (json_valid(content_json)),
        revision INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX documents_case ON documents (case_id, created_at);
    `);
  },
};
