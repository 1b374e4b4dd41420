// Everything HQ checks before it accepts a seal — with the same checks as every other verifier
// (protocol/seal/verify-seal-parts.ts: the seal text, its number, both device signatures with the
// keys HQ registered for that device, the document's signed form, every signature record's
// binding, image and strokes) — and every evidence blob held at HQ with the SHA-256, SM3 and size
// the seal names (HQ computed them itself when the blob arrived). Pure: the caller supplies what
// HQ holds.
import type { SealPayload } from '../../protocol/seal/seal-payload.ts';
import { dualHash } from '../../protocol/seal/document-hash.ts';
import { checkSealText, checkSignatures } from '../../protocol/seal/verify-seal-parts.ts';
import type { SealPackage } from '../../protocol/sync/protocol.ts';

export interface RegisteredDevice {
  deviceId: string;
  sm2PublicKey: string;
  ed25519PublicKeyPem: string;
}

export interface HeldBlob {
  sha256: string;
  sm3: string;
  size: number;
}

export interface PackageCheck {
  problems: string[];
  /** Evidence not (yet) held at HQ: an incomplete upload, not a fault of the seal. */
  missing: string[];
  payload: SealPayload | null;
  hash: { sha256: string; sm3: string };
}

const hexBytes = (hex: string) => (/^([0-9a-f]{2})*$/.test(hex) ? Buffer.from(hex, 'hex') : null);

/** The seal and its signature records: pure and synchronous, the part that costs (run on worker threads by verify-batch.ts). */
export function checkPackage(pkg: SealPackage, device: RegisteredDevice): Omit<PackageCheck, 'missing'> {
  const text = pkg.seal.payload;
  const seal = checkSealText(
    text,
    hexBytes(pkg.seal.sm2Signature),
    hexBytes(pkg.seal.ed25519Signature),
    { sm2PublicKey: device.sm2PublicKey, ed25519PublicKeyPem: device.ed25519PublicKeyPem },
    pkg.seal.seq,
    '总部登记的该设备公钥',
    '包中的封存序号',
  );
  const hash = seal.hash ?? dualHash(text);
  const p = seal.payload;
  const problems = seal.problems;
  if (p && p.device.id !== device.deviceId) problems.push('封存不是该设备制作的（设备编号不符）');
  if (!p || problems.length) return { problems, payload: p, hash };

  const records = new Map(pkg.signatures.map((s) => [s.id, s]));
  problems.push(
    ...checkSignatures(p, (id) => {
      const r = records.get(id);
      return {
        record: r ? r.record : null,
        image: r?.imagePngBase64 ? Buffer.from(r.imagePngBase64, 'base64') : null,
        strokes: r?.strokes != null ? Buffer.from(r.strokes, 'utf8') : null,
      };
    }),
  );
  return { problems, payload: p, hash };
}

/** checkPackage of each package of a slice, in order (what a worker thread runs). */
export function checkPackages(pkgs: SealPackage[], device: RegisteredDevice): Omit<PackageCheck, 'missing'>[] {
  return pkgs.map((pkg) => checkPackage(pkg, device));
}

/**
 * The evidence the seal names against what HQ holds (a database read each, so on HQ's thread).
 * Only for a seal that passed checkPackage, as verifyPackage has it.
 */
export async function checkHeldEvidence(
  check: Omit<PackageCheck, 'missing'>,
  blob: (sha256: string) => Promise<HeldBlob | null>,
): Promise<PackageCheck> {
  const { problems, payload: p } = check;
  if (!p || problems.length) return { ...check, missing: [] };
  const missing: string[] = [];
  for (const e of p.evidence) {
    const held = await blob(e.sha256);
    if (!held) missing.push(`电子数据「${e.fileName}」（SHA-256 ${e.sha256}）尚未上传到总部`);
    else if (held.sm3 !== e.sm3 || held.size !== e.sizeBytes)
      problems.push(`电子数据「${e.fileName}」在总部重新计算的SM3或大小与封存时不符`);
  }
  return { ...check, missing };
}

export async function verifyPackage(
  pkg: SealPackage,
  device: RegisteredDevice,
  blob: (sha256: string) => Promise<HeldBlob | null>,
): Promise<PackageCheck> {
  return checkHeldEvidence(checkPackage(pkg, device), blob);
}
