// The device master key (32 random bytes) never touches the disk in the clear. It is stored only
// wrapped, once per custodian (docs/SECURITY.md):
//  - per officer, by a key derived from their password with scrypt (parameters recorded beside it);
//  - by the operating system's keystore through Electron's safeStorage, where that is real protection;
//  - for HQ, encrypted to HQ's SM2 public key received at enrollment (GB/T 32918.4 encryption).
// Every wrap is authenticated: a wrong password or a tampered copy fails, it never yields a wrong key.
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes, scrypt } from 'node:crypto';
import { sm2 } from 'sm-crypto-v2';
import type { ScryptParams } from '../../protocol/runtime/password-hash.ts';

export const MASTER_KEY_BYTES = 32;

export interface ScryptKdf {
  name: 'scrypt';
  logN: number;
  r: number;
  p: number;
  /** base64 */
  salt: string;
}

/** Same cost as the sign-in hashes (~60 ms here): slow for guessing, quick for an officer. */
export const WRAP_SCRYPT = { logN: 15, r: 8, p: 1 } as const;

export interface PasswordWrap {
  kdf: ScryptKdf;
  /** base64: 12-byte nonce ‖ AES-256-GCM ciphertext ‖ 16-byte tag. */
  wrapped: string;
}

export const newMasterKey = (): Buffer => randomBytes(MASTER_KEY_BYTES);

/** A purpose-bound subkey: the database, the evidence store and the file names each get their own. */
export function subkey(master: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), `wxzf device key v1: ${purpose}`, 32));
}

function kek(password: string, kdf: ScryptKdf): Promise<Buffer> {
  const N = 2 ** kdf.logN;
  return new Promise((resolve, reject) =>
    scrypt(
      password.normalize('NFC'),
      Buffer.from(kdf.salt, 'base64'),
      32,
      { N, r: kdf.r, p: kdf.p, maxmem: 256 * N * kdf.r },
      (err, key) => (err ? reject(err) : resolve(key)),
    ),
  );
}

/** AES-256-GCM with a random nonce: base64 of nonce ‖ ciphertext ‖ tag; `aad` binds it to its place. */
export function seal(key: Buffer, plaintext: Buffer, aad: string): string {
  const nonce = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', key, nonce);
  c.setAAD(Buffer.from(aad, 'utf8'));
  const ct = Buffer.concat([c.update(plaintext), c.final()]);
  return Buffer.concat([nonce, ct, c.getAuthTag()]).toString('base64');
}

/** null when the key is wrong or the bytes were altered (GCM authentication failed). */
export function open(key: Buffer, wrappedB64: string, aad: string): Buffer | null {
  const b = Buffer.from(wrappedB64, 'base64');
  if (b.length < 12 + 16 + 1) return null;
  try {
    const d = createDecipheriv('aes-256-gcm', key, b.subarray(0, 12));
    d.setAAD(Buffer.from(aad, 'utf8'));
    d.setAuthTag(b.subarray(b.length - 16));
    return Buffer.concat([d.update(b.subarray(12, b.length - 16)), d.final()]);
  } catch {
    return null;
  }
}

// The AAD binds a copy to its officer: an officer's wrapped copy moved onto another's entry fails.
const officerAad = (officerId: string) => `wxzf master key v1|officer|${officerId}`;

/** `cost`: the scrypt cost, recorded in the wrap (default WRAP_SCRYPT; see KeyCustody). */
export async function wrapForPassword(
  master: Buffer,
  password: string,
  officerId: string,
  cost: ScryptParams = WRAP_SCRYPT,
): Promise<PasswordWrap> {
  const kdf: ScryptKdf = {
    name: 'scrypt',
    logN: cost.logN,
    r: cost.r,
    p: cost.p,
    salt: randomBytes(16).toString('base64'),
  };
  return { kdf, wrapped: seal(await kek(password, kdf), master, officerAad(officerId)) };
}

export async function unwrapWithPassword(w: PasswordWrap, password: string, officerId: string): Promise<Buffer | null> {
  return open(await kek(password, w.kdf), w.wrapped, officerAad(officerId));
}

/**
 * A key wrapped by a passphrase for one purpose (HQ's master key: hq/keys/), with its own scrypt
 * cost: a passphrase typed once at a server's start can afford more than an officer's unlock.
 */
export async function wrapForPassphrase(
  master: Buffer,
  passphrase: string,
  purpose: string,
  cost: { logN: number; r: number; p: number },
): Promise<PasswordWrap> {
  const kdf: ScryptKdf = { name: 'scrypt', ...cost, salt: randomBytes(16).toString('base64') };
  return { kdf, wrapped: seal(await kek(passphrase, kdf), master, `wxzf master key v1|${purpose}`) };
}

export async function unwrapWithPassphrase(
  w: PasswordWrap,
  passphrase: string,
  purpose: string,
): Promise<Buffer | null> {
  return open(await kek(passphrase, w.kdf), w.wrapped, `wxzf master key v1|${purpose}`);
}

/**
 * How a 执法证号 is found in the key file without writing it there: a salted SHA-256. Certificate
 * numbers are not secrets (they are printed on every document), so a fast hash is enough to keep
 * the key file free of readable identifiers.
 */
export const certNoHash = (salt: string, certNo: string): string =>
  createHash('sha256').update(`wxzf cert no|${salt}|${certNo.trim().toUpperCase()}`).digest('hex');

// ---- HQ recovery: SM2 public-key encryption (C1C3C2) to HQ's key pinned at enrollment ----

export interface HqWrap {
  /** HQ's SM2 public key (04‖x‖y hex) the copy is encrypted to. */
  hqSm2PublicKey: string;
  alg: 'SM2-C1C3C2';
  /** hex ciphertext of the master key. */
  wrapped: string;
}

export function wrapForHq(master: Buffer, hqSm2PublicKey: string): HqWrap {
  return { hqSm2PublicKey, alg: 'SM2-C1C3C2', wrapped: sm2.doEncrypt(Uint8Array.from(master), hqSm2PublicKey, 1) };
}

/** null when the private key is not the one the copy was made for (SM2 decryption checks C3). */
export function unwrapForHq(w: HqWrap, hqSm2PrivateKey: string): Buffer | null {
  try {
    const out = sm2.doDecrypt(w.wrapped, hqSm2PrivateKey, 1, { output: 'array' });
    return out.length === MASTER_KEY_BYTES ? Buffer.from(out) : null;
  } catch {
    return null;
  }
}

// ---- The operating system's keystore (Electron safeStorage), when it protects anything ----

/** What the Electron shell hands the core; the core never imports Electron. */
export interface OsKeystore {
  /** e.g. 'dpapi', 'keychain', 'gnome_libsecret', 'kwallet6' — recorded beside the copy. */
  backend: string;
  encrypt(plaintext: Buffer): Buffer;
  decrypt(ciphertext: Buffer): Buffer;
}

export interface OsWrap {
  backend: string;
  /** base64 */
  wrapped: string;
}
