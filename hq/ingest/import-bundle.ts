// Importing an offline bundle (a sealed bundle tar carried on removable media): the whole bundle
// is verified first (protocol/bundle/verify-bundle.ts: every file, seal, signature and evidence digest)
// and checked against the registered device and what HQ already holds — only then is anything
// stored, so a tampered or foreign bundle leaves HQ unchanged. Each seal is then committed exactly
// as over the network; the receipts go back to the laptop as a small file.
import type { SealPayload } from '../../protocol/seal/seal-payload.ts';
import { entryChunks, listTar, readEntry } from '../../protocol/bundle/tar.ts';
import { verifyBundle } from '../../protocol/bundle/verify-bundle.ts';
import { sm2PublicKeyFromPem } from '../../protocol/crypto/sm2.ts';
import { dualHash } from '../../protocol/seal/document-hash.ts';
import type { CaseSummary, SealPackage, SignedReceipt } from '../../protocol/sync/protocol.ts';
import type { DeviceRegistry } from '../devices/device-registry.ts';
import { fail } from '../hq-failure.ts';
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
  deps: { devices: DeviceRegistry; ingest: Ingest; storage: BlobStorage; hqId: string },
): Promise<ReceiptsFile> {
  const report = await verifyBundle(path);
  if (!report.ok) {
    const failed = report.checks.filter((c) => !c.ok).map((c) => `${c.what}：${c.detail}`);
    throw fail(422, 'verification', `封存包核验未通过，未导入任何内容：${failed.join('；')}`, { problems: failed });
  }
  const entries = listTar(path);
  const byName = new Map(entries.map((e) => [e.name, e]));
  const read = (name: string) => {
    const e = byName.get(name);
    return e ? readEntry(path, e) : null;
  };
  const manifest = JSON.parse(read('manifest.json')!.toString('utf8')) as {
    deviceId: string;
    seals: { seq: number }[];
  };
  const device = deps.devices.get(manifest.deviceId);
  if (!device) throw fail(401, 'unknown_device', `封存包来自总部未登记的设备（${manifest.deviceId}），未导入。`);
  if (device.revoked_at)
    throw fail(403, 'revoked', `封存包来自已吊销的设备（${device.name}，${device.revoked_at}），未导入。`);
  const sm2 = sm2PublicKeyFromPem(read('device-sm2.pem')!.toString('utf8'));
  const ed = read('device-ed25519.pem')!.toString('utf8');
  if (sm2 !== device.sm2_public || ed !== device.ed25519_public_pem)
    throw fail(
      403,
      'verification',
      `封存包中的设备密钥与总部登记的设备 ${device.name} 的密钥不符（来自另一台设备或被伪造），未导入。`,
      { problems: ['设备密钥不符'] },
    );
  const cases = JSON.parse(read('cases.json')?.toString('utf8') ?? '[]') as CaseSummary[];

  const packages: SealPackage[] = manifest.seals
    .map((s) => s.seq)
    .sort((a, b) => a - b)
    .map((seq) => {
      const payload = read(`seals/${seq}/seal.json`)!.toString('utf8');
      const p = JSON.parse(payload) as SealPayload;
      return {
        format: 'wangxin-sync-package/1',
        seal: {
          seq,
          payload,
          sm2Signature: read(`seals/${seq}/seal.sm2.der`)!.toString('hex'),
          ed25519Signature: read(`seals/${seq}/seal.ed25519.sig`)!.toString('hex'),
        },
        signatures: p.signatures.map((s) => ({
          id: s.id,
          record: read(`signatures/${s.id}.json`)?.toString('utf8') ?? '',
          imagePngBase64: read(`signatures/${s.id}.png`)?.toString('base64') ?? null,
          strokes: read(`signatures/${s.id}.strokes.json`)?.toString('utf8') ?? null,
        })),
        case: cases.find((c) => c.id === p.document.caseId) ?? {
          id: p.document.caseId,
          caseNo: p.document.caseNo,
          partyName: '',
          matterName: '',
          status: '',
        },
        print: JSON.parse(read(`print/${seq}.json`)?.toString('utf8') ?? 'null') as unknown,
      } satisfies SealPackage;
    });

  // Conflicts are refused before anything is stored.
  const held = new Map(deps.ingest.receiptsFor(device.device_id).map((r) => [r.receipt.seq, r.receipt.sealSha256]));
  for (const pkg of packages) {
    const h = held.get(pkg.seal.seq);
    if (h && h !== dualHash(pkg.seal.payload).sha256) {
      deps.ingest.commit(device, pkg, 'bundle'); // flags the conflict and throws 409
    }
  }

  // Evidence (re-hashed as it is stored), then each seal in order.
  for (const e of entries) {
    if (!e.name.startsWith('evidence/')) continue;
    const sha = e.name.slice('evidence/'.length);
    if (deps.ingest.heldBlob(sha)) continue;
    deps.ingest.recordBlob(await deps.storage.putStream(sha, entryChunks(path, e)));
  }
  const receipts = packages.map((pkg) => deps.ingest.commit(device, pkg, 'bundle'));
  return { format: RECEIPTS_FORMAT, hqId: deps.hqId, deviceId: device.device_id, receipts };
}
