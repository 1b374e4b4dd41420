// What the API says about signatures: the review pages, the slots to sign, the signatures made.
import { z } from 'zod';
import { requiredText } from '../domain/text-rules.ts';

export const SIGNATURE_STATUSES = ['signed', 'refused', 'absent', 'unable'] as const;
export type SignatureStatus = (typeof SIGNATURE_STATUSES)[number];
/**
 * How a slot that is not signed is resolved (art. 30). One wording everywhere — case record,
 * review screen and print (protocol/print/write-pdf.ts) — and not 「当事人不在场」: the slot may be an
 * interviewee's or a holder's.
 */
export const RESOLUTION_LABELS: Record<Exclude<SignatureStatus, 'signed'>, string> = {
  refused: '拒绝签名',
  absent: '不在场',
  unable: '无法签名',
};

/** One point of a stroke: position in CSS pixels of the pad, time since the signature's first pen-down (ms; older records count from each stroke's start), pressure ×1000. Integers only (they are signed). */
export const StrokePointSchema = z.tuple([
  z.number().int().min(-10_000).max(10_000),
  z.number().int().min(-10_000).max(10_000),
  z.number().int().min(0).max(86_400_000),
  z.number().int().min(0).max(1000),
]);
export const StrokesSchema = z
  .array(z.array(StrokePointSchema).min(1).max(20_000))
  .min(1, { message: '请先签名。' })
  .max(500);
export type Strokes = z.infer<typeof StrokesSchema>;

const Base64Png = z
  .string()
  .max(4_000_000, { message: '签名图像过大。' })
  .regex(/^iVBORw0KGgo[A-Za-z0-9+/=]*$/, { message: '签名图像格式不正确（应为PNG）。' });

const id = z.string().min(1).max(64);

/**
 * How a signer marks the slot (DOCUMENTS.md §10, 行政处罚法 art. 61: 签名、捺指印或者盖章). A 签名 is
 * drawn on the pad (image and strokes); a 捺指印 or 盖章 is an image taken with the camera or
 * imported from a photo, bound to the slot and hashed like a signature (no strokes).
 */
export const SIGN_MARKS = ['签名', '捺指印', '盖章'] as const;
export type SignMark = (typeof SIGN_MARKS)[number];
export const MARK_CAPTURES = ['pad', 'camera', 'photo'] as const;
/** Who signs for an organisation, on what authority (a 受委托人 shows a 授权委托书, kept as evidence). */
export const SIGN_AUTHORITIES = ['', '法定代表人', '负责人', '受委托人'] as const;

/**
 * What a record made by this version says about how the slot was signed or resolved (format 2,
 * bound with the record; records made before have none and print and verify as they always did).
 */
export const SignatureHowSchema = z
  .object({
    /** null for a refusal, absence or inability. */
    mark: z.enum(SIGN_MARKS).nullable(),
    capture: z.enum(MARK_CAPTURES).nullable(),
    /** The organisation the signer signs for ('' for a person signing for themself). */
    onBehalfOf: z.string().max(100),
    /** The signer's position in it (总经理, 技术负责人 …). */
    signerRole: z.string().max(40),
    authority: z.enum(SIGN_AUTHORITIES),
    /** The 授权委托书, an evidence item of the case, when the signer is a 受委托人. */
    authorisationEvidenceId: z.string().max(64).nullable(),
    /**
     * An officer's end signature that the per-page slots show again (mirror): the officer agreed,
     * when signing, to its reuse on every page, and each page's reuse is stated on the
     * 签名情况记录 page (a copy is never passed off as a signature given for that page).
     */
    reusedOnPages: z.boolean(),
  })
  .strict();
export type SignatureHow = z.infer<typeof SignatureHowSchema>;

export const CeremonyStartSchema = z
  .object({
    documentId: id,
    recording: z.boolean(),
    noRecordingReason: z.string().trim().max(500).default(''),
    /**
     * 继续签名: the id of this document's sitting left open by an interruption (reload, lock, crash).
     * It is ended as 录像中断 in the same transaction and this one, with its own recording, takes
     * over: a recording proves only what happened after it began.
     */
    continues: z.string().max(64).default(''),
    /**
     * Why the sitting begins long after the record was complete (more than the set margin: the
     * state's `late`); required then, and carried by every signature made in the sitting (printed).
     */
    lateReason: z.string().trim().max(200).default(''),
  })
  .strict()
  .refine((v) => v.recording || v.noRecordingReason.length >= 4, {
    message: '不录像时须说明理由（至少4个字）。',
    path: ['noRecordingReason'],
  });

export const SignInputSchema = z
  .object({
    ceremonyId: id,
    slotId: z.string().min(1).max(40),
    /** For a per-page slot, the page it belongs to; null for the end of the document. */
    page: z.number().int().min(1).max(10_000).nullable(),
    signerName: requiredText('签名人姓名', 40),
    signerIdNumber: z.string().trim().max(30).default(''),
    /** An officer's slot: the officer's own password binds the signature to them. */
    officerPassword: z.string().max(200).default(''),
    imagePngBase64: Base64Png,
    /** The pad's strokes; none for a 捺指印 or 盖章 taken with the camera or from a photo. */
    strokes: StrokesSchema.nullable().default(null),
    mark: z.enum(SIGN_MARKS).default('签名'),
    capture: z.enum(MARK_CAPTURES).default('pad'),
    onBehalfOf: z.string().trim().max(100).default(''),
    signerRole: z.string().trim().max(40).default(''),
    authority: z.enum(SIGN_AUTHORITIES).default(''),
    authorisationEvidenceId: z.string().max(64).default(''),
  })
  .strict()
  .refine((v) => (v.capture === 'pad') === (v.strokes !== null), {
    message: '手写签名须有笔迹数据；拍照或导入的指印、印章图像不带笔迹。',
    path: ['strokes'],
  })
  .refine((v) => v.mark !== '签名' || v.capture === 'pad', {
    message: '签名须在签名板上手写。',
    path: ['capture'],
  });

export const ResolveInputSchema = z
  .object({
    ceremonyId: id,
    slotId: z.string().min(1).max(40),
    page: z.number().int().min(1).max(10_000).nullable(),
    status: z.enum(['refused', 'absent', 'unable']),
    signerName: z.string().trim().max(40).default(''),
    /**
     * For an organisation's party slot, the person who refuses (or is absent, or cannot sign): their
     * position at the organisation and, where they have one, their authority to act for it — so the
     * record says who refused for the company, not that a person was the party (kept only then).
     */
    signerRole: z.string().trim().max(40).default(''),
    authority: z.enum(SIGN_AUTHORITIES).default(''),
    reason: requiredText('原因', 500),
    /** Both officers confirm with their passwords, in the order of the signed-in officers. */
    officerPasswords: z.tuple([
      z.string().min(1, { message: '请两名执法人员分别输入密码确认。' }).max(200),
      z.string().min(1, { message: '请两名执法人员分别输入密码确认。' }).max(200),
    ]),
    /** The witness's signature on this document that backs the refusal, if any (else the recording must). */
    witnessSignatureId: z.string().max(64).default(''),
    /**
     * The screen's camera or microphone failed in this sitting (in Chinese, from the error's
     * name: recording-errors.ts): a refusal then needs a witness, or it would be voided at the end.
     */
    recordingProblem: z.string().trim().max(200).default(''),
  })
  .strict();

export const SignatureRecordSchema = z.object({
  id: z.string(),
  documentId: z.string(),
  ceremonyId: z.string(),
  slotId: z.string(),
  page: z.number().int().nullable(),
  pageCount: z.number().int(),
  status: z.enum(SIGNATURE_STATUSES),
  role: z.string(),
  signerName: z.string(),
  signerIdNumber: z.string(),
  officerId: z.string().nullable(),
  signedAt: z.string(),
  docSha256: z.string(),
  docSm3: z.string(),
  imageSha256: z.string().nullable(),
  strokesSha256: z.string().nullable(),
  reason: z.string(),
  confirmedBy: z.array(z.string()),
  witnessSignatureId: z.string().nullable(),
  bindingSha256: z.string(),
  bindingSm3: z.string(),
  /** The ceremony's recording, once it is stored as evidence. */
  recordingEvidenceId: z.string().nullable(),
  how: SignatureHowSchema.optional(),
});
export type SignatureRecord = z.infer<typeof SignatureRecordSchema>;

export const RequiredSlotSchema = z.object({
  slotId: z.string(),
  page: z.number().int().nullable(),
  label: z.string(),
  role: z.string(),
  officerId: z.string().nullable(),
  signerName: z.string(),
});
export type RequiredSlot = z.infer<typeof RequiredSlotSchema>;

const TextOpSchema = z.object({
  x: z.number(),
  y: z.number(),
  size: z.number(),
  text: z.string(),
  bold: z.boolean().optional(),
  spacing: z.number().optional(),
  gray: z.boolean().optional(),
});
const RuleSchema = z.object({ x1: z.number(), y1: z.number(), x2: z.number(), y2: z.number(), width: z.number() });
const BoxSchema = z.object({ x: z.number(), y: z.number(), w: z.number(), h: z.number() });

/** A page as it prints: the review screen draws exactly these. */
export const ReviewPageSchema = z.object({
  number: z.number().int(),
  texts: z.array(TextOpSchema),
  rules: z.array(RuleSchema),
  boxes: z.array(BoxSchema),
  slots: z.array(
    BoxSchema.extend({ slotId: z.string(), label: z.string(), perPage: z.boolean(), mirror: z.array(z.string()) }),
  ),
});
export type ReviewPage = z.infer<typeof ReviewPageSchema>;

export const SigningStateSchema = z.object({
  documentId: z.string(),
  docNo: z.string(),
  title: z.string(),
  state: z.string(),
  docSha256: z.string(),
  docSm3: z.string(),
  pageSize: z.object({ width: z.number(), height: z.number() }),
  pages: z.array(ReviewPageSchema),
  required: z.array(RequiredSlotSchema),
  signatures: z.array(SignatureRecordSchema),
  /** Signature images by signature id (PNG, base64), for showing them in their slots. */
  images: z.record(z.string(), z.string()),
  complete: z.boolean(),
  activeCeremonyId: z.string().nullable(),
  /** Slots that may be signed besides the required ones: the 见证人 every document offers for refusals. */
  offered: z.array(RequiredSlotSchema),
  /** Refusals voided because their recording was not kept, whose slot is still open: what to redo and why. */
  voided: z.array(
    z.object({
      slotId: z.string(),
      page: z.number().int().nullable(),
      label: z.string(),
      status: z.enum(['refused', 'absent', 'unable']),
      why: z.string(),
    }),
  ),
  /**
   * A sitting begun now would be late: the record was complete at `completeAt` (Beijing time),
   * `minutes` ago, more than the `margin` set (signing.start then needs a reason); null when in time.
   */
  late: z.object({ completeAt: z.string(), minutes: z.number().int(), margin: z.number().int() }).nullable(),
  /** The reason the open sitting was begun late with ('' when none). */
  activeLateReason: z.string(),
});
export type SigningState = z.infer<typeof SigningStateSchema>;
