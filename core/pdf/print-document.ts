// A document as it prints, with its signatures and, once sealed, the seal's foot — what
// documents.pdf answers and what sync hands HQ as the convenience copy of a sealed document.
import type { DocumentStore } from '../documents/document-store.ts';
import type { SealStore } from '../seals/seal-store.ts';
import type { SignatureStore } from '../signatures/signature-store.ts';
import type { PdfService, PrintedDocument } from '../../protocol/print/pdf-service.ts';

export interface PrintDeps {
  documents: Pick<DocumentStore, 'get'>;
  signatures: Pick<SignatureStore, 'forPrint'>;
  seals: Pick<SealStore, 'forDocument'>;
  pdf: Pick<PdfService, 'print'>;
}

export function printDocument(core: PrintDeps, documentId: string): Promise<PrintedDocument> {
  const seal = core.seals.forDocument(documentId);
  return core.pdf.print(core.documents.get(documentId), {
    signatures: core.signatures.forPrint(documentId),
    ...(seal
      ? {
          sealHash: seal.hashSha256,
          seal: {
            seq: seal.seq,
            sha256: seal.hashSha256,
            sm3: seal.hashSm3,
            deviceId: seal.deviceId,
            sealedAt: seal.sealedAt,
          },
        }
      : {}),
  });
}
