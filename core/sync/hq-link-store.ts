// The HQ this device enrolled with (hq_link, one row): its address, its keys and TLS certificate
// pinned at enrollment, and the case-number prefix it assigned.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { HqKeys } from '../../protocol/sync/protocol.ts';

export interface LinkRow {
  url: string;
  hq_id: string;
  hq_name: string;
  hq_ed25519_pem: string;
  hq_sm2_public: string;
  tls_fingerprint: string | null;
  case_prefix: string;
  enrolled_at: string;
}

export const keysOf = (l: LinkRow): HqKeys => ({
  hqId: l.hq_id,
  name: l.hq_name,
  ed25519PublicKeyPem: l.hq_ed25519_pem,
  sm2PublicKey: l.hq_sm2_public,
});

export class HqLinkStore {
  private readonly db: Database;
  constructor(db: Database) {
    this.db = db;
  }

  /** The enrollment, or null before it. */
  link(): LinkRow | null {
    return (this.db.prepare(`SELECT * FROM hq_link`).get() as LinkRow | undefined) ?? null;
  }

  /** HQ's keys pinned at enrollment, or null before it. */
  keys(): HqKeys | null {
    const l = this.link();
    return l ? keysOf(l) : null;
  }

  /** Records the enrollment (inside the enrollment's transaction). */
  insert(l: LinkRow): void {
    this.db
      .prepare(
        `INSERT INTO hq_link (singleton, url, hq_id, hq_name, hq_ed25519_pem, hq_sm2_public, tls_fingerprint, case_prefix, enrolled_at) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        l.url,
        l.hq_id,
        l.hq_name,
        l.hq_ed25519_pem,
        l.hq_sm2_public,
        l.tls_fingerprint,
        l.case_prefix,
        l.enrolled_at,
      );
  }
}
