// HQ's device API as data (docs/SYNC.md, docs/HQ.md): every route with its method, path, whether the
// device signs it, the largest body HQ takes, and zod schemas for its route parameters, query, body
// and answer. HQ validates every request against these before it does any work
// (hq/http/device-api.ts); the device checks HQ's answers against the same ones
// (core/sync/hq-client.ts). protocol.ts takes its types from here, so a schema and its type cannot
// drift apart.
//
// Requests are plain objects (unknown keys dropped), except the enrollment request, whose proof is an
// HMAC over exactly what the device sent: an unknown key there is refused by name rather than dropped
// (which would make the proof fail with a misleading message). Answers are checked as they are and
// used as HQ sent them — signatures and proofs cover the whole answer, unknown keys included.
import { z } from 'zod';
import '../../shared/api/zod-locale.ts';
import { SignedDocSchema } from '../trust/trust-format.ts';
import { DeadlinesAnswerSchema, DeadlinesReportSchema } from './deadlines-report.ts';

/** Blob chunks: small enough to hold in memory on both sides, large enough for throughput. */
export const CHUNK_BYTES = 8 * 1024 * 1024;

const hex = (length: number, what: string) =>
  z.string().regex(new RegExp(`^[0-9a-f]{${length}}$`), `${what}须为${length}位小写十六进制。`);

export const Sha256HexSchema = hex(64, 'SHA-256校验值');
const Ed25519SignatureSchema = hex(128, 'Ed25519签名');
/** An SM2 signature: DER, hexadecimal (70–72 bytes in practice). */
const Sm2SignatureSchema = z.string().regex(/^[0-9a-f]{16,400}$/, 'SM2签名须为十六进制（DER）。');
const Sm2PublicKeySchema = z.string().regex(/^04[0-9a-f]{128}$/, 'SM2公钥须为04开头的130位小写十六进制。');
const Ed25519PublicKeyPemSchema = z
  .string()
  .max(1000)
  .regex(
    /^-----BEGIN PUBLIC KEY-----\r?\n[A-Za-z0-9+/=\r\n]+-----END PUBLIC KEY-----\r?\n?$/,
    'Ed25519公钥须为PEM格式（BEGIN PUBLIC KEY）。',
  );
const DeviceIdSchema = z.string().regex(/^[0-9a-f-]{36}$/, '设备编号须为36位（小写十六进制与连字符）。');
/** A nonce goes into text HQ signs: hexadecimal only, so that text stays unambiguous. */
const NonceSchema = z.string().regex(/^[0-9a-f]{16,64}$/, 'nonce 须为16至64位十六进制。');
/** A whole number written in decimal digits (query strings carry text). */
const decimal = (what: string) =>
  z
    .string()
    .regex(/^\d{1,15}$/, `${what} 须为不超过15位数字的非负整数。`)
    .transform(Number);

// ---- what HQ answers with (read by the device) ----

export const HqKeysSchema = z.object({
  hqId: z.string().min(1),
  name: z.string(),
  ed25519PublicKeyPem: Ed25519PublicKeyPemSchema,
  /** SM2 public key, 04‖x‖y hex. */
  sm2PublicKey: Sm2PublicKeySchema,
});

/** HQ's clock, signed: the device keeps the latest as the earliest bound of what it seals next. */
export const SignedTimeSchema = z.object({
  time: z.iso.datetime(),
  nonce: z.string(),
  ed25519: Ed25519SignatureSchema,
});

/** HQ's reference data for devices: each kind versioned and signed by HQ. */
export const ReferenceDataSchema = z.object({
  kind: z.enum(['roster', 'holidays', 'catalog']),
  version: z.number().int(),
  issuedAt: z.string(),
  data: z.unknown(),
});

export const SignedReferenceSchema = z.object({ ref: ReferenceDataSchema, ed25519: Ed25519SignatureSchema });

export const ReceiptSchema = z.object({
  format: z.literal('wangxin-hq-receipt/1'),
  hqId: z.string(),
  deviceId: z.string(),
  seq: z.number().int(),
  documentId: z.string(),
  docNo: z.string(),
  sealSha256: Sha256HexSchema,
  sealSm3: hex(64, 'SM3校验值'),
  hqSeq: z.number().int(),
  hqTime: z.string(),
  /** True when HQ holds every earlier seal of this device (no gap before this one). */
  chainComplete: z.boolean(),
});

export const SignedReceiptSchema = z.object({
  receipt: ReceiptSchema,
  /** Over canonicalJson(receipt). */
  ed25519: Ed25519SignatureSchema,
  sm2: Sm2SignatureSchema,
});

/**
 * HQ's current law package (法规库, docs/LAW.md), announced in every hello so that a device knows
 * when its provisions are older than HQ's; signed over the device's nonce (lawAnnouncementText).
 */
export const LawAnnouncementSchema = z.object({
  version: z.string().regex(/^\d{4}\.\d{1,2}\.\d{1,3}$/, '法规库版本应为 年.月.序号。'),
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, '法规库日期应为 年-月-日。')
    .nullable(),
  ed25519: Ed25519SignatureSchema,
});

export const HelloAnswerSchema = z.object({
  hq: HqKeysSchema,
  time: SignedTimeSchema,
  /** Absent from an HQ before law packages, null while HQ has published none. */
  law: LawAnnouncementSchema.nullable().optional(),
});

export const EnrollResponseBodySchema = z.object({
  hq: HqKeysSchema,
  /** SHA-256 of HQ's TLS certificate (DER), or null when HQ serves plain HTTP. */
  tlsFingerprint: Sha256HexSchema.nullable(),
  deviceNonce: z.string(),
  casePrefix: z.string(),
  time: SignedTimeSchema,
  /** HQ's current reference data (roster, holidays, catalog), each signed. */
  reference: z.array(SignedReferenceSchema),
  /** The device certificate HQ signed for the device's keys (protocol/trust/trust-format.ts). */
  certificate: SignedDocSchema,
});

/** HQ's certification of the device, fetched at every sync: its certificate (issued now for a device enrolled before certificates) and its status as of now. */
export const TrustAnswerSchema = z.object({ certificate: SignedDocSchema, status: SignedDocSchema });

/** HQ's answer to enrollment: the above, and HQ's HMAC over it keyed by the same code. */
export const EnrollAnswerSchema = EnrollResponseBodySchema.extend({ proof: hex(64, '登记证明') });

/** Where an upload stands: held whole, or how many bytes HQ has (the offset to continue from). */
export const BlobAnswerSchema = z.object({ stored: z.boolean(), offset: z.number().int().nonnegative() });

export const HQ_ERROR_KINDS = [
  'unknown_device',
  'revoked',
  'bad_signature',
  'clock',
  'replay',
  'conflict',
  'verification',
  'offset',
  'digest',
  'disk_full',
  'bad_request',
  'enrollment',
  'not_found',
  'internal',
] as const;

/** Errors HQ answers with: a kind the device maps to a Chinese message, and HQ's own message. */
export const HqErrorSchema = z.object({
  error: z.enum(HQ_ERROR_KINDS),
  message: z.string(),
  offset: z.number().int().nonnegative().optional(),
  problems: z.array(z.string()).optional(),
  /** For a refused batch: the position (0-based) of the package that failed, and its seal's number. */
  index: z.number().int().nonnegative().optional(),
  seq: z.number().int().optional(),
  /** For a request that fails validation: the field (`body.request.nonce`, `query.offset` …) and what is wrong with it. */
  fields: z.record(z.string(), z.string()).optional(),
});

// ---- what the device sends ----

export const EnrollRequestBodySchema = z.strictObject({
  deviceId: DeviceIdSchema,
  deviceName: z.string().max(255),
  agencyName: z.string().max(200),
  sm2PublicKey: Sm2PublicKeySchema,
  ed25519PublicKeyPem: Ed25519PublicKeyPemSchema,
  /** Fresh for each request: HQ refuses a nonce it has seen (a replayed request). */
  nonce: NonceSchema,
  /** HQ's time as the device last got it (hello): HQ refuses a request outside its window. */
  requestedAt: z.iso.datetime(),
  /** When the device made its keys (its clock): the certificate's notBefore, so that seals made before enrollment are covered. */
  keysCreatedAt: z.iso.datetime(),
});

/** The device's key creation time, for a certificate issued at a sync (a device enrolled before certificates). */
export const TrustQuerySchema = z.object({ keysCreatedAt: z.iso.datetime() });

export const EnrollRequestSchema = z.strictObject({
  request: EnrollRequestBodySchema,
  /** HMAC-SHA256 keyed by the one-time code over canonicalJson(request): the code itself is never sent. */
  proof: hex(64, '登记证明'),
});

/** One signature record as it travels: the bound fields with their binding, the image and strokes. */
export const PackageSignatureSchema = z.object({
  id: z.string().min(1).max(200),
  /** canonicalJson of the bound fields plus bindingSha256 and bindingSm3 (as in a bundle's signatures/ID.json). */
  record: z.string().min(1),
  imagePngBase64: z.base64().nullable(),
  strokes: z.string().nullable(),
});

/** What HQ shows of the case (not part of the seal: the sealed document itself is the record). */
export const CaseSummarySchema = z.object({
  id: z.string().min(1).max(200),
  caseNo: z.string(),
  partyName: z.string(),
  matterName: z.string(),
  status: z.string(),
});

/** The unit HQ commits in one transaction: one seal and what it rests on (evidence blobs go first, by SHA-256). */
export const SealPackageSchema = z.object({
  format: z.literal('wangxin-sync-package/1'),
  seal: z.object({
    seq: z.number().int().positive(),
    payload: z.string().min(1),
    sm2Signature: Sm2SignatureSchema,
    ed25519Signature: Ed25519SignatureSchema,
  }),
  signatures: z.array(PackageSignatureSchema),
  case: CaseSummarySchema,
  /**
   * What HQ needs to print the document (its detail as the device prints it: content and context).
   * Not trusted as such: HQ lays it out and prints only if that reproduces the seal's document hash
   * (hq/print/print-sealed.ts).
   */
  print: z.unknown(),
});

/**
 * How much one batch of seals may hold (POST /seals/batch, docs/SYNC.md "Batches"): the count is
 * declared in the signed query and the bytes in the signed length, both refused (413) before HQ
 * reads a byte of the body. A package too large to fit a batch goes alone to POST /seals.
 */
export const SEAL_BATCH_MAX = { seals: 200, bytes: 32 * 1024 * 1024 } as const;

/** Many seal packages committed in ONE transaction at HQ, in chain order; all or none. */
export const SealBatchSchema = z.object({
  format: z.literal('wangxin-sync-batch/1'),
  packages: z.array(SealPackageSchema).min(1).max(SEAL_BATCH_MAX.seals),
});

export const SealBatchQuerySchema = z.object({
  count: decimal('本批封存数 count').refine((n) => n >= 1 && n <= SEAL_BATCH_MAX.seals, {
    message: `本批封存数 count 须为1至${SEAL_BATCH_MAX.seals}。`,
  }),
});

/** HQ's answer to a batch: a receipt per seal, each signed on its own, in the order of the packages. */
export const SealBatchAnswerSchema = z.object({
  format: z.literal('wangxin-hq-batch-receipts/1'),
  receipts: z.array(SignedReceiptSchema),
});

export const HelloQuerySchema = z.object({ nonce: NonceSchema.optional() });
export const BlobParamsSchema = z.object({ sha256: Sha256HexSchema });
export const ChunkQuerySchema = z
  .object({ offset: decimal('续传位置 offset'), length: decimal('文件总长度 length') })
  .refine((q) => q.length >= q.offset, {
    path: ['length'],
    message: '文件总长度 length 不能小于续传位置 offset。',
    // Only once both are numbers: a malformed offset is named once, as itself.
    when: (payload) => payload.issues.length === 0,
  });

// ---- the routes ----

export interface HqRoute {
  method: 'GET' | 'POST' | 'PUT';
  /** Under API (/api/v1), with :name for a route parameter. */
  path: string;
  /** Signed by the device (docs/SYNC.md, "Every later request"); checked from the headers before the body is read. */
  signed: boolean;
  /** The largest body HQ reads (refused with 413 from the declared length, or as soon as it is exceeded). */
  maxBodyBytes: number;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  answer: z.ZodType;
}

export const HQ_ROUTES = {
  /** HQ's public keys and its time signed over the device's nonce (unsigned: the device checks HQ here). */
  hello: {
    method: 'GET',
    path: '/hello',
    signed: false,
    maxBodyBytes: 0,
    query: HelloQuerySchema,
    answer: HelloAnswerSchema,
  },
  enroll: {
    method: 'POST',
    path: '/enroll',
    signed: false,
    maxBodyBytes: 1024 * 1024,
    body: EnrollRequestSchema,
    answer: EnrollAnswerSchema,
  },
  blobStatus: {
    method: 'GET',
    path: '/blobs/:sha256',
    signed: true,
    maxBodyBytes: 0,
    params: BlobParamsSchema,
    answer: BlobAnswerSchema,
  },
  /** One chunk at `offset` of a blob of `length` bytes; the body is streamed to disk, never held whole. */
  blobChunk: {
    method: 'PUT',
    path: '/blobs/:sha256',
    signed: true,
    maxBodyBytes: CHUNK_BYTES,
    params: BlobParamsSchema,
    query: ChunkQuerySchema,
    answer: BlobAnswerSchema,
  },
  commitSeal: {
    method: 'POST',
    path: '/seals',
    signed: true,
    maxBodyBytes: 32 * 1024 * 1024,
    body: SealPackageSchema,
    answer: SignedReceiptSchema,
  },
  /** Many seals in one signed request and one transaction (docs/SYNC.md "Batches"). */
  commitSealBatch: {
    method: 'POST',
    path: '/seals/batch',
    signed: true,
    maxBodyBytes: SEAL_BATCH_MAX.bytes,
    query: SealBatchQuerySchema,
    body: SealBatchSchema,
    answer: SealBatchAnswerSchema,
  },
  receipts: { method: 'GET', path: '/receipts', signed: true, maxBodyBytes: 0, answer: z.array(SignedReceiptSchema) },
  trust: {
    method: 'GET',
    path: '/trust',
    signed: true,
    maxBodyBytes: 0,
    query: TrustQuerySchema,
    answer: TrustAnswerSchema,
  },
  reference: {
    method: 'GET',
    path: '/reference',
    signed: true,
    maxBodyBytes: 0,
    answer: z.array(SignedReferenceSchema),
  },
  /** The device's open deadlines, replacing its previous report (protocol/sync/deadlines-report.ts). */
  deadlines: {
    method: 'POST',
    path: '/deadlines',
    signed: true,
    maxBodyBytes: 2 * 1024 * 1024,
    body: DeadlinesReportSchema,
    answer: DeadlinesAnswerSchema,
  },
} as const satisfies Record<string, HqRoute>;

export type HqRouteName = keyof typeof HQ_ROUTES;

export type HqKeys = z.output<typeof HqKeysSchema>;
export type SignedTime = z.output<typeof SignedTimeSchema>;
export type ReferenceData = z.output<typeof ReferenceDataSchema>;
export type SignedReference = z.output<typeof SignedReferenceSchema>;
export type LawAnnouncement = z.output<typeof LawAnnouncementSchema>;
export type Receipt = z.output<typeof ReceiptSchema>;
export type SignedReceipt = z.output<typeof SignedReceiptSchema>;
export type EnrollRequestBody = z.output<typeof EnrollRequestBodySchema>;
export type EnrollResponseBody = z.output<typeof EnrollResponseBodySchema>;
export type PackageSignature = z.output<typeof PackageSignatureSchema>;
export type CaseSummary = z.output<typeof CaseSummarySchema>;
export type SealPackage = z.output<typeof SealPackageSchema>;
export type SealBatch = z.output<typeof SealBatchSchema>;
export type SealBatchAnswer = z.output<typeof SealBatchAnswerSchema>;
export type HqError = z.output<typeof HqErrorSchema>;
export type TrustAnswer = z.output<typeof TrustAnswerSchema>;
