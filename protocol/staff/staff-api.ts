// HQ's JSON API for the staff app (staff-app/, docs/HQ.md「工作人员应用」) as data, in the style of
// protocol/sync/hq-api.ts: every route with its method, path, and zod schemas for its parameters,
// query, body and answer. HQ validates each request before any work and checks each answer before
// it leaves (hq/http/staff-api.ts); the app checks the answers with the same schemas
// (staff-app/api.ts). Times travel as ISO-8601 (UTC); the app shows them in Beijing time.
import { z } from 'zod';
import '../../shared/api/zod-locale.ts';

const Uuid = (what: string) => z.string().regex(/^[0-9a-f-]{36}$/, `${what}须为36位（小写十六进制与连字符）。`);
const RecordId = z.string().min(1).max(200);
const Day = z.string().regex(/^\d{4}-\d\d-\d\d$/, '日期须为 YYYY-MM-DD。');
const Iso = z.string();
const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份须为 YYYY-MM（如 2026-03）。');

export const ROLES = ['admin', 'reviewer', 'readonly'] as const;
export const LEVELS = ['province', 'city', 'district'] as const;
export const RoleSchema = z.enum(ROLES, '角色须为 admin、reviewer 或 readonly。');

export const GrantSchema = z.object({
  officeId: z.string(),
  officeName: z.string(),
  level: z.enum(LEVELS),
  role: RoleSchema,
});
export const SessionSchema = z.object({
  username: z.string(),
  grants: z.array(GrantSchema),
  /** Sent back in `x-csrf-token` with every request that changes something. */
  csrf: z.string(),
  hqName: z.string(),
});
export const OfficeSchema = z.object({
  id: z.string(),
  name: z.string(),
  level: z.enum(LEVELS),
  parentId: z.string().nullable(),
  depth: z.number().int(),
});

const FlagSchema = z.object({
  id: z.number(),
  deviceId: z.string(),
  deviceName: z.string().nullable(),
  officeName: z.string().nullable(),
  seq: z.number().nullable(),
  kind: z.string(),
  label: z.string(),
  detail: z.string(),
  createdAt: Iso,
});
const ChainSchema = z.object({ count: z.number(), maxSeq: z.number(), missing: z.array(z.number()) });
const DeviceSchema = z.object({
  deviceId: z.string(),
  name: z.string(),
  agencyName: z.string(),
  officeName: z.string().nullable(),
  casePrefix: z.string(),
  enrolledAt: Iso,
  lastSyncAt: Iso.nullable(),
  revokedAt: Iso.nullable(),
  revokeReason: z.string().nullable(),
  chain: ChainSchema,
});

const UrgentDeadlineSchema = z.object({
  deviceName: z.string(),
  officeId: z.string(),
  officeName: z.string(),
  caseId: z.string(),
  caseNo: z.string(),
  caseAtHq: z.boolean(),
  kind: z.string(),
  label: z.string(),
  dueDate: z.string().nullable(),
  earliest: z.string().nullable(),
  status: z.enum(['overdue', 'soon', 'uncertain']),
  daysLeft: z.number().int(),
  docNo: z.string().nullable(),
  reportedAt: Iso,
});

export const CaseSortSchema = z.enum(['updated_desc', 'updated_asc', 'case_no', 'party', 'documents_desc']);
export const CasesQuerySchema = z.object({
  q: z.string().max(200).optional(),
  office: Uuid('单位编号').optional(),
  matter: z.string().max(100).optional(),
  status: z.string().max(40).optional(),
  party: z.string().max(100).optional(),
  officer: z.string().max(60).optional(),
  from: Day.optional(),
  to: Day.optional(),
  verify: z.enum(['ok', 'flagged'], '核验状态须为 ok 或 flagged。').optional(),
  sort: CaseSortSchema.optional(),
  page: z.coerce.number().int().min(1).max(100_000).optional(),
  pageSize: z.coerce.number().int().min(1).max(200).optional(),
});
const CaseRowSchema = z.object({
  id: z.string(),
  caseNo: z.string(),
  partyName: z.string(),
  matterName: z.string(),
  status: z.string(),
  updatedAt: Iso,
  officeName: z.string(),
  documents: z.number(),
  flags: z.number(),
});
const DocumentRowSchema = z.object({
  id: z.string(),
  type: z.string(),
  typeLabel: z.string(),
  docNo: z.string(),
  sealedAt: Iso,
  seq: z.number(),
  hqSeq: z.number(),
  receivedAt: Iso,
  via: z.string(),
});

const LogRowSchema = z.object({
  id: z.number(),
  at: Iso,
  who: z.string(),
  officeName: z.string().nullable(),
  action: z.string(),
  /** The action in Chinese (never a code such as `enroll`). */
  actionLabel: z.string(),
  detail: z.string(),
});

const Ok = z.object({ ok: z.literal(true) });

/** Every route of the staff API: method, path (under /api/staff), schemas. */
export const STAFF_ROUTES = {
  hello: { method: 'GET', path: '/hello', answer: z.object({ hqName: z.string(), offices: z.number() }) },
  login: {
    method: 'POST',
    path: '/login',
    body: z.object({
      username: z.string().min(1, '请填写用户名。').max(100),
      password: z.string().min(1, '请填写密码。').max(1024),
    }),
    answer: SessionSchema,
  },
  logout: { method: 'POST', path: '/logout', answer: Ok },
  session: { method: 'GET', path: '/session', answer: SessionSchema },
  overview: {
    method: 'GET',
    path: '/overview',
    answer: z.object({
      counts: z.object({ devices: z.number(), seals: z.number(), cases: z.number(), openFlags: z.number() }),
      flags: z.array(FlagSchema),
      devices: z.array(DeviceSchema),
      offices: z.array(OfficeSchema),
      /** Overdue and nearly due deadlines the devices reported (none from a device that never reported). */
      deadlines: z.array(UrgentDeadlineSchema),
    }),
  },
  cases: {
    method: 'GET',
    path: '/cases',
    query: CasesQuerySchema,
    answer: z.object({ rows: z.array(CaseRowSchema), total: z.number(), page: z.number(), pageSize: z.number() }),
  },
  case: {
    method: 'GET',
    path: '/cases/:caseId',
    params: z.object({ caseId: RecordId }),
    answer: z.object({
      case: CaseRowSchema.omit({ documents: true, flags: true }),
      documents: z.array(DocumentRowSchema),
    }),
  },
  document: {
    method: 'GET',
    path: '/documents/:documentId',
    params: z.object({ documentId: RecordId }),
    answer: z.object({
      id: z.string(),
      caseId: z.string(),
      caseNo: z.string(),
      docNo: z.string(),
      typeLabel: z.string(),
      pages: z.number(),
      officeName: z.string(),
      problems: z.array(z.string()),
      missingBefore: z.array(z.number()),
      seal: z.object({
        deviceId: z.string(),
        seq: z.number(),
        hqSeq: z.number(),
        sha256: z.string(),
        sm3: z.string(),
        sealedAt: Iso,
        receivedAt: Iso,
        via: z.string(),
      }),
      receipt: z.object({ hqTime: Iso, hqSeq: z.number(), chainComplete: z.boolean() }),
      officers: z.array(z.object({ name: z.string(), certNo: z.string() })),
      signatures: z.array(z.object({ id: z.string(), role: z.string(), signer: z.string() })),
      evidence: z.array(z.object({ sha256: z.string(), fileName: z.string(), size: z.number(), href: z.string() })),
      pdfHref: z.string().nullable(),
    }),
  },
  devices: {
    method: 'GET',
    path: '/devices',
    answer: z.object({
      devices: z.array(DeviceSchema),
      codes: z.array(
        z.object({ note: z.string(), casePrefix: z.string(), createdAt: Iso, expiresAt: Iso, usedAt: Iso.nullable() }),
      ),
      /** The address devices enroll with: this server as the browser reached it. */
      enrollAddress: z.string(),
      tlsFingerprint: z.string().nullable(),
      offices: z.array(OfficeSchema),
    }),
  },
  createCode: {
    method: 'POST',
    path: '/codes',
    body: z.object({
      officeId: Uuid('单位编号'),
      note: z.string().trim().max(60, '备注最多60个字。').default(''),
      prefix: z.string().trim().max(12, '案号前缀最多12个字。').default(''),
    }),
    answer: z.object({ code: z.string(), expiresAt: Iso, officeName: z.string() }),
  },
  revoke: {
    method: 'POST',
    path: '/devices/:deviceId/revoke',
    params: z.object({ deviceId: Uuid('设备编号') }),
    body: z.object({ reason: z.string().trim().min(1, '请填写吊销原因。').max(500) }),
    answer: Ok,
  },
  staff: {
    method: 'GET',
    path: '/staff',
    answer: z.object({
      staff: z.array(
        z.object({
          id: z.string(),
          username: z.string(),
          officeName: z.string(),
          role: RoleSchema,
          /** Wrong passwords typed for this name make some client wait until then (null: none waits now). */
          throttledUntil: Iso.nullable(),
          /** How many clients (addresses) wait at this name now. */
          throttledClients: z.number().int(),
        }),
      ),
      offices: z.array(OfficeSchema),
    }),
  },
  createStaff: {
    method: 'POST',
    path: '/staff',
    body: z.object({
      username: z
        .string()
        .trim()
        .regex(/^[\p{L}\p{N}_.-]{2,32}$/u, '用户名须为2至32个字母、数字或 _ . -。'),
      password: z.string().min(10, '密码至少10个字符。').max(1024),
      officeId: Uuid('单位编号'),
      role: RoleSchema,
    }),
    answer: Ok,
  },
  /** 统计: cases and documents per office, Beijing month and matter, over the viewer's offices. */
  stats: {
    method: 'GET',
    path: '/stats',
    query: z.object({ from: Month.optional(), to: Month.optional(), office: Uuid('单位编号').optional() }),
    answer: z.object({
      from: z.string(),
      to: z.string(),
      months: z.array(z.string()),
      offices: z.array(OfficeSchema),
      rows: z.array(
        z.object({
          officeId: z.string(),
          month: z.string(),
          matter: z.string(),
          cases: z.number(),
          documents: z.number(),
        }),
      ),
    }),
  },
  events: { method: 'GET', path: '/events', answer: z.object({ rows: z.array(LogRowSchema) }) },
  access: {
    method: 'GET',
    path: '/access',
    query: z.object({ document: RecordId.optional() }),
    answer: z.object({ rows: z.array(LogRowSchema) }),
  },
} as const;

/**
 * Downloads: files, not JSON (the app links to them; the browser saves the answer). Parameters are
 * validated as for every route; a record outside the viewer's offices is 404.
 */
export const STAFF_DOWNLOADS = {
  /** 导出证据包 of a case: a tar (hq/export/evidence-export.ts). */
  exportCase: { method: 'GET', path: '/cases/:caseId/export', params: z.object({ caseId: RecordId }) },
  /** 导出证据包 of one document. */
  exportDocument: {
    method: 'GET',
    path: '/documents/:documentId/export',
    params: z.object({ documentId: RecordId }),
  },
} as const;

export type StaffRoutes = typeof STAFF_ROUTES;
export type Answer<K extends keyof StaffRoutes> = z.infer<StaffRoutes[K]['answer']>;
export type CasesQuery = z.input<typeof CasesQuerySchema>;
export const STAFF_API = '/api/staff';
export const CSRF_HEADER = 'x-csrf-token';
