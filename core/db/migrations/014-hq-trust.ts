import type { Migration } from '../../../protocol/runtime/migrate.ts';

// HQ's certification of this device (docs/SEAL-FORMAT.md, "The trust chain"): the certificate HQ
// signed for its keys (at enrollment, or at the first sync of a device enrolled before) and HQ's
// latest statement of its status, each kept exactly as signed (text and both signatures) so that
// every bundle and seal folder can carry them in trust/. One row per kind; the status is replaced
// by a newer one at each sync, the certificate only by the same certificate.
export const migration014: Migration = {
  version: 14,
  name: 'hq trust: device certificate and status',
  up: (db) => {
    db.exec(`
      CREATE TABLE hq_trust (
        kind TEXT PRIMARY KEY CHECK (kind IN ('certificate', 'status')),
        json TEXT NOT NULL CHECK (json_valid(json)),
        sm2 TEXT NOT NULL,
        ed25519 TEXT NOT NULL,
        stored_at TEXT NOT NULL
      ) STRICT;
      CREATE TRIGGER hq_trust_certificate_kept BEFORE UPDATE ON hq_trust
        WHEN OLD.kind = 'certificate' AND NEW.json <> OLD.json
        BEGIN SELECT RAISE(ABORT, 'the device certificate is kept as HQ issued it'); END;
      CREATE TRIGGER hq_trust_no_delete BEFORE DELETE ON hq_trust BEGIN SELECT RAISE(ABORT, 'hq_trust rows are kept'); END;
    `);
  },
};
