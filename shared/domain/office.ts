import { z } from 'zod';
import { optionalText, requiredText } from './text-rules.ts';
import { OfficerCreateSchema, SessionStateSchema } from './officer.ts';

export const OfficeSetupSchema = z
  .object({
    agencyName: requiredText('行政机关名称', 60),
    officers: z.array(OfficerCreateSchema).length(2, { message: '首次设置须登记两名执法人员。' }),
  })
  .superRefine((v, ctx) => {
    const [a, b] = v.officers;
    if (a && b && a.certNo.toUpperCase() === b.certNo.toUpperCase()) {
      ctx.addIssue({ code: 'custom', path: ['officers', 1, 'certNo'], message: '两名执法人员的执法证号不能相同。' });
    }
  });
export type OfficeSetup = z.infer<typeof OfficeSetupSchema>;

/** Why the app is locked: just started, idle too long, the computer slept, or an officer locked it. */
export const LockReasonSchema = z.enum(['start', 'idle', 'sleep', 'manual']);
export type LockReason = z.infer<typeof LockReasonSchema>;

export const LockStatusSchema = z.object({
  locked: z.boolean(),
  reason: LockReasonSchema.nullable(),
  /** Minutes without activity before the app locks itself. */
  idleMinutes: z.number().int(),
  /** After repeated wrong passwords: seconds until the next attempt is accepted (0 = now). */
  retryAfterSeconds: z.number().int(),
});
export type LockStatus = z.infer<typeof LockStatusSchema>;

export const IDLE_LOCK_MINUTES = { min: 1, max: 60, default: 5 } as const;

export const AppStatusSchema = z.object({
  appVersion: z.string(),
  setupDone: z.boolean(),
  agencyName: z.string().nullable(),
  /** The 法规库版本 in use, and its date (null: the catalog gives none). */
  catalogVersion: z.string(),
  catalogDate: z.string().nullable(),
  session: SessionStateSchema,
  lock: LockStatusSchema,
  /** True once HQ holds a recovery copy of this device's key (made at enrollment). */
  hqRecovery: z.boolean(),
});
export type AppStatus = z.infer<typeof AppStatusSchema>;

/**
 * A 机关负责人 of the agency: approves a 先行登记保存 (行政处罚法 第五十六条). A role kept by the
 * officers on the device; the approval records who, when and how.
 */
export const OfficeHeadSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** 主任, 副主任 … */
  title: z.string(),
  active: z.boolean(),
});
export type OfficeHead = z.infer<typeof OfficeHeadSchema>;

export const OfficeHeadInputSchema = z
  .object({ name: requiredText('负责人姓名', 40), title: optionalText('职务', 30) })
  .strict();

/** How an approval prints the head: 黄建国（主任）. */
export const headLabel = (h: { name: string; title: string }) => (h.title ? `${h.name}（${h.title}）` : h.name);

/** Signing later than this after a record is complete needs a reason (a setting; shared/timeline/rules/signing.ts). */
export const LATE_SIGNING_MINUTES = { min: 15, max: 24 * 60 } as const;
