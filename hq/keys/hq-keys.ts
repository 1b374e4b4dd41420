// HQ's master key: 32 random bytes made when a data folder is first used, never on disk in the
// clear. It is held either
//  - wrapped by an administrator's passphrase (scrypt, AES-256-GCM) in DATA/hq-key.json — the
//    passphrase is given at every start (a prompt, HQ_PASSPHRASE, or standard input: scripts/hq.ts);
//  - or in a key file kept apart from the data folder (--key-file: another disk, a USB key, a
//    secrets mount); DATA/hq-key.json then holds only a check value, so a wrong file is named.
// From it come, by HKDF with distinct labels: SQLCipher's key for hq.db, the evidence blobs' key
// (the device's chunk format, protocol/storage/blob-cipher.ts), and the key sealing HQ's SM2 and
// Ed25519 private keys in the database (hq-identity.ts). Lost passphrase and no key file = HQ's
// data and keys are lost (docs/HQ.md "The master key").
import { createHmac, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import {
  MASTER_KEY_BYTES,
  newMasterKey,
  subkey,
  unwrapWithPassphrase,
  wrapForPassphrase,
} from '../../protocol/crypto/key-wrap.ts';
import { CoreError } from '../../protocol/runtime/core-error.ts';
import { writeFileAtomic } from '../../protocol/runtime/write-file-atomic.ts';

export const HQ_KEY_FILE = 'hq-key.json';
/** 64 MiB, ~0.2 s here: typed once per start, so it can cost more than an officer's unlock. */
const HQ_SCRYPT = { logN: 16, r: 8, p: 1 } as const;
const PURPOSE = 'hq';
export const MIN_PASSPHRASE = 12;

/** Where this start's master key comes from. */
export type HqKeySource =
  | { passphrase: string }
  | { keyFile: string }
  /** Tests and tools that already hold the key. */
  | { masterKey: Buffer };

const KeyJson = z.discriminatedUnion('custodian', [
  z.object({
    format: z.literal('wangxin-hq-key/1'),
    custodian: z.literal('passphrase'),
    kdf: z.object({
      name: z.literal('scrypt'),
      logN: z.number().int().min(14).max(22),
      r: z.number().int().min(1).max(32),
      p: z.number().int().min(1).max(16),
      salt: z.string(),
    }),
    wrapped: z.string(),
  }),
  z.object({
    format: z.literal('wangxin-hq-key/1'),
    custodian: z.enum(['key-file', 'given']),
    check: z.string().regex(/^[0-9a-f]{64}$/),
  }),
]);

const keyCheck = (master: Buffer) => createHmac('sha256', master).update('wxzf hq master key check').digest('hex');

/** The keys HQ uses, each for one purpose. */
export interface HqKeys {
  /** SQLCipher's raw key for hq.db. */
  database: Buffer;
  /** The evidence blob cipher's master key (the chunk format derives its own keys from it). */
  blobs: Buffer;
  /** Seals HQ's private signing keys in the database. */
  identity: Buffer;
}

export function derive(master: Buffer): HqKeys {
  return {
    database: subkey(master, 'hq database'),
    blobs: subkey(master, 'hq evidence blobs'),
    identity: subkey(master, 'hq identity keys'),
  };
}

/** The folder must be the administrator's alone (no bits for group or others). */
export function checkPrivateFolder(dir: string): void {
  const mode = statSync(dir).mode & 0o777;
  if (mode & 0o077)
    throw new CoreError(
      'conflict',
      `总部数据目录（${dir}）其他用户可以访问（权限 ${mode.toString(8).padStart(3, '0')}），总部拒绝启动。请执行 chmod 700 ${dir}（并确认其中的文件只属于运行总部的用户）后再启动。`,
    );
}

function readKeyFile(path: string): Buffer {
  if (!existsSync(path)) throw new CoreError('not_found', `找不到密钥文件 ${path}。`);
  const mode = statSync(path).mode & 0o777;
  if (mode & 0o077)
    throw new CoreError(
      'conflict',
      `密钥文件（${path}）其他用户可以读取（权限 ${mode.toString(8)}）。请执行 chmod 600 ${path}。`,
    );
  const text = readFileSync(path, 'utf8').trim();
  if (!/^[0-9a-f]{64}$/i.test(text))
    throw new CoreError('validation', `密钥文件（${path}）的内容不是64位十六进制的总部主密钥。`);
  return Buffer.from(text, 'hex');
}

/** A new key file (0600) with a new master key: `npm run hq -- init --key-file PATH`. */
export function writeNewKeyFile(path: string): void {
  if (existsSync(path)) throw new CoreError('conflict', `密钥文件 ${path} 已存在，不会覆盖。`);
  writeFileAtomic(path, new TextEncoder().encode(`${newMasterKey().toString('hex')}\n`));
}

export const isInitialised = (dataDir: string) => existsSync(join(dataDir, HQ_KEY_FILE));

/**
 * The master key of an initialised data folder; a wrong passphrase or key file is refused by
 * name (the wrap and the check value are authenticated: a wrong key is never taken for the right one).
 */
export async function unlockMasterKey(dataDir: string, source: HqKeySource): Promise<Buffer> {
  const file = join(dataDir, HQ_KEY_FILE);
  const parsed = KeyJson.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new CoreError('integrity', `${file} 已损坏（不是总部密钥文件的格式）。`);
  const k = parsed.data;
  if (k.custodian === 'passphrase') {
    if (!('passphrase' in source))
      throw new CoreError(
        'validation',
        '该总部数据目录的主密钥由管理员口令保护：请输入口令（或设置 HQ_PASSPHRASE），不要给 --key-file。',
      );
    const master = await unwrapWithPassphrase(k, source.passphrase, PURPOSE);
    if (!master) throw new CoreError('unauthorized', '总部口令不对（或 hq-key.json 被改动过）。');
    return master;
  }
  const master = 'keyFile' in source ? readKeyFile(source.keyFile) : 'masterKey' in source ? source.masterKey : null;
  if (!master)
    throw new CoreError('validation', '该总部数据目录的主密钥在单独的密钥文件中：请用 --key-file 给出它的位置。');
  if (!timingSafeEqual(Buffer.from(keyCheck(master), 'hex'), Buffer.from(k.check, 'hex')))
    throw new CoreError('unauthorized', '密钥文件不是这个总部数据目录的（校验值不符）。');
  return master;
}

/** Makes a new master key for a new data folder and records how it is held. */
export async function initMasterKey(dataDir: string, source: HqKeySource): Promise<Buffer> {
  let master: Buffer;
  let json: z.infer<typeof KeyJson>;
  if ('passphrase' in source) {
    if (source.passphrase.length < MIN_PASSPHRASE)
      throw new CoreError('validation', `总部口令至少${MIN_PASSPHRASE}个字符。`);
    master = newMasterKey();
    json = {
      format: 'wangxin-hq-key/1',
      custodian: 'passphrase',
      ...(await wrapForPassphrase(master, source.passphrase, PURPOSE, HQ_SCRYPT)),
    };
  } else {
    master = 'keyFile' in source ? readKeyFile(source.keyFile) : source.masterKey;
    json = {
      format: 'wangxin-hq-key/1',
      custodian: 'keyFile' in source ? 'key-file' : 'given',
      check: keyCheck(master),
    };
  }
  if (master.length !== MASTER_KEY_BYTES) throw new Error('HQ master key must be 32 bytes');
  writeFileAtomic(join(dataDir, HQ_KEY_FILE), new TextEncoder().encode(JSON.stringify(json, null, 2)));
  return master;
}
