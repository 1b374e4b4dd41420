// The sync protocol between a device and HQ (docs/SYNC.md): the paths, the request signature, the
// enrollment proof, the seal package (the unit HQ commits) and the receipt. Used by both sides —
// the device's sync client (core/sync/) and the HQ server (hq/) — so the two cannot drift apart.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { canonicalJson } from '../../shared/crypto/canonical-json.ts';
import { ed25519Verify } from '../crypto/ed25519.ts';
import { sm2Verify } from '../crypto/sm2.ts';

export const API = '/api/v1';
/** Blob chunks: small enough to hold in memory on both sides, large enough for throughput. */
export const CHUNK_BYTES = 8 * 1024 * 1024;
/** A signed request is accepted this long either side of HQ's clock (the device corrects by HQ's time). */
export const REQUEST_WINDOW_MS = 10 * 60 * 1000;

export const H = {
  device: 'x-device-id',
  time: 'x-request-time',
  bodySha256: 'x-body-sha256',
  signature: 'x-device-signature',
  offset: 'upload-offset',
  length: 'upload-length',
  sm3: 'x-blob-sm3',
} as const;

export const sha256Hex = (b: Uint8Array | string) => createHash('sha256').update(b).digest('hex');

/** What a device signs (Ed25519) for every request after enrollment. */
export function requestSigningText(method: string, pathAndQuery: string, time: string, bodySha256: string): string {
  return `wangxin-sync-request/1\n${method.toUpperCase()}\n${pathAndQuery}\n${time}\n${bodySha256}`;
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

export interface HqKeys {
  hqId: string;
  name: string;
  ed25519PublicKeyPem: string;
  /** SM2 public key, 04‖x‖y hex. */
  sm2PublicKey: string;
}

export interface EnrollRequestBody {
  deviceId: string;
  deviceName: string;
  agencyName: string;
  sm2PublicKey: string;
  ed25519PublicKeyPem: string;
  nonce: string;
}

export interface EnrollResponseBody {
  hq: HqKeys;
  /** SHA-256 of HQ's TLS certificate (DER), or null when HQ serves plain HTTP. */
  tlsFingerprint: string | null;
  deviceNonce: string;
  casePrefix: string;
  time: SignedTime;
  /** HQ's current reference data (roster, holidays, catalog), each signed. */
  reference: SignedReference[];
}

/** HQ's clock, signed: the device keeps the latest as the earliest bound of what it seals next. */
export interface SignedTime {
  time: string;
  nonce: string;
  ed25519: string;
}

export function timeSigningText(time: string, nonce: string): string {
  return `wangxin-hq-time/1\n${time}\n${nonce}`;
}

export interface Receipt {
  format: 'wangxin-hq-receipt/1';
  hqId: string;
  deviceId: string;
  seq: number;
  documentId: string;
  docNo: string;
  sealSha256: string;
  sealSm3: string;
  hqSeq: number;
  hqTime: string;
  /** True when HQ holds every earlier seal of this device (no gap before this one). */
  chainComplete: boolean;
}

export interface SignedReceipt {
  receipt: Receipt;
  /** Over canonicalJson(receipt). */
  ed25519: string;
  sm2: string;
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

/** One signature record as it travels: the bound fields with their binding, the image and strokes. */
export interface PackageSignature {
  id: string;
  /** canonicalJson of the bound fields plus bindingSha256 and bindingSm3 (as in a bundle's signatures/ID.json). */
  record: string;
  imagePngBase64: string | null;
  strokes: string | null;
}

/** What HQ shows of the case (not part of the seal: the sealed document itself is the record). */
export interface CaseSummary {
  id: string;
  caseNo: string;
  partyName: string;
  matterName: string;
  status: string;
}

/** The unit HQ commits in one transaction: one seal and what it rests on (evidence blobs go first, by SHA-256). */
export interface SealPackage {
  format: 'wangxin-sync-package/1';
  seal: { seq: number; payload: string; sm2Signature: string; ed25519Signature: string };
  signatures: PackageSignature[];
  case: CaseSummary;
  /**
   * What HQ needs to print the document (its detail as the device prints it: content and context).
   * Not trusted as such: HQ lays it out and prints only if that reproduces the seal's document hash
   * (hq/print/print-sealed.ts).
   */
  print: unknown;
}

/** HQ's reference data for devices: each kind versioned and signed by HQ. */
export interface ReferenceData {
  kind: 'roster' | 'holidays' | 'catalog';
  version: number;
  issuedAt: string;
  data: unknown;
}

export interface SignedReference {
  ref: ReferenceData;
  ed25519: string;
}

export function verifyReference(s: SignedReference, hq: HqKeys): boolean {
  return ed25519Verify(new TextEncoder().encode(canonicalJson(s.ref)), s.ed25519, hq.ed25519PublicKeyPem);
}

/** Errors HQ answers with: a kind the device maps to a Chinese message, and HQ's own message. */
export interface HqError {
  error:
    | 'unknown_device'
    | 'revoked'
    | 'bad_signature'
    | 'clock'
    | 'conflict'
    | 'verification'
    | 'offset'
    | 'digest'
    | 'disk_full'
    | 'bad_request'
    | 'enrollment'
    | 'not_found'
    | 'internal';
  message: string;
  offset?: number;
  problems?: string[];
}
