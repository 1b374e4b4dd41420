// keys.json: the wrapped copies of the device master key (key-wrap.ts), beside the encrypted
// database. It holds no readable personal data: officers are found by a salted hash of their
// 执法证号. Written atomically (temp, fsync, rename) after every change, so a crash leaves the old
// file or the new one. KeyCustody is the in-memory custodian of an unlocked device.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { CoreError } from '../../protocol/runtime/core-error.ts';
import type { ScryptParams } from '../../protocol/runtime/password-hash.ts';
import { writeFileAtomic } from '../../protocol/runtime/write-file-atomic.ts';
import {
  certNoHash,
  newMasterKey,
  subkey,
  unwrapWithPassword,
  wrapForHq,
  wrapForPassword,
  type HqWrap,
  type OsKeystore,
  type OsWrap,
  type PasswordWrap,
  WRAP_SCRYPT,
} from '../../protocol/crypto/key-wrap.ts';

export const KEY_FILE = 'keys.json';
export const KEY_FILE_FORMAT = 'wxzf-device-keys-v1';

const KeyFileSchema = z.object({
  format: z.literal(KEY_FILE_FORMAT),
  /** Salt of the 执法证号 hashes. */
  certSalt: z.string(),
  officers: z.array(
    z.object({
      officerId: z.string(),
      certNoHash: z.string(),
      kdf: z.object({
        name: z.literal('scrypt'),
        logN: z.number().int(),
        r: z.number().int(),
        p: z.number().int(),
        salt: z.string(),
      }),
      wrapped: z.string(),
    }),
  ),
  os: z.object({ backend: z.string(), wrapped: z.string() }).nullable(),
  hq: z.object({ hqSm2PublicKey: z.string(), alg: z.literal('SM2-C1C3C2'), wrapped: z.string() }).nullable(),
});
export type KeyFile = z.infer<typeof KeyFileSchema>;
export type OfficerWrap = KeyFile['officers'][number];

export const keyFilePath = (dataDir: string) => join(dataDir, KEY_FILE);

export function readKeyFile(dataDir: string): KeyFile | null {
  const path = keyFilePath(dataDir);
  if (!existsSync(path)) return null;
  let parsed;
  try {
    parsed = KeyFileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  } catch {
    parsed = null;
  }
  if (!parsed?.success)
    throw new CoreError(
      'integrity',
      `密钥文件（${path}）已损坏或不是本程序的格式，无法解锁本机数据。请联系总部，用总部的恢复密钥处理（docs/SECURITY.md）。`,
    );
  return parsed.data;
}

export const emptyKeyFile = (): KeyFile => ({
  format: KEY_FILE_FORMAT,
  certSalt: randomBytes(16).toString('hex'),
  officers: [],
  os: null,
  hq: null,
});

/**
 * Finds the officer's copy by 执法证号 and unwraps it with the password.
 * Returns null for an unknown 执法证号 or a wrong password alike (scrypt runs either way).
 */
export async function unwrapForOfficer(
  file: KeyFile,
  certNo: string,
  password: string,
): Promise<{ master: Buffer; officerId: string } | null> {
  const h = certNoHash(file.certSalt, certNo);
  const candidates = file.officers.filter((o) => o.certNoHash === h);
  if (candidates.length === 0) {
    // Same cost as a real attempt, so that timing does not tell which numbers are enrolled.
    await unwrapWithPassword(
      { kdf: { name: 'scrypt', logN: 15, r: 8, p: 1, salt: file.certSalt }, wrapped: '' },
      password,
      '',
    );
    return null;
  }
  for (const c of candidates) {
    const master = await unwrapWithPassword(c as PasswordWrap, password, c.officerId);
    if (master) return { master, officerId: c.officerId };
  }
  return null;
}

/** A fresh device key, not yet on disk: set-up writes the key file when it wraps the first officers' copies. */
export const newCustody = (dataDir: string, wrapCost?: ScryptParams): KeyCustody =>
  new KeyCustody(dataDir, newMasterKey(), emptyKeyFile(), wrapCost);

/** The custodian of an unlocked device: the master key in memory and the key file it maintains. */
export class KeyCustody {
  readonly dataDir: string;
  private readonly master: Buffer;
  private file: KeyFile;
  private readonly wrapCost: ScryptParams;
  /**
   * `wrapCost`: the scrypt cost of the officers' copies wrapped from now on (default WRAP_SCRYPT),
   * recorded in each copy, so unwrapping never depends on it. Test fixtures lower it where
   * passwords are not what is tested (tests/support/core-fixture.ts); the app never sets it.
   */
  constructor(dataDir: string, master: Buffer, file: KeyFile, wrapCost: ScryptParams = WRAP_SCRYPT) {
    this.dataDir = dataDir;
    this.master = master;
    this.file = file;
    this.wrapCost = wrapCost;
  }

  /** SQLCipher's raw key for device.db. */
  databaseKey(): Buffer {
    return subkey(this.master, 'device.db');
  }

  /** The key the evidence store derives its own keys from (protocol/storage/blob-cipher.ts). */
  evidenceKey(): Buffer {
    return subkey(this.master, 'evidence');
  }

  /** Does this key equal the one in custody (a copy unwrapped again at unlock)? */
  matches(master: Buffer): boolean {
    return master.equals(this.master);
  }

  hasOfficer(officerId: string): boolean {
    return this.file.officers.some((o) => o.officerId === officerId);
  }

  officerIds(): string[] {
    return this.file.officers.map((o) => o.officerId);
  }

  /** Wraps (or rewraps, after a password change) this officer's copy; other officers' copies are untouched. */
  async setOfficer(officerId: string, certNo: string, password: string): Promise<void> {
    const w = await wrapForPassword(this.master, password, officerId, this.wrapCost);
    const entry: OfficerWrap = {
      officerId,
      certNoHash: certNoHash(this.file.certSalt, certNo),
      kdf: w.kdf,
      wrapped: w.wrapped,
    };
    this.save({ ...this.file, officers: [...this.file.officers.filter((o) => o.officerId !== officerId), entry] });
  }

  removeOfficer(officerId: string): void {
    this.save({ ...this.file, officers: this.file.officers.filter((o) => o.officerId !== officerId) });
  }

  hasHq(): boolean {
    return this.file.hq !== null;
  }

  /** The recovery copy for HQ, encrypted to the SM2 key pinned at enrollment. */
  setHq(hqSm2PublicKey: string): void {
    if (this.file.hq?.hqSm2PublicKey === hqSm2PublicKey) return;
    const hq: HqWrap = wrapForHq(this.master, hqSm2PublicKey);
    this.save({ ...this.file, hq });
  }

  hasOs(): boolean {
    return this.file.os !== null;
  }

  setOs(keystore: OsKeystore): void {
    const os: OsWrap = { backend: keystore.backend, wrapped: keystore.encrypt(this.master).toString('base64') };
    this.save({ ...this.file, os });
  }

  /** Writes the key file before the in-memory state changes: what is in memory is always on disk. */
  save(next: KeyFile = this.file): void {
    writeFileAtomic(keyFilePath(this.dataDir), Buffer.from(JSON.stringify(next, null, 2) + '\n', 'utf8'));
    this.file = next;
  }
}

/** The OS keystore's copy, when there is one for this backend and it opens. */
export function unwrapWithOs(file: KeyFile, keystore: OsKeystore | undefined): Buffer | null {
  if (!keystore || !file.os || file.os.backend !== keystore.backend) return null;
  try {
    const k = keystore.decrypt(Buffer.from(file.os.wrapped, 'base64'));
    return k.length === 32 ? k : null;
  } catch {
    return null;
  }
}
