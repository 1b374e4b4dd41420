// When a case's conduct happened, and which version of the law applies to it (docs/LAW.md): the
// conduct date picks the version in force; where the law changed between the conduct and today
// (the decision), or during the conduct, both versions are shown and the officers record which
// one they apply and on what ground (行政处罚法 第三十七条).
import { z } from 'zod';
import { LAW_GROUNDS } from '../catalog/law-in-force.ts';
import { LawPeriodSchema } from '../catalog/catalog-schema.ts';

const date = (what: string) =>
  z
    .string({ error: `请填写${what}。` })
    .trim()
    .min(1, { message: `请填写${what}。` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { message: `${what}格式应为 年-月-日。` })
    .refine(
      (s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
      {
        message: `${what}不是有效日期。`,
      },
    );

export const CONDUCT_KINDS = ['day', 'period', 'continuing'] as const;
export const CONDUCT_KIND_LABELS: Record<(typeof CONDUCT_KINDS)[number], string> = {
  day: '某一日',
  period: '一段时间',
  continuing: '持续至今',
};

/**
 * The conduct: one day, a period (from … to), or continuing (from … until now); and the day it
 * was discovered (发现时间). Dates are Beijing dates. Whether a date lies in the future is checked
 * by the core against its clock.
 */
export const ConductSchema = z
  .object({
    kind: z.enum(CONDUCT_KINDS, { error: '请选择违法行为时间的类型（某一日、一段时间或持续至今）。' }),
    from: date('违法行为发生日期'),
    /** Only for a period; a day's end is its start, continuing conduct has no end (null once parsed). */
    to: z.string().trim().nullable().default(''),
    discoveredOn: date('发现日期'),
  })
  .superRefine((v, ctx) => {
    if (v.kind === 'period') {
      const to = date('违法行为终了日期').safeParse(v.to ?? '');
      if (!to.success) ctx.addIssue({ code: 'custom', path: ['to'], message: to.error.issues[0]!.message });
      else if (to.data <= v.from)
        ctx.addIssue({
          code: 'custom',
          path: ['to'],
          message: '终了日期应晚于开始日期（只有一天的，请选择「某一日」）。',
        });
    }
    if (v.discoveredOn < v.from)
      ctx.addIssue({
        code: 'custom',
        path: ['discoveredOn'],
        message: '发现日期不能早于违法行为开始的日期。',
      });
  })
  .transform((v) => ({
    kind: v.kind,
    from: v.from,
    to: v.kind === 'day' ? v.from : v.kind === 'period' ? v.to : null,
    discoveredOn: v.discoveredOn,
  }));
export type ConductInput = z.input<typeof ConductSchema>;
export type Conduct = z.output<typeof ConductSchema>;

/** 2025年3月1日 / 2025年3月1日至2026年2月1日 / 2025年3月1日起持续至今 */
export function conductLabel(c: Conduct): string {
  const d = (s: string) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
    return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : s;
  };
  if (c.kind === 'day') return d(c.from);
  if (c.kind === 'period') return `${d(c.from)}至${d(c.to ?? '')}`;
  return `${d(c.from)}起持续至今`;
}

export const LawGroundSchema = z.enum(LAW_GROUNDS, { error: '请选择适用的理由。' });

export const ChooseLawSchema = z
  .object({
    caseId: z.string().min(1).max(64),
    /** The chosen period: its first day (YYYY-MM-DD), '' for a period without a recorded start. */
    period: z.string().regex(/^(\d{4}-\d{2}-\d{2})?$/, { message: '法律版本无效。' }),
    ground: LawGroundSchema,
    note: z.string().trim().max(500, { message: '说明不能超过500字。' }).default(''),
  })
  .strict();

export const LawChoiceSchema = z.object({
  period: z.string(),
  ground: LawGroundSchema,
  note: z.string(),
  recordedAt: z.string(),
  officers: z.array(z.string()),
  /** Still fits the case: made for its present matter and conduct. */
  valid: z.boolean(),
});
export type LawChoice = z.infer<typeof LawChoiceSchema>;

export const CaseLawSchema = z.object({
  conduct: z
    .object({ kind: z.enum(CONDUCT_KINDS), from: z.string(), to: z.string().nullable(), discoveredOn: z.string() })
    .nullable(),
  /** no-conduct: the case does not record its conduct date yet (cases made before 2026.12). */
  situation: z.enum(['single', 'amended-after', 'spans', 'none', 'no-conduct']),
  /** The versions to show: for the conduct (side by side when more than one); all when no conduct is recorded. */
  candidates: z.array(LawPeriodSchema),
  conductPeriods: z.array(z.string()),
  currentPeriod: z.string().nullable(),
  suggested: z.string().nullable(),
  /** The latest choice recorded for the case (it may no longer fit: valid). */
  choice: LawChoiceSchema.nullable(),
  /** The version that applies: the only one, or the one validly chosen; null while undecided. */
  applies: z.string().nullable(),
});
export type CaseLaw = z.infer<typeof CaseLawSchema>;
