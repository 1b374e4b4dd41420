// Everything HQ checks before it accepts a seal: the seal text is canonical and hashes right, both
// device signatures hold with the keys HQ registered for that device, the document's signed form
// matches the seal, every signature record's binding, image and strokes hold and bind this
// document, and every evidence blob is held at HQ with the SHA-256, SM3 and size the seal names
// (HQ computed them itself when the blob arrived). Pure: the caller supplies what HQ holds.
import { canonicalJson } from '../../shared/crypto/canonical-json.ts';
import { ed25519Verify } from '../../protocol/crypto/ed25519.ts';
import { sm2Verify } from '../../protocol/crypto/sm2.ts';
import type { SealPayload } from '../../protocol/seal/seal-payload.ts';
import { dualHash } from '../../protocol/seal/document-hash.ts';
import { binding, sha256Hex, type BoundFields } from '../../protocol/seal/signature-binding.ts';
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

export function verifyPackage(
  pkg: SealPackage,
  device: RegisteredDevice,
  blob: (sha256: string) => HeldBlob | null,
): PackageCheck {
  const problems: string[] = [];
  const text = pkg.seal.payload;
  const hash = dualHash(text);
  let p: SealPayload;
  try {
    p = JSON.parse(text) as SealPayload;
  } catch {
    return { problems: ['封存内容无法解析'], missing: [], payload: null, hash };
  }
  if (canonicalJson(p) !== text) problems.push('封存内容不是规范化JSON（RFC 8785）');
  if (p.format !== 'wangxin-field-seal/1') problems.push(`封存格式 ${String(p.format)} 不受支持`);
  if (p.device?.id !== device.deviceId) problems.push('封存不是该设备制作的（设备编号不符）');
  if (p.device?.seq !== pkg.seal.seq) problems.push('封存序号与封存内容不符');
  if (p.device?.sm2PublicKey !== device.sm2PublicKey || p.device?.ed25519PublicKeyPem !== device.ed25519PublicKeyPem)
    problems.push('封存所用密钥不是该设备登记的密钥');
  const bytes = new TextEncoder().encode(text);
  if (!sm2Verify(bytes, pkg.seal.sm2Signature, device.sm2PublicKey)) problems.push('设备SM2签名无效');
  if (!ed25519Verify(bytes, pkg.seal.ed25519Signature, device.ed25519PublicKeyPem))
    problems.push('设备Ed25519签名无效');
  if (problems.length) return { problems, missing: [], payload: p, hash };

  const doc = dualHash(p.document.signedForm);
  if (doc.sha256 !== p.document.sha256 || doc.sm3 !== p.document.sm3)
    problems.push(`文书 ${p.document.docNo} 的原文与封存中的校验值不符`);

  const records = new Map(pkg.signatures.map((s) => [s.id, s]));
  for (const s of p.signatures) {
    const label = `签名 ${s.role}${s.signerName}（${s.slotId}）`;
    const rec = records.get(s.id);
    if (!rec) {
      problems.push(`${label} 的记录缺失`);
      continue;
    }
    let f: BoundFields & { bindingSha256: string; bindingSm3: string };
    try {
      f = JSON.parse(rec.record) as typeof f;
    } catch {
      problems.push(`${label} 的记录无法解析`);
      continue;
    }
    const { bindingSha256, bindingSm3, ...fields } = f;
    const b = binding(fields);
    if (
      b.sha256 !== bindingSha256 ||
      b.sm3 !== bindingSm3 ||
      bindingSha256 !== s.bindingSha256 ||
      bindingSm3 !== s.bindingSm3
    )
      problems.push(`${label} 的记录被改动（绑定值不符）`);
    if (f.docSha256 !== p.document.sha256 || f.docSm3 !== p.document.sm3 || f.documentId !== p.document.id)
      problems.push(`${label} 不是对本文书的签名`);
    if (f.status === 'signed') {
      const png = rec.imagePngBase64 === null ? null : Buffer.from(rec.imagePngBase64, 'base64');
      if (!png || sha256Hex(png) !== f.imageSha256) problems.push(`${label} 的图像与签名时不一致`);
      if (rec.strokes === null || sha256Hex(rec.strokes) !== f.strokesSha256)
        problems.push(`${label} 的笔迹数据与签名时不一致`);
    }
  }

  const missing: string[] = [];
  for (const e of p.evidence) {
    const held = blob(e.sha256);
    if (!held) missing.push(`电子数据「${e.fileName}」（SHA-256 ${e.sha256}）尚未上传到总部`);
    else if (held.sm3 !== e.sm3 || held.size !== e.sizeBytes)
      problems.push(`电子数据「${e.fileName}」在总部重新计算的SM3或大小与封存时不符`);
  }
  return { problems, missing, payload: p, hash };
}
