// Importing an offline bundle (a sealed bundle tar carried on removable media): the bundle is read
// once into its checked index (protocol/bundle/bundle-index.ts) and verified from it
// (protocol/bundle/verify-bundle.ts: every member, seal, signature and evidence digest), then
// checked against the registered device and what HQ already holds — only then is anything
// stored, so a tampered or foreign bundle leaves HQ unchanged. What is stored comes from the same
// index (evidence is re-read by offset and re-hashed as HQ's storage takes it). The seals are then
// committed exactly as over the network, in batches; the receipts go back to the laptop as a small file.
import type { SealPayload } from '../../protocol/seal/seal-payload.ts';
import { readBundleIndex } from '../../protocol/bundle/bundle-index.ts';
import {
  CASES,
  classify,
  DEVICE_ED25519,
  DEVICE_SM2,
  MANIFEST,
  printMember,
  sealMember,
  signatureMember,
  type Manifest,
} from '../../protocol/bundle/bundle-format.ts';
import { verifyIndex } from '../../protocol/bundle/verify-bundle.ts';
import { sm2PublicKeyFromPem } from '../../protocol/crypto/sm2.ts';
import { dualHash } from '../../protocol/seal/document-hash.ts';
import type { CaseSummary, SealPackage, SignedReceipt } from '../../protocol/sync/protocol.ts';
import type { DeviceRegistry } from '../devices/device-registry.ts';
import type { DeviceRow } from '../devices/device-row.ts';
import { fail, HqFailure } from '../hq-failure.ts';
import { SEAL_BATCH_MAX } from '../../protocol/sync/hq-api.ts';
import { precheckSeals } from '../../protocol/bundle/verify-bundle-parallel.ts';
import { hqVerifyPool } from './verify-batch.ts';
import type { BlobStorage } from '../storage/blob-storage.ts';
import type { Ingest } from './ingest.ts';

export const RECEIPTS_FORMAT = 'wangxin-hq-receipts/1';

export interface ReceiptsFile {
  format: typeof RECEIPTS_FORMAT;
  hqId: string;
  deviceId: string;
  receipts: SignedReceipt[];
}

export async function importBundle(
  path: string,
  deps: {
    devices: DeviceRegistry;
    ingest: Ingest;
    storage: BlobStorage;
    hqId: string;
    /**
     * Whether the importer may import this device's seals (staff: 审核 or 管理员 at the device's
     * office or above); checked before anything is stored. Absent: the server's command line.
     */
    mayImport?: (device: DeviceRow) => Promise<boolean>;
  },
): Promise<ReceiptsFile & { officeId: string | null }> {
  const read = await readBundleIndex(path);
  // The same checks as npm run verify, anchored to HQ's own root: a certificate from another root,
  // expired or for other keys is refused. A device enrolled before certificates, whose outbox was
  // exported before its next sync, carries none: it is tied to its registration below instead.
  // The seals' texts and signatures are checked beforehand on HQ's worker pool (the same report:
  // verify-bundle-parallel.ts), so a large bundle does not hold HQ's event loop.
  const report = read.ok
    ? verifyIndex(
        read.index,
        { expected: { rootText: deps.devices.certificates.rootText() }, allowMissing: true },
        await precheckSeals(hqVerifyPool())(read.index),
      )
    : { ok: false, checks: [{ what: '封存包', ok: false, detail: read.problems.join('；') }] };
  if (!read.ok || !report.ok) {
    const failed = report.checks.filter((c) => !c.ok).map((c) => `${c.what}：${c.detail}`);
    throw fail(422, 'verification', `封存包核验未通过，未导入任何内容：${failed.join('；')}`, { problems: failed });
  }
  const index = read.index;
  const text = (name: string) => index.text(name);
  const manifest = JSON.parse(text(MANIFEST)!) as Manifest;
  const device = await deps.devices.get(manifest.deviceId);
  if (!device) throw fail(401, 'unknown_device', `封存包来自总部未登记的设备（${manifest.deviceId}），未导入。`);
  // Like a record outside the viewer's offices: not found (404), and nothing of it stored.
  if (deps.mayImport && !(await deps.mayImport(device)))
    throw fail(
      404,
      'not_found',
      '封存包来自您所辖单位以外的设备，未导入。请由该设备所属单位（或其上级单位）的审核或管理员导入。',
    );
  if (device.revoked_at)
    throw fail(403, 'revoked', `封存包来自已吊销的设备（${device.name}，${device.revoked_at}），未导入。`);
  const sm2 = sm2PublicKeyFromPem(text(DEVICE_SM2)!);
  const ed = text(DEVICE_ED25519)!;
  if (sm2 !== device.sm2_public || ed !== device.ed25519_public_pem)
    throw fail(
      403,
      'verification',
      `封存包中的设备密钥与总部登记的设备 ${device.name} 的密钥不符（来自另一台设备或被伪造），未导入。`,
      { problems: ['设备密钥不符'] },
    );
  const cases = JSON.parse(text(CASES) ?? '[]') as CaseSummary[];

  const packages: SealPackage[] = manifest.seals
    .map((s) => s.seq)
    .sort((a, b) => a - b)
    .map((seq) => {
      const payload = text(sealMember(seq, 'seal.json'))!;
      const p = JSON.parse(payload) as SealPayload;
      return {
        format: 'wangxin-sync-package/1',
        seal: {
          seq,
          payload,
          sm2Signature: index.bytes(sealMember(seq, 'seal.sm2.der'))!.toString('hex'),
          ed25519Signature: index.bytes(sealMember(seq, 'seal.ed25519.sig'))!.toString('hex'),
        },
        signatures: p.signatures.map((s) => ({
          id: s.id,
          record: text(signatureMember(s.id, 'json')) ?? '',
          imagePngBase64: index.bytes(signatureMember(s.id, 'png'))?.toString('base64') ?? null,
          strokes: text(signatureMember(s.id, 'strokes')),
        })),
        case: cases.find((c) => c.id === p.document.caseId) ?? {
          id: p.document.caseId,
          caseNo: p.document.caseNo,
          partyName: '',
          matterName: '',
          status: '',
        },
        print: JSON.parse(text(printMember(seq)) ?? 'null') as unknown,
      } satisfies SealPackage;
    });

  // Conflicts are refused before anything is stored.
  const held = new Map(
    (await deps.ingest.receiptsFor(device.device_id)).map((r) => [r.receipt.seq, r.receipt.sealSha256]),
  );
  for (const pkg of packages) {
    const h = held.get(pkg.seal.seq);
    if (h && h !== dualHash(pkg.seal.payload).sha256) {
      await deps.ingest.commit(device, pkg, 'bundle'); // flags the conflict and throws 409
    }
  }

  // Evidence (re-hashed as it is stored), then each seal in order.
  for (const m of index.members.values()) {
    const c = classify(m.name);
    if (c.kind !== 'evidence' || (await deps.ingest.heldBlob(c.sha256))) continue;
    await deps.ingest.recordBlob(await deps.storage.putStream(c.sha256, index.chunks(m.name)));
  }
  // In batches, as sync sends them (one transaction and one pass on the worker pool per batch).
  // A seal refused: the seals before it are committed (as they were seal by seal), and the refused
  // seal is committed alone for its own answer — which is thrown.
  const receipts: SignedReceipt[] = [];
  for (let i = 0; i < packages.length; i += SEAL_BATCH_MAX.seals) {
    const batch = packages.slice(i, i + SEAL_BATCH_MAX.seals);
    try {
      receipts.push(...(await deps.ingest.commitBatch(device, batch, 'bundle')));
    } catch (e) {
      const at = e instanceof HqFailure ? e.body.index : undefined;
      if (batch.length === 1 || typeof at !== 'number') throw e;
      if (at > 0) await deps.ingest.commitBatch(device, batch.slice(0, at), 'bundle');
      await deps.ingest.commit(device, batch[at]!, 'bundle');
      throw e; // not reached: the seal alone is refused again
    }
  }
  return {
    format: RECEIPTS_FORMAT,
    hqId: deps.hqId,
    deviceId: device.device_id,
    receipts,
    officeId: device.office_id,
  };
}
