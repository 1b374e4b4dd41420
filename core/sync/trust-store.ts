// HQ's certification of this device, as HQ signed it (hq_trust, migration 014): the device
// certificate and HQ's latest status statement. Each is verified against HQ's keys pinned at
// enrollment before it is stored, and handed to every bundle and seal folder as trust/ files
// (trustFiles) with HQ's root document and HQ's receipts for the seals exported.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { ed25519Verify } from '../../protocol/crypto/ed25519.ts';
import { sm2Verify } from '../../protocol/crypto/sm2.ts';
import type { HqKeys } from '../../protocol/sync/protocol.ts';
import {
  CertificateSchema,
  rootDocument,
  StatusSchema,
  TRUST_ROOT,
  trustMember,
  type SignedDoc,
} from '../../protocol/trust/trust-format.ts';

type Kind = 'certificate' | 'status';

export class TrustStore {
  private readonly db: Database;
  private readonly hq: () => HqKeys | null;
  private readonly receipts: { signed(seqs: number[]): StoredReceipt[] };
  constructor(db: Database, hq: () => HqKeys | null, receipts: { signed(seqs: number[]): StoredReceipt[] }) {
    this.db = db;
    this.hq = hq;
    this.receipts = receipts;
  }

  /** The trust/ files of an export of these seals (trustFiles). */
  files(seqs: number[]): { name: string; bytes: Buffer }[] {
    return trustFiles(this.hq(), this, this.receipts.signed(seqs));
  }

  get(kind: Kind): SignedDoc | null {
    return (
      (this.db.prepare(`SELECT json, sm2, ed25519 FROM hq_trust WHERE kind = ?`).get(kind) as SignedDoc | undefined) ??
      null
    );
  }

  /**
   * Checks a document HQ sent (signed by the pinned keys, of its shape, for this device and these
   * keys) and stores it; returns what is wrong instead (nothing stored).
   */
  store(
    kind: Kind,
    doc: SignedDoc,
    hq: HqKeys,
    device: { deviceId: string; sm2PublicKey: string; ed25519PublicKeyPem: string },
    at: string,
  ): string | null {
    const problem = checkSigned(kind, doc, hq, device);
    if (problem) return problem;
    if (kind === 'status') {
      const cert = this.get('certificate');
      const st = StatusSchema.parse(JSON.parse(doc.json));
      if (!cert || CertificateSchema.parse(JSON.parse(cert.json)).serial !== st.certSerial)
        return '总部的设备状态声明不是针对本机证书的';
    }
    this.db
      .prepare(
        `INSERT INTO hq_trust (kind, json, sm2, ed25519, stored_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (kind) DO UPDATE SET json = excluded.json, sm2 = excluded.sm2, ed25519 = excluded.ed25519, stored_at = excluded.stored_at`,
      )
      .run(kind, doc.json, doc.sm2, doc.ed25519, at);
    return null;
  }
}

function checkSigned(
  kind: Kind,
  doc: SignedDoc,
  hq: HqKeys,
  device: { deviceId: string; sm2PublicKey: string; ed25519PublicKeyPem: string },
): string | null {
  const bytes = new TextEncoder().encode(doc.json);
  const label = kind === 'certificate' ? '设备证书' : '设备状态声明';
  if (!ed25519Verify(bytes, doc.ed25519, hq.ed25519PublicKeyPem) || !sm2Verify(bytes, doc.sm2, hq.sm2PublicKey))
    return `总部发来的${label}签名无效`;
  let value: unknown;
  try {
    value = JSON.parse(doc.json);
  } catch {
    return `总部发来的${label}不是有效的JSON`;
  }
  if (kind === 'certificate') {
    const c = CertificateSchema.safeParse(value);
    if (!c.success) return `总部发来的${label}格式不对`;
    if (
      c.data.hqId !== hq.hqId ||
      c.data.deviceId !== device.deviceId ||
      c.data.sm2PublicKey !== device.sm2PublicKey ||
      c.data.ed25519PublicKeyPem !== device.ed25519PublicKeyPem
    )
      return `总部发来的${label}不是本机这对密钥的`;
  } else {
    const s = StatusSchema.safeParse(value);
    if (!s.success || s.data.hqId !== hq.hqId || s.data.deviceId !== device.deviceId)
      return `总部发来的${label}不是本机的`;
  }
  return null;
}

/** A receipt as stored (receipts table): its canonical text and HQ's two signatures, hex. */
export interface StoredReceipt {
  seq: number;
  json: string;
  sm2: string;
  ed25519: string;
}

/**
 * The trust/ files for an export: HQ's root keys, the certificate and status when held, and HQ's
 * receipt for each exported seal that has one. Nothing before enrollment.
 */
export function trustFiles(
  hq: HqKeys | null,
  trust: Pick<TrustStore, 'get'>,
  receipts: StoredReceipt[],
): { name: string; bytes: Buffer }[] {
  if (!hq) return [];
  const out = [{ name: TRUST_ROOT, bytes: Buffer.from(rootDocument(hq), 'utf8') }];
  const signed = (
    doc: 'device-cert' | 'status' | `receipts/${number}`,
    d: { json: string; sm2: string; ed25519: string },
  ) => {
    out.push({ name: trustMember(doc, 'json'), bytes: Buffer.from(d.json, 'utf8') });
    out.push({ name: trustMember(doc, 'sm2'), bytes: Buffer.from(d.sm2, 'hex') });
    out.push({ name: trustMember(doc, 'ed25519'), bytes: Buffer.from(d.ed25519, 'hex') });
  };
  const cert = trust.get('certificate');
  if (cert) signed('device-cert', cert);
  const status = trust.get('status');
  if (status) signed('status', status);
  for (const r of receipts) signed(`receipts/${r.seq}`, r);
  return out;
}
