import { z } from 'zod';
import { requiredText } from './text-rules.ts';

/** 执法证号: provinces number certificates differently; letters, digits, hyphens and a province prefix. */
export const CertNoSchema = requiredText('执法证号', 32).refine((s) => /^[\p{Script=Han}A-Za-z0-9-]{4,32}$/u.test(s), {
  message: '执法证号应为4–32位的数字、字母或连字符（可带省份简称），不含空格，请对照执法证核对。',
});

export const PasswordSchema = z
  .string({ error: '请填写密码。' })
  .refine((s) => s.length >= 8, { message: '密码至少8位。' })
  .refine((s) => s.length <= 128, { message: '密码不能超过128位。' })
  .refine((s) => /[A-Za-z]/.test(s) && /\d/.test(s), { message: '密码须同时包含字母和数字。' });

export const OfficerCreateSchema = z.object({
  name: requiredText('姓名', 40),
  certNo: CertNoSchema,
  unit: requiredText('所在单位', 100),
  password: PasswordSchema,
});
export type OfficerCreate = z.infer<typeof OfficerCreateSchema>;

/** What any process may see of an officer: never the password hash. */
export const OfficerPublicSchema = z.object({
  id: z.string(),
  name: z.string(),
  certNo: z.string(),
  unit: z.string(),
  active: z.boolean(),
});
export type OfficerPublic = z.infer<typeof OfficerPublicSchema>;

export const SignInSchema = z.object({
  certNo: requiredText('执法证号', 32),
  password: z.string().min(1, { message: '请填写密码。' }).max(128),
});

export const ChangePasswordSchema = z
  .object({
    officerId: z.string().min(1).max(64),
    oldPassword: z.string().min(1, { message: '请填写原密码。' }).max(128),
    newPassword: PasswordSchema,
  })
  .strict()
  .refine((v) => v.oldPassword !== v.newPassword, { path: ['newPassword'], message: '新密码不能与原密码相同。' });

export const SessionStateSchema = z.object({
  /** The officers signed in on this device, in sign-in order (at most two). */
  officers: z.array(OfficerPublicSchema).max(2),
  /** True when two officers are signed in: the legal minimum for case work. */
  pair: z.boolean(),
});
export type SessionState = z.infer<typeof SessionStateSchema>;
