// HQ's own identity: an id, a name and two signing keys (SM2 and Ed25519), made when HQ first
// starts. Devices pin the public keys at enrollment; every receipt, time stamp and reference-data
// version HQ hands out is signed with them. The private keys are stored only sealed (AES-256-GCM
// under a key derived from HQ's master key, hq/keys/hq-keys.ts) and held in memory while HQ runs.
import { randomBytes, randomUUID } from 'node:crypto';
import { canonicalJson } from '../shared/crypto/canonical-json.ts';
import { ed25519KeyPair, ed25519Sign } from '../protocol/crypto/ed25519.ts';
import { open, seal } from '../protocol/crypto/key-wrap.ts';
import { sm2KeyPair, sm2Sign } from '../protocol/crypto/sm2.ts';
import { CoreError } from '../protocol/runtime/core-error.ts';
import { timeSigningText, type HqKeys, type SignedTime } from '../protocol/sync/protocol.ts';
import type { HqDb } from './db/hq-database.ts';

interface Identity {
  hqId: string;
  name: string;
  sm2Public: string;
  sm2Private: string;
  ed25519PublicPem: string;
  ed25519PrivatePem: string;
}

const aad = (hqId: string, which: 'sm2' | 'ed25519') => `wxzf hq identity v1|${hqId}|${which}`;

export class HqIdentity {
  private readonly row: Identity;
  private readonly now: () => Date;
  private constructor(row: Identity, now: () => Date) {
    this.row = row;
    this.now = now;
  }

  /** HQ's identity from its database, made (and stored sealed) on the first start. */
  static async open(db: HqDb, sealKey: Buffer, now: () => Date, name = '网信执法总部'): Promise<HqIdentity> {
    let r = await db.selectFrom('hq_identity').selectAll().executeTakeFirst();
    if (!r) {
      const sm2 = sm2KeyPair();
      const ed = ed25519KeyPair();
      const hqId = randomUUID();
      await db
        .insertInto('hq_identity')
        .values({
          singleton: 1,
          hq_id: hqId,
          name,
          created_at: now().toISOString(),
          sm2_public: sm2.publicKey,
          sm2_private_sealed: seal(sealKey, Buffer.from(sm2.privateKey, 'utf8'), aad(hqId, 'sm2')),
          ed25519_public_pem: ed.publicKeyPem,
          ed25519_private_sealed: seal(sealKey, Buffer.from(ed.privateKeyPem, 'utf8'), aad(hqId, 'ed25519')),
        })
        // Two processes starting on a new database at once: the first one's identity stands.
        .onConflict((oc) => oc.column('singleton').doNothing())
        .execute();
      r = await db.selectFrom('hq_identity').selectAll().executeTakeFirstOrThrow();
    }
    const sm2Private = open(sealKey, r.sm2_private_sealed, aad(r.hq_id, 'sm2'));
    const edPrivate = open(sealKey, r.ed25519_private_sealed, aad(r.hq_id, 'ed25519'));
    if (!sm2Private || !edPrivate)
      throw new CoreError(
        'integrity',
        '总部私钥无法用此主密钥解开：数据库与 hq-key.json（或密钥文件）不是同一个总部的，或已被改动。',
      );
    return new HqIdentity(
      {
        hqId: r.hq_id,
        name: r.name,
        sm2Public: r.sm2_public,
        sm2Private: sm2Private.toString('utf8'),
        ed25519PublicPem: r.ed25519_public_pem,
        ed25519PrivatePem: edPrivate.toString('utf8'),
      },
      now,
    );
  }

  keys(): HqKeys {
    return {
      hqId: this.row.hqId,
      name: this.row.name,
      ed25519PublicKeyPem: this.row.ed25519PublicPem,
      sm2PublicKey: this.row.sm2Public,
    };
  }

  /**
   * HQ's SM2 private key, for the recovery tools (npm run hq -- recover, npm run verify -- --hq-data):
   * devices encrypt a recovery copy of their key to it at enrollment.
   */
  recoveryKey(): string {
    return this.row.sm2Private;
  }

  /** Both signatures over canonicalJson(value). */
  signJson(value: unknown): { ed25519: string; sm2: string } {
    const bytes = new TextEncoder().encode(canonicalJson(value));
    return {
      ed25519: ed25519Sign(bytes, this.row.ed25519PrivatePem),
      sm2: sm2Sign(bytes, this.row.sm2Private, this.row.sm2Public),
    };
  }

  signedTime(nonce = randomBytes(16).toString('hex')): SignedTime {
    const time = this.now().toISOString();
    return {
      time,
      nonce,
      ed25519: ed25519Sign(new TextEncoder().encode(timeSigningText(time, nonce)), this.row.ed25519PrivatePem),
    };
  }
}
