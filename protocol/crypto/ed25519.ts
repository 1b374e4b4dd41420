// Ed25519 signatures through node:crypto (BoringSSL in Electron has Ed25519). Public keys are
// exported as SubjectPublicKeyInfo PEM for `openssl pkeyutl -verify -rawin` (docs/SEAL-FORMAT.md).
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';

export interface Ed25519KeyPair {
  publicKeyPem: string;
  privateKeyPem: string;
}

export function ed25519KeyPair(): Ed25519KeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}

export function ed25519Sign(message: Uint8Array, privateKeyPem: string): string {
  return sign(null, message, createPrivateKey(privateKeyPem)).toString('hex');
}

export function ed25519Verify(message: Uint8Array, signatureHex: string, publicKeyPem: string): boolean {
  try {
    return verify(null, message, createPublicKey(publicKeyPem), Buffer.from(signatureHex, 'hex'));
  } catch {
    return false;
  }
}
