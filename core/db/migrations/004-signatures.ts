import type { Migration } from '../../../protocol/runtime/migrate.ts';

// Signatures and what they are bound to. When a document goes to 待签名 its content is frozen:
// the canonical serialisation's SHA-256 and SM3 are stored, and every signature binds that hash.
// A signature row is never changed or deleted (triggers): editing a signed document discards its
// signatures by stamping them, and they stay for the audit. A ceremony is one review-and-sign
// sitting, recorded on camera unless a reason is given; its recording becomes an evidence item.
export const migration004: Migration = {
  version: 4,
  name: 'signatures',
  up: (db) => {
    db.exec(`
      ALTER TABLE documents ADD COLUMN frozen_sha256 TEXT;
      ALTER TABLE documents ADD COLUMN frozen_sm3 TEXT;
      ALTER TABLE documents ADD COLUMN frozen_pages INTEGER;
      ALTER TABLE documents ADD COLUMN signed_at TEXT;

      CREATE TABLE signing_ceremonies (
        id TEXT PRIMARY KEY,
        document_id TEXT NOT NULL REFERENCES documents (id),
        started_at TEXT NOT NULL,
        recording INTEGER NOT NULL CHECK (recording IN (0, 1)),
        no_recording_reason TEXT NOT NULL DEFAULT '',
        officer_ids TEXT NOT NULL CHECK (json_valid(officer_ids)),
        ended_at TEXT,
        recording_evidence_id TEXT REFERENCES evidence (id)
      ) STRICT;

      CREATE TABLE signatures (
        id TEXT PRIMARY KEY,
        document_id TEXT NOT NULL REFERENCES documents (id),
        ceremony_id TEXT NOT NULL REFERENCES signing_ceremonies (id),
        slot_id TEXT NOT NULL,
        page INTEGER,
        page_count INTEGER NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('signed', 'refused', 'absent', 'unable')),
        role TEXT NOT NULL,
        signer_name TEXT NOT NULL,
        signer_id_number TEXT NOT NULL,
        officer_id TEXT REFERENCES officers (id),
        signed_at TEXT NOT NULL,
        doc_sha256 TEXT NOT NULL CHECK (length(doc_sha256) = 64),
        doc_sm3 TEXT NOT NULL CHECK (length(doc_sm3) = 64),
        image_png BLOB,
        image_sha256 TEXT,
        strokes_json TEXT CHECK (strokes_json IS NULL OR json_valid(strokes_json)),
        strokes_sha256 TEXT,
        reason TEXT NOT NULL,
        confirmed_by TEXT NOT NULL CHECK (json_valid(confirmed_by)),
        witness_signature_id TEXT REFERENCES signatures (id),
        binding_sha256 TEXT NOT NULL CHECK (length(binding_sha256) = 64),
        binding_sm3 TEXT NOT NULL CHECK (length(binding_sm3) = 64),
        discarded_at TEXT,
        discard_reason TEXT
      ) STRICT;
      CREATE INDEX signatures_document ON signatures (document_id, discarded_at);
      CREATE UNIQUE INDEX signatures_one_per_slot ON signatures (document_id, slot_id, ifnull(page, 0)) WHERE discarded_at IS NULL;

      CREATE TRIGGER signatures_no_delete BEFORE DELETE ON signatures
      BEGIN SELECT RAISE(ABORT, 'signatures are never deleted'); END;
      CREATE TRIGGER signatures_only_discard BEFORE UPDATE ON signatures
      WHEN OLD.discarded_at IS NOT NULL OR NEW.discarded_at IS NULL
        OR NEW.id IS NOT OLD.id OR NEW.document_id IS NOT OLD.document_id OR NEW.ceremony_id IS NOT OLD.ceremony_id
        OR NEW.slot_id IS NOT OLD.slot_id OR NEW.page IS NOT OLD.page OR NEW.page_count IS NOT OLD.page_count
        OR NEW.status IS NOT OLD.status OR NEW.role IS NOT OLD.role OR NEW.signer_name IS NOT OLD.signer_name
        OR NEW.signer_id_number IS NOT OLD.signer_id_number OR NEW.officer_id IS NOT OLD.officer_id
        OR NEW.signed_at IS NOT OLD.signed_at OR NEW.doc_sha256 IS NOT OLD.doc_sha256 OR NEW.doc_sm3 IS NOT OLD.doc_sm3
        OR NEW.image_png IS NOT OLD.image_png OR NEW.image_sha256 IS NOT OLD.image_sha256
        OR NEW.strokes_json IS NOT OLD.strokes_json OR NEW.strokes_sha256 IS NOT OLD.strokes_sha256
        OR NEW.reason IS NOT OLD.reason OR NEW.confirmed_by IS NOT OLD.confirmed_by
        OR NEW.witness_signature_id IS NOT OLD.witness_signature_id
        OR NEW.binding_sha256 IS NOT OLD.binding_sha256 OR NEW.binding_sm3 IS NOT OLD.binding_sm3
      BEGIN SELECT RAISE(ABORT, 'a signature can only be discarded, once'); END;
    `);
  },
};
