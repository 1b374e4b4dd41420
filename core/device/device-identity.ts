// This laptop's identity: an id and two signing keys (SM2 and Ed25519), made at first start (in
// the office set-up's transaction: ~10–30 ms, under 1 s with the first SM2 call's warm-up, against
// the seconds the officers' password hashing takes there) and kept in the database (the security feature encrypts the database and so the private keys).
// Every seal this device makes is signed with both.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { randomUUID } from 'node:crypto';
import { isoNow, type Clock } from '../clock.ts';
import { ed25519KeyPair, ed25519Sign } from '../../protocol/crypto/ed25519.ts';
import { sm2KeyPair, sm2PublicKeyPem, sm2Sign } from '../../protocol/crypto/sm2.ts';

interface DeviceRow {
  device_id: string;
  created_at: string;
  sm2_public: string;
  sm2_private: string;
  ed25519_public_pem: string;
  ed25519_private_pem: string;
}

export interface DevicePublic {
  deviceId: string;
  /** SM2 public key, 04‖x‖y hex. */
  sm2PublicKey: string;
  sm2PublicKeyPem: string;
  ed25519PublicKeyPem: string;
  /** When the keys were made (device clock): the start of HQ's certificate of them. */
  keysCreatedAt: string;
}

export class DeviceIdentity {
  private readonly db: Database;
  private readonly clock: Clock;
  constructor(db: Database, clock: Clock) {
    this.db = db;
    this.clock = clock;
  }

  /** Makes the identity if there is none yet (office set-up); returns the public part. */
  ensure(): DevicePublic {
    return this.public();
  }

  /** Also made lazily, for a data folder set up before the keys were made at set-up. */
  private row(): DeviceRow {
    let r = this.db.prepare(`SELECT * FROM device WHERE singleton = 1`).get() as DeviceRow | undefined;
    if (!r) {
      const sm2 = sm2KeyPair();
      const ed = ed25519KeyPair();
      this.db
        .prepare(
          `INSERT OR IGNORE INTO device (singleton, device_id, created_at, sm2_public, sm2_private, ed25519_public_pem, ed25519_private_pem) VALUES (1, ?, ?, ?, ?, ?, ?)`,
        )
        .run(randomUUID(), isoNow(this.clock), sm2.publicKey, sm2.privateKey, ed.publicKeyPem, ed.privateKeyPem);
      r = this.db.prepare(`SELECT * FROM device WHERE singleton = 1`).get() as DeviceRow;
    }
    return r;
  }

  /** The public half as the database holds it, or undefined before the first start (what verification reads). */
  storedPublic(): { device_id: string; sm2_public: string; ed25519_public_pem: string } | undefined {
    return this.db.prepare(`SELECT device_id, sm2_public, ed25519_public_pem FROM device`).get() as
      { device_id: string; sm2_public: string; ed25519_public_pem: string } | undefined;
  }

  public(): DevicePublic {
    const r = this.row();
    return {
      deviceId: r.device_id,
      sm2PublicKey: r.sm2_public,
      sm2PublicKeyPem: sm2PublicKeyPem(r.sm2_public),
      ed25519PublicKeyPem: r.ed25519_public_pem,
      keysCreatedAt: r.created_at,
    };
  }

  /** Ed25519 alone (request signatures to HQ: frequent, and SM2 adds nothing there). */
  signEd25519(bytes: Uint8Array): string {
    return ed25519Sign(bytes, this.row().ed25519_private_pem);
  }

  /** Both signatures over the exact bytes given. */
  sign(bytes: Uint8Array): { sm2: string; ed25519: string } {
    const r = this.row();
    return { sm2: sm2Sign(bytes, r.sm2_private, r.sm2_public), ed25519: ed25519Sign(bytes, r.ed25519_private_pem) };
  }
}
