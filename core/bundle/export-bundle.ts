// The sealed bundle: one tar file holding everything needed to check one or more sealed documents
// without this program — seals and their signatures, the device's public keys, each document's
// signed form, every signature record with its image and strokes, every evidence file by its
// SHA-256, the audit log, and a manifest with the SHA-256 of every file, signed by the device
// (SM2 and Ed25519) so that what no seal signs — the export's choice, the audit log's tail, the
// outbox's extras — is the device's word too. docs/SEAL-FORMAT.md.
import { createHash, type Hash } from 'node:crypto';
import { basename } from 'node:path';
import { canonicalJson } from '../../shared/crypto/canonical-json.ts';
import type { AuditLog } from '../audit/audit-log.ts';
import type { Clock } from '../clock.ts';
import type { InTransaction } from '../db/unit-of-work.ts';
import type { DeviceIdentity } from '../device/device-identity.ts';
import type { EvidenceStore } from '../evidence/evidence-store.ts';
import { signatureMaterial, type SignatureSource } from '../seals/seal-material.ts';
import type { SealStore } from '../seals/seal-store.ts';
import type { TwoOfficerSession } from '../session/two-officer-session.ts';
import type { ReleasedBlobs } from '../sync/released-blobs.ts';
import type { TrustStore } from '../sync/trust-store.ts';
import { CoreError } from '../../protocol/runtime/core-error.ts';
import { sm2PublicKeyPem } from '../../protocol/crypto/sm2.ts';
import type { SealPayload } from '../../protocol/seal/seal-payload.ts';
import type { SealRow } from '../seals/seal-row.ts';
import { writeFileAtomicStreaming } from '../../protocol/runtime/write-file-atomic.ts';
import { BundleWriter } from '../../protocol/bundle/bundle-writer.ts';
import {
  AUDIT,
  BUNDLE_FORMAT,
  DEVICE_ED25519,
  DEVICE_SM2,
  evidenceMember,
  MANIFEST,
  MANIFEST_ED25519,
  MANIFEST_SM2,
  sealMember,
  signatureMember,
  type Manifest,
} from '../../protocol/bundle/bundle-format.ts';
import type { AuditAction } from '../../shared/audit/audit-actions.ts';

/** What a bundle is made from; its audit rows commit in one transaction. */
export interface ExportBundleDeps {
  clock: Clock;
  seals: Pick<SealStore, 'rowFor'>;
  device: Pick<DeviceIdentity, 'public' | 'sign'>;
  signatures: SignatureSource;
  evidence: Pick<EvidenceStore, 'storedSize' | 'readStored'>;
  released: Pick<ReleasedBlobs, 'all'>;
  /** HQ's certification of the device for trust/ (core/sync/trust-store.ts). */
  trust: Pick<TrustStore, 'files'>;
  audit: Pick<AuditLog, 'rows' | 'append'>;
  session: Pick<TwoOfficerSession, 'signedInIds'>;
  inTransaction: InTransaction;
}

const sha256 = (b: Uint8Array | string) => createHash('sha256').update(b).digest('hex');

async function* hashing(chunks: AsyncIterable<Uint8Array>, h: Hash): AsyncGenerator<Uint8Array> {
  for await (const c of chunks) {
    h.update(c);
    yield c;
  }
}

/**
 * `extras`: further files (the outbox bundle adds cases.json and each seal's PDF), listed in the
 * manifest too. `action` names the audit rows: one per case, listing its documents and their seal
 * hashes, committed after the file is complete and before it gets its name — so a bundle never
 * exists without its rows (a crash in between leaves a row and a hidden temporary file).
 */
export async function exportBundle(
  core: ExportBundleDeps,
  documentIds: string[],
  path: string,
  extras: { name: string; bytes: Uint8Array }[] = [],
  action: { action: AuditAction; detail: string } = { action: 'export-bundle', detail: '导出封存包' },
): Promise<{ path: string; files: number; seals: number[] }> {
  const rows: SealRow[] = documentIds.map((id) => {
    const r = core.seals.rowFor(id);
    if (!r) throw new CoreError('conflict', '只能导出已封存的文书。');
    return r;
  });
  rows.sort((a, b) => a.seq - b.seq);
  const device = core.device.public();
  const files: { path: string; sha256: string; size: number }[] = [];
  await writeFileAtomicStreaming(path, async (fd) => {
    const tar = new BundleWriter(fd, core.clock.now());
    const add = async (name: string, bytes: Uint8Array) => {
      await tar.add(name, bytes);
      files.push({ path: name, sha256: sha256(bytes), size: bytes.length });
    };
    await add(DEVICE_SM2, Buffer.from(sm2PublicKeyPem(device.sm2PublicKey)));
    await add(DEVICE_ED25519, Buffer.from(device.ed25519PublicKeyPem));
    const evidence = new Map<string, { sha256: string; size: number; fileName: string }>();
    for (const r of rows) {
      const p = JSON.parse(r.payload) as SealPayload;
      await add(sealMember(r.seq, 'seal.json'), Buffer.from(r.payload, 'utf8'));
      await add(sealMember(r.seq, 'seal.sm2.der'), Buffer.from(r.sm2_signature, 'hex'));
      await add(sealMember(r.seq, 'seal.ed25519.sig'), Buffer.from(r.ed25519_signature, 'hex'));
      await add(sealMember(r.seq, 'document.json'), Buffer.from(p.document.signedForm, 'utf8'));
      for (const m of signatureMaterial(core.signatures, p.document.id)) {
        await add(signatureMember(m.id, 'json'), Buffer.from(m.record, 'utf8'));
        if (m.image) await add(signatureMember(m.id, 'png'), m.image);
        if (m.strokes) await add(signatureMember(m.id, 'strokes'), Buffer.from(m.strokes, 'utf8'));
      }
      for (const e of p.evidence)
        if (!evidence.has(e.sha256))
          evidence.set(e.sha256, { sha256: e.sha256, size: e.sizeBytes, fileName: e.fileName });
    }
    const gone = core.released.all();
    for (const e of evidence.values()) {
      if (gone.has(e.sha256))
        throw new CoreError(
          'conflict',
          `电子数据（SHA-256 ${e.sha256.slice(0, 16)}…）已在取得总部回执后从本机释放，本机不能再导出含它的封存包。请向总部调取。`,
        );
      // Decrypted chunk by authenticated chunk into the tar, hashed on the way: one read. A
      // failure (a damaged chunk names the item) abandons the whole bundle file.
      const changed = () =>
        new CoreError(
          'integrity',
          `电子数据「${e.fileName}」（SHA-256 ${e.sha256}）的内容已与封存时不符，不能导出。请先核验。`,
        );
      if (core.evidence.storedSize(e.sha256, e.fileName) !== e.size) throw changed();
      const h = createHash('sha256');
      await tar.addChunks(evidenceMember(e.sha256), e.size, hashing(core.evidence.readStored(e.sha256, e.fileName), h));
      if (h.digest('hex') !== e.sha256) throw changed();
      files.push({ path: evidenceMember(e.sha256), sha256: e.sha256, size: e.size });
    }
    for (const x of extras) await add(x.name, x.bytes);
    // HQ's root keys, its certificate of this device's keys, the device's status and HQ's receipts.
    for (const x of core.trust.files(rows.map((r) => r.seq))) await add(x.name, x.bytes);
    await add(AUDIT, Buffer.from(canonicalJson(core.audit.rows()), 'utf8'));
    // `requested`: the documents the officer chose, so that a verifier can tell a seal left out on
    // purpose (reported as not included) from one taken out of the bundle afterwards.
    const manifest: Manifest = {
      format: BUNDLE_FORMAT,
      createdAt: core.clock.now().toISOString(),
      deviceId: device.deviceId,
      requested: [...documentIds],
      seals: rows.map((r) => ({ seq: r.seq, documentId: r.document_id, sha256: r.hash_sha256, sm3: r.hash_sm3 })),
      files,
    };
    const manifestBytes = Buffer.from(canonicalJson(manifest), 'utf8');
    const signature = core.device.sign(manifestBytes);
    await tar.add(MANIFEST, manifestBytes);
    await tar.add(MANIFEST_SM2, Buffer.from(signature.sm2, 'hex'));
    await tar.add(MANIFEST_ED25519, Buffer.from(signature.ed25519, 'hex'));
    await tar.end();
    const officerIds = core.session.signedInIds();
    const byCase = new Map<string, string[]>();
    for (const r of rows) {
      const caseId = (JSON.parse(r.payload) as SealPayload).document.caseId;
      byCase.set(caseId, [...(byCase.get(caseId) ?? []), r.document_id, r.hash_sha256]);
    }
    core.inTransaction(() => {
      for (const [caseId, targets] of byCase)
        core.audit.append({
          action: action.action,
          officerIds,
          caseId,
          targets,
          detail: `${action.detail}：${basename(path)}（封存${rows.map((r) => r.seq).join('、')}）`,
        });
    });
  });
  return { path, files: files.length + 3, seals: rows.map((r) => r.seq) };
}
