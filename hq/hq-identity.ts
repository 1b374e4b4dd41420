// HQ's own identity: an id, a name and two signing keys (SM2 and Ed25519), made when HQ first
// starts. Devices pin the public keys at enrollment; every receipt, time stamp and reference-data
// version HQ hands out is signed with them.
import Database from 'better-sqlite3-multiple-ciphers';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CoreError } from '../protocol/runtime/core-error.ts';
import { HQ_DATABASE_FILE } from './db/hq-database.ts';
import { randomBytes, randomUUID } from 'node:crypto';
import { canonicalJson } from '../shared/crypto/canonical-json.ts';
import { ed25519KeyPair, ed25519Sign } from '../protocol/crypto/ed25519.ts';
import { sm2KeyPair, sm2Sign } from '../protocol/crypto/sm2.ts';
import { timeSigningText, type HqKeys, type SignedTime } from '../protocol/sync/protocol.ts';

interface IdentityRow {
  hq_id: string;
  name: string;
  sm2_public: string;
  sm2_private: string;
  ed25519_public_pem: string;
  ed25519_private_pem: string;
}

/**
 * HQ's SM2 private key, read from its data folder by the recovery tools (npm run hq -- recover,
 * npm run verify -- --hq-data): devices encrypt a recovery copy of their key to it at enrollment.
 */
export function hqRecoveryKey(hqDataDir: string): string {
  const path = join(hqDataDir, HQ_DATABASE_FILE);
  if (!existsSync(path))
    throw new CoreError('not_found', `「${hqDataDir}」不是总部数据目录（其中没有 ${HQ_DATABASE_FILE}）。`);
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const r = db.prepare(`SELECT sm2_private FROM hq_identity`).get() as { sm2_private: string } | undefined;
    if (!r) throw new CoreError('not_found', '总部数据目录中还没有总部密钥（总部从未启动过）。');
    return r.sm2_private;
  } finally {
    db.close();
  }
}

export class HqIdentity {
  private readonly row: IdentityRow;
  private readonly now: () => Date;
  constructor(db: Database.Database, now: () => Date, name = '网信执法总部') {
    this.now = now;
    let r = db.prepare(`SELECT * FROM hq_identity`).get() as IdentityRow | undefined;
    if (!r) {
      const sm2 = sm2KeyPair();
      const ed = ed25519KeyPair();
      db.prepare(
        `INSERT INTO hq_identity (singleton, hq_id, name, created_at, sm2_public, sm2_private, ed25519_public_pem, ed25519_private_pem) VALUES (1, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(randomUUID(), name, now().toISOString(), sm2.publicKey, sm2.privateKey, ed.publicKeyPem, ed.privateKeyPem);
      r = db.prepare(`SELECT * FROM hq_identity`).get() as IdentityRow;
    }
    this.row = r;
  }

  keys(): HqKeys {
    return {
      hqId: this.row.hq_id,
      name: this.row.name,
      ed25519PublicKeyPem: this.row.ed25519_public_pem,
      sm2PublicKey: this.row.sm2_public,
    };
  }

  /** Both signatures over canonicalJson(value). */
  signJson(value: unknown): { ed25519: string; sm2: string } {
    const bytes = new TextEncoder().encode(canonicalJson(value));
    return {
      ed25519: ed25519Sign(bytes, this.row.ed25519_private_pem),
      sm2: sm2Sign(bytes, this.row.sm2_private, this.row.sm2_public),
    };
  }

  signedTime(nonce = randomBytes(16).toString('hex')): SignedTime {
    const time = this.now().toISOString();
    return {
      time,
      nonce,
      ed25519: ed25519Sign(new TextEncoder().encode(timeSigningText(time, nonce)), this.row.ed25519_private_pem),
    };
  }
}
