// One seal checked from its parts, wherever they come from (a bundle's index, a seal folder
// 封存-编号/, HQ's received package): the seal text (canonical, well-formed, its number), both
// device signatures, the document's signed form, every signature record (binding, image,
// strokes, and that it binds this document) and every evidence file's digests. Each problem names
// the item — a signature by role, signer, slot and page. docs/SEAL-FORMAT.md, "Verifying".
import { canonicalJson } from '../../shared/crypto/canonical-json.ts';
import { ed25519Verify } from '../crypto/ed25519.ts';
import { sm2PublicKeyFromPem, sm2PublicKeyPem, sm2Verify } from '../crypto/sm2.ts';
import { dualHash, type DocHash } from './document-hash.ts';
import { binding, imageOnly, sha256Hex } from './signature-binding.ts';
import type { SealPayload } from './seal-payload.ts';
import { SealPayloadSchema, SignatureRecordSchema, schemaProblem } from './seal-schema.ts';

export interface DeviceKeys {
  /** 04‖x‖y hex. */
  sm2PublicKey: string;
  ed25519PublicKeyPem: string;
}

const ED25519_SPKI_PREFIX = '302a300506032b6570032100';

/**
 * The device's keys from its two PEM files, each required in exactly the form the device writes
 * (SubjectPublicKeyInfo, 64-character lines, one final newline): an SM2 key on its curve
 * (1.2.156.10197.1.301), an Ed25519 key. Anything else is refused, not interpreted.
 */
export function deviceKeysFromPem(
  sm2Pem: string | null,
  ed25519Pem: string | null,
): { keys: DeviceKeys; problems: string[] } {
  const problems: string[] = [];
  let sm2 = '';
  if (sm2Pem === null) problems.push('缺少 device-sm2.pem');
  else {
    const hex = sm2PublicKeyFromPem(sm2Pem);
    if (/^04[0-9a-f]{128}$/.test(hex) && sm2PublicKeyPem(hex) === sm2Pem) sm2 = hex;
    else problems.push('device-sm2.pem 不是规定格式的 SM2 公钥');
  }
  let ed = '';
  if (ed25519Pem === null) problems.push('缺少 device-ed25519.pem');
  else {
    const m = /^-----BEGIN PUBLIC KEY-----\n([A-Za-z0-9+/]{59}=)\n-----END PUBLIC KEY-----\n$/.exec(ed25519Pem);
    if (m && Buffer.from(m[1]!, 'base64').toString('hex').startsWith(ED25519_SPKI_PREFIX)) ed = ed25519Pem;
    else problems.push('device-ed25519.pem 不是规定格式的 Ed25519 公钥');
  }
  return { keys: { sm2PublicKey: sm2, ed25519PublicKeyPem: ed }, problems };
}

/** Canonical JSON (RFC 8785) of the parsed text equals the text itself. */
export function isCanonical(text: string, parsed: unknown): boolean {
  try {
    return canonicalJson(parsed) === text;
  } catch {
    return false; // a floating-point number: never canonical here
  }
}

export function parseJson(text: string | null): { ok: true; value: unknown } | { ok: false } {
  if (text === null) return { ok: false };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/**
 * The seal itself: parsed, canonical, of the specified shape, numbered `seq` (when the container
 * names a number), made with `keys` and signed by them. Returns the payload when it could be read.
 */
export function checkSealText(
  text: string | null,
  sm2Signature: Buffer | null,
  ed25519Signature: Buffer | null,
  keys: DeviceKeys | null,
  seq: number | null,
  /** How the report calls the keys the seal must have been made with. */
  keysName = '包中的设备公钥文件',
  seqName = '所在目录的序号',
): { payload: SealPayload | null; hash: DocHash | null; problems: string[] } {
  if (text === null) return { payload: null, hash: null, problems: ['封存内容（seal.json）缺失'] };
  const hash = dualHash(text);
  const parsed = parseJson(text);
  if (!parsed.ok) return { payload: null, hash, problems: ['封存内容（seal.json）不是有效的JSON'] };
  const shape = SealPayloadSchema.safeParse(parsed.value);
  if (!shape.success)
    return { payload: null, hash, problems: [`封存内容（seal.json）不符合封存格式：${schemaProblem(shape.error)}`] };
  const p = parsed.value as SealPayload;
  const problems: string[] = [];
  if (!isCanonical(text, p)) problems.push('封存内容不是规范化JSON（RFC 8785）');
  if (seq !== null && p.device.seq !== seq) problems.push(`封存内容中的序号为${p.device.seq}，与${seqName}${seq}不符`);
  if (
    keys &&
    (p.device.sm2PublicKey !== keys.sm2PublicKey || p.device.ed25519PublicKeyPem !== keys.ed25519PublicKeyPem)
  )
    problems.push(`封存中的设备公钥与${keysName}不符`);
  const bytes = new TextEncoder().encode(text);
  if (!sm2Signature || !sm2Verify(bytes, sm2Signature.toString('hex'), p.device.sm2PublicKey))
    problems.push('SM2签名无效');
  if (!ed25519Signature || !ed25519Verify(bytes, ed25519Signature.toString('hex'), p.device.ed25519PublicKeyPem))
    problems.push('Ed25519签名无效');
  const form = dualHash(p.document.signedForm);
  if (form.sha256 !== p.document.sha256 || form.sm3 !== p.document.sm3)
    problems.push(`封存中的文书 ${p.document.docNo} 原文与其校验值不符`);
  return { payload: p, hash, problems };
}

/** The document's signed form as a separate file (document.json): byte for byte the sealed one. */
export function checkDocumentFile(p: SealPayload, doc: Buffer | null): string[] {
  if (!doc) return [`文书 ${p.document.docNo} 的原文（document.json）缺失`];
  const h = dualHash(doc.toString('utf8'));
  if (h.sha256 !== p.document.sha256 || h.sm3 !== p.document.sm3 || !doc.equals(Buffer.from(p.document.signedForm)))
    return [`文书 ${p.document.docNo} 的内容与封存时的校验值不符`];
  return [];
}

export interface SignatureFiles {
  record: string | null;
  image: Uint8Array | null;
  strokes: Uint8Array | null;
}

/** How a report names a signature: who, in what role, which slot and — signed page by page — which page. */
export function signatureLabel(s: { role: string; signerName: string; slotId: string; page: number | null }): string {
  return `签名「${s.role} ${s.signerName}」（${s.slotId}${s.page === null ? '' : `，第${s.page}页`}）`;
}

// The fields a seal lists for each signature that its bound record holds too: they must agree.
const SHARED = [
  'slotId',
  'page',
  'status',
  'role',
  'signerName',
  'signerIdNumber',
  'officerId',
  'signedAt',
  'imageSha256',
  'strokesSha256',
  'reason',
  'witnessSignatureId',
] as const;

/** Every signature the seal lists: its record's binding, image and strokes, bound to this document. */
export function checkSignatures(p: SealPayload, files: (id: string) => SignatureFiles): string[] {
  const problems: string[] = [];
  for (const s of p.signatures) {
    const label = signatureLabel(s);
    const f = files(s.id);
    const parsed = parseJson(f.record);
    if (!parsed.ok) {
      problems.push(f.record === null ? `${label}的记录缺失` : `${label}的记录不是有效的JSON`);
      continue;
    }
    const shape = SignatureRecordSchema.safeParse(parsed.value);
    if (!shape.success) {
      problems.push(`${label}的记录不符合格式：${schemaProblem(shape.error)}`);
      continue;
    }
    const r = shape.data;
    const { bindingSha256, bindingSm3, ...bound } = r;
    const b = binding(bound);
    if (b.sha256 !== bindingSha256 || b.sm3 !== bindingSm3) problems.push(`${label}的记录被改动（绑定值不符）`);
    if (bindingSha256 !== s.bindingSha256 || bindingSm3 !== s.bindingSm3 || r.id !== s.id)
      problems.push(`${label}的记录不是封存时的记录（与封存中的绑定值不符）`);
    else if (SHARED.some((k) => r[k] !== s[k])) problems.push(`${label}的记录与封存中所列不符`);
    if (r.documentId !== p.document.id || r.docSha256 !== p.document.sha256 || r.docSm3 !== p.document.sm3)
      problems.push(`${label}不是对本文书的签名（文书校验值不符）`);
    if (r.status === 'signed') {
      if (!f.image || sha256Hex(f.image) !== r.imageSha256) problems.push(`${label}的图像被改动或缺失`);
      if (
        imageOnly(r)
          ? f.strokes !== null || r.strokesSha256 !== null
          : !f.strokes || sha256Hex(f.strokes) !== r.strokesSha256
      )
        problems.push(`${label}的笔迹数据被改动或缺失`);
    } else if (f.image || f.strokes) problems.push(`${label}未签名（${r.status}），却附有图像或笔迹`);
  }
  return problems;
}

export interface EvidenceDigests {
  sha256: string;
  sm3: string;
  size: number;
}

/** Every evidence file the seal names: SHA-256, SM3 and size recomputed from the bytes. */
export function checkEvidence(p: SealPayload, digests: (sha256: string) => EvidenceDigests | null): string[] {
  const problems: string[] = [];
  for (const e of p.evidence) {
    const d = digests(e.sha256);
    if (!d) problems.push(`电子数据「${e.fileName}」（evidence/${e.sha256}）缺失`);
    else if (d.sha256 !== e.sha256 || d.sm3 !== e.sm3 || d.size !== e.sizeBytes)
      problems.push(`电子数据「${e.fileName}」的内容与封存时的校验值不符`);
  }
  return problems;
}
