// Re-running HQ's checks on what it holds for one received document — the seal's text and both
// device signatures, the document, every signature's binding, image and strokes, every evidence
// digest, the link to the previous seal — exactly as at commit (verify-package.ts). The web page
// shows the result on every view.
import type { SealPackage } from '../../protocol/sync/protocol.ts';
import type { HqApp } from '../hq-app.ts';
import { verifyPackage } from './verify-package.ts';

export async function reverifyDocument(hq: HqApp, documentId: string): Promise<string[]> {
  const d = await hq.browse.document(documentId);
  if (!d) return ['没有该文书'];
  const device = (await hq.devices.get(d.deviceId))!;
  const pkg: SealPackage = {
    format: 'wangxin-sync-package/1',
    seal: { seq: d.seq, payload: d.payloadText, sm2Signature: d.sm2Signature, ed25519Signature: d.ed25519Signature },
    signatures: (await hq.browse.sealSignatures(d.deviceId, d.seq)).map((s) => ({
      id: s.signature_id,
      record: s.record,
      imagePngBase64: s.image_png ? s.image_png.toString('base64') : null,
      strokes: s.strokes,
    })),
    case: { id: '', caseNo: '', partyName: '', matterName: '', status: '' },
    print: null,
  };
  const check = await verifyPackage(pkg, hq.devices.registered(device), (sha) => hq.ingest.heldBlob(sha));
  const problems = [...check.problems, ...check.missing];
  if (check.hash.sha256 !== d.sealSha256) problems.push('封存内容与接收时的校验值不符');
  const prev = await hq.browse.sealHash(d.deviceId, d.seq - 1);
  if (prev !== null && prev !== d.payload.device.prev) problems.push(`与封存${d.seq - 1}不衔接`);
  return problems;
}
