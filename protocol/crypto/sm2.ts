// SM2 signatures (GB/T 32918, with SM3 and the GM/T 0009 default user ID) through sm-crypto-v2 —
// never node:crypto, which cannot set the user ID and which Electron lacks (TECH-NOTES.md).
// Signatures are DER, public keys exported as SubjectPublicKeyInfo PEM, so that `openssl dgst
// -sm3 -verify pub.pem -sigopt distid:1234567812345678` checks them (docs/SEAL-FORMAT.md).
import { sm2 } from 'sm-crypto-v2';

export const SM2_USER_ID = '1234567812345678';

export interface Sm2KeyPair {
  /** 04‖x‖y, hexadecimal. */
  publicKey: string;
  privateKey: string;
}

export function sm2KeyPair(): Sm2KeyPair {
  const k = sm2.generateKeyPairHex();
  return { publicKey: k.publicKey, privateKey: k.privateKey };
}

/** DER signature, hexadecimal, over SM3(Z ‖ message) as GB/T 32918 specifies. */
export function sm2Sign(message: Uint8Array, privateKey: string, publicKey: string): string {
  return sm2.doSignature(message, privateKey, { der: true, hash: true, publicKey, userId: SM2_USER_ID });
}

// Verifying a device's chain checks thousands of signatures against one key: precompute its point once.
const points = new Map<string, ReturnType<typeof sm2.precomputePublicKey>>();
function pointOf(publicKey: string) {
  let p = points.get(publicKey);
  if (!p) {
    p = sm2.precomputePublicKey(publicKey);
    if (points.size > 64) points.clear();
    points.set(publicKey, p);
  }
  return p;
}

export function sm2Verify(message: Uint8Array, signatureDerHex: string, publicKey: string): boolean {
  try {
    return sm2.doVerifySignature(message, signatureDerHex, pointOf(publicKey), {
      der: true,
      hash: true,
      userId: SM2_USER_ID,
    });
  } catch {
    return false;
  }
}

/** The public key as an SM2 SubjectPublicKeyInfo (id-ecPublicKey, curve 1.2.156.10197.1.301), PEM. */
export function sm2PublicKeyPem(publicKey: string): string {
  const der = Buffer.concat([
    Buffer.from('3059301306072a8648ce3d020106082a811ccf5501822d034200', 'hex'),
    Buffer.from(publicKey, 'hex'),
  ]);
  return `-----BEGIN PUBLIC KEY-----\n${der
    .toString('base64')
    .replace(/(.{64})/g, '$1\n')
    .trim()}\n-----END PUBLIC KEY-----\n`;
}

/** The raw public key (04‖x‖y hex) from an SM2 SubjectPublicKeyInfo PEM, e.g. one made by openssl. */
export function sm2PublicKeyFromPem(pem: string): string {
  const der = Buffer.from(pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''), 'base64');
  return der.subarray(der.length - 65).toString('hex');
}
