// Which slots a document needs signed before it is 已签名: every end-of-document slot once, and
// every per-page slot (逐页签名) on each page — except the per-page slots that only show the
// officers' end signatures again (`mirror`).
import type { RequiredSlot } from '../../shared/signatures/signature-api.ts';
import type { LaidOutDocument } from '../../protocol/print/layout-model.ts';

export function requiredSlots(laid: LaidOutDocument): RequiredSlot[] {
  const out: RequiredSlot[] = [];
  for (const p of laid.pages) {
    for (const s of p.slots) {
      if (s.mirror) continue;
      out.push({
        slotId: s.id,
        page: s.perPage ? p.number : null,
        label: s.perPage ? `${s.label}（第${p.number}页）` : s.label,
        role: s.role ?? s.label,
        officerId: s.officerId || null,
        signerName: s.signerName ?? '',
      });
    }
  }
  // Page by page first, then the end of the document, as the signer goes through it.
  return [
    ...out.filter((s) => s.page !== null).sort((x, y) => x.page! - y.page!),
    ...out.filter((s) => s.page === null),
  ];
}

export const slotKey = (slotId: string, page: number | null) => `${slotId}@${page ?? 'end'}`;
