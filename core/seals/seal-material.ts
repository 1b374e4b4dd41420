// What travels with a seal so that someone else can check it: each signature record (every bound
// field and the binding, canonical JSON — the same text as a bundle's signatures/ID.json) with its
// image and strokes. Used by the bundle export and by sync.
import { canonicalJson } from '../../shared/crypto/canonical-json.ts';
import type { PackageSignature } from '../../protocol/sync/protocol.ts';
import type { SignatureStore } from '../signatures/signature-store.ts';

export type SignatureSource = Pick<SignatureStore, 'stored'>;

export function signatureMaterial(
  signatures: SignatureSource,
  documentId: string,
): { id: string; record: string; image: Buffer | null; strokes: string | null }[] {
  return signatures.stored(documentId).map(({ record, image, strokes }) => {
    const { recordingEvidenceId: _r, ...bound } = record;
    return { id: record.id, record: canonicalJson(bound), image, strokes };
  });
}

export function packageSignatures(signatures: SignatureSource, documentId: string): PackageSignature[] {
  return signatureMaterial(signatures, documentId).map((m) => ({
    id: m.id,
    record: m.record,
    imagePngBase64: m.image ? m.image.toString('base64') : null,
    strokes: m.strokes,
  }));
}
