// The API contract: every call the renderer can make, with a runtime schema for its argument and
// result. Both shells (Electron IPC and the web shell's HTTP) dispatch through core/api/dispatch.ts,
// which validates the argument against `input`, checks `access`, and only then reaches the core.
// To add a call: add its name to call-names.ts, its entry here, and its handler in core/api/handlers.ts.
import { z } from 'zod';
import { SyncStatusSchema } from '../sync/sync-api.ts';
import type { CallName } from './call-names.ts';
import { AppStatusSchema, IDLE_LOCK_MINUTES, OfficeSetupSchema } from '../domain/office.ts';
import {
  ChangePasswordSchema,
  OfficerCreateSchema,
  OfficerPublicSchema,
  SessionStateSchema,
  SignInSchema,
} from '../domain/officer.ts';
import {
  CaseDetailSchema,
  CaseInputSchema,
  CaseListQuerySchema,
  CaseStatusSchema,
  CaseSummarySchema,
} from '../domain/case.ts';
import { MatterSummarySchema, MatterTypeSchema, MatterViewSchema } from '../catalog/catalog-schema.ts';
import { ChooseLawSchema } from '../domain/case-law.ts';
import {
  DocumentDetailSchema,
  DocumentSummarySchema,
  DocumentTypeSchema,
  SaveResultSchema,
} from '../documents/document-api.ts';
import { EvidenceItemSchema, EvidenceMetaSchema, VerifyReportSchema } from '../evidence/evidence-schema.ts';
import {
  CeremonyStartSchema,
  ResolveInputSchema,
  SignInputSchema,
  SigningStateSchema,
} from '../signatures/signature-api.ts';
import { requiredText } from '../domain/text-rules.ts';
import {
  CalendarInfoSchema,
  CaseDeadlinesSchema,
  DashboardSchema,
  RecordMilestoneSchema,
} from '../deadlines/deadline-api.ts';
import './zod-locale.ts';

const SealInfoSchema = z.object({
  seq: z.number().int(),
  documentId: z.string(),
  hashSha256: z.string(),
  hashSm3: z.string(),
  prevHash: z.string(),
  sealedAt: z.string(),
  deviceId: z.string(),
  sm2Signature: z.string(),
  ed25519Signature: z.string(),
  officers: z.array(z.object({ name: z.string(), certNo: z.string() })),
  notBefore: z.string().nullable(),
});
const VerifyReportOutSchema = z.object({
  ok: z.boolean(),
  checks: z.array(z.object({ what: z.string(), ok: z.boolean(), detail: z.string() })),
});
const AuditRowSchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  officerIds: z.array(z.string()),
  action: z.string(),
  caseId: z.string().nullable(),
  targets: z.array(z.string()),
  detail: z.string(),
  hash: z.string(),
});

/**
 * Who may make a call:
 * - `open`: anyone, even before set-up or sign-in;
 * - `officer`: at least one officer signed in (browsing);
 * - `pair`: two officers signed in — the legal minimum for creating or changing case records.
 */
export type Access = 'open' | 'officer' | 'pair';

interface CallSpec<I extends z.ZodType, O extends z.ZodType> {
  access: Access;
  input: I;
  output: O;
}
const call = <I extends z.ZodType, O extends z.ZodType>(access: Access, input: I, output: O): CallSpec<I, O> => ({
  access,
  input,
  output,
});

const Empty = z.object({}).strict();
const IdInput = z.object({ id: z.string().min(1).max(64) }).strict();

export const contract = {
  'app.status': call('open', Empty, AppStatusSchema),
  'office.setup': call('open', OfficeSetupSchema, AppStatusSchema),
  'session.signIn': call('open', SignInSchema, SessionStateSchema),
  'session.signOut': call('officer', z.object({ officerId: z.string().min(1) }).strict(), SessionStateSchema),
  'officers.list': call('officer', Empty, z.array(OfficerPublicSchema)),
  'officers.create': call('pair', OfficerCreateSchema, OfficerPublicSchema),
  // An officer changes their own password (signed in, knowing the old one): only their key copy is rewrapped.
  'officers.changePassword': call('officer', ChangePasswordSchema, z.object({ ok: z.literal(true) })),
  // Deactivates an officer (their records stay attributed to them) and deletes their copy of the device key.
  'officers.remove': call(
    'pair',
    z.object({ officerId: z.string().min(1).max(64) }).strict(),
    z.array(OfficerPublicSchema),
  ),
  // The lock (core/vault/): these three and app.status are the only calls answered while locked.
  'lock.unlock': call('open', SignInSchema, AppStatusSchema),
  'lock.lockNow': call('open', Empty, AppStatusSchema),
  'lock.activity': call('open', Empty, z.object({ ok: z.literal(true) })),
  'office.setIdleLock': call(
    'pair',
    z
      .object({
        minutes: z
          .number({ error: '请填写分钟数。' })
          .int({ message: '分钟数须为整数。' })
          .min(IDLE_LOCK_MINUTES.min, { message: `自动锁定时间不能少于${IDLE_LOCK_MINUTES.min}分钟。` })
          .max(IDLE_LOCK_MINUTES.max, { message: `自动锁定时间不能超过${IDLE_LOCK_MINUTES.max}分钟。` }),
      })
      .strict(),
    AppStatusSchema,
  ),
  'catalog.search': call(
    'officer',
    z.object({
      query: z.string().trim().max(100).default(''),
      type: MatterTypeSchema.optional(),
      limit: z.number().int().min(1).max(500).default(200),
      /** The summaries show the law for this conduct (both versions where it concerns two); default: the law in force today. */
      conduct: z
        .object({
          from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
          to: z
            .string()
            .regex(/^\d{4}-\d{2}-\d{2}$/)
            .nullable(),
        })
        .strict()
        .optional(),
    }),
    z.object({ version: z.string(), items: z.array(MatterSummarySchema) }),
  ),
  // A matter with its law over every period the catalog knows.
  'catalog.get': call('officer', IdInput, MatterViewSchema),
  'cases.list': call(
    'officer',
    CaseListQuerySchema,
    z.object({ items: z.array(CaseSummarySchema), total: z.number().int() }),
  ),
  'cases.get': call('officer', IdInput, CaseDetailSchema),
  'cases.create': call('pair', CaseInputSchema, CaseDetailSchema),
  'cases.update': call('pair', z.object({ id: z.string().min(1).max(64), data: CaseInputSchema }), CaseDetailSchema),
  // Which version of the law applies where the conduct concerns two (行政处罚法 第三十七条, docs/LAW.md):
  // it changes the case record, so both officers.
  'cases.chooseLaw': call('pair', ChooseLawSchema, CaseDetailSchema),
  'cases.setStatus': call(
    'pair',
    z.object({ id: z.string().min(1).max(64), status: CaseStatusSchema, note: z.string().trim().max(500).default('') }),
    CaseDetailSchema,
  ),
  // A date a deadline counts from (docs/DEADLINES.md): it changes the case record, so both officers.
  // Returns the case's deadlines counted anew.
  'cases.recordMilestone': call('pair', RecordMilestoneSchema, CaseDeadlinesSchema),
  'documents.list': call(
    'officer',
    z.object({ caseId: z.string().min(1).max(64) }).strict(),
    z.array(DocumentSummarySchema),
  ),
  'documents.get': call('officer', IdInput, DocumentDetailSchema),
  'documents.create': call(
    'pair',
    z.object({ caseId: z.string().min(1).max(64), type: DocumentTypeSchema }).strict(),
    DocumentDetailSchema,
  ),
  // The content is checked against its type's schema by the core (the type is known only there).
  // discardSignatures: the user confirmed that editing a signed document discards its signatures.
  'documents.save': call(
    'pair',
    z
      .object({
        id: z.string().min(1).max(64),
        revision: z.number().int().min(1),
        content: z.record(z.string(), z.unknown()),
        discardSignatures: z.boolean().default(false),
      })
      .strict(),
    SaveResultSchema,
  ),
  'documents.markReady': call('pair', IdInput, DocumentDetailSchema),
  // The document printed as PDF (A4, fonts embedded): for preview, saving and printing.
  'documents.pdf': call(
    'officer',
    IdInput,
    z.object({ fileName: z.string(), pages: z.number().int(), base64: z.string() }),
  ),
  // Review as printed and sign: the pages, the slots still to sign, the signatures made.
  'signing.state': call('officer', IdInput, SigningStateSchema),
  'signing.start': call('pair', CeremonyStartSchema, z.object({ ceremonyId: z.string() })),
  'signing.sign': call('pair', SignInputSchema, SigningStateSchema),
  'signing.resolve': call('pair', ResolveInputSchema, SigningStateSchema),
  // recordingFailure: why a ceremony that was to be recorded has no recording (camera refused …).
  'signing.end': call(
    'pair',
    z
      .object({
        ceremonyId: z.string().min(1).max(64),
        recordingEvidenceId: z.string().max(64).default(''),
        recordingFailure: z.string().trim().max(500).default(''),
      })
      .strict(),
    SigningStateSchema,
  ),
  // Sealing: both officers confirm with their passwords; the seal is the device's next chain link.
  'seals.seal': call(
    'pair',
    z
      .object({
        documentId: z.string().min(1).max(64),
        officerPasswords: z.tuple([z.string().min(1).max(200), z.string().min(1).max(200)]),
      })
      .strict(),
    SealInfoSchema,
  ),
  // 补正 of a sealed document: a new document naming it, with the reason.
  'seals.correct': call(
    'pair',
    z.object({ documentId: z.string().min(1).max(64), reason: requiredText('补正原因', 500) }).strict(),
    DocumentDetailSchema,
  ),
  // A sealed bundle (tar) of sealed documents, written to the data folder's exports/.
  'bundles.export': call(
    'pair',
    z
      .object({
        documentIds: z.array(z.string().min(1).max(64)).min(1, { message: '请选择要导出的已封存文书。' }).max(500),
      })
      .strict(),
    z.object({ path: z.string(), files: z.number().int(), seals: z.array(z.number().int()) }),
  ),
  'seals.get': call('officer', z.object({ documentId: z.string().min(1).max(64) }).strict(), SealInfoSchema.nullable()),
  // The whole device's verification report (chain, seals, documents, signatures, evidence, audit).
  // Checks a bundle file (this device's or another's) on its own, as npm run verify does: a full path, or a file name in the data folder's exports/.
  'bundles.verify': call(
    'officer',
    z.object({ path: z.string().trim().min(1, { message: '请填写封存包文件的完整路径。' }).max(4096) }).strict(),
    VerifyReportOutSchema,
  ),
  'seals.verify': call(
    'officer',
    z.object({ documentId: z.string().max(64).default('') }).strict(),
    VerifyReportOutSchema,
  ),
  'audit.list': call('officer', z.object({ caseId: z.string().max(64).default('') }).strict(), z.array(AuditRowSchema)),
  // Sync to HQ (docs/SYNC.md). Enrolling changes what the device is (its HQ, its case prefix): both officers.
  'sync.status': call('open', z.object({}).strict(), SyncStatusSchema),
  'sync.enroll': call(
    'pair',
    z.object({ url: requiredText('总部地址', 500), code: requiredText('登记码', 64) }).strict(),
    SyncStatusSchema,
  ),
  'sync.start': call('officer', z.object({}).strict(), SyncStatusSchema),
  // The outbox as one bundle file for HQ on an isolated network; dir: a folder (removable media), default DATA/exports.
  'sync.exportBundle': call(
    'officer',
    z.object({ dir: z.string().max(1000).default('') }).strict(),
    z.object({ path: z.string(), documents: z.number().int() }),
  ),
  // Removes from the laptop the evidence bytes HQ has receipted (both officers; never done by sync).
  'sync.freeSpace': call('pair', z.object({}).strict(), z.object({ files: z.number().int(), bytes: z.number().int() })),
  'sync.importReceipts': call(
    'officer',
    z
      .object({
        text: z
          .string()
          .min(1, { message: '请选择总部提供的回执文件。' })
          .max(16 * 1024 * 1024),
      })
      .strict(),
    z.object({ stored: z.number().int(), already: z.number().int() }),
  ),
  'evidence.list': call(
    'officer',
    z.object({ caseId: z.string().min(1).max(64) }).strict(),
    z.array(EvidenceItemSchema),
  ),
  // Step one of an import: checked here; the bytes follow against the returned ticket
  // (web shell: PUT /upload/TICKET), and the result of that upload is the evidence item.
  'evidence.beginImport': call(
    'pair',
    z
      .object({
        caseId: z.string().min(1).max(64),
        documentId: z.string().max(64).default(''),
        fileName: z
          .string()
          .trim()
          .min(1, { message: '文件名不能为空。' })
          .max(255, { message: '文件名过长（最多255个字符）。' })
          .refine((n) => !/[\\/]/.test(n) && !n.includes('\0'), { message: '文件名不能包含路径分隔符。' }),
        sizeBytes: z.number().int().min(0),
        meta: EvidenceMetaSchema,
      })
      .strict(),
    z.object({ ticket: z.string() }),
  ),
  'evidence.reverify': call('officer', z.object({ caseId: z.string().min(1).max(64) }).strict(), VerifyReportSchema),
  // Every item on this device, all cases (the 工作台); like the per-case run, it only reads and re-hashes.
  'evidence.reverifyAll': call('officer', Empty, VerifyReportSchema),
  // The capture browser (desktop shell only): open a URL in a separate sandboxed window, then
  // capture the page it shows into the given 电子取证工作记录.
  'capture.open': call(
    'pair',
    z
      .object({
        caseId: z.string().min(1).max(64),
        documentId: z.string().min(1).max(64),
        url: z
          .string()
          .trim()
          .max(4000)
          .refine((u) => URL.canParse(u) && /^https?:$/.test(new URL(u).protocol), {
            message: '网址格式不正确，应以 http:// 或 https:// 开头。',
          }),
      })
      .strict(),
    z.object({}),
  ),
  'capture.take': call('pair', Empty, z.array(EvidenceItemSchema)),
  'capture.close': call('officer', Empty, z.object({})),
  // Deadlines (docs/DEADLINES.md): the working-day calendar in use (shipped, or newer from HQ), for
  // the screens that count live; one case's deadlines; the dashboard (工作台).
  'calendar.get': call('officer', Empty, CalendarInfoSchema),
  'deadlines.case': call('officer', z.object({ caseId: z.string().min(1).max(64) }).strict(), CaseDeadlinesSchema),
  'dashboard.get': call('officer', Empty, DashboardSchema),
} satisfies Record<CallName, CallSpec<z.ZodType, z.ZodType>>;

export type Contract = typeof contract;
/** What the renderer passes (defaults may be omitted). */
export type CallInput<K extends CallName> = z.input<Contract[K]['input']>;
/** What the core receives after validation (defaults filled in). */
export type CallArg<K extends CallName> = z.output<Contract[K]['input']>;
export type CallOutput<K extends CallName> = z.output<Contract[K]['output']>;
