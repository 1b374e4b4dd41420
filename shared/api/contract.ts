// The API contract: every call the renderer can make, with its whole policy (call-policy.ts: who
// may make it, how the audit log records it, whether it is answered while locked or before set-up,
// whether it is polled) and a runtime schema for its argument and result. Both shells (Electron IPC
// and the web shell's HTTP) hand calls to the vault (core/vault/vault.ts) and dispatch
// (core/api/dispatch.ts), which take every decision from here.
// To add a call: its name in call-names.ts, its entry here, its handler in core/api/handlers.ts,
// and, when dispatch audits it, its row in core/audit/audit-calls.ts (the compiler asks for each).
import { z } from 'zod';
import { SyncStatusSchema } from '../sync/sync-api.ts';
import type { CallName } from './call-names.ts';
import {
  AppStatusSchema,
  IDLE_LOCK_MINUTES,
  LATE_SIGNING_MINUTES,
  OfficeHeadInputSchema,
  OfficeHeadSchema,
  OfficeSetupSchema,
} from '../domain/office.ts';
import { CONFIRMABLE_RULES, TimelineInputSchema } from '../timeline/timeline-api.ts';
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
import { byDispatch, byHandler, NOT_AUDITED, policy, type AuditPolicy, type CallPolicy } from './call-policy.ts';
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
  /** A bundle's trust chain: its root's fingerprint and whether it is this device's HQ (shared/trust/anchor-sentence.ts). */
  anchor: z
    .object({ fingerprint: z.string().nullable(), hqName: z.string().nullable(), anchored: z.boolean() })
    .optional(),
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

interface CallSpec<A extends AuditPolicy, I extends z.ZodType, O extends z.ZodType> extends CallPolicy<A> {
  input: I;
  output: O;
}
/** One entry: its policy (call-policy.ts: who, how audited, which traits), then its argument and result. */
const call = <A extends AuditPolicy, I extends z.ZodType, O extends z.ZodType>(
  p: CallPolicy<A>,
  input: I,
  output: O,
): CallSpec<A, I, O> => ({ ...p, input, output });

const Empty = z.object({}).strict();
/** The heads of the agency (who approves a 先行登记保存) and the late-signing margin: the 设置 page's timeline part. */
const TimelineSettingsSchema = z.object({
  heads: z.array(OfficeHeadSchema),
  lateSigningMinutes: z.number().int(),
});
const IdInput = z.object({ id: z.string().min(1).max(64) }).strict();

export const contract = {
  'app.status': call(policy('open', NOT_AUDITED, ['whileLocked', 'beforeSetup', 'polled']), Empty, AppStatusSchema),
  'office.setup': call(policy('open', byHandler('settings'), ['beforeSetup']), OfficeSetupSchema, AppStatusSchema),
  'session.signIn': call(
    policy('open', { by: 'dispatch', actions: ['sign-in'], failed: 'sign-in-failed' }, []),
    SignInSchema,
    SessionStateSchema,
  ),
  'session.signOut': call(
    policy('officer', byDispatch('sign-out'), []),
    z.object({ officerId: z.string().min(1) }).strict(),
    SessionStateSchema,
  ),
  'officers.list': call(policy('officer', NOT_AUDITED, []), Empty, z.array(OfficerPublicSchema)),
  'officers.create': call(policy('pair', byHandler('settings'), []), OfficerCreateSchema, OfficerPublicSchema),
  // An officer changes their own password (signed in, knowing the old one): only their key copy is rewrapped.
  'officers.changePassword': call(
    policy('officer', byHandler('settings'), []),
    ChangePasswordSchema,
    z.object({ ok: z.literal(true) }),
  ),
  // Deactivates an officer (their records stay attributed to them) and deletes their copy of the device key.
  'officers.remove': call(
    policy('pair', byDispatch('settings'), []),
    z.object({ officerId: z.string().min(1).max(64) }).strict(),
    z.array(OfficerPublicSchema),
  ),
  // The lock (core/vault/): with app.status, the only calls answered while locked.
  'lock.unlock': call(
    policy('open', byHandler('unlock', 'unlock-failed'), ['whileLocked']),
    SignInSchema,
    AppStatusSchema,
  ),
  'lock.lockNow': call(policy('open', byHandler('lock'), ['whileLocked', 'polled']), Empty, AppStatusSchema),
  'lock.activity': call(
    policy('open', NOT_AUDITED, ['whileLocked', 'polled']),
    Empty,
    z.object({ ok: z.literal(true) }),
  ),
  'office.setIdleLock': call(
    policy('pair', byDispatch('settings'), []),
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
  // The agency's heads (机关负责人: a 先行登记保存 is approved by one of them) and the margin after
  // which signing a record needs a reason (docs/RECORDS.md «The case timeline»).
  'office.timelineSettings': call(policy('officer', NOT_AUDITED, []), Empty, TimelineSettingsSchema),
  'office.addHead': call(policy('pair', byDispatch('settings'), []), OfficeHeadInputSchema, TimelineSettingsSchema),
  'office.removeHead': call(
    policy('pair', byDispatch('settings'), []),
    z.object({ id: z.string().min(1).max(64) }).strict(),
    TimelineSettingsSchema,
  ),
  'office.setLateSigning': call(
    policy('pair', byDispatch('settings'), []),
    z
      .object({
        minutes: z
          .number({ error: '请填写分钟数。' })
          .int({ message: '分钟数须为整数。' })
          .min(LATE_SIGNING_MINUTES.min, { message: `逾时签名的时限不能少于${LATE_SIGNING_MINUTES.min}分钟。` })
          .max(LATE_SIGNING_MINUTES.max, {
            message: `逾时签名的时限不能超过${LATE_SIGNING_MINUTES.max}分钟（24小时）。`,
          }),
      })
      .strict(),
    TimelineSettingsSchema,
  ),
  'catalog.search': call(
    policy('officer', NOT_AUDITED, []),
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
    /** version, date: the 法规库 in use (docs/LAW.md). */
    z.object({ version: z.string(), date: z.string().nullable(), items: z.array(MatterSummarySchema) }),
  ),
  // A matter with its law over every period the catalog knows.
  'catalog.get': call(policy('officer', NOT_AUDITED, []), IdInput, MatterViewSchema),
  'cases.list': call(
    policy('officer', NOT_AUDITED, []),
    CaseListQuerySchema,
    z.object({ items: z.array(CaseSummarySchema), total: z.number().int() }),
  ),
  'cases.get': call(policy('officer', NOT_AUDITED, []), IdInput, CaseDetailSchema),
  'cases.create': call(policy('pair', byDispatch('case-create'), []), CaseInputSchema, CaseDetailSchema),
  'cases.update': call(
    policy('pair', byDispatch('case-edit'), []),
    z.object({ id: z.string().min(1).max(64), data: CaseInputSchema }),
    CaseDetailSchema,
  ),
  // Which version of the law applies where the conduct concerns two (行政处罚法 第三十七条, docs/LAW.md):
  // it changes the case record, so both officers.
  'cases.chooseLaw': call(policy('pair', byDispatch('case-law'), []), ChooseLawSchema, CaseDetailSchema),
  'cases.setStatus': call(
    policy('pair', byDispatch('case-status'), []),
    z.object({ id: z.string().min(1).max(64), status: CaseStatusSchema, note: z.string().trim().max(500).default('') }),
    CaseDetailSchema,
  ),
  // A date a deadline counts from (docs/DEADLINES.md): it changes the case record, so both officers.
  // Returns the case's deadlines counted anew.
  'cases.recordMilestone': call(
    policy('pair', byDispatch('case-milestone'), []),
    RecordMilestoneSchema,
    CaseDeadlinesSchema,
  ),
  'documents.list': call(
    policy('officer', NOT_AUDITED, []),
    z.object({ caseId: z.string().min(1).max(64) }).strict(),
    z.array(DocumentSummarySchema),
  ),
  'documents.get': call(policy('officer', NOT_AUDITED, []), IdInput, DocumentDetailSchema),
  'documents.create': call(
    policy('pair', byDispatch('document-create'), []),
    z.object({ caseId: z.string().min(1).max(64), type: DocumentTypeSchema }).strict(),
    DocumentDetailSchema,
  ),
  // The content is checked against its type's schema by the core (the type is known only there).
  // discardSignatures: the user confirmed that editing a signed document discards its signatures.
  'documents.save': call(
    policy('pair', byDispatch('document-edit', 'document-edit-discarding-signatures'), []),
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
  'documents.markReady': call(policy('pair', byDispatch('document-ready'), []), IdInput, DocumentDetailSchema),
  // The case timeline's facts (shared/timeline/): the case page and the editor run its rules on them.
  'timeline.get': call(
    policy('officer', NOT_AUDITED, []),
    z.object({ caseId: z.string().min(1).max(64) }).strict(),
    TimelineInputSchema,
  ),
  // Both officers confirm a warning that needs it (a witness on the party's side, one identity
  // number for two names), with their passwords and the reason: recorded, audited by the handler.
  'timeline.confirm': call(
    policy('pair', byHandler('timeline-confirm'), []),
    z
      .object({
        caseId: z.string().min(1).max(64),
        rule: z.enum(CONFIRMABLE_RULES),
        subject: z.string().min(1).max(500),
        note: requiredText('确认理由', 500),
        officerPasswords: z.tuple([
          z.string().min(1, { message: '请两名执法人员分别输入密码确认。' }).max(200),
          z.string().min(1, { message: '请两名执法人员分别输入密码确认。' }).max(200),
        ]),
      })
      .strict(),
    TimelineInputSchema,
  ),
  // The document printed as PDF (A4, fonts embedded): for preview, saving and printing.
  'documents.pdf': call(
    policy('officer', byDispatch('export-pdf'), []),
    IdInput,
    z.object({ fileName: z.string(), pages: z.number().int(), base64: z.string() }),
  ),
  // Review as printed and sign: the pages, the slots still to sign, the signatures made.
  'signing.state': call(policy('officer', NOT_AUDITED, ['polled']), IdInput, SigningStateSchema),
  'signing.start': call(
    policy('pair', byDispatch('signing-start'), []),
    CeremonyStartSchema,
    z.object({ ceremonyId: z.string() }),
  ),
  'signing.sign': call(policy('pair', byHandler('sign', 'refuse'), []), SignInputSchema, SigningStateSchema),
  'signing.resolve': call(policy('pair', byHandler('sign', 'refuse'), []), ResolveInputSchema, SigningStateSchema),
  // recordingFailure: why a ceremony that was to be recorded has no recording (camera refused …).
  'signing.end': call(
    policy('pair', byDispatch('signing-end'), []),
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
    policy('pair', byHandler('seal'), []),
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
    policy('pair', byDispatch('correction-create'), []),
    z.object({ documentId: z.string().min(1).max(64), reason: requiredText('补正原因', 500) }).strict(),
    DocumentDetailSchema,
  ),
  // A sealed bundle (tar) of sealed documents, written to the data folder's exports/.
  'bundles.export': call(
    policy('pair', byHandler('export-bundle'), []),
    z
      .object({
        documentIds: z.array(z.string().min(1).max(64)).min(1, { message: '请选择要导出的已封存文书。' }).max(500),
      })
      .strict(),
    z.object({ path: z.string(), files: z.number().int(), seals: z.array(z.number().int()) }),
  ),
  'seals.get': call(
    policy('officer', NOT_AUDITED, []),
    z.object({ documentId: z.string().min(1).max(64) }).strict(),
    SealInfoSchema.nullable(),
  ),
  // The whole device's verification report (chain, seals, documents, signatures, evidence, audit).
  // Checks a bundle file (this device's or another's) on its own, as npm run verify does: a full path, or a file name in the data folder's exports/.
  'bundles.verify': call(
    policy('officer', NOT_AUDITED, []),
    z.object({ path: z.string().trim().min(1, { message: '请填写封存包文件的完整路径。' }).max(4096) }).strict(),
    VerifyReportOutSchema,
  ),
  'seals.verify': call(
    policy('officer', NOT_AUDITED, []),
    z.object({ documentId: z.string().max(64).default('') }).strict(),
    VerifyReportOutSchema,
  ),
  'audit.list': call(
    policy('officer', NOT_AUDITED, []),
    z.object({ caseId: z.string().max(64).default('') }).strict(),
    z.array(AuditRowSchema),
  ),
  // Sync to HQ (docs/SYNC.md). Enrolling changes what the device is (its HQ, its case prefix): both officers.
  'sync.status': call(policy('open', NOT_AUDITED, ['polled']), z.object({}).strict(), SyncStatusSchema),
  'sync.enroll': call(
    policy('pair', byHandler('enroll'), []),
    z.object({ url: requiredText('总部地址', 500), code: requiredText('登记码', 64) }).strict(),
    SyncStatusSchema,
  ),
  'sync.start': call(policy('officer', byHandler('sync', 'sync-failed'), []), z.object({}).strict(), SyncStatusSchema),
  // The outbox as one bundle file for HQ on an isolated network; dir: a folder (removable media), default DATA/exports.
  'sync.exportBundle': call(
    policy('officer', byHandler('sync-export'), []),
    z.object({ dir: z.string().max(1000).default('') }).strict(),
    z.object({ path: z.string(), documents: z.number().int() }),
  ),
  // Removes from the laptop the evidence bytes HQ has receipted (both officers; never done by sync).
  'sync.freeSpace': call(
    policy('pair', byHandler('free-space'), []),
    z.object({}).strict(),
    z.object({ files: z.number().int(), bytes: z.number().int() }),
  ),
  'sync.importReceipts': call(
    policy('officer', byHandler('sync-receipts'), []),
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
    policy('officer', NOT_AUDITED, []),
    z.object({ caseId: z.string().min(1).max(64) }).strict(),
    z.array(EvidenceItemSchema),
  ),
  // Step one of an import: checked here; the bytes follow against the returned ticket
  // (web shell: PUT /upload/TICKET), and the result of that upload is the evidence item.
  'evidence.beginImport': call(
    policy('pair', NOT_AUDITED, []),
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
  'evidence.reverify': call(
    policy('officer', NOT_AUDITED, []),
    z.object({ caseId: z.string().min(1).max(64) }).strict(),
    VerifyReportSchema,
  ),
  // Every item on this device, all cases (the 工作台); like the per-case run, it only reads and re-hashes.
  'evidence.reverifyAll': call(policy('officer', NOT_AUDITED, []), Empty, VerifyReportSchema),
  // The capture browser (desktop shell only): open a URL in a separate sandboxed window, then
  // capture the page it shows into the given 电子取证工作记录.
  'capture.open': call(
    policy('pair', NOT_AUDITED, []),
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
  'capture.take': call(policy('pair', byHandler('evidence-capture'), []), Empty, z.array(EvidenceItemSchema)),
  'capture.close': call(policy('officer', NOT_AUDITED, []), Empty, z.object({})),
  // Deadlines (docs/DEADLINES.md): the working-day calendar in use (shipped, or newer from HQ), for
  // the screens that count live; one case's deadlines; the dashboard (工作台).
  'calendar.get': call(policy('officer', NOT_AUDITED, []), Empty, CalendarInfoSchema),
  'deadlines.case': call(
    policy('officer', NOT_AUDITED, []),
    z.object({ caseId: z.string().min(1).max(64) }).strict(),
    CaseDeadlinesSchema,
  ),
  'dashboard.get': call(policy('officer', NOT_AUDITED, []), Empty, DashboardSchema),
} satisfies Record<CallName, CallSpec<AuditPolicy, z.ZodType, z.ZodType>>;

export type Contract = typeof contract;
/** What the renderer passes (defaults may be omitted). */
export type CallInput<K extends CallName> = z.input<Contract[K]['input']>;
/** What the core receives after validation (defaults filled in). */
export type CallArg<K extends CallName> = z.output<Contract[K]['input']>;
export type CallOutput<K extends CallName> = z.output<Contract[K]['output']>;
