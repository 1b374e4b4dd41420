// The trust chain checked (docs/SEAL-FORMAT.md, "The trust chain"): the root keys a bundle or seal
// folder carries (trust/hq-root.json), the device certificate they signed, the device's status and
// HQ's receipts — and whether that root is the one the verifier was told to trust (--hq-root). One
// implementation for every reader: npm run verify (bundles, seal folders), the app, HQ's import.
import { ed25519Verify } from '../crypto/ed25519.ts';
import { sm2Verify } from '../crypto/sm2.ts';
import type { Check } from '../seal/verify-report.ts';
import { isCanonical, parseJson, type DeviceKeys } from '../seal/verify-seal-parts.ts';
import { schemaProblem } from '../seal/seal-schema.ts';
import type { z } from 'zod';
import { ReceiptSchema } from '../sync/hq-api.ts';
import {
  CertificateSchema,
  ed25519KeyId,
  fingerprint,
  RootSchema,
  sm2KeyId,
  StatusSchema,
  TRUST_ROOT,
  trustMember,
  type HqRoot,
  type TrustDoc,
} from './trust-format.ts';

/** The root a verifier is told to trust: its fingerprint, or the root document itself (a file). */
export type ExpectedRoot = { fingerprint: string } | { rootText: string };

/** What the report says about the anchor: the root found, and whether it is the one given. */
export interface Anchor {
  /** The fingerprint of the root the bundle or folder carries, or null if it carries none. */
  fingerprint: string | null;
  hqName: string | null;
  /** True only when a root was given, the chain holds, and it is that root. */
  anchored: boolean;
}

export interface TrustInput {
  read: (name: string) => Buffer | null;
  /** Every member (or file) name under trust/. */
  names: string[];
  deviceId: string;
  keys: DeviceKeys;
  /** The seals the container lists (a bundle's manifest), with the signed time of each that could be read. */
  seals: { seq: number; sealedAt: string | null; sha256: string; sm3: string }[];
  expected: ExpectedRoot | null;
  /** HQ's import: a device not yet certified is tied to its registration instead (no failure for a missing certificate). */
  allowMissing?: boolean;
}

export function verifyTrust(t: TrustInput): { check: Check; anchor: Anchor } {
  const problems: string[] = [];
  const notes: string[] = [];
  const anchor: Anchor = { fingerprint: null, hqName: null, anchored: false };
  const rootBytes = t.read(TRUST_ROOT);
  const expectedFp =
    t.expected && ('fingerprint' in t.expected ? t.expected.fingerprint : fingerprint(t.expected.rootText));
  const finish = (okDetail: string) => {
    const ok = problems.length === 0;
    anchor.anchored = ok && expectedFp !== null && anchor.fingerprint === expectedFp;
    return {
      check: {
        id: 'trust',
        what: '信任链（总部证书）',
        ok,
        detail: ok ? [okDetail, ...notes].join('；') : problems.join('；'),
      },
      anchor,
    };
  };
  const certBytes = t.read(trustMember('device-cert', 'json'));
  if (!rootBytes || !certBytes) {
    const missing = !rootBytes ? TRUST_ROOT : trustMember('device-cert', 'json');
    if (expectedFp && !t.allowMissing)
      problems.push(`缺少 ${missing}：没有总部对设备公钥的证书，无法证明签名密钥属于指定的总部`);
    return finish(`没有总部证书（缺少 ${missing}）：无法证明签名密钥属于哪个网信办`);
  }

  // The root.
  const root = readDoc(rootBytes, TRUST_ROOT, RootSchema, problems);
  anchor.fingerprint = fingerprint(rootBytes);
  if (!root) return finish('');
  anchor.hqName = root.name;
  if (expectedFp && anchor.fingerprint !== expectedFp)
    problems.push(
      `包中的总部根密钥（指纹 ${anchor.fingerprint}，${root.name}）不是指定的总部根密钥（指纹 ${expectedFp}）：证书来自另一个根`,
    );

  // The certificate.
  const cert = readSigned('device-cert', t, root, problems, CertificateSchema, '设备证书');
  if (cert) {
    if (cert.hqId !== root.hqId) problems.push('设备证书不是该总部签发的（hqId 不符）');
    if (
      cert.hqKeyIds.sm2 !== sm2KeyId(root.sm2PublicKey) ||
      cert.hqKeyIds.ed25519 !== ed25519KeyId(root.ed25519PublicKeyPem)
    )
      problems.push('设备证书所列的总部密钥编号与总部根密钥不符');
    if (cert.deviceId !== t.deviceId)
      problems.push(`设备证书是设备 ${cert.deviceId} 的，不是本设备（${t.deviceId}）的`);
    if (cert.sm2PublicKey !== t.keys.sm2PublicKey || cert.ed25519PublicKeyPem !== t.keys.ed25519PublicKeyPem)
      problems.push('设备证书所证明的是其他公钥：与签名所用的设备公钥不符');
    for (const s of t.seals)
      if (s.sealedAt !== null && !(s.sealedAt >= cert.notBefore && s.sealedAt <= cert.notAfter))
        problems.push(
          `封存${s.seq}的时间（${s.sealedAt}）不在设备证书的有效期（${cert.notBefore} 至 ${cert.notAfter}）内`,
        );
  }

  // The device's status (optional: known when the device last synced).
  if (t.read(trustMember('status', 'json'))) {
    const st = readSigned('status', t, root, problems, StatusSchema, '设备状态声明');
    if (st) {
      if (st.hqId !== root.hqId || st.deviceId !== t.deviceId || (cert && st.certSerial !== cert.serial))
        problems.push('设备状态声明不是针对本设备证书的');
      else if (st.status === 'revoked') {
        for (const s of t.seals)
          if (st.revokedAt && s.sealedAt !== null && s.sealedAt >= st.revokedAt)
            problems.push(`封存${s.seq}作于设备被总部吊销（${st.revokedAt}）之后`);
        notes.push(`总部声明该设备已于 ${st.revokedAt} 吊销（截至 ${st.asOf}）`);
      } else notes.push(`总部声明截至 ${st.asOf} 该设备未被吊销`);
    }
  }

  // HQ's receipts, each for a seal in the bundle.
  const receipts = t.names
    .map((n) => /^trust\/receipts\/([1-9][0-9]{0,8})\.json$/.exec(n))
    .filter((m) => m !== null)
    .map((m) => Number(m[1]));
  for (const seq of receipts.sort((a, b) => a - b)) {
    const r = readSigned(`receipts/${seq}`, t, root, problems, ReceiptSchema.strict(), `封存${seq}的总部回执`);
    if (!r) continue;
    const seal = t.seals.find((s) => s.seq === seq);
    if (r.hqId !== root.hqId || r.deviceId !== t.deviceId || r.seq !== seq)
      problems.push(`封存${seq}的总部回执不是该总部对本设备此封存的回执`);
    else if (!seal || seal.sha256 !== r.sealSha256 || seal.sm3 !== r.sealSm3)
      problems.push(`封存${seq}的总部回执所记的封存校验值与包中的封存不符`);
  }
  if (receipts.length) notes.push(`总部回执${receipts.length}份（封存${receipts.join('、')}）有效`);
  return finish(
    cert
      ? `设备证书（${cert.office || cert.deviceName}，${cert.notBefore} 至 ${cert.notAfter}）由总部根密钥（${root.name}，指纹 ${anchor.fingerprint}）签发，证明本包的签名公钥`
      : '',
  );
}

function readDoc<T extends z.ZodType>(bytes: Buffer, name: string, schema: T, problems: string[]): z.infer<T> | null {
  const text = bytes.toString('utf8');
  const parsed = parseJson(text);
  if (!parsed.ok) {
    problems.push(`${name} 不是有效的JSON`);
    return null;
  }
  const shape = schema.safeParse(parsed.value);
  if (!shape.success) {
    problems.push(`${name} 不符合格式：${schemaProblem(shape.error)}`);
    return null;
  }
  if (!isCanonical(text, parsed.value)) problems.push(`${name} 不是规范化JSON（RFC 8785）`);
  return shape.data as z.infer<T>;
}

/** A document signed by the root: both signatures over its exact bytes, then its shape. */
function readSigned<T extends z.ZodType>(
  doc: TrustDoc,
  t: TrustInput,
  root: HqRoot,
  problems: string[],
  schema: T,
  label: string,
): z.infer<T> | null {
  const name = trustMember(doc, 'json');
  const bytes = t.read(name);
  if (!bytes) {
    problems.push(`缺少 ${name}`);
    return null;
  }
  const sm2 = t.read(trustMember(doc, 'sm2'));
  const ed = t.read(trustMember(doc, 'ed25519'));
  let signed = true;
  if (!sm2 || !sm2Verify(bytes, sm2.toString('hex'), root.sm2PublicKey)) {
    problems.push(`${label}的SM2签名无效（不是该总部根密钥签发的）`);
    signed = false;
  }
  if (!ed || !ed25519Verify(bytes, ed.toString('hex'), root.ed25519PublicKeyPem)) {
    problems.push(`${label}的Ed25519签名无效（不是该总部根密钥签发的）`);
    signed = false;
  }
  const value = readDoc(bytes, name, schema, problems);
  return signed ? value : null;
}
