// 案件: the case record an officer team works in. Field rules follow DOCUMENTS.md §7 and the
// 2017 regulation art. 14 (case sources).
import { z } from 'zod';
import { creditCodeError } from '../validation/credit-code.ts';
import { normaliseIdNumber, residentIdError } from '../validation/resident-id.ts';
import { optionalText, phoneField, requiredText } from './text-rules.ts';
import { MatterSummarySchema } from '../catalog/catalog-schema.ts';
import { CaseLawSchema, ConductSchema } from './case-law.ts';
import { OfficerPublicSchema } from './officer.ts';

export const CASE_SOURCES = ['监督检查发现', '投诉举报', '上级交办', '下级报请', '部门移送', '其他'] as const;
export const CaseSourceSchema = z.enum(CASE_SOURCES, { error: '请选择案件来源。' });

export const CASE_STATUSES = ['clue', 'filed', 'closed'] as const;
export const CaseStatusSchema = z.enum(CASE_STATUSES);
export type CaseStatus = z.infer<typeof CaseStatusSchema>;
export const CASE_STATUS_LABELS: Record<CaseStatus, string> = { clue: '线索/初查', filed: '已立案', closed: '已结案' };

export const ID_TYPES = ['居民身份证', '港澳居民来往内地通行证', '台湾居民来往大陆通行证', '护照', '其他证件'] as const;

/** Typed with a Chinese input method: full-width characters folded, spaces out, upper case (resident-id.ts). */
const normalisedUpper = (label: string) => requiredText(label, 18).transform(normaliseIdNumber);

export const OrganisationPartySchema = z.object({
  kind: z.literal('organisation'),
  name: requiredText('单位名称', 100),
  creditCode: normalisedUpper('统一社会信用代码').superRefine((v, ctx) => {
    const err = creditCodeError(v);
    if (err) ctx.addIssue({ code: 'custom', message: err });
  }),
  legalRepresentative: requiredText('法定代表人（负责人）', 40),
  address: requiredText('住所', 200),
  phone: phoneField(),
});

export const PersonPartySchema = z
  .object({
    kind: z.literal('person'),
    name: requiredText('姓名', 40),
    idType: z.enum(ID_TYPES, { error: '请选择证件种类。' }).default('居民身份证'),
    // As typed: full-width digits and letters (Chinese input methods) are read, x is stored as X.
    idNumber: requiredText('身份证件号码', 30).transform(normaliseIdNumber),
    address: requiredText('住址', 200),
    phone: phoneField(),
  })
  .superRefine((v, ctx) => {
    if (v.idType !== '居民身份证') return;
    const err = residentIdError(v.idNumber);
    if (err) ctx.addIssue({ code: 'custom', path: ['idNumber'], message: err });
  });

export const PartySchema = z.discriminatedUnion('kind', [OrganisationPartySchema, PersonPartySchema], {
  error: '请选择当事人类型（单位或个人）。',
});
export type Party = z.infer<typeof PartySchema>;

const ICP = /^[\p{Script=Han}]ICP备\d{4,12}号(-\d{1,4})?$/u;
const DOMAIN = /^(?=.{3,253}$)([\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+[\p{L}]{2,63}$/u;

export const PlatformSchema = z.object({
  name: requiredText('网站/APP名称', 100),
  domain: optionalText('域名', 253)
    .transform((s) => s.toLowerCase())
    .refine((s) => s === '' || DOMAIN.test(s), {
      message: '域名格式不正确，应类似 example.com（不含 http:// 和路径）。',
    }),
  url: optionalText('网址', 2000).refine(
    (s) => {
      if (s === '') return true;
      try {
        const u = new URL(s);
        return u.protocol === 'http:' || u.protocol === 'https:';
      } catch {
        return false;
      }
    },
    { message: '网址格式不正确，应以 http:// 或 https:// 开头。' },
  ),
  icp: optionalText('ICP备案号', 40).refine((s) => s === '' || ICP.test(s), {
    message: 'ICP备案号格式不正确，应类似「桂ICP备12345678号-1」。',
  }),
});
export type Platform = z.infer<typeof PlatformSchema>;

export const CaseInputSchema = z
  .object({
    title: requiredText('案件名称', 120),
    source: CaseSourceSchema,
    sourceNote: optionalText('来源说明', 500),
    party: PartySchema,
    platform: PlatformSchema,
    /** When the conduct happened: it decides which version of the law applies (docs/LAW.md). */
    conduct: ConductSchema,
    matterId: z.string({ error: '请选择执法事项。' }).min(1, { message: '请选择执法事项。' }),
    officerIds: z.array(z.string().min(1)).length(2, { message: '须指定两名承办人员。' }),
    summary: optionalText('简要案情', 2000),
  })
  .superRefine((v, ctx) => {
    if (v.officerIds.length === 2 && v.officerIds[0] === v.officerIds[1]) {
      ctx.addIssue({ code: 'custom', path: ['officerIds'], message: '两名承办人员不能是同一人。' });
    }
  });
export type CaseInput = z.input<typeof CaseInputSchema>;
export type CaseData = z.output<typeof CaseInputSchema>;

export const CaseEventSchema = z.object({
  at: z.string(),
  kind: z.string(),
  text: z.string(),
  officers: z.array(z.string()),
});

export const CaseSummarySchema = z.object({
  id: z.string(),
  caseNo: z.string(),
  title: z.string(),
  status: CaseStatusSchema,
  source: CaseSourceSchema,
  partyName: z.string(),
  platformName: z.string(),
  matterId: z.string(),
  matterName: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CaseSummary = z.infer<typeof CaseSummarySchema>;

export const CaseDetailSchema = CaseSummarySchema.extend({
  sourceNote: z.string(),
  summary: z.string(),
  party: PartySchema,
  platform: PlatformSchema,
  officers: z.array(OfficerPublicSchema),
  /** The matter with its law as it applies to the case's conduct (the versions side by side where they differ). */
  matter: MatterSummarySchema.nullable(),
  law: CaseLawSchema,
  events: z.array(CaseEventSchema),
});
export type CaseDetail = z.infer<typeof CaseDetailSchema>;

export const CaseListQuerySchema = z.object({
  query: z.string().trim().max(100).default(''),
  status: CaseStatusSchema.optional(),
  limit: z.number().int().min(1).max(200).default(50),
  offset: z.number().int().min(0).default(0),
});
