// A signature slot as the PDF writer draws it (write-pdf.ts) and the 签名情况记录 states it
// (signing-record.ts): apart from both, so that neither imports the other for it.
import type { SignatureHow } from '../../shared/signatures/signature-api.ts';

/** A signature (or a refusal) to draw into its slot. */
export interface PrintSignature {
  slotId: string;
  /** The page of a per-page slot; null for the end of the document. */
  page: number | null;
  status: 'signed' | 'refused' | 'absent' | 'unable';
  image: Uint8Array | null;
  signerName: string;
  signedAt: string;
  reason: string;
  /**
   * Records of format 2 (made since issue #20): how it was signed, and for a refusal who noted it
   * and what backs it — stated in full on the 签名情况记录 page (signing-record.ts). Absent for
   * older records, which print exactly as they always did.
   */
  detail?: {
    id: string;
    role: string;
    /** The slot as the signer saw it: 被询问人签名（第2页）. */
    label: string;
    /** A slot offered besides the layout's (a handwritten confirmation, the 见证人 of a refusal): printed only on the 签名情况记录 page. */
    offered: boolean;
    /** The per-page slots that show this end signature again (询问人签名 on each page). */
    mirroredAs: { page: number; label: string }[];
    how: SignatureHow;
    /** The two officers who noted a refusal, with their 执法证号. */
    notedBy: string[];
    witness: { id: string; name: string; image: Uint8Array | null; signedAt: string } | null;
    /** The sitting's recording (evidence id), once linked. */
    recording: string | null;
  };
}
