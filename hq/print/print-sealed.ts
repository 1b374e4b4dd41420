// HQ prints a received document itself, from the print input the device sent with the seal (the
// document's detail: content and context) — and only if laying that input out reproduces the
// document hash in the seal (the same check the device makes before sealing: the signed form of
// content and printed text). So the PDF a clerk opens is provably the sealed document, with the
// signature images of the seal and the seal's foot, and the device never spends time rendering it.
import type { DocumentDetail } from '../../shared/documents/document-api.ts';
import { PdfService } from '../../protocol/print/pdf-service.ts';
import { printSignatures } from '../../protocol/print/print-signatures.ts';
import type { PrintSignature } from '../../protocol/print/write-pdf.ts';
import type { BoundFields } from '../../protocol/seal/signature-binding.ts';
import type { SealPayload } from '../../protocol/seal/seal-payload.ts';
import { documentHash } from '../../protocol/seal/document-hash.ts';

export class SealedPrinter {
  private readonly pdf: PdfService;
  constructor(fontsDir?: string) {
    this.pdf = new PdfService(fontsDir);
  }

  /** The PDF, or the reason it cannot be printed faithfully. */
  async print(
    printInput: string | null,
    payload: SealPayload,
    sealHash: { sha256: string; sm3: string },
    /** Each signature's stored record (canonical JSON, as the seal carried it) and image, by id. */
    stored: Map<string, { record: string; image: Buffer | null }>,
  ): Promise<{ ok: true; bytes: Uint8Array; fileName: string } | { ok: false; reason: string }> {
    if (!printInput) return { ok: false, reason: '设备没有随封存发送文书的打印数据。' };
    let doc: DocumentDetail;
    try {
      doc = JSON.parse(printInput) as DocumentDetail;
    } catch {
      return { ok: false, reason: '文书的打印数据无法解析。' };
    }
    if (doc.id !== payload.document.id) return { ok: false, reason: '打印数据不是本文书的。' };
    let hash: { sha256: string; sm3: string };
    try {
      hash = documentHash(doc, this.pdf.layout(doc).text);
    } catch (e) {
      return { ok: false, reason: `按打印数据排版失败：${(e as Error).message}` };
    }
    if (hash.sha256 !== payload.document.sha256 || hash.sm3 !== payload.document.sm3)
      return {
        ok: false,
        reason: '按设备发送的打印数据排版的结果与封存的文书校验值不符，不能据此生成PDF（以封存的文书原文为准）。',
      };
    // The same function the device prints with: the same signatures, the same 签名情况记录 page.
    const signatures: PrintSignature[] = printSignatures(
      doc,
      this.pdf.layout(doc),
      payload.signatures.map((s) => {
        const st = stored.get(s.id);
        const record: BoundFields = st
          ? (JSON.parse(st.record) as BoundFields)
          : {
              ...s,
              status: s.status as PrintSignature['status'],
              documentId: doc.id,
              ceremonyId: '',
              pageCount: 0,
              docSha256: '',
              docSm3: '',
              confirmedBy: [],
            };
        return { record, image: st?.image ?? null, recordingEvidenceId: s.recordingEvidenceId };
      }),
      payload.officers,
    );
    const printed = await this.pdf.print(doc, {
      signatures,
      sealHash: sealHash.sha256,
      seal: {
        seq: payload.device.seq,
        sha256: sealHash.sha256,
        sm3: sealHash.sm3,
        deviceId: payload.device.id,
        sealedAt: payload.time.sealedAt,
      },
    });
    return { ok: true, bytes: printed.bytes, fileName: printed.fileName };
  }
}
