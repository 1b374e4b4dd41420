// The sync protocol between a device and HQ (docs/SYNC.md): the paths, the request signature, the
// enrollment proof, the seal package (the unit HQ commits) and the receipt (their schemas: hq-api.ts). Used by both sides —
// the device's sync client (core/sync/) and the HQ server (hq/) — so the two cannot drift apart.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { canonicalJson } from '../../shared/crypto/canonical-json.ts';
import { ed25519Verify } from '../crypto/ed25519.ts';
import { sm2Verify } from '../crypto/sm2.ts';
import type { HqKeys, LawAnnouncement, SignedReceipt, SignedReference } from './hq-api.ts';

// The shapes that cross the wire are zod schemas in hq-api.ts (HQ validates requests with them, the
// device HQ's answers); their types are re-exported here for the code that only needs the types.
export type {
  CaseSummary,
  EnrollRequestBody,
  EnrollResponseBody,
  HqError,
  HqKeys,
  LawAnnouncement,
  PackageSignature,
  Receipt,
  ReferenceData,
  SealPackage,
  SignedReceipt,
  SignedReference,
  SignedTime,
} from './hq-api.ts';

export const API = '/api/v1';
// Blob chunks: declared with the routes whose bodies they size (hq-api.ts imports nothing from here).
export { CHUNK_BYTES } from './hq-api.ts';
/** A signed request is accepted this long either side of HQ's clock (the device corrects by HQ's time). */
export const REQUEST_WINDOW_MS = 10 * 60 * 1000;

export const H = {
  device: 'x-device-id',
  time: 'x-request-time',
  /** A random value per request (16–64 hex): HQ remembers it for the time window and refuses it again. */
  nonce: 'x-request-nonce',
  /** The body's length in bytes, signed: HQ holds Content-Length to it before reading the body. */
  bodyLength: 'x-body-length',
  bodySha256: 'x-body-sha256',
  signature: 'x-device-signature',
  offset: 'upload-offset',
  length: 'upload-length',
  sm3: 'x-blob-sm3',
} as const;

export const sha256Hex = (b: Uint8Array | string) => createHash('sha256').update(b).digest('hex');

export const NONCE_RE = /^[0-9a-f]{16,64}$/;

/** What a device signs with a request. */
export interface SignedRequest {
  method: string;
  pathAndQuery: string;
  time: string;
  nonce: string;
  bodyLength: number;
  bodySha256: string;
}

/**
 * What a device signs (Ed25519) for every request after enrollment: method, path and query, time,
 * a random nonce (so a captured request cannot be sent again), and the body's length and SHA-256
 * (checked against the declared length before the body is read, and against the body as it is).
 */
export function requestSigningText(r: SignedRequest): string {
  return [
    'wangxin-sync-request/2',
    r.method.toUpperCase(),
    r.pathAndQuery,
    r.time,
    r.nonce,
    String(r.bodyLength),
    r.bodySha256,
  ].join('\n');
}

/** The enrollment proof: HMAC-SHA256 keyed by the one-time code, over a canonical object. Neither side sends the code itself. */
export function enrollmentProof(code: string, body: unknown): string {
  return createHmac('sha256', normaliseCode(code)).update(canonicalJson(body)).digest('hex');
}

export function proofMatches(code: string, body: unknown, proof: string): boolean {
  const a = Buffer.from(enrollmentProof(code, body), 'hex');
  const b = Buffer.from(proof, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Codes are shown as groups (ABCD-EFGH-JKLM-NPQR); officers may type them in any case, with or without dashes. */
export function normaliseCode(code: string): string {
  return code.toUpperCase().replace(/[^0-9A-Z]/g, '');
}

export function timeSigningText(time: string, nonce: string): string {
  return `wangxin-hq-time/1\n${time}\n${nonce}`;
}

/** Checks a receipt against HQ's pinned keys. Returns what is wrong (empty: valid). */
export function verifyReceipt(r: SignedReceipt, hq: HqKeys): string[] {
  const bytes = new TextEncoder().encode(canonicalJson(r.receipt));
  const problems: string[] = [];
  if (r.receipt.format !== 'wangxin-hq-receipt/1') problems.push('回执格式不对');
  if (r.receipt.hqId !== hq.hqId) problems.push('回执不是登记的总部签发的');
  if (!ed25519Verify(bytes, r.ed25519, hq.ed25519PublicKeyPem)) problems.push('回执的Ed25519签名无效');
  if (!sm2Verify(bytes, r.sm2, hq.sm2PublicKey)) problems.push('回执的SM2签名无效');
  return problems;
}

/** What HQ signs when it announces its current law package in a hello: fresh by the device's nonce. */
export function lawAnnouncementText(a: { version: string; date: string | null }, nonce: string): string {
  return `wangxin-hq-law/1\n${a.version}\n${a.date ?? ''}\n${nonce}`;
}

export function verifyLawAnnouncement(a: LawAnnouncement, nonce: string, hq: HqKeys): boolean {
  return ed25519Verify(new TextEncoder().encode(lawAnnouncementText(a, nonce)), a.ed25519, hq.ed25519PublicKeyPem);
}

export function verifyReference(s: SignedReference, hq: HqKeys): boolean {
  return ed25519Verify(new TextEncoder().encode(canonicalJson(s.ref)), s.ed25519, hq.ed25519PublicKeyPem);
}
