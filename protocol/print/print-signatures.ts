// The signatures to draw into a printed document, from the signature records — one function for
// the device (documents.pdf) and HQ (printing a received seal), so both print the same bytes.
// Records of format 2 (with `how`) carry what the 签名情况记录 page states: the slot as the signer
// saw it, the officers who noted a refusal, the witness, the per-page reuse of an officer's
// signature, a slot offered besides the layout's. Older records print as they always did.
import type { DocumentDetail } from '../../shared/documents/document-api.ts';
import { findDescriptor } from '../../shared/documents/types/registry.ts';
import type { BoundFields } from '../seal/signature-binding.ts';
import type { LaidOutDocument } from './layout-model.ts';
import type { PrintSignature } from './write-pdf.ts';

/** The 见证人 slot every document offers where its layout has none (core/signatures/signature-store.ts). */
export const REFUSAL_WITNESS_SLOT = { slotId: 'refusal-witness', label: '见证人（拒签、缺席的见证）', role: '见证人' };

export interface StoredSignature {
  record: BoundFields;
  image: Uint8Array | null;
  /** The sitting's recording, once linked. */
  recordingEvidenceId: string | null;
}

/** Every slot label of the layout (per page: 「被询问人签名（第2页）」) and the slots offered besides. */
function slotLabels(doc: DocumentDetail, laid: LaidOutDocument): { labels: Map<string, string>; offered: Set<string> } {
  const labels = new Map<string, string>();
  for (const p of laid.pages)
    for (const s of p.slots)
      if (!s.mirror)
        labels.set(`${s.id}@${s.perPage ? p.number : 'end'}`, s.perPage ? `${s.label}（第${p.number}页）` : s.label);
  const offered = new Set<string>();
  for (const o of findDescriptor(doc.type)?.offeredSlots ?? []) {
    labels.set(`${o.slotId}@end`, o.label);
    offered.add(o.slotId);
  }
  labels.set(`${REFUSAL_WITNESS_SLOT.slotId}@end`, REFUSAL_WITNESS_SLOT.label);
  offered.add(REFUSAL_WITNESS_SLOT.slotId);
  return { labels, offered };
}

export function printSignatures(
  doc: DocumentDetail,
  laid: LaidOutDocument,
  stored: readonly StoredSignature[],
  officers: readonly { id: string; name: string; certNo: string }[],
): PrintSignature[] {
  const { labels, offered } = stored.some((s) => s.record.how)
    ? slotLabels(doc, laid)
    : { labels: null, offered: null };
  const officerName = (id: string) => {
    const o = officers.find((x) => x.id === id);
    return o ? `${o.name}（执法证号${o.certNo}）` : id;
  };
  return stored.map(({ record: r, image, recordingEvidenceId }) => {
    const base: PrintSignature = {
      slotId: r.slotId,
      page: r.page,
      status: r.status,
      image,
      signerName: r.signerName,
      signedAt: r.signedAt,
      reason: r.reason,
    };
    if (!r.how || !labels || !offered) return base;
    const w = r.witnessSignatureId ? stored.find((x) => x.record.id === r.witnessSignatureId) : undefined;
    return {
      ...base,
      detail: {
        id: r.id,
        role: r.role,
        label: labels.get(`${r.slotId}@${r.page ?? 'end'}`) ?? r.role,
        offered: offered.has(r.slotId),
        mirroredAs: laid.pages.flatMap((p) =>
          p.slots.filter((s) => s.mirror?.includes(r.slotId)).map((s) => ({ page: p.number, label: s.label })),
        ),
        how: r.how,
        notedBy: r.confirmedBy.map(officerName),
        witness: w ? { id: w.record.id, name: w.record.signerName, image: w.image, signedAt: w.record.signedAt } : null,
        recording: recordingEvidenceId,
      },
    };
  });
}
