import type { Migration } from '../../../protocol/runtime/migrate.ts';

// Sync to HQ. The link to one HQ (its address, its pinned public keys and TLS certificate
// fingerprint, the device's case-number prefix), HQ's signed receipts (one per seal, append-only:
// a receipt is the proof HQ holds the seal), and HQ's signed reference data. The outbox is not a
// table: it is every seal without a receipt, so it can never disagree with what was sealed.
export const migration007: Migration = {
  version: 7,
  name: 'sync',
  up: (db) => {
    db.exec(`
      CREATE TABLE hq_link (
        singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
        url TEXT NOT NULL,
        hq_id TEXT NOT NULL,
        hq_name TEXT NOT NULL,
        hq_ed25519_pem TEXT NOT NULL,
        hq_sm2_public TEXT NOT NULL,
        tls_fingerprint TEXT,
        case_prefix TEXT NOT NULL,
        enrolled_at TEXT NOT NULL
      ) STRICT;
      CREATE TABLE receipts (
        seal_seq INTEGER PRIMARY KEY REFERENCES seals (seq),
        seal_sha256 TEXT NOT NULL,
        hq_seq INTEGER NOT NULL,
        hq_time TEXT NOT NULL,
        receipt TEXT NOT NULL,
        ed25519 TEXT NOT NULL,
        sm2 TEXT NOT NULL,
        via TEXT NOT NULL CHECK (via IN ('network', 'file')),
        stored_at TEXT NOT NULL
      ) STRICT;
      CREATE TRIGGER receipts_no_update BEFORE UPDATE ON receipts BEGIN SELECT RAISE(ABORT, 'receipts are immutable'); END;
      CREATE TRIGGER receipts_no_delete BEFORE DELETE ON receipts BEGIN SELECT RAISE(ABORT, 'receipts are immutable'); END;
      -- Evidence bytes deliberately removed from the laptop to free space: only blobs every seal of
      -- which has HQ's receipt (the rows stay; verification then relies on the receipt).
      CREATE TABLE released_blobs (
        sha256 TEXT PRIMARY KEY,
        size_bytes INTEGER NOT NULL,
        released_at TEXT NOT NULL,
        officer_ids TEXT NOT NULL CHECK (json_valid(officer_ids))
      ) STRICT;
      CREATE TRIGGER released_no_update BEFORE UPDATE ON released_blobs BEGIN SELECT RAISE(ABORT, 'a release is final'); END;
      CREATE TRIGGER released_no_delete BEFORE DELETE ON released_blobs BEGIN SELECT RAISE(ABORT, 'a release is final'); END;
      CREATE TABLE reference_data (
        kind TEXT PRIMARY KEY,
        version INTEGER NOT NULL,
        issued_at TEXT NOT NULL,
        data TEXT NOT NULL,
        ed25519 TEXT NOT NULL,
        received_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
