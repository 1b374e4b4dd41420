// An evidence item's description, as the officer records it at entry (DOCUMENTS.md §3; 2017
// regulation art. 26 for copies and provided items).
import { z } from 'zod';
import { EVIDENCE_CATEGORIES } from '../documents/types/evidence/content.ts';
import { normaliseIdNumber } from '../validation/resident-id.ts';

const text = (max = 500) => z.string().trim().max(max).default('');

export const EvidenceMetaSchema = z
  .object({
    category: z.enum(EVIDENCE_CATEGORIES, { error: '请选择电子数据类别。' }),
    description: text(2000),
    /** URL, path, or the device. */
    source: text(2000),
    /** The source device's serial number (设备序列号), when the source is a device. */
    sourceDeviceSerial: text(200),
    method: text(200),
    /**
     * The clock the times were read from and how far it can be trusted. Left empty, the core
     * writes the device clock's reading at the moment of the import (not when the form opened).
     */
    timeSourceNote: text(500),
    /**
     * 提取时间 as recorded on site, when the data was extracted before this import (copied onto a
     * USB stick at 09:30, imported at 10:05); empty when the import itself is the extraction.
     */
    extractedAt: z
      .string()
      .trim()
      .regex(/^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})?$/, { message: '提取时间格式应为 年-月-日 时:分。' })
      .default(''),
    /** 存储介质: what it was extracted onto on site (U盘 XJ-2026-031); empty: this app's store. */
    medium: text(100),
    /** 保管情况: where the data was, and who held it, between extraction and import. */
    custody: text(500),
    provider: z
      .object({
        name: text(100),
        idNumber: text(30).transform(normaliseIdNumber),
        statement: z.boolean().default(false),
      })
      .prefault({}),
    /** Original or copy; a copy records how, when and by whom it was made (art. 26). */
    original: z.boolean().default(true),
    copy: z.object({ method: text(500), madeAt: text(40), madeBy: text(100) }).prefault({}),
  })
  .superRefine((m, ctx) => {
    // 2017 regulation art. 26: a copy states how, when and by whom it was made.
    if (!m.original) {
      if (!m.copy.method) ctx.addIssue({ code: 'custom', path: ['copy', 'method'], message: '复制件须注明制作方法。' });
      if (!m.copy.madeAt) ctx.addIssue({ code: 'custom', path: ['copy', 'madeAt'], message: '复制件须注明制作时间。' });
      if (!m.copy.madeBy) ctx.addIssue({ code: 'custom', path: ['copy', 'madeBy'], message: '复制件须注明制作人。' });
    }
    if (m.extractedAt && !m.medium)
      ctx.addIssue({
        code: 'custom',
        path: ['medium'],
        message: '填写了提取时间时，请同时填写提取时存入的存储介质（如「U盘 XJ-2026-031」）。',
      });
    if (m.provider.statement && !m.provider.name)
      ctx.addIssue({ code: 'custom', path: ['provider', 'name'], message: '注明「经核对与原件无异」时须填写提供人。' });
  });
export type EvidenceMeta = z.infer<typeof EvidenceMetaSchema>;
export type EvidenceMetaInput = z.input<typeof EvidenceMetaSchema>;

export const EvidenceItemSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  fileName: z.string(),
  format: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  sm3: z.string(),
  collectedAt: z.string(),
  collectedBy: z.array(z.string()),
  meta: EvidenceMetaSchema,
  verifiedAt: z.string().nullable(),
  verifyStatus: z.enum(['ok', 'mismatch', 'missing']).nullable(),
});
export type EvidenceItem = z.infer<typeof EvidenceItemSchema>;

/** What an upload returns: the item, and a notice when the same bytes are already evidence of another case. */
export type ImportedEvidence = EvidenceItem & { notice?: string };

export const VerifyReportSchema = z.object({
  checked: z.number().int(),
  /** Each failure names the item and its case (a whole-device run spans every case). */
  failures: z.array(
    z.object({
      id: z.string(),
      fileName: z.string(),
      caseId: z.string(),
      caseNo: z.string(),
      status: z.enum(['mismatch', 'missing']),
      detail: z.string(),
    }),
  ),
});
export type VerifyReport = z.infer<typeof VerifyReportSchema>;
