// HQ's embedded database (SQLite, WAL, synchronous=FULL — as on the device): devices and their
// keys, enrollment codes, administrators, received seals with their documents, signatures and
// evidence references, receipts, flags for staff, and signed reference data. Blobs live on disk
// (storage/fs-blob-storage.ts). Every SQL statement of HQ is in this folder's stores, so moving to
// PostgreSQL is a new implementation of them, not a rewrite (docs/HQ.md).
import Database from 'better-sqlite3-multiple-ciphers';
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { migrate, type Migration } from '../../protocol/runtime/migrate.ts';

export const HQ_DATABASE_FILE = 'hq.db';

const hq001: Migration = {
  version: 1,
  name: 'hq',
  up: (db) => {
    db.exec(`
      CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
      CREATE TABLE hq_identity (
        singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
        hq_id TEXT NOT NULL, name TEXT NOT NULL, created_at TEXT NOT NULL,
        sm2_public TEXT NOT NULL, sm2_private TEXT NOT NULL,
        ed25519_public_pem TEXT NOT NULL, ed25519_private_pem TEXT NOT NULL
      ) STRICT;
      CREATE TABLE admins (
        id TEXT PRIMARY KEY, username TEXT NOT NULL UNIQUE, password_hash TEXT NOT NULL,
        created_at TEXT NOT NULL, failed INTEGER NOT NULL DEFAULT 0, locked_until TEXT
      ) STRICT;
      CREATE TABLE admin_sessions (
        token_sha256 TEXT PRIMARY KEY, admin_id TEXT NOT NULL REFERENCES admins (id),
        created_at TEXT NOT NULL, expires_at TEXT NOT NULL
      ) STRICT;
      CREATE TABLE enrollment_codes (
        id TEXT PRIMARY KEY, code TEXT NOT NULL UNIQUE, note TEXT NOT NULL, case_prefix TEXT NOT NULL,
        created_by TEXT NOT NULL, created_at TEXT NOT NULL, expires_at TEXT NOT NULL,
        used_at TEXT, device_id TEXT
      ) STRICT;
      CREATE TABLE devices (
        device_id TEXT PRIMARY KEY, name TEXT NOT NULL, agency_name TEXT NOT NULL,
        sm2_public TEXT NOT NULL, ed25519_public_pem TEXT NOT NULL, case_prefix TEXT NOT NULL,
        enrolled_at TEXT NOT NULL, code_id TEXT NOT NULL,
        revoked_at TEXT, revoked_by TEXT, revoke_reason TEXT,
        last_seen_at TEXT, last_sync_at TEXT
      ) STRICT;
      CREATE TABLE blobs (sha256 TEXT PRIMARY KEY, sm3 TEXT NOT NULL, size INTEGER NOT NULL, stored_at TEXT NOT NULL) STRICT;
      CREATE TABLE seals (
        device_id TEXT NOT NULL REFERENCES devices (device_id),
        seq INTEGER NOT NULL,
        hq_seq INTEGER NOT NULL UNIQUE,
        document_id TEXT NOT NULL,
        payload TEXT NOT NULL,
        hash_sha256 TEXT NOT NULL, hash_sm3 TEXT NOT NULL, prev_hash TEXT NOT NULL,
        sm2_signature TEXT NOT NULL, ed25519_signature TEXT NOT NULL,
        received_at TEXT NOT NULL, via TEXT NOT NULL CHECK (via IN ('network', 'bundle')),
        receipt TEXT NOT NULL, receipt_ed25519 TEXT NOT NULL, receipt_sm2 TEXT NOT NULL,
        print_input TEXT,
        PRIMARY KEY (device_id, seq)
      ) STRICT;
      CREATE TRIGGER seals_no_update BEFORE UPDATE ON seals BEGIN SELECT RAISE(ABORT, 'received seals are immutable'); END;
      CREATE TRIGGER seals_no_delete BEFORE DELETE ON seals BEGIN SELECT RAISE(ABORT, 'received seals are immutable'); END;
      CREATE TABLE seal_signatures (
        device_id TEXT NOT NULL, seq INTEGER NOT NULL, signature_id TEXT NOT NULL,
        record TEXT NOT NULL, image_png BLOB, strokes TEXT,
        PRIMARY KEY (device_id, seq, signature_id),
        FOREIGN KEY (device_id, seq) REFERENCES seals (device_id, seq)
      ) STRICT;
      CREATE TABLE seal_evidence (
        device_id TEXT NOT NULL, seq INTEGER NOT NULL, evidence_id TEXT NOT NULL,
        sha256 TEXT NOT NULL REFERENCES blobs (sha256), file_name TEXT NOT NULL, category TEXT NOT NULL, size INTEGER NOT NULL,
        PRIMARY KEY (device_id, seq, evidence_id),
        FOREIGN KEY (device_id, seq) REFERENCES seals (device_id, seq)
      ) STRICT;
      CREATE TABLE documents (
        id TEXT PRIMARY KEY, device_id TEXT NOT NULL, seq INTEGER NOT NULL, case_id TEXT NOT NULL,
        type TEXT NOT NULL, doc_no TEXT NOT NULL, sealed_at TEXT NOT NULL,
        FOREIGN KEY (device_id, seq) REFERENCES seals (device_id, seq)
      ) STRICT;
      CREATE INDEX documents_case ON documents (case_id);
      CREATE TABLE cases (
        id TEXT PRIMARY KEY, case_no TEXT NOT NULL, party_name TEXT NOT NULL, matter_name TEXT NOT NULL,
        status TEXT NOT NULL, device_id TEXT NOT NULL, updated_at TEXT NOT NULL
      ) STRICT;
      CREATE TABLE flags (
        id INTEGER PRIMARY KEY, device_id TEXT NOT NULL, seq INTEGER,
        kind TEXT NOT NULL CHECK (kind IN ('conflict', 'gap', 'chain', 'verification', 'revoked')),
        detail TEXT NOT NULL, created_at TEXT NOT NULL, resolved_at TEXT
      ) STRICT;
      CREATE TABLE reference_data (
        kind TEXT PRIMARY KEY, version INTEGER NOT NULL, issued_at TEXT NOT NULL, data TEXT NOT NULL, ed25519 TEXT NOT NULL
      ) STRICT;
      CREATE TABLE events (
        id INTEGER PRIMARY KEY, at TEXT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL, detail TEXT NOT NULL
      ) STRICT;
      CREATE TRIGGER events_no_update BEFORE UPDATE ON events BEGIN SELECT RAISE(ABORT, 'the HQ event log is append-only'); END;
      CREATE TRIGGER events_no_delete BEFORE DELETE ON events BEGIN SELECT RAISE(ABORT, 'the HQ event log is append-only'); END;
    `);
  },
};

export const HQ_MIGRATIONS: readonly Migration[] = [hq001];

export function openHqDatabase(dataDir: string): Db {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const db = new Database(join(dataDir, HQ_DATABASE_FILE));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db, HQ_MIGRATIONS);
  return db;
}
