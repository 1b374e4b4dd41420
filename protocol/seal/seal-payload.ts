// The seal: one canonical JSON object (RFC 8785) holding everything a court needs to check a
// document — the document and its hash, the evidence it rests on with both digests, the signature
// records, the template and regulation, the officers, the device and its chain position, the
// audit-log head and the time with its bounds. Signed with the device's SM2 and Ed25519 keys.
// docs/SEAL-FORMAT.md specifies it field by field.
import { canonicalJson } from '../../shared/crypto/canonical-json.ts';
import { dualHash, type DocHash } from './document-hash.ts';

export const SEAL_GENESIS = '0'.repeat(64);

export interface SealPayload {
  format: 'wangxin-field-seal/1';
  device: { id: string; seq: number; prev: string; sm2PublicKey: string; ed25519PublicKeyPem: string };
  time: { sealedAt: string; deviceClock: string; notBefore: string | null };
  document: {
    id: string;
    caseId: string;
    caseNo: string;
    type: string;
    docNo: string;
    templateVersion: string;
    regulation: string;
    pages: number;
    sha256: string;
    sm3: string;
    /** The signed form (document-hash.ts), whose SHA-256 and SM3 are above. */
    signedForm: string;
  };
  evidence: { id: string; fileName: string; category: string; sizeBytes: number; sha256: string; sm3: string }[];
  signatures: {
    id: string;
    slotId: string;
    page: number | null;
    status: string;
    role: string;
    signerName: string;
    signerIdNumber: string;
    officerId: string | null;
    signedAt: string;
    imageSha256: string | null;
    strokesSha256: string | null;
    bindingSha256: string;
    bindingSm3: string;
    reason: string;
    witnessSignatureId: string | null;
    recordingEvidenceId: string | null;
  }[];
  officers: { id: string; name: string; certNo: string }[];
  /** 补正: the sealed document this one corrects (its seal's hash) and why; null otherwise. */
  corrects: { documentId: string; docNo: string; sealSha256: string; reason: string } | null;
  auditHead: { seq: number; hash: string };
}

export function sealText(p: SealPayload): string {
  return canonicalJson(p);
}

export function sealHash(text: string): DocHash {
  return dualHash(text);
}
