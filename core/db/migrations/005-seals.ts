import type { Migration } from '../../../protocol/runtime/migrate.ts';

// Sealing. The device's identity and keys; the append-only, hash-chained audit log; seals, each
// the device's next link (sequence number, previous seal's hash) over a document with its
// signatures and evidence. Sealed means immutable here, in the database: triggers refuse changes
// to sealed documents, their signatures, the evidence they reference, the seals and the audit log.
export const migration005: Migration = {
  version: 5,
  name: 'seals',
  up: (db) => {
    db.exec(`
      CREATE TABLE device (
        singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
        device_id TEXT NOT NULL,
        created_at TEXT NOT NULL,
        sm2_public TEXT NOT NULL,
        sm2_private TEXT NOT NULL,
        ed25519_public_pem TEXT NOT NULL,
        ed25519_private_pem TEXT NOT NULL
      ) STRICT;

      CREATE TABLE audit_log (
        seq INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        officer_ids TEXT NOT NULL CHECK (json_valid(officer_ids)),
        action TEXT NOT NULL,
        case_id TEXT,
        targets TEXT NOT NULL CHECK (json_valid(targets)),
        detail TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL UNIQUE
      ) STRICT;
      CREATE INDEX audit_case ON audit_log (case_id, seq);
      CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
      CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

      CREATE TABLE seals (
        seq INTEGER PRIMARY KEY,
        document_id TEXT NOT NULL UNIQUE REFERENCES documents (id),
        payload TEXT NOT NULL,
        hash_sha256 TEXT NOT NULL UNIQUE CHECK (length(hash_sha256) = 64),
        hash_sm3 TEXT NOT NULL CHECK (length(hash_sm3) = 64),
        prev_hash TEXT NOT NULL,
        sm2_signature TEXT NOT NULL,
        ed25519_signature TEXT NOT NULL,
        sealed_at TEXT NOT NULL
      ) STRICT;
      CREATE TRIGGER seals_no_update BEFORE UPDATE ON seals BEGIN SELECT RAISE(ABORT, 'seals are immutable'); END;
      CREATE TRIGGER seals_no_delete BEFORE DELETE ON seals BEGIN SELECT RAISE(ABORT, 'seals are immutable'); END;

      CREATE TABLE seal_evidence (
        seal_seq INTEGER NOT NULL REFERENCES seals (seq),
        evidence_id TEXT NOT NULL REFERENCES evidence (id),
        PRIMARY KEY (seal_seq, evidence_id)
      ) STRICT;
      CREATE TRIGGER seal_evidence_no_change BEFORE UPDATE ON seal_evidence BEGIN SELECT RAISE(ABORT, 'seals are immutable'); END;
      CREATE TRIGGER seal_evidence_no_delete BEFORE DELETE ON seal_evidence BEGIN SELECT RAISE(ABORT, 'seals are immutable'); END;

      ALTER TABLE documents ADD COLUMN sealed_at TEXT;
      CREATE TRIGGER documents_sealed_no_update BEFORE UPDATE ON documents WHEN OLD.sealed_at IS NOT NULL
      BEGIN SELECT RAISE(ABORT, 'a sealed document is immutable'); END;
      CREATE TRIGGER documents_sealed_no_delete BEFORE DELETE ON documents WHEN OLD.sealed_at IS NOT NULL
      BEGIN SELECT RAISE(ABORT, 'a sealed document is immutable'); END;
      CREATE TRIGGER signatures_sealed_no_update BEFORE UPDATE ON signatures
      WHEN (SELECT sealed_at FROM documents WHERE id = OLD.document_id) IS NOT NULL
      BEGIN SELECT RAISE(ABORT, 'the signatures of a sealed document are immutable'); END;
      -- Evidence a seal references keeps its identity; only the re-verification stamp may change.
      CREATE TRIGGER evidence_sealed_no_update BEFORE UPDATE ON evidence
      WHEN EXISTS (SELECT 1 FROM seal_evidence WHERE evidence_id = OLD.id)
        AND (NEW.id IS NOT OLD.id OR NEW.case_id IS NOT OLD.case_id OR NEW.sha256 IS NOT OLD.sha256 OR NEW.sm3 IS NOT OLD.sm3
          OR NEW.size_bytes IS NOT OLD.size_bytes OR NEW.file_name IS NOT OLD.file_name OR NEW.category IS NOT OLD.category
          OR NEW.format IS NOT OLD.format OR NEW.meta_json IS NOT OLD.meta_json OR NEW.collected_at IS NOT OLD.collected_at)
      BEGIN SELECT RAISE(ABORT, 'evidence referenced by a seal is immutable'); END;
      CREATE TRIGGER evidence_sealed_no_delete BEFORE DELETE ON evidence
      WHEN EXISTS (SELECT 1 FROM seal_evidence WHERE evidence_id = OLD.id)
      BEGIN SELECT RAISE(ABORT, 'evidence referenced by a seal is immutable'); END;
    `);
  },
};
