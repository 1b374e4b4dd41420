// The content of each document type, as stored and as it will be signed. Drafts may be
// incomplete, so fields are optional-with-defaults here; what the law requires before signing is
// checked by completeness.ts. Strings only (no floats): content ends up in sealed records.
import { z } from 'zod';
import { normaliseIdNumber } from '../validation/resident-id.ts';

const text = (max = 200) => z.string().max(max).default('');
/** An identity-document number: stored as printed — full-width folded, spaces out, x as X (resident-id.ts). */
const idNumberText = () => text(30).transform(normaliseIdNumber);
const longText = (max = 20_000) => z.string().max(max).default('');
/** Local date-time to the minute, as officers write it: 2026-11-20T09:30 (Beijing time). */
export const LocalMinute = z
  .string()
  .regex(/^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})?$/, { message: '时间格式应为 年-月-日 时:分。' })
  .default('');
const LocalDate = z
  .string()
  .regex(/^(\d{4}-\d{2}-\d{2})?$/, { message: '日期格式应为 年-月-日。' })
  .default('');
const id = z.string().min(1).max(64);

export const PersonSchema = z.object({
  name: text(40),
  idType: text(20).default('居民身份证'),
  idNumber: idNumberText(),
  unit: text(100),
  role: text(40),
  phone: text(30),
});

/** An opening statement's answer; the question text comes from the template version. */
export const OpeningAnswerSchema = z.object({ key: z.string().min(1).max(40), answer: longText(2000) });

export const InquiryContentSchema = z.object({
  startTime: LocalMinute,
  endTime: LocalMinute,
  place: text(200),
  inquirerId: z.string().max(64).default(''),
  recorderId: z.string().max(64).default(''),
  interviewee: z
    .object({
      name: text(40),
      gender: z.enum(['', '男', '女']).default(''),
      birthDate: LocalDate,
      ethnicity: text(20),
      idType: text(20).default('居民身份证'),
      idNumber: idNumberText(),
      employer: text(100),
      position: text(40),
      phone: text(30),
      address: text(200),
      relation: text(20),
    })
    .prefault({}),
  interpreter: z.object({ name: text(40), unit: text(100), contact: text(60) }).prefault({}),
  othersPresent: text(500),
  openings: z.array(OpeningAnswerSchema).max(10).default([]),
  qa: z
    .array(z.object({ id, q: longText(5000), a: longText(20_000) }))
    .max(2000)
    .default([]),
  closingStatement: longText(1000),
  confirmation: longText(1000),
});
export type InquiryContent = z.infer<typeof InquiryContentSchema>;

export const MEASURE_KINDS = ['拍照', '录像', '电子取证', '先行登记保存', '其他'] as const;
export const PARTY_NOTICE = ['', '已通知，当事人到场', '已通知，当事人未到场', '无法通知当事人'] as const;

export const OnsiteContentSchema = z.object({
  startTime: LocalMinute,
  endTime: LocalMinute,
  place: text(200),
  inspectorIds: z.array(z.string().max(64)).max(2).default([]),
  recorderId: z.string().max(64).default(''),
  reason: longText(1000),
  party: z
    .object({
      name: text(100),
      licence: text(60),
      idNumber: idNumberText(),
      address: text(200),
      legalRepresentative: text(40),
      phone: text(30),
      platform: text(300),
    })
    .prefault({}),
  partyNotice: z.enum(PARTY_NOTICE).default(''),
  present: z.array(PersonSchema.extend({ id })).max(50).default([]),
  openings: z.array(OpeningAnswerSchema).max(10).default([]),
  findings: longText(50_000),
  measures: z
    .array(
      z.object({
        id,
        kind: z.enum(MEASURE_KINDS),
        description: longText(2000),
        linkedDocumentId: z.string().max(64).default(''),
      }),
    )
    .max(50)
    .default([]),
  statement: longText(20_000),
  witness: PersonSchema.prefault({}),
  confirmation: longText(1000),
});
export type OnsiteContent = z.infer<typeof OnsiteContentSchema>;

export const EVIDENCE_METHODS = [
  '现场提取',
  '网络在线提取（远程）',
  '先行登记保存原始介质',
  '调取',
  '打印、拍照、录像固定',
] as const;
export const EVIDENCE_CATEGORIES = [
  '网页',
  '截图',
  '录屏',
  '音频',
  '视频',
  '文档',
  '日志',
  '数据库导出',
  '其他',
] as const;

export const EvidenceItemRowSchema = z.object({
  id,
  name: text(200),
  category: z.enum(['', ...EVIDENCE_CATEGORIES]).default(''),
  format: text(40),
  source: text(2000),
  method: text(200),
  sizeBytes: z.string().regex(/^\d*$/, { message: '大小应为字节数（整数）。' }).default(''),
  sha256: z
    .string()
    .regex(/^([0-9a-f]{64})?$/, { message: 'SHA-256 应为64位十六进制数。' })
    .default(''),
  sm3: z
    .string()
    .regex(/^([0-9a-f]{64})?$/, { message: 'SM3 应为64位十六进制数。' })
    .default(''),
  time: LocalMinute,
  medium: text(100),
  /** Set when the row is backed by an imported file in the evidence store (evidence feature). */
  evidenceId: z.string().max(64).default(''),
  /**
   * What the officers recorded about an imported item at entry (2017 regulation art. 26: original
   * or copy, how a copy was made, who provided it). Optional, without a default: rows written
   * before it existed parse, save and print exactly as they did.
   */
  provenance: z
    .object({
      original: z.boolean(),
      copyMethod: text(500),
      copyMadeAt: text(40),
      copyMadeBy: text(100),
      provider: text(100),
      providerStatement: z.boolean().default(false),
      deviceSerial: text(200),
      description: longText(2000),
      timeSourceNote: text(500),
    })
    .optional(),
});

export const EvidenceContentSchema = z.object({
  startTime: LocalMinute,
  endTime: LocalMinute,
  timeSource: longText(500),
  place: text(200),
  collectorIds: z.array(z.string().max(64)).max(2).default([]),
  recorderId: z.string().max(64).default(''),
  witness: PersonSchema.prefault({}),
  noWitnessReason: longText(1000),
  holder: PersonSchema.prefault({}),
  target: z
    .object({
      siteName: text(100),
      url: text(2000),
      domain: text(253),
      ip: text(100),
      appName: text(100),
      appVersion: text(40),
      account: text(200),
      group: text(200),
      device: text(300),
    })
    .prefault({}),
  method: z.enum(['', ...EVIDENCE_METHODS]).default(''),
  originalMediumNote: longText(1000),
  environment: z
    .object({
      device: text(300),
      os: text(200),
      software: longText(2000),
      network: longText(1000),
      cleanCheck: longText(1000),
    })
    .prefault({}),
  steps: z
    .array(z.object({ id, time: LocalMinute, text: longText(5000), auto: z.boolean().default(false) }))
    .max(1000)
    .default([]),
  items: z.array(EvidenceItemRowSchema).max(5000).default([]),
  storage: z
    .object({ mediumType: text(60), mediumNo: text(60), sealNo: text(60), backups: longText(500) })
    .prefault({}),
});
export type EvidenceContent = z.infer<typeof EvidenceContentSchema>;

export const PreservationContentSchema = z.object({
  partyName: text(100),
  items: z
    .array(
      z.object({
        id,
        name: text(100),
        model: text(100),
        spec: text(100),
        serial: text(100),
        quantity: z.string().regex(/^\d*$/, { message: '数量应为整数。' }).default(''),
        condition: text(300),
        sealNo: text(60),
        note: text(300),
      }),
    )
    .max(500)
    .default([]),
  approval: z
    .object({ approver: text(40), at: LocalMinute, how: z.enum(['', '书面批准', '电话批准', '当面批准']).default('') })
    .prefault({}),
  startDate: LocalDate,
  place: text(200),
  conditions: longText(1000),
  officerIds: z.array(z.string().max(64)).max(2).default([]),
  witness: PersonSchema.prefault({}),
});
export type PreservationContent = z.infer<typeof PreservationContentSchema>;

export const CONTENT_SCHEMAS = {
  inquiry: InquiryContentSchema,
  onsite: OnsiteContentSchema,
  evidence: EvidenceContentSchema,
  preservation: PreservationContentSchema,
} as const;

export type DocumentContent = InquiryContent | OnsiteContent | EvidenceContent | PreservationContent;
