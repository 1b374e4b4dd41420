// The shapes a verifier accepts, field by field as docs/SEAL-FORMAT.md lists them: the seal, a
// signature record, an audit row. Strict: a field the specification does not name is refused, so
// that nothing signed or bound can mean more than the document says. (The device builds these
// values from its own types — seal-payload.ts, signature-binding.ts, audit-chain.ts; every bundle
// the tests export is verified against these schemas, so the two cannot drift apart unnoticed.)
import { z } from 'zod';
import { SIGNATURE_STATUSES, SignatureHowSchema } from '../../shared/signatures/signature-api.ts';

export const Hex64 = z.string().regex(/^[0-9a-f]{64}$/, '须为64位小写十六进制');
const Int = z.number().int();
const Str = z.string();
const NullStr = z.string().nullable();

export const SealPayloadSchema = z
  .object({
    format: z.literal('wangxin-field-seal/1'),
    device: z
      .object({
        id: Str,
        seq: Int.min(1),
        prev: Hex64,
        sm2PublicKey: z.string().regex(/^04[0-9a-f]{128}$/, '须为 04‖x‖y 的小写十六进制'),
        ed25519PublicKeyPem: Str,
      })
      .strict(),
    time: z.object({ sealedAt: Str, deviceClock: Str, notBefore: NullStr }).strict(),
    document: z
      .object({
        id: Str,
        caseId: Str,
        caseNo: Str,
        type: Str,
        docNo: Str,
        templateVersion: Str,
        regulation: Str,
        pages: Int,
        sha256: Hex64,
        sm3: Hex64,
        signedForm: Str,
      })
      .strict(),
    evidence: z.array(
      z.object({ id: Str, fileName: Str, category: Str, sizeBytes: Int.min(0), sha256: Hex64, sm3: Hex64 }).strict(),
    ),
    signatures: z.array(
      z
        .object({
          id: Str,
          slotId: Str,
          page: Int.nullable(),
          status: Str,
          role: Str,
          signerName: Str,
          signerIdNumber: Str,
          officerId: NullStr,
          signedAt: Str,
          imageSha256: Hex64.nullable(),
          strokesSha256: Hex64.nullable(),
          bindingSha256: Hex64,
          bindingSm3: Hex64,
          reason: Str,
          witnessSignatureId: NullStr,
          recordingEvidenceId: NullStr,
        })
        .strict(),
    ),
    officers: z.array(z.object({ id: Str, name: Str, certNo: Str }).strict()),
    corrects: z.object({ documentId: Str, docNo: Str, sealSha256: Hex64, reason: Str }).strict().nullable(),
    auditHead: z.object({ seq: Int.min(0), hash: Hex64 }).strict(),
  })
  .strict();

/** A bundle's signatures/ID.json: every bound field and the binding (signature-binding.ts). */
export const SignatureRecordSchema = z
  .object({
    id: Str,
    documentId: Str,
    ceremonyId: Str,
    slotId: Str,
    page: Int.nullable(),
    pageCount: Int,
    status: z.enum(SIGNATURE_STATUSES),
    role: Str,
    signerName: Str,
    signerIdNumber: Str,
    officerId: NullStr,
    signedAt: Str,
    docSha256: Hex64,
    docSm3: Hex64,
    imageSha256: Hex64.nullable(),
    strokesSha256: Hex64.nullable(),
    reason: Str,
    confirmedBy: z.array(Str),
    witnessSignatureId: NullStr,
    /** Format 2 (signature-binding.ts): how the slot was signed; absent in older records. */
    how: SignatureHowSchema.optional(),
    bindingSha256: Hex64,
    bindingSm3: Hex64,
  })
  .strict();

export const AuditRowSchema = z
  .object({
    seq: Int,
    at: Str,
    officer_ids: Str,
    action: Str,
    case_id: NullStr,
    targets: Str,
    detail: Str,
    prev_hash: Hex64,
    hash: Hex64,
  })
  .strict();

/** The first problem zod found, as "field: message" (for a report line). */
export function schemaProblem(e: z.ZodError): string {
  const i = e.issues[0]!;
  return `${i.path.length ? i.path.join('.') : '（整体）'}：${i.message}`;
}
