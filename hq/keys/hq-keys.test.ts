// HQ's master key and data folder at start: a new folder is initialised with the passphrase or key
// file it is given; later starts need the same one (a wrong one is refused by name and opens
// nothing); a folder open to group or others, and an old plaintext folder, are refused.
import Database from 'better-sqlite3-multiple-ciphers';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HQ_DATABASE_FILE } from '../db/hq-database.ts';
import { openHq } from '../hq-app.ts';
import { HQ_KEY_FILE, writeNewKeyFile } from './hq-keys.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'field-hq-keys-'));
  dirs.push(d);
  return d;
};

describe('HQ’s master key', () => {
  it('a passphrase: the first start wraps a new key with it; the next needs it, a wrong one opens nothing', async () => {
    const dataDir = join(tempDir(), 'hq');
    const first = await openHq({ dataDir, key: { passphrase: 'correct horse battery' } });
    const hqId = first.identity.keys().hqId;
    await first.close();
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    for (const f of [HQ_KEY_FILE, HQ_DATABASE_FILE]) expect(statSync(join(dataDir, f)).mode & 0o777, f).toBe(0o600);
    expect(JSON.parse(readFileSync(join(dataDir, HQ_KEY_FILE), 'utf8'))).toMatchObject({ custodian: 'passphrase' });
    await expect(openHq({ dataDir, key: { passphrase: 'correct horse battery!' } })).rejects.toThrow(/总部口令不对/);
    await expect(openHq({ dataDir, key: { keyFile: '/nonexistent' } })).rejects.toThrow(/由管理员口令保护/);
    const again = await openHq({ dataDir, key: { passphrase: 'correct horse battery' } });
    expect(again.identity.keys().hqId).toBe(hqId);
    await again.close();
  });

  it('a short passphrase does not initialise a folder', async () => {
    const dataDir = join(tempDir(), 'hq');
    await expect(openHq({ dataDir, key: { passphrase: 'short' } })).rejects.toThrow(/至少12个字符/);
  });

  it('a key file: kept apart, checked by value; another key file is refused', async () => {
    const dataDir = join(tempDir(), 'hq');
    const keyFile = join(tempDir(), 'hq.key');
    writeNewKeyFile(keyFile);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    await (await openHq({ dataDir, key: { keyFile } })).close();
    expect(readFileSync(join(dataDir, HQ_KEY_FILE), 'utf8')).not.toContain(readFileSync(keyFile, 'utf8').trim());
    const other = join(tempDir(), 'other.key');
    writeNewKeyFile(other);
    await expect(openHq({ dataDir, key: { keyFile: other } })).rejects.toThrow(/校验值不符/);
    chmodSync(keyFile, 0o644);
    await expect(openHq({ dataDir, key: { keyFile } })).rejects.toThrow(/chmod 600/);
    chmodSync(keyFile, 0o600);
    await (await openHq({ dataDir, key: { keyFile } })).close();
  });

  it('a data folder open to group or others is refused, and nothing is made in it', async () => {
    const dataDir = tempDir();
    chmodSync(dataDir, 0o750);
    await expect(openHq({ dataDir, key: { masterKey: randomBytes(32) } })).rejects.toThrow(/chmod 700/);
    expect(() => statSync(join(dataDir, HQ_KEY_FILE))).toThrow();
  });

  it('an old plaintext data folder (hq.db without hq-key.json) is refused with what to do', async () => {
    const dataDir = tempDir();
    const old = new Database(join(dataDir, HQ_DATABASE_FILE));
    old.exec(`CREATE TABLE hq_identity (singleton INTEGER PRIMARY KEY, sm2_private TEXT)`);
    old.close();
    await expect(openHq({ dataDir, key: { passphrase: 'correct horse battery' } })).rejects.toThrow(/旧版本/);
    // Even given a key file made for it, the plaintext database is not opened as HQ's.
    writeFileSync(join(dataDir, HQ_KEY_FILE), '{}');
    await expect(openHq({ dataDir, key: { passphrase: 'correct horse battery' } })).rejects.toThrow();
  });
});
