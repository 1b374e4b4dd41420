import { describe, expect, it } from 'vitest';
import { osKeystoreFrom, type SafeStorageLike } from './os-keystore.ts';

// Electron cannot run here: a stand-in with safeStorage's shape (a reversible transform) is enough
// to check which backends are trusted and that a key survives the round trip.
const fake = (backend: string, available = true): SafeStorageLike => ({
  isEncryptionAvailable: () => available,
  getSelectedStorageBackend: () => backend,
  encryptString: (s) => Buffer.from(s, 'utf8').reverse(),
  decryptString: (b) => Buffer.from(b).reverse().toString('utf8'),
});

describe('the OS keystore as a key custodian', () => {
  it('is not relied on when Linux falls back to basic_text (a hard-coded password)', () => {
    expect(osKeystoreFrom(fake('basic_text'), 'linux')).toBeNull();
    expect(osKeystoreFrom(fake('unknown'), 'linux')).toBeNull();
  });

  it('is not used when encryption is unavailable', () => {
    expect(osKeystoreFrom(fake('gnome_libsecret', false), 'linux')).toBeNull();
  });

  it('uses a real backend and round-trips a 32-byte key', () => {
    const ks = osKeystoreFrom(fake('gnome_libsecret'), 'linux')!;
    expect(ks.backend).toBe('gnome_libsecret');
    const key = Buffer.from(Array.from({ length: 32 }, (_, i) => i * 7));
    expect(ks.decrypt(ks.encrypt(key)).equals(key)).toBe(true);
    expect(osKeystoreFrom(fake('ignored'), 'win32')!.backend).toBe('dpapi');
  });
});
