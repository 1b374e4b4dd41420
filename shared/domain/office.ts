import { z } from 'zod';
import { requiredText } from './text-rules.ts';
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

export const AppStatusSchema = z.object({
  appVersion: z.string(),
  setupDone: z.boolean(),
  agencyName: z.string().nullable(),
  catalogVersion: z.string(),
  session: SessionStateSchema,
});
export type AppStatus = z.infer<typeof AppStatusSchema>;
