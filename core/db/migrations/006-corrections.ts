import type { Migration } from '../../../protocol/runtime/migrate.ts';

// 补正: a document that corrects a sealed one names it (and its seal's hash) with a reason. The
// sealed original is never touched: "已补正" is derived from the correction that points at it.
export const migration006: Migration = {
  version: 6,
  name: 'corrections',
  up: (db) => {
    db.exec(`
      ALTER TABLE documents ADD COLUMN corrects_document_id TEXT REFERENCES documents (id);
      ALTER TABLE documents ADD COLUMN corrects_seal_sha256 TEXT;
      ALTER TABLE documents ADD COLUMN correction_reason TEXT;
      CREATE INDEX documents_corrects ON documents (corrects_document_id);
    `);
  },
};
