// The operating system's keystore as a custodian of the device key (protocol/crypto/key-wrap.ts), only
// where it protects anything: Windows DPAPI, macOS Keychain, a Linux secret service (libsecret,
// KWallet). On Linux without one, safeStorage silently falls back to `basic_text` — a hard-coded
// password (TECH-NOTES.md) — and then it is not used at all: officers' passwords alone unlock.
import type { OsKeystore } from '../protocol/crypto/key-wrap.ts';

/** The part of Electron's safeStorage used here (a structural type, so it is testable without Electron). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  getSelectedStorageBackend?(): string;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

/** Backends that give no protection beyond the file itself. */
const UNPROTECTED = new Set(['basic_text', 'unknown']);

export function osKeystoreFrom(safeStorage: SafeStorageLike, platform: NodeJS.Platform): OsKeystore | null {
  if (!safeStorage.isEncryptionAvailable()) return null;
  let backend: string;
  if (platform === 'linux') {
    backend = safeStorage.getSelectedStorageBackend?.() ?? 'unknown';
    if (UNPROTECTED.has(backend)) return null;
  } else {
    backend = platform === 'win32' ? 'dpapi' : platform === 'darwin' ? 'keychain' : platform;
  }
  return {
    backend,
    // safeStorage works on strings: the key travels as base64 and is never logged.
    encrypt: (plain) => safeStorage.encryptString(plain.toString('base64')),
    decrypt: (enc) => Buffer.from(safeStorage.decryptString(enc), 'base64'),
  };
}
