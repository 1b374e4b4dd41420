// What HQ receives for one seal, online (POST /seals) or in the offline bundle: the seal as
// signed, its signature records, what HQ shows of the case, and what HQ prints from.
import { CASE_STATUS_LABELS } from '../../shared/domain/case.ts';
import type { SealPayload } from '../../protocol/seal/seal-payload.ts';
import type { CaseSummary, SealPackage } from '../../protocol/sync/protocol.ts';
import type { CaseStore } from '../cases/case-store.ts';
import type { DocumentStore } from '../documents/document-store.ts';
import { packageSignatures, type SignatureSource } from '../seals/seal-material.ts';
import type { SealRow } from '../seals/seal-row.ts';

export interface SealPackageDeps {
  signatures: SignatureSource;
  cases: Pick<CaseStore, 'get'>;
  documents: Pick<DocumentStore, 'get'>;
}

export function sealPackage(d: SealPackageDeps, row: SealRow, payload: SealPayload): SealPackage {
  return {
    format: 'wangxin-sync-package/1',
    seal: {
      seq: row.seq,
      payload: row.payload,
      sm2Signature: row.sm2_signature,
      ed25519Signature: row.ed25519_signature,
    },
    signatures: packageSignatures(d.signatures, row.document_id),
    case: caseSummary(d, payload.document.caseId),
    print: d.documents.get(row.document_id),
  };
}

export function caseSummary(d: Pick<SealPackageDeps, 'cases'>, caseId: string): CaseSummary {
  const c = d.cases.get(caseId);
  return {
    id: c.id,
    caseNo: c.caseNo,
    partyName: c.partyName,
    matterName: c.matterName,
    status: CASE_STATUS_LABELS[c.status],
  };
}
