import type { Migration } from '../../../protocol/runtime/migrate.ts';

// The case context a document prints (agency, case number and title, party, matter), copied into
// the document when it goes to 待签名 (docs/RECORDS.md «The case context is frozen at 待签名»): a
// signed or sealed document prints what its signers saw, whatever the case says later. NULL for a
// draft, and for documents made ready before this migration (they print the live context, as before).
export const migration016: Migration = {
  version: 16,
  name: 'documents: case context frozen at 待签名',
  up: (db) => {
    db.exec(
      `ALTER TABLE documents ADD COLUMN context_json TEXT CHECK (context_json IS NULL OR json_valid(context_json));`,
    );
  },
};
