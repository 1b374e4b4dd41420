// What travels with a seal so that someone else can check it: each signature record (every bound
// field and the binding, canonical JSON — the same text as a bundle's signatures/ID.json) with its
// image and strokes. Used by the bundle export and by sync.
import { canonicalJson } from '../../shared/crypto/canonical-json.ts';
import type { AppCore } from '../app-core.ts';
import type { PackageSignature } from '../../protocol/sync/protocol.ts';

export function signatureMaterial(
  core: AppCore,
  documentId: string,
): { id: string; record: string; image: Buffer | null; strokes: string | null }[] {
  return core.signatures.state(documentId).signatures.map((s) => {
    const { recordingEvidenceId: _r, ...bound } = s;
    const row = core.db.prepare(`SELECT image_png, strokes_json FROM signatures WHERE id = ?`).get(s.id) as {
      image_png: Buffer | null;
      strokes_json: string | null;
    };
    return { id: s.id, record: canonicalJson(bound), image: row.image_png, strokes: row.strokes_json };
  });
}

export function packageSignatures(core: AppCore, documentId: string): PackageSignature[] {
  return signatureMaterial(core, documentId).map((m) => ({
    id: m.id,
    record: m.record,
    imagePngBase64: m.image ? m.image.toString('base64') : null,
    strokes: m.strokes,
  }));
}
