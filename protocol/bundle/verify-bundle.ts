// Verifying a sealed bundle on its own (docs/SEAL-FORMAT.md, "Verifying a bundle"), in the order
// the specification gives: the archive against the tar profile (bundle-index.ts, one read); the
// manifest and its device signatures; every member against the manifest and each one vouched
// for by a seal or by the manifest's signature; each seal (signatures, number, document,
// signature records, evidence); the chain; the seals against the audit log; the audit chain.
// The same checks, from the same document, are made by tools/verify-py/ — the tests require the
// same verdicts on every tampered bundle of the corpus.
import { ed25519Verify } from '../crypto/ed25519.ts';
import { sm2Verify } from '../crypto/sm2.ts';
import type { SealPayload } from '../seal/seal-payload.ts';
import { schemaProblem } from '../seal/seal-schema.ts';
import {
  checkDocumentFile,
  checkEvidence,
  checkSealText,
  checkSignatures,
  deviceKeysFromPem,
  isCanonical,
  parseJson,
  type DeviceKeys,
} from '../seal/verify-seal-parts.ts';
import type { Check, VerifyReport } from '../seal/verify-report.ts';
import { readBundleIndex, type BundleIndex } from './bundle-index.ts';
import {
  BUNDLE_FORMAT,
  DEVICE_ED25519,
  DEVICE_SM2,
  MANIFEST,
  MANIFEST_ED25519,
  MANIFEST_SM2,
  ManifestSchema,
  sealMember,
  signatureMember,
  type Manifest,
} from './bundle-format.ts';
import { checkMembers } from './verify-members.ts';
import { verifyTrust, type ExpectedRoot } from '../trust/verify-trust.ts';
import { verifyAgainstAudit } from './verify-audit.ts';

/** `trust`: the root to anchor to (--hq-root, the device's pinned HQ, HQ itself); null: none given. */
export interface TrustOptions {
  expected: ExpectedRoot | null;
  allowMissing?: boolean;
}

/** Each seal's checkSealText done beforehand (on worker threads: verify-bundle-parallel.ts), by member name. */
export type SealPrecheck = (member: string) => ReturnType<typeof checkSealText> | undefined;

/** `precheck`: given, checks the seals' texts and signatures beforehand (in parallel); the report is the same. */
export async function verifyBundle(
  path: string,
  trust: TrustOptions = { expected: null },
  precheck?: (index: BundleIndex) => Promise<SealPrecheck>,
): Promise<VerifyReport> {
  const r = await readBundleIndex(path);
  if (!r.ok)
    return {
      ok: false,
      checks: [{ id: 'tar', what: '封存包', ok: false, detail: r.problems.join('；') }],
      anchor: { fingerprint: null, hqName: null, anchored: false },
    };
  return verifyIndex(r.index, trust, precheck ? await precheck(r.index) : undefined);
}

/** Reports the checks in order; a bundle whose manifest cannot be read stops there. */
export function verifyIndex(
  index: BundleIndex,
  trust: TrustOptions = { expected: null },
  prechecked?: SealPrecheck,
): VerifyReport {
  const checks: Check[] = [
    { id: 'tar', what: '封存包', ok: true, detail: `${index.members.size}个文件，符合封存包的 tar 格式` },
  ];
  const add = (id: string, what: string, problems: string[], okDetail: string) =>
    checks.push({ id, what, ok: problems.length === 0, detail: problems.length ? problems.join('；') : okDetail });
  let anchor: NonNullable<VerifyReport['anchor']> = { fingerprint: null, hqName: null, anchored: false };
  const done = (): VerifyReport => ({ ok: checks.every((c) => c.ok), checks, anchor });

  // 1. The manifest, the device's keys, the manifest's signatures.
  const read = readManifest(index);
  if ('fatal' in read) {
    add('manifest', '清单', [read.fatal], '');
    return done();
  }
  const { manifest, keys } = read;
  add('manifest', '清单', read.problems, `格式 ${BUNDLE_FORMAT}，清单的 SM2 和 Ed25519 签名有效`);

  // 2. Each seal the manifest lists, from its own files.
  const seqs = [...new Set(manifest.seals.map((s) => s.seq))].sort((a, b) => a - b);
  const payloads = new Map<number, SealPayload>();
  const texts = new Map<number, string>();
  const sealChecks: Check[] = [];
  for (const seq of seqs) {
    const listed = manifest.seals.find((s) => s.seq === seq)!;
    const text = index.text(sealMember(seq, 'seal.json'));
    const r =
      prechecked?.(sealMember(seq, 'seal.json')) ??
      checkSealText(
        text,
        index.bytes(sealMember(seq, 'seal.sm2.der')),
        index.bytes(sealMember(seq, 'seal.ed25519.sig')),
        keys,
        seq,
      );
    const problems = r.problems;
    if (r.hash && (r.hash.sha256 !== listed.sha256 || r.hash.sm3 !== listed.sm3)) problems.push('封存校验值与清单不符');
    const p = r.payload;
    if (p) {
      payloads.set(seq, p);
      texts.set(seq, text!);
      if (p.device.id !== manifest.deviceId) problems.push('封存的设备编号与清单不符');
      if (p.document.id !== listed.documentId) problems.push('封存的文书与清单所列不符');
      problems.push(...checkDocumentFile(p, index.bytes(sealMember(seq, 'document.json'))));
      problems.push(
        ...checkSignatures(p, (id) => ({
          record: index.text(signatureMember(id, 'json')),
          image: index.bytes(signatureMember(id, 'png')),
          strokes: index.bytes(signatureMember(id, 'strokes')),
        })),
      );
      problems.push(
        ...checkEvidence(p, (sha) => {
          const m = index.members.get(`evidence/${sha}`);
          return m && m.sm3 ? { sha256: m.sha256, sm3: m.sm3, size: m.size } : null;
        }),
      );
    }
    sealChecks.push({
      id: `seal:${seq}`,
      what: `封存${seq}${p ? `：${p.document.docNo}` : ''}`,
      ok: problems.length === 0,
      detail: problems.length
        ? problems.join('；')
        : `签名（SM2、Ed25519）有效；文书、${p!.signatures.length}个签名、${p!.evidence.length}件电子数据与封存时一致`,
    });
  }

  // 3. Every member against the manifest, and vouched for (needs the seals' contents).
  add('members', '封存包文件清单', checkMembers(index, manifest, payloads), `${manifest.files.length}个文件与清单一致`);
  checks.push(...sealChecks);

  // 4–6. The chain, the seals against the audit log, the audit chain.
  checks.push(...verifyAgainstAudit(index, manifest, seqs, payloads, texts));

  // 7. Whose keys these are: HQ's certificate of them, and whether its root is the one trusted.
  const t = verifyTrust({
    read: (name) => index.bytes(name),
    names: [...index.members.keys()].filter((n) => n.startsWith('trust/')),
    deviceId: manifest.deviceId,
    keys,
    seals: seqs.map((seq) => {
      const listed = manifest.seals.find((s) => s.seq === seq)!;
      return { seq, sealedAt: payloads.get(seq)?.time.sealedAt ?? null, sha256: listed.sha256, sm3: listed.sm3 };
    }),
    expected: trust.expected,
    ...(trust.allowMissing ? { allowMissing: true } : {}),
  });
  checks.push(t.check);
  anchor = t.anchor;
  return done();
}

function readManifest(
  index: BundleIndex,
): { fatal: string } | { manifest: Manifest; keys: DeviceKeys; problems: string[] } {
  const bytes = index.bytes(MANIFEST);
  if (!bytes) return { fatal: '缺少 manifest.json，不是本程序导出的封存包' };
  const text = bytes.toString('utf8');
  const parsed = parseJson(text);
  if (!parsed.ok || typeof parsed.value !== 'object' || parsed.value === null)
    return { fatal: 'manifest.json 不是有效的JSON，不是本程序导出的封存包或已损坏' };
  const format = (parsed.value as { format?: unknown }).format;
  if (format === 'wangxin-field-bundle/1')
    return { fatal: '这是旧格式（wangxin-field-bundle/1）的封存包，其清单没有签名：请用本版本的程序重新导出' };
  if (format !== BUNDLE_FORMAT) return { fatal: `格式 ${String(format)} 不是 ${BUNDLE_FORMAT}` };
  const shape = ManifestSchema.safeParse(parsed.value);
  if (!shape.success) return { fatal: `manifest.json 不符合格式：${schemaProblem(shape.error)}` };
  const manifest = shape.data;
  const { keys, problems } = deviceKeysFromPem(index.text(DEVICE_SM2), index.text(DEVICE_ED25519));
  if (!isCanonical(text, parsed.value)) problems.push('manifest.json 不是规范化JSON（RFC 8785）');
  if (new Set(manifest.seals.map((s) => s.seq)).size !== manifest.seals.length) problems.push('清单中的封存序号重复');
  const sm2 = index.bytes(MANIFEST_SM2);
  const ed = index.bytes(MANIFEST_ED25519);
  if (!sm2) problems.push(`缺少 ${MANIFEST_SM2}`);
  else if (!keys.sm2PublicKey || !sm2Verify(bytes, sm2.toString('hex'), keys.sm2PublicKey))
    problems.push('清单的SM2签名无效');
  if (!ed) problems.push(`缺少 ${MANIFEST_ED25519}`);
  else if (!keys.ed25519PublicKeyPem || !ed25519Verify(bytes, ed.toString('hex'), keys.ed25519PublicKeyPem))
    problems.push('清单的Ed25519签名无效');
  return { manifest, keys, problems };
}
