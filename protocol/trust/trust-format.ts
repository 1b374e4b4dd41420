// The trust chain's documents (docs/SEAL-FORMAT.md, "The trust chain"): HQ's root public keys and
// their fingerprint, the device certificate HQ signs at enrollment, HQ's statement of a device's
// status, and where each goes in a bundle or seal folder (trust/…). Every signed document is a
// canonical JSON file with two detached signatures by HQ's root keys (SM2 DER, Ed25519 raw),
// made over the file's exact bytes, as the device's seals are.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { canonicalJson } from '../../shared/crypto/canonical-json.ts';
import { sm3Hex } from '../crypto/sm3/sm3.ts';
import { sm2PublicKeyPem } from '../crypto/sm2.ts';

export const ROOT_FORMAT = 'wangxin-hq-root/1';
export const CERT_FORMAT = 'wangxin-device-cert/1';
export const STATUS_FORMAT = 'wangxin-device-status/1';
export const RECEIPT_FORMAT = 'wangxin-hq-receipt/1';

export const TRUST_ROOT = 'trust/hq-root.json';
export type TrustDoc = 'device-cert' | 'status' | `receipts/${number}`;
export const trustMember = (doc: TrustDoc, part: 'json' | 'sm2' | 'ed25519') =>
  `trust/${doc}.${part === 'json' ? 'json' : part === 'sm2' ? 'sm2.der' : 'ed25519.sig'}`;

/** How long a certificate HQ issues is valid (five years: the retention period of a case file is longer, but keys should rotate). */
export const CERT_VALIDITY_MS = 5 * 365 * 24 * 3600_000;

const Hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const Sm2Public = z.string().regex(/^04[0-9a-f]{128}$/);
const Ed25519Pem = z.string().regex(/^-----BEGIN PUBLIC KEY-----\n[A-Za-z0-9+/]{59}=\n-----END PUBLIC KEY-----\n$/);
/** Times as JavaScript writes them (UTC, milliseconds): they then compare correctly as text. */
const Iso = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);

/** HQ's root public keys: `trust/hq-root.json`, and what `--hq-root FILE` holds. */
export const RootSchema = z
  .object({
    format: z.literal(ROOT_FORMAT),
    hqId: z.string().min(1),
    name: z.string(),
    sm2PublicKey: Sm2Public,
    ed25519PublicKeyPem: Ed25519Pem,
  })
  .strict();
export type HqRoot = z.infer<typeof RootSchema>;

export const CertificateSchema = z
  .object({
    format: z.literal(CERT_FORMAT),
    serial: z.string().min(1),
    hqId: z.string().min(1),
    /** keyId() of the root keys that sign this certificate. */
    hqKeyIds: z.object({ sm2: Hex64, ed25519: Hex64 }).strict(),
    deviceId: z.string().min(1),
    deviceName: z.string(),
    office: z.string(),
    casePrefix: z.string(),
    sm2PublicKey: Sm2Public,
    ed25519PublicKeyPem: Ed25519Pem,
    notBefore: Iso,
    notAfter: Iso,
    issuedAt: Iso,
  })
  .strict();
export type DeviceCertificate = z.infer<typeof CertificateSchema>;

export const StatusSchema = z
  .object({
    format: z.literal(STATUS_FORMAT),
    hqId: z.string().min(1),
    deviceId: z.string().min(1),
    certSerial: z.string().min(1),
    status: z.enum(['good', 'revoked']),
    revokedAt: Iso.nullable(),
    asOf: Iso,
  })
  .strict();
export type DeviceStatus = z.infer<typeof StatusSchema>;

/** A document HQ signed, as it crosses the wire and as the device keeps it: the exact text and both signatures (hex). */
export const SignedDocSchema = z.object({
  json: z.string().max(20_000),
  sm2: z.string().regex(/^[0-9a-f]{16,400}$/),
  ed25519: z.string().regex(/^[0-9a-f]{128}$/),
});
export type SignedDoc = z.infer<typeof SignedDocSchema>;

export const rootDocument = (k: { hqId: string; name: string; sm2PublicKey: string; ed25519PublicKeyPem: string }) =>
  canonicalJson({
    format: ROOT_FORMAT,
    hqId: k.hqId,
    name: k.name,
    sm2PublicKey: k.sm2PublicKey,
    ed25519PublicKeyPem: k.ed25519PublicKeyPem,
  } satisfies HqRoot);

const spkiDer = (pem: string) => Buffer.from(pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''), 'base64');

/** A key's id: SHA-256 of its SubjectPublicKeyInfo DER (the base64 of its PEM), hex. */
export const sm2KeyId = (sm2PublicKey: string) =>
  createHash('sha256')
    .update(spkiDer(sm2PublicKeyPem(sm2PublicKey)))
    .digest('hex');
export const ed25519KeyId = (pem: string) => createHash('sha256').update(spkiDer(pem)).digest('hex');

/**
 * The root's fingerprint: the first 8 bytes of SM3 and the first 8 bytes of SHA-256 of the exact
 * bytes of the root document, upper-case hex in eight groups of four (`8F3A-…`). Short enough for a
 * letterhead; a forger must match both truncated hashes at once (2^128 work for a second preimage).
 */
export function fingerprint(rootText: string | Uint8Array): string {
  const bytes = typeof rootText === 'string' ? new TextEncoder().encode(rootText) : rootText;
  const hex = sm3Hex(bytes).slice(0, 16) + createHash('sha256').update(bytes).digest('hex').slice(0, 16);
  return hex.toUpperCase().match(/.{4}/g)!.join('-');
}

/** A fingerprint as typed: any case, with or without dashes or spaces; null when it is not 32 hex digits. */
export function normaliseFingerprint(text: string): string | null {
  const hex = text.replace(/[\s-]/g, '').toUpperCase();
  return /^[0-9A-F]{32}$/.test(hex) ? hex.match(/.{4}/g)!.join('-') : null;
}
