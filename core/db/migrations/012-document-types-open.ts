import type { Database } from 'better-sqlite3-multiple-ciphers';
import { CoreError } from '../../../protocol/runtime/core-error.ts';
import type { Migration } from '../../../protocol/runtime/migrate.ts';

// Migration 002 allowed only the four first document types (a CHECK on documents.type), and
// SQLite cannot drop a CHECK: the table is rebuilt without it, by SQLite's documented procedure
// for schema changes ALTER TABLE cannot make (https://www.sqlite.org/lang_altertable.html,
// "Making Other Kinds Of Table Schema Changes"). Which types exist is now the registry's
// (shared/documents/types/registry.ts): the document store refuses an unknown type.
//
// The table holds sealed records, so nothing else changes: every column, value and rowid is
// copied as it is; the indexes and triggers of documents (migration 005's immutability of sealed
// rows among them) are read from sqlite_schema before and recreated from their own SQL after.
// The runner (protocol/runtime/migrate.ts) runs this with foreign keys off outside the
// transaction — PRAGMA foreign_keys does nothing inside one — and checks them before commit.
const NEW_TABLE = `
  CREATE TABLE new_documents (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases (id),
    type TEXT NOT NULL,
    doc_no TEXT NOT NULL UNIQUE,
    template_version TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('draft', 'ready')),
    content_json TEXT NOT NULL CHECK (json_valid(content_json)),
    revision INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    frozen_sha256 TEXT,
    frozen_sm3 TEXT,
    frozen_pages INTEGER,
    signed_at TEXT,
    sealed_at TEXT,
    corrects_document_id TEXT REFERENCES documents (id),
    corrects_seal_sha256 TEXT,
    correction_reason TEXT
  ) STRICT`;

/** The columns, in the table's order: the copy names them, so a mismatch fails instead of shifting values. */
const COLUMNS = [
  'id',
  'case_id',
  'type',
  'doc_no',
  'template_version',
  'state',
  'content_json',
  'revision',
  'created_at',
  'updated_at',
  'frozen_sha256',
  'frozen_sm3',
  'frozen_pages',
  'signed_at',
  'sealed_at',
  'corrects_document_id',
  'corrects_seal_sha256',
  'correction_reason',
];

function rebuildDocuments(db: Database): void {
  const present = db.prepare(`SELECT name FROM pragma_table_info('documents')`).pluck().all() as string[];
  if (present.join(',') !== COLUMNS.join(','))
    throw new CoreError(
      'integrity',
      `数据库升级失败：文书表的列（${present.join('、')}）与预期不符，未做任何修改。请勿修改数据目录中的文件，并联系总部（docs/SECURITY.md）。`,
    );
  // No view exists in this schema; one would have to be dropped and recreated too (step 9).
  const views = db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'view'`).pluck().all() as string[];
  if (views.length) throw new Error(`views to recreate: ${views.join(', ')}`);
  // Step 3: the indexes and triggers of documents, as their own SQL (autoindexes come back with the constraints).
  const objects = db
    .prepare(
      `SELECT type, name, sql FROM sqlite_schema WHERE tbl_name = 'documents' AND type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY rowid`,
    )
    .all() as { type: string; name: string; sql: string }[];
  const before = db.prepare(`SELECT count(*) FROM documents`).pluck().get() as number;
  // Steps 4–7.
  db.exec(NEW_TABLE);
  const cols = COLUMNS.join(', ');
  db.exec(`INSERT INTO new_documents (rowid, ${cols}) SELECT rowid, ${cols} FROM documents`);
  const copied = db.prepare(`SELECT count(*) FROM new_documents`).pluck().get() as number;
  if (copied !== before)
    throw new CoreError(
      'integrity',
      `数据库升级失败：文书只复制了${copied}份（共${before}份），已撤销本次升级，数据未改动。`,
    );
  db.exec(`DROP TABLE documents`);
  // Legacy rename: triggers of other tables that read documents (signatures_sealed_no_update) name
  // it already; the modern rename would check them while no table of that name exists, and fail.
  db.pragma('legacy_alter_table = ON');
  try {
    db.exec(`ALTER TABLE new_documents RENAME TO documents`);
  } finally {
    db.pragma('legacy_alter_table = OFF');
  }
  // Step 8: the same indexes and triggers, from the same SQL.
  for (const o of objects) db.exec(o.sql);
}

export const migration012: Migration = {
  version: 12,
  name: 'document types open',
  foreignKeysOff: true,
  up: rebuildDocuments,
};
